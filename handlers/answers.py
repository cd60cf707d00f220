"""Matches what a user typed to the options on screen (number, label, alias or first word),
and reads a typed reply as a natural answer: yes, no, don't know, back, a language, or a
question about the question. The words are in handlers.answer_words."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache

from handlers import answer_words as aw
from knowledge.concept_words import FOLLOWING, POLICE_VISIT_ASKED, QUOTED
from handlers.answer_words import BACK, BOTH, CLARIFY, LANGUAGE, NO, UNKNOWN, YES
from knowledge.extract import ANY_PLATFORM
from knowledge.concepts import concepts
from knowledge.features import fold as fold_text
from knowledge.smalltalk import MATTER_DOUBT
from knowledge.understanding import without_quoted
from knowledge.text import normalize


@dataclass(frozen=True, slots=True)
class Choice:
    """An option as shown (German and English label) and every other way of saying it."""

    id: str
    de: str
    en: str
    aliases: tuple[str, ...] = field(default=())
    phrases: tuple[str, ...] = field(default=())  # said inside a sentence ("gibt es noch andere stellen")

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


# A button named by its place in the list ("the last one, nothing happened", "die zweite", "nummer 3").
_ORDINALS = {"first": 0, "erste": 0, "ersten": 0, "erstes": 0, "second": 1, "zweite": 1, "zweiten": 1, "zweites": 1,
             "third": 2, "dritte": 2, "dritten": 2, "drittes": 2, "fourth": 3, "vierte": 3, "vierten": 3,
             "last": -1, "letzte": -1, "letzten": -1, "letztes": -1, "letzteres": -1}
_ORDINAL = re.compile(r"^(?:(?:the|die|das|der|den|option|antwort|answer|nummer|number|nr|no) )*"
                      r"(?P<which>\w+|\d+)(?: (?:one|option|antwort|answer|button|knopf|davon|of them))?$")


ORDINAL_CHOICES = 4  # at a yes/no question "first" is more likely "the first time" than a button


def match_ordinal(text: str, choices: list[Choice]) -> str | None:
    """The option a first clause names by its place ("the last one", "die zweite", "Nummer 3"),
    where there are ORDINAL_CHOICES or more to pick from."""
    if len(choices) < ORDINAL_CHOICES:
        return None
    head = fold(aw.CLAUSE.split(text.strip(), maxsplit=1)[0])
    m = _ORDINAL.match(head)
    if m is None:
        return None
    which = m.group("which")
    index = int(which) - 1 if which.isdigit() and head != which else _ORDINALS.get(which)
    if index is None or not -len(choices) <= index < len(choices):
        return None
    return choices[index].id


def match_phrase(text: str, choices: list[Choice]) -> str | None:
    """The option whose phrases the text holds, word for word ("*" ends a word that may go
    on: "dokumentier*"): the one with the most phrases held, then the longest ("die
    rechtlichen Aspekte ausführlicher" holds two of the law's, one of the advice's); a tie
    between two options picks none."""
    typed = _Typed(text)
    scores: dict[str, tuple[int, int]] = {}
    for choice in choices:
        held = [len(" ".join(wanted)) for phrase in choice.phrases
                if (wanted := _phrase_words(phrase)) and typed.holds(wanted)]
        if held:
            scores[choice.id] = (len(held), max(held))
    if not scores:
        return None
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    return ranked[0][0] if len(ranked) == 1 or ranked[0][1] > ranked[1][1] else None


def holds_any(text: str, phrases: Iterable[str]) -> bool:
    """Whether `text` holds one of `phrases` as `match_phrase` reads them (folded once for
    all; one letter off from seven letters: "der weiße Ring" holds "weisser ring")."""
    typed = _Typed(text)
    return any(typed.holds(_phrase_words(phrase)) for phrase in phrases)


@lru_cache(maxsize=4096)
def _phrase_words(phrase: str) -> tuple[str, ...]:
    """A phrase's words, folded once (the menu below the result has some 250 phrases, read
    for every message typed there); "*" kept at the end of a word that may go on."""
    return tuple(fold(w) + ("*" if w.endswith("*") else "") for w in phrase.split() if fold(w))


class _Typed:
    """A text's folded words, and where each first letter starts one: a phrase's words match
    only words of their own first letter (`_same_word`), so only those places are tried."""

    def __init__(self, text: str) -> None:
        self.words = [w for w in (w.strip(".,;:!?()\"'„“”") for w in fold(text).split()) if w]
        self.starts: dict[str, list[int]] = {}
        for i, word in enumerate(self.words):
            self.starts.setdefault(word[0], []).append(i)

    def holds(self, wanted: tuple[str, ...]) -> bool:
        n, words = len(wanted), self.words
        return n > 0 and any(i + n <= len(words) and all(_same_word(words[i + j], w) for j, w in enumerate(wanted))
                             for i in self.starts.get(wanted[0][0], ()))


# From this length a word typed with one letter dropped, added or changed is the same
# ("stelln", "aufschreibn", "annere"): phone typing and dialect.
FUZZY_MIN = 7


def _same_word(typed: str, wanted: str) -> bool:
    """`typed` (stripped of punctuation) is `wanted`, or begins with it when it ends in "*",
    or is one letter off it from FUZZY_MIN letters on."""
    if wanted.endswith("*"):
        stem = wanted[:-1]
        return typed.startswith(stem) or len(stem) >= FUZZY_MIN and any(
            _one_edit(typed[:n], stem) for n in (len(stem) - 1, len(stem) + 1))
    return typed == wanted or len(wanted) >= FUZZY_MIN and _one_edit(typed, wanted)


def _one_edit(a: str, b: str) -> bool:
    """`a` and `b` differ by one letter dropped, added or changed (not the first)."""
    if abs(len(a) - len(b)) > 1 or not a or a[0] != b[0]:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def match_loose(text: str, choices: list[Choice]) -> str | None:
    """The option whose label's first word the text starts with, if exactly one does. A
    one-letter first word is no label's start ("n abend" is a greeting, not "n" for "nein")."""
    words = fold(text).split()
    if not words or len(words[0]) < 2:
        return None
    hits = {
        choice.id
        for choice in choices
        for spelling in choice.spellings()
        if (label_words := fold(spelling).split()) and label_words[0] == words[0]
    }
    return hits.pop() if len(hits) == 1 else None


# --- natural answers (their words: handlers.answer_words) ------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """What a typed reply means for a question: yes, no, unknown, both, back, language (with
    `target` "de"/"en") or clarify (what does the question mean?); None if nothing in it answers. `rest` is what follows the
    answer ("ja, aber er kommt jeden Tag" -> "er kommt jeden Tag"), in the user's own words."""

    meaning: str | None
    rest: str = ""
    target: str | None = None
    # Read from a hedge, a negation or a channel, not said outright: what was taken is shown,
    # and the words are still read for danger as a message of their own.
    leaning: bool = False


def _squeeze(word: str) -> str:
    """Double letters as one ("jaa", "nee", "weiss"), so spellings and stretching compare equal."""
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch:
            out.append(ch)
    return "".join(out)


def _tokens(text: str) -> list[str]:
    return [_squeeze(aw.DIALECT.get(w, w)) for w in fold(text).replace("'", " ").split()]


def _close(typed: str, known: str) -> bool:
    from knowledge.text import edit_distance

    if typed == known:
        return True
    return typed not in aw.REAL_WORDS and len(known) >= 5 and len(typed) >= 4 and edit_distance(typed, known, 1) <= 1


def _match_prefix(words: list[str], phrases: tuple[str, ...]) -> int:
    """Length (in words) of the longest phrase the message starts with, 0 if none."""
    best = 0
    for phrase in phrases:
        parts = _parts(phrase)
        if len(parts) <= len(words) and len(parts) > best and all(_close(w, p) for w, p in zip(words, parts)):
            best = len(parts)
    return best


@lru_cache(maxsize=4096)
def _parts(phrase: str) -> tuple[str, ...]:
    """A phrase's words squeezed as a reply's are ("not at all" -> "not at al"), so a phrase
    written with its double letters still matches."""
    return tuple(_squeeze(word) for word in phrase.split())


def _rest(text: str, consumed: int) -> str:
    """The user's own words after the first `consumed` folded words, joiners dropped."""
    raw = text.replace("'", " ").split()
    # Map folded words back onto the raw split: a raw word may fold to nothing ("-", "…").
    kept, count = [], 0
    for word in raw:
        if count >= consumed:
            kept.append(word)
        count += len(fold(word).split())
    words = [w for w in kept]
    while words and fold(words[0]) in aw.JOINERS | {""}:
        words = words[1:]
    return " ".join(words).strip(" ,.;:-–!?")


SETTLED_WORDS = 8  # words after a doubt that may settle it ("idk?? nobodys here yet. no")
# A no that only opens a correction: "nee warte", "no wait", "nein moment", "ach nee sorry".
_HOLD_ON = frozenset("warte wart wait moment momentchen hold".split())  # not "sorry" ("no sorry, nobody is"), not "halt" ("nee halt nich")
_NO_WORDS = frozenset("nee ne nein no nope nö noe na nah".split())
_EXCLAIM = frozenset("ach och oh ah".split())


