"""Words selected in the article, turned into a quote selector the lesson format anchors.

The page sends where the selection starts and ends in the article; the lesson never stores those
offsets. The selection is widened to whole words, and the quote gets just enough context to be
unique: the fewest words before it (``prefix``), else after it (``suffix``), else ``occurrence``
(as a Hypothesis-style text-quote selector: the exact words, then the words around them).
"""

from __future__ import annotations

import re

from closeread.validate.anchor import ArticleIndex, anchor

MAX_CONTEXT_WORDS = 8
MAX_QUOTE = 600


class BadSelection(ValueError):
    pass


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def widen(text: str, start: int, end: int) -> tuple[int, int]:
    """[start, end) grown to whole words and trimmed of white space and stray punctuation at its ends."""
    if not (0 <= start < end <= len(text)):
        raise BadSelection("the selection is not inside the article; expected words selected in the article")
    while start > 0 and _word(text[start - 1]) and _word(text[start]):
        start -= 1
    while end < len(text) and _word(text[end - 1]) and _word(text[end]):
        end += 1
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    if start == end or not any(_word(c) for c in text[start:end]):
        raise BadSelection("the selection holds no words; expected words selected in the article")
    if end - start > MAX_QUOTE:
        raise BadSelection(f"the selection is {end - start} characters long; expected at most {MAX_QUOTE} (a sentence or two)")
    return start, end


def selector(index: ArticleIndex, start: int, end: int) -> dict:
    """``{"quote": ...}`` plus ``prefix``, ``suffix`` or ``occurrence`` when the quote alone is not unique."""
    text = index.text
    start, end = widen(text, start, end)
    quote = text[start:end]
    matches = index.find_all(quote)
    if len(matches) <= 1:
        return {"quote": quote}
    before = re.findall(r"\S+", text[max(0, start - 200):start])
    after = re.findall(r"\S+", text[end:end + 200])
    for k in range(1, MAX_CONTEXT_WORDS + 1):
        if k <= len(before):
            prefix = " ".join(before[-k:])
            found = anchor(index, quote, prefix=prefix)
            if found.match is not None and found.match.start == start:
                return {"quote": quote, "prefix": prefix}
        if k <= len(after):
            suffix = " ".join(after[:k])
            found = anchor(index, quote, suffix=suffix)
            if found.match is not None and found.match.start == start:
                return {"quote": quote, "suffix": suffix}
    number = next(i for i, m in enumerate(matches, start=1) if m.start >= start)
    return {"quote": quote, "occurrence": number}
