"""A greeting, thanks, a self-introduction or a question about the bot names no offence
and no danger: answered in kind, never "not understood", never 110 by the model alone."""

from __future__ import annotations

from dataclasses import replace

import pytest

from knowledge import smalltalk
from knowledge.base import Knowledge
from knowledge.features import fold
from tests.helpers import PureChat, all_text, option_ids


@pytest.mark.parametrize(("text", "kind"), [
    ("hallo", smalltalk.GREETING),
    ("Guten Abend!", smalltalk.GREETING),
    ("hi there", smalltalk.GREETING),
    ("Sehr geehrte Damen und Herren,", smalltalk.GREETING),
    ("danke", smalltalk.THANKS),
    ("thx!", smalltalk.THANKS),
    ("wie funktioniert das hier?", smalltalk.ABOUT_BOT),
    ("are you a bot", smalltalk.ABOUT_BOT),
    ("is this thing actually legit?", smalltalk.ABOUT_BOT),
    ("ist das hier eigentlich seriös?", smalltalk.ABOUT_BOT),
    ("ich bin stellv. Bürgermeisterin", smalltalk.INTRODUCTION),
    ("Mein Name ist Peter Müller", smalltalk.INTRODUCTION),
])
def test_what_only_greets_or_introduces_is_small_talk(text: str, kind: str) -> None:
    assert smalltalk.kind(fold(text)) == kind


@pytest.mark.parametrize("text", [
    "hallo hilfe",
    "hallo, da ist einer vor der tür",
    "guten abend, ich brauche rat",
    "ich bin in gefahr",
    "hi there is a guy at my door",
    "ok",  # an answer, handled as one
    "",
])
def test_a_word_that_may_tell_what_happened_is_not_small_talk(text: str) -> None:
    assert smalltalk.kind(fold(text)) is None


def test_the_place_a_writer_names_belongs_to_the_introduction() -> None:
    assert smalltalk.kind(fold("hallo ich bin buergermeister von harta"), ["hartha"]) == smalltalk.INTRODUCTION
    assert smalltalk.kind(fold("hallo ich bin buergermeister von hartha")) is None  # without the place found


@pytest.mark.parametrize("text", ["hi there", "guten abend", "hello, i'm a councillor in pirna",
                                  "hallo ich bin buergermeister von hartha",
                                  # where, said around a place ("wohne in Bautzen" had been doxxing)
                                  "In Bautzen, also eigentlich in einem Ortsteil davon.", "wohne in Bautzen",
                                  "i live near Pirna"])
def test_small_talk_gets_no_category_and_no_danger(knowledge: Knowledge, text: str) -> None:
    understood = knowledge.understand(text)
    assert understood.smalltalk is not None
    assert not understood.danger_now and not understood.categories and not understood.ranking


def test_the_danger_rules_still_hear_a_cry_inside_a_greeting(knowledge: Knowledge) -> None:
    assert knowledge.understand("hallo?? hilfe").danger_now


@pytest.mark.parametrize(("text", "reply"), [
    ("hallo?", "ich bin für Sie da."),
    ("guten abend", "ich bin für Sie da."),
    ("danke", "Gern."),
    ("wie funktioniert das hier", "kein Mensch"),
])
def test_small_talk_at_a_question_is_answered_in_kind_and_the_question_stays(
        knowledge: Knowledge, text: str, reply: str) -> None:
    chat = PureChat(knowledge)
    chat.text("hallo")  # the first message: the welcome and the danger question
    assert chat.state.node == "danger_now"
    said = chat.text(text)
    assert reply in all_text(said)
    assert "nicht verstanden" not in all_text(said)
    assert chat.state.node == "danger_now" and "danger_yes" in option_ids(said)
    assert not any(m.emergency for m in said)


def test_a_first_greeting_in_english_is_not_an_emergency(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge, lang=None)
    said = chat.text("hi there")
    assert not any(m.emergency for m in said)
    assert chat.state.node == "danger_now"


def test_an_introduction_with_a_town_is_understood_as_the_town_only(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge)
    chat.text("hallo")
    said = all_text(chat.text("hallo ich bin buergermeister von hartha"))
    assert "Verstanden: Hartha." in said
    assert chat.state.place_id and not chat.state.category


