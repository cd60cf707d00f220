"""Kill a real bot with SIGKILL at random moments and check what it left behind.

The bot is `schutzlotse chat --jsonl` in a subprocess on a real SQLite file. A user goes
through records (save) and emergencies (escalation trigger) again and again; every line has
an id, so a line sent again after a restart is stored once (the engine's inbox). After each
restart the invariants of issue 12 are checked:
- no hidden record: every record's reference reached the user (stdout);
- no duplicate: one record per save line, one escalation per trigger line, every alert to
  an officer for one (escalation, step) printed at most once;
- no lost escalation: every escalation reached the user with its reference and has its
  alert rows; no lost answered turn: the bot never falls out of step with the script (no
  "nicht verstanden"), and in the end every save and trigger line has its one result.
Used by tests/test_crash_loop.py (bounded) and bench/bench_crash.py (full size).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import queue
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.base import default_dir

ROOT = Path(__file__).resolve().parents[1]
USER = "u1"
OFFICER = "console:officer:officer"
ADMIN = "console:admin:admin"
DATA_KEY = base64.b64encode(b"k" * 32).decode()
NOT_UNDERSTOOD = "nicht verstanden"

RECORD = [
    {"text": "/start"}, {"text": "nein"}, {"text": "Beleidigung"}, {"text": "ja"}, {"text": "nein"},
    {"text": "nein"}, {"text": "Pirna"}, {"option": "document_incident"}, {"option": "yes"},
    {"text": "Bürgermeisterin"}, {"text": "gestern 22 Uhr"}, {"text": "Rathaus"}, {"text": "Drohbrief"}, {"text": "unbekannt"},
    {"text": "keine"}, {"text": "https://example.org/post"}, {"option": "done"}, {"option": "rep_no"},
    {"option": "save", "mark": "save"}, {"option": "no"},
]
EMERGENCY = [
    # the place is known from the triage: the callback number sends the escalation
    {"command": "notfall"}, {"option": "escalate"}, {"text": "0351 1234567", "mark": "trigger"},
    {"option": "emergency_end"},
]


def knowledge_for_crashes(target: Path) -> Path:
    """The shipped knowledge with one officer always on duty, a one-step policy, and only
    Saxony's postcodes (a start then takes about a second instead of several)."""
    shutil.copytree(default_dir(), target)
    lines = (target / "postcodes-de.csv").read_text("utf-8").splitlines()
    (target / "postcodes-de.csv").write_text(
        "\n".join([lines[0], *(line for line in lines[1:] if ",Sachsen," in line)]) + "\n", "utf-8")
    roster = {"officers": [{"id": "officer", "name": "Beispiel", "keys": [OFFICER], "direktionen": ["pd_dresden"],
                            "shifts": [{"days": ["mon", "tue", "wed", "thu", "fri", "sat", "sun"],
                                        "start": "00:00", "end": "00:00"}]}], "groups": {}}
    (target / "roster.yaml").write_text(yaml.safe_dump(roster), "utf-8")
    escalation = yaml.safe_load((target / "escalation.yaml").read_text("utf-8"))
    escalation["policy"] = {"steps": [{"notify": "all_on_duty", "wait_minutes": 60}], "repeat": 0}
    (target / "escalation.yaml").write_text(yaml.safe_dump(escalation, allow_unicode=True), "utf-8")
    return target


@dataclass
class Transcript:
    """Everything every run of the bot printed, in order."""

    lines: list[dict] = field(default_factory=list)

    def texts(self, to: str | None = None) -> list[str]:
        return [m["text"] for m in self.lines if m.get("type") == "message" and m.get("to") == to]

    def alerts(self) -> list[str]:
        return [o["id"] for m in self.lines if m.get("to") == OFFICER for o in m.get("options", [])
                if o["id"].startswith("esc_ack_")]


