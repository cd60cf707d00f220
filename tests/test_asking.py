"""Regression guard on what a blind writer asked about whom to call, the numbers and the
police (tests/data/dev/asking-el-*.yaml; bench/eval_asking.py), below the result and during
the questions, at the levels measured on 6 December (EL-a 102 of 102, EL-b 79 of 98; at most
three false 110 per set), minus a margin. EL-b was never read."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.eval_asking import measure
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"


@pytest.mark.parametrize(("name", "floor"), [
    ("asking-el-a.yaml", 0.95),
    ("asking-el-b.yaml", 0.76),
])
def test_questions_about_whom_to_call_and_the_police(knowledge: Knowledge, name: str, floor: float) -> None:
    items = yaml.safe_load((DEV / name).read_text(encoding="utf-8"))
    f = measure(knowledge, items)
    total = sum(f.by_kind.values())
    assert total == len(items)
    assert sum(f.right.values()) / total >= floor
    assert f.false_alarms <= 3
    assert sum(f.not_understood.values()) <= 4
