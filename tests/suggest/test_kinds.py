"""One test group per kind module of closeread/suggest (figures, sources, verbs, quotes, loaded,
speculation, claims) and for what core.py puts together (furniture skipped, caps)."""

from __future__ import annotations

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


def test_every_attribution_gets_its_source_but_no_pronoun_or_date_does():
    text = ("Volker said the call was unusual. Volker later said on Tuesday that it was fine.\n\n"
            "He said nothing else. Shortly after, the court ruled that the case could go on.\n")
    assert of(text, "source") == ["Volker", "Volker", "the court"]


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


# --- quotes.py ------------------------------------------------------------------------------------

def test_short_quoted_words_are_a_quote_next_to_a_speech_word_and_scare_quotes_otherwise():
    text = ("His claim in the interview that the pair were \u201cnot close\u201d did not survive.\n\n"
            "The \u201creforms\u201d have left the hospitals without doctors.\n")
    assert of(text, "quote") == ["not close"]
    assert of(text, "loaded-language") == ["\u201creforms\u201d"]


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


# --- speculation.py -------------------------------------------------------------------------------

def test_could_of_possibility_is_speculation_could_of_ability_or_procedure_is_not():
    text = ("The stock could surge after the deal, analysts said.\n\n"
            "An appeal against the decision could be made to the attorney general.\n\n"
            "She could not see the road. He allegedly called the office, in what is alleged to be a threat.\n")
    assert of(text, "speculation") == ["could", "allegedly"]


def test_hedges_inside_a_quotation_are_not_the_outlets():
    text = "\"It may be the worst year yet,\" the minister said. The figures are probably wrong.\n"
    assert of(text, "speculation") == ["probably"]


# --- figures.py -----------------------------------------------------------------------------------

def test_figures_with_what_they_count_ranges_and_no_model_numbers():
    text = ("The 787-9 seats 242 to 330 passengers. The 777 program has faced delays.\n\n"
            "It came after five sales: two to Biman and three to Ghana. The trip took three days.\n")
    assert of(text, "figure") == ["242 to 330 passengers", "five sales", "three days"]


# --- core.py --------------------------------------------------------------------------------------

def test_nothing_is_suggested_on_spans_marked_as_furniture():
    text = ("Trending: Officials said 500 people were evacuated\n\n"
            "The mayor said 300 people were evacuated on Monday.\n")
    furniture = (0, text.index("\n"))
    kept = suggest(text, skip=[furniture])
    assert kept and all(text.index(s["quote"], furniture[1]) > furniture[1] for s in kept)
    assert [s["quote"] for s in kept if s["kind"] == "figure"] == ["300 people"]


def test_each_kind_is_capped():
    text = "".join(f"Officials said {n} people were hurt in district {n}.\n\n" for n in range(100, 160))
    out = suggest(text, limits={"figure": 5, "claim": 3})
    assert sum(s["kind"] == "figure" for s in out) == 5
    assert sum(s["kind"] == "claim" for s in out) == 3
    assert sum(s["kind"] == "source" for s in out) == 30  # limits.yaml's default for the others


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
