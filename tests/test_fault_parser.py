"""The inbound schema under hostile input: known killers and property-based fuzzing.

Every line must become either a valid event or an EventError whose message is short,
printable ASCII and quotes nothing of the input. Nothing else may escape.
"""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.inbound_schema import (
    MAX_LINE_BYTES,
    MAX_TEXT,
    EventError,
    EventModel,
    admit,
    clean_text,
    parse_line,
    to_inbound,
)
from handlers.messages import ConversationKey, LocationIn, OptionChosen, TextIn

KEY = ConversationKey("console", "fuzz", "fuzz")
MARKER = "QZXV"


def _refused(raw: bytes | str) -> str:
    with pytest.raises(EventError) as caught:
        parse_line(raw)
    message = str(caught.value)
    assert message.isascii() and message.isprintable() and len(message) <= 200, message
    assert MARKER not in message
    return message


@pytest.mark.parametrize(("raw", "fragment"), [
    (b"", "empty line"),
    (b"   \t ", "empty line"),
    (b"\r", "empty line"),
    (b'{"text": "QZXV\xff\xfe"}', "not valid UTF-8"),
    ('{"text": "QZXV\\ud800"}', "not valid JSON"),  # a lone surrogate, escaped
    ('{"text": "QZXV\ud800"}', "not valid UTF-8"),  # a lone surrogate, raw in a str line
    (b"[" * 100_000, "longer than"),
    (b"[" * 60_000, "not valid JSON"),
    (b'{"text": ' + b"[" * 5000 + b'"QZXV"' + b"]" * 5000 + b"}", "not valid JSON"),
    (b'{"location": {"lat": 1' + b"0" * 5000 + b', "lon": 1}}', "not valid JSON"),
    (b'{"location": {"lat": 1' + b"0" * 400 + b', "lon": 1}}', "numeric"),
    (b'{"location": {"lat": 1e999, "lon": 1}}', "finite"),
    (b'{"location": {"lat": NaN, "lon": 1}}', "finite"),
    (b'{"location": {"lat": "51.0", "lon": "13.7"}}', "not strings"),
    (b'{"location": {"lat": true, "lon": false}}', "numeric"),
    (b'{"location": {"lat": 51, "lon": 13, "QZXV": 1}}', "unknown key"),
    (b'{"location": {"lat": 91, "lon": 13}}', "out of range"),
    (b'{"QZXV": "x"}', "unknown key"),
    (b'{"text": "a", "option": "b"}', "exactly one"),
    (b'{"args": "QZXV"}', "exactly one"),
    (b'{"text": ["QZXV"]}', '"text" must be a string'),
    (b'{"option": "QZXV\\u0007"}', "option id"),
    (b'{"command": "st art QZXV"}', '"command" must be a name'),
    (b'{"file": ""}', '"file" is empty'),
    (b"null", "JSON object"),
    (b'"QZXV"', "JSON object"),
    (b'{"text": "a"} QZXV', "not valid JSON"),
])
def test_known_killers_are_refused_with_a_fixed_sentence(raw, fragment):
    assert fragment in _refused(raw)


def test_text_is_limited_to_4096_characters_as_on_telegram():
    assert parse_line(json.dumps({"text": "ä" * MAX_TEXT})).text == "ä" * MAX_TEXT
    assert "longer than 4096" in _refused(json.dumps({"text": MARKER + "x" * MAX_TEXT}))
    assert "longer than" in _refused(b'{"text": "' + b"x" * MAX_LINE_BYTES + b'"}')


def test_a_full_length_text_fits_in_a_line_even_fully_escaped():
    line = json.dumps({"text": "\U0001f600" * MAX_TEXT}, ensure_ascii=True)
    assert len(line.encode()) <= MAX_LINE_BYTES
    assert parse_line(line).text == "\U0001f600" * MAX_TEXT


def test_valid_events_become_neutral_events():
    assert to_inbound(parse_line('{"text": "Görlitz"}'), KEY, "de") == TextIn(key=KEY, lang_hint="de", text="Görlitz")
    location = to_inbound(parse_line('{"location": {"lat": 51, "lon": 13.7}}'), KEY, None)
    assert location == LocationIn(key=KEY, lat=51.0, lon=13.7) and isinstance(location.lat, float)
    command = to_inbound(parse_line('{"command": "/Start@bot", "args": "x"}'), KEY, None)
    assert (command.name, command.args) == ("start", "x")


def test_channel_events_are_held_to_the_same_limits():
    long = admit(TextIn(key=KEY, text="a\ud800" + "b" * 10_000))
    assert long.text.startswith("a\ufffdb") and len(long.text) == MAX_TEXT
    assert admit(LocationIn(key=KEY, lat=float("nan"), lon=1.0)) is None
    assert admit(LocationIn(key=KEY, lat=True, lon=1.0)) is None  # type: ignore[arg-type]
    assert admit(LocationIn(key=KEY, lat="51", lon=1.0)) is None  # type: ignore[arg-type]
    assert admit(LocationIn(key=KEY, lat=51, lon=13)) == LocationIn(key=KEY, lat=51.0, lon=13.0)
    assert admit(OptionChosen(key=KEY, option_id="x" * 65)) is None
    assert admit(OptionChosen(key=KEY, option_id="danger_no")) is not None
    assert clean_text("ok") == "ok"


def _check_any(raw: bytes | str) -> None:
    try:
        event = parse_line(raw)
    except EventError as exc:
        message = str(exc)
        assert message.isascii() and message.isprintable() and len(message) <= 200
        assert MARKER not in message
        return
    assert isinstance(event, EventModel)
    inbound_kind = event.kind
    if inbound_kind == "location":
        assert math.isfinite(event.location.lat) and -90 <= event.location.lat <= 90
        assert math.isfinite(event.location.lon) and -180 <= event.location.lon <= 180
    if inbound_kind != "file":
        inbound = to_inbound(event, KEY, None)
        json.dumps(repr(inbound), ensure_ascii=False).encode("utf-8")  # valid Unicode throughout


JSON_LEAF = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=30).map(lambda s: s + MARKER),
)
JSON_VALUE = st.recursive(JSON_LEAF, lambda inner: st.one_of(
    st.lists(inner, max_size=4), st.dictionaries(st.text(max_size=8), inner, max_size=4)), max_leaves=12)
KIND_KEYS = st.sampled_from(["text", "option", "command", "args", "location", "file", "contact", "lat", "lon",
                             "phone", "x" + MARKER])
EVENTISH = st.dictionaries(KIND_KEYS, st.one_of(JSON_VALUE, st.fixed_dictionaries(
    {"lat": JSON_VALUE, "lon": JSON_VALUE})), min_size=0, max_size=3)
FUZZ = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FUZZ
@given(st.binary(max_size=300))
def test_random_bytes_never_escape(raw):
    _check_any(raw)


@FUZZ
@given(EVENTISH)
def test_random_event_shaped_objects_never_escape(obj):
    _check_any(json.dumps(obj, ensure_ascii=False).encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.text(max_size=200))
def test_random_text_lines_never_escape(line):
    _check_any(line)