def _holds_on(words: list[str]) -> bool:
    """Whether the reply opens with a no that only starts a correction ("nee warte, ...", "ach
    nee sorry, ..."), not a no to the question."""
    if len(words) < 3:
        return False
    if words[0] in _EXCLAIM and words[1] in _NO_WORDS:  # "ach nee sorry, nicht grimma"; not "Oh no, nothing like that"
        return words[2] in _HOLD_ON or words[2] in ("sorry", "sory", "sry")  # (tokens are squeezed: "sory")
    return words[0] in _NO_WORDS and words[1] in _HOLD_ON


def interpret(text: str, lang: str = "de", aspect: str | None = None) -> Answer:
    """The meaning of a typed answer, for any question (see `Answer`).

    `aspect`: for a question about an aspect (online, private_sphere, repeated,
    extremist), a reply that names it ("auf Facebook", "meine Kinder") means yes."""
    if any(word in text.lower() for word in aw.DANGER_WORDS):  # "no one is in danger": no "no" with a cry after it
        text = aw.NOBODY_IN_DANGER.sub("nein", text)
    if text.lstrip().lower().startswith(("nä ", "nä,", "nä.", "näh", "nää")) or text.strip().lower() == "nä":
        text = "nein" + text.lstrip()[2:].lstrip("hä")  # Saxon "nä" (folded it would be "na", a filler)
    words = _tokens(text)
    if not words:
        shown = {aw.EMOJI_ANSWERS[c] for c in text if c in aw.EMOJI_ANSWERS}
        if len(shown) == 1:  # "🤷", "👍🏻"
            return Answer(shown.pop(), "")
        return Answer(CLARIFY) if text.strip().strip("?") == "" and "?" in text else Answer(None)
    if (asked := _asked_back(text, words, lang, aspect)) is not None:
        return asked
    if _holds_on(words):  # "nee warte, eher sachbeschädigung", "ach nee sorry, nicht grimma": a correction, no answer
        rest = re.sub(r"^\W*(?:\w+\W+){%d}" % (3 if words[0] in _EXCLAIM else 2), "", text.strip())
        if rest.split() and fold(rest).split()[0] == "doch":  # "nee. warte, doch, einer hat ... kommentiert": yes after all
            return Answer(YES, re.sub(r"^\W*\w+\W*", "", rest))
        settled = interpret(rest, lang, aspect) if rest.strip() else Answer(None)
        if settled.meaning == YES and not settled.leaning:
            return settled  # "no wait, yes it was online"
        return Answer(None, text.strip())
    if words[0] in aw.FILLERS and len(words) > 1 and (after := interpret(_rest(text, 1), lang, aspect)).meaning:
        return after
    if (said := aw.SAID_ALREADY.match(fold(text))) and said.end() < len(fold(text)):
        again = interpret(fold(text)[said.end():], lang, aspect)  # "ich hab doch gesagt ni": the answer said again
        if again.meaning is not None:
            return again
    if words[0] in aw.ECHOES and len(words) > 1 and _is_answer_word(words[1]):  # "gefahr nee. gekränkt bin ich"
        return interpret(_rest(text, 1), lang, aspect)
    target = _language_wish(words)
    if target:
        return Answer(LANGUAGE, target=target)
    if " ".join(words) in aw.NO_ANSWER:  # "egal", "skip", "weiter"
        return Answer(UNKNOWN, "")
    for meaning in (BACK, UNKNOWN, BOTH, YES, NO):
        length = _match_prefix(words, aw.PHRASES[meaning])
        if not length:
            continue
        follows = words[length] if length < len(words) else None
        # "nein" starts an answer; "nicht gut" or "na und" do not: the next word must
        # end the answer (nothing, a joiner or a comma) unless the phrase is long and specific.
        if follows is None or follows in aw.JOINERS or length >= 2 or meaning in (BACK, UNKNOWN, BOTH) \
                or _is_answer_word(words[0]) or aw.PAUSE.match(text):
            rest = _rest(text, length)
            if meaning == UNKNOWN and aspect == "extremist" and words[0] not in aw.MAYBE and _names_it_plainly(rest, aspect):
                return Answer(YES, rest)  # "idk he got like a frog avatar and writes 88 sometimes"
            if meaning == UNKNOWN and rest.strip() and not _match_prefix(_tokens(rest), aw.PHRASES[UNKNOWN]):
                settled = interpret(rest, lang, aspect)
                # a no in a longer rest settles it only about the danger ("idk?? nobody is here
                # yet but like. should i ..."), not "I don't know how to describe it. There is
                # no message, no threat written. But ..."
                if settled.meaning == NO and not settled.leaning \
                        and (len(_tokens(rest)) <= SETTLED_WORDS or later_no_is_about_danger(rest)):
                    return settled  # "idk?? nobodys here yet. no": settled after the doubt
            return Answer(meaning, rest)
    if len(words) <= aw.MAX_CLAUSE_SCAN and aw.NO_DANGER.search(" ".join(words)) and aw.WHETHER.isdisjoint(words):
        return Answer(NO, text.strip())  # "Eine akute Gefährdung ist uns nicht bekannt."
    if len(words) <= aw.MAX_CLAUSE_SCAN and any(w.startswith(("bejah", "vernein")) for w in words):
        for meaning, pattern in aw.FORMAL.items():  # "... wird eine Betroffenheit des privaten Umfelds bejaht"
            if pattern.search(" ".join(words)):
                return Answer(meaning, text.strip())
    if len(words) <= aw.MAX_SENTENCE:
        squeezed = " ".join(words)
        for meaning, pattern in aw.ANYWHERE.items():  # "moment, das vorhin war falsch"
            if pattern.search(squeezed) and not (meaning == UNKNOWN and aw.UNKNOWN_OTHER.search(squeezed)):
                return Answer(meaning, text.strip())
        if words[-1] in aw.CLOSING:  # "not my family, no"
            return Answer(aw.CLOSING[words[-1]], text.strip())
        if aspect is not None and words[0] in aw.NEGATIONS and names_aspect(" ".join(words[1:]), aspect):
            return Answer(NO, text.strip())  # "nicht online", "not my family"
    if aspect is not None and _named_only_in_doubt(text, aspect):
        return Answer(UNKNOWN, text.strip())  # "Ob dahinter eine politische Gruppe steht, ist mir nicht bekannt."
    if (said := _aspect_answer(text, aspect)) is not None:
        return Answer(said, text.strip())
    opening = _tokens(aw.CLAUSE.split(text)[0])  # "not online, but somebody filmed it"
    if aspect is not None and 2 <= len(opening) <= 4 and opening[0] in aw.NEGATIONS \
            and names_aspect(" ".join(opening[1:]), aspect):
        return Answer(NO, text.strip())
    if len(opening) <= aw.MAX_SENTENCE and aw.ANYWHERE[UNKNOWN].search(" ".join(opening)) \
            and not aw.UNKNOWN_OTHER.search(" ".join(opening)):
        return Answer(UNKNOWN, text.strip())  # "Wir wissen es nicht. Das Paket liegt noch ..."
    if aspect is not None and names_aspect(text, aspect):
        return Answer(YES, text.strip())
    if aspect == "online" and len(words) <= aw.MAX_SENTENCE and names_aspect(text, "offline") and not _opens_a_question(words):
        return Answer(NO, text.strip(), leaning=True)  # "phone", "per Brief", "face to face"
    if len(words) <= aw.MAX_CLAUSE_SCAN and aw.NOT_THERE.search(" ".join(words)):
        return Answer(NO, text.strip())  # "right now he is not there, yesterday he was"
    if (said := _clause_answer(text)) is not None:  # "... he said so. so yes i think"
        return Answer(said, text.strip())
    if aw.NOT_YET.search(" ".join(words)):
        return Answer(NO, text.strip())  # "heite noch nich. kommt meistens so gegen neune"
    if aspect is not None and aw.NOT_LIKE_THIS.search(" ".join(words)) and not _opens_a_question(words):
        return Answer(NO, text.strip(), leaning=True)  # "Not at this scale." to "has it happened before?"
    if aspect == "extremist" and _quotes_a_sign(text, words):
        return Answer(YES, text.strip(), leaning=True)  # "Auf dem Päckchen steht „Für den Volkszertreter“."
    if aspect == "extremist" and len(words) <= LOCAL_DISPUTE_WORDS and aw.LOCAL_DISPUTE.search(" ".join(words)):
        return Answer(UNKNOWN, text.strip(), leaning=True)  # "wg windpark halt"
    if not _opens_a_question(words) and (leans := _leaning(words, aspect)) is not None:
        return Answer(leans, text.strip(), leaning=True)
    return Answer(None, text.strip())


LOCAL_DISPUTE_WORDS = 6  # "wg windpark halt"; a longer reply says more than the dispute


def _quotes_a_sign(text: str, words: list[str]) -> bool:
    """A slogan or a name quoted at the question about symbols, slogans or a group, with no
    doubt or denial around it: a leaning yes (shown as taken, "zurück" undoes it)."""
    told = QUOTED.search(text) or aw.WRITTEN_SIGN.search(" ".join(words))
    return bool(told) and not (aw.DOUBTS.intersection(words) or aw.DENIALS.intersection(words) or aw.WHETHER.intersection(words))


