"""Danger now: clear cases, alarm words alone, negations and past events (written for this test)."""

from __future__ import annotations

import pytest

from knowledge.base import Knowledge
from knowledge.concepts import concepts
from knowledge.danger import DangerRules, decide
from knowledge.features import fold

DANGER = [
    # the cables told apart from the box (a blind writer's intern; its model reading fell under 0.8 at stop 43)
    "There is a box in front of the mayor's office door, nobody knows who put it. No sender and there are some cables coming out.",
    "ich werde gerade im wahlkampf verfolgt, der ist noch hinter mir",  # a campaign is a habit, "gerade" is now
    "I am being followed right now while canvassing",
    # the long way to now: months told in the past, then a sentence that opens with now and tells
    # the scene (training writer DC, stop 37; the model reads the whole as a report)
    "district councillor, görlitz. threats for months after my speech on refugees, all reported, nothing came of it. "
    "now: someone hammering on my flat door. shouting he'll stab me the moment i open. not a voice i know. "
    "i'm in the bedroom with the door shut.",
    # a threat's "tomorrow" shouted by someone there for minutes (never-trained writer, stop 37)
    "keeps saying I won't see tomorrow, he's been there 15 mins",
    "jetzt reichts, der steht schon wieder vor meiner tür und brüllt",
    # cornered now (not "cornered me after the session and said ...")
    "they've cornered me in the parking lot behind the school",
    "they got me cornered in the Bauhof yard",
    # following now: "again" and a place it started are no habit
    "er fährt mir schon wieder hinterher",
    "seit pirna fährt mir ein schwarzer kombi hinterher",
    # the police there, and the man with a knife back
    "polizei nimmt gerade alles auf, aber der typ steht wieder mit messer vorm haus",
    "police are still here but he is still outside with a knife",
    "ein Mann kommt immer näher und sagt, er weiß, wer ich bin",  # more and more: now, no habit
    "emergency at the market stand in Zittau, three blokes ripping our banner and shoving my colleague",
    "nu da sin welche uffm dach vom schuppen un rufen meinen namen",
    "Der Mann ist zurückgekehrt und befindet sich erneut vor dem Eingang.",
    "jetz isser drin!! hat die terrassentür aufgehebelt",
    "wait. someone just rang the bell twice and nobody's supposed to be coming",
    "Hilfe", "hilfe!!!", "Help", "SOS", "Notfall", "Notfall bitte schnell", "HILFEEE",
    "hammering on the front door and yelling they know I'm home, I'm alone",
    "Er steht gerade vor meiner Tür und schreit",
    "Es brennt in unserem Treppenhaus",
    "Da ist ein Mann mit einem Messer im Garten",
    "Ich werde gerade verfolgt",
    "mein mann blutet stark",
    "jemand versucht gerade bei uns einzubrechen",
    "Someone is banging on my door right now",
    "there's a man with a gun outside",
    "I'm being followed right now",
    "my car is on fire",
    "Ich bin in Gefahr",
    # Still going on, or someone hurt, outweighs a line that sounds like it is over; being
    # held lasts while it is said.
    "der eine ist weg, der andere wartet noch am auto",
    "die zwei halten mich am Parkplatz fest und lassen mich nicht gehen",
    "three guys have me cornered behind the gym",
    "die sind abgehauen aber der rucksack an der tür tickt",
    "Ein Mann befindet sich gegenwärtig im Bürgerbüro und bedroht die Kollegin",
    "they left but my husband is bleeding from the head",
    "Guten Morgen, vor unserem Haus stehen drei Männer mit Knüppeln",
    # On the road a chase is told while it happens; "every turn" is the sign of now there.
    "seit der ausfahrt meißen fährt mir ein weißer transporter hinterher, jedes mal wenn ich abbiege",
    "silver bmw behind me since the A4, it takes every turn i take",
    "der drängt mich auf der landstraße immer wieder an den rand",
    # Typed in a hurry: one slip of the thumb in the words that matter most.
    "hilfr", "hlife bitte", "ich werde verfolt",
    # Burning, hurt or held in the present tense, whatever came before.
    "die haben einen Brandsatz geworfen, das Bürgerbüro brennt",
    "somebody sprayed something in my face, i cant see anything",
    "die zwei ham mich an die wand gedrückt und lassen mich ni los",
    "bin vielleicht paranoid aber der steigt jetzt aus dem auto und kommt zur tür",
    # In the present tense, whatever came before; a powder letter; someone taking a child.
    "der hat meinen mann aus dem auto gezogen und zerrt ihn über den hof",
    "mein bruder wird vor dem vereinsheim zusammengeschlagen!!",
    "die demo ist zu uns weitergezogen, die sind schon im vorgarten",
    "he's got a knife",
    "a grey car has been behind my car since the A72 exit, every turn i take",
    "hab den brief aufgemacht, weißes pulver überall auf meinen händen",
    "anruf vom hort: ein fremder mann will meine tochter mitnehmen",
    "da is einer am fenster",
    "brauche hilfe, der sprüht grad mit pfefferspray",  # no question about carrying one
    "er hat mich geschlagen, ich bin verletzt",
    "my husband is hurt, the guy is still outside",
    # a fresh writer's first messages and replies (4 December, afternoon)
    "dor is ä auto hinner mir seit dr ausfahrt zittau, fährt jede kurve mit, ich trau mich ni heeme",
    "Auf der Motorhaube liegt ein Zettel „Wir wissen wo du wohnst“ und der Kerl, der ihn hingelegt hat, steht noch auf der anderen Straßenseite",
    "Anruf mit unterdrückter Nummer: „Schau mal aus dem Fenster.“ Da steht einer mit Sturmhaube vor meinem Schlafzimmerfenster und filmt.",
    "das paket zischt",
    "A man is here, he says he will kill the mayor, he is in the corridor, the mayor is in her office",
    "Er steht vor der Tür und sagt, er wird mich umbringen",
    "I bin mir net sicher obs politisch is. Aber der Kerl steht grad in meim Garten zwischen de Beete und guckt rauf.",
    "ey der steht mit seinem handy im hausflur und livestreamt vor meiner wohnungstür 📱",
    "paket vorm gemeindeamt, steht „für den verräter“ drauf, es raucht leicht aus der ecke",
    "I answered the door and someone sprayed something in my eyes, I can't see properly and he's still out there",
    "Nu gugge mal, do is eener uffm Hof und schmeißt Steene an de Scheibn, mei Frau heult, was soll isch machn",
    "Mann ist in meine Imbiss mit Baseballschläger, er macht alles kaputt und sagt, ich soll raus aus Rat.",
    "multi-storey car park, level 3, dark. guy leaning against my driver's door, won't move.",
    "being followed since the station, same guy for 3 streets, I'm a candidate, walking fast, where do I go",
    "About thirty people with flags and a megaphone have gathered outside my house. My two children are inside with me.",
    # Begun a moment ago; shut in with someone (a development writer's misses, 4 December evening).
    "Visiting my mum in hospital. The man who attacked me last month is in the same corridor and has just started walking towards me.",
    "Not sure if this is the right place but I'm stuck in the lift at the district office with a man who just told me he "
    "knows who I am and pulled a screwdriver out of his jacket. The lift isn't moving.",
    # Someone else's emergency, relayed: a cry on the phone, then the line dead.
    "der ex meiner tochter ist bei ihr eingedrungen, sie hat mich angerufen und geschrien, dann war die leitung tot",
    "my wife called screaming and then the line went dead",
    # A fresh writer's first read (danger-fresh5): at the lock, windows going while a crowd grows,
    # wires out of a parcel that bears a quote, an injury told now beside a quote.
    "Guten Abend, ich bin Gemeinderätin in Oppach. An meiner Haustür macht sich ein Mann am Schloss zu schaffen.",
    "Es werden immer mehr, bestimmt 80 vorm Gemeindeamt, keine Polizei da, die ersten Scheiben gehen kaputt",
    "Karton auf meiner Fußmatte, draufgeschrieben „für den Verräter“, da gucken Drähte raus. Was mach ich",
    "my son just came in bleeding, he got jumped for being “the mayor's kid”, the lads are still out in the street",
    "Vor meinem Haus steht einer und schreit",  # the house in front of which someone stands is no thing that stands
    # stop 30: attacks the model reads (the rules see the attack, not its now)
    "ein Mann hat den Feuerlöscher von der Wand gerissen und geht auf die Bürgermeisterin los",
    "da kommt einer mit einem hund ohne leine und hetzt den auf unsere leute",
    # a habit told, then the scene now
    "I am being followed for weeks and right now he is behind me",
    "ich werde verfolgt, schon das 3. mal diese woche, er ist jetzt hinter mir",
    "seit 10 minuten läuft mir einer hinterher",  # a span of minutes is the chase now
    "ich werde gerade von drei männern bedrängt, die lassen mich nicht vorbei",  # not let past is no "vorbei"
    "meine frau wird vor dem rathaus bedrängt",
    "er steht jetzt schon zum zweiten mal vor meiner tür",  # a count up to now, and now
    "they are holding my wife in the car park",
]
NOT_DANGER = [
    # a long story and a "now" that asks for advice; "the police. Now ..." is two sentences
    "Over the last months I had letters, an egg attack on my car and two visits by a man at my door, all reported to "
    "the police. Now I just want to know who else can advise me, because my family is worried.",
    "Seit der Abstimmung im März bekomme ich Briefe, zweimal stand einer nachts vor dem Haus, die Polizei hat alles "
    "aufgenommen. Jetzt möchte ich das endlich einmal richtig melden und wissen, an wen ich mich wenden kann.",
    # "in that sense" is no scythe ("Sense")
    "No, it's about money and land. Not political in that sense.",
    # shouting as a habit, in the past, or online is no one there now
    "In der Ratssitzung rufen sie dann immer 'Lügner', jedes Mal",
    "gestern haben die vorm rathaus gerufen 'du bist dran'",
    "im netz schreien alle dass ich zurücktreten soll",
    # a voice humming is no device; a knife drawn on a note is a drawing; following online; weighing
    # whether to call the police; tired now (training writers CP and CR, stop 37)
    "Voicemail from a blocked number: just someone humming a funeral march, then saying my full name very slowly.",
    "Somebody stuck a paper on our shop door, 'Du bist der nächste', with a knife drawn on it. Police took the paper. "
    "What else can we do now?",
    "digga der typ folgt mir auf jedem social media kanal, kommentiert jeden post, kam jetzt auch schon zweimal in das "
    "café wo ich jobbe 😩 hab grad null bock mehr auf ratsarbeit",
    "someone left a voicemail on my work phone last night saying 'you'll swing for this, traitor'. i saved it. "
    "should i call the police or is this just what everyone gets now?",
    "Third time this month our campaign posters have been torn down and the frames smashed. I'm honestly just tired "
    "now. Is there any point reporting it?",
    # fed up, not now: the "jetzt" of "jetzt reicht's" is no weak term for the rules
    "Jetzt reichts mir. Der Typ schreibt mir seit Monaten nachts um 3 WhatsApps. Gestern stand er beim Bäcker direkt hinter mir in der Schlange und hat gegrinst. Ich will dass das AUFHÖRT!!",
    # a habit of following, told with its count or span, no "now" word
    "ein mann fährt mir hinterher wenn ich von der sitzung heimfahre, schon 4 mal. immer das gleiche auto",
    "followed home after council meetings, third time now",
    # what a flyer says ("auf nem Flyer steht"), not who stands where
    "auf nem flyer von ner anderen gruppe steht er sei ein pädo. wie geht man dagegen vor?",
    # a threat's condition and its report in Saxon dialect ("sist" = sonst, "gesocht" = gesagt)
    "die wolln doss iech zurücktritt, sist brennt dr schuppen, hamse gesocht",
    # planning a training course is no scene
    "Die Stadtverwaltung beabsichtigt, die Mitarbeiter im Umgang mit aggressiven Besuchern zu schulen.",
    # asking the bot for its answer, with a "jetzt" in it
    "01917, Kamenz. Und jetzt die Antwort bitte.",
    "Riesa. Now your answer please",
    # looks and whispers in everyday life (taught by examples; these wordings are not among them)
    "Die Leute beim Fleischer gucken mich blöd an",
    "It's completely made up and people in the shop are looking at me funny.",
    "letzte Woche roch es im Keller nach Gas, war aber nur der Herd",
    "someone was in my house while we were on holiday last summer, nothing was taken",
    "ich stecke im aufzug fest, aber alles ok, der techniker kommt gleich",
    "I have just started my term as mayor and I get hate mail every week",
    "Gestern rief meine Frau an und schrie, dann war die Leitung tot, sie war nur im Funkloch",
    "he said he would kill me and then the line went dead",
    "Meine Frau hat Angst, dass irgendwann einer mit nem Messer vor der Tür steht. Wie kann ich sie beruhigen?",
    "Ich hab mich in der Sitzung total in die Ecke gedrängt gefühlt, alle gegen mich.",
    "The fire at our party office last year was arson, the police now say. Can I get updates on the investigation?",
    "meine tochter ist jetzt bei ihrer oma, da findet sie der typ nicht. ich will trotzdem wissen was ich tun kann",
    "He wrote „you will bleed“ and now I am scared",
    "Die Scheune steht auf unserem Hof. Also ja.. Das erste Mal",  # a building that stands is no one there
    "niemand ist in Gefahr",
    "Letzte Woche stand jemand vor meiner Tür",
    "Gestern hat jemand unseren Mülleimer angezündet",
    "Ich bin nicht in Gefahr",
    "in gefahr bin ich gerade nicht, aber ich hab echt schiss",  # the danger named first, then denied
    "Was soll ich jetzt tun?",
    "kein Notfall, nur eine Frage",
    "Last week someone followed me home",
    "Nobody is in danger, I just want advice",
    "The fire last year was put out quickly",
    "Wie erstatte ich eine Anzeige?",
    # Over, announced for later, from the news, or a fear without a scene.
    "die zwei am gartentor sind abgehauen, polizei is da und schreibt alles auf, uns gehts gut",
    "they were kicking the door but they drove off, we're home and the police came",
    "er hat geschrieben er kommt nächste woche mit seinen kumpels vorbei",
    "he texted that he'll be at my office on friday",
    "im radio kam, dass beim bürgermeister nebenan einer mit ner axt vorm haus stand",
    "letzten monat ist mir einer von der autobahnausfahrt bis nach hause gefolgt",
    "how can i tell if a car is following me? i kept seeing the same one on the B6 last week",
    "Die Zustellung erfolgt per Post, die Hilfsangebote kenne ich",
    # Put out, arrested, dated, taken back in the same breath.
    "the fire is out and the fire brigade has left, someone had set the bins alight",
    "Brandanschlag auf den Bauhof vom 3. März, wir brauchen eine Bestätigung für die Versicherung",
    "dachte eben da steht einer am fenster, war aber nur der schatten vom baum",
    "the man who tried to get in has been arrested, we need the report for the insurance",
    # The now of reading the paper or of asking what to do next; sheltered at the police;
    # a meeting is no present continuous; asking whether to call the police if ...
    "in meißen stand einer mit axt vorm rathaus, les ich gerade in der zeitung",
    "two men were banging on my door last night, what should i do now",
    "followed from the station, but i'm at the police station now",
    "a crowd is expected at the council meeting next week, should we ask for police?",
    "should we call the police if he turns up at the town hall again?",
    # Help with the bot or a form, idioms, a drill, a question about what to do if.
    "Hilfe, das Formular der Onlinewache lädt bei mir nicht",
    "help! the upload button doesn't work",
    "mir blutet das herz, wenn ich sehe, wie das Freibad verfällt",
    "bei uns brennt gerade die luft wegen dem neuen baugebiet, aber bedroht hat keiner",
    "what should I do if someone pulls a knife at my Bürgersprechstunde?",
    "Der Krisenstab plant eine Räumungsübung für eine Bombendrohung im Rathaus",
    "seit dem angriff hab ich immer angst, dass einer im garten steht",
    "cant sleep, keep thinking someone is standing at the door",
    # A figure of speech, a memory, asking whether to carry a weapon, thanks for help given,
    # a weapon in a video someone sent, a writer back home and fine, a visit announced.
    "es lässt mich nicht los, auch wenn der angriff schon jahre her ist",
    "fühlt sich an als ob mir einer die pistole auf die brust setzt mit dem ultimatum von der fraktion",
    "feels like there's a gun to my head with this ultimatum from my own party",
    "Beim Sommerfest war Bomben-Stimmung, danke an alle!",
    "should i carry pepper spray to the council meetings?",
    "Darf ich im Büro ein Pfefferspray griffbereit haben?",
    "danke für die hilfe letzte woche, die schmierereien sind entfernt",
    "he sent me a video of a man with a rifle in front of a house, it isn't even mine",
    "we were followed after the meeting but we're home now and we're fine",
    "36 grad im ratssaal, die hitze bringt mich um",  # degrees, not "grad" for "gerade"
    "hab angst, passiert grad nix, aber die angst geht nicht weg",
    "er schreibt, er steht morgen vor meiner tür",  # announced for tomorrow
    "brauch ich n pfefferspray für den heimweg nach der sitzung?",
    "my campaign is on fire, best turnout yet",
    "Hypothetisch: ein Ratsmitglied wird in der Sitzung geschlagen, wen rufen wir zuerst?",
    "sorry, falsche gruppe, mein mann blutet nur vom holzhacken",
    "Der Brandanschlag auf das Bürgerbüro ist jetzt ein Jahr her.",
    "jeden abend steht das auto vorm haus, gerade steht es nicht da, aber morgen kommt es wieder",
    "Was tun bei einem verdächtigen Paket? Wir wollen vorbereitet sein.",
    "letzte nacht klingelt es sturm, drei vermummte vor der tür, ich ruf 110, die verschwinden",
    "das ist jetzt schon das zweite mal, dass vorm haus ein sarg abgelegt wurde, ist weggeräumt",
    "Ich bin heil aus der Versammlung raus, die Security hat ihn rausgebracht, ich zittere noch.",
    "in der serie, die ich grad schau, wird die bürgermeisterin entführt",
    "What counts as a weapon legally? a guy at the meeting kept waving a flashlight around",
    "ist hämmern an der tür schon eine straftat?",
    "i had a panic attack in the car because i thought a van was following me. it wasn't.",
    "Just so you know, the 'bomb' at the school was a lunchbox. All clear.",
    "sorry hab eben aus versehen sos geschickt, hosentasche. alles ok hier",
    "kann ich mir ne gaspistole zulegen, nur zur sicherheit? ist bisher nix passiert",
    "hab grad nen film gesehen wo die leute das rathaus stürmen, konnte nicht schlafen",
    "wie erkenn ich eine briefbombe? hab keinen konkreten verdacht",
    "ich blute innerlich wenn ich die kommentare lese",
    "that speech was fire 🔥 thx everyone",
    "I've been hiding my kids' photos from social media since the comments started",
    "the house fire in Rodewisch in the paper today, was that connected to the mayor there?",
    "My friend, a mayor in another state, was attacked with a knife at a festival. Is there a network?",
    "he texted he'd come with a knife next time I vote for it. that was on sunday. i'm fine right now",
    "und jetzt?",
    "was jetzt",
    "hilfe, mein tablet ist abgestürzt",  # everyday trouble with an alarm word
    "notfall: kaffeemaschine im rathaus kaputt",
    "SOS ist der Name unserer Kinderhilfe",
    "emergency session of the council tonight, ugh",
    "what number do i call for a non emergency",
    "unser kämmerer ist ne wandelnde bombe haha",
    "frist für den förderantrag brennt, hilfe",
    "hilfe feuerwehr hat gestern den brand gelöscht, jetzt ist alles ruhig",
    "Angenommen, ich seh einen Mann am Rathaus rumschleichen – wen rufe ich an?",
    "Ich habe Sorge, dass die Leute aus dem Chat irgendwann vor meinem Haus stehen.",
    "Meine Nachbarin erzählte gestern: sie kommt heim, da steht einer im Hof. Jetzt will sie wissen, ob sie das melden soll.",
    "Wann sollen wir das Rathaus bei einer Bombendrohung evakuieren? Gibt es da Regeln?",
    "wir kommen hier nicht weg vom thema windpark, jede sitzung dasselbe",
    "I can see why they are angry, but the posts go too far",
    "der mann mit dem messer sitzt jetzt in u-haft",
    "auf insta steht ich soll brennen",  # what is written online
    "that email said there's a bomb at the school next monday",  # announced for later
    "welches schloss empfehlt ihr gegen einbruch",
    "Wie ist hier zu verfahren?",
    "smoke alarm went off, just burnt toast, sorry",
    "hilfe hilfe, nicht akut, aber mein postfach quillt über",  # an alarm taken back
    "kein notfall, aber ich brauche rat",
    "polizei bitte nicht einschalten, ich will erstmal nur wissen was meine optionen sind",
    "help, my daughter gets messages at school. She's home safe. Who can advise?",
    "112 dont need. just advice, the man who threatened me last week lives two streets away",
    "Polizei war schon da.",
    "Ist Schubsen schon Körperverletzung?",
    "I didn't call the police back then because I thought it was kids",
    "why do you keep asking if im in danger? im not, i just want advice",
    "nothing is going on right now, I'm just sitting at home going over it again",
    "es war ein kleiner mann mit bomberjacke, so um die 40",
    "der mob vom montag stand auf dem marktplatz, nicht vor meinem haus",
    "die stehen nicht mehr vorm haus, sind richtung bahnhof abgezogen",
    "warum steht da die nummer vom lka? ist das so schlimm?",
    "Blocking the exit at a council meeting - is that coercion?",  # naming the offence
    "ist das schon Nötigung, wenn die mir den Weg versperren?",
    "no fire, it's just the neighbour burning garden waste",
    "nobody broke in, they just painted on the garage",
    "are torches at a demo legal?",
    "I'm hiding nothing from the police, I just want advice",
    "the protest outside town hall ended peacefully. no arrests.",
    "es klopft gerade – ach nee, ist der postbote",  # taken back after the now
    "mir brennt die hütte grad, so viel arbeit vorm haushalt",
    "niemand an der tür, nur der wind schlägt das tor",
    "a man with a bat stood at my gate in March. I'm only reporting it now.",
    "ich hab letzte woche einen brief mit weißem pulver bekommen, die polizei hat es abgeholt",
    "was mach ich wenn ein paket tickt?",
    "should I keep a baseball bat by the door?",
    "I keep dreaming someone breaks into the house, I wake up sweating",
    "Please note: I am not in any danger at the moment. Three weeks ago a man followed me to my door.",
    "Es besteht im Moment keine Gefahr, aber gestern stand einer vor der Tür",  # the denial stands
    "er meinte am telefon, nächsten monat steht er mit seinen jungs vor meiner tür",
    "der brennt fuer sein thema, echt anstrengend",
    "lol 'help' in the menu doesnt do anything",
    "blood on the doorstep = cat and a bird. phew",
    "I wasn't hurt, he only grabbed my jacket, but it happened in front of my kids",
    "bin wieder zuhause, der typ ist nicht mehr hinter mir",
    "klopfen war der fensterladen, war dumm von mir",
    "mei schwiegersohn meint ich soll mir nen messer unters kissen legen, is das erlaubt",
    "seit der wahl steht fast jede woche einer vorm haus und glotzt. grad nicht, aber es macht mich fertig",
    "die messer stecken nur in meinem ruecken, politisch gemeint",
    # hurt after a past time is the aftermath; a published picture shows no scene; a parked car is no one
    "Yesterday a man push me hard on the street near the market and spit on me, he say go home. My arm is hurt. What I must do?",
    "Gestern hat mich einer am Markt geschubst, mein Arm ist verletzt.",
    "A Telegram channel has posted my address and a photo of my kids in front of our house. I'm honestly shaking.",
    "The car is parked outside my home, so... kind of?",
    "ich fühl mich wie eingekesselt von all den hassmails 😩 jeden morgen 30 neue",
    "110 oder 112 wenns brennt? nur damit ichs weiß",
    "i was 8 when my mum was mayor and we had police outside our house for a month. now im on the council myself",
    "What does this bot do if I write that I'm in danger? Does it call someone automatically?",
    "Jemand in Gefahr? Nein, zum Glück nicht. Es geht um Schmierereien am Rathaus, „Volksverräter“ in roter Farbe.",
    "lol no one's in danger, I'm just fuming about the comments on our town's fb page 🙄",
    "fire in the belly, that's what i have. i'm not backing down from these clowns",
    "he says he will come to my house tonight",
    "he says he'll come round tonight and burn it down",  # announced, no one there yet (stop 36)
    "Bei mir brennt grad die Hütte, Haushaltsplan bis Freitag 😅 Aber eigentlich wollte ich fragen, ob ihr auch bei Beleidigungen helft.",
    "Seit der Entscheidung zur Unterkunft steht das Rathaus in Flammen, also sinnbildlich, die Telefone klingeln ununterbrochen.",
    "Vor einer halben Stunde hab ich 110 gerufen, weil einer an meinem Zaun randaliert hat. Die Streife hat ihn festgenommen.",
    "mei auto is scho widder zerkratzt un de reifen zerstochen. steht vorm haus. 3x seit ostern",
    "Unterzeichnet ist es mit „Ehrliche Bürger Döbeln“. Ob dahinter eine politische Gruppe steht, ist mir nicht bekannt.",
    "somebody broke the windows of my car, only my car on the whole street",  # irregular past (stop 43)
    "Gemeinderätin wird im Wahlkampf bei Hausbesuchen verfolgt. Wohin damit?",  # at the campaign's events: a habit (EM-a)
]


