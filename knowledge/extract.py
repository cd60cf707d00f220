"""What a message already says besides its category: online and platform, home or family,
repeated, extremist signs, and when (now or past).

Small rules over word families, matched on folded text (knowledge.features.fold: lower
case, no punctuation, ä/ae -> a, ß -> ss). They are deliberately general: a family of
words for a concept, never a phrase copied from a message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _fold_pairs(text: str) -> str:
    """The vowel pairs knowledge.features.fold reduces: ae -> a, oe -> o, ue -> u."""
    return text.replace("ae", "a").replace("oe", "o").replace("ue", "u")


@dataclass(frozen=True)
class Phrase:
    """One phrase or prefix alternative of a family: the words and word beginnings it needs,
    and its regular expression."""

    words: frozenset[str]
    starts: frozenset[str]
    body: str


# Words in most texts: never a phrase's telling word when it has another ("on fire with" is
# looked for where "fire" is, not wherever "with" is). Only speed depends on this choice.
_COMMON = frozenset(
    "the a an and or but with for from to of in on at by is are was were be been it i m me my you he she we they"
    " not no this that there here what when like just so as if now then than have has had do did get got"
    " der die das den dem des ein eine einen einem einer und oder aber mit von zu im in am an auf fur ist sind war"
    " wurde wurden hat habe haben hab bin ich mich mir du er sie es wir ihr nicht kein keine noch schon wieder"
    " da so wie was wenn dann jetzt gerade grad mal nur auch unter uber durch kommt online".split())


class Gated:
    """A regular expression that can only match where one of its needles occurs (each of
    its alternatives spells one out): the needles are looked for first, in C and at once,
    and the expression runs only then. On a long story most expressions find nothing, and
    each run over it costs 0.01-0.05 ms (measured); tests/test_understanding_danger.py
    holds each to its ungated expression on every example."""

    __slots__ = ("expression", "needles")

    def __init__(self, pattern: str, needles: tuple[str, ...]):
        self.expression = re.compile(pattern)
        self.needles = needles

    @property
    def pattern(self) -> str:
        return self.expression.pattern

    def _may_match(self, text: str) -> bool:
        return any(needle in text for needle in self.needles)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        return self.expression.search(text, pos) if self._may_match(text) else None

    def sub(self, repl: str, text: str) -> str:
        return self.expression.sub(repl, text) if self._may_match(text) else text


class WordFamily:
    """Words and phrases for one concept, matched on folded text; a * allows any ending
    ("bedroh*"). Single words are a set lookup on the text's words; only phrases and
    prefixes need a regular expression (a long regex alternation is slow in Python), and
    it runs only when the text has the telling word of one of them."""

    def __init__(self, alternatives: tuple[str, ...]):
        # Folded as the text is: "feuer", "aktuell", "soeben" are written here as people
        # write them, and fold makes the text "feur", "aktull", "soben".
        alternatives = tuple(dict.fromkeys(_fold_pairs(alt) for alt in alternatives))
        self.alternatives = alternatives
        singles, patterns = set(), []
        by_head: dict[str, list[Phrase]] = {}
        by_prefix: dict[str, list[Phrase]] = {}
        for alt in alternatives:
            if " " not in alt and "*" not in alt:
                singles.add(alt)
                continue
            # The phrase's most telling word (the longest that is not _COMMON) must be in the
            # text for the phrase to match: "tur" of "vor der tur", not the common "vor".
            parts = alt.split()
            exact = [w for w in parts if "*" not in w]
            body = re.escape(alt.rstrip("*")).replace(r"\ ", r"\s+").replace(r"\*", r"\w*")
            body += r"\w*" if alt.endswith("*") else r"\b"
            # Every word and word beginning the phrase needs, for the quick look before its
            # expression runs ("nicht" or "the" alone is in most texts; a phrase of them is not).
            starts = frozenset(w[:w.index("*")] for w in parts if "*" in w and w.index("*") >= _SHORTEST_PREFIX)
            phrase = Phrase(frozenset(exact), starts, body)
            if exact:
                by_head.setdefault(max(reversed(exact), key=lambda w: (w not in _COMMON, len(w))), []).append(phrase)
            else:
                by_prefix.setdefault(max(reversed(parts), key=len).rstrip("*"), []).append(phrase)
            patterns.append(body)
        self.singles = frozenset(singles)
        self._heads = frozenset(by_head)
        self._prefixes = frozenset(by_prefix)
        _know_prefixes({*by_prefix, *(start for phrases in by_head.values() for phrase in phrases for start in phrase.starts),
                        *(start for phrases in by_prefix.values() for phrase in phrases for start in phrase.starts)})
        # Each telling word or prefix has its phrases: a text that has one runs only those of
        # them whose other words it has too, not the whole family's alternation.
        self._phrases = {key: tuple(phrases) for key, phrases in (*by_head.items(), *by_prefix.items())}
        self._compiled: dict[str, re.Pattern[str]] = {}  # a phrase's expression, compiled on first use
        self._source = r"\b(?:" + "|".join(patterns) + ")" if patterns else None
        self._pattern: re.Pattern[str] | None = None

    @property
    def pattern(self) -> re.Pattern[str] | None:
        """Compiled on first use: compiling every family at import cost 0.1 s of each start."""
        if self._pattern is None and self._source is not None:
            self._pattern = re.compile(self._source)
        return self._pattern

    def _may_match(self, folded: str) -> bool:
        """Whether a phrase or prefix could occur: the text has a phrase's telling word, or
        a word that starts with one of the prefixes."""
        if self._source is None:
            return False
        words, starts = _split(folded)
        return not self._heads.isdisjoint(words) or not self._prefixes.isdisjoint(starts)

    def search(self, folded: str) -> bool:
        words, starts = _split(folded)
        if self.singles and not self.singles.isdisjoint(words):
            return True
        if self._source is None or self._heads.isdisjoint(words) and self._prefixes.isdisjoint(starts):
            return False
        for key in (*(self._heads & words), *(self._prefixes & starts)):
            for phrase in self._phrases[key]:
                if not (phrase.words <= words and phrase.starts <= starts):
                    continue
                compiled = self._compiled.get(phrase.body)
                if compiled is None:
                    compiled = self._compiled[phrase.body] = re.compile(r"\b" + phrase.body)
                if compiled.search(folded):
                    return True
        return False

    def first(self, folded: str) -> int | None:
        """Character position of the first occurrence, None if none."""
        positions = []
        if self.singles:
            at = 0
            for word in folded.split(" "):
                if word in self.singles:
                    positions.append(at)
                    break
                at += len(word) + 1
        if self._may_match(folded) and (m := self.pattern.search(folded)):  # type: ignore[union-attr]
            positions.append(m.start())
        return min(positions) if positions else None


_SHORTEST_PREFIX = 3  # no family has a shorter prefix (tests/test_understanding_extract.py)
# Every word beginning some family asks for ("bedroh" of "bedroh*"): a text's beginnings are
# looked up among these only, not all of every word's beginnings (three million strings on
# the training texts, a fifth of their concepts' time; measured).
_known_prefixes: set[str] = set()
_word_starts: dict[str, tuple[str, ...]] = {}  # a word -> the known prefixes it begins with
_recent_splits: dict[str, tuple[frozenset[str], frozenset[str]]] = {}
_last_split: tuple[str, tuple[frozenset[str], frozenset[str]]] = ("", (frozenset(), frozenset()))


def _know_prefixes(prefixes: set[str]) -> None:
    """Register a new family's prefixes; what was worked out without them is forgotten."""
    global _last_split
    if not prefixes <= _known_prefixes:
        _known_prefixes.update(prefixes)
        _word_starts.clear()
        _recent_splits.clear()
        _last_split = ("", (frozenset(), frozenset()))


def _starts_of(word: str) -> tuple[str, ...]:
    found = _word_starts.get(word)
    if found is None:
        if len(_word_starts) >= 100_000:
            _word_starts.clear()
        found = _word_starts[word] = tuple(
            p for i in range(_SHORTEST_PREFIX, len(word) + 1) if (p := word[:i]) in _known_prefixes)
    return found


def _split(folded: str) -> tuple[frozenset[str], frozenset[str]]:
    """The words of `folded` and those of their beginnings some family asks for ("bedroh"
    of "bedrohung"). Some sixty families read the same few texts (the message, and the
    message without its negated phrases) in turn, so the last few are kept."""
    global _last_split
    last = _last_split
    if last[0] is folded:  # the same text as the family before (most calls)
        return last[1]
    found = _recent_splits.get(folded)
    if found is None:
        if len(_recent_splits) >= 8:
            _recent_splits.clear()
        words = frozenset(folded.split())
        starts = frozenset([p for w in words for p in _starts_of(w)])
        found = _recent_splits[folded] = (words, starts)
    _last_split = (folded, found)
    return found


def _words(*alternatives: str) -> WordFamily:
    return WordFamily(alternatives)


