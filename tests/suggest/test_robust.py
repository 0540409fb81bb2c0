"""Any text: the suggester never fails, gives the same answer twice, and every suggestion points at
words of the text (property tests over random sentences made of the rules' trigger words)."""

from __future__ import annotations

from hypothesis import given, settings, strategies as st

from closeread.suggest import suggest
from closeread.suggest.anchor import locate
from closeread.suggest.source_span import person_or_org

WORDS = ["Afterward", "Unpredictable", "Sondland", "said", "told", "us", "US", "according", "to", "the", "a",
         "embattled", "mountain", "of", "mistrust", "under", "fire", "LONDON", "(AP)", "—", "“", "”", "’’", ",",
         ".", "!", "?", "contributed", "this", "report", "By", "Jane", "Doe", "called", "it", "sham", "We", "note",
         "that", "prosecutors", "executives", "announced", "Wednesday", "he", "when", "than", "July", "'s", "\n",
         "\n\n", "30", "jets", "$9", "billion", "could", "surge", "allegedly", "very", "noble", "-", "Brexit-weary"]


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(WORDS), min_size=0, max_size=60))
def test_any_text_gives_the_same_anchored_suggestions_twice(words):
    text = " ".join(words)
    first = suggest(text)
    assert first == suggest(text)
    for s in first:
        assert locate(text, s["quote"], s.get("occurrence")) is not None, s
        assert s["note"] and s["suggested"] is True


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.sampled_from("AaBb ,.’'—-()\n"), max_size=40), st.integers(0, 40), st.integers(0, 40))
def test_person_or_org_stays_inside_its_span(text, a, b):
    start, end = min(a, b, len(text)), min(max(a, b), len(text))
    found = person_or_org(text, start, end)
    if found is not None:
        assert start <= found[0] <= found[1] <= end
