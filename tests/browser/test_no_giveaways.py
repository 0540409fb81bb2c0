"""Nothing on a shipped lesson's student page answers a core question before the student has answered it.

Each shipped lesson's student page is opened in Chromium at phone size, in Practice mode (the default),
and its *visible* text (``innerText``: nothing hidden, folded or unrendered) is searched for what answers
each core question: its explanation, the feedback of its right options, its model answer and the note of
the annotation it asks about. The page-level giveaways of the issue are checked too: the outlet's type,
the key points and the labels that say a line is a button or a teaser. Then one question is answered to
show that the check sees text once it is shown.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from closeread.validate.lesson import load_lesson
from tests.browser.conftest import PHONE
from tests.browser.drive import q
from tests.conftest import REPO

SHIPPED = sorted(p.name for p in (REPO / "lessons").iterdir() if (p / "lesson.yaml").exists())


def _norm(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def _lesson(slug: str):
    lesson, problems = load_lesson(REPO / "lessons" / slug, shown_dir=f"lessons/{slug}")
    assert lesson is not None, problems
    return lesson


def _answers(lesson, question) -> list[str]:
    """What would answer the question if a student could read it on the page."""
    out = [question.explanation, question.model_answer]
    out += [o.feedback for o in question.options if o.correct]
    if question.annotation:
        out.append(lesson.annotation(question.annotation).note)
    # a few words can occur anywhere; a sentence of an answer cannot
    return [_norm(t) for t in out if len(_norm(t)) >= 25]


@pytest.mark.parametrize("slug", SHIPPED)
def test_no_core_answer_is_visible_before_it_is_answered(shipped_kit, open_page, slug):
    lesson = _lesson(slug)
    assert lesson.core, f"{slug} names no core set"
    page = open_page(shipped_kit.http(f"site/lessons/{slug}/index.html"), viewport=PHONE)
    assert page.locator("input[name=cr-mode][value=practice]").is_checked()
    page.add_style_tag(content=".cr-line { content-visibility: visible !important; }")  # every line's text, not a skipped line's nothing
    visible = _norm(page.evaluate("document.body.innerText"))
    for question in lesson.core_questions:
        for answer in _answers(lesson, question):
            assert answer not in visible, f"{slug} {question.id}: its answer is on the page before it is answered: {answer[:80]}"
    for point in lesson.key_points:
        assert _norm(point) not in visible, f"{slug}: a key point is visible before the questions are answered"
    assert page.locator(".cr-outlet-type").count() == 0, "the student page does not state the outlet's type"
    assert page.locator(".cr-role-label:visible").count() == 0, "no line says it is a button or a teaser"
    assert page.locator(".cr-note:visible").count() == 0, "no note is shown before its question is answered"


def test_an_answered_question_shows_its_explanation(shipped_kit, open_page):
    """The check above can fail: once a core question is answered, its explanation is visible text."""
    slug = "sputnik-africa-desertions"
    lesson = _lesson(slug)
    question = next(x for x in lesson.core_questions if x.type == "single")
    page = open_page(shipped_kit.http(f"site/lessons/{slug}/index.html"), viewport=PHONE)
    section = q(page, question.id)
    right = next(o for o in question.options if o.correct)
    section.locator(f'input[value="{right.key}"]').check()
    section.get_by_role("button", name="Check my answer").click()
    visible = _norm(page.evaluate("document.body.innerText"))
    assert _norm(question.explanation) in visible


@pytest.mark.parametrize("slug", SHIPPED)
def test_hints_point_at_the_method_not_the_option(slug):
    lesson = _lesson(slug)
    for question in lesson.questions:
        right = [_norm(o.text).lower() for o in question.options if o.correct and len(o.text) > 3]
        for hint in question.hints:
            for text in right:
                assert text not in _norm(hint).lower(), f"{slug} {question.id}: a hint names the right option '{text}'"


def test_seed_core_set_as_the_issue_asks():
    lesson = _lesson("sputnik-africa-desertions")
    core = lesson.core_questions
    assert 8 <= len(core) <= 12 and core == lesson.ordered_questions[: len(core)]
    prompts = [c.prompt for c in core]
    assert any(re.search(r"source for the 500 figure", p) for p in prompts)
    assert any(re.search(r"'counteroffensive failed' reported or asserted", p) or "counteroffensive" in p and "reported or asserted" in p for p in prompts)
    assert lesson.core_minutes <= lesson.question_phase
    stems: dict[str, int] = {}
    for c in core:
        if c.generated:
            stems[c.stem] = stems.get(c.stem, 0) + 1
    assert max(stems.values(), default=0) <= 3
    by_kind: dict[str, set] = {}
    for x in lesson.questions:
        if x.generated and x.options:
            kind = x.stem.split(":")[0]
            by_kind.setdefault(kind, set()).add(next(o.text for o in x.options if o.correct) if kind not in ("source", "figure", "quote", "speculation") else x.id)
    for kind, answers in by_kind.items():
        if sum(1 for x in lesson.questions if x.generated and x.stem.startswith(kind + ":")) > 1:
            assert len(answers) > 1, f"every generated {kind} question has the same answer"
