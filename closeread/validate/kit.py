"""Validate every lesson of a kit together."""

from __future__ import annotations

from pathlib import Path

from closeread.errors import LessonError, Problem
from closeread.load.lessonfiles import lesson_dirs
from closeread.model import Lesson
from closeread.validate.lesson import load_lesson


def load_kit(*, root: Path, lessons_dir: Path | None = None, progress=None, cache=None) -> list[Lesson]:
    """Every lesson under ``lessons/``, sorted by slug; raises LessonError listing every problem.

    With a ``LessonCache``, an unchanged lesson comes from the cache instead of being validated again."""
    lessons_dir = lessons_dir or root / "lessons"
    problems: list[Problem] = []
    lessons = []
    folders = lesson_dirs(lessons_dir)
    if not folders:
        rel = shown_path(lessons_dir, root)
        raise LessonError([Problem(rel, 0, "no lessons found; expected one folder per lesson, each with lesson.yaml and article.txt")])
    for number, folder in enumerate(folders, start=1):
        lesson = cache.lesson(folder) if cache is not None else None
        if lesson is None:
            lesson, found = load_lesson(folder, shown_dir=shown_path(folder, root))
            problems.extend(found)
        if lesson is not None:
            lessons.append(lesson)
        if progress is not None:
            progress.count("checking lessons", number, len(folders))
    if problems:
        raise LessonError(problems)
    return lessons


def shown_path(path: Path, root: Path) -> str:
    """A path as messages show it: relative to the kit's folder where it is inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
