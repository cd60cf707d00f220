"""Escalation end to end: real engine, real SQLite file, in-process channels, ManualClock."""

from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from bot.clock import ManualClock
from handlers.messages import ConversationKey, OptionChosen, TextIn
from tests.escalation_helpers import (
    ADMIN, GROUP, OFFICER_A, OFFICER_B, USER, escalation_app, knowledge_dir, officer, ref_of,
    settle, three_steps, trigger, until,
)

T0 = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)  # Wednesday, 13:00 in Berlin
B_KEY = ConversationKey("matrix", "!dm:localhost", "@b:localhost")
A_KEY = ConversationKey("telegram", "1001", "1001")


async def test_three_steps_nobody_answers_each_step_fires_once_in_order_at_its_time(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        reply = await trigger(app)
        assert "Referenz" in reply[0].text and "110" in reply[0].text
        assert [o.id for o in reply[-1].options] == ["safe_continue", "escalate", "emergency_end"]
        # Step 1 (Polizeidirektion Dresden, Pirna's) reached officer A before the reply came back.
        assert ch["telegram"].times(OFFICER_A) == [T0]
        alert = ch["telegram"].to(OFFICER_A)[0]
        assert "Pirna" in alert.text and "+493511234567" in alert.text and "Stufe 1 von 3" in alert.text
        ref = ref_of(alert)
        assert ref in reply[0].text
        assert ch["matrix"].to(OFFICER_B) == []

        clock.advance(299)
        await settle(app)
        assert ch["matrix"].to(OFFICER_B) == []
        clock.advance(1)  # step 2: everyone on duty, A again (a new step) and B
        await until(lambda: len(ch["matrix"].to(OFFICER_B)) == 1 and len(ch["telegram"].to(OFFICER_A)) == 2)
        assert ch["matrix"].times(OFFICER_B) == [T0 + dt.timedelta(minutes=5)]

        clock.advance(299)
        await settle(app)
        assert ch["console"].to(GROUP) == []
        clock.advance(1)  # step 3: the fallback group
        await until(lambda: len(ch["console"].to(GROUP)) == 1)
        assert ch["console"].times(GROUP) == [T0 + dt.timedelta(minutes=10)]

        clock.advance(300)  # end of policy: the user is told to call 110, admins are alerted
        await until(lambda: len(ch["console"].to(USER)) == 1 and len(ch["console"].to(ADMIN)) == 1)
        told = ch["console"].to(USER)[0]
        assert told.emergency and "110" in told.text and ref in told.text
        assert any(c.phone == "110" for c in told.contacts)
        assert ref in ch["console"].to(ADMIN)[0].text
        await settle(app)
        # Nothing fired twice.
        assert len(ch["telegram"].to(OFFICER_A)) == 2 and len(ch["matrix"].to(OFFICER_B)) == 1
        assert len(ch["console"].to(GROUP)) == 1
        rows = await app.db.fetchall("SELECT step, officer, result FROM escalation_deliveries ORDER BY step, officer")
        assert [tuple(r) for r in rows] == [(0, "a", "sent"), (1, "a", "sent"), (1, "b", "sent"), (2, GROUP, "sent")]
        steps = await app.db.fetchall("SELECT step FROM escalation_audit WHERE event = 'step' ORDER BY id")
        assert [r[0] for r in steps] == [0, 1, 2]
        state = await app.db.fetchone("SELECT state FROM escalations WHERE ref = ?", (ref,))
        assert state[0] == "exhausted"


async def test_ack_at_step_two_stops_the_chain_and_informs_user_and_colleagues(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        await trigger(app)
        ref = ref_of(ch["telegram"].to(OFFICER_A)[0])
        clock.advance(300)
        await until(lambda: len(ch["matrix"].to(OFFICER_B)) == 1)
        # B (Matrix) takes it; the user is on the terminal channel.
        answer = await app.engine.handle(OptionChosen(key=B_KEY, option_id=f"esc_ack_{ref}"))
        assert ref in answer[0].text and answer[0].options[0].id == f"esc_close_{ref}"
        told = ch["console"].to(USER)
        assert len(told) == 1 and ref in told[0].text and "zurück" in told[0].text
        assert any("Beispiel b" in m.text for m in ch["telegram"].to(OFFICER_A))
        # Idempotent: B again, then A too late.
        again = await app.engine.handle(OptionChosen(key=B_KEY, option_id=f"esc_ack_{ref}"))
        assert "bereits übernommen" in again[0].text
        late = await app.engine.handle(OptionChosen(key=A_KEY, option_id=f"esc_ack_{ref}"))
        assert "Beispiel b" in late[0].text
        owner = await app.db.fetchone("SELECT owner, state FROM escalations WHERE ref = ?", (ref,))
        assert tuple(owner) == ("b", "acked")
        clock.advance(3600)
        await settle(app)
        assert ch["console"].to(GROUP) == [] and len(ch["console"].to(USER)) == 1
        # A cannot close it; B closes with a short outcome typed after choosing close.
        refused = await app.engine.handle(OptionChosen(key=A_KEY, option_id=f"esc_close_{ref}"))
        assert "Nur wer" in refused[0].text
        ask = await app.engine.handle(OptionChosen(key=B_KEY, option_id=f"esc_close_{ref}"))
        assert ref in ask[0].text
        done = await app.engine.handle(TextIn(key=B_KEY, text="Vor Ort geklärt, Anzeige aufgenommen"))
        assert "abgeschlossen" in done[0].text
        closed = await app.escalations.records.by_ref(ref)  # the outcome is sealed at rest
        assert (closed.state, closed.outcome) == ("closed", "Vor Ort geklärt, Anzeige aufgenommen")
        events = [r[0] for r in await app.db.fetchall("SELECT event FROM escalation_audit ORDER BY id")]
        assert events.count("ack") == 3 and events[-1] == "closed"
        # The officer's next message goes to the conversation again, not the desk.
        normal = await app.engine.handle(TextIn(key=B_KEY, text="hallo"))
        assert normal and "abgeschlossen" not in normal[0].text


async def test_restart_in_the_middle_resumes_at_the_right_step_and_time(tmp_path):
    kdir = knowledge_dir(tmp_path)
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, kdir=kdir) as (app, ch):
        await trigger(app)
        clock.advance(300)
        await until(lambda: len(ch["matrix"].to(OFFICER_B)) == 1)
    # Down for two minutes; a new engine and scheduler on the same database file.
    clock2 = ManualClock(T0 + dt.timedelta(minutes=7))
    async with escalation_app(tmp_path, clock2, kdir=kdir) as (app, ch):
        await settle(app)
        assert ch["console"].to(GROUP) == [] and ch["telegram"].sent == [] and ch["matrix"].sent == []
        clock2.advance(179)
        await settle(app)
        assert ch["console"].to(GROUP) == []
        clock2.advance(1)
        await until(lambda: len(ch["console"].to(GROUP)) == 1)
        assert ch["console"].times(GROUP) == [T0 + dt.timedelta(minutes=10)]
        await settle(app)
        assert ch["telegram"].sent == [] and ch["matrix"].sent == []


async def test_no_officer_on_duty_tells_user_to_call_110_and_alerts_admins(tmp_path):
    roster = {"officers": [officer("a", [OFFICER_A], ["pd_dresden"], start="06:00", end="07:00")], "groups": {}}
    policy = {"steps": [{"notify": "direktion", "wait_minutes": 5}, {"notify": "all_on_duty", "wait_minutes": 5}]}
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, kdir=knowledge_dir(tmp_path, roster, policy)) as (app, ch):
        reply = await trigger(app)
        assert reply[0].emergency and "110" in reply[0].text and "niemandem" in reply[0].text
        assert ch["telegram"].sent == []
        assert len(ch["console"].to(ADMIN)) == 1
        row = await app.db.fetchone("SELECT state, reached FROM escalations")
        assert tuple(row) == ("exhausted", 0)


