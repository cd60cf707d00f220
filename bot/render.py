"""Plain-text rendering of neutral messages, shared by the text-only channels."""

from __future__ import annotations

from handlers.messages import ContactCard, OutboundMessage


def card_lines(card: ContactCard) -> list[str]:
    lines = [card.name]
    for symbol, value in (
        ("☎", card.phone),
        ("✉", card.email),
        ("🌐", card.web),
        ("📍", card.address),
        ("🕒", card.hours),
    ):
        if value:
            lines.append(f"  {symbol} {value}")
    if card.note:
        lines.append(f"  {card.note}")
    return lines


def message_text(message: OutboundMessage, *, numbered_options: bool = True) -> str:
    """The whole message as text: body, contact cards, numbered options."""
    parts = [message.text]
    for card in message.contacts:
        parts.append("\n".join(card_lines(card)))
    if numbered_options and message.options:
        parts.append("\n".join(f"  {i}) {o.label}" for i, o in enumerate(message.options, 1)))
    return "\n\n".join(p for p in parts if p)
