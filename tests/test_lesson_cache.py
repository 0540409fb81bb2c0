"""The lesson cache: unchanged lessons skip validation and rendering, and give the same pages."""

from __future__ import annotations

import pytest

import closeread.validate.kit as kit_module
from closeread.cache import CACHE_DIR
from closeread.errors import LessonError
from closeread.pipeline import generate


def _no_validation(*args, **kwargs):
    raise AssertionError("an unchanged lesson was validated again")


def test_unchanged_lessons_come_from_the_cache_with_identical_pages(kit, monkeypatch):
    first = generate(root=kit, pdf=False)
    monkeypatch.setattr(kit_module, "load_lesson", _no_validation)
    second = generate(root=kit, pdf=False)
    assert second.files == first.files
    assert [lesson.slug for lesson in second.lessons] == ["tiny-harbour"]


def test_a_changed_lesson_is_validated_again(kit):
    generate(root=kit, pdf=False)
    path = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("title: A harbour strike", "title: A dock strike"), encoding="utf-8")
    again = generate(root=kit, pdf=False)
    assert again.lessons[0].title == "A dock strike"
    assert b"A dock strike" in again.files["lessons/tiny-harbour/index.md"]
    assert len(list((kit / CACHE_DIR).iterdir())) == 1  # the old entry is pruned


def test_a_broken_lesson_is_reported_even_after_a_good_build(kit):
    generate(root=kit, pdf=False)
    path = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("quote: about 300 workers", "quote: about 301 workers"), encoding="utf-8")
    with pytest.raises(LessonError, match="quote 'about 301 workers' not found"):
        generate(root=kit, pdf=False)


def test_an_unreadable_entry_is_a_miss(kit):
    first = generate(root=kit, pdf=False)
    for entry in (kit / CACHE_DIR).iterdir():
        entry.write_bytes(b"not a pickle")
    assert generate(root=kit, pdf=False).files == first.files
