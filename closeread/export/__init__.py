"""Export stage: printable PDFs and LMS files for every lesson.

Per lesson (paths under docs/):
  lessons/<slug>/worksheet-a4.pdf, worksheet-letter.pdf      student worksheet for the period: the core set
  lessons/<slug>/worksheet-extended-{a4,letter}.pdf          ... extended: every question
  teacher/<slug>/key-a4.pdf, key-letter.pdf                  teacher key for the period (answer grid first)
  teacher/<slug>/key-extended-{a4,letter}.pdf                ... extended: every annotation and answer
  teacher/<slug>/<slug>-qti.zip                              Canvas quiz (QTI 1.2) of the core set
  teacher/<slug>/<slug>-moodle.xml, <slug>.gift.txt          Moodle question bank (XML, GIFT) of the core set
  teacher/<slug>/<slug>-full-qti.zip, -full-moodle.xml, -full.gift.txt   the same with every question
For the whole kit:
  teacher/booklet-a4.pdf, booklet-letter.pdf                 every period worksheet and key, with contents
  teacher/closeread-qti.zip, closeread-moodle.xml, closeread.gift.txt   core sets (and closeread-full-*)

Modules, one job each: ``items`` (lesson -> LMS quiz model), ``qti`` / ``moodle`` / ``gift``
(serializers), ``zipfiles`` (reproducible zip), ``print_html`` (print HTML from templates/print),
``pdf`` (WeasyPrint, worker processes), ``booklet`` (the booklet: front matter + the lesson PDFs,
merged), ``cache`` (rendered PDFs by content hash), ``fonts``.

Output is reproducible: no file holds the build's time unless SOURCE_DATE_EPOCH gives one.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from closeread.export.items import Quiz
from closeread.model import Lesson
from closeread.processes import map_ordered
from closeread.progress import Progress

if TYPE_CHECKING:
    from closeread.export.print_html import LessonHtml

KIT_NAME = "closeread"
TEACHER = "teacher"


@dataclass(frozen=True)
class LessonExport:
    """What the export stage makes from one lesson alone: its quiz in each LMS format and its print HTML.
    Made in worker processes (``lesson_exports``); the kit's files are put together from these."""

    quiz: Quiz  # the core set
    qti_entries: tuple[tuple[str, bytes], ...]
    gift: str
    full: "QuizFiles"  # every question
    html: "LessonHtml"  # the period and extended print pages

    def quiz_files(self, suffix: str) -> "QuizFiles":
        """The files' parts of one set, by its file name suffix (see ``SETS``)."""
        return self.full if suffix else QuizFiles(self.quiz, self.qti_entries, self.gift)


@dataclass(frozen=True)
class QuizFiles:
    quiz: Quiz
    qti_entries: tuple[tuple[str, bytes], ...]
    gift: str


SETS = {"": "core", "-full": "full"}  # file name suffix -> the quiz set it holds


def _quiz_files(quiz: Quiz) -> QuizFiles:
    from closeread.export import gift, qti

    return QuizFiles(quiz, tuple(qti.quiz_entries(quiz)), gift.quiz_text(quiz))


def _lesson_export(job: tuple[Lesson, dt.datetime | None]) -> LessonExport:
    from closeread.export import print_html
    from closeread.export.items import quiz_for

    lesson, epoch = job
    core = _quiz_files(quiz_for(lesson, lesson.core_questions))
    full = core if not lesson.core else _quiz_files(quiz_for(lesson, lesson.ordered_questions, full=True))
    return LessonExport(quiz=core.quiz, qti_entries=core.qti_entries, gift=core.gift, full=full, html=print_html.lesson_html(lesson, epoch))


def lesson_exports(
    lessons: list[Lesson], *, epoch: dt.datetime | None = None, progress: Progress | None = None, cache=None
) -> list[LessonExport]:
    """Each lesson's exports, made over every core when there are many lessons. With the build's
    ``LessonCache``, an unchanged lesson's exports (for the same SOURCE_DATE_EPOCH) come from it."""
    part = f"export-{int(epoch.timestamp())}" if epoch else "export"
    made: list[LessonExport | None] = [cache.part(lesson.slug, part) if cache is not None else None for lesson in lessons]
    missing = [i for i, m in enumerate(made) if not isinstance(m, LessonExport)]
    done = len(lessons) - len(missing)
    for i, made_one in zip(missing, map_ordered(_lesson_export, [(lessons[i], epoch) for i in missing])):
        made[i] = made_one
        if cache is not None:
            cache.keep_part(lessons[i].slug, part, made_one)
        done += 1
        if progress is not None:
            progress.count("preparing quizzes and print pages", done, len(lessons))
    return made


