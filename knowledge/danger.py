"""Danger now: a rule layer over word families joined with the trained model.

A message is danger now if any of these signals fires (safety beats precision):
- "alarm": it consists only of alarm words ("Hilfe", "SOS", "Notfall", "Help!!", "110")
  and fillers ("bitte", "schnell"), or is a short cry of urgency alone ("bitte schnell",
  "kommt sofort", "hurry pls"), or says "now" in three words or fewer ("einbruch jetzt");
- "in_danger": it says so ("bin in Gefahr", "need police"), not negated;
- "now+situation": a sign of now ("jetzt", "gerade", "right now", "rn") with a situation
  or hazard (a person at the door, being followed, a break-in, an attack, a crowd,
  hiding, a weapon, fire, an explosive, an injury; knowledge.concepts), or with damage
  being done ("sprühen grad die Garage voll"), unless the message says it is over ("sind
  weg", "I'm safe");
- "hazard": a weapon, fire, explosive or injury, unless the message (with no sign of
  now) places it in the past ("gestern", "wurde"), in a threat's future or condition
  ("bald", "wenn", "will") or in a report of what someone wrote or said ("Brief", "wrote");
- "term": a strong danger term an admin listed in categories.yaml `danger.terms`, or a
  `weak` with a `context` term, on the same conditions;
- "model": the trained danger head (danger_now against not_danger_now, up to
  knowledge.training.EVERYDAY_CAP examples of each category and the Saxon town names)
  gives at least DANGER_THRESHOLD (STORY_THRESHOLD for a story told afterwards), on a message of two words or more that none of the model's vetoes
  (knowledge.concepts.MODEL_VETOES) holds back ("kein Notfall", "I'm safe", a joke, "they left").
Negated phrases from `danger.negations` ("niemand verletzt") are removed first.
The threshold and the rules were chosen by cross-validation on the training corpus
(bench/cv_understanding.py); figures in BENCHMARKS.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledge.concept_words import COUNT_UP_TO_NOW, DAMAGE_NOW, HAZARDS, NOW_ELSEWHERE, NOW_HINTS, SITUATIONS
from knowledge.concepts import concepts, mend_slips, without_asides, without_figurative_harm
from knowledge.features import fold

# 0.28 until 5 December, when the danger head began to learn from the development writers'
# messages (knowledge/data/examples-*.yaml): with every writer left out in turn
# (bench/cv_danger_writers.py), its scores sit higher, and 0.36 (story and bare 0.48, all
# three 0.08 up) finds more of the left-out writers' dangers with fewer false alarms than
# the old head at 0.28 (BENCHMARKS.md, "The afternoon of 5 December"). 0.40 (story 0.52) since
# 6 December, when the head learnt live scenes told with their history ("he's outside again
# with the knife"): with them, 0.36 gave 17 more false alarms on the left-out writers' calm
# messages for 9 more dangers; 0.40 finds as many dangers as before with 11 more false alarms
# of 13,314 (BENCHMARKS.md, stop 35).
DANGER_THRESHOLD = 0.40
# A story told afterwards (a past time or tense, the aftermath, or a report of what someone
# sent or said, and no sign of now nor a scene in the present tense): the model alone has to
# be surer; so does a habit with no sign of now ("seit Wochen steht abends ein Auto vor
# meinem Haus": stalking, not a scene). Chosen by cross-validation and the development set
# (BENCHMARKS.md; 0.4 until 5 December, see above); the rules still speak at once ("hat
# einen Brandsatz geworfen, der Pavillon brennt").
STORY_THRESHOLD = 0.52
# A short message (BARE_WORDS or fewer) in which no word family sees a scene, a hazard or an
# alarm ("on the school run atm", "ja, gerade zuhause", "die Kollegin ist momentan nicht am
# Platz"): the model alone has to be surer. On the development sets 0.4 kept every danger and
# took these false alarms from 23 to 10; 0.5 took them to 7 but lost a held-out danger
# (BENCHMARKS.md). 0.08 up with the others on 5 December.
BARE_THRESHOLD = 0.48
BARE_WORDS = 8
ALARM_WORDS = frozenset(
    "hilfe hilf helft help sos notfall notfal notruf emergency mayday 110 112 alarm".split()
)
FILLERS = frozenset(
    "bitte please pls plz schnell quick quickly dringend urgent sofort now jetzt ganz ein a es".split()
)
# A short cry of urgency alone ("bitte schnell", "kommt sofort", "hurry pls") is an alarm too.
URGENT = frozenset("schnell quick quickly sofort dringend urgent hurry asap beeilung beeilt beeil".split())
CRY_WORDS = FILLERS | URGENT | frozenset("komm kommt kommen sie euch ihr come up".split())
CALL_WORDS = frozenset("polizei police cops bullen 110 112 notarzt krankenwagen ambulance feuerwehr".split())
ASKING = frozenset("und was wie what and so now".split())  # "und jetzt", "was nun", "now what"
# A question announced ("quick q", "kurze frage", "schnelle frage"): its urgency is the
# writer's time, no cry (a young councillor's "quick q" had brought the whole 110 advice).
QUESTION_WORDS = frozenset("q qq qs qn qustion qustions frage fragen frag".split())  # folded: "question" is "qustion"
SHORT_CRY = 3  # words: a message this short that says "now" is a cry ("einbruch jetzt", "omg theyre here")


def compile_term(term: str) -> re.Pattern[str]:
    """A word or phrase on folded text; a trailing * makes its last word a prefix."""
    raw = term.strip()
    prefix = raw.endswith("*")
    words = fold(raw.rstrip("*")).split()
    if not words:
        raise ValueError(f"empty term {term!r}")
    body = r"\s+".join(re.escape(word) for word in words)
    tail = r"\w*" if prefix else r"\b"
    return re.compile(rf"\b{body}{tail}")


def _any(terms: list[str]) -> re.Pattern[str] | None:
    patterns = [compile_term(t).pattern for t in terms if fold(t.rstrip("*"))]
    return re.compile("|".join(f"(?:{p})" for p in patterns)) if patterns else None


@dataclass(frozen=True, slots=True)
class DangerVerdict:
    danger: bool
    signals: tuple[str, ...]  # "alarm", "term", "now+situation", "model"
    probability: float  # the model's, 0.0 without a model


class DangerRules:
    """The rule layer over the admin's danger terms (categories.yaml `danger`)."""

    def __init__(self, strong: list[str], weak: list[str], context: list[str], negations: list[str]):
        self._strong = _any(strong)
        self._weak = _any(weak)
        self._context = _any(context)
        self._negations = _any(negations)

    def clean(self, folded: str) -> str:
        """The text without negated phrases ("niemand verletzt", "no danger"), without the
        asides in passing ("bin grad im auto": knowledge.concept_words.ASIDES) and without harm
        in another sense ("my reputation is in danger")."""
        folded = without_figurative_harm(without_asides(folded))
        return self._negations.sub(" ", folded) if self._negations else folded

    def signals(self, folded: str, found: set[str] | None = None) -> list[str]:
        """Rule signals on folded text; `found` = concepts(folded) when already computed."""
        words = mend_slips(folded).split()
        if not QUESTION_WORDS.isdisjoint(words) and len(words) <= BARE_WORDS:
            words = [w for w in words if w not in URGENT]
        if words and all(w in ALARM_WORDS or w in FILLERS for w in words) and ALARM_WORDS.intersection(words):
            return ["alarm"]
        if len(words) <= 4 and URGENT.intersection(words) and all(w in ALARM_WORDS or w in CRY_WORDS for w in words):
            return ["alarm"]
        if len(words) <= BARE_WORDS and URGENT.intersection(words) and CALL_WORDS.intersection(words):
            return ["alarm"]  # "bitte schnell polizei rathaus schlettau"
        cleaned = self.clean(folded)
        # Recomputed without the negated phrases, unless the writer denies an emergency ("im
        # Moment keine Gefahr, aber gestern stand einer vor der Tür"): then the denial stands.
        found = concepts(cleaned) if found is None or cleaned != folded and "denied" not in found else found
        # The now must come with a scene, an alarm or an urge: "bin grad unterwegs" and "im
        # good rn" say where or how the writer is, not a cry.
        if len(words) <= SHORT_CRY and "now" in found and words[0] not in ASKING \
                and not found & {"negated", "denied", "not_live", "safe_now", "over", "question"} \
                and (found & SCENES or "alarm" in found or not URGENT.isdisjoint(words)):
            return ["alarm"]
        out = []
        if "in_danger" in found:
            out.append("in_danger")
        if "live_situation" in found or _damage_now(found, cleaned):
            out.append("now+situation")
        if "live_hazard" in found:
            out.append("hazard")
        strong = self._strong and self._strong.search(cleaned)
        # A weak term needs its context; a "jetzt" that belongs elsewhere ("jetzt reicht's mir",
        # "was soll ich jetzt tun") or to a count ("its sixteen times now") is no weak term.
        weak = self._weak and self._context and self._weak.search(cleaned) and self._context.search(cleaned)
        if weak and not NOW_HINTS.isdisjoint(words):
            timed = COUNT_UP_TO_NOW.sub(" ", NOW_ELSEWHERE.sub(" ", cleaned))
            weak = self._weak.search(timed) and self._context.search(timed)
        if not found & {"settled", "denied"} and (strong or weak):
            out.append("term")
        return out


