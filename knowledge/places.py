"""Municipality resolution: typed name, postcode, sentence or coordinates -> Place, Saxony first.

Saxony: the 418 municipalities of gemeinden-sachsen.csv (© OpenStreetMap contributors,
ODbL 1.0) with town parts and coordinates from GeoNames (geonames.org, CC BY 4.0); built
at every load in a few ten milliseconds. The rest of Germany (GeoNames) is only needed
when a name is not Saxon, so it is loaded on first use, from a cache (place_cache.py).
"""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Literal

from knowledge.municipalities import Tables, build_germany, build_saxony, key, loose_key
from knowledge.place_cache import cached_tables, default_cache_dir
from knowledge.text import deletes, edit_distance

DATA_DIR = Path(__file__).parent / "data"
MUNICIPALITIES_CSV = DATA_DIR / "gemeinden-sachsen.csv"
SAXONY_CSV = DATA_DIR / "places-sachsen.csv"
GERMANY_CSV = DATA_DIR / "postcodes-de.csv"
PLACE_FILES = (MUNICIPALITIES_CSV.name, SAXONY_CSV.name, GERMANY_CSV.name)

MAX_AMBIGUOUS = 6
MAX_SUGGEST = 3
MAX_NEAREST_KM = 30.0
# Typed lead-ins that are not part of a name: "in Görlitz", "Stadt Pirna", "Gemeinde X".
FILLERS = frozenset(
    "in im aus bei von nach ich wir wohne wohnen lebe komme bin sind der die das den dem "
    "stadt gemeinde grosse kreisstadt kreisfreie landeshauptstadt ort ortsteil ot "
    "stadtteil city town of the municipality i live from".split()
)
_POSTCODE = re.compile(r"(?<!\d)(\d{5})(?!\d)")
_SPACED_DIGITS = re.compile(r"\d(?: ?\d){3,4}")
# A state or landscape outside Saxony right after a name ("Frankenberg an der Eder",
# "Coswig (Anhalt)", "Schmölln in Thüringen"): the Saxon namesake is not meant. (As `key`
# writes them: umlauts spelled out.)
_ELSEWHERE = re.compile(
    r"\b(?:an der |an dem |am |im |in |bei |near |in the )?"
    r"(?:thueringen|thuringia|brandenburg|bayern|bavaria|hessen|hesse|anhalt|sachsen anhalt|saxony anhalt|niedersachsen|"
    r"westfalen|nordrhein|nrw|rheinland|pfalz|rhineland|mecklenburg|vorpommern|holstein|saarland|baden|wuerttemberg|"
    r"taunus|westerwald|eder|rhein|eifel|harz|allgaeu|schwarzwald|odenwald|mosel|oesterreich|austria|tschechien|czechia|polen|poland)\b"
)
# More words than this (after the fillers) is a sentence, read by `find_in_text` first.
SENTENCE_WORDS = 4
_CELL_LAT, _CELL_LON = 0.2, 0.3  # >= 19 km each way in Germany, so 2 rings cover 30 km
AREA_PREFIX = "sn-plz-"

Status = Literal["found", "ambiguous", "suggest", "outside", "unknown"]


# A place corrected while typing: "Freiberg – quatsch, Brand-Erbisdorf", "Meißen ähh nee
# Coswig", "Löbau. Nein falsch, Lawalde", "Kamenz... halt, Elstra", "Grimma *Naunhof",
# "Delitzsch sorry Rackwitz", "Pirna, nee, Dohna": the place after the last correction.
_CORRECTION = re.compile(r"(?:\s|^)\*(?=\w)|\b(?:quatsch|nee|nein|falsch|halt|sorry|sry|oops|correction|korrektur"
                         r"|ich meine|ich mein|i mean|i meant|meinte)\b[\s,.!:;–-]*", re.IGNORECASE)
