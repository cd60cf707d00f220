"""Police organisation in Saxony: the five Polizeidirektionen, their Reviere, which Revier
covers which municipality (only where a source says so), and the route to a callable number.

`police_route(place, police)` is the one answer the rest of the bot needs: the responsible
Revier where the coverage data names one, else the nearest Revier of the same Direktion
that has a phone number, labelled as the nearest, never as responsible.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import yaml
from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator

from knowledge.places import Place, PlaceIndex
from knowledge.schema import ID_PATTERN, PHONE_PATTERN, L10n, Strict
from knowledge.text import normalize

if TYPE_CHECKING:
    from collections.abc import Hashable

POLICE_YAML = Path(__file__).parent / "data" / "police.yaml"
# SächsPolOrgVO § 1: the 13 Kreis keys of Saxony (10 Landkreise, 3 kreisfreie Städte).
SAXON_DISTRICTS = frozenset(
    "14511 14521 14522 14523 14524 14612 14625 14626 14627 14628 14713 14729 14730".split()
)
Evidence = Literal["strong", "good", "weak"]


def _check_phone(value: str | None) -> str | None:
    if value is not None and not PHONE_PATTERN.match(value):
        raise ValueError("a phone number may contain digits, spaces, +, -, /, ( and ) only")
    return value


class Direktion(Strict):
    id: str = Field(pattern=r"^pd_[a-z]+$")
    name: L10n
    districts: list[str] = Field(min_length=1)
    address: str | None = None
    phone: str | None = Field(default=None, description="Switchboard only; press or tip lines go in notes.")
    phone_uncertain: bool = False
    web: str | None = None
    source: str | None = None
    source_date: str | None = None
    verified_on: dt.date | None = None
    notes: str | None = Field(default=None, description="For admins; never shown to users.")

    _phone = field_validator("phone")(_check_phone)

    @field_validator("districts")
    @classmethod
    def _district_keys(cls, value: list[str]) -> list[str]:
        unknown = [code for code in value if code not in SAXON_DISTRICTS]
        if unknown:
            raise ValueError(f"not a Saxon Kreis key: {unknown}")
        return value


class Coverage(Strict):
    """A sourced statement "municipality X lies in this Revier's area"."""

    gemeinde: str = Field(min_length=1, description="Municipality name as in gemeinden-sachsen.csv.")
    ags: str | None = Field(default=None, pattern=r"^14\d{6}$")
    evidence: Evidence
    source: str = Field(min_length=1)
    source_date: str = Field(min_length=1)
    old: bool = False
    quote: str | None = None


class Station(Strict):
    """One Polizeirevier as the sources describe it; blank means not found, never guessed."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    direktion: str = Field(pattern=r"^pd_[a-z]+$")
    street: str | None = None
    postcode: str | None = Field(default=None, pattern=r"^\d{5}$")
    town: str = Field(min_length=1, description="Municipality name as in gemeinden-sachsen.csv.")
    city_part: bool = Field(default=False, description="Serves only part of its town (city Reviere).")
    phone: str | None = None
    phone_uncertain: bool = Field(default=False, description="Old, conflicting or possibly changed number.")
    covers: list[Coverage] = Field(default_factory=list)
    covers_note: str | None = None
    source: str = Field(min_length=1)
    source_date: str = Field(min_length=1)
    verified_on: dt.date | None = None
    old: bool = Field(description="The main source predates 2020.")
    notes: str | None = None

    _phone = field_validator("phone")(_check_phone)


class PoliceTexts(Strict):
    """User texts of the police cards; placeholders {place}, {station} and {km}."""

    responsible: L10n
    nearest: L10n
    in_town: L10n = Field(description="The nearest station, in the user's own municipality, its coverage unsourced.")
    nearest_callable: L10n = Field(description="The nearest station with a number, when a nearer one has none.")
    nearby_no_phone: L10n = Field(description="A nearer station whose number we do not know.")
    asked_station_no_phone: L10n = Field(description="A station the user asks about by name, whose number we do not know.")
    outside_city_callable: L10n = Field(description="A city whose own Reviere have no known number (Leipzig): the nearest "
                                        "station with one, outside it; {city}: the city, {km}: how far. Not the city's own.")
    nearest_callable_far: L10n = Field(description="The nearest station with a number, more than FAR_KM away, "
                                       "after the own station without one; placeholder {km}.")
    nearest_for_responsible: L10n
    city_part_callable: L10n = Field(description="One of a city's several Reviere, the one with a number; {place}.")
    city_list_name: L10n = Field(description="Title of the card listing a city's Reviere; {place}.")
    city_list: L10n = Field(description="The city's Reviere ({stations}: names and streets), none called responsible.")
    city_part_covers: L10n = Field(description="A city's Revier asked about by a Stadtteil its source names; {part}.")
    responsible_no_phone: L10n
    direktion: L10n
    uncertain: L10n
    ask_place_name: L10n
    ask_place: L10n
    outside: L10n
    emergency_name: L10n
    emergency: L10n


