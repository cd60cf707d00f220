"""One-off import: writes knowledge/data/police.yaml from the researched CSV files.

Run: python scripts/import_police_csv.py ../shared/data   (then review the diff)

Inputs (see shared/data/README.md): polizeireviere-sachsen.csv (stations),
revier-zustaendigkeit.csv (sourced coverage), polizeidirektionen.csv, gemeinden-sachsen.csv
(canonical municipality names by AGS). The editorial decisions (which of two rows is the
main one, which number is uncertain, the town as a municipality name) are in STATIONS
below, each with its reason. After the import admins edit police.yaml by hand.
"""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

import yaml

OUT = Path(__file__).resolve().parent.parent / "knowledge" / "data" / "police.yaml"
RANK = {"strong": 0, "good": 1, "weak": 2}

# id -> (CSV revier name, town as in gemeinden-sachsen.csv, index of the main CSV row among
# that Revier's rows, phone_uncertain, city_part, street override or None (= CSV value))
STATIONS: dict[str, tuple[str, str, int, bool, bool, str | None]] = {
    "pr_annaberg": ("Polizeirevier Annaberg", "Annaberg-Buchholz", 0, False, False, None),
    "pr_aue": ("Polizeirevier Aue", "Aue-Bad Schlema", 1, False, False, None),
    "pr_marienberg": ("Polizeirevier Marienberg", "Marienberg", 0, False, False, None),
    "pr_stollberg": ("Polizeirevier Stollberg", "Stollberg/Erzgebirge", 0, False, False, None),
    # Phone from 2012 (the 2017 move kept it); whether the Revier is back in Beethovenstraße
    # is not verified, so no street is shown.
    "pr_freiberg": ("Polizeirevier Freiberg", "Freiberg", 1, True, False, ""),
    "pr_doebeln": ("Polizeirevier Döbeln", "Döbeln", 0, False, False, None),
    "pr_mittweida": ("Polizeirevier Mittweida", "Mittweida", 1, False, False, "Robert-Koch-Straße 17"),
    "pr_chemnitz_nordost": ("Polizeirevier Chemnitz-Nordost", "Chemnitz", 0, False, True, None),
    "pr_dresden_mitte": ("Polizeirevier Dresden-Mitte", "Dresden", 0, False, True, None),
    "pr_dresden_nord": ("Polizeirevier Dresden-Nord", "Dresden", 0, True, True, None),  # 2013 source
    "pr_dresden_sued": ("Polizeirevier Dresden-Süd", "Dresden", 0, False, True, None),
    "pr_dresden_west": ("Polizeirevier Dresden-West", "Dresden", 0, False, True, None),
    "pr_meissen": ("Polizeirevier Meißen", "Meißen", 0, False, False, None),
    "pr_riesa": ("Polizeirevier Riesa", "Riesa", 0, False, False, None),
    "pr_grossenhain": ("Polizeirevier Großenhain", "Großenhain", 0, False, False, None),
    "pr_pirna": ("Polizeirevier Pirna", "Pirna", 0, False, False, None),
    "pr_sebnitz": ("Polizeirevier Sebnitz", "Sebnitz", 0, False, False, None),
    "pr_freital_dippoldiswalde": ("Polizeirevier Freital-Dippoldiswalde", "Freital", 0, False, False, None),
    "pr_goerlitz": ("Polizeirevier Görlitz", "Görlitz", 0, False, False, None),
    "pr_bautzen": ("Polizeirevier Bautzen", "Bautzen", 0, True, False, None),  # 2018 source
    "pr_hoyerswerda": ("Polizeirevier Hoyerswerda", "Hoyerswerda", 0, False, False, None),
    "pr_kamenz": ("Polizeirevier Kamenz", "Kamenz", 0, False, False, None),
    "pr_weisswasser": ("Polizeirevier Weißwasser", "Weißwasser/O.L.", 0, False, False, None),
    "pr_zittau_oberland": ("Polizeirevier Zittau-Oberland", "Zittau", 0, True, False, None),  # 2017 source
    "pr_leipzig_zentrum": ("Polizeirevier Leipzig-Zentrum", "Leipzig", 0, False, True, None),
    "pr_leipzig_nord": ("Polizeirevier Leipzig-Nord", "Leipzig", 0, False, True, None),
    # The only number seen is a registration line (06:00-14:30), not a switchboard: left out.
    "pr_leipzig_suedost": ("Polizeirevier Leipzig-Südost", "Leipzig", 0, False, True, None),
    "pr_leipzig_suedwest": ("Polizeirevier Leipzig-Südwest", "Leipzig", 0, False, True, "Ratzelstraße"),
    "pr_borna": ("Polizeirevier Borna", "Borna", 0, False, False, None),
    "pr_grimma": ("Polizeirevier Grimma", "Grimma", 0, False, False, None),
    "pr_delitzsch": ("Polizeirevier Delitzsch", "Delitzsch", 0, False, False, None),
    "pr_eilenburg": ("Polizeirevier Eilenburg", "Eilenburg", 0, False, False, None),
    "pr_torgau": ("Polizeirevier Torgau", "Torgau", 0, False, False, None),
    # Two sources differ (6500 in 2020, 650100 in 2018): the newer one, marked uncertain.
    "pr_oschatz": ("Polizeirevier Oschatz", "Oschatz", 1, True, False, "Theodor-Körner-Straße 2"),
    # The number predates the 2023 move to Lessingstraße 17.
    "pr_zwickau": ("Polizeirevier Zwickau", "Zwickau", 1, True, False, "Lessingstraße 17"),
    "pr_werdau": ("Polizeirevier Werdau", "Werdau", 0, False, False, None),
    "pr_glauchau": ("Polizeirevier Glauchau", "Glauchau", 0, False, False, None),
    "pr_plauen": ("Polizeirevier Plauen", "Plauen", 0, False, False, None),
    "pr_auerbach": ("Polizeirevier Auerbach (Auerbach-Klingenthal)", "Auerbach/Vogtland", 0, False, False, None),
}
# A number that is not a line for the public (registration desk, 06:00-14:30).
NO_PHONE = {"pr_leipzig_suedost"}
# Reviere known only from the coverage data (no station row): id -> (name, direktion, town).
COVERAGE_ONLY = {"pr_rochlitz": ("Polizeirevier Rochlitz", "pd_chemnitz", "Rochlitz")}
DIREKTIONEN = {
    "PD Chemnitz": ("pd_chemnitz", "Polizeidirektion Chemnitz", "Police Directorate Chemnitz",
                    ["14511", "14521", "14522"], True),
    "PD Dresden": ("pd_dresden", "Polizeidirektion Dresden", "Police Directorate Dresden",
                   ["14612", "14627", "14628"], False),
    "PD Görlitz": ("pd_goerlitz", "Polizeidirektion Görlitz", "Police Directorate Görlitz",
                   ["14625", "14626"], True),
    "PD Leipzig": ("pd_leipzig", "Polizeidirektion Leipzig", "Police Directorate Leipzig",
                   ["14713", "14729", "14730"], False),
    "PD Zwickau": ("pd_zwickau", "Polizeidirektion Zwickau", "Police Directorate Zwickau",
                   ["14523", "14524"], False),
}


