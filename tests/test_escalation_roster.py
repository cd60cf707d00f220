"""Duty roster: shift boundaries in Europe/Berlin (across DST), overrides, declarations;
and the loader's checks of roster.yaml and escalation.yaml."""

from __future__ import annotations

import re

import datetime as dt

import pytest
import yaml

import knowledge.base as kb
from knowledge.roster import DutyRoster, Officer
from knowledge.yamlsource import KnowledgeError
from tests.escalation_helpers import knowledge_dir, officer

UTC = dt.timezone.utc


def _officer(**extra) -> Officer:
    return Officer.model_validate(officer("a", ["telegram:1:1"], ["pd_dresden"], **extra))


@pytest.mark.parametrize(("when", "on"), [
    # Normal winter day: 22:00 CET = 21:00 UTC.
    (dt.datetime(2026, 11, 25, 20, 59, tzinfo=UTC), True),
    (dt.datetime(2026, 11, 25, 21, 1, tzinfo=UTC), False),
    # 2026-10-25, clocks go back at 03:00 CEST: the evening is CET already.
    (dt.datetime(2026, 10, 25, 20, 59, tzinfo=UTC), True),
    (dt.datetime(2026, 10, 25, 21, 1, tzinfo=UTC), False),
    # 2027-03-28, clocks go forward at 02:00 CET: 22:00 CEST = 20:00 UTC.
    (dt.datetime(2027, 3, 28, 19, 59, tzinfo=UTC), True),
    (dt.datetime(2027, 3, 28, 20, 1, tzinfo=UTC), False),
    # Start of the shift: 06:00 CEST on 2027-03-28 = 04:00 UTC.
    (dt.datetime(2027, 3, 28, 3, 59, tzinfo=UTC), False),
    (dt.datetime(2027, 3, 28, 4, 0, tzinfo=UTC), True),
])
def test_day_shift_ends_at_22_local_time(when, on):
    assert _officer().rostered(when) is on


def test_night_shift_across_midnight_and_dst_end():
    night = _officer(shifts=[{"days": ["sat"], "start": "22:00", "end": "06:00"}])
    # Sat 2026-10-24 22:00 CEST (20:00 UTC) to Sun 06:00 CET (05:00 UTC): nine hours.
    assert not night.rostered(dt.datetime(2026, 10, 24, 19, 59, tzinfo=UTC))
    assert night.rostered(dt.datetime(2026, 10, 24, 20, 0, tzinfo=UTC))
    assert night.rostered(dt.datetime(2026, 10, 25, 4, 59, tzinfo=UTC))
    assert not night.rostered(dt.datetime(2026, 10, 25, 5, 1, tzinfo=UTC))


def test_overrides_holiday_sick_and_extra_duty():
    a = _officer(overrides=[
        {"kind": "holiday", "from_day": "2026-12-24", "to_day": "2026-12-26"},
        {"kind": "extra", "from_day": "2026-12-27", "start": "23:00", "end": "02:00"},
    ])
    assert a.rostered(dt.datetime(2026, 12, 23, 12, tzinfo=UTC))
    assert not a.rostered(dt.datetime(2026, 12, 25, 12, tzinfo=UTC))
    assert a.rostered(dt.datetime(2026, 12, 28, 0, 30, tzinfo=UTC))  # 01:30 local, extra night
    assert not a.rostered(dt.datetime(2026, 12, 28, 1, 30, tzinfo=UTC))


def test_declaration_beats_roster_until_it_expires():
    roster = DutyRoster.model_validate({"officers": [officer("a", ["telegram:1:1"], ["pd_dresden"])]})
    noon = dt.datetime(2026, 11, 25, 12, tzinfo=UTC)
    assert [o.id for o in roster.on_duty(noon, {}, 12)] == ["a"]
    assert roster.on_duty(noon, {"a": (False, noon - dt.timedelta(hours=1))}, 12) == []
    night = dt.datetime(2026, 11, 25, 23, tzinfo=UTC)
    assert [o.id for o in roster.on_duty(night, {"a": (True, night - dt.timedelta(hours=2))}, 12)] == ["a"]
    assert roster.on_duty(night, {"a": (True, night - dt.timedelta(hours=13))}, 12) == []


def test_shipped_roster_is_a_marked_example():
    k = kb.load()
    text = (k.source_dir / "roster.yaml").read_text("utf-8")
    assert "BEISPIEL" in text and "replace" in text
    assert all(o.name.startswith("Beispiel") for o in k.roster.officers)


def _problems(tmp_path, file: str, change) -> list[str]:
    kdir = knowledge_dir(tmp_path)
    data = yaml.safe_load((kdir / file).read_text("utf-8"))
    change(data)
    (kdir / file).write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    with pytest.raises(KnowledgeError) as err:
        kb.load(kdir)
    return [str(p) for p in err.value.problems]


def test_unknown_polizeidirektion_names_file_line_and_field(tmp_path):
    problems = _problems(tmp_path, "roster.yaml", lambda d: d["officers"][1].update(direktionen=["pd_berlin"]))
    assert len(problems) == 1 and problems[0].startswith("roster.yaml:")
    assert "officers.1.direktionen.0" in problems[0] and "pd_berlin" in problems[0]


def test_policy_step_must_name_a_real_group(tmp_path):
    problems = _problems(tmp_path, "escalation.yaml", lambda d: d["policy"]["steps"][2].update(group="nirgends"))
    assert problems[0].startswith("escalation.yaml:") and "policy.steps.2.group" in problems[0]


def test_typos_and_bad_shapes_are_refused(tmp_path):
    def damage(d):
        d["officers"][0]["shifts"][0]["strat"] = "06:00"
        d["officers"][0]["keys"] = ["telegram-1"]
    problems = _problems(tmp_path, "roster.yaml", damage)
    joined = "\n".join(problems)
    # Officers are named by their id (not their position) so an admin finds them.
    assert re.search(r"officers\.\w+\.shifts\.0\.strat", joined) and "unknown field" in joined
    assert re.search(r"officers\.\w+\.keys", joined) and "conversation key" in joined


def test_unquoted_time_is_explained(tmp_path):
    kdir = knowledge_dir(tmp_path)
    text = (kdir / "roster.yaml").read_text("utf-8").replace("'22:00'", "22:00")  # YAML 1.1 reads 22:00 as 1320
    (kdir / "roster.yaml").write_text(text, "utf-8")
    with pytest.raises(KnowledgeError) as err:
        kb.load(kdir)
    assert any("quotes" in str(p) for p in err.value.problems)
