"""One test group per kind module of closeread/suggest (figures, sources, verbs, quotes, loaded,
speculation, claims) and for what core.py puts together (furniture skipped, caps)."""

from __future__ import annotations

from pathlib import Path

import yaml

from closeread.suggest import suggest


def of(text: str, kind: str, **kw) -> list[str]:
    return [s["quote"] for s in suggest(text, **kw) if s["kind"] == kind]


# --- sources.py -----------------------------------------------------------------------------------

def test_source_of_a_trailing_tag_is_the_noun_phrase_before_it():
    text = "Carlineo faces a maximum of 10 years in prison, the U.S. Attorney's Office for the Western District said.\n"
    assert of(text, "source") == ["the U.S. Attorney's Office for the Western District"]


def test_source_with_the_description_that_introduces_it():
    text = ("Carlineo's attorney, Sonya Zoghlin, said in an email that he never intended harm.\n\n"
            "\"There are no hard data,\" said Bruce Bagley, a professor at the University of Miami.\n")
    assert of(text, "source") == ["Carlineo's attorney, Sonya Zoghlin",
                                  "Bruce Bagley, a professor at the University of Miami"]


def test_source_after_an_introductory_phrase_or_in_a_second_clause():
    text = ("However, both Vindman and Williams told lawmakers that the request was inappropriate.\n\n"
            "The United Nations stressed the move changes nothing, while the Arab League condemned it.\n")
    assert of(text, "source") == ["both Vindman and Williams", "The United Nations", "the Arab League"]


def test_the_agent_of_a_participle_after_a_noun_or_of_reported_by_is_the_source():
    text = ("The Arab League condemned the move announced on Monday by US Secretary of State Mike Pompeo.\n\n"
            "\"It is fine,\" said one legal expert, as reported by the Independent newspaper.\n")
    assert of(text, "source") == ["The Arab League", "US Secretary of State Mike Pompeo", "one legal expert",
                                  "the Independent newspaper"]
    assert "announced" not in of(text, "attribution-verb")  # announcing a move is an act, not words


def test_a_means_or_a_thing_after_by_is_no_source():
    text = ("The sum was reported by phone. The plan was announced by mistake and the rules changed. The name "
            "refers to the border established by the British.\n")
    assert of(text, "source") == []
    assert of("The sum was reported by phone.\n", "attribution-verb") == []


def test_two_speakers_each_named_with_a_description_before_the_verb_are_two_sources():
    text = ("Later in the day, Kurt Volker, former special envoy to Kyiv, and Tim Morrison, another top NSC aide, "
            "testified before the committee.\n\nJane Doe, a lawyer for the city, testified on Monday.\n")
    assert of(text, "source") == ["Kurt Volker, former special envoy to Kyiv", "Tim Morrison, another top NSC aide",
                                  "Jane Doe, a lawyer for the city"]


def test_a_subject_set_off_by_commas_without_a_name_is_no_source():
    text = "The man, who was tired, testified on Monday.\n"
    assert of(text, "source") == []


def test_a_body_whose_finding_is_named_and_where_a_list_was_obtained_are_sources():
    text = ("He faced criticism amid the intelligence community\u2019s finding that hackers stole emails. Much of this "
            "list was obtained from the National Conference of State Legislatures.\n")
    assert of(text, "source") == ["the intelligence community", "the National Conference of State Legislatures"]


def test_a_things_conclusion_is_no_source():
    assert of("The plan\u2019s conclusion that prices rise is wrong.\n", "source") == []


def test_every_attribution_gets_its_source_but_no_pronoun_or_date_does():
    text = ("Volker said the call was unusual. Volker later said on Tuesday that it was fine.\n\n"
            "He said nothing else. Shortly after, the court ruled that the case could go on.\n")
    assert of(text, "source") == ["Volker", "Volker", "the court"]


def test_who_heard_a_statement_is_not_its_source_and_the_speaker_before_is():
    text = ("\"This is how epidemics begin,\" Dr. Luz Arroyo, a member of the group, told NBC News. "
            "\"It is not only migrants.\"\n")
    assert of(text, "source") == ["Dr. Luz Arroyo, a member of the group"]


def test_a_speaker_described_at_length_after_a_quotation_is_the_source():
    text = ("\"Water is hard to find beyond Earth,\" study lead author Lucas Paganini, a planetary scientist at "
            "the Goddard Space Flight Center, said in a statement.\n")
    assert of(text, "source") == ["study lead author Lucas Paganini, a planetary scientist at the Goddard Space "
                                  "Flight Center"]
    assert of("\"It rained,\" he said, in a statement.\n", "source") == []
    assert of("\"It rained,\" the rain, a cold one in the night, fell down, he said.\n", "source") == []


