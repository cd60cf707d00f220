"""Pydantic schema of the admin-maintained knowledge YAML.

Every model forbids unknown keys so that an admin's typo fails loudly instead of
being silently ignored; cross-references are checked in `knowledge.checks`.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

LANGS = ("de", "en")
ID_PATTERN = r"^[a-z][a-z0-9_]*$"


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class L10n(Strict):
    """A text in every supported language; a missing translation is an error."""

    de: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.de


class L10nList(Strict):
    """A list of texts (e.g. next steps) in every supported language."""

    de: list[str]
    en: list[str]

    def get(self, lang: str) -> list[str]:
        return self.en if lang == "en" else self.de


PHONE_PATTERN = re.compile(r"^[0-9+() /-]{3,40}$")


NAME_MAX = 70
PURPOSE_MAX = 120


def _short(value: L10n, limit: int, what: str) -> L10n:
    for lang in LANGS:
        text = getattr(value, lang)
        if len(text) > limit or "\n" in text.strip():
            raise ValueError(
                f"the {lang!r} {what} has {len(text)} characters; keep it to one line of at most "
                f"{limit} (details for admins go into `notes`)"
            )
    return value


class Contact(Strict):
    """One institution the bot can point to. Users see name, `what`, how to reach it and at
    most one plain caveat; `source`, `source_date`, `verified_on` and `notes` are for admins."""

    name: L10n = Field(description=f"Short name users see (at most {NAME_MAX} characters).")
    what: L10n = Field(description=f"One line: what it does for the user (at most {PURPOSE_MAX}).")
    who: L10n | None = None
    phone: str | None = None
    phone_note: L10n | None = Field(
        default=None,
        description="A plain caveat users see next to the number; without it an unverified "
        "number gets the standard caveat (texts.yaml `phone_unconfirmed`).",
    )
    email: str | None = None
    web: str | None = None
    address: str | None = None
    hours: L10n | None = None
    how_else: L10n | None = Field(
        default=None, description="How to reach it when it has no phone number (shown to users)."
    )
    nationwide: bool = Field(default=False, description="Offered outside Saxony too.")
    source: str | None = Field(default=None, description="URL or document the facts come from (admins only).")
    source_date: str | None = Field(default=None, description="Date of the source (admins only).")
    verified_on: dt.date | None = Field(
        default=None, description="Day an editor compared the entry with its source (admins only)."
    )
    notes: str | None = Field(default=None, description="Research remarks for admins; never shown to users.")

    @field_validator("name")
    @classmethod
    def _short_name(cls, value: L10n) -> L10n:
        return _short(value, NAME_MAX, "name")

    @field_validator("what")
    @classmethod
    def _one_line(cls, value: L10n) -> L10n:
        return _short(value, PURPOSE_MAX, "purpose (`what`)")

    @field_validator("phone")
    @classmethod
    def _phone_shape(cls, value: str | None) -> str | None:
        if value is not None and not PHONE_PATTERN.match(value):
            raise ValueError("a phone number may contain digits, spaces, +, -, /, ( and ) only")
        return value


class Option(Strict):
    """An answer to a question; `next` names a question id or `result`."""

    id: str = Field(pattern=ID_PATTERN)
    label: L10n
    next: str = Field(pattern=ID_PATTERN)
    category: str | None = Field(default=None, pattern=ID_PATTERN)
    aspect: str | None = Field(default=None, pattern=ID_PATTERN)
    action: str | None = Field(default=None, pattern=ID_PATTERN)
    aliases: list[str] = Field(default_factory=list, description="Extra typed words that pick it.")
    phrases: list[str] = Field(
        default_factory=list,
        description="Ways of asking for it inside a sentence, either language ('andere Stellen', "
        "'who else can I call'); a word ending in '*' may go on ('dokumentier*'). A sentence that "
        "tells nothing new and holds one picks it; the longest phrase wins.",
    )
    aspects: list[str] = Field(
        default_factory=list, description="Further aspects this answer records ('Beides')."
    )
    means: list[Literal["yes", "no", "unknown", "both"]] = Field(
        default_factory=list,
        description="Natural answers that pick it: 'yes' takes ja/jo/klar/yeah…, 'no' nein/nö/nope…, "
        "'unknown' keine Ahnung/not sure…",
    )
    show: Literal["contacts", "advice", "law"] | None = Field(
        default=None,
        description="Below the result: show more of this part of the answer and stay on the "
        "question (offered once, and only when there is more to show).",
    )


class Question(Strict):
    text: L10n
    explain: L10n | None = Field(
        default=None, description="Said when the user asks what the question means ('was meinen Sie mit ...?')."
    )
    kind: Literal["choice", "municipality"] = "choice"
    options: list[Option] = Field(default_factory=list)
    next: str | None = Field(default=None, pattern=ID_PATTERN)
    emergency: bool = False
    contacts: list[str] = Field(default_factory=list, description="Contact cards shown with it.")
    classify: bool = Field(
        default=False, description="Free text here is classified into categories (trained on the examples)."
    )
    skip_if_aspect: str | None = Field(default=None, pattern=ID_PATTERN)
    skip_if_any_aspect: list[str] = Field(
        default_factory=list, description="Skipped when any of these aspects is already known."
    )
    skip_to: str | None = Field(
        default=None, pattern=ID_PATTERN,
        description="Where a skipped question leads (default: as if the known answer was picked).",
    )
    skip_if_category: list[str] = Field(default_factory=list)


class FlowTexts(Strict):
    """What the triage says around its questions: what it understood, corrections, hints."""

    understood: L10n = Field(description="'{facts}' lists what a message told us.")
    correct_option: L10n
    correct_question: L10n
    correct_done: L10n
    fix_category: L10n = Field(description="'{label}': the category to change.")
    fix_place: L10n = Field(description="'{place}': the municipality to change.")
    fix_aspect: L10n = Field(description="'{label}': an aspect to remove.")
    back_option: L10n
    language_switched: L10n = Field(description="Said in the new language; names the way back.")
    hint_choice: L10n
    hint_which: L10n = Field(description="A bare yes or no where the answers are several: which one applies.")
    hint_yes_no: L10n
    help_first: L10n = Field(description="The 110 line for a bare 'Hilfe' or 'SOS'.")
    help_coming: L10n = Field(
        description="After the 110 advice, when the user says the police were called and are coming.")
    health_now: L10n = Field(
        description="Symptoms told now (dizzy, nauseous, headache after an attack): a doctor today, 112 if it gets worse.")
    asked_evidence: L10n = Field(
        description="Asked what to do with messages, posts or the account (block, delete, keep): secure them first.")
    asked_removal: L10n = Field(
        description="Asked how to get a post, video or address taken down: secure it first, then report it.")
    asked_staying_away: L10n = Field(
        description="Asked whether to stay somewhere else for now: yes if not safe at home; 110 if anyone is there.")
    danger_denied_first: L10n = Field(
        description="Above the danger question when the first message said no one is in danger; {no}: the no's label.")
    hurt_at_advice: L10n = Field(
        description="At the 110 advice, when the user is hurt or asks about hospital: 112 if serious, else a doctor today.")
    among_people: L10n = Field(
        description="At the advice for someone followed, when they say they are in a shop now; {safe}: the safe option.")
    harmless_after_all: L10n = Field(
        description="At the 110 advice, when it turned out harmless ('war n monteur'): good, and calling was right.")
    help_here: L10n = Field(
        description="At the 110 advice, when the police or fire brigade are there now; {safe}: the safe option's label.")
    location_at_advice: L10n = Field(
        description="A location shared at the 110 advice; {place}: its municipality. The police do not see it: say it on the phone.")
    call_now_yes: L10n = Field(
        description="After the 110 advice, asked whether to call 110 ('should i still call 110 or is that overkill'): yes, now.")
    open_door_asked: L10n = Field(
        description="At the 110 advice, asked whether to open the door: no, stay inside, 110.")
    symptoms_object: L10n = Field(
        description="At the 110 advice for a suspicious letter or object, symptoms told (a scratchy throat, coughing): 112 now, say what it is about.")
    go_out_asked: L10n = Field(
        description="At the 110 advice, asked whether to go out to the person or talk to them: no, stay inside until the police are there.")
    open_object_asked: L10n = Field(
        description="At the 110 advice for a suspicious object, asked whether to open it: no, do not touch it, 110.")
    station_as_told: L10n = Field(
        description="At the 110 advice, told by 110 to go to a station and asking where it is: its card above this, go there as told.")
    address_unknown: L10n = Field(
        description="A station's address asked for at the 110 advice, not in the data: ask at its number or at 110.")
    leave_object_asked: L10n = Field(
        description="At the 110 advice for a suspicious object, asked whether to leave or stay inside: away from it, not past it, 110.")
    supposed_scene: L10n = Field(
        description="Asked whom to call if a scene happens again ('und wenn er wieder vor dem Haus steht?'): 110 then.")
    emergency_fire: L10n = Field(
        description="The 110 advice instead, when the danger told is a fire now: 112, everyone out.")
    emergency_object: L10n = Field(
        description="The 110 advice instead, for a suspicious letter, powder or object: not touched, room left.")
    followed_outside: L10n = Field(
        description="Under the 110 advice, when someone is following the user out of doors: not home, where people are.")
    followed_elsewhere: L10n = Field(
        description="At the 110 advice, when someone close is being followed out of doors and the user is elsewhere.")
    danger_elsewhere: L10n = Field(
        description="At the 110 advice, when the danger is where the user is not: call 110 with the address, "
        "and what the people there should do.")
    cannot_call: L10n = Field(
        description="At the 110 advice, when the user cannot call (no signal, cannot speak) or asks the bot "
        "to send the police: that the bot cannot, and what else may reach 110.")
    cannot_call_escalate: L10n = Field(
        description="As cannot_call, when the on-duty police can be informed: '{option}' is that button's label.")
    nothing_more: L10n = Field(
        description="Below the result, when the user asks in words for more of a part that is shown in full.")
    asked_contact: L10n = Field(
        description="Below the result, a question about a place to turn to that the answer names: "
        "the header of its card, shown again.")
    asked_contacts: L10n = Field(
        description="As asked_contact, for more than one card (the numbers asked for again, \"LKA\" naming two).")
    no_need_to_answer: L10n = Field(
        description="When the user asks whether they must answer a question: no, and how to say so.")
    asked_during: L10n = Field(
        description="At a question of the flow, a question of the user's the bot has no sourced answer to: "
        "says so, and that the places it will name can answer it (the question follows).")
    noted: L10n = Field(
        description="Below the result, a plan said (to call, to report, 110 in an emergency): acknowledged, "
        "with where the numbers are.")
    call_first: L10n = Field(
        description="Below the result, asked whom to call: heads the first card of the answer with a number.")
    numbers_soon: L10n = Field(
        description="At a question of the flow, the numbers asked for: they come right after the questions; "
        "in an emergency 110 (the question follows).")
    asked_open: L10n = Field(
        description="Below the result, a question the bot has no sourced answer to: says so, and where to ask.")
    story_read: L10n = Field(
        description="At the danger question, a story that names nothing to take in yet (after /start, "
        "as Telegram begins): it was read, and the question comes first.")
    told_more: L10n = Field(
        description="Below the result, a message that tells more about the case but changes nothing "
        "in the answer: how to keep it (written down, or in the incident record).")
    emergency_again: L10n = Field(
        description="The emergency advice again, short, when the user writes something else at it; "
        "'{safe}': the label of the answer that says the user is safe."
    )


class Flow(Strict):
    start: str = Field(
        pattern=ID_PATTERN,
        description="The danger question: every path from a first message to the result passes it "
        "(or the emergency question).",
    )
    emergency: str = Field(pattern=ID_PATTERN, description="Question id of the emergency path.")
    after_result: str = Field(pattern=ID_PATTERN, description="Question shown below the result.")
    texts: FlowTexts
    questions: dict[str, Question]


# Targets an option's `next` may name besides a question id.
RESERVED_TARGETS = frozenset({"result", "end", "restart"})


class Terms(Strict):
    de: list[str] = Field(default_factory=list)
    en: list[str] = Field(default_factory=list)

    def all(self) -> list[str]:
        return [*self.de, *self.en]


class LegalHint(Strict):
    short: L10n = Field(description="At most two sentences, shown with the result.")
    text: L10n = Field(description="The full note, shown after 'Mehr zum Recht'.")
    complaint_required: bool = Field(
        default=False,
        description="A Strafantrag may be needed: the 3-month deadline of § 77b StGB is shown "
        "and the incident flow offers a reminder.",
    )
    sources: list[str] = Field(
        min_length=1,
        description="Where each statement comes from (law, paragraph, page); admins only.",
    )


class Category(Strict):
    label: L10n
    acknowledge: L10n = Field(
        description="One calm sentence that acknowledges the situation, first on the result."
    )
    contacts: list[str] = Field(default_factory=list)
    lead_contacts: list[str] = Field(
        default_factory=list,
        description="Contacts that come right after the local police, before any aspect's lead "
        "(doxxing: ZASTEX, which domain.md names first for published addresses).",
    )
    steps: L10nList = Field(description="Short steps; the first four (with the aspects') are shown first.")
    meaning: L10n | None = Field(
        default=None,
        description="What the category covers, in one plain sentence (domain.md, the situation "
        "column): said when someone asks what its name means (\"Was bedeutet Nötigung?\").",
    )
    legal: LegalHint | None = None
    offence: bool = Field(
        default=True,
        description="Names an offence. False for doubt and advice (`unsure`, `prevention`): a part "
        "of a message read on its own may add an offence as a second label, never these.",
    )
    aspects: list[str] = Field(
        default_factory=list, description="Aspects implied by the category itself."
    )
    exclude_contacts: list[str] = Field(
        default_factory=list,
        description="Contacts an aspect or the nationwide list must not add for this category.",
    )


class Aspect(Strict):
    label: L10n
    contacts: list[str] = Field(default_factory=list)
    lead_contacts: list[str] = Field(
        default_factory=list,
        description="Contacts that come right after the local police when this aspect applies "
        "(online: the Onlinewache, where the complaint is filed), before the category's own.",
    )
    steps: L10nList | None = None


class Danger(Strict):
    """Danger-now signals: any of these in any text switches to the emergency path."""

    terms: Terms
    weak: Terms = Field(
        default_factory=Terms,
        description="Signals too common alone ('jetzt', 'Hilfe'): count only with a `context` term.",
    )
    context: Terms = Field(
        default_factory=Terms,
        description="Situations ('vor der Tür', 'steht') that make a `weak` term a danger signal.",
    )
    negations: Terms = Field(
        default_factory=Terms,
        description="Phrases removed before matching ('keine Gefahr', 'niemand verletzt').",
    )


class Term(Strict):
    """A legal word the answers use that people ask about ("was ist ein Strafantrag?")."""

    label: L10n
    words: list[str] = Field(min_length=1, description="How people write it (folded match, any of them).")
    meaning: L10n = Field(description="One or two plain sentences, from the sourced law notes only.")


class Faq(Strict):
    """A question people ask beside the flow ("lohnt sich das überhaupt?"), answered in two or
    three plain sentences from domain.md and the law notes."""

    asks: list[str] = Field(min_length=1, description="How people ask it: phrases held word for word, folded; "
                            "a word ending in '*' may go on.")
    answer: L10n = Field(description="Two or three plain sentences; every fact from a source.")
    contacts: list[str] = Field(default_factory=list, description="Contact ids whose cards come with the answer "
                                "(their numbers and caveats as everywhere, never typed into the answer).")
    only_asked: bool = Field(default=False, description="Only in a question: its words also tell stories "
                             "('Hakenkreuz an meiner Garage' at the place question is no question about the law).")


class UiTexts(Strict):
    """Every sentence the bot says that is not part of a question or category."""

    welcome: L10n
    welcome_heard: L10n | None = Field(
        default=None,
        description="The shorter greeting when the first message already told what happened "
        "(the bot then goes straight on); without it, `welcome` is used.",
    )
    help: L10n
    terms: dict[str, Term] = Field(
        default_factory=dict,
        description="Legal words of the answers explained when asked ('Strafantrag', 'Anzeige'), as categories' `meaning`.")
    acknowledge_for_someone: L10n | None = Field(
        default=None,
        description="Said instead of the category's acknowledgement when the writer tells of someone else's case.")
    faq: dict[str, Faq] = Field(
        default_factory=dict,
        description="Questions beside the flow ('is it worth reporting?', 'do we get police protection?'), "
        "answered wherever they are asked, then the question on screen again.")
    small_talk: dict[str, L10n] = Field(
        default_factory=dict,
        description="The reply to a message that only greets ('greeting'), thanks ('thanks') or "
        "asks what the bot is ('about') or asks something not yet said ('request'), and to a message "
        "out of scope ('outside'), before the question again; without one, 'not_understood'.",
    )
    privacy: L10n
    privacy_channel: dict[str, L10n] = Field(
        default_factory=dict, description="Extra privacy notice per channel (telegram, matrix, ...)."
    )
    session_expired: L10n
    cancelled: L10n
    unknown_command: L10n
    not_understood: L10n
    stale_option: L10n
    back_to_question: L10n
    language_question: L10n
    language_set: L10n
    confirm_category: L10n
    confirm_category_several: L10n
    confirm_yes: L10n
    confirm_other: L10n
    place_choose: L10n
    place_suggest: L10n
    place_not_found: L10n
    place_district: L10n  # {district}: a Landkreis named instead of a municipality
    place_none: L10n
    place_skip: L10n
    place_outside: L10n
    share_location: L10n
    result_header: L10n
    result_header_place: L10n
    police_station_note: L10n
    police_fallback_note: L10n
    police_unknown_place: L10n
    phone_unconfirmed: L10n
    steps_header: L10n
    legal_header: L10n
    more_contacts_header: L10n
    result_update_header: L10n
    result_place_header: L10n = Field(
        description="After the result, the town corrected ('no! gablenz in chemnitz'): over the cards for it; {place}: the town.")
    more_advice_header: L10n
    deadline: L10n
    knowledge_changed: L10n
    conversation_ended: L10n
    police_asked: L10n
    police_asked_below: L10n
    attachment_not_kept: L10n
    knowledge_reloaded: L10n
    knowledge_unchanged: L10n
    knowledge_reload_failed: L10n
    telegram_private_only: L10n
    telegram_stale_button: L10n
    telegram_file_too_large: L10n
    telegram_location_button: L10n
    telegram_contact_button: L10n
    telegram_emergency_label: L10n
    matrix_unencrypted_warning: L10n
    matrix_one_to_one_only: L10n
    matrix_file_too_large: L10n
    command_descriptions: dict[str, L10n] = Field(
        description="Command menu text per canonical command name (start, help, emergency, ...)."
    )
    internal_error: L10n


class ContactsFile(Strict):
    contacts: dict[str, Contact]


class CategoriesFile(Strict):
    categories: dict[str, Category]
    aspects: dict[str, Aspect]
    danger: Danger
    nationwide_contacts: list[str] = Field(
        description="Contacts offered when the place is outside Saxony."
    )
    police_contact: str = Field(
        default="polizeirevier",
        description="Placeholder id in a category's contacts that becomes the local station.",
    )
