"""The Telegram inbox end to end: stored encrypted before confirmation, resumed after a crash,
duplicates ignored, slow chats do not hold up others (real PTB, fake Bot API, SQLite file)."""

from __future__ import annotations

import asyncio
import json
from collections.abc import Callable
from pathlib import Path

from bot.app import App
from bot.channels.telegram import TelegramInbox, WebhookConfig
from handlers.messages import Inbound, OutboundMessage, TextIn
from tests.telegram_channel_helpers import handled, opened, press, running, say, settled
from tests.telegram_harness import FakeBotApi, free_port
from tests.telegram_harness.fixtures import fake_bot_api  # noqa: F401  (pytest fixture)

CHAT = 4711
SECRET = "Zitronenfalter Geheimwort 8812"


class Gate:
    """An engine interceptor that holds turns whose text matches until released; records texts."""

    def __init__(self, holds: Callable[[str], bool]) -> None:
        self.holds = holds
        self.entered = asyncio.Event()
        self.release = asyncio.Event()
        self.seen: list[tuple[str, str]] = []  # (chat, text), in the order the engine got them

    async def __call__(self, event: Inbound) -> list[OutboundMessage] | None:
        if isinstance(event, TextIn):
            self.seen.append((event.key.chat, event.text))
            if self.holds(event.text):
                self.entered.set()
                await self.release.wait()
        return None


def _inbox(app: App) -> TelegramInbox:
    assert app.data_key is not None
    return TelegramInbox(app.engine.inbox)


def _disk_bytes(data_dir: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(data_dir.glob("*.db*")))


def _greetings(api: FakeBotApi, chat: int = CHAT) -> int:
    return sum("ich bin Schutzlotse" in (m.text or "") for m in api.sent_messages(chat))


async def test_crash_after_fetching_handles_the_update_exactly_once(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: text == "/start")
        app.engine.interceptors.append(gate)
        async with running(api, app):
            update_id = api.inject_message(CHAT, CHAT, "/start")
            await asyncio.wait_for(gate.entered.wait(), 5)
            # the next poll already confirmed it to Telegram: only the inbox still has it
            await api.wait_for(
                lambda c: c.method == "getUpdates" and int(c.params.get("offset") or 0) > update_id
            )
        # the "crash": the channel task is stopped while the turn is blocked
        assert (await _inbox(app).count())["pending"] == 1
    assert _greetings(api) == 0
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: False)
        app.engine.interceptors.append(gate)
        async with running(api, app) as channel:
            await settled(update_id)
            await channel.inbox.close()
            # only its id is kept (no content), until Telegram confirms a later offset
            assert await channel.inbox.count() == {"pending": 0, "handled": 1}
    assert gate.seen == [(str(CHAT), "/start")]
    assert _greetings(api) == 1
    assert api.delivery_count[update_id] == 1


async def test_user_text_is_never_on_disk_in_plaintext(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: text == SECRET)
        app.engine.interceptors.append(gate)
        async with running(api, app) as channel:
            await say(api, CHAT, "/start")
            update_id = api.inject_message(CHAT, CHAT, SECRET)
            await asyncio.wait_for(gate.entered.wait(), 5)
            stored = await channel.inbox.pending()
            assert [uid for uid, _ in stored] == [update_id]
            assert SECRET in json.loads(stored[0][1])["message"]["text"]  # the row holds it, sealed
            assert SECRET.encode() not in _disk_bytes(tmp_path)
            gate.release.set()
            await handled(api, update_id)
            await channel.inbox.close()
        assert SECRET.encode() not in _disk_bytes(tmp_path)
        row = await app.db.fetchone("SELECT COUNT(*) FROM inbox WHERE payload IS NOT NULL")
        assert row is not None and row[0] == 0
    assert gate.seen[-1] == (str(CHAT), SECRET)


async def test_a_slow_chat_does_not_hold_up_others_and_keeps_its_own_order(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    slow, fast = 501, 502
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: text == "langsam")
        app.engine.interceptors.append(gate)
        async with running(api, app):
            first = api.inject_message(slow, slow, "langsam")
            second = api.inject_message(slow, slow, "danach")
            await asyncio.wait_for(gate.entered.wait(), 5)
            # a whole exchange of another chat while the slow chat's turn is blocked
            await say(api, fast, "/start")
            await press(api, fast, "danger_no")
            await press(api, fast, "threat")
            assert (str(slow), "danach") not in gate.seen  # still waiting behind "langsam"
            assert api.sent_messages(slow) == []
            gate.release.set()
            await handled(api, first)
            await handled(api, second)
    slow_texts = [text for chat, text in gate.seen if chat == str(slow)]
    assert slow_texts == ["langsam", "danach"]
    assert len(api.sent_messages(slow)) >= 2