# Platform name as shown -> word family (folded spellings).
PLATFORMS: dict[str, WordFamily] = {
    "Facebook": _words("facebook*", "fb", "fratzenbuch"),
    "Instagram": _words("instagram*", "insta"),
    "Telegram": _words("telegram*", "telegramm gruppe", "tg gruppe", "tg kanal*", "tg channel*", "tg chat*", "tg group*"),
    "WhatsApp": _words("whatsapp*", "whats app", "whatsap*", "watsapp*", "wa gruppe"),
    "TikTok": _words("tiktok*", "tik tok"),
    "X": _words("twitter*", "tweet*", "getweetet", "x com", "auf x", "on x", "bei x"),
    "YouTube": _words("youtube*", "yt video*", "yt kommentar*"),
    "Signal": _words("signal gruppe", "signal chat", "auf signal", "on signal", "per signal"),
    "Snapchat": _words("snapchat*"),
    "Mastodon": _words("mastodon*"),
    "Bluesky": _words("bluesky*"),
    "Reddit": _words("reddit*"),
    "Discord": _words("discord*"),
    "VK": _words("vk", "vkontakte"),
    "LinkedIn": _words("linkedin*"),
    # not "nebenan" alone: "im Garten von nebenan" is next door
    "nebenan.de": _words("nebenan de", "auf nebenan", "bei nebenan", "in nebenan", "nebenan app", "nebenan gruppe"),
    "E-Mail": _words("e mail*", "email*", "mail", "mails", "gmx", "posteingang", "inbox", "hassmail*", "hass mail*",
                     "drohmail*", "hatemail*", "hate mail*"),
}
ANY_PLATFORM = WordFamily(tuple(alt for family in PLATFORMS.values() for alt in family.alternatives))
ONLINE = _words(
    "online", "internet*", "im netz", "ins netz", "web*", "social media", "soziale* medien",
    "soziale* netzwerk*", "posts", "posting*", "gepostet", "postet*", "posted", "posten",
    "my post", "my last post", "under my post", "mein post", "meinem post", "meinen post", "meinem beitrag", "unter meinem post", "unter meinem beitrag",
    "kommentar*", "kommentiert*", "comment*", "chat*", "gruppenchat*", "dm", "dms", "dming", "dmed", "dmd", "dm ing", "dm d", "pn", "pns",
    "sprachnachricht*", "voice message*", "voice note*",
    "privatnachricht*", "direktnachricht*", "story", "storys", "stories", "forum*", "blog*",
    "website*", "webseite*", "homepage", "hashtag*", "livestream*", "stream*", "account*",
    "going live", "goes live", "went live", "live gestreamt", "live ubertrag*",
    "profil*", "profile", "follower*", "geteilt", "shared", "viral", "app", "messenger*",
    "shitstorm*", "screenshot*", "link", "url",
    # a chat group by what is done in it (not "eine Gruppe vorm Rathaus")
    "schreiben mir in der gruppe", "schreibt mir in der gruppe", "schreiben in der gruppe", "schreibt in der gruppe",
    "in der gruppe geschrieben", "in die gruppe geschrieben", "in die gruppe gestellt", "in der gruppe gestellt",
    "in die gruppe geschickt", "wrote in the group", "writing in the group", "write in the group", "posted in the group",
    "in der gruppe schreib*", "in dor gruppe", "in so einer gruppe", "in so ner gruppe",
    # what only a screen shows: "mit nem Fadenkreuz-Emoji dahinter"; the net misspelt
    "emoji*", "indernetz*", "internetz*",
    # reviews of a business: "a 1-star google review calling it 'the Gutmensch café'"
    # (not "I had to google what that is": looking something up is no incident online)
    "google review*", "google bewertung*", "googlebewertung*", "google rezension*", "google maps", "bei google",
    "on google", "auf google", "in google", "google search*", "googlesuche", "google suche", "rezension*", "star review*", "stern bewertung*", "sterne bewertung*", "yelp", "tripadvisor",
)
# "Texting" may be SMS or a messenger: it keeps a phone or a letter from saying "not
# online" ("keeps texting my work phone"), and the online question is asked. ("per SMS" is
# plain: a fresh writer's "erst persönlich beim bäcker und dann nochmal per sms" is a no.)
TEXTED = _words("texting", "texted", "texts me", "texts us", "text message*")
# A short reply that says it was the first time ("no, first time", "zum ersten Mal"); in a
# longer story "the first time he came" starts a count, so only replies of a few words.
FIRST_TIME = re.compile(r"\b(?:(?:the )?first time|zum ersten mal|das erste mal|erstes mal|erste mal|never before"
                        r"|nie zuvor|vorher nie|noch nie|erstmalig|erstmals|erstmaliger vorfall|einmalig)\b")
