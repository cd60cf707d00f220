"""Composes the triage result for a phone: a short first screen and more on request.

`result_messages` is the short screen: one sentence that acknowledges the situation, at
most three contact cards (the local police first), at most four short steps and a legal
note of two sentences. `result_more` gives the rest of one part ("contacts", "advice",
"law") when the user asks for it; `more_topics` says which parts have more. Users see a
contact's name, purpose, how to reach it and at most one plain caveat; where the facts
come from (`source`, `verified_on`, `notes`) stays in the YAML for admins.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from handlers.answers import fold, holds_any, is_question
from handlers.messages import ContactCard, OutboundMessage
from handlers.police_card import CITY_LIST, district_stations, far_from_city, named_stations, police_cards
from handlers.state import ConversationState
from knowledge.base import Knowledge
from knowledge.extract import asked_again
from knowledge.places import Place
from knowledge.schema import Category, Contact, LegalHint

FALLBACK_CATEGORY = "unsure"
MAX_CARDS = 3
MAX_STEPS = 4
MAX_MESSAGE = 650  # characters as rendered: what fits a phone screen without scrolling far (600 until stop 44: the Onlinewache missed the first screen of 31 % of online cases, 9 % now)
TOPICS = ("contacts", "advice", "law")


# --- contact cards ------------------------------------------------------------------


def contact_card(k: Knowledge, contact_id: str, lang: str, *, full: bool = False) -> ContactCard:
    """A contact as users see it. In the chat (`full=False`) the card names one way to
    reach it besides the phone: the web page, else the address; the report shows all."""
    contact = k.contacts[contact_id]
    reach_web = full or not contact.phone
    return ContactCard(
        id=contact_id,
        name=contact.name.get(lang),
        phone=contact.phone,
        email=contact.email if full or not contact.phone else None,
        web=contact.web if reach_web else None,
        address=contact.address if full or not (contact.phone or contact.web) else None,
        hours=contact.hours.get(lang) if contact.hours else None,
        note=_note(k, contact, lang),
    )


def _note(k: Knowledge, contact: Contact, lang: str) -> str:
    """The purpose, how to reach it when there is no phone, and at most one caveat."""
    parts = [contact.what.get(lang)]
    if not contact.phone and contact.how_else:
        parts.append(contact.how_else.get(lang))
    if contact.phone and contact.phone_note:
        parts.append(contact.phone_note.get(lang))
    elif contact.phone and contact.verified_on is None:
        parts.append(k.texts.phone_unconfirmed.get(lang))
    return " ".join(p for p in parts if p)


def _police(k: Knowledge, place: Place | None, lang: str) -> list[ContactCard]:
    # The one seam for the police: whatever cards stand for the local police, first.
    return police_cards(k, place, lang)


# --- what the answer holds -----------------------------------------------------------


@dataclass(frozen=True)
class Answer:
    """One case's whole answer, split into what comes first and what comes on request."""

    category_id: str
    category: Category
    place: Place | None
    intro: str  # the acknowledgement and the header above the first cards
    cards: tuple[ContactCard, ...]  # every card of the route, the police first
    first: int  # how many of `cards` the first message shows
    steps: tuple[str, ...]


def card_chars(card: ContactCard) -> int:
    """A card's length as the plain-text renderers show it (the longest of the channels)."""
    fields = (card.phone, card.email, card.web, card.address, card.hours)
    lines = [card.name, *(f"  ☎ {v}" for v in fields if v)]
    if card.note:
        lines.append(f"  {card.note}")
    return len("\n".join(lines))


def _fitting(intro: str, cards: list[ContactCard], police: int) -> int:
    """How many cards fit the first message: the police always, then up to three in all
    while the message stays within MAX_MESSAGE characters."""
    used = len(intro) + sum(2 + card_chars(c) for c in cards[:police])
    count = police
    for card in cards[police:]:
        if count >= MAX_CARDS or used + 2 + card_chars(card) > MAX_MESSAGE:
            break
        used += 2 + card_chars(card)
        count += 1
    return count


def _category_id(k: Knowledge, state: ConversationState) -> str:
    return state.category if state.category in k.categories else FALLBACK_CATEGORY


