"""``serve``'s watcher: it survives a bad save and a vanishing file, says what is wrong, and
regenerates the pages once the lesson is fixed (it used to die silently and serve stale pages)."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

from closeread.progress import Progress
from closeread.serve import _snapshot, watch
from tests.conftest import make_kit


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
        assert not page.exists()
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
            _snapshot(folder)
    finally:
        stop.set()
        thread.join()
