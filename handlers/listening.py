"""Listening: what one message already says goes into the conversation, so it is not asked.

From a free text the knowledge's understanding takes the danger signal, the offence (one or
two), the aspects (online, home or family, repeated, extremist), the municipality and the
language. `absorb` adds what is new to the state and returns the labels for the one short
line "Verstanden: Bedrohung, Hartha, zu Hause." that the user can correct with one tap.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass, replace

from handlers.answer_words import NOT_THERE
from handlers.health_words import tells_symptoms
from handlers.answers import is_question
from handlers.result import offence_labels
from handlers.state import ConversationState
from knowledge.base import Knowledge
from knowledge.classifier import CategoryScore
from knowledge.concepts import concepts
from knowledge.danger import CUES
from knowledge.features import fold
from knowledge.place_words import ROLE_NOUNS, tokens as place_tokens
from knowledge.places import Place
from knowledge.smalltalk import INTRODUCTION

LANGS = ("de", "en")
MAX_PROPOSALS = 3
MIN_PROPOSAL = 0.12
MIN_MODEL_WORDS = 2
# The model, trained on first messages, reads the rest of an answer ("freilich, mei fraa un
# die kinner", "vor meinem HAUS. steht doch oben") as a cry too often; there it speaks only
# when this sure (4 of the 1,361 answer rests of people not in danger in the development
# conversations reach 0.9), or NOW_REST_THRESHOLD sure when the rest says it is happening now
# and the answer was not "no" ("ja zuhause. da tritt einer gegen die haustür JETZT").
# A fresh writer's dangers typed as replies were found 86-88 % with 0.9 alone, 94 % with both
# (BENCHMARKS.md, "Conversation"). A "no" is believed: "nah hes not there rn" stays a no.
ANSWER_REST_THRESHOLD = 0.9
NOW_REST_THRESHOLD = 0.6
# A later reply with no scene cue in it is a cry for the model alone when it is this sure
# (0.6 until stop 44: "meine tochter" at the category question read 0.64 and brought the 110 advice).
LATER_ALONE_THRESHOLD = 0.7
SURE = 0.6  # a one- or two-word message counts as a category only when the model is this sure
# A question tells an offence beside the one known only when the category's own fit is this
# sure of it: questions that tell one score 3.3-11.7 ("er hat mich gestern auch geschubst, ist
# das strafbar?" 3.8, "auto zerkratzt, wer zahlt?" 10.5); "ist die polizei in freiberg auch am
# wochenende da" was stalking at 0.73 with its fit at 0.12, "wer hilft mir noch" a physical
# attack at 0.99 with its fit at 1.05. Beside a button asked for in words, the same bar: "also
# my mailbox was smashed last nite what now" 2.7, "done here, gonna call them now" a threat at 2.0.
ASKED_DECISION = 2.5
# "Not sure or something else" is what users say about themselves; it is offered, never inferred.
FALLBACK = "unsure"  # below this a category is a guess not worth a button
# "Nothing has happened yet": when an offence is read beside it, the offence leads ("letters
# saying „accidents happen“ ... I'd just like some advice" is a threat first).
NOTHING_HAPPENED = "prevention"
# A short message of one of these words, with nothing else than a plea or an urge around it
# ("Hilfe", "SOS!!", "hilfe bitte schnell", "ich brauch mal hilfe"), asks for help without
# saying what happened: the 110 line and the danger question come at once. A message that
# says more ("hilfe, drucker geht nicht", "hilfe er ist da") is read by the understanding.
HELP_WORDS = frozenset({"hilfe", "help", "sos", "notfall", "emergency", "notruf", "mayday", "hilf", "helft",
                        "helfen", "polizei", "police"})
PLEA_WORDS = frozenset("""ich brauche brauch brauchen mal bitte mir uns helfen hilf sie du ihr kannst konnen können koennen
    könnt konnt koennt jemand i me need needs can could you u pls plz please some someone somebody anyone hi hallo hey""".split())
URGE_WORDS = frozenset("schnell quick quickly sofort dringend urgent hurry asap jetzt now omg".split())
PLEA_MAX_WORDS = 6


@dataclass(frozen=True, slots=True)
class Heard:
    """What one message told us."""

    danger: bool = False
    categories: tuple[str, ...] = ()  # confident, best first
    sure: tuple[str, ...] = ()  # of those, the ones the model is very sure of (is_sure)
    proposals: tuple[str, ...] = ()  # plausible, to be confirmed
    aspects: tuple[str, ...] = ()
    place: Place | None = None
    place_choices: tuple[Place, ...] = ()
    lang: str | None = None
    smalltalk: str | None = None  # knowledge.smalltalk: only a greeting, thanks, an introduction
    outside: bool = False  # out of scope (knowledge.understanding): no incident, nothing this help line is for
    own_place: bool = False  # the place is said to be the user's own: corrected or with the office
    told: tuple[str, ...] = ()  # of `sure`, those its own fit is ASKED_DECISION sure of: told beyond doubt
    for_someone: bool | None = None  # written for someone else (True), their own case said (False): for_someone()

    def without_offence(self) -> Heard:
        """What was heard, minus any guess about the offence."""
        return replace(self, categories=(), sure=(), told=(), proposals=())

    def only_sure_offence(self) -> Heard:
        """What was heard, with only the offences the model is sure of (the rest of an
        answer: "nein, ich bin zu Hause und die Mädchen auch" is no story of an offence)."""
        return replace(self, categories=self.sure, proposals=())

    def only_told_offence(self) -> Heard:
        """What was heard, with only the offences told beyond doubt (`told`): beside a button
        asked for in words ("done here, gonna call them now" is no threat)."""
        return replace(self, categories=self.told, sure=self.told, proposals=())

    def without_aspect(self, aspect: str | None) -> Heard:
        """What was heard, minus `aspect` ("nein. oder kommen die Fotos ins Internet?" to
        "online?" is a no, whatever the question in it names)."""
        return replace(self, aspects=tuple(a for a in self.aspects if a != aspect))

    @property
    def anything(self) -> bool:
        return bool(self.categories or self.proposals or self.aspects or self.place or self.place_choices or self.outside)


def is_sure(label: CategoryScore) -> bool:
    """The model is sure of `label`: SURE of the probability, and the category's own fit says
    the text is one of its kind (the softmax over fits that all say no still sums to 1: "ja
    meine frau hat ihn gefunden" was doxxing 0.60 with its own fit at -2.2)."""
    return label.score >= SURE and (label.decision is None or label.decision >= 0)


def is_bare_help(text: str) -> bool:
    words = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in text.casefold()).split()
    if len(words) >= 3 and all(len(w) == 1 for w in words):
        words = ["".join(words)]  # "h i l f e", "S.O.S."
    helps = [w for w in words if _squeeze(w) in HELP_WORDS or _GLUED_HELP.fullmatch(w)]
    if not helps:
        return False
    return len(words) <= PLEA_MAX_WORDS and all(w in helps or w in PLEA_WORDS or w in URGE_WORDS for w in words)


