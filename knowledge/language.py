"""German or English? For the first free-text message; None when the text cannot tell.

Two light scorers, no extra dependency: the model's "lang" head (character n-grams
trained on the de and en examples) and a count of function words. A text must have at
least MIN_WORDS words; "ok", "ja", "hallo" say nothing reliable about the language.
"""

from __future__ import annotations

MIN_WORDS = 2
CONFIDENT = 0.85  # the model alone decides beyond this (or below 1 - this)

GERMAN = frozenset(
    """der die das den dem des ein eine einen einem einer und oder aber nicht kein keine
    ich du er sie es wir ihr mich mir dich dir uns euch mein meine meinen meinem meiner
    ist sind war waren bin hat habe haben hatte wird wurde wurden auch noch schon mit von
    zu zum zur im auf aus bei nach vor fur uber unter wie wer wo warum weil dass
    dann wenn jetzt gerade heute gestern seit immer wieder sehr bitte ja nein nur man sich
    hier da doch mal kann konnen soll muss""".split()
)
ENGLISH = frozenset(
    """the a and or but not no i you he she it we they me my mine him her us our your
    is are were am be been has have had will would can could should do does did to of
    on at by for with from about into over after before what who where why when how
    that this these there here now today yesterday just again very please yes only
    someone somebody because if then""".split()
)


# A call for help alone says the language too ("Help!", "pls help", "Notfall"): a frightened
# writer's first message may be nothing else, and the answer to it should be in their language.
CRY_GERMAN = frozenset("hilfe hilf helft notfall bitte dringend".split())
CRY_ENGLISH = frozenset("help emergency please urgent asap".split())  # not "pls": German chats write it too ("mehr zum recht pls")


def function_word_votes(folded: str) -> tuple[int, int]:
    words = folded.split()
    return sum(w in GERMAN for w in words), sum(w in ENGLISH for w in words)


def guess(folded: str, p_english: float | None) -> str | None:
    """ "de", "en" or None (too short, or the scorers disagree without a clear margin)."""
    words = [w for w in folded.split() if not w.isdigit()]
    if len(words) < MIN_WORDS:
        return _cry(words)
    de, en = function_word_votes(folded)
    if p_english is not None:
        if p_english >= CONFIDENT and en >= de:
            return "en"
        if p_english <= 1 - CONFIDENT and de >= en:
            return "de"
    if abs(de - en) >= 2:
        return "de" if de > en else "en"
    if p_english is not None and (de - en) * (0.5 - p_english) > 0:
        return "de" if de > en else "en"  # a one-word lead that the model confirms
    return _cry(words) if de == en else None  # a lead the model doubts is no cry's language


def _cry(words: list[str]) -> str | None:
    """The language of the cry words among `words`, if they are of one language only."""
    german, english = not CRY_GERMAN.isdisjoint(words), not CRY_ENGLISH.isdisjoint(words)
    return None if german == english else "de" if german else "en"
