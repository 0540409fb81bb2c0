"""Actions through the studio's own server: saved at once, re-applied over an editor's change, undone
only while nothing else changed the file."""

from __future__ import annotations

import json

import pytest
import yaml


def _lesson(studio) -> str:
    return (studio.folder / "lesson.yaml").read_text(encoding="utf-8")


def test_keep_and_reject_suggestions_singly_and_by_group(studio):
    (studio.folder / "suggestions.yaml").write_text(
        "# made by build.py suggest\nannotations:\n"
        "- {id: s-1, kind: attribution-verb, quote: said, occurrence: 1, note: n, suggested: true, implies: Neutral.}\n"
        "- {id: s-2, kind: attribution-verb, quote: said, occurrence: 2, note: n, suggested: true, implies: Neutral.}\n"
        "- {id: s-3, kind: loaded-language, quote: reckless, note: n, suggested: true, neutral: hasty}\n",
        encoding="utf-8")
    state = studio.state()
    group = next(g for g in state["groups"] if g["kind"] == "attribution-verb")
    assert sorted(group["ids"]) == ["s-1", "s-2"]
    studio.act("reject", {"ids": group["ids"]})
    studio.act("keep", {"ids": ["s-3"]})
    kept = [a for a in yaml.safe_load(_lesson(studio))["annotations"] if a.get("quote") == "reckless" and a["kind"] == "loaded-language"]
    assert any("suggested" not in a for a in kept)
    assert yaml.safe_load((studio.folder / "suggestions.yaml").read_text())["annotations"] == []


def test_an_editors_change_is_kept_and_the_action_applied_on_top(studio):
    seen = studio.state()["version"]
    path = studio.folder / "lesson.yaml"
    path.write_text(_lesson(studio).replace("\ntitle:", "\n# the editor's comment\ntitle:", 1), encoding="utf-8")
    out = studio.act("set-list", {"key": "objectives", "items": ["I can tell a reported claim from an asserted one."]}, version=seen)
    assert "changed outside the studio" in out["notice"]
    text = _lesson(studio)
    assert "# the editor's comment" in text and "I can tell a reported claim" in text


def test_undo_restores_the_file_and_refuses_over_an_editors_change(studio):
    before = _lesson(studio)
    studio.act("set-field", {"key": "summary", "value": "A new summary."})
    headers = studio.page_headers()
    status, _, raw = studio.request("POST", "/api/undo", {}, headers)
    assert status == 200, raw
    assert _lesson(studio) == before
    studio.act("set-field", {"key": "summary", "value": "Another summary."})
    edited = _lesson(studio).replace("Another summary.", "The editor's summary.")
    (studio.folder / "lesson.yaml").write_text(edited, encoding="utf-8")
    status, _, raw = studio.request("POST", "/api/undo", {}, headers)
    assert status == 409 and "changed outside the studio" in json.loads(raw)["error"]
    assert _lesson(studio) == edited


def test_an_annotation_from_selected_words_gets_a_unique_quote(studio):
    state = studio.state()
    text = "\n".join(line["text"] for line in state["article"]["lines"])
    start = text.index("said")
    start2 = text.index("said", start + 1)
    out = studio.act("add-annotation", {"kind": "attribution-verb", "start": start2 + 1, "end": start2 + 3,
                                        "note": "A second 'said'.", "fields": {"implies": "Neutral."}})
    new = [a for a in yaml.safe_load(_lesson(studio))["annotations"] if a.get("note") == "A second 'said'."][0]
    assert new["quote"] == "said" and ("prefix" in new or "suffix" in new or "occurrence" in new)
    mark = next(m for m in out["marks"] if m["id"] == new["id"])
    assert mark["start"] == start2


def test_a_bad_action_writes_nothing_and_says_why(studio):
    before = _lesson(studio)
    out = studio.act("add-annotation", {"kind": "nonsense", "start": 0, "end": 5, "note": "x"}, expect=409)
    assert "not an annotation kind" in out["error"]
    out = studio.act("set-field", {"key": "../../etc", "value": "x"}, expect=409)
    assert "not a field the studio edits" in out["error"]
    assert _lesson(studio) == before


