"""The report of one record, as plain text and as PDF (fpdf2 with an embedded DejaVu font).

Both hold the reference, the category and its legal note, every field (the affected person
and office first), the evidence list with SHA-256 and receipt times, the complaint deadline
where one applies, and the contacts as users see them (never where their facts come from).
The PDF is left-aligned and shows image evidence itself, not only its name.
"""

from __future__ import annotations

import datetime as dt
import io
import logging
from dataclasses import dataclass
from importlib import resources
from typing import TYPE_CHECKING, Any

from bot.incidents.records import Incident
from handlers.incident.dates import BERLIN, When
from handlers.incident.screens import FIELDS, field_value, size_label
from handlers.result import FALLBACK_CATEGORY, report_cards
from handlers.state import ConversationState, Context
from handlers.messages import ContactCard, ConversationKey
from knowledge.base import Knowledge

if TYPE_CHECKING:
    from fpdf import FPDF

FONT_DIR = resources.files("bot.incidents") / "fonts"
logging.getLogger("fontTools").setLevel(logging.WARNING)  # its INFO lines list glyph names
IMAGE_TYPES = frozenset({"image/jpeg", "image/png", "image/gif", "image/webp"})
IMAGE_MAX_W, IMAGE_MAX_H = 120.0, 110.0  # mm: large enough to read a screenshot, two per page
CARD_LABELS = {"de": ("Telefon", "E-Mail", "Web", "Adresse", "Zeiten"), "en": ("Phone", "E-mail", "Web", "Address", "Hours")}


def _card(card: ContactCard, lang: str) -> str:
    """A contact card in words (the chat's symbols are not in the PDF font)."""
    labels = CARD_LABELS["en" if lang == "en" else "de"]
    values = (card.phone, card.email, card.web, card.address, card.hours)
    lines = [card.name] + [f"  {label}: {value}" for label, value in zip(labels, values) if value]
    if card.note:
        lines.append(f"  {card.note}")
    return "\n".join(lines)


@dataclass
class Section:
    heading: str
    lines: list[str]
    images: list[str] | None = None  # evidence ids whose image follows the section's lines


def _local(value: str | dt.datetime, lang: str) -> str:
    moment = dt.datetime.fromisoformat(value) if isinstance(value, str) else value
    return moment.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M")  # 25.11.2026 22:00 in both languages


def sections(k: Knowledge, incident: Incident, lang: str) -> list[Section]:
    t = k.incident
    data: dict[str, Any] = incident.data
    category_id = data.get("category") if data.get("category") in k.categories else FALLBACK_CATEGORY
    category = k.categories[category_id]
    ctx = Context(key=ConversationKey("report", "", ""), knowledge=k, now=incident.updated_at)
    head = [
        f"{t.report_reference.get(lang)}: {incident.ref}",
        f"{t.report_created.get(lang)}: {_local(incident.created_at, lang)}",
        f"{t.report_status.get(lang)}: {getattr(t, 'status_' + incident.status).get(lang)}",
        f"{t.report_category.get(lang)}: {category.label.get(lang)}",
    ]
    out = [Section(t.report_title.get(lang), head)]
    if category.legal:
        legal = [category.legal.text.get(lang)]
        if category.legal.complaint_required:
            deadline = data.get("deadline")
            label = When(dt.date.fromisoformat(deadline)).label(lang) if deadline else "?"
            legal.append(t.report_deadline.get(lang).format(deadline=label))
        out.append(Section(t.report_legal.get(lang), legal))
    fields = [f"{getattr(t, 'field_' + n).get(lang)}: {field_value(ctx, data, n, lang)}" for n in FIELDS if n != "evidence"]
    out.append(Section(t.report_fields.get(lang), fields))
    evidence = [
        f"{e.filename} ({e.mime_type}, {size_label(e.size)}), {t.report_received.get(lang)} "
        f"{_local(e.received_at, lang)}\n  SHA-256: {e.sha256}"
        for e in incident.evidence
    ] or [t.report_no_evidence.get(lang)]
    if data.get("links"):
        evidence += [f"{t.report_links.get(lang)}:"] + [f"  {link}" for link in data["links"]]
    images = [e.id for e in incident.evidence if e.mime_type in IMAGE_TYPES]
    out.append(Section(t.report_evidence.get(lang), evidence, images))
    if data.get("log"):
        out.append(Section(t.report_log.get(lang), [f"{_local(e['at'], lang)}: {e['text']}" for e in data["log"]]))
    state = ConversationState(lang=lang, category=category_id, aspects=list(data.get("aspects", [])),
                              place_id=data.get("place_id"))
    cards = report_cards(k, state)
    out.append(Section(t.report_contacts.get(lang), [_card(c, lang) for c in cards]))
    return out


def footer(k: Knowledge, lang: str, now: dt.datetime) -> str:
    return k.incident.report_footer.get(lang).format(date=_local(now, lang))


def text_report(k: Knowledge, incident: Incident, lang: str, now: dt.datetime) -> str:
    parts = []
    for section in sections(k, incident, lang):
        parts.append(section.heading + "\n" + "=" * len(section.heading) + "\n" + "\n".join(section.lines))
    parts.append(footer(k, lang, now))
    return "\n\n".join(parts) + "\n"


def _image(pdf: FPDF, data: bytes) -> bool:
    """Embed one image scaled to fit IMAGE_MAX_W x IMAGE_MAX_H; False if it cannot be read."""
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            img.load()
            picture = img.convert("RGB") if img.mode not in ("RGB", "L") else img.copy()
    except Exception:  # noqa: BLE001 - a damaged upload (PIL even raises SyntaxError) is only listed
        return False
    width, height = picture.size
    scale = min(IMAGE_MAX_W / width, IMAGE_MAX_H / height)
    w, h = width * scale, height * scale
    if pdf.get_y() + h > pdf.page_break_trigger:
        pdf.add_page()
    pdf.image(picture, w=w, h=h)
    pdf.ln(2)
    return True


def pdf_report(
    k: Knowledge, incident: Incident, lang: str, now: dt.datetime, images: dict[str, bytes] | None = None
) -> bytes:
    """The PDF; `images` maps evidence ids to their decrypted bytes, to embed pictures."""
    from fpdf import FPDF  # here, not at the top: importing fpdf costs ~0.3 s of every start

    pdf = FPDF(format="A4")
    pdf.set_title(f"{k.incident.report_title.get(lang)} {incident.ref}")
    pdf.set_creator("Schutzlotse")
    pdf.add_font("DejaVu", "", str(FONT_DIR / "DejaVuSans.ttf"))
    pdf.add_font("DejaVu", "B", str(FONT_DIR / "DejaVuSans-Bold.ttf"))
    pdf.set_auto_page_break(True, margin=15)
    pdf.add_page()
    for index, section in enumerate(sections(k, incident, lang)):
        pdf.set_font("DejaVu", "B", 15 if index == 0 else 12)
        pdf.multi_cell(0, 8, section.heading, new_x="LMARGIN", new_y="NEXT")
        pdf.set_font("DejaVu", "", 10)
        for line in section.lines:
            pdf.multi_cell(0, 5, line, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(1)
        for evidence_id in section.images or []:
            if images and evidence_id in images:
                _image(pdf, images[evidence_id])
        pdf.ln(3)
    pdf.set_font("DejaVu", "", 8)
    pdf.multi_cell(0, 4, footer(k, lang, now), align="L", new_x="LMARGIN", new_y="NEXT")
    return bytes(pdf.output())
