"""The `schutzlotse` command: `run`, `chat`, and the admin subcommands."""

from __future__ import annotations

import argparse
import asyncio
import logging
import os
import sys
from collections.abc import Callable
from pathlib import Path

from bot import log_privacy
from bot.cli_knowledge import add_knowledge_commands
from bot.cli_ops import add_ops_commands
from bot.logging_setup import setup_logging
from bot.runlock import AlreadyRunning
from bot.version import VERSION
from bot.config import ConfigError, Settings, load_settings
from knowledge.yamlsource import KnowledgeError
from bot.store import StoreError
from bot.escalation.cli import add_escalations_parser

log = logging.getLogger("schutzlotse")

# Each entry adds subcommands: (subparsers) -> None. Feature modules append themselves.
SUBCOMMANDS: list[Callable[[argparse._SubParsersAction], None]] = []
SUBCOMMANDS.append(add_knowledge_commands)
SUBCOMMANDS.append(add_escalations_parser)
SUBCOMMANDS.append(add_ops_commands)


def _chat_parser(sub: argparse._SubParsersAction) -> None:
    chat = sub.add_parser("chat", help="talk to the bot in this terminal")
    chat.add_argument("--jsonl", action="store_true", help="one JSON event per line in and out")
    chat.add_argument("--db", type=Path, help="SQLite file (default: SCHUTZLOTSE_DB)")
    chat.add_argument("--lang", choices=["de", "en"], help="language (default: SCHUTZLOTSE_LANG)")
    chat.add_argument("--user", default="local", help="user id of this terminal conversation")
    chat.set_defaults(func=_cmd_chat)
    run = sub.add_parser("run", help="start every configured channel (default: terminal chat)")
    run.set_defaults(func=_cmd_run)


async def _chat(settings: Settings, args: argparse.Namespace) -> None:
    from bot.app import open_app
    from bot.channels.console import ConsoleChannel

    async with open_app(settings) as app:
        channel = ConsoleChannel.from_settings(app.engine, settings, user=args.user, lang=args.lang, jsonl=args.jsonl)
        await channel.run()


def _cmd_chat(settings: Settings, args: argparse.Namespace) -> int:
    asyncio.run(_chat(settings, args))
    return 0


def _cmd_run(settings: Settings, args: argparse.Namespace) -> int:
    from bot.runner import run_channels

    return asyncio.run(run_channels(settings))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="schutzlotse", description="Schutzlotse help-line bot")
    parser.add_argument("--version", action="version", version=f"schutzlotse {VERSION}")
    sub = parser.add_subparsers(dest="command")
    _chat_parser(sub)
    for add in SUBCOMMANDS:
        add(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # every file and directory this process creates is owner-only
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        args = parser.parse_args(["run"])
    try:
        settings = load_settings(db=getattr(args, "db", None), lang=getattr(args, "lang", None))
        setup_logging(settings.log_level, settings.log_format)
        log_privacy.install(settings)  # after the handlers: caps library loggers, redacts tokens
        return args.func(settings, args) or 0
    except ConfigError as exc:
        print(f"schutzlotse: {exc}", file=sys.stderr)
        return 1 if args.command == "health" else 2  # container health checks know only 0 and 1
    except KnowledgeError as exc:
        print("schutzlotse: the knowledge base is invalid, not starting:", file=sys.stderr)
        for problem in exc.problems:
            print(f"  {problem}", file=sys.stderr)
        return 2
    except StoreError as exc:
        print(f"schutzlotse: database: {exc}", file=sys.stderr)
        return 2
    except AlreadyRunning as exc:
        print(f"schutzlotse: {exc}; not starting a second one", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