FIRST_TIME_WORDS = 5
# Said to have happened once, the first time: then "has it happened before?" is not asked
# (unless the text tells it again, which wins). The incident, not a first term in office:
# "zum ersten Mal im Gemeinderat" is none.
ONCE = _words(
    "nur einmal", "nur ein mal", "nur das eine mal", "ein einziges mal", "einmalig", "einmaliger vorfall",
    # one, as a number: "1 mal", "1x", "nur 1 mal" ("2 mal" is repeated)
    "1 mal", "1mal", "1x", "1 x", "1 time", "nur 1 mal", "only 1 time",
    "zum ersten mal passiert", "das erste mal passiert", "erstmals passiert", "zum ersten mal so",
    "das erste mal dass", "zum ersten mal dass", "das erste mal so", "erste vorfall", "erster vorfall",
    "ersten vorfall", "noch nie passiert", "bisher nie", "bisher noch nie", "noch nie so", "nie zuvor",
    "only once", "just once", "only happened once", "happened once", "one time only", "a one off", "one off",
    "first time this", "first time that", "first time something", "first time anything", "first time it",
    "first such", "first incident", "never happened before", "never had anything like", "nothing like this before",
    # "hab sowas noch nie gehabt", "Soweit wir wissen, ist das das erste Mal", "Weitere Vorfälle sind uns nicht bekannt"
    "noch nie gehabt", "noch nie erlebt", "sowas noch nie", "so was noch nie", "ist das erste mal", "ist das das erste mal",
    "ist es das erste mal", "war das erste mal", "es ist das erste mal", "das ist das erste mal", "bisher einmal",
    # "Es ist das erste Schreiben dieser Art", "the first letter of its kind"
    "das erste schreiben", "der erste brief", "die erste nachricht", "das erste dieser art", "erste dieser art", "ersten dieser art",
    "first letter of", "first message of", "first of its kind",
    "bislang einmal", "keine weiteren vorfalle", "keine fruheren vorfalle", "keine vorherigen vorfalle",
    "weitere vorfalle sind uns", "weitere vorfalle sind bisher", "weitere vorfalle sind bislang", "weitere vorfalle sind nicht",
    # "This is the first time we have experienced pressure like this", "nothing similar has happened before"
    "this is the first time", "it s the first time", "its the first time", "it is the first time", "first time anyone",
    "first time we", "first time i ve", "first time ive", "first of its kind", "first publication", "first of this kind",
    "nothing similar", "nothing like this has", "nothing like that has", "no previous incident*", "no prior incident*",
    "no other incident*", "no earlier incident*", "no similar incident*", "so far once", "only the once",
)
# Said to have come on paper, by phone or face to face: then the online question is not asked
# (unless the text speaks of the internet too, which wins).
OFFLINE = _words(
    "brief", "briefe", "briefen", "drohbrief*", "drohschreiben", "anonyme schreiben", "anonymes schreiben",
    "ein schreiben", "das schreiben", "dieses schreiben", "schreiben eingegangen", "schreiben erhalten",
    "postsendung*", "poststelle", "besucher", "a visitor", "am schalter", "at the counter",
    "burgerburo", "citizens office", "in der sprechstunde", "at my office hours",
    "postalisch", "zettel*", "briefkasten*", "postkasten*", "per post",
    "mit der post", "anruf*", "angerufen", "am telefon", "telefonisch", "ins gesicht", "personlich",
    "auf der strasse", "auf dem markt", "am markt", "marktplatz", "in der sitzung", "nach der sitzung",
    "ratssitzung", "burgersprechstunde", "wahlkampfstand", "infostand",
    "spraypainted", "spray painted", "spraypaint*", "besprayt", "besprueht", "bespruht", "beschmiert",
    "an meinem auto", "an mein auto", "on my car", "my car was", "my car got",
    "sitzung des", "bei der sitzung", "in der gestrigen sitzung", "in der letzten sitzung", "gemeinderatssitzung",
    "stadtratssitzung", "kreistagssitzung", "einwohnerversammlung", "burgerversammlung", "ein zuhorer", "einem zuhorer",
    "during the meeting", "council meeting", "public meeting", "a member of the public", "vor der tur", "an der tur",
    "an die tur", "vor meinem haus", "vor unserem haus", "vor dem haus", "graffiti", "geschmiert",
    "gesprayt", "gespruht", "flugblatt*", "flyer*", "aushang", "letter", "letters", "letterbox",
    "by post", "in the post", "phone call*", "called me", "rang me", "to my face", "in person",
    "face to face", "at the market", "in the street", "at the meeting", "after the meeting",
    "at my door", "on my door", "outside my", "in front of my", "at my place", "sprayed", "leaflet*",
    "vorm haus", "vor meiner tur", "gartentor", "gartenzaun", "hoftor", "am tor", "an der haustur",
    "vor der haustur", "vor die haustur", "vor meiner haustur", "vor unserer haustur", "vor unsere haustur",
    "vor meine haustur", "auf der fussmatte", "auf die fussmatte", "unter dem scheibenwischer", "unterm scheibenwischer",
    "hinter den scheibenwischer", "on my doorstep", "on the doorstep", "on our doorstep", "under my windscreen wiper",
    "under the windscreen wiper", "under my wiper",
    # followed on foot ("he followed me from the rally", "läuft mir seit dem infostand hinterher")
    "followed me from", "followed me home", "followed me to", "following me since", "following me from",
    "following me home", "hinter mir her", "hinterhergelaufen", "nachgelaufen", "ist mir gefolgt", "mir gefolgt",
    "phone", "telephone", "telefon", "landline", "festnetz", "handwritten", "handgeschrieben",
    "auf papier", "on paper", "voicemail*", "mailbox", "anrufbeantworter",
    # something brought in the flesh: a parcel, the town hall
    "paket", "pakete", "packchen", "package", "parcel", "im rathaus", "am rathaus", "ins rathaus",
    "at the town hall", "in the town hall", "to the town hall",
    # a call, the verb split ("seitdem ruft einer an und sagt ...")
    "ruft an", "ruft einer an", "ruft jemand an", "ruft mich an", "ruft uns an", "ruft er an", "ruft der an",
    "ruft immer an", "ruft dauernd an", "ruft standig an", "ruft nachts an", "rufen an", "rufen mich an",
    "rufen uns an", "rief an", "rief mich an", "rief einer an", "rief jemand an", "riefen an",
    "keeps calling", "kept calling", "keep calling", "calling me at",
    # where people meet in the flesh: "keeps popping up at my gym and my fav café"
    "gym", "fitnessstudio", "im fitti", "fitti", "cafe", "beim backer", "backerei", "supermarkt", "supermarket",
    "beim einkaufen", "kneipe", "pub", "sportplatz", "bushaltestelle", "bus stop", "am bahnhof", "im laden",
    # came in person: "they come to the office and to my wifes shop", "kamen ins Büro"
    "to the office", "to my office", "at my office", "in my office", "into my office", "to our office",
    "ins buro", "in mein buro", "in meinem buro", "im buro", "in unser buro", "zu mir ins",
    "came by", "come by", "comes by", "came round", "come round", "showed up at", "show up at", "shows up at",
    "turned up at", "turn up at", "turns up at", "vorbeigekommen", "kam vorbei", "kamen vorbei", "kommt vorbei",
    "kommen vorbei", "stand vor mir", "standen vor mir", "shop", "geschaft", "im laden meiner", "in den laden",
    # someone there in the flesh: "drei männer im hof schlagen gegen die tür"
    "im foyer", "foyer des", "des rathauses", "hausverbot", "in the lobby", "in our lobby",
    "im hof", "auf dem hof", "aufm hof", "im garten", "in meinem garten", "in unserem garten", "gegen die tur",
    "gegen die haustur", "gegen meine tur", "gegen unsere tur", "gegen das fenster", "gegen die fenster",
    "in the yard", "in my yard", "in the garden", "in my garden", "in our garden", "on the door",
    # at school or spoken to in the flesh: "an der schule ... angequatscht, steht am schultor" (stop 48)
    "schultor", "am schultor", "vor der schule", "an der schule", "auf dem schulhof", "school gate", "at the school gate",
    "outside the school", "angequatscht", "angepobelt", "angespuckt", "baseballschlager",
    "baseball bat",
    "at the door", "at our door", "banging on", "outside the house", "outside our house", "outside the window",
)
PRIVATE_SPHERE = _words(
    # home
    "zuhause", "zu hause", "nach hause", "daheim", "haus", "hauses", "wohnhaus", "wohnung*",
    "haustur*", "wohnungstur*", "briefkasten*", "garten*", "grundstuck*", "einfahrt*",
    "hof", "hoftor", "klingel*", "fenster", "privatadresse*", "wohnadresse*", "hausfassade",
    "garage", "meine garage", "unsere garage", "carport", "gartentor", "gartenzaun", "my garage", "our garage",
    "hauswand", "home", "house", "flat", "apartment", "front door", "my door", "our door",
    "doorstep", "garden", "driveway", "mailbox", "letterbox", "yard", "porch", "doorbell", "my place",
    "our place", "my street", "our street", "meine strasse", "unsere strasse", "bei mir zuhaus",
    "home address", "private address", "my address", "our address", "meine adresse",
    "unsere adresse", "meiner adresse", "privatanschrift", "wohnanschrift",
    # compounds of a home: "an der Fassade seines Privathauses", "unser Einfamilienhaus"
    "privathaus*", "wohnhaus*", "einfamilienhaus*", "eigenheim*", "elternhaus*", "privatwohnung*",
    "privatgrundstuck*", "addy", "home addy", "my crib", "whole address", "full address", "ganze adresse",
    "volle adresse", "vollstandige adresse",
    # family
    "familie*", "kind", "kinder*", "kindern", "tochter", "tochtern", "sohn", "sohne*",
    "meine frau", "meiner frau", "ehefrau", "ehemann", "mein mann", "meinen mann",
    "meinem mann", "partner*", "lebensgefahrt*", "eltern", "mutter", "vater", "enkel*",
    "oma", "opa", "mama", "papa", "mutti", "vati", "family", "families", "my fam", "our fam", "meine fam", "kid", "kids", "child", "children", "daughter*",
    "son", "sons", "wife", "husband", "parents", "mother", "father", "mum", "mom", "dad",
    "grandchild*", "my partner", "our partner", "schwester", "bruder", "geschwister", "sister", "sisters",
    "spouse*", "ehepartner*", "ehegatt*", "lebenspartner*", "my girlfriend", "my boyfriend", "meine freundin",
    # where someone lives: "the street where one council member lives", "wissen, wo ich wohne"
    "wohnort*", "wo ich wohne", "wo ich wohn", "wo i wohn", "wo mir wohnen", "wo mer wohnen", "wo de wohnst", "wo er wohnt", "wo sie wohnt", "wo wir wohnen", "wo sie wohnen", "wo du wohnst",
    "wo sie wohne", "wo er wohne", "wo ihr wohnt", "wo ich lebe", "wo sie lebt", "wo er lebt", "where you live",
    "where i live", "where we live", "where he lives", "where she lives", "where they live", "member lives",
    "mayor lives", "councillor lives", "councilor lives",
    "brother", "brothers", "siblings",
    # the writer's own building or window, a threat that knows where one lives with someone
    # ("hes outside my building rn", "a rock through my window", "wir wissen wo du und deine freundin wohnt")
    "my building", "our building", "my window", "our window", "my windows", "our windows", "my front window",
    "wo du und", "wo ihr wohnt", "where you and", "deine freundin", "deinen freund", "deine frau", "deinen mann",
    "your girlfriend", "your boyfriend", "your wife", "your husband", "your house", "your home",
)
REPEATED = _words(
    "immer wieder", "standig*", "dauernd*", "andauernd*", "fortlaufend", "unaufhorlich",
    "seit tagen", "seit wochen", "seit monaten", "seit jahren", "seit langem", "seit langerem",
    "seit paar tagen", "seit ein paar tagen", "seit einigen tagen", "seit paar wochen", "seit ein paar wochen",
    "seit einigen wochen", "seit mehreren tagen", "seit mehreren wochen", "seit mehreren monaten", "seit vielen wochen",
    "seit vielen monaten", "seit zwei wochen", "seit drei wochen", "seit vier wochen", "seit zwei monaten",
    "seit drei monaten", "seit 2 wochen", "seit 3 wochen", "seit 4 wochen", "seit 2 monaten", "seit 3 monaten",
    # since a season or a month: "fährt uns überall hinterher, schon seit Ostern"
    "seit ostern", "seit pfingsten", "seit weihnachten", "seit fasching", "seit dem sommer", "seit dem fruhjahr",
    "seit dem fruhling", "seit dem herbst", "seit dem winter", "seit januar", "seit februar", "seit marz",
    "seit april", "seit mai", "seit juni", "seit juli", "seit august", "seit september", "seit oktober",
    "seit november", "seit dezember", "since easter", "since christmas", "since the summer", "since spring",
    "since the spring", "since last summer", "since january", "since february", "since march", "since april",
    "since june", "since july", "since august", "since september", "since october", "since november", "since december",
    "for several weeks", "for several months", "for a few weeks", "for a couple of weeks", "for two weeks",
    "for three weeks", "for 2 weeks", "for 3 weeks", "since several weeks", "since weeks", "since months",
    "abends", "morgens", "now and then", "ab und zu", "hin und wieder",
    "vorher mal", "vorher schon", "schon vorher", "davor schon", "schon davor", "before that too",
    "jeden tag", "jeden abend", "jeden morgen", "jede nacht", "jede woche", "jedes mal",
    "jedesmal", "taglich*", "nachtlich*", "wochentlich*", "schon wieder", "wieder mal",
    "wiedermal", "erneut", "mehrmals", "mehrfach*", "wiederholt*", "zum zweiten mal", "scho widder", "schon widder",
    "widder mal",
    "zum dritten mal", "zum x ten mal", "zum wiederholten mal", "nicht zum ersten mal",
    "nicht das erste mal", "x mal", "zig mal", "zigmal", "haufig", "regelmassig*", "serie",
    "again and again", "over and over", "keeps", "keep getting", "they keep", "people keep", "you keep",
    "guys keep", "he keep", "she keep", "keep dm*", "keep messag*", "keep send*", "keep call*", "keep writ*",
    "keep post*", "keep tag*", "keep comment*", "keep show*", "keep turn*",
    "constantly",
    "constant", "repeatedly", "repeated", "every day", "every night", "every morning",
    "every evening", "every week", "each time", "everyday", "daily", "for days", "for weeks",
    "for months", "for years", "several times", "multiple times", "many times", "nonstop",
    "non stop", "again", "once more", "not the first time", "still going on",
    # broader families: frequency words, counts of times, "since ..." for what goes on
    "wieder", "nochmal", "noch mal", "immer", "oft", "ofter", "ofters", "laufend", "pausenlos",
    "wochenlang", "monatelang", "tagelang", "jahrelang", "zweimal", "dreimal", "viermal",
    "x mal", "zweemal", "dreemal", "zwee mal", "dree mal", "jede", "jeden", "jedes", "jeder", "welle", "always", "often", "twice",
    "three times", "every", "series", "wave of", "more and more", "all the time",
    # a habit on a day or part of the day: "who walk on mondays with the torches"
    "montags", "dienstags", "mittwochs", "donnerstags", "freitags", "samstags", "sonntags",
    "mondays", "tuesdays", "wednesdays", "thursdays", "fridays", "saturdays", "sundays",
    "most evenings", "most nights", "most days", "most mornings", "most weekends",
)
# A count of times ("3 mal", "zweimal", "like 3 times now", "4x"): repeated here, and a habit,
# not a now, to knowledge.concepts.
COUNTED_TIMES = re.compile(r"\b(?:[2-9]|\d\d+|zwei|drei|vier|funf|zig|x|two|three|four|five) ?(?:mal|times)\b|\b(?:[2-9]|\d\d+) ?x\b")
# How long someone has held an office is no habit: "seit 24 Jahren Bürgermeister", "since 2019 on the council".
_TENURE = (r"(?:uber |fast |gut |knapp |over |almost )?(?:\d+|einem|einigen|vielen|zwei|drei|vier|funf|zehn|zwanzig|a|one|two|three|many|several)? ?"
           r"(?:jahr\w*|monat\w*|years?|months?|\d{4}) (?:ehrenamtlich\w* |hauptamtlich\w* |as |als |on the |in the |im |in der |i m |i ve been )?"
           r"(?:burgermeister\w*|amt\b|rat\b|gemeinderat\w*|stadtrat\w*|kreisrat\w*|kreistag\b|ortschaftsrat\w*|ortsvorsteher\w*"
           r"|mayor\b|council\w*|politik\b|politics\b|dabei\b|office\b|verwaltung\b|rathaus\b)")