def _asked_back(text: str, words: list[str], lang: str, aspect: str | None) -> Answer | None:
    """A question back about what the question means. When the reply goes on to answer it
    ("was bedeutet extremistisch genau? er hat kanake gesagt, das ist rassismus ja") or asks
    whether what it told counts ("they left a google review, does that count?"), what it
    told answers, as a leaning yes when it names the aspect; otherwise it is CLARIFY."""
    question, mark, told = text.partition("?")
    if not mark and "," in text:  # "what does that even mean here, its just some hater"
        question, mark, told = text.partition(",")
    asks = len(words) <= aw.MAX_SENTENCE and aw.ASKS_MEANING.search(" ".join(words)) \
        or aw.ASKS_MEANING.search(" ".join(_tokens(question)))
    if not asks:
        joined = " ".join(words)
        if aspect is not None and aw.COUNTS_QUESTION.search(joined) and names_aspect(text, aspect):
            return Answer(YES, text.strip(), leaning=True)
        counts_as = aw.COUNTS_AS.search(joined)
        # at a question of one aspect, or asked in a few words ("wait what counts as extremist" below
        # the result); not late in a reply to a question of two ("... Zählt das als Familie?. 2x")
        if counts_as and (aspect is not None or len(joined[:counts_as.start()].split()) <= 4):
            subject = joined[:counts_as.start()]  # "my job", not the "private" asked about
            named = aspect is not None and names_aspect(subject, aspect)
            return Answer(YES, text.strip(), leaning=True) if named else Answer(CLARIFY, text.strip())
        return None
    if mark and len(_tokens(told)) >= 2:
        answered = interpret(told, lang, aspect)
        if answered.meaning not in (None, CLARIFY, BACK, LANGUAGE):
            return answered
        if aspect is not None and names_aspect(told, aspect):
            return Answer(YES, told.strip(), leaning=True)
    return Answer(CLARIFY, text.strip())  # "was meinen Sie mit extremistisch?"


def _names_it_plainly(rest: str, aspect: str) -> bool:
    """After "weiß nicht" / "idk", the rest names a sign of the motive asked about, without
    wondering whether ("ob das politisch war"), doubting ("vielleicht politisch") or denying:
    a leaning yes. (Only for the extremist question: a family or a platform is named for many
    other reasons, "maybe, i'd have to ask my wife".)"""
    if _plain_sign(rest, aspect):
        return True
    # A hedge of its own before the sign: "idk maybe, one of them had 88 in the name".
    hedge, comma, sign = rest.partition(",")
    return bool(comma) and len(_tokens(hedge)) <= 2 and aw.DOUBTS.issuperset(_tokens(hedge)) and _plain_sign(sign, aspect)


def _plain_sign(text: str, aspect: str) -> bool:
    words = _tokens(text)
    if not words or words[0] in aw.WHETHER or words[0] in ("if", "obs") or aw.DOUBTS.intersection(words) \
            or aw.DENIALS.intersection(words) or any(w == "t" for w in words):
        return False
    return names_aspect(text, aspect) and not _named_only_in_doubt(text, aspect)


def _named_only_in_doubt(text: str, aspect: str) -> bool:
    """The aspect is named, but only in clauses that wonder whether it holds ("ob ...",
    "whether ..."): that is a don't know, not a yes."""
    naming = []
    for clause in aw.CLAUSE.split(text):
        words = _tokens(clause)
        if words and (_aspect_answer(clause, aspect) is not None or names_aspect(clause, aspect)):
            naming.append(words)
    return bool(naming) and all(not aw.WHETHER.isdisjoint(words[:3]) for words in naming)


def _leaning(words: list[str], aspect: str | None) -> str | None:
    """"no" or "unknown" for a reply to an aspect question that doubts or denies, else None."""
    if aspect is None or len(words) > aw.MAX_CLAUSE_SCAN:
        return None
    squeezed = " ".join(words)
    if aw.DOUBTS.intersection(words) or aw.ANYWHERE[UNKNOWN].search(squeezed):
        return UNKNOWN
    denied = aw.DENIALS.intersection(words) or any(
        word == "t" and before.endswith("n") for before, word in zip(words, words[1:]))  # "don t", "isn t"
    return NO if denied and aspect in aw.LEANS_ON_DENIAL else None


def _later_clauses(text: str) -> list[list[str]]:
    """The words of each clause after the first, without the openers ("so", "aber", "i think")."""
    out = []
    for clause in aw.CLAUSE.split(text)[1:]:
        words = _tokens(clause)
        while words and words[0] in aw.CLAUSE_OPENERS:
            words = words[1:]
        out.append(words)
    return out


def _opening(words: list[str], meaning: str) -> int:
    """How many words of a clause an answer of `meaning` takes when it opens the clause. One
    word opens an answer only when it is nothing else ("ja", "nein") or stands alone ("...,
    klar."): "right outside" or "sure he was there" are no answers."""
    length = _match_prefix(words, aw.PHRASES[meaning]) if words else 0
    return length if length and (length >= 2 or _is_answer_word(words[0]) or len(words) == length) else 0


def _clause_answer(text: str) -> str | None:
    """The answer a later clause of a longer reply starts with (its last such clause)."""
    if len(text.split()) > aw.MAX_CLAUSE_SCAN:
        return None
    found = None
    for words in _later_clauses(text):
        if len(words) <= aw.MAX_SENTENCE and aw.ANYWHERE[UNKNOWN].search(" ".join(words)):
            if not aw.UNKNOWN_OTHER.search(" ".join(words)):  # not "Weitere Vorfälle sind uns nicht bekannt"
                found = UNKNOWN  # "..., kann ich nicht sicher sagen"
            continue
        found = next((meaning for meaning in (UNKNOWN, YES, NO) if _opening(words, meaning)), found)
    return found


# "not now" said in so many words ("not rn tho im at my parents", "grad nicht"): the NO phrases
# that name the moment.
_NOW_WORDS = frozenset("jetzt jetz grad gerade grade moment momentan derzeit aktuel zurzeit augenblick now rn currently atm".split())
_NOT_NOW = tuple(p for p in aw.PHRASES[NO] if len(p.split()) >= 2 and _NOW_WORDS.intersection(p.split()))


# What a "no" must be about to answer "is anyone in danger now?" when a later clause of a
# story gives it: the danger, the moment, someone there, harm or safety ("nobody is hurt",
# "keiner mehr da"), not "No sender", "niemand hat etwas bestellt".
_DANGER_TOPIC = frozenset(
    "gefahr gefahrlich gefahrdet danger dangerous jetzt jetz grad gerade grade moment momentan now rn currently atm "
    "da hier there here weg gone fort away safe sicher sicherheit ok okay gut fine alright ruhig quiet verletzt "
    "hurt injured harmed pasiert pasieren happening happened akut acute notfall emergency".split())


def no_opens(text: str) -> bool:
    """Whether the first clause opens with a no ("Nein, aber ...", "um, nope. ...")."""
    words = _tokens(aw.CLAUSE.split(text.strip(), maxsplit=1)[0])
    while words and words[0] in aw.FILLERS:
        words = words[1:]
    if len(words) > 1 and words[0] in aw.ECHOES and _is_answer_word(words[1]):
        words = words[1:]  # "nu gefahr ni, aber ...": the question's word echoed, then the no
    return bool(words) and bool(_match_prefix(words, aw.PHRASES[NO]))


def later_no_is_about_danger(text: str) -> bool:
    """Whether the last clause after the first that a "no" opens ("..., No sender", "...,
    nobody is hurt") is about the danger (_DANGER_TOPIC), or the story denies it in so many
    words (aw.NO_DANGER, aw.NOT_THERE, "not rn")."""
    squeezed = " ".join(_tokens(text))
    if aw.NO_DANGER.search(squeezed) or aw.NOT_THERE.search(squeezed) or denies_now_later(text):
        return True
    about = False
    for words in _later_clauses(text):
        if length := _opening(words, NO):
            # the no alone ("Good heavens, no.", "gefahr? nee") or about the danger; not "No sender"
            about = len(words) == length or not _DANGER_TOPIC.isdisjoint(words)
    return about


def denies_now_later(text: str) -> bool:
    """Whether a clause after the first of a long story says "not now" ("... my own street
    name lol. not rn tho im at my parents"): at the danger question, its answer, however long
    the story before it (`_clause_answer` reads no further than MAX_CLAUSE_SCAN words)."""
    return any(words and _match_prefix(words, _NOT_NOW) for words in _later_clauses(text))


# A reply that opens with a question word and goes on asks its own question ("was könn mir vorher
# machen dass uns ni sowas passiert": its "ni sowas" is no "not like this" to "online?"); squeezed.
QUESTION_MIN_WORDS = 5


def _opens_a_question(words: list[str]) -> bool:
    return len(words) >= QUESTION_MIN_WORDS and words[0] in _QUESTION_OPENERS


def language_named(text: str) -> str | None:
    """The language a message names as the one wanted, at any length ("I would like to
    write in English please", "i dont speak german"), or None."""
    return _named_language(_tokens(text))


