"""The police contact cards of the result screen: a callable local number first.

Users see a name, a one-line purpose, the phone, the address and at most one plain caveat.
Sources, dates and research notes stay in police.yaml for admins. 110 only ever appears
as the emergency number, never as a local station.
"""

from __future__ import annotations

from dataclasses import replace

import re
from functools import lru_cache

from handlers.messages import ContactCard
from knowledge.features import fold
from knowledge.base import Knowledge
from knowledge.places import Place
from knowledge.police import Direktion, PoliceRoute, Station, police_route

EMERGENCY_NUMBER = "110"
CITY_LIST = "_city"  # the id ending of the card that lists a city's Reviere
MAX_POLICE_CARDS = 2


def police_cards(k: Knowledge, place: Place | None, lang: str) -> list[ContactCard]:
    """At most two cards; for a Saxon place the first always has a callable number."""
    texts = k.police.texts
    lead_id = k.catalogue.police_contact
    if place is None or not place.in_saxony:
        note = texts.outside.get(lang).format(place=place.name) if place else texts.ask_place.get(lang)
        return [
            ContactCard(id=lead_id, name=texts.ask_place_name.get(lang), note=note),
            ContactCard(id="notruf_110", name=texts.emergency_name.get(lang), phone=EMERGENCY_NUMBER,
                        note=texts.emergency.get(lang)),
        ]
    route = police_route(place, k.police)
    cards = _route_cards(k, route, place, lang)
    cards[0] = ContactCard(**{**_fields(cards[0]), "id": lead_id})
    return cards[:MAX_POLICE_CARDS]


def _route_cards(k: Knowledge, route: PoliceRoute, place: Place, lang: str) -> list[ContactCard]:
    texts = k.police.texts
    label = _place_label(place, lang)
    if route.kind == "city":
        return _city_cards(k, route, place, lang)
    if route.switchboard_first and route.station is not None:
        if route.kind == "responsible" or route.nearby is not None:
            local = route.station if route.kind == "responsible" else route.nearby
            purpose = texts.responsible_no_phone if route.kind == "responsible" else texts.nearby_no_phone
            return _with_direktion(k, route.direktion, [_station_card(k, local, purpose.get(lang), lang)], lang,
                                   first=True)
        far = _station_card(k, route.station, _nearest(k, route.station, place, label, lang), lang)
        return _with_direktion(k, route.direktion, [far], lang, first=True)
    if route.local_unknown_far and route.callable is not None:
        # The own Revier first, though its number is unknown: a station 20 or 50 km away is
        # no local police, whatever number it has ("Strehla": Riesa, then Dresden-Nord).
        own = route.station if route.kind == "responsible" else route.nearby
        purpose = texts.responsible_no_phone if route.kind == "responsible" else texts.nearby_no_phone
        far = texts.nearest_callable_far.get(lang).format(km=round(route.distance_km or 0))
        # the far one to call, not to visit: no address (the card stays short enough for the
        # first specialised contact to fit the first screen)
        return [_station_card(k, own, purpose.get(lang), lang),
                _station_card(k, route.callable, far, lang, with_address=False)]
    if route.kind == "responsible" and route.station is not None:
        if route.station.phone:
            return [_station_card(k, route.station, texts.responsible.get(lang), lang)]
        responsible = _station_card(k, route.station, texts.responsible_no_phone.get(lang), lang)
        if route.callable is not None:
            purpose = texts.nearest_for_responsible.get(lang).format(place=label, station=route.station.name)
            return [_station_card(k, route.callable, purpose, lang), responsible]
        return _with_direktion(k, route.direktion, [responsible], lang, first=True)
    if route.kind == "nearest" and route.station is not None:
        if route.city is not None and route.city_parts:  # "Markkleeberg": Leipzig's Reviere are nearer
            card = _station_card(k, route.station, texts.nearest_callable.get(lang).format(place=label), lang)
            if (covering := _covering_part(k, place, route.city_parts)) is not None:
                # "Taucha": a source names it under Leipzig-Nord (a Standort there): that Revier, near,
                # in the place of the city's list (after every other contact, as the list was)
                covered = _station_card(k, covering, texts.nearby_no_phone.get(lang), lang)
                return [card, replace(covered, id=f"{covering.id}{CITY_LIST}")]
            return [card, _city_list_card(k, route.city, list(route.city_parts), lang)]
        if route.nearby is not None:  # a nearer Revier has no known number: say so, show both
            card = _station_card(k, route.station, texts.nearest_callable.get(lang).format(place=label), lang)
            nearby = _station_card(k, route.nearby, texts.nearby_no_phone.get(lang), lang)
            return _with_direktion(k, route.direktion, [card, nearby], lang, first=False)
        card = _station_card(k, route.station, _nearest(k, route.station, place, label, lang), lang)
        return _with_direktion(k, route.direktion, [card], lang, first=False)
    # No station of the Direktion has a number: the Direktion itself, or ask for a place.
    direktion_cards = _with_direktion(k, route.direktion, [], lang, first=True)
    return direktion_cards or [ContactCard(id="polizeirevier", name=texts.ask_place_name.get(lang),
                                           note=texts.ask_place.get(lang))]