@pytest.mark.parametrize("text", DANGER)
def test_clear_danger_is_recognised(knowledge: Knowledge, text: str) -> None:
    assert knowledge.is_danger(text)


@pytest.mark.parametrize("text", NOT_DANGER)
def test_negated_past_over_and_questions_are_not_danger(knowledge: Knowledge, text: str) -> None:
    assert not knowledge.is_danger(text)


@pytest.mark.parametrize("text", [
    "i am being followed for weeks now, i am the mayor",
    "werde verfolgt. schon das 4. mal diese woche derselbe transporter hinter mir auf dem heimweg vom rathaus",
    "being followed home from the town hall. 5 times now, same grey car",
    "A man is walking behind me after every council meeting until my home. Already five times.",
    "gleicher dude läuft mir seit 3 wochen nach der arbeit hinterher",
    "Unbekannter ruft an und legt auf. Paar mal jetzt. Hm.",
    # "bedrängt" as pressed to resign, not crowded in on (fresh writers, 6 December)
    "der nachbar von uns is gemeinderat und wird bedraengt er soll sein mandat abgeben sonst schlagen sie ihm die scheiben ein",
    "Eine Kollegin aus unserer Fraktion wird seit Wochen bedrängt, ihr Mandat niederzulegen, per Brief und Telefon.",
    # dialect and adverbs of a habit; a town "holding" a hearing; a name "steht ganz oben" on a list
    "dor kerl fährt mir hinterher, jedn morschn wenn ich uff arbeit fahr, nu schon seit zwee wochn.",
    "being followed home after council meetings, repeatedly",
    "The town is holding a public hearing on a contested wind project in two months.",
    "Die Adressen von allen Räten hängen an den Laternen in Grimma. Meine steht ganz oben.",
    # a chat group by what is written in it; "grad erst gewählt" is recently, not now
    "ey die schreiben mir in der gruppe „tritt zurück oder wir machen dich fertig“ bin grad erst in den stadtrat gewählt worden",
    "steht abends öfter ein Auto vor meinem Haus und einer fotografiert",
    "seit gut drei wochen steht abends immer der gleiche typ im auto gegenüber von meinem haus",
    "ständig anrufe nachts und einer fährt mir heim hinterher",
    "he sometimes follows me home from the council meetings",
    "The Mayor has been followed home from the office on several occasions by the same individual.",
])
def test_a_habit_or_pressure_told_is_no_scene_for_the_rules(text: str) -> None:
    """The passive ("being followed", "werde verfolgt") with a span or a count over a span is
    a habit told, and "bedrängt, das Mandat niederzulegen" pressure: the rules see no scene
    now (the model weighs the words on its own)."""
    from knowledge.concepts import concepts
    from knowledge.features import fold

    found = concepts(fold(text), text)
    assert not found & {"now", "live_situation", "live_hazard"}, found


