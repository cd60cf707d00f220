"""Anonymous statistics for the ministry: counters per ISO week, category and
Polizeidirektion, fed by an engine step observer and kept only as aggregates.

What is counted (table stats_weekly, migration 0011):
- started: a conversation began (per week);
- result: the result screen with the contacts was shown (per week, category, Direktion);
- emergency: the emergency screen (110) was shown (per week);
- record: an incident record was saved (per week, category).
Escalations (count, median time until an officer took one, unanswered) are read from the
escalation rows, which keep times, state and Direktion after their personal data is erased.
Nothing here holds a conversation key, text or a place below the Polizeidirektion; cells
under MIN_CELL are suppressed when reported (and one more where a total would reveal them).
"""

from __future__ import annotations

import asyncio
import csv
import datetime as dt
import io
import json
import logging
import sqlite3
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from zoneinfo import ZoneInfo

from bot.clock import Clock
from bot.knowledge_holder import KnowledgeHolder
from bot.store import Database
from handlers.incident.model import SaveIncident
from handlers.messages import Inbound
from handlers.state import ConversationState, StepResult

log = logging.getLogger(__name__)
BERLIN = ZoneInfo("Europe/Berlin")
MIN_CELL = 5
FLUSH_SECONDS = 60.0
Cell = tuple[str, str, str, str]  # week, category, direktion, counter


def iso_week(when: dt.datetime | dt.date) -> str:
    day = when.astimezone(BERLIN).date() if isinstance(when, dt.datetime) else when
    year, week, _ = day.isocalendar()
    return f"{year}-W{week:02d}"


class StatsRecorder:
    """The engine observer: counts in memory, written to the database every minute and at
    shutdown (a crash loses at most a minute of counts, never a conversation)."""

    def __init__(self, db: Database, knowledge: KnowledgeHolder, clock: Clock):
        self.db = db
        self.knowledge = knowledge
        self.clock = clock
        self.buffer: Counter[Cell] = Counter()

    def observe(self, event: Inbound, before: ConversationState | None, result: StepResult) -> None:
        """Engine step observer: counting must never cost a user an answer."""
        try:
            self._count(before, result)
        except Exception as exc:  # noqa: BLE001
            log.warning("statistics: a step was not counted (%s)", type(exc).__name__)

    def _count(self, before: ConversationState | None, result: StepResult) -> None:
        week = iso_week(self.clock.now())
        after = result.state
        if before is None and after is not None:
            self.buffer[(week, "", "", "started")] += 1
        emergency = self.knowledge.current.flow.emergency
        if after is not None and after.node == emergency and (before is None or before.node != emergency):
            self.buffer[(week, "", "", "emergency")] += 1
        shown = next((m.category for m in result.messages if m.category and m.contacts and not m.emergency), None)
        place_id = (after.place_id if after else None) or (before.place_id if before else None)
        if shown:
            self.buffer[(week, shown, self._direktion(place_id), "result")] += 1
        if any(isinstance(a, SaveIncident) for a in result.actions):
            category = (after.category if after else None) or (before.category if before else None) or ""
            self.buffer[(week, category, "", "record")] += 1

    def _direktion(self, place_id: str | None) -> str:
        if not place_id:
            return ""
        k = self.knowledge.current
        place = k.places.get(place_id)
        if place is None or not place.in_saxony:
            return ""
        direktion = k.police.direktion_for(place.district_code)
        return direktion.id if direktion else ""

    async def flush(self) -> int:
        if not self.buffer:
            return 0
        cells, self.buffer = self.buffer, Counter()
        try:
            async with self.db.transaction() as conn:
                await conn.executemany(
                    "INSERT INTO stats_weekly (week, category, direktion, counter, count) VALUES (?, ?, ?, ?, ?) "
                    "ON CONFLICT (week, category, direktion, counter) DO UPDATE SET count = count + excluded.count",
                    [(*cell, n) for cell, n in cells.items()])
        except Exception:
            self.buffer.update(cells)  # try again next time
            raise
        return len(cells)

    async def run(self, every: float = FLUSH_SECONDS) -> None:
        while True:
            await asyncio.sleep(every)
            try:
                await self.flush()
            except Exception as exc:  # noqa: BLE001
                log.warning("statistics: flush failed (%s), will retry", type(exc).__name__)

    async def totals(self) -> Counter[tuple[str, str, str]]:
        """(counter, category, direktion) -> count over all weeks, unflushed counts included."""
        out: Counter[tuple[str, str, str]] = Counter()
        for counter, category, direktion, n in await self.db.fetchall(
                "SELECT counter, category, direktion, sum(count) FROM stats_weekly GROUP BY 1, 2, 3"):
            out[(counter, category, direktion)] += n
        for (_, category, direktion, counter), n in self.buffer.items():
            out[(counter, category, direktion)] += n
        return out


# --- reporting (`schutzlotse stats`) ---------------------------------------------------


@dataclass
class Row:
    week: str
    category: str
    direktion: str
    measure: str
    value: float | None  # None: suppressed

    @property
    def suppressed(self) -> bool:
        return self.value is None


def _small(n: float | None) -> bool:
    return n is not None and 0 < n < MIN_CELL


