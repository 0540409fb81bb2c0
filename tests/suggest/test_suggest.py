"""Tests for closeread.suggest: each kind on small hand-written texts, order, anchoring, hostile text."""

from __future__ import annotations

from pathlib import Path

import pytest

from closeread.suggest import compile_loaded, loaded_language, suggest
from closeread.suggest.anchor import locate

SEED = Path("/work/shared/seed/sputnik-africa-2023-08-16.txt")
ROOT = Path(__file__).resolve().parents[2]
LESSON_ARTICLE = ROOT / "lessons" / "sputnik-africa-desertions" / "article.txt"


def kinds(text: str, kind: str) -> list[dict]:
    return [s for s in suggest(text) if s["kind"] == kind]


def quotes(text: str, kind: str) -> list[str]:
    return [s["quote"] for s in kinds(text, kind)]


def start_of(text: str, s: dict) -> int:
    pos, idx = 0, -1
    for _ in range(s.get("occurrence", 1)):
        idx = text.find(s["quote"], pos)
        assert idx >= 0, s
        pos = idx + len(s["quote"])
    return idx


# --- each kind on a small text --------------------------------------------------------------------

def test_figure_with_source_in_note():
    text = "Governor John Smith said that approximately 500 soldiers had fled. He added that 132 soldiers died."
    figs = kinds(text, "figure")
    assert [f["figure"] for f in figs] == ["500", "132"]
    assert figs[0]["quote"] == "approximately 500 soldiers"
    assert figs[1]["quote"] == "132 soldiers"
    assert "John Smith" in figs[0]["note"]
    # "He added that 132 soldiers died.": no name the sentence does not hold
    assert "John Smith" not in figs[1]["note"] and "does not name" in figs[1]["note"]


def test_figure_words_percent_money_and_no_dates():
    text = ("On February 24, 2022, the council spent $2.5 billion, and 40% of residents moved. "
            "Two of the three battalions refused, the mayor said in 2014.")
    figs = [f["figure"] for f in kinds(text, "figure")]
    assert "$2.5 billion" in figs and "40%" in figs
    assert any(f.lower().startswith("two of the three") for f in figs)
    assert not any(f in {"24", "2022", "2014"} for f in figs)


def test_figure_without_source_says_so():
    text = "Numerous troops have left the army, with 300 deserters crossing the border last week."
    (fig,) = kinds(text, "figure")
    assert fig["figure"] == "300"
    assert "No source is named" in fig["note"]


def test_attribution_verbs_and_implies():
    text = ('The minister admitted that the plan failed. Jane Doe claimed the vote was rigged. '
            'Officials affirmed the result. "We will win," Tom Brown said.')
    av = {s["quote"]: s for s in kinds(text, "attribution-verb")}
    assert {"admitted", "claimed", "affirmed"} <= set(av) and "said" not in av  # one "said": no pattern
    assert "reluctant" in av["admitted"]["implies"]
    assert "doubt" in av["claimed"]["implies"]
    assert "confirmed" in av["affirmed"]["implies"]


def test_attribution_took_to_channel_and_according_to():
    text = ("Ivan Petrov, the regional head, took to his Telegram channel to report that the bridge fell. "
            "According to the police, nobody was hurt.")
    av = quotes(text, "attribution-verb")
    assert "took to his Telegram channel to report" in av
    assert "According to" not in av  # a neutral verb of saying, used once: no note on a pattern


def test_not_attribution_when_verb_is_not_reporting():
    text = "The company added 500 jobs last year and reported profits rose sharply across every region."
    assert "added" not in quotes(text, "attribution-verb")


def test_quote_with_speaker_and_brackets():
    text = '"There is no [Ukrainian] counteroffensive," Belarusian President Alexander Lukashenko said.'
    (q,) = kinds(text, "quote")
    assert q["quote"] == "There is no [Ukrainian] counteroffensive"
    assert "Alexander Lukashenko" in q["note"]
    assert "[Ukrainian]" in q["alterations"]


def test_curly_quote_speaker_after_colon():
    text = "Mayor Ana Lopez spoke on Monday. She stated: \u201cThe water is safe to drink in every district.\u201d"
    (q,) = kinds(text, "quote")
    assert q["quote"].startswith("The water is safe")
    assert "Ana Lopez" not in q["note"] and "does not name" in q["note"]  # "She stated:" names nobody


