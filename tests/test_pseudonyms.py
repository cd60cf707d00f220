"""Conversations are stored under a keyed pseudonym of the conversation key, never the key."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from handlers.messages import ConversationKey, TextIn
from tests.incident_helpers import running, settings_for

KEY = ConversationKey("telegram", "4711", "4711")


async def test_the_conversation_row_names_no_chat_or_user(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "data")
    async with running(settings) as app:
        await app.engine.handle(TextIn(key=KEY, lang_hint="de", text="Hallo"))
        rows = await app.db.fetchall("SELECT conv_key FROM conversations")
        assert len(rows) == 1 and "4711" not in rows[0][0] and len(rows[0][0]) == 40
        loaded = await app.engine.conversations.load(KEY)
        assert loaded is not None and loaded[0] is not None  # found again by the pseudonym
    raw = b"".join(p.read_bytes() for p in (tmp_path / "data").glob("schutzlotse.db*"))
    assert b"telegram:4711" not in raw


async def test_rows_of_an_older_version_move_to_their_pseudonym_and_keep_their_state(tmp_path: Path) -> None:
    settings = settings_for(tmp_path / "data")
    async with running(settings) as app:
        await app.engine.handle(TextIn(key=KEY, lang_hint="de", text="Hallo"))
        state, _ = await app.engine.conversations.load(KEY)  # type: ignore[misc]
        name = app.engine.conversations.row_name(KEY)
    # Put the row back under the plain key, as a version without pseudonyms stored it.
    db = sqlite3.connect(settings.db_path)
    blob, ts = db.execute("SELECT state, updated_at FROM conversations").fetchone()
    db.execute("DELETE FROM conversations")
    db.execute("INSERT INTO conversations (conv_key, state, updated_at) VALUES (?, ?, ?)", (str(KEY), state.to_json().encode(), ts))
    db.commit()
    db.close()
    async with running(settings) as app:
        rows = await app.db.fetchall("SELECT conv_key FROM conversations")
        assert rows == [(name,)]
        again, _ = await app.engine.conversations.load(KEY)  # type: ignore[misc]
        assert again is not None and again.node == state.node
