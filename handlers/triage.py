"""The guided triage as one pure step: questions from the knowledge flow, free text, places.

Every path from a first message to the result passes the danger question (`flow.start`) or
the emergency advice: `go_to` refuses the result until `danger_checked` is set, and only
those two set it. What the user's own words already say is taken in (handlers/listening.py)
and not asked again. The step never changes the state it is given; it returns a new one.
docs/flow.md shows the whole flow, generated from handlers/registry.py.
"""

from __future__ import annotations

import re
from dataclasses import asdict, replace

from handlers import listening
from handlers.answer_words import CLAUSE, MAX_CLAUSE_SCAN, NOT_THERE
from handlers.answers import Answer as Reading
from handlers.answers import CLARIFY, SHORT_DOUBT, language_named, UNKNOWN, YES, Choice, all_clear, asks_about_evidence, asks_about_removal, asks_about_staying_away, cannot_call, danger_elsewhere, emergency_scene, followed_outside, followed_someone_else, among_people, denies_now_later, doubts_something_else, later_no_is_about_danger, no_opens, opens_a_story, states_a_plan, asks_about_police_visit, asks_what_first, asks_about_privacy, asks_about_the_law, asks_whether_to_answer, asks_whom_to_call, aspect_parts, interpret, is_question, match_exact, match_loose, match_ordinal, match_phrase, names_aspect
from handlers.health_words import hurt_now, tells_symptoms
from handlers.call_words import ANYWAY, COMES_BACK, denied_scene, HARMLESS, NOT_YET, harmless, not_yet, NOT_CALLED_WORDS, SUPPOSED, HELP_HERE, asks_to_call, asks_to_go_out, asks_to_leave, asks_to_open, help_here, calm_about_calling, help_coming, not_called, only_safe_now
from handlers.listening import Heard, with_aspect
from handlers.denials import denied_offences
from handlers.police_card import police_cards
from handlers.meanings import asked_faq, asked_meanings
from handlers.messages import Inbound, LocationIn, OptionChosen, OutboundMessage, TextIn
from handlers.result import MAX_CARDS, compose, others_wanted, asked_stations, added_law, asked_cards, asked_header, asks_about_the_police, asks_again_for_numbers, asks_for_numbers, call_first, named_contacts, offence_labels, wants_numbers, result_messages, result_more, result_update
from handlers.state import ConversationState, Context, FlowAction, StepResult
from handlers.triage_screens import (
    CHOOSE_PLACE,
    CONFIRM_CATEGORY,
    CORRECT,
    SCREENS,
    Answer,
    Fix,
    OpenCorrection,
    OtherCategory,
    Pick,
    PickCategory,
    PickPlace,
    Resume,
    RetypePlace,
    SCENE_TEXTS,
    SHOWN,
    SkipPlace,
    Value,
    aspect_id_of,
    current_messages,
    emergency_reminder,
    is_yes_no,
    picks,
    say,
)
from knowledge import smalltalk
from knowledge.base import Knowledge
from knowledge.concept_words import SAFE_NOW, SHELTERED, STILL_WAITING
from knowledge.understanding import without_quoted
from knowledge.concepts import concepts, says_safe
from knowledge.features import fold
from knowledge.place_words import REGIONS
from knowledge.places import Place, Resolution
from knowledge.schema import L10n, Option, Question
from knowledge.text import normalize
from knowledge.understanding import denies_danger

MAX_PROPOSALS = 3
LOOSE_MAX_WORDS = 3  # longer texts are sentences: listen to them before a loose match
MIN_SWITCH_WORDS = 4  # from this many words a message in the other language switches to it
SWITCH_BACK_WORDS = 8  # once the language was taken from the user's words, from this many

__all__ = ["start", "first_message", "emergency", "go_to", "step", "current_messages", "say", "signals_danger"]


def _replace(state: ConversationState, **changes: object) -> ConversationState:
    return state.evolve(**changes)


FOLLOWED = "followed_outside"  # the flow text given again to someone followed out of doors

# --- moving through the flow -----------------------------------------------------


def start(state: ConversationState, ctx: Context, *, welcome: bool = True) -> StepResult:
    k = ctx.knowledge
    fresh = ConversationState(lang=state.lang, lang_chosen=state.lang_chosen, lang_heard=state.lang_heard,
                              knowledge_version=k.version)
    result = StepResult(fresh)
    if welcome:
        result.say(OutboundMessage(say(k, "welcome", fresh.lang)))
    return go_to(fresh, k.flow.start, ctx, result)


def emergency(state: ConversationState, ctx: Context, *, lead: str | None = None) -> StepResult:
    moved = _replace(state, flow="triage")
    return go_to(moved, ctx.knowledge.flow.emergency, ctx, StepResult(moved), lead=lead)


OBJECT_SENT = "threat"  # the offence a suspicious object sent is offered as


def emergency_heard(state: ConversationState, heard: Heard, ctx: Context, text: str = "") -> StepResult:
    """Danger in a typed message: the 110 advice comes first, with nothing before it. The
    place and aspects it names are kept; what it may say about the offence is only a guess
    made under stress ("die stehen vor meinem Haus" is no offence yet), so it is offered
    to confirm once the user is safe, never settled."""
    absorbed, _ = listening.absorb(state, heard.without_offence(), ctx.knowledge)
    shown = emergency(absorbed, ctx)
    # Offered once the user is safe: what the model is sure of, else its likeliest few, a
    # shorter choice than every category for someone who has just been in danger.
    guesses = heard.sure or heard.categories or heard.proposals
    if text and OBJECT_SENT in ctx.knowledge.categories and emergency_scene(text) == "emergency_object":
        # a parcel with wires, a letter with powder: sent as a threat (§§ 126, 241 StGB), first
        # to confirm, not "property damage" or "not sure"
        guesses = (OBJECT_SENT, *(c for c in guesses if c != OBJECT_SENT))
    if shown.state is not None and guesses and not absorbed.category:
        shown.state = shown.state.with_pending(after_danger=list(guesses[:MAX_PROPOSALS]))
    scene = emergency_scene(text) if text and shown.state is not None else None
    if scene is not None and shown.state is not None:
        # a fire: 112 and everyone out; a suspicious letter: not touched, the room left (not
        # "lock the door"); remembered for the advice given again
        shown.state = shown.state.with_pending(scene=scene).evolve(scenes=(*shown.state.scenes, scene))
        at = max((i for i, m in enumerate(shown.messages) if m.options), default=len(shown.messages) - 1)
        advice = shown.messages[at]
        cards = advice.contacts if scene != "emergency_fire" else \
            tuple(sorted(advice.contacts, key=lambda c: c.phone != "112"))  # the fire brigade's card first
        shown.messages[at] = replace(advice, text=getattr(ctx.knowledge.flow.texts, scene).get(shown.state.lang),
                                     contacts=cards)
    added = None
    if text and shown.state is not None and cannot_call(text):
        # "i cant call hes right there, can u tell the police": that the bot cannot, and what
        # may reach 110, under the advice (nothing comes before it)
        added = _cannot_call_line(shown.state, ctx.knowledge)
    elif text and shown.state is not None and danger_elsewhere(text):
        # "... ich bin noch in dr sitzung"; "mei tochter hat grad angerufen ... zwee typen hinter ihr her": where she
        # is out of doors, not "lock the door" (a mother at home had been told to lock herself in)
        name = "followed_elsewhere" if followed_someone_else(text) else "danger_elsewhere"
        added = getattr(ctx.knowledge.flow.texts, name).get(shown.state.lang)
        if name == "followed_elsewhere":
            shown.state = shown.state.with_pending(elsewhere="followed")
    elif text and shown.state is not None and followed_outside(text):
        added = ctx.knowledge.flow.texts.followed_outside.get(shown.state.lang)  # "... läuft einer hinter mir her"
        # given again in short as this ("hes like 50m behind me" had brought "lock yourself in")
        shown.state = shown.state.with_pending(scene=FOLLOWED)
    if added is not None:
        at = max((i for i, m in enumerate(shown.messages) if m.options), default=len(shown.messages) - 1)
        advice = shown.messages[at]
        shown.messages[at] = replace(advice, text=f"{advice.text}\n\n{added}")
    return shown


def go_to(
    state: ConversationState, target: str, ctx: Context, result: StepResult, *, lead: str | None = None
) -> StepResult:
    """Move to `target`, skipping questions whose answer is already known."""
    k = ctx.knowledge
    seen: set[str] = set()
    while target in k.flow.questions and target not in seen and skippable(k, k.flow.questions[target], state):
        seen.add(target)
        target = _skip_target(k.flow.questions[target], state)
    if target == "result" and not state.danger_checked:
        # By construction: no result before the danger question was answered.
        target = k.flow.start
    if target == "end":
        result.state = None
        return result.say(OutboundMessage(say(k, "conversation_ended", state.lang)))
    if target == "restart":
        restarted = start(state, ctx, welcome=False)
        restarted.messages[:0] = result.messages
        return restarted
    if target == "result":
        shown = result_messages(k, state)
        if lead and shown:  # what the last reply told comes before the result it shaped
            shown[0] = replace(shown[0], text=f"{lead}\n\n{shown[0].text}")
            lead = None
        result.say(*shown)
        target = k.flow.after_result
    history = list(state.history)
    if state.node in k.flow.questions and state.node != target and state.node not in history[-1:]:
        history.append(state.node)
    danger_checked = state.danger_checked or target == k.flow.emergency
    moved = _replace(state, node=target, pending={}, history=history[-20:], danger_checked=danger_checked)
    result.state = moved
    if target == k.flow.emergency:
        lead = None  # nothing comes before the 110 advice, not even what was understood
    return result.say(*current_messages(moved, k, lead=lead))


def _skip_target(question: Question, state: ConversationState) -> str:
    """Where a skipped question leads: as if the known answer had been picked."""
    if question.skip_to:
        return question.skip_to
    for option in question.options:
        if (option.category and option.category == state.category) or (option.aspect and option.aspect in state.aspects):
            return option.next
    return question.next or question.options[-1].next


def skippable(k: Knowledge, question: Question, state: ConversationState) -> bool:
    """Already answered: implied by the category or an aspect, or said in the user's words."""
    if question.skip_if_aspect is not None and question.skip_if_aspect in state.aspects:
        return True
    if any(a in state.aspects for a in question.skip_if_any_aspect):
        return True
    if state.category is not None and state.category in question.skip_if_category:
        return True
    if state.category is not None and question.options and all(o.category for o in question.options):
        return True  # the category question, when the category is known
    return question.kind == "municipality" and state.place_id is not None


def _category_option(k: Knowledge, category: str):  # type: ignore[no-untyped-def]
    for question in k.flow.questions.values():
        for option in question.options:
            if option.category == category:
                return option
    return None


def _category_question(k: Knowledge) -> str:
    for qid, question in k.flow.questions.items():
        if question.options and all(o.category for o in question.options):
            return qid
    return k.flow.start


def _with_category(state: ConversationState, category: str, k: Knowledge) -> ConversationState:
    aspects = list(state.aspects)
    for aspect in k.categories[category].aspects:
        if aspect not in aspects:
            aspects.append(aspect)
    return _replace(state, category=category, aspects=aspects)


# --- the first message -------------------------------------------------------------