def _aspect_ids(k: Knowledge, state: ConversationState, category: Category) -> list[str]:
    return [a for a in dict.fromkeys((*category.aspects, *state.aspects)) if a in k.aspects]


def _contact_ids(k: Knowledge, state: ConversationState, category_id: str, outside: bool) -> list[str]:
    category = k.categories[category_id]
    police = k.catalogue.police_contact
    aspect_ids = _aspect_ids(k, state, category)
    ids: list[str] = [police, *category.lead_contacts]
    order = list(k.aspects)
    for aspect_id in sorted(aspect_ids, key=order.index):  # the lead contacts in the order aspects are listed
        ids += k.aspects[aspect_id].lead_contacts
    ids += category.contacts
    for aspect_id in aspect_ids:
        ids += k.aspects[aspect_id].contacts
    for also in _also(k, state, category_id):  # a second offence the words fit: its contacts too
        ids += [i for i in k.categories[also].contacts if i not in category.exclude_contacts]
    if outside:
        allowed = set(k.catalogue.nationwide_contacts) | {police}
        ids = [i for i in ids if i in allowed] + k.catalogue.nationwide_contacts
    unique = [i for i in dict.fromkeys(ids) if i not in category.exclude_contacts]
    # The local police comes first in every route.
    return [police] + [i for i in unique if i != police]


def _lead_ids(k: Knowledge, state: ConversationState, category: Category) -> set[str]:
    """The contacts that lead this answer: the category's and its aspects' lead contacts."""
    ids = set(category.lead_contacts)
    for aspect_id in _aspect_ids(k, state, category):
        ids |= set(k.aspects[aspect_id].lead_contacts)
    return ids


STEP_OPENING_WORDS = 3  # "Erstatten Sie Anzeige": the same step, said for another offence


def _also(k: Knowledge, state: ConversationState, category_id: str) -> list[str]:
    return [c for c in state.also if c in k.categories and c != category_id]


def _steps(k: Knowledge, state: ConversationState, category: Category, lang: str) -> list[str]:
    """The category's steps and each aspect's, taken in turn, so that the first four
    already hold the first step of everything that applies (screenshots when online...)."""
    sources = [list(category.steps.get(lang))]
    sources += [list(k.categories[also].steps.get(lang)) for also in _also(k, state, _category_id(k, state))]
    for aspect_id in _aspect_ids(k, state, category):
        aspect = k.aspects[aspect_id]
        if aspect.steps:
            sources.append(list(aspect.steps.get(lang)))
    steps: list[str] = []
    for round_ in range(max((len(s) for s in sources), default=0)):
        steps += [s[round_] for s in sources if round_ < len(s)]
    # Two offences' steps often say one thing in two wordings ("Erstatten Sie Anzeige und
    # stellen Sie dabei Strafantrag." and "Erstatten Sie Anzeige bei der Polizei, vor Ort oder
    # online."): a second category's step that opens as an earlier step does is left out.
    own = set(category.steps.get(lang))
    opened: set[str] = set()
    kept: list[str] = []
    for step in dict.fromkeys(steps):
        opening = " ".join(step.split()[:STEP_OPENING_WORDS]).lower()
        if opening in opened and step not in own and any(step in k.categories[c].steps.get(lang) for c in state.also):
            continue
        opened.add(opening)
        kept.append(step)
    return kept


def offence_labels(k: Knowledge, ids: list[str], lang: str) -> str:
    """"Bedrohung und Nachstellung (Stalking)": the offences in the user's language."""
    return (" und " if lang == "de" else " and ").join(k.categories[c].label.get(lang) for c in ids)


def _intro(k: Knowledge, state: ConversationState, category_id: str, place: Place | None, lang: str) -> str:
    category = k.categories[category_id]
    # A second offence the words fit brings its contacts and steps: the header names it too.
    label = offence_labels(k, [category_id, *_also(k, state, category_id)], lang)
    if place is not None:
        header = k.texts.result_header_place.get(lang).format(category=label, place=place.name)
    else:
        header = k.texts.result_header.get(lang).format(category=label)
    for_someone = k.texts.acknowledge_for_someone if state.for_someone else None
    paragraphs = [(for_someone or category.acknowledge).get(lang)]
    if place is not None and not place.in_saxony:
        paragraphs.append(k.texts.place_outside.get(lang).format(place=place.name, state=place.state))
    paragraphs.append(header)
    return "\n\n".join(paragraphs)


