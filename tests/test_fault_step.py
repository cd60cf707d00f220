"""The pure step under random conversations: random events (forged option ids included),
random texts, locations, phone numbers and files, at whatever node the walk has reached.

Invariants after every step: no exception; an answer or an action; every message has
non-empty, valid UTF-8 text; option ids fit Telegram's 64-byte callback data; the new
state survives its JSON round trip (the engine stores it).
"""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from handlers.conversation import step
from handlers.escalation_flow import CHOOSE_PLACE
from handlers.messages import (
    AttachmentIn,
    CommandIn,
    ContactIn,
    ConversationKey,
    LocationIn,
    OptionChosen,
    TextIn,
)
from handlers.state import ConversationState, Context

KEY = ConversationKey("test", "fuzz", "fuzz")
NOW = dt.datetime(2026, 11, 25, 21, 0, tzinfo=dt.timezone.utc)
WORDS = ["ja", "nein", "1", "2", "3", "9", "0", "Görlitz", "Neukirchen", "Neustadt", "01067", "Pirna", "Hilfe",
         "Ich werde bedroht", "Jemand steht vor meiner Tür mit einem Messer", "Beleidigung", "gestern 22 Uhr",
         "0351 1234567", "+49 170 1234567", "110", "skip", "fertig", "Sachbeschädigung", "weiter", "Englisch"]
COMMANDS = ["start", "notfall", "hilfe", "sprache", "datenschutz", "abbrechen", "vorfaelle", "meinedaten",
            "loeschen", "emergency", "language", "dienst", "wissen_neu", "unbekannt"]
FORGED = ["esc_place99", "esc_place-1", "esc_placeX", "esc_place", "place99", "placeX", "cat_", "lang_xx",
          "escalate", "esc_send", "danger_yes", "", "x" * 64, "rec_999999", "rec_x", "field_x", "ev_0"]


def _texts() -> st.SearchStrategy[str]:
    return st.one_of(st.sampled_from(WORDS), st.text(max_size=40),
                     st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=400))


@st.composite
def _event(draw, on_screen: list[str]):
    lang = draw(st.sampled_from([None, "de", "en", "fr", ""]))
    common = {"key": KEY, "lang_hint": lang}
    kind = draw(st.sampled_from(["screen", "screen", "screen", "forged", "text", "text", "command", "location",
                                 "contact", "file"]))
    if kind == "screen" and on_screen:
        return OptionChosen(option_id=draw(st.sampled_from(on_screen)), **common)
    if kind in ("screen", "forged"):
        return OptionChosen(option_id=draw(st.one_of(st.sampled_from(FORGED), st.text(max_size=64))), **common)
    if kind == "text":
        return TextIn(text=draw(_texts()), **common)
    if kind == "command":
        return CommandIn(name=draw(st.sampled_from(COMMANDS)), args=draw(st.text(max_size=20)), **common)
    if kind == "location":
        return LocationIn(lat=draw(st.floats(-90, 90)), lon=draw(st.floats(-180, 180)), **common)
    if kind == "contact":
        return ContactIn(phone=draw(st.one_of(st.sampled_from(["+491701234567", "0351 1234567"]), st.text(max_size=30))),
                         **common)
    return AttachmentIn(filename=draw(st.text(max_size=30)), mime_type=draw(st.sampled_from(["image/png", "", "x"])),
                        data=draw(st.binary(max_size=64)), **common)


def _check(result, event) -> None:
    assert result.messages or result.actions or result.state is None, f"no answer to {type(event).__name__}"
    for message in result.messages:
        assert message.text.strip() or message.contacts, "an empty message"  # cards alone: a list's second part
        message.text.encode("utf-8")
        for option in message.options:
            assert option.label.strip() and len(option.id.encode("utf-8")) <= 64
    if result.state is not None:
        again = ConversationState.from_json(result.state.to_json())
        assert again == result.state


FUZZ = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(data=st.data())
def test_random_conversations_never_raise(knowledge, data):
    ctx = Context(key=KEY, knowledge=knowledge, now=NOW)
    state, on_screen = None, []
    for _ in range(data.draw(st.integers(5, 30), label="length")):
        event = data.draw(_event(on_screen), label="event")
        result = step(state, event, ctx)
        _check(result, event)
        state = result.state
        if result.messages:
            on_screen = [o.id for m in result.messages for o in m.options]


def test_a_forged_option_at_the_escalation_place_choice_is_not_an_answer(knowledge):
    # The shipped roster is an example (escalation off): take it as real to reach the choice.
    knowledge = dataclasses.replace(knowledge, roster=knowledge.roster.model_copy(update={"example": False}))
    ctx = Context(key=KEY, knowledge=knowledge, now=NOW)
    state = None
    for event in (CommandIn(key=KEY, name="notfall"), OptionChosen(key=KEY, option_id="escalate"),
                  TextIn(key=KEY, text="0351 1234567"), TextIn(key=KEY, text="Neukirchen")):
        state = step(state, event, ctx).state
    assert state.node == CHOOSE_PLACE
    for forged in ("esc_place99", "esc_placeX", "esc_place-1"):
        result = step(ConversationState.from_json(state.to_json()), OptionChosen(key=KEY, option_id=forged), ctx)
        assert result.actions == [] and result.state.node == CHOOSE_PLACE
        assert [o.id for o in result.messages[-1].options][-1] == "esc_send"