class PoliceData(Strict):
    texts: PoliceTexts
    direktionen: list[Direktion]
    stations: list[Station]
    _by_district: dict[str, Direktion] = PrivateAttr(default_factory=dict)
    _by_id: dict[str, Direktion | Station] = PrivateAttr(default_factory=dict)
    _coverage: dict[str, tuple[Station, Coverage]] = PrivateAttr(default_factory=dict)
    _located: dict[str, tuple[float, float]] = PrivateAttr(default_factory=dict)
    _callable: dict[str, list[tuple[float, float, Station]]] = PrivateAttr(default_factory=dict)
    _city_parts: dict[str, tuple[Station, ...]] = PrivateAttr(default_factory=dict)
    _city_spots: dict[str, Place] = PrivateAttr(default_factory=dict)

    @model_validator(mode="after")
    def _cross_check(self) -> PoliceData:
        ids = [d.id for d in self.direktionen] + [s.id for s in self.stations]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"duplicate ids: {duplicates}")
        codes = [code for d in self.direktionen for code in d.districts]
        twice = sorted({c for c in codes if codes.count(c) > 1})
        missing = sorted(SAXON_DISTRICTS - set(codes))
        if twice or missing:
            raise ValueError(f"districts in two Direktionen: {twice}; in none: {missing}")
        known = {d.id for d in self.direktionen}
        orphans = [s.id for s in self.stations if s.direktion not in known]
        if orphans:
            raise ValueError(f"stations with an unknown direktion: {orphans}")
        return self

    def model_post_init(self, context: object, /) -> None:
        self._by_district = {code: d for d in self.direktionen for code in d.districts}
        self._by_id = {x.id: x for x in [*self.direktionen, *self.stations]}
        for station in self.stations:
            for cov in station.covers:
                for k in filter(None, (cov.ags, _name_key(cov.gemeinde))):
                    self._coverage.setdefault(k, (station, cov))

    def direktion_for(self, district_code: str) -> Direktion | None:
        return self._by_district.get(district_code)

    def direktion(self, direktion_id: str) -> Direktion | None:
        found = self._by_id.get(direktion_id)
        return found if isinstance(found, Direktion) else None

    def station(self, station_id: str) -> Station | None:
        found = self._by_id.get(station_id)
        return found if isinstance(found, Station) else None

    def coverage_for(self, place: Place) -> tuple[Station, Coverage] | None:
        """The Revier a source places this municipality in, if any (by AGS, else by name)."""
        if place.ags and place.ags in self._coverage:
            return self._coverage[place.ags]
        found = self._coverage.get(_name_key(place.name))
        # A name-only entry must not cross Direktionen ("Ebersbach" exists twice).
        if found and (not place.direktion or found[0].direktion == place.direktion) and not found[1].ags:
            return found
        return None

    def locate_stations(self, places: PlaceIndex) -> None:
        """Give each station coordinates from its postcode or its town (the place data). A
        Revier serving part of a city, known only by the city's name, has no place of its own
        (it would sit at the city's centre, as near as its sister Reviere): it is one of the
        city's Reviere (`city_parts`), never the nearest to anywhere."""
        located: dict[str, tuple[float, float]] = {}
        parts: dict[str, list[Station]] = {}
        spots: dict[str, Place] = {}
        for station in self.stations:
            spot = station_place(station, places)
            if spot is None:
                continue
            if station.city_part and spot.ags:
                parts.setdefault(spot.ags, []).append(station)
                spots.setdefault(spot.ags, spot)
            if not station.city_part or station.postcode:
                located[station.id] = (spot.lat, spot.lon)
        self._located = located
        self._city_parts = {ags: tuple(found) for ags, found in parts.items()}
        self._city_spots = spots
        callable_: dict[str, list[tuple[float, float, Station]]] = {}
        for station in self.stations:
            if station.phone and station.id in located:
                callable_.setdefault(station.direktion, []).append((*located[station.id], station))
        self._callable = callable_

    def located_stations(self, direktion_id: str) -> list[tuple[float, float, Station]]:
        """(lat, lon, station) of every located station of the Direktion, with or without a number."""
        return [(*self._located[s.id], s) for s in self.stations if s.direktion == direktion_id and s.id in self._located]

    def callable_stations(self, direktion_id: str) -> list[tuple[float, float, Station]]:
        """(lat, lon, station) of the Direktion's located stations that have a phone number."""
        return self._callable.get(direktion_id, [])

    def city_parts(self, place: Place) -> tuple[Station, ...]:
        """The Reviere that each serve a part of the place's city (Leipzig, Dresden, Chemnitz):
        which one is responsible depends on the district, which the data does not tell."""
        return self._city_parts.get(place.ags or "", ())

    def city_nearer(self, place: Place, km: float, direktion_id: str) -> tuple[Place, tuple[Station, ...]] | None:
        """A city of the Direktion whose Reviere (known by the city's name only) are nearer to
        `place` than `km` ("Markkleeberg": Leipzig's, before Borna 20 km away), with them."""
        best: tuple[float, str] | None = None
        for ags, spot in self._city_spots.items():
            unlocated = [s for s in self._city_parts[ags] if s.id not in self._located]
            if spot.direktion != direktion_id or len(unlocated) < CITY_LIST_MIN:
                continue  # (Chemnitz: one Revier known by name, no list to show)
            d = _km((place.lat, place.lon), (spot.lat, spot.lon))
            if d < km and (best is None or d < best[0]):
                best = (d, ags)
        if best is None:
            return None
        ags = best[1]
        return self._city_spots[ags], tuple(s for s in self._city_parts[ags] if s.id not in self._located)

    def location(self, station_id: str) -> tuple[float, float] | None:
        return self._located.get(station_id)


