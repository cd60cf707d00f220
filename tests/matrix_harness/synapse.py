"""A real Synapse homeserver as a subprocess for tests: config, start, stop, restart, users.

Synapse lives in its own venv (scripts/install-synapse.sh); this module only talks to it over
its command line and HTTP, so the test venv never imports synapse.
"""

from __future__ import annotations

import atexit
import hashlib
import hmac
import json
import os
import secrets
import signal
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
PYTHON_ENV_VAR = "SCHUTZLOTSE_SYNAPSE_PYTHON"
DEFAULT_SYNAPSE_PYTHON = REPO_ROOT / ".venv-synapse" / "bin" / "python"

# Tests send bursts far above the real defaults (rc_message is 0.2/s, burst 10).
_GENEROUS = {"per_second": 10_000, "burst_count": 100_000}


class SynapseError(RuntimeError):
    """Synapse could not be found, configured or started."""


def find_synapse_python() -> Path:
    """The python of the Synapse venv, or a clear error telling how to install it."""
    configured = os.environ.get(PYTHON_ENV_VAR)
    python = Path(configured) if configured else DEFAULT_SYNAPSE_PYTHON
    if not python.exists():
        source = f"${PYTHON_ENV_VAR}" if configured else "the default location"
        raise SynapseError(
            f"No Synapse python at {python} ({source}). Run scripts/install-synapse.sh "
            f"or set {PYTHON_ENV_VAR} to a python that has matrix-synapse installed."
        )
    return python


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def override_config(port: int, shared_secret: str, data_dir: Path) -> dict:
    """Top-level keys that replace the generated ones (a later -c file wins per key)."""
    return {
        "listeners": [
            {
                "port": port,
                "bind_addresses": ["127.0.0.1"],
                "type": "http",
                "tls": False,
                "x_forwarded": False,
                "resources": [{"names": ["client"], "compress": False}],
            }
        ],
        "database": {"name": "sqlite3", "args": {"database": str(data_dir / "homeserver.db")}},
        "log_config": str(data_dir / "log.config.yaml"),
        "registration_shared_secret": shared_secret,
        "report_stats": False,
        "trusted_key_servers": [],
        "federation_domain_whitelist": [],
        "presence": {"enabled": False},
        "rc_message": _GENEROUS,
        "rc_registration": _GENEROUS,
        "rc_login": {"address": _GENEROUS, "account": _GENEROUS, "failed_attempts": _GENEROUS},
        "rc_joins": {"local": _GENEROUS, "remote": _GENEROUS},
        "rc_joins_per_room": _GENEROUS,
        "rc_invites": {"per_room": _GENEROUS, "per_user": _GENEROUS, "per_issuer": _GENEROUS},
        "rc_3pid_validation": _GENEROUS,
        "rc_admin_redaction": _GENEROUS,
        "rc_key_requests": _GENEROUS,
        "rc_room_creation": _GENEROUS,
        "rc_media_create": _GENEROUS,
        "rc_delayed_event_mgmt": _GENEROUS,
        "rc_profile": _GENEROUS,
        "rc_user_directory": _GENEROUS,
        "rc_reports": _GENEROUS,
    }


