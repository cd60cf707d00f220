"""The words of natural answers: what a typed reply to a question can mean, read by
handlers.answers. Phrases are in squeezed form: folded as `handlers.answers.fold` folds, and
double letters as one ("weiss" -> "weis", "stimmt" -> "stimt")."""

from __future__ import annotations

import re

YES, NO, UNKNOWN, BOTH, BACK, LANGUAGE = "yes", "no", "unknown", "both", "back", "language"

CLARIFY = "clarify"  # the user asks what the question means

# Phrases per meaning, in squeezed form (see `_squeeze`); matched at the start of a message.
PHRASES: dict[str, tuple[str, ...]] = {
    UNKNOWN: (
        "keine ahnung", "kein plan", "keinen plan", "kp", "ka", "k a", "weis nicht", "weis ich nicht",
        "ich weis nicht", "ich weis es nicht", "weis nich", "ich weis nich", "wes nicht", "vieleicht",
        "vileicht", "unsicher", "nicht sicher", "bin mir nicht sicher", "bin nicht sicher",
        "ich bin mir nicht sicher", "ich bin nicht sicher", "unklar", "mal sehen", "kann sein",
        "schwer zu sagen", "eventuel", "evtl", "moglicherweise", "womoglich", "eher nicht sicher",
        "not sure", "im not sure", "i m not sure", "i am not sure", "unsure", "dunno", "duno",
        "idk", "dont know", "don t know", "do not know", "i dont know", "i don t know",
        "i do not know", "no idea", "no clue", "maybe", "perhaps", "not certain", "hard to say",
        "i realy don t know", "i realy dont know", "realy don t know", "i honestly don t know",
        "ich weis es echt nicht", "ich weis wirklich nicht", "i canot say", "canot say", "can not say",
        "sagt mir nix", "sagt mir nichts", "means nothing to me", "can t read it", "cant read it",
        "kan ich nicht lesen", "kan man nicht lesen", "daruber ist uns nichts bekant",
        "daruber ist nichts bekant", "nichts bekant", "nicht bekant",
        "who knows", "cant say", "can t say",
        "hm", "hmm", "weis ich nicht genau", "kann ich nicht sagen", "schwer zu sagen",
        "wer weis", "not really sure", "unclear", "possibly", "might be", "kann schon sein",
        "konte sein", "mag sein",
        "das kan ich nicht beurteilen", "kan ich nicht beurteilen", "nicht zu beurteilen",
        "das kan ich nicht sagen", "das weis ich nicht", "das weis ich nicht genau",
        "das kan ich nicht einschatzen", "kan ich nicht einschatzen", "schwer einzuschatzen",
        "das ist unklar", "unbekant", "bisher unklar", "noch unklar", "can t tel", "cant tel",
        "i can t tel", "i cant tel", "hard to tel", "not clear", "unknown", "not known",
        "could mean anything", "kan alles bedeuten", "kan alles mogliche bedeuten", "kan alles sein",
    ),
    BOTH: ("beides", "beide", "beides davon", "sowohl als auch", "both", "both of them", "both actually"),
    BACK: (
        "zuruck", "zurck", "zuruk", "zurueck", "zuruck bitte", "bitte zuruck", "geh zuruck",
        "gehe zuruck", "einen schrit zuruck", "vorherige frage", "back", "go back", "back please",
        "previous", "previous question", "undo",
        "nochmal zuruck", "eins zuruck", "vorige frage", "falsch gedruckt", "verdruckt",
        "vertippt", "korigieren", "andern", "wrong button", "oops", "ups", "hopla",
        "change my answer", "go back please", "one step back",
    ),
    YES: (
        "ja", "jo", "joa", "jup", "jap", "jep", "jepp", "ja klar", "na klar", "klar", "freilich",
        "sicher", "sicher doch", "genau", "richtig", "stimt", "korekt", "jawohl", "auf jeden fal",
        "logo", "nu", "nu klar", "nu gele", "nu gel", "gele", "nu freilich", "ja genau", "ja bitte", "ja leider", "leider ja", "j", "yes",
        "yeah", "yea", "yep", "yup", "ya", "yah", "sure", "of course", "corect", "right",
        "absolutely", "definitely", "aye", "y", "yes please", "yes unfortunately", "sadly yes",
        "indeed", "that s right", "thats right",
        "schon", "leider schon", "durchaus", "naturlich", "selbstverstandlich", "definitiv",
        "auf jeden", "jaja", "ja schon", "ja auch", "sure thing", "yes indeed", "affirmative",
        "i think so", "i guess so", "ich glaube schon", "glaube schon", "denke schon",
        "ich denke schon", "correct", "korrekt", "stimmt", "ja stimmt", "ganz genau", "exactly",
        "ich glaube ja", "glaube ja", "glaub ja", "denke ja", "ich denke ja", "wahrscheinlich",
        "wahrscheinlich schon", "vermutlich", "vermutlich schon", "probably", "most likely", "likely",
        "prob", "deutet darauf hin", "sieht so aus", "scheint so", "looks like it", "seems so", "logisch",
        "i think yes", "think yes", "ya 100", "yes 100", "ja 100", "100 pro", "hundert pro",
        "ye", "yeh", "yh", "yas", "ig", "i guess", "ye ig", "yeah ig", "ya ig", "yes ig", "guess so", "kinda yes", "kinda yeah",
        "sort of", "more or less", "irgendwie schon", "schon irgendwie", "ja irgendwie",
        "teilweise", "zum teil", "partly", "partially", "in part", "i believe so", "believe so", "i believe yes",
        "eindeutig", "eindeutig ja", "ganz klar", "ganz eindeutig", "offensichtlich", "clearly", "obviously",
        "das ist doch eindeutig", "das is doch eindeutig", "is doch eindeutig", "ist doch eindeutig", "na das ist doch eindeutig",
        "na das is doch eindeutig", "ist doch klar", "is doch klar", "das ist doch klar", "na klar doch", "isn t it obvious",
        "isnt it obvious", "of course it is", "obviously yes",
        "clearly yes", "very much so",
        "i d say yes", "id say yes", "i would say yes", "i d say so", "id say so", "i would say so",
        "des zahlt wohl", "das zahlt wohl", "des zahlt schon", "das zahlt schon", "das zahlt ja", "zahlt wohl",
        "that counts", "that should count", "i guess that counts", "d say that counts",
        "d say yes", "would say yes", "d say so", "would say so", "wurde sagen ja", "wurd sagen ja",  # after "i"/"ich" (openers)
        "ich wurde sagen ja", "ich wurd sagen ja", "wurde ich sagen ja", "wurde ich schon sagen", "wurd ich schon sagen",
    ),
    NO: (
        "nein", "nien", "no", "ne", "nope", "nah", "nahh", "nicht", "nich", "ni", "nix", "nichts",
        "keineswegs", "auf keinen fal", "eher nicht", "gar nicht", "nein danke", "niemand",
        "keiner", "n", "no thanks", "not really", "nobody", "no one", "nothing", "never", "nee",
        "nie", "noch nie", "gar nichts", "nein nie", "eigentlich nicht", "glaube nicht",
        "ich glaube nicht", "denke nicht", "i don t think so", "i dont think so",
        "dont think so", "not at all", "nop", "no way", "absolutely not", "definitely not",
        "zum gluck nicht", "thankfully not", "luckily not",
        # none of the two things asked together ("Zuhause oder Familie? Oder schon mehrmals?")
        "nichts davon", "nix davon", "keins davon", "keines davon", "keins von beiden", "keines von beiden",
        "nichts von beidem", "nix von beidem", "weder noch", "weder das eine noch das andere", "none of it",
        "none of them", "none of those", "none of these", "none", "neither", "neither of them", "neither one",
        # not now, at "is anyone in danger right now?"
        "nicht jetzt", "nicht jetz", "nicht gerade", "nicht grad", "jetzt nicht", "jetz nicht", "gerade nicht",
        "grad nicht", "im moment nicht", "momentan nicht", "derzeit nicht", "aktuell nicht", "not now",
        "not right now", "not at the moment", "not currently",
        # Saxon and southern "nicht": "im moment ni", "grad net", "jetzt ned"
        "im moment ni", "grad ni", "gerade ni", "jetzt ni", "jetz ni", "momentan ni", "im moment net", "grad net",
        "gerade net", "jetzt net", "jetz net", "im moment ned", "grad ned", "jetzt ned", "ni im moment", "net im moment",
        "nicht im moment", "nicht im augenblick", "nicht momentan", "nicht aktuel", "nicht derzeit", "nicht zurzeit",
        "i d say no", "id say no", "i would say no", "ich wurde sagen nein", "ich wurd sagen nein", "d say no", "would say no", "wurde sagen nein",
        "wurde ich sagen nein", "never anything like", "never anything like this", "never anything like that",
        "not aplicable", "does not aply", "doesn t aply", "trift nicht zu", "nicht zutrefend", "entfalt",
        # where the writer is, at work: "Ich sitze im Büro, draußen regnet's", "I'm at work at the moment"
        "ich sitze im buro", "sitze im buro", "ich bin im buro", "bin im buro", "bin auf arbeit", "bin auf der arbeit",
        "ich bin auf arbeit", "ich bin auf der arbeit", "i m at work", "im at work", "i am at work", "i m in the ofice",
        "i m at the ofice", "i am in the ofice",
        "itze grad nich", "itze nich", "jetzt grad nich", "grad nich", "gerade nich", "etz grad nich", "jetzt nich",
        "jetzt gerade nicht", "jetzt grad nicht", "jetzt grade nicht", "gerade jetzt nicht", "grad jetzt nicht",
        "jetzt gerade nich", "im moment gerade nicht",
        # no emergency, in so many words: "is kein notfall ni", "kein notfall"
        "kein notfal", "is kein notfal", "ist kein notfal", "keen notfal", "kein notfal ni", "is kein notfal ni",
        "ist kein notfal", "das ist kein notfal", "das is kein notfal", "no emergency", "not an emergency",
        "not", "not at the moment", "not right now", "not now", "not currently", "not at present",
        "not that i know", "not that i know of", "not that i can tel", "not that i m aware",
        "not that we are aware", "not that we re aware", "not that we know", "not that we know of",
        "nicht das wir wusten", "nicht dass wir wusten",
        "not directly", "nicht direkt", "nicht das ich wuste", "nicht das ich wus", "im moment nicht",
        "momentan nicht", "gerade nicht", "grad nicht", "derzeit nicht", "aktuel nicht", "zurzeit nicht",
        "jetzt nicht", "right now no", "not rn", "nothing like that", "negativ", "negative",
        "glaub ich ni", "glaub ich nicht", "glaube ich nicht", "glaub nicht", "glaub ni", "denk ich nicht",
        "nicht erkenbar", "nichts erkenbar", "not obvious", "bislang nicht", "bisher nicht", "so far no",
        "not so far", "not yet", "noch nicht", "i dont think", "i don t think", "nothing writen",
        "nichts geschrieben", "nichts drauf", "nix drauf", "not that we know", "not that we know of",
        "not that i can se", "not that we can se", "i don t believe so", "i dont believe so", "don t believe so",
        "ni das ich wust", "ni dass ich wust", "keine hinweise", "keine anzeichen", "no signs", "no indication",
        "nichts akutes", "nothing acute", "i shouldn t think so", "i shouldnt think so", "shouldn t think so",
        "i think not", "think not", "not to our knowledge", "not to my knowledge", "unseres wisens nicht",
        "meines wisens nicht", "nicht das wir wusten",
        "na jetzt grad nicht", "na grad nicht", "na jetzt nicht", "now no", "jetzt nein", "alles ruhig", "alles ist ruhig",
        # nothing (going on) now: "also grad is nix, aber ...", "nothing now"
        "grad is nix", "grad ist nix", "grad is nichts", "grad ist nichts", "gerade ist nichts", "gerade is nix",
        "gerade ist nix", "jetzt ist nichts", "jetzt is nix", "jetzt ist nix",  # not "jetzt nix wie weg"
        "im moment nix", "im moment ist nichts", "momentan nix", "momentan ist nichts", "grad is nix los", "grad ist nichts los",
        "nothing now", "nothing right now", "nothing rn", "nothing at the moment", "nothing going on right now",
        "nothing happening right now", "nothing happening now",
        # quiet now: "... jetzt is ruhig. was soll ich machen"
        "jetzt is ruhig", "jetzt ist ruhig", "jetzt ists ruhig", "jetzt ist es ruhig", "jetzt is wieder ruhig",
        "jetzt ist wieder ruhig", "grad is ruhig", "grad ist ruhig", "im moment ist es ruhig", "im moment ist ruhig",
        "its quiet now", "it s quiet now", "all quiet now", "quiet now", "it s calm now", "its calm now",
        "all quiet", "everything is quiet", "everything s quiet", "its quiet", "it s quiet", "so nicht", "not like this",
        "not like that", "so noch nicht", "not at this moment", "not this moment", "in diesem moment nicht",
        "not physically", "nicht korperlich", "nicht physisch", "nach unserer kentnis nicht",
        "nach meiner kentnis nicht", "unserer kentnis nach nicht", "soweit bekant nicht", "soweit wir wisen nicht", "nu nein", "nu ne", "nu nee", "na nein", "na ne", "nee nee",
        "nu ni", "nu nich", "nu nicht", "nu ni direkt", "ni direkt", "nich direkt", "nicht unbedingt",
        "not to me", "not to me personally", "not me personally", "not personally", "nicht mir", "mir nicht",
        "nicht personlich", "not necesarily", "i wouldn t say so", "i wouldnt say so", "wouldn t say so",
        "i would not say so", "wurde ich nicht sagen", "das wurde ich nicht sagen", "wurd ich nicht sagen",
        "not as far as i know", "not as far as we know", "not as far as i can tel", "soweit ich weis nicht",
        "not in the slightest", "not in the least", "nicht im geringsten", "im geringsten nicht",
        "nicht im entferntesten", "ach wo", "ach woher", "i doubt it", "doubt it", "i doubt that", "doubt that",
        "i doubt so", "das bezweifle ich", "bezweifle ich", "wohl kaum", "glaub ich kaum", "eher unwahrscheinlich",
        "unlikely", "highly unlikely", "very unlikely", "quatsch", "so ein quatsch", "unsinn", "blodsinn", "nonsense",
        "rubbish",
    ),
}

