"""Property-based tests of quote anchoring (closeread/validate/anchor.py) with Hypothesis.

Articles are drawn from words, punctuation and every kind of white space, quote and dash the matcher
forgives, so that folding is exercised on every example.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from closeread.validate.anchor import ArticleIndex, _is_word, anchor, fold, normalize

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

WORDS = st.sampled_from(
    ["la", "Kiev", "Kievan", "said", "500", "5000", "don\u2019t", "don't", "\u201cfair\u201d", '"fair"', "well\u2014known",
     "well-known", "caf\u00e9", "na\u00efve", "x", "X", "\u00ab\u00a0oui\u00a0\u00bb", "co-op", "_id", "\u2212", ",", "."]
)
SPACES = st.sampled_from([" ", " ", " ", "  ", "\n", "\n\n", "\t", "\u00a0", " \n ", "\u2003", "\r\n"])


@st.composite
def articles(draw) -> str:
    words = draw(st.lists(WORDS, min_size=1, max_size=40))
    out = [words[0]]
    for w in words[1:]:
        out.append(draw(SPACES))
        out.append(w)
    return "".join(out)


def _tokens(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in re.finditer(r"\S+", text)]


def _oracle_count(text: str, quote: str) -> int:
    """How many places a folded quote matches, by brute force over every position of the folded text."""
    hay, q = normalize(text).text, fold(quote)
    if not q:
        return 0
    count = 0
    for i in range(len(hay) - len(q) + 1):
        if hay[i : i + len(q)] != q:
            continue
        j = i + len(q)
        if i > 0 and _is_word(q[0]) and _is_word(hay[i - 1]):
            continue
        if j < len(hay) and _is_word(q[-1]) and _is_word(hay[j]):
            continue
        count += 1
    return count


@SETTINGS
@given(data=st.data(), text=articles())
@example(data=None, text="la la la")
def test_a_quote_copied_from_the_article_anchors_back_to_the_same_span(data, text):
    tokens = _tokens(text)
    if data is None:  # the explicit example: the second, overlapping "la la"
        i, j = 1, 2
    else:
        i = data.draw(st.integers(0, len(tokens) - 1), label="first token")
        j = data.draw(st.integers(i, min(len(tokens) - 1, i + 6)), label="last token")
    start, end = tokens[i][0], tokens[j][1]
    quote = text[start:end]
    index = ArticleIndex(text)
    matches = index.find_all(quote)
    starts = [m.start for m in matches]
    assert start in starts, f"{quote!r} at {start} not among {starts}"
    k = starts.index(start) + 1
    found = anchor(index, quote, occurrence=k)
    assert found.error == ""
    assert (found.match.start, found.match.end) == (start, end)
    # the same span, found again by the words right before it (when there are any)
    if i > 0 and len(matches) > 1:
        prefix = text[tokens[i - 1][0] : start]
        with_prefix = [m for m in matches if fold(index.context_before(m, len(fold(prefix)))).endswith(fold(prefix))]
        if len(with_prefix) == 1:
            assert anchor(index, quote, prefix=prefix).match == found.match


@SETTINGS
@given(data=st.data(), text=articles())
def test_a_pasted_variant_anchors_like_the_original(data, text):
    """Curly quotes, dashes and white space changed the way pasting does still find the same span."""
    tokens = _tokens(text)
    i = data.draw(st.integers(0, len(tokens) - 1))
    j = data.draw(st.integers(i, min(len(tokens) - 1, i + 4)))
    start, end = tokens[i][0], tokens[j][1]
    quote = text[start:end]
    pasted = re.sub(r"\s+", " ", quote).replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"').replace("\u2014", "-")
    index = ArticleIndex(text)
    assert [(m.start, m.end) for m in index.find_all(pasted)] == [(m.start, m.end) for m in index.find_all(quote)]


@SETTINGS
@given(text=articles(), quote=st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=3).map(" ".join), st.text(max_size=8)))
def test_matches_respect_word_boundaries_and_fold_to_the_quote(text, quote):
    index = ArticleIndex(text)
    q = fold(quote)
    for m in index.find_all(quote):
        assert fold(text[m.start : m.end]) == q
        if _is_word(q[0]) and m.start > 0:
            assert not _is_word(text[m.start - 1]), f"{quote!r} matched inside a word at {m.start}"
        if _is_word(q[-1]) and m.end < len(text):
            assert not _is_word(text[m.end]), f"{quote!r} matched inside a word at {m.end}"


@SETTINGS
@given(text=articles(), quote=st.one_of(WORDS, st.lists(WORDS, min_size=1, max_size=3).map(" ".join)))
def test_every_match_is_found_and_ambiguity_is_always_reported(text, quote):
    index = ArticleIndex(text)
    expected = _oracle_count(text, quote)
    matches = index.find_all(quote)
    assert len(matches) == expected
    found = anchor(index, quote)
    if expected == 0:
        assert found.match is None and "not found" in found.error
    elif expected == 1:
        assert found.match == matches[0] and found.error == ""
    else:
        assert found.match is None
        assert f"matches {expected} places" in found.error
        lines = ", ".join(str(index.line_of(m.start)) for m in matches)
        assert f"(article lines {lines})" in found.error
        for k in range(1, expected + 1):
            assert anchor(index, quote, occurrence=k).match == matches[k - 1]
        assert "does not exist" in anchor(index, quote, occurrence=expected + 1).error


@SETTINGS
@given(word=st.sampled_from(["Kiev", "500", "said", "la"]), before=st.sampled_from(["", "x", "_", "9", "\u00e9"]),
       after=st.sampled_from(["", "an", "_", "0", "\u00e9"]))
def test_a_word_never_anchors_inside_a_longer_word(word, before, after):
    assume(before or after)
    text = f"start {before}{word}{after} end"
    assert ArticleIndex(text).find_all(word) == []


@SETTINGS
@given(text=articles())
def test_normalize_maps_every_character_back(text):
    norm = normalize(text)
    assert len(norm.offsets) == len(norm.text)
    for k, ch in enumerate(norm.text):
        original = text[norm.offsets[k]]
        if ch == " ":
            assert original.isspace()
        else:
            assert fold(original) == ch or original == ch
    assert list(norm.offsets) == sorted(set(norm.offsets))


@SETTINGS
@given(text=articles(), quote=st.text(alphabet=" \n\t\u00a0", max_size=5))
def test_a_blank_quote_is_refused(text, quote):
    found = anchor(ArticleIndex(text), quote)
    assert found.match is None
    assert found.error == "quote is empty; expected words copied from the article"
