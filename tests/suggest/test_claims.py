"""claims.py: a claim is a whole statement without its attribution, and page furniture is never one."""

from __future__ import annotations

import pytest

from closeread.suggest import suggest


def claims(text: str) -> list[str]:
    return [s["quote"] for s in suggest(text) if s["kind"] == "claim"]


@pytest.mark.parametrize("line", [
    "Associated Press writer Danica Kirka in London contributed to this report.",
    "By Jill Lawless and Danica Kirka",
    "(Reporting by John Smith; Editing by Jane Roe)",
    "Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, "
    "rewritten or redistributed.",
    "The views and opinions expressed in the article do not necessarily reflect those of the outlet.",
    "Share this article with your friends on every network you use",
    "Follow Jill Lawless on Twitter for more news from London",
])
def test_page_furniture_is_never_a_claim(line):
    text = f"The council approved the new budget for the city on Tuesday evening.\n\n{line}\n"
    assert claims(text) == ["The council approved the new budget for the city on Tuesday evening"]


def test_a_contributor_sentence_closing_a_paragraph_is_not_a_claim():
    text = ("The council approved the new budget on Tuesday evening. Associated Press writer Jane Roe "
            "contributed to this report.\n")
    assert claims(text) == ["The council approved the new budget on Tuesday evening"]


def test_a_dateline_is_not_part_of_the_claim():
    text = "LONDON (AP) — Britain's Conservative Party rebranded its Twitter account during the debate.\n"
    assert claims(text) == ["Britain's Conservative Party rebranded its Twitter account during the debate"]


def test_the_country_us_is_not_the_writers_first_person():
    text = "The US wants the UK to extradite Assange over his role in the release of classified material.\n"
    assert claims(text) == [text.strip().rstrip(".")]
    assert claims("Let us now consider what the numbers in the report really mean for the city.\n") == []


def test_a_closing_according_to_is_the_attribution_not_the_claim():
    text = "The plant released toxic water into the river for three weeks, according to a statement.\n"
    assert claims(text) == ["The plant released toxic water into the river for three weeks"]


@pytest.mark.parametrize("text", [
    "Aviation analysts called it the \"end of an era\" for the jumbo jet and its long reign.\n",
    "The chairman of the party described the doctored video as lighthearted satire.\n",
])
def test_a_label_put_on_something_is_not_a_claim(text):
    assert claims(text) == []


def test_a_headline_that_credits_its_words_is_not_a_claim():
    text = ("Michigan Officials: Sixth Death Linked To Mosquito Virus Reported\n\n"
            "The state health department confirmed a sixth death from the virus this autumn.\n")
    assert claims(text) == ["The state health department confirmed a sixth death from the virus this autumn"]


def test_an_inverted_tag_after_the_statement_leaves_the_statement():
    text = ("The deal could be the beginning of a new trend for consumer-facing stocks, says John Petrides, "
            "portfolio manager at Tocqueville Asset Management.\n")
    assert claims(text) == ["The deal could be the beginning of a new trend for consumer-facing stocks"]
    sources = [s["quote"] for s in suggest(text) if s["kind"] == "source"]
    assert sources == ["John Petrides, portfolio manager at Tocqueville Asset Management"]


def test_nothing_at_all_is_suggested_on_a_furniture_line():
    text = ("The council approved the new budget for the city on Tuesday evening.\n\n"
            "Published: 21 November 2019, 10 readers said\n")
    assert [s["quote"] for s in suggest(text)] == ["The council approved the new budget for the city on Tuesday evening"]


def test_a_tag_inside_the_sentence_gives_its_speaker_and_the_statement_before_it():
    text = "A major part of the reason that more agents are needed, McKinley said, is the flow of drugs.\n"
    out = suggest(text)
    assert [s["quote"] for s in out if s["kind"] == "source"] == ["McKinley"]
    assert [s["quote"] for s in out if s["kind"] == "claim"] == ["A major part of the reason that more agents are needed"]


