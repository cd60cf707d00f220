"""The Telegram channel's pure parts and settings: rendering, splitting, limits, config."""

from __future__ import annotations

import time

import pytest

from bot.channels.telegram import render, start_telegram
from bot.channels.telegram.sender import SendLimiter
from bot.config import ConfigError, Settings, load_settings
from bot.runner import CHANNEL_FACTORIES, telegram_factory
from handlers.messages import ContactCard, Option, OutboundMessage


def test_callback_data_is_the_option_id_or_a_short_token() -> None:
    assert render.callback_data("danger_no") == "danger_no"
    long_id = "esc_" + "ä" * 40  # 84 bytes
    token = render.callback_data(long_id)
    assert token.startswith("~") and len(token.encode()) <= 64
    assert token == render.callback_data(long_id)  # stable across processes
    keyboard = render.inline_keyboard((Option(long_id, "x"), Option("a", "A")))
    assert [row[0].callback_data for row in keyboard.inline_keyboard] == [token, "a"]


def test_contact_card_and_emergency_rendering() -> None:
    card = ContactCard(id="p", name="Polizei <Revier>", phone="0351 483", note="Tag & Nacht")
    message = OutboundMessage("Rufen Sie 110.", contacts=(card,), emergency=True)
    parts = render.paragraphs(message, "NOTFALL – Polizei 110")
    assert parts[0] == "🚨 <b>NOTFALL – Polizei 110</b> 🚨"
    assert parts[2] == "<b>Polizei &lt;Revier&gt;</b>\n☎ 0351 483\n<i>Tag &amp; Nacht</i>"


def test_split_prefers_paragraphs_and_never_cuts_an_entity() -> None:
    assert render.split_html(["a" * 10, "b" * 10], limit=25) == ["a" * 10 + "\n\n" + "b" * 10]
    assert render.split_html(["a" * 10, "b" * 10], limit=15) == ["a" * 10, "b" * 10]
    chunks = render.split_html(["x" * 8 + "&amp;" + "y" * 8], limit=10)
    assert all(len(c) <= 10 for c in chunks) and "".join(chunks) == "x" * 8 + "&amp;" + "y" * 8
    assert "&amp;" in chunks[1]
    emoji = render.split_html(["😀" * 10], limit=10)  # UTF-16: two units each
    assert [render.utf16_len(c) for c in emoji] == [10, 10]


async def test_limiter_spaces_messages_per_chat_but_not_across_chats() -> None:
    limiter = SendLimiter(per_second=0, per_chat=20, chat_burst=1)
    start = time.monotonic()
    for _ in range(3):
        await limiter.wait(1)
    one_chat = time.monotonic() - start
    start = time.monotonic()
    for chat in range(2, 20):
        await limiter.wait(chat)
    many_chats = time.monotonic() - start
    assert one_chat >= 0.09 and many_chats < 0.05
    overall = SendLimiter(per_second=50, per_chat=0, chat_burst=1)
    start = time.monotonic()
    for chat in range(60):  # 50 go at once (burst), the rest at 50/s
        await overall.wait(chat)
    assert 0.15 <= time.monotonic() - start < 1.0


def test_webhook_url_without_secret_is_a_config_error(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_URL", "https://bot.example.org/tg")
    with pytest.raises(ConfigError, match="SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET: .*required"):
        load_settings()
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET", "not allowed!")
    with pytest.raises(ConfigError, match="SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET"):
        load_settings()
    monkeypatch.setenv("SCHUTZLOTSE_TELEGRAM_WEBHOOK_SECRET", "Gut_und-sicher1")
    settings = load_settings()
    assert (settings.telegram_webhook_listen, settings.telegram_webhook_port) == ("127.0.0.1", 8443)


def test_channel_starts_only_with_a_token(tmp_path) -> None:  # type: ignore[no-untyped-def]
    class _App:
        settings = Settings(data_dir=tmp_path)

    assert CHANNEL_FACTORIES["telegram"] is telegram_factory
    assert start_telegram(_App()) is None  # type: ignore[arg-type]
    assert telegram_factory(_App()) is None  # type: ignore[arg-type]
