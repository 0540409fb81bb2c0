"""Two builds of one kit at once, and builds killed half-way: ``site/`` is always a complete site.

Before the build lock, two ``build.py build`` started together shared one staging folder: one failed
with a traceback in ``swap_in`` and ``site/`` was left deleted."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from closeread import cli
from closeread.write import site as site_module
from closeread.write.site import recover, swap_in
from tests.conftest import make_kit

REPO = Path(__file__).resolve().parents[2]
ROUNDS = 20


def _complete(site: Path) -> bool:
    return (site / "index.html").is_file() and (site / "lessons" / "tiny-harbour" / "index.html").is_file()


def test_two_builds_at_once_always_leave_a_complete_site(tmp_path):
    kit = make_kit(tmp_path / "kit")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    command = [sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", "--no-pdf"]
    assert subprocess.run(command, capture_output=True, env=env, timeout=300).returncode == 0
    missing: list[int] = []
    stop = threading.Event()

    def watch():  # the site must be there at every instant, not only between rounds
        while not stop.is_set():
            if not (kit / "site" / "index.html").is_file():
                missing.append(1)
            stop.wait(0.001)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    try:
        for round_ in range(ROUNDS):
            runs = [subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env) for _ in range(2)]
            for run in runs:
                out, err = run.communicate(timeout=300)
                assert run.returncode == 0, f"round {round_}: {err}"
                assert "Traceback" not in err
            assert _complete(kit / "site") and _complete(kit / "site-teacher"), f"round {round_}"
            assert not [p.name for p in kit.iterdir() if p.name.startswith(".site")], f"round {round_}"
    finally:
        stop.set()
        watcher.join()
    assert not missing, f"site/index.html was missing {len(missing)} times while the builds swapped"


def test_a_second_build_waits_and_says_so(tmp_path, capsys):
    from closeread.write.lock import build_lock

    kit = make_kit(tmp_path / "kit")
    with build_lock(kit):
        done = []
        thread = threading.Thread(target=lambda: done.append(cli.main(["--root", str(kit), "build", "--no-pdf"])))
        thread.start()
        thread.join(3)
        assert thread.is_alive() and not done, "the second build did not wait for the lock"
    thread.join(300)
    assert done == [0]
    assert "another build of this kit is running; waiting for it to finish" in capsys.readouterr().err


def _site(folder: Path, marker: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(marker, encoding="utf-8")
    return folder


@pytest.mark.parametrize("exchange", [True, False], ids=["exchange", "two-renames"])
def test_swap_in_replaces_the_site(tmp_path, monkeypatch, exchange):
    if not exchange:
        monkeypatch.setattr(site_module, "_exchange", lambda a, b: False)
    site = _site(tmp_path / "site", "old")
    swap_in(_site(tmp_path / ".site.new-x", "new"), site)
    assert (site / "index.html").read_text(encoding="utf-8") == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_a_build_killed_between_the_two_renames_is_recovered(tmp_path, capsys):
    kit = make_kit(tmp_path / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    # what a build killed after its first rename leaves: the last good site moved aside, no site/
    aside = kit / ".site.old-killed"
    aside.mkdir()
    os.replace(kit / "site", aside / "site")
    (kit / ".site.new-killed").mkdir()
    recover(kit / "site")
    assert _complete(kit / "site")
    assert not [p.name for p in kit.iterdir() if p.name.startswith(".site")]


def test_the_next_build_recovers_the_site_even_when_its_lessons_fail(tmp_path, capsys):
    kit = make_kit(tmp_path / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    aside = kit / ".site.old"  # the name the build used before staging names were unique
    os.replace(kit / "site", aside)
    lesson = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("minutes: 20", "minutes: twenty"), encoding="utf-8")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 1
    assert _complete(kit / "site"), "the last good site was not put back"
