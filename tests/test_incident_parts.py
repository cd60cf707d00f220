"""The pure parts of incident records: dates, file types, deadlines, encryption, purity."""

from __future__ import annotations

import ast
import datetime as dt
from pathlib import Path

import pytest

from bot.config import ConfigError, load_settings
from bot.crypto import Cipher, DataKey, DecryptionError
from bot.incidents.sniff import check, sniff
from handlers.incident.dates import When, add_months, parse_when
from tests.incident_helpers import PNG_BYTES, pdf_bytes

# 13:00 in Berlin on 25 Nov 2026
NOW = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)


@pytest.mark.parametrize("text, expected", [
    ("heute", When(dt.date(2026, 11, 25))),
    ("gestern 22 Uhr", When(dt.date(2026, 11, 24), dt.time(22, 0))),
    ("Gestern um 22.30 Uhr", When(dt.date(2026, 11, 24), dt.time(22, 30))),
    ("vorgestern", When(dt.date(2026, 11, 23))),
    ("12.03.", When(dt.date(2026, 3, 12))),
    ("30.12.", When(dt.date(2025, 12, 30))),  # no year and in the future: last year
    ("12.03.2025", When(dt.date(2025, 3, 12))),
    ("1.2.26 18:15", When(dt.date(2026, 2, 1), dt.time(18, 15))),
    ("2026-11-01", When(dt.date(2026, 11, 1))),
    ("vor 2 Tagen", When(dt.date(2026, 11, 23))),
    ("vor einer Woche", When(dt.date(2026, 11, 18))),
    ("yesterday 10 pm", When(dt.date(2026, 11, 24), dt.time(22, 0))),
    ("3 days ago", When(dt.date(2026, 11, 22))),
    ("heute 11 Uhr", When(dt.date(2026, 11, 25), dt.time(11, 0))),
    # hours ago (NOW is 13:00 in Berlin): "2h" is no two o'clock (a blind tester's record said 02:00)
    ("today like 2h ago", When(dt.date(2026, 11, 25), dt.time(11, 0))),
    ("vor 2 Stunden", When(dt.date(2026, 11, 25), dt.time(11, 0))),
    ("vor einer halben Stunde", When(dt.date(2026, 11, 25), dt.time(12, 30))),
    ("an hour ago", When(dt.date(2026, 11, 25), dt.time(12, 0))),
    ("vor 20 min", When(dt.date(2026, 11, 25), dt.time(12, 40))),
    ("14 hours ago", When(dt.date(2026, 11, 24), dt.time(23, 0))),
    # month names (a clerk's "Am 2. Februar 2026, gegen 19 Uhr" was asked for three more times)
    ("Am 2. Februar 2026, gegen 19 Uhr", When(dt.date(2026, 2, 2), dt.time(19, 0))),
    ("am 2 feb", When(dt.date(2026, 2, 2))),
    ("2nd of February", When(dt.date(2026, 2, 2))),
    ("February 2nd, 2026 at 7pm", When(dt.date(2026, 2, 2), dt.time(19, 0))),
    ("15. Dezember", When(dt.date(2025, 12, 15))),  # no year and in the future: last year
    # the clock read beside an "ago" (NOW is 13:00 in Berlin)
    ("like 20 mins ago, around 12:40", When(dt.date(2026, 11, 25), dt.time(12, 40))),
    # a clerk's series: the date said to be the latest, and the date "11.11." is no clock (it had
    # been recorded as "14.10.2026, 11:11 Uhr")
    ("Erstmals 14.10., zuletzt 11.11. um 16:50 Uhr, insgesamt 7 Anrufe", When(dt.date(2026, 11, 11), dt.time(16, 50))),
    ("am 11.11. gegen 9 Uhr", When(dt.date(2026, 11, 11), dt.time(9, 0))),
    ("14.10. und 20.10.", When(dt.date(2026, 10, 14))),
    # a clock with its half of the day: "today 7:40 pm" had been kept as 07:40 (a blind tester)
    ("yesterday 7:40 pm", When(dt.date(2026, 11, 24), dt.time(19, 40))),
    ("gestern 7.40 abends", When(dt.date(2026, 11, 24), dt.time(19, 40))),
    ("yesterday 12:15 am", When(dt.date(2026, 11, 24), dt.time(0, 15))),
    ("heute 9:05 am", When(dt.date(2026, 11, 25), dt.time(9, 5))),
    # a span's start: a clerk's "08.03. 22 Uhr bis 09.03. 6:30 Uhr" had been kept as 06:30
    ("08.03. 22 Uhr bis 09.03. 6:30 Uhr", When(dt.date(2026, 3, 8), dt.time(22, 0))),
    ("gestern zwischen 1 und 6 uhr", When(dt.date(2026, 11, 24), dt.time(1, 0))),
    ("gestern 14-16 uhr", When(dt.date(2026, 11, 24), dt.time(14, 0))),
    # a weekday is the latest such day (NOW is Wednesday): "letzten samstag 21 uhr" had been kept as today
    ("letzten Samstag 21 Uhr", When(dt.date(2026, 11, 21), dt.time(21, 0))),
    ("samstag so gegen 9 abends", When(dt.date(2026, 11, 21), dt.time(21, 0))),
    ("letzten Dienstag", When(dt.date(2026, 11, 24))),
    ("last wednesday", When(dt.date(2026, 11, 18))),
    ("am Mittwoch", When(dt.date(2026, 11, 25))),
    ("on sat 9pm", When(dt.date(2026, 11, 21), dt.time(21, 0))),
])
def test_parse_when(text, expected):
    assert parse_when(text, NOW) == expected


