"""`knowledge check` rules for the example files, on edited copies of the shipped knowledge."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot.cli_knowledge import check_directory
from knowledge.base import default_dir, load
from knowledge.yamlsource import KnowledgeError


@pytest.fixture
def directory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("SCHUTZLOTSE_MODEL_CACHE", str(tmp_path / "cache"))
    target = tmp_path / "knowledge"
    shutil.copytree(default_dir(), target)
    return target


def edit(path: Path, old: str, new: str) -> int:
    text = path.read_text(encoding="utf-8")
    assert old in text
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return text[: text.index(new)].count("\n") + 1


def test_shipped_examples_have_no_errors() -> None:
    errors, warnings = check_directory(default_dir())
    assert errors == []
    assert not [w for w in warnings if w.file.startswith("examples-") and "duplicate" in w.message]


def test_a_misspelt_category_is_an_error_with_a_suggestion(directory: Path) -> None:
    line = edit(directory / "examples-en.yaml", "\n  threat:\n", "\n  thraet:\n") + 1
    errors, _ = check_directory(directory)
    assert [(e.file, e.line, e.message) for e in errors] == [
        ("examples-en.yaml", line, "unknown category 'thraet'; did you mean 'threat'?")
    ]
    with pytest.raises(KnowledgeError):
        load(directory)


def test_examples_for_a_category_not_defined_yet_only_warn(directory: Path) -> None:
    edit(directory / "examples-de.yaml", "\n  coercion:\n", "\n  housing_dispute:\n")
    errors, warnings = check_directory(directory)
    assert errors == []
    assert any("'housing_dispute' is not defined in categories.yaml" in w.message for w in warnings)
    assert any("category 'coercion' has 0 de example(s)" in w.message for w in warnings)
    k = load(directory)
    assert "coercion" in k.categories and k.model is not None


def test_a_text_under_two_categories_is_an_example_of_both_and_a_third_warns(directory: Path) -> None:
    """The same text under a second category is a second label (a threat inside an insult),
    trained as an example of both; under a third it warns, and twice in one category it is
    a duplicate."""
    from knowledge.training import category_rows, training_set

    path = directory / "examples-en.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  stalking:\n") + len("\n  stalking:\n")
    first = text[start:text.index("\n", start)]
    edit(path, "\n  doxxing:\n", f"\n  doxxing:\n{first}\n")
    errors, warnings = check_directory(directory)
    assert errors == []
    assert not [w for w in warnings if w.file == "examples-en.yaml" and "categor" in w.message and "also" in w.message]
    texts, labels = category_rows(training_set(load(directory, check_references=False)))
    assert labels[texts.index(first.strip()[3:-1])] == {"stalking", "doxxing"}

    edit(path, "\n  insult:\n", f"\n  insult:\n{first}\n")
    edit(path, "\n  doxxing:\n", f"\n  doxxing:\n{first}\n")
    errors, warnings = check_directory(directory)
    messages = [w.message for w in warnings if w.file == "examples-en.yaml"]
    assert errors == []
    assert "an example has at most 2 categories; this one is also under doxxing, stalking" in messages
    assert "duplicate example (doxxing)" in messages


def test_few_examples_warn(directory: Path) -> None:
    path = directory / "examples-en.yaml"
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  insult:\n") + len("\n  insult:\n")
    end = text.index("\n  online_hate:\n")
    kept = "\n".join(text[start:end].split("\n")[:3])
    path.write_text(text[:start] + kept + text[end:], encoding="utf-8")
    errors, warnings = check_directory(directory)
    assert errors == []
    assert any(w.message.startswith("category 'insult' has 3 en example(s)") for w in warnings)


def test_an_unknown_field_in_an_examples_file_is_an_error(directory: Path) -> None:
    edit(directory / "examples-de.yaml", "language: de\n", "language: de\nsprache: de\n")
    errors, _ = check_directory(directory)
    assert any(e.file == "examples-de.yaml" and "unknown field 'sprache'" in e.message for e in errors)


def test_a_live_scene_under_a_category_and_danger_now_teaches_both(directory: Path) -> None:
    """What happened (the category) and that it is happening (danger_now) are two questions:
    the same text under both is no duplicate, and the danger head does not take it as an
    everyday message; under danger_now and not_danger_now it contradicts itself."""
    from knowledge.training import danger_rows, training_set

    scene = "die hämmern grad zu fünft an meine tür und brüllen, sie kriegen mich"
    path = directory / "examples-de.yaml"
    edit(path, "\n  threat:\n", f'\n  threat:\n    - "{scene}"\n')
    edit(path, "\ndanger_now:\n", f'\ndanger_now:\n  - "{scene}"\n')
    errors, warnings = check_directory(directory)
    assert errors == []
    assert not [w for w in warnings if w.file == "examples-de.yaml" and ("also under" in w.message or "duplicate" in w.message)]
    texts, labels, _ = danger_rows(training_set(load(directory, check_references=False)))
    assert [label for text, label in zip(texts, labels) if text == scene] == ["danger"]

    edit(path, "\nnot_danger_now:\n", f'\nnot_danger_now:\n  - "{scene}"\n')
    _, warnings = check_directory(directory)
    assert any(w.file == "examples-de.yaml" and "also under danger_now" in w.message for w in warnings)
