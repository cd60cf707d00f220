"""`schutzlotse escalations list|show` on a real database after a real escalation."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

from bot.cli import main
from bot.clock import ManualClock
from handlers.messages import CommandIn, ConversationKey, LocationIn, OptionChosen, TextIn
from tests.escalation_helpers import OFFICER_A, escalation_app, ref_of

KEY = ConversationKey("console", "u9", "u9")


async def _escalate_with_location(tmp_path: Path) -> tuple[Path, str, str]:
    clock = ManualClock(dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc))
    async with escalation_app(tmp_path, clock) as (app, ch):
        await app.engine.handle(CommandIn(key=KEY, name="notfall"))
        await app.engine.handle(OptionChosen(key=KEY, option_id="escalate"))
        await app.engine.handle(TextIn(key=KEY, text="0351 7654321"))
        reply = await app.engine.handle(LocationIn(key=KEY, lat=50.9628, lon=13.9403))
        assert "Referenz" in reply[0].text
        [alert] = ch["telegram"].to(OFFICER_A)
        return app.settings.db_path, ref_of(alert), alert.text


def test_alert_has_map_link_and_cli_lists_and_shows_the_audit_trail(tmp_path, monkeypatch, capsys):
    db_path, ref, alert = asyncio.run(_escalate_with_location(tmp_path))
    assert "https://www.openstreetmap.org/?mlat=50.96280&mlon=13.94030" in alert and "Pirna" in alert
    monkeypatch.setenv("SCHUTZLOTSE_DB", str(db_path))
    monkeypatch.setenv("SCHUTZLOTSE_DATA_DIR", str(tmp_path / "data"))
    assert main(["escalations", "list"]) == 0
    listing = capsys.readouterr().out
    assert ref in listing and "pd_dresden" in listing and "+49351" not in listing
    assert main(["escalations", "show", ref]) == 0
    shown = capsys.readouterr().out
    assert "+493517654321" in shown and "triggered" in shown
    assert "alert step 1  a  telegram  sent" in shown
    assert main(["escalations", "show", "NOPE00"]) == 1
