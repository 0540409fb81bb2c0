"""Page actions shared by the browser tests."""

from __future__ import annotations

import json
import re

from closeread.render.keys import STANCES, open_choice, sort_choice, unscramble


def page_key(page) -> dict:
    """The answer key of a student page, in the clear: unsealed in Python by opening every choice the
    page offers (the test's own copy of the answers, as ``keys.question_key`` writes them)."""
    salt = int(page.locator(".cr-lesson").get_attribute("data-cr-salt"))
    sealed = json.loads(unscramble(page.locator(".cr-key-data").get_attribute("data-cr-key"), salt).decode("utf-8"))
    choices = page.evaluate(
        """() => Object.fromEntries(Array.from(document.querySelectorAll('section.cr-q')).map(s => [s.dataset.q, {
             options: Array.from(s.querySelectorAll('.cr-option input')).map(i => i.value),
             rows: Array.from(s.querySelectorAll('tr[data-item]')).map(tr => tr.dataset.item)}]))"""
    )
    out = {}
    for qid, q in sealed.items():
        key: dict = {"t": q["t"]}
        mine = choices.get(qid, {"options": [], "rows": []})
        opened = {}
        if mine["options"]:
            opened = {o: open_choice(sealed, salt, qid, o) for o in mine["options"]}
            key["c"] = [o for o, e in opened.items() if e["ok"]]
            key["f"] = {o: e["f"] for o, e in opened.items()}
        elif mine["rows"]:
            opened = {(i, s): open_choice(sealed, salt, qid, sort_choice(i, s)) for i in mine["rows"] for s in STANCES}
            key["s"] = {i: s for (i, s), e in opened.items() if e["ok"]}
        elif q["t"] in ("find", "short"):
            opened = {"": open_choice(sealed, salt, qid, "")}
            entry = opened[""]
            key.update({k: entry[k] for k in ("a", "m", "r") if entry.get(k)})
        key["x"] = next((e["x"] for e in opened.values() if e and e.get("x")), "")
        out[qid] = key
    return out


def progress(page) -> str:
    return page.locator(".cr-progress-line").inner_text().strip()


def q(page, qid: str):
    """The question's section, unfolded (one in "more practice") and brought on screen, as a student would.

    On screen, because the page lets the browser skip the rendering of a question that is far off screen
    (``content-visibility: auto``), and a skipped block's ``innerText`` is empty until it has been shown.
    Polled from here, not with requestAnimationFrame: a page may run without JavaScript."""
    found = page.evaluate(
        """(id) => { const s = document.querySelector(`section.cr-q[data-q="${id}"]`); if (!s) return false;
             const d = s.closest('details.cr-more'); if (d) d.open = true;
             s.scrollIntoView({ block: 'nearest', behavior: 'instant' }); return true; }""",
        qid,
    )
    shown = f'(s => !s || s.firstElementChild.checkVisibility({{ contentVisibilityAuto: true }}))(document.querySelector(\'section.cr-q[data-q="{qid}"]\'))'
    for _ in range(100):
        if not found or page.evaluate(shown):
            break
        page.wait_for_timeout(20)
    return page.locator(f'section.cr-q[data-q="{qid}"]')


def feedback(page, qid: str) -> str:
    return q(page, qid).locator(".cr-feedback").inner_text()


def target_words(page, ann: str) -> list[int]:
    """Indices of the article's words inside the annotation's marks (after the page split them into words)."""
    return page.evaluate(
        """(id) => Array.from(document.querySelectorAll('.cr-article .cr-w'))
             .filter(w => { const m = w.closest('mark.cr-ann'); return m && m.dataset.ann.split(' ').includes(id); })
             .map(w => +w.dataset.w)""",
        ann,
    )


def word_index_of(page, text: str) -> int:
    """The index of the first article word equal to ``text``."""
    return page.evaluate(
        "(t) => +Array.from(document.querySelectorAll('.cr-article .cr-w')).find(w => w.textContent === t).dataset.w", text
    )


def active(page) -> dict:
    """What has the keyboard focus."""
    return page.evaluate(
        """() => { const e = document.activeElement; const s = e && e.closest('section.cr-q');
            return { tag: e.tagName, type: e.type || '', cls: e.className || '', text: (e.innerText || '').trim().slice(0, 60),
                     role: e.getAttribute('role') || '', q: s ? s.dataset.q : '', qtype: s ? s.dataset.type : '',
                     inArticle: !!e.closest('.cr-article'), inFindbar: !!e.closest('.cr-findbar'), href: e.getAttribute('href') || '',
                     w: e.dataset ? e.dataset.w || '' : '' }; }"""
    )


