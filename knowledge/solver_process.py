"""A second process for the largest solver run, so training uses two cores.

liblinear seeds the C library's one random generator, so two fits in threads of one
process would interleave its draws and the model would differ from run to run. A separate
process has its own generator: the fit there gives exactly the weights it gives here.

The helper is a plain `python -m knowledge.solver_process` (no fork of a running bot, no
re-import of the caller's main module). It imports scikit-learn while this process reads
the examples, then reads one pickled (estimator, X, y) on stdin and writes the fitted
estimator on stdout. With one core, or when it cannot start or fails, the fit runs here.
"""

from __future__ import annotations

import logging
import os
import pickle
import subprocess
import sys
from typing import Any

log = logging.getLogger(__name__)


def _fit(estimator: Any, x: Any, y: list[str]) -> Any:
    return estimator.fit(x, y)


class SolverProcess:
    """`with SolverProcess() as solver: pending = solver.fit(estimator, x, y); pending.result()`."""

    def __init__(self) -> None:
        self._child: subprocess.Popen[bytes] | None = None
        self._started: subprocess.Popen[bytes] | None = None

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

    def fit(self, estimator: Any, x: Any, y: list[str]) -> Pending:
        """The fit, started in the second process if there is one (once per process)."""
        child, self._child = self._child, None  # one fit per process
        if child is not None and child.stdin is not None:
            try:
                pickle.dump((estimator, x, y), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
                child.stdin.close()
            except OSError as exc:  # it died on start: the work is still done, here
                log.info("training in one process (%s)", type(exc).__name__)
                child = None
        return Pending(child, (estimator, x, y))


class Pending:
    """A fit under way; `result()` waits for it, or fits here if the process failed."""

    def __init__(self, child: subprocess.Popen[bytes] | None, args: tuple[Any, Any, list[str]]):
        self._child, self._args = child, args

    def result(self) -> Any:
        if self._child is not None and self._child.stdout is not None:
            try:
                return pickle.load(self._child.stdout)
            except Exception as exc:  # died, killed, or wrote something else
                log.warning("the training process failed (%s); fitting here", type(exc).__name__)
        return _fit(*self._args)


def main() -> None:
    import sklearn.svm  # noqa: F401  (imported while the parent is still reading examples)

    estimator, x, y = pickle.load(sys.stdin.buffer)
    pickle.dump(_fit(estimator, x, y), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
    sys.stdout.buffer.flush()


if __name__ == "__main__":
    main()
