"""Hostile lines against a real `schutzlotse chat --jsonl` process, and the evidence inbox.

The held-out file (tests/data/heldout/hostile.jsonl, 300 lines written by someone else,
raw invalid bytes included) and a few hundred generated lines: the process survives,
answers every line with exactly one `turn_end`, writes valid UTF-8 and never quotes input
in an error. The full-size run is bench/fuzz_console.py.
"""

from __future__ import annotations

import json
import os
import time

import pytest

from bench.fuzz_console import MARKER, check_output, generated, held_out, run_session
from bot.incidents.evidence_inbox import InboxError, read_evidence

MB = 1024 * 1024


def test_the_held_out_hostile_lines_do_not_end_the_session(tmp_path):
    lines = held_out()
    assert len(lines) == 300
    result = run_session(lines, tmp_path / "data", timeout=120)
    assert not result.crashed and result.problems == []


def test_generated_hostile_lines_do_not_end_the_session(tmp_path):
    result = run_session(generated(300, seed=2026), tmp_path / "data", timeout=120)
    assert not result.crashed and result.problems == []


def test_blank_and_broken_lines_and_server_files_as_evidence(tmp_path):
    """One process: every kind of blank or broken line gets exactly one turn_end, and no
    path, link or special file becomes evidence (a link in the inbox included)."""
    data = tmp_path / "data"
    (data / "inbox").mkdir(parents=True)
    secret = tmp_path / "shadow"
    secret.write_text(f"root:$6${MARKER}hash")
    (data / "inbox" / "beweis.txt").symlink_to(secret)
    files = [json.dumps({"file": name}).encode() for name in (
        "beweis.txt", str(secret), "../shadow", "~nosuchuser", "/proc/self/mem", "n" * 300, "/dev/zero")]
    lines = [b"", b"   ", b"\t", b"\r", b"{", b"}", b"\xff\xfe" + MARKER.encode(), b'{"text": "\xc3"}',
             b'{"text": "ok"}', b"x" * 70_000, b'{"command": "start"}', *files]
    result = run_session(lines, data, timeout=120)
    assert not result.crashed and result.problems == []
    assert list((data / "evidence").iterdir()) == []


def test_the_checker_itself_catches_a_missing_turn_end_an_echo_and_bad_utf8():
    lines = [b'{"text": "a"}', b"b"]
    assert check_output(lines, b'{"type": "turn_end"}\n') == ["1 turn_end for 2 lines"]
    echo = json.dumps({"type": "error", "message": f"no such file: {MARKER}"}).encode() + b"\n"
    assert "quotes input" in check_output(lines[:1], echo + b'{"type": "turn_end"}\n')[0]
    assert "not valid UTF-8" in check_output(lines[:1], b"\xff\n")[0]


# --- the evidence inbox ---------------------------------------------------------------


@pytest.fixture
def inbox(tmp_path):
    path = tmp_path / "inbox"
    path.mkdir()
    return path


def test_a_file_in_the_inbox_is_read(inbox):
    (inbox / "foto.png").write_bytes(b"\x89PNG\r\n\x1a\n1234")
    assert read_evidence(inbox, "foto.png", MB) == b"\x89PNG\r\n\x1a\n1234"


@pytest.mark.parametrize("name", ["/etc/passwd", "../secret.txt", "sub/x.png", "..", ".", "", "a\x00b", "a" * 256,
                                  "~nosuchuser", "/proc/self/mem"])
def test_only_bare_names_inside_the_inbox_are_taken(inbox, name):
    (inbox.parent / "secret.txt").write_text("geheim")
    with pytest.raises(InboxError) as caught:
        read_evidence(inbox, name, MB)
    assert "geheim" not in str(caught.value) and (not name or name not in str(caught.value))


def test_symbolic_links_are_not_followed(inbox, tmp_path):
    secret = tmp_path / "shadow"
    secret.write_text("root:$6$hash")
    (inbox / "link.txt").symlink_to(secret)
    (inbox / "dirlink").symlink_to(tmp_path)
    with pytest.raises(InboxError, match="links are not taken"):
        read_evidence(inbox, "link.txt", MB)
    with pytest.raises(InboxError):
        read_evidence(inbox, "dirlink", MB)


def test_a_hard_link_to_a_file_elsewhere_is_not_taken(inbox, tmp_path):
    other = tmp_path / "export.zip"
    other.write_bytes(b"PK\x03\x04decrypted")
    os.link(other, inbox / "copy.zip")
    with pytest.raises(InboxError, match="links are not taken"):
        read_evidence(inbox, "copy.zip", MB)


def test_a_fifo_or_directory_is_not_read(inbox):
    os.mkfifo(inbox / "pipe")
    (inbox / "folder").mkdir()
    with pytest.raises(InboxError, match="regular"):
        read_evidence(inbox, "pipe", MB)  # O_NONBLOCK: opening does not wait for a writer
    with pytest.raises(InboxError, match="regular"):
        read_evidence(inbox, "folder", MB)


def test_the_size_is_checked_before_reading(inbox):
    huge = inbox / "huge.bin"
    with open(huge, "wb") as handle:
        handle.truncate(2 * 1024 * MB)  # sparse: 2 GB announced, nothing to read
    started = time.perf_counter()
    with pytest.raises(InboxError, match="larger than 20 MB"):
        read_evidence(inbox, "huge.bin", 20 * MB)
    assert time.perf_counter() - started < 1.0  # refused from fstat, not after reading 2 GB
