"""The incident-record flow ("incident"): writing a record and following it up.

Registered as a conversation flow (started by an option with `action: incident`) and
with the commands /vorfaelle, /meinedaten and /loeschen. Pure like every flow: storage,
files and reports are actions carried out by bot/incidents/effects.py.
"""

from __future__ import annotations

from handlers import commands, flows
from handlers.answers import NO, YES, Choice, interpret, match_exact
from handlers.incident import draft, followup
from handlers.incident.model import EffectDone
from handlers.messages import Inbound, OptionChosen, OutboundMessage, TextIn
from handlers.state import ConversationState, Context, StepResult

NAME = "incident"


def _part(state: ConversationState):
    return followup if state.node in followup.NODES else draft


# The options a plain yes or no picks ("not yet, which revier do i even go to??" at "Have you
# already reported it?" had been "I did not understand that").
_BY_MEANING = {YES: ("yes", "rep_yes"), NO: ("no", "rep_no")}


def _picked(event: Inbound, on_screen: list[Choice], lang: str) -> str | None:
    if isinstance(event, OptionChosen):
        return event.option_id if event.option_id in {c.id for c in on_screen} else None
    if isinstance(event, TextIn):
        exact = match_exact(event.text, on_screen)
        if exact is not None:
            return exact
        meant = _BY_MEANING.get(interpret(event.text, lang).meaning or "", ())
        return next((c.id for c in on_screen if c.id in meant), None)
    return None


class IncidentFlow:
    @staticmethod
    def start(state: ConversationState, ctx: Context) -> StepResult:
        return draft.start(state, ctx)

    @staticmethod
    def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
        if state.node in draft.WAITING:
            state = state.evolve(node=draft.WAITING[state.node])
        return _part(state).current(state, ctx)

    @staticmethod
    def step(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
        for part in (draft, followup):
            answered = part.on_event(state, event, ctx)
            if answered is not None:
                return answered
        if state.node in draft.WAITING:
            state = state.evolve(node=draft.WAITING[state.node])
        part = _part(state)
        if isinstance(event, EffectDone):  # an action finished at a screen that waits for nothing
            return StepResult(state, part.current(state, ctx))
        on_screen = part.choices(state, ctx)
        picked = _picked(event, on_screen, state.lang)
        if isinstance(event, OptionChosen) and picked is None:
            text = ctx.knowledge.texts.stale_option.get(state.lang)
            return StepResult(state, [OutboundMessage(text), *part.current(state, ctx)])
        answered = part.step(state, event, ctx, picked)
        if answered is not None:
            return answered
        text = ctx.knowledge.texts.not_understood.get(state.lang)
        return StepResult(state, [OutboundMessage(text), *part.current(state, ctx)])


flows.register(NAME, IncidentFlow())
commands.register("incidents", ("vorfaelle", "vorfälle"), followup.records_command)
commands.register("mydata", ("meinedaten",), followup.mydata_command)
commands.register("delete", ("loeschen", "löschen"), followup.delete_command)