@pytest.mark.parametrize("text", [
    # a count or a span up to now, in dialect, English and formal (fresh writers, 6 December, later)
    "dor fährt mir mim fahrrad hinterher jedn morschn, dreizehn mal hab ichs jetz uffgeschriebn",
    "she sits right behind me at every session and stares, its sixteen times now",
    "being followed home after meetings",
    "a man from the village follows me, he waits at the bus stop near my house. this is now two months.",
    "der typ läuft mir hinterher, jetzt schon drei wochen",
    "Sie wird seit dem Beschluss von einer Gruppe verfolgt, die bei jedem Termin filmt. Das geht jetzt den dritten Monat so.",
    "For the 4th week running this man has been waiting outside the school gate when I pick up my son.",
    "Our mayor has been followed home on at least five different days in recent weeks.",
    # cornered, told in the past passive
    "er wurde nach der sitzung in die ecke gedrängt und angeschrien",
    "unsere gemeinderaetin ist im schuetzenhaus von drei maennern in die ecke gedraengt worden",
    # surrounded and hit at a market, told afterwards; the pain is what lasts
    "they surrounded me at the christmas market and punched me, it still hurts when I breathe in",
    # what a voice message said; damage left behind; an office on the ground floor
    "hab ne sprachnachricht bekommen, so n typ meint er zündet mir die bude an",
    "jemand hat buttersäure durch den briefschlitz ins büro gekippt, jetzt stinkt alles",
    "our office is on the ground floor, last week they scratched the glass",
    # a doubt about oneself; going to the police
    "someone photographed my car outside the town hall today. am i overthinking",
    "soll ich direkt zur polizei nach marienberg oder gibt es jemanden, der sich auskennt?",
])
def test_told_afterwards_or_in_passing_is_no_scene_for_the_rules(knowledge: Knowledge, text: str) -> None:
    assert not set(knowledge.understander.danger(text).signals) - {"model"}


