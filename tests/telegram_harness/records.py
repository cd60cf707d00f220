"""What the fake Bot API remembers: recorded calls, stored messages and files, faults.

Plain dataclasses so tests can assert on them directly.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from typing import Any


@dataclass
class UploadedFile:
    """A file part of a multipart request, as the bot uploaded it."""

    filename: str | None
    content_type: str | None
    data: bytes


@dataclass
class ApiCall:
    """One request the bot made; `status` is the HTTP status the fake answered with."""

    method: str
    params: dict[str, Any]
    time: float
    status: int = 200
    files: dict[str, UploadedFile] = field(default_factory=dict)


@dataclass
class StoredMessage:
    """A message in a chat as the fake server currently sees it (edits update it)."""

    chat_id: int
    message_id: int
    from_bot: bool
    text: str | None = None
    parse_mode: str | None = None
    reply_markup: dict[str, Any] | None = None
    document: UploadedFile | None = None
    document_file_id: str | None = None
    caption: str | None = None
    edit_count: int = 0
    deleted: bool = False

    @property
    def buttons(self) -> list[list[dict[str, Any]]]:
        """Inline keyboard rows (empty if the message has none)."""
        return list((self.reply_markup or {}).get("inline_keyboard", []))


@dataclass
class StoredFile:
    """A file the test registered (or the bot uploaded), served via getFile + download."""

    file_id: str
    file_unique_id: str
    file_path: str
    data: bytes


@dataclass
class Fault:
    """A planned failure for the next `remaining` calls of one method."""

    status: int
    retry_after: int | None
    description: str
    remaining: int


class Signal:
    """Wakes every coroutine waiting for 'something changed' (no polling loops)."""

    def __init__(self) -> None:
        self._waiters: list[asyncio.Future[None]] = []

    def notify(self) -> None:
        waiters, self._waiters = self._waiters, []
        for fut in waiters:
            if not fut.done():
                fut.set_result(None)

    async def wait(self, timeout: float) -> bool:
        """Wait until notified or `timeout` passed; True if notified."""
        fut: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        self._waiters.append(fut)
        try:
            await asyncio.wait_for(fut, timeout)
            return True
        except TimeoutError:
            return False
        finally:
            if fut in self._waiters:
                self._waiters.remove(fut)
