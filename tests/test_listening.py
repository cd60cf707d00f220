"""The triage listens: what a message says is not asked again; natural answers; language;
danger in typed text at any node, and held-out danger messages reach 110 through the engine."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
import yaml

from bot.app import open_app
from bot.config import Settings
from handlers import listening
from handlers.messages import ConversationKey, OptionChosen, TextIn
from knowledge.base import Knowledge, load
from knowledge.classifier import CategoryScore
from tests.helpers import PureChat, all_text, at_a_choice_of_offences, option_ids

HELD_OUT = Path(__file__).parent / "data" / "heldout"
# Measured on tests/data/heldout/danger.yaml (written outside the project, never tuned on);
# the floors sit just under the figures in BENCHMARKS.md so a regression fails.
MIN_DANGER_RECALL = 0.98  # measured 100 % (164/164)
MAX_FALSE_ALARMS = 0.04  # measured 2.5 % (4/157)


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def questions_asked(chat: PureChat) -> list[str]:
    return [m.text for m in chat.history]


def test_a_town_and_a_kind_named_first_are_not_asked_again(k: Knowledge) -> None:
    chat = PureChat(k)
    first = chat.text("hallo ich bin buergermeister in hartha. einer hat mir einen brief geschrieben er bringt mich um")
    line = all_text(first)
    assert "Verstanden:" in line and "Bedrohung" in line and "Hartha" in line
    assert chat.state.node == "danger_now"  # the danger question is never skipped
    answers = 1
    while chat.state.node != "after_result":
        chat.text("nein")
        answers += 1
        assert chat.state.node not in ("category", "municipality"), "asked again what it was told"
        assert answers < 8
    assert chat.state.category == "threat" and chat.state.place_id


@pytest.mark.parametrize(("text", "aspect", "question"), [
    ("Seit Wochen stehen Leute vor unserem Haus und fotografieren meine Kinder", "private_sphere", "aspect_private"),
    ("Auf Facebook schreibt einer dauernd, dass er mich umbringen will", "online", "aspect_online"),
    # A letter, a call, face to face: the online question is answered too.
    ("anonyme briefe im briefkasten, man werde mich aufhaengen, bin stadtraetin in pirna", "offline", "aspect_online"),
    ("he called me three times last night and said he knows where my kids go to school", "offline", "aspect_online"),
    # Once, the first time: "has it happened before?" is answered too.
    ("Das ist zum ersten Mal passiert: einer hat mir nach der Sitzung Prügel angedroht", "once", "aspect_repeated"),
    ("first time this happened to me, a guy at the market said he'd smash my face in", "once", "aspect_repeated"),
])
def test_what_the_message_says_skips_its_question(k: Knowledge, text: str, aspect: str, question: str) -> None:
    chat = PureChat(k)
    chat.text(text)
    assert aspect in chat.state.aspects
    chat.option("danger_no")
    for _ in range(6):
        assert chat.state.node != question
        if chat.state.node in ("municipality", "after_result"):
            break
        chat.option(chat.last.messages[-1].options[0].id if chat.state.node == "confirm_category" else _no(chat))


def _no(chat: PureChat) -> str:
    ids = option_ids(chat.last.messages[-1:])
    return next(i for i in ids if i.endswith("_no")) if any(i.endswith("_no") for i in ids) else ids[0]


@pytest.mark.parametrize(("typed", "expected"), [
    ("jo", "online_yes"), ("jup", "online_yes"), ("klar", "online_yes"), ("yeah", "online_yes"),
    ("nö", "online_no"), ("nee", "online_no"), ("nope", "online_no"), ("keine ahnung", "online_no"),
    ("weiß nicht", "online_no"), ("not sure", "online_no"), ("don't know", "online_no"),
])
def test_natural_answers_to_a_yes_no_question(k: Knowledge, typed: str, expected: str) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    assert chat.state.node == "aspect_online"
    chat.text(typed)
    went_yes = "online" in chat.state.aspects
    assert went_yes == (expected == "online_yes")
    assert chat.state.node == "aspect_extremist"


def test_yes_but_uses_the_rest_too(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    chat.option("insult")
    chat.option("online_no")
    chat.text("ja, aber das war in Grimma auf dem Markt")
    assert "extremist" in chat.state.aspects
    assert chat.state.place_id and "grimma" in chat.state.place_id


@pytest.mark.parametrize("typed", ["nah hes not there rn", "no not right now", "nee, der is grad nicht da"])
def test_no_to_the_danger_question_is_believed_unless_the_rest_describes_a_scene(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht")
    messages = chat.text(typed)
    assert chat.state.node != "emergency" and not any(m.emergency for m in messages)
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht")
    messages = chat.text("nein, aber jetzt steht er vor der Tür")  # the rules still hear a scene
    assert chat.state.node == "emergency" and any(m.emergency for m in messages)


@pytest.mark.parametrize("typed", ["alles gut", "all good", "I'm safe", "bin in Sicherheit", "mir geht's gut",
                                   "physically im fine, mentally 📉", "der Typ ist weg", "they left an hour ago",
                                   "We do not believe there is an immediate danger. The mayor is in a meeting.",
                                   "Only the gnomes were harmed.", "Nee, jetzt gerade ist keiner da.", "Only to my blood pressure.", "No, nothing of the sort. It's my reputation that's in danger, not me.",
                                   "Nein, in Gefahr bin ich nicht, es ist eher so, dass mein Ruf gerade zerstört wird.",
                                   # a clerk, walked at stop 36 (had been "nicht verstanden")
                                   "Der Mann hat das Gebäude inzwischen verlassen, die Polizei ist informiert."])
def test_all_is_well_in_own_words_is_a_no_to_the_danger_question(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht")
    messages = chat.text(typed)
    assert chat.state.danger_checked and chat.state.node not in ("danger_now", "emergency")
    assert "nicht verstanden" not in all_text(messages) and not any(m.emergency for m in messages)


@pytest.mark.parametrize(("typed", "node"), [
    ("mein Sohn ist weg", "danger_now"),  # a missing relative is no all-clear: asked again
    ("I'm not ok", "danger_now"),
    ("ich trau mich nicht, das Haus zu verlassen", "emergency"),  # afraid to leave: no one gone; the advice, to be safe
    ("alles gut, aber jetzt steht er wieder vor der Tür", "emergency"),  # the scene outweighs it
])
def test_no_all_clear_where_it_is_not_one(k: Knowledge, typed: str, node: str) -> None:
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht")
    chat.text(typed)
    assert chat.state.node == node


@pytest.mark.parametrize("typed", ["nope not online", "nicht im internet", "nein, nicht im Netz"])
def test_a_denied_aspect_is_not_understood_as_said(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht")
    chat.option("danger_no")
    chat.text(typed)
    assert "online" not in chat.state.aspects


def test_keine_ahnung_to_the_danger_question_shows_the_110_advice(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    messages = chat.text("keine ahnung")
    assert chat.state.node == "emergency" and any(m.emergency for m in messages)


def test_back_goes_to_the_previous_question_and_forgets_its_answer(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    chat.option("online_yes")
    assert chat.state.node == "aspect_extremist"
    chat.text("zurück")
    assert chat.state.node == "aspect_online" and "online" not in chat.state.aspects


def test_ja_to_a_single_suggested_place(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    for option in ("danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"):
        chat.option(option)
    chat.text("Grimmma")  # a typo: one suggestion
    if chat.state.node == "choose_place" and len(chat.state.pending["places"]) == 1:
        chat.text("ja")
    assert chat.state.node == "after_result" and chat.state.place_id


def test_an_english_first_message_switches_to_english_with_the_way_back(k: Knowledge) -> None:
    chat = PureChat(k)
    messages = chat.text("some guy keeps posting my home address on telegram, what can i do")
    assert chat.state.lang == "en"
    assert "/sprache" in messages[0].text
    assert "Is anyone in danger" in all_text(messages)


def test_english_please_switches_mid_conversation(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    messages = chat.text("english please?")
    assert chat.state.lang == "en" and chat.state.node == "danger_now"
    assert "Is anyone in danger" in all_text(messages)


def test_the_welcome_names_the_language_command(k: Knowledge) -> None:
    assert "/language" in k.texts.welcome.de and "/sprache" in k.texts.welcome.en


def test_not_understood_says_what_is_possible(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    messages = chat.text("qwrtz")
    assert k.texts.not_understood.de in messages[0].text
    assert k.flow.texts.hint_yes_no.de in messages[0].text
    assert option_ids(messages[-1:])[:2] == ["danger_yes", "danger_no"]


def test_something_is_wrong_corrects_an_understood_place_in_two_taps(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("In Pirna hat mich jemand auf dem Markt beleidigt")
    assert chat.state.place_id
    chat.option("fix.open")
    chat.option("fix.place")
    assert chat.state.place_id is None and chat.state.node == "municipality"


def test_offline_taken_back_asks_the_online_question_and_online_replaces_it(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("Seit Wochen kommen Drohbriefe, man werde mich aufhängen")
    assert "offline" in chat.state.aspects
    chat.option("fix.open")
    chat.option("fix.aspect:offline")
    chat.option("fix.done")
    assert "offline" not in chat.state.aspects
    chat.option("danger_no")
    assert chat.state.node == "aspect_online"
    chat.text("ja")
    assert "online" in chat.state.aspects and "offline" not in chat.state.aspects


def test_online_said_later_replaces_offline(k: Knowledge) -> None:
    from handlers.listening import with_aspect

    assert with_aspect(["offline", "repeated"], "online") == ["repeated", "online"]
    assert with_aspect(["online"], "offline") == ["online"]
    assert with_aspect(["once", "online"], "repeated") == ["online", "repeated"]
    assert with_aspect(["repeated"], "once") == ["repeated"]


def test_once_said_in_an_answer_to_another_question_is_not_asked_again(k: Knowledge) -> None:
    """"nein, nur einmal" at the online question answers it and "has it happened before?"."""
    chat = _at(k, "aspect_online", "beim dorffest hat mir einer gesagt ich soll aufpassen wenn ich nachts heimfahr")
    chat.text("nein nur einmal")
    assert "once" in chat.state.aspects and "online" not in chat.state.aspects
    for _ in range(6):
        assert chat.state.node not in ("aspect_repeated", "aspect_home_repeated")
        if chat.state.node in ("municipality", "after_result"):
            break
        chat.option(_no(chat))


def test_the_third_time_said_at_the_last_question_leads_the_result(k: Knowledge) -> None:
    """"nee, aber das ist schon das dritte Mal" at the last question before the result: the
    count answers "has it happened before?", and what it told stands before the result it
    shaped, not after it."""
    chat = PureChat(k)
    chat.text("bin bürgermeister in großschirma. heute lag ein zettel im briefkasten: wir wissen wo deine enkel zur schule gehn")
    chat.option("danger_no")
    assert chat.state.node == "aspect_extremist"
    messages = chat.text("nee, aber das ist schon das dritte mal")
    assert "repeated" in chat.state.aspects
    assert chat.state.node == k.flow.after_result
    assert messages[0].text.startswith("Verstanden: wiederholt.")
    assert messages[0].contacts  # the result in the same message as the line
    assert not messages[-1].text.startswith("Verstanden")


def _load(name: str) -> dict:
    return yaml.safe_load((HELD_OUT / name).read_text(encoding="utf-8"))


def test_held_out_danger_messages_reach_110_first() -> None:
    """Written outside the project (tests/data/heldout/README.md); measured, never tuned on."""
    k = load()
    data = _load("danger.yaml")

    def shows_110(text: str) -> bool:
        return any(m.emergency for m in PureChat(k, lang=None).text(text))

    recall = sum(shows_110(m["text"]) for m in data["danger_now"]) / len(data["danger_now"])
    false_alarms = sum(shows_110(m["text"]) for m in data["not_danger"]) / len(data["not_danger"])
    assert recall >= MIN_DANGER_RECALL
    assert false_alarms <= MAX_FALSE_ALARMS


async def test_danger_reaches_emergency_through_the_engine_deep_in_the_flow(tmp_path: Path) -> None:
    async with open_app(Settings(data_dir=tmp_path)) as app:
        key = ConversationKey("test", "deep", "u")
        await app.engine.handle(TextIn(key=key, lang_hint="de", text="/start"))
        for option in ("danger_no", "threat", "online_no", "extremist_no", "home_repeated_no"):
            await app.engine.handle(OptionChosen(key=key, lang_hint="de", option_id=option))
        state, _ = await app.engine.conversations.load(key)  # type: ignore[misc]
        assert state is not None and state.node == "municipality"
        out = await app.engine.handle(TextIn(key=key, lang_hint="de", text="Hilfe, er steht gerade vor meiner Tür mit einem Messer"))
        assert any(m.emergency for m in out)


def test_two_offences_in_one_message_merge_their_contacts(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    for option in ("danger_no", "insult", "online_no", "extremist_no", "home_repeated_no"):
        chat.option(option)
    alone = chat.text("Pirna")
    merged_state = chat.state.evolve(also=("physical_attack",), node="municipality")
    from handlers.result import compose  # noqa: PLC0415

    assert "weisser_ring" not in {c.id for c in compose(k, chat.state).cards}
    assert "weisser_ring" in {c.id for c in compose(k, merged_state).cards}
    assert alone  # the single-offence result was shown


def test_an_english_sentence_mid_conversation_switches_the_language(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    messages = chat.text("someone smashed the windows of my car last night")
    assert chat.state.lang == "en"
    assert "/sprache" in messages[0].text
    assert chat.state.category == "property_damage"


def test_a_short_reply_does_not_flip_the_language_back(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("some guys keep waiting outside my house after every council meeting")
    assert chat.state.lang == "en"
    chat.text("nah im good rn")
    assert chat.state.lang == "en"


def test_im_safe_at_the_emergency_advice_goes_on(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_yes")
    assert chat.state.node == "emergency"
    chat.text("nein, alles gut")
    assert chat.state.node not in ("emergency", "danger_now")


@pytest.mark.parametrize("typed", ["bin jetzt drin, tür zu", "ok im inside now door locked",
                                   "die polizei ist da", "they left, police are here", "jetzt is die polizei da",
                                   "bin oben im schlafzimmer tuer is zu",
                                   # the danger over, in a clerk's words (a blind tester)
                                   "Die Polizei hat den Mann mitgenommen, verletzt wurde niemand. "
                                   "Was müssen wir jetzt noch veranlassen?",
                                   "Polizei und Feuerwehr waren inzwischen da, das Pulver war harmlos.",
                                   "warum 110? das war gestern, ist nicht schlimm, nur pflaster"])
def test_saying_you_are_safe_in_own_words_leaves_the_emergency_advice(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("Hilfe, die stehen vor meinem Haus und hämmern an die Tür")
    assert chat.state.node == "emergency"
    chat.text(typed)
    assert chat.state.node not in ("emergency", "danger_now")


@pytest.mark.parametrize("typed", ["ich bin nicht sicher", "they are still there", "was soll ich tun",
                                   "die polizei ist noch nicht da"])
def test_anything_else_at_the_emergency_advice_repeats_it_without_not_understood(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    first = chat.text("Hilfe, die stehen vor meinem Haus und hämmern an die Tür")
    answer = chat.text(typed)
    assert chat.state.node == "emergency"
    assert "110" in all_text(answer) and k.texts.not_understood.de not in all_text(answer)
    # Not the same wall of text again: two lines with both numbers, the same cards and buttons.
    [again] = answer
    assert len(again.text) < len(first[-1].text) * 0.6 and "112" in again.text
    assert "„Ich bin in Sicherheit – weiter“" in again.text
    assert again.options == first[-1].options and again.contacts == first[-1].contacts and again.emergency


def test_the_emergency_advice_comes_first_and_the_offence_is_not_guessed_under_stress(k: Knowledge) -> None:
    chat = PureChat(k)
    first = chat.text("hilfe die stehen vor meinem haus in döbeln")
    assert first[0].emergency and first[0].text.lstrip().startswith(k.flow.questions["emergency"].text.de.split(":")[0])
    assert chat.state.category is None and chat.state.place_id is not None  # the place is kept
    chat.option("safe_continue")
    assert chat.state.node in ("category", "confirm_category")


@pytest.mark.parametrize("started", [False, True])
def test_an_english_emergency_gets_the_110_advice_before_the_language_note(k: Knowledge, started: bool) -> None:
    chat = PureChat(k, lang=None)
    if started:  # the terminal chat opens with the welcome; the message then comes as an answer
        chat.command("start")
    first = chat.text("theres like 4 guys outside my flat yelling my name and kicking the door")
    assert first[0].emergency and first[0].text.startswith("Call the police now: 110")
    assert any(m.text == k.flow.texts.language_switched.en for m in first[1:])


def test_a_sure_offence_in_an_emergency_is_confirmed_once_safe(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("er hat mich eben zusammengeschlagen und steht noch vor der tür")
    assert chat.state.node == "emergency" and chat.state.category is None
    chat.option("safe_continue")
    assert chat.state.node == "confirm_category"
    assert "physical_attack" in option_ids(chat.last.messages)[0]


def test_a_first_message_that_tells_the_story_gets_a_short_hello_with_110(k: Knowledge) -> None:
    told = PureChat(k).text("in pirna hat mich einer auf dem markt geschubst")
    assert told[0].text == k.texts.welcome_heard.de and "110" in told[0].text
    assert len(told[0].text) < len(k.texts.welcome.de) / 2
    greeted = PureChat(k).text("hallo")
    assert greeted[0].text == k.texts.welcome.de  # nothing told yet: the whole welcome


@pytest.mark.parametrize("typed", ["weiß ich nicht", "keine ahnung", "don't know"])
def test_not_knowing_the_town_goes_on_without_it(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("ich werde seit wochen auf facebook beleidigt")
    for answer in ("nein", "nein", "nein"):
        chat.text(answer)
    assert chat.state.node == "municipality"
    chat.text(typed)
    assert chat.state.node == "after_result"  # the contacts, not "Diesen Ort habe ich nicht gefunden"


def test_a_bare_yes_to_a_question_of_several_answers_says_how_to_pick(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("bei mir hat heute nacht einer die scheibe vom auto eingeschlagen")
    chat.text("nein")  # no danger now
    chat.text("nein")  # no extremist signs
    assert chat.state.node == "aspect_home_repeated"
    answer = chat.text("ja")
    assert k.texts.not_understood.de not in all_text(answer)
    assert answer[0].text == k.flow.texts.hint_which.de == "Was davon trifft zu? Tippen Sie auf eine Antwort."
    assert chat.state.node == "aspect_home_repeated"


@pytest.mark.parametrize("typed", ["weeß ni", "keine ahnung", "no idea"])
def test_not_knowing_at_the_menu_after_the_result_says_how_to_pick(k: Knowledge, typed: str) -> None:
    chat = PureChat(k)
    chat.text("Mir hat einer gedroht, ich wohne in Hartha")
    chat.option("danger_no")
    while chat.state.node != "after_result":
        chat.text("nein")
    answer = chat.text(typed)
    assert k.texts.not_understood.de not in all_text(answer)
    assert answer[0].text == k.flow.texts.hint_choice.de and chat.state.node == "after_result"


def test_a_yes_about_something_already_known_does_not_answer_another_question(k: Knowledge) -> None:
    chat = PureChat(k, lang="en")
    chat.text("The mayor of Radebeul has received several e-mails with death threats.")
    chat.option("danger_no")
    assert chat.state.node == "aspect_extremist" and "online" in chat.state.aspects
    answer = chat.text("Yes, by e-mail.")  # meant for the online question, already answered
    assert "extremist" not in chat.state.aspects and chat.state.node == "aspect_extremist"
    assert "online" in all_text(answer[:1])
    chat.text("Yes, with a swastika")  # naming the asked aspect answers it
    assert "extremist" in chat.state.aspects


def _at(k: Knowledge, node: str, first: str) -> PureChat:
    """A chat that told `first` and answered every question with no until `node`."""
    chat = PureChat(k)
    chat.text(first)
    for _ in range(8):
        if chat.state.node == node:
            return chat
        if chat.state.node == "confirm_category":
            chat.option(chat.last.messages[-1].options[0].id)
        else:
            chat.option(_no(chat))
    raise AssertionError(f"never reached {node}")


@pytest.mark.parametrize(("node", "reply"), [
    ("aspect_online", "nein, aufm markt"),
    ("aspect_extremist", "kann ich nich sagen, steht ja nix drauf"),
    ("danger_now", "No. I am in the office and my colleagues are around me."),
])
def test_what_follows_an_answer_is_no_emergency_by_the_model_alone(k: Knowledge, node: str, reply: str) -> None:
    chat = _at(k, node, "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert not any(m.emergency for m in said)
    assert chat.state.node != node, "the answer was taken"


def test_telling_the_emergency_again_brings_the_110_line_not_the_advice_again(k: Knowledge) -> None:
    chat = PureChat(k, lang=None)
    chat.text("please help man hit my wife in face in front our house he is still on street shouting")
    assert chat.state.node == "emergency"
    chat.option("safe_continue")
    chat.option("cat.other")  # "no, something else": the category question, in own words
    assert chat.state.node == "category"
    said = chat.text("he hit her with his hand in the face, she is crying and her nose is bleeding")
    assert said[0].emergency and "110" in said[0].text  # the 110 line first, nothing before it
    assert chat.state.node != "emergency" and chat.state.category == "physical_attack"  # the answer is taken


def test_a_yes_that_names_the_sign_asked_about_is_taken(k: Knowledge) -> None:
    chat = _at(k, "aspect_extremist", "auf insta schreibt mir ein fake account, ich überlebe die nächste sitzung nicht")
    chat.text("der acc hat so ne schwarze sonne im profilbild, also ja ziemlich sicher")
    assert "extremist" in chat.state.aspects and chat.state.node != "aspect_extremist"


@pytest.mark.parametrize("reply", [
    "stand nix von partei drin. aber die windrad gegner sind schon ziemlich ruppig",
    "Hierzu liegen uns keine Erkenntnisse vor. Der Anlass scheint persönlicher Natur zu sein.",
    "bin parteilos, kandidiere für die freie wählervereinigung, glaub eher nicht",
    "honestly it felt personal, he didn't say anything about parties",
])
def test_a_doubting_or_denying_reply_leans_to_no_and_says_so(k: Knowledge, reply: str) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = all_text(chat.text(reply))
    assert chat.state.node != "aspect_extremist" and "extremist" not in chat.state.aspects
    # what was taken, to undo with "zurück" (a whole sentence in English switches to English)
    assert "nicht verstanden" not in said and ("Nein oder weiß nicht" in said or "No or don't know" in said)
    assert chat.state.category == "threat", "a reply about the motive is not read as a new story"


def test_a_reply_naming_a_sign_is_a_yes_even_with_a_denial_in_it(k: Knowledge) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    chat.text("Unten drunter stand 'Sachsen bleibt deutsch', nicht unterschrieben")
    assert "extremist" in chat.state.aspects


@pytest.mark.parametrize("reply", ["phone", "per Brief", "face to face", "am Telefon, nicht im Netz"])
def test_naming_an_offline_channel_answers_the_online_question(k: Knowledge, reply: str) -> None:
    chat = _at(k, "aspect_online", "Ein Mann aus Riesa hat mir gedroht, er bringt mich um. Das war gestern.")
    chat.text(reply)
    assert chat.state.node != "aspect_online" and "online" not in chat.state.aspects


def test_not_knowing_how_to_say_it_at_the_category_question_still_tells_the_offence(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("Hallo")
    chat.option(_no(chat))
    assert chat.state.node == "category"
    chat.text("ich weiß nicht wie man das nennt, einer hat mir gestern auf dem Markt ins Gesicht geschlagen")
    assert chat.state.category == "physical_attack", "the offence told, not 'not sure' from 'ich weiß nicht'"


def test_a_reply_about_an_aspect_does_not_change_the_offence_confirmed(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("Hallo")
    chat.option(_no(chat))
    chat.option("unsure")  # "Unsicher oder etwas anderes", confirmed by the user
    assert chat.state.node == "aspect_online"
    chat.text("nein, aber ich habe letzte Woche mein Kandidatenprofil mit einem Foto vor meinem Haus gepostet")
    assert chat.state.category == "unsure" and chat.state.node != "aspect_online"


def test_a_long_yes_that_also_names_a_known_aspect_is_a_yes(k: Knowledge) -> None:
    chat = _at(k, "aspect_extremist", "auf telegram schreiben sie seit tagen, dass sie mich aufhängen")
    assert "online" in chat.state.aspects
    chat.text("ja natürlich, der Kanal kommt aus der rechten Ecke und postet sonst auch nur solches Zeug")
    assert "extremist" in chat.state.aspects and chat.state.node != "aspect_extremist"


def test_a_reply_to_the_danger_question_that_does_not_answer_it_keeps_it_asked(k: Knowledge) -> None:
    chat = PureChat(k, lang=None)
    chat.text("Two times this month a drone was flying over my garden for a long time in the evening, "
              "and yesterday a car stopped and a man took photos of my house and drove away.")
    assert chat.state.node == "danger_now"
    chat.text("the drone came twice, the car once")
    assert chat.state.node == "danger_now", "the danger question is answered first, not skipped to the offence"
    assert not chat.state.danger_checked


def test_an_emergency_told_in_a_reply_deep_in_the_flow_reaches_110(k: Knowledge) -> None:
    """The model, very sure, speaks on the rest of an answer too: "ja er ist jetzt noch da"."""
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("a man is standing in my kitchen. I don't know him")
    assert said[0].emergency and "110" in said[0].text


def test_where_it_happened_after_ja_at_the_question_of_four_answers_is_no_emergency(k: Knowledge) -> None:
    chat = _at(k, "aspect_home_repeated", "da hat einer an mein auto geschrieben du bist als naechster dran, heute frueh")
    said = chat.text("ja vor dem haus in der einfahrt")
    assert not any(m.emergency for m in said)
    assert "private_sphere" in chat.state.aspects


@pytest.mark.parametrize("reply", [
    "fire. my car. right outside. someone just ran off",  # "right" opens no answer here
    "112 or 110?? my wife is on the floor bleeding, the guy ran into the woods but might come back",
])
@pytest.mark.parametrize("node", ["aspect_online", "aspect_home_repeated"])
def test_an_emergency_that_a_later_word_seems_to_answer_still_reaches_110(k: Knowledge, reply: str, node: str) -> None:
    chat = _at(k, node, "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert said[0].emergency and "110" in said[0].text


def test_raus_in_an_emergency_is_no_slogan(k: Knowledge) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("komme nicht mehr raus die halten die tür zu")
    assert said[0].emergency and "extremist" not in chat.state.aspects


def test_please_send_someone_after_an_answer_is_an_emergency(k: Knowledge) -> None:
    chat = _at(k, "aspect_home_repeated", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("weiss nicht bitte schicken sie wen")
    assert said[0].emergency


@pytest.mark.parametrize("asked", ["was meinen Sie mit extremistisch?", "?", "wie ist das gemeint", "zählt das?"])
def test_asking_what_the_question_means_explains_it_and_asks_again(k: Knowledge, asked: str) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(asked)
    assert chat.state.node == "aspect_extremist" and "extremist" not in chat.state.aspects  # no yes from the word
    assert said[0].text == k.flow.questions["aspect_extremist"].explain.de
    assert "nicht verstanden" not in all_text(said)


def test_what_do_you_mean_in_english_and_at_the_danger_question(k: Knowledge) -> None:
    chat = PureChat(k, lang=None)
    chat.text("someone keeps posting my home address in a telegram group")
    assert chat.state.node == "danger_now" and chat.state.lang == "en"
    said = chat.text("what do you mean?")
    assert said[0].text == k.flow.questions["danger_now"].explain.en
    assert chat.state.node == "danger_now" and not any(m.emergency for m in said)


def test_not_knowing_at_the_danger_question_brings_110_even_when_it_tells_the_offence(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("Im Rathaus ist eben ein Brief für den Bürgermeister abgegeben worden. Wir sind unsicher.")
    assert chat.state.node == "danger_now"  # (a parcel from nobody would be a danger at once: the object's advice)
    said = chat.text("Wir wissen es nicht. Er hat gedroht, uns alle umzubringen, wir haben das Stockwerk geräumt.")
    assert said[0].emergency and said[0].text.startswith("Rufen Sie jetzt sofort die Polizei: 110")  # nothing before it


@pytest.mark.parametrize("reply", [
    "ja zuhause. da tritt einer gegen die haustür JETZT",  # the rest says now: the model at 0.6
    # a scene in a later clause, read on its own: the answer's "mehrfach" is no story
    "Ja, mehrfach. Aktuell hält sich eine vermummte Person auf unserem Grundstück auf",
    "ja das war online aber jetz steht der typ aus dem chat vor meiner tür",
    "ok so yes repeatedly and omg he's climbing the fence",
    # the second writer's replies: a one-word question is a cry, "brennts", a knife taken out
    "polizei?? der kommt über den zaun",
    "politisch? kp. einer hat ne flasche mit lappen drin gegen unser hoftor geworfen, da brennts",
    "idk bro da sind 4 typen vor meiner wg und einer hat n messer raus geholt",
])
def test_an_emergency_told_after_an_answer_word_reaches_110(k: Knowledge, reply: str) -> None:
    chat = _at(k, "aspect_home_repeated", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert said[0].emergency


def test_a_scene_after_an_answer_word_at_the_place_question_reaches_110(k: Knowledge) -> None:
    chat = _at(k, "municipality", "Mir hat einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("ja mehrmals. un jetz steht der wieder am hoftor mit ner taschenlampe")
    assert said[0].emergency


@pytest.mark.parametrize("reply", [
    "ich schreib aus der küche, alles ruhig, mein mann ist da",  # the whole says it is calm
    "Politisch eher nicht, es geht ihm um seine Grundstücksgebühren. Er ist verbittert.",  # no scene
    "nee also jetzt grad steht da keiner mehr, der ist vorhin weg",
    "he's not here now, but he parks across the street most evenings",  # a habit
    "Ja Facebook, in der Gruppe ‚Torgau aktuell‘ bzw unter meinem Post dort",  # a group's name
    "ja, der steht öfter vorm haus. gerade aber nicht, der kommt meistens abends",
    "bin grad mim hund draußen, meld mich gleich",
    "the police officer is still here taking my statement, the guys ran off before they arrived",
    # the third replies writer: figures of speech and company
    "mir brennt echt der kittel, seit wochen nur noch ärger mit den leuten vom stammtisch",
    "die schießen sich auf mich ein, im netz mein ich, seit der sache mit der unterkunft",
    "Mein Mann sitzt grad neben mir und sagt ich soll das hier melden.",
])
def test_a_later_clause_without_a_live_scene_is_no_emergency(k: Knowledge, reply: str) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert not any(m.emergency for m in said)


@pytest.mark.parametrize("reply", [
    "Nein. Ich bin bei meiner Schwester in Meißen, die Tür ist abgeschlossen, die Kinder schlafen.",
    "Ne, der Typ der mich verfolgt hat ist vor 10 min abgebogen, ich bin jetzt bei meiner Nachbarin drin",
    "Unterzeichnet ist es mit „Ehrliche Bürger Döbeln“. Ob dahinter eine politische Gruppe steht, ist mir nicht bekannt.",
])
def test_safe_elsewhere_or_wondering_who_is_behind_it_is_no_emergency_in_a_reply(reply: str) -> None:
    from bench.eval_danger_later import _alarmed

    assert not _alarmed(load(), "aspect_online", reply)


def test_the_development_replies_at_later_questions() -> None:
    """Dangers and others a blind writer typed as replies at the later questions
    (tests/data/dev/replies-danger.yaml): first read 86-88 % found; the levels of BENCHMARKS.md."""
    from bench.eval_danger_later import REPLIES, REPLIES_2, REPLIES_3, REPLIES_4, rates

    k = load()
    replies = yaml.safe_load(REPLIES.read_text(encoding="utf-8"))
    missed, alarms = rates(k, "aspect_online", replies["danger_now"], replies["not_danger_now"])
    assert 1 - len(missed) / len(replies["danger_now"]) >= 0.93  # measured 95 %
    assert alarms / len(replies["not_danger_now"]) <= 0.04  # measured 2.0 %
    # The second writer's replies, read first after the later-clause reading: 95 % / 4.7 %
    # (now 98 % / 3.3 %); the third's, read first after every change of the stop but the
    # last: 97 % / 10.7 % (now 98 % / 7.3 %); the fourth's, read first on the afternoon of
    # 4 December: 94 % / 4.7 % (now 99 % / 0.7 %).
    for path, found, alarmed in ((REPLIES_2, 0.95, 0.05), (REPLIES_3, 0.95, 0.09), (REPLIES_4, 0.96, 0.02)):
        replies = yaml.safe_load(path.read_text(encoding="utf-8"))
        missed, alarms = rates(k, "aspect_online", replies["danger_now"], replies["not_danger_now"])
        assert 1 - len(missed) / len(replies["danger_now"]) >= found
        assert alarms / len(replies["not_danger_now"]) <= alarmed


@pytest.mark.parametrize(("reply", "aspects"), [
    ("not my family, only me. he made one video before too but smaller", ("repeated",)),
    ("nee familie nich, aber das geht seit wochen so", ("repeated",)),  # "familie" denied: not taken in
    ("ja, meine frau. aber das erste mal", ("private_sphere",)),
    ("meine kinder waren dabei, und es war das dritte mal", ("private_sphere", "repeated")),
    # "no family" denied: home untouched, and what is left says the first time: once (stop 41)
    ("first time, and no family involved", ("once", "not_private")),
])
def test_each_part_of_the_two_aspect_question_is_read(k: Knowledge, reply: str, aspects: tuple[str, ...]) -> None:
    chat = _at(k, "aspect_home_repeated", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    chat.text(reply)
    assert chat.state.node == "after_result", "both parts answered: nothing asked again"
    assert set(chat.state.aspects) == set(aspects)


def test_a_no_to_one_part_and_nothing_of_the_other_is_a_no(k: Knowledge) -> None:
    chat = _at(k, "aspect_home_repeated", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    chat.text("hat er nischt von gesacht. den hab ich vorher noch nie gesehn")
    assert chat.state.node == "after_result", "the unsaid part is 'no or don't know', the button's words"
    assert not set(chat.state.aspects) & {"private_sphere", "repeated"}


def test_not_sure_picked_by_the_user_is_not_replaced_by_a_guess_from_an_answer(k: Knowledge) -> None:
    chat = PureChat(k, lang="en")
    # (No count in the message: "two times this week" would answer the repeated question itself.)
    chat.text("Hello, sorry if wrong place. I am in Werdau council. This week a man stand on the street "
              "and take photos of my house, when I come out he go away. Nothing else happen. I don't know if this is bad.")
    shown = chat.text("No, he is not here now")
    chat.option(next(o.id for m in shown for o in m.options if o.id == "cat.unsure"))  # "Not sure", or "Yes" to it
    asked_repeated = False
    for _ in range(5):
        if chat.state.node == "after_result":
            break
        asked_repeated |= "repeated" in chat.state.node
        chat.text("Two times, Monday and Thursday" if "repeated" in chat.state.node else "No")
    assert asked_repeated and chat.state.node == "after_result"
    assert chat.state.category == "unsure"
    # A later reply replaces the user's "not sure" only with an offence the model is sure of.
    heard = listening.hear(k, "he stands there every day and takes photos, that is stalking no?")
    guessed = replace(heard, categories=("coercion",), sure=())
    assert listening.absorb(chat.state, guessed, k)[0].category == "unsure"
    sure = replace(heard, categories=("stalking",), sure=("stalking",))
    assert listening.absorb(chat.state, sure, k)[0].category == "stalking"


def test_a_label_that_counted_only_beside_not_sure_is_offered_not_taken(k: Knowledge) -> None:
    """A clerk's formal letter ("er wisse, wo ich wohne ... Wie soll ich mich verhalten?") was
    once read unsure 0.42, prevention 0.23, and answered as prevention ("Gut, dass Sie
    vorsorgen"); "Something happened that I can't really place. Can I just describe it to
    someone?" was read unsure 0.67, insult 0.32, and answered "Understood: Insult". When the
    model's first reading is "no offence clear", the likeliest few are offered, the second
    however close (on the 1,344 untrained development messages: 4 fewer taken wrongly, 8 more
    with the right one on screen). The model's reading changes with its examples; the rule is
    held here on those readings themselves."""
    text = "ein Bürger hat am Schalter gesagt, er wisse, wo ich wohne. Wie soll ich mich verhalten?"
    read = k.understand(text)

    class OnceRead:
        def __getattr__(self, name: str) -> object:
            return getattr(k, name)

        def understand(self, _text: str) -> object:
            return as_once

    for ranking in ((CategoryScore("unsure", 0.42), CategoryScore("prevention", 0.23), CategoryScore("threat", 0.18)),
                    (CategoryScore("unsure", 0.67), CategoryScore("insult", 0.32), CategoryScore("prevention", 0.01))):
        as_once = replace(read, categories=ranking[:2], ranking=ranking)
        heard = listening.hear(OnceRead(), text)  # type: ignore[arg-type]
        assert heard.categories == () and heard.proposals == tuple(c.id for c in ranking if c.score >= listening.MIN_PROPOSAL)[:listening.MAX_PROPOSALS]


def test_an_offence_read_beside_nothing_happened_leads(k: Knowledge) -> None:
    text = ("For a few weeks now I've been getting letters in my mailbox, no stamp, saying things like "
            "„we know your routine“ and „accidents happen“. I'd just like some advice on what to do.")
    read = k.understand(text)
    both = (CategoryScore("prevention", 0.5), CategoryScore("threat", 0.4))

    class ReadAsBoth:
        def __getattr__(self, name: str) -> object:
            return getattr(k, name)

        def understand(self, _text: str) -> object:
            return replace(read, categories=both, ranking=both)

    assert listening.hear(ReadAsBoth(), text).categories == ("threat", "prevention")  # type: ignore[arg-type]


def test_once_safe_after_an_emergency_the_likeliest_offences_are_offered(k: Knowledge) -> None:
    chat = PureChat(k)
    first = chat.text("hilfe einer steht vor meiner tür und schreit er bringt mich um, bin bürgermeister in hartha")
    assert first[0].emergency
    offered = option_ids(chat.option("safe_continue"))
    assert 2 <= len(offered) <= 4 and {"cat.threat", "cat.stalking"} & set(offered), "a short choice, not every category"


def test_a_reply_that_is_only_another_place_replaces_the_place(k: Knowledge) -> None:
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("Grimma, Sachsen")
    assert chat.state.node == "aspect_extremist"
    assert chat.state.place_id == k.places.resolve("Grimma").places[0].id
    assert said[0].text.startswith("Verstanden: Grimma")  # no "Hallo", and it can be corrected
    chat.text("nein, aber der wohnt in Leipzig glaub ich")  # a place in a sentence is not the user's
    assert chat.state.place_id == k.places.resolve("Grimma").places[0].id


@pytest.mark.parametrize(("reply", "town"), [
    ("Muegeln, Stadtrat. Der Täter kommt aus Leipzig, aber er steht hier bei mir vor der Tür.", "Mügeln"),
    ("aue-bad schlema, stadtrat, ich werde gerade von einem mann verfolgt", "Aue-Bad Schlema"),
])
def test_an_emergency_typed_at_the_place_question_keeps_the_place(k: Knowledge, reply: str, town: str) -> None:
    chat = _at(k, "municipality", "Mir hat einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert said[0].emergency
    assert chat.state.place_id is not None and k.places.get(chat.state.place_id).name == town


@pytest.mark.parametrize(("reply", "town"), [
    # writers' replies in whole conversations had been read as cries by the model (stop 36)
    ("bad brambach, ganz unten im vogtland an der grenze", "Bad Brambach"),
    ("I am putting up in Copitz side, that is Pirna.", "Pirna"),
])
def test_a_town_told_with_how_to_find_it_is_no_emergency(k: Knowledge, reply: str, town: str) -> None:
    chat = _at(k, "municipality", "Mir hat einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text(reply)
    assert not any(m.emergency for m in said)
    assert chat.state.place_id is not None and k.places.get(chat.state.place_id).name == town


def test_a_yes_that_tells_another_aspect_asks_this_question_again(k: Knowledge) -> None:
    # a clerk at the extremist question (walked at stop 36): the yes is about the repetition
    chat = _at(k, "aspect_extremist", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    said = chat.text("Ja, er war bereits zweimal hier.")
    assert "repeated" in chat.state.aspects and "extremist" not in chat.state.aspects
    assert chat.state.node == "aspect_extremist" and said[0].text.startswith("Verstanden: wiederholt")


def test_not_knowing_exactly_but_naming_a_town_at_the_place_question_takes_it(k: Knowledge) -> None:
    chat = _at(k, "municipality", "Mir hat einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    chat.text("weiß nicht genau, irgendwo bei Döbeln")
    assert chat.state.place_id is not None and k.places.get(chat.state.place_id).name == "Döbeln"


@pytest.mark.parametrize("reply", ["Wir waren oben auf dem Kirchberg am Aussichtsturm, als mich einer erkannt hat.",
                                   "Meine Nachbarin, Frau Triebel, hat den Mann an meinem Auto beobachtet."])
def test_a_sentence_at_the_place_question_is_no_town_by_its_first_word(k: Knowledge, reply: str) -> None:
    chat = _at(k, "municipality", "Mir hat einer am Marktstand gesagt, er bringt mich um. Das war gestern.")
    chat.text(reply)
    assert chat.state.place_id is None  # not Waren (Müritz), not Meine


def test_a_first_incident_is_no_nothing_happened(k: Knowledge) -> None:
    # a clerk's reply to the proposal "Bedrohung?" (stop 31) had been taken as prevention
    heard = listening.hear(k, "es handelt sich um den ersten Vorfall dieser Art.")
    assert "prevention" not in heard.categories + heard.proposals
    assert "prevention" in listening.hear(k, "Es ist noch nichts passiert, ich möchte mich vorab beraten lassen.").categories


@pytest.mark.parametrize(("text", "where"), [
    ("ja vor dem haus in der einfahrt", True),
    ("at home, in the garden", True),
    ("vorm Rathaus", True),
    ("someone in the driveway", False),  # names someone
    ("ja vor dem haus steht einer", False),  # something happening
    ("ja", False),  # no place
    # stop 31: a shop, a market, dialect "uffm" ("nee im laden und uffm hof" had brought the 110 advice)
    ("im laden und uffm hof", True),
    ("at the market square", True),
    ("im laden steht einer mit messer", False),
])
def test_a_reply_that_only_says_where(text: str, where: bool) -> None:
    assert listening.only_where(text) is where


@pytest.mark.parametrize("reply", ["weis nich", "keine ahnung", "don't know"])
def test_not_knowing_which_category_fits_is_not_sure(k: Knowledge, reply: str) -> None:
    chat = at_a_choice_of_offences(k)
    chat.text(reply)
    assert chat.state.category == "unsure" and chat.state.node != "confirm_category"


def test_a_reply_about_aspects_does_not_change_the_confirmed_kind(k: Knowledge) -> None:
    """At "home or family? or before?" the reply is about those: a private address it
    denies ("not to his private address") does not make "not sure" doxxing."""
    chat = PureChat(k, lang="en")
    chat.text("Good morning. Our mayor has received a letter containing only a newspaper photo of him with his "
              "eyes cut out. There is no text. We are unsure whether this constitutes a criminal offence.")
    chat.text("No.")
    chat.option("cat.unsure")
    chat.text("We have no indication of that.")
    assert chat.state.node == "aspect_home_repeated"
    chat.text("The letter was sent to the town hall, not to his private address. This is the first such letter")
    assert chat.state.category == "unsure"
    assert "private_sphere" not in chat.state.aspects and chat.state.node == "municipality"


def test_not_online_is_said_in_plain_words(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    messages = chat.text("anonymer drohbrief im briefkasten, bin gemeinderat in lauta")
    assert "nicht im Internet" in all_text(messages) and "offline" not in all_text(messages)


@pytest.mark.parametrize(("text", "extremist"), [
    ("die haben das politisch motiviert gemacht glaub ich", True),
    ("it's politically motivated for sure", True),
    ("unterschrieben mit antifa", True),
    ("ein politisch motivierter Hintergrund ist nicht erkennbar", False),  # as offices deny it
    ("no political motive as far as we know", False),
])
def test_a_political_motive_said_as_such_is_the_extremist_aspect(k: Knowledge, text: str, extremist: bool) -> None:
    assert ("extremist" in k.understand(text).aspects) is extremist


@pytest.mark.parametrize(("lang", "first", "line"), [
    ("en", "someone keeps posting that im a traitor on the zittau fb group. my fam isnt involved tho",
     "home and family not affected"),
    ("de", "In Riesa hat mir einer am Marktstand gesagt, er bringt mich um. Meine Familie ist davon nicht betroffen.",
     "Zuhause und Familie nicht betroffen"),
])
def test_home_said_untouched_is_not_asked_again(k: Knowledge, lang: str, first: str, line: str) -> None:
    # stop 41: a denial in the first message answers the home question (one tap fewer)
    chat = PureChat(k, lang=lang)
    chat.command("start")
    messages = chat.text(first)
    assert line in messages[0].text and "not_private" in chat.state.aspects
    asked = []
    for _ in range(4):
        if chat.state.node in ("municipality", "after_result"):
            break
        asked.append(chat.state.node)
        chat.text("no" if lang == "en" else "nein")
    assert not {"aspect_private", "aspect_home_repeated"} & set(asked)


def test_at_home_said_with_the_no_to_the_danger_question_is_where_they_are(k: Knowledge) -> None:
    chat = _at(k, "danger_now", "Ich bekomme seit Montag Anrufe, ich soll aufpassen, sonst lieg ich im Graben.")
    chat.text("Nein, im Moment nicht, ich bin zu Hause.")
    assert "private_sphere" not in chat.state.aspects and "not_private" not in chat.state.aspects


def test_in_person_at_the_online_question_is_not_online(k: Knowledge) -> None:
    """A blind writer's mayor (CU): "they come to the office and to my wifes shop" answers the
    online question; it had been "not understood" twice."""
    chat = PureChat(k, lang="en")
    chat.command("start")
    chat.text("some people from the village want i stop the new kindergarten and they say if i dont resign they make my life hell")
    if chat.state.node == "danger_now":
        chat.text("no")
    assert chat.state.node == "aspect_online"
    said = all_text(chat.text("they come to the office and to my wifes shop"))
    assert "did not understand" not in said and chat.state.node != "aspect_online"
    assert "online" not in chat.state.aspects


def test_the_offence_already_known_named_again_is_said_back(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.text("Unser Bürgermeister erhält Schreiben, er solle sein Amt niederlegen, sonst werde man andere Saiten aufziehen.")
    if chat.state.node == "danger_now":
        chat.text("nein")
    node, category = chat.state.node, chat.state.category
    label = k.categories[category].label.de
    said = all_text(chat.text(label))
    assert f"Verstanden: {label}." in said and chat.state.node == node


def test_where_the_user_lives_corrects_a_town_taken_from_a_group_name(knowledge):
    """The town in a Facebook group's name had been kept as the user's: "ich wohn aber in
    zschepplin nich eilenburg" at the next question replaces it."""
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("in der facebookgruppe 'eilenburg und umgebung sagt nein' hat einer meine adresse reingestellt "
              "mit foto vom haus und drunter schreiben leute man sollte dem mal nen besuch abstatten")
    assert knowledge.places.get(chat.state.place_id).name == "Eilenburg"
    said = all_text(chat.text("nee im moment nich. ich wohn aber in zschepplin nich eilenburg"))
    assert knowledge.places.get(chat.state.place_id).name == "Zschepplin" and "Zschepplin" in said
    # where someone else lives names no place of the user's
    chat.text("der typ wohnt in döbeln glaub ich")
    assert knowledge.places.get(chat.state.place_id).name == "Zschepplin"


@pytest.mark.parametrize(("text", "danger"), [
    ("der laden is unten im haus, wir wohnen oben drueber", False),  # where the shop is, at the home question
    ("wir wohnen oben drüber", False),
    ("der typ ist unten im haus", True),
    ("der mann ist unten im haus, wir wohnen oben", True),
    ("unser laden ist unten, da steht gerade einer mit nem baseballschläger", True),
])
def test_where_a_shop_and_the_home_are_is_no_scene(knowledge, text, danger):
    """A mayor's shop in the house, told at the question about the home, had brought the 110
    advice ("der laden is unten im haus" read as someone in the house)."""
    assert listening.hear(knowledge, text, later_scene=True).danger is danger


@pytest.mark.parametrize("reply", [
    "ok called 110 they said a car is coming. im in lohmen btw, near pirna",  # help coming
    "wir sind in lohmen, was soll ich machen",  # neither safe nor an answer: the advice again
])
def test_the_town_told_at_the_emergency_advice_is_kept(k: Knowledge, reply: str) -> None:
    """Told while the 110 advice stands, the town had been asked for again once safe."""
    chat = PureChat(k, lang="en")
    chat.text("theres a guy outside my house rn banging on the door yelling my name")
    assert chat.state.node == "emergency"
    chat.text(reply)
    assert chat.state.node == "emergency"
    assert k.places.get(chat.state.place_id).name == "Lohmen"


def test_an_ambiguous_town_in_a_story_after_start_is_offered_once_the_danger_is_answered(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.text("Im kommenden Frühjahr findet in Auerbach die Bürgermeisterwahl statt. Es ist bisher nichts "
              "vorgefallen, aber unser Bürgermeister möchte sich vorsorglich schützen.")
    chat.text("Nein.")
    assert chat.state.node == "choose_place"
    assert {k.places.get(i).name for i in chat.state.pending["places"]} == {"Auerbach", "Auerbach/Vogtland"}


@pytest.mark.parametrize(("typed", "town"), [
    ("Auerbach im Vogtland natürlich.", "Auerbach/Vogtland"),
    ("Vogtland", "Auerbach/Vogtland"),
    ("die im erzgebirge", "Auerbach"),
])
def test_at_a_choice_of_places_a_region_picks_the_one_in_it(k: Knowledge, typed: str, town: str) -> None:
    from tests.test_triage import walk_to_place

    chat = PureChat(k)
    walk_to_place(chat, "threat")
    chat.text("auerbach")
    assert chat.state.node == "choose_place"
    chat.text(typed)
    assert k.places.get(chat.state.place_id).name == town


def test_danger_where_the_user_is_not_gets_who_calls_and_what_those_there_do(k: Knowledge) -> None:
    """The mayor in a council meeting, his wife at home with stones at the windows: the advice
    said "lock yourself in" to him and, asked who should call, only repeated itself."""
    elsewhere = k.flow.texts.danger_elsewhere.get("de")
    chat = PureChat(k)
    first = all_text(chat.text("mei fraa hat grad angerufn, do is aaner im gartn und schmeisst mit steen an de "
                               "fenster, ich bin noch in dr sitzung in stuetzengruen"))
    assert chat.state.node == "emergency" and first.index("110") < first.index(elsewhere)
    again = all_text(chat.text("soll ich 110 rufen oder mei frau? ich bin ja ni dort"))
    assert chat.state.node == "emergency" and elsewhere in again
    chat = PureChat(k)
    chat.text("Hilfe, die stehen vor meinem Haus und hämmern an die Tür")
    assert elsewhere not in all_text(chat.text("bin zu hause, was soll ich machen"))


@pytest.mark.parametrize("reply", ["meine tochter", "nee warte, eher sachbeschädigung + das schubsen. geht beides?"])
def test_a_fragment_or_a_named_act_at_a_later_question_is_no_cry(k: Knowledge, reply: str) -> None:
    """Two blind testers: "meine tochter" (model 0.64, no scene) and "das schubsen" (the act
    named as a noun) at later questions had brought the 110 advice."""
    assert not listening.hear(k, reply, later_scene=True).danger


def test_someone_followed_out_of_doors_is_told_not_to_go_home(k: Knowledge) -> None:
    """A candidate followed from her info stand, almost home (a blind tester): "lock the door"
    alone; now also not home (he would learn where), but where people are."""
    followed = k.flow.texts.followed_outside.get("de")
    chat = PureChat(k)
    said = all_text(chat.text("hilfe da läuft seit dem infostand einer hinter mir her, bin fast zuhause und will "
                              "nicht dass der weiß wo ich wohn"))
    assert chat.state.node == "emergency" and said.index("110") < said.index(followed)
    chat = PureChat(k)
    said = all_text(chat.text("er ist mir nach hause gefolgt und steht jetzt vor meiner tür"))
    assert chat.state.node == "emergency" and followed not in said  # at home: the door, not the street


@pytest.mark.parametrize(("lang", "text", "scene"), [
    ("de", "unser auto brennt in der einfahrt!!! mein mann ist noch drin im haus", "emergency_fire"),
    ("en", "someone set our car on fire in the driveway, my husband is still inside the house", "emergency_fire"),
    ("de", "in dem brief war weisses pulver, meine tochter hustet", "emergency_object"),
    ("en", "there was white powder in the letter and my son is coughing", "emergency_object"),
])
def test_a_fire_or_a_powder_letter_gets_its_own_advice_not_lock_the_door(k: Knowledge, lang: str, text: str,
                                                                         scene: str) -> None:
    """The general advice says "lock the door": wrong for a fire (112, everyone out) and a powder
    letter (not touched, room left) (a blind tester). Given again at a later reply too."""
    chat = PureChat(k, lang=lang)
    out = chat.text(text)
    advice = getattr(k.flow.texts, scene).get(lang)
    assert chat.state.node == "emergency" and advice in all_text(out)
    assert k.flow.texts.emergency_again.get(lang).split(".")[0] not in all_text(out)
    if scene == "emergency_fire":
        assert next(m for m in out if m.contacts).contacts[0].phone == "112"
    again = all_text(chat.text("die kinder sind oben soll ich zu denen hoch??" if lang == "de" else "what do i do"))
    assert advice in again and chat.state.node == "emergency"


@pytest.mark.parametrize("reply", [
    "hab 110 gewählt die kommen", "polizei und feuerwehr sind informiert, wir sind im garten",
    "ok called 110 theyre sending a car",
])
def test_help_called_at_a_fire_is_acknowledged_not_told_to_call_again(k: Knowledge, reply: str) -> None:
    chat = PureChat(k)
    chat.text("unser auto brennt in der einfahrt!!! mein mann ist noch drin im haus")
    said = all_text(chat.text(reply))
    assert k.flow.texts.help_coming.get("de") in said and "Rufen Sie sofort" not in said


def test_out_of_the_burning_house_with_the_fire_brigade_there_goes_on(k: Knowledge) -> None:
    chat = PureChat(k)
    chat.text("unser auto brennt in der einfahrt!!! mein mann ist noch drin im haus")
    chat.text("feuerwehr ist da, wir sind alle draußen")
    assert chat.state.node != "emergency" and chat.state.danger_checked


@pytest.mark.parametrize("who", ["meine tochter", "es geht um meinen Mann", "my wife and kids", "unsere Kinder"])
def test_naming_only_who_at_the_offence_question_takes_the_family_and_asks_what_happened(k: Knowledge, who: str) -> None:
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    out = all_text(chat.text(who))
    assert chat.state.category is None and chat.state.also == ()  # no offence guessed from who it is about
    assert "private_sphere" in chat.state.aspects
    assert chat.state.node == "category" and ("Was ist passiert?" in out or "What happened?" in out)


def test_smoke_told_at_the_advice_or_after_it_brings_the_fire_advice(k: Knowledge) -> None:
    """Locked in the archive while a mob throws stones, then smoke: "eingeschlossen" had been
    taken as safe and "RAUCH", "es brennt hilfe" got only the 110 line (a blind tester)."""
    fire = k.flow.texts.emergency_fire.get("de")
    chat = PureChat(k)
    chat.text("schnell draussen vorm gemeindeamt sin 15 leute mit fackeln und schmeissn steine an die scheibn "
              "ich bin drinne mit dr frau lange was soll ich machen")
    said = all_text(chat.text("hab angerufen die brauchen aber ne halbe stunde bis hier hoch wir sind hinten im "
                              "archiv eingeschlossn jetzt riechts nach rauch"))
    assert chat.state.node == "emergency" and fire in said
    chat = PureChat(k)
    chat.text("vorm haus stehen leute und brüllen")
    chat.option("safe_continue")
    assert chat.state.node != "emergency"
    said = all_text(chat.text("es brennt hilfe"))
    assert chat.state.node == "emergency" and fire in said


@pytest.mark.parametrize(("town", "fix", "meant"), [
    ("Grimma", "falscher ort!! das war bei meiner mutter in HAINICHEN nicht in grimma", "Hainichen"),
    ("Olbernhau", "ich bin aber ni aus olbernhau, ich bin aus deutschneudorf", "Deutschneudorf"),
    ("Freiberg", "nicht Freiberg, sondern Brand-Erbisdorf", "Brand-Erbisdorf"),
])
def test_a_place_corrected_in_words_below_the_result_is_taken(k: Knowledge, town: str, fix: str, meant: str) -> None:
    """Blind testers: "HAINICHEN nicht in grimma" kept Grimma; "ni aus olbernhau" took Olbernhau."""
    from tests.test_triage_replies import walk_to_place

    chat = PureChat(k)
    walk_to_place(chat, "threat")
    chat.text(town)
    chat.text(fix)
    assert k.places.get(chat.state.place_id).name == meant


def test_a_parcel_from_nobody_with_a_wire_is_a_danger_now_with_its_own_advice(k: Knowledge) -> None:
    """A clerk's plain words for a suspicious parcel (no "verdächtig") had only brought the
    danger question, twice (a blind tester)."""
    chat = PureChat(k)
    said = all_text(chat.text("In unserer Poststelle im Rathaus Freital wurde soeben ein an den Oberbürgermeister "
                              "adressiertes Päckchen ohne Absender abgegeben. Es riecht merkwürdig und aus einer Ecke "
                              "ragt ein Draht. Die Mitarbeiterin hat es auf den Tisch gelegt. Wie ist jetzt vorzugehen?"))
    assert chat.state.node == "emergency" and k.flow.texts.emergency_object.get("de") in said
    assert not k.understand("Letztes Jahr kam ein Päckchen ohne Absender, das war aber harmlos.").danger_now


@pytest.mark.parametrize(("lang", "first", "reply"), [
    ("en", "is it even worth reporting insta dms?? like ppl calling me a dumb idiot and 'volksverräter' lmao",
     "idk theyre just randos, like 20 accounts"),
])
def test_a_doubt_about_who_online_is_no_doubt_about_danger(k: Knowledge, lang: str, first: str, reply: str) -> None:
    """ "idk theyre just randos, like 20 accounts" at the danger question had brought the 110 advice."""
    chat = PureChat(k, lang=lang)
    chat.command("start")
    chat.text(first)
    chat.text(reply)
    assert chat.state.node == "danger_now" and not any(m.emergency for m in chat.last.messages)


def test_a_question_whether_comments_must_stay_for_the_police_is_no_scene(k: Knowledge) -> None:
    """ "kann die das loeschen oder muss das stehn bleiben fuer die polizei" had brought the 110
    advice ("stehn" read as someone standing there); now what to do with the evidence."""
    chat = PureChat(k)
    chat.command("start")
    chat.option("danger_no")
    chat.text("auf facebook schreibt einer der alte sack gehoert aufgehaengt")
    while chat.state.node not in ("municipality", "after_result"):
        chat.text("nein")
    chat.text("Deutschneudorf")
    said = all_text(chat.text("die frau lange macht ja die seite kann die das loeschen oder muss das stehn bleiben fuer die polizei"))
    assert chat.state.node == "after_result" and not any(m.emergency for m in chat.last.messages)
    assert k.flow.texts.asked_evidence.get("de") in said
    assert not k.understand("its from yesterday bro i dont need an ambulance lol").danger_now


@pytest.mark.parametrize(("lang", "claim"), [
    ("de", "Der Schriftzug kündigt an, das Haus anzuzünden. Handelt es sich damit nicht auch um eine Bedrohung?"),
    ("de", "Bitte ordnen Sie den Vorfall als Bedrohung ein."),
    ("en", "isnt letzte warnung a threat tho?? like its my HOME window"),
])
def test_an_offence_named_as_what_happened_below_the_result_joins(k: Knowledge, lang: str, claim: str) -> None:
    """Blind testers could not add the threat in words ("Danke, das gehört zu Ihrem Fall")."""
    from tests.test_triage_replies import walk_to_place

    chat = PureChat(k, lang=lang)
    walk_to_place(chat, "property_damage")
    chat.text("Meerane")
    chat.text(claim)
    assert "threat" in (chat.state.category, *chat.state.also)
    assert not listening.claimed_offences(k, "das ist keine Bedrohung")
    assert not listening.claimed_offences(k, "im not sure if this is a threat")


def test_a_threat_quoted_beside_damage_is_a_second_offence(k: Knowledge) -> None:
    text = ('Sehr geehrte Damen und Herren, in der Nacht zum 10.03.2026 wurde an die Garagenwand des Privathauses '
            'unseres Bürgermeisters in Meerane der Schriftzug "Wir zünden dein Haus an" gesprüht; zudem wurden an '
            'seinem Privat-Pkw zwei Reifen zerstochen. Die Familie ist wohlauf, es besteht derzeit keine Gefahr.')
    assert [c.id for c in k.understand(text).categories] == ["property_damage", "threat"]


@pytest.mark.parametrize(("lang", "first"), [
    ("de", "Ich bin nicht selber im Gemeinderat sondern mein Mann. Seit Wochen kommen Drohbriefe zu uns nach Hause."),
    ("de", "Unser Bürgermeister erhielt gestern einen Drohbrief, in dem ihm mit dem Tod gedroht wird."),
    ("en", "Hi, I'm writing on behalf of my mum, she's the mayor. A man grabbed her arm at the market and twisted it."),
])
def test_a_case_told_for_someone_else_is_answered_for_the_person_affected(k: Knowledge, lang: str, first: str) -> None:
    """A wife, a clerk, a son: "Es tut mir leid, dass Sie angegriffen wurden", "wegen Ihres Amts" spoke to
    the writer as the victim (blind testers)."""
    chat = PureChat(k, lang=lang)
    chat.text(first)
    assert chat.state.for_someone
    for _ in range(8):
        if chat.state.node == "after_result":
            break
        chat.text("Grimma" if chat.state.node == "municipality" else "ja" if chat.state.node == "confirm_category"
                  else "nein" if lang == "de" else "no")
    assert chat.state.node == "after_result", chat.state.node
    said = all_text(chat.history)
    assert k.texts.acknowledge_for_someone.get(lang) in said
    assert all(c.acknowledge.get(lang) not in said for c in k.categories.values())
    mine = PureChat(k)
    mine.text("ich bin Bürgermeisterin und werde seit Wochen mit Drohbriefen bedroht")
    assert not mine.state.for_someone


def test_someone_followed_keeps_the_advice_for_the_street_when_writing_again(k: Knowledge) -> None:
    """ "im walking home from the rathaus, hes like 50m behind me" had brought "lock yourself in"."""
    followed = k.flow.texts.followed_outside.get("en")
    chat = PureChat(k, lang="en")
    chat.text("someone is following me rn from the rathaus")
    said = all_text(chat.text("im walking home from the rathaus, hes like 50m behind me"))
    assert followed in said and "lock yourself in" not in said and chat.state.node == "emergency"


def test_home_and_family_are_heard_in_a_building_a_window_and_a_threat_that_knows_where(k: Knowledge) -> None:
    for text in ("hes outside my building rn", "someone threw a rock through my window",
                 "wir wissen wo du und deine freundin wohnt. bald ist schluss"):
        assert "private_sphere" in k.understand(text).aspects, text


@pytest.mark.parametrize("reply", [
    "gefahr ni", "nu gefahr ni aber die briefe machen mir sorgen", "is kein notfall ni", "jetzt grad is er ni da",
    "ich hab doch gesagt ni", "hab doch gesagt kein notfall", "I already said no",
])
def test_no_danger_said_in_dialect_or_again_is_a_no(k: Knowledge, reply: str) -> None:
    """An old mayor's "gefahr ni", "ich hab doch gesagt ni" had brought the danger question
    again and "Antworten Sie einfach mit Ja oder Nein" (a blind tester)."""
    chat = PureChat(k)
    chat.text("ich krieg drohbriefe, bin buergermeister in seiffen")
    chat.text(reply)
    assert chat.state.danger_checked and chat.state.node not in ("danger_now", "emergency")


def test_a_whole_sentence_in_the_other_language_switches_back(k: Knowledge) -> None:
    """An English emergency, then German: the bot had stayed in English, and "kannst du wieder
    deutsch? sorry war vorhin panisch. ..." was read as "repeated" (a blind tester)."""
    chat = PureChat(k, lang=None)
    chat.text("help theres a guy with a knife at my door he yells at me")
    assert chat.state.lang == "en"
    chat.text("ok polizei war da, sie haben ihn mitgenommen, jetzt ist alles ruhig hier bei uns")
    assert chat.state.lang == "de"
    chat.text("yes")  # a short reply in the other language does not flip it
    assert chat.state.lang == "de"
    asked = PureChat(k, lang=None)
    asked.text("someone keeps posting my home address in a telegram group")
    asked.text("kannst du wieder deutsch? sorry war vorhin panisch. und die anzeige hab ich schon")
    assert asked.state.lang == "de" and asked.state.lang_chosen
    formal = PureChat(k, lang=None)  # a clerk's request to switch back, in a formal sentence (stop 47)
    formal.text("hi, my mayor received a threatening letter at the town hall")
    assert formal.state.lang == "en"
    formal.text("Bitte stellen Sie wieder auf Deutsch um. Ist das möglich?")
    assert formal.state.lang == "de" and "repeated" not in formal.state.aspects


def test_a_fire_shouted_as_a_threat_at_the_door_gets_the_door_advice_and_the_police_town_is_not_the_users(k: Knowledge) -> None:
    """ "brüllt er zündet mir die bude an" is a threat at the door, not a fire to leave the house
    for; "die kommen aber von marienberg" is where the police come from (a blind tester's place)."""
    chat = PureChat(k)
    said = all_text(chat.text("hilfe da is enner an dr haustuer und haemmert dagegen un brüllt er zuendet mir die bude "
                              "an dr bürgermeester soll rauskommen meine frau is oben"))
    assert chat.state.node == "emergency" and k.flow.texts.emergency_fire.get("de") not in said
    chat.text("hab 110 angerufen die kommen aber von marienberg das dauert nu ders aber grad weggefahrn")
    assert chat.state.place_id is None


@pytest.mark.parametrize(("lang", "said"), [("en", "my gf is freaking out ngl"), ("de", "ich hab solche angst")])
def test_only_how_it_feels_is_met_with_a_calm_word_not_not_understood(k: Knowledge, lang: str, said: str) -> None:
    """ "my gf is freaking out ngl" had got "I did not understand that. Just answer yes or no"."""
    chat = PureChat(k, lang=lang)
    chat.command("start")
    out = all_text(chat.text(said))
    assert k.texts.small_talk["fear"].get(lang) in out and chat.state.node == "danger_now"
    assert not any(m.emergency for m in chat.last.messages)
    assert k.understand("ich hab angst er steht vor der tür").danger_now


def test_the_advices_screenshots_asked_back_are_no_sign_of_the_internet(k: Knowledge) -> None:
    """ "wieso screenshots, das war ein anruf am telefon" had made the case online (a blind tester)."""
    assert k.understand("wieso screenshots, das war ein anruf am telefon").aspects == ("offline",)
    assert "online" in k.understand("ich habe screenshots von den kommentaren").aspects


def test_the_officials_own_family_attacked_is_not_a_case_told_for_someone_else(k: Knowledge) -> None:
    """A councillor telling of his daughter insulted at school is the official himself (a blind
    tester had been answered as a bystander); "my wife says just ignore" is no home or family."""
    assert not listening.for_someone("my daughter was insulted at school because of my work in the council")
    assert not listening.for_someone("meine Tochter wurde bedroht")
    assert listening.for_someone("my husband is a councillor and got a death threat")
    assert "private_sphere" not in k.understand("a man yelled at me at the market, my wife says just ignore it").aspects


def test_round_two_testers_an_old_mayor_and_a_village_head(k: Knowledge) -> None:
    """Blind testers, second round: a parked official car is no one at the door; "im moment
    steht er nich da" is a no; "hab die polizei gerufen" is help called; "schönau bei ralbitz"
    is Ralbitz-Rosenthal (its village), not Schönau-Berzdorf 70 km away; "ICH bin das doch"
    takes back a case told for someone else; Chemnitz's one Revier known by name is no list
    shown to its neighbours."""
    from handlers.call_words import help_coming
    from handlers.police_card import police_cards

    assert not k.understand("alle vier reifen zerstochen heute nacht, dienstwagen steht vorm haus").danger_now
    assert k.understand("ein fremdes auto steht vor meinem haus und einer sitzt drin").danger_now
    assert all(help_coming(t) for t in ("hab die polizei gerufen", "110 is angerufen", "i called the cops"))
    chat = PureChat(k)
    chat.text("seit 3 wochen steht immer wieder so ein weisser transporter gegenüber von unserem haus, abends, und "
              "einer fotografiert. mein mann hat mal hingeklopft da is er weggefahren")
    chat.text("im moment steht er nich da")
    assert chat.state.danger_checked and chat.state.node != "emergency" and not chat.state.for_someone
    assert [p.name for p in k.places.find_in_text("schönau bei ralbitz").places] == ["Ralbitz-Rosenthal"]
    other = PureChat(k)
    other.text("mein Mann ist im Gemeinderat und bekommt Drohbriefe")
    assert other.state.for_someone
    other.text("wieso betroffene person? ICH bin das doch, das is mein haus")
    assert not other.state.for_someone
    zschopau = k.places.resolve("Zschopau").places[0]
    assert all(not c.name.startswith("Polizeireviere in") for c in police_cards(k, zschopau, "de"))


def test_a_danger_denied_in_the_first_message_is_confirmed_not_asked_as_if_unheard(k: Knowledge) -> None:
    """A clerk wrote "Eine akute Gefahr besteht nach unserer Einschätzung nicht." and was asked
    "Ist gerade jemand in Gefahr?" three times while answering other things (a blind tester):
    the question still comes (every path asks it), as a confirmation; a calm reply stands for
    the no; a danger told then is still one."""
    chat = PureChat(k)
    said = all_text(chat.text("Sehr geehrte Damen und Herren, unser Bürgermeister erhielt heute per Post ein Schreiben, "
                              "in dem ihm mit dem Tod gedroht wird. Eine akute Gefahr besteht nach unserer Einschätzung "
                              "nicht. Wir sitzen in Oschatz."))
    assert chat.state.node == "danger_now" and "Sie schreiben, dass gerade niemand in Gefahr ist" in said
    chat.text("Hinweise auf eine Gruppe liegen uns nicht vor.")
    assert chat.state.danger_checked and chat.state.node != "emergency"
    other = PureChat(k)
    other.text("Drohbrief bekommen, keine akute Gefahr, wir sind in Oschatz")
    other.text("oh doch, jetzt steht einer mit einem Messer vor der Tür")
    assert other.state.node == "emergency"


@pytest.mark.parametrize("first, reply", [
    ("they posted a pic of my mom's house on twitter", "caption 'mal sehen ob mutti auch so links ist'"),
    ("someone put stickers all over my front door yesterday, im in leipzig",
     "like 'wir wissen wo du wohnst' and a crosshair, wtf"),
])
def test_german_words_quoted_in_english_do_not_switch_the_language(k: Knowledge, first: str, reply: str) -> None:
    """A young councillor quoting the German stickers or caption had the bot switch to German
    (once during the 110 advice); the quoted words are the threat's language, not his."""
    chat = PureChat(k, lang="en")
    chat.text(first)
    assert chat.state.lang == "en"
    chat.text(reply)
    assert chat.state.lang == "en"
    assert k.flow.texts.language_switched.get("de") not in all_text(chat.last.messages)


@pytest.mark.parametrize("story, denial, gone, lang", [
    ("a guy came to my door after the council session and yelled at me and shoved me", "wait no attack, he didnt touch me",
     "physical_attack", "en"),
    ("someone posted a fake nude of me on x and wrote where i live", "wdym doxxing?? its not my address its a fake pic",
     "doxxing", "en"),
    ("einer hat mich am Markt beleidigt und bedroht", "keine Bedrohung, nur beleidigt", "threat", "de"),
])
def test_an_offence_said_not_to_be_is_dropped(k: Knowledge, story: str, denial: str, gone: str, lang: str) -> None:
    """"wait no attack, he didnt touch me" had been the answer "no" to the motive question, and
    the attack's advice (a doctor, §§ 223 ff.) stayed (a young councillor, stop 47)."""
    chat = PureChat(k, lang=lang)
    chat.text(story)
    if chat.state.node == "danger_now":
        chat.text("no" if lang == "en" else "nein")
    if chat.state.node == "confirm_category":
        chat.option(next(o for o in option_ids(chat.last.messages) if o.startswith("cat.") and o != "cat.other"))
    known = [chat.state.category, *chat.state.also]
    assert gone in known, f"the story was not read as {gone}: {known}"
    node = chat.state.node
    chat.text(denial)
    assert gone not in (chat.state.category, *chat.state.also)
    assert chat.state.node in (node, "category")


def test_a_question_whether_it_is_an_offence_denies_nothing(k: Knowledge) -> None:
    chat = PureChat(k, lang="en")
    chat.text("a guy at the market said he will find me and hurt me")
    if chat.state.node == "danger_now":
        chat.text("no")
    assert chat.state.category == "threat" or "threat" in chat.state.also
    chat.text("is it not a threat?")
    assert chat.state.category == "threat" or "threat" in chat.state.also


def test_someone_close_followed_out_of_doors_gets_where_people_are_not_lock_the_door(k: Knowledge) -> None:
    """A mother at home whose daughter was followed from the bus was told to lock herself in;
    "soll ich anrufen oder sie? ich bin doch ni dor" only repeated it (a blind tester, stop 47)."""
    told = k.flow.texts.followed_elsewhere.get("de")
    chat = PureChat(k)
    first = all_text(chat.text("mei tochter hat grad angerufen die is 14 die läuft vom bus heem und da sin zwee typen "
                               "hinter ihr her, mir wohn in wilthen, was mach ich denn nu"))
    assert chat.state.node == "emergency" and told in first
    assert told in all_text(chat.text("soll ich anrufen oder sie? ich bin doch ni dor"))
