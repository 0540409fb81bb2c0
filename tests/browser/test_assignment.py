"""Assignments without accounts: the teacher site's builder makes a link; the student page it opens shows only
the chosen questions, in order, with instructions and due date, and a summary at the end. Nothing is sent."""

from __future__ import annotations

import json
import re
from pathlib import Path
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
    # put the find question (2nd in the builder: the core set comes first) first
    page.get_by_role("button", name="Move question 2 up").click()
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
    assert builder.locator(".cr-as-status").inner_text() == "4 questions in the assignment, about 8.5 minutes (the lesson gives 10 minutes to questions)."  # 1 + 1.5 + 2 + 4
    tried = builder.get_by_role("link", name="Open the link to try it").get_attribute("href")
    if link.startswith("file:"):
        assert tried == link
    else:  # over http the teacher's try opens this site's own copy of the student pages, always served
        assert urlsplit(tried).path.endswith(f"/site-teacher/lessons/{FIXTURE}/index.html")
        assert urlsplit(tried).fragment == parts.fragment
    response = builder.goto(tried)
    assert response is None or response.ok, "the try link opens the lesson"
    assert builder.locator(".cr-assignment").is_visible()


def test_the_try_link_opens_the_lesson_when_the_teacher_site_is_served_alone(fixture_kit, open_page, _servers):
    """A web server that serves the teacher site at its root has no ../../site/: the try link must not 404."""
    from tests.browser.conftest import _serve

    teacher = _serve(fixture_kit.root / "site-teacher", _servers)
    page = open_page(teacher.http("teacher/assign.html"), served=[teacher])
    _make_link(page)
    response = page.goto(page.get_by_role("link", name="Open the link to try it").get_attribute("href"))
    assert response.ok, response.status
    assert page.locator(".cr-assignment").is_visible()
    assert page.locator(".cr-start").inner_text().startswith("Read the article, then answer the 4 questions below it.")


def test_the_opening_line_counts_the_assignments_questions(fixture_kit, open_page):
    page = open_page(fixture_kit.http(f"site/lessons/{FIXTURE}/index.html#assign?q=q-source,q-short,q-find"))
    start = page.locator(".cr-start").inner_text()
    assert start.startswith("Read the article, then answer the 3 questions below it."), start
    assert "more are there" not in page.evaluate("document.body.innerText")


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
    q(page, "q-short").get_by_label("Your answer").fill("It adds 'paralyses', a word that no source in the story uses.")
    q(page, "q-short").get_by_role("button", name="Show the model answer").click()
    q(page, "q-short").get_by_role("button", name="Strong").click()

    assert progress(page).startswith("All 3 questions answered.")
    summary = page.locator("#cr-summary")
    assert summary.locator(".cr-summary-main").is_visible()
    page.get_by_label("Your name").fill("Ada Student")
    expect(summary).to_contain_text("Score on the auto-checked questions")  # written by closeread-handin.js, loaded now
    text = summary.inner_text()
    assert "Score on the auto-checked questions: 1 of 2 right at the first try, 2 of 2 in the end" in text
    assert "Finished: " in text and "Time on the lesson:" in text
    assert "It adds 'paralyses', a word that no source in the story uses." in text and "marked themself: strong" in text
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
    expect(page.locator("#cr-summary")).to_contain_text("Finished: not yet")
    text = page.locator("#cr-summary").inner_text()
    assert "Finished: not yet (0 of 2 answered)" in text and "not answered" in text


def test_a_link_with_unknown_questions_falls_back_to_the_whole_lesson(fixture_kit, open_page):
    page = open_page(fixture_kit.http(f"site/lessons/{FIXTURE}/index.html#assign?q=nope"))
    assert page.locator("section.cr-q:visible").count() == page.locator("section.cr-q").count()


# --- the core set, minutes, skills; printing and LMS files of a selection (issue 12) ---------------

THREE = ("q-source", "q-find", "q-short")  # in the builder's order: a choice, a find and an open question with a rubric


def test_builder_starts_from_the_core_set_and_totals_its_minutes(fixture_kit, open_page):
    from closeread.validate.kit import load_kit

    lesson = next(l for l in load_kit(root=fixture_kit.root) if l.slug == FIXTURE)
    page = open_page(fixture_kit.http(BUILDER))
    page.locator("#cr-as-lesson").select_option(label="A harbour strike")
    rows = page.locator("#cr-as-list > li")
    assert [rows.nth(i).get_attribute("data-q") for i in range(rows.count())] == [q.id for q in lesson.ordered_questions]
    ticked = [rows.nth(i).get_attribute("data-q") for i in range(rows.count()) if rows.nth(i).locator("input").is_checked()]
    assert ticked == list(lesson.core)
    total = sum(q.minutes for q in lesson.core_questions)
    assert builder_status(page) == f"{len(lesson.core)} questions in the assignment, about {total:g} minutes (the lesson gives {lesson.question_phase} minutes to questions)."
    for q in lesson.ordered_questions:
        text = page.locator(f'#cr-as-list > li[data-q="{q.id}"] label').inner_text()
        assert f"{q.minutes:g} min" in text and q.skill.replace("-", " ") in text, text
        assert ("hand-written" if not q.generated else "generated") in text
    page.get_by_role("button", name="Untick all").click()
    page.get_by_role("button", name="Tick the core set").click()
    assert page.locator("#cr-as-list input:checked").count() == len(lesson.core)


