"""Stores conversation state, committing the writes of concurrent turns together.

A turn's `save` returns only after its state is durably committed; writes that arrive
while a commit is running are collected and committed in the next one (group commit),
which keeps one fsync per batch instead of one per turn. What else a turn writes (its
actions for the outbox, the done marks of its inbox event and of the action it answers)
rides in the same transaction as its state (`TurnWrite`): all of it, or none.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from dataclasses import dataclass, field
from typing import Callable, Protocol

from bot.pseudonym import looks_pseudonymous
from bot.store import Database
from handlers.messages import ConversationKey
from handlers.state import ConversationState

log = logging.getLogger(__name__)
LATER_SECONDS = 0.2  # a done mark without a turn waits this long for a commit to ride along


@dataclass
class TurnWrite:
    """Rows committed together with a turn's state (or on their own, see `write`)."""

    outbox_new: list[tuple[str, bytes, float, float]] = field(default_factory=list)  # id, payload, created, next_at
    outbox_done: list[tuple[str, float, bytes | None]] = field(default_factory=list)  # id, done_at, result
    outbox_gone: list[str] = field(default_factory=list)  # done and delivered: the row goes
    outbox_retry: list[tuple[str, float]] = field(default_factory=list)  # id, next_at (attempts + 1)
    inbox_done: list[tuple[str, str]] = field(default_factory=list)  # channel, event id
    inbox_forget: list[tuple[str, int]] = field(default_factory=list)  # channel, handled numeric ids below

    def merge(self, other: TurnWrite) -> None:
        for name in self.__dataclass_fields__:
            getattr(self, name).extend(getattr(other, name))

    def __bool__(self) -> bool:
        return any(getattr(self, name) for name in self.__dataclass_fields__)


class Codec(Protocol):
    """Turns state bytes into stored bytes and back (e.g. AES-GCM encryption)."""

    def encode(self, data: bytes, context: bytes) -> bytes: ...

    def decode(self, data: bytes, context: bytes) -> bytes: ...


class PlainCodec:
    def encode(self, data: bytes, context: bytes) -> bytes:
        return data

    def decode(self, data: bytes, context: bytes) -> bytes:
        return data


