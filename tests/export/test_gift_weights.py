"""GIFT as Moodle reads it agrees with the Moodle XML file on every question: the same marks for every
answer, the same format, the same text, the same category. A lesson's words cannot change a weight
(an option starting with ``%100%``) or a format (``[markdown]``) or leave placeholders in a category."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from lxml import etree

from closeread.export.gift import gift_text
from closeread.export.items import quiz_for
from closeread.export.moodle import moodle_xml
from closeread.validate.kit import load_kit
from tests.conftest import FIXTURE_LESSONS, REPO
from tests.export import gift_moodle


def _from_xml(data: bytes) -> list[tuple]:
    out = []
    for q in etree.fromstring(data).findall("question"):
        kind = q.get("type")
        if kind == "category":
            out.append(("category", q.findtext("category/text")))
            continue
        # the XML calls the article "the article", GIFT "The article": names are not marks
        row = [kind, q.findtext("name/text").casefold(), q.find("questiontext").get("format"), " ".join(q.findtext("questiontext/text").split())]
        if kind == "multichoice":
            row.append(q.findtext("single") == "true")
            row.append([
                (round(float(a.get("fraction")) / 100, 5), a.get("format"), " ".join(a.findtext("text").split()), " ".join((a.findtext("feedback/text") or "").split()))
                for a in q.findall("answer")
            ])
        out.append(tuple(row))
    return out


def _from_gift(text: str) -> list[tuple]:
    out = []
    for q in gift_moodle.read(text):
        if q.kind == "category":
            out.append(("category", q.text))
            continue
        row = [q.kind, q.name.casefold(), q.format, " ".join(q.text.split())]
        if q.kind == "multichoice":
            row.append(q.single)
            row.append([(round(a.weight, 5), a.format, " ".join(a.text.split()), " ".join(a.feedback.split())) for a in q.answers])
        out.append(tuple(row))
    return out


def _agree(lessons) -> None:
    for lesson in lessons:
        for quiz in (quiz_for(lesson), quiz_for(lesson, lesson.questions, full=True)):  # the core set, every question
            assert _from_gift(gift_text([quiz])) == _from_xml(moodle_xml([quiz])), lesson.slug


def test_gift_agrees_with_moodle_xml_on_the_shipped_lessons():
    _agree(load_kit(root=REPO))


def test_gift_agrees_with_moodle_xml_on_the_hostile_kit():
    _agree(load_kit(root=REPO / "tests" / "fixtures" / "hostile-kit"))


@pytest.fixture
def tricky(tmp_path) -> list:
    lessons = tmp_path / "kit" / "lessons"
    shutil.copytree(FIXTURE_LESSONS, lessons)
    path = lessons / "tiny-harbour" / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    for old, new in [
        ("title: A harbour strike", 'title: "A harbour \\\\{strike\\\\} \\\\ C:\\\\temp / 50%"'),
        ('{text: Tom Berg, feedback: "No, the mayor speaks about agitators."}', '{text: "%100% Tom Berg", feedback: "[markdown]**No**, the mayor."}'),
        ("{text: harbour, feedback: A place.}", '{text: "[markdown]**harbour**", feedback: "%50% A place."}'),
        ("{text: despair, correct: true, feedback: An emotion.}", '{text: "=%25%despair", correct: true, feedback: "#An emotion."}'),
    ]:
        assert old in text, old
        text = text.replace(old, new)
    path.write_text(text, encoding="utf-8")
    return load_kit(root=tmp_path / "kit")


def test_a_lesson_cannot_change_a_weight_a_format_or_a_category(tricky):
    _agree(tricky)
    (lesson,) = tricky
    read = gift_moodle.read(gift_text([quiz_for(lesson, lesson.questions, full=True)]))
    assert read[0].text == "$course$/top/closeread/A harbour \\{strike\\} \\ C:\\temp // 50% (every question)"
    answers = {a.text: a for q in read if q.kind == "multichoice" for a in q.answers}
    assert answers["%100% Tom Berg"].weight == 0 and answers["%100% Tom Berg"].format == "html"
    assert answers["[markdown]**harbour**"].weight < 0 and answers["[markdown]**harbour**"].format == "html"
    assert answers["=%25%despair"].weight > 0
