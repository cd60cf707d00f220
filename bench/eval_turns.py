"""User actions from a first message to the contacts, on the held-out messages.

A simulated user answers truthfully from each message's labels (tests/data/heldout/
categories.yaml, written outside the project): "nein" to the danger question, the labelled
kind where asked (and "Etwas stimmt nicht" first when the bot understood a wrong kind), yes or
no to each aspect as labelled, the labelled municipality's name where asked. Every tap or
typed message counts as one action, the first message included.

Run: .venv/bin/python bench/eval_turns.py
"""

from __future__ import annotations

import statistics
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handlers.messages import ConversationKey, OptionChosen, TextIn  # noqa: E402
from handlers import conversation  # noqa: E402
from handlers.state import Context  # noqa: E402
from knowledge.base import Knowledge, load  # noqa: E402

import datetime as dt  # noqa: E402

HELD_OUT = ROOT / "tests" / "data" / "heldout" / "categories.yaml"
KEY = ConversationKey("bench", "turns", "u")
NOW = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)
ASPECT_OF = {"aspect_online": "online", "aspect_extremist": "extremist", "aspect_private": "private_sphere",
             "aspect_repeated": "repeated"}
MAX_ACTIONS = 20


def walk(k: Knowledge, case: dict) -> tuple[int, bool, bool]:
    """(actions until the contacts, right kind at the end, reached the contacts)."""
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    wanted = {case["category"], *(case.get("also") or [])}
    aspects = set(case.get("aspects") or [])
    result = conversation.step(None, TextIn(key=KEY, lang_hint="de", text=case["text"]), ctx)
    state, actions, corrected = result.state, 1, False
    while state is not None and state.node != k.flow.after_result and actions < MAX_ACTIONS:
        options = [o.id for m in result.messages for o in m.options]
        event = None
        if state.category and state.category not in wanted and not corrected and "fix.open" in options:
            event, corrected = "fix.open", True
        elif state.node == "correct":
            event = "fix.category" if "fix.category" in options else "fix.done"
        elif state.node == k.flow.start:
            event = "danger_no"
        elif state.node == "emergency":
            event = "safe_continue"
        elif state.node == "confirm_category":
            picked = [o for o in options if o.removeprefix("cat.") in wanted]
            event = picked[0] if picked else "cat.other"
        elif state.node == "category":
            event = case["category"]
        elif state.node == "aspect_home_repeated":
            home, again = "private_sphere" in aspects, "repeated" in aspects
            event = {(True, True): "home_and_several", (True, False): "home_yes",
                     (False, True): "several_times", (False, False): "home_repeated_no"}[(home, again)]
        elif state.node in ASPECT_OF:
            yes = ASPECT_OF[state.node] in aspects
            event = next(o for o in options if o.endswith("_yes" if yes else "_no"))
        elif state.node == "municipality":
            typed = case.get("place")
            event = ("text", typed) if typed else "place.skip"
        elif state.node == "choose_place":
            name = (case.get("place") or "").casefold()
            picked = [m.label for m in result.messages for m in m.options if m.label.casefold().startswith(name)]
            event = next((o.id for m in result.messages for o in m.options if o.label in picked), "place.skip")
        if event is None:
            break
        if isinstance(event, tuple):
            result = conversation.step(state, TextIn(key=KEY, lang_hint="de", text=event[1]), ctx)
        else:
            result = conversation.step(state, OptionChosen(key=KEY, lang_hint="de", option_id=event), ctx)
        state, actions = result.state, actions + 1
    reached = state is not None and state.node == k.flow.after_result
    return actions, reached and state.category in wanted, reached


def main() -> None:
    k = load()
    cases = yaml.safe_load(HELD_OUT.read_text(encoding="utf-8"))
    named = [c for c in cases if c.get("place")]
    for label, subset in (("naming the town", named), ("all", cases)):
        walks = [walk(k, c) for c in subset]
        actions = [a for a, _, reached in walks if reached]
        print(f"{label}: {len(subset)} messages, reached the contacts {len(actions)}, "
              f"median actions {statistics.median(actions):g}, mean {statistics.mean(actions):.2f}, "
              f"max {max(actions)}, right kind at the end {sum(ok for _, ok, _ in walks) / len(walks):.1%}")


if __name__ == "__main__":
    main()
