"""What the name of a kind of incident means, when someone asks ("Was bedeutet Nötigung?",
"what counts as doxxing", "Unterschied zwischen Bedrohung und Nötigung?"): the category's
`meaning` (categories.yaml), a plain sentence of what it covers. The labels are legal words
("Nachstellung", "Nötigung") that many people do not use."""

from __future__ import annotations

import re
from functools import lru_cache

from handlers.answers import holds_any, is_question
from handlers.listening import FALLBACK
from handlers.messages import OutboundMessage
from handlers.result import contact_card
from knowledge.base import Knowledge
from knowledge.features import fold

# Asking what a word means, or how two differ, in a folded clause ("does" folds to "dos").
_ASKS = re.compile(
    r"\b(?:was|wie|wos)(?: genau| eigentlich| denn| nochmal| nochmals)? (?:bedeutet|bedeuten|hei\w*|ist|is|sind|meinen sie mit|meinst du mit|menen se mit"
    r"|versteht man unter|verstehen sie unter|zahlt als|zahlt zu|zahlt unter|gilt als|fallt unter)\b"
    r"|\bwhat(?: exactly| even| actually)? (?:dos|does|do|is|s|are|counts as|do you mean by|do u mean by|exactly is|falls under"
    r"|means|mean|meaning of)\b|\bwhats\b"
    r"|\b(?:unterschied|difference)\b|\bmeaning\b|\bbedeutung\b"
    r"|\b(?:was|what) (?:ist|is|s) (?:das|that|dat)\b|\berklar\w* (?:sie |du )?(?:mir )?(?:mal )?\b|\bexplain\b")
# "was ist, wenn ...", "what if": a situation asked about, not a word.
_WHAT_IF = re.compile(r"\b(?:was ist|was passiert|what happens|what if|what is if)\b(?: \w+)? (?:wenn|if|when|falls)\b")
# Words of the labels that name no kind of incident on their own (or name an aspect).
_NOT_TERMS = frozenset(
    "oder und etwas anderes unsicher netz private daten something else not sure online".split())
MAX_WORDS = 14  # a clause longer than this tells a story; it does not ask for a word
# What may follow the word asked about ("Was ist Nötigung genau?", "what does coercion mean
# here"); "what is the threat level" asks about something else.
_AFTER_TERM = frozenset(
    """genau eigentlich denn hier damit uberhaupt nochmal gemeint mit bedeutet bedeuten heist heisst sein ist
    bei ihnen euch im sinne des gesetzes gesetz strafrecht rechtlich juristisch in deutschland und oder zwischen
    exactly here mean means meant again legally in this case context the law germany and or between vs versus
    even actually anyway lol tho though pls please bitte""".split())


TERM = "term:"  # the prefix of a legal word's id among the categories' ids


def _terms(k: Knowledge) -> tuple[tuple[tuple[str, ...], str], ...]:
    """The folded label words and labels, as word tuples, longest first, with their category
    ("notigung" -> coercion) or legal word ("term:strafantrag"); worked out once per set of
    categories and words (every typed message asks)."""
    words = tuple((f"{TERM}{tid}", tuple(t.words)) for tid, t in k.texts.terms.items())
    return _terms_of(tuple((cid, c.label.de, c.label.en) for cid, c in k.categories.items()
                           if c.meaning is not None and cid != FALLBACK), words)  # "Unsicher", "not sure" answer; nobody asks


@lru_cache(maxsize=4)
def _terms_of(labels: tuple[tuple[str, str, str], ...],
              legal: tuple[tuple[str, tuple[str, ...]], ...] = ()) -> tuple[tuple[tuple[str, ...], str], ...]:
    terms: dict[str, str] = {}
    for tid, written in legal:
        for word in written:
            terms.setdefault(fold(word), tid)
    for cid, de, en in labels:
        for label in (de, en):
            folded = fold(label)
            terms.setdefault(folded, cid)
            for word in folded.split():
                if len(word) >= 5 and word not in _NOT_TERMS:
                    terms.setdefault(word, cid)
        terms.setdefault(fold(cid.replace("_", " ")), cid)
    return tuple((tuple(term.split()), cid) for term, cid in sorted(terms.items(), key=lambda item: -len(item[0])))


