"""Labelled example messages (examples-de.yaml, examples-en.yaml): what the models learn from.

Admins teach the bot by adding a message it misunderstood under the right category, or
under `danger_now` / `not_danger_now`. A reload retrains (knowledge.model).
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from pydantic import Field, field_validator

from knowledge.schema import Strict

EXAMPLE_FILES = {"de": "examples-de.yaml", "en": "examples-en.yaml"}
MIN_PER_CATEGORY = 10
# The label the category head learns the messages of `out_of_scope` under: no category of
# categories.yaml, so no offence is ever proposed for it (knowledge.understanding).
OUT_OF_SCOPE = "out_of_scope"


class ExamplesFile(Strict):
    """One language's labelled messages."""

    language: Literal["de", "en"]
    categories: dict[str, list[str]] = Field(
        description="Category id (from categories.yaml) -> messages that mean it."
    )
    danger_now: list[str] = Field(
        default_factory=list, description="Messages that mean danger right now (emergency, 110)."
    )
    not_danger_now: list[str] = Field(
        default_factory=list,
        description="Messages that sound alarming but are not danger now (past, negated, questions).",
    )
    out_of_scope: list[str] = Field(
        default_factory=list,
        description="Messages that tell no incident and ask nothing this help line is for: a town-hall "
        "matter, the press, a test, spam, an insult at the bot. The bot claims no offence for such a "
        "message and says what it is for.",
    )

    @field_validator("danger_now", "not_danger_now", "out_of_scope")
    @classmethod
    def _no_empty(cls, value: list[str]) -> list[str]:
        if any(not text.strip() for text in value):
            raise ValueError("an example must not be empty")
        return value

    @field_validator("categories")
    @classmethod
    def _no_empty_in_categories(cls, value: dict[str, list[str]]) -> dict[str, list[str]]:
        for texts in value.values():
            if any(not text.strip() for text in texts):
                raise ValueError("an example must not be empty")
        return value


@dataclass(frozen=True)
class Example:
    text: str
    lang: str
    label: str  # a category id


@dataclass(frozen=True)
class TrainingSet:
    """Every example, de-duplicated and sorted, so training is deterministic."""

    categories: tuple[Example, ...]  # label a category id, or OUT_OF_SCOPE
    danger: tuple[Example, ...]  # label "danger" or "safe"
    category_ids: tuple[str, ...]

    @classmethod
    def build(cls, files: Mapping[str, ExamplesFile], category_ids: list[str],
              neutral: list[str] | tuple[str, ...] = ()) -> TrainingSet:
        """`neutral`: texts that are never danger (the municipality names: a town typed
        at the place question must not look like an emergency); language "" (none)."""
        known = set(category_ids)
        # (label, lang, text) tuples: they hash and sort in C, a dataclass per row does not
        # (a third of the start-up's share here; measured).
        cats: set[tuple[str, str, str]] = set()
        danger: set[tuple[str, str, str]] = set()
        for lang, examples in files.items():
            for cid, texts in examples.categories.items():
                if cid in known:  # examples for a category not defined yet wait for it
                    cats.update((cid, lang, t.strip()) for t in texts)
            cats.update((OUT_OF_SCOPE, lang, t.strip()) for t in examples.out_of_scope)
            danger.update(("danger", lang, t.strip()) for t in examples.danger_now)
            danger.update(("safe", lang, t.strip()) for t in examples.not_danger_now)
        danger.update(("safe", "", t) for t in neutral)
        used = tuple(sorted({label for label, _, _ in cats}))
        return cls(tuple(Example(text, lang, label) for label, lang, text in sorted(cats)),
                   tuple(Example(text, lang, label) for label, lang, text in sorted(danger)), used)

    def digest(self) -> str:
        """Identifies the training input; a model artifact is current iff it carries this.
        Fields and rows are joined with the ASCII unit and record separators (a JSON dump
        of every row cost a tenth of the start-up; measured)."""
        rows = [f"{e.label}\x1f{e.lang}\x1f{e.text}" for e in self.categories]
        rows.append("\x1d")  # between the two lists
        rows += [f"{e.label}\x1f{e.lang}\x1f{e.text}" for e in self.danger]
        return hashlib.sha256("\x1e".join(rows).encode()).hexdigest()[:20]


def sources_digest(raw: dict[str, bytes], category_ids: list[str], neutral: list[str]) -> str:
    """Identifies everything `TrainingSet.build` is given, without parsing the example
    files: their bytes (by file name), the category ids and the neutral texts. Equal
    digests mean equal training sets; hashing 7 MB is about a tenth of parsing it."""
    digest = hashlib.sha256()
    for name in sorted(raw):
        digest.update(f"{name}\x1f{len(raw[name])}\x1e".encode())
        digest.update(raw[name])
    digest.update("\x1d".join(category_ids).encode())
    digest.update(b"\x1e")
    digest.update("\x1d".join(neutral).encode())
    return digest.hexdigest()[:20]
