"""Municipality resolution: typed name or postcode (or coordinates) -> Place, Saxony first.

Data: GeoNames postal codes (geonames.org), CC BY 4.0. Rows that are town parts
("Dresden Innere Altstadt") are folded into one Place per municipality and district.
"""

from __future__ import annotations

import csv
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from knowledge.text import deletes, edit_distance, normalize

DATA_DIR = Path(__file__).parent / "data"
SAXONY_CSV = DATA_DIR / "places-sachsen.csv"
GERMANY_CSV = DATA_DIR / "postcodes-de.csv"

MAX_AMBIGUOUS = 6
MAX_SUGGEST = 3
MAX_NEAREST_KM = 30.0
# Typed lead-ins that are not part of a name: "in Görlitz", "Stadt Pirna", "Gemeinde X".
FILLERS = frozenset(
    "in im aus bei von nach ich wir wohne wohnen lebe komme bin sind der die das den dem "
    "stadt gemeinde grosse kreisstadt kreisfreie landeshauptstadt ort ortsteil ot "
    "stadtteil city town of the municipality i live from".split()
)
_CONNECTORS = frozenset("bei b in im i am an a auf ob vor".split())
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_CELL_LAT, _CELL_LON = 0.2, 0.3  # >= 19 km each way in Germany, so 2 rings cover 30 km

Status = Literal["found", "ambiguous", "suggest", "outside", "unknown"]


@dataclass(frozen=True, slots=True)
class Place:
    id: str
    name: str
    postcode: str
    district_code: str
    district_name: str
    state: str
    in_saxony: bool
    lat: float
    lon: float


@dataclass(frozen=True, slots=True)
class Resolution:
    status: Status
    places: tuple[Place, ...] = ()


def key(text: str) -> str:
    """Lookup key of a name: normalised, with 'St.' spelled 'Sankt' as GeoNames does."""
    return " ".join("sankt" if t == "st" else t for t in normalize(text).split())


def alias_keys(name: str) -> set[str]:
    """Short forms people type: 'Auerbach' for 'Auerbach/Vogtland', 'Annaberg' for
    'Annaberg-Buchholz', 'Frankfurt' for 'Frankfurt am Main'."""
    out: set[str] = set()
    base = re.split(r"[(/,]", name, maxsplit=1)[0].strip()
    if base and base != name:
        out.add(key(base))
    tokens = key(base).split()
    for i, tok in enumerate(tokens[1:], start=1):
        if tok in _CONNECTORS:
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


def _max_typos(text: str) -> int:
    return 0 if len(text) < 4 else 1 if len(text) < 8 else 2


@dataclass(slots=True)
class _Group:
    """Rows of one municipality in one district while loading."""

    name: str
    district_code: str
    district_name: str
    state: str
    state_code: str
    in_saxony: bool
    rows: list[tuple[str, str, float, float]]  # (row name, postcode, lat, lon)


def _read_rows(saxony_csv: Path, germany_csv: Path) -> Iterable[dict[str, str]]:
    with saxony_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            yield {**row, "state": "Sachsen", "state_code": "SN"}
    with germany_csv.open(encoding="utf-8", newline="") as fh:
        for row in csv.DictReader(fh):
            # Numeric state codes mark GeoNames' organisation postcodes (banks, agencies),
            # not places; SN rows come from the Saxony file already.
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
                groups[gkey] = _Group(
                    muni, code, r["community"], r["state"], r["state_code"],
                    r["state_code"] == "SN", [],
                )
            groups[gkey].rows.append(
                (r["place"], r["zipcode"], float(r["latitude"]), float(r["longitude"]))
            )
    return list(groups.values())


def _make_id(group: _Group, postcode: str, used: set[str]) -> str:
    slug = key(group.name).replace(" ", "-")
    candidate = f"{group.state_code.lower()}-{postcode}-{slug}"[:32].rstrip("-")
    if candidate in used:  # same postcode and name start in two districts
        candidate = f"{group.state_code.lower()}-{group.district_code}-{slug}"[:32].rstrip("-")
    if candidate in used:
        raise ValueError(f"cannot make a unique place id for {group.name!r}")
    used.add(candidate)
    return candidate


