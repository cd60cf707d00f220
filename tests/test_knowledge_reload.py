"""Safe reload in the running app: broken edits are refused, good ones are picked up."""

from __future__ import annotations

import asyncio
import logging
import shutil
from pathlib import Path

import pytest

from bot.app import App, open_app
from bot.cli import main
from bot.config import Settings
from bot.knowledge_watch import STATUS_NAME, TRIGGER_NAME, parse_key
from handlers.messages import ConversationKey, OptionChosen, OutboundMessage, TextIn
from knowledge.base import default_dir

ADMIN = ConversationKey("test", "admin-chat", "admin")
USER = ConversationKey("test", "user-chat", "user")
OLD_WELCOME = "Hallo, ich bin Schutzlotse. Sind Sie jetzt in Gefahr?"
NEW_WELCOME = "Guten Abend, ich bin Schutzlotse. Sind Sie jetzt in Gefahr?"


class Outbox:
    """A channel that records what the engine delivers unasked (admin notices)."""

    def __init__(self) -> None:
        self.sent: list[tuple[ConversationKey, list[OutboundMessage]]] = []

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        self.sent.append((key, messages))

    def texts_for(self, key: ConversationKey) -> str:
        return "\n".join(m.text for k, ms in self.sent if k == key for m in ms)


@pytest.fixture
def knowledge_dir(tmp_path: Path) -> Path:
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    return directory


def settings_for(tmp_path: Path, knowledge_dir: Path, poll: float = 3600) -> Settings:
    return Settings(
        data_dir=tmp_path / "data", knowledge_dir=knowledge_dir, admins=[str(ADMIN)], knowledge_poll_seconds=poll
    )


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


async def say(app: App, text: str, key: ConversationKey = USER) -> str:
    return "\n".join(m.text for m in await app.engine.handle(TextIn(key=key, lang_hint="de", text=text)))


async def test_broken_edit_keeps_the_last_good_version_and_tells_admins(
    tmp_path: Path, knowledge_dir: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO)
    async with open_app(settings_for(tmp_path, knowledge_dir)) as app:
        outbox = Outbox()
        app.engine.register_channel("test", outbox)
        good = app.knowledge.current.version
        edit(knowledge_dir / "texts.yaml", OLD_WELCOME, NEW_WELCOME)
        edit(knowledge_dir / "flow.yaml", "        next: emergency\n", "        next: emergengy\n")
        outcome = await app.knowledge_watcher.check_once()  # type: ignore[union-attr]
        assert outcome is not None and not outcome.ok
        assert app.knowledge.current.version == good
        answer = await say(app, "/start")
        assert OLD_WELCOME in answer and NEW_WELCOME not in answer
        notice = outbox.texts_for(ADMIN)
        assert "1 Fehler" in notice and "flow.yaml:" in notice and "emergengy" in notice
        # The log names the problem but never what a user typed.
        await say(app, "Herr Geheimname101 hat mir gedroht")
        assert "emergengy" in caplog.text and "Geheimname101" not in caplog.text
        # Nothing changed since: the next poll does not reload or alert again.
        assert await app.knowledge_watcher.check_once() is None  # type: ignore[union-attr]
        assert len(outbox.sent) == 1


async def test_good_change_is_picked_up_by_the_polling_task(tmp_path: Path, knowledge_dir: Path) -> None:
    async with open_app(settings_for(tmp_path, knowledge_dir, poll=0.05)) as app:
        outbox = Outbox()
        app.engine.register_channel("test", outbox)
        old = app.knowledge.current.version
        assert OLD_WELCOME in await say(app, "/start")
        edit(knowledge_dir / "texts.yaml", OLD_WELCOME, NEW_WELCOME)
        for _ in range(100):
            if app.knowledge.current.version != old:
                break
            await asyncio.sleep(0.05)
        assert app.knowledge.current.version != old
        assert NEW_WELCOME in await say(app, "/start")
        assert app.knowledge.current.version in outbox.texts_for(ADMIN)


