"""An offence the user says it was not: "wait no attack, he didnt touch me", "wdym doxxing?? its
not my address", "keine Bedrohung, nur beleidigt". Read on folded text against the offence
question's own labels and aliases (flow.yaml), so an admin's new alias is denied the same way.
"""

from __future__ import annotations

import re
from functools import lru_cache

from handlers.answers import fold
from knowledge.base import Knowledge

# A negation right before the offence's word ("no attack", "kein Angriff", "wasn't a threat").
_NEGATION = (r"(?:kein|keine|keinen|keiner|no|not|not a|not an|nicht|nich|ni|net|wasnt|wasn t|isnt|isn t|war kein|war keine"
             r"|ist kein|ist keine|is kein|is keine|nix mit|nothing like|never)")
# What denies an offence without its word: nobody touched, it is not the address.
_DENIED_ACTS = {
    "physical_attack": r"\b(?:didn t|didnt|did not|never|hasn t|hasnt) (?:touch|hit|punch|push|grab)\w* (?:me|us|him|her)\b"
                       r"|\b(?:hat|haben) (?:mich|uns|ihn|sie) (?:nicht|nich|ni|net|nie) (?:angefasst|angeruhrt|geschlagen|geschubst|beruhrt)\b"
                       r"|\bnicht (?:angefasst|angeruhrt|geschlagen|angegriffen) (?:worden|wurde)?\b",
    "doxxing": r"\b(?:not|isn t|isnt|nicht|nich|ni|keine) (?:my|meine) (?:address|adresse|anschrift)\b"
               r"|\b(?:its|it s|das ist|das is) (?:not|nicht|nich|keine) (?:my |meine )?(?:address|adresse)\b",
}


@lru_cache(maxsize=8)
def _patterns(words: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, re.Pattern[str]]:
    out = {}
    for category, names in words:
        named = "|".join(sorted((re.escape(n) for n in names if len(n) >= 4), key=len, reverse=True))
        source = rf"\b{_NEGATION}\s+(?:\w+\s+)?(?:{named})\b" if named else ""
        if category in _DENIED_ACTS:
            source = f"{source}|{_DENIED_ACTS[category]}" if source else _DENIED_ACTS[category]
        if source:
            out[category] = re.compile(source)
    return out


def _offence_words(k: Knowledge) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """Each offence with the words the offence question knows it by (label and aliases)."""
    words: dict[str, set[str]] = {}
    for question in k.flow.questions.values():
        if not question.classify:
            continue
        for option in question.options:
            if option.category and option.category in k.categories:
                names = words.setdefault(option.category, set())
                names.update(fold(a) for a in option.aliases)
                names.update(fold(option.label.de).split(" oder ")[:1])
                names.update(fold(option.label.en).split(" or ")[:1])
    return tuple((c, tuple(sorted(n))) for c, n in sorted(words.items()))


def denied_offences(text: str, k: Knowledge, known: list[str]) -> list[str]:
    """Those of the `known` offences the text says it was not."""
    if not known:
        return []
    patterns = _patterns(_offence_words(k))
    # a sentence that asks ("is it not a threat?") denies nothing; "wdym doxxing?? its not my address" does
    told = " ".join(fold(s) for s in _SENTENCES.split(text.strip()) if s and not s.rstrip().endswith("?"))
    return [c for c in known if c in patterns and patterns[c].search(told)]


_SENTENCES = re.compile(r"(?<=[.!?])\s+")
