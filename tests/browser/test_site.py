"""The whole site in Chromium: axe-core on every page type, no request to another host (over HTTP and from
file://, search included), the seed lesson completed with the keyboard alone, phone and desktop layouts,
reduced motion and print."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.browser.conftest import AXE_TAGS, DESKTOP, FIXTURE, PHONE, SEED
from tests.browser.drive import complete_by_keyboard, explore, page_key, progress, q

PAGES = {
    "home": "site/index.html",
    "catalogue": "site/lessons/index.html",
    "by-kind": "site/lessons/by-kind.html",
    "glossary": "site/lessons/glossary.html",
    "student": f"site/lessons/{FIXTURE}/index.html",
    "teacher-catalogue": "site-teacher/teacher/index.html",
    "teacher-edition": f"site-teacher/teacher/{FIXTURE}/index.html",
    "assignment-builder": "site-teacher/teacher/assign.html",
}
SHOTS = Path(os.environ.get("CLOSEREAD_SHOTS", "/tmp/closeread-shots"))


def _axe(page) -> list[str]:
    """axe-core's WCAG 2.1 A and AA rules; transitions are let finish first (axe cannot judge colours mid-fade)."""
    from axe_playwright_python.sync_playwright import Axe

    # blocks the page lets the browser skip while off screen (content-visibility: auto) are rendered
    # first: axe cannot judge the colours of a block that has not been laid out (it reports them
    # incomplete, not checked); this changes what is drawn when, never what is drawn
    page.add_style_tag(content=".cr-q, .cr-notes-wrap, details, .cr-line { content-visibility: visible !important; }")
    page.wait_for_timeout(400)
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [
        f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}"
        for v in result.response["violations"]
    ]


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("name", sorted(PAGES))
def test_axe_finds_no_violation(fixture_kit, open_page, name, scheme):
    page = open_page(fixture_kit.http(PAGES[name]), color_scheme=scheme)
    assert _axe(page) == []


@pytest.mark.parametrize("viewport", [DESKTOP, PHONE], ids=["desktop", "phone"])
def test_axe_on_the_student_page_in_both_modes_with_a_note_open_and_words_to_find(fixture_kit, open_page, viewport):
    page = open_page(fixture_kit.http(PAGES["student"]), viewport=viewport)
    assert page.evaluate("document.body.dataset.crMode") == "practice"
    assert _axe(page) == [], "practice mode"
    explore(page)
    assert _axe(page) == [], "explore mode"
    page.locator('mark.cr-ann[data-ann="a-300"]').click()
    assert _axe(page) == [], "a note open"
    page.keyboard.press("Escape")
    page.locator('section[data-q="q-find"]').get_by_role("button", name="Choose words in the article").click()
    assert _axe(page) == [], "choosing words"
    page.locator(".cr-findbar").get_by_role("button", name="Cancel").click()
    s = page.locator('section[data-q="q-source"]')
    s.get_by_label("Tom Berg").check()
    s.get_by_role("button", name="Check my answer").click()
    assert _axe(page) == [], "feedback shown"


def test_axe_on_an_assignment_and_its_summary(fixture_kit, open_page):
    page = open_page(fixture_kit.http(PAGES["student"] + "#assign?q=q-short,q-discuss&d=2030-01-01&i=Hello"))
    s = page.locator('section[data-q="q-short"]')
    s.get_by_label("Your answer").fill("An answer of mine, long enough to compare with the model answer.")
    s.get_by_role("button", name="Show the model answer").click()
    assert page.locator(".cr-summary-main").is_visible()
    assert _axe(page) == []


def test_the_seed_lesson_can_be_completed_with_the_keyboard_alone(shipped_kit, open_page):
    page = open_page(shipped_kit.http(f"site/lessons/{SEED}/index.html"))
    key = page_key(page)
    log = complete_by_keyboard(page, key)
    total = page.locator("section.cr-q[data-core]:not([data-type=discussion])").count()  # progress counts the core set
    assert progress(page).startswith(f"All {total} questions answered."), log
    for line in log:
        if ": checked: " in line or ": found words: " in line:
            assert "✓ Right" in line, line  # the key was followed: every auto-checked answer is right
    core = page.eval_on_selector_all("section.cr-q[data-core]:not([data-type=discussion])", "ss => ss.map(s => s.dataset.q)")
    for qid in core:  # every core question was answered with the keyboard (find in text: test_student_page)
        assert any(line.startswith(qid + ":") for line in log), f"{qid} was not answered: {log}"
    # every note is now shown, and the catalogue says the lesson is done
    assert page.locator(".cr-notes > .cr-note:visible").count() == page.locator(".cr-notes > .cr-note").count()
    page.goto(shipped_kit.http("site/lessons/index.html"))
    assert "done" in page.locator(f'[data-cr-progress="{SEED}"]').inner_text()


