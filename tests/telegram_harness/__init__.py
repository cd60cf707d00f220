"""Test harness for the Telegram channel: a fake Bot API server that real PTB talks to.

Public names: FakeBotApi, ApiCall, StoredMessage, the `fake_bot_api` fixture, the lifecycle
helpers `polling`/`webhook`, and `build_echo_application` (baseline for benchmarks).
"""

from tests.telegram_harness.echo import build_echo_application
from tests.telegram_harness.lifecycle import free_port, other_tasks, polling, webhook
from tests.telegram_harness.records import ApiCall, StoredFile, StoredMessage, UploadedFile
from tests.telegram_harness.server import DEFAULT_TOKEN, SECRET_HEADER, FakeBotApi

__all__ = [
    "DEFAULT_TOKEN",
    "SECRET_HEADER",
    "ApiCall",
    "FakeBotApi",
    "StoredFile",
    "StoredMessage",
    "UploadedFile",
    "build_echo_application",
    "free_port",
    "other_tasks",
    "polling",
    "webhook",
]
