"""pytest fixture for the fake Bot API.

Use: in tests/conftest.py add `from tests.telegram_harness.fixtures import fake_bot_api`
(or import it in a test module), then take `fake_bot_api` as a test argument:

    async def test_x(fake_bot_api: FakeBotApi) -> None:
        app = fake_bot_api.application_builder().build()
        ...
        async with polling(app, timeout=1):
            fake_bot_api.inject_message(chat_id=7, user_id=7, text="Hallo")
            await fake_bot_api.wait_for("sendMessage")

The fixture sets PTB_TIMEDELTA=true for the test: without it PTB 22.8 warns
(PTBDeprecationWarning) whenever it builds a RetryAfter, and under filterwarnings=error that
warning replaces the RetryAfter exception. The bot process should set it too.

Teardown fails the test if the bot called a Bot API method the fake does not know, unless
the test set `fake_bot_api.expect_unknown_methods = True`.
"""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
import pytest_asyncio

from tests.telegram_harness.server import FakeBotApi


@pytest_asyncio.fixture
async def fake_bot_api(monkeypatch: pytest.MonkeyPatch) -> AsyncIterator[FakeBotApi]:
    monkeypatch.setenv("PTB_TIMEDELTA", "true")
    api = FakeBotApi()
    await api.start()
    try:
        yield api
    finally:
        await api.stop()
    unknown = sorted({call.method for call in api.unknown_calls})
    if unknown and not api.expect_unknown_methods:
        raise AssertionError(f"bot called Bot API methods the fake does not serve: {unknown}")