async def test_delivery_failure_falls_back_to_next_identity_then_to_110(tmp_path):
    roster = {"officers": [
        officer("a", [OFFICER_A], ["pd_dresden"]),
        officer("c", ["telegram:3003:3003", "matrix:!c:localhost:@c:localhost"], ["pd_dresden"]),
    ], "groups": {}}
    policy = {"steps": [{"notify": "direktion", "wait_minutes": 5}]}
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, kdir=knowledge_dir(tmp_path, roster, policy),
                              fail=("telegram",)) as (app, ch):
        reply = await trigger(app)
        # C got it over Matrix after Telegram failed; A could not be reached at all.
        assert len(ch["matrix"].to("matrix:!c:localhost:@c:localhost")) == 1
        assert "Referenz" in reply[0].text
        assert any("fehlgeschlagen" in m.text for m in ch["console"].to(ADMIN))
        rows = await app.db.fetchall("SELECT officer, result, channel_key FROM escalation_deliveries ORDER BY officer")
        assert [tuple(r) for r in rows] == [("a", "failed", OFFICER_A), ("c", "sent", "matrix:!c:localhost:@c:localhost")]

    roster = {"officers": [officer("a", [OFFICER_A], ["pd_dresden"])], "groups": {}}
    clock = ManualClock(T0)
    async with escalation_app(tmp_path / "2", clock, kdir=knowledge_dir(tmp_path / "2", roster, policy),
                              fail=("telegram",)) as (app, ch):
        reply = await trigger(app)
        assert reply[0].emergency and "110" in reply[0].text
        admin = [m.text for m in ch["console"].to(ADMIN)]
        assert len(admin) == 2 and "fehlgeschlagen" in admin[0]