def test_the_seed_lesson_page_has_no_axe_violation(shipped_kit, open_page):
    page = open_page(shipped_kit.http(f"site/lessons/{SEED}/index.html"))
    assert _axe(page) == []
    explore(page)
    assert _axe(page) == []


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_no_request_leaves_the_site(fixture_kit, open_page, scheme):
    url = fixture_kit.http if scheme == "http" else fixture_kit.file
    page = open_page(url(PAGES["home"]))
    for path in PAGES.values():
        page.goto(url(path))
        page.wait_for_load_state("load")
    page.goto(url(PAGES["student"]))
    explore(page)
    page.locator('mark.cr-ann[data-ann="a-300"]').click()
    # search works offline, from a folder too (the kit's own worker stand-in replaces unpkg.com's)
    page.locator("label.md-search__icon, .md-search__input").first.click()
    page.locator(".md-search__input").focus()
    page.keyboard.type("harbour", delay=30)
    page.locator(".md-search-result__item").first.wait_for(timeout=10_000)
    assert page.locator(".md-search-result__item").count() >= 1
    rec = page.recorder
    assert rec.seen, "requests were recorded"
    assert rec.outside == [], f"requests to other hosts: {rec.outside}"
    assert all(u.startswith((url(""), "data:", "blob:", "about:")) for u in rec.seen), rec.seen


def test_built_pages_reference_no_other_host(fixture_kit):
    for site in ("site", "site-teacher"):
        for html in (fixture_kit.root / site).rglob("*.html"):
            text = html.read_text(encoding="utf-8")
            for m in re.finditer(r'<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)="(https?:)?//', text):
                pytest.fail(f"{html}: loads from another host: {text[m.start():m.start() + 120]}")


@pytest.mark.parametrize("viewport", [PHONE, DESKTOP], ids=["phone-360", "desktop-1280"])
def test_student_page_fits_the_screen_and_is_photographed(fixture_kit, open_page, viewport):
    page = open_page(fixture_kit.http(PAGES["student"]), viewport=viewport)
    SHOTS.mkdir(parents=True, exist_ok=True)
    name = f"student-{viewport['width']}"
    page.screenshot(path=str(SHOTS / f"{name}-top.png"))
    explore(page)
    page.locator('mark.cr-ann[data-ann="a-silva"]').click()
    page.locator("#L5").scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{name}-article.png"))
    page.keyboard.press("Escape")
    s = q(page, "q-multi")
    s.get_by_label("reckless").check()
    s.get_by_label("harbour").check()
    s.get_by_role("button", name="Check my answer").click()
    page.locator('section[data-q="q-sort"]').scroll_into_view_if_needed()
    page.screenshot(path=str(SHOTS / f"{name}-questions.png"))
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= viewport["width"], f"the page scrolls sideways: {width}px wide"
    for sel in (".cr-article", ".cr-questions", ".cr-toolbar", ".cr-sort"):
        box = page.locator(sel).first.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"] + 1, sel


def test_catalogue_fits_a_phone(fixture_kit, open_page):
    page = open_page(fixture_kit.http(PAGES["catalogue"]), viewport=PHONE)
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    assert page.locator(".cr-catalogue-meta").first.is_visible()


def test_reduced_motion_is_respected(fixture_kit, open_page):
    page = open_page(fixture_kit.http(PAGES["student"]), reduced_motion="reduce")
    assert page.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "auto"
    assert page.evaluate("getComputedStyle(document.querySelector('.cr-btn')).transitionDuration") in ("0s", "")
    page2 = open_page(fixture_kit.http(PAGES["student"]), reduced_motion="no-preference")
    assert page2.evaluate("getComputedStyle(document.documentElement).scrollBehavior") == "smooth"


def test_print_gives_a_clean_page(fixture_kit, open_page):
    page = open_page(fixture_kit.http(PAGES["student"]))
    page.emulate_media(media="print")
    for sel in (".md-header", ".md-sidebar--primary", ".cr-toolbar", ".cr-actions", ".md-footer"):
        assert page.locator(sel).first.is_hidden(), sel
    assert page.locator(".cr-article").is_visible() and page.locator(".cr-questions").first.is_visible()
    pdf = page.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
