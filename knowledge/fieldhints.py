"""Which fields the schema allows at a place in a YAML file, for "did you mean" hints."""

from __future__ import annotations

import types
import typing
from typing import Any

from pydantic import BaseModel

from knowledge.text import edit_distance


def _unwrap(annotation: Any) -> Any:
    """Drop Optional / Union-with-None around a type."""
    origin = typing.get_origin(annotation)
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(annotation) if a is not type(None)]
        return args[0] if len(args) == 1 else annotation
    return annotation


def model_at(root: type[BaseModel], loc: tuple[str | int, ...]) -> type[BaseModel] | None:
    """The pydantic model describing the value at `loc`, if it is one."""
    current: Any = root
    for part in loc:
        current = _unwrap(current)
        origin = typing.get_origin(current)
        if isinstance(current, type) and issubclass(current, BaseModel):
            field = current.model_fields.get(str(part))
            if field is None:
                return None
            current = field.annotation
        elif origin is list and isinstance(part, int):
            current = typing.get_args(current)[0]
        elif origin is dict:
            current = typing.get_args(current)[1]
        else:
            return None
    current = _unwrap(current)
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def allowed_fields(root: type[BaseModel], loc: tuple[str | int, ...]) -> list[str]:
    model = model_at(root, loc)
    return list(model.model_fields) if model else []


def closest(word: str, candidates: list[str], limit: int = 2) -> str | None:
    scored = sorted((edit_distance(word, c, limit), c) for c in candidates)
    return scored[0][1] if scored and scored[0][0] <= limit else None
