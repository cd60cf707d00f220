"""Wires incident records into the app: data key, encrypted conversation codec, effects,
and the scheduler task that runs while the app is open.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import handlers.incident  # noqa: F401  registers the flow and its commands
from bot.config import Settings
from bot.engine import Engine
from bot.crypto import ConversationCodec, DataKey, load_data_key
from bot.incidents.effects import IncidentEffects
from bot.incidents.records import IncidentStore
from bot.incidents.scheduler import IncidentScheduler
from bot.incidents.vault import EvidenceVault
from bot.store import Database

EVIDENCE_DIR = "evidence"


async def open_data_key(settings: Settings, db: Database) -> tuple[DataKey, ConversationCodec]:
    """Verify the data key before anything is read or written (raises DataKeyError)."""
    key = await load_data_key(settings, db)
    await db.conn.execute("PRAGMA secure_delete=ON")  # deleted ciphertext does not linger in free pages
    return key, ConversationCodec(key.cipher())


@dataclass
class Incidents:
    store: IncidentStore
    effects: IncidentEffects
    scheduler: IncidentScheduler


@asynccontextmanager
async def incident_service(settings: Settings, db: Database, engine: Engine, key: DataKey) -> AsyncIterator[Incidents]:
    vault = EvidenceVault(settings.data_dir / EVIDENCE_DIR, key.cipher())
    store = IncidentStore(db, key, vault)
    # Before any channel runs, so no save is in flight: files without a row are leftovers.
    vault.sweep_orphans({row[0] for row in await db.fetchall("SELECT id FROM evidence")})
    effects = IncidentEffects(engine, store, settings)
    effects.register()
    scheduler = IncidentScheduler(engine, store, settings)
    task = asyncio.create_task(scheduler.run(), name="incident-scheduler")  # /healthz looks for it
    try:
        yield Incidents(store, effects, scheduler)
    finally:
        task.cancel()
        await asyncio.gather(task, return_exceptions=True)
        effects.heavy.close()