def _sort_key(place: Place) -> tuple[bool, str, str]:
    return (not place.in_saxony, key(place.name), place.district_code)


class PlaceIndex:
    """All German places with name, postcode, typo and grid indexes built at load."""

    def __init__(self, groups: list[_Group]) -> None:
        self._by_id: dict[str, Place] = {}
        self._by_postcode: dict[str, list[Place]] = defaultdict(list)
        # [in_saxony][tier]: tier 0 = names and short forms, tier 1 = town-part names.
        self._names: dict[bool, tuple[dict[str, list[Place]], dict[str, list[Place]]]] = {
            True: (defaultdict(list), defaultdict(list)),
            False: (defaultdict(list), defaultdict(list)),
        }
        self._typo: dict[bool, dict[str, list[str]]] = {True: defaultdict(list), False: defaultdict(list)}
        self._grid: dict[tuple[int, int], list[tuple[float, float, Place]]] = defaultdict(list)
        used: set[str] = set()
        for group in sorted(groups, key=lambda g: (g.state_code, g.district_code, key(g.name))):
            self._add(group, used)
        self._freeze()

    @classmethod
    def load(cls, saxony_csv: Path = SAXONY_CSV, germany_csv: Path = GERMANY_CSV) -> PlaceIndex:
        return cls(_group_rows(_read_rows(saxony_csv, germany_csv)))

    def _add(self, group: _Group, used: set[str]) -> None:
        postcodes = sorted({pc for _, pc, _, _ in group.rows})
        muni_key = key(group.name)
        own = sorted((pc, lat, lon) for n, pc, lat, lon in group.rows if key(n) == muni_key)
        _, lat, lon = own[0] if own else (None, *self._centre(group.rows))
        place = Place(
            id=_make_id(group, postcodes[0], used), name=group.name, postcode=postcodes[0],
            district_code=group.district_code, district_name=group.district_name,
            state=group.state, in_saxony=group.in_saxony, lat=lat, lon=lon,
        )
        self._by_id[place.id] = place
        for pc in postcodes:
            self._by_postcode[pc].append(place)
        primary, secondary = self._names[place.in_saxony]
        keys = {muni_key} | alias_keys(group.name)
        part_keys: set[str] = set()
        for row_name, _, plat, plon in group.rows:
            keys.add(key(row_name))
            keys |= alias_keys(row_name)
            # "Dresden Gompitz, Pennrich" adds "gompitz pennrich", "gompitz", "pennrich";
            # "Chemnitz, Sachsen" is a qualifier, not a part, and adds nothing.
            if row_name.startswith(group.name + " "):
                rest = row_name[len(group.name) :]
                part_keys |= {key(rest), *(key(piece) for piece in rest.split(","))}
            cell = (math.floor(plat / _CELL_LAT), math.floor(plon / _CELL_LON))
            self._grid[cell].append((plat, plon, place))
        for k in keys:
            primary[k].append(place)
        for k in part_keys - keys - {""}:
            secondary[k].append(place)

    @staticmethod
    def _centre(rows: list[tuple[str, str, float, float]]) -> tuple[float, float]:
        return (sum(r[2] for r in rows) / len(rows), sum(r[3] for r in rows) / len(rows))

    def _freeze(self) -> None:
        for saxon, tiers in self._names.items():
            depth = 2 if saxon else 1  # keeps the whole-Germany typo index small
            words: set[str] = set()
            for tier in tiers:
                for k, places in tier.items():
                    tier[k] = sorted(set(places), key=_sort_key)
                    words.add(k)
            for word in words:
                for variant in deletes(word, depth):
                    self._typo[saxon][variant].append(word)
        for pc, places in self._by_postcode.items():
            self._by_postcode[pc] = sorted(set(places), key=_sort_key)

    # ----------------------------------------------------------------- lookups
    def get(self, place_id: str) -> Place | None:
        return self._by_id.get(place_id)

    def places(self) -> tuple[Place, ...]:
        return tuple(self._by_id.values())

    def resolve(self, query: str) -> Resolution:
        text = key(query)
        if not text:
            return Resolution("unknown")
        stripped = _strip_fillers(text)
        if stripped.isdigit() and len(stripped) == 4:  # "1067": leading zero dropped
            stripped = "0" + stripped
        match = _POSTCODE.search(stripped)
        if match:
            rest = _strip_fillers(" ".join(_POSTCODE.sub(" ", stripped).split()))
            found = self._by_postcode.get(match.group(1))
            if found:
                named = [p for p in found if p in self._exact(rest)] if rest else []
                return _classify(named or found)
            if not rest:
                return Resolution("unknown")
            text = stripped = rest
        tokens = stripped.split()
        prefixes = [" ".join(tokens[:k]) for k in range(len(tokens) - 1, 0, -1)]
        prefixes = [p for p in prefixes if len(p) >= 3 and p not in FILLERS]
        for saxon, candidates, typo in (
            (True, [text, stripped, *prefixes], False),
            (False, [text, stripped], False),
            (True, [], True),
            (False, prefixes, False),
            (False, [], True),
        ):
            if typo:
                places = self._suggest(stripped, saxon)
                if places:
                    return Resolution("suggest", places)
                continue
            for cand in candidates:
                primary, secondary = self._names[saxon]
                hits = primary.get(cand) or secondary.get(cand)
                if hits:
                    return _classify(hits)
        return Resolution("unknown")

    def _exact(self, text: str) -> set[Place]:
        found: set[Place] = set()
        for saxon in (True, False):
            for tier in self._names[saxon]:
                found.update(tier.get(text, ()))
        return found

    def _suggest(self, text: str, saxon: bool) -> tuple[Place, ...]:
        limit = _max_typos(text)
        if limit == 0 or len(text) > 40:
            return ()
        index = self._typo[saxon]
        scored: dict[str, int] = {}
        for variant in deletes(text, limit):
            for word in index.get(variant, ()):
                if word not in scored:
                    scored[word] = edit_distance(text, word, limit)
        out: list[Place] = []
        primary, secondary = self._names[saxon]
        for word, dist in sorted(scored.items(), key=lambda kv: (kv[1], kv[0])):
            if dist > limit:
                continue
            for place in primary.get(word) or secondary.get(word, ()):
                if place not in out:
                    out.append(place)
        return tuple(out[:MAX_SUGGEST])

    def nearest(self, lat: float, lon: float) -> Resolution:
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return Resolution("unknown")
        ci, cj = math.floor(lat / _CELL_LAT), math.floor(lon / _CELL_LON)
        coslat = math.cos(math.radians(lat))
        best: tuple[float, Place] | None = None
        for ring in range(3):
            for di in range(-ring, ring + 1):
                for dj in range(-ring, ring + 1):
                    if max(abs(di), abs(dj)) != ring:
                        continue
                    for plat, plon, place in self._grid.get((ci + di, cj + dj), ()):
                        d2 = (plat - lat) ** 2 + ((plon - lon) * coslat) ** 2
                        if best is None or d2 < best[0]:
                            best = (d2, place)
            # Anything in a further ring is at least `ring` cells (>= 19 km each) away.
            if best is not None and math.sqrt(best[0]) * 111.2 <= ring * 19.0:
                break
        if best is None or math.sqrt(best[0]) * 111.2 > MAX_NEAREST_KM:
            return Resolution("unknown")
        place = best[1]
        return Resolution("found" if place.in_saxony else "outside", (place,))


def _strip_fillers(text: str) -> str:
    tokens = text.split()
    while len(tokens) > 1 and tokens[0] in FILLERS:
        tokens.pop(0)
    return " ".join(tokens)


def _classify(places: Iterable[Place]) -> Resolution:
    """Status of a match list; the index keeps its lists sorted, so order is preserved."""
    unique = list(dict.fromkeys(places))
    saxon = [p for p in unique if p.in_saxony]
    if len(saxon) == 1:
        return Resolution("found", (saxon[0],))
    if saxon:
        return Resolution("ambiguous", tuple(saxon[:MAX_AMBIGUOUS]))
    if unique:
        return Resolution("outside", tuple(unique[:MAX_AMBIGUOUS]))
    return Resolution("unknown")