# "HILFEHILFEHILFE", "helphelp": a cry typed without spaces.
_GLUED_HELP = re.compile(r"(?:hilfe|help|sos){2,}")


def _squeeze(word: str) -> str:
    """'hiiilfe', 'heeelp' -> 'hilfe', 'help': letters held down in panic."""
    out: list[str] = []
    for ch in word:
        if not out or out[-1] != ch or ch in "fl":
            out.append(ch)
    return "".join(out)


def danger_now(text: str, signals: tuple[str, ...]) -> bool:
    """A danger signal we act on. The trained model alone is not trusted on a reply of one or
    two words ("ja", "nah"): those are answers to the question on screen, and a bare call for
    help is caught by `is_bare_help` before any model."""
    if not signals:
        return False
    if set(signals) == {"model"}:
        return _words(text) >= MIN_MODEL_WORDS
    return True


# A reply that only says where ("ja vor dem haus in der einfahrt", "at home, in the garden")
# answers where it happened; it names no one and nothing happening, so the model, which
# learnt such places from scenes, does not make it a cry.
_PLACE_NOUNS = frozenset((
    "haus hause zuhause daheim einfahrt garten vorgarten hof tur haustur garage carport strasse auto wagen "
    "rathaus buro briefkasten zaun gartenzaun tor gartentor grundstuck wohnung fenster keller balkon terrasse "
    "house home driveway garden yard door gate street car office porch mailbox letterbox fence flat apartment "
    "window garage doorstep "
    "laden geschaft supermarkt markt marktplatz parkplatz praxis werkstatt scheune stall halle hinterhof schule kita "
    "kirche haltestelle bushaltestelle bahnhof shop store market square parking lot school church station"
).split())
_WHERE_WORDS = _PLACE_NOUNS | frozenset((
    "ja jo jap jup j yes yeah yep yup ok genau vor vorm dem der die das den des im in am an auf aufm uffm uff offm beim bei hinter "
    "steht stand parkt geparkt "  # "J Auto steht zuhause im Hof": where the car is, no one there
    "neben unserem unserer unseren unser unsere meinem meiner meinen mein meine zu und oder direkt draussen "
    "at on the my our front of outside behind near by in and or right"
).split())


