"""Search in the built sites, in Chromium: it works from file:// and over http, the search index is
loaded only once the reader opens search (so what a page loads does not grow with the kit), and the
student site's search never holds or shows notes, explanations, model answers, feedback or key points."""

from __future__ import annotations

import html
import json
import re

import pytest
import yaml

from tests.browser.drive import type_in_search
from tests.browser.conftest import FIXTURE
from tests.conftest import REPO

LESSON = f"site/lessons/{FIXTURE}/index.html"
# fields whose text is answer material: the student site shows it only after an answer, or never
ANSWER_FIELDS = {"note", "teacher_note", "explanation", "model_answer", "feedback", "key_points", "guidance", "discussion"}


def _strings(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def _answers(node, inside: bool = False):
    """Every string under an answer field of the lesson file, as the YAML parser reads it."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ANSWER_FIELDS:
                yield from _strings(value)
            else:
                yield from _answers(value)
    elif isinstance(node, list):
        for v in node:
            yield from _answers(v)


def _norm(text: str) -> str:
    return " ".join(html.unescape(text).split()).lower()


@pytest.fixture(scope="module")
def answer_texts(fixture_kit) -> list[str]:
    folder = fixture_kit.root / "lessons" / FIXTURE
    data = yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))
    article = _norm((folder / "article.txt").read_text(encoding="utf-8"))
    # an answer that only repeats the article's own words ("Union leader Ana Silva.") is no secret, and one of
    # two words ("A judgement.") is found in any definition of the kinds
    found = sorted({_norm(t) for t in _answers(data) if len(t) >= 16 and _norm(t).rstrip(".") not in article})
    assert len(found) >= 10, found
    return found


def _indexed(site) -> dict[str, set[str]]:
    """Every indexed word of the site's search, by the location it was found in: read back from the
    shards the build split Material's index into (closeread/write/search.py)."""
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    locations = [d["location"] for d in index["docs"]]
    assert index["config"]["closeread"]["shards"], "the build split the index"
    out: dict[str, set[str]] = {loc: set() for loc in locations}
    from closeread.write.search import read_shard

    for path in (site / "search" / "shards").glob("*.js"):
        for word, codes in read_shard(path).items():
            for code in codes:
                out[locations[code >> 3]].add(word)
    return out


def _generated(indexed: dict[str, set[str]]) -> set[str]:
    """The words of the generated pages (lessons, catalogues, glossary, teacher editions); the
    hand-written guides are left out, as they may use the same everyday words as a note."""
    return set().union(*(w for loc, w in indexed.items() if loc.startswith(("lessons/", "teacher/"))))


def test_the_student_index_holds_no_answer_text_while_the_teacher_index_does(fixture_kit, answer_texts):
    """Word by word: the words that only answer material uses are in the teacher's index, never in the
    student's, while every word of the article, the title, the summary, the outlet and the skills is."""
    from closeread.write.search import words

    folder = fixture_kit.root / "lessons" / FIXTURE
    data = yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))
    article = (folder / "article.txt").read_text(encoding="utf-8")
    sep = re.compile(r"[\s\-]+")
    shown = set(words(article, sep))
    for text in _strings({k: v for k, v in data.items() if k not in ANSWER_FIELDS and k not in ("annotations", "questions")}):
        shown |= set(words(text, sep))
    # and the words the student page's template writes for every lesson ("Each question can show ...")
    templates = REPO / "closeread" / "templates"
    for name in ("student.md.j2", "_macros.html.j2"):
        shown |= set(words(re.sub(r"[{}%#|()'\".=_]", " ", (templates / name).read_text(encoding="utf-8")), sep))
    answer_only = set().union(*(set(words(t, sep)) for t in answer_texts)) - shown
    assert len(answer_only) >= 10, answer_only
    student = _indexed(fixture_kit.root / "site")
    teacher = _indexed(fixture_kit.root / "site-teacher")
    # the glossary defines the kinds for everyone: its words are no answer to this lesson
    glossary = set().union(*(w for loc, w in student.items() if loc.startswith("lessons/glossary")))
    assert sorted((answer_only - glossary) & _generated(student)) == []
    assert (answer_only - glossary) & _generated(teacher), "the teacher index should hold the answers: the check sees them"
    mine = {loc: w for loc, w in student.items() if loc.startswith(f"lessons/{FIXTURE}/")}
    assert len(mine) <= 3, sorted(mine)  # the page, the article: no section per question
    found = set().union(*mine.values())
    must = set(words(article, sep)) | set(words(data["title"] + " " + data["summary"] + " " + data["source"]["outlet"], sep))
    must |= set(words(" ".join(data["skills"]), sep))
    assert sorted(must - found) == []


def _open_search(page, word: str) -> list[str]:
    type_in_search(page, word, settle_ms=300)
    # the results from generated pages (lessons, catalogues, glossary, teacher editions); the hand-written
    # guides may use the same everyday words as a note
    found = page.locator(".md-search-result__link").evaluate_all("els => els.map(a => [a.href, a.innerText])")
    return [_norm(text) for href, text in found if "/lessons/" in href or "/teacher/" in href]


