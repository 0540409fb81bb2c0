"""What a teacher and a student found working through the seed lesson in Practice mode, in Chromium.

A gloss opened on a phone hides no other glossed word and no line below it; a question tried wrongly
is not "answered" (its note, the marks and the folds after the questions wait until it is right or its
answer is shown); a written answer's model answer waits for a real try, or for the student to choose
to see it; the question count names the question in view. Screenshots (phone and desktop) go to
$CLOSEREAD_SHOTS (default /tmp/closeread-shots).
"""

from __future__ import annotations

import json
import re

import pytest

try:
    from playwright.sync_api import expect
except ImportError:  # the fixtures skip (or fail under CI=true) before any test needs it
    expect = None

from tests.browser.conftest import DESKTOP, SEED
from tests.browser.drive import page_key, progress, q
from tests.browser.test_site import SHOTS, _axe

PAGE = f"site/lessons/{SEED}/index.html"
PHONE_390 = {"width": 390, "height": 844}
LAST_CORE = "g-cl-counteroffensive"  # the seed's last core question, a single choice on its own annotation


def _rect(locator) -> dict:
    return locator.evaluate("e => { const r = e.getBoundingClientRect(); return { top: r.top, bottom: r.bottom, left: r.left, right: r.right }; }")


def _overlap(a: dict, b: dict) -> bool:
    return a["top"] < b["bottom"] and b["top"] < a["bottom"] and a["left"] < b["right"] and b["left"] < a["right"]


def _covered_by(page, pop) -> list[str]:
    """What of the article the open gloss hides: other gloss buttons and lines of text (their own boxes)."""
    return page.evaluate(
        """(pop) => {
          const p = pop.getBoundingClientRect(), out = [];
          const hit = (r) => r.width && r.height && r.top < p.bottom && p.top < r.bottom && r.left < p.right && p.left < r.right;
          for (const b of document.querySelectorAll('.cr-gloss-btn')) {
            if (pop.closest('.cr-gloss').contains(b)) continue;
            if (hit(b.getBoundingClientRect())) out.push('gloss ' + b.textContent.trim());
          }
          const own = pop.closest('.cr-line');
          for (const line of document.querySelectorAll('.cr-article .cr-line')) {
            if (line === own) continue;
            for (const r of Array.from(line.querySelector('.cr-text') ? line.querySelector('.cr-text').getClientRects() : [])) {
              if (hit(r)) { out.push('line ' + line.dataset.line); break; }
            }
          }
          return out;
        }""",
        pop.element_handle(),
    )


@pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["phone-390", "desktop"])
def test_an_open_gloss_hides_no_other_word_and_another_gloss_opens_at_one_tap(shipped_kit, open_page, viewport):
    phone = viewport is PHONE_390
    page = open_page(shipped_kit.http(PAGE), viewport=viewport, has_touch=phone, is_mobile=phone)
    liberate = page.get_by_role("button", name="What does “liberate” mean?")
    tap = (lambda b: b.tap()) if phone else (lambda b: b.click())
    tap(liberate)
    pop = page.locator("#" + liberate.get_attribute("aria-describedby"))
    assert pop.is_visible() and liberate.get_attribute("aria-expanded") == "true"
    assert pop.evaluate("e => parseFloat(getComputedStyle(e).fontSize)") >= 15, "readable"
    assert _covered_by(page, pop) == [], "the open meaning hides words of the article"
    name = "phone" if phone else "desktop"
    page.screenshot(path=str(SHOTS / f"gloss-open-{name}.png"))
    # the next line's glossed word is there to be tapped: one tap switches to it
    desertions = page.get_by_role("button", name="What does “desertions” mean?")
    box = desertions.bounding_box()
    at = page.evaluate("([x, y]) => { const e = document.elementFromPoint(x, y); return e && e.closest('.cr-gloss-btn') ? e.closest('.cr-gloss-btn').textContent : (e ? e.className : ''); }",
                       [box["x"] + box["width"] / 2, box["y"] + box["height"] / 2])
    assert "desertions" in at, f"the next gloss is under something: {at}"
    tap(desertions)
    assert desertions.get_attribute("aria-expanded") == "true", "one tap opens the other gloss"
    assert liberate.get_attribute("aria-expanded") == "false" and pop.is_hidden()
    other = page.locator("#" + desertions.get_attribute("aria-describedby"))
    assert other.is_visible() and _covered_by(page, other) == []
    page.screenshot(path=str(SHOTS / f"gloss-switched-{name}.png"))
    # a tap elsewhere closes it, and the article's lines are back where they were
    tap(page.locator("h1"))
    assert other.is_hidden() and desertions.get_attribute("aria-expanded") == "false"


