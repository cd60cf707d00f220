"""Replies that tell more than the question asked: after the result, a question asked back
twice, a place told with where it lies."""

from __future__ import annotations

import pytest

from tests.helpers import PureChat, all_text, at_a_choice_of_offences, contact_ids, option_ids
from tests.test_triage import walk_to_place


def at_result(knowledge, lang: str = "de") -> PureChat:
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "prevention")
    chat.text("Görlitz")
    assert chat.state.node == knowledge.flow.after_result
    return chat


def at_extremist_question(knowledge) -> PureChat:
    """An English chat about an online threat, at the question about an extremist motive."""
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    chat.option("online_yes")
    assert chat.state.node == "aspect_extremist"
    return chat


def test_a_reply_after_the_result_shows_the_places_it_adds(knowledge):
    chat = at_result(knowledge)
    shown = contact_ids(chat.text("ja facebook, da wird dazu aufgerufen"))
    assert "online" in chat.state.aspects
    assert "onlinewache" in shown
    first = chat.last.messages[0]  # what happened after all: the offence first, "nothing happened" after it
    assert first.text.startswith("Verstanden: Hass und Hetze im Netz, im Internet.")
    assert chat.state.category == "online_hate" and chat.state.also == ("prevention",)
    assert knowledge.texts.result_update_header.get("de") in first.text
    assert "polizeirevier" not in shown  # what was shown before is not shown again
    assert chat.state.node == knowledge.flow.after_result
    assert chat.last.messages[-1].options  # and the menu again


def test_a_town_named_after_the_result_brings_its_police(knowledge):
    chat = PureChat(knowledge, lang="de")
    walk_to_place(chat, "threat")
    chat.text("weiß nicht")
    assert chat.state.node == knowledge.flow.after_result and chat.state.place_id is None
    messages = chat.text("ach so, das war in Rochlitz")
    assert "Rochlitz" in all_text(messages)
    assert any(card.name == "Polizeirevier Rochlitz" for m in messages for card in m.contacts)


def test_a_place_on_the_route_but_not_shown_is_shown_when_the_reply_brings_it_forward(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.text("Mir hat einer in Hartmannsdorf nach der Sitzung ins Gesicht gesagt, er schlägt mich tot.")
    assert "offline" in chat.state.aspects  # the online question is not asked
    while chat.state.node != knowledge.flow.after_result:
        ids = option_ids(chat.last.messages)  # no to each question; the Hartmannsdorf near Chemnitz
        chat.option(next(o for o in ids if o.endswith("_no") or o == "place.sn-09232-hartmannsdorf"))
    first_screen = contact_ids(chat.last.messages)
    assert "onlinewache" not in first_screen
    shown = contact_ids(chat.text("der hat auch noch auf facebook was geschrieben"))
    assert "onlinewache" in shown and "zastex" not in shown


def test_a_reply_after_the_result_that_adds_nothing_is_only_taken(knowledge):
    chat = at_result(knowledge)
    chat.text("ja facebook, da wird dazu aufgerufen")
    messages = chat.text("auch auf Facebook")
    assert contact_ids(messages) == []


@pytest.mark.parametrize(("lang", "reply"), [
    ("en", "yes same guy was at the town hall last week"),
    ("en", "same guy was at the town hall last week"),
    ("de", "ja, der war gestern schon wieder am rathaus"),
])
def test_more_about_the_case_after_the_result_is_taken_as_such(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "threat", aspect_answer="_yes")  # repeated, at home: known already
    chat.text("Görlitz")
    assert chat.state.node == knowledge.flow.after_result
    before = chat.state
    messages = chat.text(reply)
    assert messages[0].text == knowledge.flow.texts.told_more.get(lang)
    assert knowledge.texts.not_understood.get(lang) not in all_text(messages)
    assert knowledge.flow.texts.hint_which.get(lang) not in all_text(messages)
    assert chat.state.node == knowledge.flow.after_result and chat.state.category == before.category
    assert messages[-1].options  # the menu again


def test_a_question_after_the_result_is_not_taken_as_more_about_the_case(knowledge):
    chat = at_result(knowledge, "en")
    messages = chat.text("what does the weather say tomorrow?")
    assert knowledge.flow.texts.told_more.en not in all_text(messages)


@pytest.mark.parametrize(("lang", "first", "later", "added"), [
    ("de", "ich bin bürgermeister in hartha, seit wochen bekomme ich drohbriefe",
     "er hat mich letzte woche auch auf dem markt geschubst", "physical_attack"),
    ("en", "some guy keeps sending me threats on insta, im on the council in freital",
     "and last week he punched me in the face outside the town hall", "physical_attack"),
])
def test_another_offence_told_later_joins_the_first(knowledge, lang, first, later, added):
    chat = PureChat(knowledge, lang=lang)
    chat.text(first)
    while chat.state.node != knowledge.flow.after_result:
        chat.option(next(o for o in option_ids(chat.last.messages) if o.endswith("_no")))
    category = chat.state.category
    messages = chat.text(later)
    assert chat.state.category == category and added in chat.state.also
    assert knowledge.categories[added].label.get(lang) in messages[0].text  # "Verstanden: Körperlicher Angriff."
    chat.text("und er hat mich wieder geschubst" if lang == "de" else "and he punched me again")
    assert chat.state.also.count(added) == 1


def at_threat_result(knowledge, lang: str, town: str = "Döbeln") -> PureChat:
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "threat")
    chat.text(town)
    assert chat.state.node == knowledge.flow.after_result
    return chat


@pytest.mark.parametrize(("lang", "reply", "option"), [
    ("de", "gibt es noch andere stellen wo ich mich melden kann", "more_contacts"),
    ("en", "can u tell me more about the legal side", "more_law"),
    ("de", "Ich würde das gern hier dokumentieren.", "document_incident"),
    ("de", "hab noch e andre sache die hat nix mit dem zu tun", "new_request"),
    ("en", "I'd like to end the conversation here.", "finish"),
    ("de", "Könnten Sie die rechtlichen Aspekte bitte ausführlicher darstellen?", "more_law"),  # the topic, not "more"
    ("de", "weitere stelln bitte", "more_contacts"),  # a letter dropped; no scene (the model had read a cry)
])
def test_a_button_asked_for_in_a_sentence_does_what_the_button_does(knowledge, lang, reply, option):
    chat = at_threat_result(knowledge, lang)
    assert option in option_ids(chat.last.messages)
    pressed = PureChat(knowledge, lang=lang, state=chat.state)
    expected = pressed.option(option)
    typed = chat.text(reply)
    assert [m.text for m in typed] == [m.text for m in expected]
    assert (chat.state and chat.state.node) == (pressed.state and pressed.state.node)


def test_more_of_a_part_shown_in_full_says_so(knowledge):
    chat = at_threat_result(knowledge, "en")
    chat.option("more_law")
    assert "more_law" not in option_ids(chat.last.messages)
    messages = chat.text("can you tell me more about the legal side")
    assert messages[0].text == knowledge.flow.texts.nothing_more.en
    assert knowledge.texts.not_understood.en not in all_text(messages) and messages[-1].options


@pytest.mark.parametrize(("lang", "question", "card"), [
    ("de", "was isn zastex", "zastex"),
    ("en", "what even is the weisser ring lol", "weisser_ring"),
])
def test_a_question_about_a_place_to_turn_to_shows_its_card(knowledge, lang, question, card):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(question)
    assert messages[0].text == knowledge.flow.texts.asked_contact.get(lang)
    assert contact_ids(messages[:1]) == [card]
    assert chat.state.node == knowledge.flow.after_result and messages[-1].options


def test_a_question_about_the_police_station_shows_its_card(knowledge):
    chat = at_threat_result(knowledge, "de")
    messages = chat.text("is des revier in döbeln nachts ooch besetzt")
    assert [c.name for c in messages[0].contacts][:1] == ["Polizeirevier Döbeln"]


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "kann ich des ooch anonym anzeigen"),
    ("en", "wait can i report anonymously, dont want him knowing"),
])
def test_a_question_without_a_sourced_answer_says_so_and_where_to_ask(knowledge, lang, question):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(question)
    assert messages[0].text == knowledge.flow.texts.asked_open.get(lang)
    assert not any(m.emergency for m in messages) and messages[-1].options


@pytest.mark.parametrize(("lang", "reply", "town"), [
    ("de", "nee nich döbeln sondern leisnig", "Leisnig"),
    ("en", "wait it's actually leisnig not döbeln lol autocorrect", "Leisnig"),
    ("de", "ich sitz im stadtrat in leisnig btw", "Leisnig"),
])
def test_a_town_corrected_after_the_result_brings_its_police(knowledge, lang, reply, town):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(reply)
    assert knowledge.places.get(chat.state.place_id).name == town
    assert any(card.name == f"Polizeirevier {town}" for m in messages for card in m.contacts) \
        or town in all_text(messages)


def test_a_town_someone_else_lives_in_does_not_move_the_users(knowledge):
    chat = at_threat_result(knowledge, "de")
    place = chat.state.place_id
    chat.text("der typ wohnt in leisnig glaub ich")
    assert chat.state.place_id == place


def test_a_question_about_what_is_kept_gets_the_privacy_notice_and_the_question_again(knowledge):
    from handlers.state import ConversationKey

    chat = PureChat(knowledge, key=ConversationKey("telegram", "c1", "u1"))
    chat.text("Unser Ortsvorsteher in Lohmen wird seit Monaten in anonymen Briefen beleidigt.")
    node = chat.state.node
    messages = chat.text("Was geschieht mit unseren Angaben?")
    assert messages[0].text.startswith(knowledge.texts.privacy.de)
    assert knowledge.texts.privacy_channel.get("telegram").de in messages[0].text  # Telegram's caveat too
    assert chat.state.node == node and messages[-1].options


@pytest.mark.parametrize(("lang", "question", "text_name"), [
    ("de", "Muss ich diese Frage beantworten?", "no_need_to_answer"),
    ("en", "do i have to answer that", "no_need_to_answer"),
    ("de", "Kann man das auch anonym anzeigen?", "asked_during"),
    ("en", "wait how long does an investigation usually take", "asked_during"),
])
def test_a_question_during_the_questions_is_answered_not_misunderstood(knowledge, lang, question, text_name):
    chat = at_extremist_question(knowledge) if lang == "en" else PureChat(knowledge)
    if lang == "de":
        chat.text("Unser Ortsvorsteher in Lohmen wird seit Monaten in anonymen Briefen beleidigt.")
        chat.option("danger_no")
    node = chat.state.node
    messages = chat.text(question)
    assert messages[0].text == getattr(knowledge.flow.texts, text_name).get(lang)
    assert knowledge.texts.not_understood.get(lang) not in all_text(messages)
    assert not any(m.emergency for m in messages) and chat.state.node == node


def test_a_question_about_a_place_to_turn_to_during_the_questions_shows_its_card(knowledge):
    chat = at_extremist_question(knowledge)
    messages = chat.text("what even is zastex lol")
    assert messages[0].text == knowledge.flow.texts.asked_contact.en and contact_ids(messages[:1]) == ["zastex"]
    assert chat.state.node == "aspect_extremist"


def test_thanks_with_more_words_during_the_questions_is_thanked_back(knowledge):
    chat = at_extremist_question(knowledge)
    messages = chat.text("thx, thats all")
    assert messages[0].text == knowledge.texts.small_talk.get("thanks").en
    assert chat.state.node == "aspect_extremist"


def test_asking_back_twice_at_an_aspect_question_is_a_dont_know(knowledge):
    chat = at_extremist_question(knowledge)
    asked = "what counts as extremist tho? profile pic is some viking dude with a sword"
    explained = all_text(chat.text(asked))
    assert "swastikas" in explained and chat.state.node == "aspect_extremist"
    taken = all_text(chat.text(asked))
    assert chat.state.node != "aspect_extremist"
    assert "Understood: No or don't know." in taken
    assert "extremist" not in chat.state.aspects  # the word in the question is no motive
    assert not any(m.emergency for m in chat.last.messages)


@pytest.mark.parametrize(("lang", "asked"), [
    ("en", "my job counts as private right??"),
    ("de", "zählt mein laden als privat?"),
])
def test_whether_something_counts_as_home_is_explained_then_a_dont_know(knowledge, lang, asked):
    chat = PureChat(knowledge, lang=lang)
    chat.text({"de": "Seit der Sitzung schreibt mir eine Gruppe immer wieder, ich soll zurücktreten, sonst erfährt mein Chef alles.",
               "en": "since the council meeting a group keeps telling me to quit or they'll tell my boss everything"}[lang])
    while chat.state.node != "aspect_private":
        chat.option(next(o for o in option_ids(chat.last.messages) if o.endswith("_no")))
    explained = chat.text(asked)
    assert explained[0].text == knowledge.flow.questions["aspect_private"].explain.get(lang)
    chat.text(asked)  # asked again: taken as "don't know", correctable, not the same answer twice
    assert chat.state.node != "aspect_private" and "private_sphere" not in chat.state.aspects


