"""Builds the place tables from the CSV files: Saxony's 418 municipalities, all of Germany.

Saxony comes from gemeinden-sachsen.csv (every municipality with AGS, postcodes and
Polizeidirektion; OpenStreetMap-derived, © OpenStreetMap contributors, ODbL 1.0). The
GeoNames rows of Saxony (geonames.org, CC BY 4.0) add coordinates and the names of town
parts; a GeoNames row only becomes a town part of a municipality when its name or its
postcode ties it to that one municipality. Outside Saxony, GeoNames rows are folded into
one place per municipality and district, as before.

The result is a `Tables` value of plain lists and dicts, so it can be cached as JSON and
loaded in a few milliseconds (knowledge/place_cache.py).
"""

from __future__ import annotations

import csv
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from knowledge.text import normalize

# Abbreviations in official and typed names: "Adorf/Vogtl.", "Neustadt i. Sa.", "Weißwasser/O.L.".
_QUALIFIERS = {
    "vogtl": "vogtland", "erzgeb": "erzgebirge", "erzgebirg": "erzgebirge", "sa": "sachsen",
    "sachs": "sachsen", "ol": "oberlausitz", "st": "sankt", "i": "in", "b": "bei", "a": "am",
}
CONNECTORS = frozenset("bei b in im i am an a auf ob vor der".split())
# "Chemnitz, Sachsen": a qualifier after a name is not a town part.
REGION_WORDS = frozenset("sachsen erzgebirge vogtland oberlausitz lausitz mulde pleisse elbe".split())


@lru_cache(maxsize=1 << 16)  # words repeat: each message looks up its words one by one
def key(text: str) -> str:
    """Lookup key: normalised, abbreviations spelled out ('St.' -> 'sankt', 'O.L.' -> 'oberlausitz')."""
    tokens = normalize(text).split()
    out: list[str] = []
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        if tok == "o" and i + 1 < len(tokens) and tokens[i + 1] == "l":
            out.append("oberlausitz")
            i += 2
            continue
        # A one-letter "i"/"b"/"a" is a connector only between words ("Neustadt i. Sa.").
        if tok in ("i", "b", "a") and (i == 0 or i + 1 == len(tokens)):
            out.append(tok)
        else:
            out.append(_QUALIFIERS.get(tok, tok))
        i += 1
    return " ".join(out)


def loose_key(text: str) -> str:
    """The key without connector words: 'Neustadt in Sachsen' -> 'neustadt sachsen'."""
    tokens = key(text).split()
    kept = [t for t in tokens if t not in CONNECTORS]
    return " ".join(kept) if kept else " ".join(tokens)


def alias_keys(name: str) -> set[str]:
    """Short forms people type: 'Auerbach' for 'Auerbach/Vogtland', 'Annaberg' for
    'Annaberg-Buchholz', 'Neustadt' for 'Neustadt in Sachsen', 'Oybin' for 'Kurort Oybin'."""
    out: set[str] = set()
    base = re.split(r"[(/,]", name, maxsplit=1)[0].strip()
    if base and base != name:
        out.add(key(base))
    tokens = key(base).split()
    for i, tok in enumerate(tokens[1:], start=1):
        if tok in CONNECTORS:
            out.add(" ".join(tokens[:i]))
            break
    if tokens and tokens[0] == "kurort" and len(tokens) > 1:
        out.add(" ".join(tokens[1:]))
    if "-" in base:
        first = key(base.split("-", 1)[0])
        if len(first) >= 4:
            out.add(first)
    out.discard("")
    return out


def part_keys(name: str) -> set[str]:
    """Later parts of a merged name: 'Neugersdorf' of 'Ebersbach-Neugersdorf' (a weaker alias)."""
    base = re.split(r"[(/,]", name, maxsplit=1)[0].strip()
    parts = [key(p) for p in base.split("-")[1:]]
    return {p for p in parts if len(p) >= 4}


def direktion_id(label: str) -> str:
    """'PD Görlitz' -> 'pd_goerlitz' (the ids of police.yaml)."""
    return "pd_" + "_".join(normalize(label).split()[1:])


# One place row in the tables (a list, so JSON keeps it compact).
# [id, name, postcode, district_code, district_name, state, in_saxony, lat, lon, ags, direktion, postcodes]
PlaceRow = list


