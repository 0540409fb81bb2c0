"""clauses.py: one sentence that makes two statements gives two clauses; one that makes one stays whole."""

from __future__ import annotations

import pytest

from closeread.suggest.clauses import clauses


def split(text: str) -> list[str]:
    return [text[a:b] for a, b in clauses(text, text, 0, len(text))]


@pytest.mark.parametrize("text, parts", [
    ("Bus fares rose by 10% in March, and the number of riders fell in April.",
     ["Bus fares rose by 10% in March", "the number of riders fell in April"]),
    ("Some of the clinics are public; others are run by charities.",
     ["Some of the clinics are public", "others are run by charities"]),
    ("Rents in the city doubled over a decade, while wages in the region barely moved.",
     ["Rents in the city doubled over a decade", "wages in the region barely moved"]),
    ("Although the port handles more ships, its revenue has fallen for three years.",
     ["the port handles more ships", "its revenue has fallen for three years"]),
    ("The mill closed in 2009—its owners moved the work abroad.",
     ["The mill closed in 2009", "its owners moved the work abroad"]),
    # "and" without a comma before a named subject and its past verb
    ("President Ronald Reagan named Alito a US attorney and President George Bush tapped him for a court post.",
     ["President Ronald Reagan named Alito a US attorney", "President George Bush tapped him for a court post"]),
])
def test_coordinated_clauses_with_their_own_subjects_are_split(text, parts):
    assert split(text) == parts


@pytest.mark.parametrize("text", [
    # the second half has no subject of its own
    "The company bought the plant in May, and then announced a deal with the union.",
    # a list of noun phrases, not two clauses
    "Cheap rents, short commutes, and a good school could bring families back to the town.",
    # a phrase after the colon, not a clause
    "The council raised money in the usual ways: By selling land, renting halls and taxing parking.",
    # the dashes set off an aside
    "It took years before a new kind of shop—the discount chains—were opening in every town.",
    # an opening clause of time is kept with its sentence
    "As the mines closed, the town lost half of its people.",
    # a name after "and" that is an object, not the subject of a clause
    "The firm hired Ann Lee and Bob Marsh, who joined the board in May.",
])
def test_one_statement_stays_whole(text):
    assert split(text) == [text.rstrip(".")]
