"""Benchmark: N simulated users in concurrent triage conversations through the engine and
the real SQLite store on disk (WAL, synchronous=FULL, every turn committed before it returns).

    python bench/bench_engine.py                  # N = 1, 100, 1000, both modes
    taskset -c 0 python bench/bench_engine.py     # pinned to one core, as in BENCHMARKS.md

Two modes per N:
- saturated: every user sends its next message as soon as the answer arrives (maximum
  throughput; latency then includes queueing behind the other N-1 users);
- paced: every user waits a think time between messages so that the offered load is
  2,500 turns/s in total (latency at a realistic, target-level load).
"""

from __future__ import annotations

import argparse
import asyncio
import random
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bot.clock import SystemClock  # noqa: E402
from bot.conversations import ConversationStore  # noqa: E402
from bot.engine import Engine  # noqa: E402
from bot.knowledge_holder import KnowledgeHolder  # noqa: E402
from bot.store import Database  # noqa: E402
from handlers.messages import CommandIn, ConversationKey, OptionChosen, TextIn  # noqa: E402
import knowledge.base as kb  # noqa: E402

CATEGORIES = ["threat", "insult", "stalking", "coercion", "property_damage", "physical_attack"]
PLACES = ["Görlitz", "01067", "Pirna", "Plauen", "Zwickau", "Freital", "Leipzig"]


def script(n: int) -> list:
    """One whole triage: start, no danger, category, the aspect questions, place, end."""
    rnd = random.Random(n)
    key = ConversationKey("bench", f"c{n}", f"u{n}")
    category = rnd.choice(CATEGORIES)
    events = [
        CommandIn(key=key, name="start"),
        OptionChosen(key=key, option_id="danger_no"),
        OptionChosen(key=key, option_id=category),
        TextIn(key=key, text=rnd.choice(["ja", "nein"])),
        TextIn(key=key, text="2"),
        OptionChosen(key=key, option_id=rnd.choice(["home_yes", "several_times", "home_repeated_no"])),
        TextIn(key=key, text=rnd.choice(PLACES)),
        OptionChosen(key=key, option_id="finish"),
    ]
    if category == "stalking":  # "repeated" is implied: only the home question is asked
        events[5] = OptionChosen(key=key, option_id=rnd.choice(["private_yes", "private_no"]))
    return events


async def run(n_users: int, paced_rate: float | None, db_path: Path, knowledge) -> dict:
    db = await Database.open(db_path)
    engine = Engine(KnowledgeHolder(knowledge), ConversationStore(db), clock=SystemClock())
    latencies: list[float] = []
    think = n_users / paced_rate if paced_rate else 0.0

    async def user(n: int) -> None:
        rnd = random.Random(n)
        if think:
            await asyncio.sleep(rnd.uniform(0, think))
        for event in script(n):
            t0 = time.perf_counter()
            await engine.handle(event)
            latencies.append(time.perf_counter() - t0)
            if think:
                # A fixed think time with a random phase keeps the offered load steady.
                await asyncio.sleep(think)

    start = time.perf_counter()
    await asyncio.gather(*(user(n) for n in range(n_users)))
    elapsed = time.perf_counter() - start
    await db.close()
    latencies.sort()
    return {
        "turns": len(latencies),
        "turns_per_s": len(latencies) / elapsed,
        "p50_ms": statistics.median(latencies) * 1000,
        "p99_ms": latencies[int(len(latencies) * 0.99) - 1] * 1000,
        "max_ms": latencies[-1] * 1000,
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, nargs="*", default=[1, 100, 1000])
    parser.add_argument("--rate", type=float, default=2500.0, help="offered turns/s in paced mode")
    args = parser.parse_args()
    knowledge = kb.load()
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.users:
            for mode, rate in (("saturated", None), ("paced", args.rate)):
                if mode == "paced" and n == 1:
                    continue
                result = asyncio.run(run(n, rate, Path(tmp) / f"bench-{n}-{mode}.db", knowledge))
                rows.append((n, mode, result))
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("| users | mode | turns | turns/s | p50 ms | p99 ms | max ms |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n, mode, r in rows:
        label = mode if mode == "saturated" else f"paced {args.rate:.0f}/s"
        print(f"| {n} | {label} | {r['turns']} | {r['turns_per_s']:.0f} | {r['p50_ms']:.2f} | "
              f"{r['p99_ms']:.2f} | {r['max_ms']:.1f} |")
    print(f"\npeak RSS of the whole run: {peak_mb:.0f} MiB")


if __name__ == "__main__":
    main()
