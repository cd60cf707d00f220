"""What someone in danger says about calling for help: asks whether to call 110, has not
called yet, help is on its way, it is over now, or supposes a case that is not happening.

Pure readers of one reply (folded text in, yes or no out); handlers/triage.py decides what
the bot says to each after the 110 advice (`_about_the_call`, `_police_asked`).
"""

from __future__ import annotations

import re

from handlers.answers import interpret
from knowledge.concepts import says_safe
from knowledge.features import fold

# Supposed, not happening: "Angenommen, jemand steht nachts vor meiner Tür", "if a car ever starts following me".
SUPPOSED = re.compile(r"\b(?:angenommen|if|wenn|wenns|falls|ever|jemals|in advance|vorsorglich|im voraus|hypothetisch\w*"
                       r"|hypothetical\w*|theoretisch|theoretically|zahlt (?:es|das) als|counts? as"
                       # the next time: "and when he come again tomorrow? i call 110 again or the Revier?"
                       r"|next time|nachste\w* mal|when (?:he|she|they|it) (?:come|comes|shows? up|is back|are back|returns?))\b")
# Someone coming back, supposed: "und wenn der Mann wiederkommt, 110 oder Revier?" (folded).
COMES_BACK = re.compile(r"\b(?:wiederkommt|wiederkommen|wieder kommt|wieder kommen|wieder da ist|wieder auftaucht|wieder vor"
                        r"|wieder steht|zuruckkommt|zuruck kommt|comes back|come back|shows up again|is back|returns"
                        # the bell or a knock at night again: "if it rings again tonight at 2am, 110?"
                        r"|klingelt wieder|wieder klingelt|klingelt nochmal|klopft wieder|wieder klopft|rings again|ring again"
                        r"|knocks again|knock again|at the door again|an der tur)\b")
# Said not to be an emergency ("kein Notfall", "nothing urgent", "or is that only for emergencies").
NO_EMERGENCY = re.compile(r"\b(?:no|kein|keine|keinen|not|nicht|nothing|nichts|nix)\s+(?:\w+\s+){0,2}(?:emergency|notfall|akut\w*|urgent|dringend\w*)\b"
                           r"|\b(?:only|nur) (?:for|fur|bei|in) (?:emergenc\w*|notfall\w*|an emergency|a real emergency)\b")


NOT_CALLED_WORDS = 6  # "nee hab noch net angerufen": about the call only, no answer to the question

# Asking whether to call the police now ("soll ich jetzt 110 anrufen oder was", "should I call
# the police?"): the 110 line comes first, whatever else the reply answers.
ASKS_TO_CALL = re.compile(
    r"\b(?:soll|sollte|sollen|muss|mus|kann) (?:ich|wir) (?:(?:jetzt|nun|gleich|sofort|dann|wieder|lieber|einfach|direkt|trotzdem|noch|echt|wirklich|besser|vielleicht|doch) )*(?:die |den )?"
    r"(?:polizei|110|112|notruf|bullen)(?: \w+)? (?:an)?(?:rufen|wahlen|holen)\b"
    r"|\b(?:should|shall|do|must|can) (?:i|we) (?:(?:now|still|just|really|actually|maybe|even|already) )*call (?:the )?(?:police|cops|110|112|emergency)\b(?! (?:if|when|before)\b)"
    # the right number for it: "is 110 the right number for this", "110 oder revier?"
    r"|\b(?:is|ist|isn|is it) (?:the |die )?(?:110|112|notruf|emergency number)\b(?: \w+){0,4} (?:right|richtig\w*|correct|for this|for that|dafur|hierfur|zustandig)\b"
    r"|\b(?:110|notruf)(?: again| wieder| nochmal| noch mal)?(?: anrufen| rufen| wahlen| call)? (?:oder|or) (?:\w+ ){0,2}(?:revier|station|wache|polizeirevier|dienststelle|onlinewache)\b"
    r"|\b(?:revier|station|wache|dienststelle) (?:oder|or) (?:\w+ ){0,2}110\b"
)
_CALL_WORDS = ("polizei", "110", "112", "notruf", "bullen", "police", "cops", "emergency")


