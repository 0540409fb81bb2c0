"""Validate every lesson of a kit together."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from closeread.cache import write_entry
from closeread.errors import LessonError, Problem
from closeread.load.lessonfiles import lesson_dirs, linked_folders
from closeread.model import Lesson
from closeread.processes import map_ordered
from closeread.validate.lesson import load_lesson

PagesFor = Callable[[Lesson], dict[str, str]]


def load_kit(
    *, root: Path, lessons_dir: Path | None = None, progress=None, cache=None, pages_for: PagesFor | None = None
) -> list[Lesson]:
    """Every lesson under ``lessons/``, sorted by slug; raises LessonError listing every problem.

    With a ``LessonCache``, an unchanged lesson comes from the cache instead of being validated again.
    ``pages_for`` (with a cache) renders each freshly validated lesson's pages where it was validated,
    so that the model crosses from a worker process once, and the cache keeps both for the next build.
    Lessons the cache lacks are validated over every core when there are many."""
    lessons_dir = lessons_dir or root / "lessons"
    folders = lesson_dirs(lessons_dir)
    if not folders:
        rel = shown_path(lessons_dir, root)
        raise LessonError([Problem(rel, 0, "no lessons found; expected one folder per lesson, each with lesson.yaml and article.txt")])
    # a linked folder is never read (it could be any folder of the machine): reported with the rest
    folders, linked = linked_folders(folders, lambda folder: shown_path(folder, root, follow=False))
    if cache is None:
        pages_for = None  # rendered pages are only kept by the cache
    found: list[Lesson | None] = cache.lessons(folders) if cache is not None else [None] * len(folders)
    jobs: list[tuple[int, _Job]] = []
    for number, folder in enumerate(folders):
        if found[number] is None:
            entry = cache.entry_path(folder) if pages_for is not None else None
            jobs.append((number, _Job(folder, shown_path(folder, root), pages_for, entry)))
    done = len(folders) - len(jobs)
    problems: list[Problem] = list(linked)
    for (number, _), result in zip(jobs, map_ordered(_validate, [job for _, job in jobs])):
        problems.extend(result.problems)
        found[number] = result.lesson
        if result.lesson is not None and result.pages is not None:
            cache.adopt(result.lesson, result.pages)
        done += 1
        if progress is not None:
            progress.count("checking lessons", done, len(folders))
    if problems:
        raise LessonError(problems)
    return [lesson for lesson in found if lesson is not None]


class _Job(NamedTuple):
    """One lesson to validate (and render), as sent to a worker process."""

    folder: Path
    shown: str
    pages_for: PagesFor | None
    entry: Path | None  # where to cache the result, or None


class _Result:
    """A validated (and rendered) lesson. From a worker process it travels as the pickled cache entry
    the worker has just written, so the model and pages are pickled once, not twice."""

    __slots__ = ("lesson", "pages", "problems", "_entry")

    def __init__(self, lesson: Lesson | None, pages: dict[str, str] | None, problems: list[Problem], entry: bytes | None = None):
        self.lesson, self.pages, self.problems, self._entry = lesson, pages, problems, entry

    def __reduce__(self):
        if self._entry is None:
            return (_Result, (self.lesson, self.pages, self.problems))
        return (_from_entry, (self._entry, self.problems))


def _from_entry(entry: bytes, problems: list[Problem]) -> _Result:
    lesson, pages = pickle.loads(entry)
    return _Result(lesson, pages, problems)


def _validate(job: _Job) -> _Result:
    lesson, problems = load_lesson(job.folder, shown_dir=job.shown)
    if lesson is None or problems or job.pages_for is None:
        return _Result(lesson, None, problems)
    pages = job.pages_for(lesson)
    if job.entry is None:
        return _Result(lesson, pages, problems)
    entry = pickle.dumps((lesson, pages), protocol=pickle.HIGHEST_PROTOCOL)
    write_entry(job.entry, entry)
    return _Result(lesson, pages, problems, entry)


def shown_path(path: Path, root: Path, *, follow: bool = True) -> str:
    """A path as messages show it: relative to the kit's folder where it is inside it (a symbolic link
    named as itself with ``follow=False``, not as what it points at)."""
    try:
        if not follow:
            return (path.parent.resolve() / path.name).relative_to(root.resolve()).as_posix()
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path.as_posix()
