import os

import pytest

from closeread.errors import BuildFailed
from closeread.write.files import MARKER, claim_folder, sync_folder


def test_sync_writes_only_changes_and_removes_stale_files(tmp_path):
    folder = tmp_path / "out"
    assert sync_folder(folder, {"a.md": b"A", "sub/b.md": b"B"}) == (2, 0)
    stamp = (folder / "a.md").stat().st_mtime_ns
    os.utime(folder / "a.md", ns=(stamp - 10_000_000_000, stamp - 10_000_000_000))
    before = (folder / "a.md").stat().st_mtime_ns
    assert sync_folder(folder, {"a.md": b"A", "c.md": b"C"}) == (1, 1)
    assert (folder / "a.md").stat().st_mtime_ns == before
    assert sorted(p.name for p in folder.rglob("*")) == sorted(["a.md", "c.md", MARKER])


def test_a_folder_the_build_did_not_make_is_never_taken_over(tmp_path):
    folder = tmp_path / "lessons"
    folder.mkdir()
    (folder / "mine.md").write_text("an author's page")
    with pytest.raises(BuildFailed, match="holds files the build did not make"):
        claim_folder(folder, shown="docs/lessons")
    assert (folder / "mine.md").read_text() == "an author's page"