def only_where(text: str) -> bool:
    """Whether `text` only names where: place words with their prepositions, and a "ja"."""
    words = fold(text).split()
    return bool(words) and all(w in _WHERE_WORDS for w in words) and not _PLACE_NOUNS.isdisjoint(words)


# What makes a reply more than where it is: what the word families see of a scene, a hazard
# or an alarm (danger.CUES), or a now; not "unten", "draußen" alone (a person somewhere).
# "bad brambach, ganz unten im vogtland an der grenze", "I am putting up in Copitz side,
# that is Pirna": the town asked for, with how to find it; the model, which learnt short
# texts from cries, had called such replies an emergency.
_MORE_THAN_WHERE = (CUES - {"person", "hiding"}) | {"now"}


def names_only_a_place(text: str) -> bool:
    """Whether a reply that names a municipality says nothing else of a scene."""
    return not concepts(fold(text), text) & _MORE_THAN_WHERE


# A reply that only says who lives there ("ja meine frau und die enkel wohnen mit im haus",
# "my mom lives there too"): a household, no one doing anything, whatever the model learnt
# from cries that name a family in the house.
_HOUSEHOLD = frozenset((
    "wohne wohnt wohnen wohn lebe lebt leben live lives living stay stays "
    "frau mann kinder kind kids children enkel enkelin enkelkinder tochter sohn mutter vater mama papa eltern oma opa "
    "partner partnerin freund freundin familie fraa kinner wife husband daughter son mother father mom mum dad parents "
    "grandchildren grandkids family girlfriend boyfriend "
    "mit mir uns auch alle zusammen da dort hier oben unten with me us too also all together there here upstairs downstairs "
    # the shop in the house: "der laden is unten im haus, wir wohnen oben drüber"
    "wir ich we i druber daruber obendruber above over it laden geschaft imbiss praxis buro shop store office is ist"
).split())
_LIVES = frozenset("wohne wohnt wohnen wohn lebe lebt leben live lives living".split())


def only_who_lives(text: str) -> bool:
    """Whether `text` only says who lives where: household words, place words, a "ja"."""
    words = fold(text).split()
    return bool(words) and not _LIVES.isdisjoint(words) and all(w in _WHERE_WORDS or w in _HOUSEHOLD for w in words)


# A reply that only says who it is about ("meine tochter", "es geht um meinen Mann", "my wife
# and kids"): the family, not what happened. The model, which has no offence to read in it,
# had spread its guess over two ("meine tochter": prevention 0.54, threat 0.39).
_PEOPLE = frozenset((
    "frau mann ehemann ehefrau kinder kind kids children enkel enkelin enkelkinder tochter tochterchen sohn sohne "
    "mutter vater mama papa eltern oma opa partner partnerin freund freundin familie fraa kinner "
    "wife husband daughter daughters son sons mother father mom mum dad parents grandchildren grandkids family "
    "girlfriend boyfriend kid child"
).split())
_WHOSE = frozenset((
    "mein meine meinen meiner meinem unser unsere unseren unserer unserem sein seine seinen ihr ihre ihren "
    "my our his her their die der den dem the und and es geht um betrifft it s its about is concerns auch too also nur only"
).split())


def only_who(text: str) -> bool:
    """Whether `text` only names people of the family (and whose they are): who, not what."""
    words = fold(text).split()
    return bool(words) and not _PEOPLE.isdisjoint(words) and all(w in _PEOPLE or w in _WHOSE for w in words)


