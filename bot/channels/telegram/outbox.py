"""The Telegram channel's outbound side: neutral messages -> Bot API sends, edits, documents.

Owned by the channel; also the engine's Sender for unsolicited messages (alerts, reminders).
"""

from __future__ import annotations

import asyncio
import contextvars
import logging
from collections.abc import Awaitable, Callable
from typing import Any

from telegram import LinkPreviewOptions, Message, ReplyKeyboardRemove

from bot.channels.telegram import render
from bot.channels.telegram.chats import ChatOrder, KeyboardRecord, KeyboardRegistry
from bot.channels.telegram.sender import RetryingCaller
from handlers.messages import ConversationKey, OutboundMessage

log = logging.getLogger(__name__)
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)
LangOf = Callable[[ConversationKey, str | None], Awaitable[str]]
_current_chat: contextvars.ContextVar[int | None] = contextvars.ContextVar("tg_chat", default=None)


class Outbox:
    """Sends to Telegram in HTML, with the keyboards the messages ask for, and tells the
    keyboard registry which inline keyboard is live after each turn."""

    def __init__(
        self,
        bot: Any,
        caller: RetryingCaller,
        order: ChatOrder,
        keyboards: KeyboardRegistry,
        texts: Callable[[], Any],
        lang: LangOf,
    ) -> None:
        self.bot = bot
        self.caller = caller
        self.order = order
        self.keyboards = keyboards
        self._texts = texts  # a callable: the knowledge may be reloaded while we run
        self._lang = lang
        self._reply_keyboard_open: set[int] = set()

    @staticmethod
    def enter_chat(chat_id: int) -> None:
        """The current task handles a turn of `chat_id`: a `send` to it from inside that turn
        goes out at once (queueing it behind the turn would wait for itself)."""
        _current_chat.set(chat_id)

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        """The engine's Sender: unsolicited messages (alerts, reminders), in chat order."""
        chat_id = int(key.chat)
        if _current_chat.get() == chat_id:  # called from inside this chat's own turn
            await self.deliver(chat_id, key, messages, hint=None, turn=False)
            return
        done: asyncio.Future[None] = asyncio.get_running_loop().create_future()

        async def work() -> None:
            try:
                await self.deliver(chat_id, key, messages, hint=None, turn=False)
            except BaseException as exc:
                if not done.done():
                    done.set_exception(exc)
                raise
            done.set_result(None)

        self.order.submit(chat_id, work)
        await done

    async def deliver(
        self,
        chat_id: int,
        key: ConversationKey,
        messages: list[OutboundMessage],
        *,
        hint: str | None,
        turn: bool,
    ) -> None:
        """Send `messages`; `turn`: they answer the user, so no inline keyboard stays live
        unless they bring one."""
        lang: str | None = None
        if any(m.emergency or m.request_location or m.request_contact for m in messages):
            lang = await self._lang(key, hint)
        texts = self._texts()
        keyboard: KeyboardRecord | None = None
        for message in messages:
            label = texts.telegram_emergency_label.get(lang or "de")
            chunks = render.split_html(render.paragraphs(message, label))
            markup: Any = None
            if message.request_location or message.request_contact:
                markup = render.reply_keyboard(
                    message.options,
                    location_label=texts.telegram_location_button.get(lang or "de") if message.request_location else None,
                    contact_label=texts.telegram_contact_button.get(lang or "de") if message.request_contact else None,
                )
                self._reply_keyboard_open.add(chat_id)
            elif message.options:
                markup = render.inline_keyboard(message.options)
            elif chat_id in self._reply_keyboard_open:
                markup = ReplyKeyboardRemove()
                self._reply_keyboard_open.discard(chat_id)
            if message.document is not None:
                await self._send_document(chat_id, message, chunks, markup)
                continue
            for chunk in chunks[:-1]:
                await self.text(chat_id, chunk, None)
            sent = await self.text(chat_id, chunks[-1], markup)
            if message.options and not (message.request_location or message.request_contact):
                choices = {render.callback_data(o.id): (o.id, o.label) for o in message.options}
                keyboard = KeyboardRecord(sent.message_id, chunks[-1], choices)
        if turn or keyboard is not None:
            self.keyboards.sent(chat_id, keyboard)

    async def text(self, chat_id: int, html: str, markup: Any) -> Message:
        """One sendMessage of ready HTML (escaped by the caller)."""
        return await self.caller.call(
            "sendMessage", chat_id,
            lambda: self.bot.send_message(
                chat_id, html, parse_mode="HTML", reply_markup=markup, link_preview_options=NO_PREVIEW
            ),
        )

    async def _send_document(
        self, chat_id: int, message: OutboundMessage, chunks: list[str], markup: Any
    ) -> None:
        doc = message.document
        assert doc is not None
        caption: str | None = None
        if len(chunks) == 1 and render.utf16_len(chunks[0]) <= render.MAX_CAPTION and not message.options:
            caption = chunks[0]
        else:
            for chunk in chunks:
                await self.text(chat_id, chunk, markup if chunk is chunks[-1] else None)
            markup = None
        await self.caller.call(
            "sendDocument", chat_id,
            lambda: self.bot.send_document(
                chat_id, doc.data, filename=doc.filename, caption=caption,
                parse_mode="HTML" if caption else None, reply_markup=markup,
            ),
        )

    async def mark_chosen(self, chat_id: int, message: Any, data: str) -> None:
        """Show the chosen answer under the question and take its buttons away."""
        if message is None:
            return
        record = self.keyboards.record(chat_id, message.message_id)
        if record is not None:
            html, label = record.html, record.choices[data][1] if data in record.choices else None
        elif isinstance(message, Message) and message.text:
            # after a restart: rebuild from what Telegram echoes back with the query
            html, label = message.text_html, _button_label(message, data)
        else:
            return
        if label is None:
            return
        try:
            await self.caller.call(
                "editMessageText", chat_id,
                lambda: self.bot.edit_message_text(
                    render.chosen_html(html, label), chat_id=chat_id, message_id=message.message_id,
                    parse_mode="HTML", link_preview_options=NO_PREVIEW,
                ),
            )
        except Exception as exc:  # cosmetic (e.g. already edited before a crash): go on
            log.info("telegram: could not mark the chosen answer (%s)", type(exc).__name__)


def _button_label(message: Message, data: str) -> str | None:
    markup = message.reply_markup
    for row in markup.inline_keyboard if markup else ():
        for button in row:
            if button.callback_data == data:
                return button.text
    return None
