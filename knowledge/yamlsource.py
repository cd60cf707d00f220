"""Reads YAML while remembering the line of every value, so errors can name it; a file
that is not valid YAML gets a plain-words explanation with the line to look at."""

from __future__ import annotations

import re
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

    def name_of(self, loc: Path_) -> str:
        """`loc` as an admin finds it in the file: list entries by their `id` (or by their
        value, for a list of ids) instead of by position: `stations.pr_goerlitz.phone`."""
        parts: list[str] = []
        node: Any = self.data
        for part in loc:
            child = None
            if isinstance(part, int) and isinstance(node, list) and 0 <= part < len(node):
                child = node[part]
                if isinstance(child, dict) and isinstance(child.get("id"), str):
                    parts.append(child["id"])
                elif isinstance(child, str) and ID_LIKE.match(child):
                    parts.append(child)
                else:
                    parts.append(str(part))
            else:
                if isinstance(node, dict):
                    child = node.get(part)
                parts.append(str(part))
            node = child
        return ".".join(parts)


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


ID_LIKE = re.compile(r"^[a-z][a-z0-9_]*$")
STR_TAG = "tag:yaml.org,2002:str"
BOOL_TAG = "tag:yaml.org,2002:bool"
def _scalar(node: yaml.Node) -> Any:
    # YAML 1.1 reads yes/no/on/off/y/n as booleans; admins type "ja"/"yes" as words, so
    # only true/false are booleans here (as in YAML 1.2).
    if node.tag == STR_TAG or node.tag == BOOL_TAG and str(node.value).lower() not in ("true", "false"):
        return node.value  # most scalars (every example message): no constructor needed
    return yaml.constructor.SafeConstructor().construct_object(node, deep=True)


def _compose(text: str) -> yaml.Node | None:
    """libyaml's parser when installed (5-10x faster, same nodes and line marks: a fast
    start); on an error the pure-Python parser runs again so messages stay the same."""
    fast = getattr(yaml, "CSafeLoader", None)
    if fast is not None:
        try:
            return yaml.compose(text, Loader=fast)
        except yaml.MarkedYAMLError:
            pass
    return yaml.compose(text, Loader=yaml.SafeLoader)


def read_yaml(path: Path, root: Path | None = None) -> YamlDocument:
    """Parse one file; a syntax error becomes a KnowledgeError with its line."""
    name = str(path.relative_to(root)) if root else path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise KnowledgeError([Problem(name, None, "", f"cannot read file: {exc.strerror}")]) from exc
    return parse_yaml(raw, name)


def parse_yaml(raw: bytes, name: str) -> YamlDocument:
    """Parse the bytes of the file `name` (as read_yaml: newlines as in text mode)."""
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise KnowledgeError([Problem(name, None, "", "file is not UTF-8 text")]) from exc
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        node = _compose(text)
        lines: dict[Path_, int] = {}
        data = _build(node, (), lines) if node is not None else {}
    except yaml.MarkedYAMLError as exc:
        line, message = explain_yaml_error(exc, text)
        raise KnowledgeError([Problem(name, line, "", f"invalid YAML: {message}")]) from exc
    return YamlDocument(name, data, lines)


def _odd_quotes(text_lines: list[str], line: int | None) -> bool:
    if line is None or not 1 <= line <= len(text_lines):
        return False
    return text_lines[line - 1].count('"') % 2 == 1


def explain_yaml_error(exc: yaml.MarkedYAMLError, text: str) -> tuple[int | None, str]:
    """The line to look at and what is wrong there, in words an admin understands. The
    parser's own line is often the one after the mistake (it notices only there)."""
    problem = str(exc.problem or exc.context or "")
    at = exc.problem_mark.line + 1 if exc.problem_mark else None
    began = exc.context_mark.line + 1 if exc.context_mark else None
    text_lines = text.splitlines()
    if problem.startswith("duplicate key"):
        key = problem.removeprefix("duplicate key ").strip()
        return at, f"{key} appears twice in the same entry on line {at}; keep only one of them"
    if "\\t" in problem or "\t" in problem:
        return at, f"line {at} is indented with a tab; YAML needs spaces: replace the tab at the start of line {at} by spaces"
    for line in (at and at - 1, at):
        if _odd_quotes(text_lines, line):
            return line, f'a quotation mark (") on line {line} is not closed; add the closing " at the end of the text'
    if "could not find expected ':'" in problem:
        line = began or at
        return line, f"line {line} has no ':' after its field name; write it as `name: value`"
    if "mapping values are not allowed" in problem:
        return at, (f"line {at} has a second ':' in its value; if the text contains a colon, put the "
                    'whole value in double quotes ("...")')
    if "expected ',' or '}'" in problem or "expected ',' or ']'" in problem:
        line = began or at
        bracket = "{" if "}" in problem else "["
        return line, (f"the {bracket!r} on line {line} is not closed, or a ',' is missing between two "
                      "entries; check that line")
    if "expected <block end>" in problem or "did not find expected" in problem or "expected <block mapping start>" in problem:
        return at, (f"the indentation of line {at} does not fit the lines above it: check the spaces at the "
                    f"start of line {at} (entries at the same level need exactly the same number of spaces)")
    return at, f"the file cannot be read near line {at} ({problem}); compare that line with a similar entry"
