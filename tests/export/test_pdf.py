"""The printed PDFs, read back with poppler: content, answers only in the key, paper sizes, embedded
fonts, metadata."""

from __future__ import annotations

import re
import zlib

import pytest

from tests.export.conftest import pdfinfo

SLUG = "tiny-harbour"
WORKSHEETS = {"a4": f"lessons/{SLUG}/worksheet-a4.pdf", "letter": f"lessons/{SLUG}/worksheet-letter.pdf"}
KEYS = {"a4": f"teacher/{SLUG}/key-a4.pdf", "letter": f"teacher/{SLUG}/key-letter.pdf"}
# the extended handouts: every question (the period ones: test_period.py)
EXTENDED = {"worksheet": f"lessons/{SLUG}/worksheet-extended-a4.pdf", "key": f"teacher/{SLUG}/key-extended-a4.pdf"}
BOOKLETS = {"a4": "teacher/booklet-a4.pdf", "letter": "teacher/booklet-letter.pdf"}
SIZES = {"a4": ("595", "842"), "letter": ("612", "792")}

# Words only an answer contains: none may be on the worksheet, all must be in the key.
ANSWERS = [
    "The union leader gives it.",  # an explanation
    "Yes, the union leader.",  # an authored option's feedback
    "It says the city is paralysed, which no source says.",  # a model answer
    "Managers and city officials other than the mayor.",  # discussion guidance
    "The figure comes from the union leader.",  # an annotation's note
    "(correct)",
]


def inflated(data: bytes) -> bytes:
    """The PDF with every Flate stream decompressed (the catalog sits in a compressed object stream)."""
    parts = [data]
    for m in re.finditer(rb"stream\r?\n(.*?)endstream", data, re.S):
        try:
            parts.append(zlib.decompress(m.group(1)))
        except zlib.error:
            pass
    return b"\n".join(parts)


def flat(text: str) -> str:
    return " ".join(text.split())


def test_every_pdf_is_made(exported):
    for path in [*WORKSHEETS.values(), *KEYS.values(), *BOOKLETS.values(), *EXTENDED.values()]:
        assert exported.files[path].startswith(b"%PDF-"), path


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_paper_sizes(exported, poppler, paper):
    for path in (WORKSHEETS[paper], KEYS[paper], BOOKLETS[paper]):
        out = poppler("pdfinfo", exported.files[path], "-f", "1", "-l", "100000")
        sizes = re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", out)
        assert len(sizes) == int(pdfinfo(out)["Pages"]) >= 1, path
        assert {(str(round(float(w))), str(round(float(h)))) for w, h in sizes} == {SIZES[paper]}, path


def test_worksheet_content(exported, poppler):
    text = poppler("pdftotext", exported.files[EXTENDED["worksheet"]], "-layout")
    lesson = exported.lessons[0]
    assert lesson.title in text
    assert "Local News" in text and "https://example.org/harbour-strike" in text
    # every non-blank line of article.txt, with its own number in front of it on the same line
    for line in lesson.article.lines:
        if line.text.strip():
            first_words = " ".join(line.text.split()[:3])
            assert re.search(rf"^\s*{line.number}\s+.*{re.escape(first_words)}", text, re.M), (line.number, first_words)
    flat_text = flat(text)
    for q in lesson.questions:
        assert flat(q.prompt)[:60] in flat_text, q.id
        for i, o in enumerate(q.options):  # lettered: A, B, C ...
            from closeread.questions import option_letter

            assert f"{option_letter(i)}. {o.text}" in flat_text, (q.id, o.text)
    assert "Name:" in text and "☐" in text  # tick boxes
    for answer in ANSWERS:
        assert answer not in flat_text, f"answer on the student worksheet: {answer}"
    assert "✓" not in text and "☑" not in text


def test_blank_lines_keep_numbers(tmp_path):
    """A blank line in article.txt is not printed, and the lines after it keep their numbers."""
    from closeread.export.print_html import LessonView, worksheet_html

    from tests.conftest import make_kit
    from closeread.validate.kit import load_kit

    kit = make_kit(tmp_path / "kit")
    article = kit / "lessons" / SLUG / "article.txt"
    lines = article.read_text(encoding="utf-8").split("\n")
    article.write_text("\n".join(lines[:4] + ["", "   "] + lines[4:]), encoding="utf-8")
    lesson = load_kit(root=kit)[0]
    html = worksheet_html(LessonView(lesson))
    # each printed line starts with its number, right-aligned with figure spaces (see print.css)
    numbers = [int(n) for n in re.findall(r'<div class="line[^"]*">\u2007*(\d+)\u2007', html)]
    assert numbers == [1, 2, 3, 4, 7, 8, 9, 10, 11, 12]
    assert re.search(r'<div class="line[^"]*">\u2007*7\u2007The port authority', html)


