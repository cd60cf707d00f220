"""The durable Telegram inbox: updates are stored encrypted before Telegram learns they arrived,
handled from the table, and forgotten once handled. Delivery guarantees: docs/telegram.md."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from typing import Any

from bot.incidents.crypto import Cipher, DataKey, DecryptionError
from bot.store import Database

log = logging.getLogger(__name__)
PURPOSE = "telegram-inbox"  # the data key's sub-key for inbox rows
TOMBSTONE_SECONDS = 24 * 3600.0  # webhook mode: how long a handled id still blocks a redelivery


def _context(update_id: int) -> bytes:
    # bound as associated data: a row's ciphertext does not open under another update_id
    return f"telegram-inbox|{update_id}".encode()


class TelegramInbox:
    """Rows of `telegram_inbox` (migration 0004): put (one transaction per batch), pending, done."""

    def __init__(self, db: Database, cipher: Cipher) -> None:
        self._db = db
        self._cipher = cipher
        self._done: set[int] = set()
        self._flush: asyncio.Task[None] | None = None
        self.confirmed = 0  # Telegram never delivers an id below this again (polling offset)
        self._marked_max = -1  # highest handled id that may still be in the table (-1: none)

    @classmethod
    def for_key(cls, db: Database, key: DataKey) -> TelegramInbox:
        return cls(db, key.cipher_for(PURPOSE))

    async def put(self, updates: Sequence[tuple[int, bytes]]) -> list[int]:
        """Store (update_id, JSON) pairs in one transaction; returns the ids not seen before."""
        now = time.time()
        rows = [(uid, now, self._cipher.encode(data, _context(uid))) for uid, data in updates]
        new: list[int] = []
        async with self._db.transaction() as conn:
            for row in rows:
                cursor = await conn.execute(
                    "INSERT OR IGNORE INTO telegram_inbox (update_id, received_at, payload) VALUES (?, ?, ?)",
                    row,
                )
                if cursor.rowcount == 1:
                    new.append(row[0])
            await self._prune(conn, now)
        return new

    async def confirm(self, offset: int) -> None:
        """Telegram accepted `offset`: handled ids below it need not be remembered any more."""
        self.confirmed = max(self.confirmed, offset)
        if 0 <= self._marked_max:
            async with self._db.transaction() as conn:
                await self._prune(conn, time.time())

    async def pending(self) -> list[tuple[int, bytes]]:
        """Stored but not yet handled updates (left by a crash), oldest first."""
        rows = await self._db.fetchall("SELECT update_id, payload FROM telegram_inbox ORDER BY update_id")
        found = []
        for uid, payload in rows:
            if payload is None:  # handled before the restart; remembered against a redelivery
                self._marked_max = max(self._marked_max, int(uid))
                continue
            try:
                found.append((int(uid), self._cipher.decode(bytes(payload), _context(int(uid)))))
            except DecryptionError:  # damaged: handling it again is impossible, keep the rest going
                log.error("telegram inbox: update %d cannot be decrypted; dropped", uid)
                self.done(int(uid))
        return found

    def done(self, update_id: int) -> None:
        """The update was handled: its content is removed (group-committed in the background)."""
        self._done.add(update_id)
        if self._flush is None or self._flush.done():
            self._flush = asyncio.create_task(self._write_done())

    async def close(self) -> None:
        """Write the outstanding done marks (at shutdown)."""
        while self._flush is not None and not self._flush.done():
            await asyncio.shield(self._flush)

    async def count(self) -> dict[str, int]:
        """Rows waiting to be handled and handled ids still remembered (for tests and status)."""
        row = await self._db.fetchone(
            "SELECT COUNT(payload), COUNT(*) - COUNT(payload) FROM telegram_inbox"
        )
        assert row is not None
        return {"pending": int(row[0]), "handled": int(row[1])}

    async def _write_done(self) -> None:
        while self._done:
            ids = sorted(self._done)
            self._done.clear()
            try:
                async with self._db.transaction() as conn:
                    await conn.executemany(
                        "UPDATE telegram_inbox SET payload = NULL WHERE update_id = ?", [(i,) for i in ids]
                    )
                    await self._prune(conn, time.time())
                self._marked_max = max(self._marked_max, ids[-1])
            except Exception as exc:  # the rows stay: at worst they are handled once more
                log.error("telegram inbox: could not mark %d updates handled (%s)", len(ids), type(exc).__name__)
                return

    async def _prune(self, conn: Any, now: float) -> None:
        # a handled id is needed only while Telegram might still deliver it again
        await conn.execute(
            "DELETE FROM telegram_inbox WHERE payload IS NULL AND (update_id < ? OR received_at < ?)",
            (self.confirmed, now - TOMBSTONE_SECONDS),
        )
        if self._marked_max < self.confirmed:
            self._marked_max = -1  # (webhook ids wait for their day: pruned with a later write)
