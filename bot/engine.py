"""The engine: runs the pure conversation step for each inbound event, with I/O around it.

Per event: take the conversation's lock, load its state, run the step, persist the new
state (durably), carry out the step's actions, return the outbound messages. Events of
one conversation are handled in order; different conversations run concurrently.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import traceback
from collections.abc import Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import AsyncIterator, Protocol

from bot.activity import TurnActivity
from bot.clock import Clock, SystemClock
from bot.conversations import ConversationStore
from bot.knowledge_holder import KnowledgeHolder
from handlers.conversation import step
from handlers.messages import ConversationKey, Inbound, OutboundMessage
from handlers.state import Action, ConversationState, Context, StepResult

log = logging.getLogger(__name__)
MAX_FOLLOW_UPS = 4
TOMBSTONE_DAYS = dt.timedelta(days=7)


class Sender(Protocol):
    """What a channel offers the engine for messages nobody asked for (alerts, reminders)."""

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None: ...


@dataclass
class EffectOutcome:
    messages: list[OutboundMessage] = field(default_factory=list)
    follow_up: Inbound | None = None


EffectHandler = Callable[[Action, ConversationState | None], Awaitable[EffectOutcome]]
Interceptor = Callable[[Inbound], Awaitable[list[OutboundMessage] | None]]
# Told about every step after its result was saved: (event, state before, result). Used by
# the statistics (bot/stats.py); must be quick and must not raise.
StepObserver = Callable[[Inbound, ConversationState | None, StepResult], None]


class _KeyedLocks:
    """One lock per conversation, dropped again when nobody holds or waits for it."""

    def __init__(self) -> None:
        self._locks: dict[ConversationKey, tuple[asyncio.Lock, int]] = {}

    @asynccontextmanager
    async def hold(self, key: ConversationKey) -> AsyncIterator[None]:
        lock, users = self._locks.get(key) or (asyncio.Lock(), 0)
        self._locks[key] = (lock, users + 1)
        try:
            async with lock:
                yield
        finally:
            lock, users = self._locks[key]
            if users == 1:
                del self._locks[key]
            else:
                self._locks[key] = (lock, users - 1)

    def __len__(self) -> int:
        return len(self._locks)


class Engine:
    def __init__(
        self,
        knowledge: KnowledgeHolder,
        conversations: ConversationStore,
        *,
        clock: Clock | None = None,
        session_timeout_minutes: float = 30.0,
        default_lang: str = "de",
    ):
        self.knowledge = knowledge
        self.conversations = conversations
        self.clock = clock or SystemClock()
        self.session_timeout = dt.timedelta(minutes=session_timeout_minutes)
        self.default_lang = default_lang
        self.channels: dict[str, Sender] = {}
        self.effects: dict[type[Action], EffectHandler] = {}
        self.interceptors: list[Interceptor] = []
        self.locks = _KeyedLocks()
        self.activity = TurnActivity()  # shutdown waits for turns in flight; metrics count them
        self.observers: list[StepObserver] = []

    def register_channel(self, name: str, sender: Sender) -> None:
        self.channels[name] = sender

    def register_effect(self, action_type: type[Action], handler: EffectHandler) -> None:
        self.effects[action_type] = handler

    async def handle(self, event: Inbound) -> list[OutboundMessage]:
        """Process one inbound event and return what to answer.

        A failure inside is answered with an apology and the 110 line instead of silence;
        the stored state is that of the last completed turn, so nothing is lost.
        """
        async with self.activity.turn() as turn:
            try:
                for interceptor in self.interceptors:
                    answer = await interceptor(event)
                    if answer is not None:
                        return answer
                async with self.locks.hold(event.key):
                    return await self._turn(event)
            except Exception as exc:  # noqa: BLE001 - the user must always get an answer
                turn.failed = True
                return self._failed(event, exc)

    def _failed(self, event: Inbound, exc: Exception) -> list[OutboundMessage]:
        # Only the exception type and frames: a message could quote what the user typed.
        log.error(
            "turn on %s failed: %s\n%s",
            event.key.channel, type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)),
        )
        return [self._apology(event)]

    def _apology(self, event: Inbound) -> OutboundMessage:
        texts = self.knowledge.current.texts
        hint = (event.lang_hint or self.default_lang)[:2]
        return OutboundMessage(texts.internal_error.get(hint), emergency=False)

    async def _turn(self, event: Inbound) -> list[OutboundMessage]:
        now = self.clock.now()
        loaded = await self.conversations.load(event.key)
        state, expired = None, False
        if loaded is not None:
            state, updated_at = loaded
            if state is None or now - updated_at > self.session_timeout:
                state, expired = None, True
        messages: list[OutboundMessage] = []
        for _ in range(MAX_FOLLOW_UPS):
            ctx = Context(
                key=event.key,
                knowledge=self.knowledge.current,
                now=now,
                default_lang=self.default_lang,
                session_timeout_minutes=self.session_timeout.total_seconds() / 60,
            )
            result = step(state, event, ctx, expired=expired)
            expired = False
            messages += result.messages
            if result.state is None:
                if loaded is not None or state is not None:
                    await self.conversations.delete(event.key)
            else:
                await self.conversations.save(event.key, result.state, now)
            log.debug(
                "turn %s event=%s node=%s actions=%d",
                event.key.channel, type(event).__name__,
                result.state.node if result.state else None, len(result.actions),
            )
            for observer in self.observers:
                observer(event, state, result)
            state, follow_up = result.state, None
            for action in result.actions:
                outcome = await self._run_effect(action, state)
                messages += outcome.messages
                follow_up = follow_up or outcome.follow_up
            if follow_up is None:
                return messages
            event, loaded = follow_up, loaded or state
        log.error("turn for %s stopped after %d follow-ups", event.key.channel, MAX_FOLLOW_UPS)
        return messages

    async def _run_effect(self, action: Action, state: ConversationState | None) -> EffectOutcome:
        handler = self.effects.get(type(action))
        if handler is None:
            log.warning("no handler for action %s", type(action).__name__)
            return EffectOutcome()
        return await handler(action, state)

    async def deliver(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        """Send messages to a conversation on any running channel (alerts, reminders)."""
        sender = self.channels.get(key.channel)
        if sender is None:
            raise LookupError(f"channel {key.channel!r} is not running")
        await sender.send(key, messages)

    async def purge_expired(self) -> int:
        return await self.conversations.purge_expired(
            self.clock.now() - self.session_timeout, forget_after=TOMBSTONE_DAYS
        )

    async def purge_loop(self, every_seconds: float = 60.0) -> None:
        """Delete idle conversations even if their users never come back."""
        while True:
            try:
                removed = await self.purge_expired()
                if removed:
                    log.info("purged %d idle conversation(s)", removed)
            except Exception:
                log.exception("purging idle conversations failed")
            await self.clock.sleep(every_seconds)
