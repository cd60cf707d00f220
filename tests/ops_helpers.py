"""Builders for the operations tests: `schutzlotse run` as a real subprocess, its log read
line by line, and its status listener."""

from __future__ import annotations

import asyncio
import json
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aiohttp

from tests.telegram_harness import FakeBotApi, free_port

BIN = Path(sys.executable).parent / "schutzlotse"


def bot_env(data_dir: Path, **extra: str) -> dict[str, str]:
    """A clean environment: no SCHUTZLOTSE_* or proxy settings from the caller."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith("SCHUTZLOTSE_") and k.lower() not in ("https_proxy", "http_proxy", "all_proxy")}
    env.update(SCHUTZLOTSE_DATA_DIR=str(data_dir), PTB_TIMEDELTA="true", **extra)
    return env


def telegram_env(api: FakeBotApi | None, port: int | None = None) -> dict[str, str]:
    base = api.url if api is not None else f"http://127.0.0.1:{port}"
    return {
        "SCHUTZLOTSE_TELEGRAM_TOKEN": api.token if api is not None else "123456:TEST",
        "SCHUTZLOTSE_TELEGRAM_BASE_URL": f"{base}/bot",
        "SCHUTZLOTSE_TELEGRAM_BASE_FILE_URL": f"{base}/file/bot",
        "SCHUTZLOTSE_TELEGRAM_POLL_TIMEOUT": "1",
        "SCHUTZLOTSE_TELEGRAM_RATE_GLOBAL": "0",
        "SCHUTZLOTSE_TELEGRAM_RATE_PER_CHAT": "0",
    }


class BotProcess:
    """`schutzlotse run` in a subprocess; stderr is collected as it arrives."""

    def __init__(self, env: dict[str, str], cwd: Path):
        self.env = env
        self.cwd = cwd
        self.status_port = int(env["SCHUTZLOTSE_STATUS_LISTEN"].rsplit(":", 1)[1])
        self.proc: asyncio.subprocess.Process | None = None
        self.lines: list[str] = []
        self._new_line = asyncio.Event()
        self._reader: asyncio.Task[None] | None = None

    async def start(self) -> BotProcess:
        self.proc = await asyncio.create_subprocess_exec(
            str(BIN), "run", env=self.env, cwd=self.cwd,
            stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
        self._reader = asyncio.create_task(self._read())
        return self

    async def _read(self) -> None:
        assert self.proc is not None and self.proc.stderr is not None
        async for raw in self.proc.stderr:
            self.lines.append(raw.decode(errors="replace").rstrip("\n"))
            self._new_line.set()
        self._new_line.set()

    async def wait_log(self, predicate: Callable[[str], bool], timeout: float = 20.0) -> str:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        seen = 0
        while True:
            for line in self.lines[seen:]:
                if predicate(line):
                    return line
            seen = len(self.lines)
            if self._reader is not None and self._reader.done():
                raise AssertionError("the bot exited; log:\n" + "\n".join(self.lines[-30:]))
            remaining = deadline - loop.time()
            if remaining <= 0:
                raise AssertionError("log line not seen; log:\n" + "\n".join(self.lines[-30:]))
            self._new_line.clear()
            try:
                await asyncio.wait_for(self._new_line.wait(), remaining)
            except TimeoutError:
                pass

    async def health(self) -> tuple[int, dict[str, Any]]:
        async with aiohttp.ClientSession(trust_env=False) as session:
            async with session.get(f"http://127.0.0.1:{self.status_port}/healthz") as response:
                return response.status, json.loads(await response.text())

    async def metrics(self) -> str:
        async with aiohttp.ClientSession(trust_env=False) as session:
            async with session.get(f"http://127.0.0.1:{self.status_port}/metrics") as response:
                assert response.status == 200
                return await response.text()

    async def metrics_until(self, needle: str, timeout: float = 10.0) -> str:
        """The metrics page once it shows `needle`: a turn is counted just after its answer
        has been sent, so a test that saw the answer may ask a moment too early."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        page = await self.metrics()
        while needle not in page and loop.time() < deadline:
            await asyncio.sleep(0.05)
            page = await self.metrics()
        return page

    async def health_until(self, predicate: Callable[[int, dict[str, Any]], bool],
                           timeout: float = 30.0) -> tuple[int, dict[str, Any]]:
        """Ask /healthz until `predicate(status, report)` holds (the listener may not be up yet)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        last: Any = None
        while loop.time() < deadline:
            try:
                last = await self.health()
                if predicate(*last):
                    return last
            except aiohttp.ClientConnectionError as exc:
                last = exc
            await asyncio.sleep(0.1)  # polling a condition, bounded by the deadline
        raise AssertionError(f"/healthz never matched; last: {last}; log:\n" + "\n".join(self.lines[-20:]))

    async def wait(self, timeout: float = 30.0) -> int:
        assert self.proc is not None
        code = await asyncio.wait_for(self.proc.wait(), timeout)
        if self._reader is not None:
            await self._reader
        return code

    async def kill(self) -> None:
        if self.proc is not None and self.proc.returncode is None:
            self.proc.kill()
            await self.proc.wait()
        if self._reader is not None:
            await asyncio.gather(self._reader, return_exceptions=True)


def status_listen() -> str:
    return f"127.0.0.1:{free_port()}"
