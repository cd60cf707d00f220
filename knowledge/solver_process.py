"""A second process for training, so that it uses two cores.

It takes two jobs, in order: the word families (knowledge.concepts) of two thirds of the
texts, while this process analyses the rest; then most of the category head's one-vs-rest
fits, while this one fits the other heads and the remaining categories. Either job may also come alone.

liblinear seeds the C library's one random generator, so two fits in threads of one
process would interleave its draws and the model would differ from run to run. A separate
process has its own generator: the fit there gives exactly the weights it gives here, and
the word families are pure, so the model is the same with or without the helper (tested).

The helper is a plain `python -m knowledge.solver_process` (no fork of a running bot, no
re-import of the caller's main module). It reads pickled jobs on stdin and writes each
result on stdout; after the word families it imports scikit-learn while this process is
still analysing. With one core, or when it cannot start or fails, every job runs here.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from collections.abc import Callable, Sequence
from typing import Any

log = logging.getLogger(__name__)


def _fit_each(x: Any, jobs: Sequence[tuple[Any, Any]]) -> list[Any]:
    """Each estimator fitted on the same rows `x` with its own labels."""
    return [estimator.fit(x, y) for estimator, y in jobs]


def concepts_of(texts: Sequence[str]) -> dict[str, tuple[str, ...]]:
    """The concepts of each text, as the trainer's features use them."""
    from knowledge.concepts import concepts
    from knowledge.features import fold

    return {t: tuple(sorted(concepts(fold(t), t))) for t in texts}


class SolverProcess:
    """`with SolverProcess() as helper: found = helper.concepts(texts); fits = helper.fit_each(x, [(est, y)])`;
    each returns a Pending whose `result()` waits for it (results are read in order)."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._started: subprocess.Popen[bytes] | None = None
        self._unread: list[Pending] = []

    def __enter__(self) -> SolverProcess:
        if (os.cpu_count() or 1) >= 2:
            try:
                self._child = subprocess.Popen(
                    [sys.executable, "-m", "knowledge.solver_process"],
                    stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                    cwd=os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
                )
            except OSError as exc:
                log.info("training in one process (%s)", type(exc).__name__)
            self._started = self._child
        return self

    def __exit__(self, *exc: object) -> None:
        child = self._started
        if child is not None:
            if child.poll() is None:
                child.kill()
            child.wait()
            for stream in (child.stdin, child.stdout):
                if stream is not None:
                    stream.close()

    def concepts(self, texts: Sequence[str]) -> Pending:
        """The concepts of `texts` (concepts_of), worked out in the second process."""
        return self._send(("concepts", list(texts)), lambda: concepts_of(texts), last=False)

    def fit_each(self, x: Any, jobs: Sequence[tuple[Any, Any]]) -> Pending:
        """The fits of `jobs` ((estimator, labels), all on the rows `x`) in the second process
        if there is one, as a list; its last job."""
        return self._send(("fit", (x, list(jobs))), lambda: _fit_each(x, jobs), last=True)

    def _send(self, job: tuple[str, Any], here: Callable[[], Any], *, last: bool) -> Pending:
        child = self._child
        if child is not None and child.stdin is not None:
            try:
                pickle.dump(job, child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                child.stdin.flush()
                if last:
                    child.stdin.close()
            except OSError as exc:  # it died: the work is still done, here
                log.info("training in one process (%s)", type(exc).__name__)
                child = None
        if child is None or last:
            self._child = None
        pending = Pending(self, child, here)
        if child is not None:
            self._unread.append(pending)
        return pending

    def _read_until(self, pending: Pending) -> None:
        """Read the results of the jobs sent before `pending`, and its own."""
        while self._unread:
            first = self._unread.pop(0)
            first._read()
            if first is pending:
                return

    def _failed(self) -> None:
        """The process died or wrote something else: every job left runs here."""
        self._child = None
        for pending in self._unread:
            pending._child = None
        self._unread.clear()


class Pending:
    """A job under way; `result()` waits for it, or does the work here if the process failed."""

    _NOTHING = object()

    def __init__(self, owner: SolverProcess, child: subprocess.Popen[bytes] | None, here: Callable[[], Any]):
        self._owner, self._child, self._here = owner, child, here
        self._value: Any = Pending._NOTHING

    def result(self) -> Any:
        if self._value is Pending._NOTHING and self._child is not None:
            self._owner._read_until(self)
        if self._value is Pending._NOTHING:
            self._value = self._here()
        return self._value

    def _read(self) -> None:
        if self._child is None or self._child.stdout is None:
            return
        try:
            self._value = pickle.load(self._child.stdout)
        except Exception as exc:  # died, killed, or wrote something else
            log.warning("the training process failed (%s); working here", type(exc).__name__)
            self._owner._failed()


def main() -> None:
    stdin, stdout = sys.stdin.buffer, sys.stdout.buffer
    while True:
        try:
            kind, args = pickle.load(stdin)
        except EOFError:
            return
        result = concepts_of(args) if kind == "concepts" else _fit_each(*args)
        pickle.dump(result, stdout, protocol=pickle.HIGHEST_PROTOCOL)
        stdout.flush()
        if kind == "concepts":
            import sklearn.svm  # noqa: F401  (while the parent is still analysing its share)


if __name__ == "__main__":
    main()
