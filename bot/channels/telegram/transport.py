"""A Bot API HTTP transport for PTB on aiohttp, which costs about a third of httpx's CPU
per request (bench/bench_telegram.py); PTB stays responsible for everything above HTTP."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData

from bot.proxies import proxy_for

_DEFAULTS = {"read": 5.0, "write": 5.0, "connect": 5.0, "pool": 1.0, "media_write": 20.0}


def _timeout(value: Any, default: float) -> float | None:
    return default if isinstance(value, DefaultValue) else value


class AiohttpRequest(BaseRequest):
    """One aiohttp session with a bounded connection pool; errors mapped like PTB's own."""

    def __init__(self, connection_pool_size: int = 8, read_timeout: float | None = 5.0) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._session: aiohttp.ClientSession | None = None
        # HTTPS_PROXY / NO_PROXY from the environment (ministry networks), looked up once per
        # host: aiohttp's trust_env would read the environment and ~/.netrc on every request
        self._proxies: dict[tuple[str, str], str | None] = {}

    @property
    def read_timeout(self) -> float | None:
        return self._read_timeout

    async def initialize(self) -> None:
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector)

    async def shutdown(self) -> None:
        if self._session is not None:
            await self._session.close()
            self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: Any = BaseRequest.DEFAULT_NONE,
        write_timeout: Any = BaseRequest.DEFAULT_NONE,
        connect_timeout: Any = BaseRequest.DEFAULT_NONE,
        pool_timeout: Any = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        if self._session is None:
            raise RuntimeError("AiohttpRequest is not initialized")
        data: Any = None
        if request_data is not None:
            files = request_data.multipart_data
            fields = request_data.json_parameters
            if files:
                form = aiohttp.FormData()
                for name, value in fields.items():
                    form.add_field(name, value)
                for name, (filename, content, mimetype) in files.items():
                    form.add_field(name, content, filename=filename, content_type=mimetype)
                data = form
            else:
                data = fields
        read = _timeout(read_timeout, self._read_timeout or _DEFAULTS["read"])
        timeout = aiohttp.ClientTimeout(
            total=None,
            sock_connect=_timeout(connect_timeout, _DEFAULTS["connect"]),
            sock_read=read,
        )
        parsed = urlsplit(url)
        where = (parsed.scheme, parsed.netloc)
        if where not in self._proxies:
            self._proxies[where] = proxy_for(url)
        try:
            async with self._session.request(
                method, url, data=data, timeout=timeout, headers={"User-Agent": self.USER_AGENT},
                proxy=self._proxies[where],
            ) as response:
                return response.status, await response.read()
        except TimeoutError as err:
            raise TimedOut from err
        except aiohttp.ClientError as err:
            raise NetworkError(f"aiohttp.{type(err).__name__}: {err}") from err
