"""The exception tree. The CLI turns every CloseReadError into one-line messages and exit code 1."""

from __future__ import annotations

from dataclasses import dataclass


def inert(text: str) -> str:
    """Text for a terminal: control characters (an escape sequence can clear or recolour the author's
    terminal), bidirectional overrides and other invisible format characters shown as escapes."""
    if text.isprintable():
        return text
    return "".join(c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text)


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong in an input file, reported as ``path:line: message``."""

    path: str
    line: int
    message: str

    def __str__(self) -> str:
        # always one line, and inert on a terminal: a message may quote a lesson's own text
        path, message = inert(self.path), inert(self.message)
        return f"{path}:{self.line}: {message}" if self.line else f"{path}: {message}"


class CloseReadError(Exception):
    """Base of every error the CLI reports without a traceback."""

    def lines(self) -> list[str]:
        return [str(self)]


class LessonError(CloseReadError):
    """One or more problems in lessons; all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


class ImportFailed(CloseReadError):
    """A saved page that cannot be imported (not HTML, empty, binary, huge, wrong encoding)."""

    def __init__(self, path: str, message: str):
        self.path = path
        super().__init__(f"{path}: {message}")


class BuildFailed(CloseReadError):
    """The site or an export could not be built; the last good output is left in place."""
