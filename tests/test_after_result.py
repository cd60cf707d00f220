"""Regression guard on what blind writers typed below the result
(tests/data/dev/after-result-*.yaml; bench/eval_after_result.py): more about the case, another
offence, a town, a scene now, a button asked for in words, thanks and questions, at the levels
measured on 6 December (EF-a 97 of 100, EF-b 85 of 100, EG 140 of 160, EH 126 of 130; at most
two false 110 per set), minus a margin. EF-b and EG were never read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.eval_after_result import measure
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"


@pytest.mark.parametrize(("name", "floor"), [
    ("after-result-ef-a.yaml", 0.93),
    ("after-result-ef-b.yaml", 0.80),
    ("after-result-eg.yaml", 0.84),
    ("after-result-eh.yaml", 0.92),
])
def test_replies_below_the_result(knowledge: Knowledge, name: str, floor: float) -> None:
    items = yaml.safe_load((DEV / name).read_text(encoding="utf-8"))
    f = measure(knowledge, items)
    total = sum(f.by_kind.values())
    assert total == len(items)
    assert sum(f.right.values()) / total >= floor
    assert f.false_alarms <= 3
    assert sum(f.not_understood.values()) <= 2  # "not understood" almost never below the result
    if "danger_now" in f.by_kind:
        assert f.right["danger_now"] >= f.by_kind["danger_now"] - 1
