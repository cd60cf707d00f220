"""Regression guard on what a blind writer typed instead of answering a question of the
triage (tests/data/dev/midflow-ej-*.yaml; bench/eval_midflow.py): privacy questions, whether
one must answer, other questions, thanks, chatter and scenes now, at the levels measured on
6 December (EJ-a 78 of 80, EJ-b 73 of 80; EJ-b never read), minus a margin."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from bench.eval_midflow import measure
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"


@pytest.mark.parametrize(("name", "floor"), [("midflow-ej-a.yaml", 0.93), ("midflow-ej-b.yaml", 0.85)])
def test_messages_instead_of_an_answer(knowledge: Knowledge, name: str, floor: float) -> None:
    items = yaml.safe_load((DEV / name).read_text(encoding="utf-8"))
    f = measure(knowledge, items)
    assert sum(f.by_kind.values()) == len(items)
    assert sum(f.right.values()) / len(items) >= floor
    assert f.right["danger_now"] >= f.by_kind["danger_now"] - 1  # 110 for the scenes typed at a question
    assert f.false_alarms <= 2