# Words that make a place named the user's own: a correction, the office or the
# municipality, where it happened.
_OWN_PLACE_WORDS = ROLE_NOUNS | frozenset(
    "gemeinde stadt municipality town village dorf passiert passierte geschah happened sondern actually "
    "eigentlich meinte meant sorry sry korrektur correction verschrieben autocorrect forgot vergessen"
    # "falscher ort!! das war in HAINICHEN nicht in grimma", "wrong town, it's Wurzen"
    " falsch falscher falsche falsches wrong"
    # where the user lives: "ich wohn aber in zschepplin nich eilenburg" corrects a town taken
    # from a Facebook group's name
    " wohn wohne wohnen wohnhaft lebe live living".split())


# Where the writer is from: "ich bin aus deutschneudorf", "komme aus Wurzen", "i'm from Pirna".
_FROM = re.compile(r"\b(?:ich bin|bin|komme|wir sind|i m|im|i am|we re|we are)(?: \w+)? (?:aus|von|from)\b")


def says_own_place(text: str) -> bool:
    return any(t.key in _OWN_PLACE_WORDS for t in place_tokens(text)) or bool(_FROM.search(fold(text)))


# Written for someone else: a spouse, a son, the mayor's office ("mein Mann ist im Gemeinderat",
# "Unser Bürgermeister erhielt ...", "I'm writing on behalf of my mum", "I'm the mayor's
# assistant") (folded). The answer then speaks of the person affected, not "your office".
_OFFICE = (r"(?:im |in the |on the |a |an |the )?(?:gemeinderat\w*|stadtrat\w*|kreistag|kreisrat\w*|ortschaftsrat\w*|landtag|burgermeister\w*"
           r"|oberburgermeister\w*|ortsvorsteher\w*|kandidat\w*|mayor|councillor|councilor|council|candidate|running|official)")
_FOR_SOMEONE = re.compile(
    r"\b(?:schreibe|schreib|melde mich|wende mich)(?: \w+){0,2} (?:im auftrag|im namen|fur|stellvertretend|anstelle)\b"
    # a relative in office, not the official's own family attacked ("my daughter was insulted at school")
    r"|\b(?:mein|meine|unser|unsere) (?:mann|ehemann|frau|ehefrau|partner|partnerin|vater|mutter|papa|mama|sohn|tochter"
    r"|bruder|schwester|chef|chefin|kollege|kollegin)(?: \w+)? (?:ist|war|sitzt|kandidiert)(?: \w+){0,3} " + _OFFICE + r"\b"
    r"|\bunser(?:e|em|en|er)? (?:burgermeister\w*|oberburgermeister\w*|ortsvorsteher\w*|stadtratin|gemeinderatin|landrat\w*|beigeordnete\w*)\b"
    r"|\bich bin nicht (?:selbst|selber|selbst im|selber im)\b|\bnicht ich\b(?: \w+){0,3} sondern\b"
    r"|\bon behalf of\b|\bwriting for (?:my|our|the)\b|\bwriting because (?:he|she) asked\b"
    r"|\bmy (?:husband|wife|partner|mum|mom|mother|dad|father|son|daughter|boss|colleague)(?: \w+)? (?:is|was|s|has been|runs|sits)"
    r"(?: \w+){0,3} " + _OFFICE + r"\b"
    r"|\bour (?:mayor|deputy mayor|lord mayor)\b|\b(?:the )?mayor s (?:assistant|secretary|office|pa)\b")


def for_someone(text: str) -> bool | None:
    """Whether the writer tells of someone else's case (a relative, a colleague, the mayor);
    False when they say it is their own ("wieso betroffene person? ICH bin das doch"), None
    when the text says neither."""
    folded = fold(text)
    if _MYSELF.search(folded):
        return False
    return True if _FOR_SOMEONE.search(folded) else None


# The writer is the one affected, said against being taken for someone writing for another.
_MYSELF = re.compile(r"\bich bin (?:das|es|die|der)(?: doch| ja| selbst| selber)*(?: betroffene\w*)?\b|\bes geht um mich\b"
                     r"|\bit s me\b|\bits me\b|\bit is me\b|\bi (?:am|m) the one\b|\bit s about me\b|\bthis is about me\b")


