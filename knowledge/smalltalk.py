"""Messages that say nothing about what happened: a greeting, thanks, a self-introduction
("hallo, ich bin Bürgermeister von Hartha"), a question about the bot itself.

Such a message names no offence and no danger, whatever a trained model makes of its
few words ("hi there" had read as danger, "guten abend" as stalking). The understanding
gives it no category and no model danger (the danger rules still apply: "hallo, hilfe"
is not small talk), and the conversation answers it in kind instead of "not understood".
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

GREETING = "greeting"
THANKS = "thanks"
ABOUT_BOT = "about"
INTRODUCTION = "introduction"
REQUEST = "request"  # "ich möchte etwas melden", "kurze Frage": what about, not yet said
DOUBT = "doubt"  # "weiss nich ob das was is", "not sure if this counts": whether it matters, nothing told yet
FEAR = "fear"  # "my gf is freaking out ngl", "ich hab solche angst": only how it feels, nothing told

_GREETINGS = frozenset(
    """hallo halo hallochen hi hey heyy hej moin moinsen servus gruss grus grusse grussgott
    tach tag guten gute morgen abend nacht mahlzeit nabend namd n nmorgen hello helo hiya yo good morning evening
    afternoon there everyone all allerseits zusammen liebe lieber sehr geehrte geehrter
    geehrtes damen herren team dear sir madam""".split()
)
_THANKS = frozenset("danke dankeschon dank vielen lieben herzlichen thanks thank thx ty cheers".split())
# Words that only carry a greeting or an introduction along.
_FILLERS = frozenset(
    """bitte please ok okay oki so na also ahm ah hm hmm erstmal kurz mal you u ja yes nein no
    ich bin heisse mein name ist my name is i m im am a an the der die das ein eine einer
    eines von vom aus in at of from und and hier here als as just nur""".split()
    # where, said around a place: "In Bautzen, also eigentlich in einem Ortsteil davon", "wohne in Pirna"
    + """wohne wohnen lebe live ot eigentlich davon dort einem bei nahe near nah umgebung raum area genau
    direkt zwischen sachsen saxony deutschland germany""".split()
    # for whom, said around an office: "ich schreib für mein mann, der is bürgermeister bei uns in Trossin"
    + """schreib schreibe schreiben write writing fur for mein meine meinen meinem mei my unser unsere our uns bei wir we
    mann frau sohn tochter vater mutter ehemann ehefrau partner partnerin husband wife son daughter father mother
    der er sie he she is ist isch sin sind""".split()
)
_REQUEST = frozenset(
    """habe hab hatte hatt ne frage fragen kurze kleine anliegen moechte mochte will wollte wurde
    gern gerne etwas was melden mitteilen berichten erzahlen anzeige anzeigen question questions
    quick have got query would like to want wanted report something tell zur zum wegen bezuglich
    about regarding"""
    # that something happened, not yet what: "mir ist was passiert", "something happened to me"
    """ passiert pasiert geschehen vorgefallen happened happend something sth smth mir uns es me us
    has""".split()
)
_ROLES = frozenset(
    """burgermeister burgermeisterin oberburgermeister oberburgermeisterin bm ob ortsvorsteher
    ortsvorsteherin ortsburgermeister ortsburgermeisterin gemeinderat gemeinderatin
    gemeinderatsmitglied stadtrat stadtratin stadtrate ortschaftsrat ortschaftsratin kreisrat
    kreisratin kreistag stadtverordnete stadtverordneter abgeordnete abgeordneter kandidat
    kandidatin mitglied mitarbeiter mitarbeiterin verwaltung stadtverwaltung
    gemeindeverwaltung rathaus gemeinde stadt landkreis kreis ortsteil sachbearbeiter
    sachbearbeiterin beigeordneter beigeordnete stellv stellvertretender stellvertretende
    ehrenamtlich ehrenamtliche ehrenamtlicher hauptamtlich hauptamtliche neu neue neuer
    mayor deputy councillor councilor council councilman councilwoman member candidate town
    city village municipality district local official clerk staff honorary volunteer new""".split()
)
_ABOUT_BOT = re.compile(
    r"\b(?:wie funktioniert (?:das|es|der bot|dieser bot|das hier)|was (?:kannst|machst) du|"
    r"was (?:macht|machen) (?:ihr|sie)(?: so| hier| eigentlich| genau)*\b|was (?:ihr|sie)(?: so| hier| eigentlich| genau)* (?:macht|machen)\b|"
    r"was (?:ist|bist) (?:das|du)(?: hier)?|wer bist du|wer ist da|bist du (?:ein )?(?:bot|mensch|echt)|"
    r"ist da (?:jemand|wer)|"
    # "sind sie ein mensch" (an honorary mayor, stop 49), "rede ich mit einem computer", "am i talking to a bot"
    r"(?:sind sie|seid ihr|ist das|bin ich bei) (?:ein |eine |einem |einer )?(?:echter |echte )?(?:mensch|bot|roboter|computer|programm|maschine|ki)"
    r"(?: (?:oder|or) (?:ein |eine |a )?(?:mensch|bot|roboter|computer|programm|maschine|ki|human|person))?|"
    r"(?:rede|schreibe|spreche|chatte) ich (?:hier )?mit (?:einem |einer )?(?:echten )?(?:mensch\w*|bot|roboter|computer|programm|maschine|ki)|"
    r"(?:am i|are we) (?:talking|chatting|speaking|writing) (?:to|with) (?:a |an )?(?:real )?(?:person|human|bot|robot|machine|computer|ai)|"
    r"(?:bin ich|ich bin|sind wir)(?: hier)? (?:richtig|falsch)|hier richtig|"
    r"(?:is this|am i in) the right place|right place|how does (?:this|it) work|what (?:is|are) (?:this|you)|who are you|"
    r"what can you do|are you (?:a )?(?:bot|human|real|a person)|is (?:anyone|anybody|someone) there|"
    # whether the service is real: "is this thing actually legit", "ist das hier seriös"
    r"is (?:this|it|that)(?: thing| bot| service)?(?: actually| even| really)? (?:legit|real|official|genuine)|"
    r"(?:ist|is) (?:das|des)(?: hier| ding)?(?: eigentlich| wirklich| uberhaupt)? (?:serios|echt|offiziell|seriös)|"
    r"test(?:ing)?|testnachricht)\b"
)
# A preamble that plays it down before telling ("this is prob nothing but", "ist bestimmt
# nichts, aber"): a request whose subject is still to come.
_PREAMBLE = re.compile(
    r"\b(?:(?:this|it) (?:is|s)|its|das ist|ist|is) (?:prob |probably |maybe |likely |bestimmt |wahrscheinlich |"
    r"vielleicht |vieleicht |eh |wohl )?(?:nothing|nichts|nix|no big deal|silly|dumb|albern|ubertrieben)\b"
    r"|\b(?:prob|probably|wahrscheinlich|bestimmt) (?:nothing|nichts|nix|overreacting|ubertrieben)\b"
)
# What a doubt about the matter itself doubts: whether it counts, matters or belongs here, not
# whether anyone is in danger ("ob das was is", "if this counts", "ob ich hier richtig bin").
_MATTERS = (r"(?:was is|was ist|was wichtiges|wichtig|schlimm?|zahlt|reicht|richtig bin|richtig|strafbar|normal"
            r"|ubertreib\w*|counts|matters|is serious|serious|the right place|right place|a big deal|is a big deal|worth it"
            r"|worth|is normal|illegal|is anything|anything|is something|something|am overreacting|m overreacting"
            r"|overreact\w*|paranoid)")
# Such a doubt anywhere in a message (at the danger question it is no "I don't know" about danger).
MATTER_DOUBT = re.compile(r"\b(?:ob|obs|if|whether)(?: \w+){0,3} " + _MATTERS + r"\b")
# The whole message only that doubt, before anything is told ("weiss nich ob das was is",
# "keine ahnung ob das schlimm ist", "not sure if this counts"): small talk, met calmly.
_DOUBT = re.compile(
    r"\b(?:(?:ich )?(?:weiss|weis|wei) (?:nicht|nich|net|ned|nit)(?: so| recht| genau| so genau)?|keine ahnung|unsicher|nicht sicher"
    r"|(?:i m |im |i am )?not sure|idk|i dont know|i don t know|dunno|no idea) (?:ob|obs|if|whether)"
    r"(?: (?:das|des|dies|es|this|it|that|so|sowas|so was|ich|i|hier|here))* " + _MATTERS
    + r"(?: (?:ist|is|isch|sei|war|wars|sind|or not|oder nicht))?\b")
_PREAMBLE_JOINERS = frozenset("but aber so doch also und and eigentlich actually".split())
# How it feels, and who feels it: a message of only these words says no more than that.
_FEAR = frozenset(
    """angst angste panik panisch zittere zitter zittern zittert fertig nerven kaputt durch schock schockiert besorgt
    sorgen sorge verangstigt scared afraid freaking freaked frightened terrified shaking shaky panicking panic nervous
    worried anxious shook""".split())
_FEAR_COMPANY = frozenset(
    """ich i im i m me my mir mich mein meine meiner wir we us our uns unsere she he her his sie er ihr gf bf girlfriend
    boyfriend wife husband frau mann freundin freund kinder kids family familie is are am bin ist sind hab habe have
    has total voll echt so really very sehr ganz gerade grad jetzt now rn still noch immer out aus den der die mit
    ngl tbh honestly lol und and aber but tho though solche solch such a bit bisschen kind of kinda bissl etwas ok okay
    fine gut""".split())

_NAME_LEAD = re.compile(r"\b(?:name (?:ist|is)|ich heisse|i am called)\s+(\w+)(?:\s+(\w+))?")
_POSTCODE = re.compile(r"^\d{5}$")


# More words left than this are not checked one by one against the places.
_MAX_PLACE_WORDS = 3


def kind(folded: str, place_names: Iterable[str] = (), is_place: Callable[[str], bool] | None = None) -> str | None:
    """GREETING, THANKS, ABOUT_BOT, REQUEST, DOUBT or INTRODUCTION when the (folded) message says
    only that; None when any word may tell what happened. `place_names`: the folded names of
    the places the message names (they introduce the writer, not an event); `is_place`: whether
    one word names a place (a village of the municipality found: "Crostau")."""
    words = folded.split()
    if not words or len(words) > 16:
        return None
    doubt = _DOUBT.search(folded)
    if doubt and not _DOUBT.sub(" ", folded).split():
        return DOUBT
    if not _FEAR.isdisjoint(words) and all(w in _FEAR or w in _FEAR_COMPANY for w in words):
        return FEAR
    about = _ABOUT_BOT.search(folded)
    rest = _ABOUT_BOT.sub(" ", folded).split() if about else words
    preamble = _PREAMBLE.search(folded)
    if preamble and not about:  # what stays around it: "hey so ... but"
        rest = [w for w in _PREAMBLE.sub(" ", folded).split() if w not in _PREAMBLE_JOINERS]
    named = set(_name_words(folded))
    place_words = {w for name in place_names for w in name.split()}
    content = [w for w in rest if w not in _GREETINGS and w not in _THANKS and w not in _FILLERS
               and w not in _ROLES and w not in _REQUEST and w not in named and not _POSTCODE.match(w)
               and not _is_place_word(w, place_words)]
    if content and (is_place is None or len(content) > _MAX_PLACE_WORDS or not all(map(is_place, content))):
        return None
    if about:
        return ABOUT_BOT
    if preamble or any(w in _REQUEST for w in words):
        return REQUEST
    if any(w in _ROLES for w in words) or named or place_words.intersection(words) or content:
        return INTRODUCTION
    if any(w in _THANKS for w in words):
        return THANKS
    if any(w in _GREETINGS for w in words):
        return GREETING
    return None  # "ok", "ja", "bitte": answers, handled as such


def _name_words(folded: str) -> list[str]:
    """"mein name ist peter muller": the name itself."""
    return [w for m in _NAME_LEAD.finditer(folded) for w in m.groups() if w]


def _is_place_word(word: str, place_words: set[str]) -> bool:
    """The place's own word, or a typo of it ("harta" for a found "hartha")."""
    if word in place_words:
        return True
    return len(word) >= 4 and any(p[:3] == word[:3] and abs(len(p) - len(word)) <= 2 for p in place_words)


# Thanks said in other words, or in dialect ("dankscheen", "merci", "appreciate it fr").
_THANKS_TOO = frozenset("merci appreciate appreciated thanx thnx tnx danggschee vergelts vergelt".split())


def thanks_said(folded: str) -> bool:
    """Whether the (folded) message thanks, whatever else it says ("thx, that actually helps a
    lot", "Herzlichen Dank, das ist sehr hilfreich. Einen schönen Abend noch.")."""
    words = [w.strip(".,;:!?") for w in folded.split()]
    return any(w in _THANKS or w in _THANKS_TOO or w.startswith("dank") for w in words)
