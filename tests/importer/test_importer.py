"""Tests for importing a saved page as a draft lesson (closeread.importer)."""

from __future__ import annotations

import datetime
import gzip
import shutil
from pathlib import Path

import pytest
import yaml

from closeread.errors import ImportFailed
from closeread.importer import extract_page, import_page, read_page
from closeread.importer.draft import slugify
from closeread.validate.schema import ROLES

FIXTURES = Path(__file__).resolve().parent / "fixtures"
CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
DEV = CORPUS / "article-extraction-dev"
TODAY = datetime.date(2025, 3, 4)
EXPECTED = "a saved web page (.html, .htm, .html.gz) or a plain-text article (.txt)"


def _import(path: Path, lessons: Path, **kw) -> Path:
    return import_page(path, lessons_dir=lessons, today=TODAY, **kw)


def _check_lesson(folder: Path) -> dict:
    article = (folder / "article.txt").read_text(encoding="utf-8")
    text = (folder / "lesson.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=../../schema/lesson.schema.json\n")
    data = yaml.safe_load(text)
    for part in data["article"]["parts"]:
        assert part["quote"] in article
        assert part["role"] in ROLES
    if "headline" in data["article"]:
        assert data["article"]["headline"] in article
    assert data["draft"] is True
    assert isinstance(data["minutes"], int)
    assert data["grade_band"] == "9-12"
    assert data["skills"] and data["objectives"] and data["key_points"]
    assert data["summary"].startswith("TODO: ")
    assert data["source"]["retrieved"] == TODAY
    assert isinstance(data["annotations"], list)
    return data


# ------------------------------------------------------------------------------------ refusals


def _gzip(path: Path, data: bytes) -> Path:
    path.write_bytes(gzip.compress(data))
    return path


REFUSALS = {
    "missing": (lambda d: d / "nope.html", f"file not found; expected {EXPECTED}"),
    "empty": (lambda d: _write(d / "empty.html", b""), f"is empty; expected {EXPECTED}"),
    "blank": (lambda d: _write(d / "blank.txt", b"  \n\n "), f"is empty; expected {EXPECTED}"),
    "binary-nul": (lambda d: _write(d / "bin.html", b"<html>\x00\x01\x02</html>"),
                   f"is binary (contains NUL bytes); expected {EXPECTED}"),
    "binary-pdf": (lambda d: _write(d / "doc.html", b"%PDF-1.7\n..."),
                   f"is binary (a PDF document); expected {EXPECTED}"),
    "not-html": (lambda d: _write(d / "notes.html", b"just some words, no markup at all\n"),
                 "is not HTML (no HTML tags found); expected a saved web page"),
    "bad-utf8": (lambda d: _write(d / "bad.html", b"<html><body><p>caf\xe9 \xff\xfe</p></body></html>"),
                 "bytes at offset 18 are not UTF-8 and no encoding is declared; expected UTF-8 or a "
                 "<meta charset> declaration"),
    "unknown-charset": (lambda d: _write(d / "cs.html", b'<html><head><meta charset="klingon-8"></head>'
                                                        b"<body><p>caf\xe9</p></body></html>"),
                        "declares 'klingon-8', an encoding browsers ignore, and bytes at offset 57 are not "
                        "UTF-8; expected UTF-8 or a <meta charset> declaration of an encoding browsers know"),
    "replacement-charset": (lambda d: _write(d / "kr.html", b'<html><head><meta charset="ISO-2022-KR"></head>'
                                                            b"<body><p>x</p></body></html>"),
                            "declares the encoding 'ISO-2022-KR', which browsers show as a single replacement "
                            "character; expected a page in an encoding browsers read (save it again as UTF-8)"),
    "utf16-no-bom": (lambda d: _write(d / "u16.html", "<html><body><p>Hello there</p></body></html>".encode("utf-16-le")),
                     "looks like UTF-16 text without a byte-order mark (every other byte is NUL); expected UTF-8 "
                     "(open it in a text editor and save it as UTF-8) or UTF-16 with a byte-order mark"),
    "suffix": (lambda d: _write(d / "page.pdf", b"%PDF"),
               f"unsupported file type '.pdf'; expected {EXPECTED}"),
    "bad-gzip": (lambda d: _write(d / "page.html.gz", b"\x1f\x8bthis is not gzip"),
                 "is not valid gzip data; expected gzip-compressed HTML"),
    "zip-bomb": (lambda d: _gzip(d / "bomb.html.gz", b"<html>" + b" " * (21 * 1024 * 1024)),
                 "decompresses to larger than 20 MB; expected a page of at most 20 MB"),
    "huge": (lambda d: _write(d / "huge.html", b"<html>" + b" " * (20 * 1024 * 1024 + 10)),
             "is larger than 20 MB (20 MB); expected a page of at most 20 MB"),
    "no-article": (lambda d: _write(d / "nav.html", b"<html><body><nav><a href='/'>Home</a></nav></body></html>"),
                   "no article text found; expected a page with an article's paragraphs"),
    "txt-headline-only": (lambda d: _write(d / "one.txt", b"Just a headline\n"),
                          "no article text found (only a headline); expected a headline line followed by "
                          "the article's paragraphs"),
}


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("case", sorted(REFUSALS))
def test_unreadable_page_is_refused_with_one_line_and_creates_nothing(tmp_path, case):
    make, message = REFUSALS[case]
    inputs = tmp_path / "in"
    inputs.mkdir()
    path = make(inputs)
    lessons = tmp_path / "lessons"
    lessons.mkdir()
    with pytest.raises(ImportFailed) as info:
        _import(path, lessons)
    assert str(info.value) == f"{path}: {message}"
    assert "\n" not in str(info.value)
    assert list(lessons.iterdir()) == []


