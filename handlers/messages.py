"""The neutral message model: what channels hand to the core and what they get back.

No Telegram or Matrix type crosses this line; channels translate to and from these.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ConversationKey:
    """Identifies one conversation: which channel, which chat, which user."""

    channel: str
    chat: str
    user: str

    def __str__(self) -> str:
        return f"{self.channel}:{self.chat}:{self.user}"

    @classmethod
    def parse(cls, value: str) -> ConversationKey:
        """Inverse of `str()`: `telegram:42:42`, and Matrix ids, which contain colons
        themselves (`matrix:!room:hs:@user:hs`): there the user part starts with `@`."""
        channel, _, rest = value.partition(":")
        if ":@" in rest:
            chat, _, user = rest.partition(":@")
            user = "@" + user
        else:
            chat, _, user = rest.partition(":")
        if not channel or not chat or not user:
            raise ValueError(f"not a conversation key: {value!r} (expected channel:chat:user)")
        return cls(channel, chat, user)


@dataclass(frozen=True, slots=True, kw_only=True)
class Inbound:
    key: ConversationKey
    lang_hint: str | None = None


@dataclass(frozen=True, slots=True, kw_only=True)
class TextIn(Inbound):
    text: str


@dataclass(frozen=True, slots=True, kw_only=True)
class OptionChosen(Inbound):
    option_id: str


@dataclass(frozen=True, slots=True, kw_only=True)
class CommandIn(Inbound):
    name: str
    args: str = ""


@dataclass(frozen=True, slots=True, kw_only=True)
class LocationIn(Inbound):
    lat: float
    lon: float


@dataclass(frozen=True, slots=True, kw_only=True)
class AttachmentIn(Inbound):
    """A file the user sent; `data` holds the original bytes."""

    filename: str
    mime_type: str
    data: bytes = field(repr=False)

    @property
    def size(self) -> int:
        return len(self.data)


@dataclass(frozen=True, slots=True, kw_only=True)
class ContactIn(Inbound):
    """A phone number the user shared (e.g. Telegram's share-contact button)."""

    phone: str


@dataclass(frozen=True, slots=True)
class Option:
    id: str
    label: str


@dataclass(frozen=True, slots=True)
class ContactCard:
    id: str
    name: str
    phone: str | None = None
    email: str | None = None
    web: str | None = None
    address: str | None = None
    hours: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A file the bot sends (e.g. an incident report)."""

    filename: str
    mime_type: str
    data: bytes = field(repr=False)


@dataclass(frozen=True, slots=True)
class OutboundMessage:
    text: str
    options: tuple[Option, ...] = ()
    contacts: tuple[ContactCard, ...] = ()
    emergency: bool = False
    category: str | None = None
    request_location: bool = False
    request_contact: bool = False
    document: Document | None = None


def command_from_text(text: str) -> tuple[str, str] | None:
    """`/Hilfe foo` -> ("hilfe", "foo"); Telegram's `/start@MyBot` loses its suffix."""
    stripped = text.strip()
    if not stripped.startswith("/") or len(stripped) < 2:
        return None
    head, _, args = stripped[1:].partition(" ")
    name = head.split("@", 1)[0].casefold()
    if not name or not all(ch.isalnum() or ch == "_" for ch in name):
        return None
    return name, args.strip()
