"""The guided triage as one pure step: questions from the knowledge flow, free text, places.

Node names are question ids from `flow.yaml` plus three screens of our own:
`confirm_category` (a category guessed from free text) and `choose_place` (several places
match). docs/flow.md shows the whole flow as a diagram.
"""

from __future__ import annotations

from dataclasses import asdict

from handlers.answers import Choice, match_exact, match_loose
from handlers.messages import Inbound, LocationIn, Option, OptionChosen, OutboundMessage, TextIn
from handlers.result import contact_card, result_messages
from handlers.state import ConversationState, Context, FlowAction, StepResult
from knowledge.base import Knowledge
from knowledge.places import Place, Resolution
from knowledge.schema import Option as FlowOption
from knowledge.schema import Question
from knowledge.text import normalize

CONFIRM_CATEGORY = "confirm_category"
CHOOSE_PLACE = "choose_place"
OTHER = "other"
PLACE_NONE = "place_none"
PLACE_SKIP = "place_skip"
MAX_PROPOSALS = 3
EMERGENCY_WORDS = frozenset({"notfall", "emergency", "sos"})
LOOSE_MAX_WORDS = 3  # longer texts are sentences: classify them before a loose match


def say(k: Knowledge, name: str, lang: str, **fields: object) -> str:
    text = getattr(k.texts, name).get(lang)
    return text.format(**fields) if fields else text


def _l10n_choice(k: Knowledge, id_: str, text_name: str, *aliases: str) -> Choice:
    text = getattr(k.texts, text_name)
    return Choice(id_, text.de, text.en, aliases)


# --- what is on screen -----------------------------------------------------------


def choices(state: ConversationState, k: Knowledge) -> list[Choice]:
    """The options of the current node, with every label a user may type."""
    node = state.node
    if node == CONFIRM_CATEGORY:
        proposed = [c for c in state.pending.get("proposed", []) if c in k.categories]
        found = [Choice(f"cat_{c}", k.categories[c].label.de, k.categories[c].label.en) for c in proposed]
        if len(found) == 1:
            found = [_l10n_choice(k, found[0].id, "confirm_yes", "ja", "yes", found[0].de, found[0].en)]
        return [*found, _l10n_choice(k, OTHER, "confirm_other", "nein", "no")]
    if node == CHOOSE_PLACE:
        places = [p for p in (k.places.get(pid) for pid in state.pending.get("places", [])) if p]
        found = [Choice(f"place{i}", _place_label(p), _place_label(p), (p.name,)) for i, p in enumerate(places)]
        return [*found, _l10n_choice(k, PLACE_NONE, "place_none"), _l10n_choice(k, PLACE_SKIP, "place_skip")]
    question = k.flow.questions.get(node)
    if question is None:
        return []
    found = [Choice(o.id, o.label.de, o.label.en, tuple(o.aliases)) for o in question.options
             if o.action != "escalate" or k.escalation_enabled]  # never with the example roster
    if question.kind == "municipality":
        found.append(_l10n_choice(k, PLACE_SKIP, "place_skip"))
    return found


def _place_label(place: Place) -> str:
    return f"{place.name} ({place.postcode}, {place.district_name})"


def current_messages(state: ConversationState, k: Knowledge) -> list[OutboundMessage]:
    """Render the current node (again, after /hilfe, a stale button, a reload...)."""
    lang, node = state.lang, state.node
    options = tuple(Option(c.id, c.label(lang)) for c in choices(state, k))
    if node == CONFIRM_CATEGORY:
        proposed = [c for c in state.pending.get("proposed", []) if c in k.categories]
        if len(proposed) > 1:
            return [OutboundMessage(say(k, "confirm_category_several", lang), options)]
        label = k.categories[proposed[0]].label.get(lang) if proposed else ""
        return [OutboundMessage(say(k, "confirm_category", lang, label=label), options)]
    if node == CHOOSE_PLACE:
        name = "place_suggest" if state.pending.get("suggest") else "place_choose"
        return [OutboundMessage(say(k, name, lang), options, request_location=True)]
    question = k.flow.questions[node]
    text = question.text.get(lang)
    if question.kind == "municipality":
        text += "\n" + say(k, "share_location", lang)
    return [
        OutboundMessage(
            text=text,
            options=options,
            contacts=tuple(contact_card(k, cid, lang) for cid in question.contacts),
            emergency=question.emergency,
            category="emergency" if question.emergency else state.category,
            request_location=question.kind == "municipality",
        )
    ]