def test_a_name_with_its_team_and_a_two_word_outlet_name_are_sources():
    text = ("Such stripping would occur often, Paganini and his team wrote in the new paper.\n\n"
            "A cell meant for 35 held 155 men with only one toilet, NBC News reported.\n")
    assert of(text, "source") == ["Paganini and his team", "NBC News"]
    assert of("Afterward the sink reported.\n", "source") == []


# --- verbs.py -------------------------------------------------------------------------------------

def test_attribution_lexicon_finds_more_than_say_and_tell_and_flags_loaded_verbs():
    text = ("The group claimed responsibility for the attack on Monday.\n\n"
            "The minister has ruled out new talks. Critics slammed the plan as reckless.\n\n"
            "Morrison testified before the committee, and the Arab League condemned the move.\n")
    found = {s["quote"]: s for s in suggest(text) if s["kind"] == "attribution-verb"}
    assert {"claimed", "has ruled out", "slammed", "testified", "condemned"} <= set(found)
    assert "A loaded verb" in found["slammed"]["note"] and "A loaded verb" in found["claimed"]["note"]
    assert "A loaded verb" not in found["testified"]["note"]


def test_a_plural_noun_is_not_a_reporting_verb():
    text = "The only two Arab states to have signed peace treaties with Israel criticised the decision.\n"
    assert "states" not in of(text, "attribution-verb")


def test_a_subheading_question_is_not_an_attribution():
    text = "What did the prosecutors claim\n\nThe prosecutors claimed the evidence was strong.\n"
    assert of(text, "attribution-verb") == ["claimed"]


def test_a_verb_of_finding_reports_words_only_after_a_study_or_an_inquiry():
    text = ("That report found children in some facilities had no showers.\n\n"
            "Police found a body near the river on Sunday.\n")
    assert of(text, "attribution-verb") == ["found"]
    assert of(text, "attribution-verb")[0] == "found" and "That report" in of(text, "source")[0]


def test_a_verb_of_belief_reports_a_hypothesis_only_after_a_kind_of_speaker():
    text = ("The researchers think the source of this water is a plume.\n\n"
            "I think the plan is fine. Most children think recess is too short, she said.\n")
    assert of(text, "attribution-verb") == ["think"]


def test_pleading_is_a_loaded_verb_of_saying_but_pleading_guilty_is_not():
    text = ("In a letter, the doctors pleaded with the administration to reconsider.\n\n"
            "The driver pleaded guilty to the charge on Monday.\n")
    found = [s for s in suggest(text) if s["kind"] == "attribution-verb"]
    assert [s["quote"] for s in found] == ["pleaded"] and "A loaded verb" in found[0]["note"]


def test_advice_from_an_authority_is_an_attribution_and_a_personal_one_is_not():
    text = ("The Centers for Disease Control recommends all adults get a flu vaccine.\n\n"
            "Her friend recommends the pasta at the new place.\n")
    assert of(text, "attribution-verb") == ["recommends"]


def test_observing_a_thing_is_an_act_observing_that_is_a_report():
    text = ("The researchers observed Europa for 17 nights.\n\n"
            "The researchers observed that the plume was faint.\n")
    assert of(text, "attribution-verb") == ["observed"]
    assert [s["quote"] for s in suggest(text) if s["kind"] == "attribution-verb"][0] == "observed"
    assert "that the plume" in text[text.index("observed that"):]
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


def test_posting_a_thing_is_an_act_posting_words_is_a_report():
    text = ("The party posted a video on social media on Tuesday.\n\n"
            "The party posted that the video was satire.\n")
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


def test_the_subject_before_auxiliaries_and_a_progressive_verb_is_the_source():
    text = ("Assange has denied both allegations.\n\n"
            "Michigan health authorities are reporting that a sixth person died.\n")
    assert of(text, "attribution-verb") == ["denied", "reporting"]
    assert of(text, "source") == ["Assange", "Michigan health authorities"]


def test_calling_in_threats_is_an_act_not_a_label():
    text = "He allegedly called in threats to the office. Critics called the plan a sham.\n"
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


