"""The last good knowledge, kept in the data directory so that a start never depends on the
configured knowledge being valid at that moment: a start with invalid knowledge runs on the
last good copy (and says so on /healthz and to the admins) instead of not starting."""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import knowledge.base as kb
from bot.knowledge_holder import KnowledgeHolder
from knowledge.yamlsource import KnowledgeError, Problem

log = logging.getLogger(__name__)
DIR_NAME = "knowledge-last-good"
SUFFIXES = (".yaml", ".csv")


@dataclass
class KnowledgeStart:
    """How the knowledge in force at start was obtained."""

    holder: KnowledgeHolder
    fallback_dir: Path
    problems: list[Problem] = field(default_factory=list)  # of the configured knowledge, if invalid

    @property
    def degraded(self) -> bool:
        """Running on the kept copy (until the configured knowledge validates again)."""
        return self.holder.current.source_dir == self.fallback_dir


def keep(k: kb.Knowledge, data_dir: Path) -> bool:
    """Copy the files of a validated version into the data directory (if not there yet)."""
    target = data_dir / DIR_NAME
    if k.source_dir == target or _version(target) == k.version:
        return False
    tmp = Path(tempfile.mkdtemp(prefix=".knowledge-", dir=data_dir))
    try:
        for path in sorted(k.source_dir.iterdir()):
            if path.is_file() and path.suffix in SUFFIXES:
                shutil.copyfile(path, tmp / path.name)  # mode from the umask (owner-only), not the source
                stat = path.stat()
                os.utime(tmp / path.name, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # the knowledge's age
        (tmp / "VERSION").write_text(k.version + "\n", encoding="utf-8")
        old = data_dir / (DIR_NAME + ".old")
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            os.replace(target, old)
        os.replace(tmp, target)
        shutil.rmtree(old, ignore_errors=True)
    except OSError as exc:
        shutil.rmtree(tmp, ignore_errors=True)
        log.warning("cannot keep a copy of the knowledge (%s)", type(exc).__name__)
        return False
    log.info("kept knowledge version %s as the last good one", k.version)
    return True


def _version(directory: Path) -> str | None:
    try:
        return (directory / "VERSION").read_text(encoding="utf-8").strip()
    except OSError:
        return None


def load_for_start(configured: Path | None, data_dir: Path) -> KnowledgeStart:
    """The configured knowledge if valid (and kept as last good); else the kept copy.

    Raises KnowledgeError only when the configured knowledge is invalid and no copy exists.
    """
    fallback = data_dir / DIR_NAME
    try:
        holder = KnowledgeHolder.load(configured)
    except KnowledgeError as exc:
        if not fallback.is_dir():
            raise
        try:
            current = kb.load(fallback)
        except KnowledgeError:
            raise exc from None
        log.error("the configured knowledge is invalid (%d problem(s)); running on the last good "
                  "version %s", len(exc.problems), current.version)
        for problem in exc.problems:
            log.error("knowledge: %s", problem)
        # The holder keeps watching the configured directory: a fix there is picked up.
        return KnowledgeStart(KnowledgeHolder(current, configured), fallback, list(exc.problems))
    keep(holder.current, data_dir)
    return KnowledgeStart(holder, fallback)
