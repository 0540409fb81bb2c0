"""The parts of a draft that are data-driven (closeread/importer/plan.py): the sequence adds up to the
lesson's minutes, and the skeletons are marked TODO."""

from __future__ import annotations

import pytest

from closeread.design import design
from closeread.importer.plan import CHECK, kept, kept_for_core, question_minutes, rubric_skeleton, sequence


@pytest.mark.parametrize("minutes", [20, 30, 45, 50, 90])
def test_the_sequence_adds_up_to_the_lesson(minutes):
    steps = sequence(minutes)
    assert sum(s["minutes"] for s in steps) == minutes
    assert [s["step"] for s in steps] == [s["step"] for s in design().draft["sequence"]]
    assert question_minutes(steps) >= minutes * 0.3


def test_a_kept_suggestion_is_an_annotation_whose_note_is_to_check():
    s = {"id": "s-figure-2", "kind": "figure", "quote": "300", "note": "From the union.", "suggested": True, "figure": "300", "source": "silva"}
    assert kept(s) == {"id": "a-figure-2", "kind": "figure", "quote": "300", "note": CHECK + "From the union.", "figure": "300", "source": "silva"}


def test_only_complete_suggestions_are_kept_and_at_most_so_many_per_kind():
    figures = [{"id": f"s-figure-{i}", "kind": "figure", "quote": str(i), "note": "", "figure": str(i), "source": "x"} for i in range(10)]
    no_source = {"id": "s-figure-99", "kind": "figure", "quote": "99", "note": "", "figure": "99"}
    reported = {"id": "s-claim-1", "kind": "claim", "quote": "c", "note": "", "stance": "reported"}
    chosen = kept_for_core([*figures, no_source, reported])
    assert len(chosen) == design().draft["kept_per_kind"]
    assert no_source not in chosen and reported not in chosen


def test_the_rubric_skeleton_has_every_level_to_write():
    rubric = rubric_skeleton()
    assert list(rubric) == list(design().rubric_levels)
    assert all(v["does"].startswith("TODO") and v["sample"].startswith("TODO") for v in rubric.values())
