"""Export stage: printable PDFs and LMS files for every lesson.

Per lesson (paths under docs/):
  lessons/<slug>/worksheet-a4.pdf, worksheet-letter.pdf      student worksheet for the period: the core set
  lessons/<slug>/worksheet-extended-{a4,letter}.pdf          ... extended: every question
  teacher/<slug>/key-a4.pdf, key-letter.pdf                  teacher key for the period (answer grid first)
  teacher/<slug>/key-extended-{a4,letter}.pdf                ... extended: every annotation and answer
  teacher/<slug>/<slug>-qti.zip                              Canvas quiz (QTI 1.2) of the core set
  teacher/<slug>/<slug>-moodle.xml, <slug>.gift.txt          Moodle question bank (XML, GIFT) of the core set
  teacher/<slug>/<slug>-full-qti.zip, -full-moodle.xml, -full.gift.txt   the same with every question
  teacher/<slug>/<slug>.imscc                                Common Cartridge 1.1: page, worksheets, article link, core quiz
For the whole kit:
  teacher/booklet-a4.pdf, booklet-letter.pdf                 every period worksheet and key, with contents
  teacher/closeread-qti.zip, closeread-moodle.xml, closeread.gift.txt   core sets (and closeread-full-*)
  teacher/closeread.imscc                                    every lesson's module in one Common Cartridge

Modules, one job each: ``items`` (lesson -> LMS quiz model), ``qti`` / ``moodle`` / ``gift``
(serializers), ``cc_qti`` / ``webpage`` / ``cartridge`` / ``cartridges`` (Common Cartridge: profiled
QTI, the standalone student page, the package, the kit's cartridges), ``zipfiles`` (reproducible zip), ``print_html`` (print HTML from templates/print),
``pdf`` (WeasyPrint, worker processes), ``booklet`` (the booklet: front matter + the lesson PDFs,
merged), ``cache`` (rendered PDFs by content hash), ``fonts``.

Output is reproducible: no file holds the build's time unless SOURCE_DATE_EPOCH gives one.
"""

from __future__ import annotations

import datetime as dt
import pickle
from dataclasses import dataclass
from pathlib import Path

from typing import TYPE_CHECKING

from closeread.export.items import Quiz
from closeread.model import Lesson
from closeread.processes import map_ordered
from closeread.progress import Progress
from closeread.trust import loads as trust_loads

if TYPE_CHECKING:
    from closeread.export.print_html import LessonHtml

KIT_NAME = "closeread"
TEACHER = "teacher"


@dataclass(frozen=True)
class QuizFiles:
    """One set of a lesson's questions, ready to go into an LMS file: the quiz, its QTI entries, its GIFT text."""

    quiz: Quiz
    qti_entries: tuple[tuple[str, bytes], ...]
    gift: str


@dataclass(frozen=True)
class LessonExport:
    """What the export stage makes from one lesson alone: its quiz in each LMS format, its own LMS files
    and its print HTML. Made in worker processes (``lesson_exports``); the kit's files are put together
    from these."""

    sets: bytes  # the pickled QuizFiles of the core set and of every question (see ``quiz_files``)
    files: tuple[tuple[str, bytes], ...]  # the lesson's own LMS files of both sets, by path under docs/
    html: "LessonHtml"  # the period and extended print pages

    def quiz_files(self, suffix: str) -> QuizFiles:
        """The files' parts of one set, by its file name suffix (see ``SETS``). Kept pickled: only the
        kit-wide files are made from them, and an unchanged kit takes those from the kit cache, so
        reading a thousand lessons' exports need not build their quizzes' objects again."""
        core, full = trust_loads(self.sets)  # written by this build or read from a checked entry
        return full if suffix else core


SETS = {"": "core", "-full": "full"}  # file name suffix -> the quiz set it holds
_LABELS = {"": "core questions", "-full": "every question"}


def _quiz_files(quiz: Quiz) -> QuizFiles:
    from closeread.export import gift, qti

    return QuizFiles(quiz, tuple(qti.quiz_entries(quiz)), gift.quiz_text(quiz))


def _set_files(base: str, title: str, parts: list[QuizFiles], epoch: dt.datetime | None) -> list[tuple[str, bytes]]:
    """The QTI package, Moodle XML and GIFT file holding ``parts`` (one lesson's set, or the kit's), at
    ``base`` + their suffixes. Moodle's elements are made here: lxml elements do not cross processes,
    and a serialized fragment read back loses the difference between "" and no text."""
    from closeread.export import gift, moodle, qti

    date = epoch.date().isoformat() if epoch else None
    return [
        (f"{base}-qti.zip", qti.package([p.quiz for p in parts], [list(p.qti_entries) for p in parts], title=title, date=date, timestamp=epoch)),
        (f"{base}-moodle.xml", moodle.bank([moodle.quiz_questions(p.quiz) for p in parts])),
        (f"{base}.gift.txt", gift.gift_file([p.gift for p in parts]).encode("utf-8")),
    ]


