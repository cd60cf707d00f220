"""What people type below the result, by what they want (tests/data/dev/after-result-*.yaml,
written by a blind writer): each reply is sent to a chat that has just shown the result for
the writer's case (its offence, no aspects, its town), through the pure step.

Right means: more about the case is taken without "not understood" or a new offence; another
offence joins the case; an aspect is taken; a town is taken; a scene now gets 110; a button
said in words does what the button does; thanks are answered; a question is not taken as
more about the case. Every reply but the scenes now counts as a false 110 if it gets one.

Run: .venv/bin/python bench/eval_after_result.py [--show] [FILE ...]  (default: every set;
--show prints the replies judged wrong, for the sets one may read)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from handlers.messages import OutboundMessage  # noqa: E402
from knowledge.base import Knowledge  # noqa: E402
from bench.reply_tally import Tally, run  # noqa: E402
from tests.helpers import PureChat, all_text, option_ids  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
ASPECTS = {"online": "online", "home": "private_sphere", "extremist": "extremist", "repeated": "repeated"}
DEFAULT_TOWN = "Görlitz"


def at_result(k: Knowledge, item: dict) -> PureChat:  # type: ignore[type-arg]
    """A chat that has just shown the result for the item's case."""
    chat = PureChat(k, lang=item["lang"])
    chat.command("start")
    chat.option("danger_no")
    chat.option(item["case_offence"])
    while chat.state is not None and chat.state.node.startswith("aspect_"):
        ids = option_ids(chat.last.messages if chat.last else [])
        chat.option(next(o for o in ids if o.endswith("_no")))
    town = str(item.get("case", "")).rsplit(",", 1)[-1].split("(")[0].strip()
    found = k.places.resolve(town)
    chat.text(town if found.status == "found" else DEFAULT_TOWN)
    for _ in range(2):
        if chat.state is not None and chat.state.node == k.flow.after_result:
            break
        ids = [o for o in option_ids(chat.last.messages if chat.last else []) if o.startswith("place.")]
        chat.text(DEFAULT_TOWN) if not ids else chat.option(ids[0])
    if chat.state is None or chat.state.node != k.flow.after_result:
        raise RuntimeError(f"no result for the case {item.get('case')!r}")
    return chat


def _judge(k: Knowledge, item: dict, before: object, chat_shown: list[OutboundMessage], chat: PureChat,  # type: ignore[type-arg]
           messages: list[OutboundMessage]) -> str | None:
    """Why the reply was handled wrong (`before`: the state it was sent to, `chat_shown`:
    the result's messages), or None."""
    lang, intent, state = item["lang"], item["intent"], chat.state
    text = all_text(messages)
    said_not_understood = k.texts.not_understood.get(lang) in text
    emergency = any(m.emergency for m in messages)
    offences = {state.category, *state.also} if state is not None else set()
    if intent == "danger_now":
        return None if emergency else "no 110"
    if emergency:
        return "110"
    if intent == "more_about_case":
        if said_not_understood:
            return "not understood"
        added = offences - {item["case_offence"]}
        asked = getattr(k.flow.texts, "asked_open", None)
        if asked is not None and asked.get(lang) in text:
            return "taken as a question"
        return f"offence added: {sorted(added)}" if added else None
    if intent == "new_offence":
        return None if item["offence"] in offences else f"offence not taken ({sorted(offences)})"
    if intent == "new_aspect":
        return None if state is not None and ASPECTS[item["aspect"]] in state.aspects else "aspect not taken"
    if intent == "place":
        found = k.places.resolve(str(item["place"]))
        wanted = found.places[0].id if found.places else None
        return None if state is not None and state.place_id == wanted else "place not taken"
    if intent == "menu":
        pressed = PureChat(k, lang=lang, state=before)  # type: ignore[arg-type]
        if item["option"] not in option_ids(chat_shown):  # all of it is shown: say so
            nothing_more = getattr(k.flow.texts, "nothing_more", None)
            if item["option"] == "more_contacts" and any(m.contacts for m in messages):
                return None  # "someone i can talk to who isnt cops?": the counselling cards again also answer it
            return None if nothing_more is not None and nothing_more.get(lang) in text else "not 'nothing more'"
        expected = pressed.option(item["option"])
        same = (pressed.state and pressed.state.node) == (state and state.node) \
            and [m.text for m in expected][:1] == [m.text for m in messages][:1]
        return None if same else "not the button's answer"
    told = getattr(k.flow.texts, "told_more", None)  # (absent before 6 December: for the figures before)
    if said_not_understood:
        return "not understood"
    if told is not None and told.get(lang) in text:
        return "taken as more about the case"
    if intent in ("thanks", "question"):
        return None
    raise ValueError(f"unknown intent {intent!r}")


def measure(k: Knowledge, items: list[dict]) -> Tally:  # type: ignore[type-arg]
    f = Tally()
    for item in items:
        chat = at_result(k, item)
        before, shown = chat.state, chat.last.messages if chat.last else []
        messages = chat.text(item["reply"])
        why = _judge(k, item, before, shown, chat, messages)
        f.reply(k, item["intent"], item["reply"], item["lang"], messages, why)
    return f


def main(args: list[str]) -> int:
    return run(args, sorted(DEV.glob("after-result-*.yaml")), measure, "calm replies")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