def test_a_plural_of_people_or_a_dashed_apposition_before_an_everyday_verb_is_a_speaker():
    text = ("Democratic lawmakers grilled the envoy about the call.\n\n"
            "The Palestinian Authority - which rejected the mediator - called for an emergency meeting.\n")
    assert of(text, "attribution-verb") == ["grilled", "called for"]
    assert of("Heavy rains grilled nothing.\n", "attribution-verb") == []


def test_a_photo_caption_that_describes_an_act_is_no_attribution_but_one_with_words_is():
    line = "Kurt Volker testifies before the House Intelligence Committee on Tuesday."
    text = f"{line}\n\nThe hearing went on for hours, officials said.\n"
    span = (0, len(line))
    assert of(text, "attribution-verb", captions=[span]) == []
    assert of(text, "attribution-verb") == ["testifies"]
    worded = "Kurt Volker testifies that the call was unusual."
    assert of(f"{worded}\n", "attribution-verb", captions=[(0, len(worded))]) == ["testifies"]


def test_denying_someone_a_thing_is_a_refusal_not_a_denial():
    text = "The agency denied him a visa on Monday. The minister denied the allegations.\n"
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


def test_a_passive_that_introduces_no_words_is_not_an_attribution():
    text = ("Such stripping would occur often enough to be noted more than one night out of 17.\n\n"
            "It was noted that the plume was faint.\n")
    assert of(text, "attribution-verb") == ["noted"]
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


# --- quotes.py ------------------------------------------------------------------------------------

def test_short_quoted_words_are_a_quote_next_to_a_speech_word_and_scare_quotes_otherwise():
    text = ("His claim in the interview that the pair were \u201cnot close\u201d did not survive.\n\n"
            "The \u201creforms\u201d have left the hospitals without doctors.\n")
    assert of(text, "quote") == ["not close"]
    assert of(text, "loaded-language") == ["\u201creforms\u201d"]


def test_a_fields_term_in_quotation_marks_is_not_a_scare_quote_but_a_common_word_is():
    text = ("The volume is higher than what \"exogenic\" processes could explain.\n\n"
            "So, the paper-thin medical \"record\" he provided was made up.\n")
    found = [s["quote"] for s in suggest(text) if s["kind"] in ("loaded-language", "quote")]
    assert "\"exogenic\"" not in found and "exogenic" not in found and "\"record\"" in found


def test_a_word_the_sentence_names_as_a_word_is_no_scare_quote():
    text = ("The Bill would require providers to store so-called \u201cmetadata\u201d for two years.\n\n"
            "This year we searched for 'recipes' less and 'restaurant' more.\n\n"
            "The \u201creforms\u201d have left the hospitals without doctors.\n")
    assert [q for q in of(text, "loaded-language") if "\u201c" in q or "'" in q] == ["\u201creforms\u201d"]


def test_the_title_of_a_work_in_quotation_marks_is_no_quote():
    text = ("In her book \u201cA Paradise Built in Hell: The Extraordinary Communities that Arise\u201d, Solnit wrote it.\n\n"
            "\u201cOne girl can be silenced, but a nation of girls becomes free\u201d slideshow\n\n"
            "\u201cWe will not be silenced by anyone in this country,\u201d Malala said.\n")
    assert of(text, "quote") == ["We will not be silenced by anyone in this country"]


def test_questions_about_something_is_a_noun_not_a_reporting_verb():
    text = "Trump provided it to quiet questions about his health. Gupta questions whether it is true.\n"
    assert [s.get("occurrence") for s in suggest(text) if s["kind"] == "attribution-verb"] == [2]


def test_a_line_that_is_all_quotation_is_a_pull_quote():
    text = "The doctors wrote to the agency.\n\n\u201cAlarming mortality rate\u201d\n\nThe rate is high.\n"
    assert of(text, "quote") == ["Alarming mortality rate"]


def test_a_short_quotation_inside_a_line_or_a_quoted_name_on_its_own_line_is_no_quote():
    text = "The doctors saw an \u201calarming mortality rate\u201d there.\n\n\u201cFactcheck UK\u201d\n"
    assert of(text, "quote") == []


def test_a_headline_that_credits_its_words_after_a_colon_gives_a_quote_and_a_source():
    text = ("Impeachment sham completely debunked: White House\n\n"
            "The White House said on Tuesday that the process was over.\n")
    assert of(text, "quote") == ["Impeachment sham completely debunked"]
    assert of(text, "source") == ["White House", "The White House"]


