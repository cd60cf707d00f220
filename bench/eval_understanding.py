"""Measures the understanding library on the HELD-OUT material (tests/data/heldout/).

Only aggregate figures are printed: the held-out set is for measuring, never for tuning
(bench/cv_understanding.py tunes on the training corpus). Written separately by a writer
who saw neither the code nor the examples (tests/data/heldout/README.md).

--with-prevention: measure as after the merge that defines the `prevention` category,
by adding a stub definition to a temporary copy of the knowledge (its examples already
exist), so the model learns it. Without it, prevention messages count as misses.

Run: .venv/bin/python bench/eval_understanding.py [--with-prevention]
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.answers import interpret  # noqa: E402
from knowledge.base import Knowledge, default_dir, load  # noqa: E402
from knowledge.understanding import understand  # noqa: E402

HELDOUT = Path(__file__).resolve().parent.parent / "tests" / "data" / "heldout"
ASPECTS = ("online", "private_sphere", "repeated", "extremist")
PREVENTION_STUB = """
  prevention:
    label: {de: "Vorbeugung und Beratung", en: "Prevention and advice"}
    contacts: [mbt, starke_stelle]
    steps:
      de: [Stub für die Messung.]
      en: [Stub for measuring.]
"""


def read(name: str):  # type: ignore[no-untyped-def]
    return yaml.safe_load((HELDOUT / name).read_text(encoding="utf-8"))


@dataclass
class Report:
    messages: int = 0
    by_lang: Counter = field(default_factory=Counter)
    top1: float = 0.0
    top1_or_also: float = 0.0
    counted_hit: float = 0.0  # the category is among the labels that count (1 or 2)
    second_shown: float = 0.0
    not_understood: float = 0.0
    precision: dict[str, float] = field(default_factory=dict)
    recall: dict[str, float] = field(default_factory=dict)
    confusion: Counter = field(default_factory=Counter)
    top1_by_lang: dict[str, float] = field(default_factory=dict)
    danger_recall: float = 0.0
    danger_false_alarms: float = 0.0
    danger_counts: tuple[int, int] = (0, 0)
    category_false_alarms: float = 0.0
    aspect_pr: dict[str, tuple[float, float, int]] = field(default_factory=dict)
    when_past_recall: float = 0.0
    when_wrong_now: float = 0.0
    answers: float = 0.0
    answers_by_meaning: dict[str, tuple[int, int]] = field(default_factory=dict)
    answers_count: int = 0
    language: float = 0.0
    language_answered: float = 0.0
    language_count: int = 0


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def evaluate(k: Knowledge) -> Report:
    r = Report()
    items = read("categories.yaml")
    r.messages = len(items)
    r.by_lang = Counter(i["lang"] for i in items)
    results = [(i, understand(i["text"], k)) for i in items]
    first = [u.ranking[0].id if u.ranking else "-" for _, u in results]
    truth = [i["category"] for i, _ in results]
    r.top1 = _share(sum(f == t for f, t in zip(first, truth)), len(items))
    r.top1_or_also = _share(sum(f == i["category"] or f in (i.get("also") or []) for f, (i, _) in zip(first, results)), len(items))
    r.counted_hit = _share(sum(i["category"] in [c.id for c in u.categories] for i, u in results), len(items))
    r.second_shown = _share(sum(len(u.categories) > 1 for _, u in results), len(items))
    r.not_understood = _share(sum(not u.categories for _, u in results), len(items))
    r.confusion = Counter(zip(truth, first))
    for cat in sorted(set(truth) | set(first)):
        predicted = sum(f == cat for f in first)
        actual = sum(t == cat for t in truth)
        hit = sum(f == t == cat for f, t in zip(first, truth))
        r.precision[cat] = _share(hit, predicted)
        r.recall[cat] = _share(hit, actual)
    for lang in sorted(r.by_lang):
        pairs = [(f, t) for f, t, (i, _) in zip(first, truth, results) if i["lang"] == lang]
        r.top1_by_lang[lang] = _share(sum(f == t for f, t in pairs), len(pairs))
    r.category_false_alarms = _share(sum(u.danger_now for _, u in results), len(items))
    for aspect in ASPECTS:
        said = [aspect in (i.get("aspects") or []) for i, _ in results]
        found = [aspect in u.aspects for _, u in results]
        tp = sum(s and f for s, f in zip(said, found))
        r.aspect_pr[aspect] = (_share(tp, sum(found)), _share(tp, sum(said)), sum(said))
    past = [(i, u) for i, u in results if i.get("when") == "past"]
    r.when_past_recall = _share(sum(u.when == "past" for _, u in past), len(past))
    r.when_wrong_now = _share(sum(u.when == "now" for _, u in results), len(items))

    danger = read("danger.yaml")
    now = [understand(d["text"], k).danger_now for d in danger["danger_now"]]
    safe = [understand(d["text"], k).danger_now for d in danger["not_danger"]]
    r.danger_recall = _share(sum(now), len(now))
    r.danger_false_alarms = _share(sum(safe), len(safe))
    r.danger_counts = (len(now), len(safe))

    answers = read("answers.yaml")
    r.answers_count = len(answers)
    per: dict[str, list[int]] = {}
    for a in answers:
        aspect = a["question"] if a["question"] in ASPECTS else None
        got = interpret(a["text"], a["lang"], aspect)
        expected = str(a["meaning"])
        ok = got.meaning == expected
        per.setdefault(expected, [0, 0])
        per[expected][0] += ok
        per[expected][1] += 1
    r.answers_by_meaning = {m: (h, n) for m, (h, n) in sorted(per.items())}
    r.answers = _share(sum(h for h, _ in per.values()), len(answers))

    texts = [(i["text"], i["lang"]) for i in items]
    texts += [(d["text"], d["lang"]) for d in danger["danger_now"] + danger["not_danger"]]
    guesses = [(understand(t, k).language, lang) for t, lang in texts]
    answered = [(g, lang) for g, lang in guesses if g is not None]
    r.language_count = len(texts)
    r.language_answered = _share(len(answered), len(texts))
    r.language = _share(sum(g == lang for g, lang in answered), len(answered))
    return r


def with_prevention(tmp: Path) -> Knowledge:
    """The shipped knowledge plus a stub `prevention` category (see module docstring)."""
    directory = tmp / "knowledge"
    shutil.copytree(default_dir(), directory)
    categories = directory / "categories.yaml"
    text = categories.read_text(encoding="utf-8")
    if "\n  prevention:\n" not in text:
        categories.write_text(text.rstrip("\n") + "\n" + PREVENTION_STUB, encoding="utf-8")
    return load(directory, check_references=False)  # the stub is offered by no question yet


def format_report(r: Report) -> str:
    labels = sorted(set(r.recall) | {c for _, c in r.confusion})
    lines = [
        f"Held-out categories: {r.messages} messages ({', '.join(f'{k} {v}' for k, v in sorted(r.by_lang.items()))})",
        f"  first guess == category: {r.top1:.1%}  ({', '.join(f'{k} {v:.1%}' for k, v in r.top1_by_lang.items())})",
        f"  first guess in category + also: {r.top1_or_also:.1%}",
        f"  category among the labels shown (1 or 2): {r.counted_hit:.1%}; second label shown for {r.second_shown:.1%};"
        f" nothing shown (not understood) {r.not_understood:.1%}",
        "  per category (precision / recall of the first guess):",
    ]
    for cat in labels:
        lines.append(f"    {cat:16s} {r.precision.get(cat, 0):6.1%} / {r.recall.get(cat, 0):6.1%}")
    lines.append("  confusion (rows: category, columns: first guess):")
    lines.append("    " + " " * 16 + " ".join(c[:6].rjust(6) for c in labels))
    for row in labels:
        if any(t == row for t, _ in r.confusion):
            lines.append("    " + row[:16].ljust(16) + " ".join(str(r.confusion[(row, c)] or ".").rjust(6) for c in labels))
    lines += [
        f"Danger now: recall {r.danger_recall:.1%} of {r.danger_counts[0]}; false alarms {r.danger_false_alarms:.1%} "
        f"of {r.danger_counts[1]} hard negatives; on the category messages {r.category_false_alarms:.1%}",
        "Aspects (precision / recall, messages that state it):",
    ]
    for aspect, (p, rec, n) in r.aspect_pr.items():
        lines.append(f"    {aspect:16s} {p:6.1%} / {rec:6.1%}  ({n})")
    lines += [
        f"When: 'past' found for {r.when_past_recall:.1%} of past messages; 'now' wrongly for {r.when_wrong_now:.1%}",
        f"Answers: {r.answers:.1%} of {r.answers_count} ("
        + ", ".join(f"{m} {h}/{n}" for m, (h, n) in r.answers_by_meaning.items()) + ")",
        f"Language: {r.language:.1%} correct on {r.language_answered:.1%} answered, of {r.language_count} messages",
    ]
    return "\n".join(lines)


def main() -> int:
    if "--with-prevention" in sys.argv:
        with tempfile.TemporaryDirectory() as tmp:
            print("(with a stub `prevention` category, as after the merge)")
            print(format_report(evaluate(with_prevention(Path(tmp)))))
    else:
        print(format_report(evaluate(load())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
