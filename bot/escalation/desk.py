"""The engine interceptor for officers: alert answers (take, close; answers.py), the typed
outcome after "close", and /dienst an|aus. Other events pass on to the conversation."""

from __future__ import annotations

from bot.escalation import answers
from bot.escalation.alerts import texts
from bot.escalation.answers import CloseAlert, TakeAlert
from bot.escalation.handover import Actor, Handover
from bot.escalation.keys import parse_key
from bot.escalation.service import EscalationService
from handlers.messages import CommandIn, Inbound, OptionChosen, OutboundMessage, TextIn, command_from_text

DUTY = frozenset({"dienst", "duty"})
TAKE = frozenset({"uebernehmen", "übernehmen", "take"})
CLOSE = frozenset({"abschliessen", "abschließen", "close"})
ON, OFF = frozenset({"an", "on", "ein"}), frozenset({"aus", "off"})


class OfficerDesk:
    def __init__(self, service: EscalationService):
        self.service = service
        self.handover = Handover(service)

    def _actor(self, event: Inbound) -> Actor | None:
        roster = self.service.knowledge.current.roster
        if roster is None:
            return None
        key = str(event.key)
        officer = roster.officer_for_key(key)
        if officer is not None:
            return Actor(officer.id, officer.name, key, officer.lang)
        for group in roster.groups.values():  # someone in a fallback group room
            for group_key in group.keys:
                room = parse_key(group_key)
                if (room.channel, room.chat) == (event.key.channel, event.key.chat):
                    return Actor(key, f"{group.name} ({event.key.user})", key)
        return None

    def _refuse(self) -> list[OutboundMessage]:
        return [OutboundMessage(texts(self.service.knowledge.current).not_officer.get("de"))]

    async def intercept(self, event: Inbound) -> list[OutboundMessage] | None:
        command = _command(event)
        answer = answers.parse(event.option_id) if isinstance(event, OptionChosen) else None
        if answer is not None:
            actor = self._actor(event)
            if actor is None:
                return self._refuse()
            match answer:
                case TakeAlert(ref):
                    return await self.handover.acknowledge(actor, ref)
                case CloseAlert(ref):
                    return await self.handover.start_close(actor, ref)
        if command is not None:
            name, args = command
            if name not in DUTY | TAKE | CLOSE:
                return None
            actor = self._actor(event)
            if actor is None:
                return self._refuse()
            if name in TAKE:
                return await self.handover.acknowledge(actor, args.strip())
            if name in CLOSE:
                return await self.handover.start_close(actor, args.strip())
            word = args.strip().casefold()
            if word in ON | OFF:
                return await self.handover.declare(actor, word in ON)
            return [OutboundMessage(texts(self.service.knowledge.current).duty_usage.get(actor.lang))]
        if isinstance(event, TextIn):
            actor = self._actor(event)
            if actor is not None:
                esc_id = await self.service.records.closing_for(actor.key)
                if esc_id is not None:
                    return await self.handover.finish_close(actor, esc_id, event.text)
        return None


def _command(event: Inbound) -> tuple[str, str] | None:
    if isinstance(event, CommandIn):
        return event.name.casefold(), event.args
    if isinstance(event, TextIn):
        return command_from_text(event.text)
    return None
