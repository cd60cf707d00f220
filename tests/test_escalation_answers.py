"""The wire form of officer answers lives in one module: channels ask it, not a prefix."""

from __future__ import annotations

from bot.escalation import answers
from bot.escalation.answers import CloseAlert, TakeAlert


def test_officer_answers_round_trip_and_only_they_count() -> None:
    for answer in (TakeAlert("K7M2PQ"), CloseAlert("K7M2PQ")):
        option_id = answers.option(answer, "x").id
        assert answers.is_officer_answer(option_id)
        assert answers.parse(option_id) == answer
    # A user's option, a forged prefix, an empty or overlong reference: not an officer answer.
    for other in ("threat", "esc_", "esc_take_17", "esc_ack_", "esc_ack_a/b", "esc_ack_" + "A" * 33):
        assert not answers.is_officer_answer(other)
        assert answers.parse(other) is None
