"""Wires settings, knowledge, database and engine together; every entry point uses this."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import AsyncIterator

from bot.clock import Clock
from bot.config import Settings
from bot.conversations import ConversationStore
from bot.engine import Engine
from bot.incidents.service import Incidents, incident_service, open_data_key
from bot.escalation.service import EscalationService
from bot.knowledge_holder import KnowledgeHolder
from bot.crypto import DataKey
from bot.knowledge_watch import KnowledgeWatcher, watching
from bot.last_good import KnowledgeStart, load_for_start
from bot.store import Database

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    db: Database
    engine: Engine
    knowledge: KnowledgeHolder
    knowledge_watcher: KnowledgeWatcher | None = None
    incidents: Incidents | None = None
    escalations: EscalationService | None = None
    data_key: DataKey | None = None  # verified at open; features derive their sub-keys from it
    knowledge_start: KnowledgeStart | None = None  # degraded = running on the last good copy


def prepare_data_dir(data_dir: Path) -> None:
    """Owner-only, also when the directory existed before (systemd, container volumes)."""
    data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    try:
        data_dir.chmod(0o700)
    except PermissionError:  # not ours (e.g. a mount point): say so, do not fail
        log.warning("cannot make %s owner-only (not its owner)", data_dir)


@asynccontextmanager
async def open_app(settings: Settings, *, clock: Clock | None = None) -> AsyncIterator[App]:
    """Load knowledge (refusing to start if invalid), open the database, build the engine."""
    prepare_data_dir(settings.data_dir)
    start = load_for_start(settings.knowledge_dir, settings.data_dir)
    holder = start.holder
    if not holder.current.escalation_enabled:
        log.warning("escalation to the on-duty police is OFF: roster.yaml is the shipped example "
                    "or names nobody (110 is always shown)")
    db = await Database.open(settings.db_path)
    try:
        data_key, codec = await open_data_key(settings, db)
        engine = Engine(
            holder,
            ConversationStore(db, codec, pseudonym=data_key.owner_id),
            clock=clock,
            session_timeout_minutes=settings.session_timeout,
            default_lang=settings.lang,
            inbox_ciphers=lambda channel: data_key.cipher_for(f"{channel}-inbox"),
        )
        moved = await engine.conversations.pseudonymize_existing()
        if moved:
            log.info("stored %d conversation(s) under their pseudonym", moved)
        escalations = EscalationService(db, engine, holder, data_key=data_key, admins=settings.admins,
                                        limit_per_hour=settings.escalation_limit_per_hour,
                                        retention_days=settings.escalation_retention_days)
        escalations.install()
        await escalations.start()
        log.info("engine ready (knowledge %s, schema %d)", holder.current.version, await db.schema_version())
        watcher = KnowledgeWatcher(
            holder, engine, admins=settings.admins, data_dir=settings.data_dir,
            poll_seconds=settings.knowledge_poll_seconds,
        )
        try:
            async with watching(watcher), incident_service(settings, db, engine, data_key) as incidents:
                incidents.effects.rights.append(escalations.privacy)  # /meinedaten and /loeschen cover them
                await engine.start()  # every effect is registered: replay what a crash left
                yield App(
                    settings, db, engine, holder,
                    knowledge_watcher=watcher, incidents=incidents, escalations=escalations,
                    data_key=data_key, knowledge_start=start,
                )
        finally:
            await engine.stop()
            await escalations.stop()
    finally:
        await db.close()
