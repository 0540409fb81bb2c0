"""The lesson's activities as a student handout shows them: the warm-up's question and the exit ticket's
parts, taken from the sequence's teacher-facing steps (``warm-up``, ``exit-ticket``).

A sequence step is written to the teacher ("Project only the headline. Ask: ..."). The worksheet
prints what the students are asked: the questions after "Ask:" (quotation marks dropped), and the exit
ticket's numbered parts "(1) ... (2) ...". A step written otherwise is printed as it is.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from closeread.model import Lesson

_ASK = re.compile(r"\bAsk:\s*")
_QUESTION_RUN = re.compile(r"[\"“]?([^.?!\"“”]*?\?)[\"”]?\s*")
_PART = re.compile(r"\((\d+)\)\s*")
_EXIT_LEAD = re.compile(r"^.*?\b(?:writes?|answer)\b[^:]*:\s*", re.I)
_QUOTED = re.compile(r"[\"“]([^\"“”]{3,})[\"”]")
# the exit ticket speaks of "each student" in the third person; the worksheet speaks to the student
# (only where the student is surely meant: "they are doing" may be about the scare quotes)
_TO_STUDENT = ((re.compile(r"\btheir own\b"), "your own"), (re.compile(r"\bthey would\b"), "you would"))


@dataclass(frozen=True)
class Activities:
    warm_up: str  # the warm-up's question(s) for students, or ""
    warm_up_about: str  # what the warm-up shows the class (a claim, the headline), or ""
    exit_parts: tuple[str, ...]  # the exit ticket's parts (one when it has no numbered parts), or ()


def _step(lesson: Lesson, name: str) -> str:
    return next((" ".join(s.text.split()) for s in lesson.sequence if s.step == name), "")


def warm_up_question(text: str) -> str:
    """The questions after "Ask:", as one run of sentences; the whole text when there is no "Ask:"."""
    found = _ASK.search(text)
    if not found:
        return text
    rest = text[found.end():]
    asked: list[str] = []
    pos = 0
    while True:
        m = _QUESTION_RUN.match(rest, pos)
        if not m or not m.group(1).strip():
            break
        asked.append(m.group(1).strip())
        pos = m.end()
    if not asked:
        return text
    first = asked[0]
    asked[0] = first[:1].upper() + first[1:]
    return " ".join(asked)


def warm_up_about(text: str, headline: str) -> str:
    """What the class looks at before the questions: the first quoted passage before "Ask:", or the
    headline when the step projects it."""
    found = _ASK.search(text)
    before = text[: found.start()] if found else ""
    quoted = _QUOTED.search(before)
    if quoted:
        return quoted.group(1).strip()
    return headline if "headline" in before.lower() else ""


def _to_student(text: str) -> str:
    for pattern, words in _TO_STUDENT:
        text = pattern.sub(words, text)
    return text


def exit_parts(text: str) -> tuple[str, ...]:
    """The exit ticket's numbered parts without their numbers; the text after "...writes:" when it has none."""
    if not text:
        return ()
    pieces = _PART.split(text)
    if len(pieces) >= 3:
        parts = [pieces[i + 1].strip().rstrip(";").strip() for i in range(1, len(pieces) - 1, 2)]
        parts = [_to_student(p[:1].upper() + p[1:]) for p in parts if p]
        if parts:
            return tuple(parts)
    body = _EXIT_LEAD.sub("", text, count=1) or text
    return (_to_student(body[:1].upper() + body[1:]),)


def activities(lesson: Lesson) -> Activities:
    warm = _step(lesson, "warm-up")
    return Activities(
        warm_up=warm_up_question(warm) if warm else "",
        warm_up_about=warm_up_about(warm, lesson.article.headline) if warm else "",
        exit_parts=exit_parts(_step(lesson, "exit-ticket")),
    )
