"""Whole conversations typed by blind writers (tests/data/dev/conversations-*.yaml), driven
through the pure step as their writers would answer: the first message, then at each
question the reply the writer typed for it; a proposal is confirmed when it is the writer's
category, a place list answered with the writer's town, the emergency advice with "I am safe"
(the writer has called 110). A question asked a third time counts as stuck.

Reports: conversations that reach the contacts, those that ever get "not understood", the
110 advice for the dangers and for the others, the category at the end, the place, and the
user actions to the contacts.

Run: .venv/bin/python bench/eval_conversations.py [--show] [--after-start] [FILE ...]  (default: the development sets)
(--after-start: each conversation begun with /start, as Telegram begins it.)
(--show: the transcript of every conversation that got stuck, "not understood", a wrong
category or a wrong 110)
"""

from __future__ import annotations

import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.messages import OutboundMessage  # noqa: E402
from knowledge.base import Knowledge, load  # noqa: E402
from tests.helpers import PureChat  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
NOT_UNDERSTOOD = ("nicht verstanden", "did not understand")
MAX_ACTIONS = 16
MAX_ASKED = 2  # a question asked a third time: the writer's reply is not understood there


@dataclass
class Walk:
    actions: int = 0
    advised: bool = False  # the 110 advice or line was shown
    not_understood: int = 0
    stuck_at: str | None = None
    log: list[str] = field(default_factory=list)


def walk(k: Knowledge, case: dict, *, after_start: bool = False) -> tuple[PureChat, Walk]:
    """One conversation; `after_start`: begun with /start, as every Telegram chat is (the
    story then answers the danger question); the /start is not counted as an action."""
    chat, out = PureChat(k, lang=None), Walk()
    if after_start:
        chat.command("start")

    def record(said: str, messages: list[OutboundMessage]) -> None:
        out.actions += 1
        out.log.append(f"  you  {said!r}")
        out.log += [f"  bot  {m.text[:200]!r}" for m in messages]
        out.advised |= any(m.emergency for m in messages)
        out.not_understood += sum(any(s in m.text for s in NOT_UNDERSTOOD) for m in messages)

    answers = case["answers"]
    record(case["first"], chat.text(case["first"]))
    asked: Counter[str] = Counter()
    while chat.state is not None and chat.state.node != "after_result" and out.actions < MAX_ACTIONS:
        node = chat.state.node
        asked[node] += 1
        options = [o for m in chat.last.messages for o in m.options]
        if node == "emergency":
            safe = next(o for o in options if o.id == "safe_continue")
            record(f"[{safe.label}]", chat.option(safe.id))
        elif node == "confirm_category":
            wanted = f"cat.{case['category']}"
            pick = next((o for o in options if o.id == wanted), None) or next(o for o in options if o.id == "cat.other")
            record(f"[{pick.label}]", chat.option(pick.id))
        elif node == "choose_place":
            town = str(answers.get("municipality", "")).casefold()
            pick = next((o for o in options if o.label.split(" (")[0].casefold() in town), options[0])
            record(f"[{pick.label}]", chat.option(pick.id))
        else:
            if asked[node] > MAX_ASKED:
                out.stuck_at = node
                break
            reply = _reply(answers, node)
            if reply is None:
                out.stuck_at = node
                break
            record(reply, chat.text(reply))
    return chat, out


def _reply(answers: dict, node: str) -> str | None:
    if node == "aspect_home_repeated":  # the two questions in one: both replies
        return f"{answers.get('aspect_private', '')}. {answers.get('aspect_repeated', '')}".strip(". ")
    reply = answers.get(node)
    return None if reply is None else str(reply)


def main() -> int:
    k = load()
    show = "--show" in sys.argv
    after_start = "--after-start" in sys.argv
    given = [Path(a) for a in sys.argv[1:] if not a.startswith("--")]
    for path in given or sorted(DEV.glob("conversations-*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        tally: Counter[str] = Counter()
        actions: list[int] = []
        for case in doc["conversations"]:
            chat, out = walk(k, case, after_start=after_start)
            done = chat.state is not None and chat.state.node == "after_result"
            category = chat.state.category if chat.state else None
            danger = bool(case["danger_now"])
            tally["all"] += 1
            tally["done"] += done
            tally["not_understood"] += out.not_understood > 0
            tally["danger"] += danger
            tally["danger_advised"] += danger and out.advised
            tally["advised_needlessly"] += (not danger) and out.advised
            tally["category"] += category == case["category"]
            tally["place"] += bool(chat.state and chat.state.place_id)
            if out.stuck_at:
                tally[f"stuck at {out.stuck_at}"] += 1
            if done:
                actions.append(out.actions)
            wrong = not done or out.not_understood or category != case["category"] or out.advised != danger
            if show and wrong:
                print(f"=== {case['voice'][:70]} | {case['category']}, danger {danger} | "
                      f"got {category}, 110 {out.advised}, stuck at {out.stuck_at}")
                print("\n".join(out.log))
        n, safe = tally["all"], tally["all"] - tally["danger"]
        actions.sort()
        median = actions[len(actions) // 2] if actions else 0
        print(f"{path.name}: {n} conversations; reached the contacts {tally['done']}; "
              f"'not understood' in {tally['not_understood']}; 110 for {tally['danger_advised']} of "
              f"{tally['danger']} dangers and for {tally['advised_needlessly']} of {safe} others; "
              f"category right at the end {tally['category']}; place {tally['place']}; "
              f"actions to the contacts median {median}")
        stuck = {key: v for key, v in tally.items() if key.startswith("stuck")}
        if stuck:
            print(f"  stuck: {stuck}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
