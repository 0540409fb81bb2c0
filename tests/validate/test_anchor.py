from closeread.validate.anchor import ArticleIndex, anchor, fold

TEXT = "The Kiev regime said \u201cno\u201d.\nKievan  Rus\u2019 was \u2014 old.\nThe Kiev regime again."


def test_forgives_white_space_quotes_and_dashes():
    index = ArticleIndex(TEXT)
    found = anchor(index, "Kievan Rus' was - old")
    assert found.match is not None
    assert TEXT[found.match.start : found.match.end] == "Kievan  Rus\u2019 was \u2014 old"


def test_never_matches_inside_a_word():
    index = ArticleIndex(TEXT)
    assert [TEXT[m.start : m.end] for m in index.find_all("Kiev")] == ["Kiev", "Kiev"]


def test_letter_case_is_not_forgiven_but_suggested():
    found = anchor(ArticleIndex(TEXT), "kievan rus")
    assert found.match is None
    assert found.error == "quote 'kievan rus' not found in the article; did you mean 'Kievan Rus' at article line 2?"


def test_ambiguity_lists_lines_and_occurrence_picks_one():
    index = ArticleIndex(TEXT)
    assert anchor(index, "Kiev regime").error == (
        "quote 'Kiev regime' matches 2 places (article lines 1, 3); "
        "expected 'occurrence: 1' to '2', or a prefix or suffix to pick one"
    )
    second = anchor(index, "Kiev regime", occurrence=2).match
    assert index.line_of(second.start) == 3
    assert anchor(index, "Kiev regime", suffix="again").match == second
    assert anchor(index, "Kiev regime", prefix="Kievan").error.startswith("quote 'Kiev regime' is found, but never with that prefix")


def test_empty_quote_is_an_error():
    assert anchor(ArticleIndex(TEXT), "  ").error == "quote is empty; expected words copied from the article"


def test_fold_is_idempotent():
    assert fold(fold(" a\u2019 \u2014  b ")) == fold(" a\u2019 \u2014  b ") == "a' - b"
