"""``build.py studio``: prints its 127.0.0.1 address and serves the article; a wrong lesson is one line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
import urllib.request

from tests.conftest import REPO, make_kit


def test_studio_prints_its_address_and_serves_the_article(tmp_path):
    kit = make_kit(tmp_path / "kit")
    slug = sorted(p.name for p in (kit / "lessons").iterdir())[0]
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(kit), "studio", slug],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"open (http://127\.0\.0\.1:(\d+)/)\?token=(\S+)", line)
        assert m, line
        base, token = m.group(1), m.group(3)
        req = urllib.request.Request(base + "api/state", headers={"X-Studio-Token": token})
        state = json.load(urllib.request.urlopen(req, timeout=30))
        article = (kit / "lessons" / slug / "article.txt").read_text(encoding="utf-8")
        assert "\n".join(line["text"] for line in state["article"]["lines"]) == article
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_lesson_that_does_not_exist_is_one_line_and_exit_1(tmp_path):
    kit = make_kit(tmp_path / "kit")
    for target in ("tiny-harbor", "../../etc"):
        result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "studio", target],
                                capture_output=True, text=True, timeout=60)
        assert result.returncode == 1
        assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.stderr, result.stderr
    assert "did you mean 'tiny-harbour'" in subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "studio", "tiny-harbor"],
        capture_output=True, text=True, timeout=60).stderr


def test_studio_with_a_saved_page_imports_it_first_as_new_does(tmp_path):
    kit = make_kit(tmp_path / "kit")
    page = REPO / "tests" / "importer" / "fixtures" / "jsonld-article.html"
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(kit), "studio", str(page)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        while not lines or "open http://127.0.0.1:" not in lines[-1]:
            line = proc.stdout.readline()
            assert line, "".join(lines) + proc.stderr.read()
            lines.append(line)
        assert lines[0].startswith("created lessons/harbour-council-delays-vote-on-sea-wall/")
        assert "studio for lessons/harbour-council-delays-vote-on-sea-wall" in lines[-1]
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_a_lesson_file_linked_outside_is_refused_before_serving(tmp_path):
    kit = make_kit(tmp_path / "kit")
    path = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    path.rename(tmp_path / "outside.yaml")
    path.symlink_to(tmp_path / "outside.yaml")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "studio", "tiny-harbour"],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and not result.stdout
    assert result.stderr.strip().splitlines() == [
        "lessons/tiny-harbour/lesson.yaml: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)"]
