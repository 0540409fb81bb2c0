"""Catalogue pages stay the same size whatever the kit's: lists are paged at CATALOGUE_ROWS rows, grouped
lists become an overview linking to each group's own paged list, and the assignment builder carries only
slugs and titles (each lesson's questions and article are in its own assign.js)."""

from __future__ import annotations

import dataclasses
import json
import re

import pytest

from closeread.render.pages import CATALOGUE_ROWS, assignment_builder, assignment_script, catalogue_pages, teacher_catalogue
from closeread.validate.kit import load_kit


@pytest.fixture(scope="module")
def many(tmp_path_factory):
    """The fixture lesson 250 times over, under different slugs, with two skills each."""
    from tests.conftest import make_kit

    kit = make_kit(tmp_path_factory.mktemp("catalogue") / "kit")
    [lesson] = load_kit(root=kit)
    return [
        dataclasses.replace(lesson, slug=f"lesson-{n:03d}", title=f"Lesson {n}", skills=("sourcing", f"skill-{n % 3}"))
        for n in range(250)
    ]


def _rows(text: str) -> list[str]:
    return re.findall(r'<tr data-cr-lesson="([^"]+)">', text)


def _links(text: str) -> list[str]:
    return re.findall(r'href="([^"/#]+\.html)"', text)


def test_the_full_list_is_paged_and_every_lesson_is_on_exactly_one_page(many):
    pages = catalogue_pages(many)
    listed = [name for name in pages if re.fullmatch(r"index(-\d+)?\.md", name)]
    assert sorted(listed) == ["index-2.md", "index-3.md", "index.md"]
    seen = [slug for name in sorted(listed, key=lambda n: (len(n), n)) for slug in _rows(pages[name])]
    assert seen == [lesson.slug for lesson in many]
    for name in listed:
        assert len(_rows(pages[name])) <= CATALOGUE_ROWS
        # every page links to the others, and only to pages that exist
        targets = {link[:-5] + ".md" for link in _links(pages[name]) if link.startswith("index")}
        assert targets == set(listed) - {name}
    assert "All lessons (101\u2013200 of 250)" in pages["index-2.md"]


@pytest.mark.parametrize("base", ["by-skill", "by-kind"])
def test_a_grouped_list_too_long_for_one_page_links_to_each_groups_own_pages(many, base):
    pages = catalogue_pages(many)
    overview = pages[f"{base}.md"]
    assert _rows(overview) == []
    for link in _links(overview):
        assert link[:-5] + ".md" in pages, link
    groups = [link for link in _links(overview) if link.startswith(base + "-")]
    assert groups
    for name, text in pages.items():
        if name.startswith(base + "-"):
            assert 0 < len(_rows(text)) <= CATALOGUE_ROWS
    if base == "by-skill":
        sourcing = [slug for name in ("by-skill-sourcing.md", "by-skill-sourcing-2.md", "by-skill-sourcing-3.md") for slug in _rows(pages[name])]
        assert sourcing == [lesson.slug for lesson in many]
        assert "250 lessons" in overview


def test_a_small_kit_keeps_its_one_page_lists(many):
    pages = catalogue_pages(many[:3])
    assert sorted(pages) == ["by-kind.md", "by-skill.md", "glossary.md", "index.md"]
    assert len(_rows(pages["by-skill.md"])) == 6  # 3 lessons under sourcing, 1 under each other skill
    assert "cr-pager" not in pages["index.md"]


def test_the_teacher_catalogue_is_paged_too(many):
    pages = teacher_catalogue(many)
    assert sorted(pages) == ["index-2.md", "index-3.md", "index.md"]
    assert all("booklet-a4.pdf" in text for text in pages.values())


def test_the_assignment_builder_carries_titles_only_and_each_lesson_its_questions(many):
    page = assignment_builder(many)
    assert "prompt" not in page
    data = json.loads(re.search(r'data-cr-lessons="([^"]*)"', page).group(1).replace("&#34;", '"'))
    assert [d["slug"] for d in data] == [lesson.slug for lesson in many]
    script = assignment_script(many[0])
    prefix = '(window.closereadLessons=window.closereadLessons||{})["lesson-000"]='
    assert script.startswith(prefix)
    lesson = json.loads(script[len(prefix) :].rstrip().rstrip(";"))
    assert sorted(q["id"] for q in lesson["questions"]) == sorted(q.id for q in many[0].questions)
    assert data[0]["count"] == len(lesson["questions"]) and lesson["slug"] == "lesson-000"


def test_question_text_cannot_break_out_of_its_script_file(many):
    lesson = many[0]
    q = dataclasses.replace(lesson.questions[0], prompt="</script><script>alert(1)</script> \u2028 & done")
    script = assignment_script(dataclasses.replace(lesson, questions=(q, *lesson.questions[1:])))
    assert "<" not in script and ">" not in script and "\u2028" not in script
    assert "\\u003c/script\\u003e" in script
