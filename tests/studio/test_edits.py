"""Editing what exists: an annotation moved to other words keeps its id and fields; a choice question
keeps its option order and keep_order; clearing the core says Undo restores it."""

from __future__ import annotations

import yaml


def _data(studio) -> dict:
    return yaml.safe_load((studio.folder / "lesson.yaml").read_text(encoding="utf-8"))


def test_an_annotation_takes_new_words_and_keeps_its_id_and_fields(studio):
    before = next(a for a in _data(studio)["annotations"] if a["id"] == "a-seemingly")
    text = "\n".join(line["text"] for line in studio.state()["article"]["lines"])
    word = before["quote"]
    start = text.index(word)
    out = studio.act("edit-annotation", {"id": "a-seemingly", "start": start, "end": start + len("seemingly cost the city")})
    after = next(a for a in _data(studio)["annotations"] if a["id"] == "a-seemingly")
    assert after["quote"] == "seemingly cost the city" != word
    assert {k: v for k, v in after.items() if k != "quote"} == {k: v for k, v in before.items() if k != "quote"}
    assert "on the words" in out["message"]
    studio.act("edit-annotation", {"id": "a-seemingly", "start": 5, "end": 2}, expect=409)


def test_reordered_options_and_keep_order_are_written(studio):
    question = {"type": "single", "prompt": "Which comes first?", "explanation": "In order.", "keep_order": True,
                "options": [{"text": "None of the above", "correct": False}, {"text": "Ana Silva", "correct": True}]}
    out = studio.act("add-question", {"question": question})
    qid = out["message"].split("'")[1]
    question["options"].reverse()
    studio.act("edit-question", {"id": qid, "question": question})
    q = next(q for q in _data(studio)["questions"] if q["id"] == qid)
    assert q["keep_order"] is True and [o["text"] for o in q["options"]] == ["Ana Silva", "None of the above"]


def test_clearing_the_core_says_undo_restores_it(studio):
    out = studio.act("set-core", {"ids": []})
    assert "Undo restores it" in out["message"] and "core" not in _data(studio)
