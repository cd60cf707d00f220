"""understand(): aspects, platform, when, language and place from one message."""

from __future__ import annotations

import dataclasses

import pytest

from knowledge.base import Knowledge
from knowledge.extract import aspects
from knowledge.features import fold
from knowledge.understanding import Understanding, understand


@pytest.mark.parametrize(
    ("text", "expected", "platform"),
    [
        ("Auf Facebook hat jemand geschrieben, ich sei ein Verräter", {"online"}, "Facebook"),
        ("someone posted my address in a telegram group", {"online", "private_sphere"}, "Telegram"),
        ("Drohmail bekommen, per E-Mail an mein Büro", {"online"}, "E-Mail"),
        ("Er steht jeden Abend vor meinem Haus", {"offline", "private_sphere", "repeated"}, None),
        ("meine kinder wurden auf dem schulweg angesprochen", {"private_sphere"}, None),
        ("seit wochen immer wieder anrufe", {"offline", "repeated"}, None),
        ("this keeps happening, third time this month", {"repeated"}, None),
        ("Hakenkreuz an die Wand vom Bürgerbüro geschmiert", {"offline", "extremist"}, None),
        ("a man punched me at the market", {"offline"}, None),
        # a council meeting is offline; "where she lives" in reported speech is home
        ("In der gestrigen Sitzung des Gemeinderates äußerte ein Zuhörer, man wisse, wo sie wohne.",
         {"offline", "private_sphere"}, None),
        ("fährt uns hinterher, schon seit Ostern", {"repeated"}, None),
        ("some randos spraypainted my car 'traitor' last nite", {"offline"}, None),
        # left at the door or on the car: offline (a grave candle had been asked "online?")
        ("heute frueh lag eine grabkerze mit meinem namen vor der haustuer", {"offline", "private_sphere"}, None),
        ("someone left a dead rat on my doorstep", {"offline", "private_sphere"}, None),
        # next door is no platform; nebenan.de is
        ("der von nebenan steht im garten und guckt rüber", {"offline", "private_sphere"}, None),
        ("auf nebenan.de schreibt einer über mich", {"online"}, "nebenan.de"),
        # a parcel left at the town hall is brought in the flesh
        ("On 2 December an unknown person left a package at the town hall containing a dead rat",
         {"offline"}, None),
        # a short reply that says it was the first time; in a story "the first time" starts a count
        ("no, first time", {"once"}, None),
        ("nee das erste mal", {"once"}, None),
        ("the first time he came was in may, since then every week", {"repeated"}, None),
        # a call, its verb split ("online?" had been asked of it)
        ("seit dem windrad beschluss ruft einer an und sagt wir wissen wo dein enkel zur schule geht",
         {"offline", "private_sphere", "repeated"}, None),
        ("this guy keeps calling my office at night", {"offline", "repeated"}, None),
        # where people meet in the flesh ("online?" had been asked of a gym and a café)
        ("this guy keeps popping up at my gym and my fav café, like 5x now, just stares", {"offline", "repeated"}, None),
        ("der steht beim bäcker und im supermarkt immer hinter mir", {"offline", "repeated"}, None),
        ("someone posted a photo of my car on facebook", {"online"}, "Facebook"),
        # Standing for office again is no repeated harm; kicking the door again is.
        ("Unsere Bürgermeisterin kandidiert im kommenden Jahr erneut, was raten Sie?", set(), None),
        ("im running again next year", set(), None),
        ("er tritt wieder gegen die tür", {"offline", "repeated"}, None),
        # How long someone has held an office is no habit; the third time is.
        ("ich bin seit 24 jahren bürgermeister, ehrenamtlich", set(), None),
        ("nee, aber das ist schon das dritte mal", {"repeated"}, None),
        # On paper, by phone or face to face: offline, unless the internet is named too.
        ("anonymer Drohbrief im Briefkasten", {"offline", "private_sphere"}, None),
        ("he said it to my face after the meeting", {"offline"}, None),
        ("erst ein Zettel an der Tür, dann dasselbe auf Facebook", {"online"}, "Facebook"),
        ("nicht online, sondern am Telefon", {"offline"}, None),
        ("five guys outside my place yelling my name", {"offline", "private_sphere"}, None),
        # stop 36, walked: men in the yard hammering at the door had been asked "online?"
        ("drei maenner im hof und schlagen gegen die tuer", {"offline", "private_sphere"}, None),
        ("theyre banging on the door downstairs", {"offline"}, None),
        # "texting" may be a messenger: the phone does not make it offline, the question is asked
        ("he called my phone and then texted me", set(), None),
        # Not stopping is repeated, not a denial of what follows.
        ("some guys keep dming me on insta", {"online", "repeated"}, "Instagram"),
        ("die hören einfach nicht auf, mir zu schreiben", {"repeated"}, None),
        ("nicht auf Facebook, per Brief", {"offline"}, None),
        # stop 31, as an honorary mayor: "nix" denies too ("nee nix im internet" had made it online)
        ("nee nix im internet", set(), None),
        ("nothing online, it was at the market", {"offline"}, None),
        ("nix genaues, aber auf insta postet er", {"online"}, "Instagram"),
        # stop 46, an old councillor: denied after the words, and a messenger used to wake a neighbour
        ("im Internet war auch nichts, das war hier an meiner Haustuer!", {"private_sphere"}, None),
        ("Ich habe meinen Nachbarn ueber WhatsApp geweckt, der hat die Polizei gerufen.", set(), None),
        ("er hat mir über whatsapp gedroht", {"online"}, "WhatsApp"),
        # followed on foot is no question of the internet (a councillor was asked "online?")
        ("he followed me from the rally at the crossroads", {"offline"}, None),
        ("er ist mir gefolgt bis zum auto", {"offline"}, None),
        # how long a state lasts is no habit ("seit heut früh schwindlig" had been "wiederholt")
        ("mir is seit heut früh schwindlig und übel", set(), None),
        # a clerk's correction had been read as its opposite ("Verstanden: Zuhause oder Familie betroffen")
        ("die Flyer waren überall im Ort, nicht bei ihm zu Hause", {"offline", "not_private"}, None),
        # as a clerk writes: denied after the words; what the rest names stays
        ("Ein extremistischer Hintergrund ist nicht erkennbar.", set(), None),
        ("Hinweise auf eine Veröffentlichung im Internet liegen nicht vor.", set(), None),
        ("no political motive is apparent", set(), None),
        ("Hakenkreuz an der Tür gesprüht, mehr ist nicht bekannt", {"offline", "extremist"}, None),
        ("er stand vor meinem Haus, das Motiv ist nicht erkennbar", {"offline", "private_sphere"}, None),
        ("im Posteingang ein Umschlag mit weißem Pulver", {"offline"}, None),
        ("hassmails im posteingang", {"online"}, "E-Mail"),
        # a clerk's letter and voicemail had been "im Internet" (stop 47)
        ("im Posteingang der Stadtverwaltung ging ein anonymes Schreiben ein", {"offline"}, None),
        ("Wie ist die Sprachnachricht auf der Telefonanlage zu sichern?", {"offline"}, None),
        # a racist motive said as such; told to go "back home" is no home of hers (stop 47)
        ("er hasst mich weil ich bin aus ukraine", {"extremist"}, None),
        ("they write me i must go back home", {"extremist"}, None),
        ("ich fahr jetzt zurück nach hause", {"private_sphere"}, None),
        # a span of weeks is a habit (a clerk's "seit mehreren Wochen ... erwartet mich" had been a scene now)
        ("eine Person erwartet mich seit mehreren Wochen nach Dienstschluss vor dem Rathaus", {"repeated"}, None),
        ("For a few weeks now I've been getting letters", {"offline", "repeated"}, None),
        # looking something up is no incident online; a review is
        ("One of them had a sticker with a black sun on it. I had to google what that is.", {"extremist"}, None),
        ("a 1-star google review calling it the Gutmensch café", {"online"}, None),
        # at the yard gate is no question of the internet (a scared mayor was asked "online?")
        ("hilfe da sind zwei maenner am hoftor und ruetteln dran", {"offline", "private_sphere"}, None),
        # stop 28: a home in a compound, slang for an address, "keep" + -ing, Telegram as "tg"
        ("an der Fassade seines Privathauses wurde etwas gesprüht", {"offline", "private_sphere"}, None),
        ("some randos keep dropping my addy in the comments", {"online", "private_sphere", "repeated"}, None),
        ("he kept on calling", {"repeated"}, None),
        ("keep smiling, they said", set(), None),
        ("my whole address is in a tg channel", {"online", "private_sphere"}, "Telegram"),
        # stop 36, walked as a clerk in English: "kind" (sort) is no German "Kind" (child)
        ("It is the first incident of this kind.", {"once"}, None),
        ("mein kind wurde auf dem schulweg angesprochen", {"private_sphere"}, None),
        # walked as a young councillor: the dropped e ("die wissen wo ich wohn")
        ("die schreiben drunter die wissen wo ich wohn", {"private_sphere"}, None),
    ],
)
def test_aspects_and_platform(text: str, expected: set[str], platform: str | None) -> None:
    found = aspects(fold(text))
    assert set(found.ids()) == expected
    assert found.platform == platform


