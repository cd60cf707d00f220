"""Asking what the name of a kind of incident means ("Was bedeutet Nötigung?") gets the
category's plain meaning (categories.yaml `meaning`) and the question again, at any question
and below the result; a question that only uses such a word is not taken for one."""

from __future__ import annotations

import pytest

from handlers.meanings import asked_meanings
from knowledge.base import Knowledge
from tests.helpers import PureChat, all_text


@pytest.mark.parametrize(("text", "expected"), [
    ("was bedeutet nachstellung", ["stalking"]),
    ("Was heißt Nötigung?", ["coercion"]),
    ("Nötigung? Was ist das?", ["coercion"]),
    ("what does coercion mean", ["coercion"]),
    ("whats doxxing", ["doxxing"]),
    ("whats doxxing even", ["doxxing"]),
    ("what counts as property damage", ["property_damage"]),
    ("Was versteht man unter Verleumdung?", ["insult"]),
    ("Was genau ist mit Nötigung gemeint?", ["coercion"]),
    ("what exactly does doxxing mean", ["doxxing"]),
    ("Was ist eine Bedrohung im Sinne des Gesetzes?", ["threat"]),
    ("Was ist der Unterschied zwischen Bedrohung und Nötigung?", ["threat", "coercion"]),
    # a word used, not asked about
    ("what is the threat level", []),
    ("was ist wenn ich eine bedrohung bekomme", []),
    ("ich wurde bedroht, was soll ich tun", []),
    ("ist das eine Bedrohung?", []),
    ("I dont know what is this. Unsure", []),  # the answer "not sure", not a word asked about
])
def test_the_word_asked_about(knowledge: Knowledge, text: str, expected: list[str]) -> None:
    said = asked_meanings(knowledge, "de", text)
    assert [s.split("“: ")[1] for s in said] == [knowledge.categories[c].meaning.de for c in expected]


def test_asked_again_right_after_the_reply_is_read_as_an_answer(knowledge: Knowledge) -> None:
    """A blind writer's councillor (conversations-23): "Ich weiß nicht. Was bedeutet
    „Nachstellung“?" gets the meaning; the same again is her "weiß nicht": not sure."""
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("nein")
    assert chat.state.node == "category"
    said = all_text(chat.text("Ich weiß nicht. Was bedeutet „Nachstellung“?"))
    assert knowledge.categories["stalking"].meaning.de in said and chat.state.node == "category"
    chat.text("Ich weiß nicht. Was bedeutet „Nachstellung“?")
    assert chat.state.category == "unsure"


def test_every_kind_of_incident_says_what_it_covers(knowledge: Knowledge) -> None:
    for cid, category in knowledge.categories.items():
        assert category.meaning is not None, cid
        assert category.meaning.de.endswith(".") and category.meaning.en.endswith("."), cid


def test_asked_during_the_questions_the_meaning_then_the_question(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("nein")
    node = chat.state.node
    said = all_text(chat.text("was bedeutet nötigung?"))
    assert knowledge.categories["coercion"].meaning.de in said
    assert chat.state.node == node and chat.state.category is None  # the question stays; nothing taken


def test_asked_in_english_below_the_result(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("no")
    chat.text("someone keeps following me home after council meetings in Pirna, for weeks now")
    for _ in range(6):
        if chat.state.node == knowledge.flow.after_result:
            break
        chat.text("no")
    assert chat.state.node == knowledge.flow.after_result
    said = all_text(chat.text("what does stalking mean exactly?"))
    assert knowledge.categories["stalking"].meaning.en in said


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("en", "what means Nötigung", "category:coercion"),  # English word order of a learner (a blind tester)
    ("de", "was ist ein strafantrag?", "term:strafantrag"),
    ("en", "what means Strafantrag, i must pay something?", "term:strafantrag"),
    ("de", "Was bedeutet Anzeige?", "term:anzeige"),
    ("de", "ich will anzeige erstatten", None),  # the word used, not asked about
    ("en", "what is Revier?", "term:revier"),  # had brought the station's card five times (stop 47)
    ("de", "was bedeutet das wort revier?", "term:revier"),
    ("de", "gehen Sie bitte zum Revier in Döbeln", None),
])
def test_a_legal_word_of_the_answers_is_explained(knowledge: Knowledge, lang: str, text: str, expected: str | None) -> None:
    said = asked_meanings(knowledge, lang, text)
    if expected is None:
        assert said == []
        return
    kind, key = expected.split(":")
    meaning = (knowledge.categories[key].meaning if kind == "category" else knowledge.texts.terms[key].meaning).get(lang)
    assert len(said) == 1 and said[0].endswith(meaning)


def test_asking_what_a_word_means_below_the_result_changes_no_case(knowledge: Knowledge) -> None:
    from tests.test_triage import walk_to_place

    chat = PureChat(knowledge, lang="en")
    walk_to_place(chat, "threat")
    chat.text("Thum")
    said = all_text(chat.text("what means Nötigung"))
    assert chat.state.category == "threat" and "coercion" not in chat.state.also
    assert knowledge.categories["coercion"].meaning.get("en") in said
