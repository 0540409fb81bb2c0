"""Anchor quotes in the article text.

Matching forgives what copying and pasting changes (runs of white space, straight vs curly quotes and
apostrophes, the different dashes) and nothing more. A quote must start and end on word boundaries,
so "Kiev" never anchors inside "Kievan".
"""

from __future__ import annotations

import bisect
import difflib
import re
from itertools import accumulate, count, islice
from operator import add
from dataclasses import dataclass

_FOLD = str.maketrans(
    {
        "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "`": "'", "\u00b4": "'",
        "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
        "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2014": "-", "\u2015": "-", "\u2212": "-",
    }
)
# str.translate looks every character up in the table, slowly once the text is not pure ASCII; a
# regular expression finds the few characters to fold and leaves the rest alone (same result)
_FOLD_CHARS = re.compile("[" + "".join(re.escape(chr(c)) for c in _FOLD) + "]")
_FOLD_ONE = {chr(c): to for c, to in _FOLD.items()}
_SPACE = re.compile(r"\s+")
# white space that folding changes: a run of two or more, or a lone one that is not ' '
# (the same runs as r"\s{2,}|[^\S ]", found faster); captured, so that splitting keeps them
_ODD_SPACE = re.compile(r"([^\S ]\s*| \s+)")


def _fold_chars(text: str) -> str:
    """``text.translate(_FOLD)``."""
    return _FOLD_CHARS.sub(_fold_one, text) if _FOLD_CHARS.search(text) else text


def _fold_one(m: re.Match) -> str:
    return _FOLD_ONE[m.group()]


@dataclass(frozen=True)
class Normalized:
    """Folded text (each run of white space made one space) and how to map it back to the original.

    ``runs`` lists, for every white-space run, its (position in the folded text, position in the
    original, length in the original); every other character maps one to one. Keeping the runs rather
    than one offset per character makes an article of 900 words cheap to prepare.
    """

    text: str
    runs: tuple[tuple[int, int, int], ...]
    original_length: int

    def _orig(self, pos: int) -> int:
        """Original offset of the folded character at ``pos`` (the start of its run for a space)."""
        k = bisect.bisect_right(self._keys, pos) - 1
        if k < 0:
            return pos
        npos, opos, olen = self.runs[k]
        return opos if pos == npos else opos + olen + (pos - npos - 1)

    @property
    def _keys(self) -> list[int]:
        keys = self.__dict__.get("_keys_cache")
        if keys is None:
            keys = [r[0] for r in self.runs]
            object.__setattr__(self, "_keys_cache", keys)
        return keys

    @property
    def offsets(self) -> tuple[int, ...]:
        """The original offset of every folded character (for tests and debugging; slow)."""
        return tuple(self._orig(i) for i in range(len(self.text)))

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a [start, end) range of the folded text back to the original text."""
        if start >= end:
            return (self._orig(start) if start < len(self.text) else self.original_length,) * 2
        return self._orig(start), self._orig(end - 1) + 1


def normalize(text: str) -> Normalized:
    folded = _fold_chars(text)
    parts = _ODD_SPACE.split(folded)  # text, run, text, run, ..., text
    words, spaces = parts[0::2], parts[1::2]
    # a run starts in the original where the text before it ends; in the folded text every run
    # before it counts one character. Summed up in C rather than in a loop over the runs.
    starts = accumulate(map(len, parts))
    runs = tuple(zip(map(add, accumulate(map(len, words)), count()), islice(starts, 0, None, 2), map(len, spaces)))
    return Normalized(" ".join(words), runs, len(text))


def fold(text: str) -> str:
    """The folded form of a short string (quote, prefix, suffix), trimmed."""
    return _SPACE.sub(" ", _fold_chars(text)).strip()


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


@dataclass(frozen=True)
class Match:
    start: int  # offsets into the original text
    end: int


class ArticleIndex:
    """The article prepared once for anchoring many quotes."""

    def __init__(self, text: str):
        self.text = text
        self.norm = normalize(text)
        self._line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def line_of(self, offset: int) -> int:
        """1-based article line of an original offset."""
        return bisect.bisect_right(self._line_starts, offset)

    def find_all(self, quote: str) -> list[Match]:
        """Every place the folded quote matches, on word boundaries. Matches may overlap ("la la" is
        found twice in "la la la"), so that every place can be picked with ``occurrence``."""
        q = fold(quote)
        if not q:
            return []
        return self._find_folded(q)

    def _find_folded(self, q: str) -> list[Match]:
        """``find_all`` of a quote already folded (and not empty)."""
        hay = self.norm.text
        out = []
        i = hay.find(q)
        while i != -1:
            j = i + len(q)
            before_ok = i == 0 or not (_is_word(q[0]) and _is_word(hay[i - 1]))
            after_ok = j == len(hay) or not (_is_word(q[-1]) and _is_word(hay[j]))
            if before_ok and after_ok:
                s, e = self.norm.to_original(i, j)
                out.append(Match(s, e))
            i = hay.find(q, i + 1)
        return out

    def context_before(self, match: Match, n: int) -> str:
        return fold(self.text[max(0, match.start - n - 40) : match.start])

    def context_after(self, match: Match, n: int) -> str:
        return fold(self.text[match.end : match.end + n + 40])

    def nearest(self, quote: str) -> tuple[str, int] | None:
        """The article passage most like ``quote`` and its line, for a "did you mean"."""
        q = fold(quote)
        if not q:
            return None
        lower = self.norm.text.lower()
        i = lower.find(q.lower())
        if i != -1:
            j = i + len(q)
            # widen to whole words: the quote may have failed only because it ends inside a word
            while i > 0 and _is_word(lower[i - 1]):
                i -= 1
            while j < len(lower) and _is_word(lower[j]):
                j += 1
            s, e = self.norm.to_original(i, j)
            return self.text[s:e], self.line_of(s)
        words = list(re.finditer(r"\S+", self.norm.text))
        if not words or len(self.norm.text) > 2_000_000:
            return None
        qwords = q.split(" ")
        width = len(qwords)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(q.lower())
        best = (0.0, 0, 0)
        for k in range(0, max(1, len(words) - width + 1)):
            for w in {width - 1, width, width + 1}:
                if w < 1 or k + w > len(words):
                    continue
                a, b = words[k].start(), words[k + w - 1].end()
                matcher.set_seq1(lower[a:b])
                if matcher.real_quick_ratio() <= best[0] or matcher.quick_ratio() <= best[0]:
                    continue
                r = matcher.ratio()
                if r > best[0]:
                    best = (r, a, b)
        if best[0] < 0.6:
            return None
        s, e = self.norm.to_original(best[1], best[2])
        return self.text[s:e], self.line_of(s)


@dataclass(frozen=True)
class Anchored:
    match: Match | None
    error: str = ""


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "\u2026"


def anchor(
    index: ArticleIndex, quote: str, *, prefix: str = "", suffix: str = "", occurrence: int | None = None
) -> Anchored:
    """Find the one place ``quote`` points to, or say exactly why it cannot be found."""
    q = fold(quote)
    if not q:
        return Anchored(None, "quote is empty; expected words copied from the article")
    matches = index._find_folded(q)
    if not matches:
        near = index.nearest(quote)
        hint = f"; did you mean '{_short(near[0])}' at article line {near[1]}?" if near else "; expected words copied from the article"
        return Anchored(None, f"quote '{_short(quote)}' not found in the article{hint}")
    candidates = matches
    fp, fs = fold(prefix), fold(suffix)
    if fp:
        candidates = [m for m in candidates if index.context_before(m, len(fp)).endswith(fp)]
    if fs:
        candidates = [m for m in candidates if index.context_after(m, len(fs)).startswith(fs)]
    if not candidates:
        which = " and ".join(w for w, v in (("prefix", fp), ("suffix", fs)) if v)
        return Anchored(None, f"quote '{_short(quote)}' is found, but never with that {which}; expected the words right next to the quote in the article")
    if occurrence is not None:
        if occurrence < 1 or occurrence > len(candidates):
            return Anchored(
                None,
                f"occurrence {occurrence} of quote '{_short(quote)}' does not exist; expected 1 to {len(candidates)}",
            )
        return Anchored(candidates[occurrence - 1])
    if len(candidates) > 1:
        lines = ", ".join(str(index.line_of(m.start)) for m in candidates)
        return Anchored(
            None,
            f"quote '{_short(quote)}' matches {len(candidates)} places (article lines {lines}); "
            f"expected 'occurrence: 1' to '{len(candidates)}', or a prefix or suffix to pick one",
        )
    return Anchored(candidates[0])
