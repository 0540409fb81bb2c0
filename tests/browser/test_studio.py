"""The studio in Chromium: a saved page imported, then made into a lesson that passes `check` by clicking,
choosing and filling forms only (no YAML typed), with a comment the author wrote before and an edit made
in an editor while the studio was open kept in the file. axe-core finds nothing; nothing is loaded from
another host (the `open_page` fixture fails the test otherwise).
"""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from tests.browser.conftest import AXE_TAGS, Served
from tests.conftest import REPO, make_kit

PAGE = REPO / "tests" / "importer" / "fixtures" / "jsonld-article.html"
HAND_COMMENT = "# Written by hand before the studio opened: keep this line.\n"


def _axe(page) -> list[str]:
    from axe_playwright_python.sync_playwright import Axe

    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": AXE_TAGS}})
    return [f"{v['id']} ({v['impact']}): {', '.join(str(n['target']) for n in v['nodes'][:5])}" for v in result.response["violations"]]


@pytest.fixture
def studio(tmp_path):
    from closeread.cli import main
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    for old in (kit / "lessons").iterdir():  # only the imported lesson: check must judge it alone
        subprocess.run(["rm", "-rf", str(old)], check=True)
    assert main(["--root", str(kit), "new", str(PAGE)]) == 0  # what 'build.py studio PAGE.html' does first
    folder = next((kit / "lessons").iterdir())
    lesson = folder / "lesson.yaml"
    text = lesson.read_text(encoding="utf-8")
    lesson.write_text(text.replace("\ntitle:", "\n" + HAND_COMMENT + "title:", 1), encoding="utf-8")
    server, url = start(kit, folder)
    yield kit, folder, url
    server.shutdown()
    server.server_close()


TALLY = {"actions": 0, "typed": 0}  # what the author did, for the report (printed with -s)


def _fill(page, selector: str, text: str):
    TALLY["typed"] += len(text)
    page.fill(selector, text)


def _wait_saved(page, text: str):
    page.wait_for_function("t => document.getElementById('message').textContent.indexOf(t) !== -1", arg=text)


def _act(page, click, saved: str = "Saved"):
    page.evaluate("document.getElementById('message').textContent = ''")
    TALLY["actions"] += 1
    click()
    _wait_saved(page, saved)


def _select_words(page, words: str):
    """Select ``words`` in the article as a mouse would, then let go of the button (mouseup)."""
    page.evaluate(
        """w => {
          const spans = [...document.querySelectorAll('#article .text > span, #article .text > mark')];
          for (const el of spans) {
            const node = el.firstChild; const i = node ? node.textContent.indexOf(w) : -1;
            if (i === -1) continue;
            const r = document.createRange(); r.setStart(node, i); r.setEnd(node, i + w.length);
            const s = getSelection(); s.removeAllRanges(); s.addRange(r);
            el.dispatchEvent(new MouseEvent('mouseup', {bubbles: true}));
            return;
          }
          throw new Error('words not in one piece of the article: ' + w);
        }""",
        words,
    )


def _add_source(page, name: str, described: str = ""):
    _fill(page, "#src-name", name)
    _fill(page, "#src-described", described)
    _act(page, lambda: page.click("#src-save"))


def _draft(page, qtype: str, annotation: str):
    page.select_option("#qb-type", qtype)
    page.select_option("#qb-annotation", annotation)
    page.click("#qb-draft")
    page.wait_for_selector("#qb-save")


def _mark_id(page, kind: str, words: str) -> str:
    return page.evaluate(
        "([k, w]) => { const s = window.__state; return s.marks.find(m => m.kind === k && m.quote.indexOf(w) !== -1 && !m.pending).id; }",
        [kind, words],
    )