def _name_key(name: str) -> str:
    return normalize(name)


def station_place(station: Station, places: PlaceIndex) -> Place | None:
    """The municipality a station sits in: its town, narrowed by its postcode if given."""
    res = places.resolve(f"{station.postcode} {station.town}" if station.postcode else station.town)
    candidates = [p for p in res.places if p.in_saxony and not p.area]
    if res.status == "found" and candidates:
        return candidates[0]
    same = [p for p in candidates if p.direktion == station.direktion]
    return same[0] if len(same) == 1 else None


RouteKind = Literal["responsible", "city", "nearest", "direktion_only", "unknown"]


# A Revier with a known number farther away than this is not the first call where the
# Direktion's switchboard is sourced (PoliceRoute.switchboard_first).
FAR_KM = 15.0
# A neighbouring city's Reviere are listed beside the nearest number only when at least this
# many are known (Zschopau had got "Polizeireviere in Chemnitz: Nordost").
CITY_LIST_MIN = 2


@dataclass(frozen=True)
class PoliceRoute:
    """Where a person in `place` reaches the police, and how sure we are.

    kind: responsible (a source places the municipality in `station`'s area), city (a
    city of several Reviere, `city_parts`; `station` the one of them with a number, if any), nearest
    (no coverage known: the nearest Revier of the Direktion that has a phone number),
    direktion_only (no Revier of the Direktion has a number), unknown (no Saxon place).
    `callable` is the station whose number to dial first: `station` itself when it has a
    number, else (responsible without a number) the nearest station with one. `nearby`
    (nearest only): a station nearer than `station` whose number we do not know, so that
    `station` is not called the nearest ("Riesa": the Revier in Riesa has no known number)."""

    kind: RouteKind
    station: Station | None = None
    direktion: Direktion | None = None
    phone: str | None = None
    evidence: Coverage | None = None
    callable: Station | None = None
    distance_km: float | None = None
    nearby: Station | None = None
    city_parts: tuple[Station, ...] = ()
    city: Place | None = None  # kind nearest: the city whose Reviere (city_parts) are nearer

    @property
    def local_unknown_far(self) -> bool:
        """The place's own Revier (responsible, or the nearest) has no known number and the
        nearest one with a number is more than FAR_KM away, with no switchboard to call
        instead ("Strehla": Riesa has no known number, Dresden-Nord is 49 km away): the own
        Revier comes first, then the far number."""
        own_unknown = self.kind == "nearest" and self.nearby is not None \
            or self.kind == "responsible" and self.station is not None and not self.station.phone \
            or self.kind == "city" and self.station is None
        far = self.distance_km is not None and self.distance_km > FAR_KM
        return own_unknown and far and self.callable is not None and not self.switchboard_first

    @property
    def switchboard_first(self) -> bool:
        """The Direktion's sourced switchboard is the first call: the place's own Revier (the
        responsible one, or the nearest) has no known number and the nearest one with a number
        is more than FAR_KM away ("Chemnitz": the city's Reviere have no known number, PD
        Chemnitz sits in the city). Where the nearest Revier has a number, however far, it
        comes first ("Kreba-Neudorf": Weißwasser, not the switchboard in Görlitz)."""
        unknown_local = self.kind == "nearest" and self.nearby is not None \
            or self.kind == "responsible" and self.station is not None and not self.station.phone \
            or self.kind == "city" and self.station is None
        far = self.distance_km is not None and self.distance_km > FAR_KM
        return unknown_local and far and self.direktion is not None and bool(self.direktion.phone)

    def key(self) -> Hashable:
        """Equal for two places that get exactly the same police cards."""
        return (self.kind, _id(self.station), _id(self.callable), _id(self.direktion), _id(self.nearby),
                self.switchboard_first, self.local_unknown_far, tuple(s.id for s in self.city_parts))

    def shared_key(self) -> Hashable:
        """Equal for two places whose people call the same number first (and, where the
        responsible station has no number, have the same responsible station)."""
        unreachable = self.station if self.kind == "responsible" and self.station and not self.station.phone else None
        first = self.direktion if self.switchboard_first else self.callable
        return (_id(first), _id(unreachable), _id(self.direktion))


