"""The incident record through `schutzlotse chat --jsonl` in a subprocess, files by path."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader

from tests.incident_helpers import KEY_A, KEY_B, PNG_BYTES, SECRETS, TRIAGE_TO_RESULT, pdf_bytes

ROOT = Path(__file__).resolve().parent.parent


def _chat(data_dir: Path, events: list[dict], key: str = KEY_A) -> subprocess.CompletedProcess:
    env = {**os.environ, "SCHUTZLOTSE_DATA_DIR": str(data_dir), "SCHUTZLOTSE_DATA_KEY": key,
           "SCHUTZLOTSE_LOG_LEVEL": "WARNING"}
    lines = "".join(json.dumps(e) + "\n" for e in events)
    return subprocess.run([sys.executable, "-m", "bot", "chat", "--jsonl"], input=lines, capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=120)


def _messages(out: str) -> list[dict]:
    return [d for d in map(json.loads, out.splitlines()) if d["type"] == "message"]


def test_jsonl_record_with_files_and_report(tmp_path):
    data_dir = tmp_path / "data"
    inbox = data_dir / "inbox"  # the default evidence inbox: files are named by bare name
    inbox.mkdir(parents=True)
    shot, letter = inbox / "shot.png", inbox / "brief.pdf"
    shot.write_bytes(PNG_BYTES)
    letter.write_bytes(pdf_bytes())
    events = [{"text": t} for t in TRIAGE_TO_RESULT] + [
        {"option": "document_incident"}, {"option": "yes"}, {"option": "skip"}, {"text": "gestern 22 Uhr"},
        {"text": SECRETS["where"]}, {"text": SECRETS["what"]}, {"text": SECRETS["who"]}, {"option": "skip"},
        {"file": shot.name}, {"file": letter.name}, {"text": SECRETS["link"]}, {"option": "done"},
        {"option": "rep_no"}, {"option": "save"}, {"option": "no"}, {"option": "report"},
    ]
    env = {**os.environ, "SCHUTZLOTSE_DATA_DIR": str(data_dir), "SCHUTZLOTSE_DATA_KEY": KEY_A,
           "SCHUTZLOTSE_LOG_LEVEL": "WARNING"}
    proc = subprocess.Popen([sys.executable, "-m", "bot", "chat", "--jsonl"], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT)
    messages: list[dict] = []
    try:
        for event in events:  # one turn at a time, so the report can be read while the session runs
            proc.stdin.write(json.dumps(event) + "\n")
            proc.stdin.flush()
            while (obj := json.loads(proc.stdout.readline()))["type"] != "turn_end":
                messages.append(obj)
        assert all(m["type"] == "message" for m in messages), messages
        assert any("SL-2026-00001" in m["text"] for m in messages)
        documents = [m["document"] for m in messages if "document" in m]
        assert [d["filename"] for d in documents] == ["SL-2026-00001.pdf", "SL-2026-00001.txt"]
        pdf_path = Path(documents[0]["path"])
        assert pdf_path.parent == data_dir / "exports" and pdf_path.stat().st_mode & 0o777 == 0o600
        text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
        assert "SL-2026-00001" in text
        assert hashlib.sha256(PNG_BYTES).hexdigest() in text
        assert hashlib.sha256(letter.read_bytes()).hexdigest() in text
    finally:
        _, stderr = proc.communicate(timeout=30)
    assert proc.returncode == 0, stderr
    # The decrypted report copies are temporary: gone when the session ends.
    assert not any(Path(d["path"]).exists() for d in documents)
    for name in ("schutzlotse.db", "schutzlotse.db-wal"):
        path = data_dir / name
        if path.exists():
            assert SECRETS["who"].encode() not in path.read_bytes()


def test_jsonl_wrong_key_is_a_clear_error(tmp_path):
    data_dir = tmp_path / "data"
    first = _chat(data_dir, [{"text": "hallo"}])
    assert first.returncode == 0, first.stderr
    before = (data_dir / "schutzlotse.db").read_bytes()
    wrong = _chat(data_dir, [{"text": "hallo"}], key=KEY_B)
    assert wrong.returncode == 2
    assert "not the key" in wrong.stderr and "nothing was changed" in wrong.stderr
    assert "Traceback" not in wrong.stderr
    assert (data_dir / "schutzlotse.db").read_bytes() == before
    again = _chat(data_dir, [{"command": "vorfaelle"}])
    assert again.returncode == 0 and "noch keine gespeicherten" in again.stdout