# The office held since a year, told after it ("bin Bürgermeister in Hohnstein seit 2004. heut
# morgen lag ...", "I have been mayor since 2009"): no habit, unless what follows goes on with
# what keeps coming ("Bürgermeister. Seit 2019 bekomme ich Drohbriefe").
_OFFICE_SINCE = re.compile(
    r"\b(?:burgermeister\w*|gemeinderat\w*|stadtrat\w*|kreisrat\w*|kreistag|ortschaftsrat\w*|ortsvorsteher\w*|mayor"
    r"|council\w*|amt|office)(?: \w+){0,3} (?:seit|since) (?:(?:uber|fast|gut|knapp|over|almost) )?"
    r"(?:\d{4}|(?:\d+|einem|vielen|zwei|drei|vier|funf|zehn|zwanzig|many|several|two|three|ten) (?:jahr\w*|years?))\b"
    r"(?! (?:bekomme|bekomm|kriege|krieg|erhalte|werde|wird|gibt|gibts|kommen|kommt|habe|hab|ich|i|get|have|receive"
    r"|there|they|he|she|someone|jemand|einer|man|die|der|es|it|we|wir)\b)")
# "immer noch", "noch immer": still there, not again; "immer näher", "immer mehr": now.
STILL_NOT_AGAIN = re.compile(r"\bimmer noch\b|\bnoch immer\b|\bimmer (?:naher|mehr|lauter|schlimmer)\b")
_REPEATED_FORMS = re.compile(
    # "seit heut früh schwindlig", "since this morning": how long a state lasts, not a habit
    COUNTED_TIMES.pattern + r"|\bseit (?!gestern|heute?\b|vorhin|eben\b|grad|gerade|heut morgen)(?!" + _TENURE + r")\w+"
    r"|\b(?:second|third|fourth|fifth|\d+(?:st|nd|rd|th)) time\b|\bsince (?!yesterday|today|this morning|last night)"
    r"(?!(?:he|she|they|someone|the guy|the man) (?:hit|attacked|punched|pushed|shoved|kicked|slapped|grabbed|beat|knocked)\b)(?!"
    + _TENURE + r")\w+"
    r"|\bzum (?:zweiten|dritten|vierten|funften|(?!ersten\b)\w+ten) mal\b"  # "zum ersten Mal" is once
    r"|\b(?:zweite|dritte|vierte|funfte|sechste|zigste|x te)n? ?mal\b"  # "das ist schon das dritte Mal"
    # "several e-mails", "mehrere Drohbriefe", "over the past month", "in den letzten Wochen"
    # a count of them: "got 3 letters", "drei briefe schon", "3 nights in a row" (asked again, stop 48)
    r"|\b(?:[2-9]|[1-9]\d|zwei|zwee|drei|dree|vier|funf|sechs|sieben|acht|neun|zehn|two|three|four|five|six|seven|eight"
    r"|nine|ten) (?:\w+ )?(?:e ?mails|mails|letters|briefe|drohbriefe|zettel|messages|nachrichten|anrufe|calls|threats"
    r"|drohungen|kommentare|comments|posts|sms|texts|nights|nachte|abende|evenings)\b"
    r"|\b(?:in a row|hintereinander|nacheinander|in folge)\b"
    r"|\b(?:several|multiple|numerous|many|mehrere|zahlreiche|etliche|unzahlige|viele) (?:\w+ )?"
    r"(?:e ?mails?|mails|letters|briefe|drohbriefe|schreiben|messages|nachrichten|anrufe|calls|threats|drohungen"
    r"|kommentare|comments|posts|sms|texts)\b"
    r"|\b(?:over|in|during) the (?:past|last) (?:few )?(?:days|weeks?|months?|year)\b"
    r"|\bin den (?:letzten|vergangenen) (?:tagen|wochen|monaten)\b"
)
# "randos keep dropping my addy", "he kept calling"; not the writer's own "I keep thinking".
# Searched only where "keep" or "kept" is: over every message its look-behinds had cost a
# third of all the aspects' time.
KEEP_DOING = re.compile(r"(?<!\bi )(?<!\bwe )(?<!\bto )\b(?:keep|kept) (?:on )?"
                        r"(?!smiling|going|trying|thinking|wondering|worrying|looking|checking|asking|feeling)\w+ing\b")


def _keeps_doing(told: str) -> bool:
    return ("keep" in told or "kept" in told) and bool(KEEP_DOING.search(told))


