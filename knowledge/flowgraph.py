"""The conversation flows as graphs: nodes, labelled transitions, Mermaid, and the safety rule.

The triage's graph is built from flow.yaml plus the screens the triage adds itself
(confirming a guessed category, choosing a place, correcting what was understood). The
safety rule is a property of the graph: with the danger question and the emergency advice
taken out, no result is reachable from a first message. `knowledge check` reports a flow
that breaks it, and the tests check it for every flow in the registry.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from knowledge.schema import Flow

ENTRY = "first_message"
RESULT = "result"
END = "finish"  # "end" is a keyword in Mermaid
CONFIRM_CATEGORY, CHOOSE_PLACE, CORRECT = "confirm_category", "choose_place", "correct"


@dataclass(frozen=True, slots=True)
class Edge:
    target: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Node:
    id: str
    label: str
    shape: str = "box"  # box | question | terminal | result | place
    edges: tuple[Edge, ...] = ()


@dataclass(frozen=True, slots=True)
class FlowGraph:
    """One flow's declared nodes and transitions; `entry` is where a conversation enters it."""

    name: str
    entry: str
    nodes: tuple[Node, ...]

    def node(self, node_id: str) -> Node | None:
        return next((n for n in self.nodes if n.id == node_id), None)

    def ids(self) -> frozenset[str]:
        return frozenset(n.id for n in self.nodes)

    def targets(self, node_id: str) -> tuple[str, ...]:
        node = self.node(node_id)
        return tuple(e.target for e in node.edges) if node else ()

    def reachable(self, start: str, *, avoiding: frozenset[str] = frozenset()) -> set[str]:
        seen, queue = {start}, deque([start])
        while queue:
            for target in self.targets(queue.popleft()):
                if target not in seen and target not in avoiding:
                    seen.add(target)
                    queue.append(target)
        return seen

    def path_avoiding(self, start: str, goal: str, avoiding: frozenset[str]) -> list[str] | None:
        """A path from `start` to `goal` that passes none of `avoiding`, if one exists."""
        parents: dict[str, str | None] = {start: None}
        queue = deque([start])
        while queue:
            current = queue.popleft()
            if current == goal:
                path = [current]
                while (parent := parents[path[-1]]) is not None:
                    path.append(parent)
                return path[::-1]
            for target in self.targets(current):
                if target not in parents and target not in avoiding:
                    parents[target] = current
                    queue.append(target)
        return None

    def mermaid(self) -> str:
        lines = ["flowchart TD"]
        for node in self.nodes:
            lines.append(f"    {node.id}{_shape(node)}")
        for node in self.nodes:
            for edge in node.edges:
                label = f"|{_escape(edge.label)}|" if edge.label else ""
                lines.append(f"    {node.id} -->{label} {edge.target}")
        return "\n".join(lines)


def _escape(text: str) -> str:
    return text.replace('"', "'").replace("|", "/")


def _shape(node: Node) -> str:
    label = _escape(node.label)
    return {
        "question": f'{{"{label}"}}',
        "terminal": f'(["{label}"])',
        "result": f'[["{label}"]]',
        "place": f'[/"{label}"/]',
    }.get(node.shape, f'["{label}"]')


