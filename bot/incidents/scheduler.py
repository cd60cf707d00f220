"""Background work on incident records, driven by the injectable clock: complaint
deadline reminders, retention warnings and deletion, and stale draft evidence.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field

from bot.config import Settings
from bot.engine import Engine
from bot.incidents.records import IncidentStore
from handlers.incident.dates import BERLIN, When
from handlers.messages import OutboundMessage

log = logging.getLogger(__name__)
DRAFT_MAX_AGE = dt.timedelta(days=1)
RETENTION_NOTICE = dt.timedelta(days=14)


@dataclass
class IncidentScheduler:
    engine: Engine
    store: IncidentStore
    settings: Settings
    _lock: asyncio.Lock = field(default_factory=asyncio.Lock)

    def _say(self, name: str, lang: str, **fields: object) -> str:
        return getattr(self.engine.knowledge.current.incident, name).get(lang).format(**fields)

    async def tick(self) -> None:
        """One round; a message that cannot be delivered now is tried again next round."""
        async with self._lock:  # a reminder must never go out twice
            await self._round()

    async def _round(self) -> None:
        now = self.engine.clock.now()
        for reminder in await self.store.due_reminders(now):
            lang = reminder.payload.get("lang", "de")
            deadline = When(dt.date.fromisoformat(reminder.payload["deadline"])).label(lang)
            text = self._say("reminder_message", lang, ref=reminder.payload["ref"], deadline=deadline)
            if await self._deliver(reminder.target, text):
                await self.store.mark_sent(reminder, now)
                log.info("deadline reminder %d sent", reminder.id)
        retention = dt.timedelta(days=self.settings.retention_days)
        for incident_id, ref, target, lang in await self.store.unwarned_before(now - retention + RETENTION_NOTICE):
            row = await self.store.db.fetchone("SELECT updated_at FROM incidents WHERE id = ?", (incident_id,))
            when = dt.datetime.fromtimestamp(row[0], dt.timezone.utc) + retention
            text = self._say("retention_warning", lang, ref=ref, date=When(when.astimezone(BERLIN).date()).label(lang))
            if await self._deliver(target, text):
                await self.store.mark_warned(incident_id, now)
        expired = await self.store.expired(now - retention)
        if expired:
            await self.store.delete_incidents(expired, now, event="retention_deleted")
            log.info("deleted %d record(s) after the retention time", len(expired))
        await self.store.purge_stale_drafts(now - DRAFT_MAX_AGE)

    async def _deliver(self, target, text: str) -> bool:
        try:
            await self.engine.deliver(target, [OutboundMessage(text)])
        except LookupError:
            log.warning("channel %s not running; will retry", target.channel)
            return False
        except Exception:
            log.exception("delivery on %s failed; will retry", target.channel)
            return False
        return True

    async def run(self, every_seconds: float = 60.0) -> None:
        while True:
            try:
                await self.tick()
            except Exception:
                log.exception("incident scheduler round failed")
            await self.engine.clock.sleep(every_seconds)
