"""The fake Bot API driven by the real python-telegram-bot: polling, callbacks, faults, webhook.

These tests also pin down PTB v22 behaviour the Telegram channel relies on (see each test).
"""

from __future__ import annotations

import asyncio
import datetime as dtm

import pytest
from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.error import (
    BadRequest,
    EndPointNotFound,
    InvalidToken,
    NetworkError,
    RetryAfter,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    MessageHandler,
    filters,
)
from telegram.warnings import PTBDeprecationWarning

from tests.telegram_harness import (
    FakeBotApi,
    build_echo_application,
    other_tasks,
    polling,
    webhook,
)
from tests.telegram_harness.fixtures import fake_bot_api  # noqa: F401  (pytest fixture)

CHAT = 4711


def _collect_errors(app: Application) -> asyncio.Queue[BaseException]:
    errors: asyncio.Queue[BaseException] = asyncio.Queue()

    async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert context.error is not None
        errors.put_nowait(context.error)

    app.add_error_handler(on_error)
    return errors


async def test_echo_round_trip_and_clean_shutdown(fake_bot_api: FakeBotApi) -> None:
    app = build_echo_application(fake_bot_api.url, fake_bot_api.token)
    async with polling(app, timeout=5):
        first = fake_bot_api.inject_message(CHAT, CHAT, "Hallo, ich brauche Hilfe")
        second = fake_bot_api.inject_message(CHAT, CHAT, "42")
        await fake_bot_api.wait_for("sendMessage", count=2)

    texts = [m.text for m in fake_bot_api.sent_messages(CHAT)]
    assert texts == ["Hallo, ich brauche Hilfe", "42"]  # a numeric text stays a string
    # message ids are per chat and shared with the user's own messages (1, 2 were the user's)
    assert [m.message_id for m in fake_bot_api.sent_messages(CHAT)] == [3, 4]
    methods = [call.method for call in fake_bot_api.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]
    # PTB confirms what it fetched with one last getUpdates(timeout=0) at updater.stop()
    last_poll = fake_bot_api.calls_to("getUpdates")[-1]
    assert last_poll.params["offset"] == second + 1
    assert last_poll.params["timeout"] == 0
    assert fake_bot_api.confirmed_offset == second + 1
    assert fake_bot_api.pending_updates == []
    assert fake_bot_api.delivery_count == {first: 1, second: 1}
    assert other_tasks() == set()