def asked_meanings(k: Knowledge, lang: str, text: str) -> list[str]:
    """The meaning of each kind of incident a short question in `text` asks about, as
    "„Label“: meaning." (at most two); none if it asks about no kind of incident."""
    asked: list[str] = []
    clauses = re.split(r"[?!.\n;]+", text)
    clauses += [part for clause in clauses if "," in clause for part in clause.split(",")]  # "what means Strafantrag, i must pay something?"
    if len(fold(text).split()) <= MAX_WORDS:
        clauses.append(text)  # "Nötigung? Was ist das?": the word and the question in two
    for clause in clauses:
        folded = fold(clause)
        words = folded.split()
        if not words or len(words) > MAX_WORDS or not _ASKS.search(folded) or _WHAT_IF.search(folded):
            continue
        for cid in _named(words, _terms(k)):
            if cid not in asked:
                asked.append(cid)
    return [_said(k, c, lang) for c in asked[:2]]


def _said(k: Knowledge, term_id: str, lang: str) -> str:
    """"„Label“: meaning." of a category or a legal word."""
    if term_id.startswith(TERM):
        term = k.texts.terms[term_id.removeprefix(TERM)]
        label, meaning = term.label.get(lang), term.meaning.get(lang)
    else:
        label, meaning = k.categories[term_id].label.get(lang), k.categories[term_id].meaning.get(lang)
    return f"„{label}“: {meaning}" if lang == "de" else f"“{label}”: {meaning}"


def _named(words: list[str], terms: tuple[tuple[tuple[str, ...], str], ...]) -> list[str]:
    """The categories whose words stand in `words` as the thing asked about: each followed
    only by words of _AFTER_TERM, a question, or another such word."""
    found: list[tuple[int, int, str]] = []  # (start, end, category) of each term, longest first
    taken: set[int] = set()
    for term, cid in terms:
        size = len(term)
        for i in range(len(words) - size + 1):
            if tuple(words[i:i + size]) == term and taken.isdisjoint(range(i, i + size)):
                found.append((i, i + size, cid))
                taken.update(range(i, i + size))
    found.sort()
    named = []
    for n, (start, end, cid) in enumerate(found):
        until = found[n + 1][0] if n + 1 < len(found) else len(words)
        rest = words[end:until]
        if n + 1 == len(found) and (words[until - 1:] == ["das"] or words[-2:] in (["ist", "das"], ["is", "that"])):
            rest = []  # "Nötigung, was ist das"
        if all(w in _AFTER_TERM for w in rest) or _ASKS.search(" ".join(rest)):
            named.append(cid)
    return named


FAQ_MAX_WORDS = 16  # longer and no question: a story that happens to hold the words
FAQ_MAX_ANSWERS = 2  # two questions in one reply are both answered; more would be a wall


# A wish said as a sentence asks as a question does: "Ich brauche jemanden zum Reden" (folded).
_REQUEST = re.compile(r"^(?:\w+ ){0,2}(?:ich brauche|ich brauch|ich brauchte|ich mochte|ich hatte gern|ich suche|i need|i d like"
                      r"|i would like|i want|im looking for|i m looking for)\b")


def asked_faq(k: Knowledge, lang: str, text: str) -> OutboundMessage | None:
    """The answer to a question beside the flow that `text` asks (texts.yaml `faq`: "lohnt sich
    das überhaupt?", "bekommen wir polizeischutz?"), with the cards it names, if it asks one."""
    asked = is_question(text) or bool(_REQUEST.search(fold(text)))
    if not k.texts.faq or not (asked or len(fold(text).split()) <= FAQ_MAX_WORDS):
        return None
    found = [faq for faq in k.texts.faq.values() if (asked or not faq.only_asked) and holds_any(text, faq.asks)]
    if not found:
        return None
    found = found[:FAQ_MAX_ANSWERS]  # "und die hakenkreuze? ... bringt ne anzeige was": both
    cards = tuple(contact_card(k, cid, lang) for faq in found for cid in faq.contacts if cid in k.contacts)
    return OutboundMessage("\n\n".join(faq.answer.get(lang) for faq in found), contacts=cards)
