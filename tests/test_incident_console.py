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
    shot, letter = tmp_path / "shot.png", tmp_path / "brief.pdf"
    shot.write_bytes(PNG_BYTES)
    letter.write_bytes(pdf_bytes())
    data_dir = tmp_path / "data"
    events = [{"text": t} for t in TRIAGE_TO_RESULT] + [
        {"option": "document_incident"}, {"option": "yes"}, {"option": "skip"}, {"text": "gestern 22 Uhr"},
        {"text": SECRETS["where"]}, {"text": SECRETS["what"]}, {"text": SECRETS["who"]}, {"option": "skip"},
        {"file": str(shot)}, {"file": str(letter)}, {"text": SECRETS["link"]}, {"option": "done"},
        {"option": "rep_no"}, {"option": "save"}, {"option": "no"}, {"option": "report"},
    ]
    done = _chat(data_dir, events)
    assert done.returncode == 0, done.stderr
    messages = _messages(done.stdout)
    assert any("SL-2026-00001" in m["text"] for m in messages)
    documents = [m["document"] for m in messages if "document" in m]
    assert [d["filename"] for d in documents] == ["SL-2026-00001.pdf", "SL-2026-00001.txt"]
    pdf_path = Path(documents[0]["path"])
    assert pdf_path.parent == data_dir / "exports" and pdf_path.stat().st_mode & 0o777 == 0o600
    text = "".join(p.extract_text() for p in PdfReader(pdf_path).pages)
    assert "SL-2026-00001" in text
    assert hashlib.sha256(PNG_BYTES).hexdigest() in text
    assert hashlib.sha256(letter.read_bytes()).hexdigest() in text
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
