#!/usr/bin/env python3
"""Build categories.yaml from cat_src.txt (pipe-separated source) and validate it."""
import csv, json, re, collections, unicodedata, sys
HERE = "/work/heldout"
GEM = {}
for r in csv.DictReader(open("/work/shared/data/gemeinden-sachsen.csv", encoding="utf-8")):
    GEM.setdefault(r["name"], []).append(r)
PC = collections.defaultdict(set)
for n, rows in GEM.items():
    for r in rows:
        for p in r["postcodes"].split():
            PC[p].add(n)
CATS = "physical_attack threat stalking doxxing insult online_hate coercion property_damage unsure prevention".split()
ASP = {"online", "private_sphere", "repeated", "extremist"}

def fold(s):
    s = s.lower().replace("ß", "ss")
    for a, b in (("ä", "ae"), ("ö", "oe"), ("ü", "ue")):
        s = s.replace(a, b)
    return s

def q(s):
    return json.dumps(s, ensure_ascii=False)

out, errs = [], []
for ln in open(f"{HERE}/cat_src.txt", encoding="utf-8"):
    ln = ln.rstrip("\n")
    if not ln or ln.startswith("#"):
        continue
    cat, also, asp, place, when, lang, text = ln.split("|", 6)
    also = [a for a in also.split(",") if a]
    asp = [a for a in asp.split(",") if a]
    if cat not in CATS or any(a not in CATS or a == cat for a in also):
        errs.append(("cat", ln))
    if any(a not in ASP for a in asp):
        errs.append(("asp", ln))
    if lang not in ("de", "en") or when not in ("", "past", "now"):
        errs.append(("lang/when", ln))
    e = {"text": text, "lang": lang, "category": cat, "also": also, "aspects": asp}
    pcs = re.findall(r"\b(0[1-9]\d{3})\b", text)
    if place:
        if place not in GEM:
            errs.append(("place", ln))
        elif len(GEM[place]) > 1:
            errs.append(("ambiguous place", ln))
        e["place"] = place
        if pcs:
            if PC.get(pcs[0]) != {place}:
                errs.append(("postcode", ln))
            e["postcode"] = pcs[0]
        else:
            stem = fold(place.split("/")[0].split(" an der")[0])
            if stem[:5] not in fold(text):
                errs.append(("place not in text?", ln))
    e["when"] = when or None
    out.append(e)

with open(f"{HERE}/categories.yaml", "w", encoding="utf-8") as f:
    f.write("# Held-out first messages for Schutzlotse category classification.\n")
    f.write("# Written without access to the bot's code or training data. See README.md.\n")
    for e in out:
        f.write(f"- text: {q(e['text'])}\n")
        f.write(f"  lang: {e['lang']}\n")
        f.write(f"  category: {e['category']}\n")
        f.write(f"  also: [{', '.join(e['also'])}]\n")
        f.write(f"  aspects: [{', '.join(e['aspects'])}]\n")
        if "place" in e:
            f.write(f"  place: {q(e['place'])}\n")
        if "postcode" in e:
            f.write(f"  postcode: {q(e['postcode'])}\n")
        f.write(f"  when: {e['when'] or 'null'}\n")
for t, l in errs:
    print("ERR", t, l[:120])
print(len(out), "entries")
