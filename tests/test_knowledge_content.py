"""The shipped knowledge against the fact sheet: numbers, gaps, routing, legal hints."""

from __future__ import annotations

import pytest

from handlers.result import result_messages
from handlers.state import ConversationState
from knowledge.base import Knowledge, load


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def test_phone_numbers_are_the_sourced_ones_and_gaps_stay_gaps(k: Knowledge) -> None:
    phones = {cid: c.phone for cid, c in k.contacts.items()}
    assert phones == {
        "notruf": "110",
        "zastex": "+49 351 855-2223",
        "onlinewache": None,
        "zmi": None,
        "zora": None,
        "mbt": None,
        "support": None,
        "weisser_ring": "116 006",
        "hateaid": "030 252 088 38",
        "starke_stelle": "0800 300 99 44",
        "asskomm": None,
    }
    for cid, contact in k.contacts.items():
        assert contact.source, cid
        if contact.phone is None:
            assert contact.how_else is not None, cid


# Routing table of the fact sheet: contacts every category must include (online aspect off).
ROUTES = {
    "physical_attack": {"polizeirevier", "support"},
    "threat": {"polizeirevier", "onlinewache", "zastex"},
    "stalking": {"polizeirevier", "zastex", "weisser_ring"},
    "doxxing": {"onlinewache", "zmi", "zastex"},
    "insult": {"zora"},
    "online_hate": {"onlinewache", "zmi", "hateaid"},
    "coercion": {"polizeirevier", "zora", "mbt"},
    "property_damage": {"polizeirevier"},
    "unsure": {"mbt", "asskomm", "starke_stelle"},
}


def _cards(k: Knowledge, category: str, aspects: list[str]) -> set[str]:
    state = ConversationState(category=category, aspects=aspects)
    return {card.id for card in result_messages(k, state)[0].contacts}


@pytest.mark.parametrize("category", sorted(ROUTES))
def test_routing_follows_the_fact_sheet(k: Knowledge, category: str) -> None:
    cards = _cards(k, category, [])
    # Without a place the police card keeps the placeholder id.
    assert ROUTES[category] <= cards


def test_aspects_add_their_contacts_but_hateaid_never_for_stalking(k: Knowledge) -> None:
    assert {"zastex", "support"} <= _cards(k, "property_damage", ["extremist"])
    assert {"onlinewache", "zmi", "hateaid"} <= _cards(k, "insult", ["online"])
    assert "hateaid" not in _cards(k, "stalking", ["online"])


@pytest.mark.parametrize(
    ("category", "paragraph", "deadline"),
    [
        ("physical_attack", "§ 223", True),
        ("threat", "§ 241", False),
        ("stalking", "§ 238", False),
        ("doxxing", "§ 126a", False),
        ("insult", "§ 188", True),
        ("online_hate", "§ 130", False),
        ("coercion", "§ 240", False),
        ("property_damage", "§ 303", True),
    ],
)
def test_legal_hint_and_77b_deadline(k: Knowledge, category: str, paragraph: str, deadline: bool) -> None:
    for lang in ("de", "en"):
        advice = result_messages(k, ConversationState(lang=lang, category=category))[1].text
        assert paragraph in advice
        assert ("§ 77b StGB" in advice) is deadline