@pytest.mark.parametrize("text", [
    # a chat group where an address goes round or people write (fresh writers, 6 December)
    "Jetzt kursiert meine Adresse in so einer Gruppe mit nem Fadenkreuz-Emoji dahinter. Bin ich selber schuld?",
    "Im Indernetz, in dor Gruppe vom Nachbarort, schreim die jetzt jedn Tach was über mich.",
    # what a caller said, in straight single quotes
    "Before the vote several of us got calls telling us to vote no or they'd 'stand outside our houses'. The vote is on the 20th.",
    # cornered, told afterwards
    "fr some guys from the Stammtisch cornered me and said if i keep pushing the skatepark thing 'ur car won't survive the winter'",
])
def test_words_on_a_screen_or_in_quotes_are_no_live_scene(text: str) -> None:
    from knowledge.concepts import concepts
    from knowledge.features import fold

    assert "live_situation" not in concepts(fold(text), text)


# A panicking writer may joke, apologise, ask or give up in the same breath: a sign that it
# is happening now outweighs the word families for what is not a live scene.
PANIC_WITH_DISTRACTIONS = [
    "i cant take this anymore theyre outside my door rn",
    "haha not funny someone is trying to get in",
    "alles gut hier? nein! der steht im garten mit messer",
    "kurze frage wie verhalte ich mich, da steht grad einer mit messer vor der tür",
    "serie läuft grad aber draussen brüllt einer und tritt gegen die tür",
    "he's choking me help",  # "choking me" was once a figure of speech here
]


@pytest.mark.parametrize("text", PANIC_WITH_DISTRACTIONS)
def test_now_outweighs_what_sounds_like_no_live_scene(knowledge: Knowledge, text: str) -> None:
    assert knowledge.understander.danger(text).danger


@pytest.mark.parametrize("text", ["Hilfe", "Help!", "SOS", "Notfall", "emergency please", "110"])
def test_alarm_words_alone_are_danger_by_rule(knowledge: Knowledge, text: str) -> None:
    assert knowledge.understander.danger(text).signals[:1] == ("alarm",)


def test_rules_alone_and_the_model_threshold() -> None:
    rules = DangerRules(strong=["messer"], weak=["jetzt"], context=["vor der tür"], negations=["kein messer"])
    assert "term" in rules.signals(fold("Er hat ein Messer"))
    assert "term" not in rules.signals(fold("Er hat kein Messer"))
    assert "term" not in rules.signals(fold("Gestern hatte er ein Messer"))  # a past story
    assert "term" in rules.signals(fold("jetzt steht er vor der Tür"))
    assert decide([], 0.9).signals == ("model",)
    assert not decide([], 0.1).danger
    assert decide(["alarm"], None).danger


def test_a_story_told_afterwards_needs_a_surer_model(knowledge: Knowledge) -> None:
    from knowledge.concepts import concepts
    from knowledge.danger import DANGER_THRESHOLD, STORY_THRESHOLD, model_threshold

    def limit(text: str) -> float:
        return model_threshold(concepts(fold(text), text))

    assert STORY_THRESHOLD > DANGER_THRESHOLD
    assert limit("letzte Woche stand einer mit Fackel vor dem Haus") == STORY_THRESHOLD
    assert limit("for the Anzeige: he held a knife towards my colleague") == STORY_THRESHOLD
    # What someone sent or said, with no sign of now, is told afterwards too.
    assert limit("er schickt mir ein Video von einem Mann mit Gewehr vor einem Haus") == STORY_THRESHOLD
    assert limit("er schickt mir grad ein Video, und jetzt steht er vor der Tür") == DANGER_THRESHOLD
    # A sign of now, or a scene in the present tense, is no story.
    assert limit("der von gestern steht jetzt wieder am Zaun") == DANGER_THRESHOLD
    assert limit("er ist über den Zaun gesprungen und steht an der Terrassentür") == DANGER_THRESHOLD
    assert limit("da explodiert was im Briefkasten") == DANGER_THRESHOLD  # German "was" is no past tense
    assert decide([], 0.35, limit("letzte Woche stand einer vor dem Haus")).signals == ()
    assert decide(["hazard"], 0.1, STORY_THRESHOLD).danger  # the rules still speak
    # A habit with no sign of now is stalking, not a scene (a fresh writer's first messages, stop 31);
    # so is the aftermath with the police there.
    assert limit("Seit Wochen steht abends immer dasselbe Auto vor meinem Haus, zwei Männer drin.") == STORY_THRESHOLD
    assert limit("the police officer is still here taking my statement, the guys ran off") == STORY_THRESHOLD
    assert limit("seit Wochen steht er abends vor meinem Haus, und jetzt klingelt er") == DANGER_THRESHOLD


def test_danger_terms_from_the_knowledge_are_used(knowledge: Knowledge) -> None:
    terms = knowledge.catalogue.danger.terms.de
    assert "lebensgefahr" in terms
    assert "term" in knowledge.understander.danger("Lebensgefahr!").signals


