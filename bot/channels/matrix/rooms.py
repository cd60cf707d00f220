"""Who may talk to the bot and in which rooms: allow-list, direct-chat policy, one-time notices."""

from __future__ import annotations

import time
from collections.abc import Iterable

from nio import MatrixRoom

from bot.store import Database

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


class RoomNotices:
    """Remembers durably which one-time notice was given in which room."""

    def __init__(self, db: Database) -> None:
        self.db = db

    async def claim(self, room_id: str, notice: str) -> bool:
        """True exactly once per (room, notice): the caller then gives the notice."""
        async with self.db.transaction() as conn:
            cursor = await conn.execute(
                "INSERT OR IGNORE INTO matrix_room_notices (room_id, notice, sent_at) "
                "VALUES (?, ?, ?)",
                (room_id, notice, time.time()),
            )
            return cursor.rowcount == 1
