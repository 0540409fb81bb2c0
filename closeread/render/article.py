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


def _esc(text: str) -> str:
    return str(escape(text))


def _ref(a: Annotation) -> str:
    kind = registry()[a.kind]
    ident, n = _esc(a.id), a.number
    return (
        f'<a class="cr-ref" href="#note-{ident}" id="ref-{ident}" data-ann="{ident}" data-kind="{_esc(a.kind)}">'
        f'<span class="cr-ref-label" aria-hidden="true">{_esc(kind.marker)}{n}</span>'
        f'<span class="cr-sr"> ({_esc(kind.label.lower())}, note {n})</span></a>'
    )


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
        if not here:
            out.append(RenderedLine(line.number, line.role, line.label, escape(line.text)))
            continue
        parts: list[str] = []
        for s, e, covering in _segments(lstart, lend, here):
            piece = _esc(text[s:e])
            if covering:
                ids = _esc(" ".join(a.id for a in covering))
                kinds = _esc(" ".join(dict.fromkeys(a.kind for a in covering)))
                depth = min(len(covering), 3)
                piece = f'<mark class="cr-ann cr-depth-{depth}" data-ann="{ids}" data-kinds="{kinds}">{piece}</mark>'
            parts.append(piece)
            for a in covering:  # the marker follows the last piece of each annotation
                if a.span.end <= e:
                    parts.append(_ref(a))
        out.append(RenderedLine(line.number, line.role, line.label, Markup("".join(parts))))
    return out