# An offence named as what it is: "Bitte ordnen Sie den Vorfall als Bedrohung ein", "Handelt es
# sich damit nicht auch um eine Bedrohung?", "isnt letzte warnung a threat tho??", "das is doch
# ne Bedrohung" (folded): a word that says what something is, a few words before the offence's
# name, and no "kein" or "not a" right before it. Blind testers could not add it in words.
_IS_WORDS = frozenset("als as ist is isnt isn war was wasnt handelt thats that its it s sind are were waren".split())
_NOT_IT = frozenset("kein keine keinen keiner no nicht not never nie".split())
_OR_NOT = re.compile(r"\b(?:oder|or) (?:nicht|nich|ni|net|not|no)\b")
_GERMAN_AFTER_WAS = frozenset("bedeutet bedeuten heisst heist ist sind meinen meinst meint versteht zahlt gilt fallt genau".split())
_DOUBT_WORDS = frozenset("ob if whether unsicher sure weis weiss wees vielleicht maybe unclear unklar".split())
CLAIM_REACH = 8  # words between the "is" and the offence's name ("isnt letzte warnung a threat")


def claimed_offences(k: Knowledge, text: str) -> tuple[str, ...]:
    """The offences `text` names as what happened, by their label's words or the offence
    question's aliases ("Bedrohung", "threat", "Nötigung", "stalking")."""
    folded = fold(text)
    if _OR_NOT.search(folded):
        return ()  # "is das stalking oder nich?": asked whether, not said
    words = folded.split()
    names = _offence_names(k)
    found: list[str] = []
    # German "was" asks ("Was bedeutet Nachstellung?"), English "was" tells ("it was stalking")
    asking = {i for i, w in enumerate(words[:-1]) if w == "was" and words[i + 1] in _GERMAN_AFTER_WAS}
    for i, word in enumerate(words):
        cid = names.get(word)
        if cid is None or cid in found:
            continue
        before = [w for j, w in enumerate(words[max(0, i - CLAIM_REACH):i], start=max(0, i - CLAIM_REACH)) if j not in asking]
        close = words[max(0, i - 2):i]
        negated = any(w in _NOT_IT for w in close) and "auch" not in close  # "nicht auch eine Bedrohung?" asks yes
        doubted = any(w in _DOUBT_WORDS for w in words[:i])
        beyond = words[i + 1] if i + 1 < len(words) else ""
        # "na ne drohung is das doch": the name, then "is das"
        named_after = words[i + 1:i + 3] in (["is", "das"], ["ist", "das"], ["is", "des"], ["ist", "des"], ["war", "das"],
                                             ["isch", "des"], ["is", "es"], ["ist", "es"])
        if (named_after or any(w in _IS_WORDS for w in before)) and not negated and not doubted \
                and beyond not in ("to", "for", "fur"):
            found.append(cid)
    return tuple(found)


def _offence_names(k: Knowledge) -> dict[str, str]:
    """Folded one-word names of the offences (not "not sure", not "nothing happened"): the
    offence question's aliases and labels, and the longer words of the categories' labels."""
    question = next((q for q in k.flow.questions.values() if q.classify and any(o.category for o in q.options)), None)
    options = tuple((o.category, (*o.aliases, o.label.de, o.label.en)) for o in (question.options if question else ())
                    if o.category in k.categories)
    labels = tuple((cid, (c.label.de, c.label.en)) for cid, c in k.categories.items())
    return _names_of(options, labels)


@lru_cache(maxsize=4)
def _names_of(options: tuple[tuple[str, tuple[str, ...]], ...],
              labels: tuple[tuple[str, tuple[str, ...]], ...]) -> dict[str, str]:
    """As `_offence_names`, worked out once per set of categories (every later reply asks)."""
    names: dict[str, str] = {}
    for cid, spellings in options:
        if cid not in (FALLBACK, NOTHING_HAPPENED):
            for word in spellings:
                if len(folded := fold(word).split()) == 1:
                    names.setdefault(folded[0], cid)
    for cid, written in labels:
        if cid not in (FALLBACK, NOTHING_HAPPENED):
            for word in (w for label in written for w in fold(label).split()):
                if len(word) >= 6 and word != "online":
                    names.setdefault(word, cid)
    return names


def _words(text: str) -> int:
    return len([w for w in text.split() if any(ch.isalpha() for ch in w)])


# After "no" to the danger question the question is answered: what follows ("Der
# Bürgermeister ist in einer Besprechung im Haus", "ich bin zu Hause und die Tür ist
# abgeschlossen", "er sitzt gerade neben mir") says where people are, not a cry. A scene
# still counts after "aber" ("nein, aber jetzt steht er vor der Tür"), or when it names a
# hazard or someone acting against them; the model, which learnt such words from cries, not.
CONTRAST = re.compile(r"^\W*(?:\w+\W+){0,3}?(?:aber|but|doch|jedoch|allerdings|however|though)\b", re.IGNORECASE)
THREAT_SCENES = frozenset({"live_hazard", "attack", "break_in", "following", "crowd", "weapon", "fire", "explosive", "injury"})


