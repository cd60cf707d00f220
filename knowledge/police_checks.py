"""`knowledge check` for police.yaml against the municipality data: the mistakes a schema
cannot see. A station whose `town` or `covers` names no Saxon municipality could never be
found ("Dölben" for "Döbeln"); a phone number that cannot be dialled must not reach a user.
Stations are named by their id, never by their position in the list.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from typing import TYPE_CHECKING, Any

import phonenumbers

from knowledge.places import Place, PlaceIndex
from knowledge.police import PoliceData, Station, station_place
from knowledge.text import normalize
from knowledge.yamlsource import Problem, YamlDocument

if TYPE_CHECKING:
    from knowledge.base import Knowledge

FILE = "police.yaml"


_POSITION = re.compile(r"^(stations|direktionen)\.(\d+)(?=\.|$)")


def name_entries_by_id(doc: YamlDocument, problems: list[Problem]) -> list[Problem]:
    """'stations.5.phone' -> 'pr_doebeln.phone': admins find an entry by its id, not by counting."""
    data: Any = doc.data

    def rename(field: str) -> str:
        match = _POSITION.match(field)
        if not match or not isinstance(data, dict):
            return field
        entries = data.get(match.group(1))
        index = int(match.group(2))
        if isinstance(entries, list) and index < len(entries) and isinstance(entries[index], dict):
            entry_id = entries[index].get("id")
            if isinstance(entry_id, str) and entry_id:
                return entry_id + field[match.end():]
        return field

    return [dataclasses.replace(p, field=rename(p.field)) if p.file == doc.file else p for p in problems]


def phone_problem(number: str) -> str | None:
    """Why `number` is not a plausible German phone number, or None if it is."""
    try:
        parsed = phonenumbers.parse(number, "DE")
    except phonenumbers.NumberParseException:
        return f"{number!r} cannot be read as a phone number"
    if parsed.country_code != 49:
        return f"{number!r} is not a German number (+49)"
    national = phonenumbers.national_significant_number(parsed)
    if not phonenumbers.is_valid_number(parsed):
        return f"{number!r} is not a valid German number (check the area code and the length)"
    area = phonenumbers.length_of_geographical_area_code(parsed)
    subscriber = national[area:] if area else national
    # German numbering accepts short numbers that no police station has: a big-city area
    # code (0351, 0371, 0341) comes with at least 4 more digits, any other with at least 3.
    if area and (len(subscriber) < 3 or (area <= 3 and len(subscriber) < 4)):
        return (f"{number!r} looks too short: after the area code 0{national[:area]} come only "
                f"{len(subscriber)} digits; check for a missing part")
    return None


def police_problems(k: Knowledge) -> list[Problem]:
    """Everything wrong between police.yaml and the place data, for `knowledge check`."""
    doc = k.documents.get(FILE)

    def problem(loc: tuple, field: str, message: str, severity: str = "error") -> Problem:
        return Problem(FILE, doc.line_of(loc) if doc else None, field, message, severity)

    out: list[Problem] = []
    out += _district_problems(k.police, k.places, problem)
    names = {normalize(p.name): p for p in k.places.saxon_places()}
    covered: dict[str, str] = {}
    for i, station in enumerate(k.police.stations):
        loc = ("stations", i)
        sid = station.id
        if station_place(station, k.places) is None:
            out.append(problem((*loc, "town"), f"{sid}.town",
                               f"station {sid}: town {station.town!r} is not a Saxon municipality"
                               + _did_you_mean(station.town, k.places, names, station.direktion)))
        else:
            town = station_place(station, k.places)
            if town is not None and town.direktion and town.direktion != station.direktion:
                out.append(problem((*loc, "direktion"), f"{sid}.direktion",
                                   f"station {sid}: its town {town.name} belongs to {town.direktion}, "
                                   f"not {station.direktion}"))
        for j, cov in enumerate(station.covers):
            cloc = (*loc, "covers", j, "gemeinde")
            place = _municipality(cov.gemeinde, cov.ags, k.places, names)
            if place is None:
                out.append(problem(cloc, f"{sid}.covers", f"station {sid}: covers {cov.gemeinde!r}, "
                                   "which is not a Saxon municipality" + _did_you_mean(cov.gemeinde, k.places, names, station.direktion)))
                continue
            if cov.ags and place.ags != cov.ags:
                out.append(problem(cloc, f"{sid}.covers", f"station {sid}: covers {cov.gemeinde!r} with AGS "
                                   f"{cov.ags}, but {place.name} has AGS {place.ags}"))
            if place.direktion and place.direktion != station.direktion:
                out.append(problem(cloc, f"{sid}.covers", f"station {sid}: covers {place.name}, which belongs "
                                   f"to {place.direktion}, not {station.direktion}"))
            other = covered.setdefault(place.ags or place.name, sid)
            if other != sid:
                out.append(problem(cloc, f"{sid}.covers", f"station {sid}: {place.name} is also covered by "
                                   f"station {other}; a municipality has one Revier"))
        out += _phone_problems(station, loc, problem)
    for i, direktion in enumerate(k.police.direktionen):
        if direktion.phone and (why := phone_problem(direktion.phone)):
            out.append(problem(("direktionen", i, "phone"), f"{direktion.id}.phone", f"{direktion.id}: {why}"))
    return out


def _phone_problems(station: Station, loc: tuple, problem) -> list[Problem]:  # noqa: ANN001
    if not station.phone:
        return []
    why = phone_problem(station.phone)
    return [problem((*loc, "phone"), f"{station.id}.phone", f"station {station.id}: {why}")] if why else []


def _municipality(name: str, ags: str | None, places: PlaceIndex, names: dict[str, Place]) -> Place | None:
    if ags:
        for place in places.saxon_places():
            if place.ags == ags:
                return place if normalize(place.name) == normalize(name) or _same(name, place, places) else None
    if normalize(name) in names:
        return names[normalize(name)]
    res = places.resolve(name)
    saxon = [p for p in res.places if p.in_saxony and not p.area]
    return saxon[0] if res.status == "found" and saxon else None


def _same(name: str, place: Place, places: PlaceIndex) -> bool:
    res = places.resolve(name)
    return res.status in ("found", "ambiguous") and place in res.places


def _did_you_mean(name: str, places: PlaceIndex, names: dict[str, Place], direktion: str) -> str:
    """Close municipality names, those of the station's own Direktion first."""
    res = places.resolve(name)
    found = [p for p in res.places if p.in_saxony and not p.area]
    if not found:
        close = difflib.get_close_matches(normalize(name), list(names), n=3, cutoff=0.7)
        found = [names[c] for c in close]
    guesses = [p.name for p in found if p.direktion == direktion] or [p.name for p in found]
    if not guesses:
        return "; use the name as written in gemeinden-sachsen.csv"
    return "; did you mean " + " or ".join(repr(g) for g in dict.fromkeys(guesses)) + "?"