EXTREMIST = _words(
    "hakenkreuz*", "swastika*", "nazi*", "neonazi*", "neo nazi*", "ns symbol*", "ss rune*",
    "sig rune*", "sieg heil", "heil hitler", "hitlergruss*", "hitler*", "1488",
    "14 words", "reichsburger*", "reichsflagge*", "reichskriegsflagge*", "schwarz weiss rot",
    "volksverrater*", "volksverhetz*", "rechtsextrem*", "rechtsradikal*", "linksextrem*",
    "linksradikal*", "extremist*", "islamist*", "dschihad*", "jihad*", "identitar*",
    "dritter weg", "iii weg", "freie sachsen", "npd", "heimat partei", "white power",
    "far right", "far left", "right wing extrem*", "keltenkreuz*", "celtic cross*", "kreuz im kreis", "cross in a circle", "judenstern*",
    "auslander raus", "umvolkung", "remigration", "lugenpresse", "system ling*",
    "sharia", "kalifat", "antisemit*", "rassist*", "racist*", "fascist*", "faschist*",
    "schwarze sonne", "schwarzen sonne", "schwarzer sonne", "black sun", "sonnenrad", "ss blitze", "ss runen", "wolfsangel", "thor steinar", "systemling*", "freien sachsen", "rechte szene", "rechten szene",
    "vom i weg", "der i weg", "bleibt deutsch", "deutschland den deutschen", "deutschland bleibt",
    "bleibt weiss", "white pride", "alt right", "volksverrat*", "free saxons", "ss zeichen",
    # self-styled guards and "patriots" signing threats: "Bürgerwehr Westsachsen", „die wahren Patrioten“
    "burgerwehr*", "wahre patriot*", "wahren patriot*", "echte patriot*", "patriotische*", "heimatschutz*",
    "vergasen", "gas them", "reichsburger", "compact magazin",
    # a political motive said as such, and groups and symbols of either side
    "politisch motiviert*", "politically motivated", "political motive*", "politisch* motiv*", "political reasons",
    "aus politischen grunden", "wegen meiner partei", "because of my party", "wegen meiner politik", "because of my politics",
    "antifa*", "combat 18", "blood and honour", "blood honour", "hammerskin*", "reichsadler*", "nsu",
    # a racist motive said as such, and its slurs (a Ukrainian-born councillor's "er hasst mich weil
    # ich bin aus ukraine" had been no motive, and Support was not shown; stop 47)
    "weil ich auslander*", "weil ich aus der ukraine", "weil ich aus ukraine", "weil ich bin aus", "weil ich nicht von hier",
    "weil ich nicht deutsch", "wegen meiner herkunft", "wegen meiner hautfarbe", "wegen meinem akzent", "wegen meines akzents",
    "because i m from", "because im from", "because i am from", "because i m foreign", "because im foreign",
    "because i am foreign", "because of where i m from", "because of my origin", "because of my skin", "because of my accent",
    "because i m not german", "because im not german", "scheiss auslander*", "auslanderpack", "kanake*", "fidschi*",
    "go back to your country", "go back where you came from", "geh zuruck in dein land", "geh zuruck in deine heimat",
    "geht zuruck in euer land", "zuruck in dein land", "zuruck in deine heimat", "raus aus unserem land",
)

NOW = _words(
    "jetzt", "jetz", "gerade", "grad", "grade", "im moment", "momentan", "in diesem moment", "in diesem augenblick",
    "draussen noch", "drausen noch", "mich live", "uns live",
    # there now, said in the perfect or the passive: "have gathered outside my house", "being followed"
    "have gathered outside", "have gathered in front", "are gathered outside", "are gathering outside",
    "haben sich vor meinem haus versammelt", "versammeln sich vor", "being followed",
    # a crowd growing while it is told: "es werden immer mehr, bestimmt 80 vorm Gemeindeamt"
    "es werden immer mehr", "werden immer mehr leute", "more and more of them", "there are more and more",
    # begun a moment ago: "has just started walking towards me"
    "has just started", "have just started", "hat gerade angefangen", "fangt gerade an", "fangen gerade an",
    "sofort", "aktuell", "noch da", "immer noch da", "noch immer da", "noch drin",
    "noch drau*", "just in diesem", "eben gerade", "in dem moment", "right now", "now",
    "currently", "at the moment", "as we speak", "still there", "still here", "still outside",
    "is happening", "happening now", "right this moment", "this moment", "still", "just now",
    "eben", "grade eben", "rn", "atm", "soeben", "gegenwartig", "immer noch", "noch immer", "at this moment",
    "befindet sich noch", "befinden sich noch", "noch irgendwo", "zur stunde", "noch vor ort", "immer noch hier", "noch immer hier",
    "immediately",
    # there and staying: "Er ist noch hier im Flur", "They not go away", "gehn ni weg"
    "ist noch hier", "sind noch hier", "is noch hier", "sin noch hier", "isser noch hier",
    "not go away", "don t go away", "dont go away", "won t go away", "wont go away",
    "aren t leaving", "arent leaving", "gehen nicht weg", "gehn nicht weg", "gehen nich weg",
    "gehn nich weg", "gehn ni weg", "gehen ni weg", "gehn net weg", "gehen net weg", "geht nicht weg",
    "geht nich weg", "geht ni weg", "geht net weg",
    # arrived a moment ago: "has just turned up at my private address"
    "has just turned up", "have just turned up", "just turned up", "just showed up", "has just shown up",
    "ist gerade aufgetaucht", "ist eben aufgetaucht", "sind gerade aufgetaucht", "ist grad aufgetaucht",
    # going on for minutes: "Es klingelt seit zehn Minuten Sturm"
    "grod", "grood",  # Saxon "gerade": "de Versammlung kippt grod"
    "seit minuten", "seit ein paar minuten", "seit paar minuten", "seit funf minuten", "seit zehn minuten",
    "seit zwanzig minuten", "seit 5 minuten", "seit 10 minuten", "seit 15 minuten", "seit 20 minuten",
    "seit 30 minuten", "seit einer viertelstunde", "seit einer halben stunde", "seit ner halben stunde",
    "for minutes now", "for a few minutes", "for five minutes", "for ten minutes", "for twenty minutes",
    "for 5 minutes", "for 10 minutes", "for 20 minutes", "for half an hour",
)
_DAYS_DE = ("montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag")
_DAYS_EN = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
PAST = _words(
    "gestern", "vorgestern", "letzte woche", "letzten woche", "letzter woche", "letzten monat",
    "vergangne woch", "vergangne woche", "vergangene woch", "letzte woch", "letzt woch",
    "letztes jahr", "letzten jahr", "letzte nacht", "letzten nacht", "letztes mal", "letzte sitzung",
    "letzten sitzung", "last meeting", "last session", "alte geschichte", "in den 90ern", "aus den 90ern",
    "fruher immer", "als kind",
    *(f"{lead} {day}" for day in _DAYS_DE for lead in ("das war", "vom")),
    *(f"{lead} {day}" for day in _DAYS_EN for lead in ("it was", "that was", "was on")),
    "letzten montag", "letzten dienstag", "letzten mittwoch", "letzten donnerstag",
    "letzten freitag", "letzten samstag", "letzten sonntag", "letztes wochenende",
    "am wochenende", "am montag", "am dienstag", "am mittwoch", "am donnerstag", "am freitag",
    "am samstag", "am sonntag", "neulich", "damals", "vor kurzem", "vor einiger zeit",
    "vor tagen", "vor wochen", "vor monaten", "vor jahren", "vor einem jahr", "vor einer woche",
    "vor einem monat", "vor zwei*", "vor drei*", "vor ein paar*", "vor paar*", "heute morgen",
    "heute fruh", "heute nacht", "letztens", "yesterday", "last week", "last night",
    "last month", "last year", "last time", "last weekend", "last monday", "last tuesday",
    "last wednesday", "last thursday", "last friday", "last saturday", "last sunday", "ago",
    "on monday", "on tuesday", "on wednesday", "on thursday", "on friday", "on saturday",
    "on sunday", "the other day", "earlier today", "this morning", "recently", "back then",
    "a while back", "overnight", "during the night", "uber nacht", "anniversary", "jahrestag", "jahrt sich",
    "jahr her", "jahre her", "monate her", "monat her", "wochen her", "lange her", "schon her",
)
DAYS_AGO = re.compile(
    r"\bvor (?:\d+|zwee|zwo|dree|dreie|vier|viere|funf|fimf|sechs|sieben|acht|neun|zehn) (?:tag|woch|monat|jahr|stund)\w*"
    r"|\b\d+ (?:days?|weeks?|months?|years?|hours?) ago\b"
    r"|\b(?:monday|tusday|wednesday|thursday|friday|saturday|sunday) (?:night|morning|evening|afternoon)\b"
    r"|\b(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)(?:nacht|abend|morgen|fruh)\b"
)


@dataclass(frozen=True, slots=True)
class Aspects:
    online: bool
    platform: str | None
    private_sphere: bool
    repeated: bool
    extremist: bool
    offline: bool = False  # came on paper, by phone or face to face, and the internet is not named
    once: bool = False  # happened once, the first time, and nothing tells of it again
    not_private: bool = False  # home and family said to be untouched ("meine Familie ist nicht betroffen")

    def ids(self) -> tuple[str, ...]:
        """Aspect ids as in categories.yaml."""
        flags = (("online", self.online), ("offline", self.offline), ("private_sphere", self.private_sphere),
                 ("repeated", self.repeated), ("once", self.once), ("extremist", self.extremist),
                 ("not_private", self.not_private))
        return tuple(name for name, on in flags if on)


def platform(folded: str) -> str | None:
    """The first platform named, by position in the text."""
    if not ANY_PLATFORM.search(folded):  # one look for all of them first: most texts name none
        return None
    hits = [(at, name) for name, family in PLATFORMS.items() if (at := family.first(folded)) is not None]
    return min(hits)[1] if hits else None


def online(folded: str) -> bool:
    """Whether the text speaks of the internet or names a platform."""
    return bool(ONLINE.search(folded) or ANY_PLATFORM.search(folded))