def _after_no(text: str, signals: tuple[str, ...]) -> tuple[str, ...]:
    signals = tuple(s for s in signals if s != "model")
    if signals == ("hazard",) and tells_symptoms(text):
        # "no but i feel dizzy and sick since he hit me": how the body feels after the attack
        # (a doctor today, handlers.health_words), not a gas or a powder in the room
        return ()
    if CONTRAST.match(text):
        return signals
    signals = tuple(s for s in signals if s != "in_danger")  # "Nein, in Gefahr bin ich nicht, ..."
    if NOT_THERE.search(" ".join(fold(text).split())):  # "Nee, jetzt gerade ist keiner da."
        signals = tuple(s for s in signals if s != "term")
    if "now+situation" not in signals or concepts(fold(text), text) & THREAT_SCENES:
        return signals
    return tuple(s for s in signals if s != "now+situation")


_CLAUSES = re.compile(r"(?<=[,.;:!?])\s+")


def _told_beside(text: str) -> str:
    """Of a message that asks, the clauses that tell ("he also keyed my car yesterday" of
    "..., is that a crime?"), or "" when it has none of three words or more."""
    told = [c for c in _CLAUSES.split(text.strip()) if not is_question(c)]
    statement = " ".join(told).strip(" ,;:")
    return statement if _words(statement) >= 3 and statement != text.strip() else ""


def _told_decisions(k: Knowledge, text: str, counted: list[CategoryScore]) -> dict[str, float]:
    """Each counted category's fit, or its fit on the clauses beside the question when
    surer: the question ("is that a crime?") pulls the fit of an offence told beside it
    down (3.1 alone, 0.46 with it), which must not hide the offence."""
    fits = {c.id: c.decision or 0.0 for c in counted}
    if (statement := _told_beside(text)):
        for c in k.understand(statement).categories:
            if c.id in fits:
                fits[c.id] = max(fits[c.id], c.decision or 0.0)
    return fits


