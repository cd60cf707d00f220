"""Two offences in one message: does the bot count both, and does it add a second label
where the writer saw one? On the development sets tests/data/dev/two-offences-*.yaml (two
blind writers, 6 December 2026: half the messages tell two offences, half one offence in a
message of several parts), read as the bot reads them and with the whole message only
(the parts switched off), so the parts' share shows.

Run: .venv/bin/python bench/eval_two_offences.py [--errors]
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge import understanding  # noqa: E402
from knowledge.base import Knowledge, load  # noqa: E402

SECOND_RIGHT = "second shown, the writer's too"
DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def messages() -> list[dict]:
    out: list[dict] = []
    for path in sorted(DEV.glob("two-offences-*.yaml")):
        out += yaml.safe_load(path.read_text(encoding="utf-8"))["messages"]
    return out


def fared(k: Knowledge, items: list[dict], *, parts: bool = True, errors: bool = False) -> Counter[str]:
    """Counts: two-offence messages with both counted, one-offence messages given a second
    label, second labels shown and how many of them the writer gave too."""
    keep = understanding.PARTS_MAX_WORDS
    understanding.PARTS_MAX_WORDS = keep if parts else 0
    try:
        out: Counter[str] = Counter()
        for m in items:
            labels, got = m["labels"], [c.id for c in k.understander.understand(m["text"]).categories]
            kind = "two" if len(labels) == 2 else "one"
            out[kind] += 1
            out[f"{kind}: first right"] += bool(got) and got[0] in labels
            out["two: both counted"] += kind == "two" and set(labels) <= set(got)
            out["one: second added"] += kind == "one" and len(got) == 2
            out["second shown"] += len(got) == 2
            out[SECOND_RIGHT] += len(got) == 2 and set(got) <= set(labels)
            if errors and set(got) != set(labels):
                print(f"  {labels} -> {got}: {m['text'][:140]}")
        return out
    finally:
        understanding.PARTS_MAX_WORDS = keep


def main() -> int:
    k, items = load(), messages()
    errors = "--errors" in sys.argv
    for name, parts in (("whole message only", False), ("as the bot reads (parts too)", True)):
        c = fared(k, items, parts=parts, errors=errors and parts)
        print(f"{name}: both offences counted {c['two: both counted']} of {c['two']}; "
              f"a second label added to one offence {c['one: second added']} of {c['one']}; "
              f"second labels shown {c['second shown']}, the writer's too {c[SECOND_RIGHT]}; "
              f"first label among the writer's {c['two: first right'] + c['one: first right']} of {len(items)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
