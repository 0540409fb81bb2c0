"""The seed lesson's student page on a 360 px phone, as a student works through it.

The issue that set these limits measured the old page at 38 phone screens with the first question 6.8
screens down; the page must now be at most a third of that, start the article on the first screen, and
let every core question show the lines it asks about inside the question itself.
"""

from __future__ import annotations

import pytest

from tests.browser.conftest import SEED
from tests.browser.drive import explore

PHONE = {"width": 360, "height": 740}
OLD_SCREENS = 38


def _real_height(page) -> float:
    """The page's height once a student has scrolled to its end: the blocks the browser skips while
    they are off screen (``content-visibility: auto``) count with their real height, not the guess."""
    return page.evaluate(
        """async () => {
             const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
             const root = document.documentElement;
             for (let i = 0; i < 500 && scrollY + innerHeight < root.scrollHeight; i++) {
               scrollBy({ top: innerHeight / 2, behavior: 'instant' });
               await frame();
             }
             const height = root.scrollHeight;
             scrollTo({ top: 0, behavior: 'instant' });
             return height;
           }"""
    )


def _open(shipped_kit, open_page):
    return open_page(shipped_kit.http(f"site/lessons/{SEED}/index.html"), viewport=PHONE, has_touch=True, is_mobile=True)


def test_article_starts_on_the_first_screen_and_the_page_is_a_third_as_tall(shipped_kit, open_page):
    page = _open(shipped_kit, open_page)
    top = page.evaluate("document.querySelector('.cr-article').getBoundingClientRect().top + scrollY")
    assert top < PHONE["height"], f"the article starts {top:.0f}px down, below the first screen"
    screens = _real_height(page) / PHONE["height"]
    assert screens <= OLD_SCREENS / 3, f"the page is {screens:.1f} screens tall"
    first = page.locator(".cr-lesson > *:not([hidden])").first.inner_text()
    assert first.strip(), "something comes first"
    assert "Read the article, then answer" in page.locator(".cr-start").inner_text()


def test_every_core_question_can_show_its_lines_in_place(shipped_kit, open_page):
    page = _open(shipped_kit, open_page)
    # a question about words of the article (not about the whole of it, not a find, not choose-all)
    ids = page.evaluate(
        """() => [...document.querySelectorAll('section.cr-q[data-core][data-ann]:not([data-type=find]):not([data-type=multiple])')]
             .filter(s => { const n = document.getElementById('note-' + s.dataset.ann); return n && n.querySelector('.cr-note-quote'); })
             .map(s => s.dataset.q)"""
    )
    assert len(ids) >= 3
    for qid in ids:
        s = page.locator(f'section.cr-q[data-q="{qid}"]')
        lines = s.locator("details.cr-q-lines")
        assert lines.count() == 1, qid
        lines.locator("summary").click()
        shown = lines.locator(".cr-q-line").first
        assert shown.is_visible()
        box, sec = shown.bounding_box(), s.bounding_box()
        assert sec["y"] <= box["y"] <= sec["y"] + sec["height"], "the lines open inside the question"


def test_line_numbers_readable_and_only_on_lines_with_words(shipped_kit, open_page):
    """Every line with words has its number (the worksheet's and the questions'); an empty line has none,
    and no number is skipped but an empty line's."""
    page = _open(shipped_kit, open_page)
    rows = page.eval_on_selector_all(
        ".cr-article .cr-line", "ps => ps.map(p => [+p.dataset.line, p.querySelector('.cr-ln') ? +p.querySelector('.cr-ln').textContent : null, p.classList.contains('cr-role-blank')])"
    )
    assert [n for n, _, _ in rows] == list(range(rows[0][0], rows[0][0] + len(rows)))
    assert any(blank for _, _, blank in rows), "the seed article has empty lines"
    for line, shown, blank in rows:
        assert shown == (None if blank else line), (line, shown, blank)
    sizes = page.eval_on_selector_all(".cr-article .cr-ln", "ns => ns.map(n => parseFloat(getComputedStyle(n).fontSize))")
    assert min(sizes) >= 14


def test_tap_targets_are_44_px_and_nothing_floats_over_titles(shipped_kit, open_page):
    page = _open(shipped_kit, open_page)
    small = page.eval_on_selector_all(
        "section.cr-q[data-core] :is(label.cr-option, .cr-sort td label, button, details > summary), .cr-mode-opt",
        "els => els.filter(e => e.offsetParent).map(e => [e.textContent.trim().slice(0, 30), Math.round(e.getBoundingClientRect().height)]).filter(x => x[1] < 44)",
    )
    assert small == [], f"tap targets under 44px: {small}"
    assert page.locator(".md-top").count() == 0, "no back-to-top button over the questions"


def test_explore_opens_on_one_layer_with_few_badges(shipped_kit, open_page):
    page = _open(shipped_kit, open_page)
    explore(page)
    counts = page.evaluate(
        """(h) => {
          const art = document.querySelector('.cr-article');
          const top = art.getBoundingClientRect().top + scrollY, end = top + h;
          const inScreen = (el) => { const r = el.getBoundingClientRect(); const y = r.top + scrollY; return r.height > 0 && y >= top && y < end; };
          const words = [...art.querySelectorAll('.cr-line .cr-text')].filter(inScreen).map(t => t.textContent.split(/\\s+/).filter(Boolean).length).reduce((a, b) => a + b, 0);
          const badges = [...art.querySelectorAll('a.cr-ref')].filter(r => !r.classList.contains('cr-hide') && inScreen(r)).length;
          const kinds = [...new Set([...art.querySelectorAll('mark.cr-ann[data-show]')].map(m => m.dataset.show))];
          return {words, badges, kinds};
        }""",
        PHONE["height"],
    )
    assert set(counts["kinds"]) <= {"source", "figure", "quote"}, counts
    assert counts["badges"] <= counts["words"] / 20, counts
    label = page.evaluate("(() => { const r = [...document.querySelectorAll('a.cr-ref')].find(x => !x.classList.contains('cr-hide')); return r && getComputedStyle(r.querySelector('.cr-ref-label'), '::after').content; })()")
    assert label and any(w in label for w in ("source", "figure", "quotation")), f"a word, not a letter code, on a phone: {label}"


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_the_first_frame_waits_until_the_content_is_parsed(shipped_kit, open_page, scheme):
    """Chromium renders a long page chunk by chunk as its parser streams it in, a style, layout and paint
    for each (about 70 ms of the seed page's load with the CPU slowed 4x; devdocs/performance.md):
    material-start.js asks for the first frame once the content is parsed (a render-blocking
    ``<link rel=expect>`` to Material's ``#__config``, which follows the content). Without it the first
    frame of this page comes before ``#__config`` is parsed, even with the CPU not slowed."""
    page = open_page("about:blank", viewport=PHONE, has_touch=True, is_mobile=True)
    page.add_init_script(
        "requestAnimationFrame(() => { window.crFirstFrame = !!document.getElementById('__config')"
        " && !!document.querySelector('.md-footer'); })"
    )
    page.goto(getattr(shipped_kit, scheme)(f"site/lessons/{SEED}/index.html"))
    assert page.evaluate("window.crFirstFrame") is True, "a frame was rendered before the page's content was parsed"
    expect = page.locator("head link[rel=expect]")
    assert expect.count() == 1 and expect.get_attribute("blocking") == "render"
    assert page.locator(".cr-article").is_visible()