def hear(k: Knowledge, text: str, *, with_place: bool = True, place_asked: bool = False, model_danger: bool = True,
         after_no: bool = False, later_scene: bool = False, no_danger_said: bool = False,
         something_happened: bool = False) -> Heard:
    """Everything the knowledge's understanding finds in `text`. `model_danger` False: only
    the rules may call it danger (the rest of a "no" to the danger question: "nah, he's
    not there rn" must not bring the 110 advice that was just declined). `later_scene`: a
    reply after the danger question, where a scene may follow the answer in a later clause.
    `place_asked`: the reply to the question for the municipality.
    `no_danger_said`: the rest of a "no" to the danger question itself (`_after_no`).
    `something_happened`: the conversation already tells an offence, so no "nothing happened"."""
    understood = k.understand(text)
    place, choices = None, ()
    if with_place and understood.place is not None:
        found = understood.place
        if found.status in ("found", "outside") and found.places:
            place = found.places[0]
        elif found.status in ("ambiguous", "suggest") and found.places:
            choices = tuple(found.places)
    words = _words(text)
    asked = is_question(text)
    # When the first reading is "not sure" (a label the bot never infers), no other label
    # stands alone, however close: "... er wisse, wo ich wohne ... Wie soll ich mich
    # verhalten?" (unsure 0.42, prevention 0.23) is no "nothing happened", and "Something
    # happened that I can't really place" (unsure 0.67, insult 0.32) no insult; the likeliest
    # few are offered instead.
    beside_fallback = bool(understood.categories) and understood.categories[0].id == FALLBACK
    who = only_who(text)
    # "The first incident of this kind" says something happened: no "nothing happened" then
    # ("Nein, es handelt sich um den ersten Vorfall dieser Art." had been taken as prevention).
    happened_once = "once" in understood.aspects or something_happened
    counted = [
        c for c in understood.categories
        if c.id in k.categories and c.id != FALLBACK and (words >= MIN_MODEL_WORDS or is_sure(c))
        and not beside_fallback and not (happened_once and c.id == NOTHING_HAPPENED) and not who
    ]
    categories = tuple(c.id for c in counted)
    if len(categories) > 1 and categories[0] == NOTHING_HAPPENED:
        categories = (*categories[1:], NOTHING_HAPPENED)
    proposals: tuple[str, ...] = ()
    if not categories and words >= 2 and not who:  # nothing sure enough: the likeliest few are offered to pick from
        proposals = tuple(c.id for c in understood.ranking[:MAX_PROPOSALS]
                          if c.id in k.categories and c.score >= MIN_PROPOSAL
                          and not (happened_once and c.id == NOTHING_HAPPENED))
    aspects = tuple(a for a in understood.aspects if a in k.aspects)
    signals = understood.danger_signals
    if no_danger_said:
        signals = _after_no(text, signals)
    # A town named with how to find it ("bad brambach, ganz unten im vogtland an der grenze")
    # is where, unless the model is very sure ("Gemeinde: Lohmen. Und bitte, da hängt einer an
    # unserer Dachrinne": a scene no word family knows).
    told_only = (later_scene or not model_danger) and (
        only_where(text) or only_who_lives(text) or who
        or (place_asked or place is not None or bool(choices))
        and understood.danger_probability < ANSWER_REST_THRESHOLD and names_only_a_place(text))
    if told_only:  # a reply at a later question that only says where or who lives there
        signals = tuple(sig for sig in signals if sig != "model")
    if later_scene and place is not None and signals and set(signals) <= {"model", "in_danger"} \
            and k.places.corrects_place(text):
        # "das ist falsch!! ich brauche polizei zittau nicht görlitz": the right town, no cry
        signals = ()
    if later_scene and signals == ("model",) and understood.danger_probability < LATER_ALONE_THRESHOLD \
            and concepts(fold(text), text).isdisjoint(CUES):
        # a later reply with no scene in it ("Hierzu liegen uns keine Erkenntnisse vor. Der Anlass
        # scheint persönlicher Natur zu sein."): the model, trained on first messages, must be surer
        signals = ()
    if not model_danger:
        now = understood.when == "now" and not after_no
        if understood.danger_probability < (NOW_REST_THRESHOLD if now else ANSWER_REST_THRESHOLD):
            signals = tuple(sig for sig in signals if sig != "model")
        if later_scene and not told_only and not danger_now(text, signals):
            # "ja mehrfach. Aktuell hält sich eine vermummte Person auf unserem Grundstück
            # auf": the scene after the answer, read on its own (its "mehrfach" answered the
            # question; it does not make the scene a story).
            signals = k.understander.scene_after(text, NOW_REST_THRESHOLD).signals or signals
    fits = _told_decisions(k, text, counted) if asked else {c.id: c.decision or 0.0 for c in counted}
    claimed = claimed_offences(k, text) if later_scene else ()  # a first message: the model reads it whole
    return _with_claimed(claimed, Heard(
        danger=danger_now(text, signals),
        categories=categories,
        sure=tuple(c.id for c in counted if is_sure(c) and (not asked or fits[c.id] >= ASKED_DECISION)),
        told=tuple(c.id for c in counted if is_sure(c) and fits[c.id] >= ASKED_DECISION),
        proposals=proposals,
        aspects=aspects,
        place=place,
        place_choices=choices,
        lang=understood.language if understood.language in LANGS else None,
        smalltalk=understood.smalltalk,
        outside=understood.outside,
        own_place=place is not None and says_own_place(text),
        for_someone=for_someone(text),
    ))


def _with_claimed(claimed: tuple[str, ...], heard: Heard) -> Heard:
    """`heard` with the offences named as what happened, first and sure (the user's own word
    outweighs the model's reading)."""
    if not claimed:
        return heard

    def first(ids: tuple[str, ...]) -> tuple[str, ...]:
        return (*claimed, *(c for c in ids if c not in claimed))

    return replace(heard, categories=first(heard.categories), sure=first(heard.sure), told=first(heard.told), proposals=())