# The rule layer alone sees these, whatever the model makes of the rest of the message
# (a formal closing question once pulled the model from 0.63 to 0.05).
SEEN_BY_THE_RULES = [
    # dialect, a threat's "tomorrow" with a present duration, followed since a place left
    # today though it is a habit (misses of the never-trained live-scene writers, stop 37)
    "do stenne e paar kerle vorn haus",
    "werde verfolgt seit dem rathaus, das 4. mal diese woche",
    # a hut burning "lichterloh" is no figure of speech; a mob "schon wieder" before the house is
    # now; a dialect shove; a quote said now keeps its own tomorrow (training writer CQ, stop 37)
    "Die kippen gerade was über meine Gartenhütte und einer ruft 'Das nächste Mal ist es dein Haus, Bürgermeister!' "
    "Jetzt brennt die Hütte lichterloh. Feuerwehr??",
    "ES REICHT!!! schon wieder dieser Mob vor meinem Haus, 15 Leute mit Trommeln und Megafon, die rufen "
    "'Volksverräter, wir kriegen dich'. Ich bin Bürgermeister und kein Freiwild. Wo bleibt die Polizei?!",
    # shouted at the writer now, whatever the words' own time; formal and plain "now"; held and
    # kicked in plain words (training writer CU, stop 37)
    "die rufen „morgen brennt dei bude“ was soll ich machen??",
    "se brüll'n „mir wissen wo de wohnst, du bist dor nächste“",
    "Meldung: Am Dienstfahrzeug des Bürgermeisters werden zur Stunde auf dem Parkplatz des Rathauses Zschopau "
    "die Reifen zerstochen. Täter noch vor Ort.",
    "Sie halten mich in Büro, Tür zu, ich muss unterschreiben Rücktritt. Was ich machen??",
    "Ich bin Bürgermeister, wollte nur schlichten, jetzt drücken mich zwei gegen mein Auto und einer hat mir in den "
    "Bauch geboxt. Sind immer noch hier. Kommt wer?",
    "Die schubsn mich hin un her wie ne Puppe, zu dritt, un sagn 'na Herr Bürgermeister, wie isses so ohne Polizei?' "
    "Bin hinterm Vereinsheim in Großröhrsdorf. Was soll ich machen??",
    "he keeps following me since I left the town hall, 3rd time this week",
    # the threat's condition shouted now is no story (live-scene writers, stop 36)
    "die stehen vorm haus und rufen sie zünden alles an wenn ich nicht zurücktrete",
    "a guy at my gate yelling he'll torch the car if i vote yes",
    # hurt or burning now, said without a verb
    "got hit at the market, my nose is bleeding",
    "car on fire outside, two guys ran off",
    "the barn next to my house burns, help",
    # asking whether it is an offence does not void a scene told as happening
    "keine ahnung ob das strafbar ist, aber die stehen zu dritt so eng um mich rum dass ich nicht zum auto komm",
    "mein schwager haut mir grad eine runter, der hört nicht auf",
    "a drunk guy at my fence with a pitchfork saying he'll kill me",
    # shoved in the back (not betrayed), and not wanting it in the paper (not reading it)
    "er hat mich in den rücken gestoßen und jetzt zerrt er mich zum auto",
    "i can see two men with a hammer smashing my car right now, honestly dont want this in the paper",
    # held now, not told afterwards (fresh writers, 6 December, later)
    "ich werde gerade in die ecke gedrängt",
    "they have surrounded me at the market, three of them",
    # someone where they are now, told with "again" (fresh writers, 6 December, live scenes)
    "she's outside again, same woman, staring at my window",
    "der typ ist wieder im garten, mit ner taschenlampe",
    "im Foyer liegt seit eben ein Karton, da hängen Kabel raus. Wie ist zu verfahren?",
    "unterm auto hängt ein kästchen mit klebeband, was mach ich",
    "der kollege atmet nicht mehr und die typen stehen noch im hof",
    "mein vater sagt nix mehr, er liegt im flur",
    "one of them holds my wife by the collar and the others are coming to me",
    "die sitzt auf meiner motorhaube und lässt mich nicht losfahren",
    "wie krieg ich den weg, der steht im vorgarten und brüllt",
    "they got in",
    "die haben ihn zusammengeschlagen, er liegt an der haltestelle und mir ist schwindlig",
    "Im Foyer befindet sich weiterhin ein Mann mit einem Messer.",
    "seit der tankstelle fährt einer dicht hinter uns und versucht uns abzudrängen",
    "many men stand before his house and throw stones",
    "the van with our campaign posters is on fire next to the house",  # not the campaign "on fire"
    "my son's phone is off and someone just sent me a picture of him tied to a chair",
    "mein mann ist nicht heimgekommen, jemand schickt mir ein foto, er ist gefesselt",
    "paket vorm rathaus, kein absender, es tickt glaub ich",  # the negation ends at the comma
    "die sind über den zaun geklettert",
    "bitte schnell",
    "hurry pls",
    "einbruch jetzt",
    "sos pls",
    "die polizei soll kommen, die ham mich gepackt",
    "mir is schlecht, hat mich gestochen",
    "Police? Which number? A group with torches has gathered outside my house and they're chanting.",
    "110 isnt going through!!",
    "110 hab ich gewählt aber besetzt, jemand versucht das kellerfenster aufzuhebeln",
    "help. power cut in the house and i hear footsteps on the gravel outside",
    "Fire in the stairwell, someone lit the posters we stored there. Can't get out the front.",
    "my son was stabbed at the fest tent, he's down",
    "Scheibe kaputt, Stein lag drin, draußen noch Stimmen",
    "Im Posteingang wurde ein Brief geöffnet, aus dem weißes Pulver gerieselt ist, zwei husten",  # a powder letter
    "bro da hat wer n paket vor die tür gestellt, tickt irgendwie?? keiner traut sich ran",
    "die filmen mich live auf tiktok vor meinem haus und rufen leute dazu",
    "nu die ham feuer gelegt am schuppen",
    "ruft wer die polizei??",
    "kein notfall gerade, aber der steht vor der tür mit messer",
    "somebody poured something on the porch and lit it",
    "Nachtrag: Der Verdächtige steht in diesem Augenblick wieder gegenüber auf dem Gehweg.",
    "es riecht im Flur nach Gas",  # gas, which a spark sets off
    "smells like gas in here",
    "Man inside my house now. Not know him.",  # inside the home, told without a verb
    "Ein Mann befindet sich gegenwärtig in der Amtsstube und weigert sich zu gehen.",
    # A cry of fire first is the alarm, whatever is told after it (what they wrote).
    "hilfe es brennt! jemand hat „Verräter“ an die wand geschrieben",
    "Hilfe Feuer! die haben vorher was von volksverräter gesprüht",
    # A now without the word: what the writer sees or hears, a crowd counted as it grows,
    # shut in with a negation, a smell beside an older note, someone bleeding after the attacker left.
    "Durch das Fenster seh ich, wie einer an meinem Auto rumschraubt.",
    "I can see him at the gate through the kitchen window.",
    "Vor dem Rathaus sammeln sich Leute, erst zehn, inzwischen bestimmt fünfzig. In der Telegram-Gruppe wurde dazu aufgerufen.",
    "die drängeln alle nach vorn, mir kommen nicht raus, der Notausgang ist zugestellt",
    "Es riecht nach Gas im Treppenhaus, gestern kam ein Drohbrief.",
    "mei fraa blutet am kopp, der kerl is weg",
    # the time in a relative clause between commas is who he is, not when the scene is
    "Ich steh am Bahnhof und der Mann, der mir letzte Woche gedroht hat, kommt auf mich zu. Ich komm hier nicht weg.",
    # stop 30: a parcel with wires out of it, whatever was said about it; dizzy since a letter was opened
    "There is a package at the reception with wires coming out and it says ‚für den Bürgermeister‘. We moved everyone to the back.",
    "In der Tiefgarage liegt unter dem Dienstwagen ein Gegenstand mit Kabeln. Der OB will in wenigen Minuten losfahren.",
    "There's a smell like almonds in the office since we opened that envelope and two colleagues are dizzy",
    "seit wir den brief geöffnet haben ist mir schwindelig",
    "Dar Kerl is scho widder do, huckt in seim Auto vorm Haus vu meiner Mutter",
    "sie haben den Landrat umstellt und lassen ihn nicht zu seinem Wagen",
    "da stehd eener uff'm Balkon vom Nachbarhaus un zielt mid so 'nem Ding uff unsern Wahlstand, is ne Luftbüchse",
    "Envelope with powder opened by our intern in the mail room. She's coughing.",
    "einer hat nen schlagring an und steht vor mir",
    "A PARCEL CAME WITH MY NAME IN CUT-OUT NEWSPAPER LETTERS AND IT IS TICKING",
    "Ein Besucher hält einen Kollegen im Schwitzkasten und droht, ihm den Hals umzudrehen",
    "after the meeting a group waited for me at the tram stop, they surround me and push me around",
    "A man followed me into the underground car park and stands between me and my car",
    "protesters have stormed the session, one councillor was thrown to the floor and isn't getting up.",
    "Die Scheune neben unserem Wohnhaus brennt lichterloh, und heute früh stand da noch „Volksverräter“ dran",
    "der Mann aus der Einwohnerfragestunde läuft mir mit Abstand nach, seit dem Ortsausgang",
    "mein auto wird gerade zerkratzt, ich seh das vom balkon aus",
    "A man has locked the main door from the inside and says nobody leaves until the mayor signs.",
    "I'm home alone, a man keeps ringing and knocking on every window, he's been at it for ten minutes",
    "Jemand hat eben was an unsere Haustür geschüttet, es stinkt nach Sprit",
    "seit Kottmar hängt ein schwarzer Kombi an mir dran, bin auf der B96, er fährt fast auf",
    "Schreibe leise, bin im Keller. Oben läuft jemand durchs Haus, die Dielen knarren.",
]


@pytest.mark.parametrize(("text", "concept"), [
    ("letztes jahr brannte die scheune lichterloh", "live_hazard"),
    ("er läuft mir seit wochen nach", "live_situation"),
    ("Ich habe mich damals eingeschlossen. Bis heute geht mir das nach.", "live_situation"),
    ("dachte der fährt mir nach, ist dann aber abgebogen", "live_situation"),
    ("die Dielen knarren", "weapon"),
    # stop 31, as a young councillor: a crowd one belongs to is no crowd at the door
    ("some dude from the local stammtisch crowd has been dming me all week", "crowd"),
    ("that crowd keeps posting my face", "crowd"),
])
def test_told_before_or_in_another_sense_stays_no_scene(text: str, concept: str) -> None:
    assert concept not in concepts(fold(text), text)


def test_a_span_of_weeks_is_a_habit(knowledge: Knowledge) -> None:
    # a clerk's stalking report in a development conversation (conversations-22), which had brought the 110 advice
    text = ("Sehr geehrte Damen und Herren, ich wende mich an Sie, da eine männliche Person mich seit mehreren Wochen "
            "nach Dienstschluss vor dem Rathaus erwartet und mir bis zur Haltestelle folgt.")
    assert "repeated" in concepts(fold(text), text)
    assert not knowledge.understander.danger(text).danger
    assert knowledge.understander.danger("seit mehreren Wochen steht er abends vor meinem Haus, jetzt klingelt er Sturm").danger


def test_steht_before_a_quote_is_what_is_written(knowledge: Knowledge) -> None:
    assert "present_scene" not in concepts(fold("Unten steht „Bürgerbündnis für Wahrheit“."), "Unten steht „Bürgerbündnis für Wahrheit“.")
    assert knowledge.understander.danger("Da steht einer vor der Tür und ruft „komm raus“").danger


def test_a_crowd_at_a_place_stays_a_crowd(knowledge: Knowledge) -> None:
    assert "crowd" in concepts(fold("the crowd outside my house is growing rn"))
    assert knowledge.understander.danger("a crowd is gathering at the town hall right now").danger
    assert "online" in concepts(fold("he keeps dming me"))


