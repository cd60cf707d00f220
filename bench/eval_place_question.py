"""Replies typed at the place question ("In welcher Gemeinde ist es passiert ...?"), through
the pure step: the place sets of tests/data/ sent one by one as the reply there, after a
conversation about a threat that named no town.

Counts, of the items that name a place: found (the expected municipality taken), offered (a
list to pick from that names it), wrong (another one taken), missed; of the items that name
none: kept without a place, or a place taken. (An emergency told with the town, "Muegeln,
Stadtrat ... er steht hier vor der Tür", counts as found when the town is kept.)

Run: .venv/bin/python bench/eval_place_question.py [-v] [FILE ...]  (default: every place set)
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import Knowledge, load  # noqa: E402
from tests.helpers import PureChat  # noqa: E402

DATA = Path(__file__).resolve().parent.parent / "tests" / "data"
FIRST = "Mir hat einer nach der Sitzung gesagt, er bringt mich um. Das war gestern."
NO_TAPS = ("danger_no", "online_no", "extremist_no", "home_repeated_no")


def at_place_question(k: Knowledge) -> PureChat:
    chat = PureChat(k, lang="de")
    chat.text(FIRST)
    for tap in NO_TAPS:
        if chat.state is not None and chat.state.node == "municipality":
            return chat
        chat.option(tap)
    if chat.state is None or chat.state.node != "municipality":
        raise SystemExit("the flow no longer reaches the place question this way")
    return chat


def outcome(k: Knowledge, case: dict) -> str:
    chat = at_place_question(k)
    said = chat.text(case["text"])
    taken = k.places.get(chat.state.place_id).name if chat.state and chat.state.place_id else None
    expected = case.get("expect")
    if expected is None and not case.get("expect_postcode"):
        return "place taken" if taken else "kept"
    if taken:
        return "found" if expected in (None, taken) else "wrong"
    shown = " ".join([m.text for m in said] + [o.label for m in said for o in m.options])
    return "offered" if expected and expected in shown else "missed"


def main() -> int:
    show = "-v" in sys.argv
    paths = [Path(a) for a in sys.argv[1:] if not a.startswith("-")] or \
        [DATA / "places_dev.yaml", *sorted((DATA / "dev").glob("places*.yaml"))]
    k = load()
    for path in paths:
        counts: Counter[str] = Counter()
        for case in yaml.safe_load(path.read_text(encoding="utf-8")):
            result = outcome(k, case)
            counts[result] += 1
            if show and result in ("wrong", "missed", "place taken"):
                print(f"   {result.upper():12} {case.get('expect')} | {case['text'][:100]}")
        named = counts["found"] + counts["offered"] + counts["wrong"] + counts["missed"]
        print(f"{path.name}: {named} name a place: found {counts['found']}, offered {counts['offered']}, "
              f"wrong {counts['wrong']}, missed {counts['missed']}; {counts['kept'] + counts['place taken']} "
              f"name none: kept {counts['kept']}, a place taken {counts['place taken']}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
