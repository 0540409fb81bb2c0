"""source_span.py: a source is a person or an organisation, trimmed to who speaks."""

from __future__ import annotations

import pytest

from closeread.suggest import suggest
from closeread.suggest.source_span import person_or_org


def trimmed(words: str) -> str | None:
    span = person_or_org(words, 0, len(words))
    return words[span[0]:span[1]] if span else None


@pytest.mark.parametrize("words", [
    "Afterward", "Meanwhile", "Trump's July", "Audience members laughed when he",
    "Rebranded to resemble a neutral fact-checking account, it", "the plan",
])
def test_words_that_are_no_one_are_never_a_source(words):
    assert trimmed(words) is None


@pytest.mark.parametrize("words, expected", [
    ("Unpredictable Sondland", "Sondland"),
    ("LONDON (AP) — Britain's Conservative Party", "Britain's Conservative Party"),
    ("Clark in October", "Clark"),
    ("It’s more complicated than McKinley", "McKinley"),
])
def test_a_span_is_trimmed_to_who_speaks(words, expected):
    assert trimmed(words) == expected


@pytest.mark.parametrize("words", [
    "a lawyer for the woman involved in the case", "Will Moy, chief executive of Full Fact", "prosecutors",
    "the statement", "Former royal PR aides", "United Nations", "Key Security Council powers",
    "John Smith, who is the mayor of the town",
])
def test_people_bodies_and_documents_stay_whole(words):
    assert trimmed(words) == words


def test_the_suggester_never_proposes_a_sentence_adverb_or_a_date_as_a_source():
    text = ("Gordon Sondland testified for hours on Wednesday. Afterward said the hearing was over, a clerk noted. "
            "Unpredictable Sondland told lawmakers the call was a quid pro quo. "
            "Trump's July call was described as perfect.\n")
    sources = [s["quote"] for s in suggest(text) if s["kind"] == "source"]
    assert "Afterward" not in sources and not any("July" in s for s in sources)
    assert "Sondland" in sources and "Unpredictable Sondland" not in sources


def test_a_note_names_no_speaker_its_sentence_does_not_hold():
    text = ('Vice President Joe Biden spoke to reporters on Monday. He said: "I now do recall the call '
            'very well, and it was about corruption."\n')
    for s in suggest(text):
        if s["kind"] != "source" and "Monday" not in s["quote"]:
            assert "Biden" not in s["note"], s


@pytest.mark.parametrize("text", [
    "Afterward, Sondland told reporters the call was fine.\n",
    "Afterward Sondland told reporters the call was fine.\n",
])
def test_a_sentence_adverb_before_the_speaker_is_left_out(text):
    assert [s["quote"] for s in suggest(text) if s["kind"] == "source"] == ["Sondland"]


def test_no_note_repeats_the_words_a_source_was_trimmed_of():
    text = "Unpredictable Sondland testified that there was a quid pro quo.\n"
    notes = " ".join(s["note"] for s in suggest(text))
    assert "Unpredictable" not in notes and "Sondland" in notes


def test_a_body_named_as_the_origin_of_data_is_a_source():
    text = ("For cocaine we used data published in October 2018 by the Drug Enforcement Administration and, for "
            "marijuana, data from the University of Colorado.\n\nThe data from last year is incomplete.\n")
    sources = [s["quote"] for s in suggest(text) if s["kind"] == "source"]
    assert sources == ["the Drug Enforcement Administration", "the University of Colorado"]
