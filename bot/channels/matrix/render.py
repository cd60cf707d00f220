"""Matrix bodies for neutral messages: a plain body and an HTML body with a numbered list."""

from __future__ import annotations

import html
import re

from bot.render import message_text
from handlers.messages import ContactCard, Option, OutboundMessage

KEYCAPS = ("1️⃣", "2️⃣", "3️⃣", "4️⃣", "5️⃣", "6️⃣", "7️⃣", "8️⃣", "9️⃣", "🔟")


def _lines(text: str) -> str:
    return html.escape(text).replace("\n", "<br>")


def _link(href: str, label: str) -> str:
    return f'<a href="{html.escape(href, quote=True)}">{html.escape(label)}</a>'


def card_html(card: ContactCard) -> str:
    rows = [f"<strong>{html.escape(card.name)}</strong>"]
    if card.phone:
        rows.append("☎ " + _link("tel:" + re.sub(r"[^0-9+]", "", card.phone), card.phone))
    if card.email:
        rows.append("✉ " + _link("mailto:" + card.email, card.email))
    if card.web:
        web = card.web if card.web.startswith(("https://", "http://")) else None
        rows.append("🌐 " + (_link(web, card.web) if web else html.escape(card.web)))
    for symbol, value in (("📍", card.address), ("🕒", card.hours)):
        if value:
            rows.append(f"{symbol} {html.escape(value)}")
    if card.note:
        rows.append(_lines(card.note))
    return "<p>" + "<br>".join(rows) + "</p>"


def options_html(options: tuple[Option, ...]) -> str:
    return "<ol>" + "".join(f"<li>{html.escape(o.label)}</li>" for o in options) + "</ol>"


def message_content(message: OutboundMessage) -> dict:
    """One m.text event: the plain body is what text-only clients and notifications show."""
    body = message_text(message)
    text = _lines(message.text)
    if message.emergency:
        text = f"<strong>{text}</strong>"
        body = "⚠️ " + body
    parts = [f"<p>{text}</p>"] if message.text else []
    parts += [card_html(card) for card in message.contacts]
    if message.options:
        parts.append(options_html(message.options))
    return {
        "msgtype": "m.text",
        "body": body,
        "format": "org.matrix.custom.html",
        "formatted_body": "".join(parts),
    }


def reaction_content(event_id: str, index: int) -> dict:
    return {
        "m.relates_to": {"rel_type": "m.annotation", "event_id": event_id, "key": KEYCAPS[index]}
    }


def option_for_reply(text: str, options: tuple[Option, ...]) -> Option | None:
    """The option a typed reply names exactly: its number ("2", "2.", "2)") or its label."""
    cleaned = text.strip().rstrip(".)").strip()
    if cleaned.isdigit() and 1 <= int(cleaned) <= len(options):
        return options[int(cleaned) - 1]
    folded = text.strip().casefold()
    return next((o for o in options if o.label.casefold() == folded), None)
