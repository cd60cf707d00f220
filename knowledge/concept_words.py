"""The word families that knowledge.concepts is made of, in German and English.

Data, not logic: each family names a kind of thing (a weapon, a person at the door, what is
over, a figure of speech), matched on folded text (knowledge.features.fold) by
knowledge.extract.WordFamily or a regular expression. knowledge.concepts combines them into
concepts; families, not phrases: each names a kind of thing, never a message.
"""

from __future__ import annotations

import re

from knowledge.extract import Gated, _words


FUTURE_OR_IF = _words(
    "wird", "werden", "wirst", "wurde dich", "will", "wollen dich", "gonna", "going to",
    "wenn", "wenns", "falls", "notfalls", "zur not", "im notfall", "in an emergency", "if need be", "if necessary",
    "sonst", "sunst", "sinst", "sist", "ansonsten", "if", "or else", "otherwise", "would", "could",
    "konnte", "konnten", "sollte", "next time", "nachstes mal", "beim nachsten", "bald",
    "soon", "one day", "eines tages", "ll", "d better", "had better", "better quit", "better resign",
    "better step down", "or his house", "or his barn", "or his car", "or his home", "or your house",
    "or your barn", "or your car", "or your home", "or her house", "or her car",
)
# A message that reports what someone wrote or said: a weapon or fire in it is a threat's
# content, not a hazard present now.
WRITTEN_ONLINE = re.compile(
    r"\b(?:insta|instagram|facebook|fb|telegram|whatsapp|twitter|tiktok|chat|\w+chat|gruppe|kommentar\w*|post|profil)"
    r" (?:steht|lautet)\b"  # "lautet": what concepts make of a "steht" that quotes ("auf insta steht ich soll brennen")
)
REPORTED = _words(
    "brief", "briefe", "briefen", "drohbrief*", "mail*", "e mail*", "nachricht*", "dm", "dms", "pn", "sms", "zettel", "kommentar*",
    "post", "posts", "posted", "posting*", "gepostet", "postet", "geschrieben", "schrieb", "schreibt", "gesagt", "gesacht", "gesocht", "gsagt", "sagte", "sagt", "meinte",
    "anruf*", "angerufen", "drohung*", "gedroht", "droht", "bild von", "foto von", "letter*",
    "message*", "comment*", "wrote", "writes", "said", "says", "told", "called", "voicemail*",
    "note", "threat*", "threatened", "text*", "picture of", "photo of",
    "erzahlt", "hat er mir erzahlt", "hat sie mir erzahlt",
    "video*", "clip", "geschickt", "sent me", "under it", "under my post", "unter meinem post", "drunter",
    "steht drin", "stand drin", "steht drauf", "stand drauf",
    "sprachnachricht*", "sprachmemo*", "voice message*", "voice note*", "voicemessage*", "meint er", "typ meint",
)
# What carries a threat's words rather than a live scene: said, written or threatened
# before, or what a letter says. With REPORTED and no sign of now, a present tense after it
# is the threat's content ("hat gesagt, er schlägt mich tot"); "sagt" or "schreibt" alone
# is not, it may relay a scene ("meine Frau sagt, einer ist im Garten").
THREAT_CARRIER = _words(
    # said or written before, not relayed now ("meine Frau schreibt, einer ist im Garten" is)
    "gesagt", "gesacht", "gesocht", "gsagt", "sagte", "meinte", "gemeint", "gerufen", "nachgerufen", "zugerufen", "gebrullt", "geschrien",
    "gedroht", "geschrieben", "schrieb", "gepostet", "said", "told me", "told my", "yelled", "shouted", "wrote",
    "threatened", "posted",
    # what a letter or post says: "in dem Brief steht, sie schlagen mir die Scheiben ein"
    "steht drin", "stand drin", "steht drauf", "stand drauf", "brief steht", "zettel steht", "zettl steht",
    "mail steht", "nachricht steht", "kommentar steht", "post steht", "letter says", "note says", "message says",
    "comment says", "post says", "mail says", "text says", "it says",
)
# Counts as people write them, up to the dozens ("dreizehn mal", "sixteen times"), folded.
DE_COUNT_WORDS = (r"zwei|zwee|zwo|drei|dreie|vier|funf|sechs|sieben|acht|neun|zehn|elf|zwolf|dreizehn|vierzehn"
                  r"|funfzehn|sechzehn|siebzehn|achtzehn|neunzehn|zwanzig|dreissig|zig")
EN_COUNT_WORDS = (r"two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen"
                  r"|seventeen|eighteen|nineteen|twenty|thirty|several|many|a few|a couple of|a dozen|dozens of")
# A span up to now ("jetzt schon drei Wochen", "this is now two months"): a habit told
# (concepts.HABIT_COUNTED), and its "now" no now of the scene (COUNT_UP_TO_NOW).
SPAN_TO_NOW = (rf"\b(?:jetzt|jetz|nun) schon (?:seit )?(?:\d+|{DE_COUNT_WORDS}|ein paar) (?:tage|tagen|wochen|monate|monaten|jahre|jahren)\b"
               rf"|\b(?:this|it|that) (?:is|s|has been|s been) (?:now |going on (?:for )?)?(?:\d+|{EN_COUNT_WORDS}) (?:days|weeks|months|years)\b")
# A count or a span up to now is no "now" of the scene: "like 3 times now", "for weeks now",
# "schon dreimal jetzt", "dreizehn mal hab ichs jetzt aufgeschrieben" (gated: the count's own
# words come first).
COUNT_UP_TO_NOW = Gated(
    rf"\b(?:\d+|{EN_COUNT_WORDS}) times now\b"
    r"|\bfor (?:a few |several |many |two |three )?(?:days|weeks|months|years) now\b"
    rf"|\b(?:(?:\d+|{DE_COUNT_WORDS}) ?(?:mal|x)|mehrmals|paar ?mal|einige male|mehrere male)"
    r"(?: (?:hab ichs|hab ich|habe ich|habs|hab ichs schon|hab ich schon))? (?:schon )?(?:jetzt|jetz|nun)\b"
    rf"|\b(?:jetzt|jetz|nun) (?:auch )?(?:schon )?(?:(?:\d+|{DE_COUNT_WORDS}) ?mal|mehrmals|ein paar ?mal|einige male|mehrere male)\b"  # "stand jetzt zweimal am Schultor"
    # a span counted up to now: "das geht jetzt den dritten Monat so", "jetzt schon die zweite Woche"
    r"|\b(?:jetzt|jetz|nun) (?:schon )?(?:den|die|das|im|in der) (?:\w+ten|\w+te|zweiten|dritten|vierten) (?:monat|tag|woche|jahr)\b"
    # "jetzt schon drei Wochen", "this is now two months"
    rf"|{SPAN_TO_NOW}",
    ("times now", "days now", "weeks now", "months now", "years now", "mal jetzt", "mal nun", "mal schon",
     "x jetzt", "x nun", "x schon", "mal", "monat", "tag", "woche", "jahr", "day", "week", "month", "year"))  # "mal": every "jetzt zweimal", "nun schon 3 mal" has it
# "hinterher" as "afterwards" ("hat mich gefilmt und hinterher gefragt"), not following.
AFTERWARDS = re.compile(r"\b(?:und|erst|aber|dann|oder|gleich|kurz|direkt|noch|schon) hinterher\b"
                        r"|\bhinterher (?:ge\w+|hat|habe|hab|hatte|war|ist|wurde|wollte|kam)\b")
# Past tense without a time word: "wurde verletzt", "hat ... angezundet", "was beaten". Split
# by the words each part needs, so that a message runs only the parts that can match
# (one expression over a long message cost a tenth of all the word families).
PAST_WORDS = frozenset("wurde wurden worden war waren hatte hatten were had did happened abgebrannt ausgebrannt lag lagen".split())
PAST_GOT = re.compile(r"(?<!s )(?<!ve )\bgot\b(?! in\b| inside\b)")  # "he's got a gun", "they got in" are now
# The German perfect: an auxiliary, then a participle anywhere after it ("hat mich gestern
# geschlagen"), or a participle right before its auxiliary ("geschlagen hat"). Searched in two
# steps (the first auxiliary, then a participle after it): one expression with ".*?" between
# them took quadratic time on a long message of auxiliaries without a participle.
PAST_DE_AUXILIARY = re.compile(r"\b(?:hat|haben|ham|hab|habe|hatte|ist|sind|bin)\b")
# (not "gegen", "gehen", "geben", "geht": "Ich bin … er tritt gegen Tür" is no perfect tense)
# "klingelt" has a "ge" inside and is the present tense: "ist er vor der Tür und klingelt".
PAST_DE_PARTICIPLE = re.compile(
    r"\b(?!(?:gegen|gehen|geben|gelten|eigenen|folgenden|geht|gehts|genugt|klingelt|klingeln|klingelst|dagegen)\b)\w*ge\w+(?:t|en)\b")
PAST_DE_BEFORE = re.compile(r"\bge\w+(?:t|en) (?:hat|haben|hatte|hatten|ist|sind|war|waren)\b")
DE_AUXILIARIES = frozenset("hat haben ham hab habe hatte ist sind bin".split())
PAST_EN = re.compile(
    # English "was" after its subject only: German "was" means "what" or "something"
    # ("da explodiert was", "was mach ich") and is no past tense.
    r"\b(?:i|he|she|it|there|that|this|who|which|someone|somebody|nobody|everyone|everything"
    r"|(?:my|our|the|his|her|their|a) \w+) was\b"
    r"|\b(?:i|he|she|they|we|someone|somebody|people|guy|man|men|woman|it)\s+(?:\w+\s+)?\w{3,}ed\b"
    r"|\b(?:my|our|the|his|her|their)\s+\w+\s+(?:\w{3,}ed|burnt|threw|broke|came|went|ran|got)\b"
    r"|\b(?:i|he|she|they|we|someone|somebody|anyone|anybody|people)\s+(?:kept|saw|stood|came|went|ran|drove|left|thought|sat"
    # done, in the irregular past: "somebody broke the windows of my car"
    r"|broke|threw|stole|took|wrote|said|told|sent|spat|tore|drew|stuck|struck|shot|bit|gave|brought|caught|found)\b"
    r"|\bwas (?:\w{3,}ed|hit|beaten|stabbed|shot|thrown|burnt|taken|held)\b"
)
EN_SUBJECTS = frozenset(
    "i he she it there that this who which someone somebody nobody everyone everything my our the his her "
    "their a they we people guy man men woman".split()
)


# Words in -ing that are no verb ("next week's council meeting"), or the writer's own act
# of reporting ("I'm only reporting it now"): no present continuous.
_ING_NOUNS = (r"(?:meeting|building|evening|morning|wedding|parking|training|hearing|briefing|ceiling|thing"
              r"|something|nothing|anything|everything|spring|during|warning|housing|funding|ring|king"
              r"|reporting"
              # states and feelings, not something being done now: "she is getting scared",
              # "it's getting a bit tiresome", "I'm thinking of reporting it"
              r"|feeling|thinking|wondering|worrying|hoping|planning|considering|living|staying"
              # a doubt about oneself, not a scene: "am I overthinking", "I'm being dramatic"
              r"|overthinking|overreacting|exaggerating|imagining|seating"
              r"|being (?:dramatic|paranoid|silly|stupid|oversensitive|too sensitive|sensitive|naive|overcautious)"
              r"|getting (?:a bit |really |quite |more |very |so |pretty )?(?:scared|nervous|worried|anxious|tired|tiresome"
              r"|annoying|annoyed|old|boring|ridiculous|silly|much|worse|frustrated|fed up|upset))\b")
# English present continuous ("he is standing", "they're banging") means now.
PROGRESSIVE = Gated(
    r"\b(?:is|are|am|m|re|s|being|theyre|hes|shes|youre|im)\s+(?:\w+\s+)?(?!" + _ING_NOUNS + r")\w{2,}ing\b"
    r"|\b\w{3,}ing (?:me|us)\b",
    ("ing",))
_MONTHS = ("januar", "februar", "marz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember", "january", "february", "march", "june", "july",
           "october", "december", "fruhjahr", "sommer", "herbst", "winter", "spring", "summer",
           "autumn")
# A month, a year, or a day of a month ("vom 14. Mai", "on 3 March"): a dated event is not now.
PAST_MONTH = re.compile(
    r"\b(?:im|in|last|letzten|vergangenen|back in) (?:" + "|".join(_MONTHS) + r"|may|march)\b|\b(?:19|20)\d\d\b"
    r"|\b\d{1,2} (?:" + "|".join(_MONTHS[:16]) + r"|mai|march|may)\b"
)
NEGATED = _words(
    "niemand", "keiner", "keine", "kein", "nicht", "nichts", "nobody", "no one", "noone",
    "not", "isn t", "isnt", "aren t", "nothing", "never", "nie",
)
# What a negation word covers: itself and up to three following words ("kein Messer",
# "niemand verletzt", "no fire"), or a clause that ends in it ("verletzt wurde niemand").
NEG_SCOPE = re.compile(
    r"\b(?:niemand|keiner|keine|keinen|kein|nicht|nobody|noone|no one|not|no|nie|never|nothing|nichts)\b"  # not "Notausgang"
    r"(?:\s+(?!aber\b|but\b|und\b|and\b)\w+){0,3}"
    r"|\b\w+\s+(?:wurde|wurden|ist|sind|was|were)\s+(?:niemand|keiner|nobody|no one)\b"
    r"|\b\w+\s+(?:nix|nichts|nothing)\b"
)
_NEGATION_WORDS = frozenset("niemand keiner keine kein nicht nie nobody noone not no never isn isnt aren".split())
# Before "in danger" or "call the police": a negation, a condition or a question about it
# ("I didn't call the police", "asking if I'm in danger", "wenn ich in Gefahr bin").
NOT_SAYING_IT = _NEGATION_WORDS | frozenset("nich net ned nit".split()) | frozenset(
    "didn didnt don dont doesn doesnt wasn wasnt won wont haven havent hadn couldn wouldn if ob whether falls wenn"
    " wer who".split()  # asked, not said: "wer soll'n da in gefahr sein", "who would be in danger"
)
# "sicher" of certainty, not safety ("bin mir net sicher, obs politisch is", "nicht sicher, ob"):
# removed before SAFE_NOW is searched.
CERTAINTY = re.compile(r"\b(?:nicht|nich|net|nit|ned|ni|kein|gar nicht) (?:ganz |so |mehr )?sicher\b"
                       r"|\bmir (?:\w+ ){0,2}sicher\b|\bsicher(?:lich)? (?:ob|obs|dass|das)\b"
                       # not "safe" either: driving past ("der ist dreimal langsam vorbei"), what was
                       # thought or hoped ("ich dachte vorbei", "gedacht, irgendwann hört das auf")
                       r"|\b(?:fahrt|fahren|fuhr|fuhren|lauft|laufen|lief|liefen|kommt|kommen|kam|kamen|ist|sind|war|waren"
                       r"|drove|drives|drive|driven|driving|walked|walks|came|comes)(?: \w+){0,3} (?:vorbei|past)\b"
                       # "das gleiche auto fährt jetzt zum zweiten mal heut langsam an mir vorbei"
                       r"|\ban (?:mir|uns)(?: \w+){0,2} vorbei\b"
                       # kept from passing: "die lassen mich nicht vorbei", "won't let me past"
                       r"|\b(?:lass\w*|let)(?: \w+){0,2} (?:nicht|nich|net|ni|nie|not) (?:\w+ )?(?:vorbei|past)\b"
                       r"|\b(?:dachte|dachten|gedacht|hoffte|hofften|gehofft|thought|hoped|figured)\b(?: \w+){0,6}")
# Nobody is there (now): "keiner mehr da", "Es steht NIEMAND vor der Tür", "nobody outside",
# "hier ist niemand"; not "keiner da, der mir hilft" (nobody to help).
NOBODY_HERE = re.compile(
    # not help yet to come: "110 ist angerufen aber noch keiner da", "nobody here yet" (stop 49)
    r"(?<!\bnoch )(?<!\bimmer noch )\b(?:keiner|keener|niemand|neemand|nobody|no one|noone)(?: (?:ist|is|s|steht|stehen|mehr|more|jetzt|now|grad|gerade))*"
    r" (?:da|hier|here|there|outside|around|draussen|drausen|vor der tur|vorm haus|vor dem haus|an der tur|at the door)\b"
    r"(?! (?:der|die|das|who|to|that|um|zum|mit|wo|yet)\b)"
    r"|\b(?:hier|da|draussen|outside|here) (?:ist|is|s)(?: (?:jetzt|now|grad|gerade|mehr))? (?:keiner|niemand|nobody|no one)\b")
SAFE_NOW = _words(
    "in sicherheit", "sicher", "ist weg", "sind weg", "is weg", "sin weg", "jetzt weg", "wieder weg",
    # the word order of "now": "Jetzt ist er weg", "jetzt sind die weg"
    "ist er weg", "is er weg", "isser weg", "ist sie weg", "ist der weg", "ist die weg", "sind sie weg",
    "sind die weg", "sin die weg", "sind se weg", "sin se weg",
    "schon weg", "endlich weg", "alle weg", "weg sind", "weg ist", "abgehauen",
    # Saxon "wech": "der is wech jetz", "der is doch schon wech!!"
    "is wech", "ist wech", "sind wech", "sin wech", "schon wech", "wieder wech", "jetzt wech", "jetz wech",
    # with someone now: "nein, ich bin bei meiner nachbarin", "im at my neighbours"
    "bin bei meiner nachbarin", "bin bei den nachbarn", "bin bei meinen nachbarn", "bin beim nachbarn",
    "bin bei meinem nachbarn", "sind bei den nachbarn", "sind bei nachbarn", "bin bei nachbarn",
    "at my neighbours", "at my neighbors", "at the neighbours", "at the neighbors", "at a neighbours", "weggefahren", "verschwunden", "gegangen",
    "festgenommen", "verhaftet", "safe", "gone", "has left", "have left", "they left", "he left",
    # taken away by the police or shown out: "Die Polizei hat den Mann vom Gelände begleitet", "they took him w them",
    # "der ist raus, der bauhof leiter hat ihn raus begleitet"
    "der ist raus", "er ist raus", "ist jetzt raus", "raus begleitet", "rausgeworfen", "rausgeschmissen",
    "mitgenommen", "abgefuhrt", "weggebracht", "vom gelande begleitet", "rausbegleitet", "hinausbegleitet",
    "took him with them", "took him w them", "took him away", "took them away", "escorted him", "escorted them",
    "she left", "ran off", "drove off", "arrested", "in custody", "is over", "vorbei", "geklart",
    "turned out", "false alarm", "fehlalarm", "geloscht", "put out", "put it out", "extinguished", "ist aus",
    "everyone is ok", "everyone is fine", "alle sind ok*", "alles ruhig", "all quiet",
    "alles ist normal", "alles normal", "everything is normal", "everything s normal",
    "i m good", "im good", "i m fine", "im fine", "i m ok", "im ok", "bin ok", "fine now", "all ok now",
    "we re all ok", "guy left", "guys left",
    # out of a burning house: "feuerwehr ist da, wir sind alle draußen"
    "wir sind alle draussen", "wir sind alle raus", "wir sind draussen", "wir sind raus", "alle aus dem haus",
    "we re all out", "we are all out", "everyone is out", "everyone s out", "all out of the house",
    "we re all outside", "we are all outside", "everyone is outside", "everybody is out", "everybody s out",
    "all out of the building", "everyone out of the building", "alle aus dem gebaude", "alle aus dem buro",
    # taken away by the police, or the scare over: "Die Polizei hat den Mann mitgenommen", "das Pulver war harmlos"
    "hat den mann mitgenommen", "hat ihn mitgenommen", "haben ihn mitgenommen", "haben den mann mitgenommen",
    "hat den tater mitgenommen", "haben den tater mitgenommen", "haben die mitgenommen", "hat sie mitgenommen",
    "abgefuhrt", "took him away", "took them away", "took him with them", "took him in", "war harmlos",
    "ist harmlos", "was harmless", "is harmless", "entwarnung", "all clear",
    # it was yesterday: "warum 110? das war gestern, ist nicht schlimm, nur pflaster"
    "das war gestern", "war doch gestern", "that was yesterday", "it was yesterday", "nur pflaster", "nur ein pflaster",
    "its from yesterday", "it s from yesterday", "is von gestern", "ist von gestern", "ist doch von gestern",
    "need no ambulance", "no ambulance needed", "brauche keinen krankenwagen", "brauch keinen krankenwagen",
    # away and locked in the car: "in the car, doors locked, driving away ... nobody followed"
    "driving away", "drove away", "nobody followed", "no one followed", "doors locked", "bin weggefahren",
    "fahre weg", "keiner ist mir gefolgt", "niemand ist mir gefolgt",
    "alles ok", "mir gehts gut", "uns gehts gut", "we re fine", "we re good", "we re ok",
    "back home now", "is back home", "are back home", "wieder zu hause", "wieder daheim",
    # someone else safe now: "he is ok, teacher is with him", "die is jetzt daheim"
    "he is ok", "he s ok", "she is ok", "she s ok", "they re ok", "they are ok", "he is fine", "she is fine",
    "he s fine", "she s fine", "they re fine", "teacher is with", "teachers are with", "er ist ok", "sie ist ok",
    "er is ok", "sie is ok", "is jetzt daheim", "ist jetzt daheim", "ist jetzt zu hause", "is jetzt zu hause",
    "ist jetzt zuhause", "is jetzt zuhause", "is now home", "is home now", "is home safe",
    # gone another way: "der Typ, der mich verfolgt hat, ist vor 10 min abgebogen"
    "ist abgebogen", "sind abgebogen", "is abgebogen", "sind die abgebogen", "ist der abgebogen", "sind sie abgebogen",
    "ist er abgebogen", "sin die abgebogen", "turned off", "turned away",
    # nobody there any more: "jetzt grad steht da keiner mehr", "he's not here now"
    "keiner mehr", "keener mehr", "niemand mehr", "nicht mehr da", "nicht mehr hier",
    "not here now", "not here rn", "not there now", "not here anymore", "not there anymore",
    # as a clerk writes it: "Die Person hat sich entfernt" (and LEFT_THE_PLACE)
    "hat sich entfernt", "haben sich entfernt", "entfernte sich", "entfernten sich", "left the building", "left the premises",
)
# Someone has left the place, as a clerk writes it: "Der Mann hat das Gebäude inzwischen verlassen"
# (perfect tense only: "ich trau mich nicht, das Haus zu verlassen" is no one gone).
LEFT_THE_PLACE = re.compile(r"\b(?:hat|haben|hatte|hatten)\b(?: \w+){0,3} (?:gebaude|haus|rathaus|grundstuck|raum|gelande|buro|foyer|saal|sitzungssaal|burgerburo)"
                            r"(?: \w+){0,2} verlassen\b")