# Not called yet ("nee hab noch net angerufen", "Polizei hab ich noch nicht gerufen", "haven't
# called the police yet"); not someone else's call ("er hat mich nicht angerufen").
NOT_CALLED = re.compile(
    r"(?<!hat mich )(?<!hat uns )(?<!haben mich )(?<!haben uns )"
    r"\b(?:noch nicht|noch net|noch nich|noch ni|nicht|net|nich|keinen|keine)"
    r"(?: (?:die|den|der))?(?: (?:polizei|110|112|notruf|bullen|cops|streife))?"
    r" (?:angerufen|angerufn|gerufen|gerufn|gewahlt|alarmiert|verstandigt)\b"
    r"|\b(?:haven t|havent|have not|hasn t|hasnt|has not|didn t|didnt|did not|not yet)(?: (?:yet|even|actually))?"
    r" (?:called|call|rung|ring|phoned|phone|dialled|dialed|dial)\b(?! me\b| us\b| back\b)"
)
_CALLED_WORDS = ("rufen", "gerufen", "gewahlt", "alarmiert", "verstandigt", "call", "rung", "phone", "dial", "ring")


# Help called and coming ("hab angerufen, die kommen", "police are on their way"); not the
# attackers coming back ("die kommen wieder"), not help that is not coming, and (checked where
# it is used) not with a scene the rules see ("polizei ist unterwegs, er tritt die tür ein").
HELP_COMING = re.compile(
    r"\b(?:polizei|streife|bullen|feu?rwehr|krankenwagen|rettungswagen|notarzt|police|cops|officers|ambulance)"
    r"(?: \w+){0,2} (?:kommt|kommen|ist unterwegs|sind unterwegs|is coming|are coming|s coming|re coming|is on (?:its|the) way"
    r"|are on (?:their|the) way|re on (?:their|the) way|on the way|unterwegs)\b"
    # "Der Notruf ist abgesetzt." (a clerk): the call made, in office German
    r"|\b(?:notruf|110|112) (?:ist|wurde|wurden|haben wir|hab ich|habe ich) (?:\w+ )?(?:abgesetzt|getatigt|ausgelost)\b"
    r"|\b(?:angerufen|gerufen|gewahlt|alarmiert|verstandigt|informiert|geflustert|angeflustert|called|rang|phoned|called them|rung"
    r"|dialled|dialed|whispered|texted)\b(?: \w+){0,4}"
    r" (?:kommt|kommen|unterwegs|coming|on their way|on the way|on its way)\b"
    # "hab 110 geflüstert, die kommen": the number called, by whatever verb, and them coming
    r"|\b(?:110|112|notruf|polizei|police|cops)\b(?: \w+){0,3} (?:die|sie|they|them|they re|theyre) (?:kommen|kommt|sind unterwegs|are coming|re coming|coming|on their way)\b"
    # told, or sending someone: "polizei und feuerwehr sind informiert", "they're sending a car"
    r"|\b(?:polizei|feu?rwehr|police|cops|fire brigade|firefighters)(?: \w+){0,3} (?:sind|ist|is|are|have been|has been|wurde|wurden)"
    r" (?:informiert|benachrichtigt|alarmiert|verstandigt|gerufen|informed|notified|alerted|called)\b"
    r"|\b(?:sending|send|schicken|schickt) (?:a car|a patrol|someone|officers|a unit|an ambulance|einen wagen|eine streife|jemand\w*|wen)\b"
    # "polizei fährt hin", "die streife fährt vorbei", "cops are driving over"
    r"|\b(?:polizei|streife|police|cops)(?: \w+){0,2} (?:fahrt|fahren|faehrt) (?:hin|vorbei|los|raus|dahin)\b"
    r"|\b(?:police|cops) (?:are|is|re) (?:driving|heading) (?:over|there|here)\b"
    # a patrol promised: "they said a car will drive past later", "die streife fährt nachher vorbei"
    r"|\b(?:a car|a patrol|patrol car|police car|streife|streifenwagen|ein wagen|einen wagen|polizei|police|cops)"
    r" (?:will|ll|is going to|are going to|gonna|wird|werden|kommt|fahrt|faehrt)(?: \w+){0,2}"
    r" (?:drive (?:past|by|round|over)|come (?:by|round|over|past)|swing by|vorbeifahren|vorbeikommen|vorbei)\b"
    # called, then what they said: "ok called them. they were nice, ..."
    r"|^(?:(?:ok|okay|oke|so|yeah|yes|ja|gut) )*(?:i |we |ich |wir )?(?:have |ve |hab |habe )?(?:just |already |grad |schon )?"
    r"(?:called them|called the police|called the cops|called 110|rang them|phoned them|hab sie angerufen|hab angerufen)\b"
    # called, in the perfect: "hab die polizei gerufen", "110 is angerufen", "i called the cops"
    r"|\b(?:hab|habe|haben|hatte|hab ich|ich hab|ich habe|wir haben)(?: \w+){0,2} (?:die polizei|polizei|110|112|den notruf|notruf|die bullen)"
    r"(?: \w+)? (?:gerufen|angerufen|gewahlt|alarmiert|verstandigt|informiert)\b"
    r"|\b(?:110|112|polizei|notruf)(?: \w+)? (?:is|ist|sind) (?:schon |bereits )?(?:angerufen|gerufen|alarmiert|informiert|verstandigt)\b"
    r"|\b(?:i|we|just|already|ive|i ve|we ve)(?: \w+)? (?:called|rang|phoned|dialled|dialed|rung) (?:the )?(?:police|cops|110|112|911|emergency)\b"
    # "ok we're all outside across the street, called 110" (not called yet is read before this)
    r"|\b(?:called|rang|phoned|dialled|dialed) (?:the )?(?:police|cops|110|112|911)\b"
    # called, said bare at the advice: "ok i called", "ok hab angerufen", "hab grad angerufen"
    r"|^(?:(?:ok|okay|oke|ja|yes|yeah|yep|so|gut) )*(?:(?:ich |i |we |wir )?(?:hab|habe|haben|have|ve|ve just|just|already|grad|gerade|schon) )*"
    r"(?:angerufen|gerufen|called|rang|phoned|called them|called it in)(?: (?:schon|already|now|jetzt|grad|gerade|them|sie))?$"
    # someone else has called: "Kollegin hat 110 gewählt", "mein Mann hat die Polizei gerufen"
    r"|\b(?:hat|haben) (?:die |den |schon |bereits |grad |gerade )*(?:110|112|polizei|notruf|feu?rwehr|bullen)"
    r"(?: \w+)? (?:gewahlt|gerufen|angerufen|alarmiert|verstandigt|informiert)\b"
    # someone else calling now: "sms nachbar, er ruft 110", "my neighbour is calling the police"
    r"|\b(?:er|sie|nachbar\w*|kolleg\w*|mann|frau|jemand|he|she|neighbou?r|colleague|husband|wife|someone)"
    r"(?: \w+)? (?:ruft|rufen|wahlt|alarmiert|is calling|s calling|are calling|calls|has called|called)"
    r"(?: (?:die|den|gerade|grad|jetzt|now|the|already|schon))* (?:110|polizei|notruf|police|cops|911|112)\b"
)
HELP_NOT_COMING = re.compile(r"\b(?:nicht|net|nich|keiner|niemand|not|isn t|aren t|nobody|no one|noch nicht)\b"
                             r"(?: \w+){0,2} (?:kommt|kommen|coming|unterwegs|on (?:their|the|its) way)\b"
                             r"|\b(?:kommt|kommen|coming)(?: \w+)? (?:nicht|net|nich|not)\b|\bwieder\b|\bback\b|\bzuruck\b"
                             # asked, not told: "ich frage nur ob polizei kommen zu laden", "kann polizei kommen?"
                             r"|\b(?:ob|whether|if|kann|konnen|konnte|can|could|would)(?: \w+){0,2} (?:polizei|police|cops|jemand|someone)\b"
                             # "not called 110 yet", "should i have called the police"
                             r"|\b(?:not|never|havent|haven t|hasnt|hasn t|didnt|didn t|should|shall|could|must)(?: \w+){0,2}"
                             r" (?:called|rang|phoned|dialled|dialed)\b")


