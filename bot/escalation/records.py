"""Escalation rows and the named SQL around them (the repository of bot.escalation).

Personal fields (the user's conversation key, callback number, place, coordinates, the
officer's outcome) are AES-GCM sealed before they reach SQL, bound to the reference;
`subject` is the keyed hash that finds a user's rows without naming them.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import secrets
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import aiosqlite

from bot.crypto import Cipher, DataKey
from bot.store import Database

if TYPE_CHECKING:
    from bot.escalation.planner import TakeStep, Write

UTC = dt.timezone.utc
# Reference alphabet without look-alikes (0/O, 1/I/L) so it can be read out on the phone.
REF_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
COLUMNS = (
    "id, ref, subject, personal, lang, created_at, category, direktion, policy, total_steps, "
    "next_step, due_at, state, reached, owner, owner_key, acked_at, closed_at, outcome_sealed, erased_at"
)
# What the `personal` blob holds; all of it is erased together.
PERSONAL = ("user_key", "place_id", "place_name", "lat", "lon", "phone")


def ts(when: dt.datetime) -> float:
    return when.timestamp()


def from_ts(value: float | None) -> dt.datetime | None:
    return None if value is None else dt.datetime.fromtimestamp(value, UTC)


def new_ref() -> str:
    return "".join(secrets.choice(REF_ALPHABET) for _ in range(6))


@dataclass
class Escalation:
    id: int
    ref: str
    user_key: str | None  # None once erased
    lang: str
    created_at: dt.datetime
    category: str | None
    place_id: str | None
    place_name: str | None
    direktion: str | None
    lat: float | None
    lon: float | None
    phone: str | None
    policy: dict[str, Any]
    total_steps: int
    next_step: int
    due_at: dt.datetime | None
    state: str
    reached: int
    owner: str | None
    owner_key: str | None
    acked_at: dt.datetime | None
    closed_at: dt.datetime | None
    outcome: str | None
    erased_at: dt.datetime | None = None

    def step_policy(self, step: int) -> dict[str, Any]:
        steps = self.policy["steps"]
        return steps[step % len(steps)]


async def audit(conn: aiosqlite.Connection, esc_id: int | None, at: dt.datetime, event: str,
                step: int | None = None, actor: str | None = None, channel: str | None = None,
                result: str | None = None) -> None:
    """Append one audit row (ids, names of events and results only: no personal content)."""
    await conn.execute(
        "INSERT INTO escalation_audit (escalation_id, at, event, step, actor, channel, result) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (esc_id, ts(at), event, step, actor, channel, result),
    )


def _context(ref: str, part: str) -> bytes:
    return f"escalation|{ref}|{part}".encode()


class EscalationRecords:
    def __init__(self, db: Database, key: DataKey):
        self.db = db
        self._key = key
        self._cipher: Cipher = key.cipher_for("escalation")

    def subject(self, user_key: str) -> str:
        """The user's pseudonym: the same keyed hash the incident records use as owner."""
        return self._key.owner_id(user_key)

    def seal_personal(self, ref: str, fields: dict[str, Any]) -> bytes:
        values = {name: fields.get(name) for name in PERSONAL}
        return self._cipher.encode(json.dumps(values, ensure_ascii=False).encode(), _context(ref, "personal"))

    def seal_outcome(self, ref: str, outcome: str) -> bytes:
        return self._cipher.encode(outcome.encode(), _context(ref, "outcome"))

    def decode(self, row: aiosqlite.Row | tuple) -> Escalation:
        (id_, ref, _subject, personal, lang, created, category, direktion, policy, total, next_step,
         due, state, reached, owner, owner_key, acked, closed, outcome, erased) = tuple(row)
        p = json.loads(self._cipher.decode(bytes(personal), _context(ref, "personal"))) if personal else {}
        text = self._cipher.decode(bytes(outcome), _context(ref, "outcome")).decode() if outcome else None
        return Escalation(id_, ref, p.get("user_key"), lang, from_ts(created), category, p.get("place_id"),
                          p.get("place_name"), direktion, p.get("lat"), p.get("lon"), p.get("phone"),
                          json.loads(policy), total, next_step, from_ts(due), state, reached, owner,
                          owner_key, from_ts(acked), from_ts(closed), text, from_ts(erased))

    async def insert(self, conn: aiosqlite.Connection, *, ref: str, user_key: str, lang: str,
                     now: dt.datetime, fields: dict[str, Any], policy: dict[str, Any],
                     total_steps: int, action_id: str | None = None) -> int:
        cur = await conn.execute(
            "INSERT INTO escalations (ref, subject, personal, lang, created_at, category, direktion, "
            "policy, total_steps, next_step, due_at, state, action_id) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 'open', ?)",
            (ref, self.subject(user_key), self.seal_personal(ref, {**fields, "user_key": user_key}), lang,
             ts(now), fields.get("category"), fields.get("direktion"),
             json.dumps(policy, separators=(",", ":")), total_steps, ts(now), action_id),
        )
        return int(cur.lastrowid)

    async def take(self, conn: aiosqlite.Connection, esc_id: int, officer: str, officer_key: str,
                   now: dt.datetime) -> bool:
        """Compare-and-set: the escalation becomes this officer's unless someone has it."""
        cur = await conn.execute(
            "UPDATE escalations SET state = 'acked', owner = ?, owner_key = ?, acked_at = ?, due_at = NULL "
            "WHERE id = ? AND owner IS NULL AND state IN ('open', 'exhausted')",
            (officer, officer_key, ts(now), esc_id))
        return cur.rowcount == 1

    async def by_action(self, action_id: str) -> Escalation | None:
        """The escalation an outbox action made (a replayed trigger finds it again)."""
        row = await self.db.fetchone(f"SELECT {COLUMNS} FROM escalations WHERE action_id = ?", (action_id,))
        return self.decode(row) if row else None

    async def select(self, conn: aiosqlite.Connection, esc_id: int) -> Escalation:
        """One row read inside a write transaction."""
        async with conn.execute(f"SELECT {COLUMNS} FROM escalations WHERE id = ?", (esc_id,)) as cur:
            return self.decode(await cur.fetchone())

    async def get(self, esc_id: int) -> Escalation | None:
        row = await self.db.fetchone(f"SELECT {COLUMNS} FROM escalations WHERE id = ?", (esc_id,))
        return self.decode(row) if row else None

    async def by_ref(self, ref: str) -> Escalation | None:
        row = await self.db.fetchone(f"SELECT {COLUMNS} FROM escalations WHERE ref = ?", (ref.upper(),))
        return self.decode(row) if row else None

    async def many(self, ids: list[int]) -> list[Escalation]:
        rows = []
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            marks = ",".join("?" * len(chunk))
            rows += await self.db.fetchall(f"SELECT {COLUMNS} FROM escalations WHERE id IN ({marks})", chunk)
        return [self.decode(r) for r in rows]

    async def due(self, ids: list[int], now: dt.datetime) -> list[Escalation]:
        marks = ",".join("?" * len(ids))
        rows = await self.db.fetchall(
            f"SELECT {COLUMNS} FROM escalations WHERE id IN ({marks}) AND state = 'open' AND due_at <= ?",
            (*ids, ts(now)),
        )
        return [self.decode(r) for r in rows]

    async def due_ids(self, now: dt.datetime, limit: int = 5000) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM escalations WHERE state = 'open' AND due_at <= ? ORDER BY due_at LIMIT ?",
            (ts(now), limit),
        )
        return [r[0] for r in rows]

    async def next_due(self) -> dt.datetime | None:
        row = await self.db.fetchone("SELECT min(due_at) FROM escalations WHERE state = 'open'")
        return from_ts(row[0]) if row else None

    async def count_since(self, user_key: str, since: dt.datetime) -> int:
        row = await self.db.fetchone(
            "SELECT count(*) FROM escalations WHERE subject = ? AND created_at >= ?",
            (self.subject(user_key), ts(since))
        )
        return int(row[0])

    async def declarations(self) -> dict[str, tuple[bool, dt.datetime]]:
        rows = await self.db.fetchall("SELECT officer, on_duty, declared_at FROM duty_declarations")
        return {r[0]: (bool(r[1]), from_ts(r[2])) for r in rows}

    async def declare(self, officer: str, on_duty: bool, now: dt.datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT INTO duty_declarations (officer, on_duty, declared_at) VALUES (?, ?, ?) "
                "ON CONFLICT(officer) DO UPDATE SET on_duty = excluded.on_duty, declared_at = excluded.declared_at",
                (officer, int(on_duty), ts(now)),
            )
            await audit(conn, None, now, "duty_on" if on_duty else "duty_off", actor=officer)

    async def recipients_reached(self, esc_id: int) -> list[tuple[str, str]]:
        """(officer, key) of every alert of this escalation that was handed over."""
        rows = await self.db.fetchall(
            "SELECT DISTINCT officer, channel_key FROM escalation_deliveries "
            "WHERE escalation_id = ? AND result = 'sent'", (esc_id,)
        )
        return [(r[0], r[1]) for r in rows]

    async def closing_for(self, officer_key: str) -> int | None:
        row = await self.db.fetchone(
            "SELECT escalation_id FROM escalation_closing WHERE officer_key = ?", (officer_key,)
        )
        return row[0] if row else None

    async def audit_rows(self, esc_id: int) -> list[aiosqlite.Row]:
        return await self.db.fetchall(
            "SELECT at, event, step, actor, channel, result FROM escalation_audit "
            "WHERE escalation_id = ? ORDER BY id", (esc_id,)
        )

    async def recover(self, now: dt.datetime) -> int:
        """Alerts planned before a crash whose handover was never recorded: never resent
        (a step alerts an officer at most once), marked `unknown` and audited."""
        async with self.db.transaction() as conn:
            rows = await conn.execute_fetchall(
                "SELECT escalation_id, step, officer FROM escalation_deliveries WHERE result = 'pending'"
            )
            for esc_id, step, officer in rows:
                await audit(conn, esc_id, now, "alert", step, officer, None, "unknown")
            await conn.execute(
                "UPDATE escalation_deliveries SET result = 'unknown', done_at = ? WHERE result = 'pending'",
                (ts(now),),
            )
            return len(rows)

    # --- closing (bot/escalation/handover.py) ---------------------------------------------

    async def start_closing(self, officer_key: str, esc_id: int, now: dt.datetime) -> None:
        """The officer is asked for the outcome: their next text closes this escalation."""
        async with self.db.transaction() as conn:
            await conn.execute(
                "INSERT OR REPLACE INTO escalation_closing (officer_key, escalation_id, started_at) VALUES (?, ?, ?)",
                (officer_key, esc_id, ts(now)))

    async def close(self, conn: aiosqlite.Connection, esc_id: int, officer: str, sealed_outcome: bytes | None,
                    now: dt.datetime) -> bool:
        """Compare-and-set: only the owner closes a taken escalation. The user may have had
        their data erased meanwhile: then no outcome is kept."""
        cur = await conn.execute(
            "UPDATE escalations SET state = 'closed', closed_at = ?, "
            "outcome_sealed = CASE WHEN erased_at IS NULL THEN ? END "
            "WHERE id = ? AND owner = ? AND state = 'acked'",
            (ts(now), sealed_outcome, esc_id, officer))
        return cur.rowcount == 1

    async def end_closing(self, conn: aiosqlite.Connection, officer_key: str) -> None:
        await conn.execute("DELETE FROM escalation_closing WHERE officer_key = ?", (officer_key,))

    # --- personal data (bot/escalation/privacy.py) ---------------------------------------

    async def legacy_rows(self) -> list[aiosqlite.Row]:
        """Plaintext that migration 0007 set aside: (id, ref, user_key, place_id, place_name,
        lat, lon, phone, outcome)."""
        return await self.db.fetchall(
            "SELECT u.id, e.ref, u.user_key, u.place_id, u.place_name, u.lat, u.lon, u.phone, u.outcome "
            "FROM escalation_upgrade u JOIN escalations e ON e.id = u.id")

    async def store_sealed_legacy(self, sealed: list[tuple[str | None, bytes, bytes | None, int]]) -> None:
        """Write (subject, personal, outcome_sealed, id) and drop the plaintext for good."""
        async with self.db.transaction() as conn:
            await conn.executemany(
                "UPDATE escalations SET subject = ?, personal = ?, outcome_sealed = ? WHERE id = ?", sealed)
            await conn.execute("DELETE FROM escalation_upgrade")  # secure_delete overwrites the pages
        # The plaintext may still sit in WAL frames: copy them into the file and truncate the WAL.
        await self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    async def ended_before(self, states: tuple[str, ...], cutoff: dt.datetime) -> list[int]:
        """Ended escalations not yet erased whose end (or start) lies before the cutoff."""
        marks = ",".join("?" * len(states))
        rows = await self.db.fetchall(
            f"SELECT id FROM escalations WHERE erased_at IS NULL AND state IN ({marks}) "
            "AND coalesce(closed_at, created_at) < ?", (*states, ts(cutoff)))
        return [r[0] for r in rows]

    async def ids_of(self, user_key: str) -> list[int]:
        rows = await self.db.fetchall(
            "SELECT id FROM escalations WHERE subject = ? ORDER BY created_at, id", (self.subject(user_key),))
        return [r[0] for r in rows]

    async def withdraw(self, conn: aiosqlite.Connection, esc_id: int, now: dt.datetime) -> None:
        """A still running escalation ends: no further alerts."""
        await conn.execute(
            "UPDATE escalations SET state = 'closed', closed_at = ?, due_at = NULL "
            "WHERE id = ? AND state = 'open'", (ts(now), esc_id))

    async def erase(self, conn: aiosqlite.Connection, esc_id: int, now: dt.datetime) -> None:
        """What could identify the user goes; the row (reference, times, category,
        Polizeidirektion, state) stays."""
        await conn.execute(
            "UPDATE escalations SET subject = NULL, personal = NULL, outcome_sealed = NULL, erased_at = ? "
            "WHERE id = ?", (ts(now), esc_id))
        await conn.execute("DELETE FROM escalation_closing WHERE escalation_id = ?", (esc_id,))

    # --- applying a plan (bot/escalation/planner.py) -------------------------------------

    async def apply(self, conn: aiosqlite.Connection, writes: list[Write],
                    now: dt.datetime) -> tuple[list[TakeStep], list[Escalation]]:
        """Carry out planned writes with compare-and-set: a step someone else claimed first
        is skipped. Returns the claimed steps (with only the recipients whose delivery row
        is new: a step alerts an officer at most once) and the escalations now exhausted."""
        from bot.escalation.planner import Exhaust

        taken: list[TakeStep] = []
        finished: list[Escalation] = []
        for write in writes:
            esc, step = write.esc, write.step
            if isinstance(write, Exhaust):
                cur = await conn.execute(
                    "UPDATE escalations SET state = 'exhausted', due_at = NULL "
                    "WHERE id = ? AND state = 'open' AND next_step = ?", (esc.id, step))
                if cur.rowcount == 1:
                    await audit(conn, esc.id, now, "exhausted", step, result=f"reached={esc.reached}")
                    finished.append(esc)
                continue
            cur = await conn.execute(
                "UPDATE escalations SET next_step = ?, due_at = ? WHERE id = ? AND state = 'open' AND next_step = ?",
                (step + 1, ts(write.next_due), esc.id, step))
            if cur.rowcount != 1:
                continue
            await audit(conn, esc.id, now, "step", step, result=f"recipients={len(write.recipients)}")
            fresh = []
            for r in write.recipients:
                cur = await conn.execute(
                    "INSERT OR IGNORE INTO escalation_deliveries (escalation_id, step, officer, planned_at) "
                    "VALUES (?, ?, ?, ?)", (esc.id, step, r.id, ts(now)))
                if cur.rowcount == 1:
                    fresh.append(r)
            taken.append(dataclasses.replace(write, recipients=tuple(fresh)))
        return taken, finished

    async def record_alerts(self, results: list[tuple[TakeStep, str, str | None, bool]], done: dt.datetime,
                            nobody_reached: list[TakeStep]) -> None:
        """What became of each alert (step, officer id, key tried, handed over?), in one commit.

        One statement per kind for the whole batch: a round of 1,000 stays one commit."""
        updates, trail, reached = [], [], []
        for take, officer, key, ok in results:
            result = "sent" if ok else "failed"
            updates.append((result, key, ts(done), take.esc.id, take.step, officer))
            trail.append((take.esc.id, ts(done), "alert", take.step, officer, key.split(":", 1)[0] if key else None,
                          result))
            if ok:
                reached.append((take.esc.id,))
        async with self.db.transaction() as conn:
            await conn.executemany(
                "UPDATE escalation_deliveries SET result = ?, channel_key = ?, done_at = ? "
                "WHERE escalation_id = ? AND step = ? AND officer = ?", updates)
            await conn.executemany(
                "INSERT INTO escalation_audit (escalation_id, at, event, step, actor, channel, result) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)", trail)
            await conn.executemany("UPDATE escalations SET reached = reached + 1 WHERE id = ?", reached)
            for take in nobody_reached:
                # Nobody got this step: there is nobody to wait for, go on at once.
                await conn.execute(
                    "UPDATE escalations SET due_at = ? WHERE id = ? AND state = 'open' AND next_step = ?",
                    (ts(done), take.esc.id, take.step + 1))

    async def record_notices(self, rows: list[tuple[int, str, str | None, str, bool]], now: dt.datetime) -> None:
        """Audit messages sent outside a turn: (escalation id, event, actor, key, handed over?)."""
        async with self.db.transaction() as conn:
            await conn.executemany(
                "INSERT INTO escalation_audit (escalation_id, at, event, step, actor, channel, result) "
                "VALUES (?, ?, ?, NULL, ?, ?, ?)",
                [(esc_id, ts(now), event, actor, key.split(":", 1)[0], "sent" if ok else "failed")
                 for esc_id, event, actor, key, ok in rows])