# --- moving through the flow -----------------------------------------------------


def start(state: ConversationState, ctx: Context, *, welcome: bool = True) -> StepResult:
    k = ctx.knowledge
    fresh = ConversationState(lang=state.lang, lang_chosen=state.lang_chosen, knowledge_version=k.version)
    result = StepResult(fresh)
    if welcome:
        result.say(OutboundMessage(say(k, "welcome", fresh.lang)))
    return go_to(fresh, k.flow.start, ctx, result)


def emergency(state: ConversationState, ctx: Context) -> StepResult:
    state.flow = "triage"
    return go_to(state, ctx.knowledge.flow.emergency, ctx, StepResult(state))


def go_to(state: ConversationState, target: str, ctx: Context, result: StepResult) -> StepResult:
    """Move to `target`, skipping questions whose answer the category or aspects imply."""
    k = ctx.knowledge
    seen: set[str] = set()
    while target in k.flow.questions and target not in seen and _skippable(k.flow.questions[target], state):
        seen.add(target)
        question = k.flow.questions[target]
        target = question.next or question.options[-1].next
    if target == "end":
        result.state = None
        return result.say(OutboundMessage(say(k, "conversation_ended", state.lang)))
    if target == "restart":
        restarted = start(state, ctx, welcome=False)
        restarted.messages[:0] = result.messages
        return restarted
    if target == "result":
        result.say(*result_messages(k, state))
        target = k.flow.after_result
    state.node, state.pending = target, {}
    result.state = state
    return result.say(*current_messages(state, k))


def _skippable(question: Question, state: ConversationState) -> bool:
    return (question.skip_if_aspect is not None and question.skip_if_aspect in state.aspects) or (
        state.category is not None and state.category in question.skip_if_category
    )


def _apply_option(state: ConversationState, option: FlowOption, ctx: Context) -> StepResult:
    k = ctx.knowledge
    if option.category:
        _set_category(state, option.category, k)
    if option.aspect and option.aspect not in state.aspects:
        state.aspects.append(option.aspect)
    result = StepResult(state)
    if option.action:
        from handlers.flows import start_flow  # late import: flows build on this module

        started = start_flow(option.action, state, ctx)
        if started is not None:
            return started
        result.actions.append(FlowAction(key=ctx.key, name=option.action, state=asdict(state)))
    return go_to(state, option.next, ctx, result)


def _set_category(state: ConversationState, category: str, k: Knowledge) -> None:
    state.category = category
    for aspect in k.categories[category].aspects:
        if aspect not in state.aspects:
            state.aspects.append(aspect)


def _category_option(k: Knowledge, category: str) -> FlowOption | None:
    for question in k.flow.questions.values():
        for option in question.options:
            if option.category == category:
                return option
    return None


def _category_question(k: Knowledge) -> str:
    for qid, question in k.flow.questions.items():
        if any(o.category for o in question.options):
            return qid
    return k.flow.start


# --- the step ----------------------------------------------------------------------


