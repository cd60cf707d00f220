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
from bot.escalation.records import EscalationRecords, audit, ts
from handlers.messages import ConversationKey

log = logging.getLogger(__name__)
SWEEP_EVERY_SECONDS = 3600.0
ENDED = ("closed", "exhausted")
ERASE = "subject = NULL, personal = NULL, outcome_sealed = NULL, erased_at = ?"


class EscalationPrivacy:
    def __init__(self, records: EscalationRecords, clock: Clock, retention_days: float):
        self.records = records
        self.db = records.db
        self.clock = clock
        self.retention = dt.timedelta(days=retention_days)

    async def seal_legacy(self) -> int:
        """Seal what migration 0007 set aside from plaintext columns, then drop the plaintext."""
        rows = await self.db.fetchall(
            "SELECT u.id, e.ref, u.user_key, u.place_id, u.place_name, u.lat, u.lon, u.phone, u.outcome "
            "FROM escalation_upgrade u JOIN escalations e ON e.id = u.id")
        if not rows:
            return 0
        async with self.db.transaction() as conn:
            for esc_id, ref, user_key, place_id, place_name, lat, lon, phone, outcome in rows:
                fields = {"user_key": user_key, "place_id": place_id, "place_name": place_name,
                          "lat": lat, "lon": lon, "phone": phone}
                await conn.execute(
                    "UPDATE escalations SET subject = ?, personal = ?, outcome_sealed = ? WHERE id = ?",
                    (self.records.subject(user_key) if user_key else None,
                     self.records.seal_personal(ref, fields),
                     self.records.seal_outcome(ref, outcome) if outcome else None, esc_id))
            await conn.execute("DELETE FROM escalation_upgrade")  # secure_delete overwrites the pages
        # The plaintext may still sit in WAL frames: copy them into the file and truncate the WAL.
        await self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        log.info("sealed %d escalation(s) written before encryption", len(rows))
        return len(rows)

    # --- retention -------------------------------------------------------------------

    async def erase_expired(self) -> int:
        """Erase the personal fields of ended escalations older than the retention time."""
        now = self.clock.now()
        rows = await self.db.fetchall(
            "SELECT id FROM escalations WHERE erased_at IS NULL AND state IN (?, ?) "
            "AND coalesce(closed_at, created_at) < ?", (*ENDED, ts(now - self.retention)))
        ids = [r[0] for r in rows]
        if not ids:
            return 0
        async with self.db.transaction() as conn:
            for esc_id in ids:
                await conn.execute(f"UPDATE escalations SET {ERASE} WHERE id = ?", (ts(now), esc_id))
                await conn.execute("DELETE FROM escalation_closing WHERE escalation_id = ?", (esc_id,))
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
        rows = await self.db.fetchall(
            "SELECT id FROM escalations WHERE subject = ? ORDER BY created_at, id",
            (self.records.subject(str(key)),))
        return [r[0] for r in rows]

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
                await conn.execute(
                    "UPDATE escalations SET state = 'closed', closed_at = ?, due_at = NULL "
                    "WHERE id = ? AND state = 'open'", (ts(now), esc_id))
                await conn.execute(f"UPDATE escalations SET {ERASE} WHERE id = ?", (ts(now), esc_id))
                await conn.execute("DELETE FROM escalation_closing WHERE escalation_id = ?", (esc_id,))
            await audit(conn, None, now, "user_erased")
        log.info("erased a user's escalation data on request")

