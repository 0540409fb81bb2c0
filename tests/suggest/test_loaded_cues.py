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


# --- round 3: each cue kept for its precision over all the gold pages, with its negative ----------------

def test_a_manner_adverb_judges_how_someone_spoke_and_not_a_degree_or_a_way():
    assert "blankly" in loaded("In it, the prince blankly denied having met her.\n")
    assert loaded("The company's sales have been badly hit by the two crashes.\n") == []
    assert loaded("Some accounts invisibly move a few dollars into savings every week.\n") == []


def test_a_positive_rating_needs_rarity_or_a_verdict_on_a_statement():
    assert "astounding" in loaded("It is astounding that the minister kept his post after the vote.\n")
    assert loaded("A helpful person on the phone answers every call in the branch.\n") == []
    assert loaded("A confident appearance by the leader helped the party in 2010.\n") == []


def test_a_noun_of_quality_judges_through_its_adjective_a_noun_of_a_state_does_not():
    assert "arrogance" in loaded("The minister's arrogance cost the party the seat in the end.\n")
    assert loaded("There is an ambient frustration with the banks among young customers.\n") == []
    assert loaded("The apps are layered over people's inability to find stable work.\n") == []


@pytest.mark.parametrize("text, phrase", [
    ("When the United States slaps tariffs on goods, importers pay the bill.\n", "slaps"),
    ("He was hauled out of the embassy in London in April.\n", "hauled out"),
    ("Trump has pursued an agenda favoring tariffs as weapons in a trade war.\n", "as weapons"),
])
def test_force_used_on_things_that_are_not_bodies_is_a_metaphor(text, phrase):
    assert phrase in loaded(text)


def test_a_haul_or_a_weapon_of_a_plain_report_is_no_metaphor():
    assert loaded("The fishing fleet landed a record haul of cod on Monday.\n") == []
    assert loaded("Police found two weapons in the car, the report said.\n") == []


def test_a_noun_of_disorder_in_the_outlets_voice_is_a_verdict_and_a_reported_one_is_not():
    assert "chaos" in loaded("New apps were deployed amid the chaos of the pandemic years.\n")
    assert loaded("Officials said the airport was in chaos after the storm.\n") == []
    assert loaded("\"It was a mess,\" the coach said after the game.\n") == []


def test_a_word_said_three_times_over_is_a_rhetorical_repetition_and_twice_is_not():
    assert "and on and on and on" in loaded("The banks discriminated, overcharged, and on and on and on.\n")
    assert loaded("The lights went on and off twice during the hearing.\n") == []


def test_the_writer_talking_to_the_reader_is_an_aside_but_not_inside_a_quotation():
    assert "I know" in loaded("The name ends with an exclamation point. Cutting edge, I know.\n")
    assert loaded("\"I know the risks,\" the pilot said before the flight.\n") == []


def test_a_title_case_headline_noun_of_quality_is_proposed_a_name_is_not():
    text = "Prince Andrew's Royal Self-Indicting Arrogance\n\nThe prince spoke to the BBC on Saturday.\n"
    assert loaded(text) == ["Arrogance"]
    assert loaded("Arrogance Was Not the Theme\n\nThe minister spoke on Saturday.\n") == []


def test_a_degree_word_with_a_verdict_judges_a_plain_degree_compound_does_not():
    assert "well-earned" in loaded("It is smart to capitalize on all of this well-earned consumer rage.\n")
    assert "ill-fated" in loaded("The ill-fated merger collapsed within a year of its signing.\n")
    assert loaded("The well-known brand opened a half-built store in the town centre.\n") == []


def test_fixed_terms_and_conventional_amounts_are_not_loaded():
    assert loaded("Americans buy fewer goods, thereby hurting China's gross domestic product.\n") == []
    assert loaded("The latest wave of tech-based startups has a new angle on banking.\n") == []


def test_an_exclamation_mark_inside_a_name_and_a_name_after_an_initial_are_not_loaded():
    assert loaded("The bank is called Yahoo!. It opened in May.\n") == []
    assert loaded("Phones were hit too, said Mary E. Lovely, a Syracuse University economist.\n") == []


