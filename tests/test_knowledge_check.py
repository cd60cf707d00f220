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
     "", "has a second ':' in its value; if the text contains a colon, put the whole value in double quotes", None),
    ("unknown_contact", "categories.yaml", "contacts: [polizeirevier, weisser_ring]", "contacts: [polizeirevier, weisser_rng]",
     "categories.physical_attack.contacts.weisser_rng", "unknown contact 'weisser_rng'", None),
    ("cycle", "flow.yaml", "        aspect: repeated\n        next: municipality", "        aspect: repeated\n        next: aspect_online",
     "questions.aspect_online", "cycle in the flow: aspect_online -> aspect_extremist -> aspect_home_repeated -> aspect_online",
     "  aspect_online:"),
    ("missing_translation", "categories.yaml", 'label: {de: "Bedrohung", en: "Threat"}', 'label: {de: "Bedrohung"}',
     "categories.threat.label.en", "the 'en' translation is missing", None),
    ("field_typo", "contacts.yaml", '    phone: "+49 351 855-2223"', '    phnoe: "+49 351 855-2223"',
     "contacts.zastex.phnoe", "unknown field 'phnoe'; did you mean 'phone'?", None),
    ("option_nowhere", "flow.yaml", "        next: emergency\n", "        next: emergengy\n",
     "questions.danger_now.options.danger_yes.next", "leads to 'emergengy', which is neither a question id nor one of: end, restart, result", None),
    ("unknown_placeholder", "texts.yaml", "{place} liegt nicht in Sachsen", "{ort} liegt nicht in Sachsen",
     "place_outside.de", "unknown placeholder {ort}; this text can use: {place}, {state}", "  de: >-\n    {ort}"),
    ("flow_placeholder", "flow.yaml", "Sicherheit sind: „{safe}“", "Sicherheit sind: „{sicher}“",
     "texts.emergency_again.de", "unknown placeholder {sicher}; this text can use: {safe}", None),
    ("station_direktion", "police.yaml", "    direktion: pd_chemnitz\n", "    direktion: pd_chemnitzz\n",
     "stations.pr_annaberg.direktion", "unknown direktion 'pd_chemnitzz'; expected one of: pd_chemnitz, pd_dresden", None),
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


# --- mistakes `knowledge check` used to let through (issue 11) ---------------------------


def errors_for(tmp_path: Path, file: str, old: str, new: str) -> tuple[int, list[str]]:
    directory, line = broken(tmp_path, file, old, new)
    errors, _ = check_directory(directory)
    return line, [f"{e.file}:{e.line} [{e.field}] {e.message}" for e in errors]


def test_garbled_umlauts_are_an_error_that_names_the_word(tmp_path: Path) -> None:
    line, errors = errors_for(
        tmp_path, "contacts.yaml", "Beratung bei digitaler Gewalt", "Beratung fÃ¼r digitale Gewalt"
    )
    assert any(
        e.startswith(f"contacts.yaml:{line} [contacts.hateaid.what.de] garbled characters in 'fÃ¼r' (probably 'für')")
        and "save the file as UTF-8" in e
        for e in errors
    ), errors


def test_incomplete_phone_number_is_an_error(tmp_path: Path) -> None:
    line, errors = errors_for(tmp_path, "contacts.yaml", '"+49 351 855-2223"', '"0351 501"')
    assert any(
        e.startswith(f"contacts.yaml:{line} [contacts.zastex.phone] phone '0351 501' looks incomplete")
        and "check it against the source" in e
        for e in errors
    ), errors


@pytest.mark.parametrize(("number", "ok"), [
    ("110", True), ("116 006", True), ("+49 351 855-2223", True), ("030 252 088 38", True),
    ("0800 300 99 44", True), ("03583 620", True), ("0351 501", False), ("035 1", False), ("12", False),
])
def test_phone_plausibility(number: str, ok: bool) -> None:
    from knowledge.content_checks import phone_problem

    assert (phone_problem(number) is None) is ok


YAML_MISTAKES = [
    # name, old, new, message part, line offset from the changed line
    ("indentation", '    phone: "+49 351 855-2223"', '     phone: "+49 351 855-2223"',
     "check the spaces at the start of line {line}", 0),
    ("tab", '    phone: "+49 351 855-2223"', '\tphone: "+49 351 855-2223"',
     "line {line} is indented with a tab", 0),
    ("missing_colon", '    phone: "+49 351 855-2223"', '    phone "+49 351 855-2223"',
     "line {line} has no ':' after its field name", 0),
    ("open_quote", '    phone: "+49 351 855-2223"', '    phone: "+49 351 855-2223',
     'a quotation mark (") on line {line} is not closed', 0),
    ("open_brace", 'name: {de: "HateAid", en: "HateAid"}', 'name: {de: "HateAid", en: "HateAid"',
     "the '{{' on line {line} is not closed", 0),
]


@pytest.mark.parametrize(("name", "old", "new", "message", "offset"), YAML_MISTAKES, ids=[m[0] for m in YAML_MISTAKES])
def test_yaml_mistakes_in_plain_words_on_the_right_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, old: str, new: str, message: str, offset: int
) -> None:
    directory, line = broken(tmp_path, "contacts.yaml", old, new)
    code, out = run_check(directory, capsys)
    assert code == 1
    where = f"error: contacts.yaml:{line + offset} invalid YAML: "
    expected = message.format(line=line + offset)
    assert any(entry.startswith(where) and expected in entry for entry in out), (where, expected, out)
    assert not any("<block" in entry or "scanning" in entry for entry in out)  # no parser jargon


def test_flow_options_and_police_stations_are_named_by_id(tmp_path: Path) -> None:
    _, errors = errors_for(tmp_path, "police.yaml", "    direktion: pd_chemnitz\n", "    direktion: pd_chemnitzz\n")
    assert any("[stations.pr_annaberg.direktion]" in e for e in errors), errors
    assert not any("[stations.0" in e for e in errors)


def test_the_last_good_version_is_mentioned_only_where_a_bot_runs(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    directory, _ = broken(tmp_path, "contacts.yaml", '"+49 351 855-2223"', '"0351 501"')
    code = main(["knowledge", "check", str(directory)])
    captured = capsys.readouterr()
    assert code == 1
    assert "last good" not in captured.out + captured.err
    assert "Fix the errors above" in captured.err


def test_admin_guide_explains_adding_a_contact_end_to_end() -> None:
    guide = (Path(__file__).parent.parent / "docs" / "admin.md").read_text(encoding="utf-8")
    section = guide[guide.index("## Add a contact"):]
    section = section[: section.index("\n## ", 4)]
    for needle in ("contacts.yaml", "categories.yaml", "knowledge check", "reload", "verified_on", "notes", "what"):
        assert needle in section, needle


def test_a_phrase_under_two_options_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    directory, _ = broken(tmp_path, "flow.yaml", "phrases: [beenden,", "phrases: [andere stellen, beenden,")
    code, out = run_check(directory, capsys)
    assert code == 1
    assert any("'andere stellen' is also a phrase of option 'more_contacts': it would pick neither" in line
               and line.startswith("error: flow.yaml:") for line in out)
