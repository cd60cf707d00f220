"""Bot API calls with Telegram's send limits and bounded retries (429, network, 5xx).

A 429 waits its retry_after and tries again; network errors, timeouts and 5xx (PTB raises
NetworkError for those) are retried with exponential backoff. A BadRequest or Forbidden is
final. Retrying after a timeout or 5xx is at-least-once: such a request may already have
been delivered, and we accept a rare duplicate rather than lose a safety message.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Awaitable, Callable
from typing import TypeVar

from telegram.error import BadRequest, NetworkError, RetryAfter

log = logging.getLogger(__name__)
T = TypeVar("T")


class _Gcra:
    """Generic cell rate algorithm: `rate` per second with bursts of `burst`; reserves a slot."""

    def __init__(self, rate: float, burst: int) -> None:
        self.interval = 1.0 / rate if rate > 0 else 0.0
        self.tolerance = max(burst - 1, 0) * self.interval
        self.tat = 0.0  # theoretical arrival time of the next call

    def reserve(self, now: float) -> float:
        """The time at which the caller may go; books that slot."""
        if not self.interval:
            return now
        tat = max(self.tat, now)
        start = max(now, tat - self.tolerance)
        self.tat = tat + self.interval
        return start


class SendLimiter:
    """About 30 messages/s overall and about 1/s per chat (with a small burst) by default.

    A rate of 0 switches that limit off (benchmarks against the local fake server).
    """

    def __init__(self, per_second: float, per_chat: float, chat_burst: int) -> None:
        self._global = _Gcra(per_second, max(int(per_second), 1))
        self._per_chat = per_chat
        self._chat_burst = chat_burst
        self._chats: dict[int, _Gcra] = {}

    async def wait(self, chat_id: int | None) -> None:
        now = time.monotonic()
        start = self._global.reserve(now)
        if chat_id is not None and self._per_chat > 0:
            bucket = self._chats.get(chat_id)
            if bucket is None:
                if len(self._chats) > 10_000:  # forget chats that are long idle
                    self._chats = {k: v for k, v in self._chats.items() if v.tat > now}
                bucket = self._chats[chat_id] = _Gcra(self._per_chat, self._chat_burst)
            start = max(start, bucket.reserve(now))
        if start > now:
            await asyncio.sleep(start - now)


def _seconds(value: int | float | dt.timedelta) -> float:
    return value.total_seconds() if isinstance(value, dt.timedelta) else float(value)


class RetryingCaller:
    """Runs one Bot API call through the limiter, retrying what is worth retrying."""

    def __init__(
        self,
        limiter: SendLimiter,
        *,
        attempts: int = 5,
        backoff: float = 0.5,
        max_backoff: float = 10.0,
        max_retry_after: float = 120.0,
    ) -> None:
        self.limiter = limiter
        self.attempts = attempts
        self.backoff = backoff
        self.max_backoff = max_backoff
        self.max_retry_after = max_retry_after

    async def call(
        self, what: str, chat_id: int | None, fn: Callable[[], Awaitable[T]], *, limit: bool = True
    ) -> T:
        delay = self.backoff
        for attempt in range(1, self.attempts + 1):
            if limit:
                await self.limiter.wait(chat_id)
            try:
                return await fn()
            except RetryAfter as exc:
                wait = _seconds(exc.retry_after)
                if attempt == self.attempts or wait > self.max_retry_after:
                    raise
                log.warning("%s: 429, retrying after %.1f s (attempt %d)", what, wait, attempt)
                await asyncio.sleep(wait)
            except BadRequest:
                raise  # our request is wrong; sending it again cannot help
            except NetworkError as exc:  # includes TimedOut and HTTP 5xx
                if attempt == self.attempts:
                    raise
                log.warning("%s: %s, retrying in %.2f s (attempt %d)", what, type(exc).__name__, delay, attempt)
                await asyncio.sleep(delay)
                delay = min(delay * 2, self.max_backoff)
        raise AssertionError("unreachable")
