"""What the triage shows at each node: the options with their typed values, and the text.

An option's id is only a stable name for the wire (buttons, numbered replies); what picking
it means is its typed `value`, looked up from the options on screen and never parsed out of
the id. docs/flow.md shows the nodes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from handlers.answers import Choice
from handlers.messages import Option, OutboundMessage
from handlers.result import contact_card, more_topics
from handlers.state import ConversationState
from knowledge.base import Knowledge
from knowledge.places import Place
from knowledge.schema import Option as FlowOption
from knowledge.schema import Question

CONFIRM_CATEGORY = "confirm_category"
CHOOSE_PLACE = "choose_place"
CORRECT = "correct"
SCREENS = (CONFIRM_CATEGORY, CHOOSE_PLACE, CORRECT)
SHOWN = "shown"  # pending key: the parts of the result already shown in full


# --- typed option values -------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Answer:
    """An answer option of a knowledge question."""

    option: FlowOption


@dataclass(frozen=True, slots=True)
class PickCategory:
    category: str


@dataclass(frozen=True, slots=True)
class OtherCategory:
    """None of the proposed categories: show the category question."""


@dataclass(frozen=True, slots=True)
class PickPlace:
    place_id: str


@dataclass(frozen=True, slots=True)
class RetypePlace:
    """None of the places shown: ask for the municipality again."""


@dataclass(frozen=True, slots=True)
class SkipPlace:
    """Go on without a municipality."""


@dataclass(frozen=True, slots=True)
class OpenCorrection:
    """"Something is wrong" under a line of what was understood."""


@dataclass(frozen=True, slots=True)
class Fix:
    """Take back one understood fact: 'category', 'place' or 'aspect:<id>'."""

    fact: str


@dataclass(frozen=True, slots=True)
class Resume:
    """Close the correction screen and go on where we were."""


Value = Answer | PickCategory | OtherCategory | PickPlace | RetypePlace | SkipPlace | OpenCorrection | Fix | Resume


@dataclass(frozen=True, slots=True)
class Pick:
    choice: Choice
    value: Value

    @property
    def id(self) -> str:
        return self.choice.id


def say(k: Knowledge, name: str, lang: str, **fields: object) -> str:
    text = getattr(k.texts, name).get(lang)
    return text.format(**fields) if fields else text


def _l10n(k: Knowledge, id_: str, text_name: str, value: Value, *aliases: str) -> Pick:
    text = getattr(k.texts, text_name)
    return Pick(Choice(id_, text.de, text.en, aliases), value)


def _flow_text(k: Knowledge, id_: str, name: str, value: Value, *aliases: str, **fields: str) -> Pick:
    text = getattr(k.flow.texts, name)
    return Pick(Choice(id_, text.de.format(**fields), text.en.format(**fields), aliases), value)


def place_label(place: Place) -> str:
    return f"{place.name} ({place.postcode}, {place.district_name})"


def picks(state: ConversationState, k: Knowledge) -> list[Pick]:
    """The options of the current node, with every label a user may type."""
    node = state.node
    if node == CONFIRM_CATEGORY:
        proposed = [c for c in state.pending.get("proposed", []) if c in k.categories]
        found = [
            Pick(Choice(f"cat.{c}", k.categories[c].label.de, k.categories[c].label.en), PickCategory(c))
            for c in proposed
        ]
        if len(found) == 1:
            only = found[0].choice
            found = [_l10n(k, only.id, "confirm_yes", found[0].value, "ja", "yes", only.de, only.en)]
        return [*found, _l10n(k, "cat.other", "confirm_other", OtherCategory(), "nein", "no")]
    if node == CHOOSE_PLACE:
        places = [p for p in (k.places.get(pid) for pid in state.pending.get("places", [])) if p]
        found = [Pick(Choice(f"place.{p.id}", place_label(p), place_label(p), (p.name,)), PickPlace(p.id)) for p in places]
        return [
            *found,
            _l10n(k, "place.none", "place_none", RetypePlace()),
            _l10n(k, "place.skip", "place_skip", SkipPlace()),
        ]
    if node == CORRECT:
        return _correction_picks(state, k)
    question = k.flow.questions.get(node)
    if question is None:
        return []
    found = [
        Pick(Choice(o.id, o.label.de, o.label.en, tuple(o.aliases), tuple(o.phrases)), Answer(o))
        for o in question.options
        if (o.action != "escalate" or k.escalation_enabled) and _offered(o, state, k)
    ]
    if question.kind == "municipality":
        found.append(_l10n(k, "place.skip", "place_skip", SkipPlace()))
    # What was taken from the user's words stays correctable until the result.
    if state.inferred and not question.emergency and not is_after_result(k, node):
        found.append(_flow_text(k, "fix.open", "correct_option", OpenCorrection()))
    return found


def _offered(option: FlowOption, state: ConversationState, k: Knowledge) -> bool:
    """A `show` option is offered once, and only when that part of the result has more."""
    if option.show is None:
        return True
    return option.show not in state.pending.get(SHOWN, []) and option.show in more_topics(k, state)


def _correction_picks(state: ConversationState, k: Knowledge) -> list[Pick]:
    found: list[Pick] = []
    for fact in state.inferred:
        if fact == "category" and state.category in k.categories:
            label = k.categories[state.category].label
            found.append(Pick(
                Choice("fix.category", k.flow.texts.fix_category.de.format(label=label.de),
                       k.flow.texts.fix_category.en.format(label=label.en)),
                Fix(fact),
            ))
        elif fact == "place" and state.place_id and (place := k.places.get(state.place_id)):
            found.append(_flow_text(k, "fix.place", "fix_place", Fix(fact), place=place.name))
        elif fact.startswith("aspect:") and (aspect := k.aspects.get(fact.partition(":")[2])):
            if aspect_id_of(fact) in state.aspects:
                found.append(Pick(
                    Choice(f"fix.{fact}", k.flow.texts.fix_aspect.de.format(label=aspect.label.de),
                           k.flow.texts.fix_aspect.en.format(label=aspect.label.en)),
                    Fix(fact),
                ))
    found.append(_flow_text(k, "fix.done", "correct_done", Resume(), "weiter", "continue", "ok"))
    return found


def aspect_id_of(fact: str) -> str:
    return fact.partition(":")[2]


def current_messages(state: ConversationState, k: Knowledge, *, lead: str | None = None) -> list[OutboundMessage]:
    """Render the current node (again, after /hilfe, a stale button, a reload ...).

    `lead` is a short line put before the question in the same message (what was understood).
    """
    lang, node = state.lang, state.node
    options = tuple(Option(p.id, p.choice.label(lang)) for p in picks(state, k))
    prefix = f"{lead}\n\n" if lead else ""
    if node == CONFIRM_CATEGORY:
        proposed = [c for c in state.pending.get("proposed", []) if c in k.categories]
        if len(proposed) > 1:
            return [OutboundMessage(prefix + say(k, "confirm_category_several", lang), options)]
        label = k.categories[proposed[0]].label.get(lang) if proposed else ""
        return [OutboundMessage(prefix + say(k, "confirm_category", lang, label=label), options)]
    if node == CHOOSE_PLACE:
        name = "place_suggest" if state.pending.get("suggest") else "place_choose"
        return [OutboundMessage(prefix + say(k, name, lang), options, request_location=True)]
    if node == CORRECT:
        return [OutboundMessage(prefix + k.flow.texts.correct_question.get(lang), options)]
    question = k.flow.questions[node]
    text = question.text.get(lang)
    if question.kind == "municipality":
        text += " " + say(k, "share_location", lang)
    return [
        OutboundMessage(
            text=prefix + text,
            options=options,
            contacts=tuple(contact_card(k, cid, lang) for cid in question.contacts),
            emergency=question.emergency,
            category="emergency" if question.emergency else state.category,
            request_location=question.kind == "municipality",
        )
    ]


# handlers.answers.SCENES, and being followed out of doors (handlers.triage.FOLLOWED)
SCENE_TEXTS = frozenset(("emergency_fire", "emergency_object", "followed_outside"))


def emergency_reminder(state: ConversationState, k: Knowledge, text: str | None = None) -> list[OutboundMessage]:
    """The emergency advice again, in two lines: the whole text is just above, and someone
    in danger who writes "was soll ich machen" needs the numbers and the way on, not a
    wall of the same text. Same numbers, same buttons; `text` instead of the short advice."""
    [advice] = current_messages(state, k)
    question = k.flow.questions[state.node]
    safe = next((o for o in question.options if "no" in o.means), question.options[0])
    if text is None and (scene := state.pending.get("scene")) in SCENE_TEXTS:
        text = getattr(k.flow.texts, scene).get(state.lang)  # a fire's advice again, not "lock yourself in"
    if text is None:
        text = k.flow.texts.emergency_again.get(state.lang).format(safe=safe.label.get(state.lang))
    return [replace(advice, text=text)]


def is_after_result(k: Knowledge, node: str) -> bool:
    return node == k.flow.after_result


def is_yes_no(question: Question | None) -> bool:
    meanings = {m for o in question.options for m in o.means} if question is not None else set()
    return {"yes", "no"} <= meanings
