"""Selected words become a quote with just enough context to be unique, never an offset."""

from __future__ import annotations

import pytest

from closeread.studio.selection import BadSelection, selector, widen
from closeread.validate.anchor import ArticleIndex, anchor

TEXT = "Silva said the strike was fair.\nBerg said the strike was organised.\nThe strike, he said, was organised.\n"


def test_a_unique_quote_needs_nothing_else():
    index = ArticleIndex(TEXT)
    start = TEXT.index("Berg")
    assert selector(index, start, start + 4) == {"quote": "Berg"}


def test_a_repeated_quote_gets_the_fewest_words_that_make_it_unique():
    index = ArticleIndex(TEXT)
    start = TEXT.index("said", TEXT.index("Berg"))
    sel = selector(index, start, start + 4)
    assert sel == {"quote": "said", "prefix": "Berg"}
    assert anchor(index, sel["quote"], prefix=sel["prefix"]).match.start == start


@pytest.mark.parametrize("n", [0, 1, 2])
def test_every_place_of_a_repeated_phrase_is_found_again(n):
    index = ArticleIndex(TEXT)
    starts = [m.start for m in index.find_all("the strike")] or [m.start for m in index.find_all("strike")]
    start = [m.start for m in index.find_all("strike")][n]
    sel = selector(index, start, start + len("strike"))
    found = anchor(index, sel["quote"], prefix=sel.get("prefix", ""), suffix=sel.get("suffix", ""), occurrence=sel.get("occurrence"))
    assert found.match.start == start and starts


def test_a_selection_is_widened_to_whole_words_and_trimmed():
    start = TEXT.index("rike was f")
    assert TEXT[slice(*widen(TEXT, start, start + len("rike was f")))] == "strike was fair"
    assert TEXT[slice(*widen(TEXT, TEXT.index("Berg") - 1, TEXT.index("Berg") + 4))] == "Berg"


@pytest.mark.parametrize("start, end", [(5, 5), (-1, 3), (0, 10_000), (TEXT.index(","), TEXT.index(",") + 1)])
def test_a_selection_without_words_or_outside_the_article_is_refused(start, end):
    with pytest.raises(BadSelection):
        selector(ArticleIndex(TEXT), start, end)
