"""Time as a dependency, so timeouts, shifts and deadlines can be tested deterministically."""

from __future__ import annotations

import asyncio
import datetime as dt
from typing import Protocol


class Clock(Protocol):
    def now(self) -> dt.datetime: ...

    async def sleep(self, seconds: float) -> None: ...


class SystemClock:
    def now(self) -> dt.datetime:
        return dt.datetime.now(dt.timezone.utc)

    async def sleep(self, seconds: float) -> None:
        await asyncio.sleep(seconds)


class ManualClock:
    """A clock that only moves when told; sleepers wake when their time has come."""

    def __init__(self, start: dt.datetime | None = None):
        self._now = start or dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
        self._waiters: list[asyncio.Future[None]] = []

    def now(self) -> dt.datetime:
        return self._now

    def advance(self, seconds: float = 0, **delta: float) -> None:
        self.set(self._now + dt.timedelta(seconds=seconds, **delta))

    def set(self, when: dt.datetime) -> None:
        self._now = when
        waiters, self._waiters = self._waiters, []
        for waiter in waiters:
            if not waiter.done():
                waiter.set_result(None)

    async def sleep(self, seconds: float) -> None:
        until = self._now + dt.timedelta(seconds=seconds)
        while self._now < until:
            waiter = asyncio.get_running_loop().create_future()
            self._waiters.append(waiter)
            await waiter
        await asyncio.sleep(0)