def test_sources_named_and_unnamed():
    text = ("Sources say the deal is close. Health Minister Maria Garcia said the clinics will open. "
            "According to reports, the funds were delayed. I just received information that the road is closed.")
    src = quotes(text, "source")
    assert "Sources" in src
    assert "Health Minister Maria Garcia" in src  # with the title that introduces her
    assert "reports" in src
    assert any("information" in s for s in src)


def test_loaded_language_from_the_list():
    text = ("The Kiev regime's much-touted offensive stalled in Zaporozhye and Donbass, "
            "the thugs of the puppet government sent soldiers as cannon fodder in mass desertions.")
    ll = {s["quote"]: s for s in kinds(text, "loaded-language")}
    assert ll["Kiev regime"]["neutral"]
    assert "Kiev" not in ll  # inside the longer "Kiev regime"
    assert ll["Zaporozhye"]["neutral"] == "Zaporizhzhia"
    assert ll["Donbass"]["neutral"] == "Donbas"
    for q in ("thugs", "cannon fodder", "mass desertions"):
        assert q in ll, q
    assert any(q.startswith("much-touted") for q in ll)
    assert any(q.startswith("puppet") for q in ll)


def test_loaded_list_entries_are_valid():
    entries = loaded_language()
    assert len(entries) > 20
    for e in entries:
        assert e.neutral and e.why
    extra = compile_loaded({"term": "fake experts", "neutral": "experts", "why": "Dismissive."})
    assert extra.regex.search("so-called fake experts said")


def test_scare_quotes_are_loaded_language():
    text = "Morale sinks as troops flee the 'offensive' near the river after heavy losses."
    ll = quotes(text, "loaded-language")
    assert "'offensive'" in ll


def test_speculation_markers():
    text = ("The soldiers died, seemingly in alignment with the wishes of Western commanders. "
            "The general is believed to have fled. The ship allegedly carried arms.")
    sp = quotes(text, "speculation")
    assert sp[0].startswith("seemingly")
    assert any(s.startswith("is believed to") for s in sp)
    assert any(s.startswith("allegedly") for s in sp)


def test_claims_at_clause_level_reported_or_asserted():
    text = ("Ukraine's counteroffensive has failed completely despite all the Western weapons it received.\n\n"
            "The mayor said the bridge will reopen next month after the repairs.\n\n"
            "The funds for the repairs were delayed by a year, officials said on Tuesday.\n\n"
            "\"We will not wait any longer for the money,\" the mayor said.\n\n"
            "Photo: AP\n\n"
            "Short line here.")
    claims = [(c["quote"], c["stance"]) for c in kinds(text, "claim")]
    assert claims == [
        ("Ukraine's counteroffensive has failed completely despite all the Western weapons it received", "asserted"),
        ("the bridge will reopen next month after the repairs", "reported"),  # without "The mayor said"
        ("The funds for the repairs were delayed by a year", "reported"),  # without the trailing tag
    ]  # the quotation is the quote's, not a claim; the credit line and the short line are not statements


def test_no_claim_on_a_marked_caption():
    text = "Workers stand beside the closed gates of the harbour on Monday morning.\n\nThe strike began on Monday.\n"
    assert [c["quote"] for c in kinds(text, "claim")] == [
        "Workers stand beside the closed gates of the harbour on Monday morning", "The strike began on Monday"]
    captions = [(0, text.index("\n"))]
    assert [c["quote"] for c in suggest(text, captions=captions) if c["kind"] == "claim"] == ["The strike began on Monday"]


# --- the shape of the output ---------------------------------------------------------------------

def test_empty_text_gives_nothing():
    assert suggest("") == []
    assert suggest("   \n\n  ") == []


def test_shape_ids_and_flags():
    text = SEED.read_text(encoding="utf-8")
    out = suggest(text)
    assert out
    ids = [s["id"] for s in out]
    assert len(ids) == len(set(ids))
    for s in out:
        assert s["suggested"] is True
        assert s["id"].startswith(f"s-{s['kind']}-")
        assert s["note"] and isinstance(s["note"], str)
        if s["kind"] == "figure":
            assert s["figure"]
        if s["kind"] == "loaded-language":
            assert s["neutral"]
        if s["kind"] == "attribution-verb":
            assert s["implies"]
        if s["kind"] == "claim":
            assert s["stance"] in ("asserted", "reported")