@pytest.mark.parametrize("text", ["morgen", "31.02.", "heute 14:30", "26.11.2026", "irgendwann", "25:00",
                                  "31. Februar", "im Mai", "gestern 14:30 pm"])
def test_unclear_or_future_dates_are_asked_back(text):
    assert parse_when(text, NOW) is None


def test_deadline_months_clamp_to_month_end():
    assert add_months(dt.date(2026, 11, 30), 3) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 3, 12), 3) == dt.date(2026, 6, 12)


def test_file_types_come_from_the_bytes():
    assert sniff(PNG_BYTES) == "image/png"
    assert sniff(pdf_bytes()) == "application/pdf"
    assert sniff(b"ID3\x03\x00rest") == "audio/mpeg"
    assert sniff(b"\x00\x00\x00\x18ftypM4A \x00") == "audio/mp4"
    assert sniff(b"MZ\x90\x00\x03") is None
    assert check(PNG_BYTES, "image/png", 10).reason == "too_big"
    assert check(PNG_BYTES, "application/pdf", 10**6).reason == "mismatch"
    assert check(b"plain words", "text/plain", 10**6).mime_type == "text/plain"
    assert check(b"plain words", "image/jpeg", 10**6).reason == "wrong_type"
    assert check(PNG_BYTES, "application/octet-stream", 10**6).ok


def test_cipher_binds_context_and_rejects_other_keys():
    cipher = DataKey(b"k" * 32, "test").cipher()
    blob = cipher.encode(b"geheim", b"ctx")
    assert b"geheim" not in blob and cipher.decode(blob, b"ctx") == b"geheim"
    with pytest.raises(DecryptionError):
        cipher.decode(blob, b"other")
    with pytest.raises(DecryptionError):
        DataKey(b"x" * 32, "test").cipher().decode(blob, b"ctx")
    assert isinstance(cipher, Cipher)


def test_malformed_data_key_setting_names_the_variable(monkeypatch):
    monkeypatch.setenv("SCHUTZLOTSE_DATA_KEY", "zu-kurz")
    with pytest.raises(ConfigError, match="SCHUTZLOTSE_DATA_KEY") as caught:
        load_settings()
    assert "zu-kurz" not in str(caught.value)  # a secret is never echoed


def test_incident_handlers_import_nothing_from_bot_or_platforms():
    for path in Path("handlers/incident").glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else (
                [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            for name in names:
                assert not name.startswith(("bot", "telegram", "nio")), f"{path} imports {name}"


def test_a_screen_waiting_for_a_failed_action_recovers():
    from handlers.conversation import step
    from handlers.messages import ConversationKey, TextIn
    from handlers.state import ConversationState, Context
    from knowledge.base import load

    key = ConversationKey("console", "u", "u")
    ctx = Context(key=key, knowledge=load(), now=NOW)
    state = ConversationState(flow="incident", node="report_wait", category="insult",
                              pending={"incident_id": 7, "ref": "SL-2026-00007"})
    result = step(state, TextIn(key=key, text="hallo"), ctx)
    assert result.state.node == "after_save" and "SL-2026-00007" in result.messages[-1].text
    again = step(result.state, TextIn(key=key, text="1"), ctx)
    assert type(again.actions[0]).__name__ == "MakeReport" and again.actions[0].incident_id == 7
