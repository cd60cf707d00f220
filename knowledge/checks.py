"""Cross-reference checks over a loaded knowledge base: the things a schema cannot see."""

from __future__ import annotations

import string
from typing import TYPE_CHECKING, Any

from knowledge.schema import RESERVED_TARGETS, FlowTexts, UiTexts
from knowledge.yamlsource import Problem, YamlDocument
from knowledge.content_checks import content_problems
from knowledge.escalation_checks import escalation_problems
from knowledge.examples_checks import example_problems
from knowledge.police_checks import police_problems
from knowledge.text import normalize

if TYPE_CHECKING:
    from knowledge.base import Knowledge


def _problem(k: Knowledge, file: str, loc: tuple, message: str, severity: str = "error") -> Problem:
    doc = k.documents.get(file)
    line = doc.line_of(loc) if doc else None
    name = doc.name_of(loc) if doc else ".".join(str(p) for p in loc)
    return Problem(file, line, name, message, severity)


def reference_problems(k: Knowledge, *, examples: bool = True) -> list[Problem]:
    """Every dangling reference, unreachable question and cycle in the flow; with
    `examples` also the example files' (which parses them if they were not at load)."""
    problems: list[Problem] = []
    problems += _flow_problems(k)
    problems += _safety_problems(k)
    problems += _routing_problems(k)
    problems += police_problems(k)
    problems += placeholder_problems(k)
    problems += escalation_problems(k)
    problems += content_problems(k, examples)
    if examples:
        problems += example_problems(k)
    return problems


def _safety_problems(k: Knowledge) -> list[Problem]:
    """The danger question first, by the shape of the flow (knowledge/flowgraph.py)."""
    from knowledge.flowgraph import safety_problems

    from knowledge.schema import RESERVED_TARGETS

    known = set(k.flow.questions) | RESERVED_TARGETS
    targets = {o.next for q in k.flow.questions.values() for o in q.options} | {
        q.next for q in k.flow.questions.values() if q.next}
    if k.flow.start not in k.flow.questions or k.flow.emergency not in k.flow.questions or targets - known:
        return []  # a dangling reference is reported by _flow_problems; fix that first
    return [
        _problem(k, "flow.yaml", tuple(field.split(".")), message)
        for field, message in safety_problems(k.flow)
    ]


def _flow_problems(k: Knowledge) -> list[Problem]:
    flow, questions = k.flow, k.flow.questions
    out: list[Problem] = []
    for field in ("start", "emergency", "after_result"):
        target = getattr(flow, field)
        if target not in questions:
            out.append(_problem(k, "flow.yaml", (field,), f"no question with id {target!r}"))
    for qid, question in questions.items():
        loc = ("questions", qid)
        if question.kind == "choice" and not question.options:
            out.append(_problem(k, "flow.yaml", loc, "a choice question needs options"))
        if question.kind == "municipality" and not question.next:
            out.append(_problem(k, "flow.yaml", loc, "a municipality question needs `next`"))
        for i, contact in enumerate(question.contacts):
            if contact not in k.contacts:
                out.append(_problem(k, "flow.yaml", (*loc, "contacts", i), f"unknown contact {contact!r}"))
        seen: set[str] = set()
        phrase_owner: dict[str, str] = {}
        for i, option in enumerate(question.options):
            oloc = (*loc, "options", i)
            for j, phrase in enumerate(option.phrases):
                key = " ".join(normalize(phrase.replace("*", "")).split())
                if not key:
                    out.append(_problem(k, "flow.yaml", (*oloc, "phrases", j), "an empty phrase picks nothing"))
                elif phrase_owner.setdefault(key, option.id) != option.id:
                    out.append(_problem(k, "flow.yaml", (*oloc, "phrases", j),
                                        f"{phrase!r} is also a phrase of option {phrase_owner[key]!r}: it would pick neither"))
            if option.id in seen:
                out.append(_problem(k, "flow.yaml", (*oloc, "id"), f"duplicate option {option.id!r}"))
            seen.add(option.id)
            if option.next not in questions and option.next not in RESERVED_TARGETS:
                out.append(_problem(k, "flow.yaml", (*oloc, "next"), _unknown_target(option.next)))
            if option.category and option.category not in k.categories:
                out.append(
                    _problem(k, "flow.yaml", (*oloc, "category"), f"unknown category {option.category!r}")
                )
            if option.aspect and option.aspect not in k.aspects:
                out.append(_problem(k, "flow.yaml", (*oloc, "aspect"), f"unknown aspect {option.aspect!r}"))
            for j, extra in enumerate(option.aspects):
                if extra not in k.aspects:
                    out.append(_problem(k, "flow.yaml", (*oloc, "aspects", j), f"unknown aspect {extra!r}"))
        if question.next and question.next not in questions and question.next not in RESERVED_TARGETS:
            out.append(_problem(k, "flow.yaml", (*loc, "next"), _unknown_target(question.next)))
        if question.skip_to and question.skip_to not in questions and question.skip_to not in RESERVED_TARGETS:
            out.append(_problem(k, "flow.yaml", (*loc, "skip_to"), _unknown_target(question.skip_to)))
        for j, aspect in enumerate(question.skip_if_any_aspect):
            if aspect not in k.aspects:
                out.append(_problem(k, "flow.yaml", (*loc, "skip_if_any_aspect", j), f"unknown aspect {aspect!r}"))
        if question.skip_if_aspect and question.skip_if_aspect not in k.aspects:
            out.append(
                _problem(k, "flow.yaml", (*loc, "skip_if_aspect"), f"unknown aspect {question.skip_if_aspect!r}")
            )
    out += _graph_problems(k)
    return out


