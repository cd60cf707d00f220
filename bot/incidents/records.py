"""The incident repository: named SQL operations on records, evidence, reminders and audit.

Content is encrypted with the data key before it reaches SQL; rows are found through the
owner pseudonym. Every change also appends an audit row (ids and times only).
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import json
from dataclasses import asdict, dataclass, field
from typing import Any, Awaitable, Callable

import aiosqlite

from bot.crypto import Cipher, DataKey
from bot.incidents.sniff import Verdict, check
from bot.incidents.vault import EvidenceVault
from bot.store import Database
from handlers.messages import ConversationKey

REF_PREFIX = "SL"
Runner = Callable[..., Awaitable[Any]]


async def _to_thread(fn: Callable[..., Any], *args: Any) -> Any:
    return await asyncio.to_thread(fn, *args)


@dataclass(frozen=True)
class EvidenceMeta:
    id: str
    filename: str
    mime_type: str
    size: int
    sha256: str
    received_at: str  # ISO 8601, UTC


@dataclass
class Incident:
    id: int
    ref: str
    status: str
    created_at: dt.datetime
    updated_at: dt.datetime
    data: dict[str, Any]
    evidence: list[EvidenceMeta] = field(default_factory=list)


@dataclass(frozen=True)
class DueReminder:
    id: int
    incident_id: int
    target: ConversationKey
    payload: dict[str, Any]


def _ts(value: float) -> dt.datetime:
    return dt.datetime.fromtimestamp(value, dt.timezone.utc)


class IncidentStore:
    def __init__(self, db: Database, key: DataKey, vault: EvidenceVault):
        self.db = db
        self._key = key
        self._cipher: Cipher = key.cipher()
        self.vault = vault

    def owner(self, key: ConversationKey) -> str:
        return self._key.owner_id(str(key))

    def _seal(self, obj: Any, context: str) -> bytes:
        return self._cipher.encode(json.dumps(obj, ensure_ascii=False).encode(), context.encode())

    def _open(self, blob: bytes, context: str) -> Any:
        return json.loads(self._cipher.decode(bytes(blob), context.encode()))

    @staticmethod
    async def _audit(conn: aiosqlite.Connection, event: str, now: dt.datetime, incident_id: int | None) -> None:
        await conn.execute(
            "INSERT INTO audit (at, event, incident_id) VALUES (?, ?, ?)", (now.timestamp(), event, incident_id)
        )

    # --- evidence ------------------------------------------------------------------

    async def store_evidence(
        self, key: ConversationKey, filename: str, claimed_mime: str, data: bytes, *,
        max_bytes: int, now: dt.datetime, incident_id: int | None = None, action_id: str | None = None,
    ) -> EvidenceMeta | Verdict:
        """Check and store one upload (draft area when `incident_id` is None).

        With `action_id` (a hex outbox id) the evidence id is that id: storing it again
        returns what the first run stored instead of a second copy."""
        verdict = await asyncio.to_thread(check, data, claimed_mime, max_bytes)
        if not verdict.ok:
            return verdict
        owner = self.owner(key)
        if action_id is not None:
            row = await self.db.fetchone("SELECT meta FROM evidence WHERE id = ? AND owner = ?", (action_id, owner))
            if row is not None:
                return EvidenceMeta(**self._open(row[0], f"evidence|{owner}"))
        meta = EvidenceMeta(
            id=action_id if action_id is not None else self.vault.new_id(),
            filename=filename[:200] or "datei",
            mime_type=verdict.mime_type,
            size=len(data),
            sha256=await asyncio.to_thread(lambda: hashlib.sha256(data).hexdigest()),
            received_at=now.astimezone(dt.timezone.utc).isoformat(timespec="seconds"),
        )
        # Encrypting 20 MB: off the loop.
        await asyncio.to_thread(self.vault.write, meta.id, data, replace=action_id is not None)
        try:
            async with self.db.transaction() as conn:
                if incident_id is not None and not await self._owns(conn, owner, incident_id):
                    raise LookupError("no such record")
                await conn.execute(
                    "INSERT INTO evidence (id, owner, incident_id, received_at, meta) VALUES (?, ?, ?, ?, ?)",
                    (meta.id, owner, incident_id, now.timestamp(), self._seal(asdict(meta), f"evidence|{owner}")),
                )
                if incident_id is not None:
                    await self._touch(conn, incident_id, now)
                    await self._audit(conn, "changed", now, incident_id)
        except BaseException:
            self.vault.remove(meta.id)
            raise
        return meta

    async def _owns(self, conn: aiosqlite.Connection, owner: str, incident_id: int) -> bool:
        async with conn.execute("SELECT 1 FROM incidents WHERE id = ? AND owner = ?", (incident_id, owner)) as cur:
            return await cur.fetchone() is not None

    @staticmethod
    async def _touch(conn: aiosqlite.Connection, incident_id: int, now: dt.datetime) -> None:
        await conn.execute(
            "UPDATE incidents SET updated_at = ?, retention_warned_at = NULL WHERE id = ?",
            (now.timestamp(), incident_id),
        )

    async def _evidence_of(self, owner: str, incident_id: int) -> list[EvidenceMeta]:
        rows = await self.db.fetchall(
            "SELECT meta FROM evidence WHERE owner = ? AND incident_id = ? ORDER BY received_at, id",
            (owner, incident_id),
        )
        return [EvidenceMeta(**self._open(r[0], f"evidence|{owner}")) for r in rows]

    async def discard_drafts(self, key: ConversationKey, evidence_ids: list[str]) -> None:
        owner = self.owner(key)
        await self._delete_evidence("owner = ? AND incident_id IS NULL AND id = ?", [(owner, i) for i in evidence_ids])

    async def purge_stale_drafts(self, older_than: dt.datetime) -> int:
        rows = await self.db.fetchall(
            "SELECT id FROM evidence WHERE incident_id IS NULL AND received_at < ?", (older_than.timestamp(),)
        )
        await self._delete_evidence("id = ?", [(r[0],) for r in rows])
        return len(rows)

    async def _delete_evidence(self, where: str, params: list[tuple[Any, ...]]) -> None:
        if not params:
            return
        ids = []
        for p in params:
            ids += [r[0] for r in await self.db.fetchall(f"SELECT id FROM evidence WHERE {where}", p)]
        self.vault.remove_all(ids)  # files first: a crash in between leaves rows to delete again, no orphans
        async with self.db.transaction() as conn:
            for p in params:
                await conn.execute(f"DELETE FROM evidence WHERE {where}", p)

    # --- records ---------------------------------------------------------------------

    async def create(
        self, key: ConversationKey, data: dict[str, Any], evidence_ids: list[str], now: dt.datetime,
        action_id: str | None = None,
    ) -> tuple[int, str]:
        """Store a confirmed record, move its draft evidence onto it, return (id, reference).

        `action_id` (the outbox action that saves it) makes this idempotent: a second call
        with the same id returns the record the first one made."""
        owner = self.owner(key)
        year = now.astimezone(dt.timezone.utc).year
        async with self.db.transaction() as conn:
            if action_id is not None:
                async with conn.execute(
                    "SELECT id, ref FROM incidents WHERE action_id = ? AND owner = ?", (action_id, owner)
                ) as cur:
                    made = await cur.fetchone()
                if made is not None:
                    return int(made[0]), str(made[1])
            await conn.execute(
                "INSERT INTO incident_counters (year, last) VALUES (?, 1) "
                "ON CONFLICT(year) DO UPDATE SET last = last + 1",
                (year,),
            )
            async with conn.execute("SELECT last FROM incident_counters WHERE year = ?", (year,)) as cur:
                number = (await cur.fetchone())[0]
            ref = f"{REF_PREFIX}-{year}-{number:05d}"
            data = {**data, "conv_key": str(key)}
            cur = await conn.execute(
                "INSERT INTO incidents (ref, owner, created_at, updated_at, data, action_id) VALUES (?, ?, ?, ?, ?, ?)",
                (ref, owner, now.timestamp(), now.timestamp(), self._seal(data, f"incident|{owner}"), action_id),
            )
            incident_id = cur.lastrowid
            for evidence_id in evidence_ids:
                await conn.execute(
                    "UPDATE evidence SET incident_id = ? WHERE id = ? AND owner = ? AND incident_id IS NULL",
                    (incident_id, evidence_id, owner),
                )
            await self._audit(conn, "created", now, incident_id)
        return incident_id, ref

    async def list(self, key: ConversationKey) -> list[Incident]:
        owner = self.owner(key)
        rows = await self.db.fetchall(
            "SELECT id, ref, status, created_at, updated_at, data FROM incidents WHERE owner = ? ORDER BY id",
            (owner,),
        )
        return [
            Incident(r[0], r[1], r[2], _ts(r[3]), _ts(r[4]), self._open(r[5], f"incident|{owner}")) for r in rows
        ]

    async def get(self, key: ConversationKey, incident_id: int) -> Incident | None:
        owner = self.owner(key)
        row = await self.db.fetchone(
            "SELECT id, ref, status, created_at, updated_at, data FROM incidents WHERE id = ? AND owner = ?",
            (incident_id, owner),
        )
        if row is None:
            return None
        found = Incident(row[0], row[1], row[2], _ts(row[3]), _ts(row[4]), self._open(row[5], f"incident|{owner}"))
        found.evidence = await self._evidence_of(owner, incident_id)
        return found

    async def update(
        self, key: ConversationKey, incident: Incident, now: dt.datetime, *, status: str | None = None
    ) -> None:
        """Write the record's data back (a note added, closed): resets the retention clock."""
        owner = self.owner(key)
        async with self.db.transaction() as conn:
            await conn.execute(
                "UPDATE incidents SET data = ?, status = ?, updated_at = ?, retention_warned_at = NULL "
                "WHERE id = ? AND owner = ?",
                (self._seal(incident.data, f"incident|{owner}"), status or incident.status,
                 now.timestamp(), incident.id, owner),
            )
            await self._audit(conn, "changed", now, incident.id)

    async def delete_incidents(self, ids: list[int], now: dt.datetime, event: str = "deleted") -> None:
        """Delete records with their evidence files and reminders."""
        files: list[str] = []
        for incident_id in ids:
            files += [r[0] for r in await self.db.fetchall("SELECT id FROM evidence WHERE incident_id = ?", (incident_id,))]
        self.vault.remove_all(files)  # files before rows (see _delete_evidence)
        async with self.db.transaction() as conn:
            for incident_id in ids:
                await conn.execute("DELETE FROM incidents WHERE id = ?", (incident_id,))
                await self._audit(conn, event, now, incident_id)

    # --- the user's rights -----------------------------------------------------------

    async def delete_user(self, key: ConversationKey, now: dt.datetime) -> None:
        """Erase everything of this user; one audit row without ids or counts remains."""
        owner = self.owner(key)
        files = [r[0] for r in await self.db.fetchall("SELECT id FROM evidence WHERE owner = ?", (owner,))]
        self.vault.remove_all(files)  # files before rows (see _delete_evidence)
        async with self.db.transaction() as conn:
            await conn.execute("DELETE FROM reminders WHERE owner = ?", (owner,))
            await conn.execute("DELETE FROM evidence WHERE owner = ?", (owner,))
            await conn.execute("DELETE FROM incidents WHERE owner = ?", (owner,))
            # Stored under the pseudonym (older versions: the plain key).
            await conn.execute("DELETE FROM conversations WHERE conv_key IN (?, ?)", (self.owner(key), str(key)))
            await self._audit(conn, "user_deleted", now, None)

    async def export_user(
        self, key: ConversationKey, now: dt.datetime, *, run: Runner | None = None,
    ) -> tuple[dict[str, Any], dict[str, bytes]]:
        """Everything held about the user: (JSON-able data, evidence files by archive name).
        Evidence is decrypted through `run` (a worker thread), never on the event loop."""
        run = run or _to_thread
        owner = self.owner(key)
        records, files = [], {}
        for incident in await self.list(key):
            full = await self.get(key, incident.id)
            assert full is not None
            reminders = await self.db.fetchall(
                "SELECT due_at, sent_at FROM reminders WHERE incident_id = ?", (incident.id,)
            )
            records.append({
                "reference": full.ref, "status": full.status,
                "created_at": full.created_at.isoformat(), "updated_at": full.updated_at.isoformat(),
                "data": {k: v for k, v in full.data.items() if k != "conv_key"},
                "evidence": [asdict(e) for e in full.evidence],
                "reminders": [{"due_at": _ts(r[0]).isoformat(), "sent_at": _ts(r[1]).isoformat() if r[1] else None}
                              for r in reminders],
            })
            for e in full.evidence:
                content = await run(self.vault.read_if_present, e.id)
                if content is not None:  # a file removed by a deletion that did not finish
                    files[f"evidence/{full.ref}/{e.id[:8]}-{_safe(e.filename)}"] = content
        drafts = await self.db.fetchall("SELECT meta FROM evidence WHERE owner = ? AND incident_id IS NULL", (owner,))
        async with self.db.transaction() as conn:
            await self._audit(conn, "exported", now, None)
        return {"exported_at": now.isoformat(), "conversation": str(key), "records": records,
                "draft_evidence": [self._open(r[0], f"evidence|{owner}") for r in drafts]}, files

    # --- reminders -------------------------------------------------------------------

    async def add_reminder(
        self, key: ConversationKey, incident_id: int, due_at: dt.datetime, payload: dict[str, Any]
    ) -> None:
        owner = self.owner(key)
        async with self.db.transaction() as conn:
            if not await self._owns(conn, owner, incident_id):
                raise LookupError("no such record")
            await conn.execute(
                "INSERT INTO reminders (incident_id, owner, due_at, target, payload) VALUES (?, ?, ?, ?, ?)",
                (incident_id, owner, due_at.timestamp(), self._seal(str(key), f"reminder|{owner}"),
                 self._seal(payload, f"reminder|{owner}")),
            )
            await self._audit(conn, "reminder_set", due_at, incident_id)

    async def due_reminders(self, now: dt.datetime) -> list[DueReminder]:
        rows = await self.db.fetchall(
            "SELECT id, incident_id, owner, target, payload FROM reminders "
            "WHERE sent_at IS NULL AND due_at <= ? ORDER BY due_at",
            (now.timestamp(),),
        )
        return [
            DueReminder(r[0], r[1], ConversationKey.parse(self._open(r[3], f"reminder|{r[2]}")),
                        self._open(r[4], f"reminder|{r[2]}"))
            for r in rows
        ]

    async def mark_sent(self, reminder: DueReminder, now: dt.datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("UPDATE reminders SET sent_at = ? WHERE id = ?", (now.timestamp(), reminder.id))
            await self._audit(conn, "reminder_sent", now, reminder.incident_id)

    # --- retention ---------------------------------------------------------------------

    async def unwarned_before(self, updated_before: dt.datetime) -> list[tuple[int, str, ConversationKey, str]]:
        """(id, ref, conversation, lang) of records due for the retention warning."""
        rows = await self.db.fetchall(
            "SELECT id, ref, owner, data FROM incidents WHERE retention_warned_at IS NULL AND updated_at < ?",
            (updated_before.timestamp(),),
        )
        found = []
        for r in rows:
            data = self._open(r[3], f"incident|{r[2]}")
            found.append((r[0], r[1], ConversationKey.parse(data["conv_key"]), data.get("lang", "de")))
        return found

    async def mark_warned(self, incident_id: int, now: dt.datetime) -> None:
        async with self.db.transaction() as conn:
            await conn.execute("UPDATE incidents SET retention_warned_at = ? WHERE id = ?", (now.timestamp(), incident_id))
            await self._audit(conn, "retention_warned", now, incident_id)

    async def expired(self, updated_before: dt.datetime) -> list[int]:
        rows = await self.db.fetchall("SELECT id FROM incidents WHERE updated_at < ?", (updated_before.timestamp(),))
        return [r[0] for r in rows]


def _safe(name: str) -> str:
    cleaned = "".join(ch if ch.isalnum() or ch in "._-" else "_" for ch in name)
    return cleaned[:80] or "datei"