# At the danger question a doubt answers it when the message is short ("weiß nicht", "keine
# ahnung ehrlich gesagt") or doubts the danger itself ("weiß nicht ob der noch draußen ist").
# A story with a doubt about something else ("weiß nicht ob ich hier richtig bin. seit wochen
# ruft nachts jemand an", "no idea who did it", "Wer das war, wissen wir nicht") is a story.
SHORT_DOUBT = 8  # words
_DANGER_DOUBT = re.compile(
    r"\b(?:ob|obs|if|whether)(?: \w+){0,4} (?:noch da|noch dort|noch drau\w*|noch vor|noch hier|noch in der nahe|da ist|da sind"
    r"|drausen|draussen|vor der tur|vorm haus|vor dem haus|in gefahr|sicher|gefahrlich|weg ist|weg sind|wiederkommt|zuruckkommt"
    r"|still there|still here|still outside|still around|outside|in danger|safe|dangerous|gone|coming back|come back)\b")


# A doubt about what to do: "ich weiss nicht ob ich aufhoeren soll", "idk if i should report it".
_WHETHER_I = re.compile(r"\b(?:ob|obs|if|whether) (?:ich|wir|i|we) (?:\w+ ){0,4}(?:soll|sollte|sollen|should|shall|muss|must|have to|kann|can)\b")


# What a doubt is about: "weiß nicht ob ...", "no idea who did it", "not sure if ...".
_DOUBTED = frozenset("ob obs if whether who wer wen was what wie how wo where warum why wann when welche which".split())


def doubts_something_else(text: str) -> bool:
    """Whether a message with a doubt in it tells a story rather than answering "is anyone
    in danger now?" with "I don't know" (_DANGER_DOUBT). A plain doubt first ("Wir wissen es
    nicht. Er hat gedroht, ...") answers the question."""
    folded = fold(text)
    if _DANGER_DOUBT.search(folded):
        return False
    if MATTER_DOUBT.search(folded):
        return True  # "weiss nich ob das was is", "not sure if this counts": whether it matters, however short
    if _WHETHER_I.search(folded):
        return True  # "ich weiss nicht ob ich aufhoeren soll": whether to do something, not whether in danger
    if len(folded.split()) <= SHORT_DOUBT:
        return False
    clauses = [_tokens(c) for c in aw.CLAUSE.split(text) if c.strip()]
    opening, after = clauses[0], (clauses[1] if len(clauses) > 1 else [])
    plain = len(opening) <= 4 and _DOUBTED.isdisjoint(opening) and not (after and after[0] in _DOUBTED) \
        and opening[0] not in aw.MAYBE and interpret(" ".join(opening), "de").meaning == UNKNOWN  # not "Vielleicht bin ich paranoid."
    return not plain


# A yes that only opens a story ("Ja guten Tag, also ...", "nu, eichentlich is nüscht. der
# nachbar ...", "Right so. There's a fella ..."): a greeting or filler, not "yes, in danger".
_OPENING_YES = frozenset("ja jo nu yes yeah yep right ok okay alright".split())
_OPENING_FILLERS = frozenset(_squeeze(w) for w in (
    "guten tag morgen abend hallo halo hi hello moin servus gruss got good morning evening afternoon "
    "day also so folgendes well then dann denn nun na").split())
STORY_WORDS = 12


def opens_a_story(text: str) -> bool:
    """Whether a yes first only opens a story of more than STORY_WORDS words."""
    clauses = [_tokens(c) for c in aw.CLAUSE.split(text) if c.strip()]
    if not clauses or len(fold(text).split()) <= STORY_WORDS:
        return False
    opening = clauses[0]
    if not opening or opening[0] not in _OPENING_YES:
        return False
    if len(opening) == 1:  # "nu, eichentlich is nüscht. ...", "Yes, good afternoon. The mayor's garage ..."
        return opening[0] in ("nu", "right") or len(clauses) > 1 and bool(clauses[1]) and clauses[1][0] in _OPENING_FILLERS
    return opening[1] in _OPENING_FILLERS  # "Ja guten Tag, ...", "yeah hi so idk if ..."


def _language_wish(words: list[str]) -> str | None:
    """"english please?", "auf deutsch bitte, mein englisch ist schlecht": a language's
    name in a short message, or in a longer one that asks for it."""
    if len(words) > aw.MAX_SENTENCE or len(words) > 6 and not aw.WISH.intersection(words):
        opening = words[:aw.LANGUAGE_ASK_WORDS]  # "kannst du wieder deutsch? sorry war vorhin panisch. ..."
        if aw.LANGUAGE_ASK.match(" ".join(opening)):
            return _named_language(opening)
        return None
    return _named_language(words)


def _named_language(words: list[str]) -> str | None:
    for i, word in enumerate(words):  # asked for in so many words: "… alles auf Englisch, das kann ich nicht. Bitte auf Deutsch."
        if any(_close(word, name) for names in aw.LANGUAGE_NAMES.values() for name in names) \
                and not aw.PLEASE_BEFORE_LANGUAGE.isdisjoint(words[max(i - 2, 0):i] + words[i + 1:i + 2]) \
                and not aw.NOT_BEFORE_LANGUAGE.search(" ".join(words[max(i - 2, 0):i])):  # not "kein englisch bitte"
            return next(target for target, names in aw.LANGUAGE_NAMES.items() if any(_close(word, n) for n in names))
    for i, word in enumerate(words):  # the first named: "bitte auf deutsch, ich kann kaum englisch"
        for target, names in aw.LANGUAGE_NAMES.items():
            if any(_close(word, name) for name in names):
                if aw.NOT_BEFORE_LANGUAGE.search(" ".join(words[max(i - 3, 0):i])) \
                        or aw.POOR_AFTER_LANGUAGE.match(" ".join(words[i + 1:i + 6])):
                    return "de" if target == "en" else "en"  # "i dont speak german", "mein englisch is schlecht"
                return target
    return None


def names_aspect(text: str, aspect: str) -> bool:
    """Whether a reply names the aspect a question asks about ("meine Kinder" to "your
    family?", "SS-Runen" to "an extremist motive?")."""
    from knowledge.extract import aspects, without_asked_again

    folded = without_asked_again(fold_text(text))  # "can you show me the number again"
    if aspect in aw.ASPECT_ANSWERS and aw.ASPECT_ANSWERS[aspect][YES].search(folded):
        return True
    return aspect in aspects(folded).ids()


def _aspect_answer(text: str, aspect: str | None) -> str | None:
    """What a reply says to the question about `aspect` in that question's own words: "first
    time" to "happened before?", "clearly political" to "an extremist or political motive?"."""
    if aspect not in aw.ASPECT_ANSWERS:
        return None
    from knowledge.extract import home_denied, without_asked_again

    folded = " ".join(aw.DIALECT.get(w, w) for w in without_asked_again(fold_text(text)).split())  # "vorher schu zwee"
    answers = aw.ASPECT_ANSWERS[aspect]
    if aspect == "repeated" and aw.NOT_FIRST.search(folded):
        return YES
    if answers[NO].search(folded) or aspect == "private_sphere" and home_denied(folded):
        return NO  # "The Mayor's family is not mentioned", "not to the private residence"
    if answers[YES].search(folded):
        return YES
    return None


def aspect_parts(text: str, asked: tuple[str, ...]) -> dict[str, str]:
    """For a question about several aspects ("Zuhause? Oder mehrmals?"), what each clause of
    the reply says of each: YES or NO, for the aspects it speaks of ("nee familie nich, aber
    das geht seit wochen so": private_sphere NO, repeated YES)."""
    said: dict[str, str] = {}
    if len(text.split()) > aw.MAX_PARTS_SCAN:
        return said
    for clause in aw.CLAUSE.split(text):
        words = _tokens(clause)
        denied = bool(aw.DENIALS.intersection(words)) or _match_prefix(words, aw.PHRASES[NO]) > 0  # "nee, ..."
        for aspect in asked:
            meaning = _aspect_answer(clause, aspect)
            if meaning is None and names_aspect(clause, aspect):
                meaning = NO if denied and aspect != "repeated" else YES
            if meaning is not None:
                said[aspect] = meaning
    return said


def _is_answer_word(word: str) -> bool:
    return word in aw.ANSWER_WORDS


_LAST_SENTENCE = re.compile(r"(?<=[.!?;])\s+")


def all_clear(text: str) -> bool:
    """A reply to "is anyone in danger now?" that says all is well: in words of its own
    (aw.ALL_CLEAR), or as the understanding reads it over ("they left", "uns geht's gut") or
    safe ("er ist weg", "bin in Sicherheit"), unless a relative is named ("mein Sohn ist weg")."""
    words = " ".join(_tokens(text))
    if aw.NOT_CLEAR.search(words):
        return False
    if aw.ALL_CLEAR.search(words):
        return True
    folded = fold_text(text)
    found = concepts(folded, text)
    if found.isdisjoint({"over"}) and not found.isdisjoint({"explosive", "injury"}):
        return False  # out of the room, but the powder is on the desk, a colleague hurt: the question stands
    if len(words.split()) > aw.MAX_SENTENCE:
        # a story: a scene in it ("vor der Tür steht seit 20 Minuten ein Paket") keeps it from
        # being all clear, and the all-clear is read in its last sentence ("..., jetzt ist er
        # weg"), not in a "leaving my house" or "abgegeben" told on the way
        if len(words.split()) > aw.MAX_CLAUSE_SCAN or not found.isdisjoint({"present_scene", "live_situation", "live_hazard"}):
            return False
        last = _LAST_SENTENCE.split(text.strip())[-1]
        found = concepts(fold_text(last), last)
    return bool(found & {"over", "safe_now"}) and not aw.RELATIVE.search(words)


