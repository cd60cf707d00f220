"""The fake Bot API's chat state and its synchronous methods (everything except getUpdates).

Separate from the HTTP layer so the rules (ids, edits, validation errors) read in one place.
"""

from __future__ import annotations

import itertools
import json
import time
from collections.abc import Callable
from typing import Any

from tests.telegram_harness import objects
from tests.telegram_harness.records import StoredFile, StoredMessage, UploadedFile

MAX_TEXT_LENGTH = 4096
MAX_CALLBACK_DATA_BYTES = 64


class ApiError(Exception):
    """An error answer as Telegram gives it (`ok: false`)."""

    def __init__(self, status: int, description: str, retry_after: int | None = None) -> None:
        super().__init__(description)
        self.status = status
        self.description = description
        self.retry_after = retry_after

    def body(self) -> dict[str, Any]:
        body: dict[str, Any] = {
            "ok": False,
            "error_code": self.status,
            "description": self.description,
        }
        if self.retry_after is not None:
            body["parameters"] = {"retry_after": self.retry_after}
        return body


def _chat_id(params: dict[str, Any]) -> int:
    try:
        return int(params["chat_id"])
    except (KeyError, TypeError, ValueError):
        raise ApiError(400, "Bad Request: chat not found") from None


def _check_reply_markup(markup: Any) -> dict[str, Any] | None:
    if markup is None:
        return None
    if isinstance(markup, str):  # JSON-bodied clients may still send it encoded
        markup = json.loads(markup)
    for row in markup.get("inline_keyboard", []):
        for button in row:
            data = button.get("callback_data")
            if data is not None and len(data.encode()) > MAX_CALLBACK_DATA_BYTES:
                raise ApiError(400, "Bad Request: BUTTON_DATA_INVALID")
    return markup


