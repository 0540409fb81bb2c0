"""The handouts for one period, read back with poppler: the worksheet holds the core set, the warm-up,
the vocabulary and the exit ticket and no answer; the key opens with an answer grid of the core set on
page 1, then the rubrics, the annotated article and the extension. Every shipped lesson's period
worksheet fits four pages on A4 and on Letter, with no page left holding a line or two of overflow."""

from __future__ import annotations

import re
from functools import cache

import pytest

from closeread.export.grid import grid
from tests.conftest import REPO
from tests.export.conftest import need, pdfinfo
from tests.export.test_pdf import ANSWERS, flat

SLUG = "tiny-harbour"
MAX_WORKSHEET_PAGES = 4  # issue 12: a 50-minute class needs a handful of pages
MIN_LINES_ON_A_PAGE = 3  # fewer (the running footer aside): a page holding a line or two of overflow (widows: 3)


def pages_of(poppler, data: bytes) -> list[str]:
    return poppler("pdftotext", data, "-layout").split("\f")[:-1]


def test_period_worksheet_holds_the_core_set_and_the_activities(exported, poppler):
    lesson = exported.lessons[0]
    text = flat(poppler("pdftotext", exported.files[f"lessons/{SLUG}/worksheet-a4.pdf"]))  # reading order: two columns
    assert "STUDENT WORKSHEET · FOR THE PERIOD" in text
    core = lesson.core_questions
    assert re.findall(r"Question (\d+)", text) and sorted(map(int, re.findall(r"Question (\d+)", text))) == list(range(1, len(core) + 1))
    for q in core:
        assert flat(q.prompt)[:40] in text, q.id
    for q in lesson.practice_questions:
        assert flat(q.prompt)[:50] not in text, f"a practice question on the period worksheet: {q.id}"
    assert "Warm-up Ask who went on strike." in text
    assert "Words to know" in text and "agitators" in text and "people who stir up trouble or protest" in text
    assert "Exit ticket" not in text  # the fixture's sequence has none (the shipped lessons': below)
    assert f"the extended worksheet has {len(lesson.practice_questions)} more questions" in text
    for answer in ANSWERS:
        assert answer not in text, answer


def test_period_key_opens_with_the_answer_grid(exported, poppler):
    lesson = exported.lessons[0]
    pages = pages_of(poppler, exported.files[f"teacher/{SLUG}/key-a4.pdf"])
    first = flat(pages[0])
    assert "TEACHER KEY · FOR THE PERIOD" in first and "Answers # Answer Why" in first
    for row in grid(lesson, lesson.core_questions):
        assert row.answer[:25] in first, row
        assert row.why[:25] in first, row
    assert "Yevgeny" not in first
    whole = flat(" ".join(pages))
    # then the rubrics, the annotated article (markers), the extension
    assert whole.index("Rubrics") < whole.index("The article, annotated") < whole.index("Extension:")
    assert "Repeats the headline." in whole
    assert "Other reports of the number of strikers." in whole


def test_the_extended_handouts_hold_every_question(exported, poppler):
    lesson = exported.lessons[0]
    text = flat(poppler("pdftotext", exported.files[f"lessons/{SLUG}/worksheet-extended-a4.pdf"], "-layout"))
    assert "STUDENT WORKSHEET · EXTENDED: EVERY QUESTION" in text
    for n, q in enumerate(lesson.ordered_questions, start=1):
        assert f"Question {n} {flat(q.prompt)[:40]}" in text, q.id  # one column: in reading order


def test_answer_space_follows_the_expected_answer():
    """Ruled lines: the rubric's strong sample when there is one, else a share of the model answer."""
    from closeread.export.print_html import LessonView
    from closeread.export.rules import rules
    from closeread.model import Question, RubricLevel

    r = rules()
    long = Question(id="a", type="short", prompt="p", model_answer="word " * 200)
    short = Question(id="b", type="short", prompt="p", model_answer="word " * 200, rubric=(RubricLevel("strong", "d", "one two three"),))
    assert LessonView.answer_lines(long) == r.max_lines
    assert LessonView.answer_lines(short) == r.min_lines


# --- the shipped lessons -------------------------------------------------------------------------


@cache
def _shipped():
    from closeread.validate.kit import load_kit

    return {lesson.slug: lesson for lesson in load_kit(root=REPO)}


@cache
def _rendered(slug: str, doc: str, paper: str) -> bytes:
    from closeread.export import pdf
    from closeread.export.print_html import lesson_html

    return pdf.render(getattr(lesson_html(_shipped()[slug]), doc), paper)[0]