def _damage_now(found: set[str], cleaned: str) -> bool:
    """Damage being done as it is told ("die sprühn mir grad de Garaaschn voll"): those doing
    it are there. Read here, not as a concept the model learns from (concept_words.DAMAGE_NOW)."""
    return "now" in found and not found & {"settled", "safe_now", "not_live", "over", "foretold"} \
        and bool(DAMAGE_NOW.search(cleaned))


# A short message with an alarm word, a negation and no scene is an alarm taken back ("kein
# Notfall, nur eine Frage", "hilfe, drucker geht nicht", "brauch keine Hilfe mehr"): the model,
# which learnt the alarm word from short cries, does not decide it alone.
SCENES = frozenset({*SITUATIONS, *HAZARDS, "present_scene", "in_danger"})
# What the word families see of a scene, a hazard or an alarm.
CUES = SCENES | {"alarm", "live_situation", "live_hazard"}
SHORT_DENIAL = 8  # words


def alarm_taken_back(found: set[str], words: int) -> bool:
    return words <= SHORT_DENIAL and {"alarm", "negated"} <= found and not found & SCENES


def model_threshold(found: set[str], words: int | None = None) -> float:
    """The model's threshold for a message with these concepts (STORY_THRESHOLD for a story,
    BARE_THRESHOLD for a short message of `words` without any scene)."""
    # A story told afterwards; the threat's own present tense ("hat gesagt, er schlägt mich
    # tot"); a habit with no sign of now ("seit Wochen steht abends ein Auto vor meinem Haus");
    # the police there taking a statement.
    story = found & {"past", "past_tense", "aftermath", "reported"} and not found & {"now", "progressive", "present_scene"} \
        or "threat_told" in found \
        or {"repeated", "settled"} <= found and "now" not in found \
        or {"safe_now", "aftermath"} <= found
    threshold = STORY_THRESHOLD if story else DANGER_THRESHOLD
    if words is not None and words <= BARE_WORDS and found.isdisjoint(CUES):
        threshold = max(threshold, BARE_THRESHOLD)
    return threshold


def decide(rule_signals: list[str], probability: float | None, threshold: float = DANGER_THRESHOLD,
           words: int = 2, denied: bool = False) -> DangerVerdict:
    """Rules or model. The model speaks only on two words or more (one word says danger
    through the rules: alarm word, hazard; a town's name must never look like one), and
    not when the writer says it is no emergency ("kein Notfall, nur eine Frage")."""
    signals = list(rule_signals)
    if probability is not None and probability >= threshold and words >= 2 and not denied:
        signals.append("model")
    return DangerVerdict(bool(signals), tuple(signals), probability or 0.0)
