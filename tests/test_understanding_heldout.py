"""Regression guard on the held-out material (tests/data/heldout, written separately and
never used for tuning): the levels measured when the model was shipped, minus 2 points.
Figures and method: BENCHMARKS.md, "Understanding"; bench/eval_understanding.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bench.eval_understanding import Report, evaluate, with_prevention

MARGIN = 0.02


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Report]:
    # As after the merge that defines `prevention` (its examples exist already).
    tmp = tmp_path_factory.mktemp("heldout")
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("SCHUTZLOTSE_MODEL_CACHE", str(Path(tmp) / "cache"))
        yield evaluate(with_prevention(Path(tmp)))


def test_the_material_is_the_documented_one(report: Report) -> None:
    assert report.messages == 346 and report.by_lang == {"de": 221, "en": 125}
    assert report.danger_counts == (164, 157)
    assert report.answers_count == 148


def test_category_accuracy(report: Report) -> None:
    # Since the night of 5 December 2026 (1,664 examples from six more blind writers, chosen
    # on the 4,124 untrained development messages; BENCHMARKS.md, "The night of 5 December"):
    # 95.1 % (94.8 % before), in category or `also` 97.1 % (97.4 %), on screen 96.0 % (96.2 %);
    # lowest recall `unsure` 85.3 % (29 of 34, unchanged by every batch). Since the evening of
    # 5 December (stop 32: twelve more writers, two labels): 94.8 %, 97.1 %, 96.2 %; `unsure`
    # 88.2 % (30 of 34) and threat 88.9 % (32 of 36) the lowest.
    assert report.top1 >= 0.951 - MARGIN
    assert report.top1_or_also >= 0.971 - MARGIN
    assert report.counted_hit >= 0.960 - MARGIN
    assert min(report.recall[c] for c in report.recall if c in {t for t, _ in report.confusion}) >= 0.853 - MARGIN


def test_danger_now(report: Report) -> None:
    # 100 % until the night of 4 December; 99.4 % (163 of 164) since its examples.
    assert report.danger_recall >= 0.994 - MARGIN
    assert report.danger_false_alarms <= 0.025 + MARGIN
    assert report.category_false_alarms <= 0.012 + MARGIN


def test_aspects_answers_and_language(report: Report) -> None:
    recall = {aspect: r for aspect, (_, r, _) in report.aspect_pr.items()}
    assert recall["online"] >= 0.880 - MARGIN
    assert recall["private_sphere"] >= 0.838 - MARGIN
    assert recall["repeated"] >= 0.908 - MARGIN
    assert recall["extremist"] >= 0.760 - MARGIN
    assert report.when_past_recall >= 0.838 - MARGIN
    assert report.answers >= 0.986 - MARGIN
    assert report.language >= 0.98 and report.language_answered >= 0.978 - MARGIN