def test_failure_while_writing_leaves_nothing(tmp_path):
    lessons = tmp_path / "lessons"

    def broken(text: str, *, skip, captions) -> list:
        raise RuntimeError("suggester crashed")

    with pytest.raises(RuntimeError):
        _import(FIXTURES / "jsonld-article.html", lessons, suggest=broken)
    assert not lessons.exists() or list(lessons.iterdir()) == []


# ------------------------------------------------------------------------------------ decoding


def test_decoding_follows_bom_then_meta_then_utf8(tmp_path):
    page = "<html><body><p>Café déjà vu</p></body></html>"
    (tmp_path / "bom.html").write_bytes(b"\xef\xbb\xbf" + page.encode("utf-8"))
    assert read_page(tmp_path / "bom.html").text == page
    (tmp_path / "u16.html").write_bytes(page.encode("utf-16"))
    assert read_page(tmp_path / "u16.html").text == page
    legacy = '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">' \
             "</head><body><p>Café “quoted”</p></body></html>"
    (tmp_path / "latin.html").write_bytes(legacy.encode("cp1252"))
    source = read_page(tmp_path / "latin.html")
    assert "Café “quoted”" in source.text and source.encoding == "cp1252"
    (tmp_path / "plain.html").write_bytes(page.encode("utf-8"))
    assert read_page(tmp_path / "plain.html").encoding == "utf-8"


# ------------------------------------------------------------------------------------ metadata


def test_metadata_from_fixture_with_json_ld():
    page = extract_page(read_page(FIXTURES / "jsonld-article.html"), url="https://courier.example/x")
    meta = page.meta
    assert meta.title == "Harbour council delays vote on sea wall"
    assert meta.outlet == "The Coastal Courier"
    assert meta.author == "Jane Okafor, Tom Reyes"
    assert meta.published == "2024-02-14"
    assert meta.url == "https://courier.example/news/2024/02/harbour-council-delays-vote"
    assert meta.language == "en-GB"


def test_blocks_from_fixture_mark_furniture_captions_and_credits():
    page = extract_page(read_page(FIXTURES / "jsonld-article.html"))
    roles = [(b.role, b.label, b.text) for b in page.blocks]
    assert roles[0] == ("furniture", "Section label", "Local politics")
    assert roles[1] == ("headline", "Headline", "Harbour council delays vote on sea wall")
    assert ("furniture", "Byline", "By Jane Okafor and Tom Reyes") in roles
    assert ("caption", "Photo caption", "The existing sea wall at Low Quay after the January storms.") in roles
    assert ("credit", "Photo credit", "Photo: Sam Lee/Coastal Courier") in roles
    assert ("subheading", "Subheading", "Costs questioned") in roles
    assert ("furniture", "Advertisement label", "Advertisement") in roles
    assert ("furniture", "Related-story teaser", "Storm floods eleven homes at Low Quay") in roles
    body = [b.text for b in page.blocks if b.role == "body"]
    assert body[0].startswith("Councillors in Port Aldwin have postponed")
    assert body[-1] == "The vote is now expected on 12 March, when the full council meets at the town hall."
    assert "Home" not in [b.text for b in page.blocks] and not any("©" in b.text for b in page.blocks)


# ------------------------------------------------------------------------------------ imports


def test_txt_import(tmp_path):
    folder = _import(FIXTURES / "article.txt", tmp_path / "lessons")
    assert folder.name == "harbour-council-delays-vote-on-sea-wall"
    article = (folder / "article.txt").read_text(encoding="utf-8")
    assert article.splitlines()[0] == "Harbour council delays vote on sea wall"
    assert article.count("\n\n") == 2
    data = _check_lesson(folder)
    assert data["article"]["headline"] == "Harbour council delays vote on sea wall"
    assert data["source"]["url"].startswith("TODO: ")
    assert data["annotations"] == []


