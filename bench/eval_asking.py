"""What people ask about whom to call, the numbers and the police (tests/data/dev/asking-*.yaml,
written by a blind writer), below the result (`moment: after`, a chat that has just shown the
result for the writer's case, as bench/eval_after_result.py) or instead of answering the
question about an extremist motive (`moment: during`, as bench/eval_midflow.py), through the
pure step.

Right means, by intent:
- whom_to_call: below the result a card with a number, during the questions the promise of
  the numbers or a card; the question again during them.
- number_again / number_now: the same.
- police_question: a police card or an honest "no reliable answer"; no offence added.
- question_with_offence: the further offence joins the case.
- complaint_about_help, calm_with_danger_words: no 110 and no "not understood".
No reply here is a danger now: any 110 is a false alarm; no intent may meet "not understood".

Run: .venv/bin/python bench/eval_asking.py [--show] [FILE ...]  (default: every set; --show
prints the replies judged wrong, for the sets one may read)
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.eval_after_result import at_result  # noqa: E402
from bench.eval_midflow import at_question  # noqa: E402
from bench.reply_tally import Tally, run  # noqa: E402
from handlers.messages import OutboundMessage  # noqa: E402
from knowledge.base import Knowledge  # noqa: E402
from tests.helpers import PureChat, all_text  # noqa: E402

DEV = Path(__file__).resolve().parent.parent / "tests" / "data" / "dev"
NUMBERS = ("whom_to_call", "number_again", "number_now")


def _judge(k: Knowledge, item: dict, before, chat: PureChat, messages: list[OutboundMessage]) -> str | None:  # type: ignore[no-untyped-def,type-arg]
    lang, intent, state = item["lang"], item["intent"], chat.state
    text = all_text(messages)
    if any(m.emergency for m in messages):
        return "110"
    if k.texts.not_understood.get(lang) in text:
        return "not understood"
    offences = {state.category, *state.also} if state is not None else set()
    added = offences - {before.category, *before.also}
    phones = [c.phone for m in messages for c in m.contacts if c.phone]
    if item["moment"] == "during" and state is not None and state.node != before.node \
            and k.flow.texts.numbers_soon.get(lang) not in text:
        return f"moved on to {state.node}"  # an answer and the question with it ("dont know. who do i call"): both
    if intent in NUMBERS:
        if phones or item["moment"] == "during" and k.flow.texts.numbers_soon.get(lang) in text:
            return None
        return "no number"
    if intent == "police_question":
        if added:
            return f"offence added: {sorted(added)}"
        police = any(c.id == k.catalogue.police_contact for m in messages for c in m.contacts)
        # during the questions, the promise of the station's number right after them answers it too
        honest = (k.flow.texts.asked_open if item["moment"] == "after" else k.flow.texts.asked_during).get(lang) in text \
            or item["moment"] == "during" and k.flow.texts.numbers_soon.get(lang) in text
        return None if police or honest or phones else "no police card, no honest answer"
    if intent == "question_with_offence":
        return None if item["offence"] in offences else f"offence not taken ({sorted(offences)})"
    if intent in ("complaint_about_help", "calm_with_danger_words"):
        return None
    raise ValueError(f"unknown intent {intent!r}")


def measure(k: Knowledge, items: list[dict]) -> Tally:  # type: ignore[type-arg]
    f = Tally()
    for item in items:
        if item["moment"] == "after":
            chat = at_result(k, item)
        else:
            chat = at_question(k, item["lang"], "aspect_extremist")
        before = chat.state
        messages = chat.text(item["reply"])
        f.reply(k, item["intent"], item["reply"], item["lang"], messages, _judge(k, item, before, chat, messages))
    return f


def main(args: list[str]) -> int:
    return run(args, sorted(DEV.glob("asking-*.yaml")), measure, "replies")


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
