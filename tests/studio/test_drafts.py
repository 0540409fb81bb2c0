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
    assert places == set(range(len(drafts[0]["options"])))  # the claims of the other stance, and its own


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
    guess = {**MARKS[1], "id": "s1", "kind": "speculation", "fields": {}}
    q = draft("single", guess, marks=[guess], sources=SOURCES, rng=random.Random(3), lines=lines)
    texts = {o["text"] for o in q["options"] if not o["correct"]}
    assert texts == {"The wall was breached twice during the storms."}  # not the furniture, not its own sentence
    assert all("line 15" in o["feedback"] for o in q["options"] if not o["correct"])


def test_a_claim_is_keyed_by_its_own_stance_among_claims_of_the_other():
    reported = draft("single", MARKS[2], marks=MARKS, sources=SOURCES, rng=random.Random(4))
    assert "from a source" in reported["prompt"] and "own voice, naming no source" not in reported["prompt"]
    assert [o["text"] for o in reported["options"] if o["correct"]] == ["the estimate was based on a report"]
    assert [o["text"] for o in reported["options"] if not o["correct"]] == ["Councillors have postponed a decision"]
    asserted = draft("single", MARKS[1], marks=MARKS, sources=SOURCES, rng=random.Random(4))
    assert "own voice" in asserted["prompt"]
    assert [o["text"] for o in asserted["options"] if o["correct"]] == ["Councillors have postponed a decision"]
    with pytest.raises(NoDraft, match="no claim marked 'asserted'"):
        draft("single", MARKS[2], marks=[m for m in MARKS if m["id"] != "c1"], sources=SOURCES)


def test_wrong_options_have_the_form_of_the_right_one():
    marks = MARKS + [{"id": "l2", "kind": "loaded-language", "quote": "BREAKING", "line": 1, "note": "n", "fields": {}}]
    guess = {"id": "s1", "kind": "speculation", "quote": "the wall may have been weakened on purpose", "line": 30, "note": "A guess.", "fields": {}}
    q = draft("single", guess, marks=[*marks, guess], sources=SOURCES, rng=random.Random(5))
    assert all(len(o["text"].split()) > 3 for o in q["options"])  # no "BREAKING", no "too low"


def test_no_source_question_from_a_source_annotations_own_words():
    named = {"id": "s-senate", "kind": "source", "quote": "The council", "line": 3, "note": "n", "fields": {"source": "council"}}
    with pytest.raises(NoDraft, match="answer itself"):
        draft("single", named, marks=[*MARKS, named], sources=SOURCES)


def test_multiple_stems_read_as_english_and_starters_follow_the_kind():
    q = draft("multiple", MARKS[1], marks=MARKS + [{**MARKS[2], "id": "c3"}], sources=SOURCES, rng=random.Random(6))
    assert q["prompt"] == "Which of these are claims the article makes? Choose every one."
    loaded = draft("short", MARKS[3], marks=MARKS, sources=SOURCES)
    claim = draft("short", MARKS[1], marks=MARKS, sources=SOURCES)
    assert any("neutral way" in s for s in loaded["starters"])
    assert not any("neutral way" in s for s in claim["starters"])
