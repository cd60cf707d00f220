"""The pure conversation step: every category path in both languages, typed answers, commands."""

from __future__ import annotations

import pytest

from handlers import triage
from tests.helpers import PureChat, all_text, contact_ids, option_ids

CATEGORIES = [
    "physical_attack", "threat", "stalking", "doxxing", "insult",
    "online_hate", "coercion", "property_damage", "unsure", "prevention",
]


def walk_to_place(chat: PureChat, category: str, *, aspect_answer: str = "_no") -> None:
    chat.command("start")
    assert chat.state.node == "danger_now"
    chat.option("danger_no")
    assert chat.state.node == "category"
    chat.option(category)
    assert chat.state.category == category
    while chat.state.node.startswith("aspect_"):  # prevention asks none: nothing happened
        if chat.state.node == "aspect_home_repeated":  # two aspects in one question
            chat.option("home_and_several" if aspect_answer == "_yes" else "home_repeated_no")
            continue
        wanted = [o for o in option_ids(chat.last.messages) if o.endswith(aspect_answer)]
        assert len(wanted) == 1, chat.last.messages
        chat.option(wanted[0])
    assert chat.state.node == "municipality"


@pytest.mark.parametrize("lang", ["de", "en"])
@pytest.mark.parametrize("category", CATEGORIES)
def test_every_category_reaches_a_result(knowledge, category, lang):
    chat = PureChat(knowledge, lang=lang)
    walk_to_place(chat, category)
    messages = chat.text("Görlitz")
    cat = knowledge.categories[category]
    first = messages[0]
    assert first.category == category
    assert first.text.startswith(cat.acknowledge.get(lang))
    assert cat.label.get(lang) in first.text and "Görlitz" in first.text
    assert 2 <= len(first.contacts) <= 3
    assert first.contacts[0].id == "polizeirevier"
    assert first.contacts[0].name == "Polizeirevier Görlitz"
    advice = all_text(messages[1:])
    assert knowledge.texts.steps_header.get(lang) in advice
    assert cat.steps.get(lang)[0] in advice
    if cat.legal:
        assert cat.legal.short.get(lang) in advice
        assert cat.legal.text.get(lang) not in advice  # the full note comes on request
    assert chat.state.node == knowledge.flow.after_result
    assert "new_request" in option_ids(messages)


def test_result_language_follows_the_user(knowledge):
    en, de = PureChat(knowledge, lang="en"), PureChat(knowledge, lang="de")
    for chat in (en, de):
        walk_to_place(chat, "threat")
        chat.text("01067")
    assert "These services can help you" in all_text(en.last.messages)
    assert "Diese Stellen helfen Ihnen weiter" in all_text(de.last.messages)


