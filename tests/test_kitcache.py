"""The kit cache: an unchanged kit takes its kit-wide pages and LMS files whole and rewrites no generated
file (proved with modification times); a changed lesson, a lesson removed, renamed or made a draft, and
another SOURCE_DATE_EPOCH each give exactly what a build with no cache at all gives."""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from pathlib import Path

import pytest

import closeread.export as export
import closeread.render.pages as pages
from closeread.kitcache import KIT_DIR
from closeread.pipeline import generate, write_docs
from tests.conftest import make_kit

OWNED = ("lessons", "teacher")
KIT_LMS = ("teacher/closeread.gift.txt", "teacher/closeread-moodle.xml", "teacher/closeread-qti.zip")
KIT_LMS_FULL = ("teacher/closeread-full.gift.txt", "teacher/closeread-full-moodle.xml", "teacher/closeread-full-qti.zip")


@pytest.fixture(autouse=True)
def _epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


@pytest.fixture
def kit(tmp_path) -> Path:
    """The fixture kit with three lessons (copies of its one), built once."""
    kit = make_kit(tmp_path / "kit")
    for n in (2, 3):
        shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / f"tiny-harbour-{n:02d}")
    _build(kit)
    return kit


def _build(kit: Path) -> dict[str, bytes]:
    generated = generate(root=kit, pdf=False)
    write_docs(root=kit, generated=generated)
    return generated.files


def _docs(kit: Path) -> dict[str, bytes]:
    docs = kit / "docs"
    return {p.relative_to(docs).as_posix(): p.read_bytes() for owned in OWNED for p in (docs / owned).rglob("*") if p.is_file()}


def _age(kit: Path) -> dict[str, int]:
    """Set every generated file an hour back (so that a rewrite shows on any clock); their times."""
    times = {}
    for owned in OWNED:
        for path in (kit / "docs" / owned).rglob("*"):
            if path.is_file():
                stat = path.stat()
                os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns - 3_600_000_000_000))
                times[path.relative_to(kit / "docs").as_posix()] = path.stat().st_mtime_ns
    return times


def _mtimes(kit: Path) -> dict[str, int]:
    docs = kit / "docs"
    return {p.relative_to(docs).as_posix(): p.stat().st_mtime_ns for owned in OWNED for p in (docs / owned).rglob("*") if p.is_file()}


def _without_cache(kit: Path, tmp_path: Path) -> dict[str, bytes]:
    """What a first build of ``kit``'s lessons gives, in a fresh folder with no cache."""
    fresh = make_kit(tmp_path / "fresh", kit / "lessons")
    assert not (fresh / ".closeread-cache").exists()
    _build(fresh)
    return _docs(fresh)


def _retitle(kit: Path, slug: str, title: str) -> None:
    path = kit / "lessons" / slug / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    assert "title: A harbour strike\n" in text
    path.write_text(text.replace("title: A harbour strike\n", f"title: {title}\n", 1), encoding="utf-8")


def _refuse(*args, **kwargs):
    raise AssertionError("an unchanged kit's kit-wide files were made again")


def test_an_unchanged_kit_takes_its_kit_wide_files_whole_and_rewrites_nothing(kit, monkeypatch):
    before = _docs(kit)
    times = _age(kit)
    monkeypatch.setattr(export, "kit_lms_files", _refuse)
    monkeypatch.setattr(pages, "kit_pages", _refuse)
    files = _build(kit)
    assert _mtimes(kit) == times
    assert _docs(kit) == before
    assert {path: files[path] for path in KIT_LMS + KIT_LMS_FULL} == {path: before[path] for path in KIT_LMS + KIT_LMS_FULL}


def _qti_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return "".join(zf.read(name).decode("utf-8") for name in zf.namelist() if name.endswith(".xml"))


def test_one_changed_lesson_remakes_its_files_and_the_kit_wide_ones_as_a_build_without_cache(kit, tmp_path):
    times = _age(kit)
    _retitle(kit, "tiny-harbour-02", "A harbour strike in Zanzibarville")
    _build(kit)
    docs = _docs(kit)
    assert docs == _without_cache(kit, tmp_path)
    for path in KIT_LMS + KIT_LMS_FULL:
        text = _qti_text(docs[path]) if path.endswith(".zip") else docs[path].decode("utf-8")
        assert "Zanzibarville" in text, path
        assert _mtimes(kit)[path] != times[path], path
    remade = {path for path, stamp in _mtimes(kit).items() if times.get(path) != stamp}
    assert any(path.startswith("teacher/tiny-harbour-02/") for path in remade)
    # the other lessons' own files are left alone, file for file
    assert not [path for path in remade if path.split("/")[1] in ("tiny-harbour", "tiny-harbour-03")]


@pytest.mark.parametrize("change", ["removed", "renamed", "draft", "epoch"])
def test_kit_wide_files_follow_the_lessons_their_order_drafts_and_date(kit, tmp_path, monkeypatch, change):
    lessons = kit / "lessons"
    if change == "removed":
        shutil.rmtree(lessons / "tiny-harbour-02")
    elif change == "renamed":  # the same lessons, another order: "a-harbour" now comes first
        _retitle(kit, "tiny-harbour-03", "A harbour strike, third")
        (lessons / "tiny-harbour-03").rename(lessons / "a-harbour")
    elif change == "draft":
        path = lessons / "tiny-harbour-02" / "lesson.yaml"
        path.write_text("draft: true\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    else:
        monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")
    before = _docs(kit)
    _build(kit)
    docs = _docs(kit)
    assert docs == _without_cache(kit, tmp_path)
    dated = [path for path in KIT_LMS + KIT_LMS_FULL if change != "epoch" or path.endswith(".zip")]  # the date is in the zips only
    assert all(docs[path] != before[path] for path in dated)


def test_an_unreadable_kit_cache_entry_is_a_miss(kit, tmp_path):
    entries = list((kit / KIT_DIR).iterdir())
    assert {path.name.split("-", 1)[0] for path in entries} == {"cartridge", "lms", "pages"}
    for path in entries:
        path.write_bytes(b"not a pickle")
    _build(kit)
    assert _docs(kit) == _without_cache(kit, tmp_path)
    assert len(list((kit / KIT_DIR).iterdir())) == 3  # good entries again, one per name


def test_kit_wide_files_made_side_by_side_match_those_made_in_one_process(tmp_path, monkeypatch):
    import multiprocessing

    import closeread.processes as processes
    from closeread.validate.kit import load_kit

    kit = make_kit(tmp_path / "many")
    for n in range(2, 18):  # enough lessons for the sets to be made in worker processes
        shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / f"tiny-harbour-{n:02d}")
    lessons = load_kit(root=kit)
    made = export.lesson_exports(lessons, epoch=None)
    forked = []
    real = processes.map_forked
    monkeypatch.setattr(processes, "map_forked", lambda *args: forked.append(1) or real(*args))
    monkeypatch.setattr(processes, "context", lambda: multiprocessing.get_context("fork"))
    monkeypatch.setattr(processes, "worker_count", lambda: 1)
    alone = export.kit_lms_files(lessons, made)
    monkeypatch.setattr(processes, "worker_count", lambda: 2)
    assert export.kit_lms_files(lessons, made) == alone
    assert forked == [1, 1] and set(alone) == set(KIT_LMS + KIT_LMS_FULL)