def test_a_gloss_by_keyboard_opens_closes_on_escape_and_on_leaving(shipped_kit, open_page):
    page = open_page(shipped_kit.http(PAGE), viewport=PHONE_390)
    regime = page.get_by_role("button", name="What does “regime” mean?")
    regime.focus()
    pop = page.locator("#" + regime.get_attribute("aria-describedby"))
    page.keyboard.press("Enter")
    assert pop.is_visible() and _covered_by(page, pop) == []
    page.keyboard.press("Escape")
    assert pop.is_hidden() and page.evaluate("document.activeElement.getAttribute('aria-describedby')") == regime.get_attribute("aria-describedby")
    page.keyboard.press("Space")
    assert pop.is_visible()
    page.keyboard.press("Tab")  # on to the next gloss button: this one closes
    assert pop.is_hidden()
    line = page.locator('.cr-line[data-line="3"]')
    assert line.evaluate("e => e.style.marginBottom") == "", "the room made for the meaning goes with it"
    assert _axe(page) == []


def _answer_all_core_but_the_last(page) -> None:
    """Every core question but the last answered right, as the page keeps it (a reload reads it back)."""
    key = page_key(page)
    core = page.eval_on_selector_all("section.cr-q[data-core]", "els => els.map(e => [e.dataset.q, e.dataset.type])")
    answers = {}
    for qid, qtype in core:
        if qid == LAST_CORE:
            continue
        if qtype == "short":
            answers[qid] = {"done": True, "shown": True, "first": True, "self": "yes", "text": "A written answer of mine."}
        elif qtype == "sort":
            answers[qid] = {"done": True, "ok": True, "first": True, "v": key[qid]["s"]}
        else:
            answers[qid] = {"done": True, "ok": True, "first": True, "v": key[qid]["c"]}
    data = {"v": 1, "answers": answers, "started": 1}
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [f"closeread:lesson:{SEED}", json.dumps(data)])
    page.reload()


def test_a_wrong_last_answer_opens_nothing_until_it_is_right_or_shown(shipped_kit, open_page):
    page = open_page(shipped_kit.http(PAGE), viewport=DESKTOP)
    key = page_key(page)
    _answer_all_core_but_the_last(page)
    assert progress(page).startswith("8 of 9 questions answered")
    last = q(page, LAST_CORE)
    wrong = next(i.get_attribute("value") for i in last.locator(".cr-option input").all() if i.get_attribute("value") not in key[LAST_CORE]["c"])
    last.locator(f'input[value="{wrong}"]').check()
    last.get_by_role("button", name="Check my answer").click()
    assert "Not quite" in last.locator(".cr-feedback").inner_text()
    # the question can still be tried again: nothing that answers it shows
    assert page.evaluate("document.body.dataset.crOpen") == "false"
    assert page.locator("#note-cl-counteroffensive").is_hidden()
    assert page.locator(".cr-role-label:visible").count() == 0
    assert page.locator("#key-points.cr-locked").count() == 1, "key points stay closed"
    assert progress(page).startswith("8 of 9 questions answered"), progress(page)
    page.locator("input[name=cr-mode][value=explore]").click()
    assert page.locator(".cr-explore-ask").is_visible(), "Explore still asks first"
    page.locator(".cr-explore-no").click()
    last.scroll_into_view_if_needed()
    assert re.search(r"· 8 answered$", page.locator(".cr-sticky").inner_text())
    page.screenshot(path=str(SHOTS / "practice-wrong-last-desktop.png"))
    # right at the second try: now the core set is answered
    last.locator(f'input[value="{key[LAST_CORE]["c"][0]}"]').check()
    last.get_by_role("button", name="Check my answer").click()
    assert progress(page).startswith("All 9 questions answered.")
    assert page.evaluate("document.body.dataset.crOpen") == "true"
    assert page.locator("#note-cl-counteroffensive").is_visible()
    assert page.locator("#key-points.cr-locked").count() == 0


def test_showing_the_answer_counts_as_answered(shipped_kit, open_page):
    page = open_page(shipped_kit.http(PAGE), viewport=PHONE_390)
    key = page_key(page)
    _answer_all_core_but_the_last(page)
    last = q(page, LAST_CORE)
    wrong = next(i.get_attribute("value") for i in last.locator(".cr-option input").all() if i.get_attribute("value") not in key[LAST_CORE]["c"])
    last.locator(f'input[value="{wrong}"]').check()
    last.get_by_role("button", name="Check my answer").click()
    assert page.evaluate("document.body.dataset.crOpen") == "false"
    assert "Try 1 again, or show the answer." in progress(page)
    page.locator(".cr-progress-line").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / "practice-wrong-last-phone.png"))
    last.get_by_role("button", name="Show the answer").click()
    assert progress(page).startswith("All 9 questions answered.")
    assert page.locator("#note-cl-counteroffensive").is_visible()
    stored = json.loads(page.evaluate(f"localStorage.getItem('closeread:lesson:{SEED}')"))
    assert stored["answered"] == 9


