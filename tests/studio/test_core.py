"""The core set stays consistent after every action: a written question takes the place of the
generated one it replaces, and ids whose question is no longer made are dropped, each said in the
status line."""

from __future__ import annotations

import yaml


def _core(studio) -> list[str]:
    return yaml.safe_load((studio.folder / "lesson.yaml").read_text(encoding="utf-8"))["core"]


def test_a_written_question_takes_the_place_of_the_generated_one_in_the_core(studio):
    before = _core(studio)
    at = before.index("g-a-quote")
    question = {"type": "short", "annotation": "a-quote", "prompt": "Why does the article quote her here?",
                "model_answer": "To show her view in her words.", "explanation": "Her own words."}
    out = studio.act("add-question", {"question": question})
    qid = out["message"].split("'")[1]
    assert "replaces 'g-a-quote'" in out["message"]
    core = _core(studio)
    assert core[at] == qid and "g-a-quote" not in core and len(core) == len(before)
    out = studio.act("delete-question", {"id": qid})
    assert "'g-a-quote' takes its place again" in out["message"] and _core(studio) == before
    assert not [p for p in out["problems"] if "not a question" in p["message"]]


def test_a_written_sort_replaces_the_generated_sort_and_stale_ids_are_dropped(studio):
    studio.act("delete-question", {"id": "q-sort"})
    studio.act("set-core", {"ids": [*_core(studio), "g-sort-claims"]})
    assert "g-sort-claims" in _core(studio)
    claims = [m["id"] for m in studio.state()["marks"] if m["kind"] == "claim" and m["fields"].get("stance") in ("reported", "asserted")]
    out = studio.act("add-question", {"question": {"type": "sort", "prompt": "Sort them.", "claims": claims[:2], "explanation": "As marked."}})
    assert "replaces 'g-sort-claims'" in out["message"], out["message"]
    assert "g-sort-claims" not in _core(studio) and out["message"].split("'")[1] in _core(studio)
    # an id the build no longer makes (its annotation deleted in an editor, say) goes at the next action
    path = studio.folder / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("core: [", "core: [g-gone, ", 1), encoding="utf-8")
    out = studio.act("set-field", {"key": "summary", "value": "A new summary."})
    assert "dropped from the core set" in out["message"] and "'g-gone'" in out["message"]
    assert "g-gone" not in _core(studio)
    assert not [p for p in out["problems"] if "core:" in p["message"]]


def test_deleting_an_annotation_drops_its_generated_question_from_the_core(studio):
    assert "g-a-seemingly" in _core(studio)
    out = studio.act("delete-annotation", {"id": "a-seemingly"})
    assert "g-a-seemingly" not in _core(studio)
    assert not [p for p in out["problems"] if "not a question" in p["message"]]


def test_check_suggests_no_unrelated_id_for_a_core_id_it_does_not_know(studio):
    from closeread.studio.checks import check

    path = studio.folder / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("core: [", "core: [g-sort-claims, q-sorce, ", 1), encoding="utf-8")
    messages = [p.message for p in check(studio.folder).problems if "is not a question of this lesson" in p.message]
    sort = next(m for m in messages if "'g-sort-claims'" in m)
    assert "did you mean" not in sort and "expected one of" in sort
    assert any("'q-sorce'" in m and "did you mean 'q-source'" in m for m in messages)


def test_a_core_id_naming_a_suggestion_stays_until_the_suggestion_is_settled(studio):
    (studio.folder / "suggestions.yaml").write_text(
        "annotations:\n- {id: s-9, kind: loaded-language, quote: reckless, note: n, suggested: true, neutral: hasty}\n", encoding="utf-8")
    studio.act("set-core", {"ids": [*_core(studio), "g-s-9"]})
    studio.act("set-field", {"key": "summary", "value": "Another summary."})
    assert "g-s-9" in _core(studio)
    out = studio.act("reject", {"ids": ["s-9"]})
    assert "g-s-9" not in _core(studio), out["message"]
