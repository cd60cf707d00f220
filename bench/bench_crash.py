"""Full-size kill loop (issue 12): N SIGKILLs of a real `schutzlotse chat --jsonl` subprocess
at random moments (most aimed inside a record save or an escalation trigger), invariants
checked after every restart: no hidden record, no duplicate record/escalation/alert, no lost
escalation or answered turn. The bounded version runs in the test suite.

    .venv/bin/python bench/bench_crash.py --kills 100 --seed 1
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.crash_harness import CrashLoop  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    started = time.monotonic()
    with tempfile.TemporaryDirectory() as tmp:
        loop = CrashLoop(Path(tmp), seed=args.seed)
        f = loop.run(kills=args.kills)
    took = time.monotonic() - started
    print("| kills | aimed at save/trigger | of them at the commit | lines sent | records | escalations | hidden | duplicates "
          "| lost | out of step | restart p50 s | run s |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(f"| {f.kills} | {f.aimed} | {f.at_commit} | {f.lines} | {f.records} | {f.escalations} | {f.hidden} | {f.duplicates} "
          f"| {f.lost} | {f.not_understood} | {statistics.median(f.restart_seconds):.2f} | {took:.0f} |")
    for problem in f.problems:
        print("PROBLEM:", problem)
    return 1 if f.problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