_LETTER_O_POSTCODE = re.compile(r"o\d{4}")
# A postcode dictated digit by digit ("null vier acht acht sechs", "zero one zero six seven").
_DIGIT_WORDS = {"null": "0", "zero": "0", "eins": "1", "one": "1", "zwei": "2", "zwo": "2", "two": "2", "drei": "3",
                "three": "3", "vier": "4", "four": "4", "funf": "5", "fuenf": "5", "five": "5", "sechs": "6", "six": "6",
                "sieben": "7", "seven": "7", "acht": "8", "eight": "8", "neun": "9", "nine": "9"}
_NOT_A_NAME = frozenset("dorf ort stadt gemeinde kaff nest kleines kleinen village town place irgendwo somewhere".split())
_NEAR_TOWN = re.compile(r"^(.+?) (?:bei|b|nahe|naehe|near) \S.*$")  # "hainewale bei zittau"
_SPOKEN_POSTCODE = re.compile(r"\b(?:(?:" + "|".join(_DIGIT_WORDS) + r")\s+){4}(?:" + "|".join(_DIGIT_WORDS) + r")\b")


def _spoken_postcode(text: str) -> str:
    """`text` with five digit words in a row written as the postcode they spell."""
    return _SPOKEN_POSTCODE.sub(lambda m: "".join(_DIGIT_WORDS[w] for w in m.group(0).split()), text)


def _after_correction(query: str) -> str | None:
    """What follows the last correction in a reply that names something before it, or None."""
    last = None
    for last in _CORRECTION.finditer(query):
        pass
    if last is None or not query[: last.start()].strip(" ,.–-") or not query[last.end():].strip():
        return None
    return query[last.end():].strip(" ,.!?")


@dataclass(frozen=True, slots=True)
class Place:
    """A municipality. Saxon ones carry their AGS and Polizeidirektion id (`pd_dresden`).

    An *area* (id `sn-plz-…`) stands for a postcode shared by several municipalities
    whose police route is the same; it copies the first member's AGS and coordinates."""

    id: str
    name: str
    postcode: str
    district_code: str
    district_name: str
    state: str
    in_saxony: bool
    lat: float
    lon: float
    ags: str | None = None
    direktion: str | None = None
    postcodes: tuple[str, ...] = ()
    area: bool = False


@dataclass(frozen=True, slots=True)
class Resolution:
    status: Status
    places: tuple[Place, ...] = ()


def _max_typos(text: str) -> int:
    return 0 if len(text) < 4 else 1 if len(text) < 8 else 2


