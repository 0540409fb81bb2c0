"""LMS fragments for the assignment builder, which makes the GIFT and Moodle XML files of any selection in
the browser (and its Common Cartridge, from the items of ``question_items``: ``export.cartridges``):
per question its GIFT block and its Moodle XML question element(s), and per lesson the head both files
start with (GIFT: the category line and the article; Moodle: the category and the article).
The browser only joins fragments that the real serializers made here, in the order the teacher chose.

A question is titled by the start of its prompt, not by its number, since a selection renumbers it.
"""

from __future__ import annotations

import dataclasses

from lxml import etree

from closeread.export import gift, moodle
from closeread.export.items import Item, Quiz, quiz_for
from closeread.model import Lesson

GIFT_HEADER = gift.HEADER
MOODLE_OPEN = '<?xml version="1.0" encoding="UTF-8"?>\n<quiz>\n'
MOODLE_CLOSE = "</quiz>\n"
TITLE_CHARS = 60


def _title(prompt: str) -> str:
    words = " ".join(prompt.split())
    return words if len(words) <= TITLE_CHARS else words[: TITLE_CHARS - 1].rsplit(" ", 1)[0] + "…"


def _xml(elements) -> str:
    return "".join(etree.tostring(el, encoding="unicode", pretty_print=True) for el in elements)


def question_items(lesson: Lesson) -> tuple[Quiz, dict[str, list[Item]]]:
    """The lesson's quiz of every question, and its items by question id (a sorting question gives one
    per claim), titled for a selection. The builder's question files are made from these here, and its
    cartridge's QTI items in ``export.cartridges``."""
    quiz = quiz_for(lesson, lesson.ordered_questions)
    by_question: dict[str, list[Item]] = {}
    for item in quiz.items[1:]:
        qid = item.id[len(lesson.slug) + 1 :].split(".", 1)[0]
        by_question.setdefault(qid, []).append(item)
    prompts = {q.id: q.prompt for q in lesson.questions}
    titled = {
        qid: [dataclasses.replace(i, title=_title(i.prompt if len(its) > 1 else prompts[qid])) for i in its]
        for qid, its in by_question.items()
    }
    return quiz, titled


def fragments(lesson: Lesson) -> tuple[dict[str, str], dict[str, dict[str, str]]]:
    """(head, {question id: {"gift": ..., "moodle": ...}}) for every question an LMS can hold."""
    quiz, by_question = question_items(lesson)
    head_quiz = dataclasses.replace(quiz, items=quiz.items[:1])  # the article
    head_gift = gift.quiz_text(head_quiz)
    head_moodle = _xml(moodle.quiz_questions(head_quiz))
    out: dict[str, dict[str, str]] = {}
    for qid, its in by_question.items():
        part = Quiz(quiz.id, quiz.title, quiz.description, quiz.source, quiz.lines, tuple(its))
        blocks = gift.quiz_text(part).split("\n\n", 1)[1]  # without the category line (the head has it)
        elements = moodle.quiz_questions(part)[1:]  # without the category
        out[qid] = {"gift": blocks, "moodle": _xml(elements)}
    return {"gift": head_gift, "moodle": head_moodle}, out