class Bot:
    """One subprocess run; stdout lines go to a queue (and the shared transcript)."""

    def __init__(self, env: dict[str, str], transcript: Transcript, log: Path):
        self.log = log.open("ab")
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "bot", "chat", "--jsonl", "--user", USER],
            cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log,
        )
        self.queue: queue.Queue[dict | None] = queue.Queue()
        self.transcript = transcript
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for raw in self.proc.stdout:
            if not raw.endswith(b"\n"):
                break  # killed in the middle of writing this line
            line = json.loads(raw)  # the protocol is one JSON object per line, always
            self.transcript.lines.append(line)
            self.queue.put(line)
        self.queue.put(None)

    def send(self, event: dict) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.write((json.dumps(event, ensure_ascii=False) + "\n").encode())
        self.proc.stdin.flush()

    def wait_turn_end(self, event_id: str, timeout: float = 30.0) -> None:
        deadline = time.monotonic() + timeout
        while True:
            line = self.queue.get(timeout=max(deadline - time.monotonic(), 0.01))
            if line is None:
                tail = Path(self.log.name).read_text("utf-8", "replace")[-3000:]
                raise AssertionError(f"the bot ended before answering {event_id}; its log ends:\n{tail}")
            if line.get("type") == "turn_end" and line.get("id") == event_id:
                return

    def kill(self) -> None:
        os.kill(self.proc.pid, signal.SIGKILL)
        self.proc.wait()
        self._close()

    def stop(self) -> None:
        assert self.proc.stdin is not None
        self.proc.stdin.close()
        self.proc.wait(timeout=30)
        self._close()

    def _close(self) -> None:
        self.reader.join(timeout=10)
        for stream in (self.proc.stdin, self.proc.stdout):
            if stream is not None and not stream.closed:
                stream.close()
        self.log.close()


@dataclass
class Figures:
    kills: int = 0
    aimed: int = 0
    at_commit: int = 0  # aimed kills the moment the record or escalation row was committed
    lines: int = 0
    records: int = 0
    escalations: int = 0
    hidden: int = 0
    duplicates: int = 0
    lost: int = 0
    not_understood: int = 0
    restart_seconds: list[float] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


