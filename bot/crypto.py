"""The data key and AES-GCM encryption of everything a user entered, shared by every store.

The key comes from SCHUTZLOTSE_DATA_KEY or from a key file created (0600) at first start.
A check value in the database proves at start that it is the key the data was written
with; a missing or wrong key stops the start and changes nothing.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import logging
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from bot.config import Settings
from bot.store import Database, StoreError

log = logging.getLogger(__name__)
MAGIC = b"SLE1"  # marks encrypted blobs, so legacy plaintext can be told apart
NONCE_BYTES = 12
KEY_FILE = "data.key"
CHECK_PLAINTEXT = b"schutzlotse data key check v1"
CHECK_CONTEXT = b"key-check"


class DataKeyError(StoreError):
    """The data key is missing, malformed or not the one the data was encrypted with."""


class DecryptionError(Exception):
    pass


@dataclass(frozen=True)
class DataKey:
    """Derives separate sub-keys for encryption and for owner pseudonyms from one key."""

    raw: bytes
    source: str

    def _sub(self, label: bytes) -> bytes:
        return hmac.new(self.raw, label, hashlib.sha256).digest()

    def cipher(self) -> Cipher:
        return Cipher(AESGCM(self._sub(b"schutzlotse/encrypt")))

    def cipher_for(self, purpose: str) -> Cipher:
        """A cipher with its own sub-key (e.g. "escalation"): one feature's blobs never open as another's."""
        return Cipher(AESGCM(self._sub(b"schutzlotse/encrypt/" + purpose.encode())))

    def owner_id(self, conv_key: str) -> str:
        """A stable pseudonym of a conversation key: finds a user's rows without naming them."""
        return hmac.new(self._sub(b"schutzlotse/owner"), conv_key.encode(), hashlib.sha256).hexdigest()[:40]


class Cipher:
    """AES-256-GCM with a random nonce; `context` is bound as associated data."""

    def __init__(self, aead: AESGCM):
        self._aead = aead

    def encode(self, data: bytes, context: bytes) -> bytes:
        nonce = secrets.token_bytes(NONCE_BYTES)
        return MAGIC + nonce + self._aead.encrypt(nonce, data, context)

    def decode(self, data: bytes, context: bytes) -> bytes:
        if not data.startswith(MAGIC):
            raise DecryptionError("not an encrypted blob")
        nonce = data[len(MAGIC) : len(MAGIC) + NONCE_BYTES]
        try:
            return self._aead.decrypt(nonce, data[len(MAGIC) + NONCE_BYTES :], context)
        except InvalidTag as exc:
            raise DecryptionError("wrong key or damaged data") from exc


class ConversationCodec:
    """The ConversationStore codec: encrypts state; reads states written before encryption."""

    def __init__(self, cipher: Cipher):
        self._cipher = cipher

    def encode(self, data: bytes, context: bytes) -> bytes:
        return self._cipher.encode(data, b"conversation|" + context)

    def decode(self, data: bytes, context: bytes) -> bytes:
        if data.startswith(b"{"):  # written by a version without encryption; re-saved encrypted
            return data
        return self._cipher.decode(data, b"conversation|" + context)


def _read_key_file(path: Path) -> bytes:
    try:
        raw = base64.b64decode(path.read_text(encoding="ascii").strip(), validate=True)
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataKeyError(f"key file {path} is not base64 text; restore it from your backup") from exc
    if len(raw) != 32:
        raise DataKeyError(f"key file {path} does not hold 32 bytes; restore it from your backup")
    if path.stat().st_mode & 0o077:
        log.warning("key file %s is readable by others; run chmod 600 on it", path)
    return raw


def _create_key_file(path: Path) -> bytes:
    raw = secrets.token_bytes(32)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as handle:
        handle.write(base64.b64encode(raw).decode() + "\n")
        handle.flush()
        os.fsync(handle.fileno())
    log.warning("created a new data key in %s: back it up (see docs/incidents.md)", path)
    return raw


async def load_data_key(settings: Settings, db: Database) -> DataKey:
    """The configured key, verified against the database's check value (stored on first use)."""
    row = await db.fetchone("SELECT check_value FROM data_key_check WHERE id = 1")
    path = settings.data_dir / KEY_FILE
    if settings.data_key is not None:
        key = DataKey(base64.b64decode(settings.data_key.get_secret_value().strip()), "SCHUTZLOTSE_DATA_KEY")
    elif path.exists():
        key = DataKey(_read_key_file(path), str(path))
    elif row is not None:
        raise DataKeyError(
            f"the database {db.path} holds encrypted data, but no data key is configured "
            f"(SCHUTZLOTSE_DATA_KEY is unset and {path} is missing). Restore the key from your "
            "backup; nothing was changed."
        )
    else:
        key = DataKey(_create_key_file(path), str(path))
    cipher = key.cipher()
    if row is None:
        async with db.transaction() as conn:
            await conn.execute(
                "INSERT INTO data_key_check (id, check_value, created_at) VALUES (1, ?, ?)",
                (cipher.encode(CHECK_PLAINTEXT, CHECK_CONTEXT), time.time()),
            )
        return key
    try:
        ok = cipher.decode(bytes(row[0]), CHECK_CONTEXT) == CHECK_PLAINTEXT
    except DecryptionError:
        ok = False
    if not ok:
        raise DataKeyError(
            f"the data key from {key.source} is not the key the database {db.path} was "
            "encrypted with. Configure the right key (from your backup); nothing was changed."
        )
    return key
