"""Conversation state and the pure step's contract (`StepResult`, `Action`, `Context`)."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

from handlers.messages import ConversationKey, OutboundMessage

if TYPE_CHECKING:
    from knowledge.base import Knowledge

STATE_VERSION = 1


@dataclass
class ConversationState:
    """What the bot remembers of one conversation; kept only until it ends or times out."""

    lang: str = "de"
    lang_chosen: bool = False
    flow: str = "triage"
    node: str = ""
    category: str | None = None
    # Further offences the user's words also fit (a threat inside an insult): contacts merge.
    also: list[str] = field(default_factory=list)
    aspects: list[str] = field(default_factory=list)
    place_id: str | None = None
    # The danger question was answered or the emergency advice shown: only then a result.
    danger_checked: bool = False
    # Facts taken from the user's own words (category, place, aspect ids): correctable.
    inferred: list[str] = field(default_factory=list)
    # Questions answered so far, newest last: "zurück" goes back along it.
    history: list[str] = field(default_factory=list)
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
        return cls(**{k: v for k, v in data.items() if k in known})


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