def _suppress_group(rows: list[Row]) -> None:
    """Primary (1..4) and, where exactly one cell of a breakdown is hidden, secondary
    suppression of the next smallest, so the shown total cannot give it away."""
    hidden = [r for r in rows if _small(r.value)]
    for r in hidden:
        r.value = None
    if len(hidden) == 1:
        shown = sorted((r for r in rows if r.value is not None), key=lambda r: r.value or 0)
        if shown:
            shown[0].value = None


def report(db_path: Path, start: dt.date | None = None, end: dt.date | None = None) -> list[Row]:
    """All measures per week between `start` and `end` (inclusive), small cells suppressed."""
    first, last = iso_week(start) if start else "0000", iso_week(end) if end else "9999"
    conn = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True)
    try:
        counts = conn.execute(
            "SELECT week, category, direktion, counter, sum(count) FROM stats_weekly "
            "WHERE week BETWEEN ? AND ? GROUP BY 1, 2, 3, 4 ORDER BY 1, 2, 3", (first, last)).fetchall()
        escalations = conn.execute("SELECT created_at, acked_at, state FROM escalations").fetchall()
    finally:
        conn.close()
    weeks: dict[str, dict[str, list[Row]]] = {}
    per_week: dict[tuple[str, str], float] = Counter()
    for week, category, direktion, counter, n in counts:
        per_week[(week, counter)] += n
        if counter == "result":
            weeks.setdefault(week, {}).setdefault("consultations", []).append(
                Row(week, category, direktion, "consultations", n))
    esc: dict[str, list[tuple[float | None, str]]] = {}
    for created, acked, state in escalations:
        week = iso_week(dt.datetime.fromtimestamp(created, dt.timezone.utc))
        if first <= week <= last:
            esc.setdefault(week, []).append((acked - created if acked else None, state))
    out: list[Row] = []
    for week in sorted(set(weeks) | {w for w, _ in per_week} | set(esc)):
        breakdown = weeks.get(week, {}).get("consultations", [])
        _suppress_group(breakdown)
        out += breakdown
        started, results = per_week.get((week, "started"), 0), per_week.get((week, "result"), 0)
        totals = [Row(week, "", "", "conversations_started", started),
                  Row(week, "", "", "consultations_total", results)]
        share = round(results / started, 3) if started >= MIN_CELL and results >= MIN_CELL else None
        totals.append(Row(week, "", "", "reached_contacts_share", share if started else 0))
        totals += [Row(week, "", "", "emergency_paths", per_week.get((week, "emergency"), 0)),
                   Row(week, "", "", "records_opened", per_week.get((week, "record"), 0))]
        taken = [seconds / 60 for seconds, _ in esc.get(week, []) if seconds is not None]
        count = len(esc.get(week, []))
        unanswered = sum(1 for _, state in esc.get(week, []) if state == "exhausted")
        totals += [Row(week, "", "", "escalations", count),
                   Row(week, "", "", "escalation_median_minutes_to_take",
                       round(statistics.median(taken), 1) if len(taken) >= MIN_CELL else None if taken else 0),
                   Row(week, "", "", "escalations_unanswered", unanswered)]
        for row in totals:
            if row.measure not in ("reached_contacts_share", "escalation_median_minutes_to_take") and _small(row.value):
                row.value = None
        out += totals
    return out


def to_csv(rows: list[Row]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["week", "category", "direktion", "measure", "value"])
    for r in rows:
        writer.writerow([r.week, r.category, r.direktion, r.measure, f"<{MIN_CELL}" if r.suppressed else _num(r.value)])
    return buffer.getvalue()


def to_json(rows: list[Row], start: dt.date | None, end: dt.date | None) -> str:
    return json.dumps({
        "from": start.isoformat() if start else None,
        "to": end.isoformat() if end else None,
        "suppressed_below": MIN_CELL,
        "rows": [{"week": r.week, "category": r.category or None, "direktion": r.direktion or None,
                  "measure": r.measure, "value": r.value, "suppressed": r.suppressed} for r in rows],
    }, ensure_ascii=False, indent=1)


def _num(value: float | None) -> str:
    if value is None:
        return ""
    return str(int(value)) if float(value).is_integer() else str(value)


def plot(rows: list[Row], target: Path) -> None:
    """A stacked bar chart of consultations per week by category (needs the `plot` extra)."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    weeks = sorted({r.week for r in rows})
    by_category: dict[str, Counter[str]] = {}
    for r in rows:
        if r.measure == "consultations" and r.value is not None:
            by_category.setdefault(r.category or "?", Counter())[r.week] += r.value
    fig, ax = plt.subplots(figsize=(max(6, len(weeks) * 0.6), 4))
    bottom = [0.0] * len(weeks)
    for category, counts in sorted(by_category.items()):
        values = [counts.get(w, 0) for w in weeks]
        ax.bar(weeks, values, bottom=bottom, label=category)
        bottom = [b + v for b, v in zip(bottom, values)]
    ax.set_ylabel("Beratungen / consultations")
    ax.set_title(f"Schutzlotse: Beratungen je Woche (Zellen < {MIN_CELL} unterdrückt)")
    if by_category:
        ax.legend(fontsize="small")
    ax.tick_params(axis="x", labelrotation=45)
    fig.tight_layout()
    fig.savefig(target, format="png")
    plt.close(fig)