class _Part:
    """Lookups over one `Tables` (Saxony, or the rest of Germany)."""

    def __init__(self, tables: Tables, typo_depth: int) -> None:
        self.places = [
            Place(r[0], r[1], r[2], r[3], r[4], r[5], bool(r[6]), r[7], r[8], r[9], r[10],
                  tuple(r[11].split()))
            for r in tables.places
        ]
        self.by_id = {p.id: p for p in self.places}
        # Tuples, not lists: the garbage collector stops tracking tuples of ints, so the
        # large Germany tables add almost nothing to each full collection.
        self.names = [{k: tuple(v) for k, v in tier.items()} for tier in tables.names]
        self.postcodes = {pc: tuple(v) for pc, v in tables.postcodes.items()}
        self._points = tables.points
        self._typo_depth = typo_depth
        self._typo: dict[str, list[str]] | None = None
        self._glued: dict[str, tuple[int, ...]] | None = None
        self._grid: dict[tuple[int, int], list[tuple[float, float, Place]]] | None = None

    def glued(self, text: str) -> list[Place]:
        """A name of several words typed as one ("Sohlandanderspree", "bernstadtaufdemeigen"):
        the places whose name, without its spaces, it is (built on first use)."""
        if self._glued is None:
            glued: dict[str, tuple[int, ...]] = {}
            for tier in reversed(self.names):  # the primary tier wins
                for name, numbers in tier.items():
                    if " " in name:
                        glued[name.replace(" ", "")] = numbers
            self._glued = glued
        return [self.places[n] for n in self._glued.get(text, ())]

    def lookup(self, text: str) -> list[Place]:
        primary, secondary = self.names
        numbers = primary.get(text) or secondary.get(text) or ()
        return [self.places[n] for n in numbers]

    def exact(self, text: str) -> set[Place]:
        return {self.places[n] for tier in self.names for n in tier.get(text, ())}

    def at_postcode(self, postcode: str) -> list[Place]:
        return [self.places[n] for n in self.postcodes.get(postcode, ())]

    @property
    def typo(self) -> dict[str, list[str]]:
        if self._typo is None:  # built on first use: most turns never need it
            index: dict[str, list[str]] = {}
            for tier in self.names:
                for word in tier:
                    for variant in deletes(word, self._typo_depth):
                        index.setdefault(variant, []).append(word)
            self._typo = index
        return self._typo

    def suggest(self, text: str) -> list[Place]:
        limit = min(_max_typos(text), self._typo_depth)
        if limit == 0 or len(text) > 40:
            return []
        scored: dict[str, int] = {}
        for variant in deletes(text, limit):
            for word in self.typo.get(variant, ()):
                if word not in scored:
                    scored[word] = edit_distance(text, word, limit)
        out: list[Place] = []
        for word, dist in sorted(scored.items(), key=lambda kv: (kv[1], kv[0])):
            if dist <= limit:
                out += [p for p in self.lookup(word) if p not in out]
        return out[:MAX_SUGGEST]

    def nearest(self, lat: float, lon: float) -> tuple[float, Place] | None:
        """(squared distance in degrees, place) of the nearest point within two grid rings."""
        if self._grid is None:
            grid: dict[tuple[int, int], list[tuple[float, float, Place]]] = {}
            for plat, plon, n in self._points:
                cell = (math.floor(plat / _CELL_LAT), math.floor(plon / _CELL_LON))
                grid.setdefault(cell, []).append((plat, plon, self.places[n]))
            self._grid = grid
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
        return best