async def test_a_redelivered_update_is_ignored(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with opened(tmp_path) as app:
        inbox = _inbox(app)
        update = api.build_message(CHAT, CHAT, "/start")
        # a previous run stored it and died before its next poll confirmed it
        assert await inbox.put([(update["update_id"], json.dumps(update).encode())]) == [update["update_id"]]
        api.inject_update(update)  # so Telegram delivers it again
        gate = Gate(lambda text: False)
        app.engine.interceptors.append(gate)
        async with running(api, app):
            await handled(api, update["update_id"])
            await say(api, CHAT, "Nein")
    assert api.delivery_count[update["update_id"]] == 1
    assert gate.seen == [(str(CHAT), "/start"), (str(CHAT), "Nein")]
    assert _greetings(api) == 1


async def test_handled_ids_are_remembered_until_telegram_confirmed_them(tmp_path: Path) -> None:
    async with opened(tmp_path) as app:
        inbox = _inbox(app)
        assert await inbox.put([(10, b"{}"), (11, b"{}")]) == [10, 11]
        assert await inbox.put([(11, b"{}"), (12, b"{}")]) == [12]  # 11 is still pending
        inbox.done(10)
        await inbox.close()
        assert await inbox.put([(10, b"{}")]) == []  # handled, but Telegram may still resend it
        assert await inbox.count() == {"pending": 2, "handled": 1}
        await inbox.confirm(11)  # getUpdates with offset 11 succeeded: 10 can never come back
        await inbox.close()  # the forgetting rides with the next commit
        assert await inbox.count() == {"pending": 2, "handled": 0}
        assert [uid for uid, _ in await inbox.pending()] == [11, 12]
        # a row's ciphertext is bound to its update id
        await app.db.conn.execute(
            "UPDATE inbox SET payload = (SELECT payload FROM inbox WHERE event_id = '11')"
            " WHERE event_id = '12'"
        )
        assert [uid for uid, _ in await inbox.pending()] == [11]  # 12 no longer opens: dropped


async def test_webhook_updates_are_stored_before_telegram_gets_its_200(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    hook = WebhookConfig(url=url, secret="geheim_42-x", listen="127.0.0.1", port=port)
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: text == "/start")
        app.engine.interceptors.append(gate)
        async with running(api, app, webhook=hook):
            update = api.build_message(CHAT, CHAT, "/start")
            assert await api.post_webhook(url, update, "geheim_42-x") == 200
            assert (await _inbox(app).count())["pending"] == 1  # committed before the 200
            await asyncio.wait_for(gate.entered.wait(), 5)
            assert await api.post_webhook(url, update, "geheim_42-x") == 200  # Telegram's retry
        # crash while the turn is blocked; the next start (here: polling) handles it
    async with opened(tmp_path) as app:
        gate = Gate(lambda text: False)
        app.engine.interceptors.append(gate)
        async with running(api, app) as channel:
            await settled(update["update_id"])
            await channel.inbox.close()
            assert (await channel.inbox.count())["pending"] == 0
    assert gate.seen == [(str(CHAT), "/start")]
    assert _greetings(api) == 1


async def test_webhook_answers_500_when_the_inbox_cannot_store(
    fake_bot_api: FakeBotApi, tmp_path: Path
) -> None:
    api = fake_bot_api
    port = free_port()
    url = f"http://127.0.0.1:{port}/telegram-hook"
    hook = WebhookConfig(url=url, secret="geheim_42-x", listen="127.0.0.1", port=port)
    async with opened(tmp_path) as app, running(api, app, webhook=hook) as channel:
        store = channel.inbox.put

        async def broken(updates: object) -> list[int]:
            raise OSError("disk full")

        channel.inbox.put = broken  # type: ignore[method-assign]
        update = api.build_message(CHAT, CHAT, "/start")
        assert await api.post_webhook(url, update, "geheim_42-x") == 500  # Telegram will retry
        channel.inbox.put = store  # type: ignore[method-assign]
        assert await api.post_webhook(url, update, "geheim_42-x") == 200
        await api.wait_for("sendMessage", count=2)
        await settled(update["update_id"])
    assert _greetings(api) == 1
