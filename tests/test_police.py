"""Police data: the shipped police.yaml, its validation, and place -> Revier assignment."""

from __future__ import annotations

from pathlib import Path

import csv

import pytest
import yaml

from knowledge.base import default_dir
from knowledge.places import PlaceIndex
from knowledge.police import POLICE_YAML, PoliceData, assign, load_places, load_police, police_route

# A copy of shared/data/revier-zustaendigkeit.csv: the sourced coverage the YAML must mirror.
COVERAGE_CSV = Path(__file__).parent / "data" / "revier-zustaendigkeit.csv"


def _coverage_rows() -> list[dict[str, str]]:
    with COVERAGE_CSV.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))

# SächsPolOrgVO § 1, as in shared/domain.md.
DISTRICTS = {
    "pd_chemnitz": {"14511", "14521", "14522"},
    "pd_dresden": {"14612", "14627", "14628"},
    "pd_goerlitz": {"14625", "14626"},
    "pd_leipzig": {"14713", "14729", "14730"},
    "pd_zwickau": {"14523", "14524"},
}


@pytest.fixture(scope="module")
def police() -> PoliceData:
    return load_police(POLICE_YAML)


@pytest.fixture(scope="module")
def index(police: PoliceData) -> PlaceIndex:
    return load_places(default_dir(), police)


def test_yaml_validates(police: PoliceData) -> None:
    assert len(police.direktionen) == 5
    assert len(police.stations) == 40  # 39 ordinary Reviere with a station row + Rochlitz from coverage
    assert all(s.source.startswith("http") and s.source_date for s in police.stations)
    assert all(c.source.startswith("http") and c.source_date for s in police.stations for c in s.covers)


def test_each_saxon_district_has_exactly_one_direktion(police: PoliceData) -> None:
    assert {d.id: set(d.districts) for d in police.direktionen} == DISTRICTS
    codes = [c for d in police.direktionen for c in d.districts]
    assert len(codes) == len(set(codes)) == 13


def test_only_sourced_switchboards_are_direktion_phones(police: PoliceData) -> None:
    # polizeidirektionen.csv: switchboards only for Chemnitz and Görlitz; Dresden's press
    # office and witness line, Leipzig's tip line are not switchboards.
    phones = {d.id: d.phone for d in police.direktionen}
    assert phones == {"pd_chemnitz": "+49 371 387-0", "pd_dresden": None, "pd_goerlitz": "03581 468-0",
                      "pd_leipzig": None, "pd_zwickau": None}


def test_no_motorway_stations(police: PoliceData) -> None:
    assert not [s.name for s in police.stations if "autobahn" in s.name.lower() or "VPI" in s.name]


def test_conflicting_phone_is_marked_uncertain_and_kept_in_notes(police: PoliceData) -> None:
    oschatz = police.station("pr_oschatz")
    assert oschatz is not None and oschatz.phone == "03435/6500" and oschatz.phone_uncertain
    assert oschatz.notes is not None and "650100" in oschatz.notes
    suedost = police.station("pr_leipzig_suedost")
    assert suedost is not None and suedost.phone is None  # a registration desk is no public line


def test_coverage_matches_the_sourced_table(police: PoliceData) -> None:
    rows = _coverage_rows()
    expected = {(r["ags"], r["revier_name"]) for r in rows}
    shipped = {(c.ags, s.name) for s in police.stations for c in s.covers}
    assert shipped == expected
    assert len({ags for ags, _ in shipped}) == 110


CITIES = ("Leipzig", "Dresden", "Chemnitz")  # each served by several Reviere, by district


def test_a_city_of_several_reviere_calls_none_of_them_near_and_neighbours_see_them(index: PlaceIndex,
                                                                               police: PoliceData) -> None:
    """Blind testers: Connewitz, Südvorstadt and the Markt all got "Leipzig-Nord, near you" (the
    city's Reviere, known by the city's name only, all sat at its centre; the first by id won),
    Löbtau and the Altstadt "Dresden-Nord, nearest"; Markkleeberg "Leipzig-Nord" too."""
    for name, parts in (("Leipzig", 4), ("Dresden", 4), ("Chemnitz", 1)):
        route = police_route(index.resolve(name).places[0], police)
        assert route.kind == "city" and len(route.city_parts) == parts and route.nearby is None, name
    leipzig = police_route(index.resolve("Leipzig").places[0], police)
    assert leipzig.station is None and leipzig.callable.id == "pr_delitzsch" and leipzig.local_unknown_far
    for neighbour in ("Markkleeberg", "Markranstädt", "Taucha"):
        route = police_route(index.resolve(neighbour).places[0], police)
        assert route.kind == "nearest" and route.nearby is None and route.city.name == "Leipzig", neighbour
        assert {s.id for s in route.city_parts} >= {"pr_leipzig_suedost", "pr_leipzig_nord"}