def absorb(state: ConversationState, heard: Heard, k: Knowledge) -> tuple[ConversationState, list[str]]:
    """A new state with what `heard` adds, and the labels of what was new (for the line)."""
    lang = state.lang
    learned: list[str] = []
    inferred = list(state.inferred)
    category, also = state.category, list(state.also)
    aspects = list(state.aspects)
    # "Not sure or something else" is only ever picked by the user: a later reply replaces
    # it only with an offence the model is sure of ("Two times, Monday and Thursday" is no
    # reason to call it coercion).
    offences = heard.categories if category is None else heard.sure if category == FALLBACK else ()
    added = _added_offences(category, also, heard) if not offences else ()
    if offences:
        category, also = offences[0], list(offences[1:])
        inferred.append("category")
        learned.append(offence_labels(k, list(offences), lang))
        for aspect in k.categories[category].aspects:
            if aspect not in aspects:
                aspects.append(aspect)
    elif added:  # told after "nothing happened" (prevention), the offence comes first
        if category == NOTHING_HAPPENED:
            category, also = added[0], [*added[1:], *also, NOTHING_HAPPENED]
        else:
            also += added
        learned.append(offence_labels(k, list(added), lang))
    place_id = state.place_id
    # A reply that is only a place ("Grimma, Sachsen") names the user's place, also when
    # another was taken before, and so does a correction ("nee nich döbeln sondern ostrau")
    # or the office with it ("ich sitz im stadtrat in reichenbach btw"); a place inside a
    # sentence ("he lives in Leipzig") does not.
    only_place = (heard.smalltalk == INTRODUCTION or heard.own_place) and heard.place is not None \
        and heard.place.id != place_id
    if (place_id is None or only_place) and heard.place is not None:
        place_id = heard.place.id
        if "place" not in inferred:
            inferred.append("place")
        learned.append(heard.place.name)
    for aspect in heard.aspects:
        updated = with_aspect(aspects, aspect)
        if updated != aspects:
            aspects = updated
            inferred.append(f"aspect:{aspect}")
            learned.append(k.aspects[aspect].label.get(lang))
    # An added offence's own aspects come after those the reply said, so that only the said ones are named.
    for aspect in (a for offence in added for a in k.categories[offence].aspects):
        if aspect not in aspects:
            aspects.append(aspect)
    new = state.evolve(category=category, also=also, aspects=aspects, place_id=place_id, inferred=inferred,
                       for_someone=state.for_someone if heard.for_someone is None else heard.for_someone)
    return new, learned


# Offences at most in one conversation: what a later reply tells ("er hat mich letzte Woche
# auch geschubst") joins the one named first and brings its contacts and steps.
MAX_OFFENCES = 3


def _added_offences(category: str | None, also: list[str], heard: Heard) -> tuple[str, ...]:
    """A further offence a reply tells, when the model is sure of it and the offence is
    known: another kind of act, not another reading of the one told ("nothing happened"
    is never added to something that did)."""
    if category is None or category == FALLBACK:
        return ()
    known = {category, *also} - {NOTHING_HAPPENED}
    new = [c for c in heard.sure if c not in known and c not in (FALLBACK, NOTHING_HAPPENED)]
    return tuple(new[: max(MAX_OFFENCES - len(known), 0)])


# "Not online" was only inferred from a letter or a call: online, once said, replaces it.
NOT_ONLINE = "offline"
# "Once" was only inferred ("nur einmal"): repeated, once said, replaces it.
ONCE = "once"


# "Home and family untouched" was only said in passing: home or family, once said, replaces it.
NOT_PRIVATE = "not_private"


# An aspect said in the user's words that replaces the inferred opposite it stands for.
_REPLACES = {"online": NOT_ONLINE, "repeated": ONCE, "private_sphere": NOT_PRIVATE}


def with_aspect(aspects: list[str], aspect: str) -> list[str]:
    """`aspects` with `aspect` added: "online" replaces "offline", "repeated" replaces
    "once" and "private_sphere" replaces "not_private", which never join them."""
    if aspect in aspects or any(aspect == weaker and stronger in aspects for stronger, weaker in _REPLACES.items()):
        return aspects
    return [*(a for a in aspects if a != _REPLACES.get(aspect)), aspect]


def understood_line(k: Knowledge, lang: str, learned: list[str]) -> str:
    """"Verstanden: …" with what was learned; what is not the case last ("Thallwitz, Zuhause oder
    Familie betroffen, nicht im Internet": before it, "nicht im Internet, Zuhause oder Familie
    betroffen" read on a phone as neither, an honorary mayor, stop 49)."""
    learned = sorted(learned, key=lambda fact: fact.startswith(("nicht ", "not ", "kein", "no ")))
    line = k.flow.texts.understood.get(lang).format(facts=", ".join(learned))
    return line.replace("..", ".")  # "Weißwasser/O.L." at the end of "Verstanden: {facts}."