# "nicht online", "not at home", "keine Familie": a denied aspect is no aspect ("nicht
# nur online" still is one).
_DENIED_ASPECT = re.compile(r"\b(?:nicht|nich|not|kein|keine|keinen)(?! nur\b| only\b| just\b| mehr\b| anymore\b)(?: \w+){1,2}"
                            r"|\bno (?:political|extremist)(?: \w+)?")  # "no political motive" (a bare "no" answers)

# Denied after the words, as offices write ("Ein extremistischer Hintergrund ist nicht
# erkennbar.", "Hinweise auf eine Veröffentlichung im Internet liegen nicht vor", "no political
# motive is apparent"): the few words before the denial are no aspect.
_DENIED_AFTER = re.compile(
    r"\b(?:(?:ein|eine|einen|der|die|das|kein|keine|a|an|the|any|no) )?"
    r"(?:(?:extremistisch\w*|politisch\w*|rechtsextrem\w*|rechts\w*|links\w*|extremist\w*|political|far right|right wing) )?"
    r"(?:(?:motiviert\w*|motivated) )?"
    r"(?:hintergrund|motiv|motive|motivation|bezug|hinweis\w*|anzeichen|veroffentlichung\w*|zusammenhang"
    r"|background|link|connection|signs?|indications?)(?: \w+){0,5}"
    r" (?:ist|sind|war|waren|scheint|scheinen|liegt|liegen|lag|lagen|is|are|was|were|seems)"
    r"(?: (?:uns|mir|hier|bislang|bisher|derzeit|aktull|so far|currently))*"
    r" (?:nicht|nich|kein|keine|not) (?:erkennbar|bekannt|ersichtlich|feststellbar|festzustellen|zu erkennen|vor|vorhanden"
    r"|apparent|known|evident|visible|obvious)\b")
_AFTER_NEEDLES = ("erkennbar", "bekannt", "ersichtlich", "feststell", "festzustellen", "erkennen", " vor", "vorhanden",
                  "apparent", "known", "evident", "visible", "obvious")

# "nee nix im internet", "nothing online": the internet denied colloquially ("nix" alone often
# ends a clause, "weiß nix, meine Frau ...", so only before the internet itself).
_NOTHING_ONLINE = re.compile(
    r"\b(?:nix|nischt|nuscht|nichts|nothing)(?: (?:im|in|mit|on|uber|per|aufm|auf|von))?(?: (?:dem|der|the))?"
    r" (?:internet|netz|online|social media)\b"
    # "im internet war auch nichts, das war an meiner haustuer"
    r"|\b(?:im |in the |on the )?(?:internet|netz|online)(?: \w+)? (?:war|ist|gab es|gabs|was|is)"
    r"(?: (?:auch|da|gar|uberhaupt|ja|doch))* (?:nichts|nix|nischt|nothing)\b")

# A messenger used to reach someone is no sign that it happened online ("ich habe meinen
# Nachbarn über WhatsApp geweckt, der hat die Polizei gerufen").
_MESSENGER_USED = re.compile(
    r"\b(?:uber|per|via|mit|over|on|by) (?:whatsapp|signal|telegram|sms|messenger|threema)"
    r"(?: \w+){0,2} (?:geweckt|informiert|benachrichtigt|bescheid\w*|alarmiert|gerufen|angerufen|erreicht|geholt"
    r"|woke|told|texted|messaged|alerted|called|reached)\b"
    r"|\b(?:geweckt|informiert|benachrichtigt|alarmiert|woke|texted|messaged|alerted) (?:\w+ ){0,4}(?:uber|per|via|over|on|by)"
    r" (?:whatsapp|signal|telegram|sms|messenger|threema)\b")


# Standing for office again is no repeated harm ("kandidiert im kommenden Jahr erneut",
# "running again", "wiedergewählt").
_CANDIDACY_AGAIN = re.compile(
    r"\bkandidier\w*(?: \w+){0,3} (?:erneut|wieder|nochmal|noch mal)\b"
    r"|\b(?:erneut|wieder|nochmal|noch mal) (?:\w+ ){0,2}(?:kandidier\w*|antreten|anzutreten|zur wahl)\b"
    r"|\btritt (?:\w+ ){0,2}(?:erneut|wieder) an\b|\bwiedergewahlt\b|\bre ?elect\w*"
    r"|\b(?:running|run|standing|stand) (?:for \w+ )?again\b"
)


# "die hören nicht auf", "won't stop": repeated, not a denial of what follows.
_NOT_STOPPING = re.compile(r"\b(?:hort|horen|horte|horten|hoert|hoeren) (?:einfach )?nicht auf\b|\b(?:won t|wont|doesn t|don t|will not) stop\b")


# Where the writer is now ("nah im home", "bin jetzt zu Hause") says nothing about where it
# happened: the danger question is often answered so.
_WHERE_I_AM = re.compile(
    r"\b(?:i m|im|i am|we re|we are)(?: (?:now|already|back|safe|still|just))*(?: at)? home\b"
    r"|\b(?:bin|sind|sitze|sitzen|hocke)(?: (?:jetzt|grad|gerade|wieder|schon|sicher|noch))* (?:zu hause|zuhause|daheim)\b"
    r"|\bback home\b|\bwieder (?:zu hause|zuhause|daheim)\b"
)

# A relative who only gives advice is not affected ("meine Frau sagt, ich soll das melden",
# "my wife told me to report it"): what they said to do names no one at home.
_FAMILY_ADVICE = Gated(
    r"\b(?:meine|mein|my|our|unsere|unser) (?:frau|mann|tochter|sohn|partner|partnerin|familie|kinder|mutter|vater"
    r"|wife|husband|daughter|son|partner|family|kids|mum|mom|dad|mother|father)"
    r" (?:sagt|sagte|meint|meinte|findet|fand|hat gesagt|hat gemeint|drangt|says|said|thinks|thought|told me|insists|insisted"
    r"|made me|wants me|wanted me|urged me)(?: \w+){0,2}"
    r" (?:soll|sollte|sollt|muss|musse|should|ought|to report|to write|to contact|to get in touch|to tell|to call|to reach out)\b",
    ("sagt", "meint", "find", "fand", "gemeint", "drangt", "says", "said", "think", "thought", "told me", "insist",
     "made me", "want", "urged"))

# "Again" asked of the bot is no repeated offence: "can you show me the number again", "what
# was the number again", "zeig mir nochmal die Nummer", "wie war nochmal die Adresse".
_AGAIN = r"(?:again|once more|nochmal|nochmals|noch mal|noch einmal|erneut|wieder)"
_ASKED_AGAIN = re.compile(
    r"(?:^|\b(?:can|could|would|will) (?:you|u) (?:please |pls |plz )?|\b(?:please|pls|plz) )"
    r"(?:show|tell|send|give|say|repeat|list|explain|write|post|paste|remind)(?: \w+){0,5} " + _AGAIN + r"\b"
    r"|\bwhat (?:was|were|is|s|re) (?:the|that|their|your|those|this)(?: \w+){0,5} again\b"
    r"|\b(?:zeig|zeigen|zeigst|sag|sagen|sagst|schick|schicken|schickst|gib|geben|gibst|nenn|nennen|nennst|schreib|schreiben|wiederhol\w*)"
    r" (?:(?:mir|uns|du|sie|bitte|mal|doch|die|den|das|nummer\w*|number\w*|adresse\w*|kontakt\w*) ){0,4}" + _AGAIN + r"\b"
    r"|\b(?:kannst|konnen|konntest|konnten|konnt|konntet|wurden|wurdest) (?:du|sie|ihr)(?: \w+){0,8} " + _AGAIN
    + r"(?: \w+){0,2} (?:zeigen|sagen|schicken|geben|nennen|schreiben|wiederholen|anzeigen|senden|auflisten|aufzahlen|aufschreiben)\b"
    r"|\b(?:wie|was|wo|welche\w*) (?:war|ist|lautet|lautete|hiess|heisst)(?: \w+){0,3} (?:nochmal|noch mal|noch einmal)\b"
    r"|^(?:und )?(?:nochmal|noch mal|noch einmal) (?:die|den|das|bitte)\b"
    r"|\b(?:the |die |den )?(?:numbers?|nummer\w*|contacts?|kontakt\w*|adresse\w*|address\w*|links?|liste|list)(?: \w+){0,3} " + _AGAIN + r"\b"
    r"|\b" + _AGAIN + r" (?:the |die |den )?(?:numbers?|nummer\w*|contacts?|kontakt\w*|adresse\w*|address\w*|links?|liste|list)\b")


def asked_again(folded: str) -> bool:
    """Whether the folded text asks the bot for something again (_ASKED_AGAIN)."""
    return _ASKED_AGAIN.search(folded) is not None


def without_asked_again(folded: str) -> str:
    """The folded text without an "again" asked of the bot (_ASKED_AGAIN) or only feared or
    supposed (_AGAIN_IF: "if it happens again", "ich hab angst dass das wieder passiert")."""
    if any(word in folded for word in ("again", "nochmal", "noch mal", "noch einmal", "erneut", "wieder", "once more")):
        return _AGAIN_IF.sub(" ", _ASKED_AGAIN.sub(" ", folded))
    return folded


