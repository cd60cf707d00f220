"""The registry of every conversation flow: its nodes and transitions, in one place.

The triage's graph comes from the knowledge (flow.yaml plus the triage's own screens); the
incident and escalation flows declare theirs here. docs/flow.md is generated from this
registry (`python -m handlers.registry > docs/flow.md`), and the tests walk the real step
function to check that every transition it makes is one declared here, and that no path from
a first message reaches a result without the danger question.
"""

from __future__ import annotations

import sys
from collections.abc import Callable

from knowledge.base import Knowledge
from knowledge.flowgraph import Edge, FlowGraph, Node, triage_graph

E = Edge

_FIELDS = ("affected", "when", "where", "what", "who", "witnesses")
INCIDENT = FlowGraph("incident", "consent", (
    Node("consent", "consent: may I store it, encrypted?", "question",
         (E("affected", "yes"), E("triage", "no: back, nothing stored"))),
    Node("affected", "affected: who is affected, in which office", "question", (E("when", "answer or skip"),)),
    Node("when", "when: date or time", "question", (E("where", "understood or skip"), E("when_unclear", "unclear"))),
    Node("when_unclear", "when_unclear: keep it as typed?", "question", (E("where", "keep or skip"),)),
    Node("where", "where", "question", (E("what"),)),
    Node("what", "what happened", "question", (E("who"),)),
    Node("who", "who: the person responsible", "question", (E("witnesses"),)),
    Node("witnesses", "witnesses", "question", (E("evidence"),)),
    Node("evidence", "evidence: files, then done", "question", (E("reported", "done"),)),
    Node("reported", "reported to the police already?", "question",
         (E("file_number", "yes"), E("summary", "no or skip"))),
    Node("file_number", "file_number", "question", (E("summary"),)),
    Node("summary", "summary: save, correct or discard", "question",
         (E("saving", "save"), E("correct", "correct"), E("triage", "discard"))),
    Node("correct", "correct: which field?", "question",
         tuple(E(f) for f in (*_FIELDS, "evidence", "reported"))),
    Node("saving", "saving: the record is stored", "box", (E("reminder_offer", "saved"), E("after_save", "saved"))),
    Node("reminder_offer", "reminder before the complaint deadline?", "question",
         (E("reminder_wait", "yes"), E("after_save", "no"))),
    Node("reminder_wait", "reminder_wait", "box", (E("after_save"),)),
    Node("after_save", "after_save: report, new request or end (the record stays)", "question",
         (E("report_wait", "report"), E("triage", "new request"), E("finish", "end"))),
    Node("report_wait", "report_wait: the report is made", "box", (E("after_save", "report sent"),)),
    Node("finish", "end: the record stays stored", "terminal"),
    Node("records_wait", "/vorfaelle: the records are listed", "box", (E("records"),)),
    Node("records", "records: which one?", "question", (E("record_menu"),)),
    Node("record_menu", "record_menu: note, evidence, report, close", "question",
         (E("note"), E("add_evidence"), E("records_wait"), E("triage", "done"))),
    Node("note", "note", "question", (E("record_menu"),)),
    Node("add_evidence", "add_evidence", "question", (E("record_menu"),)),
    Node("delete_confirm", "/loeschen: delete everything?", "question", (E("triage", "yes or no"),)),
    Node("triage", "back to the triage", "terminal"),
))

ESCALATION = FlowGraph("escalate", "esc_phone", (
    Node("esc_phone", "callback number (or send now)", "question",
         (E("esc_where", "number"), E("sent", "send now, or where is known"))),
    Node("esc_where", "where: location or municipality (or send now)", "question",
         (E("esc_place", "several places"), E("sent", "found or send now"))),
    Node("esc_place", "which place? (or send now)", "question", (E("sent", "picked or send now"),)),
    Node("sent", "sent to the on-duty officers; back at the emergency advice", "terminal"),
))

# name -> the flow's graph for a knowledge base (the triage's depends on flow.yaml).
GRAPHS: dict[str, Callable[[Knowledge], FlowGraph]] = {
    "triage": lambda k: triage_graph(k.flow),
    "incident": lambda k: INCIDENT,
    "escalate": lambda k: ESCALATION,
}


def graph(name: str, k: Knowledge) -> FlowGraph:
    return GRAPHS[name](k)


HEADER = """# The conversation flows

Generated from the flow registry (`handlers/registry.py`) and the shipped `flow.yaml`; do not
edit by hand: run `python -m handlers.registry > docs/flow.md`. A test keeps this file current.

Commands (`/notfall`, `/hilfe`, `/sprache`, `/datenschutz`, `/abbrechen`, `/start`) work at
every node. Danger in any typed text leads to the emergency advice first. Every path from a
first message to the result passes the danger question (`danger_now`) or the emergency advice:
the triage refuses to show a result before one of them, and `knowledge check` reports a
flow.yaml in which a path would skip them. What a message already says (the kind of incident,
the municipality, online or offline (a letter, a call), home or family, repeated, extremist
signs) is taken in and its question skipped; one line "Verstanden: …" shows it, with "Etwas stimmt nicht" to correct it.
"""


def render(k: Knowledge) -> str:
    parts = [HEADER]
    titles = {
        "triage": "Triage (from `knowledge/data/flow.yaml`)",
        "incident": "Documenting an incident (`handlers/incident/`)",
        "escalate": "Informing the on-duty police (`handlers/escalation_flow.py`)",
    }
    for name in GRAPHS:
        parts.append(f"## {titles[name]}\n\n```mermaid\n{graph(name, k).mermaid()}\n```\n")
    parts.append(
        "A conversation is stored only while it runs: it is deleted at its end, on `/abbrechen`,\n"
        "and its content is erased after `SCHUTZLOTSE_SESSION_TIMEOUT` minutes without a message.\n"
    )
    return "\n".join(parts)


if __name__ == "__main__":
    from knowledge.base import load

    sys.stdout.write(render(load()))
