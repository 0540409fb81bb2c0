"""reading.py: lines, quotations and sentences (a sentence never ends inside a quotation or after an
abbreviation)."""

from __future__ import annotations

from closeread.suggest.reading import Article


def atts(text: str) -> list[tuple[str, str | None]]:
    """(verb, source span) of each attribution the reader finds."""
    art = Article(text)
    return [(text[a.start:a.end], text[a.source_span[0]:a.source_span[1]] if a.source_span else None)
            for a in art.attributions]


def test_an_honorific_abbreviation_does_not_end_a_sentence():
    art = Article("The Rt. Hon. Ann Price said the rise was unfair. Supt. Mary Ellis and Sgt. Cole agreed.")
    assert [art.text[s.start:s.end] for ln in art.lines for s in ln.sentences] == \
        ["The Rt. Hon. Ann Price said the rise was unfair.", "Supt. Mary Ellis and Sgt. Cole agreed."]
    assert [(v, a.source) for v, a in zip(["said"], art.attributions)] == [("said", "Ann Price")]


def test_a_short_word_at_a_sentence_end_still_ends_it():
    art = Article("The summer was dry. The river fell. It was the worst year on record.")
    assert len([s for ln in art.lines for s in ln.sentences]) == 3


def test_a_quotation_that_ends_with_its_full_stop_ends_the_sentence():
    text = "It is known as \u201cWolf Pack.\u201d According to Amnesty International, its purpose is a database."
    art = Article(text)
    assert [art.text[s.start:s.end] for ln in art.lines for s in ln.sentences] == \
        ["It is known as \u201cWolf Pack.\u201d", "According to Amnesty International, its purpose is a database."]
    assert atts(text) == [("According to", "Amnesty International")]


def test_a_full_stop_inside_a_quotation_or_before_its_tag_does_not_end_the_sentence():
    for text in ("\u201cIt is over. We lost,\u201d Smith said.", "\u201cIt is over.\u201d Smith said on Monday."):
        art = Article(text)
        assert len([s for ln in art.lines for s in ln.sentences]) == 1


def test_a_title_in_quotation_marks_ending_with_an_exclamation_does_not_end_the_sentence():
    art = Article("She said it on NPR\u2019s \u201cWait, Wait \u2026 Don\u2019t Tell Me!\u201d The show aired on Monday.")
    assert len([s for ln in art.lines for s in ln.sentences]) == 1