def test_a_headline_colon_before_a_name_that_never_speaks_is_no_credit():
    text = "Five things to know about it: Election Day\n\nElection Day is on Tuesday, officials said.\n"
    assert of(text, "quote") == []
    assert of(text, "source") == ["officials"]


def test_one_spoken_word_with_its_own_comma_or_question_mark_is_a_quote():
    text = ("\u201cProbably,\u201d Trump said, before giving reasons.\n\n"
            "After a long monologue, Wallace asked Trump: \u201cDone?\u201d\n\n"
            "The judge kept telling his lawyer to \u201ccontrol your client\u201d all day.\n")
    assert of(text, "quote") == ["Probably", "Done?", "control your client"]


def test_a_quotation_that_runs_on_past_its_paragraph_is_quoted_to_the_line_end():
    text = ("Alito cut her off: \u201cNo, I am not making that point. There is a risk, right?\n\n"
            "\u201cThere can be a minimal risk,\u201d she said.\n")
    assert of(text, "quote") == ["No, I am not making that point. There is a risk, right?",
                                 "There can be a minimal risk"]


def test_a_capitalised_name_in_quotation_marks_is_still_no_quote_and_a_stray_inch_mark_opens_nothing():
    text = ("The party renamed its account \u201cFactcheckUK\u201d during the debate. The shelf is 5\" deep.\n\n"
            "Clips went to a server named \u201cOperation Hotel,\u201d which was later changed.\n")
    assert of(text, "quote") == []
    assert of(text, "loaded-language") == []  # a name with the sentence's comma inside its marks


def test_a_name_in_quotation_marks_is_not_a_quote():
    text = "The party renamed its account \u201cfactcheckUK\u201d during the debate on Tuesday night.\n"
    assert of(text, "quote") == []


# --- loaded.py ------------------------------------------------------------------------------------

def test_loaded_words_inside_a_quotation_are_the_speakers_not_the_outlets():
    text = ("\"This impeachment sham is a charade,\" Grisham said.\n\n"
            "The embattled company announced a lofty plan on Monday.\n")
    assert of(text, "loaded-language") == ["embattled", "lofty"]


def test_adjacent_loaded_words_are_one_phrase_and_exclamations_are_flagged():
    text = ("The answers were met with a torrent of derision from the public.\n\n"
            "Oh how very noble of the prince! He left the next day.\n")
    assert of(text, "loaded-language") == ["a torrent of derision", "Oh how very noble of the prince!"]


def test_a_line_that_is_one_exclamation_is_a_heading_and_courtesy_judges_nothing():
    text = ("T1 are your Worlds 2023 champions!\n\n"
            "We keep the site running with these links. Thanks for your support!\n\n"
            "The prince left the next day. How chivalrous!\n")
    assert of(text, "loaded-language") == ["How chivalrous!"]


def test_a_label_a_report_repeats_gets_one_note_and_militants_is_the_neutral_word():
    text = ("The terrorists attacked the museum on Wednesday.\n\nThe terrorists fled by car.\n\n"
            "Militants loyal to the group were arrested.\n")
    assert of(text, "loaded-language") == ["terrorists"]


# --- speculation.py -------------------------------------------------------------------------------

def test_could_of_possibility_is_speculation_could_of_ability_or_procedure_is_not():
    text = ("The stock could surge after the deal, analysts said.\n\n"
            "An appeal against the decision could be made to the attorney general.\n\n"
            "She could not see the road. He allegedly called the office, in what is alleged to be a threat.\n")
    assert of(text, "speculation") == ["could", "allegedly"]


def test_adverbs_and_nouns_of_possibility_and_reasons_for_a_guess_are_speculation():
    text = ("The plumes come from potentially habitable places. And there's a possibility that a probe could fly "
            "through one.\n\nThe incident was minor or maybe routine; there is every reason to suspect more.\n\n"
            "The court is expected to rule next week.\n")
    assert of(text, "speculation") == ["potentially", "there's a possibility", "could", "maybe",
                                       "every reason to suspect", "is expected to"]


def test_possibility_without_a_guess_and_a_reason_given_as_fact_are_not_speculation():
    text = ("The chance to vote ends on Friday. The reason to act is the deadline, she said.\n\n"
            "Officials expected the report on Monday.\n")
    assert of(text, "speculation") == []


def test_hedges_inside_a_quotation_are_not_the_outlets():
    text = "\"It may be the worst year yet,\" the minister said. The figures are probably wrong.\n"
    assert of(text, "speculation") == ["probably"]


# --- figures.py -----------------------------------------------------------------------------------

