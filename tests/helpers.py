"""Shared builders for tests: a real engine on a real SQLite file, and a conversation driver."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from bot.clock import ManualClock
from bot.conversations import ConversationStore
from bot.engine import Engine
from bot.knowledge_holder import KnowledgeHolder
from bot.store import Database
from handlers import conversation
from handlers.messages import (
    CommandIn,
    ConversationKey,
    Inbound,
    LocationIn,
    OptionChosen,
    OutboundMessage,
    TextIn,
)
from handlers.state import ConversationState, Context, StepResult
from knowledge.base import Knowledge

NOW = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)


async def open_engine(db_path: Path, knowledge: Knowledge, clock: ManualClock | None = None, **kw) -> tuple[Engine, Database]:
    db = await Database.open(db_path)
    engine = Engine(KnowledgeHolder(knowledge), ConversationStore(db), clock=clock or ManualClock(NOW), **kw)
    return engine, db


@dataclass
class PureChat:
    """Drives the pure step function directly, the way the engine would, without I/O."""

    knowledge: Knowledge
    key: ConversationKey = ConversationKey("test", "chat1", "user1")
    lang: str | None = "de"
    state: ConversationState | None = None
    last: StepResult | None = None
    history: list[OutboundMessage] = field(default_factory=list)

    def send(self, event: Inbound) -> list[OutboundMessage]:
        ctx = Context(key=self.key, knowledge=self.knowledge, now=NOW)
        self.last = conversation.step(self.state, event, ctx)
        self.state = self.last.state
        self.history += self.last.messages
        return self.last.messages

    def text(self, text: str) -> list[OutboundMessage]:
        return self.send(TextIn(key=self.key, lang_hint=self.lang, text=text))

    def option(self, option_id: str) -> list[OutboundMessage]:
        return self.send(OptionChosen(key=self.key, lang_hint=self.lang, option_id=option_id))

    def command(self, name: str, args: str = "") -> list[OutboundMessage]:
        return self.send(CommandIn(key=self.key, lang_hint=self.lang, name=name, args=args))

    def location(self, lat: float, lon: float) -> list[OutboundMessage]:
        return self.send(LocationIn(key=self.key, lang_hint=self.lang, lat=lat, lon=lon))


def option_ids(messages: list[OutboundMessage]) -> list[str]:
    return [o.id for m in messages for o in m.options]


def all_text(messages: list[OutboundMessage]) -> str:
    return "\n".join(m.text for m in messages)


def contact_ids(messages: list[OutboundMessage]) -> list[str]:
    return [c.id for m in messages for c in m.contacts]


# First messages the model is torn about (doubt, stalking, doxxing...): which of them offers
# a choice of several offences moves with every retraining, so a test that needs that choice
# takes the first that does.
TORN_OPENINGS = (
    "in hainichen macht einer fotos von unserm haus",
    "in rochlitz fotografiert einer unser haus",
    "hallo ich bin ortsvorsteher in hainichen, seit der sache mit dem windrad macht einer fotos "
    "von unserm haus, meine frau sagt ich soll das melden",
    "in hainichen steht öfter einer vor unserm haus und macht fotos",
    "in döbeln fotografiert einer mein auto und unser haus",
    "Silent calls to the town hall in Oybin. A few times now.",
    "Is it a threat if someone tells me „enjoy your last term“?",
)


def at_a_choice_of_offences(knowledge: Knowledge) -> PureChat:
    """A chat at "which fits best?" with at least three offences offered, danger denied."""
    for opening in TORN_OPENINGS:
        chat = PureChat(knowledge)
        chat.command("start")
        chat.text(opening)
        if chat.state is not None and chat.state.node == "danger_now":
            chat.option("danger_no")
        if chat.state is not None and chat.state.node == "confirm_category" and len(option_ids(chat.last.messages)) >= 3:
            return chat
    raise AssertionError("no opening offers a choice of offences: add one to TORN_OPENINGS")