# Language names (squeezed); a short message naming one asks to switch.
LANGUAGE_NAMES = {"en": ("english", "englisch", "englich", "inglish"), "de": ("deutsch", "german", "deutch")}

# A reply of at most this many words is read as a whole for what it says anywhere.
MAX_SENTENCE = 12

# Said anywhere in a short answer (squeezed words), when it does not start with an answer.
ANYWHERE = {
    BACK: re.compile(
        r"\b(?:geh|gehe|nochmal|noch mal|bitte|frage|eins|schrit|wil|mochte|wolen) (?:\w+ )?zuruck\b"
        r"|\bzuruck (?:bitte|zur|zum|zu)\b|\b(?:frage|antwort) (?:davor|vorher|zuvor)\b"
        r"|\b(?:vorige|vorigen|vorherige|vorherigen|letzte|letzten) (?:frage|antwort)\b"
        r"|\b(?:verklickt|vertipt|verdruckt)\b|\bfalsch (?:gedruckt|geklickt|getipt|angeklickt)\b"
        r"|\b(?:das|es|antwort) (?:\w+ ){0,2}war falsch\b|\bmeinte ich (?:ja|nein|doch)\b"
        r"|\bgo back\b|^(?:\w+ )?back to\b|\bback to the (?:previous|last|other|start)\b|\bprevious (?:que?stion|answer|one)\b|\bundo\b"
        r"|\b(?:answered|presed|taped|tap|cliked|clicked|hit) (?:\w+ ){0,3}wrong\b|\bwrong (?:button|answer)\b"
        r"|\bmeant to (?:say|tap|press|click)\b|\bchange my (?:\w+ )?answer\b"
    ),
    YES: re.compile(
        # a yes of sorts: "so kinda??", "also ja irgendwie", "I already said"
        # ("kinda lost rn what to do ngl" is no yes: "kinda" before a word describes it)
        r"\b(?:kinda|sorta|sort of)(?: (?:yes|yeah|ya|yep|ja))?$|\b(?:kind of yes|irgendwie (?:schon|ja)|also ja irgendwie|so halb)\b"
        r"|\b(?:hab|habe) ich (?:doch |ja |doch schon |ja schon |schon )(?:gesagt|geschrieben)\b|\bi (?:already )?(?:said|told you) (?:that|so)\b"
        r"|\bi already (?:said|told you|mentioned)\b|\bas i (?:said|mentioned)\b"
        r"|\b(?:ist|is|das ist|that s|thats|it s|its) (?:ja |doch |wohl |ja wohl |doch wohl )*(?:eindeutig|offensichtlich|obvious|pretty obvious)\b"
        r"|^(?:eindeutig|offensichtlich|obviously|definitely|absolutely|na klar|na logo|logo)\b"
    ),
    UNKNOWN: re.compile(
        r"\b(?:weis|wes|wis)(?: ich| man)?(?: das| es)?(?: noch| leider| selber| selbst| echt)? (?:nicht|nich|ni|net|nit)\b"
        r"|\b(?:kan|konte|vermag|lasst sich|last sich|kon)\b(?: \w+){0,4} (?:nicht|nich|ni|net|keine|kein)\b"
        r"(?: \w+){0,3} (?:sagen|beurteilen|einschatzen|einzuschatzen|feststelen|ausage|ausagen|wisen|erkenen"
        r"|bewerten|beantworten)\b"
        r"|\b(?:kan|konte|mag) (?:schon |gut )?sein\b|\b(?:mus|muste) (?:ich )?(?:erst|noch|nochmal)\b"
        r"(?: \w+){0,4} (?:fragen|nachsehen|nachschauen|prufen|klaren)\b|\bkeine ahnung\b"
        r"|\b(?:don t|dont|do not|didn t|didnt) (?:really |honestly |even )?know\b|\bno (?:idea|clu)\b"
        r"|\bnot (?:really )?(?:sure|certain)\b|\bcan t (?:say|tel)\b|\bcant (?:say|tel)\b|\bhard to (?:say|tel)\b"
        r"|\bnicht genau (?:hingeschaut|hingesehen|gesehen|erkant)\b|\bgenau gesehen hab \w+ nicht\b"
        r"|\b(?:nichts|nicht) bekant\b|\b(?:konen|kan) (?:wir|ich) (?:nicht|nichts|nix) (?:vornehmen|zuordnen|sagen)\b"
        r"|\bkan ich (?:da )?(?:nichts|nix) (?:zu )?sagen\b"
        r"|\b(?:how|woher|wie) (?:would|should|could|can|sol|solte|sollte|kan) (?:i|ich) (?:das |es |that )?(?:know|wisen)\b"
        r"|\b(?:wir|ich) wisen (?:es |das )?(?:noch )?(?:nicht|nich|ni)\b"
        r"|\b(?:couldn t|couldnt|could not|can t|cant|canot|can not|didn t|didnt|did not) (?:really |quite )?(?:se|hear|tel|make out)\b"
        r"|\b(?:konte|kan|konten) (?:ich|man|wir) (?:\w+ )?(?:nicht|nich|ni|net) (?:sehen|horen|erkenen|verstehen)\b"
        r"|\b(?:not|nicht) aware\b|\bnot that we (?:know|are aware)\b"
        r"|\b(?:wie|woher) (?:sol|solte|kan|konte) (?:ich|man) (?:\w+ ){0,5}(?:wisen|erkenen|sagen|beurteilen|feststelen)\b"
        r"|\b(?:uns|mir) (?:ist|sind) (?:keine?n?|nichts|nix) (?:\w+ ){0,3}bekant\b"  # "Uns ist keine frühere Liste bekannt."
        r"|\bcanot (?:say|tel|asess|judge)\b|\b(?:schwer|nicht) zu sagen\b|\bschwer einzuschatzen\b"
        # not now: "später", "bitte nicht jetzt", "later"
        r"|^(?:spater|later|nicht jetzt|not now|jetzt nicht)\b|\b(?:schreib|sag) ich (?:ihnen |dir |euch )?(?:lieber )?(?:nicht|nich|ni|net)\b"
        # not saying: "rather not say which tbh", "möchte ich lieber nicht sagen"
        r"|\b(?:rather|prefer to|prefer) not (?:say|tel|to say)\b|\bno coment\b|\b(?:sag|sage) ich (?:lieber )?(?:nicht|nich|ni)\b"
        r"|\b(?:mochte|wil) ich (?:lieber |eigentlich )?(?:nicht|nich|ni) (?:sagen|nenen|verraten)\b|\blieber nicht\b"
        # "da sag ich lieber nix dazu", "möchte ich an dieser Stelle keine Angaben machen"
        r"|\b(?:sag|sage) ich (?:lieber )?(?:nix|nichts|nischt)\b|\bkeine angaben (?:machen|dazu)\b|\bkein kommentar\b"
    ),
}

