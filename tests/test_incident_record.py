"""A whole incident record through the real engine, SQLite file and evidence folder."""

from __future__ import annotations

import hashlib
import io
import sqlite3

import pytest
from pypdf import PdfReader

from tests.incident_helpers import (
    PNG_BYTES, SECRETS, Chat, pdf_bytes, raw_files, running, settings_for,
)


def _pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


async def test_whole_record_with_two_files_and_report(tmp_path):
    shot, pdf = PNG_BYTES, pdf_bytes()
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        ref = await chat.record(files=[("shot.png", "image/png", shot), ("brief.pdf", "application/pdf", pdf)])
        assert ref == "SL-2026-00001"
        listed = await chat.command("vorfaelle")
        assert [o.id for o in listed[-1].options] == ["rec.1", "back"]
        await chat.option("rec.1")
        answer = await chat.option("report")
        documents = {m.document.mime_type: m.document for m in answer if m.document}
        assert answer[-1].options and answer[-1].options[0].id == "note"  # the menu follows the report
    text = _pdf_text(documents["application/pdf"].data)
    plain = documents["text/plain"].data.decode()
    for report in (text, plain):
        assert ref in report
        assert hashlib.sha256(shot).hexdigest() in report
        assert hashlib.sha256(pdf).hexdigest() in report
        assert "Beleidigung oder Verleumdung" in report
        assert "§ 77b StGB" in report
        assert "24.02.2027" in report  # deadline: 3 months from 24.11.2026
        assert SECRETS["who"] in report
    assert "Polizeirevier Pirna" in plain
    assert "Frist" in text and "Ansprechstellen" in text  # umlaut-free words; umlauts below
    assert "Rechtlicher Hinweis" in text and "Art des Vorfalls" in text
    assert "Verleumdung" in text and "Prüfwert" in text and "Gemeinderäte" in text


async def test_nothing_entered_is_stored_in_plaintext(tmp_path):
    shot, pdf = PNG_BYTES, pdf_bytes("Klartext im Beweis 4711")
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.record(files=[("shot.png", "image/png", shot), ("brief.pdf", "application/pdf", pdf)])
        await chat.command("vorfaelle")
        await chat.option("rec.1")
        await chat.option("note")
        await chat.text(SECRETS["note"])
        # While the app runs, the WAL holds the latest pages: search it too.
        during = raw_files(tmp_path)
    after = raw_files(tmp_path)
    assert any(name.endswith("-wal") for name in during)
    assert len([n for n in after if "/evidence/" in n]) == 2
    needles = [s.encode() for s in SECRETS.values()] + [b"Klartext im Beweis 4711", b"IHDR", b"%PDF-", b"Quaxmann"]
    needles += [n.encode("utf-16-le") for n in ("Quaxmann", "Xylophonkeulen")]
    for files in (during, after):
        for name, data in files.items():
            for needle in needles:
                assert needle not in data, f"{needle!r} found in {name}"


