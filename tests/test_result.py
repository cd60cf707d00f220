"""The result as a frightened person sees it on a phone: short, calm, no admin metadata.

Every route (category x aspects x place x language) is rendered with the terminal,
Telegram and Matrix renderers; every message of the result screens must fit MAX_MESSAGE (650)
characters and no message may show where a fact comes from.
"""

from __future__ import annotations

from dataclasses import replace

import datetime as dt
import html
import io
import itertools
import re

import pytest
from pypdf import PdfReader

from bot.channels.matrix.render import message_content
from bot.channels.telegram.render import paragraphs
from bot.incidents.records import EvidenceMeta, Incident
from bot.incidents.report import pdf_report, text_report
from bot.render import message_text
from handlers.messages import OutboundMessage
from handlers.result import MAX_MESSAGE, compose, more_topics, result_messages, result_more
from handlers.state import ConversationState
from knowledge.base import Knowledge, load
from tests.helpers import PureChat, all_text, option_ids

ASPECTS = ("online", "extremist", "private_sphere", "repeated")
PLACES = (None, "Görlitz", "Leipzig", "Pirna", "Dresden", "München")
LANGS = ("de", "en")


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def place_id(k: Knowledge, name: str | None) -> str | None:
    if name is None:
        return None
    found = k.places.resolve(name)
    assert found.places, name
    return found.places[0].id


def states(k: Knowledge):
    for category in k.categories:
        # Prevention asks no aspect questions (nothing has happened).
        subsets = [()] if category == "prevention" else [
            combo for n in range(len(ASPECTS) + 1) for combo in itertools.combinations(ASPECTS, n)
        ]
        for aspects, place, lang in itertools.product(subsets, PLACES, LANGS):
            yield ConversationState(lang=lang, category=category, aspects=list(aspects), place_id=place_id(k, place))


def whole_result(k: Knowledge, state: ConversationState) -> list[OutboundMessage]:
    messages = result_messages(k, state)
    for topic in more_topics(k, state):
        messages += result_more(k, state, topic)
    return messages


def rendered(message: OutboundMessage) -> dict[str, str]:
    telegram = html.unescape(re.sub(r"<[^>]+>", "", "\n\n".join(paragraphs(message, "NOTFALL"))))
    return {"terminal": message_text(message), "telegram": telegram, "matrix": message_content(message)["body"]}


@pytest.fixture(scope="module")
def every_route(k: Knowledge) -> list[tuple[ConversationState, list[OutboundMessage]]]:
    return [(state, whole_result(k, state)) for state in states(k)]


def test_every_result_message_fits_a_phone_screen(every_route) -> None:
    too_long = []
    for state, messages in every_route:
        for index, message in enumerate(messages):
            for channel, text in rendered(message).items():
                if len(text) > MAX_MESSAGE:
                    too_long.append((state.category, state.aspects, state.place_id, state.lang, index, channel, len(text)))
    assert not too_long, too_long[:5]
    assert len(every_route) > 1000


def test_first_message_acknowledges_and_shows_at_most_three_cards_police_first(k: Knowledge, every_route) -> None:
    for state, messages in every_route:
        first = messages[0]
        category = k.categories[state.category]
        assert first.text.startswith(category.acknowledge.get(state.lang))
        assert 1 <= len(first.contacts) <= 3
        police = first.contacts[0]
        assert police.id in {"polizeirevier"} or police.id.startswith("pd_"), police
        advice = messages[1].text
        bullets = [line for line in advice.splitlines() if line.startswith("• ")]
        assert 1 <= len(bullets) <= 4


def test_acknowledgements_are_one_calm_sentence_per_category(k: Knowledge) -> None:
    seen = set()
    for cid, category in k.categories.items():
        for lang in LANGS:
            text = category.acknowledge.get(lang)
            assert text.count(".") <= 1 and text.endswith(".") and len(text) <= 120, (cid, lang)
            seen.add(text)
        formal = re.search(r"\b(Sie|Ihr\w*)\b", category.acknowledge.de)
        assert formal and not re.search(r"\b(du|dein\w*)\b", category.acknowledge.de, re.IGNORECASE), cid
    assert len(seen) == 2 * len(k.categories)  # each fits its own case


