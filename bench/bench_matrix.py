"""Benchmark: one conversation turn through a real Synapse (official sends, bot answers).

Median and p95 round trip, plain and encrypted DM, for the Schutzlotse bot (real Engine on
a SQLite file) and, in the same run on the same server, a bare nio echo bot as baseline.
Run: SCHUTZLOTSE_SYNAPSE_PYTHON=/tmp/warmsyn/bin/python /tmp/warm/bin/python bench/bench_matrix.py [turns]
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import secrets
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from nio import AsyncClient, AsyncClientConfig, InviteMemberEvent, RoomMessageText  # noqa: E402

from tests.matrix_bot import running_bot  # noqa: E402
from tests.matrix_harness.client import OfficialClient  # noqa: E402
from tests.matrix_harness.fixtures import MatrixUser  # noqa: E402
from tests.matrix_harness.synapse import SynapseServer  # noqa: E402

WARMUP = 3


def register(server: SynapseServer, prefix: str) -> MatrixUser:
    localpart = f"{prefix}-{secrets.token_hex(3)}"
    password = secrets.token_urlsafe(12)
    return MatrixUser(localpart, server.register_user(localpart, password), password)


@contextlib.asynccontextmanager
async def echo_bot(base_url: str, user: MatrixUser, store: Path):
    """The baseline: joins every invite and echoes every text, nothing else."""
    config = AsyncClientConfig(encryption_enabled=True, store_sync_tokens=True)
    client = AsyncClient(base_url, user.user_id, store_path=str(store), config=config)
    started = int(time.time() * 1000)

    async def on_invite(room, event):
        if event.state_key == client.user_id and event.membership == "invite":
            await client.join(room.room_id)

    async def on_text(room, event):
        if event.sender != client.user_id and event.server_timestamp >= started:
            await client.room_send(
                room.room_id, "m.room.message", {"msgtype": "m.text", "body": event.body},
                ignore_unverified_devices=True,
            )  # fmt: skip

    client.add_event_callback(on_invite, InviteMemberEvent)
    client.add_event_callback(on_text, RoomMessageText)
    store.mkdir(parents=True, exist_ok=True)
    await client.login(user.password)
    await client.keys_upload()
    task = asyncio.create_task(client.sync_forever(timeout=30_000, full_state=True))
    try:
        yield
    finally:
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        await client.close()


async def measure(
    official: OfficialClient, bot_id: str, encrypted: bool, texts, until: str, turns: int
) -> list[float]:
    """Round trips in ms: send, then wait for the reply carrying `until` (the turn's end)."""
    room_id = await official.create_dm(bot_id, encrypted=encrypted)
    await official.wait_for_member(room_id, bot_id)
    times = []
    for i in range(turns + WARMUP):
        begin = time.perf_counter()
        await official.send_text(room_id, texts[i % len(texts)])
        while until not in (await official.next_message(bot_id, room_id, timeout=30)).body:
            pass  # e.g. the one-time unencrypted-room warning before the first answer
        if i >= WARMUP:
            times.append((time.perf_counter() - begin) * 1000)
    return times


def row(name: str, times: list[float]) -> str:
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return f"| {name} | {len(times)} | {statistics.median(times):.1f} | {p95:.1f} |"


async def main(turns: int) -> None:
    logging.basicConfig(level=logging.ERROR)
    with SynapseServer() as server, tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        results = []
        bot, echo = register(server, "bot"), register(server, "echo")
        async with running_bot(server.base_url, bot, work / "bot"), echo_bot(
            server.base_url, echo, work / "echo"
        ):
            for encrypted in (False, True):
                user = register(server, "official")
                official = OfficialClient(
                    server.base_url, user.user_id, user.password, work / user.localpart
                )
                await official.login()
                try:
                    kind = "encrypted" if encrypted else "plain"
                    # Each turn is one answer message: the emergency notice, then the category question.
                    results.append(row(f"Schutzlotse, {kind}", await measure(
                        official, bot.user_id, encrypted, ["/notfall", "1"], "1)", turns)))  # fmt: skip
                    results.append(row(f"nio echo bot, {kind}", await measure(
                        official, echo.user_id, encrypted, ["ping"], "ping", turns)))  # fmt: skip
                finally:
                    await official.close()
        print("| bot, room | turns | median ms | p95 ms |")
        print("|---|---|---|---|")
        print("\n".join(results))


if __name__ == "__main__":
    asyncio.run(main(int(sys.argv[1]) if len(sys.argv) > 1 else 100))