@pytest.mark.parametrize("text", [
    "was tun, falls mal ein paket mit kabeln im rathaus liegt?",
    "letzte woche kam ein paket mit kabeln, war aber harmlos",
    "my insta comments are a warzone rn 🔥🔥 like 300 comments calling me a traitor",
])
def test_a_wired_parcel_in_a_condition_or_past_and_fire_emojis_online_are_no_scene(knowledge: Knowledge, text: str) -> None:
    assert not set(knowledge.understander.danger(text).signals) - {"model"}


# Stop 42: posters taped up are no device; "nothing now" takes back the now of a scene told
# before it; something unnamed taped under a car is one.
def test_posters_taped_up_are_no_device() -> None:
    text = "Wir haben die Plakate mit Klebeband befestigt und jetzt sind sie weg"
    assert "explosive" not in concepts(fold(text), text)
    assert "explosive" in concepts(fold("da hängt was mit klebeband dran, unterm auto"))


@pytest.mark.parametrize("text", [
    "i had some trouble with people at my door in the summer nothing now",
    "jetzt is nix mehr, aber gestern stand er vor der tür",
])
def test_nothing_now_is_no_danger(knowledge: Knowledge, text: str) -> None:
    assert not knowledge.understand(text).danger_now


# Found in the final walk as the councillor (it predates stop 42): "rn" after "not in danger"
# takes the now back; "at my door rn" before it keeps its own.
@pytest.mark.parametrize(("text", "danger"), [
    ("hey so i think someone is messing with me. a guy from the local 'heimatschutz' chat keeps commenting my posts "
     "with my home address, since the vote on the refugee housing in zittau. not in danger rn i think", False),
    ("im not in danger rn but hes standing outside my house rn", True),
])
def test_not_in_danger_rn(knowledge: Knowledge, text: str, danger: bool) -> None:
    assert knowledge.understand(text).danger_now is danger


def test_something_taped_under_a_car_is_a_danger(knowledge: Knowledge) -> None:
    assert knowledge.understand("unter dem Dienstwagen hängt etwas mit Klebeband Befestigtes").danger_now


@pytest.mark.parametrize("text", [
    "Only to my blood pressure.",
    "No, not at all. Just a sore wrist and some wounded pride.",
    "It's my reputation that's in danger, not me.",
    "Ein vergleichbarer Vorgang ist hier bislang nicht aktenkundig.",
    "Eine Veröffentlichung im Internet ist hier nicht bekannt.",
])
def test_harm_in_another_sense_and_the_office_here_are_no_scene(knowledge: Knowledge, text: str) -> None:
    assert not set(knowledge.understander.danger(text).signals) - {"model"}


@pytest.mark.parametrize("text", [
    "der kollege ist mir im ausschuss in den rücken gefallen",
    "I read in the paper that a mayor near Meissen was attacked, should I worry?",
    "er sagt, wenn ich für das windrad stimme, brennt mein haus",
    "grad lag ein zettel im briefkasten, da steht drauf dass mein haus als nächstes brennt",
    "my fence got kicked in last night, cleaning up now",
    "Ein Brandsatz lag vor der Tür, er hat nicht gezündet. Wie geht es jetzt weiter?",
])
def test_betrayal_news_and_a_threat_said_before_are_no_scene_for_the_rules(knowledge: Knowledge, text: str) -> None:
    assert not set(knowledge.understander.danger(text).signals) - {"model"}


@pytest.mark.parametrize(("text", "future"), [
    ("there's like 5 guys outside our house. idk if i should wake my dad", False),
    ("vor dem stand werden gerade die tische umgetreten", False),
    ("not sure if he will come back tonight", True),
    ("I keep wondering if I'm next.", True),
])
def test_an_if_that_means_whether_is_no_condition(text: str, future: bool) -> None:
    assert ("future_or_if" in concepts(fold(text), text)) is future


@pytest.mark.parametrize("text", SEEN_BY_THE_RULES)
def test_the_rules_see_it_without_the_model(knowledge: Knowledge, text: str) -> None:
    assert set(knowledge.understander.danger(text).signals) - {"model"}


# Short replies in passing that say "now": where the writer is, a phone ringing, that they
# are fine. Fresh writers found a third of such messages flagged (tests/data/dev/danger-now*).
@pytest.mark.parametrize("text", [
    "bin grad im auto, schreib später",
    "i'm at work rn",
    "bin grad mit dem hund draussen",
    "jetzt klingelt mein anderes telefon",
    "nah im good rn",
    "no, currently nobody outside",
    "should I go to the police now or wait?",
    "bin grad unterwegs",
    "nee grad nich, bin im haus und alles zu",
    "yes, my kids are here",
    "war vor meiner haustür. einmalig bis jetzt",  # "bis jetzt": so far, not now
    "up to now it was only letters to my door",
])
def test_where_the_writer_is_now_is_no_emergency(knowledge: Knowledge, text: str) -> None:
    assert not knowledge.understander.danger(text).danger


@pytest.mark.parametrize(("text", "scene"), [
    ("vor dem haus in der einfahrt", False),  # where it happened, typed as an answer
    ("an der Haustür", False),
    ("einer am fenster", True),
    ("die sind vor der tür", True),
    ("someone at my door", True),
])
def test_a_place_alone_is_no_scene_for_the_rules(text: str, scene: bool) -> None:
    from knowledge.concepts import concepts
    from knowledge.features import fold

    assert ("live_situation" in concepts(fold(text), text)) is scene


@pytest.mark.parametrize("text", [
    "bin im auto und die verfolgen mich",
    "ich bin im garten und da steht einer mit messer",
    "i'm at work rn and a guy with a knife is in the lobby",
    "der dreht am türgriff und will rein",
    "two guys after me right now",
    "einer steigt grad bei uns ein",
    "bin im haus und die stehen vor der tür",
    "my kids are here and he is banging on the door",
    "bis jetzt ist er vor meiner tür und klingelt",
])
def test_a_scene_after_where_the_writer_is_still_counts(knowledge: Knowledge, text: str) -> None:
    assert knowledge.understander.danger(text).danger


def test_a_short_message_without_any_scene_needs_a_surer_model() -> None:
    from knowledge.concepts import concepts
    from knowledge.danger import BARE_THRESHOLD, BARE_WORDS, DANGER_THRESHOLD, model_threshold

    def limit(text: str) -> float:
        folded = fold(text)
        return model_threshold(concepts(folded, text), len(folded.split()))

    assert BARE_THRESHOLD > DANGER_THRESHOLD
    assert limit("on the school run atm") == BARE_THRESHOLD
    assert limit("er steht grad vor der tür") == DANGER_THRESHOLD  # a scene: the usual threshold
    long_text = " ".join(["ich"] * (BARE_WORDS + 1))
    assert limit(long_text) == DANGER_THRESHOLD


def test_short_cries_the_families_know_stay_dangers(knowledge: Knowledge) -> None:
    assert "alarm" in knowledge.understander.danger("bitte schnell polizei rathaus schlettau").signals
    assert "break_in" in concepts(fold("die tür gibt gleich nach"))  # a scene: the usual threshold
    assert knowledge.understander.danger("die tür gibt gleich nach").danger


@pytest.mark.parametrize("text, scene", [
    # who the person is, told in a relative clause, does not make where they are now a story
    ("Der Mann, der mir seit Wochen diese Briefe schreibt, sitzt draußen auf dem Flur vor dem Zimmer.", True),
    ("the man who keeps sending me letters is standing at my gate", True),
    ("Der, der immer vorm Rathaus rumlungert, steht bei mir im Garten", True),
    ("The guy who has been following me for weeks is outside my door", True),
    # the story stays a story when the main clause is no scene
    ("Der Mann, der mich letzte Woche bedroht hat, ist jetzt angeklagt", False),
    ("the guy who attacked me last year is now on trial", False),
    ("die Frau, die mich beleidigt hat, ist im Gemeinderat", False),
])
def test_a_relative_clause_tells_who_not_when(text: str, scene: bool) -> None:
    from knowledge.concepts import concepts
    from knowledge.features import fold

    assert ("live_situation" in concepts(fold(text), text)) is scene


def test_a_gated_expression_finds_what_it_finds_without_its_needles(knowledge: Knowledge) -> None:
    """Each needle list must name a word of every alternative: a missing one would hide
    matches. Held against the expression alone on every example."""
    import knowledge.concept_words as words
    import knowledge.extract as extract
    from knowledge.training import training_set

    training = training_set(knowledge)
    texts = [fold(e.text) for e in sorted({*training.categories, *training.danger}, key=lambda e: e.text)]
    texts += [fold("sie hat am telefon um hilfe geschrien, dann war die leitung tot"),
              fold("she was screaming for help and then the line went dead"),
              fold("der Vater will die Tochter mitnehmen"), fold("he is trying to take my son with him"),
              fold("Ich hab Angst, dass die Leute aus dem Chat irgendwann vor meiner Tür stehen"),
              fold("I'm worried that one of them will be at my door one day"),
              fold("the police here is no help"), fold("das amt war keine große hilfe"),
              fold("der laden is unten im haus, wir wohnen oben drüber"),
              fold("eher sachbeschädigung + das schubsen. geht beides?"),
              fold("kann die das loeschen oder muss das stehn bleiben fuer die polizei"),
              fold("alle vier reifen platt, dienstwagen steht vorm haus")]
    gated = {name: value for module in (words, extract) for name, value in vars(module).items()
             if isinstance(value, extract.Gated)}
    assert len(gated) >= 14
    for name, expression in gated.items():
        found = [t for t in texts if expression.expression.search(t)]
        assert found, f"{name} matches no example: the comparison would say nothing"
        assert [t for t in texts if expression.search(t)] == found, name
        assert all(expression.sub(" ", t) == expression.expression.sub(" ", t) for t in found), name


