"""Matches what a user typed to the options on screen: number, label, alias or first word."""

from __future__ import annotations

from dataclasses import dataclass, field

from knowledge.text import normalize


@dataclass(frozen=True, slots=True)
class Choice:
    """An option as shown (German and English label) and every other way of saying it."""

    id: str
    de: str
    en: str
    aliases: tuple[str, ...] = field(default=())

    def label(self, lang: str) -> str:
        return self.en if lang == "en" else self.de

    def spellings(self) -> tuple[str, ...]:
        return (self.de, self.en, *self.aliases)


def fold(text: str) -> str:
    """Normalised, and with umlauts reduced to the bare vowel: 'Körper', 'Koerper' and
    'Korper' all become 'korper', so a label typed without umlauts still matches."""
    return normalize(text).replace("ae", "a").replace("oe", "o").replace("ue", "u")


def match_exact(text: str, choices: list[Choice]) -> str | None:
    """The option id for a typed number, full label or alias; None if nothing fits exactly."""
    typed = normalize(text)
    if not typed:
        return None
    if typed.isdigit():
        index = int(typed) - 1
        return choices[index].id if 0 <= index < len(choices) else None
    folded = fold(text)
    for choice in choices:
        if any(folded == fold(s) for s in choice.spellings()):
            return choice.id
    return None


def match_loose(text: str, choices: list[Choice]) -> str | None:
    """The option whose label's first word the text starts with, if exactly one does."""
    words = fold(text).split()
    if not words:
        return None
    hits = {
        choice.id
        for choice in choices
        for spelling in choice.spellings()
        if (label_words := fold(spelling).split()) and label_words[0] == words[0]
    }
    return hits.pop() if len(hits) == 1 else None
