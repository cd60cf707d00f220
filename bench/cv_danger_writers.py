"""Across writers, for danger now: does the danger head do better on a writer it has not seen
when it learns from the other development writers' messages?

The development writers (tests/data/dev: danger-*, dev-*, pairs-*; one writer's German and
English files together) are split into folds. For each fold, everything those writers wrote
(danger_now, not_danger_now and their category messages) leaves the training set, and the
model is trained twice:
- "shipped": the shipped examples without the fold's writers (some other writers' messages
  are examples since 5 December: knowledge/data/examples-*.yaml);
- "no writers": without any development writer's message among the danger examples (the
  danger head as it was before).
Each is scored on the fold's writers through the whole danger verdict (rules and model, at
the shipped thresholds): their dangers found, false alarms on their not_danger_now, and
false alarms on their category messages (reports of what happened, mostly past).

Run: .venv/bin/python bench/cv_danger_writers.py [FOLDS]  (default 5; 40 = one writer each)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import training as tr  # noqa: E402
from knowledge.base import Knowledge, load  # noqa: E402
from knowledge.examples import TrainingSet  # noqa: E402
from knowledge.model import Model  # noqa: E402
from knowledge.understanding import Understander  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
Row = tuple[str, str]  # (text, "danger" | "safe" | "report")


def writers() -> dict[str, list[Row]]:
    """Each writer's messages; a writer's German and English files are one writer."""
    out: dict[str, list[Row]] = {}
    for path in sorted([*DEV.glob("danger-*.yaml"), *DEV.glob("dev-*.yaml"), *DEV.glob("pairs-*.yaml")]):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows = out.setdefault(path.stem.removesuffix("-de").removesuffix("-en"), [])
        rows += [(t.strip(), "danger") for t in doc.get("danger_now") or []]
        rows += [(t.strip(), "safe") for t in doc.get("not_danger_now") or []]
        rows += [(t.strip(), "report") for texts in (doc.get("categories") or {}).values() for t in texts]
    return {name: rows for name, rows in out.items() if rows}


def score(k: Knowledge, model: Model, rows: list[Row]) -> Counter[str]:
    understander = Understander(model, k.understander.rules, frozenset(k.categories), offences=k.understander.offences)
    counts: Counter[str] = Counter()
    for text, kind in rows:
        counts[kind] += 1
        counts[f"{kind} alarmed"] += understander.danger(text).danger
    return counts


def main() -> int:
    folds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    k = load(check_references=False)
    full = tr.training_set(k)
    every = writers()
    written = {text for rows in every.values() for text, _ in rows}
    names = sorted(every)
    totals = {"shipped": Counter[str](), "no writers": Counter[str]()}
    for i in range(folds):
        left_out = names[i::folds]
        out = {text for name in left_out for text, _ in every[name]}
        categories = tuple(e for e in full.categories if e.text not in out)
        rows = [row for name in left_out for row in every[name]]
        for variant, danger in (("shipped", tuple(e for e in full.danger if e.text not in out)),
                                ("no writers", tuple(e for e in full.danger if e.text not in written))):
            model = tr.train(TrainingSet(categories, danger, full.category_ids), variant)
            totals[variant] += score(k, model, rows)
        print(f"fold {i + 1} of {folds} ({len(left_out)} writers) done", flush=True)
    for variant, c in totals.items():
        print(f"{variant:10s}: dangers found {c['danger alarmed']} of {c['danger']}, false alarms "
              f"{c['safe alarmed']} of {c['safe']} not_danger_now and {c['report alarmed']} of {c['report']} reports")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
