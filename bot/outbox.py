"""The engine's transactional outbox: a turn's actions are rows written with its state.

Each action gets an id when its turn commits. The id is the idempotency key of the effect
(`action_id()` inside a handler: an escalation or a record carries it under a UNIQUE
constraint, so running the action again finds what the first run made). A row is open
until the action's outcome is committed together with the follow-up turn's state; a done
row keeps its outcome's messages (sealed) until they are known handed to the channel,
then it goes. Open rows are retried with backoff and replayed at start (bot/engine.py).
"""

from __future__ import annotations

import contextvars
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

import aiosqlite

from bot.conversations import Codec, TurnWrite
from bot.store import Database
from handlers.messages import ConversationKey, OutboundMessage
from handlers.state import Action, action_from_json, action_to_json, messages_from_json, messages_to_json

log = logging.getLogger(__name__)
BACKOFF_FIRST = 0.5  # seconds before the first retry; doubles per attempt
BACKOFF_MAX = 300.0
_CURRENT: contextvars.ContextVar[str | None] = contextvars.ContextVar("outbox_action_id", default=None)


def action_id() -> str | None:
    """The id of the action being carried out (None outside an outbox run)."""
    return _CURRENT.get()


def backoff(attempts: int) -> float:
    return min(BACKOFF_FIRST * 2 ** max(attempts, 0), BACKOFF_MAX)


@dataclass(frozen=True, kw_only=True)
class HandOver(Action, action_name="outbox.HandOver"):
    """Not an effect: the row of a turn's answer, kept until the channel has taken it."""


@dataclass(eq=False)
class Row:
    """One outbox row as the engine tracks it: open (`result` None) or done with messages
    still to hand over."""

    id: str
    action: Action
    next_at: float
    attempts: int = 0
    result: list[OutboundMessage] | None = None
    closed: bool = False  # done and delivered, or taken over by a turn

    @property
    def key(self) -> ConversationKey:
        return self.action.key


class Outbox:
    """Seals, stores and tracks the rows; `open_for(key)` are the rows a conversation's next
    turn must finish first. Writing happens in the turn's own commit (`TurnWrite`)."""

    def __init__(self, db: Database, codec: Codec) -> None:
        self._db = db
        self._codec = codec
        self._rows: dict[str, list[Row]] = {}  # conversation key -> its rows, oldest first

    # --- sealing ---------------------------------------------------------------------

    def _seal(self, row_id: str, raw: str, part: str) -> bytes:
        return self._codec.encode(raw.encode("utf-8"), f"outbox|{row_id}|{part}".encode())

    def _open(self, row_id: str, blob: bytes, part: str) -> str:
        return self._codec.decode(bytes(blob), f"outbox|{row_id}|{part}".encode()).decode("utf-8")

    def seal_result(self, row_id: str, messages: list[OutboundMessage]) -> bytes:
        return self._seal(row_id, messages_to_json(messages), "result")

    # --- new rows --------------------------------------------------------------------

    def new(self, actions: Iterable[Action], now: float, write: TurnWrite) -> list[Row]:
        """Rows for these actions, added to `write` (committed with the turn's state)."""
        rows = []
        for action in actions:
            row = Row(secrets.token_hex(16), action, now)
            write.outbox_new.append((row.id, self._seal(row.id, action_to_json(action), "action"), now, now))
            rows.append(row)
        return rows

    def answer(self, key: ConversationKey, messages: list[OutboundMessage], now: float, write: TurnWrite) -> Row:
        """A done row holding a turn's answer until the channel took it (a crash in between
        hands it over at the next start)."""
        [row] = self.new([HandOver(key=key)], now, write)
        row.result = list(messages)
        write.outbox_done.append((row.id, now, self.seal_result(row.id, row.result)))
        return row

    async def insert(self, conn: aiosqlite.Connection, actions: Iterable[Action], now: float) -> list[Row]:
        """Rows written inside another feature's transaction (e.g. notices with an ack);
        hand them to `Engine.accept` after that transaction committed."""
        write = TurnWrite()
        rows = self.new(actions, now, write)
        if write.outbox_new:
            await conn.executemany(
                "INSERT INTO outbox (id, payload, created_at, next_at) VALUES (?, ?, ?, ?)", write.outbox_new)
        return rows

    # --- tracking --------------------------------------------------------------------

    def track(self, rows: Iterable[Row]) -> None:
        for row in rows:
            self._rows.setdefault(str(row.key), []).append(row)

    def open_for(self, key: ConversationKey) -> list[Row]:
        return [r for r in self._rows.get(str(key), []) if not r.closed]

    def close(self, rows: Iterable[Row]) -> None:
        for row in rows:
            row.closed = True
            name = str(row.key)
            left = [r for r in self._rows.get(name, []) if not r.closed]
            if left:
                self._rows[name] = left
            else:
                self._rows.pop(name, None)

    def due(self, now: float) -> dict[str, list[Row]]:
        """Conversations with a row due now (all their rows, oldest first)."""
        return {name: [r for r in rows if not r.closed] for name, rows in self._rows.items()
                if any(not r.closed and r.next_at <= now for r in rows)}

    def next_at(self, channels: Iterable[str]) -> float | None:
        """The earliest retry among conversations on these (running) channels."""
        running = set(channels)
        times = [r.next_at for rows in self._rows.values() for r in rows
                 if not r.closed and r.key.channel in running]
        return min(times) if times else None

    def __len__(self) -> int:
        return sum(len(rows) for rows in self._rows.values())

    async def load(self) -> int:
        """Track every row left by an earlier run (open, or done with undelivered messages)."""
        rows = await self._db.fetchall(
            "SELECT id, payload, attempts, result FROM outbox ORDER BY seq")
        loaded = []
        for row_id, payload, attempts, result in rows:
            try:
                action = action_from_json(self._open(row_id, payload, "action"))
                messages = messages_from_json(self._open(row_id, result, "result")) if result else None
            except Exception as exc:  # a damaged or unknown row must not stop the start
                log.error("outbox: row %s cannot be read (%s); left in place", row_id, type(exc).__name__)
                continue
            loaded.append(Row(row_id, action, 0.0, attempts, messages))
        self.track(loaded)
        return len(loaded)

    def running(self, row: Row) -> contextvars.Token[str | None]:
        return _CURRENT.set(row.id)

    @staticmethod
    def finished(token: contextvars.Token[str | None]) -> None:
        _CURRENT.reset(token)