# A last word that answers ("not at the moment, no").
CLOSING = {"nein": NO, "no": NO, "nope": NO, "ne": NO, "ja": YES, "yes": YES, "yep": YES, "yeah": YES,
           "dunno": UNKNOWN, "idk": UNKNOWN, "vieleicht": UNKNOWN, "maybe": UNKNOWN, "freilich": YES,
           "klar": YES, "jawohl": YES}

# A first word that denies what the question names ("nicht online", "not my family").
NEGATIONS = frozenset("nicht nich ni kein keine keiner not no never nie".split())

# A comma or full stop right after the first word: it is an answer ("nu, der kerl ...").
PAUSE = re.compile(r"^\s*\w+\s*[,.!;:–-]")

# Words that ask for a language in a longer message.
# A language asked for at the start of a longer message: "kannst du wieder deutsch?", "can you
# do english", "bitte wieder auf deutsch" (squeezed words).
LANGUAGE_ASK = re.compile(
    r"^(?:(?:ok|okay|bite|please|pls|und|and|hey|hi) )*(?:(?:kanst|konen|konten|kannst|konnen) (?:du|sie|ihr) (?:wieder |bite |auch )?(?:auf )?"
    r"|(?:can|could) (?:you|u) (?:do |speak |write |switch to |go back to |use )?(?:in )?|(?:wieder|bite|back to|switch to) (?:auf |in )?"
    # "Bitte stellen Sie wieder auf Deutsch um", "switch it back to english please"
    r"|(?:stel|stele|stelen|schalt|schalte|schalten|wechsel|wechsle|wechseln) (?:sie |du |ihr )?(?:bite |wieder |doch |jetzt )*(?:auf |zu |ins |in )?"
    r"|(?:switch|change|set) (?:it |this |the language )?(?:back )?(?:to |into )?)"
    r"(?:deutsch|deutch|german|english|englisch|englich)\b")
