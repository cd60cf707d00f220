"""Work in flight: channels and the engine report here, so shutdown can wait for it and
metrics can count turns. Closing the door makes new work wait; the shutdown then cancels
it, and what it was about stays in the channel's inbox for the next start.

Two scopes, nested: a channel wraps the whole handling of one update (turn plus sending the
answer) in `work()`; the engine wraps each `handle` in `turn()` (timed, counted). A turn
inside work is not gated again, so a closing door never strands half-done work.
"""

from __future__ import annotations

import asyncio
import contextvars
import time
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass

# (seconds the turn took, whether it failed); called after every turn, must not raise.
TurnListener = Callable[[float, bool], None]
_inside: contextvars.ContextVar[bool] = contextvars.ContextVar("schutzlotse_work", default=False)


@dataclass
class Turn:
    failed: bool = False


class TurnActivity:
    """Owned by the Engine (`engine.activity`)."""

    def __init__(self) -> None:
        self.in_flight = 0
        self.closed = False
        self.listeners: list[TurnListener] = []
        self._idle = asyncio.Event()
        self._idle.set()
        self._never = asyncio.Event()

    @asynccontextmanager
    async def work(self) -> AsyncIterator[None]:
        """One piece of work that must finish once begun (gated while shutting down)."""
        if _inside.get():
            yield
            return
        if self.closed:
            await self._never.wait()  # shutting down: wait here until cancelled
        self.in_flight += 1
        self._idle.clear()
        token = _inside.set(True)
        try:
            yield
        finally:
            _inside.reset(token)
            self.in_flight -= 1
            if self.in_flight == 0:
                self._idle.set()

    @asynccontextmanager
    async def turn(self) -> AsyncIterator[Turn]:
        """One engine turn: work, timed and reported to the listeners."""
        async with self.work():
            started = time.perf_counter()
            turn = Turn()
            try:
                yield turn
            except BaseException:
                turn.failed = True
                raise
            finally:
                elapsed = time.perf_counter() - started
                for listener in self.listeners:
                    listener(elapsed, turn.failed)

    def close(self) -> None:
        """No new work from now on."""
        self.closed = True

    async def drained(self, timeout: float) -> bool:
        """Wait until no work is in flight (True) or `timeout` passed (False)."""
        try:
            await asyncio.wait_for(self._idle.wait(), timeout)
            return True
        except TimeoutError:
            return False