def _own_files(part: QuizFiles, suffix: str, epoch: dt.datetime | None) -> list[tuple[str, bytes]]:
    """One lesson's QTI package, Moodle XML and GIFT file of one set."""
    quiz = part.quiz
    return _set_files(f"{TEACHER}/{quiz.id}/{quiz.id}{suffix}", f"closeread: {quiz.title} ({_LABELS[suffix]})", [part], epoch)


def _lesson_export(job: tuple[Lesson, dt.datetime | None]) -> LessonExport:
    from closeread.export import print_html
    from closeread.export.items import quiz_for

    lesson, epoch = job
    core = _quiz_files(quiz_for(lesson, lesson.core_questions))
    full = core if not lesson.core else _quiz_files(quiz_for(lesson, lesson.ordered_questions, full=True))
    sets = {"": core, "-full": full}
    files = tuple(entry for suffix in SETS for entry in _own_files(sets[suffix], suffix, epoch))
    sets = pickle.dumps((core, full), protocol=pickle.HIGHEST_PROTOCOL)
    return LessonExport(sets=sets, files=files, html=print_html.lesson_html(lesson, epoch))


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


def _kit_set(shared: tuple, index: int) -> list[tuple[str, bytes]]:
    """The kit-wide QTI package, Moodle XML and GIFT file of set ``index`` (of ``SETS``)."""
    parts_by_set, epoch = shared
    suffix = list(SETS)[index]
    return _set_files(f"{TEACHER}/{KIT_NAME}{suffix}", f"closeread: every lesson ({_LABELS[suffix]})", parts_by_set[index], epoch)


def kit_lms_files(lessons: list[Lesson], made: list[LessonExport], *, epoch: dt.datetime | None = None) -> dict[str, bytes]:
    """The QTI, Moodle XML and GIFT files of the whole kit, one of each per set, the sets made side by
    side (one per core). The kit-wide files go to students through an LMS: drafts stay out of them
    (each draft keeps its own)."""
    from closeread.processes import map_forked

    kit = [m for lesson, m in zip(lessons, made) if not lesson.draft]
    if not kit:
        return {}
    by_lesson = [trust_loads(m.sets) for m in kit]  # (core, full) of each lesson: the order of SETS
    shared = ([[core_full[i] for core_full in by_lesson] for i in range(len(SETS))], epoch)
    if len(kit) < 16:  # a process pool costs more than a small kit's files
        files = [_kit_set(shared, i) for i in range(len(SETS))]
    else:
        files = map_forked(_kit_set, shared, len(SETS))
    return dict(entry for entries in files for entry in entries)


def lms_files(
    lessons: list[Lesson], *, epoch: dt.datetime | None = None, made: list[LessonExport] | None = None, kit_key: str | None = None, root: Path | None = None
) -> dict[str, bytes]:
    """The QTI, Moodle XML and GIFT files of every lesson and of the whole kit (from ``made``, the
    lessons' exports, when the caller has them), for each set: the core set (the default files) and
    every question (``-full``). ``kit_key`` (with ``root``): the key of everything the kit-wide files
    are made from (see ``LessonCache.kit_key``); with it, they are kept whole in the kit cache and an
    unchanged kit takes them from there."""
    from closeread.kitcache import KitCache

    made = made if made is not None else lesson_exports(lessons, epoch=epoch)
    files: dict[str, bytes] = {}
    for m in made:
        files.update(m.files)
    kit_cache = KitCache(root) if kit_key is not None and root is not None else None
    kit = kit_cache.get("lms", kit_key) if kit_cache is not None else None
    if not isinstance(kit, dict):
        kit = kit_lms_files(lessons, made, epoch=epoch)
        if kit_cache is not None:
            kit_cache.put("lms", kit_key, kit)
    files.update(kit)
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
    # the kit-wide files are made from every lesson, in order, and SOURCE_DATE_EPOCH: nothing else
    kit_key = cache.kit_key([lesson.slug for lesson in lessons], "lms", str(int(epoch.timestamp())) if epoch else "-") if cache is not None else None
    files = lms_files(lessons, epoch=epoch, made=made, kit_key=kit_key, root=root)
    docs = print_html.documents(lessons, epoch=epoch, html=[m.html for m in made])
    pdfs, report = export_pdfs(docs, root=root, render_missing=pdf, progress=progress, prune=False)
    files.update(pdfs)
    # the booklet: the lesson PDFs above merged behind a cover and contents (rendered; cached like the rest)
    booklets, used = export_booklets(
        print_html.booklets([lesson for lesson in lessons if not lesson.draft], epoch=epoch), parts=pdfs, keys=report.keys, root=root, render_missing=pdf, progress=progress, report=report
    )
    files.update(booklets)
    # the Common Cartridges hold the worksheets: made once the PDFs are there (kept in the caches)
    from closeread.export.cartridges import cartridge_files

    files.update(cartridge_files(lessons, lambda i: made[i].quiz_files("").quiz, pdfs, epoch=epoch, cache=cache, root=root))
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
