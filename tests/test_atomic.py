"""The build writes into temporary folders and swaps them in only when everything succeeded."""

from __future__ import annotations

import hashlib
import multiprocessing
from pathlib import Path

import pytest

from closeread import cli
from closeread.pipeline import publish
from closeread.errors import BuildFailed
from tests.conftest import make_kit


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("atomic") / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    return kit


def _leftovers(kit: Path) -> list[str]:
    return sorted(p.name for p in kit.iterdir() if p.name.startswith(".site"))


def test_a_failing_teacher_site_leaves_both_sites_as_they_were(built, tmp_path, capsys):
    kit = built
    before = {s: _tree(kit / s) for s in ("site", "site-teacher")}
    config = kit / "mkdocs-teacher.yml"
    good = config.read_text(encoding="utf-8")
    # the student site succeeds (built before the teacher site, or beside it in a worker process)
    (kit / "docs" / "index.md").write_text((kit / "docs" / "index.md").read_text(encoding="utf-8") + "\nchanged\n", encoding="utf-8")
    config.write_text(good.replace("INHERIT: mkdocs.yml", "INHERIT: mkdocs.yml\nplugins:\n  - no-such-plugin"), encoding="utf-8")
    try:
        assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
    finally:
        config.write_text(good, encoding="utf-8")
    err = capsys.readouterr().err.splitlines()
    assert any(line.startswith("mkdocs-teacher.yml: the site build failed: ") for line in err), err
    assert "Traceback" not in "\n".join(err)
    assert {s: _tree(kit / s) for s in ("site", "site-teacher")} == before, "a site changed although the build failed"
    assert _leftovers(kit) == []


def test_a_failing_student_site_leaves_both_sites_as_they_were(built, capsys, monkeypatch):
    # on two cores the student site is built in a worker process while the teacher site builds here
    from mkdocs.commands import build as mkdocs_build
    from mkdocs.exceptions import Abort

    kit = built
    before = {s: _tree(kit / s) for s in ("site", "site-teacher")}
    real = mkdocs_build.build

    def student_fails(config):
        if Path(config["site_dir"]).name.startswith(".site.new"):
            raise Abort("student site broke")
        real(config)

    monkeypatch.setattr(mkdocs_build, "build", student_fails)
    monkeypatch.setattr("closeread.processes.worker_count", lambda: 2)
    # forked even if an earlier test left a thread running, so that the worker sees the patched build
    monkeypatch.setattr("closeread.processes.context", lambda: multiprocessing.get_context("fork"))
    index = kit / "docs" / "index.md"
    good = index.read_text(encoding="utf-8")
    index.write_text(good + "\nchanged\n", encoding="utf-8")
    try:
        assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
    finally:
        index.write_text(good, encoding="utf-8")
    err = capsys.readouterr().err.splitlines()
    assert "mkdocs.yml: the site build failed: student site broke; the previous site is left in place" in err, err
    assert "Traceback" not in "\n".join(err)
    assert {s: _tree(kit / s) for s in ("site", "site-teacher")} == before, "a site changed although the build failed"
    assert _leftovers(kit) == []


def test_a_successful_build_swaps_both_in_and_leaves_no_temporary_folder(built):
    kit = built
    (kit / "docs" / "index.md").write_text((kit / "docs" / "index.md").read_text(encoding="utf-8") + "\nswapped-in-marker\n", encoding="utf-8")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    for site in ("site", "site-teacher"):
        assert "swapped-in-marker" in (kit / site / "index.html").read_text(encoding="utf-8")
    assert _leftovers(kit) == []


def test_an_interrupted_site_build_removes_its_staging_folder(built, monkeypatch):
    kit = built
    before = _tree(kit / "site")

    def boom(config):
        Path(config["site_dir"]).mkdir(parents=True, exist_ok=True)
        (Path(config["site_dir"]) / "half.html").write_text("half-done")
        raise KeyboardInterrupt

    monkeypatch.setattr("mkdocs.commands.build.build", boom)
    with pytest.raises(KeyboardInterrupt):
        publish(root=kit, force=True)
    assert _tree(kit / "site") == before
    assert _leftovers(kit) == []


def test_a_lesson_error_writes_nothing(built, capsys):
    kit = built
    outputs = {name: _tree(kit / name) for name in ("site", "site-teacher", "docs")}
    lesson = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    good = lesson.read_bytes()
    lesson.write_bytes(good.replace(b"minutes: 20", b"minutes: twenty"))
    try:
        assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
    finally:
        lesson.write_bytes(good)
    assert capsys.readouterr().err.splitlines()[-1] == (
        "lessons/tiny-harbour/lesson.yaml:5: 'minutes' is 'twenty'; expected a whole number (class minutes, e.g. 50)"
    )
    assert {name: _tree(kit / name) for name in outputs} == outputs


def test_build_failed_is_a_closeread_error():
    assert issubclass(BuildFailed, cli.CloseReadError)
