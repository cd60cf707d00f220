"""Measures free-text understanding on tests/data/free_text.yaml through the real step function.

Each message is sent as the first message of a conversation and, separately, as the answer
to the "what happened?" question. A danger message counts as recognised only if BOTH reach
the emergency path; a category message if both propose the expected category first.
Run: /tmp/warm/bin/python bench/eval_free_text.py   (prints confusion and share)
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.conversation import step  # noqa: E402
from handlers.messages import ConversationKey, OptionChosen, TextIn  # noqa: E402
from handlers.state import ConversationState, Context  # noqa: E402
from handlers.triage import CONFIRM_CATEGORY  # noqa: E402
from knowledge.base import Knowledge, load  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data" / "free_text.yaml"
DANGER = "danger"
NOTHING = "-"
KEY = ConversationKey("eval", "chat", "user")
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


@dataclass(frozen=True)
class Outcome:
    text: str
    lang: str
    expected: str
    heldout: bool
    first: str  # what the first message of a conversation led to
    answer: str  # what the answer to the category question led to

    @property
    def correct(self) -> bool:
        return self.first == self.expected and self.answer == self.expected


def load_messages(path: Path = DATA) -> list[dict[str, str]]:
    return yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]


def _ctx(k: Knowledge) -> Context:
    return Context(key=KEY, knowledge=k, now=NOW)


def _verdict(state: ConversationState | None, k: Knowledge) -> str:
    if state is None:
        return NOTHING
    if state.node == k.flow.emergency:
        return DANGER
    if state.node == CONFIRM_CATEGORY and state.pending.get("proposed"):
        return state.pending["proposed"][0]
    return state.category or NOTHING


def recognise(k: Knowledge, text: str, lang: str) -> tuple[str, str]:
    """(outcome as a first message, outcome as the answer to the category question)."""
    ctx = _ctx(k)
    first = step(None, TextIn(key=KEY, lang_hint=lang, text=text), ctx)
    opened = step(None, TextIn(key=KEY, lang_hint=lang, text="/start"), ctx).state
    no_danger = next(o.id for o in k.flow.questions[k.flow.start].options if o.next != k.flow.emergency)
    at_category = step(opened, OptionChosen(key=KEY, lang_hint=lang, option_id=no_danger), ctx).state
    answered = step(at_category, TextIn(key=KEY, lang_hint=lang, text=text), ctx)
    return _verdict(first.state, k), _verdict(answered.state, k)


def evaluate(k: Knowledge, messages: list[dict[str, str]]) -> list[Outcome]:
    outcomes = []
    for item in messages:
        first, answer = recognise(k, item["text"], item["lang"])
        outcomes.append(
            Outcome(item["text"], item["lang"], item["expect"], bool(item.get("heldout")), first, answer)
        )
    return outcomes


def share(outcomes: list[Outcome]) -> float:
    return sum(o.correct for o in outcomes) / len(outcomes)


def report(outcomes: list[Outcome]) -> str:
    labels = sorted({o.expected for o in outcomes} | {o.first for o in outcomes} | {o.answer for o in outcomes})
    confusion = Counter((o.expected, o.answer) for o in outcomes)
    width = max(len(label) for label in labels)
    head = "expected \\ got".ljust(width) + " " + " ".join(label[:6].rjust(6) for label in labels)
    lines = ["Confusion (answer to 'what happened?'; rows expected, columns recognised):", head]
    for row in labels:
        if any(o.expected == row for o in outcomes):
            cells = " ".join(str(confusion[(row, col)] or ".").rjust(6) for col in labels)
            lines.append(row.ljust(width) + " " + cells)
    danger = [o for o in outcomes if o.expected == DANGER]
    false_alarm = [o for o in outcomes if o.expected != DANGER and DANGER in (o.first, o.answer)]
    by_lang = {lang: [o for o in outcomes if o.lang == lang] for lang in sorted({o.lang for o in outcomes})}
    lines += [
        "",
        f"messages: {len(outcomes)} ({', '.join(f'{lang} {len(v)}' for lang, v in by_lang.items())})",
        f"danger now reaching the emergency path: {sum(o.correct for o in danger)}/{len(danger)}",
        f"false emergency alarms on other messages: {len(false_alarm)}",
        f"recognised correctly (first message and answer): {share(outcomes):.1%}",
    ]
    for lang, items in by_lang.items():
        lines.append(f"  {lang}: {share(items):.1%}")
    heldout = [o for o in outcomes if o.heldout]
    if heldout:
        lines.append(f"  held-out part ({len(heldout)}): {share(heldout):.1%}")
    misses = [o for o in outcomes if not o.correct]
    if misses:
        lines += ["", "Misses (expected -> first message / answer):"]
        lines += [f"  {o.expected} -> {o.first} / {o.answer}: {o.text}" for o in misses]
    return "\n".join(lines)


def main() -> int:
    outcomes = evaluate(load(), load_messages())
    print(report(outcomes))
    return 0


if __name__ == "__main__":
    sys.exit(main())
