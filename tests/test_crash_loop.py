"""The kill loop of issue 12 (bounded for CI): 30 SIGKILLs of a real bot subprocess at
random moments, most of them aimed inside a record save or an escalation trigger, with the
invariants checked after every restart (tests/crash_harness.py). Full size: bench/bench_crash.py."""

from __future__ import annotations

from tests.crash_harness import CrashLoop

KILLS = 30


def test_thirty_kills_leave_no_hidden_duplicate_or_lost_result(tmp_path):
    loop = CrashLoop(tmp_path, seed=12)
    figures = loop.run(kills=KILLS)
    assert figures.kills == KILLS and figures.aimed >= 10
    assert figures.problems == []
    assert figures.records >= 3 and figures.escalations >= 3  # the kills did not stall the script