def test_studio_from_import_to_a_lesson_that_passes_check(studio, open_page):
    kit, folder, url = studio
    base = url.split("?")[0]
    # Playwright waits by evaluating strings, which the studio's Content-Security-Policy forbids to the page
    page = open_page(url, served=[Served(kit, base)], bypass_csp=True)
    page.set_default_timeout(15_000)
    page.wait_for_selector("#pending .card")
    assert "token=" not in page.url  # taken out of the address bar

    def source_id(name: str) -> str:
        return next(x["id"] for x in state()["sources"] if x["name"] == name)

    def state():
        s = page.evaluate("fetch('/api/state').then(r => r.json())")
        page.evaluate("s => { window.__state = s; }", s)
        return s

    s = state()
    pending = [m for m in s["marks"] if m["pending"]]
    assert pending, "the import suggested nothing to review"

    # one group at once: suggestions of one kind with the same words (every neutral 'said'), else every
    # suggestion of one kind that the lesson does not keep below (claims and quotations are kept)
    groups = [g for g in s["groups"] if g["kind"] not in ("claim", "quote")]
    assert groups, s["groups"]
    at = s["groups"].index(next((g for g in groups if g["text"]), groups[0]))
    group = s["groups"][at]
    _act(page, lambda: page.click(f"#group-reject-{at}"))
    s = state()
    assert not any(m["id"] in group["ids"] for m in s["marks"])

    # sources, added in place
    _add_source(page, "Maria Chen", "who organised the letter")
    _add_source(page, "A council spokesperson", "a spokesperson for the council")
    _add_source(page, "Opposition councillors")

    # a suggested source that names someone: kept, pointing to that source (added once, by name)
    s = state()
    named = [m for m in s["marks"] if m["pending"] and m["kind"] == "source" and m["quote"] == "Maria Chen"]
    for m in named:
        _act(page, lambda: page.locator(f"#card-{m['id']} button.as-source").click())
    if named:
        s = state()
        assert [x["name"] for x in s["sources"]].count("Maria Chen") == 1
        assert next(x for x in s["marks"] if x["id"] == named[0]["id"])["fields"]["source"] == source_id("Maria Chen")

    # keep suggestions with one click, one of them edited first (a quotation needs its speaker)
    s = state()
    keep = {m["id"]: m for m in s["marks"] if m["pending"] and m["kind"] in ("claim", "quote")}
    for ann_id, m in keep.items():
        if m["kind"] == "quote":
            page.locator(f"#card-{ann_id} button", has_text="Edit").click()
            page.select_option("#ann-f-speaker", source_id("Maria Chen"))
            _act(page, lambda: page.click("#ann-save"))
        elif m["fields"].get("stance") == "reported" and not m["fields"].get("source"):  # a reported claim needs its source
            page.locator(f"#card-{ann_id} button", has_text="Edit").click()
            page.select_option("#ann-f-source", source_id("A council spokesperson"))
            _act(page, lambda: page.click("#ann-save"))
        else:
            _act(page, lambda: page.locator(f"#card-{ann_id} button", has_text="Keep").click())
    # an edit in an editor while the studio is open
    lesson = folder / "lesson.yaml"
    text = lesson.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^grade_band:.*$", 'grade_band: "10-12"  # changed in an editor while the studio was open', text, count=1)
    assert edited != text
    lesson.write_text(edited, encoding="utf-8")
    page.wait_for_function("document.getElementById('message').textContent.indexOf('changed on disk') !== -1")

    # the rest rejected one at a time, by key: j selects, n rejects
    while state()["marks"] and any(m["pending"] for m in state()["marks"]):
        page.click("#article-heading")
        page.keyboard.press("j")
        _act(page, lambda: page.keyboard.press("n"))

    # an annotation by selecting words
    _select_words(page, "too low")
    page.select_option("#ann-kind", "loaded-language")
    _fill(page, "#ann-f-neutral", "a number that opposition councillors dispute")
    _fill(page, "#ann-note", "'Too low' is the councillors' judgement, reported in their name.")
    _act(page, lambda: page.click("#ann-save"))
    _select_words(page, "A spokesperson for the council")
    page.select_option("#ann-kind", "source")
    page.select_option("#ann-f-source", source_id("A council spokesperson"))
    _fill(page, "#ann-note", "An unnamed spokesperson: the council's voice, not a named person.")
    _act(page, lambda: page.click("#ann-save"))
    _select_words(page, "about £40 a year")
    page.select_option("#ann-kind", "figure")
    _fill(page, "#ann-f-figure", "£40")
    page.select_option("#ann-f-source", "__new__")  # a new source, added in place
    _fill(page, "#src-name", "The council")
    _act(page, lambda: page.click("#src-save"))
    assert page.input_value("#ann-f-source") == source_id("The council")
    _fill(page, "#ann-note", "The council's own figure.")
    _act(page, lambda: page.click("#ann-save"))
    # by keyboard only: words typed into the form instead of selected
    page.focus("#ann-quote")
    page.keyboard.type("breached twice")
    TALLY["typed"] += len("breached twice")
    page.select_option("#ann-kind", "claim")
    page.select_option("#ann-f-stance", "asserted")
    _fill(page, "#ann-note", "The outlet says so itself.")
    _act(page, lambda: page.press("#ann-quote", "Enter"))  # Enter in the form saves it
    s = state()
    assert any(m["kind"] == "loaded-language" and m["quote"] == "too low" for m in s["marks"])
    assert any(m["kind"] == "claim" and m["quote"] == "breached twice" and not m["pending"] for m in s["marks"])

    # one question of each type, from the builder
    claim = _mark_id(page, "claim", "Councillors in Port Aldwin")
    figure = _mark_id(page, "figure", "£40")
    loaded = _mark_id(page, "loaded-language", "too low")
    source = _mark_id(page, "source", "spokesperson")
    _draft(page, "single", claim)
    _act(page, lambda: page.click("#qb-save"))
    quote = _mark_id(page, "quote", "")
    _draft(page, "single", quote)  # options from the lesson's sources
    _act(page, lambda: page.click("#qb-save"))
    _draft(page, "multiple", claim)
    _act(page, lambda: page.click("#qb-save"))
    _draft(page, "sort", claim)
    _act(page, lambda: page.click("#qb-save"))
    _draft(page, "find", source)
    _act(page, lambda: page.click("#qb-save"))
    for qtype, ann in (("short", loaded), ("discussion", figure)):
        _draft(page, qtype, ann)
        if qtype == "discussion":
            assert _axe(page) == [], "with the builder's rubric open"
        for level, sample in (("beginning", "It is a number."), ("developing", "The council gives it."), ("strong", "The council gives it; councillors dispute it.")):
            _fill(page, f"#qb-rub-{level}-sample", sample)
        _act(page, lambda: page.click("#qb-save"))
    s = state()
    written = [q for q in s["questions"] if q.get("written")]
    assert sorted(q["type"] for q in written) == sorted(["single", "single", "multiple", "sort", "find", "short", "discussion"])
    single = next(q for q in written if q["type"] == "single")["written"]
    assert sum(o["correct"] for o in single["options"]) == 1 and all(o.get("feedback") for o in single["options"])

    # objectives and vocabulary, from their editors (the term is the word selected in the article)
    n = page.locator("#list-objectives input").count()
    page.click("#add-objectives")
    _fill(page, f"#objectives-{n + 1}", "I can tell who a number in a news story comes from.")
    _act(page, lambda: page.click("#save-objectives"))
    _select_words(page, "consultation")
    n = page.locator("#list-vocabulary .row").count()
    page.click("#add-vocabulary")
    assert page.input_value(f"#voc-term-{n + 1}") == "consultation"
    _fill(page, f"#voc-def-{n + 1}", "asking the people affected what they think before deciding")
    _act(page, lambda: page.click("#save-vocabulary"))
    s = state()
    assert s["objectives"][-1].startswith("I can tell who") and s["vocabulary"][-1]["term"] == "consultation"

    # lesson fields the import left to do
    _fill(page, "#lf-source-url", "https://example.org/harbour-sea-wall")
    _act(page, lambda: page.press("#lf-source-url", "Tab"))
    assert page.evaluate("document.activeElement.id") == "lf-source-published"  # the keyboard's place is kept

    # the core set: every written question and generated ones, within the minutes (from an empty set,
    # whatever the import proposed)
    _act(page, lambda: page.click("#core-clear"))
    s = state()
    generated = [q for q in s["questions"] if q["generated"] and not q["open"]]
    for q in written + generated[:2]:
        _act(page, lambda: page.check(f"#core-{q['id']}"))
    total = page.text_content("#core-total")
    assert "too long" not in total, (total, "\n".join(p["text"] for p in state()["problems"]), generated)

    s = state()
    assert s["passes"], s["problems"]
    assert _axe(page) == []

    # undo works on the last action, and is itself a write
    before = lesson.read_text(encoding="utf-8")
    _act(page, lambda: page.click("#undo"), saved="undid")
    assert lesson.read_text(encoding="utf-8") != before
    _act(page, lambda: page.check(f"#core-{(written + generated[:2])[-1]['id']}"))

    final = lesson.read_text(encoding="utf-8")
    print(f"studio session: {TALLY['actions']} actions, {TALLY['typed']} characters typed")
    assert HAND_COMMENT in final
    assert 'grade_band: "10-12"  # changed in an editor while the studio was open' in final
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "check"], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stdout + result.stderr

    # the student page, one click away
    with page.context.expect_page() as new:
        page.click("#preview")
    preview = new.value
    preview.wait_for_selector(".cr-lesson")
    assert "Harbour council" in preview.text_content("h1")