def _unknown_target(target: str) -> str:
    reserved = ", ".join(sorted(RESERVED_TARGETS))
    return f"leads to {target!r}, which is neither a question id nor one of: {reserved}"


def _edges(k: Knowledge, qid: str) -> list[str]:
    question = k.flow.questions[qid]
    targets = [o.next for o in question.options if not o.show]  # `show` stays on the question
    targets += [t for t in (question.next, question.skip_to) if t]
    return [t for t in targets if t in k.flow.questions]


def _graph_problems(k: Knowledge) -> list[Problem]:
    questions = k.flow.questions
    roots = [r for r in (k.flow.start, k.flow.emergency, k.flow.after_result) if r in questions]
    reachable: set[str] = set()
    stack = list(roots)
    while stack:
        qid = stack.pop()
        if qid in reachable:
            continue
        reachable.add(qid)
        stack.extend(_edges(k, qid))
    out = [
        _problem(k, "flow.yaml", ("questions", qid), f"question {qid!r} is unreachable")
        for qid in questions
        if qid not in reachable
    ]
    # Depth-first search for a cycle: a conversation must always reach a result.
    state: dict[str, int] = {}

    def visit(qid: str, trail: list[str]) -> list[str] | None:
        state[qid] = 1
        for nxt in _edges(k, qid):
            if state.get(nxt) == 1:
                return [*trail, qid, nxt]
            if nxt not in state and (cycle := visit(nxt, [*trail, qid])):
                return cycle
        state[qid] = 2
        return None

    for root in roots:
        if root not in state and (cycle := visit(root, [])):
            start = cycle.index(cycle[-1])
            path = " -> ".join(cycle[start:])
            out.append(_problem(k, "flow.yaml", ("questions", cycle[-1]), f"cycle in the flow: {path}"))
            break
    return out


def _routing_problems(k: Knowledge) -> list[Problem]:
    out: list[Problem] = []
    known = set(k.contacts) | {k.catalogue.police_contact}
    for cid, category in k.categories.items():
        for field in ("lead_contacts", "contacts"):
            for i, contact in enumerate(getattr(category, field)):
                if contact not in known:
                    out.append(
                        _problem(k, "categories.yaml", ("categories", cid, field, i), f"unknown contact {contact!r}")
                    )
        for i, contact in enumerate(category.exclude_contacts):
            if contact not in known:
                out.append(
                    _problem(
                        k, "categories.yaml", ("categories", cid, "exclude_contacts", i),
                        f"unknown contact {contact!r}",
                    )
                )
        for i, aspect in enumerate(category.aspects):
            if aspect not in k.aspects:
                out.append(
                    _problem(k, "categories.yaml", ("categories", cid, "aspects", i), f"unknown aspect {aspect!r}")
                )
    for aid, aspect in k.aspects.items():
        for field in ("lead_contacts", "contacts"):
            for i, contact in enumerate(getattr(aspect, field)):
                if contact not in known:
                    out.append(
                        _problem(k, "categories.yaml", ("aspects", aid, field, i), f"unknown contact {contact!r}")
                    )
    for i, contact in enumerate(k.catalogue.nationwide_contacts):
        if contact not in k.contacts:
            out.append(
                _problem(k, "categories.yaml", ("nationwide_contacts", i), f"unknown contact {contact!r}")
            )
    routed = {o.category for q in k.flow.questions.values() for o in q.options if o.category}
    for cid in k.categories:
        if cid not in routed:
            out.append(
                _problem(k, "categories.yaml", ("categories", cid), f"category {cid!r} is offered by no question")
            )
    return out


# The placeholders the code fills in each text of texts.yaml; a text not listed here gets
# none. A module that formats a new text with fields adds it here.
TEXT_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "session_expired": frozenset({"minutes"}),
    "unknown_command": frozenset({"command"}),
    "confirm_category": frozenset({"label"}),
    "place_outside": frozenset({"place", "state"}),
    "place_district": frozenset({"district"}),
    "result_header": frozenset({"category"}),
    "result_header_place": frozenset({"category", "place"}),
    "result_place_header": frozenset({"place"}),
    "police_station_note": frozenset({"direktion"}),
    "police_fallback_note": frozenset({"place", "direktion"}),
    "knowledge_reloaded": frozenset({"version"}),
    "knowledge_unchanged": frozenset({"version"}),
    "knowledge_reload_failed": frozenset({"count", "version", "problems"}),
    "telegram_file_too_large": frozenset({"limit_mb"}),
    "matrix_file_too_large": frozenset({"limit_mb"}),
}
# The same for the texts in flow.yaml `texts`.
FLOW_TEXT_PLACEHOLDERS: dict[str, frozenset[str]] = {
    "understood": frozenset({"facts"}),
    "fix_category": frozenset({"label"}),
    "fix_place": frozenset({"place"}),
    "fix_aspect": frozenset({"label"}),
    "emergency_again": frozenset({"safe"}),
    "cannot_call_escalate": frozenset({"option"}),
    "danger_denied_first": frozenset({"no"}),
    "location_at_advice": frozenset({"place"}),
    "help_here": frozenset({"safe"}),
    "among_people": frozenset({"safe"}),
}


