"""Danger typed at a later question: the development danger sets (tests/data/dev/danger-*.yaml)
sent as the reply at the online, extremist, home-or-repeated and place questions of a conversation
about a threat (after "no" to the danger question), through the pure step.

Reports, per question, how many of the danger-now messages bring the 110 advice and how many
of the others do. The first-message figures are in bench/eval_dev.py; a reply deep in the
flow is read partly as an answer ("nee warte, er ist doch nicht weg ..."), so it is measured
on its own.

Run: .venv/bin/python bench/eval_danger_later.py [--misses]
"""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import Knowledge, load  # noqa: E402
from tests.helpers import PureChat  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
# The taps that lead to each question, after "Hallo", "no" to the danger question and "threat".
ROUTES = {
    "aspect_online": [],
    "aspect_extremist": ["online_no"],
    "aspect_home_repeated": ["online_no", "extremist_no"],
    "municipality": ["online_no", "extremist_no", "home_repeated_no"],
}


# Dangers and others written as replies at these questions (two blind writers, 4 December):
# reported on their own, as they are the replies this measure is about. The second was read
# first after the later-clause reading it measures (first read: 94-95 % found, 4.7 % others).
REPLIES = DEV / "replies-danger.yaml"
REPLIES_2 = DEV / "replies-danger-2.yaml"
# A third writer, asked for the place question too (first read: 97 % found, 9-11 % others).
REPLIES_3 = DEV / "replies-danger-3.yaml"
# A fourth, on the afternoon of 4 December (first read: 93-94 % found, 4.0-4.7 % others).
REPLIES_4 = DEV / "replies-danger-4.yaml"


def _texts(key: str) -> list[str]:
    out: list[str] = []
    for path in sorted(DEV.glob("danger-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        out += [t if isinstance(t, str) else t["text"] for t in doc.get(key, [])]
    return out


def _at(k: Knowledge, node: str) -> PureChat:
    chat = PureChat(k, lang=None)
    chat.text("Hallo")
    chat.option("danger_no")
    chat.option("threat")
    for tap in ROUTES[node]:
        chat.option(tap)
    if chat.state is None or chat.state.node != node:
        raise SystemExit(f"the flow no longer reaches {node} this way")
    return chat


def _alarmed(k: Knowledge, node: str, text: str) -> bool:
    return any(m.emergency for m in _at(k, node).text(text))


def rates(k: Knowledge, node: str, dangers: list[str], others: list[str]) -> tuple[list[str], int]:
    """The dangers that got no 110 advice at `node`, and how many others got it."""
    return [t for t in dangers if not _alarmed(k, node, t)], sum(_alarmed(k, node, t) for t in others)


def main() -> int:
    k = load()
    for path in (REPLIES, REPLIES_2, REPLIES_3, REPLIES_4):
        replies = yaml.safe_load(path.read_text(encoding="utf-8"))
        for node in ROUTES:
            missed, alarms = rates(k, node, replies["danger_now"], replies["not_danger_now"])
            n, m = len(replies["danger_now"]), len(replies["not_danger_now"])
            print(f"{node}, {path.name}: 110 for {n - len(missed)} of {n} ({1 - len(missed) / n:.1%}), "
                  f"for {alarms} of {m} others ({alarms / m:.1%})")
            if "--misses" in sys.argv:
                print(*(f"   MISS {t[:120]}" for t in missed), sep="\n")
    dangers, others = _texts("danger_now"), _texts("not_danger_now")
    for node in ROUTES:
        missed, alarms = rates(k, node, dangers, others)
        print(f"{node}: 110 for {len(dangers) - len(missed)} of {len(dangers)} dangers "
              f"({1 - len(missed) / len(dangers):.1%}), for {alarms} of {len(others)} others ({alarms / len(others):.1%})")
        if "--misses" in sys.argv:
            for text in missed:
                print("   MISS", text[:120])
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
