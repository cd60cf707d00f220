"""First messages as a blind writer wrote them: offence, danger now and place at once.

tests/data/dev/first-messages-*.yaml: each item is one first message with what a careful
caseworker would note: `category` (and `also`, a second offence that fits as well),
`danger_now`, and `place` (the municipality named, or null; left out where the writer was not
asked for it). EA (stop 38, 160 messages:
an honorary mayor without umlauts, a young councillor in slang, a clerk writing formally;
60 % German) was never trained on and never read: only these figures were looked at. EM (stop 41,
300 first messages, threat and unsure weighted, nobody in danger now) is split: `-em-a` read,
`-em-b` never read. AS (stop 42, 240 messages typed at the first screen after /start: calm
stories with doubts and openers, hedged dangers, suspicious objects, short replies labelled
`category: none`, some `danger_now: unclear`) is split the same way.

Counts: the first guess is the category or its `also`; danger now reached (the 110 advice
first) and false alarms, read alone and typed through the engine after /start (as every
Telegram chat begins: the message answers the danger question); the place taken (or offered, when a name is shared) where one is
named, and none taken where none is.

Run: .venv/bin/python bench/eval_first_messages.py [FILE ...]
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import Knowledge, load  # noqa: E402
from tests.helpers import PureChat  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


@dataclass
class Figures:
    messages: int = 0
    first_right: int = 0
    dangers: int = 0
    dangers_reached: int = 0
    calm: int = 0
    false_alarms: int = 0
    named: int = 0
    place_right: int = 0
    unnamed: int = 0
    place_taken: int = 0
    by_category: Counter = field(default_factory=Counter)
    right_by_category: Counter = field(default_factory=Counter)
    # typed after /start (as every Telegram chat begins), at the danger question
    started_dangers_reached: int = 0
    started_false_alarms: int = 0
    # a reply whose danger is not clear ("weiß nicht"): the 110 advice is the safe answer
    unclear: int = 0
    started_unclear_advised: int = 0


def _places(understanding) -> list[str]:  # type: ignore[no-untyped-def]
    found = understanding.place
    return [p.name.split("/")[0].lower() for p in found.places] if found is not None else []


def measure(k: Knowledge, items: list[dict]) -> Figures:  # type: ignore[type-arg]
    f = Figures()
    for item in items:
        u = k.understand(item["text"])
        ranked = [c.id for c in u.categories] or [c.id for c in u.ranking[:1]]
        wanted = {item["category"], *(item.get("also") or [])}
        if item["category"] != "none":  # a short reply ("nö grad nich") tells no offence
            f.messages += 1
            f.by_category[item["category"]] += 1
            if ranked and ranked[0] in wanted:
                f.first_right += 1
                f.right_by_category[item["category"]] += 1
        chat = PureChat(k, lang=item.get("lang", "de"))
        chat.command("start")
        advised = any(m.emergency for m in chat.text(item["text"]))
        if item.get("danger_now") == "unclear":
            f.unclear += 1
            f.started_unclear_advised += advised
        elif item.get("danger_now"):
            f.dangers += 1
            f.dangers_reached += bool(u.danger_now)
            f.started_dangers_reached += advised
        else:
            f.calm += 1
            f.false_alarms += bool(u.danger_now)
            f.started_false_alarms += advised
        if "place" not in item:  # a writer who was not asked to note the place (EM)
            continue
        places = _places(u)
        if item.get("place"):
            f.named += 1
            f.place_right += str(item["place"]).split("/")[0].lower() in places
        else:
            f.unnamed += 1
            f.place_taken += bool(places)
    return f


def main(paths: list[str]) -> int:
    k = load()
    for path in paths or sorted(str(p) for p in DEV.glob("first-messages-*.yaml")):
        f = measure(k, yaml.safe_load(Path(path).read_text(encoding="utf-8")))
        print(f"{Path(path).name}: {f.messages} messages; first guess {f.first_right} ({f.first_right / f.messages:.1%}); "
              f"danger now {f.dangers_reached} of {f.dangers}, false alarms {f.false_alarms} of {f.calm}"
              + (f"; place right {f.place_right} of {f.named}, taken where none is named {f.place_taken} of {f.unnamed}" if f.named + f.unnamed else ""))
        print(f"  typed after /start: danger now {f.started_dangers_reached} of {f.dangers}, "
              f"false alarms {f.started_false_alarms} of {f.calm}"
              + (f"; unclear replies given the 110 advice {f.started_unclear_advised} of {f.unclear}" if f.unclear else ""))
        print("  by category: " + ", ".join(f"{c} {f.right_by_category[c]}/{n}" for c, n in sorted(f.by_category.items())))
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
