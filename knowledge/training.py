"""Trains the understanding model with scikit-learn (imported only here, at build/reload).

Deterministic: sorted, de-duplicated examples (knowledge.examples), a sorted vocabulary,
fixed seeds and solvers without randomness. The recipe was chosen by cross-validation on
the training corpus (bench/cv_understanding.py), where the alternatives are compared.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression

from knowledge.examples import TrainingSet
from knowledge.features import analyse
from knowledge.model import Head, Model, Vectorizer

SEED = 0
MIN_DF = 1
GROUP_WEIGHTS = (1.0, 1.0, 1.0)  # characters, words, concepts
CATEGORY_C = 20.0
DANGER_C = 10.0
LANG_C = 10.0


def matrix(vectorizer: Vectorizer, token_lists: Sequence[list[str]]) -> csr_matrix:
    data, indices, indptr = [], [], [0]
    for tokens in token_lists:
        idx, values = vectorizer.transform(tokens)
        order = np.argsort(idx)
        indices.append(idx[order])
        data.append(values[order])
        indptr.append(indptr[-1] + len(idx))
    return csr_matrix(
        (np.concatenate(data) if data else [], np.concatenate(indices) if indices else [], indptr),
        shape=(len(token_lists), len(vectorizer.vocabulary)),
        dtype=np.float32,
    )


def category_estimator(c: float = CATEGORY_C) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, random_state=SEED)


def binary_estimator(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=3000, class_weight="balanced", random_state=SEED)


def _head(estimator, kind: str) -> Head:  # type: ignore[no-untyped-def]
    coef = np.asarray(estimator.coef_, dtype=np.float32).T
    intercept = np.atleast_1d(np.asarray(estimator.intercept_, dtype=np.float32))
    return Head(tuple(str(c) for c in estimator.classes_), coef, intercept, kind)


def danger_rows(training: TrainingSet) -> tuple[list[str], list[str]]:
    """Danger now vs everything else: not_danger_now and every category example."""
    texts = [e.text for e in training.danger] + [e.text for e in training.categories]
    labels = [e.label for e in training.danger] + ["safe"] * len(training.categories)
    return texts, labels


def language_rows(training: TrainingSet) -> tuple[list[str], list[str]]:
    rows = sorted({(e.text, e.lang) for e in (*training.categories, *training.danger)})
    return [t for t, _ in rows], [lang for _, lang in rows]


class Featurizer:
    """Analyses each distinct text once; the three heads share the results."""

    def __init__(self, texts: Sequence[str]):
        self.tokens = {t: analyse(t) for t in sorted(set(texts))}

    def vectorizer(self, texts: Sequence[str], min_df: int = MIN_DF,
                   group_weights: tuple[float, ...] = GROUP_WEIGHTS) -> Vectorizer:
        return Vectorizer.fit([self.tokens[t] for t in sorted(set(texts))], min_df, group_weights)

    def matrix(self, vec: Vectorizer, texts: Sequence[str]) -> csr_matrix:
        return matrix(vec, [self.tokens[t] for t in texts])


def train(training: TrainingSet, key: str, *, min_df: int = MIN_DF,
          group_weights: tuple[float, ...] = GROUP_WEIGHTS) -> Model:
    """Fit one vocabulary on every example and the three heads on it."""
    all_texts = [e.text for e in (*training.categories, *training.danger)]
    feats = Featurizer(all_texts)
    vec = feats.vectorizer(all_texts, min_df, group_weights)
    heads: dict[str, Head] = {}
    if len({e.label for e in training.categories}) >= 2:
        est = category_estimator().fit(
            feats.matrix(vec, [e.text for e in training.categories]), [e.label for e in training.categories]
        )
        heads["category"] = _head(est, "softmax")
    texts, labels = danger_rows(training)
    if len(set(labels)) == 2:
        heads["danger"] = _head(binary_estimator(DANGER_C).fit(feats.matrix(vec, texts), labels), "sigmoid")
    texts, labels = language_rows(training)
    if len(set(labels)) == 2:
        heads["lang"] = _head(binary_estimator(LANG_C).fit(feats.matrix(vec, texts), labels), "sigmoid")
    return Model(key, vec, heads)


def fit_predict(feats: Featurizer, train_texts: Sequence[str], train_labels: Sequence[str],
                test_texts: Sequence[str], estimator: object, min_df: int = MIN_DF,
                group_weights: tuple[float, ...] = GROUP_WEIGHTS) -> np.ndarray:
    """Scores of `estimator` trained on one fold (for cross-validation)."""
    vec = feats.vectorizer(train_texts, min_df, group_weights)
    estimator.fit(feats.matrix(vec, train_texts), train_labels)  # type: ignore[attr-defined]
    x_test = feats.matrix(vec, test_texts)
    if hasattr(estimator, "decision_function"):
        return estimator.decision_function(x_test)  # type: ignore[attr-defined]
    return estimator.predict_log_proba(x_test)  # type: ignore[attr-defined]
