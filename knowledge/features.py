"""Text folding and the n-gram features every understanding model is trained and scored on.

One pure-Python function turns a message into features, used both by the trainer
(scikit-learn, at build or reload time) and by the small runtime scorer, so the two can
never disagree about what a feature is.
"""

from __future__ import annotations

import re
from functools import lru_cache

from knowledge.concepts import concepts
from knowledge.text import normalize

# Emojis that carry meaning for a help line; other symbols are dropped by `normalize`.
_EMOJI_WORDS = {
    "🔥": " feuer fire ",
    "🔪": " messer knife ",
    "🗡": " messer knife ",
    "🔫": " waffe gun ",
    "💣": " bombe bomb ",
    "🏏": " schlager bat ",
    "🪓": " axt axe ",
    "⚰": " sarg coffin ",
    "🪦": " grab grave ",
    "🆘": " sos ",
    "🚨": " notfall emergency ",
    "🩸": " blut blood ",
    "😱": " angst scared ",
    "😰": " angst scared ",
    "😨": " angst scared ",
    "🏠": " haus home ",
    "📱": " handy phone ",
    # Laughing or embarrassed faces: the message is not meant as an alarm.
    "😂": " lol ",
    "🤣": " lol ",
    "😅": " lol ",
    "🙈": " lol ",
}
_EMOJI = re.compile("|".join(map(re.escape, _EMOJI_WORDS)))
_EMOJI_START = frozenset(emoji[0] for emoji in _EMOJI_WORDS)
# Three or more of the same letter are one ("hiiiilfe", "sooo"); doubled letters stay.
_REPEATS = re.compile(r"([^\W\d_])\1{2,}")
_REPEATS_ASCII = re.compile(r"([a-z])\1{2,}")  # the same on folded ASCII text, faster

CHAR_MIN, CHAR_MAX = 3, 5  # 2-grams: 19 % more training time, no better across writers (BENCHMARKS.md)
WORD_MAX = 2


def fold(text: str) -> str:
    """Lower case, no punctuation, umlauts and ß folded, runs of letters shortened, key emojis as words."""
    if not text.isascii() and not _EMOJI_START.isdisjoint(text):
        text = _EMOJI.sub(lambda m: _EMOJI_WORDS[m.group(0)], text)
    plain = normalize(text)
    # `normalize` spells umlauts out (ä -> ae); folding the pair to the bare vowel makes
    # "Schläger", "Schlaeger" and "Schlager" one word, as people without umlauts type.
    plain = plain.replace("ae", "a").replace("oe", "o").replace("ue", "u")
    return (_REPEATS_ASCII if plain.isascii() else _REPEATS).sub(r"\1", plain)


def features(folded: str) -> list[str]:
    """Word uni- and bigrams ("w:") and character 3-5-grams inside padded words ("c:").

    Character n-grams carry typos, missing umlauts, dialect and inflection ("bedroht",
    "bedrohung", "bedrot"); word n-grams carry short phrases ("vor der", "right now").
    """
    words = folded.split()
    out = [f"w:{w}" for w in words]
    out += [f"w:{a} {b}" for a, b in zip(words, words[1:])]
    for word in words:
        out += char_grams(word)
    return out


@lru_cache(maxsize=1 << 15)
def char_grams(word: str) -> tuple[str, ...]:
    """Character n-grams of one word, padded with spaces (words recur: cached)."""
    padded = f" {word} "
    length = len(padded)
    return tuple(
        f"c:{padded[i:i + n]}" for n in range(CHAR_MIN, min(CHAR_MAX, length) + 1) for i in range(length - n + 1)
    )


def analyse(text: str, folded: str | None = None, found: set[str] | None = None) -> list[str]:
    """Features of a raw message: n-grams plus the danger concepts ("k:") it shows.
    `folded` and `found` (its concepts) may be passed when already computed."""
    folded = fold(text) if folded is None else folded
    found = concepts(folded, text) if found is None else found
    return features(folded) + [f"k:{c}" for c in sorted(found)]
