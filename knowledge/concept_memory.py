"""The concepts of texts already analysed, kept from one training to the next.

Working out the concepts (knowledge.concepts) of the danger head's 23,000 texts is the
slowest part of training, and they are a pure function of the text and of the rule files
(CONCEPT_FILES). An admin's reload adds or changes a few examples and keeps the rules, so
the next training looks up every text it has seen before and works out only the new ones:
the model is bit for bit the one a training without the memory gives (tested).

Kept in a file per rule digest: shipped beside the model (`python -m knowledge.training`
writes it) and in the model cache after a training. A file of other rules, or one that
cannot be read, is no memory at all: everything is worked out again.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Iterable, Mapping
from pathlib import Path

import numpy as np

log = logging.getLogger(__name__)

# The files knowledge.concepts reads its rules from (and the folding they see the text through).
CONCEPT_FILES = ("features.py", "concepts.py", "concept_words.py", "extract.py", "text.py")
SHIPPED = "understanding-concepts.npz"
KEEP = 2  # memories of other rules kept in the cache: the current one and the one before


def rules_digest() -> str:
    from knowledge.model import files_digest  # the model module imports the rules' modules

    return files_digest(CONCEPT_FILES, 16)


def _key(text: str) -> int:
    return int.from_bytes(hashlib.blake2b(text.encode(), digest_size=8).digest(), "little")


class ConceptMemory:
    """Text -> its concepts (sorted), for the rules of `digest`."""

    def __init__(self, digest: str, known: dict[int, tuple[str, ...]] | None = None):
        self.digest = digest
        self._known = known or {}

    def __len__(self) -> int:
        return len(self._known)

    def recall(self, texts: Iterable[str]) -> dict[str, tuple[str, ...]]:
        """The concepts of those `texts` this memory holds."""
        known = self._known
        return {t: found for t in texts if (found := known.get(_key(t))) is not None}

    @classmethod
    def read(cls, paths: Iterable[Path]) -> ConceptMemory:
        """The first of `paths` that holds the current rules' memory; an empty one if none."""
        digest = rules_digest()
        for path in paths:
            try:
                with np.load(path, allow_pickle=False) as npz:
                    meta = json.loads(npz["meta"].tobytes().decode())
                    if meta.get("digest") != digest:
                        continue
                    keys, starts, ids = npz["keys"], npz["starts"], npz["ids"]
            except (FileNotFoundError, NotADirectoryError):
                continue
            except (OSError, ValueError, KeyError) as exc:
                log.warning("unreadable concept memory %s: %s", path.name, type(exc).__name__)
                continue
            names = tuple(meta["names"])
            ends = [*starts.tolist()[1:], len(ids)]
            spelled = [names[i] for i in ids.tolist()]
            return cls(digest, {k: tuple(spelled[a:b]) for k, a, b in zip(keys.tolist(), starts.tolist(), ends)})
        return cls(digest)

    def hold(self, found: Mapping[str, tuple[str, ...]]) -> None:
        """From now on hold exactly `found` (text -> its concepts, sorted): what the last
        training worked out or recalled, so the memory never grows past the examples."""
        self._known = {_key(t): concepts for t, concepts in found.items()}

    def write(self, path: Path) -> None:
        """Keep this memory at `path`, atomically. Only the texts' digests are written, never
        a text: the examples stay where an admin keeps them."""
        names = sorted({c for concepts in self._known.values() for c in concepts})
        number = {name: i for i, name in enumerate(names)}
        rows = sorted(self._known.items())
        lengths = np.fromiter((len(c) for _, c in rows), dtype=np.int64, count=len(rows))
        meta = json.dumps({"digest": self.digest, "names": names}).encode()
        arrays = {
            "meta": np.frombuffer(meta, dtype=np.uint8),
            "keys": np.fromiter((k for k, _ in rows), dtype=np.uint64, count=len(rows)),
            "starts": (np.cumsum(lengths) - lengths).astype(np.int32),
            "ids": np.asarray([number[c] for _, concepts in rows for c in concepts], dtype=np.uint16),
        }
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        with tmp.open("wb") as out:
            np.savez_compressed(out, **arrays)
        tmp.replace(path)

    def keep_in_cache(self, cache: Path) -> None:
        """Write this memory to the model cache for the next training, and remove all but the
        newest KEEP of other rules; a cache that cannot be written only costs the next
        training its time."""
        path = cached_path(cache, self.digest)
        try:
            self.write(path)
            others = sorted((p for p in path.parent.glob("*.npz") if p != path), key=lambda p: p.stat().st_mtime, reverse=True)
            for old in others[KEEP - 1:]:
                old.unlink(missing_ok=True)
        except OSError as exc:
            log.warning("concept memory not writable: %s", type(exc).__name__)


def cached_path(cache: Path, digest: str) -> Path:
    return cache / "concepts" / f"{digest}.npz"


def recalled(cache: Path, directories: Iterable[Path]) -> ConceptMemory:
    """The current rules' memory: the cache's (the last training here), else a shipped one."""
    digest = rules_digest()
    return ConceptMemory.read([cached_path(cache, digest), *(d / SHIPPED for d in directories)])