def test_check_messages_are_placed_beside_what_they_concern(studio):
    state = studio.act("edit-annotation", {"id": studio.state()["marks"][0]["id"], "fields": {}, "note": "x"})
    assert state["passes"] or state["problems"]
    path = studio.folder / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    first = studio.state()["marks"][0]
    path.write_text(text.replace(f"quote: {first['quote']}", "quote: words not in the article", 1), encoding="utf-8")
    problems = studio.state()["problems"]
    assert any(p.get("annotation") == first["id"] and "not found in the article" in p["message"] for p in problems), problems


def test_a_suggested_source_is_kept_with_its_words_added_as_a_source(studio):
    (studio.folder / "suggestions.yaml").write_text(
        "annotations:\n- {id: s-src, kind: source, quote: Tom Berg, note: 'Named source: Tom Berg.', suggested: true}\n",
        encoding="utf-8")
    out = studio.act("keep-as-source", {"id": "s-src"})
    data = yaml.safe_load(_lesson(studio))
    source = next(s for s in data["sources"] if s["name"] == "Tom Berg")
    kept = next(a for a in data["annotations"] if a.get("quote") == "Tom Berg" and a["kind"] == "source")
    assert kept["source"] == source["id"] and "suggested" not in kept
    assert not any(m["pending"] for m in out["marks"])


def test_a_malformed_request_is_answered_and_writes_nothing(studio):
    before = _lesson(studio)
    first = studio.state()["marks"][0]["id"]
    for action, params in (("edit-annotation", {"id": first, "teacher_note": 5}), ("keep", {"ids": "s-1"}),
                           ("add-question", {"question": {"type": "short", "prompt": "p", "model_answer": "m", "explanation": "e", "minutes": "lots"}}),
                           ("set-core", {"ids": [1, 2]}), ("save-source", {"name": ["x"]})):
        status, _, raw = studio.request("POST", "/api/action", {"action": action, "params": params, "version": ""}, studio.page_headers())
        assert status == 409 and json.loads(raw)["error"], (action, raw)
    assert _lesson(studio) == before
    assert studio.state()["version"]  # still serving


def test_a_parameter_of_the_wrong_type_is_refused_by_name_for_every_action(studio):
    """Any action, any parameter an action reads, sent with a JSON type no page sends: a refusal that
    names the parameter (409), never a server error, and the lesson unchanged."""
    from closeread.studio.actions import ACTIONS, PARAM_TYPES

    before = _lesson(studio)
    wrong = {str: [7, ["x"], {"a": 1}, None, True], list: ["x", 3, {"a": 1}], dict: ["x", [1], 2],
             int: ["3", 2.5, [3], True], bool: ["yes", 1]}
    for action in ACTIONS:
        for key, (types, _) in PARAM_TYPES.items():
            values = next(v for t, v in wrong.items() if t in types or t == types)
            for value in values:
                if isinstance(value, types) and (bool in types or not isinstance(value, bool)):
                    continue  # a type this parameter takes
                status, _, raw = studio.request("POST", "/api/action", {"action": action, "params": {key: value}, "version": ""},
                                                studio.page_headers())
                assert status == 409, (action, key, value, raw)
                assert f"'{key}'" in json.loads(raw)["error"], (action, key, value, raw)
    first = studio.state()["marks"][0]["id"]
    for action, params in (("edit-annotation", {"id": first, "fields": {"source": ["x"]}}),
                           ("add-annotation", {"kind": "quote", "start": 0, "end": 5, "note": "n", "fields": {"speaker": {"a": 1}}}),
                           ("add-question", {"question": {"type": "single", "prompt": "p", "explanation": "e", "options": 1}}),
                           ("add-question", {"question": {"type": "sort", "prompt": "p", "explanation": "e", "claims": True}}),
                           ("add-question", {"question": {"type": "short", "prompt": "p", "explanation": "e",
                                                          "model_answer": "m", "starters": 2.5}})):
        status, _, raw = studio.request("POST", "/api/action", {"action": action, "params": params, "version": ""}, studio.page_headers())
        assert status == 409 and "expected" in json.loads(raw)["error"], (action, raw)
    for offset in ("1e999", "2.5", "NaN"):  # JSON numbers Python reads as infinity, a fraction, not a number
        body = ('{"action": "add-annotation", "params": {"kind": "quote", "start": %s, "end": 5, "note": "n"}, "version": ""}'
                % offset)
        status, _, raw = studio.request_raw("POST", "/api/action", body.encode(), studio.page_headers())
        assert status == 409 and "'start'" in json.loads(raw)["error"], (offset, raw)
    status, _, raw = studio.request("POST", "/api/action", {"action": "keep", "params": ["x"], "version": ""}, studio.page_headers())
    assert status == 409 and "expected a mapping" in json.loads(raw)["error"]
    assert _lesson(studio) == before


