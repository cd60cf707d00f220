"""The conversation store's group commit: read your writes, and rows that ride along."""

from __future__ import annotations

import asyncio
import datetime as dt

from bot.conversations import ConversationStore, TurnWrite
from bot.store import Database
from handlers.messages import ConversationKey
from handlers.state import ConversationState

NOW = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)
KEY = ConversationKey("test", "c1", "u1")


async def test_a_write_waiting_for_its_commit_is_what_load_sees(tmp_path):
    db = await Database.open(tmp_path / "c.db")
    try:
        store = ConversationStore(db)
        await store.save(KEY, ConversationState(node="first"), NOW)
        async with db.transaction():  # another writer holds the database: the next commit waits
            saving = asyncio.create_task(store.save(KEY, ConversationState(node="second"), NOW))
            await asyncio.sleep(0)  # one loop step: the save is queued, its commit cannot start
            assert not saving.done()
            loaded = await store.load(KEY)
            assert loaded is not None and loaded[0] is not None and loaded[0].node == "second"
            row = await db.fetchone("SELECT state FROM conversations WHERE conv_key = ?", (str(KEY),))
            assert b"first" in bytes(row[0])  # on disk it is still the old state
        await saving
        loaded = await store.load(KEY)
        assert loaded is not None and loaded[0] is not None and loaded[0].node == "second"
    finally:
        await db.close()


async def test_a_failed_commit_fails_every_turn_in_it_and_nothing_is_half_written(tmp_path):
    db = await Database.open(tmp_path / "c.db")
    try:
        store = ConversationStore(db)
        async with db.transaction() as conn:
            await conn.execute("CREATE TRIGGER broken BEFORE INSERT ON outbox BEGIN SELECT RAISE(ABORT, 'x'); END")
        write = TurnWrite(outbox_new=[("a1", b"sealed", 1.0, 1.0)])
        other = asyncio.create_task(store.save(ConversationKey("test", "c2", "u2"), ConversationState(node="n"), NOW))
        try:
            await store.save(KEY, ConversationState(node="with-action"), NOW, write)
        except Exception as exc:  # noqa: BLE001
            failed = exc
        else:
            failed = None
        assert failed is not None
        assert (await db.fetchone("SELECT count(*) FROM conversations WHERE conv_key = ?", (str(KEY),)))[0] == 0
        assert (await db.fetchone("SELECT count(*) FROM outbox"))[0] == 0
        await asyncio.gather(other, return_exceptions=True)
    finally:
        await db.close()


async def test_flushing_at_shutdown_waits_for_a_commit_under_way(tmp_path):
    """Done marks already taken into a running commit are on disk once flush_later returns,
    so closing the database right after cannot lose them (a restart would answer again)."""
    db = await Database.open(tmp_path / "c.db")
    store = ConversationStore(db)
    await store.save(KEY, ConversationState(node="n"), NOW, TurnWrite(outbox_new=[("a1", b"sealed", 1.0, 1.0)]))
    async with db.transaction():  # another writer holds the database: the marks' commit waits
        store.later(outbox_gone=["a1"])
        store._flush_later_soon()  # the timer fires: the commit starts and takes the marks
        await asyncio.sleep(0.05)
        assert not store._later  # taken, not yet written
        flushing = asyncio.create_task(store.flush_later())
        await asyncio.sleep(0.05)
        assert not flushing.done()  # it waits for the commit under way
    await flushing
    await db.close()
    db = await Database.open(tmp_path / "c.db")
    try:
        assert (await db.fetchone("SELECT count(*) FROM outbox"))[0] == 0
    finally:
        await db.close()
