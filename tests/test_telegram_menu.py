"""The Telegram command menu: names that the core understands, descriptions from the knowledge."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

import handlers.conversation  # noqa: F401  registers every command (incident ones too)
from bot.channels.telegram.menu import MENU, MENU_LANGS, bot_commands
from handlers import commands
from knowledge.schema import L10n, UiTexts

TEXTS_YAML = Path(__file__).resolve().parents[1] / "knowledge" / "data" / "texts.yaml"


def _texts() -> UiTexts:
    return UiTexts.model_validate(yaml.safe_load(TEXTS_YAML.read_text(encoding="utf-8")))


def test_every_menu_name_is_a_command_the_core_knows() -> None:
    for canonical, de, en in MENU:
        assert commands.HANDLERS.get(canonical) is not None, canonical
        for name in (de, en):
            assert re.fullmatch(r"[a-z0-9_]{1,32}", name), name  # Telegram's rule for names
            assert commands.resolve(name) == canonical, (name, canonical)


def test_the_knowledge_describes_exactly_the_menu_commands() -> None:
    texts = _texts()
    assert list(texts.command_descriptions) == [canonical for canonical, _, _ in MENU]
    for description in texts.command_descriptions.values():
        for lang in MENU_LANGS:
            assert 1 <= len(description.get(lang)) <= 256  # Telegram's limit for descriptions


def test_descriptions_come_from_the_knowledge_not_the_code() -> None:
    texts = _texts()
    changed = dict(texts.command_descriptions)
    changed["help"] = L10n(de="Kurze Anleitung", en="A short guide")
    del changed["mydata"]
    edited = texts.model_copy(update={"command_descriptions": changed})
    german = {c.command: c.description for c in bot_commands(edited, "de")}
    english = {c.command: c.description for c in bot_commands(edited, "en")}
    assert german["hilfe"] == "Kurze Anleitung" and english["help"] == "A short guide"
    assert "meinedaten" not in german and "mydata" not in english  # no text, no menu entry
    assert german["notfall"] == texts.command_descriptions["emergency"].de
    assert english["emergency"] == texts.command_descriptions["emergency"].en
