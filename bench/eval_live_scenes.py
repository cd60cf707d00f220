"""Danger now told as a scene with its history: does 110 come first, and which offence?

tests/data/dev/live-scenes-*.yaml: three blind writers (CA, CB, CC; 6 December 2026) wrote
messages that each happen while they are typed, labelled with the offence a caseworker
would note once the person is safe. Many tell the scene with what came before ("he's
outside again with the knife", "schon das 4. mal diese Woche, jetzt steht sie vor der
Uni"), with a doubt, or in a report's words. Development material, not trained on.

Run: .venv/bin/python bench/eval_live_scenes.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import load  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def messages() -> list[tuple[str, str, str]]:
    """(file, category, text) of every live scene."""
    found = []
    for path in sorted(DEV.glob("live-scenes-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.name, c, t) for c, texts in doc["categories"].items() for t in texts]
    return found


def main() -> int:
    k = load(check_references=False)
    total, danger, right = Counter(), Counter(), Counter()
    for name, category, text in messages():
        writer = name.removesuffix(".yaml").rsplit("-", 1)[0]
        total[writer] += 1
        danger[writer] += k.understander.danger(text).danger
        right[writer] += k.understand(text).category == category
    for writer in sorted(total):
        print(f"{writer}: {total[writer]} scenes; 110 first for {danger[writer]} ({danger[writer] / total[writer]:.1%}); "
              f"offence first guess {right[writer]} ({right[writer] / total[writer]:.1%})")
    n = sum(total.values())
    print(f"all: {n} scenes; 110 first for {sum(danger.values()) / n:.1%}; offence first guess {sum(right.values()) / n:.1%}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
