"""`schutzlotse knowledge check` and `schema`: precise errors on broken copies of the shipped files."""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import jsonschema
import pytest

from bot.cli import main
from bot.cli_knowledge import check_directory
from knowledge.base import FILES, default_dir
from knowledge.yamlsource import read_yaml


def broken(tmp_path: Path, file: str, old: str, new: str) -> tuple[Path, int]:
    """Copy the shipped knowledge and replace `old` by `new` in one file; return dir and line."""
    directory = tmp_path / "knowledge"
    shutil.copytree(default_dir(), directory)
    path = directory / file
    text = path.read_text(encoding="utf-8")
    assert text.count(old) >= 1, old
    text = text.replace(old, new, 1)
    path.write_text(text, encoding="utf-8")
    return directory, text[: text.index(new)].count("\n") + 1


def line_of(directory: Path, file: str, needle: str) -> int:
    text = (directory / file).read_text(encoding="utf-8")
    return text[: text.index(needle)].count("\n") + 1


def run_check(directory: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, list[str]]:
    code = main(["knowledge", "check", str(directory), *extra])
    return code, capsys.readouterr().out.splitlines()


def test_shipped_knowledge_passes_with_warnings(capsys: pytest.CaptureFixture[str]) -> None:
    code, out = run_check(default_dir(), capsys, "--today", "2026-11-25")
    assert code == 0
    assert not [line for line in out if line.startswith("error:")]
    warnings = [line for line in out if line.startswith("warning:")]
    assert any("[contacts.zora] no phone number" in w for w in warnings)
    assert any("[contacts.weisser_ring] no `verified_on`" in w for w in warnings)
    assert out[-1] == f"0 error(s), {len(warnings)} warning(s)"


def test_verified_on_older_than_twelve_months_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    _, recent = run_check(default_dir(), capsys, "--today", "2027-11-24")
    _, later = run_check(default_dir(), capsys, "--today", "2027-11-27")
    assert not [w for w in recent if "older than 12 months" in w]
    stale = [w for w in later if "older than 12 months" in w]
    text = (default_dir() / "contacts.yaml").read_text(encoding="utf-8")
    line = text[: text.index("    verified_on:", text.index("  zastex:"))].count("\n") + 1
    assert f"warning: contacts.yaml:{line} [contacts.zastex.verified_on] verified_on 2026-11-25 is older" in "\n".join(stale)


CASES = [
    # name, file, old, new, field, message part, line anchor (None: the changed line)
    ("bad_yaml", "flow.yaml", "after_result: after_result", "after_result: after: result",
     "", "invalid YAML: mapping values are not allowed here", None),
    ("unknown_contact", "categories.yaml", "contacts: [polizeirevier, weisser_ring]", "contacts: [polizeirevier, weisser_rng]",
     "categories.physical_attack.contacts.1", "unknown contact 'weisser_rng'", None),
    ("cycle", "flow.yaml", "        aspect: repeated\n        next: municipality", "        aspect: repeated\n        next: aspect_online",
     "questions.aspect_online", "cycle in the flow: aspect_online -> aspect_extremist -> aspect_private -> aspect_repeated -> aspect_online",
     "  aspect_online:"),
    ("missing_translation", "categories.yaml", 'label: {de: "Bedrohung", en: "Threat"}', 'label: {de: "Bedrohung"}',
     "categories.threat.label.en", "the 'en' translation is missing", None),
    ("field_typo", "contacts.yaml", '    phone: "+49 351 855-2223"', '    phnoe: "+49 351 855-2223"',
     "contacts.zastex.phnoe", "unknown field 'phnoe'; did you mean 'phone'?", None),
    ("option_nowhere", "flow.yaml", "        next: emergency\n", "        next: emergengy\n",
     "questions.danger_now.options.0.next", "leads to 'emergengy', which is neither a question id nor one of: end, restart, result", None),
    ("unknown_placeholder", "texts.yaml", "{place} liegt nicht in Sachsen", "{ort} liegt nicht in Sachsen",
     "place_outside.de", "unknown placeholder {ort}; this text can use: {place}, {state}", "  de: >-\n    {ort}"),
    ("station_direktion", "police.yaml", "    direktion: pd_chemnitz\n", "    direktion: pd_chemnitzz\n",
     "stations.0.direktion", "unknown direktion 'pd_chemnitzz'; expected one of: pd_chemnitz, pd_dresden", None),
    ("district_unmapped", "police.yaml", 'districts: ["14523", "14524"]', 'districts: ["14523"]',
     "direktionen", "district 14524 is mapped to no Polizeidirektion", "direktionen:"),
]


@pytest.mark.parametrize(("name", "file", "old", "new", "field", "message", "anchor"), CASES, ids=[c[0] for c in CASES])
def test_broken_fixture_fails_precisely(
    tmp_path: Path, capsys: pytest.CaptureFixture[str],
    name: str, file: str, old: str, new: str, field: str, message: str, anchor: str | None,
) -> None:
    directory, changed_line = broken(tmp_path, file, old, new)
    line = line_of(directory, file, anchor) if anchor else changed_line
    code, out = run_check(directory, capsys)
    assert code == 1
    errors = [entry for entry in out if entry.startswith("error:")]
    where = f"error: {file}:{line}" + (f" [{field}]" if field else "")
    assert any(e.startswith(where) and message in e for e in errors), (where, message, errors)


def test_errors_and_warnings_are_separated(tmp_path: Path) -> None:
    directory, _ = broken(tmp_path, "contacts.yaml", "    verified_on: 2026-11-25\n", "")
    errors, warnings = check_directory(directory, dt.date(2026, 11, 25))
    assert errors == []
    assert any(w.field == "contacts.notruf" and "verified_on" in w.message for w in warnings)


def test_schema_files_validate_the_shipped_yaml_and_catch_typos(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["knowledge", "schema", str(tmp_path / "schema")]) == 0
    for name in FILES:
        schema = json.loads((tmp_path / "schema" / name.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))
        data = json.loads(json.dumps(read_yaml(default_dir() / name).data, default=str))
        jsonschema.validate(data, schema)
    contacts = json.loads((tmp_path / "schema" / "contacts.schema.json").read_text(encoding="utf-8"))
    typo = {"contacts": {"x": {"name": {"de": "a", "en": "b"}, "what": {"de": "a", "en": "b"}, "phnoe": "1"}}}
    with pytest.raises(jsonschema.ValidationError, match="phnoe"):
        jsonschema.validate(typo, contacts)
