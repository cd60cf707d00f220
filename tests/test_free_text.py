"""Free-text understanding on the labelled set, through the real step function and engine."""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.eval_free_text import DANGER, evaluate, load_messages, recognise, share
from bot.config import Settings
from bot.app import open_app
from handlers.messages import ConversationKey, OptionChosen, TextIn
from knowledge.base import Knowledge, load

# This set was tuned on by the former term lists (100 % then). With the trained model
# (knowledge/understanding.py) it measures 91 % of 135: the misses are category
# confusions and four messages that now also reach the emergency path (safety first:
# "I need help ...", "ich werde verfolgt ..."). The held-out measurement is in
# tests/test_understanding_heldout.py and BENCHMARKS.md.
MIN_SHARE = 0.88
MAX_FALSE_ALARMS = 4
MESSAGES = load_messages()
DANGER_TEXTS = [m["text"] for m in MESSAGES if m["expect"] == DANGER]


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def test_the_set_is_large_and_bilingual() -> None:
    assert len(MESSAGES) >= 80
    assert {m["lang"] for m in MESSAGES} == {"de", "en"}
    assert len(DANGER_TEXTS) >= 20


def test_every_danger_message_reaches_the_emergency_path(k: Knowledge) -> None:
    missed = [t for t in DANGER_TEXTS if recognise(k, t, "de") != (DANGER, DANGER)]
    assert missed == []


def test_share_recognised_and_no_false_alarms(k: Knowledge) -> None:
    outcomes = evaluate(k, MESSAGES)
    assert share(outcomes) >= MIN_SHARE
    false_alarms = [o.text for o in outcomes if o.expected != DANGER and DANGER in (o.first, o.answer)]
    assert len(false_alarms) <= MAX_FALSE_ALARMS


@pytest.mark.parametrize(
    "text",
    [
        "Was soll ich jetzt tun?",
        "Ich bin nicht in Gefahr",
        "kein Notfall, nur eine Frage",
        "Briefkasten beschädigt, niemand verletzt",
    ],
)
def test_weak_or_negated_signals_alone_do_not_hijack(k: Knowledge, text: str) -> None:
    first, answer = recognise(k, text, "de")
    assert DANGER not in (first, answer)


@pytest.mark.parametrize(
    "text", ["Hilfe, er steht vor der Tür", "jetzt klopft er an meiner Tür", "Notfall", "SOS", "Hilfe", "Help"]
)
def test_weak_signal_with_context_or_always_words_is_danger(k: Knowledge, text: str) -> None:
    assert recognise(k, text, "de") == (DANGER, DANGER)


async def test_danger_reaches_emergency_through_the_engine_at_any_question(tmp_path: Path) -> None:
    """Through the engine with its SQLite store: first message, and later in the flow."""
    settings = Settings(data_dir=tmp_path)
    async with open_app(settings) as app:
        k = app.knowledge.current
        emergency_text = k.flow.questions[k.flow.emergency].text.de.splitlines()[0]
        for i, text in enumerate(DANGER_TEXTS):
            key = ConversationKey("test", f"c{i}", "u")
            out = await app.engine.handle(TextIn(key=key, lang_hint="de", text=text))
            assert any(m.emergency for m in out), text
            assert emergency_text in "\n".join(m.text for m in out)
        # Deep in the flow (the municipality question), a danger sentence still wins.
        key = ConversationKey("test", "deep", "u")
        await app.engine.handle(TextIn(key=key, lang_hint="de", text="/start"))
        for option in ("danger_no", "threat", "online_no", "extremist_no", "private_no", "repeated_no"):
            await app.engine.handle(OptionChosen(key=key, lang_hint="de", option_id=option))
        state, _ = await app.engine.conversations.load(key)  # type: ignore[misc]
        assert state is not None and state.node == "municipality"
        out = await app.engine.handle(TextIn(key=key, lang_hint="de", text="er steht gerade vor meiner Tür"))
        assert any(m.emergency for m in out)


def test_no_place_name_sets_off_the_emergency_path(k: Knowledge) -> None:
    # The municipality question checks typed text for danger first: a town must not trip it.
    assert [p.name for p in k.places.places() if k.is_danger(p.name)] == []


@pytest.mark.parametrize("text", ["Ja, mein Nachbar bedroht mich", "yes, someone threatened me on the phone"])
def test_yes_to_the_danger_question_wins_over_a_category_guess(k: Knowledge, text: str) -> None:
    first, _ = recognise(k, text, "de")
    assert first == DANGER


def test_no_sentence_to_the_danger_question_is_classified(k: Knowledge) -> None:
    first, _ = recognise(k, "Nein, aber ich bekomme seit Tagen Drohbriefe", "de")
    assert first == "threat"