SHIPPED = sorted(p.parent.name for p in (REPO / "lessons").glob("*/lesson.yaml"))


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_period_worksheet_fits_four_pages_without_overflow_pages(slug, paper, poppler):
    need("fc-list", "fontconfig")
    data = _rendered(slug, "worksheet", paper)
    count = int(pdfinfo(poppler("pdfinfo", data))["Pages"])
    assert count <= MAX_WORKSHEET_PAGES, f"{slug} ({paper}): {count} pages"
    pages = pages_of(poppler, data)
    for number, page in enumerate(pages, start=1):
        lines = [line for line in page.splitlines() if line.strip() and "Page " not in line]
        assert len(lines) >= MIN_LINES_ON_A_PAGE, f"{slug} ({paper}) page {number} holds only {len(lines)} lines: {lines}"
    text = flat(" ".join(pages))
    steps = {s.step for s in _shipped()[slug].sequence}
    assert ("Warm-up" in text) == ("warm-up" in steps) and ("Exit ticket" in text) == ("exit-ticket" in steps)
    assert ("Words to know" in text) == bool(_shipped()[slug].vocabulary)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_period_key_has_its_answer_grid_on_page_1(slug, paper, poppler):
    need("fc-list", "fontconfig")
    lesson = _shipped()[slug]
    pages = pages_of(poppler, _rendered(slug, "key", paper))
    first = flat(pages[0])
    assert "Answers # Answer Why" in first, f"{slug}: no answer grid on page 1"
    rows = grid(lesson, lesson.core_questions)
    last = rows[-1]
    assert re.search(rf"\b{last.number} {re.escape(last.answer[:20])}", first), f"{slug} ({paper}): the grid runs past page 1"
    for page in pages:
        lines = [line for line in page.splitlines() if line.strip() and "Page " not in line]
        assert len(lines) >= MIN_LINES_ON_A_PAGE, f"{slug} ({paper}): a page of overflow: {lines}"


def test_worksheets_print_no_line_labels_or_outlet_type(exported, poppler):
    """Paper gives nothing away either: the key labels a line as a button or a caption, the worksheets
    (period and extended) print every line alike and leave out the outlet's type."""
    for name in ("worksheet-a4.pdf", "worksheet-extended-a4.pdf"):
        text = flat(poppler("pdftotext", exported.files[f"lessons/{SLUG}/{name}"]))
        for label in ("BUTTON:", "DATELINE:", "PHOTO CAPTION:", "(local newspaper)"):
            assert label not in text, f"{name}: {label}"
        assert "Subscribe" in text and "Dock workers stand beside a closed gate" in text
    key = flat(poppler("pdftotext", exported.files[f"teacher/{SLUG}/key-a4.pdf"]))
    assert "BUTTON:" in key and "(local newspaper)" in key


# --- issue 20: a key a teacher can mark from, a worksheet a student can read --------------------------


def _text_sizes(data: bytes) -> dict[float, int]:
    """Characters of text by font size (points), as the PDF draws them."""
    import io

    import pypdf

    sizes: dict[float, int] = {}

    def visit(text, cm, tm, font, size):
        if text.strip():
            points = round(size * (tm[3] or 1) * (cm[3] or 1), 1)
            sizes[points] = sizes.get(points, 0) + len(text.strip())

    for page in pypdf.PdfReader(io.BytesIO(data)).pages:
        page.extract_text(visitor_text=visit)
    return sizes


# smaller than the body on purpose: the running footer (7.5), the source line (8.5), the edition label (9)
SMALL_PRINT = {7.5, 8.5, 9.0}


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_period_worksheet_text_is_at_least_10_5_pt(slug, paper):
    need("fc-list", "fontconfig")
    sizes = _text_sizes(_rendered(slug, "worksheet", paper))
    small = {size: n for size, n in sizes.items() if size < 10.5}
    assert set(small) <= SMALL_PRINT, f"{slug} ({paper}): text under 10.5 pt: {small}"
    assert sum(small.values()) < 0.08 * sum(sizes.values()), f"{slug} ({paper}): {small}"


@pytest.mark.parametrize("slug", SHIPPED)
def test_shipped_period_papers_letter_the_options_and_the_grid_cuts_nothing(slug, poppler):
    """Options lettered A, B, C on the worksheet; the key's grid gives every right answer by its letters,
    never cut; a look-up question says on paper that it needs a device."""
    from closeread.questions import option_letter, right_letters

    need("fc-list", "fontconfig")
    lesson = _shipped()[slug]
    worksheet = flat(poppler("pdftotext", _rendered(slug, "worksheet", "a4")))
    key_first = flat(pages_of(poppler, _rendered(slug, "key", "a4"))[0])
    for n, q in enumerate(lesson.core_questions, start=1):
        for i, o in enumerate(q.options):
            assert f"{option_letter(i)}. {flat(o.text)[:30]}" in worksheet, (slug, q.id, o.text)
        if q.options:
            assert re.search(rf"\b{n} {re.escape(right_letters(q.options))}\b", key_first), (slug, q.id, right_letters(q.options))
        if q.look_up:
            assert "you need a phone or computer to look something up" in worksheet, (slug, q.id)
        for i, item in enumerate(q.items, start=1):  # a sort's rows numbered as the key's grid numbers them
            assert f"{i}. “{flat(item.text)[:20]}" in worksheet, (slug, q.id, item.text)
    for row in grid(lesson, lesson.core_questions):
        assert "…" not in row.answer, (slug, row)
