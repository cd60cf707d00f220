"""What one free-text message says: categories, danger now, aspects, when, language, place.

`understand(text, knowledge)` is the entry point; it is pure (no I/O) and takes well
under 2 ms. The parts: knowledge.model (trained scorer; knowledge.training fits it),
knowledge.classifier (ranking and the multi-label rule), knowledge.danger (rules + model),
knowledge.concepts (concepts for danger and when, from the word families of
knowledge.concept_words), knowledge.extract (aspects, platform), knowledge.smalltalk
(greetings, thanks, introductions), knowledge.language.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from knowledge.classifier import CategoryScore, counted, rank
from knowledge.danger import CUES, DangerRules, DangerVerdict, alarm_taken_back, decide, model_threshold
from knowledge.examples import OUT_OF_SCOPE
from knowledge.extract import aspects as find_aspects
from knowledge.concept_words import QUOTED
from knowledge.concepts import MODEL_VETOES, QUOTE_MARKS, concepts, when as find_when
from knowledge.features import fold
from knowledge.language import guess
from knowledge.model import Model
from knowledge.smalltalk import kind as smalltalk_kind

if TYPE_CHECKING:
    from knowledge.base import Knowledge


# How sure the category head must be that a message is out of scope (knowledge.examples
# OUT_OF_SCOPE) for no category to be proposed. Chosen on the development sets: at 0.6 two of
# 9,575 in-scope messages got the out-of-scope reply ("Auf TikTok gibt es ein Video von mir aus
# der Sitzung, zusammengeschnitten mit Affengeräuschen": 0.77), at 0.8 none, and the EO
# writer's out-of-scope messages given an offence went from 19 of 36 to 3 (BENCHMARKS.md).
OUTSIDE_SURE = 0.8
# ... and the danger head's probability must stay below this (a hidden scene it misses).
OUTSIDE_DANGER = 0.1
# ... and say something: a word or two ("qwrtz", "test") is not understood, no request.
OUTSIDE_MIN_WORDS = 3
# ... and the message must name no incident: a request that tells one ("Frage für eine
# Freundin: ihr Ex droht ...", "das Feuer in der Scheune war Brandstiftung") keeps its
# category, as a journalist asking about threats does (being taken for a victim costs less
# than a victim being told this is not the place).
INCIDENT_WORDS = re.compile(
    r"\b(?:droh\w*|bedroh\w*|threat\w*|beleidig\w*|beschimpf\w*|insult\w*|angriff\w*|angegriff\w*|attack\w*"
    r"|anfeind\w*|angefeindet|hostil\w*|hass\w*|hetz\w*|hate\w*|hating|verfolg\w*|stalk\w*|nachstell\w*|belastig\w*"
    r"|harass\w*|beschmier\w*|beschadig\w*|zerkratz\w*|vandal\w*|graffiti|brandstift\w*|angezundet|angesteckt|arson"
    r"|geschlagen|geschubst|bespuckt|verletzt|hit me|punched|spat|erpress\w*|notig\w*|coerc\w*|blackmail\w*"
    r"|doxx\w*|einschuchter\w*|intimidat\w*|abuse\w*|beschimpft|verleumd\w*|defam\w*|ich weis+ wo du wohnst"
    r"|i know where you live|umbring\w*|kill\w*|totschlag\w*|abstech\w*|gewalt\w*|violen\w*|handgreiflich\w*"
    r"|bewaffnet\w*|armed)")


@dataclass(frozen=True, slots=True)
class Understanding:
    categories: tuple[CategoryScore, ...]  # the labels that count (0-2), best first
    ranking: tuple[CategoryScore, ...]  # every category, best first
    danger_now: bool
    danger_signals: tuple[str, ...]  # "alarm", "term", "now+situation", "model"
    danger_probability: float  # the model's, 0.0 without a model
    aspects: tuple[str, ...]  # aspect ids: online, private_sphere, repeated, extremist
    platform: str | None  # "Facebook", "Telegram", "E-Mail", ... when one is named
    when: str | None  # "now", "past" or None
    language: str | None  # "de", "en" or None when the text cannot tell
    place: Any = None  # whatever knowledge.places.find_in_text returns, if it exists
    smalltalk: str | None = None  # knowledge.smalltalk: a greeting, thanks, an introduction
    # The model is OUTSIDE_SURE that it tells no incident and asks nothing this help line is
    # for (a town-hall matter, the press, a test, an insult at the bot): no category then.
    outside: bool = False

    @property
    def category(self) -> str | None:
        return self.categories[0].id if self.categories else None


class Understander:
    """The trained model and the danger rules of one knowledge version."""

    def __init__(self, model: Model | None, rules: DangerRules, category_ids: frozenset[str],
                 offences: frozenset[str] = frozenset()):
        self.model = model
        self.rules = rules
        self.category_ids = category_ids
        self.offences = offences  # categories a message's part may add as a second label

    def _head(self, name: str, vector: Any) -> dict[str, float] | None:
        if self.model is None or name not in self.model.heads:
            return None
        return self.model.scores(name, vector)

    def understand(self, text: str, places: Any = None) -> Understanding:
        folded = fold(text)
        found = concepts(folded, text)
        vector = self.model.vector(text, folded, found) if self.model else None
        finder = getattr(places, "find_in_text", None)
        place = finder(text) if callable(finder) else None
        small = smalltalk_kind(folded, _place_names(place), _place_word(places) if place else None)
        # Small talk names no offence and no danger, whatever the model makes of it.
        ranking, outside = ((), 0.0) if small else self._scored(self._category_vector(text, vector))
        verdict = self._whole_danger(text, folded, vector, found, small_talk=small is not None)
        named = find_aspects(folded)
        lang = self._head("lang", vector)
        # a danger is never out of scope, nor is what the danger head doubts ("wir verstecken uns im keller")
        # nor is where it happened said in a few words ("das war in chemnitz", dictated with its
        # "komma ... punkt": a young candidate got "please contact your town hall")
        elsewhere = outside >= OUTSIDE_SURE and not verdict.danger and verdict.probability < OUTSIDE_DANGER \
            and not INCIDENT_WORDS.search(folded) and len(folded.split()) >= OUTSIDE_MIN_WORDS \
            and not (place is not None and getattr(place, "status", None) in ("found", "ambiguous", "suggest")
                     and len(folded.split()) <= PLACE_SAID_WORDS and "?" not in text)
        return Understanding(
            categories=self._counted(text, ranking) if not elsewhere and _has_words(folded, _place_names(place)) else (),
            ranking=ranking,
            danger_now=verdict.danger,
            danger_signals=verdict.signals,
            danger_probability=verdict.probability,
            aspects=named.ids(),
            platform=named.platform,
            when=find_when(found),
            language=guess(folded, lang["en"] if lang else None),
            place=place,
            smalltalk=small,
            outside=elsewhere,
        )

    def _category_vector(self, text: str, vector: Any) -> Any:
        """A leading yes/no ("Nein, aber ich bekomme Drohbriefe") answers the question on
        screen, and a sentence that only denies a danger now ("Eine unmittelbare Gefahr besteht
        nach unserer Einschätzung nicht.") answers the danger question: the category is in the
        rest."""
        rest = without_danger_denials(_LEADING_ANSWER.sub("", text, count=1))
        if rest == text or self.model is None:
            return vector
        return self.model.vector(rest)

    def _ranking(self, vector: Any) -> tuple[CategoryScore, ...]:
        return self._scored(vector)[0]

    def _scored(self, vector: Any) -> tuple[tuple[CategoryScore, ...], float]:
        """Every category, best first, and the model's probability that the message is out of
        scope (the examples' `out_of_scope`, a class of the head that is no category)."""
        if vector is None or not len(vector):
            return (), 0.0
        if self.model is None or "category" not in self.model.heads:
            return (), 0.0
        probabilities, decisions = self.model.scores_and_decisions("category", vector)
        return rank(probabilities, self.category_ids, decisions), probabilities.get(OUT_OF_SCOPE, 0.0)

    def _counted(self, text: str, ranking: tuple[CategoryScore, ...]) -> tuple[CategoryScore, ...]:
        """The labels that count (`counted`), and a second one that a part of a short message
        names on its own beyond doubt (`message_parts`), when both are offences: over the whole
        of "hat mich Bonze genannt und meinte, er schlägt mich tot" the insult's words outweigh
        the threat in the softmax and in the threat's own fit; its second part alone is a threat."""
        labels = counted(ranking)
        if len(labels) != 1 or labels[0].id not in self.offences or self.model is None \
                or len(text.split()) > PARTS_MAX_WORDS:
            return labels
        for part in filter(affirming, message_parts(text)):
            top = self._ranking(self.model.vector(part, fold(part), set()))[:1]  # the category head weighs no concepts
            if top and top[0].id != labels[0].id and top[0].id in self.offences and top[0].score >= PART_SURE \
                    and top[0].decision is not None and top[0].decision >= PART_DECISION:
                return labels[0], next(c for c in ranking if c.id == top[0].id)
        return labels

    def _danger(self, folded: str, vector: Any, found: set[str] | None = None, *,
                small_talk: bool = False) -> DangerVerdict:
        probs = self._head("danger", vector) if vector is not None and len(vector) and not small_talk else None
        found = concepts(folded) if found is None else found
        words = len(folded.split())
        return decide(self.rules.signals(folded, found), probs["danger"] if probs else None,
                      model_threshold(found, words), words=words,
                      denied=bool(found & MODEL_VETOES) or alarm_taken_back(found, words))

    def categories(self, text: str) -> tuple[CategoryScore, ...]:
        """As `understand(text).categories` (no place index: small talk, out of scope and the
        danger guards of the out-of-scope reading decided in one place)."""
        return self.understand(text).categories

    def danger(self, text: str) -> DangerVerdict:
        """As `understand(text).danger_*`: the concepts see the raw text too (quotes, "?")."""
        folded = fold(text)
        found = concepts(folded, text)
        vector = self.model.vector(text, folded, found) if self.model else None
        return self._whole_danger(text, folded, vector, found, small_talk=smalltalk_kind(folded) is not None)

    def _whole_danger(self, text: str, folded: str, vector: Any, found: set[str], *, small_talk: bool) -> DangerVerdict:
        verdict = self._danger(folded, vector, found, small_talk=small_talk)
        if verdict.danger or small_talk or len(folded.split()) < LONG_WAY_WORDS:
            return verdict
        return self._now_at_last(text) or verdict

    def _now_at_last(self, text: str) -> DangerVerdict | None:
        """The long way to now: weeks of letters and votes told in the past, then a sentence
        that opens with now ("Jetzt gerade, vor meine Haus, Nachbar hat mir mit Stock auf Arm
        geschlagen ... Er ist noch in Garten"). That sentence and what follows, read on their
        own, are the scene if the rules call them one (the model, which reads the whole as a
        report, is not asked)."""
        if not _NOW_AFTER_BREAK.search(text):
            return None  # most long stories have no sentence that opens with now
        for brk in _SENTENCE_BREAK.finditer(text):
            tail = text[brk.end():]
            folded = fold(tail)
            if len(folded.split()) < MIN_TAIL_WORDS or not NOW_OPENER.match(folded):
                continue
            found = concepts(folded, tail)
            rules = tuple(self.rules.signals(folded, found))
            if TAIL_SCENES.intersection(rules):  # a scene, not a word ("who can advise me, my family is in danger")
                return DangerVerdict(True, rules, 0.0)
        return None

    def scene_after(self, text: str, threshold: float) -> DangerVerdict:
        """A scene told in a later clause of `text` ("ja mehrfach. Aktuell hält sich eine
        vermummte Person auf unserem Grundstück auf"), read as a message of its own: the
        first clause that the rules call an emergency, or that names a scene the model is
        `threshold` sure of. A clause without a scene ("Er ist verbittert.") is not asked,
        and none is when the whole says it is safe or over ("alles ruhig, mein Mann ist da")."""
        if concepts(fold(text), text) & SETTLED_SCENE:
            return DangerVerdict(False, (), 0.0)
        for tail in clause_tails(text):
            if _WONDERING.match(tail):
                continue  # "Ob dahinter eine politische Gruppe steht, ist mir nicht bekannt": no scene
            folded = fold(tail)
            found = concepts(folded, tail)
            verdict = self._danger(folded, self.model.vector(tail, folded, found) if self.model else None, found)
            rules = tuple(s for s in verdict.signals if s != "model")
            if rules:
                return DangerVerdict(True, rules, verdict.probability)
            if "model" in verdict.signals and verdict.probability >= threshold and found & CUES:
                return verdict
        return DangerVerdict(False, (), 0.0)

    def language(self, text: str) -> str | None:
        lang = self._head("lang", self.model.vector(text)) if self.model else None
        return guess(fold(text), lang["en"] if lang else None)


# What the whole of a reply says that no later clause of it outweighs.
SETTLED_SCENE = MODEL_VETOES | {"safe_now"}

# Two offences told one after the other, in a short message: its parts are read on their
# own too (Understander._counted). Sentences and parts joined by "und", "aber"; not commas
# ("meinte, er schlägt mich tot" is one part). A story's parts name many things in passing:
# only messages up to PARTS_MAX_WORDS words (a formal letter of 43 words told damage and, in
# its second sentence, a threat; on the development sets 60 instead of 40 words added 50
# second labels to 5,944 messages, in a sample of 20 mostly a second offence plainly told).
# The bars were set on fresh writers' messages of one offence or two
# (tests/data/dev/two-offences-*; BENCHMARKS.md).
_PART_BREAK = re.compile(r"[.!?;]+\s+|\s+(?:aber|but|und|and|dann|then)\s+", re.IGNORECASE)
PART_MIN_WORDS = 3
PARTS_MAX_WORDS = 60
PART_SURE = 0.95  # the part's first label's probability
PART_DECISION = 1.0  # and its own one-vs-rest decision


# A part that denies ("bedroht hat er mich nie", "no threats, nothing") names no second offence.
_DENYING = frozenset("nicht nie niemals kein keine keinen keiner nichts ohne"
                     " not never no nothing didn didnt wasn wasnt".split())


# Words quoted in a message: what was written or said ("der Schriftzug „Wir zünden dein Haus an“
# gesprüht", "a note saying 'next time its you'"), read as a part of its own.
_QUOTED_PART = re.compile(r"[\"„“”«»‚‘’](?P<q>[^\"„“”«»‚‘’]{8,200})[\"„“”«»‚‘’]")


def without_quoted(text: str) -> str:
    """The writer's own words: `text` without what it quotes ("like 'wir wissen wo du wohnst'
    and a crosshair" is English, whatever the sticker says)."""
    return _APOSTROPHE_QUOTE.sub(" ", _QUOTED_PART.sub(" ", text))


# Quoted in plain apostrophes, as phones type them ("like 'wir wissen wo du wohnst'"): opened
# after a space and closed before one, so no "don't ... it's" is taken for a quote.
_APOSTROPHE_QUOTE = re.compile(r"(?:(?<=^)|(?<=[\s(:]))'[^'\n]{8,200}'(?=[\s.,!?;:)]|$)")


def message_parts(text: str) -> list[str]:
    """The parts of at least PART_MIN_WORDS words, if there are two or more; what is quoted is
    a part too (a threat sprayed on a wall beside the damage told around it)."""
    parts = [p for p in _PART_BREAK.split(text) if len(p.split()) >= PART_MIN_WORDS]
    quoted = [m.group("q") for m in _QUOTED_PART.finditer(text) if len(m.group("q").split()) >= PART_MIN_WORDS]
    parts += [q for q in quoted if q not in parts]
    return parts if len(parts) >= 2 else []


def affirming(part: str) -> bool:
    """Whether a part says something happened rather than denying it."""
    return _DENYING.isdisjoint(fold(part).split())


# A sentence that opens with now, after a story told in the past (Understander._now_at_last):
# only in messages of at least LONG_WAY_WORDS words, where the story outweighs the scene.
_SENTENCE_BREAK = re.compile(r"[.!?;:]+\s+")
NOW_OPENER = re.compile(
    r"^(?:(?:aber|und|doch|but|and|ok|so|also|nun|na)\s+)?(?:und\s+)?"
    r"(?:jetzt gerade|gerade eben|gerade jetzt|jetzt|jetze|etz|etze|gerade|grad|grade|grod|eben|im augenblick|im moment"
    r"|in diesem moment|in diesem augenblick|aktuell|zur stunde|right now|now|just now|at this moment|in this moment"
    r"|at the moment|as we speak|tonight|this evening|heute abend|heute nacht|heit)\b")
LONG_WAY_WORDS = 30
# The cheap look for such a sentence first: a break, then within three words a word of now.
_NOW_AFTER_BREAK = re.compile(
    r"[.!?;:]+\s+(?:\w+\s+){0,2}?(?:jetzt|jetze|etz|etze|gerade|grad|grade|grod|eben|augenblick|moment|aktuell"
    r"|stunde|now|tonight|evening|abend|nacht|heit)\b", re.IGNORECASE)
TAIL_SCENES = frozenset({"now+situation", "hazard"})

# Where a clause ends: a full stop, comma or dash, or "aber", "und", "but", "and".
_CLAUSE_BREAK = re.compile(r"[.!?;:–]+\s+|,\s+|\s+(?:aber|but|und|and|doch)\s+", re.IGNORECASE)
MIN_TAIL_WORDS = 3
# A clause that wonders whether ("ob", "whether"), supposes ("falls") or describes what a
# video or post shows ("in dem er mit einem Gewehr vor meinem Haus posiert") tells no scene;
# "wenn ich rausschaue, steht er da" can.
_WONDERING = re.compile(r"\s*(?:ob|whether|falls|in dem|in der|in denen|auf dem|in which|on which)\b", re.IGNORECASE)


def clause_tails(text: str) -> list[str]:
    """What follows each clause break of `text`, longest first, while it has at least
    MIN_TAIL_WORDS words ("ja mehrfach. Aktuell hält sich ... auf" -> "Aktuell hält ...")."""
    tails = []
    quoted = [m.span() for m in QUOTED.finditer(text)] if not QUOTE_MARKS.isdisjoint(text) else []
    for brk in _CLAUSE_BREAK.finditer(text):
        if any(start < brk.start() < end for start, end in quoted):
            continue  # inside the words quoted ("„Wenn du ... stimmst, brennt deine Bude.“"): no scene of its own
        tail = text[brk.end():]
        if len(tail.split()) < MIN_TAIL_WORDS:
            break
        tails.append(tail)
    return tails


# A sentence that only says no one is in danger now, in office German or English ("Eine
# unmittelbare Gefahr besteht nach unserer Einschätzung nicht.", "There is no immediate
# danger."): folded, and no longer than this many words.
_DENIAL_SENTENCE = re.compile(
    r"^(?:(?:eine|die|es|derzeit|aktuell|momentan|zurzeit|nach unserer einschatzung|unserer einschatzung nach) )*"
    r"(?:(?:unmittelbare|akute|konkrete|aktuelle|direkte) )?(?:gefahr|gefahrdung|gefahrdungslage|gefahrenlage|bedrohungslage)"
    r"(?: \w+){0,6} (?:nicht|kaum)(?: \w+){0,3}$"
    r"|^(?:es besteht |derzeit |aktuell |momentan )*(?:keine|kein) (?:(?:unmittelbare|akute|konkrete|aktuelle) )?(?:gefahr|gefahrdung|notfall)\w*(?: \w+){0,4}$"
    r"|^(?:(?:we are|we re|i am|i m) not aware of any|there is no|there s no|no one is in|nobody is in|niemand ist|keiner ist)"
    r"(?: (?:immediate|acute|current|akut|gerade|jetzt))? (?:danger|in danger|in gefahr|threat)(?: \w+){0,4}$"
    # "not an emergency!! just wanna write smth down" (a young councillor; stop 47)
    r"|^(?:(?:its|it s|this is|this isn t|its not|it s not|das ist|das is|ist|is) )?(?:not an|no|kein|keine|not a) (?:real |actual |akuter )?"
    r"(?:emergency|notfall)\b(?: \w+){0,8}$"
)
_DENIAL_WORDS = 14
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _denial_sentences(text: str) -> list[tuple[str, bool]]:
    """Each sentence of `text`, and whether it only denies a danger now ("Eine unmittelbare
    Gefahr besteht nach unserer Einschätzung derzeit nicht."); none if no danger is named."""
    lowered = text.lower()
    if not any(needle in lowered for needle in ("gefahr", "gefähr", "danger", "notfall", "emergency")):
        return []
    return [(s, len(s.split()) <= _DENIAL_WORDS and bool(_DENIAL_SENTENCE.search(fold(s))))
            for s in _SENTENCE_END.split(text.strip())]


def denies_danger(text: str) -> bool:
    """Whether a sentence of `text` only denies a danger now."""
    return any(denial for _, denial in _denial_sentences(text))


def without_danger_denials(text: str) -> str:
    """`text` without its sentences that only deny a danger now, unless nothing else is left."""
    sentences = _denial_sentences(text)
    kept = [s for s, denial in sentences if not denial]
    return " ".join(kept) if kept and len(kept) < len(sentences) else text


_LEADING_ANSWER = re.compile(
    r"^\s*(?:ja|jo|nein|nee|nö|noe|no|nope|yes|yeah|yep|nah)\b\s*(?:[,.;:!–-]+\s*(?:(?:aber|but)\b\s*)?|(?:aber|but)\b\s*)",
    re.IGNORECASE,
)


# Answers, greetings, fillers and asking for the answer (folded) say nothing about what
# happened: "01917, Kamenz. Und jetzt die Antwort bitte." names no offence.
_NOT_CONTENT = frozenset(
    """ja jaa jo jup jap nein nee noe nope yes yeah yep yup nah okay oki danke thanks thank
    hallo hello moin servus tag guten morgen abend bitte please weiter continue zuruck back
    test egal klar gut good fine sure vielleicht maybe und and jetzt now nun die der das the
    antwort answer auskunft""".split()
)


def _place_names(place: Any) -> list[str]:
    """The folded names of the places a message names (a knowledge.places.Resolution)."""
    return [fold(p.name) for p in getattr(place, "places", ()) or ()]


def _place_word(places: Any):  # type: ignore[no-untyped-def]
    """Whether one word alone names a place ("crostau", a village of the municipality found)."""
    def is_place(word: str) -> bool:
        return len(word) >= 4 and places.resolve(word).status in ("found", "ambiguous", "outside")
    return is_place


def _has_words(folded: str, place_names: list[str] | None = None) -> bool:
    """A category needs some words: "ok", "nein", "?", a number or the town's name alone say
    nothing about what happened."""
    named = {w for name in place_names or () for w in name.split()}
    return any(len(w) >= 3 and not w.isdigit() and w not in _NOT_CONTENT and w not in named for w in folded.split())


PLACE_SAID_WORDS = 8  # a message this short naming a place, asking nothing, says where: no matter for the town hall


def understand(text: str, knowledge: Knowledge) -> Understanding:
    """Everything the text says, for the triage to skip questions already answered."""
    return knowledge.understander.understand(text, places=knowledge.places)
