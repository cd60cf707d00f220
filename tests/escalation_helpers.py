"""Builders for the escalation tests: a knowledge dir with a test roster and policy, a
recording channel (the engine's Sender protocol), and an app on a real SQLite file."""

from __future__ import annotations

import asyncio
import datetime as dt
import shutil
from collections.abc import Callable
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, AsyncIterator

import yaml

from bot.app import App, open_app
from bot.clock import ManualClock
from bot.config import Settings
from handlers.messages import CommandIn, ConversationKey, Inbound, OptionChosen, OutboundMessage, TextIn
from knowledge.base import default_dir

USER = ConversationKey("console", "u1", "u1")
ADMIN = "console:admin:admin"
OFFICER_A = "telegram:1001:1001"  # pd_dresden
OFFICER_B = "matrix:!dm:localhost:@b:localhost"  # pd_leipzig
GROUP = "console:lage:lage"
ALL_WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]


def officer(oid: str, keys: list[str], pds: list[str], start: str = "06:00", end: str = "22:00",
            **extra: Any) -> dict[str, Any]:
    return {"id": oid, "name": f"Beispiel {oid}", "keys": keys, "direktionen": pds,
            "shifts": [{"days": ALL_WEEK, "start": start, "end": end}], **extra}


def default_roster() -> dict[str, Any]:
    return {
        "officers": [officer("a", [OFFICER_A], ["pd_dresden"]), officer("b", [OFFICER_B], ["pd_leipzig"])],
        "groups": {"lage": {"name": "Lagezentrum", "keys": [GROUP]}},
    }


def three_steps(wait: float = 5) -> dict[str, Any]:
    return {"steps": [
        {"notify": "direktion", "wait_minutes": wait},
        {"notify": "all_on_duty", "wait_minutes": wait},
        {"notify": "group", "group": "lage", "wait_minutes": wait},
    ], "repeat": 0}


def knowledge_dir(tmp: Path, roster: dict[str, Any] | None = None, policy: dict[str, Any] | None = None) -> Path:
    target = tmp / "knowledge"
    shutil.copytree(default_dir(), target)
    (target / "roster.yaml").write_text(yaml.safe_dump(roster or default_roster(), allow_unicode=True), "utf-8")
    escalation = yaml.safe_load((target / "escalation.yaml").read_text("utf-8"))
    escalation["policy"] = policy or three_steps()
    (target / "escalation.yaml").write_text(yaml.safe_dump(escalation, allow_unicode=True), "utf-8")
    return target


class RecordingChannel:
    """A real in-process channel: records what it is handed, with the clock's time."""

    def __init__(self, clock: ManualClock | None = None, fail: bool = False):
        self.clock = clock
        self.fail = fail
        self.sent: list[tuple[str, dt.datetime | None, OutboundMessage]] = []

    async def send(self, key: ConversationKey, messages: list[OutboundMessage]) -> None:
        if self.fail:
            raise ConnectionError("channel down")
        for message in messages:
            self.sent.append((str(key), self.clock.now() if self.clock else None, message))

    def to(self, key: str | ConversationKey) -> list[OutboundMessage]:
        return [m for k, _, m in self.sent if k == str(key)]

    def times(self, key: str) -> list[dt.datetime | None]:
        return [t for k, t, _ in self.sent if k == key]


@asynccontextmanager
async def escalation_app(tmp: Path, clock: ManualClock, *, kdir: Path | None = None,
                         limit: int = 3, fail: tuple[str, ...] = (),
                         **extra: Any) -> AsyncIterator[tuple[App, dict[str, RecordingChannel]]]:
    settings = Settings(data_dir=tmp / "data", knowledge_dir=kdir or knowledge_dir(tmp), admins=[ADMIN],
                        escalation_limit_per_hour=limit, **extra)
    async with open_app(settings, clock=clock) as app:
        channels = {name: RecordingChannel(clock, fail=name in fail) for name in ("console", "telegram", "matrix")}
        for name, channel in channels.items():
            app.engine.register_channel(name, channel)
        yield app, channels


async def until(condition: Callable[[], bool], timeout: float = 3.0) -> None:
    """Wait (real time) until the scheduler has done what the test expects."""
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not reached in time")
        await asyncio.sleep(0.005)


async def settle(app: App) -> None:
    """Let the scheduler finish a whole round that began after this call (for checks that
    nothing happened): until the clock moves again, it has nothing more to do."""
    service = app.escalations
    assert service is not None
    rounds = service.rounds + (1 if service.sleeping else 2)  # a round in progress may predate the call
    service.wake()
    await until(lambda: service.rounds >= rounds)
    await app.engine.conversations.flush_later()


async def trigger(app: App, key: ConversationKey = USER, phone: str | None = "0351 1234567",
                  where: str | None = "Pirna") -> list[OutboundMessage]:
    """Walk the emergency path: /notfall, escalate, number, municipality."""
    handle = app.engine.handle

    def ev(cls: type[Inbound], **kw: Any) -> Inbound:
        return cls(key=key, **kw)

    first = await handle(ev(CommandIn, name="notfall"))
    assert any(m.emergency and "110" in m.text for m in first)  # 110 first, always
    out = await handle(ev(OptionChosen, option_id="escalate"))
    assert out[-1].request_contact
    out = await handle(ev(TextIn, text=phone)) if phone else await handle(ev(OptionChosen, option_id="esc_send"))
    if out[-1].request_location:  # asked where (not when the place is known already)
        out = await handle(ev(TextIn, text=where) if where else ev(OptionChosen, option_id="esc_send"))
    return out


def ref_of(message: OutboundMessage) -> str:
    ack = next(o.id for o in message.options if o.id.startswith("esc_ack_"))
    return ack.removeprefix("esc_ack_")
