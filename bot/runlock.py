"""One bot per data directory: `run` holds an exclusive lock on `<data dir>/schutzlotse.lock`
(with its pid inside) for as long as it runs; `restore` refuses to work while it is held.
The kernel drops the lock when the process dies, so a crash leaves no stale lock behind."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

LOCK_NAME = "schutzlotse.lock"


class AlreadyRunning(Exception):
    def __init__(self, path: Path, pid: str):
        super().__init__(f"another Schutzlotse (pid {pid or '?'}) is running on {path.parent}")
        self.pid = pid


class RunLock:
    def __init__(self, data_dir: Path):
        self.path = Path(data_dir) / LOCK_NAME
        self._fd: int | None = None

    def acquire(self) -> RunLock:
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            pid = os.read(fd, 32).decode(errors="replace").strip()
            os.close(fd)
            raise AlreadyRunning(self.path, pid) from None
        os.ftruncate(fd, 0)
        os.write(fd, f"{os.getpid()}\n".encode())
        self._fd = fd
        return self

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing drops the flock
            self._fd = None

    def __enter__(self) -> RunLock:
        return self.acquire()

    def __exit__(self, *exc: object) -> None:
        self.release()


def running_pid(data_dir: Path) -> str | None:
    """The pid of a bot running on `data_dir`, or None (probes the lock without keeping it)."""
    try:
        with RunLock(data_dir):
            return None
    except AlreadyRunning as exc:
        return exc.pid or "?"
