"""attributions.py: who said what. The frame of an attribution, not a list of pages' sentences, decides."""

from __future__ import annotations

from closeread.suggest import suggest
from closeread.suggest.reading import Article


def atts(text: str) -> list[tuple[str, str | None]]:
    """(verb, source span) of each attribution the reader finds."""
    art = Article(text)
    return [(text[a.start:a.end], text[a.source_span[0]:a.source_span[1]] if a.source_span else None)
            for a in art.attributions]


def kind(text: str, name: str) -> list[str]:
    return [s["quote"] for s in suggest(text) if s["kind"] == name]


def test_any_inflection_of_a_listed_lemma_is_read():
    text = "Most independent historians, however, contend that the treaty was never ratified."
    assert atts(text) == [("contend", "Most independent historians")]
    text = "The regional planning office projects that the bridge will carry 40,000 cars a day."
    assert atts(text) == [("projects", "The regional planning office")]


def test_an_uninflected_form_after_a_possessive_or_a_modifier_is_a_noun():
    assert atts("Ms Reyes is under pressure to keep her often-repeated vow that the mill would stay open.") == []
    assert atts("We read Ms Reyes's comment to mean the mill would close.") == []


def test_an_uninflected_form_after_a_noun_of_people_with_a_modal_is_a_verb():
    assert atts("Many commuters will tell you the trains have become slower.") == \
        [("tell", "Many commuters")]
    assert atts("Supporters of the levy argue that it pays for the new school.") == \
        [("argue", "Supporters of the levy")]


def test_an_infinitive_of_saying_is_no_attribution():
    assert atts("Which is not to say that the vote was close.") == []


def test_the_subject_is_found_behind_auxiliaries():
    assert atts("Several surveys have shown that tenants move less often.") == [("shown", "Several surveys")]
    # "shown" needs a study or a survey as its subject: a picture shown on screen is no report
    assert atts("A painting was shown to the visitors in the hall.") == []


def test_the_subject_head_licenses_a_verb_of_finding_after_a_long_subject():
    text = ("A 2021 survey by the National Housing Council, a research group in Ohio, concluded that rents "
            "had doubled.")
    assert [v for v, _ in atts(text)] == ["concluded"]
    assert atts("The committee concluded its meeting at noon.") == []


def test_the_writer_is_not_a_source():
    assert atts("We should also note that the rate is set every month.") == []
    assert kind("We should also note that the rate is set every month.", "claim") == ["the rate is set every month"]


def test_a_participle_after_a_comma_speaks_for_the_clause_subject():
    text = "Local teachers have criticised the longer school day, warning that pupils would be tired."
    assert ("warning", "Local teachers") in atts(text)
    # with no words after it, a participle is an act: "..., describing the moon"
    assert atts("The probe will circle the planet, describing the moon and its rings.") == []


def test_a_passive_agent_is_the_speaker_of_a_participle():
    text = "The letter was rejected by Ms Okafor, suggesting that it had been forged."
    assert ("suggesting", "Ms Okafor") in atts(text)


def test_an_idiom_of_a_reported_argument():
    text = "As rents rise, the reasoning goes, owners will build more flats."
    assert [v for v, _ in atts(text)] == ["goes"]
    assert atts("The bus goes to the station every hour.") == []


def test_a_verb_outside_the_list_is_read_by_its_frame():
    # "gambles" is in no list: a finite verb, a named or described subject and a that-clause with a subject
    text = "The city's transport authority gambles that the new line will pay for itself."
    assert atts(text) == [("gambles", "The city's transport authority")]
    assert kind(text, "claim") == ["the new line will pay for itself"]


def test_a_noun_before_a_relative_that_is_no_frame():
    assert atts("Japanese cars that the dealers import are taxed at the border.") == []
    assert atts("The rule requires that the council publishes its accounts.") == []
    # nobody named or described speaks: a frame verb alone proposes nothing
    assert atts("It figures that the train is late again.") == []


def test_a_verb_with_listed_subjects_takes_any_named_subject_before_a_that_clause():
    assert atts("The harbour police found that the gate had been left open.") == [("found", "The harbour police")]
    assert atts("The harbour police found a boat near the gate.") == []


def test_an_instruction_to_the_reader_has_no_source():
    text = "Residents took to social media to protest. See tweets :\nRead reports that the mayor resigned."
    assert atts(text) == []
    assert "See" not in kind(text, "source")


