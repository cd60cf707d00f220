"""The durable Telegram inbox: updates are stored encrypted before Telegram learns they arrived,
handled from the table, and forgotten once handled. Delivery guarantees: docs/telegram.md."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any

from bot.crypto import Cipher, DataKey, DecryptionError
from bot.store import Database

log = logging.getLogger(__name__)
PURPOSE = "telegram-inbox"  # the data key's sub-key for inbox rows
TOMBSTONE_SECONDS = 24 * 3600.0  # webhook mode: how long a handled id still blocks a redelivery
FLUSH_DELAY = 0.2  # seconds a done mark may wait to ride along with the next batch's commit


def _context(update_id: int) -> bytes:
    # bound as associated data: a row's ciphertext does not open under another update_id
    return f"telegram-inbox|{update_id}".encode()


class TelegramInbox:
    """Rows of `telegram_inbox` (migration 0004): put (one transaction per batch), pending, done.

    Every commit costs an fsync (synchronous=FULL), so done marks and the pruning of handled
    ids are written in the next batch's transaction when one comes soon."""

    def __init__(self, db: Database, cipher: Cipher) -> None:
        self._db = db
        self._cipher = cipher
        self._done: set[int] = set()
        self._flush: asyncio.Task[None] | None = None
        self.confirmed = 0  # Telegram never delivers an id below this again (polling offset)
        self._marked_min: int | None = None  # bounds of handled ids that may be in the table
        self._marked_max = -1
        self._aged_at = 0.0  # last time handled ids were pruned by age (webhook mode)

    @classmethod
    def for_key(cls, db: Database, key: DataKey) -> TelegramInbox:
        return cls(db, key.cipher_for(PURPOSE))

    async def put(self, updates: Sequence[tuple[int, bytes]]) -> list[int]:
        """Store (update_id, JSON) pairs in one transaction; returns the ids not seen before."""
        if not updates:
            return []
        now = time.time()
        values: list[Any] = []
        for uid, data in updates:
            values += [uid, now, self._cipher.encode(data, _context(uid))]
        handled = self._take_done()
        try:
            async with self._db.transaction() as conn:
                await self._mark(conn, handled)
                rows = await conn.execute_fetchall(
                    "INSERT OR IGNORE INTO telegram_inbox (update_id, received_at, payload) VALUES "
                    + ", ".join(["(?, ?, ?)"] * len(updates))
                    + " RETURNING update_id",
                    values,
                )
                await self._prune(conn, now)
        except BaseException:
            self._done.update(handled)
            raise
        return sorted(int(row[0]) for row in rows)

    async def confirm(self, offset: int) -> None:
        """Telegram accepted `offset`: handled ids below it need not be remembered any more."""
        self.confirmed = max(self.confirmed, offset)
        if self._prune_due(time.time()):
            async with self._db.transaction() as conn:
                await self._prune(conn, time.time())

    async def pending(self) -> list[tuple[int, bytes]]:
        """Stored but not yet handled updates (left by a crash), oldest first."""
        rows = await self._db.fetchall("SELECT update_id, payload FROM telegram_inbox ORDER BY update_id")
        found = []
        for uid, payload in rows:
            if payload is None:  # handled before the restart; remembered against a redelivery
                self._remember_marked(int(uid))
                continue
            try:
                found.append((int(uid), self._cipher.decode(bytes(payload), _context(int(uid)))))
            except DecryptionError:  # damaged: handling it again is impossible, keep the rest going
                log.error("telegram inbox: update %d cannot be decrypted; dropped", uid)
                self.done(int(uid))
        return found

    def done(self, update_id: int) -> None:
        """The update was handled: its content is removed with the next batch's commit, or after
        FLUSH_DELAY at the latest (a crash before that handles it once more)."""
        self._done.add(update_id)
        if self._flush is None or self._flush.done():
            self._flush = asyncio.create_task(self._write_done(FLUSH_DELAY))

    async def close(self) -> None:
        """Write the outstanding done marks now (at shutdown, and for tests)."""
        if self._flush is not None and not self._flush.done():
            self._flush.cancel()
        self._flush = asyncio.create_task(self._write_done(0.0))
        await asyncio.shield(self._flush)

    async def count(self) -> dict[str, int]:
        """Rows waiting to be handled and handled ids still remembered (for tests and status)."""
        row = await self._db.fetchone("SELECT COUNT(payload), COUNT(*) - COUNT(payload) FROM telegram_inbox")
        assert row is not None
        return {"pending": int(row[0]), "handled": int(row[1])}

    def _take_done(self) -> list[int]:
        ids = sorted(self._done)
        self._done.clear()
        return ids

    async def _write_done(self, delay: float) -> None:
        await asyncio.sleep(delay)
        ids = self._take_done()
        if not ids:
            return
        try:
            async with self._db.transaction() as conn:
                await self._mark(conn, ids)
                await self._prune(conn, time.time())
        except Exception as exc:  # the rows stay: at worst they are handled once more
            log.error("telegram inbox: could not mark %d updates handled (%s)", len(ids), type(exc).__name__)

    async def _mark(self, conn: Any, ids: list[int]) -> None:
        if ids:
            marks = ", ".join("?" * len(ids))
            await conn.execute(f"UPDATE telegram_inbox SET payload = NULL WHERE update_id IN ({marks})", ids)
            self._remember_marked(ids[0])
            self._remember_marked(ids[-1])

    def _remember_marked(self, update_id: int) -> None:
        self._marked_min = update_id if self._marked_min is None else min(self._marked_min, update_id)
        self._marked_max = max(self._marked_max, update_id)

    def _prune_due(self, now: float) -> bool:
        below = self._marked_min is not None and self._marked_min < self.confirmed
        return below or (self._marked_min is not None and now - self._aged_at > 3600)

    async def _prune(self, conn: Any, now: float) -> None:
        # a handled id is needed only while Telegram might still deliver it again
        if not self._prune_due(now):
            return
        await conn.execute(
            "DELETE FROM telegram_inbox WHERE payload IS NULL AND (update_id < ? OR received_at < ?)",
            (self.confirmed, now - TOMBSTONE_SECONDS),
        )
        self._aged_at = now
        # what is left is at or above the confirmed offset (or young webhook ids)
        if self.confirmed > self._marked_max:
            self._marked_min, self._marked_max = None, -1
        elif self._marked_min is not None:
            self._marked_min = max(self._marked_min, self.confirmed)