def step(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    """Handle one event at the current node of the triage."""
    k = ctx.knowledge
    if state.node not in k.flow.questions and state.node not in (CONFIRM_CATEGORY, CHOOSE_PLACE):
        # The question was removed by a knowledge reload: say so and go on from the start.
        result = StepResult(state).say(OutboundMessage(say(k, "knowledge_changed", state.lang)))
        return go_to(state, k.flow.start, ctx, result)
    on_screen = choices(state, k)
    if isinstance(event, OptionChosen):
        if event.option_id not in {c.id for c in on_screen}:
            return StepResult(state).say(OutboundMessage(say(k, "stale_option", state.lang)), *current_messages(state, k))
        return choose(state, event.option_id, ctx)
    if isinstance(event, LocationIn):
        if _is_place_node(state, k):
            return _resolved(state, k.places.nearest(event.lat, event.lon), ctx)
        return _not_understood(state, k)
    if isinstance(event, TextIn):
        return _typed(state, event.text, on_screen, ctx)
    return _not_understood(state, k)


def _typed(state: ConversationState, text: str, on_screen: list[Choice], ctx: Context) -> StepResult:
    k = ctx.knowledge
    if (picked := match_exact(text, on_screen)) is not None:
        return choose(state, picked, ctx)
    question = k.flow.questions.get(state.node)
    emergency_node = question is not None and question.emergency
    if not emergency_node and signals_danger(k, text):
        return emergency(state, ctx)
    if _is_place_node(state, k):
        return _resolved(state, k.places.resolve(text), ctx)
    # A sentence ("Nein, aber ich bekomme Drohbriefe") says more than its first word: try
    # the category terms before the loose first-word match of an option.
    sentence = len(normalize(text).split()) > LOOSE_MAX_WORDS
    loose = match_loose(text, on_screen)
    # Safety first: "Ja, ..." to "Are you in danger?" is a yes, however long the sentence.
    if loose is not None and (not sentence or _leads_to_emergency(question, loose, k)):
        return choose(state, loose, ctx)
    if question is not None and question.classify:
        proposal = propose_categories(state, text, ctx)
        if proposal is not None:
            return proposal
    if loose is not None:
        return choose(state, loose, ctx)
    return _not_understood(state, k)


def _leads_to_emergency(question: Question | None, option_id: str, k: Knowledge) -> bool:
    if question is None:
        return False
    return any(o.id == option_id and o.next == k.flow.emergency for o in question.options)


def signals_danger(k: Knowledge, text: str) -> bool:
    """Danger-now words from the knowledge base; the bare word "Notfall" always counts,
    even if an admin removed it from the terms."""
    return normalize(text) in EMERGENCY_WORDS or k.is_danger(text)


def propose_categories(state: ConversationState, text: str, ctx: Context) -> StepResult | None:
    """Ask the user to confirm the categories their own words suggest, if any."""
    proposed = ctx.knowledge.classify(text)[:MAX_PROPOSALS]
    if not proposed:
        return None
    state.node, state.pending = CONFIRM_CATEGORY, {"proposed": proposed}
    return StepResult(state).say(*current_messages(state, ctx.knowledge))


def _not_understood(state: ConversationState, k: Knowledge) -> StepResult:
    return StepResult(state).say(OutboundMessage(say(k, "not_understood", state.lang)), *current_messages(state, k))


def _is_place_node(state: ConversationState, k: Knowledge) -> bool:
    if state.node == CHOOSE_PLACE:
        return True
    question = k.flow.questions.get(state.node)
    return question is not None and question.kind == "municipality"


def choose(state: ConversationState, option_id: str, ctx: Context) -> StepResult:
    """Apply a chosen option of the current node."""
    k = ctx.knowledge
    node = state.node
    if node == CONFIRM_CATEGORY:
        if option_id == OTHER:
            return go_to(state, _category_question(k), ctx, StepResult(state))
        category = option_id.removeprefix("cat_")
        option = _category_option(k, category)
        _set_category(state, category, k)
        return go_to(state, option.next if option else "result", ctx, StepResult(state))
    if option_id == PLACE_SKIP:
        state.place_id = None
        return go_to(state, _place_next(state, k), ctx, StepResult(state))
    if node == CHOOSE_PLACE:
        if option_id == PLACE_NONE:
            return go_to(state, state.pending.get("question", k.flow.start), ctx, StepResult(state))
        index = int(option_id.removeprefix("place"))
        place = k.places.get(state.pending["places"][index])
        return _resolved(state, Resolution("found", (place,)), ctx)
    question = k.flow.questions[node]
    option = next(o for o in question.options if o.id == option_id)
    return _apply_option(state, option, ctx)


def _place_next(state: ConversationState, k: Knowledge) -> str:
    qid = state.pending.get("question", state.node)
    question = k.flow.questions.get(qid)
    return question.next if question and question.next else "result"


def _resolved(state: ConversationState, resolution: Resolution, ctx: Context) -> StepResult:
    k = ctx.knowledge
    question_id = state.pending.get("question", state.node)
    if resolution.status in ("found", "outside") and resolution.places:
        state.place_id = resolution.places[0].id
        return go_to(state, _place_next(state, k), ctx, StepResult(state))
    if resolution.status in ("ambiguous", "suggest") and resolution.places:
        state.node = CHOOSE_PLACE
        state.pending = {
            "question": question_id,
            "places": [p.id for p in resolution.places[:6]],
            "suggest": resolution.status == "suggest",
        }
        return StepResult(state).say(*current_messages(state, k))
    result = StepResult(state).say(OutboundMessage(say(k, "place_not_found", state.lang)))
    state.node, state.pending = question_id, {}
    return result.say(*current_messages(state, k))
