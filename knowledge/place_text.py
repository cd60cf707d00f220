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

import math
from dataclasses import dataclass
from typing import TYPE_CHECKING

from knowledge import place_words as pw
from knowledge.place_words import BLOCKERS, FIRST_NAMES, NEAR_WORDS, NEVER_ALONE, NOT_SAXON, ORDINARY_WORDS, ORIGIN_LEADS, Token
from knowledge.municipalities import key
from knowledge.text import deletes, edit_distance

if TYPE_CHECKING:
    from knowledge.places import Place, PlaceIndex, Resolution

MAX_WORDS = 5  # "Bernstadt auf dem Eigen"
TYPO_MIN = 7  # a capital alone forgives a typo from this length on
TYPO_MIN_LEAD = 5  # with a lead-in ("in Zitau") from this length on
_LOCATIVE = frozenset("in im aus bei nach von vom from near".split())  # "Bürgermeister in olbernau" still is one


def _capitalises(tokens: list[Token], i: int) -> bool:
    """Whether the writer capitalises words inside sentences (German nouns), other than the i-th."""
    return any(t.capital and not t.sentence_start and not t.inner for j, t in enumerate(tokens) if j != i)


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
        # Saxon as spoken: "Markkleebersch", "Leipzsch", "Freibursch" (a final -g said as -sch).
        for k, (tier, found) in list(self.names.items()):
            for spoken in _spoken_variants(k) if tier == 0 else ():
                self.names.setdefault(spoken, (tier, found))
        for alias, official in pw.ALIASES.items():
            found = self.names.get(key(official))
            if found is not None and alias not in self.names:
                self.names[alias] = found
        self.first_words = {k.split()[0] for k in self.names}
        self.max_words = max(len(k.split()) for k in self.names)
        self.typo: dict[str, list[str]] = {}
        self._typo_cache: dict[str, tuple[str, ...]] = {}
        for k, (tier, _) in self.names.items():
            if tier == 0 and len(k.replace(" ", "")) >= TYPO_MIN_LEAD:
                for variant in deletes(k, 1):
                    self.typo.setdefault(variant, []).append(k)

    def find(self, text: str) -> Resolution | None:
        hits, tokens = self._hits(text)
        if not hits:
            return None
        return self._decide(hits, tokens)

    def corrects(self, text: str) -> bool:
        """Whether `text` names one place and says another is not meant ("polizei zittau nicht
        görlitz", "nicht in grimma sondern in wurzen")."""
        hits, tokens = self._hits(text)
        return len(hits) >= 2 and any(_said_not_meant(tokens, h.index) for h in hits)

    def _hits(self, text: str) -> tuple[list[_Hit], list[Token]]:
        tokens = pw.tokens(text)
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
        return hits, tokens

    def _postcode(self, tokens: list[Token], i: int) -> _Hit | None:
        tok = tokens[i]
        if len(tok.key) != 5 or not tok.key.isdigit():
            return None
        # "0351 48322" or "Tel. 03581 468": digits beside digits are a phone number; a house
        # number before a comma is not ("Dorfstraße 1, 02906 Jänkendorf").
        neighbours = [tokens[j] for j in (i - 1, i + 1) if 0 <= j < len(tokens)]
        touching = [t.key for t in neighbours if not (t.start < tok.start and tok.pause) and not (t.start > tok.start and t.pause)]
        if any(n.isdigit() for n in touching) or any(t.key in ("tel", "telefon", "euro", "eur") for t in neighbours):
            return None
        members = tuple(self.index._saxony.at_postcode(tok.key))  # noqa: SLF001
        if not members:
            return None
        return _Hit((3, 1, -tok.start, 5), members, postcode=tok.key)

    def _name(self, tokens: list[Token], i: int) -> _Hit | None:
        first = tokens[i]
        if first.key not in self.first_words and len(first.key) < TYPO_MIN_LEAD:
            return None  # neither a name's first word nor long enough for a typo (most words)
        if i > 0 and (tokens[i - 1].key in BLOCKERS and not (first.pause and tokens[i - 1].key in ("strasse", "str"))
                      or tokens[i - 1].key in FIRST_NAMES and not first.pause):
            # ("Leipziger Straße, Taucha": a comma ends the street's name; "Dr. Kamenz" is a name)
            return None
        lead = pw.lead_in(tokens, i)
        best: _Hit | None = None
        if first.key in self.first_words:
            words = ""
            for j in range(i, min(len(tokens), i + self.max_words)):
                words = f"{words} {tokens[j].key}".strip()
                found = self.names.get(words)
                if found is None:
                    continue
                tier, places = found
                qualifier = pw.qualifier(tokens, j + 1)
                if qualifier in NOT_SAXON or j + 1 < len(tokens) and tokens[j + 1].key in pw.PRODUCTS:
                    continue
                places = pw.in_region(places, qualifier)
                after = lead or pw.lead_after(tokens, j + 1)
                evidence = pw.evidence(first, words, after, ordinary=words in ORDINARY_WORDS,
                                       placed=qualifier in pw.REGIONS or pw.after_office(tokens, i))
                if evidence <= 0 or words in NEVER_ALONE:
                    continue
                if tier == 1 and evidence < 2:
                    continue  # a town part needs a lead-in or a capital
                hit = _Hit((evidence, 1 - tier, -first.start, len(words)), places, words=j - i + 1, index=i,
                           lead=pw.preposition(tokens, i))
                if best is None or hit.score > best.score:
                    best = hit
        # A typo needs a long word, or the first word of a longer name ("Bad Schandu").
        if best is None and (len(first.key) >= TYPO_MIN_LEAD or first.key in self.first_words):
            if lead is None:
                end = i + 1
                while end < len(tokens) and tokens[end].inner:  # past the whole written word
                    end += 1
                lead = pw.lead_after(tokens, end, exact=False)
            if lead or (first.capital and not first.sentence_start):
                best = self._typo(tokens, i, lead)
        return best

    def typo_matches(self, words: str) -> tuple[str, ...]:
        """Names within one typo (two for long ones) of `words`, not counting verb forms."""
        return tuple(m for m in self._typo_matches(words) if not _verb_form(words, m))

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

    def _derived(self, tokens: list[Token], i: int) -> _Hit | None:
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

    def _typo(self, tokens: list[Token], i: int, lead: str | None) -> _Hit | None:
        first = tokens[i]
        if not first.capital and (i == 0 or tokens[i - 1].key not in _LOCATIVE) and _capitalises(tokens, i):
            return None  # "kann das die Stadt machen": who writes "Stadt" would write a place "Machern"
        for n in (2, 1):
            if i + n > len(tokens):
                continue
            words = " ".join(t.key for t in tokens[i : i + n])
            minimum = TYPO_MIN_LEAD if lead else TYPO_MIN
            if len(words.replace(" ", "")) < minimum or words in self.names or words in ORDINARY_WORDS \
                    or words in NOT_SAXON or pw.qualifier(tokens, i + n) in NOT_SAXON:
                continue  # "Altenburg in Thüringen", "in Liechtenstein": no typo of a Saxon place
            if words.endswith("r") and (words[:-1] in self.names or words[:-2] in self.names):
                continue  # "Glashütter Uhr", "Radeberger": an adjective, no place of residence
            matches = self.typo_matches(words)
            if len({self.names[m][1] for m in matches}) == 1:  # "Großrückerswalde" with or without the e
                tier, places = self.names[matches[0]]
                evidence = 2 if lead else 1
                if matches[0] in ORDINARY_WORDS or matches[0] in NEVER_ALONE:
                    return None
                return _Hit((evidence, 0, -first.start, len(words)), places, words=n, index=i,
                            lead=pw.preposition(tokens, i))
        return None

    def _decide(self, hits: list[_Hit], tokens: list[Token]) -> Resolution:
        from knowledge.places import Resolution, _classify

        hits = _parts_dropped(hits, tokens)
        kept = [h for h in hits if not _said_not_meant(tokens, h.index)]
        # "nicht in Döbeln" alone still says where; a place said not to be meant goes before
        # the others are weighed ("wohne nicht in görlitz, ich bin aus zittau": the "aus" of the
        # one left had made it give way, as a place come from does to another)
        hits = _located(kept or hits)
        meant = [h for h in hits if _said_to_be_meant(tokens, h.index)]
        if meant:  # "in Rabenau wohne ich, das Rathaus ist in Freital. Es geht um Freital."
            hits = meant[-1:]
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