def test_a_clause_without_that_licenses_a_verb_of_thinking_or_finding():
    assert atts("Residents fear the sea wall will fail.") == [("fear", "Residents")]
    assert atts("In her report, Ann Price concluded the wall was unsafe.") == [("concluded", "Ann Price")]
    # no clause after it: "found" is an act
    assert atts("Divers found a wreck near the harbour.") == []


def test_a_subject_with_a_modifier_after_its_head_is_someone():
    assert atts("Officials familiar with the plan say the wall will be delayed.") == \
        [("say", "Officials familiar with the plan")]
    assert atts("The price of the tickets says a lot about the operator.") == []


def test_according_to_a_document_by_a_body_is_one_source():
    text = "The wall will cost $4 million, according to a report by the Harbour Trust."
    assert kind(text, "source") == ["Harbour Trust"]


def test_a_gerund_after_a_preposition_is_an_act_not_an_attribution():
    text = "The mayor said the town would oppose the plan, including calling for a public inquiry."
    assert [v for v, _ in atts(text)] == ["said"]


def test_a_capitalised_name_ending_in_ly_is_no_adverb():
    assert atts('"Fares will rise," Kelly said.') == [("said", "Kelly")]
    # a lower-case adverb before the verb is still trimmed off the speaker
    assert atts('"Fares will rise," the operator quickly said.') == [("said", "the operator")]


def test_a_coordinated_clause_with_a_plural_noun_of_people_has_its_own_speaker():
    text = "Rents rose by 9% last year, and economists believe they will rise again."
    assert atts(text) == [("believe", "economists")]


def test_a_passive_reporting_verb_credits_its_agent_not_its_subject():
    text = "The mayor, a former teacher, is accused by critics of ignoring the harbour."
    assert atts(text) == [("is accused", "critics")]
    assert atts("The mayor was accused on Monday of ignoring the harbour.") == [("was accused", None)]


def test_asking_for_something_is_an_appeal():
    text = "After the vote, a lawyer for the residents asked for the decision to be reviewed."
    assert atts(text) == [("asked for", "a lawyer for the residents")]


def test_an_ing_form_made_from_a_lemma_needs_words_after_it():
    # "responding" is made from the lemma "respond": an act here, not a reply
    assert atts("Firefighters responding to the fire found a body.") == []
    assert [v for v, _ in atts("The council, responding that the river would not rise, closed the meeting.")] \
        == ["responding"]
    # a form the list gives itself keeps its old rule: "warning of" is a report
    assert [v for v, _ in atts('The minister spoke, with the mayor warning of "grave danger".')] == ["warning"]


def test_a_verb_beside_a_quotation_and_its_speaker_is_a_verb_of_saying_whatever_the_verb():
    text = ("\u201cBut there is some risk,\u201d Alito interjected. \u201cDo you dispute that?\u201d\n\n"
            "Alito cut her off: \u201cNo, I am not making that point.\u201d\n\n"
            "Prelogar: \u201cI cannot think of anything else like this.\u201d\n")
    assert atts(text) == [("interjected", "Alito"), ("cut her off", "Alito"), (":", "Prelogar")]
    assert kind(text, "attribution-verb") == ["interjected", "cut her off"]  # a colon is no verb to propose
    assert kind(text, "source") == ["Alito", "Alito", "Prelogar"]


def test_a_possessive_or_a_label_before_a_colon_is_no_speaker():
    text = ("\u201cThe Crown,\u201d Netflix\u2019s series, is old. Colorado: Marijuana becomes legal.\n\n"
            "The verdict: \u201cguilty as charged, on every count.\u201d\n")
    assert atts(text) == []


def test_a_time_or_a_sentence_adverb_between_subject_and_verb_is_read_past():
    text = ("Wall overall praised the solicitor general's record. Former Defense Secretary Robert Gates on Sunday "
            "defended the pick.")
    assert atts(text) == [("praised", "Wall"), ("defended", "Former Defense Secretary Robert Gates")]


def test_a_time_before_a_verb_of_an_act_makes_no_attribution():
    assert atts("The storm on Sunday praised nothing. The shares on Monday defended their gains.") == []


def test_a_speaker_before_a_colon_and_a_quotation_that_runs_on_past_its_paragraph():
    text = "Alito cut her off: \u201cNo, I am not making that point. There is a risk, right?"
    assert atts(text) == [("cut her off", "Alito")]