# --- a question (below the result: asked, not told) -------------------------------------

_FILLERS = frozenset(
    "wait ok okay oh ah also und and so sorry hey hi btw aber but ahm ah hm hmm uh um well noch eine ne nen frage "
    "question kurze kurz quick mal nochmal one more thing just lol ach na achso".split())
# Asking said in words, anywhere: "ich frage mich ob", "I was wondering if", "do you know".
_ASKING = re.compile(
    r"\b(?:frag(?:e|t)? mich|wusste gern|(?:wuerde|wurde|mochte|moechte|would like to|want to|wanted to) (?:\w+ ){0,2}(?:wissen|know)|"
    r"wollte (?:mal )?fragen|weiss jemand|wissen sie ob|wisst ihr ob|(?:eine|ne) frage|wondering|wonder if|"
    r"do you know|any idea|wanted to ask|want to know|need to know|is there any way|any chance|any way to|"
    r"weiss nicht ob|weiss nich ob|frage ob|not sure if|not sure whether|unsure whether|what if|was ist wenn|und wenn ich|"
    # a choice weighed: "aufhoeren oder weitermachen" (an honorary mayor, stop 49)
    r"oder weitermachen|oder weiter machen|or carry on|or keep going|or keep at it|"
    # asked after the word: "auskunftssperre was ist das" (an honorary mayor, stop 49)
    r"was ist das|was heisst das|was bedeutet das|what is that|what s that|whats that|what does that mean)\b")
_QUESTION_WORDS = frozenset(
    "was wie wer wem wen wo wann warum wieso weshalb welche welcher welches welchen wohin woher wozu "
    "what how who whom where when why which whats hows wheres".split())
_QUESTION_OPENERS = frozenset(map(_squeeze, _QUESTION_WORDS))  # as `_tokens` spells them ("wann": "wan")
_AFTER_GERMAN_WAS = frozenset(
    "mach mache machen tun heisst bedeutet passiert sagt sagen sag sage erzahl erzahle schreib schreibe antworte "
    "meinen meint denn jetzt nun genau kostet kost bringt sollen sollten mussen konnen "
    "soll sollte kann konnte muss ist is isn issn sind gibt gibts hat wird wurde wenn".split())
# Verb first with its subject after it asks ("kann ich", "is des", "can i", "is there");
# without one it tells ("hab ihn gestern wieder gesehen", "is immer der selbe").
_ASKING_VERBS = frozenset(
    "kann konnte koennte muss musste sollte soll darf durfte ist is sind bin gibt gibts hat haben wird werden "
    "brauche brauch braucht wurde wuerde bekomme krieg kriege erfahrt erfaehrt "
    "can could should must do does did is are will would may shall am".split())
_SUBJECTS = frozenset(
    "ich man er sie es das des die der dem den wir ihr du mir mich denn i you we they he she it this that "
    "there the someone anyone my u he's it's mein meine meiner meinen dein deine sein seine ihre unser unsere "
    "euer eure your his her our their sich".split())
# "is immer der selbe", "ist halt so": a verb first before these tells, whatever follows.
_TELLING_AFTER_VERB = frozenset(
    "immer schon doch halt eben wieder auch noch ja echt so nicht net ni nich gut ok okay klar alles vorbei weg "
    "schlimm egal mir passiert nun jetzt eh wohl "
    # the time told: "is halb drei nachts" (a mayor's wife at 2:30, stop 49)
    "halb viertel kurz mitten spat fruh dunkel mitternacht grad gerade".split())
# German verbs that end a question's first word: "Übernimmt die Versicherung", "kostet mich das".
_VERB_ENDINGS = ("t", "st")


# A question about the law ("Welche Frist gilt für einen Strafantrag?", "is that even a crime?").
_LAW_ASKED = re.compile(r"\b(?:strafbar\w*|straftat\w*|strafantrag\w*|frist\w*|verjahr\w*|gesetz\w*|paragra(?:f|ph)\w*"
                        r"|rechtlich\w*|rechtslage|legal\w*|illegal|crime|criminal|law|laws|deadline|time limit|press charges"
                        # who may file: "muss ich das selber anzeigen oder kann das auch das landratsamt machen als aufsicht?"
                        r"|dienstvorgesetzt\w*|rechtsaufsicht\w*|aufsichtsbehorde\w*|selb\w* anzeigen|selbst anzeige\w*)\b")


def asks_about_the_law(text: str) -> bool:
    """Whether `text` asks about the law (a question that names it, or "§")."""
    return is_question(text) and ("§" in text or _LAW_ASKED.search(fold(text)) is not None)


def is_question(text: str) -> bool:
    """Whether the text asks rather than tells: a question mark, a question word first, or
    a verb first with its subject after it (fillers such as "wait" or "und" skipped)."""
    words = [w.strip(".,;:!?\"'„“”()") for w in fold(text).split()]
    words = [w for w in words if w]
    if "?" in text and len(words) >= 2 or _ASKING.search(fold(text)):  # "hallo?" calls, it does not ask
        return True
    while words and words[0] in _FILLERS:
        words = words[1:]
    if not words:
        return False
    if words[0] == "was":  # German "what" asks ("was kostet das"), English "was" tells ("was at the market")
        return len(words) > 1 and words[1] in _AFTER_GERMAN_WAS
    if words[0] in _QUESTION_WORDS:
        return True
    if words[0] in ("gibt", "gibts"):  # "gibts da was", "gibt es"
        return True
    if len(words) < 2:
        return False
    if words[0] in ("ist", "is", "sind") and words[1] not in _TELLING_AFTER_VERB:
        return True  # "Ist ZASTEX auch für Gemeinderäte zuständig", "is police open at night"
    if words[0] in _ASKING_VERBS and words[1] in _SUBJECTS:
        return True
    # "Übernimmt die Versicherung den Schaden", "kostet mich das was": a verb first, then its subject
    if len(words[0]) > 3 and words[0].endswith(_VERB_ENDINGS) and words[1] in _SUBJECTS \
            and words[1] not in ("the", "my", "this", "that", "it", "i"):
        return True
    # "polizei is jetzt da. was sag ich denen": a later sentence that opens with a question word
    for sentence in re.split(r"(?<=\w)[.!;]+\s+", text)[1:3]:
        opened = [w.strip(".,;:!?\"'„“”()") for w in fold(sentence).split()]
        if len(opened) >= 3 and (opened[0] == "was" and opened[1] in _AFTER_GERMAN_WAS
                                 or opened[0] != "was" and opened[0] in _QUESTION_WORDS and opened[1] not in _SUBJECTS
                                 # "… schlafen kaum noch. gibt es da jemand zum reden" (an honorary mayor, stop 49)
                                 or opened[0] in ("gibt", "gibts") and opened[1] in ("es", "da", "s", "hier")):
            return True
    # "und das Hausverbot, darf ich das einfach so aussprechen": the second clause asks
    for clause in text.split(",")[1:3]:
        asked = fold(clause).split()
        if len(asked) >= 3 and asked[0] in _ASKING_VERBS and asked[1] in _SUBJECTS and asked[0] not in ("ist", "is", "hat"):
            return True
    return False


# A plan to call or report, or what one does in an emergency, said below the result ("ich ruf
# morgen bei der polizei an", "gonna report it tomorrow", "Im Notfall wählen wir 110").
_PLAN = re.compile(
    r"\b(?:ich|wir|i|we) (?:werde|werden|werd|will|wollen|mochte|mochten|wurde|wurden|ruf|rufe|rufen|melde|melden|geh|gehe|gehen|fahr|fahre|fahren"
    r"|erstatte|erstatten|zeig|zeige|zeigen|mach|mache|machen)\b(?: \w+){0,6}"
    r" (?:an|anrufen|melden|anzeigen|anzeige|erstatten|hin|hingehen|vorbei|revier|polizei|110|onlinewache)\b"
    r"|\b(?:ruf|rufe|melde|geh|gehe|fahr|fahre|zeig|zeige) (?:ich|wir)\b(?: \w+){0,5} (?:an|hin|vorbei|polizei|revier|110)\b"
    r"|\b(?:i ll|ill|i will|we ll|we will|i m going to|im going to|gonna|going to|i m gonna|im gonna|i plan to|we plan to"
    r"|i d|i would|we d|we would|i want to|we want to|i wanna|want to|would like to|d like to)\b(?: \w+){0,4} (?:call|ring|report|contact|go to|file|phone|reach out|get in touch)\b"
    r"|\b(?:im notfall|notfalls|zur not|in an emergency|in einem notfall|in case of emergency|if need be)\b(?: \w+){0,4} (?:110|112|notruf|polizei|police)\b")