def test_a_file_the_build_would_refuse_is_shown_and_never_edited(studio):
    path = studio.folder / "lesson.yaml"
    broken = _lesson(studio).replace("\ntitle:", "\ntitle: [unclosed\nsummary_x:", 1)
    path.write_text(broken, encoding="utf-8")
    state = studio.state()
    assert state["problems"] and not state["passes"]
    out = studio.act("set-field", {"key": "title", "value": "Fixed?"}, expect=409)
    assert "cannot be read as YAML" in out["error"]
    assert _lesson(studio) == broken


def test_the_server_listens_on_the_loopback_address_only(tmp_path):
    from closeread.studio.command import start
    from tests.conftest import make_kit

    kit = make_kit(tmp_path / "kit")
    server, url = start(kit, kit / "lessons" / "tiny-harbour")
    try:
        assert server.server_address[0] == "127.0.0.1" and url.startswith("http://127.0.0.1:")
    finally:
        server.shutdown()
        server.server_close()


def test_words_typed_instead_of_selected_must_be_found_once(studio):
    out = studio.act("add-annotation", {"kind": "speculation", "quote": "seemingly cost", "note": "A hedge."})
    assert any(m["quote"] == "seemingly cost" and not m["pending"] for m in out["marks"])
    out = studio.act("add-annotation", {"kind": "speculation", "quote": "seemingly costs", "note": "x"}, expect=409)
    assert "not found in the article" in out["error"] and "did you mean" in out["error"]
    out = studio.act("add-annotation", {"kind": "attribution-verb", "quote": "said", "note": "x", "fields": {"implies": "y"}}, expect=409)
    assert "matches 2 places" in out["error"]


@pytest.mark.parametrize("damage", ["too-large", "not-utf8", "linked"])
def test_a_lesson_file_the_studio_cannot_read_is_one_line_not_a_server_error(studio, tmp_path, damage):
    path = studio.folder / "lesson.yaml"
    text = _lesson(studio)
    if damage == "too-large":
        path.write_text(text + "#" + "x" * 2_100_000 + "\n", encoding="utf-8")
        expected = "file is 2.1 MB; expected at most 2 MB"
    elif damage == "not-utf8":
        path.write_bytes(text.encode("utf-8").replace(b"title:", b"title: \xff", 1))
        expected = "invalid UTF-8 byte 0xff; expected UTF-8 text"
    else:
        (tmp_path / "outside.yaml").write_text(text, encoding="utf-8")
        path.unlink()
        path.symlink_to(tmp_path / "outside.yaml")
        expected = "the file is a symbolic link"
    before = path.read_bytes()
    host = {"Host": f"127.0.0.1:{studio.port}", "X-Studio-Token": studio.token}
    for method, route, body in (("GET", "/api/state", None), ("GET", "/api/version", None),
                                ("POST", "/api/action", {"action": "set-field", "params": {"key": "title", "value": "x"}, "version": ""})):
        status, _, raw = studio.request(method, route, body, studio.page_headers() if body else host)
        error = json.loads(raw)["error"]
        assert status == 409 and error.startswith(f"lessons/{studio.folder.name}/lesson.yaml:") and expected in error, (route, raw)
    assert path.read_bytes() == before


