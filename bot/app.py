"""Wires settings, knowledge, database and engine together; every entry point uses this."""

from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import AsyncIterator

from bot.clock import Clock
from bot.config import Settings
from bot.conversations import ConversationStore
from bot.engine import Engine
from bot.escalation.service import EscalationService
from bot.knowledge_holder import KnowledgeHolder
from bot.store import Database

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    db: Database
    engine: Engine
    knowledge: KnowledgeHolder
    escalations: EscalationService | None = None


@asynccontextmanager
async def open_app(settings: Settings, *, clock: Clock | None = None) -> AsyncIterator[App]:
    """Load knowledge (refusing to start if invalid), open the database, build the engine."""
    holder = KnowledgeHolder.load(settings.knowledge_dir)
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    db = await Database.open(settings.db_path)
    try:
        engine = Engine(
            holder,
            ConversationStore(db),
            clock=clock,
            session_timeout_minutes=settings.session_timeout,
            default_lang=settings.lang,
        )
        escalations = EscalationService(db, engine, holder, admins=settings.admins,
                                        limit_per_hour=settings.escalation_limit_per_hour)
        escalations.install()
        await escalations.start()
        log.info("engine ready (knowledge %s, schema %d)", holder.current.version, await db.schema_version())
        try:
            yield App(settings, db, engine, holder, escalations)
        finally:
            await escalations.stop()
    finally:
        await db.close()