@dataclass
class Tables:
    """Plain, JSON-able place tables; `PlaceIndex` turns them into lookups."""

    places: list[PlaceRow] = field(default_factory=list)
    # [tier] name key -> place numbers; tier 0 = names and short forms,
    # tier 1 = town parts and later parts of merged names.
    names: list[dict[str, list[int]]] = field(default_factory=lambda: [{}, {}])
    postcodes: dict[str, list[int]] = field(default_factory=dict)
    points: list[list] = field(default_factory=list)  # [lat, lon, place number]

    def to_json(self) -> dict:
        return {"places": self.places, "names": self.names, "postcodes": self.postcodes, "points": self.points}

    @classmethod
    def from_json(cls, data: dict) -> Tables:
        return cls(data["places"], data["names"], data["postcodes"], data["points"])


@dataclass
class _Muni:
    ags: str
    name: str
    district_code: str
    district_name: str
    direktion: str
    postcodes: list[str]
    keys: set[str] = field(default_factory=set)
    parts: set[str] = field(default_factory=set)
    named_rows: list[tuple[str, float, float]] = field(default_factory=list)  # rows named like it
    part_rows: list[tuple[str, float, float]] = field(default_factory=list)
    near_rows: list[tuple[str, float, float]] = field(default_factory=list)  # assigned by distance


