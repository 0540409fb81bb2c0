"""Assignments without accounts: the teacher site's builder makes a link; the student page it opens shows only
the chosen questions, in order, with instructions and due date, and a summary at the end. Nothing is sent."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or fail under CI=true) before any test needs it
    expect = None

from tests.browser.conftest import FIXTURE
from tests.browser.drive import feedback, progress, q

BUILDER = "site-teacher/teacher/assign.html"


@pytest.fixture(params=["http", "file"])
def builder(request, fixture_kit, open_page):
    url = fixture_kit.http(BUILDER) if request.param == "http" else fixture_kit.file(BUILDER)
    return open_page(url)


def _make_link(page) -> str:
    page.locator("#cr-as-lesson").select_option(label="A harbour strike")
    page.get_by_role("button", name="Untick all").click()
    for qid in ("q-source", "q-short", "q-find", "q-discuss"):
        page.locator(f"#cr-as-q-{qid}").check()
    # put the find question (4th in the lesson) first
    for _ in range(3):
        page.get_by_role("button", name="Move question 4 up").click()
    page.locator("input[name=cr-as-mode][value=practice]").check()
    page.get_by_label("Instructions for students").fill("Read the article first.\nThen answer <b>all</b> questions.")
    page.get_by_label("Due date").fill("2030-03-14")
    return page.get_by_label("Link for your students").input_value()


def test_builder_embeds_lesson_data_as_escaped_json(fixture_kit):
    raw = (fixture_kit.root / BUILDER).read_text(encoding="utf-8")
    assert "<script>" not in raw.split('class="cr-assign"')[1].split("</form>")[0]
    assert "data-cr-lessons=\"[{&#34;slug&#34;:&#34;tiny-harbour&#34;" in raw


def test_builder_makes_a_link_with_the_assignment_in_the_fragment(builder, fixture_kit):
    link = _make_link(builder)
    parts = urlsplit(link)
    assert parts.path.endswith(f"/site/lessons/{FIXTURE}/index.html")
    assert parts.fragment.startswith("assign?")
    params = parse_qs(parts.fragment[len("assign?"):])
    assert params["q"] == ["q-find,q-source,q-short,q-discuss"]
    assert params["m"] == ["practice"] and params["d"] == ["2030-03-14"]
    assert params["i"] == ["Read the article first.\nThen answer <b>all</b> questions."]
    assert builder.locator(".cr-as-status").inner_text() == "4 questions in the assignment."
    assert builder.get_by_role("link", name="Open the link to try it").get_attribute("href") == link


def test_builder_copies_the_link(fixture_kit, open_page):
    page = open_page(fixture_kit.http(BUILDER), permissions=["clipboard-read", "clipboard-write"])
    link = _make_link(page)
    page.get_by_role("button", name="Copy the link").click()
    expect(page.locator(".cr-as-status")).to_contain_text("Link copied")
    assert page.evaluate("navigator.clipboard.readText()") == link


def test_student_opens_the_link_answers_and_gets_a_summary(builder, open_page, fixture_kit):
    link = _make_link(builder)
    page = open_page(link, permissions=["clipboard-read", "clipboard-write"] if link.startswith("http") else [])
    shown = page.locator("section.cr-q:visible")
    assert [shown.nth(i).get_attribute("data-q") for i in range(shown.count())] == ["q-find", "q-source", "q-short", "q-discuss"]
    assert shown.first.locator(".cr-q-title").inner_text().startswith("Question 1")
    banner = page.locator(".cr-assignment")
    assert "Assignment from your teacher" in banner.inner_text() and "4 questions" in banner.inner_text()
    assert re.search(r"Due: (14 March 2030|March 14, 2030)", banner.inner_text()), "the due date, in the reader's locale"
    assert "Then answer <b>all</b> questions." in banner.inner_text(), "instructions are shown as text"
    assert page.locator(".cr-assignment b").count() == 0
    assert page.locator(".cr-mode").is_hidden(), "the teacher chose the mode"
    assert page.evaluate("document.body.dataset.crMode") == "practice"
    assert progress(page) == "0 of 3 questions answered. (1 more is for discussion.)"
    assert page.locator(".cr-summary-main").is_hidden()

    s = q(page, "q-source")
    s.get_by_label("Tom Berg").check()
    s.get_by_role("button", name="Check my answer").click()
    s.get_by_label("Ana Silva").check()
    s.get_by_role("button", name="Check my answer").click()
    q(page, "q-find").get_by_role("button", name="Choose words in the article").click()
    for w in ("Union", "leader", "Ana", "Silva"):
        idx = page.evaluate("(t) => +Array.from(document.querySelectorAll('.cr-article .cr-w')).find(w => w.textContent === t).dataset.w", w)
        page.locator(".cr-article .cr-w").nth(idx).click()
    page.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    assert "Right" in feedback(page, "q-find")
    q(page, "q-short").get_by_label("Your answer").fill("It adds 'paralyses'.")
    q(page, "q-short").get_by_role("button", name="Show the model answer").click()
    q(page, "q-short").get_by_role("button", name="Strong").click()

    assert progress(page).startswith("All 3 questions answered.")
    summary = page.locator("#cr-summary")
    assert summary.locator(".cr-summary-main").is_visible()
    page.get_by_label("Your name").fill("Ada Student")
    text = summary.inner_text()
    assert "Score on the auto-checked questions: 1 of 2 right at the first try, 2 of 2 in the end" in text
    assert "Finished: " in text and "Time on the lesson:" in text
    assert "It adds 'paralyses'." in text and "marked themself: got it" in text
    plain = page.get_by_label(re.compile("The summary as text")).input_value()
    assert re.match(r"Lesson: A harbour strike\nName: Ada Student\nDue: (14 March 2030|March 14, 2030)\n", plain)
    assert "1. Select the words that show who the source of the 300 figure is." in plain
    assert "Answer: Union leader Ana Silva" in plain and "Result: right at the first try" in plain
    assert "2. Who gives the 300 figure?" in plain and "Result: right after another try" in plain
    assert "4. Whose voices are missing?\n   (for discussion in class)" in plain
    page.get_by_role("button", name="Copy as text").click()
    expect(page.locator(".cr-copy-status")).to_contain_text(re.compile("Copied|selected"))
    if link.startswith("http"):
        assert page.evaluate("navigator.clipboard.readText()") == plain

    # print: only the summary
    page.emulate_media(media="print")
    page.evaluate("document.body.classList.add('cr-print-summary')")
    assert page.locator("section.cr-q").first.is_hidden() and page.locator("#cr-summary h2").is_visible()
    page.evaluate("document.body.classList.remove('cr-print-summary')")
    page.emulate_media(media="screen")

    # the assignment keeps its own progress, apart from the lesson's
    page.reload()
    assert progress(page).startswith("All 3 questions answered.")
    assert page.get_by_label("Your name").input_value() == "Ada Student"
    keys = page.evaluate("Object.keys(localStorage)")
    assert any(k.startswith(f"closeread:assign:{FIXTURE}:") for k in keys)
    assert f"closeread:lesson:{FIXTURE}" not in keys or json.loads(page.evaluate(f"localStorage.getItem('closeread:lesson:{FIXTURE}')"))["answered"] == 0


def test_student_can_open_the_summary_before_finishing(fixture_kit, open_page):
    page = open_page(fixture_kit.http(f"site/lessons/{FIXTURE}/index.html#assign?q=q-multi,q-sort&m=explore"))
    assert page.evaluate("document.body.dataset.crMode") == "explore"
    page.get_by_role("button", name="See my summary now").click()
    text = page.locator("#cr-summary").inner_text()
    assert "Finished: not yet (0 of 2 answered)" in text and "not answered" in text


def test_a_link_with_unknown_questions_falls_back_to_the_whole_lesson(fixture_kit, open_page):
    page = open_page(fixture_kit.http(f"site/lessons/{FIXTURE}/index.html#assign?q=nope"))
    assert page.locator("section.cr-q:visible").count() == page.locator("section.cr-q").count()
