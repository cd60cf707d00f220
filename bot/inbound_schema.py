"""The one schema for inbound events: what the jsonl protocol and the channels may hand over.

Strict and closed (unknown keys refused, no strings or booleans as numbers), with the
limits of Telegram: text up to 4,096 characters. A protocol line that breaks a rule gets
an error that is a fixed sentence naming our own fields, never a quote of what was sent.
Channels cannot show a protocol error to a chat user, so `admit` cuts their text to the
limit instead and drops what cannot be valid (README "Using it").
"""

from __future__ import annotations

import math
import re
from dataclasses import replace
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from handlers.messages import (
    AttachmentIn,
    CommandIn,
    ContactIn,
    ConversationKey,
    Inbound,
    LocationIn,
    OptionChosen,
    TextIn,
)

MAX_TEXT = 4096  # characters, as a Telegram message
MAX_ID = 64  # option ids are Telegram callback data: at most 64 bytes
MAX_COMMAND = 64
MAX_PHONE = 64
MAX_FILENAME_BYTES = 255  # one path component on Linux
# A full-length text in JSON, every character escaped as a surrogate pair (12 bytes), fits.
MAX_LINE_BYTES = 64 * 1024
KINDS = ("text", "option", "command", "location", "file", "contact")
_KIND_LIST = ", ".join(f'"{k}"' for k in KINDS[:-1]) + f' or "{KINDS[-1]}"'
_COMMAND = re.compile(r"^/?[A-Za-z0-9_]{1,64}(@[A-Za-z0-9_]{1,64})?$")
_JSON_COLUMN = re.compile(r"column (\d+)")
_SURROGATE = re.compile("[\ud800-\udfff]")


MAX_EVENT_ID = 128


class EventError(ValueError):
    """A protocol line that is not a valid event; the message is safe to print as is."""


class _Closed(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False, frozen=True)


class LocationEvent(_Closed):
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)


class ContactEvent(_Closed):
    phone: str = Field(min_length=1, max_length=MAX_PHONE)


class EventModel(_Closed):
    """One line of `schutzlotse chat --jsonl`: exactly one of the kinds below."""

    text: str | None = Field(default=None, max_length=MAX_TEXT)
    option: str | None = Field(default=None, min_length=1, max_length=MAX_ID)
    command: str | None = Field(default=None, max_length=MAX_COMMAND)
    args: str | None = Field(default=None, max_length=MAX_TEXT)
    location: LocationEvent | None = None
    file: str | None = Field(default=None, min_length=1, max_length=MAX_FILENAME_BYTES)
    contact: ContactEvent | None = None
    # At-least-once: a line with an id is stored before it is handled; a repeat is ignored.
    id: str | None = Field(default=None, min_length=1, max_length=MAX_EVENT_ID)

    @model_validator(mode="after")
    def _exactly_one(self) -> EventModel:
        given = [k for k in KINDS if getattr(self, k) is not None]
        if len(given) != 1:
            raise ValueError("one_kind")
        if self.args is not None and self.command is None:
            raise ValueError("args_without_command")
        if self.command is not None and not _COMMAND.match(self.command):
            raise ValueError("bad_command")
        if self.option is not None and not self.option.isprintable():
            raise ValueError("bad_option")
        return self

    @property
    def kind(self) -> str:
        return next(k for k in KINDS if getattr(self, k) is not None)


def parse_line(raw: bytes | str) -> EventModel:
    """Validate one protocol line; raise EventError with a message that quotes nothing."""
    if isinstance(raw, str):
        raw = raw.encode("utf-8", "surrogatepass")  # lone surrogates then fail as invalid UTF-8
    raw = raw.removeprefix(b"\xef\xbb\xbf")  # a byte order mark, as some Windows tools write
    if len(raw) > MAX_LINE_BYTES:
        raise EventError(f"line is longer than {MAX_LINE_BYTES} bytes")
    if not raw.strip():
        raise EventError('empty line: expected a JSON object such as {"text": "..."}')
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise EventError(f"line is not valid UTF-8 (at byte {exc.start + 1})") from None
    try:
        return EventModel.model_validate_json(raw)
    except ValidationError as exc:
        raise EventError(_explain(exc)) from None


