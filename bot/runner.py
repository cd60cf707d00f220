"""`schutzlotse run`: starts every configured channel; with none configured, the terminal chat."""

from __future__ import annotations

import asyncio
import gc
import logging
from collections.abc import Awaitable, Callable

from bot.app import App, open_app
from bot.channels.telegram import start_telegram
from bot.config import Settings
from bot.knowledge_watch import watch_sighup

log = logging.getLogger(__name__)

# Each entry returns a coroutine that runs one channel until cancelled, or None when the
# channel is not configured. Channel modules append themselves here.
CHANNEL_STARTERS: list[Callable[[App], Awaitable[None] | None]] = []
CHANNEL_STARTERS.append(start_telegram)

from bot.channels import matrix as _matrix  # noqa: E402  (registers below)

CHANNEL_STARTERS.append(_matrix.start)


async def run_channels(settings: Settings) -> int:
    async with open_app(settings) as app:
        gc.freeze()  # the loaded knowledge lives forever: full GC passes over it stalled every chat ~150 ms
        runners = [r for starter in CHANNEL_STARTERS if (r := starter(app)) is not None]
        background = [asyncio.create_task(app.engine.purge_loop())]
        watch_sighup(app)
        try:
            if not runners:
                from bot.channels.console import ConsoleChannel

                log.info("no channel configured: starting the terminal chat")
                await ConsoleChannel.from_settings(app.engine, app.settings).run()
                return 0
            await asyncio.gather(*runners)
            return 0
        finally:
            for task in background:
                task.cancel()
            await asyncio.gather(*background, return_exceptions=True)
