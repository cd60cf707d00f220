"""Who may talk to the bot and in which rooms: allow-list, direct-chat policy, one-time notices."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from nio import MatrixRoom

from bot.pseudonym import looks_pseudonymous
from bot.store import Database

if TYPE_CHECKING:
    from bot.app import App

NOTICE_UNENCRYPTED = "unencrypted"
NOTICE_ONE_TO_ONE = "one_to_one"


def server_of(user_id: str) -> str:
    return user_id.split(":", 1)[1] if ":" in user_id else ""


class RoomPolicy:
    """Entries are server names (`example.org`) or full user ids (`@a:example.org`)."""

    def __init__(self, bot_user_id: str, allowed: Iterable[str] = ()) -> None:
        self.bot_user_id = bot_user_id
        self.allowed = frozenset(allowed) or frozenset({server_of(bot_user_id)})

    def may_talk(self, user_id: str) -> bool:
        return user_id in self.allowed or server_of(user_id) in self.allowed

    def accept_invite(self, inviter: str, is_direct: bool) -> bool:
        """Only direct chats, only from allowed users."""
        return is_direct and self.may_talk(inviter)

    def others(self, room: MatrixRoom) -> set[str]:
        # nio's room.users holds joined and invited members alike; both count here.
        return {user for user in room.users if user != self.bot_user_id}

    def is_group(self, room: MatrixRoom) -> bool:
        return len(self.others(room)) > 1

    def is_abandoned(self, room: MatrixRoom) -> bool:
        return not self.others(room)


def room_pseudonym(app: App) -> Callable[[str], str] | None:
    """The keyed pseudonym rooms are stored by: the data key's, as for conversation keys."""
    return app.data_key.owner_id if app.data_key is not None else None


class RoomNotices:
    """Remembers durably which one-time notice was given in which room.

    Rooms are stored by a keyed pseudonym of the room id (the data key's `owner_id`), never
    by the plain id; `pseudonym` is the identity only where a test has no data key."""

    def __init__(self, db: Database, pseudonym: Callable[[str], str] | None = None) -> None:
        self.db = db
        self._pseudonym = pseudonym or (lambda room_id: room_id)
        self._keyed = pseudonym is not None

    async def claim(self, room_id: str, notice: str) -> bool:
        """True exactly once per (room, notice): the caller then gives the notice."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO matrix_room_notices (room_id, notice, sent_at) "
                "VALUES (?, ?, ?)",
                (self._pseudonym(room_id), notice, time.time()),
            )
            return cursor.rowcount == 1

    async def pseudonymize_existing(self) -> int:
        """Rows an older version stored under the plain room id get their pseudonym (once)."""
        if not self._keyed:
            return 0
        rows = await self.db.fetchall("SELECT room_id, notice, sent_at FROM matrix_room_notices")
        plain = [(room_id, notice, sent) for room_id, notice, sent in rows if not looks_pseudonymous(room_id)]
        if not plain:
            return 0
        async with self.db.transaction() as conn:
            for room_id, notice, sent in plain:
                await conn.execute(
                    "INSERT OR IGNORE INTO matrix_room_notices (room_id, notice, sent_at) VALUES (?, ?, ?)",
                    (self._pseudonym(room_id), notice, sent))
                await conn.execute(
                    "DELETE FROM matrix_room_notices WHERE room_id = ? AND notice = ?", (room_id, notice))
        return len(plain)
