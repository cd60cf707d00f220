"""The flow registry: generated diagrams, the danger-first rule over every path, declared nodes."""

from __future__ import annotations

import re
import shutil
from collections import deque
from pathlib import Path

import pytest

from handlers import conversation, registry
from handlers.messages import ConversationKey, OptionChosen, OutboundMessage, TextIn
from handlers.state import ConversationState, Context
from knowledge.base import Knowledge, default_dir, load
from knowledge.checks import reference_problems
from knowledge.flowgraph import safety_problems
from tests.helpers import NOW

ROOT = Path(__file__).resolve().parents[1]
KEY = ConversationKey("test", "walk", "u")
# First messages of every kind: a bare call for help, a story, a town, a past event, noise.
FIRST_MESSAGES = [
    "Hallo", "Hilfe", "SOS", "ja", "nein", "1", "Ich werde seit Wochen auf Facebook beleidigt",
    "Jemand hat mir einen Drohbrief geschickt, ich wohne in Grimma", "er steht gerade vor meiner Tür",
    "Letzte Woche wurden unsere Wahlplakate zerstört", "I was insulted at the market", "04720", "asdf",
]
FOLLOW_UP_TEXTS = ["ja", "nein", "keine ahnung", "zurück", "Pirna", "er schlägt gerade zu", "xyz"]
MAX_STATES = 4000


@pytest.fixture(scope="module")
def k() -> Knowledge:
    return load()


def test_docs_flow_is_generated_from_the_registry(k: Knowledge) -> None:
    current = (ROOT / "docs" / "flow.md").read_text(encoding="utf-8")
    assert current == registry.render(k), "run: python -m handlers.registry > docs/flow.md"


def test_the_shipped_flow_keeps_the_danger_question_first(k: Knowledge) -> None:
    assert safety_problems(k.flow) == []
    assert [p for p in reference_problems(k) if "danger" in p.message] == []


def _copy_knowledge(tmp_path: Path) -> Path:
    target = tmp_path / "knowledge"
    shutil.copytree(default_dir(), target)
    return target


def test_knowledge_check_reports_a_flow_that_skips_the_danger_question(tmp_path: Path) -> None:
    directory = _copy_knowledge(tmp_path)
    flow_file = directory / "flow.yaml"
    text = flow_file.read_text(encoding="utf-8")
    # An admin "shortens" the flow: it starts with the category question.
    flow_file.write_text(text.replace("\nstart: danger_now\n", "\nstart: category\n"), encoding="utf-8")
    k = load(directory, check_references=False)
    messages = [p.message for p in reference_problems(k) if p.severity == "error"]
    assert any("danger question" in m for m in messages), messages


def _walk(k: Knowledge):  # type: ignore[no-untyped-def]
    """Breadth-first over the real step: every option on screen and a few typed answers at
    every node reached from a set of first messages. Yields (path, state, messages)."""
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    queue: deque[tuple[tuple[str, ...], ConversationState | None, bool]] = deque()
    for text in FIRST_MESSAGES:
        queue.append(((f"text:{text}",), None, False))
    seen: set[str] = set()
    while queue and len(seen) < MAX_STATES:
        path, state, danger_answered = queue.popleft()
        kind, _, value = path[-1].partition(":")
        event = TextIn(key=KEY, lang_hint="de", text=value) if kind == "text" else OptionChosen(
            key=KEY, lang_hint="de", option_id=value)
        before = state.node if state else None
        snapshot = state.to_json() if state else None
        result = conversation.step(state, event, ctx)
        # The step returns a new state; the one it was given stays as it was.
        assert (state.to_json() if state else None) == snapshot, " -> ".join(path)
        yield path, before, state, result, danger_answered
        new = result.state
        if new is None or new.flow != "triage":
            continue
        answered = danger_answered or before in (k.flow.start, k.flow.emergency) or _shows_emergency(k, result.messages)
        fingerprint = repr((new.node, new.category, sorted(new.aspects), new.place_id, new.danger_checked,
                            sorted(new.pending), answered))
        if fingerprint in seen or len(path) > 12:
            continue
        seen.add(fingerprint)
        options = [o.id for m in result.messages for o in m.options]
        for option_id in dict.fromkeys(options):
            queue.append(((*path, f"option:{option_id}"), new, answered))
        for text in FOLLOW_UP_TEXTS:
            queue.append(((*path, f"text:{text}"), new, answered))