def triage_graph(flow: Flow) -> FlowGraph:
    """The triage as declared in flow.yaml, with the triage's own screens."""
    questions = flow.questions
    category_question = next(
        (qid for qid, q in questions.items() if q.options and all(o.category for o in q.options)), flow.start
    )
    municipality = next((qid for qid, q in questions.items() if q.kind == "municipality"), None)
    after_category = sorted({o.next for o in questions[category_question].options}) if category_question in questions else []
    nodes = [
        Node(ENTRY, "first message", "terminal", (
            Edge(flow.start, "welcome; what the words say is taken in"),
            Edge(flow.emergency, "danger in the words"),
        )),
    ]
    for qid, question in questions.items():
        edges: list[Edge] = []
        for option in question.options:
            target = {"restart": flow.start, "end": END}.get(option.next, option.next)
            if option.action:
                edges.append(Edge(f"flow_{option.action}", option.label.en))
            edges.append(Edge(target, option.label.en if not option.action else "if unavailable"))
        if question.next:
            edges.append(Edge(question.next, "answer"))
        if question.skip_to:
            edges.append(Edge(question.skip_to, "one of them known"))
        if question.classify or qid == flow.start:
            edges.append(Edge(CONFIRM_CATEGORY, "words suggest a kind"))
        if question.kind == "municipality":
            edges.append(Edge(CHOOSE_PLACE, "several or a typo"))
        if qid == flow.start:
            edges.append(Edge(CHOOSE_PLACE, "a place in the first words"))
        if not question.emergency and qid != flow.after_result:
            edges.append(Edge(CORRECT, "something is wrong"))
            if qid != flow.start:
                edges.append(Edge(flow.emergency, "danger in the words"))
        shape = "place" if question.kind == "municipality" else "question"
        nodes.append(Node(qid, f"{qid}: {_short(question.text.en)}", shape, tuple(_unique(edges))))
    place_next = questions[municipality].next if municipality and questions[municipality].next else RESULT
    nodes += [
        Node(CONFIRM_CATEGORY, "confirm_category: I understand it as …", "question", tuple(
            [Edge(t, "yes") for t in after_category] + [Edge(category_question, "something else")]
        )),
        Node(CHOOSE_PLACE, "choose_place: which place?", "question", tuple(_unique(
            [Edge(place_next, "picked or skipped")]
            + [Edge(o.next, "picked, back after the danger question") for o in questions[flow.start].options
               if o.next != flow.emergency]
            + ([Edge(municipality, "none of these")] if municipality else [])
        ))),
        Node(CORRECT, "correct: what should I change?", "question", tuple(_unique(
            [Edge(category_question, "another kind")]
            + ([Edge(municipality, "another place")] if municipality else [])
            + [Edge(qid, "back to the question") for qid, q in questions.items()
               if not q.emergency and qid not in (flow.start, flow.after_result)]
        ))),
        Node(RESULT, "result: local police first, contacts, next steps, legal note", "result",
             (Edge(flow.after_result),)),
        Node(END, "end: state deleted", "terminal"),
        *(Node(f"flow_{a}", f"{a} flow (below)", "terminal", (Edge(t, "back"),)) for a, t in _actions(flow)),
    ]
    return FlowGraph("triage", ENTRY, tuple(nodes))


def _unique(edges: list[Edge]) -> list[Edge]:
    """One edge per target; the labels of several answers leading there are joined."""
    labels: dict[str, list[str]] = {}
    for edge in edges:
        names = labels.setdefault(edge.target, [])
        if edge.label and edge.label not in names:
            names.append(edge.label)
    return [Edge(target, " / ".join(names)) for target, names in labels.items()]


def _short(text: str, limit: int = 60) -> str:
    line = " ".join(text.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def _actions(flow: Flow) -> list[tuple[str, str]]:
    """Flows that options start, with the question the triage returns to afterwards."""
    found: dict[str, str] = {}
    for qid, question in flow.questions.items():
        for option in question.options:
            if option.action and option.action not in found:
                found[option.action] = qid
    return sorted(found.items())


def danger_bypass(flow: Flow) -> list[str] | None:
    """A path from a first message to the result that skips both the danger question and
    the emergency advice; None when every path passes one of them (as it must)."""
    graph = triage_graph(flow)
    return graph.path_avoiding(ENTRY, RESULT, frozenset({flow.start, flow.emergency}))


def safety_problems(flow: Flow) -> list[tuple[str, str]]:
    """(field, message) for each way flow.yaml would let a result come before the danger question."""
    problems: list[tuple[str, str]] = []
    start = flow.questions.get(flow.start)
    emergency = flow.questions.get(flow.emergency)
    if start is not None and not any(o.next == flow.emergency for o in start.options):
        problems.append(("start", f"the first question {flow.start!r} must be the danger question: "
                                  f"one of its answers must lead to {flow.emergency!r}"))
    if start is not None and (start.skip_if_aspect or start.skip_if_category):
        problems.append((f"questions.{flow.start}", "the danger question must never be skipped"))
    if emergency is not None and not emergency.emergency:
        problems.append((f"questions.{flow.emergency}", "the emergency question needs 'emergency: true'"))
    if start is not None and emergency is not None and (path := danger_bypass(flow)):
        problems.append(("start", "this path reaches the result without the danger question: " + " -> ".join(path)))
    return problems
