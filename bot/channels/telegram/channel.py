"""The Telegram channel: lifecycle, long polling or webhook, and inbound updates -> engine.

Sending is the Outbox's job (outbox.py). Every update is first stored (encrypted) in the
durable inbox (inbox.py); only then is it confirmed to Telegram: by the next getUpdates
offset (our own polling loop; PTB's Updater confirms on fetch), or in webhook mode by PTB's
200, which it sends only after our update queue's put (the inbox write) returned. Updates are
handled from the inbox: one chat's in order, different chats concurrently, fetching goes on.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from html import escape
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any
from urllib.parse import urlparse

from telegram import CallbackQuery, Update
from telegram.error import BadRequest, NetworkError, RetryAfter, TimedOut
from telegram.ext import Application

from bot.channels.telegram import render
from bot.channels.telegram.chats import ChatOrder, KeyboardRegistry
from bot.channels.telegram.inbox import TelegramInbox
from bot.channels.telegram.inbound import (
    CHANNEL,
    MAX_DOWNLOAD_BYTES,
    FileRef,
    conversation_key,
    lang_hint,
    message_event,
)
from bot.channels.telegram.menu import MENU_LANGS, bot_commands
from bot.channels.telegram.outbox import Outbox
from bot.channels.telegram.sender import RetryingCaller, SendLimiter
from bot.channels.telegram.transport import AiohttpRequest
from bot.escalation.answers import is_officer_answer
from bot.inbox import Receipt
from handlers.messages import (
    AttachmentIn,
    ConversationKey,
    Inbound,
    OptionChosen,
    OutboundMessage,
)

if TYPE_CHECKING:
    from bot.config import Settings
    from bot.engine import Engine

log = logging.getLogger(__name__)
ALLOWED_UPDATES = ["message", "callback_query"]
MAX_IN_FLIGHT = 2000  # stored but unhandled updates before fetching pauses (memory bound)


@dataclass(frozen=True)
class WebhookConfig:
    url: str
    secret: str
    listen: str = "127.0.0.1"
    port: int = 8443


class TelegramChannel:
    """Turns Telegram updates into engine turns; its Outbox sends (and is the engine's sender)."""

    def __init__(
        self,
        engine: Engine,
        token: str,
        *,
        base_url: str | None = None,
        base_file_url: str | None = None,
        webhook: WebhookConfig | None = None,
        poll_timeout: int = 25,
        rate_global: float = 30.0,
        rate_per_chat: float = 1.0,
        burst_per_chat: int = 3,
        retry_attempts: int = 5,
        retry_backoff: float = 0.5,
        connection_pool: int = 8,
        inbox: TelegramInbox,
    ) -> None:
        # PTB 22 warns about its int retry_after unless told to use timedelta
        os.environ.setdefault("PTB_TIMEDELTA", "true")
        self._requests = (AiohttpRequest(connection_pool), AiohttpRequest(1))
        builder = (
            Application.builder()
            .token(token)
            .concurrent_updates(False)
            .request(self._requests[0])
            .get_updates_request(self._requests[1])
            .update_queue(_InboxQueue(self))
        )
        if base_url:
            builder = builder.base_url(base_url)
        if base_file_url:
            builder = builder.base_file_url(base_file_url)
        self.application = builder.build()
        self.engine = engine
        self.webhook = webhook
        self.poll_timeout = poll_timeout
        self.caller = RetryingCaller(
            SendLimiter(rate_global, rate_per_chat, burst_per_chat),
            attempts=retry_attempts,
            backoff=retry_backoff,
        )
        self.order = ChatOrder()
        self.keyboards = KeyboardRegistry()
        self._groups_told: set[int] = set()
        self._offset = 0  # next update id to ask for: everything below is in the inbox
        self._sent_offset = 0  # the offset Telegram last saw from us
        self.inbox = inbox
        self.in_flight: set[int] = set()  # update ids stored in the inbox, not yet handled
        self.connected = False  # the Bot API answered the last poll (bot/supervise.py reads it)
        self.outbox = Outbox(
            self.application.bot, self.caller, self.order, self.keyboards,
            lambda: self._texts, self._lang,
        )
        engine.register_channel(CHANNEL, self.outbox)

    @classmethod
    def from_settings(
        cls, engine: Engine, settings: Settings, inbox: TelegramInbox, **overrides: Any
    ) -> TelegramChannel:
        assert settings.telegram_token, "SCHUTZLOTSE_TELEGRAM_TOKEN is not set"
        webhook = None
        if settings.telegram_webhook_url:
            assert settings.telegram_webhook_secret  # enforced by Settings
            webhook = WebhookConfig(
                settings.telegram_webhook_url,
                settings.telegram_webhook_secret,
                settings.telegram_webhook_listen,
                settings.telegram_webhook_port,
            )
        options: dict[str, Any] = {
            "base_url": settings.telegram_base_url,
            "base_file_url": settings.telegram_base_file_url,
            "webhook": webhook,
            "poll_timeout": settings.telegram_poll_timeout,
            "rate_global": settings.telegram_rate_global,
            "rate_per_chat": settings.telegram_rate_per_chat,
            "burst_per_chat": settings.telegram_burst_per_chat,
            "inbox": inbox,
        }
        options.update(overrides)
        return cls(engine, settings.telegram_token, **options)

    @property
    def bot(self) -> Any:
        return self.application.bot

    # ----- lifecycle ------------------------------------------------------------------

    async def run(self) -> None:
        """Run until cancelled (long polling, or the webhook server if configured)."""
        app = self.application
        try:
            await app.initialize()  # getMe: fails while the Bot API is unreachable
        except BaseException:
            # PTB leaves its HTTP sessions open when getMe fails; the supervisor tries again
            await asyncio.gather(*(r.shutdown() for r in self._requests), return_exceptions=True)
            raise
        try:
            await self._resume()
            await self.set_commands()
            if self.webhook is None:
                await self._poll_forever()
            else:
                await app.start()
                assert app.updater is not None
                hook = self.webhook
                await app.updater.start_webhook(
                    listen=hook.listen,
                    port=hook.port,
                    url_path=urlparse(hook.url).path.lstrip("/"),
                    webhook_url=hook.url,
                    secret_token=hook.secret,
                    allowed_updates=ALLOWED_UPDATES,
                )
                log.info("telegram: webhook mode on %s:%d", hook.listen, hook.port)
                self.connected = True  # setWebhook went through; Telegram now calls us
                await asyncio.Event().wait()
        finally:
            self.connected = False
            await self.order.cancel_all()  # unhandled updates stay in the inbox for the next start
            await self.inbox.close()
            await self._confirm_offset()
            if app.updater is not None and app.updater.running:
                await app.updater.stop()
            if app.running:
                await app.stop()
            await app.shutdown()

    async def set_commands(self) -> None:
        """The command menu per language, and German as the default for everyone else."""
        texts = self._texts
        for lang in MENU_LANGS:
            commands = bot_commands(texts, lang)
            await self.caller.call(
                "setMyCommands", None,
                lambda c=commands, lc=lang: self.bot.set_my_commands(c, language_code=lc),
                limit=False,
            )
        default = bot_commands(texts, "de")
        await self.caller.call(
            "setMyCommands", None, lambda: self.bot.set_my_commands(default), limit=False
        )

    async def _poll_forever(self) -> None:
        await self.caller.call("deleteWebhook", None, self.bot.delete_webhook, limit=False)
        log.info("telegram: long polling")
        self.connected = True  # getMe, setMyCommands and deleteWebhook went through
        delay = 1.0
        while True:
            try:
                self._sent_offset = self._offset
                updates = await self.bot.get_updates(
                    offset=self._offset or None,
                    timeout=self.poll_timeout,
                    allowed_updates=ALLOWED_UPDATES,
                )
                if not self.connected:
                    log.info("telegram: Bot API reachable")
                self.connected, delay = True, 1.0
                self.inbox.confirmed = self._sent_offset
            except RetryAfter as exc:
                wait = exc.retry_after
                await asyncio.sleep(wait.total_seconds() if hasattr(wait, "total_seconds") else float(wait))
                continue
            except TimedOut:
                continue
            except BadRequest:
                raise
            except NetworkError as exc:
                if self.connected:  # once per outage, not per attempt
                    log.warning("telegram: getUpdates failed (%s), retrying with backoff", type(exc).__name__)
                self.connected = False
                await asyncio.sleep(delay)
                delay = min(delay * 2, 30.0)
                continue
            if updates:
                await self.receive(list(updates))  # stored durably before the next poll confirms them
                self._offset = updates[-1].update_id + 1
            elif self._sent_offset:
                await self.inbox.confirm(self._sent_offset)
            while len(self.in_flight) > MAX_IN_FLIGHT:  # handling is far behind: stop fetching
                await asyncio.sleep(0.05)

    async def _confirm_offset(self) -> None:
        """Tell Telegram about a stored batch it has not seen confirmed (as PTB does at stop)."""
        if self.webhook is not None or self._offset <= self._sent_offset:
            return
        try:
            await asyncio.shield(self.bot.get_updates(offset=self._offset, timeout=0, limit=1))
            self._sent_offset = self._offset
        except Exception as exc:  # best effort: worst case one batch is delivered again
            log.warning("telegram: could not confirm the last offset (%s)", type(exc).__name__)

    # ----- inbound --------------------------------------------------------------------

    async def receive(self, updates: list[Update]) -> None:
        """Store a batch in the inbox (one transaction), then queue the new ones for handling.

        Returns once stored, not handled; an update_id already in the inbox is ignored."""
        payloads = [(u.update_id, json.dumps(u.to_dict()).encode()) for u in updates]
        new = set(await self.inbox.put(payloads))
        for update in updates:
            if update.update_id in new:
                self._dispatch(update)

    async def _resume(self) -> None:
        """Queue what a previous run stored but did not finish (a crash), oldest first."""
        for _, data in await self.inbox.pending():
            update = Update.de_json(json.loads(data), self.bot)
            if update is not None:
                self._dispatch(update)
        if self.in_flight:
            log.info("telegram: %d updates from the inbox resumed", len(self.in_flight))

    def _dispatch(self, update: Update) -> None:
        update_id = update.update_id
        self.in_flight.add(update_id)
        receipt = self.inbox.receipt(update_id)

        async def work() -> None:
            try:
                async with self.engine.activity.work():  # a shutdown lets this finish (or never start)
                    await self.handle_update(update, receipt)
            except asyncio.CancelledError:  # shutdown or crash: it stays in the inbox
                self.in_flight.discard(update_id)
                raise
            except Exception:
                # done all the same: an update that fails must not come back at every start
                log.exception("telegram: handling update %d failed", update_id)
            self.inbox.done(update_id)
            self.in_flight.discard(update_id)

        self.order.submit(_chat_id(update), work)

    async def handle_update(self, update: Update, receipt: Receipt | None = None) -> None:
        """One update; `receipt` (its inbox row) is marked done in the turn's own commit."""
        chat, user = update.effective_chat, update.effective_user
        if chat is None or user is None:
            return
        self.outbox.enter_chat(chat.id)
        if chat.type != "private":
            await self._refuse_group(update, chat.id)
            return
        key, hint = conversation_key(chat.id, user.id), lang_hint(update)
        if update.callback_query is not None:
            await self._on_callback(update.callback_query, chat.id, key, hint, receipt)
            return
        if update.message is None:  # edits, channel posts and the like: nothing for us
            return
        event = message_event(update.message, key, hint)
        if isinstance(event, FileRef):
            event = await self._download(event, chat.id, key, hint)
        if event is not None:
            await self._turn(chat.id, key, event, hint, receipt)

    async def _turn(
        self, chat_id: int, key: ConversationKey, event: Inbound, hint: str | None, receipt: Receipt | None
    ) -> None:
        # the engine saves the new state durably before it hands the answer over
        async def reply(messages: list[OutboundMessage]) -> None:
            await self.outbox.deliver(chat_id, key, messages, hint=hint, turn=True)

        await self.engine.handle(event, receipt=receipt, reply=reply)

    async def _refuse_group(self, update: Update, chat_id: int) -> None:
        if update.callback_query is not None:
            await self._answer(update.callback_query)
        if chat_id in self._groups_told or update.message is None:
            return
        self._groups_told.add(chat_id)
        lang = _lang_of(lang_hint(update), self.engine.default_lang)
        text = self._texts.telegram_private_only.get(lang)
        await self.outbox.text(chat_id, render.split_html([escape(text)])[0], None)

    async def _on_callback(
        self, query: CallbackQuery, chat_id: int, key: ConversationKey, hint: str | None,
        receipt: Receipt | None = None,
    ) -> None:
        answered = False
        try:
            data = query.data or ""
            message = query.message
            message_id = message.message_id if message is not None else 0
            option_id = self.keyboards.resolve(data)
            if option_id is not None and not is_officer_answer(option_id):
                if self.keyboards.known(chat_id):
                    record = self.keyboards.live(chat_id, message_id)
                    if record is None or data not in record.choices:
                        option_id = None  # an old or foreign button
                    else:
                        self.keyboards.consume(chat_id, message_id)
            if option_id is None:
                lang = await self._lang(key, hint)
                answered = await self._answer(query, self._texts.telegram_stale_button.get(lang))
                return
            # answer, edit and the engine's turn (which waits for its fsync) overlap; the
            # edit is done before the next question goes out
            event = OptionChosen(key=key, lang_hint=hint, option_id=option_id)
            answer = asyncio.create_task(self._answer(query))
            edit = asyncio.create_task(self.outbox.mark_chosen(chat_id, message, data))

            async def reply(messages: list[OutboundMessage]) -> None:
                nonlocal answered
                answered = await answer
                await edit
                await self.outbox.deliver(chat_id, key, messages, hint=hint, turn=True)

            try:
                await self.engine.handle(event, receipt=receipt, reply=reply)
            finally:
                if not answer.done():  # the turn failed before its reply: let both finish
                    answered = await answer
                    await edit
        finally:
            if not answered:  # every query is answered, or the button keeps spinning
                await self._answer(query)

    async def _answer(self, query: CallbackQuery, text: str | None = None) -> bool:
        try:
            await self.caller.call("answerCallbackQuery", None, lambda: query.answer(text), limit=False)
            return True
        except Exception as exc:
            log.warning("telegram: answerCallbackQuery failed (%s)", type(exc).__name__)
            return False

    async def _download(
        self, ref: FileRef, chat_id: int, key: ConversationKey, hint: str | None
    ) -> AttachmentIn | None:
        if ref.size is None or ref.size <= MAX_DOWNLOAD_BYTES:
            file = await self.caller.call("getFile", None, lambda: self.bot.get_file(ref.file_id), limit=False)
            if file.file_size is None or file.file_size <= MAX_DOWNLOAD_BYTES:
                data = await self.caller.call("download", None, file.download_as_bytearray, limit=False)
                return AttachmentIn(
                    key=key, lang_hint=hint, filename=ref.filename, mime_type=ref.mime_type, data=bytes(data)
                )
        lang = await self._lang(key, hint)
        text = self._texts.telegram_file_too_large.get(lang).format(limit_mb=MAX_DOWNLOAD_BYTES // 2**20)
        await self.outbox.text(chat_id, escape(text), None)
        return None

    # ----- helpers --------------------------------------------------------------------

    @property
    def _texts(self) -> Any:
        return self.engine.knowledge.current.texts

    async def _lang(self, key: ConversationKey, hint: str | None) -> str:
        """The conversation's language (a /sprache choice wins over Telegram's setting)."""
        loaded = await self.engine.conversations.load(key)
        if loaded is not None and loaded[0] is not None:
            return loaded[0].lang
        return _lang_of(hint, self.engine.default_lang)


def _lang_of(hint: str | None, default: str) -> str:
    short = (hint or "").casefold()[:2]
    return short if short in ("de", "en") else default


def _chat_id(update: Update) -> int:
    chat = update.effective_chat
    return chat.id if chat is not None else 0


class _InboxQueue(asyncio.Queue[object]):
    """PTB's update queue in webhook mode: PTB's webhook handler awaits `put` before it
    answers Telegram, so an update is stored in the inbox before Telegram gets its 200 (an
    exception here becomes a 500 and Telegram delivers the update again)."""

    def __init__(self, channel: TelegramChannel) -> None:
        super().__init__()
        self._channel = channel

    async def put(self, item: object) -> None:
        if isinstance(item, Update):
            await self._channel.receive([item])  # handled from the inbox, not by PTB's handlers
        else:
            await super().put(item)  # PTB's own stop signal
