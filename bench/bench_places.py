"""Benchmark: PlaceIndex load time, memory and per-lookup latency against whole Germany.

Run: /tmp/warm/bin/python bench/bench_places.py   (prints a markdown table)
"""

from __future__ import annotations

import gc
import random
import resource
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.places import PlaceIndex  # noqa: E402

REPEAT = 5


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _typo(word: str, rng: random.Random) -> str:
    i = rng.randrange(1, len(word))
    return word[:i] + word[i + 1 :]  # drop one letter


def _time(fn: Callable[[object], object], inputs: list) -> list[float]:
    samples = []
    for _ in range(REPEAT):
        for item in inputs:
            t0 = time.perf_counter_ns()
            fn(item)
            samples.append((time.perf_counter_ns() - t0) / 1000)
    return samples


def main() -> None:
    rss_before = _rss_mb()
    t0 = time.perf_counter()
    index = PlaceIndex.load()
    load_s = time.perf_counter() - t0
    rss_after = _rss_mb()
    gc.collect()
    tracemalloc.start()
    second = PlaceIndex.load()  # kept alive so `current` is what an index retains
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del second

    rng = random.Random(7)
    places = index.places()
    saxon = [p for p in places if p.in_saxony]
    other = [p for p in places if not p.in_saxony]
    names = [p.name for p in rng.sample(saxon, 300)] + [p.name for p in rng.sample(other, 300)]
    postcodes = [p.postcode for p in rng.sample(places, 600)]
    typos = [_typo(p.name, rng) for p in rng.sample(saxon, 300) if len(p.name) >= 6]
    typos += [_typo(p.name, rng) for p in rng.sample(other, 300) if len(p.name) >= 6]
    coords = [(p.lat + rng.uniform(-0.02, 0.02), p.lon + rng.uniform(-0.02, 0.02))
              for p in rng.sample(places, 600)]

    rows = [
        ("resolve(name)", _time(index.resolve, names)),
        ("resolve(postcode)", _time(index.resolve, postcodes)),
        ("resolve(typo)", _time(index.resolve, typos)),
        ("nearest(lat, lon)", _time(lambda c: index.nearest(*c), coords)),
    ]
    print(f"Python {sys.version.split()[0]}; {len(places)} places ({len(saxon)} in Saxony)\n")
    print("| lookup | n | mean µs | p50 µs | p99 µs | max µs |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, samples in rows:
        samples.sort()
        p99 = samples[int(len(samples) * 0.99) - 1]
        print(f"| {label} | {len(samples)} | {statistics.fmean(samples):.1f} | "
              f"{statistics.median(samples):.1f} | {p99:.1f} | {samples[-1]:.1f} |")
    print()
    print("| load | value |")
    print("|---|---:|")
    print(f"| load time (both CSVs, all indexes) | {load_s * 1000:.0f} ms |")
    print(f"| memory retained by one index (tracemalloc) | {current / 2**20:.1f} MiB |")
    print(f"| peak during load (tracemalloc) | {peak / 2**20:.1f} MiB |")
    print(f"| process max RSS before / after first load | {rss_before:.0f} / {rss_after:.0f} MiB |")


if __name__ == "__main__":
    main()