def _id(x: Station | Direktion | None) -> str | None:
    return x.id if x is not None else None


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    coslat = math.cos(math.radians((a[0] + b[0]) / 2))
    return math.hypot(a[0] - b[0], (a[1] - b[1]) * coslat) * 111.2


def nearest_callable(place: Place, direktion_id: str, police: PoliceData, *,
                     any_station: bool = False) -> tuple[Station, float] | None:
    """The nearest station of the Direktion that has a phone number (or, with `any_station`,
    any located one), with its distance."""
    best: tuple[float, str, Station] | None = None
    stations = police.located_stations(direktion_id) if any_station else police.callable_stations(direktion_id)
    for lat, lon, station in stations:
        cand = (_km((place.lat, place.lon), (lat, lon)), station.id, station)
        if best is None or cand[:2] < best[:2]:
            best = cand
    return (best[2], best[0]) if best else None


def police_route(place: Place | None, police: PoliceData) -> PoliceRoute:
    """The police route for a municipality (see PoliceRoute)."""
    if place is None or not place.in_saxony:
        return PoliceRoute("unknown")
    direktion = police.direktion(place.direktion or "") or police.direktion_for(place.district_code)
    if direktion is None:
        return PoliceRoute("unknown")
    covered = police.coverage_for(place)
    near = nearest_callable(place, direktion.id, police)
    if covered is not None:
        station, evidence = covered
        if station.phone:
            return PoliceRoute("responsible", station, direktion, station.phone, evidence, station)
        alt, km = near if near else (None, None)
        return PoliceRoute("responsible", station, direktion, alt.phone if alt else direktion.phone,
                           evidence, alt, km)
    if parts := police.city_parts(place):
        # Leipzig, Dresden, Chemnitz: none of the city's Reviere is "the nearest" or "near
        # you" without the district; one of them with a number, else the switchboard or the
        # nearest number elsewhere (switchboard_first, local_unknown_far)
        own = next((s for s in parts if s.phone), None)
        if own is not None:
            return PoliceRoute("city", own, direktion, own.phone, None, own, 0.0, None, parts)
        alt, km = near if near else (None, None)
        return PoliceRoute("city", None, direktion, alt.phone if alt else direktion.phone, None, alt, km, None, parts)
    if near is not None:
        station, km = near
        closest = nearest_callable(place, direktion.id, police, any_station=True)
        nearby = closest[0] if closest and closest[0] is not station and closest[1] < km else None
        city = police.city_nearer(place, closest[1] if nearby and closest else km, direktion.id)
        return PoliceRoute("nearest", station, direktion, station.phone, None, station, km, nearby,
                           city[1] if city else (), city[0] if city else None)
    return PoliceRoute("direktion_only", None, direktion, direktion.phone)


def assign(place: Place, police: PoliceData) -> PoliceRoute | None:
    """Older name kept for callers that only need the Direktion (escalation)."""
    route = police_route(place, police)
    return route if route.kind != "unknown" else None


def load_police(path: Path = POLICE_YAML) -> PoliceData:
    """Read and validate police.yaml; errors name the file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return PoliceData.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{path}: invalid police data:\n{exc}") from exc


def load_places(directory: Path, police: PoliceData) -> PlaceIndex:
    """The place index of a knowledge directory, joined with its police data: stations get
    coordinates, and shared postcodes with one police route stop asking."""
    from knowledge.places import GERMANY_CSV, MUNICIPALITIES_CSV, SAXONY_CSV

    places = PlaceIndex.load(
        directory / MUNICIPALITIES_CSV.name, directory / SAXONY_CSV.name, directory / GERMANY_CSV.name
    )
    police.locate_stations(places)
    places.group_shared_postcodes(lambda p: police_route(p, police).shared_key(),
                                  lambda p: 0 if police_route(p, police).kind == "nearest" else 1)
    return places