def _nearest(k: Knowledge, station: Station, place: Place, label: str, lang: str) -> str:
    """The nearest station's purpose: in the user's own municipality, said so (its coverage
    still unsourced); elsewhere, that it is the nearest."""
    texts = k.police.texts
    own = station.town.split("/")[0].strip().casefold() == place.name.split("/")[0].strip().casefold()
    return (texts.in_town if own else texts.nearest).get(lang).format(place=label)


def _city_cards(k: Knowledge, route: PoliceRoute, place: Place, lang: str) -> list[ContactCard]:
    """A city of several Reviere (Leipzig, Dresden, Chemnitz): which one is responsible depends
    on the district, which we do not know, so none is called "near you". First a number: the
    city's Revier that has one, else the Direktion's switchboard, else (Leipzig) the city's
    Reviere and the nearest number elsewhere."""
    texts = k.police.texts
    others = [s for s in route.city_parts if s is not route.station]
    listing = _city_list_card(k, place, others, lang) if others else None
    if route.station is not None:
        purpose = texts.city_part_callable.get(lang).format(place=place.name)
        return [_station_card(k, route.station, purpose, lang), *([listing] if listing else [])]
    if route.switchboard_first:
        return _with_direktion(k, route.direktion, [listing] if listing else [], lang, first=True)
    if route.callable is not None and listing is not None:
        far = texts.outside_city_callable.get(lang).format(city=place.name, km=round(route.distance_km or 0))
        return [listing, _station_card(k, route.callable, far, lang, with_address=False)]
    return _with_direktion(k, route.direktion, [listing] if listing else [], lang, first=True)


def _covering_part(k: Knowledge, place: Place, parts: tuple[Station, ...]) -> Station | None:
    """The city Revier whose source names `place` among what it covers ("16 Leipzig Stadtteile +
    Schkeuditz, Taucha"), if exactly one does and it has no number of its own to call."""
    name = fold(place.name.split("/")[0]).strip()
    found = [s for s in parts if s.covers_note and name in _city_parts(((s.id, s.covers_note),))]
    return found[0] if len(found) == 1 and not found[0].phone else None


def far_from_city(k: Knowledge, place: Place | None) -> bool:
    """Whether the police cards for `place` are a city's Reviere without a number and the
    nearest number outside the city (Leipzig: Delitzsch, 21 km)."""
    if place is None or not place.in_saxony:
        return False
    route = police_route(place, k.police)
    return route.kind == "city" and route.station is None and not route.switchboard_first \
        and route.callable is not None and bool(route.city_parts)


def _city_list_card(k: Knowledge, place: Place, stations: list[Station], lang: str) -> ContactCard:
    """One card naming a city's Reviere with their streets, none of them called responsible."""
    texts = k.police.texts
    def short(station: Station) -> str:  # "Polizeirevier Leipzig-Südost" in Leipzig's card: "Südost"
        name = station.name.replace("Polizeirevier ", "")
        return name[len(place.name) + 1:] if name.startswith(f"{place.name}-") else name

    if len(stations) == 1:  # Chemnitz: one Revier besides the switchboard, not a list of one ("Nordost. Which one …")
        note = texts.city_part_callable.get(lang).format(place=place.name)
        if not stations[0].phone:
            note = f"{note} {texts.asked_station_no_phone.get(lang)}"
        return ContactCard(id=f"{stations[0].id}{CITY_LIST}", name=stations[0].name, phone=stations[0].phone,
                           address=_address(stations[0]), note=note)
    names = ", ".join(f"{short(s)} ({s.street})" if s.street else short(s) for s in stations)
    return ContactCard(id=f"{stations[0].id}{CITY_LIST}", name=texts.city_list_name.get(lang).format(place=place.name),
                       note=texts.city_list.get(lang).format(stations=names))


# Words that make a town named a police station asked about ("polizeirevier auerbach nummer?",
# "welches revier is fuer uns? weisswasser oder niesky?"), folded.
_STATION_WORDS = frozenset("polizeirevier revier polizei wache dienststelle police station precinct".split())


def named_stations(k: Knowledge, text: str, lang: str) -> list[ContactCard]:
    """The police stations `text` names beside a police word, by the part of their name after
    "Polizeirevier" ("Auerbach", "Dresden-Nord"; "Freital" for "Freital-Dippoldiswalde" where no
    other station's name begins so), each with what we know of reaching it."""
    words = fold(text).split()
    if _STATION_WORDS.isdisjoint(words) or not _WRONG.isdisjoint(words):
        return []  # "so weisswasser is wrong? which polizei i call now": not that one
    said = set(words)
    keys = _station_keys(tuple(station.name for station in k.police.stations))
    firsts = [key[0] for key in keys if key]
    unknown = k.police.texts.asked_station_no_phone.get(lang)
    return [_station_card(k, station, "" if station.phone else unknown, lang)
            for station, key in zip(k.police.stations, keys)
            if key and (said.issuperset(key) or firsts.count(key[0]) == 1 and key[0] in said)]