# The writer has reached safety: inside behind a locked door, or the police have come.
# First person only: "er ist drin" is the opposite.
# The question said back and answered no ("Jemand in Gefahr? Nein, zum Glück nicht.").
ECHOED_NO = re.compile(r"(?i)(?:gefahr|danger)\s*\?+\s*(?:nein|nee|ne|nö|no|nope|nah)\b")
# The danger named first, then denied: "in gefahr bin ich gerade nicht", "in gefahr grad keiner"
# (folded text, from where "in gefahr" begins).
DENIED_AFTER = re.compile(
    r"in gefahr (?:bin|sind|ist|is|war|waren) (?:ich|wir|er|sie|keiner|niemand|hier)"
    r"(?: (?:grad|gerade|grade|jetzt|momentan|aktuel|zum gluck|eigentlich|wohl|erstmal))* (?:nicht|nich|net|ned|nie)\b"
    r"|in gefahr (?:grad|gerade|grade|jetzt|momentan|aktuel|im moment) (?:nicht|nich|net|ned|keiner|niemand)\b")
# Somewhere else, with someone ("Ich bin bei meiner Schwester in Meißen, die Tür ist
# abgeschlossen"): safe, unless a person is said to be there (then the scene counts).
RELOCATED = re.compile(
    r"\b(?:bin|sind|ist|ich bin|wir sind) (?:jetzt |grad |gerade |schon |erstmal )?bei (?:meiner|meinem|meinen|unserer|unserem|unseren|ihrer|ihrem|ihren|seiner|seinem|seinen|der|den|einer|einem)"
    r" (?:\w+ )?(?:schwester|bruder|mutter|mama|vater|papa|eltern|nachbar\w*|freund\w*|tochter|sohn|oma|opa|tante|onkel|kolleg\w*|schwieger\w*)\b"
    r"|\b(?:i m|im|i am|we re|we are|staying) (?:now |at |with )(?:my|our|a) (?:\w+ )?(?:sister|brother|mum|mom|mother|dad|father|parents|neighbou?r|friend|daughter|son|gran|grandma)s?\b"
)
SHELTERED = _words(
    "bin drin", "bin drinnen", "sind drin", "sind drinnen", "bin jetzt drin", "sind jetzt drin",
    "bin im haus", "sind im haus", "bin in der wohnung", "tur zu", "tur ist zu", "tur is zu", "tur abgeschlossen",
    "tur is abgeschlossen", "bin drinne", "sin drin",
    "tur ist abgeschlossen", "hab abgeschlossen", "habe abgeschlossen", "abgesperrt",
    "polizei ist da", "polizei ist jetzt da", "polizei ist hier", "polizei ist gekommen",
    "polizei ist eingetroffen", "polizei kam", "streife ist da", "i m inside", "im inside",
    "we re inside", "were inside", "we are inside", "i am inside", "door locked", "door is locked", "locked myself in", "we locked ourselves in", "in the bathroom locked", "in the bedroom locked", "bathroom locked", "room locked",
    "locked the door", "police are here", "police is here", "police arrived", "police came",
    "police have arrived", "police got here", "cops are here", "alles gut", "all good", "im ok",
    "i m ok", "i am ok", "i m okay", "bin ok", "mir geht s gut", "uns geht s gut",
)
# Not a live scene at all: a dream or a feeling, an exercise or a plan, a figure of speech,
# a request for help with paperwork, a retraction. The model alone does not call these an
# emergency (knowledge.danger.decide), and the rules take them as settled.
IMAGINED = _words(
    "getraumt", "traum", "albtraum*", "alptraum*", "hab immer angst", "habe immer angst", "immer angst dass",
    # a fear of some day: "Meine Frau hat Angst, dass irgendwann einer mit nem Messer vor der Tür steht"
    "angst dass irgendwann", "angst das irgendwann", "angst dass dann", "angst das dann", "hat angst dass", "hat angst das", "furchtet dass irgendwann", "afraid that one day", "scared that one day",
    "worried that one day", "fears that one day",
    # a feeling, not a place: "in die Ecke gedrängt gefühlt"
    "gedrangt gefuhlt", "gedrangt fuhle", "gedrangt fuhlt", "felt cornered", "feel cornered", "feels cornered",
    "hab ich immer angst", "habe ich immer angst", "standig angst dass",
    "trau mich nicht mehr", "trau mich ni mehr", "traue mich nicht mehr", "trau mich kaum", "traue mich kaum",
    "schlaf kaum", "schlafe kaum", "barely sleep", "afraid to go out", "schlaf schlecht",
    "schlafe schlecht", "kann nicht mehr schlafen", "can t sleep", "cant sleep", "haven t slept",
    "havent slept", "keep thinking", "just the feeling", "only a feeling", "nur ein gefuhl",
    "back in my head", "fallt mir wieder ein", "fallt heut wieder ein", "fallt mir heute wieder ein",
    "hat angst seit", "angst seit dem", "scared since", "afraid since", "standig denk ich", "denk ich immer",
    "kommt wieder hoch", "kommt jetzt wieder hoch", "denk oft dran", "denke oft daran", "denk noch oft", "vergisst man ni", "vergisst man nicht",
    "still think about", "can t forget", "cant forget", "keep remembering", "flashback*",
    "geht mir nicht aus dem kopf", "nicht aus dem kopf", "out of my head", "out of my mind",
    "bilde mir", "eingebildet", "paranoid", "dreamt", "dreamed", "dream", "dreaming", "dreams", "ich traume",
    "nightmare*", "imagin*",
)
PLANNING = _words(
    "ubung", "notfallubung", "raumungsubung", "evakuierungsubung", "alarmubung", "brandschutzubung",
    "krisenstab", "durchspielen", "durchgespielt", "szenario*", "planspiel",
    "schulung*", "zu schulen", "schulen lassen", "geschult werden", "fortbildung*", "weiterbildung*", "workshop*", "seminar*", "leitfad*", "checkliste*", "notfallplan*",
    "drill", "exercise", "nur ein training", "just training", "a training", "training exercise", "training session",
    "security training", "safety training", "our training", "sicherheitstraining*", "deeskalationstraining*",
    "unser training", "das training fur", "training fur", "scenario*", "guideline*", "checklist*", "role play",
    "tabletop", "emergency plan*", "safety plan*", "abschreck*", "wirklich ab", "deter", "deters", "deterrent", "first aid", "erste hilfe kurs*", "erste hilfe schulung*",
)
FIGURATIVE = _words(
    "unter den nageln", "brennt mir", "brennt uns", "brennt die luft", "on fire with",
    # the office as a weight: "Der Kämmerer sitzt mir im Nacken", "wie eingesperrt", "brenn völlig aus"
    "sitzt mir im nacken", "sitzen mir im nacken", "brenn aus", "brenne aus", "brenn vollig aus", "brenne vollig aus",
    "bringt mich noch um", "bringen mich noch um", "wie eingesperrt", "an der kurzen leine",
    "ziemlich fertig", "total fertig", "voll fertig", "fix und fertig", "fertig mit den nerven",
    "mit den nerven am ende", "durch den wind", "i m a wreck", "im a wreck", "burnt out", "ausgebrannt",
    "inbox is on fire", "killing me", "kills me", "dying of", "dying to", "i m dead", "im dead",
    "todmude", "totlachen", "tot gelacht", "sterbe vor", "bombenstimmung", "bombig",
    "feuer und flamme", "fire away", "fired up", "fire in the belly", "fire in my belly", "feuer im bauch",
    "wie eingekesselt", "fuhl mich wie", "fuhle mich wie", "feel like i m", "feels like i m",
 "shitstorm", "sturm im wasserglas",
    "brennt die hutte", "blood is boiling", "under fire", "powder keg", "pulverfass", "ist explosiv", "has been explosive", "explosive mood", "land unter", "wrecked", "sterbe gerade vor", "i m dying", "im dying", "killing it",
    "brennt der kittel", "brennt mir der kittel", "aus allen rohren", "dropped a bomb", "drop a bomb",
    "brennt grad die luft", "brennt gerade die luft", "brennt hier die luft", "hitze bringt mich um",
    "stress bringt mich um", "arbeit bringt mich um", "blutet das herz", "blutet mir das herz",
    "heart bleeds", "heart is bleeding", "inbox has been on fire", "inbox on fire",
    "bomben stimmung", "bombe stimmung", "bombenwetter", "bomben wetter", "bombenerfolg", "bomben erfolg",
    # everything urgent at once: "Bei uns brennt es gerade an allen Ecken" (a clerk got the fire advice)
    "brennt es an allen ecken", "brennt es gerade an allen ecken", "brennt es grad an allen ecken", "brennt an allen ecken",
    "brennts an allen ecken", "brennt es hier an allen ecken", "brennt es bei uns an allen ecken", "an allen ecken brennt",
    "an allen ecken und enden brennt", "brennt es an allen ecken und enden", "brennt an allen ecken und enden",
    "killt mich", "brennt mal wieder die hutte", "brennt wieder die hutte", "brennt bei uns die hutte",
    "on fire today", "up in flames over", "bloodbath", "blood bath", "literally exploding",
    "es lasst mich nicht los", "das lasst mich nicht los", "lasst mich nicht mehr los",
    "blute innerlich", "bleeding inside", "in meinem rucken", "in den rucken fallen", "in den rucken gefallen",
    "in den rucken fallt", "in den rucken fiel", "stabbed in the back",
    "politisch gemeint", "kommt mir vor als", "als wurde das", "as if the", "aufgeheizt", "brennt fur", "brennen fur", "burns for", "mir brennt die hutte", "brennt grad die hutte", "brennt gerade die hutte", "brennt die hutte", "mir brennt der kittel", "brennt echt der kittel", "brennt der kittel",
    "kittel brennt", "die hutte brennt", "hutte brennt", "schiessen sich auf mich ein", "schiest sich auf mich ein",
    "schiessen sich auf uns ein", "being hunted online", "hunted online", "pistole auf die brust", "gun to my head",
    "gun to our heads", "gun to his head", "gun to her head", "feuer unterm hintern", "feuer unter dem hintern", "zeitbombe",
    "time bomb", "wandelnde bombe", "walking bomb", "aus der haut", "vorm aktenberg", "vor dem aktenberg",
    "bleeding money", "hiding from work", "hiding from my inbox", "was fire", "is fire", "that s fire", "thats fire", "so fire", "war fire", "ist fire", "phone is on fire", "phone is in flames", "phone is blowing up", "blowing up my phone", "exploding with", "konnt explodieren", "drowning in", "just kill me now", "bleeding ridiculous", "bleeding obvious", "bleeding hell", "bleeding joke", "bombardiert", "bombarded with", "sterbe an",
)
HELP_REQUEST = _words(
    "hilfe bei", "hilfe beim", "hilfe mit", "hilfe zur", "hilfe zum", "hilfe fur", "hilfe fuer",
    "bin ratlos", "ich bin ratlos", "weiss nicht weiter", "at a loss", "help with", "help me understand", "help me fill", "help me find", "help filing",
    "help to fill", "some help", "need help with", "help me with", "help finding",
    "unterstutzung bei", "unterstutzung beim", "wie krieg ich", "wie kriege ich", "wo finde ich", "where do i find", "where can i", "forgot how", "main menu", "hauptmenu", "which category", "welche kategorie", "hilfe gesucht", "help asap with", "bitte um ruckruf",
    "help filling", "hilfe beim ausfullen", "help me write", "help me draft", "help writing",
    "hilf mir beim", "helfen sie mir beim", "hilfe beim schreiben", "zum reden", "just to talk", "what is the number for",
    "die nummer von", "die nummer vom", "die nummer der", "number for the", "number of the", "wie erreiche ich",
    "how do i reach", "wie vorgehen", "wie gehe ich vor", "how do i proceed", "tipps", "tips", "wo kann ich",
    "soll ich das melden", "should i report", "help dealing", "help handling",
    "an wen wend ich mich", "an wen wende ich mich", "who can advise", "how can i support", "how can we support",
    "how do i support", "wie konnen wir", "was sind meine optionen", "was meine optionen sind", "what are my options",
    "brauch ne nummer", "brauche die nummer", "brauche eine nummer", "need the number", "need a number",
    "wie zeig ich", "wie zeige ich", "how do i report", "how can i report", "emergency contact for", "kontakt fur",
    "ignorieren oder", "ignore it or", "wird das gespeichert", "wird das hier gespeichert", "datenschutz",
    "is this stored", "is my data stored",
    "mit der beratung", "zur beratung", "counselling", "counseling", "danke dass ihr", "thanks for being there", "thank you for being there",
    "wer hilft wenn", "who helps if", "who do i call if", "wen ruf ich an wenn", "wen rufe ich an wenn",
    "die antwort bitte", "ihre antwort bitte", "eine antwort bitte", "antwort bitte", "antworte bitte", "antworten sie bitte",
    "answer please", "your answer please", "an answer please", "please answer", "reply please",
    "melde mich spater", "melde mich nachher", "get back to you later", "talk to someone", "talk to somebody", "mit jemandem reden", "mit jemand reden", "press charges", "emergency number", "notrufnummer",
)
RETRACTED = _words(
    "phew", "puh", "war dumm von mir", "my bad", "dachte erst", "dachte zuerst", "thought at first", "nur der wind", "just the wind", "war aber nur", "was only a drill", "ach nee", "ach ne", "ist der postbote",
    "war der postbote", "der paketbote", "the postman", "the mailman", "war der schornsteinfeger",
    "war die nachbarin", "war der nachbar", "war mein nachbar", "war meine nachbarin", "was the neighbour",
    "was the chimney sweep", "was my neighbour",
    "entwarnung", "fehlalarm", "false alarm", "never mind", "nevermind", "ignore my last",
    "ignore that", "ignoriert", "vergesst", "vergiss es", "hat sich erledigt", "has ended",
    "ist zu ende", "ist beendet", "alles wieder gut", "nur getraumt",
    "war wohl nix", "sorry for the panic", "it was just", "hab mich erschreckt", "harmless", "harmlos", "hat sich beruhigt", "hat sich aufgelost", "haben sich aufgelost", "sich aufgelost", "aufgelost hat", "dispersed", "nicht aufgetaucht", "nicht mehr da", "keine hilfe mehr", "mir geht es gut", "all inside and fine", "ist nicht eilig", "nicht eilig",
    "falscher alarm", "was our cat", "brennt nix", "falsche gruppe", "falschen gruppe", "falschen chat",
    "wrong group", "wrong chat", "war nur beim", "war nur ein versehen", "cleared up", "sorry for the fuss",
    "hat sich aufgeklart", "aufgeklart", "all clear", "aus versehen", "versehentlich", "hosentasche",
    "by accident", "accidentally", "pocket dial*", "butt dial*",
    "danke fur die", "danke fur ihre", "vielen dank fur", "thanks for the", "thank you for the",
    "thanks for your", "thank you for your", "hab mich beruhigt", "habe mich beruhigt",
    "hab mich wieder beruhigt", "habe mich wieder beruhigt",
)
# Whether what happens is an offence ("keine Ahnung ob das strafbar ist, aber ...", "is that
# a crime?"): no live scene when asked about a story, but the scene stays live when it is told
# as happening (knowledge.concepts: not with a present scene).
LEGALITY_ASKED = _words(
    "schon korperverletzung", "schon eine korperverletzung", "count as assault", "if this is a crime", "ob das strafbar",
    "ob das eine straftat", "criminal offence", "criminal offense", "legal", "illegal", "strafbar",
    "what counts as", "does that count as", "does this count as", "is that a crime", "is it a crime", "already a crime",
    "legally", "zahlt das als", "zahlt als", "gilt das als", "gilt als", "schon eine straftat", "eine straftat",
    "ist das strafbar",
    # who may file: "Can I, as a third person, file the Strafanzeige ... in her place?" (a
    # councillor asking for a colleague had the 110 screen for "it is not me who is being followed")
    "third person", "third party", "in her place", "in his place", "on her behalf", "on his behalf",
    "file the complaint for", "file a complaint for", "report it for her", "report it for him", "report this for her",
    "report this for him", "an ihrer stelle", "an seiner stelle", "fur sie anzeige", "fur ihn anzeige",
    "anzeige fur sie", "anzeige fur ihn", "stellvertretend", "im namen von", "als dritte", "als dritter",
)
HYPOTHETICAL = _words(
    "angenommen", "stellen sie sich vor", "stell dir vor", "was mache ich wenn", "was mach ich wenn",
    "was tun wenn", "was tue ich wenn", "was soll ich machen wenn", "was soll ich tun wenn",
    "wie verhalte ich mich", "wie verhalt man sich", "falls einer", "falls jemand", "wenn jemand",
    "wenn einer", "ist es erlaubt", "ist das erlaubt", "in case", "what if", "what should i do if",
    "what do i do if", "what do we do if", "suppose", "hypothetically", "if someone", "if somebody",
    "can i legally", "is it legal", "am i allowed", "how can i tell", "how do i know if", "how do i tell",
    "woran erkenne ich", "woran merke ich", "wie erkenne ich", "wie merke ich",
    "ab wann ist", "was tun bei", "was macht man bei", "vorbereitet sein", "vorbereitet sind", "be prepared",
    "hypothetisch", "rein theoretisch", "theoretically", "fur den fall", "im falle",
    "im fall dass", "welche massnahmen",
    # a rule asked for the general case: "Wann sollen wir bei einer Bombendrohung evakuieren?"
    "bei einer bombendrohung", "bei einem verdachtigen", "bei einer drohung", "bei einem brand", "gibt es da regeln",
    "gibt es regeln", "in the event of", "is there a protocol", "gibt es ein protokoll",
    "waffenschein*", "what do you advise",
    "lohnt sich", "is it worth", "wie sichere ich", "how do i secure", "wie schutze ich", "how can i protect",
    "ab wann", "is das erlaubt", "empfehlt ihr", "empfehlen sie", "would you recommend", "do you recommend",
    "how do we avoid", "wie vermeiden wir",
    "welches schloss", "which lock", "would you say", "would that be",
    "rechtlich gesehen",
    "should i still report", "soll ich das trotzdem", "nur zum verstandnis", "im sinne von",
    "wie erkenn ich", "woran erkenn ich", "kein konkreter verdacht", "keinen konkreten verdacht",
    "wills nur wissen", "will es nur wissen", "just curious", "nur interessehalber",
    "what would you advise", "what do you recommend", "was raten sie", "was empfehlen sie",
    "was wurden sie empfehlen",
)
# "kein Scherz", "no joke", "not kidding": the writer says it is meant, no joke at all.
NOT_JOKING = re.compile(r"\b(?:kein|keine|ohne|no|not a|not|nicht) (?:scherz|witz|spass|spas|joke|joking|kidding)\b")
JOKING = _words(
 "jk", "just kidding", "bad joke", "a joke", "nee spass", "nur spass",
    "war nur spass", "kleiner scherz", "scherz", "nur ein test", "test test", "ist ein test", "testing if",
    "that was the test", "war nur ein test", "wollt nur sehn ob", "wollte nur sehen ob", "just testing",
    "spass beiseite", "spas beiseite", "scherz beiseite", "joking aside", "kidding aside", "lassen mich bluten",
)
# An emergency word in another sense: a name, a meeting, an advert, a burst pipe.
OTHER_SENSE = _words(
    "ist der name", "is the name", "heisst unser", "sos kinderdorf", "sos kinderdorfer", "sos childrens village*",
    "im logo", "in the logo", "logo", "symbol", "emblem", "wappen", "sos sticker", "sos aufkleber", "das wort fur", "the word for",
    "was bedeutet", "what does that mean", "what does it mean", "emergency session", "emergency meeting",
    "notfallsitzung", "dringlichkeitssitzung", "sondersitzung", "attack ad*", "angriffswahlkampf", "fire hazard",
    "wasserrohrbruch", "rohrbruch", "burst pipe", "feuer frei", "pressemitteilung", "press release", "bombe ist geplatzt",
    "bombe platzen", "dropped the bomb", "wlan", "wifi", "feueralarm gedruckt",
    "nur mein herz", "only my heart", "fire festival", "just checking if", "nur testen ob", "burnt toast",
    "angebrannt", "just burnt", "was empty", "war leer", "garden waste", "gartenabfall*", "bonfire", "lagerfeuer",
    "osterfeuer", "grill", "bbq", "barbecue", "kamin", "fireplace", "it s just the", "it was just the",
    "just the neighbour", "nur der nachbar", "hiding from journalists", "hiding from reporters", "graffitied",
    "graffiti", "was our toaster", "fire wall", "firewall", "brandmauer", "hat sich geschnitten", "cut himself",
    "cut herself", "nix mit politik", "nichts mit politik", "nothing to do with politics", "unrelated",
    "uberfordert", "overwhelmed", "haushaltsplan", "flood appeal", "spendenaufruf", "probealarm", "sirenentest", "warntag", "test alarm", "schramme", "just a scratch", "acronym", "abkurzung", "followed online",
    "following me online", "folgt mir online", "hiding from the press", "vor der presse", "scared to walk", "afraid to walk",
)
FICTION = _words(
    # "film" as a noun only: "the others film" is someone filming now
    "krimi", "tatort", "netflix", "serie", "im film", "in the film", "in a film", "ein film", "einen film",
    "a film", "the film", "den film", "der film", "dem film", "diesen film", "kinofilm", "movie", "tv show", "series", "novel", "roman",
    "theaterstuck", "theatre", "theater", "play where", "zockt", "zocken", "gaming", "video game",
    "computerspiel", "im spiel", "in the game", "podcast",
)
NEWS = _words(
    "in den nachrichten", "in der zeitung", "im radio", "im fernsehen", "in der sz", "freie presse",
    "in der lvz", "mdr nachrichten", "im mdr", "doku", "dokumentation", "reportage", "hab gelesen",
    "les ich", "gelesen dass", "hab gehort dass", "hab gehoert dass", "gehort dass", "in the news",
    "on the news", "news said", "saw in the news", "read about", "read in the", "newspaper",
    "documentary", "article about", "heard that", "in zeitung", "steht in der zeitung", "read in the paper", "saw in the paper",
    "in the paper today", "in the paper that", "in the paper says", "in the paper said", "in the papers",
    "read in the local paper", "in the local paper today", "in the local paper that",
)
# Asking for help with the bot, a form or a device ("help, the link doesn't open"): only
# when no scene or hazard is named (knowledge.concepts.concepts).
TECH_SUPPORT = _words(
    "link", "passwort", "password", "login", "log in", "einloggen", "upload*", "hochladen", "formular*",
    "form", "onlinewache", "website", "webseite", "app", "button", "knopf", "fehlermeldung", "error",
    "geht nicht auf", "funktioniert nicht", "doesn t work", "not working", "keeps failing", "reset",
    "zurucksetzen", "download*", "herunterladen", "bot", "chatbot", "angemeldet", "anmelden", "registriert",
    "schrift", "schriftgrosse", "font", "text size", "settings", "einstellung*",
    "computer", "rechner", "laptop", "tablet", "pc", "drucker", "printer", "scanner", "kaffeemaschine",
    "coffee machine", "steuererklarung", "tax return", "abgesturzt", "crashed", "spinnt", "zugang", "ratsinfo*",
    "software", "update", "akku", "battery", "menu", "doesnt do anything", "doesn t do anything",
)
# Where it happens, named after fire or shooting ("Feuerwehrfest", "Schützenfest", "football
# club fundraiser"): no fire and no shot there, but no veto on a scene told beside it ("Ein Typ
# hat die Frau vom Bürgermeister an den Haaren gezogen", "she's bleeding from the forehead").
VENUE = _words(
    "feuerwehrverein", "feuerwehrfest", "fire brigade association", "shooting club", "schutzenverein",
    "schutzenfest", "fundraiser",
)
# A fear of some day, however long the clause between: "Ich hab Angst, dass die Leute, die
# mich online beschimpfen, irgendwann vor meiner Tür stehen".
FEARED_SOME_DAY = Gated(r"\b(?:angst|sorge|sorgen|befurcht\w*|furcht\w*) (?:dass|das) (?:\w+ ){0,10}?irgendwann\b"
                        r"|\b(?:afraid|scared|worried|fear|fears) (?:that )?(?:\w+ ){0,10}?(?:one day|some day|someday|eventually)\b",
                        ("irgendwann", "one day", "some day", "someday", "eventually"))
