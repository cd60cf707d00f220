"""The pure escalation flow on the emergency path: callback number, then where, then send.

Nothing here waits: every screen offers "send now", and sending emits `TriggerEscalation`
for the engine (which stores it, alerts the on-duty officers and confirms to the user).
"""

from __future__ import annotations

from dataclasses import dataclass

import phonenumbers

from handlers.answers import Choice, match_exact
from handlers.messages import ContactIn, Inbound, LocationIn, Option, OptionChosen, OutboundMessage, TextIn
from handlers.state import Action, ConversationState, Context, StepResult
from knowledge.base import Knowledge
from knowledge.places import Place
from knowledge.police import assign

ASK_PHONE, ASK_WHERE, CHOOSE_PLACE = "esc_phone", "esc_where", "esc_place"
SEND_NOW = "esc_send"


@dataclass(frozen=True, kw_only=True)
class TriggerEscalation(Action):
    """Alert the on-duty police about this user's emergency with what is known."""

    lang: str
    phone: str | None = None
    place_id: str | None = None
    place_name: str | None = None
    direktion: str | None = None
    lat: float | None = None
    lon: float | None = None
    category: str | None = None


def normalize_phone(raw: str) -> str | None:
    """A callback number in E.164 (+493511234567), or None if it is not a valid number."""
    text = raw.strip()
    digits = "".join(ch for ch in text if ch.isdigit())
    if not digits:
        return None
    # Telegram hands shared contacts over as "4917..." without the plus.
    candidates = [text] if text.startswith(("+", "0")) else ["+" + digits, text]
    for candidate in candidates:
        try:
            number = phonenumbers.parse(candidate, "DE")
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def _texts(k: Knowledge):  # type: ignore[no-untyped-def]
    assert k.escalation is not None, "escalation.yaml is loaded with the knowledge"
    return k.escalation.texts


def _send_option(k: Knowledge, state: ConversationState) -> Option:
    texts = _texts(k)
    label = texts.send_now if state.node != ASK_PHONE else texts.send_without_phone
    return Option(SEND_NOW, label.get(state.lang))


def _place_choices(k: Knowledge, state: ConversationState) -> list[Choice]:
    places = [p for p in (k.places.get(pid) for pid in state.pending.get("places", [])) if p]
    found = [Choice(f"esc_place{i}", label, label, (p.name,)) for i, p in enumerate(places)
             if (label := f"{p.name} ({p.postcode}, {p.district_name})")]
    send = _texts(k).send_now
    return [*found, Choice(SEND_NOW, send.de, send.en)]


def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
    k, lang = ctx.knowledge, state.lang
    texts = _texts(k)
    if state.node == ASK_PHONE:
        return [OutboundMessage(texts.ask_phone.get(lang), (_send_option(k, state),),
                                emergency=True, request_contact=True)]
    if state.node == CHOOSE_PLACE:
        options = tuple(Option(c.id, c.label(lang)) for c in _place_choices(k, state))
        return [OutboundMessage(texts.where_choose.get(lang), options, emergency=True, request_location=True)]
    return [OutboundMessage(texts.ask_where.get(lang), (_send_option(k, state),),
                            emergency=True, request_location=True)]


def start(state: ConversationState, ctx: Context) -> StepResult:
    state.node, state.pending = ASK_PHONE, {}
    return StepResult(state, current(state, ctx))


def step(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    k = ctx.knowledge
    if isinstance(event, OptionChosen) and event.option_id == SEND_NOW:
        return _send(state, ctx)
    if isinstance(event, LocationIn):  # a location is welcome on any screen
        state.pending["lat"], state.pending["lon"] = event.lat, event.lon
        nearest = k.places.nearest(event.lat, event.lon)
        if nearest.places:
            state.place_id = nearest.places[0].id
        if state.node == ASK_PHONE and "phone" not in state.pending:
            return StepResult(state, current(state, ctx))
        return _send(state, ctx)
    if state.node == ASK_PHONE:
        return _phone(state, event, ctx)
    if state.node == CHOOSE_PLACE:
        on_screen = _place_choices(k, state)
        picked = event.option_id if isinstance(event, OptionChosen) else (
            match_exact(event.text, on_screen) if isinstance(event, TextIn) else None)
        if picked not in {c.id for c in on_screen}:  # a forged or stale id is not an answer
            picked = None
        if picked == SEND_NOW:
            return _send(state, ctx)
        if picked and picked.startswith("esc_place"):
            state.place_id = state.pending["places"][int(picked.removeprefix("esc_place"))]
            return _send(state, ctx)
    if isinstance(event, TextIn):
        return _where(state, event.text, ctx)
    return StepResult(state, current(state, ctx))


def _phone(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    raw = event.phone if isinstance(event, ContactIn) else event.text if isinstance(event, TextIn) else ""
    phone = normalize_phone(raw)
    if phone is None:
        invalid = OutboundMessage(_texts(ctx.knowledge).phone_invalid.get(state.lang))
        return StepResult(state, [invalid, *current(state, ctx)])
    state.pending["phone"] = phone
    if state.place_id is not None or "lat" in state.pending:
        return _send(state, ctx)  # where is already known: do not ask again
    state.node = ASK_WHERE
    return StepResult(state, current(state, ctx))


def _where(state: ConversationState, text: str, ctx: Context) -> StepResult:
    k = ctx.knowledge
    resolution = k.places.resolve(text)
    if resolution.status in ("found", "outside") and resolution.places:
        state.place_id = resolution.places[0].id
        return _send(state, ctx)
    if resolution.status in ("ambiguous", "suggest") and resolution.places:
        state.node = CHOOSE_PLACE
        state.pending["places"] = [p.id for p in resolution.places[:6]]
        return StepResult(state, current(state, ctx))
    state.node = ASK_WHERE
    missing = OutboundMessage(_texts(k).where_not_found.get(state.lang))
    return StepResult(state, [missing, *current(state, ctx)])


def _direktion(k: Knowledge, place: Place | None) -> str | None:
    assignment = assign(place, k.police) if place is not None else None
    return assignment.direktion.id if assignment is not None else None


def _send(state: ConversationState, ctx: Context) -> StepResult:
    """Emit the trigger and go back to the emergency question (its 110 line stays valid)."""
    k, pending = ctx.knowledge, state.pending
    place = k.places.get(state.place_id) if state.place_id else None
    action = TriggerEscalation(
        key=ctx.key,
        lang=state.lang,
        phone=pending.get("phone"),
        place_id=place.id if place else None,
        place_name=place.name if place else None,
        direktion=_direktion(k, place),
        lat=pending.get("lat"),
        lon=pending.get("lon"),
        category=state.category,
    )
    state.flow, state.node, state.pending = "triage", k.flow.emergency, {}
    return StepResult(state, [], [action])


def emergency_options(state: ConversationState, k: Knowledge) -> tuple[Option, ...]:
    """The emergency question's options, shown again after sending. All of them, so that
    a typed number means the same as in the triage (which numbers them this way)."""
    question = k.flow.questions[k.flow.emergency]
    return tuple(Option(o.id, o.label.get(state.lang)) for o in question.options)


class EscalationFlow:
    start = staticmethod(start)
    step = staticmethod(step)
    current = staticmethod(current)

