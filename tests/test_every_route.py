"""Every Saxon municipality, every route: the first card has a callable number that is not 110,
or (the own station's number unknown, the nearest known one far away) the own station comes
first and a station with a callable number follows in the route, with a callable number on the
first screen all the same."""

from __future__ import annotations

import phonenumbers
import pytest

from handlers.result import compose
from handlers.state import ConversationState
from knowledge.base import Knowledge, load
from knowledge.police import police_route


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def _callable(number: str | None) -> bool:
    if not number or number.strip() == "110":
        return False
    parsed = phonenumbers.parse(number, "DE")
    return phonenumbers.is_possible_number(parsed) and phonenumbers.is_valid_number(parsed)


@pytest.mark.parametrize("lang", ["de", "en"])
def test_first_card_of_every_route_is_callable_for_all_418_municipalities(k: Knowledge, lang: str) -> None:
    municipalities = [p for p in k.places.places() if p.in_saxony and getattr(p, "ags", None)]
    assert len({p.ags for p in municipalities}) == 418
    failures = []
    for place in municipalities:
        for category in k.categories:
            for aspects in ((), ("online", "extremist")):
                state = ConversationState(lang=lang, category=category, aspects=aspects, place_id=place.id)
                answer = compose(k, state)
                first = answer.cards[0]
                if _callable(first.phone):
                    continue
                route = police_route(place, k.police)
                if route.local_unknown_far and first.phone is None and "Onlinewache" in (first.note or "") \
                        and any(c.name == route.callable.name and _callable(c.phone) for c in answer.cards) \
                        and any(_callable(c.phone) for c in answer.cards[: answer.first]):
                    continue
                failures.append((place.name, category, aspects, first.name, first.phone))
    assert failures == []


def _takes_screenshots(step: str) -> bool:
    """A step asking to take screenshots (attaching them later is another task)."""
    lowered = step.lower()
    return "screenshot" in lowered and not any(word in lowered for word in ("attach", "hängen sie"))


@pytest.mark.parametrize("lang", ["de", "en"])
def test_no_route_asks_for_screenshots_twice_in_different_words(k: Knowledge, lang: str) -> None:
    """A category's step and an aspect's step on the same evidence read as two tasks
    ("Secure the publication with screenshots…" beside "Take screenshots showing…")."""
    aspect_sets = [(), *((a,) for a in k.aspects), tuple(k.aspects)]
    failures = []
    for category in k.categories:
        for also in ((), *((c,) for c in k.categories if c != category)):
            for aspects in aspect_sets:
                state = ConversationState(lang=lang, category=category, also=also, aspects=aspects)
                steps = [s for s in compose(k, state).steps if _takes_screenshots(s)]
                if len(steps) > 1:
                    failures.append((category, also, aspects, steps))
    assert failures == []


@pytest.mark.parametrize("lang", ["de", "en"])
def test_two_offences_do_not_ask_for_the_same_step_twice_in_different_words(k: Knowledge, lang: str) -> None:
    """Damage and a threat: "Erstatten Sie Anzeige und stellen Sie dabei Strafantrag." and
    "Erstatten Sie Anzeige bei der Polizei, vor Ort oder online." are one step; the second
    category's wording is left out, the first category's steps all stay."""
    failures = []
    for category in k.categories:
        for also in (c for c in k.categories if c != category):
            steps = compose(k, ConversationState(lang=lang, category=category, also=(also,))).steps
            own = k.categories[category].steps.get(lang)
            theirs = [s for s in steps if s in k.categories[also].steps.get(lang) and s not in own]
            earlier = {" ".join(s.split()[:3]).lower(): i for i, s in reversed(list(enumerate(steps)))}
            if any(earlier[" ".join(s.split()[:3]).lower()] < steps.index(s) for s in theirs):
                failures.append((category, also, steps))
            if not set(k.categories[category].steps.get(lang)) <= set(steps):
                failures.append((category, also, "own steps lost"))
    assert failures == []
    damage_and_threat = compose(k, ConversationState(lang="de", category="property_damage", also=("threat",))).steps
    assert sum(s.startswith("Erstatten Sie Anzeige") for s in damage_and_threat) == 1


@pytest.mark.parametrize(("lang", "header"), [("de", "(Sachbeschädigung und Bedrohung, Grimma)"),
                                              ("en", "(Property damage and Threat, Grimma)")])
def test_the_header_names_the_second_offence_whose_contacts_and_steps_are_shown(
        k: Knowledge, lang: str, header: str) -> None:
    """"Understood: Threat and Stalking" and then "(Threat, Freital)" above the stalking
    step had looked as if the second offence was dropped."""
    grimma = k.places.resolve("Grimma").places[0]
    both = compose(k, ConversationState(lang=lang, category="property_damage", also=("threat",), place_id=grimma.id))
    one = compose(k, ConversationState(lang=lang, category="property_damage", place_id=grimma.id))
    assert header in both.intro
    assert header not in one.intro and header.replace(" and Threat", "").replace(" und Bedrohung", "") in one.intro
