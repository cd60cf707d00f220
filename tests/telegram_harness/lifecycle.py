"""Start and stop a real PTB Application against the fake server, the way production will.

`initialize -> start -> updater.start_*` in, and the exact reverse out, so tests end cleanly.
"""

from __future__ import annotations

import asyncio
import socket
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from telegram.ext import Application


def free_port() -> int:
    """A TCP port on 127.0.0.1 that was free a moment ago (for PTB's webhook server)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


async def _shutdown(app: Application) -> None:
    if app.updater is not None and app.updater.running:
        await app.updater.stop()
    if app.running:
        await app.stop()
    await app.shutdown()


@asynccontextmanager
async def polling(app: Application, *, timeout: int = 10) -> AsyncIterator[Application]:
    """Run `app` with long polling (`timeout` seconds per getUpdates) for the block."""
    assert app.updater is not None, "build the Application with an Updater"
    await app.initialize()
    try:
        await app.start()
        await app.updater.start_polling(poll_interval=0, timeout=timeout)
        yield app
    finally:
        await _shutdown(app)


@asynccontextmanager
async def webhook(
    app: Application, *, secret_token: str | None, url_path: str = "telegram"
) -> AsyncIterator[str]:
    """Run `app` in webhook mode on a free local port; yields the webhook URL."""
    assert app.updater is not None, "build the Application with an Updater"
    port = free_port()
    await app.initialize()
    try:
        await app.start()
        await app.updater.start_webhook(
            listen="127.0.0.1", port=port, url_path=url_path, secret_token=secret_token
        )
        yield f"http://127.0.0.1:{port}/{url_path}"
    finally:
        await _shutdown(app)


def other_tasks() -> set[asyncio.Task[object]]:
    """Tasks still alive besides the caller's, e.g. left behind by an unclean shutdown.

    The fake server's own per-connection tasks are left out: they end with the connection,
    a moment after the bot closed its HTTP client.
    """
    current = asyncio.current_task()
    return {
        task
        for task in asyncio.all_tasks()
        if task is not current
        and not task.done()
        and task.get_coro().__qualname__ != "RequestHandler.start"  # type: ignore[union-attr]
    }
