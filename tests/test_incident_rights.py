"""Evidence limits, the data key, export and deletion, reminders and retention."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import io
import json
import zipfile

import pytest

from bot.clock import ManualClock
from bot.crypto import DataKeyError
from bot.store import StoreError
from tests.incident_helpers import (
    KEY_B, PNG_BYTES, SECRETS, START, Capture, Chat, pdf_bytes, running, settings_for, wait_until,
)


async def _evidence_state(app, tmp_path) -> tuple[int, list]:
    row = await app.db.fetchone("SELECT count(*) FROM evidence")
    return row[0], list((tmp_path / "evidence").iterdir())


async def test_oversized_and_wrong_type_files_are_refused(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        for _ in range(6):  # affected, when, where, what, who, witnesses
            await chat.option("skip")
        big = PNG_BYTES + b"\0" * (20 * 1024 * 1024)
        answer = await chat.file("riesig.png", "image/png", big)
        assert "größer als 20 MB" in answer[0].text
        answer = await chat.file("programm.exe", "application/x-msdownload", b"MZ\x90\x00" + b"\x00" * 200)
        assert "Diese Art von Datei kann ich nicht annehmen" in answer[0].text
        answer = await chat.file("foto.jpg", "image/jpeg", b"Nur Text, kein Bild")
        assert "nicht annehmen" in answer[0].text  # text claiming to be an image
        answer = await chat.file("fake.pdf", "application/pdf", PNG_BYTES)
        assert "passt nicht zu ihrem angegebenen Typ" in answer[0].text
        answer = await chat.file("leer.txt", "text/plain", b"")
        assert "leer" in answer[0].text
        assert answer[-1].options[0].id == "done"  # the evidence question is shown again
        assert await _evidence_state(app, tmp_path) == (0, [])


async def test_evidence_limit_is_a_setting(tmp_path):
    async with running(settings_for(tmp_path, max_evidence_mb=0.0005)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        for _ in range(6):  # affected, when, where, what, who, witnesses
            await chat.option("skip")
        answer = await chat.file("brief.pdf", "application/pdf", pdf_bytes())
        assert "größer als 0.0005 MB" in answer[0].text
        answer = await chat.file("notiz.txt", "text/plain", "Grüße".encode())
        assert "notiz.txt" in answer[0].text and "gespeichert" in answer[0].text


async def test_wrong_or_missing_key_fails_cleanly_and_destroys_nothing(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        await Chat(app).record(files=[("a.png", "image/png", PNG_BYTES)])
    before = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    with pytest.raises(DataKeyError, match="not the key") as caught:
        async with running(settings_for(tmp_path, data_key=KEY_B)):
            pass
    assert isinstance(caught.value, StoreError)  # the CLI prints it and exits 2
    with pytest.raises(DataKeyError, match="no data key is configured"):
        async with running(settings_for(tmp_path, data_key=None)):
            pass
    after = {p.name: p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()}
    assert after.keys() == before.keys() and "data.key" not in after
    assert all(after[n] == before[n] for n in after if not n.endswith(("-wal", "-shm")))
    async with running(settings_for(tmp_path)) as app:
        incident = await app.incidents.store.get(Chat(app).key, 1)
        assert incident.data["who"] == SECRETS["who"]
        assert app.incidents.store.vault.read(incident.evidence[0].id) == PNG_BYTES


async def test_key_file_is_created_owner_only_and_reused(tmp_path):
    async with running(settings_for(tmp_path, data_key=None)) as app:
        await Chat(app).record(files=[])
    key_file = tmp_path / "data.key"
    assert key_file.stat().st_mode & 0o777 == 0o600
    assert len(base64.b64decode(key_file.read_text())) == 32
    async with running(settings_for(tmp_path, data_key=None)) as app:
        assert (await app.incidents.store.get(Chat(app).key, 1)).data["what"] == SECRETS["what"]


async def test_export_then_delete_leaves_nothing_of_the_user(tmp_path):
    files = [("a.png", "image/png", PNG_BYTES), ("b.pdf", "application/pdf", pdf_bytes())]
    async with running(settings_for(tmp_path)) as app:
        chat, other = Chat(app), Chat(app, user="other")
        await chat.record(files=files, reminder=True)
        await other.record(files=[("c.png", "image/png", PNG_BYTES)])
        exported = await chat.command("meinedaten")
        archive = zipfile.ZipFile(io.BytesIO(exported[0].document.data))
        data = json.loads(archive.read("daten.json"))
        record = data["records"][0]
        assert record["reference"] == "SL-2026-00001" and record["data"]["who"] == SECRETS["who"]
        assert len(record["reminders"]) == 1
        hashes = {e["sha256"] for e in record["evidence"]}
        contents = [archive.read(n) for n in archive.namelist() if n.startswith("evidence/")]
        assert {hashlib.sha256(c).hexdigest() for c in contents} == hashes == {hashlib.sha256(f[2]).hexdigest() for f in files}
        confirm = await chat.command("loeschen")
        assert [o.id for o in confirm[-1].options] == ["yes", "no"]
        done = await chat.option("yes")
        assert "Alles ist gelöscht" in done[-1].text
        owner = app.incidents.store.owner(chat.key)
        for table in ("incidents", "evidence", "reminders"):
            assert (await app.db.fetchone(f"SELECT count(*) FROM {table} WHERE owner = ?", (owner,)))[0] == 0
        assert await app.db.fetchone("SELECT 1 FROM conversations WHERE conv_key = ?", (str(chat.key),)) is None
        assert len(list((tmp_path / "evidence").iterdir())) == 1  # only the other user's file
        assert (await app.incidents.store.get(other.key, 2)) is not None
        last = await app.db.fetchone("SELECT event, incident_id FROM audit ORDER BY id DESC LIMIT 1")
        assert tuple(last) == ("user_deleted", None)


async def test_reminder_fires_once_after_restart(tmp_path):
    settings = settings_for(tmp_path)
    async with running(settings, ManualClock(START)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        await chat.option("skip")  # who is affected
        await chat.text("heute")
        for _ in range(4):
            await chat.option("skip")
        await chat.option("done")
        await chat.option("rep_no")
        offer = await chat.option("save")
        assert "25.02.2027" in offer[-1].text  # 3 months from 25.11.2026
        answer = await chat.option("yes")
        assert "11.02.2027" in answer[0].text  # 14 days before
    clock = ManualClock(dt.datetime(2027, 2, 11, 8, 30, tzinfo=dt.timezone.utc))
    async with running(settings, clock) as app:
        capture = Capture()
        app.engine.register_channel("console", capture)
        clock.advance(60)  # the first round ran before the channel was there; this one delivers
        await wait_until(lambda: len(capture.sent) == 1)
        key, message = capture.sent[0]
        assert key == Chat(app).key and "SL-2026-00001" in message.text and "25.02.2027" in message.text
        for _ in range(3):
            clock.advance(60)
            await app.incidents.scheduler.tick()
    async with running(settings, ManualClock(dt.datetime(2027, 2, 20, tzinfo=dt.timezone.utc))) as app:
        capture2 = Capture()
        app.engine.register_channel("console", capture2)
        await app.incidents.scheduler.tick()
        assert capture2.sent == [] and len(capture.sent) == 1
        events = [r[0] for r in await app.db.fetchall("SELECT event FROM audit WHERE event = 'reminder_sent'")]
        assert events == ["reminder_sent"]


async def test_reminder_is_not_sent_early(tmp_path):
    async with running(settings_for(tmp_path, reminder_lead_days=30)) as app:
        chat = Chat(app)
        await chat.record(files=[], when="heute", reminder=True)
        capture = Capture()
        app.engine.register_channel("console", capture)
        await app.incidents.scheduler.tick()
        assert capture.sent == []
        row = await app.db.fetchone("SELECT due_at FROM reminders")
        due = dt.datetime.fromtimestamp(row[0], dt.timezone.utc)
        assert due.date() == dt.date(2027, 1, 26)  # 30 days before 25.02.2027


async def test_retention_warns_then_deletes(tmp_path):
    clock = ManualClock(START)
    async with running(settings_for(tmp_path, retention_days=30), clock) as app:
        capture = Capture()
        app.engine.register_channel("console", capture)
        chat = Chat(app)
        await chat.record(files=[("a.png", "image/png", PNG_BYTES)])
        await app.incidents.scheduler.tick()
        assert capture.sent == []
        clock.set(START + dt.timedelta(days=17))
        await app.incidents.scheduler.tick()
        assert len(capture.sent) == 1 and "SL-2026-00001" in capture.sent[0][1].text
        assert "25.12.2026" in capture.sent[0][1].text
        await app.incidents.scheduler.tick()
        assert len(capture.sent) == 1
        clock.set(START + dt.timedelta(days=31))
        await app.incidents.scheduler.tick()
        assert (await app.db.fetchone("SELECT count(*) FROM incidents"))[0] == 0
        assert list((tmp_path / "evidence").iterdir()) == []
