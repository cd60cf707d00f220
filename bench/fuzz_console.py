"""Hostile input against `schutzlotse chat --jsonl`: does the process survive every line?

    .venv/bin/python bench/fuzz_console.py                   # 20,000 generated lines + the held-out file
    .venv/bin/python bench/fuzz_console.py -n 2000 --seed 7

Lines go in sessions of `--per-session` lines, each session a real subprocess on its own
data directory. A session counts as a crash when the process does not exit 0, or when its
output is not valid UTF-8, not one JSON object per line, or not exactly one `turn_end` per
input line. Error messages must never quote input: every generated line carries a marker
that must not appear in any error, and errors are short printable ASCII.
The test suite runs a bounded slice of this (tests/test_fault_console.py).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HELD_OUT = REPO / "tests" / "data" / "heldout" / "hostile.jsonl"
MARKER = "QZXV"  # in every generated string; must never come back in an error

OPTION_IDS = ["danger_yes", "danger_no", "threat", "insult", "esc_send", "esc_place0", "esc_place99", "esc_placeX",
              "esc_place-1", "document_incident", "yes", "no", "skip", "done", "save", "report", "lang_en",
              "place0", "place999", "cat_threat", "", " ", "x" * 65]
COMMANDS = ["start", "notfall", "hilfe", "sprache", "datenschutz", "abbrechen", "vorfaelle", "meinedaten",
            "loeschen", "emergency", "help", "/start", "start@bot", "dienst", "wissen_neu", "x" * 70, "st art"]
TEXTS = ["hallo", "Görlitz", "01067", "ja", "nein", "1", "2", "99", "Ich werde bedroht", "Pirna", "Leipzig",
         "+49 351 1234567", "0351 1234567", "gestern 22 Uhr", "/notfall", "/start", "/loeschen", "/meinedaten"]
FILES = ["~nosuchuser/x", "/proc/self/mem", "/etc/shadow", "../../etc/passwd", "a" * 300, "x/" * 2000,
         ".", "..", "nope.png", "/dev/zero", "/dev/stdin", "a\x00b", "~", "\u00e4" * 200]


def _marked(rng: random.Random, base: str) -> str:
    cut = rng.randint(0, len(base))
    return base[:cut] + MARKER + base[cut:]


def _number(rng: random.Random) -> object:
    return rng.choice([
        rng.uniform(-1000, 1000), rng.randint(-10**6, 10**6), 51.05, 13.74, 90, -180, 180.0000001,
        float("inf"), float("nan"), 1e308, -0.0, True, False, None, "51.05", [51], {"x": 1}, 10**30,
    ])


def _raw_number(rng: random.Random) -> str:
    return rng.choice([
        "1" + "0" * rng.randint(300, 6000), "-" + "9" * 4400, "1e999", "-1e999", "NaN", "Infinity",
        "1" * 400 + ".5", "0." + "0" * 5000 + "1", "1e-400", "51.05", "0x10", "01",
    ])


def _nested(depth: int, leaf: str = "1") -> str:
    return "[" * depth + leaf + "]" * depth


def generated_line(rng: random.Random) -> bytes:
    """One hostile or ordinary line (without newline)."""
    kind = rng.randrange(22)
    text = _marked(rng, rng.choice(TEXTS))
    if kind == 0:
        return json.dumps({"text": text}, ensure_ascii=rng.random() < 0.5).encode()
    if kind == 1:
        return json.dumps({"option": rng.choice(OPTION_IDS + [_marked(rng, "opt")])}).encode()
    if kind == 2:
        return json.dumps({"command": rng.choice(COMMANDS), **({"args": text} if rng.random() < 0.3 else {})}).encode()
    if kind == 3:
        return json.dumps({"location": {"lat": _number(rng), "lon": _number(rng)}}).encode()
    if kind == 4:
        return ('{"location": {"lat": %s, "lon": %s}}' % (_raw_number(rng), _raw_number(rng))).encode()
    if kind == 5:
        return json.dumps({"file": _marked(rng, rng.choice(FILES))}).encode()
    if kind == 6:  # lone surrogates, escaped
        return ('{"text": "%s\\ud800%s\\udfff"}' % (MARKER, rng.choice(["", "x", "\\ud83d"]))).encode()
    if kind == 7:  # invalid UTF-8 bytes
        return b'{"text": "' + MARKER.encode() + bytes(rng.randrange(128, 256) for _ in range(rng.randint(1, 8))) + b'"}'
    if kind == 8:
        return _nested(rng.choice([50, 199, 200, 201, 1000, 20000]), json.dumps(text)).encode()
    if kind == 9:
        return ('{"text": %s}' % _nested(rng.choice([10, 300, 5000]), json.dumps(text))).encode()
    if kind == 10:
        return rng.choice([b"", b" ", b"\t", b"   \t  ", b"\r", b"\x0b", b"\x0c"])
    if kind == 11:
        return ('{"text": "%s"}' % (MARKER + "x" * rng.choice([4095, 4096, 4097, 10000, 70000]))).encode()
    if kind == 12:
        return ('{"%s": "%s"}' % (_marked(rng, "colour"), text)).encode()
    if kind == 13:
        return json.dumps({"text": text, "option": "danger_no"}).encode()
    if kind == 14:
        return rng.choice([b"null", b"true", b"42", b'"' + MARKER.encode() + b'"', b"[]", b"{}", b"{", b"}",
                           b'{"text": }', b"\xef\xbb\xbf{\"text\": \"bom\"}", b'{"text": "a"} trailing' + MARKER.encode()])
    if kind == 15:
        return json.dumps({"text": {"nested": text}}).encode()
    if kind == 16:
        return json.dumps({"contact": {"phone": rng.choice([text, "+49 351 1234567", "", "1" * 100])}}).encode()
    if kind == 17:
        return json.dumps({"location": rng.choice([{"lat": 51}, {}, [51, 13], "51,13",
                                                   {"lat": 51, "lon": 13, "alt": 1}])}).encode()
    if kind == 18:  # random bytes
        return bytes(rng.randrange(256) for _ in range(rng.randint(1, 200))).replace(b"\n", b" ")
    if kind == 19:  # random printable soup
        alphabet = '{}[]":,\\ ntrufalse0123456789.-+eE' + MARKER
        return "".join(rng.choice(alphabet) for _ in range(rng.randint(1, 120))).encode()
    if kind == 20:
        return json.dumps({"text": "".join(chr(rng.choice([rng.randrange(32, 0xD800), rng.randrange(0xE000, 0x110000)]))
                                           for _ in range(rng.randint(1, 300))) + MARKER}).encode("utf-8")
    return json.dumps({"option": rng.choice(OPTION_IDS)}).encode()


def generated(n: int, seed: int) -> list[bytes]:
    rng = random.Random(seed)
    return [generated_line(rng) for _ in range(n)]


def held_out() -> list[bytes]:
    return HELD_OUT.read_bytes().split(b"\n")[:-1] if HELD_OUT.exists() else []


@dataclass
class SessionResult:
    lines: int
    seconds: float
    crashed: bool
    problems: list[str] = field(default_factory=list)


def run_session(lines: list[bytes], data_dir: Path, timeout: float = 600) -> SessionResult:
    """Feed `lines` to one `chat --jsonl` process and check every invariant of the protocol."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCHUTZLOTSE_")}
    env.update(PYTHONPATH=str(REPO), SCHUTZLOTSE_DATA_DIR=str(data_dir), SCHUTZLOTSE_LOG_LEVEL="WARNING",
               HOME=str(data_dir))
    data_dir.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, "-m", "bot", "chat", "--jsonl"], input=b"\n".join(lines) + b"\n",
                          capture_output=True, env=env, cwd=data_dir, timeout=timeout)
    seconds = time.perf_counter() - started
    problems = check_output(lines, proc.stdout)
    if proc.returncode != 0:
        problems.insert(0, f"exit code {proc.returncode}: {proc.stderr.decode('utf-8', 'replace')[-600:]}")
    if b"Traceback" in proc.stderr:
        problems.append("a traceback on stderr: " + proc.stderr.decode("utf-8", "replace")[-600:])
    return SessionResult(len(lines), seconds, crashed=proc.returncode != 0, problems=problems)


