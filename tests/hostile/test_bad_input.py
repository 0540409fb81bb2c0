"""The whole pipeline fed bad input: one line per problem naming file and line, nothing written
half-done, the previous sites kept, and no file an author wrote changed or deleted."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest

from closeread import cli
from tests.conftest import FIXTURE_LESSONS, make_kit
from tests.validation.test_messages import CASES

LINE = re.compile(r"^lessons/tiny-harbour/(lesson\.yaml|article\.txt)(:\d+)?: [^\n]+; [^\n]+$")
OUTPUTS = ("site", "site-teacher", "docs/lessons", "docs/teacher")


def _tree(folder: Path) -> dict[str, str]:
    if not folder.exists():
        return {}
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _authored(kit: Path) -> dict[str, str]:
    """Every file an author wrote: lessons, hand-written docs, configs (the build's own folders and cache left out)."""
    out = {}
    for p in sorted(kit.rglob("*")):
        rel = p.relative_to(kit).as_posix()
        if p.is_file() and not rel.startswith(("site", ".site", "docs/lessons/", "docs/teacher/", ".closeread-cache/")):
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("hostile") / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    return kit


@pytest.mark.parametrize("breaker", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_bad_lesson_fails_cleanly_and_changes_nothing(built, breaker, capsys):
    kit = built
    folder = kit / "lessons" / "tiny-harbour"
    saved = {p.name: p.read_bytes() for p in folder.iterdir()}
    outputs = {name: _tree(kit / name) for name in OUTPUTS}
    breaker(folder)
    authored = _authored(kit)
    capsys.readouterr()
    try:
        assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
        err = capsys.readouterr().err
        lines = [line for line in err.splitlines() if not line.startswith(("checking lessons", "building "))]
        assert lines, "no error printed"
        for line in lines:
            assert LINE.match(line), line
        assert "Traceback" not in err
        assert {name: _tree(kit / name) for name in OUTPUTS} == outputs
        assert _authored(kit) == authored, "the build changed a file an author wrote"
        assert not [p for p in kit.iterdir() if p.name.startswith(".site")]
    finally:
        for p in folder.iterdir():
            p.unlink()
        for name, data in saved.items():
            (folder / name).write_bytes(data)


def test_a_50_mb_article_is_refused_without_reading_it(built, capsys):
    folder = built / "lessons" / "tiny-harbour"
    good = (folder / "article.txt").read_bytes()
    with open(folder / "article.txt", "wb") as fh:
        fh.write(good)
        fh.truncate(50_000_000)
    try:
        assert cli.main(["--root", str(built), "check"]) == 1
        assert capsys.readouterr().err.splitlines() == ["lessons/tiny-harbour/article.txt:1: file is 50.0 MB; expected at most 2 MB"]
    finally:
        (folder / "article.txt").write_bytes(good)


def _valid_variant(tmp_path: Path, change) -> Path:
    lessons = tmp_path / "lessons"
    shutil.copytree(FIXTURE_LESSONS, lessons)
    change(lessons / "tiny-harbour")
    return make_kit(tmp_path / "kit", lessons)


def _bom_crlf(folder: Path) -> None:
    for name in ("lesson.yaml", "article.txt"):
        data = (folder / name).read_bytes()
        (folder / name).write_bytes(b"\xef\xbb\xbf" + data.replace(b"\n", b"\r\n"))


def _whole_article_and_nested(folder: Path) -> None:
    article = (folder / "article.txt").read_text(encoding="utf-8").strip()
    extra = (
        "  - id: a-whole\n    kind: speculation\n    quote: " + repr(article.replace("\n", " ")).replace("\\'", "''") + "\n"
        "    note: The whole article.\n"
        "  - id: a-nested-outer\n    kind: loaded-language\n    quote: port authority's reckless managers have driven\n"
        "    neutral: managers\n    note: Outer.\n"
        "  - id: a-overlap\n    kind: speculation\n    quote: driven workers to despair\n    note: Overlaps a-despair.\n"
    )
    text = (folder / "lesson.yaml").read_text(encoding="utf-8")
    (folder / "lesson.yaml").write_text(text.replace("questions:\n  - id: q-source", extra + "questions:\n  - id: q-source"), encoding="utf-8")


@pytest.mark.parametrize("change", [_bom_crlf, _whole_article_and_nested], ids=["bom-crlf", "whole-article-nested-overlapping"])
def test_unusual_but_valid_lessons_build_and_stay_untouched(tmp_path, change, capsys):
    kit = _valid_variant(tmp_path, change)
    authored = _authored(kit)
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0, capsys.readouterr().err
    assert _authored(kit) == authored
    html = (kit / "site" / "lessons" / "tiny-harbour" / "index.html").read_text(encoding="utf-8")
    assert "\r" not in html and "\ufeff" not in html
    if change is _whole_article_and_nested:
        for ann in ("a-whole", "a-nested-outer", "a-overlap", "a-despair", "a-reckless"):
            assert f'id="ref-{ann}"' in html


def test_author_files_in_a_build_folder_are_never_overwritten(tmp_path, capsys):
    kit = make_kit(tmp_path / "kit")
    mine = kit / "docs" / "lessons" / "my-notes.md"
    mine.parent.mkdir(parents=True)
    mine.write_text("my own notes\n", encoding="utf-8")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-1].startswith("docs/lessons: this folder holds files the build did not make; ")
    assert mine.read_text(encoding="utf-8") == "my own notes\n"
    assert not (kit / "site").exists()


def test_a_removed_lesson_is_removed_from_the_generated_folders_only(tmp_path, capsys):
    lessons = tmp_path / "lessons"
    shutil.copytree(FIXTURE_LESSONS, lessons)
    shutil.copytree(lessons / "tiny-harbour", lessons / "second-one")
    kit = make_kit(tmp_path / "kit", lessons)
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    assert (kit / "docs" / "lessons" / "second-one" / "index.md").exists()
    shutil.rmtree(kit / "lessons" / "second-one")
    authored = _authored(kit)
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    assert not (kit / "docs" / "lessons" / "second-one").exists()
    assert not (kit / "site" / "lessons" / "second-one").exists()
    assert _authored(kit) == authored
