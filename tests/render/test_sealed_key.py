"""The student page's key reveals an answer only for the choice that asks for it (issue 14: it used to
open with one line in the console, every correct option, feedback and model answer at once)."""

from __future__ import annotations

import json
from pathlib import Path

from closeread.render.keys import STANCES, lesson_key, open_choice, question_key, salt_for, sort_choice, unscramble
from closeread.validate.kit import load_kit

REPO = Path(__file__).resolve().parents[2]


def _lessons():
    return load_kit(root=REPO / "tests" / "fixtures" / "kit") + load_kit(root=REPO)


def test_the_key_decoded_whole_holds_no_answer():
    for lesson in _lessons():
        salt = salt_for(lesson)
        whole = unscramble(lesson_key(lesson, lesson.questions), salt).decode("utf-8")
        for q in lesson.questions:
            secrets = [q.explanation, q.model_answer, *(o.feedback for o in q.options), *(r.sample for r in q.rubric)]  # option texts are on the page
            for secret in filter(None, secrets):
                assert secret not in whole and json.dumps(secret, ensure_ascii=False)[1:-1] not in whole, (lesson.slug, q.id)
        for word in ('"ok"', '"c"', '"f"', '"reported"', '"asserted"'):
            assert word not in whole, (lesson.slug, word)


def test_each_choice_opens_to_what_checking_it_shows():
    for lesson in _lessons():
        salt = salt_for(lesson)
        key = json.loads(unscramble(lesson_key(lesson, lesson.questions), salt))
        for q in lesson.questions:
            plain = question_key(q)
            if q.options:
                first = next(o.key for o in q.options if o.correct)
                for o in q.options:
                    x = {"x": q.explanation} if o.key == first and q.explanation else {}
                    assert open_choice(key, salt, q.id, o.key) == {"ok": o.correct, "f": o.feedback, **x}
                if q.type == "multiple":
                    assert key[q.id]["n"] == len(plain["c"])
            for item in q.items:
                for stance in STANCES:
                    entry = open_choice(key, salt, q.id, sort_choice(item.annotation, stance))
                    assert entry["ok"] == (stance == item.stance)
                    assert entry.get("x", "") == (q.explanation if entry["ok"] and item == q.items[0] else "")
            if q.type == "find":
                assert open_choice(key, salt, q.id, "") == {"a": q.answer, "x": q.explanation}
            if q.type == "short":
                rubric = {"r": plain["r"]} if "r" in plain else {}
                assert open_choice(key, salt, q.id, "") == {"m": q.model_answer, "x": q.explanation, **rubric}
            assert open_choice(key, salt, q.id, "not-a-choice") is None
