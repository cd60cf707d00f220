"""Escalation planning without I/O: which step each due escalation takes next, whom it
alerts, and when the step after it falls due.

`plan(escalations, roster, declaration_hours, declarations, now)` is a pure function (like
matrix-nio's protocol core): the service reads the rows, calls it, and hands the result to
`EscalationRecords.apply` (SQL, compare-and-set) and then to the channels (sending).
Each escalation carries its own policy snapshot, taken when it was triggered.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from bot.escalation.records import Escalation
from knowledge.roster import Declarations, DutyRoster


@dataclass(frozen=True)
class Recipient:
    id: str  # officer id, or the conversation key of a group member
    name: str
    keys: tuple[str, ...]
    lang: str = "de"


@dataclass(frozen=True)
class TakeStep:
    """Claim `step` of an escalation (only if nobody else has: next_step is still `step`),
    alert `recipients`, and make the step after it due at `next_due`."""

    esc: Escalation
    step: int
    recipients: tuple[Recipient, ...]
    next_due: dt.datetime


@dataclass(frozen=True)
class Exhaust:
    """Every step has run and nobody took it: the user is told to call 110, admins alerted."""

    esc: Escalation
    step: int


Write = TakeStep | Exhaust


def recipients(esc: Escalation, step: int, roster: DutyRoster | None, declaration_hours: float,
               declared: Declarations, now: dt.datetime) -> tuple[Recipient, ...]:
    """Whom a step of this escalation's policy alerts at `now`."""
    if roster is None:
        return ()
    rule = esc.step_policy(step)
    notify = rule["notify"]
    if notify == "group":
        group = roster.groups.get(rule["group"])
        return tuple(Recipient(key, group.name, (key,)) for key in group.keys) if group else ()
    if notify == "officers":
        chosen = [o for o in (roster.officer(i) for i in rule["officers"]) if o is not None]
    else:
        chosen = roster.on_duty(now, declared, declaration_hours)
        # An unknown Polizeidirektion must not mean "nobody": then all on duty are asked.
        if notify == "direktion" and esc.direktion:
            chosen = [o for o in chosen if esc.direktion in o.direktionen]
    return tuple(Recipient(o.id, o.name, tuple(o.keys), o.lang) for o in chosen)


def plan(escalations: list[Escalation], roster: DutyRoster | None, declaration_hours: float,
         declared: Declarations, now: dt.datetime) -> list[Write]:
    """The next write for each open, due escalation (others are left alone)."""
    writes: list[Write] = []
    for esc in escalations:
        if esc.state != "open" or esc.due_at is None or esc.due_at > now:
            continue
        step = esc.next_step
        if step >= esc.total_steps:
            writes.append(Exhaust(esc, step))
            continue
        chosen = recipients(esc, step, roster, declaration_hours, declared, now)
        wait = dt.timedelta(minutes=esc.step_policy(step)["wait_minutes"])
        # Deadlines follow the schedule, not the moment we got round to it: no drift.
        # Nobody to alert: nobody to wait for, the next step follows at once.
        next_due = esc.due_at + wait if chosen else now
        writes.append(TakeStep(esc, step, chosen, next_due))
    return writes
