"""turns.py: speech set down by speaker labels (transcripts, Q&A): the other speakers' paragraphs are their
quotes with the label as source, and nothing inside them is proposed as the outlet's; the outlet's own turns
stay its voice, without the label."""

from __future__ import annotations

from closeread.suggest import suggest
from closeread.suggest.reading import Article

TRANSCRIPT = """Funding cut for rowing

Updated May 2, 2024

JANE ROSS: The national rowing body has lost a third of its grant this year. Former champions are not pleased.

Tom Pell reports.

TOM PELL: The cut was announced on Monday by the sports commission, which gave no reason for it.

ANNA KEEL: I think the decision is probably a punishment for the poor results in Paris.

It could cost the sport a generation of rowers, and I suspect the commission knows that.

TOM PELL: Do you expect the money to come back?

ANNA KEEL: Perhaps it will, but the damage will likely be done by then.

JANE ROSS: Anna Keel speaking to Tom Pell.
"""

QA = """Q&A with a glassblower

We talked with Mara Lind about her studio and her first customers. Below are excerpts.

Mashable: Your studio opened in 2009 and now employs 12 people. How did it start?

Lind: I lost a sale because I could not take a card. That was the start, and my brother said, 'fix it.'

The studio may well be the best in the city now, frankly.

What do you say to people who call glass a dying craft?

Lind: They are wrong. We sold 4,000 pieces last year and we might double that.
"""


def _by_kind(text: str) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for s in suggest(text):
        out.setdefault(s["kind"], []).append(s["quote"])
    return out


def test_a_transcript_gives_each_guest_paragraph_as_a_quote_and_each_label_as_a_source():
    got = _by_kind(TRANSCRIPT)
    assert got["quote"] == [
        "I think the decision is probably a punishment for the poor results in Paris.",
        "It could cost the sport a generation of rowers, and I suspect the commission knows that.",
        "Perhaps it will, but the damage will likely be done by then.",
    ]
    assert [q for q in got["source"] if q.isupper()] == ["ANNA KEEL", "ANNA KEEL"]
    # the presenter (first to speak) and the reporter ("Tom Pell reports.") are the outlet: no source
    assert not any(q.lower() in ("jane ross", "tom pell") for q in got["source"])


def test_nothing_inside_a_guest_turn_is_the_outlets_claim_hedge_or_loaded_word():
    art = Article(TRANSCRIPT)
    guest = [span for t in art.turns if not t.outlet for span in t.body]
    own = [s for s in suggest(TRANSCRIPT) if s["kind"] in ("claim", "speculation", "loaded-language")]
    assert own  # the outlet's turns still give some
    for s in own:
        at = TRANSCRIPT.index(s["quote"])
        assert not any(a <= at < b for a, b in guest), s["quote"]
    # "probably", "could", "likely", "Perhaps" stand only in the guest's words
    assert not any(s["kind"] == "speculation" for s in own)


def test_the_outlets_turns_are_claims_without_their_label():
    claims = _by_kind(TRANSCRIPT)["claim"]
    assert "The national rowing body has lost a third of its grant this year" in claims
    assert any(c.startswith("The cut was announced on Monday") for c in claims)
    assert not any("JANE ROSS" in c or "TOM PELL" in c or "ANNA KEEL" in c for c in claims)


def test_a_transcript_turn_reads_who_speaks_for_the_outlet():
    art = Article(TRANSCRIPT)
    assert [(t.speaker, t.outlet, len(t.body)) for t in art.turns] == [
        ("JANE ROSS", True, 2), ("TOM PELL", True, 1), ("ANNA KEEL", False, 2), ("TOM PELL", True, 1),
        ("ANNA KEEL", False, 1), ("JANE ROSS", True, 1)]


def test_a_guest_quote_is_filled_with_its_speaker_in_a_draft():
    from closeread.importer.people import draft_sources
    sources, filled = draft_sources(TRANSCRIPT, suggest(TRANSCRIPT))
    ids = {s["name"]: s["id"] for s in sources}
    # the label in capitals is shown as a name is written: an option "ANNA KEEL" would stand out
    assert "Anna Keel" in ids and "ANNA KEEL" not in ids and not {"Jane Ross", "Tom Pell"} & set(ids)
    quotes = [s for s in filled if s["kind"] == "quote"]
    assert quotes and all(s.get("speaker") == ids["Anna Keel"] for s in quotes)
    # the body's "Anna Keel" and the label "ANNA KEEL" are one person: one entry in the sources list
    text = TRANSCRIPT.replace("Tom Pell reports.", "Anna Keel told the program on Monday that the cut was unfair.")
    sources, _ = draft_sources(text, suggest(text))
    assert [s["name"] for s in sources if s["name"].casefold() == "anna keel"] == ["Anna Keel"]