class BotApiState:
    """Chats, messages, files, commands and webhook settings of one fake bot."""

    def __init__(self, bot_id: int) -> None:
        self.bot_id = bot_id
        self.bot = objects.bot_user(bot_id)
        self.messages: dict[int, dict[int, StoredMessage]] = {}
        self.chat_types: dict[int, str] = {}
        self.files: dict[str, StoredFile] = {}
        self.commands: dict[str, list[dict[str, Any]]] = {}
        self.webhook_url = ""
        self.webhook_secret: str | None = None
        self.answered_callbacks: dict[str, dict[str, Any]] = {}
        self._message_ids: dict[int, itertools.count[int]] = {}
        self._file_ids = itertools.count(1)
        self.methods: dict[str, Callable[[dict[str, Any], dict[str, UploadedFile]], Any]] = {
            "getMe": lambda p, f: self.bot,
            "deleteWebhook": self._delete_webhook,
            "setWebhook": self._set_webhook,
            "getWebhookInfo": self._get_webhook_info,
            "sendMessage": self._send_message,
            "editMessageText": self._edit_message_text,
            "editMessageReplyMarkup": self._edit_reply_markup,
            "deleteMessage": self._delete_message,
            "answerCallbackQuery": self._answer_callback,
            "setMyCommands": self._set_commands,
            "getMyCommands": lambda p, f: self.commands.get(self._commands_key(p), []),
            "deleteMyCommands": self._delete_commands,
            "sendChatAction": lambda p, f: _chat_id(p) is not None,
            "sendDocument": self._send_document,
            "getFile": self._get_file,
            "close": lambda p, f: True,
            "logOut": lambda p, f: True,
        }
        # set by the server: dropping queued updates belongs to the update queue
        self.on_drop_pending: Callable[[], None] = lambda: None

    # ----- messages -------------------------------------------------------------------

    def next_message_id(self, chat_id: int) -> int:
        return next(self._message_ids.setdefault(chat_id, itertools.count(1)))

    def chat_obj(self, chat_id: int) -> dict[str, Any]:
        return objects.chat(chat_id, self.chat_types.get(chat_id, "private"))

    def store(self, msg: StoredMessage) -> StoredMessage:
        self.messages.setdefault(msg.chat_id, {})[msg.message_id] = msg
        return msg

    def find(self, chat_id: int, message_id: int) -> StoredMessage | None:
        msg = self.messages.get(chat_id, {}).get(message_id)
        return None if msg is None or msg.deleted else msg

    def bot_message_json(self, msg: StoredMessage) -> dict[str, Any]:
        # Telegram echoes only inline keyboards in a Message; reply keyboards stay client-side
        inline = msg.reply_markup if msg.reply_markup and "inline_keyboard" in msg.reply_markup else None
        content: dict[str, Any] = {"text": msg.text, "reply_markup": inline}
        if msg.document is not None:
            stored = self.files[msg.document_file_id or ""]
            content = {
                "caption": msg.caption,
                "reply_markup": inline,
                "document": objects.document(
                    stored.file_id,
                    stored.file_unique_id,
                    msg.document.filename,
                    msg.document.content_type,
                    len(stored.data),
                ),
            }
        if msg.edit_count:
            content["edit_date"] = int(time.time())
        return objects.message(self.chat_obj(msg.chat_id), self.bot, msg.message_id, **content)

    def _send_message(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat_id = _chat_id(params)
        text = str(params.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        if len(text) > MAX_TEXT_LENGTH:
            raise ApiError(400, "Bad Request: message is too long")
        msg = self.store(
            StoredMessage(
                chat_id=chat_id,
                message_id=self.next_message_id(chat_id),
                from_bot=True,
                text=text,
                parse_mode=params.get("parse_mode"),
                reply_markup=_check_reply_markup(params.get("reply_markup")),
            )
        )
        return self.bot_message_json(msg)

    def _target(self, params: dict[str, Any]) -> StoredMessage:
        if "inline_message_id" in params:
            raise ApiError(400, "Bad Request: inline messages are not supported by the fake")
        msg = self.find(_chat_id(params), int(params.get("message_id", 0)))
        if msg is None or not msg.from_bot:
            raise ApiError(400, "Bad Request: message to edit not found")
        return msg

    def _edit_message_text(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        msg = self._target(params)
        text = str(params.get("text") or "")
        if not text.strip():
            raise ApiError(400, "Bad Request: message text is empty")
        markup = _check_reply_markup(params.get("reply_markup"))
        if text == msg.text and markup == msg.reply_markup:
            # Telegram refuses no-op edits; PTB raises BadRequest for this
            raise ApiError(400, "Bad Request: message is not modified")
        msg.text, msg.parse_mode, msg.reply_markup = text, params.get("parse_mode"), markup
        msg.edit_count += 1
        return self.bot_message_json(msg)

    def _edit_reply_markup(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        msg = self._target(params)
        markup = _check_reply_markup(params.get("reply_markup"))
        if markup == msg.reply_markup:
            raise ApiError(400, "Bad Request: message is not modified")
        msg.reply_markup = markup
        msg.edit_count += 1
        return self.bot_message_json(msg)

    def _delete_message(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        msg = self.find(_chat_id(params), int(params.get("message_id", 0)))
        if msg is None:
            raise ApiError(400, "Bad Request: message to delete not found")
        msg.deleted = True
        return True

    def _answer_callback(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        query_id = str(params.get("callback_query_id", ""))
        if query_id in self.answered_callbacks:
            raise ApiError(400, "Bad Request: query is too old and response timeout expired")
        self.answered_callbacks[query_id] = params
        return True

    # ----- documents and files ----------------------------------------------------------

    def register_file(self, data: bytes, folder: str, suffix: str = "") -> StoredFile:
        number = next(self._file_ids)
        stored = StoredFile(
            file_id=f"FILE{number:06d}{folder}",
            file_unique_id=f"U{number:06d}",
            file_path=f"{folder}/file_{number}{suffix}",
            data=data,
        )
        self.files[stored.file_id] = stored
        return stored

    def _send_document(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        chat_id = _chat_id(params)
        upload = files.get("document")
        if upload is None:  # re-sending an existing file_id
            known = self.files.get(str(params.get("document", "")))
            if known is None:
                raise ApiError(400, "Bad Request: wrong file identifier/HTTP URL specified")
            upload = UploadedFile(None, None, known.data)
        stored = self.register_file(upload.data, "documents", _suffix(upload.filename))
        msg = StoredMessage(
            chat_id=chat_id,
            message_id=self.next_message_id(chat_id),
            from_bot=True,
            document=upload,
            caption=params.get("caption"),
            parse_mode=params.get("parse_mode"),
            reply_markup=_check_reply_markup(params.get("reply_markup")),
            document_file_id=stored.file_id,
        )
        return self.bot_message_json(self.store(msg))

    def _get_file(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        stored = self.files.get(str(params.get("file_id", "")))
        if stored is None:
            raise ApiError(400, "Bad Request: invalid file_id")
        return {
            "file_id": stored.file_id,
            "file_unique_id": stored.file_unique_id,
            "file_size": len(stored.data),
            "file_path": stored.file_path,
        }

    def file_by_path(self, file_path: str) -> StoredFile | None:
        return next((f for f in self.files.values() if f.file_path == file_path), None)

    # ----- commands and webhook ---------------------------------------------------------

    @staticmethod
    def _commands_key(params: dict[str, Any]) -> str:
        scope = params.get("scope") or {"type": "default"}
        return json.dumps([scope, params.get("language_code") or ""], sort_keys=True)

    def _set_commands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        commands = params.get("commands")
        if not isinstance(commands, list):
            raise ApiError(400, "Bad Request: commands must be a list")
        self.commands[self._commands_key(params)] = commands
        return True

    def _delete_commands(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        self.commands.pop(self._commands_key(params), None)
        return True

    def _delete_webhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        self.webhook_url, self.webhook_secret = "", None
        if params.get("drop_pending_updates"):
            self.on_drop_pending()
        return True

    def _set_webhook(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        self.webhook_url = str(params.get("url") or "")
        self.webhook_secret = params.get("secret_token")
        if params.get("drop_pending_updates"):
            self.on_drop_pending()
        return True

    def _get_webhook_info(self, params: dict[str, Any], files: dict[str, UploadedFile]) -> Any:
        return {"url": self.webhook_url, "has_custom_certificate": False, "pending_update_count": 0}


def _suffix(filename: str | None) -> str:
    if filename and "." in filename:
        return "." + filename.rsplit(".", 1)[1]
    return ""