def test_each_contact_is_shown_once_and_zastex_and_onlinewache_are_not_repeated(every_route) -> None:
    for state, messages in every_route:
        ids = [card.id for m in messages for card in m.contacts]
        assert len(ids) == len(set(ids)), (state, ids)
        for name in ("ZASTEX", "Onlinewache"):
            # (a police card without a number points to the Onlinewache as the way to report
            # online: a pointer in its note, not the card again)
            holding = [i for i, m in enumerate(messages)
                       if name in message_text(replace(m, contacts=tuple(c for c in m.contacts if not _police_card(c))))]
            assert len(holding) <= 1, (state.category, state.aspects, state.lang, name, holding)


# --- admin metadata never reaches a user ----------------------------------------------------

LEAKS = re.compile(
    r"(?-i:\bStand\b)|undatiert|undated|geprüft am|checked on|verified|as of|Quelle|\bsource\b|Faktenblatt|"
    r"fact sheet|Keine geprüfte|No verified|nicht gefunden|not found|Original-URL|vor Einsatz|case entries|"
    r"\b\d{4}-\d{2}(-\d{2})?\b",
    re.IGNORECASE,
)


def metadata_values(k: Knowledge) -> set[str]:
    """Every admin-only value in the knowledge: none may appear in a message."""
    values: set[str] = set()
    for contact in k.contacts.values():
        values |= {contact.source or "", contact.notes or "", contact.source_date or ""}
    for station in k.police.stations:
        values |= {station.source, station.source_date, station.notes or "", station.covers_note or ""}
    for direktion in k.police.direktionen:
        values |= {direktion.source or "", direktion.source_date or "", direktion.notes or ""}
    for category in k.categories.values():
        if category.legal:
            values |= set(category.legal.sources)
    # A source that is the very page users are sent to (`web`) is no secret.
    webs = {c.web for c in k.contacts.values()} | {d.web for d in k.police.direktionen}
    return {v for v in values if len(v) >= 10 and v not in webs}


def assert_no_metadata(k: Knowledge, text: str, where: object) -> None:
    leak = LEAKS.search(text)
    assert leak is None, (where, leak.group(0), text[max(0, leak.start() - 80) : leak.end() + 40])
    for value in metadata_values(k):
        assert value not in text, (where, value)


def test_no_result_message_shows_admin_metadata(k: Knowledge, every_route) -> None:
    for state, messages in every_route:
        for message in messages:
            for channel, text in rendered(message).items():
                assert_no_metadata(k, text, (state.category, state.aspects, state.place_id, state.lang, channel))


def test_unverified_nationwide_numbers_get_one_plain_caveat(k: Knowledge) -> None:
    cards = {c.id: c for c in compose(k, ConversationState(category="stalking", aspects=["online"])).cards}
    assert cards["weisser_ring"].note.endswith(k.texts.phone_unconfirmed.de)
    assert k.texts.phone_unconfirmed.de not in cards["zastex"].note  # checked against its source
    for card in cards.values():
        assert (card.note or "").count(k.texts.phone_unconfirmed.de) <= 1


# --- "Weitere Stellen", "Mehr dazu", "Mehr zum Recht" through the flow --------------------------


def walk(k: Knowledge, category: str, lang: str = "de", yes: tuple[str, ...] = ()) -> PureChat:
    chat = PureChat(k, lang=lang)
    chat.command("start")
    chat.option("danger_no")
    chat.option(category)
    while chat.state.node.startswith("aspect_"):
        ids = option_ids(chat.last.messages)
        wanted = [o for o in ids if o.endswith("_yes") and o.removesuffix("_yes") in {a.split("_")[0] for a in yes}]
        chat.option(wanted[0] if wanted else next(o for o in ids if not o.endswith("_yes")))
    return chat


