"""Print HTML for the PDFs: student worksheets, teacher keys and the booklet's front matter, from the Jinja2 templates
in ``closeread/templates/print/`` (autoescaping on, undefined names are errors).

Material's site pages do not paginate in WeasyPrint, so the printed pages have templates of their own.
Everything a PDF depends on is in its ``PrintDoc``: the HTML and the name of its paper size; the
stylesheets are fixed files of the package (see ``stylesheets``).
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from functools import cache
from importlib import resources

import jinja2
from markupsafe import Markup, escape

from closeread.export.activities import activities
from closeread.export.grid import grid
from closeread.export.rules import rules
from closeread.kinds import registry
from closeread.questions import TYPE_LABELS, option_letter
from closeread.model import Annotation, Lesson, Question
from closeread.render.env import inline, long_date, paragraphs
from closeread.render.pages import STUDENT_DIR, TEACHER_DIR

PAPERS = {"a4": "A4", "letter": "letter"}  # file suffix -> CSS page size
AUTHOR = "closeread"
_HOW = {
    "single": "choose one: tick one box",
    "multiple": "tick every box that applies",
    "sort": "reported or asserted: tick one box for each claim",
    "find": "find it in the article: write the line number and copy the words",
    "short": "short answer",
    "discussion": "for the class discussion",
}


@dataclass(frozen=True)
class PrintDoc:
    path: str  # under docs/
    html: str
    paper: str  # a key of PAPERS
    lessons: tuple[str, ...]  # the slugs it shows


def compact(text: str) -> Markup:
    """Plain text in one block, escaped; paragraphs kept apart by line breaks (fewer boxes to lay out)."""
    blocks = [" ".join(b.split()) for b in str(text).replace("\r", "").split("\n\n")]
    return Markup("<br>").join(escape(b) for b in blocks if b)


def paragraphs_then(text: str, tail: str) -> Markup:
    """``paragraphs(text)`` with ``tail`` at the end of its last paragraph (or as a paragraph of its own)."""
    html = str(paragraphs(text))
    tail = str(escape(" ".join(tail.split())))
    if html.endswith("</p>"):
        return Markup(f"{html[:-4]} {tail}</p>")
    return Markup(f"<p>{tail}</p>")


_TAG = re.compile(r"(<[^>]*>)")


def tidy(html: str) -> str:
    """The same document with less for the HTML parser to do (it is pure Python and a sizeable part of
    each PDF's time): no white space with a line break between two tags (none of it shows), and quotes
    in text as characters instead of character references. Tags, attribute values included, are left
    exactly as the templates wrote them."""
    parts = _TAG.split(html)
    for i in range(0, len(parts), 2):
        text = parts[i]
        if "\n" in text and not text.strip():
            parts[i] = ""
        elif "&#" in text:
            parts[i] = text.replace("&#34;", '"').replace("&#39;", "'")
    return "".join(parts)


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("closeread", "templates/print"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(paragraphs=paragraphs, paragraphs_then=paragraphs_then, inline=inline, long_date=long_date, compact=compact)
    env.globals.update(kinds=registry(), type_label=TYPE_LABELS.get, how=_HOW, space=rules(), letter=option_letter)
    return env


@cache
def stylesheet() -> str:
    """The print stylesheet shared by every document."""
    return resources.files("closeread").joinpath("templates/print/print.css").read_text(encoding="utf-8")


def paper_stylesheet(paper: str) -> str:
    return f"@page {{ size: {PAPERS[paper]}; }}\n"


# --- the article -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PrintLine:
    number: int
    gutter: str  # the number as printed, see ``gutter``
    role: str
    label: str
    plain: Markup
    marked: Markup


def _tracks(anns: list[Annotation]) -> dict[str, int]:
    """Give overlapping annotations different tracks (underline offsets): interval colouring."""
    track: dict[str, int] = {}
    placed: list[Annotation] = []
    for a in sorted(anns, key=lambda a: (a.span.start, -a.span.end, a.number)):
        busy = {track[b.id] for b in placed if b.span.start < a.span.end and b.span.end > a.span.start}
        track[a.id] = next(t for t in range(len(anns) + 1) if t not in busy)
        placed.append(a)
    return track


def _marker(a: Annotation) -> Markup:
    return Markup('<span class="mk">{}{}</span>').format(registry()[a.kind].marker, a.number)


def _marked_line(text: str, start: int, end: int, anns: list[Annotation], track: dict[str, int]) -> Markup:
    here = [a for a in anns if a.span.start < end and a.span.end > start]
    cuts = sorted({start, end, *(x for a in here for x in (a.span.start, a.span.end) if start < x < end)})
    out: list[Markup] = []
    for s, e in zip(cuts, cuts[1:]):
        covering = sorted((a for a in here if a.span.start < e and a.span.end > s), key=lambda a: track[a.id])
        piece = escape(text[s:e])
        for a in covering:  # innermost first: track 0 sits closest to the text
            piece = Markup('<span class="u t{t} k-{k}">{p}</span>').format(t=min(track[a.id], 2), k=a.kind, p=piece)
        out.append(piece)
        for a in sorted(covering, key=lambda a: a.number):
            if a.span.end <= e:
                out.append(_marker(a))
    return Markup("").join(out)


FIGURE_SPACE = "\u2007"  # as wide as a digit, never collapsed, no line break after it


def gutter(number: int, digits: int) -> str:
    """A line's number, right-aligned in ``digits`` digits with figure spaces, and a figure space after
    it: as wide as ``digits`` + 1 digits in the line's font (print.css sets the text column there, in
    ``ch``), so the number hangs left of the text without an element of its own."""
    text = str(number)
    return FIGURE_SPACE * max(0, digits - len(text)) + text + FIGURE_SPACE


def print_lines(lesson: Lesson) -> list[PrintLine]:
    """Every non-blank line of article.txt, with its number in the file, plain and with the marks."""
    anns = [a for a in lesson.published_annotations if a.span is not None]
    track = _tracks(anns)
    text = lesson.article.text
    digits = gutter_digits(lesson)
    out = []
    for line in lesson.article.lines:
        if not line.text.strip():
            continue
        start, end = line.start, line.start + len(line.text)
        out.append(
            PrintLine(
                number=line.number,
                gutter=gutter(line.number, digits),
                role=line.role,
                label=line.label or line.role.capitalize(),
                plain=escape(" ".join(line.text.split())),  # collapsed here: worksheets print it pre-wrap
                marked=_marked_line(text, start, end, anns, track),
            )
        )
    return out


def gutter_digits(lesson: Lesson) -> int:
    """Digits the line numbers are padded to: 3, or 4 for an article of a thousand lines or more."""
    return 4 if len(lesson.article.lines) >= 1000 else 3


# --- one lesson, as the templates see it ---------------------------------------------------------


SETS = ("period", "extended")  # the core set (the default handouts) and every question


class LessonView:
    """One lesson as a print template sees it, for one set of questions: ``period`` (the core set: the
    default worksheet and key) or ``extended`` (core first, then the rest, as on the student page). A
    lesson without a core set has one set: its period handouts hold every question."""

    def __init__(self, lesson: Lesson, *, extended: bool = False, lines: list[PrintLine] | None = None):
        self.lesson = lesson
        self.lines = lines if lines is not None else print_lines(lesson)
        self.wide = gutter_digits(lesson) > 3  # line numbers of four digits: a wider gutter
        self.split = bool(lesson.core)  # a core set apart from the rest: period and extended differ
        self.extended = extended and self.split
        self.questions = lesson.ordered_questions if self.extended else lesson.core_questions
        self.activities = activities(lesson)

    def other(self) -> "LessonView":
        """The same lesson for its other set, sharing the article's lines (made once)."""
        return LessonView(self.lesson, extended=not self.extended, lines=self.lines)

    @property
    def edition(self) -> str:
        """The handout's name after "Student worksheet" / "Teacher key"."""
        if not self.split:
            return ""
        return "extended: every question" if self.extended else "for the period"

    def grid(self):
        return grid(self.lesson, self.questions)

    @property
    def rubric_questions(self) -> list[tuple[int, Question]]:
        """(number, question) of each question with a rubric, in the handout's numbering."""
        return [(n, q) for n, q in enumerate(self.questions, start=1) if q.rubric]

    def fields(self, a: Annotation) -> list[tuple[str, str]]:
        """The annotation's kind fields as (label, text), sources by name."""
        out = []
        for spec in registry()[a.kind].fields:
            value = a.get(spec.name)
            if value is None or value == "":
                continue
            if spec.type == "ref":
                src = self.lesson.source_by_id(value)
                value = src.name if src else value
            elif spec.type == "bool":
                value = "yes" if value else "no"
            out.append((spec.name.replace("_", " "), str(value)))
        return out

    @staticmethod
    def answer_lines(q: Question) -> int:
        """Ruled lines for a written answer, sized to a student's expected answer (``data/export.yaml``):
        the rubric's strong sample when there is one, else a share of the model answer; one line spare."""
        r = rules()
        if q.type == "discussion":
            return r.discussion_lines
        strong = next((level.sample for level in q.rubric if level.level == "strong"), "")
        if strong:
            words = len(strong.split())
        else:
            words = len(q.model_answer.split()) * r.model_share if q.model_answer else 12
        return max(r.min_lines, min(r.max_lines, math.ceil(words / r.words_per_line) + 1))