def test_puffery_in_the_outlets_voice_is_proposed_and_in_a_report_of_words_it_is_not():
    assert "iconic" in loaded("Emirates is the biggest buyer of Airbus' iconic A380 jet.\n")
    assert loaded("The director said the iconic tower would reopen in May.\n") == []
    assert loaded("The court issued a landmark ruling on the historic case.\n") == []


def test_an_editorial_even_opening_a_sentence_is_proposed_a_conjunction_is_not():
    assert loaded("Even the policy manual of the agency calls for flu shots.\n") == ["Even"]
    assert loaded("Even so, the agency offered no flu shots. Even if it did, few came.\n") == []


def test_an_appeal_to_any_reasonable_reader_is_proposed_a_plain_person_is_not():
    assert "any rational person" in loaded("The facts should force any rational person to doubt the letter.\n")
    assert loaded("Any person who was in the building must register with the police.\n") == []


def test_a_feeling_of_the_people_described_is_no_verdict_its_cause_judged_by_the_writer_is():
    assert loaded("Frustrated residents packed the council meeting on Tuesday night.\n") == []
    assert loaded("Still, it's deeply depressing to attend a gathering of bank executives.\n") == ["depressing"]
    assert loaded("Severe storms hit the coast, and stolen cars were found in the river.\n") == []


def test_a_noun_of_a_virtue_describes_and_one_of_a_vice_judges():
    assert loaded("Voters praised the mayor for his honesty during the long campaign.\n") == []
    assert loaded("The Honesty Index\n\nThe survey asked 2,000 adults about trust.\n") == []
    assert "dishonesty" in loaded("This is a White House that has set a standard of dishonesty in its statements.\n")


# --- round 4: closed classes of style-guide advice (loaded_cues.yaml `classes`), each with its negative --------

@pytest.mark.parametrize("text, phrase", [
    ("The senator and the mayor sparred over the budget at the town hall.\n", "sparred"),
    ("The governor has been railing against the new tax for months.\n", "railing against"),
    ("The minister traded barbs with the opposition leader on Tuesday.\n", "traded barbs"),
    ("The hearing turned into a shouting match between the two lawyers.\n", "shouting match"),
    ("The chairman delivered a long tirade against the regulators.\n", "tirade"),
    ("The candidate was quick to pounce on the error in the report.\n", "pounce on"),
    ("Two party heavyweights backed the bill in the Senate vote.\n", "heavyweights"),
])
def test_a_metaphor_of_combat_sport_or_spectacle_for_argument_is_proposed(text, phrase):
    assert phrase in loaded(text)


@pytest.mark.parametrize("text", [
    "Police said the drugs were seized on the border near the town.\n",        # a passive of the literal verb
    "The council voted 7-2 to approve the new budget on Tuesday.\n",          # a plain report of a vote
    "\"He ranted for an hour,\" the aide said of the meeting.\n",              # the speaker's word
    "She said the senator had been railing against the tax for months.\n",     # a reported clause
    "Netanyahu visited the Gush Etzion bloc on Monday.\n",                     # a name, not a word of the class
])
def test_a_literal_use_a_name_or_someone_elses_word_is_not(text):
    assert loaded(text) == []


def test_seized_on_counts_after_a_subject_and_not_after_a_noun():
    assert "seized on" in loaded("The senator seized on the error in the report.\n")
    assert loaded("Officials said 40 kilograms of drugs seized on Tuesday were destroyed.\n") == []


@pytest.mark.parametrize("text, word", [
    ("The bombastic candidate arrived at the rally two hours late.\n", "bombastic"),
    ("The minister gave a glib answer to a question about the hospital.\n", "glib"),
    ("The senator confidently addressed the committee on Monday.\n", "confidently"),
    ("The mayor pointedly ignored the question about the contract.\n", "pointedly"),
])
def test_an_adjective_or_adverb_that_judges_a_persons_manner_is_proposed(text, word):
    assert word in loaded(text)