def test_the_articles_words_are_shown_as_text_never_as_markup(tmp_path, open_page):
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    hostile = '<img src=x onerror="document.title=1"><b>bold</b><script>document.title=2</script>'
    with (folder / "article.txt").open("a", encoding="utf-8") as out:
        out.write(hostile + "\n")
    server, url = start(kit, folder)
    try:
        page = open_page(url, served=[Served(kit, url.split("?")[0])])
        page.wait_for_selector("#article .line")
        assert hostile in page.inner_text("#article")
        assert page.locator("#article img, #article b, #article script").count() == 0
        assert page.title().startswith("Studio")
    finally:
        server.shutdown()
        server.server_close()


def test_an_override_left_open_in_the_articles_words_stays_inside_its_label(tmp_path, open_page):
    """A right-to-left override (U+202E) that a suggestion's quote cuts off from its closing U+202C (the
    article's line closes it; check refuses one its line leaves open): the labels that quote it isolate
    it, so that the rest of the label is not reversed ("as a source" reading "ecruos a sa")."""
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    with (folder / "article.txt").open("a", encoding="utf-8") as out:
        out.write("Said by \u202eMira Sol to the council.\u202c\n")
    (folder / "suggestions.yaml").write_text(
        "annotations:\n- {id: s-1, kind: source, quote: \"\u202eMira Sol\", note: n, suggested: true}\n", encoding="utf-8")
    server, url = start(kit, folder)
    try:
        page = open_page(url, served=[Served(kit, url.split("?")[0])])
        page.wait_for_selector("#pending .card")
        button = page.locator("#pending .as-source").first
        text = button.text_content()
        assert "\u2068\u202eMira Sol\u2069" in text, ascii(text)
        # the words after the quote stay after it on the line (an open override would put them before it)
        order = page.evaluate("""(el) => {
            const node = [...el.childNodes].find((n) => n.nodeType === 3);
            const r = document.createRange(), at = node.data.indexOf("as a source");
            r.setStart(node, at); r.setEnd(node, at + 2);
            const after = r.getBoundingClientRect().left;
            r.setStart(node, node.data.indexOf("Mira")); r.setEnd(node, node.data.indexOf("Mira") + 2);
            return [r.getBoundingClientRect().left, after];
        }""", button.element_handle())
        assert order[0] < order[1], order
        assert page.evaluate("getComputedStyle(document.querySelector('#pending q')).unicodeBidi") == "isolate"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def harbour(tmp_path):
    """The fixture lesson with three suggestions to review, served by the studio."""
    from closeread.studio.command import start

    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    (folder / "suggestions.yaml").write_text(
        "annotations:\n"
        "- {id: s-1, kind: attribution-verb, quote: said, note: n, suggested: true, implies: Neutral.}\n"
        "- {id: s-2, kind: loaded-language, quote: reckless, note: n, suggested: true, neutral: hasty}\n"
        "- {id: s-3, kind: claim, quote: have driven workers, note: n, suggested: true, stance: asserted}\n",
        encoding="utf-8")
    server, url = start(kit, folder)
    yield kit, folder, url
    server.shutdown()
    server.server_close()


