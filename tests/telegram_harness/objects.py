"""Builders for Bot API JSON objects (users, chats, messages, updates) as Telegram sends them.

Pure functions: no state, no I/O. Field names follow https://core.telegram.org/bots/api.
"""

from __future__ import annotations

import time
from typing import Any

BOT_FIRST_NAME = "Schutzlotse Test"
BOT_USERNAME = "schutzlotse_test_bot"


def bot_user(bot_id: int) -> dict[str, Any]:
    """The bot as getMe returns it."""
    return {
        "id": bot_id,
        "is_bot": True,
        "first_name": BOT_FIRST_NAME,
        "username": BOT_USERNAME,
        "can_join_groups": True,
        "can_read_all_group_messages": False,
        "supports_inline_queries": False,
        "can_connect_to_business": False,
        "has_main_web_app": False,
    }


def human_user(user_id: int, language_code: str | None = "de") -> dict[str, Any]:
    user: dict[str, Any] = {"id": user_id, "is_bot": False, "first_name": f"User{user_id}"}
    if language_code:
        user["language_code"] = language_code
    return user


def chat(chat_id: int, chat_type: str = "private") -> dict[str, Any]:
    if chat_type == "private":
        return {"id": chat_id, "type": "private", "first_name": f"User{chat_id}"}
    return {"id": chat_id, "type": chat_type, "title": f"Chat {chat_id}"}


def message(
    chat_obj: dict[str, Any], sender: dict[str, Any], message_id: int, **content: Any
) -> dict[str, Any]:
    """A Message; `content` holds text/photo/location/... fields, None values are dropped."""
    msg: dict[str, Any] = {
        "message_id": message_id,
        "date": int(time.time()),
        "chat": chat_obj,
        "from": sender,
    }
    msg.update({key: value for key, value in content.items() if value is not None})
    return msg


def command_entities(text: str) -> list[dict[str, Any]] | None:
    """The bot_command entity Telegram adds to a leading /command (CommandHandler needs it)."""
    if not text.startswith("/"):
        return None
    command = text.split(maxsplit=1)[0] if text.strip() else text
    # offsets and lengths count UTF-16 code units
    return [{"type": "bot_command", "offset": 0, "length": len(command.encode("utf-16-le")) // 2}]


def callback_query(
    query_id: str, sender: dict[str, Any], msg: dict[str, Any], data: str
) -> dict[str, Any]:
    return {
        "id": query_id,
        "from": sender,
        "message": msg,
        "chat_instance": f"ci{msg['chat']['id']}",
        "data": data,
    }


def document(file_id: str, unique_id: str, file_name: str | None, mime: str | None, size: int):
    doc: dict[str, Any] = {"file_id": file_id, "file_unique_id": unique_id, "file_size": size}
    if file_name:
        doc["file_name"] = file_name
    if mime:
        doc["mime_type"] = mime
    return doc


def photo_sizes(file_id: str, unique_id: str, size: int) -> list[dict[str, Any]]:
    return [
        {
            "file_id": file_id,
            "file_unique_id": unique_id,
            "width": 800,
            "height": 600,
            "file_size": size,
        }
    ]