NOT_LIVE = {"imagined": IMAGINED, "feared": FEARED_SOME_DAY, "hypothetical": HYPOTHETICAL, "legality": LEGALITY_ASKED, "joking": JOKING, "fiction": FICTION, "planning": PLANNING, "figurative": FIGURATIVE,
            "help_request": HELP_REQUEST, "retracted": RETRACTED, "news": NEWS, "other_sense": OTHER_SENSE}

# It is over: the people have left, the police have it in hand, the writer is somewhere
# safe or says all are well. Only for the model (knowledge.danger.decide), and not when
# something is still going on ("noch da", "kommt wieder") or someone is hurt now. Narrower
# than `says_safe` (SAFE_NOW, SHELTERED) on purpose: "drin", "weg", "abgeschlossen" occur in
# messages from someone hiding or whose child is gone, and as a veto they cost two points
# of recall in cross-validation.
OVER = _words(
    "sind weg", "sind jetzt weg", "sin weg", "ist weg jetzt", "der ist weg", "der is weg", "er ist weg",
    "er is weg", "die sind weg", "jetzt weg", "sind abgehauen", "ist abgehauen", "is abgehauen",
    "sind abgezogen", "sind fort", "sind dann aber fort", "schon weitergelaufen", "weitergefahren",
    "hat die weggeschickt", "hat sie weggeschickt", "hat ihn mitgenommen", "haben ihn mitgenommen",
    "polizei is hier", "polizei is da", "polizei nimmt", "kommt gleich zum aufnehmen",
    "bin jetzt zuhause", "bin jetzt zu hause", "bin jetzt daheim", "sind jetzt zuhause", "sind jetzt daheim",
    "sind jetzt zu hause", "uns gehts gut", "mir gehts gut",
    "uns geht s gut", "alles gut erstmal", "alle sind wohlauf",
    "they left", "he left", "they ve left", "they have left", "he s gone", "they re gone", "they are gone",
    "he is gone", "they have gone", "guy is gone", "guy s gone", "guy left", "guys left", "typ ist weg", "typ is weg",
    "kerl ist weg", "kerl is weg", "typen sind weg", "ist wieder weg", "sind wieder weg",
    "drove off", "took off", "ran away", "die verschwinden", "verschwinden dann", "hauen ab", "haun ab",
    "heil raus", "heil aus", "bin heil", "bin unverletzt", "weggeraumt", "u haft",
    "untersuchungshaft", "abgegeben", "handed in", "handed over", "neues schloss", "neuem schloss", "new lock*",
    "schloss ausgetauscht", "locks changed", "home safe", "ist jetzt daheim", "ist jetzt zuhause",
    "ist jetzt zu hause", "stabil", "stable", "ist aber weg", "sind aber weg", "polizei war schon da",
    "police were already here", "police already came", "police checked", "polizei hat ihn kontrolliert",
    "he s fine", "she s fine", "s fine now", "nicht mehr hinter mir", "bin wieder zuhause", "bin wieder daheim",
    "sind abgefahren", "ist abgefahren", "fahr jetzt heim", "fahre jetzt heim", "drove away", "home now and fine", "he s home now", "she s home now",
    "patched up", "verarztet", "wasn t hurt", "wasnt hurt", "was not hurt", "alle ok", "den mann mitgenommen", "calmed down", "shaken up", "just shaken", "banned from contacting", "jetzt is es weg", "jetzt ist es weg", "is es weg", "ist es weg", "alles gut jetzt", "jetzt alles gut", "schloss gesichert",
    "zweites schloss", "zweiten schloss", "all fine", "alles in ordnung", "ended peacefully", "stayed peaceful",
    "friedlich beendet", "friedlich geblieben", "blieb friedlich", "abgezogen", "nicht mehr vorm haus", "is ruhe", "ist ruhe", "walks him off", "walked him off", "led him away",
    "took him away", "took them away", "abgefuhrt", "fuhrt ihn ab", "fuhren ihn ab", "police are here", "police came", "police took him",
    "police took them", "police are with", "polizei is with", "we re home", "were home now", "i m home",
    "im home", "at my sister s", "at my sisters", "we re all safe", "were all safe", "all calm",
    "shes with me now", "she s with me now", "husband picked me up", "nobody was in the house",
    "they re safe", "theyre safe", "safe there", "sind dort sicher", "sind da sicher",
    "haven t seen him since", "havent seen him since", "not seen him since", "seitdem nicht mehr gesehen",
    "seitdem nimmer gesehn", "seitdem nimmer gesehen", "seitdem nie mehr gesehen", "seitdem nicht mehr gesehn",
    "left after", "left when", "we packed up", "packed up and left", "drove off after",
    "seitdem ist ruhe", "seitdem ruhe",
    "im in the police", "i m in the police", "in the polizeirevier", "at the police station", "im polizeirevier",
    "auf dem polizeirevier", "auf der wache", "bin auf dem revier", "sind auf dem revier",
    "is ok", "is okay", "are ok", "are okay", "is fine", "are fine", "ist ok", "ist okay", "geht es gut",
    "gehts ihr gut", "geht s ihr gut", "gehts ihm gut", "geht s ihm gut",
    "re fine", "re ok", "re okay", "we are fine", "i m fine", "im fine", "i am fine",
    "was just a", "was only a", "war nur ein", "war nur eine", "back home from", "home from hospital",
    "home from the hospital", "aus dem krankenhaus", "not around", "nicht mehr in der nahe",
)
# Asking what the law calls it ("is that coercion?", "ist das schon Nötigung?"): no scene now.
NAMING_OFFENCE = Gated(
    r"\b(?:is|ist|isn t|would|ware|zahlt|counts?)(?: \w+)? (?:that|this|it|das|dies|es)(?: \w+)? (?:already |schon |even |really )?"
    r"(?:a |an |eine |ein )?(?:crime|offence|offense|corcion|stalking|threat|assault|harassment|insult|notigung"
    r"|bedrohung|korperverletzung|beleidigung|straftat|hausfriedensbruch)\b"
    r"|\b(?:was|what) (?:zahlt|gilt|counts)(?: \w+)? (?:als|as) (?:a |eine |ein )?(?:waffe|weapon)"
    r"|\b(?:erlaubt|verboten|legal|allowed)$",
    ("crime", "offen", "corcion", "stalking", "threat", "assault", "harassment", "insult", "notigung", "bedrohung", "korperverletzung", "beleidigung", "straftat", "hausfriedensbruch", "waffe", "weapon", "erlaubt", "verboten", "legal", "allowed"))
# Hiding things is no hiding from anyone ("hiding my kids' photos from social media").
# Asides in passing, not a scene: where the writer is or what rings ("bin grad im auto",
# "i'm at work rn", "sitting in the garden now", "jetzt klingelt mein anderes telefon"), and
# that nobody is around ("currently nobody outside", "nobody's following me"). Removed before
# the rules read the text; what follows ("..., die verfolgen mich") still counts.
_WRITER_PLACES = (
    "buro office rathaus arbeit work auto car zug train bus garten garden wald supermarkt laden shop kita "
    "schule school arzt doctor doctors krankenhaus hospital kuche kitchen bett bed sitzung meeting "
    "landratsamt stau traffic urlaub vacation holiday"
).split()
ASIDES = re.compile(
    r"\b(?:ich bin|bin ich|bin|i m|i am|we re|we are|wir sind|sind wir|sitze|sitz|sitting|stuck)"
    r"(?: (?:grad|gerade|grade|jetzt|now|currently|rn|just|noch|schon|eben|mal|atm))*"
    r"(?: (?:mit dem hund|mim hund|mitm hund|with the dog|with my dog|mit den kindern|with the kids))?"
    r" (?:(?:im|in der|in dem|in the|in my|in our|at the|at my|auf der|auf|beim|bei der|on the|on my)"
    r"(?: \w+)? (?:" + "|".join(_WRITER_PLACES) + r")|at work|auf arbeit|unterwegs|on the road|draussen|drausen|outside with the dog)\b"
    r"|\b(?:telefon|handy|phone|festnetz)\b(?: \w+){0,2} (?:klingelt|rings|ringing)\b"
    r"|\bklingelt (?:mein|das|dein)(?: \w+)? (?:telefon|handy)\b"
    # inside, the writer: "bin im Haus und alles zu", "wir sind drin"
    r"|\b(?:ich bin|bin|wir sind|sind wir|i m|we re) (?:jetzt |grad |gerade |now )?(?:im haus|in der wohnung|drin|drinnen|inside)\b"
    r"(?: (?:und|and) (?:alles|tur|door)(?: ist| is)? (?:zu|abgeschlossen|locked))?"
    # company that reassures: "my colleagues are around me", "mein Mann ist bei mir"
    r"|\b(?:my |meine |mein )?(?:colleag\w*|kollegen|kolleginnen|friends|freunde|family|familie|husband|wife|partner|mann|frau)"
    r"(?: are| is| sind| ist| sitzt| sits| is sitting| s sitting)?(?: grad| gerade| jetzt| hier| now| right)?"
    r" (?:around me|um mich|bei mir|with me|neben mir|next to me|beside me)\b"
    r"|\b(?:my|mein|meine) (?:kids|children|kinder|family|familie|husband|wife|mann|frau|partner)"
    r"(?: are| is| sind| ist) (?:here|hier)\b"
    r"|\b(?:nobody|no one|niemand|keiner|keener)(?: is| s| ist| are)?(?: (?:here|there|hier|da))?"
    r" (?:outside|drausen|draussen|around|following|verfolgt|behind|hinter)\b"
    # playing it down before telling: "this is prob nothing but ...", "ist bestimmt nichts, aber ..."
    r"|\b(?:(?:this|it) (?:is|s) |its |das ist |ist )?(?:prob |probably |maybe |likely |bestimmt |wahrscheinlich "
    r"|vielleicht |vieleicht |eh |wohl )?(?:nothing|nichts|nix) (?:but|aber)\b"
    # following online, and a mood now: "folgt mir auf jedem social media kanal", "hab grad null bock"
    r"|\b(?:folgt|folgen|follows|following) (?:mir|me|us|uns) (?:auf|on|bei|across|uberall auf|everywhere on) (?:\w+ )?"
    r"(?:insta\w*|tiktok|facebook|fb|twitter|x|telegram|youtube|social|kanal|kanalen|accounts?|plattform\w*|platforms?)\b"
    r"|\b(?:hab|habe|hab ich|have) (?:grad |gerade |jetzt |now |grade )(?:null|keinen|kein|no) (?:bock|lust|nerv\w*|energy)\b"
    # a doubt about oneself before the scene, no dream: "vielleicht bild ich mir das ein aber das
    # gleiche auto fährt jetzt ...", "maybe I'm imagining it but the same car ... behind me again"
    r"|\b(?:vielleicht |wahrscheinlich |womoglich )?(?:ich )?(?:bild|bilde) (?:ich |ick )?mir (?:das |des |dis |es )?"
    r"(?:ja |nur |blos |bloss |auch |vielleicht )*ein\b"
    r"|\b(?:maybe |perhaps |probably )?(?:i m|im|i am|i might be|i may be|i could be|am i) (?:just |only |probably )?"
    r"imagining (?:it|things|this)\b"
)


# Harm in another sense, told as an answer to "is anyone in danger?": "Only to my blood
# pressure.", "a sore wrist and some wounded pride", "it's my reputation that's in danger".
FIGURATIVE_HARM = re.compile(
    r"\b(?:blood pressure|blutdruck\w*|(?:wounded|hurt|bruised) (?:pride|ego)|(?:pride|ego) (?:is |was )?(?:hurt|wounded|bruised)"
    r"|(?:verletzte\w*|gekrankte\w*|angekratzte\w*) (?:stolz|ego|eitelkeit)"
    r"|(?:reputation|ruf|career|karriere|marriage|ehe|job|seat|mandat|amt|name|good name|guter ruf)"
    r"(?: \w+){0,3} (?:in danger|in gefahr|at risk|at stake|gefahrdet|auf dem spiel))\b")
# Creaking floorboards are no gun ("die Dielen knarren", "die Treppe knarrt").
CREAKING = re.compile(r"\b(?:dielen|diele|boden|fussboden|treppe|stufen|tur|turen|bett|holz|balken) (?:\w+ )?(?:knarren|knarrt|knarzen|knarzt)\b")
# A crowd in the sense of a set of people one belongs to ("some dude from the stammtisch crowd",
# "that crowd", "the afd crowd"): no crowd at the door.
SOCIAL_CROWD = re.compile(
    r"\b(?:that|this|his|her|their|your|our|the same|(?:the |a |that )?(?:stammtisch|afd|npd|nazi|neonazi|querdenker|reichsburger"
    r"|montags|montagsdemo|pegida|maga|antifa|far right|right wing|online|internet|facebook|fb|telegram|tiktok|insta|twitter|x))"
    r" crowd\b")
# "steht" before a quote is what is written ("Unten steht „Bürgerbündnis für Wahrheit“",
# "darauf steht: Verräter"), not someone standing.
WRITTEN_STEHT = re.compile(r"\bsteht(?: (?:da|drauf|darauf|darunter|drunter|nur|noch|dann|dort|oben|unten))?\s*[:„“\"«‚]"
                           # quoted without marks: "Da steht du bist der nächste Lübcke" (no one stands there)
                           r"|\bsteht(?: (?:da|drin|drauf|darauf|darin|dort|nur|noch|dann))? (?:du|dass|ich|wir|ihr|wörtlich|sinngemäß)\b",
                           re.IGNORECASE)
# Home alone is no safety ("I'm home alone, a man keeps ringing"): not "I'm home" (over).
HOME_ALONE = re.compile(r"\b(?:i m|im|i am|we re|were|bin|sind) (?:\w+ )?(?:home|zu hause|zuhause|daheim) (?:alone|allein|alleine)\b")
# Letters cut out of a newspaper are the threat's make, not the news ("my name in cut-out
# newspaper letters and it is ticking").
NEWSPAPER_LETTERS = re.compile(r"\b(?:newspaper|magazine) (?:letters|cuttings|clippings)\b|\bzeitungs(?:buchstaben|schnipsel)\w*"
                               r"|\baus (?:der )?zeitung\w* ausgeschnitten\w*")
# "blute nicht mehr", "not bleeding anymore": the injury told with its negation after it.
NOT_BLEEDING = re.compile(r"\b(?:blute|blutet|bluten|bleeding)\s+(?:nicht|nich|ni|no longer|not|nimmer)\b(?: mehr| anymore)?")
# Help that was not given is no cry for help ("the police here is no help", "das Amt war
# keine große Hilfe"): a copula or "no help from", then help. "keine Hilfe kommt" is not here.
NO_HELP = Gated(r"\b(?:(?:is|was|are|were|been|be|s|re|isnt|wasnt|arent|werent)\s+(?:no|not (?:much|any|a lot of|really any|of any)|little|zero|of no|of little|absolutely no|not really a|not a|never any)"
                r"|(?:ist|war|sind|waren|bringt|bringen|brachte|brachten|leisten|leistet)\s+(?:keine|kaum|wenig|null|nicht viel|auch keine|uberhaupt keine|leider keine)"
                r"|no help from|keine hilfe von|keine hilfe vom)(?:\s+(?:grosse|richtige|echte|real|big|great|good))?\s+(?:help|hilfe)\b"
                r"|\bnicht hilfreich\b|\bnot helpful\b|\bunhelpful\b|\bno help at all\b", ("help", "hilf"))
# Who is in charge is asked, nobody is there ("wer ist da eig zuständig für sowas"); the
# police on site is the local station ("lka oder polizei vor ort?").
IN_CHARGE = Gated(r"\b(?:wer|who|which \w+)(?: \w+){0,4} (?:zustandig|verantwortlich|responsible|in charge)\b"
                  r"|\b(?:welche\w*|which|wer|who)(?: \w+){0,6} (?:richtige\w*|right (?:one|place|office|people|contact))\b"
                  r"|\b(?:polizei|revier|dienststelle|police) vor ort\b",
                  ("zustandig", "verantwortlich", "responsible", "in charge", "vor ort", "richtige", "right"))
# A word of the threat counted, not a thing there: "every week. but bombe is first time" (a
# councillor telling how often the comments come, stop 49; folded).
COUNTED_WORD = Gated(
    r"\b(?:bombe|bomben|bomb|bombs|feuer|fire|messer|knife|waffe|gun|kugel|bullet|galgen|gallows)"
    r" (?:is|ist|war|was|is the|ist das|war das|is for the) (?:first|erste|ersten|1st|new|neu) ?(?:time|mal)?\b",
    ("bomb", "feuer", "fire", "messer", "knife", "waffe", "gun", "kugel", "bullet", "galgen", "gallows"))
# A person smoking, not smoke: "ok im in a spati now hes outside smoking" (a councillor being
# followed had got "leave the building", stop 49), "der typ steht draußen und raucht eine" (folded).
SMOKING_PERSON = Gated(
    r"\b(?:he s|hes|he is|she s|shes|she is|they re|theyre|they are|guy s|guys|man s|er|sie|der|die|typ|kerl|mann)"
    r" (?:\w+ ){0,3}(?:smoking|smokes|raucht|rauchen)(?! (?:from|out of|aus|coming|comes|kommt))(?: (?:a|one|eine|ne|seine|his))?"
    r"(?: (?:cigarette|cig|ciggy|fag|zigarette|kippe|joint))?\b|\bhaving a (?:smoke|cig|cigarette|fag)\b|\b(?:raucht|rauchen) (?:eine|ne|seine)\b",
    ("smok", "rauch"))
# Someone coming at a time or to mend something, not coming for the writer: "the glass guy is coming
# at 2", "a guy is coming at 2 to fix it", "der glaser kommt um 14 uhr" (stop 49; folded).
APPOINTMENT = Gated(
    r"\b(?:coming|comes|come|kommt|kommen)(?: \w+){0,2} (?:at|um|gegen|around|about) (?:\d{1,2}(?: ?(?:uhr|am|pm|h))?|noon|mittag)\b"
    r"|\b(?:coming|comes|kommt|kommen)(?: \w+){0,4} (?:to (?:fix|repair|replace|measure|look at|board up)|zum (?:reparieren|ausmessen)"
    r"|um (?:es|das|die scheibe|das fenster|die tur) (?:zu reparieren|auszumessen|zu ersetzen))\b"
    r"|\b(?:glass guy|glazier|glaser|handwerker|repair guy|repairman|locksmith|schlusseldienst|handyman|tischler|schreiner)"
    r"(?: \w+){0,2} (?:is coming|comes|kommt|is on the way|ist unterwegs)\b",
    ("coming", "comes", "come", "kommt", "kommen", "glas", "glazier", "handwerker", "repair", "locksmith", "schlusseldienst",
     "handyman", "tischler", "schreiner"))
# Someone's office there, not someone there: "mein mann is da bürgermeister", "sie ist dort
# gemeinderätin" (a mayor's wife, stop 49; folded).
ROLE_THERE = Gated(
    r"\b(?:is|ist|isch|bin|sind|sin|war|is ja|ist ja) (?:da|dort|hier|dor|do) (?:(?:der|die|im|in|als|ehrenamtlich\w*|so|ja) )*"
    r"(?P<role>burgermeist\w*|ortsvorsteh\w*|gemeinderat\w*|stadtrat\w*|ratsmitglied\w*|kreisrat\w*|ortschaftsrat\w*|amtsleiter\w*"
    r"|beigeordnet\w*|vorsitzend\w*|kandidat\w*|mayor|council\w*)\b",
    ("burgermeist", "ortsvorsteh", "gemeinderat", "stadtrat", "ratsmitglied", "kreisrat", "ortschaftsrat", "amtsleiter",
     "beigeordnet", "vorsitzend", "kandidat", "mayor", "council"))
# A verb made a noun, the act named rather than going on: "eher sachbeschädigung + das
# schubsen. geht beides?", "beim Treten hat er ..." ("die schubsen mich" stays a scene).
NAMED_ACT = Gated(
    r"\b(?:das|dem|beim|vom|zum|des|fur das|wegen dem|wegen des) (?:schubsen|schubsn|schlagen|schlagn|treten|tretn|randalieren"
    r"|trampeln|schmeissen|bespucken|anspucken|spucken|anschreien|umzingeln|umringen|werfen|rumschubsen|festhalten)\b",
    ("schubs", "schlag", "tret", "randal", "trampel", "schmeiss", "spuck", "schrei", "umzingel", "umring", "werfen",
     "festhalt"))