def test_a_suggestions_file_the_build_refuses_is_never_parsed_for_editing(studio):
    # the safe loader refuses it with its line; the round-trip parser must not be handed it (5,000 levels
    # of nesting made every action of the lesson fail with a RecursionError, a 500)
    bad = "x: " + "[" * 5000 + "]" * 5000 + "\nannotations: []\n"
    (studio.folder / "suggestions.yaml").write_text(bad, encoding="utf-8")
    state = studio.state()
    assert any(p["text"].startswith(f"lessons/{studio.folder.name}/suggestions.yaml:1: ") for p in state["problems"])
    assert {p["file"] for p in state["problems"]} == {"suggestions.yaml"}  # the page names the file to fix
    studio.act("set-field", {"key": "title", "value": "Still editable"})
    assert "title: Still editable" in _lesson(studio)
    assert (studio.folder / "suggestions.yaml").read_text(encoding="utf-8") == bad


def test_an_id_list_left_out_or_empty_is_refused_by_the_action(studio):
    # check_params refuses a wrong type; what it cannot know (no ids at all, an id no question has) the
    # actions say, with what was expected
    before = _lesson(studio)
    for action, params, said in (("keep", {}, "no annotations named"), ("reject", {"ids": []}, "no annotations named"),
                                 ("set-core", {}, "not a list of question ids"),
                                 ("set-core", {"ids": ["Not A Slug"]}, "not a list of question ids")):
        assert said in studio.act(action, params, expect=409)["error"], (action, params)
    assert _lesson(studio) == before


SUGGESTED = "annotations:\n- {id: s-3, kind: loaded-language, quote: reckless, note: n, suggested: true, neutral: hasty}\n"


def _kept(studio) -> list:
    return [a for a in yaml.safe_load(_lesson(studio))["annotations"] if a.get("quote") == "reckless" and a["kind"] == "loaded-language"]


def test_a_suggestion_kept_while_an_editor_saves_the_suggestions_is_in_one_file_only(studio, on_swap):
    path = studio.folder / "suggestions.yaml"
    path.write_text(SUGGESTED, encoding="utf-8")
    before = len(_kept(studio))

    def editor_saves():
        (studio.folder / "editor.tmp").write_text("# the editor's note\n" + SUGGESTED, encoding="utf-8")
        (studio.folder / "editor.tmp").replace(path)

    calls = on_swap("suggestions.yaml", editor_saves)  # written after lesson.yaml
    out = studio.act("keep", {"ids": ["s-3"]})
    assert calls and out["message"] == "kept 1 suggestion"
    assert len(_kept(studio)) == before + 1  # in the lesson once
    assert path.read_text(encoding="utf-8").startswith("# the editor's note\n")  # the editor's save kept
    assert yaml.safe_load(path.read_text(encoding="utf-8"))["annotations"] == []  # and no longer a suggestion
    assert not any(m["pending"] for m in out["marks"])


def test_a_pair_that_cannot_be_written_leaves_both_files_as_they_were(studio, on_swap):
    import errno

    path = studio.folder / "suggestions.yaml"
    path.write_text(SUGGESTED, encoding="utf-8")
    lesson = _lesson(studio)

    def disk_full():
        raise OSError(errno.ENOSPC, "No space left on device")

    on_swap("suggestions.yaml", disk_full)
    body = {"action": "keep", "params": {"ids": ["s-3"]}, "version": studio.state()["version"]}
    status, _, raw = studio.request("POST", "/api/action", body, studio.page_headers())
    assert status == 500 and "nothing was written" in json.loads(raw)["error"]
    assert _lesson(studio) == lesson and path.read_text(encoding="utf-8") == SUGGESTED
    assert sorted(p.name for p in studio.folder.iterdir() if p.name.startswith(".")) == []
    assert studio.state()["undo"] == []


def test_undoing_a_kept_suggestion_puts_back_both_files(studio):
    path = studio.folder / "suggestions.yaml"
    path.write_text(SUGGESTED, encoding="utf-8")
    lesson = _lesson(studio)
    studio.act("keep", {"ids": ["s-3"]})
    assert _lesson(studio) != lesson and path.read_text(encoding="utf-8") != SUGGESTED
    status, _, raw = studio.request("POST", "/api/undo", {}, studio.page_headers())
    assert status == 200, raw
    assert _lesson(studio) == lesson and path.read_text(encoding="utf-8") == SUGGESTED
    assert any(m["id"] == "s-3" and m["pending"] for m in json.loads(raw)["marks"])
