"""Prometheus metrics for /metrics: every name starts with `schutzlotse_`; labels carry
channel names, escalation states, category and Polizeidirektion ids only, never a chat id,
a user key or a place.

Counters kept in the process (turns, latency, errors) are updated as things happen; what
lives in the database (escalations, inbox backlog, statistics) is read fresh per scrape.
"""

from __future__ import annotations

import os
import sqlite3
import time
from collections import Counter as Tally
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, HistogramMetricFamily, Metric

if TYPE_CHECKING:
    from bot.app import App
    from bot.stats import StatsRecorder
    from bot.supervise import ChannelSupervisor

ESCALATION_STATES = ("open", "acked", "exhausted", "closed")
TAKE_BUCKETS = (60.0, 120.0, 300.0, 600.0, 900.0, 1800.0, 3600.0)
TURN_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


@dataclass
class Snapshot:
    """What one scrape read from the database and the knowledge."""

    escalations: dict[str, int] = field(default_factory=dict)
    pending_steps: int = 0
    take_seconds: list[float] = field(default_factory=list)
    inbox_backlog: dict[str, int] = field(default_factory=dict)
    stats: Tally[tuple[str, str, str]] = field(default_factory=Tally)
    knowledge_age: float | None = None
    knowledge_degraded: bool = False
    escalation_enabled: bool = False


def knowledge_age_seconds(source_dir: os.PathLike[str] | str) -> float | None:
    """Seconds since the newest file of the knowledge in force was changed."""
    newest = 0.0
    try:
        for entry in os.scandir(source_dir):
            if entry.is_file() and entry.name.endswith((".yaml", ".csv")):
                newest = max(newest, entry.stat().st_mtime)
    except OSError:
        return None
    return max(0.0, time.time() - newest) if newest else None


class Metrics:
    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        r = self.registry
        self.turns = Counter("schutzlotse_turns", "Conversation turns handled.", registry=r)
        self.turn_seconds = Histogram("schutzlotse_turn_seconds", "Time to handle one turn.",
                                      buckets=TURN_BUCKETS, registry=r)
        self.errors = Counter("schutzlotse_errors", "Failures by kind (turn, channel, admin_alert).",
                              ["kind"], registry=r)
        self.channel_up = Gauge("schutzlotse_channel_up", "1 while the channel is connected.",
                                ["channel"], registry=r)
        self.channel_down_seconds = Gauge("schutzlotse_channel_down_seconds",
                                          "Seconds the channel has been disconnected (0 when up).",
                                          ["channel"], registry=r)
        self.started = Gauge("schutzlotse_start_time_seconds", "Unix time the process started.", registry=r)
        self.started.set(time.time())
        self.snapshot = Snapshot()
        r.register(_FromSnapshot(self))
        for kind in ("turn", "channel", "admin_alert"):
            self.errors.labels(kind)  # present from the start, so rate() works at once

    def on_turn(self, seconds: float, failed: bool) -> None:
        """TurnActivity listener."""
        self.turns.inc()
        self.turn_seconds.observe(seconds)
        if failed:
            self.errors.labels("turn").inc()

    def channels(self, supervisors: Iterable[ChannelSupervisor]) -> None:
        now = time.monotonic()
        for sup in supervisors:
            self.channel_up.labels(sup.name).set(1 if sup.state.connected else 0)
            self.channel_down_seconds.labels(sup.name).set(sup.state.down_for(now))

    async def refresh(self, app: App, stats: StatsRecorder | None = None) -> None:
        snap = Snapshot()
        db = app.db
        for state, n in await db.fetchall("SELECT state, count(*) FROM escalations GROUP BY state"):
            snap.escalations[state] = n
        row = await db.fetchone("SELECT count(*) FROM escalations WHERE state = 'open' AND due_at IS NOT NULL")
        snap.pending_steps = int(row[0]) if row else 0
        snap.take_seconds = [r[0] for r in await db.fetchall(
            "SELECT acked_at - created_at FROM escalations WHERE acked_at IS NOT NULL")]
        # The engine's inbox: events stored but not yet handled, per channel.
        for channel, waiting in await db.fetchall("SELECT channel, count(payload) FROM inbox GROUP BY channel"):
            snap.inbox_backlog[channel] = int(waiting)
        if stats is not None:
            snap.stats = await stats.totals()
        k = app.knowledge.current
        snap.knowledge_age = knowledge_age_seconds(k.source_dir)
        snap.knowledge_degraded = bool(app.knowledge_start and app.knowledge_start.degraded)
        snap.escalation_enabled = k.escalation_enabled
        self.snapshot = snap

    def render(self) -> bytes:
        return generate_latest(self.registry)