# Stop 41 (a blind writer's first messages that tell where, how and how often): home or family
# said to be untouched, in another sense, or only telling it; the first time said as offices say it.
@pytest.mark.parametrize(
    ("text", "home"),
    [
        ("i was called a nazi on facebook because of my vote. my family is not involved", False),
        ("Ihre Familie ist davon bislang nicht betroffen.", False),
        ("Ihre Familie und ihre Wohnanschrift werden nicht erwähnt.", False),
        ("Her private address has not been published.", False),
        ("nothing at my home so far tho", False),
        ("klang wie ne drohung. daheim is alles ruhig", False),
        ("There is no threat of violence and nothing involving his family.", False),
        ("they called him a \"Kinderficker\" in front of the town hall", False),
        ("since the council approved a Sorbian-language kindergarten", False),
        ("we vote in march about a home for refugees in the old school", False),
        ("mein enkel hat mirs gezeigt, seit ostern geht das", False),
        # still home or family: a fear for them, or them named as harmed
        ("meine familie ist nicht mehr sicher", True),
        ("my family is not safe anymore", True),
        ("die lassen meine familie nicht in ruhe", True),
        ("ich trau mich nicht mehr nach hause", True),
    ],
)
def test_home_or_family_denied_or_meant_otherwise(text: str, home: bool) -> None:
    assert aspects(fold(text)).private_sphere is home