def test_a_verb_of_finding_after_a_study_like_subject_takes_a_clause_without_that():
    text = "The flat was devalued after a Forbes article found he had exaggerated its size. He stands accused of fraud."
    assert atts(text) == [("found", "a Forbes article"), ("stands accused", None)]


def test_a_verb_of_finding_after_a_thing_or_without_a_clause_is_no_report():
    assert atts("Police found a body near the road. The article found its readers.") == []


def test_an_emphatic_do_and_a_second_verb_of_the_same_subject_are_read():
    text = ("Trump did acknowledge in an exchange that there were mistakes. Trump acknowledged the conditions, "
            "but argued his net worth is much higher.")
    assert atts(text) == [("acknowledge", "Trump"), ("acknowledged", "Trump"), ("argued", None)]
    assert [a.source for a in Article(text).attributions] == ["Trump", "Trump", "Trump"]


def test_a_second_verb_after_a_clause_that_reports_nothing_has_no_borrowed_speaker():
    assert atts("The shares fell, and argued nothing. Prices rose, and warned nobody.") == []


def test_a_title_case_headline_ending_with_an_inverted_verb_and_its_speaker():
    text = ("We Need Geoengineering to Stop Warming, Warns Climate Scientist James Hansen\n\n"
            "James Hansen first warned Congress of the threat in 1988.\n")
    assert kind(text, "attribution-verb")[:1] == ["Warns"]
    assert kind(text, "source")[:1] == ["Climate Scientist James Hansen"]


def test_a_capitalised_plural_noun_or_a_speaker_the_body_never_names_is_no_headline_verb():
    text = ("Markets Rally, States Report Record Profits In Texas\n\nOil firms in Texas gained.\n\n"
            "Storms Ahead, Warns Weather Service Chief Dan Ortiz\n\nRain fell on Monday.\n")
    assert kind(text, "source") == []


def test_a_plural_noun_form_after_a_possessive_is_a_noun():
    assert atts("Gates\u2019 comments come after the vote. He followed his lead on Trump\u2019s answers.") == []
    assert atts("Smith\u2019s office reports that it grew.") == [("reports", "Smith\u2019s office")]


def test_a_gerund_after_a_preposition_reports_words_when_a_clause_follows_and_a_denial_of_an_act_is_one():
    text = ("Forbes Magazine outed Trump in 2017 for claiming the apartment was larger. The firm denied having "
            "any role.")
    assert atts(text) == [("claiming", "Forbes Magazine"), ("denied", "The firm")]


def test_a_gerund_after_a_preposition_with_no_clause_and_a_refusal_of_a_thing_are_no_report():
    assert atts("They backed the plan, including calling for a vote. The agency is denying flu vaccines to "
                "migrants.") == []


def test_an_adjective_of_stance_after_be_reports_what_someone_thinks():
    assert atts("The Press Council is concerned the laws would crush journalism.") == \
        [("is concerned", "The Press Council")]
    assert atts("Security officials are particularly concerned by the collapse of Libya.") == \
        [("are particularly concerned", "Security officials")]
    assert atts("The union is adamant that metadata must be exempt.") == [("is adamant", "The union")]


def test_an_adjective_of_stance_about_a_thing_or_before_to_reports_no_one():
    assert atts("The bridge is certain that the river will rise.") == []
    assert atts("The union is certain to win the vote.") == []
    assert atts("The union is confident in its members.") == []


def test_a_verb_that_commits_the_speaker_takes_to_and_a_verb_as_its_words():
    assert kind("Netanyahu pledged to form a new coalition quickly. (AP Photo/Ariel Schalit)", "attribution-verb") \
        == ["pledged"]
    assert kind("Critics warned to form a new coalition quickly. (AP Photo/Ariel Schalit)", "attribution-verb") == []


def test_an_indirect_question_after_a_verb_of_saying_is_its_words():
    assert atts("The mother of the woman has described how her daughter was burning up.") == \
        [("described", "The mother of the woman")]
    assert [v for v, _ in atts("Scientists observed how Europa moved.")] == ["observed"]
    assert atts("Scientists observed Europa for 17 nights.") == []


def test_an_adverb_or_now_between_the_subject_and_its_verb_is_read_past():
    assert atts("Netanyahu strongly warned against making a bad deal.") == [("warned", "Netanyahu")]
    assert atts("The company now promises it will do a better job.") == [("promises", "The company")]
    assert atts("The family warned against making a bad deal.") == [("warned", "The family")]