class _FromSnapshot:
    """A collector over the last Snapshot (filled by `Metrics.refresh` before each scrape)."""

    def __init__(self, metrics: Metrics):
        self.metrics = metrics

    def collect(self) -> Iterator[Metric]:
        snap = self.metrics.snapshot
        states = GaugeMetricFamily("schutzlotse_escalations", "Emergency escalations by state.", labels=["state"])
        for state in ESCALATION_STATES:
            states.add_metric([state], snap.escalations.get(state, 0))
        yield states
        yield GaugeMetricFamily("schutzlotse_escalation_steps_pending",
                                "Open escalations waiting for their next alert step.", value=snap.pending_steps)
        buckets, cumulative = [], 0
        for bound in TAKE_BUCKETS:
            cumulative = sum(1 for s in snap.take_seconds if s <= bound)
            buckets.append((repr(bound), cumulative))
        buckets.append(("+Inf", len(snap.take_seconds)))
        yield HistogramMetricFamily("schutzlotse_escalation_take_seconds",
                                    "Time from an escalation until an officer took it.",
                                    buckets=buckets, sum_value=sum(snap.take_seconds))
        backlog = GaugeMetricFamily("schutzlotse_inbox_backlog", "Stored inbound updates not yet handled.",
                                    labels=["channel"])
        for channel, n in snap.inbox_backlog.items():
            backlog.add_metric([channel], n)
        yield backlog
        if snap.knowledge_age is not None:
            yield GaugeMetricFamily("schutzlotse_knowledge_age_seconds",
                                    "Seconds since the knowledge in force was last changed.", value=snap.knowledge_age)
        yield GaugeMetricFamily("schutzlotse_knowledge_degraded",
                                "1 while running on the last good knowledge (the configured one is invalid).",
                                value=1 if snap.knowledge_degraded else 0)
        yield GaugeMetricFamily("schutzlotse_escalation_enabled",
                                "0 with the example roster or nobody to alert.",
                                value=1 if snap.escalation_enabled else 0)
        yield from _stats_families(snap.stats)


def _stats_families(stats: Tally[tuple[str, str, str]]) -> Iterator[Metric]:
    started = CounterMetricFamily("schutzlotse_conversations_started", "Conversations begun.")
    consultations = CounterMetricFamily("schutzlotse_consultations",
                                        "Result screens with contacts shown.", labels=["category", "direktion"])
    emergencies = CounterMetricFamily("schutzlotse_emergency_paths", "Emergency screens (110) shown.")
    records = CounterMetricFamily("schutzlotse_records_opened", "Incident records saved.", labels=["category"])
    totals: Tally[str] = Tally()
    by_record: Tally[str] = Tally()
    for (counter, category, direktion), n in stats.items():
        if counter == "result":
            consultations.add_metric([category, direktion or "unknown"], n)
        elif counter == "record":
            by_record[category or "unknown"] += n
        else:
            totals[counter] += n
    for category, n in by_record.items():
        records.add_metric([category], n)
    started.add_metric([], totals["started"])
    emergencies.add_metric([], totals["emergency"])
    yield from (started, consultations, emergencies, records)
