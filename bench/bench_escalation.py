"""Benchmark: trigger -> alert handed to the officer's channel (p50/p99), and lateness of
re-escalation steps against their deadlines with many escalations pending at once.

Real engine, real SQLite file (WAL, synchronous=FULL), real clock, an in-process channel.
Run: /tmp/warm/bin/python bench/bench_escalation.py [--pending 1000] [--wait 4]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bot.app import open_app  # noqa: E402
from bot.config import Settings  # noqa: E402
from handlers.escalation_flow import TriggerEscalation  # noqa: E402
from handlers.messages import CommandIn, ConversationKey, OptionChosen, OutboundMessage, TextIn  # noqa: E402
from tests.escalation_helpers import knowledge_dir, officer  # noqa: E402


class TimingChannel:
    """Records the wall time at which each alert is handed over."""

    def __init__(self) -> None:
        self.alerts: list[tuple[str, int, float]] = []  # (ref, step, time)
        self.last = 0.0

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        now = time.time()
        for message in messages:
            for option in message.options:
                if option.id.startswith("esc_ack_"):
                    step = int(message.text.split("Stufe ", 1)[1].split(" ", 1)[0])
                    self.alerts.append((option.id.removeprefix("esc_ack_"), step, now))
                    self.last = time.perf_counter()


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


async def trigger_latency(app, channel: TimingChannel, n: int) -> list[float]:
    samples = []
    for i in range(n):
        key = ConversationKey("bench", f"lat{i}", f"lat{i}")
        await app.engine.handle(CommandIn(key=key, name="notfall"))
        await app.engine.handle(OptionChosen(key=key, option_id="escalate"))
        await app.engine.handle(TextIn(key=key, text="0351 1234567"))
        t0 = time.perf_counter()
        reply = await app.engine.handle(TextIn(key=key, text="Pirna"))
        assert "Referenz" in reply[0].text, reply[0].text
        samples.append((channel.last - t0) * 1000)
    return samples


async def pending_lateness(app, channel: TimingChannel, n: int, wait_s: float) -> tuple[list[float], int, int]:
    channel.alerts.clear()
    actions = [TriggerEscalation(key=ConversationKey("bench", f"p{i}", f"p{i}"), lang="de",
                                 place_name="Pirna", direktion="pd_dresden") for i in range(n)]
    since = app.engine.clock.now().timestamp()
    t0 = time.perf_counter()
    await asyncio.gather(*(app.escalations.on_trigger(a, None) for a in actions))
    created_s = time.perf_counter() - t0
    await asyncio.sleep(3 * wait_s + 2.0)
    # The user key is sealed now: tell this run's escalations apart by their creation time.
    rows = await app.db.fetchall("SELECT ref, created_at FROM escalations WHERE created_at >= ?", (since,))
    created = {r[0]: r[1] for r in rows}
    lateness = [(at - (created[ref] + (step - 1) * wait_s)) * 1000
                for ref, step, at in channel.alerts if ref in created and step > 1]
    mine = [(ref, step) for ref, step, _ in channel.alerts if ref in created]
    print(f"created {n} escalations in {created_s:.2f} s", file=sys.stderr)
    return lateness, len(set(mine)), len(mine)


async def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pending", type=int, default=1000)
    parser.add_argument("--wait", type=float, default=4.0, help="seconds between steps")
    parser.add_argument("--latency-runs", type=int, default=300)
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)  # nobody takes the bench alerts: no admin noise
    with tempfile.TemporaryDirectory() as tmp:
        roster = {"officers": [officer("a", ["bench:a:a"], ["pd_dresden"], start="00:00", end="00:00")],
                  "groups": {}}
        wait_min = args.wait / 60
        policy = {"steps": [{"notify": "direktion", "wait_minutes": wait_min},
                            {"notify": "all_on_duty", "wait_minutes": wait_min},
                            {"notify": "officers", "officers": ["a"], "wait_minutes": wait_min}]}
        kdir = knowledge_dir(Path(tmp), roster, policy)
        settings = Settings(data_dir=Path(tmp) / "data", knowledge_dir=kdir, escalation_limit_per_hour=10**6)
        async with open_app(settings) as app:
            channel = TimingChannel()
            app.engine.register_channel("bench", channel)
            latency = await trigger_latency(app, channel, args.latency_runs)
            late, steps_seen, alerts = await pending_lateness(app, channel, args.pending, args.wait)
    expected = args.pending * 3
    print("| measure | value |")
    print("|---|---|")
    print(f"| trigger -> alert handed to channel, p50 | {statistics.median(latency):.1f} ms |")
    print(f"| trigger -> alert handed to channel, p99 | {pct(latency, 0.99):.1f} ms |")
    print(f"| trigger -> alert, max ({len(latency)} runs) | {max(latency):.1f} ms |")
    print(f"| pending escalations at once | {args.pending} (steps every {args.wait:g} s) |")
    print(f"| alerts sent / expected (one per step) | {alerts} / {expected} (distinct {steps_seen}) |")
    print(f"| step lateness vs deadline, p50 | {statistics.median(late):.0f} ms |")
    print(f"| step lateness vs deadline, p99 | {pct(late, 0.99):.0f} ms |")
    print(f"| step lateness vs deadline, max | {max(late):.0f} ms |")
    print(f"| steps earlier than deadline | {sum(1 for x in late if x < 0)} |")


if __name__ == "__main__":
    asyncio.run(main())
