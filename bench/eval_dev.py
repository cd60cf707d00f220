"""Measures understanding on the DEVELOPMENT set (tests/data/dev/): written by separate
writers who saw neither the code nor the training examples nor the held-out set, for
choosing settings (thresholds, feature weights). Its category messages became training
examples on 4 December 2026 (BENCHMARKS.md); a new writer's set is measured here first. Unlike the held-out set it may be looked
at message by message (--errors).

Run: .venv/bin/python bench/eval_dev.py [--errors]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_understanding import ASPECTS  # noqa: E402
from handlers.answers import interpret  # noqa: E402
from knowledge.base import load  # noqa: E402
from tests.helpers import PureChat  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def rows() -> tuple[list[tuple[str, str, str]], list[tuple[str, bool, str]]]:
    """(text, category, lang) and (text, danger now?, lang) from both files."""
    categories, danger = [], []
    for path in sorted([*DEV.glob("dev-*.yaml"), *DEV.glob("pairs-*.yaml"), *DEV.glob("danger-*.yaml")]):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        lang = doc["language"]
        for cid, texts in doc.get("categories", {}).items():
            categories += [(t, cid, lang) for t in texts]
        danger += [(t, True, lang) for t in doc.get("danger_now", [])]
        danger += [(t, False, lang) for t in doc.get("not_danger_now", [])]
    return categories, danger


def main() -> int:
    show = "--errors" in sys.argv
    k = load()
    categories, danger = rows()
    hits, per, wrong = Counter(), Counter(), []
    by_lang = Counter()
    for text, cid, lang in categories:
        u = k.understand(text)
        per[cid] += 1
        by_lang[lang] += 1
        if u.category == cid:
            hits[cid] += 1
            hits[f"lang:{lang}"] += 1
        else:
            wrong.append((cid, u.category, text))
    total = sum(per.values())
    if total:
        print(f"Categories: first guess {sum(hits[c] for c in per) / total:.1%} of {total} "
              f"(de {hits['lang:de'] / max(by_lang['de'], 1):.1%}, en {hits['lang:en'] / max(by_lang['en'], 1):.1%})")
        print("  recall: " + ", ".join(f"{c} {hits[c] / per[c]:.0%}" for c in sorted(per)))
    else:
        # Every development writer's category messages are training examples since 4 December
        # 2026; a new writer's set, put here first, is measured by this and bench/cv_writers.py.
        print("Categories: no development category messages (all are training examples now)")
    emergency = [(text, now, any(m.emergency for m in PureChat(k, lang=None).text(text))) for text, now, _ in danger]
    positives = [e for e in emergency if e[1]]
    negatives = [e for e in emergency if not e[1]]
    print(f"Danger now through the step: recall {sum(e[2] for e in positives) / len(positives):.1%} of "
          f"{len(positives)}; false alarms {sum(e[2] for e in negatives) / len(negatives):.1%} of {len(negatives)}")
    answers = yaml.safe_load((DEV / "answers.yaml").read_text(encoding="utf-8"))
    missed = [(a["meaning"], got, a["text"]) for a in answers
              if (got := interpret(a["text"], a["lang"], a["question"] if a["question"] in ASPECTS else None).meaning)
              != a["meaning"]]
    by_meaning = Counter(a["meaning"] for a in answers)
    print(f"Answers: {1 - len(missed) / len(answers):.1%} of {len(answers)} ("
          + ", ".join(f"{m} {n - sum(x[0] == m for x in missed)}/{n}" for m, n in sorted(by_meaning.items())) + ")")
    if show:
        for meaning, got, text in missed:
            print(f"  ANS {meaning:>8s} <- {got}: {text[:140]}")
        for cid, got, text in wrong:
            print(f"  CAT {cid:>16s} <- {got}: {text[:140]}")
        for text, now, shown in emergency:
            if now != shown:
                print(f"  {'MISS' if now else 'FA  '} {text[:140]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
