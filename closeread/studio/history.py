"""Undo: the files as they were before each of the last actions.

An action is undone by writing back the texts it replaced, but only while the files are still exactly as
that action left them: after a change made in an editor, undoing would throw that change away, so the
studio refuses and says why.
"""

from __future__ import annotations

from dataclasses import dataclass, field

MAX_STEPS = 50


@dataclass(frozen=True)
class Step:
    label: str
    before: dict[str, str | None]  # file name -> text before the action (None: it did not exist)
    after: dict[str, str]  # file name -> digest after the action


@dataclass
class History:
    steps: list[Step] = field(default_factory=list)

    def push(self, step: Step) -> None:
        self.steps.append(step)
        del self.steps[:-MAX_STEPS]

    def last(self) -> Step | None:
        return self.steps[-1] if self.steps else None

    def pop(self) -> Step:
        return self.steps.pop()

    def labels(self) -> list[str]:
        return [s.label for s in reversed(self.steps)]
