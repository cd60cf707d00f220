"""Operator subcommands: `health`, `backup`, `restore`, `stats` (docs/operations.md)."""

from __future__ import annotations

import argparse
import datetime as dt
import sqlite3
import sys
from pathlib import Path

from bot.config import Settings


def add_ops_commands(sub: argparse._SubParsersAction) -> None:
    health = sub.add_parser("health", help="ask the running bot's /healthz (exit 0 ok/degraded, 1 otherwise)")
    health.add_argument("--json", action="store_true", help="print the whole report")
    health.add_argument("--timeout", type=float, default=5.0)
    health.set_defaults(func=_health)

    backup = sub.add_parser("backup", help="consistent copy of database, Matrix store and knowledge (never the key)")
    backup.add_argument("dest", type=Path, help="a new (or empty) directory")
    backup.set_defaults(func=_backup)

    restore = sub.add_parser("restore", help="restore a backup into SCHUTZLOTSE_DATA_DIR (the bot must be stopped)")
    restore.add_argument("src", type=Path)
    restore.add_argument("--force", action="store_true", help="replace an existing database")
    restore.set_defaults(func=_restore)

    stats = sub.add_parser("stats", help="anonymous weekly statistics (cells under 5 suppressed)")
    stats.add_argument("--from", dest="start", type=dt.date.fromisoformat, help="first day, YYYY-MM-DD")
    stats.add_argument("--to", dest="end", type=dt.date.fromisoformat, help="last day, YYYY-MM-DD")
    stats.add_argument("--format", choices=["csv", "json"], default="csv")
    stats.add_argument("--plot", type=Path, metavar="FILE", help="also draw a PNG chart (needs the `plot` extra)")
    stats.add_argument("--output", "-o", type=Path, help="write to FILE instead of stdout")
    stats.set_defaults(func=_stats)


def _health(settings: Settings, args: argparse.Namespace) -> int:
    import json

    from bot.status import query_health

    address = settings.status_address
    if address is None:
        print("schutzlotse: SCHUTZLOTSE_STATUS_LISTEN is off; nothing to ask", file=sys.stderr)
        return 1
    code, report, summary = query_health(*address, timeout=args.timeout)
    if args.json and report is not None:
        print(json.dumps(report, indent=1, ensure_ascii=False))
    else:
        print(summary)
    return code


def _backup(settings: Settings, args: argparse.Namespace) -> int:
    from bot.backup import KEY_NOTE, BackupError, backup

    try:
        result = backup(settings, args.dest)
    except BackupError as exc:
        print(f"schutzlotse: backup: {exc}", file=sys.stderr)
        return 1
    print(f"backup written to {result.target} ({result.files} files, {result.bytes / 1e6:.1f} MB)")
    print(KEY_NOTE)
    return 0


def _restore(settings: Settings, args: argparse.Namespace) -> int:
    from bot.backup import BackupError, key_present, restore

    try:
        result = restore(settings, args.src, force=args.force)
    except BackupError as exc:
        print(f"schutzlotse: restore: {exc}", file=sys.stderr)
        return 1
    print(f"restored {result.files} files into {result.target}")
    if (args.src / "knowledge").is_dir():
        print(f"the knowledge files of the backup are in {args.src / 'knowledge'}: copy them to "
              "SCHUTZLOTSE_KNOWLEDGE_DIR if that directory was lost too")
    if not key_present(settings):
        print("now put the data key back (SCHUTZLOTSE_DATA_KEY, or data.key into the data directory, mode 0600);"
              " without it the bot refuses to start", file=sys.stderr)
    return 0


def _stats(settings: Settings, args: argparse.Namespace) -> int:
    from bot import stats

    if not settings.db_path.exists():
        print(f"schutzlotse: no database at {settings.db_path}", file=sys.stderr)
        return 1
    try:
        rows = stats.report(settings.db_path, args.start, args.end)
    except sqlite3.OperationalError as exc:  # e.g. a database from before migration 0011
        print(f"schutzlotse: cannot read the statistics ({exc}); start the bot once to migrate", file=sys.stderr)
        return 1
    out = stats.to_csv(rows) if args.format == "csv" else stats.to_json(rows, args.start, args.end) + "\n"
    if args.output:
        args.output.write_text(out, encoding="utf-8")
    else:
        sys.stdout.write(out)
    if args.plot:
        try:
            stats.plot(rows, args.plot)
        except ImportError:
            print("schutzlotse: --plot needs matplotlib: pip install 'schutzlotse[plot]'", file=sys.stderr)
            return 1
    return 0
