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


def test_a_write_that_fails_half_way_changes_nothing(tmp_path):
    # A real failing disk, not a mock: a child process whose file-size limit (RLIMIT_FSIZE) the last
    # file exceeds, so its write fails with EFBIG after the others were written. The folder must hold
    # exactly what the last good build left, and no temporary file.
    import subprocess
    import sys
    import textwrap

    folder = tmp_path / "lessons"
    sync_folder(folder, {"a.md": b"old a", "b/b.md": b"old b", "gone.md": b"kept"})
    before = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    script = textwrap.dedent(f"""
        import resource, signal, sys
        from pathlib import Path
        from closeread.errors import BuildFailed
        from closeread.write.files import sync_folder
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)   # EFBIG as an error, not a killed process
        resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
        try:
            sync_folder(Path({str(folder)!r}), {{"a.md": b"new a", "b/b.md": b"new b", "c/new.md": b"n",
                                                "z.md": b"x" * 10000}})
        except BuildFailed as exc:
            print(exc)
            sys.exit(3)
    """)
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                         cwd=os.path.dirname(os.path.dirname(os.path.dirname(__file__))))
    assert run.returncode == 3, run.stderr
    assert "cannot write" in run.stdout and "z.md" in run.stdout
    after = {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == before
    assert not (folder / "c").exists()
