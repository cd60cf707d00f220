"""Conversation state and the pure step's contract (`StepResult`, `Action`, `Context`)."""

from __future__ import annotations

import base64
import datetime as dt
import json
import importlib
from dataclasses import asdict, dataclass, field, fields, is_dataclass, replace
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
    lang_chosen: bool = False  # chosen by the user (/sprache, "auf deutsch bitte"): never switched by the bot
    lang_heard: bool = False  # taken from the user's words: a long message in the other language switches again
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
    # The emergency advice given for a scene of its own (a fire, a suspicious object): told
    # again later, the same scene brings the 110 line, a new one its own advice.
    scenes: tuple[str, ...] = ()
    # The writer tells of someone else's case (a spouse, the mayor's office): the answer speaks
    # of the person affected.
    for_someone: bool = False
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


_TUPLES = ("also", "aspects", "inferred", "history", "scenes")


# Every Action class by its stored name (see `Action.__init_subclass__`).
ACTIONS: dict[str, type[Action]] = {}


def _register_action(cls: type[Action], name: str | None) -> None:
    cls._action_name = name or f"{cls.__module__}.{cls.__qualname__}"  # type: ignore[attr-defined]
    ACTIONS[cls._action_name] = cls  # type: ignore[attr-defined]


@dataclass(frozen=True, kw_only=True)
class Action:
    """A side effect the pure step asks the engine to carry out (store, notify, ...).

    Actions are stored with the state that asked for them (bot/outbox.py), so every
    subclass registers itself by a stable name (module and class name, or `action_name`)
    and keeps to storable fields: JSON values, bytes, tuples, dicts and dataclasses.
    """

    key: ConversationKey

    def __init_subclass__(cls, action_name: str | None = None, **kw: Any) -> None:
        super().__init_subclass__(**kw)
        _register_action(cls, action_name)


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


# --- actions as data: a stable name per Action class, fields as JSON --------------------
# The engine stores a turn's actions with its state (bot/outbox.py); this turns them into
# JSON and back. Every Action subclass registers itself under its module and class name (or
# the `action_name` given at class creation), so a new action needs no change elsewhere.




def _encode_value(value: Any) -> Any:
    if isinstance(value, bytes):
        return {"$b": base64.b64encode(value).decode("ascii")}
    if isinstance(value, tuple):
        return {"$t": [_encode_value(v) for v in value]}
    if isinstance(value, list):
        return [_encode_value(v) for v in value]
    if isinstance(value, dict):
        return {"$m": [[_encode_value(k), _encode_value(v)] for k, v in value.items()]}
    if is_dataclass(value) and not isinstance(value, type):
        name = f"{type(value).__module__}.{type(value).__qualname__}"
        return {"$d": name, "f": {f.name: _encode_value(getattr(value, f.name)) for f in fields(value)}}
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    raise TypeError(f"cannot store a {type(value).__name__} in an action")


def _value_class(name: str) -> type:
    module, _, qualname = name.rpartition(".")
    if not module.startswith(("handlers.", "bot.")):  # never import anything a row names
        raise ValueError(f"not a storable class: {name}")
    obj: Any = importlib.import_module(module)
    for part in qualname.split("."):
        obj = getattr(obj, part)
    return obj


def _decode_value(value: Any) -> Any:
    if isinstance(value, list):
        return [_decode_value(v) for v in value]
    if isinstance(value, dict):
        if "$b" in value:
            return base64.b64decode(value["$b"])
        if "$t" in value:
            return tuple(_decode_value(v) for v in value["$t"])
        if "$m" in value:
            return {_decode_value(k): _decode_value(v) for k, v in value["$m"]}
        if "$d" in value:
            return _value_class(value["$d"])(**{k: _decode_value(v) for k, v in value["f"].items()})
    return value


def action_to_json(action: Action) -> str:
    """A stored form of any registered Action: `{"name": ..., "fields": {...}}`."""
    name = type(action)._action_name  # type: ignore[attr-defined]
    data = {f.name: _encode_value(getattr(action, f.name)) for f in fields(action)}
    return json.dumps({"name": name, "fields": data}, ensure_ascii=False, separators=(",", ":"))


def action_from_json(raw: str) -> Action:
    data = json.loads(raw)
    cls = ACTIONS.get(data["name"])
    if cls is None:
        raise LookupError(f"no action class registered as {data['name']!r}")
    return cls(**{k: _decode_value(v) for k, v in data["fields"].items()})


def messages_to_json(messages: list[OutboundMessage]) -> str:
    return json.dumps(_encode_value(list(messages)), ensure_ascii=False, separators=(",", ":"))


def messages_from_json(raw: str) -> list[OutboundMessage]:
    return list(_decode_value(json.loads(raw)))
