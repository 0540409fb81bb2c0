"""A lesson with ``draft: true`` is built into the teacher site only (marked draft), never the student site."""

from __future__ import annotations

import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO, make_kit

DRAFT = "harbour-draft"
MARK = "Unfinishedharbourdraft"  # a word only the draft's title carries


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("drafts") / "kit")
    shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / DRAFT)
    lesson = kit / "lessons" / DRAFT / "lesson.yaml"
    text = lesson.read_text(encoding="utf-8")
    text = text.replace("title: A harbour strike", f"title: {MARK} strike\ndraft: true", 1)
    text = text.replace("summary: A short invented report for testing every annotation kind.",
                        "summary: 'TODO: one or two sentences for the catalogue'", 1)
    lesson.write_text(text, encoding="utf-8")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", "--no-pdf"],
                            capture_output=True, text=True, timeout=900)
    assert result.returncode == 0, result.stderr
    return kit


def _files_mentioning(site: Path, word: str) -> list[str]:
    out = []
    for path in site.rglob("*"):
        if path.is_file() and word.encode() in path.read_bytes():
            out.append(path.relative_to(site).as_posix())
    return sorted(out)


def test_a_draft_is_absent_from_the_student_site(built):
    site = built / "site"
    assert (site / "lessons" / "tiny-harbour" / "index.html").is_file()  # the finished lesson is there
    assert not (site / "lessons" / DRAFT).exists()
    # not its page, nor a catalogue row, nor the search index, nor the sitemap, nor the assignment data
    assert _files_mentioning(site, MARK) == []
    assert _files_mentioning(site, DRAFT) == []


def test_a_draft_is_in_the_teacher_site_marked_draft(built):
    teacher = built / "site-teacher"
    edition = (teacher / "teacher" / DRAFT / "index.html").read_text(encoding="utf-8")
    assert MARK in edition and "This lesson is a draft" in edition
    preview = (teacher / "lessons" / DRAFT / "index.html").read_text(encoding="utf-8")
    assert "This lesson is a draft" in preview
    catalogue = (teacher / "teacher" / "index.html").read_text(encoding="utf-8")
    assert MARK in catalogue and "cr-draft-tag" in catalogue


def test_kit_wide_lms_files_leave_the_draft_out(built):
    teacher = built / "docs" / "teacher"
    gift = next(teacher.glob("*.gift.txt")).read_text(encoding="utf-8")
    assert "A harbour strike" in gift and MARK not in gift
    with zipfile.ZipFile(next(teacher.glob("*-qti.zip"))) as z:
        assert not any(MARK in z.read(n).decode("utf-8", "replace") for n in z.namelist())
    assert (teacher / DRAFT).is_dir()  # the draft keeps its own exports, for its teacher
