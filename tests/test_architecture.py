"""The platform-neutral core stays free of Telegram and Matrix imports."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
PLATFORM_PACKAGES = {"telegram", "nio", "aiohttp", "tornado"}
NEUTRAL_FILES = sorted(
    p for d in ("handlers", "knowledge") for p in (REPO / d).rglob("*.py")
) + sorted((REPO / "bot").glob("*.py"))


def imported_roots(path: Path) -> set[str]:
    roots = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            roots.add(node.module.split(".")[0])
    return roots


# The status listener serves /healthz and /metrics over HTTP: aiohttp as a web server for
# operators, not a chat platform; it touches no channel.
ALLOWED = {"bot/status.py": {"aiohttp"}}


@pytest.mark.parametrize("path", NEUTRAL_FILES, ids=lambda p: str(p.relative_to(REPO)))
def test_core_module_imports_no_platform_library(path):
    allowed = ALLOWED.get(str(path.relative_to(REPO)), set())
    assert not imported_roots(path) & (PLATFORM_PACKAGES - allowed)


def test_handlers_do_no_io():
    """handlers/ is the pure step: no database, network or clock access."""
    for path in (REPO / "handlers").rglob("*.py"):
        assert not imported_roots(path) & {"aiosqlite", "sqlite3", "asyncio", "bot", "socket"}, path


def test_the_check_itself_can_fail(tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text("from telegram import Bot\nimport nio.crypto\n")
    assert imported_roots(bad) & PLATFORM_PACKAGES == {"telegram", "nio"}


def test_conversation_keys_round_trip_for_every_channel():
    from handlers.messages import ConversationKey

    for key in (
        ConversationKey("telegram", "42", "42"),
        ConversationKey("console", "local", "local"),
        ConversationKey("matrix", "!abc:example.org", "@mayor:example.org"),
        ConversationKey("matrix", "!abc:example.org:8448", "@mayor:example.org:8448"),
    ):
        assert ConversationKey.parse(str(key)) == key