# Everything to stderr, which start() sends to one log file: one place to read on failure.
_LOG_CONFIG = {
    "version": 1,
    "formatters": {"plain": {"format": "%(asctime)s %(name)s %(levelname)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"level": "INFO", "handlers": ["console"]},
    "disable_existing_loggers": False,
}


class SynapseServer:
    """One homeserver with its data in a temp dir; start() / restart() / stop() are blocking."""

    def __init__(
        self,
        server_name: str = "localhost",
        work_dir: Path | None = None,
        start_timeout: float = 30.0,
    ) -> None:
        self.server_name = server_name
        self.python = find_synapse_python()
        self._tempdir = None if work_dir else tempfile.TemporaryDirectory(prefix="synapse-")
        self.work_dir = Path(work_dir or self._tempdir.name)
        self.start_timeout = start_timeout
        self.port = free_port()
        self.shared_secret = secrets.token_hex(16)
        self.log_path = self.work_dir / "synapse.log"
        self._config_paths: list[Path] = []
        self._process: subprocess.Popen | None = None
        self._log_file = None

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def running(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _configure(self) -> None:
        data_dir = self.work_dir / "data"
        data_dir.mkdir(parents=True, exist_ok=True)
        generated = self.work_dir / "homeserver.yaml"
        result = subprocess.run(
            [
                str(self.python), "-m", "synapse.app.homeserver",
                "--generate-config", "--server-name", self.server_name,
                "--report-stats=no", "--config-path", str(generated),
                "--data-directory", str(data_dir),
            ],
            cwd=self.work_dir, capture_output=True, text=True, timeout=60,
        )  # fmt: skip
        if result.returncode != 0:
            raise SynapseError(f"generate-config failed:\n{result.stdout}\n{result.stderr}")
        (data_dir / "log.config.yaml").write_text(yaml.safe_dump(_LOG_CONFIG))
        override = self.work_dir / "override.yaml"
        config = override_config(self.port, self.shared_secret, data_dir)
        override.write_text(yaml.safe_dump(config))
        self._config_paths = [generated, override]

    def start(self) -> None:
        if self.running:
            return
        if not self._config_paths:
            self._configure()
        command = [str(self.python), "-m", "synapse.app.homeserver"]
        for path in self._config_paths:
            command += ["-c", str(path)]
        self._log_file = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        self._process = subprocess.Popen(
            command, cwd=self.work_dir, stdout=self._log_file, stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )  # fmt: skip
        # Safety net for an interrupted session that never reaches fixture teardown.
        atexit.register(self.stop)
        try:
            self._wait_ready()
        except BaseException:
            self.stop()
            raise

    def _wait_ready(self) -> None:
        deadline = time.monotonic() + self.start_timeout
        url = f"{self.base_url}/_matrix/client/versions"
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                raise SynapseError(
                    f"Synapse exited with {self._process.returncode} during start.\n"
                    + self.log_tail()
                )
            try:
                with urllib.request.urlopen(url, timeout=1) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.05)
        raise SynapseError(
            f"Synapse not ready after {self.start_timeout:.0f}s at {url}.\n" + self.log_tail()
        )

    def log_tail(self, lines: int = 40) -> str:
        if not self.log_path.exists():
            return "(no Synapse log)"
        tail = self.log_path.read_text(errors="replace").splitlines()[-lines:]
        return f"--- last {len(tail)} lines of {self.log_path} ---\n" + "\n".join(tail)

    def stop(self, timeout: float = 10.0) -> None:
        process, self._process = self._process, None
        if process is not None and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=timeout)
        if self._log_file is not None:
            self._log_file.close()
            self._log_file = None
        atexit.unregister(self.stop)

    def restart(self) -> None:
        """Stop and start again on the same port, config and database."""
        self.stop()
        self.start()

    def cleanup(self) -> None:
        """Stop and remove the temp dir (only one this server created itself)."""
        self.stop()
        if self._tempdir is not None:
            self._tempdir.cleanup()
            self._tempdir = None

    def register_user(self, localpart: str, password: str, admin: bool = False) -> str:
        """Register via the shared-secret admin API; returns the full user id."""
        url = f"{self.base_url}/_synapse/admin/v1/register"
        with urllib.request.urlopen(url, timeout=10) as response:
            nonce = json.load(response)["nonce"]
        signed = "\x00".join((nonce, localpart, password, "admin" if admin else "notadmin"))
        mac = hmac.new(self.shared_secret.encode(), signed.encode(), hashlib.sha1)
        body = {
            "nonce": nonce,
            "username": localpart,
            "password": password,
            "admin": admin,
            "mac": mac.hexdigest(),
        }
        request = urllib.request.Request(
            url,
            data=json.dumps(body).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return json.load(response)["user_id"]
        except urllib.error.HTTPError as error:
            detail = error.read().decode(errors="replace")
            raise SynapseError(f"registering {localpart!r} failed: {error.code} {detail}")

    def __enter__(self) -> SynapseServer:
        self.start()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.cleanup()
