"""Small operational parts: log formats, proxies from the environment, settings, the
example roster warning, sd_notify outside systemd, and the channel-down alert."""

from __future__ import annotations

import asyncio
import io
import json
import logging
import re
import subprocess

import pytest

from bot.config import ConfigError, load_settings
from bot.logging_setup import setup_logging
from bot.proxies import proxy_for
from bot.sdnotify import notify, watchdog_seconds
from tests.ops_helpers import BIN, bot_env
from tests.telegram_harness import FakeBotApi, free_port

ISO_WITH_ZONE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d")


@pytest.fixture
def restore_logging():
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in list(root.handlers):
        root.removeHandler(handler)
    for handler in handlers:
        root.addHandler(handler)
    root.setLevel(level)


def test_text_logs_carry_a_time_zone(restore_logging):
    out = io.StringIO()
    setup_logging("INFO", "text", out)
    logging.getLogger("bot.test").info("escalation %s taken", "AB12CD")
    line = out.getvalue().strip()
    assert ISO_WITH_ZONE.match(line), line
    assert line.endswith("INFO bot.test: escalation AB12CD taken")


def test_json_logs_are_one_object_per_line(restore_logging):
    out = io.StringIO()
    setup_logging("INFO", "json", out)
    logging.getLogger("bot.test").warning("telegram: not connected (%s)", "NetworkError")
    record = json.loads(out.getvalue())
    assert record["level"] == "WARNING" and record["logger"] == "bot.test"
    assert record["message"] == "telegram: not connected (NetworkError)"
    assert ISO_WITH_ZONE.match(record["time"]), record["time"]


def test_proxies_come_from_the_environment(monkeypatch):
    for name in ("https_proxy", "HTTPS_PROXY", "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    assert proxy_for("https://matrix.example.org") is None
    monkeypatch.setenv("HTTPS_PROXY", "http://proxy.land.sachsen.de:8080")
    monkeypatch.setenv("NO_PROXY", "localhost,.intern.example")
    assert proxy_for("https://matrix.example.org") == "http://proxy.land.sachsen.de:8080"
    assert proxy_for("https://chat.intern.example") is None
    assert proxy_for("http://localhost:8008") is None


def test_status_listen_setting(monkeypatch):
    monkeypatch.setenv("SCHUTZLOTSE_STATUS_LISTEN", "0.0.0.0:9100")
    assert load_settings().status_address == ("0.0.0.0", 9100)
    monkeypatch.setenv("SCHUTZLOTSE_STATUS_LISTEN", "off")
    assert load_settings().status_address is None
    monkeypatch.setenv("SCHUTZLOTSE_STATUS_LISTEN", "everywhere")
    with pytest.raises(ConfigError, match="SCHUTZLOTSE_STATUS_LISTEN"):
        load_settings()


def test_notify_is_a_no_op_outside_systemd(monkeypatch):
    monkeypatch.delenv("NOTIFY_SOCKET", raising=False)
    monkeypatch.delenv("WATCHDOG_USEC", raising=False)
    assert notify("READY=1") is False
    assert watchdog_seconds() is None
    monkeypatch.setenv("WATCHDOG_USEC", "60000000")
    assert watchdog_seconds() == 30.0


def test_knowledge_check_and_the_start_warn_about_the_example_roster(tmp_path):
    check = subprocess.run([str(BIN), "knowledge", "check"], env=bot_env(tmp_path / "data"),
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0
    assert re.search(r"^warning: roster.yaml:\d+ \[example\] .*EXAMPLE roster", check.stdout, re.M), check.stdout
    chat = subprocess.run([str(BIN), "chat", "--jsonl"], env=bot_env(tmp_path / "data"), input='{"command": "notfall"}\n',
                          capture_output=True, text=True, timeout=120)
    assert chat.returncode == 0
    assert "escalation to the on-duty police is OFF" in chat.stderr
    first = json.loads(chat.stdout.splitlines()[0])
    assert "110" in first["text"] and "escalate" not in [o["id"] for o in first["options"]]


async def test_a_channel_down_too_long_is_reported_to_the_admins_on_another(tmp_path):
    from tests.test_status import serving, settings_for
    from tests.escalation_helpers import knowledge_dir

    async with FakeBotApi() as api:
        settings = settings_for(
            tmp_path, api, knowledge_dir(tmp_path), channel_alert_minutes=0.01,
            matrix_homeserver=f"http://127.0.0.1:{free_port()}", matrix_user="@bot:localhost",
            matrix_password="x", admins=["telegram:99:99", "matrix:!room:localhost:@admin:localhost"])
        async with serving(settings, api):
            await api.wait_for(lambda c: c.method == "sendMessage" and str(c.params.get("chat_id")) == "99"
                               and "Matrix" in c.params.get("text", ""), timeout=30)
            text = next(m.text for m in api.sent_messages(99) if "Matrix" in m.text)
            assert "Der Kanal Matrix ist seit" in text and "nicht verbunden" in text
            assert "110" not in text  # operational news, not an emergency banner
