"""Benchmark: start to first answer (issue 13 item 9: at most 1 s on this machine).

Starts `schutzlotse chat --jsonl` as a new process with a fresh data directory, sends
/start and measures until the first bot message arrives on stdout. Also shows where the
time goes inside one process (imports, knowledge load).

Run: .venv/bin/python bench/bench_startup.py [runs] [other checkout, e.g. /work/main]
With a second checkout, both are measured alternately under the same load (its own .venv).
The CPU time of the process (user + system) is shown too: on a busy machine the wall
time waits for the other processes, the CPU time does not.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def first_answer_seconds(data_dir: Path, root: Path = ROOT) -> tuple[float, float]:
    """(wall seconds to the first answer, CPU seconds of the whole short session)."""
    python = root / ".venv" / "bin" / "python"
    env = {**os.environ, "SCHUTZLOTSE_DATA_DIR": str(data_dir), "SCHUTZLOTSE_LOG_LEVEL": "WARNING"}
    for name in list(env):
        if name.startswith(("SCHUTZLOTSE_TELEGRAM", "SCHUTZLOTSE_MATRIX")):
            del env[name]
    cpu0 = _cpu()
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [str(python), "-m", "bot.cli", "chat", "--jsonl", "--db", str(data_dir / "bench.db")],
        cwd=root, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True,
    )
    assert proc.stdin is not None and proc.stdout is not None
    proc.stdin.write(json.dumps({"command": "start"}) + "\n")
    proc.stdin.flush()
    while True:
        line = proc.stdout.readline()
        if not line:
            raise RuntimeError("the bot ended before answering")
        if json.loads(line).get("type") == "message":
            elapsed = time.perf_counter() - t0
            break
    proc.stdin.close()
    proc.wait(timeout=30)
    return elapsed, _cpu() - cpu0


def in_process() -> list[tuple[str, float]]:
    code = (
        "import time; t0 = time.perf_counter(); import bot.cli; t1 = time.perf_counter(); "
        "import knowledge.base as kb; k = kb.load(); t2 = time.perf_counter(); "
        "print(t1 - t0, t2 - t1, k.places.germany_loaded())"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    imports, load, germany = out.stdout.split()
    return [("import bot.cli", float(imports)), ("knowledge.base.load()", float(load)),
            (f"(Germany place data loaded at start: {germany})", 0.0)]


def main() -> None:
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 7
    roots = [ROOT] + ([Path(sys.argv[2])] if len(sys.argv) > 2 else [])
    samples: dict[Path, list[tuple[float, float]]] = {root: [] for root in roots}
    with tempfile.TemporaryDirectory() as tmp:
        for root in roots:
            first_answer_seconds(Path(tmp), root)  # warm the OS file cache and the bytecode
        for _ in range(runs):
            for root in roots:
                samples[root].append(first_answer_seconds(Path(tmp), root))
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}\n")
    print("| checkout | start to first answer, median (min-max) | CPU time of the process, median |")
    print("|---|---:|---:|")
    for root, values in samples.items():
        wall = [w for w, _ in values]
        cpu = [c for _, c in values]
        print(f"| {root} | {statistics.median(wall) * 1000:.0f} ms ({min(wall) * 1000:.0f}-{max(wall) * 1000:.0f}) "
              f"| {statistics.median(cpu) * 1000:.0f} ms |")
    print()
    print("| inside one process (this checkout) | value |")
    print("|---|---:|")
    for label, seconds in in_process():
        print(f"| {label} | {seconds * 1000:.0f} ms |" if seconds else f"| {label} | |")


if __name__ == "__main__":
    main()
