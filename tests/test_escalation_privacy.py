"""Escalation privacy on a real SQLite file: sealed at rest, the admin CLI with the data key,
upgrading a database from before encryption, retention erasure, /meinedaten and /loeschen."""

from __future__ import annotations

import asyncio
import base64
import datetime as dt
import io
import json
import sqlite3
import struct
import zipfile
from pathlib import Path

from bot.app import App
from bot.cli import main
from bot.clock import ManualClock
from bot.store import _statements, migrations
from handlers.messages import CommandIn, ConversationKey, LocationIn, OptionChosen, TextIn
from tests.escalation_helpers import (
    OFFICER_A, RecordingChannel, escalation_app, knowledge_dir, ref_of, settle, three_steps, trigger,
)

T0 = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)
KEY = ConversationKey("console", "zeisig77", "zeisig77")
OTHER = ConversationKey("console", "amsel42", "amsel42")
A_KEY = ConversationKey("telegram", "1001", "1001")
PHONE_TYPED, PHONE = "0351 7654321", "+493517654321"
LAT, LON = 50.9628, 13.9403
OUTCOME = "Herrn Quirinus Zwetschgenbaum vor Ort angetroffen, Gefährderansprache"
# What must never be readable in the database file or its WAL.
AT_REST = [b"3517654321", OUTCOME.encode(), "Gefährderansprache".encode(), b"Pirna",
           struct.pack(">d", LAT), struct.pack(">d", LON)]
ONE_STEP = {"steps": [{"notify": "direktion", "wait_minutes": 5}]}


def _raw(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (tmp_path / "data").glob("schutzlotse.db*")}


def _assert_unreadable(files: dict[str, bytes], secrets: list[bytes]) -> None:
    for name, data in files.items():
        for secret in secrets:
            assert secret not in data, (name, secret)


async def _escalate(app: App, ch: dict[str, RecordingChannel], key: ConversationKey, *,
                    location: bool = True) -> str:
    handle = app.engine.handle
    await handle(CommandIn(key=key, name="notfall"))
    await handle(OptionChosen(key=key, option_id="escalate"))
    reply = await handle(TextIn(key=key, text=PHONE_TYPED))
    if reply[-1].request_location:  # not asked when the place is known from before
        reply = await handle(LocationIn(key=key, lat=LAT, lon=LON) if location else TextIn(key=key, text="Pirna"))
    assert "Referenz" in reply[0].text
    return ref_of(ch["telegram"].to(OFFICER_A)[-1])


async def _take_and_close(app: App, ref: str, outcome: str | None = OUTCOME) -> None:
    await app.engine.handle(OptionChosen(key=A_KEY, option_id=f"esc_ack_{ref}"))
    if outcome is not None:
        await app.engine.handle(OptionChosen(key=A_KEY, option_id=f"esc_close_{ref}"))
        done = await app.engine.handle(TextIn(key=A_KEY, text=outcome))
        assert "abgeschlossen" in done[0].text


async def _table_text(app: App, table: str) -> str:
    """Every text value of a table (blobs left out: they are sealed)."""
    rows = await app.db.fetchall(f"SELECT * FROM {table}")
    return "\n".join(str(v) for r in rows for v in r if not isinstance(v, bytes))


