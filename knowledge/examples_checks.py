"""`knowledge check` rules for the labelled examples (examples-de.yaml, examples-en.yaml)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from knowledge.classifier import MAX_LABELS
from knowledge.examples import EXAMPLE_FILES, MIN_PER_CATEGORY, OUT_OF_SCOPE
from knowledge.text import normalize
from knowledge.fieldhints import closest
from knowledge.yamlsource import Problem

if TYPE_CHECKING:
    from knowledge.base import Knowledge


def example_problems(k: Knowledge) -> list[Problem]:
    """Unknown category ids (an error when it looks like a typo of a defined one, a warning
    when it is a new id: its examples wait until categories.yaml defines it), duplicates,
    more than MAX_LABELS categories for one text (the same text under two categories is an
    example of both: a threat inside an insult), and categories with fewer than
    MIN_PER_CATEGORY examples in a language."""
    out: list[Problem] = []
    known = sorted(k.categories)
    seen: dict[tuple[bool, str], tuple[str, str]] = {}  # (a category?, normalised text) -> (file, label)
    labels_of: dict[tuple[str, str], set[str]] = {}  # (file, normalised text) -> its categories
    for lang, examples in sorted(k.examples.items()):
        file = EXAMPLE_FILES[lang]
        doc = k.examples.documents.get(file)

        def problem(loc: tuple, message: str, severity: str = "warning") -> Problem:
            line = doc.line_of(loc) if doc else None
            return Problem(file, line, ".".join(str(p) for p in loc), message, severity)

        for cid, texts in examples.categories.items():
            if cid not in k.categories:
                hint = closest(cid, known)
                if hint:
                    out.append(problem(("categories", cid), f"unknown category {cid!r}; did you mean {hint!r}?", "error"))
                else:
                    out.append(problem(("categories", cid), f"category {cid!r} is not defined in categories.yaml: "
                                       "its examples are not learned until it is"))
        labelled = [(("categories", cid, i), cid, t) for cid, texts in examples.categories.items()
                    for i, t in enumerate(texts)]
        labelled += [(("danger_now", i), "danger_now", t) for i, t in enumerate(examples.danger_now)]
        labelled += [(("not_danger_now", i), "not_danger_now", t) for i, t in enumerate(examples.not_danger_now)]
        labelled += [(("out_of_scope", i), OUT_OF_SCOPE, t) for i, t in enumerate(examples.out_of_scope)]
        for loc, label, text in labelled:
            key = normalize(text)  # case, punctuation and ä/ae alike; cheap at every load
            if loc[0] in ("categories", "out_of_scope"):
                labels = labels_of.setdefault((file, key), set())
                if label in labels:
                    out.append(problem(loc, f"duplicate example ({label})"))
                    continue
                labels.add(label)
                if OUT_OF_SCOPE in labels and len(labels) > 1:
                    out.append(problem(loc, "an example out of scope tells no incident; this one is also under "
                                       + ", ".join(sorted(labels - {OUT_OF_SCOPE})), "error"))
                    continue
                if len(labels) > MAX_LABELS:
                    out.append(problem(loc, f"an example has at most {MAX_LABELS} categories; this one is also under "
                                       + ", ".join(sorted(labels - {label}))))
                    continue
                if len(labels) > 1:
                    continue  # the same text under a second category: an example of both
            # A category says what happened and danger_now that it is happening: a live
            # scene may be under both. Within each, the same text twice is a problem.
            section = (loc[0] in ("categories", "out_of_scope"), key)
            if section in seen and not (seen[section][1] == label and seen[section][0] != file):
                # The same words under the same label in both languages ("SOS") are fine.
                other_file, other_label = seen[section]
                where = f"{other_label}" + (f" in {other_file}" if other_file != file else "")
                what = "duplicate example" if other_label == label else "the same example is also under"
                out.append(problem(loc, f"{what} ({where})" if other_label == label else f"{what} {where}"))
            else:
                seen.setdefault(section, (file, label))
        for cid in known:
            count = len(examples.categories.get(cid, []))
            if count < MIN_PER_CATEGORY:
                loc = ("categories", cid) if cid in examples.categories else ("categories",)
                out.append(problem(loc, f"category {cid!r} has {count} {lang} example(s); "
                                   f"at least {MIN_PER_CATEGORY} help the bot recognise it"))
    return out
