"""A draft that already runs (issue 19, item 2): on saved pages the rules were not written from,
``import_page`` with the suggester gives a lesson that ``check`` passes as a draft, with a sources
list, a sequence for its minutes and a core set of 8 to 12 generated questions that fits the question
minutes; what the author must still write is listed, and the same lesson fails once published.

The corpus pages used here are development pages of the extraction benchmark; the pages reserved as
unseen for other work are not used."""

from __future__ import annotations

import datetime
import shutil
from pathlib import Path

import pytest

from closeread.design import design
from closeread.errors import LessonError
from closeread.importer import import_page
from closeread.importer.plan import CHECK
from closeread.suggest import suggest
from closeread.validate.kit import load_kit
from tests.conftest import REPO

CORPUS = REPO.parent / "shared" / "corpus" / "article-extraction-dev" / "html"
PAGES = [
    REPO / "tests" / "importer" / "fixtures" / "harbour-paywall.html",
    REPO / "tests" / "importer" / "fixtures" / "jsonld-article.html",
    REPO / "tests" / "fixtures" / "guide" / "harbour-strike.html",
    REPO / "tests" / "fixtures" / "guide" / "ferry-fares.html",
    *sorted(p for h in ("c467d507", "374ac9a5", "9e8c9f08", "1f765c48", "c90731f0", "7a457a4f", "dc7ccccc", "ffc109d4") for p in CORPUS.glob(f"{h}*")),
]


def _draft(page: Path, root: Path) -> Path:
    return import_page(page, lessons_dir=root / "lessons", today=datetime.date(2026, 12, 7), suggest=suggest)


@pytest.mark.parametrize("page", PAGES, ids=[p.name[:16] for p in PAGES])
def test_a_fresh_import_runs(tmp_path, page):
    folder = _draft(page, tmp_path)
    [lesson] = load_kit(root=tmp_path)
    assert lesson.draft
    assert lesson.sources, "no sources list"
    assert sum(step.minutes for step in lesson.sequence) == lesson.minutes
    assert lesson.question_phase == next(s.minutes for s in lesson.sequence if s.step == "questions")
    rules = design()
    assert rules.core_min <= len(lesson.core) <= rules.core_max
    assert lesson.core_minutes <= lesson.question_phase
    assert all(q.generated for q in lesson.core_questions)
    for q in lesson.core_questions:
        if q.open:
            assert len(q.rubric) == 3 and all(level.does.startswith("TODO") for level in q.rubric)
    kept = lesson.published_annotations
    assert kept and all(a.note.startswith(CHECK) for a in kept)
    # a source or speaker filled on a suggestion points at an entry of the list
    ids = {s.id for s in lesson.sources}
    for a in lesson.annotations:
        for field in ("source", "speaker"):
            assert a.get(field) is None or a.get(field) in ids
    todo = [w for w in lesson.warnings if w.message.startswith("to do before publishing")]
    assert any("'objectives" in w.message for w in todo)
    assert any("rubric" in w.message for w in todo) == any(q.open for q in lesson.core_questions)
    assert (folder / "lesson.yaml").read_text(encoding="utf-8").count("TODO") >= len(todo)


def test_published_too_early_it_fails_with_every_line_to_finish(tmp_path):
    folder = _draft(PAGES[3], tmp_path)
    [draft] = load_kit(root=tmp_path)
    path = folder / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("draft: true\n", "draft: false\n", 1), encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_kit(root=tmp_path)
    lines = caught.value.lines()
    pending = [a for a in draft.annotations if a.suggested]
    assert len(lines) == len([w for w in draft.warnings if w.message.startswith("to do")]) + len(pending)
    assert all(": still a suggestion" not in line for line in lines)
    assert sum("is still a suggestion ('suggested: true') in a published lesson" in line for line in lines) == len(pending)
    assert sum("still says TODO" in line for line in lines) == len(lines) - len(pending)


def test_the_same_page_gives_the_same_draft(tmp_path):
    one, two = _draft(PAGES[3], tmp_path / "a"), _draft(PAGES[3], tmp_path / "b")
    assert (one / "lesson.yaml").read_bytes() == (two / "lesson.yaml").read_bytes()


def test_without_suggestions_the_draft_has_no_core(tmp_path):
    import_page(PAGES[2], lessons_dir=tmp_path / "lessons", today=datetime.date(2026, 12, 7))
    [lesson] = load_kit(root=tmp_path)
    assert lesson.draft and not lesson.core and not lesson.annotations