def lms_files(lessons: list[Lesson], *, epoch: dt.datetime | None = None, made: list[LessonExport] | None = None) -> dict[str, bytes]:
    """The QTI, Moodle XML and GIFT files of every lesson and of the whole kit (from ``made``, the
    lessons' exports, when the caller has them), for each set: the core set (the default files) and
    every question (``-full``). Moodle's elements are made here: lxml elements do not cross processes,
    and a serialized fragment read back loses the difference between "" and no text."""
    import copy

    from closeread.export import gift, moodle, qti

    made = made if made is not None else lesson_exports(lessons, epoch=epoch)
    date = epoch.date().isoformat() if epoch else None
    files: dict[str, bytes] = {}
    # the kit-wide files go to students through an LMS: drafts stay out of them (each draft keeps its own)
    kit_lessons = [i for i, lesson in enumerate(lessons) if not lesson.draft]
    for suffix, name in SETS.items():
        parts = [m.quiz_files(suffix) for m in made]
        label = "every question" if suffix else "core questions"
        moodle_parts = []
        for part in parts:
            quiz = part.quiz
            base = f"{TEACHER}/{quiz.id}/{quiz.id}{suffix}"
            files[f"{base}-qti.zip"] = qti.package(
                [quiz], [list(part.qti_entries)], title=f"closeread: {quiz.title} ({label})", date=date, timestamp=epoch
            )
            moodle_parts.append(moodle.quiz_questions(quiz))
            files[f"{base}-moodle.xml"] = moodle.bank([[copy.deepcopy(el) for el in moodle_parts[-1]]])
            files[f"{base}.gift.txt"] = gift.gift_file([part.gift]).encode("utf-8")
        if kit_lessons:
            kit = f"{TEACHER}/{KIT_NAME}{suffix}"
            files[f"{kit}-qti.zip"] = qti.package(
                [parts[i].quiz for i in kit_lessons], [list(parts[i].qti_entries) for i in kit_lessons],
                title=f"closeread: every lesson ({label})", date=date, timestamp=epoch,
            )
            files[f"{kit}-moodle.xml"] = moodle.bank([moodle_parts[i] for i in kit_lessons])
            files[f"{kit}.gift.txt"] = gift.gift_file([parts[i].gift for i in kit_lessons]).encode("utf-8")
    return files


def export_kit(*, lessons: list[Lesson], root: Path, pdf: bool = True, progress: Progress, cache=None) -> dict[str, bytes]:
    """Every exported file, keyed by its path under docs/ (``lessons/<slug>/...`` or ``teacher/...``).

    ``pdf=False`` renders no PDF: those already in the cache are used, the others left out.
    ``cache``: the build's ``LessonCache``, which keeps each lesson's quiz parts and print pages."""
    from closeread.export import print_html
    from closeread.export.booklet import export_booklets
    from closeread.export.cache import PdfCache
    from closeread.export.pdf import export_pdfs, source_date

    epoch = source_date()
    made = lesson_exports(lessons, epoch=epoch, progress=progress, cache=cache)
    files = lms_files(lessons, epoch=epoch, made=made)
    docs = print_html.documents(lessons, epoch=epoch, html=[m.html for m in made])
    pdfs, report = export_pdfs(docs, root=root, render_missing=pdf, progress=progress, prune=False)
    files.update(pdfs)
    # the booklet: the lesson PDFs above merged behind a cover and contents (rendered; cached like the rest)
    booklets, used = export_booklets(
        print_html.booklets([lesson for lesson in lessons if not lesson.draft], epoch=epoch), parts=pdfs, keys=report.keys, root=root, render_missing=pdf, progress=progress, report=report
    )
    files.update(booklets)
    if pdf:
        PdfCache(root).prune(set(report.keys.values()) | used)
    if report.rendered or report.skipped or report.merged:
        workers = f" on {report.workers} process{'es' if report.workers != 1 else ''}" if report.rendered else ""
        skipped = f", {len(report.skipped)} skipped (--no-pdf)" if report.skipped else ""
        merged = ""
        if report.merged:
            front = f", {len(report.front_rendered)} cover and contents rendered" if report.front_rendered else ""
            merged = f"; booklet{'s' if len(report.merged) != 1 else ''} merged: {len(report.merged)}{front} ({report.merge_seconds:.1f} s)"
        progress.say(
            f"PDFs: {len(report.rendered)} rendered{workers}, {len(report.cached)} from the cache{skipped} "
            f"({report.wall_seconds:.1f} s){merged}"
        )
    return files
