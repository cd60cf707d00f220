"""Anonymous statistics: what the engine observer counts, that only aggregates are kept,
suppression of small cells, and `schutzlotse stats` as CSV, JSON and a chart."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import sqlite3
import subprocess

import pytest

from bot.clock import ManualClock
from bot.stats import MIN_CELL, StatsRecorder, iso_week, report, to_csv, to_json
from bot.store import Database
from handlers.messages import CommandIn, ConversationKey, TextIn
from tests.helpers import NOW, open_engine
from tests.incident_helpers import TRIAGE_TO_RESULT
from tests.ops_helpers import BIN, bot_env

WEEK = iso_week(NOW)


async def test_the_observer_counts_weeks_categories_and_direktionen_only(tmp_path, knowledge):
    engine, db = await open_engine(tmp_path / "s.db", knowledge, ManualClock(NOW))
    try:
        stats = StatsRecorder(db, engine.knowledge, engine.clock)
        engine.observers.append(stats.observe)
        for user in ("u1", "u2"):
            key = ConversationKey("console", user, user)
            for text in TRIAGE_TO_RESULT:  # insult, in Pirna (PD Dresden)
                await engine.handle(TextIn(key=key, text=text))
        emergency = ConversationKey("console", "u3", "u3")
        await engine.handle(CommandIn(key=emergency, name="notfall"))
        await stats.flush()
        rows = await db.fetchall("SELECT week, category, direktion, counter, count FROM stats_weekly ORDER BY 4")
    finally:
        await db.close()
    assert [tuple(r) for r in rows] == [
        (WEEK, "", "", "emergency", 1),
        (WEEK, "insult", "pd_dresden", "result", 2),
        (WEEK, "", "", "started", 3),
    ]
    conn = sqlite3.connect(tmp_path / "s.db")
    values = {v for row in conn.execute("SELECT * FROM stats_weekly") for v in row}
    conn.close()
    assert not any(isinstance(v, str) and ("u1" in v or "console" in v or "Pirna" in v) for v in values)


async def _fill(path, cells, escalations=()):
    db = await Database.open(path)
    try:
        async with db.transaction() as conn:
            await conn.executemany(
                "INSERT INTO stats_weekly (week, category, direktion, counter, count) VALUES (?, ?, ?, ?, ?)", cells)
            for i, (created, acked, state) in enumerate(escalations):
                await conn.execute(
                    "INSERT INTO escalations (ref, lang, created_at, policy, total_steps, state, acked_at) "
                    "VALUES (?, 'de', ?, '{}', 1, ?, ?)", (f"R{i:05d}", created, state, acked))
    finally:
        await db.close()


def _monday(week: int) -> dt.datetime:
    return dt.datetime.combine(dt.date.fromisocalendar(2026, week, 1), dt.time(12), tzinfo=dt.timezone.utc)


async def test_small_cells_are_suppressed_and_one_more_where_a_total_would_tell(tmp_path):
    w = "2026-W10"
    t = _monday(10).timestamp()
    await _fill(tmp_path / "s.db", [
        (w, "insult", "pd_dresden", "result", 12),
        (w, "threat", "pd_dresden", "result", 7),
        (w, "threat", "pd_leipzig", "result", 2),   # primary: 2 < 5
        (w, "", "", "started", 30),
        (w, "", "", "emergency", 3),
        (w, "insult", "", "record", 6),
        ("2026-W11", "insult", "pd_dresden", "result", 9),
        ("2026-W11", "", "", "started", 9),
    ], escalations=[(t, t + 60 * m, "acked") for m in (2, 4, 6, 8, 10)] + [(t, None, "exhausted")])
    rows = report(tmp_path / "s.db", dt.date(2026, 3, 2), dt.date(2026, 3, 8))  # week 10 only
    by = {(r.week, r.category, r.direktion, r.measure): r.value for r in rows}
    assert {r.week for r in rows} == {w}
    assert by[(w, "insult", "pd_dresden", "consultations")] == 12
    assert by[(w, "threat", "pd_leipzig", "consultations")] is None
    # with only one cell hidden, the total (21) minus the rest would give it away
    assert by[(w, "threat", "pd_dresden", "consultations")] is None
    assert by[(w, "", "", "consultations_total")] == 21
    assert by[(w, "", "", "conversations_started")] == 30
    assert by[(w, "", "", "reached_contacts_share")] == 0.7
    assert by[(w, "", "", "emergency_paths")] is None  # 3 < 5
    assert by[(w, "", "", "records_opened")] == 6
    assert by[(w, "", "", "escalations")] == 6
    assert by[(w, "", "", "escalation_median_minutes_to_take")] == 6.0
    assert by[(w, "", "", "escalations_unanswered")] is None  # 1 < 5

    table = list(csv.DictReader(io.StringIO(to_csv(rows))))
    assert {"week", "category", "direktion", "measure", "value"} == set(table[0])
    assert any(r["value"] == f"<{MIN_CELL}" for r in table)
    assert not any(r["value"] not in ("", f"<{MIN_CELL}") and 0 < float(r["value"]) < MIN_CELL
                   and r["measure"] not in ("reached_contacts_share",) for r in table)
    data = json.loads(to_json(rows, dt.date(2026, 3, 2), None))
    assert data["suppressed_below"] == MIN_CELL
    assert all(row["value"] is None for row in data["rows"] if row["suppressed"])


async def test_stats_command_csv_json_and_plot(tmp_path):
    data_dir = tmp_path / "data"
    await _fill(data_dir / "schutzlotse.db", [
        ("2026-W10", "insult", "pd_dresden", "result", 12), ("2026-W10", "", "", "started", 20)])
    env = bot_env(data_dir)
    out = subprocess.run([str(BIN), "stats", "--format", "csv"], env=env, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "2026-W10,insult,pd_dresden,consultations,12" in out.stdout
    out = subprocess.run([str(BIN), "stats", "--format", "json", "--from", "2026-03-09"], env=env,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and json.loads(out.stdout)["rows"] == []
    pytest.importorskip("matplotlib", reason="the chart needs the optional `plot` extra")
    chart = tmp_path / "chart.png"
    out = subprocess.run([str(BIN), "stats", "--plot", str(chart), "-o", str(tmp_path / "s.csv")], env=env,
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert chart.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
