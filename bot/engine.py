"""The engine: runs the pure conversation step for each inbound event, with I/O around it.

Per event: take the conversation's lock, load its state, finish actions an earlier turn
left open, run the step, commit the new state together with the step's actions (outbox
rows, bot/outbox.py) and the event's inbox done mark (bot/inbox.py), then carry out the
actions: each outcome is committed with the follow-up turn's state and the action's done
mark. Return the outbound messages. Events of one conversation are handled in order;
different conversations run concurrently.
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
from bot.conversations import Codec, ConversationStore, TurnWrite
from bot.inbound_schema import admit
from bot.inbox import Inbox, Receipt
from bot.knowledge_holder import KnowledgeHolder
from bot.outbox import Outbox, Row, backoff
from handlers.conversation import step
from handlers.messages import ConversationKey, Inbound, OutboundMessage
from handlers.state import Action, ConversationState, Context, StepResult

log = logging.getLogger(__name__)
MAX_FOLLOW_UPS = 4
OUTBOX_IDLE_SECONDS = 60.0
HANDOVER_GRACE_SECONDS = 30.0  # an answer being handed over is not replayed meanwhile
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
Reply = Callable[[list[OutboundMessage]], Awaitable[None]]
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

    def busy(self, key: ConversationKey) -> bool:
        """Someone holds or waits for this conversation's lock."""
        return key in self._locks

    def __len__(self) -> int:
        return len(self._locks)


