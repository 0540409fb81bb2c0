"""The article as lines of escaped text with annotation marks, nesting and overlapping spans allowed."""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup, escape

from closeread.kinds import registry
from closeread.model import Annotation, Article, Term


@dataclass(frozen=True)
class RenderedLine:
    number: int
    role: str
    label: str
    html: Markup


def _segments(start: int, end: int, anns: list[Annotation], extra: list[int] = ()) -> list[tuple[int, int, tuple[Annotation, ...]]]:
    """Split [start, end) at every annotation boundary (and at ``extra`` offsets); each piece lists the
    annotations covering it."""
    cuts = {start, end, *(x for x in extra if start < x < end)}
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


SPELLING = "Spelling"  # the label of a loaded-language annotation marked ``spelling``: no judgement in it


def label_of(a: Annotation) -> str:
    """What a mark and a note call the annotation: its kind's label, or "Spelling" for a spelling such as
    "Kiev", whose note says it is not loaded."""
    return SPELLING if a.fields.get("spelling") is True else registry()[a.kind].label


def _ref(a: Annotation) -> str:
    kind = registry()[a.kind]
    ident, n = _esc(a.id), a.number
    label = label_of(a)
    return (
        # data-search-exclude: the marker ("L3 (loaded language, note 3)") stays out of the search index,
        # which keeps the article's own words in one piece there
        f'<a class="cr-ref" href="#note-{ident}" id="ref-{ident}" data-ann="{ident}" data-kind="{_esc(a.kind)}" data-search-exclude>'
        f'<span class="cr-ref-label" aria-hidden="true" data-word="{_esc(label.lower())} {n}">{_esc(kind.marker)}{n}</span>'
        f'<span class="cr-sr"> ({_esc(label.lower())}, note {n})</span></a>'
    )


def term_ends(vocabulary: tuple[Term, ...]) -> dict[int, list[Term]]:
    """The vocabulary by where each term's first occurrence ends (found by the validator)."""
    ends: dict[int, list[Term]] = {}
    for t in vocabulary:
        ends.setdefault(t.end, []).append(t)
    return ends


def _gloss(terms: list[Term], number: dict[Term, int]) -> str:
    # a button after the word; its meaning opens under the line on a tap or a focus, without JavaScript
    # too (CSS :focus-within; the script adds a toggle for browsers that do not focus a tapped button),
    # and is never printed inline, where it would crowd the line and could judge a word a question asks
    # about. aria-describedby reads it to a screen reader on focus. Out of the search index, where it
    # would glue onto the word it explains ("Words to know" lists every one as the fallback): a <small>,
    # because Material's indexer tells elements apart by their tag only, and the first inner <span> to
    # close would end a <span>'s exclusion.
    out = []
    for t in terms:
        ident = f"gloss-{number[t]}"
        out.append(
            f'<small class="cr-gloss" data-search-exclude><button type="button" class="cr-gloss-btn" aria-expanded="false" aria-describedby="{ident}">'
            f'<span aria-hidden="true">?</span><span class="cr-sr">What does \u201c{_esc(t.term)}\u201d mean?</span></button>'
            f'<span class="cr-gloss-pop" id="{ident}" role="note"><strong>{_esc(t.term)}</strong>: {_esc(t.definition)}</span></small>'
        )
    return "".join(out)


def render_article(article: Article, annotations: tuple[Annotation, ...], vocabulary: tuple[Term, ...] = ()) -> list[RenderedLine]:
    """Every article line with its annotated spans marked and its vocabulary glossed; a blank line is
    an empty row of role ``blank``."""
    anns = [a for a in annotations if a.span is not None and not a.suggested]
    glosses = term_ends(vocabulary)
    number = {t: i for i, t in enumerate(vocabulary, 1)}
    out = []
    text = article.text
    filled = [line.number for line in article.lines if line.text.strip()]
    first, last = (filled[0], filled[-1]) if filled else (0, -1)
    for line in article.lines:
        if not first <= line.number <= last:
            continue
        if not line.text.strip():
            # kept as an empty numbered row: the numbers students see never skip, and match the worksheet's
            out.append(RenderedLine(line.number, "blank", "", Markup("")))
            continue
        lstart, lend = line.start, line.start + len(line.text)
        here = [a for a in anns if a.span.start < lend and a.span.end > lstart]
        cuts = [x for x in glosses if lstart < x <= lend]
        if not here and not cuts:
            out.append(RenderedLine(line.number, line.role, line.label, escape(line.text)))
            continue
        parts: list[str] = []
        for s, e, covering in _segments(lstart, lend, here, cuts):
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
            if e in glosses:
                parts.append(_gloss(glosses[e], number))
        out.append(RenderedLine(line.number, line.role, line.label, Markup("".join(parts))))
    return out
