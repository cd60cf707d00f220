"""Evidence files on disk, one AES-GCM encrypted file per upload (`<id>.bin`, mode 0600).

Files are written before the row that points to them is committed and removed before
the row is deleted; a crash in between leaves a file without a row, which `sweep_orphans`
removes at the next start.
"""

from __future__ import annotations

import logging
import os
import secrets
from collections.abc import Iterable
from pathlib import Path

from bot.crypto import Cipher

log = logging.getLogger(__name__)
SUFFIX = ".bin"


class EvidenceVault:
    def __init__(self, directory: Path, cipher: Cipher):
        self.directory = directory
        self._cipher = cipher
        directory.mkdir(parents=True, exist_ok=True, mode=0o700)

    @staticmethod
    def new_id() -> str:
        return secrets.token_hex(16)

    def path(self, evidence_id: str) -> Path:
        if not evidence_id.isalnum():  # ids are ours, but never let one walk out of the folder
            raise ValueError("bad evidence id")
        return self.directory / f"{evidence_id}{SUFFIX}"

    def write(self, evidence_id: str, data: bytes, *, replace: bool = False) -> None:
        """Encrypt and write durably before the database row that points to it is committed.

        `replace`: the id is an outbox action's, and a crashed earlier run may have left the
        file without its row: write a temporary file and rename it over."""
        blob = self._cipher.encode(data, b"evidence|" + evidence_id.encode())
        path = self.path(evidence_id)
        target = path.with_suffix(".tmp") if replace else path
        if replace:
            target.unlink(missing_ok=True)
        fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as handle:
            handle.write(blob)
            handle.flush()
            os.fsync(handle.fileno())
        if replace:
            os.replace(target, path)

    def read(self, evidence_id: str) -> bytes:
        """Decrypt one file. Blocking and CPU-bound for large files: call it in a thread."""
        blob = self.path(evidence_id).read_bytes()
        return self._cipher.decode(blob, b"evidence|" + evidence_id.encode())

    def read_if_present(self, evidence_id: str) -> bytes | None:
        try:
            return self.read(evidence_id)
        except FileNotFoundError:
            return None

    def remove(self, evidence_id: str) -> None:
        self.path(evidence_id).unlink(missing_ok=True)

    def remove_all(self, evidence_ids: Iterable[str]) -> None:
        for evidence_id in evidence_ids:
            self.remove(evidence_id)

    def sweep_orphans(self, known_ids: set[str]) -> int:
        """Remove files no row points to (a crash between writing a file and its row, or
        between removing a file and its row); returns how many were removed."""
        removed = 0
        for entry in os.scandir(self.directory):
            name = entry.name
            stem = name[: -len(SUFFIX)] if name.endswith(SUFFIX) else ""
            if stem.isalnum() and stem not in known_ids and entry.is_file(follow_symlinks=False):
                os.unlink(entry.path)
                removed += 1
        if removed:
            log.warning("removed %d evidence file(s) without a record (left by an interrupted save or deletion)", removed)
        return removed