LANGUAGE_ASK_WORDS = 6
WISH = frozenset("bite please pls plz sprechen spreche sprichst speak reden talk schreiben write "
                 "machen schlecht".split())

# A language named as the one not wanted: "kein englisch", "i dont speak german" (the words
# before it), "my german is bad", "mein englisch is schlecht" (the words after it).
NOT_BEFORE_LANGUAGE = re.compile(r"\b(?:nicht|nich|net|kein|keine|kaum|not|no|dont|don t|cant|can t|cannot"
                                 r"|barely|hardly|dosnt|dosn t|isnt|isn t)\b")
# "pls english": asked for, whatever negation came before ("no not now. pls english")
PLEASE_BEFORE_LANGUAGE = frozenset("pls plz please bite bitt".split())  # squeezed: "bitte" is "bite"
POOR_AFTER_LANGUAGE = re.compile(
    r"(?:(?:is|ist|isch|is ja|is very|ist sehr|is so|ist so|is really) )?(?:schlecht|nicht gut|nich gut|net gut|bad|poor|not good"
    r"|not great|not god|rusty|eingerostet|mies|weak|difficult|dificult|hard|schwer|schwierig)\b"
    # "my german is not so good", "mein englisch ist nicht so gut"
    r"|(?:is not|isnt|is nt|ist nicht|ist nich|is nich|is net)(?: (?:so|very|really|realy|sehr|that|too))? (?:good|god|great|gut|toll)\b")

# Words that join an answer to the rest of the message ("ja, aber ...", "no and ...").
JOINERS = frozenset("aber und doch also but and though so well".split())

# Words of their own one letter from an answer's word: never read as its typo ("unsere
# kinder" is no "unsure", "meine tochter" no "keine", "nacht" no "nicht", "couldn" no "could").
# Squeezed, as replies are (handlers.answers._tokens). Found by comparing the frequent words
# of the examples with the answers' words (the list in the commit that made it).
REAL_WORDS = frozenset((
    "meine meinem meiner meinen eine einer einem eines deine deinem deiner deinen seine seinem seinen seiner seines "
    "unsere unserem unseren unsre kleine kleinen kleiner kleines beine beiden andere anderen anders weitere "
    "wieder jeden jeder wider steht werde wurden schreibe rede redet mache sachen lachen sitz sitzt sitzen site "
    "nacht nachts licht dicht hetzt setzt zieht stift zahl danke denken denkt glauben glaubt richtige wichtig "
    "schreien scheiben schlechte sichere sichern spricht sprache sprecher deutsche politische endlich leiter "
    "hunderte wiederholte konto langer grune hast "
    "writer writes wrote white should couldn ever either seither night nights light fight sight eight thing "
    "thinks thought thank thick want party kind real ready reply mean meant changed chance chats hats rent "
    "quite lease speaks ended besides badly leader anger dutch germany germans families symbol symbols"
).split())

# Dialect spellings read as the standard word ("na, etz grad net", "ned", "nit").
DIALECT = {"net": "nicht", "ned": "nicht", "nit": "nicht", "etz": "jetzt", "etzt": "jetzt", "itze": "jetzt",
           "itzt": "jetzt", "grod": "grad", "naa": "nein", "kaaner": "keiner", "kaner": "keiner", "kaana": "keiner",
           "schu": "schon", "scho": "schon", "zwee": "zwei", "dreie": "drei"}

# Words that doubt or deny, in squeezed form. At a question about an aspect, a reply that does
# not name the aspect but doubts ("schwer zu sagen, war eher persönlich") or denies ("stand
# nix von partei drin") leans to "no or don't know": the answer those questions put on one
# button. A yes names what it saw (a symbol, a slogan, a group), which is read before this.
# Unknown openers that already lean ("maybe", "vielleicht"): not a plain "don't know".
MAYBE = frozenset("maybe perhaps vieleicht vileicht evtl eventuel posibly possibly konte kan kann mag might could".split())
DOUBTS = frozenset("vieleicht vileicht eventuel evtl moglicherweise womoglich unklar unsicher unbekant vermute "
                   "vermuten maybe perhaps possibly unsure unclear unknown".split())

DENIALS = frozenset("nicht nich ni net nit kein keine keinen keiner keinem keines nichts nix nischt nuscht nie niemals "
                    "niemand ohne no not never none nothing nobody neither without dont didnt doesnt "
                    "isnt wasnt werent arent hasnt havent".split())

# A denial at the question whether it happened before often means yes ("it doesn't stop",
# "nicht das erste Mal"), so there only a doubt leans.
LEANS_ON_DENIAL = frozenset({"online", "extremist", "private_sphere"})

# (Folding makes "question" "qustion": its "ue" is read as an umlaut spelled out.)
# Asking what the question means, in a short message: "was meinen Sie mit extremistisch?",
# "what do you mean by extremist?", "was zählt da?", "wie ist das gemeint". (Folded: "does"
# is "dos", as `fold` turns "oe" into "o".)
ASKS_MEANING = re.compile(
    r"^(?:(?:und |also |aha |hm |sorry |entschuldigung )?(?:was|wie) (?:meinen sie|meinst du|menen se|meinen se|menste|meinste"
    r"|ist|heist|bedeutet|zahlt)"
    r"(?: \w+){0,2} (?:damit|mit|gemeint|das|da|als|denn)\b"
    r"|(?:was|wie) (?:meinen sie|meinst du)(?: das)?$|(?:was|wie) ist das gemeint|was zahlt (?:da|dazu|als)\b"
    r"|was hei(?:s|st) (?:das|extremistisch|politisch)\b|was bedeutet (?:das|extremistisch|politisch)\b"
    r"|(?:sorry |so |um )?what do (?:you|u|ya) mean\b|what (?:dos|s) (?:that|this|\w+)(?: even)? mean\b|what counts(?: as)?\b"
    r"|(?:dos|would) (?:that|this) count\b|zahlt das(?: auch| denn| dazu)?$|i don t understand the que?stion"
    r"|(?:wieso|warum|weshalb|why)(?: \w+){0,6} (?:gefahr|gefahrlich|danger|dangerous|fragen sie|do you ask)\b"
    r"|ich verstehe die frage nicht|frage nicht verstanden|versteh die frage nicht"
    # "wos solln dos fer hinweise sein": what kind of thing is meant
    r"|(?:was|wos) (?:sol|soln|solen|suln)(?: \w+){0,2} (?:fur|fer|fuer)(?: \w+){0,2} (?:sein|sen|sen)\b"
    # "was is'n das fürne frage": the question itself is queried
    r"|was (?:ist|is) (?:n |denn )?das (?:fur ?ne|fur eine|fur ein|fur) frage|what kind of (?:a )?que?stion"
    # why it is asked: "warum wolln se das wissen", "does it matter", "wozu?"
    r"|(?:wieso|warum|weshalb|wozu|why)(?: \w+){0,3} (?:wisen|brauchen|braucht|brauchst|ne?ed|ne?eds|wolen|woln|wilst|want|mater|maters|wichtig|relevant)\b"
    r"|(?:wieso|warum|weshalb|wozu|why)(?: das| that| so)?$|(?:dos|does) (?:it|that|this) (?:realy |even )?mater\b"
    r"|is (?:that|it|this) (?:realy )?(?:necesary|ne?eded|required|important)\b|spielt das (?:eine |ne )?role\b"
    r"|mus ich das (?:sagen|angeben|verraten)\b|is das wichtig\b|ist das wichtig\b"
    # what the question has to do with it: "Was hat das damit zu tun?", "Sieht man das denn?"
    r"|was hat (?:das|des) (?:\w+ )?(?:damit|mit \w+) zu tun\b|what (?:dos|does|has) (?:that|this|it) (?:got )?(?:to do|have to do) with\b"
    r"|sieht man (?:das|des|sowas|so was)(?: denn| uberhaupt)?\b|(?:can|would|could) (?:you|one|i) (?:even )?tel (?:that|by)\b)"
)

