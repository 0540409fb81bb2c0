"""Generated items that hold up (issue 20): the reported/asserted item only where the claim's own
sentence decides it, neutral rewrites that leave a source's words alone and say what made the phrase
loaded, no template line, every stem with its line number, options of one form."""

from __future__ import annotations

from closeread.model import Annotation, Article, Source, Span, frozen_map
from closeread.questions.generate import generate, question_for, stance_decided
from tests.questions.test_generate import _article

SOURCES = [Source("silva", "Ana Silva"), Source("berg", "Tom Berg"), Source("wh", "The White House")]
BY_ID = {s.id: s for s in SOURCES}


def _ann(article: Article, ann_id: str, kind: str, quote: str, note: str = "", **fields) -> Annotation:
    start = article.text.index(quote)
    line = next(ln.number for ln in reversed(article.lines) if ln.start <= start)
    return Annotation(id=ann_id, kind=kind, note=note or f"Note on {quote}.", quote=quote, span=Span(start, start + len(quote), line, line), fields=frozen_map(fields))


ARTICLE = _article([
    ("Sham inquiry collapses: White House", "headline"),
    ("The harbour will close in May, Ana Silva said on Monday.", "body"),  # reported, decided
    ("The harbour will close in May.", "body"),  # asserted, decided
    ("The closure was said to be certain.", "body"),  # "reported", but no one named: undecided
    ("He told reporters the town will recover.", "body"),  # a pronoun, not a name: undecided
    ("Berg called it “a reckless, shameful plan” and left.", "body"),  # loaded words inside a quotation
    ("The reckless plan, a shameful waste, will likely fail.", "body"),
])


def test_a_reported_claim_is_decided_only_with_its_source_named_beside_a_verb_of_saying():
    decided = _ann(ARTICLE, "c1", "claim", "The harbour will close in May", stance="reported", source="silva")
    vague = _ann(ARTICLE, "c3", "claim", "The closure was said to be certain", stance="reported", source="silva")
    pronoun = _ann(ARTICLE, "c4", "claim", "the town will recover", stance="reported", source="berg")
    assert stance_decided(decided, ARTICLE, BY_ID)
    assert not stance_decided(vague, ARTICLE, BY_ID)
    assert not stance_decided(pronoun, ARTICLE, BY_ID)


def test_an_asserted_claim_is_decided_only_without_a_name_or_a_verb_of_saying():
    line3 = ARTICLE.text.index("The harbour will close in May.")
    plain = Annotation(id="c2", kind="claim", note="n", quote="The harbour will close in May", span=Span(line3, line3 + 29, 3, 3), fields=frozen_map({"stance": "asserted"}))
    attributed = _ann(ARTICLE, "c5", "claim", "The harbour will close in May", stance="asserted")  # line 2: Silva said it
    assert stance_decided(plain, ARTICLE, BY_ID)
    assert not stance_decided(attributed, ARTICLE, BY_ID)


def test_undecided_claims_get_no_stance_question_and_the_item_has_two_options():
    decided = _ann(ARTICLE, "c1", "claim", "The harbour will close in May", stance="reported", source="silva")
    vague = _ann(ARTICLE, "c3", "claim", "The closure was said to be certain", stance="reported", source="silva")
    unclear = _ann(ARTICLE, "c6", "claim", "will likely fail", stance="unclear")
    made = generate([decided, vague, unclear], SOURCES, article=ARTICLE)
    assert [q.annotation for q in made] == ["c1"]
    q = made[0]
    assert [o.key for o in q.options] == ["reported", "asserted"]
    assert [o.key for o in q.options if o.correct] == ["reported"]
    assert q.prompt.startswith("Line 2: ")
    assert "Ana Silva" in q.explanation


def test_a_neutral_rewrite_never_changes_a_speakers_words_and_says_what_made_them_loaded():
    quoted = _ann(ARTICLE, "ll-q", "loaded-language", "reckless", note="Reckless blames without showing why. More.", neutral="risky")
    q = question_for(quoted, SOURCES, article=ARTICLE)
    assert q.model_answer.startswith("Reckless blames without showing why.")
    assert "More." not in q.model_answer
    assert "Tom Berg's (inside the quotation marks)" in q.model_answer
    assert "risky" not in q.model_answer, "the speaker's word was rewritten"


def test_a_headline_credited_to_a_source_keeps_its_words():
    sham = _ann(ARTICLE, "ll-h", "loaded-language", "Sham", note="Sham means fake.", neutral="Disputed")
    q = question_for(sham, SOURCES, article=ARTICLE)
    assert "the White House's (the headline credits them to the White House)" in q.model_answer
    assert "Disputed" not in q.model_answer


def test_a_neutral_rewrite_replaces_every_loaded_phrase_of_its_sentence():
    start = ARTICLE.text.index("The reckless plan")
    line = 7
    reckless = Annotation(id="ll-1", kind="loaded-language", note="Reckless judges.", quote="reckless", span=Span(start + 4, start + 12, line, line), fields=frozen_map({"neutral": "new"}))
    waste = _ann(ARTICLE, "ll-2", "loaded-language", "a shameful waste", neutral="a costly project")
    q = question_for(reckless, SOURCES, article=ARTICLE, others=[reckless, waste])
    assert "“The new plan, a costly project, will likely fail.”" in q.model_answer


def test_no_template_line_and_no_trailing_comma_in_a_stem():
    om = _ann(ARTICLE, "om", "omission", "Ana Silva said", missing="Who she is.")
    q = question_for(om, SOURCES, article=ARTICLE)
    assert not q.prompt.startswith("About"), q.prompt
    assert q.prompt.startswith("Line 2 says 'Ana Silva said'. What does the article leave out")
    comma = _ann(ARTICLE, "om2", "omission", "Berg called it “a reckless, shameful plan” and left.", missing="x")
    article = _article([("PTI, Washington", "body")])
    pti = _ann(article, "om3", "omission", "PTI,", missing="What PTI is.")
    assert "'PTI'" in question_for(pti, SOURCES, article=article).prompt
    assert comma  # (built without error)


def test_a_speakers_words_cut_mid_phrase_show_the_cut():
    article = _article([("Border agents \"say you've got to pay attention,\" he said.", "body")])
    sources = [Source("mck", "David McKinley"), Source("b", "Bruce Bagley")]
    quote = _ann(article, "qt", "quote", "say you've got to pay attention", speaker="mck")
    q = question_for(quote, sources, article=article)
    assert "'… say you've got to pay attention'" in q.prompt
    assert q.prompt.startswith("Line 1: ")


def test_statement_options_keep_one_form():
    """A one-word guess is not put among whole sentences: the question asks why it is speculation."""
    article = _article([
        ("The plan will likely fail, experts fear.", "body"),
        ("Ana Silva said the harbour would close after the storm damaged the pier last winter.", "body"),
        ("Tom Berg said the town council had voted to rebuild the pier by next spring.", "body"),
    ])
    guess = _ann(article, "sp", "speculation", "likely")
    c1 = _ann(article, "c1", "claim", "the harbour would close after the storm damaged the pier last winter", stance="reported", source="silva")
    c2 = _ann(article, "c2", "claim", "the town council had voted to rebuild the pier by next spring", stance="reported", source="berg")
    q = question_for(guess, SOURCES, article=article, others=[guess, c1, c2])
    assert q.type == "short" and "likely" in q.prompt
    whole = _ann(article, "sp2", "speculation", "The plan will likely fail, experts fear")
    q2 = question_for(whole, SOURCES, article=article, others=[whole, c1, c2])
    assert q2.type == "single" and len(q2.options) == 3