# --- documents -----------------------------------------------------------------------------------


def _date(epoch: dt.datetime | None) -> str:
    return epoch.strftime("%Y-%m-%dT%H:%M:%SZ") if epoch else ""


def _meta(title: str, description: str, keywords, epoch) -> dict:
    return {"title": " ".join(title.split()), "author": AUTHOR, "description": " ".join(description.split()), "keywords": list(keywords), "date": _date(epoch)}


def _title(view: LessonView, what: str) -> str:
    return f"{view.lesson.title}: {what}" + (f" ({view.edition})" if view.edition else "")


def worksheet_html(view: LessonView, epoch: dt.datetime | None = None) -> str:
    lesson = view.lesson
    meta = _meta(_title(view, "student worksheet"), lesson.summary, ["closeread", "worksheet", *lesson.skills], epoch)
    return tidy(environment().get_template("worksheet.html.j2").render(view=view, meta=meta))


def key_html(view: LessonView, epoch: dt.datetime | None = None) -> str:
    lesson = view.lesson
    meta = _meta(_title(view, "teacher key"), lesson.summary, ["closeread", "teacher key", *lesson.skills], epoch)
    return tidy(environment().get_template("key.html.j2").render(view=view, meta=meta))


@dataclass(frozen=True)
class LessonHtml:
    """A lesson's four print pages: worksheet and key for the period (the default) and extended."""

    worksheet: str
    key: str
    worksheet_extended: str
    key_extended: str


