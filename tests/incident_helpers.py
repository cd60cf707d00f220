"""Shared builders for the incident tests: a real app on a temp data dir, a chat driver."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

from fpdf import FPDF

from bot.app import App, open_app
from bot.clock import ManualClock
from bot.config import Settings
from handlers.messages import (
    AttachmentIn, CommandIn, ConversationKey, Inbound, OptionChosen, OutboundMessage, TextIn,
)

KEY_A = base64.b64encode(b"A" * 32).decode()
KEY_B = base64.b64encode(b"B" * 32).decode()
START = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
# Everything a test user types that must never appear in plaintext at rest.
SECRETS = {
    "affected": "ich, Ortsvorsteherin Amalie Quendelbach",
    "where": "Quellgasse 17 am Brunnenhof",
    "what": "Er drohte mir mit Xylophonkeulen vor dem Rathaus",
    "who": "Herr Zebulon Quaxmann",
    "witnesses": "Frau Ottilie Wurzelbrunn",
    "link": "https://example.org/beitrag/98765-hetzpost",
    "note": "Wieder aufgetaucht mit Plakat Nummer vier",
}
TRIAGE_TO_RESULT = ["/start", "nein", "Beleidigung", "ja", "nein", "nein", "Pirna"]


def settings_for(data_dir: Path, **extra: object) -> Settings:
    values = {"data_dir": data_dir, "data_key": KEY_A, **extra}
    return Settings(_env_file=None, **{k: v for k, v in values.items() if v is not None})


def pdf_bytes(text: str = "Screenshot eines Beitrags") -> bytes:
    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("helvetica", size=12)
    pdf.cell(text=text)
    return bytes(pdf.output())


PNG_BYTES = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
    b"\x00\x00\x00\rIDATx\x9cc\xf8\xff\xff?\x00\x05\xfe\x02\xfe\xa7\x35\x81\x84\x00\x00\x00\x00IEND\xaeB`\x82"
)


class Capture:
    """A channel that records unsolicited messages (reminders, retention warnings)."""

    def __init__(self) -> None:
        self.sent: list[tuple[ConversationKey, OutboundMessage]] = []

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        self.sent += [(key, m) for m in messages]


class Chat:
    def __init__(self, app: App, user: str = "u1"):
        self.app = app
        self.key = ConversationKey("console", user, user)

    async def _go(self, event: Inbound) -> list[OutboundMessage]:
        return await self.app.engine.handle(event)

    async def text(self, text: str) -> list[OutboundMessage]:
        return await self._go(TextIn(key=self.key, text=text))

    async def option(self, option_id: str) -> list[OutboundMessage]:
        return await self._go(OptionChosen(key=self.key, option_id=option_id))

    async def command(self, name: str) -> list[OutboundMessage]:
        return await self._go(CommandIn(key=self.key, name=name))

    async def file(self, name: str, mime: str, data: bytes) -> list[OutboundMessage]:
        return await self._go(AttachmentIn(key=self.key, filename=name, mime_type=mime, data=data))

    async def to_consent(self) -> list[OutboundMessage]:
        for text in TRIAGE_TO_RESULT:
            await self.text(text)
        return await self.option("document_incident")

    async def to_evidence(self) -> list[OutboundMessage]:
        """Consent typed, the date given, every other field skipped: at the evidence step."""
        await self.to_consent()
        await self.text("ja gerne")
        await self.option("skip")  # who is affected
        await self.text("gestern 22 Uhr")
        for _ in range(3):
            shown = await self.option("skip")
        return shown

    async def record(self, *, files: list[tuple[str, str, bytes]], when: str = "gestern 22 Uhr",
                     reminder: bool = False) -> str:
        """A whole record through the chat; returns its reference number."""
        await self.to_consent()
        await self.option("yes")
        await self.text(SECRETS["affected"])
        await self.text(when)
        for field in ("where", "what", "who", "witnesses"):
            await self.text(SECRETS[field])
        for name, mime, data in files:
            answer = await self.file(name, mime, data)
            assert name in answer[-1].text, answer[-1].text
            assert "SHA-256" not in answer[-1].text  # the checksum belongs in the report
        await self.text(SECRETS["link"])
        await self.option("done")
        await self.option("rep_no")
        saved = await self.option("save")
        ref = next(m.text for m in saved if "SL-" in m.text).split("SL-", 1)[1][:10]
        await self.option("yes" if reminder else "no")
        return "SL-" + ref


@asynccontextmanager
async def running(settings: Settings, clock: ManualClock | None = None) -> AsyncIterator[App]:
    async with open_app(settings, clock=clock or ManualClock(START)) as app:
        yield app


def raw_files(data_dir: Path) -> dict[str, bytes]:
    """The bytes of the database, its WAL and every evidence file."""
    found = {}
    for path in [*data_dir.glob("schutzlotse.db*"), *(data_dir / "evidence").glob("*")]:
        found[str(path)] = path.read_bytes()
    return found


async def wait_until(condition: Callable[[], bool], rounds: int = 300) -> None:
    for _ in range(rounds):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("condition not reached")
