"""The texts of an escalation: the alert an officer gets, and what the user is told."""

from __future__ import annotations

from bot.escalation.answers import CloseAlert, TakeAlert, option
from bot.escalation.records import Escalation
from handlers.messages import ContactCard, OutboundMessage
from knowledge.base import Knowledge
from knowledge.escalation_policy import EscalationTexts
from knowledge.roster import BERLIN



def texts(k: Knowledge) -> EscalationTexts:
    assert k.escalation is not None
    return k.escalation.texts


def map_link(lat: float, lon: float) -> str:
    return f"https://www.openstreetmap.org/?mlat={lat:.5f}&mlon={lon:.5f}#map=16/{lat:.5f}/{lon:.5f}"


def _where(k: Knowledge, esc: Escalation, lang: str) -> str:
    parts = []
    if esc.place_name:
        parts.append(esc.place_name)
    if esc.direktion:
        pd = next((d for d in k.police.direktionen if d.id == esc.direktion), None)
        if pd is not None:
            parts.append(f"({pd.name.get(lang)})")
    if esc.lat is not None and esc.lon is not None:
        parts.append(map_link(esc.lat, esc.lon))
    return " ".join(parts) or texts(k).unknown_value.get(lang)


def _category(k: Knowledge, esc: Escalation, lang: str) -> str:
    category = k.categories.get(esc.category) if esc.category else None
    label = texts(k).category_emergency.get(lang)
    return f"{label}; {category.label.get(lang)}" if category else label


def alert_message(k: Knowledge, esc: Escalation, step: int, lang: str) -> OutboundMessage:
    t = texts(k)
    text = t.alert.get(lang).format(
        ref=esc.ref,
        step=step + 1,
        total=esc.total_steps,
        category=_category(k, esc, lang),
        where=_where(k, esc, lang),
        phone=esc.phone or t.unknown_value.get(lang),
        time=esc.created_at.astimezone(BERLIN).strftime("%d.%m.%Y %H:%M"),
    )
    return OutboundMessage(text, (option(TakeAlert(esc.ref), t.option_ack.get(lang)),),
                           emergency=True, category="emergency")


def owner_message(k: Knowledge, esc: Escalation, lang: str) -> OutboundMessage:
    t = texts(k)
    text = t.acked_owner.get(lang).format(ref=esc.ref, phone=esc.phone or t.unknown_value.get(lang))
    return OutboundMessage(text, (option(CloseAlert(esc.ref), t.option_close.get(lang)),))


def notruf_card(k: Knowledge, lang: str) -> tuple[ContactCard, ...]:
    from handlers.result import contact_card

    return (contact_card(k, "notruf", lang),) if "notruf" in k.contacts else ()


def call_110(k: Knowledge, esc: Escalation, text_name: str) -> OutboundMessage:
    """Plainly: call 110 (again), with the emergency contact card."""
    text = getattr(texts(k), text_name).get(esc.lang).format(ref=esc.ref)
    return OutboundMessage(text, contacts=notruf_card(k, esc.lang), emergency=True, category="emergency")
