"""A full disk or a read-only folder during the build: one line naming the place, exit status 1, no
traceback, the last good site left in place. Real file systems: small tmpfs mounts (root only, as
mounting needs it; skipped otherwise)."""

from __future__ import annotations

import hashlib
import subprocess
from pathlib import Path

import pytest

from closeread import cli
from tests.conftest import make_kit


def _mount(target: Path, *options: str) -> None:
    target.mkdir(parents=True, exist_ok=True)
    run = subprocess.run(["mount", "-t", "tmpfs", "-o", ",".join(options), "tmpfs", str(target)], capture_output=True, text=True)
    if run.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({run.stderr.strip() or 'not root'})")


def _umount(target: Path) -> None:
    subprocess.run(["umount", "-l", str(target)], capture_output=True)


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def built(tmp_path, capsys) -> Path:
    kit = make_kit(tmp_path / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    capsys.readouterr()
    return kit


def _change_a_page(kit: Path) -> None:
    lesson = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("title: A harbour strike", "title: A harbour strike, again"), encoding="utf-8")


@pytest.mark.parametrize("options", [("size=16k",), ("ro",)], ids=["full-disk", "read-only"])
def test_docs_that_cannot_be_written(built, capsys, options):
    kit = built
    site = _tree(kit / "site")
    target = kit / "docs" / "teacher"
    saved = _tree(target)
    import shutil

    shutil.rmtree(target)
    _mount(target, *options)
    try:
        _change_a_page(kit)
        assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
        err = capsys.readouterr().err
        assert "Traceback" not in err
        last = err.strip().splitlines()[-1]
        assert last.startswith(str(target)) and "; expected a writable folder with free space" in last, last
        assert _tree(kit / "site") == site
    finally:
        _umount(target)
    assert saved  # the folder held the teacher pages before


def test_a_full_cache_folder_still_builds(built, capsys):
    kit = built
    cache = kit / ".closeread-cache"
    import shutil

    shutil.rmtree(cache)
    _mount(cache, "size=8k")
    try:
        _change_a_page(kit)
        code = cli.main(["--root", str(kit), "build", "--no-pdf"])
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert code == 0, err
        assert "A harbour strike, again" in (kit / "site" / "lessons" / "tiny-harbour" / "index.html").read_text(encoding="utf-8")
    finally:
        _umount(cache)
