"""Heavy work (ZIP exports, PDF reports, encrypting and decrypting large evidence) runs in
a small thread pool, off the event loop, so one user's export does not stall every chat.

Each user has at most one heavy job at a time (`slot`); a second one is told to wait.
"A user" is the person on a channel (channel and user id), across their chats.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import asynccontextmanager
from typing import TypeVar

from handlers.messages import ConversationKey

T = TypeVar("T")
WORKERS = 2  # the machines this runs on have two cores; more threads would only queue


class HeavyWork:
    """Owns the worker threads and the set of users with a heavy job running."""

    def __init__(self, workers: int = WORKERS):
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="heavy")
        self._running: set[tuple[str, str]] = set()

    @staticmethod
    def _who(key: ConversationKey) -> tuple[str, str]:
        return key.channel, key.user

    def busy(self, key: ConversationKey) -> bool:
        return self._who(key) in self._running

    @asynccontextmanager
    async def slot(self, key: ConversationKey) -> AsyncIterator[bool]:
        """Yields True and holds the user's slot, or yields False if it is taken."""
        who = self._who(key)
        if who in self._running:
            yield False
            return
        self._running.add(who)
        try:
            yield True
        finally:
            self._running.discard(who)

    async def run(self, fn: Callable[..., T], *args: object) -> T:
        """`fn(*args)` in a worker thread; the loop goes on serving other chats."""
        return await asyncio.get_running_loop().run_in_executor(self._pool, fn, *args)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __len__(self) -> int:
        return len(self._running)
