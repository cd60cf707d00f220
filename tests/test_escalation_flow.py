"""The pure escalation flow: callback number, where, send; nothing blocks, a skip sends."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

import knowledge.base as kb
from handlers.conversation import step
from handlers.escalation_flow import TriggerEscalation, normalize_phone
from handlers.messages import CommandIn, ContactIn, ConversationKey, LocationIn, OptionChosen, TextIn
from handlers.state import Context, StepResult

KEY = ConversationKey("telegram", "42", "42")


@pytest.fixture(scope="module")
def k():
    """The shipped knowledge with its roster taken as real (the example roster turns escalation off)."""
    shipped = kb.load()
    return dataclasses.replace(shipped, roster=shipped.roster.model_copy(update={"example": False}))


def test_the_example_roster_hides_the_escalation_offer_but_keeps_110():
    shipped = kb.load()
    assert not shipped.escalation_enabled
    ctx = Context(key=KEY, knowledge=shipped, now=dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc))
    first = step(None, CommandIn(key=KEY, name="notfall"), ctx)
    assert "110" in first.messages[0].text
    assert [o.id for o in first.messages[0].options] == ["safe_continue", "emergency_end"]
    typed = step(first.state, TextIn(key=KEY, text="polizei informieren"), ctx)
    assert not typed.actions


def _walk(k, *events) -> StepResult:
    ctx = Context(key=KEY, knowledge=k, now=dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc))
    state, result = None, None
    for event in (CommandIn(key=KEY, name="notfall"), OptionChosen(key=KEY, option_id="escalate"), *events):
        result = step(state, event, ctx)
        state = result.state
    return result


def _trigger(result: StepResult) -> TriggerEscalation:
    [action] = result.actions
    assert isinstance(action, TriggerEscalation)
    return action


@pytest.mark.parametrize(("typed", "e164"), [
    ("0351 1234567", "+493511234567"),
    ("+49 170 1234567", "+491701234567"),
    ("491701234567", "+491701234567"),  # Telegram's shared contact, without the plus
    ("0170/1234567", "+491701234567"),
    ("110", None),
    ("morgen früh", None),
])
def test_phone_numbers_are_checked_and_normalised(typed, e164):
    assert normalize_phone(typed) == e164


def test_110_comes_first_and_the_offer_sits_on_the_emergency_question(k):
    ctx = Context(key=KEY, knowledge=k, now=dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc))
    first = step(None, CommandIn(key=KEY, name="notfall"), ctx)
    assert first.messages[0].emergency and first.messages[0].text.startswith("Rufen Sie jetzt sofort die Polizei: 110")
    assert "escalate" in [o.id for o in first.messages[0].options]
    asked = step(first.state, OptionChosen(key=KEY, option_id="escalate"), ctx)
    message = asked.messages[-1]
    assert message.request_contact and "110" in message.text and message.options[0].id == "esc_send"
    assert asked.actions == []


def test_shared_contact_then_location_sends_with_map_data(k):
    result = _walk(k, ContactIn(key=KEY, phone="491701234567"), LocationIn(key=KEY, lat=50.9628, lon=13.9403))
    action = _trigger(result)
    assert action.phone == "+491701234567" and action.lat == 50.9628 and action.lon == 13.9403
    assert action.place_name == "Pirna" and action.direktion == "pd_dresden"
    assert result.state.flow == "triage" and result.state.node == k.flow.emergency


def test_skip_at_the_number_sends_at_once(k):
    result = _walk(k, OptionChosen(key=KEY, option_id="esc_send"))
    action = _trigger(result)
    assert action.phone is None and action.place_id is None and action.direktion is None


def test_bad_number_asks_again_and_skip_at_where_sends_what_is_known(k):
    again = _walk(k, TextIn(key=KEY, text="weiß nicht"))
    assert again.actions == [] and again.messages[-1].request_contact
    result = _walk(k, TextIn(key=KEY, text="0351 1234567"), OptionChosen(key=KEY, option_id="esc_send"))
    action = _trigger(result)
    assert action.phone == "+493511234567" and action.place_id is None


def test_municipality_typed_or_chosen_gives_the_polizeidirektion(k):
    action = _trigger(_walk(k, TextIn(key=KEY, text="0351 1234567"), TextIn(key=KEY, text="Zwickau")))
    assert action.direktion == "pd_zwickau"
    choose = _walk(k, TextIn(key=KEY, text="0351 1234567"), TextIn(key=KEY, text="Neukirchen"))
    assert choose.actions == [] and len(choose.messages[-1].options) == 3
    action = _trigger(_walk(k, TextIn(key=KEY, text="0351 1234567"), TextIn(key=KEY, text="Neukirchen"),
                            TextIn(key=KEY, text="1")))
    assert action.place_name == "Neukirchen/Erzgebirge" and action.direktion == "pd_chemnitz"
    unknown = _walk(k, TextIn(key=KEY, text="0351 1234567"), TextIn(key=KEY, text="Xyzzyhausen"))
    assert unknown.actions == [] and unknown.messages[-1].options[0].id == "esc_send"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "koennen sie nich die polizei schicken? mei handy hat kaum netz zum telefonieren"),
    ("de", "ich kann nich anrufen!! hilfe"),
    ("en", "pls i cant talk can u send them a msg"),
])
def test_someone_who_cannot_call_hears_what_the_bot_can_and_cannot_do(k, lang, text):
    """At the 110 advice, "I cannot call" or "can you send the police" gets an answer, not the
    same advice again: without escalation, the other ways to 110; with it, the button that
    informs the on-duty police (which stays on screen)."""
    shipped = kb.load()
    for knowledge, texts in ((shipped, shipped.flow.texts.cannot_call), (k, k.flow.texts.cannot_call_escalate)):
        ctx = Context(key=KEY, knowledge=knowledge, now=dt.datetime(2026, 11, 25, 12, tzinfo=dt.timezone.utc))
        first = step(None, CommandIn(key=KEY, name="notfall", lang_hint=lang), ctx)
        state = dataclasses.replace(first.state, lang=lang)
        reply = step(state, TextIn(key=KEY, text=text, lang_hint=lang), ctx)
        said = "\n".join(m.text for m in reply.messages)
        assert texts.get(lang).split("{")[0] in said
        assert reply.state.node == "emergency" and reply.messages[-1].emergency
        options = [o.id for m in reply.messages for o in m.options]
        assert ("escalate" in options) == knowledge.escalation_enabled


def test_a_first_message_that_says_it_cannot_call_gets_the_advice_and_the_ways_to_110():
    from tests.helpers import PureChat, all_text

    knowledge = kb.load()
    chat = PureChat(knowledge, lang=None)
    said = all_text(chat.text("someone is trying to open my front door rn, i cant call hes right there hed hear me. "
                              "can u tell the police pls. im in zwenkau"))
    assert chat.state.node == "emergency"
    assert said.index("110") < said.index(knowledge.flow.texts.cannot_call.get("en"))