def _district_problems(police: PoliceData, places: PlaceIndex, problem) -> list[Problem]:  # noqa: ANN001
    """Every Saxon district of the place data belongs to a Direktion, and to the same one
    the municipality data names."""
    out: list[Problem] = []
    seen: set[str] = set()
    for place in places.saxon_places():
        code = place.district_code
        if code in seen:
            continue
        seen.add(code)
        direktion = police.direktion_for(code)
        if direktion is None:
            out.append(problem(("direktionen",), "direktionen",
                               f"district {code} ({place.district_name}) of the place data has no "
                               "Polizeidirektion; add its code to one direktion's `districts`"))
        elif place.direktion and place.direktion != direktion.id:
            out.append(problem(("direktionen",), "direktionen",
                               f"district {code} ({place.district_name}) is in {direktion.id} here, but the "
                               f"municipality data puts it in {place.direktion}"))
    return out


def police_warnings(k: Knowledge, today: dt.date) -> list[Problem]:
    """Gaps in the police data worth an admin's attention (never stop the bot)."""
    from knowledge.audit import MAX_AGE

    doc = k.documents.get(FILE)

    def warn(loc: tuple, field: str, message: str) -> Problem:
        return Problem(FILE, doc.line_of(loc) if doc else None, field, message, "warning")

    def age(loc: tuple, field: str, verified: dt.date | None) -> list[Problem]:
        if verified is None:
            return [warn(loc, field, "no `verified_on`: compare the entry with its source and add the date")]
        if today - verified > MAX_AGE:
            return [warn((*loc, "verified_on"), f"{field}.verified_on",
                         f"verified_on {verified.isoformat()} is older than 12 months: check the entry again")]
        return []

    out: list[Problem] = []
    for i, d in enumerate(k.police.direktionen):
        loc = ("direktionen", i)
        if not d.source:
            out.append(warn(loc, d.id, "no `source`"))
        if not d.phone:
            out.append(warn(loc, d.id, "no switchboard number: users get the nearest station with a number"))
        elif d.phone_uncertain:
            out.append(warn((*loc, "phone"), f"{d.id}.phone", "number marked uncertain: check it against a current source"))
        out += age(loc, d.id, d.verified_on)
    for i, s in enumerate(k.police.stations):
        loc = ("stations", i)
        if not s.phone:
            out.append(warn(loc, s.id, "no phone number: municipalities it covers are first shown the nearest "
                                       "station that has one"))
        elif s.phone_uncertain:
            out.append(warn((*loc, "phone"), f"{s.id}.phone", "number marked uncertain: check it against a current source"))
        if s.old:
            out.append(warn((*loc, "old"), s.id, "main source predates 2020"))
        for j, cov in enumerate(s.covers):
            if cov.evidence == "weak":
                out.append(warn((*loc, "covers", j), f"{s.id}.covers",
                                f"{cov.gemeinde}: weak evidence only (one case or an unclear source, {cov.source_date}); "
                                "look for a formal area list"))
        out += age(loc, s.id, s.verified_on)
    uncovered = [p for p in k.places.saxon_places() if k.police.coverage_for(p) is None]
    if uncovered:
        out.append(warn(("stations",), "stations",
                        f"{len(uncovered)} of {len(k.places.saxon_places())} municipalities have no sourced Revier "
                        "(no `covers` entry): they are shown the nearest station with a number, labelled as the "
                        "nearest. Add `covers` entries as sources are found."))
    return out
