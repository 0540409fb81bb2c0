"""Written options are shown in a shuffled order fixed by the lesson's slug and the question's id (every
page, worksheet, key and LMS file takes the model's order), unless the question says ``keep_order: true``;
no shipped lesson puts more than 60 % of its single-choice right answers in one place."""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

from closeread.export.gift import gift_text
from closeread.export.items import quiz_for
from closeread.model import Option
from closeread.validate.kit import load_kit
from closeread.validate.order import shown_order
from tests.conftest import REPO

FIXTURE = REPO / "tests" / "fixtures" / "kit" / "lessons" / "tiny-harbour"
MOST_IN_ONE_PLACE = 0.60


def _kit(tmp_path: Path, edit=None, slug: str = "tiny-harbour") -> Path:
    folder = tmp_path / "kit" / "lessons" / slug
    shutil.copytree(FIXTURE, folder)
    if edit:
        path = folder / "lesson.yaml"
        path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return tmp_path / "kit"


def _question(root: Path, qid: str):
    [lesson] = load_kit(root=root)
    return next(q for q in lesson.questions if q.id == qid)


def test_the_order_is_a_fixed_function_of_slug_question_and_place():
    options = tuple(Option(key=f"o{i}", text=t, correct=i == 1) for i, t in enumerate("abcd", start=1))
    first = shown_order(options, slug="a-lesson", question="q-one")
    assert shown_order(options, slug="a-lesson", question="q-one") == first
    # SHA-256 of "a-lesson\0q-one\0o<n>": the same on every machine (a changed hash would move every option)
    assert [o.text for o in first] == ["d", "a", "b", "c"]
    # keyed again in the shown order: the page's input values tell nothing of the file's order
    assert [o.key for o in first] == ["o1", "o2", "o3", "o4"]
    assert sorted(o.text for o in first) == [o.text for o in options]
    others = {tuple(o.text for o in shown_order(options, slug=s, question=q)) for s in ("a", "b") for q in ("q1", "q2", "q3")}
    assert len(others) > 1, "the order must depend on the slug and the question"


def test_written_options_are_shuffled_and_keyed_in_their_shown_order(tmp_path):
    q = _question(_kit(tmp_path), "q-multi")
    assert [(o.key, o.text) for o in q.options] == [("o1", "despair"), ("o2", "reckless"), ("o3", "harbour")]


def test_no_shipped_page_tells_the_right_options_by_their_values():
    """A review found the seed's multiple-choice answers in the page's source: the right options were
    o1-o4 (the file's order, right ones written first) whatever order they were shown in. The values now
    number the options as shown, so they say no more than the order on screen."""
    for lesson in load_kit(root=REPO):
        for q in lesson.questions:
            if q.type in ("single", "multiple") and not q.generated:
                assert [o.key for o in q.options] == [f"o{n}" for n in range(1, len(q.options) + 1)], (lesson.slug, q.id)


def test_keep_order_shows_the_file_order(tmp_path):
    root = _kit(tmp_path, lambda t: t.replace("  - id: q-multi\n    type: multiple\n", "  - id: q-multi\n    type: multiple\n    keep_order: true\n"))
    q = _question(root, "q-multi")
    assert [o.text for o in q.options] == ["reckless", "despair", "harbour"]


def test_the_gift_file_shows_the_models_order(tmp_path):
    [lesson] = load_kit(root=_kit(tmp_path))
    gift = gift_text([quiz_for(lesson, lesson.ordered_questions, full=True)])
    block = gift[gift.index("Which words are loaded?"):]
    shown = re.findall(r"^\t~%-?[\d.]+%\[html\](\w+)", block, re.M)[:3]
    assert shown == ["despair", "reckless", "harbour"]


def _single_positions_in_gift(gift: str) -> list[int]:
    """Where the right answer sits in each single-choice question of a GIFT file (one '=' among '~')."""
    positions = []
    for block in gift.split("\n\n"):
        marks = [line[1] for line in block.split("\n") if line.startswith("\t") and line[1:2] in ("=", "~") and not line.startswith("\t~%")]
        if marks.count("=") == 1 and not any(line.startswith("\t~%") for line in block.split("\n")):
            positions.append(marks.index("=") + 1)
    return positions


def test_no_shipped_lesson_puts_most_right_answers_in_one_place():
    lessons = load_kit(root=REPO)
    assert lessons
    for lesson in lessons:
        singles = tuple(q for q in lesson.ordered_questions if q.type == "single")
        model = [next(i for i, o in enumerate(q.options, start=1) if o.correct) for q in singles]
        # the lesson's single-choice questions as its GIFT files write them (a sort question, which the
        # LMS files split into one reported/asserted choice per claim, is not a single-choice question)
        gift = _single_positions_in_gift(gift_text([quiz_for(lesson, singles, full=True)]))
        assert gift == model, f"{lesson.slug}: the GIFT file's order is not the model's"
        place, count = Counter(model).most_common(1)[0]
        assert count / len(model) <= MOST_IN_ONE_PLACE, f"{lesson.slug}: {count} of {len(model)} right answers are option {place}"
