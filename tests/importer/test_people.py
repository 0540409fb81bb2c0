"""A draft's sources from the names the suggester found (closeread/importer/people.py)."""

from __future__ import annotations

from closeread.importer.people import draft_sources
from closeread.suggest import suggest

TEXT = """Island ferry fares to double

Baltic Crossings chief executive Pia Lund said the company had lost about 3 million euros last year. "We cannot do it any longer," Lund told reporters.

Residents' association chair Karl Brenner said the increase would force families to leave the island.

The regional transport minister, Eva Saar, said the government was studying a subsidy. Critics claimed the company was exploiting its monopoly.
"""


def test_named_speakers_become_sources_with_their_descriptions():
    sources, _ = draft_sources(TEXT, suggest(TEXT), outlet="Associated Press")
    assert sources == [
        {"id": "associated-press", "name": "Associated Press", "described_as": "the outlet itself: what it states in its own voice"},
        {"id": "lund", "name": "Pia Lund", "described_as": "Baltic Crossings chief executive"},
        {"id": "brenner", "name": "Karl Brenner", "described_as": "Residents' association chair"},
        {"id": "saar", "name": "Eva Saar", "described_as": "The regional transport minister"},
    ]


def test_suggestions_point_at_the_source_their_words_are_attributed_to():
    _, filled = draft_sources(TEXT, suggest(TEXT), outlet="Associated Press")
    by_quote = {(s["kind"], s["quote"]): s for s in filled}
    assert by_quote[("figure", "about 3 million euros")]["source"] == "lund"
    [quoted] = [s for s in filled if s["kind"] == "quote" and s["quote"].startswith("We cannot do it")]
    assert quoted["speaker"] == "lund"
    # an unnamed source ("Critics") gets no entry and points nowhere
    assert all(s.get("source") != "critics" for s in filled)


def test_without_an_outlet_or_names_there_are_no_sources():
    assert draft_sources("A plain sentence with no one in it.\n", [], outlet="TODO: the outlet") == ([], [])


def test_a_name_in_capitals_is_written_as_a_name_but_an_acronym_stays():
    from closeread.importer.people import _shouted
    assert _shouted("BILL KIRBY") and _shouted("U.S. NAVY")
    assert not _shouted("NASA") and not _shouted("BBC News") and not _shouted("Bill Kirby") and not _shouted("J. R")