def test_figures_with_what_they_count_ranges_and_no_model_numbers():
    text = ("The 787-9 seats 242 to 330 passengers. The 777 program has faced delays.\n\n"
            "It came after five sales: two to Biman and three to Ghana. The trip took three days.\n")
    assert of(text, "figure") == ["242 to 330 passengers", "five sales", "three days"]

def test_enumerators_formula_terms_short_years_and_places_in_a_series_are_no_figures():
    text = ("Our favorite ways to eat eggs are: 1) Deviled, 2) Scotch, 3) Scrambled.\n\n"
            "That is a total of 10^5 * 300 = 30,000,000 lists.\n\n"
            "He ran afoul of Bush in \u201991, and they won game four of the semifinals.\n")
    assert of(text, "figure") == ["30,000,000 lists"]


def test_a_fraction_of_a_large_number_is_one_figure():
    text = "The commission cut about half a million dollars. A quarter of a billion euros was lost, officials said.\n"
    assert of(text, "figure") == ["about half a million dollars", "A quarter of a billion euros"]
    assert of("He ate half a sandwich. Half the town fled.\n", "figure") == []


def test_a_people_by_its_plural_name_a_number_after_a_dashed_aside_and_thousands_as_k_are_figures():
    text = ("In January, militants beheaded 21 Christians \u2014 20 of them Egyptian Copts \u2014 along the coast.\n\n"
            "The dress, valued at $150K, was stolen.\n")
    assert of(text, "figure") == ["21 Christians", "20", "$150K"]
    assert of("The plane seats 242 to 330 passengers.\n", "figure") == ["242 to 330 passengers"]



def test_a_count_with_the_name_or_model_of_what_it_counts_is_one_figure():
    text = ("It ordered 50 Airbus A350-900 jets and took five 787 Dreamliner sales. Three Republican senators "
            "objected.\n")
    assert of(text, "figure") == ["50 Airbus A350-900 jets", "five 787 Dreamliner sales", "Three Republican senators"]


def test_a_model_number_after_an_article_or_before_a_singular_noun_is_no_count():
    assert of("The 787 Dreamliner jets flew. The 737 Max crashed.\n", "figure") == []


def test_tallies_units_rates_and_peoples_by_their_plural_name_are_figures():
    text = ("The Senate confirmed her by a vote of 53-36. It lost by a 6-3 vote. Winds reached 23 mph. It was just "
            "under 11,000 square feet and the 2\u00b0C limit is dead. The wage rose to $8.25 per hour. He treated "
            "two Palestinians.\n")
    assert of(text, "figure") == ["53-36", "6-3 vote", "23 mph", "just under 11,000 square feet", "2\u00b0C",
                                  "$8.25 per hour", "two Palestinians"]


def test_a_range_that_goes_up_and_a_model_number_are_no_tally():
    assert of("Children aged 5-12 flew on the 737-800 jet.\n", "figure") == []


def test_a_size_that_names_a_product_and_an_early_year_after_a_preposition_are_no_figures():
    text = "The new 16-inch MacBook Pro is like the old one. Congress created the Customs Service in 1789.\n"
    assert of(text, "figure") == []


def test_a_measure_before_a_common_noun_and_a_four_digit_count_are_still_figures():
    text = "They studied the 1,900-mile-wide Europa. A 12-inch snowfall hit. It sold 1500 units in all.\n"
    assert of(text, "figure") == ["1,900-mile-wide", "12-inch", "1500 units"]


def test_units_rates_and_tallies_are_words_of_the_data_file():
    data = yaml.safe_load((Path(__file__).resolve().parents[2] / "closeread" / "suggest" / "figures.yaml")
                          .read_text(encoding="utf-8"))
    assert {"mph", "square feet"} <= set(data["units"]) | {"square " + u for u in data["units"]}
    assert "hour" in data["rate_per"] and "vote" in data["tally_nouns"]


def test_a_part_of_a_counted_whole_is_one_figure():
    text = ("Emirates will buy 30 of Boeing's 787-9 Dreamliner jets. It grounded 123 of the planes. They met two of "
            "three requirements.\n")
    assert of(text, "figure") == ["30 of Boeing's 787-9 Dreamliner jets", "123 of the planes",
                                  "two of three requirements"]


def test_a_part_of_something_uncounted_stays_the_number():
    assert of("It rained 3 of the time. About 40 of them left.\n", "figure") == ["3", "About 40"]


