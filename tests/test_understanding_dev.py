"""Regression guard on the untrained development category sets (tests/data/dev/dev-*.yaml,
twenty-five blind writers, 6,584 first messages; README there): what a person sees after the first
message, at the levels measured when the model was shipped, minus a margin. These sets may
be read message by message (bench/eval_dev.py --errors); the held-out set may not."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from handlers import listening
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"
MARGIN = 0.02


@pytest.fixture(scope="module")
def seen(knowledge: Knowledge) -> Counter[str]:
    """How each message's category fared: taken right or wrong, offered with or without it."""
    fared: Counter[str] = Counter()
    for path in sorted(DEV.glob("dev-*.yaml")):
        for category, texts in yaml.safe_load(path.read_text(encoding="utf-8")).get("categories", {}).items():
            for text in texts:
                fared["messages"] += 1
                fared["first guess right"] += knowledge.understand(text).category == category
                heard = listening.hear(knowledge, text)
                if heard.categories:
                    fared["taken wrong" if category not in heard.categories else "taken right"] += 1
                else:
                    fared["offered, right among them" if category in heard.proposals else "offered, not among them"] += 1
    return fared


def test_the_material_is_the_documented_one(seen: Counter[str]) -> None:
    assert seen["messages"] == 6584  # 6,444 and writer DB (stop 37, never trained)


def test_what_a_person_sees_after_the_first_message(seen: Counter[str]) -> None:
    n = seen["messages"]
    # Measured 5 December 2026, night, with five more writers' 1,460 messages added to the
    # set: first guess 97.8 % (97.4 % with the model of the session's start); taken wrongly
    # 54 (1.3 %; 58); the right category on screen (taken, or among the offered) 4,057
    # (98.4 %; 4,057). Stop 28 added two fresh writers' 680 messages (read 93.5 % and
    # 96.2 % on first read): first guess 4,678 of 4,804 (97.4 %), taken wrongly 68 (1.4 %),
    # the right category on screen 4,721 (98.3 %). Stop 29 added a writer with only domain.md
    # (320 messages, 98.4 % on first read): first guess 4,994 of 5,124 (97.5 %). Stop 30 added
    # one more such writer (320, 95.6 % on first read): first guess 5,299 of 5,444 (97.3 %),
    # taken wrongly 75 (1.4 %), the right category on screen 5,350 (98.3 %). Stop 32 added
    # two writers asked as the held-out writer was (`dev-fresh33m`, `-n`: 500, 97.4 % on
    # first read) and taught twelve others: first guess 5,786 of 5,944 (97.3 %), taken
    # wrongly 75 (1.3 %), the right category on screen 5,849 (98.4 %). Stop 33 taught 16 more
    # writers and added two untrained ones asked as the held-out writer was (`dev-fresh34ae`,
    # `-af`: 500, 97.6 % on first read): first guess 6,304 of 6,444 (97.8 %), taken wrongly 69
    # (1.1 %), the right category on screen 6,353 (98.6 %). Stop 34 taught twenty more writers:
    # first guess 6,311 (97.9 %), taken wrongly 64 (1.0 %), on screen 6,364 (98.8 %). Stop 35
    # taught fourteen more: first guess 6,314 (98.0 %), taken wrongly 67 (1.0 %), on screen
    # 6,362 (98.7 %).
    assert seen["first guess right"] / n >= 0.978 - MARGIN
    assert seen["taken wrong"] / n <= 0.011 + MARGIN
    assert (seen["taken right"] + seen["offered, right among them"]) / n >= 0.986 - MARGIN


def test_two_offences_in_one_message_are_both_counted(knowledge: Knowledge) -> None:
    """tests/data/dev/two-offences-*.yaml (two blind writers, 6 December 2026; U set the
    parts' bars, V confirmed them untouched): 160 messages with two offences, 160 with one in
    several parts. Measured: both counted 113 of 160 (66 from the whole message alone), a
    second label added to a single offence 11 of 160 (8 without the parts)."""
    from bench.eval_two_offences import fared, messages

    items = messages()
    assert len(items) == 320
    read, whole = fared(knowledge, items), fared(knowledge, items, parts=False)
    assert read["two"] == read["one"] == 160
    assert read["two: both counted"] >= 113 - 8 and read["two: both counted"] > whole["two: both counted"] + 30
    assert read["one: second added"] <= 11 + 5
