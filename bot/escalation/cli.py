"""`schutzlotse escalations list|show REF`: the overview and audit trail for admins."""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt

from bot.clock import SystemClock
from bot.config import Settings
from bot.escalation.privacy import EscalationPrivacy
from bot.escalation.records import EscalationRecords, from_ts
from bot.incidents.service import open_data_key
from bot.store import Database


def add_escalations_parser(sub: argparse._SubParsersAction) -> None:
    parser = sub.add_parser("escalations", help="emergency escalations: overview and audit trail")
    commands = parser.add_subparsers(dest="escalations_command", required=True)
    listing = commands.add_parser("list", help="recent escalations, newest first")
    listing.add_argument("--limit", type=int, default=50)
    listing.set_defaults(func=_cmd_list)
    show = commands.add_parser("show", help="one escalation with its audit trail")
    show.add_argument("ref", help="reference, e.g. K7M2QX")
    show.set_defaults(func=_cmd_show)


def _time(value: dt.datetime | float | None) -> str:
    if isinstance(value, (int, float)):
        value = from_ts(value)
    return value.strftime("%Y-%m-%d %H:%M:%S UTC") if value else "-"


async def _list(settings: Settings, limit: int) -> list[str]:
    db = await Database.open(settings.db_path)
    try:
        rows = await db.fetchall(
            "SELECT e.ref, e.created_at, e.state, e.next_step, e.total_steps, e.direktion, e.owner, "
            "(SELECT count(*) FROM escalation_deliveries d WHERE d.escalation_id = e.id AND d.result = 'sent'), "
            "(SELECT count(*) FROM escalation_deliveries d WHERE d.escalation_id = e.id AND d.result != 'sent') "
            "FROM escalations e ORDER BY e.created_at DESC LIMIT ?", (limit,))
    finally:
        await db.close()
    lines = [f"{'REF':<8} {'CREATED':<23} {'STATE':<9} {'STEP':<5} {'DIREKTION':<12} {'OWNER':<16} SENT FAILED"]
    for ref, created, state, step, total, pd, owner, sent, failed in rows:
        lines.append(f"{ref:<8} {_time(created):<23} {state:<9} {f'{step}/{total}':<5} {pd or '-':<12} "
                     f"{owner or '-':<16} {sent:>4} {failed:>6}")
    return lines


async def _show(settings: Settings, ref: str) -> list[str] | None:
    db = await Database.open(settings.db_path)
    try:
        # The same key check as the app: a wrong or missing key raises DataKeyError (exit 2).
        data_key, _ = await open_data_key(settings, db)
        records = EscalationRecords(db, data_key)
        await EscalationPrivacy(records, SystemClock(), settings.escalation_retention_days).seal_legacy()
        esc = await records.by_ref(ref)
        if esc is None:
            return None
        trail = await records.audit_rows(esc.id)
    finally:
        await db.close()
    lines = [
        f"Reference:   {esc.ref}",
        f"Created:     {_time(esc.created_at)}",
        f"State:       {esc.state} (next step {esc.next_step} of {esc.total_steps}, due {_time(esc.due_at)})",
        f"Direktion:   {esc.direktion or '-'}   Place: {esc.place_name or '-'}",
        f"Callback:    {esc.phone or '-'}",
        f"Owner:       {esc.owner or '-'} (taken {_time(esc.acked_at)}, closed {_time(esc.closed_at)})",
        f"Outcome:     {esc.outcome or '-'}",
        *([f"Erased:      {_time(esc.erased_at)} (personal data removed)"] if esc.erased_at else []),
        "",
        "Audit trail:",
    ]
    for at, event, step, actor, channel, result in trail:
        where = f" step {step + 1}" if step is not None else ""
        lines.append(f"  {_time(at)}  {event}{where}  {actor or '-'}  {channel or '-'}  {result or '-'}")
    return lines


def _cmd_list(settings: Settings, args: argparse.Namespace) -> int:
    print("\n".join(asyncio.run(_list(settings, args.limit))))
    return 0


def _cmd_show(settings: Settings, args: argparse.Namespace) -> int:
    lines = asyncio.run(_show(settings, args.ref))
    if lines is None:
        print(f"no escalation with reference {args.ref}")
        return 1
    print("\n".join(lines))
    return 0