def compose(k: Knowledge, state: ConversationState) -> Answer:
    answer = _compose(k, state, far_trails=True)
    if not any(card.phone for card in answer.cards[:answer.first]):
        # a first screen with nothing to call (Leipzig's Reviere and the Onlinewache): the
        # number outside the city comes on it after all
        answer = _compose(k, state, far_trails=False)
    return answer


def _compose(k: Knowledge, state: ConversationState, *, far_trails: bool) -> Answer:
    lang = state.lang
    category_id = _category_id(k, state)
    category = k.categories[category_id]
    place = k.places.get(state.place_id) if state.place_id else None
    outside = place is not None and not place.in_saxony
    cards: list[ContactCard] = []
    police = 0
    later: list[ContactCard] = []
    trailing: list[ContactCard] = []
    leads = _lead_ids(k, state, category)
    specialised = 0
    for contact_id in _contact_ids(k, state, category_id, outside):
        if contact_id == k.catalogue.police_contact:
            found = _police(k, place, lang)
            if len(found) > 1 and (found[0].phone and found[1].id.endswith(CITY_LIST) or far_trails and far_from_city(k, place)):
                # a city's other Reviere, beside its one with a number: after every other contact;
                # so is a Revier outside the city when none of its own has a number (a Leipzig
                # councillor threatened calls ZASTEX before Delitzsch, 21 km away)
                found, trailing = found[:1], found[1:]
            elif len(found) > 1 and found[1].phone not in _EMERGENCY_NUMBERS:
                # The second police card (a Revier without a known number, the switchboard, or
                # the far Revier with a number after the own one without) follows the lead
                # contacts (at least one): ZASTEX and the Onlinewache stay on the first screen.
                # (Without a Saxon place, 110 stays beside "name your town".)
                found, later = found[:1], found[1:]
            cards += found
            police = len(found)
        elif contact_id in k.contacts:
            card = contact_card(k, contact_id, lang)
            # (no number yet, and this card has none either: the police number first; the
            # Onlinewache after the own station without a number would leave none to call)
            if later and (specialised and contact_id not in leads or not card.phone and not any(c.phone for c in cards)):
                cards += later
                later = []
            cards.append(card)
            specialised += 1
    cards += later + trailing
    intro = _intro(k, state, category_id, place, lang)
    return Answer(
        category_id, category, place, intro, tuple(cards), _fitting(intro, cards, police),
        tuple(_steps(k, state, category, lang)),
    )


def report_cards(k: Knowledge, state: ConversationState) -> list[ContactCard]:
    """Every contact of the route with everything known about reaching it (for the report)."""
    answer = compose(k, state)
    return [
        contact_card(k, card.id, state.lang, full=True) if card.id in k.contacts else card
        for card in answer.cards
    ]


# --- the short screen and the rest -------------------------------------------------------


def result_messages(k: Knowledge, state: ConversationState) -> list[OutboundMessage]:
    """The short result: acknowledgement and the first cards; then steps and the legal note."""
    lang = state.lang
    answer = compose(k, state)
    messages = [
        OutboundMessage(text=answer.intro, contacts=answer.cards[: answer.first], category=answer.category_id)
    ]
    advice = [_bullets(k.texts.steps_header.get(lang), answer.steps[:MAX_STEPS])]
    if legal := _legal_hints(k, state, answer.category_id):
        # each offence's short note: "Private Daten veröffentlicht und Bedrohung" says § 126a and § 241
        advice.append(k.texts.legal_header.get(lang) + "\n" + "\n\n".join(h.short.get(lang) for h in legal))
    messages += [OutboundMessage(text=text, category=answer.category_id) for text in _packed(advice)]
    return messages


def _legal_hints(k: Knowledge, state: ConversationState, category_id: str) -> list[LegalHint]:
    """The legal hints of the offence and of a second one the words fit, in that order."""
    ids = [category_id, *_also(k, state, category_id)]
    return [k.categories[c].legal for c in ids if k.categories[c].legal is not None]


