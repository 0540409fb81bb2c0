"""The period key's answer grid: one row per question (number, answer, why), nothing cut: a choice
question's right options by their letters (as the worksheet prints them), a short answer's and the why's
first sentence whole. The rubrics of open questions follow the grid."""

from __future__ import annotations

import re
from dataclasses import dataclass

from closeread.model import Lesson, Question
from closeread.questions import right_letters

# a sentence ends at . ! or ? before a capital, but not after an abbreviation such as "St." or "U.S."
_SENTENCE_END = re.compile(r"(?<=[.!?])(?<![A-Z][a-z]\.)(?<![A-Z]\.)[\"”’)]?\s+(?=[A-Z“\"(])")


@dataclass(frozen=True)
class GridRow:
    number: int
    answer: str
    why: str
    open: bool  # marked against the rubric that follows the grid


def first_sentence(text: str) -> str:
    text = " ".join(str(text).split())
    return _SENTENCE_END.split(text, 1)[0] if text else ""


def _lines(first: int, last: int) -> str:
    return f"line {first}" if first == last else f"lines {first}–{last}"


def answer_of(lesson: Lesson, q: Question) -> str:
    if q.type in ("single", "multiple"):
        return right_letters(q.options)
    if q.type == "sort":
        return ", ".join(f"{i} {item.stance}" for i, item in enumerate(q.items, start=1))
    if q.type == "find":
        target = lesson.annotation(q.answer)
        where = f"{_lines(target.span.first_line, target.span.last_line)}: " if target.span else ""
        return f"{where}“{' '.join(target.quote.split())}”"
    if q.type == "short":
        return first_sentence(q.model_answer)
    return "For the class discussion"


def why_of(q: Question) -> str:
    if q.explanation:
        return first_sentence(q.explanation)
    if q.type == "discussion":
        return first_sentence(q.guidance)
    return ""


def grid(lesson: Lesson, questions: tuple[Question, ...]) -> list[GridRow]:
    return [
        GridRow(
            number=n,
            answer=answer_of(lesson, q),
            why=why_of(q),
            open=q.open and bool(q.rubric),
        )
        for n, q in enumerate(questions, start=1)
    ]