@pytest.mark.parametrize("text", [
    "hab sowas noch nie gehabt",
    "Soweit wir wissen, ist das das erste Mal.",
    "Weitere Vorfälle sind uns bisher nicht bekannt.",
    "This is the first time we have experienced pressure like this.",
    "As far as we know nothing similar has happened before.",
    "bisher einmal, kp ob der was von mir will",
])
def test_the_first_time_said_in_a_sentence_is_once(text: str) -> None:
    assert "once" in aspects(fold(text)).ids()




@pytest.mark.parametrize(
    ("text", "when"),
    [
        ("gestern wurde ich geschubst", "past"),
        ("letzte Woche kam ein Drohbrief", "past"),
        ("someone threatened me two weeks ago", "past"),
        ("er steht gerade vor der Tür", "now"),
        ("they are outside right now", "now"),
        ("Ich bekomme Drohbriefe", None),
    ],
)
def test_when(knowledge: Knowledge, text: str, when: str | None) -> None:
    assert understand(text, knowledge).when == when


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ich wurde gestern nach der Sitzung bedroht", "de"),
        ("bin voll fertig, die ham mir die scheibe eingeschlagen", "de"),
        ("I was threatened after the council meeting", "en"),
        ("someone keeps calling me at night", "en"),
        ("mehr zum recht pls", "not en"),  # "pls" is written in German chats too: no switch to English (EH writer)
        ("pls help", "en"),
        ("ok", None),
        ("Hallo", None),
        ("", None),
    ],
)
def test_language_guess(knowledge: Knowledge, text: str, lang: str | None) -> None:
    guess = understand(text, knowledge).language
    assert guess != "en" if lang == "not en" else guess == lang


def test_understanding_is_frozen_and_complete(knowledge: Knowledge) -> None:
    u = understand("Auf Telegram hat jemand meine Adresse gepostet, jetzt habe ich Angst um meine Kinder", knowledge)
    assert isinstance(u, Understanding)
    assert u.category == "doxxing"
    assert {"online", "private_sphere"} <= set(u.aspects)
    assert u.platform == "Telegram"
    assert u.language == "de"
    assert not u.danger_now and u.danger_signals == ()
    with pytest.raises(dataclasses.FrozenInstanceError):
        u.when = "past"  # type: ignore[misc]