class ConversationStore:
    """The `conversations` table: one row per live conversation, written by group commit.

    Promises: `load` sees every write whose `save` was called, committed or not (read your
    writes); `save`/`delete`/`write` return only once their rows are durably committed."""

    def __init__(self, db: Database, codec: Codec | None = None, pseudonym: Callable[[str], str] | None = None):
        self._db = db
        self.codec: Codec = codec or PlainCodec()
        # Rows are found by a keyed pseudonym of the conversation key, never by the key itself.
        self._pseudonym = pseudonym
        self._pending: dict[str, tuple[bytes | None, float]] = {}
        self._extra = TurnWrite()
        self._later = TurnWrite()
        self._later_timer: asyncio.TimerHandle | None = None
        self._waiters: list[asyncio.Future[None]] = []
        self._flusher: asyncio.Task[None] | None = None

    @property
    def db(self) -> Database:
        return self._db

    def row_name(self, key: ConversationKey) -> str:
        """The stored name of a conversation: its keyed pseudonym (plain only without a key)."""
        return self._pseudonym(str(key)) if self._pseudonym else str(key)

    async def pseudonymize_existing(self) -> int:
        """Rows an older version stored under the plain key get their pseudonym (once)."""
        if self._pseudonym is None:
            return 0
        rows = await self._db.fetchall("SELECT conv_key, state, updated_at FROM conversations")
        plain = [(name, blob, ts) for name, blob, ts in rows if not looks_pseudonymous(name)]
        async with self._db.transaction() as conn:
            for name, blob, ts in plain:
                new = self._pseudonym(name)
                sealed = blob
                if blob:
                    raw = self._codec.decode(bytes(blob), name.encode())
                    sealed = self._codec.encode(raw, new.encode())
                await conn.execute(
                    "INSERT OR REPLACE INTO conversations (conv_key, state, updated_at) VALUES (?, ?, ?)",
                    (new, sealed, ts),
                )
                await conn.execute("DELETE FROM conversations WHERE conv_key = ?", (name,))
        return len(plain)

    @property
    def _codec(self) -> Codec:
        return self.codec

    async def load(self, key: ConversationKey) -> tuple[ConversationState | None, dt.datetime] | None:
        """The state and when it was saved; state None means it was purged as idle."""
        name = self.row_name(key)
        if name in self._pending:  # a write not yet committed is the newest truth
            blob, ts = self._pending[name]
        else:
            row = await self._db.fetchone(
                "SELECT state, updated_at FROM conversations WHERE conv_key = ?", (name,)
            )
            if row is None:
                return None
            blob, ts = row[0], row[1]
        if blob is None:
            return None
        if not blob:
            return None, dt.datetime.fromtimestamp(ts, dt.timezone.utc)
        raw = self._codec.decode(bytes(blob), name.encode())
        state = ConversationState.from_json(raw.decode("utf-8"))
        return state, dt.datetime.fromtimestamp(ts, dt.timezone.utc)

    async def save(
        self, key: ConversationKey, state: ConversationState, now: dt.datetime, extra: TurnWrite | None = None
    ) -> None:
        name = self.row_name(key)
        blob = self._codec.encode(state.to_json().encode("utf-8"), name.encode())
        await self._enqueue(name, blob, now.timestamp(), extra)

    async def delete(self, key: ConversationKey, extra: TurnWrite | None = None) -> None:
        await self._enqueue(self.row_name(key), None, 0.0, extra)

    async def write(self, extra: TurnWrite) -> None:
        """Commit rows without a state change (in the next group commit)."""
        await self._enqueue(None, None, 0.0, extra)

    def later(self, **rows: list) -> None:  # type: ignore[type-arg]
        """Rows that need not wait: they ride along with the next commit, which comes within
        LATER_SECONDS (a crash before it loses them: only marks whose loss repeats work)."""
        for name, values in rows.items():
            getattr(self._later, name).extend(values)
        if self._later_timer is None:
            loop = asyncio.get_running_loop()
            self._later_timer = loop.call_later(LATER_SECONDS, self._flush_later_soon)

    def _flush_later_soon(self) -> None:
        self._later_timer = None
        if self._later and (self._flusher is None or self._flusher.done()):
            self._flusher = asyncio.get_running_loop().create_task(self._flush())

    async def flush_later(self) -> None:
        """Commit what waits to ride along now (shutdown, tests). A commit already under way
        is waited for first: it may hold the marks, and the database must not close under it
        (they were lost so, and a restart answered a message twice)."""
        if self._later_timer is not None:
            self._later_timer.cancel()
            self._later_timer = None
        if self._flusher is not None and not self._flusher.done():
            await asyncio.wait({self._flusher})
        if self._later:
            await self.write(TurnWrite())

    async def purge_expired(self, older_than: dt.datetime, forget_after: dt.timedelta) -> int:
        """Erase the content of states idle since before `older_than` (data minimisation).

        An empty row stays behind for `forget_after`, only so that a returning user can be
        told that their old conversation was deleted; then the row goes too.
        """
        async with self._db.transaction() as conn:
            cur = await conn.execute(
                "UPDATE conversations SET state = x'' WHERE updated_at < ? AND length(state) > 0",
                (older_than.timestamp(),),
            )
            await conn.execute(
                "DELETE FROM conversations WHERE updated_at < ?",
                ((older_than - forget_after).timestamp(),),
            )
            return cur.rowcount

    async def _enqueue(self, name: str | None, blob: bytes | None, ts: float, extra: TurnWrite | None) -> None:
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        if name is not None:
            self._pending[name] = (blob, ts)
        if extra:
            self._extra.merge(extra)
        self._waiters.append(waiter)
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush())
        await waiter

    async def _flush(self) -> None:
        while self._pending or self._waiters or self._later:
            batch, self._pending = self._pending, {}
            waiters, self._waiters = self._waiters, []
            extra, self._extra = self._extra, TurnWrite()
            later, self._later = self._later, TurnWrite()
            extra.merge(later)
            try:
                upserts = [(k, b, ts) for k, (b, ts) in batch.items() if b is not None]
                deletes = [(k,) for k, (b, _) in batch.items() if b is None]
                async with self._db.transaction() as conn:
                    if upserts:
                        await conn.executemany(
                            "INSERT INTO conversations (conv_key, state, updated_at) VALUES (?, ?, ?) "
                            "ON CONFLICT(conv_key) DO UPDATE SET state = excluded.state, "
                            "updated_at = excluded.updated_at",
                            upserts,
                        )
                    if deletes:
                        await conn.executemany("DELETE FROM conversations WHERE conv_key = ?", deletes)
                    if extra:
                        await _write_extra(conn, extra)
            except Exception as exc:  # every waiting turn learns its write failed
                self._later.merge(later)  # marks without a waiter go with the next commit
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_exception(exc)
                if not waiters:
                    log.error("committing done marks failed (%s); they go with the next commit", type(exc).__name__)
                    return
                continue
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)


async def _write_extra(conn, extra: TurnWrite) -> None:  # type: ignore[no-untyped-def]
    if extra.outbox_new:
        await conn.executemany(
            "INSERT INTO outbox (id, payload, created_at, next_at) VALUES (?, ?, ?, ?)", extra.outbox_new)
    if extra.outbox_done:
        await conn.executemany(
            "UPDATE outbox SET done_at = ?, result = ? WHERE id = ?",
            [(done_at, result, action_id) for action_id, done_at, result in extra.outbox_done])
    if extra.outbox_retry:
        await conn.executemany(
            "UPDATE outbox SET attempts = attempts + 1, next_at = ? WHERE id = ? AND done_at IS NULL",
            [(next_at, action_id) for action_id, next_at in extra.outbox_retry])
    if extra.outbox_gone:
        await conn.executemany("DELETE FROM outbox WHERE id = ?", [(i,) for i in extra.outbox_gone])
    if extra.inbox_done:
        await conn.executemany(
            "UPDATE inbox SET payload = NULL WHERE channel = ? AND event_id = ?", extra.inbox_done)
    if extra.inbox_forget:
        await conn.executemany(
            "DELETE FROM inbox WHERE channel = ? AND payload IS NULL AND CAST(event_id AS INTEGER) < ?",
            extra.inbox_forget)
