"""Trains the understanding model with scikit-learn (imported only here, at build/reload).

Deterministic: sorted, de-duplicated examples (knowledge.examples), a sorted vocabulary,
fixed seeds and solvers without randomness. The recipe was chosen by cross-validation on
the training corpus (bench/cv_understanding.py), where the alternatives are compared.
"""

from __future__ import annotations

import gc
from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.svm import LinearSVC

from knowledge.examples import TrainingSet
from knowledge.concepts import concepts
from knowledge.features import analyse, fold
from knowledge.model import Head, Model, Vector, Vectorizer

SEED = 0
MIN_DF = 1
# Weights of the feature groups (characters, words, concepts) per head, by CV: the
# danger concepts help the danger head and blur the categories.
CATEGORY_WEIGHTS = (1.0, 1.0, 0.0)
DANGER_WEIGHTS = (1.0, 1.0, 1.0)
LANG_WEIGHTS = (1.0, 1.0, 0.0)
CATEGORY_C = 1.0
# LinearSVC has no probabilities: softmax(SOFTMAX_SCALE * decision) is calibrated by CV
# (lowest log-loss of the out-of-fold decisions), and folded into the exported weights.
SOFTMAX_SCALE = 6.0
DANGER_C = 1.0
LANG_C = 1.0
SIGMOID_SCALE = 3.0  # binary heads: p = sigmoid(SIGMOID_SCALE * decision)


