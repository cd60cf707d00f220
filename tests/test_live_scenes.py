"""Regression guard on danger now told as a scene (tests/data/dev/live-scenes-*.yaml) and on
shaken messages with nobody in danger (near-now-*.yaml), by the writers never trained on, at
the levels measured when the model was shipped (stop 38; bench/eval_live_scenes.py), minus a
margin. Slurs shouted now (`insult`) are not counted as danger (the bench says why)."""

from __future__ import annotations

from pathlib import Path

import yaml

from knowledge.base import Knowledge

DEV = Path(__file__).parent / "data" / "dev"
NEVER_TRAINED_SCENES = ("cc", "ci", "ck", "cm", "cn", "cs", "cw", "ec")
NEVER_TRAINED_CALM = ("cj", "cl", "co", "ct", "ed")


def _texts(pattern: str, writers: tuple[str, ...], *, without: str | None = None) -> list[str]:
    found = []
    for writer in writers:
        for path in sorted(DEV.glob(pattern.format(writer))):
            categories = yaml.safe_load(path.read_text(encoding="utf-8"))["categories"]
            found += [t for c, texts in categories.items() if c != without for t in texts]
    return found


def test_scenes_by_writers_never_trained_on_reach_110(knowledge: Knowledge) -> None:
    scenes = _texts("live-scenes-{}-*.yaml", NEVER_TRAINED_SCENES, without="insult")
    assert len(scenes) == 1078
    found = sum(knowledge.understander.danger(t).danger for t in scenes)
    assert found / len(scenes) >= 0.90  # measured 998 of 1,078 (92.6 %; EC was read in stop 38)


def test_shaken_messages_with_nobody_in_danger_rarely_get_110(knowledge: Knowledge) -> None:
    calm = _texts("near-now-{}-*.yaml", NEVER_TRAINED_CALM)
    assert len(calm) == 800
    alarmed = sum(knowledge.understander.danger(t).danger for t in calm)
    assert alarmed / len(calm) <= 0.05  # measured 23 of 800 (2.9 %)