# Where a business lies, not someone there: "der laden is unten im haus, wir wohnen oben
# drüber", "our shop is downstairs" (a mayor's shop, told at the question about the home).
BUSINESS_WHERE = Gated(
    r"\b(?:der|unser|mein|meine|die|das|our|my|the) (?:laden|geschaft|imbiss|buro|praxis|werkstatt|kanzlei|firma|backerei"
    r"|shop|store|office|business|bakery|practice)(?: \w+)? (?:is|ist|liegt|befindet sich|is located|sits)"
    r"(?: \w+){0,2} (?:unten|oben|hinten|vorne|nebenan|downstairs|upstairs|below|above|next door|under|im haus|im erdgeschoss"
    r"|im gebaude|in the house|in the building|on the ground floor)\b(?: im| in| dem| the| haus| house| building| gebaude)*",
    ("laden", "geschaft", "imbiss", "buro", "praxis", "werkstatt", "kanzlei", "firma", "backerei", "shop", "store",
     "office", "business", "bakery", "practice"))
# The police called to report, not to come: "i'll call the police now and report it",
# "ich ruf gleich die polizei an und erstatte anzeige".
CALL_TO_REPORT = Gated(r"\b(?:call|ring|phone|anrufen|rufe?|contact)\b(?: \w+){0,5} (?:and|to|und|um)(?: \w+){0,3}"
                       r" (?:report\w*|file|anzeige\w*|melden|erstatten|zu melden)\b",
                       ("report", "file", "anzeige", "melden", "erstatten"))
# Asked whether the police come or where to go ("Kommt die Polizei zur Aufnahme auch ins
# Rathaus?", "will they come to my place or do i go to them"): no call for them to come now.
POLICE_VISIT_ASKED = Gated(
    r"^(?:(?:und|also|ok|okay|so|aber|and|but|wait|hm|hmm|na|ja|yes|no|nein|nee) )?(?:\w+ )?"
    r"(?:kommt|kommen|kame|kamen|wurde|wurden|will|would|dos|do|can|could|kann|konnen|muss|mussen|must|should|soll|sollen)"
    r" (?:\w+ ){0,2}(?:polizei|police|beamte\w*|officers?|an officer|cops?|die|they|sie|someone|jemand|ich|i|we|wir)\b(?: \w+){0,8}"
    r" (?:zu|zur|zum|nach|ins|in|to|out|over|by|raus|rauskommen|vorbei|vorbeikommen|hin|hinfahren|hingehen|come|kommen|go|aufs|auf)\b",
    ("kommt", "kommen", "kame", "wurde", "will", "would", "does", "do", "can", "could", "kann", "konnen", "muss", "must", "should", "soll"))
# The fire brigade as an institution is no fire ("at the fire brigade party", "the fire
# station's summer fest"); German writes it as one word (Feuerwehr) and never matches.
FIRE_SERVICE = Gated(r"\bfire (?:brigade|department|station|service|engine|truck|chief|fighter|crew|hall)s?\b",
                     ("fire",))
# Standing for office is a candidacy, not someone standing somewhere ("my wife is standing
# for the Kreistag"), and an election that is coming up is no scene ("Wahlkampf steht an").
CANDIDACY = Gated(
    r"\b(?:standing|stand|stands|stood|running|run|runs) (?:again )?(?:for|as) (?:the |a |re )?"
    r"(?:election|re election|council|town council|city council|district council|kreistag|stadtrat|gemeinderat"
    r"|landtag|bundestag|mayor|office|candidate|councillor|councilor|parliament|seat)\b"
    r"|\b(?:wahl|wahlkampf|wahlen|kommunalwahl|landtagswahl|abstimmung|sitzung|kandidatur) (?:steht|stehen) (?:bald |jetzt |nun |wieder )?an\b",
    ("stand", "stood", "run", "steh"))
# A thing that must stay ("muss das stehn bleiben fuer die polizei", "soll der Kommentar stehen
# bleiben?"): no one standing there (a blind tester's question about comments brought the 110 advice).
THING_STAYS = Gated(
    r"\b(?:das|es|des|dat|der|die|den) (?:\w+ )?(?:muss|mus|soll|sollte|kann|darf|mussen|sollen|konnen|durfen)"
    r" (?:\w+ )?(?:stehen|stehn|stehenbleiben) (?:bleiben|lassen)?\b"
    r"|\b(?:stehen|stehn) (?:bleiben|lassen) (?:fur|fuer|wegen) (?:die |der )?(?:polizei|beweise|anzeige)\b"
    # the writer's own car parked ("dienstwagen steht vorm haus", "mein Auto stand in der Einfahrt")
    r"|\b(?:(?:mein|meine|meinen|unser|unsere|unseren|my|our) (?:\w+ )?(?:auto|wagen|pkw|fahrrad|motorrad|car|bike)"
    r"|(?:der |mein |unser |my |our |the )?(?:dienstwagen|dienstauto|dienst pkw|official car|company car))"
    r" (?:steht|stand|stehen|standen|is parked|was parked|stands|stood)\b",
    ("steh", "stand", "stood", "parked"))
# What a published picture shows is its content, not a scene ("a Telegram channel has posted
# my address and a photo of my kids in front of our house"); read only where the text is
# about something online.
PICTURED = re.compile(r"\b(?:fotos?|bild|bilder|photos?|pictures?|videos?|selfies?|aufnahmen?) (?:von|vom|of|mit|with)"
                      # up to where it was posted: what follows is the writer's again ("... gepostet. Das Auto steht vor meinem Haus")
                      r"(?: (?!gepostet|postet|posted|geteilt|teilt|shared|hochgeladen|uploaded|veroffentlicht)\w+){0,7}")
HIDING_THINGS = re.compile(
    r"\bhid(?:ing|e|den) nothing\b|\bhid(?:ing|e|den) (?:my|his|her|our|their|the|all)(?: \w+)? "
    r"(?:photos?|pictures?|posts?|address|addresses|names?|number|profiles?|accounts?|car|plates?)\b"
)
# Just got in, told in the German perfect with "sein" ("die sind über den Zaun geklettert"):
# in a short message the arrival is the scene now.
ARRIVED = re.compile(
    r"\b(?:sind|ist|is|sin)\b(?: \w+){0,4} (?:geklettert|gestiegen|eingedrungen|reingekommen|hereingekommen"
    r"|reingegangen|eingestiegen|gesprungen|reingeklettert)\b"
)
# A cry on the phone, then the line dead ("sie hat mich angerufen und geschrien, dann war die
# leitung tot"): someone else's emergency, relayed while it lasts.
CRY_THEN_CUT = Gated(
    r"\b(?:geschrien|schrie|schreit|gekreischt|um hilfe|screamed|screaming|scream|for help|cried|crying)\b"
    r"(?: \w+){0,8} (?:leitung (?:\w+ )?tot|line (?:\w+ )?dead|call (?:got |was )?(?:cut|dropped)|verbindung (?:\w+ )?(?:weg|abgebrochen))\b",
    ("schrie", "schreit", "gekreischt", "hilfe", "scream", "help", "cried", "crying"))
# "the police now say it was arson" is what they found out, no call for the police now.
POLICE_NOW_SAY = re.compile(r"\bpolice now (?:say|says|said|think|thinks|believe|believes|suspect|suspects|confirm|confirmed"
                            r"|know|knows|contact|contacts|offer|offers|advise|advises|visit|visits|call|calls|have|has)\b")
# Office German with "hier" or "da" that names nobody ("Wie ist hier zu verfahren?", "Ist
# hier etwas zu veranlassen?", "mehr steht da nicht"): removed before anything is read.
NOBODY_THERE = re.compile(
    r"\b(?:wie |was )?ist hier (?:etwas |noch |was |nun |jetzt )?zu \w+|\bwas ist hier los\b|\bsteht da nicht\b"
    r"|\bsteht da nichts\b|\bwarum steht da\b|\b(?:polizei|police) (?:bitte |please )?(?:noch )?(?:nicht|don t|not)\b"
    # "das ist hier das halbe Dorf", "so ist das hier": a thing or a state, no one there
    r"|\b(?:das|es|dies|alles|so|was) (?:ist|is) (?:das )?hier\b(?! (?:drin|drinnen|drau\w*|im|in|vor|bei|am|an)\b)"
    # office German, "here" is the office: "ist hier bislang nicht aktenkundig", "ist hier nicht bekannt"
    r"|\b(?:ist|sind|wird|wurde|wurden) hier (?:\w+ ){0,2}(?:nicht|nichts|kein\w*|bekannt|aktenkundig|eingegangen|bislang|bisher)\b"
)
# A panic attack is no attack by anyone: removed before anything is read.
NOT_A_BOMB = re.compile(r"\bbomber ?jack\w*|\bbombasti\w*|\b(?:paint|farb|stink|glitter|bath|sauce) ?bomb\w*|\bphoto ?bomb\w*"
                        r"|\bbomben(?:stimmung|wetter|erfolg|job)\w*"
                        # a formality, not a device: "just box-ticking", "to tick the boxes"
                        r"|\b(?:just|only|pure|mere|merely|more|bureaucratic|usual|simply|or) box ticking\b|\bbox ticking (?:exercise|thing|stuff)\b"
                        r"|\bticking (?:the |all the |off )?boxes\b|\btick (?:the |all the )?boxes\b|\btick ?box(?:es)?\b")
# Owning a weapon is no weapon here ("he's a hunter, he owns guns", "hat einen Waffenschein").
OWNED_WEAPON = Gated(r"\b(?:owns?|owning) (?:a |some |several |many |legal )?(?:guns?|firearms?|rifles?|weapons?)\b"
                     r"|\bgun owner\w*|\b(?:besitzt|besitzen) (?:eine |einen |mehrere |legal |legale |viele )?"
                     r"(?:waffen|waffe|gewehre|gewehr|flinte|jagdwaffen?)\b|\b(?:hat|haben) (?:einen |nen )?waffenschein\b"
                     r"|\bwaffenbesitzer\w*|\bsportschutze\w*",
                     ("owns", "owning", "own gun", "own a", "own fire", "own rifle", "own weapon", "own legal", "own some",
                      "own several", "own many", "gun owner", "besitz", "waffenschein", "sportschut"))
NO_ASSAULT = re.compile(r"\b(?:panic|anxiety) attacks?\b|\b(?:panikattacke|angstattacke)\w*")
# "They know I'm home" says where the writer is, not that it is over.
KNOWS_WHERE = re.compile(r"\b(?:know|knows|knew|weiss|wissen|sehen|see|sees)\s+(?:that\s+|dass\s+)?(?:i m|im|we re|were)\s+home\b")
# Arrested: over too, even where a fire was set.
ARRESTED = _words(
    "has been arrested", "was arrested", "got arrested", "were arrested", "wurde festgenommen",
    "wurden festgenommen", "ist festgenommen", "wurde verhaftet", "sitzt in haft", "hat ihn festgenommen",
    "haben ihn festgenommen", "hat sie festgenommen", "haben sie festgenommen", "arrested him", "arrested her", "arrested them",
    "sitzt in u haft", "sitzt jetzt in u haft", "in untersuchungshaft", "sitzt jetzt in haft", "in custody", "is in jail", "in police custody",
)
# The fire is out: then the fire does not keep "it is over" from counting.
FIRE_OUT = _words(
    "fire s out", "fire is out", "fires out", "fire was put out", "put it out", "put out the fire",
    "firefighters have left", "feuer ist aus", "feuer is aus", "brand ist aus", "brand ist geloscht",
    "feuer ist geloscht", "haben geloscht", "hat geloscht", "feuerwehr hat", "fire brigade was there",
    "fire brigade has been", "fire service was there", "firefighters were there", "feuerwehr war da",
    "feuerwehr war schon da", "and it s out",
)
# "36 Grad": degrees, not "grad" for "gerade".
DEGREES = re.compile(r"\b\d+(?: \d+)? grad\b")
# Asking whether to carry or buy something to defend oneself: planning, not a scene. Kept
# narrow (few words between, defensive items; weapons only after "buy"): "brauche Hilfe, er
# hat Pfefferspray" must stay a scene.
_DEFENSIVE = ("pfefferspray|pepper spray|taser|elektroschocker|schrillalarm|taschenalarm|abwehrspray|stun gun"
              r"|schreckschuss\w*|gaspistole\w*")
ARMING = Gated(
    r"\b(?:brauch|brauche|soll|sollte|tragen|mitnehmen|carry)\b(?: \w+){0,2} (?:" + _DEFENSIVE + r")\b"
    r"|\b(?:darf|durfen)\b(?: \w+){0,4} (?:" + _DEFENSIVE + r")\b"
    r"|\b(?:kaufen|kauf|anschaffen|besorgen|buy)\b(?: \w+){0,2} (?:" + _DEFENSIVE + r"|waffe|gun|messer|knife|pistole)\b"
    r"|\b(?:" + _DEFENSIVE + r"|waffe|gaspistole|schreckschuss\w*|pistole|gun)\b(?: \w+){0,2} (?:zulegen|kaufen|anschaffen|besorgen)\b"
    # asking whether to keep a weapon at hand ("should I keep a baseball bat by the door?")
    r"|\b(?:should|shall|can|may|soll|sollte|darf|kann) (?:i|we|ich|wir|mir|uns)(?: \w+){0,3} "
    r"(?:baseball bat|bat|baseballschlager|knuppel|waffe|gun|messer|knife|pistole|gaspistole)\b",
    ("spray", "taser", "schocker", "alarm", "gun", "schreckschuss", "pistole", "waffe", "messer", "knife", "bat", "baseballschlager", "knuppel"))
# Fire or an explosion of things that cannot burn in a way that calls for 110: a campaign,
# the mood, an inbox ("my campaign is on fire", "das Postfach explodiert").
# Fire told as fire: a burning "Hütte" that burns "lichterloh" or in flames is no figure of
# speech ("Jetzt brennt die Hütte lichterloh. Feuerwehr??").
LITERAL_FIRE = Gated(r"\blichterloh\b|\b(?:in|im) (?:vollen )?flammen\b|\bflammen (?:schlagen|schlagt)\b"
                     r"|\b(?:burning|burns|on fire) (?:\w+ )?(?:to the ground|down)\b|\bflames (?:are )?(?:coming|shooting)\b"
                     # a house, not the world: "they will set the house on fire with us inside"
                     r"|\bset (?:the|my|our|your|his|her) (?:house|home|car|office|flat|door|garage|barn|hut|shed|building|place) on fire\b",
                     ("lichterloh", "flammen", "burn", "fire", "flames"))
FIGURATIVE_FIRE = Gated(
    r"\b(?:campaign|wahlkampf|team|mood|stimmung|inbox|phone|timeline|feed|chat|comments|kommentare|frist|deadline"
    r"|antrag|forderantrag|heart|herz|heart s|i m|im|you re|ich bin"
    r"|postfach|handy|twitter|internet|netz|netzwerk|gruppe|whatsapp gruppe)\b"
    r"(?: (?:is|s|ist|are|was|has been|literally|total|totally|komplett|grad|gerade|voll|mal wieder))*"
    r" (?:on fire|in flammen|brennt|explod\w*|blowing up|blows up)"
    r"|\b(?:explodiert|brennt)\b(?: \w+){0,2} (?:mein|unser|das) (?:postfach|handy|telefon|netz|chat)\b"
    # "kill me now, another 6-hour session": the sigh opens the message; "they say they
    # kill me. Now." is a threat told and a now, only run together by folding.
    r"|^(?:(?:ugh|omg|lol|oh|god|pls|please|honestly|seriously)\s+){0,3}kill me now\b"
    # said to be a figure of speech: "steht das Rathaus in Flammen, also sinnbildlich"
    r"|\b(?:sinnbildlich|bildlich gesprochen|im ubertragenen sinne?|figuratively|metaphorically|not literally|nicht wortlich)\b",
    ("fire", "flammen", "brennt", "explod", "blow", "kill me now", "bildlich", "ubertragenen", "figuratively", "metaphorically", "literally", "wortlich"))
# "I thought ..., but it was the cat": the writer takes it back in the same message.
THOUGHT_BUT = Gated(
    r"\b(?:dachte|dacht|thought)\b.*\b(?:war aber|war nur|war bloss|war doch|was just|was only|turned out|but it was"
    r"|it wasn t|it wasnt|war es nicht|wars nicht|war s nicht|war er nicht)\b",
    ("dacht", "thought"))
# A visit announced for later ("er kommt morgen", "they're coming friday"): not now, when
# nothing in the message is happening now.
FORETOLD = _words(
    "morgen", "ubermorgen", "nachste woche", "nachsten montag", "nachsten dienstag", "nachsten mittwoch",
    "nachsten donnerstag", "nachsten freitag", "nachsten samstag", "nachsten sonntag", "demnachst",
    "am wochenende", "tomorrow", "next week", "next month", "on monday", "on tuesday", "on wednesday",
    "on thursday", "on friday", "on saturday", "on sunday", "coming monday", "coming tuesday",
    "coming wednesday", "coming thursday", "coming friday", "coming saturday", "coming sunday",
    "this weekend", "next weekend", "nachsten monat", "nachstes jahr", "nachsten jahr", "next year", "next monday", "next tuesday", "next wednesday", "next thursday",
    "next friday", "next saturday", "next sunday", "planned for", "geplant fur", "angekundigt fur", "angemeldet fur", "after the election", "nach der wahl", "vor der wahl",
)
NOT_LATER = re.compile(r"\b(?:guten|heute|heut|gestern|jeden|am|diesen) morgen\b|\bschon\b.*")
STILL_GOING = _words(
    "noch da", "immer noch", "noch immer", "wieder da", "kommt wieder", "kommen wieder", "kommt zuruck",
    "kommen zuruck", "wartet", "warten", "still there", "still here", "still outside", "coming back",
    "come back", "waiting", "trapped", "eingesperrt", "eingeschlossen", "noch do",
    "turning around", "turns around", "dreht um", "wendet",
)
# Again, now ("und jetzt stehn die wieder vorm Haus", "un jetz isser widder da"): the scene of
# this moment, however often it came before.
NOW_AGAIN = re.compile(r"\b(?:jetzt|jetz|itze|etz|grad|gerade|grade|now|right now)\b(?: \w+){0,3} (?:wieder|widder|again)\b")
# "immer näher", "immer lauter": more and more, now; no habit ("immer wieder" is one).
CLOSER_AND_CLOSER = re.compile(r"\bimmer (?:naher|mehr|lauter|schneller|dichter|aggressiver|wutender|heftiger)\b")
# The police are there: whoever is "still here" is them ("the police officer is still here").
POLICE_HERE = re.compile(r"\b(?:polizei\w*|police\w*|beamt\w*|officer\w*|cops?|streife)\b")
# Someone is still there although another has gone: the scene goes on.
STILL_WAITING = _words("noch da", "wartet noch", "warten noch", "steht noch", "stehen noch", "sitzt noch",
                       "still there", "still here", "still outside", "still waiting", "is waiting", "are waiting",
                       "wartet unten", "wartet drauss*", "wartet vor", "wartet am", "wartet an", "warten unten",
                       "warten drauss*", "warten vor", "waits outside", "waiting outside", "waiting downstairs",
                       "still behind", "noch hinter mir", "noch hinter uns", "still following", "folgt mir noch")
# Following told with the subject inside the separable verb: "läuft mir ein Typ nach".
FOLLOWED_APART = re.compile(r"\b(?:lauft|laufen|fahrt|fahren|geht|gehen|rennt|rennen|schleicht|schleichen)"
                            r" (?:mir|uns) (?:\w+ ){1,3}(?:nach|hinterher)\b")
# A thing seen, found or noticed: still there, not a story told afterwards ("Unter meinem Auto
# klebt was, so ein Kasten mit Kabel dran, hab's beim Einsteigen gesehen").
PERCEIVED = re.compile(r"\b(?:hab|habe|hat|haben|ham|habs)(?: \w+){0,3} (?:gesehen|bemerkt|entdeckt|gefunden)\b"
                       r"|\b(?:i|we) (?:just )?(?:saw|noticed|spotted|found) (?:it|that|this)\b")