def test_aspects_add_contacts_and_advice(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat", aspect_answer="_yes")
    assert set(chat.state.aspects) == {"online", "extremist", "private_sphere", "repeated"}
    messages = chat.text("Pirna")
    messages += chat.option("more_contacts") + chat.option("more_advice")
    ids = contact_ids(messages)
    for contact in ("onlinewache", "zastex", "support", "hateaid"):
        assert contact in ids
    assert ids.count("polizeirevier") == 1 and ids[0] == "polizeirevier"
    advice = all_text(messages)
    assert "Screenshots" in advice and "Protokoll" in advice and "Schutz Ihres Zuhauses" in advice


def test_implied_aspect_skips_its_question(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.option("danger_no")
    chat.option("online_hate")
    assert "online" in chat.state.aspects
    assert chat.state.node == "aspect_extremist"  # aspect_online was skipped


@pytest.mark.parametrize("typed", ["Bedrohung", "bedrohung", "BEDROHUNG", "2", " 2 ", "threat"])
def test_typed_category_answers(knowledge, typed):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.text("nein")
    chat.text(typed)
    assert chat.state.category == "threat"


@pytest.mark.parametrize("typed", ["Sachbeschaedigung", "sachbeschadigung", "Korperlicher Angriff", "koerperlicher angriff"])
def test_labels_typed_without_umlauts(knowledge, typed):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.option("danger_no")
    chat.text(typed)
    expected = "property_damage" if typed.lower().startswith("sach") else "physical_attack"
    assert chat.state.category == expected


def test_out_of_range_number_is_not_understood(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    messages = chat.text("7")
    assert chat.state.node == "danger_now"
    assert knowledge.texts.not_understood.de in all_text(messages)


def test_stale_option_is_refused_and_question_repeated(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.option("danger_no")
    messages = chat.option("danger_no")  # an old button from the first question
    assert chat.state.node == "category"
    assert knowledge.texts.stale_option.de in all_text(messages)
    assert "threat" in option_ids(messages)


def test_danger_answer_puts_110_first(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    messages = chat.option("danger_yes")
    first = messages[0]
    assert first.emergency and first.category == "emergency"
    assert "110" in first.text.split("\n")[0] and "112" in first.text
    assert contact_ids(messages)[0] == "notruf"


def test_safe_after_emergency_continues_to_triage(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.option("danger_yes")
    chat.option("safe_continue")
    assert chat.state.node == "category"


def test_first_message_describing_danger_goes_straight_to_110(knowledge):
    chat = PureChat(knowledge)
    messages = chat.text("Da steht gerade jemand mit einem Messer vor meiner Tür")
    assert messages[0].emergency and "110" in messages[0].text
    assert chat.state.node == "emergency"


def _unsure_first_message(chat: PureChat) -> list:
    """A first message the words fit more than one way: the danger question, then a choice."""
    messages = chat.text("Ich werde seit Wochen auf Facebook beleidigt")
    assert chat.state.node == "danger_now"  # the danger question always comes first
    assert "110" in messages[0].text  # the welcome with the 110 line comes first
    return chat.option("danger_no")


def test_first_message_with_a_story_proposes_a_category_after_the_danger_question(knowledge):
    chat = PureChat(knowledge)
    _unsure_first_message(chat)
    if chat.state.node == triage.CONFIRM_CATEGORY:
        assert "insult" in chat.state.pending["proposed"]
        chat.option("cat.insult")
    assert chat.state.category == "insult"
    assert chat.state.node.startswith("aspect_") or chat.state.node == "municipality"


def test_rejecting_a_proposal_shows_the_category_list(knowledge):
    chat = PureChat(knowledge)
    chat.text("Ich habe ein ungutes Gefühl wegen Kommentaren")
    chat.option("danger_no")
    if chat.state.node == triage.CONFIRM_CATEGORY:
        chat.option("cat.other")
    else:  # understood outright: "Etwas stimmt nicht", then the kind
        chat.option("fix.open")
        chat.option("fix.category")
    assert chat.state.node == "category" and chat.state.category is None


@pytest.mark.parametrize("word", ["Notfall", "notfall!", "NOTFALL bitte", "emergency"])
def test_the_word_notfall_at_any_step(knowledge, word):
    chat = PureChat(knowledge)
    walk_to_place(chat, "insult")
    messages = chat.text(word)
    assert chat.state.node == "emergency" and messages[0].emergency


def test_ambiguous_place_offers_a_choice_then_resolves(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("Neustadt")
    assert chat.state.node == triage.CHOOSE_PLACE
    places = [o for o in messages[-1].options if o.id.startswith("place.") and o.id not in ("place.none", "place.skip")]
    assert len(places) >= 2
    result = chat.option(places[0].id)
    assert result[0].category == "threat" and chat.state.place_id


def test_not_knowing_which_of_the_places_goes_on_without_one(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    chat.text("Neustadt")
    assert chat.state.node == triage.CHOOSE_PLACE
    result = chat.text("weiß ich nicht")
    assert result[0].category == "threat" and not chat.state.place_id


def test_typo_gets_did_you_mean(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("Goerlits")
    assert chat.state.node == triage.CHOOSE_PLACE
    assert any("Görlitz" in o.label for o in messages[-1].options)


def test_unknown_place_asks_again_and_skip_works(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("Xyzzyqwert")
    assert chat.state.node == "municipality"
    assert knowledge.texts.place_not_found.de in all_text(messages)
    result = chat.option("place.skip")
    assert result[0].category == "threat"
    # No place: the police card asks for it; 110 appears only as the emergency number.
    ask, emergency = result[0].contacts[:2]
    assert ask.phone is None and "Gemeinde" in ask.note
    assert emergency.phone == "110" and "Notruf" in emergency.name


def test_place_outside_saxony_gets_nationwide_contacts_not_a_saxon_station(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("München")
    messages += chat.option("more_contacts")
    ids = contact_ids(messages)
    assert "zastex" not in ids
    assert {"weisser_ring", "starke_stelle"} <= set(ids)
    assert "Sachsen" in messages[0].text and "110" in messages[0].text
    assert messages[0].contacts[0].phone is None and "München" in messages[0].contacts[0].note
    assert messages[0].contacts[1].phone == "110"


def test_shared_location_resolves_the_place(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "property_damage")
    messages = chat.location(51.1536, 14.9886)  # Görlitz
    assert "Görlitz" in messages[0].text


def _walk_to_result_without_the_place_question(chat: PureChat, knowledge) -> None:  # type: ignore[no-untyped-def]
    for _ in range(12):
        if chat.state.node == knowledge.flow.after_result:
            return
        assert not _is_place_question(knowledge, chat.state.node), "the place was asked for again"
        offered = option_ids(chat.last.messages)
        chat.option(next((o for o in offered if o.endswith("_no") or o.startswith("cat.")), offered[0]))
    raise AssertionError(f"no result after 12 steps: {chat.state.node}")


def _is_place_question(knowledge, node: str) -> bool:  # type: ignore[no-untyped-def]
    question = knowledge.flow.questions.get(node)
    return node == "choose_place" or question is not None and question.kind == "municipality"


def test_a_location_shared_at_the_110_advice_is_kept_and_said_to_be_unseen_by_the_police(knowledge):
    """A mayor shared his location while a man rang and shouted at his door: "not understood",
    and later the place was asked for again."""
    chat = PureChat(knowledge)
    chat.text("jetzt klingelt grad einer Sturm an der Haustür und brüllt rum, komm raus du Sau")
    assert chat.state.node == "emergency"
    [advice] = chat.location(50.659, 13.338)  # Olbernhau
    assert advice.text == knowledge.flow.texts.location_at_advice.de.format(place="Olbernhau")
    assert chat.state.node == "emergency" and chat.state.place_id is not None
    chat.option("safe_continue")
    _walk_to_result_without_the_place_question(chat, knowledge)


def test_a_location_shared_at_another_question_is_kept_and_the_question_stays(knowledge):
    chat = PureChat(knowledge)
    chat.command("start")
    chat.option("danger_no")
    chat.option("threat")
    node = chat.state.node
    assert node.startswith("aspect_")
    messages = chat.location(50.659, 13.338)  # Olbernhau
    assert chat.state.node == node and "Olbernhau" in messages[0].text and messages[-1].options
    assert chat.state.place_id == knowledge.places.nearest(50.659, 13.338).places[0].id
    _walk_to_result_without_the_place_question(chat, knowledge)


def test_place_without_known_station_gets_its_own_station_then_the_nearest_number(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    messages = chat.text("Leipzig")
    # The Reviere in Leipzig have no known number and the nearest one with a number is 21 km
    # away, outside the city: the city's Reviere first (where to go, and the Onlinewache), then
    # the specialised contacts (ZASTEX, with a number); the far Revier under "Weitere Stellen".
    own, specialised = messages[0].contacts[:2]
    assert own.name == "Polizeireviere in Leipzig" and own.phone is None and "Onlinewache" in own.note
    assert "Südost" in own.note and "Nord" in own.note  # the city's Reviere, none called near
    assert specialised.id == "zastex" and specialised.phone
    assert not any(c.name.startswith("Polizeirevier ") for c in messages[0].contacts)
    more = chat.option(next(o for o in option_ids(messages) if o.startswith("more")))
    far = next(c for m in more for c in m.contacts if c.name.startswith("Polizeirevier "))
    assert far.phone and far.phone != "110"
    # said to be outside the city, not hers (a Leipzig councillor read "nearest" as her own)
    assert far.note == knowledge.police.texts.outside_city_callable.get("de").format(city="Leipzig", km=21)
    assert far.note.startswith("Nicht in Leipzig")


def test_after_result_end_and_restart(knowledge):
    chat = PureChat(knowledge)
    walk_to_place(chat, "threat")
    chat.text("Görlitz")
    chat.option("new_request")
    assert chat.state.node == "danger_now" and chat.state.category is None
    walk_to_place(chat, "threat")
    chat.text("Görlitz")
    messages = chat.option("finish")
    assert chat.state is None
    assert knowledge.texts.conversation_ended.de in all_text(messages)
