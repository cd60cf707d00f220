"""Cross-checks of roster.yaml and escalation.yaml against police.yaml and each other."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.yamlsource import Problem

if TYPE_CHECKING:
    from knowledge.base import Knowledge


def _problem(k: Knowledge, file: str, loc: tuple, message: str) -> Problem:
    doc = k.documents.get(file)
    return Problem(file, doc.line_of(loc) if doc else None, ".".join(str(p) for p in loc), message)


def _line(k: Knowledge, loc: tuple) -> int | None:
    doc = k.documents.get("roster.yaml")
    return doc.line_of(loc) if doc else None


def escalation_problems(k: Knowledge) -> list[Problem]:
    out: list[Problem] = []
    if k.roster is None or k.escalation is None:
        return out
    if k.roster.example:
        out.append(Problem("roster.yaml", _line(k, ("example",)), "example",
                           "this is the shipped EXAMPLE roster: emergency escalation to the on-duty "
                           "police stays off until it is replaced by the real roster", "warning"))
    elif not k.roster.usable:
        out.append(Problem("roster.yaml", None, "officers",
                           "nobody to alert (no officers, no groups): emergency escalation is off", "warning"))
    direktionen = {d.id for d in k.police.direktionen}
    for i, officer in enumerate(k.roster.officers):
        for j, pd in enumerate(officer.direktionen):
            if pd not in direktionen:
                out.append(_problem(k, "roster.yaml", ("officers", i, "direktionen", j),
                                    f"unknown Polizeidirektion {pd!r} (see police.yaml)"))
    officer_ids = {o.id for o in k.roster.officers}
    for i, step in enumerate(k.escalation.policy.steps):
        loc = ("policy", "steps", i)
        if step.group is not None and step.group not in k.roster.groups:
            out.append(_problem(k, "escalation.yaml", (*loc, "group"),
                                f"no group {step.group!r} in roster.yaml"))
        for j, officer in enumerate(step.officers):
            if officer not in officer_ids:
                out.append(_problem(k, "escalation.yaml", (*loc, "officers", j),
                                    f"no officer {officer!r} in roster.yaml"))
    return out
