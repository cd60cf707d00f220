"""The real officer desk through the real Telegram channel (fake Bot API server): a user's
emergency alerts an officer's Telegram chat; the officer takes it with the alert's button,
closes it with the next button and a typed outcome; the user hears that it was taken."""

from __future__ import annotations

from pathlib import Path

from bot.clock import ManualClock
from tests.escalation_helpers import OFFICER_A, escalation_app
from tests.telegram_channel_helpers import button_ids, handled, last_with_buttons, press, running, say
from tests.telegram_harness import FakeBotApi
from tests.telegram_harness.fixtures import fake_bot_api  # noqa: F401  (pytest fixture)
from tests.test_escalation import T0

USER_CHAT = 4242
OFFICER_CHAT = int(OFFICER_A.split(":")[1])


async def test_officer_takes_and_closes_an_alert_through_telegram(fake_bot_api: FakeBotApi, tmp_path: Path) -> None:
    api = fake_bot_api
    async with escalation_app(tmp_path, ManualClock(T0), telegram_token=api.token) as (app, ch), \
            running(api, app):
        await say(api, USER_CHAT, "/notfall")
        await press(api, USER_CHAT, "escalate")
        await say(api, USER_CHAT, "0351 1234567")
        await say(api, USER_CHAT, "Pirna")  # sends the escalation

        alert = last_with_buttons(api, OFFICER_CHAT)
        assert "NOTFALL" in (alert.text or "") and "+493511234567" in (alert.text or "")
        [take] = button_ids(alert)
        ref = (await app.db.fetchone("SELECT ref FROM escalations"))[0]
        assert ref in (alert.text or "")
        await handled(api, api.inject_callback(OFFICER_CHAT, OFFICER_CHAT, alert.message_id, take))

        taken = [m.text or "" for m in api.sent_messages(USER_CHAT)]
        assert any("übernommen" in t and ref in t for t in taken)
        owner = last_with_buttons(api, OFFICER_CHAT)
        assert owner.message_id != alert.message_id and "Sie haben" in (owner.text or "")
        [close] = button_ids(owner)
        await handled(api, api.inject_callback(OFFICER_CHAT, OFFICER_CHAT, owner.message_id, close))
        assert "wie" in (api.sent_messages(OFFICER_CHAT)[-1].text or "")  # asks for the outcome
        await say(api, OFFICER_CHAT, "Rückruf erfolgt, Streife vor Ort.")
        row = await app.db.fetchone("SELECT state, owner FROM escalations")
        assert tuple(row) == ("closed", "a")
        # a second tap on the old alert changes nothing
        await handled(api, api.inject_callback(OFFICER_CHAT, OFFICER_CHAT, alert.message_id, take))
        events = [r[0] for r in await app.db.fetchall("SELECT event FROM escalation_audit ORDER BY id")]
        assert events.count("closed") == 1 and events.count("alert") == 1
