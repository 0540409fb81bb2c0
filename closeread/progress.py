"""Progress for long steps: a bar on a terminal, one line per step otherwise."""

from __future__ import annotations

import contextlib
import sys
import time


class Progress:
    def __init__(self, stream=None, enabled: bool = True):
        self.stream = stream or sys.stderr
        self.enabled = enabled
        self.tty = enabled and hasattr(self.stream, "isatty") and self.stream.isatty()
        self.delay = 2.0  # seconds before a count is shown
        self._started: dict[str, float] = {}
        self._shown: dict[str, int] = {}

    @classmethod
    def quiet(cls) -> "Progress":
        return cls(enabled=False)

    def say(self, message: str) -> None:
        if self.enabled:
            print(message, file=self.stream, flush=True)

    @contextlib.contextmanager
    def step(self, label: str):
        start = time.perf_counter()
        yield
        self.say(f"{label}: done in {time.perf_counter() - start:.1f} s")

    def count(self, label: str, done: int, total: int) -> None:
        """Report ``done`` of ``total``: a redrawn bar on a terminal, a line every 10% otherwise.

        Nothing is shown for the first two seconds of a count, so quick steps stay quiet."""
        if not self.enabled or total <= 0:
            return
        now = time.perf_counter()
        started = self._started.setdefault(label, now)
        if now - started < self.delay:
            return
        shown = self._shown.get(label)
        if self.tty:
            width = 30
            filled = width * done // total
            end = "\n" if done >= total else ""
            print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=self.stream, flush=True)
        elif shown is None or done == total or 10 * done // total > 10 * shown // total:
            print(f"{label}: {done}/{total}", file=self.stream, flush=True)
        self._shown[label] = done
        if done >= total:
            self._started.pop(label, None)
            self._shown.pop(label, None)