def states_a_plan(text: str) -> bool:
    """Whether a statement (no question) says what the writer will do: call, report, go there."""
    return not is_question(text) and _PLAN.search(fold(text)) is not None


# What to do now or first: "so what do i do first", "was soll ich jetzt tun".
_WHAT_NOW = (r"\bwhat (?:do|should|shall|can|must) (?:i|we) do (?:first|now|next)\b|\b(?:first|erste\w*|nachste\w*|next) (?:step|schritt)\b"
             r"|\bwas (?:soll|sollte|muss|kann) (?:ich|wir) (?:denn |jetzt |nun |als erstes |zuerst |als nachstes )*(?:tun|machen)\b")
_FIRST = re.compile(r"\b(?:first|zuerst|als erstes|erste\w*)\b")


def asks_what_first(text: str) -> bool:
    """Whom to call, or what to do first ("so what do i do first"); not what to do now or
    next, which asks for more advice ("was soll ich jetzt tun")."""
    folded = fold(text)
    return asks_whom_to_call(text) and (re.search(_WHAT_NOW, folded) is None or _FIRST.search(folded) is not None)


# Whom to call or where to turn first ("wen soll ich jetzt anrufen", "an wen wende ich mich",
# "who do i call first", "where do i report this"); not "who else" (more places: a button).
_WHOM_TO_CALL = re.compile(
    r"\b(?:wen|an wen|bei wem|wo|wohin|welche\w* (?:stelle|nummer|behorde|polizei))"
    r"(?: \w+){0,7} (?:anrufen|anruf|melden|meld|melde|wenden|wende|wend|hinwenden|anzeigen|hingehen|gehen|telefonieren|anfangen"
    r"|kontaktieren|kontaktiere|wahlen|wahle|erstatten|erstatte|sprechen|reden|ansprechen|hin|hinschicken|schicken|anzeige"
    r"|(?:ruf|rufe|rufen|zeig|zeige|zeigen)(?: \w+){0,4} an)\b"
    r"|\b(?:who|whom|where|which (?:number|office|one|station|police|place|authority)|which of (?:these|them|those|the \w+))"
    r"(?: (?:do|does|should|shall|can|could|would|must|to|is|are|am|exactly|even|first|best|now|then))+(?: \w+){0,5}"
    r" (?:call|ring|phone|contact|report\w*|file\w*|go|turn to|reach out|reach|get help|start|begin|talk to|talk with"
    r"|speak to|speak with|write to|email|notify|tell|send it|go with|hit up|message|text|dm)\b"
    # who is in charge, the right place: "wer is da fuer sowas zustaendig", "which office is responsible"
    r"|\b(?:wer|welche\w*|which|who|what)(?: \w+){0,6} (?:zustandig|verantwortlich|responsible|in charge"
    r"|(?:die |der |das )?richtige\w*(?: \w+)?|(?:the )?right (?:one|place|office|people|person|authority|contact|number))\b"
    r"|\b(?:who|which \w+) (?:handles|deals with|takes care of|is dealing with)\b"
    # who can help, the first step: "wer kann mir da helfen?", "so what do i do first"
    r"|\b(?:wer|who)(?: \w+){0,3} (?:helfen|hilft|help|helps)\b"
    r"|" + _WHAT_NOW)


# Asked for the writer (or on someone's behalf, with a modal: "Wen sollte der Bürgermeister
# als Erstes anrufen?"), not about someone else ("where did he go?").
_ASKER = frozenset("ich i wir we man me mir uns us soll sollte sollten sollen should shall kann konnen can could"
                   " muss must best besten zustandig verantwortlich responsible charge richtige right handles deals takes"
                   " step schritt".split())


def asks_whom_to_call(text: str) -> bool:
    """Whether a question asks whom the writer should call or where to turn ("where did he
    go?" asks about someone else)."""
    folded = fold(text)
    found = _WHOM_TO_CALL.search(folded)
    if found is None:
        return False
    around = found.group(0).split() + folded[found.end():].split()[:2]  # "an wen wende ich mich"
    return not _ASKER.isdisjoint(around)  # a question word leads the match: asked, wherever it stands


def asks_about_police_visit(text: str) -> bool:
    """Whether a question asks if the police come or where to go to them ("kommen die dann zu
    mir raus oder mus ich nach plauen fahrn", "will an officer come to the town hall")."""
    folded = fold(text)
    return POLICE_VISIT_ASKED.search(folded) is not None and _VISIT_WORDS.search(folded) is not None  # verb first: asked


_VISIT_WORDS = re.compile(r"\b(?:polizei\w*|police|revier\w*|wache|station|officers?|beamte\w*|cops?|vorbei\w*|raus\w*"
                          r"|zu mir|to me|to my|my place|nach hause|ins rathaus|town hall|personlich|in person|hinfahr\w*|hingeh\w*)\b")


# Whether one must answer ("Muss ich diese Frage beantworten?", "do I have to answer that",
# "can I skip this"): no, and how not to.
_MUST_ANSWER = re.compile(
    r"\b(?:mus+t? (?:ich|man|wir)(?: \w+){0,3} (?:beantworten|antworten|sagen|angeben)"
    r"|(?:kann|darf|konnen|durfen) (?:ich|man|wir)(?: \w+){0,3} (?:uberspringen|auslassen|weglassen)"
    r"|(?:do|must) (?:i|we) (?:have|need) to (?:answer|say|tell)|(?:can|may) (?:i|we) skip|is (?:this|that|it) (?:mandatory|required))\b")


def asks_whether_to_answer(text: str) -> bool:
    return bool(_MUST_ANSWER.search(fold(text)))


# Asking who reads, sees or gets what is typed here, whether it is passed on, traced or
# deleted: a question about privacy even without a question mark ("wer liest dn das hier
# eigentlich mit", "geht das dann gleich an die polizei", "if i give my town can it be traced back").
_PRIVACY_ASKED = re.compile(
    r"\b(?:wer|who)\b(?: \w+){0,5} (?:liest|lesen|sieht|sehen|sehn|see|sees|read|reads|kriegt|bekommt|gets)\b"
    r"|\b(?:liest|lesen|sieht|sehen|see|read)\b(?: \w+){0,4} (?:mit|hier|this|what i)\b"
    r"|\bgeht (?:das|des)(?: dann| gleich| auch| automatisch)* an (?:die|den|das)\b|\bbleibt (?:das|des) bei\b"
    r"|\btraced\b|\bzuruckverfolg\w*|\banonym bleib\w*|\bstay anonymous\b"
    r"|\b(?:delete|losch\w*) (?:everything|alles|all)\b"
    # ending up in the paper ("landet das dann in der zeitung"); not letters told to have been in it
    r"|\b(?:landet|landen|landt|kommt|kommen|steht|stehen|stehts|erscheint|erscheinen|end up|ends up|appear|appears|get|gets|be)"
    r"(?: \w+){0,4} in (?:der|dr|die|the) (?:zeitung|presse|paper|newspaper|press)\b")
_PRIVACY_WORDS = frozenset(
    "datenschutz daten angaben gespeichert speichern speichert loschen geloscht mitlesen mitliest "
    "weitergeleitet weitergegeben weitergeben weiterleiten "
    "privacy data stored store storing saved deleted shared forwarded".split())


# What only this service's privacy is about ("Datenschutzerklärung", "is this chat encrypted",
# "wie lange hebt ihr das auf", "wer betreibt das hier").
_PRIVACY_ONLY = re.compile(
    r"\bdatenschutz\w*|\bprivacy\b|\bverschlus+el\w*|\bencrypt\w*|\bbetreib\w*|\boperator\b|\bserver\b"
    r"|\bwie lange\b(?: \w+){0,3} (?:aufheb\w*|hebt|speicher\w*|gespeichert)|\bhow long\b(?: \w+){0,3} (?:keep|store|stored)\b"
    r"|\bloschung meiner\b|\bdeletion of my\b|\bnuke this\b|\bthis whole (?:convo|chat|conversation)\b"
    # the data taken ("is this some govt data grab", "sammelt ihr hier Daten")
    r"|\bdata ?grab\w*|\bdatenkrake\b|\b(?:collect|collecting|harvest\w*) (?:my |our |your |people s )?data\b|\bdaten (?:sammeln|gesammelt)\b"
    r"|\bsammel\w* (?:ihr|sie|du)(?: \w+){0,2} daten\b"
    # a request under the data-protection law ("Löschung aller zu meiner Person gespeicherten Daten gemäß Art. 17 DSGVO")
    r"|\bdsgvo\b|\bgdpr\b|\bloschung (?:aller|der|meiner)\b(?: \w+){0,4} daten\b|\bauskunft (?:uber|nach)\b(?: \w+){0,4} daten\b")
