"""Trains the understanding model with scikit-learn (imported only here, at build/reload).

Deterministic: sorted, de-duplicated examples (knowledge.examples), a sorted vocabulary,
fixed seeds and solvers without randomness. The recipe was chosen by cross-validation on
the training corpus (bench/cv_understanding.py), where the alternatives are compared.
"""

from __future__ import annotations

import gc
import hashlib
import math
from collections.abc import Collection, Mapping, Sequence
from pathlib import Path
from typing import TypeVar

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from sklearn.svm import LinearSVC

from knowledge.concept_memory import SHIPPED, ConceptMemory, recalled
from knowledge.examples import OUT_OF_SCOPE, Example, TrainingSet
from knowledge.concepts import concepts
from knowledge.features import char_grams, fold
from knowledge.model import GROUPS, Head, Model, Vectorizer
from knowledge.solver_process import SolverProcess

T = TypeVar("T")

SEED = 0
MIN_DF = 2  # a feature seen in one example only: same cross-validated accuracy (94.40 % vs 94.41 %), half the vocabulary
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
# The hard negatives (not_danger_now: the past, negated, over, a threat's words, a figure
# of speech) weigh this much against the easy ones (the everyday category examples): the boundary
# runs between them and danger now. By CV and development set; figures in BENCHMARKS.md.
HARD_NEGATIVE_WEIGHT = 3.0
LANG_C = 1.0
SIGMOID_SCALE = 3.0  # binary heads: p = sigmoid(SIGMOID_SCALE * decision)


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


# The category head is one-vs-rest: one binary fit per category, as LinearSVC does inside
# (the weights agree to 1e-4, the solver's tolerance). Fitted one by one, the fits split
# between the two processes: the second takes this share, this one the rest beside the
# danger and language heads (measured: the two then finish within 0.15 s of each other).
SHARE_THERE = 0.6


def category_rows(training: TrainingSet) -> tuple[list[str], list[frozenset[str]]]:
    """Each distinct category example text once, with its labels: a text an admin put under
    two categories (a threat inside an insult) is an example of both, so each of the two
    one-vs-rest fits learns it as its own instead of the other's."""
    labels: dict[str, set[str]] = {}
    for e in training.categories:
        labels.setdefault(e.text, set()).add(e.label)
    texts = sorted(labels)
    return texts, [frozenset(labels[t]) for t in texts]


def _category_jobs(labels: Sequence[frozenset[str]]) -> list[tuple[LinearSVC, np.ndarray]]:
    return [(category_estimator(), np.array([c in row for row in labels])) for c in _classes(labels)]


def _classes(labels: Sequence[frozenset[str]]) -> tuple[str, ...]:
    return tuple(sorted(set().union(*labels))) if labels else ()


def _category_head(labels: Sequence[frozenset[str]], fitted: Sequence[LinearSVC]) -> Head:
    coef = np.vstack([np.asarray(e.coef_, dtype=np.float32)[0] for e in fitted]).T * SOFTMAX_SCALE
    intercept = np.asarray([e.intercept_[0] for e in fitted], dtype=np.float32) * SOFTMAX_SCALE
    return Head(_classes(labels), CATEGORY_WEIGHTS, coef, intercept, "softmax")


# The danger head learns what is no emergency from not_danger_now and from at most this many
# examples of each category, evenly spaced in its sorted list (a deterministic sample across
# writers): only those texts need concepts, the slowest part of training. With 12,700 category
# examples, 800 each kept the development dangers and false alarms within two messages of
# all of them (99.5-99.7 % of 2,105, 1.9-2.0 % of 4,380) and took training from 6.0-6.4 s
# to 4.9-5.1 s (BENCHMARKS.md, "The night of 4 December"). With 21,500 category examples (6
# December), 1,600 each cut the false alarms on the writers' reports by a fifth (106 -> 82 of
# 6,444 in bench/cv_danger_writers.py; dangers 3,697 -> 3,695 of 3,765) for 1.7 s more training.
EVERYDAY_CAP = 1600


