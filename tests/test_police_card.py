"""Police cards on the result screen: a callable local number first, honest labels, no admin data."""

from __future__ import annotations

import re

import phonenumbers
import pytest

from handlers.police_card import police_cards
from knowledge.base import Knowledge
from knowledge.police import FAR_KM, police_route
from tests.helpers import PureChat
from tests.test_triage import walk_to_place

# Words and shapes of admin metadata that must never reach a user.
METADATA = re.compile(
    r"Stand\b|Quelle|source|geprüft|verified|undated|undatiert|OLD\b|http|\b20\d\d\b|"
    r"hinterlegt|nicht gefunden|not found|Revierleiter|Medieninformation|notes?:",
    re.IGNORECASE,
)


def _card_text(card) -> str:  # noqa: ANN001
    return " ".join(x for x in (card.name, card.note, card.address, card.hours) if x)


def _callable(number: str | None) -> bool:
    if not number or number.strip() == "110":
        return False
    parsed = phonenumbers.parse(number, "DE")
    return parsed.country_code == 49 and phonenumbers.is_valid_number(parsed)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_every_municipality_gets_its_own_station_and_a_callable_number_first(knowledge: Knowledge, lang: str) -> None:
    """The first card is the place's own station with its number, or (its number unknown) a
    number near enough to be local; only where the nearest number is more than FAR_KM away
    and no switchboard is sourced does the own station without a number come first, with
    the far number right after it."""
    places = knowledge.places.saxon_places()
    assert len(places) == 418
    texts = knowledge.police.texts
    own_first = 0
    for place in places:
        cards = police_cards(knowledge, place, lang)
        assert 1 <= len(cards) <= 2
        first = cards[0]
        assert first.id == knowledge.catalogue.police_contact
        assert "autobahn" not in first.name.lower()
        route = police_route(place, knowledge.police)
        if route.kind == "city" and route.station is None and not route.switchboard_first:
            # Leipzig: its Reviere (no numbers known), then the far number
            assert first.phone is None and first.name == texts.city_list_name.get(lang).format(place=place.name)
            assert cards[1].name == route.callable.name and _callable(cards[1].phone)
            own_first += 1
            continue
        if route.local_unknown_far:
            own = route.station if route.kind == "responsible" else route.nearby
            assert (first.name, first.phone) == (own.name, None), place.name
            assert route.distance_km > FAR_KM and cards[1].name == route.callable.name
            assert _callable(cards[1].phone) and f"{round(route.distance_km)} km" in cards[1].note
            own_first += 1
            continue
        assert _callable(first.phone), (place.name, first)
        if route.switchboard_first:
            # The nearest Revier with a number is far: the Direktion's sourced switchboard first,
            # then the place's own Revier without a number (or the far one).
            assert first.name == route.direktion.name.get(lang) and first.phone == route.direktion.phone
            assert route.distance_km > FAR_KM
            own = route.station.name if route.station else texts.city_list_name.get(lang).format(place=place.name)
            # (Chemnitz: its one other Revier by name, not a list of one)
            alone = route.city_parts[0].name if len(route.city_parts) == 1 else None
            assert cards[1].name in (own, getattr(route.nearby, "name", None), alone)
        elif route.kind == "city":
            # Dresden: the city's Revier with a number, as one of several; the others listed
            assert first.name == route.station.name
            assert first.note.startswith(texts.city_part_callable.get(lang).format(place=place.name))
            assert cards[1].name == texts.city_list_name.get(lang).format(place=place.name)
        elif route.kind == "nearest" and route.city is not None:
            # next to a city of several Reviere: the nearest number, not called the nearest station
            assert first.note.startswith(texts.nearest_callable.get(lang).format(place=place.name)), place.name
            # the city's Reviere, or the one a source says covers the place ("Taucha": Leipzig-Nord)
            covering = cards[1].note == texts.nearby_no_phone.get(lang) and cards[1].name.startswith("Polizeirevier")
            assert cards[1].name == texts.city_list_name.get(lang).format(place=route.city.name) or covering
        elif route.kind == "responsible" and route.station.phone:
            assert first.note.startswith(texts.responsible.get(lang)), place.name
            assert first.name == route.station.name
        elif route.kind == "responsible":
            # The responsible station has no known number: the callable one says it is the nearest.
            assert first.note.startswith(texts.nearest_for_responsible.get(lang).split("{")[0])
            assert cards[1].name == route.station.name and cards[1].phone is None
        elif route.nearby is not None:
            # A nearer Revier has no known number: the callable one is not called the nearest.
            assert first.note.startswith(texts.nearest_callable.get(lang).format(place=place.name)), place.name
            assert (cards[1].name, cards[1].phone) == (route.nearby.name, None)
        else:
            # in the user's own town it is said so, not "nearest ... not sure" (stop 47)
            own = route.station.town.split("/")[0].casefold() == place.name.split("/")[0].casefold()
            said = texts.in_town.get(lang) if own else texts.nearest.get(lang).format(place=place.name)
            assert first.note.startswith(said), place.name
            assert texts.responsible.get(lang) not in first.note
            # "Nächstgelegenes Polizeirevier" is true: no located Revier of the Direktion is nearer.
            assert _nearest_located(knowledge, place, route.direktion.id) <= _km_to(knowledge, place, route.station) + 1e-9
        for card in cards:
            assert not METADATA.search(_card_text(card)), (place.name, card)
            assert "(" not in (card.address or ""), card.address  # no remarks in an address
            assert card.phone != "110"
    assert 0 < own_first < len(places) // 5  # Strehla, Tharandt, Leipzig ...: the exception