def test_more_options_show_the_rest_once_and_stay_on_the_question(k: Knowledge) -> None:
    chat = walk(k, "threat", yes=("online", "extremist"))
    first = chat.text("Görlitz")
    assert option_ids(first)[:3] == ["more_contacts", "more_advice", "more_law"]
    shown = {c.id for m in first for c in m.contacts}
    more = chat.option("more_contacts")
    assert more[0].text == k.texts.more_contacts_header.de
    assert all(m.text != k.texts.more_contacts_header.de for m in more[1:])  # the header once
    new = {c.id for m in more for c in m.contacts}
    assert new and not new & shown and {"support", "zora"} <= new
    assert chat.state.node == "after_result"
    assert option_ids(more) == ["more_advice", "more_law", "document_incident", "new_request", "finish"]
    law = chat.option("more_law")
    assert k.categories["threat"].legal.text.de.splitlines()[0] in all_text(law)
    assert k.texts.deadline.de in all_text(law)
    assert "more_law" not in option_ids(law)
    stale = chat.option("more_law")  # a second tap on an old button
    assert k.texts.stale_option.de in all_text(stale)
    chat.option("more_advice")
    assert option_ids(chat.last.messages) == ["document_incident", "new_request", "finish"]


def test_more_options_only_where_there_is_more(k: Knowledge) -> None:
    chat = walk(k, "property_damage")
    first = chat.text("Görlitz")
    ids = option_ids(first)
    assert "more_law" in ids and "more_advice" not in ids  # two steps only: all shown at once
    chat = walk(k, "prevention")
    ids = option_ids(chat.option("place.skip"))
    assert "more_advice" in ids  # five steps: four at once


def test_typed_more_labels_work(k: Knowledge) -> None:
    chat = walk(k, "threat", yes=("extremist",))
    chat.text("Görlitz")
    answer = chat.text("Weitere Stellen")
    assert answer[0].text == k.texts.more_contacts_header.de


def test_prevention_is_offered_and_reachable_when_nothing_happened(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    category_question = chat.last.messages[-1]
    assert "prevention" in [o.id for o in category_question.options]
    chat.text("Nichts passiert")
    assert chat.state.category == "prevention" and chat.state.node == "municipality"
    result = chat.text("Pirna")
    ids = [c.id for c in result[0].contacts]
    assert ids[0] == "polizeirevier" and "zastex" in ids
    assert "Auskunftssperre" in all_text(result) and "nie allein" in all_text(result)


def test_online_hate_and_unsure_show_the_local_police(k: Knowledge) -> None:
    for category in ("online_hate", "unsure"):
        chat = walk(k, category)
        result = chat.text("Görlitz")
        assert result[0].contacts[0].name == "Polizeirevier Görlitz", category


# --- every user text is written as paragraphs ---------------------------------------------------

SENTENCE_END = re.compile(r"[.!?:…][\"'“”»)]*$")
LIST_LINE = re.compile(r"^\s*(•|-|–|/|\d+[.)]|\{problems\})|^[A-ZÄÖÜ][\w ()/-]{0,30}: ")


def hard_wraps(text: str) -> list[tuple[str, str]]:
    """Line breaks inside a sentence: neither a paragraph break nor a list."""
    lines = text.split("\n")
    return [
        (prev, nxt)
        for prev, nxt in zip(lines, lines[1:])
        if prev.strip() and nxt.strip() and not SENTENCE_END.search(prev.rstrip())
        and not LIST_LINE.match(nxt) and not LIST_LINE.match(prev)
    ]


def strings(data, path=()):
    if isinstance(data, dict):
        for key, value in data.items():
            yield from strings(value, (*path, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from strings(value, (*path, i))
    elif isinstance(data, str):
        yield path, data


def test_no_text_in_the_knowledge_is_hard_wrapped_mid_sentence(k: Knowledge) -> None:
    found = [
        (name, path, wraps[0])
        for name, doc in k.documents.items()
        for path, text in strings(doc.data)
        if (wraps := hard_wraps(text))
    ]
    assert not found, found[:5]
    assert hard_wraps("Rufen Sie 110.\nGehen Sie nicht auf die Person\nzu.")  # the check can fail


def test_emergency_text_is_three_paragraphs(k: Knowledge) -> None:
    text = k.flow.questions["emergency"].text.de
    assert text.count("\n\n") == 2 and "\n" not in text.replace("\n\n", "")


# --- the PDF and text report ---------------------------------------------------------------------


def png(width: int = 40, height: int = 30) -> bytes:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (width, height), (200, 30, 30)).save(buffer, format="PNG")
    return buffer.getvalue()


def incident(category: str, place: str | None, k: Knowledge) -> Incident:
    moment = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)
    evidence = EvidenceMeta(
        id="a" * 32, filename="drohung.png", mime_type="image/png", size=1234,
        sha256="f" * 64, received_at=moment.isoformat(),
    )
    data = {
        "category": category, "aspects": ["online", "extremist"], "place_id": place_id(k, place),
        "affected": "ich, Bürgermeisterin von Pirna", "what": "Drohbrief", "deadline": "2027-02-25", "log": [],
    }
    return Incident(1, "SL-2026-00001", "open", moment, moment, data, [evidence])


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("place", [None, "Görlitz", "Leipzig", "München"])
def test_report_embeds_images_names_the_affected_person_and_leaks_no_metadata(k: Knowledge, lang: str, place) -> None:
    record = incident("threat", place, k)
    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)
    pdf = PdfReader(io.BytesIO(pdf_report(k, record, lang, now, {"a" * 32: png()})))
    text = "".join(page.extract_text() for page in pdf.pages)
    assert sum(len(page.images) for page in pdf.pages) == 1  # the screenshot itself is in the PDF
    plain = text_report(k, record, lang, now)
    for report in (text, plain):
        assert "ich, Bürgermeisterin von Pirna" in report
        assert k.incident.field_affected.get(lang) in report
        assert "f" * 64 in report  # the checksum stays in the report
        assert "25.02.2027" in report or "25 Feb 2027" in report
        assert_no_metadata(k, report.replace("f" * 64, ""), (place, lang))