def test_dashed_ranges_measures_and_a_thousands_figure_that_looks_like_a_year_are_figures():
    text = ("The risk is moderate in the following 3-5 years. They studied the 1,900-mile-wide moon.\n\n"
            "There was about 2,300 tons (2,095 metric tons) of it.\n")
    assert of(text, "figure") == ["3-5 years", "1,900-mile-wide", "about 2,300 tons", "2,095"]
    assert of("The 737-800 flew in 2015 and 2019-2020 was busy.\n", "figure") == []


def test_ages_and_the_time_frame_of_a_statement_are_not_figures():
    text = ("Trump is 73 years old. A 55-year-old man and all people above age 6 months got one.\n\n"
            "He did not have a physical in the past two years.\n")
    assert of(text, "figure") == []
    assert of("The trial lasted two years.\n", "figure") == ["two years"]


# --- core.py --------------------------------------------------------------------------------------

def test_nothing_is_suggested_on_spans_marked_as_furniture():
    text = ("Trending: Officials said 500 people were evacuated\n\n"
            "The mayor said 300 people were evacuated on Monday.\n")
    furniture = (0, text.index("\n"))
    kept = suggest(text, skip=[furniture])
    assert kept and all(text.index(s["quote"], furniture[1]) > furniture[1] for s in kept)
    assert [s["quote"] for s in kept if s["kind"] == "figure"] == ["300 people"]


LIMITS = Path(__file__).resolve().parents[2] / "closeread" / "suggest" / "limits.yaml"


def test_each_kind_is_capped():
    text = "".join(f"Officials said {n} people were hurt in district {n}.\n\n" for n in range(100, 160))
    out = suggest(text, limits={"figure": 5, "claim": 3})
    assert sum(s["kind"] == "figure" for s in out) == 5
    assert sum(s["kind"] == "claim" for s in out) == 3
    # the others keep limits.yaml's caps
    assert sum(s["kind"] == "source" for s in out) == yaml.safe_load(LIMITS.read_text())["source"]


# --- verbs.py: neutral verbs of saying ------------------------------------------------------------

def test_neutral_verbs_of_saying_give_one_note_on_their_pattern():
    text = ("The mayor said the water was safe. Officials told reporters the pipes were new. "
            "According to the council, the plant was inspected. Critics claimed the tests were rigged.\n")
    verbs = [s for s in suggest(text) if s["kind"] == "attribution-verb"]
    assert sorted(s["quote"] for s in verbs) == ["claimed", "said"]  # the pattern note sits on the first
    (pattern,) = [s for s in verbs if s["quote"] == "said"]
    assert "3 statements" in pattern["note"] and '"told" 1 time' in pattern["note"]


def test_two_closing_single_marks_end_a_quotation():
    text = ("\u201cIt was an attempt to mislead voters,\u2019\u2019 Will Moy, chief executive of Full Fact, "
            "told the BBC.\n")
    assert of(text, "quote") == ["It was an attempt to mislead voters"]
    assert of(text, "source") == ["Will Moy, chief executive of Full Fact"]


def test_a_bare_plural_noun_of_people_before_a_closing_tag_is_a_source():
    text = "The man kept three rifles and two shotguns at his home, prosecutors said.\n"
    assert of(text, "source") == ["prosecutors"]


def test_a_short_phrase_beside_any_reporting_verb_or_inside_a_longer_quotation_is_a_quote_not_scare_quotes():
    text = ("The judge stopped him, telling his lawyer to \u201ccontrol your client\u201d before the break.\n\n"
            "He attacked the \u201cpolitical witch hunt\u201d once more.\n\n"
            "\u201cThis is a political witch hunt and it has to end,\u201d Trump said.\n")
    assert of(text, "loaded-language") == []
    assert "control your client" in of(text, "quote") and "political witch hunt" in of(text, "quote")


def test_a_single_word_in_quotation_marks_needs_a_word_of_speech_a_noun_like_questions_is_not_one():
    text = "So, the medical \u201crecord\u201d he provided to quiet questions was thin.\n"
    assert of(text, "loaded-language") == ["\u201crecord\u201d"]
    assert of(text, "quote") == []


def test_a_short_phrase_in_quotation_marks_with_no_speaker_names_a_term_and_is_no_scare_quote():
    text = ("U.S. imports of \"intermediate goods\" from China have risen.\n\n"
            "The \u201creforms\u201d have left the hospitals without doctors.\n")
    assert of(text, "loaded-language") == ["\u201creforms\u201d"]
