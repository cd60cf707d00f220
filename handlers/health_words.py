"""What someone says about how they feel now after an attack: signs that need a doctor today
("mir is seit heut früh schwindlig und übel" after a blow to the head), read on folded text."""

from __future__ import annotations

import re

from handlers.answers import fold

# Symptoms told as now (not "war kurz schwindlig, jetzt geht's"): dizziness, nausea, vomiting,
# headache, blurred or double vision, passing out, short of breath.
SYMPTOMS = re.compile(
    r"\b(?:schwindlig|schwindelig|schwindel|ubelkeit|erbrech\w*|erbrochen|ubergeben|kopfschmerz\w*|kopfweh"
    r"|sehe doppelt|doppelt sehen|bewusstlos|ohnmachtig|atemnot|kaum luft"
    r"|dizzy|nauseous|nausea|throwing up|threw up|vomit\w*|headache|seeing double|passed out|blacked out"
    r"|can t breathe|cant breathe|short of breath"
    # after a letter with powder: "Sie klagt über Kratzen im Hals" (a clerk, stop 49)
    r"|kratzen im hals|kratzt im hals|halskratzen|hustet|juckreiz|brennen in den augen|augen brennen|hautausschlag"
    r"|scratchy throat|throat is scratchy|coughing|itching|eyes are burning|burning eyes|rash)\b"
    # not "sick of this" (fed up); not a blurry photo ("verschwommen", "blurry" are left out)
    r"|\b(?:mir|mir ist|mir is|mir wird|i feel|feeling|i m|im) (?:so |total |ganz |voll |really |kinda |a bit )?(?:ubel|sick)\b(?! of\b)")
_NOT = re.compile(r"\b(?:nicht|nich|net|ni|kein|keine|keinen|nie|not|no|never|nicht mehr|no longer)(?: \w+)? $")
_OVER = re.compile(r"\b(?:war|was|kurz|vorhin|jetzt geht s|jetzt gehts|now fine|im fine now|better now|wieder gut|vorbei)\b")


# Hurt now, or asking whether to go to hospital: "muss ich ins krankenhaus? nase blutet wie sau".
HURT_NOW = re.compile(
    r"\b(?:krankenhaus|notaufnahme|arzt|notarzt|hospital|a and e|er|doctor|ambulance|krankenwagen)\b(?: \w+){0,3}\?"
    r"|\b(?:muss|mus|soll|sollte|should|do) (?:ich|i)(?: \w+){0,2} (?:ins krankenhaus|in die notaufnahme|zum arzt|to (?:the )?hospital"
    r"|to (?:a |the )?doctor|to a and e)\b"
    r"|\b(?:blutet|blute|bluten|bleeding|bleed|gebrochen|broken|platzwunde)\b")


def hurt_now(text: str) -> bool:
    """Hurt now, or asking whether to see a doctor, at the 110 advice."""
    folded = fold(text)
    return tells_symptoms(text) or any(not _NOT.search(folded[:m.start()]) for m in HURT_NOW.finditer(folded))


def tells_symptoms(text: str) -> bool:
    """Whether `text` tells of symptoms now that a doctor should see today."""
    folded = fold(text)
    for found in SYMPTOMS.finditer(folded):
        if not _NOT.search(folded[:found.start()]) and not _OVER.search(folded[found.end():found.end() + 30]):
            return True
    return False