def test_a_damaged_image_is_listed_not_embedded(k: Knowledge) -> None:
    record = incident("threat", "Görlitz", k)
    now = dt.datetime(2026, 11, 26, 9, 0, tzinfo=dt.timezone.utc)
    pdf = PdfReader(io.BytesIO(pdf_report(k, record, "de", now, {"a" * 32: b"\x89PNG broken"})))
    assert sum(len(page.images) for page in pdf.pages) == 0
    assert "drohung.png" in "".join(page.extract_text() for page in pdf.pages)


def test_the_metadata_scan_catches_the_old_leaks(k: Knowledge) -> None:
    for old in ("Angaben aus öffentlichen Quellen, Stand undated.", "Keine geprüfte Telefonnummer hinterlegt.",
                "(Angaben geprüft am 2026-11-25)", "Regionale Telefonnummern nicht gefunden"):
        with pytest.raises(AssertionError):
            assert_no_metadata(k, old, "old text")


@pytest.mark.parametrize("category", ["insult", "threat", "online_hate", "coercion"])
def test_online_the_onlinewache_comes_right_after_the_police(k: Knowledge, category: str) -> None:
    state = ConversationState(category=category, aspects=("online",), place_id="sn-01796-pirna", lang="de")
    answer = compose(k, state)
    ids = [c.id for c in answer.cards[: answer.first]]
    police = sum(1 for c in answer.cards if not c.id or c.id not in k.contacts)
    assert ids[police] == "onlinewache", ids


def test_offline_an_insult_does_not_send_to_the_onlinewache_first(k: Knowledge) -> None:
    answer = compose(k, ConversationState(category="insult", place_id="sn-01796-pirna", lang="de"))
    assert "onlinewache" not in [c.id for c in answer.cards[: answer.first]]


