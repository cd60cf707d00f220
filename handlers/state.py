"""Conversation state and the pure step's contract (`StepResult`, `Action`, `Context`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, replace
from typing import TYPE_CHECKING, Any

from handlers.messages import ConversationKey, OutboundMessage

if TYPE_CHECKING:
    from knowledge.base import Knowledge

STATE_VERSION = 1


@dataclass(frozen=True)
class ConversationState:
    """What the bot remembers of one conversation; kept only until it ends or times out.

    Frozen: a step returns a new state (`evolve`, `with_pending`) and never changes the one it
    was given; `pending` is treated as read-only too (a test walks the flows to check it).
    """

    lang: str = "de"
    lang_chosen: bool = False
    flow: str = "triage"
    node: str = ""
    category: str | None = None
    # Further offences the user's words also fit (a threat inside an insult): contacts merge.
    also: tuple[str, ...] = ()
    aspects: tuple[str, ...] = ()
    place_id: str | None = None
    # The danger question was answered or the emergency advice shown: only then a result.
    danger_checked: bool = False
    # Facts taken from the user's own words (category, place, aspect ids): correctable.
    inferred: tuple[str, ...] = ()
    # Questions answered so far, newest last: "zurück" goes back along it.
    history: tuple[str, ...] = ()
    # Flow-specific scratch data: proposed categories, place candidates, a question to return to.
    pending: dict[str, Any] = field(default_factory=dict)
    # A screen shown on top of the flow without disturbing it (the language choice).
    overlay: str | None = None
    knowledge_version: str = ""

    def to_json(self) -> str:
        return json.dumps({"v": STATE_VERSION, **asdict(self)}, ensure_ascii=False, separators=(",", ":"))

    @classmethod
    def from_json(cls, raw: str) -> ConversationState:
        data = json.loads(raw)
        data.pop("v", None)
        known = {f for f in cls.__dataclass_fields__}
        values = {k: tuple(v) if isinstance(v, list) and k in _TUPLES else v for k, v in data.items() if k in known}
        return cls(**values)

    def evolve(self, **changes: Any) -> ConversationState:
        """A copy with `changes`; lists become tuples so nothing shared can be changed."""
        for name in _TUPLES:
            if name in changes and not isinstance(changes[name], tuple):
                changes[name] = tuple(changes[name])
        return replace(self, **changes)

    def with_pending(self, **updates: Any) -> ConversationState:
        return replace(self, pending={**self.pending, **updates})

    def without_pending(self, *names: str) -> ConversationState:
        return replace(self, pending={k: v for k, v in self.pending.items() if k not in names})


_TUPLES = ("also", "aspects", "inferred", "history")


@dataclass(frozen=True, kw_only=True)
class Action:
    """A side effect the pure step asks the engine to carry out (store, notify, ...)."""

    key: ConversationKey


@dataclass(frozen=True, kw_only=True)
class FlowAction(Action):
    """An option's `action` that no conversation flow handles: the engine carries it out."""

    name: str
    state: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Context:
    key: ConversationKey
    knowledge: Knowledge
    now: dt.datetime
    default_lang: str = "de"
    session_timeout_minutes: float = 30.0


@dataclass
class StepResult:
    state: ConversationState | None
    messages: list[OutboundMessage] = field(default_factory=list)
    actions: list[Action] = field(default_factory=list)

    def say(self, *messages: OutboundMessage) -> StepResult:
        self.messages.extend(messages)
        return self

    def say_first(self, *messages: OutboundMessage) -> StepResult:
        self.messages[:0] = messages
        return self

    def with_state(self, state: ConversationState | None) -> StepResult:
        self.state = state
        return self