def test_a_persons_manner_reported_from_someone_else_is_theirs():
    assert loaded("Critics said the bombastic candidate would lose the state.\n") == []
    assert loaded("\"She answered confidently,\" her coach said after the hearing.\n") == []


@pytest.mark.parametrize("text, phrase", [
    ("The new phone is, unfortunately, heavier than the old one.\n", "unfortunately"),
    ("The design of the new model is a bit bland for the price.\n", "bland"),
    ("The company was really screwing up its laptops back then.\n", "screwing up"),
    ("The new laptop is a hell of a machine for the price.\n", "hell of"),
])
def test_comment_adverbs_verdicts_on_things_and_shifts_of_register_are_proposed(text, phrase):
    assert phrase in loaded(text)


def test_verdicts_and_slang_inside_quotation_marks_or_reported_speech_are_not():
    assert loaded("\"The design is bland,\" the reviewer said on Monday.\n") == []
    assert loaded("The reviewer said the design was bland and the price too high.\n") == []


def test_every_class_has_a_reason_a_neutral_alternative_and_no_empty_member():
    for k in loaded_cues.cues().classes:
        assert k.why and k.neutral and k.name
        assert not k.regex.search("") and not k.regex.search("the council met on Monday")


def test_a_rare_plural_noun_verb_or_possessive_is_no_modifier_a_rare_adjective_is():
    assert loaded("The audit found there were discrepancies in the count of the votes.\n") == []
    assert loaded("Hanson and his collaborators' findings were published in the journal.\n") == []
    assert "sordid" in loaded("The prince was linked to the sordid affair in the report.\n")


@pytest.mark.parametrize("text, phrase", [
    ("Big banks bilked customers with hidden fees for a decade.\n", "bilked"),
    ("The mayor flip-flopped on the stadium deal twice this year.\n", "flip-flopped"),
    ("The governor is a blowhard who rarely reads the bills he signs.\n", "blowhard"),
    ("The announcement sparked fury among parents at the school.\n", "fury"),
    ("The campaign's latest gaffe came on a radio show on Friday.\n", "gaffe"),
])
def test_verdicts_on_conduct_insults_and_the_tabloid_register_are_proposed(text, phrase):
    assert phrase in loaded(text)


def test_a_charge_reported_from_a_prosecutor_and_a_genre_or_legal_term_are_not():
    assert loaded("Prosecutors said the firm bilked investors of $2 million.\n") == []
    assert loaded("The studio released a horror film and warned of a chilling effect on speech.\n") == []


def test_an_adjective_of_zeal_counts_before_a_noun_of_a_role_in_a_dispute_only():
    assert "fierce" in loaded("The senator is a fierce critic of the new tariffs.\n")
    assert "staunch" in loaded("A staunch ally of the governor chaired the committee.\n")
    assert loaded("Fierce winds and bitter cold closed the schools on Monday.\n") == []


def test_a_label_of_dispute_counts_before_a_noun_and_not_as_a_statement_about_something():
    assert "controversial" in loaded("The institute published a controversial new paper on Tuesday.\n")
    assert loaded("Although many new laws are controversial, they passed the legislature.\n") == []


def test_the_writers_reading_of_a_persons_feelings_is_proposed_a_feeling_of_a_group_is_not():
    assert "Undeterred" in loaded("Undeterred, the senator asked the question again.\n")
    assert "with relish" in loaded("The judge read out the verdict with relish on Monday.\n")
    assert loaded("Frustrated residents packed the council meeting on Tuesday night.\n") == []


def test_hype_counts_in_the_outlets_voice_and_a_name_or_a_quoted_promise_does_not():
    assert "miracle" in loaded("The new pill is being sold as a miracle for joint pain.\n")
    assert "game changer" in loaded("The battery is a game changer for cheap electric cars.\n")
    assert loaded("The Revolutionary Guard held drills near the strait on Monday.\n") == []
    assert loaded("\"It is a game changer,\" the company's founder said.\n") == []


def test_gossip_slang_and_epithets_are_a_shift_of_register():
    assert "canoodling" in loaded("The pair were spotted canoodling at a beach bar in Miami.\n")
    assert "grifter" in loaded("The man behind the charity is a grifter with a long record.\n")
    assert loaded("The pair were spotted at a beach bar in Miami on Saturday.\n") == []