def test_deterministic_and_ordered_by_position():
    text = SEED.read_text(encoding="utf-8")
    a, b = suggest(text), suggest(text)
    assert a == b
    starts = [start_of(text, s) for s in a]
    assert starts == sorted(starts)


def test_quotes_occur_and_occurrence_picks_the_right_one():
    text = SEED.read_text(encoding="utf-8")
    for s in suggest(text):
        n = text.count(s["quote"])  # non-overlapping exact matches
        assert n >= 1, s
        if n > 1:
            assert 1 <= s["occurrence"] <= n, s
        else:
            assert "occurrence" not in s
    # the third "Kiev regime" is the one in the Putin paragraph
    kr = [s for s in suggest(text) if s["quote"] == "Kiev regime"]
    assert [s.get("occurrence") for s in kr] == [1, 2, 3]
    third = start_of(text, kr[2])
    assert "much-hyped" in text[third:third + 60]


def test_occurrence_on_repeated_words():
    # (a word of the list suggested at each use: "regime" gets one note on its use, first_only)
    text = "Officials said the thugs fled. Later the thugs returned, and the thugs claimed victory."
    ll = [s for s in suggest(text) if s["quote"] == "thugs"]
    assert [s["occurrence"] for s in ll] == [1, 2, 3]
    for s in ll:
        assert locate(text, s["quote"], s["occurrence"]) is not None


@pytest.mark.parametrize("hostile", [
    '<script>alert("x")</script> The regime claimed that 500 soldiers fled. {{ secret }} {% if x %}',
    'The <b>much-touted</b> plan failed, {{ 7*7 }} officials said. <img src=x onerror="alert(1)">',
])
def test_hostile_text_is_plain_text(hostile):
    out = suggest(hostile)
    assert out
    for s in out:
        assert s["quote"] in hostile
        assert isinstance(s["note"], str)
    assert any(s["kind"] == "loaded-language" for s in out)


def test_not_a_string_is_refused():
    with pytest.raises(TypeError):
        suggest(None)  # type: ignore[arg-type]


# --- the seed article: the spans a teacher would mark --------------------------------------------

EXPECTED_SEED = [
    ("loaded-language", "Kiev regime"),
    ("loaded-language", "much-touted"),
    ("loaded-language", "much-hyped"),
    ("loaded-language", "flooded with"),
    ("loaded-language", "cannon fodder"),
    ("loaded-language", "mass desertion"),
    ("loaded-language", "Zaporozhye"),
    ("loaded-language", "Donbass"),
    ("loaded-language", "'Offensive'"),
    ("figure", "approximately 500"),
    ("figure", "132 soldiers"),
    ("figure", "two of the three"),
    ("attribution-verb", "took to his Telegram channel to report"),
    ("attribution-verb", "affirmed"),
    ("attribution-verb", "admitted"),
    ("attribution-verb", "noted"),
    ("quote", "It exists, but it failed."),
    ("quote", "There is no [Ukrainian] counteroffensive"),
    ("quote", "I just received information that two of the three airmobile battalions"),
    ("source", "Yevgeny Balitsky"),
    ("source", "information"),
    ("speculation", "seemingly in alignment with the wishes of Western commanders"),
    ("claim", "Numerous Ukrainian troops in the Zaporozhye Region have abandoned"),
    ("claim", "Ukraine's Army Suffers Mass Desertions"),
]


def test_seed_expected_spans_are_found():
    text = SEED.read_text(encoding="utf-8")
    out = suggest(text)
    spans = [(s["kind"], start_of(text, s), start_of(text, s) + len(s["quote"])) for s in out]
    missing = []
    for kind, words in EXPECTED_SEED:
        a = text.find(words)
        assert a >= 0, words
        b = a + len(words)
        if not any(k == kind and x < b and a < y for k, x, y in spans):
            missing.append((kind, words))
    assert not missing


def test_seed_quote_speakers():
    text = SEED.read_text(encoding="utf-8")
    notes = {s["quote"][:15]: s["note"] for s in suggest(text) if s["kind"] == "quote"}
    # "The governor noted:": the note does not name Balitsky, whom the sentence does not hold
    assert "Balitsky" not in notes["I just received"] and '"The governor"' in notes["I just received"]
    assert "Lukashenko" in notes["There is no [Uk"]
    assert "Putin" in notes["It exists, but "]
