"""Recognises categories and danger signals in free text from admin-maintained terms.

A term is a word or phrase; a trailing `*` makes its last word a prefix (`bedroh*`
matches "bedroht", "Bedrohung"). Terms are normalised like the text, so umlaut and
ß spellings are interchangeable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.text import normalize


@dataclass(frozen=True, slots=True)
class _Term:
    label: str
    pattern: re.Pattern[str]
    weight: int


def compile_term(term: str) -> re.Pattern[str]:
    raw = term.strip()
    prefix = raw.endswith("*")
    words = normalize(raw.rstrip("*")).split()
    if not words:
        raise ValueError(f"empty term {term!r}")
    body = r"\s+".join(re.escape(word) for word in words)
    tail = r"\w*" if prefix else r"\b"
    return re.compile(rf"\b{body}{tail}")


class TermMatcher:
    """Scores labels by how many (and how long) of their terms occur in a text."""

    def __init__(self, terms_by_label: dict[str, list[str]]):
        self._terms = [
            _Term(label, compile_term(term), len(term.split()))
            for label, terms in terms_by_label.items()
            for term in terms
        ]

    def scores(self, text: str) -> dict[str, int]:
        folded = normalize(text)
        result: dict[str, int] = {}
        for term in self._terms:
            if term.pattern.search(folded):
                result[term.label] = result.get(term.label, 0) + term.weight
        return result

    def rank(self, text: str) -> list[str]:
        scores = self.scores(text)
        return sorted(scores, key=lambda label: -scores[label])


# Words that always mean "emergency", even if an admin prunes the YAML terms.
ALWAYS_DANGER = ("notfall", "emergency", "sos")


class DangerDetector:
    """Danger now: a strong term, or a weak term ('jetzt', 'Hilfe') together with a context
    term ('vor der Tür', 'steht'), after removing negated phrases ('keine Gefahr').

    Weak terms alone would hijack ordinary answers ("Was soll ich jetzt tun?"), so they
    only count in combination.
    """

    def __init__(self, strong: list[str], weak: list[str], context: list[str], negations: list[str]):
        self._strong = TermMatcher({"strong": [*strong, *ALWAYS_DANGER]})
        self._weak = TermMatcher({"weak": weak})
        self._context = TermMatcher({"context": context})
        self._negations = [compile_term(term) for term in negations]

    def _clean(self, text: str) -> str:
        folded = normalize(text)
        for pattern in self._negations:
            folded = pattern.sub(" ", folded)
        return folded

    def signals(self, text: str) -> list[str]:
        """Which kinds of signal fired: 'strong', or 'weak'+'context'; empty if none."""
        cleaned = self._clean(text)
        if self._strong.scores(cleaned):
            return ["strong"]
        if self._weak.scores(cleaned) and self._context.scores(cleaned):
            return ["weak", "context"]
        return []

    def matches(self, text: str) -> bool:
        return bool(self.signals(text))
