"""A plain (non-editable) install carries the knowledge files and migrations and runs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def test_wheel_contains_data_and_runs_from_site_packages(tmp_path):
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
         "-w", str(tmp_path / "dist"), str(REPO)],
        check=True, capture_output=True, timeout=300,
    )
    wheel = next((tmp_path / "dist").glob("schutzlotse-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    for required in (
        "knowledge/data/flow.yaml", "knowledge/data/texts.yaml", "knowledge/data/contacts.yaml",
        "knowledge/data/categories.yaml", "knowledge/data/police.yaml",
        "knowledge/data/places-sachsen.csv", "knowledge/data/postcodes-de.csv",
        "knowledge/data/examples-de.yaml", "knowledge/data/examples-en.yaml",
        "knowledge/data/understanding-model.npz",
        "bot/migrations/0001_conversations.sql",
    ):
        assert required in names, required
    assert not any(n.startswith("tests/") for n in names)

    target = tmp_path / "site"
    zipfile.ZipFile(wheel).extractall(target)
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHUTZLOTSE_")}
    env.update(PYTHONPATH=str(target), SCHUTZLOTSE_DATA_DIR=str(tmp_path / "data"))
    # Run outside the repository so only the unpacked wheel can be imported.
    result = subprocess.run(
        [sys.executable, "-m", "bot", "chat", "--jsonl"],
        input='{"command": "start"}\n', capture_output=True, text=True, env=env,
        cwd=tmp_path, timeout=60,
    )
    assert result.returncode == 0, result.stderr
    lines = [json.loads(line) for line in result.stdout.splitlines()]
    assert lines[-1] == {"type": "turn_end"}
    assert "Schutzlotse" in lines[0]["text"]
    import_check = subprocess.run(
        [sys.executable, "-c", "import bot, knowledge; print(bot.__file__, knowledge.__file__)"],
        capture_output=True, text=True, env=env, cwd=tmp_path, check=True,
    )
    assert str(target) in import_check.stdout