def evidence(kind: str) -> str:
    """The README's three strengths from the free-text evidence_kind column."""
    low = kind.lower()
    if "weak" in low or "single case" in low or "incidents handled" in low or "before the 2013 reform" in low:
        return "weak"
    if "formal" in low or "confirms the 2021 list" in low:
        return "strong"
    return "good"


def _clean_street(raw: str) -> str:
    """The street as users see it: no remarks in brackets, no second address after ';'."""
    return re.sub(r"\s*\([^)]*\)", "", raw).split(";")[0].strip()


def _phone(raw: str) -> str | None:
    """The first number of a CSV phone cell ('03727 980-0 (Fax …)'); blank stays blank."""
    value = raw.split("(Fax")[0].split(";")[0].strip()
    return value or None


def _old(row: dict[str, str]) -> bool:
    return "OLD" in row["notes"] or any(y in row["source_date"] for y in ("2012", "2013", "2015", "2017", "2018"))


def main(data: Path) -> None:
    rows = list(csv.DictReader((data / "polizeireviere-sachsen.csv").open(encoding="utf-8")))
    coverage = list(csv.DictReader((data / "revier-zustaendigkeit.csv").open(encoding="utf-8")))
    gemeinden = {r["ags"]: r["name"] for r in csv.DictReader((data / "gemeinden-sachsen.csv").open(encoding="utf-8"))}
    pds = {r["polizeidirektion"]: r for r in csv.DictReader((data / "polizeidirektionen.csv").open(encoding="utf-8"))}
    by_name: dict[str, list[dict[str, str]]] = {}
    for row in rows:
        by_name.setdefault(row["revier"], []).append(row)
    direktionen = []
    for label, (pid, de, en, districts, has_switchboard) in DIREKTIONEN.items():
        src = pds[label]
        address = _clean_street(src["address"])
        entry = {"id": pid, "name": {"de": de, "en": en}, "districts": districts, "address": address}
        if has_switchboard:
            entry["phone"] = src["switchboard_phone"]
            entry["phone_uncertain"] = True  # both sources are old or undated
        entry |= {"web": src["web_page"].split()[0] if src["web_page"].startswith("http") else None,
                  "source": src["source_url"], "source_date": src["source_date"],
                  "notes": f"{src['notes']} Quote: {src['quote']}"
                  + (f" Address as in the source: {src['address']}." if address != src["address"] else "")}
        direktionen.append({k: v for k, v in entry.items() if v is not None})
    stations = []
    for sid, (revier, town, main_row, uncertain, city_part, street) in STATIONS.items():
        found = by_name[revier]
        row = found[main_row]
        phone = None if sid in NO_PHONE else next((_phone(r["phone"]) for r in [row, *found] if _phone(r["phone"])), None)
        street_value = street if street is not None else (row["street"] or next((r["street"] for r in found if r["street"]), ""))
        postcode = next((r["postcode"][:5] for r in [row, *found] if r["postcode"][:5].isdigit()), None)
        raw_street = street_value
        street_value = _clean_street(street_value)
        others = [f"{r['source_url']} ({r['source_date']}): {r['notes']}" for r in found if r is not row]
        entry = {
            "id": sid, "name": revier, "direktion": DIREKTIONEN[row["direktion"]][0],
            "street": street_value or None, "postcode": postcode if street_value else None, "town": town,
            "city_part": city_part or None, "phone": phone, "phone_uncertain": (uncertain and bool(phone)) or None,
            "covers": _covers(revier, coverage, gemeinden) or None,
            "covers_note": row["covers"] or None,
            "source": row["source_url"], "source_date": row["source_date"], "old": _old(row),
            "notes": " ".join([row["notes"], *(f"Also: {o}" for o in others),
                               *([f"Street as in the source: {raw_street}."] if raw_street != street_value else []),
                               *([f"Number seen but not used: {row['phone']}."] if sid in NO_PHONE else [])]).strip() or None,
        }
        stations.append({k: v for k, v in entry.items() if v is not None})
    for sid, (name, pid, town) in COVERAGE_ONLY.items():
        first = next(r for r in coverage if r["revier_name"] == name)
        stations.append({
            "id": sid, "name": name, "direktion": pid, "town": town,
            "covers": _covers(name, coverage, gemeinden),
            "source": first["source_url"], "source_date": first["source_date"], "old": False,
            "notes": "Known only from the coverage data: address and phone not found.",
        })
    header = (OUT.read_text(encoding="utf-8").split("\ndirektionen:")[0] + "\n") if OUT.exists() else ""
    body = yaml.dump({"direktionen": direktionen, "stations": stations}, Dumper=_Indented,
                     allow_unicode=True, sort_keys=False, width=100)
    body = body.replace("\n  - id: ", "\n\n  - id: ")  # a blank line between entries
    # District keys on one line, as SächsPolOrgVO lists them.
    body = re.sub(r"districts:\n((?:      - '\d{5}'\n)+)",
                  lambda m: "districts: [" + ", ".join(f'"{c}"' for c in re.findall(r"\d{5}", m.group(1))) + "]\n",
                  body)
    OUT.write_text(header + body, encoding="utf-8")


class _Indented(yaml.SafeDumper):
    """Lists indented under their key, as admins write them by hand."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        super().increase_indent(flow, False)


def _covers(revier: str, coverage: list[dict[str, str]], gemeinden: dict[str, str]) -> list[dict]:
    best: dict[str, dict] = {}
    for row in coverage:
        if row["revier_name"] != revier:
            continue
        entry = {
            "gemeinde": gemeinden.get(row["ags"], row["gemeinde_name"]), "ags": row["ags"] or None,
            "evidence": evidence(row["evidence_kind"]), "source": row["source_url"],
            "source_date": row["source_date"], "old": row["old_source"] == "yes", "quote": row["quote"],
        }
        entry = {k: v for k, v in entry.items() if v is not None}
        rank = (RANK[entry["evidence"]], entry["old"])
        current = best.get(entry["gemeinde"])
        if current is None or rank < (RANK[current["evidence"]], current["old"]):
            best[entry["gemeinde"]] = entry
    return [best[name] for name in sorted(best)]


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[3] / "shared" / "data")
