"""Across writers: would training on the other writers' development messages help on a
writer the model has not seen? For each development category file (tests/data/dev/dev-*.yaml,
one writer and language each), the category head is trained twice, on the shipped examples
alone and on them plus every other writer's development files, and scored on that file (the model's
first guess, without the rules around it). The held-out set is not used here.

Run: .venv/bin/python bench/cv_writers.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np
import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import training as tr  # noqa: E402
from knowledge.base import load  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def writer_files() -> dict[str, list[tuple[str, str]]]:
    files = {}
    for path in sorted(DEV.glob("dev-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        rows = [(t, c) for c, texts in doc.get("categories", {}).items() for t in texts]
        if rows:
            files[path.name] = rows
    return files


def _writer(name: str) -> str:
    """The writer of a file: one writer's German and English sets are left out together."""
    return name.removesuffix(".yaml").removesuffix("-unsure").removesuffix("-de").removesuffix("-en")


def main() -> int:
    training = tr.training_set(load(check_references=False))
    base = [(e.text, e.label) for e in training.categories]
    danger = [e.text for e in training.danger]
    files = writer_files()
    if not files:
        print("no development category files: every writer's messages are training examples now; "
              "put a new writer's set in tests/data/dev first")
        return 0
    feats = tr.Featurizer([t for t, _ in base] + danger + [t for rows in files.values() for t, _ in rows])

    def predict(train: list[tuple[str, str]], texts: list[str]) -> np.ndarray:
        vec = feats.vectorizer([t for t, _ in train] + danger)
        x = feats.matrix(vec, [t for t, _ in train], tr.CATEGORY_WEIGHTS)
        estimator = tr.category_estimator().fit(x, [c for _, c in train])
        return estimator.predict(feats.matrix(vec, texts, tr.CATEGORY_WEIGHTS))

    right = {"shipped": 0, "with the others": 0}
    total = 0
    for name, rows in files.items():
        texts, labels = [t for t, _ in rows], np.array([c for _, c in rows])
        others = [row for other, more in files.items() if _writer(other) != _writer(name) for row in more]
        alone = np.mean(predict(base, texts) == labels)
        joined = np.mean(predict(base + others, texts) == labels)
        print(f"{name:28s} {len(rows):4d}  shipped {alone:6.1%}  with the others {joined:6.1%}", flush=True)
        right["shipped"] += round(alone * len(rows))
        right["with the others"] += round(joined * len(rows))
        total += len(rows)
    print(f"all {total}: " + ", ".join(f"{k} {v / total:.1%}" for k, v in right.items()))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
