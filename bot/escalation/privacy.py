"""Personal data in escalations: sealing rows from before encryption, erasure after the
retention time, and the user's rights (/meinedaten export, /loeschen erasure).

Erasure keeps the row (reference, times, category, Polizeidirektion, state) and the
append-only audit, which hold ids and times only; what could identify the user goes.
"""

from __future__ import annotations

import datetime as dt
import logging
from typing import Any

from bot.clock import Clock
from bot.escalation.records import EscalationRecords, audit
from handlers.messages import ConversationKey

log = logging.getLogger(__name__)
SWEEP_EVERY_SECONDS = 3600.0
ENDED = ("closed", "exhausted")


class EscalationPrivacy:
    def __init__(self, records: EscalationRecords, clock: Clock, retention_days: float):
        self.records = records
        self.db = records.db
        self.clock = clock
        self.retention = dt.timedelta(days=retention_days)

    async def seal_legacy(self) -> int:
        """Seal what migration 0007 set aside from plaintext columns, then drop the plaintext."""
        rows = await self.records.legacy_rows()
        if not rows:
            return 0
        sealed = []
        for esc_id, ref, user_key, place_id, place_name, lat, lon, phone, outcome in rows:
            fields = {"user_key": user_key, "place_id": place_id, "place_name": place_name,
                      "lat": lat, "lon": lon, "phone": phone}
            sealed.append((self.records.subject(user_key) if user_key else None,
                           self.records.seal_personal(ref, fields),
                           self.records.seal_outcome(ref, outcome) if outcome else None, esc_id))
        await self.records.store_sealed_legacy(sealed)
        log.info("sealed %d escalation(s) written before encryption", len(rows))
        return len(rows)

    # --- retention -------------------------------------------------------------------

    async def erase_expired(self) -> int:
        """Erase the personal fields of ended escalations older than the retention time."""
        now = self.clock.now()
        ids = await self.records.ended_before(ENDED, now - self.retention)
        if not ids:
            return 0
        async with self.db.transaction() as conn:
            for esc_id in ids:
                await self.records.erase(conn, esc_id, now)
                await audit(conn, esc_id, now, "erased", result="retention")
        log.info("erased the personal data of %d escalation(s) after the retention time", len(ids))
        return len(ids)

    async def run(self) -> None:
        """The periodic sweep, on the injectable clock."""
        while True:
            try:
                await self.erase_expired()
            except Exception:
                log.exception("escalation retention sweep failed")
            await self.clock.sleep(SWEEP_EVERY_SECONDS)

    # --- the user's rights -----------------------------------------------------------

    async def _ids_of(self, key: ConversationKey) -> list[int]:
        return await self.records.ids_of(str(key))

    async def export_user(self, key: ConversationKey, now: dt.datetime) -> dict[str, Any]:
        """The user's escalations for /meinedaten: what they gave and what became of it."""
        found = []
        for esc in await self.records.many(await self._ids_of(key)):
            found.append({
                "reference": esc.ref, "state": esc.state, "category": esc.category,
                "created_at": esc.created_at.isoformat(),
                "taken_at": esc.acked_at.isoformat() if esc.acked_at else None,
                "closed_at": esc.closed_at.isoformat() if esc.closed_at else None,
                "place": esc.place_name, "place_id": esc.place_id, "polizeidirektion": esc.direktion,
                "latitude": esc.lat, "longitude": esc.lon, "callback_number": esc.phone,
                "outcome": esc.outcome,
            })
        found.sort(key=lambda e: e["created_at"])
        return {"escalations": found}

    async def delete_user(self, key: ConversationKey, now: dt.datetime) -> None:
        """Erase the user's escalations; one still running is withdrawn (no further alerts).

        The rows and the audit stay for the record of police work, unlinked from the user:
        one audit row without ids says that a user's data was erased at this time."""
        ids = await self._ids_of(key)
        if not ids:
            return
        async with self.db.transaction() as conn:
            for esc_id in ids:
                await self.records.withdraw(conn, esc_id, now)
                await self.records.erase(conn, esc_id, now)
            await audit(conn, None, now, "user_erased")
        log.info("erased a user's escalation data on request")