def _fields_in(text: str) -> set[str]:
    """Placeholder names in a format string; raises ValueError on a broken brace."""
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def placeholder_problems(k: Knowledge) -> list[Problem]:
    """Every {placeholder} in texts.yaml and flow.yaml `texts` must be one the code fills
    for that text."""
    out: list[Problem] = []
    for name in UiTexts.model_fields:
        value = getattr(k.texts, name)
        if name == "terms":  # each legal word's label and meaning: no placeholders
            for tid, term in value.items():
                for part in ("label", "meaning"):
                    out += _placeholder_problems(k, "texts.yaml", ("terms", tid, part, "{lang}"), getattr(term, part),
                                                 frozenset())
            continue
        if name == "faq":  # each answer: no placeholders; its cards: known contacts
            for fid, faq in value.items():
                out += _placeholder_problems(k, "texts.yaml", ("faq", fid, "answer", "{lang}"), faq.answer, frozenset())
                out += [_problem(k, "texts.yaml", ("faq", fid, "contacts", i), f"unknown contact {cid!r}")
                        for i, cid in enumerate(faq.contacts) if cid not in k.contacts]
            continue
        texts = value.values() if isinstance(value, dict) else [value]
        for text in texts:
            loc = (name,) if isinstance(value, dict) else (name, "{lang}")
            out += _placeholder_problems(k, "texts.yaml", loc, text, TEXT_PLACEHOLDERS.get(name, frozenset()))
    for name in FlowTexts.model_fields:
        allowed = FLOW_TEXT_PLACEHOLDERS.get(name, frozenset())
        out += _placeholder_problems(k, "flow.yaml", ("texts", name, "{lang}"), getattr(k.flow.texts, name), allowed)
    return out


def _placeholder_problems(k: Knowledge, file: str, loc: tuple[str, ...], text: Any,
                          allowed: frozenset[str]) -> list[Problem]:
    out: list[Problem] = []
    for lang in ("de", "en"):
        where = tuple(lang if part == "{lang}" else part for part in loc)
        try:
            used = _fields_in(text.get(lang))
        except ValueError as exc:
            out.append(_problem(k, file, where, f"broken placeholder: {exc}; write {{{{ for a literal brace"))
            continue
        for field in sorted(used - allowed):
            expected = ", ".join("{" + f + "}" for f in sorted(allowed)) or "no placeholders"
            out.append(_problem(k, file, where, f"unknown placeholder {{{field}}}; this text can use: {expected}"))
    return out


def police_raw_problems(doc: YamlDocument, saxon_districts: frozenset[str]) -> list[Problem]:
    """Locate police.yaml cross-reference errors by line (the schema only says *that* one failed)."""
    data: Any = doc.data
    if not isinstance(data, dict):
        return []
    out: list[Problem] = []
    direktionen = data.get("direktionen") if isinstance(data.get("direktionen"), list) else []
    stations = data.get("stations") if isinstance(data.get("stations"), list) else []
    owner: dict[str, int] = {}
    ids: dict[str, tuple] = {}
    for i, d in enumerate(direktionen):
        if not isinstance(d, dict):
            continue
        if isinstance(d.get("id"), str):
            ids.setdefault(d["id"], ("direktionen", i, "id"))
        for j, code in enumerate(d.get("districts") or []):
            if str(code) in owner:
                out.append(_raw(doc, ("direktionen", i, "districts", j), f"district {code} is already in direktion #{owner[str(code)] + 1}"))
            owner[str(code)] = i
    for code in sorted(saxon_districts - set(owner)):
        out.append(_raw(doc, ("direktionen",), f"district {code} is mapped to no Polizeidirektion; add it to one direktion's `districts`"))
    known = {d.get("id") for d in direktionen if isinstance(d, dict)}
    for i, st in enumerate(stations):
        if not isinstance(st, dict):
            continue
        if isinstance(st.get("id"), str):
            if st["id"] in ids:
                out.append(_raw(doc, ("stations", i, "id"), f"duplicate id {st['id']!r}"))
            ids.setdefault(st["id"], ("stations", i, "id"))
        if "direktion" in st and st["direktion"] not in known:
            choices = ", ".join(sorted(str(x) for x in known if x))
            out.append(_raw(doc, ("stations", i, "direktion"), f"unknown direktion {st['direktion']!r}; expected one of: {choices}"))
    return out


def _raw(doc: YamlDocument, loc: tuple, message: str) -> Problem:
    return Problem(doc.file, doc.line_of(loc), doc.name_of(loc), message)
