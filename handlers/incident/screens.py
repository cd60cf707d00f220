"""What the incident flow shows: texts from knowledge/data/incident.yaml, options, summary."""

from __future__ import annotations

from typing import Any

from handlers.answers import Choice
from handlers.incident.dates import When
from handlers.messages import Option, OutboundMessage
from handlers.state import ConversationState, Context

TEXT_FIELDS = ("affected", "where", "what", "who", "witnesses")
FIELDS = ("affected", "when", "where", "what", "who", "witnesses", "evidence", "reported")


def say(ctx: Context, name: str, lang: str, **fields: object) -> str:
    text = getattr(ctx.knowledge.incident, name).get(lang)
    return text.format(**fields) if fields else text


def choice(ctx: Context, id_: str, text_name: str, *aliases: str) -> Choice:
    text = getattr(ctx.knowledge.incident, text_name)
    return Choice(id_, text.de, text.en, aliases)


def message(state: ConversationState, text: str, choices: list[Choice]) -> OutboundMessage:
    return OutboundMessage(text, tuple(Option(c.id, c.label(state.lang)) for c in choices))


def size_label(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / 1024 / 1024:.1f} MB"
    return f"{max(1, round(size / 1024))} KB"


def evidence_line(meta: dict[str, Any]) -> str:
    """A file as the chat names it; its SHA-256 checksum is in the report, where it is useful."""
    return f"{meta['filename']} ({size_label(int(meta['size']))}, {meta['mime_type']})"


def field_value(ctx: Context, draft: dict[str, Any], name: str, lang: str) -> str:
    """A draft field as shown in the summary; 'not given' where skipped."""
    value = draft.get(name)
    if name == "when" and isinstance(value, dict):
        return When.from_json(value).label(lang) if value.get("date") else str(value.get("text", ""))
    if name == "reported":
        if value == "yes":
            number = draft.get("file_number")
            yes = say(ctx, "reported_yes", lang)
            return f"{yes} ({say(ctx, 'field_file_number', lang)}: {number})" if number else yes
        if value == "no":
            return say(ctx, "reported_no", lang)
        return say(ctx, "not_given", lang)
    return str(value) if value else say(ctx, "not_given", lang)


def summary_text(state: ConversationState, ctx: Context) -> str:
    lang, pending = state.lang, state.pending
    draft = pending.get("draft", {})
    lines = [say(ctx, "summary_header", lang), ""]
    for name in FIELDS:
        if name == "evidence":
            items = [evidence_line(m) for m in pending.get("evidence", [])] + list(draft.get("links", []))
            value = "\n  • " + "\n  • ".join(items) if items else say(ctx, "not_given", lang)
        else:
            value = field_value(ctx, draft, name, lang)
        lines.append(f"{say(ctx, 'field_' + name, lang)}: {value}")
    return "\n".join(lines)
