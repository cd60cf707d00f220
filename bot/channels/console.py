"""The terminal chat: a real channel for local use, demos and end-to-end tests.

Interactive mode prints options numbered and reads typed lines. `--jsonl` mode reads one
JSON event per line (bot/inbound_schema.py) and writes one JSON object per outbound
message, then a `turn_end`: exactly one per input line, whatever the line holds, and the
output is always valid UTF-8. Evidence files come only from the evidence inbox by bare
name (bot/incidents/evidence_inbox.py). Documents the bot sends are written owner-only to
the exports directory and deleted when the session ends, by /loeschen, and (left over from
a session that died) at the next start.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import mimetypes
import os
import sys
import time
from dataclasses import asdict
from pathlib import Path
from typing import IO, Any

from bot.config import Settings, default_data_dir
from bot.engine import Engine
from bot.inbox import Receipt
from bot.inbound_schema import MAX_LINE_BYTES, MAX_TEXT, EventError, clean_text, parse_line, to_inbound
from bot.incidents.evidence_inbox import InboxError, ensure_inbox, read_evidence
from bot.render import message_text
from handlers.messages import (
    AttachmentIn,
    CommandIn,
    ConversationKey,
    Document,
    Inbound,
    OutboundMessage,
    TextIn,
)

CHANNEL = "console"
DEFAULT_MAX_EVIDENCE = 20 * 1024 * 1024
STALE_EXPORT_SECONDS = 3600  # an export older than this at start belongs to no running session
log = logging.getLogger(__name__)


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


def read_bounded_line(stream: IO[Any], limit: int = MAX_LINE_BYTES) -> tuple[bytes, bool] | None:
    """(line, too_long) from a binary or text stream, None at the end. Blocking.

    A line over `limit` bytes is never held in memory whole: it is read in pieces and
    dropped, and reported as too long.
    """
    source = getattr(stream, "buffer", stream)
    chunk = source.readline(limit + 1)
    if isinstance(chunk, str):  # a text stream (tests): lone surrogates stay detectable
        chunk = chunk.encode("utf-8", "surrogatepass")
    if not chunk:
        return None
    if len(chunk) <= limit or chunk.endswith(b"\n"):
        return chunk, False
    while True:
        more = source.readline(limit)
        if not more or (more.endswith(b"\n") if isinstance(more, bytes) else more.endswith("\n")):
            return b"", True


class ConsoleChannel:
    def __init__(
        self,
        engine: Engine,
        *,
        user: str = "local",
        lang: str | None = None,
        jsonl: bool = False,
        stdin: IO[Any] | None = None,
        stdout: IO[Any] | None = None,
        documents_dir: Path | None = None,
        evidence_inbox: Path | None = None,
        max_evidence_bytes: int = DEFAULT_MAX_EVIDENCE,
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
        self.evidence_inbox = evidence_inbox or self.documents_dir.parent / "inbox"
        self.max_evidence_bytes = max_evidence_bytes
        self._documents: dict[ConversationKey, list[Path]] = {}
        engine.register_channel(CHANNEL, self)

    @classmethod
    def from_settings(cls, engine: Engine, settings: Settings, **kwargs: Any) -> ConsoleChannel:
        """The terminal with the configured exports directory, evidence inbox and size limit."""
        return cls(engine, documents_dir=settings.data_dir / "exports", evidence_inbox=settings.evidence_inbox_dir,
                   max_evidence_bytes=int(settings.max_evidence_mb * 1024 * 1024), **kwargs)

    # --- output ------------------------------------------------------------------

    def _write(self, text: str) -> None:
        """Always valid UTF-8 on the wire: anything unencodable becomes U+FFFD."""
        text = clean_text(text, len(text))
        target = getattr(self.stdout, "buffer", None)
        if target is not None:
            self.stdout.flush()
            target.write(text.encode("utf-8"))
        else:
            self.stdout.write(text)

    def _flush(self) -> None:
        self.stdout.flush()
        target = getattr(self.stdout, "buffer", None)
        if target is not None:
            target.flush()

    def _line(self, obj: dict[str, Any]) -> None:
        self._write(json.dumps(obj, ensure_ascii=False) + "\n")

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        # One terminal plays every console user: a message for another console user (an
        # officer's alert in a demo, say) is labelled with whom it is for.
        async with self._write_lock:
            self._emit(messages, key, to=None if key == self.key else key)
            self._flush()

    def _emit(self, messages: list[OutboundMessage], key: ConversationKey, to: ConversationKey | None = None) -> None:
        for message in messages:
            path = None
            if message.document is not None:
                try:
                    path = self._save_document(key, message.document)
                except OSError as exc:
                    log.error("console: could not write a document: %s", type(exc).__name__)
                    if self.jsonl:
                        self._line({"type": "error", "message": "the document could not be written"})
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
                self._write(prefix + message_text(message) + "\n\n")
                if path is not None:
                    self._write(f"[Datei / file: {path}]\n\n")

    # --- documents (decrypted copies: kept as briefly as possible) ------------------

    def _save_document(self, key: ConversationKey, document: Document) -> Path:
        self.documents_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        name = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in document.filename)[:120] or "datei"
        path = self.documents_dir / name
        stem, counter = path.stem, 1
        while path.exists():
            counter += 1
            path = path.with_name(f"{stem}-{counter}{path.suffix}")
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(document.data)
        self._documents.setdefault(key, []).append(path)
        return path

    def forget_documents(self, key: ConversationKey) -> int:
        """Delete the documents written for `key` (called by /loeschen and at the end)."""
        removed = 0
        for path in self._documents.pop(key, []):
            try:
                path.unlink()
                removed += 1
            except FileNotFoundError:
                pass
        return removed

    def sweep_stale_documents(self, now: float | None = None) -> int:
        """Delete exports a session that died left behind (older than an hour)."""
        now = time.time() if now is None else now
        removed = 0
        try:
            entries = list(os.scandir(self.documents_dir))
        except FileNotFoundError:
            return 0
        for entry in entries:
            try:
                if entry.is_file(follow_symlinks=False) and now - entry.stat(follow_symlinks=False).st_mtime > STALE_EXPORT_SECONDS:
                    os.unlink(entry.path)
                    removed += 1
            except OSError:
                continue
        if removed:
            log.info("console: removed %d leftover export file(s)", removed)
        return removed

    # --- input -------------------------------------------------------------------

    async def run(self) -> None:
        loop = asyncio.get_running_loop()
        self.sweep_stale_documents()
        try:
            ensure_inbox(self.evidence_inbox)
        except OSError:
            log.warning("console: the evidence inbox cannot be created")
        try:
            if not self.jsonl:
                await self._handle(CommandIn(key=self.key, lang_hint=self.lang, name="start"))
            else:
                await self._resume()
            while True:
                if not self.jsonl:
                    self._write("> ")
                    self._flush()
                got = await loop.run_in_executor(None, read_bounded_line, self.stdin)
                if got is None:
                    return
                raw, too_long = got
                if self.jsonl:
                    await self._jsonl_line(raw, too_long)
                else:
                    await self._typed_line(raw, too_long)
        except BrokenPipeError:  # the reader went away: end quietly, as `head` expects
            log.info("console: output closed, ending the session")
            with contextlib.suppress(OSError, ValueError):
                os.dup2(os.open(os.devnull, os.O_WRONLY), self.stdout.fileno())
        finally:
            for key in list(self._documents):
                self.forget_documents(key)

    async def _jsonl_line(self, raw: bytes, too_long: bool) -> None:
        try:
            if too_long:
                raise EventError(f"line is longer than {MAX_LINE_BYTES} bytes")
            model = parse_line(raw)
            if model.file is not None:
                event: Inbound = await self._attachment(model.file)
            else:
                event = to_inbound(model, self.key, self.lang)
        except (EventError, InboxError) as exc:
            await self._error_turn(str(exc))
            return
        receipt = None
        if model.id is not None:  # stored before it is handled; a repeated id is ignored
            stored = await self.engine.inbox.put(CHANNEL, [(f"{self.key.user}|{model.id}", raw)])
            if not stored:
                async with self._write_lock:
                    self._line({"type": "turn_end", "id": model.id, "duplicate": True})
                    self._flush()
                return
            receipt = stored[0]
        await self._handle(event, receipt)

    async def _resume(self) -> None:
        """Lines with an id that a crashed run stored but did not finish: handled first."""
        prefix = f"{self.key.user}|"
        for receipt, data in await self.engine.inbox.pending(CHANNEL):
            if not receipt.event_id.startswith(prefix):
                continue
            try:
                model = parse_line(data)
                event: Inbound = (await self._attachment(model.file) if model.file is not None
                                  else to_inbound(model, self.key, self.lang))
            except (EventError, InboxError):
                self.engine.inbox.done(receipt)
                continue
            await self._handle(event, receipt)

    async def _typed_line(self, raw: bytes, too_long: bool) -> None:
        line = clean_text(raw.decode("utf-8", "replace").strip(), len(raw))
        if too_long or len(line) > MAX_TEXT:
            self._write(f"(Höchstens {MAX_TEXT} Zeichen / at most {MAX_TEXT} characters)\n")
            return
        if not line:
            return
        if line.startswith(("/datei ", "/file ")):
            try:
                event: Inbound = await self._attachment(line.split(" ", 1)[1].strip())
            except InboxError as exc:
                self._write(f"({exc}; {self.evidence_inbox})\n")
                return
        else:
            event = TextIn(key=self.key, lang_hint=self.lang, text=line)
        await self._handle(event)

    async def _attachment(self, name: str) -> AttachmentIn:
        data = await asyncio.to_thread(read_evidence, self.evidence_inbox, name, self.max_evidence_bytes)
        mime = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return AttachmentIn(key=self.key, lang_hint=self.lang, filename=name, mime_type=mime, data=data)

    async def _error_turn(self, message: str) -> None:
        async with self._write_lock:
            self._line({"type": "error", "message": message})
            self._line({"type": "turn_end"})
            self._flush()

    async def _handle(self, event: Inbound, receipt: Receipt | None = None) -> None:
        answered = False

        async def reply(messages: list[OutboundMessage], failed: bool = False) -> None:
            nonlocal answered
            answered = True
            async with self._write_lock:
                try:
                    if failed and self.jsonl:
                        self._line({"type": "error", "message": "internal error; please try again"})
                    self._emit(messages, self.key)
                finally:
                    if self.jsonl:
                        end: dict[str, Any] = {"type": "turn_end"}
                        if receipt is not None:
                            end["id"] = receipt.event_id.partition("|")[2]
                        self._line(end)
                    self._flush()

        try:
            await self.engine.handle(event, receipt=receipt, reply=reply)
        except Exception as exc:  # noqa: BLE001 - the engine answers failures itself; this is the last net
            log.error("console: turn failed: %s", type(exc).__name__)
            if not answered:
                await reply([], failed=True)
        finally:
            if receipt is not None:
                self.engine.inbox.done(receipt)  # a no-op when the turn committed it
