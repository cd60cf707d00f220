"""PlaceIndex.find_in_text: a municipality or postcode anywhere in a free sentence."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from knowledge.base import Knowledge

DEV = yaml.safe_load((Path(__file__).parent / "data" / "places_dev.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", DEV, ids=[c["text"][:40] for c in DEV])
def test_development_sentences(knowledge: Knowledge, case: dict) -> None:
    res = knowledge.places.find_in_text(case["text"])
    if case.get("expect_postcode"):
        assert res is not None and res.places
        assert all(case["expect_postcode"] in (p.postcode, *p.postcodes) for p in res.places)
    elif case.get("expect") is None:
        assert res is None, [p.name for p in res.places]
    else:
        assert res is not None and res.status == "found", res
        assert res.places[0].name == case["expect"]


@pytest.mark.parametrize(
    "text",
    ["in lauter Angst", "Lauter Stimmen", "im Hain", "Der Hain", "die Mark", "in Brand gesetzt",
     "treuen Dank", "Die Bergleute wollten das Auto bergen", "eine Schleife", "Ich lebe in Angst",
     "Ich bin in Sorge", "Herr Rochlitz", "Landkreis Bautzen", "in die Schweiz", "aus Sachsen",
     "Tel. 03581 468 650", "0351 48322 33", "10000 Euro", "Ich wohne hier", "", "   ", "!!!",
     "the DD form", "ich hab DD geschrieben",
     # a verb one letter from a place, lower-case where the writer capitalises ("Machern")
     "oder kann das die Stadt machen, ich hab keine Lust"],
)
def test_ordinary_words_are_not_places(knowledge: Knowledge, text: str) -> None:
    assert knowledge.places.find_in_text(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [("Wir wohnen in Lauter", "Lauter-Bernsbach"), ("ich komme aus Aue", "Aue-Bad Schlema"),
     ("Bürgermeister in Treuen", "Treuen"), ("Thum", "Thum"), ("wohne in thum", "Thum"),
     ("Görlitz", "Görlitz"), ("GÖRLITZ", "Görlitz"), ("Ich wohne in Grossenhain", "Großenhain"),
     ("bei Bischofswerd", "Bischofswerda"), ("aus Budyšin", "Bautzen"),
     # a municipality followed by a part of it names the municipality
     ("wohne in Dresden Neustadt", "Dresden"), ("Wilsdruff OT Grumbach", "Wilsdruff"),
     # the cities as written in chats
     ("bin stadträtin in DD und krieg drohmails", "Dresden"), ("stadtrat in lpz", "Leipzig"), ("aus Lpz", "Leipzig"),
     ("Ich bin Bürgermeister in olbernau", "Olbernhau")],
)
def test_names_with_evidence_are_found(knowledge: Knowledge, text: str, expected: str) -> None:
    res = knowledge.places.find_in_text(text)
    assert res is not None and res.status == "found" and res.places[0].name == expected


def test_ambiguous_name_and_postcode(knowledge: Knowledge) -> None:
    res = knowledge.places.find_in_text("Ich bin Gemeinderätin in Neukirch")
    assert res is not None and res.status == "ambiguous"
    assert sorted(p.name for p in res.places) == ["Neukirch", "Neukirch/Lausitz"]
    narrowed = knowledge.places.find_in_text("01561 Lampertswalde, Bürgermeister")
    assert narrowed is not None and [p.name for p in narrowed.places] == ["Lampertswalde"]


def test_the_persons_own_municipality_wins(knowledge: Knowledge) -> None:
    res = knowledge.places.find_in_text("Ich war gestern in Dresden, wohne aber in Pirna")
    assert res is not None and res.places[0].name == "Pirna"


def test_outside_saxony_is_not_found(knowledge: Knowledge) -> None:
    assert knowledge.places.find_in_text("Ich wohne in Hamburg") is None
    assert knowledge.places.find_in_text("80331") is None


def test_every_municipality_in_a_sentence(knowledge: Knowledge) -> None:
    """Each of the 418 names, as written and without umlauts, after a lead-in and at the start."""
    failures = []
    for place in knowledge.places.saxon_places():
        plain = place.name.translate(str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ö": "Oe", "Ü": "Ue", "Ä": "Ae"}))
        for text in (f"Ich bin Bürgermeister in {place.name}.", f"ich wohne in {plain} und werde bedroht",
                     f"{place.name}: Gemeinderätin, Drohbrief erhalten"):
            res = knowledge.places.find_in_text(text)
            if res is None or place not in res.places or (res.status == "found" and res.places[0] != place):
                failures.append((text, res))
    # Names that are ordinary words need a lead-in: "Bergen: …" at the start is not taken.
    assert {t.split(":")[0] for t, _ in failures} <= {"Bergen", "Treuen", "Schleife"}, failures[:5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Beucha, Gemeinderat, man droht mir", "Brandis"),  # a town part, a role after it
        ("Zschocken, ich bin Ortsvorsteher", "Hartenstein"),
        ("Dohna bei Pirna, Gemeinderat", "Dohna"),  # "X bei Y": X is meant
        ("Ich komme aus Görlitz, wohne aber seit Jahren in Niesky", "Niesky"),  # origin gives way
        ("Der Täter ist aus Riesa hergefahren, ich wurde in Strehla angegriffen", "Strehla"),
        ("Der Stalker wohnt in Plauen, ich in Oelsnitz im Vogtland", "Oelsnitz/Vogtland"),
        ("Auerbach im Erzgebirge, Drohbrief im Briefkasten", "Auerbach"),  # the region picks one
        ("gemeinderat in krimmitschau, drohungen", "Crimmitschau"),  # C and K
        ("Hartmannsdorf b. Kirchberg, Gemeinderat", "Hartmannsdorf bei Kirchberg"),  # "b." is "bei"
        # A place named only to locate another gives way to it, wherever it stands.
        ("i live in a tiny village near Zittau called Oybin", "Oybin"),
        ("Taucha, gleich neben Leipzig, da bin ich Stadtrat", "Taucha"),
        ("Er wohnt in Leipzig, kommt aber immer wieder zu mir nach Markkleeberg", "Markkleeberg"),
        # A house number before a comma is no phone number; the postcode picks the name.
        ("Lindenstraße 4, 09232 Hartmannsdorf", "Hartmannsdorf"),
        ("ich wohne in Karl-Marx-Stadt, wie meine Oma sagt", "Chemnitz"),  # the old name
        ("stadtrat in schiebock, die drohen mir", "Bischofswerda"),  # nicknames and spoken forms
        ("Zwigge", "Zwickau"),
        ("Neustadt in Saxony, not the one in the Vogtland", "Neustadt in Sachsen"),
        # "X hier", an office before a name that is also a word, the administration writing,
        # a district after an ambiguous name, a postcode in the address lines.
        ("pirna hier, stadtrat. mir wird gedroht", "Pirna"),
        ("bin im gemeinderat in aue und werde beleidigt", "Aue-Bad Schlema"),
        ("treuen (vogtland), stadträtin", "Treuen"),
        ("Stadtverwaltung Markkleeberg. Der Täter wohnt in Leipzig.", "Markkleeberg"),
        ("Gemeinde Ebersbach, Landkreis Meißen", "Ebersbach"),
        ("Gemeindeverwaltung Neukirch\nSchulstraße 1\n01936 Neukirch", "Neukirch"),
        ("buergermeister von grosrueckerswalde", "Großrückerswalde"),
        # Where the writer was or someone else lives gives way.
        ("früher in Chemnitz gewohnt, jetzt im Stadtrat in Flöha", "Flöha"),
        ("my parents live in leipzig but i'm on the council in taucha", "Taucha"),
        # Where the writer was born gives way; where their house is wins.
        ("Ich bin in Zwickau geboren, aber Gemeinderätin in Dennheritz, und dort passiert das alles.", "Dennheritz"),
        ("born in Dresden, but I've lived in Radeberg for years", "Radeberg"),
        ("Wir hatten Kreistag in Borna, aber die Schmiererei war an meinem Haus in Kitzscher.", "Kitzscher"),
    ],
)
def test_where_the_writer_is(knowledge: Knowledge, text: str, expected: str) -> None:
    res = knowledge.places.find_in_text(text)
    assert res is not None and res.status == "found" and res.places[0].name == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("nee nich döbeln sondern leisnig", "Leisnig"),
    ("das war nicht in grimma sondern in wurzen", "Wurzen"),
    ("Not Freital, Freiberg.", "Freiberg"),
    ("ich meinte leisnig", "Leisnig"),
    ("Leipziger Straße, Taucha", "Taucha"),  # the street's name ends at the comma
    ("my husband is on the town council in Zwickow", "Zwickau"),  # -au as English speakers spell it
    ("aber ich wohne nicht in görlitz, ich bin aus zittau", "Zittau"),  # "aus" had made Zittau give way (a blind tester)
    # a clerk: the postmark names where the letter came from, "Bürgermeister von" the office's town
    ("Poststempel Zwickau, an den Bürgermeister von Reichenbach im Vogtland", "Reichenbach"),
])
def test_a_place_said_not_to_be_meant_gives_way(knowledge: Knowledge, text: str, expected: str) -> None:
    res = knowledge.places.find_in_text(text)
    assert res is not None and res.status == "found" and res.places[0].name == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ich bin Stadtrat in Coswig (Anhalt)",  # another state
        "Stadtverordnete in Königstein im Taunus",
        "Mr Freiberg from our office got the same letter",  # a surname
        "oben auf dem Kirchberg stand ein Kreuz",  # a hill
        "sie haben mir meine Glashütter Uhr weggenommen",  # an adjective
        "der typ taucht bei jeder sitzung auf",  # "taucht bei" is no Taucha
        "Er trug ein Trikot von Dynamo Dresden",  # a football club
        "Ich bin in der Stadtvertretung in Bergen auf Rügen",  # another state
        "so war das am freitag, ich krieg es nicht aus dem kopf",  # no Freital
        "Kevin Thum hat mir wieder geschrieben",  # a first name, then a surname
        "ronny kirchberg steht jeden tag am zaun",
        "ich war aufm kirchberg spazieren, da kam einer hinterher",  # a hill
        "bin im urlaub in liechtenstein und krieg drohungen",  # no typo of Lichtenstein
        "Stadtverwaltung Altenburg in Thüringen, gilt das auch für uns?",
        "ich bin lauter geworden in der sitzung",  # "bin" is no office
        "I love Meissen porcelain, but that's not why I'm writing.",  # a product
        "nach der Sitzung gab es Radeberger Bier",
    ],
)
def test_no_saxon_municipality(knowledge: Knowledge, text: str) -> None:
    res = knowledge.places.find_in_text(text)
    assert res is None or res.status != "found"


def test_first_names_are_no_place_names(knowledge: Knowledge) -> None:
    """A first name blocks the name after it, so it must never begin a place's name itself."""
    from knowledge.place_words import FIRST_NAMES

    finder = knowledge.places._text_finder()  # noqa: SLF001
    assert not FIRST_NAMES & finder.first_words


def test_a_surname_does_not_hide_the_place_after_a_lead_in(knowledge: Knowledge) -> None:
    res = knowledge.places.find_in_text("Kevin Thum aus Kirchberg bedroht mich")
    assert res is not None and res.places[0].name == "Kirchberg"