# Asking at the end whether what was told counts: "they left a google review, does that count?"
# Whether something counts as what is asked about ("my job counts as private right??", "zählt
# mein laden als privat?"): explained, unless the rest names it ("my whatsapp group counts as online").
COUNTS_AS = re.compile(r"\b(?:counts?|zahlt|gilt)(?: \w+){0,3} (?:as|als|zu) (?:private|privat\w*|home|family|familie|zuhause"
                       r"|online|political|politisch|extremist\w*)\b")
COUNTS_QUESTION = re.compile(r"(?:dos|does|would|do|if) (?:that|this|it|those|these) counts?\b|\b(?:zahlt|gilt) (?:das|sowas|so was)\b"
                             r"|\bis (?:that|this) (?:extremist|political)\b|\bist das (?:extremistisch|politisch)\b")

# Office German that affirms or denies ("insoweit wird eine Betroffenheit des privaten Umfelds
# bejaht", "ist zu verneinen").
FORMAL = {
    YES: re.compile(r"\b(?:wird|werden|ist|sind|wurde|wurden)(?: \w+){0,8} bejaht\b|\bzu bejahen\b"),
    NO: re.compile(r"\b(?:wird|werden|ist|sind|wurde|wurden)(?: \w+){0,8} verneint\b|\bzu verneinen\b"),
}

# What a note, a sign or a banner says, told at the question about symbols and slogans
# ("there's a note on the stone, says trainer"): a slogan, even without quotes.
WRITTEN_SIGN = re.compile(r"\b(?:note|zettel|sign|schild|letter|brief|schrift|aufschrift|graffiti|spruch|banner|plakat|transparent|flyer|flugblat)"
                          r"\b(?: \w+){0,5} (?:says|saying|said|sagt|reads|steht|stand|stehen|mit der aufschrift|drauf)\b")

# No answer given, as the whole reply: "egal", "skip", "weiter" ("don't know", and on).
# Only whole: "pass auf, der kommt", "next time he ...", "egal, er steht wieder da" say more.
NO_ANSWER = frozenset((
    "egal", "ist egal", "mir egal", "is mir egal", "ist mir egal", "skip", "skip it", "skip this", "pas", "next",
    "weiter", "uberspringen", "keine angabe", "no coment", "kein komentar", "whatever",
))

# Not yet: "heite noch nich", "bis jetzt noch nicht", "not yet today".
NOT_YET = re.compile(r"^(?:heute|heite|bis jetzt|bisher|jetzt|grad|gerade) noch (?:nicht|nich|ni|net)\b|^not yet\b|^noch nicht\b"
                     # "nobody's shown up yet fr", "noch keiner aufgetaucht"
                     r"|^(?:noch )?(?:nobody|no one|niemand|keiner)(?: s| has| hat| ist| is)? (?:(?:bisher|noch) )?"
                     r"(?:shown up|showed up|come|turned up|aufgetaucht|gekomen|erschienen|vorbeigekomen)\b")

# Not like this before: "Not at this scale.", "nicht in dem Ausmaß", "not this bad".
NOT_LIKE_THIS = re.compile(r"^(?:not|nicht|nie|never|noch nie) (?:\w+ )?(?:at this scale|on this scale|like this|like that|to this extent"
                           r"|this bad|that bad|in dem (?:ausmas|umfang)|in diesem (?:ausmas|umfang)|so (?:schlim|krass|heftig|massiv))\b")

# No danger said in other words: "there is no immediate danger", "keine akute Gefährdung".
# "no one is in danger", "nobody's in danger lol", "niemand in gefahr" (raw text): a no in
# itself. Read word by word, its "no" opened an answer and "one is in danger" was a cry.
DANGER_WORDS = ("danger", "gefahr", "gefährdet", "gefaehrdet", "gefahrdet", "at risk")  # the expression's last words
NOBODY_IN_DANGER = re.compile(
    r"\b(?:nobody|no ?one|no body|niemand|niemanden|keiner|keine person|keener|neemand)(?:'s|’s)?\s+"
    r"(?:(?:is|s|ist|is'|are|currently|really|actually|right now|now|gerade|grad|jetzt|im moment|akut|wirklich|hier|here)\s+)*"
    r"(?:in\s+)?(?:danger|gefahr|gefährdet|gefaehrdet|gefahrdet|at risk)\b", re.IGNORECASE)

NO_DANGER = re.compile(
    r"\b(?:keine|kein|no|not in|nicht in|nobody is in|no one is in|niemand ist in)"
    r" (?:akute |akuten |imediate |acute |unmitelbare |unmitelbarer )?(?:gefahr|gefahrdung|gefahrdungslage|gefahrenlage|bedrohungslage|danger)\b"
    r"|\bgefahrdung ist (?:uns )?nicht bekant\b"
    # "not an emergency!! just wanna write smth down", "kein Notfall, nur eine Frage"
    r"|\b(?:not an|no|kein|keine|is kein|ist kein|isn t an|isnt an) (?:emergency|notfal|akuter notfal|real emergency)\b"
    # "We are not aware of any immediate danger to the staff concerned."
    r"|\b(?:not|nicht) aware of (?:any )?(?:imediate |acute |real |current )?(?:danger|threat)\b"
    # "We do not believe there is an immediate danger", "ich glaube nicht, dass Gefahr besteht"
    r"|\b(?:don t|dont|do not|dosn t|dos not) (?:think|believe|se|fel)(?: that)?(?: there is| there s| theres)?"
    r" (?:an? )?(?:imediate |acute |real |any )?danger\b"
    r"|\b(?:glaube|glauben|denke|denken) (?:ich |wir )?nicht(?: das)?(?: \w+){0,3} (?:gefahr|gefahrdung)\b"
    r"|\b(?:no|keine|keinerlei) (?:indication|sign|signs|hinweise?|anzeichen|anhaltspunkte)(?: \w+){0,2}"
    r" (?:imediate |acute |akute |unmitelbare |current |aktuelle )?(?:danger|gefahr|gefahrdung|threat|bedrohung)\w*\b"
    # "in gefahr bin ich gerade nicht", "gefahr grad nich": the danger first, then denied
    r"|\b(?:in )?gefahr (?:bin|sind|ist|is) (?:ich|wir|keiner|niemand)(?: (?:grad|gerade|grade|jetzt|momentan|aktuel|zum gluck))* (?:nicht|nich|net|ned)\b"
    r"|\b(?:in )?gefahr (?:grad|gerade|grade|jetzt|momentan|aktuel|im moment) (?:nicht|nich|net|ned|nein|keine)\b"
    # "Eine akute Gefährdung besteht nach unserer Kenntnis nicht." (not "ist nicht vorbei")
    r"|\b(?:gefahr|gefahrdung|gefahrdungslage|gefahrenlage|bedrohungslage)\b(?: \w+){0,6} (?:nicht|kaum)$"
    r"|\b(?:gefahr|gefahrdung|gefahrdungslage|bedrohungslage|danger)\b(?: \w+){0,5} (?:nicht|not|kaum)"
    r" (?:vor|gegeben|erkenbar|ersichtlich|feststelbar|absehbar|zu erkenen|bekant|angenomen|gesehen|present|apparent"
    r"|evident|visible|assumed)\b"
)