async def test_per_user_limit_explains_and_keeps_110(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, limit=2) as (app, ch):
        for _ in range(2):
            assert "Referenz" in (await trigger(app))[0].text
            clock.advance(60)
        refused = await trigger(app)  # trigger() also checks that /notfall showed 110 first
        assert "2 Meldungen" in refused[0].text and "110" in refused[0].text
        assert any(c.phone == "110" for c in refused[0].contacts)
        other = await trigger(app, key=ConversationKey("console", "u2", "u2"))
        assert "Referenz" in other[0].text
        clock.advance(3600)
        assert "Referenz" in (await trigger(app))[0].text
        subject = app.escalations.records.subject(str(USER))
        count = await app.db.fetchone("SELECT count(*) FROM escalations WHERE subject = ?", (subject,))
        assert count[0] == 3


async def test_shift_end_22_00_across_dst_changes(tmp_path):
    # 2026-10-25: clocks go back (22:00 CET = 21:00 UTC); 2027-03-28: forward (22:00 CEST = 20:00 UTC).
    roster = {"officers": [officer("a", [OFFICER_A], ["pd_dresden"])], "groups": {}}
    policy = {"steps": [{"notify": "direktion", "wait_minutes": 5}]}
    cases = [
        (dt.datetime(2026, 10, 25, 20, 59, tzinfo=dt.timezone.utc), 1),
        (dt.datetime(2026, 10, 25, 21, 1, tzinfo=dt.timezone.utc), 0),
        (dt.datetime(2027, 3, 28, 19, 59, tzinfo=dt.timezone.utc), 1),
        (dt.datetime(2027, 3, 28, 20, 1, tzinfo=dt.timezone.utc), 0),
    ]
    clock = ManualClock(cases[0][0])
    async with escalation_app(tmp_path, clock, kdir=knowledge_dir(tmp_path, roster, policy)) as (app, ch):
        for i, (when, expected) in enumerate(cases):
            clock.set(when)
            await settle(app)
            before = len(ch["telegram"].to(OFFICER_A))
            await trigger(app, key=ConversationKey("console", f"u{i}", f"u{i}"))
            assert len(ch["telegram"].to(OFFICER_A)) - before == expected, when


