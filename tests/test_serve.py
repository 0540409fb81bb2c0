"""`build.py serve`: a saved lesson is regenerated the quick way (its pages and the catalogues only), a
broken save is reported as `path:line: ...` and leaves the pages as they were, and the served site shows
the change."""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request
from pathlib import Path

import pytest

from closeread.progress import Progress
from closeread.serve import Preview, regenerate_all, snapshot, watch
from tests.conftest import REPO, make_kit

SLUG = "tiny-harbour"


@pytest.fixture
def preview(tmp_path):
    kit = make_kit(tmp_path / "kit")
    assert regenerate_all(kit, Progress.quiet())
    return Preview(root=kit)


def _edit(kit: Path, old: str, new: str) -> None:
    path = kit / "lessons" / SLUG / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    time.sleep(0.01)  # a distinct modification time even on coarse clocks
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_saved_title_rewrites_the_lesson_and_the_catalogues_only(preview):
    kit = preview.root
    docs = kit / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    assert preview.changed_folders() == set()
    _edit(kit, "title: A harbour strike", "title: A harbour strike in Zanzibarville")
    folders = preview.changed_folders()
    assert folders == {kit / "lessons" / SLUG}
    written, problems = preview.update(folders)
    assert problems == []
    after = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    rewritten = sorted(p.relative_to(docs).as_posix() for p in after if before.get(p) != after[p])
    assert written == len(rewritten)
    assert f"lessons/{SLUG}/index.md" in rewritten and f"teacher/{SLUG}/index.md" in rewritten
    assert "lessons/index.md" in rewritten and "teacher/assign.md" in rewritten
    assert not any(p.endswith((".pdf", ".zip", ".xml", ".txt")) for p in rewritten), rewritten
    assert "Zanzibarville" in (docs / "lessons" / SLUG / "index.md").read_text(encoding="utf-8")
    # the same pages a full regeneration makes
    expected = {p: docs.joinpath(p).read_text(encoding="utf-8") for p in rewritten}
    assert regenerate_all(kit, Progress.quiet())
    assert {p: docs.joinpath(p).read_text(encoding="utf-8") for p in rewritten} == expected


def test_a_broken_save_is_reported_and_changes_no_page(preview):
    kit = preview.root
    page = kit / "docs" / "lessons" / SLUG / "index.md"
    good = page.read_bytes()
    _edit(kit, "minutes: 20", "minutes: twenty")
    written, problems = preview.update(preview.changed_folders())
    assert problems == [f"lessons/{SLUG}/lesson.yaml:5: 'minutes' is 'twenty'; expected a whole number (class minutes, e.g. 50)"]
    assert page.read_bytes() == good


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _get(url: str) -> str:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return ""


def test_serve_shows_a_saved_change(tmp_path):
    kit = make_kit(tmp_path / "kit")
    port = _free_port()
    url = f"http://127.0.0.1:{port}/lessons/{SLUG}/index.html"
    log = (tmp_path / "serve.log").open("w")
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(kit), "serve", "--dev-addr", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 120
        while "A harbour strike" not in _get(url):
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.3)
        _edit(kit, "title: A harbour strike", "title: A harbour strike in Zanzibarville")
        deadline = time.monotonic() + 60
        while "Zanzibarville" not in _get(url):
            assert proc.poll() is None and time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.2)
        assert "Zanzibarville" in _get(f"http://127.0.0.1:{port}/lessons/index.html")
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        log.close()


def test_a_saved_note_rewrites_the_lessons_own_files_only(preview):
    kit = preview.root
    docs = kit / "docs"
    before = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    _edit(kit, "note: The figure comes from the union leader.", "note: The figure comes from the union leader, Zanzibarville.")
    written, problems = preview.update(preview.changed_folders())
    after = {p: p.stat().st_mtime_ns for p in docs.rglob("*") if p.is_file()}
    rewritten = sorted(p.relative_to(docs).as_posix() for p in after if before.get(p) != after[p])
    # its two pages, and its data for the assignment builder (whose LMS fragments carry the notes); no list
    assert (written, problems) == (len(rewritten), [])
    assert set(rewritten) <= {f"lessons/{SLUG}/index.md", f"teacher/{SLUG}/index.md", f"teacher/{SLUG}/assign.js"}
    assert f"lessons/{SLUG}/index.md" in rewritten
    assert "Zanzibarville" in (docs / rewritten[0]).read_text(encoding="utf-8")


class Lines(Progress):
    def __init__(self):
        super().__init__(enabled=False)
        self.lines: list[str] = []

    def say(self, message: str) -> None:
        self.lines.append(message)


def _wait_for(lines: list[str], wanted: str, after: int, timeout: float = 60.0) -> list[str]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(wanted in line for line in lines[after:]):
            return lines[after:]
        time.sleep(0.05)
    raise AssertionError(f"no {wanted!r} within {timeout} s; got {lines[after:]}")


def test_the_watcher_survives_a_bad_save_and_regenerates_when_fixed(tmp_path):
    kit = make_kit(tmp_path / "kit")
    progress = Lines()
    stop = threading.Event()
    thread = threading.Thread(target=watch, args=(kit, progress), kwargs={"stop": stop, "interval": 0.1}, daemon=True)
    thread.start()
    lesson = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    page = kit / "docs" / "lessons" / "tiny-harbour" / "index.md"
    good = lesson.read_text(encoding="utf-8")
    try:
        time.sleep(0.3)
        lesson.write_text(good.replace("minutes: 20", 'minutes: !!int "abc"'), encoding="utf-8")
        said = _wait_for(progress.lines, "lesson.yaml:5:", 0)
        assert "lessons/tiny-harbour/lesson.yaml:5: 'abc' cannot be read as !!int; expected a whole number (or no tag)" in said
        # a file that comes and goes while the folder is scanned (the importer's temporary folder)
        scratch = kit / "lessons" / "_import-tmp"
        scratch.mkdir()
        (scratch / "page.html").write_text("x", encoding="utf-8")
        shutil.rmtree(scratch)
        mark = len(progress.lines)
        lesson.write_text(good.replace("title: A harbour strike", "title: A harbour strike, fixed"), encoding="utf-8")
        _wait_for(progress.lines, "lessons regenerated", mark)
        assert thread.is_alive()
        assert "A harbour strike, fixed" in page.read_text(encoding="utf-8")
    finally:
        stop.set()
        thread.join(60)
    assert not thread.is_alive()


def test_a_snapshot_ignores_files_vanishing_under_it(tmp_path):
    folder = tmp_path / "lessons"
    folder.mkdir()
    stop = threading.Event()

    def churn():  # what the importer does with its temporary folders, as fast as it can
        n = 0
        while not stop.is_set():
            scratch = folder / f"_tmp{n % 3}"
            scratch.mkdir(exist_ok=True)
            for i in range(50):
                (scratch / f"{i}.txt").write_text("x")
            shutil.rmtree(scratch, ignore_errors=True)
            n += 1

    thread = threading.Thread(target=churn, daemon=True)
    thread.start()
    try:
        for _ in range(600):
            snapshot(folder)
    finally:
        stop.set()
        thread.join()