def danger_rows(training: TrainingSet) -> tuple[list[str], list[str], list[float]]:
    """Danger now vs everything else (not_danger_now and the everyday category examples),
    and the weight of each row (HARD_NEGATIVE_WEIGHT for not_danger_now)."""
    others = everyday_examples(training)
    texts = [e.text for e in training.danger] + [e.text for e in others]
    labels = [e.label for e in training.danger] + ["safe"] * len(others)
    weights = [HARD_NEGATIVE_WEIGHT if e.label == "safe" and e.lang else 1.0 for e in training.danger]
    return texts, labels, weights + [1.0] * len(others)


def everyday_examples(training: TrainingSet) -> list[Example]:
    """Each category's examples, at most EVERYDAY_CAP of them: those whose texts hash lowest,
    in the order of its sorted list. An example an admin adds or removes changes at most one
    pick, so teaching one category does not reshuffle what the danger head learns from all
    (evenly spaced picks moved half of them with each new example, and with them verdicts
    near the threshold). A live scene an admin lists under a category and under danger_now
    (what happened, and that it is happening) is no everyday message."""
    live = {e.text for e in training.danger if e.label == "danger"}
    by_label: dict[str, list[Example]] = {}
    for e in training.categories:
        # Not the out-of-scope messages: with their harmless "Drohung", "Polizei", "Angriff"
        # the danger head missed 3 more of 272 live scenes by writers never read (CS, CW).
        if e.text not in live and e.label != OUT_OF_SCOPE:
            by_label.setdefault(e.label, []).append(e)
    picked = [e for examples in by_label.values() for e in stable_sample(examples, EVERYDAY_CAP)]
    seen: set[str] = set()  # a text with two labels is one everyday message
    return [e for e in picked if not (e.text in seen or seen.add(e.text))]


def stable_sample(examples: Sequence[Example], cap: int) -> list[Example]:
    """The `cap` examples whose texts hash lowest (all if fewer), in their given order."""
    if len(examples) <= cap:
        return list(examples)
    ranked = sorted(range(len(examples)), key=lambda i: hashlib.blake2b(examples[i].text.encode(), digest_size=8).digest())
    return [examples[i] for i in sorted(ranked[:cap])]


def evenly_spaced(items: Sequence[T], cap: int) -> list[T]:
    """At most `cap` of `items`, evenly spaced from the first on (all of them if fewer)."""
    step = max(len(items) / cap, 1.0)
    return [items[int(i * step)] for i in range(min(len(items), cap))]


# The language head learns German against English from at most this many texts of each,
# evenly spaced in their sorted list: telling the two apart needs far fewer than the
# 19,000 examples (measured: the held-out language figures unchanged, training 0.2 s faster).
LANGUAGE_CAP = 2000


def language_rows(training: TrainingSet) -> tuple[list[str], list[str]]:
    rows = sorted({(e.text, e.lang) for e in (*training.categories, *training.danger) if e.lang})
    chosen = [row for lang in sorted({lang for _, lang in rows})
              for row in evenly_spaced([row for row in rows if row[1] == lang], LANGUAGE_CAP)]
    return [t for t, _ in chosen], [lang for _, lang in chosen]


# The share of the texts whose concepts this process works out when a helper process takes
# the rest: this one also makes every text's n-grams (about a third of the work since only
# the danger head's texts need concepts).
HERE_SHARE = 0.3