# This chat, what is typed in it, or the one who runs it ("das hier", "what i type here", "ihr", "you guys").
_THIS_CHAT = re.compile(
    r"\b(?:das|des) hier\b|\bthis (?:chat|convo|conversation|channel|service)\b|\bdiese[mn]? (?:chat|kanal|dienst|angebot)\b"
    r"|\bwhat i (?:type|write|enter|wrote|say)\b|\bwas ich (?:hier )?(?:schreib\w*|eingeb\w*|sag\w*)\b"
    r"|\bmeine[rn]? (?:meldung|eingaben|angaben|nachrichten)\b|\bmy (?:messages|report|answers|data)\b"
    r"|\b(?:talked|wrote|written|reached out|writing)(?: to you| here)\b|\b(?:hier|bei euch|bei ihnen) (?:geschrieb\w*|gemeldet|schreib\w*)\b"
    r"|\bmich hier gemeldet\b|\bany of this\b|\bthis stuff\b|\bhier (?:rein|rin)schreib\w*\b|\bhier was schreib\w*\b"
    r"|\bbevor ich (?:hier|weiter)\b|\bbefore i (?:go on|continue|answer|type)\b")
# The same said by a bare "ihr", "you" or "here" ("wie lange hebt ihr das auf"): only where
# nothing else in the message was understood.
_YOU_OR_HERE = re.compile(r"\b(?:ihr|euch|you|here|hier)\b")
# What a person fears becomes of it: read, seen, found out, passed on, kept, deleted, leaked.
_PRIVACY_FEAR = re.compile(
    r"\b(?:les\w*|liest|read\w*|sieht|sehen|sehn|see|seen|visible|sichtbar|kenntnis|mitbekomm\w*|find out|rausfind\w*"
    r"|erfahr\w*|access|zugriff|landet|lands|ends up|kriegt|kricht|krigt|gets|anonym\w*|anonum|secret|geheim"
    r"|gespeichert|speicher\w*|stored|store|keep|aufheb\w*|hebt|losch\w*|delete\w*|leak\w*|weitergegeb\w*"
    r"|weitergeleit\w*|passed on|disclosed|rumgeht|go(?:es)? to the (?:cops|police|municipality|press)|an dritte)\b")


def asks_about_privacy(text: str, *, in_so_many_words: bool = False) -> bool:
    """Whether the text asks what becomes of what is typed here: in so many words ("wer liest
    das hier mit", "is this chat encrypted", or a question naming this chat and what the
    person fears: "can my party see that i reached out here"), or, unless
    `in_so_many_words`, also as a remark ("ich will ni das das in der gemeinde rumgeht das
    ich mich hier gemeldet hab") or a question naming data ("Was geschieht mit unseren
    Angaben?"). A story with a question in it ("we hid it but did not delete it, was that
    right?") is no such question."""
    folded = fold(text)
    if _PRIVACY_ASKED.search(folded) or _PRIVACY_ONLY.search(folded):
        return True
    fear = _PRIVACY_FEAR.search(folded)
    if in_so_many_words:
        return bool(fear and _THIS_CHAT.search(folded)) and is_question(text)
    # "wie krieg ich fb dazu das profil zu löschen": a platform's data, not ours (unless this chat is named)
    elsewhere = ANY_PLATFORM.first(folded) is not None and not _THIS_CHAT.search(folded)
    return bool(fear and (_THIS_CHAT.search(folded) or _YOU_OR_HERE.search(folded))) or is_question(text) \
        and not elsewhere and not _PRIVACY_WORDS.isdisjoint(w.strip(".,;:!?") for w in folded.split())

# At the 110 advice: the writer cannot call (no signal, cannot speak, would be heard) or asks
# the bot to send the police ("koennen sie nich die polizei schicken? mei handy hat kaum netz",
# "pls i cant talk can u send them a msg"). Folded text.
_CANNOT_CALL = re.compile(
    r"\b(?:kann|konnen|konnte|kan) (?:ich |wir )?(?:jetzt |gerade |grad |grade )?(?:nicht|nich|net|ned|ni|nit)"
    r" (?:\w+ ){0,2}(?:anrufen|anrufn|telefonieren|telefoniern|sprechen|reden|wahlen|rufen|laut sein)\b"
    r"|\b(?:kein|keen|keene|keine|ohne) (?:netz|empfang|guthaben)\b|\bkaum (?:netz|empfang)\b|\bakku (?:ist |is )?(?:leer|alle)\b"
    r"|\b(?:konnen|konnt|konnten|kannst|kann) (?:sie|du|ihr|man) (?:nicht |nich |net |ni |mal |bitte |bite )*(?:die |den |jemand |jemanden )?"
    r"(?:polizei|bullen|hilfe|streife|110)?(?: \w+){0,2} (?:schicken|rufen|anrufen|informieren|alarmieren|holen|verstandigen|benachrichtigen)\b"
    r"|\b(?:can t|cant|cannot|can not|couldn t|couldnt)(?: \w+)? (?:call|talk|speak|phone|dial|make a call)\b"
    r"|\bno (?:signal|reception|service|credit|bars)\b|\b(?:phone|battery) (?:is )?(?:dead|died|almost dead|about to die)\b"
    r"|\b(?:can|could|will) (?:you|u|ya) (?:pls |please |plz |just )?(?:call|send|tell|text|message|msg|alert|inform|contact|get)"
    r" (?:the )?(?:police|cops|them|help|someone|somebody|110)\b"
    r"|\bsend (?:them|the police|the cops|police|help) (?:a (?:msg|message|text)|pls|please|plz|for me)\b")


def cannot_call(text: str) -> bool:
    """Whether someone at the 110 advice says they cannot call, or asks the bot to send help."""
    return bool(_CANNOT_CALL.search(fold(text)))


# Asked what to do with the messages, posts or the account ("can i block him on insta or do i
# need to keep the msgs", "soll ich die nachrichten löschen?", "darf ich den blockieren"): what
# the advice says about evidence (folded).
_ASKS_EVIDENCE = re.compile(
    r"\b(?:can|could|should|shall|do|must|may) i(?: \w+){0,3} (?:block|delete|keep|save|screenshot|ignore)\b"
    r"|\b(?:soll|sollte|kann|darf|muss|mus) (?:ich|man|wir)(?: \w+){0,4} (?:blockieren|sperren|loschen|behalten|aufheben"
    r"|aufbewahren|speichern|screenshot\w*|ignorieren)\b"
    r"|\b(?:blockieren|loschen|block|delete)(?: \w+){0,2} (?:oder|or)(?: \w+){0,3} (?:behalten|aufheben|keep|save|speichern)\b"
    # deleted or left for the police: "kann die das loeschen oder muss das stehn bleiben fuer die polizei"
    r"|\b(?:loschen|entfernen|delete|remove)(?: \w+){0,2} (?:oder|or)(?: \w+){0,4} (?:stehen|stehn|stay|leave it|left)\b"
    r"|\b(?:kann|darf|soll|sollte) (?:die|der|sie|er|meine \w+|mein \w+|unsere \w+)(?: \w+){0,3} (?:loschen|entfernen)\b")
_EVIDENCE_OBJECTS = re.compile(
    r"\b(?:nachricht\w*|msgs?|messages?|dms?|posts?|kommentar\w*|comments?|chat\w*|account\w*|profil\w*|mails?|e mails?"
    r"|screenshots?|beweis\w*|evidence|him|her|them|ihn|den|die|insta\w*|facebook|fb|telegram|whatsapp|tiktok|x|twitter)\b")


def asks_about_evidence(text: str) -> bool:
    """Whether `text` asks what to do with the messages, posts or the account (block, delete, keep)."""
    folded = fold(text)
    return bool(_ASKS_EVIDENCE.search(folded)) and bool(_EVIDENCE_OBJECTS.search(folded))


# Asked how to get a post, video or address taken down ("kann ich das video löschen lassen?",
# "how do i get it taken down", "make him stop posting my address"): secure it first, then
# the platform's report and a complaint (folded).
_ASKS_REMOVAL = re.compile(
    r"\b(?:losch\w*|entfern\w*|sperr\w*|runternehm\w*|runter nehm\w*) (?:zu )?lassen\b"
    r"|\b(?:wie|wo|kann|konnen|konnte) (?:\w+ ){0,5}(?:geloscht|entfernt|gesperrt|runtergenommen|runter genommen)\b"
    r"|\b(?:loschung|entfernung|sperrung) (?:\w+ ){0,3}(?:beantrag\w*|verlang\w*|erreich\w*|durchsetz\w*)\b"
    r"|\b(?:wie|how) (?:\w+ ){0,4}(?:weg|runter|offline)(?: bekomm\w*| krieg\w*| kriegen| machen)\b"
    r"|\b(?:get|got|getting|have|has|make) (?:it|them|this|that|those|these|the \w+|my \w+|his \w+|her \w+|their \w+)"
    r"(?: \w+)? (?:taken down|removed|deleted|pulled down|pulled|off (?:the )?(?:internet|web|site|page|platform))\b"
    r"|\bget (?:\w+ ){0,3}taken down\b"
    r"|\b(?:take|taking) (?:\w+ ){0,3}down\b|\btake ?down\b"
    r"|\b(?:make|get) (?:him|her|them|it|that account|the account) (?:to )?stop (?:posting|sharing|spreading)\b"
    r"|\b(?:krieg\w*|bekomm\w*) (?:ich|man|wir|i) (?:\w+ ){0,3}(?:weg|runter|raus|geloscht|entfernt)\b"
    # deleted with the evidence: "wenn wir das Facebook melden und die löschen, sind dann nicht die Beweise weg?"
    r"|\b(?:beweise|beweis|evidence|proof) (?:\w+ ){0,2}(?:weg|verloren|futsch|gone|lost|geloscht|deleted)\b"
    r"|\b(?:lose|losing|verlier\w*) (?:\w+ ){0,2}(?:beweise|evidence|proof)\b"
    r"|\b(?:geloscht|entfernt|runtergenommen|gesperrt) (?:wird|werden)\b"
    r"|\b(?:can|could|how|wie) (?:\w+ ){0,3}(?:remove|delete)\b(?! (?:my |the |this |your )?(?:data|account|app|chat|conversation))")


