"""The SQLite database: one aiosqlite connection, WAL mode, numbered migrations.

Migrations are the files `bot/migrations/NNNN_name.sql`, applied in order at open;
`PRAGMA user_version` records the last one applied. Writers share one connection, so
every write runs inside `transaction()`, which serialises transactions.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import re
import sqlite3
from collections.abc import AsyncIterator, Iterable
from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

import aiosqlite

log = logging.getLogger(__name__)
MIGRATION_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


class StoreError(Exception):
    pass


def migrations() -> list[tuple[int, str, str]]:
    """(number, file name, SQL) of every shipped migration, in order."""
    found = []
    for entry in resources.files("bot.migrations").iterdir():
        match = MIGRATION_NAME.match(entry.name)
        if match:
            found.append((int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort()
    numbers = [n for n, _, _ in found]
    if len(set(numbers)) != len(numbers):
        raise StoreError(f"two migrations share a number: {numbers}")
    return found


class Database:
    def __init__(self, conn: aiosqlite.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._tx_lock = asyncio.Lock()

    @classmethod
    async def open(cls, path: Path | str) -> Database:
        path = Path(path)
        if str(path) != ":memory:":
            path.parent.mkdir(parents=True, exist_ok=True)
            # Created owner-only before SQLite opens it: SQLite gives the -wal and -shm
            # files it creates the database file's mode.
            os.close(os.open(path, os.O_RDWR | os.O_CREAT, 0o600))
        conn = await aiosqlite.connect(path, isolation_level=None)
        db = cls(conn, path)
        try:
            await conn.execute("PRAGMA journal_mode=WAL")
            # FULL: a committed turn survives a power cut, not just a crash of the process.
            await conn.execute("PRAGMA synchronous=FULL")
            await conn.execute("PRAGMA foreign_keys=ON")
            await conn.execute("PRAGMA busy_timeout=5000")
            await db._migrate()
        except Exception:
            await conn.close()
            raise
        if str(path) != ":memory:":
            for suffix in ("", "-wal", "-shm"):  # also files left 0644 by an older version
                sidecar = path.with_name(path.name + suffix)
                if sidecar.exists():
                    sidecar.chmod(0o600)
        return db

    async def close(self) -> None:
        await self.conn.close()

    async def schema_version(self) -> int:
        async with self.conn.execute("PRAGMA user_version") as cur:
            row = await cur.fetchone()
        return int(row[0])

    async def _migrate(self) -> None:
        current = await self.schema_version()
        known = migrations()
        newest = known[-1][0] if known else 0
        if current > newest:
            raise StoreError(
                f"database {self.path} has schema version {current}, newer than this program "
                f"knows ({newest}); refusing to touch it"
            )
        for number, name, sql in known:
            if number <= current:
                continue
            log.info("applying migration %s", name)
            async with self.transaction() as conn:
                for statement in _statements(sql):
                    await conn.execute(statement)
                await conn.execute(f"PRAGMA user_version={number}")

    @asynccontextmanager
    async def transaction(self) -> AsyncIterator[aiosqlite.Connection]:
        """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK if the block (or the COMMIT) raises.

        A task cancelled while its BEGIN is queued still gets its ROLLBACK queued behind
        it: the connection is never left inside a transaction for the next writer."""
        async with self._tx_lock:
            try:
                await self.conn.execute("BEGIN IMMEDIATE")
                yield self.conn
                await self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(sqlite3.OperationalError):  # none open: BEGIN never ran
                    await self.conn.execute("ROLLBACK")
                raise

    async def fetchone(self, sql: str, params: Iterable[Any] = ()) -> aiosqlite.Row | None:
        async with self.conn.execute(sql, tuple(params)) as cur:
            return await cur.fetchone()

    async def fetchall(self, sql: str, params: Iterable[Any] = ()) -> list[aiosqlite.Row]:
        async with self.conn.execute(sql, tuple(params)) as cur:
            return list(await cur.fetchall())


def _statements(sql: str) -> list[str]:
    """Split a migration file into statements; a trigger's BEGIN ... END stays whole."""
    lines = [line for line in sql.splitlines() if not line.strip().startswith("--")]
    statements, buffer = [], ""
    for part in "\n".join(lines).split(";"):
        buffer += part + ";"
        if sqlite3.complete_statement(buffer):
            if buffer.strip(" \n;"):
                statements.append(buffer.strip().removesuffix(";").strip())
            buffer = ""
    if buffer.strip(" \n;"):
        statements.append(buffer.strip().removesuffix(";").strip())
    return statements
