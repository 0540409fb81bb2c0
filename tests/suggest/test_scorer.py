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
    for path in sorted(bench.GOLD.glob("*.yaml")):
        case = bench.gold_case(path)
        assert case.split in ("dev", "heldout", "unseen")
        assert not case.lost, f"{path.name}: {[g.label for g in case.lost]}"
