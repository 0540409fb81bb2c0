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
    assert result.stdout.strip() == "wrote lessons/tiny-harbour/suggestions.yaml"
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