def matrix(vectors: Sequence[Vector], n_features: int, weights: tuple[float, ...]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for vector in vectors:
        order = np.argsort(vector.idx)
        indices.append(vector.idx[order])
        data.append(vector.weigh(weights)[order])
        indptr.append(indptr[-1] + len(vector))
    return csr_matrix(
        (np.concatenate(data) if data else [], np.concatenate(indices) if indices else [], indptr),
        shape=(len(vectors), n_features),
        dtype=np.float32,
    )


# The solver stops at this tolerance: 1e-3 gave the same cross-validated predictions as
# the default 1e-4 on every example (3,953 categories, 6,821 danger rows), 20 % faster.
TOL = 1e-3


def category_estimator(c: float = CATEGORY_C) -> LinearSVC:
    """Measured best by CV (bench/cv_understanding.py --all) and 15x faster than LogReg."""
    return LinearSVC(C=c, random_state=SEED, tol=TOL)


def binary_estimator(c: float) -> LinearSVC:
    """Balanced classes: danger_now examples are few against all the others."""
    return LinearSVC(C=c, class_weight="balanced", random_state=SEED, tol=TOL)


def _head(estimator, kind: str, weights: tuple[float, ...], scale: float = 1.0) -> Head:  # type: ignore[no-untyped-def]
    coef = np.asarray(estimator.coef_, dtype=np.float32).T * scale
    intercept = np.atleast_1d(np.asarray(estimator.intercept_, dtype=np.float32)) * scale
    return Head(tuple(str(c) for c in estimator.classes_), weights, coef, intercept, kind)


def danger_rows(training: TrainingSet) -> tuple[list[str], list[str]]:
    """Danger now vs everything else: not_danger_now and every category example."""
    texts = [e.text for e in training.danger] + [e.text for e in training.categories]
    labels = [e.label for e in training.danger] + ["safe"] * len(training.categories)
    return texts, labels


def language_rows(training: TrainingSet) -> tuple[list[str], list[str]]:
    rows = sorted({(e.text, e.lang) for e in (*training.categories, *training.danger) if e.lang})
    return [t for t, _ in rows], [lang for _, lang in rows]


class Featurizer:
    """Analyses each distinct text once; the three heads share the results."""

    def __init__(self, texts: Sequence[str]):
        self.tokens: dict[str, list[str]] = {}
        self._read: dict[str, tuple[str, set[str]]] = {}  # text -> (folded, concepts)
        for t in sorted(set(texts)):
            folded = fold(t)
            found = concepts(folded, t)
            self._read[t] = (folded, found)
            self.tokens[t] = analyse(t, folded, found)
        self._vectorizer: Vectorizer | None = None
        self._vectors: dict[str, Vector] = {}

    def vectorizer(self, texts: Sequence[str], min_df: int = MIN_DF) -> Vectorizer:
        return Vectorizer.fit([self.tokens[t] for t in sorted(set(texts))], min_df)

    def matrix(self, vec: Vectorizer, texts: Sequence[str], weights: tuple[float, ...]) -> csr_matrix:
        if self._vectorizer is not vec:  # vectors belong to one vocabulary
            self._vectorizer, self._vectors = vec, {}
        cache = self._vectors
        for t in texts:
            if t not in cache:  # the scorer's own fast path: the same vector (tested)
                cache[t] = vec.transform_folded(*self._read[t])
        return matrix([cache[t] for t in texts], len(vec.vocabulary), weights)


def train(training: TrainingSet, key: str, *, min_df: int = MIN_DF) -> Model:
    """Fit one vocabulary on every example and the three heads on it. The garbage collector
    waits meanwhile: training makes millions of short-lived objects and no cycles, and its
    passes over them cost about a tenth of the time."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _train(training, key, min_df)
    finally:
        if was_enabled:
            gc.enable()


def _train(training: TrainingSet, key: str, min_df: int) -> Model:
    all_texts = [e.text for e in (*training.categories, *training.danger)]
    feats = Featurizer(all_texts)
    vec = feats.vectorizer(all_texts, min_df)
    heads: dict[str, Head] = {}
    if len({e.label for e in training.categories}) >= 2:
        x = feats.matrix(vec, [e.text for e in training.categories], CATEGORY_WEIGHTS)
        est = category_estimator().fit(x, [e.label for e in training.categories])
        heads["category"] = _head(est, "softmax", CATEGORY_WEIGHTS, SOFTMAX_SCALE)
    texts, labels = danger_rows(training)
    if len(set(labels)) == 2:
        est = binary_estimator(DANGER_C).fit(feats.matrix(vec, texts, DANGER_WEIGHTS), labels)
        heads["danger"] = _head(est, "sigmoid", DANGER_WEIGHTS, SIGMOID_SCALE)
    texts, labels = language_rows(training)
    if len(set(labels)) == 2:
        est = binary_estimator(LANG_C).fit(feats.matrix(vec, texts, LANG_WEIGHTS), labels)
        heads["lang"] = _head(est, "sigmoid", LANG_WEIGHTS, SIGMOID_SCALE)
    return Model(key, vec, heads)


def fit_predict(feats: Featurizer, train_texts: Sequence[str], train_labels: Sequence[str],
                test_texts: Sequence[str], estimator: object, min_df: int,
                weights: tuple[float, ...]) -> np.ndarray:
    """Scores of `estimator` trained on one fold (for cross-validation)."""
    vec = feats.vectorizer(train_texts, min_df)
    estimator.fit(feats.matrix(vec, train_texts, weights), train_labels)  # type: ignore[attr-defined]
    x_test = feats.matrix(vec, test_texts, weights)
    if hasattr(estimator, "decision_function"):
        return estimator.decision_function(x_test)  # type: ignore[attr-defined]
    return estimator.predict_log_proba(x_test)  # type: ignore[attr-defined]


def training_set(k) -> TrainingSet:  # type: ignore[no-untyped-def]
    """What a knowledge base trains on (as knowledge.base.load builds it)."""
    from knowledge.base import neutral_texts

    return TrainingSet.build(k.examples, sorted(k.categories), neutral_texts(k.places))


def main() -> int:
    """Retrain from the shipped examples and write the shipped artifact (release step;
    tests/test_understanding_model.py fails while it is stale)."""
    import time

    from knowledge.base import default_dir, load
    from knowledge.model import ARTIFACT, model_key

    k = load(check_references=False)
    training = training_set(k)
    start = time.perf_counter()
    model = train(training, model_key(training))
    path = default_dir() / ARTIFACT
    path.write_bytes(model.to_bytes())
    print(f"{path}: {model.vocabulary_size} features, trained in {time.perf_counter() - start:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

