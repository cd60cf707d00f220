"""The concept memory: a training that recalls the concepts of texts seen before gives the
model a training that works them all out gives, and a memory of other rules is none."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import numpy as np
import pytest

import knowledge.concept_memory as cm
import knowledge.training as tr
from knowledge.base import Knowledge, default_dir
from knowledge.examples import TrainingSet
from knowledge.model import model_key
from knowledge.solver_process import concepts_of


def _small(training: TrainingSet, each: int = 25) -> TrainingSet:
    """A few examples of every category and of danger now or not: seconds, not minutes."""
    def sample(examples):  # type: ignore[no-untyped-def]
        by_label: dict[str, list] = {}
        for e in examples:
            by_label.setdefault(e.label, []).append(e)
        return tuple(sorted((e for rows in by_label.values() for e in tr.evenly_spaced(rows, each)),
                            key=lambda e: (e.label, e.lang, e.text)))

    return TrainingSet(sample(training.categories), sample(training.danger), training.category_ids)


@pytest.fixture(scope="module")
def small(knowledge: Knowledge) -> TrainingSet:
    return _small(tr.training_set(knowledge))


def test_a_training_that_recalls_gives_the_same_model_and_needs_no_concepts(
        small: TrainingSet, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    key = model_key(small)
    memory = cm.ConceptMemory(cm.rules_digest())
    first = tr.train(small, key, memory=memory)
    danger_texts = set(tr.danger_rows(small)[0])
    assert len(memory) == len(danger_texts)  # it now holds exactly this training's texts
    memory.write(tmp_path / "memory.npz")
    again = cm.ConceptMemory.read([tmp_path / "missing.npz", tmp_path / "memory.npz"])
    assert set(again.recall(danger_texts)) == danger_texts

    def worked_out(*args: object) -> set[str]:
        raise AssertionError("a recalled text's concepts were worked out again")

    monkeypatch.setattr(tr, "concepts", worked_out)
    monkeypatch.setattr(tr, "SolverProcess", _NoHelper)  # the helper's import is out of reach
    recalled = tr.train(small, key, memory=again)
    assert recalled.to_bytes() == first.to_bytes()


class _NoHelper(tr.SolverProcess):
    def __enter__(self) -> tr.SolverProcess:
        return self  # no second process: every job runs here, under the test's patches


def test_what_is_not_remembered_is_worked_out(small: TrainingSet) -> None:
    texts = sorted(set(tr.danger_rows(small)[0]))
    memory = cm.ConceptMemory(cm.rules_digest())
    memory.hold(concepts_of(texts[::2]))  # half of them
    partly = tr.train(small, model_key(small), memory=memory)
    assert len(memory) == len(texts)
    assert partly.to_bytes() == tr.train(small, model_key(small)).to_bytes()


def test_a_memory_of_other_rules_or_unreadable_is_no_memory(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    other = cm.ConceptMemory("rules-of-yesterday")
    other.hold({"es klopft gerade": ("now",)})
    other.write(tmp_path / "old.npz")
    assert len(cm.ConceptMemory.read([tmp_path / "old.npz"])) == 0
    (tmp_path / "broken.npz").write_bytes(b"not a memory")
    with caplog.at_level(logging.WARNING):
        assert len(cm.ConceptMemory.read([tmp_path / "broken.npz"])) == 0
    assert "unreadable concept memory broken.npz" in caplog.text


def test_the_file_holds_digests_of_the_texts_not_the_texts(tmp_path: Path) -> None:
    memory = cm.ConceptMemory(cm.rules_digest())
    memory.hold({"Herr Beispielmann steht vor meiner Tür": ("now+person",)})
    memory.write(tmp_path / "m.npz")
    with np.load(tmp_path / "m.npz") as npz:
        stored = b"".join(npz[name].tobytes() for name in npz.files)
    assert b"Beispielmann" not in stored
    assert cm.ConceptMemory.read([tmp_path / "m.npz"]).recall(["Herr Beispielmann steht vor meiner Tür"]) \
        == {"Herr Beispielmann steht vor meiner Tür": ("now+person",)}


def test_the_cache_keeps_the_current_memory_and_the_one_before(tmp_path: Path) -> None:
    for n, digest in enumerate(("a", "b", "c")):
        memory = cm.ConceptMemory(digest)
        memory.hold({f"text {n}": ()})
        memory.keep_in_cache(tmp_path)
        path = cm.cached_path(tmp_path, digest)
        mtime = path.stat().st_mtime
        os.utime(path, (mtime + n, mtime + n))  # a later training writes a later file
    assert sorted(p.name for p in (tmp_path / "concepts").glob("*.npz")) == ["b.npz", "c.npz"]


def test_the_shipped_memory_holds_every_text_the_danger_head_learns(knowledge: Knowledge, tmp_path: Path) -> None:
    """Else a fresh checkout's first retraining works them out again: run
    `python -m knowledge.training` (it writes the model and this memory)."""
    memory = cm.recalled(tmp_path, [default_dir()])
    texts = set(tr.danger_rows(tr.training_set(knowledge))[0])
    assert len(memory.recall(texts)) == len(texts)