# 110 dictated or spelled out ("hab eins eins null angerufen"), folded.
_SPOKEN_NUMBERS = re.compile(r"\b(?:eins eins null|eins eins zwei|one one zero|one one two|hundertzehn|einhundertzehn)\b")
_AS_DIGITS = {"eins eins null": "110", "eins eins zwei": "112", "one one zero": "110", "one one two": "112",
              "hundertzehn": "110", "einhundertzehn": "110"}


def numbers_as_digits(folded: str) -> str:
    """Folded text with 110 and 112 as digits however they were dictated."""
    return _SPOKEN_NUMBERS.sub(lambda m: _AS_DIGITS[m.group(0)], folded) if "eins" in folded or "one" in folded \
        or "hundert" in folded else folded


def help_coming(text: str) -> bool:
    folded = numbers_as_digits(fold(text))
    return bool(HELP_COMING.search(folded)) and not HELP_NOT_COMING.search(folded)


SAFE_NOW_WORDS = 8  # "ok die polizei ist jetzt da und er ist weg"
# Fillers before such a reply, no answer word: "ok the police are there now".
_FILLER = re.compile(r"^\s*(?:(?:ok|okay|oke|okey|so|well|alright|also|gut|na|nu)\b[\s,.!]*)+", re.IGNORECASE)


