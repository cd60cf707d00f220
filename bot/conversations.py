"""Stores conversation state, committing the writes of concurrent turns together.

A turn's `save` returns only after its state is durably committed; writes that arrive
while a commit is running are collected and committed in the next one (group commit),
which keeps one fsync per batch instead of one per turn.
"""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Protocol

from bot.store import Database
from handlers.messages import ConversationKey
from handlers.state import ConversationState


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
    def __init__(self, db: Database, codec: Codec | None = None):
        self._db = db
        self._codec = codec or PlainCodec()
        self._pending: dict[str, tuple[bytes | None, float]] = {}
        self._waiters: list[asyncio.Future[None]] = []
        self._flusher: asyncio.Task[None] | None = None

    async def load(self, key: ConversationKey) -> tuple[ConversationState | None, dt.datetime] | None:
        """The state and when it was saved; state None means it was purged as idle."""
        name = str(key)
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

    async def save(self, key: ConversationKey, state: ConversationState, now: dt.datetime) -> None:
        name = str(key)
        blob = self._codec.encode(state.to_json().encode("utf-8"), name.encode())
        await self._enqueue(name, blob, now.timestamp())

    async def delete(self, key: ConversationKey) -> None:
        await self._enqueue(str(key), None, 0.0)

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

    async def _enqueue(self, name: str, blob: bytes | None, ts: float) -> None:
        loop = asyncio.get_running_loop()
        waiter = loop.create_future()
        self._pending[name] = (blob, ts)
        self._waiters.append(waiter)
        if self._flusher is None or self._flusher.done():
            self._flusher = loop.create_task(self._flush())
        await waiter

    async def _flush(self) -> None:
        while self._pending:
            batch, self._pending = self._pending, {}
            waiters, self._waiters = self._waiters, []
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
            except Exception as exc:  # every waiting turn learns its write failed
                for waiter in waiters:
                    if not waiter.done():
                        waiter.set_exception(exc)
                continue
            for waiter in waiters:
                if not waiter.done():
                    waiter.set_result(None)