# An "again" that is supposed or feared, not told: "now i know who to call if it happens
# again", "wenn er wieder kommt ruf ich sofort die polizei", "angst dass das wieder passiert".
_AGAIN_IF = re.compile(
    r"\b(?:if|in case|should it|should he|should they|once it|wenn|falls|sobald|sollte|sollten|"
    r"angst|furcht|befurchte|befurchten|sorge|sorgen|afraid|scared|fear|worried|worry|hoffentlich|hopefully|hope)"
    r"(?: \w+){0,5} " + _AGAIN + r"\b")


# Someone else's family, not the user's: "das war der sohn vom bauern", "his wife yelled at me"
# (not "die Familie vom Bürgermeister", "the mayor's family": whom a clerk writes for).
_FAMILY_WORDS = (r"(?:sohn|tochter|frau|mann|vater|mutter|bruder|schwester|enkel\w*|kind|kinder|familie|neffe|nichte|onkel|tante"
                 r"|son|daughter|wife|husband|father|mother|brother|sister|kids?|family|nephew|niece|uncle|aunt)")
_OTHERS_FAMILY = re.compile(
    r"\b(?:der|die|das|dem|den|the)\s+" + _FAMILY_WORDS + r"\s+(?:vom|von|des|der|of)\s+(?:dem |der |den |the |a |einem |einer )?"
    r"(?!(?:burgermeister\w*|oberburgermeister\w*|stadtrat\w*|gemeinderat\w*|ortsvorsteher\w*|mayor|councill?or|kandidat\w*"
    r"|candidate|chef\w*|boss)\b)\w+"
    r"|\b(?:sein|seine|seinem|seinen|seiner|his|their)\s+" + _FAMILY_WORDS + r"\b")


# Back where one belongs, not a second time: "Er ist inzwischen wieder im Rathaus" (the mayor
# shoved at the market), "sie ist wieder zu Hause", "he's back at work".
_BACK_AGAIN = re.compile(
    r"\b(?:ist|sind|bin|bist|is|war|waren)(?: (?:inzwischen|jetzt|schon|mittlerweile|zum gluck|aber|auch))* wieder"
    r" (?:im rathaus|im buro|im amt|im dienst|zu hause|zuhause|daheim|bei der arbeit|an der arbeit|auf den beinen|auf arbeit"
    r"|drin|drinne|drinnen|im haus"
    r"|gesund|wohlauf|fit|okay|ok|in ordnung)\b"
    r"|\b(?:is|s|am|m|are|re|was)(?: (?:now|already|thankfully))* back (?:at work|at home|home|in the office|in office|at the office"
    r"|on (?:his|her|my|their) feet)\b"
    # undone, not a second time: "wie krieg ich das bild wieder aus dem netz??", "wieder löschen" (stop 49)
    r"|\bwieder (?:aus dem netz|aus dem internet|raus|weg|runter|offline|loschen|geloscht|entfern\w*|zuruck\w*)\b")


# English "kind" (sort) is no German "Kind" (child): "the first incident of this kind".
_ENGLISH_KIND = re.compile(r"\b(?:this|that|these|those|any|some|a|the|what|which|every|one|same|other|its|his|her|their)"
                           r" kinds?\b|\bkinds? of\b|\bkind regards\b|\bkind (?:words|enough|of you)\b")


# Home or family said to be untouched: "my family is not involved", "his family isn't
# mentioned", "her private address has not been published", "daheim is alles ruhig",
# "nothing at my home so far".
_HOME_WORDS = (r"(?:familie\w*|family|famly|fam|kinder|kids|children|home|house|haus|zuhause|zu hause|daheim|adresse|address"
               r"|anschrift|privatanschrift|privatadresse|wohnadresse|wohnanschrift|wife|frau|husband|mann|partner\w*)")
_HOME_DENIED = Gated(
    r"\b" + _HOME_WORDS + r"(?: \w+){0,3}? (?:is|are|was|were|has|have|had|ist|sind|war|waren|wurde|wurden|wird|werden"
    r"|bleibt|bleiben|blieb|isch)"
    r"(?: (?:been|worden|bisher|bislang|so far|yet|auch|also|uns|zum gluck|thankfully|luckily|still|davon|dadurch|hiervon))*"
    r" (?:not|nicht|nich|net|nie|never|kein|keine)(?: (?:been|worden|bisher|bislang|so far|yet|mit|with|in|darin|dabei))*"
    r" (?:involved|affected|mentioned|named|targeted|published|posted|included|part|touched|betroffen|erwahnt|genannt"
    r"|veroffentlicht|beteiligt|dabei|gepostet|beruhrt|bekannt|thema|an issu)\b"
    r"|\b" + _HOME_WORDS + r"(?: \w+){0,2}? (?:isn t|isnt|aren t|arent|wasn t|wasnt|hasn t|hasnt|haven t|havent)"
    r"(?: (?:been|yet|so far))* (?:involved|affected|mentioned|named|targeted|published|posted|included|touched|an issu)\b"
    r"|\b(?:zu hause|zuhause|daheim|at home|dahoam|dahaam)(?: \w+){0,2}? (?:ist|is|isch|bleibt|blieb|war|was|its|it s)"
    r" (?:alles |everything |all |bisher |bislang |so far |noch )*(?:ruhig|gut|ok|okay|in ordnung|quiet|calm|fine|normal)\b"
    r"|\b(?:nothing|nichts|nix|nischt)(?: \w+){0,3}? (?:at|am|zu|bei|to) (?:my |our |mir |uns |me |the )?"
    r"(?:home|house|haus|hause|zuhause|place|family|familie)\b"
    r"|\b(?:nothing|nichts|nix) (?:involving|concerning|about|regarding|affecting|betreffend|uber|mit) (?:my|his|her|our|the|meine|seine|ihre|unsere|die|der)"
    r" (?:family|familie|home|house|kids|children|kinder)\b"
    # "nothing to do with my family", "hat nix mit meiner familie zu tun"
    r"|\b(?:nothing|nichts|nix|nischt) (?:to do )?(?:with|mit) (?:my|his|her|our|the|meiner|seiner|ihrer|unserer|der|dem|meinem)"
    r" (?:family|familie|home|house|kids|children|kindern|zuhause|haus)\b"
    # "zu hause ist nichts passiert", "daheim war nix"
    r"|\b(?:zu hause|zuhause|daheim|am haus|ums haus)(?: \w+){0,2}? (?:nichts|nix|nischt|nothing|keiner|niemand)\b"
    # "not to the private residence", "nicht an die Privatadresse" (not "ich bin nicht zu Hause":
    # where the writer is)
    r"|\b(?:nicht|nich|net|not|never|nie)(?: (?:an|to|at|into|in|uber|via))?(?: (?:die|den|das|the|seine|ihre|his|her|my|meine|unsere|our))?"
    r" (?:privatadresse|privatanschrift|wohnadresse|wohnanschrift|privatwohnung|privathaus|private (?:address|residence|home|house)"
    r"|home address|residence|wohnsitz)\b"
    # "nicht bei ihm zu Hause", "not at my place": the home denied with whose it is
    r"|\b(?:nicht|nich|net|not|never|nie) (?:bei|an|in|vor|at|to) (?:ihm|ihr|mir|uns|ihnen|seinem|seiner|meinem|meiner"
    r"|his|her|my|our) (?:zu hause|zuhause|daheim|haus|hause|wohnung|home|house|place|flat)\b"
    # "my family doesn't know about it", "meine frau weiß nix davon", "no kids", "no family"
    r"|\b(?:family|familie|frau|wife|kids|kinder|husband|mann)(?: \w+){0,2}? (?:weiss nichts|weiss nix|weis nix|weis nichts"
    r"|dosn t know|dosnt know|don t know|dont know|knows nothing|ahnt nichts|ahnt nix)\b"
    r"|\bno (?:family|kids|children|wife|husband|partner)\b"
    # "my family is fine", "der familie geht es gut", "kids are safe"
    r"|\b(?:family|familie|kids|kinder|children|frau|wife|husband)(?: \w+){0,2}? (?:is|are|ist|sind|geht es|gehts|geht s|gehts)"
    r"(?: (?!not\b|nicht\b|nich\b|net\b|no\b|kein\w*|never\b|nie\b)\w+)?"
    r" (?:fine|safe|ok|okay|gut|sicher|alright|all right|in sicherheit|unharmed|unverletzt)\b"
    # "only at the town hall", "nur dienstlich", "privat is nix", "nothing private"
    r"|\b(?:only|nur|ausschliesslich|lediglich|bisher nur|so far only)(?: \w+){0,2}? (?:rathaus|town hall|city hall|office|buro"
    r"|amt|gemeindeamt|work|arbeit|dienstlich|im dienst|official capacity|in my role|als burgermeister\w*|as mayor)\b"
    r"|\b(?:privat|privately|private life|privatleben|privat bereich|privatbereich)(?: \w+){0,2}? (?:nichts|nix|nischt|nothing"
    r"|ruhig|quiet|fine|alles gut|unberuhrt|untouched)\b|\b(?:nichts|nix|nothing) (?:privates|private|im privaten)\b"
    # "they leave my family out of it", "lässt meine Familie in Ruhe"
    r"|\b(?:leave|leaves|left|lasst|lassen|liess|liessen|lassn) (?:\w+ )?(?:my|meine|unsere|our|the|die|his|her|seine|ihre)"
    r" (?:family|familie|kids|kinder|children) (?:out of it|out of this|alone|in ruhe|aus dem spiel|raus)\b",
    ("fam", "kinder", "kids", "children", "home", "house", "haus", "daheim", "adress", "address", "anschrift", "wife",
     "frau", "husband", "mann", "partner", "dahoam", "dahaam", "wohnung", "privat", "private", "only", "nur",
     "ausschliesslich", "lediglich"))