def test_a_model_answer_waits_for_a_real_try_or_the_students_choice(shipped_kit, open_page):
    page = open_page(shipped_kit.http(PAGE), viewport=PHONE_390)
    s = q(page, "q-outlet")
    box = s.get_by_label("Your answer")
    model = s.locator(".cr-model")
    need = int(box.get_attribute("data-min-words"))
    left = s.locator(".cr-words-left")
    assert left.inner_text() == f"Write at least {need} words, then you can see the model answer.", \
        "an empty box asks for a whole answer, not for 'more' words"
    box.fill("S")
    s.get_by_role("button", name="Show the model answer").click()
    assert model.count() == 0, "one letter is not an answer"
    assert need >= 8
    assert left.is_visible() and f"{need - 1} more words" in left.inner_text(), left.inner_text()
    assert left.get_attribute("id") in box.get_attribute("aria-describedby").split(), "read with the box"
    assert f"{need - 1} more words" in s.locator(".cr-feedback").inner_text()
    page.screenshot(path=str(SHOTS / "model-answer-waits-phone.png"))
    # by keyboard: writing a real try, then the button
    box.focus()
    page.keyboard.press("End")
    page.keyboard.type("putnik Africa is a news site that belongs to the Russian state, so it has a side.")
    assert left.is_hidden(), "enough words: the line has nothing left to say"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Show the model answer"
    page.keyboard.press("Enter")
    assert model.is_visible()
    page.screenshot(path=str(SHOTS / "model-answer-after-a-try-phone.png"))


def test_a_student_may_choose_to_see_the_model_answer_without_a_full_try(shipped_kit, open_page):
    page = open_page(shipped_kit.http(PAGE), viewport=DESKTOP)
    s = q(page, "q-outlet")
    s.get_by_label("Your answer").fill("No idea")
    s.get_by_role("button", name="Show the model answer").click()
    assert s.locator(".cr-model").count() == 0
    anyway = s.get_by_role("button", name="I am stuck: see the model answer")
    assert anyway.is_visible()
    page.screenshot(path=str(SHOTS / "model-answer-stuck-desktop.png"))
    anyway.focus()
    page.keyboard.press("Enter")
    assert s.locator(".cr-model").is_visible()
    page.get_by_role("button", name="Hand in my work").click()
    expect(page.locator("#cr-summary")).to_contain_text("looked at the model answer before writing a full answer")


def _pill(page) -> str:
    page.wait_for_timeout(250)
    return page.locator(".cr-sticky").inner_text()


@pytest.mark.parametrize("viewport", [PHONE_390, DESKTOP], ids=["phone-390", "desktop"])
def test_the_question_count_names_the_question_in_view(shipped_kit, open_page, viewport):
    page = open_page(shipped_kit.http(PAGE), viewport=viewport)
    name = "phone" if viewport is PHONE_390 else "desktop"
    for n in (2, 3, 5):
        section = page.locator("section.cr-q[data-core]").nth(n - 1)
        q(page, section.get_attribute("data-q"))
        # the question's title a quarter of the way down the screen, the end of the one before above it
        page.evaluate("([el, f]) => window.scrollBy({ top: el.getBoundingClientRect().top - innerHeight * f, behavior: 'instant' })",
                      [section.element_handle(), 0.28])
        assert _pill(page).startswith(f"Question {n} of 9"), (n, _pill(page))
    page.screenshot(path=str(SHOTS / f"pill-in-view-{name}.png"))
    # the question being answered: its input is on screen and has the focus
    section = page.locator("section.cr-q[data-core]").nth(5)
    page.evaluate("el => window.scrollBy({ top: el.getBoundingClientRect().top - innerHeight * 0.75, behavior: 'instant' })", section.element_handle())
    section.locator("input").first.evaluate("e => e.focus({ preventScroll: true })")
    assert _pill(page).startswith("Question 6 of 9"), _pill(page)
    # back in the article: no count
    page.evaluate("window.scrollTo({ top: 0, behavior: 'instant' })")
    page.wait_for_timeout(250)
    assert page.locator(".cr-sticky").is_hidden()
