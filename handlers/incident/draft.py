"""Writing a record: consent, then each field (skippable), summary, correction, saving.

Nodes: consent -> affected -> when (-> when_unclear) -> where -> what -> who -> witnesses
-> evidence -> reported (-> file_number) -> summary (-> correct -> a field -> summary) ->
saving -> reminder_offer -> after_save (report, new request or end; the record stays
stored). docs/incidents.md shows this as a diagram.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from handlers.answers import Choice
from handlers.incident import model
from handlers.incident.dates import When, add_months, local_today, parse_when, when_in_passing
from handlers.incident.screens import FIELDS, TEXT_FIELDS, choice, evidence_line, message, say, summary_text
from handlers.messages import AttachmentIn, Inbound, OutboundMessage, TextIn
from handlers.state import ConversationState, Context, StepResult

LINK = re.compile(r"(https?://\S+|www\.\S+)", re.IGNORECASE)
NEXT = {"affected": "when", "when": "where", "where": "what", "what": "who", "who": "witnesses", "witnesses": "evidence",
        "evidence": "reported", "reported": "summary", "file_number": "summary"}
YES, NO = ("ja", "yes", "j", "y"), ("nein", "no", "n")
# Screens that wait for an action's answer; if the answer never came (the action failed),
# the user is put back where the action started so they are never stuck.
# The correction screen's options: option id -> the field it opens again.
FIX_FIELDS = {f"fix.{name}": name for name in FIELDS}
WAITING = {"saving": "summary", "reminder_wait": "after_save", "report_wait": "after_save"}


def draft(state: ConversationState) -> dict[str, Any]:
    """The record being written (read-only; change it with `with_draft`)."""
    return state.pending.get("draft", {})


def with_draft(state: ConversationState, *, drop: tuple[str, ...] = (), **fields: Any) -> ConversationState:
    current = {k: v for k, v in draft(state).items() if k not in drop}
    return state.with_pending(draft={**current, **fields})


def choices(state: ConversationState, ctx: Context) -> list[Choice]:
    node, skip = state.node, choice(ctx, "skip", "skip", "weiter", "next")
    if node == "consent":
        return [choice(ctx, "yes", "consent_yes", *YES), choice(ctx, "no", "consent_no", *NO)]
    if node == "when_unclear":
        return [choice(ctx, "keep", "when_keep"), skip]
    if node == "where" and state.place_id and ctx.knowledge.places.get(state.place_id):
        place = ctx.knowledge.places.get(state.place_id).name
        return [Choice("here", place, place), skip]
    if node in ("when", *TEXT_FIELDS, "file_number"):
        return [skip]
    if node == "evidence":
        return [choice(ctx, "done", "evidence_done", "fertig", "done", "weiter", "next")]
    if node == "reported":
        return [choice(ctx, "rep_yes", "reported_yes", *YES), choice(ctx, "rep_no", "reported_no", *NO), skip]
    if node == "summary":
        return [choice(ctx, "save", "save", "speichern"), choice(ctx, "correct", "correct", "korrigieren"),
                choice(ctx, "discard", "discard", "verwerfen")]
    if node == "correct":
        return [choice(ctx, option_id, f"field_{name}") for option_id, name in FIX_FIELDS.items()]
    if node == "reminder_offer":
        return [choice(ctx, "yes", "reminder_yes", *YES), choice(ctx, "no", "reminder_no", *NO)]
    if node == "after_save":
        found = [] if state.pending.get("report_sent") else [choice(ctx, "report", "saved_report", "bericht", "report")]
        return [*found, choice(ctx, "new_request", "saved_new", "neu", "new"),
                choice(ctx, "finish", "saved_end", "ende", "end", "fertig", "done")]
    return []


def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
    node, lang, pending = state.node, state.lang, state.pending
    on_screen = choices(state, ctx)
    if node == "consent":
        policy = pending.get("policy", {})
        text = say(ctx, "consent", lang, days=policy.get("retention_days", "?"))
        return [message(state, text, on_screen)]
    if node == "when_unclear":
        return [message(state, say(ctx, "when_unclear", lang, text=pending.get("when_raw", "")), on_screen)]
    if node == "evidence":
        text = say(ctx, "ask_evidence", lang, mb=_mb(pending))
        if "online" in state.aspects:
            text += "\n\n" + say(ctx, "screenshot_advice", lang)
        return [message(state, text, on_screen)]
    if node == "summary":
        return [message(state, summary_text(state, ctx), on_screen)]
    if node == "correct":
        return [message(state, say(ctx, "which_field", lang), on_screen)]
    if node == "saving":
        return [OutboundMessage(say(ctx, "saving", lang))]
    if node == "reminder_offer":
        deadline = dt.date.fromisoformat(pending["deadline"])
        lead = f"{float(pending.get('policy', {}).get('reminder_lead_days', 14)):g}"
        text = say(ctx, "reminder_offer", lang, ref=pending.get("ref", ""), deadline=When(deadline).label(lang), days=lead)
        return [message(state, text, on_screen)]
    if node == "after_save":
        name = "after_report" if pending.get("report_sent") else "after_save"
        return [message(state, say(ctx, name, lang, ref=pending.get("ref", "")), on_screen)]
    return [message(state, say(ctx, f"ask_{node}", lang), on_screen)]


def _mb(pending: dict[str, Any]) -> str:
    value = float(pending.get("policy", {}).get("max_evidence_mb", 20))
    return f"{value:g}"


def start(state: ConversationState, ctx: Context) -> StepResult:
    opened = state.evolve(flow="incident", node="consent", pending={})
    return StepResult(opened, [], [model.OpenIncident(key=ctx.key)])


def go(state: ConversationState, node: str, ctx: Context, result: StepResult | None = None) -> StepResult:
    # A corrected field returns to the summary; these two are steps within one field.
    if node not in ("when_unclear", "file_number") and state.pending.get("correcting", False):
        node = "summary"
        state = state.without_pending("correcting")
    state = state.evolve(node=node)
    result = result or StepResult(state)
    result.state = state
    return result.say(*current(state, ctx))


def on_event(state: ConversationState, event: Inbound, ctx: Context) -> StepResult | None:
    """Follow-up events from the engine; None if `event` is not one of them."""
    lang = state.lang
    if isinstance(event, model.IncidentPolicy):
        state = state.with_pending(policy={
            "retention_days": event.retention_days, "max_evidence_mb": event.max_evidence_mb,
            "reminder_lead_days": event.reminder_lead_days})
        return go(state, "consent", ctx)
    if isinstance(event, model.EvidenceStored) and state.node == "evidence":
        state = state.with_pending(evidence=[*state.pending.get("evidence", []), event.meta])
        text = say(ctx, "evidence_received", lang, item=evidence_line(event.meta))
        return StepResult(state, [message(state, text, choices(state, ctx))])
    if isinstance(event, model.EvidenceRefused):
        text = say(ctx, f"evidence_{event.reason}", lang, mb=f"{event.max_evidence_mb:g}")
        return StepResult(state, [OutboundMessage(text), *current(state, ctx)])
    if isinstance(event, model.IncidentSaved) and state.node == "saving":
        return _saved(state, event, ctx)
    if isinstance(event, model.EffectDone) and state.node == "reminder_wait":
        return go(state, "after_save", ctx)
    if isinstance(event, model.EffectDone) and state.node == "report_wait":
        state = state.with_pending(report_sent=True)
        return go(state, "after_save", ctx)
    return None


def step(state: ConversationState, event: Inbound, ctx: Context, picked: str | None) -> StepResult | None:
    """One event at a drafting node; `picked` is the option chosen, if any."""
    node = state.node
    if picked is not None:
        return _choose(state, picked, ctx)
    if isinstance(event, AttachmentIn):
        if node != "evidence":
            return StepResult(state, [OutboundMessage(say(ctx, "evidence_not_now", state.lang)), *current(state, ctx)])
        return StepResult(state, [], [model.StoreEvidence(
            key=ctx.key, filename=event.filename, mime_type=event.mime_type, data=event.data)])
    if not isinstance(event, TextIn) or not event.text.strip():
        return None
    text = event.text.strip()
    if node in ("when", "when_unclear"):
        when = parse_when(text, ctx.now)
        if when is None:
            return go(state.with_pending(when_raw=text), "when_unclear", ctx)
        state = with_draft(state, when=when.to_json()).without_pending("when_raw")
        return go(state, "where", ctx, StepResult(state, [OutboundMessage(say(ctx, "when_understood", state.lang, when=when.label(state.lang)))]))
    if node == "file_number" and not any(ch.isdigit() for ch in text):
        # "Liegt noch nicht vor", "kp", "don't have one yet": no file number (it had been saved as one)
        return _choose(state, "skip", ctx)
    if node in (*TEXT_FIELDS, "file_number"):
        state, after = with_draft(state, **{node: text}), NEXT[node]
        if after == "when" and "when" not in draft(state) and (heard := when_in_passing(text, ctx.now)):
            # "gestern nacht auf dem hof" to "who is affected": the day is told, not asked again.
            state = with_draft(state, when=heard.to_json())
            noted = OutboundMessage(say(ctx, "when_understood", state.lang, when=heard.label(state.lang)))
            return go(state, "where", ctx, StepResult(state, [noted]))
        return go(state, after, ctx)
    if node == "evidence":
        links = LINK.findall(text)
        if not links:  # "Fotos folgen", "dont know how to send the photo": the way to add them again
            return StepResult(state, current(state, ctx))
        state = with_draft(state, links=[*draft(state).get("links", []), *links])
        text = say(ctx, "evidence_link_added", state.lang, count=len(links))
        return StepResult(state, [message(state, text, choices(state, ctx))])
    return None


def _choose(state: ConversationState, picked: str, ctx: Context) -> StepResult | None:
    node, pending, lang = state.node, state.pending, state.lang
    if node == "consent":
        if picked == "no":
            return _leave_declined(state, ctx)
        return go(state, "affected", ctx)
    if picked == "skip":
        if node in ("when", "when_unclear"):
            state = with_draft(state, drop=("when",))
        elif node in FIELDS or node == "file_number":
            state = with_draft(state, drop=(node,))
        return go(state, NEXT.get(node.replace("when_unclear", "when"), "summary"), ctx)
    if picked == "keep":
        state = with_draft(state, when={"date": None, "text": pending.get("when_raw", "")}).without_pending("when_raw")
        return go(state, "where", ctx)
    if picked == "here":
        return go(with_draft(state, where=ctx.knowledge.places.get(state.place_id).name), "what", ctx)
    if picked == "done":
        return go(state, "reported", ctx)
    if picked in ("rep_yes", "rep_no"):
        state = with_draft(state, drop=("file_number",) if picked == "rep_no" else (),
                           reported="yes" if picked == "rep_yes" else "no")
        return go(state, "file_number" if picked == "rep_yes" else "summary", ctx)
    if node == "summary":
        if picked == "correct":
            return go(state, "correct", ctx)
        if picked == "discard":
            ids = tuple(m["id"] for m in pending.get("evidence", []))
            result = StepResult(state, [OutboundMessage(say(ctx, "discarded", lang))], [model.DiscardDraft(key=ctx.key, evidence_ids=ids)])
            return leave(state, ctx, result)
        return _save(state, ctx)
    if node == "correct" and picked in FIX_FIELDS:
        state = state.evolve(node=FIX_FIELDS[picked]).with_pending(correcting=True)
        return StepResult(state, current(state, ctx))
    # The effects answer with their messages and then `EffectDone`, which shows the next
    # screen: so the confirmation comes before the next question, not after it.
    if node == "reminder_offer":
        if picked != "yes":
            return go(state, "after_save", ctx)
        state = state.evolve(node="reminder_wait")
        return StepResult(state, [], [model.SetReminder(
            key=ctx.key, incident_id=pending["incident_id"], deadline=pending["deadline"], lang=lang)])
    if node == "after_save":
        if picked == "report":
            state = state.evolve(node="report_wait")
            return StepResult(state, [], [model.MakeReport(key=ctx.key, incident_id=pending["incident_id"], lang=lang)])
        if picked == "new_request":
            from handlers import triage

            return triage.start(state.evolve(flow="triage"), ctx, welcome=False)
        # The record stays stored: the goodbye must not say that anything was deleted.
        return StepResult(None, [OutboundMessage(say(ctx, "ended_saved", lang, ref=pending.get("ref", "")))])
    return None


def _complaint_required(state: ConversationState, ctx: Context) -> bool:
    category = ctx.knowledge.categories.get(state.category or "")
    return category is not None and category.legal is not None and category.legal.complaint_required


def _deadline(state: ConversationState, ctx: Context) -> str | None:
    """3 months (§ 77b StGB) from the incident's date; None without a date read (not from
    today: "anfang september", kept as written, had been given a deadline months too late)."""
    if not _complaint_required(state, ctx):
        return None
    when = draft(state).get("when") or {}
    return add_months(dt.date.fromisoformat(when["date"]), 3).isoformat() if when.get("date") else None


def _save(state: ConversationState, ctx: Context) -> StepResult:
    pending = state.pending
    record = {
        "lang": state.lang, "category": state.category, "aspects": list(state.aspects),
        "place_id": state.place_id, **draft(state), "deadline": _deadline(state, ctx), "log": [],
    }
    ids = tuple(m["id"] for m in pending.get("evidence", []))
    state = state.evolve(node="saving")
    return StepResult(state, [], [model.SaveIncident(key=ctx.key, record=record, evidence_ids=ids)])


def _saved(state: ConversationState, event: model.IncidentSaved, ctx: Context) -> StepResult:
    pending, lang = state.pending, state.lang
    deadline = _deadline(state, ctx)
    reported = draft(state).get("reported") == "yes"
    state = state.evolve(pending={"incident_id": event.incident_id, "ref": event.ref, "policy": pending.get("policy", {})})
    result = StepResult(state, [OutboundMessage(say(ctx, "saved", lang, ref=event.ref))])
    if deadline and not reported and dt.date.fromisoformat(deadline) > local_today(ctx.now).date():
        return go(state.with_pending(deadline=deadline), "reminder_offer", ctx, result)
    if deadline is None and not reported and _complaint_required(state, ctx):
        result = result.say(OutboundMessage(say(ctx, "deadline_unknown", lang)))
    return go(state, "after_save", ctx, result)


def _leave_declined(state: ConversationState, ctx: Context) -> StepResult:
    return leave(state, ctx, StepResult(state, [OutboundMessage(say(ctx, "declined", state.lang))]))


def leave(state: ConversationState, ctx: Context, result: StepResult) -> StepResult:
    """Back to the triage: its closing question if a result was shown, else its start."""
    from handlers import triage

    state = state.evolve(flow="triage", pending={})
    if state.category:
        return triage.go_to(state, ctx.knowledge.flow.after_result, ctx, result)
    fresh = triage.start(state, ctx, welcome=False)
    fresh.messages[:0] = result.messages
    fresh.actions[:0] = result.actions
    return fresh
