"""Carries out the incident flow's actions: store evidence and records, list, report,
remind, export and delete. Each handler answers with messages or a follow-up event.

Handlers run from the engine's outbox and may run again after a crash: saving a record and
storing evidence are idempotent by the outbox action id (`bot.outbox.action_id()`).
"""

from __future__ import annotations

import datetime as dt
import io
import json
import logging
import zipfile
from dataclasses import dataclass, field
from typing import Any, Callable, Protocol

from bot.config import Settings
from bot.engine import EffectOutcome, Engine
from bot.crypto import DecryptionError
from bot.heavy import HeavyWork
from bot.incidents.records import EvidenceMeta, Incident, IncidentStore
from bot.incidents.report import IMAGE_TYPES, pdf_report, text_report
from bot.outbox import action_id
from handlers.incident import model
from handlers.incident.dates import BERLIN, When
from handlers.messages import ConversationKey, Document, OutboundMessage
from handlers.state import Action, ConversationState

log = logging.getLogger(__name__)
REMINDER_HOUR = 9  # local time the deadline reminder goes out


class UserData(Protocol):
    """Another feature's data about a user, covered by /meinedaten and /loeschen."""

    async def export_user(self, key: ConversationKey, now: dt.datetime) -> dict[str, Any]: ...

    async def delete_user(self, key: ConversationKey, now: dt.datetime) -> None: ...


