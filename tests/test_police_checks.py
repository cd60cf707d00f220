"""`knowledge check` on police.yaml: towns, covers and phone numbers against real data."""

from __future__ import annotations

from pathlib import Path

import pytest

from knowledge.police_checks import phone_problem
from tests.test_knowledge_check import broken, run_check


def _errors(out: list[str]) -> list[str]:
    return [line for line in out if line.startswith("error:")]


@pytest.mark.parametrize(
    ("old", "new", "field", "expected"),
    [
        ("    town: Döbeln\n", "    town: Dölben\n", "pr_doebeln.town",
         "station pr_doebeln: town 'Dölben' is not a Saxon municipality; did you mean 'Döbeln'?"),
        ("      - gemeinde: Naunhof\n", "      - gemeinde: Naunhf\n", "pr_grimma.covers",
         "station pr_grimma: covers 'Naunhf', which is not a Saxon municipality; did you mean 'Naunhof'?"),
        ("    phone: 03431 5896-0\n", "    phone: 0351 501\n", "pr_doebeln.phone",
         "station pr_doebeln: '0351 501' looks too short"),
        ("    phone: 03583 620\n", "    phone: +44 20 7946 0958\n", "pr_zittau_oberland.phone",
         "is not a German number"),
    ],
)
def test_station_mistakes_are_named_by_id_with_line_and_hint(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], old: str, new: str, field: str, expected: str
) -> None:
    directory, line = broken(tmp_path, "police.yaml", old, new)
    code, out = run_check(directory, capsys)
    assert code == 1
    errors = _errors(out)
    assert any(e.startswith(f"error: police.yaml:{line} [{field}]") and expected in e for e in errors), errors


def test_a_covered_municipality_of_another_direktion_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Naunhof (PD Leipzig) claimed by a station of PD Dresden.
    directory, _ = broken(tmp_path, "police.yaml", "    direktion: pd_leipzig\n    street: Köhlerstraße 3\n",
                          "    direktion: pd_dresden\n    street: Köhlerstraße 3\n")
    code, out = run_check(directory, capsys)
    assert code == 1
    assert any("[pr_grimma.covers]" in e and "belongs to pd_leipzig, not pd_dresden" in e for e in _errors(out))


@pytest.mark.parametrize("number", ["03431 5896-0", "+49 371 387-0", "03583 620", "(03437) 708925-100", "0351 483-2233"])
def test_plausible_numbers_pass(number: str) -> None:
    assert phone_problem(number) is None


@pytest.mark.parametrize("number", ["0351 501", "110", "0371 12", "12345", "+33 1 23 45 67 89", "not a number"])
def test_implausible_numbers_fail(number: str) -> None:
    assert phone_problem(number) is not None
