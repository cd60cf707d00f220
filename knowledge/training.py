"""Trains the understanding model with scikit-learn (imported only here, at build/reload).

Deterministic: sorted, de-duplicated examples (knowledge.examples), fixed seeds, and
solvers without randomness. The recipe was chosen by cross-validation on the training
corpus (bench/eval_understanding.py --cv); the alternatives measured are kept here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression

from knowledge.examples import TrainingSet
from knowledge.features import analyse
from knowledge.model import Head, Model

SEED = 0
MIN_DF = 1
CATEGORY_C = 20.0
DANGER_C = 10.0
LANG_C = 10.0


def vectorizer(min_df: int = MIN_DF) -> TfidfVectorizer:
    return TfidfVectorizer(analyzer=analyse, sublinear_tf=True, min_df=min_df, dtype=np.float32)


def category_estimator(c: float = CATEGORY_C) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, random_state=SEED)


def binary_estimator(c: float) -> LogisticRegression:
    return LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=SEED)


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


def train(
    training: TrainingSet,
    key: str,
    *,
    category: Callable[[], object] = category_estimator,
    min_df: int = MIN_DF,
) -> Model:
    """Fit one vocabulary on every example and the three heads on it."""
    vec = vectorizer(min_df)
    all_texts = sorted({e.text for e in (*training.categories, *training.danger)})
    vec.fit(all_texts)
    heads: dict[str, Head] = {}
    cat_texts = [e.text for e in training.categories]
    if len({e.label for e in training.categories}) >= 2:
        est = category()
        est.fit(vec.transform(cat_texts), [e.label for e in training.categories])  # type: ignore[attr-defined]
        heads["category"] = _head(est, "softmax")
    texts, labels = danger_rows(training)
    if len(set(labels)) == 2:
        est = binary_estimator(DANGER_C).fit(vec.transform(texts), labels)
        heads["danger"] = _head(est, "sigmoid")
    texts, labels = language_rows(training)
    if len(set(labels)) == 2:
        est = binary_estimator(LANG_C).fit(vec.transform(texts), labels)
        heads["lang"] = _head(est, "sigmoid")
    vocabulary = [""] * len(vec.vocabulary_)
    for feature, i in vec.vocabulary_.items():
        vocabulary[i] = feature
    return Model(key, vocabulary, np.asarray(vec.idf_, dtype=np.float32), heads)


def fit_predict(
    train_texts: Sequence[str],
    train_labels: Sequence[str],
    test_texts: Sequence[str],
    estimator: object,
    min_df: int = MIN_DF,
) -> np.ndarray:
    """Decision scores of `estimator` trained on one fold (for cross-validation)."""
    vec = vectorizer(min_df)
    x = vec.fit_transform(train_texts)
    estimator.fit(x, train_labels)  # type: ignore[attr-defined]
    return estimator.decision_function(vec.transform(test_texts))  # type: ignore[attr-defined]
