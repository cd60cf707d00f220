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


@dataclass(frozen=True, slots=True)
class NaturalAnswer:
    """What a short natural reply means: yes, no, unknown, both, back, language (target)."""

    meaning: str | None
    rest: str = ""
    target: str | None = None


_YES = {"ja", "jo", "jup", "jap", "klar", "yes", "yeah", "yep", "j", "y"}
_NO = {"nein", "no", "nope", "nee", "no", "ne", "n"}
_UNKNOWN = {"keine ahnung", "weiss nicht", "not sure", "dont know", "don t know"}
_BACK = {"zuruck", "zurueck", "back"}


def interpret(text: str, lang: str) -> NaturalAnswer:
    words = fold(text).replace(",", " ").split()
    if not words:
        return NaturalAnswer(None)
    joined = " ".join(words)
    if joined in _BACK:
        return NaturalAnswer("back")
    if joined in _UNKNOWN:
        return NaturalAnswer("unknown")
    if words[0] in _YES:
        return NaturalAnswer("yes", " ".join(words[1:]))
    if words[0] in _NO:
        return NaturalAnswer("no", " ".join(words[1:]))
    return NaturalAnswer(None)