def test_place_comes_from_the_place_index_when_it_can_find_one(knowledge: Knowledge) -> None:
    u = understand("In Grimma hat mich einer auf dem Markt geschubst", knowledge)
    if hasattr(knowledge.places, "find_in_text"):
        assert u.place is not None
    else:
        assert u.place is None


def test_danger_inside_a_category_message(knowledge: Knowledge) -> None:
    u = understand("Er hat mich geschlagen und steht jetzt mit einem Messer vor meiner Tür", knowledge)
    assert u.danger_now and u.when == "now"
    assert "now+situation" in u.danger_signals


def test_no_word_family_has_a_prefix_shorter_than_the_index_keeps() -> None:
    """WordFamily's pre-check keeps word beginnings from _SHORTEST_PREFIX letters on."""
    import knowledge.concept_words as words_module
    import knowledge.extract as extract_module

    families = [o for m in (words_module, extract_module) for o in vars(m).values() if isinstance(o, extract_module.WordFamily)]
    assert families
    assert min(len(p) for f in families for p in f._prefixes) >= extract_module._SHORTEST_PREFIX  # noqa: SLF001


def test_the_german_perfect_in_both_orders() -> None:
    """Searched in two steps since this stop (auxiliary, then a participle after it): the same
    answers as the one expression before, without its quadratic time on a long message."""
    from knowledge.concepts import past_tense

    def past(text: str) -> bool:
        return past_tense(text, frozenset(text.split()))

    assert past("er hat mich gestern geschlagen")
    assert past("geschlagen hat er mich")
    assert past("die sind gekommen")
    assert not past("er hat ein messer")
    assert not past("gekommen")  # a participle without an auxiliary
    assert not past("gestern gekommen und er hat")  # the auxiliary after the participle, not next to it
    assert not past("bis jetzt ist er vor meiner tur und klingelt")  # a "ge" inside the present tense
    assert past("er ist vor meiner tur gewesen und hat geklingelt")


@pytest.mark.parametrize("text", ["nah im home", "I'm home now, safe", "bin jetzt zu Hause", "wir sind wieder daheim",
                                  "we're back home"])
def test_where_the_writer_is_now_is_not_where_it_happened(text: str) -> None:
    """A young councillor answered the danger question "nah im home" and was shown
    "Understood: home or family affected" for a remark made at the bakery."""
    assert not aspects(fold(text)).private_sphere


@pytest.mark.parametrize("text", ["he came to my home", "ich war zu Hause, als es klingelte",
                                  "they posted my home address", "er stand vor meinem Haus"])
def test_home_told_as_the_scene_still_counts(text: str) -> None:
    assert aspects(fold(text)).private_sphere


def test_a_family_made_later_finds_its_prefix_in_a_text_read_before() -> None:
    """Word beginnings are looked up among the prefixes families ask for; a new family's
    prefix must count in a text whose words were split before it existed."""
    from knowledge.extract import WordFamily

    text = "der gartenzwergschreck war wieder da"
    assert not WordFamily(("wieder da",)).search("nichts davon")
    assert WordFamily(("wieder da",)).search(text)
    assert WordFamily(("gartenzwergschr*",)).search(text)
    assert WordFamily(("gartenzwergschr* war",)).search(text)
    assert not WordFamily(("gartenzwergschrx*",)).search(text)


@pytest.mark.parametrize(("text", "once", "repeated"), [
    ("Das ist zum ersten Mal passiert", True, False),
    ("nein nur einmal", True, False),
    ("first time this happened to me", True, False),
    ("ich bin zum ersten Mal im Gemeinderat", False, False),  # a first term is no first incident
    ("zum zehnten Mal steht er vor dem Rathaus", False, True),
    ("it happened once before and now again", False, True),  # told again: repeated wins
])
def test_once_and_repeated(text: str, once: bool, repeated: bool) -> None:
    ids = aspects(fold(text)).ids()
    assert ("once" in ids) is once and ("repeated" in ids) is repeated


