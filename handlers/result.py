"""Composes the triage result: contact cards (local police first), next steps, legal hint."""

from __future__ import annotations

from handlers.messages import ContactCard, OutboundMessage
from handlers.police_card import police_cards
from handlers.state import ConversationState
from knowledge.base import Knowledge
from knowledge.schema import Contact

FALLBACK_CATEGORY = "unsure"


def contact_card(k: Knowledge, contact_id: str, lang: str) -> ContactCard:
    contact = k.contacts[contact_id]
    return ContactCard(
        id=contact_id,
        name=contact.name.get(lang),
        phone=contact.phone,
        email=contact.email,
        web=contact.web,
        address=contact.address,
        hours=contact.hours.get(lang) if contact.hours else None,
        note=_note(k, contact, lang),
    )


def _note(k: Knowledge, contact: Contact, lang: str) -> str:
    parts = [contact.what.get(lang)]
    if contact.phone_note:
        parts.append(contact.phone_note.get(lang))
    if not contact.phone:
        how = contact.how_else.get(lang) if contact.how_else else ""
        parts.append(k.texts.no_verified_phone.get(lang).format(how_else=how).strip())
    if contact.verified_on:
        parts.append(k.texts.source_note.get(lang).format(date=contact.verified_on.isoformat()))
    return " ".join(p for p in parts if p)


def _contact_ids(k: Knowledge, state: ConversationState, category_id: str, outside: bool) -> list[str]:
    category = k.categories[category_id]
    ids: list[str] = [k.catalogue.police_contact] if outside else []
    ids += category.contacts
    for aspect_id in (*category.aspects, *state.aspects):
        aspect = k.aspects.get(aspect_id)
        if aspect:
            ids += aspect.contacts
    if outside:
        allowed = set(k.catalogue.nationwide_contacts) | {k.catalogue.police_contact}
        ids = [i for i in ids if i in allowed] + k.catalogue.nationwide_contacts
    unique = [i for i in dict.fromkeys(ids) if i not in category.exclude_contacts]
    police = k.catalogue.police_contact
    # The local police always comes first when it is part of the route.
    return ([police] if police in unique else []) + [i for i in unique if i != police]


def result_messages(k: Knowledge, state: ConversationState) -> list[OutboundMessage]:
    lang = state.lang
    category_id = state.category if state.category in k.categories else FALLBACK_CATEGORY
    category = k.categories[category_id]
    place = k.places.get(state.place_id) if state.place_id else None
    outside = place is not None and not place.in_saxony
    cards = []
    for contact_id in _contact_ids(k, state, category_id, outside):
        if contact_id == k.catalogue.police_contact:
            cards.extend(police_cards(k, place, lang))
        elif contact_id in k.contacts:
            cards.append(contact_card(k, contact_id, lang))
    if place is not None:
        header = k.texts.result_header_place.get(lang).format(
            category=category.label.get(lang), place=place.name
        )
    else:
        header = k.texts.result_header.get(lang).format(category=category.label.get(lang))
    if outside:
        header = k.texts.place_outside.get(lang).format(place=place.name, state=place.state) + "\n\n" + header
    messages = [OutboundMessage(text=header, contacts=tuple(cards), category=category_id)]
    messages.append(OutboundMessage(text=_advice_text(k, state, category_id), category=category_id))
    return messages


def _advice_text(k: Knowledge, state: ConversationState, category_id: str) -> str:
    lang = state.lang
    category = k.categories[category_id]
    steps = list(category.steps.get(lang))
    for aspect_id in dict.fromkeys((*category.aspects, *state.aspects)):
        aspect = k.aspects.get(aspect_id)
        if aspect and aspect.steps:
            steps += aspect.steps.get(lang)
    lines = [k.texts.steps_header.get(lang)]
    lines += [f"• {step}" for step in dict.fromkeys(steps)]
    if category.legal:
        lines += ["", k.texts.legal_header.get(lang), category.legal.text.get(lang)]
        if category.legal.complaint_required:
            lines.append(k.texts.deadline.get(lang))
    return "\n".join(lines)
