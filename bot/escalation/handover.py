"""What officers do with an alert: take it (first one wins, atomically), close it with an
outcome, and go on or off duty themselves."""

from __future__ import annotations

from dataclasses import dataclass

from bot.escalation.alerts import owner_message, texts
from bot.escalation.keys import parse_key
from bot.escalation.records import Escalation, audit
from bot.escalation.service import EscalationService, Notice
from handlers.messages import OutboundMessage

MAX_OUTCOME = 500


@dataclass(frozen=True)
class Actor:
    """An officer from the roster, or a member of a roster group room."""

    id: str
    name: str
    key: str
    lang: str = "de"


class Handover:
    def __init__(self, service: EscalationService):
        self.service = service
        self.records = service.records
        self.db = service.db

    def _say(self, text_name: str, actor: Actor, **fields: object) -> list[OutboundMessage]:
        text = getattr(texts(self.service.knowledge.current), text_name).get(actor.lang)
        return [OutboundMessage(text.format(**fields) if fields else text)]

    async def acknowledge(self, actor: Actor, ref: str) -> list[OutboundMessage]:
        k = self.service.knowledge.current
        esc = await self.records.by_ref(ref)
        if esc is None:
            return self._say("unknown_ref", actor)
        now = self.service.clock.now()
        channel = parse_key(actor.key).channel
        rows = []
        async with self.db.transaction() as conn:
            # Compare-and-set: of several officers tapping at once, exactly one wins.
            won = await self.records.take(conn, esc.id, actor.id, actor.key, now)
            await audit(conn, esc.id, now, "ack", max(esc.next_step - 1, 0), actor.id, channel,
                        "owner" if won else "not_first")
            fresh = await self.records.select(conn, esc.id)
            if won:  # the notices are stored with the ack itself: a crash cannot lose them
                notices = self._ack_notices(fresh, actor, await self.records.recipients_reached(esc.id))
                actions = self.service.notice_actions(notices)
                rows = await self.service.engine.outbox.insert(conn, actions, now.timestamp())
        if not won:
            if fresh.owner == actor.id:  # idempotent: a second tap changes nothing
                return [*self._say("already_yours", actor, ref=esc.ref), owner_message(k, fresh, actor.lang)]
            return self._say("already_taken", actor, ref=esc.ref, name=self._name(fresh.owner))
        await self.service.engine.carry_out(rows)
        return [owner_message(k, fresh, actor.lang)]

    def _ack_notices(self, fresh: Escalation, actor: Actor, reached: list[tuple[str, str]]) -> list[Notice]:
        """The user hears that someone took it; every other officer alerted hears who."""
        k = self.service.knowledge.current
        t = texts(k)
        user_text = t.acked_user.get(fresh.lang).format(ref=fresh.ref)
        notices: list[Notice] = [] if fresh.user_key is None else [
            (fresh.user_key, [OutboundMessage(user_text, category="emergency")], fresh.id, "user_told_taken", None)]
        told: set[str] = {actor.key}
        for officer_id, key in reached:
            if officer_id == actor.id or key is None or key in told:
                continue
            told.add(key)
            officer = k.roster.officer(officer_id) if k.roster else None
            text = t.acked_other.get(officer.lang if officer else "de").format(ref=fresh.ref, name=actor.name)
            notices.append((key, [OutboundMessage(text)], fresh.id, "colleague_told", officer_id))
        return notices

    def _name(self, officer_id: str | None) -> str:
        roster = self.service.knowledge.current.roster
        officer = roster.officer(officer_id) if roster and officer_id else None
        return officer.name if officer else (officer_id or "?")

    async def start_close(self, actor: Actor, ref: str) -> list[OutboundMessage]:
        esc = await self.records.by_ref(ref)
        if esc is None:
            return self._say("unknown_ref", actor)
        if esc.state == "closed":
            return self._say("already_closed", actor, ref=esc.ref)
        if esc.owner != actor.id:
            return self._say("not_owner", actor, ref=esc.ref)
        await self.records.start_closing(actor.key, esc.id, self.service.clock.now())
        return self._say("close_ask", actor, ref=esc.ref)

    async def finish_close(self, actor: Actor, esc_id: int, outcome: str) -> list[OutboundMessage]:
        now = self.service.clock.now()
        esc = await self.records.get(esc_id)
        sealed = self.records.seal_outcome(esc.ref, outcome.strip()[:MAX_OUTCOME]) if esc else None
        async with self.db.transaction() as conn:
            closed = await self.records.close(conn, esc_id, actor.id, sealed, now)
            await self.records.end_closing(conn, actor.key)
            if closed:
                await audit(conn, esc_id, now, "closed", actor=actor.id, channel=parse_key(actor.key).channel)
        ref = esc.ref if esc else "?"
        return self._say("closed" if closed else "already_closed", actor, ref=ref)

    async def declare(self, actor: Actor, on_duty: bool) -> list[OutboundMessage]:
        k = self.service.knowledge.current
        assert k.escalation is not None
        await self.records.declare(actor.id, on_duty, self.service.clock.now())
        hours = k.escalation.self_declaration_hours
        return self._say("duty_on" if on_duty else "duty_off", actor,
                         hours=int(hours) if hours == int(hours) else hours)
