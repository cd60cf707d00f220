"""Cross-validation on the TRAINING corpus (knowledge/data/examples-*.yaml): chooses the
model, the danger combination, the thresholds and the multi-label rule. The held-out set
is never used here (bench/eval_understanding.py only reports on it).

Run: .venv/bin/python bench/cv_understanding.py [--all] [--danger [--unweighted]]
(--all: every alternative model; --danger: only danger now; --unweighted: without the hard
negatives' weight)
"""

from __future__ import annotations

import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sklearn.linear_model import LogisticRegression, SGDClassifier  # noqa: E402
from sklearn.model_selection import StratifiedKFold  # noqa: E402
from sklearn.naive_bayes import ComplementNB  # noqa: E402
from sklearn.svm import LinearSVC  # noqa: E402

from knowledge import training as tr  # noqa: E402
from knowledge.training import training_set  # noqa: E402
from knowledge.base import load  # noqa: E402
from knowledge.danger import DANGER_THRESHOLD, STORY_THRESHOLD, DangerRules, model_threshold  # noqa: E402
from knowledge.examples import TrainingSet  # noqa: E402
from knowledge.concepts import MODEL_VETOES, concepts  # noqa: E402
from knowledge.features import fold  # noqa: E402
from knowledge.language import guess  # noqa: E402

FOLDS = 5
SEED = 0


def folds(labels: list[str]) -> list[tuple[np.ndarray, np.ndarray]]:
    skf = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=SEED)
    return list(skf.split(np.zeros(len(labels)), labels))


FEATS: tr.Featurizer | None = None


def cv_scores(texts: list[str], labels: list[str], make, min_df: int = tr.MIN_DF,
              weights: tuple[float, ...] = tr.CATEGORY_WEIGHTS,
              row_weights: list[float] | None = None) -> tuple[np.ndarray, list[str]]:
    """Out-of-fold decision scores (n, classes) and the class order."""
    global FEATS
    if FEATS is None or any(t not in FEATS.tokens for t in texts):
        FEATS = tr.Featurizer(texts if FEATS is None else [*FEATS.tokens, *texts])
    classes = sorted(set(labels))
    out = np.zeros((len(texts), len(classes)))
    for train_idx, test_idx in folds(labels):
        est = make()
        scores = tr.fit_predict(FEATS, [texts[i] for i in train_idx], [labels[i] for i in train_idx],
                                [texts[i] for i in test_idx], est, min_df, weights,
                                None if row_weights is None else [row_weights[i] for i in train_idx])
        if scores.ndim == 1:
            scores = np.stack([-scores, scores], axis=1)
        out[test_idx] = scores
    return out, classes


def softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def compare_categories(training: TrainingSet, everything: bool) -> np.ndarray:
    texts = [e.text for e in training.categories]
    labels = [e.label for e in training.categories]
    w = tr.CATEGORY_WEIGHTS
    candidates = {
        "LinearSVC C=1 (shipped)": (lambda: tr.category_estimator(), 1, w),
        "LinearSVC C=0.5": (lambda: LinearSVC(C=0.5, random_state=SEED), 1, w),
        "LinearSVC C=2": (lambda: LinearSVC(C=2.0, random_state=SEED), 1, w),
        "LinearSVC min_df=2": (lambda: tr.category_estimator(), 2, w),
        "LinearSVC chars only": (lambda: tr.category_estimator(), 1, (1.0, 0.0, 0.0)),
        "LinearSVC with concepts": (lambda: tr.category_estimator(), 1, (1.0, 1.0, 1.0)),
        "LinearSVC words x0.5": (lambda: tr.category_estimator(), 1, (1.0, 0.5, 0.0)),
        "LogReg C=20 (baseline)": (lambda: LogisticRegression(C=20.0, max_iter=3000, random_state=SEED), 1, w),
        "SGD modified_huber": (lambda: SGDClassifier(loss="modified_huber", alpha=1e-4, random_state=SEED), 1, w),
        "ComplementNB a=0.3": (lambda: ComplementNB(alpha=0.3), 1, w),
    }
    if not everything:
        candidates = dict(list(candidates.items())[:1])
    print(f"Category classifier, {FOLDS}-fold CV on {len(texts)} examples "
          f"({', '.join(f'{k} {v}' for k, v in sorted(Counter(e.lang for e in training.categories).items()))}):")
    kept = None
    for name, (make, min_df, weights) in candidates.items():
        start = time.perf_counter()
        scores, classes = cv_scores(texts, labels, make, min_df, weights)
        pred = [classes[i] for i in scores.argmax(axis=1)]
        acc = np.mean([p == t for p, t in zip(pred, labels)])
        recalls = {c: np.mean([p == c for p, t in zip(pred, labels) if t == c]) for c in classes}
        worst = min(recalls, key=recalls.get)
        print(f"  {name:28s} accuracy {acc:.1%}  lowest recall {recalls[worst]:.0%} ({worst})"
              f"  [{time.perf_counter() - start:.1f} s]")
        if name.endswith("(shipped)"):
            kept = softmax(scores * tr.SOFTMAX_SCALE)
            kept_classes = classes
            confusion(labels, pred, classes)
    assert kept is not None
    multi_label(kept, kept_classes, labels)
    return kept


def confusion(labels: list[str], pred: list[str], classes: list[str]) -> None:
    counts = Counter(zip(labels, pred))
    print("    rows true, columns first guess:")
    print("    " + " " * 16 + " ".join(c[:6].rjust(6) for c in classes))
    for row in classes:
        print("    " + row[:16].ljust(16) + " ".join(str(counts[(row, col)] or ".").rjust(6) for col in classes))


