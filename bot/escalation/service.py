"""Runs escalations: a trigger is stored before the first alert leaves; a scheduler
fires each policy step at its deadline (resuming after a restart) until someone takes it.

Which step comes next and whom it alerts is planned without I/O (planner.py); the SQL is
in records.py; this module reads, plans, applies and sends."""

from __future__ import annotations

import asyncio
import dataclasses
import datetime as dt
import logging
import sqlite3
from dataclasses import dataclass

from bot.clock import Clock
from bot.engine import EffectOutcome, Engine
from bot.escalation.alerts import alert_message, call_110, notruf_card, texts
from bot.escalation.keys import parse_key
from bot.escalation.privacy import EscalationPrivacy
from bot.escalation.planner import Recipient, TakeStep, Write, plan
from bot.escalation.records import Escalation, EscalationRecords, audit, new_ref
from bot.crypto import DataKey
from bot.knowledge_holder import KnowledgeHolder
from bot.outbox import action_id
from bot.store import Database
from handlers.escalation_flow import TriggerEscalation, emergency_options
from handlers.messages import OutboundMessage
from handlers.state import Action, ConversationState
from knowledge.base import Knowledge
from knowledge.roster import Declarations

log = logging.getLogger(__name__)
HOUR = dt.timedelta(hours=1)
MAX_IDLE_SECONDS = 60.0
MAX_ROUNDS = 64
SEND_TIMEOUT_SECONDS = 10.0


# (conversation key, messages, escalation id, audit event, actor) of a message outside a turn.
Notice = tuple[str, list[OutboundMessage], int, str, str | None]


@dataclass(frozen=True, kw_only=True)
class SendNotice(Action, action_name="escalation.SendNotice"):
    """A message about an escalation to someone outside their own turn (the user, a
    colleague, an admin): an outbox action, so it is sent even across a crash."""

    messages: tuple[OutboundMessage, ...]
    esc_id: int
    event: str
    actor: str | None = None


