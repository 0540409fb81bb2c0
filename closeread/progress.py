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
        """Report ``done`` of ``total``: a redrawn bar on a terminal, a line every 10% otherwise."""
        if not self.enabled or total <= 0:
            return
        if self.tty:
            width = 30
            filled = width * done // total
            end = "\n" if done >= total else ""
            print(f"\r{label} [{'#' * filled}{'.' * (width - filled)}] {done}/{total}", end=end, file=self.stream, flush=True)
        elif done == total or done % max(1, total // 10) == 0:
            print(f"{label}: {done}/{total}", file=self.stream, flush=True)