async def test_callback_number_place_coordinates_and_outcome_are_sealed_at_rest(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        ref = await _escalate(app, ch, KEY)
        alert = ch["telegram"].to(OFFICER_A)[0]  # built from the decrypted values
        assert PHONE in alert.text and "Pirna" in alert.text and "mlat=50.96280&mlon=13.94030" in alert.text
        await _take_and_close(app, ref)
        esc = await app.escalations.records.by_ref(ref)
        assert (esc.user_key, esc.phone, esc.lat, esc.lon, esc.place_name, esc.outcome) == (
            str(KEY), PHONE, LAT, LON, "Pirna", OUTCOME)
        row = await app.db.fetchone("SELECT personal, outcome_sealed FROM escalations WHERE ref = ?", (ref,))
        assert all(bytes(blob).startswith(b"SLE1") for blob in row)
        # The escalation tables and their audit name neither the user nor what they gave.
        for table in ("escalations", "escalation_audit", "escalation_deliveries", "escalation_closing"):
            text = await _table_text(app, table)
            for secret in ("zeisig77", "3517654321", "Pirna", "Quirinus", "Gefährder", "50.96", "13.94"):
                assert secret not in text, (table, secret)
        events = {r[0] for r in await app.db.fetchall("SELECT event FROM escalation_audit")}
        assert {"triggered", "alert", "ack", "closed", "user_told_taken"} <= events
        during = _raw(tmp_path)
    assert any(name.endswith("-wal") for name in during)
    _assert_unreadable({**during, **{k + "@closed": v for k, v in _raw(tmp_path).items()}}, AT_REST)


async def _closed_escalation(tmp_path: Path) -> str:
    async with escalation_app(tmp_path, ManualClock(T0)) as (app, ch):
        ref = await _escalate(app, ch, KEY)
        await _take_and_close(app, ref)
        return ref


def test_cli_show_opens_the_data_key_like_the_app_and_list_shows_nothing_personal(tmp_path, monkeypatch, capsys):
    ref = asyncio.run(_closed_escalation(tmp_path))
    monkeypatch.setenv("SCHUTZLOTSE_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.delenv("SCHUTZLOTSE_DATA_KEY", raising=False)
    assert main(["escalations", "list"]) == 0
    listing = capsys.readouterr().out
    assert ref in listing and "closed" in listing
    assert "3517654321" not in listing and "Pirna" not in listing and "Quirinus" not in listing
    assert main(["escalations", "show", ref]) == 0
    shown = capsys.readouterr().out
    assert f"Callback:    {PHONE}" in shown and "Pirna" in shown and OUTCOME in shown
    monkeypatch.setenv("SCHUTZLOTSE_DATA_KEY", base64.b64encode(b"B" * 32).decode())
    assert main(["escalations", "show", ref]) == 2
    out, err = capsys.readouterr()
    assert "is not the key" in err and "nothing was changed" in err and PHONE not in out
    monkeypatch.delenv("SCHUTZLOTSE_DATA_KEY")
    (tmp_path / "data" / "data.key").rename(tmp_path / "data.key.moved")
    assert main(["escalations", "show", ref]) == 2
    out, err = capsys.readouterr()
    assert "no data key is configured" in err and PHONE not in out
    assert not (tmp_path / "data" / "data.key").exists()  # a wrong start creates no new key


def _database_before_0007(path: Path) -> None:
    """A database as the escalation feature wrote it before encryption, with one closed row."""
    path.parent.mkdir(parents=True)
    conn = sqlite3.connect(path)
    try:
        for number, _, sql in migrations():
            if number < 7:
                for statement in _statements(sql):
                    conn.execute(statement)
        conn.execute("PRAGMA user_version=5")
        created = T0.timestamp()
        conn.execute(
            "INSERT INTO escalations (ref, user_key, lang, created_at, category, place_id, place_name, "
            "direktion, lat, lon, phone, policy, total_steps, next_step, state, reached, owner, owner_key, "
            "acked_at, closed_at, outcome) VALUES ('K7M2QX', 'telegram:777123:777123', 'de', ?, 'threat', "
            "'pirna', 'Pirna', 'pd_dresden', ?, ?, ?, ?, 3, 1, 'closed', 1, 'a', ?, ?, ?, ?)",
            (created, LAT, LON, PHONE, json.dumps(three_steps()), str(A_KEY), created + 60, created + 600, OUTCOME))
        conn.execute("INSERT INTO escalation_audit (escalation_id, at, event) VALUES (1, ?, 'triggered')", (created,))
        conn.commit()
    finally:
        conn.close()


async def test_a_database_from_before_encryption_is_upgraded_and_its_plaintext_sealed(tmp_path):
    path = tmp_path / "data" / "schutzlotse.db"
    _database_before_0007(path)
    assert b"3517654321" in path.read_bytes()  # the premise: plaintext on disk
    async with escalation_app(tmp_path, ManualClock(T0 + dt.timedelta(days=1))) as (app, ch):
        assert await app.db.schema_version() == max(n for n, _, _ in migrations())
        esc = await app.escalations.records.by_ref("K7M2QX")
        assert (esc.user_key, esc.phone, esc.place_id, esc.place_name, esc.lat, esc.lon, esc.outcome) == (
            "telegram:777123:777123", PHONE, "pirna", "Pirna", LAT, LON, OUTCOME)
        assert (esc.state, esc.owner, esc.direktion, esc.category) == ("closed", "a", "pd_dresden", "threat")
        subject = app.escalations.records.subject("telegram:777123:777123")
        row = await app.db.fetchone("SELECT count(*) FROM escalations WHERE subject = ?", (subject,))
        assert row[0] == 1
        assert (await app.db.fetchone("SELECT count(*) FROM escalation_upgrade"))[0] == 0
        columns = {r[1] for r in await app.db.fetchall("PRAGMA table_info(escalations)")}
        assert not columns & {"user_key", "phone", "lat", "lon", "place_name", "place_id", "outcome"}
        assert (await app.db.fetchone("PRAGMA integrity_check"))[0] == "ok"
        during = _raw(tmp_path)
    _assert_unreadable({**during, **{k + "@closed": v for k, v in _raw(tmp_path).items()}},
                       [*AT_REST, b"777123"])


async def _wait_for(app: App, sql: str, expected: object, rounds: int = 300) -> None:
    for _ in range(rounds):
        if (await app.db.fetchone(sql))[0] == expected:
            return
        await asyncio.sleep(0.01)
    raise AssertionError(f"{sql} never gave {expected!r}")


async def test_ended_escalations_lose_their_personal_data_after_the_retention_time(tmp_path):
    clock = ManualClock(T0)
    kdir = knowledge_dir(tmp_path, policy=ONE_STEP)
    async with escalation_app(tmp_path, clock, kdir=kdir, escalation_retention_days=30) as (app, ch):
        closed = await _escalate(app, ch, KEY)
        await _take_and_close(app, closed)
        unanswered = await _escalate(app, ch, OTHER)
        taken = await _escalate(app, ch, ConversationKey("console", "fink", "fink"))
        await _take_and_close(app, taken, outcome=None)  # taken, never closed
        clock.advance(300)
        await _wait_for(app, "SELECT count(*) FROM escalations WHERE state = 'exhausted'", 1)
        await settle(app)  # its notices (user, admins) are sent and audited too
        audit_before = (await app.db.fetchone("SELECT count(*) FROM escalation_audit"))[0]
        privacy = app.escalations.privacy

        clock.set(T0 + dt.timedelta(days=29, hours=23))
        assert await privacy.erase_expired() == 0
        assert (await app.escalations.records.by_ref(closed)).phone == PHONE

        # The periodic sweep (asleep on the clock) does it by itself once the time has come.
        clock.set(T0 + dt.timedelta(days=30, hours=1))
        await _wait_for(app, "SELECT count(*) FROM escalations WHERE erased_at IS NOT NULL", 2)
        for ref in (closed, unanswered):
            esc = await app.escalations.records.by_ref(ref)
            assert (esc.user_key, esc.phone, esc.lat, esc.lon, esc.place_id, esc.place_name, esc.outcome) == (
                None, None, None, None, None, None, None)
            assert esc.erased_at is not None and esc.direktion == "pd_dresden"  # the case itself stays
            raw = await app.db.fetchone("SELECT subject, personal, outcome_sealed FROM escalations WHERE ref = ?", (ref,))
            assert tuple(raw) == (None, None, None)
        kept = await app.escalations.records.by_ref(taken)
        assert kept.state == "acked" and kept.phone == PHONE and kept.erased_at is None
        trail = await app.db.fetchall("SELECT event, result FROM escalation_audit WHERE event = 'erased'")
        assert [tuple(r) for r in trail] == [("erased", "retention")] * 2
        assert (await app.db.fetchone("SELECT count(*) FROM escalation_audit"))[0] == audit_before + 2
        assert (await app.db.fetchone("SELECT count(*) FROM escalation_deliveries"))[0] == 3
        assert await privacy.erase_expired() == 0  # done once
    _assert_unreadable(_raw(tmp_path), [OUTCOME.encode()])


async def test_meinedaten_exports_and_loeschen_erases_the_users_escalations(tmp_path):
    clock = ManualClock(T0)
    async with escalation_app(tmp_path, clock) as (app, ch):
        first = await _escalate(app, ch, KEY)
        await _take_and_close(app, first)
        clock.advance(60)
        second = await _escalate(app, ch, KEY)  # still running
        await trigger(app, key=OTHER)
        other = ref_of(ch["telegram"].to(OFFICER_A)[-1])

        exported = await app.engine.handle(CommandIn(key=KEY, name="meinedaten"))
        data = json.loads(zipfile.ZipFile(io.BytesIO(exported[0].document.data)).read("daten.json"))
        found = {e["reference"]: e for e in data["escalations"]}
        assert set(found) == {first, second}
        mine = found[first]
        assert (mine["callback_number"], mine["place"], mine["latitude"], mine["longitude"]) == (PHONE, "Pirna", LAT, LON)
        assert (mine["state"], mine["outcome"], mine["polizeidirektion"]) == ("closed", OUTCOME, "pd_dresden")
        assert mine["created_at"] == T0.isoformat() and mine["taken_at"] and mine["closed_at"]
        assert found[second]["state"] == "open" and found[second]["outcome"] is None

        audit_before = (await app.db.fetchone("SELECT count(*) FROM escalation_audit"))[0]
        confirm = await app.engine.handle(CommandIn(key=KEY, name="loeschen"))
        assert "Notfallmeldungen" in confirm[-1].text
        done = await app.engine.handle(OptionChosen(key=KEY, option_id="yes"))
        assert "Alles ist gelöscht" in done[-1].text
        for ref in (first, second):
            esc = await app.escalations.records.by_ref(ref)
            assert (esc.user_key, esc.phone, esc.lat, esc.place_name, esc.outcome) == (None, None, None, None, None)
            assert esc.erased_at == T0 + dt.timedelta(seconds=60)
        assert (await app.escalations.records.by_ref(second)).state == "closed"  # withdrawn: no more alerts
        assert (await app.escalations.records.by_ref(other)).phone == "+493511234567"  # others untouched
        subject = app.escalations.records.subject(str(KEY))
        assert (await app.db.fetchone("SELECT count(*) FROM escalations WHERE subject = ?", (subject,)))[0] == 0
        assert (await app.db.fetchone("SELECT count(*) FROM escalation_audit"))[0] == audit_before + 1
        last = await app.db.fetchone("SELECT escalation_id, event, actor, result FROM escalation_audit ORDER BY id DESC LIMIT 1")
        assert tuple(last) == (None, "user_erased", None, None)

        alerts_before = len(ch["matrix"].sent) + len(ch["telegram"].sent)
        clock.advance(300)  # step 2 of the other user's escalation fires; the withdrawn one does not
        await settle(app)
        later = [m.text for _, _, m in ch["matrix"].sent + ch["telegram"].sent][alerts_before:]
        assert any(other in text for text in later) and not any(second in text for text in later)

        again = await app.engine.handle(CommandIn(key=KEY, name="meinedaten"))
        data = json.loads(zipfile.ZipFile(io.BytesIO(again[0].document.data)).read("daten.json"))
        assert data["escalations"] == []
