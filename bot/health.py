"""What /healthz reports: is the running bot able to help right now, and if not, why.

Checks: the database takes a write, every configured channel is connected, the knowledge
is loaded (its version and age), the background schedulers are alive, the event loop
answers promptly. `failing` (HTTP 503) when any of these fails; `degraded` (HTTP 200) when
the bot works but something needs an admin: running on the last good knowledge, or
emergency escalation off because roster.yaml is the shipped example.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.metrics import knowledge_age_seconds
from bot.version import VERSION

if TYPE_CHECKING:
    from bot.app import App
    from bot.supervise import ChannelSupervisor

DB_TIMEOUT = 3.0
LAG_LIMIT = 2.0  # seconds the loop may lag before it counts as unresponsive
TICK = 0.5
# Background tasks that must be alive while the bot runs (named where they are created).
SCHEDULERS = ("escalation-scheduler", "incident-scheduler", "knowledge-watcher", "conversation-purge")


class LoopMonitor:
    """Measures how late the event loop wakes a sleeper: the loop's responsiveness."""

    def __init__(self) -> None:
        self.lag = 0.0
        self.worst = 0.0  # since the last report
        self.last_tick = time.monotonic()

    async def run(self) -> None:
        while True:
            before = time.monotonic()
            await asyncio.sleep(TICK)
            self.last_tick = time.monotonic()
            self.lag = max(0.0, self.last_tick - before - TICK)
            self.worst = max(self.worst, self.lag)

    def take_worst(self) -> float:
        worst, self.worst = max(self.worst, self.lag), self.lag
        # A tick overdue right now is lag too (the loop could be blocked by this very call's caller).
        return max(worst, time.monotonic() - self.last_tick - TICK)


@dataclass
class HealthReport:
    status: str  # ok | degraded | failing
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    checks: dict[str, Any] = field(default_factory=dict)

    @property
    def http_status(self) -> int:
        return 503 if self.status == "failing" else 200

    def as_json(self) -> dict[str, Any]:
        return {"status": self.status, "version": VERSION, "problems": self.problems,
                "warnings": self.warnings, "checks": self.checks}


async def _db_writable(app: App) -> str | None:
    try:
        async def probe() -> None:
            async with app.db.transaction() as conn:
                await conn.execute("INSERT INTO health_probe (id, at) VALUES (1, ?) "
                                   "ON CONFLICT (id) DO UPDATE SET at = excluded.at", (time.time(),))
        await asyncio.wait_for(probe(), DB_TIMEOUT)
        return None
    except Exception as exc:  # noqa: BLE001
        return f"database not writable ({type(exc).__name__})"


def _task_names() -> set[str]:
    return {t.get_name() for t in asyncio.all_tasks() if not t.done()}


async def check(app: App, supervisors: Iterable[ChannelSupervisor], loop: LoopMonitor | None,
                started_at: float) -> HealthReport:
    report = HealthReport("ok")
    checks = report.checks
    checks["uptime_seconds"] = round(time.monotonic() - started_at, 1)

    problem = await _db_writable(app)
    checks["database"] = "writable" if problem is None else "failing"
    if problem:
        report.problems.append(problem)

    channels: dict[str, Any] = {}
    now = time.monotonic()
    for sup in supervisors:
        state = sup.state
        entry: dict[str, Any] = {"connected": state.connected, "since_seconds": round(now - state.since, 1)}
        if state.error and not state.connected:
            entry["error"] = state.error
        channels[sup.name] = entry
        if not state.connected:
            report.problems.append(f"channel {sup.name} not connected"
                                   + (f" ({state.error})" if state.error else ""))
    checks["channels"] = channels

    k = app.knowledge.current
    start = app.knowledge_start
    degraded = bool(start and start.degraded)
    age = knowledge_age_seconds(k.source_dir)
    checks["knowledge"] = {"version": k.version, "age_seconds": None if age is None else round(age),
                           "state": "last good copy" if degraded else "configured"}
    if degraded:
        count = len(start.problems) if start else 0
        report.warnings.append(f"degraded: the configured knowledge is invalid ({count} problem(s)); "
                               f"running on the last good version {k.version}")
    escalation = "enabled" if k.escalation_enabled else "disabled"
    checks["escalation"] = escalation
    if not k.escalation_enabled:
        why = "roster.yaml is the shipped example" if k.roster and k.roster.example else "nobody in roster.yaml"
        report.warnings.append(f"escalation disabled: {why} (110 is still shown)")

    alive = _task_names()
    schedulers = {name: name in alive for name in SCHEDULERS}
    checks["schedulers"] = schedulers
    report.problems += [f"{name} is not running" for name, ok in schedulers.items() if not ok]

    if loop is not None:
        lag = loop.take_worst()
        checks["event_loop_lag_seconds"] = round(lag, 3)
        if lag > LAG_LIMIT:
            report.problems.append(f"event loop unresponsive (lagged {lag:.1f} s)")

    if report.problems:
        report.status = "failing"
    elif report.warnings:
        report.status = "degraded"
    return report
