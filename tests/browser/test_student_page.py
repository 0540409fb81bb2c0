"""The student page in Chromium: every question type answered right and wrong, find-in-text by mouse, touch,
selection and keyboard, hints, practice and explore modes, popovers, progress, reset, the catalogue, and the
page without JavaScript. Against the fixture lesson, served over HTTP and opened from file://."""

from __future__ import annotations

import re

import pytest

from tests.browser.conftest import FIXTURE, PHONE
from tests.browser.drive import explore, feedback, page_key, progress, q, target_words, word_index_of

PAGE = f"site/lessons/{FIXTURE}/index.html"


@pytest.fixture(params=["http", "file"])
def student(request, fixture_kit, open_page):
    url = fixture_kit.http(PAGE) if request.param == "http" else fixture_kit.file(PAGE)
    return open_page(url)


def test_the_script_opens_each_choice_as_python_does(student):
    """``closeread.open`` (the page's one way to an answer) agrees with Python's ``open_choice`` on every
    choice the page offers, and the key decoded whole holds no answer."""
    in_js = student.evaluate(
        """() => {
          const out = {};
          for (const s of document.querySelectorAll('section.cr-q')) {
            const id = s.dataset.q, opened = {};
            s.querySelectorAll('.cr-option input').forEach((i) => { opened[i.value] = closeread.open(id, i.value); });
            s.querySelectorAll('tr[data-item]').forEach((tr) => ['reported', 'asserted'].forEach((st) => {
              opened[tr.dataset.item + '=' + st] = closeread.open(id, tr.dataset.item + '=' + st); }));
            if (s.dataset.type === 'find' || s.dataset.type === 'short') opened[''] = closeread.open(id, '');
            out[id] = opened;
          }
          return out;
        }"""
    )
    key = page_key(student)
    for qid, opened in in_js.items():
        for choice, got in opened.items():
            k = key[qid]
            if "c" in k:  # the explanation comes with one right option only
                x = got["explanation"] if choice in k["c"] and got["explanation"] == k["x"] else ""
                assert got == {"correct": choice in k["c"], "feedback": k["f"][choice], "explanation": x, "model": "", "answer": "", "rubric": []}
            elif "s" in k:
                item, stance = choice.split("=")
                assert got["correct"] == (k["s"][item] == stance)
                assert got["explanation"] == (k["x"] if got["correct"] and item == next(iter(k["s"])) else "")
            else:
                assert got == {"correct": False, "feedback": "", "explanation": k["x"], "model": k.get("m", ""), "answer": k.get("a", ""), "rubric": k.get("r", [])}
    assert key["q-find"]["a"] == "a-silva"
    assert student.evaluate("() => closeread.open('q-source', 'o99')") is None
    whole = student.evaluate(
        "() => JSON.stringify(closeread.decodeKey(document.querySelector('.cr-key-data').dataset.crKey, +document.querySelector('.cr-lesson').dataset.crSalt))"
    )
    for secret in ("Yes, the union leader.", "The union leader gives it", "It says the city is paralysed", '"a":"a-silva"', '"ok"', '"asserted"'):
        assert secret not in whole


def test_single_choice_feedback_for_the_option_chosen(student):
    s = q(student, "q-source")
    assert s.locator("details.cr-answer-locked").is_hidden(), "with JavaScript the page checks the answer itself"
    s.get_by_label("Tom Berg").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-source")
    assert "Not quite" in text and "No, the mayor speaks about agitators." in text
    assert "not right" in s.locator("label", has_text="Tom Berg").inner_text()
    assert "The union leader gives it" not in text, "the explanation waits for a right answer"
    s.get_by_label("Ana Silva").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-source")
    assert text.startswith("✓ Right.") and "Yes, the union leader." in text and "The union leader gives it." in text


def test_single_choice_show_the_answer_after_a_wrong_try(student):
    s = q(student, "g-a-photo")
    s.get_by_label("Yes, it shows the event").check()
    s.get_by_role("button", name="Check my answer").click()
    s.get_by_role("button", name="Show the answer").click()
    text = feedback(student, "g-a-photo")
    assert "The answer: No, it shows something else" in text


def test_multiple_choice_feedback_for_each_option_chosen(student):
    explore(student)  # q-multi is in "more practice", which opens after the core set or in Explore
    s = q(student, "q-multi")
    s.get_by_label("reckless").check()
    s.get_by_label("harbour").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-multi")
    assert "Partly right" in text
    assert "reckless: right. A judgement." in text and "harbour: not right. A place." in text
    assert "a right answer you have not chosen" in text
    s.get_by_label("harbour").uncheck()
    s.get_by_label("despair").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-multi")
    assert "Right: you chose all the right answers" in text and "An emotion." in text