def first_message(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    """The first message of a conversation: welcome and the danger question, after taking in
    what the message already says. A danger in it shows the emergency advice first.

    A bare "Hilfe" or "SOS" gets the 110 line at once, then the danger question.
    """
    k = ctx.knowledge
    opening = start(state, ctx)
    if not isinstance(event, TextIn) or opening.state is None:
        return opening
    fresh, notes = _language_from_text(opening.state, event.text, k)
    welcome = OutboundMessage(say(k, "welcome", fresh.lang))
    if listening.is_bare_help(event.text):
        result = StepResult(fresh, [OutboundMessage(k.flow.texts.help_first.get(fresh.lang), emergency=True), *notes])
        return go_to(fresh, k.flow.start, ctx, result)
    heard = listening.hear(k, event.text)
    picked = match_exact(event.text, [p.choice for p in picks(fresh, k)])
    if heard.danger or (picked is not None and _option_of(fresh, k, picked).next == k.flow.emergency):
        return _with_language_note(emergency_heard(fresh, heard, ctx, event.text), notes)
    if asks_about_privacy(event.text) and is_question(event.text) and not heard.told:
        # "Bevor ich Angaben mache: Was speichern Sie über mich?" first: answered, no offence
        # guessed from it (a clerk got "Verstanden: Vorbeugung und Beratung"), then the question
        answered = _answered(k, fresh, event.text, ctx.key.channel)
        return _show_danger_question(fresh, ctx, StepResult(fresh, [welcome, *answered]), None)
    absorbed, learned = listening.absorb(fresh, heard, k)
    lead = listening.understood_line(k, fresh.lang, learned) if learned else None
    if learned and k.texts.welcome_heard is not None:  # they told their story: a short hello, then on
        welcome = OutboundMessage(k.texts.welcome_heard.get(fresh.lang))
    # The welcome, in the language detected, already names the way back (/sprache): no
    # separate note that the language changed, one line less on a phone.
    result = StepResult(absorbed, [welcome, *_station_asked(k, absorbed, event.text)])
    if not heard.categories and heard.proposals:
        absorbed = _replace(absorbed, pending={"after_danger": list(heard.proposals[:MAX_PROPOSALS])})
    if heard.place_choices and not absorbed.place_id:
        absorbed = _replace(absorbed, pending={**absorbed.pending, "places_heard": [p.id for p in heard.place_choices[:6]]})
    if denies_danger(event.text):
        # "Eine akute Gefahr besteht nach unserer Einschätzung nicht.": asked all the same (every
        # path asks), but as the confirmation it is; a calm reply then stands for the no
        no = next((o for o in k.flow.questions[k.flow.start].options if "no" in o.means), None)
        confirm = k.flow.texts.danger_denied_first.get(fresh.lang).format(no=no.label.get(fresh.lang) if no else "")
        lead = f"{lead}\n\n{confirm}" if lead else confirm
        absorbed = _replace(absorbed, pending={**absorbed.pending, DENIED_FIRST: True})
    return _show_danger_question(absorbed, ctx, result, lead)


DENIED_FIRST = "denied_first"  # the first message said no one is in danger now


STATION_ASKED_WORDS = 16  # a request, not a story that names a station and a number


def _station_asked(k: Knowledge, state: ConversationState, text: str) -> list[OutboundMessage]:
    """The card of a police station asked for by name with its number ("gib mir einfach die
    nummer vom revier stollberg"), or nothing: a gruff mayor had been asked three questions
    and shown no number."""
    if len(normalize(text).split()) > STATION_ASKED_WORDS or not asks_for_numbers(text) \
            or not (wants_numbers(text) or is_question(text)) or k.understander.danger(text).danger:
        return []  # not "... reported to the Polizeirevier Zwickau; the file number can be provided on request"
    stations = asked_stations(k, state, text)
    return [OutboundMessage(asked_header(k, state.lang, stations), contacts=tuple(stations[:MAX_CARDS]))] if stations else []


def _show_danger_question(state: ConversationState, ctx: Context, result: StepResult, lead: str | None) -> StepResult:
    k = ctx.knowledge
    keep = dict(state.pending)
    shown = go_to(state, k.flow.start, ctx, result, lead=lead)
    if shown.state is not None:
        shown.state = _replace(shown.state, pending={**shown.state.pending, **keep})
    return shown


def _option_of(state: ConversationState, k: Knowledge, option_id: str):  # type: ignore[no-untyped-def]
    for pick in picks(state, k):
        if pick.id == option_id and isinstance(pick.value, Answer):
            return pick.value.option
    return None


def _without_language_wish(text: str) -> str:
    """What a message says besides asking for a language: its other clauses, if they open with an
    answer ("no not now" of "no not now. pls english, my german is not so good"), else nothing."""
    kept = [c.strip() for c in CLAUSE.split(text) if c.strip() and language_named(c) is None]
    rest = ", ".join(kept)
    return rest if kept and interpret(kept[0]).meaning not in (None, "language") else ""


def _with_language_note(result: StepResult, notes: list[OutboundMessage]) -> StepResult:
    """The note that the bot switched language goes first, except before the 110 advice:
    nothing comes before that."""
    if result.messages and result.messages[0].emergency:
        return result.say(*notes)
    return result.say_first(*notes)


def _language_from_text(state: ConversationState, text: str, k: Knowledge) -> tuple[ConversationState, list[OutboundMessage]]:
    """Switch to the language the user writes in (unless they chose one), with a one-line note."""
    if state.lang_chosen:
        return state, []
    text = without_quoted(text)  # the words quoted are the threat's language, not the writer's
    if state.lang_heard and len(normalize(text).split()) < SWITCH_BACK_WORDS:
        return state, []
    if not any(sum(ch.isalpha() for ch in word) > 1 for word in text.split()):
        return state, []  # "h i l f e", "110", "!!!": no words to tell a language by
    detected = k.detect_language(text)
    if detected is None:
        return state, []
    # Decided from the user's own words: a later short reply ("nah im good") that looks like
    # the other language does not flip it back and forth; a whole sentence in it does ("ok
    # polizei war da, jetzt ist alles ruhig, danke" after an English start); /sprache too.
    settled = _replace(state, lang=detected, lang_heard=True)
    if detected == state.lang:
        return settled, []
    return settled, [OutboundMessage(k.flow.texts.language_switched.get(detected))]


# --- the step ----------------------------------------------------------------------


def step(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    """Handle one event at the current node of the triage."""
    k = ctx.knowledge
    if state.node not in k.flow.questions and state.node not in SCREENS:
        # The question was removed by a knowledge reload: say so and go on from the start.
        result = StepResult(state).say(OutboundMessage(say(k, "knowledge_changed", state.lang)))
        return go_to(_replace(state, danger_checked=False), k.flow.start, ctx, result)
    on_screen = picks(state, k)
    if isinstance(event, OptionChosen):
        chosen = next((p for p in on_screen if p.id == event.option_id), None)
        if chosen is None:
            return StepResult(state).say(OutboundMessage(say(k, "stale_option", state.lang)), *current_messages(state, k))
        return choose(state, chosen.value, ctx)
    if isinstance(event, LocationIn):
        if _is_place_node(state, k):
            return _resolved(state, k.places.nearest(event.lat, event.lon), ctx)
        return _location_beside(state, k.places.nearest(event.lat, event.lon), k)
    if isinstance(event, TextIn):
        about_the_call = _about_the_call(state, event.text, ctx)
        if about_the_call is not None:
            return about_the_call
        if state.category and state.node != CONFIRM_CATEGORY and not _offence_asked(state, k) \
                and denied_offences(event.text, k, [state.category, *state.also]) \
                and (taken_back := _taken_back(state, listening.hear(k, event.text, with_place=False), ctx, event.text,
                                               denials_only=True)) is not None:
            # "wait no attack, he didnt touch me" at the motive question: not its answer "no"
            return taken_back
        if state.node != k.flow.after_result and (asked := _station_asked(k, state, event.text)):
            # "gib mir einfach die nummer vom revier stollberg" at any question: that card now,
            # then the question again (the danger question is still asked before any result)
            return StepResult(state, [*asked, *current_messages(state, k)])
        result = _typed(state, event.text, on_screen, ctx)
        if asks_to_call(event.text) and not any(m.emergency for m in result.messages):
            return _police_asked(state, event.text, result, k)
        if tells_symptoms(event.text) and not any(m.emergency for m in result.messages):
            # "nee. aber mir is seit heut früh schwindlig und übel" after a blow to the head
            lang = result.state.lang if result.state else state.lang
            return result.say_first(OutboundMessage(k.flow.texts.health_now.get(lang)))
        return result
    return _not_understood(state, k)


# A story typed at the danger question with a doubt about something else in it is read as
# a story, unless the model gives it this much of a danger now: then the doubt keeps bringing
# the 110 advice. Over the 12,665 development messages typed after /start (as a Telegram chat
# begins): false 110 299 -> 178 of 7,506 calm ones, dangers 4,999 of 5,159 kept (at 0: 163
# and 4,993, six scenes lost whose model readings were 0.12-0.83: "three farmers surrounded
# me in the car park"). With _tells_a_danger_besides: dangers 5,000. At 0.2 (stop 42): false
# 110 146 -> 139, one scene fewer ("might be coincidence but the same cyclist has passed me
# three times": the danger question comes again, the 110 advice not at once); in the 2,040
# conversations begun with /start false 110 67 -> 52, dangers 428 kept; a blind writer's 240
# first screens (41 dangers told with a doubt) lost none, false 110 6 -> 3 of 157.
STORY_DOUBT_DANGER = 0.2


# The model alone must be this sure for a story to outweigh a "no" read from a later clause
# ("a box at the mayor's door, nobody knows who put it. No sender and there are some cables
# coming out": 0.81; "According to our current information, there is no acute danger": 0.43).
STORY_NO_MODEL = 0.8


def _tells_a_danger_besides(k: Knowledge, text: str) -> bool:
    """Whether a story read alone tells a danger now by the rules (the model alone, trained
    on first messages, reads replies as cries too often), and says nothing of it being over
    or of nobody being there ("nobody there right now but ...", "no acute danger")."""
    understood = k.understand(text)
    folded = fold(text)
    return understood.danger_now and (bool(set(understood.danger_signals) - {"model"})
                                      or understood.danger_probability >= STORY_NO_MODEL) \
        and not (NOT_THERE.search(" ".join(folded.split())) or says_safe(folded) or all_clear(text)) \
        and not any(len(clause.split()) <= 3 and interpret(clause, "de").meaning == "no"
                    for clause in CLAUSE.split(text) if clause.strip())  # "... but you mean from him. no."


def _online_only(k: Knowledge, rest: str) -> bool:
    """Whether what follows a doubt at the danger question only tells of the internet: "idk
    theyre just randos, like 20 accounts" doubts who they are, not whether anyone is in danger
    (a blind tester got the 110 advice for insults in his DMs)."""
    if len(rest.split()) < 3:
        return False
    understood = k.understand(rest)
    return "online" in understood.aspects and not understood.danger_now and "private_sphere" not in understood.aspects


def _at_the_danger_question(k: Knowledge, text: str, answer: Reading) -> tuple[Reading, bool]:
    """What a typed reply answers at "Ist gerade jemand in Gefahr?", where after /start (as
    every Telegram chat begins) the first story is typed, and whether it is read as a story.

    - A doubt or a yes about something else in a story is no answer (it would bring the 110
      advice): "weiß nicht ob ich hier richtig bin. seit wochen ruft nachts jemand an", "...
      Yes it's online, and yes, it's the third time", "Ja guten Tag, also bei uns ..."; nor is
      its first word the label "Ja, jetzt gerade".
    - A danger denied in so many words answers no, however long the story: "... Eine
      unmittelbare Gefahr besteht nach unserer Einschätzung derzeit nicht.", "... lol. not rn
      tho im at my parents".
    - A "no" read from a later clause answers only alone or about the danger, and never beside
      a danger the story tells now: not "..., no one answers at the station", not "a package on
      my desk, no sender, wires sticking out"."""
    story = (answer.meaning == UNKNOWN and (doubts_something_else(text) or _online_only(k, answer.rest))
             or answer.meaning == YES and answer.rest.strip() == text.strip() and len(text.split()) > SHORT_DOUBT
             or answer.meaning == YES and opens_a_story(text)) \
        and k.understand(text).danger_probability < STORY_DOUBT_DANGER
    if story:
        answer = replace(answer, meaning=None, rest=text.strip(), leaning=False)
    denied = answer.meaning is None and denies_danger(text)
    if denied or answer.meaning is None and len(text.split()) > MAX_CLAUSE_SCAN and denies_now_later(text):
        answer = replace(answer, meaning="no", rest=text.strip())
    if answer.meaning == "no" and len(text.split()) > SHORT_DOUBT and not no_opens(text) \
            and (_tells_a_danger_besides(k, text) or not (denied or later_no_is_about_danger(text))):
        answer = replace(answer, meaning=None, leaning=False)
    return answer, story


def _typed(state: ConversationState, text: str, on_screen: list[Pick], ctx: Context, *,
           advised: bool = False) -> StepResult:
    """A typed reply at the current node. `advised`: the 110 line for it is already given."""
    k = ctx.knowledge
    choices = [p.choice for p in on_screen]
    values = {p.id: p.value for p in on_screen}
    question = k.flow.questions.get(state.node)
    counted = _count_answer(question, text)
    if counted is not None:  # "3" to "has it happened more than once?": three times, not the third button
        text = counted
    elif (picked := match_exact(text, choices) or match_ordinal(text, choices)) is not None:
        return choose(state, values[picked], ctx)  # "2", "Bedrohung", "the last one, nothing happened"
    at_emergency = question is not None and question.emergency
    if not at_emergency and (meanings := asked_meanings(k, state.lang, text)) \
            and state.pending.get(MEANT) != meanings and not k.understand(text).danger_now:
        # "Was bedeutet Nötigung?" at the category question asks; it does not choose "Druck oder
        # Nötigung". Asked again right after, the reply is read as an answer ("Ich weiß nicht.
        # Was bedeutet Nachstellung?" twice: not sure).
        return StepResult(state.with_pending(**{MEANT: meanings})).say(
            OutboundMessage("\n".join(meanings)), *current_messages(state, k))
    answer = interpret(text, state.lang, _asked_aspect(question))
    story = False
    if state.node == k.flow.start:
        answer, story = _at_the_danger_question(k, text, answer)
    asked_button = _asked_button(question, text, {p.id for p in on_screen})
    if asked_button is not None and _shows(values.get(asked_button)) == "contacts" and asks_about_evidence(text):
        asked_button = None  # "soll ich die Nummer blockieren?" asks about the evidence, not for more numbers
    if answer.meaning == "back" and asked_button is None:  # "andere sache noch bitte neu" is no "zurück"
        return _back(state, ctx)
    if answer.meaning == "language" and answer.target in listening.LANGS:
        switched = _replace(state, lang=answer.target, lang_chosen=True)
        note = OutboundMessage(say(k, "language_set", answer.target))
        if rest := _without_language_wish(text):  # "no not now. pls english, my german is not so good": the no too
            return _with_language_note(_typed(switched, rest, picks(switched, k), ctx), [note])
        return StepResult(switched, [note, *current_messages(switched, k)])
    if len(text.split()) >= MIN_SWITCH_WORDS:  # a whole sentence in the other language
        switched, notes = _language_from_text(state, text, k)
        if notes:
            return _with_language_note(_typed(switched, text, picks(switched, k), ctx), notes)
    if answer.meaning == CLARIFY and state.node == k.flow.start and all_clear(text):
        # "Warum fragen Sie, ob jemand in Gefahr ist? Ich habe doch geschrieben, dass nichts ist."
        answer = replace(answer, meaning="no", rest="")
    if answer.meaning == CLARIFY and not at_emergency:  # "was meinen Sie mit extremistisch?"
        if not state.pending.get(EXPLAINED) or _asked_aspect(question) is None and not _is_place_node(state, k):
            return _explained(state, question, k, text)
        # Asked again at a question about an aspect or the place, after its explanation: "weiß
        # nicht" (no place: "warum wolln se das wissen" twice), shown as taken ("zurück" undoes
        # it), rather than the same explanation once more. (At the danger question a "weiß
        # nicht" would be the 110 advice; at the category question, "not sure".)
        answer = replace(answer, meaning="unknown", leaning=True)
    if state.node == CONFIRM_CATEGORY and answer.meaning in ("no", None) and says_safe(fold(answer.rest)) \
            and not listening.hear(k, answer.rest, with_place=False,
                                   something_happened=k.flow.emergency in state.history).categories:
        # "nein er ist weg" right after the 110 advice answers whether he is still there, not
        # whether it was a threat: the question again, rather than "something else".
        return StepResult(state, current_messages(state, k))
    natural = _natural_pick(state, on_screen, answer.meaning, k, text)
    if at_emergency and (scene := emergency_scene(text)) is not None and scene not in state.scenes \
            and k.understander.danger(text).danger:
        # "wir sind hinten im archiv eingeschlossn jetzt riechts nach rauch": locked in is no
        # safety once it burns; the fire's advice (112, out), not "go on"
        shown = state.with_pending(scene=scene).evolve(scenes=(*state.scenes, scene))
        return StepResult(shown, emergency_reminder(shown, k))
    if at_emergency and natural is None and state.pending.get("scene") == FOLLOWED and among_people(text):
        # "ok im in a rewe now": where the advice sent her; to stay there and call from there
        return StepResult(state, emergency_reminder(state, k, text=_safe_line(state, k, "among_people")))
    if at_emergency and natural is None and followed_outside(text) and not says_safe(fold(text)):
        # "im walking home from the rathaus, hes like 50m behind me": not home, where people are
        followed = state.with_pending(scene=FOLLOWED)
        return StepResult(followed, emergency_reminder(followed, k))
    if at_emergency and natural is not None and answer.meaning == "no" and _no_but_not_safe(answer, text):
        # "nee das is keener von uns, der hat ne taschenlampe", "mein mann is ni da": a no to
        # something else, not "I am safe"; the advice again rather than the questions
        return _advice_again(state, k, text)
    if at_emergency and natural is None:
        if not _safe_at_advice(text) or state.pending.get("scene") == "emergency_object" and _only_sheltered(text):
            # never "not understood" here: the advice again, and the way on (indoors is no safety
            # from a ticking parcel at the door)
            return _advice_again(state, k, text)  # "bin in lohmen": the town told at the advice is kept
        natural = _natural_pick(state, on_screen, "no", k)  # "bin jetzt drin, Tür zu": safe, go on
    said = answer.rest if natural is not None else text
    # What follows an answer ("freilich, mei fraa un die kinner", "nein, aufm markt") tells
    # more about the question; the model, trained on whole first messages, reads such
    # fragments as cries, so there it needs to be very sure (listening.ANSWER_REST_THRESHOLD).
    # A reply that no answer word opens, or that only leans to an answer, is read as a
    # message of its own ("ja vor dem haus in der einfahrt" at a question of four answers is not).
    opened = answer.meaning is not None and answer.rest != text.strip()
    # A button asked for in words ("weitere stelln bitte") is no scene: the model, which reads
    # short pleas as cries, must then be as sure as for the rest of an answer.
    model_danger = (natural is None and not opened or answer.leaning) \
        and not (_is_place_node(state, k) and _only_places(k, text)) and asked_button is None \
        and not (state.node == k.flow.after_result and asks_for_numbers(text))  # "contacts again pls"
    heard = listening.hear(k, said, with_place=not _is_place_node(state, k), place_asked=_is_place_node(state, k),
                           model_danger=model_danger,
                           after_no=answer.meaning == "no", later_scene=state.node != k.flow.start,
                           no_danger_said=answer.meaning == "no" and state.node == k.flow.start,
                           # "So, die Polizei hat ihn mitgenommen … Wir sind in Sicherheit" at "Bedrohung?"
                           # after the 110 advice had been taken as "nothing happened" (stop 49)
                           something_happened=state.node == CONFIRM_CATEGORY and answer.meaning != "no"
                           and k.flow.emergency in state.history) if said.strip() else listening.Heard()
    if natural is None and state.node == k.flow.start and not heard.danger \
            and (all_clear(text) or state.pending.get(DENIED_FIRST) and answer.meaning is None):
        # "alles gut", "physically im fine, mentally 📉"; or, after a first message that said no one
        # is in danger, a calm reply about something else ("Hinweise auf eine Gruppe liegen uns nicht vor.")
        natural = _natural_pick(state, on_screen, "no", k)
    if isinstance(natural, Answer) and natural.option.category and answer.meaning == "unknown" and heard.sure \
            and (len(normalize(said).split()) >= MIN_GUESS_WORDS or set(heard.sure) - {listening.NOTHING_HAPPENED}):
        # "they threat us. i dont know how to say. ..." at the category question: the offence
        # it tells, not "not sure". (At the danger question "weiß nicht" stays the 110 advice.)
        natural = None
    if state.node == CONFIRM_CATEGORY and answer.meaning == "no" and (instead := _named_instead(state, heard)):
        # "nein, er hat mich eher verfolgt": the no, and the offence it names instead (short,
        # but sure), rather than every kind to choose from.
        heard, natural = replace(heard, categories=instead, proposals=()), None
    guessed: tuple[str, ...] = ()
    if natural is not None and state.node == k.flow.start and answer.meaning == "no" and not answer.leaning \
            and (said.strip() == text.strip() and len(said.split()) >= MIN_GUESS_WORDS or len(said.split()) >= STORY_AFTER_NO):
        # a story with its "no" inside, or a long one after it; not "No, I'm safe, it was in
        # the letterbox this morning" (about the danger, no offence to guess from)
        guessed = tuple(c for c in heard.categories or heard.proposals if c != listening.FALLBACK)
    if natural is not None:
        # What follows an answer adds to it; it does not take it back, and a few words
        # after it ("nein, oder meinen Sie ...") are no story to guess an offence from. At a
        # question about an aspect the offence is settled: the reply is about the aspect.
        # "No" or "don't know" takes back the aspect asked, whatever its words named ("what
        # counts as extremist tho?" asked twice is a don't know, not the motive).
        heard = heard.without_aspect(_asked_aspect(question)) if answer.meaning in ("no", "unknown") else heard
        if state.node == CONFIRM_CATEGORY and answer.meaning == "yes" and not answer.leaning:
            # "ja und er hat mein auto zerkratzt", "ja das war bedrohung": the offence shown,
            # and one the rest tells beyond doubt or names as what happened beside it
            heard = heard.only_told_offence()
        elif len(said.split()) < MIN_GUESS_WORDS or answer.leaning or _asks_aspects(question):
            heard = heard.without_offence()
        if not (state.node == k.flow.start and said.strip() == text.strip() and len(said.split()) > MAX_CLAUSE_SCAN):
            heard = heard.only_sure_offence()  # a long story with its "not now" inside is a story: its offence as told
    if at_emergency:
        heard = heard.without_offence()
    elif heard.danger and not advised:
        if k.flow.emergency in state.history and emergency_scene(text) in (None, *state.scenes):
            # The advice was shown and the user went on as safe: telling the story again ("he
            # hit her, her nose is bleeding") brings the 110 line, not the whole advice again,
            # and the reply is taken as the answer it is. A fire or a suspicious object told
            # now is a new scene with its own advice ("RAUCH", "es brennt hilfe").
            again = OutboundMessage(k.flow.texts.help_first.get(state.lang), emergency=True)
            return _typed(state, text, on_screen, ctx, advised=True).say_first(again)
        if _is_place_node(state, k) and heard.place is None and (place := _named_place(k, text)) is not None:
            heard = replace(heard, place=place)  # "Muegeln, Stadtrat. ... er steht hier vor der Tür": kept
        return emergency_heard(state, heard, ctx, text)
    if state.node == k.flow.after_result and natural is None and (stations := asked_stations(k, state, text)) \
            and not k.places.corrects_place(text):
        # "polizeirevier auerbach nummer?", "wir gehören doch zu auerbach mit der polizei": that
        # station's card, not the "more places" its "nummer" would ask for
        asked = OutboundMessage(asked_header(k, state.lang, stations), contacts=tuple(stations[:MAX_CARDS]))
        # "das Revier Weißwasser oder das LKA?": what each is for, then the card
        faq = asked_faq(k, state.lang, text)
        return StepResult(state, [*([faq] if faq is not None else []), asked, *current_messages(state, k)])
    if state.node == k.flow.after_result and natural is None and asks_again_for_numbers(text) and not asks_to_call(text) \
            and (cards := asked_cards(k, state, text)):
        return StepResult(state, [*cards, *current_messages(state, k)])  # the same numbers, not more
    if natural is None and asked_button is None and (faq := asked_faq(k, state.lang, text)) is not None \
            and (not _new_offence(state, heard) or _one_question(text)) \
            and not (question is not None and question.classify and _label_first(text, choices) is not None):
        # (not "vorbeugung! oder zählt melderegister da nicht?" at the offence question: its label first)
        # "bringt es was anzuzeigen?", "bekommen wir jetzt polizeischutz?": answered, then the
        # question on screen again (not "understood: not online"); a second question beside it too
        besides = [OutboundMessage(getattr(k.flow.texts, name).get(state.lang))
                   for name, asks in (("asked_removal", asks_about_removal), ("asked_evidence", asks_about_evidence))
                   if asks(text)][:1]
        if _is_place_node(state, k) and (place := k.places.find_in_text(text)) is not None and place.status == "found":
            # "Ich bin Bürgermeister von Trossin. Muss ich das melden?" at the place question: the
            # place is taken too, the answer first
            return _resolved(state, place, ctx).say_first(faq, *besides)
        return StepResult(state, [faq, *besides, *current_messages(state, k)])
    if natural is None and asked_button is None and (asks_about_privacy(text, in_so_many_words=True)
                                                     or asks_whether_to_answer(text) or asks_about_evidence(text)
                                                     or asks_about_staying_away(text) or asks_about_removal(text)):
        # "sieht die polizei das hier automatisch?", "mus ich do druff antworten": asked, not
        # told; no offence or place is guessed from it
        return StepResult(state, [*_answered(k, state, text, ctx.key.channel), *current_messages(state, k)])
    if natural is None and asked_button is None and not _new_offence(state, heard) and (reached := _how_to_reach(state, text, k)):
        # "wen soll ich jetzt anrufen", "gebn se mir einfach die nummer", "kommen die dann zu mir
        # raus": asked, not told (no offence, no "not online" from the call, no "home"); a town
        # it names is still taken ("wie is die nummer von der polizei in döbeln")
        told_place = heard.place is not None and state.node != k.flow.after_result  # after it: where the police are
        if not (told_place or _is_place_node(state, k) and k.places.resolve(text).status != "unknown"):
            return StepResult(state, [*reached, *current_messages(state, k)])
        heard = heard.without_offence()
    if state.node == CHOOSE_PLACE and natural is None and (offered := _offered_place_named(state, k, text)) is not None:
        # "Auerbach im Vogtland natürlich.", "Vogtland", "the erzgebirge one": the place of
        # those offered that the words single out
        return _resolved(state, Resolution("found", (offered,)), ctx, typed=text)
    if _is_place_node(state, k) and natural is None:
        resolution = k.places.resolve(text)
        if resolution.status == "unknown" and (found := _find_in_text(k, text)) is not None:
            resolution = found
        if resolution.status == "unknown" and is_question(text) and k.places.district_named(text) is None:
            # "does it cost anything?": asked, no place told ("erzgebirge. reicht das nicht?" names a Landkreis)
            return _not_understood(state, k, heard, text, ctx.key.channel)
        return _resolved(state, resolution, ctx, typed=text)
    if question is not None and (parts := _parts_answered(question, text)) is not None:
        # "not my family, only me. he made one video before too": each part of a question
        # about two aspects answered, one no and one yes. An aspect said no is not taken in.
        natural, said_parts = parts
        heard = replace(heard, aspects=tuple(a for a in heard.aspects if said_parts.get(a, YES) == YES))
        # As for any answer at a question about aspects, the offence is settled: "sent to the
        # town hall, not to his private address" does not make "not sure" doxxing.
        heard = heard.without_offence()
    if natural is not None and _yes_to_another_question(state, question, answer.meaning, heard, text):
        # "Yes, by e-mail" to the extremist question when online is known, "Ja, er war bereits
        # zweimal hier": the yes is about what it names, not this question. Keep what it
        # names, say it, and ask this one again.
        named = [k.aspects[a].label.get(state.lang) for a in heard.aspects if a in k.aspects]
        kept, _ = listening.absorb(state, heard.without_offence(), k)
        line = OutboundMessage(listening.understood_line(k, state.lang, named))
        return StepResult(kept).say(line, *current_messages(kept, k))
    if natural is not None:
        # the offence picked comes first, one the rest told joins it ("ja und er hat mein auto zerkratzt")
        picked = _with_category(state, natural.category, k) if isinstance(natural, PickCategory) and heard.told else state
        absorbed, learned = listening.absorb(picked, heard, k)
        if answer.leaning and isinstance(natural, Answer):  # say what was taken, "zurück" undoes it
            aspect = k.aspects.get(natural.option.aspect) if natural.option.aspect else None
            named = aspect.label.get(state.lang) if aspect is not None else None  # not "Ja, im Internet, im Internet"
            taken = natural.option.label.get(state.lang)
            if named and "yes" in natural.option.means and named not in taken:  # "Ja, extremistisches oder politisches Motiv", not a bare "Ja"
                taken = f"{taken}, {named}"
            learned = [taken, *(x for x in learned if x != named)]
        lead = listening.understood_line(k, state.lang, learned) if learned else None
        if guessed and not absorbed.category:
            # "... posted my uni schedule. not in danger rn but kinda freaked out": the no
            # answers the danger question, and the offences the story suggests are offered
            # next to confirm, rather than the whole list
            absorbed = absorbed.with_pending(after_danger=list(guessed[:MAX_PROPOSALS]))
        chosen = choose(absorbed, natural, ctx, lead=lead)
        if answer.rest and state.node != k.flow.after_result and (reached := _how_to_reach(state, answer.rest, k)):
            return chosen.say_first(*reached)  # "keine ahnung, aber an wen wend ich mich jetzt??": both
        if answer.rest and (faq := asked_faq(k, state.lang, answer.rest)) is not None:
            return chosen.say_first(faq)  # "nein. aber lohnt sich das überhaupt?": both
        if answer.rest and (asks_about_staying_away(answer.rest) or asks_about_evidence(answer.rest)):
            # "idk?? nobody is here yet but like. should i stay at a friends place tonight": both
            return chosen.say_first(*_answered(k, state, answer.rest, ctx.key.channel))
        return chosen
    # "gibts noch andre stellen wo ich anrufen kann": a button asked for in a sentence that
    # tells nothing new (knowledge: an option's `phrases`); no story either: "done here, gonna
    # call them now" is no threat.
    if asked_button is not None:
        # a further offence the model is sure of joins instead ("also my mailbox was smashed last nite what now")
        absorbed = listening.absorb(state, heard.only_told_offence(), k)[0]
        if (absorbed.category, absorbed.also, absorbed.place_id) == (state.category, state.also, state.place_id):
            below_result = state.node == k.flow.after_result
            named = [c.id for c in named_contacts(k, state.lang, text) if c.id in k.contacts] if below_result else []
            if named and not others_wanted(text) and not set(named) <= {c.id for c in compose(k, absorbed).cards} \
                    and (cards := asked_cards(k, absorbed, text)):
                # "mobile beratung?" (a place the answer does not list) is no tap on "Weitere Stellen"
                return StepResult(absorbed, [*cards, *current_messages(absorbed, k)])
            if asked_button in values:  # an aspect it names besides ("wen kann ich noch anrufen") is kept
                return choose(absorbed, values[asked_button], ctx)
            # "more on the law" when all of it is shown: no "not understood", and the menu;
            # "so what do i do first" when all the advice is shown: the first call
            if state.node == k.flow.after_result and asks_what_first(text) and asked_faq(k, state.lang, text) is None \
                    and (first := call_first(k, absorbed)):
                return StepResult(absorbed, [*first, *current_messages(absorbed, k)])
            if below_result and (asks_for_numbers(text) or named and not others_wanted(text)) \
                    and named_contacts(k, state.lang, text) and (cards := asked_cards(k, absorbed, text)):
                # "ich will die mobile beratung sprechen" (asked three times, stop 48): that card too
                # "kenn se mer die telefonnummer vom lka nochmal schreiben" when every card is shown:
                # that card again, not "nothing more"
                return StepResult(absorbed, [*cards, *current_messages(absorbed, k)])
            if (faq := asked_faq(k, state.lang, text)) is not None:
                # "the police are here now. what do i tell them": its answer, not "everything is above"
                return StepResult(absorbed, [faq, *current_messages(absorbed, k)])
            note = OutboundMessage(k.flow.texts.nothing_more.get(state.lang))
            return StepResult(absorbed, [note, *current_messages(absorbed, k)])
        if isinstance(asked := values.get(asked_button), Answer) and asked.option.show == "law" \
                and (law := added_law(k, state, absorbed)):
            # "er hat mich gestern auch geschubst, ist das strafbar?": the offence joins, and
            # what the law says about it
            listened = _listened(state, heard.only_told_offence(), ctx, question, text)
            menu = next((i for i, m in enumerate(listened.messages) if m.options), len(listened.messages))
            return replace(listened, messages=[*listened.messages[:menu], *law, *listened.messages[menu:]])
    sentence = len(normalize(text).split()) > LOOSE_MAX_WORDS
    loose = match_loose(text, choices)
    if loose is not None and not sentence:
        return choose(state, values[loose], ctx)
    if sentence and question is not None and question.classify and not story and (named := _label_first(text, choices)) is not None:
        return choose(state, values[named], ctx)  # "bedrohung. und er tritt gegen die tür": the label said first
    # "ja" or "weiß nicht" where the answers are several (a question, the menu after the
    # result): understood, but which one? How to pick, not "not understood".
    several = len(choices) >= 2 and (question is None or not is_yes_no(question))
    vague = answer.meaning in ("yes", "no", "both", "unknown") and several
    if vague and opened:  # "ja meine frau hat ihn gefunden" to "which fits best?": its rest is no new story
        heard = heard.only_sure_offence()
    if vague and not listening.absorb(state, heard, k)[1]:
        if _tells_more(state, k, text):  # "yes same guy was at the town hall last week"
            return _not_understood(state, k, heard, text, ctx.key.channel)
        return _which_one(state, k, asked=question is not None and answer.meaning in ("yes", "both"))
    offence_asked = question is not None and question.classify or state.node == CONFIRM_CATEGORY
    if advised and not (offence_asked and (heard.categories or heard.proposals)) and not listening.absorb(state, heard, k)[1]:
        return StepResult(state, current_messages(state, k))  # the 110 line says it all; the question again
    if heard.anything:
        return _listened(state, heard, ctx, question, text)
    if loose is not None and not story:
        return choose(state, values[loose], ctx)
    return _not_understood(state, k, heard, text, ctx.key.channel)


def _named_instead(state: ConversationState, heard: listening.Heard) -> tuple[str, ...]:
    """The offences a "no" to the proposed ones names instead, when the model is sure of them."""
    proposed = set(state.pending.get("proposed", ()))
    return tuple(c for c in heard.sure if c not in proposed and c != listening.FALLBACK)


def _count_answer(question: Question | None, text: str) -> str | None:
    """A bare number at the question whether it happened more than once is a count: "1" is
    once ("nein"), more is repeated ("ja"). None anywhere else (a number picks a button)."""
    typed = text.strip().rstrip(".!x")
    if question is None or not typed.isdigit() or _asked_aspect(question) != "repeated":
        return None
    return "ja" if int(typed) > 1 else "nein"


def _police_asked(state: ConversationState, text: str, result: StepResult, k: Knowledge) -> StepResult:
    """"soll ich jetzt 110 anrufen oder was": the 110 line first. If the reply answered nothing
    else, where to report it instead of "not understood", and the question again."""
    lang = result.state.lang if result.state else state.lang
    line = OutboundMessage(k.flow.texts.help_first.get(lang), emergency=True)
    # "There is no emergency, should we call 110 for that?", "If a crowd ever gathered outside my house,
    # would I call 110 or the local station?": where to report, and what 110 is for, without the line
    anyway = bool(ANYWAY.search(fold(text))) and k.flow.emergency not in state.history
    if anyway and not calm_about_calling(text) and not (result.state == state and _unanswered(result, k, lang)):
        # "Ich glaube nicht. Draußen ist alles ruhig. Soll ich trotzdem die Polizei rufen?": its
        # answer taken, and what 110 is for and where to report, without "call 110 now"
        where = say(k, "police_asked_below" if state.node == k.flow.after_result else "police_asked", lang)
        return result.say_first(OutboundMessage(where))
    calm = calm_about_calling(text) or anyway
    if calm or result.state == state and _unanswered(result, k, lang):  # calm: "anrufen" tells no "not online"
        where = say(k, "police_asked_below" if state.node == k.flow.after_result else "police_asked", lang)
        if calm and SUPPOSED.search(fold(text)) and (concepts(fold(text), text) & SUPPOSED_SCENES or COMES_BACK.search(fold(text))):
            # "Und wenn der Golf heute abend wieder vor ihrem Haus steht, 110 oder Revier?": a
            # scene supposed is a danger then: 110 at once, and where to report what was
            where = f"{k.flow.texts.supposed_scene.get(lang)} {where}"
        return StepResult(state, [*([] if calm else [line]), OutboundMessage(where), *current_messages(state, k)])
    return result.say_first(line)


# What makes a supposed case a scene to call 110 for: someone or a crowd there, a car standing
# before the house, someone following, breaking in (knowledge.concepts).
SUPPOSED_SCENES = frozenset(("person", "crowd", "present_scene", "following", "break_in", "attack"))


# After the 110 advice, what the user says about the call: not made yet, help on its way, the
# police there or the men gone. Each is said to, and the rest of the reply is still read as the
# answer it is ("letzte woche am rathaus, hier noch nie. hab 110 angerufen, die kommen").


def _about_the_call(state: ConversationState, text: str, ctx: Context) -> StepResult | None:
    k = ctx.knowledge
    at_advice = state.node == k.flow.emergency
    advised = k.flow.emergency in state.history and not at_advice  # shown, and left as safe
    if not (advised or at_advice):
        return None
    # A scene the rules see in the reply ("polizei ist unterwegs, er tritt die tür ein") keeps
    # it from being only about the call; the model alone, trained on first messages, does not.
    scene = bool(set(k.understander.danger(text).signals) - {"model"})
    if advised and not scene and not _is_place_node(state, k) and only_safe_now(text, state.lang):
        # "polizei is jetzt da", "she is safe now": how it stands, no answer and no offence (the
        # model, trained on first messages, reads "die polizei ist jetzt hier" as damage): the
        # question again, not "not understood" ("vorbei" at the place question is no such reply)
        return StepResult(state, current_messages(state, k))
    yet_to_call = not_called(text)
    if at_advice and not_yet(text) and not _scene_besides(k, text, NOT_YET):
        # "ist doch erst MORGEN": a meeting tomorrow is no danger now; on to the questions
        return _typed(state, "nein", picks(state, k), ctx)
    if at_advice and harmless(text) and not _scene_besides(k, text, HARMLESS):
        # "die polizei war da. war n monteur … peinlich": harmless after all; no guess from the
        # scare ("Beleidigung?" had been offered), and that calling was right
        cleared = state.with_pending(after_danger=[])
        return _typed(cleared, "nein", picks(cleared, k), ctx).say_first(
            OutboundMessage(k.flow.texts.harmless_after_all.get(state.lang)))
    if at_advice and (denial := denied_scene(state.pending.get("scene"), text)) is not None \
            and not _scene_besides(k, text, denial):
        # "Es brennt nicht, das war eine Redewendung!", "there is no bombe, it is only comment on
        # facebook!": the scene's advice was a misreading, and a reply's "brennt" or "bombe" had
        # brought it again: safe, on to the questions
        return _typed(state, "nein", picks(state, k), ctx)
    if at_advice and state.pending.get("scene") == "emergency_object" and tells_symptoms(text):
        # "Der Notruf ist abgesetzt … Sie klagt über Kratzen im Hals": 112, whoever is coming
        return _advice_again(state, k, text, k.flow.texts.symptoms_object.get(state.lang))
    if at_advice and hurt_now(text) and not help_coming(text):
        # "muss ich ins krankenhaus? nase blutet wie sau": 112 or a doctor, not "lock yourself in" again
        return _advice_again(state, k, text, k.flow.texts.hurt_at_advice.get(state.lang))
    if at_advice and asks_to_go_out(text) and state.pending.get("scene") not in SCENE_TEXTS \
            and emergency_scene(text) is None:  # out of a fire, away from a parcel: their own advice
        # "Soll ich rausgehen und mit ihm reden, ich kenne ihn vielleicht?": no, stay in
        return _advice_again(state, k, text, k.flow.texts.go_out_asked.get(state.lang))
    if at_advice and asks_to_open(text):  # "soll ich aufmachen??": no, and 110
        opened = "open_object_asked" if state.pending.get("scene") == "emergency_object" \
            or emergency_scene(text) == "emergency_object" else "open_door_asked"
        return _advice_again(state, k, text, getattr(k.flow.texts, opened).get(state.lang))
    if at_advice and _ASKS_WHERE.search(fold(text)) and (stations := asked_stations(k, state, text)):
        # "hab 110 angerufen die sagen ich soll zum revier in stollberg fahren wo ist das genau
        # adresse" had got "Gut, dass Hilfe unterwegs ist": the station's card, the advice kept
        again = _advice_again(state, k, text, k.flow.texts.station_as_told.get(state.lang) if help_coming(text) else None)
        header = asked_header(k, state.lang, stations)
        if not any(c.address for c in stations[:MAX_CARDS]):  # Stollberg's street is not in the data
            header = f"{header}\n\n{k.flow.texts.address_unknown.get(state.lang)}"
        card = OutboundMessage(header, contacts=tuple(stations[:MAX_CARDS]))
        return replace(again, messages=[card, *again.messages])
    if at_advice and state.pending.get("scene") == "emergency_object" and asks_to_leave(text):
        # "solln wir hinten raus?": away from it, not past it ("ich bin drinnen" is no safety here)
        return _advice_again(state, k, text, k.flow.texts.leave_object_asked.get(state.lang))
    if asks_to_call(text) and not calm_about_calling(text) and not help_coming(text) \
            and not (at_advice and (danger_elsewhere(text) or cannot_call(text))):
        # "should i still call 110 or is that overkill", "should i call the cops?? theyre still
        # down there": after the 110 advice, yes; not where to report it
        line = k.flow.texts.call_now_yes.get(state.lang)
        if at_advice:
            return _advice_again(state, k, text, line)
        # the rest of the reply is still the answer it is ("es gab briefe vorher. soll ich jetzt 110 anrufen")
        return _with_line(state, _typed(state, text, picks(state, k), ctx), OutboundMessage(line, emergency=True), k)
    if at_advice and not yet_to_call and help_here(text) and emergency_scene(text) in (None, *state.scenes) \
            and (not _safe_at_advice(text) or _scene_besides(k, text, HELP_HERE)):
        # "feuerwehr is da löschen grad": not "call 112 now" again, but to follow them; the
        # advice's buttons stay for when it is over
        return _advice_again(state, k, text, _safe_line(state, k, "help_here"))
    if at_advice and scene and not yet_to_call and help_coming(text) and emergency_scene(text) in (None, *state.scenes):
        # "hab eins eins null angerufen … der ist jetzt am küchenfenster was mach ich solange":
        # called, and still there: not "call 110 now" again, but that help is coming, the advice
        return _advice_again(state, k, text, k.flow.texts.help_coming.get(state.lang))
    if not yet_to_call and not scene and help_coming(text):
        line = OutboundMessage(k.flow.texts.help_coming.get(state.lang))
        if at_advice and not _safe_at_advice(text):
            # "... im in lohmen btw"; "sie kommen. die männer sind noch da ... tür ist zu": behind a
            # locked door while they are still outside is no time for questions; its buttons: safe, or end
            return _advice_again(state, k, text, line.text)
        if _offence_asked(state, k):  # "ok she called, police are on the way" names no offence
            return StepResult(state, [line, *current_messages(state, k)])
        result = _typed(state, text, picks(state, k), ctx)
        # the model read "die kommen" as people coming: the rules saw no scene, so no 110 line again
        again = k.flow.texts.help_first.get(state.lang)
        result = replace(result, messages=[m for m in result.messages if m.text != again])
        return _with_line(state, result, line, k)
    if at_advice and danger_elsewhere(text) and not cannot_call(text) and state.pending.get("elsewhere") == "followed":
        return _advice_again(state, k, text, k.flow.texts.followed_elsewhere.get(state.lang))
    if at_advice and danger_elsewhere(text) and not cannot_call(text):
        # "soll ich 110 rufen oder mei frau? ich bin ja ni dort": who calls, and what those there do
        return _advice_again(state, k, text, k.flow.texts.danger_elsewhere.get(state.lang))
    if at_advice and cannot_call(text):
        # "ich kann nich anrufen!! hilfe", "can u send them a msg": that the bot cannot, and what may
        return _advice_again(state, k, text, _cannot_call_line(state, k))
    if at_advice and yet_to_call and not _safe_at_advice(text):  # "no, she has not called the police yet": no "no, not in danger"
        return _advice_again(state, k, text)
    if advised and yet_to_call:
        line = OutboundMessage(k.flow.texts.help_first.get(state.lang), emergency=True)
        if len(normalize(text).split()) <= NOT_CALLED_WORDS:  # its "nee" is no answer to the question on screen
            return StepResult(state, [line, *current_messages(state, k)])
        return _with_line(state, _typed(state, text, picks(state, k), ctx), line, k)
    return None


def _one_question(text: str) -> bool:
    """A single sentence that asks ("bin ich verpflichtet jede Beleidigung anzuzeigen"): an
    offence it names is asked about, not told (a story before a question is two sentences)."""
    return is_question(text) and not _SENTENCE_BREAK.search(text.strip())


_SENTENCE_BREAK = re.compile(r"[.!;:]\s+\S")


def _scene_besides(k: Knowledge, text: str, said: re.Pattern[str]) -> bool:
    """Whether the rules still see a scene in `text` once what `said` matches is left out ("es
    brennt nicht, aber der typ steht noch im hof"); the model, trained on first messages, does
    not count here."""
    return bool(set(k.understander.danger(said.sub(" ", fold(text))).signals) - {"model"})


def _safe_line(state: ConversationState, k: Knowledge, name: str) -> str:
    """A flow text at the 110 advice that names its safe option ({safe})."""
    question = k.flow.questions[k.flow.emergency]
    safe = next((o for o in question.options if "no" in o.means), question.options[0])
    return getattr(k.flow.texts, name).get(state.lang).format(safe=safe.label.get(state.lang))


def _location_beside(state: ConversationState, resolution: Resolution, k: Knowledge) -> StepResult:
    """A location shared where no place is asked for (a mayor shared his at the 110 advice and
    got "not understood", then was asked for the place again): kept as the user's place; at
    the advice, that the police do not see it from here, so it is said on the phone."""
    if resolution.status not in ("found", "outside") or not resolution.places:
        return _not_understood(state, k)
    place = resolution.places[0]
    kept = _replace(state, place_id=place.id)
    if state.node == k.flow.emergency:
        line = k.flow.texts.location_at_advice.get(state.lang).format(place=place.name)
        return StepResult(kept, emergency_reminder(kept, k, text=line))
    return StepResult(kept, current_messages(kept, k, lead=listening.understood_line(k, state.lang, [place.name])))


def _safe_at_advice(text: str) -> bool:
    """Whether a reply to the 110 advice says the user is safe: not while they say the people
    are still there ("tür ist zu. die männer sind noch da"): behind a locked door, with them
    outside, is no time for the questions."""
    folded = fold(text)
    # "bin nich in gefahr", "ES IS KEINE GEFAHR MEHR": said in so many words
    return (says_safe(folded) or "denied" in concepts(folded, text)) and not STILL_WAITING.search(folded)


# At most this many words after a "nein" at the 110 advice are still its answer ("nein danke",
# "nee zum glück nicht"); a longer rest tells something, and is read.
_NO_REST_WORDS = 3


def _no_but_not_safe(answer: Reading, text: str) -> bool:
    """Whether a "no" at the 110 advice answers something else: a no found inside a sentence
    ("mein mann ist nicht da"), or one followed by more than a few words that say no safety
    ("nee das is keener von uns, der hat ne taschenlampe"; not "nein, er ist weg")."""
    if _safe_at_advice(text) or harmless(text) or not answer.rest.strip():
        return False
    opened = answer.rest.strip() != text.strip()
    return not opened or len(normalize(answer.rest).split()) > _NO_REST_WORDS


# Where a station is, asked at the 110 advice (folded).
_ASKS_WHERE = re.compile(r"\b(?:adresse|address|wo ist|wo is|wo isn|where is|where s|wie komm\w*|hinfahren|hin fahren|fahren)\b")


def _only_sheltered(text: str) -> bool:
    """Safe only by being indoors ("ich bin drinnen mit meim sohn"), not because it is over."""
    folded = fold(text)
    found = concepts(folded, text)
    return bool(SHELTERED.search(folded)) and not found & {"over", "denied"} and not SAFE_NOW.search(folded)


def _advice_again(state: ConversationState, k: Knowledge, text: str, line: str | None = None) -> StepResult:
    """The 110 advice again, in short or as `line`, keeping the town the reply names ("ok
    called 110 they said a car is coming. im in lohmen btw") so that it is not asked for again
    once the user is safe; nothing else of the reply is taken (no offence, no aspect, no
    "understood" line)."""
    if state.place_id is None and (place := k.understand(text).place) is not None \
            and place.status == "found" and place.places and not _coming_from(text, place.places[0]):
        state = state.evolve(place_id=place.places[0].id)
    return StepResult(state, emergency_reminder(state, k, text=line))


def _coming_from(text: str, place: Place) -> bool:
    """Whether `text` names `place` as where someone comes from ("hab 110 angerufen die kommen
    aber von marienberg"): the police's town, not the user's."""
    name = fold(place.name.split("/")[0])
    return re.search(rf"\b(?:von|vom|aus|from) {re.escape(name)}\b", fold(text)) is not None


def _cannot_call_line(state: ConversationState, k: Knowledge) -> str:
    """What the bot says to someone in danger who cannot call: the escalation button where the
    on-duty police can be informed, else the other ways to 110."""
    texts = k.flow.texts
    escalate = next((o for o in k.flow.questions[k.flow.emergency].options if o.action == "escalate"), None)
    if escalate is not None and k.escalation_enabled:
        return texts.cannot_call_escalate.get(state.lang).format(option=escalate.label.get(state.lang))
    return texts.cannot_call.get(state.lang)


def _unanswered(result: StepResult, k: Knowledge, lang: str) -> bool:
    """Whether `result` answered nothing: "not understood", or a question of the user's it
    could not answer."""
    nothing = (say(k, "not_understood", lang), k.flow.texts.asked_during.get(lang), k.flow.texts.asked_open.get(lang))
    return any(m.text.startswith(nothing) for m in result.messages)


def _with_line(state: ConversationState, result: StepResult, line: OutboundMessage, k: Knowledge) -> StepResult:
    """`line` first; if the reply answered nothing else, the question again, not "not understood"."""
    lang = result.state.lang if result.state else state.lang
    if result.state == state and _unanswered(result, k, lang):
        return StepResult(state, [line, *current_messages(state, k)])
    return result.say_first(line)


def _offence_asked(state: ConversationState, k: Knowledge) -> bool:
    question = k.flow.questions.get(state.node)
    return state.node == CONFIRM_CATEGORY or question is not None and question.classify


def _label_first(text: str, choices: list[Choice]) -> str | None:
    """The option a sentence names in its first clause of a few words ("bedrohung. und er tritt
    gegen die tür"), which the model reading the whole sentence may not follow."""
    head = CLAUSE.split(text.strip(), maxsplit=1)[0]
    return match_loose(head, choices) if 0 < len(normalize(head).split()) <= LOOSE_MAX_WORDS else None


# Words that say where a place lies ("Taucha, just outside Leipzig", "Radebeul bei Dresden").
PLACE_RELATIONS = frozenset((
    "just right outside near nearby close to by in at of the next north south east west a few km kilometres "
    "kilometers miles minutes from area region district county town city village municipality postcode zip "
    "bei nahe nah kurz vor hinter neben von vom im in am an der die das den dem ist liegt "
    "direkt gleich landkreis kreis stadt dorf gemeinde ortsteil ot plz postleitzahl nord sud ost west und and or oder "
    # public places, where it happened ("Döbeln, direkt vorm Rathaus aufm Obermarkt"); not the home,
    # where "vor meinem Haus!!" may be the scene itself
    "vorm aufm beim ans ums zum zur rathaus markt marktplatz bahnhof kirche schule zentrum innenstadt platz "
    "town hall market square station church school centre center downtown high street "
    # where the place lies in the land ("bad brambach, ganz unten im vogtland an der grenze")
    "ganz oben unten hinten druben grenze border tschechien polen czech poland rand edge "
    "vogtland erzgebirge lausitz oberlausitz niederlausitz elbtal erzgebirgskreis vogtlandkreis sachsische schweiz "
    "mittelsachsen nordsachsen westsachsen ostsachsen up down over there "
    # a correction or a filler in between ("Borna. Well, Eula", "Kamenz, nee, genauer Bernbruch")
    "well actually i mean sorry naja na also genauer bzw beziehungsweise eigentlich nee nein no"
).split())
# A street or square by its ending ("Obermarkt", "Hauptstraße", "Lindenallee").
STREET_ENDINGS = ("markt", "platz", "strasse", "str", "weg", "gasse", "ring", "allee", "street", "road", "square")
MAX_PLACE_WORDS = 10


def _only_places(k: Knowledge, text: str) -> bool:
    """Whether a reply at the place question names only places and how they lie ("Radebeul,
    just outside Dresden. 01445."): no scene for the danger model to read into "outside"."""
    words = fold(text).split()
    if not words or len(words) > MAX_PLACE_WORDS:
        return False
    named = {fold(w) for w in text.split() if w[:1].isupper()}  # "Borna. Well, Eula, just outside": Eula, a part of town
    return all(w in PLACE_RELATIONS or w.isdigit() or w.endswith(STREET_ENDINGS) or w in named
               or k.places.resolve(w).status in ("found", "ambiguous", "outside") for w in words)


# The pending key set once a question's meaning was explained.
EXPLAINED = "explained"
# The pending key that holds the meanings of the categories just explained.
MEANT = "meant"
# Fewer words than this after an answer are not read for the offence.
MIN_GUESS_WORDS = 8
STORY_GOES_ON_WORDS = 3  # at the danger question, after an offence was told: more of the story, not "not understood"
STORY_AFTER_NO = 16  # words after a "no" that tell a story, not only why no one is in danger
# A yes with at most this many words that names only an aspect already known ("Yes, by
# e-mail") is about that aspect; a longer one explains the yes to the question asked.
MAX_ASIDE_WORDS = 6


def _yes_to_another_question(state: ConversationState, question: Question | None, meaning: str | None,
                             heard: Heard, text: str) -> bool:
    """A yes whose words name other aspects, not the one asked: "Ja, er war bereits zweimal
    hier" to the extremist question is about the repetition (asked again, not taken as a motive)."""
    asked = _asked_aspect(question)
    if meaning != "yes" or asked is None or question is None or not heard.aspects:
        return False
    if len(text.split()) > MAX_ASIDE_WORDS and not listening.only_who_lives(text):
        return False  # "ja natürlich, der Kanal kommt aus der rechten Ecke ...": a yes; not "ja meine frau und die enkel wohnen mit im haus"
    if names_aspect(text, asked):  # "the account has a black sun in its picture, so yes"
        return False
    if len({o.aspect for o in question.options if o.aspect}) > 1:  # "Zuhause? Oder mehrmals?": both count
        return False
    return asked not in heard.aspects


def _parts_answered(question: Question, text: str) -> tuple[Answer, dict[str, str]] | None:
    """The option of a question about several aspects that a reply speaking of some part
    picks (the one whose aspects are those said yes), with what it said of each part."""
    asked = tuple(dict.fromkeys(a for o in question.options for a in (o.aspect, *o.aspects) if a))
    if len(asked) < 2:
        return None
    said = aspect_parts(text, asked)
    if not said:
        return None
    # A part not spoken of is "no or don't know", the button's own words: "hat er nischt
    # von gesacht. den hab ich vorher noch nie gesehn" is a no to both.
    yes = {a for a, meaning in said.items() if meaning == YES}
    for option in question.options:
        if {a for a in (option.aspect, *option.aspects) if a} == yes and (yes or "no" in option.means):
            return Answer(option), said
    return None


def _asks_aspects(question: Question | None) -> bool:
    """Whether a question asks about aspects ("Im Internet?", "Zuhause? Oder mehrmals?")."""
    return question is not None and any(o.aspect for o in question.options)


def _question_named(k: Knowledge, text: str) -> Question | None:
    """The aspect question (with an explanation) whose aspect `text` names."""
    for question in k.flow.questions.values():
        aspect = _asked_aspect(question)
        if aspect is not None and question.explain is not None and names_aspect(text, aspect):
            return question
    return None


def _shows(value: Value | None) -> str | None:
    """What a button below the result shows more of ("contacts", "advice", "law"), if it does."""
    return value.option.show if isinstance(value, Answer) else None


def _asked_aspect(question: Question | None) -> str | None:
    """The aspect a yes/no question asks about ("online" for "Im Internet?"), if any."""
    if question is None:
        return None
    return next((o.aspect for o in question.options if o.aspect and "yes" in o.means), None)


SHORT_DOUBT_WORDS = 4  # "weiß nicht, keine ahnung": a doubt alone; longer, the rest is read


def _natural_pick(state: ConversationState, on_screen: list[Pick], meaning: str | None, k: Knowledge,
                  text: str = "") -> Value | None:
    """The option a natural answer (ja, nö, keine Ahnung ...) in `text` picks at this node."""
    if meaning is None:
        return None
    if state.node in (CONFIRM_CATEGORY, CHOOSE_PLACE):
        offered = [p for p in on_screen if isinstance(p.value, (PickCategory, PickPlace))]
        if len(offered) == 1 and meaning == "yes":
            return offered[0].value
        if meaning == "no":
            return next((p.value for p in on_screen if isinstance(p.value, (OtherCategory, RetypePlace))), None)
        if meaning != "unknown":
            return None
        if state.node == CONFIRM_CATEGORY and len(offered) == 1 and offered[0].value.category != listening.FALLBACK:
            # "idk?" to "Stalking. Is that right?": not knowing the offence's name is no doubt
            # about what happened; the one guess is kept (a correction stays one tap away)
            return offered[0].value
        if state.node == CONFIRM_CATEGORY and text and len(normalize(text).split()) > SHORT_DOUBT_WORDS:
            # "Das ist unklar. Derselbe PKW stand bereits letzte Woche zweimal vor dem Rathaus.":
            # the doubt opens what the rest tells, an offence offered (a clerk's stalking had become "not sure")
            heard = listening.hear(k, text, with_place=False)
            told = next((p.value for p in offered if p.value.category in (*heard.sure, *heard.categories)), None)
            if told is not None:
                return told
            # "weiss nicht. er macht kaputt regal, flaschen ..." with a threat or stalking offered:
            # the offence the rest tells beyond doubt, though not offered (it had become "not sure")
            sure = next((c for c in heard.sure if c in k.categories and c != listening.FALLBACK), None)
            if sure is not None:
                return PickCategory(sure)
        if state.node == CONFIRM_CATEGORY:  # "weiß nicht" which: "not sure or something else"
            return PickCategory(listening.FALLBACK) if listening.FALLBACK in k.categories else None
        # not knowing which of the places: as at the place question, below
    if meaning == "unknown" and _is_place_node(state, k):  # "weiß ich nicht": go on without a place
        if _named_place(k, text) is not None:  # "weiß nicht genau, irgendwo bei Döbeln": that place
            return None
        return next((p.value for p in on_screen if isinstance(p.value, SkipPlace)), None)
    for wanted in (meaning, "yes") if meaning == "both" else (meaning,):
        for pick in on_screen:
            if isinstance(pick.value, Answer) and wanted in pick.value.option.means:
                return pick.value
    return None


# An offence taken back in so many words: "angegriffen? der hat mich nich angefasst, nur
# beschimpft", "he never touched me, just yelled" (folded).
TAKEN_BACK = {
    "physical_attack": re.compile(
        r"\b(?:nicht|nich|net|ned|ni|nie|keiner|niemand|kein mal) (?:\w+ ){0,2}(?:angefasst|angefast|beruhrt|geschlagen"
        r"|geschubst|gestossen|angegriffen|handgreiflich|tatlich)\b"
        r"|\bnur (?:beschimpft|angeschrien|angebrullt|angemotzt|beleidigt|verbal|mit worten|gebrullt|geschrien|angepobelt)\b"
        r"|\bkein (?:korperlicher |richtiger )?angriff\b|\b(?:nicht|nichts) (?:korperlich|physisch)\w*\b"
        r"|\b(?:didn t|didnt|did not|never|wasn t|wasnt|was not|not) (?:\w+ ){0,1}(?:touch|touched|hit|push|pushed|shove|shoved"
        r"|attack|attacked|physical)\b|\b(?:only|just) (?:verbal|words|yelled|shouted|screamed|insulted|swore|swearing)\b"),
}


STILL_PHYSICAL = re.compile(
    r"\b(?:sondern|aber|but|instead|eher|rather)\b(?: \w+){0,4} (?:getreten|geschlagen|geschubst|gestossen|gewurgt|bespuckt"
    r"|angespuckt|gepackt|festgehalten|kicked|hit|punched|pushed|shoved|choked|spat|grabbed|slapped)\b")


def _taken_back(state: ConversationState, heard: Heard, ctx: Context, text: str, *,
                denials_only: bool = False) -> StepResult | None:
    """An offence taken back ("der hat mich nich angefasst, nur beschimpft", "its not my
    address", handlers.denials): it goes, the one told or the other one known takes its place,
    and below the result the whole answer comes again (its words, steps and law were the other
    offence's). None left: nothing is done, except for a denial by name (`denials_only`, read
    before the reply is taken as an answer): then the offence question."""
    k = ctx.knowledge
    known = [c for c in (state.category, *state.also) if c]
    folded = fold(text)
    if STILL_PHYSICAL.search(folded):  # "nicht geschlagen, sondern getreten": another attack, not none
        return None
    gone = set(denied_offences(text, k, known))
    if not denials_only:
        gone |= {c for c in known if c in TAKEN_BACK and TAKEN_BACK[c].search(folded)}
    if not gone:
        return None
    kept = list(dict.fromkeys(c for c in (*heard.sure, *heard.categories, *known) if c not in gone and c in k.categories))
    if not kept and denials_only:
        fixed = _replace(state, category=None, also=[], inferred=[f for f in state.inferred if f != "category"])
        return go_to(fixed, _category_question(k), ctx, StepResult(fixed))
    if not kept:
        return None
    changed = _with_category(state.evolve(category=None, also=()), kept[0], k).evolve(also=tuple(kept[1:2]))
    absorbed, _ = listening.absorb(changed, heard.without_offence(), k)
    lead = listening.understood_line(k, state.lang, [offence_labels(k, [absorbed.category, *absorbed.also], state.lang)])
    if state.node == k.flow.after_result:
        return go_to(absorbed, "result", ctx, StepResult(absorbed), lead=lead)
    return StepResult(absorbed, current_messages(absorbed, k, lead=lead))


def _listened(state: ConversationState, heard: Heard, ctx: Context, question: Question | None, text: str) -> StepResult:
    """Free text that does not answer the question but tells us something."""
    k = ctx.knowledge
    if (taken_back := _taken_back(state, heard, ctx, text)) is not None:
        return taken_back
    if heard.outside and not heard.danger and not _about_help_here(k, state.lang, text) \
            and not smalltalk.thanks_said(fold(text)) \
            and (state.node == k.flow.start or question is not None and question.classify):
        # (below the result a question is about the places shown: "can i just walk in or do i
        # need an appointment?" asks about the police station)
        return _out_of_scope(state, k, text, ctx.key.channel)
    absorbed, learned = listening.absorb(state, heard, k)
    lead = listening.understood_line(k, state.lang, learned) if learned else None
    if state.node == k.flow.start:
        # The danger question is answered first: what the reply tells is kept (a guess at the
        # offence is offered once it is answered) and the question stays.
        if not absorbed.category and heard.proposals:
            absorbed = _replace(absorbed, pending={**absorbed.pending,
                                                   "after_danger": list(heard.proposals[:MAX_PROPOSALS])})
        if heard.place_choices and not absorbed.place_id:  # "in Auerbach": which one, asked once it is answered
            absorbed = absorbed.with_pending(places_heard=[p.id for p in heard.place_choices[:6]])
        if not learned:
            return _not_understood(absorbed, k, heard, text, ctx.key.channel)
        return StepResult(absorbed, current_messages(absorbed, k, lead=lead))
    if question is not None and question.classify and not absorbed.category and heard.proposals:
        proposed = list(heard.proposals[:MAX_PROPOSALS])
        moved = _replace(absorbed, node=CONFIRM_CATEGORY, pending={"proposed": proposed})
        return StepResult(moved, current_messages(moved, k, lead=lead))
    if question is not None and skippable(k, question, absorbed):
        return go_to(absorbed, state.node, ctx, StepResult(absorbed), lead=lead)
    if state.node == CONFIRM_CATEGORY and absorbed.category:  # the words settled what the buttons asked
        option = _category_option(k, absorbed.category)
        return go_to(absorbed, option.next if option else "result", ctx, StepResult(absorbed), lead=lead)
    if state.node == k.flow.after_result and _one_question(text) and (absorbed.category, absorbed.also, absorbed.place_id) \
            == (state.category, state.also, state.place_id):
        # "und das Hausverbot, darf ich das als Bürgermeister einfach so aussprechen": a question,
        # not "Verstanden: nicht im Internet" from its words (a gruff mayor)
        return StepResult(state, [*_answered(k, state, text, ctx.key.channel), *current_messages(state, k)])
    known = [k.categories[c].label.get(state.lang) for c in heard.sure if c in k.categories and c in (state.category, *state.also)]
    known += [k.aspects[a].label.get(state.lang) for a in heard.aspects if a in k.aspects and a in state.aspects]
    if not learned and known:
        # "my mom lives there too" or the offence's own name ("Druck oder Nötigung") at another
        # question: heard, though known already; the question again
        return StepResult(absorbed, current_messages(absorbed, k, lead=listening.understood_line(k, state.lang, known)))
    if not learned:
        return _not_understood(state, k, heard, text, ctx.key.channel)
    if state.node == k.flow.after_result:  # "ja facebook, da wird dazu aufgerufen": what it adds
        if changed := result_update(k, state, absorbed):
            changed[0] = replace(changed[0], text=f"{lead}\n\n{changed[0].text}" if lead else changed[0].text)
            # "und was sollen meine eltern machen wenn der da wieder steht": the family taken, and
            # the question it asks answered too (it had got the update alone)
            faq = asked_faq(k, state.lang, text) if is_question(text) else None
            return StepResult(absorbed, [*changed, *([faq] if faq else []), *current_messages(absorbed, k)])
    return StepResult(absorbed, current_messages(absorbed, k, lead=lead))


def _explained(state: ConversationState, question: Question | None, k: Knowledge, text: str = "") -> StepResult:
    """What the question means (its `explain` text, else how to answer), and the question again.
    Below the result, what a word of an earlier question means ("wait what counts as
    extremist"): that question's explanation."""
    if state.node == k.flow.after_result and text and (earlier := _question_named(k, text)) is not None:
        return StepResult(state).say(OutboundMessage(earlier.explain.get(state.lang)), *current_messages(state, k))
    if question is not None and question.explain is not None:
        text = question.explain.get(state.lang)
    else:
        hint = k.flow.texts.hint_yes_no if is_yes_no(question) else k.flow.texts.hint_choice
        text = hint.get(state.lang)
    return StepResult(state.with_pending(**{EXPLAINED: True})).say(OutboundMessage(text), *current_messages(state, k))


def _not_understood(state: ConversationState, k: Knowledge, heard: Heard | None = None, text: str = "",
                    channel: str | None = None) -> StepResult:
    """"Not understood", with how to answer; a greeting or thanks is answered in kind, a
    question that answers nothing is answered as far as the knowledge goes, and more about
    the case after the result is taken as such. (`channel`: for what its privacy adds.)"""
    if heard is not None and heard.place is not None and heard.place.id == state.place_id and state.node == k.flow.after_result:
        # the town the answer is already for ("hohnstein" typed again): said back, not greeted
        line = listening.understood_line(k, state.lang, [heard.place.name])
        return StepResult(state).say(OutboundMessage(line), *current_messages(state, k))
    reply = _small_talk_reply(k, heard.smalltalk if heard else None)
    if reply is not None:
        return StepResult(state).say(OutboundMessage(reply.get(state.lang)), *current_messages(state, k))
    if text and (is_question(text) or asks_about_privacy(text) or asks_whether_to_answer(text)):
        return StepResult(state, [*_answered(k, state, text, channel), *current_messages(state, k)])
    if text and smalltalk.thanks_said(fold(text)):  # "thx, that actually helps a lot": thanked back
        reply = k.texts.small_talk.get(smalltalk.THANKS)
        return StepResult(state).say(OutboundMessage(reply.get(state.lang)), *current_messages(state, k))
    if state.node == k.flow.after_result and states_a_plan(text):  # "ich ruf morgen bei der polizei an"
        return StepResult(state).say(OutboundMessage(k.flow.texts.noted.get(state.lang)), *current_messages(state, k))
    if _tells_more(state, k, text):
        return StepResult(state).say(OutboundMessage(k.flow.texts.told_more.get(state.lang)), *current_messages(state, k))
    words = len(normalize(text).split())
    if state.node == k.flow.start and (words >= MIN_GUESS_WORDS or _online_only(k, text)
                                       or state.category is not None and words >= STORY_GOES_ON_WORDS):
        # (with an offence already told, a short sentence goes on with it: "der sagt nix, atmet nur")
        # a story typed at the danger question (after /start) that names nothing to take in
        # yet ("keine ahnung ob das was ist aber jemand hat mir ne postkarte ... geschickt"):
        # read, its likeliest offences kept for after the question, which comes first
        return StepResult(state).say(OutboundMessage(k.flow.texts.story_read.get(state.lang)), *current_messages(state, k))
    question = k.flow.questions.get(state.node)
    hint = k.flow.texts.hint_yes_no if is_yes_no(question) else k.flow.texts.hint_choice
    text = say(k, "not_understood", state.lang) + " " + hint.get(state.lang)
    return StepResult(state).say(OutboundMessage(text), *current_messages(state, k))


# The small talk text said to a message out of scope.
OUTSIDE = "outside"
# What this help line is about, named in a message the model reads as out of scope: a
# question about reporting, the police, evidence, victim support or the numbers ("hilfe beim
# formular für die anzeige", "is the Weisser Ring free of charge?") is for it after all.
ABOUT_HELP_HERE = re.compile(
    r"\b(?:\w*anzeige\w*|strafantrag\w*|strafanzeige|onlinewache|online ?wache|polizei\w*|police|polize|revier\w*|report\w*"
    r"|complaint\w*|complant|beweis\w*|evidence|screenshot\w*|opfer\w*|victim\w*|beratung\w*|counsel\w*|support|hotline"
    r"|weis+er? ring|weisser|zastex|lka|notruf\w*|110|112|anwalt|lawyer|schutz\w*|protect\w*|sicherheit\w*|safety)\b")


# A message out of scope that is about the bot, its channels or the offer itself.
ABOUT_THE_SERVICE = re.compile(
    r"\b(?:bot|bots|chatbot|chat ?bot|app|telegram|element|threema|signal|matrix|mensch|menschen|human|a person|real person)\b")


def _about_help_here(k: Knowledge, lang: str, text: str) -> bool:
    """Whether `text` asks about something this help line is for (ABOUT_HELP_HERE, a place
    it names, the numbers, whom to call): not out of scope, whatever the model reads."""
    folded = fold(text)
    return bool(ABOUT_HELP_HERE.search(folded)) or asks_whom_to_call(text) or asks_for_numbers(text) \
        or bool(named_contacts(k, lang, text))


def _out_of_scope(state: ConversationState, k: Knowledge, text: str, channel: str | None) -> StepResult:
    """A message that tells no incident and asks nothing this help line is for ("wann hat
    das Standesamt offen", "du dummer bot", a journalist's request): what the bot is for, or
    the privacy notice when it asks about the data, and the question again. No offence is
    claimed and nothing it names is taken in."""
    if asks_about_privacy(text):
        return StepResult(state, [_privacy_notice(k, state.lang, channel), *current_messages(state, k)])
    # about the bot itself ("Does this bot also work in Element?", "kann ich mit nem menschen reden"): what it is
    kind = smalltalk.ABOUT_BOT if ABOUT_THE_SERVICE.search(fold(text)) else OUTSIDE
    reply = k.texts.small_talk.get(kind) or k.texts.small_talk.get(OUTSIDE) or k.texts.not_understood
    return StepResult(state).say(OutboundMessage(reply.get(state.lang)), *current_messages(state, k))


def _small_talk_reply(k: Knowledge, kind: str | None) -> L10n | None:
    if kind is None:
        return None
    # An introduction without a place ("ich bin Stadträtin") is greeted back.
    return k.texts.small_talk.get(smalltalk.GREETING if kind == smalltalk.INTRODUCTION else kind)


def _asked_button(question: Question | None, text: str, offered: set[str]) -> str | None:
    """The option a sentence asks for in words (its `phrases` or label): one offered now
    before one that is not ("die rechtliche Lage ausführlicher" is the law, though
    "ausführlicher" alone would ask for more advice)."""
    if question is None:
        return None
    folded = fold(text)
    short = len(normalize(text).split()) <= LEAVING_MAX_WORDS
    # "ist das nicht noch was anderes als bloß sachbeschädigung?": compared, no new request
    # "how do i get it taken down tho?? thats all i want rn": a longer message that asks
    # something is no goodbye (a blind tester's conversation ended and was deleted)
    asking = not short and is_question(text)
    phrased = _phrased(question, short=short, text=text, leaving=not _COMPARED.search(folded) and not asking)
    # "Müssen wir als Verwaltung Vorfälle dokumentieren?" asks whether, it does not begin a record
    not_wanted = _NOT_WANTED.search(folded) is not None or is_question(text) and _DUTY.search(folded) is not None
    if not_wanted or is_question(text) and not short:
        # "Ich wollte nichts dokumentieren, ich hab eine FRAGE gestellt": no record begun; "...
        # sind dann nicht die Beweise weg?": the evidence asked about is no wish to record it (a
        # blind tester was sent to the record's consent screen twice)
        recording = _recording(question)
        # "soll ich das kennzeichen aufschreiben oder n foto machen?", "kann ich da 40 screenshots
        # hochladen?" (at the Onlinewache): what to do oneself, elsewhere, unless asked of this chat
        dropped = EVIDENCE_WORDS if _RECORD_HERE.search(folded) else EVIDENCE_WORDS | SELF_ACTION_WORDS
        phrased = [c if c.id not in recording else replace(c, phrases=tuple(p for p in c.phrases if p not in dropped))
                   for c in phrased if not (not_wanted and c.id in recording)]
    return match_phrase(text, [c for c in phrased if c.id in offered]) or match_phrase(text, phrased)


# An option that ends or restarts the conversation (and so deletes what was told) is asked
# for in a sentence by its phrases ("wir beenden das Gespräch hiermit", "Thank you, that is
# all for now"), but not by the words that inside a sentence mostly mean something else: those
# only in a short reply ("ok danke das wars", "stop", "thats all thanks bye") or, an everyday
# closing, as the sentence's last words ("the other end of the city", "es ist nichts weiter
# passiert", "how do i make him stop": a blind tester's conversation ended).
LEAVING_MAX_WORDS = 6
EVERYDAY_CLOSINGS = frozenset(("nichts weiter", "sonst nichts", "nothing more", "nothing else", "thats it", "that's it",
                               "im good", "i'm good", "das reicht", "des reicht", "das langt", "des langt"))
EVERYDAY_WORDS = frozenset(("stop", "end", "ende", "quit", "exit", "done", "neu", "new", "reset", "aufhoren"))


# A record not wanted: "ich wollte nichts dokumentieren", "i don't want to record anything" (folded).
_NOT_WANTED = re.compile(r"\b(?:nicht|nichts|nix|kein|keine|no|not|don t|dont|didn t|didnt|never)(?: \w+){0,3}"
                         r" (?:dokumentier\w*|document\w*|speicher\w*|aufschreib\w*|aufnehm\w*|record\w*|save\w*)\b")


_DUTY = re.compile(r"\b(?:mussen|muss|mus|musste|pflicht\w*|vorschrift\w*|verpflichtet|vorgeschrieben|must|required|obliged"
                   r"|obligation|have to|need to)\b")


EVIDENCE_WORDS = frozenset(("beweis*", "evidence", "proof", "beweise", "beweis"))  # a noun asked about, no wish
# What one does oneself, asked in a question ("soll ich das kennzeichen aufschreiben?"): no wish
# for a record here unless the question says here (`_RECORD_HERE`).
SELF_ACTION_WORDS = frozenset(("aufschreiben", "aufschreib*", "notieren", "notier*", "hochlad*", "screenshots hochladen", "upload*",
                               "write down", "write it down", "write this down", "write it all down", "festhalten",
                               "festhalt*", "aufbewahr*", "keep track", "aufzeichnen"))
_RECORD_HERE = re.compile(r"\b(?:hier|here|bei ihnen|bei dir|bei euch|this chat|diesem chat|im chat|with you|mit ihnen|mit dir)\b")


def _recording(question: Question) -> set[str]:
    """The options that open a record (an incident flow's consent)."""
    return {o.id for o in question.options if o.action == "incident"}


# Something compared, not something else asked about: "noch was anderes als Sachbeschädigung",
# "something other than a threat" (folded).
_COMPARED = re.compile(r"\b(?:was|etwas|nix|nichts) (?:\w+ )?anderes? als\b|\b(?:something|anything|nothing) (?:else|other) than\b"
                       # a choice weighed, not made: "aufhoeren oder weitermachen" (whether to resign, stop 49)
                       r"|\b\w+ (?:oder|or) (?:weiter\w*|bleiben|go on|carry on|continue|stay)\b")


def _phrased(question: Question, *, short: bool = True, text: str = "", leaving: bool = True) -> list[Choice]:
    """The question's options with phrases, offered now or not; a label is one of its
    phrases ("mehr zum recht pls"). Not `short`: those that end or restart keep the phrases a
    sentence may hold (above); not `leaving`: without them."""
    words = fold(text).split()
    out = []
    for o in question.options:
        if not o.phrases or not leaving and _leaves(o):
            continue
        phrases = (*o.phrases, o.label.de, o.label.en)
        if not short and _leaves(o):
            phrases = tuple(p for p in phrases if _in_a_sentence(p, words))
        out.append(Choice(o.id, o.label.de, o.label.en, phrases=phrases))
    return out


def _in_a_sentence(phrase: str, words: list[str]) -> bool:
    """Whether a leaving option's `phrase` asks for it inside a longer reply of `words`."""
    if fold(phrase) in EVERYDAY_WORDS:
        return False
    if phrase not in EVERYDAY_CLOSINGS:
        return True
    said = fold(phrase).split()
    return [w.strip(".,;:!?") for w in words[-len(said):]] == said


def _leaves(option: Option) -> bool:
    return option.next == "restart" or option.next == "end" and option.action is None


def _answered(k: Knowledge, state: ConversationState, text: str, channel: str | None) -> list[OutboundMessage]:
    """A question that answers nothing at a question of the flow: what is kept (as /datenschutz
    says it), a place to turn to it names (below the result), or an honest "no reliable
    answer here" with where to ask. Nothing is made up."""
    lang = state.lang
    below_result = state.node == k.flow.after_result
    if asks_whether_to_answer(text) and not below_result:
        return [OutboundMessage(k.flow.texts.no_need_to_answer.get(lang))]
    if asks_about_privacy(text, in_so_many_words=True):
        return [_privacy_notice(k, lang, channel)]
    if (faq := asked_faq(k, lang, text)) is not None:  # "lohnt sich das?", "polizeischutz?"
        return [faq]
    if asks_about_removal(text):  # "kann ich das video löschen lassen?": secure it, then report it
        return [OutboundMessage(k.flow.texts.asked_removal.get(lang))]
    if asks_about_evidence(text):  # "can i block him on insta or do i need to keep the msgs"
        return [OutboundMessage(k.flow.texts.asked_evidence.get(lang))]
    if asks_about_staying_away(text):  # "should i stay at a friends place tonight"
        return [OutboundMessage(k.flow.texts.asked_staying_away.get(lang))]
    # "what even is zastex": its card ("can you show the police number again" is no privacy question)
    if below_result and (cards := asked_cards(k, state, text)):
        return cards
    if not below_result and (named := named_contacts(k, lang, text)):
        return [OutboundMessage(asked_header(k, lang, named), contacts=tuple(named[:MAX_CARDS]))]
    if not below_result and asks_for_numbers(text) and (cards := _police_for_the_place(k, state, lang)):
        return cards
    if not below_result and asks_for_numbers(text):  # "whats the number for the police"
        return [OutboundMessage(k.flow.texts.numbers_soon.get(lang))]
    if below_result and asks_about_the_law(text) and (law := result_more(k, state, "law")):
        return law  # "muss ich das selber anzeigen oder kann das auch das landratsamt machen?": what the law says
    if not below_result and asks_about_the_law(text) and (notes := _legal_notes(k, state)):
        # "Welche Frist gilt für einen Strafantrag?": what the law says about the offences
        # told so far (the short note the result will show), then the question again
        return [OutboundMessage(k.texts.legal_header.get(lang) + "\n" + "\n\n".join(notes))]
    if asks_about_privacy(text):  # "wie lange hebt ihr das auf"
        return [_privacy_notice(k, lang, channel)]
    return [OutboundMessage((k.flow.texts.asked_open if below_result else k.flow.texts.asked_during).get(lang))]


def _legal_notes(k: Knowledge, state: ConversationState) -> list[str]:
    """The short legal note of each offence known so far."""
    known = [c for c in (state.category, *state.also) if c in k.categories and k.categories[c].legal]
    return [k.categories[c].legal.short.get(state.lang) for c in known]


def _new_offence(state: ConversationState, heard: Heard) -> bool:
    """Whether `heard` tells an offence the model is sure of beside the ones known ("and now
    theres a note on the windscreen saying next time its you. who do i tell")."""
    known = {state.category, *state.also, listening.FALLBACK, listening.NOTHING_HAPPENED}
    # before any offence is known, a story that tells one and asks whom to call ("... körperliche
    # Gewalt angedroht wird. Ich bitte um Mitteilung, welche Stelle hierfür zuständig ist."), as
    # typed after /start, is taken in: its places come after the questions
    return not known.issuperset(heard.told) or state.category is None and not known.issuperset(heard.sure)


def _police_for_the_place(k: Knowledge, state: ConversationState, lang: str) -> list[OutboundMessage]:
    """During the questions, the numbers asked for with the town known ("nein verdammt ich will
    nur die NUMMER"): the police for it now (an impatient mayor had been promised the numbers
    "after this question", four questions long); the rest comes with the answer."""
    place = k.places.get(state.place_id) if state.place_id else None
    if place is None:
        return []
    cards = police_cards(k, place, lang)[:2]
    return [OutboundMessage(asked_header(k, lang, cards), contacts=tuple(cards))] if cards else []


def _how_to_reach(state: ConversationState, text: str, k: Knowledge) -> list[OutboundMessage]:
    """Whom to call, the numbers, whether the police come: below the result the card to call
    first or the one asked about, during the questions the card a name asks for or the
    promise of the numbers right after them; nothing if the text asks none of it."""
    if asks_to_call(text):  # "soll ich die polizei rufen?": the 110 line and where to report (_police_asked)
        return []
    whom, visit = asks_whom_to_call(text), asks_about_police_visit(text) or asks_about_the_police(text)
    if whom and not visit and asked_faq(k, state.lang, text) is not None:
        return []  # "who can help me… not only polizei": the faq's counselling, not the card to call first
    if not (whom or visit or asks_for_numbers(text) and (is_question(text) or wants_numbers(text))):
        return []
    lang = state.lang
    if state.node != k.flow.after_result:
        if named := named_contacts(k, lang, text):  # "die nummer von zastex bitte"
            return [OutboundMessage(asked_header(k, lang, named), contacts=tuple(named[:MAX_CARDS]))]
        return _police_for_the_place(k, state, lang) or [OutboundMessage(k.flow.texts.numbers_soon.get(lang))]
    if whom:
        return call_first(k, state)
    return asked_cards(k, state, text, police=visit) or call_first(k, state)


def _privacy_notice(k: Knowledge, lang: str, channel: str | None) -> OutboundMessage:
    """What /datenschutz says, with what the channel adds (Telegram's caveat)."""
    extra = k.texts.privacy_channel.get(channel) if channel else None
    return OutboundMessage(k.texts.privacy.get(lang) + ("\n\n" + extra.get(lang) if extra is not None else ""))


def _tells_more(state: ConversationState, k: Knowledge, text: str) -> bool:
    """A sentence below the result that names nothing new ("same guy was at the town hall
    last week", "kann ich des ooch anonym anzeigen") tells or asks more about the case; it is
    no failed pick from the menu."""
    return state.node == k.flow.after_result and (len(normalize(text).split()) > LOOSE_MAX_WORDS or is_question(text))


def _which_one(state: ConversationState, k: Knowledge, asked: bool) -> StepResult:
    """A yes or no where the answers are several: no "not understood", just how to pick; a
    yes to a question (`asked`): which of its answers applies."""
    hint = k.flow.texts.hint_which if asked else k.flow.texts.hint_choice
    return StepResult(state).say(OutboundMessage(hint.get(state.lang)), *current_messages(state, k))


def _offered_place_named(state: ConversationState, k: Knowledge, text: str) -> Place | None:
    """Of the places offered to choose from, the one `text` singles out: by the place the
    words name, or by a region or district word only one of them lies in ("Vogtland",
    "die im Erzgebirge")."""
    offered = [p for p in (k.places.get(i) for i in state.pending.get("places", ())) if p is not None]
    if len(offered) < 2:
        return None
    named = k.understand(text).place
    if named is not None and named.status == "found" and named.places and named.places[0] in offered:
        return named.places[0]
    stems = {REGIONS[w] for w in fold(text).split() if w in REGIONS} - {"sachsen"}
    fitting = [p for p in offered if any(stem in fold(f"{p.name} {p.district_name}") for stem in stems)]
    return fitting[0] if len(fitting) == 1 else None


def _is_place_node(state: ConversationState, k: Knowledge) -> bool:
    if state.node == CHOOSE_PLACE:
        return True
    question = k.flow.questions.get(state.node)
    return question is not None and question.kind == "municipality"


def signals_danger(k: Knowledge, text: str, *, field_answer: bool = False) -> bool:
    """Danger now in a text typed in another flow. A `field_answer` (where, when, who, the
    witnesses of an incident being documented: "vor meinem haus in der bahnhofstraße") is
    no cry for the model alone unless it is very sure, as for the rest of an answer here."""
    if listening.is_bare_help(text):
        return True
    # Only the danger verdict: no category, aspects or place search for a text in another flow.
    verdict = k.understander.danger(text)
    signals = verdict.signals
    if field_answer and verdict.probability < listening.ANSWER_REST_THRESHOLD:
        signals = tuple(s for s in signals if s != "model")
    return listening.danger_now(text, signals)


# --- answers -----------------------------------------------------------------------


def choose(state: ConversationState, value: Value, ctx: Context, *, lead: str | None = None) -> StepResult:
    """Apply a chosen option of the current node."""
    k = ctx.knowledge
    if isinstance(value, Answer):
        return _apply_option(state, value, ctx, lead)
    if isinstance(value, PickCategory):
        picked = _with_category(state, value.category, k)
        option = _category_option(k, value.category)
        return go_to(picked, option.next if option else "result", ctx, StepResult(picked), lead=lead)
    if isinstance(value, OtherCategory):
        return go_to(state, _category_question(k), ctx, StepResult(state))
    if isinstance(value, SkipPlace):
        skipped = _replace(state, place_id=None)
        return go_to(skipped, _place_next(state, k), ctx, StepResult(skipped))
    if isinstance(value, RetypePlace):
        return go_to(state, state.pending.get("question", k.flow.start), ctx, StepResult(state))
    if isinstance(value, PickPlace):
        place = k.places.get(value.place_id)
        return _resolved(state, Resolution("found", (place,) if place else ()), ctx)
    if isinstance(value, OpenCorrection):
        moved = _replace(state, node=CORRECT, pending={"return_to": state.node})
        return StepResult(moved, current_messages(moved, k))
    if isinstance(value, Fix):
        return _fix(state, value.fact, ctx)
    if isinstance(value, Resume):
        return go_to(state, state.pending.get("return_to", k.flow.start), ctx, StepResult(state))
    raise TypeError(f"unhandled option value {type(value).__name__}")


def _apply_option(state: ConversationState, answer: Answer, ctx: Context, lead: str | None) -> StepResult:
    k = ctx.knowledge
    option = answer.option
    node = state.node
    if option.show:
        return _show_more(state, option.show, ctx)
    carried = dict(state.pending)
    if option.category:
        state = _with_category(state, option.category, k)
    aspects = list(state.aspects)
    for aspect in dict.fromkeys((option.aspect, *option.aspects)):
        if aspect:
            aspects = with_aspect(aspects, aspect)
    if aspects != list(state.aspects):
        state = _replace(state, aspects=aspects)
    if node == k.flow.start:
        state = _replace(state, danger_checked=True)
    result = StepResult(state)
    if option.action:
        from handlers.flows import start_flow  # late import: flows build on this module

        started = start_flow(option.action, state, ctx)
        if started is not None:
            return started
        result.actions.append(FlowAction(key=ctx.key, name=option.action, state=asdict(state)))
    if node in (k.flow.start, k.flow.emergency) and option.next not in (k.flow.emergency, "end"):
        # What the first message suggested but did not settle is asked right after the danger
        # question, or once the user is safe.
        if carried.get("after_danger") and not state.category:
            moved = _replace(state, node=CONFIRM_CATEGORY, pending={"proposed": carried["after_danger"]},
                             history=[*state.history, node])
            return result.say(*current_messages(moved, k, lead=lead)).with_state(moved)
        if carried.get("places_heard") and not state.place_id:
            moved = _replace(state, history=[*state.history, node])
            places = tuple(p for p in (k.places.get(i) for i in carried["places_heard"]) if p)
            municipality = next((q for q, v in k.flow.questions.items() if v.kind == "municipality"), node)
            moved = _replace(moved, pending={"question": municipality})
            return _resolved(moved, Resolution("ambiguous", places), ctx, result=result, next_after=option.next)
    return go_to(state, option.next, ctx, result, lead=lead)


def _show_more(state: ConversationState, topic: str, ctx: Context) -> StepResult:
    """"Weitere Stellen", "Mehr dazu", "Mehr zum Recht": that part in full, offered once."""
    shown = state.with_pending(**{SHOWN: [*state.pending.get(SHOWN, []), topic]})
    more = result_more(ctx.knowledge, shown, topic)
    return StepResult(shown, [*more, *current_messages(shown, ctx.knowledge)])


def _fix(state: ConversationState, fact: str, ctx: Context) -> StepResult:
    k = ctx.knowledge
    inferred = [f for f in state.inferred if f != fact]
    back_to = state.pending.get("return_to", k.flow.start)
    if fact == "category":
        fixed = _replace(state, category=None, also=[], inferred=inferred)
        return go_to(fixed, _category_question(k), ctx, StepResult(fixed))
    if fact == "place":
        fixed = _replace(state, place_id=None, inferred=inferred)
        municipality = next((q for q, v in k.flow.questions.items() if v.kind == "municipality"), k.flow.start)
        return go_to(fixed, municipality, ctx, StepResult(fixed))
    aspects = [a for a in state.aspects if a != aspect_id_of(fact)]
    fixed = _replace(state, aspects=aspects, inferred=inferred, pending={"return_to": back_to})
    if not any(f for f in inferred):
        return go_to(fixed, back_to, ctx, StepResult(fixed))
    return StepResult(fixed, current_messages(fixed, k))


def _back(state: ConversationState, ctx: Context) -> StepResult:
    """"zurück": the previous question again, its earlier answer forgotten."""
    k = ctx.knowledge
    history = list(state.history)
    if not history:
        return StepResult(state, current_messages(state, k))
    previous = history.pop()
    question = k.flow.questions.get(previous)
    state = _replace(state, history=history)
    if question is not None:
        answered = {a for o in question.options for a in (o.aspect, *o.aspects)}
        aspects = [a for a in state.aspects if a not in answered]
        state = _replace(state, aspects=aspects)
        if any(o.category for o in question.options):
            state = _replace(state, category=None, also=[])
        if question.kind == "municipality":
            state = _replace(state, place_id=None)
        if previous == k.flow.start:
            state = _replace(state, danger_checked=False)
    moved = _replace(state, node=previous, pending={})
    return StepResult(moved, current_messages(moved, k))


def _place_next(state: ConversationState, k: Knowledge) -> str:
    qid = state.pending.get("question", state.node)
    question = k.flow.questions.get(qid)
    return question.next if question and question.next else "result"


def _resolved(
    state: ConversationState,
    resolution: Resolution,
    ctx: Context,
    *,
    result: StepResult | None = None,
    next_after: str | None = None,
    typed: str = "",
) -> StepResult:
    """Where a place reply leads: on with the place found, a choice of several, or the question
    again (`typed`, the reply, may name a Landkreis instead: then which of its municipalities)."""
    k = ctx.knowledge
    result = result or StepResult(state)
    question_id = state.pending.get("question", state.node)
    if resolution.status in ("found", "outside") and resolution.places:
        found = _replace(state, place_id=resolution.places[0].id)
        target = next_after or state.pending.get("next") or _place_next(state, k)
        return go_to(found, target, ctx, result.with_state(found))
    if resolution.status in ("ambiguous", "suggest") and resolution.places:
        pending = {
            "question": question_id,
            "places": [p.id for p in resolution.places[:6]],
            "suggest": resolution.status == "suggest",
        }
        if next_after:
            pending["next"] = next_after
        moved = _replace(state, node=CHOOSE_PLACE, pending=pending)
        return result.with_state(moved).say(*current_messages(moved, k))
    moved = _replace(state, node=question_id, pending={})
    district = k.places.district_named(typed) if typed else None
    if district is not None and state.pending.get("district") == district:  # the same Landkreis again: on without a place
        return choose(_replace(state, node=question_id, pending={}), SkipPlace(), ctx)
    if district is not None:  # "landkreis goerlitz": which of its municipalities
        moved = _replace(moved, pending={"district": district})
        [question] = current_messages(moved, k)  # its buttons, with "Ort nicht angeben"
        return result.with_state(moved).say(replace(question, text=say(k, "place_district", state.lang, district=district)))
    result.with_state(moved).say(OutboundMessage(say(k, "place_not_found", state.lang)))
    return result.say(*current_messages(moved, k))


def _named_place(k: Knowledge, text: str) -> Place | None:
    """The one municipality a reply at the place question names, as a name or in a sentence."""
    resolution = k.places.resolve(text)
    if resolution.status == "unknown" and (found := _find_in_text(k, text)) is not None:
        resolution = found
    return resolution.places[0] if resolution.status in ("found", "outside") and resolution.places else None


def _find_in_text(k: Knowledge, text: str) -> Resolution | None:
    finder = getattr(k.places, "find_in_text", None)
    return finder(text) if finder else None
