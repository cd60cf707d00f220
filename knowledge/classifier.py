"""Category ranking from the model's category head, and which labels count.

Several labels at once: the first label counts if its probability is at least
MIN_CONFIDENCE (below that the bot says it did not understand and offers the buttons);
a second label counts too when it is close to the first: probability at least
SECOND_RATIO times the first's and at least SECOND_MIN; or when its own one-vs-rest fit
says the message is one of its kind (decision at least SECOND_DECISION), however much
surer the first is: the softmax of "er hat mich getreten und als Idiot beschimpft" gives
the kick next to nothing against the insult's many words, while the attack's own fit
says yes. The constants were set by cross-validation on the training corpus and the
development set; BENCHMARKS.md.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CONFIDENCE = 0.30
SECOND_RATIO = 0.45
SECOND_MIN = 0.20
MAX_LABELS = 2
SECOND_DECISION = 0.0  # in the exported (softmax-scaled) units; 0 is the fit's own boundary


@dataclass(frozen=True, slots=True)
class CategoryScore:
    id: str
    score: float  # probability, the whole ranking sums to 1
    decision: float | None = None  # the category's own one-vs-rest decision, if known


def rank(probabilities: dict[str, float], known: frozenset[str] | None = None,
         decisions: dict[str, float] | None = None) -> tuple[CategoryScore, ...]:
    """Every category, best first (ties by id, so the order is deterministic)."""
    items = [(c, p) for c, p in probabilities.items() if known is None or c in known]
    items.sort(key=lambda cp: (-cp[1], cp[0]))
    own = decisions or {}
    return tuple(CategoryScore(c, round(p, 6), round(own[c], 6) if c in own else None) for c, p in items)


def counted(ranking: tuple[CategoryScore, ...]) -> tuple[CategoryScore, ...]:
    """The labels that count (0, 1 or 2) under the rule in the module docstring."""
    if not ranking or ranking[0].score < MIN_CONFIDENCE:
        return ()
    first = ranking[0]
    out = [first]
    for other in ranking[1:MAX_LABELS]:
        if other.score >= SECOND_MIN and other.score >= SECOND_RATIO * first.score \
                or other.decision is not None and other.decision >= SECOND_DECISION:
            out.append(other)
    return tuple(out)
