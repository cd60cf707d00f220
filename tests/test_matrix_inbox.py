"""Matrix is at-least-once (issue 12): events are in the engine's inbox before the sync
token moves on, and a turn cut off by a crash is handled at the next start."""

from __future__ import annotations

import asyncio

from tests.matrix_bot import assert_quiet, running_bot, turn
from tests.matrix_harness.fixtures import matrix_user, official_client, synapse  # noqa: F401
from tests.test_matrix_channel import CATEGORY, DANGER, ONLINE, _open_dm


async def _until(condition, timeout: float = 15.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not await condition():
        assert asyncio.get_running_loop().time() < deadline, "condition not reached in time"
        await asyncio.sleep(0.02)


class Stuck:
    """An interceptor that holds every turn until the process goes away (a crash mid-turn)."""

    def __init__(self) -> None:
        self.entered = asyncio.Event()

    async def __call__(self, event):
        self.entered.set()
        await asyncio.Event().wait()


async def test_a_turn_cut_off_by_a_crash_is_handled_at_the_next_start(synapse, matrix_user, official_client, tmp_path):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    data = tmp_path / "data"
    async with running_bot(synapse.base_url, bot, data) as channel:
        room_id = await _open_dm(official, bot.user_id, encrypted=True)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        stuck = Stuck()
        channel.engine.interceptors.insert(0, stuck)
        await official.send_text(room_id, "2")
        await asyncio.wait_for(stuck.entered.wait(), 15)  # stored, sync token saved, turn running
        assert (await channel.engine.inbox.count("matrix"))["pending"] == 1
    # the turn never finished; the server will not send the event again (token saved)
    async with running_bot(synapse.base_url, bot, data) as channel:
        answer = await turn(official, room_id, bot.user_id, None, CATEGORY)
        assert len(answer) == 1
        await _until(lambda: _pending(channel, 0))
        await assert_quiet(official, room_id, bot.user_id, 1.0)  # handled once, not twice


async def _pending(channel, expected: int) -> bool:
    await channel.engine.inbox.flush()
    return (await channel.engine.inbox.count("matrix"))["pending"] == expected


async def test_events_the_inbox_cannot_store_come_again_with_the_next_sync(
    synapse, matrix_user, official_client, tmp_path
):
    bot = matrix_user("bot")
    official = await official_client(matrix_user("official"))
    async with running_bot(synapse.base_url, bot, tmp_path / "data") as channel:
        room_id = await _open_dm(official, bot.user_id, encrypted=False)
        await turn(official, room_id, bot.user_id, "Hallo", DANGER)
        db = channel.engine.conversations.db
        async with db.transaction() as conn:
            await conn.execute("CREATE TRIGGER broken BEFORE INSERT ON inbox BEGIN SELECT RAISE(ABORT, 'full'); END")
        failures = channel.store_failures
        await official.send_text(room_id, "2")

        async def failed() -> bool:
            return channel.store_failures > failures

        await _until(failed)
        async with db.transaction() as conn:
            await conn.execute("DROP TRIGGER broken")
        # the token was not moved past the event: the next sync brings it again
        answer = await turn(official, room_id, bot.user_id, None, CATEGORY)
        assert len(answer) == 1
        await turn(official, room_id, bot.user_id, "2", ONLINE)
