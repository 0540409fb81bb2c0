"""inflect.py: a lemma of the reporting-verb list gives its regular forms."""

from __future__ import annotations

import pytest

from closeread.suggest import attribution_verbs
from closeread.suggest.inflect import inflections


@pytest.mark.parametrize("lemma, forms", [
    ("argue", ("argue", "argues", "argued", "arguing")),
    ("project", ("project", "projects", "projected", "projecting")),
    ("testify", ("testify", "testifies", "testified", "testifying")),
    ("stress", ("stress", "stresses", "stressed", "stressing")),
    ("chat", ("chat", "chats", "chatted", "chatting")),
    ("point out", ("point out", "points out", "pointed out", "pointing out")),
])
def test_a_lemma_gives_its_four_regular_forms(lemma, forms):
    assert inflections(lemma) == forms


@pytest.mark.parametrize("lemma, wrong", [("vow", "vowwed"), ("obey", "obeies"), ("visit", "visitted")])
def test_no_doubled_letter_or_y_to_i_where_english_has_none(lemma, wrong):
    assert wrong not in inflections(lemma)


def test_the_list_holds_every_form_of_its_lemmas_and_keeps_irregular_ones():
    forms = {v.verb: set(v.forms) for v in attribution_verbs()}
    assert {"argue", "argues", "argued", "arguing", "contends"} <= forms["argued"]
    assert {"projects", "projected"} <= forms["predicted"]
    assert {"shown", "concluded"} <= forms["found"] and "written" in forms["wrote"]
