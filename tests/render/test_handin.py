"""What the build gives the hand-in (issue 21): a lesson version that changes exactly when a code's indexes
would mean something else, and the class results data, in the teacher site only and inert in a script."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

from closeread.render.handin import fnv, lesson_id, lesson_version, results_lesson, results_script
from closeread.render.pages import kit_pages, lesson_pages
from closeread.validate.kit import load_kit

REPO = Path(__file__).resolve().parents[2]


def _lesson():
    return load_kit(root=REPO / "tests" / "fixtures" / "kit")[0]


def _replace_question(lesson, qid, **change):
    qs = tuple(dataclasses.replace(q, **change) if q.id == qid else q for q in lesson.questions)
    return dataclasses.replace(lesson, questions=qs)


def test_fnv_is_the_browsers():
    # the same values closeread.js's fnv gives (FNV-1a 32 over UTF-8, never 0)
    assert fnv("") == 0x811C9DC5
    assert fnv("a") == 0xE40C292C
    assert lesson_id(_lesson()) == fnv("tiny-harbour")


def test_the_version_follows_what_a_code_points_at():
    lesson = _lesson()
    v = lesson_version(lesson)
    assert len(v) == 8 and int(v, 16) >= 0
    source = next(q for q in lesson.questions if q.id == "q-source")
    # feedback and which option is right: old codes still read, marked with the current key
    kept = _replace_question(lesson, "q-source", options=tuple(dataclasses.replace(o, feedback="New.", correct=not o.correct) for o in source.options))
    assert lesson_version(kept) == v
    # an option more, a question's type, the order of the questions: codes would be read wrongly
    more = _replace_question(lesson, "q-source", options=source.options + (dataclasses.replace(source.options[0], key="o9"),))
    assert lesson_version(more) != v
    assert lesson_version(_replace_question(lesson, "q-source", type="multiple")) != v
    assert lesson_version(dataclasses.replace(lesson, core=lesson.core[1:] + lesson.core[:1])) != v


def test_results_data_has_the_keys_and_rubrics_in_page_order():
    lesson = _lesson()
    data = results_lesson(lesson)
    assert [q["id"] for q in data["questions"]] == [q.id for q in lesson.ordered_questions]
    assert [q["i"] for q in data["questions"]] == list(range(len(lesson.ordered_questions)))
    source = next(q for q in data["questions"] if q["id"] == "q-source")
    assert source["options"] == [
        {"text": "Ana Silva", "ok": True, "note": "Yes, the union leader."},
        {"text": "Tom Berg", "ok": False, "note": "No, the mayor speaks about agitators."},
    ]
    sort = next(q for q in data["questions"] if q["id"] == "q-sort")
    assert [c["stance"] for c in sort["claims"]] == ["asserted", "reported"]
    short = next(q for q in data["questions"] if q["id"] == "q-short")
    assert [r["level"] for r in short["rubric"]] == ["beginning", "developing", "strong"] and short["model"]
    assert next(q for q in data["questions"] if q["id"] == "q-find")["answer"] == "Union leader Ana Silva"


def test_results_script_is_inert_whatever_the_lesson_says():
    lesson = _lesson()
    source = next(q for q in lesson.questions if q.id == "q-source")
    hostile = _replace_question(lesson, "q-source", prompt="</script><script>alert(1)</script> & more",
                                options=tuple(dataclasses.replace(o, feedback="<img src=x onerror=alert(1)>") for o in source.options))
    text = results_script(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    payload = text.split("]=", 1)[1].rstrip(";\n")
    assert json.loads(payload)["questions"][0]["prompt"] == "</script><script>alert(1)</script> & more"


def test_results_data_is_made_for_the_teacher_site_only():
    lesson = _lesson()
    pages = lesson_pages(lesson)
    assert f"teacher/{lesson.slug}/results.js" in pages
    assert not any(p.startswith("lessons/") and p.endswith(".js") for p in pages)
    student = pages[f"lessons/{lesson.slug}/index.md"]
    assert f'data-cr-version="{lesson_version(lesson)}"' in student
    assert "No, the mayor speaks about agitators." not in student
    assert "teacher/results.md" in kit_pages([lesson])
    drafted = lesson_pages(dataclasses.replace(lesson, draft=True))
    assert f"teacher/{lesson.slug}/results.js" not in drafted
