"""Turns in flight: the engine reports each turn here, so shutdown can wait for them and
metrics can count them. Closing the door makes new turns wait (the shutdown then cancels
them; their updates stay in the channel's inbox for the next start)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

# (seconds the turn took, whether it failed); called after every turn, must not raise.
TurnListener = Callable[[float, bool], None]


@dataclass
class Turn:
    failed: bool = False


class TurnActivity:
    """Owned by the Engine; `turn()` wraps one `Engine.handle` call."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.closed = False
        self.listeners: list[TurnListener] = []
        self._idle = asyncio.Event()
        self._idle.set()
        self._never = asyncio.Event()

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[Turn]:
        if self.closed:
            await self._never.wait()  # shutting down: wait here until cancelled
        self.in_flight += 1
        self._idle.clear()
        started = time.perf_counter()
        turn = Turn()
        try:
            yield turn
        except BaseException:
            turn.failed = True
            raise
        finally:
            self.in_flight -= 1
            if self.in_flight == 0:
                self._idle.set()
            elapsed = time.perf_counter() - started
            for listener in self.listeners:
                listener(elapsed, turn.failed)

    def close(self) -> None:
        """No new turns from now on."""
        self.closed = True

    async def drained(self, timeout: float) -> bool:
        """Wait until no turn is in flight (True) or `timeout` passed (False)."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False
