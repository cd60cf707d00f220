"""The engine's transactional outbox: actions stored with the state, run idempotently,
retried after a failure and replayed after a restart (issue 12, item 1).

Failures are real: a SQLite trigger makes the INSERT of the escalation or the record fail,
exactly as a full disk or a broken database would, and is dropped again."""

from __future__ import annotations

import datetime as dt

import handlers.escalation_flow  # noqa: F401  registers the action classes
import handlers.incident  # noqa: F401
from bot.clock import ManualClock
from handlers.messages import CommandIn, ContactCard, ConversationKey, Document, Option, OptionChosen, OutboundMessage, TextIn
from handlers.state import ACTIONS, action_from_json, action_to_json, messages_from_json, messages_to_json
from tests.escalation_helpers import OFFICER_A, USER, escalation_app, knowledge_dir, until
from tests.incident_helpers import Capture, Chat, settings_for, running

T0 = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


async def _break(db, table: str) -> None:
    async with db.transaction() as conn:
        await conn.execute(
            f"CREATE TRIGGER broken_{table} BEFORE INSERT ON {table} BEGIN SELECT RAISE(ABORT, 'disk on fire'); END")


async def _mend(db, table: str) -> None:
    async with db.transaction() as conn:
        await conn.execute(f"DROP TRIGGER broken_{table}")


async def _to_the_send_step(app) -> None:
    handle = app.engine.handle
    await handle(CommandIn(key=USER, name="notfall"))
    await handle(OptionChosen(key=USER, option_id="escalate"))
    out = await handle(TextIn(key=USER, text="0351 1234567"))
    assert out[-1].request_location  # the next answer ("Pirna") sends the escalation


async def _counts(app) -> tuple[int, int]:
    escalations = (await app.db.fetchone("SELECT count(*) FROM escalations"))[0]
    alerts = (await app.db.fetchone("SELECT count(*) FROM escalation_deliveries WHERE result = 'sent'"))[0]
    return escalations, alerts


async def test_trigger_fails_once_and_the_same_update_comes_again_stored_and_alerted_once(tmp_path):
    """The reproduction from issue 12: before, the escalation was lost for good."""
    clock, kdir = ManualClock(T0), knowledge_dir(tmp_path)
    async with escalation_app(tmp_path, clock, kdir=kdir) as (app, ch):
        await _to_the_send_step(app)
        [receipt] = await app.engine.inbox.put("console", [("update-7", b'{"text": "Pirna"}')])
        await _break(app.db, "escalations")
        first = await app.engine.handle(TextIn(key=USER, text="Pirna"), receipt=receipt)
        assert "110" in first[-1].text  # the apology names 110; nothing is stored yet
        assert await _counts(app) == (0, 0)
        open_rows = await app.db.fetchall("SELECT attempts FROM outbox WHERE done_at IS NULL")
        assert len(open_rows) == 1  # the trigger waits in the outbox
        await _mend(app.db, "escalations")

        # The same update again (Telegram redelivers, the user taps twice): stored already.
        assert await app.engine.inbox.put("console", [("update-7", b'{"text": "Pirna"}')]) == []
        clock.advance(1)  # the retry's backoff has passed
        await until(lambda: len(ch["telegram"].to(OFFICER_A)) == 1 and ch["console"].to(USER))
        assert await _counts(app) == (1, 1)
        confirmation = ch["console"].to(USER)[0]
        ref = (await app.db.fetchone("SELECT ref FROM escalations"))[0]
        assert ref in confirmation.text and confirmation.emergency
        await until(lambda: app.engine.outbox_rounds > 0 and len(app.engine.outbox) == 0)
        # Even a restart now changes nothing: the row is gone, the escalation stays single.
        assert (await app.db.fetchone("SELECT count(*) FROM outbox"))[0] in (0, 1)
    clock2 = ManualClock(T0 + dt.timedelta(seconds=2))
    async with escalation_app(tmp_path, clock2, kdir=kdir) as (app, ch):
        await until(lambda: app.engine.outbox_rounds > 0)
        assert await _counts(app) == (1, 1)
        assert (await app.db.fetchone("SELECT count(*) FROM outbox"))[0] == 0
        assert ch["telegram"].sent == []


