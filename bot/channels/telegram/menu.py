"""The bot's command menu (setMyCommands): the Telegram names per language are fixed here,
the descriptions come from the knowledge (texts.yaml `command_descriptions`)."""

from __future__ import annotations

from typing import Any

from telegram import BotCommand

# (canonical name, German name, English name), in menu order. Telegram allows only
# a-z, 0-9 and _ in command names, hence "vorfaelle"; each name is an alias in handlers.
MENU: tuple[tuple[str, str, str], ...] = (
    ("start", "start", "start"),
    ("emergency", "notfall", "emergency"),
    ("help", "hilfe", "help"),
    ("cancel", "abbrechen", "cancel"),
    ("language", "sprache", "language"),
    ("privacy", "datenschutz", "privacy"),
    ("incidents", "vorfaelle", "incidents"),
    ("mydata", "meinedaten", "mydata"),
    ("delete", "loeschen", "delete"),
)
MENU_LANGS = ("de", "en")


def bot_commands(texts: Any, lang: str) -> list[BotCommand]:
    """The menu in `lang` ("en": English names, else German); a command without a
    description in the knowledge is left out rather than shown without one."""
    descriptions = texts.command_descriptions
    return [
        BotCommand(en if lang == "en" else de, descriptions[canonical].get(lang))
        for canonical, de, en in MENU
        if canonical in descriptions
    ]