def complete_by_keyboard(page, key: dict, limit: int = 1500) -> list[str]:
    """Answer every question of the page using the keyboard only: Tab, Shift+Tab, Space, Enter, arrows and
    typing. Choice questions get the right answer (known from the key), find questions the right words.
    Returns a log of what was done. Reading the DOM is allowed; acting on it is keyboard only."""
    log: list[str] = []
    chosen: set[str] = set()  # inputs already set
    checked: set[str] = set()  # questions already checked
    page.locator("body").focus()
    page.evaluate("window.scrollTo(0, 0); document.activeElement && document.activeElement.blur()")
    for _ in range(limit):
        if re.match(r"All \d+ questions answered", progress(page)):
            return log
        page.keyboard.press("Tab")
        a = active(page)
        qid, qtype = a["q"], a["qtype"]
        k = key.get(qid, {})
        if a["tag"] == "INPUT" and a["type"] in ("radio", "checkbox") and qid and qid not in checked:
            name = page.evaluate("document.activeElement.name")
            value = page.evaluate("document.activeElement.value")
            if qtype == "sort":
                item = name[len(f"q-{qid}-"):]
                want = k["s"][item]
                tag = f"{qid}/{item}"
                if tag in chosen:
                    continue
                # the radio group takes the focus on its first radio: arrows move and select within the group
                if value != want:
                    page.keyboard.press("ArrowRight")
                else:
                    page.keyboard.press("Space")
                chosen.add(tag)
                log.append(f"{qid}: sorted {item} as {want}")
            elif a["type"] == "radio":
                if qid in chosen:
                    continue
                options = page.evaluate("(n) => Array.from(document.getElementsByName(n)).map(i => i.value)", name)
                steps = options.index(k["c"][0]) - options.index(value)
                page.keyboard.press("Space")
                for _ in range(abs(steps)):
                    page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
                chosen.add(qid)
                log.append(f"{qid}: chose {k['c'][0]}")
            else:  # checkbox: tick the right ones as the Tab reaches them
                if value in k["c"]:
                    page.keyboard.press("Space")
                    log.append(f"{qid}: ticked {value}")
        elif a["tag"] == "TEXTAREA" and qtype == "short" and qid not in checked:
            page.keyboard.type("My answer, written with the keyboard, long enough to see the model answer.")
            log.append(f"{qid}: wrote an answer")
        elif a["tag"] == "BUTTON" and qid and qid not in checked:
            label = a["text"]
            if label == "Check my answer":
                page.keyboard.press("Enter")
                checked.add(qid)
                log.append(f"{qid}: checked: {feedback(page, qid).splitlines()[0]}")
            elif label == "Show the model answer":
                page.keyboard.press("Enter")
                log.append(f"{qid}: showed the model answer")
            elif label.startswith("Choose words"):
                page.keyboard.press("Enter")
                words = target_words(page, k["a"])
                cur = int(active(page)["w"])
                for _ in range(abs(words[0] - cur)):
                    page.keyboard.press("ArrowRight" if words[0] > cur else "ArrowLeft")
                page.keyboard.press("Space")
                for _ in words[1:]:
                    page.keyboard.press("ArrowRight")
                    page.keyboard.press("Space")
                page.keyboard.press("Tab")  # to the bar's first button: "Check these words"
                assert active(page)["text"] == "Check these words", active(page)
                page.keyboard.press("Enter")
                checked.add(qid)
                log.append(f"{qid}: found words: {feedback(page, qid).splitlines()[0]}")
        elif a["tag"] == "BUTTON" and a["text"] in ("I got it", "Strong") and qid:
            if page.evaluate("document.activeElement.getAttribute('aria-pressed')") != "true":
                page.keyboard.press("Enter")
                checked.add(qid)
                log.append(f"{qid}: marked themself")
    raise AssertionError("the lesson was not completed with the keyboard:\n" + "\n".join(log) + "\n" + progress(page))


def click_settled(page, locator) -> None:
    """Click as a reader does, once the target has stopped moving. Sections with `content-visibility: auto`
    take their real height in the frames after a jump brings them near the screen (a test's scroll into
    view; a reader scrolls past them at reading speed, and they are rendered before they show), so a click
    made right after such a jump can press on one place and release on another (seen under load: the
    page scrolled 547 px between mousedown and mouseup, and the click went to the fieldset)."""
    locator.scroll_into_view_if_needed()
    last = None
    for _ in range(40):
        box = locator.bounding_box()
        if box is not None and box == last:
            break
        last = box
        page.wait_for_timeout(50)
    locator.click()


def explore(page) -> None:
    """Switch the student page to Explore, as a student does: the page asks first while questions are
    unanswered (Explore shows the notes, which answer them), and the student says yes."""
    click_settled(page, page.locator("input[name=cr-mode][value=explore]"))  # stays on Practice until asked
    ask = page.locator(".cr-explore-ask")
    if ask.is_visible():
        ask.get_by_role("button", name="Show the notes and answers").click()
    assert page.locator("input[name=cr-mode][value=explore]").is_checked()


def type_in_search(page, word: str, *, settle_ms: int = 400) -> None:
    """Open Material's search as a reader does (the header's button on a phone, the field on a wide
    screen), type ``word`` and wait until every result of the query is drawn."""
    button = page.locator('label.md-header__button[for="__search"]')
    if button.is_visible():
        button.click()
    else:
        page.locator(".md-search__input").click()
    page.locator(".md-search__input").focus()
    page.keyboard.type(word, delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    page.wait_for_timeout(settle_ms)