# The writer says it is no emergency: then the model alone does not call it one.
DENIED = _words(
    "kein notfall", "keine gefahr", "kein notfal", "nicht dringend", "nicht akut", "nichts akutes",
    # nobody there, believed: "ich glaub nicht dass da gerade einer ist" (a young candidate got the 110 advice)
    "glaub nicht dass da", "glaube nicht dass da", "glaub nicht das da", "glaub ni dass da", "glaub net dass da",
    "glaub nicht dass da gerade einer", "glaub nicht dass gerade einer", "glaub nicht dass da einer",
    "dont think anyone is", "don t think anyone is", "dont think someone is", "don t think someone is",
    "dont think there s anyone", "don t think there s anyone", "dont think theres anyone",
    "nicht in gefahr", "niemand in gefahr", "niemand ist in gefahr", "keiner ist in gefahr",
    "no emergency", "not an emergency", "not urgent", "nothing urgent", "no danger",
    "no immediate danger", "not in immediate danger", "nobody is in immediate danger", "no one is in immediate danger",
    "keine akute gefahrdung", "gefahrdung ist uns nicht bekannt", "gefahrdung ist nicht bekannt", "nothing acute",
    "nobody outside", "no one outside", "currently nobody", "niemand draussen", "keiner draussen",
    # a habit, then "not right now": "steht fast jede Woche einer vorm Haus. grad nicht, aber ..."
    "grad nicht aber", "gerade nicht aber", "jetzt grad nicht aber", "im moment nicht aber", "not right now but",
    "not at the moment but", "nobody followed", "no one followed",
    "nobody s following", "nobody is following", "no one is following", "niemand verfolgt", "keiner verfolgt",
    "blute nicht", "blutet nicht", "not bleeding", "no longer bleeding", "stopped bleeding", "langst weg", "long gone",
    "not in danger", "nobody is in danger", "no one is in danger", "im safe", "i m safe",
    "we re safe", "we are safe", "i am safe", "bin sicher", "bin in sicherheit", "sind in sicherheit",
    "bisher nix passiert", "bisher nichts passiert", "noch nix passiert", "noch nichts passiert",
    "nothing has happened yet", "nothing happened yet", "no one s here", "nobody s here", "not in any danger",
    "in keiner gefahr", "no danger at the moment",
    "nich in gefahr", "net in gefahr", "ni in gefahr", "nit in gefahr", "ned in gefahr", "keene gefahr",
    "keine gefahr mehr", "nich mehr in gefahr", "nicht mehr in gefahr", "no longer in danger",
    # the danger named first, then denied (as DENIED_AFTER)
    "in gefahr bin ich nicht", "in gefahr bin ich gerade nicht", "in gefahr bin ich grad nicht",
    "in gefahr bin ich jetzt nicht", "in gefahr sind wir nicht", "in gefahr sind wir gerade nicht",
    "in gefahr ist niemand", "in gefahr ist keiner", "in gefahr grad nicht", "in gefahr gerade nicht",
    "gefahr grad keine", "gefahr gerade keine", "niemand an der tur", "keiner an der tur",
    "nobody at the door", "no one at the door", "nobody broke in", "no one broke in",
    "niemand ist eingebrochen", "keiner ist eingebrochen", "nobody is following", "no one is following",
    "niemand verfolgt", "keiner verfolgt", "keinen notruf", "kein notruf", "nothing is going on", "nothing going on",
    "nichts los", "nix los", "non emergency", "just need advice", "just advice",
    "only advice", "brauch ich nicht direkt", "brauch ich ni direkt", "nicht wirklich", "not really an",
    "don t need", "dont need", "not now", "kleiner test", "nobody is here", "no one is here",
    "niemand ist hier", "keiner ist hier", "not there now", "not there right now", "isn t there now", "passiert grad nix", "passiert grad nichts", "passiert gerade nix", "passiert gerade nichts",
    "nothing happening", "nothing is happening", "nothing s happening",
)
# What comes after an incident: reporting, police work, court. A weapon or fire next to
# these is part of the story, not of now.
AFTERMATH = _words(
    "anzeige*", "angezeigt", "angeklagt", "anklage", "ermittlung*", "ermittelt", "gericht*",
    "prozess", "strafverfahren", "ermittlungsverfahren", "das verfahren", "im verfahren", "verfahren eingestellt",
    "verfahren wurde", "verfahren gegen", "strafantrag*", "report it", "reported", "report this", "charged",
    "court", "trial", "investigation*", "investigating", "prosecut*", "polizei war da",
    "police came", "police were here", "statement",
    "restraining order", "kontaktverbot", "annaherungsverbot", "gewaltschutz*", "einstweilige verfugung",
    "for the record", "fur ihre akte", "fur die akte", "zur info", "follow up to", "nachtrag", "aktenzeichen", "zur dokumentation", "hausverbot", "in custody", "got two years", "verurteilt",
    # out of hospital: "head injury, hospital discharged me today"
    "discharged", "entlassen", "aus dem krankenhaus", "aus der klinik", "out of hospital", "out of the hospital",
    # cleaning up what was left ("my fence kicked in ... cleaning up now")
    "cleaning up", "clean up", "cleaned up", "aufraumen", "raume auf", "raumen auf", "sauber machen", "saubermachen",
)
STRONG_NOW = re.compile(
    r"\b(?:gerade|grad|grade|grod|rn|im moment|in diesem moment|currently|at the moment|as we speak"
    r"|right now|right behind|still behind|noch hinter|direkt hinter|soben|gegenwartig|just now|being followed|still (?:there|here|outside|inside|at|in front|out there)|noch da|noch do|noch immer da|(?:steht|stehen|sitzt|sitzen|wartet|warten|lauert|lauern) noch (?:auf|vor|an|am|im|in|hinter|unten|drau\w*|da|gegenuber)"
    r"|immer noch da|noch immer vor|immer noch vor|befindet sich noch|befinden sich noch|noch irgendwo"
    r"|is still in|are still in|still somewhere|kommt zur tur|kommen zur tur|comes to the door|coming to the door"
    r"|befindet sich weiterhin|befinden sich weiterhin|weiterhin im gebaude|weiterhin im haus|still in the building"
    r"|befindet sich erneut|befinden sich erneut|befindet sich wieder|befinden sich wieder|in diesem augenblick|augenblicklich"
    # formal and plain: "zur Stunde", "at this moment", "Täter noch vor Ort", "sind immer noch hier"
    r"|zur stunde|at this moment|at this very moment|noch vor ort|immer noch hier|noch immer hier|still here now"
    # arrived a moment ago: "has just turned up at my private address"
    r"|just turned up|just showed up|just shown up)\b"
)
ALARM = _words(
    "hilfe", "hilfee", "hilf mir", "helft", "help", "helpp", "sos", "notfall", "notruf", "emergency", "mayday",
    "110", "112", "pls come", "please come", "kommt schnell", "kommen sie schnell",
    "hilfe hilfe", "help me",
    "send someone", "somebody come", "someone come", "come quick", "kommt naher", "kommen naher", "coming closer", "getting closer",
)
# Asked whether one is in danger ("bin ich in gefahr? ... alles ruhig", "am i in danger now"):
# worry, not a cry; the danger question follows anyway. Matched on the text before "in gefahr".
ASKED_IF_IN_DANGER = re.compile(
    r"\b(?:bin ich|sind wir|ist er|ist sie|ist es|sind sie|sind meine \w+|ist mein\w* \w+|am i|are we|are they|is he"
    r"|is she|is it|are my \w+|is my \w+)(?: (?:jetzt|wirklich|echt|eigentlich|now|really|actually|still|noch))? $")
IN_DANGER = _words(
    "in gefahr", "lebensgefahr", "todesangst", "angst um mein leben", "in danger",
    "fear for my life", "scared for my life", "life is in danger", "need police",
    "wo ist die nachste polizei", "where is the nearest police", "wo ist die nachste wache", "nearest police station now",
    "brauche polizei", "brauche die polizei", "polizei schicken", "schickt polizei",
    "schicken sie wen", "schicken sie jemanden", "schicken sie jemand", "schickt wen", "schickt jemanden",
    "schicken sie hilfe", "schickt hilfe", "send help", "send somebody", "send someone over",
    "send police", "call the police", "ruft die polizei", "police now", "polizei jetzt",
    "ruft wer die polizei", "ruft jemand die polizei", "someone call the police", "somebody call the police",
    "110 besetzt", "110 ist besetzt", "110 war besetzt", "aber besetzt", "notruf besetzt", "notruf ist besetzt", "110 geht nicht", "112 geht nicht", "isnt going through", "isn t going through",
    "not going through", "komme nicht durch", "komm nicht durch", "nicht durchgekommen", "can t get through",
    "cant get through", "polizei bitte", "police please", "polizei soll kommen", "polizei soll herkommen", "police should come", "police assistance", "require police", "brauchen polizei", "brauchen die polizei", "polizei nach", "polizei zu mir", "polizei zum", "polizei zur",
)
WEAPON = _words(
    "messer", "messern", "taschenmesser", "kuchenmesser", "waffe", "waffen", "pistole", "pistolen",
    "gewehr", "gewehre", "schusswaffe*", "knarre", "knarren", "revolver",
    "axt", "axe", "machete*", "baseballschlager*", "schlager", "knuppel*", "schlagstock*",
    "brecheisen", "brechstange*", "eisenstange*", "stange", "knife", "knives", "gun", "guns", "screwdriver",
    "schraubenzieher", "schraubendreher", "mistgabel*", "heugabel*", "pitchfork*", "mit der sense", "mit ner sense", "mit einer sense", "ne sense", "eine sense", "sichel",
    "pistol*", "rifle*", "weapon*", "baseball bat*", "bat", "crowbar*", "with a club", "with clubs", "wooden club*", "carrying clubs", "swinging a club", "pfefferspray",
    "pepper spray*", "pepper sprayed", "reizgas", "molotov*", "fackel", "fackeln", "torch", "torches", "schuss", "schusse",
    "shot", "shots", "geschossen", "shooting", "schiesst", "schiessen", "shoots",
    "schere", "scissors", "was spitzes", "something sharp", "mit einer glasscherbe", "mit ner glasscherbe", "mit glasscherben", "broken bottle", "schrotflinte*", "shotgun*", "armbrust", "crossbow",
    "gaspistole*", "schreckschuss*", "schlagring*", "brass knuckle*", "knuckle duster*", "totschlager*", "luftgewehr*", "luftbuchse*", "luftpistole*", "crow bar*", "softair*", "air rifle*", "bb gun*", "firearm*", "handgun*",
)
FIRE = _words(
    "brennt", "brennts", "brennen", "feuer", "flammen", "in flammen", "rauch", "qualm",
    "anzunden", "zundet", "brandsatz*", "brandanschlag", "benzin", "brennend*", "fire",
    "on fire", "burning", "burns", "flames", "smoke", "smoking", "catching", "petrol on",
    "petrol over", "smell of petrol", "smells of petrol", "petrol can*", "gasoline", "set alight",
    "lodert", "lodern", "qualmt", "qualm", "es raucht", "raucht es", "raucht aus", "raucht leicht", "brandgeruch", "riecht verbrannt", "smell smoke", "smells like smoke",
    # gas, which a spark sets off: "riecht im Flur nach Gas", "the hall smells of gas"
    "nach gas", "gasgeruch", "gasleck", "gas stromt", "smells of gas", "smell of gas", "smells like gas",
    "smell gas", "smelling gas", "nach sprit", "nach benzin", "gas leak*", "kanister", "benzinkanister", "canister*", "jerry can*", "rauchbombe*", "smoke bomb*",
)
# A hazard sensed by the writer ("Gasgeruch im ganzen Rathaus", "it smells of smoke"): what
# someone wrote beside it ("ein Zettel „Für den Verräter“") does not make it the threat's words.
SENSED = _words(
    "gasgeruch", "nach gas", "riecht", "riechts", "stinkt nach", "brandgeruch", "smell*", "rauch", "qualm",
    "qualmt", "es raucht", "raucht es", "smoke", "smoking",
)
# Sensed as it is written: the smell is there now, whatever else is told in the past tense
# ("es riecht nach Benzin. Die Kollegin hat es berührt").
SENSED_NOW = _words("riecht", "riechts", "stinkt", "smells", "can smell", "es raucht", "raucht es", "qualmt")
EXPLOSIVE = _words(
    "bombe*", "sprengsatz*", "sprengstoff*", "explosiv*", "verdachtig* paket*",
    "verdachtig* gegenstand*", "verdachtig* tasche*", "paket mit kabel*", "pulver", "pulverartig*", "pulvrig*", "powdery",
    "tickt", "piept", "bomb*", "explosive*", "suspicious package*", "suspicious bag*",
    "suspicious object*", "white powder", "ticking", "beeping", "wires", "kabel", "herrenlos*",
    "unbekannt* rucksack*", "unbekannt* tasche*", "unbekannt* koffer*", "unattended",
    "abandoned bag*", "left bag*", "bag left",
    "rohrbombe*", "pipe bomb*", "metal pipe", "metallrohr", "auslaufend*", "leaking",
    "drahte", "drahten", "kabeln dran", "wires sticking", "wire sticking",
    "heraushangend* kabel*", "raushangend* kabel*", "kabel hangen raus", "kabel gucken raus", "kabeln",
    "drahte gucken raus", "gucken drahte raus", "drahte hangen raus", "hangen drahte raus", "schauen drahte raus",
    "drahte schauen raus", "drahte raus", "wires sticking out", "wires coming out", "wires hanging out",
    "autobombe*", "paketbombe*", "briefbombe*", "nagelbombe*", "car bomb*", "letter bomb*", "parcel bomb*",
    # something unnamed taped on (not "die Plakate mit Klebeband befestigt")
    "etwas mit klebeband*", "was mit klebeband*", "irgendwas mit klebeband*", "taped under", "taped to the", "unter meinem auto hangt",
    "unterm auto hangt", "unter dem auto hangt", "something under my car", "something taped",
    # taped under a car: "unter dem Dienstwagen hängt etwas mit Klebeband Befestigtes"
    "unter dem dienstwagen hangt", "unterm dienstwagen hangt", "unter dem wagen hangt", "unter meinem wagen hangt",
    "taped underneath", "taped to the bottom", "taped to the underside", "stuck under my car", "attached under my car",
    # a parcel with a wire, a parcel from nobody: "Päckchen ohne Absender ... aus einer Ecke ragt ein Draht"
    "ragt ein draht", "ragt draht", "draht ragt", "ein draht raus", "draht heraus", "draht guckt raus", "draht schaut raus",
    "wire poking out", "a wire coming out", "wire coming out", "wire sticking out",
    "paket ohne absender", "packchen ohne absender", "packet ohne absender", "parcel with no sender",
    "package with no sender", "parcel without a sender", "package without a sender", "no return address",
)
INJURY = _words(
    "blutet", "blute", "bluten", "blutend*", "blutig*", "blutung*", "blutuberstromt", "verletzt*", "verwundet", "bewusstlos*", "ohnmachtig", "krankenwagen*",
    "notarzt*", "rettungswagen*", "kann nicht atmen", "bleed", "bleeds", "bleeding", "blood", "bloody", "injur*",
    "wounded", "unconscious", "ambulance", "can t breathe", "cant breathe", "passed out",
)
PERSON_PRESENT = _words(
    # coming closer, now: "ein Mann kommt immer näher", "he's coming towards me"
    "kommt immer naher", "kommen immer naher", "kommt naher", "kommen naher", "kommt auf mich zu", "kommen auf mich zu",
    "coming closer", "getting closer", "coming towards me", "walking towards me", "coming at me",
    "just rang the", "rang the doorbell", "ringing the doorbell", "ringing my doorbell", "es klingelt", "klingelt es",
    "klingelt sturm", "klingelt dauernd", "bei mir sturm", "music playing inside", "hear music inside", "someone is inside",
    "somebody is inside", "jemand ist drin", "jemand ist im haus", "jemand ist in der wohnung",
    "hat eben geklingelt", "hat grad geklingelt", "hat gerade geklingelt",
    "da sin welche", "da sind welche", "uffm dach", "aufm dach", "noch stimmen", "stimmen drauss*", "hor stimmen", "hore stimmen", "voices outside", "hear voices",
    "isser drin", "ist er drin", "er ist drin", "die sind drin", "ist zuruckgekehrt", "sind zuruckgekehrt",
    "stuck in the lift with", "im aufzug mit", "im fahrstuhl mit", "gegenuber auf dem gehweg", "across the street", "across the road", "i hear footsteps", "hear footsteps", "footsteps outside", "hor schritte", "hore schritte", "schritte drauss*",
    # inside the home ("Man inside my house now", "ist einer in meiner Wohnung")
    "inside my house", "inside our house", "inside the house", "in my house", "in our house", "inside my flat",
    "in my flat", "in my apartment", "inside my apartment", "in meinem haus", "in unserem haus", "in meiner wohnung",
    "in unserer wohnung",
    # still there, sitting or standing: "die zwei sitzen immer noch da, ich seh sie vom Fenster aus"
    "sitzen immer noch", "sitzt immer noch", "stehen immer noch", "steht immer noch da", "sind immer noch da",
    "stehen zwei", "stehen drei", "stehen ein paar", "stehen welche", "still sitting there", "still standing there",
    "there s a guy in the", "there s a man in the", "there is a man in the", "there s someone in the",
    "there s a guy at the", "there s a man at the", "there s someone at the",
    "hantiert einer", "hantiert eener", "hantiert jemand", "macht sich einer am", "macht sich jemand am",
    "someone messing with", "someone is messing with",
    "i can see him", "i can see them", "i can see someone",
    "unbekannte person im", "unbekannter mann im", "fremder mann im", "fremde person im", "hat sich verbarrikadiert",
    "haben sich verbarrikadiert", "has barricaded himself", "barricaded himself", "seh ich wie einer", "seh wie einer", "sehe wie einer",
    # crouching, walking, sitting in the way, heard or seen by the writer now
    "hockt einer hinter", "hockt jemand hinter", "hocken welche hinter", "hockt einer im", "hockt jemand im",
    "jemanden gehen", "jemanden laufen", "jemand lauft", "someone walking", "somebody walking",
    "between me and the door", "zwischen mir und der tur",
    "walking along my fence", "along our fence",
    "die gehen nicht weg", "sie gehen nicht weg", "der geht nicht weg", "er geht nicht weg", "typen gehen nicht weg",
    "typ geht nicht weg", "manner gehen nicht weg", "mann geht nicht weg", "he won t leave", "they won t leave",
    "he wont leave", "they wont leave", "refuses to leave", "refuse to leave",
    # at the car the writer sits in: "Man is at my car, hitting the window with fist, I am inside"
    "is at my car", "are at my car", "at my car window", "hitting the window", "hitting my window",
    "an meinem auto und", "schlagt ans fenster", "schlagt gegen die scheibe", "klopft an die scheibe",
    # a stranger where children are, and dialect "still there": "A stranger is in our kindergarten yard", "die sin noch do"
    "a stranger is", "stranger is in", "ein fremder ist", "kindergarten yard", "school yard", "schoolyard",
    "auf dem schulhof", "in our yard", "sin noch do", "sind noch do", "is noch do",
    "vor meiner tur", "vor der tur", "vor unserer tur", "an der tur", "an meiner tur", "kommt zur tur",
    "vor der haustur", "vor unserer haustur", "vor meiner haustur", "an der haustur", "im vorgarten",
    "in unserem vorgarten", "im hinterhof", "auf der terrasse", "an der terrassentur", "in the front garden",
    "in our front garden", "at the back door", "at the window",
    "kommen zur tur", "comes to the door", "coming to the door",
    "an unserer tur", "vor meinem haus", "vor unserem haus", "vor dem haus", "vorm haus",
    "vor meiner wohnung", "vor dem fenster", "am fenster", "im garten", "in meinem garten",
    # dialect: "do stenne e paar kerle vorn haus", "vurm haus", "vor dr tier", "im gorten"
    "tater noch vor ort", "tater vor ort", "tater sind noch vor ort", "tater ist noch vor ort",
    "vorn haus", "vurm haus", "vorm hause", "vor dr tier", "vor dor tur", "vor de tur", "im gorten", "in gorten",
    "in unserem garten", "im haus", "im hof", "im treppenhaus", "im flur", "im keller", "im hausflur",
    "in meinem laden", "in meine laden", "in meinem imbiss", "in meine imbiss", "in meinem geschaft", "in my shop",
    "uffm hof", "uffm grundstuck", "leaning against my", "won t move", "at my driver s door", "against my car",
    "isser da", "isser widder da", "isser wieder da", "ist er wieder da", "is er wieder da", "sind se wieder da",
    "sind sie wieder da", "sin se widder da", "he s back", "they re back", "he is back", "they are back",
    "vor meinem schlafzimmerfenster", "vorm schlafzimmerfenster", "vor meinem fenster", "vorm fenster", "am schlafzimmerfenster",
    "unterm schlafzimmerfenster", "auf der anderen strassenseite", "across the street", "im gang", "auf dem gang",
    "auf dem flur", "in the corridor", "in the hallway", "a man is here", "someone is here", "somebody is here",
    "a guy is here", "man is here now",
    "in meim garten", "in meen garten", "in mein garten", "vor meiner wohnungstur", "vor unserer wohnungstur",
    "an meiner wohnungstur", "an der wohnungstur", "vor der wohnungstur",
    # heard, now: "ich hör, wie jemand an meinem Auto die Reifen zersticht"
    "hor wie jemand", "hore wie jemand", "hor wie einer", "hore wie einer", "hor wie da", "hore wie da",
    "hear someone", "can hear someone", "can hear somebody", "hear somebody", "hear people outside",
    "auf dem balkon", "auf meinem balkon", "vor dem rathaus", "vor dem buro", "im buro",
    "drauss*", "draussen", "unten", "hinter mir", "neben mir", "sind hier", "ist hier",
    "sind da", "ist da", "steht da", "stehen da", "at my door", "at the door", "at our door",
    "at my garden door", "at my front door", "at my back door", "at the garden door", "at our garden door",
    "at the front door", "at our front door", "at my garden gate", "at the garden gate", "at our garden gate",
    # a table or a bench away, watching: "now hes two tables away", "He's sitting on the bench opposite"
    # back there, in dialect too: "die sin schon widder do", "der is fei widder do"
    "schon wieder da", "schon widder da", "schon widder do", "scho widder do", "sin widder do", "sind wieder da",
    "is widder do", "isser widder do", "is fei widder do",
    "tables away", "table away", "bench opposite", "sitting opposite", "standing opposite",
    "my front door", "outside", "in my garden", "in our garden", "in the garden", "in the house",
    "in my house", "in our house", "in the yard", "on my balcony", "on the balcony",
    "downstairs", "behind me", "next to me", "in front of my", "in front of our", "before his house",
    "before my house", "before our house", "before the house", "before her house",
    "in front of the", "at my window", "outside my window", "they re here", "theyre here",
    "he s here", "hes here", "is here", "are here", "still here", "still there",
    "standing there", "vor mir", "auf dem dach", "auf unserem dach", "auf unserm dach",
    "auf dem grundstuck", "auf unserem grundstuck", "auf meinem grundstuck", "um mich rum",
    "um mich herum", "um uns rum", "um uns herum", "around me", "around us", "on the roof",
    "on our roof", "on my property", "on our property", "will nicht gehen", "der geht nicht weg", "er geht nicht weg",
    "gehen nicht weg", "geht einfach nicht weg", "weigert sich zu gehen", "weigern sich zu gehen", "weigert sich wegzugehen",
    "won t leave", "wont leave", "refuses to leave", "is back", "ist wieder da", "sind wieder da",
    "ums haus", "um das haus", "um unser haus", "around the house", "around our house", "ums auto", "durch den briefschlitz", "durchs fenster", "guckt rein", "schaut rein", "gucken rein", "looking in", "peering in", "is wieder da", "is da", "sind schon wieder", "steht wieder", "stehen wieder", "stehn die", "stehn da", "da stehn", "stehn welche",
    "stehn zwei", "stehn drei", "stehn vor", "stehn vorm", "stehn am", "stehn an der", "stehn im", "stehn drau*", "stehn immer",
    "stehn schon", "stehn jetzt", "stehn grad", "an der gartenpforte", "am gartentor", "am schultor", "vorm schultor", "vor dem schultor", "at the gate", "at my gate", "at the school gate", "in the hall", "in the hallway",
    "they got in", "he got in", "someone got in", "somebody got in", "they re inside", "theyre inside",
    "he s inside", "someone s inside", "someone is inside", "sie sind drin", "er ist drin", "die sind drin",
    "einer ist drin", "jemand ist drin", "ist jemand drin",
)
FOLLOWING = _words(
    "verfolgt mich", "verfolgen mich", "folgt mir", "folgen mir", "werde verfolgt", "hinner mir", "hinner uns",
    "jede kurve mit", "every turn i make", "every turn i take",
    "werde gerade verfolgt", "jagt mich", "jagen mich", "hinterher", "after me", "hinter mir her",
    "lauft mir nach", "laufen mir nach", "rennt mir nach", "rennen mir nach", "geht hinter mir", "gehen hinter mir", "mir grade nach", "mir gerade nach", "mir grad nach", "runs after me", "following me",
    "follows me", "being followed", "followed", "chasing me", "chasing", "circling",
    "cant shake", "can t shake", "fahrt mir nach", "fahrt hinter mir", "eingeholt",
    "on my tail", "tailing me",
    "follow me now", "follow me right now",
    # close behind on the road: "seit Grimma klebt mir einer an der Stoßstange"
    "klebt mir einer an der stostange", "klebt mir an der stostange", "klebt an meiner stostange",
    "hangt mir an der stostange", "drangt mich ab", "drangt mich in den graben", "drangen mich ab",
    "right on my tail", "riding my bumper", "running me off the road", "fahrt dicht auf", "fahren dicht auf",
    "eingekeilt", "keilen mich ein", "boxed me in", "boxing me in", "boxed in",
    "keeps overtaking me", "overtaking me and braking", "braking hard in front of me", "bremst mich aus", "bremst vor mir",
    "uberholt mich und bremst", "schneidet mich", "being chased", "chased by", "cutting in front of me", "cut me off",
    "cutting me off", "werde gejagt", "jagen mir nach", "neben mir her", "neben uns her",
    # circling the house: "moped fährt seit zwanzig min um mein haus immer rum"
    "um mein haus rum", "um mein haus immer rum", "ums haus rum", "um unser haus rum", "um mei haus rum", "fahrt um mein haus",
    "fahrt um unser haus", "schleicht um mein haus", "schleicht ums haus", "kreist um", "kreisen um", "driving around my house",
    "verfolgt", "werd verfolgt", "hinter mir her", "hinter uns", "dicht hinter", "behind us", "behind my car", "hinter meinem auto", "tailgating", "on my bumper", "sitting on my bumper", "an mir dran", "fahrt fast auf", "fahrt dicht auf",
    "lichthupe", "behind me", "fahrt mir hinterher",
)
BREAK_IN = _words(
    "rappelt am schloss", "rappelt einer am", "rappelt an der tur", "ruttelt an", "rutteln an", "ruttelt einer",
    "am schloss rum", "rattling the lock", "rattling the door", "jiggling the handle", "trying the lock",
    "picking the lock",
    "einbrechen", "einzubrechen", "bricht ein", "brechen ein", "wollen rein", "will rein",
    "kommt uber den zaun", "kommen uber den zaun", "klettert uber", "klettern uber", "steigt uber", "steigen uber",
    "coming over the fence", "climbing over", "climbs over",
    "steigt ein", "steigen ein", "steigt grad bei", "steigt gerade bei", "steigen grad bei", "steigen gerade bei",
    "gibt gleich nach", "tur gibt nach", "door is giving way", "turgriff", "turklinke", "door handle", "trying the handle", "steigt bei ihr ein", "steigt bei ihm ein", "steigt bei uns ein", "steigt bei mir ein",
    "kommt rein", "kommen rein", "eintreten", "tritt gegen", "treten gegen", "tritt die tur",
    "hammert", "hammern", "rutteln", "ruttelt", "aufbrechen", "aufzubrechen", "aufzuhebeln", "aufhebeln",
    "hebelt", "hebeln", "aufgehebelt", "aufgebrochen", "break in", "breaking in",
    "broke in", "trying to get in", "get in", "kicking", "kicked in", "smashing", "smashed",
    "broke the glass", "scheibe eingeschlagen", "fenster eingeschlagen", "banging",
    "einbruch", "glas splitter*", "klirrt", "geklirrt", "glass breaking", "breaking glass", "trying the doors", "tries the door", "rutteln an", "ruttelt an", "stormed in", "storming in", "sturmen rein", "sturmt rein",
    "rattling", "rattles", "rattle the", "drucken von aussen", "druckt von aussen", "drucken gegen die tur",
    "pushing on the door", "pushing the door", "steigen rein", "steigt rein", "steigen ein", "steigt ein", "klettern rein", "klettert rein", "climbing in", "climbs in", "climbing through", "coming in through",
    # at the lock, and windows going: "macht sich ein Mann am Schloss zu schaffen", "die ersten Scheiben gehen kaputt"
    "am schloss zu schaffen", "an der tur zu schaffen", "am turschloss", "fummelt am schloss", "fummeln am schloss",
    "tampering with the lock", "messing with the lock", "picking the lock", "picking my lock", "at the lock",
    "scheiben gehen kaputt", "scheibe geht kaputt", "fenster gehen kaputt", "windows are breaking", "windows going",
    # against the door or the panes, now: "es schlägt jemand gegen die Terassentür", "schlägt grad die Scheiben ein"
    "schlagt gegen", "schlagen gegen", "schlagt jemand gegen", "haut gegen", "hauen gegen", "hammert gegen",
    "hammern gegen", "bollert", "bollern", "pounding on", "hitting the door", "scheiben ein", "scheibe ein",
)
# Damage being done as it is told ("die sprühn mir grad de Garaaschn voll", "leute zerstechen grad
# meine reifen"): those doing it are there. Present forms only, not "zerstochen", "zerkratzt" (also a
# participle) or "besprüht". Read by the rules only (knowledge.danger): as a concept the model
# learns from, it shifted what the model had learnt of damage (three never-read scenes lost).
DAMAGE_NOW = _words(
    "spruhen", "spruhn", "spruht", "spruhen grad", "bespruhen", "sprayen", "sprayn", "sprayt", "beschmieren",
    "zerstechen", "zersticht", "zerstechn", "zerkratzen", "demolieren", "demolier*", "zerdeppern", "zertrummern",
    "spraying", "spray painting", "slashing", "keying my", "keying the", "scratching my car", "scratching the car",
    "demolishing", "wrecking my", "wrecking the", "trashing my", "trashing the",
)
ATTACK_NOW = _words(
    "stones through the window", "rocks through the window", "bricks through the window", "stones at the window",
    "swinging at", "is punching", "lashing out", "schlagt um sich", "schlagen um sich", "pregelt sich", "prugelt sich",
    "stones flying", "steine durchs fenster", "steine durch die scheibe", "steine gegen die scheibe", "steine fliegen",
    "greift mich an", "greifen mich an", "greift an", "auf ihn los", "auf mich los", "auf uns los", "auf sie los",
    "auf die burgermeisterin los", "auf den burgermeister los", "auf die leute los", "auf unsere leute los",
    "hetzt den hund", "hetzt seinen hund", "hetzt die hunde", "hetzt den auf", "sets his dog on", "set his dog on", "schlagt zu", "schlagt mich", "haut mit", "hauen mit",
    "haut auf", "hauen auf", "drischt auf", "schlagt auf", "schlagen auf",
    "schlagen mich", "pruglen", "pruegeln", "wird geschlagen", "werde geschlagen",
    "werde angegriffen", "werden angegriffen", "attacking", "being attacked", "being beaten",
    "beating", "hitting me", "coming at", "come to me", "coming to me", "coming for me", "coming towards", "kommen auf uns zu", "wird gerade zerkratzt", "wird gerade demoliert", "werden gerade zerstochen",
    "wird gerade beschadigt", "zerkratzen gerade", "zerstechen gerade", "being vandalised", "being vandalized",
    "being smashed", "are smashing my", "is smashing my", "lauft jemand durchs haus", "lauft einer durchs haus",
    "someone is walking around upstairs", "someone walking around downstairs", "laufen richtung", "lauft richtung", "rennen richtung", "rennt richtung",
    "running towards", "running toward", "drag me", "zerren",
    # hit now, in the words people type: "haut mir grad eine runter", "is slapping me", "pulling my hair"
    "haut mir eine", "haut mir grad", "hauen mir grad", "haut mich", "hauen mich", "reisst an meinen haaren",
    "reisst mich an den haaren", "zieht mich an den haaren", "is slapping me", "s slapping me", "slapping me",
    "punching me", "pulling my hair", "pulls my hair", "kicking me", "treten mich", "tritt mich",
    "festgehalten", "halt mich fest", "grabbed", "got my daughter", "got my son",
    "throwing", "werfen", "wirft", "schreit", "schreien", "brullt", "brullen", "screaming",
    "shouting", "yelling", "klingelt sturm", "klopft", "klopfen", "knocking", "pounding",
    "wurgt", "wurgen", "choking", "strangling", "handgreiflich*", "aggressiv*", "aggressive",
    "he kick me", "they kick me", "he punch me", "they punch me", "drucken mich", "druckt mich",
    "drucken mich an", "druckt mich an", "pressing me against", "pinning me", "pinned me against", "pushing me", "schubst mich", "schubsen mich", "schubsn mich", "schubse mich", "schlogn mich", "schlagn mich", "tritt mich", "treten mich", "kicking me",
    "randaliert", "randalieren", "sturmen", "sturmt", "storming", "flaschen geworfen", "steine geworfen", "wird geworfen", "werden geworfen", "stuhle fliegen", "chairs flying", "lasst ihn nicht los", "lasst mich nicht los", "lasst sie nicht los", "won t let go", "lassen niemanden raus", "lasst uns nicht raus", "won t let us out", "won t let me out", "keeps shoving", "shoving", "verdroschen", "verprugelt", "being beaten up",
    "zerrt", "zerrt sie", "zerrt ihn", "dragging", "tritt nach", "treten nach", "tritt noch", "treten noch",
    "schlagt noch", "schlagen noch", "still kicking", "still hitting", "still punching",
    "wird zusammengeschlagen", "werde zusammengeschlagen", "wird verprugelt", "werde verprugelt",
    "wird getreten", "wird gewurgt", "wird angegriffen", "is being attacked", "is getting beaten",
    "drangt mich", "drangen mich", "drangelt", "rammt", "rammen", "ramming", "rams me", "run me off",
    "running me off", "pushing me off", "forcing me off", "bremst mich aus", "schneidet mich",
    "abzudrangen", "abdrangen", "abgedrangt", "drangt uns", "drangen uns", "run us off", "push us off",
    "schubsen", "schubst", "umzingeln", "throw stones", "throwing stones", "throw things",
)
CROWD = _words(
    "mob", "meute", "menschenmenge", "menge", "gruppe", "haufen leute", "vermummt*",
    "maskiert*", "crowd", "group of", "masked", "gang", "umzingelt", "umstellt",
    "surrounded", "surrounding", "eingekreist", "kreisen mich ein", "circled", "umringt", "umringen",
    "sammeln sich", "versammeln sich", "sammeln sich leute", "rotten sich", "are gathering", "people gathering",
)
# Drawing or brandishing a weapon happens in the moment, even told in the perfect tense
# ("er hat ein Messer gezogen").
# A weapon drawn ON something is a drawing ("a paper with a knife drawn on it").
DRAWING = re.compile(r"\b(?:drawn|drew|painted|gezeichnet|gemalt|aufgemalt|draufgemalt)(?: \w+){0,2}"
                     r" (?:on|onto|auf|drauf|daneben)\b(?! (?:me|us|him|her|them|mich|uns|ihn)\b)|\b(?:a |eine )?(?:drawing|zeichnung|skizze|bild) (?:of|von|eines|einer) ")
