"""The compact, trained understanding model: one TF-IDF vocabulary and linear heads.

Training needs scikit-learn (knowledge.training, about a second of import alone); the
fitted vocabulary, idf weights and coefficients are exported to a small .npz that this
module loads and scores with numpy in milliseconds, without network.

Heads: "category" (softmax over category ids), "danger" (sigmoid: danger now),
"lang" (sigmoid: English rather than German).
"""

from __future__ import annotations

import io
import json
import logging
import math
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from knowledge.examples import TrainingSet
from knowledge.features import analyse

log = logging.getLogger(__name__)

# Bump when the features, the weighting or the training recipe change: artifacts made by
# another version are retrained, as if the examples had changed.
MODEL_VERSION = "u1"
ARTIFACT = "understanding-model.npz"


@dataclass(frozen=True)
class Head:
    classes: tuple[str, ...]
    coef: np.ndarray  # (n_features, n_outputs), float32
    intercept: np.ndarray  # (n_outputs,)
    kind: str  # "softmax" (one output per class) or "sigmoid" (one output: classes[1])


# Feature groups by prefix; each group is L2-normalised and weighted separately, so a
# few concept features are not drowned by hundreds of character n-grams.
GROUPS = ("c", "w", "k")


class Vectorizer:
    """TF-IDF (sublinear tf, smoothed idf) with per-group normalisation and weights."""

    def __init__(self, vocabulary: list[str], idf: np.ndarray, group_weights: tuple[float, ...]):
        self.vocabulary = vocabulary
        self.index = {feature: i for i, feature in enumerate(vocabulary)}
        self.idf = np.asarray(idf, dtype=np.float32)
        self.group_weights = tuple(float(w) for w in group_weights)
        self._weights = np.asarray(self.group_weights, dtype=np.float32)
        self._groups = np.fromiter((GROUPS.index(f[0]) for f in vocabulary), dtype=np.int64, count=len(vocabulary))

    @classmethod
    def fit(cls, token_lists: list[list[str]], min_df: int, group_weights: tuple[float, ...]) -> Vectorizer:
        df: dict[str, int] = {}
        for tokens in token_lists:
            for token in set(tokens):
                df[token] = df.get(token, 0) + 1
        vocabulary = sorted(t for t, n in df.items() if n >= min_df)
        n = len(token_lists)
        idf = np.array([math.log((1 + n) / (1 + df[t])) + 1.0 for t in vocabulary], dtype=np.float32)
        return cls(vocabulary, idf, group_weights)

    def transform(self, tokens: list[str]) -> tuple[np.ndarray, np.ndarray]:
        counts: dict[int, int] = {}
        index = self.index
        for token in tokens:
            i = index.get(token)
            if i is not None:
                counts[i] = counts.get(i, 0) + 1
        if not counts:
            return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.float32)
        idx = np.fromiter(counts.keys(), dtype=np.int64, count=len(counts))
        tf = np.fromiter((1.0 + math.log(c) for c in counts.values()), dtype=np.float32, count=len(counts))
        values = tf * self.idf[idx]
        groups = self._groups[idx]
        norms = np.sqrt(np.bincount(groups, weights=values * values, minlength=len(GROUPS)))
        safe = np.where(norms > 0, norms, 1.0)
        values = (values * (self._weights[groups] / safe[groups])).astype(np.float32)
        total = float(np.sqrt(np.dot(values, values)))
        return idx, values / total if total else values


class Model:
    """Scores texts with the exported vocabulary and heads; immutable after loading."""

    def __init__(self, key: str, vectorizer: Vectorizer, heads: dict[str, Head]):
        self.key = key
        self.vectorizer = vectorizer
        self.heads = heads
        self.vocabulary_size = len(vectorizer.vocabulary)

    def vector(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sparse feature vector (indices, values) of `text`."""
        return self.vectorizer.transform(analyse(text))

    def scores(self, head: str, vector: tuple[np.ndarray, np.ndarray]) -> dict[str, float]:
        """Probability per class of `head` for an already computed vector."""
        h = self.heads[head]
        idx, values = vector
        raw = values @ h.coef[idx] + h.intercept if len(idx) else h.intercept.copy()
        if h.kind == "sigmoid":
            p = 1.0 / (1.0 + math.exp(-float(raw[0])))
            return {h.classes[0]: 1.0 - p, h.classes[1]: p}
        shifted = np.exp(raw - raw.max())
        probs = shifted / shifted.sum()
        return {c: float(p) for c, p in zip(h.classes, probs)}

    # --- the artifact ----------------------------------------------------------------

    def to_bytes(self) -> bytes:
        vec = self.vectorizer
        meta = {
            "key": self.key,
            "group_weights": list(vec.group_weights),
            "heads": {name: {"classes": list(h.classes), "kind": h.kind} for name, h in self.heads.items()},
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
                    npz[f"{name}.coef"].astype(np.float32),
                    npz[f"{name}.intercept"],
                    spec["kind"],
                )
                for name, spec in meta["heads"].items()
            }
            vectorizer = Vectorizer(vocabulary, npz["idf"], tuple(meta["group_weights"]))
            return cls(meta["key"], vectorizer, heads)


def model_key(training: TrainingSet) -> str:
    return f"{MODEL_VERSION}-{training.digest()}"


def read_artifact(path: Path, key: str) -> Model | None:
    """The model at `path` if it exists and was trained on exactly these examples."""
    try:
        model = Model.from_bytes(path.read_bytes())
    except (OSError, ValueError, KeyError) as exc:
        if not isinstance(exc, FileNotFoundError):
            log.warning("unreadable model artifact %s: %s", path.name, type(exc).__name__)
        return None
    return model if model.key == key else None


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
    from knowledge.training import train

    log.info("training the understanding model (%d category, %d danger examples)",
             len(training.categories), len(training.danger))
    model = Model.from_bytes(train(training, key).to_bytes())  # float16 as when shipped
    _MEMORY[key] = model
    try:
        cached.parent.mkdir(parents=True, exist_ok=True)
        tmp = cached.with_suffix(".tmp")
        tmp.write_bytes(model.to_bytes())
        tmp.replace(cached)
    except OSError as exc:  # a read-only home is no reason to fail: memory suffices
        log.warning("model cache not writable: %s", type(exc).__name__)
    return model
