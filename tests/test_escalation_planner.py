"""The escalation planner is a pure function: rows, roster and time in, writes out."""

from __future__ import annotations

import datetime as dt

from bot.escalation.planner import Exhaust, TakeStep, plan
from bot.escalation.records import Escalation
from knowledge.roster import DutyRoster

T0 = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone.utc)  # Wednesday, 13:00 in Berlin
WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
ROSTER = DutyRoster.model_validate({
    "officers": [
        {"id": "a", "name": "A", "keys": ["telegram:1:1"], "direktionen": ["pd_dresden"],
         "shifts": [{"days": WEEK, "start": "06:00", "end": "22:00"}]},
        {"id": "b", "name": "B", "keys": ["console:b:b"], "direktionen": ["pd_leipzig"],
         "shifts": [{"days": WEEK, "start": "06:00", "end": "22:00"}]},
    ],
    "groups": {"lage": {"name": "Lage", "keys": ["console:lage:lage"]}},
})
POLICY = {"steps": [{"notify": "direktion", "wait_minutes": 5}, {"notify": "group", "group": "lage",
                                                                 "wait_minutes": 5}], "repeat": 0}


def esc(**kw) -> Escalation:
    values = dict(id=1, ref="ABC234", user_key="console:u:u", lang="de", created_at=T0, category=None,
                  place_id=None, place_name=None, direktion="pd_dresden", lat=None, lon=None, phone=None,
                  policy=POLICY, total_steps=2, next_step=0, due_at=T0, state="open", reached=0, owner=None,
                  owner_key=None, acked_at=None, closed_at=None, outcome=None)
    values.update(kw)
    return Escalation(**values)


def test_a_due_step_alerts_the_direktion_and_schedules_the_next_without_drift():
    [write] = plan([esc(due_at=T0)], ROSTER, 12, {}, T0 + dt.timedelta(seconds=40))
    assert isinstance(write, TakeStep) and write.step == 0
    assert [r.id for r in write.recipients] == ["a"]
    assert write.next_due == T0 + dt.timedelta(minutes=5)  # from the deadline, not from "now"


def test_nobody_on_duty_means_all_on_duty_then_the_next_step_at_once():
    night = dt.datetime(2026, 11, 25, 23, 30, tzinfo=dt.timezone.utc)
    [write] = plan([esc(due_at=night)], ROSTER, 12, {}, night)
    assert isinstance(write, TakeStep) and write.recipients == () and write.next_due == night
    [unknown] = plan([esc(direktion=None)], ROSTER, 12, {}, T0)
    assert {r.id for r in unknown.recipients} == {"a", "b"}  # unknown Polizeidirektion: everyone on duty


def test_a_self_declaration_beats_the_roster():
    [write] = plan([esc()], ROSTER, 12, {"a": (False, T0 - dt.timedelta(hours=1))}, T0)
    assert write.recipients == ()


def test_not_due_taken_or_closed_escalations_are_left_alone_and_the_last_step_exhausts():
    later = T0 + dt.timedelta(minutes=1)
    rows = [esc(id=1, due_at=later), esc(id=2, state="acked"), esc(id=3, due_at=None),
            esc(id=4, next_step=2), esc(id=5, next_step=1)]
    writes = plan(rows, ROSTER, 12, {}, T0)
    assert [type(w).__name__ for w in writes] == ["Exhaust", "TakeStep"]
    assert isinstance(writes[0], Exhaust) and writes[0].esc.id == 4
    assert [r.id for r in writes[1].recipients] == ["console:lage:lage"]
