"""Helpers for Matrix channel tests: run the real bot in-process, talk to it as the official."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator
from pathlib import Path

from bot.app import open_app
from bot.channels.matrix.channel import MatrixChannel
from bot.channels.matrix.rooms import room_pseudonym
from bot.config import Settings
from tests.matrix_harness.client import HarnessError, OfficialClient


@contextlib.asynccontextmanager
async def running_bot(
    base_url: str, user, data_dir: Path, **settings: object
) -> AsyncIterator[MatrixChannel]:
    """The bot with a real Engine on a SQLite file in `data_dir`; cancelled on exit."""
    config = Settings(
        data_dir=data_dir, matrix_homeserver=base_url, matrix_user=user.user_id,
        matrix_password=user.password, **settings,
    )  # fmt: skip
    async with open_app(config) as app:
        channel = MatrixChannel(app.engine, app.db, config, room_pseudonym(app))
        task = asyncio.create_task(channel.run(), name="matrix bot")
        try:
            ready = asyncio.create_task(channel.ready.wait())
            done, _ = await asyncio.wait({task, ready}, timeout=20, return_when="FIRST_COMPLETED")
            if task in done:
                task.result()  # raises the bot's start error
            if ready not in done:
                ready.cancel()
                raise HarnessError("bot did not finish its first sync within 20 s")
            yield channel
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task


async def turn(
    official: OfficialClient, room_id: str, bot_id: str, text: str | None, until: str,
    timeout: float = 15,
) -> list:  # fmt: skip
    """Send `text` (if any), collect the bot's messages until one whose body has `until`."""
    if text is not None:
        await official.send_text(room_id, text)
    received = []
    while True:
        message = await official.next_message(bot_id, room_id, timeout=timeout)
        received.append(message)
        if until in message.body:
            return received


async def assert_quiet(official: OfficialClient, room_id: str, bot_id: str, seconds: float = 1.0):
    with contextlib.suppress(HarnessError):
        extra = await official.next_message(bot_id, room_id, timeout=seconds)
        raise AssertionError(f"unexpected message from the bot: {extra.body[:80]!r}")