def multi_label(probs: np.ndarray, classes: list[str], labels: list[str]) -> None:
    """How often the second label would be shown, and how often the true label is first or second."""
    from knowledge.classifier import MIN_CONFIDENCE, SECOND_MIN, SECOND_RATIO

    order = np.argsort(-probs, axis=1)
    top1 = probs[np.arange(len(labels)), order[:, 0]]
    top2 = probs[np.arange(len(labels)), order[:, 1]]
    second = (top2 >= SECOND_MIN) & (top2 >= SECOND_RATIO * top1)
    rescued = sum(1 for i, t in enumerate(labels) if classes[order[i, 0]] != t and second[i] and classes[order[i, 1]] == t)
    wrong = sum(1 for i, t in enumerate(labels) if classes[order[i, 0]] != t)
    unsure = np.mean(top1 < MIN_CONFIDENCE)
    print(f"  multi-label rule: second label shown for {second.mean():.1%}; it rescues {rescued} of {wrong} wrong first guesses;"
          f" first label below MIN_CONFIDENCE for {unsure:.1%}")


def compare_danger(training: TrainingSet, rules: DangerRules) -> None:
    texts, labels, row_weights = tr.danger_rows(training)
    if "--unweighted" in sys.argv:  # how the hard negatives' weight was chosen
        row_weights = [1.0] * len(texts)
    scores, classes = cv_scores(texts, labels, lambda: tr.binary_estimator(tr.DANGER_C), weights=tr.DANGER_WEIGHTS,
                                row_weights=row_weights)
    p = softmax(scores * tr.SIGMOID_SCALE)[:, classes.index("danger")]
    signals = [rules.signals(fold(t)) for t in texts]
    rule = np.array([bool(s) for s in signals])
    # The model's vetoes (knowledge.danger.decide): one word, or an emergency denied.
    allowed = np.array([len(fold(t).split()) >= 2 and not concepts(fold(t), t) & MODEL_VETOES for t in texts])
    truth = np.array([lab == "danger" for lab in labels])
    is_hard_negative = np.array([e.label == "safe" and bool(e.lang) for e in training.danger] + [False] * len(training.categories))
    is_neutral = np.array([not e.lang for e in training.danger] + [False] * len(training.categories))

    def line(name: str, pred: np.ndarray) -> None:
        recall = pred[truth].mean()
        fa = pred[~truth & ~is_neutral].mean()
        fa_hard = pred[is_hard_negative].mean()
        fa_places = pred[is_neutral].mean() if is_neutral.any() else 0.0
        print(f"  {name:34s} recall {recall:.1%}  false alarms {fa:.1%} (on not_danger_now {fa_hard:.1%};"
              f" town names {fa_places:.1%})")

    print(f"Danger now, {FOLDS}-fold CV: {int(truth.sum())} danger_now against {int((~truth & ~is_neutral).sum())} "
          f"examples ({int(is_hard_negative.sum())} not_danger_now) and {int(is_neutral.sum())} town names:")
    line("rules only", rule)
    for name in ("alarm", "in_danger", "now+situation", "hazard", "term"):
        line(f"  rule {name}", np.array([name in s for s in signals]))
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        line(f"model only p>={t}", (p >= t) & allowed)
    for t in (0.2, 0.3, 0.4, 0.5, 0.6, 0.7):
        line(f"rules or model p>={t}", rule | ((p >= t) & allowed))
    found = [concepts(fold(t), t) for t in texts]
    for story in (0.4, 0.5, 0.6):
        limits = np.array([story if model_threshold(f) > DANGER_THRESHOLD else DANGER_THRESHOLD for f in found])
        line(f"rules or model p>=0.3, story {story}" + ("" if story != STORY_THRESHOLD else " (shipped story)"),
             rule | ((p >= limits) & allowed))
    # The shipped thresholds, each message's own (a story, a short message without a scene).
    shipped = np.array([model_threshold(f, len(fold(t).split())) for f, t in zip(found, texts)])
    line("shipped (story and bare thresholds)", rule | ((p >= shipped) & allowed))


def compare_language(training: TrainingSet) -> None:
    texts, labels = tr.language_rows(training)
    scores, classes = cv_scores(texts, labels, lambda: tr.binary_estimator(tr.LANG_C), weights=tr.LANG_WEIGHTS)
    p_en = softmax(scores * tr.SIGMOID_SCALE)[:, classes.index("en")]
    guesses = [guess(fold(t), float(pe)) for t, pe in zip(texts, p_en)]
    answered = [(g, lab) for g, lab in zip(guesses, labels) if g is not None]
    model_only = np.mean([("en" if pe >= 0.5 else "de") == lab for pe, lab in zip(p_en, labels)])
    words_only = [guess(fold(t), None) for t in texts]
    wa = [(g, lab) for g, lab in zip(words_only, labels) if g is not None]
    print(f"Language, {FOLDS}-fold CV on {len(texts)} examples:")
    print(f"  n-gram model alone: accuracy {model_only:.1%} (always answers)")
    print(f"  function words alone: accuracy {np.mean([g == lab for g, lab in wa]):.1%} on {len(wa)/len(texts):.0%} answered")
    print(f"  combined (shipped): accuracy {np.mean([g == lab for g, lab in answered]):.1%} on {len(answered)/len(texts):.0%} answered")


def main() -> int:
    k = load()
    training = training_set(k)
    if "--danger" not in sys.argv:
        compare_categories(training, "--all" in sys.argv)
        print()
    compare_danger(training, k.understander.rules)
    print()
    compare_language(training)
    return 0


if __name__ == "__main__":
    sys.exit(main())
