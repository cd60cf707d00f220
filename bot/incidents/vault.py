"""Evidence files on disk, one AES-GCM encrypted file per upload (`<id>.bin`, mode 0600)."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

from bot.crypto import Cipher


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
        return self.directory / f"{evidence_id}.bin"

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
        blob = self.path(evidence_id).read_bytes()
        return self._cipher.decode(blob, b"evidence|" + evidence_id.encode())

    def remove(self, evidence_id: str) -> None:
        self.path(evidence_id).unlink(missing_ok=True)