def test_sort_claims_into_reported_and_asserted(student):
    explore(student)
    s = q(student, "q-sort")
    s.get_by_role("button", name="Check my answer").click()
    assert "Sort every claim first (2 left)" in feedback(student, "q-sort")
    s.get_by_label("have driven workers to despair: reported").check()
    s.get_by_label("the strike was organised by outside agitators: reported").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-sort")
    # the first wrong try says how many rows are right, not which: no row to flip without thinking
    assert "1 of 2 sorted right" in text and "after your next try each row is marked" in text
    assert "not right" not in text and s.locator(".cr-opt-mark").count() == 0
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-sort")
    assert "1 of 2 sorted right" in text and "despair” : you chose reported (not right)".replace(" :", ":") in text
    assert s.locator(".cr-opt-mark.cr-opt-no").count() == 1
    s.get_by_label("have driven workers to despair: asserted").check()
    s.get_by_role("button", name="Check my answer").click()
    text = feedback(student, "q-sort")
    assert "Right: every claim is sorted correctly." in text and "One is asserted, one reported." in text


def _choose(page, *words):
    for w in words:
        page.locator(".cr-article .cr-w[role=checkbox]").nth(word_index_of(page, w)).click()


def test_find_in_text_by_clicking_words(student):
    s = q(student, "q-find")
    s.get_by_role("button", name="Choose words in the article").click()
    bar = student.locator(".cr-findbar")
    assert bar.is_visible()
    assert student.locator(".cr-article mark.cr-ann[role=button]").count() == 0, "highlights give the answer away"
    _choose(student, "Mayor", "Tom")
    assert "2 words chosen: “Mayor Tom”" in bar.inner_text()
    bar.get_by_role("button", name="Check these words").click()
    text = feedback(student, "q-find")
    assert "Not these words" in text and "You chose: “Mayor Tom”" in text
    assert student.locator("mark.cr-found").count() == 0
    s.get_by_role("button", name="Choose the words again").click()
    student.locator(".cr-findbar").get_by_role("button", name="Clear").click()
    _choose(student, "leader", "Ana", "Silva")  # overlap, not the exact characters
    student.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    text = feedback(student, "q-find")
    assert "Right: you found the words." in text
    assert "The words: “Union leader Ana Silva” (line 6)" in text
    assert student.locator('mark.cr-found[data-ann~="a-silva"]').count() == 1, "the span is shown"


def test_find_in_text_near_miss_and_show_answer(student):
    q(student, "q-find").get_by_role("button", name="Choose words in the article").click()
    _choose(student, "Silva", "said", "that", "about", "300", "workers", "joined")
    student.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    assert "Close: your words overlap the answer" in feedback(student, "q-find")
    q(student, "q-find").get_by_role("button", name="Show the answer").click()
    assert "The words: “Union leader Ana Silva”" in feedback(student, "q-find")


def test_find_in_text_with_the_answer_among_too_many_words(student):
    q(student, "q-find").get_by_role("button", name="Choose words in the article").click()
    _choose(student, "Union", "leader", "Ana", "Silva", "said", "that", "about", "300", "workers", "joined")
    student.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    text = feedback(student, "q-find")
    assert "Close: your words include the answer, but many other words too. Choose fewer words" in text, text


def test_find_in_text_from_a_text_selection(student):
    q(student, "q-find").get_by_role("button", name="Choose words in the article").click()
    student.evaluate(
        """() => { const m = document.querySelector('mark.cr-ann[data-ann="a-silva"]'); const r = document.createRange();
                   r.selectNodeContents(m); const s = getSelection(); s.removeAllRanges(); s.addRange(r); }"""
    )
    student.locator(".cr-findbar").get_by_role("button", name="Check these words").click()
    assert "Right: you found the words." in feedback(student, "q-find")


def test_find_in_text_by_touch_on_a_phone(fixture_kit, open_page):
    page = open_page(fixture_kit.http(PAGE), viewport=PHONE, has_touch=True, is_mobile=True)
    q(page, "q-find").get_by_role("button", name="Choose words in the article").tap()
    for w in ("Union", "leader", "Ana", "Silva"):
        page.locator(".cr-article .cr-w").nth(word_index_of(page, w)).tap()
    bar = page.locator(".cr-findbar")
    assert "4 words chosen" in bar.inner_text()
    bar.get_by_role("button", name="Check these words").tap()
    assert "Right: you found the words." in feedback(page, "q-find")


