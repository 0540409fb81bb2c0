"""speculation.py and speculation.yaml: epistemic hedges in the outlet's own voice, with their scope."""

from __future__ import annotations

import pytest

from closeread.suggest import suggest
from closeread.suggest import speculation


def hedges(text: str) -> list[str]:
    return [s["quote"] for s in suggest(text) if s["kind"] == "speculation"]


def test_the_hedges_are_classes_of_the_data_file_not_code():
    d = speculation._data("speculation.yaml")
    for key in ("adverbs", "frames", "likelihood", "predicative", "appearance_clauses", "appearance",
                "belief_passives", "first_person", "modals"):
        assert d[key], key


@pytest.mark.parametrize("text, hedge", [
    ("The deal will almost certainly be signed next week.\n", "almost certainly"),   # adverb of likelihood
    ("The minister reportedly told friends about the plan.\n", "reportedly"),        # adverb of hearsay
    ("It's possible that consumers find cheaper products elsewhere.\n", "It's possible"),  # frame + adjective
    ("In the short term, that seems plausible. Fees are lower.\n", "seems plausible"),
    ("China stands to suffer from the new duties as well.\n", "stands to"),           # a prospect
    ("Lower-income households tend to spend more of their income on goods.\n", "tend to"),  # a tendency
    ("The moon is thought to harbor a salty ocean under its ice.\n", "is thought to"),  # passive of belief
    ("I guess it was only a matter of time before the banks noticed.\n", "I guess"),   # the writer's guess
    ("Bad weather may have had an impact as well.\n", "may have"),                     # modal of possibility
    ("One, it might not end up being so friendly to consumers.\n", "might"),          # "might not" guesses too
    ("That means they could feel the pinch more than others.\n", "could"),
    ("It would seem that the future of the company is rewind design.\n", "It would seem"),  # an appearance
    ("It also seems like the team was really struggling back then.\n", "It also seems like"),
    ("It's almost as if the company made the wrong decision.\n", "It's almost as if"),
    ("The exchanges have the potential to influence other justices.\n", "have the potential to"),
    ("Snow fell in the north, where more than a foot was possible.\n", "was possible"),  # predicative
])
def test_each_class_of_hedge_is_proposed(text, hedge):
    assert hedge in hedges(text)


@pytest.mark.parametrize("text", [
    "She could not see the road in the storm.\n",                        # could of ability
    "An appeal against the ruling could be filed with the court.\n",     # could of a procedure
    "It is possible to vote by mail in every state.\n",                  # what can be done, not a guess
    "It's unclear how pure the seizures were.\n",                        # not known: no guess
    "The statue stands to the left of the gate.\n",                      # "to" a preposition
    "Prosecutors reopened the case in May after the arrest.\n",           # the month
    "\"I guess we will see,\" the coach said after the game.\n",         # the speaker's, inside a quotation
    "Driving for Uber actually seemed like an opportunity back then.\n",  # someone's appearance, no "it"
    "His speech might as well have been given at one of his rallies.\n",  # an idiom, no guess
    "Before the testimony could resume, the judge spoke.\n",             # what was possible then
    "The possible outcomes were listed in the report.\n",              # "possible" before a noun
])
def test_ability_procedure_prepositions_months_and_quotations_are_not_hedges(text):
    assert hedges(text) == []


def test_a_question_or_an_indirect_question_asks_and_does_not_guess():
    text = ("Could the plan fail? The gig economy is a case study for how the next wave might play out.\n\n"
            "Nobody knows whether prices may rise.\n")
    assert hedges(text) == []


def test_a_question_after_a_colon_is_not_the_hedges_clause():
    text = "But the debate likely failed to answer the question: Which leader can voters trust?\n"
    assert hedges(text) == ["likely"]


def test_a_purpose_is_not_a_guess_but_the_same_modal_in_a_statement_is():
    assert hedges("The polls opened early so that workers could vote before their shifts.\n") == []
    assert hedges("The early opening could raise turnout among workers.\n") == ["could"]


def test_unlikely_after_a_verb_is_a_guess_before_a_noun_it_is_a_surprise():
    assert hedges("The bill is unlikely to pass the Senate this year.\n") == ["is unlikely to"]
    assert hedges("The two parties formed an unlikely alliance last spring.\n") == []


def test_may_in_a_title_case_headline_after_a_noun_is_the_modal_after_a_preposition_the_month():
    assert hedges("Peanut Snacks for Babies May Avoid Allergy\n\nThe study ran for a year.\n") == ["May"]
    assert hedges("Events Planned for May Include Parades\n\nSales Fell in May Across the Region\n") == []
