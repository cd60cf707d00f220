"""What people type instead of answering a question of the triage (tests/data/dev/midflow-*.yaml,
written by a blind writer): each message is sent to a chat waiting at the writer's question
(the danger question, an aspect question or the place question, after a first message about a
threat that names no town), through the pure step.

Right means: a question about what is kept gets the privacy notice; whether one must answer,
another question of the user's, thanks or chatter get no "not understood" (chatter: no false
110; its "not understood" is counted, as a hint to answer is a fair reply to it); a scene now
gets 110. Every message but the scenes counts as a false 110 if it gets one.

Run: .venv/bin/python bench/eval_midflow.py [--show] [FILE ...]  (default: every set; --show
prints the messages judged wrong, for the sets one may read)
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
FIRST = {"de": "Mir hat einer nach der Sitzung gedroht, er bringt mich um.",
         "en": "Someone threatened to kill me after the council meeting."}
# The writer's question, and the nodes that ask it (home and repeated may be asked together).
NODES = {"danger_now": ("danger_now",), "aspect_extremist": ("aspect_extremist",),
         "aspect_private": ("aspect_private", "aspect_home_repeated"),
         "aspect_repeated": ("aspect_repeated", "aspect_home_repeated"), "municipality": ("municipality",)}


def at_question(k: Knowledge, lang: str, question: str) -> PureChat:
    """A chat waiting at `question` (or the nearest node that asks it)."""
    chat = PureChat(k, lang=lang)
    chat.text(FIRST[lang])
    wanted = NODES[question]
    for _ in range(8):
        if chat.state is not None and chat.state.node in wanted:
            return chat
        ids = option_ids(chat.last.messages if chat.last else [])
        no = next((o for o in ids if o.endswith("_no") or o == "cat.threat" or o == "threat"), None)
        if no is None:
            break
        chat.option(no)
    raise RuntimeError(f"no way to the question {question!r}")


def _judge(k: Knowledge, item: dict, node: str, chat: PureChat, messages: list[OutboundMessage]) -> str | None:  # type: ignore[type-arg]
    lang, kind = item["lang"], item["kind"]
    text = all_text(messages)
    emergency = any(m.emergency for m in messages)
    if kind == "danger_now":
        return None if emergency else "no 110"
    if emergency:
        return "110"
    if kind == "chatter":
        return None
    if k.texts.not_understood.get(lang) in text:
        return "not understood"
    if kind == "privacy":
        return None if k.texts.privacy.get(lang) in text else "no privacy notice"
    return None


def measure(k: Knowledge, items: list[dict]) -> Tally:  # type: ignore[type-arg]
    f = Tally()
    for item in items:
        chat = at_question(k, item["lang"], item["question"])
        node = chat.state.node if chat.state else ""
        messages = chat.text(item["text"])
        f.reply(k, item["kind"], item["text"], item["lang"], messages, _judge(k, item, node, chat, messages))
    return f


def main(args: list[str]) -> int:
    return run(args, sorted(DEV.glob("midflow-*.yaml")), measure, "others")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
