import subprocess
import sys

import yaml

from closeread.validate.anchor import ArticleIndex, anchor
from tests.conftest import REPO


def test_suggest_writes_its_own_file_and_leaves_the_lesson_alone(kit):
    lesson_file = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    before = lesson_file.read_bytes()
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "suggest", "tiny-harbour"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().startswith("wrote lessons/tiny-harbour/suggestions.yaml (")
    assert result.stdout.strip().endswith(" suggestions to review)")
    assert lesson_file.read_bytes() == before
    data = yaml.safe_load((kit / "lessons" / "tiny-harbour" / "suggestions.yaml").read_text(encoding="utf-8"))
    index = ArticleIndex((kit / "lessons" / "tiny-harbour" / "article.txt").read_text(encoding="utf-8"))
    taken = {("figure", "about 300 workers"), ("loaded-language", "reckless managers")}
    for s in data["annotations"]:
        assert s["suggested"] is True
        assert anchor(index, s["quote"], occurrence=s.get("occurrence")).match is not None
        assert (s["kind"], s["quote"]) not in taken  # already annotated by the author


def test_suggest_names_an_unknown_lesson(kit):
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "suggest", "tiny-harbor"],
        capture_output=True, text=True, timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "lessons/tiny-harbor: no such lesson; did you mean 'tiny-harbour'?"


def _suggest(kit, slug):
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "suggest", slug],
        capture_output=True, text=True, timeout=120,
    )


def test_suggest_works_on_a_fresh_draft_that_does_not_validate_yet(kit):
    lesson_file = kit / "lessons" / "tiny-harbour" / "lesson.yaml"
    text = lesson_file.read_text(encoding="utf-8")
    lesson_file.write_text(text.replace("language: en", 'language: "TODO: the article\'s language"'), encoding="utf-8")
    assert "TODO: the article's language" in lesson_file.read_text(encoding="utf-8")
    check = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "check"],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 1  # not a valid lesson ...
    result = _suggest(kit, "tiny-harbour")
    assert result.returncode == 0, result.stderr  # ... but its article can still be read
    data = yaml.safe_load((kit / "lessons" / "tiny-harbour" / "suggestions.yaml").read_text(encoding="utf-8"))
    assert data["annotations"]


def test_suggest_says_why_it_wrote_nothing(kit):
    folder = kit / "lessons" / "tiny-harbour"
    (folder / "article.txt").write_text("Subscribe\n\nShare this page\n", encoding="utf-8")
    lesson = yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))
    lesson["annotations"] = []
    lesson["article"] = {"file": "article.txt", "parts": [
        {"quote": "Subscribe", "role": "furniture", "label": "Button"},
        {"quote": "Share this page", "role": "furniture", "label": "Button"}]}
    (folder / "lesson.yaml").write_text(yaml.safe_dump(lesson, sort_keys=False), encoding="utf-8")
    result = _suggest(kit, "tiny-harbour")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        "wrote lessons/tiny-harbour/suggestions.yaml with no suggestions: every line of the article is "
        "marked as page furniture or a photo credit in article.parts")
    written = (folder / "suggestions.yaml").read_text(encoding="utf-8")
    assert "# Nothing to propose: every line of the article is marked" in written
    assert yaml.safe_load(written) == {"annotations": []}
