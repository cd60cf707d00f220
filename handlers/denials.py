"""An offence the user says it was not: "wait no attack, he didnt touch me", "wdym doxxing?? its
not my address", "keine Bedrohung, nur beleidigt". Read on folded text, against the offences'
own names (NAMES), never against what they leave behind ("No graffiti or notes").
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
    # the writer untouched (not "he didn't touch her", his wife; not "nicht geschlagen" answering
    # whether it happened before)
    "physical_attack": r"\b(?:didn t|didnt|did not|never|hasn t|hasnt) (?:touch|hit|punch|push|grab)\w* (?:me|us)\b"
                       r"|\b(?:hat|haben) (?:mich|uns) (?:nicht|nich|ni|net|nie) (?:angefasst|angeruhrt|beruhrt)\b",
    "doxxing": r"\b(?:not|isn t|isnt|nicht|nich|ni|keine) (?:my|meine) (?:address|adresse|anschrift)\b"
               r"|\b(?:its|it s|das ist|das is) (?:not|nicht|nich|keine) (?:my |meine )?(?:address|adresse)\b",
}


# The names an offence is denied by: the offence itself, not what it leaves behind ("No graffiti
# or notes" denies no property damage; "kein Druck" is no pressure denied). Folded.
NAMES = {
    "physical_attack": ("angriff", "korperlicher angriff", "attack", "physical attack", "assault"),
    "threat": ("bedrohung", "drohung", "morddrohung", "threat", "death threat"),
    "stalking": ("stalking", "nachstellung"),
    "doxxing": ("doxxing", "doxing"),
    "insult": ("beleidigung", "verleumdung", "insult", "defamation"),
    "online_hate": ("hate speech", "hassrede"),
    "coercion": ("notigung", "coercion", "erpressung", "blackmail"),
    "property_damage": ("sachbeschadigung", "property damage", "vandalismus", "vandalism"),
    "prevention": ("vorbeugung", "pravention", "prevention", "vorsorge"),
}


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    out = {}
    for category in sorted({*NAMES, *_DENIED_ACTS}):
        named = "|".join(sorted((re.escape(n) for n in NAMES.get(category, ())), key=len, reverse=True))
        source = rf"\b{_NEGATION}\s+(?:\w+\s+)?(?:{named})\b" if named else ""
        if category in _DENIED_ACTS:
            source = f"{source}|{_DENIED_ACTS[category]}" if source else _DENIED_ACTS[category]
        out[category] = re.compile(source)
    return out


def denied_offences(text: str, k: Knowledge, known: list[str]) -> list[str]:
    """Those of the `known` offences the text says it was not."""
    if not known:
        return []
    patterns = _patterns()
    # a sentence that asks ("is it not a threat?") denies nothing; "wdym doxxing?? its not my address" does
    # a short sentence, about this case: in a long one the "no threat" is often another's ("The
    # first email, three weeks ago, was abusive but contained no threat and was not reported")
    sentences = [s for s in _SENTENCES.split(text.strip()) if s and not s.rstrip().endswith("?")]
    told = [folded for folded in map(fold, sentences) if len(folded.split()) <= SHORT_SENTENCE]
    return [c for c in known if c in patterns and c in k.categories and any(patterns[c].search(sentence) for sentence in told)]


SHORT_SENTENCE = 10  # words
_SENTENCES = re.compile(r"(?<=[.!?])\s*")
