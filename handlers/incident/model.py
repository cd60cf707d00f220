"""What the incident flow asks the engine to do (actions) and what comes back (events).

The flow stays pure: storing, listing and file handling are actions; their results come
back as follow-up events that the flow then shows. Evidence bytes travel only inside
`StoreEvidence`, never in the conversation state.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from handlers.messages import Inbound
from handlers.state import Action

# --- actions (carried out by bot/incidents/effects.py) -------------------------------


@dataclass(frozen=True, kw_only=True)
class OpenIncident(Action):
    """A record is about to be written: the engine answers with `IncidentPolicy`."""


@dataclass(frozen=True, kw_only=True)
class StoreEvidence(Action):
    """Check and store an upload encrypted; `incident_id` None means the draft area."""

    filename: str
    mime_type: str
    data: bytes = field(repr=False)
    incident_id: int | None = None


@dataclass(frozen=True, kw_only=True)
class DiscardDraft(Action):
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class SaveIncident(Action):
    record: dict[str, Any]
    evidence_ids: tuple[str, ...] = ()


@dataclass(frozen=True, kw_only=True)
class ListIncidents(Action):
    pass


@dataclass(frozen=True, kw_only=True)
class AddNote(Action):
    incident_id: int
    text: str
    lang: str


@dataclass(frozen=True, kw_only=True)
class CloseIncident(Action):
    incident_id: int
    lang: str


@dataclass(frozen=True, kw_only=True)
class MakeReport(Action):
    incident_id: int
    lang: str


@dataclass(frozen=True, kw_only=True)
class SetReminder(Action):
    incident_id: int
    deadline: str  # ISO date
    lang: str


@dataclass(frozen=True, kw_only=True)
class ExportData(Action):
    lang: str


@dataclass(frozen=True, kw_only=True)
class DeleteData(Action):
    lang: str


# --- follow-up events (the engine's answers, stepped like user events) ----------------


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentPolicy(Inbound):
    retention_days: int
    max_evidence_mb: float
    reminder_lead_days: float = 14


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceStored(Inbound):
    meta: dict[str, Any]  # id, filename, mime_type, size, sha256, received_at


@dataclass(frozen=True, slots=True, kw_only=True)
class EvidenceRefused(Inbound):
    reason: str  # empty, too_big, wrong_type, mismatch, no_record
    max_evidence_mb: float


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentSaved(Inbound):
    incident_id: int
    ref: str


@dataclass(frozen=True, slots=True, kw_only=True)
class IncidentsListed(Inbound):
    items: tuple[dict[str, Any], ...]  # id, ref, status, created (ISO)


@dataclass(frozen=True, slots=True, kw_only=True)
class EffectDone(Inbound):
    """An action's messages were sent; the flow now shows its next screen after them."""
