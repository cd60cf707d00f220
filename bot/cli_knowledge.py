"""`schutzlotse knowledge check|schema|reload`: the admin's tools for the knowledge YAML."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from pathlib import Path

from bot.config import Settings
from bot.knowledge_watch import STATUS_NAME, TRIGGER_NAME
from knowledge import base as kb
from knowledge.audit import warnings
from knowledge.checks import reference_problems
from knowledge.yamlsource import KnowledgeError, Problem


def add_knowledge_commands(sub: argparse._SubParsersAction) -> None:
    knowledge = sub.add_parser("knowledge", help="check, describe and reload the knowledge base")
    actions = knowledge.add_subparsers(dest="knowledge_command", required=True)

    check = actions.add_parser("check", help="validate a knowledge directory (default: the one in use)")
    check.add_argument("dir", nargs="?", type=Path, help="knowledge directory")
    check.add_argument("--today", type=dt.date.fromisoformat, help="date for the 12-month check (YYYY-MM-DD)")
    check.add_argument("--errors-only", action="store_true", help="do not list warnings")
    check.set_defaults(func=cmd_check)

    schema = actions.add_parser("schema", help="write JSON Schemas for editors (one per YAML file)")
    schema.add_argument("out", nargs="?", type=Path, default=Path("knowledge-schema"), help="output directory")
    schema.set_defaults(func=cmd_schema)

    reload = actions.add_parser("reload", help="ask the running bot to reload its knowledge")
    reload.add_argument("--wait", type=float, help="seconds to wait for the bot's answer")
    reload.set_defaults(func=cmd_reload)


def _line(problem: Problem) -> str:
    where = f"{problem.file}:{problem.line}" if problem.line else problem.file
    field = f" [{problem.field}]" if problem.field else ""
    return f"{problem.severity}: {where}{field} {problem.message}"


def check_directory(directory: Path | None, today: dt.date | None = None) -> tuple[list[Problem], list[Problem]]:
    """(errors, warnings) of a knowledge directory; also used by `reload` and the tests."""
    try:
        k = kb.load(directory, check_references=False)
    except KnowledgeError as exc:
        return exc.problems, []
    found = reference_problems(k)
    errors = [p for p in found if p.severity == "error"]
    return errors, [p for p in found if p.severity != "error"] + warnings(k, today)


def cmd_check(settings: Settings, args: argparse.Namespace) -> int:
    directory = args.dir or settings.knowledge_dir or kb.default_dir()
    errors, warns = check_directory(directory, args.today)
    print(f"knowledge check: {directory}")
    for problem in errors + ([] if args.errors_only else warns):
        print(_line(problem))
    print(f"{len(errors)} error(s), {len(warns)} warning(s)")
    if errors:
        # No bot is involved here: whether one keeps an older version is for `reload` to say.
        print("Fix the errors above and run the check again.", file=sys.stderr)
    return 1 if errors else 0


def cmd_schema(settings: Settings, args: argparse.Namespace) -> int:
    from knowledge.jsonschema import write_schemas

    for path in write_schemas(args.out):
        print(path)
    print("VS Code (YAML extension): put  # yaml-language-server: $schema=<path to the file above>")
    print("as the first line of the YAML file; see docs/admin.md.")
    return 0


def cmd_reload(settings: Settings, args: argparse.Namespace) -> int:
    """Validate here first, then touch the trigger file the running bot polls."""
    directory = settings.knowledge_dir or kb.default_dir()
    errors, _ = check_directory(directory)
    for problem in errors:
        print(_line(problem))
    if errors:
        print(f"{len(errors)} error(s).")
    settings.data_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
    trigger = settings.data_dir / TRIGGER_NAME
    status = settings.data_dir / STATUS_NAME
    before = status.stat().st_mtime_ns if status.exists() else None
    trigger.touch()
    wait = args.wait if args.wait is not None else 2 * settings.knowledge_poll_seconds + 2
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        if status.exists() and status.stat().st_mtime_ns != before and not trigger.exists():
            outcome = json.loads(status.read_text(encoding="utf-8"))
            state = "switched" if outcome["changed"] else ("unchanged" if outcome["ok"] else "kept last good")
            print(f"running bot: {state}, version {outcome['version']}")
            if not outcome["ok"]:
                print("The running bot keeps its last good version until every error is fixed.")
            return 0 if outcome["ok"] else 1
        time.sleep(0.1)
    print(f"no running bot picked up {trigger} within {wait:g} s (is it running with this data dir?)")
    return 1 if errors else 3
