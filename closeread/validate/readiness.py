"""Whether a lesson is ready to publish, and what may be a mistake: the checks that list what a draft
still lacks (``warnings``) and fail a published lesson that lacks it (``problems``).

- a text that starts with ``TODO`` (the importer's skeletons; ``TODO check:`` on a note it drafted);
- an annotation still marked ``suggested: true``, and a ``suggestions.yaml`` left beside the lesson;
- a line whose role draws the wrong thing (a ``credit`` on a contributor line);
- options an author keeps in order that put the right one first in most questions.
"""

from __future__ import annotations

import os
from pathlib import Path

from closeread.errors import Problem
from closeread.model import Annotation, Article, Question
from closeread.validate.order import right_first_share
from closeread.validate.roles import ROLE_DRAWS, line_role_mismatch

PENDING_FILE = "suggestions.yaml"  # what 'build.py suggest' writes beside a lesson, for the author to review
Found = tuple[list[Problem], list[Problem]]  # (problems, warnings)


def _todo_texts(data) -> int:
    """How many texts inside ``data`` start with TODO."""
    if isinstance(data, dict):
        return sum(_todo_texts(v) for v in data.values())
    if isinstance(data, list):
        return sum(_todo_texts(v) for v in data)
    return int(isinstance(data, str) and data.lstrip().startswith("TODO"))


def todo_left(data, *, draft: bool, path: str) -> Found:
    """Every text of the lesson file (``data`` as loaded, with its lines) that starts with TODO: a
    problem in a published lesson, a warning ("to do before publishing") in a draft."""
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def visit(value, name: str, line: int) -> None:
        if isinstance(value, dict) and name.endswith("rubric") and _todo_texts(value):
            # a rubric skeleton is one thing to write, not six
            what = f"'{name}' still says TODO in {_todo_texts(value)} of its texts; expected what each level does and a sample answer"
            if draft:
                warnings.append(Problem(path, line, f"to do before publishing: {what}"))
            else:
                problems.append(Problem(path, line, f"{what} (or 'draft: true' while the lesson is unfinished)"))
            return
        if isinstance(value, dict):
            for key, inner in value.items():
                visit(inner, str(key) if name == "lesson" else f"{name}.{key}", value.line_of(key) if hasattr(value, "line_of") else line)
        elif isinstance(value, list):
            for i, inner in enumerate(value):
                # an item by its id where it has one ("annotations 'a-300'.note"), else by its place
                ident = (inner.get("id") or inner.get("term")) if isinstance(inner, dict) else None
                shown = f"{name} '{ident}'" if isinstance(ident, str) else (f"{name} {i + 1}" if len(value) > 1 else name)
                visit(inner, shown, value.line_of(i) if hasattr(value, "line_of") else line)
        elif isinstance(value, str) and value.lstrip().startswith("TODO"):
            if draft and value.lstrip().startswith("TODO check"):
                warnings.append(Problem(path, line, f"to do before publishing: '{name}' is drafted by the kit; expected it read, corrected and 'TODO check:' removed"))
            elif draft:
                warnings.append(Problem(path, line, f"to do before publishing: '{name}' still says TODO; expected your own text"))
            else:
                problems.append(Problem(path, line, f"'{name}' still says TODO; expected the teacher's own text (or 'draft: true' while the lesson is unfinished)"))

    visit(data, "lesson", 1)
    return problems, warnings


def nothing_pending(annotations: list[Annotation], *, folder: Path, shown_dir: str, path: str) -> Found:
    """A published lesson keeps no suggestion to review: students would not see it, and nothing says so.
    A suggestions file is a scratch file the build never reads: a warning while it is there."""
    problems = [
        Problem(path, a.line, f"annotation '{a.id}' is still a suggestion ('suggested: true') in a published lesson; expected it reviewed: delete 'suggested: true' to keep it, or delete the annotation (or 'draft: true' while you review)")
        for a in annotations if a.suggested
    ]
    warnings = []
    if os.path.lexists(folder / PENDING_FILE):
        warnings.append(Problem(f"{shown_dir}/{PENDING_FILE}", 0, "holds suggestions from 'build.py suggest' that were never reviewed; expected the ones you keep copied into lesson.yaml, then the file deleted"))
    return problems, warnings


def role_warnings(article: Article, *, role_lines: dict[int, int], path: str) -> list[Problem]:
    """A role draws something on the page: say so where a line's role draws the wrong thing, at the
    line of the part that gave it."""
    out = []
    for line in article.lines:
        meant = line_role_mismatch(line)
        if meant:
            out.append(Problem(path, role_lines.get(line.number, 1), f"article line {line.number} has role '{line.role}', which draws {ROLE_DRAWS[line.role]}, but reads {meant}"))
    return out


def kept_order_warnings(raw_questions: list[dict], questions: list[Question], *, path: str) -> list[Problem]:
    """Options an author keeps in order should not teach that the answer comes first."""
    kept = {q["id"] for q in raw_questions if q.get("keep_order") and "id" in q}
    singles = [q for q in questions if q.id in kept and q.type == "single"]
    if len(singles) < 2 or right_first_share([q.options for q in singles]) <= 0.5:
        return []
    first = sum(1 for q in singles if q.options[0].correct)
    return [Problem(path, singles[0].line, f"{first} of the {len(singles)} single-choice questions with 'keep_order: true' put the right option first; expected the right option in different places (or no 'keep_order', and the kit shuffles them)")]
