"""Per-chat, in-memory bookkeeping of the Telegram channel: update order and live keyboards.

Who decides "stale": this channel knows which inline keyboard it sent last to a chat and
answers presses on any other message itself ("no longer current"), without bothering the
core. After a restart it knows nothing, so a press goes to the core, whose own check
(`stale_option`: the id is not on screen) then decides. Officer answers to alerts
(`bot.escalation.answers.is_officer_answer`) are always the core's business.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from bot.inbox import KeyedOrder

KEEP_RECORDS = 8


class ChatOrder(KeyedOrder):
    """Runs work for one chat strictly in submission order; different chats run concurrently
    (the engine's KeyedOrder, named for the log)."""

    def __init__(self) -> None:
        super().__init__("telegram")


@dataclass
class KeyboardRecord:
    """A bot message with inline buttons: its HTML and what each callback_data stands for."""

    message_id: int
    html: str
    choices: dict[str, tuple[str, str]]  # callback_data -> (option id, label)


@dataclass
class _ChatKeyboards:
    live: int | None = None
    records: dict[int, KeyboardRecord] = field(default_factory=dict)


class KeyboardRegistry:
    def __init__(self) -> None:
        self._chats: dict[int, _ChatKeyboards] = {}

    def known(self, chat_id: int) -> bool:
        """False after a restart: then the core decides whether a press is stale."""
        return chat_id in self._chats

    def sent(self, chat_id: int, record: KeyboardRecord | None) -> None:
        """A turn's messages went out; `record` is its keyboard (None: no buttons now)."""
        chat = self._chats.setdefault(chat_id, _ChatKeyboards())
        if record is None:
            chat.live = None
            return
        chat.records[record.message_id] = record
        chat.live = record.message_id
        while len(chat.records) > KEEP_RECORDS:
            del chat.records[next(iter(chat.records))]

    def record(self, chat_id: int, message_id: int) -> KeyboardRecord | None:
        chat = self._chats.get(chat_id)
        return chat.records.get(message_id) if chat else None

    def live(self, chat_id: int, message_id: int) -> KeyboardRecord | None:
        chat = self._chats.get(chat_id)
        if chat is None or chat.live != message_id:
            return None
        return chat.records.get(message_id)

    def consume(self, chat_id: int, message_id: int) -> None:
        """A button of this message was pressed: a second press is stale."""
        chat = self._chats.get(chat_id)
        if chat is not None and chat.live == message_id:
            chat.live = None

    def resolve(self, data: str) -> str | None:
        """The option id behind callback data; None for a hashed token we no longer know."""
        if not data.startswith("~"):
            return data
        for chat in self._chats.values():
            for record in chat.records.values():
                if data in record.choices:
                    return record.choices[data][0]
        return None
