"""The database: migrations, schema version, WAL, permissions, refusing a newer schema."""

from __future__ import annotations

import sqlite3
import stat

import pytest

from bot.store import Database, StoreError, migrations


async def test_migrations_are_applied_in_order_and_recorded(tmp_path):
    db = await Database.open(tmp_path / "a.db")
    try:
        known = migrations()
        assert [n for n, _, _ in known] == sorted(n for n, _, _ in known)
        assert await db.schema_version() == known[-1][0]
        row = await db.fetchone("PRAGMA journal_mode")
        assert row[0] == "wal"
        tables = {r[0] for r in await db.fetchall("SELECT name FROM sqlite_master WHERE type='table'")}
        assert "conversations" in tables
    finally:
        await db.close()


async def test_opening_again_applies_nothing_twice(tmp_path):
    path = tmp_path / "a.db"
    db = await Database.open(path)
    async with db.transaction() as conn:
        await conn.execute("INSERT INTO conversations VALUES ('k', x'01', 1.0)")
    await db.close()
    db = await Database.open(path)
    try:
        assert (await db.fetchone("SELECT count(*) FROM conversations"))[0] == 1
    finally:
        await db.close()


async def test_database_file_is_private(tmp_path):
    path = tmp_path / "a.db"
    db = await Database.open(path)
    await db.close()
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


async def test_a_newer_schema_is_refused_and_left_alone(tmp_path):
    path = tmp_path / "a.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version=999")
    with pytest.raises(StoreError, match="newer"):
        await Database.open(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 999


async def test_failed_transaction_rolls_back(tmp_path):
    db = await Database.open(tmp_path / "a.db")
    try:
        with pytest.raises(RuntimeError):
            async with db.transaction() as conn:
                await conn.execute("INSERT INTO conversations VALUES ('k', x'01', 1.0)")
                raise RuntimeError("boom")
        assert (await db.fetchone("SELECT count(*) FROM conversations"))[0] == 0
    finally:
        await db.close()
