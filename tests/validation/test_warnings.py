"""What `check` warns about without failing (issue 20), one fixture case per warning: a copy of the
fixture lesson is changed in one way and the exact warning is checked. Side doors to a core question's
answer (another core question's text holding its right option or key words; a stem or hint pointing to
its own right options one by one; a gloss that judges a word a question asks about, or answers an
omission), and a look-up not marked as one. The unchanged fixture warns about nothing."""

from __future__ import annotations

import subprocess
import sys

import pytest

from closeread.validate.kit import load_kit
from tests.validation.test_messages import REPO, Y, _both, _broken_kit, _edit

OPTION = '{text: Ana Silva, correct: true, feedback: "Yes, the union leader."}'
LEADER = '{text: The union leader of the dock workers, correct: true, feedback: "Yes."}'
WARN = ""  # a warning reads like a problem: path:line: what; expected

CASES = [
    ("another-core-stem-holds-a-right-option", _both(_edit(OPTION, LEADER), _edit(
        "prompt: What does the headline add?", "prompt: What does the headline add? The union leader of the dock workers gives the number."
    )), [
        f"{Y}:143: {WARN}the stem of core question 3 ('q-short') gives away the answer of core question 1 ('q-source'): its right option "
        "\"The union leader of the dock workers\" word for word; expected text that points to the method, not to another question's answer",
    ]),
    ("another-core-explanation-holds-the-key-words", _both(_edit(OPTION, LEADER), _edit(
        "explanation: Compare the headline with the body.", "explanation: Compare the headline with the body. Dock workers follow their union."
    )), [
        f"{Y}:145: {WARN}the explanation of core question 3 ('q-short') gives away the answer of core question 1 ('q-source'): the key words "
        "of its right option \"The union leader of the dock workers\" (dock, union, worke); expected text that points to the method, not to "
        "another question's answer",
    ]),
    ("a-stem-names-who-a-generated-question-asks-about", _edit(
        "prompt: What does the headline add?", "prompt: Ana Silva gives about 300 workers. What does the headline add?"
    ), [
        f"{Y}:143: {WARN}the stem of core question 3 ('q-short') gives away the answer of core question 4 ('g-a-300'): who it comes "
        "from: Ana Silva (for 'about 300 workers'); expected text that points to the method, not to another question's answer",
    ]),
    ("a-hint-points-to-its-own-right-options", _both(_edit("g-a-subscribe]", "q-multi]"), _edit(
        "    prompt: Which words are loaded?\n", "    prompt: Which words are loaded?\n    hints: [\"One is a judgement, one an emotion.\"]\n"
    )), [
        f"{Y}:126: {WARN}the hint 1 of core question 8 ('q-multi') points to 2 of its 2 right options one by one (emoti, judge); "
        "expected a hint that says how to decide, not which to tick",
    ]),
    ("a-gloss-judges-a-word-a-question-asks-about", _edit(
        "  - {term: paralyses,", "  - {term: reckless, definition: careless in a way that is unfair to others}\n  - {term: paralyses,"
    ), [
        f"{Y}:159: {WARN}the gloss of 'reckless' judges it ('unfair'), and annotation 'a-reckless' (loaded-language) asks about that "
        "word; expected a plain definition that leaves the judgement to the student",
    ]),
    ("a-gloss-answers-an-omission", _both(_edit(
        "    kind: omission\n", "    kind: omission\n    quote: port authority\n"
    ), _edit("  - {term: paralyses,", "  - {term: port authority, definition: the managers who run a harbour}\n  - {term: paralyses,")), [
        f"{Y}:160: {WARN}the gloss of 'port authority' answers what annotation 'a-managers' (omission) asks students to find out "
        "(manag); expected a gloss that gives the word's plain meaning and nothing the question asks for, or none",
    ]),
    ("a-look-up-not-marked", _edit("prompt: What does the headline add?", "prompt: Look it up, then say what the headline adds."), [
        f"{Y}:141: {WARN}question 'q-short' sends students to look something up (\"look it up\") but is not marked; expected "
        "'look_up: true' on question 'q-short', so that paper says it needs a device and its minutes include the look-up",
    ]),
]


def _warnings(root) -> list[str]:
    return [str(w) for lesson in load_kit(root=root) for w in lesson.warnings]


def test_the_fixture_warns_about_nothing(tmp_path):
    assert _warnings(_broken_kit(tmp_path, lambda folder: None)) == []


@pytest.mark.parametrize("breaker, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_exact_warning(tmp_path, breaker, expected):
    assert _warnings(_broken_kit(tmp_path, breaker)) == expected


def test_check_prints_warnings_and_passes(tmp_path):
    root = _broken_kit(tmp_path, CASES[0][1])
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(root), "check"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [*CASES[0][2], "1 lessons checked: no problems, 1 warnings"]