def asks_about_removal(text: str) -> bool:
    """Whether `text` asks how to get something posted about the user taken down (not the
    address blocked in the residents' register: "dass man seine adresse sperren lassen kann")."""
    folded = fold(text)
    return bool(_ASKS_REMOVAL.search(folded)) and not _REGISTER_BLOCK.search(folded)


_REGISTER_BLOCK = re.compile(r"\b(?:adresse|anschrift|wohnadresse|melderegister|meldeadresse)(?: \w+){0,2} (?:sperr\w*|gesperrt)\b"
                             r"|\bauskunftssperre\b")


# Asked whether to stay somewhere else ("should i stay at a friends place tonight", "soll ich
# heute woanders schlafen?"): yes if they do not feel safe, and 110 if anyone is there.
_ASKS_STAYING_AWAY = re.compile(
    r"\b(?:should|shall|can|could|do) (?:i|we)(?: \w+){0,2} (?:stay|sleep|go|crash)(?: \w+){0,3}"
    r" (?:at (?:a |my |our )?(?:friend\w*|parents|mum\w*|mom\w*|sister\w*|brother\w*|family)|with (?:friends|family|my \w+)"
    r"|somewhere else|elsewhere|away|at a hotel|in a hotel)\b"
    r"|\b(?:soll|sollte|sollen|kann|konnen) (?:ich|wir)(?: \w+){0,3} (?:woanders|bei (?:freund\w*|meine\w* \w+|unsere\w* \w+|bekannt\w*)"
    r"|im hotel|ins hotel|weg)(?: \w+){0,2} (?:schlafen|ubernachten|bleiben|hin|gehen|fahren)\b")


def asks_about_staying_away(text: str) -> bool:
    """Whether `text` asks whether to stay somewhere else for now."""
    return bool(_ASKS_STAYING_AWAY.search(fold(text)))


# At the 110 advice: the danger is where the writer is not ("mei fraa hat grad angerufn ... ich
# bin noch in dr sitzung", "soll ich 110 rufen oder mei frau? ich bin ja ni dort", "my wife just
# texted me, im at work"): who calls, and what the people there should do (folded).
_NOT_THERE_MYSELF = re.compile(
    r"\b(?:ich bin|bin|i m|im|i am)(?: (?:ja|aber|doch|grad|gerade|noch|jetzt|selbst|gar))* (?:nicht|nich|ni|net|ned|not|garnich|garnicht|garni)"
    r" (?:da|dort|dor|do|vor ort|zu hause|zuhause|daheim|there|home|at home|on site)\b"
    r"|\b(?:ich bin|bin|i m|im|i am)(?: (?:ja|aber|doch|grad|gerade|noch|jetzt))* (?:in der|in dr|auf der|bei der|at (?:a|the|work)|in a|in the)"
    r" ?(?:sitzung|arbeit|work|meeting|council meeting|ratssitzung|gemeinderatssitzung|buro|office)\b"
    r"|\b(?:ich bin|bin|i m|im|i am)(?: (?:ja|aber|doch|grad|gerade|noch|jetzt))* (?:auf arbeit|auf maloche|at work|auf schicht)\b"
    r"|\b(?:not|nicht|nich) (?:at home|zu hause|daheim) (?:myself|selbst)\b"
    # someone close calling from where it happens: "mei tochter hat grad angerufen", "my son just texted me"
    r"|\b(?:meine?|mei|my) (?:tochter|sohn|frau|fraa|mann|mutter|mutti|vater|vati|kind|kinder|oma|opa|schwester|bruder"
    r"|daughter|son|wife|husband|mum|mom|dad|kid|kids|sister|brother|partner|partnerin)"
    r" (?:hat|hot|has|just|had)?(?: (?:grad|gerade|eben|just|me))* (?:angerufen|angerufn|geschrieben|geschriebn|called|rang|texted|phoned)\b")


# Someone else followed out of doors: "da sin zwee typen hinter ihr her", "two guys are following her" (folded).
_FOLLOWING_THEM = re.compile(
    r"\b(?:hinter (?:ihr|ihm|ihnen) her|(?:folgt|folgen|verfolgt|verfolgen|laufen|lauft|rennen|rennt) (?:ihr|ihm|ihnen)"
    r"|(?:following|chasing|follow|chase|followed|chased) (?:her|him|them)|(?:sie|er|she|he) (?:wird|is|is being) (?:verfolgt|followed|chased))\b")


# Among people now, where the advice to someone followed sends them: "ok im in a rewe now",
# "bin jetzt in der tankstelle" (folded).
_AMONG_PEOPLE = re.compile(
    r"\b(?:i m|im|i am|we re|we are|bin|ich bin|sind|wir sind)(?: (?:now|jetzt|jetz|grad|gerade|just|already|schon|safe))*"
    r" (?:in|im|at|bei|in der|in einem|in nem|in ner|in a|in the|at a|at the|inside a|inside the|beim)"
    r" (?:rewe|aldi|lidl|edeka|netto|penny|kaufland|norma|dm|rossmann|shop|store|laden|geschaft|supermarkt|supermarket"
    r"|tankstelle|tanke|petrol station|gas station|cafe|restaurant|lokal|kneipe|bar|pub|bahnhof|train station|apotheke"
    r"|pharmacy|bank|mcdonalds|mall|einkaufszentrum|backer|backerei|bakery|kiosk|spati|imbiss|hotel)\b")


def among_people(text: str) -> bool:
    return bool(_AMONG_PEOPLE.search(fold(text)))


def followed_someone_else(text: str) -> bool:
    """Whether someone close is being followed out of doors, told by the user who is elsewhere."""
    return bool(_FOLLOWING_THEM.search(fold(text)))


def danger_elsewhere(text: str) -> bool:
    """Whether someone at the 110 advice says the danger is where they are not."""
    return bool(_NOT_THERE_MYSELF.search(fold(text)))


# The scene of a danger told now that needs other advice than "keep away, lock the door": a
# fire (112, everyone out) or a suspicious letter, powder or object (not touched, room left).
SCENES = (("fire", "emergency_fire"), ("explosive", "emergency_object"))


# Burning now, in words that see it: not a fire shouted as a threat ("brüllt er zündet mir die
# bude an": the door's advice, not "leave the building") (folded).
_BURNING = re.compile(
    r"\b(?:brennt|brennts|brenntes|brennen|brennend\w*|flammen|feur|feuer|rauch|qualm|qualmt|raucht|verbrannt|brandgeruch"
    r"|burning|burns|on fire|flames|smoke|smoking|fire)\b")


_TO_COME = re.compile(r"\b(?:heute nacht|heut nacht|heute abend|heut abend|tonight|morgen|tomorrow|bald|soon|nachstes mal|next time"
                      r"|sonst|otherwise|or else)\b")
_SMOKE = re.compile(r"\b(?:rauch|qualm|flammen|smoke|flames|es brennt schon|brennt schon|is burning|on fire)\b")


def emergency_scene(text: str) -> str | None:
    """The flow text name of the advice for the scene `text` tells, if it needs its own. A fire
    only in the words quoted ("… und gesacht 'heut nacht brennt eure bude'") is the threat's:
    the 110 advice, not "leave the building"."""
    folded = fold_text(text)
    found = concepts(folded, text)
    if "fire" in found and (not _BURNING.search(fold_text(without_quoted(text)))
                            or "reported" in found and _TO_COME.search(folded) and not _SMOKE.search(folded)):
        # "er sagt heute nacht brennt er mein laden ab": a fire threatened, not burning
        found = found - {"fire"}
    return next((name for concept, name in SCENES if concept in found), None)


# Being followed out of doors ("hilfe da läuft seit dem infostand einer hinter mir her, bin fast
# zuhause"): not home (he would learn where), but where people are; not "lock the door" (folded).
_AT_HOME_NOW = re.compile(
    r"\b(?:bin|sind|i m|im|we re|i am|we are)(?: (?:jetzt|schon|grad|gerade|now|already))* (?:zu hause|zuhause|daheim|home|at home|drin|inside"
    r"|in der wohnung|in my flat|in the house|im haus)\b"
    r"|\b(?:vor|an) (?:meiner|unserer|der) (?:tur|haustur|wohnungstur)\b|\b(?:at|outside) (?:my|our|the) (?:door|front door|house|flat)\b"
    r"|\b(?:vorm|vor dem|vor meinem|vor unserem) haus\b|\beingeschlossen\b|\blocked (?:myself |ourselves )?in\b")


def followed_outside(text: str) -> bool:
    """Whether an emergency told is someone following the writer out of doors."""
    folded = fold(text)
    return FOLLOWING.first(folded) is not None and not _AT_HOME_NOW.search(folded)
