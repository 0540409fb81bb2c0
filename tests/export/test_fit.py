"""`check` fails a published lesson whose period worksheet runs over four pages (issue 19 item 5), with
one line saying so; a draft passes. The pages are counted in the rendered PDF, which is cached for the
build (and for the next check: a note beside it holds the count)."""

from __future__ import annotations

import shutil

import pytest

from closeread.errors import LessonError
from closeread.export.cache import FOLDER
from closeread.pipeline import check
from tests.conftest import REPO
from tests.export.conftest import need

FIXTURE = REPO / "tests" / "fixtures" / "kit" / "lessons" / "tiny-harbour"
Y = "lessons/tiny-harbour/lesson.yaml"


def _long_kit(tmp_path, *, draft: bool = False):
    root = tmp_path / "kit"
    folder = root / "lessons" / "tiny-harbour"
    shutil.copytree(FIXTURE, folder)
    article = folder / "article.txt"
    filler = "\n".join(f"Paragraph {n} of the report goes on about the harbour, the strike and the city council's long meeting." for n in range(260))
    article.write_text(article.read_text(encoding="utf-8") + filler + "\n", encoding="utf-8")
    if draft:
        lesson = folder / "lesson.yaml"
        lesson.write_text("draft: true\n" + lesson.read_text(encoding="utf-8"), encoding="utf-8")
    return root


def test_a_period_worksheet_over_four_pages_fails_check(tmp_path):
    need("fc-list", "fontconfig")
    root = _long_kit(tmp_path)
    with pytest.raises(LessonError) as caught:
        check(root=root)
    [line] = caught.value.lines()
    assert line.startswith(f"{Y}:156: the period worksheet runs over 4 pages (")
    assert "pages on A4" in line and "pages on US Letter" in line
    assert line.endswith("expected at most 4: a smaller core set, fewer words to know, or a shorter warm-up or exit ticket (or 'draft: true' while the lesson is unfinished)")
    notes = sorted((root / FOLDER).glob("*.json"))
    assert len(notes) == 2, "each paper's count is kept for the next check"
    with pytest.raises(LessonError) as again:  # from the cache this time: the same answer
        check(root=root)
    assert again.value.lines() == [line]
    for note in notes:  # a count planted in the kit's cache (untagged, or another count) is not believed
        note.write_text('{"pages": 1, "tag": "00"}', encoding="utf-8")
    with pytest.raises(LessonError) as planted:
        check(root=root)
    assert planted.value.lines() == [line]


def test_a_draft_may_run_over(tmp_path):
    need("fc-list", "fontconfig")
    assert [lesson.slug for lesson in check(root=_long_kit(tmp_path, draft=True))] == ["tiny-harbour"]


def test_the_shipped_lessons_fit():
    """The kit's own lessons pass the same measure (their PDFs: see test_period)."""
    need("fc-list", "fontconfig")
    from closeread.export.fit import period_pages
    from closeread.validate.kit import load_kit

    for fit in period_pages(load_kit(root=REPO), root=REPO):
        assert max(fit.pages.values()) <= 4, fit
