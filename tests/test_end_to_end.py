"""Build the shipped kit and a hostile fixture with the real pipeline, and read the built HTML back."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.conftest import REPO, make_kit

SEED = "sputnik-africa-desertions"


def _build(kit: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", *extra],
        capture_output=True,
        text=True,
        timeout=900,
    )


@pytest.fixture(scope="module")
def shipped(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("shipped") / "kit", REPO / "lessons")
    result = _build(kit)
    assert result.returncode == 0, result.stderr
    return kit


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_seed_student_page_has_the_article_and_generated_questions(shipped):
    soup = _soup(shipped / "site" / "lessons" / SEED / "index.html")
    prompts = [p.get_text(" ", strip=True) for p in soup.select(".cr-q .cr-prompt")]
    assert "Line 11: who is the source for the 500 figure?" in prompts
    assert any(re.fullmatch(r"Line 21: is '.*counteroffensive.*failed.*' reported or asserted\?", p) for p in prompts)
    article = soup.select_one(".cr-article").get_text(" ", strip=True)
    assert "Putin admitted" in article and "Newsfeed" in article
    assert soup.select(".cr-article mark.cr-ann")
    assert not soup.select(".cr-correct"), "the student site must not mark correct options"


def test_seed_teacher_edition_has_the_answer_key(shipped):
    soup = _soup(shipped / "site-teacher" / "teacher" / SEED / "index.html")
    for q in soup.select(".cr-q"):
        if q.select_one(".cr-prompt").get_text(strip=True) == "Line 11: who is the source for the 500 figure?":
            correct = [li.get_text(" ", strip=True) for li in q.select(".cr-answer .cr-correct")]
            assert len(correct) == 1 and "Yevgeny Balitsky" in correct[0]
            break
    else:
        pytest.fail("the 500 figure question is missing from the teacher edition")
    text = soup.get_text(" ", strip=True)
    for heading in ("Answer key", "Background", "Discussion guidance", "Every annotation"):
        assert heading in text


def test_student_site_has_no_teacher_pages_and_no_plain_key(shipped):
    student = shipped / "site"
    assert not (student / "teacher").exists()
    teacher = _soup(shipped / "site-teacher" / "teacher" / SEED / "index.html")
    key = {}
    for q in teacher.select(".cr-q"):
        parts = [e.get_text(" ", strip=True) for e in q.select(".cr-explanation, .cr-model-answer, .cr-correct")]
        key[q["data-q"]] = [p for p in parts if len(p) > 20]
    assert any(key.values())
    page = _soup(student / "lessons" / SEED / "index.html")
    for q in page.select(".cr-q"):
        text = q.get_text(" ", strip=True)
        leaked = [p for p in key[q["data-q"]] if p in text]
        assert not leaked, f"question {q['data-q']} shows its answer in the student site: {leaked[0]}"
    raw = (student / "lessons" / SEED / "index.html").read_text(encoding="utf-8")
    assert "Model answer" not in raw and "cr-correct" not in raw


def test_every_internal_link_resolves(shipped):
    for site in ("site", "site-teacher"):
        root = shipped / site
        for page in root.rglob("*.html"):
            if page.name == "404.html":
                continue  # served by a web server for any missing address, so its links are absolute
            for a in _soup(page).find_all("a", href=True):
                href = a["href"].split("#")[0]
                if not href or re.match(r"^[a-z]+:", href):
                    continue
                if site == "site-teacher" and href.startswith("../../site/"):
                    continue  # the teacher site links to the student site beside it
                assert (page.parent / href).resolve().exists(), f"{site}/{page.relative_to(root)} links to missing {href}"


HOSTILE_SCRIPT_TEXT = re.compile(r"alert\(")


def test_hostile_lesson_builds_and_none_of_it_is_live_markup(tmp_path):
    kit = make_kit(tmp_path / "kit", REPO / "tests" / "fixtures" / "hostile-kit" / "lessons")
    result = _build(kit, "--no-pdf")
    assert result.returncode == 0, result.stderr
    pages = [kit / "site" / "lessons" / "hostile-page" / "index.html", kit / "site-teacher" / "teacher" / "hostile-page" / "index.html"]
    for page in pages:
        soup = _soup(page)
        for tag in soup.find_all(True):
            for attr, value in tag.attrs.items():
                assert not attr.lower().startswith("on"), f"{page.name}: live handler {attr} on <{tag.name}>"
                values = value if isinstance(value, list) else [value]
                for v in values:
                    assert not re.match(r"^\s*(javascript|data|vbscript):", str(v), re.I), f"live URL in {attr}: {v}"
            assert tag.name not in ("iframe", "object", "embed", "img", "style") or tag.get("class"), f"lesson markup became <{tag.name}>"
        for script in soup.find_all("script"):
            assert not HOSTILE_SCRIPT_TEXT.search(script.get_text()), "a lesson's script reached the page"
        text = soup.get_text(" ")
        assert "<script>alert('prompt')</script>" in text  # shown as text
        assert "{{ config.__class__ }}" in text
        assert "[here](javascript:alert(2))" in text
        title = soup.title.get_text()
        assert "<" not in title and "script>" not in title


def test_student_site_holds_no_teacher_notes(shipped):
    """Grep every file of the student site for the teacher-only texts of the shipped lessons."""
    from closeread.validate.kit import load_kit

    teacher_only = set()
    for lesson in load_kit(root=shipped):
        teacher_only.update(a.teacher_note for a in lesson.annotations if a.teacher_note)
        teacher_only.update(q.guidance for q in lesson.questions if q.guidance)
        teacher_only.update(q.model_answer for q in lesson.questions if q.model_answer)
        teacher_only.add(lesson.discussion)
        teacher_only.update(lesson.misconceptions)
    # compare on one paragraph of plain text, as the pages show it
    needles = {" ".join(p.split()) for text in teacher_only for p in text.split("\n\n") if len(p.split()) >= 8}
    assert needles
    for path in (shipped / "site").rglob("*"):
        if path.suffix not in (".html", ".js", ".json", ".xml", ".txt"):
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        plain = " ".join(BeautifulSoup(text, "html.parser").get_text(" ").split()) if path.suffix == ".html" else text
        leaked = [n for n in needles if n in plain or n in text]
        assert not leaked, f"site/{path.relative_to(shipped / 'site')} holds teacher-only text: {leaked[0][:80]}"
