"""The compact, trained understanding model: one TF-IDF vocabulary and linear heads.

Training needs scikit-learn (knowledge.training, about a second of import alone); the
fitted vocabulary, idf weights and coefficients are exported to a small .npz that this
module loads and scores with numpy in milliseconds, without network.

Heads: "category" (softmax over category ids), "danger" (sigmoid: danger now),
"lang" (sigmoid: English rather than German).
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import math
import os
from bisect import bisect_left
from collections import Counter
from itertools import chain
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.examples import TrainingSet
from knowledge.features import char_grams, analyse

log = logging.getLogger(__name__)

# Bump when the features, the weighting or the training recipe change: artifacts made by
# another version are retrained, as if the examples had changed.
MODEL_VERSION = "u2"
ARTIFACT = "understanding-model.npz"


@dataclass(frozen=True)
class Head:
    classes: tuple[str, ...]
    group_weights: tuple[float, ...]  # weight of each feature group (GROUPS) for this head
    coef: np.ndarray  # (n_features, n_outputs), float32
    intercept: np.ndarray  # (n_outputs,)
    kind: str  # "softmax" (one output per class) or "sigmoid" (one output: classes[1])


# Feature groups by prefix; each group is L2-normalised and weighted separately, so a
# few concept features are not drowned by hundreds of character n-grams.
GROUPS = ("c", "w", "k")


class Vectorizer:
    """TF-IDF (sublinear tf, smoothed idf), L2-normalised per feature group; each head
    then weights the groups (`weigh`), so the heads share one vocabulary and one pass."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray):
        self.vocabulary = vocabulary
        self.index = dict(zip(vocabulary, range(len(vocabulary))))
        self.idf = np.asarray(idf, dtype=np.float32)
        self._word_ids: dict[str, tuple[int, ...]] = {}
        self.groups = _groups_of(vocabulary)  # the feature group (index in GROUPS) of each feature

    @classmethod
    def fit(cls, token_lists: list[list[str]], min_df: int) -> Vectorizer:
        df = Counter(chain.from_iterable(map(set, token_lists)))  # one pass in C
        vocabulary = sorted(t for t, n in df.items() if n >= min_df)
        n = len(token_lists)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocabulary], dtype=np.float32)
        return cls(vocabulary, idf)

    def transform(self, tokens: list[str]) -> Vector:
        index = self.index
        return self._vector({index[t]: n for t, n in Counter(tokens).items() if t in index})

    def transform_folded(self, folded: str, found: set[str]) -> Vector:
        """The same vector as transform(analyse(...)), faster: a word's character n-grams
        and the word itself are looked up once per word and then kept (words recur)."""
        index, words = self.index, folded.split()
        ids: list[int] = []
        for word in words:
            cached = self._word_ids.get(word)
            if cached is None:
                if len(self._word_ids) > 50000:
                    self._word_ids.clear()
                grams = (*char_grams(word), f"w:{word}")
                cached = self._word_ids[word] = tuple(index[g] for g in grams if g in index)
            ids += cached
        others = [f"w:{a} {b}" for a, b in zip(words, words[1:])]
        others += [f"k:{c}" for c in found]
        ids += [index[t] for t in others if t in index]
        if not ids:
            return self._vector({})
        # One sort in numpy counts the features (a long message has a thousand or more).
        idx, counts = np.unique(np.array(ids, dtype=np.int64), return_counts=True)
        return self._weighted(idx, counts.astype(np.float32))

    def _vector(self, counts: dict[int, int]) -> Vector:
        if not counts:
            return Vector(np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int64))
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        return self._weighted(idx, np.fromiter(counts.values(), dtype=np.float32, count=len(counts)))

    def _weighted(self, idx: np.ndarray, counts: np.ndarray) -> Vector:
        """Sublinear tf times idf, L2-normalised per feature group."""
        tf = 1.0 + np.log(counts)
        values = tf * self.idf[idx]
        groups = self.groups[idx]
        norms = np.sqrt(np.bincount(groups, weights=values * values, minlength=len(GROUPS)))
        values = (values / np.where(norms > 0, norms, 1.0)[groups]).astype(np.float32)
        return Vector(idx, values, groups)


def _groups_of(vocabulary: list[str]) -> np.ndarray:
    """The feature group of each feature (its prefix's index in GROUPS). A sorted vocabulary
    (as `fit` makes it) holds each group in one run: three searches instead of a loop."""
    if vocabulary == sorted(vocabulary):  # linear on a sorted list (timsort finds the one run)
        groups = np.empty(len(vocabulary), dtype=np.int64)
        for prefix in GROUPS:
            start = bisect_left(vocabulary, f"{prefix}:")
            end = bisect_left(vocabulary, f"{prefix};")  # ";" sorts right after ":"
            groups[start:end] = GROUPS.index(prefix)
        return groups
    lookup = {prefix: i for i, prefix in enumerate(GROUPS)}
    return np.array([lookup[f[0]] for f in vocabulary], dtype=np.int64)


