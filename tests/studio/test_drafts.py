"""Question drafts: options from the lesson, a pointer to the method for each wrong one, the right one at
a random place."""

from __future__ import annotations

import random

import pytest

from closeread.studio.drafts import NoDraft, draft

SOURCES = [{"id": "chen", "name": "Maria Chen"}, {"id": "council", "name": "The council"}, {"id": "union", "name": "The union"}]
MARKS = [
    {"id": "q1", "kind": "quote", "quote": "We are not against the wall", "line": 19, "note": "Chen's words.", "fields": {"speaker": "chen"}},
    {"id": "c1", "kind": "claim", "quote": "Councillors have postponed a decision", "line": 15, "note": "Own voice.", "fields": {"stance": "asserted"}},
    {"id": "c2", "kind": "claim", "quote": "the estimate was based on a report", "line": 27, "note": "Reported.", "fields": {"stance": "reported", "source": "council"}},
    {"id": "l1", "kind": "loaded-language", "quote": "too low", "line": 23, "note": "A judgement.", "fields": {"neutral": "disputed"}},
]


def test_a_single_choice_from_sources_has_feedback_for_every_option_and_one_right():
    q = draft("single", MARKS[0], marks=MARKS, sources=SOURCES, rng=random.Random(1))
    assert q["prompt"] == "Who said: 'We are not against the wall'?"
    assert [o["text"] for o in q["options"] if o["correct"]] == ["Maria Chen"]
    assert {o["text"] for o in q["options"]} == {s["name"] for s in SOURCES}
    wrong = [o["feedback"] for o in q["options"] if not o["correct"]]
    assert all("line 19" in f and "Maria Chen" not in f for f in wrong)  # the method, not the answer


def test_the_right_option_lands_in_every_place():
    drafts = [draft("single", MARKS[1], marks=MARKS, sources=SOURCES, rng=random.Random(seed)) for seed in range(40)]
    places = {[o["correct"] for o in q["options"]].index(True) for q in drafts}
    assert places == set(range(len(drafts[0]["options"])))  # the words of the other kinds' annotations, and its own


@pytest.mark.parametrize("qtype", ["multiple", "sort", "find", "short", "discussion"])
def test_every_type_drafts_from_an_annotation(qtype):
    q = draft(qtype, MARKS[1] if qtype in ("multiple", "sort") else MARKS[3], marks=MARKS, sources=SOURCES, rng=random.Random(2))
    assert q["type"] == qtype and q["prompt"]
    if qtype == "sort":
        assert sorted(q["claims"]) == ["c1", "c2"]
    if qtype in ("short", "discussion"):
        assert set(q["rubric"]) == {"beginning", "developing", "strong"} and q["starters"]


def test_a_draft_that_cannot_be_made_says_what_is_missing():
    with pytest.raises(NoDraft, match="names no source"):
        draft("single", {**MARKS[0], "fields": {}}, marks=MARKS, sources=SOURCES)
    with pytest.raises(NoDraft, match="not a question type"):
        draft("essay", MARKS[0], marks=MARKS, sources=SOURCES)


def test_with_few_annotations_wrong_options_are_sentences_of_the_article():
    lines = [{"n": 15, "role": "body", "text": "Councillors have postponed a decision. The wall was breached twice during the storms."},
             {"n": 17, "role": "furniture", "text": "Subscribe to our newsletter for the latest news today."}]
    q = draft("single", MARKS[1], marks=[MARKS[1]], sources=SOURCES, rng=random.Random(3), lines=lines)
    texts = {o["text"] for o in q["options"] if not o["correct"]}
    assert texts == {"The wall was breached twice during the storms."}  # not the furniture, not its own sentence
    assert all("line 15" in o["feedback"] for o in q["options"] if not o["correct"])