def test_without_a_small_talk_text_the_bot_says_it_did_not_understand(knowledge: Knowledge) -> None:
    bare = replace(knowledge, texts=knowledge.texts.model_copy(update={"small_talk": {}}))
    chat = PureChat(bare)
    chat.text("hallo")
    assert "nicht verstanden" in all_text(chat.text("hallo?"))


@pytest.mark.parametrize(("text", "reply"), [
    ("Ich möchte etwas melden.", "Gern. Zuerst eine kurze Frage:"),
    ("Moin, kurze Frage zur Anzeige", "Gern. Zuerst eine kurze Frage:"),
    # that something happened, not yet what: no "nothing happened" (prevention), no offence
    ("mir ist was passiert", "Gern. Zuerst eine kurze Frage:"),
    ("es ist etwas vorgefallen", "Gern. Zuerst eine kurze Frage:"),
    ("bin ich hier richtig?", "kein Mensch"),
])
def test_a_request_that_does_not_yet_say_what_is_met_and_the_danger_question_comes_first(
        knowledge: Knowledge, text: str, reply: str) -> None:
    chat = PureChat(knowledge)
    chat.text("hallo")
    said = chat.text(text)
    assert reply in all_text(said) and not chat.state.category
    assert chat.state.node == "danger_now"


def test_a_village_of_the_municipality_belongs_to_the_introduction(knowledge: Knowledge) -> None:
    understood = knowledge.understand("Guten Tag, ich bin Ortsvorsteher in Crostau und habe eine Frage.")
    assert understood.smalltalk is not None and not understood.categories


def test_a_place_name_ending_in_a_full_stop_is_not_doubled_in_the_understood_line(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge, lang=None)
    said = all_text(chat.text("hi, councillor from weisswasser here"))
    assert "Weißwasser/O.L.." not in said and "Weißwasser/O.L." in said


def test_n_abend_at_the_danger_question_is_a_greeting_not_n_for_nein(knowledge) -> None:  # noqa: ANN001
    from tests.helpers import PureChat

    chat = PureChat(knowledge)
    chat.command("start")
    said = chat.text("n abend")
    assert chat.state.node == "danger_now" and not chat.state.danger_checked
    assert said[0].text.startswith("Hallo, ich bin für Sie da")


@pytest.mark.parametrize("text", ["hey so this is prob nothing but", "ist bestimmt nichts, aber", "hallo, ist wahrscheinlich nichts aber"])
def test_playing_it_down_before_telling_is_a_request_to_go_on(knowledge, text: str) -> None:  # noqa: ANN001
    assert knowledge.understand(text).smalltalk == "request"


def test_a_scene_after_playing_it_down_is_still_an_emergency(knowledge) -> None:  # noqa: ANN001
    assert knowledge.understander.danger("this is probably nothing but someone is outside my door").danger
    assert knowledge.understander.danger("ist bestimmt nichts aber da steht einer am gartentor").danger


@pytest.mark.parametrize("text", [
    "01917, Kamenz. Und jetzt die Antwort bitte.",
    "Hartha. Antwort bitte",
    "Riesa, answer please",
])
def test_a_town_and_a_request_for_the_answer_name_no_offence(knowledge: Knowledge, text: str) -> None:
    from knowledge.understanding import understand

    understood = understand(text, knowledge)
    assert understood.categories == ()
    assert not understood.danger_now
    assert understood.place is not None and understood.place.status == "found"


@pytest.mark.parametrize(("lang", "text"), [
    ("de", "weiss nich ob das was is"),
    ("de", "keine ahnung ob das schlimm ist"),
    ("de", "Ich weiß nicht, ob das wichtig ist"),
    ("en", "not sure if this counts"),
    ("en", "idk if this is a big deal"),
])
def test_a_doubt_whether_it_counts_is_no_doubt_about_danger(knowledge: Knowledge, lang: str, text: str) -> None:
    """At the danger question, "weiss nich ob das was is" is no "I don't know whether anyone
    is in danger" (the 110 advice): the doubt is met, and the question stays."""
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    said = all_text(chat.text(text))
    assert chat.state.node == "danger_now" and not chat.state.danger_checked
    assert knowledge.texts.small_talk["doubt"].get(lang) in said
    assert not any(m.emergency for m in chat.last.messages)


def test_a_doubt_whether_someone_is_still_there_is_still_the_110_advice(knowledge: Knowledge) -> None:
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("weiss nicht ob der noch draussen ist")
    assert any(m.emergency for m in chat.last.messages)
