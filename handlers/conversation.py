"""The one pure entry point: `step(state, event, ctx) -> StepResult`.

Commands first (they work everywhere), then an open overlay (the language choice),
then the active flow. No I/O, no awaits, no platform types: the engine does the rest.
"""

from __future__ import annotations

from handlers import commands, triage
from handlers.flows import FLOWS
from handlers.listening import HELP_WORDS
from knowledge.features import fold
from handlers.messages import (
    AttachmentIn,
    CommandIn,
    ContactIn,
    Inbound,
    LocationIn,
    OptionChosen,
    OutboundMessage,
    TextIn,
    command_from_text,
)
from handlers.state import ConversationState, Context, StepResult

LANGS = ("de", "en")


class _Triage:
    """Adapts the triage module to the flow protocol."""

    start = staticmethod(triage.start)
    step = staticmethod(triage.step)

    @staticmethod
    def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
        return triage.current_messages(state, ctx.knowledge)


FLOWS.setdefault("triage", _Triage())

import handlers.incident  # noqa: E402,F401  registers the incident flow and its commands


def new_state(event: Inbound, ctx: Context) -> ConversationState:
    hint = (event.lang_hint or "").casefold()[:2]
    lang = hint if hint in LANGS else ctx.default_lang
    return ConversationState(lang=lang, knowledge_version=ctx.knowledge.version)


def step(
    state: ConversationState | None, event: Inbound, ctx: Context, *, expired: bool = False
) -> StepResult:
    """Advance one conversation by one inbound event."""
    fresh = state is None
    if state is None:
        state = new_state(event, ctx)
    result = _dispatch(state, _as_command(event), ctx, fresh)
    if expired:
        notice = triage.say(ctx.knowledge, "session_expired", state.lang, minutes=_minutes(ctx))
        result.messages.insert(0, OutboundMessage(notice))
    if result.state is not None:
        result.state = result.state.evolve(knowledge_version=ctx.knowledge.version)
    return result


def _minutes(ctx: Context) -> str:
    value = ctx.session_timeout_minutes
    return str(int(value)) if value == int(value) else f"{value:g}"


def _as_command(event: Inbound) -> Inbound:
    if isinstance(event, TextIn) and (parsed := command_from_text(event.text)):
        name, args = parsed
        return CommandIn(key=event.key, lang_hint=event.lang_hint, name=name, args=args)
    return event


def _dispatch(state: ConversationState, event: Inbound, ctx: Context, fresh: bool) -> StepResult:
    if isinstance(event, CommandIn):
        canonical = commands.resolve(event.name)
        handler = commands.HANDLERS.get(canonical) if canonical else None
        return (handler or commands.unknown)(state, event, ctx)
    if state.overlay == "language":
        return commands.language_answer(state, event, ctx)
    if fresh or not state.node:
        return _first_event(state, event, ctx)
    danger = _danger_elsewhere(state, event, ctx)
    flow = FLOWS.get(state.flow) or FLOWS["triage"]
    if isinstance(event, AttachmentIn) and state.flow == "triage":
        text = triage.say(ctx.knowledge, "attachment_not_kept", state.lang)
        return StepResult(state, [OutboundMessage(text), *flow.current(state, ctx)])
    if danger is not None and state.flow == "incident" and state.node in _FIELD_QUESTIONS \
            and isinstance(event, TextIn) and _cries_first(event.text):
        # "help hes coming into the shop now" typed as the place of the record (a councillor, stop 49):
        # the 110 advice, and the same question again; a cry is no place, time or name to keep
        # ("er steht jetzt gerade wieder vor meinem haus" is kept: it names the place too)
        return StepResult(state, [danger, *flow.current(state, ctx)])
    result = flow.step(state, event, ctx)
    return result.say_first(danger) if danger is not None else result


# The words of a plea for help (handlers.listening), not "polizei" ("polizei hat gesagt …" names no place either).
_CRIES = HELP_WORDS - {"polizei", "police", "helfen", "helft"}


def _cries_first(text: str) -> bool:
    """Whether `text` opens with a cry ("help hes coming into the shop now")."""
    words = fold(text).split()
    return bool(words) and words[0].strip(".,;:!?") in _CRIES


def _first_event(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    return triage.first_message(state, event, ctx)


# Questions of the incident record whose answers name a place, a time or people, not a scene.
_FIELD_QUESTIONS = frozenset(("affected", "when", "when_unclear", "where", "who", "witnesses", "file_number"))


def _danger_elsewhere(state: ConversationState, event: Inbound, ctx: Context) -> OutboundMessage | None:
    """Danger now, typed inside another flow (documenting, say): the 110 advice comes first,
    and the flow goes on with what was typed (a story of last week must not be lost to a
    false alarm), except at a question for a place, time or name (`_dispatch`). The
    escalation flow is the emergency path already."""
    if not isinstance(event, TextIn) or state.flow in ("triage", "escalate"):
        return None
    field_answer = state.flow == "incident" and state.node in _FIELD_QUESTIONS
    if not triage.signals_danger(ctx.knowledge, event.text, field_answer=field_answer):
        return None
    return OutboundMessage(ctx.knowledge.flow.texts.help_first.get(state.lang), emergency=True)
