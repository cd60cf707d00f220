"""pytest fixtures for tests against a real Synapse: the server, fresh users, test clients.

Use in a test module (or once in tests/conftest.py for every module):

    from tests.matrix_harness.fixtures import (  # noqa: F401  (pytest finds fixtures by name)
        matrix_user, official_client, synapse,
    )

    async def test_bot_answers(synapse, matrix_user, official_client):
        bot = matrix_user("bot")                       # MatrixUser(user_id, password, localpart)
        official = await official_client(matrix_user("official"))
        room_id = await official.create_dm(bot.user_id, encrypted=True)
        ...  # run the bot in-process as an asyncio task against synapse.base_url

`synapse` is session-scoped: one homeserver per test session, stopped at teardown. Users are
unique per call, so tests sharing the server never see each other's rooms.
"""

from __future__ import annotations

import itertools
import secrets
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.matrix_harness.client import OfficialClient
from tests.matrix_harness.synapse import SynapseServer

_user_counter = itertools.count(1)


@dataclass(frozen=True)
class MatrixUser:
    localpart: str
    user_id: str
    password: str


@pytest.fixture(scope="session")
def synapse() -> Iterator[SynapseServer]:
    server = SynapseServer()
    server.start()
    try:
        yield server
    finally:
        server.cleanup()


@pytest.fixture
def matrix_user(synapse: SynapseServer) -> Callable[..., MatrixUser]:
    """Factory: `matrix_user("bot", admin=False)` registers a fresh, unique user."""

    def register(prefix: str = "user", admin: bool = False) -> MatrixUser:
        localpart = f"{prefix}-{next(_user_counter)}-{secrets.token_hex(3)}"
        password = secrets.token_urlsafe(12)
        user_id = synapse.register_user(localpart, password, admin=admin)
        return MatrixUser(localpart, user_id, password)

    return register


@pytest.fixture
async def official_client(
    synapse: SynapseServer, tmp_path: Path
) -> AsyncIterator[Callable[[MatrixUser], Awaitable[OfficialClient]]]:
    """Factory: `await official_client(user)` logs in a syncing client; closed at teardown."""
    clients: list[OfficialClient] = []

    async def login(user: MatrixUser) -> OfficialClient:
        store = tmp_path / f"nio-store-{user.localpart}"
        client = OfficialClient(synapse.base_url, user.user_id, user.password, store)
        clients.append(client)
        await client.login()
        return client

    try:
        yield login
    finally:
        for client in clients:
            await client.close()