def test_a_participle_of_judging_after_a_noun_credits_its_agent():
    text = "It was an appearance arranged by Republican leaders and criticized by the Obama administration."
    assert kind(text, "attribution-verb") == ["criticized"]
    assert kind("It was a plan announced on Monday by the Obama administration.", "attribution-verb") == []


def test_no_one_few_or_a_condition_as_the_subject_reports_no_words():
    assert atts("Few would argue against the use of such material.") == []
    assert atts("Although no group claimed responsibility, the bloodshed raised fears.") == []
    assert atts("We will update this post if company officials respond.") == []
    assert atts("Company officials respond that the post is wrong.") == [("respond", "Company officials")]


def test_a_noun_form_after_a_quantifier_or_opening_a_sentence_is_a_noun():
    assert "reports" not in [v for v, _ in atts("Many reports suggest that drivers are unhappy.")]
    assert atts("Claims that immediate action is imperative do not stand up.") == []
    assert atts("Uber reports that drivers are unhappy.") == [("reports", "Uber")]


def test_an_ing_form_after_a_determiner_and_an_adjective_is_a_noun_unless_words_follow():
    assert atts("The first comments came with a tough warning about the rhetoric.") == []
    assert [v for v, _ in atts("The commission issued a statement warning that voters are entitled to it.")] == \
        ["warning"]


def test_it_stands_for_a_study_named_just_before():
    assert [v for v, _ in atts("The study was presented in Houston. It found that peanut snacks cut the risk.")] \
        == ["found"]
    assert atts("Police searched the house. It found that the door was open.") == []


def test_a_gerund_after_a_preposition_and_an_adverb_is_an_act():
    assert [v for v, _ in atts("He wrote the post after privately reporting the bug to Mojang.")] == ["wrote"]


def test_an_uninflected_verb_in_the_frame_of_speech_after_a_plural_of_people():
    assert atts("Tunisians worry that extremists can easily get arms.") == [("worry", "Tunisians")]
    assert atts("It was the idea that the team would win.") == []
    assert atts("The goods that companies can import are cheap.") == []


def test_learned_reports_what_was_found_out_only_when_words_follow():
    assert atts("The dress was stolen from her hotel room, TMZ has learned.") == [("learned", "TMZ")]
    assert atts("She learned to swim in the lake.") == []


def test_a_plain_verb_of_saying_before_a_clause_without_that_is_an_attribution():
    assert [v for v, _ in atts("Her coach said the opening ceremony was incredible for the players.")] == ["said"]
    assert atts("Her coach said nothing at all to the players.") == []


def test_evidence_that_suggests_is_no_speaker_but_a_person_or_a_report_is():
    assert atts("The election results also suggest that most voters support his stance.") == []
    assert atts("The evidence suggests that customers can be made to pay more.") == []
    assert [v for v, _ in atts("The report suggests that most voters support his stance.")] == ["suggests"]
    assert [v for v, _ in atts("Dr. Ronny Jackson, then the president's physician, suggested that he change his diet.")] \
        == ["suggested"]


def test_a_verb_of_saying_after_a_modal_perfect_or_a_negation_reports_no_words():
    assert atts("Uber might have suggested that it would use its drivers for a rescue.") == []
    assert atts("The Government does not deny that the legislation is flawed.") == []
    assert [v for v, _ in atts("The Government denies that the legislation is flawed.")] == ["denies"]


def test_a_contracted_be_before_a_participle_of_saying_is_a_passive_with_no_speaker_named():
    assert atts("We know they were in the office and we're told they have looked at the footage.") == \
        [("told", None)]


def test_a_headline_giving_a_speakers_words_on_a_topic_names_the_speaker_who_speaks_in_the_body():
    text = ("Gates on Tillerson and Russia: \u2018Being friendly doesn\u2019t make you friends\u2019\n\n"
            "Former Defense Secretary Robert Gates said on Sunday that Tillerson was a fine choice.\n")
    assert ("source", "Gates") in [(s["kind"], s["quote"]) for s in suggest(text)]
    text = "Focus on Climate Policy: What Comes Next for the Summit\n\nThe summit opened on Monday in Paris.\n"
    assert [s["quote"] for s in suggest(text) if s["kind"] == "source"] == []


def test_the_words_after_the_colon_of_such_a_headline_are_its_claim():
    text = ("Obama on hacking: I warned Putin to 'cut it out' before the vote\n\n"
            "President Obama spoke to reporters in Lima on Friday about the election.\n")
    assert "I warned Putin to 'cut it out' before the vote" in kind(text, "claim")