@dataclass
class IncidentEffects:
    engine: Engine
    store: IncidentStore
    settings: Settings
    rights: list[UserData] = field(default_factory=list)
    heavy: HeavyWork = field(default_factory=HeavyWork)

    def register(self) -> None:
        for action_type, handler in (
            (model.OpenIncident, self.open_incident), (model.StoreEvidence, self.store_evidence),
            (model.DiscardDraft, self.discard), (model.SaveIncident, self.save),
            (model.ListIncidents, self.list_incidents), (model.AddNote, self.add_note),
            (model.CloseIncident, self.close), (model.MakeReport, self.report),
            (model.SetReminder, self.set_reminder), (model.ExportData, self.export),
            (model.DeleteData, self.delete),
        ):
            self.engine.register_effect(action_type, handler)

    def _now(self) -> dt.datetime:
        return self.engine.clock.now()

    def _say(self, name: str, lang: str, **fields: object) -> str:
        text = getattr(self.engine.knowledge.current.incident, name).get(lang)
        return text.format(**fields) if fields else text

    @property
    def _max_bytes(self) -> int:
        return int(self.settings.max_evidence_mb * 1024 * 1024)

    @staticmethod
    def _done(action: Action, text: str) -> EffectOutcome:
        return EffectOutcome([OutboundMessage(text)], follow_up=model.EffectDone(key=action.key))

    async def open_incident(self, action: Action, state: ConversationState | None) -> EffectOutcome:
        return EffectOutcome(follow_up=model.IncidentPolicy(
            key=action.key, retention_days=int(self.settings.retention_days),
            max_evidence_mb=self.settings.max_evidence_mb, reminder_lead_days=self.settings.reminder_lead_days))

    async def store_evidence(self, action: model.StoreEvidence, state: ConversationState | None) -> EffectOutcome:
        try:
            stored = await self.store.store_evidence(
                action.key, action.filename, action.mime_type, action.data,
                max_bytes=self._max_bytes, now=self._now(), incident_id=action.incident_id,
                action_id=action_id())
        except LookupError:
            stored = None
        if not isinstance(stored, EvidenceMeta):
            reason = stored.reason if stored is not None else "no_record"
            log.info("evidence refused: %s", reason)
            return EffectOutcome(follow_up=model.EvidenceRefused(
                key=action.key, reason=reason, max_evidence_mb=self.settings.max_evidence_mb))
        log.info("evidence stored: %s (%s)", stored.id, stored.mime_type)
        return EffectOutcome(follow_up=model.EvidenceStored(key=action.key, meta=stored.__dict__.copy()))

    async def discard(self, action: model.DiscardDraft, state: ConversationState | None) -> EffectOutcome:
        await self.store.discard_drafts(action.key, list(action.evidence_ids))
        return EffectOutcome()

    async def save(self, action: model.SaveIncident, state: ConversationState | None) -> EffectOutcome:
        incident_id, ref = await self.store.create(
            action.key, action.record, list(action.evidence_ids), self._now(), action_id=action_id())
        log.info("incident %d created", incident_id)
        return EffectOutcome(follow_up=model.IncidentSaved(key=action.key, incident_id=incident_id, ref=ref))

    async def list_incidents(self, action: Action, state: ConversationState | None) -> EffectOutcome:
        items = tuple(
            {"id": i.id, "ref": i.ref, "status": i.status, "created": i.created_at.isoformat()}
            for i in await self.store.list(action.key)
        )
        return EffectOutcome(follow_up=model.IncidentsListed(key=action.key, items=items))

    async def add_note(self, action: model.AddNote, state: ConversationState | None) -> EffectOutcome:
        incident = await self.store.get(action.key, action.incident_id)
        if incident is None:
            return self._done(action, self._say("no_record", action.lang))
        now = self._now()
        incident.data.setdefault("log", []).append({"at": now.isoformat(), "text": action.text})
        await self.store.update(action.key, incident, now)
        return self._done(action, self._say("note_added", action.lang, ref=incident.ref))

    async def close(self, action: model.CloseIncident, state: ConversationState | None) -> EffectOutcome:
        incident = await self.store.get(action.key, action.incident_id)
        if incident is None:
            return self._done(action, self._say("no_record", action.lang))
        await self.store.update(action.key, incident, self._now(), status="closed")
        return self._done(action, self._say("closed", action.lang, ref=incident.ref))

    def _busy(self, action: model.MakeReport | model.ExportData) -> EffectOutcome:
        """A second heavy job of the same user while one runs: ask them to wait."""
        log.info("heavy job refused: one is still running for this user")
        done = model.EffectDone(key=action.key) if isinstance(action, model.MakeReport) else None
        return EffectOutcome([OutboundMessage(self._say("heavy_busy", action.lang))], follow_up=done)

    async def report(self, action: model.MakeReport, state: ConversationState | None) -> EffectOutcome:
        async with self.heavy.slot(action.key) as free:
            if not free:
                return self._busy(action)
            incident = await self.store.get(action.key, action.incident_id)
            if incident is None:
                return self._done(action, self._say("no_record", action.lang))
            k, now, lang = self.engine.knowledge.current, self._now(), action.lang
            pdf_bytes, txt = await self.heavy.run(_reports, k, incident, lang, now, self._images)
        pdf = Document(f"{incident.ref}.pdf", "application/pdf", pdf_bytes)
        text = Document(f"{incident.ref}.txt", "text/plain", txt)
        return EffectOutcome([
            OutboundMessage(self._say("report_ready", lang, ref=incident.ref), document=pdf),
            OutboundMessage(f"{incident.ref}.txt", document=text),
        ], follow_up=model.EffectDone(key=action.key))

    def _images(self, incident: Incident) -> dict[str, bytes]:
        """Decrypted image evidence for the PDF; a file that cannot be read is only listed."""
        found: dict[str, bytes] = {}
        for evidence in incident.evidence:
            if evidence.mime_type in IMAGE_TYPES:
                try:
                    found[evidence.id] = self.store.vault.read(evidence.id)
                except (OSError, ValueError, DecryptionError):
                    log.warning("evidence %s not readable for the report", evidence.id)
        return found

    async def set_reminder(self, action: model.SetReminder, state: ConversationState | None) -> EffectOutcome:
        deadline = dt.date.fromisoformat(action.deadline)
        local = dt.datetime.combine(deadline, dt.time(REMINDER_HOUR), tzinfo=BERLIN)
        due = max(local - dt.timedelta(days=self.settings.reminder_lead_days), self._now())
        incident = await self.store.get(action.key, action.incident_id)
        if incident is None:
            return self._done(action, self._say("no_record", action.lang))
        payload = {"ref": incident.ref, "deadline": action.deadline, "lang": action.lang}
        await self.store.add_reminder(action.key, action.incident_id, due, payload)
        date = When(due.astimezone(BERLIN).date()).label(action.lang)
        return self._done(action, self._say("reminder_set", action.lang, date=date))

    async def export(self, action: model.ExportData, state: ConversationState | None) -> EffectOutcome:
        async with self.heavy.slot(action.key) as free:
            if not free:
                return self._busy(action)
            now = self._now()
            data, files = await self.store.export_user(action.key, now, run=self.heavy.run)
            for other in self.rights:
                data.update(await other.export_user(action.key, now))
            if state is not None:
                data["conversation_state"] = json.loads(state.to_json())
            archive = await self.heavy.run(_zip, data, files)
        stamp = now.astimezone(BERLIN).strftime("%Y%m%d-%H%M")
        document = Document(f"schutzlotse-meinedaten-{stamp}.zip", "application/zip", archive)
        return EffectOutcome([OutboundMessage(self._say("mydata_ready", action.lang), document=document)])

    async def delete(self, action: model.DeleteData, state: ConversationState | None) -> EffectOutcome:
        for channel in self.engine.channels.values():  # copies of sent reports and exports, if a channel keeps any
            forget = getattr(channel, "forget_documents", None)
            if forget is not None:
                forget(action.key)
        for other in self.rights:  # first: if one fails, the user is told and can try again
            await other.delete_user(action.key, self._now())
        await self.store.delete_user(action.key, self._now())
        return EffectOutcome([OutboundMessage(self._say("deleted", action.lang))])


def _reports(
    k: Any, incident: Any, lang: str, now: dt.datetime, images_of: Callable[[Any], dict[str, bytes]]
) -> tuple[bytes, bytes]:
    """PDF (with image evidence decrypted for it) and text report, in a worker thread: the
    PDF takes tens of milliseconds and decrypting pictures more."""
    pdf = pdf_report(k, incident, lang, now, images_of(incident))
    return pdf, text_report(k, incident, lang, now).encode("utf-8")


def _zip(data: dict[str, Any], files: dict[str, bytes]) -> bytes:
    """The /meinedaten archive (in a worker thread: copying and checksumming 60 MB takes a while)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("daten.json", json.dumps(data, ensure_ascii=False, indent=2))
        for name, content in files.items():
            # Evidence is mostly photos, PDFs and audio, already compressed: deflating 60 MB
            # of it took seconds and saved next to nothing.
            archive.writestr(name, content, compress_type=zipfile.ZIP_STORED)
    return buffer.getvalue()