class PlaceIndex:
    """Saxony's municipalities (loaded at once) and the rest of Germany (loaded on first use)."""

    def __init__(self, saxony: Tables, germany: Callable[[], Tables]) -> None:
        self._saxony = _Part(saxony, typo_depth=2)
        self._germany_source = germany
        self._germany: _Part | None = None
        self._lock = threading.Lock()
        self._areas: dict[str, Place] = {}
        self._finder: object | None = None
        self._districts: list[tuple[str, str]] | None = None  # district_named, built on first use

    @classmethod
    def load(
        cls,
        municipalities_csv: Path = MUNICIPALITIES_CSV,
        saxony_csv: Path = SAXONY_CSV,
        germany_csv: Path = GERMANY_CSV,
        *,
        cache_dir: Path | None | Literal["default"] = "default",
    ) -> PlaceIndex:
        cache = default_cache_dir() if cache_dir == "default" else cache_dir
        return cls(
            build_saxony(municipalities_csv, saxony_csv),
            lambda: cached_tables("germany", (germany_csv,), lambda: build_germany(germany_csv), cache),
        )

    @property
    def germany(self) -> _Part:
        if self._germany is None:
            with self._lock:
                if self._germany is None:
                    self._germany = _Part(self._germany_source(), typo_depth=1)
        return self._germany

    def germany_loaded(self) -> bool:
        return self._germany is not None

    # ------------------------------------------------------------ shared postcodes
    def group_shared_postcodes(
        self, route_key: Callable[[Place], Hashable], claim: Callable[[Place], int] = lambda p: 0
    ) -> None:
        """A postcode of several municipalities with one police route resolves to an area
        Place at once; only postcodes whose municipalities lead to different stations ask.
        The area copies the member with the weakest `claim` (say "nearest" rather than
        "responsible" when not all members are covered)."""
        areas: dict[str, Place] = {}
        for pc, numbers in self._saxony.postcodes.items():
            members = [self._saxony.places[n] for n in numbers]
            if len(members) < 2 or len({route_key(m) for m in members}) != 1:
                continue
            names = ", ".join(m.name for m in members)
            first = min(members, key=claim)
            areas[AREA_PREFIX + pc] = replace(
                first, id=AREA_PREFIX + pc, name=f"{names} ({pc})", postcode=pc, postcodes=(pc,), area=True
            )
        self._areas = areas

    # ------------------------------------------------------------ lookups
    def get(self, place_id: str) -> Place | None:
        if place_id.startswith("sn-"):
            return self._areas.get(place_id) or self._saxony.by_id.get(place_id)
        return self.germany.by_id.get(place_id)

    def saxon_places(self) -> tuple[Place, ...]:
        """The 418 Saxon municipalities (no areas)."""
        return tuple(self._saxony.places)

    def places(self) -> tuple[Place, ...]:
        return tuple(self._saxony.places) + tuple(self.germany.places)

    def at_postcode(self, postcode: str) -> Resolution:
        """Municipalities of a postcode; a shared one with a single police route is one area."""
        area = self._areas.get(AREA_PREFIX + postcode)
        if area is not None:
            return Resolution("found", (area,))
        return _classify(self._at_postcode_all(postcode))

    def resolve(self, query: str) -> Resolution:
        """What a reply to the place question names: a postcode, a name (typos tolerated), or a
        sentence that names one."""
        text = key(query)
        if not text:
            return Resolution("unknown")
        if _SPOKEN_POSTCODE.search(text):  # dictated by voice: "null vier acht acht sechs"
            return self.resolve(_spoken_postcode(text))
        corrected = _after_correction(query)
        if corrected is not None:  # "Freiberg – quatsch, Brand-Erbisdorf", "Grimma *Naunhof"
            found = self.resolve(corrected)
            if found.status != "unknown":
                return found
        stripped = _strip_fillers(text)
        if _LETTER_O_POSTCODE.fullmatch(stripped):  # "O1705": the letter O for a zero
            stripped = "0" + stripped[1:]
        if _SPACED_DIGITS.fullmatch(stripped):  # "0 9 4 5 6", "094 56": a postcode typed with spaces
            stripped = stripped.replace(" ", "")
        if stripped.isdigit() and len(stripped) == 4:  # "1067": leading zero dropped
            stripped = "0" + stripped
        match = _POSTCODE.search(stripped)
        if match:
            rest = _strip_fillers(" ".join(_POSTCODE.sub(" ", stripped).split()))
            found = self.at_postcode(match.group(1))
            if found.places:
                if rest:
                    in_rest = self.find_in_text(query)  # "unsere Postleitzahl ist 01920, Gemeinde Steina"
                    also = set(in_rest.places) if in_rest is not None else set()
                    named = [p for p in self._at_postcode_all(match.group(1)) if p in self._exact(rest) or p in also]
                    if named:
                        return _classify(named)
                return found
            if not rest:
                return Resolution("unknown")
            text = stripped = rest
        elsewhere = _ELSEWHERE.search(stripped)
        if elsewhere is not None and elsewhere.end() == len(stripped) and 0 < len(stripped[: elsewhere.start()].split()) <= 3:
            return self._elsewhere(stripped, elsewhere)
        tokens = stripped.split()
        if len(tokens) > SENTENCE_WORDS:
            # A sentence typed at the place question ("in Zwickau geboren, aber Gemeinderätin in
            # Dennheritz"): read as a sentence first, where the writer's own place wins.
            in_text = self.find_in_text(query)
            if in_text is not None and in_text.status == "found":
                return in_text
        prefixes = [" ".join(tokens[:k]) for k in range(len(tokens) - 1, 0, -1)]
        prefixes = [p for p in prefixes if len(p) >= 3 and p not in FILLERS]
        loose = loose_key(stripped)
        saxon = self._first(self._saxony, [text, stripped, loose, *prefixes])
        if saxon:
            return _classify(saxon)
        if len(tokens) == 1 and (glued := self._saxony.glued(stripped)):
            return _classify(glued)
        finder = self._text_finder()
        plain = finder.names.get(stripped)  # "Gorlitz", "Lobau": umlaut without its e; "Markkleebersch"
        if plain is not None:
            return _classify(plain[1])
        near = _NEAR_TOWN.match(stripped)
        if near is not None and len(near.group(1)) >= 5 and len(near.group(1).split()) <= 2 \
                and all(len(w) >= 4 and w not in _NOT_A_NAME for w in near.group(1).split()):
            # "hainewale bei zittau": the village, misspelt, near the town it names (it had
            # become Zittau without a word): offered
            from knowledge.place_text import NEAR_KM, _km  # place_text imports this module

            town = self.find_in_text(query)
            village = [p for p in self._saxony.suggest(near.group(1))
                       if town is not None and town.places and _km(p, town.places[0]) <= NEAR_KM]
            if village:  # near the town it names ("Plaue bei Flöha" is no Plauen, 60 km off)
                return Resolution("suggest", tuple(village))
        if len(tokens) > 1:
            # A sentence typed at the place question ("bin Bürgermeister in Ebersbach-Neugersdorf").
            in_text = self.find_in_text(query)
            if in_text is not None and in_text.places:
                return in_text
        spoken = {p for m in finder.typo_matches(stripped) for p in finder.names[m][1]}
        if 0 < len(spoken) <= MAX_SUGGEST:  # "Leibzsch": a typo of a spoken form, offered
            return Resolution("suggest", tuple(sorted(spoken, key=lambda p: p.name)))
        steps: tuple[tuple[bool, Callable[[], list[Place]]], ...] = (
            (True, lambda: self._first(self.germany, [text, stripped])),
            (False, lambda: self._saxony.suggest(stripped)),
            (True, lambda: self._first(self.germany, prefixes)),
            (False, lambda: self.germany.suggest(stripped)),
        )
        if len(tokens) > SENTENCE_WORDS:  # a sentence is no typo of a name, nor "Meine" or "Waren" by its first word
            steps = steps[:1]
        for exact, hits in steps:
            places = hits()
            if places and exact and not {key(p.name) for p in places} & {text, stripped, *prefixes}:
                # "Ludwigsdorf" (a village of Görlitz the list does not hold) found only as a part
                # of Ihlow in Niedersachsen: asked, not taken as the writer's place
                return Resolution("suggest", tuple(places))
            if places:
                return _classify(places) if exact else Resolution("suggest", tuple(places))
        return Resolution("unknown")

    def _elsewhere(self, text: str, region: re.Match[str]) -> Resolution:
        """A name with a region outside Saxony after it: the place there, if the index knows
        it ("koenigstein im taunus", "frankenberg eder", "coswig"), never the Saxon namesake."""
        name = text[: region.start()].strip()
        joined = " ".join(w for w in text.split() if w not in ("an", "der", "dem", "am", "im", "in", "bei"))
        places = [p for p in self._first(self.germany, [text, joined, name]) if not p.in_saxony]
        return Resolution("outside", tuple(places[:MAX_AMBIGUOUS])) if places else Resolution("unknown")

    def named_elsewhere(self, text: str, place: Place) -> bool:
        """Whether `text` puts the Saxon `place`'s name in a region outside Saxony."""
        name = key(place.name).split("/")[0]
        written = key(text)
        at = written.find(name)
        return at >= 0 and bool(_ELSEWHERE.match(written, at + len(name) + 1))

    @staticmethod
    def _first(part: _Part, candidates: Iterable[str]) -> list[Place]:
        for cand in candidates:
            hits = part.lookup(cand)
            if hits:
                return hits
        return []

    def _at_postcode_all(self, postcode: str) -> list[Place]:
        return self._saxony.at_postcode(postcode) or self.germany.at_postcode(postcode)

    def _exact(self, text: str) -> set[Place]:
        found = self._saxony.exact(text) | self._saxony.exact(loose_key(text))
        return found or self.germany.exact(text)

    def nearest(self, lat: float, lon: float) -> Resolution:
        if not (math.isfinite(lat) and math.isfinite(lon)):
            return Resolution("unknown")
        candidates = [b for b in (self._saxony.nearest(lat, lon), self.germany.nearest(lat, lon)) if b]
        if not candidates:
            return Resolution("unknown")
        d2, place = min(candidates, key=lambda b: b[0])
        if math.sqrt(d2) * 111.2 > MAX_NEAREST_KM:
            return Resolution("unknown")
        return Resolution("found" if place.in_saxony else "outside", (place,))

    def find_in_text(self, text: str) -> Resolution | None:
        """A Saxon municipality named or given by postcode anywhere in a free sentence
        (rules in place_text.py); None when the text names none."""
        from knowledge.place_text import find_in_text

        found = find_in_text(self, text)
        if found is not None and found.places and any(self.named_elsewhere(text, p) for p in found.places):
            kept = tuple(p for p in found.places if not self.named_elsewhere(text, p))
            return _classify(kept) if kept else None
        return found

    def corrects_place(self, text: str) -> bool:
        """Whether a sentence names a place and says another is not meant (place_text.py)."""
        return self._text_finder().corrects(text)

    def district_named(self, text: str) -> str | None:
        """The Landkreis a reply names instead of a municipality ("landkreis goerlitz",
        "vogtlandkreis, kleenes dorf", "sächsische schweiz"), by its name in the data."""
        if self._districts is None:
            self._districts = _district_keys(p.district_name for p in self._saxony.places if p.in_saxony)
        said = f" {key(text)} "
        return next((name for form, name in self._districts if f" {form} " in said), None)

    def _text_finder(self):  # noqa: ANN202 - TextFinder, imported lazily
        if self._finder is None:
            from knowledge.place_text import TextFinder

            with self._lock:
                if self._finder is None:
                    self._finder = TextFinder(self)
        return self._finder


