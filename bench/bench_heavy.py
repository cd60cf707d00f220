"""How long does one user's `/meinedaten` hold up everybody else?

    .venv/bin/python bench/bench_heavy.py              # three 20 MB evidence files, 3 runs
    .venv/bin/python bench/bench_heavy.py --repo /work/main   # the same against another checkout

One user has a record with three 20 MB evidence files; while their export runs, a ticker
on the same event loop wakes every 5 ms. The longest gap between two ticks is how long
every other chat would have waited. Also: the export's own duration.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path


def _args() -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parents[1])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--mb", type=int, default=20)
    return parser.parse_args()


ARGS = _args()
sys.path.insert(0, str(ARGS.repo))

from tests.incident_helpers import PNG_BYTES, Chat, running, settings_for  # noqa: E402


async def _ticker(stop: asyncio.Event, gaps: list[float]) -> None:
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(0.005)
        now = time.perf_counter()
        gaps.append(now - last - 0.005)
        last = now


async def one_run(data_dir: Path, size: int) -> tuple[float, float]:
    settings = settings_for(data_dir, max_evidence_mb=ARGS.mb + 1)
    async with running(settings) as app:
        chat = Chat(app)
        files = [(f"f{i}.png", "image/png", PNG_BYTES + os.urandom(size - len(PNG_BYTES))) for i in range(3)]
        await chat.record(files=files)
        stop, gaps = asyncio.Event(), []
        ticker = asyncio.create_task(_ticker(stop, gaps))
        await asyncio.sleep(0.05)
        started = time.perf_counter()
        exported = await chat.command("meinedaten")
        took = time.perf_counter() - started
        stop.set()
        await ticker
        assert exported[0].document is not None and len(exported[0].document.data) > 3 * size * 0.9
        return max(gaps), took


async def main() -> None:
    stalls, durations = [], []
    for run in range(ARGS.runs):
        with tempfile.TemporaryDirectory() as tmp:
            stall, took = await one_run(Path(tmp), ARGS.mb * 1024 * 1024)
        stalls.append(stall)
        durations.append(took)
        print(f"run {run + 1}: longest loop stall {stall * 1000:.0f} ms, export {took * 1000:.0f} ms", file=sys.stderr)
    print(f"repo {ARGS.repo}: 3 x {ARGS.mb} MB, median longest stall {statistics.median(stalls) * 1000:.0f} ms "
          f"(max {max(stalls) * 1000:.0f} ms), median export {statistics.median(durations) * 1000:.0f} ms")


if __name__ == "__main__":
    asyncio.run(main())
