"""The loaded-language model experiment of bench/loaded_model.py (not part of the kit): its spans, its
logistic regression, and which gold files it may open."""

from __future__ import annotations

import pytest

np = pytest.importorskip("numpy")
pytest.importorskip("scipy")

from bench import loaded_model as lm  # noqa: E402


def test_adjacent_chosen_words_make_one_span_and_others_stay_apart():
    text = "a cute little box, and a bloated one"
    cands = [(2, 6), (7, 13), (14, 17), (25, 32)]
    assert lm._spans(text, cands, np.array([True, True, True, True])) == [(2, 17), (25, 32)]
    # a word left out between two chosen ones splits them
    assert lm._spans(text, cands, np.array([True, False, True, False])) == [(2, 6), (14, 17)]
    assert lm._spans(text, cands, np.array([False] * 4)) == []


def test_the_regression_learns_a_separable_rule_and_not_its_opposite():
    rng = np.random.default_rng(0)
    x = rng.normal(size=(400, 3)).astype(np.float32)
    y = x[:, 0] > 1.0  # rare positives, as loaded words are
    model = lm.fit(x, y, l2=1.0)
    p = lm.predict(model, x)
    assert p[y].mean() > 0.8 and p[~y].mean() < 0.3
    assert lm.predict(model, np.array([[3, 0, 0]], dtype=np.float32))[0] > \
        lm.predict(model, np.array([[-3, 0, 0]], dtype=np.float32))[0]


def test_only_the_named_splits_are_opened(tmp_path):
    for name in ("dev-a.yaml", "unseen5-b.yaml", "unseen3t-c.yaml", "unseen6-d.yaml", "later-e.yaml"):
        (tmp_path / name).write_text("page: x\n", encoding="utf-8")
    assert [p.name for p in lm.gold_files(tmp_path)] == ["dev-a.yaml", "unseen3t-c.yaml", "unseen5-b.yaml"]