def _km_to(knowledge: Knowledge, place, station) -> float:  # noqa: ANN001
    from knowledge.police import _km

    return _km((place.lat, place.lon), knowledge.police.location(station.id))


def _nearest_located(knowledge: Knowledge, place, direktion_id: str) -> float:  # noqa: ANN001
    return min(_km_to(knowledge, place, s) for _, _, s in knowledge.police.located_stations(direktion_id))


def test_a_nearer_revier_without_a_number_is_shown_and_the_other_not_called_nearest(knowledge: Knowledge) -> None:
    texts = knowledge.police.texts
    geringswalde = knowledge.places.resolve("Geringswalde").places[0]  # Rochlitz nearer, no known number
    first, second = police_cards(knowledge, geringswalde, "de")
    assert first.phone and first.name == "Polizeirevier Mittweida"
    assert first.note.startswith(texts.nearest_callable.get("de").format(place="Geringswalde"))
    assert (second.name, second.phone) == ("Polizeirevier Rochlitz", None)
    assert second.note == texts.nearby_no_phone.get("de")


def test_the_own_revier_comes_first_when_the_nearest_number_is_far(knowledge: Knowledge) -> None:
    """Strehla: the Revier in Riesa (no known number) first, not Dresden-Nord 49 km away;
    Dresden-Nord's number follows, with its distance, to call rather than to visit."""
    texts = knowledge.police.texts
    strehla = knowledge.places.resolve("Strehla").places[0]
    first, second = police_cards(knowledge, strehla, "en")
    assert (first.name, first.phone) == ("Polizeirevier Riesa", None)
    assert first.note == texts.nearby_no_phone.get("en") and "Onlinewache" in first.note
    assert second.name == "Polizeirevier Dresden-Nord" and _callable(second.phone)
    assert second.note.startswith(texts.nearest_callable_far.get("en").format(km=49)) and second.address is None
    # where the nearest Revier has a number, however far, it comes first, not the switchboard
    kreba = knowledge.places.resolve("Kreba-Neudorf").places[0]
    assert police_cards(knowledge, kreba, "de")[0].name == "Polizeirevier Weißwasser"


def test_responsible_and_nearest_labels(knowledge: Knowledge) -> None:
    naunhof = knowledge.places.resolve("Naunhof").places[0]
    card = police_cards(knowledge, naunhof, "de")[0]
    assert (card.name, card.note) == ("Polizeirevier Grimma", "Ihr zuständiges Polizeirevier")
    assert card.address == "Köhlerstraße 3, 04668 Grimma"
    hartha = knowledge.places.resolve("Hartha").places[0]
    card = police_cards(knowledge, hartha, "de")[0]
    assert card.name == "Polizeirevier Döbeln"
    assert card.note == knowledge.police.texts.nearest.get("de").format(place="Hartha")
    english = police_cards(knowledge, hartha, "en")[0]
    assert english.note.startswith("Nearest police station")


def test_uncertain_number_gets_one_plain_caveat(knowledge: Knowledge) -> None:
    oschatz = knowledge.places.resolve("Oschatz").places[0]
    card = police_cards(knowledge, oschatz, "de")[0]
    caveat = knowledge.police.texts.uncertain.de
    assert card.name == "Polizeirevier Oschatz" and card.note.count(caveat) == 1


def test_a_far_revier_gives_way_to_the_sourced_switchboard(knowledge: Knowledge) -> None:
    chemnitz = knowledge.places.resolve("Chemnitz").places[0]  # no Revier in the city has a known number
    first, second = police_cards(knowledge, chemnitz, "de")
    assert (first.name, first.phone) == ("Polizeidirektion Chemnitz", "+49 371 387-0")
    # its one other Revier by name, not a list of one ("Polizeireviere in Chemnitz: Nordost. Zuständig je
    # nach Stadtteil" read as broken text to a Chemnitz councillor, stop 49)
    assert second.name == "Polizeirevier Chemnitz-Nordost" and second.phone is None
    assert knowledge.police.texts.city_part_callable.de.format(place="Chemnitz") in second.note


