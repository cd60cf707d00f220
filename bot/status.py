"""The status listener (SCHUTZLOTSE_STATUS_LISTEN, default 127.0.0.1:8081): `/healthz` and
`/metrics` for container health checks, systemd watchdogs and Prometheus. It serves no
user data; keep it on loopback or an internal network all the same.

`schutzlotse health` is the client: exit 0 when the bot answers ok or degraded, 1 otherwise.
"""

from __future__ import annotations

import asyncio
import json
import logging
import time
import urllib.error
import urllib.request
from collections.abc import Sequence
from typing import TYPE_CHECKING

from aiohttp import web
from prometheus_client import CONTENT_TYPE_LATEST

from bot.health import LoopMonitor, check
from bot.metrics import Metrics

if TYPE_CHECKING:
    from bot.app import App
    from bot.stats import StatsRecorder
    from bot.supervise import ChannelSupervisor

log = logging.getLogger(__name__)


class StatusServer:
    def __init__(self, app: App, supervisors: Sequence[ChannelSupervisor], metrics: Metrics,
                 *, stats: StatsRecorder | None = None, loop_monitor: LoopMonitor | None = None):
        self.app = app
        self.supervisors = supervisors
        self.metrics = metrics
        self.stats = stats
        self.loop_monitor = loop_monitor
        self.started_at = time.monotonic()
        self._runner: web.AppRunner | None = None
        self.port: int | None = None

    def web_app(self) -> web.Application:
        application = web.Application()
        application.router.add_get("/healthz", self.healthz)
        application.router.add_get("/metrics", self.metrics_page)
        return application

    async def healthz(self, request: web.Request) -> web.Response:
        report = await check(self.app, self.supervisors, self.loop_monitor, self.started_at)
        return web.json_response(report.as_json(), status=report.http_status)

    async def metrics_page(self, request: web.Request) -> web.Response:
        self.metrics.channels(self.supervisors)
        await self.metrics.refresh(self.app, self.stats)
        return web.Response(body=self.metrics.render(), headers={"Content-Type": CONTENT_TYPE_LATEST})

    async def start(self, host: str, port: int) -> None:
        self._runner = web.AppRunner(self.web_app(), access_log=None)
        await self._runner.setup()
        site = web.TCPSite(self._runner, host, port)
        await site.start()
        sockets = site._server.sockets if site._server else []  # type: ignore[union-attr]
        self.port = sockets[0].getsockname()[1] if sockets else port
        log.info("status listener on %s:%d (/healthz, /metrics)", host, self.port)

    async def stop(self) -> None:
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None


def query_health(host: str, port: int, timeout: float = 5.0) -> tuple[int, dict | None, str]:
    """(exit code, parsed report, one-line summary) for `schutzlotse health`."""
    host = {"0.0.0.0": "127.0.0.1", "::": "::1", "": "127.0.0.1"}.get(host, host)  # listening on all: ask locally
    url = f"http://{'[' + host + ']' if ':' in host else host}:{port}/healthz"
    handler = urllib.request.ProxyHandler({})  # never through a proxy: this is the local bot
    opener = urllib.request.build_opener(handler)
    try:
        with opener.open(url, timeout=timeout) as response:
            body, code = response.read(), response.status
    except urllib.error.HTTPError as exc:
        body, code = exc.read(), exc.code
    except (OSError, asyncio.TimeoutError) as exc:
        return 1, None, f"no answer from {url} ({type(exc).__name__}): is the bot running?"
    try:
        report = json.loads(body)
    except ValueError:
        return 1, None, f"{url} answered HTTP {code} without a health report"
    status = report.get("status", "?")
    details = report.get("problems", []) + report.get("warnings", [])
    summary = f"{status}" + (": " + "; ".join(details) if details else "")
    return (0 if code == 200 and status in ("ok", "degraded") else 1), report, summary
