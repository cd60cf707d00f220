"""Category ranking from the model's category head, and which labels count.

Several labels at once: the first label counts if its probability is at least
MIN_CONFIDENCE (below that the bot says it did not understand and offers the buttons);
a second label counts too when it is close to the first: probability at least
SECOND_RATIO times the first's and at least SECOND_MIN ("a threat inside an insult").
The constants were set by cross-validation on the training corpus; BENCHMARKS.md.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_CONFIDENCE = 0.30
SECOND_RATIO = 0.45
SECOND_MIN = 0.20
MAX_LABELS = 2


@dataclass(frozen=True, slots=True)
class CategoryScore:
    id: str
    score: float  # probability, the whole ranking sums to 1


def rank(probabilities: dict[str, float], known: frozenset[str] | None = None) -> tuple[CategoryScore, ...]:
    """Every category, best first (ties by id, so the order is deterministic)."""
    items = [(c, p) for c, p in probabilities.items() if known is None or c in known]
    items.sort(key=lambda cp: (-cp[1], cp[0]))
    return tuple(CategoryScore(c, round(p, 6)) for c, p in items)


def counted(ranking: tuple[CategoryScore, ...]) -> tuple[CategoryScore, ...]:
    """The labels that count (0, 1 or 2) under the rule in the module docstring."""
    if not ranking or ranking[0].score < MIN_CONFIDENCE:
        return ()
    first = ranking[0]
    out = [first]
    for other in ranking[1:MAX_LABELS]:
        if other.score >= SECOND_MIN and other.score >= SECOND_RATIO * first.score:
            out.append(other)
    return tuple(out)