def test_direktion_switchboard_only_where_sourced(knowledge: Knowledge) -> None:
    hartha = knowledge.places.resolve("Hartha").places[0]  # PD Chemnitz: switchboard sourced
    cards = police_cards(knowledge, hartha, "de")
    assert cards[1].id == "pd_chemnitz" and cards[1].phone == "+49 371 387-0"
    leipzig = knowledge.places.resolve("Leipzig").places[0]  # PD Leipzig: none sourced
    assert not [c for c in police_cards(knowledge, leipzig, "de") if c.id.startswith("pd_")]


def test_no_place_asks_for_it_and_shows_110_only_as_emergency(knowledge: Knowledge) -> None:
    ask, emergency = police_cards(knowledge, None, "de")
    assert ask.phone is None and "Gemeinde" in ask.note
    assert emergency.phone == "110" and emergency.name == "Polizei-Notruf"
    assert "akuter Gefahr" in emergency.note
    munich = knowledge.places.resolve("München").places[0]
    ask, emergency = police_cards(knowledge, munich, "en")
    assert ask.phone is None and "München" in ask.note and emergency.phone == "110"


def test_shared_postcode_with_one_route_does_not_ask(knowledge: Knowledge) -> None:
    # 01561: Ebersbach, Großenhain, Lampertswalde, Priestewitz, Schönfeld and Thiendorf all lie
    # in the formal area list of Polizeirevier Großenhain.
    res = knowledge.places.resolve("01561")
    assert res.status == "found" and res.places[0].area
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("01561")
    assert chat.state.node != "choose_place"
    route = police_route(res.places[0], knowledge.police)
    assert route.kind == "responsible" and route.station.id == "pr_grossenhain"
    first, second = messages[0].contacts[:2]
    if route.local_unknown_far:  # the responsible Revier without a number first, then ZASTEX, then the far number
        assert (first.name, first.phone, second.name) == ("Polizeirevier Großenhain", None, "ZASTEX im LKA Sachsen")
    else:
        assert "Polizeirevier Großenhain" in first.note  # the responsible Revier, named on the card with a number
        assert second.name == "ZASTEX im LKA Sachsen"  # then the specialised contact, before a Revier without a number


def test_shared_postcode_with_different_routes_asks(knowledge: Knowledge) -> None:
    # 01877: Bischofswerda's nearest station is Kamenz, Rammenau's is Bautzen.
    res = knowledge.places.resolve("01877")
    assert res.status == "ambiguous" and not any(p.area for p in res.places)
    first = {police_cards(knowledge, p, "de")[0].name for p in res.places}
    assert len(first) > 1


def test_shared_postcode_of_a_covered_and_an_uncovered_municipality_claims_only_nearest(
    knowledge: Knowledge,
) -> None:
    # 09456: Annaberg-Buchholz (covered by Revier Annaberg) and Mildenau (no source): both call
    # Revier Annaberg first, so no question; the card must not call it "responsible" for both.
    res = knowledge.places.resolve("09456")
    assert res.status == "found" and res.places[0].area
    card = police_cards(knowledge, res.places[0], "de")[0]
    assert card.name == "Polizeirevier Annaberg"
    assert card.note == knowledge.police.texts.nearest.get("de").format(place="PLZ 09456")


def test_a_station_asked_about_by_name_gets_its_card(knowledge: Knowledge) -> None:
    """"polizeirevier auerbach nummer?" below a result that names Plauen: Auerbach's card, not
    "there is nothing more"; a station without a known number says so."""
    from tests.helpers import contact_ids

    chat = PureChat(knowledge)
    walk_to_place(chat, "stalking")
    chat.text("Bergen")
    assert chat.state.node == knowledge.flow.after_result
    shown = chat.text("polizeirevier auerbach nummer?")
    auerbach = next(s for s in knowledge.police.stations if s.name.startswith("Polizeirevier Auerbach"))
    assert contact_ids(shown) == [auerbach.id] and auerbach.phone in [c.phone for m in shown for c in m.contacts]
    riesa = next(s for s in knowledge.police.stations if s.name == "Polizeirevier Riesa")
    shown = chat.text("und das revier in riesa?")
    assert riesa.id in contact_ids(shown)
    assert knowledge.police.texts.asked_station_no_phone.get("de") in [c.note for m in shown for c in m.contacts]
    # others wanted, the station named as known: more places, not its card (EH, a blind writer)
    shown = chat.text("gibts noch mehr stelln? die polizei in riesa kenn ich schon")
    assert riesa.id not in contact_ids(shown)


def test_a_town_a_source_puts_under_a_city_revier_gets_that_revier(knowledge: Knowledge) -> None:
    """Taucha had got Eilenburg and the list of Leipzig's four Reviere; the source of Leipzig-Nord
    names Taucha (a Standort there). A Leipzig councillor living there asked "isnt taucha leipzig
    police" (stop 49)."""
    taucha = knowledge.places.resolve("Taucha").places[0]
    first, second = police_cards(knowledge, taucha, "de")
    assert first.phone and second.name == "Polizeirevier Leipzig-Nord" and second.phone is None
