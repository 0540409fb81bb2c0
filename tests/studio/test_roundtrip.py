"""lesson.yaml edited with its comments, order and layout kept: only the lines an edit changes differ."""

from __future__ import annotations

import difflib

import pytest
import yaml

from closeread.studio.roundtrip import parse
from tests.conftest import REPO

SHIPPED = sorted((REPO / "lessons").glob("*/lesson.yaml"))


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.name)
def test_an_unedited_lesson_comes_back_byte_for_byte(path):
    text = path.read_text(encoding="utf-8")
    assert parse(text).text() == text


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.parent.name)
def test_an_edit_changes_only_its_own_lines(path):
    text = path.read_text(encoding="utf-8")
    doc = parse(text)
    doc.data["annotations"][0]["note"] = "A new note."
    new = doc.text()
    changed = [line for line in difflib.unified_diff(text.splitlines(), new.splitlines(), lineterm="", n=0)
               if line[:1] in "+-" and not line.startswith(("+++", "---"))]
    assert any("A new note." in line for line in changed)
    assert len([c for c in changed if c.startswith("+")]) == 1
    data = yaml.safe_load(new)
    assert data["annotations"][0]["note"] == "A new note."
    assert {k: v for k, v in data.items() if k != "annotations"} == {k: v for k, v in yaml.safe_load(text).items() if k != "annotations"}


def test_comments_and_the_importers_folded_lines_are_kept():
    text = (
        "# a comment by hand\n"
        "title: A lesson\n"
        "annotations:\n"
        "- id: a-1  # why this one\n"
        "  quote: Councillors in Port Aldwin have postponed a decision on a new sea wall after more than 300 residents\n"
        "    signed a letter asking for a fuller public consultation\n"
        "  note: one\n"
        "- id: a-2\n"
        "  note: two\n"
    )
    doc = parse(text)
    doc.data["annotations"][1]["note"] = "changed"
    doc.data["annotations"].append({"id": "a-3", "note": "three"})
    new = doc.text()
    assert new.startswith(text.split("  note: two")[0])
    assert "  note: changed\n" in new and "- id: a-3\n  note: three\n" in new
    assert yaml.safe_load(new)["annotations"][0]["quote"].endswith("public consultation")