def test_zastex_leads_before_the_onlinewache_when_both_aspects_apply(k: Knowledge) -> None:
    """An online threat with extremist signs in Chemnitz: two police cards leave room for one
    more on the first screen, and that is the LKA's contact point for extremist threats."""
    chemnitz = k.places.resolve("Chemnitz").places[0]
    state = ConversationState(category="threat", aspects=("online", "extremist"), place_id=chemnitz.id, lang="en")
    answer = compose(k, state)
    first = [c.id for c in answer.cards[:answer.first]]
    assert "zastex" in first
    assert first.index("zastex") < len(first) and "onlinewache" in [c.id for c in answer.cards]


def _police_card(card) -> bool:  # noqa: ANN001
    return card.id == "polizeirevier" or card.id.startswith(("pr_", "pd_"))


def test_a_second_police_card_follows_every_lead_contact(knowledge) -> None:  # noqa: ANN001
    """Hainichen, an insult online with a political motive: Mittweida's number, then ZASTEX
    and the Onlinewache (the leads), then the Direktion's switchboard; the switchboard had
    pushed the Onlinewache off the first screen (a blind tester)."""
    from handlers.result import compose
    from handlers.state import ConversationState

    hainichen = knowledge.places.resolve("Hainichen").places[0]
    state = ConversationState(lang="en", category="insult", aspects=("online", "extremist"), place_id=hainichen.id,
                              danger_checked=True)
    answer = compose(knowledge, state)
    ids = [card.id for card in answer.cards]
    assert ids.index("zastex") < ids.index("pd_chemnitz") and ids.index("onlinewache") < ids.index("pd_chemnitz")
    assert {"zastex", "onlinewache"} <= {card.id for card in answer.cards[: answer.first]}


def test_in_leipzig_zastex_comes_before_a_revier_outside_the_city(knowledge) -> None:  # noqa: ANN001
    """A Leipzig councillor threatened on Facebook: the city's Reviere, the Onlinewache and
    ZASTEX on the first screen; Delitzsch (21 km, the nearest number, since no Leipzig Revier
    has a sourced one) had taken ZASTEX's place. Where nothing else on the first screen has a
    number, Delitzsch still comes on it."""
    from handlers.result import compose
    from handlers.state import ConversationState

    leipzig = knowledge.places.resolve("Leipzig").places[0]
    for aspects in (("online",), ()):
        answer = compose(knowledge, ConversationState(lang="de", category="threat", aspects=aspects,
                                                      place_id=leipzig.id, danger_checked=True))
        first = [card.id for card in answer.cards[: answer.first]]
        assert "zastex" in first and "pr_delitzsch" not in first, aspects
        assert "pr_delitzsch" in [card.id for card in answer.cards]
    answer = compose(knowledge, ConversationState(lang="de", category="online_hate", aspects=("online",),
                                                  place_id=leipzig.id, danger_checked=True))
    assert any(card.phone for card in answer.cards[: answer.first])
    assert "pr_delitzsch" in [card.id for card in answer.cards[: answer.first]]


def test_a_stadtteil_asked_about_brings_the_city_revier_its_source_names(knowledge) -> None:  # noqa: ANN001
    """"im in connewitz which one is mine?" below a Leipzig result had got "Thank you, that is
    part of your case": the Revier whose covers_note names Connewitz, said to be unconfirmed,
    with no number invented; a Stadtteil in a story is no question about a Revier."""
    from handlers.result import asked_stations
    from handlers.state import ConversationState

    leipzig = knowledge.places.resolve("Leipzig").places[0]
    state = ConversationState(lang="en", category="doxxing", place_id=leipzig.id, danger_checked=True)
    [card] = asked_stations(knowledge, state, "im in connewitz which one is mine?")
    assert card.name == "Polizeirevier Leipzig-Südost" and card.phone is None and "Connewitz" in card.note
    assert "not confirmed" in card.note
    [card] = asked_stations(knowledge, state, "welches revier ist für grünau zuständig?")
    assert card.name == "Polizeirevier Leipzig-Südwest"
    assert asked_stations(knowledge, state, "ich wohne in connewitz, er stand vor meiner tür") == []
    # "Neustadt" is also a town of its own: no Dresden Revier is said to cover it
    assert all("Neustadt" not in (c.note or "") for c in asked_stations(knowledge, state, "welches revier ist für neustadt?"))
