"""What a first message already says besides the offence: the place and the aspects.

tests/data/dev/listening-en-*.yaml (EN, stop 41: 160 first messages by a blind writer, the
three personas, 60 % German; `-a` read, `-b` never read): each item notes `expect_place`
(the municipality, or null), and `online`, `home`, `repeated`, `extremist` as true, false
(said not to be so) or null (not said). Counted: the place taken where one is named and
none where none is; per aspect, found where true and wrongly where not true, and the
denial found where the writer said false ("not online", "the first time").

Run: .venv/bin/python bench/eval_listening.py [FILE ...]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import Knowledge, load  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
# aspect as written down -> (the aspect found, the denial found)
ASPECTS = {"online": ("online", "offline"), "home": ("private_sphere", "not_private"),
           "repeated": ("repeated", "once"), "extremist": ("extremist", None)}


def measure(k: Knowledge, items: list[dict]) -> Counter:  # type: ignore[type-arg]
    n: Counter = Counter()
    for item in items:
        u = k.understand(item["text"])
        places = [p.name for p in u.place.places] if u.place is not None else []
        if item["expect_place"]:
            n["named"] += 1
            n["place_right"] += item["expect_place"] in places
        else:
            n["unnamed"] += 1
            n["place_taken"] += bool(places)
        for said, (found, denial) in ASPECTS.items():
            value = item[said]
            n[f"{said} true"] += value is True
            n[f"{said} found"] += value is True and found in u.aspects
            n[f"{said} not true"] += value is not True
            n[f"{said} wrongly"] += value is not True and found in u.aspects
            if denial is not None and value is False:
                n[f"{said} false"] += 1
                n[f"{said} denial found"] += denial in u.aspects
    return n


def main(paths: list[str]) -> int:
    k = load()
    for path in paths or sorted(str(p) for p in DEV.glob("listening-*.yaml")):
        n = measure(k, yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        print(f"{Path(path).name}: place right {n['place_right']} of {n['named']}, "
              f"taken where none is named {n['place_taken']} of {n['unnamed']}")
        for said, (_, denial) in ASPECTS.items():
            line = f"  {said}: found {n[f'{said} found']} of {n[f'{said} true']}, wrongly {n[f'{said} wrongly']} of {n[f'{said} not true']}"
            if denial is not None:
                line += f"; the denial found {n[f'{said} denial found']} of {n[f'{said} false']}"
            print(line)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
