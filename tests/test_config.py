"""Settings: defaults, environment variables, and clear errors that name the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings


@pytest.fixture(autouse=True)
def clean_env(monkeypatch, tmp_path):
    for name in list(__import__("os").environ):
        if name.startswith("SCHUTZLOTSE_"):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)  # no stray .env
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))


def test_defaults():
    settings = load_settings()
    assert settings.lang == "de"
    assert settings.session_timeout == 30
    assert settings.data_dir == Path(str(settings.data_dir))
    assert settings.db_path == settings.data_dir / "schutzlotse.db"
    assert "schutzlotse" in str(settings.data_dir)


def test_environment_overrides(monkeypatch, tmp_path):
    monkeypatch.setenv("SCHUTZLOTSE_DATA_DIR", str(tmp_path / "d"))
    monkeypatch.setenv("SCHUTZLOTSE_LANG", "en")
    monkeypatch.setenv("SCHUTZLOTSE_SESSION_TIMEOUT", "5")
    monkeypatch.setenv("SCHUTZLOTSE_ADMINS", "telegram:1:1, matrix:!r:x:@a:x")
    settings = load_settings()
    assert settings.db_path == tmp_path / "d" / "schutzlotse.db"
    assert settings.lang == "en" and settings.session_timeout == 5
    assert settings.admins == ["telegram:1:1", "matrix:!r:x:@a:x"]


def test_dotenv_file_is_read(tmp_path):
    (tmp_path / ".env").write_text("SCHUTZLOTSE_LANG=en\n")
    assert load_settings().lang == "en"


@pytest.mark.parametrize(
    ("name", "value"),
    [("SCHUTZLOTSE_LANG", "fr"), ("SCHUTZLOTSE_SESSION_TIMEOUT", "soon"), ("SCHUTZLOTSE_SESSION_TIMEOUT", "-1")],
)
def test_bad_value_names_the_variable(monkeypatch, name, value):
    monkeypatch.setenv(name, value)
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert name in str(info.value)


def test_cli_reports_bad_setting_and_exits_2(monkeypatch, capsys):
    from bot.cli import main

    monkeypatch.setenv("SCHUTZLOTSE_LANG", "fr")
    assert main(["chat", "--jsonl"]) == 2
    assert "SCHUTZLOTSE_LANG" in capsys.readouterr().err


def test_secrets_are_not_echoed_in_errors_or_repr(monkeypatch):
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_TOKEN", "123:SECRET-TOKEN")
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET", "bad secret with spaces")
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_URL", "https://bot.example.org/hook")
    with pytest.raises(ConfigError) as info:
        load_settings()
    assert "SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET" in str(info.value)
    assert "bad secret" not in str(info.value)
    monkeypatch.delenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET")
    monkeypatch.delenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_URL")
    assert "SECRET-TOKEN" not in repr(load_settings())
