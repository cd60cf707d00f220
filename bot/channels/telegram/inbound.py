"""Telegram updates -> neutral inbound events (the mapping table in that direction).

Pure: no Bot API calls. Attachments are described here and downloaded by the channel.
"""

from __future__ import annotations

from dataclasses import dataclass

from telegram import Message, Update

from handlers.messages import ContactIn, ConversationKey, Inbound, LocationIn, TextIn

CHANNEL = "telegram"
MAX_DOWNLOAD_BYTES = 20 * 1024 * 1024  # the Bot API's getFile limit


@dataclass(frozen=True)
class FileRef:
    """A photo or document to fetch with getFile; size may be unknown (None)."""

    file_id: str
    filename: str
    mime_type: str
    size: int | None


def conversation_key(chat_id: int, user_id: int) -> ConversationKey:
    return ConversationKey(CHANNEL, str(chat_id), str(user_id))


def lang_hint(update: Update) -> str | None:
    user = update.effective_user
    return user.language_code if user is not None else None


def message_event(message: Message, key: ConversationKey, hint: str | None) -> Inbound | FileRef | None:
    """The event for a user's message, a FileRef to download, or None (nothing for us)."""
    if message.text is not None:
        return TextIn(key=key, lang_hint=hint, text=message.text)
    if message.location is not None:
        return LocationIn(
            key=key, lang_hint=hint, lat=message.location.latitude, lon=message.location.longitude
        )
    if message.contact is not None:
        return ContactIn(key=key, lang_hint=hint, phone=message.contact.phone_number)
    if message.photo:
        largest = max(message.photo, key=lambda p: (p.width * p.height, p.file_size or 0))
        return FileRef(
            largest.file_id, f"photo_{largest.file_unique_id}.jpg", "image/jpeg", largest.file_size
        )
    if message.document is not None:
        doc = message.document
        return FileRef(
            doc.file_id,
            doc.file_name or f"document_{doc.file_unique_id}",
            doc.mime_type or "application/octet-stream",
            doc.file_size,
        )
    return None
