"""Backup of a live bot and a restore drill into a new directory: the conversation and the
incident record (with its evidence) go on there; the key is never in the backup."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess

from bot.backup import MANIFEST
from bot.incidents.crypto import KEY_FILE
from tests.incident_helpers import Chat, pdf_bytes, running, settings_for
from tests.ops_helpers import BIN, bot_env


def _cli(*args: str, data_dir) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(BIN), *args], env=bot_env(data_dir), capture_output=True, text=True, timeout=120)


async def test_backup_of_a_live_bot_restores_into_a_new_directory(tmp_path):
    old_dir, new_dir, backup = tmp_path / "old", tmp_path / "new", tmp_path / "backup"
    evidence = pdf_bytes("Beweis fuer den Rücksicherungstest")
    async with running(settings_for(old_dir, data_key=None)) as app:  # key file in the data dir
        owner = Chat(app, "u1")
        ref = await owner.record(files=[("beweis.pdf", "application/pdf", evidence)])
        halfway = Chat(app, "u2")
        await halfway.text("/start")
        asked = await halfway.text("nein")  # now at "what happened?"
        assert (old_dir / "schutzlotse.db-wal").stat().st_size > 0  # live: recent pages only in the WAL

        made = _cli("backup", str(backup), data_dir=old_dir)  # another process, while the bot runs
        assert made.returncode == 0, made.stderr
        assert "NOT in this backup" in made.stdout and "data.key" in made.stdout

    names = {p.name for p in backup.rglob("*")}
    assert KEY_FILE not in names and not any(n.endswith(("-wal", "-shm")) for n in names)
    manifest = json.loads((backup / MANIFEST).read_text())
    assert manifest["data_key"] == "not included" and "data/schutzlotse.db" in manifest["files"]
    assert any(name.startswith("data/evidence/") for name in manifest["files"])
    assert backup.stat().st_mode & 0o777 == 0o700

    restored = _cli("restore", str(backup), data_dir=new_dir)
    assert restored.returncode == 0, restored.stderr
    assert "put the data key back" in restored.stderr
    again = _cli("restore", str(backup), data_dir=new_dir)
    assert again.returncode == 1 and "--force" in again.stderr  # never over an existing database
    shutil.copy(old_dir / KEY_FILE, new_dir / KEY_FILE)  # the operator brings the key from the safe
    (new_dir / KEY_FILE).chmod(0o600)
    shutil.rmtree(old_dir)  # the old machine is gone

    async with running(settings_for(new_dir, data_key=None)) as app:
        halfway = Chat(app, "u2")
        went_on = await halfway.text("Beleidigung")  # answers the question asked before the backup
        assert went_on[-1].options and went_on[-1].options != asked[-1].options
        owner = Chat(app, "u1")
        listed = await owner.command("vorfaelle")
        assert [o.id for o in listed[-1].options] == ["rec.1", "back"]
        await owner.option("rec.1")
        await owner.option("note")
        noted = await owner.text("Nachtrag nach der Wiederherstellung")
        assert f"Notiz zu {ref} gespeichert" in noted[0].text
        report = await owner.option("report")
        plain = next(m.document for m in report if m.document and m.document.mime_type == "text/plain").data.decode()
        assert hashlib.sha256(evidence).hexdigest() in plain  # the evidence file came back intact


def test_backup_refuses_a_non_empty_target_and_restore_a_damaged_backup(tmp_path):
    data = tmp_path / "data"
    subprocess.run([str(BIN), "chat", "--jsonl"], env=bot_env(data), input='{"command": "start"}\n',
                   capture_output=True, text=True, timeout=60, check=True)
    target = tmp_path / "bk"
    target.mkdir()
    (target / "x").write_text("x")
    assert _cli("backup", str(target), data_dir=data).returncode == 1
    good = tmp_path / "good"
    assert _cli("backup", str(good), data_dir=data).returncode == 0
    with (good / "data" / "schutzlotse.db").open("r+b") as handle:
        handle.seek(200)
        handle.write(b"\x00damage")
    broken = _cli("restore", str(good), data_dir=tmp_path / "elsewhere")
    assert broken.returncode == 1 and "damaged" in broken.stderr
    assert not (tmp_path / "elsewhere" / "schutzlotse.db").exists()
