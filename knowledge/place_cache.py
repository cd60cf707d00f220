"""Keeps the built Germany place tables on disk, keyed by the data they came from.

Building all of Germany from the GeoNames CSV takes about a second; reading the built
tables back takes about a tenth of that. The cache file is named after the SHA-256 of the
CSV bytes, this module's format number and the Python version (marshal's format is
Python's own), so a changed file or a new Python never reads a stale table. A cache that
cannot be written (read-only disk) only costs speed.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from knowledge.municipalities import Tables

log = logging.getLogger(__name__)
FORMAT = 1


def default_cache_dir() -> Path:
    explicit = os.environ.get("SCHUTZLOTSE_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "schutzlotse"


def data_hash(*paths: Path) -> str:
    digest = hashlib.sha256(f"{FORMAT}:{sys.version_info[0]}.{sys.version_info[1]}".encode())
    for path in paths:
        digest.update(path.read_bytes())
    return digest.hexdigest()[:24]


def cached_tables(name: str, sources: tuple[Path, ...], build: Callable[[], Tables],
                  cache_dir: Path | None) -> Tables:
    """The tables for `sources`, from the cache when it holds them, else built and stored."""
    if cache_dir is None:
        return build()
    path = cache_dir / f"{name}-{data_hash(*sources)}.marshal"
    try:
        return Tables.from_json(marshal.loads(path.read_bytes()))
    except FileNotFoundError:
        pass
    except (OSError, ValueError, EOFError, TypeError, KeyError) as exc:
        log.warning("place cache %s unreadable (%s); rebuilding", path.name, type(exc).__name__)
    tables = build()
    _store(path, marshal.dumps(tables.to_json()))
    return tables


def _store(path: Path, data: bytes) -> None:
    tmp: str | None = None
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=path.name, suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)  # atomic: a concurrent reader sees the old file or the new one
        tmp = None
        for old in path.parent.glob(path.name.split("-", 1)[0] + "-*.marshal"):
            if old != path:
                old.unlink(missing_ok=True)
    except OSError as exc:
        log.info("place cache not written (%s): the first non-Saxon lookup stays slower", type(exc).__name__)
    finally:
        if tmp is not None:
            Path(tmp).unlink(missing_ok=True)
