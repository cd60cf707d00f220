"""Finds a Saxon municipality inside a free sentence: "bin Bürgermeister in Ebersbach-Neugersdorf",
"hier in hartha", "04703", "bei Pirna".

Many Saxon place names are also ordinary words ("Lauter", "Aue", "Brand", "Treuen"), so a
name counts only with evidence that it is meant as a place:
- a lead-in right before it ("in", "aus", "bei", "Gemeinde", "Bürgermeister von" …), or
- a capital letter that is not just the start of a sentence, or
- a lower-case name that is no German word and long enough (people type "pirna").
Names on the ordinary-word list need a lead-in *and* a capital ("in Lauter", not "in lauter
Angst"). Typos are forgiven only in long names (7+ letters) that carry a lead-in or a capital.
Town parts ("Zabeltitz" for Großenhain) count, but a municipality's own name wins.
What follows a name counts too: a role ("Beucha, Gemeinderat"), "bei" and a bigger place
("Kreischa bei Dresden": Kreischa is meant), a region that picks one of several places of
that name ("Oelsnitz im Vogtland"), another state that rules Saxony out ("Coswig (Anhalt)").
Where two places are named, where someone came from ("aus Leipzig weggezogen") gives way.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, NamedTuple

from knowledge.municipalities import key
from knowledge.text import deletes, edit_distance

if TYPE_CHECKING:
    from knowledge.places import Place, PlaceIndex, Resolution

MAX_WORDS = 5  # "Bernstadt auf dem Eigen"
TYPO_MIN = 7  # a capital alone forgives a typo from this length on
TYPO_MIN_LEAD = 5  # with a lead-in ("in Zitau") from this length on
_TOKEN = re.compile(r"\w(?:[\w.'’]*\w)?(?:[-/]\w(?:[\w.'’]*\w)?)*", re.UNICODE)
_SENTENCE_ENDS = ".!?:"
_PAUSES = frozenset(",;:.!?()–")

LEAD_INS = frozenset(
    "in aus bei nach von vom nahe naehe raum umgebung gemeinde stadt kommune ort ortsteil ot dorf "
    "buergermeister buergermeisterin oberbuergermeister oberbuergermeisterin gemeinderat gemeinderaetin "
    "stadtrat stadtraetin ortsvorsteher ortsvorsteherin ortschaftsrat plz postleitzahl wohnort "
    "from near of at mayor town village municipality".split()
)
# Words that make the next "in"/"aus"/"von" point at the person's own municipality.
ROLE_WORDS = frozenset(
    "buergermeister buergermeisterin oberbuergermeister oberbuergermeisterin gemeinderat gemeinderaetin "
    "stadtrat stadtraetin ortsvorsteher ortsvorsteherin ortschaftsrat ortschaftsraetin kandidat kandidatin "
    "wohne wohnen lebe leben komme kommen sitze bin sind mayor councillor live"
    .split()
)
# A name right after these is a district, a person or a street, not a municipality:
# "Landkreis Görlitz", "Herr Rochlitz", "Frau Thum".
BLOCKERS = frozenset("landkreis kreis lk herr herrn frau dr familie strasse str mr mrs ms dem den des".split())
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
NEAR_WORDS = frozenset("bei b nahe naehe near".split())
# Words that make the next "in" the writer's own place ("ich in Oelsnitz", "here in Pirna").
SELF_WORDS = frozenset("ich wir hier here".split())
# A lead-in that names where someone came from: another place in the message wins
# ("aus Leipzig weggezogen, wohne jetzt in Markranstädt").
ORIGIN_LEADS = frozenset("aus from von vom".split())
# Words between a name and what qualifies it ("Oelsnitz im Vogtland", "Frankenberg an der Eder").
_CONNECTORS = frozenset("in im an am der die den bei i".split())
# Regions after an ambiguous name pick among its places (district or name contains them).
REGIONS = {
    "vogtland": "vogtland", "vogtlandkreis": "vogtland", "vogtl": "vogtland", "v": "vogtland",
    "erzgebirge": "erzgebirg", "erzgebirgskreis": "erzgebirg", "erzgeb": "erzgebirg", "erzg": "erzgebirg",
    "sachsen": "sachsen", "sa": "sachsen", "oberlausitz": "oberlausitz", "mittelsachsen": "mittelsachsen",
    "nordsachsen": "nordsachsen",
}
# A name followed by another state or country is not the Saxon one ("Coswig (Anhalt)",
# "Königstein im Taunus", "Bergen, Norway").
NOT_SAXON = frozenset(
    "anhalt taunus oberpfalz eder hessen thueringen thuringen bayern brandenburg niedersachsen nrw "
    "westfalen harz pfalz allgaeu schwarzwald baden wuerttemberg mecklenburg saarland holstein "
    "norway norwegen austria oesterreich switzerland polen poland tschechien czech czechia".split()
)
# Place-name keys that are also ordinary words (German or English).
ORDINARY_WORDS = frozenset(
    "aue bergen buchholz hain lauter mark schlegel schleife thurm treuen wiesen".split()
)
# Short forms never taken from free text: "in Brand gesetzt" is a fire, not Brand-Erbisdorf.
NEVER_ALONE = frozenset({"brand", "schweiz", "sachsen"})


class _Token(NamedTuple):  # a tuple: a message makes dozens, and they are made fast
    surface: str
    key: str  # one word of the lookup key
    start: int
    capital: bool
    sentence_start: bool
    inner: bool  # a later word of one written token ("neustadt" in "Dresden-Neustadt")
    pause: bool = False  # punctuation right before it ("Beucha, Gemeinderat")


@dataclass(frozen=True, slots=True)
class _Hit:
    score: tuple[int, int, int, int]  # evidence, own name over town part, earlier, longer
    places: tuple[Place, ...]
    postcode: str | None = None
    words: int = 1  # tokens the name spans ("Hartmannsdorf bei Kirchberg": 3)
    index: int = 0  # its first token
    lead: str | None = None  # the lead-in before it ("in", "aus", "bei", "role")


class TextFinder:
    """Lookup tables for free text, built once per place index on first use."""

    def __init__(self, index: PlaceIndex) -> None:
        self.index = index
        primary, secondary = index._saxony.names  # noqa: SLF001 - same package, one owner
        places = index._saxony.places  # noqa: SLF001
        self.names: dict[str, tuple[int, tuple[Place, ...]]] = {}
        for tier, table in ((1, secondary), (0, primary)):  # primary last: it wins
            for k, numbers in table.items():
                self.names[k] = (tier, tuple(places[n] for n in numbers))
        # "Gorlitz", "Dobeln": umlauts typed without their e.
        for k, (tier, found) in list(self.names.items()):
            plain = _drop_umlaut_e(k)
            if plain != k and plain not in self.names:
                self.names[plain] = (tier, found)
        self.first_words = {k.split()[0] for k in self.names}
        self.max_words = max(len(k.split()) for k in self.names)
        self.typo: dict[str, list[str]] = {}
        self._typo_cache: dict[str, tuple[str, ...]] = {}
        for k, (tier, _) in self.names.items():
            if tier == 0 and len(k.replace(" ", "")) >= TYPO_MIN_LEAD:
                for variant in deletes(k, 1):
                    self.typo.setdefault(variant, []).append(k)

    def find(self, text: str) -> Resolution | None:
        tokens = _tokens(text)
        hits: list[_Hit] = []
        covered = 0  # tokens before this index belong to a name already found
        for i, tok in enumerate(tokens):
            if i < covered:
                continue  # "Kirchberg" inside "Hartmannsdorf bei Kirchberg" is no mention of its own
            if tok.key.isdigit() and (not tok.inner or tokens[i - 1].key == "d"):  # "D-01067"
                hit = self._postcode(tokens, i)
                if hit:
                    hits.append(hit)
                continue
            if tok.inner:
                continue  # "Neugersdorf" inside "Ebersbach-Neugersdorf" is not a name of its own
            if tok.key.isdigit():
                continue
            hit = self._name(tokens, i) or self._derived(tokens, i)
            if hit:
                hits.append(hit)
                covered = i + hit.words
        if not hits:
            return None
        return self._decide(hits)

    def _postcode(self, tokens: list[_Token], i: int) -> _Hit | None:
        tok = tokens[i]
        if len(tok.key) != 5 or not tok.key.isdigit():
            return None
        # "0351 48322" or "Tel. 03581 468": digits beside digits are a phone number.
        neighbours = [tokens[j].key for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        if any(n.isdigit() for n in neighbours) or any(n in ("tel", "telefon", "euro", "eur") for n in neighbours):
            return None
        members = tuple(self.index._saxony.at_postcode(tok.key))  # noqa: SLF001
        if not members:
            return None
        return _Hit((3, 1, -tok.start, 5), members, postcode=tok.key)

    def _name(self, tokens: list[_Token], i: int) -> _Hit | None:
        first = tokens[i]
        if i > 0 and tokens[i - 1].key in BLOCKERS:
            return None
        lead = _lead_in(tokens, i)
        best: _Hit | None = None
        if first.key in self.first_words:
            words = ""
            for j in range(i, min(len(tokens), i + self.max_words)):
                words = f"{words} {tokens[j].key}".strip()
                found = self.names.get(words)
                if found is None:
                    continue
                tier, places = found
                qualifier = _qualifier(tokens, j + 1)
                if qualifier in NOT_SAXON:
                    continue
                places = _in_region(places, qualifier)
                evidence = _evidence(first, words, lead or _lead_after(tokens, j + 1), ordinary=words in ORDINARY_WORDS)
                if evidence <= 0 or words in NEVER_ALONE:
                    continue
                if tier == 1 and evidence < 2:
                    continue  # a town part needs a lead-in or a capital
                hit = _Hit((evidence, 1 - tier, -first.start, len(words)), places, words=j - i + 1, index=i,
                           lead=_preposition(tokens, i))
                if best is None or hit.score > best.score:
                    best = hit
        if best is None and (len(first.key) >= TYPO_MIN_LEAD or first.key in self.first_words):  # long enough for a typo
            if lead is None:
                end = i + 1
                while end < len(tokens) and tokens[end].inner:  # past the whole written word
                    end += 1
                lead = _lead_after(tokens, end, exact=False)
            if lead or (first.capital and not first.sentence_start):
                best = self._typo(tokens, i, lead)
        return best

    def _typo_matches(self, words: str) -> tuple[str, ...]:
        """Names within one or two typos of `words` (kept: the same words recur)."""
        cached = self._typo_cache.get(words)
        if cached is None:
            if len(self._typo_cache) > 50000:
                self._typo_cache.clear()
            limit = 1 if len(words) < 11 else 2
            cached = self._typo_cache[words] = tuple(sorted(
                {w for v in deletes(words, 1) for w in self.typo.get(v, ())
                 if edit_distance(words, w, limit) <= limit and _same_sound(w[:1], words[:1])}
            ))
        return cached

    def _derived(self, tokens: list[_Token], i: int) -> _Hit | None:
        """"Pirnas Bürgermeister": a capitalised genitive of a municipality's own name.
        (Adjectives such as "Görlitzer" are left out: "Dresdner Bank", "Leipziger Straße",
        "Meißner Porzellan" name no place of residence, and they cost precision.)"""
        tok = tokens[i]
        if not tok.capital or (i + 1 < len(tokens) and tokens[i + 1].inner):
            return None
        stems = []
        if tok.key.endswith("s"):
            stems.append(tok.key[:-1])
        for stem in stems:
            found = self.names.get(stem)
            if found and found[0] == 0 and stem not in ORDINARY_WORDS and stem not in NEVER_ALONE and len(stem) >= 4:
                return _Hit((2, 1, -tok.start, len(stem)), found[1], index=i)
        return None

    def _typo(self, tokens: list[_Token], i: int, lead: str | None) -> _Hit | None:
        first = tokens[i]
        for n in (2, 1):
            if i + n > len(tokens):
                continue
            words = " ".join(t.key for t in tokens[i : i + n])
            minimum = TYPO_MIN_LEAD if lead else TYPO_MIN
            if len(words.replace(" ", "")) < minimum or words in self.names or words in ORDINARY_WORDS:
                continue
            if words.endswith("r") and (words[:-1] in self.names or words[:-2] in self.names):
                continue  # "Glashütter Uhr", "Radeberger": an adjective, no place of residence
            matches = self._typo_matches(words)
            if len(matches) == 1:
                tier, places = self.names[matches[0]]
                evidence = 2 if lead else 1
                if matches[0] in ORDINARY_WORDS or matches[0] in NEVER_ALONE:
                    return None
                return _Hit((evidence, 0, -first.start, len(words)), places, words=n, index=i,
                            lead=_preposition(tokens, i))
        return None

    def _decide(self, hits: list[_Hit]) -> Resolution:
        from knowledge.places import Resolution, _classify

        hits = _located(hits)
        best = max(hits, key=lambda h: h.score)
        if best.postcode is not None:
            # "01561 Lampertswalde": a name next to the postcode picks one of its places.
            named = [h for h in hits if h.postcode is None and set(h.places) & set(best.places)]
            if named:
                return _classify(set(named[0].places) & set(best.places))
            return self.index.at_postcode(best.postcode)
        if len(best.places) > 1:
            # "Mylau in Reichenbach": another mention narrows an ambiguous name down.
            for other in sorted(hits, key=lambda h: h.score, reverse=True):
                common = [p for p in best.places if p in other.places]
                if other is not best and common and len(common) < len(best.places):
                    return _classify(common)
        return _classify(best.places) if best.places else Resolution("unknown")


def _same_sound(a: str, b: str) -> bool:
    """First letters a typo may swap: "Krimmitschau", "Zwönitz"/"Cwönitz" are rare, C/K common."""
    return a == b or {a, b} == {"c", "k"}


def _drop_umlaut_e(k: str) -> str:
    return k.replace("oe", "o").replace("ae", "a").replace("ue", "u")


def _tokens(text: str) -> list[_Token]:
    """One token per word of the lookup key: "Dresden-Neustadt" gives "dresden", "neustadt",
    so both the whole and its first part can match. Only a token's first word can follow
    a lead-in or start a sentence."""
    out: list[_Token] = []
    previous_end = 0  # where the last word ended: only the gap since then can end a sentence
    for m in _TOKEN.finditer(text):
        surface = m.group(0)
        words = key(surface).split()
        if not words:
            continue
        gap = text[previous_end: m.start()].rstrip()
        sentence_start = not out if not gap else gap[-1] in _SENTENCE_ENDS
        previous_end = m.end()
        capital = surface[:1].isupper()
        pause = bool(out) and not _PAUSES.isdisjoint(gap)
        out.append(_Token(surface, words[0], m.start(), capital, sentence_start, False, pause))
        out += [_Token(surface, w, m.start(), capital, False, True) for w in words[1:]]
    return out


def _lead_in(tokens: list[_Token], i: int) -> str | None:
    """The lead-in word right before token i ("in", "Bürgermeister", "Gemeinde"), if any."""
    if i == 0 or tokens[i].inner or tokens[i].pause:  # "Gemeinderätin, werde bedroht"
        return None
    prev = tokens[i - 1].key
    if prev in ROLE_WORDS:  # "Bürgermeister Pirna", "wohne Pirna"
        return "role"
    if prev not in LEAD_INS:
        return None
    # "Bürgermeisterin in X", "wohne in X", "Gemeinde X": the person's own municipality.
    # ("wohne aber in X": up to two words may stand between.)
    if prev in ("gemeinde", "stadt", "wohnort") or any(t.key in ROLE_WORDS for t in tokens[max(0, i - 4) : i - 1]) \
            or i >= 2 and tokens[i - 2].key in SELF_WORDS:  # "ich in Oelsnitz", "here in Pirna"
        return "role"
    return prev


def _preposition(tokens: list[_Token], i: int) -> str | None:
    return tokens[i - 1].key if i > 0 and not tokens[i].pause else None


def _lead_after(tokens: list[_Token], k: int, *, exact: bool = True) -> str | None:
    """"role" when what follows a name shows it is the writer's municipality. A typo
    (`exact` False) needs a role or a region after it: "taucht bei", "am freitag, ich"
    are no places."""
    if k >= len(tokens) or tokens[k].inner:
        return None
    word = tokens[k].key
    if word in ROLE_NOUNS or _qualifier(tokens, k) in REGIONS:
        return "role"
    if not exact:
        return None
    if word in NEAR_WORDS and k + 1 < len(tokens) and tokens[k + 1].capital:  # "Kreischa bei Dresden"
        return "role"
    # "Zschocken, ich bin Ortsvorsteher": a name that opens a sentence, then the writer.
    if tokens[k].pause and word in ("ich", "wir", "i", "we") and tokens[k - 1].sentence_start:
        return "role"
    return None


def _qualifier(tokens: list[_Token], k: int) -> str | None:
    """The first word after a name past small connectors ("im", "an der"), if close."""
    for j in range(k, min(len(tokens), k + 3)):
        if tokens[j].key not in _CONNECTORS:
            return tokens[j].key
    return None


def _in_region(places: tuple[Place, ...], word: str | None) -> tuple[Place, ...]:
    """"Oelsnitz im Vogtland", "Neustadt i. Sa.": the places of an ambiguous name in that region."""
    region = REGIONS.get(word or "")
    if len(places) < 2 or region is None:
        return places
    inside = tuple(p for p in places if region in key(p.district_name) or region in key(p.name))
    return inside or places


def _located(hits: list[_Hit]) -> list[_Hit]:
    """"Kreischa bei Dresden": the place before "bei" is meant, the other only locates it (and
    picks the nearest of an ambiguous name). "aus Leipzig weggezogen, wohne jetzt in
    Markranstädt": where someone came from gives way to any other place named."""
    out = list(hits)
    for near in hits:
        if near.lead not in NEAR_WORDS or near.postcode is not None:
            continue
        for meant in hits:
            if meant is not near and meant.postcode is None and meant.index + meant.words == near.index - 1:
                closest = min(meant.places, key=lambda p: (p.lat - near.places[0].lat) ** 2 + (p.lon - near.places[0].lon) ** 2)
                out = [h for h in out if h is not near and h is not meant]
                out.append(_Hit((9, *meant.score[1:]), (closest,), words=meant.words, index=meant.index))
                break
    named = [h for h in out if h.postcode is None]
    if len(named) > 1:
        others = [h for h in out if h.lead not in ORIGIN_LEADS]
        if others and len(others) < len(out):
            out = others
    return out


def _evidence(first: _Token, words: str, lead: str | None, *, ordinary: bool) -> int:
    """How sure we are that `words` (starting at `first`) name a place; 0 = not a place."""
    capital = first.capital and not first.sentence_start
    if ordinary:
        return (4 if lead == "role" else 3) if (lead in STRONG_LEAD_INS or lead == "role") and first.capital else 0
    if lead:
        return 4 if lead == "role" else 3
    if capital:
        return 2
    if first.capital or len(words.replace(" ", "")) >= 5 or " " in words:
        return 1
    return 0


def find_in_text(index: PlaceIndex, text: str) -> Resolution | None:
    finder = index._text_finder()  # noqa: SLF001
    return finder.find(text)