class Featurizer:
    """Analyses each distinct text once; the three heads share the results.

    Every feature name gets a number once (a word's character n-grams once per distinct
    word), and one sparse product counts them for every text, so the vocabulary, the idf and each
    head's matrix are built with numpy in bulk: the same TF-IDF as `Vectorizer.fit` and
    `transform` (tested), several times faster than text by text. The feature names are
    spelled out here rather than taken from `analyse` per text, which cost a second more
    (measured); tests/test_understanding_model.py holds the two to the same features."""

    def __init__(self, texts: Sequence[str], helper: SolverProcess | None = None,
                 conceptual: Collection[str] | None = None, known: Mapping[str, tuple[str, ...]] | None = None):
        """With a `helper`, the second process works out the concepts (the slowest part) of
        the texts after the first HERE_SHARE, while this one works out the first texts'
        concepts and every text's n-grams; only then does it wait for the helper's (measured on
        5 December, 12,800 texts with concepts of 18,800, after the concepts' expressions were
        gated: with 0.3 the two finish within 0.05 s of each other, with 0.2 this one waited
        0.3-0.4 s). Only the `conceptual` texts (default: all) get concepts: a head that weighs
        concepts at 0 needs none; those in `known` (knowledge.concept_memory) are taken from
        it. `found` then holds every conceptual text's concepts, sorted."""
        numbers: dict[str, int] = {}  # feature name -> its number, in order of first sight
        number = numbers.setdefault  # number(name, len(numbers)): C speed, no call per name
        distinct = sorted(set(texts))
        chosen = None if conceptual is None else set(conceptual)
        known = known or {}
        wanted = [t for t in distinct if (chosen is None or t in chosen) and t not in known]
        self.found = {t: known[t] for t in distinct if (chosen is None or t in chosen) and t in known}
        lent = int(len(wanted) * HERE_SHARE) if helper is not None else len(wanted)
        mine, theirs = set(wanted[:lent]), wanted[lent:]
        pending = helper.concepts(theirs) if helper is not None else None
        self.tokens = {t: i for i, t in enumerate(distinct)}  # text -> its row
        every_word: list[str] = []  # every word of every text, in order
        word_counts: list[int] = []
        concept_rows: list[int] = []
        concept_ids: list[int] = []
        for row, t in enumerate(distinct):
            folded = fold(t)
            words = folded.split()
            every_word += words
            word_counts.append(len(words))
            if t in mine:
                self.found[t] = tuple(sorted(concepts(folded, t)))
            if t in self.found:
                found = [number(f"k:{c}", len(numbers)) for c in self.found[t]]
                concept_ids += found
                concept_rows += [row] * len(found)
        # Each distinct word once: its "w:" feature and its character n-grams, as a row of
        # `spelled`; each text counts its words (`told`), and the product of the two counts
        # every text's features in C (a loop over the 650,000 words had been a third of it).
        word_index = {w: i for i, w in enumerate(dict.fromkeys(every_word))}
        spelled_ids: list[int] = []
        spelled_lengths: list[int] = []
        for word in word_index:
            grams = [number(g, len(numbers)) for g in (f"w:{word}", *char_grams(word))]
            spelled_ids += grams
            spelled_lengths.append(len(grams))
        spelled_ptr = np.concatenate(([0], np.cumsum(spelled_lengths, dtype=np.int64)))
        spelled_numbers = np.asarray(spelled_ids, dtype=np.int64)
        word_ids = np.fromiter(map(word_index.__getitem__, every_word), dtype=np.int64, count=len(every_word))
        word_numbers = spelled_numbers[spelled_ptr[:-1]][word_ids]  # each word's "w:" number
        del every_word
        self._names = list(numbers)
        pair_rows, pair_ids = self._word_pairs(word_numbers, word_counts)
        size = max(len(self._names), 1)
        told = csr_matrix((np.ones(len(word_ids), dtype=np.int64), word_ids,
                           np.concatenate(([0], np.cumsum(word_counts, dtype=np.int64)))),
                          shape=(len(distinct), len(word_index)))
        spelled = csr_matrix((np.ones(len(spelled_numbers), dtype=np.int64), spelled_numbers, spelled_ptr),
                             shape=(len(word_index), size))
        counted = (told @ spelled + self._entries(len(distinct), concept_rows, concept_ids, pair_rows, pair_ids)).tocsr()
        counted.sum_duplicates()  # per text (a row): its distinct feature numbers, ascending, and their counts
        if pending is not None:  # the helper's concepts, added once all the rest is counted
            borrowed = pending.result()
            concept_rows, concept_ids = [], []
            for t in theirs:
                self.found[t] = borrowed[t]
                found = [self._number(numbers, f"k:{c}") for c in borrowed[t]]
                concept_ids += found
                concept_rows += [self.tokens[t]] * len(found)
            if concept_ids:
                shape = (len(distinct), len(self._names))
                counted = csr_matrix((counted.data, counted.indices, counted.indptr), shape=shape) \
                    + self._entries(len(distinct), concept_rows, concept_ids).tocsr()
        self._features = np.ascontiguousarray(counted.indices, dtype=np.int64)
        self._counts = np.ascontiguousarray(counted.data, dtype=np.int64)
        self._indptr = np.ascontiguousarray(counted.indptr, dtype=np.int64)
        self._vectorizer: Vectorizer | None = None
        self._grouped: csr_matrix | None = None
        self._to_vocabulary = np.zeros(0, dtype=np.int64)

    def _number(self, numbers: dict[str, int], name: str) -> int:
        """The number of a feature named after the word pairs were numbered."""
        found = numbers.get(name)
        if found is None:
            found = numbers[name] = len(self._names)
            self._names.append(name)
        return found

    def _entries(self, count: int, rows: list[int], ids: list[int],
                 more_rows: np.ndarray | None = None, more_ids: np.ndarray | None = None) -> coo_matrix:
        """A count of one at each (row, feature number)."""
        r = np.asarray(rows, dtype=np.int64)
        c = np.asarray(ids, dtype=np.int64)
        if more_rows is not None and more_ids is not None:
            r, c = np.concatenate((r, more_rows)), np.concatenate((c, more_ids))
        return coo_matrix((np.ones(len(c), dtype=np.int64), (r, c)), shape=(count, max(len(self._names), 1)))

    def _word_pairs(self, numbers: np.ndarray, word_counts: list[int]) -> tuple[np.ndarray, np.ndarray]:
        """Each text's word bigrams ("w:a b") as (row, feature number), numbered in bulk after
        every other feature: half a million bigrams, one f-string and dictionary call each,
        had been a fifth of this process's part (measured)."""
        word_rows = np.repeat(np.arange(len(word_counts)), word_counts)
        same_text = word_rows[:-1] == word_rows[1:]
        pairs = (numbers[:-1] << 32 | numbers[1:])[same_text]
        unique, which = np.unique(pairs, return_inverse=True)
        first = len(self._names)
        self._names += [f"{self._names[a]} {self._names[b][2:]}" for a, b in zip((unique >> 32).tolist(), (unique & 0xFFFFFFFF).tolist())]
        return word_rows[:-1][same_text], first + which.astype(np.int64)

    def _rows(self, texts: Sequence[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """(row in the result, feature number, count) of each distinct feature of `texts`."""
        mine = np.fromiter((self.tokens[t] for t in texts), dtype=np.int64, count=len(texts))
        starts, lengths = self._indptr[mine], self._indptr[mine + 1] - self._indptr[mine]
        offsets = np.cumsum(lengths) - lengths
        at = np.repeat(starts - offsets, lengths) + np.arange(int(lengths.sum()))
        return np.repeat(np.arange(len(texts)), lengths), self._features[at], self._counts[at]

    def vectorizer(self, texts: Sequence[str], min_df: int = MIN_DF) -> Vectorizer:
        """As `Vectorizer.fit` on the analysed texts (tested to be equal)."""
        distinct = sorted(set(texts))
        # every text analysed (as in training): its entries are all of them, no gather needed
        numbers = self._features if len(distinct) == len(self.tokens) else self._rows(distinct)[1]
        size = len(self._names)
        df = np.bincount(numbers, minlength=size)
        kept = np.flatnonzero(df >= min_df)
        names = [self._names[i] for i in kept.tolist()]
        order = sorted(range(len(names)), key=names.__getitem__)
        kept = kept[np.asarray(order, dtype=np.int64)]
        n = len(distinct)
        idf = np.array([math.log((1 + n) / (1 + d)) + 1.0 for d in df[kept].tolist()], dtype=np.float32)
        vec = Vectorizer([names[i] for i in order], idf)
        self._vectorizer = vec
        self._grouped = None
        self._to_vocabulary = np.full(size, -1, dtype=np.int64)
        self._to_vocabulary[kept] = np.arange(len(kept))
        return vec

    def matrix(self, vec: Vectorizer, texts: Sequence[str], weights: tuple[float, ...]) -> csr_matrix:
        """One row per text: sublinear tf times idf, L2-normalised per feature group, the
        groups weighted, then the row L2-normalised (as `Vector.weigh`). The part before the
        weights is the same for every head, so it is built once per vocabulary (`_grouped`)
        and each head only picks its rows, weighs and normalises them (measured: 0.25 s
        instead of 0.45 s for a head's 15,000 rows)."""
        if vec is not self._vectorizer:
            raise ValueError("a matrix needs the vocabulary this featurizer made last")
        if self._grouped is None:
            self._grouped = self._group_normalised(vec)
        mine = np.fromiter((self.tokens[t] for t in texts), dtype=np.int64, count=len(texts))
        x = self._grouped[mine]
        x.data *= np.asarray(weights, dtype=np.float32)[vec.groups[x.indices]]
        rows = np.repeat(np.arange(len(texts)), np.diff(x.indptr))
        totals = np.sqrt(np.bincount(rows, weights=x.data * x.data, minlength=len(texts))).astype(np.float32)
        x.data /= np.where(totals > 0, totals, 1.0)[rows]
        return x

    def _group_normalised(self, vec: Vectorizer) -> csr_matrix:
        """Every text's row (in `tokens` order) before the group weights: sublinear tf times
        idf, L2-normalised per feature group, in vocabulary order within each row. Twelve
        million entries: 32-bit numbers and work in place where the values stay the same
        (1.5 -> 0.65 s in a fresh process, most of it the pages of fresh arrays; measured)."""
        count = len(self.tokens)
        idx = self._to_vocabulary.astype(np.int32)[self._features]
        known = idx >= 0
        rows = np.repeat(np.arange(count, dtype=np.int32), np.diff(self._indptr))[known]
        idx = idx[known]
        values = np.log(self._counts[known].astype(np.float32))
        values += np.float32(1.0)
        values *= vec.idf[idx]
        cell = rows * np.int32(len(GROUPS)) + vec.groups.astype(np.int32)[idx]
        norms = np.sqrt(np.bincount(cell, weights=values * values, minlength=count * len(GROUPS)))
        norms[norms == 0] = 1.0
        # divided in float64 as Vectorizer._weighted does, a block at a time (the same bits)
        for start in range(0, len(values), _BLOCK):
            block = slice(start, start + _BLOCK)
            np.divide(values[block], norms[cell[block]], out=values[block], casting="same_kind")
        indptr = np.zeros(count + 1, dtype=np.int64)
        np.cumsum(np.bincount(rows, minlength=count), out=indptr[1:])
        x = csr_matrix((values, idx, indptr), shape=(count, len(vec.vocabulary)), dtype=np.float32)
        x.sort_indices()  # vocabulary order within each row, as the solver expects
        return x


_BLOCK = 1 << 20


def train(training: TrainingSet, key: str, *, min_df: int = MIN_DF, memory: ConceptMemory | None = None) -> Model:
    """Fit one vocabulary on every example and the three heads on it. The garbage collector
    waits meanwhile: training makes millions of short-lived objects and no cycles, and its
    passes over them cost about a tenth of the time. With a `memory`, the concepts of the
    texts it holds are recalled instead of worked out, and it then holds this training's."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        return _train(training, key, min_df, memory)
    finally:
        if was_enabled:
            gc.enable()


def _train(training: TrainingSet, key: str, min_df: int, memory: ConceptMemory | None) -> Model:
    """The category head (the largest fit) runs in a second process while this one builds
    and fits the other two (knowledge.solver_process)."""
    with SolverProcess() as solver:
        all_texts = [e.text for e in (*training.categories, *training.danger)]
        danger = danger_rows(training)
        known = memory.recall(danger[0]) if memory is not None else {}
        feats = Featurizer(all_texts, solver, conceptual=danger[0], known=known)
        if memory is not None:
            memory.hold(feats.found)
        vec = feats.vectorizer(all_texts, min_df)
        heads: dict[str, Head] = {}
        category_texts, category_labels = category_rows(training)
        jobs: list[tuple[LinearSVC, np.ndarray]] = []
        if len(_classes(category_labels)) >= 2:
            x = feats.matrix(vec, category_texts, CATEGORY_WEIGHTS)
            jobs = _category_jobs(category_labels)
            there = round(len(jobs) * SHARE_THERE)
            fitted_there = solver.fit_each(x, jobs[:there])
        texts, labels, row_weights = danger
        if len(set(labels)) == 2:
            est = binary_estimator(DANGER_C).fit(feats.matrix(vec, texts, DANGER_WEIGHTS), labels,
                                                 sample_weight=row_weights)
            heads["danger"] = _head(est, "sigmoid", DANGER_WEIGHTS, SIGMOID_SCALE)
        texts, labels = language_rows(training)
        if len(set(labels)) == 2:
            est = binary_estimator(LANG_C).fit(feats.matrix(vec, texts, LANG_WEIGHTS), labels)
            heads["lang"] = _head(est, "sigmoid", LANG_WEIGHTS, SIGMOID_SCALE)
        if jobs:
            fitted_here = [estimator.fit(x, y) for estimator, y in jobs[there:]]
            heads = {"category": _category_head(category_labels, [*fitted_there.result(), *fitted_here]), **heads}
    return Model(key, vec, heads)


def fit_predict(feats: Featurizer, train_texts: Sequence[str], train_labels: Sequence[str],
                test_texts: Sequence[str], estimator: object, min_df: int,
                weights: tuple[float, ...], row_weights: Sequence[float] | None = None) -> np.ndarray:
    """Scores of `estimator` trained on one fold (for cross-validation)."""
    vec = feats.vectorizer(train_texts, min_df)
    x = feats.matrix(vec, train_texts, weights)
    if row_weights is None:
        estimator.fit(x, train_labels)  # type: ignore[attr-defined]
    else:
        estimator.fit(x, train_labels, sample_weight=list(row_weights))  # type: ignore[attr-defined]
    x_test = feats.matrix(vec, test_texts, weights)
    if hasattr(estimator, "decision_function"):
        return estimator.decision_function(x_test)  # type: ignore[attr-defined]
    return estimator.predict_log_proba(x_test)  # type: ignore[attr-defined]


def training_set(k) -> TrainingSet:  # type: ignore[no-untyped-def]
    """What a knowledge base trains on (as knowledge.base.load builds it)."""
    from knowledge.base import neutral_texts

    return TrainingSet.build(k.examples, sorted(k.categories), neutral_texts(k.places))


def main() -> int:
    """Retrain from the shipped examples and write the shipped artifact, stamped with the
    examples' bytes so a start need not parse them (release step; tests/test_understanding_model.py
    fails while it is stale). The load checks everything first (an error stops it)."""
    import time

    from knowledge.base import default_dir, load
    from knowledge.model import ARTIFACT

    start = time.perf_counter()
    k = load()  # the current model, trained now (or found cached) if the shipped one is stale
    path = default_dir() / ARTIFACT
    path.write_bytes(k.model.stamped(k.sources).to_bytes())
    print(f"{path}: {k.model.vocabulary_size} features, {time.perf_counter() - start:.1f} s")
    written = ship_concepts(training_set(k))
    print(f"{written}: the concepts of the danger head's texts, for the next training")
    return 0


def ship_concepts(training: TrainingSet) -> Path:
    """Write the concept memory shipped beside the model: the concepts of every text the
    danger head learns from, so a fresh checkout's first retraining (an admin's first edit)
    recalls them (knowledge.concept_memory)."""
    from knowledge.base import default_dir
    from knowledge.model import cache_dir
    from knowledge.solver_process import concepts_of

    directory = default_dir()
    memory = recalled(cache_dir(), [directory])
    texts = sorted(set(danger_rows(training)[0]))
    found = memory.recall(texts)
    found.update(concepts_of([t for t in texts if t not in found]))
    memory.hold(found)
    memory.write(directory / SHIPPED)
    return directory / SHIPPED


if __name__ == "__main__":
    raise SystemExit(main())

