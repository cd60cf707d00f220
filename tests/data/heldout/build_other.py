#!/usr/bin/env python3
"""Build danger.yaml, answers.yaml and places.yaml from their *_src.txt sources and validate them."""
import csv, json, yaml, collections
H = "/work/heldout"
q = lambda s: json.dumps(s, ensure_ascii=False)

# danger.yaml
sec, d = None, {"danger_now": [], "not_danger": []}
for ln in open(f"{H}/danger_src.txt", encoding="utf-8"):
    ln = ln.rstrip("\n")
    if not ln:
        continue
    if ln.startswith("["):
        sec = ln[1:-1]; continue
    lang, text = ln.split("|", 1); assert lang in ("de", "en"), ln
    d[sec].append((lang, text))
with open(f"{H}/danger.yaml", "w", encoding="utf-8") as f:
    f.write("# Held-out emergency detection set for Schutzlotse. danger_now: someone is in danger RIGHT NOW.\n"
            "# not_danger: hard negatives (past, negated, hypothetical, questions). Written without seeing the bot's code.\n")
    for k in ("danger_now", "not_danger"):
        f.write(f"{k}:\n")
        for lang, t in d[k]:
            f.write(f"  - {{text: {q(t)}, lang: {lang}}}\n")

# answers.yaml
rows = []
for ln in open(f"{H}/answers_src.txt", encoding="utf-8"):
    ln = ln.rstrip("\n")
    if not ln or ln.startswith("#"):
        continue
    qu, m, l, x, t = ln.split("|", 4)
    assert qu in ("online", "extremist", "private_sphere", "repeated", "danger") and m in ("yes", "no", "unknown", "back", "language") and l in ("de", "en"), ln
    rows.append((qu, m, l, x, t))
with open(f"{H}/answers.yaml", "w", encoding="utf-8") as f:
    f.write("# Held-out natural answers to the bot's yes/no follow-up questions.\n"
            "# question ids: danger (anyone in danger right now?), online, extremist, private_sphere (home/family), repeated.\n"
            "# meaning: yes | no | unknown | back | language (quoted, because YAML 1.1 reads bare yes/no as booleans). Written without seeing the bot's code.\n")
    for qu, m, l, x, t in rows:
        s = f"- {{question: {qu}, text: {q(t)}, lang: {l}, meaning: \"{m}\""
        if x:
            s += f", extra: {q(x)}"
        f.write(s + "}\n")

# places.yaml
G = {r["name"]: r for r in csv.DictReader(open("/work/shared/data/gemeinden-sachsen.csv", encoding="utf-8"))}
PC = {p for r in G.values() for p in r["postcodes"].split()}
out = []
for ln in open(f"{H}/places_src.txt", encoding="utf-8"):
    ln = ln.rstrip("\n")
    if not ln or ln.startswith("#"):
        continue
    t, e = ln.rsplit("|", 1)
    if e == "NULL":
        out.append("- {text: %s, expect: null}" % q(t))
    elif e.startswith("PC:"):
        assert e[3:] in PC and e[3:] in t, ln
        out.append("- {text: %s, expect_postcode: %s}" % (q(t), q(e[3:])))
    else:
        assert e in G, ln
        out.append("- {text: %s, expect: %s}" % (q(t), q(e)))
with open(f"{H}/places.yaml", "w", encoding="utf-8") as f:
    f.write("# Held-out municipality extraction set. expect = exact `name` from gemeinden-sachsen.csv, null = no municipality;\n"
            "# expect_postcode = the Saxon postcode in the text (map to Gemeinden via the csv `postcodes` column). Written without seeing the bot's code.\n")
    f.write("\n".join(out) + "\n")

for fn in ("danger.yaml", "answers.yaml", "places.yaml"):
    yaml.safe_load(open(f"{H}/{fn}", encoding="utf-8"))
print("ok")
