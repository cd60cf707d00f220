"""The engine over a real SQLite file: durability, restart, timeout, isolation, ordering."""

from __future__ import annotations

import asyncio
import sqlite3

from bot.clock import ManualClock
from handlers.messages import CommandIn, ConversationKey, OptionChosen, TextIn
from tests.helpers import NOW, open_engine, option_ids


def key(n: int = 1) -> ConversationKey:
    return ConversationKey("test", f"chat{n}", f"user{n}")


async def test_state_survives_a_restart(tmp_path, knowledge):
    db_file = tmp_path / "bot.db"
    engine, db = await open_engine(db_file, knowledge)
    await engine.handle(CommandIn(key=key(), name="start"))
    await engine.handle(OptionChosen(key=key(), option_id="danger_no"))
    await engine.handle(TextIn(key=key(), text="Bedrohung"))
    await db.close()

    engine2, db2 = await open_engine(db_file, knowledge)
    try:
        messages = await engine2.handle(TextIn(key=key(), text="1"))  # "Ja, im Internet"
        loaded = await engine2.conversations.load(key())
        assert loaded is not None
        state, _ = loaded
        assert state.category == "threat" and state.aspects == ("online",)
        assert state.node == "aspect_extremist"
        assert "extremist_yes" in option_ids(messages)
    finally:
        await db2.close()


async def test_each_turn_is_committed_before_the_answer(tmp_path, knowledge):
    db_file = tmp_path / "bot.db"
    engine, db = await open_engine(db_file, knowledge)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        await engine.handle(OptionChosen(key=key(), option_id="danger_no"))
        # A second, independent connection sees the committed state right away.
        with sqlite3.connect(db_file) as other:
            row = other.execute("SELECT state FROM conversations").fetchone()
        assert b'"node":"category"' in bytes(row[0])
    finally:
        await db.close()


async def test_inactivity_timeout_discards_state_and_tells_the_user(tmp_path, knowledge):
    clock = ManualClock(NOW)
    engine, db = await open_engine(tmp_path / "bot.db", knowledge, clock, session_timeout_minutes=30)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        await engine.handle(OptionChosen(key=key(), option_id="danger_no"))
        clock.advance(minutes=29)
        messages = await engine.handle(TextIn(key=key(), text="Bedrohung"))
        assert "online_yes" in option_ids(messages)  # still the same conversation
        clock.advance(minutes=31)
        messages = await engine.handle(TextIn(key=key(), text="nein"))
        assert "30 Minuten" in messages[0].text
        # "nein" answered the old question; it must not skip the danger question it never saw.
        state, _ = await engine.conversations.load(key())
        assert state.category is None and state.node == "danger_now"
    finally:
        await db.close()


async def test_idle_states_are_purged_without_the_user_coming_back(tmp_path, knowledge):
    clock = ManualClock(NOW)
    engine, db = await open_engine(tmp_path / "bot.db", knowledge, clock)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        await engine.handle(OptionChosen(key=key(), option_id="danger_no"))
        await engine.handle(TextIn(key=key(), text="Bedrohung"))
        clock.advance(minutes=45)
        assert await engine.purge_expired() == 1
        row = await db.fetchone("SELECT length(state) FROM conversations")
        assert row[0] == 0  # content erased; only the key remains, to explain on return
        messages = await engine.handle(TextIn(key=key(), text="hallo"))
        assert "Minuten" in messages[0].text
        clock.advance(days=8)
        await engine.purge_expired()
        await engine.handle(CommandIn(key=key(2), name="start"))
        clock.advance(days=8)
        await engine.purge_expired()
        rows = await db.fetchall("SELECT conv_key FROM conversations")
        assert rows == []
    finally:
        await db.close()


async def test_concurrent_conversations_do_not_see_each_other(tmp_path, knowledge):
    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    categories = ["threat", "insult", "stalking", "coercion"] * 10
    try:
        async def converse(n: int, category: str) -> None:
            await engine.handle(CommandIn(key=key(n), name="start"))
            await engine.handle(OptionChosen(key=key(n), option_id="danger_no"))
            await engine.handle(OptionChosen(key=key(n), option_id=category))

        await asyncio.gather(*(converse(n, c) for n, c in enumerate(categories)))
        for n, category in enumerate(categories):
            state, _ = await engine.conversations.load(key(n))
            assert state.category == category
        assert len(engine.locks) == 0  # locks are dropped when unused
    finally:
        await db.close()


async def test_events_of_one_conversation_are_handled_in_order(tmp_path, knowledge):
    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        # Two quick taps: the second is only valid after the first has been applied.
        first, second = await asyncio.gather(
            engine.handle(OptionChosen(key=key(), option_id="danger_no")),
            engine.handle(OptionChosen(key=key(), option_id="insult")),
        )
        assert "insult" in option_ids(first)
        state, _ = await engine.conversations.load(key())
        assert state.category == "insult"
        assert second[0].category == "insult"
    finally:
        await db.close()


async def test_cancel_deletes_the_row(tmp_path, knowledge):
    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        await engine.handle(CommandIn(key=key(), name="abbrechen"))
        assert await db.fetchall("SELECT * FROM conversations") == []
    finally:
        await db.close()


async def test_deliver_reaches_a_registered_channel(tmp_path, knowledge):
    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    received = []

    class Recorder:
        async def send(self, k, messages):
            received.append((k, messages))

    engine.register_channel("test", Recorder())
    try:
        from handlers.messages import OutboundMessage

        await engine.deliver(key(), [OutboundMessage("hallo")])
        assert received[0][0] == key() and received[0][1][0].text == "hallo"
    finally:
        await db.close()


async def test_a_failure_inside_is_answered_and_loses_nothing(tmp_path, knowledge, caplog):
    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    try:
        await engine.handle(CommandIn(key=key(), name="start"))
        await engine.handle(OptionChosen(key=key(), option_id="danger_no"))

        async def broken(event):
            raise ValueError(f"secret user text: {getattr(event, 'text', '')}")

        engine.interceptors.append(broken)
        messages = await engine.handle(TextIn(key=key(), text="Mein Nachbar Herr Geheim"))
        assert "110" in messages[0].text and "schiefgegangen" in messages[0].text
        assert "Herr Geheim" not in caplog.text and "ValueError" in caplog.text
        engine.interceptors.remove(broken)
        state, _ = await engine.conversations.load(key())
        assert state.node == "category"  # the last completed turn is intact
        messages = await engine.handle(TextIn(key=key(), text="Bedrohung"))
        assert "online_yes" in option_ids(messages)
    finally:
        await db.close()
