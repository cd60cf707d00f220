"""The engine's durable inbox, shared by every channel: at-least-once inbound.

A channel stores each raw event (sealed) with its own event id before it acknowledges it
to the platform (Telegram's offset or webhook 200, Matrix's sync token, a console line);
the pair (channel, event id) is unique, so a redelivery is ignored. The engine marks an
event handled in the same transaction as the turn it caused (`Receipt`, see
`Engine.handle`); events that end without a turn are marked with the next commit. What a
crash leaves unhandled, `pending` returns at the next start, oldest first.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable, Hashable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from bot.crypto import DecryptionError

if TYPE_CHECKING:
    from bot.conversations import Codec, ConversationStore

log = logging.getLogger(__name__)
TOMBSTONE_SECONDS = 24 * 3600.0  # how long a handled id still blocks a redelivery
PRUNE_EVERY_SECONDS = 600.0


@dataclass(eq=False)
class Receipt:
    """One stored inbound event; `settled` once its done mark is committed or queued."""

    channel: str
    event_id: str
    settled: bool = field(default=False)

    @property
    def row(self) -> tuple[str, str]:
        return (self.channel, self.event_id)


def _context(channel: str, event_id: str) -> bytes:
    # bound as associated data: a row's ciphertext does not open under another id
    return f"{channel}-inbox|{event_id}".encode()


class Inbox:
    """Rows of `inbox` (migration 0008): put (one transaction per batch), pending, done.

    `ciphers(channel)` gives the codec of a channel's rows (the data key's sub-key
    "<channel>-inbox", so Telegram's rows from migration 0004 open unchanged)."""

    def __init__(self, store: ConversationStore, ciphers: Callable[[str], Codec]) -> None:
        self._store = store
        self._db = store.db
        self._ciphers = ciphers
        self._codecs: dict[str, Codec] = {}
        self._pruned_at = 0.0

    def _codec(self, channel: str) -> Codec:
        if channel not in self._codecs:
            self._codecs[channel] = self._ciphers(channel)
        return self._codecs[channel]

    async def put(self, channel: str, events: Sequence[tuple[str, bytes]]) -> list[Receipt]:
        """Store (event id, raw bytes) pairs durably in one transaction; returns receipts of
        the events not seen before, in the given order (a redelivered id is left out)."""
        if not events:
            return []
        now = time.time()
        codec = self._codec(channel)
        values: list[Any] = []
        for event_id, data in events:
            values += [channel, event_id, now, codec.encode(data, _context(channel, event_id))]
        async with self._db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "INSERT OR IGNORE INTO inbox (channel, event_id, received_at, payload) VALUES "
                + ", ".join(["(?, ?, ?, ?)"] * len(events))
                + " RETURNING event_id",
                values,
            )
            await self._prune(conn, now)
        new = {str(r[0]) for r in rows}
        return [Receipt(channel, event_id) for event_id, _ in events if event_id in new]

    async def pending(self, channel: str) -> list[tuple[Receipt, bytes]]:
        """Stored but unhandled events of a channel (left by a crash), oldest first."""
        rows = await self._db.fetchall(
            "SELECT event_id, payload FROM inbox WHERE channel = ? AND payload IS NOT NULL ORDER BY seq",
            (channel,),
        )
        codec, found = self._codec(channel), []
        for event_id, payload in rows:
            receipt = Receipt(channel, str(event_id))
            try:
                found.append((receipt, codec.decode(bytes(payload), _context(channel, receipt.event_id))))
            except DecryptionError:  # damaged: handling it again is impossible, keep the rest going
                log.error("inbox: a %s event cannot be decrypted; dropped", channel)
                self.done(receipt)
        return found

    def done(self, receipt: Receipt) -> None:
        """The event was handled without a turn of its own (or the turn failed): its content
        goes with the next commit (a crash before that handles it once more)."""
        if not receipt.settled:
            receipt.settled = True
            self._store.later(inbox_done=[receipt.row])

    def forget_below(self, channel: str, below: int) -> None:
        """Handled numeric ids under `below` never come again (Telegram's confirmed offset):
        their rows go with the next commit."""
        self._store.later(inbox_forget=[(channel, below)])

    async def flush(self) -> None:
        """Commit outstanding done marks now (shutdown, tests)."""
        await self._store.flush_later()

    async def count(self, channel: str | None = None) -> dict[str, int]:
        """Rows waiting to be handled and handled ids still remembered (tests and status)."""
        where, params = ("WHERE channel = ?", (channel,)) if channel else ("", ())
        row = await self._db.fetchone(f"SELECT COUNT(payload), COUNT(*) - COUNT(payload) FROM inbox {where}", params)
        assert row is not None
        return {"pending": int(row[0]), "handled": int(row[1])}

    async def _prune(self, conn: Any, now: float) -> None:
        # a handled id is needed only while the platform might still deliver it again
        if now - self._pruned_at < PRUNE_EVERY_SECONDS:
            return
        await conn.execute(
            "DELETE FROM inbox WHERE payload IS NULL AND received_at < ?", (now - TOMBSTONE_SECONDS,)
        )
        self._pruned_at = now


class KeyedOrder:
    """Runs work for one key strictly in submission order, different keys concurrently;
    a key's entry disappears when its last work is done (bounded by the work in flight)."""

    def __init__(self, name: str = "inbox") -> None:
        self._name = name
        self._tails: dict[Hashable, asyncio.Task[None]] = {}
        self.tasks: set[asyncio.Task[None]] = set()

    def submit(self, key: Hashable, work: Callable[[], Awaitable[None]]) -> asyncio.Task[None]:
        previous = self._tails.get(key)

        async def run() -> None:
            if previous is not None:
                await asyncio.wait([previous])  # its outcome is its own business
            try:
                await work()
            except Exception:
                log.exception("%s: handling an event failed", self._name)

        task = asyncio.create_task(run())
        self._tails[key] = task
        self.tasks.add(task)
        task.add_done_callback(lambda t: self._done(key, t))
        return task

    def _done(self, key: Hashable, task: asyncio.Task[None]) -> None:
        self.tasks.discard(task)
        if self._tails.get(key) is task:
            del self._tails[key]

    def __len__(self) -> int:
        return len(self._tails)

    async def drain(self, timeout: float) -> None:
        pending = [t for t in self.tasks if not t.done()]
        if pending:
            _, late = await asyncio.wait(pending, timeout=timeout)
            for task in late:
                task.cancel()
            await asyncio.gather(*late, return_exceptions=True)

    async def cancel_all(self) -> None:
        for task in list(self.tasks):
            task.cancel()
        await asyncio.gather(*self.tasks, return_exceptions=True)