@dataclass(frozen=True, slots=True)
class Vector:
    """A message's features: indices, per-group normalised values, group of each."""

    idx: np.ndarray
    values: np.ndarray
    groups: np.ndarray

    def __len__(self) -> int:
        return len(self.idx)

    def weigh(self, group_weights: tuple[float, ...]) -> np.ndarray:
        """Values with the groups weighted, L2-normalised as a whole."""
        values = self.values * np.asarray(group_weights, dtype=np.float32)[self.groups]
        total = float(np.sqrt(np.dot(values, values)))
        return values / total if total else values


def _softmax(raw: np.ndarray) -> np.ndarray:
    shifted = np.exp(raw - raw.max())
    return shifted / shifted.sum()


class Model:
    """Scores texts with the exported vocabulary and heads; immutable after loading."""

    def __init__(self, key: str, vectorizer: Vectorizer, heads: dict[str, Head], sources: str = ""):
        self.key = key
        # The digest of the example files' bytes (and what else the training set is built
        # from) this model was trained and checked on: with it, a start finds the model
        # without parsing the examples (`find_by_sources`). Empty: not stamped.
        self.sources = sources
        self.vectorizer = vectorizer
        self.heads = heads
        self.vocabulary_size = len(vectorizer.vocabulary)

    def vector(self, text: str, folded: str | None = None, found: set[str] | None = None) -> Vector:
        """Sparse feature vector of `text`, shared by every head; pass `folded` and its
        concepts `found` when already computed."""
        if folded is None or found is None:
            return self.vectorizer.transform(analyse(text))
        return self.vectorizer.transform_folded(folded, found)

    def scores(self, head: str, vector: Vector) -> dict[str, float]:
        """Probability per class of `head` for an already computed vector."""
        h = self.heads[head]
        raw = self._raw(h, vector)
        if h.kind == "sigmoid":
            p = 1.0 / (1.0 + math.exp(-float(raw[0])))
            return {h.classes[0]: 1.0 - p, h.classes[1]: p}
        return dict(zip(h.classes, _softmax(raw).tolist()))

    def scores_and_decisions(self, head: str, vector: Vector) -> tuple[dict[str, float], dict[str, float]]:
        """`scores` of a softmax head, and each class's own one-vs-rest decision (above 0:
        the fit for that class alone says it is one) before the softmax makes the classes
        compete; one product for both."""
        h = self.heads[head]
        raw = self._raw(h, vector)
        return dict(zip(h.classes, _softmax(raw).tolist())), dict(zip(h.classes, raw.tolist()))

    @staticmethod
    def _raw(h: Head, vector: Vector) -> np.ndarray:
        if len(vector):
            return vector.weigh(h.group_weights) @ h.coef[vector.idx] + h.intercept
        return h.intercept.copy()

    # --- the artifact ----------------------------------------------------------------

    def to_bytes(self) -> bytes:
        vec = self.vectorizer
        meta = {
            "key": self.key,
            "sources": self.sources,
            "heads": {
                name: {"classes": list(h.classes), "kind": h.kind, "group_weights": list(h.group_weights)}
                for name, h in self.heads.items()
            },
        }
        arrays = {
            "meta": np.frombuffer(json.dumps(meta).encode(), dtype=np.uint8),
            "vocabulary": np.frombuffer("\n".join(vec.vocabulary).encode(), dtype=np.uint8),
            "idf": vec.idf.astype(np.float32),
        }
        for name, h in self.heads.items():
            arrays[f"{name}.coef"] = h.coef.astype(np.float16)
            arrays[f"{name}.intercept"] = h.intercept.astype(np.float32)
        buffer = io.BytesIO()
        np.savez_compressed(buffer, **arrays)
        return buffer.getvalue()

    @classmethod
    def from_bytes(cls, data: bytes) -> Model:
        with np.load(io.BytesIO(data), allow_pickle=False) as npz:
            meta = json.loads(npz["meta"].tobytes().decode())
            vocabulary = npz["vocabulary"].tobytes().decode().split("\n")
            heads = {
                name: Head(
                    tuple(spec["classes"]),
                    tuple(spec["group_weights"]),
                    npz[f"{name}.coef"].astype(np.float32),
                    npz[f"{name}.intercept"],
                    spec["kind"],
                )
                for name, spec in meta["heads"].items()
            }
            vectorizer = Vectorizer(vocabulary, npz["idf"])
            return cls(meta["key"], vectorizer, heads, meta.get("sources", ""))

    def stamped(self, sources: str) -> Model:
        """The same model, stamped as trained and checked on the examples of `sources`."""
        return Model(self.key, self.vectorizer, self.heads, sources)


# The code that defines the features and the training recipe: an artifact made by other
# code is stale even if the examples are the same. examples.py builds the training set from
# the files' bytes: a stamped model (`find_by_sources`) stands for its rows only with it.
RECIPE_FILES = ("features.py", "concepts.py", "concept_words.py", "extract.py", "text.py", "training.py", "examples.py")