class Engine:
    """Owns the turn: the per-conversation lock, the pure step, the state store, the outbox
    of actions and the inbox of events.

    Promises: a turn's new state, its actions (outbox rows) and the done mark of the event
    that caused it are committed together or not at all; an action's outcome is committed
    together with the follow-up turn's state and the action's done mark; an action that
    fails stays in the outbox and is retried with backoff, and replayed after a restart.
    Events of one conversation are handled in order; different conversations concurrently.
    """

    def __init__(
        self,
        knowledge: KnowledgeHolder,
        conversations: ConversationStore,
        *,
        clock: Clock | None = None,
        session_timeout_minutes: float = 30.0,
        default_lang: str = "de",
        inbox_ciphers: Callable[[str], Codec] | None = None,
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
        self.outbox = Outbox(conversations.db, conversations.codec)
        self.inbox = Inbox(conversations, inbox_ciphers or (lambda channel: conversations.codec))
        self._wake = asyncio.Event()
        self._runner: asyncio.Task[None] | None = None
        self.outbox_rounds = 0  # passes of the outbox runner completed (for status and tests)
        self.activity = TurnActivity()  # shutdown waits for turns in flight; metrics count them
        self.observers: list[StepObserver] = []

    def register_channel(self, name: str, sender: Sender) -> None:
        self.channels[name] = sender
        self._wake.set()  # replayed messages for this channel can go out now

    def register_effect(self, action_type: type[Action], handler: EffectHandler) -> None:
        self.effects[action_type] = handler

    # --- lifecycle -------------------------------------------------------------------

    async def start(self) -> None:
        """Track what an earlier run left in the outbox and start replaying it."""
        left = await self.outbox.load()
        if left:
            log.info("outbox: %d action(s) left by an earlier run are replayed", left)
        self._runner = asyncio.create_task(self._run_outbox(), name="engine-outbox")

    async def stop(self) -> None:
        if self._runner is not None:
            self._runner.cancel()
            await asyncio.gather(self._runner, return_exceptions=True)
            self._runner = None
        await self.conversations.flush_later()

    def accept(self, rows: list[Row]) -> None:
        """Rows another transaction wrote (`outbox.insert`), now committed: run them soon."""
        self.outbox.track(rows)
        self._wake.set()

    async def carry_out(self, rows: list[Row]) -> None:
        """Rows another transaction wrote, now committed: run them now, each conversation
        under its lock (a crash before they are done replays them at the next start)."""
        self.outbox.track(rows)
        keys = {str(r.key): r.key for r in rows}
        # A conversation in a turn right now (perhaps the very turn that wrote these rows)
        # gets its rows from the runner once that turn is over: waiting here could deadlock.
        now = [k for k in keys.values() if k.channel in self.channels and not self.locks.busy(k)]
        if len(now) < len(keys):
            self._wake.set()
        await asyncio.gather(*(self._replay(key) for key in now))

    # --- turns -----------------------------------------------------------------------

    async def handle(
        self, event: Inbound, *, receipt: Receipt | None = None, reply: Reply | None = None
    ) -> list[OutboundMessage]:
        """Process one inbound event and return what to answer.

        `receipt`: the event's inbox row, marked done in the turn's own commit. `reply`: the
        channel's way to hand the answer over; given, the engine calls it, and only then
        forgets the stored outcome of the actions in this answer (a crash in between
        delivers it again at start, so a saved record's reference is never lost).
        A failure inside is answered with an apology and the 110 line instead of silence;
        the stored state is that of the last completed turn, so nothing is lost.
        """
        delivered: list[Row] = []
        admitted = admit(event)  # every channel's event held to the same limits as the terminal's
        if admitted is None:  # an impossible option id or coordinate: nothing to answer
            if receipt is not None:
                self.inbox.done(receipt)
            if reply is not None:
                await reply([])
            return []
        event = admitted
        async with self.activity.turn() as turn:
            try:
                for interceptor in self.interceptors:
                    answer = await interceptor(event)
                    if answer is not None:
                        messages = answer
                        break
                else:
                    async with self.locks.hold(event.key):
                        messages = await self._turn(event, receipt, delivered, keep_answer=reply is not None)
            except Exception as exc:  # noqa: BLE001 - the user must always get an answer
                turn.failed = True
                self._log_failure(event.key.channel, exc)
                messages, delivered = [self._apology(event.lang_hint)], []  # the runner hands them over
            if reply is not None:
                await reply(messages)
        self._delivered(delivered)
        return messages

    def _log_failure(self, channel: str, exc: BaseException) -> None:
        # Only the exception type and frames: a message could quote what the user typed.
        log.error(
            "turn on %s failed: %s\n%s",
            channel, type(exc).__name__, "".join(traceback.format_tb(exc.__traceback__)),
        )

    def _apology(self, hint: str | None) -> OutboundMessage:
        texts = self.knowledge.current.texts
        return OutboundMessage(texts.internal_error.get((hint or self.default_lang)[:2]), emergency=False)

    def _ctx(self, key: ConversationKey, now: dt.datetime) -> Context:
        return Context(
            key=key, knowledge=self.knowledge.current, now=now, default_lang=self.default_lang,
            session_timeout_minutes=self.session_timeout.total_seconds() / 60,
        )

    async def _load(self, key: ConversationKey, now: dt.datetime) -> tuple[ConversationState | None, bool, bool]:
        """(state, stored: a row exists, expired)."""
        loaded = await self.conversations.load(key)
        if loaded is None:
            return None, False, False
        state, updated_at = loaded
        if state is None or now - updated_at > self.session_timeout:
            return None, True, True
        return state, True, False

    async def _commit(self, key: ConversationKey, state: ConversationState | None, stored: bool,
                      now: dt.datetime, write: TurnWrite) -> None:
        if state is not None:
            await self.conversations.save(key, state, now, write)
        elif stored:
            await self.conversations.delete(key, write)
        elif write:
            await self.conversations.write(write)

    async def _turn(
        self, event: Inbound, receipt: Receipt | None, delivered: list[Row], *, keep_answer: bool = False
    ) -> list[OutboundMessage]:
        now = self.clock.now()
        messages: list[OutboundMessage] = []
        state, stored, expired = await self._load(event.key, now)
        earlier = self.outbox.open_for(event.key)
        if earlier:  # an earlier turn's actions come before this event
            state, stored, ok = await self._carry_out(event.key, state, stored, earlier, now, messages, delivered)
            if not ok:
                messages.append(self._apology(event.lang_hint))
        result = step(state, event, self._ctx(event.key, now), expired=expired)
        messages += result.messages
        write = TurnWrite()
        if receipt is not None and not receipt.settled:
            write.inbox_done.append(receipt.row)
        answer = self.outbox.answer(event.key, result.messages, now.timestamp(), write) \
            if keep_answer and result.messages else None
        rows = self.outbox.new(result.actions, now.timestamp(), write)
        await self._commit(event.key, result.state, stored, now, write)
        if receipt is not None:
            receipt.settled = True
        if answer is not None:
            self.outbox.track([answer])
            self._in_hand([answer], now, delivered)
        self.outbox.track(rows)
        log.debug(
            "turn %s event=%s node=%s actions=%d",
            event.key.channel, type(event).__name__,
            result.state.node if result.state else None, len(result.actions),
        )
        for observer in self.observers:
            observer(event, state, result)
        if rows:
            _, _, ok = await self._carry_out(event.key, result.state, stored or result.state is not None,
                                             rows, now, messages, delivered)
            if not ok:
                messages.append(self._apology(event.lang_hint))
        return messages

    async def _carry_out(
        self, key: ConversationKey, state: ConversationState | None, stored: bool, rows: list[Row],
        now: dt.datetime, messages: list[OutboundMessage], delivered: list[Row],
    ) -> tuple[ConversationState | None, bool, bool]:
        """Run rows in order; each round's outcome is committed with the follow-up turn's
        state and the rows' done marks. Returns (state, stored, all done)."""
        for _ in range(MAX_FOLLOW_UPS):
            # done, messages not yet handed over (unless another request is handing them over)
            waiting = [r for r in rows if r.result is not None and r.next_at <= now.timestamp()]
            messages += [m for r in waiting for m in r.result or []]
            self._in_hand(waiting, now, delivered)
            rows = [r for r in rows if r.result is None]
            if not rows:
                return state, stored, True
            outcomes: list[EffectOutcome] = []
            for row in rows:
                try:
                    outcomes.append(await self._run_effect(row, state))
                except Exception as exc:  # noqa: BLE001 - stays in the outbox, retried later
                    self._log_failure(key.channel, exc)
                    retry = [(r.id, now.timestamp() + backoff(r.attempts)) for r in rows]
                    for r in rows:
                        r.next_at, r.attempts = now.timestamp() + backoff(r.attempts), r.attempts + 1
                    self.conversations.later(outbox_retry=retry)
                    self._wake.set()
                    return state, stored, False
            produced = [m for o in outcomes for m in o.messages]
            follow_up = next((o.follow_up for o in outcomes if o.follow_up is not None), None)
            write, new_rows = TurnWrite(), []
            if follow_up is not None:
                result = step(state, follow_up, self._ctx(key, now))
                produced += result.messages
                new_rows = self.outbox.new(result.actions, now.timestamp(), write)
                state = result.state
            self._mark_done(rows, produced, now, write)
            if follow_up is not None:  # the state changed: it goes with the done marks
                await self._commit(key, state, stored, now, write)
                stored = stored or state is not None
            else:
                await self.conversations.write(write)
            self.outbox.close(rows)
            if produced:
                rows[0].result, rows[0].closed = produced, False
                self.outbox.track([rows[0]])
                self._in_hand([rows[0]], now, delivered)
            messages += produced
            self.outbox.track(new_rows)
            rows = new_rows
        log.error("turn for %s stopped after %d follow-ups", key.channel, MAX_FOLLOW_UPS)
        return state, stored, True

    def _mark_done(self, rows: list[Row], produced: list[OutboundMessage], now: dt.datetime, write: TurnWrite) -> None:
        """The first row keeps the messages until they are handed over; the others go."""
        for i, row in enumerate(rows):
            if i == 0 and produced:
                write.outbox_done.append((row.id, now.timestamp(), self.outbox.seal_result(row.id, produced)))
            else:
                write.outbox_gone.append(row.id)

    @staticmethod
    def _in_hand(rows: list[Row], now: dt.datetime, delivered: list[Row]) -> None:
        """These messages go out with this answer; the runner leaves them alone meanwhile."""
        for row in rows:
            row.next_at = now.timestamp() + HANDOVER_GRACE_SECONDS
        delivered += rows

    def _delivered(self, rows: list[Row]) -> None:
        if rows:
            self.outbox.close(rows)
            self.conversations.later(outbox_gone=[r.id for r in rows])

    async def _run_effect(self, row: Row, state: ConversationState | None) -> EffectOutcome:
        handler = self.effects.get(type(row.action))
        if handler is None:
            log.warning("no handler for action %s", type(row.action).__name__)
            return EffectOutcome()
        token = self.outbox.running(row)
        try:
            return await handler(row.action, state)
        finally:
            self.outbox.finished(token)

    # --- the outbox outside turns ------------------------------------------------------

    async def _run_outbox(self) -> None:
        """Retry due rows and replay what a restart left, each conversation under its lock;
        their messages go out through the channel's sender (nobody is waiting for them)."""
        while True:
            self._wake.clear()
            now = self.clock.now()
            due = self.outbox.due(now.timestamp())
            jobs = [self._replay(rows[0].key) for rows in due.values() if rows[0].key.channel in self.channels]
            if jobs:
                await asyncio.gather(*jobs)
            next_at = self.outbox.next_at(self.channels)  # a missing channel wakes us when it comes
            pause = OUTBOX_IDLE_SECONDS if next_at is None else next_at - self.clock.now().timestamp()
            self.outbox_rounds += 1
            await self._sleep(min(max(pause, 0.05 if jobs else 0.0), OUTBOX_IDLE_SECONDS))

    async def _sleep(self, seconds: float) -> None:
        """On the engine's clock, or until woken (a new row, a channel came up)."""
        if seconds <= 0 or self._wake.is_set():
            return
        sleeper = asyncio.ensure_future(self.clock.sleep(seconds))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            for task in (sleeper, waker):
                task.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)

    async def _replay(self, key: ConversationKey) -> None:
        try:
            async with self.locks.hold(key):
                rows = self.outbox.open_for(key)
                if not rows:
                    return
                now = self.clock.now()
                state, stored, _ = await self._load(key, now)
                messages: list[OutboundMessage] = []
                delivered: list[Row] = []
                state, stored, ok = await self._carry_out(key, state, stored, rows, now, messages, delivered)
                if not ok:
                    messages.append(self._apology(state.lang if state else None))
                if messages:
                    await self.deliver(key, messages)
                self._delivered(delivered)
        except Exception as exc:  # noqa: BLE001 - the channel is down: hand over later
            log.warning("outbox: replay for a %s conversation failed (%s)", key.channel, type(exc).__name__)
            now_ts = self.clock.now().timestamp()
            for row in self.outbox.open_for(key):
                if row.next_at <= now_ts:
                    row.next_at, row.attempts = now_ts + backoff(row.attempts), row.attempts + 1

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