DRAWN = _words(
    "gezogen", "zieht", "zuckt", "gezuckt", "rausgeholt", "raus geholt", "rausgezogen", "raus gezogen", "herausgeholt",
    "took out a", "takes out a", "got out a", "gezeigt", "zeigt", "showed me", "shows me", "flashed", "fuchtelt", "fuchteln", "richtet", "zielt",
    "drew", "drawn", "pulled out", "pulls out", "pulled a", "pulls a", "waving", "waves",
    "pointing", "points", "aims", "aiming", "brandishing",
)
# An injury as a present state is now, whatever story surrounds it.
# Hurt, no more: after a past time ("Yesterday a man push me ... My arm is hurt") it is the
# aftermath, for a doctor; with no time, or with a now, it is an injury now.
HURT = _words("ist verletzt", "bin verletzt", "sind verletzt", "is injured", "are injured", "is hurt", "am hurt", "are hurt")
INJURED_NOW = _words(
    "he s down", "she s down", "ist schwer verletzt", "blutet", "blute",
    "liegt am boden", "liegt auf dem boden", "liegt an der", "liegt auf der strasse", "liegt auf dem parkplatz",
    "liegt neben", "lieg neben", "liege neben", "lieg auf dem", "liege auf dem", "mir ist schwindlig",
    "lying next to", "lying on the street", "lying in the street", "lying on the pavement", "i m dizzy", "im dizzy",
    "feel dizzy", "bewusstlos", "ohnmachtig", "s coughing", "is coughing", "are coughing", "keeps coughing",
    "hustet stark", "husten stark", "mir ist schwindelig", "ist mir schwindelig", "ist mir schwindlig",
    "sind schwindelig", "sind schwindlig", "are dizzy", "is dizzy", "krieg keine luft", "kriege keine luft",
    "bekomme keine luft", "kriegt keine luft", "bekommt keine luft", "throwing up", "mussen sich ubergeben",
    "muss mich ubergeben",
    "is bleeding", "am bleeding", "m bleeding", "is hurt badly",
    "badly hurt", "unconscious", "is on the ground", "s on the ground", "m on the ground", "am on the ground",
    "are on the ground", "re on the ground", "still on the ground", "him on the ground", "her on the ground",
    "me on the ground", "dad on the ground", "mum on the ground", "mom on the ground", "partner on the ground",
    "husband on the ground", "wife on the ground", "kicked on the ground", "can t breathe", "cant breathe", "passed out",
    "augen brennen", "eyes are burning",
    "kaum luft", "atmet komisch", "atmet kaum", "reagiert kaum", "redet wirr", "barely breathing",
    "blood everywhere", "blood all over", "lots of blood", "uberall blut", "blut uberall",
    "uberall ist blut", "viel blut", "can t stop the bleeding",
    "nose bleeding", "nose is bleeding", "lip bleeding", "lip is bleeding", "head bleeding", "head is bleeding",
    "face bleeding", "bleeding from",
)
# The same, said with a negation ("atmet nicht", "sagt nix mehr"): read on the text as
# written, since the negation is part of it (hazards are read with negated phrases removed).
UNRESPONSIVE = _words(
    "atmet nicht", "atmet nicht mehr", "reagiert nicht", "reagiert nicht mehr", "bewegt sich nicht",
    "sagt nix mehr", "sagt nichts mehr", "antwortet nicht mehr", "hort nicht auf zu bluten",
    "not moving", "not breathing", "not responding", "isn t responding",
    "doesn t respond", "unresponsive", "won t wake up", "wacht nicht auf", "isn t getting up", "not getting up",
    "won t get up", "steht nicht mehr auf", "kommt nicht mehr hoch",
)
HIDING = _words(
    "verstecke mich", "versteckt", "eingeschlossen", "eingesperrt", "abgeschlossen",
    "hiding", "hide", "locked in", "locked myself", "barricaded",
    "verbarrikadiert", "verschanzt", "under the desk", "unterm tisch", "text only",
    "vor die tur geschoben", "vor die tur gestellt", "vor die tur gerackt", "against the door",
    "hock hinter", "hocke hinter", "hocken hinter", "versteck mich", "hab mich versteckt", "hiding behind",
    "leiter hochgezogen", "pulled up the ladder", "pulled the ladder up", "unterm bett", "under the bed",
    "im kleiderschrank", "in the wardrobe", "in the closet", "schreibe vom dachboden", "writing from the attic",
)
# One word with a question mark is a cry or a cue, no question: "polizei?? der kommt über den
# zaun", "politisch? kp. da brennts", "hallo?".
ONE_WORD_QUESTION = re.compile(r"(?:^|(?<=[.!?,;:]))\s*[^\W\d_]+\s*\?+")
# ‚Torgau aktuell‘, the name of a group; 'stand outside our houses' in straight single
# quotes, not an apostrophe inside or after a word ("they'd", "the councillors' houses").
QUOTED = re.compile(r"[„“\"«»‚].{3,}?[“”\"«»‘]|(?<!\w)'(?=\w).{3,}?(?<=[\w.!?,])'(?!\w)")
# Words quoted right after a speech verb in the present ("er steht am zaun und sagt 'morgen früh
# sehen wir uns'", "shouting 'we'll get you, traitor'"): said now, so the quote's own time (its
# tomorrow, its "if", its past) is the threat's, not the writer's. On the raw text, lower-cased.
SPOKEN_NOW = re.compile(
    r"\b(?:sagt|sagen|sagn|sacht|saacht|sogt|ruft|rufen|rufn|schreit|schreien|schrein|schrei|brüllt|brüllen|brullt|brullen"
    r"|grölt|grölen|groelt|groelen|grolt|grolen|skandiert|skandieren|droht|drohen|zischt|flüstert|fluestert|flustert|singt|singen"
    r"|says|say|saying|shouts|shout|shouting|yells|yell|yelling|screams|scream|screaming|chants|chant|chanting"
    r"|going|goes|calls|calling|whispers|whispering|threatens|threatening)"
    r"(?: (?!(?:dass|that|er|sie|he|she|they)\b)[\w-]+){0,3}\s*[:,]?\s*(?=[„“\"«»‚]|'(?=\w))")
# Shouted now at the writer, in the present: "die rufen „morgen brennt dei bude“", "se brüll'n
# „mir wissen wo de wohnst“", "brüllen, dass se mich uffhängn wolln". Someone there, now.
SHOUTED_NOW = Gated(
    r"\b(?:die|se|sie|er|einer|eener|ener|leute|leit|typen|manner|kerle|alle|they|he|someone|people|guys|men|one)"
    r"(?: \w+){0,4} (?:ruft|rufen|rufn|ruf'n|schreit|schreien|schrein|schrei'n|brullt|brullen|brulln|brull'n|brüllt|brüllen|brülln"
    r"|brüll'n|grolt|grolen|grölt|grölen|grol'n|gröl'n|skandieren|shouts|shouting|yells|yelling|screams|screaming|chanting|chants)"
    r"(?: (?:rum|herum|rein|rüber|ruber|hoch|laut|immer|in|mir|mich|at me|at us|outside|out the window|out of the window"
    r"|through the door|durch die tur|durch die tür|aus dem fenster|ausm fenster))*\s*[:,]?\s*(?:[„“\"«»‚]|'(?=\w)|dass\b|that\b)",
    ("ruf", "schrei", "brul", "brül", "grol", "gröl", "skandier", "shout", "yell", "scream", "chant"))
# A word each alternative of STRONG_NOW / SLANG_NOW has ("beeil..." is checked apart).
STRONG_NOW_WORDS = frozenset(
    "gerade grad grade rn moment currently speak right direkt soben gegenwartig just still noch befindet befinden weiterhin stunde"
    " augenblick augenblicklich being grod"
    " tur door".split()
)
SLANG_WORDS = frozenset("rn asap omg wtf schnell quick hurry pls bitte".split())
SLANG_NOW = re.compile(r"\b(?:rn|asap|omg|wtf|schnell|quick|hurry|beeil\w*|pls|bitte bitte)\b")

# Burning now, in the present tense: live whatever story surrounds it ("hat einen Brandsatz
# geworfen, der Pavillon brennt"), unless it is a past time, over, a report or a threat's words.
FIRE_NOW = _words(
    "brennt", "brennts", "brennen", "lodert", "lodern", "qualmt", "steht in flammen", "stehen in flammen",
    "es raucht", "raucht es", "raucht aus", "raucht leicht", "smoke is coming", "smoke coming out",
    "kommt rauch", "kommt qualm", "rauch kommt", "qualm kommt",
    "is burning", "are burning", "is on fire", "s on fire", "are on fire", "re on fire",
    "garage on fire", "house on fire", "car on fire", "barn on fire", "shed on fire", "office on fire", "roof on fire",
    "and lit it", "lit it up", "set it alight", "feuer gelegt", "und angezundet", "zundet es an", "zundet an",
)
# A cry of fire at the start of a message is the alarm itself, whatever is told after it
# ("hilfe es brennt! die haben „Verräter“ an die tür geschrieben").
FIRE_CRY = re.compile(r"^\s*(?:(?:(?:hilfe|help|sos|notfall|schnell|bitte)\s+)+(?:es brennt|feu?e?r|fire)|es brennt|feu?e?r feu?e?r|fire fire)\b"
                      r"(?!\s+(?:wehr|brigade|department|alarm|service|station|safety|schutz))"
                      r"|^\s*(?:hilfe|help|sos)\s+(?:(?:bei uns|here|hier|unser|unsere|my|our|mein|meine)\s+)?\w+(?:\s+\w+)?\s+(?:brennt|is on fire|s on fire|is burning|steht in flammen)\b")

# A now without the word: going on for minutes, a crowd counted as it grows, what the writer
# sees or hears, something still being done ("klingelt immer noch"). Sets "now" and a strong now.
# "bedrängt" as pressed to do something ("wird bedrängt, ihr Mandat niederzulegen", "er soll
# zurücktreten"), not crowded in on: after a passive of violence, no scene.
PRESSED_NOT = (r"(?:(?<!bedrangt)|(?! (?:\w+ ){0,3}(?:soll|sollen|solle|sollte|mandat|zuruck\w*|rucktritt\w*"
               r"|\w+zulegen|\w+zugeben|\w+zutreten|zu stimmen|zu unterschreiben|aufzuhoren)))")
