"""Neutral outbound messages as Telegram HTML: escaping, contact cards, keyboards, splitting.

Pure functions, no I/O. Every dynamic part is escaped with html.escape; the only tags are
the ones written here (b, i, a), so a split on paragraph borders never cuts a tag.
"""

from __future__ import annotations

import hashlib
from html import escape

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, KeyboardButton, ReplyKeyboardMarkup

from handlers.messages import ContactCard, Option, OutboundMessage

MAX_TEXT = 4096
MAX_CAPTION = 1024
MAX_CALLBACK_BYTES = 64
EMERGENCY_MARK = "🚨"


def utf16_len(text: str) -> int:
    """Telegram counts text length in UTF-16 code units."""
    return len(text.encode("utf-16-le")) // 2


def callback_data(option_id: str) -> str:
    """The option id itself when it fits 64 bytes, else a short stable token ("~" + hash)."""
    if len(option_id.encode()) <= MAX_CALLBACK_BYTES and not option_id.startswith("~"):
        return option_id
    return "~" + hashlib.sha256(option_id.encode()).hexdigest()[:24]


def card_html(card: ContactCard) -> str:
    """A contact card: name bold, phone plain (Telegram makes numbers tappable), web linked."""
    lines = [f"<b>{escape(card.name)}</b>"]
    if card.phone:
        lines.append(f"☎ {escape(card.phone)}")
    if card.email:
        lines.append(f"✉ {escape(card.email)}")
    if card.web:
        web = card.web if card.web.startswith(("http://", "https://")) else f"https://{card.web}"
        lines.append(f'🌐 <a href="{escape(web, quote=True)}">{escape(card.web)}</a>')
    if card.address:
        lines.append(f"📍 {escape(card.address)}")
    if card.hours:
        lines.append(f"🕒 {escape(card.hours)}")
    if card.note:
        lines.append(f"<i>{escape(card.note)}</i>")
    return "\n".join(lines)


def paragraphs(message: OutboundMessage, emergency_label: str) -> list[str]:
    """The message as complete HTML paragraphs (each safe to send on its own)."""
    parts: list[str] = []
    if message.emergency:
        parts.append(f"{EMERGENCY_MARK} <b>{escape(emergency_label)}</b> {EMERGENCY_MARK}")
    parts += [escape(p) for p in message.text.split("\n\n") if p.strip()]
    parts += [card_html(card) for card in message.contacts]
    return parts or ["…"]


def split_html(parts: list[str], limit: int = MAX_TEXT) -> list[str]:
    """Join paragraphs with blank lines into chunks of at most `limit`, cutting only between
    paragraphs; a single paragraph that is too long is cut at lines, then at a safe spot."""
    pieces: list[str] = []
    for part in parts:
        pieces += [part] if utf16_len(part) <= limit else _cut(part, limit)
    chunks: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current}\n\n{piece}" if current else piece
        if utf16_len(candidate) <= limit:
            current = candidate
        else:
            chunks.append(current)
            current = piece
    if current:
        chunks.append(current)
    return chunks


def _cut(part: str, limit: int) -> list[str]:
    out: list[str] = []
    rest = part
    while utf16_len(rest) > limit:
        window = rest[:limit]
        while utf16_len(window) > limit:  # surrogate pairs count twice
            window = window[:-1]
        cut = window.rfind("\n")
        if cut <= 0:
            cut = window.rfind(" ")
        if cut <= 0:
            cut = len(window)
        amp = window.rfind("&", 0, cut)  # never cut an entity such as &amp; in half
        if amp != -1 and ";" not in window[amp:cut]:
            cut = amp or cut
        out.append(rest[:cut].rstrip())
        rest = rest[cut:].lstrip()
    if rest:
        out.append(rest)
    return out


def inline_keyboard(options: tuple[Option, ...]) -> InlineKeyboardMarkup:
    """One option per row: labels are sentences and must stay readable on a phone."""
    return InlineKeyboardMarkup(
        [[InlineKeyboardButton(o.label, callback_data=callback_data(o.id))] for o in options]
    )


def reply_keyboard(
    options: tuple[Option, ...], *, location_label: str | None, contact_label: str | None
) -> ReplyKeyboardMarkup:
    """Location/contact buttons live only on reply keyboards, which cannot be mixed with
    inline buttons; the options become text buttons (the core matches a typed label)."""
    rows: list[list[KeyboardButton]] = []
    if location_label:
        rows.append([KeyboardButton(location_label, request_location=True)])
    if contact_label:
        rows.append([KeyboardButton(contact_label, request_contact=True)])
    rows += [[KeyboardButton(o.label)] for o in options]
    return ReplyKeyboardMarkup(rows, resize_keyboard=True, one_time_keyboard=True)


def chosen_html(question_html: str, label: str) -> str:
    """The question after a button press: its text plus the chosen answer, no buttons."""
    text = f"{question_html}\n\n✅ <i>{escape(label)}</i>"
    return text if utf16_len(text) <= MAX_TEXT else question_html

