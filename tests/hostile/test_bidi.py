"""A bidi override or isolate left open in a stranger's lesson: it turns the kit's own words after it
(the next option's feedback, the catalogue's columns, GIFT and Moodle names), and an override can make a
wrong option read as the right one. Each line must close what it opens; an imported page's open ones go."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import pytest

from closeread.errors import LessonError
from closeread.importer import import_page
from closeread.load.chars import close_bidi, unclosed_bidi
from closeread.validate.kit import load_kit
from tests.conftest import REPO, make_kit

Y = "lessons/tiny-harbour/lesson.yaml"
A = "lessons/tiny-harbour/article.txt"
RLO = ("the text opens a right-to-left override (U+202E) and does not close it on its line, so it would turn the page's "
       "own words after it; expected U+202C (pop directional formatting) after the words it should turn, or no such character")
RLI = ("the text opens a right-to-left isolate (U+2067) and does not close it on its line, so it would turn the page's "
       "own words after it; expected U+2069 (pop directional isolate) after the words it should turn, or no such character")


def _edit(kit: Path, old: str, new: str) -> None:
    path = kit / Y
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(kit: Path) -> list[str]:
    with pytest.raises(LessonError) as caught:
        load_kit(root=kit)
    return caught.value.lines()


def test_an_override_left_open_in_the_title_fails_check_with_its_line(tmp_path):
    kit = make_kit(tmp_path / "kit")
    _edit(kit, "title: A harbour strike", "title: A \u202eharbour strike")
    run = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "check"], capture_output=True, text=True, timeout=300)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [f"{Y}:2: {RLO}"]


def test_an_escaped_override_in_an_option_and_an_open_isolate_in_a_prompt_are_reported(tmp_path):
    kit = make_kit(tmp_path / "kit")
    _edit(kit, "{text: Ana Silva, correct: true", '{text: "Ana Silva\\u202E", correct: true')
    _edit(kit, "prompt: Who gives the 300 figure?", "prompt: Who gives the \u2067300 figure?")
    assert _problems(kit) == [f"{Y}:117: {RLI}", f"{Y}:120: {RLO}"]


def test_overrides_left_open_in_the_article_are_reported_line_by_line(tmp_path):
    kit = make_kit(tmp_path / "kit")
    article = kit / A
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[4] = "\u202e" + lines[4]
    lines[6] = lines[6] + "\u202b"
    article.write_text("\n".join(lines), encoding="utf-8")
    assert _problems(kit) == [
        f"{A}:5: {RLO}",
        f"{A}:7: " + RLO.replace("override (U+202E)", "embedding (U+202B)"),
    ]


def test_closed_overrides_and_isolates_are_mixed_direction_text_and_load(tmp_path):
    kit = make_kit(tmp_path / "kit")
    _edit(kit, "title: A harbour strike", "title: A \u202eharbour\u202c strike \u2067\u05e9\u05dc\u05d5\u05dd\u2069")
    _edit(kit, "discussion: Ask whose voices are heard.", "discussion: \u2068Ask \u202bwhose\u2069 voices are heard.")  # a PDI closes both
    (lesson,) = load_kit(root=kit)
    assert lesson.title == "A \u202eharbour\u202c strike \u2067\u05e9\u05dc\u05d5\u05dd\u2069"


@pytest.mark.parametrize(
    "text, left",
    [
        ("a\u202eb", "\u202e"),
        ("a\u202eb\u202c", None),
        ("\u2067a\u202c", "\u2067"),  # a PDF closes no isolate
        ("\u2067a\u202eb\u2069", None),  # a PDI closes the embeddings opened inside its isolate
        ("\u202ea\u2069", "\u202e"),  # a PDI closes nothing outside an isolate
        ("\u202ea\n\u202c", "\u202e"),  # closed on another line: the line's own text was turned
        ("\u2069\u202cplain", None),  # a stray closer turns nothing
    ],
)
def test_openers_are_paired_as_the_bidi_algorithm_pairs_them(text, left):
    assert unclosed_bidi(text) == left
    assert unclosed_bidi(close_bidi(text)) is None


def test_an_imported_page_keeps_its_closed_overrides_and_drops_the_open_ones(tmp_path):
    page = tmp_path / "bidi.html"
    body = "The mayor said 300 boats would come back in May, after two years of work on the quay."
    page.write_text(f"<html><head><title>Harbour \u202enews</title></head><body><article><h1>Harbour \u2067reopens</h1>"
                    f"<p>{body} \u202e</p><p>Workers said \u202bthe strike\u202c had ended on Tuesday after a week of talks.</p>"
                    "</article></body></html>", encoding="utf-8")
    folder = import_page(page, lessons_dir=tmp_path / "lessons", today=datetime.date(2026, 12, 7))
    for name in ("article.txt", "lesson.yaml"):
        text = (folder / name).read_text(encoding="utf-8")
        assert unclosed_bidi(text) is None, name
    article = (folder / "article.txt").read_text(encoding="utf-8")
    assert "Harbour reopens" in article and body in article and "\u202bthe strike\u202c" in article


def test_suggestions_may_cut_a_closed_pair_in_two_and_stay_readable():
    # a suggested quote ("\u202eMira Sol") out of a line that closes its override: no page shows
    # suggestions.yaml, and the studio isolates its quotes (tests/browser/test_studio.py)
    from closeread.load.yamlfile import load_yaml

    text = 'annotations:\n- {id: s-1, kind: source, quote: "\u202eMira Sol", note: "\\u202en"}\n'
    assert load_yaml(text, path="suggestions.yaml", bidi=False)[1] == []
    assert [p.line for p in load_yaml(text, path="lesson.yaml")[1]] == [2, 2]
