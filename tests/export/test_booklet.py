"""The kit's booklet: a rendered cover and contents, then every lesson's worksheet and key PDF merged as
they are; read back with poppler (and pypdf for the bookmarks)."""

from __future__ import annotations

import io
import re
import shutil

import pytest

from tests.conftest import make_kit
from tests.export.conftest import need, pdfinfo, run_export

TITLES = {"tiny-harbour": "A harbour strike", "second-harbour": "Second, a dock walkout", "third-harbour": "Third – «the port» & the city"}


def kit_of_three(target):
    """The fixture kit with two more lessons (copies under other titles)."""
    kit = make_kit(target)
    for slug in ("second-harbour", "third-harbour"):
        shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / slug)
        path = kit / "lessons" / slug / "lesson.yaml"
        path.write_text(path.read_text(encoding="utf-8").replace("title: A harbour strike", f"title: {TITLES[slug]}", 1), encoding="utf-8")
    return kit


@pytest.fixture(scope="module")
def three(tmp_path_factory):
    need("fc-list", "fontconfig")
    return run_export(kit_of_three(tmp_path_factory.mktemp("booklet") / "kit"))


def page_count(poppler, data: bytes) -> int:
    return int(pdfinfo(poppler("pdfinfo", data))["Pages"])


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_contents_list_every_lesson_with_its_start_pages(three, poppler, paper):
    booklet = three.files[f"teacher/booklet-{paper}.pdf"]
    pages = poppler("pdftotext", booklet, "-layout").split("\f")[:-1]
    contents = "\n".join(p for p in pages if "Contents" in p)
    front = 1 + sum("Contents" in p for p in pages)  # the cover, then the contents (their running footer)
    assert front >= 2 and "closeread" in pages[0]
    # where each part must start: after the front matter, the lessons' own PDFs one after the other
    expected, page = {}, front + 1
    for lesson in sorted(three.lessons, key=lambda l: l.slug):
        ws = page_count(poppler, three.files[f"lessons/{lesson.slug}/worksheet-{paper}.pdf"])
        key = page_count(poppler, three.files[f"teacher/{lesson.slug}/key-{paper}.pdf"])
        expected[lesson.title] = (page, page + ws)
        page += ws + key
    assert len(pages) == page - 1
    listed = re.findall(r"^(\S.*?)\s*\n\s+Student worksheet[ .]+(\d+)\s*\n\s+Teacher key[ .]+(\d+)", contents, re.M)
    assert {title: (int(w), int(k)) for title, w, k in listed} == {t: expected[t] for t in expected}
    order = [title for title, _, _ in listed]
    assert order == [l.title for l in three.lessons]  # the kit's order
    for title, (ws, key) in expected.items():
        assert "STUDENT WORKSHEET" in pages[ws - 1] and title in pages[ws - 1]
        assert "TEACHER KEY" in pages[key - 1] and title in pages[key - 1]
        assert "Page 1 of" in pages[ws - 1] and "Page 1 of" in pages[key - 1]


def test_every_page_but_the_cover_has_its_booklet_number(three, poppler):
    booklet = three.files["teacher/booklet-a4.pdf"]
    n = page_count(poppler, booklet)
    words = poppler("pdftotext", booklet, "-bbox")
    per_page = words.split("<page ")[1:]
    assert len(per_page) == n
    for number, page in enumerate(per_page, start=1):
        top_right = [
            m.group(5)
            for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>', page)
            if float(m.group(2)) < 30 and float(m.group(3)) > 595.28 - 50
        ]
        assert top_right == ([] if number == 1 else [str(number)]), number


def test_bookmarks_and_links(three):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(three.files["teacher/booklet-letter.pdf"]))
    outline = reader.outline
    assert outline[0].title == "Contents" and reader.get_destination_page_number(outline[0]) == 1
    lessons = [(outline[i], outline[i + 1]) for i in range(1, len(outline), 2)]
    assert [item.title for item, _ in lessons] == [l.title for l in three.lessons]
    text = [page.extract_text() for page in reader.pages]
    for (item, (ws, key)), lesson in zip(lessons, three.lessons):
        assert (ws.title, key.title) == ("Student worksheet", "Teacher key")
        ws_page, key_page = reader.get_destination_page_number(ws), reader.get_destination_page_number(key)
        assert reader.get_destination_page_number(item) == ws_page < key_page
        assert "STUDENT WORKSHEET" in text[ws_page] and lesson.title in text[ws_page]
        assert "TEACHER KEY" in text[key_page]
        # the contents' links go to the same pages
        dests = reader.named_destinations
        assert reader.get_destination_page_number(dests[f"{lesson.slug}-worksheet"]) == ws_page
        assert reader.get_destination_page_number(dests[f"{lesson.slug}-key"]) == key_page
    links = [a.get_object() for page in reader.pages[1:3] for a in page.get("/Annots", [])]
    assert {str(a["/Dest"]) for a in links if "/Dest" in a} == {f"{l.slug}-{part}" for l in three.lessons for part in ("worksheet", "key")}


def test_metadata_and_paper(three, poppler):
    for paper, size in (("a4", "595.276 x 841.89"), ("letter", "612 x 792")):
        info = pdfinfo(poppler("pdfinfo", three.files[f"teacher/booklet-{paper}.pdf"]))
        assert info["Title"] == "closeread: student worksheets and teacher keys"
        assert info["Author"] == "closeread"
        assert info["CreationDate"].startswith("Tue Nov 14 22:13:20 2023") and info["ModDate"] == info["CreationDate"]
        assert info["Page size"].startswith(size)
    from tests.export.test_pdf import inflated

    assert b"/Lang (en)" in inflated(three.files["teacher/booklet-a4.pdf"])


def test_without_source_date_epoch_no_date_and_still_reproducible(tmp_path, poppler):
    kit = make_kit(tmp_path / "kit")
    first = run_export(kit, epoch=None)
    info = pdfinfo(poppler("pdfinfo", first.files["teacher/booklet-a4.pdf"]))
    assert "CreationDate" not in info and "ModDate" not in info
    again = run_export(make_kit(tmp_path / "again"), epoch=None)
    assert again.files["teacher/booklet-a4.pdf"] == first.files["teacher/booklet-a4.pdf"]


def test_id_is_derived_from_the_content(three):
    """/ID: the same for the same inputs (see test_cache), different for a different booklet."""
    ids = {re.search(rb"/ID\[<([0-9a-f]{32})>", three.files[f"teacher/booklet-{p}.pdf"]).group(1) for p in ("a4", "letter")}
    assert len(ids) == 2
