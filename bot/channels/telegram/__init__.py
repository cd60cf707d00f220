"""The Telegram channel (python-telegram-bot v22): started by `schutzlotse run` when
SCHUTZLOTSE_TELEGRAM_TOKEN is set. See docs/telegram.md."""

from __future__ import annotations

from collections.abc import Awaitable
from typing import TYPE_CHECKING

from bot.channels.telegram.channel import TelegramChannel, WebhookConfig
from bot.channels.telegram.inbox import TelegramInbox

if TYPE_CHECKING:
    from bot.app import App

__all__ = ["TelegramChannel", "TelegramInbox", "WebhookConfig", "start_telegram"]


def start_telegram(app: App) -> Awaitable[None] | None:
    """CHANNEL_STARTERS entry: the channel's run coroutine, or None without a token."""
    if not app.settings.telegram_token:
        return None
    assert app.data_key is not None, "open_app verifies the data key before channels start"
    inbox = TelegramInbox(app.engine.inbox)
    return TelegramChannel.from_settings(app.engine, app.settings, inbox).run()