def test_every_saxon_municipality_gets_a_route_in_its_direktion(index: PlaceIndex, police: PoliceData) -> None:
    saxon = index.saxon_places()
    assert len(saxon) == 418
    for place in saxon:
        route = police_route(place, police)
        assert route.kind in ("responsible", "city", "nearest")
        assert place.district_code in route.direktion.districts
        if route.kind == "city":  # Leipzig, Dresden, Chemnitz: the city's Reviere, none called its own
            assert route.city_parts and all(s.direktion == route.direktion.id for s in route.city_parts)
            assert route.station is None or route.station in route.city_parts and route.station.phone
        else:
            assert route.station.direktion == route.direktion.id
        assert route.phone and route.phone != "110"
        assert route.callable is not None and route.callable.phone == route.phone
        assert "autobahn" not in route.callable.name.lower()


def test_responsible_only_where_the_coverage_data_says_so(index: PlaceIndex, police: PoliceData) -> None:
    rows = _coverage_rows()
    covered = {r["ags"]: r["revier_name"] for r in rows}
    for place in index.saxon_places():
        route = police_route(place, police)
        if place.ags in covered:
            assert route.kind == "responsible", place.name
            assert route.station.name == covered[place.ags]
            assert route.evidence is not None and route.evidence.ags == place.ags
        else:
            assert route.kind == ("city" if place.name in CITIES else "nearest"), place.name
            assert route.evidence is None


@pytest.mark.parametrize(
    ("query", "kind", "station", "callable_"),
    [
        ("Naunhof", "responsible", "pr_grimma", "pr_grimma"),
        ("Ebersbach-Neugersdorf", "responsible", "pr_zittau_oberland", "pr_zittau_oberland"),
        # Responsible station without a number: dial the nearest one that has a number.
        ("Großenhain", "responsible", "pr_grossenhain", "pr_dresden_nord"),
        ("Penig", "responsible", "pr_rochlitz", "pr_mittweida"),
        # No coverage known: the nearest station of the Direktion with a phone.
        ("Hartha", "nearest", "pr_doebeln", "pr_doebeln"),
        # A city of several Reviere: the one with a number, as one of them.
        ("Dresden", "city", "pr_dresden_nord", "pr_dresden_nord"),
        ("Freiberg", "nearest", "pr_freiberg", "pr_freiberg"),
    ],
)
def test_routes(index: PlaceIndex, police: PoliceData, query: str, kind: str, station: str, callable_: str) -> None:
    res = index.resolve(query)
    assert res.status == "found"
    route = police_route(res.places[0], police)
    assert (route.kind, route.station.id, route.callable.id) == (kind, station, callable_)


def test_nearest_is_really_the_nearest_callable_station(index: PlaceIndex, police: PoliceData) -> None:
    hartha = index.resolve("Hartha").places[0]
    route = police_route(hartha, police)
    others = [
        (lat, lon) for lat, lon, s in police.callable_stations("pd_chemnitz") if s.id != route.station.id
    ]
    assert route.distance_km is not None and route.distance_km < 20
    for lat, lon in others:
        assert abs(lat - hartha.lat) + abs(lon - hartha.lon) > 0.1


def test_same_name_assigned_within_its_own_direktion(index: PlaceIndex, police: PoliceData) -> None:
    # Großenhain covers 'Ebersbach' - only the one in Landkreis Meißen, not Ebersbach-Neugersdorf.
    res = index.resolve("Ebersbach")
    routes = {p.name: police_route(p, police) for p in res.places}
    assert routes["Ebersbach"].station.id == "pr_grossenhain"
    assert routes["Ebersbach-Neugersdorf"].station.id == "pr_zittau_oberland"


def test_outside_saxony_and_no_place_get_no_route(index: PlaceIndex, police: PoliceData) -> None:
    munich = index.resolve("München").places[0]
    assert police_route(munich, police).kind == "unknown"
    assert police_route(None, police).kind == "unknown"
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

    assert len(load_police(_write(tmp_path, good)).stations) == 40


def test_a_direktion_without_any_station_number_falls_back_to_its_switchboard(tmp_path: Path) -> None:
    data = yaml.safe_load(POLICE_YAML.read_text(encoding="utf-8"))
    for station in data["stations"]:
        if station["direktion"] in ("pd_chemnitz", "pd_zwickau"):
            station.pop("phone", None)
            station.pop("phone_uncertain", None)
    police = load_police(_write(tmp_path, data))
    places = load_places(default_dir(), police)
    hartha = police_route(places.resolve("Hartha").places[0], police)  # PD Chemnitz: switchboard sourced
    assert (hartha.kind, hartha.station, hartha.phone) == ("direktion_only", None, "+49 371 387-0")
    plauen = police_route(places.resolve("Plauen").places[0], police)  # responsible, no number anywhere
    assert plauen.kind == "responsible" and plauen.callable is None and plauen.phone is None
    werdau = police_route(places.resolve("Crinitzberg").places[0], police)  # PD Zwickau has no switchboard
    assert (werdau.kind, werdau.phone) == ("direktion_only", None)
