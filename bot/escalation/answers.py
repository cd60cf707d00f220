"""What an officer can answer to an alert, as types: take it, or close it.

Code deals in `TakeAlert` / `CloseAlert`; only this module knows their wire form, the option
id a channel carries (Telegram callback data is a string of at most 64 bytes)."""

from __future__ import annotations

from dataclasses import dataclass

from handlers.messages import Option


@dataclass(frozen=True)
class TakeAlert:
    """ "Übernehmen": this officer takes the escalation `ref` (first one wins)."""

    ref: str


@dataclass(frozen=True)
class CloseAlert:
    """ "Abschließen": the owner closes `ref`; the outcome is typed next."""

    ref: str


OfficerAnswer = TakeAlert | CloseAlert
_WIRE: dict[type[OfficerAnswer], str] = {TakeAlert: "esc_ack_", CloseAlert: "esc_close_"}
REF_MAX = 32


def option(answer: OfficerAnswer, label: str) -> Option:
    return Option(_WIRE[type(answer)] + answer.ref, label)


def parse(option_id: str) -> OfficerAnswer | None:
    """The officer answer an option id stands for, or None (any other option)."""
    for kind, prefix in _WIRE.items():
        if option_id.startswith(prefix):
            ref = option_id[len(prefix):]
            if 0 < len(ref) <= REF_MAX and ref.isalnum():
                return kind(ref)
            return None
    return None


def is_officer_answer(option_id: str) -> bool:
    """Whether an option id is an officer's answer to an alert: a channel hands these to the
    core as they are (they are not tied to the user's keyboard on screen)."""
    return parse(option_id) is not None