def test_a_needle_missing_from_the_gate_hides_the_match() -> None:
    from knowledge.extract import Gated

    assert Gated(r"\b(?:rot|blau)\b", ("rot", "blau")).search("das blaue auto ist blau")
    assert not Gated(r"\b(?:rot|blau)\b", ("rot",)).search("das auto ist blau")


@pytest.mark.parametrize(("text", "concept", "present"), [
    ("Someone broke his finger at the fire brigade party.", "fire", False),  # the institution
    ("call the fire brigade, the barn is burning", "fire", True),
    ("my wife is standing for the Kreistag", "progressive", False),  # a candidacy
    ("he is running for mayor again", "progressive", False),
    ("a man is standing at my door", "progressive", True),
    ("er steht an der tür", "present_scene", True),
    ("Wahlkampf steht an und ich hab jetzt schon Bammel", "present_scene", False),  # coming up
    ("die Wahl steht an", "present_scene", False),
])
def test_a_word_in_its_other_sense_is_no_scene(text: str, concept: str, present: bool) -> None:
    assert (concept in concepts(fold(text), text)) is present


@pytest.mark.parametrize("text", ["er steht mit 🏏 vor meiner tür", "guy outside w 🪓 rn", "einer mit 🔪 im hausflur"])
def test_a_weapon_typed_as_an_emoji_is_a_weapon(knowledge: Knowledge, text: str) -> None:
    assert "hazard" in knowledge.understander.danger(text).signals


def test_a_bat_emoji_in_a_reply_to_a_post_is_a_threat(knowledge: Knowledge) -> None:
    text = "ok so some guy replied to my story with “gonna pay u a visit 🏏” and idk if i'm supposed to laugh or be scared lmao"
    assert knowledge.understand(text).category == "threat"


def test_gegen_is_no_participle() -> None:
    """"Ich bin … er tritt gegen Tür": a preposition after an auxiliary is no perfect tense,
    which would have made the scene a story told afterwards."""
    text = "Ich bin Gemeinderätin in Torgau. Ein Mann schreit vor meine Wohnung, er tritt gegen Tür"
    assert "past_tense" not in concepts(fold(text), text)
    assert "past_tense" in concepts(fold("Ich bin gestern gegen die Tür gelaufen"), "")


# Blind first-message writers of 5 December: scenes the rules had not heard, and the words
# around a scene that had taken it back. Each row is read as told.
READ_AS_TOLD = [
    # blows against a door or the panes, blocked in, a firearm, a stranger where children are, dialect
    ("Wachen Sie auf Bot!!! es schlägt jemand gegen die Terassentür mit was hartem", True),
    ("Hilfee ich bin im Bürgerhaus Oelsnitz und draußen werden es immer mehr Leute, die haben die Ausfahrt mit Autos "
     "zugestellt und wir kommen nicht weg", True),
    ("bei meinem nachbarn, der sitzt im kreistag, schlägt grad jemand die scheiben ein, ich seh es vom balkon", True),
    ("a person has entered the registry office and is threatening staff with what appears to be a firearm. "
     "We have moved to the upper floor.", True),
    ("A stranger is in our kindergarten yard asking for the mayor's son by name. I'm the teacher.", True),
    ("die ham mich vun dr Bühne geschubst un die sin noch do", True),
    ("Unser Bürgermeister wurde beim Dorffest mit Bier übergossen und jetzt gehen vier auf ihn los", True),
    ("Man is at my car, hitting the window with fist, I am inside, he says go back home.", True),
    ("Das Auto folgt mir seit Flöha. Jede Abbiegung mit. Ich fahr einfach weiter, soll ich anhalten?", True),
    # "steht" right before a quotation reads what is written; someone standing there is still a scene
    ("Unten steht „Bürgerbündnis für Wahrheit“. Die Gruppe kenne ich nicht.", False),
    ("Darunter stand: „Wir kriegen euch alle“", False),
    ("Unten steht einer und ruft „Volksverräter“", True),
    ("Draußen steht einer mit Schild „Volksverräter“", True),
    # a smell sensed now is no note's words; one told of yesterday is over
    ("Gasgeruch im ganzen Rathaus, an der Hintertür hängt ein Zettel „Für den Verräter“", True),
    ("Gestern roch es im Rathaus nach Gas, an der Tür hing ein Zettel „Für den Verräter“", False),
    # a venue named after fire or shooting vetoes no scene beside it, and still takes back its own hazard word
    ("Feuerwehrfest, bei der Hüpfburg. Ein Typ hat die Frau vom Bürgermeister an den Haaren gezogen, "
     "die Kinder schreien, er läuft Richtung Parkplatz und kommt immer wieder zurück", True),
    ("Football club fundraiser, someone just threw a bottle at the stage, she's bleeding from the forehead", True),
    ("Beim Schützenfest gab es wieder ein Feuerwerk, sehr schön", False),
    # "film" is fiction as a noun only
    ("a group of lads surrounded my bike at the market, one is letting the air out while the others film. "
     "i'm stuck between them", True),
    ("hab gestern im fernsehn den film gesehn wo die mit fackeln am tor stehn", False),
    # stop 28: a threat said before in the present tense is its words; "sagt" may relay a scene
    ("mir hat einer nach der sitzung gesagt er schlaegt mich tot", False),
    ("er hat mir gedroht er schlägt mir die zähne aus", False),
    ("meine frau ruft an, einer schlägt die scheiben ein", True),
    # a fire only in the quoted words; "hinterher" as afterwards
    ("mir ham se en zettl an de scheibe vom auto geklebt: „nächstes mol brennt dei hütt“", False),
    ("seit Wilsdruff fährt mir ein schwarzer golf hinterher, jedes mal wenn ich abbiege biegt der auch ab", True),
    # help already called is no story told afterwards; called yesterday still is
    ("mein auto brennt vor dem haus!!! hab 112 gerufen, oder muss ich 110??", True),
    ("hab gestern die polizei gerufen, weil einer vor der tür stand", False),
    # following with the subject inside the verb, someone waiting below, a device seen and still there
    ("Seit dem Netto läuft mir ein Typ nach, ich steh an der Bushaltestelle und er 20 Meter weiter und guckt rüber. "
     "Was mach ich", True),
    ("Der Mann aus der Bürgersprechstunde wartet unten am Ausgang. Er hat gesagt, er wartet bis ich rauskomme. "
     "Ich bin allein im Haus, der Hausmeister ist schon weg.", True),
    ("Unter meinem Auto klebt was, so ein Kasten mit Kabel dran, hab's beim Einsteigen gesehen. Steh noch in der "
     "Einfahrt, soll ich weg?", True),
    # a lock tried, chased and hiding, locked in by them, a smell now beside a past tense, sport "training"
    ("es ist halb drei nachts, der bewegungsmelder geht staendig an und am schuppen rappelt einer am schloss", True),
    ("zwei Typen rennen mir nach und rufen „Volksverräterin“, ich hock hinter nem Holzstapel, Akku 8 Prozent", True),
    ("Two men come into my shop, they lock the door and turn sign to closed. I am in back room writing this.", True),
    ("In der Poststelle liegt ein Päckchen ohne Absender, es riecht nach Benzin. Die Kollegin hat es bereits angefasst.",
     True),
    ("Unser Sohn kam eben vom Training und sagt, ein Mann im Auto hat ihn gefragt, ob er der Sohn vom Bürgermeister "
     "ist. Das Auto steht immer noch unten an der Straße, Motor läuft.", True),
    ("he's following me, i'm driving away but he's still behind me", True),
    # a fear of what may follow, and away in a locked car, are no scene now
    ("Ich überlege zu kandidieren. Meine Frau hat Angst, dass dann Leute vor unserer Tür stehen.", False),
    ("ok I'm in the car, doors locked, driving away from the market. the guy who was shouting at me stayed put, "
     "nobody followed. what do I do next, go straight to the police station?", False),
    ("seit der wahl steht fast jede woche einer vorm haus. grad nicht, aber es macht mich fertig", False),
    ("nee, wer soll'n da in gefahr sein, die reifen sin ja schon platt", False),
    # "kein scherz" says it is meant; still sitting there; ringing for minutes and not leaving
    ("im treppenhaus vom rathaus steht ein rucksack der nicht von uns ist, und da tickt was drin. kein scherz", True),
    ("ich schreibe von der Nachbarin aus, die zwei sitzen immer noch da, ich seh sie vom Fenster aus", True),
    ("Es klingelt seit zehn Minuten Sturm, zwei Männer mit Kapuze. Die gehen nicht weg.", True),
    ("hab einfach angst. passiert grad nix, aber die angst geht nicht weg", False),
    ("stones through the window. glass everywhere. more coming", True),
    ("Mei Hund bellt wie verrückt, am Schuppen hantiert eener mit ner Taschenlamp. Is fei ne dr Nachbar.", True),
]


@pytest.mark.parametrize(("text", "now", "repeated"), [
    ("he keeps following me home from the meetings, like 3 times now", False, True),
    ("schon 4x jetzt stand der vor meiner tür", False, True),
    ("he is at my door now", True, False),
])
def test_a_count_of_times_is_a_habit_not_a_now(text: str, now: bool, repeated: bool) -> None:
    found = concepts(fold(text), text)
    assert ("now" in found) is now
    assert ("repeated" in found) is repeated