def _csv_rows(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        yield from csv.DictReader(fh)


def _muni_keys(name: str, name_osm: str) -> set[str]:
    keys = {key(name), loose_key(name)} | alias_keys(name)
    for variant in name_osm.split(" - "):  # "Bautzen - Budyšin": German and Sorbian name
        if variant.strip():
            keys |= {key(variant), loose_key(variant)} | alias_keys(variant)
    keys.discard("")
    return keys


def _read_municipalities(path: Path) -> list[_Muni]:
    out = []
    for row in _csv_rows(path):
        muni = _Muni(
            ags=row["ags"], name=row["name"].strip(), district_code=row["kreis_code"],
            district_name=row["landkreis"], direktion=direktion_id(row["polizeidirektion"]),
            postcodes=row["postcodes"].split(),
        )
        muni.keys = _muni_keys(muni.name, row.get("name_osm") or "")
        muni.parts = part_keys(muni.name) - muni.keys
        out.append(muni)
    return out


def _match_length(row_key: str, muni: _Muni) -> int:
    """How many characters of a GeoNames row name ('Dresden Gompitz', 'Lugau/Erzgebirge')
    spell this municipality's name; 0 if the row does not start with it."""
    return max(
        (len(k) for k in muni.keys if len(k) >= 3 and (row_key == k or row_key.startswith(k + " "))),
        default=0,
    )


def _attach_geonames(munis: list[_Muni], saxony_csv: Path) -> None:
    by_postcode: dict[str, list[_Muni]] = defaultdict(list)
    by_district: dict[str, list[_Muni]] = defaultdict(list)
    for muni in munis:
        by_district[muni.district_code].append(muni)
        for pc in muni.postcodes:
            by_postcode[pc].append(muni)
    leftovers: list[tuple[dict[str, str], float, float]] = []
    for row in _csv_rows(saxony_csv):
        place, pc = row["place"], row["zipcode"]
        lat, lon = float(row["latitude"]), float(row["longitude"])
        row_key = key(place)
        # Candidates: the municipalities of this postcode; for a postcode the municipality
        # data does not list (GeoNames keeps some old ones), those of the same district.
        candidates = by_postcode.get(pc) or by_district.get(row["community_code"], [])
        scored = [(_match_length(row_key, m), m) for m in candidates]
        best = max((s for s, _ in scored), default=0)
        # "Neustadt in Sachsen" beats "Neustadt": the longest name that fits wins.
        named = [m for s, m in scored if s and s == best]
        if len(named) == 1:
            muni = named[0]
            muni.named_rows.append((pc, lat, lon))
            if row_key not in muni.keys:
                muni.parts.add(row_key)
                # "Dresden Gompitz, Pennrich" also adds "gompitz pennrich", "gompitz", "pennrich".
                tail = _tail_after(place, best)
                pieces = {key(tail), *(key(piece) for piece in tail.split(","))}
                muni.parts |= pieces - REGION_WORDS
        elif not named and len(by_postcode.get(pc, [])) == 1:
            # The postcode belongs to this municipality only: the row is one of its parts.
            muni = by_postcode[pc][0]
            muni.part_rows.append((pc, lat, lon))
            muni.parts |= {row_key} | alias_keys(place)
        elif not named:
            leftovers.append((row, lat, lon))
    # A former municipality under a shared or retired postcode ("Zabeltitz", "Zöblitz"):
    # the nearest municipality of the same district that shares its postcode (or, for a
    # retired postcode, of the district). Kept in the weaker tier, so it never hides a name.
    for row, lat, lon in leftovers:
        district = row["community_code"]
        pool = [m for m in by_postcode.get(row["zipcode"], []) if m.district_code == district]
        pool = pool or by_district.get(district, [])
        anchored = [(m, _anchor(m)) for m in pool]
        anchored = [(m, a) for m, a in anchored if a is not None]
        if not anchored:
            continue
        muni = min(anchored, key=lambda ma: (ma[1][0] - lat) ** 2 + (ma[1][1] - lon) ** 2)[0]
        muni.near_rows.append((row["zipcode"], lat, lon))
        muni.parts |= {key(row["place"])} | alias_keys(row["place"])
    for muni in munis:
        muni.parts -= muni.keys | {""}


def _anchor(muni: _Muni) -> tuple[float, float] | None:
    rows = muni.named_rows or muni.part_rows
    if not rows:
        return None
    if muni.named_rows:
        _, lat, lon = sorted(muni.named_rows)[0]
        return lat, lon
    return sum(r[1] for r in rows) / len(rows), sum(r[2] for r in rows) / len(rows)


def _tail_after(place: str, length: int) -> str:
    """The words of `place` after those whose key spells the first `length` characters."""
    words = place.replace(",", ", ").split()
    for i in range(1, len(words) + 1):
        if len(key(" ".join(words[:i]))) >= length:
            return " ".join(words[i:])
    return ""


def _coordinates(muni: _Muni, rows_by_postcode: dict[str, list[tuple[float, float]]]) -> tuple[float, float]:
    if muni.named_rows:
        _, lat, lon = sorted(muni.named_rows)[0]
        return lat, lon
    rows = [(lat, lon) for _, lat, lon in muni.part_rows]
    if not rows:  # only shared postcodes: their centre is the best we know
        rows = [p for pc in muni.postcodes for p in rows_by_postcode.get(pc, ())]
    if not rows:
        raise ValueError(f"no coordinates for municipality {muni.name} ({muni.ags})")
    return sum(r[0] for r in rows) / len(rows), sum(r[1] for r in rows) / len(rows)


def _slug(name: str) -> str:
    return normalize(name).replace(" ", "-")


def _make_id(prefix: str, postcode: str, code: str, name: str, used: set[str]) -> str:
    candidate = f"{prefix}-{postcode}-{_slug(name)}"[:32].rstrip("-")
    if candidate in used:  # same postcode and name start in two districts
        candidate = f"{prefix}-{code}-{_slug(name)}"[:32].rstrip("-")
    if candidate in used:
        raise ValueError(f"cannot make a unique place id for {name!r}")
    used.add(candidate)
    return candidate


# ------------------------------------------------------------------ outside Saxony
@dataclass(slots=True)
class _Group:
    """GeoNames rows of one municipality in one district outside Saxony."""

    name: str
    district_code: str
    district_name: str
    state: str
    state_code: str
    rows: list[tuple[str, str, float, float]]  # (row name, postcode, lat, lon)


def _germany_rows(germany_csv: Path) -> Iterator[dict[str, str]]:
    for row in _csv_rows(germany_csv):
        # Numeric state codes mark GeoNames' organisation postcodes (banks, agencies),
        # not places; Saxony comes from the municipality data.
        if row["state_code"].isalpha() and row["state_code"] != "SN":
            yield row


def _group_rows(rows: Iterable[dict[str, str]]) -> list[_Group]:
    by_district: dict[str, list[dict[str, str]]] = defaultdict(list)
    for row in rows:
        by_district[row["community_code"]].append(row)
    groups: dict[tuple[str, str], _Group] = {}
    for code, members in by_district.items():
        names = {key(r["place"]): r["place"] for r in members}
        for r in members:
            tokens = r["place"].replace(",", " ").split()
            muni = r["place"]
            # A row named "<existing row name> <more>" is a part of that municipality.
            for k in range(1, len(tokens)):
                prefix = key(" ".join(tokens[:k]))
                if prefix in names:
                    muni = names[prefix]
                    break
            gkey = (code, key(muni))
            if gkey not in groups:
                groups[gkey] = _Group(muni, code, r["community"], r["state"], r["state_code"], [])
            groups[gkey].rows.append((r["place"], r["zipcode"], float(r["latitude"]), float(r["longitude"])))
    return list(groups.values())


# ------------------------------------------------------------------ the whole build
class _Builder:
    def __init__(self) -> None:
        self.tables = Tables()
        self.used: set[str] = set()

    def add(self, row: PlaceRow, keys: set[str], parts: set[str], points: Iterable[tuple[float, float]]) -> None:
        number = len(self.tables.places)
        self.tables.places.append(row)
        for pc in row[11].split():
            self.tables.postcodes.setdefault(pc, []).append(number)
        primary, secondary = self.tables.names
        for k in keys:
            primary.setdefault(k, []).append(number)
        for k in parts - keys - {""}:
            secondary.setdefault(k, []).append(number)
        for lat, lon in points:
            self.tables.points.append([lat, lon, number])

    def finish(self) -> Tables:
        places = self.tables.places

        def order(n: int) -> tuple[bool, str, str]:
            return (not places[n][6], key(places[n][1]), places[n][3])

        for tier in self.tables.names:
            for k, numbers in tier.items():
                tier[k] = sorted(set(numbers), key=order)
        for pc, numbers in self.tables.postcodes.items():
            self.tables.postcodes[pc] = sorted(set(numbers), key=order)
        return self.tables


def build_saxony(municipalities_csv: Path, saxony_csv: Path) -> Tables:
    """Saxony's municipalities with their town parts and coordinates (a few ten ms)."""
    builder = _Builder()
    munis = _read_municipalities(municipalities_csv)
    _attach_geonames(munis, saxony_csv)
    rows_by_postcode: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for row in _csv_rows(saxony_csv):
        rows_by_postcode[row["zipcode"]].append((float(row["latitude"]), float(row["longitude"])))
    for muni in sorted(munis, key=lambda m: m.ags):
        lat, lon = _coordinates(muni, rows_by_postcode)
        postcodes = sorted(muni.postcodes) or sorted({pc for pc, _, _ in muni.named_rows + muni.part_rows})
        extra = sorted({pc for pc, _, _ in muni.named_rows + muni.part_rows} - set(postcodes))
        place_id = _make_id("sn", postcodes[0], muni.district_code, muni.name, builder.used)
        row = [place_id, muni.name, postcodes[0], muni.district_code, muni.district_name, "Sachsen",
               True, lat, lon, muni.ags, muni.direktion, " ".join(postcodes + extra)]
        points = [(lat, lon)] + [(a, b) for _, a, b in muni.named_rows + muni.part_rows + muni.near_rows]
        builder.add(row, muni.keys, muni.parts, points)
    return builder.finish()


def build_germany(germany_csv: Path) -> Tables:
    """Every place outside Saxony (the slow path: about a second; place_cache keeps it)."""
    builder = _Builder()
    for group in sorted(_group_rows(_germany_rows(germany_csv)), key=lambda g: (g.state_code, g.district_code, key(g.name))):
        postcodes = sorted({pc for _, pc, _, _ in group.rows})
        muni_key = key(group.name)
        own = sorted((pc, lat, lon) for n, pc, lat, lon in group.rows if key(n) == muni_key)
        if own:
            lat, lon = own[0][1], own[0][2]
        else:
            lat = sum(r[2] for r in group.rows) / len(group.rows)
            lon = sum(r[3] for r in group.rows) / len(group.rows)
        place_id = _make_id(group.state_code.lower(), postcodes[0], group.district_code, group.name, builder.used)
        keys = {muni_key} | alias_keys(group.name)
        parts: set[str] = set()
        for row_name, _, _, _ in group.rows:
            keys.add(key(row_name))
            keys |= alias_keys(row_name)
            if row_name.startswith(group.name + " "):
                rest = row_name[len(group.name):]
                parts |= {key(rest), *(key(piece) for piece in rest.split(","))}
        row = [place_id, group.name, postcodes[0], group.district_code, group.district_name, group.state,
               False, lat, lon, None, None, " ".join(postcodes)]
        builder.add(row, keys, parts, [(r[2], r[3]) for r in group.rows])
    return builder.finish()