_SPOKEN_ENDINGS = (("berg", ("bersch", "berch")), ("burg", ("bursch", "burch")), ("zig", ("zsch", "tzsch", "zch")),
                   ("au", ("ow",)))  # "Zwickow": -au as English speakers spell it


def _spoken_variants(name_key: str) -> tuple[str, ...]:
    """The Saxon spoken forms of a name whose last word ends in -berg, -burg or -zig, and
    -au spelt as English speakers hear it."""
    for ending, spoken in _SPOKEN_ENDINGS:
        if name_key.endswith(ending) and len(name_key) > len(ending) + 2:
            return tuple(name_key[: -len(ending)] + s for s in spoken)
    return ()


def _verb_form(typed: str, name: str) -> bool:
    """"taucht" is a verb, not "Taucha" mistyped: the last letter alone differs, and it is the
    -t of a German verb ("ein Mann taucht ständig auf")."""
    return len(typed) == len(name) and typed[:-1] == name[:-1] and typed.endswith("t")


def _same_sound(a: str, b: str) -> bool:
    """First letters a typo may swap: "Krimmitschau", "Zwönitz"/"Cwönitz" are rare, C/K common."""
    return a == b or {a, b} == {"c", "k"}


def _drop_umlaut_e(k: str) -> str:
    return k.replace("oe", "o").replace("ae", "a").replace("ue", "u")


