"""Commands that work at every step (`/hilfe`, `/notfall`, ...), in German and English.

Each command has a canonical name; German and English spellings map onto it. Other
modules add their own with `register`.
"""

from __future__ import annotations

from collections.abc import Callable

from handlers import triage
from handlers.answers import Choice, language_named, match_exact, match_loose
from handlers.messages import CommandIn, Inbound, Option, OptionChosen, OutboundMessage, TextIn
from handlers.state import ConversationState, Context, StepResult

Handler = Callable[[ConversationState, CommandIn, Context], StepResult]

ALIASES: dict[str, str] = {}
HANDLERS: dict[str, Handler] = {}


def register(canonical: str, names: tuple[str, ...], handler: Handler) -> None:
    HANDLERS[canonical] = handler
    for name in (canonical, *names):
        ALIASES[name] = canonical


def resolve(name: str) -> str | None:
    return ALIASES.get(name.casefold())


def current(state: ConversationState, ctx: Context) -> list[OutboundMessage]:
    """Where the user is now; a fresh conversation starts the triage."""
    from handlers.flows import FLOWS

    if not state.node:
        return triage.start(state, ctx).messages
    flow = FLOWS.get(state.flow)
    if flow is not None:
        return flow.current(state, ctx)
    return triage.current_messages(state, ctx.knowledge)


def _with_current(state: ConversationState, ctx: Context, text: str) -> StepResult:
    messages = current(state, ctx)
    if not state.node:
        fresh = triage.start(state, ctx)
        return StepResult(fresh.state, [OutboundMessage(text), *fresh.messages])
    back = triage.say(ctx.knowledge, "back_to_question", state.lang)
    return StepResult(state, [OutboundMessage(text), OutboundMessage(back), *messages])


def _start(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    return triage.start(state, ctx)


def _help(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    return _with_current(state, ctx, triage.say(ctx.knowledge, "help", state.lang))


def _privacy(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    k = ctx.knowledge
    text = k.texts.privacy.get(state.lang)
    extra = k.texts.privacy_channel.get(ctx.key.channel)
    if extra is not None:
        text += "\n\n" + extra.get(state.lang)
    return _with_current(state, ctx, text)


def _emergency(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    return triage.emergency(state, ctx)


def _cancel(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    return StepResult(None, [OutboundMessage(triage.say(ctx.knowledge, "cancelled", state.lang))])


LANGUAGE_CHOICES = [
    Choice("de", "Deutsch", "Deutsch", ("german", "deutsch", "de")),
    Choice("en", "English", "English", ("englisch", "english", "en")),
]


def _language(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    wanted = event.args.strip().casefold()[:2]
    if wanted in ("de", "en"):
        return set_language(state, wanted, ctx)
    asking = state.evolve(overlay="language")
    return StepResult(asking, [language_question(asking, ctx)])


def language_question(state: ConversationState, ctx: Context) -> OutboundMessage:
    options = tuple(Option(c.id, c.de) for c in LANGUAGE_CHOICES)
    return OutboundMessage(triage.say(ctx.knowledge, "language_question", state.lang), options)


def language_answer(state: ConversationState, event: Inbound, ctx: Context) -> StepResult:
    """Handle an answer while the language choice is on screen."""
    picked = None
    if isinstance(event, OptionChosen):
        picked = event.option_id if event.option_id in ("de", "en") else None
    elif isinstance(event, TextIn):
        picked = match_exact(event.text, LANGUAGE_CHOICES) or match_loose(event.text, LANGUAGE_CHOICES) \
            or typed_language(event.text, ctx)
    if picked is None:
        text = triage.say(ctx.knowledge, "not_understood", state.lang)
        return StepResult(state, [OutboundMessage(text), language_question(state, ctx)])
    return set_language(state, picked, ctx)


# A sentence this long tells its own language ("can we just keep going like this").
SENTENCE_WORDS = 3


def typed_language(text: str, ctx: Context) -> str | None:
    """The language a sentence typed at the language choice asks for: the one it names
    ("I would like to write in English please", "kein englisch bitte"), else the one it is
    written in."""
    named = language_named(text)
    if named is not None or len(text.split()) < SENTENCE_WORDS:
        return named
    return ctx.knowledge.detect_language(text)


def set_language(state: ConversationState, lang: str, ctx: Context) -> StepResult:
    chosen = state.evolve(lang=lang, lang_chosen=True, overlay=None)
    return _with_current(chosen, ctx, triage.say(ctx.knowledge, "language_set", lang))


def unknown(state: ConversationState, event: CommandIn, ctx: Context) -> StepResult:
    k = ctx.knowledge
    text = triage.say(k, "unknown_command", state.lang, command=event.name) + "\n\n" + k.texts.help.get(state.lang)
    return _with_current(state, ctx, text)


register("start", (), _start)
register("help", ("hilfe",), _help)
register("privacy", ("datenschutz",), _privacy)
register("emergency", ("notfall",), _emergency)
register("cancel", ("abbrechen", "stop"), _cancel)
register("language", ("sprache",), _language)
