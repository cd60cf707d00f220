"""`schutzlotse backup DEST` and `schutzlotse restore SRC`.

A backup is a directory: `data/` mirrors the data directory (the SQLite database copied
with SQLite's online backup API, so a live WAL database gives a consistent copy; evidence
files; the last good knowledge; the Matrix store when it lives there), `matrix-store/` the
Matrix store when it lives elsewhere, `knowledge/` the configured knowledge directory, and
MANIFEST.json with a SHA-256 per file. The data key is never in it: keep it apart (see
docs/operations.md), because key plus backup reads everything.

Restore refuses while a bot runs on the target data directory (the run lock), and refuses
to replace an existing database unless told to (`--force`).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from bot.config import Settings
from bot.incidents.crypto import KEY_FILE
from bot.runlock import LOCK_NAME, running_pid
from bot.version import VERSION

MANIFEST = "MANIFEST.json"
DB_NAME = "schutzlotse.db"
SKIP_SUFFIXES = ("-wal", "-shm", "-journal")
SKIP_NAMES = {LOCK_NAME, KEY_FILE}
KEY_NOTE = ("The data key is NOT in this backup. Keep SCHUTZLOTSE_DATA_KEY or the file data.key from the "
            "data directory apart from it (password manager, sealed envelope in a safe): without the key "
            "nothing in the backup can be read; with both, everything can.")


class BackupError(Exception):
    pass


@dataclass
class Result:
    target: Path
    files: int
    bytes: int


def _is_sqlite(path: Path) -> bool:
    try:
        with path.open("rb") as handle:
            return handle.read(16) == b"SQLite format 3\x00"
    except OSError:
        return False


def _sqlite_copy(source: Path, target: Path) -> None:
    """A consistent copy of a (possibly live, WAL) database through the backup API."""
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # one self-contained file; the bot turns WAL on again
        finally:
            dst.close()
    finally:
        src.close()
    for suffix in SKIP_SUFFIXES:
        Path(str(target) + suffix).unlink(missing_ok=True)
    target.chmod(0o600)


def _copy_file(source: Path, target: Path) -> None:
    target.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    shutil.copy2(source, target)
    target.chmod(0o600)


def _copy_tree(source: Path, target: Path, skip: set[Path]) -> None:
    for path in sorted(source.rglob("*")):
        if path in skip or any(parent in skip for parent in path.parents):
            continue
        if not path.is_file() or path.name in SKIP_NAMES or path.name.endswith(SKIP_SUFFIXES):
            continue
        if path.name.startswith(".knowledge-"):  # a half-written copy (bot/last_good.py)
            continue
        relative = path.relative_to(source)
        if _is_sqlite(path):
            _sqlite_copy(path, target / relative)
        else:
            _copy_file(path, target / relative)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def backup(settings: Settings, dest: Path) -> Result:
    dest = Path(dest)
    if dest.exists() and any(dest.iterdir()):
        raise BackupError(f"{dest} exists and is not empty; choose a new directory")
    if not settings.db_path.exists():
        raise BackupError(f"no database at {settings.db_path}")
    old_umask = os.umask(0o077)
    try:
        dest.mkdir(parents=True, exist_ok=True, mode=0o700)
        dest.chmod(0o700)
        data_dir = settings.data_dir.resolve()
        db_path = settings.db_path.resolve()
        matrix = settings.matrix_store_dir.resolve()
        _sqlite_copy(db_path, dest / "data" / DB_NAME)
        skip = {db_path, dest.resolve(), data_dir / "exports"}  # exports: the terminal chat's own copies
        if data_dir not in matrix.parents and matrix != data_dir:
            if matrix.is_dir():
                _copy_tree(matrix, dest / "matrix-store", set())
        _copy_tree(data_dir, dest / "data", skip)
        if settings.knowledge_dir is not None and settings.knowledge_dir.is_dir():
            _copy_tree(settings.knowledge_dir.resolve(), dest / "knowledge", set())
        files = sorted(p for p in dest.rglob("*") if p.is_file())
        manifest = {
            "created_at": dt.datetime.now().astimezone().isoformat(timespec="seconds"),
            "schutzlotse_version": VERSION,
            "schema_version": _schema_version(dest / "data" / DB_NAME),
            "data_key": "not included",
            "note": KEY_NOTE,
            "files": {str(p.relative_to(dest)): {"sha256": _sha256(p), "bytes": p.stat().st_size} for p in files},
        }
        (dest / MANIFEST).write_text(json.dumps(manifest, indent=1, ensure_ascii=False), encoding="utf-8")
        (dest / MANIFEST).chmod(0o600)
        return Result(dest, len(files), sum(p.stat().st_size for p in files))
    finally:
        os.umask(old_umask)


def _schema_version(db: Path) -> int:
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def verify(src: Path) -> dict:
    """The manifest, after checking every file's SHA-256 against it."""
    try:
        manifest = json.loads((src / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise BackupError(f"{src} is not a Schutzlotse backup (no readable {MANIFEST})") from exc
    for name, entry in manifest["files"].items():
        path = src / name
        if not path.is_file() or _sha256(path) != entry["sha256"]:
            raise BackupError(f"{name} is missing or damaged in the backup; not restoring")
    return manifest


def restore(settings: Settings, src: Path, *, force: bool = False) -> Result:
    src = Path(src)
    pid = running_pid(settings.data_dir)
    if pid is not None:
        raise BackupError(f"a running Schutzlotse (pid {pid}) uses {settings.data_dir}; stop it first "
                          "(e.g. `systemctl stop schutzlotse`)")
    manifest = verify(src)
    if settings.db_path.exists() and not force:
        raise BackupError(f"{settings.db_path} exists; restoring would replace it. Back it up first, "
                          "then run restore with --force")
    old_umask = os.umask(0o077)
    try:
        settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        settings.data_dir.chmod(0o700)
        for suffix in SKIP_SUFFIXES:  # a stale WAL must never be replayed onto the restored file
            Path(str(settings.db_path) + suffix).unlink(missing_ok=True)
        count = size = 0
        for name in manifest["files"]:
            path = src / name
            top, _, rest = name.partition("/")
            if top == "data" and rest == DB_NAME:
                target = settings.db_path
            elif top == "data":
                target = settings.data_dir / rest
            elif top == "matrix-store":
                target = settings.matrix_store_dir / rest
            else:
                continue  # knowledge/: left where it is (see the printed hint)
            _copy_file(path, target)
            count, size = count + 1, size + path.stat().st_size
        conn = sqlite3.connect(settings.db_path)
        try:
            if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
                raise BackupError("the restored database fails SQLite's integrity check")
        finally:
            conn.close()
        return Result(settings.data_dir, count, size)
    finally:
        os.umask(old_umask)


def key_present(settings: Settings) -> bool:
    return settings.data_key is not None or (settings.data_dir / KEY_FILE).exists()
