"""A message that tells no incident and asks nothing this help line is for (a town-hall
matter, the press, a test, spam, an insult at the bot) gets no offence claimed: the model
learns it from the examples' `out_of_scope`, and the bot says what it is for and asks its
question again. A danger now is never out of scope."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cli_knowledge import check_directory
from knowledge.base import Knowledge
from knowledge.examples import OUT_OF_SCOPE
from knowledge.training import category_rows, training_set
from tests.helpers import PureChat, all_text
from tests.test_understanding_checks import directory, edit  # noqa: F401  (the fixture)

OUTSIDE_DE = "Mit anderen Anliegen wenden Sie sich bitte an Ihre Gemeinde-"
OUTSIDE_EN = "For other matters, please contact your town hall."


@pytest.mark.parametrize(("text", "reply"), [
    ("Wo kann ich in Döbeln den Sperrmüll anmelden?", OUTSIDE_DE),
    ("Wir möchten in unserer Vereinszeitung auf Ihren Dienst hinweisen. Dürfen wir Ihr Logo verwenden?", OUTSIDE_DE),
    # about the bot itself: what it is
    ("du blöder bot, du verstehst doch eh nichts", "Ich bin ein Programm, kein Mensch."),
])
def test_no_offence_is_claimed_and_the_danger_question_stays(knowledge: Knowledge, text: str, reply: str) -> None:
    chat = PureChat(knowledge)
    chat.command("start")
    said = all_text(chat.text(text))
    assert reply in said and "Verstanden:" not in said
    assert chat.state.node == knowledge.flow.start and chat.state.category is None and not chat.state.aspects


def test_in_english_too(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    said = all_text(chat.text("Hi, I'm a student writing a thesis on local politics. Could you send me statistics on how many mayors use this service?"))
    assert OUTSIDE_EN in said and chat.state.category is None


def test_a_word_or_two_is_not_understood_rather_than_out_of_scope(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge)
    chat.command("start")
    assert knowledge.texts.not_understood.de in all_text(chat.text("qwrtz"))


def test_a_danger_now_is_never_out_of_scope(knowledge: Knowledge) -> None:
    text = "test test, funktioniert das? da steht grad einer mit nem messer vor meiner haustür"
    understood = knowledge.understand(text)
    assert understood.danger_now and not understood.outside
    chat = PureChat(knowledge)
    chat.command("start")
    said = chat.text(text)
    assert said[0].emergency and OUTSIDE_DE not in all_text(said)


def test_an_incident_that_opens_like_a_press_request_is_in_scope(knowledge: Knowledge) -> None:
    understood = knowledge.understand(
        "Ich bin Redakteurin und eigentlich Stadträtin in Freiberg. Seit meinem letzten Artikel bekomme ich "
        "Mails, in denen steht, man wisse, wo meine Kinder zur Schule gehen.")
    assert not understood.outside and understood.category == "threat"


def test_the_class_is_learned_but_never_ranked_as_a_category(knowledge: Knowledge) -> None:
    _, labels = category_rows(training_set(knowledge))
    assert any(OUT_OF_SCOPE in row for row in labels)
    assert OUT_OF_SCOPE in knowledge.model.heads["category"].classes
    assert OUT_OF_SCOPE not in knowledge.categories
    assert all(c.id != OUT_OF_SCOPE for c in knowledge.understand("wann ist der Wertstoffhof offen").ranking)


def test_an_example_both_out_of_scope_and_under_a_category_is_an_error(directory: Path) -> None:  # noqa: F811
    path = directory / "examples-de.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  threat:\n") + len("\n  threat:\n")
    first = text[start:text.index("\n", start)].strip()[2:]
    line = edit(path, "\nout_of_scope:\n", f"\nout_of_scope:\n  - {first}\n") + 2
    errors, _ = check_directory(directory)
    assert [(e.file, e.line) for e in errors] == [("examples-de.yaml", line)]
    assert "out of scope tells no incident; this one is also under threat" in errors[0].message


@pytest.mark.parametrize("text", [
    # the development message that set OUTSIDE_SURE (0.77 out of scope)
    "Hallo, ich bin Stadträtin in Zittau. Auf TikTok gibt es ein Video von mir aus der Sitzung, zusammengeschnitten mit Affengeräuschen.",
    "Frage für eine Freundin: Sie ist Bürgermeisterin, und ihr Ex-Mann droht, ihr Amt kaputtzumachen.",
    "hilfe beim formular für die anzeige bitte, der typ schreibt mir jeden tag",
])
def test_an_incident_or_a_question_about_reporting_never_gets_the_out_of_scope_reply(knowledge: Knowledge, text: str) -> None:
    chat = PureChat(knowledge)
    chat.command("start")
    assert OUTSIDE_DE not in all_text(chat.text(text))
