"""The terminal chat: a real channel for local use, demos and end-to-end tests.

Interactive mode prints options numbered and reads typed lines. `--jsonl` mode reads one
JSON event per line and writes one JSON object per outbound message, then a `turn_end`.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import os
import sys
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from bot.config import default_data_dir
from bot.engine import Engine
from bot.inbox import Receipt
from bot.render import message_text
from handlers.messages import (
    AttachmentIn,
    CommandIn,
    ConversationKey,
    Document,
    Inbound,
    LocationIn,
    OptionChosen,
    OutboundMessage,
    TextIn,
)

CHANNEL = "console"


class EventError(ValueError):
    """A jsonl line that is not a valid event; the message says what is expected."""


def parse_event(line: str, key: ConversationKey, lang: str | None) -> Inbound:
    try:
        data = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EventError(f"not valid JSON: {exc.msg} at column {exc.colno}") from exc
    if not isinstance(data, dict):
        raise EventError("expected a JSON object such as {\"text\": \"...\"}")
    common: dict[str, Any] = {"key": key, "lang_hint": lang}
    if isinstance(data.get("text"), str):
        return TextIn(text=data["text"], **common)
    if isinstance(data.get("option"), str):
        return OptionChosen(option_id=data["option"], **common)
    if isinstance(data.get("command"), str):
        return CommandIn(name=data["command"].lstrip("/").casefold(), args=str(data.get("args", "")), **common)
    location = data.get("location")
    if isinstance(location, dict):
        try:
            lat, lon = float(location["lat"]), float(location["lon"])
        except (KeyError, TypeError, ValueError) as exc:
            raise EventError("location needs numeric \"lat\" and \"lon\"") from exc
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            raise EventError("location is out of range")
        return LocationIn(lat=lat, lon=lon, **common)
    if isinstance(data.get("file"), str):
        return attachment_from_path(data["file"], key, lang)
    raise EventError('expected one of "text", "option", "command", "location" or "file"')


def attachment_from_path(path_text: str, key: ConversationKey, lang: str | None) -> AttachmentIn:
    path = Path(path_text).expanduser()
    if not path.is_file():
        raise EventError(f"no such file: {path}")
    mime = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
    return AttachmentIn(key=key, lang_hint=lang, filename=path.name, mime_type=mime, data=path.read_bytes())


def message_json(message: OutboundMessage) -> dict[str, Any]:
    out: dict[str, Any] = {
        "type": "message",
        "text": message.text,
        "options": [{"id": o.id, "label": o.label} for o in message.options],
        "contacts": [{k: v for k, v in asdict(c).items() if v is not None} for c in message.contacts],
        "category": message.category,
        "emergency": message.emergency,
    }
    if message.request_location:
        out["request_location"] = True
    if message.request_contact:
        out["request_contact"] = True
    if message.document is not None:
        out["document"] = {"filename": message.document.filename, "mime_type": message.document.mime_type}
    return out


class ConsoleChannel:
    def __init__(
        self,
        engine: Engine,
        *,
        user: str = "local",
        lang: str | None = None,
        jsonl: bool = False,
        stdin: IO[str] | None = None,
        stdout: IO[str] | None = None,
        documents_dir: Path | None = None,
    ):
        self.engine = engine
        self.key = ConversationKey(CHANNEL, user, user)
        self.lang = lang
        self.jsonl = jsonl
        self.stdin = stdin or sys.stdin
        self.stdout = stdout or sys.stdout
        self._write_lock = asyncio.Lock()
        # Documents the bot sends (reports, data exports) are written here, owner-only.
        self.documents_dir = documents_dir or default_data_dir() / "exports"
        engine.register_channel(CHANNEL, self)

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        # One terminal plays every console user: a message for another console user (an
        # officer's alert in a demo, say) is labelled with whom it is for.
        async with self._write_lock:
            self._emit(messages, to=None if key == self.key else key)

    def _emit(self, messages: list[OutboundMessage], to: ConversationKey | None = None) -> None:
        for message in messages:
            path = self._save_document(message.document) if message.document else None
            if self.jsonl:
                out = message_json(message)
                if to is not None:
                    out["to"] = str(to)
                if path is not None:
                    out["document"]["path"] = str(path)
                self._line(out)
            else:
                prefix = f"[an / to {to.user}] " if to is not None else ""
                prefix += "[NOTFALL / EMERGENCY] " if message.emergency else ""
                self.stdout.write(prefix + message_text(message) + "\n\n")
                if path is not None:
                    self.stdout.write(f"[Datei / file: {path}]\n\n")
        self.stdout.flush()

    def _save_document(self, document: Document) -> Path:
        self.documents_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in document.filename) or "datei"
        path = self.documents_dir / name
        stem, counter = path.stem, 1
        while path.exists():
            counter += 1
            path = path.with_name(f"{stem}-{counter}{path.suffix}")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(document.data)
        return path

    def _line(self, obj: dict[str, Any]) -> None:
        self.stdout.write(json.dumps(obj, ensure_ascii=False) + "\n")

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        if not self.jsonl:
            await self._handle(CommandIn(key=self.key, lang_hint=self.lang, name="start"))
        else:
            await self._resume()
        while True:
            if not self.jsonl:
                self.stdout.write("> ")
                self.stdout.flush()
            line = await loop.run_in_executor(None, self.stdin.readline)
            if not line:
                return
            line = line.strip()
            if not line:
                continue
            receipt = None
            if self.jsonl:
                try:
                    event = parse_event(line, self.key, self.lang)
                except EventError as exc:
                    async with self._write_lock:
                        self._line({"type": "error", "message": str(exc)})
                        self._line({"type": "turn_end"})
                        self.stdout.flush()
                    continue
                event_id = _event_id(line)
                if event_id is not None:  # stored before it is handled; a repeated id is ignored
                    stored = await self.engine.inbox.put(CHANNEL, [(f"{self.key.user}|{event_id}", line.encode())])
                    if not stored:
                        async with self._write_lock:
                            self._line({"type": "turn_end", "id": event_id, "duplicate": True})
                            self.stdout.flush()
                        continue
                    receipt = stored[0]
            else:
                event = self._typed_event(line)
            await self._handle(event, receipt)

    async def _resume(self) -> None:
        """Lines with an id that a crashed run stored but did not finish: handled first."""
        prefix = f"{self.key.user}|"
        for receipt, data in await self.engine.inbox.pending(CHANNEL):
            if not receipt.event_id.startswith(prefix):
                continue
            try:
                event = parse_event(data.decode("utf-8"), self.key, self.lang)
            except (EventError, UnicodeDecodeError):
                self.engine.inbox.done(receipt)
                continue
            await self._handle(event, receipt)

    def _typed_event(self, line: str) -> Inbound:
        if line.startswith("/datei ") or line.startswith("/file "):
            path = line.split(" ", 1)[1].strip()
            try:
                return attachment_from_path(path, self.key, self.lang)
            except EventError as exc:
                self.stdout.write(f"({exc})\n")
        return TextIn(key=self.key, lang_hint=self.lang, text=line)

    async def _handle(self, event: Inbound, receipt: Receipt | None = None) -> None:
        async def reply(messages: list[OutboundMessage]) -> None:
            async with self._write_lock:
                self._emit(messages)
                if self.jsonl:
                    end: dict[str, Any] = {"type": "turn_end"}
                    if receipt is not None:
                        end["id"] = receipt.event_id.partition("|")[2]
                    self._line(end)
                    self.stdout.flush()

        try:
            await self.engine.handle(event, receipt=receipt, reply=reply)
        finally:
            if receipt is not None:
                self.engine.inbox.done(receipt)  # a no-op when the turn committed it


def _event_id(line: str) -> str | None:
    """The optional "id" of a jsonl event (at-least-once: a line sent again is ignored)."""
    value = json.loads(line).get("id")
    return value[:128] if isinstance(value, str) and value else None
