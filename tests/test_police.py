"""Police data: the shipped police.yaml, its validation, and place -> Revier assignment."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.places import PlaceIndex
from knowledge.police import POLICE_YAML, PoliceData, assign, load_police

# SächsPolOrgVO § 1, as in shared/domain.md.
DISTRICTS = {
    "pd_chemnitz": {"14511", "14521", "14522"},
    "pd_dresden": {"14612", "14627", "14628"},
    "pd_goerlitz": {"14625", "14626"},
    "pd_leipzig": {"14713", "14729", "14730"},
    "pd_zwickau": {"14523", "14524"},
}


@pytest.fixture(scope="module")
def index() -> PlaceIndex:
    return PlaceIndex.load()


@pytest.fixture(scope="module")
def police() -> PoliceData:
    return load_police(POLICE_YAML)


def test_yaml_validates(police: PoliceData) -> None:
    assert len(police.direktionen) == 5
    assert len(police.stations) == 39
    assert all(s.source.startswith("http") for s in police.stations)


def test_each_saxon_district_has_exactly_one_direktion(police: PoliceData) -> None:
    assert {d.id: set(d.districts) for d in police.direktionen} == DISTRICTS
    codes = [c for d in police.direktionen for c in d.districts]
    assert len(codes) == len(set(codes)) == 13


def test_only_chemnitz_direktion_has_a_phone(police: PoliceData) -> None:
    # domain.md: PD Chemnitz's number is sourced; PD Görlitz's comes from the station CSV.
    phones = {d.id: d.phone for d in police.direktionen}
    assert phones["pd_chemnitz"] == "+49 371 387-0"
    assert phones["pd_dresden"] is None and phones["pd_leipzig"] is None
    assert phones["pd_zwickau"] is None


def test_no_motorway_stations(police: PoliceData) -> None:
    assert not [s.name for s in police.stations if "autobahn" in s.name.lower() or "VPI" in s.name]


def test_conflicting_phone_is_kept_in_notes(police: PoliceData) -> None:
    oschatz = next(s for s in police.stations if s.id == "pr_oschatz")
    assert oschatz.phone == "03435 6500"
    assert oschatz.notes is not None and "650100" in oschatz.notes


def test_station_towns_and_covers_are_places_of_its_direktion(
    index: PlaceIndex, police: PoliceData
) -> None:
    by_name: dict[str, set[str]] = {}
    for place in index.places():
        if place.in_saxony:
            by_name.setdefault(place.name, set()).add(place.district_code)
    bad = []
    for station in police.stations:
        districts = DISTRICTS[station.direktion]
        for name in [station.town, *station.covers]:
            if not by_name.get(name, set()) & districts:
                bad.append((station.id, name))
    assert bad == []


def test_every_saxon_place_gets_its_direktion(index: PlaceIndex, police: PoliceData) -> None:
    saxon = [p for p in index.places() if p.in_saxony]
    assert len(saxon) > 418 * 0.9
    for place in saxon:
        found = index.resolve(place.name)
        assert place in found.places
        result = assign(place, police)
        assert result is not None
        assert place.district_code in result.direktion.districts
        if result.station is not None:
            assert result.station.direktion == result.direktion.id
            assert not result.fallback


@pytest.mark.parametrize(
    ("query", "direktion", "station"),
    [
        ("Freital", "pd_dresden", "pr_freital_dippoldiswalde"),
        ("Görlitz", "pd_goerlitz", "pr_goerlitz"),
        ("Plauen", "pd_zwickau", "pr_plauen"),
        ("Pirna", "pd_dresden", "pr_pirna"),
        ("Wurzen", "pd_leipzig", "pr_grimma"),
        ("Zwickau", "pd_zwickau", "pr_zwickau"),
        # City Reviere split these cities; the sources give no honest per-address split.
        ("Chemnitz", "pd_chemnitz", None),
        ("Leipzig", "pd_leipzig", None),
        ("Dresden", "pd_dresden", None),
        # Covered by a station of another town.
        ("Schkeuditz", "pd_leipzig", "pr_leipzig_nord"),
        ("Falkenstein", "pd_zwickau", "pr_auerbach"),
    ],
)
def test_founding_members_and_coverage(
    index: PlaceIndex, police: PoliceData, query: str, direktion: str, station: str | None
) -> None:
    res = index.resolve(query)
    assert res.status == "found"
    result = assign(res.places[0], police)
    assert result is not None
    assert result.direktion.id == direktion
    assert (result.station.id if result.station else None) == station
    assert result.fallback is (station is None)


def test_same_name_assigned_within_its_own_direktion(index: PlaceIndex, police: PoliceData) -> None:
    # Großenhain covers 'Ebersbach' - only the one in Landkreis Meißen, not Mittelsachsen's.
    res = index.resolve("Ebersbach")
    stations = {p.district_code: assign(p, police).station for p in res.places}  # type: ignore[union-attr]
    assert stations["14627"] is not None and stations["14627"].id == "pr_grossenhain"
    assert stations["14522"] is None


def test_outside_saxony_gets_no_assignment(index: PlaceIndex, police: PoliceData) -> None:
    munich = index.resolve("München").places[0]
    assert assign(munich, police) is None


def _write(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "police.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_invalid_files_are_rejected(tmp_path: Path) -> None:
    good = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))

    missing = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))
    missing["direktionen"][0]["districts"] = ["14511", "14521"]
    with pytest.raises(ValueError, match="14522"):
        load_police(_write(tmp_path, missing))

    bad_phone = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))
    bad_phone["stations"][0]["phone"] = "call 110"
    with pytest.raises(ValueError, match="phone"):
        load_police(_write(tmp_path, bad_phone))

    typo = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))
    typo["stations"][0]["tonw"] = "Aue"
    with pytest.raises(ValueError, match="tonw"):
        load_police(_write(tmp_path, typo))

    orphan = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))
    orphan["stations"][0]["direktion"] = "pd_bautzen"
    with pytest.raises(ValueError, match="unknown direktion"):
        load_police(_write(tmp_path, orphan))

    assert len(load_police(_write(tmp_path, good)).stations) == 39
