"""The article as lines of escaped text with annotation marks, nesting and overlapping spans allowed."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from closeread.kinds import registry
from closeread.model import Annotation, Article


@dataclass(frozen=True)
class RenderedLine:
    number: int
    role: str
    label: str
    html: Markup


def _segments(start: int, end: int, anns: list[Annotation]) -> list[tuple[int, int, tuple[Annotation, ...]]]:
    """Split [start, end) at every annotation boundary; each piece lists the annotations covering it."""
    cuts = {start, end}
    for a in anns:
        cuts.update(x for x in (a.span.start, a.span.end) if start < x < end)
    points = sorted(cuts)
    out = []
    for s, e in zip(points, points[1:]):
        covering = tuple(a for a in anns if a.span.start < e and a.span.end > s)
        out.append((s, e, covering))
    return out


def _ref(a: Annotation) -> Markup:
    kind = registry()[a.kind]
    return Markup(
        '<a class="cr-ref" href="#note-{id}" id="ref-{id}" data-ann="{id}" data-kind="{k}">'
        '<span class="cr-ref-label" aria-hidden="true">{m}{n}</span>'
        '<span class="cr-sr"> ({label}, note {n})</span></a>'
    ).format(id=a.id, k=a.kind, m=kind.marker, n=a.number, label=kind.label.lower())


def render_article(article: Article, annotations: tuple[Annotation, ...]) -> list[RenderedLine]:
    """Every non-blank article line with its annotated spans marked; blank lines are dropped."""
    anns = [a for a in annotations if a.span is not None and not a.suggested]
    out = []
    text = article.text
    for line in article.lines:
        if not line.text.strip():
            continue
        lstart, lend = line.start, line.start + len(line.text)
        here = [a for a in anns if a.span.start < lend and a.span.end > lstart]
        parts: list[str] = []
        for s, e, covering in _segments(lstart, lend, here):
            piece = escape(text[s:e])
            if covering:
                ids = " ".join(a.id for a in covering)
                kinds = " ".join(dict.fromkeys(a.kind for a in covering))
                depth = min(len(covering), 3)
                piece = Markup('<mark class="cr-ann cr-depth-{d}" data-ann="{ids}" data-kinds="{k}">{p}</mark>').format(
                    d=depth, ids=ids, k=kinds, p=piece
                )
            parts.append(piece)
            for a in covering:  # the marker follows the last piece of each annotation
                if a.span.end <= e:
                    parts.append(_ref(a))
        out.append(RenderedLine(line.number, line.role, line.label, Markup("").join(parts)))
    return out