def lesson_html(lesson: Lesson, epoch: dt.datetime | None = None) -> LessonHtml:
    """The four print pages. A lesson without a core set has one set: its extended pages are its period
    pages (same HTML, so the PDF is rendered once and the cache holds it once)."""
    period = LessonView(lesson)
    worksheet, key = worksheet_html(period, epoch), key_html(period, epoch)
    if not period.split:
        return LessonHtml(worksheet, key, worksheet, key)
    extended = period.other()
    return LessonHtml(worksheet, key, worksheet_html(extended, epoch), key_html(extended, epoch))


def pdf_paths(slug: str, paper: str) -> dict[str, str]:
    """Where each of a lesson's PDFs goes under docs/, by its field in ``LessonHtml``."""
    return {
        "worksheet": f"{STUDENT_DIR}/{slug}/worksheet-{paper}.pdf",
        "key": f"{TEACHER_DIR}/{slug}/key-{paper}.pdf",
        "worksheet_extended": f"{STUDENT_DIR}/{slug}/worksheet-extended-{paper}.pdf",
        "key_extended": f"{TEACHER_DIR}/{slug}/key-extended-{paper}.pdf",
    }


@dataclass(frozen=True)
class BookletEntry:
    slug: str
    title: str
    worksheet: str  # path under docs/ of the lesson's worksheet PDF on this paper
    key: str  # ... and of its teacher key


@dataclass(frozen=True)
class Booklet:
    """The kit's booklet on one paper: front matter (cover, contents) rendered here, then each lesson's
    worksheet and key PDF as they are (merged by ``closeread.export.booklet``)."""

    path: str  # under docs/
    paper: str
    language: str
    meta: dict
    entries: tuple[BookletEntry, ...]

    def front_html(self, starts: dict[str, tuple[int, int]] | None = None) -> str:
        """Cover and contents. ``starts``: slug -> booklet pages where its worksheet and key start;
        None leaves the numbers out (the booklet's cache key: ``booklet.front_skeleton``)."""
        return environment().get_template("booklet.html.j2").render(
            entries=self.entries, starts=starts, meta=self.meta, language=self.language
        )

    def front_doc(self, starts: dict[str, tuple[int, int]] | None = None) -> PrintDoc:
        return PrintDoc(f"{self.path} (cover and contents)", self.front_html(starts), self.paper, tuple(e.slug for e in self.entries))


def booklets(lessons: list[Lesson], *, epoch: dt.datetime | None = None) -> list[Booklet]:
    """The booklet on each paper (none for a kit without lessons)."""
    if not lessons:
        return []
    langs = [lesson.language for lesson in lessons]
    language = max(sorted(set(langs)), key=langs.count)
    meta = _meta(
        "closeread: student worksheets and teacher keys",
        f"Every lesson of the kit ({len(lessons)}): worksheets and teacher keys.",
        ["closeread", "booklet"],
        epoch,
    )
    return [
        Booklet(
            f"{TEACHER_DIR}/booklet-{paper}.pdf",
            paper,
            language,
            meta,
            tuple(
                BookletEntry(l.slug, l.title, f"{STUDENT_DIR}/{l.slug}/worksheet-{paper}.pdf", f"{TEACHER_DIR}/{l.slug}/key-{paper}.pdf")
                for l in lessons
            ),
        )
        for paper in PAPERS
    ]


def documents(lessons: list[Lesson], *, epoch: dt.datetime | None = None, html: list[LessonHtml] | None = None) -> list[PrintDoc]:
    """Every lesson PDF of the kit, as print HTML: per lesson a worksheet and a key for the period and
    extended, each on A4 and US Letter (the HTML is the same; the paper is a separate stylesheet). The
    booklet (period handouts): see ``booklets``. ``html``: each lesson's ``LessonHtml``, when the caller
    has made them already."""
    docs: list[PrintDoc] = []
    for number, lesson in enumerate(lessons):
        made = html[number] if html is not None else lesson_html(lesson, epoch)
        for paper in PAPERS:
            for name, path in pdf_paths(lesson.slug, paper).items():
                docs.append(PrintDoc(path, getattr(made, name), paper, (lesson.slug,)))
    return docs