async def test_inline_keyboard_callback_is_answered_and_message_edited(
    fake_bot_api: FakeBotApi,
) -> None:
    app = fake_bot_api.application_builder().build()

    async def start(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        keyboard = [
            [InlineKeyboardButton("Ja, jetzt", callback_data="danger:yes")],
            [InlineKeyboardButton("Nein", callback_data="danger:no")],
        ]
        assert update.effective_chat is not None
        await context.bot.send_message(
            update.effective_chat.id,
            "Sind Sie <b>jetzt</b> in Gefahr?",
            parse_mode="HTML",
            reply_markup=InlineKeyboardMarkup(keyboard),
        )

    async def chosen(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None and query.data is not None
        await query.answer()
        await query.edit_message_text(f"Gewählt: {query.data}")

    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(chosen))
    async with polling(app, timeout=5):
        fake_bot_api.inject_message(CHAT, CHAT, "/start")
        await fake_bot_api.wait_for("sendMessage")
        question = fake_bot_api.sent_messages(CHAT)[0]
        assert question.parse_mode == "HTML"
        assert [row[0]["callback_data"] for row in question.buttons] == ["danger:yes", "danger:no"]
        fake_bot_api.inject_callback(CHAT, CHAT, question.message_id, "danger:yes")
        await fake_bot_api.wait_for("editMessageText")

    answer = fake_bot_api.calls_to("answerCallbackQuery")
    assert len(answer) == 1 and answer[0].params["callback_query_id"] in (
        fake_bot_api.state.answered_callbacks
    )
    edited = fake_bot_api.message(CHAT, question.message_id)
    assert edited is not None
    assert (edited.text, edited.reply_markup) == ("Gewählt: danger:yes", None)
    assert edited.edit_count == 1


def test_retry_after_warns_unless_ptb_timedelta_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    # PTB 22.8 reads its own deprecated int `retry_after` while building the exception, so
    # with filterwarnings=error a 429 surfaces as PTBDeprecationWarning, not RetryAfter
    monkeypatch.delenv("PTB_TIMEDELTA", raising=False)
    with pytest.warns(PTBDeprecationWarning, match="PTB_TIMEDELTA"):
        RetryAfter(3)
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    assert RetryAfter(3).retry_after == dtm.timedelta(seconds=3)


async def test_ptb_does_not_retry_a_send_after_429(fake_bot_api: FakeBotApi) -> None:
    app = build_echo_application(fake_bot_api.url, fake_bot_api.token)
    errors = _collect_errors(app)
    fake_bot_api.fail_next("sendMessage", status=429, retry_after=3)
    async with polling(app, timeout=5):
        fake_bot_api.inject_message(CHAT, CHAT, "eins")
        error = await asyncio.wait_for(errors.get(), 5)
        # the handler got RetryAfter; PTB moves on to the next update without resending
        fake_bot_api.inject_message(CHAT, CHAT, "zwei")
        await fake_bot_api.wait_for(lambda c: c.method == "sendMessage" and c.status == 200)

    assert isinstance(error, RetryAfter)
    assert error.retry_after == dtm.timedelta(seconds=3)
    sends = [(c.params["text"], c.status) for c in fake_bot_api.calls_to("sendMessage")]
    assert sends == [("eins", 429), ("zwei", 200)]
    assert [m.text for m in fake_bot_api.sent_messages(CHAT)] == ["zwei"]


async def test_handler_level_retry_after_429_sends_exactly_once(
    fake_bot_api: FakeBotApi,
) -> None:
    app = fake_bot_api.application_builder().build()

    async def reply_with_retry(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_chat is not None
        try:
            await context.bot.send_message(update.effective_chat.id, "Antwort")
        except RetryAfter as exc:
            assert isinstance(exc.retry_after, dtm.timedelta)
            await asyncio.sleep(exc.retry_after.total_seconds())
            await context.bot.send_message(update.effective_chat.id, "Antwort")

    app.add_handler(MessageHandler(filters.TEXT, reply_with_retry))
    fake_bot_api.fail_next("sendMessage", status=429, retry_after=1)
    async with polling(app, timeout=5):
        fake_bot_api.inject_message(CHAT, CHAT, "Hilfe")
        calls = await fake_bot_api.wait_for("sendMessage", count=2)

    assert [c.status for c in calls] == [429, 200]
    assert calls[1].time - calls[0].time >= 1.0
    assert [m.text for m in fake_bot_api.sent_messages(CHAT)] == ["Antwort"]


async def test_polling_retries_get_updates_after_429_without_duplicates(
    fake_bot_api: FakeBotApi,
) -> None:
    app = build_echo_application(fake_bot_api.url, fake_bot_api.token)
    fake_bot_api.fail_next("getUpdates", status=429, retry_after=1)
    update_id = fake_bot_api.inject_message(CHAT, CHAT, "nach der Pause")
    async with polling(app, timeout=5):
        await fake_bot_api.wait_for("sendMessage", timeout=5)

    polls = fake_bot_api.calls_to("getUpdates")
    assert polls[0].status == 429 and polls[1].status == 200
    # PTB's network retry loop waits retry_after plus 0.5 s of slack, by itself
    assert polls[1].time - polls[0].time >= 1.5
    assert fake_bot_api.delivery_count == {update_id: 1}
    assert [m.text for m in fake_bot_api.sent_messages(CHAT)] == ["nach der Pause"]


async def test_server_error_on_send_reaches_the_error_handler(fake_bot_api: FakeBotApi) -> None:
    app = build_echo_application(fake_bot_api.url, fake_bot_api.token)
    errors = _collect_errors(app)
    fake_bot_api.fail_next("sendMessage", status=500, times=2)
    async with polling(app, timeout=5):
        fake_bot_api.inject_message(CHAT, CHAT, "a")
        fake_bot_api.inject_message(CHAT, CHAT, "b")
        fake_bot_api.inject_message(CHAT, CHAT, "c")
        first, second = await asyncio.wait_for(errors.get(), 5), await errors.get()
        await fake_bot_api.wait_for(lambda c: c.method == "sendMessage" and c.status == 200)

    assert isinstance(first, NetworkError) and isinstance(second, NetworkError)
    assert [m.text for m in fake_bot_api.sent_messages(CHAT)] == ["c"]


async def test_webhook_checks_the_secret_token(fake_bot_api: FakeBotApi) -> None:
    app = build_echo_application(fake_bot_api.url, fake_bot_api.token)
    async with webhook(app, secret_token="geheim-123") as url:
        assert fake_bot_api.state.webhook_url == url
        assert fake_bot_api.state.webhook_secret == "geheim-123"
        right = fake_bot_api.build_message(CHAT, CHAT, "per Webhook")
        assert await fake_bot_api.post_webhook(url, right, "geheim-123") == 200
        await fake_bot_api.wait_for("sendMessage")
        wrong = fake_bot_api.build_message(CHAT, CHAT, "falsches Geheimnis")
        assert await fake_bot_api.post_webhook(url, wrong, "geraten") == 403
        assert await fake_bot_api.post_webhook(url, wrong, None) == 403
        again = fake_bot_api.build_message(CHAT, CHAT, "noch einmal")
        assert await fake_bot_api.post_webhook(url, again, "geheim-123") == 200
        await fake_bot_api.wait_for("sendMessage", count=2)

    assert [m.text for m in fake_bot_api.sent_messages(CHAT)] == ["per Webhook", "noch einmal"]
    assert "getUpdates" not in {call.method for call in fake_bot_api.calls}
    # stopping the updater does not delete the webhook at Telegram
    assert fake_bot_api.state.webhook_url == url
    assert other_tasks() == set()


async def test_files_locations_contacts_reach_handlers(fake_bot_api: FakeBotApi) -> None:
    app = fake_bot_api.application_builder().build()
    seen: asyncio.Queue[Update] = asyncio.Queue()

    async def on_document(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        message = update.effective_message
        assert message is not None and message.document is not None
        data = await (await message.document.get_file()).download_as_bytearray()
        await context.bot.send_document(
            message.chat_id, bytes(data[::-1]), filename="kopie.pdf", caption=f"{len(data)} Bytes"
        )

    async def on_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        seen.put_nowait(update)

    app.add_handler(MessageHandler(filters.Document.ALL, on_document))
    app.add_handler(MessageHandler(filters.ALL, on_other))
    async with polling(app, timeout=5):
        fake_bot_api.inject_document(
            CHAT, CHAT, b"%PDF-1.4 Bericht", "bericht.pdf", "application/pdf"
        )
        await fake_bot_api.wait_for("sendDocument")
        fake_bot_api.inject_location(CHAT, CHAT, 51.0504, 13.7373)
        fake_bot_api.inject_contact(CHAT, CHAT, "+49 351 0000000")
        fake_bot_api.inject_photo(CHAT, CHAT, b"\xff\xd8jpeg", caption="Foto")
        updates = [await asyncio.wait_for(seen.get(), 5) for _ in range(3)]
        photo = updates[2].effective_message.photo[-1]  # type: ignore[union-attr]
        photo_bytes = await (await photo.get_file()).download_as_bytearray()

    sent = fake_bot_api.sent_messages(CHAT)[0]
    assert sent.document is not None
    assert (sent.document.filename, sent.document.data) == ("kopie.pdf", b"%PDF-1.4 Bericht"[::-1])
    assert sent.caption == "16 Bytes"
    location = updates[0].effective_message.location  # type: ignore[union-attr]
    assert (location.latitude, location.longitude) == (51.0504, 13.7373)  # type: ignore[union-attr]
    contact = updates[1].effective_message.contact  # type: ignore[union-attr]
    assert contact is not None
    assert (contact.phone_number, contact.user_id) == ("+49 351 0000000", CHAT)
    assert photo_bytes == b"\xff\xd8jpeg"


async def test_bot_methods_state_and_unknown_method(fake_bot_api: FakeBotApi) -> None:
    app = fake_bot_api.application_builder().build()
    async with app:  # initialize/shutdown only: direct Bot calls, no polling
        bot = app.bot
        assert bot.username == "schutzlotse_test_bot"
        await bot.set_my_commands([("start", "Beginnen"), ("hilfe", "Hilfe")], language_code="de")
        commands = await bot.get_my_commands(language_code="de")
        assert [c.command for c in commands] == ["start", "hilfe"]
        assert await bot.get_my_commands() == ()
        assert await bot.send_chat_action(CHAT, "typing")
        sent = await bot.send_message(CHAT, "Text", reply_markup=InlineKeyboardMarkup(
            [[InlineKeyboardButton("A", callback_data="a")]]
        ))
        await bot.edit_message_reply_markup(CHAT, sent.message_id, reply_markup=None)
        assert fake_bot_api.message(CHAT, sent.message_id).buttons == []  # type: ignore[union-attr]
        with pytest.raises(BadRequest, match="not modified"):
            await bot.edit_message_text("Text", CHAT, sent.message_id)
        with pytest.raises(BadRequest, match="(?i)button_data_invalid"):
            await bot.send_message(CHAT, "x", reply_markup=InlineKeyboardMarkup(
                [[InlineKeyboardButton("lang", callback_data="x" * 65)]]
            ))
        with pytest.raises(EndPointNotFound):
            await bot.do_api_request("sendHologram", api_kwargs={"chat_id": CHAT})
        # a known PTB method the fake lacks: Telegram's 404 reads as InvalidToken in PTB
        with pytest.raises(InvalidToken, match="method not found"):
            await bot.send_dice(CHAT)
        assert await bot.delete_my_commands(language_code="de")
        assert await bot.get_my_commands(language_code="de") == ()
    assert [c.method for c in fake_bot_api.unknown_calls] == ["sendHologram", "sendDice"]
    fake_bot_api.expect_unknown_methods = True