def test_what_a_teacher_found_in_a_session_on_a_phone_wide_window(harbour, open_page):
    kit, folder, url = harbour
    page = open_page(url, served=[Served(kit, url.split("?")[0])], bypass_csp=True, viewport={"width": 390, "height": 844})
    page.wait_for_selector("#pending .card")

    def state():
        return page.evaluate("fetch('/api/state').then(r => r.json())")

    # a compact bar, and a line scrolled into view ends below it, not under it
    bar = page.evaluate("document.querySelector('.bar').getBoundingClientRect().height")
    assert bar <= 120, bar
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    top = page.evaluate("() => { const l = document.querySelector('.line[data-n=\"3\"]'); l.scrollIntoView({block: 'nearest'}); return l.getBoundingClientRect().top; }")
    assert top >= page.evaluate("document.querySelector('.bar').getBoundingClientRect().bottom"), top

    # n rejects and selects the next suggestion: a second n rejects that one
    page.click("#article-heading")
    page.keyboard.press("j")
    _act(page, lambda: page.keyboard.press("n"))
    _act(page, lambda: page.keyboard.press("n"))
    assert [m["id"] for m in state()["marks"] if m["pending"]] == ["s-3"]

    # a written question about an annotation: the builder says it replaces the generated one, and the
    # core set takes it in that one's place
    _draft(page, "short", "a-quote")
    assert "g-a-quote" in page.text_content("#qb-replaces")
    for level in ("beginning", "developing", "strong"):
        _fill(page, f"#qb-rub-{level}-sample", f"A {level} answer.")
    _act(page, lambda: page.click("#qb-save"))
    assert "replaces 'g-a-quote'" in page.text_content("#message")
    core = state()["core"]
    assert "g-a-quote" not in core and core[4].startswith("q-short")
    assert "in place of the generated g-a-quote" in page.text_content("#questions")

    # options move up and down by keyboard, right answer and feedback with them
    _draft(page, "single", "a-quote")
    first = page.input_value("#qb-opt-1")
    right = page.is_checked("#qb-right-1")
    page.focus("#qb-down-1")
    page.keyboard.press("Enter")
    assert page.input_value("#qb-opt-2") == first and page.is_checked("#qb-right-2") == right
    assert page.evaluate("document.activeElement.id").startswith("qb-")  # the focus stays on the moved option
    assert "keep_order" in page.text_content("#qb-body")
    page.check("#qb-keep-order")
    _act(page, lambda: page.click("#qb-save"))
    written = [q for q in state()["questions"] if q.get("written") and q["type"] == "single" and q["written"].get("keep_order")]
    assert written and written[0]["written"]["options"][1]["text"] == first

    # the rubric of a generated open question opens pre-filled, with starters of its kind
    page.click('button[aria-label="Rubric and starters of g-a-reckless"]')
    page.wait_for_function("document.getElementById('qb-rub-beginning-does') && document.getElementById('qb-rub-beginning-does').value !== ''")
    assert "neutral" in page.input_value("#qb-starters")

    # an annotation moved onto other words keeps its id and fields
    page.click("summary")
    page.click('button[aria-label="Edit annotation a-seemingly"]')
    _select_words(page, "seemingly cost the city")
    page.click("#ann-rewords")
    _act(page, lambda: page.click("#ann-save"))
    moved = next(m for m in state()["marks"] if m["id"] == "a-seemingly")
    assert moved["quote"] == "seemingly cost the city" and moved["kind"] == "speculation"

    assert page.text_content('label[for="objectives-1"]') == "Objective 1"
    assert _axe(page) == []
