"""Find an annotation's quote in an article the way the lesson format matches it.

Matching forgives runs of white space, straight and curly quotes and apostrophes, and the different
dashes; nothing else (letter case and spelling must match). Used by ``bench/suggestions.py`` to turn a
teacher's annotations into character spans, and by the suggester to count occurrences.
"""

from __future__ import annotations

_QUOTE_MAP = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
}


def normalise(text: str) -> tuple[str, list[int]]:
    """Return the forgiving form of ``text`` and, for each of its characters, the index in ``text``."""
    out: list[str] = []
    index: list[int] = []
    i = 0
    n = len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            j = i
            while j < n and text[j].isspace():
                j += 1
            out.append(" ")
            index.append(i)
            i = j
            continue
        out.append(_QUOTE_MAP.get(ch, ch))
        index.append(i)
        i += 1
    index.append(n)
    return "".join(out), index


def find_all(text: str, quote: str) -> list[tuple[int, int]]:
    """Every non-overlapping forgiving match of ``quote`` in ``text`` as (start, end) offsets in ``text``."""
    norm, index = normalise(text)
    q, _ = normalise(quote.strip())
    if not q:
        return []
    spans = []
    pos = 0
    while True:
        k = norm.find(q, pos)
        if k < 0:
            break
        end = k + len(q)
        spans.append((index[k], index[end - 1] + 1))
        pos = end
    return spans


def locate(
    text: str,
    quote: str,
    occurrence: int | None = None,
    prefix: str | None = None,
    suffix: str | None = None,
) -> tuple[int, int] | None:
    """The (start, end) span an annotation points at, or None when it does not match exactly once."""
    spans = find_all(text, quote)
    if prefix or suffix:
        keep = []
        for s, e in spans:
            before, _ = normalise(text[:s])
            after, _ = normalise(text[e:])
            if prefix and not before.rstrip().endswith(normalise(prefix.strip())[0]):
                continue
            if suffix and not after.lstrip().startswith(normalise(suffix.strip())[0]):
                continue
            keep.append((s, e))
        spans = keep
    if occurrence:
        return spans[occurrence - 1] if 0 < occurrence <= len(spans) else None
    return spans[0] if len(spans) == 1 else None


def exact_occurrence(text: str, quote: str, start: int) -> tuple[int, int]:
    """(n, total): the quote's exact, non-overlapping match that starts at ``start`` is the n-th of total."""
    n = 0
    found = 0
    pos = 0
    while True:
        k = text.find(quote, pos)
        if k < 0:
            break
        n += 1
        if k == start:
            found = n
        pos = k + len(quote)
    return found, n


__all__ = ["normalise", "find_all", "locate", "exact_occurrence"]