def more_topics(k: Knowledge, state: ConversationState) -> tuple[str, ...]:
    """The parts of the answer that have more than the short screen showed."""
    answer = compose(k, state)
    found = []
    if len(answer.cards) > answer.first:
        found.append("contacts")
    if len(answer.steps) > MAX_STEPS:
        found.append("advice")
    if _legal_hints(k, state, answer.category_id):
        found.append("law")
    return tuple(found)


def result_more(k: Knowledge, state: ConversationState, topic: str) -> list[OutboundMessage]:
    """The rest of one part of the answer; empty if there is nothing more."""
    lang = state.lang
    answer = compose(k, state)
    category_id = answer.category_id
    if topic == "contacts":
        return _card_messages(k.texts.more_contacts_header.get(lang), answer.cards[answer.first :], category_id)
    if topic == "advice":
        rest = answer.steps[MAX_STEPS:]
        if not rest:
            return []
        header = k.texts.more_advice_header.get(lang)
        return [OutboundMessage(text=text, category=category_id) for text in _packed([header, *(f"• {s}" for s in rest)], "\n")]
    if topic == "law" and (legal := _legal_hints(k, state, category_id)):
        # A blank line in the YAML text starts a new paragraph (folded text keeps it as "\n").
        paragraphs = [k.texts.legal_header.get(lang)]
        for hint in legal:
            paragraphs += hint.text.get(lang).splitlines()
        if any(hint.complaint_required for hint in legal):
            paragraphs.append(k.texts.deadline.get(lang))
        return [OutboundMessage(text=text, category=category_id) for text in _packed(paragraphs)]
    return []


def result_update(k: Knowledge, before: ConversationState, after: ConversationState) -> list[OutboundMessage]:
    """What a reply after the result changes in it: the places to turn to that it brings onto
    the first screen (the Onlinewache for "online", the police card for a town now named) or
    adds to the route, at most MAX_CARDS, and the steps it adds, at most MAX_STEPS."""
    old, new = compose(k, before), compose(k, after)
    shown = {(card.id, card.name) for card in old.cards[: old.first]}
    routed = {(card.id, card.name) for card in old.cards}
    promoted = [card for card in new.cards[: new.first] if (card.id, card.name) not in shown]
    added = [card for card in new.cards[new.first :] if (card.id, card.name) not in routed]
    cards = tuple(promoted + added)[:MAX_CARDS]
    steps = tuple(step for step in new.steps if step not in old.steps)[:MAX_STEPS]
    lang = after.lang
    header = k.texts.result_update_header.get(lang)
    moved = before.place_id is not None and after.place_id != before.place_id and after.place_id is not None
    if moved and (place := k.places.get(after.place_id)) is not None:
        header = k.texts.result_place_header.get(lang).format(place=place.name)
    messages = _card_messages(header, cards, new.category_id) if cards else []
    if steps:
        messages += [OutboundMessage(text=_bullets(k.texts.steps_header.get(lang), steps), category=new.category_id)]
    return messages


def added_law(k: Knowledge, before: ConversationState, after: ConversationState) -> list[OutboundMessage]:
    """The short legal note of each offence a reply added ("he also keyed my car, is that a
    crime?": what the law says about property damage), for a reply that asked about the law."""
    known = {before.category, *before.also}
    notes = [k.categories[c].legal.short.get(after.lang) for c in (after.category, *after.also)
             if c not in known and c in k.categories and k.categories[c].legal]
    if not notes:
        return []
    return [OutboundMessage(text=k.texts.legal_header.get(after.lang) + "\n" + "\n\n".join(notes))]


def _card_messages(header: str, cards: tuple[ContactCard, ...], category_id: str) -> list[OutboundMessage]:
    """Cards in messages of at most three cards and MAX_MESSAGE characters; the header on the first."""
    out: list[OutboundMessage] = []
    batch: list[ContactCard] = []
    text = header
    used = len(text)
    for card in cards:
        if batch and (len(batch) >= MAX_CARDS or used + 2 + card_chars(card) > MAX_MESSAGE):
            out.append(OutboundMessage(text=text, contacts=tuple(batch), category=category_id))
            # The header once: the same line over a second message read like a glitch (blind testers).
            batch, text = [], ""
            used = len(text)
        batch.append(card)
        used += 2 + card_chars(card)
    if batch:
        out.append(OutboundMessage(text=text, contacts=tuple(batch), category=category_id))
    return out