def test_html_gz_import_and_slug_suffixes(tmp_path):
    gz = _gzip(tmp_path / "page.html.gz", (FIXTURES / "jsonld-article.html").read_bytes())
    lessons = tmp_path / "lessons"
    first = _import(gz, lessons)
    second = _import(gz, lessons)
    third = _import(gz, lessons)
    assert [first.name, second.name, third.name] == [
        "harbour-council-delays-vote-on-sea-wall", "harbour-council-delays-vote-on-sea-wall-2",
        "harbour-council-delays-vote-on-sea-wall-3"]
    data = _check_lesson(first)
    assert data["source"]["outlet"] == "The Coastal Courier"
    assert data["source"]["published"] == datetime.date(2024, 2, 14)
    assert data["source"]["language"] == "en-GB"
    assert sorted(p.name for p in lessons.iterdir()) == [first.name, second.name, third.name]


def test_suggested_annotations_are_written_as_given(tmp_path):
    def suggest(text: str, *, skip, captions) -> list[dict]:
        assert "Maria Chen" in text
        assert all(0 <= a < b <= len(text) for a, b in skip)
        return [{"id": "chen", "kind": "quote", "quote": "We are not against the wall", "note": "TODO: note",
                 "speaker": "chen", "suggested": True}]

    folder = _import(FIXTURES / "jsonld-article.html", tmp_path / "lessons", suggest=suggest)
    data = _check_lesson(folder)
    assert data["annotations"] == [{"id": "chen", "kind": "quote", "quote": "We are not against the wall",
                                    "note": "TODO: note", "speaker": "chen", "suggested": True}]


def test_repeated_line_gets_occurrence(tmp_path):
    html = ("<html><body><article><h1>Repeated labels test page</h1>"
            + "".join(f"<p>Paragraph number {i} of the story, long enough to count as article text for "
                      f"the extractor to keep it.</p><p>Advertisement</p>" for i in range(6))
            + "</article></body></html>")
    path = tmp_path / "rep.html"
    path.write_text(html, encoding="utf-8")
    folder = _import(path, tmp_path / "lessons")
    data = _check_lesson(folder)
    ads = [p for p in data["article"]["parts"] if p["quote"] == "Advertisement"]
    assert ads and [p.get("occurrence") for p in ads] == list(range(1, len(ads) + 1))


def test_an_empty_divider_between_a_date_and_a_time_becomes_a_space(tmp_path):
    # CNBC: the divider is drawn by the stylesheet; without a space the year ran into the hour ("20194:29 AM")
    html = ("<html><body><article><h1>Airline orders thirty jets for its expansion</h1>"
            '<div class="ArticleHeader-time"><time>Published Wed, Nov 20 2019<span class="ArticleHeader-datetimeDivider"></span>4:29 AM EST</time>'
            '<span class="ArticleHeader-timestampDivider"></span><time>Updated an hour ago</time></div>'
            + "".join(f"<p>Paragraph {i} of the story, long enough to count as article text for the extractor to keep it.</p>" for i in range(6))
            + "</article></body></html>")
    path = tmp_path / "divider.html"
    path.write_text(html, encoding="utf-8")
    article = (_import(path, tmp_path / "lessons") / "article.txt").read_text(encoding="utf-8")
    assert "Published Wed, Nov 20 2019 4:29 AM EST Updated an hour ago" in article
    assert "20194" not in article


@pytest.mark.parametrize("title, slug", [
    ("The Future of Banking Is … You're Broke", "the-future-of-banking-is-youre-broke"),
    ("What is the value of drugs at the U.S. border?", "what-is-the-value-of-drugs-at-the-us-border"),
    ("Straße über Ærø", "strasse-uber-aero"),
    ("x" * 70, "x" * 60),
    ("one two three four five six seven eight nine ten eleven twelve thirteen",
     "one-two-three-four-five-six-seven-eight-nine-ten-eleven"),
])
def test_slugify(title, slug):
    assert slugify(title) == slug


