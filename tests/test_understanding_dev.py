"""Regression guard on the untrained development category sets (tests/data/dev/dev-*.yaml,
eight blind writers, 1,824 first messages; README there): what a person sees after the first
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
    assert seen["messages"] == 1824


def test_what_a_person_sees_after_the_first_message(seen: Counter[str]) -> None:
    n = seen["messages"]
    # Measured 4 December 2026, evening: first guess 96.9 %; taken wrongly 32 (1.8 %; 39 with
    # the model of the afternoon); the right category on screen (taken, or among the
    # offered) 1,779 (97.5 %; 1,774).
    assert seen["first guess right"] / n >= 0.969 - MARGIN
    assert seen["taken wrong"] / n <= 0.018 + MARGIN
    assert (seen["taken right"] + seen["offered, right among them"]) / n >= 0.975 - MARGIN
