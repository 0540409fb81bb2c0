"""Hand-in and class results (issue 21): three students in three browser contexts answer the same assignment
differently and hand in (two by code, one by file); the teacher site's results page, fed them, shows the
right table and writes the expected CSV; every bad code gets one plain line and nothing in a code runs."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import zipfile

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or fail under CI=true) before any test needs it
    expect = None

from tests.browser.conftest import FIXTURE
from tests.browser.drive import click_settled, q, target_words, word_index_of

ASSIGNMENT = "q-source,q-multi,q-sort,q-find,q-short,q-discuss"
RESULTS = "site-teacher/teacher/results.html"
WHEN = dt.datetime(2030, 3, 14, 9, 0, tzinfo=dt.timezone.utc)


def _student(open_page, fixture_kit, name: str, answer, when=WHEN):
    page = open_page(fixture_kit.http(f"site/lessons/{FIXTURE}/index.html#assign?q={ASSIGNMENT}&m=practice"))
    page.clock.set_fixed_time(when)
    page.evaluate("localStorage.clear()")
    page.reload()  # the page notes when the student started: at the fixed time
    answer(page)
    if page.locator(".cr-summary-main").is_hidden():  # a question left unanswered
        page.get_by_role("button", name="See my summary now").click()
    page.get_by_label("Your name").fill(name)
    page.locator(".cr-handin-btn").click()
    code = page.locator("#cr-handin-code")
    code.wait_for()
    assert re.fullmatch(r"CR1\.[A-Za-z0-9_-]+", code.input_value())
    return page, code.input_value()


def _choose(page, qid: str, *labels: str, check: bool = True):
    s = q(page, qid)
    s.locator("input").evaluate_all("(l) => l.forEach(i => { i.checked = false; })")
    for label in labels:
        s.get_by_label(label, exact=True).check()
    if check:
        s.get_by_role("button", name="Check my answer").click()
    return s


def _sort(page, despair: str, agitators: str):
    s = q(page, "q-sort")
    s.locator('tr[data-item="a-despair"]').get_by_label(re.compile(f"{despair}$")).check()
    s.locator('tr[data-item="a-agitators"]').get_by_label(re.compile(f"{agitators}$")).check()
    s.get_by_role("button", name="Check my answer").click()


def _find(page, words: list[int]):
    q(page, "q-find").get_by_role("button", name=re.compile("Choose (the )?words")).click()
    for w in words:
        page.locator(".cr-article .cr-w").nth(w).click()
    page.locator(".cr-findbar").get_by_role("button", name="Check these words").click()


def _short(page, text: str, level: str):
    s = q(page, "q-short")
    s.get_by_label("Your answer").fill(text)
    s.get_by_role("button", name="Show the model answer").click()
    stuck = s.get_by_role("button", name="I am stuck: see the model answer")
    if stuck.is_visible():  # a short answer: the student chooses to see the model answer anyway
        stuck.click()
    s.get_by_role("button", name=level).click()


def ana(page):
    _choose(page, "q-source", "Ana Silva")
    _choose(page, "q-multi", "reckless", "despair")
    _sort(page, "asserted", "reported")
    q(page, "q-find").get_by_role("button", name="Choose words in the article").click()
    for w in target_words(page, "a-silva"):
        page.locator(".cr-article .cr-w").nth(w).click()
    page.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    _short(page, "The headline says the city is paralysed; no source in the story says so.", "Strong")


# option letters and the order of a multiple answer follow the page, whose options the kit shuffles once
# (closeread/validate/order.py): q-multi shows despair, reckless, harbour
def ben(page):
    _choose(page, "q-source", "Tom Berg")
    _choose(page, "q-source", "Ana Silva")  # right at the second try
    _choose(page, "q-multi", "reckless", "harbour")
    q(page, "q-multi").get_by_role("button", name="Show the answer").click()
    _sort(page, "reported", "asserted")
    _short(page, '=HYPERLINK("http://example.invalid","click")', "Beginning")


def cy(page):
    _choose(page, "q-source", "Tom Berg")
    _choose(page, "q-multi", "harbour")
    _sort(page, "asserted", "reported")
    q(page, "q-find").get_by_role("button", name="Choose words in the article").click()
    for w in ("Tom", "Berg"):
        page.locator(".cr-article .cr-w").nth(word_index_of(page, w)).click()
    page.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    _short(page, 'He said, "no"\nthen left.', "Developing")


def _teacher(open_page, fixture_kit, where="http", **options):
    page = open_page(fixture_kit.http(RESULTS) if where == "http" else fixture_kit.file(RESULTS), **options)
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.locator("#cr-rs-lesson").select_option(FIXTURE)
    page.wait_for_function(f"window.closereadResults && window.closereadResults[{FIXTURE!r}]")
    return page


def _paste(page, text: str) -> list[str]:
    page.get_by_label("Paste the students' codes").fill(text)
    page.get_by_role("button", name="Add these codes").click()
    page.wait_for_function("document.getElementById('cr-rs-paste').value === ''")
    return _lines(page)


def _lines(page) -> list[str]:
    return page.locator(".cr-rs-msgs li").all_inner_texts()


def _cells(page, selector: str) -> list[list[str]]:
    return page.evaluate(
        "(s) => Array.from(document.querySelectorAll(s + ' tbody tr')).map(tr => Array.from(tr.cells).map(c => c.innerText.trim()))", selector
    )


@pytest.fixture
def class_of_three(fixture_kit, open_page, tmp_path):
    a_page, a = _student(open_page, fixture_kit, "Ana Silva-Reyes", ana)
    _, b = _student(open_page, fixture_kit, "Ben", ben)
    c_page, c = _student(open_page, fixture_kit, "<img src=x onerror=alert(1)>Cy", cy)
    with c_page.expect_download() as got:
        c_page.get_by_role("button", name="Download as a file").click()
    file = tmp_path / got.value.suggested_filename
    got.value.save_as(file)
    return {"ana": a, "ben": b, "cy": c, "cy_file": file, "ana_page": a_page}


def test_three_students_hand_in_and_the_teacher_sees_the_class(class_of_three, fixture_kit, open_page, tmp_path):
    codes = class_of_three
    assert codes["cy_file"].name == "closeread-tiny-harbour-img-src-x-onerror-alert-1-Cy.txt"
    assert f"Code: {codes['cy']}\n" in codes["cy_file"].read_text(encoding="utf-8")
    page = _teacher(open_page, fixture_kit)
    lines = _paste(page, f"Ana: {codes['ana']}\n\nBen wrote: \"{codes['ben']}\" thanks")
    assert lines[0] == "2 codes added; 2 students in the list."
    assert lines[1:] == ["Pasted text, code 2 (Ben) has a name or answer that starts like a spreadsheet formula: it is shown as text, and the CSV writes it as text."]
    page.locator("#cr-rs-files").set_input_files(str(codes["cy_file"]))
    page.wait_for_function("document.querySelectorAll('.cr-rs-students tbody tr').length === 3")
    assert _lines(page) == [
        "1 code added; 3 students in the list.",
        f"File {codes['cy_file'].name} (<img src=x onerror=alert(1)>Cy) holds markup (such as <script> or <b>): it is shown as plain text and never run.",
    ]
    stamp = "2030-03-14 09:00 UTC"
    assert _cells(page, ".cr-rs-students") == [
        ["1", "Ana Silva-Reyes", stamp, "1", "4 of 4", "right", "right", "right", "right", "self: strong", "discussion", "Remove"],
        ["2", "Ben", stamp, "1", "0 of 4", "right (2nd try)", "wrong: B, C (answer shown)", "not answered (tried, wrong)", "not answered",
         "self: beginning", "discussion", "Remove"],
        ["3", "<img src=x onerror=alert(1)>Cy", stamp, "1", "1 of 4", "not answered (tried B, wrong)", "not answered (tried C, wrong)", "right",
         "not answered (tried, wrong)", "self: developing", "discussion", "Remove"],
    ]
    perq = _cells(page, ".cr-rs-perq")
    assert [row[1:5] for row in perq] == [
        ["2 of 3 (1 left at a wrong try)", "1 (33 %)", "2 (67 %)", "B. Tom Berg (2 students)"],
        ["2 of 3 (1 left at a wrong try)", "1 (33 %)", "1 (33 %)", "C. harbour (2 students)"],
        ["2 of 3 (1 left at a wrong try)", "2 (67 %)", "2 (67 %)", "\u201chave driven workers to despair\u201d as reported (1 student)"],
        ["1 of 3 (1 left at a wrong try)", "1 (50 %)", "1 (50 %)", ""],
        ["3 of 3", "strong 1 \u00b7 developing 1 \u00b7 beginning 1", "", ""],
        ["for discussion", "", "", ""],
    ]
    assert [row[5] for row in perq[:2]] == ["No, the mayor speaks about agitators.", "A place."], "the misconception note: the wrong option's feedback"
    assert perq[0][0].startswith("Q1. Who gives the 300 figure?")

    # written answers beside the rubric; the teacher gives a level, kept in this browser
    written = page.locator("details.cr-rs-written")
    assert written.locator("summary").inner_text() == "Q5. What does the headline add? (3 answers)"
    written.locator("summary").click()
    expect(written).to_contain_text("Repeats the headline.")
    assert "Model answer:" in written.inner_text()
    answers = _cells(page, "details.cr-rs-written table:last-of-type")
    assert [r[:3] for r in answers] == [
        ["Ana Silva-Reyes", "The headline says the city is paralysed; no source in the story says so.", "strong"],
        ["Ben", '=HYPERLINK("http://example.invalid","click")', "beginning"],
        ["<img src=x onerror=alert(1)>Cy", 'He said, "no"\nthen left.', "developing"],
    ]
    page.get_by_label("Your level for Ana Silva-Reyes").select_option("developing")
    assert _cells(page, ".cr-rs-students")[0][9] == "self: strong; yours: developing"

    # printed: the tables and every written answer, without the form
    page.emulate_media(media="print")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("#cr-rs-paste").is_hidden() and page.locator(".cr-rs-remove").first.is_hidden()
    assert page.locator(".cr-rs-students").is_visible() and page.locator(".cr-rs-perq").is_visible()
    assert page.get_by_text('He said, "no"').is_visible()
    page.emulate_media(media="screen")

    with page.expect_download() as got:
        page.get_by_role("button", name=re.compile("Download as CSV")).click()
    assert got.value.suggested_filename == f"closeread-results-{FIXTURE}.csv"
    data = (tmp_path / "r.csv")
    got.value.save_as(data)
    rows = [
        ["Name", "Handed in", "Minutes", "Right at first try", "Q1 answer", "Q1 result", "Q2 answer", "Q2 result", "Q3 answer", "Q3 result",
         "Q4 answer", "Q4 result", "Q5 answer", "Q5 student's level", "Q5 teacher's level"],
        ["Ana Silva-Reyes", stamp, "1", "4 of 4", "Ana Silva", "right", "despair; reckless", "right",
         "have driven workers to despair: asserted; the strike was organised by outside agitators: reported", "right",
         "Union leader Ana Silva", "right", "The headline says the city is paralysed; no source in the story says so.", "strong", "developing"],
        ["Ben", stamp, "1", "0 of 4", "Ana Silva", "right (2nd try)", "reckless; harbour", "wrong: B, C (answer shown)",
         "have driven workers to despair: reported; the strike was organised by outside agitators: asserted", "not answered (tried, wrong)",
         "", "not answered", "'=HYPERLINK(\"\"http://example.invalid\"\",\"\"click\"\")", "beginning", ""],
        ["<img src=x onerror=alert(1)>Cy", stamp, "1", "1 of 4", "Tom Berg", "not answered (tried B, wrong)", "harbour", "not answered (tried C, wrong)",
         "have driven workers to despair: asserted; the strike was organised by outside agitators: reported", "right",
         "Tom Berg", "not answered (tried, wrong)", 'He said, ""no""\nthen left.', "developing", ""],
    ]
    expected = "\ufeff" + "".join(",".join(f'"{c}"' for c in row) + "\r\n" for row in rows)
    assert data.read_bytes() == expected.encode("utf-8")

    # read back as a spreadsheet would: the formula stays text, the quotes and line break survive
    parsed = list(csv.reader(io.StringIO(data.read_bytes().decode("utf-8-sig"), newline="")))
    assert parsed[2][12] == "'=HYPERLINK(\"http://example.invalid\",\"click\")" and parsed[3][12] == 'He said, "no"\nthen left.'

    # kept in this browser: a reload shows the same class, with the level given; Clear empties it
    page.reload()
    page.wait_for_function("document.querySelectorAll('.cr-rs-students tbody tr').length === 3")
    assert _cells(page, ".cr-rs-students")[0][9] == "self: strong; yours: developing"
    page.locator("details.cr-rs-written summary").click()
    expect(page.get_by_label("Your level for Ana Silva-Reyes")).to_have_value("developing")
    assert page.evaluate("document.querySelectorAll('.cr-rs-out img, .cr-rs-msgs img, .cr-rs-out script').length") == 0
    assert page.dialogs == []
    page.get_by_role("button", name="Clear this lesson's results").click()
    assert page.locator(".cr-rs-students").count() == 0
    assert page.evaluate(f"localStorage.getItem('closeread:results:{FIXTURE}')") is None
    page.reload()
    assert page.locator(".cr-rs-out").inner_text().strip() == "No codes yet for \u201cA harbour strike\u201d."


def test_a_wrong_try_left_open_is_not_answered_on_the_results_page_as_on_the_student_page(fixture_kit, open_page):
    # answered means one thing on both pages: right, or its answer shown; a wrong try the student could
    # still try again is not answered (the results page counted it as answered)
    def dee(page):
        _choose(page, "q-source", "Tom Berg")  # wrong, and left so
        _choose(page, "q-multi", "reckless", "harbour")
        q(page, "q-multi").get_by_role("button", name="Show the answer").click()  # answered: its answer shown
        _sort(page, "asserted", "reported")  # right

    student, code = _student(open_page, fixture_kit, "Dee", dee)
    assert student.locator(".cr-summary-facts li", has_text="Finished").inner_text() == "Finished: not yet (2 of 5 answered)"
    teacher = _teacher(open_page, fixture_kit)
    assert _paste(teacher, code) == ["1 code added; 1 student in the list."]
    perq = _cells(teacher, ".cr-rs-perq")
    assert [row[1] for row in perq] == ["0 of 1 (1 left at a wrong try)", "1 of 1", "1 of 1", "0 of 1", "0 of 1", "for discussion"]
    assert sum(int(row[1].split(" of ")[0]) for row in perq[:5]) == 2  # the student page's count
    assert [row[2] for row in perq[:3]] == ["0 (0 %)", "0 (0 %)", "1 (100 %)"]  # right at the first try, of those who tried
    assert _cells(teacher, ".cr-rs-students")[0][5:10] == [
        "not answered (tried B, wrong)", "wrong: B, C (answer shown)", "right", "not answered", "not answered"]


def _forged(page, **change) -> str:
    """A code made in the teacher page with the same encoder the student page uses."""
    return page.evaluate(
        """(change) => { const d = window.closereadResults[%r];
             const rec = Object.assign({ lesson: d.slug, version: d.version, handedIn: Date.UTC(2030, 2, 14), minutes: 3, name: "Dee",
               items: [{ i: 0, type: "single", done: true, first: true, ok: true, a: 0, f: 0 }] }, change);
             return window.closereadHandin.encode(rec); }""" % FIXTURE,
        change,
    )


def test_every_bad_code_gets_one_plain_line(class_of_three, fixture_kit, open_page):
    codes = class_of_three
    page = _teacher(open_page, fixture_kit)
    assert _paste(page, codes["ana"])[0] == "1 code added; 1 student in the list."
    ana_code = codes["ana"]
    middle = len(ana_code) // 2
    typo = ana_code[:middle] + ("A" if ana_code[middle] != "A" else "B") + ana_code[middle + 1:]
    cases = {
        "truncated": (ana_code[:-6], "is cut or mistyped (its checksum does not match): ask for it again, or for the file."),
        "cut short": (ana_code[:14], "is cut short: ask for the whole code (or the file)."),
        "mistyped": (typo, "is cut or mistyped (its checksum does not match): ask for it again, or for the file."),
        "newer": ("CR2." + ana_code[4:], "was made by a newer version of closeread than this teacher site: update the teacher site to read it."),
        "another lesson": (_forged(page, lesson="another-lesson"), "is for a lesson this teacher site does not have."),
        "older build": (_forged(page, version="0badc0de"), "was made from an older (or newer) build of this lesson, whose questions differ from these: ask the student to hand in again from the current page."),
        "impossible date": (_forged(page, handedIn=8.6e15), "is damaged: ask for it again, or for the file."),
        "another assignment": (_forged(page), "is for another set of questions of this lesson (1 question, not the 6 here): press \u201cClear\u201d to start a list for that assignment."),
        "same code twice": (ana_code, "is already in the list: not added twice."),
        "not a code": ("<b>hello</b> =SUM(A1:A3)", None),
    }
    for case, (text, line) in cases.items():
        lines = _paste(page, text)
        assert lines[0] == "0 codes added; 1 student in the list.", case
        assert len(lines) == 2, (case, lines)
        if line is None:
            assert lines[1] == "Pasted text: no hand-in code found in it (a code starts with CR1.).", case
        else:
            assert lines[1].startswith("Pasted text (") and lines[1].endswith(" " + line), (case, lines[1])
    # markup and a formula in a code: added, with one line each (the class fixture's Cy and Ben)
    lines = _paste(page, codes["cy"])
    assert len(lines) == 2 and lines[1].endswith("holds markup (such as <script> or <b>): it is shown as plain text and never run.")
    lines = _paste(page, codes["ben"])
    assert len(lines) == 2 and lines[1].endswith("starts like a spreadsheet formula: it is shown as text, and the CSV writes it as text.")

    # the same student twice: both kept and shown, not merged
    a_page = codes["ana_page"]
    a_page.clock.set_fixed_time(WHEN + dt.timedelta(minutes=5))
    a_page.locator(".cr-handin-btn").click()
    a_page.wait_for_function("(c) => document.getElementById('cr-handin-code').value !== c", arg=ana_code)
    again = a_page.locator("#cr-handin-code").input_value()
    assert _paste(page, again) == ["1 code added; 4 students in the list."]
    assert page.locator(".cr-rs-dups").inner_text() == "\u201cAna Silva-Reyes\u201d handed in 2 times (rows 1 and 4): every one is kept; remove the one you do not want."
    names = [r[1] for r in _cells(page, ".cr-rs-students")]
    assert names == ["Ana Silva-Reyes (twice)", "<img src=x onerror=alert(1)>Cy", "Ben", "Ana Silva-Reyes (twice)"]
    page.get_by_role("button", name="Remove row 4 (Ana Silva-Reyes)").click()
    assert page.locator(".cr-rs-dups").count() == 0

    # a kept code that a rebuilt site no longer reads: kept in storage, not shown, said once
    stale = _forged(page, version="0badc0de")
    page.evaluate("([k, c]) => { const d = JSON.parse(localStorage.getItem(k)); d.codes.unshift(c); localStorage.setItem(k, JSON.stringify(d)); }", [f"closeread:results:{FIXTURE}", stale])
    page.reload()
    page.wait_for_function("document.querySelectorAll('.cr-rs-students tbody tr').length === 3")
    assert _lines(page) == ["1 code kept in this browser no longer matches this lesson's questions (the site was rebuilt since): not shown; \u201cClear\u201d removes them."]
    page.get_by_role("button", name="Remove row 2 (<img src=x onerror=alert(1)>Cy)").click()
    assert [r[1] for r in _cells(page, ".cr-rs-students")] == ["Ana Silva-Reyes", "Ben"]
    kept = page.evaluate(f"JSON.parse(localStorage.getItem('closeread:results:{FIXTURE}')).codes")
    assert kept == [stale, codes["ana"], codes["ben"]]
    assert page.dialogs == [] and page.evaluate("document.querySelectorAll('.cr-rs-out img, .cr-rs-msgs img').length") == 0


def test_files_without_a_code_or_too_large_get_one_line(fixture_kit, open_page, tmp_path):
    page = _teacher(open_page, fixture_kit)
    empty = tmp_path / "notes.txt"
    empty.write_text("<script>alert(1)</script>", encoding="utf-8")
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * (1024 * 1024 + 1))
    page.locator("#cr-rs-files").set_input_files([str(empty), str(big)])
    page.wait_for_function("document.querySelectorAll('.cr-rs-msgs li').length === 3")
    assert _lines(page) == [
        "0 codes added; 0 students in the list.",
        "File notes.txt: no hand-in code found in it (a code starts with CR1.).",
        "File big.txt is too large to be a hand-in file (more than 1 MB): left out.",
    ]


def test_the_whole_lesson_hands_in_from_beside_reset_and_from_file_urls(fixture_kit, open_page):
    page = open_page(fixture_kit.file(f"site/lessons/{FIXTURE}/index.html"))
    assert page.locator("#cr-summary").is_hidden(), "no panel on a lesson page until asked for or finished"
    # once the button has stopped moving (a clean-clone run under load released the click elsewhere)
    click_settled(page, page.get_by_role("button", name="Hand in my work"))
    expect(page.locator("#cr-summary")).to_be_visible()
    page.locator(".cr-handin-btn").click()
    assert page.locator(".cr-handin-status").inner_text() == "Type your name first, so that your teacher knows whose work this is."
    page.get_by_label("Your name").fill("Eve")
    page.locator(".cr-handin-btn").click()
    code = page.locator("#cr-handin-code")
    code.wait_for()
    teacher = _teacher(open_page, fixture_kit, "file")
    assert _paste(teacher, code.input_value()) == ["1 code added; 1 student in the list."]
    assert teacher.locator(".cr-rs-out p").first.inner_text() == "The lesson's core set: 8 questions."


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_results_page_has_no_axe_violation(class_of_three, fixture_kit, open_page, scheme):
    from tests.browser.test_site import _axe

    page = _teacher(open_page, fixture_kit, color_scheme=scheme)
    assert _axe(page) == [], "empty"
    _paste(page, f"{class_of_three['ana']} {class_of_three['ben']} {class_of_three['cy']} CR1.broken")
    page.locator("details.cr-rs-written summary").click()
    expect(page.locator("details.cr-rs-written select").first).to_be_visible()
    assert _axe(page) == [], "with a class, a bad code and the written answers open"
    assert _axe(class_of_three["ana_page"]) == [], "the student page with its hand-in code"


def test_the_keys_stay_out_of_the_student_site(fixture_kit):
    assert not list((fixture_kit.root / "site").rglob("results.js"))
    assert not (fixture_kit.root / "site" / "teacher").exists()
    data = (fixture_kit.root / "site-teacher" / "teacher" / FIXTURE / "results.js").read_text(encoding="utf-8")
    assert '"note":"No, the mayor speaks about agitators."' in data and '"ok":true' in data


def test_csv_makes_every_formula_start_inert(fixture_kit, open_page):
    page = _teacher(open_page, fixture_kit)
    starts = ["=1+1", "+1", "-1", "@SUM(A1)", "\t1", "\r1", "a=1", "Zoë \u00e9t\u00e9 \u4e2d"]
    codes = [
        _forged(page, name=name, items=[{"i": 2, "type": "short", "done": True, "self": 3, "text": name}])
        for name in starts
    ]
    lines = _paste(page, "\n".join(codes))
    assert lines[0] == "8 codes added; 8 students in the list."
    assert len(lines) == 1 + 6, "one caution line for each code that starts like a formula"
    text = page.evaluate("window.closereadResultsPage.csv()")
    assert text.startswith("\ufeff\"Name\",")
    want = ["'=1+1", "'+1", "'-1", "'@SUM(A1)", "'\t1", "'\r1", "a=1", "Zoë \u00e9t\u00e9 \u4e2d"]
    rows = list(csv.reader(io.StringIO(text[1:], newline="")))[1:]
    assert [r[0] for r in rows] == want and [r[4] for r in rows] == want


def test_hand_in_from_the_lessons_cartridge_page(fixture_kit, open_page, tmp_path):
    """Inside an LMS the page has no folder to load closeread-handin.js from: the cartridge's page holds it."""
    data = (fixture_kit.root / f"site-teacher/teacher/{FIXTURE}/{FIXTURE}.imscc").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(tmp_path)
    page = open_page((tmp_path / FIXTURE / "index.html").as_uri(), served=[])
    _choose(page, "q-source", "Ana Silva")
    page.get_by_role("button", name="Hand in my work").click()
    page.get_by_label("Your name").fill("Fay")
    page.locator(".cr-handin-btn").click()
    code = page.locator("#cr-handin-code")
    code.wait_for()
    assert [u for u in page.recorder.seen if not u.startswith("file://")] == []
    teacher = _teacher(open_page, fixture_kit)
    assert _paste(teacher, code.input_value()) == ["1 code added; 1 student in the list."]
    assert _cells(teacher, ".cr-rs-students")[0][1:6] == ["Fay", _cells(teacher, ".cr-rs-students")[0][2], "1", "1 of 7", "right"]