def test_key_content(exported, poppler):
    text = poppler("pdftotext", exported.files[EXTENDED["key"]], "-layout")
    flat_text = flat(text)
    lesson = exported.lessons[0]
    assert lesson.title in text and "Teacher key" in text
    for answer in ANSWERS:
        assert answer in flat_text, answer
    # each annotation: a numbered marker in the article, and the same marker in the list of notes
    from closeread.kinds import registry

    for a in lesson.published_annotations:
        marker = f"{registry()[a.kind].marker}{a.number}"
        assert flat_text.count(marker) >= (2 if a.quote else 1), marker
        assert flat(a.note) in flat_text
    # sort answers, find spans, every correct option
    assert "“have driven workers to despair”: asserted" in flat_text
    assert "“the strike was organised by outside agitators”: reported" in flat_text
    assert "“Union leader Ana Silva” (line 6)" in flat_text
    from closeread.questions import option_letter

    for q in lesson.questions:
        for i, o in enumerate(q.options):  # lettered as on the worksheet: A, B, C ...
            box = "☑" if o.correct else "☐"
            assert f"{box} {option_letter(i)}. {o.text}" in flat_text.replace(f"{box}{option_letter(i)}", f"{box} {option_letter(i)}"), (q.id, o.text)
        if q.explanation:
            assert flat(q.explanation) in flat_text, q.id
    # the article keeps its line numbers in the key too
    assert re.search(r"^\s*6\s+Union leader Ana Silva", text, re.M)


def test_booklet(exported, poppler):
    """The booklet: cover, contents, then the lesson's worksheet and key PDFs as they are (more in
    test_booklet.py)."""
    data = exported.files[BOOKLETS["a4"]]
    text = poppler("pdftotext", data, "-layout")
    pages = text.split("\f")[:-1]  # the last split is empty
    assert "Contents" in pages[1]
    # the contents give the page where each part starts
    lesson = exported.lessons[0]
    found = re.search(r"Student worksheet[ .]+(\d+)\s*\n.*Teacher key[ .]+(\d+)", pages[1], re.S)
    assert found, pages[1]
    ws_page, key_page = int(found.group(1)), int(found.group(2))
    assert "STUDENT WORKSHEET" in pages[ws_page - 1] and lesson.title in pages[ws_page - 1]
    assert "TEACHER KEY" in pages[key_page - 1]
    # the lesson's own PDFs, page for page: their footers count their own pages
    worksheet_pages = int(pdfinfo(poppler("pdfinfo", exported.files[WORKSHEETS["a4"]]))["Pages"])
    key_pages = int(pdfinfo(poppler("pdfinfo", exported.files[KEYS["a4"]]))["Pages"])
    assert key_page == ws_page + worksheet_pages and len(pages) == key_page - 1 + key_pages
    assert f"Page 1 of {worksheet_pages}" in pages[ws_page - 1] and f"Page {key_pages} of {key_pages}" in pages[-1]


def test_fonts_embedded(exported, poppler):
    for path in [WORKSHEETS["a4"], KEYS["letter"], BOOKLETS["a4"]]:
        rows = poppler("pdffonts", exported.files[path]).splitlines()[2:]
        assert rows, path
        for row in rows:
            name, emb = row.split()[0], row.split()[-5]
            assert emb == "yes", f"{path}: font {name} not embedded"
        names = " ".join(r.split()[0] for r in rows)
        assert "Noto-Serif" in names and "Noto-Sans" in names, names


def test_metadata(exported, poppler):
    info = pdfinfo(poppler("pdfinfo", exported.files[WORKSHEETS["a4"]]))
    assert info["Title"] == "A harbour strike: student worksheet (for the period)"
    assert info["Author"] == "closeread"
    assert "sourcing" in info["Keywords"]
    assert info["CreationDate"].startswith("Tue Nov 14 22:13:20 2023")  # SOURCE_DATE_EPOCH
    assert info["ModDate"] == info["CreationDate"]
    assert pdfinfo(poppler("pdfinfo", exported.files[KEYS["a4"]]))["Title"] == "A harbour strike: teacher key (for the period)"
    assert pdfinfo(poppler("pdfinfo", exported.files[EXTENDED["key"]]))["Title"] == "A harbour strike: teacher key (extended: every question)"
    for path in (WORKSHEETS["a4"], KEYS["a4"], BOOKLETS["letter"]):
        assert b"/Lang (en)" in inflated(exported.files[path]), path


def test_hostile_text_prints_as_written(hostile, poppler):
    text = flat(poppler("pdftotext", hostile.files["lessons/hostile-page/worksheet-a4.pdf"]))
    assert "<script>alert(\"article\")</script> Breaking: <img src=x onerror=alert(1)> news" in text
    assert "{{ config.__class__ }} and {% raw %}" in text
    assert "<script>alert('prompt')</script>" in text
    key = flat(poppler("pdftotext", hostile.files["teacher/hostile-page/key-a4.pdf"]))
    assert "<script>alert('teacher')</script>" in key
    info = pdfinfo(poppler("pdfinfo", hostile.files["lessons/hostile-page/worksheet-a4.pdf"]))
    assert info["Title"].startswith("<script>alert('title')</script> &lt;/title&gt;")


def test_no_resource_is_fetched():
    """The renderer refuses every URL: print HTML can make it load no file and no address."""
    from closeread.export import pdf

    html = '<html><body><p>x</p><img src="file:///etc/passwd"><img src="https://example.org/x.png"><link rel="stylesheet" href="file:///etc/hosts"></body></html>'
    data, _ = pdf.render(html, "a4")
    assert data.startswith(b"%PDF-") and b"/Image" not in data


def test_tidy_leaves_tags_as_they_are():
    """The print HTML loses its line breaks between tags and its quote references in text (less for the
    parser), never the escaping of a quote inside an attribute value."""
    from closeread.export.print_html import tidy

    html = '<div data-running="a &#34;b&#34; &#39;c&#39;">\n<p>x &#34;y&#34; &#39;z&#39; &amp; &lt;w&gt;</p>\n</div>'
    assert tidy(html) == '<div data-running="a &#34;b&#34; &#39;c&#39;"><p>x "y" \'z\' &amp; &lt;w&gt;</p></div>'
