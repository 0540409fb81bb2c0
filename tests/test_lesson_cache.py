"""The lesson cache: unchanged lessons skip validation and rendering, and give the same pages."""

from __future__ import annotations

import os

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
    keys = {path.name.split(".", 1)[0] for path in (kit / CACHE_DIR).iterdir()}
    assert len(keys) == 1  # the old entry, and the parts kept beside it, are pruned


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


def _no_export(*args, **kwargs):
    raise AssertionError("an unchanged lesson's quiz parts and print pages were made again")


def test_unchanged_lessons_keep_their_export_parts(kit, monkeypatch):
    import closeread.export as export

    first = generate(root=kit, pdf=False)
    monkeypatch.setattr(export, "_lesson_export", _no_export)
    assert generate(root=kit, pdf=False).files == first.files


def test_export_parts_are_made_again_for_another_source_date(kit, monkeypatch):
    import closeread.export as export

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    first = generate(root=kit, pdf=False)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    made = []
    real = export._lesson_export
    monkeypatch.setattr(export, "_lesson_export", lambda job: made.append(job[0].slug) or real(job))
    second = generate(root=kit, pdf=False)
    assert made == ["tiny-harbour"]
    assert second.files["teacher/tiny-harbour/tiny-harbour-qti.zip"] != first.files["teacher/tiny-harbour/tiny-harbour-qti.zip"]


def test_an_unreadable_export_part_is_a_miss(kit):
    first = generate(root=kit, pdf=False)
    parts = [path for path in (kit / CACHE_DIR).iterdir() if path.name.count(".") == 2]
    assert parts
    for part in parts:
        part.write_bytes(b"not a pickle")
    assert generate(root=kit, pdf=False).files == first.files


def _many_lessons(kit, count: int) -> list[str]:
    """Copies of the fixture lesson, enough for validation to go to worker processes."""
    import shutil

    source = kit / "lessons" / "tiny-harbour"
    slugs = ["tiny-harbour"]
    for n in range(1, count):
        slug = f"tiny-harbour-{n:02d}"
        shutil.copytree(source, kit / "lessons" / slug)
        slugs.append(slug)
    return sorted(slugs)


def _two_forked_workers(monkeypatch):
    # forked even if an earlier test left a thread running, so that the workers see this test's patches
    import multiprocessing

    import closeread.processes as processes

    monkeypatch.setattr(processes, "worker_count", lambda: 2)
    monkeypatch.setattr(processes, "context", lambda: multiprocessing.get_context("fork"))


def test_many_lessons_validated_in_worker_processes_match_one_by_one(kit, monkeypatch):
    import closeread.processes as processes

    slugs = _many_lessons(kit, 20)
    pids = kit.parent / "pids"
    pids.mkdir()
    real = kit_module.load_lesson

    def load_lesson(folder, **kwargs):
        (pids / str(os.getpid())).touch()
        return real(folder, **kwargs)

    monkeypatch.setattr(kit_module, "load_lesson", load_lesson)
    _two_forked_workers(monkeypatch)
    parallel = generate(root=kit, pdf=False)
    assert [lesson.slug for lesson in parallel.lessons] == slugs
    assert len(list(pids.iterdir())) == 2 and str(os.getpid()) not in os.listdir(pids)
    assert len(list((kit / CACHE_DIR).glob("*[0-9a-f].pickle"))) == 20  # entries written by the workers
    monkeypatch.setattr(kit_module, "load_lesson", _no_validation)
    assert generate(root=kit, pdf=False).files == parallel.files
    monkeypatch.undo()
    for entry in (kit / CACHE_DIR).iterdir():
        entry.unlink()
    monkeypatch.setattr(processes, "worker_count", lambda: 1)
    assert generate(root=kit, pdf=False).files == parallel.files


def test_problems_found_in_worker_processes_are_all_reported_in_lesson_order(kit, monkeypatch):
    slugs = _many_lessons(kit, 20)
    for slug in (slugs[3], slugs[17]):
        path = kit / "lessons" / slug / "lesson.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("quote: about 300 workers", "quote: about 301 workers"), encoding="utf-8")
    _two_forked_workers(monkeypatch)
    with pytest.raises(LessonError) as caught:
        generate(root=kit, pdf=False)
    where = [problem.path for problem in caught.value.problems]
    assert where == [f"lessons/{slugs[3]}/lesson.yaml", f"lessons/{slugs[17]}/lesson.yaml"]


def test_reading_the_cache_leaves_the_garbage_collector_as_it_found_it(kit):
    import gc

    generate(root=kit, pdf=False)
    assert gc.isenabled()
    generate(root=kit, pdf=False)  # entries read with the collector paused
    assert gc.isenabled()
    gc.disable()
    try:
        generate(root=kit, pdf=False)
        assert not gc.isenabled()
    finally:
        gc.enable()