def test_a_qa_reads_unlabelled_questions_as_the_interviewers():
    art = Article(QA)
    assert [(t.speaker, t.outlet) for t in art.turns] == [("Mashable", True), ("Lind", False), ("Lind", False)]
    got = _by_kind(QA)
    assert got["quote"][:3] == [
        "I lost a sale because I could not take a card. That was the start, and my brother said, 'fix it.'",
        "fix it.", "The studio may well be the best in the city now, frankly."]
    assert "They are wrong. We sold 4,000 pieces last year and we might double that." in got["quote"]
    # (the quotation inside the answer, "fix it.", is the speaker's report of words: a quote of its own)
    assert got["source"] == ["Lind", "Lind"]
    assert "speculation" not in got  # "may well", "might" are the guest's
    assert "4,000 pieces" in got["figure"]  # figures inside quotations are still figures
    # the interviewer's question states a checkable fact in the outlet's voice, without "Mashable:"
    assert any(c.startswith("Your studio opened in 2009") for c in got.get("claim", []))


def _no_turns(text: str) -> None:
    assert Article(text).turns == []


def test_one_label_is_no_conversation():
    _no_turns("Mayor Sam Ode: We will rebuild the bridge by June and I promise it.\n\n"
              "The council met on Monday and approved the plan, which costs $4 million.\n")


def test_update_and_note_lines_are_no_speakers():
    _no_turns("The bridge closed on Monday after engineers found cracks in two of its piers.\n\n"
              "Update: The bridge reopened on Friday to cars but not to trucks, we are told.\n\n"
              "Note: An earlier version of this story gave the wrong date. We regret the error.\n\n"
              "Update: Trucks may use the bridge again from Monday, you can read more below.\n\n"
              "Photo: The bridge on Tuesday, seen from the east bank. Our photographer took it.\n")


def test_a_quotation_holding_a_colon_is_no_label():
    _no_turns('"Look: we did everything we could," Ode said on Monday.\n\n'
              'Ode said: "I think the plan is sound, and you will see it."\n\n'
              '"Look: we will not wait," the mayor said again.\n\n'
              'Ode said: "My staff will deliver it."\n')


def test_a_headline_with_a_colon_and_a_dateline_are_no_speakers():
    _no_turns("Trump: I will win the state by a mile\n\n"
              "WASHINGTON (AP) — Donald Trump said on Tuesday he would win the state.\n\n"
              "Trump: We are going to win so much\n\n"
              "Biden: You know the thing\n\n"
              "Topics: elections, trump, biden\n")


def test_a_list_keyed_by_places_is_no_transcript():
    # "Oregon: ...", "California: ...": items of a list, not speakers, although the labels recur
    _no_turns("New laws take effect in January.\n\n"
              "Oregon: Family leave has been expanded to two weeks of paid leave.\n\n"
              "California: Homeless youth are eligible to receive food stamps.\n\n"
              "Oregon: Employers cannot ask applicants for their social media passwords.\n")


def test_the_outlets_reporter_introduced_as_reporting_is_neither_source_nor_verb():
    got = _by_kind(TRANSCRIPT)
    assert "reports" not in got.get("attribution-verb", [])
    assert not any(q.lower() == "tom pell" for q in got["source"])


def test_q_and_a_labels_the_questioner_as_the_outlet_whoever_speaks_first():
    text = ("A: I was never told the plant would close, and I worked there for 30 years.\n\n"
            "Q: When did you hear about it?\n\n"
            "A: We read it in the paper, like everyone else in town.\n")
    assert [(t.speaker, t.outlet) for t in Article(text).turns] == [("A", False), ("Q", True), ("A", False)]
    assert _by_kind(text)["quote"] == ["I was never told the plant would close, and I worked there for 30 years.",
                                       "We read it in the paper, like everyone else in town."]


def test_a_byline_the_import_set_aside_names_the_outlets_reporter():
    text = ("By Tom Pell\n\n"
            "JANE ROSS: Rowing has lost a third of its grant this year.\n\n"
            "ANNA KEEL: I think it is a punishment, and you can see why.\n\n"
            "TOM PELL: The commission gave no reason for the cut on Monday.\n\n"
            "ANNA KEEL: We will fight it, I promise you that.\n")
    byline = (0, len("By Tom Pell"))
    kinds = {(s["kind"], s["quote"]) for s in suggest(text, skip=[byline])}
    assert ("source", "ANNA KEEL") in kinds and ("source", "TOM PELL") not in kinds
    assert ("claim", "The commission gave no reason for the cut on Monday") in kinds
    assert not any(k == "quote" and q.startswith("The commission") for k, q in kinds)


def test_a_turn_without_its_full_stop_is_a_turn_not_a_headline():
    text = TRANSCRIPT.replace("ANNA KEEL: Perhaps it will, but the damage will likely be done by then.",
                              "ANNA KEEL: Perhaps it will but the damage will likely be done by then")
    got = _by_kind(text)
    assert "Perhaps it will but the damage will likely be done by then" in got["quote"]
    assert "speculation" not in got


def test_words_the_outlet_put_in_brackets_are_noted_in_a_turn_quote():
    text = QA.replace("I lost a sale", "I lost a sale [in 2008]")
    [quote] = [s for s in suggest(text) if s["kind"] == "quote" and s["quote"].startswith("I lost a sale")]
    assert quote["alterations"] == "[in 2008] was inserted by the outlet"