NOW_UNSAID = tuple((frozenset(words.split()), re.compile(pattern)) for words, pattern in (
    ("seit for been", r"\bseit (?:\w+ ){0,2}(?:min|minuten|viertelstunde)\b|\bfor (?:\w+ ){0,2}(?:minutes|mins) now\b"
                 # "he's been at it for ten minutes", "he's been there 15 mins"
                 r"|\b(?:s|has|have|ve) been (?:\w+ ){0,3}(?:for )?(?:\w+ ){0,2}(?:minutes|mins)\b"),
    # burning now, however the story around it is told: "Die Scheune brennt lichterloh, heute früh stand da noch …"
    ("lichterloh flammen ablaze", r"\b(?:brennt|brennen|brennts) (?:\w+ ){0,2}lichterloh\b|\b(?:steht|stehen) (?:\w+ ){0,2}in (?:vollen )?flammen\b"
                                  r"|\b(?:is|are) ablaze\b"),
    # a crowd counted as it grows: "erst waren es fünf, inzwischen bestimmt zwanzig"
    ("inzwischen mittlerweile",
     r"\b(?:erst|zuerst|anfangs) (?:waren es |warens |waren |warn |sind es )?(?:\w+ ){1,2}(?:jetzt|inzwischen|mittlerweile) "
     r"(?:schon |bestimmt |sicher |mindestens |fast |uber |ca |etwa )?(?:\d+|zehn|zwanzig|dreissig|vierzig|funfzig|hundert)\b"
     r"|\binzwischen (?:schon |bestimmt |sicher |mindestens |fast |uber |ca |etwa )?(?:\d+|zehn|zwanzig|dreissig|vierzig|funfzig|hundert)"
     r" (?:leute|personen|manner|typen|mann|vermummte)\b"),
    # the writer sees or hears it now: "durch die Jalousie seh ich, wie einer ...", "I can see him at the letterbox"
    ("seh sehe hor hore see hear",
     r"\b(?:seh|sehe|hor|hore) (?:ich )?(?:grad |gerade |jetzt )?(?:durch (?:die|den|das) \w+ |aus dem \w+ |vom \w+ )?"
     r"(?:wie (?:einer|jemand|er|sie|zwei|mehrere|ein)|jemand\w*|einen|eine|zwei|drei|mehrere|leute|schritte|denselben|dieselben|dasselbe)\b"
     r"|\bi (?:can )?(?:see|hear) (?:through|from) (?:the|my) \w+ (?:a|an|two|three|someone|somebody|him|them|the same)\b"
     r"|\bi can (?:see|hear) (?:him|them|someone|somebody|a man|a guy|people|footsteps|men)\b"
     r"|\bi can hear (?:\w+ ){0,2}(?:inside|upstairs|downstairs|in the house|in my flat|in the flat|next door)\b"),
    ("just", r"\bjust (?:rang|knocked|banged|tried the|came in|pulled up|arrived|walked in|broke)\b"),
    # told while it happens: "I'm watching them on the camera app while I write this"
    ("write writing type typing schreibe schreib tippe",
     r"\b(?:while|as) i (?:write|m writing|am writing|type|m typing|am typing)\b|\bwahrend ich (?:\w+ ){0,2}(?:schreibe|schreib|tippe)\b"),
    # following while it is told: "fährt mir seit Pirna ein dunkler Kombi hinterher" (not "seit Wochen")
    ("hinterher nach", r"\b(?:fahrt|folgt|lauft|rennt|fahren|laufen) (?:mir|uns) "
                  r"(?:(?!seit (?:tagen|wochen|monaten|jahren)|immer|oft|jeden|standig|regelmasig)\w+ ){0,6}hinterher\b"
                  # on foot, "läuft mir mit Abstand nach" (not "geht mir nach", which haunts)
                  r"|\b(?:lauft|laufen|rennt|rennen|schleicht|schleichen) (?:mir|uns) "
                  r"(?:(?!seit (?:tagen|wochen|monaten|jahren)|immer|oft|jeden|standig|regelmasig)\w+ ){0,4}nach\b"),
    # violence in the present passive: "Mein Sohn wird vor unserer Haustür verprügelt" (not "seit Wochen verfolgt")
    ("verprugelt geschlagen angegriffen zusammengeschlagen getreten festgehalten eingesperrt bedrangt verfolgt gewurgt "
     "gestochen geschubst umzingelt bedroht zerkratzt zerstochen demoliert eingeschlagen angezundet",
     r"\b(?:wird|werde|werden|wirst) (?:(?!seit|immer|oft|standig|regelmasig|jeden|jede)\w+ ){0,6}"
     r"(?:verprugelt|geschlagen|angegriffen|zusammengeschlagen|getreten|festgehalten|eingesperrt|bedrangt|verfolgt"
     r"|gewurgt|gestochen|geschubst|umzingelt|bedroht|zerkratzt|zerstochen|demoliert|eingeschlagen|angezundet)\b(?! (?:werden|wurde|worden))"
     + PRESSED_NOT),
    # back again: "Dr Kerl is wieder do", "he's back"
    ("wieder widder back",
     r"\b(?:ist|is|sind|sin|san|isser) (?:schon |scho |schu )?(?:wieder|widder) (?:da|do|hier|vorm|vor|im|am|in|drauss\w*|draus\w*)\b"
     r"|\b(?:he s|they re|he is|they are) back\b(?! (?:to|at|on|online|in business|with|from))"),
    ("immer", r"\b(?:klingelt|klopft|hammert|bollert|steht|stehen|sitzt|sitzen|wartet|warten|filmt|filmen|brullt|schreit|kreist|lauft)"
              r" (?:immer noch|noch immer)\b"),
    # ringing or knocking that goes on while it is told: "es hört nicht auf", "won't stop"
    ("auf stop stopping", r"\b(?:klingel\w*|klopf\w*|hammer\w*|sturm)\b(?: \w+){0,8} (?:es |das |er )?(?:hort|horen) (?:einfach )?(?:nicht|nich|ni) auf\b"
                          r"|\b(?:ringing|knocking|banging)\b(?: \w+){0,6} (?:won t|wont|dosn t|dos not|isn t) stop(?:ping)?\b"),
    # asking whether to clear the building: "Sollen wir evakuieren?"
    ("evakuieren evacuate raus", r"\b(?:sollen|mussen|solln) wir (?:\w+ )?(?:evakuieren|raus)\b|\b(?:should|do|must) we evacuate\b"),
))

# Followed since a place left today, though it is the fourth time this week: "werde verfolgt seit
# dem rathaus, das 4. mal diese woche", "folgt mir seit ich aus dem büro raus bin", "has been
# following me since I left the town hall" (not "seit der Wahl", "since the vote"). A now.
FOLLOWED_SINCE_LEFT = Gated(
    r"\b(?:verfolgt|folgt|folgen|hinterher|nach|following|followed|behind me)\b(?: \w+){0,4}"
    r" (?:seit (?:dem|der|vom) (?:rathaus|bahnhof|buro|supermarkt|markt|marktplatz|parkplatz|haltestelle"
    r"|bushaltestelle|tankstelle|backer|edeka|netto|aldi|lidl|penny|kaufland|rewe|gemeindeamt|amt|kreisel"
    r"|ortsausgang|ortseingang|friedhof|kindergarten|kita|schule|sportplatz|gasthof|lokal)\b"
    r"|seit ich (?:\w+ ){0,4}(?:raus bin|los bin|weg bin|losgefahren bin|losgegangen bin|rausgegangen bin)"
    r"|since i (?:left|got out of|came out of|walked out of|drove off from) (?:the|my|our) (?:town hall|office|station"
    r"|bus stop|supermarket|shop|market|car park|parking lot|school|kindergarten|pub|meeting|council meeting|church)\b)"
    # the span first: "mir fährt seit dem ortsausgang ein auto hinterher"
    r"|\bseit (?:dem|der|vom) (?:rathaus|bahnhof|buro|supermarkt|markt|marktplatz|parkplatz|haltestelle|bushaltestelle"
    r"|tankstelle|kreisel|ortsausgang|ortseingang|friedhof|kindergarten|kita|schule|sportplatz|gasthof|lokal)\b(?: \w+){0,4}"
    r" (?:hinterher|nach|verfolgt|folgt)\b",
    ("seit ", "since i "))


def now_unsaid(folded: str, words: frozenset[str]) -> bool:
    """A now said without the word (NOW_UNSAID); each expression runs only where one of its words is."""
    return any(not needles.isdisjoint(words) and pattern.search(folded) for needles, pattern in NOW_UNSAID)
# A memory seen again ("Ich sehe ihn immer noch vor meiner Tür stehen", after nightmares): no now.
MEMORY_SEEN = re.compile(r"\b(?:seh|sehe) (?:ihn|sie|es|den|die) (?:immer noch|noch immer|jede nacht|standig)(?: \w+){0,5}")
# Every form NOW_ELSEWHERE takes away has one of these words; without any it is not run.
NOW_HINTS = frozenset("jetzt jetz nun gerade grad grade now eben just moment momentan derzeit currently still rn atm noch".split())
# A "now" that belongs to reading the news or to asking what to do next, not to the scene.
NOW_ELSEWHERE = re.compile(
    r"\b(?:(?:les|lese|schau|schaue|guck|gucke|hor|hore)(?: ich)? (?:grad|gerade|grade|jetzt)|just read|reading (?:this )?(?:right )?now"
    # recently, not now: "bin grad erst in den Stadtrat gewählt worden"
    r"|\b(?:grad|gerade|grade) erst\b(?: \w+){0,6} (?:gewahlt|geworden|worden|angefangen|eingezogen|umgezogen|angetreten)\b"
    r"|\bich (?:grad|gerade|grade|jetzt) (?:les|lese|schau|schaue|guck|gucke|hor|hore)\b|\bwatching (?:right )?now|\bi m watching"
    r"|\b(?:hab|habe) (?:grad|gerade|grade|eben)(?: \w+){0,4} (?:gesehen|gelesen|gehort|geschaut|geguckt|gefunden|bekommen|erhalten|gekriegt)\b"
    r"|\b(?:im|in der|in den) (?:radio|fernsehen|nachrichten|zeitung|tv) (?:kam|kommt|lief|lauft|stand|steht|hiess|heisst) (?:grad|gerade|grade|eben|jetzt)\b"
    r"|\b(?:kam|kommt|lief|lauft) (?:grad|gerade|grade|eben|jetzt) (?:im|in der|in den) (?:radio|fernsehen|nachrichten|zeitung|tv)\b"
    # planning now: "Wir erstellen gerade einen Notfallplan"
    r"|\b(?:(?:erstellen|machen|schreiben|uberarbeiten|planen|entwickeln) (?:wir|ich)|(?:wir|ich) (?:erstellen|erstelle|machen|mache|schreiben|schreibe|uberarbeiten|planen|entwickeln))"
    r" (?:grad|gerade|grade|jetzt) (?:\w+ ){0,2}"
    r"(?:\w*plan|\w*konzept|leitfaden|ubung|schulung|checkliste)\b|\bwe re (?:currently |now )?(?:drafting|writing|making|updating) (?:an? |our )?\w* ?(?:plan|protocol|guide)\b"
    r"|\b(?:seh|sehe|schau|schaue|guck|gucke)(?: ich)? (?:grad|gerade|grade|jetzt) (?:im|in der|in den|auf|bei) "
    r"(?:fernsehen|tv|mdr|ard|zdf|news|nachrichten|zeitung|internet|facebook|video|livestream|stream|tagesschau)\b"
    r"|\b(?:grad|gerade|grade|jetzt|im moment|right now) (?:aber )?(?:nicht|nich|ni|net)\b|\bnot right now\b"
    # nothing now: "trouble with people at my door in the summer, nothing now", "jetzt is nix mehr"
    r"|\bnothing (?:(?:right|since|going on|happening) )?now\b|\b(?:grad|gerade|jetzt|im moment) (?:is |ist )?(?:nix|nichts)(?: mehr)?\b(?! wie)"
    r"|\b(?:grad|gerade|grade|eben|just) (?:gesehen|gelesen|erfahren|entdeckt|saw|read|found out|noticed) (?:dass|that)\b"
    r"|\b(?:not|no|nicht|keine|kein) (?:in )?(?:any |akuter |akute )?(?:danger|gefahr|emergency|notfall)(?: \w+){0,2}"
    r" (?:at the moment|right now|now|rn|atm|currently|im moment|gerade|grad|derzeit|momentan|jetzt)\b"
    r"|\b(?:im moment|gerade|grad|derzeit|momentan|jetzt|right now|at the moment) (?:\w+ ){0,2}(?:keine|kein|nicht|not|no)"
    r" (?:in )?(?:any )?(?:danger|gefahr|emergency|notfall)\b"
    r"|\b(?:reporting|report) (?:it |this )?(?:only )?now|\bonly now|\berst jetzt|\b(?:melde|zeige) (?:das|es|ihn|mich) (?:erst )?jetzt"
    r"|\b(?:geht|gehen) (?:grad|gerade|grade|jetzt) (?:\w+ ){0,3}(?:rum|herum|viral)|(?:going|doing the rounds|circulating) (?:right )?now"
    r"|\b(?:bis|until|till|up to|up until) (?:jetzt|jetz|now)\b|\bas of now\b|\b(?:jetzt|now) (?:noch )?nicht mehr\b"
    r"|\b(?:for the )?(?:second|third|fourth|fifth|sixth|\d+(?:st|nd|rd|th)|\w+th) time now\b|\b(?:jetzt|nun) (?:schon )?zum \w+ mal\b|\bzum \w+ mal (?:jetzt|nun)\b"

    r"|\b(?:jetzt|nun) (?:will|mochte|mochten|wollen|fragt|fragen) (?:sie|er|ich|wir|die) (?:\w+ ){0,2}wissen"
    r"|\bnow (?:she|he|i|we|they) (?:wants?|would like|asks?) to know"
    r"|\b(?:every )?now and (?:then|again)\b"  # "Shouting, yes, now and then": now and then is sometimes
    # fed up, not a time: "Jetzt reichts mir", "mir reicht's jetzt", "jetzt ist Schluss"
    r"|\b(?:jetzt|nun) (?:reichts|reicht s|reicht es|reichts mir|langts|langt s|langt es|ist schluss|is schluss)\b"
    r"|\b(?:mir|uns) (?:reichts|reicht s|reicht es|langts) (?:jetzt|nun)\b"
    r"|what (?:do|should|can) (?:i|we) do now|what now|was (?:mach|mache|soll|sollen|tu|tue) (?:ich|wir) (?:\w+ )?(?:jetzt|nun)"
    # where to turn next, also in broken English: "Where I can go now for help?"
    r"|where (?:can |should |do |must )?(?:i|we)(?: can| should| must)? (?:go|turn|get help)(?: to)? now"
    r"|(?:wo|wohin|an wen) (?:kann|soll|muss) (?:ich|wir) (?:mich |uns )?(?:jetzt|nun)"
    r"|wie (?:geht es|gehts|geht s|gehen wir|verfahren wir) (?:jetzt|nun) (?:weiter|vor)|how do (?:i|we) proceed now)\b"
    # a now that says nobody is there ("gerade steht es nicht da", "right now no one is there")
    r"|\b(?:gerade|grad|grade|jetzt|im moment|right now|currently|at the moment)(?: \w+){0,2} "
    r"(?:nicht|keiner|niemand|nobody|not|no one|isn t|aren t)(?: mehr)? (?:da|hier|there|here)\b"
    # a now that counts ("jetzt schon das zweite Mal", "now for the third time")
    r"|\b(?:das ist|das war|ist|it s|this is|that s) (?:jetzt|now)(?: schon)? (?:das|the) (?:\w+te|second|third|fourth|fifth|\w+th) (?:mal|time)\b"
    # the pain left behind ("punched me in the stomach ... it still hurts when I breathe")
    r"|\bstill (?:hurts|aches|sore|bruised|painful|swollen)\b"
    # the damage left behind ("Buttersäure durch den Briefschlitz gekippt, jetzt stinkt alles"),
    # not a smell of smoke or gas now
    r"|\b(?:jetzt|nun|now) (?:stinkt|stinkts|mieft|miefts|it stinks|the whole \w+ stinks|everything stinks)\b"
    r"|\b(?:jetzt|nun) (?:ist|is) (?:alles|der \w+|die \w+|das \w+) (?:kaputt|hin|hinuber|im eimer|versaut|ruiniert|unbrauchbar)\b"
    # weary now, a mood: "I'm honestly just tired now", "bin jetzt einfach nur müde", "i'm so done now"
    r"|\b(?:i m|im|i am|bin|ich bin) (?:\w+ ){0,2}(?:tired|exhausted|done|fed up|worn out|mude|erschopft|fertig|durch|bedient)"
    r" (?:\w+ )?(?:now|jetzt|grad|gerade|rn)\b"
    r"|\b(?:i m|im|i am|bin|ich bin) (?:now|jetzt|grad|gerade|rn) (?:\w+ ){0,2}(?:tired|exhausted|fed up|worn out|mude|erschopft|bedient)\b"
    # shaken still, a feeling after it: "im still shaking", "lowkey freaking out rn", "zittere immer noch"
    r"|\b(?:still|noch|immer noch|noch immer) (?:\w+ )?(?:shaking|trembling|confused|in shock|shaken|upset|crying|zittern|zittere|zitter|zittert|durch den wind|fertig)\b"
    r"|\b(?:shaking|trembling|freaking out|crying|zittere|zitter|heule|heul)(?: \w+)? (?:rn|right now|now|still|noch|grad|gerade|jetzt)\b"
)
# Asking whether to call the police if something happens is no call for the police now.
# Asking the police to come to a meeting is planning, not a call for help ("Polizei zur
# Sitzung holen oder sowas?").
POLICE_INVITED = re.compile(r"\bpolizei zu[mr] \w+ (?:holen|einladen|bitten|dazuholen|dazu holen|mitnehmen)\b")
# Help already called: a sign that it is going on, not a past tense that tells a story
# afterwards ("mein auto brennt vor dem haus!!! hab 112 gerufen, oder muss ich 110??").
HELP_CALLED = re.compile(
    r"\b(?:hab|habe|haben|hat|ham)(?: \w+)? (?:die |den )?(?:110|112|feu?rwehr|polizei|notruf|notarzt|krankenwagen)"
    r" (?:schon |bereits |grad |gerade |eben )?(?:gerufen|angerufen|verstandigt|alarmiert)\b"
    r"|\b(?:i|we|i ve|we ve|ve) (?:already |just )?(?:called|rang|phoned) (?:the )?(?:110|112|police|cops|fire brigade|ambulance)\b"
)
SHOULD_I_CALL = re.compile(
    r"\b(?:should|shall|do) (?:i|we) call the police (?:if|when|before)\b"
    r"|\b(?:should|shall|do|must) (?:i|we) (?:go|gos|take it|report it) to the police now\b|\bgo(?:e?s)? to the police now\b"
    # weighing whether it is worth it: "should i call the police or is this just what everyone gets"
    r"|\b(?:should|shall) (?:i|we) (?:call|ring|phone) the police or\b"
    r"|\b(?:soll|sollte) (?:ich|wir) (?:die |den )?(?:polizei|110) (?:rufen|anrufen|holen) oder\b"
    r"|\b(?:soll|sollte|sollen|muss) (?:ich|wir) (?:die|den)? ?(?:polizei|110|notruf) (?:rufen|anrufen|holen|wahlen) (?:wenn|falls|bevor)\b"
)
# A scene told in the present tense ("und steht an der Terrassentür", "wühlt noch in den
# Schubladen"): a story around it does not make it the past.
# Someone in a short message: a place alone ("vor dem Haus in der Einfahrt", typed as where it
# happened) is no scene; "einer am Fenster" is.
ACTOR_PEOPLE = frozenset("einer eine jemand jemanden wer welche typ typen kerl kerle mann manner leute gruppe mob person "
                         "personen er someone somebody anyone guy guys man men woman people "
                         "group mob person he she they theyre hes shes intruder einbrecher horde".split())
# or a verb of being there: "die sind vor der Tür"
ACTORS = ACTOR_PEOPLE | frozenset("ist is sind san seid steht stehen stehn sitzt sitzen wartet warten lauert lauern"
                                  " is are re stands standing sits sitting waits waiting lurking".split())
# Who is behind it ("Ob dahinter eine politische Gruppe steht", "who is behind this"): no one
# standing anywhere; removed before anything is read.
BEHIND_IT = re.compile(r"\bdahinter(?: \w+){0,4} (?:steht|stehen|steckt|stecken)\b|\b(?:is|are) behind (?:it|this|that|all this)\b")
# The police standing guard ("we had police outside our house for a month"): no one threatening.
POLICE_GUARD = Gated(r"\b(?:police|polizei|streife|cops|officers?|beamte)(?: \w+){0,2} (?:outside|in front of|vor|vorm|at)\b",
    ("police", "polizei", "streife", "cops", "officer", "beamte"))
# Asking what the bot does ("What does this bot do if I write that I'm in danger?").
ABOUT_THE_BOT = re.compile(r"\b(?:this|the|der|dieser|den|dem|ihr|your) bot\b|\bif i (?:write|say|type|tell you)\b"
                           r"|\bwenn ich (?:schreibe|schreib|sage|tippe)\b")
# A threat's future said now ("er steht vor der Tür und sagt, er wird mich umbringen", "he
# says he will kill the mayor"): the saying is present, its "wird"/"will" is the threat's.
SAYS_NOW_FUTURE = re.compile(
    # the condition of a threat shouted now, with its future: "rufen se zünden's an wenn ich net
    # zurücktret", "sacht, wenn ich de Windräder genehmich, dann knallt's", "yelling he'll torch the car if"
    r"\b(?:rufen|schreien|brullen|sagen|drohen|sacht|saacht|sogt|shouting|yelling|screaming"
    r"|saying|threatening|says|shouts|yells|sagt|schreit|brullt|ruft|droht)"
    r"(?: \w+){0,6} (?:wenn|falls|sonst|if|unless|or else)\b"
    r"|\b(?:says|shouts|yells|screams|keeps saying|saying|yelling|shouting|screaming|threatening|sagt|schreit|brullt|ruft|droht)"
    r"(?: \w+){0,3} (?:will|wird|werde|wurde|gonna|going to|ll)\b")
# "idk if i should wake him", "weiß nicht, ob ich ihn wecken sollte": an "if" that means
# whether, a deliberation now, no condition or future.
# "werden gerade die Tische umgetreten" is the present passive, no future either.
WHETHER_IF = re.compile(r"\b(?:know|sure|idk|dunno|unsure|decide|deciding)(?: \w+)? if (?:i|we) (?:should|shall)\b"
                        r"|\bob (?:ich|wir)\b(?: \w+){1,4} (?:sollte|sollten|soll|sollen)\b"
                        r"|\b(?:wird|werden|wirst) (?:gerade|grad|grade|soeben|zur stunde|derzeit|momentan|aktull)\b")
