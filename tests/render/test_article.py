from bs4 import BeautifulSoup

from closeread.model import Annotation, Article, ArticleLine, Span
from closeread.render.article import render_article


def _article(text):
    lines, offset = [], 0
    for n, line in enumerate(text.split("\n"), start=1):
        lines.append(ArticleLine(n, line, offset))
        offset += len(line) + 1
    return Article(text, tuple(lines), "article.txt")


def _ann(id, start, end, number, kind="claim"):
    return Annotation(id=id, kind=kind, note="n", quote="q", span=Span(start, end, 1, 1), number=number)


def test_overlapping_and_nested_spans_render_as_flat_marks_with_every_covering_id():
    text = "alpha beta gamma delta"
    outer = _ann("outer", 0, 16, 1)  # alpha beta gamma
    inner = _ann("inner", 6, 10, 2, "loaded-language")  # beta
    over = _ann("over", 11, 22, 3)  # gamma delta
    [line] = render_article(_article(text), (outer, inner, over))
    soup = BeautifulSoup(str(line.html), "html.parser")
    marks = [(m.get_text(), m["data-ann"]) for m in soup.find_all("mark")]
    assert marks == [("alpha ", "outer"), ("beta", "outer inner"), (" ", "outer"), ("gamma", "outer over"), (" delta", "over")]
    refs = [a["data-ann"] for a in soup.find_all("a", class_="cr-ref")]
    assert refs == ["inner", "outer", "over"]
    assert soup.get_text().startswith("alpha beta")


def test_text_is_escaped():
    text = '<script>alert(1)</script> & "x"'
    [line] = render_article(_article(text), ())
    assert "<script>" not in str(line.html)
    assert "&lt;script&gt;" in str(line.html)
