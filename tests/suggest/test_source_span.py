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
    "the prices, adjusted for inflation",  # a participle's aside after a thing
])
def test_words_that_are_no_one_are_never_a_source(words):
    assert trimmed(words) is None


@pytest.mark.parametrize("words, expected", [
    ("Unpredictable Sondland", "Sondland"),
    ("LONDON (AP) — Britain's Conservative Party", "Britain's Conservative Party"),
    ("Clark in October", "Clark"),
    ("It’s more complicated than McKinley", "McKinley"),
    ("Fares on the only ferry to Holm Island will double from April, the operator", "the operator"),
    ("a move that residents", "residents"),
    ("Prices rose when the storm hit, the agency", "the agency"),  # a clause before a name's appositive still cuts
    ("A group of physicians, alarmed that the government is denying vaccines", "A group of physicians"),  # an aside
])
def test_a_span_is_trimmed_to_who_speaks(words, expected):
    assert trimmed(words) == expected


@pytest.mark.parametrize("words", [
    "a lawyer for the woman involved in the case", "Will Moy, chief executive of Full Fact", "prosecutors",
    "the statement", "Former royal PR aides", "United Nations", "Key Security Council powers",
    "John Smith, who is the mayor of the town", "Organizations that seek to combat political misinformation",
    "Seqret Watson, among the drivers sent sliding when their cars hit icy bridges",  # an appositive's clause
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


@pytest.mark.parametrize("text, name", [
    ("Union leader Ana Silva said about 300 workers joined the strike on Monday.\n", "Ana Silva"),
    ("Baltic Crossings chief executive Pia Lund said the ferry would run.\n", "Pia Lund"),
])
def test_an_organisation_its_holders_role_and_the_person_credit_the_person(text, name):
    notes = [s["note"] for s in suggest(text) if s["kind"] in ("source", "figure")]
    assert notes and all(name in n for n in notes)
    assert not any("Union." in n or "Crossings." in n for n in notes)


def test_a_common_noun_opening_a_sentence_is_described_not_named():
    (src,) = [s for s in suggest("Critics claimed the company was exploiting its monopoly.\n") if s["kind"] == "source"]
    assert src["quote"] == "Critics" and "not named" in src["note"]


def test_a_name_in_apposition_is_described_by_the_head_before_it():
    text = "The regional transport minister, Eva Saar, said the government was studying a subsidy.\n"
    (src,) = [s for s in suggest(text) if s["kind"] == "source"]
    assert 'Eva Saar, described as "The regional transport minister"' in src["note"]


def test_an_organisations_role_and_its_holder_through_a_possessive():
    text = "Residents’ association chair Karl Brenner said families would leave the island.\n"
    (src,) = [s for s in suggest(text) if s["kind"] == "source"]
    assert "Named source: Karl Brenner" in src["note"]


def test_a_finite_passives_agent_speaks_but_a_participles_is_part_of_the_source():
    assert trimmed("A copy of the letter was rejected by Ms Okafor") == "Ms Okafor"
    assert trimmed("the petition signed by forty residents") == "the petition signed by forty residents"


def test_who_issued_a_document_speaks_through_it():
    assert trimmed("the harbour police issued a statement") == "the harbour police"
    assert trimmed("Forty residents signed an open letter") == "Forty residents"
    # a document that is itself the subject stays the source
    assert trimmed("a statement from the harbour trust") == "a statement from the harbour trust"


def test_a_relative_that_clause_ends_with_its_speaker():
    assert trimmed("a number that opposition councillors") == "opposition councillors"
    assert trimmed("Organizations that seek to combat political misinformation") == \
        "Organizations that seek to combat political misinformation"
