"""End to end: `schutzlotse chat --jsonl` as a subprocess, including a kill and a restart."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


class JsonlBot:
    def __init__(self, db: Path, data_dir: Path, *extra: str):
        env = {k: v for k, v in os.environ.items() if not k.startswith("SCHUTZLOTSE_")}
        env.update(PYTHONPATH=str(REPO), SCHUTZLOTSE_DATA_DIR=str(data_dir))
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", "--jsonl", "--db", str(db), *extra],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, encoding="utf-8", env=env, cwd=data_dir,
        )

    def send(self, raw: str) -> list[dict]:
        assert self.proc.stdin and self.proc.stdout
        self.proc.stdin.write(raw + "\n")
        self.proc.stdin.flush()
        out = []
        while True:
            line = self.proc.stdout.readline()
            assert line, f"bot exited: {self.proc.stderr.read() if self.proc.stderr else ''}"
            obj = json.loads(line)
            if obj["type"] == "turn_end":
                return out
            out.append(obj)

    def event(self, **event) -> list[dict]:
        return self.send(json.dumps(event, ensure_ascii=False))

    def close(self) -> str:
        """End stdin (as a user closing the terminal) and return what the bot logged."""
        _, stderr = self.proc.communicate(timeout=10)
        return stderr

    def kill(self) -> None:
        self.proc.kill()
        self.proc.communicate(timeout=10)


@pytest.fixture
def paths(tmp_path):
    return tmp_path / "bot.db", tmp_path


def test_protocol_of_a_whole_conversation(paths):
    bot = JsonlBot(*paths)
    try:
        out = bot.event(command="start")
        assert all(o["type"] == "message" for o in out)
        assert set(out[-1]) >= {"type", "text", "options", "contacts", "category", "emergency"}
        assert [o["id"] for o in out[-1]["options"]] == ["danger_yes", "danger_no"]
        bot.event(option="danger_no")
        out = bot.event(text="2")
        assert out[-1]["category"] == "threat"
        for answer in ("nein", "nein", "nein", "nein"):
            out = bot.event(text=answer)
        assert out[-1]["options"][0]["label"] == "Ort nicht angeben"
        out = bot.event(text="Görlitz")
        contacts = out[0]["contacts"]
        assert contacts[0]["name"] == "Polizeirevier Görlitz"
        assert {"id", "name"} <= set(contacts[0])
        assert out[0]["category"] == "threat" and out[0]["emergency"] is False
    finally:
        stderr = bot.close()
    assert "Görlitz" not in stderr  # what the user typed is never logged


def test_location_event_and_english(paths):
    bot = JsonlBot(*paths, "--lang", "en")
    try:
        out = bot.event(command="start")
        assert "Is anyone in danger" in out[-1]["text"]
        for option in ("danger_no", "property_damage", "online_no", "extremist_no", "home_repeated_no"):
            out = bot.event(option=option)
        out = bot.event(location={"lat": 51.1536, "lon": 14.9886})
        assert "Görlitz" in out[0]["text"] and out[0]["category"] == "property_damage"
    finally:
        bot.close()


@pytest.mark.parametrize(
    ("raw", "fragment"),
    [
        ("{not json", "not valid JSON"),
        ("[1, 2]", "JSON object"),
        ('{"colour": "blue"}', "expected one of"),
        ('{"location": {"lat": "x"}}', "lat"),
        ('{"location": {"lat": 100, "lon": 0}}', "out of range"),
    ],
)
def test_bad_input_gets_an_error_and_the_session_goes_on(paths, raw, fragment):
    bot = JsonlBot(*paths)
    try:
        bot.event(command="start")
        out = bot.send(raw)
        assert out == [{"type": "error", "message": out[0]["message"]}]
        assert fragment in out[0]["message"]
        out = bot.event(option="danger_no")
        assert "threat" in [o["id"] for o in out[-1]["options"]]
    finally:
        bot.close()


def test_killed_mid_conversation_continues_after_restart(paths):
    bot = JsonlBot(*paths)
    bot.event(command="start")
    bot.event(option="danger_no")
    bot.event(text="Beleidigung")
    bot.kill()
    again = JsonlBot(*paths)
    try:
        out = again.event(text="ja")  # answers the question asked before the kill
        assert out[-1]["category"] == "insult"
        assert "extremist_yes" in [o["id"] for o in out[-1]["options"]]
    finally:
        again.close()


async def test_a_message_for_another_console_user_says_whom_it_is_for(tmp_path, knowledge):
    import io

    from bot.channels.console import ConsoleChannel
    from handlers.messages import ConversationKey, OutboundMessage
    from tests.helpers import open_engine

    engine, db = await open_engine(tmp_path / "bot.db", knowledge)
    out = io.StringIO()
    try:
        channel = ConsoleChannel(engine, user="mayor", jsonl=True, stdout=out)
        await engine.deliver(ConversationKey("console", "officer1", "officer1"), [OutboundMessage("Alarm")])
        await engine.deliver(channel.key, [OutboundMessage("Antwort")])
    finally:
        await db.close()
    first, second = (json.loads(line) for line in out.getvalue().splitlines())
    assert first["to"] == "console:officer1:officer1" and first["text"] == "Alarm"
    assert "to" not in second