async def test_draft_answers_in_the_conversation_state_are_encrypted(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        await chat.option("skip")
        await chat.text("heute")
        await chat.text(SECRETS["where"])
        await chat.text(SECRETS["what"])
        loaded, _ = await app.engine.conversations.load(chat.key)
        assert loaded.pending["draft"]["what"] == SECRETS["what"]  # it is in the state ...
        row = await app.db.fetchone("SELECT state FROM conversations")
        assert bytes(row[0]).startswith(b"SLE1")
        for name, data in raw_files(tmp_path).items():  # ... but not readable at rest
            assert SECRETS["what"].encode() not in data and SECRETS["where"].encode() not in data, name


async def test_english_record_and_report(tmp_path):
    async with running(settings_for(tmp_path, lang="en")) as app:
        chat = Chat(app)
        consent = await chat.to_consent()
        assert "encrypted" in consent[-1].text and "/delete" in consent[-1].text
        ref = await chat.record(files=[("a.png", "image/png", PNG_BYTES)], when="yesterday 10 pm")
        await chat.command("incidents")
        await chat.option("rec.1")
        answer = await chat.option("report")
    pdf = next(m.document for m in answer if m.document and m.document.mime_type == "application/pdf")
    text = _pdf_text(pdf.data)
    assert ref in text and "Incident record" in text and "24 Nov 2026, 22:00" in text
    assert "Insult or defamation" in text


async def test_consent_no_stores_nothing(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        consent = await chat.to_consent()
        assert "verschlüsselt" in consent[-1].text and "/loeschen" in consent[-1].text
        answer = await chat.option("no")
        assert "nichts gespeichert" in answer[0].text
        # back at the triage's closing question
        assert [o.id for o in answer[-1].options][-3:] == ["document_incident", "new_request", "finish"]
        rows = await app.db.fetchall("SELECT count(*) FROM incidents UNION ALL SELECT count(*) FROM evidence")
        assert [r[0] for r in rows] == [0, 0]


async def test_summary_correction_and_unclear_date(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        await chat.option("skip")  # who is affected
        unclear = await chat.text("irgendwann letzte Woche")
        assert "nicht sicher als Datum" in unclear[-1].text
        assert [o.id for o in unclear[-1].options] == ["keep", "skip"]
        understood = await chat.text("12.03.")
        assert "12.03.2026" in understood[0].text
        for _ in range(4):
            await chat.option("skip")
        await chat.option("done")
        summary = await chat.option("rep_yes")
        assert "Aktenzeichen" in summary[-1].text
        summary = await chat.text("AZ 123/26")
        assert "AZ 123/26" in summary[-1].text and "keine Angabe" in summary[-1].text
        await chat.option("correct")
        await chat.option("fix.who")
        summary = await chat.text("Ein Mann mit grauer Mütze")
        assert summary[-1].text.startswith("Bitte prüfen") and "grauer Mütze" in summary[-1].text
        saved = await chat.option("save")
        # reported already: no reminder offer, straight to the report question
        assert saved[-1].options[0].id == "report"


async def test_follow_up_note_evidence_and_close(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.record(files=[])
        await chat.command("vorfaelle")
        await chat.option("rec.1")
        await chat.option("note")
        noted = await chat.text(SECRETS["note"])
        assert "Notiz zu SL-2026-00001 gespeichert" in noted[0].text
        await chat.option("add_evidence")
        added = await chat.file("nachtrag.png", "image/png", PNG_BYTES)
        assert "nachtrag.png" in added[0].text and "SHA-256" not in added[0].text
        await chat.option("back")
        closed = await chat.option("close")
        assert "abgeschlossen" in closed[0].text
        listed = await chat.option("back")
        assert "abgeschlossen" in listed[-1].options[0].label
        incident = await app.incidents.store.get(chat.key, 1)
        assert incident.status == "closed" and len(incident.evidence) == 1
        assert incident.data["log"][0]["text"] == SECRETS["note"]
        other = Chat(app, user="someone-else")
        assert await app.incidents.store.get(other.key, 1) is None  # records are per user


async def test_audit_is_append_only_and_holds_no_content(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        await Chat(app).record(files=[("a.png", "image/png", PNG_BYTES)])
        rows = await app.db.fetchall("SELECT event, incident_id FROM audit ORDER BY id")
        assert ("created", 1) in [tuple(r) for r in rows]
        for sql in ("UPDATE audit SET event = 'x'", "DELETE FROM audit"):
            with pytest.raises(sqlite3.IntegrityError, match="append-only"):
                async with app.db.transaction() as conn:
                    await conn.execute(sql)
        columns = [r[1] for r in await app.db.fetchall("PRAGMA table_info(audit)")]
        assert columns == ["id", "at", "event", "incident_id"]


async def test_a_day_told_in_passing_is_noted_not_asked_again(tmp_path):
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        # The user tells when and where instead of who is affected: the day is kept.
        answer = await chat.text("gestern nacht auf dem hof, alle vier reifen")
        assert answer[0].text == "Notiert: 24.11.2026."  # START is 25 November 2026
        assert answer[-1].text.startswith("Wo ist es passiert?")
        # A date that is not relative to today is not taken for the incident's day.
        other = Chat(app, "u2")
        await other.to_consent()
        await other.option("yes")
        answer = await other.text("ich, Bürgermeister seit 12.03.2019")
        assert answer[-1].text.startswith("Wann ist es passiert?") and "Notiert" not in answer[0].text


async def test_typed_yes_and_no_answer_the_record_questions(tmp_path):
    """"not yet, which revier do i even go to??" at "Have you already reported it?" had been
    "I did not understand that"; typed answers pick the option they mean, as in the triage."""
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_evidence()
        await chat.option("skip")
        await chat.option("done")
        summary = await chat.text("nee noch nicht, welches revier ist denn zuständig??")
        assert summary[-1].text.startswith("Bitte prüfen")
        await chat.option("correct")
        await chat.option("fix.reported")
        asked = await chat.text("ja, schon angezeigt")
        assert "Aktenzeichen" in asked[-1].text


async def test_a_date_kept_as_written_gets_no_deadline_counted_from_today(tmp_path):
    """ "anfang september" kept as written had been given a Strafantrag deadline three months
    from today, months too late for an insult in early September (a blind tester)."""
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()  # an insult: a Strafantrag is needed
        await chat.option("yes")
        await chat.option("skip")  # who is affected
        unclear = await chat.text("anfang september irgendwann")
        assert [o.id for o in unclear[-1].options] == ["keep", "skip"]
        await chat.option("keep")
        for _ in range(4):
            await chat.option("skip")
        await chat.option("done")
        await chat.option("rep_no")
        saved = await chat.option("save")
        said = " ".join(m.text for m in saved)
        assert app.knowledge.current.incident.deadline_unknown.de in said
        assert not any(o.id.startswith("remind") for m in saved for o in m.options)


async def test_no_file_number_yet_is_none_and_words_at_the_evidence_show_the_way_again(tmp_path):
    """A clerk's "Liegt noch nicht vor" had been saved as the file number, and "Fotos folgen"
    at the evidence step was "not understood" (stop 48)."""
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_evidence()
        shown = await chat.text("Fotos folgen")
        assert "nicht verstanden" not in shown[-1].text and "done" in [o.id for o in shown[-1].options]
        await chat.option("done")
        await chat.option("rep_yes")
        summary = await chat.text("Liegt noch nicht vor")
        assert summary[-1].text.startswith("Bitte prüfen") and "Liegt noch nicht vor" not in summary[-1].text


async def test_a_scene_typed_as_the_place_is_the_110_advice_not_the_place(tmp_path):
    """"help hes coming into the shop now" typed where the record asks where it happened had been
    kept as the place, after one line about 110 (a councillor, stop 49): the advice, and the
    question again."""
    async with running(settings_for(tmp_path)) as app:
        chat = Chat(app)
        await chat.to_consent()
        await chat.option("yes")
        await chat.text("ich selbst, gestern")
        asked = await chat.text("hilfe der kommt gerade in den laden rein")
        assert any("110" in m.text for m in asked) and asked[-1].text.startswith("Wo ist es passiert?")
        answer = await chat.text("auf dem Markt in Grimma")
        assert not answer[-1].text.startswith("Wo ist es passiert?")
