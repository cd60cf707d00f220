"""Operational messages to the admins (SCHUTZLOTSE_ADMINS): a channel down too long, a
start on the last good knowledge. A message that cannot go out now (its channel is down)
is kept and tried again whenever a channel comes back; admins on the broken channel are
skipped for news about that channel, so the others hear of it."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass

from bot.engine import Engine
from handlers.messages import ConversationKey, OutboundMessage

log = logging.getLogger(__name__)
SEND_TIMEOUT = 10.0
MAX_PENDING = 50

# Operator texts (admins only, not users): kept here rather than in the admin YAML, since
# they must work even when that YAML is what is broken.
TEXTS = {
    "channel_down": {
        "de": "Schutzlotse: Der Kanal {channel} ist seit {minutes} Minuten nicht verbunden ({error}). "
              "Wer dort schreibt, bekommt keine Antwort. Bitte prüfen Sie den Dienst "
              "(`schutzlotse health`, Protokoll).",
        "en": "Schutzlotse: the {channel} channel has been disconnected for {minutes} minutes ({error}). "
              "People writing there get no answer. Please check the service (`schutzlotse health`, log).",
    },
    "channel_back": {
        "de": "Schutzlotse: Der Kanal {channel} ist wieder verbunden.",
        "en": "Schutzlotse: the {channel} channel is connected again.",
    },
    "degraded_start": {
        "de": "Schutzlotse ist mit der letzten gültigen Wissensbasis (Version {version}) gestartet, weil "
              "die eingestellte ungültig ist ({count} Fehler):\n{problems}\n"
              "Prüfen Sie sie mit `schutzlotse knowledge check`.",
        "en": "Schutzlotse started on the last good knowledge (version {version}) because the configured "
              "one is invalid ({count} problems):\n{problems}\nCheck it with `schutzlotse knowledge check`.",
    },
}


def text(name: str, lang: str, **fields: object) -> str:
    return TEXTS[name].get(lang, TEXTS[name]["de"]).format(**fields)


@dataclass
class _Pending:
    admin: ConversationKey
    message: OutboundMessage


class AdminAlerts:
    def __init__(self, engine: Engine, admins: list[str], lang: str = "de"):
        self.engine = engine
        self.lang = lang
        self.admins: list[ConversationKey] = []
        for entry in admins:
            try:
                self.admins.append(ConversationKey.parse(entry))
            except ValueError:
                log.warning("SCHUTZLOTSE_ADMINS has an entry that is not channel:chat:user")
        self.pending: list[_Pending] = []
        self.sent = 0

    async def send(self, body: str, *, avoid_channel: str | None = None) -> int:
        """Send to every admin not on `avoid_channel`; returns how many got it now."""
        targets = [a for a in self.admins if a.channel != avoid_channel]
        if not targets:
            log.warning("an admin alert has nobody to go to (SCHUTZLOTSE_ADMINS on another channel?)")
        message = OutboundMessage(body)  # operational, not an emergency: no 110 banner
        results = await asyncio.gather(*(self._try(a, message) for a in targets))
        for admin, ok in zip(targets, results):
            if not ok and len(self.pending) < MAX_PENDING:
                self.pending.append(_Pending(admin, message))
        return sum(results)

    async def retry(self) -> None:
        """Try the kept messages again (a channel came back)."""
        waiting, self.pending = self.pending, []
        for item in waiting:
            if not await self._try(item.admin, item.message):
                self.pending.append(item)

    async def _try(self, admin: ConversationKey, message: OutboundMessage) -> bool:
        try:
            await asyncio.wait_for(self.engine.deliver(admin, [message]), SEND_TIMEOUT)
        except Exception as exc:  # noqa: BLE001 - a channel that is down must not stop the others
            log.info("admin alert via %s not delivered now (%s)", admin.channel, type(exc).__name__)
            return False
        self.sent += 1
        return True
