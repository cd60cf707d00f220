"""Regression guard on the whole conversations written by blind writers
(tests/data/dev/conversations*.yaml, driven as bench/eval_conversations.py drives them): the
levels measured on 5 December 2026 (the sixteenth to eighteenth pairs, three writers asked to
surprise, added that morning) (BENCHMARKS.md, "Conversation"), with a little room."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.eval_conversations import walk
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"


@pytest.fixture(scope="module")
def tally(knowledge: Knowledge) -> dict[str, int]:
    counts = {"all": 0, "done": 0, "not_understood": 0, "dangers": 0, "advised": 0, "others": 0, "alarmed": 0}
    for path in sorted(DEV.glob("conversations*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8"))["conversations"]:
            chat, out = walk(knowledge, case)
            danger = bool(case["danger_now"])
            counts["all"] += 1
            counts["done"] += chat.state is not None and chat.state.node == "after_result"
            counts["not_understood"] += out.not_understood > 0
            counts["dangers"] += danger
            counts["advised"] += danger and out.advised
            counts["others"] += not danger
            counts["alarmed"] += (not danger) and out.advised
    return counts


def test_the_conversations_reach_the_contacts(tally: dict[str, int]) -> None:
    assert tally["all"] >= 2040
    # measured: 1,995 of 2,040 (stop 31; 1,884 of 1,920 before its two pairs, 1,593 of 1,620 before stop 30's five)
    assert tally["done"] >= tally["all"] - 48
    assert tally["not_understood"] <= 24  # measured: 19 (13 before stop 31's two pairs)


def test_every_danger_but_a_skipped_one_gets_110_and_few_others_do(tally: dict[str, int]) -> None:
    # The five dangers missed are told only in the reply to a question the bot skipped (the
    # message had already said the home was affected, or "they keep telling me" or "for a few
    # weeks now" that it is repeated), which the script never sends.
    assert tally["advised"] >= tally["dangers"] - 5  # measured: 432 of 437
    # (a reply asking "Soll ich die Polizei rufen?" gets the 110 line and counts here)
    assert tally["alarmed"] <= 0.06 * tally["others"]  # measured: 46 of 1,603 (2.9 %; 35 of 1,509 before stop 31's danger head, 39 of 1,039 before stop 29)