def district_stations(k: Knowledge, text: str, lang: str) -> list[ContactCard]:
    """A city's Revier whose source names a Stadtteil the text names beside a police word ("im in
    connewitz which one is mine", "welches revier ist für grünau"), with what it says about it."""
    words = fold(text).split()
    if _STATION_WORDS.isdisjoint(words) and (_WHICH_ONE.isdisjoint(words) or "?" not in text):
        return []
    parts = _city_parts(tuple((s.id, s.covers_note or "") for s in k.police.stations if s.city_part))
    found = [(sid, part) for word in words for sid, part in parts.get(word, ())]
    stations = {s.id: s for s in k.police.stations}
    seen: set[str] = set()
    cards = []
    for sid, part in found:
        if sid not in seen and sid in stations:
            seen.add(sid)
            note = k.police.texts.city_part_covers.get(lang).format(part=part)
            if not stations[sid].phone:
                note = f"{note} {k.police.texts.asked_station_no_phone.get(lang)}"
            cards.append(_station_card(k, stations[sid], note, lang))
    return cards


# A station named as the wrong one (folded words).
_WRONG = frozenset("wrong falsch falsche falscher falsches verkehrt".split())
_WHICH_ONE = frozenset("welches welcher which mine meins zustandig responsible".split())
# Words of a covers_note that name no Stadtteil ("16 Leipzig Stadtteile + Schkeuditz, Taucha").
_NOT_PARTS = frozenset("leipzig dresden chemnitz stadtteile stadtteil further weitere also west east north south "
                       "inhabitants einwohner calls listed einzugsbereich largest revier saxony staff flughafen messe "
                       "undated zentrum ortsamter ortschaften neustadt".split())  # "neustadt": also a town of its own


@lru_cache(maxsize=4)
def _city_parts(notes: tuple[tuple[str, str], ...]) -> dict[str, tuple[tuple[str, str], ...]]:
    """Folded Stadtteil word -> (station id, the Stadtteil as written) for each city Revier."""
    found: dict[str, list[tuple[str, str]]] = {}
    for sid, note in notes:
        for piece in re.split(r"[,;/()+:]|\balso\b|'", note):
            name = piece.strip().strip(".")
            words = [w for w in fold(name).split() if w.isalpha() and len(w) >= 5 and w not in _NOT_PARTS]
            if not words or len(name.split()) > 3:
                continue
            for word in words:
                found.setdefault(word, []).append((sid, name))
    return {w: tuple(v) for w, v in found.items() if len({sid for sid, _ in v}) == 1}


@lru_cache(maxsize=4)
def _station_keys(names: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """Each station's name words after "Polizeirevier" ("Polizeirevier Auerbach
    (Auerbach-Klingenthal)": ("auerbach",)), worked out once per set of stations."""
    return tuple(tuple(fold(name.split("(")[0].replace("Polizeirevier", " ")).split()) for name in names)


def _with_direktion(k: Knowledge, direktion: Direktion | None, cards: list[ContactCard], lang: str,
                    *, first: bool) -> list[ContactCard]:
    """Add the Direktion's switchboard where one is sourced (never a press or tip line)."""
    if direktion is None or not direktion.phone:
        return cards
    texts = k.police.texts
    card = ContactCard(
        id=direktion.id, name=direktion.name.get(lang), phone=direktion.phone,
        address=direktion.address, note=_note(texts.direktion.get(lang), direktion.phone_uncertain, k, lang),
    )
    return [card, *cards] if first else [*cards, card]


def _station_card(k: Knowledge, station: Station, purpose: str, lang: str, *, with_address: bool = True) -> ContactCard:
    return ContactCard(
        id=station.id,
        name=station.name,
        phone=station.phone,
        address=_address(station) if with_address else None,
        note=_note(purpose, station.phone_uncertain and bool(station.phone), k, lang),
    )


def _note(purpose: str, uncertain: bool, k: Knowledge, lang: str) -> str | None:
    """The card's one line: its purpose, and the caveat of an uncertain number (either alone)."""
    if not uncertain:
        return purpose or None
    caveat = k.police.texts.uncertain.get(lang)
    return f"{purpose.rstrip('.')}. {caveat}" if purpose else caveat


def _address(station: Station) -> str | None:
    if not station.street:
        return None  # a town alone is not an address; the name already says where
    town = " ".join(x for x in (station.postcode, station.town) if x)
    return f"{station.street}, {town}"


def _place_label(place: Place, lang: str) -> str:
    """An area place ("Ebersbach, Lampertswalde (01561)") is named by its postcode only."""
    if place.area:
        return ("PLZ " if lang == "de" else "postcode ") + place.postcode
    return place.name


def _fields(card: ContactCard) -> dict:
    return {name: getattr(card, name) for name in card.__slots__}
