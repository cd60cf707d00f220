"""The Telegram channel end to end: real python-telegram-bot, fake Bot API, real engine+SQLite.

Each test drives the channel the way Telegram would (updates in, Bot API calls out).
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from bot.channels.telegram import WebhookConfig
from bot.escalation import answers
from handlers.messages import (
    ContactCard,
    ConversationKey,
    Inbound,
    Option,
    OptionChosen,
    OutboundMessage,
)
from tests.telegram_channel_helpers import (
    button_ids,
    handled,
    last_with_buttons,
    opened,
    press,
    running,
    say,
    visible_text,
)
from tests.telegram_harness import FakeBotApi, free_port, other_tasks
from tests.telegram_harness.fixtures import fake_bot_api  # noqa: F401  (pytest fixture)

CHAT = 4242
KEY = ConversationKey("telegram", str(CHAT), str(CHAT))
TO_MUNICIPALITY = ["danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"]


async def _node(app, key: ConversationKey = KEY) -> str | None:  # type: ignore[no-untyped-def]
    loaded = await app.engine.conversations.load(key)
    return loaded[0].node if loaded and loaded[0] else None


def _assert_result(api: FakeBotApi, place: str) -> None:
    texts = [m.text or "" for m in api.sent_messages(CHAT)]
    result = next(t for t in texts if place in t and "<b>" in t)
    visible = visible_text(result)
    assert "Polizei" in visible  # the local police card comes first
    assert "Was Sie jetzt tun können:" in "\n".join(texts)
    # "more" buttons first where the short result left something out, then what to do next.
    assert button_ids(last_with_buttons(api, CHAT))[-3:] == ["document_incident", "new_request", "finish"]


async def test_whole_triage_by_button_presses(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        first = await say(api, CHAT, "/start")
        assert "ich bin Schutzlotse" in (first[0].text or "")
        assert button_ids(first[-1]) == ["danger_yes", "danger_no"]
        pressed = [await press(api, CHAT, option) for option in TO_MUNICIPALITY]
        assert await _node(app) == "municipality"
        municipality = api.sent_messages(CHAT)[-1]
        keyboard = municipality.reply_markup or {}
        assert keyboard["keyboard"][0][0]["request_location"] is True
        await say(api, CHAT, "Pirna")
    assert other_tasks() == set()  # the channel stopped cleanly
    _assert_result(api, "Pirna")
    for question in pressed:  # every answered question shows the choice, without buttons
        shown = api.message(CHAT, question.message_id)
        assert shown is not None and shown.buttons == [] and "✅" in (shown.text or "")
    assert "Bedrohung" in (api.message(CHAT, pressed[1].message_id).text or "")  # type: ignore[union-attr]
    answered = api.calls_to("answerCallbackQuery")
    assert len(answered) == len(TO_MUNICIPALITY) and all(c.status == 200 for c in answered)
    assert all("text" not in c.params for c in answered)
    # the reply keyboard with the location button is taken away again
    assert any((m.reply_markup or {}).get("remove_keyboard") for m in api.sent_messages(CHAT))
    commands = {c.params.get("language_code"): c.params["commands"] for c in api.calls_to("setMyCommands")}
    assert [c["command"] for c in commands["de"]][:2] == ["start", "notfall"]
    assert {"help", "emergency", "cancel", "language", "privacy"} <= {c["command"] for c in commands["en"]}
    assert {"hilfe", "abbrechen", "sprache", "datenschutz"} <= {c["command"] for c in commands[None]}
    described = app.engine.knowledge.current.texts.command_descriptions
    assert commands["de"][1]["description"] == described["emergency"].de
    assert commands["en"][1]["description"] == described["emergency"].en
    assert commands[None] == commands["de"]  # German is the default menu
    assert all(m.parse_mode == "HTML" for m in api.sent_messages(CHAT))


async def test_whole_triage_by_typed_answers(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")
        for answer in ["Nein", "Bedrohung", "nein", "nein", "nein"]:
            await say(api, CHAT, answer)
        assert await _node(app) == "municipality"
        await say(api, CHAT, "Pirna")
    _assert_result(api, "Pirna")
    assert api.calls_to("answerCallbackQuery") == []


async def test_shared_location_becomes_the_place(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")
        for option in TO_MUNICIPALITY:
            await press(api, CHAT, option)
        await handled(api, api.inject_location(CHAT, CHAT, 51.0504, 13.7373))
    _assert_result(api, "Dresden")


async def test_contact_button_and_shared_contact(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    seen: list[Inbound] = []
    async with opened(tmp_path) as app, running(api, app):

        async def capture(event: Inbound) -> list[OutboundMessage] | None:
            seen.append(event)
            return [OutboundMessage("Danke.")] if type(event).__name__ == "ContactIn" else None

        app.engine.interceptors.append(capture)
        await app.engine.deliver(KEY, [OutboundMessage("Rückrufnummer?", request_contact=True)])
        await handled(api, api.inject_contact(CHAT, CHAT, "+49 351 0000000"))
    asked = api.sent_messages(CHAT)[0]
    assert (asked.reply_markup or {})["keyboard"][0][0]["request_contact"] is True
    assert getattr(seen[-1], "phone", None) == "+49 351 0000000"
    assert (api.sent_messages(CHAT)[-1].reply_markup or {}).get("remove_keyboard") is True


async def test_stale_and_double_pressed_buttons_change_nothing(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")
        danger = await press(api, CHAT, "danger_no")
        sent_before = len(api.calls_to("sendMessage"))
        edits_before = len(api.calls_to("editMessageText"))
        # the same (already answered) question again, and a button id that was never offered
        await handled(api, api.inject_callback(CHAT, CHAT, danger.message_id, "danger_yes"))
        category = last_with_buttons(api, CHAT)
        await handled(api, api.inject_callback(CHAT, CHAT, category.message_id, "danger_no"))
        await handled(api, api.inject_callback(CHAT, CHAT, 1, "threat"))  # the user's own message
        assert await _node(app) == "category"
    assert len(api.calls_to("sendMessage")) == sent_before
    assert len(api.calls_to("editMessageText")) == edits_before
    answers = api.calls_to("answerCallbackQuery")[-3:]
    assert [a.params.get("text") for a in answers] == [
        "Diese Auswahl ist nicht mehr aktuell. Bitte nutzen Sie die letzte Frage."
    ] * 3
    assert button_ids(api.message(CHAT, category.message_id)) != []  # type: ignore[arg-type]


async def test_escalation_buttons_always_reach_the_engine(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    chosen: list[str] = []
    async with opened(tmp_path) as app, running(api, app):

        async def officer(event: Inbound) -> list[OutboundMessage] | None:
            if isinstance(event, OptionChosen) and answers.is_officer_answer(event.option_id):
                chosen.append(event.option_id)
                return [OutboundMessage("Übernommen.")]
            return None

        app.engine.interceptors.append(officer)
        take = answers.option(answers.TakeAlert("17"), "Ich übernehme")
        alert = OutboundMessage("Alarm", options=(take,), emergency=True)
        await app.engine.deliver(KEY, [alert])
        alert_msg = last_with_buttons(api, CHAT)
        await say(api, CHAT, "/start")  # the alert is no longer the newest keyboard
        await handled(api, api.inject_callback(CHAT, CHAT, alert_msg.message_id, take.id))
        assert await _node(app) == "danger_now"  # the conversation itself did not move
    assert [answers.parse(c) for c in chosen] == [answers.TakeAlert("17")]
    assert "🚨" in (alert_msg.text or "") and "NOTFALL" in (alert_msg.text or "")
    assert "Übernommen." in [m.text for m in api.sent_messages(CHAT)]


async def test_group_chats_get_one_notice_and_nothing_else(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    group = -100777
    async with opened(tmp_path) as app, running(api, app):
        for text in ["/start", "Ich werde bedroht", "/hilfe"]:
            await handled(api, api.inject_message(group, 55, text, chat_type="supergroup"))
        await handled(api, api.inject_message(-5, 56, "Hallo", chat_type="group", language_code="en"))
        loaded = await app.engine.conversations.load(ConversationKey("telegram", str(group), "55"))
    notices = api.sent_messages(group)
    assert len(notices) == 1 and "nur in privaten Chats" in (notices[0].text or "")
    assert "only talk in private chats" in (api.sent_messages(-5)[0].text or "")
    assert loaded is None


async def test_html_is_escaped_everywhere(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        card = ContactCard(id="x", name="A & B <Verein>", phone="0351 1", web="example.org/a?b=1&c=2")
        await app.engine.deliver(KEY, [OutboundMessage("<b>&", contacts=(card,))])
        await say(api, CHAT, "<b>&")
        await say(api, CHAT, "/x <i>")
    sent = api.sent_messages(CHAT)
    assert sent[0].text is not None and sent[0].text.startswith("&lt;b&gt;&amp;")
    assert visible_text(sent[0].text).startswith("<b>&\n\nA & B <Verein>")
    assert 'href="https://example.org/a?b=1&amp;c=2"' in sent[0].text
    for message in sent:  # everything the bot said is valid Telegram HTML
        visible_text(message.text or "")


async def test_429_and_500_are_retried_without_duplicates(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        api.fail_next("sendMessage", status=429, retry_after=1)
        await say(api, CHAT, "/start")
        api.fail_next("sendMessage", status=500, times=2)
        api.fail_next("editMessageText", status=502)
        await press(api, CHAT, "danger_no")
    sends = api.calls_to("sendMessage")
    assert [c.status for c in sends[:2]] == [429, 200]
    assert sends[1].time - sends[0].time >= 1.0  # waited retry_after
    assert [c.status for c in sends[3:6]] == [500, 500, 200]
    texts = [m.text for m in api.sent_messages(CHAT)]
    assert len(texts) == len(set(texts)) == 3  # welcome, danger question, category question
    assert "✅" in (texts[1] or "")


async def test_webhook_mode_checks_the_secret_token(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    hook = WebhookConfig(url=url, secret="geheim_42-x", listen="127.0.0.1", port=port)
    async with opened(tmp_path) as app, running(api, app, webhook=hook):
        assert (api.state.webhook_url, api.state.webhook_secret) == (url, "geheim_42-x")
        wrong = api.build_message(CHAT, CHAT, "/start")
        assert await api.post_webhook(url, wrong, "geraten") == 403
        assert await api.post_webhook(url, wrong, None) == 403
        right = api.build_message(CHAT, CHAT, "/start")
        assert await api.post_webhook(url, right, "geheim_42-x") == 200
        await api.wait_for("sendMessage", count=2)
        assert await _node(app) == "danger_now"
    assert len(api.sent_messages(CHAT)) == 2
    assert "getUpdates" not in {c.method for c in api.calls}


async def test_restart_mid_conversation_continues_at_the_same_step(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")
        await press(api, CHAT, "danger_no")
    # a new process: new Application, database opened again from the same file
    async with opened(tmp_path) as app, running(api, app):
        assert await _node(app) == "category"
        category = await press(api, CHAT, "threat")  # the newest keyboard still works
        assert await _node(app) == "aspect_online"
    shown = api.message(CHAT, category.message_id)
    assert shown is not None and shown.buttons == [] and "Bedrohung" in (shown.text or "")


async def test_crash_before_the_answer_does_not_lose_the_step(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")
    async with opened(tmp_path) as app:
        api.fail_next("sendMessage", status=500, times=50)
        async with running(api, app, retry_backoff=5.0):
            update_id = api.inject_message(CHAT, CHAT, "Nein")
            await api.wait_for(lambda c: c.method == "sendMessage" and c.status == 500)
            assert await _node(app) == "category"  # saved before answering
        # the "crash": the process died while the answer was being retried
    api._faults.clear()
    async with opened(tmp_path) as app, running(api, app) as channel:
        # the step was committed with the update's done mark and its answer: the answer that
        # never got out is handed over at the start, and the step is not taken twice
        await api.wait_for(lambda c: c.method == "sendMessage" and c.status == 200
                           and "Was ist passiert?" in str(c.params.get("text")))
        assert await _node(app) == "category"
        await channel.inbox.close()  # the done marks are group-committed in the background
        assert (await channel.inbox.count())["pending"] == 0
    assert api.delivery_count[update_id] == 1  # stored, then confirmed: Telegram never sent it again
    assert "Was ist passiert?" in (api.sent_messages(CHAT)[-1].text or "")


async def test_attachments_are_fetched_and_too_large_ones_refused(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    seen: list[Inbound] = []
    async with opened(tmp_path) as app, running(api, app):
        await say(api, CHAT, "/start")

        async def capture(event: Inbound) -> None:
            seen.append(event)

        app.engine.interceptors.append(capture)  # type: ignore[arg-type]
        await handled(api, api.inject_photo(CHAT, CHAT, b"\xff\xd8jpeg-bytes"))
        await handled(api, api.inject_document(CHAT, CHAT, b"%PDF-1.4 x", "brief.pdf", "application/pdf"))
        big = b"\0" * (20 * 1024 * 1024 + 1)
        files_before = len(api.calls_to("getFile"))
        await handled(api, api.inject_document(CHAT, CHAT, big, "video.mp4", "video/mp4"))
        assert len(api.calls_to("getFile")) == files_before  # not even asked for
    photo, doc = seen[-2], seen[-1]
    assert (photo.mime_type, photo.data) == ("image/jpeg", b"\xff\xd8jpeg-bytes")  # type: ignore[attr-defined]
    assert (doc.filename, doc.mime_type, doc.data) == ("brief.pdf", "application/pdf", b"%PDF-1.4 x")  # type: ignore[attr-defined]
    texts = [m.text or "" for m in api.sent_messages(CHAT)]
    assert sum("Vorfall dokumentieren" in t for t in texts) == 2
    assert "größer als 20 MB" in texts[-1]


async def test_privacy_command_says_telegram_is_not_end_to_end_encrypted(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        german = await say(api, CHAT, "/datenschutz")
        english = await say(api, 99, "/privacy", language_code="en")
    assert "nicht Ende-zu-Ende-verschlüsselt" in (german[0].text or "")
    assert "not end-to-end encrypted" in (english[0].text or "")


async def test_long_texts_are_split_on_paragraph_borders(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    paragraph = "Absatz " + "x" * 1200
    text = "\n\n".join(f"{i} {paragraph}" for i in range(8))
    async with opened(tmp_path) as app, running(api, app):
        await app.engine.deliver(KEY, [OutboundMessage(text, options=(Option("a", "A"),))])
    parts = api.sent_messages(CHAT)
    assert len(parts) == 3 and all(len(p.text or "") <= 4096 for p in parts)
    assert [p.text for p in parts] == [
        "\n\n".join(f"{i} {paragraph}" for i in range(0, 3)),
        "\n\n".join(f"{i} {paragraph}" for i in range(3, 6)),
        "\n\n".join(f"{i} {paragraph}" for i in range(6, 8)),
    ]
    assert [p.buttons != [] for p in parts] == [False, False, True]


async def test_documents_are_sent_with_send_document(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    from handlers.messages import Document

    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        doc = Document("bericht.pdf", "application/pdf", b"%PDF-1.4 r")
        await app.engine.deliver(KEY, [OutboundMessage("Ihr Bericht & Anhang", document=doc)])
    sent = api.sent_messages(CHAT)[0]
    assert sent.document is not None
    assert (sent.document.filename, sent.document.data) == ("bericht.pdf", b"%PDF-1.4 r")
    assert sent.caption == "Ihr Bericht &amp; Anhang"


async def test_language_follows_telegram_and_chats_run_in_order(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app, running(api, app):
        # one batch: two chats, two updates each; each chat's must be handled in order
        ids = [
            api.inject_message(1, 1, "/start", language_code="en"),
            api.inject_message(2, 2, "/start"),
            api.inject_message(1, 1, "No"),
            api.inject_message(2, 2, "Nein"),
        ]
        await handled(api, ids[-1])
    english = [m.text or "" for m in api.sent_messages(1)]
    german = [m.text or "" for m in api.sent_messages(2)]
    assert english[0].startswith("Hello") and english[-1].startswith("What happened?")
    assert german[0].startswith("Hallo, ich bin Schutzlotse") and german[-1].startswith("Was ist passiert?")
    assert await asyncio.sleep(0, result=True)


async def test_a_pressed_keyboard_is_spent_even_when_the_answer_did_not_get_out(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    """The channel consumes a keyboard on the first press: a second press on the same question
    never reaches the engine, even when no newer keyboard replaced it (the answer failed)."""
    api = fake_bot_api
    chosen: list[str] = []
    async with opened(tmp_path) as app, running(api, app):

        async def record(event: Inbound) -> list[OutboundMessage] | None:
            if isinstance(event, OptionChosen):
                chosen.append(event.option_id)
            return None

        app.engine.interceptors.append(record)
        await say(api, CHAT, "/start")
        danger = last_with_buttons(api, CHAT)
        api.fail_next("sendMessage", status=400, times=20)  # the answer to the first press fails
        await handled(api, api.inject_callback(CHAT, CHAT, danger.message_id, "danger_no"))
        api._faults.clear()
        await handled(api, api.inject_callback(CHAT, CHAT, danger.message_id, "danger_yes"))
    assert chosen == ["danger_no"]
    stale = api.calls_to("answerCallbackQuery")[-1]
    assert stale.params.get("text") == "Diese Auswahl ist nicht mehr aktuell. Bitte nutzen Sie die letzte Frage."
