"""The shipped knowledge against the fact sheet: numbers, gaps, routing, legal statements."""

from __future__ import annotations

import pytest

from handlers.result import compose, result_messages, result_more
from handlers.state import ConversationState
from knowledge.base import Knowledge, load


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def test_phone_numbers_are_the_sourced_ones_and_gaps_stay_gaps(k: Knowledge) -> None:
    phones = {cid: c.phone for cid, c in k.contacts.items()}
    assert phones == {
        "notruf": "110",
        "notruf_112": "112",
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
            assert contact.how_else is not None or contact.web, cid


def route(k: Knowledge, category: str, aspects: list[str] | None = None) -> list[str]:
    """Every contact of a route in order (the first screen and "Weitere Stellen")."""
    state = ConversationState(category=category, aspects=list(aspects or []))
    return [card.id for card in compose(k, state).cards]


# Routing table of the fact sheet and the issue, without aspects.
ROUTES = {
    "physical_attack": {"polizeirevier", "weisser_ring"},
    "threat": {"polizeirevier", "onlinewache", "zastex"},
    "stalking": {"polizeirevier", "zastex", "weisser_ring"},
    "doxxing": {"polizeirevier", "onlinewache", "zastex"},
    "insult": {"polizeirevier"},
    "online_hate": {"polizeirevier", "onlinewache", "hateaid"},
    "coercion": {"polizeirevier"},
    "property_damage": {"polizeirevier"},
    "unsure": {"polizeirevier", "mbt", "asskomm", "starke_stelle"},
    "prevention": {"polizeirevier", "zastex", "asskomm", "starke_stelle"},
}
EXTREMIST_ONLY = {"zora", "support"}


@pytest.mark.parametrize("category", sorted(ROUTES))
def test_routing_follows_the_fact_sheet_with_the_police_first(k: Knowledge, category: str) -> None:
    ids = route(k, category)
    assert ROUTES[category] <= set(ids)
    assert ids[0] == "polizeirevier" and ids.count("polizeirevier") == 1


@pytest.mark.parametrize("category", sorted(ROUTES))
def test_zora_and_raa_support_only_with_an_extremist_motive(k: Knowledge, category: str) -> None:
    assert not EXTREMIST_ONLY & set(route(k, category, ["online", "private_sphere", "repeated"]))
    assert EXTREMIST_ONLY | {"zastex"} <= set(route(k, category, ["extremist"]))


def test_a_businessmans_pressure_gets_nothing_extremist_specific(k: Knowledge) -> None:
    ids = set(route(k, "coercion"))
    assert not ids & {"zora", "support", "mbt", "zastex"}
    assert ids - {"notruf_110"} == {"polizeirevier", "starke_stelle"}  # 110 only as the emergency number


def test_physical_attack_gets_general_victim_support(k: Knowledge) -> None:
    assert "weisser_ring" in route(k, "physical_attack")
    assert "weisser_ring" in route(k, "physical_attack", ["extremist"])


def test_aspects_add_their_contacts_but_hateaid_never_for_stalking(k: Knowledge) -> None:
    assert {"zastex", "support"} <= set(route(k, "property_damage", ["extremist"]))
    assert {"onlinewache", "hateaid"} <= set(route(k, "insult", ["online"]))
    assert "hateaid" not in route(k, "stalking", ["online"])


def test_prevention_has_its_own_short_advice(k: Knowledge) -> None:
    prevention = k.categories["prevention"]
    assert prevention.label.de == "Vorbeugung und Beratung"
    assert prevention.label.en == "Prevention and advice"
    steps = " ".join(prevention.steps.de)
    for needle in ("Polizeirevier", "gefährdet", "Auskunftssperre", "§ 51 BMG", "nie allein"):
        assert needle in steps, needle
    assert prevention.legal is not None and "§ 51 BMG" in prevention.legal.short.de


# --- the law, as corrected in issue 11 ------------------------------------------------------


def law(k: Knowledge, category: str, lang: str) -> str:
    """The short legal note and the full one, as the user sees them."""
    state = ConversationState(lang=lang, category=category)
    return "\n".join(m.text for m in result_messages(k, state)[1:] + result_more(k, state, "law"))


@pytest.mark.parametrize(
    ("category", "paragraph", "deadline"),
    [
        ("physical_attack", "§ 223", True),
        ("threat", "§ 241", True),
        ("stalking", "§ 238", True),
        ("doxxing", "§ 126a", False),
        ("insult", "§ 188", True),
        ("online_hate", "§ 130", False),
        ("coercion", "§ 240", False),
        ("property_damage", "§ 303", True),
        ("prevention", "§ 51 BMG", False),
    ],
)
def test_legal_hint_and_77b_deadline(k: Knowledge, category: str, paragraph: str, deadline: bool) -> None:
    legal = k.categories[category].legal
    assert legal is not None and legal.complaint_required is deadline and legal.sources
    for lang in ("de", "en"):
        shown = law(k, category, lang)
        assert paragraph in shown
        assert (k.texts.deadline.get(lang) in shown) is deadline
        assert ("77b" in legal.short.get(lang)) is deadline, "the short note names the deadline"


def sentences(text: str) -> int:
    # "§ 241 Abs. 5" and "Abs." are not sentence ends; a sentence ends with ". " + capital.
    import re

    return len(re.findall(r"[.!?](?:\s+(?=[A-ZÄÖÜ„\"§])|$)", text.replace("Abs. ", "Abs ")))


@pytest.mark.parametrize("category", ["physical_attack", "threat", "stalking", "doxxing", "insult",
                                      "online_hate", "coercion", "property_damage", "prevention"])
def test_the_short_legal_note_has_at_most_two_sentences(k: Knowledge, category: str) -> None:
    for lang in ("de", "en"):
        assert sentences(k.categories[category].legal.short.get(lang)) <= 2, (category, lang)


def test_threat_names_the_complaint_rules_of_the_threatened_act(k: Knowledge) -> None:
    text = k.categories["threat"].legal.text.de
    assert "§ 241 Abs. 5" in text and "§§ 230, 303c" in text
    assert "private" in text.lower() and "§ 241 Abs. 4" in text
    assert "öffentlich oder im Internet" not in text  # private messages are not "öffentlich"
    short = k.categories["threat"].legal.short.de
    assert "drei Monaten Strafantrag" in short and "§ 241 Abs. 5" in short


def test_insult_needs_a_strafantrag_for_185_to_187_and_says_who_may_file(k: Knowledge) -> None:
    de = k.categories["insult"].legal.text.de
    assert "§§ 185–187" in de and "§ 194 Abs. 1" in de
    assert "auch Ihr Dienstvorgesetzter kann ihn stellen" not in de
    assert "ehrenamtliche Gemeinderäte und Kandidierende" in de
    assert "Aufsichtsbehörde" in de and "§ 77a" in de
    en = k.categories["insult"].legal.text.en
    assert "supervisory authority" in en and "honorary council members and candidates" in en


def test_106a_is_a_bill_and_not_in_the_short_note(k: Knowledge) -> None:
    coercion = k.categories["coercion"].legal
    assert "106a" not in coercion.short.de and "Bundesrat" not in coercion.short.de
    assert "Gesetzentwurf" in coercion.text.de and "kein geltendes Recht" in coercion.text.de
    assert "Bundesrat" not in coercion.text.de and "2024" not in coercion.text.de
    assert "bill" in coercion.text.en and "not law" in coercion.text.en


def test_stalking_text_says_political_stalking_is_covered_only_partly(k: Knowledge) -> None:
    stalking = k.categories["stalking"].legal
    assert "nur teilweise" in stalking.short.de and "only partly" in stalking.short.en
    assert "auch in Form von" not in stalking.text.de


def english_texts(k: Knowledge) -> list[str]:
    texts = [getattr(k.texts, name).en for name in type(k.texts).model_fields if hasattr(getattr(k.texts, name), "en")]
    texts += [getattr(k.incident, name).en for name in type(k.incident).model_fields]
    for category in k.categories.values():
        texts += category.steps.en
        if category.legal:
            texts += [category.legal.short.en, category.legal.text.en]
    for aspect in k.aspects.values():
        texts += aspect.steps.en if aspect.steps else []
    return texts


def test_english_keeps_strafantrag_and_strafanzeige_apart(k: Knowledge) -> None:
    for text in english_texts(k):
        assert "formal request" not in text, text
        if "§ 77b" in text or "Strafantrag" in text:
            assert "criminal complaint for" not in text and "deadline for the criminal complaint" not in text.lower(), text
            assert "request for prosecution" in text, text
        if "Strafanzeige" in text:
            assert "criminal complaint (Strafanzeige)" in text, text
        if "Strafantrag" in text:
            assert "request for prosecution (Strafantrag)" in text or "(Strafantrag)" not in text, text


def test_privacy_text_does_not_claim_only_the_conversation_is_stored(k: Knowledge) -> None:
    de, en = k.texts.privacy.de, k.texts.privacy.en
    assert "Ich speichere nur, wo Sie gerade im Gespräch sind" not in de
    assert "dokumentieren" in de and "Polizei" in de and "/loeschen" in de
    assert "I only store where you are in the conversation" not in en and "document" in en
