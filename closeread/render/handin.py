"""What the hand-in needs from the build: a lesson's id and version (written into the student page and
carried by every hand-in code) and, for the teacher site only, the class results page and each lesson's
questions with their keys and rubrics (``teacher/<slug>/results.js``).

A code (``docs/javascripts/closeread-handin.js``) names a question by its place in
``lesson.ordered_questions``, an option by its place in the question and a claim by its row, so the
version hashes exactly those: a code made from a page whose questions, options or claims have changed
since is recognised as from an older build instead of being read wrongly. Which option is right is not
in the version: a corrected key still reads old codes, and the results page marks them with the key it
has.
"""

from __future__ import annotations

import json

from closeread.model import Lesson, Question
from closeread.questions import TYPE_LABELS
from closeread.render.pages import _js_string

RESULTS_DATA = "results.js"  # beside each teacher edition, as the assignment builder's assign.js


def fnv(text: str) -> int:
    """32-bit FNV-1a of UTF-8 text, never 0: the same as closeread-handin.js's ``fnv``."""
    h = 0x811C9DC5
    for byte in text.encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h or 1


def lesson_id(lesson: Lesson) -> int:
    return fnv(lesson.slug)


def lesson_version(lesson: Lesson) -> str:
    shape = [[q.id, q.type, [o.key for o in q.options], [i.annotation for i in q.items]] for q in lesson.ordered_questions]
    return f"{fnv(json.dumps(shape, ensure_ascii=False, separators=(',', ':'))):08x}"


def _question(lesson: Lesson, index: int, q: Question) -> dict:
    out: dict = {
        "i": index,
        "id": q.id,
        "type": q.type,
        "label": TYPE_LABELS.get(q.type, q.type),
        "prompt": " ".join(q.prompt.split()),
        "core": q.core or not lesson.core,
    }
    if q.options:
        out["options"] = [{"text": " ".join(o.text.split()), "ok": o.correct, "note": o.feedback} for o in q.options]
    if q.items:
        out["claims"] = [{"text": " ".join(i.text.split()), "stance": i.stance} for i in q.items]
    if q.type == "find" and q.answer:
        out["answer"] = " ".join(lesson.annotation(q.answer).quote.split())
    if q.model_answer:
        out["model"] = q.model_answer
    if q.rubric:
        out["rubric"] = [{"level": r.level, "does": r.does, "sample": r.sample} for r in q.rubric]
    return out


def results_lesson(lesson: Lesson) -> dict:
    """One lesson's data for the class results page: what reading a code and marking it needs."""
    return {
        "slug": lesson.slug,
        "title": lesson.title,
        "id": lesson_id(lesson),
        "version": lesson_version(lesson),
        "questions": [_question(lesson, n, q) for n, q in enumerate(lesson.ordered_questions)],
    }


def results_script(lesson: Lesson) -> str:
    """``results_lesson`` as a small script (a script element loads it from file://, where fetching JSON
    fails), loaded by the results page when the teacher picks the lesson."""
    return f"(window.closereadResults=window.closereadResults||{{}})[{_js_string(lesson.slug)}]={_js_string(results_lesson(lesson))};\n"


def results_index(lessons: list[Lesson]) -> str:
    """Every published lesson's slug, title, id and version, for the page's picker and for naming the
    lesson of a code pasted under another one: JSON for a data attribute (the template escapes it)."""
    return json.dumps(
        [{"slug": x.slug, "title": x.title, "id": lesson_id(x), "version": lesson_version(x)} for x in lessons],
        ensure_ascii=False,
        separators=(",", ":"),
    )