@pytest.mark.parametrize(("text", "planning"), [
    ("for our security training: whats the protocol if a package at reception is ticking?", True),
    ("Unser Sohn kam eben vom Training nach Hause", False),
])
def test_training_is_a_drill_only_when_it_says_so(text: str, planning: bool) -> None:
    assert ("planning" in concepts(fold(text), text)) is planning


@pytest.mark.parametrize(("text", "progressive"), [
    ("she is getting scared", False), ("it's getting a bit tiresome", False),
    ("my mother-in-law is staying with us", False), ("I'm thinking of reporting it", False),
    ("he is getting closer", True), ("they are banging on the door", True),
])
def test_a_state_or_feeling_in_the_ing_form_is_not_something_done_now(text: str, progressive: bool) -> None:
    assert ("progressive" in concepts(fold(text), text)) is progressive


@pytest.mark.parametrize(("text", "person"), [
    ("Eher nicht. Die sind gegen Windräder, das ist hier das halbe Dorf.", False),
    ("so ist das hier eben", False),
    ("der ist hier im haus", True),
    ("das ist hier drin einer", True),
])
def test_das_ist_hier_names_no_one(text: str, person: bool) -> None:
    """"das ist hier das halbe Dorf" is a state of things, "der ist hier" a person there."""
    found = concepts(fold(text), text)
    assert ("person" in found) is person
    assert ("live_situation" in found) is person


@pytest.mark.parametrize(("text", "danger"), READ_AS_TOLD)
def test_a_scene_is_read_as_told(knowledge: Knowledge, text: str, danger: bool) -> None:
    assert knowledge.understander.danger(text).danger is danger


def test_a_negation_is_a_whole_word_not_the_start_of_one() -> None:
    """"no", "not" and "nie" start "noch", "Notausgang" and "niedrig": only the words negate."""
    from knowledge.concepts import without_negated
    from knowledge.features import fold

    text = "der Notausgang ist noch zu, niedrige Decke, keiner kommt"
    kept = without_negated(fold(text), text).split()
    assert {"notausgang", "noch", "niedrige"} <= set(kept)
    assert "kommt" not in kept  # "keiner kommt" is negated


@pytest.mark.parametrize(("text", "danger"), [
    ("my party says I need a safety consult before the Q&A. is this really necessary or just box-ticking", False),
    ("there's a box ticking at the door", True),
    ("First time anyone's laid a hand on me. Shouting, yes, now and then.", False),
    ("Das Auto steht vor meinem Haus, der hat ein Foto davon gepostet.", False),
    ("He's a hunter, he owns guns, he's not a neo-Nazi as far as I know.", False),  # owning is no weapon drawn
    ("he has a gun and is pointing it at the door, not joking", True),
    # the present passive of violence is now; seeing through the curtain is now; driving past is not "over"
    ("Mein Sohn wird vor unserer Haustür von drei Jungs verprügelt, die haben „Volksverräterbrut“ gerufen.", True),
    ("Ich werde seit Wochen verfolgt, auf Facebook und vor dem Rathaus.", False),
    ("ich dachte vorbei. nu hämmert's wieder an der haustür, eben grad", True),
    ("Heute Abend seh ich durch die Gardine denselben grauen Kombi, der ist dreimal langsam vorbei und hält grad vor unserm Tor.", True),
    ("Ich sehe grade im MDR die Bilder von den Fackeln vor dem Haus eines Landrats. Gibt es ein Netzwerk für Betroffene?", False),
    ("Is it true that the police now contact officials proactively? Nobody has called me in Zittau.", False),
    ("Die Haushaltsdebatte bringt mich noch um. Der Kämmerer sitzt mir im Nacken und ich brenn völlig aus.", False),
    # a month's mix (stop 29, third round)
    ("wer klingelt um halb drei nachts dauernd bei mir sturm? es hört nicht auf. meine frau hat angst", True),
    ("Beim Plakatieren haben mich vier Leute umringt, sie lassen mich nicht zum Auto.", True),
    ("a drunk man just punched the fire chief and is swinging at anyone near the beer tent", True),
    ("Aus dem Briefkasten vom Wahlkreisbüro kommt Rauch, jemand hat was reingesteckt, ich steh davor", True),
    ("Auf dem Heimweg fährt mir seit Pirna ein dunkler Kombi hinterher, ich bin zweimal abgebogen, er auch.", True),
    ("der fährt mir seit Wochen hinterher, jeden Abend", False),
    ("Im Radio kam grad, dass in Bautzen ein Stadtrat angegriffen wurde. Wie kann man ihm helfen?", False),
    ("Ich habe Albträume seit dem Überfall im Frühjahr. Ich sehe ihn immer noch vor meiner Tür stehen.", False),
    ("Was tun, wenn ein verdächtiges Paket im Rathaus ankommt? Wir erstellen gerade einen Notfallplan.", False),
])
def test_a_word_in_its_everyday_sense(knowledge: Knowledge, text: str, danger: bool) -> None:
    """"box-ticking" is a formality, "now and then" is sometimes, one's own car stands."""
    assert knowledge.understander.danger(text).danger is danger


@pytest.mark.parametrize(("text", "danger"), [
    # stop 38, live scenes told the hard way (writer EC): a doubt about oneself is no dream
    ("vielleicht bild ich mir das ein aber das gleiche auto fährt jetzt zum zweiten mal heut langsam an mir vorbei, "
     "und gestern stand es auch schon vor meinem haus. ich lauf grad heim von der gemeinderatssitzung", True),
    ("maybe I'm imagining it but the same car has driven past me slowly twice today. im walking home now and it's "
     "behind me again", True),
    ("Ich hab geträumt, dass einer vor meiner Tür steht", False),
    # damage being done as it is told, seen by the writer; not done, not announced
    ("die sprühn mir grad de Garaaschn voll, ich seh's vom Balkon aus", True),
    ("leute zerstechen grad meine reifen vor der wohnung!!!", True),
    ("die haben mir letzte woche die reifen zerstochen, was jetzt?", False),
    ("im brief steht, dass sie bald mein auto zerkratzen", False),
    # still here, and not going away, in broken German and English
    ("Ein Mann ist an Schalter und sagt er kommt morgen wieder mit Pistole. Er ist noch hier im Flur und läuft hin und her.", True),
    ("Two men with dogs at my garden door, they shout 'we come back and then you see'. They not go away.", True),
    ("my wife wont leave the house since the letter came", False),
    ("One man follow me now from town hall to supermarket. Is fourth time this week.", True),
    # back at the door; shut in; blocked at the car; just turned up
    ("theyre back at my door, four guys, one keeps yelling 'we know where your kids sleep'. are the police coming?", True),
    ("Sie blockieren meine Haustür, sie sagen ich muss versprechen kein Windrad bauen. Ich darf nicht raus.", True),
    ("They stand around my car in car park, I cannot drive. They say I must say in video that I vote against it.", True),
    ("Drei Männer standen nach der Sitzung um mein Auto herum. Jetzt fühle ich mich schlecht.", False),
    ("A man who has been phoning us for weeks has just turned up at my private address. He's sitting on the bench "
     "opposite.", True),
    ("today a note was pushed under our door saying our house will burn with us inside. we are both home, "
     "everything is quiet outside", False),
    # where to turn now is the next step, not a scene; six months of waiting outside is a habit
    ("After council meeting two men hit me on way home. I was at doctor, nose not broken. Where I can go now for help?", False),
    ("For six months a woman has been writing me letters, waiting outside the town hall when I leave. Is that really true???", False),
    ("two men are hitting me right now, where can i go now", True),
    # shaken still, a feeling now, not a scene now; the scene beside it still counts
    ("got a letter today saying they will slit my throat if i dont step down from the council. im still shaking", False),
    ("some random guy dm'd me on insta 'ur gonna bleed for this vote' with a knife emoji 🔪 lowkey freaking out rn, "
     "is this worth reporting", False),
    ("im still shaking, hes still at the door banging", True),
    ("ich zittere noch, der steht grad wieder vor der tür", True),
    # a house set on fire is no "on fire with" enthusiasm
    ("a car full of men is parked outside and one is shouting out the window that they will set the house on fire "
     "with us inside. should we go out the back door?", True),
])
def test_a_live_scene_told_the_hard_way(knowledge: Knowledge, text: str, danger: bool) -> None:
    assert knowledge.understander.danger(text).danger is danger


@pytest.mark.parametrize("text", [
    "are there other people i can call. the police here is no help",
    "Die Polizei war keine große Hilfe.",
    "the town hall was not much help tbh",
])
def test_help_not_given_and_a_call_across_two_sentences_are_no_cry(text: str) -> None:
    found = concepts(fold(text), text)
    assert not found & {"alarm", "in_danger"}


@pytest.mark.parametrize("text", ["Hilfe! Polizei bitte, er ist hier", "call the police now", "help, no one is helping me"])
def test_a_cry_for_help_is_still_one(text: str) -> None:
    assert concepts(fold(text), text) & {"alarm", "in_danger"}


def test_followed_since_a_place_told_with_the_span_first_is_now(knowledge) -> None:
    """ "ich glaub mir fährt seit dem ortsausgang ein auto hinterher, es hält immer an wenn ich
    anhalte": the span before the verb (stop 47; the retrained model alone had dropped below
    its threshold)."""
    verdict = knowledge.understander.danger(
        "ich glaub mir fährt seit dem ortsausgang ein auto hinterher, es hält immer an wenn ich anhalte")
    assert verdict.danger and set(verdict.signals) - {"model"}