def check_output(lines: list[bytes], stdout: bytes) -> list[str]:
    problems = []
    try:
        text = stdout.decode("utf-8")
    except UnicodeDecodeError as exc:
        return [f"stdout is not valid UTF-8 at byte {exc.start}"]
    turn_ends = 0
    for number, out_line in enumerate(text.splitlines(), 1):
        try:
            obj = json.loads(out_line)
        except ValueError:
            problems.append(f"output line {number} is not JSON")
            continue
        if obj.get("type") == "turn_end":
            turn_ends += 1
        elif obj.get("type") == "error":
            message = obj.get("message", "")
            if MARKER in message or len(message) > 200 or not (message.isascii() and message.isprintable()):
                problems.append(f"error message quotes input or is not plain: {message[:80]!r}")
        elif obj.get("type") != "message":
            problems.append(f"unknown output type {obj.get('type')!r}")
    if turn_ends != len(lines):
        problems.append(f"{turn_ends} turn_end for {len(lines)} lines")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("-n", type=int, default=20_000, help="generated lines")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--per-session", type=int, default=500)
    parser.add_argument("--repo", type=Path, help="run another checkout's bot (e.g. /work/main) for comparison")
    args = parser.parse_args()
    if args.repo:
        global REPO
        REPO = args.repo.resolve()
    lines = held_out() + generated(args.n, args.seed)
    crashes, failed, seconds = 0, 0, 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for start in range(0, len(lines), args.per_session):
            chunk = lines[start:start + args.per_session]
            result = run_session(chunk, Path(tmp) / f"s{start}")
            seconds += result.seconds
            crashes += result.crashed
            failed += bool(result.problems)
            for problem in result.problems[:3]:
                print(f"  session at line {start}: {problem}", file=sys.stderr)
            print(f"{start + len(chunk):>6} lines, {crashes} crashes, {failed} failed sessions, {seconds:.0f} s",
                  file=sys.stderr)
    print(json.dumps({"inputs": len(lines), "held_out": len(held_out()), "sessions": -(-len(lines) // args.per_session),
                      "crashes": crashes, "failed_sessions": failed, "seconds": round(seconds, 1),
                      "lines_per_second": round(len(lines) / seconds, 1)}))
    return 1 if crashes or failed else 0


if __name__ == "__main__":
    sys.exit(main())