def only_safe_now(text: str, lang: str) -> bool:
    """A short reply that only says it is over or the police are there, with no answer word."""
    folded = fold(text)
    told = _FILLER.sub("", text)  # "ok the police are there now": the "ok" says no yes to the question
    return len(folded.split()) <= SAFE_NOW_WORDS and says_safe(folded) and interpret(told, lang).meaning is None


# Help is there now: "feuerwehr is da löschen grad", "the police are here" (folded).
HELP_HERE = re.compile(
    r"\b(?:polizei|polizisten|streife|feu?rwehr|krankenwagen|rettungswagen|notarzt|sanis|police|cops|officers|fire brigade"
    r"|firefighters|ambulance|paramedics)\b(?: (?:is|ist|sind|are|s|re|jetzt|now|grad|gerade|schon|already|endlich|finally))*"
    r" (?:da|hier|here|there|angekommen|eingetroffen|arrived|on site|on the scene)\b")


def help_here(text: str) -> bool:
    folded = numbers_as_digits(fold(text))
    return bool(HELP_HERE.search(folded)) and not HELP_NOT_COMING.search(folded)


def not_called(text: str) -> bool:
    folded = fold(text)
    return any(w in folded for w in _CALLED_WORDS) and bool(NOT_CALLED.search(folded))


def asks_to_call(text: str) -> bool:
    lowered = text.lower()  # every reply passes here: the expression runs only where a call word is
    return any(w in lowered for w in _CALL_WORDS) and bool(ASKS_TO_CALL.search(fold(text)))


