"""Registry of conversation flows besides the triage (e.g. documenting an incident).

A flow is a module-like object with `start(state, ctx)` and `step(state, event, ctx)`,
both pure; an option's `action` naming a registered flow switches the conversation to it.
"""

from __future__ import annotations

from typing import Protocol

from handlers.messages import Inbound, OutboundMessage
from handlers.state import ConversationState, Context, StepResult


class ConversationFlow(Protocol):
    def start(self, state: ConversationState, ctx: Context) -> StepResult: ...

    def step(self, state: ConversationState, event: Inbound, ctx: Context) -> StepResult: ...

    def current(self, state: ConversationState, ctx: Context) -> list[OutboundMessage]:
        """The messages that show the user where they are (after /hilfe and the like)."""
        ...


FLOWS: dict[str, ConversationFlow] = {}


def register(name: str, flow: ConversationFlow) -> None:
    FLOWS[name] = flow


def start_flow(name: str, state: ConversationState, ctx: Context) -> StepResult | None:
    flow = FLOWS.get(name)
    if flow is None:
        return None
    return flow.start(state.evolve(flow=name), ctx)


from handlers.escalation_flow import EscalationFlow  # noqa: E402  (needs register above)

register("escalate", EscalationFlow())
