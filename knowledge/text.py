"""Shared text normaliser and small fuzzy-matching helpers.

Everything that matches typed free text (places, options, category terms) goes
through `normalize`, so 'GÖRLITZ', 'Görlitz' and 'goerlitz' compare equal.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

# \W keeps letters of every script (a Cyrillic message must not vanish), drops punctuation.
_NON_WORD = re.compile(r"[\W_]+")
_ASCII_NON_WORD = re.compile(r"[^a-z0-9]+")  # the same on casefolded ASCII text, faster


def normalize(text: str) -> str:
    """Casefold, spell out German umlauts and ß, strip other accents and punctuation."""
    # casefold already spells ß as ss; str.translate with a dict is slow, replace is not.
    folded = unicodedata.normalize("NFC", text).casefold().replace("ä", "ae").replace("ö", "oe").replace("ü", "ue")
    if folded.isascii():  # the common case: nothing left to decompose
        return " ".join(_ASCII_NON_WORD.sub(" ", folded).split())
    # Accents on Latin letters (é, č) are dropped: 'Mělník' -> 'melnik'. Marks on other
    # scripts stay, since there they make a different letter (Ukrainian ї is not і).
    decomposed = unicodedata.normalize("NFKD", folded)
    kept: list[str] = []
    for ch in decomposed:
        if unicodedata.combining(ch) and kept and kept[-1].isascii():
            continue
        kept.append(ch)
    plain = unicodedata.normalize("NFC", "".join(kept))
    return " ".join(_NON_WORD.sub(" ", plain).split())


def deletes(word: str, depth: int) -> Iterator[str]:
    """Every string reachable from `word` by deleting up to `depth` characters (incl. itself).

    Two words within edit distance d share a deletion variant of depth <= d, so
    an index of these variants finds typo candidates without scanning all words.
    """
    seen = {word}
    frontier = {word}
    yield word
    for _ in range(depth):
        nxt: set[str] = set()
        for item in frontier:
            for i in range(len(item)):
                variant = item[:i] + item[i + 1 :]
                if variant not in seen:
                    seen.add(variant)
                    nxt.add(variant)
                    yield variant
        frontier = nxt


def edit_distance(a: str, b: str, limit: int) -> int:
    """Optimal-string-alignment distance (a swap counts once); returns limit+1 beyond limit."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        cur = [i] + [0] * len(b)
        best = i
        for j in range(1, len(b) + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            value = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                value = min(value, prev2[j - 2] + 1)
            cur[j] = value
            best = min(best, value)
        if best > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)
