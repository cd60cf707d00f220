"""Telegram's view of the engine's inbox (bot/inbox.py): updates are stored encrypted before
Telegram learns they arrived, and handled ids are forgotten once Telegram has confirmed
them. Delivery guarantees: docs/telegram.md."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from bot.inbox import Inbox, Receipt

log = logging.getLogger(__name__)
CHANNEL = "telegram"


class TelegramInbox:
    """Update ids as ints over the engine inbox's (channel, event id) rows; `receipt(uid)`
    goes with the update into `Engine.handle`, which marks it done with the turn."""

    def __init__(self, inbox: Inbox) -> None:
        self._inbox = inbox
        self._receipts: dict[int, Receipt] = {}  # stored, not yet handled (bounded by in-flight)
        self._handled_min: int | None = None  # lowest handled id that may still be in the table
        self.confirmed = 0  # Telegram never delivers an id below this again (polling offset)

    async def put(self, updates: Sequence[tuple[int, bytes]]) -> list[int]:
        """Store (update_id, JSON) pairs in one transaction; returns the ids not seen before."""
        receipts = await self._inbox.put(CHANNEL, [(str(uid), data) for uid, data in updates])
        for receipt in receipts:
            self._receipts[int(receipt.event_id)] = receipt
        return sorted(int(r.event_id) for r in receipts)

    async def pending(self) -> list[tuple[int, bytes]]:
        """Stored but not yet handled updates (left by a crash), oldest first."""
        found = []
        for receipt, data in await self._inbox.pending(CHANNEL):
            self._receipts[int(receipt.event_id)] = receipt
            found.append((int(receipt.event_id), data))
        return sorted(found)

    def receipt(self, update_id: int) -> Receipt | None:
        return self._receipts.get(update_id)

    def done(self, update_id: int) -> None:
        """Handled (or failed for good): a turn has marked it already, or the next commit does."""
        receipt = self._receipts.pop(update_id, None)
        if receipt is not None:
            self._inbox.done(receipt)
        self._handled_min = update_id if self._handled_min is None else min(self._handled_min, update_id)

    async def confirm(self, offset: int) -> None:
        """Telegram accepted `offset`: handled ids below it need not be remembered any more
        (deleted with the next commit)."""
        self.confirmed = max(self.confirmed, offset)
        if self._handled_min is not None and self._handled_min < offset:
            self._inbox.forget_below(CHANNEL, offset)
            self._handled_min = None

    async def close(self) -> None:
        """Write the outstanding done marks now (at shutdown, and for tests)."""
        await self._inbox.flush()

    async def count(self) -> dict[str, int]:
        return await self._inbox.count(CHANNEL)
