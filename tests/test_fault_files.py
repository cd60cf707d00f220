"""Files at rest: owner-only modes (WAL and SHM included), no orphaned evidence, deletion
that removes files before rows, temporary exports, heavy work in worker threads with one
job per user, and keyed pseudonyms.
"""

from __future__ import annotations

import asyncio
import os
import stat
import threading

from bot.channels.console import ConsoleChannel
from bot.heavy import HeavyWork
from bot.incidents.crypto import DataKey
from bot.pseudonym import Pseudonyms, looks_pseudonymous
from bot.store import Database
from handlers.incident import model
from handlers.messages import ConversationKey, OutboundMessage
from tests.incident_helpers import PNG_BYTES, Chat, pdf_bytes, running, settings_for


def _mode(path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


async def test_database_wal_and_shm_are_owner_only_even_with_a_lax_umask(tmp_path):
    old = os.umask(0o022)
    try:
        db = await Database.open(tmp_path / "bot.db")
        try:
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO conversations (conv_key, state, updated_at) VALUES ('x', x'00', 1)")
            names = {p.name: _mode(p) for p in tmp_path.iterdir()}
        finally:
            await db.close()
    finally:
        os.umask(old)
    assert {"bot.db", "bot.db-wal", "bot.db-shm"} <= set(names)
    assert all(mode == 0o600 for mode in names.values()), names


async def test_orphan_evidence_files_are_swept_at_start(tmp_path):
    settings = settings_for(tmp_path)
    async with running(settings) as app:
        await Chat(app).record(files=[("a.png", "image/png", PNG_BYTES)])
    evidence = tmp_path / "evidence"
    [kept] = list(evidence.iterdir())
    orphan = evidence / ("ab" * 16 + ".bin")  # as a crash between file and row leaves it
    orphan.write_bytes(b"SLE1...")
    async with running(settings):
        assert sorted(p.name for p in evidence.iterdir()) == [kept.name]


async def test_deletion_removes_files_before_rows_and_can_be_repeated(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.record(files=[("a.png", "image/png", PNG_BYTES), ("b.pdf", "application/pdf", pdf_bytes())])
        store, now = app.incidents.store, app.engine.clock.now()
        # The row deletion fails (as a crash would stop it): the files must already be gone.
        await app.db.conn.execute(
            "CREATE TEMP TRIGGER stop_delete BEFORE DELETE ON evidence BEGIN SELECT RAISE(ABORT, 'stop'); END")
        try:
            await store.delete_user(chat.key, now)
        except Exception as exc:  # noqa: BLE001 - sqlite3.IntegrityError through aiosqlite
            assert "stop" in str(exc)
        else:
            raise AssertionError("the trigger did not stop the deletion")
        assert list((tmp_path / "evidence").iterdir()) == []
        data, files = await store.export_user(chat.key, now)  # rows without files: export still works
        assert len(data["records"]) == 1 and files == {}
        await app.db.conn.execute("DROP TRIGGER stop_delete")
        await store.delete_user(chat.key, now)
        assert await store.list(chat.key) == []


async def test_console_exports_are_deleted_by_loeschen(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        console = ConsoleChannel.from_settings(app.engine, app.settings, user="u1", jsonl=True)
        chat = Chat(app)
        await chat.record(files=[("a.png", "image/png", PNG_BYTES)])
        exported = await chat.command("meinedaten")
        await console.send(chat.key, exported)  # the terminal writes the ZIP for the user to pick up
        [written] = list((tmp_path / "exports").iterdir())
        assert _mode(written) == 0o600
        await chat.command("loeschen")
        done = await chat.option("yes")
        assert "gelöscht" in done[-1].text
        assert list((tmp_path / "exports").iterdir()) == []


async def test_heavy_jobs_run_in_a_worker_while_the_loop_serves_others():
    heavy = HeavyWork()
    key = ConversationKey("telegram", "1", "7")
    same_user_other_chat = ConversationKey("telegram", "2", "7")
    gate, started = threading.Event(), threading.Event()

    def job() -> str:
        started.set()
        gate.wait(10)
        return threading.current_thread().name

    try:
        async with heavy.slot(key) as free:
            assert free
            running_job = asyncio.ensure_future(heavy.run(job))
            await asyncio.to_thread(started.wait, 10)
            async with heavy.slot(same_user_other_chat) as second:
                assert second is False  # one heavy job per user at a time
            async with heavy.slot(ConversationKey("telegram", "3", "8")) as other_user:
                assert other_user  # other users are not held up
            assert not running_job.done()  # the loop ran all of the above while the job ran
            gate.set()
            assert (await running_job).startswith("heavy")
        assert not heavy.busy(key)
    finally:
        gate.set()
        heavy.close()


async def test_a_second_export_of_the_same_user_is_asked_to_wait(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.record(files=[("a.png", "image/png", PNG_BYTES)])
        effects = app.incidents.effects
        first = asyncio.ensure_future(effects.export(model.ExportData(key=chat.key, lang="de"), None))
        while not effects.heavy.busy(chat.key):
            await asyncio.sleep(0)
        other_chat = ConversationKey(chat.key.channel, "another-chat", chat.key.user)
        second = await effects.export(model.ExportData(key=other_chat, lang="en"), None)
        assert second.messages == [OutboundMessage(app.knowledge.current.incident.heavy_busy.en)]
        done = await first
        assert done.messages[0].document is not None
        again = await effects.export(model.ExportData(key=other_chat, lang="de"), None)
        assert again.messages[0].document is not None  # free again once the first is done


def test_pseudonyms_are_keyed_stable_and_match_the_incident_owner():
    raw = bytes(range(32))
    pseudonyms = Pseudonyms(raw)
    key = ConversationKey("matrix", "!room:hs", "@anna:hs")
    value = pseudonyms(key)
    assert value == pseudonyms(str(key)) == DataKey(raw, "test").owner_id(str(key))
    assert looks_pseudonymous(value) and not looks_pseudonymous(str(key))
    assert "anna" not in value and value != Pseudonyms(bytes(32))(key)
