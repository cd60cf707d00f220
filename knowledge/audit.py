"""Warnings for admins about facts that may be stale or unsourced (never stop the bot).

An entry without a source, without a phone number, or whose `verified_on` is missing or
older than 12 months is listed by `schutzlotse knowledge check` so it gets re-checked.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from knowledge.checks import _problem
from knowledge.police_checks import police_warnings
from knowledge.yamlsource import Problem

if TYPE_CHECKING:
    from knowledge.base import Knowledge

MAX_AGE = dt.timedelta(days=365)


def _age_warning(k: Knowledge, file: str, loc: tuple, verified: dt.date | None, today: dt.date) -> list[Problem]:
    if verified is None:
        return [_problem(k, file, loc, "no `verified_on`: compare the entry with its source and add the date", "warning")]
    if today - verified > MAX_AGE:
        return [
            _problem(
                k, file, (*loc, "verified_on"),
                f"verified_on {verified.isoformat()} is older than 12 months: check the entry again",
                "warning",
            )
        ]
    return []


def warnings(k: Knowledge, today: dt.date | None = None) -> list[Problem]:
    """Gaps worth an admin's attention, located by file and line."""
    today = today or dt.date.today()
    out: list[Problem] = []
    for cid, contact in k.contacts.items():
        loc = ("contacts", cid)
        if not contact.source:
            out.append(_problem(k, "contacts.yaml", loc, "no `source`: say where the facts come from", "warning"))
        if not contact.phone:
            hint = "`how_else` is shown instead" if contact.how_else else "and no `how_else` saying how to reach it"
            out.append(_problem(k, "contacts.yaml", loc, f"no phone number ({hint})", "warning"))
        out += _age_warning(k, "contacts.yaml", loc, contact.verified_on, today)
    out += police_warnings(k, today)
    return out
