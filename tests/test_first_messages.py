"""Regression guard on first messages by a blind writer never trained on and never read
(tests/data/dev/first-messages-*.yaml; bench/eval_first_messages.py): offence, danger now
and place from one message, at the levels measured when it was written (stop 38: 159 of
160, 19 of 20, 0 of 140, 95 of 96, 0 of 64), minus a margin."""

from __future__ import annotations

from pathlib import Path

import yaml

from bench.eval_first_messages import measure
from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"


def test_first_messages_by_a_writer_never_trained_on(knowledge: Knowledge) -> None:
    items = yaml.safe_load((DEV / "first-messages-ea.yaml").read_text(encoding="utf-8"))
    f = measure(knowledge, items)
    assert f.messages == 160 and f.dangers == 20 and f.named == 96
    assert f.first_right / f.messages >= 0.95
    assert min(f.right_by_category[c] / n for c, n in f.by_category.items()) >= 0.85
    assert f.dangers_reached >= 18  # 110 first for 9 of 10 at least (19 when written)
    assert f.false_alarms / f.calm <= 0.03
    assert f.place_right / f.named >= 0.95 and f.place_taken / f.unnamed <= 0.05
