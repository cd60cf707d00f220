"""Both channels go out through the proxy named in the environment (ministry networks):
a real local TCP listener plays the proxy and records what the bot asks it for."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator

from bot.channels.telegram.transport import AiohttpRequest
from bot.config import Settings
from tests.helpers import open_engine


@contextlib.asynccontextmanager
async def recording_proxy() -> AsyncIterator[tuple[str, list[str]]]:
    """A proxy that writes down each request line and then refuses (HTTP 502)."""
    lines: list[str] = []

    async def serve(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        line = await reader.readline()
        lines.append(line.decode(errors="replace").strip())
        writer.write(b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await writer.drain()
        writer.close()

    server = await asyncio.start_server(serve, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}", lines
    finally:
        server.close()
        await server.wait_closed()


def _clear(monkeypatch) -> None:
    for name in ("http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY", "no_proxy", "NO_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)


async def test_telegram_requests_use_the_proxy_from_the_environment(monkeypatch):
    _clear(monkeypatch)
    async with recording_proxy() as (proxy, lines):
        monkeypatch.setenv("HTTP_PROXY", proxy)
        request = AiohttpRequest()
        await request.initialize()
        try:
            status, _ = await request.do_request("http://api.telegram.invalid/bot1:x/getMe", "POST")
        finally:
            await request.shutdown()
    assert status == 502
    assert lines == ["POST http://api.telegram.invalid/bot1:x/getMe HTTP/1.1"]


async def test_matrix_uses_the_proxy_from_the_environment(tmp_path, monkeypatch, knowledge):
    _clear(monkeypatch)
    from bot.channels.matrix.channel import MatrixChannel

    async with recording_proxy() as (proxy, lines):
        monkeypatch.setenv("HTTPS_PROXY", proxy)
        engine, db = await open_engine(tmp_path / "m.db", knowledge)
        settings = Settings(_env_file=None, data_dir=tmp_path, matrix_homeserver="https://matrix.land.invalid",
                            matrix_user="@bot:land.invalid", matrix_password="pw")
        channel = MatrixChannel(engine, db, settings)
        login = asyncio.create_task(channel.client.login("pw"))  # nio retries failures: stop it once seen
        try:
            loop = asyncio.get_running_loop()
            deadline = loop.time() + 10
            while not lines and not login.done() and loop.time() < deadline:
                await asyncio.sleep(0.01)
        finally:
            login.cancel()
            with contextlib.suppress(BaseException):
                await login
            await channel.client.close()
            await db.close()
    assert lines and lines[0].startswith("CONNECT matrix.land.invalid:443 ")