@pytest.mark.parametrize(("text", "home"), [
    # a relative who only advises is not affected
    ("beim dorffest hat mir einer gesagt ich soll aufpassen, meine frau sagt ich soll das melden", False),
    ("my wife told me to report this, a guy threatened me at the market", False),
    ("Mein Mann meint, ich sollte das mal anzeigen. Einer hat mich im Rathaus angeschrien.", False),
    # what the relative tells, or a home named beside the advice, still is
    ("meine frau sagt, jemand stand heute nacht in unserem garten", True),
    ("meine tochter sagt, sie wird in der schule wegen mir gemobbt", True),
    ("my husband says I should write, they threatened our kids", True),
])
def test_a_relative_giving_advice_is_not_home_or_family(text: str, home: bool) -> None:
    assert ("private_sphere" in aspects(fold(text)).ids()) is home


@pytest.mark.parametrize("text", [
    "In one comment, the mayor's spouse is also named as an alleged beneficiary.",
    "Auch die Ehepartnerin des Bürgermeisters wird in dem Beitrag genannt.",
    "my girlfriend got the same messages",
    "Some comments name the street where one council member lives.",  # where someone lives
    "die schreiben, sie wissen wo ich wohne",
])
def test_a_spouse_a_partner_or_where_one_lives_is_home_or_family(text: str) -> None:
    assert "private_sphere" in aspects(fold(text)).ids()


@pytest.mark.parametrize(("text", "repeated"), [
    ("can you show me the number again", False),
    ("what was the number of the police again", False),
    ("zeig mir nochmal die Nummer", False),
    ("kannst du mir die nummer nochmal zeigen", False),
    ("he told me again he would kill me", True),
    ("er schickt mir wieder drohungen", True),
    ("es ist wieder passiert", True),
])
def test_again_asked_of_the_bot_is_no_repeated_offence(text: str, repeated: bool) -> None:
    assert aspects(fold(text)).repeated is repeated


# Stop 42, walked as the mayor: the office held since a year, told after the office, is no habit.
@pytest.mark.parametrize(("text", "repeated"), [
    ("ich bin burgermeister in hohnstein seit 2004. heut morgen lag vor meiner haustur ein toter fuchs", False),
    ("I have been mayor since 2009. Yesterday someone threatened me", False),
    ("bin Bürgermeister. Seit 2019 bekomme ich Drohbriefe", True),
    ("im on the council since 2019 and i get threats every week", True),
])
def test_the_office_held_since_a_year_is_no_habit(text: str, repeated: bool) -> None:
    assert aspects(fold(text)).repeated is repeated


# Found by a blind tester as the clerk: back where one belongs is no second time.
@pytest.mark.parametrize(("text", "repeated"), [
    ("Unser Bürgermeister wurde heute auf dem Markt gestoßen. Er ist inzwischen wieder im Rathaus.", False),
    ("she is back at work now, he pushed her yesterday", False),
    ("er ist wieder vor meinem haus", True),
    ("der typ stand wieder vor dem rathaus", True),
    ("er hat mich schon wieder angerufen", True),
])
def test_back_at_work_or_home_is_no_repeated_offence(text: str, repeated: bool) -> None:
    assert aspects(fold(text)).repeated is repeated


# Found by a blind tester as the mayor: the other side's family is not the user's home or family.
@pytest.mark.parametrize(("text", "private"), [
    ("das war der sohn vom bauern dem wir den pachtvertrag gekuendigt haben", False),
    ("der sohn vom nachbarn hat mich beleidigt", False),
    ("his wife yelled at me at the market", False),
    ("die familie vom bürgermeister wird bedroht", True),  # whom a clerk writes for
    ("der sohn des bürgermeisters wurde angegriffen", True),
    ("er hat seine kinder mitgebracht und meine tochter angeschrien", True),
])
def test_the_other_sides_family_is_not_the_users(text: str, private: bool) -> None:
    assert aspects(fold(text)).private_sphere is private


# Found by a blind tester writing as a learner of German: one, as a number, is once.
@pytest.mark.parametrize(("text", "once", "repeated"), [
    ("1 mal", True, False),
    ("1x", True, False),
    ("nur 1 mal", True, False),
    ("2 mal", False, True),
    ("10 mal", False, True),
    ("3x", False, True),
])
def test_one_as_a_number_is_once(text: str, once: bool, repeated: bool) -> None:
    found = aspects(fold(text))
    assert (found.once, found.repeated) == (once, repeated)
