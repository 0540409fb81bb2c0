"""Does a lesson's period worksheet fit the pages a class period allows (``print.max_period_pages`` in
``data/export.yaml``)? Measured, not estimated: the worksheet is the PDF the build makes, so `check`
counts its pages on each paper. An estimate from characters and lines was tried against the shipped
lessons and missed by a page either way (columns, kept-together questions and page breaks decide it),
so the count comes from the rendered PDF itself: from the build's PDF cache when the build (or an
earlier check) has made it already, else rendered once now and put in the cache for the build to use.
A check after an edit renders the edited lesson's two worksheets (about 0.5 s each here); an
unchanged lesson costs a file read.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from pathlib import Path

from closeread.errors import Problem
from closeread.export.cache import PdfCache
from closeread.export.print_html import PAPERS, LessonView, PrintDoc, worksheet_html
from closeread.export.rules import rules
from closeread.model import Lesson

_PAPER_NAMES = {"a4": "A4", "letter": "US Letter"}


@dataclass(frozen=True)
class Fit:
    slug: str
    pages: dict[str, int]  # paper -> pages of the period worksheet


def page_count(data: bytes) -> int:
    from pypdf import PdfReader  # the booklet's reader: already a dependency

    return len(PdfReader(io.BytesIO(data)).pages)


def period_pages(lessons: list[Lesson], *, root: Path, epoch=None) -> list[Fit]:
    """Pages of each lesson's period worksheet on each paper, from the cache or rendered now."""
    from closeread.export.pdf import doc_keys

    cache = PdfCache(root)
    docs: list[tuple[Lesson, PrintDoc]] = []
    for lesson in lessons:
        html = worksheet_html(LessonView(lesson), epoch)
        docs.extend((lesson, PrintDoc(f"{lesson.slug} {paper}", html, paper, (lesson.slug,))) for paper in PAPERS)
    keys = doc_keys([doc for _, doc in docs])
    counts: dict[str, dict[str, int]] = {lesson.slug: {} for lesson in lessons}
    for lesson, doc in docs:
        key = keys[doc.path]
        pages = _noted(cache.note(key), key)
        if pages is None:
            data = cache.get(key)
            if data is None:
                from closeread.export import pdf

                data = pdf.render(doc.html, doc.paper)[0]
                _keep(lambda: cache.put(key, data))
            pages = page_count(data)
            _keep(lambda: cache.put_note(key, {"pages": pages, "tag": _tag(key, pages)}))
        counts[lesson.slug][doc.paper] = pages
    return [Fit(slug, pages) for slug, pages in counts.items()]


def _tag(key: str, pages: int) -> str:
    """A page count's tag (closeread.trust): a note planted in a kit's cache cannot pass a long
    worksheet."""
    from closeread.trust import tag

    return tag(key.encode(), b"period pages", str(pages).encode()).hex()


def _noted(note: dict, key: str) -> int | None:
    import hmac

    pages, mark = note.get("pages"), note.get("tag")
    if isinstance(pages, int) and isinstance(mark, str) and hmac.compare_digest(mark, _tag(key, pages)):
        return pages
    return None


def _keep(store) -> None:
    """Cache what was measured where the kit's folder can be written; a read-only kit is checked all the
    same (it only measures again next time)."""
    try:
        store()
    except OSError:
        pass


def _core_line(lesson: Lesson, root: Path) -> int:
    """The line of the lesson's ``core:`` key (what decides the worksheet's length), else 1."""
    try:
        for number, line in enumerate((root / lesson.path).read_text(encoding="utf-8").splitlines(), start=1):
            if line.startswith("core:"):
                return number
    except OSError:
        pass
    return 1


def too_long(lessons: list[Lesson], *, root: Path, epoch=None) -> list[Problem]:
    """A problem for each published lesson whose period worksheet runs over the pages allowed."""
    limit = rules().max_period_pages
    published = [lesson for lesson in lessons if not lesson.draft]
    out = []
    by_slug = {lesson.slug: lesson for lesson in published}
    for fit in period_pages(published, root=root, epoch=epoch):
        over = {paper: n for paper, n in fit.pages.items() if n > limit}
        if over:
            lesson = by_slug[fit.slug]
            shown = ", ".join(f"{n} pages on {_PAPER_NAMES[p]}" for p, n in fit.pages.items())
            out.append(Problem(lesson.path, _core_line(lesson, root), f"the period worksheet runs over {limit} pages ({shown}); expected at most {limit}: a smaller core set, fewer words to know, or a shorter warm-up or exit ticket (or 'draft: true' while the lesson is unfinished)"))
    return out
