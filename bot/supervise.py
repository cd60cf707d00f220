"""Keeps one channel running: connects with backoff and keeps retrying, forever.

A failure is logged once when the channel's state changes (up -> down, or a new kind of
error), never as a traceback per attempt. One channel's trouble never touches another:
each has its own supervisor task. `state` is what /healthz and /metrics report.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Protocol

log = logging.getLogger(__name__)
FIRST_DELAY = 1.0
STABLE_SECONDS = 60.0  # connected this long: the next failure starts the backoff from scratch
WATCH_SECONDS = 1.0


class Channel(Protocol):
    """What a supervised channel offers: run until cancelled, and whether it is connected."""

    @property
    def connected(self) -> bool: ...

    async def run(self) -> None: ...


@dataclass
class ChannelState:
    name: str
    connected: bool = False
    since: float = 0.0  # monotonic time of the last change
    error: str | None = None  # the last failure, as "ErrorType: text" (no user content)
    attempts: int = 0
    failures: int = 0

    def down_for(self, now: float | None = None) -> float:
        return 0.0 if self.connected else (now or time.monotonic()) - self.since


# (state) after each change between connected and not connected.
StateListener = Callable[[ChannelState], Awaitable[None] | None]


def describe(exc: BaseException) -> str:
    text = str(exc).splitlines()[0][:200] if str(exc) else ""
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


class ChannelSupervisor:
    def __init__(self, name: str, make: Callable[[], Channel], *, max_delay: float = 60.0,
                 listeners: list[StateListener] | None = None):
        self.name = name
        self.make = make
        self.max_delay = max_delay
        self.state = ChannelState(name, since=time.monotonic())
        self.listeners = list(listeners or [])
        self.channel: Channel | None = None
        self._logged_error: str | None = None

    async def run(self) -> None:
        """Run the channel, restart it after any failure; ends only when cancelled."""
        watcher = asyncio.create_task(self._watch(), name=f"{self.name}-watch")
        delay = FIRST_DELAY
        try:
            while True:
                started = time.monotonic()
                self.state.attempts += 1
                try:
                    self.channel = self.make()
                    await self.channel.run()
                    raise RuntimeError("the channel stopped by itself")
                except asyncio.CancelledError:
                    raise
                except Exception as exc:  # noqa: BLE001 - any failure means: try again later
                    await self._failed(describe(exc))
                if time.monotonic() - started > STABLE_SECONDS:
                    delay = FIRST_DELAY
                log.debug("%s: next attempt in %.0f s", self.name, delay)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_delay)
        finally:
            watcher.cancel()
            await asyncio.gather(watcher, return_exceptions=True)

    async def _failed(self, error: str) -> None:
        self.state.failures += 1
        self.state.error = error
        if error != self._logged_error:  # once per kind of failure, not per attempt
            self._logged_error = error
            log.warning("%s: not connected (%s); retrying in the background, at most every %.0f s",
                        self.name, error, self.max_delay)
        self.channel = None
        await self._set(False)

    async def _watch(self) -> None:
        """Follow the channel's own `connected` flag (it may lose its server while running)."""
        while True:
            channel = self.channel
            await self._set(bool(channel is not None and getattr(channel, "connected", False)))
            await asyncio.sleep(WATCH_SECONDS)

    async def _set(self, connected: bool) -> None:
        if connected == self.state.connected:
            return
        self.state.connected = connected
        self.state.since = time.monotonic()
        if connected:
            log.info("%s: connected", self.name)
            self._logged_error = self.state.error = None
        elif self.state.error is None:
            log.warning("%s: connection lost", self.name)
        for listener in self.listeners:
            try:
                result = listener(self.state)
                if asyncio.iscoroutine(result):
                    await result
            except Exception:  # noqa: BLE001 - a listener must not stop the supervisor
                log.exception("%s: state listener failed", self.name)