# "Ob eine Gefahr besteht, ist nicht ersichtlich": whether, not that, there is none.
WHETHER = frozenset("ob whether".split())

# Nobody is there (now): no to "is anyone in danger?" and to where it happened.
NOT_THERE = re.compile(
    r"\b(?:is|s|are|re|ist|sind)(?: (?:er|sie|der|die|es|he|she|they))? (?:not|nicht|nich|ni|net|no longer|nicht mehr) (?:there|here|da|hier)\b"
    # "Im Moment steht es nicht da": the car or the person is not there now
    r"|\b(?:steht|stehen|sitzt|sitzen|parkt|parken|wartet|warten) (?:es|er|sie|der|die|das|keiner|niemand)? ?(?:nicht|nicht mehr|nich|ni|net) (?:da|hier|mehr da)\b"
    r"|\b(?:isn t|aren t|isnt|arent) (?:there|here)\b|\b(?:nobody|no one|niemand|keiner) (?:is |ist )?(?:there|here|da|hier)\b"
)

# Clauses after the first may answer too: "He said go back to your country. So yes, I think."
CLAUSE = re.compile(r"[.,;!?–]+\s*|\s+(?:but|aber)\s+"
                     r"|\s+(?=(?:also|so) (?:ja|jo|nein|nee|yes|yeah|ya|yep|yup|no|probably|prob|wahrscheinlich|vermutlich)\b)")

CLAUSE_OPENERS = frozenset("so also and und but aber well naja na i think ich denke ich glaube".split())

MAX_CLAUSE_SCAN = 40  # words
# A reply read part by part at a question about two aspects may be longer (a clerk's three sentences).
MAX_PARTS_SCAN = 60  # words

# What a clause says is unknown besides the question: other incidents, the offender, a motive
# ("Weitere Vorfälle sind uns bisher nicht bekannt", "Der Täter ist uns nicht bekannt"). Such a
# clause is no "don't know" (at the danger question that would bring the 110 advice).
UNKNOWN_OTHER = re.compile(r"\b(?:vorfale?|vorfalen|hinweise?|erkentnise?|tater\w*|absender\w*|urheber\w*|hintergrund\w*|motiv\w*"
                           r"|identitat|name|namen|incidents?|perpetrators?|sender|author|identity|motive|background)\b")

# "Not the first time", "nicht das erste Mal": a yes to "has it happened before?".
NOT_FIRST = re.compile(r"\b(?:not|nicht|ned|net|nich) (?:the |das |zum |s )?(?:first|erste|ersten|erstes)\b"
                        r"|\b(?:isn t|wasn t|isnt|wasnt|was not|is not) (?:the|my|our) first\b")