def test_find_in_text_with_the_keyboard(student):
    q(student, "q-find").get_by_role("button", name="Choose words in the article").focus()
    student.keyboard.press("Enter")
    words = target_words(student, "a-silva")
    cur = int(student.evaluate("document.activeElement.dataset.w"))
    for _ in range(words[0] - cur):
        student.keyboard.press("ArrowRight")
    student.keyboard.press("Space")
    for _ in words[1:]:
        student.keyboard.press("Shift+ArrowRight")
    assert student.evaluate("document.activeElement.getAttribute('role')") == "checkbox"
    student.keyboard.press("Tab")
    assert student.evaluate("document.activeElement.textContent") == "Check these words"
    student.keyboard.press("Enter")
    assert "Right: you found the words." in feedback(student, "q-find")
    assert student.evaluate("document.activeElement.classList.contains('cr-feedback')")
    # Escape leaves word choosing and returns to the button
    q(student, "q-find").get_by_role("button", name="Choose the words again").focus()
    student.keyboard.press("Enter")
    student.keyboard.press("Escape")
    assert student.locator(".cr-findbar").count() == 0
    assert student.evaluate("document.activeElement.textContent") == "Choose the words again"


def test_short_answer_write_reveal_and_mark_yourself(student):
    s = q(student, "q-short")
    s.get_by_role("button", name="Show the model answer").click()
    assert "Write your answer first" in feedback(student, "q-short")
    s.get_by_label("Your answer").fill("The headline says the city is paralysed, but no one in the story says so.")
    s.get_by_role("button", name="Show the model answer").click()
    text = feedback(student, "q-short")
    assert "It says the city is paralysed, which no source says." in text
    rubric = s.locator(".cr-rubric-box")
    assert rubric.is_visible() and "Names what the headline adds" in rubric.inner_text(), "the rubric shows once answered"
    assert "no one in the story says the city stopped" in rubric.inner_text(), "each level's sample shows once answered"
    s.get_by_role("button", name="Developing").click()
    assert s.get_by_role("button", name="Developing").get_attribute("aria-pressed") == "true"
    assert s.get_by_role("button", name="Strong").get_attribute("aria-pressed") == "false"


def test_rubric_waits_until_the_student_has_answered(student):
    s = q(student, "q-short")
    assert s.locator(".cr-rubric-box").is_hidden()
    assert "no one in the story says the city stopped" not in student.content(), "the samples are not in the page before"
    assert "headline says ... but the story only says" in s.inner_text(), "sentence starters are there from the start"


def test_discussion_is_a_prompt_without_an_answer(student):
    explore(student)
    s = q(student, "q-discuss")
    assert "Whose voices are missing?" in s.inner_text()
    assert "no single right answer" in s.inner_text()
    assert s.locator("button").count() == 0
    assert "Managers and city officials" not in student.content()


def test_hints_come_one_at_a_time(student):
    s = q(student, "q-source")
    assert s.locator(".cr-hint").first.is_hidden()
    s.get_by_role("button", name="Show a hint").click()
    assert s.locator(".cr-hint").first.is_visible()
    assert "Look for a name next to the number." in s.locator(".cr-hint").first.inner_text()
    assert s.get_by_role("button", name=re.compile("hint")).is_hidden(), "the only hint is shown"


def test_practice_mode_hides_notes_until_answered_and_explore_shows_them(student):
    assert student.locator("input[name=cr-mode][value=practice]").is_checked()
    assert student.locator(".cr-article mark.cr-ann[role=button]").count() == 0
    assert student.locator(".cr-article a.cr-ref:visible").count() == 0
    assert student.locator(".cr-practice-msg").is_visible()
    assert student.locator("#note-a-300").is_hidden()
    s = q(student, "g-a-300")
    s.get_by_label("Ana Silva").check()
    s.get_by_role("button", name="Check my answer").click()
    assert student.locator('mark.cr-ann[data-ann="a-300"][role=button]').count() == 1, "answered: its span is shown"
    assert student.locator("#note-a-300").is_visible()
    assert student.locator("#note-a-reckless").is_hidden()
    # Explore asks first while questions are unanswered, and says what it shows
    student.locator("input[name=cr-mode][value=explore]").click()
    ask = student.locator(".cr-explore-ask")
    assert ask.is_visible() and "give away the answers" in ask.inner_text()
    assert student.locator("input[name=cr-mode][value=practice]").is_checked(), "Practice until the student says yes"
    assert student.locator("#note-a-reckless").is_hidden()
    ask.get_by_role("button", name="Keep practising").click()
    assert student.locator("input[name=cr-mode][value=practice]").is_checked() and ask.is_hidden()
    explore(student)
    assert student.locator("#note-a-reckless").is_visible()
    # Explore opens on one layer, who says what; the legend adds the others
    shown = student.eval_on_selector_all(".cr-article mark.cr-ann[role=button]", "ms => ms.map(m => m.dataset.show)")
    assert shown and set(shown) <= {"source", "figure", "quote"}
    layer = student.locator(".cr-legend li:not([hidden]) button[aria-pressed=false]")
    while layer.count():
        layer.first.click()
    assert student.locator(".cr-article mark.cr-ann[role=button]").count() == student.locator(".cr-article mark.cr-ann").count()
    student.reload()
    assert student.locator("input[name=cr-mode][value=explore]").is_checked(), "the mode is remembered"


