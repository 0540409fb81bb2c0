"""What `build.py check` warns about without failing: side doors to answers (``leaks``) and questions
that send students to look something up without saying so (their minutes would be short)."""

from __future__ import annotations

from closeread.design import design
from closeread.errors import Problem
from closeread.model import Lesson
from closeread.validate.leaks import leak_warnings


def unmarked_look_ups(lesson: Lesson) -> list[Problem]:
    phrases = design().look_up_phrases
    out = []
    for q in lesson.questions:
        said = next((p for p in phrases if p in q.prompt.casefold()), "")
        if said and not q.look_up:
            where = f"annotation '{q.annotation}' (its 'question:' mapping)" if q.generated else f"question '{q.id}'"
            out.append(Problem(lesson.path, q.line, f"question '{q.id}' sends students to look something up (\"{said}\") but is not marked; expected 'look_up: true' on {where}, so that paper says it needs a device and its minutes include the look-up"))
    return out


def lesson_warnings(lesson: Lesson, data) -> list[Problem]:
    """``data``: the lesson file as loaded, with its lines (the messages point at them)."""
    return sorted(set(leak_warnings(lesson, data) + unmarked_look_ups(lesson)))