def _bullets(header: str, steps: tuple[str, ...]) -> str:
    return "\n".join([header, *(f"• {step}" for step in steps)])


def _packed(paragraphs: list[str], joiner: str = "\n\n", limit: int = MAX_MESSAGE) -> list[str]:
    """Paragraphs joined into as few messages as fit `limit` each (never split inside one);
    a heading (ending in ":") stays with what follows it."""
    out: list[str] = []
    for paragraph in paragraphs:
        if not paragraph.strip():
            continue
        heading = bool(out) and out[-1].endswith(":")
        if out and (heading or len(out[-1]) + len(joiner) + len(paragraph) <= limit):
            out[-1] += ("\n" if heading else joiner) + paragraph
        else:
            out.append(paragraph)
    return out


# A police station asked about by what it is, not by its name ("is des revier nachts besetzt").
_POLICE_WORDS = ("revier", "polizeirevier", "polizei", "police", "wache", "station")
# The numbers asked for again, no place named ("wie war nochmal die nummer", "contacts again pls").
_NUMBER_WORDS = ("nummer*", "number*", "nr", "telefonnummer*", "handynummer*", "kontakte", "kontaktdaten",
                 "contacts", "contact details", "phone numbers", "a contact", "ein kontakt", "einen kontakt",
                 "e mail adresse", "email adresse", "mail adresse", "email address", "e mail address")


def asked_cards(k: Knowledge, state: ConversationState, text: str, *, police: bool = False) -> list[OutboundMessage]:
    """A question below the result about a place to turn to ("what even is zastex", "is des
    revier nachts besetzt"): that card again (what it does, how to reach it, when); nothing
    if it names none. The police station of the answer is asked about by what it is, any
    other place by its name."""
    answer = compose(k, state)
    station = [card for card in answer.cards if card.id == k.catalogue.police_contact]
    police_asked = bool(station) and (police or holds_any(text, _POLICE_WORDS))
    # "was ist ZASTEX? muss ich da anrufen oder Polizei?": the place named and the police, both
    named = asked_stations(k, state, text) \
        or [*named_contacts(k, state.lang, text), *(station if police_asked else [])]
    if not named and asks_for_numbers(text):
        named = list(answer.cards[:answer.first])  # "can you show me the number again": the answer's cards
    if not named:
        return []
    return _card_messages(asked_header(k, state.lang, named), tuple(named[:MAX_CARDS]), answer.category_id)


_OTHERS_WANTED = re.compile(r"\b(?:mehr|weitere\w*|andere\w*|sonst(?! (?:nix|nichts|nischt|gar|nuscht))|more|other|others"
                            r"|else|besides|ausser)\b(?<!nothing else)"
                            r"|\b(?:kenn\w* ich schon|hab ich schon|already (?:know|tried|called|been))\b")


def others_wanted(text: str) -> bool:
    """"gibts noch mehr stelln? die polizei in riesa kenn ich schon": other places, not the one named."""
    return _OTHERS_WANTED.search(fold(text)) is not None


def asked_stations(k: Knowledge, state: ConversationState, text: str) -> list[ContactCard]:
    """The police stations `text` asks about by name (police_card.named_stations); the one the
    answer shows keeps the answer's card, with what it says about it ("Ihr zuständiges ...")."""
    if others_wanted(text):
        return []  # "gibts noch mehr stelln? die polizei in doebeln kenn ich schon": others, not that one
    named = named_stations(k, text, state.lang) or district_stations(k, text, state.lang)
    if not named:
        return []
    shown = {card.name: card for card in compose(k, state).cards if card.name}
    return [shown.get(card.name, card) for card in named]


def asked_header(k: Knowledge, lang: str, cards: Sequence[object]) -> str:
    """"Here is the place you asked about", or "the places" for more than one card."""
    return (k.flow.texts.asked_contact if len(cards) == 1 else k.flow.texts.asked_contacts).get(lang)


def call_first(k: Knowledge, state: ConversationState) -> list[OutboundMessage]:
    """Asked whom to call: the answer's first card with a number (the police station, as a
    rule), under "call this one first"."""
    answer = compose(k, state)
    first = next((card for card in answer.cards if card.phone), None)
    if first is None:
        return []
    return _card_messages(k.flow.texts.call_first.get(state.lang), (first,), answer.category_id)


