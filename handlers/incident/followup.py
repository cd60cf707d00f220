"""Records after saving: list them, add notes and evidence (a dated log), report, close;
and the user's rights: export everything, delete everything after a confirmation.
"""

from __future__ import annotations

import datetime as dt

from handlers.answers import Choice
from handlers.incident import model
from handlers.incident.draft import YES, NO, leave
from handlers.incident.screens import choice, evidence_line, message, say
from handlers.messages import AttachmentIn, CommandIn, Inbound, OutboundMessage, TextIn
from handlers.state import ConversationState, Context, StepResult

NODES = ("records_wait", "records", "record_menu", "note", "add_evidence", "delete_confirm")


def choices(state: ConversationState, ctx: Context) -> list[Choice]:
    node, lang = state.node, state.lang
    back = choice(ctx, "back", "menu_back", "zurück", "zurueck", "back", "fertig", "done")
    if node == "records":
        found = []
        for item in state.pending.get("records", []):
            status = say(ctx, f"status_{item['status']}", lang)
            created = dt.date.fromisoformat(item["created"][:10])
            day_de, day_en = created.strftime("%d.%m.%Y"), created.isoformat()
            found.append(Choice(_record_option(item), f"{item['ref']} ({day_de}, {status})",
                                f"{item['ref']} ({day_en}, {status})", (item["ref"],)))
        return [*found, back]
    if node == "record_menu":
        found = [choice(ctx, "note", "menu_note", "notiz", "note"),
                 choice(ctx, "add_evidence", "menu_evidence", "beweis", "evidence"),
                 choice(ctx, "report", "menu_report", "bericht", "report")]
        if state.pending.get("status") == "open":
            found.append(choice(ctx, "close", "menu_close", "abschließen", "close"))
        return [*found, back]
    if node == "note":
        return [back]
    if node == "add_evidence":
        return [choice(ctx, "back", "evidence_done", "fertig", "done", "zurück", "back")]
    if node == "delete_confirm":
        return [choice(ctx, "yes", "delete_yes", *YES), choice(ctx, "no", "delete_no", *NO)]
    return []


def _record_option(item: dict) -> str:  # type: ignore[type-arg]
    return f"rec.{item['id']}"


def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
    node, lang, pending = state.node, state.lang, state.pending
    on_screen = choices(state, ctx)
    if node == "records_wait":
        return []
    if node == "records":
        name = "records_header" if pending.get("records") else "records_none"
        return [message(state, say(ctx, name, lang), on_screen)]
    if node == "record_menu":
        return [message(state, say(ctx, "record_menu", lang, ref=pending.get("ref", "")), on_screen)]
    if node == "note":
        return [message(state, say(ctx, "ask_note", lang, ref=pending.get("ref", "")), on_screen)]
    if node == "add_evidence":
        text = say(ctx, "ask_more_evidence", lang, ref=pending.get("ref", ""))
        return [message(state, text, on_screen)]
    return [message(state, say(ctx, "delete_confirm", lang), on_screen)]


def records_command(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    listing = state.evolve(flow="incident", node="records_wait", pending={})
    return StepResult(listing, [], [model.ListIncidents(key=ctx.key)])


def mydata_command(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    return StepResult(state, [], [model.ExportData(key=ctx.key, lang=state.lang)])


def delete_command(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    asking = state.evolve(flow="incident", node="delete_confirm", pending={})
    return StepResult(asking, current(asking, ctx))


def on_event(state: ConversationState, event: Inbound, ctx: Context) -> StepResult | None:
    if isinstance(event, model.IncidentsListed):
        listed = state.evolve(node="records", pending={"records": [dict(i) for i in event.items]})
        return StepResult(listed, current(listed, ctx))
    if isinstance(event, model.EffectDone) and state.node in NODES:
        return StepResult(state, current(state, ctx))
    if isinstance(event, model.EvidenceStored) and state.node == "add_evidence":
        text = say(ctx, "evidence_received", state.lang, item=evidence_line(event.meta))
        return StepResult(state, [message(state, text, choices(state, ctx))])
    return None


def step(state: ConversationState, event: Inbound, ctx: Context, picked: str | None) -> StepResult | None:
    node, pending, lang = state.node, state.pending, state.lang
    if picked is not None:
        return _choose(state, picked, ctx)
    if node == "note" and isinstance(event, TextIn) and event.text.strip():
        action = model.AddNote(key=ctx.key, incident_id=pending["incident_id"], text=event.text.strip(), lang=lang)
        return _menu(state, ctx, StepResult(state, [], [action]))
    if node == "add_evidence" and isinstance(event, AttachmentIn):
        return StepResult(state, [], [model.StoreEvidence(
            key=ctx.key, filename=event.filename, mime_type=event.mime_type, data=event.data,
            incident_id=pending["incident_id"])])
    return None


def _menu(state: ConversationState, ctx: Context, result: StepResult) -> StepResult:
    """Back to the record's menu; after an action the menu follows its `EffectDone`."""
    state = state.evolve(node="record_menu")
    result.state = state
    return result if result.actions else result.say(*current(state, ctx))


def _choose(state: ConversationState, picked: str, ctx: Context) -> StepResult | None:
    node, pending, lang = state.node, state.pending, state.lang
    if node == "records":
        item = next((i for i in pending.get("records", []) if _record_option(i) == picked), None)
        if item is not None:
            state = state.evolve(pending={"incident_id": item["id"], "ref": item["ref"], "status": item["status"],
                                          "records": pending["records"]})
            return _menu(state, ctx, StepResult(state))
        return leave(state, ctx, StepResult(state))
    if node == "record_menu":
        incident_id = pending["incident_id"]
        if picked == "note":
            state = state.evolve(node="note")
        elif picked == "add_evidence":
            state = state.evolve(node="add_evidence")
        elif picked == "report":
            return _menu(state, ctx, StepResult(state, [], [model.MakeReport(key=ctx.key, incident_id=incident_id, lang=lang)]))
        elif picked == "close":
            state = state.with_pending(status="closed")
            return _menu(state, ctx, StepResult(state, [], [model.CloseIncident(key=ctx.key, incident_id=incident_id, lang=lang)]))
        else:  # back to the list, fetched again so statuses are current
            state = state.evolve(node="records_wait")
            return StepResult(state, [], [model.ListIncidents(key=ctx.key)])
        return StepResult(state, current(state, ctx))
    if node in ("note", "add_evidence"):
        return _menu(state, ctx, StepResult(state))
    if node == "delete_confirm":
        if picked == "yes":
            return StepResult(None, [], [model.DeleteData(key=ctx.key, lang=lang)])
        return leave(state, ctx, StepResult(state, [OutboundMessage(say(ctx, "delete_kept", lang))]))
    return None
