"""Police organisation in Saxony: the five Polizeidirektionen, their Reviere, and which
one a municipality turns to (its local Revier where known, else its Direktion)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import yaml
from pydantic import Field, PrivateAttr, ValidationError, field_validator, model_validator

from knowledge.places import Place
from knowledge.schema import ID_PATTERN, PHONE_PATTERN, L10n, Strict
from knowledge.text import normalize

POLICE_YAML = Path(__file__).parent / "data" / "police.yaml"
# SächsPolOrgVO § 1: the 13 Kreis keys of Saxony (10 Landkreise, 3 kreisfreie Städte).
SAXON_DISTRICTS = frozenset(
    "14511 14521 14522 14523 14524 14612 14625 14626 14627 14628 14713 14729 14730".split()
)


def _check_phone(value: str | None) -> str | None:
    if value is not None and not PHONE_PATTERN.match(value):
        raise ValueError("a phone number may contain digits, spaces, +, -, /, ( and ) only")
    return value


class Direktion(Strict):
    id: str = Field(pattern=r"^pd_[a-z]+$")
    name: L10n
    districts: list[str] = Field(min_length=1)
    address: str | None = None
    phone: str | None = None
    web: str | None = None
    source: str | None = None
    verified_on: dt.date | None = None
    note: L10n | None = None

    _phone = field_validator("phone")(_check_phone)

    @field_validator("districts")
    @classmethod
    def _district_keys(cls, value: list[str]) -> list[str]:
        unknown = [code for code in value if code not in SAXON_DISTRICTS]
        if unknown:
            raise ValueError(f"not a Saxon Kreis key: {unknown}")
        return value


class Station(Strict):
    """One Polizeirevier as the sources describe it; blank means not found, never guessed."""

    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1)
    direktion: str = Field(pattern=r"^pd_[a-z]+$")
    street: str | None = None
    postcode: str | None = Field(default=None, pattern=r"^\d{5}$")
    town: str = Field(min_length=1, description="Municipality name as in places-sachsen.csv.")
    city_part: bool = Field(
        default=False,
        description="Serves only part of its town (city Reviere): the town alone assigns no one.",
    )
    phone: str | None = None
    covers: list[str] = Field(
        default_factory=list, description="Further municipalities, names as in the place data."
    )
    covers_note: str | None = None
    source: str = Field(min_length=1)
    source_date: str = Field(min_length=1)
    verified_on: dt.date | None = None
    old: bool = Field(description="The main source predates 2020.")
    notes: str | None = None

    _phone = field_validator("phone")(_check_phone)

    def served_names(self) -> set[str]:
        names = {normalize(name) for name in self.covers}
        if not self.city_part:
            names.add(normalize(self.town))
        return names


class PoliceData(Strict):
    direktionen: list[Direktion]
    stations: list[Station]
    _by_district: dict[str, Direktion] = PrivateAttr(default_factory=dict)
    _by_name: dict[tuple[str, str], list[Station]] = PrivateAttr(default_factory=dict)

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
        for station in self.stations:
            for name in station.served_names():
                self._by_name.setdefault((station.direktion, name), []).append(station)

    def direktion_for(self, district_code: str) -> Direktion | None:
        return self._by_district.get(district_code)

    def stations_for(self, direktion_id: str, place_name: str) -> list[Station]:
        return list(self._by_name.get((direktion_id, normalize(place_name)), ()))


@dataclass(frozen=True)
class PoliceAssignment:
    direktion: Direktion
    station: Station | None
    fallback: bool  # True: no station's coverage is known for the place; use the Direktion


def assign(place: Place, police: PoliceData) -> PoliceAssignment | None:
    """The Revier for a Saxon place, or its Direktion when coverage is unknown or split."""
    if not place.in_saxony:
        return None
    direktion = police.direktion_for(place.district_code)
    if direktion is None:  # cannot happen with validated data for a Saxon Place
        raise LookupError(f"no Polizeidirektion for district {place.district_code}")
    stations = police.stations_for(direktion.id, place.name)
    if len(stations) == 1:
        return PoliceAssignment(direktion, stations[0], fallback=False)
    # Several stations naming one municipality means the sources disagree: do not pick.
    return PoliceAssignment(direktion, None, fallback=True)


def load_police(path: Path = POLICE_YAML) -> PoliceData:
    """Read and validate police.yaml; errors name the file."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
        return PoliceData.model_validate(raw)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ValueError(f"{path}: invalid police data:\n{exc}") from exc