def test_real_corpus_page_imports(tmp_path):
    if not (DEV / "ground-truth.json").exists():
        pytest.skip(f"real-page corpus not found at {DEV}")
    page = DEV / "html" / "7a457a4f71735c17b8b34fafc88835d225cf879b2d812311857a64cfc891eee9.html.gz"
    copy = tmp_path / page.name
    shutil.copy(page, copy)
    folder = _import(copy, tmp_path / "lessons")
    assert folder.name == "new-york-man-pleads-guilty-to-threatening-to-kill-rep-ilhan"
    data = _check_lesson(folder)
    assert data["title"] == "New York man pleads guilty to threatening to kill Rep. Ilhan Omar"
    assert data["source"]["outlet"] == "NBC News"
    assert data["source"]["published"] == datetime.date(2019, 11, 19)
    assert data["source"]["url"].startswith("https://www.nbcnews.com/")
    roles = {p["role"] for p in data["article"]["parts"]}
    assert {"headline", "furniture", "caption"} <= roles
    article = (folder / "article.txt").read_text(encoding="utf-8")
    assert "Rep. Ilhan Omar" in article


def test_posts_embedded_from_social_networks_are_marked_not_the_outlets_voice():
    page = extract_page(read_page(FIXTURES / "embedded-posts.html"))
    roles = {b.text: (b.role, b.label) for b in page.blocks}
    tweet = ("The ferry is the only road we have. Doubling the fare is a disaster for every family on Holm Island.")
    assert roles[tweet] == ("furniture", "Embedded post")
    assert roles["Last sailing before the new fares start: the crossing is cheaper than it will ever be again."] \
        == ("furniture", "Embedded post")
    # the article's own lines around them stay body
    assert roles["Residents took to social media to protest against the decision. See tweets :"] == ("body", "")
    assert roles[next(t for t in roles if t.startswith("The operator said fuel costs"))] == ("body", "")


def test_nothing_is_suggested_on_an_embedded_post(tmp_path):
    from closeread.suggest import suggest

    folder = _import(FIXTURES / "embedded-posts.html", tmp_path,
                     suggest=lambda text, *, skip, captions: suggest(text, skip=skip, captions=captions))
    data = yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))
    suggested = [a for a in data.get("annotations") or [] if a.get("suggested")]
    quotes = " ".join(str(a.get("quote")) for a in suggested)
    assert suggested and "disaster" not in quotes and "Last sailing" not in quotes and "Doubling" not in quotes
    # "See tweets :" is an instruction to the reader: "See" is no source
    assert not any(a.get("kind") == "source" and a.get("quote") == "See" for a in suggested)


def test_a_dateline_in_a_source_classed_element_is_a_dateline_not_a_photo_credit(tmp_path):
    # CNN's "CNN —" sits in <div class="source"><cite class="source__cite">: a 'source' class marks photo
    # credits on other sites, but a line that is only a dateline is never one ("Photo not captured" followed)
    body = " ".join(["The court heard the case on Monday and the justices asked many questions."] * 6)
    html = (f"<html><head><title>Court</title></head><body><article><h1>Court hears the case</h1>"
            f"<div class='source'><cite class='source__cite'><span>CNN</span> —</cite></div>"
            f"<p>{body}</p><p>{body}</p></article></body></html>")
    page_file = tmp_path / "page.html"
    page_file.write_text(html, encoding="utf-8")
    page = extract_page(read_page(page_file))
    roles = {b.text.strip(): (b.role, b.label) for b in page.blocks}
    assert roles.get("CNN —") == ("furniture", "Dateline"), roles


def test_a_page_longer_than_a_lesson_is_refused_before_the_suggester_runs(tmp_path):
    """'check' refuses an article over MAX_ARTICLE_CHARS; 'new' says so at once instead of suggesting on it
    for minutes (the suggester's passes grow faster than the text: a 2.5 MB page ran over ten minutes)."""
    from closeread.load.lessonfiles import MAX_ARTICLE_CHARS

    para = "<p>The council spent 40 dollars on roads this year, officials said on Monday.</p>\n"
    page = tmp_path / "live-blog.html"
    body = "".join(para.replace("40", str(i)) for i in range(MAX_ARTICLE_CHARS // (len(para) - 8) + 50))  # not one repeated line
    page.write_text(f"<html><head><title>Live - Example News</title></head><body><article><h1>Live</h1>{body}</article></body></html>")
    called = []

    def suggest(text: str, *, skip, captions) -> list:
        called.append(len(text))
        return []

    lessons = tmp_path / "lessons"
    with pytest.raises(ImportFailed) as info:
        _import(page, lessons, suggest=suggest)
    assert str(info.value).startswith(f"{page}: the page's article text is ")
    assert f"({MAX_ARTICLE_CHARS:,}:" in str(info.value) and "expected one article" in str(info.value)
    assert called == [] and (not lessons.exists() or list(lessons.iterdir()) == [])
    # a page of ordinary length goes through
    short = tmp_path / "short.html"
    short.write_text(f"<html><head><title>Short - Example News</title></head><body><article><h1>Short</h1>{''.join(para.replace('40', str(i)) for i in range(20))}</article></body></html>")
    assert (_import(short, lessons, suggest=suggest) / "lesson.yaml").exists()
