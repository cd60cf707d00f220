"""The duty roster (roster.yaml): officers, their channel identities, weekly shifts in
Europe/Berlin time and dated overrides; `DutyRoster.on_duty` says who is on duty when."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import Field, field_validator, model_validator

from knowledge.schema import ID_PATTERN, Strict

BERLIN = ZoneInfo("Europe/Berlin")
DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
Weekday = Literal["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
# channel:chat:user as the channels build it, e.g. telegram:123:123 or
# matrix:!room:server:@user:server (Matrix ids contain colons themselves).
KEY_PATTERN = re.compile(r"^[a-z][a-z0-9_]*:[^:\s]+:\S+$")


def _time(value: object) -> object:
    # Unquoted 06:00 is a number in YAML 1.1 (sexagesimal); insist on quotes.
    if not isinstance(value, (str, dt.time)):
        raise ValueError('write times in quotes as "HH:MM", e.g. "06:00"')
    return value


def _utc_span(day: dt.date, start: dt.time, end: dt.time) -> tuple[dt.datetime, dt.datetime]:
    """Start and end of a local shift as UTC instants; end <= start runs past midnight.

    Converting to UTC before comparing matters: aware datetimes sharing one tzinfo are
    compared by wall time, which is wrong across a daylight-saving change.
    """
    begin = dt.datetime.combine(day, start, tzinfo=BERLIN)
    end_day = day if end > start else day + dt.timedelta(days=1)
    finish = dt.datetime.combine(end_day, end, tzinfo=BERLIN)
    return begin.astimezone(dt.timezone.utc), finish.astimezone(dt.timezone.utc)


class Shift(Strict):
    """A weekly shift: on these weekdays from `start` to `end` (Europe/Berlin wall time)."""

    days: list[Weekday] = Field(min_length=1)
    start: dt.time
    end: dt.time = Field(description='End time; "00:00" or earlier than start = next day.')

    _times = field_validator("start", "end", mode="before")(_time)

    def covers(self, when: dt.datetime) -> bool:
        local_day = when.astimezone(BERLIN).date()
        for back in (0, 1):  # a shift that began yesterday may still run
            day = local_day - dt.timedelta(days=back)
            if DAYS[day.weekday()] in self.days:
                begin, finish = _utc_span(day, self.start, self.end)
                if begin <= when < finish:
                    return True
        return False


class Override(Strict):
    """Dated exception: `holiday`/`sick` = off on these days; `extra` = on duty start..end."""

    kind: Literal["holiday", "sick", "extra"]
    from_day: dt.date
    to_day: dt.date | None = Field(default=None, description="Last day (inclusive); default from_day.")
    start: dt.time | None = None
    end: dt.time | None = None

    _times = field_validator("start", "end", mode="before")(
        lambda v: v if v is None else _time(v)
    )

    @model_validator(mode="after")
    def _shape(self) -> Override:
        if self.to_day is not None and self.to_day < self.from_day:
            raise ValueError("to_day lies before from_day")
        if self.kind == "extra" and (self.start is None or self.end is None):
            raise ValueError("an `extra` duty needs start and end")
        if self.kind != "extra" and (self.start is not None or self.end is not None):
            raise ValueError("holiday and sick cover whole days: leave out start and end")
        return self

    @property
    def last_day(self) -> dt.date:
        return self.to_day or self.from_day

    def off_on(self, when: dt.datetime) -> bool:
        day = when.astimezone(BERLIN).date()
        return self.kind != "extra" and self.from_day <= day <= self.last_day

    def extra_at(self, when: dt.datetime) -> bool:
        if self.kind != "extra" or self.start is None or self.end is None:
            return False
        local_day = when.astimezone(BERLIN).date()
        for back in (0, 1):
            day = local_day - dt.timedelta(days=back)
            if self.from_day <= day <= self.last_day:
                begin, finish = _utc_span(day, self.start, self.end)
                if begin <= when < finish:
                    return True
        return False


def _keys(values: list[str]) -> list[str]:
    bad = [v for v in values if not KEY_PATTERN.match(v)]
    if bad:
        raise ValueError(f"not a conversation key (channel:chat:user): {bad}")
    return values


class Officer(Strict):
    id: str = Field(pattern=ID_PATTERN)
    name: str = Field(min_length=1, description="Shown to colleagues when this officer takes an alert.")
    keys: list[str] = Field(min_length=1, description="Conversation keys, tried in this order.")
    direktionen: list[str] = Field(min_length=1, description="Polizeidirektion ids (pd_*) covered.")
    lang: Literal["de", "en"] = "de"
    shifts: list[Shift] = Field(default_factory=list)
    overrides: list[Override] = Field(default_factory=list)

    _key_shape = field_validator("keys")(_keys)

    def rostered(self, when: dt.datetime) -> bool:
        """On duty by roster alone (without a self-declaration)."""
        if any(o.off_on(when) for o in self.overrides):
            return False
        return any(o.extra_at(when) for o in self.overrides) or any(s.covers(when) for s in self.shifts)


class Group(Strict):
    """A fallback recipient: a group room or a list of conversation keys."""

    name: str = Field(min_length=1)
    keys: list[str] = Field(min_length=1)

    _key_shape = field_validator("keys")(_keys)


Declarations = dict[str, tuple[bool, dt.datetime]]  # officer id -> (on duty?, declared at)


class DutyRoster(Strict):
    example: bool = Field(
        default=False,
        description="True in the shipped example roster: escalation stays off until a real roster replaces it.",
    )
    officers: list[Officer] = Field(default_factory=list)
    groups: dict[str, Group] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _unique(self) -> DutyRoster:
        ids = [o.id for o in self.officers]
        keys = [k for o in self.officers for k in o.keys]
        twice = sorted({i for i in ids if ids.count(i) > 1} | {k for k in keys if keys.count(k) > 1})
        if twice:
            raise ValueError(f"officer ids or keys listed twice: {twice}")
        return self

    @property
    def usable(self) -> bool:
        """A real roster with somebody to alert (officers or a fallback group)."""
        return not self.example and bool(self.officers or self.groups)

    def officer(self, officer_id: str) -> Officer | None:
        return next((o for o in self.officers if o.id == officer_id), None)

    def officer_for_key(self, key: str) -> Officer | None:
        return next((o for o in self.officers if key in o.keys), None)

    def on_duty(self, when: dt.datetime, declared: Declarations, declaration_hours: float) -> list[Officer]:
        """Officers on duty at `when`; a fresh `/dienst an|aus` beats the roster."""
        valid_for = dt.timedelta(hours=declaration_hours)
        out = []
        for officer in self.officers:
            status = declared.get(officer.id)
            if status is not None and status[1] <= when < status[1] + valid_for:
                if status[0]:
                    out.append(officer)
            elif officer.rostered(when):
                out.append(officer)
        return out
