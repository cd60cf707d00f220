"""Danger now told as a scene with its history: does 110 come first, and which offence?

tests/data/dev/live-scenes-*.yaml: twelve blind writers (CA-CE, CI, CK, CM, CN, CS, CW, EC; 6
December 2026) wrote messages that each happen while they are typed, labelled with the offence
a caseworker would note once the person is safe. Many tell the scene with what came before
("he's outside again with the knife", "schon das 4. mal diese Woche, jetzt steht sie vor der
Uni"), with a doubt, or in a report's words. CA, CB, CD and CE are trained on (under their
offence and danger_now, knowledge/data/examples-*.yaml); CC, CI, CK, CM, CN, CS and CW never,
they measure (CK, CM, CN, CS, CW and the calm CL, CO, CT unread: their misses were never
looked at). CS and CW were written to the same brief as the trained CQ, CU and CV (stop 37):
dialect, the history first, the threat's words quoted with their "tomorrow" or "if", a
frightened question at the end. EC (stop 38, the same brief) was read to find what the rules
missed (118 of 136 on first read, 131 after); it is not trained on.

Slurs shouted now without a threat (`insult`) are counted apart: they are not trained as
danger now (since stop 36), and the 110 advice is not what such a scene needs first.

tests/data/dev/near-now-*.yaml (writers CF, trained on, CJ, CL, CO, CT and ED, never; ED read): shaken messages
soon after, or while worrying, with nobody in danger now ("bin jetzt zuhause, tür zu", "just
saw the post right now"): the 110 advice there is a false alarm.

Run: .venv/bin/python bench/eval_live_scenes.py
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from knowledge.base import load  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"


def messages() -> list[tuple[str, str, str]]:
    """(file, category, text) of every live scene."""
    found = []
    for path in sorted(DEV.glob("live-scenes-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        found += [(path.name, c, t) for c, texts in doc["categories"].items() for t in texts]
    return found


def main() -> int:
    k = load(check_references=False)
    total, danger, right, slurs, slurs_alarmed = Counter(), Counter(), Counter(), Counter(), Counter()
    for name, category, text in messages():
        writer = name.removesuffix(".yaml").rsplit("-", 1)[0]
        alarmed = k.understander.danger(text).danger
        right[writer] += k.understand(text).category == category
        if category == "insult":
            slurs[writer] += 1
            slurs_alarmed[writer] += alarmed
            continue
        total[writer] += 1
        danger[writer] += alarmed
    for writer in sorted(total):
        n = total[writer] + slurs[writer]
        print(f"{writer}: {total[writer]} scenes of danger; 110 first for {danger[writer]} ({danger[writer] / total[writer]:.1%}); "
              f"slurs now {slurs_alarmed[writer]} of {slurs[writer]}; offence first guess {right[writer]} of {n} ({right[writer] / n:.1%})")
    n, all_slurs = sum(total.values()), sum(slurs.values())
    print(f"all: {n} scenes of danger; 110 first for {sum(danger.values()) / n:.1%}; slurs now {sum(slurs_alarmed.values())} of "
          f"{all_slurs}; offence first guess {sum(right.values()) / (n + all_slurs):.1%}")
    for path in sorted(DEV.glob("near-now-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        texts = [t for ts in doc["categories"].values() for t in ts]
        alarmed = sum(k.understander.danger(t).danger for t in texts)
        print(f"{path.stem}: {len(texts)} calm messages close to now; 110 first for {alarmed} ({alarmed / len(texts):.1%})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
