"""Holds the knowledge in force and swaps in a new version only if it validates completely."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

import knowledge.base as kb
from knowledge.yamlsource import KnowledgeError, Problem

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ReloadOutcome:
    ok: bool
    changed: bool
    version: str
    problems: list[Problem] = field(default_factory=list)


class KnowledgeHolder:
    def __init__(self, current: kb.Knowledge, directory: Path | None = None):
        self.current = current
        self.directory = directory

    @classmethod
    def load(cls, directory: Path | None = None) -> KnowledgeHolder:
        return cls(kb.load(directory), directory)

    def reload(self) -> ReloadOutcome:
        """Load the directory again; on any error keep the last good version."""
        try:
            fresh = kb.load(self.directory)
        except KnowledgeError as exc:
            log.error("knowledge reload failed, keeping version %s: %d problem(s)",
                      self.current.version, len(exc.problems))
            for problem in exc.problems:
                log.error("knowledge: %s", problem)
            return ReloadOutcome(False, False, self.current.version, exc.problems)
        changed = fresh.version != self.current.version
        if changed:
            log.info("knowledge reloaded: %s -> %s", self.current.version, fresh.version)
            self.current = fresh
        elif fresh.source_dir != self.current.source_dir:
            # the same version, now from the configured directory instead of the last good copy
            log.info("knowledge %s now read from %s again", fresh.version, fresh.source_dir)
            self.current = fresh
        return ReloadOutcome(True, changed, self.current.version)