async def test_conversation_at_a_removed_question_restarts_gracefully(tmp_path: Path, knowledge_dir: Path) -> None:
    async with open_app(settings_for(tmp_path, knowledge_dir)) as app:
        await say(app, "/start")
        for option in ("danger_no", "threat", "online_no", "extremist_no"):
            await app.engine.handle(OptionChosen(key=USER, lang_hint="de", option_id=option))
        state, _ = await app.engine.conversations.load(USER)  # type: ignore[misc]
        assert state is not None and state.node == "aspect_home_repeated"
        flow = knowledge_dir / "flow.yaml"
        text = flow.read_text(encoding="utf-8").replace("next: aspect_home_repeated", "next: aspect_private")
        start, end = text.index("  aspect_home_repeated:\n"), text.index("  aspect_private:\n")
        flow.write_text(text[:start] + text[end:], encoding="utf-8")
        outcome = await app.knowledge_watcher.check_once()  # type: ignore[union-attr]
        assert outcome is not None and outcome.ok and outcome.changed
        k = app.knowledge.current
        answer = await say(app, "ja")
        assert k.texts.knowledge_changed.de in answer
        assert k.flow.questions[k.flow.start].text.de in answer
        state, _ = await app.engine.conversations.load(USER)  # type: ignore[misc]
        assert state is not None and state.node == k.flow.start


async def test_admin_command_reloads_only_for_admins(tmp_path: Path, knowledge_dir: Path) -> None:
    async with open_app(settings_for(tmp_path, knowledge_dir)) as app:
        app.engine.register_channel("test", Outbox())
        edit(knowledge_dir / "texts.yaml", OLD_WELCOME, NEW_WELCOME)
        refused = await say(app, "/wissen_neu", key=USER)
        assert "wissen_neu" in refused  # the ordinary "unknown command" answer
        assert NEW_WELCOME not in await say(app, "/start", key=USER)
        answer = await say(app, "/wissen_neu", key=ADMIN)
        assert answer == f"Wissensbasis neu geladen: Version {app.knowledge.current.version}."
        assert NEW_WELCOME in await say(app, "/start", key=USER)
        assert "unverändert" in await say(app, "/wissen_neu", key=ADMIN)


async def test_cli_reload_signals_the_running_bot(
    tmp_path: Path, knowledge_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    settings = settings_for(tmp_path, knowledge_dir, poll=0.05)
    monkeypatch.setenv("SCHUTZLOTSE_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("SCHUTZLOTSE_KNOWLEDGE_DIR", str(knowledge_dir))
    async with open_app(settings) as app:
        app.engine.register_channel("test", Outbox())
        code = await asyncio.to_thread(main, ["knowledge", "reload", "--wait", "10"])
        assert code == 0
        assert "running bot: unchanged" in capsys.readouterr().out
        assert (settings.data_dir / STATUS_NAME).exists()
        assert not (settings.data_dir / TRIGGER_NAME).exists()


def test_cli_reload_without_a_running_bot_says_so(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SCHUTZLOTSE_DATA_DIR", str(tmp_path))
    assert main(["knowledge", "reload", "--wait", "0.2"]) == 3
    assert "no running bot picked up" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("telegram:123:123", ConversationKey("telegram", "123", "123")),
        ("matrix:!room:example.org:@admin:example.org", ConversationKey("matrix", "!room:example.org", "@admin:example.org")),
        ("console:local:local", ConversationKey("console", "local", "local")),
        ("nonsense", None),
    ],
)
def test_admin_keys_parse(text: str, expected: ConversationKey | None) -> None:
    assert parse_key(text) == expected


async def test_sighup_touches_the_trigger_file(tmp_path: Path, knowledge_dir: Path) -> None:
    import os
    import signal

    from bot.knowledge_watch import watch_sighup

    async with open_app(settings_for(tmp_path, knowledge_dir)) as app:
        watch_sighup(app)
        loop = asyncio.get_running_loop()
        try:
            os.kill(os.getpid(), signal.SIGHUP)
            for _ in range(50):
                if app.knowledge_watcher.trigger.exists():  # type: ignore[union-attr]
                    break
                await asyncio.sleep(0.02)
            assert app.knowledge_watcher.trigger.exists()  # type: ignore[union-attr]
            outcome = await app.knowledge_watcher.check_once()  # type: ignore[union-attr]
            assert outcome is not None and outcome.ok and not outcome.changed
        finally:
            loop.remove_signal_handler(signal.SIGHUP)
