"""How the words around a place name read: tokens, lead-ins before a name, what follows
it (a role, "bei" and a bigger place, a region, another state), and how sure a mention is
meant as the writer's municipality. Used by knowledge.place_text."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from knowledge.municipalities import key

if TYPE_CHECKING:
    from knowledge.places import Place

_TOKEN = re.compile(r"\w(?:[\w.'’]*\w)?(?:[-/]\w(?:[\w.'’]*\w)?)*", re.UNICODE)
_SENTENCE_ENDS = ".!?:"
_PAUSES = frozenset(",;:.!?()–\n")
_ABBREVIATED = {"b": "bei", "i": "in"}

LEAD_INS = frozenset(
    "in aus bei nach von vom nahe naehe raum umgebung gemeinde stadt kommune ort ortsteil ot dorf "
    "buergermeister buergermeisterin oberbuergermeister oberbuergermeisterin gemeinderat gemeinderaetin "
    "stadtrat stadtraetin ortsvorsteher ortsvorsteherin ortschaftsrat plz postleitzahl wohnort "
    "from near of at mayor town village municipality stadtverwaltung gemeindeverwaltung verwaltung rathaus "
    "sondern meinte meant"  # a correction: "nicht Döbeln sondern Ostrau", "ich meinte Ostrau"
    .split()
)
# Lead-ins that name the writer's own administration ("Stadtverwaltung Markkleeberg").
OWN_ADMINISTRATION = frozenset("gemeinde stadt wohnort stadtverwaltung gemeindeverwaltung verwaltung rathaus".split())
# "used to live in Dresden", "früher in Leipzig": where the writer was, not where they are.
FORMERLY = frozenset("used fruher frueher ehemals previously formerly originally ursprunglich".split())
# "my parents live in Leipzig": someone else's place; the writer's own, if named, wins.
OTHER_PEOPLE = frozenset(
    "parents eltern mother mum mom mutter mutti father dad vater papa sister schwester brother bruder "
    "friend friends freund freundin freunde oma opa grandma grandpa aunt tante uncle onkel".split()
)
# Words that make the next "in"/"aus"/"von" point at the person's own municipality.
ROLE_WORDS = frozenset(
    "buergermeister buergermeisterin oberbuergermeister oberbuergermeisterin gemeinderat gemeinderaetin "
    "stadtrat stadtraetin ortsvorsteher ortsvorsteherin ortschaftsrat ortschaftsraetin kandidat kandidatin "
    "wohne wohnen lebe leben komme kommen sitze bin sind mayor councillor live council rat "
    "ortschaftsratin ortsvorsteher ortsvorsteherin".split()
)
# A name right after these is a district, a person or a street, not a municipality:
# "Landkreis Görlitz", "Herr Rochlitz", "Frau Thum".
BLOCKERS = frozenset(
    "landkreis kreis lk herr herrn frau dr familie strasse str mr mrs ms dem den des"
    # football clubs: "Dynamo Dresden", "Lok Leipzig", "FSV Zwickau", "RB Leipzig"
    " dynamo lok fsv rb fc sv vfb vfl bsg chemie tsv ssv"
    # a hill or a street: "aufm Kirchberg", "am Kirchberg"
    " am aufm aufs aufn".split()
)
# A name right after a first name is a surname: "Kevin Thum", "Ronny Kirchberg". Common
# first names in Saxony (and a few English ones); none is the first word of a place name
# (tests/test_place_text.py checks that).
FIRST_NAMES = frozenset(key(name) for name in (
    "alexander andrea andreas angela anja anke anne annett annette annika antje axel benjamin "
    "bernd birgit brigitte carola carsten chris christian christina christine cindy claudia "
    "conny constanze corinna daniel daniela danny david dennis detlef detlev diana dieter "
    "dirk dominik doreen dorothea egon elke ellen emily emma enrico eric erik felix florian "
    "frank franziska gabi gabriele gerald gerd gert grit guenter hans harald harry "
    "hartmut heidi heike heiko heinz helmut holger horst ilona ina ines ingo ingrid iris jack "
    "jacqueline james jan jana janine jenny jens jessica joerg johannes john jonas juergen "
    "julia juliane kai karin karsten kate kathrin katja katrin kerstin kevin "
    "klaus knut kristin kurt lars laura lena leon lisa lothar lucas lukas lutz madlen maik "
    "mandy manfred manuela marcel marcus maria marie mario marion markus marlies martin "
    "martina mary mathias matthias max melanie michael mike monika moritz nadine nancy nico "
    "nicole niklas nils norbert olaf oliver patrick paul peggy peter petra philipp rainer "
    "ralf ralph ramona regina reiner reinhard renate rene rico robert ronnie ronny rudolf "
    "sabine sandra sandro sarah sebastian siegfried silke silvia silvio simon simone sindy "
    "sophie stefan stefanie steffen stephan stephanie steve steven susann susanne sven sylvia "
    "tanja thomas thorsten tim tino tobias tom toni torsten ulrich ulrike ute uwe veronika "
    "volker werner wilfried wolfgang yvonne "
).split())
# Lead-ins that still count when a name is also an ordinary word ("in Lauter", "bei Aue").
STRONG_LEAD_INS = frozenset("in aus bei nach von gemeinde stadt ort ortsteil ot from near of".split())
# After a name: a role ("Beucha, Gemeinderat"), "bei" with a bigger place ("Kreischa bei
# Dresden") or the district ("Limbach, Vogtlandkreis") show it is the person's municipality.
ROLE_NOUNS = frozenset(
    "buergermeister buergermeisterin oberbuergermeister oberbuergermeisterin gemeinderat gemeinderaetin "
    "stadtrat stadtraetin kreisrat kreisraetin ortschaftsrat ortschaftsraetin ortsvorsteher ortsvorsteherin "
    "ortsbeirat stadtbezirksbeirat beigeordneter beigeordnete gemeindeverwaltung stadtverwaltung rathaus "
    "mayor councillor councilor council".split()
)
NEAR_WORDS = frozenset("bei b nahe naehe near neben".split())  # "near" also for "south of" (preposition)
# "south of Leipzig", "nördlich von Dresden", "outside of Chemnitz": where the place lies.
DIRECTIONS = frozenset("south north east west southeast southwest northeast northwest outside suedlich noerdlich "
                       "oestlich westlich suedoestlich suedwestlich nordoestlich nordwestlich ausserhalb sued nord ost".split())
# Words that make the next "in" the writer's own place ("ich in Oelsnitz", "here in Pirna").
SELF_WORDS = frozenset("ich wir hier here mir uns hause daheim haus house home wohnung grundstueck".split())
# Where the writer was born or grew up is not where it happened ("in Zwickau geboren, aber
# Gemeinderätin in Dennheritz"): said right after the name, or as "born in X".
BIRTH_WORDS = frozenset("geboren aufgewachsen born raised grew gebuertig".split())
# A name followed by one of these is a product, not a place ("Meissen porcelain", "Radeberger Bier").
PRODUCTS = frozenset("porzellan porcelain bier beer pils stollen senf mustard stern sterne star stars".split())
# A lead-in that names where someone came from: another place in the message wins
# ("aus Leipzig weggezogen, wohne jetzt in Markranstädt").
ORIGIN_LEADS = frozenset("aus from von vom".split())
# Words between a name and what qualifies it ("Oelsnitz im Vogtland", "Frankenberg an der Eder").
_CONNECTORS = frozenset("in im an am auf der die den bei i".split())
# Regions after an ambiguous name pick among its places (district or name contains them).
REGIONS = {
    "vogtland": "vogtland", "vogtlandkreis": "vogtland", "vogtl": "vogtland", "v": "vogtland",
    "erzgebirge": "erzgebirg", "erzgebirgskreis": "erzgebirg", "erzgeb": "erzgebirg", "erzg": "erzgebirg",
    "sachsen": "sachsen", "sa": "sachsen", "saxony": "sachsen", "oberlausitz": "oberlausitz", "mittelsachsen": "mittelsachsen",
    "nordsachsen": "nordsachsen",
}
# A name followed by another state or country is not the Saxon one ("Coswig (Anhalt)",
# "Königstein im Taunus", "Bergen, Norway").
NOT_SAXON = frozenset(
    "anhalt taunus oberpfalz eder hessen thueringen thuringen bayern brandenburg niedersachsen nrw "
    "westfalen harz pfalz allgaeu schwarzwald baden wuerttemberg mecklenburg saarland holstein "
    "norway norwegen austria oesterreich switzerland polen poland tschechien czech czechia liechtenstein "
    "hohenlohe ruegen fils weinstrasse rheinland goeppingen mosel eifel sauerland lahn neckar saale".split()
)
# Place-name keys that are also ordinary words (German or English), and short forms that
# name a place only after "in", "aus" or an office ("in DD", not "the DD form").
ORDINARY_WORDS = frozenset(
    "aue bergen buchholz hain lauter mark schlegel schleife thurm treuen wiesen dd lpz".split()
)
# Names people use that the municipality list does not have: an old official name and
# common short names (alias key -> the municipality's name in gemeinden-sachsen.csv).
ALIASES = {
    "karl marx stadt": "Chemnitz",  # the city's name from 1953 to 1990
    "hoywoy": "Hoyerswerda",
    "dipps": "Dippoldiswalde",
    "schiebock": "Bischofswerda",  # the town's nickname in Saxon
    "zwigge": "Zwickau",  # Zwickau as it is spoken
    "draesdn": "Dresden",  # Dresden as it is spoken ("Dräsdn")
    "elbflorenz": "Dresden",  # "Florence on the Elbe"
    # the cities as written in chats, from their number plates and short forms ("bin stadträtin in DD")
    "dd": "Dresden",
    "lpz": "Leipzig",
}
# Leipzig's Stadtteile, which the postcode data does not name (a councillor's "i live in connewitz"
# had been offered Bannewitz or Bennewitz): the city, not a Revier (knowledge/data/police.yaml
# names which Revier a source says covers some of them). Both spellings of an umlaut.
LEIPZIG_PARTS = (
    "connewitz", "plagwitz", "gohlis", "lindenau", "altlindenau", "neulindenau", "reudnitz", "reudnitz thonberg",
    "schleussig", "stoetteritz", "stotteritz", "paunsdorf", "eutritzsch", "mockau", "suedvorstadt", "sudvorstadt",
    "loessnig", "lossnig", "marienbrunn", "doelitz", "dolitz", "grosszschocher", "grossschocher", "kleinzschocher",
    "lausen", "lausen gruenau", "lausen grunau", "leutzsch", "moeckern", "mockern", "probstheida", "anger crottendorf",
    "volkmarsdorf", "sellerhausen", "sellerhausen stuenz", "neuschoenefeld", "neuschonefeld", "boehlitz ehrenberg",
    "bohlitz ehrenberg", "rueckmarsdorf", "ruckmarsdorf", "luetzschena", "lutzschena", "connewitzer kreuz",
)
ALIASES.update({part: "Leipzig" for part in LEIPZIG_PARTS})
# Short forms never taken from free text: "in Brand gesetzt" is a fire, not Brand-Erbisdorf.
NEVER_ALONE = frozenset({"brand", "schweiz", "sachsen"})


class Token(NamedTuple):  # a tuple: a message makes dozens, and they are made fast
    surface: str
    key: str  # one word of the lookup key
    start: int
    capital: bool
    sentence_start: bool
    inner: bool  # a later word of one written token ("neustadt" in "Dresden-Neustadt")
    pause: bool = False  # punctuation right before it ("Beucha, Gemeinderat")



# A written word's key words: words recur from message to message, the key is pure.
_key_words = lru_cache(maxsize=1 << 15)(lambda surface: tuple(key(surface).split()))


def tokens(text: str) -> list[Token]:
    """One token per word of the lookup key: "Dresden-Neustadt" gives "dresden", "neustadt",
    so both the whole and its first part can match. Only a token's first word can follow
    a lead-in or start a sentence."""
    out: list[Token] = []
    previous_end = 0  # where the last word ended: only the gap since then can end a sentence
    for m in _TOKEN.finditer(text):
        surface = m.group(0)
        words = _key_words(surface)
        if not words:
            continue
        if words[0] in _ABBREVIATED and out and text[m.end(): m.end() + 1] == ".":
            words = (_ABBREVIATED[words[0]],)  # "Hartmannsdorf b. Kirchberg", "Neustadt i. Sa."
        start, end = m.span()
        between = text[previous_end:start]  # a line break is a pause, not a sentence end
        previous_end = end
        if between == " " and out:  # most words: one space after the last, no pause
            sentence_start = pause = False
        else:
            gap = between.rstrip()
            sentence_start = not out if not gap else gap[-1] in _SENTENCE_ENDS
            pause = bool(out) and not _PAUSES.isdisjoint(between)
        capital = surface[0].isupper()
        out.append(Token(surface, words[0], start, capital, sentence_start, False, pause))
        if len(words) > 1:
            out += [Token(surface, w, start, capital, False, True) for w in words[1:]]
    return out


def lead_in(tokens: list[Token], i: int) -> str | None:
    """The lead-in word right before token i ("in", "Bürgermeister", "Gemeinde"), if any."""
    if i == 0 or tokens[i].inner or tokens[i].pause:  # "Gemeinderätin, werde bedroht"
        return None
    prev = tokens[i - 1].key
    if prev in ROLE_WORDS:  # "Bürgermeister Pirna", "wohne Pirna"
        return "role"
    if prev not in LEAD_INS:
        return None
    before = {t.key for t in tokens[max(0, i - 4) : i - 1]}
    after = {t.key for t in tokens[i + 1 : i + 3]}
    if not FORMERLY.isdisjoint(before) or not OTHER_PEOPLE.isdisjoint(before) \
            or not BIRTH_WORDS.isdisjoint(after) or i >= 2 and tokens[i - 2].key in BIRTH_WORDS:
        return "from"  # gives way to another place named (knowledge.place_text._located)
    # "Bürgermeisterin in X", "wohne in X", "Gemeinde X": the person's own municipality.
    # ("wohne aber in X": up to two words may stand between.)
    if prev in OWN_ADMINISTRATION or any(t.key in ROLE_WORDS for t in tokens[max(0, i - 4) : i - 1]) \
            or i >= 2 and tokens[i - 2].key in SELF_WORDS:  # "ich in Oelsnitz", "here in Pirna"
        return "role"
    return prev


def after_office(tokens: list[Token], i: int) -> bool:
    """An office is named just before token i ("im Stadtrat in aue", "Bürgermeister treuen")."""
    return any(t.key in ROLE_NOUNS for t in tokens[max(0, i - 4) : i])


# A letter's postmark names where it was posted, not where the writer is ("Poststempel Zwickau").
POSTMARK_WORDS = frozenset("poststempel stempel abgestempelt gestempelt postmark postmarked".split())


def preposition(tokens: list[Token], i: int) -> str | None:
    if i == 0 or tokens[i].pause:
        return None
    if tokens[i - 1].key in ("of", "von", "vom") and i >= 2 and tokens[i - 2].key in DIRECTIONS:
        return "near"  # "Borna. South of Leipzig": Leipzig only says where Borna lies
    if tokens[i - 1].key in ("of", "von", "vom", "der") and i >= 2 and tokens[i - 2].key in ROLE_NOUNS:
        return "role"  # "an den Bürgermeister von Reichenbach": the office's town, not where someone came from
    if tokens[i - 1].key in POSTMARK_WORDS:
        return "aus"  # "Poststempel Zwickau": where the letter came from
    return tokens[i - 1].key


def lead_after(tokens: list[Token], k: int, *, exact: bool = True) -> str | None:
    """"role" when what follows a name shows it is the writer's municipality. A typo
    (`exact` False) needs a role or a region after it: "taucht bei", "am freitag, ich"
    are no places."""
    if k >= len(tokens) or tokens[k].inner:
        return None
    word = tokens[k].key
    if word in ROLE_NOUNS or qualifier(tokens, k) in REGIONS:
        return "role"
    if word in ("hier", "here") and not tokens[k].pause:  # "Niederstriegis hier, Ortschaftsrat"
        return "role"
    if not exact:
        return None
    if word in NEAR_WORDS and k + 1 < len(tokens) and tokens[k + 1].capital:  # "Kreischa bei Dresden"
        return "role"
    # "Zschocken, ich bin Ortsvorsteher": a name that opens a sentence, then the writer.
    if tokens[k].pause and word in ("ich", "wir", "i", "we") and tokens[k - 1].sentence_start:
        return "role"
    return None


def qualifier(tokens: list[Token], k: int) -> str | None:
    """The first word after a name past small connectors ("im", "an der"), if close."""
    for j in range(k, min(len(tokens), k + 3)):
        if tokens[j].key in _DISTRICT_WORDS and j + 1 < len(tokens):
            return tokens[j + 1].key  # "Lichtenberg, Landkreis Bautzen"
        if tokens[j].key not in _CONNECTORS:
            return tokens[j].key
    return None


_DISTRICT_WORDS = frozenset("landkreis lk kreis landkr".split())


def in_region(places: tuple[Place, ...], word: str | None) -> tuple[Place, ...]:
    """"Oelsnitz im Vogtland", "Neustadt i. Sa.": the places of an ambiguous name in that region."""
    region = REGIONS.get(word or "") or (word if word and len(word) >= 4 else None)
    if len(places) < 2 or region is None:
        return places
    inside = tuple(p for p in places if region in key(p.district_name) or region in key(p.name))
    return inside or places


def evidence(first: Token, words: str, lead: str | None, *, ordinary: bool, placed: bool = False) -> int:
    """How sure we are that `words` (starting at `first`) name a place; 0 = not a place.
    `placed`: a role before it or a region after it ("Stadtrat in aue", "bergen im vogtland"),
    enough for a name that is also an ordinary word, even in lower case."""
    capital = first.capital and not first.sentence_start
    if ordinary:
        return (4 if lead == "role" else 3) if (lead in STRONG_LEAD_INS or lead == "role") and (first.capital or placed) else 0
    if lead:
        return {"role": 4, "from": 2}.get(lead, 3)  # where someone came from: the least sure lead
    if capital:
        return 2
    if first.capital or len(words.replace(" ", "")) >= 5 or " " in words:
        return 1
    return 0
