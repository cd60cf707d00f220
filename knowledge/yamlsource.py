"""Reads YAML while remembering the line of every value, so errors can name it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong in the knowledge base, located as precisely as we can."""

    file: str
    line: int | None
    field: str
    message: str
    severity: str = "error"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        what = f" [{self.field}]" if self.field else ""
        return f"{where}:{what} {self.message}"


class KnowledgeError(Exception):
    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


@dataclass
class YamlDocument:
    file: str
    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)

    def line_of(self, loc: Path_) -> int | None:
        """The line of `loc`, or of its nearest enclosing value that has one."""
        for end in range(len(loc), -1, -1):
            line = self.lines.get(tuple(loc[:end]))
            if line is not None:
                return line
        return None


def _build(node: yaml.Node, path: Path_, lines: dict[Path_, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        result: dict[Any, Any] = {}
        for key_node, value_node in node.value:
            key = _scalar(key_node)
            if key in result:
                raise yaml.MarkedYAMLError(
                    problem=f"duplicate key {key!r}", problem_mark=key_node.start_mark
                )
            result[key] = _build(value_node, (*path, key), lines)
            lines[(*path, key)] = key_node.start_mark.line + 1
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(item, (*path, i), lines) for i, item in enumerate(node.value)]
    return _scalar(node)


BOOL_TAG = "tag:yaml.org,2002:bool"
# libyaml composes the same nodes (with marks) about twenty times faster: the example
# files alone took half a second to parse with the pure-Python loader.
_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _compose(text: str) -> yaml.Node | None:
    try:
        return yaml.compose(text, Loader=_LOADER)
    except yaml.MarkedYAMLError:
        # Errors are reported in the pure-Python parser's words, which admins know.
        return yaml.compose(text, Loader=yaml.SafeLoader)


def _scalar(node: yaml.Node) -> Any:
    # YAML 1.1 reads yes/no/on/off/y/n as booleans; admins type "ja"/"yes" as words, so
    # only true/false are booleans here (as in YAML 1.2).
    if node.tag == BOOL_TAG and str(node.value).lower() not in ("true", "false"):
        return node.value
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def read_yaml(path: Path, root: Path | None = None) -> YamlDocument:
    """Parse one file; a syntax error becomes a KnowledgeError with its line."""
    name = str(path.relative_to(root)) if root else path.name
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise KnowledgeError([Problem(name, None, "", f"cannot read file: {exc.strerror}")]) from exc
    except UnicodeDecodeError as exc:
        raise KnowledgeError([Problem(name, None, "", "file is not UTF-8 text")]) from exc
    try:
        node = _compose(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise KnowledgeError(
            [Problem(name, line, "", f"invalid YAML: {exc.problem or exc.context}")]
        ) from exc
    lines: dict[Path_, int] = {}
    if node is None:
        return YamlDocument(name, {}, lines)
    try:
        data = _build(node, (), lines)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark
        raise KnowledgeError(
            [Problem(name, mark.line + 1 if mark else None, "", f"invalid YAML: {exc.problem}")]
        ) from exc
    return YamlDocument(name, data, lines)