# Words that answer one aspect question in its own terms (folded as knowledge.features.fold
# folds), beyond the aspect's word family in knowledge.extract, which `names_aspect` reads too.
ASPECT_ANSWERS = {
    "repeated": {
        NO: re.compile(r"\b(?:first time|the first|first (?:\w+ )?like (?:this|that)|first (?:letter|message|mail|email|call|one)\b(?!.*\b(?:before|previous|earlier)\b)|erste mal|erstes mal|ersten mal|erscht\w* (?:mal|mol)|only once|just once|once|erstmals|erstmalig|"
                       r"erste vorfall|erster vorfall|ersten vorfall|erste fall|erster fall|first incident|first such|ist neu|is new|"
                       # "Es ist das erste Schreiben dieser Art", "der erste Brief"
                       r"erste\w* (?:(?:\w+ )?(?:dieser|der|seiner|in der) (?:art|sorte)|schreiben|brief|anruf|nachricht|mail|drohung)\b(?!.*\b(?:davor|vorher|zuvor|fruher|before)\b)|"
                       r"one time|only one time|just the one|nur das eine mal|"
                       r"never (?:had|happened|seen|experienced)|nothing like (?:this|that|it)|nie so was|noch nie so|"
                       r"nur einmal|einmal|einmalig|never before|nie zuvor|noch nie|bisher nicht|bisher nich|bisher ni|bisher net|bisher nein|bisher noch nicht|bisher noch ni|bis jetzt nicht|bis jetzt ni|not so far|so far no|nicht mehrmals|"
                       # office German and English: "Bisher ist uns nichts Vergleichbares bekannt", "nicht aktenkundig"
                       r"nichts vergleichbares|nichts dergleichen|nichts derartiges|nicht aktenkundig|kein vergleichbarer|"
                       r"keine vergleichbaren|nothing comparable|nothing similar|no similar|no comparable|no previous|no prior|"
                       r"kein (?:fruherer|vorheriger|ahnlicher|derartiger) (?:vorfall|fall)|keine (?:fruheren|vorherigen|ahnlichen) (?:vorfalle|falle)|"
                       # only this one known: "Uns ist nur dieser Vorgang bekannt.", "We are aware of this one instance."
                       r"nur (?:dies\w*|der|die|das|den) (?:eine\w* )?(?:vorgang|vorfall|fall|brief|schreiben|anruf)|"
                       r"(?:this|that) one (?:instance|incident|occasion|case|time)|only (?:this|that) (?:one|instance|incident|occasion|case)|"
                       r"just (?:this|that) (?:one|instance|incident|occasion))\b"),
        YES: re.compile(r"\b(?:again|before|several|many times|a few times|twice|schon ofter|ofter|schon mal|"
                        r"after the previous|after the last|previously|there were|there have been|es gab schon|gab es schon|"
                        r"zweimal|dreimal|(?:zwei|drei|vier)mol|(?:ein )?paa?r ?(?:mal|mol)|etliche ?(?:mal|mol)|ago|(?:two|three|four|five|several|many|zwei|drei|vier|funf|mehrere) (?:times|mal)|"
                        r"zweite|zweites|zweiten|dritte|drittes|second|third|schon mol|scho mal|weekly|monthly|"
                        r"\d+ ?x|\d+ ?mal|getting worse|going on|wird schlimmer|geht (?:schon )?seit|"
                        r"(?:\d+|two|three|four|five|several|a few|zwei|drei|vier|funf|mehrere|ein paar) "
                        r"(?:\w+ )?(?:days|weeks|months|evenings|nights|mornings|tage|tagen|wochen|monate|monaten|abende|abenden|nachte|nachten)|"
                        r"zweete\w*|zwete\w*|"
                        r"(?:two|three|four|five|zwei|drei|vier|funf|mehrere|several) \w+ in |"
                        r"last (?:year|yr|month|week)|letztes jahr|letzten monat|letzte woche|"
                        r"(?:loads|lots|plenty|a couple|couple|hundreds|dozens|a lot) of times|times before|"
                        r"immer wieder|again and again|repeatedly|oft|ofters|so oft|auch schon|already|"
                        r"\d+ (?:msgs?|messages|nachrichten|mails?|emails?|letters?|briefe|anrufe|calls|posts|kommentare|comments)|"
                        r"vor (?:\w+ )?(?:woche|wochen|monat|monaten|jahr|jahren|tagen)|similar|ahnlich\w*|back then|damals|"
                        r"in the past(?! (?:hour|hours|day|days|week|weeks|month|months|minute|minutes|night))|"
                        r"vorher schon|schon vorher|davor schon|es gab (?:\w+ ){1,3}(?:vorher|davor|fruher)|(?:vorher|davor|fruher) (?:gab es|gabs|kamen|waren|standen|stand|war|hate|haten)|erweitert|"
                        r"(?:hatten|hatte|hab|habe|haben|hatt) (?:wir|ich) (?:auch )?schon|"
                        r"had (?:those|that|them|some|one) before|each with|each time|every time|jedes mal|jeweils|"
                        r"\d{1,2}\.?,? \d{1,2}\.? (?:and|und) \d{1,2}\b|"
                        r"(?:zwei|drei|vier|two|three|four|\d) (?:oder|or|bis|to) (?:drei|vier|funf|three|four|five|\d)|"
                        r"(?:in|im|seit|since|back in) (?:19|20)\d\d|"
                        r"(?:zwei|drei|vier|mehrere|several|two|three|four|\d+) (?:weitere|andere|more|other|further)|vorm (?:jahr|monat)|vorigen? (?:jahr|monat|woche)|"
                        r"(?:in|im) (?:the )?(?:spring|summer|autumn|fall|winter|fruhjahr|fruhling|sommer|herbst|"
                        r"january|february|march|april|may|june|july|august|september|october|november|december|"
                        r"januar|februar|marz|mai|juni|juli|oktober|dezember))\b"),
    },
    "extremist": {
        NO: re.compile(r"\b(?:not extremist|nothing political|not political|nicht politisch|nicht extremistisch|"
                       r"no symbols|keine symbole|no slogans|keine parolen|nichts politisches|"
                       # "its just some hater", "nur so ein Spinner"
                       r"(?:just|only) (?:some |a )?(?:hater|troll|idiot|angry (?:guy|man|neighbou?r)|neighbou?r|drunk)|"
                       r"(?:nur|einfach nur|blos) (?:so )?(?:ein |ne |n )?(?:troll|idiot|spinner|hater|nachbar|besofener|querulant)|"
                       # "Der Mann sah ganz normal aus", "they looked like normal guys"
                       r"(?:sah|sahen|sieht|sehen|looked|looks|look) (?:\w+ )?(?:ganz |total |vollig |completely |totally |quite |like )?(?:normal|ordinary|unaufalig))\b"),
        YES: re.compile(r"\b(?:political\w*|politisch\w*|xenophob\w*|fremdenfeind\w*|auslanderfeind\w*|"
                        r"runes?|runen?\w*|runic|runisch\w*|slogans?|parole\w*|freie sachsen|freies sachsen|ein prozent|identitar\w*|dritte weg|dritten weg|zecke\w*|group name|gruppenname\w*|"
                        r"name (?:of|einer) (?:a |the )?(?:group|gruppe)|demo|demos|demonstration\w*|kundgebung\w*|"
                        r"(?:meine|meiner|my) (?:stimme|abstimmung|vote|voting)|abstimmung\w*|"
                        r"day x|tag x|88|(?:zahl|die|code|number|the) 18|combat 18|c18|black white red|right wing|left wing|linke szene|"
                        r"go back to your country|geh zuruck in dein land|volk|deutet (?:ja |wohl |schon )?darauf hin|"
                        r"points to|galgen|gallows|heimatschutz|reichsadler|defend europe|lightning|blitze|"
                        r"foreigners|auslander|migrants|migranten|refugees?|fluchtling\w*|antifa|stickers?|aufkleber|"
                        r"widerstand|resistance|reich flags?|reichs flags?|imperial flags?|fackelmarsch\w*|torch march\w*|"
                        r"\w*spaziergang\w*|monday walk\w*|montagsdemo\w*|"
                        r"(?:rechte|rechten|linke|linken) (?:ecke|szene|lager|spektrum|milieu)|von (?:rechts|links)|"
                        r"(?:far|extreme) (?:right|left)|traitors? (?:to|of) (?:the )?(?:people|nation|volk)|"
                        # hatred of a group: "asia raus", "polish go home", "bad words about muslims"
                        r"(?:auslander|asylanten|asia|asiaten|polen|fremde|kanaken|juden|moslems|muslime|turken|araber|fluchtlinge|"
                        r"migranten|grune|grunen|zecken|linke|russen|ukrainer|roma) raus|go home|go back|muslim\w*|islam\w*|jew\w*|juden\w*|judisch\w*|"
                        r"population exchange|exchange of the population|bevolkerungsaustausch|great replacement|"
                        r"homophob\w*|transphob\w*|queerfeind\w*|schwulenfeind\w*|schwuchtel\w*|csd|"
                        # racism named, and the slurs of a political camp: "linkes pack", "gutmensch"
                        r"rassis\w*|racis\w*|nazi\w*|neonazi\w*|kanake\w*|parasit\w*|"
                        r"(?:linkes|linke|rotes|grunes|links grunes|versifftes) (?:pack|gesindel|zecken?)|links ?grun\w*|"
                        r"gutmensch\w*|lugenpresse|systemling\w*|volksverrat\w*|traitors?|verrater\w*|"
                        r"commies?|communists?|kommunist\w*|rote socke\w*|linksversifft\w*|"
                        r"green witch\w*|grune hexe\w*|grun\w* (?:hexe|zecke|pack|spinner)|puppet\w*|marionette\w*|"
                        r"(?:die|den|der|von den) (?:rechten|linken|nazis)|schwarz ?weis+ ?rot\w*|reichs(?:kriegs)?flagge\w*|"
                        # a group or a signature: "shirts of a local „citizens' defence“ group", "Division Lausitz"
                        r"citizens defen[cs]e|burgerwehr\w*|division \w+|kameradschaft\w*|real saxons|wahren? sachsen|echten? sachsen|"
                        # the salute: "den arm hat er auch so hochgerissen", "sieg heil"
                        r"(?:arm|hand) (?:\w+ ){0,4}(?:hochgerisen|hochgerissen|gehoben|hochgestreckt|raised)|hitlergrus\w*|hitler salute|nazi salute|"
                        r"sieg heil|heil hitler|ihr roten|die roten|"
                        r"volkszertreter\w*|volksvertreter\w* (?:raus|an den galgen)|"
                        # named by the intelligence service or as "homeland protection"
                        r"verfasungsschutz\w*|protection of the constitution|homeland protection\w*|heimatschutz\w*|"
                        # at this question, a party, "the system", the asylum dispute: "the account is full of AfD stuff",
                        # "he shout something about the system", "corona und lügenpack", "the asylum accommodation"
                        r"afd|npd|querdenk\w*|reichsburger\w*|(?:about|uber|gegen|against|vom|von dem|of the) (?:the |das |dem )?system|"
                        r"systempartei\w*|lugenpack|lugenpres\w*|asyl\w*|asylum|gefluchtet\w*|"
                        # a group's name or the campaign as the reason: "unterschrieben mit patrioten mittelsachsen",
                        # "er ist von Bürgerbewegung", "na logo wahlkampfstand"
                        r"patriot\w*|burgerbewegung\w*|wahlkampf\w*|"
                        r"campaign\w*)\b"),
    },
    "online": {
        NO: re.compile(r"(?!)"),  # what denies it is read by the word families (offline, "nicht online")
        # the messenger named alone ("signal. hab die nachrichten noch"): "Signal" is too common a
        # word for knowledge.extract to take it as the platform anywhere else
        YES: re.compile(r"^(?:per |uber |auf |bei |via |on |over )?signal\b|\b(?:a|in a|this|that) post\b"),
    },
    "private_sphere": {
        NO: re.compile(r"\b(?:only me|nur mich|nur ich|just me|nur das rathaus|nur rathaus|nur im rathaus|bisher nur|only the town hall|nur im amt|"
                       r"nur dienstlich|only at work)\b"),
        YES: re.compile(r"\b(?:wohne? mit|wohnen zusammen|live with|living with|mein\w* (?:\w+ )?(?:freund|partner|mann)|"
                        r"(?:my|our) (?:building|block|flat|apartment|house|home|front door|door|driveway)|"
                        r"(?:meinem|unserem|meinen|unseren) (?:wohnhaus|haus|hauseingang|grundstuck)|"
                        r"(?:in|auf) (?:meiner|unserer) (?:strase|strasse|gase|gasse)|my street|our street|"
                        r"(?:still )?live (?:on|in) the same (?:street|road|house)|where i live|where we live|wo ich wohne?|wo wir wohnen|"
                        # living where it happened: "ich wohn oben drüber", "we live above the shop"
                        r"(?:ich|wir) wohne?n? (?:\w+ )?(?:oben drüber|oben druber|drüber|druber|darüber|daruber|im (?:selben|gleichen) haus|direkt (?:daneben|nebenan|dort|da)|gleich (?:daneben|nebenan))|"
                        r"(?:i|we) live (?:right )?(?:above|upstairs|next door|in the same (?:building|house)|on site|there)|"
                        r"meine (?:\w+ )?(?:freundin|partnerin|frau|tochter|mutter)|"
                        r"my (?:\w+ )?(?:partner|boyfriend|girlfriend|husband|wife)|"
                        r"mitbewohner\w*|flatmate\w*|roommate\w*|nachbarn wissen|neighbou?rs know|"
                        r"(?:mei|meine) (?:fraa|alte|kinner|maad|madel|bu|jung)|mei (?:frau|mann|tochter|sohn|kinder)|"
                        # someone written for: "Seine Frau wurde in einem Kommentar gezeigt", "his kids"
                        r"(?:seine|seiner|ihre|ihrer|his|her) (?:frau|familie|kinder|tochter|sohn|eltern|wife|family|kids|children|daughter|son|parents)|"
                        r"(?:ihr|ihren|ihrem) (?:mann|sohn)|her husband)\b"),
    },
}