def files_digest(names: tuple[str, ...], length: int) -> str:
    """A digest of these files of this package, `length` hex digits long."""
    digest = hashlib.sha256()
    for name in names:
        digest.update((Path(__file__).parent / name).read_bytes())
    return digest.hexdigest()[:length]


def recipe_digest() -> str:
    return files_digest(RECIPE_FILES, 8)


def model_key(training: TrainingSet) -> str:
    """Identifies examples and recipe: an artifact with this key is current."""
    return f"{MODEL_VERSION}-{recipe_digest()}-{training.digest()}"


def _read(path: Path) -> Model | None:
    try:
        return Model.from_bytes(path.read_bytes())
    except (OSError, ValueError, KeyError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("unreadable model artifact %s: %s", path.name, type(exc).__name__)
        return None


def read_artifact(path: Path, key: str) -> Model | None:
    """The model at `path` if it exists and was trained on exactly these examples."""
    model = _read(path)
    return model if model is not None and model.key == key else None


def _recipe_prefix() -> str:
    return f"{MODEL_VERSION}-{recipe_digest()}-"


_BY_SOURCES: dict[str, Model] = {}


def find_by_sources(sources: str, search: list[Path]) -> Model | None:
    """A model stamped with `sources` by this recipe, without parsing the examples: in
    memory, as the artifact of a directory in `search`, or in the cache (`remember`).
    Equal sources mean byte-equal example files, the same categories and the same
    neutral texts, hence the same training set the stamp was given after its checks."""
    if (model := _BY_SOURCES.get(sources)) is not None:
        return model
    prefix = _recipe_prefix()
    paths = dict.fromkeys([*(d / ARTIFACT for d in search), cache_dir() / f"sources-{sources}.npz"])
    for path in paths:
        meta = _meta(path)  # the stamp alone, before the arrays are read
        if meta is None or meta.get("sources") != sources or not meta["key"].startswith(prefix):
            continue
        if (model := _read(path)) is not None:
            _BY_SOURCES[sources] = model
            return model
    return None


def _meta(path: Path) -> dict | None:  # type: ignore[type-arg]
    try:
        with np.load(path, allow_pickle=False) as npz:
            return json.loads(npz["meta"].tobytes().decode())
    except (OSError, ValueError, KeyError):
        return None  # missing or unreadable: _read says which when it is asked


def remember(model: Model, sources: str) -> None:
    """Stamp `model` with `sources` once the knowledge it was loaded with passed every
    check, so the next start (after an admin's edit too) skips parsing the examples."""
    stamped = model.stamped(sources)
    _BY_SOURCES[sources] = stamped
    path = cache_dir() / f"sources-{sources}.npz"
    if not path.exists():
        _cache(path, stamped)


# Models kept in the cache: the newest few (each edit of the examples adds one or two of
# about 3 MB; a server that runs for years must not fill its disk with them).
CACHE_KEEP = 8


def _cache(path: Path, model: Model) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_bytes(model.to_bytes())
        tmp.replace(path)
    except OSError as exc:  # a read-only home is no reason to fail: memory suffices
        log.warning("model cache not writable: %s", type(exc).__name__)
        return
    _prune(path.parent, keep=path)


def _prune(directory: Path, keep: Path) -> None:
    """Remove all but the CACHE_KEEP newest models (never `keep`, just written)."""
    def age(p: Path) -> float:
        try:
            return p.stat().st_mtime
        except OSError:
            return 0.0

    models = sorted((p for p in directory.glob("*.npz") if p != keep), key=age, reverse=True)
    for old in models[CACHE_KEEP - 1:]:
        try:
            old.unlink()
        except OSError:
            pass  # gone already, or another process keeps it: nothing lost either way


def cache_dir() -> Path:
    """Where models retrained after an admin edit are kept across restarts."""
    if explicit := os.environ.get("SCHUTZLOTSE_MODEL_CACHE"):
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "schutzlotse" / "models"


_MEMORY: dict[str, Model] = {}


def obtain(training: TrainingSet, search: list[Path]) -> Model:
    """The model for these examples: shipped or cached if current, else trained now.

    Looks in memory, then in `search` (knowledge directories), then in the cache
    directory; trains (scikit-learn) only when none is current, and caches the result.
    """
    key = model_key(training)
    if key in _MEMORY:
        return _MEMORY[key]
    cached = cache_dir() / f"{key}.npz"
    for path in [*(d / ARTIFACT for d in search), cached]:
        if (model := read_artifact(path, key)) is not None:
            _MEMORY[key] = model
            return model
    from knowledge.concept_memory import recalled
    from knowledge.training import train

    memory = recalled(cache_dir(), search)
    log.info("training the understanding model (%d category, %d danger examples, %d texts' concepts recalled)",
             len(training.categories), len(training.danger), len(memory))
    model = Model.from_bytes(train(training, key, memory=memory).to_bytes())  # float16 as when shipped
    _MEMORY[key] = model
    _cache(cached, model)
    memory.keep_in_cache(cache_dir())
    return model