# Regions people give for their Landkreis, beside its own name.
_DISTRICT_REGIONS = {"vogtland": "Vogtlandkreis", "erzgebirge": "Erzgebirgskreis",
                     "saechsische schweiz": "Landkreis Sächsische Schweiz-Osterzgebirge",
                     "osterzgebirge": "Landkreis Sächsische Schweiz-Osterzgebirge"}


def _district_keys(names: Iterable[str]) -> list[tuple[str, str]]:
    """(lookup form, Landkreis name), longest form first. "Landkreis Görlitz" is found as
    "landkreis goerlitz", "lk goerlitz" or "kreis goerlitz"; a bare name only where it is no
    municipality's too ("mittelsachsen", not "goerlitz")."""
    forms: dict[str, str] = {}
    for name in sorted(set(names)):
        if not name.startswith(("Landkreis", "Vogtlandkreis", "Erzgebirgskreis")):
            continue  # a kreisfreie Stadt is its municipality
        whole = key(name)
        forms[whole] = name
        bare = whole.removeprefix("landkreis ").strip()
        for lead in ("landkreis", "lk", "kreis", "im landkreis", "district of"):
            forms[f"{lead} {bare}"] = name
        if bare in ("mittelsachsen", "nordsachsen", "vogtlandkreis", "erzgebirgskreis", "saechsische schweiz osterzgebirge"):
            forms[bare] = name
    for region, name in _DISTRICT_REGIONS.items():
        if name in set(forms.values()):
            forms.setdefault(region, name)
    return sorted(forms.items(), key=lambda fn: -len(fn[0]))


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