def builder_status(page) -> str:
    return page.locator(".cr-as-status").inner_text()


def _tick_three(page):
    page.locator("#cr-as-lesson").select_option(label="A harbour strike")
    page.get_by_role("button", name="Untick all").click()
    for qid in THREE:
        page.locator(f"#cr-as-q-{qid}").check()


@pytest.mark.parametrize("where", ["http", "file"])
def test_a_selection_prints_as_a_clean_page(fixture_kit, open_page, tmp_path, where):
    """Three ticked questions printed from the browser (its print stylesheet): the PDF holds the article
    and exactly those three questions, and nothing of the builder's form."""
    import shutil
    import subprocess

    from closeread.validate.kit import load_kit

    if not shutil.which("pdftotext"):
        pytest.skip("pdftotext is not installed (Debian package poppler-utils)")
    lesson = next(l for l in load_kit(root=fixture_kit.root) if l.slug == FIXTURE)
    page = open_page(fixture_kit.http(BUILDER) if where == "http" else fixture_kit.file(BUILDER))
    _tick_three(page)
    pdf = tmp_path / "selection.pdf"
    pdf.write_bytes(page.pdf(format="A4"))
    text = " ".join(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout.split())
    by_id = {q.id: q for q in lesson.questions}
    for n, qid in enumerate(THREE, start=1):
        assert f"Question {n}. {' '.join(by_id[qid].prompt.split())}" in text, qid
    assert len(re.findall(r"Question \d+\.", text)) == 3
    for q in lesson.questions:
        if q.id not in THREE:
            assert " ".join(q.prompt.split()) not in text, f"an unticked question printed: {q.id}"
    for line in lesson.article.lines:
        if line.text.strip():
            assert " ".join(line.text.split()) in text, line.number
    for form_text in ("Link for your students", "Tick the core set", "Address of the student site", "Assignment builder"):
        assert form_text not in text


def test_a_selection_downloads_as_gift_and_moodle_xml(fixture_kit, open_page, tmp_path):
    """The same three questions as files made in the browser: GIFT read back by gift-pegjs, Moodle XML by
    lxml; each holds the article and exactly the three questions, with the open question's rubric."""
    from lxml import etree

    from closeread.validate.kit import load_kit
    from tests.export.test_lms import gift_parse, text_of

    lesson = next(l for l in load_kit(root=fixture_kit.root) if l.slug == FIXTURE)
    by_id = {q.id: q for q in lesson.questions}
    page = open_page(fixture_kit.http(BUILDER))
    _tick_three(page)
    got = {}
    for button, kind in (("Download GIFT", "gift"), ("Download Moodle XML", "moodle")):
        with page.expect_download() as info:
            page.get_by_role("button", name=button).click()
        got[kind] = (info.value.suggested_filename, Path(info.value.path()).read_text(encoding="utf-8"))
    assert page.locator(".cr-as-lms-status").inner_text() == "3 questions in the file."
    assert got["gift"][0] == f"{FIXTURE}-selection.gift.txt" and got["moodle"][0] == f"{FIXTURE}-selection-moodle.xml"

    parsed = gift_parse(tmp_path, got["gift"][1])
    assert parsed[0]["type"] == "Category" and parsed[1]["type"] == "Description"
    questions = parsed[2:]
    assert [text_of(q["stem"]["text"]) for q in questions][:1] == [" ".join(by_id["q-source"].prompt.split())]
    assert len(questions) == 3 and [q["type"] for q in questions] == ["MC", "Essay", "Essay"]
    assert "Repeats the headline." in text_of(questions[2]["globalFeedback"]["text"])

    root = etree.fromstring(got["moodle"][1].encode("utf-8"))
    kinds = [q.get("type") for q in root.findall("question")]
    assert kinds == ["category", "description", "multichoice", "essay", "essay"]
    assert [q.findtext("idnumber") for q in root.findall("question")[2:]] == [f"{FIXTURE}.{qid}" for qid in THREE]
    assert root.findall("question")[4].findtext("defaultgrade") == "3"