def test_a_plural_noun_of_people_may_stand_before_a_verb_with_an_everyday_sense():
    text = ("Emirates finalized a deal to purchase 30 jets, executives of both companies announced Wednesday "
            "at the air show.\n")
    out = suggest(text)
    assert [s["quote"] for s in out if s["kind"] == "source"] == ["executives of both companies"]
    assert [s["quote"] for s in out if s["kind"] == "claim"] == ["Emirates finalized a deal to purchase 30 jets"]


def test_the_writer_noting_a_fact_in_the_first_person_gives_the_fact():
    text = "We should also note that the price per gram is calculated on a pure gram of the substance.\n"
    assert claims(text) == ["the price per gram is calculated on a pure gram of the substance"]
    assert claims("We were surprised by how long the hearing lasted in the end.\n") == []


def test_the_article_describing_its_own_chart_is_not_a_claim():
    assert claims("The following chart summarizes the approximate value of the 2019 seizures.\n") == []


def test_a_tag_told_us_closes_a_statement_like_any_other():
    text = "The official way the agency measures seizures is by pounds, not by value, an agency spokesman told us.\n"
    assert claims(text) == ["The official way the agency measures seizures is by pounds, not by value"]


def test_a_plural_noun_after_are_is_not_a_passive_reporting_verb():
    text = "While there are estimates for the amount coming through, they are necessarily more speculative.\n"
    assert [s for s in suggest(text) if s["kind"] == "attribution-verb"] == []
    assert claims(text) == [text.strip().rstrip(".")]


def test_an_exclamation_is_not_a_claim():
    assert claims("Oh how very noble and principled of the prince to end the friendship at last!\n") == []


def test_a_statement_around_an_according_to_aside_is_the_words_after_it():
    text = "President Donald Trump, according to the White House, made an unscheduled trip to the hospital on Saturday.\n"
    assert claims(text) == ["made an unscheduled trip to the hospital on Saturday"]


def test_a_trailing_tag_before_a_relative_clause_and_a_tag_after_a_prepositional_opening():
    text = ("And such stripping would occur fairly regularly, Paganini and his team wrote in the new paper, which "
            "was published online today.\n\n"
            "In an El Paso facility, a cell meant for 35 held 155 adult males, NBC News reported.\n")
    assert claims(text) == ["And such stripping would occur fairly regularly",
                            "In an El Paso facility, a cell meant for 35 held 155 adult males"]


def test_an_agencys_advice_is_a_claim_without_the_agency():
    text = "The Centers for Disease Control recommends all individuals above age 6 months get a flu vaccine.\n"
    assert claims(text) == ["all individuals above age 6 months get a flu vaccine"]


@pytest.mark.parametrize("line", [
    "Which is exactly the problem with the account the White House gave.",
    "Clipper could end up zooming through the plume on one of those flybys.",
    "And there's a possibility that a NASA spacecraft could soon do just that.",
])
def test_a_comment_on_the_sentence_before_or_a_guess_is_not_a_claim(line):
    assert claims(f"{line}\n") == []
    assert claims("The spacecraft could not reach the plume on any of its flybys.\n") != []


def test_an_appeal_is_reported_by_its_whole_sentence_not_by_its_infinitive():
    text = ("A group of physicians, alarmed that the administration is denying flu vaccines to migrants, is urging "
            "the department to accept its offer.\n")
    assert claims(text) == [text.strip().rstrip(".")]


def test_a_compound_sentence_gives_a_claim_per_statement():
    text = ("Ferry tickets were raised from $4 to $6 in May, and the service was cut to two crossings a day in "
            "June.\n")
    assert claims(text) == ["Ferry tickets were raised from $4 to $6 in May",
                            "the service was cut to two crossings a day in June"]


def test_a_reported_compound_leaves_out_a_clause_that_is_another_attribution():
    text = ("The mayor said the bridge would reopen in May, while the union condemned the plan announced by the "
            "council.\n")
    assert claims(text) == ["the bridge would reopen in May"]