def test_asking_back_twice_at_the_category_question_is_explained_again(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.option("danger_no")
    assert chat.state.node == "category"
    for _ in range(2):
        chat.text("what counts as extremist tho")
        assert chat.state.node == "category" and chat.state.category is None
        assert "extremist" not in chat.state.aspects


def test_asking_back_twice_at_the_danger_question_is_explained_again(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    for _ in range(2):
        messages = chat.text("Wieso, klingt das nach Gefahr?")
        assert chat.state.node == "danger_now"
        assert not any(m.emergency for m in messages)


@pytest.mark.parametrize(("lang", "reply", "place"), [
    ("en", "Taucha, just outside Leipzig", "Taucha"),
    ("de", "Döbeln, direkt vorm Rathaus aufm Obermarkt", "Döbeln"),
])
def test_a_place_told_with_where_it_lies_is_no_scene(knowledge, lang, reply, place):
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "threat")
    messages = chat.text(reply)
    assert not any(m.emergency for m in messages)
    assert knowledge.places.get(chat.state.place_id).name == place


def test_a_label_said_first_is_the_kind_even_in_a_sentence(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.text("da ist einer an meiner haustür und schreit er bringt mich um wenn ich den windpark durchziehe")
    chat.option("safe_continue")
    chat.option("cat.other")  # the proposal was not it
    assert chat.state.node == "category"
    chat.text("bedrohung. und er tritt gegen die tür")  # the model reads the whole as pressure
    assert chat.state.category == "threat"


def test_asking_whether_to_call_the_police_gets_the_110_line_first(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    messages = chat.text("es gab briefe vorher. soll ich jetzt 110 anrufen oder was")
    assert messages[0].emergency
    assert messages[0].text == knowledge.flow.texts.help_first.get("de")
    assert chat.state.node != "emergency"  # the line, not the whole advice; the question goes on


def test_asking_whether_to_call_the_police_alone_is_told_where_to_report_not_not_understood(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.option("danger_no")
    chat.option("property_damage")
    asked_at = chat.state.node
    messages = chat.text("soll ich die polizei rufen?")
    assert messages[0].text == knowledge.flow.texts.help_first.get("de")
    assert knowledge.texts.police_asked.get("de") in all_text(messages)
    assert "nicht verstanden" not in all_text(messages)
    assert chat.state.node == asked_at


@pytest.mark.parametrize("reply", [
    "Nein, ich bin zu Hause und die Tür ist abgeschlossen.",
    "Nein, im Moment nicht. Der Bürgermeister ist in einer Besprechung im Haus.",
    "No, he's in the office next to me.",
    "Nein, er sitzt gerade neben mir. Ich wohne aber in Leipzig und er ist sonst allein.",
])
def test_a_no_to_the_danger_question_is_believed_when_the_rest_says_where_people_are(knowledge, reply):
    chat = PureChat(knowledge, lang="de")
    chat.text("Der Anrufer sagte, der Bürgermeister solle aufpassen, wenn er abends zum Auto geht.")
    assert chat.state.node == knowledge.flow.start
    said = chat.text(reply)
    assert not any(m.emergency for m in said) and chat.state.node != knowledge.flow.emergency


def test_a_no_then_a_scene_with_a_hazard_still_brings_110(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.text("Der Anrufer sagte, der Bürgermeister solle aufpassen, wenn er abends zum Auto geht.")
    said = chat.text("nein, ich nicht. aber unser carport brennt gerade")
    assert any(m.emergency for m in said)


def _at_place(knowledge) -> PureChat:
    chat = PureChat(knowledge, lang="de")
    walk_to_place(chat, "threat")
    assert chat.state.node == "municipality"
    return chat


def test_a_landkreis_named_asks_for_its_municipality_and_twice_goes_on_without(knowledge):
    chat = _at_place(knowledge)
    [asked] = chat.text("landkreis goerlitz")
    assert "Im Landkreis Görlitz" in asked.text and "Ort nicht angeben" in asked.text
    assert chat.state.node == "municipality" and any(o.label == "Ort nicht angeben" for o in asked.options)
    chat.text("landkreis görlitz")
    assert chat.state.node == knowledge.flow.after_result and chat.state.place_id is None


def test_why_the_place_is_asked_is_explained_once_then_it_goes_on_without(knowledge):
    chat = _at_place(knowledge)
    first = chat.text("warum wolln se das wissen")
    assert "Polizeirevier" in first[0].text and chat.state.node == "municipality"
    chat.text("warum wolln se das wissen")
    assert chat.state.node == knowledge.flow.after_result and chat.state.place_id is None


@pytest.mark.parametrize(("typed", "name"), [
    ("0 9 4 5 6", "Annaberg-Buchholz, Mildenau (09456)"),
    ("Borna. South of Leipzig, for what it's worth.", "Borna"),
    ("Rabenau. Nein, Moment – in Rabenau wohne ich, das Rathaus ist in Freital. Es geht um Freital.", "Freital"),
])
def test_a_place_typed_with_spaces_located_or_corrected(knowledge, typed, name):
    chat = _at_place(knowledge)
    chat.text(typed)
    assert chat.state.place_id and knowledge.places.get(chat.state.place_id).name == name


@pytest.mark.parametrize(("typed", "repeated"), [("3", True), ("1", False)])
def test_a_number_at_the_question_whether_it_happened_before_is_a_count(knowledge, typed, repeated):
    chat = PureChat(knowledge, lang="de")
    chat.text("Kratzer quer übers Auto und alle 4 Reifen platt. Wahrscheinlich nur Kids lol. Soll ich das melden?")
    chat.text("nö")
    chat.text("🤷")  # "don't know" to the motive, as an emoji
    assert chat.state.node == "aspect_repeated"
    chat.text(typed)
    assert ("repeated" in chat.state.aspects) == repeated
    assert chat.state.node not in ("correct", "aspect_repeated")  # not the third button, "Etwas stimmt nicht"


def test_a_reply_that_tells_what_is_known_already_is_heard_not_misunderstood(knowledge):
    """"my mom lives there too" at "has it happened before?", the family known already: the
    line says what was heard and the question comes again, without "did not understand"."""
    chat = PureChat(knowledge, lang="en")
    chat.text("some guy doxxed me, posted my street and a pic of my front door with 'see u soon traitor', im in markkleeberg")
    chat.text("nah im at my gfs rn")
    chat.text("the channel is literally called 'patrioten sachsen' so yeah")
    assert chat.state.node == "aspect_repeated" and "private_sphere" in chat.state.aspects
    said = chat.text("my mom lives there too")
    assert said[0].text.startswith("Understood: home or family affected.")
    assert "did not understand" not in " ".join(m.text for m in said)
    assert chat.state.node == "aspect_repeated"


def test_a_leaning_yes_names_the_aspect_it_was_taken_for(knowledge):
    chat = at_extremist_question(knowledge)
    taken = all_text(chat.text("idk they wear thor steinar stuff if that counts"))
    assert "extremist" in chat.state.aspects
    assert "Understood: Yes, extremist or political motive." in taken


def test_yes_with_an_unrelated_rest_to_a_choice_of_offences_settles_none(knowledge):
    chat = at_a_choice_of_offences(knowledge)
    chat.text("ja meine frau hat ihn gefunden")
    assert chat.state.category is None and chat.state.node == "confirm_category"


def test_yes_that_only_says_who_lives_at_home_is_no_cry_and_no_answer_to_another_aspect(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("bin gemeinderat in oberwiesenthal. seit der abstimmung steht fast jeden abend ein auto "
              "mit laufendem motor gegenueber von meinem haus")
    chat.option("danger_no")
    while chat.state.node != "aspect_extremist":
        chat.option(option_ids(chat.last.messages)[1])
    messages = chat.text("ja meine frau und die enkel wohnen mit im haus")
    assert not any(m.emergency for m in messages)
    assert chat.state.node == "aspect_extremist" and "extremist" not in chat.state.aspects
    assert "Verstanden: Zuhause oder Familie betroffen." in all_text(messages)


def test_where_the_car_stands_at_the_home_question_is_no_cry(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("Mir hat einer nach der Sitzung gedroht, bin Bürgermeister in Bad Elster")
    chat.option("danger_no")
    for _ in range(4):
        if chat.state.node in ("aspect_private", "aspect_home_repeated"):
            break
        chat.option(option_ids(chat.last.messages)[1])
    assert chat.state.node in ("aspect_private", "aspect_home_repeated")
    messages = chat.text("J Auto steht zuhause im Hof")
    assert not any(m.emergency for m in messages)


def test_asking_why_with_nothing_wrong_said_is_a_no_to_the_danger_question(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("Wie schütze ich als neu gewählter Bürgermeister meine Familie, bevor ich im Amt bin?")
    assert chat.state.node == "danger_now"
    messages = chat.text("Warum fragen Sie, ob jemand in Gefahr ist? Ich habe doch geschrieben, dass nichts ist.")
    assert chat.state.node != "danger_now" and not any(m.emergency for m in messages)


def test_the_same_emergency_told_again_after_the_advice_gets_the_question_not_a_not_understood(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("We have received several threatening phone calls to the mayor of Markneukirchen.")
    chat.option("danger_no")
    node = chat.state.node
    told = "a man has just come into the front office and says he is the caller. He is very agitated."
    assert any(m.emergency for m in chat.text(told))
    chat.option("safe_continue")
    again = all_text(chat.text(told))
    assert "did not understand" not in again and chat.state.node == node


def test_no_he_is_gone_after_the_110_advice_does_not_reject_the_offence(knowledge):
    """Walked as a scared mayor: after "Ich bin in Sicherheit – weiter", "nein er ist weg" at
    "Ich verstehe das so: Bedrohung. Stimmt das?" answers whether he is still there; it had
    opened the menu of every kind and ended in "not sure"."""
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("hilfe da steht einer vorm haus und schreit er bringt mich um, bin in hartha")
    chat.option("safe_continue")
    assert chat.state.node == "confirm_category" and "cat.threat" in option_ids(chat.last.messages)
    chat.text("nein er ist weg")
    assert chat.state.node == "confirm_category" and "cat.threat" in option_ids(chat.last.messages)
    chat.text("ja")
    assert chat.state.category == "threat"
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("hilfe da steht einer vorm haus und schreit er bringt mich um, bin in hartha")
    chat.option("safe_continue")
    chat.text("nein, etwas anderes")  # a plain no still opens the other kinds
    assert chat.state.node != "confirm_category" or "cat.threat" not in option_ids(chat.last.messages)


@pytest.mark.parametrize("first, reply, lang", [
    ("einer hat mir nach der sitzung gesagt das ich mich in acht nehmen soll, in rochlitz",
     "nein, er hat mich eher verfolgt", "de"),
    ("einer hat mir nach der sitzung gesagt das ich mich in acht nehmen soll, in rochlitz",
     "nee eher verfolgt", "de"),
])
def test_no_naming_another_offence_takes_it(knowledge, first, reply, lang):
    """"nein, er hat mich eher verfolgt" at "Ich verstehe das so: Unsicher …. Stimmt das?"
    says which offence instead: taken, rather than the menu of every kind."""
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text(first)
    chat.text("nein")
    assert chat.state.node == "confirm_category" and "cat.stalking" not in option_ids(chat.last.messages)
    chat.text(reply)
    assert chat.state.category == "stalking" and chat.state.node != "confirm_category"
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text(first)
    chat.text("nein")
    chat.text("nein")  # a plain no still opens the other kinds
    assert chat.state.category is None and "stalking" in option_ids(chat.last.messages)


SCENE = "n abend, bin ortsvorsteher in pobershau. do steht seit ner halben stund a auto mit zwee mannsbilder vorm haus"


def test_not_called_yet_after_the_advice_brings_the_110_line_and_is_no_answer(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(SCENE)
    assert chat.state.node == "emergency"
    chat.option("safe_continue")
    asked_at, category = chat.state.node, chat.state.category
    messages = chat.text("nee hab noch net angerufen")  # its "nee" is not a no to the question on screen
    assert messages[0].emergency and messages[0].text == knowledge.flow.texts.help_first.get("de")
    assert (chat.state.node, chat.state.category) == (asked_at, category)


@pytest.mark.parametrize("lang, reply", [("de", "hab grad angerufen, die kommen"),
                                         ("en", "ok called them, they're on their way"),
                                         ("de", "sms nachbar, er ruft 110"),  # a blind tester who could not speak
                                         ("en", "my neighbour is calling the police")])
def test_help_on_its_way_at_the_advice_is_acknowledged_not_told_to_call(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    chat.text(SCENE if lang == "de" else "two guys in a car outside my house shining a torch into my living room, leipzig")
    assert chat.state.node == "emergency"
    [message] = chat.text(reply)
    assert message.text == knowledge.flow.texts.help_coming.get(lang)
    assert "safe_continue" in [o.id for o in message.options]  # the way on, when safe
    assert chat.state.node == "emergency"


@pytest.mark.parametrize("reply", ["hab 110 angerufen, sie kommen. die männer sind noch da, einer hat flasche. tür ist zu. was noch?",
                                   "hab eins eins null angerufen der ist jetzt am küchenfenster was mach ich solange",
                                   "police are coming, door is locked but they're still outside"])
def test_help_on_its_way_behind_a_locked_door_while_they_are_still_there_stays_at_the_advice(knowledge, reply):
    """A blind tester alone in her shop, five men outside: "tür ist zu" had counted as safe
    and the offence was asked while they were still there; a window smashed next got only
    the conditional 110 line."""
    lang = "en" if reply.startswith("police") else "de"
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    chat.text("hilfe da stehen 5 männer vor meine laden die schreien und klopfen an fenster, ich bin drinne allein")
    assert chat.state.node == "emergency"
    messages = chat.text(reply)
    assert lang == "en" or messages[0].text.startswith(knowledge.flow.texts.help_coming.get(lang))
    assert chat.state.node == "emergency" and "safe_continue" in option_ids(messages)
    chat.text("die polizei ist jetzt da, alle weg")
    assert chat.state.node != "emergency"


def test_the_attackers_coming_back_is_no_help_on_its_way(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(SCENE)
    [message] = chat.text("die kommen wieder zur tür")
    assert message.text != knowledge.flow.texts.help_coming.get("de")


@pytest.mark.parametrize("reply", ["polizei is jetzt da", "die polizei ist jetzt hier", "they left"])
def test_how_it_stands_now_after_the_advice_sets_no_offence(knowledge, reply):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(SCENE)
    chat.option("safe_continue")
    asked_at, category = chat.state.node, chat.state.category
    chat.text(reply)  # the model alone read "die polizei ist jetzt hier" as property damage
    assert (chat.state.node, chat.state.category) == (asked_at, category)


@pytest.mark.parametrize("reply", ["Nein, erstmalig.", "nein, erstmals"])
def test_a_first_time_said_formally_after_a_no_is_not_asked_again(knowledge, reply):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text("Im Auftrag des Bürgermeisters der Stadt Oederan teile ich mit, dass heute ein Schreiben "
              "eingegangen ist, in welchem man droht, die Sache selbst in die Hand zu nehmen.")
    chat.text("Nein, es besteht keine akute Gefahr.")
    assert chat.state.node == "aspect_extremist"
    messages = chat.text(reply)  # the no answers the motive, "erstmalig" whether it happened before
    assert "mehrmals" not in all_text(messages)


def test_help_on_its_way_inside_an_answer_keeps_the_answer(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(SCENE)
    chat.option("safe_continue")
    chat.text("ja")
    asked_at = chat.state.node
    messages = chat.text("hier zuhause noch nie. hab 110 angerufen, die kommen")
    assert messages[0].text == knowledge.flow.texts.help_coming.get("de")
    assert chat.state.node != asked_at  # the answer in it was taken, not swallowed
    assert knowledge.flow.texts.help_first.get("de") not in all_text(messages)  # no "call 110" beside it


@pytest.mark.parametrize("reply", [
    "noch nicht, aber einer hat gerufen „wir wissen wo dein mann arbeitet“",  # someone shouted, no call missed
    "weiß ich nicht. er hat gerufen mein mann soll sich um seinen eigenen dreck kümmern",
    "er hat mich nicht angerufen",
])
def test_shouting_or_someone_elses_call_is_no_call_missed(reply):
    from handlers.call_words import not_called
    assert not not_called(reply)


def test_a_place_at_the_place_question_after_the_advice_is_taken(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text("do steht seit ner halben stund a auto mit zwee mannsbilder vorm haus")
    chat.option("safe_continue")
    chat.text("ja")
    chat.text("nein")
    assert chat.state.node == "municipality"
    chat.text("plauen, bin grad am oberen bahnhof vorbei")  # "vorbei" is no "it's over" here
    assert chat.state.place_id is not None


def test_not_called_yet_at_the_advice_is_no_no(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("a man followed her car from the council session and is sitting in his car at the next pump now")
    assert chat.state.node == "emergency"
    [message] = chat.text("no, she has not called the police yet")  # its "no" is not "safe, go on"
    assert chat.state.node == "emergency" and "110" in message.text


def test_police_there_after_an_ok_sets_no_offence(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("a man followed her car from the council session and is sitting in his car at the next pump now")
    chat.option("safe_continue")
    asked_at, category = chat.state.node, chat.state.category
    chat.text("ok the police are there now")  # had become "property damage and prevention"
    assert (chat.state.node, chat.state.category) == (asked_at, category)


@pytest.mark.parametrize("reply", ["ok im in the bathroom, locked", "i locked myself in the bedroom"])
def test_locked_in_a_room_at_the_advice_goes_on(knowledge, reply):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("theres a guy in the stairwell of my building kicking my door and yelling that i wont see tomorrow")
    assert chat.state.node == "emergency"
    chat.text(reply)
    assert chat.state.node != "emergency"


@pytest.mark.parametrize("reply", ["Jetzt ist er weg. Kommt aber wieder, wetten?",
                                   "Jetzt gerade nicht, er kommt meist so gegen acht."])
def test_gone_now_or_not_right_now_answers_the_danger_question(knowledge, reply: str) -> None:
    """"Jetzt ist er weg" (the verb before its subject) and "jetzt gerade nicht, ..." are a
    no to "is anyone in danger right now?"; they had been "not understood"."""
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("Seit Wochen steht abends einer vor meinem Haus und guckt rein.")
    assert chat.state.node == knowledge.flow.start
    said = all_text(chat.text(reply))
    assert chat.state.danger_checked and chat.state.node != knowledge.flow.start
    assert "nicht verstanden" not in said and "110" not in said


def at_incident_where(knowledge) -> PureChat:
    chat = at_threat_result(knowledge, "de")
    chat.option("document_incident")
    chat.option("yes")
    chat.text("ich selbst")
    chat.text("gestern abend")
    assert (chat.state.flow, chat.state.node) == ("incident", "where")
    return chat


def test_where_it_happened_in_the_record_is_no_cry(knowledge):
    chat = at_incident_where(knowledge)
    messages = chat.text("vor meinem haus in der bahnhofstraße")
    assert not any(m.emergency for m in messages) and chat.state.node == "what"


def test_a_scene_now_typed_in_the_record_still_gets_110_first(knowledge):
    chat = at_incident_where(knowledge)
    messages = chat.text("er steht jetzt gerade wieder vor meinem haus")
    assert messages[0].emergency and chat.state.node == "what"  # and what was typed is kept


def test_asking_to_see_a_number_again_below_the_result_is_no_privacy_question(knowledge):
    chat = at_threat_result(knowledge, "en")
    messages = chat.text("can you show me the police station number, i cant see it")
    assert not messages[0].text.startswith(knowledge.texts.privacy.en)
    assert [c.name for c in messages[0].contacts][:1] == ["Polizeirevier Döbeln"]


@pytest.mark.parametrize(("lang", "reply"), [
    ("en", "can you show me the number again"),
    ("en", "what was the number of the police again"),
    ("de", "wie war nochmal die nummer"),
    ("de", "zeig mir bitte nochmal die nummern"),
])
def test_the_numbers_asked_for_again_are_shown_again_and_are_no_repeated_offence(knowledge, lang, reply):
    chat = at_threat_result(knowledge, lang)
    shown = [c.phone for m in chat.last.messages for c in m.contacts]
    messages = chat.text(reply)
    assert not any(m.emergency for m in messages) and "repeated" not in chat.state.aspects
    phones = [c.phone for m in messages for c in m.contacts]
    assert phones and phones[0] == shown[0]  # the police station's number first, as in the answer
    assert knowledge.texts.not_understood.get(lang) not in all_text(messages)
    cards = next(m for m in messages if m.contacts)  # one place or several, said as such
    header = knowledge.flow.texts.asked_contact if len(cards.contacts) == 1 else knowledge.flow.texts.asked_contacts
    assert cards.text.startswith(header.get(lang))


@pytest.mark.parametrize(("lang", "reply"), [
    ("en", "are there other people i can call. the police here is no help"),
    ("de", "die polizei hier war keine große hilfe, gibts noch andere stellen"),
    ("en", "contacts again pls"),
])
def test_asking_for_other_help_below_the_result_is_no_cry_for_help(knowledge, lang, reply):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(reply)
    assert not any(m.emergency for m in messages)
    assert chat.state.node == knowledge.flow.after_result and messages[-1].options


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "wie is die nummer von der polizei"),
    ("en", "whats the number for the police"),
])
def test_the_numbers_asked_for_during_the_questions_come_after_them(knowledge, lang, question):
    chat = PureChat(knowledge, lang=lang)
    chat.text("jemand hat mir nen drohbrief geschickt" if lang == "de" else "someone sent me a threatening letter")
    node, category = chat.state.node, chat.state.category
    messages = chat.text(question)
    assert messages[0].text == knowledge.flow.texts.numbers_soon.get(lang)
    assert chat.state.node == node and chat.state.category == category  # no "phone number posted"
    assert not any(m.emergency for m in messages)


def test_a_number_of_ones_own_that_was_posted_is_no_wish_for_numbers(knowledge):
    from handlers.result import asks_for_numbers

    assert not asks_for_numbers("jemand hat meine handynummer veröffentlicht, was soll ich tun?")
    assert not asks_for_numbers("my phone number got posted in a group")
    assert asks_for_numbers("Können Sie mir die Telefonnummer geben?")


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "wen soll ich jetzt anrufen"),
    ("de", "An welche Stelle wende ich mich zuerst?"),
    ("en", "ok so who do i call first"),
])
def test_asked_whom_to_call_below_the_result_the_first_number_comes(knowledge, lang, question):
    chat = at_threat_result(knowledge, lang)
    first = next(c for m in chat.last.messages for c in m.contacts if c.phone)
    messages = chat.text(question)
    assert messages[0].text == knowledge.flow.texts.call_first.get(lang)
    assert [c.phone for c in messages[0].contacts] == [first.phone]
    assert chat.state.node == knowledge.flow.after_result and messages[-1].options


def test_asked_whom_to_call_during_the_questions_the_numbers_are_promised(knowledge):
    chat = at_extremist_question(knowledge)
    messages = chat.text("ok so who do i call first")
    assert messages[0].text == knowledge.flow.texts.numbers_soon.en
    assert chat.state.node == "aspect_extremist"


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "ist die polizei in döbeln auch am wochenende da"),
    ("en", "is the police station open on weekends"),
])
def test_a_question_about_the_police_adds_no_offence(knowledge, lang, question):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(question)
    assert chat.state.also == () and chat.state.category == "threat"
    assert any(c.id == knowledge.catalogue.police_contact for m in messages for c in m.contacts)


def test_an_offence_told_inside_a_question_still_joins(knowledge):
    chat = at_threat_result(knowledge, "de")
    chat.text("er hat mich gestern auch geschubst, was mach ich da?")
    assert "physical_attack" in chat.state.also


@pytest.mark.parametrize(("lang", "question", "offence", "law"), [
    ("de", "er hat mich gestern auch geschubst, ist das strafbar?", "physical_attack", "§§ 223"),
    # the question pulls the fit of the offence told beside it down (3.1 alone, 0.46 with it)
    ("en", "he also keyed my car yesterday, is that a crime?", "property_damage", "§ 303"),
])
def test_an_offence_told_with_a_question_about_the_law_joins_with_its_law(knowledge, lang, question, offence, law):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(question)
    assert offence in chat.state.also
    law_at = next(i for i, m in enumerate(messages) if law in m.text)
    assert law_at < next(i for i, m in enumerate(messages) if m.options)  # before the menu
    assert "§ 241" not in all_text(messages)  # not the threat's law again


@pytest.mark.parametrize(("lang", "question"), [
    ("de", "kommen die dann zu mir raus oder muss ich aufs revier"),
    ("en", "will they come to my place or do i go to them?"),
])
def test_asked_whether_the_police_come_the_police_card_comes(knowledge, lang, question):
    chat = at_threat_result(knowledge, lang)
    place, aspects = chat.state.place_id, chat.state.aspects
    messages = chat.text(question)
    assert any(c.id == knowledge.catalogue.police_contact for m in messages for c in m.contacts)
    assert (chat.state.place_id, chat.state.aspects) == (place, aspects)  # no "home" from "zu mir"
    assert not any(m.emergency for m in messages)


@pytest.mark.parametrize("reply", [
    "thx again, i'll call the police now and report it",
    "Kommt die Polizei zur Aufnahme auch ins Rathaus, oder müssen wir vorbeikommen?",
    "wer ist da eig zuständig für sowas, lka oder polizei vor ort?",
])
def test_calling_to_report_and_asking_who_is_in_charge_are_no_cries(knowledge, reply):
    lang = "en" if reply.startswith("thx") else "de"
    chat = at_threat_result(knowledge, lang)
    assert not any(m.emergency for m in chat.text(reply))


def test_no_emergency_said_with_the_question_whether_to_call_gets_no_110_line(knowledge):
    chat = at_threat_result(knowledge, "en")
    messages = chat.text("There is no emergency at the moment, we simply want to report it. Should we call 110 for that?")
    assert not any(m.emergency for m in messages)
    assert knowledge.texts.police_asked_below.en in all_text(messages)


def test_a_town_with_a_question_at_the_place_question_is_the_town(knowledge):
    chat = at_extremist_question(knowledge)
    while chat.state.node != "municipality":
        chat.option(next(o for o in option_ids(chat.last.messages) if o.endswith("_no")))
    chat.text("naunhof, eigentlich will ich nach hause nach brandis aber ich trau mich nicht heim")
    assert chat.state.node == knowledge.flow.after_result


def test_an_answer_with_whom_to_call_is_taken_and_the_numbers_promised(knowledge):
    chat = at_extremist_question(knowledge)
    messages = chat.text("dont know. who do i call")
    assert chat.state.node != "aspect_extremist"
    assert messages[0].text == knowledge.flow.texts.numbers_soon.en


@pytest.mark.parametrize(("lang", "reply"), [
    ("de", "ich ruf morgen bei der polizei an"),
    ("en", "if he shows up again i'll call 110 right away"),
    ("de", "Im Notfall wählen wir selbstverständlich 110."),
])
def test_a_plan_to_call_or_report_is_acknowledged_and_no_repeated_offence(knowledge, lang, reply):
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(reply)
    assert messages[0].text == knowledge.flow.texts.noted.get(lang)
    assert "repeated" not in chat.state.aspects and not any(m.emergency for m in messages)


def test_an_again_feared_or_supposed_is_no_repeated_offence():
    from knowledge.extract import aspects
    from knowledge.features import fold

    assert not aspects(fold("ich hab angst dass das wieder passiert")).repeated
    assert not aspects(fold("now i know who to call if it happens again")).repeated
    assert aspects(fold("er war gestern schon wieder da")).repeated


@pytest.mark.parametrize("reply", [
    "is 110 the right number for this or is that only for emergencys",
    "kein notfall, aber soll ich 110 anrufen?",
])
def test_whether_to_call_110_when_it_is_no_emergency_is_told_where_to_report(knowledge, reply):
    lang = "en" if reply.startswith("is") else "de"
    chat = at_threat_result(knowledge, lang)
    messages = chat.text(reply)
    assert not any(m.emergency for m in messages)
    assert messages[0].text == knowledge.texts.police_asked_below.get(lang)


def test_living_where_it_happened_answers_the_home_question(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.text("Hat mich einer angerufen, wenn ich nochmal für die Unterkunft stimme, brennt meine Tankstelle.")
    while chat.state.node != "aspect_home_repeated":
        chat.option(next(o for o in option_ids(chat.last.messages) if o.endswith("_no")))
    chat.text("Die Tanke ist mein Geschäft, ich wohn oben drüber. Also wahrscheinlich ja.")
    assert "private_sphere" in chat.state.aspects


@pytest.mark.parametrize(("lang", "question"), [("de", "was soll ich als erstes tun"), ("en", "so what do i do first")])
def test_what_to_do_first_when_all_advice_is_shown_gets_the_first_call(knowledge, lang, question):
    chat = at_threat_result(knowledge, lang)
    assert "more_advice" not in option_ids(chat.last.messages)  # the advice is shown in full
    messages = chat.text(question)
    assert messages[0].text == knowledge.flow.texts.call_first.get(lang) and messages[0].contacts[0].phone


# Stop 41, walked as a clerk: a Telegram chat begins with /start, so the first story answers
# the danger question, where "weiß nicht" brings the 110 advice. A doubt about something else
# in a story is no such answer; a doubt about the danger, or a short one, still is.
@pytest.mark.parametrize(("lang", "story"), [
    ("de", "weiß nicht ob ich hier richtig bin. seit wochen ruft nachts jemand an und legt auf"),
    ("de", "Guten Tag. Am Montag wurde an der Fassade des Rathauses ein Hakenkreuz gesprüht. Wer das war, wissen wir nicht."),
    ("en", "someone sprayed \"traitor\" on my garage door last night. no idea who did it"),
    ("en", "not sure if its a big deal. some guy filmed me at the council meeting and posted it with my home address"),
    ("de", "Wir wissen nicht, ob das eine Straftat ist: Jemand hat Fotos vom Haus unseres Bürgermeisters in einer Telegram-Gruppe gepostet."),
])
def test_a_story_with_a_doubt_after_start_is_read_as_a_story(knowledge, lang, story):
    _read_as_a_story(knowledge, lang, story)


@pytest.mark.parametrize(("lang", "story"), [
    # a yes that only opens the story: a greeting, Saxon "nu", "right so"
    ("de", "Ja hallo, also ich bin Gemeinderat in Leisnig und seit der letzten Sitzung schreibt mir einer böse Mails."),
    ("de", "nu, eichentlich is nüscht. der nachbar hat mich halt vorm konsum als dummen sack und bonzen beschimpft, vor alle leute."),
    ("en", "right so, long story short: someone keeps writing nasty emails to me since the last council meeting in Leisnig"),
    ("en", "yeah hi so idk if this is the right place lol but some account keeps dming me pics of my house in kamenz"),
    # stop 42 (a blind writer's first screens): a greeting spelled out ("hello" folds to "helo")
    ("en", "yes hello, i need advise. a businessman says he will tell the newspaper lies about me unless i support "
           "his building project in the council."),
])
def test_a_yes_that_opens_a_story_after_start_is_no_answer(knowledge, lang, story):
    _read_as_a_story(knowledge, lang, story)


@pytest.mark.parametrize(("lang", "reply"), [
    ("de", "ja"),
    ("de", "Ja. Er ist wieder da und klingelt seit zehn Minuten ununterbrochen an der Tür"),
    # a "no" read from a later clause ("No sender") of a story the model reads as a danger now
    ("en", "There is a box in front of the mayor's office door, nobody knows who put it. No sender and there are "
           "some cables coming out. I am alone on this floor. Is it dangerous??"),
])
def test_a_yes_or_a_danger_told_after_start_still_brings_110(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    assert chat.text(reply)[0].emergency


def test_a_one_word_yes_and_a_greeting_after_start_open_a_story(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    messages = chat.text("Yes, good afternoon. The mayor's private garage was set on fire two weeks ago. The fire "
                         "brigade put it out quickly and nobody was injured.")
    assert not any(m.emergency for m in messages)
    assert chat.state.category == "property_damage"


@pytest.mark.parametrize(("lang", "reply"), [
    ("de", "letzte nacht hat einer verrater an mein hoftor geschmiert und im briefkasten lag ein zettel wir wissen wo "
           "deine enkel spielen. jetzt is ruhig. was soll ich machen"),
    ("de", "also grad is nix, aber mein bruder wurde an der bushaltestelle angequatscht ob er der bruder von der roten ist"),
    ("en", "nothing right now, but a guy stood outside my house last night for an hour"),
])
def test_nothing_now_after_start_is_a_no(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    assert not any(m.emergency for m in chat.text(reply))
    assert chat.state.node != "danger_now"  # answered: on to the next question


# Stop 42: a suspicious parcel told after /start had skipped the danger question: "No sender"
# and "Niemand hat etwas bestellt" were read as "no, nobody is in danger", and "hat es niemand
# abgegeben" as all clear. The question stands (or the 110 advice comes).
@pytest.mark.parametrize(("lang", "story"), [
    ("en", "There's a package on my desk at the town hall, no sender, wires sticking out of one end, smells of something "
           "chemical. Am I being paranoid?"),
    ("de", "Vor der Tür des Bürgermeisterbüros steht seit etwa 20 Minuten ein Paket ohne Absender. Es ist mit Klebeband "
           "umwickelt und es hat es niemand abgegeben."),
    ("en", "URGENT. A letter addressed to the mayor has just been opened in our office and a white powder came out onto "
           "the desk. Two of us were in the room. We have left the room and closed the door. What do we do now?"),
])
def test_a_suspicious_object_after_start_never_skips_the_danger_question(knowledge, lang, story):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    messages = chat.text(story)
    assert any(m.emergency for m in messages) or chat.state.node == "danger_now"


@pytest.mark.parametrize(("lang", "reply"), [
    ("en", "Good heavens, no. I'm sat in my kitchen with a cuppa."),
    ("de", "und noch was: der hat jetzt angefangen meine frau beim einkaufen anzuquatschen. – gefahr? nee, eher nervig"),
    ("en", "Is that a serious question? No. It was on Saturday."),
])
def test_a_no_in_a_later_clause_that_stands_alone_still_answers(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    assert not any(m.emergency for m in chat.text(reply))
    assert chat.state.node != "danger_now"


def test_not_now_at_the_end_of_a_long_story_after_start_answers_no(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("yo so basically some dude from the afd-adjacent crowd in bautzen has been posting my insta stories in his "
              "telegram channel w/ comments like 'this one needs a lesson' and now randoms keep dming me my own street "
              "name lol. not rn tho im at my parents")
    assert chat.state.node != "danger_now" and chat.state.category == "doxxing"


def _read_as_a_story(knowledge, lang, story):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    messages = chat.text(story)
    assert not any(m.emergency for m in messages)
    assert chat.state.node == "danger_now" and (chat.state.category is not None or chat.state.aspects)  # the story taken in


@pytest.mark.parametrize(("lang", "reply"), [
    ("de", "weiss nicht"),
    ("en", "not sure tbh"),
    ("de", "keine ahnung ob der noch draußen ist, hab angst"),
    ("en", "I don't know, he might still be outside"),
    ("en", "no idea whether they are gone, i heard glass breaking downstairs a minute ago"),
])
def test_a_doubt_about_the_danger_after_start_still_brings_110(knowledge, lang, reply):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    assert chat.text(reply)[0].emergency


def test_the_town_of_the_answer_typed_again_below_it_is_said_back(knowledge):
    chat = at_threat_result(knowledge, "de")  # in Döbeln
    messages = chat.text("döbeln")
    assert messages[0].text == "Verstanden: Döbeln."
    assert chat.state.node == knowledge.flow.after_result


# Stop 42, walked as the clerk: a formal denial of a danger in the first message answers the
# danger question, and a question about the law during the questions gets the short legal note.
def test_a_formal_denial_answers_the_danger_question_and_the_law_is_answered_during_the_questions(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text("Sehr geehrte Damen und Herren, im Auftrag unseres Bürgermeisters teile ich Ihnen mit, dass am gestrigen "
              "Abend in der Gemeinde Kreischa mehrere Wahlplakate unseres Bürgermeisters beschädigt und mit der Aufschrift "
              "„Volksverräter – wir kriegen dich“ versehen wurden. Eine unmittelbare Gefahr besteht nach unserer "
              "Einschätzung derzeit nicht.")
    assert chat.state.node != "danger_now"
    node = chat.state.node
    messages = chat.text("Welche Frist gilt für einen Strafantrag?")
    assert "§ 241 Abs. 5" in messages[0].text and chat.state.node == node


def test_is_that_even_a_crime_during_the_questions_gets_the_law_of_the_offence(knowledge):
    chat = at_extremist_question(knowledge)
    messages = chat.text("wait is that even a crime")
    assert messages[0].text.startswith(knowledge.texts.legal_header.en) and "§ 241" in messages[0].text
    assert chat.state.node == "aspect_extremist"


# Stop 42: the 2,040 conversations walked as Telegram begins them (after /start).
def test_a_story_naming_nothing_yet_after_start_is_read_not_misunderstood(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    messages = chat.text("keine ahnung ob das was ist aber jemand hat mir ne postkarte mit meinem wahlplakat-foto "
                         "geschickt, drauf nur „wir sehen uns“ 🤔")
    assert messages[0].text == knowledge.flow.texts.story_read.de
    assert chat.state.node == "danger_now"


def test_an_offence_told_with_a_question_whom_to_call_after_start_is_taken_in(knowledge):
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text("Sehr geehrte Damen und Herren, im Auftrag unseres Bürgermeisters teile ich mit, dass am 14.10. in der "
              "Poststelle ein anonymes Schreiben eingegangen ist, in welchem dem Bürgermeister körperliche Gewalt "
              "angedroht wird. Ich bitte um Mitteilung, welche Stelle hierfür zuständig ist.")
    assert chat.state.category == "threat" and chat.state.node == "danger_now"


def test_a_story_with_leaving_home_in_it_is_no_all_clear(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("I received an envelope in my letterbox with no writing on it. Inside was only a printed photo of me "
              "leaving my house, taken from quite close. No message. Is this something I should report?")
    assert chat.state.node == "danger_now"  # the question stands


def test_first_at_a_yes_no_question_picks_no_button(knowledge):
    # "first" there is more likely "the first time" than the first button ("Ja, im Internet")
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    chat.text("first")
    assert "online" not in chat.state.aspects


@pytest.mark.parametrize(("lang", "reply", "category"), [
    ("de", "keine ahnung, deswegen frag ich ja", "unsure"),
    ("en", "the last one, nothing happened", "prevention"),
    ("de", "die zweite", "threat"),
])
def test_dont_know_or_a_place_in_the_list_at_the_category_question(knowledge, lang, reply, category):
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    chat.text({"de": "nein", "en": "no"}[lang])
    assert chat.state.node == "category"
    chat.text(reply)
    assert chat.state.category == category


@pytest.mark.parametrize(("reply", "node"), [
    ("wait what counts as extremist", "aspect_extremist"),
    ("what do you mean by online?", "aspect_online"),
])
def test_what_a_word_of_an_earlier_question_means_below_the_result(knowledge, reply, node):
    chat = at_threat_result(knowledge, "en")
    messages = chat.text(reply)
    assert messages[0].text == knowledge.flow.questions[node].explain.en
    assert chat.state.node == knowledge.flow.after_result


def test_a_threat_quoted_at_the_motive_question_is_no_scene(knowledge):
    # stop 42: "Asylheim" now answers the motive question; the quoted words read on their own
    # ("brennt deine Bude.") had then been taken for a fire now
    chat = at_extremist_question(knowledge)
    messages = chat.text("Er hat am Telefon gesagt: „Wenn du am Montag wieder für das Asylheim stimmst, brennt deine "
                         "Bude.“ Montag ist in vier Tagen.")
    assert not any(m.emergency for m in messages)
    assert "extremist" in chat.state.aspects


@pytest.mark.parametrize("text", [
    "yo quick q, is this thing actually legit or some govt data grab lol",
    "Sehr geehrte Damen und Herren, hiermit bitte ich um Löschung aller zu meiner Person gespeicherten Daten gemäß Art. 17 DSGVO.",
])
def test_data_taken_or_a_request_under_the_gdpr_gets_the_privacy_notice_at_the_first_screen(knowledge, text):
    chat = PureChat(knowledge, lang="en" if text.startswith("yo") else "de")
    chat.command("start")
    messages = chat.text(text)
    assert knowledge.texts.privacy.get(chat.state.lang) in messages[0].text and chat.state.node == "danger_now"


@pytest.mark.parametrize("lang, story", [
    ("en", "hey so some rando made a tiktok calling me a traitor and posted my uni schedule, like which rooms "
           "when. not in danger rn but kinda freaked out"),
    ("de", "irgendwer hat ein video über mich gemacht, nennt mich volksverräter und hat meinen stundenplan an "
           "der uni mit raum und zeit gepostet. in gefahr bin ich gerade nicht, aber ich hab echt schiss"),
])
def test_a_story_that_denies_danger_at_the_danger_question_offers_its_likely_offences(knowledge, lang, story):
    """The danger denied inside a story answers the danger question; the offences the model
    thinks likely (without being sure) are offered next, not the whole list of ten."""
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    guessed = [c for c in knowledge.understand(story).categories if c.id != "unsure"]
    chat.text(story)
    assert chat.state.danger_checked
    if chat.state.category is None:  # the model not sure of one offence
        assert guessed, "the story should suggest an offence"
        assert chat.state.node == "confirm_category"
        assert {f"cat.{c.id}" for c in guessed} <= set(option_ids(chat.last.messages))
        assert len(option_ids(chat.last.messages)) <= len(guessed) + 2


@pytest.mark.parametrize(("lang", "reply"), [
    ("de", "angegriffen? der hat mich nich angefasst, nur beschimpft"),
    ("en", "attacked? he never touched me, he just yelled and called me names"),
])
def test_an_attack_taken_back_below_the_result_gives_the_answer_again_without_it(knowledge, lang, reply):
    """A result for a physical attack (its words, injuries, bodily-harm law) to someone only
    shouted at: taking it back replaces the answer, not just "understood"."""
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "physical_attack")
    chat.text("Seiffen")
    assert chat.state.category == "physical_attack" and chat.state.node == knowledge.flow.after_result
    said = all_text(chat.text(reply))
    assert chat.state.category == "insult" and "physical_attack" not in chat.state.also
    assert chat.state.node == knowledge.flow.after_result
    assert knowledge.categories["insult"].acknowledge.get(lang) in said
    assert knowledge.categories["physical_attack"].acknowledge.get(lang) not in said


def test_another_attack_named_instead_is_no_attack_taken_back(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "physical_attack")
    chat.text("Seiffen")
    chat.text("er hat mich nicht geschlagen, sondern getreten")
    assert chat.state.category == "physical_attack"


@pytest.mark.parametrize(("lang", "question", "text_id"), [
    ("en", "can i block him on insta or do i need to keep the msgs", "asked_evidence"),
    ("de", "soll ich die nachrichten löschen?", "asked_evidence"),
    ("en", "should i stay at a friends place tonight", "asked_staying_away"),
    ("de", "soll ich heute woanders schlafen?", "asked_staying_away"),
    # how to get it taken down: secure first, then the platform's report (blind testers: the
    # privacy notice; "other end of the city" had ended the conversation)
    ("de", "kann ich das video löschen lassen?", "asked_removal"),
    ("en", "how do i make him stop posting my address", "asked_removal"),
    ("de", "wie krieg ich das wieder weg", "asked_removal"),
])
def test_what_to_do_with_the_messages_or_whether_to_stay_away_is_answered(knowledge, lang, question, text_id):
    """Asked below the result or at a question: what the advice says, not "understood: online"."""
    chat = at_threat_result(knowledge, lang)
    said = all_text(chat.text(question))
    answer = getattr(knowledge.flow.texts, text_id).get(lang)
    assert answer in said and chat.state.node == knowledge.flow.after_result
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "threat")  # at the question for the town
    node = chat.state.node
    assert answer in all_text(chat.text(question)) and chat.state.node == node and chat.state.place_id is None


def test_a_question_after_the_answer_to_the_danger_question_is_answered_too(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("some telegram group posted my full adress + pic of my front door w the caption 'besucht den mal'")
    said = all_text(chat.text("idk?? nobody is here yet but like. should i stay at a friends place tonight"))
    assert chat.state.danger_checked and not any(m.emergency for m in chat.last.messages)
    assert knowledge.flow.texts.asked_staying_away.get("en") in said


def test_who_may_file_asked_below_the_result_gets_what_the_law_says(knowledge):
    """ "muss ich das selber anzeigen oder kann das auch das landratsamt machen als aufsicht?":
    the law part (§ 194 Abs. 3 for an insult), not "no reliable answer" (a blind tester)."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "insult")
    chat.text("Neuensalz")
    said = all_text(chat.text("muss ich das selber anzeigen oder kann das auch das landratsamt machen als aufsicht?"))
    assert "§ 194 Abs. 3" in said and knowledge.flow.texts.asked_open.get("de") not in said


def test_110_again_or_the_station_next_time_gets_what_each_is_for(knowledge):
    """ "and when he come again tomorrow? i call 110 again or the Revier?" had got the station's
    card alone, read as the numbers asked again (a blind tester)."""
    chat = at_threat_result(knowledge, "en")
    said = all_text(chat.text("and when he come again tomorrow? i call 110 again or the Revier?"))
    assert knowledge.texts.police_asked_below.get("en") in said


def test_a_station_asked_for_beside_the_lka_gets_what_each_is_for_and_the_card(knowledge):
    """ "Wer ist für die Strafanzeige zuständig, das Revier Döbeln oder das LKA?" had got the
    card alone, said to be uncertain (a clerk, stop 47)."""
    chat = at_threat_result(knowledge, "de")
    messages = chat.text("Wer ist für die Strafanzeige zuständig, das Revier Döbeln oder das LKA?")
    assert messages[0].text == knowledge.texts.faq["revier_or_lka"].answer.de
    assert any(c.name.startswith("Polizeirevier Döbeln") for m in messages for c in m.contacts)


def test_a_named_place_and_the_police_asked_about_together_get_both_cards(knowledge):
    chat = at_threat_result(knowledge, "de")
    shown = contact_ids(chat.text("was ist ZASTEX? muss ich da anrufen oder Polizei?"))
    assert "zastex" in shown and knowledge.catalogue.police_contact in shown


@pytest.mark.parametrize("said", [
    "wait connewitz is south tho?? why essener str thats like the other end of the city",
    "es ist sonst nichts weiter passiert, aber die angst bleibt halt",
    "ok and how do i make this stop for good, like for real",
    "how do i get it taken down tho?? thats all i want rn",  # a question is no goodbye (blind tester, stop 47)
])
def test_a_sentence_with_a_word_of_end_or_restart_keeps_the_conversation(knowledge, said):
    """Only a short reply ends it in words ("ok danke das wars"); a sentence that happens to hold
    "end", "nichts weiter" or "stop" is read as a message (a blind tester's conversation ended)."""
    chat = at_threat_result(knowledge, "en")
    chat.text(said)
    assert chat.state is not None and chat.state.node == knowledge.flow.after_result
    chat.text("ok thanks, bye")
    assert chat.state is None


@pytest.mark.parametrize(("lang", "asked", "faq"), [
    ("de", "bringt es was anzuzeigen?", "worth_reporting"),
    ("en", "ok but like fr is it worth it or will the cops just ignore it", "worth_reporting"),
    ("en", "am i being paranoid", "worth_reporting"),
    ("de", "bekommen wir jetzt polizeischutz?", "police_protection"),
    ("de", "kann ich als ehefrau die anzeige machen?", "report_for_someone"),
    ("de", "sollen die kinder morgen zur schule?", "family_everyday"),
    ("en", "he said he will kill me, that was in march. is it too late now?", "too_late"),
    ("de", "gibts da auch jemand zum reden? nich polizei", "someone_to_talk_to"),
    ("de", "muss ich zum arzt wegen attest?", "doctor"),
    # a gruff mayor (stop 47): the town filing for him, and whether he must report at all
    ("de", "muss ich das jetzt selber anzeigen oder kann das die Stadt machen", "report_for_someone"),
    ("de", "bin ich verpflichtet jede Beleidigung anzuzeigen", "duty_to_report"),
    ("en", "do i have to report this to the police?", "duty_to_report"),
    ("de", "Wer ist für die Strafanzeige zuständig, das Revier oder das LKA?", "revier_or_lka"),
    ("en", "should i go to the police station or the LKA?", "revier_or_lka"),
    ("de", "was mach ich heut nacht wenn da eener kommt?", "if_someone_comes"),
    ("en", "do i need a lawyer for this?", "lawyer"),
    ("de", "soll ich den kindergarten informieren?", "family_everyday"),
    ("en", "do u think its serious or just a troll?", "worth_reporting"),
    ("en", "how do i keep my address private?? is there like a way to block it", "register_block"),
    ("en", "should i go to the police in person or can i do it online?", "in_person_or_online"),
    ("de", "wie lange hab ich zeit?", "too_late"),
])
def test_a_question_beside_the_flow_is_answered_where_it_is_asked(knowledge, lang, asked, faq):
    """Blind testers got "no reliable answer", "understood: not online" or a contact card for
    these; each is answered from the sourced facts, then the question on screen again."""
    answer = knowledge.texts.faq[faq].answer.get(lang)
    chat = at_threat_result(knowledge, lang)
    said = all_text(chat.text(asked))
    assert answer in said and chat.state.node == knowledge.flow.after_result
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, "threat")
    node = chat.state.node
    said = all_text(chat.text(asked))
    assert answer in said and chat.state.node == node and chat.state.place_id is None


def test_a_story_that_holds_the_words_of_a_question_is_no_question(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    said = all_text(chat.text("Er schreibt mir seit Monaten, dass es sich nicht lohnt, weiter im Gemeinderat zu sitzen, "
                              "und dass er weiß, wo meine Kinder zur Schule gehen. Ich wohne in Hartha."))
    assert all(faq.answer.get("de") not in said for faq in knowledge.texts.faq.values())


def test_a_question_about_swastikas_below_the_result_is_answered_and_starts_nothing_new(knowledge):
    """ "Ok und die hakenkreuze? ist das nicht noch was anderes als bloß sachbeschädigung? und ehrlich,
    bringt ne anzeige was" had started a new request ("was anderes") and asked everything again."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "property_damage")
    chat.text("Wurzen")
    said = all_text(chat.text("Ok und die hakenkreuze? ist das nicht noch was anderes als bloß sachbeschädigung? "
                              "und ehrlich, bringt ne anzeige was"))
    assert chat.state.node == knowledge.flow.after_result and chat.state.category == "property_damage"
    assert "§ 86a" in said and knowledge.texts.faq["worth_reporting"].answer.de in said


def test_evidence_asked_about_or_a_record_refused_opens_no_record(knowledge):
    """ "..., sind dann nicht die Beweise weg?" and "Ich wollte nichts dokumentieren, ich hab eine
    FRAGE gestellt" had each opened the record's consent screen (a blind tester)."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "online_hate")
    chat.text("Chemnitz")
    said = all_text(chat.text("Und wenn wir das Facebook melden und die löschen, sind dann nicht die Beweise weg?"))
    assert chat.state.node == knowledge.flow.after_result and knowledge.flow.texts.asked_removal.de in said
    chat.text("Ich wollte nichts dokumentieren, ich hab eine FRAGE gestellt.")
    assert chat.state.node == knowledge.flow.after_result and chat.state.flow == "triage"
    chat.text("kann ich das hier irgendwo festhalten? also alles was passiert ist, mit datum")
    assert chat.state.flow == "incident"


def test_whom_to_call_if_the_scene_comes_again_is_110(knowledge):
    """ "Und wenn der Golf heute abend wieder vor ihrem Haus steht, 110 oder Revier?" got only where
    to report (a blind tester); a supposed scene is a danger when it happens."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "stalking")
    chat.text("Mittweida")
    said = all_text(chat.text("Und wenn der Golf heute abend wieder vor ihrem Haus steht, 110 oder Revier?"))
    assert knowledge.flow.texts.supposed_scene.de in said
    said = all_text(chat.text("wenn ich das anzeigen will, 110 oder revier?"))
    assert knowledge.flow.texts.supposed_scene.de not in said
    # an old councillor: "wiederkommt" and "soll ich dann wieder die 110 anrufen" (she got the Revier's card)
    said = all_text(chat.text("if it rings again tonight at 2am, do I call 110 or is that overreacting?"))
    assert knowledge.flow.texts.supposed_scene.en in said or knowledge.flow.texts.supposed_scene.de in said
    said = all_text(chat.text("Danke. Und wenn der Mann wiederkommt, soll ich dann wieder die 110 anrufen oder lieber "
                              "das Revier? Ich will ja nicht staendig die Polizei belaestigen."))
    assert knowledge.flow.texts.supposed_scene.de in said


def test_a_story_holding_a_questions_words_at_the_place_question_still_names_the_place(knowledge):
    """ "Gemeinderat Ottendorf Okrilla, Hakenkreuz an meiner Garage" told, not asked: the town is taken
    (the swastika answer had taken its place in the development places set)."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "property_damage")
    chat.text("Gemeinderat Ottendorf Okrilla, Hakenkreuz an meiner Garage")
    assert chat.state.place_id is not None and chat.state.node == knowledge.flow.after_result


def test_someone_to_talk_to_comes_with_the_counselling_cards_and_a_doubt_claims_nothing(knowledge):
    """ "gibts da auch jemand zum reden? nich polizei" had got only the police station (a village
    head); "is das stalking oder nich?" asks, it does not say."""
    chat = at_threat_result(knowledge, "de")
    out = chat.text("gibts da auch jemand zum reden? nich polizei")
    assert {"weisser_ring", "support"} <= {c.id for m in out for c in m.contacts}
    assert all("116 006" not in f.answer.de for f in knowledge.texts.faq.values())  # numbers only on cards
    from handlers.listening import claimed_offences
    assert claimed_offences(knowledge, "is das stalking oder nich?") == ()


@pytest.mark.parametrize("first, reply, shown, added", [
    ("hilfe da steht einer vorm haus und schlägt mein auto kaputt, bin in hartha", "ja das war auch bedrohung",
     "property_damage", "threat"),
    ("hilfe da steht einer vorm haus und schreit er bringt mich um, bin in hartha", "ja und er hat mein auto zerkratzt",
     "threat", "property_damage"),
])
def test_yes_at_the_confirmation_keeps_a_second_offence_told_with_it(knowledge, first, reply, shown, added):
    """"ja das war auch bedrohung" at "Ich verstehe das so: Sachbeschädigung. Stimmt das?"
    confirms the damage and adds the threat (the rest of a short answer had been dropped)."""
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(first)
    chat.option("safe_continue")
    assert chat.state.node == "confirm_category"
    chat.text(reply)
    assert chat.state.category == shown and added in chat.state.also
    label = knowledge.categories[added].label.de
    assert label in all_text(chat.last.messages)
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text(first)
    chat.option("safe_continue")
    chat.text("ja genau")
    assert chat.state.category == shown and chat.state.also == ()


@pytest.mark.parametrize("reply", ["no one is in danger", "no. nobody in danger. i just want to know if i should bother",
                                   "niemand in gefahr", "nobody's in danger lol", "nein, niemand ist gerade in Gefahr"])
def test_nobody_in_danger_at_the_danger_question_is_a_no(knowledge, reply):
    """A blind tester's "no one is in danger" brought the whole 110 advice ("no" opened the
    answer and "one is in danger" was read as a cry); "niemand in gefahr" was not understood."""
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("someone keeps posting my face with nazi stuff, leipzig")
    assert chat.state.node == "danger_now"
    messages = chat.text(reply)
    assert not any(m.emergency for m in messages) and chat.state.node not in ("danger_now", "emergency")
    assert "did not understand" not in all_text(messages)


def test_everyone_outside_after_a_suspicious_parcel_is_safe_and_offers_the_threat(knowledge):
    """"ok we're all outside across the street, called 110" after the advice for a parcel with
    wires had brought "Call 110 now ... leave the room" again, then "not sure"."""
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("there's a package at our wahlkreisbüro with wires sticking out, in pirna")
    assert chat.state.node == "emergency"
    messages = chat.text("ok we're all outside across the street, called 110")
    assert messages[0].text == knowledge.flow.texts.help_coming.get("en")
    assert chat.state.node == "confirm_category" and option_ids(chat.last.messages)[0] == "cat.threat"
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("there's a package at our wahlkreisbüro with wires sticking out, in pirna")
    assert chat.state.node == "emergency"
    chat.text("not called 110 yet")
    assert chat.state.node == "emergency"


@pytest.mark.parametrize("reply, answer", [
    ("soll ich die Nummer blockieren? und die Nachricht löschen?", "asked_evidence"),
    ("was mach ich mit dem Brief? meine Frau und ich ham den schon angefasst", "faq.physical_evidence"),
    ("soll ich das wegmachen?", "faq.physical_evidence"),
    ("Ich brauche jemanden zum Reden, ich bin ganz zittrig", "faq.someone_to_talk_to"),
    ("soll ich der Schule bescheid sagen??", "faq.family_everyday"),
    ("wo beantrag ich diese Sperre?", "faq.register_block"),  # round 2: "the Bürgeramt?" had got the police card
    # a clerk asking whether the office must document had been sent to the record's consent screen
    ("Danke, aber meine Frage war: Müssen wir als Verwaltung Vorfälle dokumentieren, gibt es da eine Vorschrift?",
     "faq.duty_to_document"),
])
def test_questions_about_evidence_school_and_someone_to_talk_to_are_answered(knowledge, reply, answer):
    """Blind testers below the result: "die Nummer blockieren" had brought more numbers, the
    letter already touched and the graffiti to clean off "understood: at home", "jemanden zum
    Reden" (no question mark) and the school nothing."""
    chat = at_result(knowledge)
    kind, _, name = answer.partition(".")
    wanted = knowledge.texts.faq[name].answer.get("de") if kind == "faq" else knowledge.flow.texts.asked_evidence.get("de")
    messages = chat.text(reply)
    assert messages[0].text.startswith(wanted[:60])
    assert chat.state.node == knowledge.flow.after_result


def test_a_message_quoted_without_marks_is_no_scene(knowledge):
    """"Da steht du bist der nächste Lübcke" (what the message says) after "nein" to the danger
    question had brought the whole 110 advice: "da steht" read as someone standing there."""
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    chat.text("hab heut ne Morddrohung per WhatsApp gekriegt von ner unbekannten Nummer, mit Foto von meinem Auto")
    chat.text("nein")
    messages = chat.text("Da steht du bist der nächste Lübcke")
    assert not any(m.emergency for m in messages) and chat.state.node != "emergency"


def test_a_police_station_corrected_is_no_cry(knowledge):
    """"das ist falsch!! ich brauche polizei zittau nicht görlitz" below the result had brought
    the 110 advice ("ich brauche polizei"); it names the right town."""
    chat = PureChat(knowledge, lang="de")
    walk_to_place(chat, "prevention")
    chat.text("Görlitz")
    messages = chat.text("das ist falsch!! ich brauche polizei zittau nicht görlitz")
    assert not any(m.emergency for m in messages)
    assert knowledge.places.get(chat.state.place_id).name == "Zittau"


def test_dont_know_at_a_single_guess_keeps_the_guess(knowledge):
    """"idk? he followed me from the rally" at "Stalking. Is that right?" had turned the case
    into "not sure" (its contacts and "it is good you follow up your feeling"); not knowing
    the offence's name is no doubt about what happened. With several offered, "weiß nicht"
    is still "not sure"."""
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("some guy following me since the demo")
    if chat.state.node == "emergency":
        chat.option("safe_continue")
    assert chat.state.node == "confirm_category"
    [proposed] = [o for o in option_ids(chat.last.messages) if o.startswith("cat.") and o != "cat.other"]
    chat.text("idk? he followed me from the rally. never seen him b4")
    assert chat.state.category == proposed.removeprefix("cat.") != "unsure"


@pytest.mark.parametrize("reply, told", [("nee. aber mir is seit heut früh schwindlig und übel", True),
                                         ("no but i feel dizzy and sick since he hit me", True),
                                         ("no. i have a photo of him but its blurry", False),  # round 2: a photo
                                         ("no, im just so sick of this", False),
                                         ("nein, mir ist nicht schwindlig", False),
                                         ("er hat mich übel beschimpft", False)])
def test_symptoms_now_bring_a_doctor_today_and_112_if_worse(knowledge, reply, told):
    """A councillor shoved against a table: "mir is seit heut früh schwindlig und übel" had
    got "Verstanden: wiederholt." and nothing about a doctor."""
    lang = "en" if reply.startswith("no") else "de"
    chat = PureChat(knowledge, lang=lang)
    chat.command("start")
    chat.text("gestern abend am Infostand hat mich einer geschubst und ich bin gegen den Tisch geknallt, hab ne Beule am Kopf")
    messages = chat.text(reply)
    line = knowledge.flow.texts.health_now.get(chat.state.lang)
    assert (messages[0].text == line) is told
    assert not any(m.emergency for m in messages) and "repeated" not in chat.state.aspects


@pytest.mark.parametrize("started", [False, True])
def test_a_police_station_asked_for_by_name_is_shown_at_once(knowledge, started):
    """"gib mir einfach die nummer vom revier stollberg" (a gruff mayor) had brought the danger
    question, then the offences, and after six turns still no number. Its card comes at once;
    the danger question still follows (every path asks it before a result)."""
    chat = PureChat(knowledge, lang="de")
    if started:
        chat.command("start")
    messages = chat.text("gib mir einfach die nummer vom revier stollberg")
    cards = [c for m in messages for c in m.contacts]
    assert any(c.name == "Polizeirevier Stollberg" and c.phone for c in cards)
    assert chat.state.node == "danger_now"


def test_the_address_block_asked_first_is_no_takedown_and_the_label_still_picks(knowledge):
    """A new councillor: "hab gehört dass man seine adresse sperren lassen kann? wie geht das"
    had also got the takedown answer (screenshots, the platform's report); "vorbeugung! oder
    zählt melderegister da nicht?" at the offence question was answered, never taken."""
    chat = PureChat(knowledge, lang="de")
    chat.command("start")
    said = all_text(chat.text("hi 👋 bin seit 2 monaten im gemeinderat und hab gehört dass man seine adresse sperren "
                              "lassen kann? wie geht das"))
    assert knowledge.texts.faq["register_block"].answer.de[:40] in said
    assert knowledge.flow.texts.asked_removal.de not in said
    chat.text("nö alles gut 😊")
    chat.text("vorbeugung! oder zählt melderegister da nicht?")
    assert chat.state.category == "prevention"


@pytest.mark.parametrize("story, at_advice, question, lang", [
    (["omg help", "theres a guy following me from the tram"], True, "should i still call 110 or is that overkill", "en"),
    (["theres 3 guys standing outside my building rn", "im in my flat, door is locked"], False,
     "should i call the cops?? theyre still down there", "en"),
    (["da stehn drei typen vor meinem haus grad", "bin drin tür is zu"], False,
     "soll ich trotzdem die polizei rufen? die stehn immer noch unten", "de"),
])
def test_asked_whether_to_call_after_the_110_advice_the_answer_is_yes(knowledge, story, at_advice, question, lang):
    """A young councillor with three men outside her building asked "should i call the cops??
    theyre still down there" and got "110 is for emergencies ... after this question"; at the
    advice, "should i still call 110 or is that overkill" got the whole advice again."""
    chat = PureChat(knowledge, lang=lang)
    for line in story:
        chat.text(line)
    assert (chat.state.node == "emergency") is at_advice
    messages = chat.text(question)
    assert messages[0].text.startswith(knowledge.flow.texts.call_now_yes.get(lang))
    said = " ".join(m.text for m in messages)
    assert knowledge.texts.police_asked.get(lang) not in said


@pytest.mark.parametrize("story, question, opened", [
    (["someone is banging on my door rn"], "should i open?? maybe its just a drunk neighbor", "open_door_asked"),
    (["da liegt ein komisches paket vor meiner tür mit drähten"], "soll ich das aufmachen??", "open_object_asked"),
    (["es klingelt die ganze zeit und einer brüllt vor der tür"], "soll ich aufmachen", "open_door_asked"),
])
def test_asked_whether_to_open_at_the_110_advice_the_answer_is_no(knowledge, story, question, opened):
    """A panicking candidate asked "soll ich das aufmachen??" about a parcel with wires and got
    the same block again; "should i open??" at a banging door never heard "do not open"."""
    lang = "en" if question.startswith("should") else "de"
    chat = PureChat(knowledge, lang=lang)
    for line in story:
        chat.text(line)
    assert chat.state.node == "emergency"
    messages = chat.text(question)
    assert messages[0].text.startswith(getattr(knowledge.flow.texts, opened).get(lang))
    assert chat.state.node == "emergency"


def test_a_fire_only_in_the_words_a_caller_said_brings_the_110_advice_not_the_fire_one(knowledge):
    """ "grad hat wieder eener angerufen ... und gesacht 'heut nacht brennt eure bude'" at 2:30
    am had brought "Rufen Sie 112 ... Verlassen Sie das Gebäude" (a blind tester)."""
    chat = PureChat(knowledge)
    [advice] = chat.text("es is halb drei nachts und grad hat wieder eener angerufen, unterdrückt, und gesacht "
                         "'heut nacht brennt eure bude, volksverräter', mir sitzen hier im dunkeln")
    assert chat.state.node == "emergency" and chat.state.pending.get("scene") != "emergency_fire"
    assert advice.text != knowledge.flow.texts.emergency_fire.de


def test_a_figure_of_speech_with_burning_is_no_fire(knowledge):
    chat = PureChat(knowledge)
    messages = chat.text("Bei uns brennt es gerade an allen Ecken, wir brauchen Beratung zur Sicherheit im Rathaus")
    assert chat.state.node != "emergency" and not any(m.emergency for m in messages)


@pytest.mark.parametrize("denial, safe", [
    ("es brennt doch ni!! der hat bloß angerufen und des gesacht", True),
    ("Es brennt nicht, das war eine Redewendung!", True),
    ("no fire lol, it was a figure of speech", True),
    ("es brennt nicht mehr aber der typ steht noch im hof", False),  # still someone there
])
def test_no_fire_after_all_at_the_fire_advice_goes_on(knowledge, denial, safe):
    """At the fire advice, "Es brennt nicht, das war eine Redewendung!" had brought the fire
    advice again; only the button got out (blind testers)."""
    lang = "en" if denial.startswith("no fire") else "de"
    chat = PureChat(knowledge, lang=lang)
    chat.text("hilfe unser carport brennt" if lang == "de" else "help our carport is on fire")
    assert chat.state.pending.get("scene") == "emergency_fire"
    chat.text(denial)
    assert (chat.state.node != "emergency") is safe


@pytest.mark.parametrize("reply, lang", [("muss ich ins krankenhaus? nase blutet wie sau", "de"),
                                         ("should i go to the hospital? my lip is bleeding", "en")])
def test_hurt_at_the_110_advice_gets_112_or_a_doctor_today(knowledge, reply, lang):
    """A candidate punched at his info stand asked "muss ich ins krankenhaus?" and got "schließen
    Sie sich ein" again (a blind tester)."""
    chat = PureChat(knowledge, lang=lang)
    chat.text("bin am infostand in riesa und einer hat mir grad voll eine reingehauen" if lang == "de"
              else "some guy just punched me at my info stand, hes still here")
    assert chat.state.node == "emergency"
    messages = chat.text(reply)
    assert messages[0].text.startswith(knowledge.flow.texts.hurt_at_advice.get(lang))
    assert chat.state.node == "emergency"


@pytest.mark.parametrize("reply, lang", [("ok im in a rewe now", "en"), ("bin jetzt in der tankstelle", "de")])
def test_someone_followed_who_reached_people_is_told_to_stay_and_call_from_there(knowledge, reply, lang):
    """Followed from the tram, "ok im in a rewe now" got the same advice again (a blind tester)."""
    chat = PureChat(knowledge, lang=lang)
    chat.text("theres a guy following me from the tram, hes still behind me" if lang == "en"
              else "da läuft seit der haltestelle einer hinter mir her, der ist immer noch da")
    assert chat.state.node == "emergency"
    messages = chat.text(reply)
    assert messages[0].text.startswith(knowledge.flow.texts.among_people.get(lang).split("{")[0])
    assert chat.state.node == "emergency"


def test_asked_to_record_it_during_the_questions_gets_that_the_record_comes_with_the_answer(knowledge):
    """ "can i like record it here somewhere??" at the danger question had got "for other matters,
    please contact your town hall" (a young councillor, stop 47)."""
    chat = PureChat(knowledge, lang="en")
    chat.text("at the council session today a guy shouted 'euch sollte man alle aufhängen' at us")
    node = chat.state.node
    said = all_text(chat.text("can i like record it here somewhere??"))
    assert knowledge.texts.faq["record_here"].answer.en in said and chat.state.node == node


@pytest.mark.parametrize("first, lang", [
    ("Bevor ich Angaben mache: Was speichern Sie über mich, und wird der Gesprächsinhalt an die Polizei weitergeleitet?", "de"),
    ("is this chat safe? who can read it?", "en"),
])
def test_a_privacy_question_as_the_first_message_is_answered_and_guesses_no_offence(knowledge, first, lang):
    """A clerk's first message asked what is stored: "Verstanden: Vorbeugung und Beratung" and the
    danger question, the question unanswered (stop 47)."""
    chat = PureChat(knowledge, lang=lang)
    said = all_text(chat.text(first))
    assert knowledge.texts.privacy.get(lang) in said
    assert chat.state.category is None and chat.state.node == "danger_now"


def test_a_question_below_the_result_is_not_taken_as_facts_from_its_words(knowledge):
    """ "und das Hausverbot, darf ich das als Buergermeister einfach so aussprechen" had got
    "Verstanden: nicht im Internet." and the menu (a gruff mayor, stop 47)."""
    chat = at_threat_result(knowledge, "de")
    said = all_text(chat.text("und das Hausverbot, darf ich das als Buergermeister einfach so aussprechen"))
    assert "Verstanden" not in said and knowledge.flow.texts.asked_open.get("de") in said


def test_the_number_asked_for_with_the_town_known_is_shown_during_the_questions(knowledge):
    """An impatient Ortsvorsteher: "ICH BRAUCH NUR DIE TELEFONNUMMER VOM POLIZEIREVIER PIRNA sonst
    nix" ("sonst nix" had read as wanting other places), then "ich will nur die NUMMER" had been
    promised the numbers "after this question", four questions long (stop 47)."""
    chat = PureChat(knowledge)
    first = chat.text("ICH BRAUCH NUR DIE TELEFONNUMMER VOM POLIZEIREVIER PIRNA sonst nix")
    assert any(c.name == "Polizeirevier Pirna" and c.phone for m in first for c in m.contacts)
    chat.text("nein")
    node = chat.state.node
    again = chat.text("verdammt ich will nur die NUMMER")
    assert any(c.name == "Polizeirevier Pirna" and c.phone for m in again for c in m.contacts)
    assert chat.state.node == node


@pytest.mark.parametrize("reply, lang, harmless_line", [
    ("die polizei war da. war n monteur … peinlich", "de", True),
    ("turned out it was just the neighbour lol", "en", True),
    ("ist doch erst MORGEN", "de", False),
])
def test_harmless_after_all_or_not_yet_at_the_110_advice_goes_on(knowledge, reply, lang, harmless_line):
    """An Ortsvorsteher's man in the yard was a technician: the silent-call advice again, then
    "Beleidigung?" offered from the scare; "ist doch erst MORGEN" repeated the order (stop 47)."""
    chat = PureChat(knowledge, lang=lang)
    chat.text("da ist einer im hof mit ner taschenlampe, grad jetzt" if lang == "de"
              else "theres a guy in my yard with a torch right now")
    assert chat.state.node == "emergency"
    said = all_text(chat.text(reply))
    assert chat.state.node != "emergency"
    assert (knowledge.flow.texts.harmless_after_all.get(lang) in said) is harmless_line
    if harmless_line:
        assert chat.state.node == "category"


def test_a_doubt_before_what_the_rest_tells_takes_the_offence_it_tells(knowledge):
    """Offered stalking or a threat, a clerk wrote "Das ist unklar. Derselbe PKW stand bereits
    letzte Woche zweimal vor dem Rathaus.": "Verstanden: Nachstellung", yet the result was for
    "not sure" (stop 47)."""
    def at_the_choice() -> PureChat:
        chat = PureChat(knowledge)
        chat.text("Dringend: Der Bürgermeister von Hainichen hat mich soeben angerufen. Vor seinem Wohnhaus steht "
                  "seit ca. 20 Minuten ein PKW, ein Mann fotografiert das Haus und hat an der Tür geklingelt. Die "
                  "Ehefrau und die Kinder sind allein im Haus, der Bürgermeister ist noch im Rathaus.")
        chat.text("Die Ehefrau hat die 110 gewählt, Streife ist unterwegs. Der Mann ist inzwischen weggefahren, "
                  "Kennzeichen FG-XY 123 wurde notiert.")
        return chat
    chat = at_the_choice()
    assert chat.state.node == "confirm_category" and "stalking" in chat.state.pending.get("proposed", []), \
        (chat.state.node, chat.state.pending)
    chat.text("Das ist unklar. Derselbe PKW stand bereits letzte Woche zweimal vor dem Rathaus.")
    assert chat.state.category == "stalking"


def test_kinda_before_a_word_at_the_danger_question_is_no_yes(knowledge):
    """ "kinda lost rn what to do ngl" had been a yes to "is anyone in danger?": the whole 110
    advice (a young candidate, stop 47); "so kinda??" alone still is one."""
    chat = PureChat(knowledge, lang="en")
    chat.command("start")
    chat.text("kinda lost rn what to do ngl")
    assert chat.state.node == "danger_now"
    chat.text("so kinda??")
    assert chat.state.node == "emergency"


@pytest.mark.parametrize("said", ["das war in chemnitz", "komma das war in chemnitz kaßberg punkt"])
def test_where_it_was_said_in_a_few_words_is_the_place_not_a_matter_for_the_town_hall(knowledge, said):
    """A young candidate's "das war in chemnitz" had got "wenden Sie sich bitte an Ihre Gemeinde-
    oder Stadtverwaltung" (stop 47)."""
    chat = PureChat(knowledge)
    chat.text("ich hab ne drohung auf tiktok bekommen mit der adresse von meinen eltern")
    assert chat.state.node == "danger_now" and chat.state.place_id is None
    said_back = all_text(chat.text(said))
    assert chat.state.place_id is not None and "Stadtverwaltung" not in said_back


def test_a_question_beside_the_flow_at_the_place_question_takes_the_place_it_names(knowledge):
    """ "Ich bin Bürgermeister von Trossin. Muss ich das melden?" at the place question: the new
    answer on reporting had left the place untaken (found by the development set, stop 47)."""
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    said = all_text(chat.text("Meine Nachbarin hat mich gewarnt, dass jemand im Dorf Fotos von meinem Haus macht. "
                              "Ich bin Bürgermeister von Trossin. Muss ich das melden?"))
    assert knowledge.texts.faq["duty_to_report"].answer.de in said
    assert chat.state.place_id == "sn-04880-trossin" and chat.state.node == knowledge.flow.after_result


@pytest.mark.parametrize("reply, lang", [
    ("quatsch is doch keiner mehr da, war heut nacht", "de"),
    ("Es steht NIEMAND vor der Tür", "de"),
    ("keiner mehr da", "de"),
    ("hä?? bin nich in gefahr hab nur gefragt wegen löschen", "de"),
    ("Die Polizei hat den Mann vom Gelände begleitet.", "de"),
    ("nobody outside i think", "en"),
    ("police were here, they took him w them. im shaking but ok", "en"),
])
def test_said_to_be_over_or_nobody_there_the_110_advice_goes_on(knowledge, reply, lang):
    """Typed at the 110 advice, "nobody is there" in dialect or office German had brought the
    advice again and again; only the button (or capitals) got out (stop 48's blind testers)."""
    chat = PureChat(knowledge, lang=lang)
    chat.text("da steht einer vor meiner tür und schreit" if lang == "de" else "theres a guy at my door shouting rn")
    assert chat.state.node == "emergency"
    said = all_text(chat.text(reply))
    assert chat.state.node != "emergency", said


@pytest.mark.parametrize("reply, harmless_line", [
    ("nee warte das is der nachbar der sucht seine katze sorry", True),
    ("falscher alarm alles gut", True),
])
def test_a_false_alarm_typed_at_the_advice_is_harmless(knowledge, reply, harmless_line):
    """"falscher alarm alles gut" had been taken as an insult to confirm (a candidate, stop 48)."""
    chat = PureChat(knowledge)
    chat.text("da schleicht einer ums haus mit taschenlampe")
    assert chat.state.node == "emergency"
    said = all_text(chat.text(reply))
    assert knowledge.flow.texts.harmless_after_all.get("de") in said and chat.state.node == "category"


def test_help_asked_about_is_not_help_coming(knowledge):
    """"ich frage nur ob polizei kommen zu laden für anzeige" had got "Gut, dass Hilfe unterwegs
    ist" (a council member writing learner German, stop 48); "polizei fährt hin" is."""
    chat = PureChat(knowledge)
    chat.text("Hilfe, da steht einer vor meiner Tür und schreit")
    said = all_text(chat.text("nein nein, keine gefahr jetzt! ich frage nur ob polizei kommen zu laden für anzeige"))
    assert knowledge.flow.texts.help_coming.get("de") not in said
    chat = PureChat(knowledge)
    chat.text("Hilfe, da steht einer vor meiner Tür und schreit")
    said = all_text(chat.text("hab beides angerufen lehrerin bleibt bei ihm polizei fährt hin"))
    assert knowledge.flow.texts.help_coming.get("de") in said


def test_indoors_is_no_safety_from_a_ticking_parcel_at_the_door(knowledge):
    """"ich bin drinnen mit meim sohn. solln wir hinten raus?" had been taken as safe and the
    questions began (a candidate, stop 48): away from it, not past it, 110."""
    chat = PureChat(knowledge)
    chat.text("vor meiner haustür liegt n paket ohne absender mit meinem namen drauf und es tickt glaub ich")
    assert chat.state.node == "emergency"
    said = all_text(chat.text("das liegt draussen vor der tür ich bin drinnen mit meim sohn. solln wir hinten raus?"))
    assert chat.state.node == "emergency" and knowledge.flow.texts.leave_object_asked.get("de") in said


def test_a_fire_threatened_for_tonight_gets_the_110_advice_not_the_fire_one(knowledge):
    """"er sagt heute nacht er brennt mein laden ab" had got "call 112, leave the building" (stop 48)."""
    chat = PureChat(knowledge)
    said = all_text(chat.text("Hilfe!! ein mann hat angerufen in laden, er sagt heute nacht er brennt mein laden ab, "
                              "mit alle ausländer drin. Burgstädt, Markt. was ich machen???"))
    assert chat.state.node == "emergency"
    assert knowledge.flow.texts.emergency_fire.get("de").split(".")[0] not in said


@pytest.mark.parametrize("text", [
    "steht doch oben",
    "darf ich die kommentare dann löschen oder muss ich die stehn lassen",
    "muss meine adresse auf dem wahlzettel stehn?",
    "is mei privathaus, briefkasten am gartentor",
    "reifen zerstochen, mitm messer wahrscheinlich",
    "bin ich in gefahr? ein kunde sagt gestern 'wir wissen wo du wohnst'. ich bin jetzt zuhause, alles ruhig",
    "muss ich zu polizei gehen in Glauchau? ich habe laden, kann nicht weg. polizei kann kommen zu mir?",
])
def test_what_only_sounds_like_someone_there_is_no_emergency(knowledge, text):
    """Replies that had brought the full 110 screen (stop 48's blind testers)."""
    assert not knowledge.understand(text).danger_now


@pytest.mark.parametrize("text", ["die stehn schon wieder vorm haus", "da stehn 3 typen vorm haus und brülln",
                                  "er hat grad meine reifen zerstochen mit nem messer und steht noch da"])
def test_someone_standing_there_now_still_is(knowledge, text):
    assert knowledge.understand(text).danger_now


@pytest.mark.parametrize("reply, lang", [
    ("unterschrieben mit patrioten mittelsachsen. war aber nur die eine mail nich wiederholt", "de"),
    ("na logo wahlkampfstand", "de"),
    ("ich habe gesagt, er ist von Bürgerbewegung", "de"),
    ("its bc of my campaign i think", "en"),
])
def test_a_group_or_the_campaign_named_at_the_motive_question_is_a_yes(knowledge, reply, lang):
    """A candidate's "unterschrieben mit patrioten mittelsachsen" had been "Nein oder weiß nicht",
    "na logo wahlkampfstand" not understood (stop 48)."""
    chat = PureChat(knowledge, lang=lang)
    chat.text("Ich werde bedroht, per Brief" if lang == "de" else "i got a threatening letter")
    for _ in range(3):
        if chat.state.node == "aspect_extremist":
            break
        chat.text("nein" if lang == "de" else "no")
    assert chat.state.node == "aspect_extremist"
    chat.text(reply)
    assert "extremist" in chat.state.aspects and chat.state.node != "aspect_extremist"


@pytest.mark.parametrize("question, lang, faq", [
    ("who can my wife talk to", "en", "family_support"),
    ("wer hilft der kleinen jetzt?", "de", "family_support"),
    ("shd i make an anzeige or is that overkill", "en", "worth_reporting"),
    ("report it to facebook or police first?", "en", "platform_or_police"),
    ("was mach ich heut nacht wenn die echt kommen", "de", "if_someone_comes"),
    ("und was sollen meine eltern machen wenn der da wieder steht", "de", "if_someone_comes"),
])
def test_questions_below_the_result_get_their_answer(knowledge, question, lang, faq):
    """Below the result these had got "keine verlässliche Antwort", the police card alone or
    "that is part of your case" (stop 48's blind testers)."""
    chat = at_threat_result(knowledge, lang)
    said = all_text(chat.text(question))
    assert knowledge.texts.faq[faq].answer.get(lang).split(".")[0] in said


def test_called_and_a_patrol_promised_is_help_coming(knowledge):
    """"ok called them. they were nice, said a car will drive past later" had got "Call 110 now"
    (a Leipzig councillor, stop 48)."""
    chat = PureChat(knowledge, lang="en")
    chat.text("theres sum1 banging on my door rn shouting my name")
    assert chat.state.node == "emergency"
    said = all_text(chat.text("ok called them. they were nice, said a car will drive past later n i shd do an anzeige tmrw"))
    assert knowledge.flow.texts.help_coming.get("en") in said


def test_nobody_at_the_door_in_office_german_is_no_emergency(knowledge):
    """"Akut steht niemand vor der Tür, aber wir sind beunruhigt." had brought the 110 screen (a
    clerk, stop 48); someone kicking the door in while nobody helps still does."""
    assert not knowledge.understand("Akut steht niemand vor der Tür, aber wir sind beunruhigt.").danger_now
    assert knowledge.understand("hilfe ich bin allein keiner da und einer tritt die tür ein").danger_now


def test_a_doubt_then_an_offence_not_offered_takes_that_offence(knowledge):
    """Offered stalking, a threat or an insult, "weiss nicht. er macht kaputt regal ..." had
    become "not sure" (a shop owner writing learner German, stop 48)."""
    chat = at_a_choice_of_offences(knowledge)
    offered = {o.removeprefix("cat.") for o in option_ids(chat.last.messages)}
    assert "property_damage" not in offered  # else this tests the offered case
    chat.text("weiss nicht. heute nacht hat einer mein schaufenster eingeschlagen und die regale umgeworfen, alles kaputt")
    assert chat.state.category == "property_damage"


def test_a_local_dispute_named_at_the_motive_question_is_a_leaning_dont_know(knowledge):
    """"wg windpark halt" had been "not understood" (an old mayor, stop 48); political in a
    sense, extremist perhaps not: taken as "don't know", the question left."""
    chat = PureChat(knowledge)
    chat.text("Ich werde bedroht, per Brief")
    while chat.state.node != "aspect_extremist":
        chat.text("nein")
    said = all_text(chat.text("wg windpark halt"))
    assert "nicht verstanden" not in said and chat.state.node != "aspect_extremist"
    assert "extremist" not in chat.state.aspects


def test_told_by_110_to_drive_to_the_station_gets_its_card(knowledge):
    """A mayor followed by car: "hab 110 angerufen die sagen ich soll zum revier in stollberg
    fahren wo ist das genau adresse" had got "Gut, dass Hilfe unterwegs ist" (stop 48)."""
    chat = PureChat(knowledge)
    chat.text("der ist schon wieder hinter mir der graue golf ich fahr grad von stollberg raus und der klebt an meiner stoßstange")
    assert chat.state.node == "emergency"
    out = chat.text("hab 110 angerufen die sagen ich soll zum revier in stollberg fahren wo ist das genau adresse")
    assert any(c.name == "Polizeirevier Stollberg" and c.phone for m in out for c in m.contacts)
    said = all_text(out)
    assert knowledge.flow.texts.station_as_told.get("de") in said and knowledge.flow.texts.help_coming.get("de") not in said
    assert knowledge.flow.texts.address_unknown.get("de") in said  # no street in the data


def test_shown_out_goes_on_though_nobody_called(knowledge):
    """"so der ist raus der bauhof leiter hat ihn raus begleitet polizei hab ich nicht gerufen" had
    brought "call 110 now" again (stop 48)."""
    chat = PureChat(knowledge)
    chat.text("steht grad ein mann in meinem büro im rathaus und brüllt, der steht zwischen mir und der tür")
    assert chat.state.node == "emergency"
    chat.text("so der ist raus der bauhof leiter hat ihn raus begleitet polizei hab ich nicht gerufen")
    assert chat.state.node != "emergency"


def test_not_me_but_a_colleague_is_no_emergency(knowledge):
    """"It is not me who is being followed, it is my colleague. Can I, as a third person, file the
    Strafanzeige ... in her place?" had brought the 110 screen (stop 48)."""
    assert not knowledge.understand("It is not me who is being followed, it is my colleague. Can I, as a third person, "
                                    "file the Strafanzeige or the Strafantrag in her place?").danger_now
    for short in ("der typ", "bin aufm dorffest in großschönau", "mein auto steht vorm haus"):
        assert not knowledge.understand(short).danger_now, short


@pytest.mark.parametrize("text", ["ich will die mobile beratung sprechen", "mobile beratung?"])
def test_the_mobile_counselling_named_loosely_brings_its_card(knowledge, text):
    """A mayor asked three times for the Mobile Beratungsteams and got police cards, then
    "alles steht oben" (stop 48)."""
    chat = at_threat_result(knowledge, "de")
    out = chat.text(text)
    assert any(c.id == "mbt" for m in out for c in m.contacts)


@pytest.mark.parametrize("question, lang, faq", [
    ("polizei is jetzt da. was sag ich denen", "de", "what_to_tell_police"),
    ("the police are here now. what do i tell them", "en", "what_to_tell_police"),
    ("was mach ich wenn der heut abend echt auftaucht", "de", "if_someone_comes"),
])
def test_what_to_say_to_the_police_and_if_he_turns_up(knowledge, question, lang, faq):
    """A young councillor with the police beside her got only the station's number; "wenn der
    heut abend echt auftaucht" got "keine verlässliche Antwort" (stop 48)."""
    chat = at_threat_result(knowledge, lang)
    said = all_text(chat.text(question))
    assert knowledge.texts.faq[faq].answer.get(lang).split(".")[0] in said


def test_a_later_sentence_that_opens_with_a_question_word_asks():
    from handlers.answers import is_question

    assert is_question("polizei is jetzt da. was sag ich denen")
    assert not is_question("Er war da. Wann er kam, weiß ich nicht.")


# --- stop 49: four more blind testers -------------------------------------------------------


@pytest.mark.parametrize("reply", [
    "mein mann is ni da der is uff sitzung",
    "nee das is keener von uns, der hat ne taschenlampe",
    "nee, das war der nachbar, der hat mich geschlagen",
])
def test_a_no_to_something_else_at_the_advice_keeps_the_advice(knowledge, reply):
    """A mayor's wife alone at night, someone rattling at the gate: "mein mann is ni da" and "nee das
    is keener von uns, der hat ne taschenlampe" had left the 110 advice for the category questions."""
    chat = PureChat(knowledge)
    chat.text("da rüttelt einer am gartentor")
    assert chat.state.node == "emergency"
    chat.text(reply)
    assert chat.state.node == "emergency"


@pytest.mark.parametrize("reply", ["nein", "nein danke", "nein er ist weg", "der is wech jetz", "nein, ich bin bei meiner nachbarin",
                                   "nein das war der postbote", "nein, alles gut jetzt"])
def test_safe_or_over_at_the_advice_goes_on(knowledge, reply):
    chat = PureChat(knowledge)
    chat.text("da rüttelt einer am gartentor")
    chat.text(reply)
    assert chat.state.node != "emergency"


def test_a_whispered_call_with_them_coming_is_help_coming(knowledge):
    chat = PureChat(knowledge)
    chat.text("hilfe da klingelt grad jmd sturm bei mir und hämmert an die tür")
    said = all_text(chat.text("ok bin ins bad, hab 110 geflüstert, die kommen"))
    assert knowledge.flow.texts.help_coming.get("de") in said


def test_asked_whether_to_go_out_to_him_is_no(knowledge):
    chat = PureChat(knowledge)
    chat.text("jetzt gerade steht ein Mann vor meinem Haus und brüllt meinen Namen")
    said = all_text(chat.text("Soll ich rausgehen und mit ihm reden, ich kenne ihn vielleicht?"))
    assert knowledge.flow.texts.go_out_asked.get("de") in said and chat.state.node == "emergency"


def test_no_bomb_after_all_leaves_the_object_advice(knowledge):
    """A councillor quoting "eine bombe im briefkasten" from a comment: "but bombe is first time" had
    brought the object advice, and "there is no bombe, it is only comment on facebook!" brought it again."""
    assert not knowledge.understand("on facebook always. every week. but bombe is first time").danger_now
    chat = PureChat(knowledge, lang="en")
    chat.text("there is a strange parcel with wires at our office door right now")
    assert chat.state.node == "emergency"
    chat.text("what?? there is no bombe, it is only comment on facebook!")
    assert chat.state.node != "emergency"


@pytest.mark.parametrize("text, danger", [
    ("mir sin in stauchitz, mein mann is da bürgermeister", False),
    ("Bei uns vor dem Haus steht seit zehn Minuten ein Mann und schreit, er hat an die Haustuer getreten, "
     "meine Frau ist ganz aufgeloest", True),
])
def test_an_office_there_and_a_distraught_wife(knowledge, text, danger):
    """"mein mann is da bürgermeister" is his office, not someone there; "aufgelöst" (distraught)
    had read as "it cleared up" and hid a man kicking the door."""
    assert knowledge.understand(text).danger_now is danger


@pytest.mark.parametrize("text, lang", [
    ("no not now. pls english, my german is not so good", "en"),
    ("Entschuldigung, jetzt ist alles auf Englisch, das kann ich nicht. Bitte auf Deutsch.", "de"),
    ("sorry german is difficult", "en"),
])
def test_the_language_asked_for_wins(text, lang):
    """"pls english, my german is not so good" had got "Ich schreibe ab jetzt auf Deutsch", and
    "… alles auf Englisch … Bitte auf Deutsch." had switched to English."""
    from handlers.answers import language_named

    assert language_named(text) == lang


def test_a_language_wish_keeps_the_answer_beside_it(knowledge):
    chat = PureChat(knowledge)
    chat.text("seit 2 wochen bekomme ich drohungen per whatsapp, er sagt wir wissen wo dein laden ist")
    assert chat.state.node == "danger_now"
    chat.text("no not now. pls english, my german is not so good")
    assert chat.state.lang == "en" and chat.state.node != "danger_now"


def test_after_the_advice_a_safe_story_is_no_prevention(knowledge):
    """"So, die Polizei hat ihn mitgenommen … Wir sind in Sicherheit." at "Bedrohung?" after the 110
    advice had become "Vorbeugung und Beratung"."""
    chat = PureChat(knowledge)
    chat.text("jetzt gerade steht ein Mann vor meinem Haus und droht mir, er hat eine Flasche in der Hand")
    chat.text("Wir sind jetzt oben und haben abgeschlossen. Die Polizei ist gleich da, ich sehe das Blaulicht.")
    chat.text("So, die Polizei hat ihn mitgenommen. Es war der Sohn von einem Kollegen, betrunken. Wir sind in Sicherheit.")
    assert chat.state.category != "prevention"


@pytest.mark.parametrize("question, lang, faq", [
    ("darf ich das ieberhaupt für mein mann anzeigen? ders ja sei auto", "de", "report_for_someone"),
    ("un kost das was?", "de", "costs"),
    ("does this cost anything?", "en", "costs"),
    ("gibts jemand mit dem ich heute abend einfach reden kann? es ist 21 uhr", "de", "someone_to_talk_to"),
    ("where i go for make anzeige? i dont know the men names", "en", "in_person_or_online"),
])
def test_stop_49_questions_below_the_result(knowledge, question, lang, faq):
    chat = at_threat_result(knowledge, lang)
    said = all_text(chat.text(question))
    assert knowledge.texts.faq[faq].answer.get(lang).split(".")[0] in said


def test_a_town_corrected_below_the_result_gets_its_cards_and_the_wrong_station_no_more(knowledge):
    """"weißwasser?? no! gablenz in chemnitz" had got "That adds these places", and "so weisswasser
    is wrong? which polizei i call now" Weißwasser's card again (a Chemnitz councillor, stop 49)."""
    chat = at_threat_result(knowledge, "en", town="Weißwasser")
    said = all_text(chat.text("weißwasser?? no! gablenz in chemnitz, i am stadtrat in chemnitz"))
    assert knowledge.texts.result_place_header.get("en").format(place="Chemnitz") in said
    names = [c.name for m in chat.text("so weisswasser is wrong? which polizei i call now for the car") for c in m.contacts]
    assert names and not any("Weißwasser" in n for n in names) and any("Chemnitz" in n for n in names)


@pytest.mark.parametrize("question, lang", [
    ("soll ich das kennzeichen aufschreiben oder n foto vom fenster aus machen? darf ich das überhaupt?", "de"),
    ("ok und wie läuft das bei der onlinewache genau? kann ich da 40 screenshots hochladen? krieg ich ein aktenzeichen?", "de"),
])
def test_asking_what_to_do_oneself_starts_no_record(knowledge, question, lang):
    """"aufschreiben" and "hochladen" in a question about the writer's own steps or the Onlinewache had
    opened this bot's record (a candidate, stop 49); "kann ich das hier aufschreiben?" still does."""
    chat = at_threat_result(knowledge, lang)
    chat.text(question)
    assert chat.state.node == knowledge.flow.after_result
    chat = at_threat_result(knowledge, lang)
    chat.text("kann ich das hier aufschreiben?")
    assert chat.state.node != knowledge.flow.after_result


def test_a_plate_and_a_photo_asked_about_get_the_log_advice(knowledge):
    chat = at_threat_result(knowledge, "de")
    said = all_text(chat.text("soll ich das kennzeichen aufschreiben oder n foto vom fenster aus machen?"))
    assert knowledge.texts.faq["keep_a_log"].answer.get("de").split(".")[0] in said


def test_a_platform_profile_to_delete_is_no_privacy_question():
    from handlers.answers import asks_about_privacy

    assert not asks_about_privacy("wie krieg ich fb dazu das profil zu löschen?")
    assert asks_about_privacy("werden meine daten hier gelöscht?")


def test_back_out_of_the_net_is_not_again(knowledge):
    assert "repeated" not in knowledge.understand("wie krieg ich das bild wieder aus dem netz??").aspects
    assert "repeated" in knowledge.understand("er hat es wieder gepostet").aspects


def test_a_question_of_ones_own_is_no_answer_to_online():
    """"was könn mir vorher machen dass uns ni sowas passiert" had answered "im Internet?" with no."""
    from handlers.answers import interpret

    assert interpret("was könn mir vorher machen dass uns ni sowas passiert wie anderen", "de", "online").meaning is None
    assert interpret("nicht so", "de", "online").meaning == "no"


def test_the_lka_named_brings_zastex(knowledge):
    chat = at_threat_result(knowledge, "de")
    ids = contact_ids(chat.text("Gibt es denn keine besondere Stelle beim Landeskriminalamt fuer bedrohte Gemeinderaete?"))
    assert "zastex" in ids


@pytest.mark.parametrize("question, faq", [
    ("if i make anzeige, is it problem for my residence status?", "residence_status"),
    ("i think it is racist. who can help me… not only polizei", "someone_to_talk_to"),
])
def test_a_councillor_afraid_of_the_police_is_sent_to_counselling(knowledge, question, faq):
    """A Syrian-born councillor asking about his residence status was told to ask the police, and
    "who can help me… not only polizei" got "Best call this one first" (stop 49): counselling now,
    as the faq's answer or among the places not yet shown."""
    chat = at_threat_result(knowledge, "en", town="Olbernhau")
    replies = chat.text(question)
    assert {"support", "weisser_ring"} & set(contact_ids(replies))
    assert knowledge.texts.faq[faq].answer.get("en").split(".")[0] in all_text(replies)


@pytest.mark.parametrize("reply", ["der sagt nix, atmet nur", "is halb drei nachts"])
def test_more_of_the_story_at_the_danger_question_is_read(knowledge, reply):
    """After "jetz grad wieder so n anruf", "der sagt nix, atmet nur" had got "not understood" and
    "is halb drei nachts" was answered as a question (a mayor's wife at night, stop 49)."""
    chat = PureChat(knowledge)
    chat.text("jetz grad wieder so n anruf")
    assert chat.state.node == "danger_now"
    said = all_text(chat.text(reply))
    assert knowledge.flow.texts.story_read.get("de") in said


def test_so_far_not_is_once(knowledge):
    """"bisher ni" had been "not understood" at "happened before?" (a development conversation,
    reached once "die sind gleich wieder raus" no longer read as "again")."""
    from handlers.answers import interpret

    assert interpret("bisher ni", "de", "repeated").meaning == "no"
    assert "repeated" not in knowledge.understand("nee die sind gleich wieder raus, das war vorgestern").aspects


# --- stop 49, round 2 -------------------------------------------------------------------------


def test_a_man_smoking_outside_is_no_fire(knowledge):
    """"ok im in a spati now hes outside smoking" had brought "leave the building" to a councillor
    hiding from the man following her; smoke coming out still is a fire."""
    from handlers.answers import emergency_scene

    assert emergency_scene("ok im in a spati now hes outside smoking") is None
    assert emergency_scene("smoke is coming from the office") == "emergency_fire"


@pytest.mark.parametrize("text", ["the glass guy is coming at 2", "a guy is coming at 2 to fix it", "der glaser kommt um 14 uhr"])
def test_a_tradesman_coming_later_is_no_emergency(knowledge, text):
    assert not knowledge.understand(text).danger_now


def test_its_the_glazier_at_the_advice_is_harmless(knowledge):
    chat = PureChat(knowledge, lang="en")
    chat.text("someone is banging on my door rn shouting")
    assert chat.state.node == "emergency"
    chat.text("no one is coming to hurt me its the GLAZIER")
    assert chat.state.node != "emergency"


def test_called_and_nobody_here_yet_keeps_the_advice(knowledge):
    """"110 ist angerufen aber noch keiner da" (a clerk, the man moving towards her colleague) had
    left the advice for the category questions: nobody yet is help not yet there."""
    chat = PureChat(knowledge)
    chat.text("Im Bürgerbüro schreit gerade ein Mann und geht auf meine Kollegin zu")
    said = all_text(chat.text("110 ist angerufen aber noch keiner da"))
    assert chat.state.node == "emergency" and knowledge.flow.texts.help_coming.get("de") in said


def test_whether_to_resign_neither_ends_the_conversation_nor_brings_110(knowledge):
    """"ja aber was meinen sie. aufhoeren oder weitermachen" had ended and deleted the conversation,
    and "ich weiss nicht ob ich aufhoeren soll" at the danger question brought the 110 screen (an
    honorary mayor, stop 49)."""
    chat = at_threat_result(knowledge, "de")
    said = all_text(chat.text("ja aber was meinen sie. aufhoeren oder weitermachen"))
    assert chat.state is not None and chat.state.node == knowledge.flow.after_result
    assert knowledge.texts.faq["whether_to_resign"].answer.get("de").split("–")[0] in said
    chat = PureChat(knowledge)
    chat.text("hallo")
    chat.text("ich weiss nicht ob ich aufhoeren soll")
    assert chat.state.node != "emergency"


@pytest.mark.parametrize("text", ["sind sie ein mensch", "sind sie ein mensch oder ein computer?", "am i talking to a bot"])
def test_asked_whether_a_person_answers_it_is_a_program(text):
    from knowledge import smalltalk
    from knowledge.features import fold

    assert smalltalk.kind(fold(text)) == smalltalk.ABOUT_BOT


def test_a_powdery_letter_gets_the_object_advice_and_symptoms_get_112(knowledge):
    """"ein weißes, pulverartiges Material" had got the advice for a person at the door, and "Der
    Notruf ist abgesetzt … Sie klagt über Kratzen im Hals" "call 110 now" again (a clerk, stop 49)."""
    chat = PureChat(knowledge)
    chat.text("In der Poststelle hat eine Mitarbeiterin soeben einen Brief geöffnet, in dem sich ein weißes, "
              "pulverartiges Material befindet. Wie ist nun zu verfahren?")
    assert chat.state.node == "emergency" and chat.state.pending.get("scene") == "emergency_object"
    said = all_text(chat.text("Der Notruf ist abgesetzt. Was ist mit der Mitarbeiterin? Sie klagt über Kratzen im Hals."))
    assert knowledge.flow.texts.symptoms_object.get("de") in said


def test_what_is_not_the_case_comes_last_in_the_understood_line(knowledge):
    """"Verstanden: Thallwitz, nicht im Internet, Zuhause oder Familie betroffen." read on a phone as
    "neither" (an honorary mayor, stop 49)."""
    from handlers.listening import understood_line

    line = understood_line(knowledge, "de", ["Thallwitz", "nicht im Internet", "Zuhause oder Familie betroffen"])
    assert line.index("Zuhause") < line.index("nicht im Internet")


def test_a_word_then_what_is_that_asks(knowledge):
    from handlers.answers import is_question

    assert is_question("auskunftssperre was ist das")


def test_a_later_sentence_asking_gibt_es_is_a_question(knowledge):
    """"meine frau und ich schlafen kaum noch. gibt es da jemand zum reden" at "home or family?" had
    got only "Verstanden: Zuhause oder Familie betroffen" (an honorary mayor, stop 49)."""
    from handlers.answers import is_question

    assert is_question("meine frau und ich schlafen kaum noch. gibt es da jemand zum reden")
    assert not is_question("das war gestern. es gibt da einen zeugen")
