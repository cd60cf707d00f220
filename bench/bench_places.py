"""Benchmark: place index load, lookups, and finding a municipality in free text.

Run: .venv/bin/python bench/bench_places.py   (prints markdown tables)

find_in_text accuracy is measured on the development sentences (tests/data/places_dev.yaml,
tuned on) and on the held-out sentences (tests/data/heldout/places.yaml, written by someone
who never saw the code; only aggregate figures are printed, never single sentences).
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.places import Place, PlaceIndex, Resolution  # noqa: E402

REPEAT = 5
DEV = ROOT / "tests" / "data" / "places_dev.yaml"
DEV_BLIND = ROOT / "tests" / "data" / "dev" / "places.yaml"  # a blind writer's, read to fix errors
DEV_BLIND_2 = ROOT / "tests" / "data" / "dev" / "places-2.yaml"  # a second one: stories, addresses, dialect
DEV_BLIND_3 = ROOT / "tests" / "data" / "dev" / "places-3.yaml"  # a third: three voices, signatures, "X hier"
# A fourth: replies to the place question, town parts, Sorbian names (a bare name with a typo
# counts as missed here; the place question offers it through resolve()).
DEV_BLIND_4 = ROOT / "tests" / "data" / "dev" / "places-4.yaml"
DEV_BLIND_5 = ROOT / "tests" / "data" / "dev" / "places-5.yaml"  # a fifth, a third of it replies at the place question
HELDOUT = ROOT / "tests" / "data" / "heldout" / "places.yaml"


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


def _row(label: str, samples: list[float]) -> str:
    samples = sorted(samples)
    p99 = samples[max(0, int(len(samples) * 0.99) - 1)]
    return (f"| {label} | {len(samples)} | {statistics.fmean(samples):.1f} | "
            f"{statistics.median(samples):.1f} | {p99:.1f} | {samples[-1]:.1f} |")


def _ms(fn: Callable[[], object]) -> float:
    t0 = time.perf_counter()
    fn()
    return (time.perf_counter() - t0) * 1000


def _correct(res: Resolution | None, case: dict) -> tuple[bool, bool]:
    """(predicted something, prediction right) for one labelled sentence."""
    if res is None or not res.places:
        return False, case.get("expect") is None and not case.get("expect_postcode")
    if case.get("expect_postcode"):
        pc = str(case["expect_postcode"])
        return True, res.status in ("found", "ambiguous") and all(
            pc == p.postcode or pc in p.postcodes for p in res.places
        )
    expect = case.get("expect")
    if expect is None:
        return True, False
    return True, res.status == "found" and _names(res.places[0], expect)


def _names(place: Place, expect: str) -> bool:
    return place.name == expect or (place.area and expect in place.name)


def accuracy(index: PlaceIndex, path: Path) -> str:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    tp = fp = fn = tn = 0
    for case in cases:
        predicted, right = _correct(index.find_in_text(case["text"]), case)
        has_place = case.get("expect") is not None or bool(case.get("expect_postcode"))
        if has_place:
            tp += predicted and right
            fp += predicted and not right
            fn += not predicted
        else:
            tn += not predicted
            fp += predicted
    precision = tp / (tp + fp) if tp + fp else 0.0
    positives = sum(1 for c in cases if c.get("expect") is not None or c.get("expect_postcode"))
    recall = tp / positives if positives else 0.0
    return (f"| {path.relative_to(ROOT)} | {len(cases)} | {positives} | {tp} | {fp} | {fn} | {tn} | "
            f"{precision:.1%} | {recall:.1%} |")


def main() -> None:
    from knowledge.municipalities import build_germany, build_saxony
    from knowledge.places import GERMANY_CSV, MUNICIPALITIES_CSV, SAXONY_CSV

    load_rows = [
        ("build Saxony (418 municipalities + town parts) from CSV",
         statistics.median(_ms(lambda: build_saxony(MUNICIPALITIES_CSV, SAXONY_CSV)) for _ in range(5))),
        ("build Germany from CSV (slow path, once per data change)", _ms(lambda: build_germany(GERMANY_CSV))),
    ]
    with tempfile.TemporaryDirectory() as cache:
        PlaceIndex.load(cache_dir=Path(cache)).germany  # noqa: B018 - fills the cache
        warm = PlaceIndex.load(cache_dir=Path(cache))
        load_rows.append(("PlaceIndex.load() (Saxony only; Germany waits)",
                          statistics.median(_ms(lambda: PlaceIndex.load(cache_dir=Path(cache))) for _ in range(5))))
        load_rows.append(("first non-Saxon lookup, Germany from cache", _ms(lambda: warm.resolve("München"))))
    index = PlaceIndex.load()
    index.resolve("München")
    load_rows.append(("first find_in_text (builds its tables)", _ms(lambda: index.find_in_text("in Pirna"))))

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
    sentences = [c["text"] for c in yaml.safe_load(DEV.read_text(encoding="utf-8"))]
    fillers = ["Ich bin Bürgermeister in {} und bekomme seit Wochen Drohbriefe, was soll ich tun?",
               "seit der letzten Sitzung in {} folgt mir jemand nach Hause"]
    sentences += [rng.choice(fillers).format(p.name) for p in rng.sample(saxon, 200)]

    print(f"Python {sys.version.split()[0]}; {len(places)} places ({len(saxon)} Saxon municipalities); "
          f"load average {os.getloadavg()[0]:.1f}\n")
    print("| lookup | n | mean µs | p50 µs | p99 µs | max µs |")
    print("|---|---:|---:|---:|---:|---:|")
    print(_row("resolve(name)", _time(index.resolve, names)))
    print(_row("resolve(postcode)", _time(index.resolve, postcodes)))
    print(_row("resolve(typo)", _time(index.resolve, typos)))
    print(_row("nearest(lat, lon)", _time(lambda c: index.nearest(*c), coords)))
    print(_row("find_in_text(sentence)", _time(index.find_in_text, sentences)))
    cpu0 = time.process_time()
    for _ in range(REPEAT):
        for sentence in sentences:
            index.find_in_text(sentence)
    cpu_us = (time.process_time() - cpu0) / (REPEAT * len(sentences)) * 1e6
    print(f"\nfind_in_text CPU time per sentence (process time, not waiting for other processes): {cpu_us:.0f} µs")
    print()
    print("| load step | ms |")
    print("|---|---:|")
    for label, ms in load_rows:
        print(f"| {label} | {ms:.0f} |")
    print()
    print("| find_in_text set | sentences | with a place | right | wrong | missed | null kept | precision | recall |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    print(accuracy(index, DEV))
    print(accuracy(index, DEV_BLIND))
    print(accuracy(index, DEV_BLIND_2))
    print(accuracy(index, DEV_BLIND_3))
    print(accuracy(index, DEV_BLIND_4))
    print(accuracy(index, DEV_BLIND_5))
    if HELDOUT.exists():
        print(accuracy(index, HELDOUT))


if __name__ == "__main__":
    main()