# "Es werden immer mehr" is a crowd growing now, no future.
GROWING_NOW = re.compile(r"\b(?:es )?(?:werden|wird|werdn) (?:immer |stundlich |minutlich )?(?:mehr|mehrere)\b")
# A building or thing that stands is no one there ("Die Scheune steht auf unserem Hof"): only
# with its article or possessive in front, so "vor meinem Haus steht einer" stays a scene.
# No one there, though the words say "steht", a gate or "kann nicht weg": what is written
# ("steht doch oben", "auf dem wahlzettel stehn"), left standing ("die kommentare stehn lassen"),
# a thing at the gate ("briefkasten am gartentor"), tied to work ("hab laden, kann nicht weg").
NO_ONE_STANDS = re.compile(
    r"\b(?:steht|stehn|stehen|stand)(?: (?:doch|ja|eh|alles|es|das))+ (?:oben|unten|drin|drinne)\b|\b(?:wie|was) (?:oben|unten) steht\b"
    r"|\b(?:steht|stehn|stehen|stand)(?: (?:doch|ja|eh|alles|es|das|oben|unten|da))* (?:geschrieben|im text|im brief"
    r"|in der (?:mail|email|e mail|nachricht)|in meiner (?:nachricht|mail))\b"
    r"|\b(?:stehn|stehen|steh) (?:lassen|lasse|gelassen)\b"
    r"|\b(?:auf|in) (?:dem|der|den|meinem|meiner) (?:wahlzettel|stimmzettel|formular|liste|wahlvorschlag|antrag|plakat|flyer|schild"
    r"|briefkopf|impressum|website|webseite|homepage)(?: \w+){0,2} (?:steht|stehn|stehen|stand)\b"
    r"|\b(?:briefkasten|postkasten|klingel|klingelschild|namensschild|mulltonne|mailbox|letterbox)(?: \w+)?"
    r" (?:am|an der|an dem|at the|by the|on the) (?:gartentor|gartenpforte|tor|zaun|gate|fence)\b"
    r"|\b(?:laden|geschaft|arbeit|dienst|schicht|kunden|shop|work|shift)\b(?: \w+){0,3} (?:kann|konnen|kann ich) (?:nicht|nich|ni|net) weg\b")
# Not the writer ("It is not me who is being followed, it is my colleague"): what is denied of
# the writer is no scene; what the rest says of the other person still counts.
NOT_ME = re.compile(r"\b(?:it s|it is|its) not me (?:who s|who is|that s|that is|who|that|thats) (?:being |getting )?\w+"
                    r"|\bnicht ich (?:werde|bin|wurde) (?:\w+ )?(?:verfolgt|bedroht|angegriffen|beobachtet)\b")
# Damage done and found, with what it was done with ("reifen zerstochen, mitm messer
# wahrscheinlich"): the knife is how, not a blade now.
DAMAGE_DONE = re.compile(
    r"\b(?:zerstochen|aufgestochen|abgestochen|zerkratzt|aufgeschlitzt|zerschnitten|angeritzt|eingeritzt|slashed|keyed|scratched)\b")
THING_STANDS = re.compile(
    r"\b(?:die|der|das|den|unsere|unser|meine|mein|seine|ihre)"
    r" (?:scheune|schuppen|garage|stall|haus|hutte|laube|gartenhaus|kirche|rathaus|zaun|schild|plakat|baum|mast"
    r"|container|briefkasten|denkmal|mulltonne|tonne|wohnung|halle|auto|wagen|fahrzeug|dienstwagen) (?:steht|stehen|stand)\b"
    # the bare noun a reply starts with: "J Auto steht zuhause im Hof" (not "ein Auto steht ...")
    r"|^(?:(?!eins?\b|eine[nmr]?\b)\w{1,4} )?(?:auto|wagen|fahrzeug|dienstwagen|scheune|garage|haus) (?:steht|stand)\b"
    # what is written: "auf nem Flyer von ner anderen Gruppe steht, er sei ein ..."
    r"|\b(?:auf|in|unter) (?:(?:dem|der|den|nem|ner|einem|einer|meinem|meiner|seinem|ihrem|unserem|unserer) )?"
    r"(?:flyer|flugblatt|flugblattern|zettel|plakat|plakaten|brief|schreiben|post|kommentar|kommentaren|artikel|transparent"
    r"|banner|aufkleber|postkarte|karte|mail|nachricht|webseite|homepage|chat|gruppe)(?: \w+){0,5} (?:steht|stand|stehen|standen)\b"
    # a place on a list: "Meine steht ganz oben"
    r"|\b(?:steht|stand|stehen|standen) (?:ganz |da |auch )?(?:oben|unten|drauf|drin|an erster stelle|auf platz \w+|auf der liste)\b"
)
# A parked car is no one there ("The car is parked outside my home, so... kind of?").
PARKED = Gated(r"\b(?:parked|parkt|parken|geparkt|parking)\b"
                    r"|\b(?:auto|car|wagen|fahrzeug|transporter|kiste)\b(?: \w+){0,10} (?:steht|stehen|stands)\b",
    ("park", "steht", "stehen", "stands"))
# Who someone is, told in a relative clause before where they are now ("der Mann, der mir seit
# Wochen Briefe schreibt, sitzt draußen auf dem Flur", "the guy who threatened me last month
# is in my garden"): the clause's time and habit describe the person, not the scene.
_WHO = r"(?:mann|typ|kerl|frau|nachbar\w*|stalker\w*|person|einer|jemand|der|die|guy|man|woman|bloke|lad|dude|one|neighbou?r|fella|chap|people|men|guys|ones)"
_WHERE_NOW = (r"(?:steht|stehen|stehn|sitzt|sitzen|wartet|warten|lauft|laufen|kommt|kommen|klopft|klingelt|schleicht|lungert"
              r"|rennt|ist|sind|is|s|are|re|stands|sits|waits|standing|sitting|waiting|outside|here|at|in)")
# A relative clause between commas after a person tells who they are, not when the scene is:
# "der Mann, der mir vor zwei Wochen gedroht hat, fährt auf mich zu", "the man, who wrote to
# me last year, is at the door". Only with a comma after it, so the clause is closed.
COMMA_RELATIVE = re.compile(r"(?<=,)\s*(?:der|die|den|dem|denen|welcher|welche|who|whom)\s[^,.;!?]{3,90}(?=,)", re.IGNORECASE)
WHO_CLAUSE = re.compile(rf"\b{_WHO} (?:der|die|welcher|welche|who|that) (?:\w+ ){{1,10}}?(?={_WHERE_NOW}\b)")
PRESENT_SCENE = _words(
    "steht", "stehen", "stehn", "sitzt", "halt an", "halt vor", "wuhlt", "wuhlen", "rennt", "rennen",
    "lauft rum", "laufen rum", "klettert", "klettern", "ist offen", "is offen", "steigt aus", "steigen aus",
    "schlagt", "tritt", "treten", "zieht", "kommt rein", "kommen rein", "kommt auf", "kommen auf",
    "sitz drin", "sitze drin", "macht alles kaputt", "schlagt alles kaputt", "smashing everything", "smashes everything",
    "do is eener", "da is eener", "do is ener", "schmeisst", "schmeist",
    "stenne", "stenn", "stenna", "stiehn", "stieht", "stinne",  # Saxon and Erzgebirgisch "stehen"
    # dialect and plain verbs of a scene going on: "die schubsn mich hin un her", "trampln alles nieder",
    # "da sind so 6 typen die uns umkreisen", "die blockieren die tür", "lehnt er an meim gartentürl"
    "schubsn", "schlogn", "schlagn", "trampln", "trampeln", "schmeissn", "schmeisn", "tretn", "randaliern", "randalieren",
    "umkreisen", "umringen", "umringt", "kreisen uns ein", "kreisen mich ein", "blockieren die tur", "blockiert die tur",
    "versperren die tur", "versperrt die tur", "lehnt an", "lehnt er an", "leaning on my", "circling", "surrounding us",
    "surrounding me", "are around our", "around our stand", "around our gazebo", "around our table",
    "schubsen", "schubst", "umzingeln", "da ist wer", "da ist jemand", "da ist einer", "da sind welche",
    "someone s in", "someone is in", "somebody s in", "there s someone", "there is someone", "stand before",
    "is in the corridor", "is in the hallway", "is in the building", "ist im gebaude", "ist im flur",
    "stand in front", "throw stones",
    "auf mich zu", "auf uns zu", "ist hier", "sind hier", "is hier", "sind schon im", "ist schon im",
    "sind schon an", "sind schon vor", "zerrt", "wird zusammengeschlagen", "wird verprugelt", "wird getreten",
    # someone where they are now, told with "again" ("he's outside again with the knife")
    "he s outside", "hes outside", "she s outside", "shes outside", "they re outside", "theyre outside",
    "he s at the door", "hes at the door", "they re at the door", "he s in the garden", "hes in the garden",
    "they re in the garden", "ist draussen", "ist vorm haus", "ist vor der tur", "ist im garten", "sind im garten",
    "is im garten", "is vorm haus", "is vor dr tur",
)
# A powder or substance from a letter, now: a hazard whatever the tense of the opening.
# A thing that ticks or beeps is there now, even in a question ("tickt irgendwie??").
TICKING = _words("tickt", "ticking", "tickendes", "tickende", "piept", "beeping", "zischt", "zischen", "hissing",
                 "fizzing", "summt", "humming", "brummt")
# A person humming is no device ("someone humming a funeral march" on a voicemail).
HUMMED = re.compile(r"\b(?:someone|somebody|he|she|they|man|guy|voice|einer|jemand|er|sie|mann|typ|stimme)"
                    r" (?:\w+ )?(?:humming|hummed|summt|summte|brummt|brummte)\b")
POWDER = _words(
    "powder", "pulver", "weisses zeug", "weisses pulver", "graues pulver", "white stuff", "grey stuff",
    "gray powder", "grey powder", "can t stop coughing", "cant stop coughing", "hort nicht auf zu husten",
    "kann nicht aufhoren zu husten", "bittermandel*", "nach mandeln", "like almonds", "of almonds",
    # "ein weißes, pulverartiges Material … Sie klagt über Kratzen im Hals" (a clerk, stop 49)
    "pulverartig*", "pulvrig*", "powdery", "kratzen im hals", "kratzt im hals", "halskratzen", "scratchy throat",
)
# A parcel with wires out of it, there now ("a package at the reception with wires coming
# out"): a physical object like a powder letter, live whatever was said about it.
_CONTAINER = (r"\b(?:paket|packchen|package|parcel|karton|box|kiste|tasche|bag|rucksack|koffer|gegenstand"
              r"|object|device)\b")
_WIRES = r"\b(?:wires|wire|cables|cable|kabel|kabeln|drahte|drahten|draht)\b"
WIRED_PACKAGE = re.compile(_CONTAINER + r"(?: \w+){0,8} " + _WIRES[2:])
# Wires coming out of something, told apart from the thing ("a box ... nobody knows who put it.
# No sender and there are some cables coming out"): with a container named anywhere (WIRED_CONTAINER).
WIRES_OUT = re.compile(_WIRES + r"(?: \w+){0,2} "
                       r"(?:coming|sticking|hanging|poking|ragen|ragt|hangen|hangt|gucken|guckt|schaun|schaut|kommen|kommt)"
                       r"(?: \w+){0,2} (?:out|raus|heraus|hervor)\b")
WIRED_CONTAINER = re.compile(_CONTAINER)
# Taking a child away now ("ein Mann will meinen Sohn vom Gelände mitnehmen").
TAKING_CHILD = Gated(
    r"\b(?:will|wollen|versucht|versuchen|trying to|tries to|wants to)\b(?: \w+){0,4} "
    r"(?:sohn|tochter|kind|kinder|enkel|son|daughter|child|kid|kids|grandson|granddaughter)\b(?: \w+){0,3} "
    r"(?:mitnehmen|mitzunehmen|wegnehmen|entfuhren|take|grab|snatch)\b",
    ("nehmen", "entfuhren", "take", "grab", "snatch"))
# Someone held captive ("a picture of him tied to a chair", "gefesselt", "kidnapped"):
# like a child being taken, often relayed, and now unless told as past or over.
STABBED = _words("was stabbed", "wurde gestochen", "wurde niedergestochen", "hat mich gestochen", "mich gestochen", "mich niedergestochen", "mich abgestochen", "stabbed me",
                 "i ve been stabbed", "ive been stabbed", "bin gestochen worden")
CAPTIVE = _words(
    "tied to a chair", "tied up", "tied to a", "gefesselt", "entfuhrt", "kidnapped", "abducted",
    "als geisel", "geiselnahme", "hostage",
)
# Blinded now: read on the text as written, since "nix" / "nichts" is part of it.
BLINDED = _words(
    "can t see anything", "cant see anything", "can t see a thing", "can t see properly", "cant see properly",
    "sprayed something in my eyes", "in die augen gesprüht", "in die augen gespruht", "kann nicht richtig sehen", "seh nix mehr", "sehe nix mehr",
    "seh nichts mehr", "sehe nichts mehr", "kann nichts sehen", "kann nix sehen", "seh nix", "sehe nichts",
)
# Attacked in the passive present ("wird zusammengeschlagen"): it lasts while it is said;
# "wird" here is no future.
BEING_ATTACKED = Gated(
    r"\b(?:wird|werde|werden)\b(?: (?!seit\b)\w+){0,4} (?:zusammengeschlagen|verprugelt|getreten|gewurgt|angegriffen"
    r"|geschlagen|bedrangt|geschubst|festgehalten)\b" + PRESSED_NOT +
    r"|\b(?:is|am|are) (?:being|getting) (?:attacked|beaten|kicked|choked|hit|punched)\b",
    ("geschlagen", "verprugelt", "getreten", "gewurgt", "angegriffen", "bedrangt", "geschubst", "festgehalten", "being", "getting"))
# "lassen die ni los", "lässt mich nicht raus": a hold that lasts while it is said.
HOLD_NOT_LET_GO = Gated(
    r"\blass\w* (?:\w+ ){0,2}(?:nicht|ni|nich|net|nie) (?:los|gehen|raus|durch|weg|vorbei"
    r"|losfahren|weiterfahren|wegfahren|aussteigen|zum auto|zum wagen|zur tur|nach hause|heim|rein"
    r"|zu (?:meinem|seinem|ihrem|unserem|dem) (?:auto|wagen|fahrzeug|dienstwagen))\b"
    # shut in, said with a negation the negated phrases would drop: "mir kommen nicht raus"
    r"|\b(?:komm|komme|kommen|kumme|kummen|kann|konnen) (?:hier )?(?:nicht|ni|nich|net) (?:raus|naus|weg)\b(?! (?:vom|von|aus dem|aus der)\b)"
    r"|\bnotausgang (?:ist |is )?(?:zu|zugestellt|versperrt|blockiert|abgeschlossen)\b",
    ("lass", "nicht raus", "ni raus", "nich raus", "net raus", "nicht naus", "ni naus", "nich naus", "net naus",
     "nicht weg", "ni weg", "nich weg", "net weg", "notausgang"))
# Cornered, told in the past passive ("wurde nach der Sitzung in die Ecke gedrängt", "ist ...
# in die Ecke gedrängt worden"): over, unlike "hat die Kollegin in die Ecke gedrängt und schreit".
CORNERED_BEFORE = re.compile(
    r"\b(?:wurde|wurden|wurd|wurdest)\b(?: \w+){0,8} in (?:die|eine|ne) ecke gedrangt\b"
    r"|\bin (?:die|eine|ne) ecke gedrangt (?:worden|wurde|wurden)\b")
# Held, cornered or blocked in: it lasts while it is said ("halten ihn fest", "won't let
# me pass"), like an injury.
HELD_NOW = _words(
    "halten mich fest", "halten ihn fest", "halten sie fest", "halt mich fest", "halt ihn fest",
    "lasst mich nicht raus", "lasst mich nicht durch", "lasst mich nicht vorbei", "lasst mich nicht gehen",
    "lasst ihn nicht los", "lasst sie nicht los", "lasst nicht los", "komm nicht weg", "komme nicht weg",
    "komm ni weg", "komm nicht raus", "komme nicht raus", "kann nicht weg", "eingekesselt", "umzingelt",
    "in die ecke gedrangt", "versperrt mir", "versperren mir", "won t let me", "wont let me",
    # non-native and plain: "Sie halten mich in Büro, Tür zu", "They keep me in office, door is close"
    "halten mich in", "halten mich im", "halt mich in", "they keep me in", "they hold me in", "keep me in the", "keep me in office",
    "won t let go", "wont let go", "have surrounded me", "ve surrounded me", "have surrounded us", "ve surrounded us",
    "re surrounding me", "are surrounding me", "are surrounding us", "m surrounded", "am surrounded", "we re surrounded",
    # cornered now, not "a guy cornered me after the session and said ..." told afterwards
    "have cornered", "ve cornered", "has cornered", "s cornered", "got me cornered", "got him cornered",
    "got her cornered", "got us cornered", "have me cornered", "have him cornered", "have her cornered",
    "have us cornered", "husband cornered", "wife cornered", "son cornered", "daughter cornered", "am cornered",
    "im cornered", "cornering me", "cornering him", "cornering her", "cornering us", "got me surrounded", "pinned me",
    "im schwitzkasten", "in a headlock", "nobody leaves", "no one leaves", "nobody gets out", "keiner kommt raus",
    "niemand kommt raus", "from the inside and says", "in the headlock", "surround me", "push me around", "pushing me around",
    "between me and my car", "between me and the door", "between me and the exit", "zwischen mir und meinem auto",
    "zwischen mir und der tur", "zwischen mir und dem ausgang",
    "pinning me", "holding me", "holding him", "holding her", "can t get out", "cant get out",
    "blocking my way", "blocking the door", "blocking the exit",
    # shut in a hall: "Notausgang is zugestellt" (with a negation: HOLD_NOT_LET_GO)
    "exit is blocked", "exits are blocked", "we can t get out", "we cant get out",
    # shut in by them, blocked at the car: "locked the changing room door with me inside", "They stand around
    # my car, I cannot drive" (not "our house will burn with us inside": a threat's words)
    "door with me inside", "door with us inside", "room with me inside", "room with us inside", "locked me in", "locked us in",
    "sperren mich ein", "sperrn mich ein", "schliessen mich ein", "haben mich eingesperrt", "haben mich eingeschlossen",
    "i cannot drive", "i can t drive", "i cant drive", "cannot drive away", "kann nicht wegfahren", "kann nich wegfahren",
    "stand around my car", "standing around my car", "stehen um mein auto", "stehn um mei auto",
    "blockieren meine haustur", "blockieren die haustur", "blockiert meine haustur", "blockieren meine tur",
    "blockieren die tur", "blockiert die tur", "darf nicht raus", "darf nich raus", "darf ni raus",
    # locked in by them ("they lock the door and turn sign to closed"), not the writer locking up
    "they lock the door", "they locked the door", "he locked the door", "he locks the door", "locked us in",
    "locked me in", "lock us in", "lock me in", "sperren mich ein", "sperrt mich ein", "schliessen mich ein",
    "schliesst mich ein", "sperren uns ein", "schliessen uns ein",
    # afraid to leave while someone waits outside: "Ich trau mich nicht aus meinem Büro ... er wartet, bis ich rauskomme"
    "wartet bis ich rauskomme", "warten bis ich rauskomme", "wartet bis ich rausgehe", "wartet bis ich rauskomm",
    "waiting for me to come out", "waits for me to come out", "waiting until i come out", "waiting for me outside",
    # shut in with someone: "I'm stuck in the lift ... with a man who ... pulled a screwdriver"
    "stuck in the lift", "stuck in a lift", "stuck in the elevator", "stuck in an elevator", "trapped in the lift",
    "stecke im aufzug", "stecken im aufzug", "stecke im fahrstuhl", "stecken im fahrstuhl", "im aufzug eingesperrt",
    "im fahrstuhl eingesperrt", "im aufzug fest", "im fahrstuhl fest",
    "holds my", "holds me", "holds him", "holds her", "is holding my", "are holding my", "is holding us",
    "are holding us", "is holding them", "are holding them", "is holding our", "are holding our",  # not "is holding a hearing"
    # blocked in: "die haben die Ausfahrt zugestellt und wir kommen nicht weg"
    "kommen nicht weg", "kommen nicht raus", "can t leave", "cant leave", "can t get away", "cant get away",
)
# On the road: a chase or a car pressing in is told while it happens ("seit der Ausfahrt
# fährt er mir hinterher, jedes Mal wenn ich abbiege"); "every turn" is the sign of now there,
# not a habit.
ON_THE_ROAD = _words(
    "abbiege", "abbiegen", "biegt", "biegen", "ausfahrt", "autobahn", "bundesstrasse", "landstrasse",
    "ampel", "kreisverkehr", "spur", "uberholt", "tankstelle", "transporter", "ruckspiegel", "leitplanke", "every turn", "each turn",
    "turn i take", "every corner", "exit", "highway", "motorway", "traffic light*", "roundabout", "lane",
    "overtak*", "rearview", "rear view", "mirror", "guardrail", "ditch", "off the road", "abbiegung", "jede kurve",
)
ROAD_NUMBER = re.compile(r"\b[ab] ?\d{1,3}\b")

SITUATIONS = {
    "person": PERSON_PRESENT,
    "following": FOLLOWING,
    "break_in": BREAK_IN,

    "attack": ATTACK_NOW,
    "crowd": CROWD,
    "hiding": HIDING,
}
HAZARDS = {"weapon": WEAPON, "fire": FIRE, "explosive": EXPLOSIVE, "injury": INJURY}


# Every word a negated phrase (NEG_SCOPE) can start or end with.
NEG_WORDS = frozenset(
    "niemand keiner keine keinen kein nicht nobody noone no not nie never nothing nichts nix".split()
)


CLAUSE_BREAK = re.compile(r"[,.;:!?\n]+")


# The police have arrived, in any word order: "die Polizei ist jetzt da", "jetzt is die
# Polizei da", "police are here now", "cops here".
POLICE_ARRIVED = re.compile(
    r"\b(?:polizei|polizisten|streife|feu?rwehr|police|cops?|fire brigade|firefighters)\b(?:\s+\w+){0,3}?\s+(?:da|hier|angekommen|eingetroffen|here|arrived|there now|there with her|there with him|on site|on the scene)\b"
)