def test_popover_opens_with_keyboard_and_escape_returns_focus(student):
    explore(student)
    student.locator(".cr-legend").get_by_role("button", name=re.compile("Loaded language")).click()
    mark = student.locator('mark.cr-ann[data-ann="a-reckless"]')
    assert "loaded language" in mark.get_attribute("aria-label"), "the kind is announced, not only coloured"
    mark.focus()
    student.keyboard.press("Space")
    pop = student.get_by_role("dialog", name=re.compile("^Note|notes on"))
    assert pop.is_visible() and "Reckless is a judgement." in pop.inner_text() and "Loaded language" in pop.inner_text()
    assert mark.get_attribute("aria-expanded") == "true"
    student.keyboard.press("Escape")
    assert student.get_by_role("dialog", name=re.compile("^Note|notes on")).count() == 0
    assert student.evaluate("document.activeElement.dataset.ann") == "a-reckless"
    student.locator('mark.cr-ann[data-ann="a-quote"]').click()
    assert "The union leader's words." in student.get_by_role("dialog", name=re.compile("^Note|notes on")).inner_text()
    student.get_by_role("dialog", name=re.compile("^Note|notes on")).get_by_role("button", name="Close").click()
    assert student.get_by_role("dialog", name=re.compile("^Note|notes on")).count() == 0


def test_legend_filters_highlights_by_kind(student):
    explore(student)
    claim = student.locator(".cr-legend").get_by_role("button", name=re.compile("Claim"))
    assert claim.get_attribute("aria-pressed") == "false", "claims are not in the first layer"
    assert student.locator('mark.cr-ann[data-ann="a-despair"]').get_attribute("role") is None
    claim.click()
    assert student.locator('mark.cr-ann[data-ann="a-despair"]').get_attribute("role") == "button"
    student.locator(".cr-legend").get_by_role("button", name=re.compile("Loaded language")).click()
    claim.click()
    assert claim.get_attribute("aria-pressed") == "false"
    assert student.locator('mark.cr-ann[data-ann="a-despair"]').get_attribute("role") is None
    assert student.locator('a.cr-ref[data-ann="a-despair"]').is_hidden()
    assert student.locator('mark.cr-ann[data-ann="a-reckless"]').get_attribute("role") == "button"
    claim.click()
    assert student.locator('mark.cr-ann[data-ann="a-despair"]').get_attribute("role") == "button"


def _countable(page) -> int:
    """The progress counts the core set: the questions the class works."""
    return page.locator("section.cr-q[data-core]:not([data-type=discussion])").count()


def test_progress_is_kept_after_reload_and_can_be_reset(student):
    n = _countable(student)
    assert progress(student).startswith(f"0 of {n} questions answered.")
    s = q(student, "q-source")
    s.get_by_label("Ana Silva").check()
    s.get_by_role("button", name="Check my answer").click()
    q(student, "q-short").get_by_label("Your answer").fill("A draft answer that is long enough to compare with the model answer.")
    q(student, "q-short").get_by_role("button", name="Show the model answer").click()
    assert progress(student).startswith(f"2 of {n} questions answered.")
    student.reload()
    assert progress(student).startswith(f"2 of {n} questions answered.")
    assert q(student, "q-source").get_by_label("Ana Silva").is_checked()
    assert "Right." in feedback(student, "q-source")
    assert q(student, "q-short").get_by_label("Your answer").input_value() == "A draft answer that is long enough to compare with the model answer."
    student.get_by_role("button", name="Reset my answers").click()
    student.get_by_role("button", name="Keep them").click()
    assert progress(student).startswith(f"2 of {n} questions answered.")
    student.get_by_role("button", name="Reset my answers").click()
    student.get_by_role("button", name="Clear my answers").click()
    assert f"0 of {n} questions answered." in progress(student)
    assert not q(student, "q-source").get_by_label("Ana Silva").is_checked()
    assert feedback(student, "q-source") == ""
    student.reload()
    assert progress(student).startswith(f"0 of {n} questions answered.")
    assert student.evaluate("Object.keys(localStorage).filter(k => k.startsWith('closeread:lesson:'))") == ["closeread:lesson:tiny-harbour"]


