"""Point at quotes exactly as the build does: a thin adapter over ``closeread.validate.anchor``.

Used by ``bench/suggestions.py`` to turn a teacher's annotations into character spans, and by the
suggester to count occurrences, so that a suggestion's ``occurrence`` always picks the same match
the build will.
"""

from __future__ import annotations

from closeread.validate.anchor import ArticleIndex, anchor


def locate(
    text: str,
    quote: str,
    occurrence: int | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
) -> tuple[int, int] | None:
    """The (start, end) span an annotation points at, or None when it does not match exactly once."""
    found = anchor(ArticleIndex(text), quote, prefix=prefix or "", suffix=suffix or "", occurrence=occurrence)
    return (found.match.start, found.match.end) if found.match else None


def occurrence_at(index: ArticleIndex, quote: str, start: int) -> tuple[int, int]:
    """(n, total): the build's match of ``quote`` that starts at ``start`` is the n-th of total (n=0: none)."""
    matches = index.find_all(quote)
    for n, m in enumerate(matches, start=1):
        if m.start == start:
            return n, len(matches)
    return 0, len(matches)


__all__ = ["locate", "occurrence_at"]