# Asking whether to open the door or the thing that came ("soll ich aufmachen??", "should i
# open?? maybe its just a drunk neighbor", "soll ich das paket öffnen"), folded.
ASKS_TO_OPEN = re.compile(
    r"\b(?:soll|sollte|sollen|kann|darf|muss) (?:ich|wir) (?:(?:jetzt|nun|die tur|das|den|die|es|ihn|ihm|ihnen|mal|einfach|lieber) )*"
    r"(?:aufmachen|aufmache|offnen|auf machen|ausmachen|reinlassen|rein lassen|auspacken)\b"
    r"|\b(?:tur|das|den|es) (?:auf)?machen\?|\b(?:should|shall|can|do) (?:i|we) (?:just |even )?(?:open|answer|let (?:him|her|them) in|unpack)\b"
)
# Whether to go out to the person: "Soll ich rausgehen und mit ihm reden, ich kenne ihn vielleicht?" (stop 49)
ASKS_TO_GO_OUT = re.compile(
    r"\b(?:soll|sollte|sollen|solln|kann|darf) (?:ich|wir) (?:(?:jetzt|nun|mal|einfach|lieber|nicht) )*(?:rausgehen|raus gehen|nach drau\w+ gehen"
    r"|zu ihm gehen|zu ihnen gehen|mit ihm reden|mit ihm sprechen|mit denen reden|mit ihnen reden)\b"
    r"|\b(?:should|shall|can) (?:i|we) (?:just )?(?:go out|go outside|step out|talk to (?:him|them)|go talk to|confront)\b"
)


# Whether to leave or stay with a suspicious thing at the door: "solln wir hinten raus?",
# "solln wir raus oder drinbleiben", "should we get out the back".
ASKS_TO_LEAVE = re.compile(
    r"\b(?:soll|sollte|sollen|solln|konnen|konn|durfen|mussen|muss) (?:ich|wir) (?:\w+ ){0,2}(?:raus|hinaus|rausgehen|weg|drin ?bleiben"
    r"|drinnen bleiben|im haus bleiben)\b|\b(?:raus|hinaus|rausgehen) oder (?:drin|drinnen|hier)\b"
    r"|\b(?:should|shall|can|do) (?:i|we) (?:\w+ ){0,2}(?:get out|leave|go out|stay inside|stay in|stay put)\b")


def asks_to_leave(text: str) -> bool:
    return bool(ASKS_TO_LEAVE.search(fold(text)))


def asks_to_go_out(text: str) -> bool:
    """Asks whether to go out to the person or talk to them."""
    return bool(ASKS_TO_GO_OUT.search(fold(text)))


def asks_to_open(text: str) -> bool:
    """Asks whether to open the door or the suspicious thing: "soll ich aufmachen??"."""
    return bool(ASKS_TO_OPEN.search(fold(text)))


# No fire after all: "es brennt doch ni!!", "Es brennt nicht, das war eine Redewendung!",
# "theres no fire lol", "not literally on fire" (folded).
FIRE_DENIED = re.compile(
    r"\b(?:brennt|brennts|brennen)(?: (?:doch|ja|gar|hier|bei uns|es|uberhaupt|eigentlich|wirklich|echt))* (?:nicht|nich|ni|net|ned|nix|nichts)\b"
    r"(?! mehr\b)|\b(?:kein|keen|keinen) (?:feur|brand|rauch)\b|\b(?:no|not a|there s no|theres no|there is no) (?:fire|smoke)\b"
    r"|\bnothing (?:is )?(?:burning|on fire)\b|\bnot (?:actually |literally |really )?(?:burning|on fire)\b"
    r"|\b(?:redewendung|bildlich|ubertragenen sinn|nicht wortlich|nicht wortlich gemeint|figure of speech|not literally|metaphor|figuratively)\b")



# No object after all: "there is no bombe, it is only comment on facebook!", "da is keine bombe,
# das war nur ein kommentar" (a councillor, stop 49; folded).
OBJECT_DENIED = re.compile(
    r"\b(?:kein|keine|keen|keene|no|not a|there s no|theres no|there is no|there isnt a|there is not a|it s not a|its not a|is not a)"
    r" (?:echte |real |actual |richtige )?(?:bomb\w*|sprengsatz|paket|packet|package|parcel|brief|letter|pulver|powder|object|gegenstand)\b"
    r"|\b(?:nur|only|just) (?:ein |eine |a |an |n |ne |nen )?(?:kommentar\w*|comment\w*|post|posting|nachricht|message|text|spruch|drohung|threat)\b")

# What denies each scene's own advice (handlers.answers.SCENES), read only at that advice.
SCENE_DENIED = {"emergency_fire": FIRE_DENIED, "emergency_object": OBJECT_DENIED}


