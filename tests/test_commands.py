"""Commands work at every step and return the user to where they were."""

from __future__ import annotations

import dataclasses

from handlers.state import StepResult

import pytest

from handlers import triage
from tests.helpers import PureChat, all_text, option_ids


def chat_at(knowledge, node: str, lang: str = "de") -> PureChat:
    """A conversation advanced to `node` by button presses."""
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    path = {
        "danger_now": [],
        "emergency": ["danger_yes"],
        "category": ["danger_no"],
        "aspect_online": ["danger_no", "threat"],
        "aspect_extremist": ["danger_no", "threat", "online_no"],
        "aspect_home_repeated": ["danger_no", "threat", "online_no", "extremist_no"],
        # Asked alone when "repeated" is implied by the kind (stalking).
        "aspect_private": ["danger_no", "stalking", "online_no", "extremist_no"],
        "municipality": ["danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"],
    }
    if node in path:
        for option in path[node]:
            chat.option(option)
    elif node == triage.CONFIRM_CATEGORY:
        # Which words lead here depends on the trained model: put the screen up directly.
        chat.option("danger_no")
        chat.state = dataclasses.replace(chat.state, node=node, pending={"proposed": ["insult", "threat"]})
        chat.last = StepResult(chat.state, triage.current_messages(chat.state, knowledge))
    elif node == triage.CHOOSE_PLACE:
        for option in path["municipality"]:
            chat.option(option)
        chat.text("Neustadt")
    elif node == "after_result":
        for option in path["municipality"]:
            chat.option(option)
        chat.text("Görlitz")
    assert chat.state.node == node
    return chat


NODES = [
    "danger_now", "emergency", "category", "aspect_online", "aspect_extremist", "aspect_home_repeated",
    "aspect_private", "municipality", triage.CONFIRM_CATEGORY, triage.CHOOSE_PLACE, "after_result",
]


@pytest.mark.parametrize("node", NODES)
@pytest.mark.parametrize("command", ["hilfe", "help", "datenschutz", "privacy"])
def test_help_and_privacy_return_to_the_same_question(knowledge, node, command):
    chat = chat_at(knowledge, node)
    before = option_ids(chat.last.messages[-1:])
    messages = chat.command(command)
    assert chat.state.node == node
    expected = knowledge.texts.help if command in ("hilfe", "help") else knowledge.texts.privacy
    assert messages[0].text.startswith(expected.de[:40])
    assert option_ids(messages[-1:]) == before


@pytest.mark.parametrize("node", NODES)
@pytest.mark.parametrize("command", ["notfall", "emergency"])
def test_emergency_command_everywhere(knowledge, node, command):
    chat = chat_at(knowledge, node)
    messages = chat.command(command)
    assert chat.state.node == "emergency"
    assert messages[0].emergency and "110" in messages[0].text


@pytest.mark.parametrize("node", NODES)
@pytest.mark.parametrize("command", ["abbrechen", "cancel"])
def test_cancel_everywhere_deletes_the_state(knowledge, node, command):
    chat = chat_at(knowledge, node)
    messages = chat.command(command)
    assert chat.state is None
    assert knowledge.texts.cancelled.de in all_text(messages)


@pytest.mark.parametrize("node", NODES)
def test_start_everywhere_starts_over(knowledge, node):
    chat = chat_at(knowledge, node)
    chat.command("start")
    assert chat.state.node == "danger_now" and chat.state.category is None


@pytest.mark.parametrize("node", NODES)
def test_language_switch_everywhere_returns_to_the_question(knowledge, node):
    chat = chat_at(knowledge, node)
    messages = chat.command("sprache")
    assert option_ids(messages) == ["de", "en"]
    messages = chat.text("English")
    assert chat.state.lang == "en" and chat.state.node == node
    assert messages[0].text == knowledge.texts.language_set.en


@pytest.mark.parametrize(("typed", "lang"), [
    ("I would like to write in English please", "en"),
    ("kannst du auch deutsch?", "de"),
    ("i dont speak german", "en"),
    # no language named: the sentence's own language
    ("can we just keep going like this", "en"),
    ("ich bleib lieber bei dem was ich kann", "de"),
])
def test_a_sentence_at_the_language_choice_chooses(knowledge, typed, lang):
    chat = chat_at(knowledge, "category", lang="de" if lang == "en" else "en")
    chat.command("language")
    messages = chat.text(typed)
    assert chat.state.lang == lang and chat.state.node == "category"
    assert messages[0].text == knowledge.texts.language_set.get(lang)


def test_a_word_that_is_no_language_is_asked_again(knowledge):
    chat = chat_at(knowledge, "category")
    chat.command("language")
    messages = chat.text("hm")
    assert option_ids(messages) == ["de", "en"] and chat.state.lang == "de"


def test_language_command_with_argument(knowledge):
    chat = chat_at(knowledge, "category")
    messages = chat.command("language", "en")
    assert chat.state.lang == "en"
    assert "What happened?" in all_text(messages)


def test_unknown_command_gets_help(knowledge):
    chat = chat_at(knowledge, "category")
    messages = chat.command("quatsch")
    assert "/quatsch" in messages[0].text
    assert knowledge.texts.help.de[:30] in messages[0].text
    assert chat.state.node == "category"


def test_typed_slash_command_is_a_command(knowledge):
    chat = chat_at(knowledge, "aspect_online")
    chat.text("/Hilfe")
    assert chat.state.node == "aspect_online"
    assert knowledge.texts.help.de[:30] in chat.last.messages[0].text


def test_telegram_privacy_notice_says_not_end_to_end_encrypted(knowledge):
    from handlers.messages import ConversationKey

    chat = PureChat(knowledge, key=ConversationKey("telegram", "1", "1"))
    messages = chat.command("datenschutz")
    assert "nicht Ende-zu-Ende-verschlüsselt" in messages[0].text


def test_help_on_a_fresh_conversation_starts_the_triage(knowledge):
    chat = PureChat(knowledge)
    messages = chat.command("hilfe")
    assert chat.state.node == "danger_now"
    assert option_ids(messages) == ["danger_yes", "danger_no"]


def test_the_help_names_every_command(knowledge):
    """/hilfe had not named /vorfaelle, /meinedaten and /loeschen (a Leipzig councillor, stop 48):
    every command registered is named in both languages, by one of its spellings."""
    import handlers.incident  # noqa: F401 - registers its commands
    from handlers.commands import ALIASES, HANDLERS

    for lang in ("de", "en"):
        text = knowledge.texts.help.get(lang)
        for canonical in HANDLERS:
            spellings = [name for name, target in ALIASES.items() if target == canonical]
            assert any(f"/{name} " in text or f"/{name}\n" in text for name in spellings), (lang, canonical)