def test_catalogue_shows_which_lessons_are_done(fixture_kit, open_page):
    page = open_page(fixture_kit.http("site/lessons/index.html"))
    cell = page.locator(f'[data-cr-progress="{FIXTURE}"]')
    assert cell.inner_text() == "not started"
    page.evaluate(
        f"localStorage.setItem('closeread:lesson:{FIXTURE}', JSON.stringify({{v: 1, answers: {{}}, total: 18, answered: 5}}))"
    )
    page.reload()
    assert page.locator(f'[data-cr-progress="{FIXTURE}"]').inner_text() == "5 of 18 answered"
    page.evaluate(
        f"localStorage.setItem('closeread:lesson:{FIXTURE}', JSON.stringify({{v: 1, answers: {{}}, total: 18, answered: 18}}))"
    )
    page.reload()
    assert "done" in page.locator(f'[data-cr-progress="{FIXTURE}"]').inner_text()


def test_without_javascript_the_page_is_in_practice(fixture_kit, open_page):
    """Without JavaScript nothing checks an answer, so nothing answers one: no mark, marker, role label or
    note shows, a plain line says why, and the questions are there to answer on paper."""
    page = open_page(fixture_kit.http(PAGE), java_script_enabled=False)
    assert page.locator(".cr-toolbar").is_hidden()
    assert page.locator("section.cr-q").count() >= 6
    assert page.locator("section.cr-q .cr-prompt").first.is_visible()
    nojs = page.locator(".cr-nojs")
    assert nojs.is_visible() and "needs JavaScript" in nojs.inner_text() and "teacher" in nojs.inner_text()
    page.evaluate("document.querySelectorAll('details').forEach(d => d.open = true)")
    visible = page.evaluate("document.body.innerText")
    assert page.locator(".cr-note").count() == 0, "the notes are in a <template>, which only the script puts in"
    assert page.locator(".cr-role-label:visible, a.cr-ref:visible, .cr-legend:visible").count() == 0
    assert "Reckless is a judgement." not in visible and "The union leader's words." not in visible
    marked = page.evaluate("getComputedStyle(document.querySelector('mark.cr-ann')).textDecorationLine")
    assert marked == "none", "a mark looks like the text around it"
    assert "ask your teacher" in page.locator("#key-points").text_content()
    locked = q(page, "q-source").locator("details.cr-answer")  # opened above
    assert "check your answer with your teacher" in locked.inner_text()
    assert "Yes, the union leader" not in page.content()


def test_a_written_answer_field_is_there_without_javascript_and_put_in_after_the_load_with_it(fixture_kit, open_page):
    """A text field in a content-visibility-skipped question makes Chromium lay that question out after
    DOMContentLoaded, one frame each, before the load (devdocs/performance.md): the page holds each field in a
    <noscript>, which the script replaces after the load. Without JavaScript the fields show and take text."""
    page = open_page(fixture_kit.http(PAGE), java_script_enabled=False)
    fields = page.locator("section.cr-q[data-type=short] textarea.cr-short")
    assert fields.count() == page.locator("section.cr-q[data-type=short]").count() > 0
    fields.first.scroll_into_view_if_needed()
    fields.first.fill("Written on a school laptop without scripts.")
    assert fields.first.input_value() == "Written on a school laptop without scripts."

    page = open_page("about:blank")
    page.add_init_script("document.addEventListener('DOMContentLoaded', () => { window.crFieldsAtReady = document.querySelectorAll('textarea').length; })")
    page.goto(fixture_kit.http(PAGE))
    page.wait_for_function("document.documentElement.classList.contains('cr-js')")
    assert page.evaluate("window.crFieldsAtReady") == 0, "a text field was in the page as it loaded"
    made = page.locator("section.cr-q[data-type=short] textarea.cr-short")
    assert made.count() == page.locator("section.cr-q[data-type=short]").count()
    assert page.locator("noscript.cr-later").count() == 0
    for i in range(made.count()):  # each field as the build wrote it: labelled, described, counting words
        field = made.nth(i)
        fid = field.get_attribute("id")
        assert page.locator(f"label[for='{fid}']").count() == 1
        assert field.get_attribute("data-min-words") == "10"
