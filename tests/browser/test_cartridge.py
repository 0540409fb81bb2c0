"""Common Cartridge in Chromium: the assignment builder zips a selection's cartridge in the browser (read back
by the same two readers as the build's), shares a web link to Google Classroom with a plain link and
explains why a file:// link cannot be shared; the lesson page inside a cartridge works opened as a file."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from tests.browser.conftest import FIXTURE
from tests.browser.test_site import _axe
from tests.export.cartridge_reader import ASSESSMENT, WEBLINK, read_lxml, read_stdlib

BUILDER = "site-teacher/teacher/assign.html"
THREE = ("q-source", "q-find", "q-short")
WEB = "https://school.example/closeread/"


def _tick_three(page, base: str | None = None):
    page.locator("#cr-as-lesson").select_option(label="A harbour strike")
    page.get_by_role("button", name="Untick all").click()
    for qid in THREE:
        page.locator(f"#cr-as-q-{qid}").check()
    if base is not None:
        page.get_by_label("Address of the student site").fill(base)


def _download(page) -> tuple[str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Download Common Cartridge (.imscc)").click()
    return info.value.suggested_filename, Path(info.value.path()).read_bytes()


@pytest.mark.parametrize("where", ["http", "file"])
def test_the_builder_makes_a_selection_cartridge(fixture_kit, open_page, where):
    from closeread.export.items import quiz_for
    from closeread.validate.kit import load_kit

    lesson = next(l for l in load_kit(root=fixture_kit.root) if l.slug == FIXTURE)
    page = open_page(fixture_kit.http(BUILDER) if where == "http" else fixture_kit.file(BUILDER))
    _tick_three(page, WEB)
    link = page.get_by_label("Link for your students").input_value()
    name, data = _download(page)
    assert name == f"{FIXTURE}-selection.imscc"
    status = page.locator(".cr-as-lms-status").inner_text()
    assert status.startswith("3 questions in the cartridge's quiz") and status.endswith("and the assignment's link.")

    s = read_lxml(data)
    assert s.title == "closeread: A harbour strike (selection)"
    (module, entries), = s.modules
    assert module == "A harbour strike"
    assert [kind for _, kind in entries] == ["webcontent", WEBLINK, WEBLINK, ASSESSMENT]
    assert entries[1][0] == "The assignment (3 questions) on the student site"
    assert sorted(s.links.values()) == sorted([link, lesson.source.url])
    assert parse_qs(urlsplit(link).fragment.split("?", 1)[1])["q"] == [",".join(THREE)]
    (items,) = s.quizzes.values()
    by_id = {i.id.split(".", 1)[1]: i for i in quiz_for(lesson, lesson.ordered_questions).questions}
    assert [i["profile"] for i in items] == ["cc.multiple_choice.v0p1", "cc.essay.v0p1", "cc.essay.v0p1"]
    assert ["".join(i["prompt"].split()) for i in items] == ["".join(by_id[q].prompt.split()) for q in THREE]
    assert items[0]["correct"] == [c.text for c in by_id["q-source"].correct]
    other = read_stdlib(data)
    assert other["files"] == sorted(s.files) and list(other["profiles"].values()) == [[i["profile"] for i in items]]
    # the zip is the builder's own: stored entries, correct CRCs (read_lxml tested them), a fixed date
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert {i.compress_type for i in zf.infolist()} == {zipfile.ZIP_STORED}
        assert {i.date_time for i in zf.infolist()} == {(1980, 1, 1, 0, 0, 0)}
    # the page and the article link are the build's, byte for byte
    built = read_lxml((fixture_kit.root / f"site-teacher/teacher/{FIXTURE}/{FIXTURE}.imscc").read_bytes())
    for f in (f"{FIXTURE}/index.html", f"{FIXTURE}/article-link.xml"):
        assert s.files[f] == built.files[f]
    # the same selection gives the same bytes
    assert _download(page)[1] == data


def test_a_file_link_is_left_out_of_the_cartridge_and_cannot_be_shared(fixture_kit, open_page):
    page = open_page(fixture_kit.file(BUILDER))
    _tick_three(page)
    assert page.get_by_label("Link for your students").input_value().startswith("file://")
    share = page.locator(".cr-as-classroom")
    assert share.is_hidden() and share.get_attribute("href") is None
    note = page.locator(".cr-as-classroom-note")
    assert note.is_visible() and "cannot be shared" in note.inner_text()
    _, data = _download(page)
    s = read_lxml(data)
    assert [kind for _, kind in s.modules[0][1]] == ["webcontent", WEBLINK, ASSESSMENT]
    assert "not a web address" in page.locator(".cr-as-lms-status").inner_text()


@pytest.mark.parametrize("where", ["http", "file"])
def test_a_web_link_is_shared_to_google_classroom_with_a_plain_link(fixture_kit, open_page, where):
    page = open_page(fixture_kit.http(BUILDER) if where == "http" else fixture_kit.file(BUILDER))
    _tick_three(page, WEB if where == "file" else None)  # over http the prefilled address is a web one
    link = page.get_by_label("Link for your students").input_value()
    assert link.startswith("http")
    share = page.get_by_role("link", name="Share to Google Classroom")
    href = share.get_attribute("href")
    assert href.startswith("https://classroom.google.com/share?url=")
    assert parse_qs(urlsplit(href).query)["url"] == [link]
    assert share.get_attribute("rel") == "noopener"
    assert page.locator(".cr-as-classroom-note").is_hidden()
    assert not page.locator("script[src*='google']").count()


def test_the_cartridge_page_works_opened_as_a_file(fixture_kit, open_page, tmp_path):
    """The lesson's page from its built cartridge, unzipped and opened from file://: the kit's script
    runs (a question checked, with feedback), nothing is requested from anywhere, axe finds nothing."""
    data = (fixture_kit.root / f"site-teacher/teacher/{FIXTURE}/{FIXTURE}.imscc").read_bytes()
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        zf.extractall(tmp_path)
    page = open_page((tmp_path / FIXTURE / "index.html").as_uri(), served=[])
    section = page.locator('section.cr-q[data-q="q-source"]')
    section.scroll_into_view_if_needed()
    section.get_by_label("Ana Silva").check()
    section.get_by_role("button", name="Check my answer").click()
    assert "Right" in section.locator(".cr-feedback").inner_text()
    assert [u for u in page.recorder.seen if not u.startswith("file://")] == []
    assert _axe(page) == []