async def test_after_a_failed_trigger_the_next_message_first_finishes_it(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        await _to_the_send_step(app)
        await _break(app.db, "escalations")
        await app.engine.handle(TextIn(key=USER, text="Pirna"))
        await _mend(app.db, "escalations")
        again = await app.engine.handle(TextIn(key=USER, text="Pirna"))  # before any retry is due
        ref = (await app.db.fetchone("SELECT ref FROM escalations"))[0]
        assert ref in again[0].text  # the stored trigger ran first, its answer comes first
        assert await _counts(app) == (1, 1)
        assert len(ch["telegram"].to(OFFICER_A)) == 1


async def test_record_saved_after_a_restart_reaches_the_user_with_its_reference(tmp_path):
    """The process stops after the save was asked for but before it ran (here: it failed):
    the next start saves it once and hands the reference over through the channel."""
    settings = settings_for(tmp_path / "data")
    async with running(settings) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        await chat.text("Bürgermeisterin")  # who is affected, in which office
        await chat.text("gestern 22 Uhr")
        for text in ("Rathaus", "Drohung", "unbekannt", "keine"):
            await chat.text(text)
        await chat.text("https://example.org/post")
        await chat.option("done")
        await chat.option("rep_no")
        await _break(app.db, "incidents")
        failed = await chat.option("save")
        assert not any("SL-" in m.text for m in failed)
        assert (await app.db.fetchone("SELECT count(*) FROM incidents"))[0] == 0
        await _mend(app.db, "incidents")
    async with running(settings) as app:
        capture = Capture()
        app.engine.register_channel("console", capture)
        await until(lambda: any("SL-" in m.text for _, m in capture.sent))
        rows = await app.db.fetchall("SELECT ref, action_id FROM incidents")
        assert len(rows) == 1 and rows[0][1] is not None
        assert any(rows[0][0] in m.text for _, m in capture.sent)
        await until(lambda: len(app.engine.outbox) == 0)
        # The conversation went on: the follow-up (reminder question) is the current screen.
        after = await Chat(app).option("no")
        assert after


async def test_saving_twice_with_one_action_id_makes_one_record(tmp_path):
    settings = settings_for(tmp_path / "data")
    async with running(settings) as app:
        store = app.incidents.store
        key = ConversationKey("console", "u1", "u1")
        first = await store.create(key, {"what": "x"}, [], T0, action_id="a" * 32)
        second = await store.create(key, {"what": "x"}, [], T0, action_id="a" * 32)
        assert first == second
        assert (await app.db.fetchone("SELECT count(*) FROM incidents"))[0] == 1


def test_every_registered_action_survives_the_outbox_encoding():
    key = ConversationKey("matrix", "!r:hs", "@u:hs")
    samples = {str: "Text ä", int: 3, float: 1.5, bytes: b"\x00\xff", "tuple": ("a", "b")}
    for name, cls in ACTIONS.items():
        values = {}
        for f in cls.__dataclass_fields__.values():
            if f.name == "key":
                values["key"] = key
            elif "bytes" in str(f.type):
                values[f.name] = samples[bytes]
            elif "tuple" in str(f.type):
                values[f.name] = samples["tuple"]
            elif "dict" in str(f.type):
                values[f.name] = {"nested": [1, {"b": None}], "z": ("t",)}
            elif "int" in str(f.type):
                values[f.name] = 7
            elif "float" in str(f.type):
                values[f.name] = 51.05
            else:
                values[f.name] = "wert ß"
        action = cls(**values)
        assert action_from_json(action_to_json(action)) == action, name
    messages = [OutboundMessage("a", (Option("x", "y"),), (ContactCard("c", "n", phone="110"),),
                                document=Document("f.pdf", "application/pdf", b"%PDF"))]
    assert messages_from_json(messages_to_json(messages)) == messages
