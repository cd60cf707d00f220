"""Evidence files for the terminal: taken only from the configured evidence inbox directory.

A file is named by its bare name inside the inbox, opened without following links
(O_NOFOLLOW, relative to the inbox), must be a regular file with a single name, and its
size is checked with fstat before a byte is read. So a terminal user cannot make server
files (/etc/shadow, another user's export, /proc/self/mem, a FIFO) into evidence.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

READ_CHUNK = 1024 * 1024


class InboxError(ValueError):
    """The file cannot be taken; the message names no path and quotes nothing."""


def check_name(name: str) -> str:
    """A bare file name (no directory part, no NUL, not "." or ".."), at most 255 bytes."""
    if not isinstance(name, str) or not name or name in (".", "..") or "/" in name or "\x00" in name:
        raise InboxError('"file" must be the bare name of a file in the evidence inbox (no directory)')
    try:
        encoded = os.fsencode(name)
    except UnicodeError:
        raise InboxError('"file" is not a valid file name') from None
    if len(encoded) > 255:
        raise InboxError('"file" is longer than 255 bytes')
    return name


def ensure_inbox(directory: Path) -> Path:
    """Create the inbox owner-only if it is missing (so users see where files go)."""
    directory.mkdir(parents=True, exist_ok=True, mode=0o700)
    return directory


def read_evidence(directory: Path, name: str, max_bytes: int) -> bytes:
    """The bytes of `name` in the inbox, or InboxError. Blocking: run it in a thread."""
    check_name(name)
    try:
        dir_fd = os.open(directory, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    except OSError:
        raise InboxError("the evidence inbox cannot be opened (see SCHUTZLOTSE_EVIDENCE_INBOX)") from None
    try:
        try:
            fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC,
                         dir_fd=dir_fd)
        except FileNotFoundError:
            raise InboxError("no such file in the evidence inbox") from None
        except OSError as exc:
            if exc.errno in (errno.ELOOP, errno.EMLINK):
                raise InboxError("links are not taken: put the file itself into the evidence inbox") from None
            raise InboxError("the file cannot be read") from None
        try:
            return _read_checked(fd, max_bytes)
        finally:
            os.close(fd)
    finally:
        os.close(dir_fd)


def _read_checked(fd: int, max_bytes: int) -> bytes:
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode):
        raise InboxError("only regular files are taken")
    if info.st_nlink != 1:  # a hard link could name a file that lives elsewhere
        raise InboxError("links are not taken: put the file itself into the evidence inbox")
    if info.st_size > max_bytes:
        raise InboxError(f"the file is larger than {max_bytes / (1024 * 1024):g} MB")
    chunks, total = [], 0
    try:
        while total <= max_bytes:
            chunk = os.read(fd, min(READ_CHUNK, max_bytes + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError:
        raise InboxError("the file cannot be read") from None
    if total > max_bytes:  # it grew after fstat
        raise InboxError(f"the file is larger than {max_bytes / (1024 * 1024):g} MB")
    return b"".join(chunks)