def test_a_qualifier_of_shock_counts_before_a_noun_and_not_for_a_thing_it_describes():
    assert "explosive" in loaded("The report makes explosive allegations against the mayor.\n")
    assert loaded("Police found an explosive device near the station on Monday.\n") == []


def test_terms_of_law_and_the_academy_are_not_vivid_words():
    assert loaded("The family filed a wrongful death lawsuit against the city.\n") == []
    assert loaded("Hansen, an adjunct professor of earth sciences, led a concerted effort.\n") == []


def test_a_wry_i_know_is_set_off_and_a_plain_clause_with_i_know_is_not():
    assert "I know" in loaded("The bank's name ends with an exclamation point. Cutting edge, I know.\n")
    assert loaded("I'm impartial on the arrow keys, but I know some people care about them.\n") == []


def test_the_words_after_said_and_a_comma_are_the_outlets_again():
    assert "with relish" in loaded("\"Yes, primarily,\" the lawyer said, adding with relish.\n")
    assert loaded("The lawyer said the judge read the verdict with relish.\n") == []


def test_a_route_and_a_real_knife_are_no_metaphors_and_a_noun_after_my_is_no_modifier():
    assert loaded("The rail company added seats on some routes before the holiday.\n") == []
    assert loaded("He was arrested for having a knife near the school in 2019.\n") == []
    assert loaded("Given my penchant for a working keyboard, I will wait for the review.\n") == []


@pytest.mark.parametrize("text", [
    "The heavyweight champion will defend his title in Las Vegas in May.\n",
    "The gunman fired off several rounds before police arrived at the scene.\n",
    "The star has a stellar mass about twice that of the Sun, astronomers found.\n",
    "Patients with inflammatory bowel disease were enrolled in the trial.\n",
    "Bake the cheesy pasta for 20 minutes, then let it cool on the rack.\n",
    "The roof caved in after the storm, and owls prey on the mice in the barn.\n",
])
def test_a_word_whose_literal_sense_is_common_in_news_is_not_taken_for_its_figure(text):
    assert loaded(text) == []


def test_people_handled_as_animals_and_a_verdict_of_strangeness_are_proposed_plain_words_are_not():
    assert "herded" in loaded("The migrants were herded into tents at the border crossing.\n")
    assert "Weird" in loaded("The Weird Plumes of Jupiter's Moon Are Back\n\nThe probe saw them on Monday.\n")
    assert loaded("The farmer moved the cattle to the odd-numbered pens on Monday.\n") == []


def test_a_noun_of_deceit_in_the_outlets_voice_is_a_verdict_on_conduct():
    assert "chicanery" in loaded("The deal was built on chicanery from the start.\n")
    assert loaded("Prosecutors said the deal was built on chicanery from the start.\n") == []


def test_a_word_of_extreme_degree_in_the_outlets_voice_is_hyperbole():
    assert "incredible" in loaded("After an incredible opening ceremony, the two teams began the match.\n")
    assert "immaculately" in loaded("Faker kept casting spells and positioning immaculately within the shroud.\n")


def test_hyperbole_before_a_genre_or_in_a_speakers_words_is_not_the_outlets():
    assert "epic" not in loaded("The museum holds an epic poem written on papyrus in the third century.\n")
    assert "incredible" not in loaded("Her coach said the opening ceremony was incredible for the players.\n")


def test_deceit_named_in_the_outlets_voice_is_a_verdict_but_a_charge_is_the_accusers():
    assert "deceives" in loaded("And yet the company deceives the press and threatens to spy on reporters.\n")
    assert "deceive" not in loaded("The party was accused Wednesday of trying to deceive voters with the account.\n")


def test_a_campaign_or_an_objection_told_as_a_war_is_a_metaphor():
    assert "war on" in " ".join(loaded("The company's war on regulation will also carry a social price.\n"))
    assert "up in arms" in " ".join(loaded("Bosses, journalists, even the Press Council, are up in arms over it.\n"))
