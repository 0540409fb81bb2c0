"""loaded_cues.py: loaded language found by cues that hold for any article (no list of its words)."""

from __future__ import annotations

import pytest

from closeread.suggest import suggest
from closeread.suggest import loaded_cues


def loaded(text: str) -> list[str]:
    return [s["quote"] for s in suggest(text) if s["kind"] == "loaded-language"]


def test_the_cues_are_general_classes_not_the_words_of_the_measured_pages():
    # none of these judging words is an entry of the suggester's data files (comments aside)
    from closeread.suggest.lexicon import loaded_language
    c = loaded_cues.cues()
    data = " ".join([e.regex.pattern.lower() for e in loaded_language()] + list(c.intensifiers) + list(c.metaphors)
                    + list(c.quantities) + list(c.compound_ends))
    for word in ("embattled", "lofty", "sordid", "stolid", "doctored", "astounding", "blankly"):
        assert word not in data


@pytest.mark.parametrize("text, word", [
    ("The embattled mayor opened the new bridge on Monday.\n", "embattled"),          # rare, before a noun
    ("Corbyn, a stolid socialist, is accused by critics of raising taxes.\n", "stolid"),
    ("It is astounding that the minister kept his post after the vote.\n", "astounding"),  # judges, predicative
    ("The prince blankly denied every accusation put to him in the interview.\n", "blankly"),
    ("The club revealed lofty plans to double its stadium by the end of 2030.\n", "lofty"),
])
def test_an_evaluative_or_vivid_modifier_in_the_outlets_voice_is_proposed(text, word):
    assert word in loaded(text)


@pytest.mark.parametrize("text, phrase", [
    ("Both leaders are trying to overcome a mountain of mistrust among voters.\n", "a mountain of mistrust"),
    ("The two leaders sidestepped questions about the budget during the debate.\n", "sidestepped"),
    ("UK Tories under fire for Twitter name switch during debate\n\nThe party changed its name.\n", "under fire"),
    ("They try to win over a Brexit-weary electorate before the vote in December.\n", "Brexit-weary"),
])
def test_metaphors_hyperbolic_quantities_and_judging_compounds_are_proposed(text, phrase):
    assert phrase in loaded(text)


@pytest.mark.parametrize("text", [
    "The council approved the hourly parking fees for the new garage on Monday.\n",   # plain description
    "Three people were killed and 12 injured in the attack, police said.\n",          # events, not judgement
    "Their friendship was over by 2010, according to court records.\n",               # a noun, not a modifier
    "Officials said the move would help to deceive no one about the budget.\n",        # a verb after "to"
    "Several parties are devoting much of their budgets to online advertising.\n",    # a progressive verb
    "\"This is a shameful and catastrophic decision,\" the senator said.\n",            # inside a quotation
    "The Prime Minister described the doctored video as lighthearted satire.\n",      # the speaker's label
])
def test_descriptions_events_nouns_verbs_quotations_and_labels_are_not(text):
    found = loaded(text)
    assert not [w for w in found if w not in ("doctored",)], found


def test_every_proposal_says_which_cue_made_it():
    (s,) = [s for s in suggest("The embattled mayor opened the new bridge on Monday.\n")
            if s["kind"] == "loaded-language"]
    assert "unusual, vivid word" in s["note"]


def test_scores_are_deterministic_and_strongest_first():
    from closeread.suggest.reading import Article
    art = Article("It is astounding that the embattled mayor kept a mountain of debt hidden.\n")
    first = loaded_cues.scores(art, [])
    assert first == loaded_cues.scores(art, [])
    assert [x[0] for x in first] == sorted((x[0] for x in first), reverse=True)


def test_each_cue_offers_a_neutral_alternative_a_teacher_can_start_from():
    found = {s["quote"]: s["neutral"] for s in suggest("The embattled mayor blankly denied facing a mountain of debt.\n")
             if s["kind"] == "loaded-language"}
    assert found == {"embattled": "(leave the word out, or give the fact it stands for)",
                     "blankly": "(leave the adverb out)", "a mountain of debt": "much, many (or the number)"}


def test_rare_technical_adjectives_and_the_articles_subject_are_not_judgements():
    text = ("The probe will study the moon's subsurface ocean, which may hold hydrothermal vents.\n\n"
            "The spacecraft carries a thermal imager to map the moon's geologic features.\n\n"
            "Doctors said the intranasal vaccine suits healthy adults. The intranasal vaccine is sprayed. "
            "An intranasal dose costs less.\n")
    assert loaded(text) == []


@pytest.mark.parametrize("text, phrase", [
    ("Trump has shown little hesitation to doctor, um, doctor's reports in the past.\n", "um"),
    ("Which, of course, means she has given some statements that were not accurate.\n", "of course"),
    ("So, the paper-thin medical record answered no question about his health.\n", "paper-thin"),
    ("This is a White House that has set a standard of dishonesty in its statements.\n", "dishonesty"),
])
def test_asides_simile_compounds_and_judging_nouns_in_the_outlets_voice_are_proposed(text, phrase):
    assert phrase in loaded(text)


@pytest.mark.parametrize("text", [
    "The University of Michigan (UM) opened a new lab; the course of the river changed.\n",  # no aside
    "A well-thin argument is no compound of degree; the half-solid gel set overnight.\n",     # degree prefixes
    "Vaccines prevent illness from spreading among detained families, the doctors said.\n",  # a condition, a fact
    "\"It is, of course, a standard of dishonesty,\" the senator said.\n",                   # the speaker's words
    "The president made an unscheduled trip; the buyer stayed undisclosed.\n",               # rare only by a prefix
    "The two leaders met in the hourlong encounter; the figure is in the ballpark.\n",       # two common words
    "They got a signal of emitted infrared light, and arrivals spiked last year.\n",         # participles as verbs
    "The order is valued at $8.8 billion at list prices.\n",                                 # a passive with its complement
    "Maley says the stock could be a risky bet with a worthy reward.\n",                     # indirect speech
])
def test_plain_words_conditions_and_reported_judgements_are_not(text):
    assert loaded(text) == []


def test_a_judging_noun_in_a_reported_sentence_is_the_speakers():
    assert loaded("Officials said the standard of dishonesty was set by others.\n") == []
    assert loaded("Clark in October revealed lofty plans to expand the fleet.\n") == ["lofty"]


def test_an_exclamation_is_its_own_clause_and_a_shouted_promotion_is_not_one():
    text = ("So, there's reason -- lots of it! -- to wonder.\n\nHow chivalrous!\n\n"
            "THE POINT -- NOW ON YOUTUBE!\n")
    assert loaded(text) == ["lots of it!", "How chivalrous!"]


def test_a_comment_adverb_opening_a_sentence_is_proposed_a_sequence_adverb_is_not():
    text = ("Sadly, the bridge closed on Monday. Finally, the council voted on the plan.\n\n"
            "Recently, the mayor resigned. Separately, the police opened an inquiry.\n")
    assert loaded(text) == ["Sadly"]
    assert loaded("\"Sadly, it closed,\" the mayor said.\n") == []