# Words between a municipality and a part of it: "Wilsdruff OT Grumbach".
PART_WORDS = frozenset("ot ortsteil stadtteil gt gemeindeteil ortschaft".split())


def _parts_dropped(hits: list[_Hit], tokens: list[Token]) -> list[_Hit]:
    """"Dresden Neustadt", "Wilsdruff OT Grumbach": a municipality's own name followed right
    away by another name names the municipality; the other is a part of it (or a typo of
    one), not a second place."""
    dropped = set()
    for town in hits:
        if town.postcode is not None or len(town.places) != 1 or town.score[1] != 1:
            continue
        end = town.index + town.words
        for part in hits:
            if part is town or part.postcode is not None or part.index < end:
                continue
            gap = tokens[end:part.index]
            if not tokens[part.index].pause and (not gap or len(gap) == 1 and gap[0].key in PART_WORDS):
                dropped.add(id(part))
    return [h for h in hits if id(h) not in dropped] if dropped else hits


# Words that say which of the places named is meant: "es geht um Freital", "gemeint ist
# Kamenz", "actually it's Rathen", "I mean Borna".
_MEANT_BEFORE = (("geht", "um"), ("gemeint", "ist"), ("meine", "ich"), ("i", "mean"), ("it", "s"), ("its",), ("actually",),
                 ("eigentlich",), ("richtig", "ist"), ("korrektur",), ("sondern",), ("meinte",), ("i", "meant"))
# Words that say a place is not meant: "nicht Döbeln sondern Ostrau", "Freiberg, not Freital".
_NOT_BEFORE = frozenset(("nicht", "nich", "net", "ned", "nit", "ni", "not", "nocht"))  # "ni": Saxon for nicht


def _said_not_meant(tokens: list[Token], i: int) -> bool:
    return _before(tokens, i, 1) in {(word,) for word in _NOT_BEFORE}


_PREPOSITIONS = frozenset(("in", "im", "aus", "bei", "nach", "von", "from", "at", "near"))


def _before(tokens: list[Token], i: int, count: int) -> tuple[str, ...]:
    """The `count` words before the name at `i`, a preposition right before it skipped."""
    if i > 0 and tokens[i - 1].key in _PREPOSITIONS:
        i -= 1
    return tuple(t.key for t in tokens[max(0, i - count):i])


def _said_to_be_meant(tokens: list[Token], i: int) -> bool:
    before = _before(tokens, i, 2)
    return any(before[-len(words):] == words for words in _MEANT_BEFORE if len(before) >= len(words))


NEAR_KM = 25.0  # "X bei Y": an X farther than this from Y is not the X meant


def _km(a: Place, b: Place) -> float:
    coslat = math.cos(math.radians((a.lat + b.lat) / 2))
    return math.hypot(a.lat - b.lat, (a.lon - b.lon) * coslat) * 111.2


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
                there = near.places[0]
                closest = min(meant.places, key=lambda p: (p.lat - there.lat) ** 2 + (p.lon - there.lon) ** 2)
                out = [h for h in out if h is not near and h is not meant]
                if _km(closest, there) > NEAR_KM:
                    # "schönau bei ralbitz": no Schönau near Ralbitz-Rosenthal in the list (it is a
                    # village of it), so the place it lies by, not Schönau-Berzdorf 70 km away
                    out.append(_Hit((9, *near.score[1:]), (there,), words=near.words, index=near.index))
                else:
                    out.append(_Hit((9, *meant.score[1:]), (closest,), words=meant.words, index=meant.index))
                break
    named = [h for h in out if h.postcode is None]
    if len(named) > 1:
        others = [h for h in out if h.lead not in ORIGIN_LEADS]
        if others and len(others) < len(out):
            out = others
    # "a village near Zittau called Hainewalde", "Schkeuditz, direkt neben Leipzig": a place
    # named only to locate another gives way to it, wherever it stands.
    named = [h for h in out if h.postcode is None]
    if len(named) > 1:
        others = [h for h in out if h.lead not in NEAR_WORDS]
        if others and len(others) < len(out):
            out = others
    return out


def find_in_text(index: PlaceIndex, text: str) -> Resolution | None:
    finder = index._text_finder()  # noqa: SLF001
    return finder.find(text)
