"""The core picker's questions, even while the core set is what fails."""

from __future__ import annotations

from closeread.studio.checks import check
from tests.conftest import make_kit


def test_questions_are_listed_while_the_core_set_fails(tmp_path):
    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    path = folder / "lesson.yaml"
    good = check(folder)
    assert good.lesson is not None
    path.write_text(path.read_text(encoding="utf-8").replace("core: [", "core: [no-such-question, ", 1), encoding="utf-8")
    checked = check(folder)
    assert checked.lesson is None and any("no-such-question" in p.message for p in checked.problems)
    assert {q.id for q in good.questions} <= {q.id for q in checked.questions}
    assert checked.phase == good.phase
