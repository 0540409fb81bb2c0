"""Export stage: printable PDFs and LMS files for every lesson.

Per lesson (paths under docs/):
  lessons/<slug>/worksheet-a4.pdf, worksheet-letter.pdf      student worksheet (no answers)
  teacher/<slug>/key-a4.pdf, key-letter.pdf                  teacher key (every annotation and answer)
  teacher/<slug>/<slug>-qti.zip                              Canvas quiz (QTI 1.2)
  teacher/<slug>/<slug>-moodle.xml, <slug>.gift.txt          Moodle question bank (XML, GIFT)
For the whole kit:
  teacher/booklet-a4.pdf, booklet-letter.pdf                 every worksheet and key, with contents
  teacher/closeread-qti.zip, closeread-moodle.xml, closeread.gift.txt

Modules, one job each: ``items`` (lesson -> LMS quiz model), ``qti`` / ``moodle`` / ``gift``
(serializers), ``zipfiles`` (reproducible zip), ``print_html`` (print HTML from templates/print),
``pdf`` (WeasyPrint, worker processes), ``booklet`` (the booklet: front matter + the lesson PDFs,
merged), ``cache`` (rendered PDFs by content hash), ``fonts``.

Output is reproducible: no file holds the build's time unless SOURCE_DATE_EPOCH gives one.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from closeread.model import Lesson
from closeread.progress import Progress

KIT_NAME = "closeread"
TEACHER = "teacher"


def lms_files(lessons: list[Lesson], *, epoch: dt.datetime | None = None) -> dict[str, bytes]:
    """The QTI, Moodle XML and GIFT files of every lesson and of the whole kit.

    Each quiz is serialized once; the kit's files are put together from the lessons' parts."""
    import copy

    from closeread.export import gift, moodle, qti
    from closeread.export.items import quiz_for

    date = epoch.date().isoformat() if epoch else None
    files: dict[str, bytes] = {}
    quizzes = [quiz_for(lesson) for lesson in lessons]
    qti_parts, moodle_parts, gift_parts = [], [], []
    for quiz in quizzes:
        base = f"{TEACHER}/{quiz.id}/{quiz.id}"
        qti_parts.append(qti.quiz_entries(quiz))
        moodle_parts.append(moodle.quiz_questions(quiz))
        gift_parts.append(gift.quiz_text(quiz))
        files[f"{base}-qti.zip"] = qti.package([quiz], qti_parts[-1:], title=f"closeread: {quiz.title}", date=date, timestamp=epoch)
        files[f"{base}-moodle.xml"] = moodle.bank([[copy.deepcopy(el) for el in moodle_parts[-1]]])
        files[f"{base}.gift.txt"] = gift.gift_file(gift_parts[-1:]).encode("utf-8")
    if quizzes:
        files[f"{TEACHER}/{KIT_NAME}-qti.zip"] = qti.package(quizzes, qti_parts, title="closeread: every lesson", date=date, timestamp=epoch)
        files[f"{TEACHER}/{KIT_NAME}-moodle.xml"] = moodle.bank(moodle_parts)
        files[f"{TEACHER}/{KIT_NAME}.gift.txt"] = gift.gift_file(gift_parts).encode("utf-8")
    return files


def export_kit(*, lessons: list[Lesson], root: Path, pdf: bool = True, progress: Progress) -> dict[str, bytes]:
    """Every exported file, keyed by its path under docs/ (``lessons/<slug>/...`` or ``teacher/...``).

    ``pdf=False`` renders no PDF: those already in the cache are used, the others left out."""
    from closeread.export import print_html
    from closeread.export.booklet import export_booklets
    from closeread.export.cache import PdfCache
    from closeread.export.pdf import export_pdfs, source_date

    epoch = source_date()
    files = lms_files(lessons, epoch=epoch)
    pdfs, report = export_pdfs(print_html.documents(lessons, epoch=epoch), root=root, render_missing=pdf, progress=progress, prune=False)
    files.update(pdfs)
    # the booklet: the lesson PDFs above merged behind a cover and contents (rendered; cached like the rest)
    booklets, used = export_booklets(
        print_html.booklets(lessons, epoch=epoch), parts=pdfs, keys=report.keys, root=root, render_missing=pdf, progress=progress, report=report
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