def test_a_first_person_aside_does_not_hide_the_statement_beside_it():
    assert claims("Let's be honest, many tenants really dislike their landlords and would move if they could.\n") \
        == ["many tenants really dislike their landlords and would move if they could"]
    assert claims("As their savings ran out over the winter, I guess it was only a matter of time.\n") \
        == ["their savings ran out over the winter"]
    # the writer's own opinion or prescription is no claim
    assert claims("I mean, there really should be a law against these fees.\n") == []
    assert claims("I think the new park is the best thing the council has done.\n") == []


def test_a_second_person_generalisation_is_a_claim():
    assert claims("The longer you rent in this city, the more you are likely to pay each year.\n") == \
        ["The longer you rent in this city, the more you are likely to pay each year"]
    assert claims("Many drivers will tell you the roads have become more dangerous at night.\n") == \
        ["the roads have become more dangerous at night"]


def test_an_as_tag_inside_a_statement_is_left_out_of_its_claim_and_source():
    text = "The ferry is late every winter, as the operator has admitted, and fares are rising.\n"
    assert claims(text)[0] == "The ferry is late every winter"
    assert [s["quote"] for s in suggest(text) if s["kind"] == "source"] == ["the operator"]
    # an "as" that is no tag: the sentence's own clause
    assert claims("The ferry ran as the storm passed over the island on Monday.\n") == \
        ["The ferry ran as the storm passed over the island on Monday"]


def test_an_attribution_in_a_relative_clause_leaves_the_main_statement_a_claim():
    text = "The council's figures put the cost at £40 a year, a number that opposition councillors say is too low.\n"
    assert claims(text) == ["The council's figures put the cost at £40 a year"]


def test_an_address_to_the_reader_or_a_line_in_capitals_is_no_claim():
    text = ("April 17, 2015 -- Imagine being sick in the hospital with an infection nobody can treat.\n\n"
            "Talk about embodying the theme song of the whole tournament.\n\n"
            "LAURIE OAKES IS THE NINE NETWORK POLITICAL EDITOR\n\n"
            "The hospital treated eleven patients with the new drug last year.\n")
    assert claims(text) == ["The hospital treated eleven patients with the new drug last year"]


def test_a_directive_after_a_verb_of_warning_is_no_claim_but_a_clause_is():
    text = ("The Food Standards Agency warned people to stay away from slimming products that contained DNP.\n\n"
            "The Food Standards Agency warned that slimming products contained DNP.\n")
    assert claims(text) == ["slimming products contained DNP"]


def test_an_affiliate_disclosure_is_page_furniture():
    text = ("Just so you know, some of the links on this site are affiliate links that earn us a commission.\n\n"
            "The team won its fourth title in Seoul on Sunday night.\n")
    assert claims(text) == ["The team won its fourth title in Seoul on Sunday night"]


def test_a_sentence_that_opens_with_its_subject_saying_reports_the_rest():
    """"Swimming greats say ..." reports the greats' words even though no source is recognised in them: the
    rest is a reported claim, never the outlet's assertion with its attribution inside."""
    got = {s["quote"]: s.get("stance") for s in suggest(
        "Swimming greats say cuts a shame\n\nThe report came out on Monday. Swimming greats say the cuts are a shame.\n")
        if s["kind"] == "claim"}
    assert got == {"cuts a shame": "reported", "The report came out on Monday": "asserted", "the cuts are a shame": "reported"}
    # idioms of saying are the writer's own voice
    assert [(s["quote"], s["stance"]) for s in suggest("It is safe to say the cuts are a blow to the sport.\n")
            if s["kind"] == "claim"] == [("It is safe to say the cuts are a blow to the sport", "asserted")]


@pytest.mark.parametrize("idiom", ["Needless to say", "Suffice to say"])
def test_an_infinitive_of_saying_names_no_source(idiom):
    """"Needless to say, ..." is the writer's own aside: no source "Needless to", no claim reported."""
    got = suggest(f"{idiom}, the cuts are a blow to the sport.\n")
    assert not [s for s in got if s["kind"] in ("source", "attribution-verb")]
    assert [s["stance"] for s in got if s["kind"] == "claim"] == ["asserted"]
