"""The bare echo bot: the smallest real PTB Application, the baseline for throughput benches.

It answers every text message with the same text and nothing else.
"""

from __future__ import annotations

from telegram import Update
from telegram.ext import Application, ContextTypes, MessageHandler, filters


async def _echo(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    message = update.effective_message
    if message is None or message.text is None:
        return
    await context.bot.send_message(chat_id=message.chat_id, text=message.text)


def build_echo_application(
    server_url: str, token: str, *, concurrent_updates: bool | int = False
) -> Application:
    """An echo Application talking to the Bot API at `server_url` (e.g. FakeBotApi.url)."""
    app = (
        Application.builder()
        .token(token)
        .base_url(f"{server_url}/bot")
        .base_file_url(f"{server_url}/file/bot")
        .concurrent_updates(concurrent_updates)
        .build()
    )
    app.add_handler(MessageHandler(filters.TEXT, _echo))
    return app