async def test_dienst_an_aus_is_for_rostered_officers_and_beats_the_roster(tmp_path):
    roster = {"officers": [officer("a", [OFFICER_A], ["pd_dresden"], start="06:00", end="07:00")], "groups": {}}
    policy = {"steps": [{"notify": "all_on_duty", "wait_minutes": 5}]}
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, kdir=knowledge_dir(tmp_path, roster, policy)) as (app, ch):
        stranger = await app.engine.handle(TextIn(key=USER, text="/dienst an"))
        assert "Dienstplan" in stranger[0].text
        # The triage of an officer who is mid-conversation is not disturbed.
        await app.engine.handle(TextIn(key=A_KEY, text="Hallo"))
        on = await app.engine.handle(TextIn(key=A_KEY, text="/dienst an"))
        assert "im Dienst" in on[0].text
        await trigger(app)
        assert len(ch["telegram"].to(OFFICER_A)) == 1
        off = await app.engine.handle(TextIn(key=A_KEY, text="/dienst aus"))
        assert "außer Dienst" in off[0].text
        await trigger(app, key=ConversationKey("console", "u2", "u2"))
        assert len(ch["telegram"].to(OFFICER_A)) == 1


async def test_audit_log_is_append_only(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        await trigger(app)
        with pytest.raises(sqlite3.IntegrityError):
            async with app.db.transaction() as conn:
                await conn.execute("UPDATE escalation_audit SET result = 'x'")
        with pytest.raises(sqlite3.IntegrityError):
            async with app.db.transaction() as conn:
                await conn.execute("DELETE FROM escalation_audit")
        count = await app.db.fetchone("SELECT count(*) FROM escalation_audit")
        assert count[0] >= 3


async def test_simultaneous_takes_have_exactly_one_owner(tmp_path):
    import asyncio

    policy = {"steps": [{"notify": "all_on_duty", "wait_minutes": 5}]}
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock, kdir=knowledge_dir(tmp_path, policy=policy)) as (app, ch):
        await trigger(app)
        ref = ref_of(ch["telegram"].to(OFFICER_A)[0])
        answers = await asyncio.gather(
            app.engine.handle(OptionChosen(key=A_KEY, option_id=f"esc_ack_{ref}")),
            app.engine.handle(OptionChosen(key=B_KEY, option_id=f"esc_ack_{ref}")),
        )
        owners = [a for a in answers if a[0].options and a[0].options[0].id == f"esc_close_{ref}"]
        assert len(owners) == 1
        assert len(ch["console"].to(USER)) == 1  # the user is told once
        results = await app.db.fetchall("SELECT result FROM escalation_audit WHERE event = 'ack' ORDER BY id")
        assert sorted(r[0] for r in results) == ["not_first", "owner"]


def test_matrix_keys_with_colons_parse_back():
    from bot.escalation.keys import parse_key

    key = parse_key(OFFICER_B)
    assert key == B_KEY and str(key) == OFFICER_B
    assert parse_key(OFFICER_A) == A_KEY
    with pytest.raises(ValueError):
        parse_key("telegram-1")


class _MidAlertChannel:
    """A channel that, while the first alert is being handed over, runs `hook` once."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self.hook = None

    async def send(self, key, messages) -> None:
        await self.inner.send(key, messages)
        hook, self.hook = self.hook, None
        if hook is not None:
            await hook()


async def test_the_scheduler_leaves_a_triggering_escalation_to_its_trigger(tmp_path):
    """While the trigger still hands over step 1's alert, the next step falls due and the
    scheduler runs a round: it must not take the escalation over (two writers of one chain)."""
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        service = app.escalations
        mid = _MidAlertChannel(ch["telegram"])
        app.engine.register_channel("telegram", mid)
        during: list = []

        async def meanwhile() -> None:
            clock.advance(300)  # step 2 is due now
            await settle(app)
            during.extend(ch["matrix"].to(OFFICER_B))

        mid.hook = meanwhile
        await trigger(app)
        assert during == []  # nothing of step 2 went out in the middle of step 1
        await until(lambda: len(ch["matrix"].to(OFFICER_B)) == 1)  # afterwards, once
        await settle(app)
        assert len(ch["matrix"].to(OFFICER_B)) == 1