def denied_scene(scene: str | None, text: str) -> re.Pattern[str] | None:
    """The denial of `scene` that `text` says ("Es brennt nicht, das war eine Redewendung!", "there
    is no bombe, it is only comment on facebook!"), if any."""
    denial = SCENE_DENIED.get(scene or "")
    return denial if denial is not None and denial.search(fold(text)) else None


# It was harmless after all: "die polizei war da. war n monteur … peinlich", "turned out it was
# just the neighbour" (folded).
HARMLESS = re.compile(
    r"\b(?:war|was|it was|its|it s|es war|das war)(?: (?:doch|aber|halt|eh))? (?:nur|bloss|blos|just|only|n|ne|nen) "
    r"(?:(?:ein|eine|einer|der|die|das|the|a|an|my|mein|meine|unser|unsere) )?"
    r"(?:monteur\w*|handwerker\w*|nachbar\w*|postbot\w*|paketbot\w*|bote|lieferant\w*|katze|hund|fuchs|wind|jugendlich\w*"
    r"|kinder|kids|teenager|neighbou?r|postman|delivery\w*|courier|cat|dog|fox|plumber|technician|electrician|workm[ae]n|friend\w*"
    r"|freund\w*|bekannt\w*|schornsteinfeger|ablesung|ableser|zeitungsbot\w*)\b"
    # a tradesman, named without "nur": "nein das war der postbote"
    r"|\b(?:war|was|it was|es war|das war|its|it s|es ist|das ist|is)(?: (?:doch|aber|halt|eh|just|only|nur))? (?:der|die|ein|eine|the|a|an) "
    r"(?:postbot\w*|paketbot\w*|lieferant\w*|monteur\w*|handwerker\w*|schornsteinfeger|ableser|zeitungsbot\w*"
    r"|postman|mailman|delivery (?:guy|man|driver)|courier|plumber|technician|electrician|glazier|glaser|glass guy|locksmith"
    r"|schlusseldienst|handyman|repair guy|repairman)\b"
    r"|\b(?:turned out|stellte sich heraus|war harmlos|was harmless|fehlalarm|false alarm|falscher alarm|blinder alarm"
    r"|entwarnung|my bad|mein fehler)\b"
    # "das is der nachbar der sucht seine katze", "he was just looking for his dog"
    r"|\b(?:sucht|suchte|suchen|looking for|looked for|searching for)(?: nach)? (?:seine|seinen|ihre|ihren|sein|ihr|die|den|das|his|her|their|the)"
    r" (?:katze|kater|hund|hunde|katzchen|cat|dog|kitten|puppy)\b")


# Not now but later: "ist doch erst MORGEN", "thats not till tomorrow" at the 110 advice (folded).
NOT_YET = re.compile(
    r"\b(?:ist|is|war|that s|thats|it s|its)(?: (?:doch|ja|only|not))? (?:erst|until|till|not until|not till) "
    r"(?:morgen|ubermorgen|nachste woche|tomorrow|next week|am (?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)"
    r"|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|\b(?:erst|not (?:until|till)) (?:morgen|ubermorgen|tomorrow)\b")


def not_yet(text: str) -> bool:
    return bool(NOT_YET.search(fold(text)))


def harmless(text: str) -> bool:
    return bool(HARMLESS.search(fold(text)))


def calm_about_calling(text: str) -> bool:
    """Said not to be an emergency, or only supposed: "There is no emergency, should we call
    110 for that?", "If a crowd ever gathered outside my house, would I call 110?"."""
    folded = fold(text)
    return NO_EMERGENCY.search(folded) is not None or SUPPOSED.search(folded) is not None


# Asked whether to call anyway, with nothing going on: "Draußen ist alles ruhig. Soll ich
# trotzdem die Polizei rufen?" (before any 110 advice; after it, "trotzdem" asks about the danger told).
ANYWAY = re.compile(r"\b(?:trotzdem|dennoch|anyway|anyways|still|nevertheless)\b")
