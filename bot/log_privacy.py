"""Logs that stay private at every level, SCHUTZLOTSE_LOG_LEVEL=DEBUG included.

Third-party libraries log whole updates (user text, shared phone numbers, locations),
request URLs with the bot token, and SQL statements with their parameters at DEBUG and
INFO. `install()` caps them at WARNING twice over (the loggers' levels, and a filter on
every handler present, for a library that lowers a child logger's level), and redacts
tokens and secrets from every record, exception tracebacks included, at its creation, so
handlers added later are covered too. Our own modules log ids and state names only.

Call `install(settings)` once, right after the logging handlers are set up.
"""

from __future__ import annotations

import logging
import re
import threading
import traceback
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from typing import Any

# Loggers that may carry content: updates, request URLs, SQL parameters, room events.
THIRD_PARTY = (
    "telegram", "httpx", "httpcore", "aiohttp", "nio", "aiosqlite", "asyncio", "urllib3", "hpack", "h11", "h2",
    "peewee", "apscheduler", "multipart", "websockets", "charset_normalizer", "fpdf", "fontTools", "PIL",
    "cryptography", "markdown", "unpaddedbase64", "vodozemac", "matrix_nio", "tornado", "yarl", "sqlite3",
)
CAP = logging.WARNING
REDACTED = "[REDACTED]"
_PATTERNS = [  # (pattern, replacement)
    (re.compile(r"(?<!\d)\d{5,16}:[A-Za-z0-9_-]{30,}"), REDACTED),  # Telegram bot token, also in /bot<token>/ URLs
    (re.compile(r"\b(?:syt|syr|mat|mct)_[A-Za-z0-9_\-]{8,}"), REDACTED),  # Synapse / MAS access tokens
    (re.compile(r"(?i)\b(access_token|refresh_token|password|secret_token|token)([\"']?\s*[=:]\s*[\"']?)[^\s&\"',}]+"),
     r"\1\2" + REDACTED),
    (re.compile(r"(?i)\b(bearer\s+)[A-Za-z0-9._~+/=-]{8,}"), r"\1" + REDACTED),
]


class _State:
    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.secrets: set[str] = set()
        self.previous_factory: Any = None
        self.previous_levels: dict[str, int] = {}
        self.installed = False


_state = _State()


def redact(text: str) -> str:
    """`text` with every known secret and every token-shaped string replaced."""
    for secret in sorted(_state.secrets, key=len, reverse=True):
        if secret in text:
            text = text.replace(secret, REDACTED)
    for pattern, replacement in _PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def add_secret(value: str | None) -> None:
    """Redact `value` from now on (e.g. a Matrix access token obtained at login)."""
    if value and len(value) >= 6:
        with _state.lock:
            _state.secrets.add(value)


def is_third_party(name: str) -> bool:
    return any(name == top or name.startswith(top + ".") for top in THIRD_PARTY)


class PrivacyFilter(logging.Filter):
    """On a handler: drops third-party records below WARNING, redacts what passes."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.levelno < CAP and is_third_party(record.name):
            return False
        _scrub(record)
        return True


def _scrub(record: logging.LogRecord) -> None:
    if getattr(record, "_schutzlotse_scrubbed", False):
        return
    try:
        message = record.getMessage()
    except Exception:  # noqa: BLE001 - a bad format string must not end the program
        message = f"{record.msg!r} (unformattable log arguments)"
    record.msg, record.args = redact(message), None
    if record.exc_info and record.exc_info[0] is not None:
        record.exc_text = redact("".join(traceback.format_exception(*record.exc_info)).rstrip("\n"))
        record.exc_info = None  # formatters print exc_text; none can format the raw one again
    if record.stack_info:
        record.stack_info = redact(record.stack_info)
    record._schutzlotse_scrubbed = True  # type: ignore[attr-defined]


def _factory(*args: Any, **kwargs: Any) -> logging.LogRecord:
    record = _state.previous_factory(*args, **kwargs)
    _scrub(record)
    return record


def _secrets_of(settings: Any) -> Iterator[str]:
    for name in ("telegram_token", "telegram_webhook_secret", "matrix_password", "matrix_access_token", "data_key"):
        value = getattr(settings, name, None)
        if value is not None and hasattr(value, "get_secret_value"):
            value = value.get_secret_value()
        if value:
            yield str(value)


def install(settings: Any = None, *, secrets: Iterable[str] = ()) -> None:
    """Cap third-party loggers, filter every root handler, redact every record. Idempotent."""
    for value in [*(_secrets_of(settings) if settings is not None else ()), *secrets]:
        add_secret(value)
    for name in THIRD_PARTY:
        logger = logging.getLogger(name)
        _state.previous_levels.setdefault(name, logger.level)
        if logger.level < CAP:  # NOTSET (0) included: it would inherit the root's DEBUG
            logger.setLevel(CAP)
    for handler in logging.getLogger().handlers:
        if not any(isinstance(f, PrivacyFilter) for f in handler.filters):
            handler.addFilter(PrivacyFilter())
    with _state.lock:
        if not _state.installed:
            _state.previous_factory = logging.getLogRecordFactory()
            logging.setLogRecordFactory(_factory)
            _state.installed = True


def uninstall() -> None:
    """Undo `install` (for tests): factory, filters, levels and known secrets."""
    with _state.lock:
        if _state.installed:
            logging.setLogRecordFactory(_state.previous_factory)
            _state.installed = False
        _state.secrets.clear()
    for handler in logging.getLogger().handlers:
        for f in [f for f in handler.filters if isinstance(f, PrivacyFilter)]:
            handler.removeFilter(f)
    for name, level in _state.previous_levels.items():
        logging.getLogger(name).setLevel(level)
    _state.previous_levels.clear()


@contextmanager
def installed(settings: Any = None, *, secrets: Iterable[str] = ()) -> Iterator[None]:
    install(settings, secrets=secrets)
    try:
        yield
    finally:
        uninstall()