def _explain(exc: ValidationError) -> str:
    """The first error as one of our own sentences: no input, no user-chosen key names."""
    err = exc.errors(include_input=False, include_url=False)[0]
    kind, loc = err["type"], tuple(str(part) for part in err["loc"])
    if kind == "json_invalid":
        column = _JSON_COLUMN.search(str((err.get("ctx") or {}).get("error", "")))
        return "not valid JSON" + (f" at column {column.group(1)}" if column else "")
    if kind == "model_type" and not loc:
        return 'expected a JSON object such as {"text": "..."}'
    if kind == "extra_forbidden":
        where = " in \"location\"" if loc[:1] == ("location",) else " in \"contact\"" if loc[:1] == ("contact",) else ""
        return f"unknown key{where}: expected one of {_KIND_LIST}" if not where else f"unknown key{where}"
    if kind == "value_error":
        reason = str((err.get("ctx") or {}).get("error", ""))
        return {
            "one_kind": f"expected exactly one of {_KIND_LIST}",
            "args_without_command": '"args" belongs to a "command"',
            "bad_command": '"command" must be a name such as "start" (letters, digits, _)',
            "bad_option": '"option" must be an option id from the last message',
        }.get(reason, "invalid event")
    field = loc[0] if loc and loc[0] in KINDS + ("args",) else "event"
    if field == "location":
        if kind in ("greater_than_equal", "less_than_equal"):
            return 'location is out of range ("lat" -90..90, "lon" -180..180)'
        return 'location needs numeric "lat" and "lon" (finite numbers, not strings)'
    if field == "contact":
        return '"contact" needs "phone", a string of at most 64 characters'
    if kind == "string_too_long":
        limit = {"text": MAX_TEXT, "args": MAX_TEXT, "option": MAX_ID, "command": MAX_COMMAND,
                 "file": MAX_FILENAME_BYTES}.get(field, MAX_TEXT)
        return f'"{field}" is longer than {limit} characters' + ("; please send it in parts" if field == "text" else "")
    if kind == "string_too_short":
        return f'"{field}" is empty'
    if kind == "string_type":
        return f'"{field}" must be a string'
    return f'"{field}" is not valid'


def to_inbound(event: EventModel, key: ConversationKey, lang: str | None) -> Inbound:
    """The neutral event for every kind except "file" (the channel reads files itself)."""
    common: dict[str, Any] = {"key": key, "lang_hint": lang}
    if event.text is not None:
        return TextIn(text=event.text, **common)
    if event.option is not None:
        return OptionChosen(option_id=event.option, **common)
    if event.command is not None:
        name = event.command.lstrip("/").split("@", 1)[0].casefold()
        return CommandIn(name=name, args=event.args or "", **common)
    if event.location is not None:
        return LocationIn(lat=event.location.lat, lon=event.location.lon, **common)
    if event.contact is not None:
        return ContactIn(phone=event.contact.phone, **common)
    raise EventError('"file" events are read by the channel')


def clean_text(text: str, limit: int = MAX_TEXT) -> str:
    """Valid Unicode (lone surrogates become U+FFFD) of at most `limit` characters."""
    text = text[:limit]
    if _SURROGATE.search(text):
        text = _SURROGATE.sub("\ufffd", text)
    return text


def admit(event: Inbound) -> Inbound | None:
    """A channel's event held to the same limits: text cut to MAX_TEXT, lone surrogates
    replaced, impossible ids, numbers and coordinates dropped (None: nothing to answer)."""
    if isinstance(event, TextIn):
        return replace(event, text=clean_text(event.text))
    if isinstance(event, OptionChosen):
        ok = isinstance(event.option_id, str) and 0 < len(event.option_id.encode("utf-8", "surrogatepass")) <= MAX_ID
        return event if ok and event.option_id.isprintable() and clean_text(event.option_id) == event.option_id else None
    if isinstance(event, CommandIn):
        return replace(event, name=clean_text(event.name, MAX_COMMAND), args=clean_text(event.args))
    if isinstance(event, LocationIn):
        lat, lon = event.lat, event.lon
        if any(isinstance(v, bool) or not isinstance(v, (int, float)) for v in (lat, lon)):
            return None
        if not (math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180):
            return None
        return replace(event, lat=float(lat), lon=float(lon))
    if isinstance(event, ContactIn):
        return replace(event, phone=clean_text(event.phone, MAX_PHONE))
    if isinstance(event, AttachmentIn):
        name = clean_text(event.filename, 200) or "datei"
        return replace(event, filename=name, mime_type=clean_text(event.mime_type, 100))
    return event
