"""Counts for the replies a blind writer typed at one point of a conversation, by what they
meant (`kind`): how many were handled right, met "not understood", or got a false 110. Shared
by bench/eval_after_result.py and bench/eval_midflow.py."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

DANGER = "danger_now"  # the kind whose 110 is right; any other's is a false alarm


@dataclass
class Tally:
    by_kind: Counter = field(default_factory=Counter)
    right: Counter = field(default_factory=Counter)
    not_understood: Counter = field(default_factory=Counter)
    calm: int = 0
    false_alarms: int = 0
    wrong: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, text, why)

    def count(self, kind: str, text: str, *, not_understood: bool, emergency: bool, why: str | None) -> None:
        self.by_kind[kind] += 1
        self.not_understood[kind] += not_understood
        if kind != DANGER:
            self.calm += 1
            self.false_alarms += emergency
        if why is None:
            self.right[kind] += 1
        else:
            self.wrong.append((kind, text, why))

    def reply(self, k: Any, kind: str, text: str, lang: str, messages: list[Any], why: str | None) -> None:
        """Count one reply from the messages it got (`k`: the knowledge, for its texts)."""
        self.count(kind, text, not_understood=k.texts.not_understood.get(lang) in "\n".join(m.text for m in messages),
                   emergency=any(m.emergency for m in messages), why=why)

    def report(self, name: str, *, show: bool, others: str) -> None:
        """Print the figures of one set; with `show`, the texts judged wrong too."""
        print(f"{name}: {sum(self.right.values())} of {sum(self.by_kind.values())} handled right; "
              f"110 for {self.false_alarms} of {self.calm} {others}")
        for kind in sorted(self.by_kind):
            print(f"  {kind}: {self.right[kind]} of {self.by_kind[kind]} ('not understood' {self.not_understood[kind]})")
        if show:
            for kind, text, why in self.wrong:
                print(f"    [{kind}] {why}: {text}")


def readable(raw: str) -> bool:
    """Whether a set's texts may be read: its second line does not say "never read"."""
    return "never read" not in raw.split("\n", 2)[1]


def run(args: list[str], sets: list[Path], measure: Callable[[Any, list[dict]], Tally], others: str) -> int:  # type: ignore[type-arg]
    """A bench's command line: `[--show] [FILE ...]` (default: `sets`), the figures of each set."""
    from knowledge.base import load

    show = "--show" in args
    paths = [Path(a) for a in args if a != "--show"] or sets
    k = load()
    for path in paths:
        raw = path.read_text(encoding="utf-8")
        measure(k, yaml.safe_load(raw)).report(path.name, show=show and readable(raw), others=others)
    return 0
