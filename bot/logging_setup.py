"""Log set-up for every entry point: text or JSON lines on stderr, timestamps with time zone.

What is logged is decided where it is logged (ids and state names, never user text); this
module only shapes the lines. JSON lines carry `time`, `level`, `logger` and `message`.
"""

from __future__ import annotations

import datetime as dt
import logging
import sys
from typing import IO

TEXT_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
# Libraries that log request URLs (which carry the Telegram token) or bodies at INFO.
QUIET = ("httpx", "httpcore", "aiohttp.access", "nio.responses", "nio.rooms", "nio.crypto")
# Libraries that warn on every reconnect attempt; bot/supervise.py reports the state once.
RETRY_NOISE = ("nio.client.async_client",)


def _iso(record: logging.LogRecord) -> str:
    """ISO 8601 with the local offset, e.g. 2026-12-03T08:01:02.345+01:00."""
    return dt.datetime.fromtimestamp(record.created).astimezone().isoformat(timespec="milliseconds")


class TextFormatter(logging.Formatter):
    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return _iso(record)


def json_formatter() -> logging.Formatter:
    from pythonjsonlogger.json import JsonFormatter

    class _Json(JsonFormatter):
        def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
            return _iso(record)

    return _Json(
        "%(asctime)s %(levelname)s %(name)s %(message)s",
        rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
        json_ensure_ascii=False,
    )


def setup_logging(level: str = "INFO", fmt: str = "text", stream: IO[str] | None = None) -> None:
    """One stderr handler in the chosen format on the root logger.

    Like logging.basicConfig, it leaves logging alone when someone else configured it
    already (an embedding program, pytest), unless a `stream` is given explicitly."""
    root = logging.getLogger()
    for old in [h for h in root.handlers if getattr(h, "_schutzlotse", False)]:
        root.removeHandler(old)
    if stream is None and root.handlers:
        return
    handler = logging.StreamHandler(stream or sys.stderr)
    handler._schutzlotse = True  # type: ignore[attr-defined]
    handler.setFormatter(json_formatter() if fmt == "json" else TextFormatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for name in QUIET:
        logging.getLogger(name).setLevel(max(logging.WARNING, root.level))
    for name in RETRY_NOISE:
        logging.getLogger(name).setLevel(max(logging.ERROR, root.level))