def asks_for_numbers(text: str) -> bool:
    """Whether `text` asks for the numbers or contacts ("contacts again pls", "wie is die
    nummer von der polizei"); one's own number is no such wish ("my number was posted")."""
    return holds_any(text, _NUMBER_WORDS) and not _OWN_NUMBER.search(fold(text))


def wants_numbers(text: str) -> bool:
    """The numbers asked for without a question ("gebn se mir einfach die nummer", "just give
    me the number", "ich brauch nur ne nummer")."""
    return asks_for_numbers(text) and _WANTS.search(fold(text)) is not None


_WANTS = re.compile(r"\b(?:gib|gibt|geben|gebn|gebt|give|gimme|need|brauch\w*|want|will|mocht\w*|hatte gern\w*|send|schick\w*"
                    r"|nenn\w*|provide|zeig\w*|show|hamse|haben sie|habt ihr|have you got|got|get|kriege?|bekomm\w*"
                    r"|bitte|please|pls|plz|just|nur|erst|first|einfach)\b")


def asks_about_the_police(text: str) -> bool:
    """A question about the police station ("ist das revier nachts besetzt", "can i go to any station")."""
    return is_question(text) and holds_any(text, _POLICE_WORDS)


def asks_again_for_numbers(text: str) -> bool:
    """The numbers asked for again ("zeig mir bitte nochmal die nummern"): the ones shown,
    not more of them."""
    return asks_for_numbers(text) and asked_again(fold(text))


# "meine Handynummer", "my phone number", "unsere private Adresse": the person's own, not a wish for ours.
_OWN_NUMBER = re.compile(r"\b(?:mein\w*|my|unser\w*|our|sein\w*|his|her|ihr\w*|their|private?|privat\w*|personal|personlich\w*)"
                         r" (?:\w+ )?(?:\w*nummer\w*|numbers?|phone|handy|adresse\w*|address\w*|kontakt\w*|contacts?)\b")


def named_contacts(k: Knowledge, lang: str, text: str) -> list[ContactCard]:
    """The cards of the places to turn to that `text` names by name ("what is HateAid?", "was
    isn zastex", "der weiße ring"), from the whole catalogue; not the emergency numbers, and
    not by a common word alone ("any support?", "soll ich die polizei rufen")."""
    cards = (contact_card(k, c, lang) for c in sorted(k.contacts) if c != k.catalogue.police_contact)
    named = [card for card in cards if card.phone not in _EMERGENCY_NUMBERS and holds_any(text, _names_of(card))]
    return [*named_stations(k, text, lang), *named]


_EMERGENCY_NUMBERS = ("110", "112")
_COMMON_NAMES = frozenset("support polizei police online mobile allianz".split())


def _names_of(card: ContactCard) -> set[str]:
    """A card's name before its explanation ("Weißer Ring – Opfer-Telefon": "weißer ring")
    and its id ("starke_stelle": "starke stelle"); never a common word alone."""
    short = re.split(r" [–-] | \(| im | bei | der | at | of ", card.name, maxsplit=1)[0]
    names = {short.lower().replace("-", " "), card.id.replace("_", " ")}
    names |= {w.lower() for w in re.findall(r"\b[A-Z]{3,}\b", card.name)}  # "ZASTEX im LKA Sachsen": "lka" too
    names |= _ALSO_CALLED.get(card.id, set())
    return {n for n in names if n and n not in _COMMON_NAMES}


# What people call a place beside its name ("ich will die mobile beratung sprechen" had got
# "alles steht oben", asked three times: a mayor, stop 48).
_ALSO_CALLED = {
    "mbt": {"mobile beratung", "mobilen beratung", "mobiles beratungsteam", "mobile team", "kulturburo", "kulturbüro",
            "mobile counselling", "mobile counseling"},
    "weisser_ring": {"opfertelefon", "opfer telefon", "victim helpline"},
    # "Gibt es denn keine besondere Stelle beim Landeskriminalamt fuer bedrohte Gemeinderaete?" (stop 49)
    "zastex": {"landeskriminalamt", "landeskriminalamts", "state criminal police"},
}
