"""The second training process: the same weights as a fit here, and a fit here when it fails."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from scipy.sparse import csr_matrix
from sklearn.svm import LinearSVC

import knowledge.solver_process as sp


def _data() -> tuple[csr_matrix, list[str]]:
    rng = np.random.default_rng(0)
    x = csr_matrix(rng.random((60, 40)) * (rng.random((60, 40)) > 0.7))
    sums = np.asarray(x.sum(axis=1)).ravel()
    y = ["a" if s > np.median(sums) else "b" for s in sums]
    return x, y


def test_the_process_fits_exactly_what_a_fit_here_gives() -> None:
    x, y = _data()
    here = LinearSVC(random_state=0, tol=1e-3).fit(x, y)
    with sp.SolverProcess() as solver:
        there, = solver.fit_each(x, [(LinearSVC(random_state=0, tol=1e-3), y)]).result()
    assert np.array_equal(there.coef_, here.coef_) and np.array_equal(there.intercept_, here.intercept_)


# A second process that dies at once, or writes something that is no result.
FAILING = ["import sys; sys.exit(3)", "import sys; sys.stdout.write('garbage')"]


def _start_instead(monkeypatch: pytest.MonkeyPatch, child: str) -> None:
    real = subprocess.Popen

    def broken(args, **kwargs):  # type: ignore[no-untyped-def]
        return real([sys.executable, "-c", child], **kwargs)

    monkeypatch.setattr(sp.subprocess, "Popen", broken)


@pytest.mark.parametrize("child", FAILING)
def test_a_failing_process_leaves_the_fit_to_this_one(monkeypatch: pytest.MonkeyPatch, child: str) -> None:
    _start_instead(monkeypatch, child)
    x, y = _data()
    with sp.SolverProcess() as solver:
        fitted, = solver.fit_each(x, [(LinearSVC(random_state=0, tol=1e-3), y)]).result()
    assert np.array_equal(fitted.coef_, LinearSVC(random_state=0, tol=1e-3).fit(x, y).coef_)


def test_no_process_when_none_can_start(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError("no processes here")

    monkeypatch.setattr(sp.subprocess, "Popen", refuse)
    x, y = _data()
    with sp.SolverProcess() as solver:
        fitted, = solver.fit_each(x, [(LinearSVC(random_state=0, tol=1e-3), y)]).result()
        assert fitted.coef_.shape == (1, 40)


TEXTS = [
    "Er steht gerade vor meiner Tür und schreit", "letzte Woche hat jemand mein Auto zerkratzt",
    "they keep posting my address in a telegram group", "hilfr", "seit der ausfahrt fährt mir einer hinterher",
    "Sehr geehrte Damen und Herren, ich wurde in der Sitzung beleidigt.", "my car is on fire", "nö",
]


def test_the_process_finds_the_same_concepts_and_the_features_are_the_same() -> None:
    from knowledge.training import Featurizer

    with sp.SolverProcess() as helper:
        assert helper.concepts(TEXTS).result() == sp.concepts_of(TEXTS)
    alone = Featurizer(TEXTS)
    with sp.SolverProcess() as helper:
        shared = Featurizer(TEXTS, helper)
    for feats in (alone, shared):
        feats.vec = feats.vectorizer(TEXTS)
    assert alone.vec.vocabulary == shared.vec.vocabulary
    difference = alone.matrix(alone.vec, TEXTS, (1.0, 1.0, 1.0)) - shared.matrix(shared.vec, TEXTS, (1.0, 1.0, 1.0))
    assert difference.nnz == 0


@pytest.mark.parametrize("child", FAILING)
def test_when_the_process_fails_at_the_concepts_every_job_runs_here(monkeypatch: pytest.MonkeyPatch, child: str) -> None:
    _start_instead(monkeypatch, child)
    x, y = _data()
    with sp.SolverProcess() as helper:
        found = helper.concepts(TEXTS)
        fitted = helper.fit_each(x, [(LinearSVC(random_state=0, tol=1e-3), y)])
        assert found.result() == sp.concepts_of(TEXTS)
        assert np.array_equal(fitted.result()[0].coef_, LinearSVC(random_state=0, tol=1e-3).fit(x, y).coef_)