# A word that only fills the pause before the answer ("hm. ich glaub nicht", "nu, nicht
# jetzt", "well, no"): when the rest answers, the rest counts; alone it keeps its own
# meaning ("hm" don't know, Saxon "nu" yes). Squeezed ("ähm" -> "ahm").
FILLERS = frozenset("hm ahm ehm ah oh um uh erm nu tja well also".split())  # "also grad is nix, aber ..."
# Said already, before the answer again: "ich hab doch gesagt ni", "I already said no" (folded).
SAID_ALREADY = re.compile(
    r"^\W*(?:(?:ich|i)\s+)?(?:(?:hab|habe|hatte|habs|have|had|ve)\s+)?(?:(?:ich|es|das|doch|ja|schon|bereits|eben|already|just)\s+)*"
    r"(?:gesagt|geschrieben|geschriebn|said|told you|written|wrote)(?:\s+(?:already|schon|doch|ja))*\b[\s,.:!-]*")

# Single words that answer a question even when a sentence follows ("Ja mein Nachbar ...").
ANSWER_WORDS = frozenset("ja jo jup jap jep yes yeah yea yep yup ye yh ya nein no nope nah ne ni".split())  # "gefahr ni"

# All is well, said in other words at "is anyone in danger now?" ("alles gut", "I'm safe",
# "bin in Sicherheit", "mir geht's gut"): no. Written as the squeezed tokens read ("ales",
# "al god"). Not when negated ("not ok", "nicht sicher").
ALL_CLEAR = re.compile(
    r"\b(?:ales|al|everything s|everythings|everything is|its al|it s al) (?:gut|ok|okay|fine|god|in ordnung|ruhig|quiet|safe|sicher|clear|chil)\b"
    r"|\b(?:i m|im|i am|we re|we are|were|us|i s) (?:al )?(?:ok|okay|fine|safe|god|alright|al right|chiling|chilin)\b"
    r"|\b(?:ich bin|wir sind|bin|sind|mir ist|uns ist) (?:jetzt |wieder |hier )?(?:ok|okay|sicher|in sicherheit|wohlauf|unverletzt|nix pasiert|nichts pasiert)\b"
    r"|\b(?:mir|uns) (?:geht s|gehts|geht es) (?:\w+ )?(?:gut|ok|okay)\b|\bpast (?:schon|ales)\b|\bno wories\b|\bkeine sorge\b"
    # "Ich habe doch geschrieben, dass nichts ist", "I said nothing is going on"
    r"|\b(?:das|dass) (?:nichts|nix) (?:ist|los ist|pasiert ist)\b|\bnothing (?:is |s )?(?:wrong|going on|happening)\b"
    # "Only the gnomes were harmed.", "nobody got hurt", "niemand wurde verletzt"
    r"|^only (?:the |my |our )?\w+ (?:was|were|got) (?:harmed|hurt|damaged)\b"
    # "Only to my blood pressure.", "höchstens für meine Nerven"
    r"|^(?:only|just|nur|hochstens) (?:to |for |fur )?(?:my|our|meine|meinen|meinem|unsere) (?:blod presure|blutdruck|nerves?|nerven|pride|stolz|ego|sanity|mod|laune|patience|gedu?ld)\b"
    r"|\b(?:nobody|no one|niemand|keiner) (?:was |got |wurde |ist |is )?(?:hurt|harmed|injured|verletzt)\b"
)
NOT_CLEAR = re.compile(r"\b(?:nicht|not|nix|never|kein|nich|net|ni) (?:\w+ )?(?:ok|okay|fine|gut|sicher|safe|god|in ordnung)\b")
# A relative named: "mein Sohn ist weg" is no all-clear, however it reads ("… ist weg").
RELATIVE = re.compile(
    r"\b(?:mein|meine|meinen|meinem|meiner|unser|unsere|unseren|unserem|my|our)\s+(?:\w+\s+)?(?:sohn|tochter|kind|kinder|kleine|kleiner"
    r"|kleinen|frau|man|muter|vater|mama|papa|mutti|vati|oma|opa|enkel\w*|hund|son|daughter|kid|kids|child|children|wife|husband"
    r"|mother|mum|mom|father|dad|grandma|grandpa|baby|dog|boy|girl|junge|madchen)\b"
)

# An answer given as an emoji alone ("🤷" at a yes/no question); skin tones and joiners aside.
EMOJI_ANSWERS = {"🤷": UNKNOWN, "🤔": UNKNOWN, "👍": YES, "✅": YES, "👎": NO, "❌": NO, "🙅": NO}
# The topic of the question said back before the answer: "gefahr nee", "politisch ja klar".
ECHOES = frozenset("""gefahr gefahrlich danger internet online netz familie family zuhause home extremistisch
    extremist politisch political mehrmals wiederholt before again gruppe symbole""".split())


# A local dispute named as the reason at the motive question ("wg windpark halt", "die
# windrad gegner"): political in a sense, extremist perhaps not; a leaning "don't know",
# shown as taken, rather than "not understood" (an old mayor, stop 48).
LOCAL_DISPUTE = re.compile(r"\b(?:windpark\w*|windkraft\w*|windrad\w*|windrader\w*|wind ?farm\w*|wind turbine\w*|solarpark\w*"
                           r"|umgehungsstra\w*|bebauungsplan\w*|gewerbegebiet\w*|bypass|zoning)\b")