class EscalationService:
    def __init__(self, db: Database, engine: Engine, knowledge: KnowledgeHolder, *, data_key: DataKey,
                 admins: list[str], limit_per_hour: int = 3, retention_days: float = 90,
                 clock: Clock | None = None):
        self.db = db
        self.records = EscalationRecords(db, data_key)
        self.engine = engine
        self.knowledge = knowledge
        self.admins = list(admins)
        self.limit_per_hour = limit_per_hour
        self.clock = clock or engine.clock
        self._busy: set[int] = set()
        self._wake = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self.privacy = EscalationPrivacy(self.records, self.clock, retention_days)
        self._sweeper: asyncio.Task[None] | None = None
        self.rounds = 0  # scheduler rounds completed; with `sleeping`, tests see it is idle
        self.sleeping = False

    def install(self) -> None:
        from bot.escalation.desk import OfficerDesk

        self.engine.register_effect(TriggerEscalation, self.on_trigger)  # type: ignore[arg-type]
        self.engine.register_effect(SendNotice, self.on_notice)  # type: ignore[arg-type]
        self.engine.interceptors.append(OfficerDesk(self).intercept)

    async def start(self) -> None:
        await self.privacy.seal_legacy()
        lost = await self.records.recover(self.clock.now())
        if lost:
            log.warning("%d alert(s) were planned before a restart without a recorded handover", lost)
        self._task = asyncio.create_task(self._scheduler(), name="escalation-scheduler")
        self._sweeper = asyncio.create_task(self.privacy.run(), name="escalation-retention")

    async def stop(self) -> None:
        for task in (self._task, self._sweeper):
            if task is not None:
                task.cancel()
                await asyncio.gather(task, return_exceptions=True)
        self._task = self._sweeper = None

    # --- trigger ---------------------------------------------------------------------

    async def on_trigger(self, action: TriggerEscalation, state: ConversationState | None) -> EffectOutcome:
        """Store the escalation and send its first alerts. Runs from the engine's outbox,
        again after a crash: the action id finds an escalation stored by an earlier run."""
        k = self.knowledge.current
        assert k.escalation is not None
        now = self.clock.now()
        made_by = action_id()
        earlier = await self.records.by_action(made_by) if made_by else None
        if earlier is not None:
            return await self._resume_trigger(k, earlier, action, state)
        if await self.records.count_since(str(action.key), now - HOUR) >= self.limit_per_hour:
            log.info("escalation refused: per-user limit of %d per hour", self.limit_per_hour)
            text = texts(k).limit_reached.get(action.lang).format(limit=self.limit_per_hour)
            refused = OutboundMessage(text, contacts=notruf_card(k, action.lang), emergency=True, category="emergency")
            return EffectOutcome(self._with_next(refused, state=state, k=k))
        policy = k.escalation.policy
        fields = {f: getattr(action, f) for f in
                  ("category", "place_id", "place_name", "direktion", "lat", "lon", "phone")}
        declared = await self.records.declarations()
        for _ in range(5):
            try:
                async with self.db.transaction() as conn:
                    esc_id = await self.records.insert(
                        conn, ref=new_ref(), user_key=str(action.key), lang=action.lang, now=now,
                        fields=fields, policy=policy.model_dump(mode="json"), total_steps=policy.total_steps,
                        action_id=made_by)
                    esc = await self.records.select(conn, esc_id)
                    self._busy.add(esc.id)  # before commit: the scheduler leaves it to us
                    await audit(conn, esc.id, now, "triggered", result=f"direktion={esc.direktion or '-'}")
                    taken, finished = await self.records.apply(conn, self._plan([esc], now, declared, k), now)
                break
            except sqlite3.IntegrityError:  # the random reference exists already
                continue
        else:
            raise RuntimeError("could not allocate an escalation reference")
        sink: list[OutboundMessage] = []
        try:
            await self._execute(k, taken, finished, now, sink)
            await self._run([esc.id], sink)
        finally:
            self._busy.discard(esc.id)
            self._wake.set()
        log.info("escalation %s triggered (direktion %s)", esc.ref, esc.direktion or "-")
        reply = sink or [OutboundMessage(texts(k).sent.get(action.lang).format(ref=esc.ref),
                                         emergency=True, category="emergency")]
        return EffectOutcome(self._with_next(*reply, state=state, k=k))

    async def _resume_trigger(self, k: Knowledge, esc: Escalation, action: TriggerEscalation,
                              state: ConversationState | None) -> EffectOutcome:
        """The trigger ran before (then the process died or the answer was lost): go on
        with what it stored. Alerts already planned are never planned again."""
        sink: list[OutboundMessage] = []
        if esc.id not in self._busy:
            self._busy.add(esc.id)
            try:
                await self._run([esc.id], sink)
            finally:
                self._busy.discard(esc.id)
                self._wake.set()
        log.info("escalation %s: trigger replayed", esc.ref)
        reply = sink or [OutboundMessage(texts(k).sent.get(action.lang).format(ref=esc.ref),
                                         emergency=True, category="emergency")]
        return EffectOutcome(self._with_next(*reply, state=state, k=k))

    @staticmethod
    def _with_next(*messages: OutboundMessage, state: ConversationState | None, k: Knowledge) -> list[OutboundMessage]:
        """The last message carries the emergency question's options (safe - continue, end)."""
        out = list(messages)
        if state is not None and out:
            out[-1] = dataclasses.replace(out[-1], options=emergency_options(state, k))
        return out

    # --- steps -------------------------------------------------------------------------

    @staticmethod
    def _plan(rows: list[Escalation], now: dt.datetime, declared: Declarations, k: Knowledge) -> list[Write]:
        assert k.escalation is not None
        return plan(rows, k.roster, k.escalation.self_declaration_hours, declared, now)

    async def _run(self, ids: list[int], sink: list[OutboundMessage] | None = None) -> None:
        """Process whatever of `ids` is due, round after round (empty steps follow at once)."""
        for _ in range(MAX_ROUNDS):
            now = self.clock.now()
            rows: list[Escalation] = []
            for i in range(0, len(ids), 500):
                rows += await self.records.due(ids[i:i + 500], now)
            if not rows:
                return
            k = self.knowledge.current
            writes = self._plan(rows, now, await self.records.declarations(), k)
            async with self.db.transaction() as conn:
                taken, finished = await self.records.apply(conn, writes, now)
            await self._execute(k, taken, finished, now, sink)
            ids = [r.id for r in rows]

    async def _execute(self, k: Knowledge, planned: list[TakeStep], finished: list[Escalation],
                       now: dt.datetime, sink: list[OutboundMessage] | None) -> None:
        jobs = [(p, r) for p in planned for r in p.recipients]
        results = await asyncio.gather(*(self._alert(k, p.esc, p.step, r) for p, r in jobs))
        done = self.clock.now()
        failed: dict[tuple[int, int], int] = {}
        for (p, _), (_, ok) in zip(jobs, results):
            if not ok:
                failed[(p.esc.id, p.step)] = failed.get((p.esc.id, p.step), 0) + 1
        nobody = [p for p in planned if p.recipients and failed.get((p.esc.id, p.step), 0) == len(p.recipients)]
        await self.records.record_alerts(
            [(p, r.id, key, ok) for (p, r), (key, ok) in zip(jobs, results)], done, nobody)
        notices: list[Notice] = []
        for p in planned:
            if count := failed.get((p.esc.id, p.step)):
                text = texts(k).admin_failed.get("de").format(ref=p.esc.ref, step=p.step + 1, count=count)
                notices += self._admin_notices(p.esc.id, text)
        if finished:
            notices += await self._finish(k, finished, done, sink)
        await self.send_notices(notices, done)

    async def _alert(self, k: Knowledge, esc: Escalation, step: int, r: Recipient) -> tuple[str | None, bool]:
        """Hand the alert to the first of the recipient's channels that takes it."""
        message = alert_message(k, esc, step, r.lang)
        tried = None
        for key in r.keys:
            tried = key
            try:
                await asyncio.wait_for(self.engine.deliver(parse_key(key), [message]), SEND_TIMEOUT_SECONDS)
                return key, True
            except Exception as exc:  # any channel failure: try the next identity
                log.warning("alert %s step %d to %s failed: %s", esc.ref, step + 1, r.id, type(exc).__name__)
        return tried, False

    async def _finish(self, k: Knowledge, finished: list[Escalation], now: dt.datetime,
                      sink: list[OutboundMessage] | None) -> list[Notice]:
        """Nobody took them: tell the users plainly to call 110, and alert the admins."""
        notices: list[Notice] = []
        for esc in await self.records.many([e.id for e in finished]):
            message = call_110(k, esc, "unanswered_user" if esc.reached else "unreached_user")
            if esc.user_key is None:  # erased at the user's request: nobody left to tell
                pass
            elif sink is not None:  # the user is in this very turn: the answer carries it
                sink.append(message)
                notices.append((esc.user_key, [], esc.id, "user_told_110", None))
            else:
                notices.append((esc.user_key, [message], esc.id, "user_told_110", None))
            text = texts(k).admin_unreached.get("de").format(ref=esc.ref, reached=esc.reached)
            notices += self._admin_notices(esc.id, text)
        return notices

    def _admin_notices(self, esc_id: int, text: str) -> list[Notice]:
        if not self.admins:
            log.warning("escalation %d needs an admin, but SCHUTZLOTSE_ADMINS is empty", esc_id)
        return [(admin, [OutboundMessage(text, emergency=True)], esc_id, "admin_alert", None)
                for admin in self.admins]

    async def _deliver(self, key: str, messages: list[OutboundMessage]) -> bool:
        if not messages:
            return True
        try:
            await asyncio.wait_for(self.engine.deliver(parse_key(key), messages), SEND_TIMEOUT_SECONDS)
            return True
        except Exception as exc:
            log.warning("escalation notice to a %s key failed: %s", key.split(":", 1)[0], type(exc).__name__)
            return False

    @staticmethod
    def notice_actions(notices: list[Notice]) -> list[SendNotice]:
        return [SendNotice(key=parse_key(key), messages=tuple(messages), esc_id=esc_id, event=event, actor=actor)
                for key, messages, esc_id, event, actor in notices]

    async def send_notices(self, notices: list[Notice], now: dt.datetime) -> None:
        """Messages outside a turn (users, colleagues, admins) go through the engine's outbox:
        stored first, then sent and audited (`on_notice`); a crash in between sends them at
        the next start."""
        if not notices:
            return
        async with self.db.transaction() as conn:
            rows = await self.engine.outbox.insert(conn, self.notice_actions(notices), now.timestamp())
        await self.engine.carry_out(rows)

    async def on_notice(self, action: SendNotice, state: ConversationState | None) -> EffectOutcome:
        """One notice from the outbox: hand it over once, audit whether that worked."""
        ok = await self._deliver(str(action.key), list(action.messages))
        await self.records.record_notices(
            [(action.esc_id, action.event, action.actor, str(action.key), ok)], self.clock.now())
        return EffectOutcome()

    # --- scheduler ---------------------------------------------------------------------

    async def _scheduler(self) -> None:
        while True:
            now = self.clock.now()
            deadline = now + dt.timedelta(seconds=MAX_IDLE_SECONDS)
            try:
                ids = [i for i in await self.records.due_ids(now) if i not in self._busy]
                if ids:
                    self._busy.update(ids)
                    try:
                        await self._run(ids)
                    finally:
                        self._busy.difference_update(ids)
                    self.rounds += 1
                    continue
                upcoming = await self.records.next_due()
                if upcoming is not None and upcoming > now:
                    deadline = min(deadline, upcoming)
            except asyncio.CancelledError:
                raise
            except Exception:
                log.exception("escalation scheduler round failed")
                deadline = now + dt.timedelta(seconds=1)
            self.rounds += 1
            self.sleeping = True
            try:
                await self._sleep(deadline)
            finally:
                self.sleeping = False

    def wake(self) -> None:
        """Look for due work now (the clock moved, a trigger finished)."""
        self._wake.set()

    async def _until(self, deadline: dt.datetime) -> None:
        # Measured against the clock when the task really starts: an absolute deadline
        # cannot overshoot when time moves between planning the sleep and beginning it.
        while (remaining := (deadline - self.clock.now()).total_seconds()) > 0:
            await self.clock.sleep(remaining)

    async def _sleep(self, deadline: dt.datetime) -> None:
        """Sleep on the clock until `deadline`, or less when a trigger wakes us."""
        sleeper = asyncio.ensure_future(self._until(deadline))
        waker = asyncio.ensure_future(self._wake.wait())
        try:
            await asyncio.wait({sleeper, waker}, return_when=asyncio.FIRST_COMPLETED)
        finally:
            self._wake.clear()
            for task in (sleeper, waker):
                task.cancel()
            await asyncio.gather(sleeper, waker, return_exceptions=True)