class CrashLoop:
    def __init__(self, workdir: Path, seed: int = 1):
        self.rnd = random.Random(seed)
        self.data_dir = workdir / "data"
        self.log = workdir / "bot.log"
        knowledge = knowledge_for_crashes(workdir / "knowledge")
        self.env = {**os.environ, "SCHUTZLOTSE_DATA_DIR": str(self.data_dir),
                    "SCHUTZLOTSE_KNOWLEDGE_DIR": str(knowledge), "SCHUTZLOTSE_DATA_KEY": DATA_KEY,
                    "SCHUTZLOTSE_ADMINS": ADMIN, "SCHUTZLOTSE_ESCALATION_LIMIT_PER_HOUR": "1000000",
                    "SCHUTZLOTSE_LOG_LEVEL": "ERROR", "PYTHONPATH": str(ROOT)}
        self.env.pop("SCHUTZLOTSE_DB", None)
        self.transcript = Transcript()
        self.figures = Figures()
        self.sent: dict[str, str] = {}  # line id -> mark ("save", "trigger", "")
        self.script: list[tuple[str, dict]] = []
        self.cycle = 0

    def _more(self) -> None:
        for i, event in enumerate([*RECORD, *EMERGENCY]):
            self.script.append((f"c{self.cycle}-{i}", event))
        self.cycle += 1

    def _next(self) -> tuple[str, dict]:
        if not self.script:
            self._more()
        return self.script.pop(0)

    def _send(self, bot: Bot, line_id: str, event: dict) -> None:
        body = {k: v for k, v in event.items() if k != "mark"}
        self.sent[line_id] = event.get("mark", "")
        bot.send({**body, "id": line_id})
        self.figures.lines += 1

    def run(self, kills: int, budget_seconds: float | None = None) -> Figures:
        started = time.monotonic()
        bot = Bot(self.env, self.transcript, self.log)
        try:
            for _ in range(kills):
                if budget_seconds is not None and time.monotonic() - started > budget_seconds:
                    break
                aimed = self.rnd.random() < 0.6
                # walk on normally, then send the fatal line and kill at a random moment
                for _ in range(0 if aimed else self.rnd.randint(0, 4)):
                    line_id, event = self._next()
                    self._send(bot, line_id, event)
                    bot.wait_turn_end(line_id)
                if aimed:  # up to the next save or trigger: the kill lands inside it
                    while not self.script or not self.script[0][1].get("mark"):
                        line_id, event = self._next()
                        if event.get("mark"):
                            self.script.insert(0, (line_id, event))
                            break
                        self._send(bot, line_id, event)
                        bot.wait_turn_end(line_id)
                fatal_id, fatal = self._next()
                before = self._made() if aimed else None
                self._send(bot, fatal_id, fatal)
                if aimed and self.rnd.random() < 0.5:
                    self._until_made(before)  # the moment the record or escalation is committed
                    f_at_commit = True
                else:
                    time.sleep(self.rnd.uniform(0.0, 0.06 if aimed else 0.15))
                    f_at_commit = False
                bot.kill()
                self.figures.at_commit += f_at_commit
                self.figures.kills += 1
                self.figures.aimed += aimed
                restart = time.monotonic()
                bot = Bot(self.env, self.transcript, self.log)
                self._send(bot, fatal_id, fatal)  # the user (or the platform) sends it again
                bot.wait_turn_end(fatal_id)
                self.figures.restart_seconds.append(time.monotonic() - restart)
                self.check()
            # finish the current cycle, then stop cleanly and check the end state
            while self.script:
                line_id, event = self._next()
                self._send(bot, line_id, event)
                bot.wait_turn_end(line_id)
            bot.stop()
        finally:
            if bot.proc.poll() is None:
                bot.kill()
            else:
                bot._close()
        self.check(final=True)
        return self.figures

    def _made(self) -> tuple[int, int]:
        with contextlib.closing(self._db()) as conn:
            return (conn.execute("SELECT count(*) FROM incidents").fetchone()[0],
                    conn.execute("SELECT count(*) FROM escalations").fetchone()[0])

    def _until_made(self, before: tuple[int, int] | None, timeout: float = 5.0) -> None:
        deadline = time.monotonic() + timeout
        while self._made() == before and time.monotonic() < deadline:
            time.sleep(0.0005)

    def _db(self) -> sqlite3.Connection:
        conn = sqlite3.connect(f"file:{self.data_dir / 'schutzlotse.db'}?mode=ro", uri=True, timeout=10)
        return conn

    def check(self, final: bool = False) -> None:
        f = self.figures
        with contextlib.closing(self._db()) as conn:
            records = conn.execute("SELECT ref, action_id FROM incidents").fetchall()
            escalations = conn.execute("SELECT id, ref FROM escalations").fetchall()
            deliveries = conn.execute("SELECT escalation_id, count(*) FROM escalation_deliveries "
                                      "GROUP BY escalation_id").fetchall()
        user_texts = "\n".join(self.transcript.texts())
        saves = sum(1 for m in self.sent.values() if m == "save")
        triggers = sum(1 for m in self.sent.values() if m == "trigger")
        f.records, f.escalations = len(records), len(escalations)
        hidden = [ref for ref, _ in records if ref not in user_texts]
        untold = [ref for _, ref in escalations if ref not in user_texts]
        alerts = self.transcript.alerts()
        twice = len(alerts) - len(set(alerts))
        unalerted = {i for i, _ in escalations} - {i for i, n in deliveries if n}
        f.hidden = len(hidden) + len(untold)
        f.duplicates = max(len(records) - saves, 0) + max(len(escalations) - triggers, 0) + twice
        f.not_understood = sum(1 for t in self.transcript.texts() if NOT_UNDERSTOOD in t)
        f.lost = len(unalerted) + (max(saves - len(records), 0) + max(triggers - len(escalations), 0) if final else 0)
        problems = []
        if hidden or untold:
            problems.append(f"hidden: records {hidden}, escalations {untold}")
        if f.duplicates:
            problems.append(f"duplicates: {len(records)} records for {saves} saves, {len(escalations)} "
                            f"escalations for {triggers} triggers, {twice} repeated alerts")
        if unalerted:
            problems.append(f"escalations without alert rows: {sorted(unalerted)}")
        if f.not_understood:
            problems.append(f"{f.not_understood} answers were 'nicht verstanden': a turn was lost or repeated")
        if final and (saves != len(records) or triggers != len(escalations)):
            problems.append(f"lost: {saves} saves -> {len(records)} records, {triggers} triggers -> "
                            f"{len(escalations)} escalations")
        f.problems = problems