@pytest.mark.parametrize("scheme", ["http", "file"])
def test_search_loads_its_index_only_when_opened_and_finds_the_article(fixture_kit, open_page, scheme):
    url = fixture_kit.http if scheme == "http" else fixture_kit.file
    page = open_page(url(LESSON))
    page.wait_for_load_state("load")
    page.wait_for_timeout(800)
    assert [u for u in page.recorder.seen if "search_index" in u] == [], "the index was loaded before search was opened"
    results = _open_search(page, "despair")
    assert [u for u in page.recorder.seen if "search_index" in u], "opening search loaded the index"
    assert any("a harbour strike" in r for r in results), results


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("query", ["agitators", "seemin", "AGITATORS strike"])
def test_search_finds_the_articles_last_words_and_the_start_of_a_word(fixture_kit, open_page, scheme, query):
    """The article's last line is far past what a result shows, and is found all the same, as is a word
    half typed: every word of the article is in the shards, and a query word matches the words it starts."""
    url = fixture_kit.http if scheme == "http" else fixture_kit.file
    page = open_page(url(LESSON))
    results = _open_search(page, query)
    assert any("a harbour strike" in r for r in results), results
    requested = [u.rsplit("/", 1)[-1] for u in page.recorder.seen if "/search/shards/" in u]
    assert requested and len(requested) <= 2, requested  # only the shards of the query's words
    marked = page.locator(".md-search-result mark").evaluate_all("els => els.map(e => e.textContent)")
    # the words found are marked, those past the text a result keeps included
    assert marked and all(m.lower().startswith(("agitators", "seemin", "strike")) for m in marked), marked
    assert any(m.lower().startswith(query.split()[0].lower()) for m in marked), marked


def test_a_query_with_markup_stays_text(fixture_kit, open_page):
    page = open_page(fixture_kit.http(LESSON))
    page.evaluate("window.__pwned = 0")
    try:
        _open_search(page, 'strike <img src=x onerror="window.__pwned=1">')
    except Exception:
        pass  # no result is fine: nothing may run
    assert page.evaluate("window.__pwned") == 0
    assert page.locator(".md-search-result img").count() == 0


@pytest.mark.parametrize("scheme", ["http", "file"])
@pytest.mark.parametrize("word", ["union leader", "judgement", "neutral", "walk"])
def test_student_search_results_show_no_answer_text(fixture_kit, open_page, answer_texts, scheme, word):
    url = fixture_kit.http if scheme == "http" else fixture_kit.file
    page = open_page(url(LESSON))
    try:
        results = _open_search(page, word)
    except Exception:
        results = []  # no result at all shows no answer either
    shown = " ".join(results)
    assert [t for t in answer_texts if t.rstrip(".") in shown] == [], results
    assert page.locator(f'.md-search-result a[href*="#q-"], .md-search-result a[href*="#notes"], .md-search-result a[href*="#key-points"]').count() == 0


@pytest.mark.parametrize("word", ["union leader", "judgement"])
def test_the_teacher_site_search_shows_answer_text(fixture_kit, open_page, answer_texts, word):
    """The same queries in the teacher site do reach the answers: the student check above can fail."""
    page = open_page(fixture_kit.file(f"site-teacher/teacher/{FIXTURE}/index.html"))
    shown = " ".join(_open_search(page, word))
    assert [t for t in answer_texts if t.rstrip(".") in shown], shown


def test_an_index_that_was_not_split_is_searched_in_memory(fixture_kit, open_page, tmp_path):
    """A site MkDocs built without closeread's split (``mkdocs serve``, ``build.py serve``'s preview) keeps
    Material's index whole: the worker indexes it in memory and finds the same words."""
    import shutil

    site = shutil.copytree(fixture_kit.root / "site", tmp_path / "site")
    index = json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))
    config = {k: v for k, v in index["config"].items() if k != "closeread"}
    docs = [dict(d, text=f"<p>{html.escape(d['text'])}</p>") for d in index["docs"]]
    docs[-1]["text"] += "<p>Zanzibarian &amp; co</p>"  # a word only this whole index has
    whole = json.dumps({"config": config, "docs": docs})
    (site / "search" / "search_index.json").write_text(whole, encoding="utf-8")
    (site / "search" / "search_index.js").write_text("var __index = " + whole, encoding="utf-8")
    shutil.rmtree(site / "search" / "shards")
    page = open_page((site / "lessons" / FIXTURE / "index.html").as_uri())
    button = page.locator('label.md-header__button[for="__search"]')
    (button if button.is_visible() else page.locator(".md-search__input")).click()
    page.locator(".md-search__input").focus()
    page.keyboard.type("zanzibar", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15_000)
    assert "zanzibarian" in page.locator(".md-search-result").inner_text().lower()
    assert [u for u in page.recorder.seen if "/shards/" in u] == []
