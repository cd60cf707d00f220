"""Shared helpers for the Telegram channel tests: a running channel against the fake server."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from bot.app import App
from bot.channels.telegram import TelegramChannel, TelegramInbox
from bot.config import Settings
from bot.conversations import ConversationStore
from bot.engine import Engine
from bot.incidents.service import open_data_key
from bot.knowledge_holder import KnowledgeHolder
from bot.store import Database
from tests.telegram_harness import FakeBotApi, StoredMessage

ALLOWED_TAGS = {"b", "i", "a", "u", "s", "code", "pre", "tg-spoiler", "blockquote"}


_knowledge: list[KnowledgeHolder] = []
_running: list[TelegramChannel] = []  # the channel `handled` waits for


@contextlib.asynccontextmanager
async def opened(data_dir: Path) -> AsyncIterator[App]:
    """What open_app builds (real SQLite file and data key in `data_dir`), with the knowledge
    loaded once: loading all German places takes about 2 s."""
    if not _knowledge:
        _knowledge.append(KnowledgeHolder.load(None))
    settings = Settings(data_dir=data_dir, telegram_token="x")
    db = await Database.open(settings.db_path)
    try:
        key, codec = await open_data_key(settings, db)
        engine = Engine(_knowledge[0], ConversationStore(db, codec),
                        inbox_ciphers=lambda channel: key.cipher_for(f"{channel}-inbox"))
        await engine.start()
        try:
            yield App(settings, db, engine, _knowledge[0], data_key=key)
        finally:
            await engine.stop()
    finally:
        await db.close()


@contextlib.asynccontextmanager
async def running(api: FakeBotApi, app: App, **options: Any) -> AsyncIterator[TelegramChannel]:
    """The real channel, long polling the fake server, fast limits and backoff."""
    settings: dict[str, Any] = {
        "base_url": api.base_url,
        "base_file_url": api.base_file_url,
        "poll_timeout": 1,
        "rate_global": 0,
        "rate_per_chat": 0,
        "retry_backoff": 0.01,
    }
    settings.update(options)
    assert app.data_key is not None
    settings.setdefault("inbox", TelegramInbox(app.engine.inbox))
    channel = TelegramChannel(app.engine, api.token, **settings)
    since = len(api.calls)  # this channel's first poll: by then it has resumed its inbox
    task = asyncio.create_task(channel.run())
    _running.append(channel)
    try:
        if channel.webhook is None:
            await api.wait_for("getUpdates", since=since)
        else:
            await _listening(channel.webhook.port)
        yield channel
    finally:
        _running.remove(channel)
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task  # a channel that died raises its error here


async def _listening(port: int, timeout: float = 5.0) -> None:
    """PTB calls setWebhook before its server listens: wait for the port itself."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while True:
        try:
            _, writer = await asyncio.open_connection("127.0.0.1", port)
        except OSError:
            assert loop.time() < deadline, f"webhook server never listened on {port}"
            await asyncio.sleep(0.02)
            continue
        writer.close()
        await writer.wait_closed()
        return


async def handled(api: FakeBotApi, update_id: int, timeout: float = 5.0) -> None:
    """Wait until the channel confirmed `update_id` (it asks for a later offset: stored in the
    inbox) and has handled it (it is no longer in flight)."""
    await api.wait_for(
        lambda c: c.method == "getUpdates" and int(c.params.get("offset") or 0) > update_id,
        timeout=timeout,
    )
    await settled(update_id, timeout)


async def settled(update_id: int, timeout: float = 5.0) -> None:
    """Wait until the running channel no longer has `update_id` in flight."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    while update_id in _running[-1].in_flight:
        assert loop.time() < deadline, f"update {update_id} was not handled within {timeout} s"
        await asyncio.sleep(0.005)


def last_with_buttons(api: FakeBotApi, chat: int) -> StoredMessage:
    return [m for m in api.sent_messages(chat) if m.buttons][-1]


def button_ids(message: StoredMessage) -> list[str]:
    return [row[0]["callback_data"] for row in message.buttons]


async def press(api: FakeBotApi, chat: int, option_id: str) -> StoredMessage:
    """Press `option_id` on the newest keyboard; returns that (question) message."""
    question = last_with_buttons(api, chat)
    assert option_id in button_ids(question), (option_id, button_ids(question))
    await handled(api, api.inject_callback(chat, chat, question.message_id, option_id))
    return question


async def say(api: FakeBotApi, chat: int, text: str, **kwargs: Any) -> list[StoredMessage]:
    """Type `text`; returns the bot messages sent in answer."""
    before = len(api.sent_messages(chat))
    await handled(api, api.inject_message(chat, chat, text, **kwargs))
    return api.sent_messages(chat)[before:]


class _TagCheck(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        assert tag in ALLOWED_TAGS, f"tag <{tag}> is not Telegram HTML"
        self.stack.append(tag)

    def handle_endtag(self, tag: str) -> None:
        assert self.stack and self.stack.pop() == tag, f"unbalanced </{tag}>"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def visible_text(html: str) -> str:
    """What Telegram shows for an HTML text; fails on tags Telegram would reject."""
    parser = _TagCheck()
    parser.feed(html)
    parser.close()
    assert not parser.stack, f"unclosed tags {parser.stack}"
    return "".join(parser.text)