def _shows_emergency(k: Knowledge, messages: list[OutboundMessage]) -> bool:
    return any(m.emergency for m in messages)


def _is_result(messages: list[OutboundMessage]) -> bool:
    return any(m.contacts and m.category and m.category != "emergency" for m in messages)


def test_every_path_to_a_result_passes_the_danger_question(k: Knowledge) -> None:
    results = 0
    for path, before, _, result, danger_answered in _walk(k):
        if _is_result(result.messages):
            results += 1
            answered = danger_answered or before in (k.flow.start, k.flow.emergency)
            assert answered, f"result without the danger question: {' -> '.join(path)}"
    assert results > 50  # the walk really reaches results


def test_every_triage_transition_is_declared_in_the_registry(k: Knowledge) -> None:
    graph = registry.graph("triage", k)
    declared = graph.ids()
    for path, before, _, result, _ in _walk(k):
        new = result.state
        if new is None or new.flow != "triage" or before is None:
            continue
        assert new.node in declared, f"undeclared node {new.node!r} after {' -> '.join(path)}"
        if before in declared and new.node != before:
            assert new.node in graph.reachable(before), f"{before} -> {new.node} is not declared ({' -> '.join(path)})"


@pytest.mark.parametrize("bare", ["Hilfe", "Help", "SOS", "Notfall", "hilfe!!", "help me", "HILFEHILFEHILFE", "helphelp", "h i l f e", "S.O.S.",
                                  # a short plea around the word: the same, not the full emergency advice
                                  "ich brauch mal hilfe", "can u help me pls", "können sie mir bitte helfen"])
def test_a_bare_call_for_help_shows_110_and_the_danger_question_at_once(k: Knowledge, bare: str) -> None:
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    result = conversation.step(None, TextIn(key=KEY, lang_hint="de", text=bare), ctx)
    text = "\n".join(m.text for m in result.messages)
    assert "110" in text.split(k.flow.questions[k.flow.start].text.de)[0]
    assert result.state is not None and result.state.node == k.flow.start


@pytest.mark.parametrize(("cry", "lang"), [("Help!", "en"), ("pls help", "en"), ("can u help me pls", "en"), ("emergency", "en"),
                                         ("Hilfe!!", "de"), ("Notfall", "de"), ("S.O.S.", "de")])
def test_a_bare_call_for_help_is_answered_in_its_own_language(k: Knowledge, cry: str, lang: str) -> None:
    """A frightened English writer's "Help!" gets the 110 line in English (SOS says no language)."""
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    result = conversation.step(None, TextIn(key=KEY, lang_hint="de", text=cry), ctx)
    assert result.state is not None and result.state.lang == lang
    assert result.messages[0].text == k.flow.texts.help_first.get(lang)


@pytest.mark.parametrize("scene", ["ich brauche hilfe, jemand steht vor meiner tür", "help me please they are at my door"])
def test_a_plea_that_tells_a_scene_gets_the_full_emergency_advice(k: Knowledge, scene: str) -> None:
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    result = conversation.step(None, TextIn(key=KEY, lang_hint="de", text=scene), ctx)
    assert result.state is not None and result.state.node == k.flow.emergency


def test_incident_flow_nodes_in_the_code_are_declared() -> None:
    declared = registry.INCIDENT.ids()
    source = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "handlers" / "incident").glob("*.py"))
    used = set(re.findall(r'state\.node = "([a-z_]+)"', source))
    used |= set(re.findall(r'go\(state, "([a-z_]+)"', source))
    assert used and used <= declared, used - declared


@pytest.mark.parametrize(("text", "emergency"), [
    ("hilfe, drucker geht nicht", False),  # says more than a cry: read by the understanding
    ("hilfe bei formular", False),
    ("hilfe er ist da", True),  # the understanding hears the scene: the whole advice
    ("hilfe feuer", True),
])
def test_a_help_word_with_more_words_is_read_not_taken_as_a_bare_cry(k: Knowledge, text: str, emergency: bool) -> None:
    ctx = Context(key=KEY, knowledge=k, now=NOW)
    result = conversation.step(None, TextIn(key=KEY, lang_hint="de", text=text), ctx)
    assert result.state is not None and (result.state.node == k.flow.emergency) == emergency
    assert any(m.emergency for m in result.messages) == emergency