# Words that hold a home or a child in another sense: an insult ("Kinderficker"), a
# kindergarten, a home for refugees or a care home, families who are not one's own
# ("die Aufnahme ukrainischer Familien").
_OTHER_HOMES = Gated(
    r"\bkinder(?:gart|fick|schand|schutz|arzt|tag|stube|krippe)\w*"
    r"|\bhomes? for (?:refugees|asylum\w*|the elderly|elderly|children|migrants)\b"
    r"|\b(?:refugee|asylum|care|nursing|childrens|children s|retirement|old people s|old peoples|group) homes?\b"
    r"|\bhome (?:office|page|town|team|game|match)\b"
    r"|\b(?:\w+(?:ische|ischer|ischen|ierte|ierter|ierten|tete|teter|teten|ete|eter|eten)) (?:familien|families)\b"
    r"|\b(?:refugee|migrant|asylum seeking|ukrainian|syrian|afghan|other|new|many|some|poor) families\b",
    ("kinder", "home", "familien", "families"))
# A relative who only showed or told it, or waves it off: "mein Enkel hat mirs gezeigt",
# "my wife says it is nothing".
_FAMILY_TOLD = Gated(
    r"\b(?:meine|mein|my|our|unsere|unser) (?:enkel\w*|frau|mann|tochter|sohn|partner|partnerin|kinder|kids|mutter|vater"
    r"|wife|husband|daughter|son|grandson|granddaughter|grandchild|mum|mom|dad|mother|father)"
    r" (?:hat (?:mir|mirs|es mir|mir das|uns) (?:gezeigt|gesagt|erzahlt|geschickt|weitergeleitet)|zeigte mir|showed me|sent me"
    r"|forwarded|told me about|says it is nothing|says its nothing|says it s nothing|thinks it is nothing"
    r"|sagt das is(?:t)? nichts|meint das is(?:t)? nichts|sagt das ist nix|meint das is nix"
    # the advice of a relative: "my wife says just ignore", "meine Frau sagt, ich soll es ignorieren"
    r"|says (?:just |to )?ignore|says i should (?:just )?ignore|sagt (?:ich soll )?(?:es |das )?(?:einfach )?ignorieren)\b",
    ("gezeigt", "gesagt", "erzahlt", "geschickt", "weitergeleitet", "zeigte", "showed", "sent me", "forwarded", "told me",
     "nothing", "nichts", "nix", "ignor"))


def home_denied(folded: str) -> bool:
    """Whether the folded text says home or family are untouched (_HOME_DENIED)."""
    return _HOME_DENIED.search(folded) is not None


def _private_sphere(folded: str) -> bool:
    """Home or family in the folded text, where I am (_WHERE_I_AM) and what denies it
    (_HOME_DENIED) already taken out by `aspects`."""
    if "kind" in folded:
        folded = _ENGLISH_KIND.sub(" ", folded)
    folded = _FAMILY_TOLD.sub(" ", _OTHER_HOMES.sub(" ", _FAMILY_ADVICE.sub(" ", folded)))
    return bool(PRIVATE_SPHERE.search(folded))


# The advice's screenshots asked back ("wieso screenshots, das war ein anruf am telefon", "why
# screenshots? it was a phone call"): no sign of the internet (a blind tester's call became online).
_WHY_SCREENSHOTS = re.compile(r"\b(?:wieso|warum|weshalb|why|what|was|welche|which) (?:\w+ ){0,2}screenshots?\b")


# An inbox that took an envelope, a parcel or a powder is the town hall's mail room, not e-mail
# ("im Posteingang ein Umschlag mit einem weißen Pulver").
# Told to go back where she came from: a racist motive, not her home (folded).
_SENT_BACK = re.compile(r"\b(?:geh|geht|hau ab|verschwinde)(?: \w+)? zuruck (?:nach hause|heim)\b"
                        r"|\b(?:you|must|should|told me to|tells me to|tell me to|said to)(?: \w+)? go back home\b")
_PAPER_INBOX = re.compile(r"\b(?:posteingang|inbox)\b")
_PAPER = re.compile(r"\b(?:umschlag|briefumschlag|brief|briefe|paket|packchen|pulver|envelope|parcel|package|powder|letter|letters"
                    # a clerk's "im Posteingang ging ein anonymes Schreiben ein" (stop 47)
                    r"|schreiben|poststempel|absender|postkarte\w*|zettel|postmark)\b")
# A voice message left on the phone, not sent online: "die Sprachnachricht auf der Telefonanlage",
# "voice message on the landline" (a clerk got "im Internet" and screenshot advice).
_PHONE_MESSAGE = re.compile(
    r"\b(?:sprachnachricht\w*|voice (?:message|note)s?)\b(?: \w+){0,4} (?:telefonanlage|anrufbeantworter|mailbox|festnetz\w*"
    r"|answering machine|landline|voicemail|office phone|dienstapparat|diensttelefon)\b"
    r"|\b(?:telefonanlage|anrufbeantworter|mailbox|festnetz\w*|answering machine|landline|voicemail)\b(?: \w+){0,4}"
    r" (?:sprachnachricht\w*|voice (?:message|note)s?)\b")


def aspects(folded: str) -> Aspects:
    if "zuruck" in folded or "back" in folded:  # "geh zurück nach hause": where she comes from, not her home
        folded = _SENT_BACK.sub(" geh zuruck in dein land ", folded)
    if " auf" in folded or "stop" in folded:
        folded = _NOT_STOPPING.sub(" immer wieder ", folded)
    if any(word in folded for word in ("nix", "nisch", "nusch", "nichts", "nothing")):
        folded = _NOTHING_ONLINE.sub(" ", folded)
    if any(app in folded for app in ("whatsapp", "signal", "telegram", "sms", "messenger", "threema")):
        folded = _MESSENGER_USED.sub(" ", folded)
    if ("posteingang" in folded or "inbox" in folded) and _PAPER.search(folded):
        folded = _PAPER_INBOX.sub(" poststelle ", folded)
    if ("sprach" in folded or "voice" in folded) and _PHONE_MESSAGE.search(folded):
        folded = _PHONE_MESSAGE.sub(" anrufbeantworter ", folded)
    if "screenshot" in folded:
        folded = _WHY_SCREENSHOTS.sub(" ", folded)  # "wieso screenshots, das war ein anruf": asked back, not told
    if any(needle in folded for needle in _AFTER_NEEDLES):
        folded = _DENIED_AFTER.sub(" ", folded)
    if "home" in folded or "hause" in folded or "heim" in folded:  # "nein, im moment nicht, ich bin zu hause": where I am,
        folded = _WHERE_I_AM.sub(" ", folded)                       # before a denial takes "nicht ich bin" away
    kept = _HOME_DENIED.sub(" ", folded)  # "my family is not involved": first, whole
    untouched = kept != folded
    if "vom " in kept or "von " in kept or " des " in kept or " of " in kept or "sein" in kept or "his " in kept:
        kept = _OTHERS_FAMILY.sub(" ", kept)  # "der sohn vom bauern": the other side's family
    folded = _DENIED_ASPECT.sub(" ", kept)
    named = platform(folded)
    told = _CANDIDACY_AGAIN.sub(" ", folded) if "kandid" in folded or "again" in folded or "wahl" in folded \
        or "tritt" in folded or "elect" in folded else folded
    told = without_asked_again(told)
    if "wieder" in told or "back" in told:
        told = _BACK_AGAIN.sub(" ", told)
    if "seit" in told or "since" in told:
        told = _OFFICE_SINCE.sub(" ", told)
    if "immer" in told:
        told = STILL_NOT_AGAIN.sub(" ", told)  # "der typ steht jetzt immer noch am schultor": still, not again
    on = named is not None or bool(ONLINE.search(folded))
    return Aspects(
        online=on,
        offline=not on and bool(OFFLINE.search(folded)) and not TEXTED.search(folded),
        platform=named,
        private_sphere=(private := _private_sphere(folded)),
        not_private=untouched and not private,
        repeated=(repeated := bool(REPEATED.search(told) or _REPEATED_FORMS.search(told) or _keeps_doing(told))),
        once=not repeated and bool(ONCE.search(folded) or len(folded.split()) <= FIRST_TIME_WORDS and FIRST_TIME.search(folded)),
        extremist=bool(EXTREMIST.search(folded)),
    )


