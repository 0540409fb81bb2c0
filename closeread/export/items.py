"""The LMS model: a lesson's questions as flat quiz items that every LMS format can hold.

Serializers (qti.py, moodle.py, gift.py) write these items; none of them looks at the lesson model.

- ``single`` / ``multiple`` questions stay choice questions;
- a ``sort`` question becomes one single-choice question per claim (reported or asserted), unless the
  lesson already asks exactly that question (generated claim questions do);
- ``short`` and ``find`` questions become essay questions with the answer in the grader notes;
- ``discussion`` questions are left out: they are for the class, not for a quiz.

A quiz holds one set of the lesson's questions: the core set (the default files) or every question.
An open question's points and rubric travel with it (``data/export.yaml``): the rubric's levels, what
each does, its points and its sample go into the grader's information (and GIFT's general feedback).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from closeread.export.rules import rules
from closeread.kinds import registry
from closeread.model import Lesson, Question, RubricLevel

# Characters XML 1.0 cannot hold (C0 controls but tab and newline, surrogates, U+FFFE/FFFF); text from
# web pages can contain them and lxml refuses them.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def clean(text: str) -> str:
    """Text safe for any XML document: invalid characters dropped, line ends normalised."""
    return _NOT_XML.sub("", str(text).replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str) -> str:
    return " ".join(clean(text).split())


@dataclass(frozen=True)
class Choice:
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class Item:
    id: str  # unique within the kit: <slug>.<question id>[.<claim id>]
    type: str  # text (no answer: the article), single, multiple, essay
    title: str
    prompt: str  # plain text; paragraphs separated by blank lines
    choices: tuple[Choice, ...] = ()
    feedback: str = ""  # general feedback shown after answering (the explanation)
    grader_info: str = ""  # essay: the model answer (and rubric), for whoever grades it
    points: int = 1  # 0 for the article

    @property
    def correct(self) -> tuple[Choice, ...]:
        return tuple(c for c in self.choices if c.correct)


@dataclass(frozen=True)
class ArticleLine:
    number: int
    text: str
    label: str = ""  # what a non-body line is ("Dateline", "Photo caption")


@dataclass(frozen=True)
class Quiz:
    id: str  # the lesson slug
    title: str
    description: str
    source: str  # one line: outlet, dates, address
    lines: tuple[ArticleLine, ...]
    items: tuple[Item, ...]  # the article first (type text), then the questions

    @property
    def questions(self) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.type != "text")

    @property
    def points(self) -> int:
        return sum(i.points for i in self.items)


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def _claim_item(lesson: Lesson, q: Question, item, number: int, points: int) -> Item:
    options = registry()["claim"].question["options"]
    source = ""
    if item.stance == "reported":
        ann = next((a for a in lesson.annotations if a.id == item.annotation), None)
        src = lesson.source_by_id(ann.get("source") or "") if ann else None
        source = f" It is attributed to {src.name}." if src else ""
    explanation = f"{item.stance.capitalize()}.{source}"
    return Item(
        id=f"{lesson.slug}.{q.id}.{item.annotation}",
        type="single",
        title=f"Question {number}",
        prompt=one_line(f"Is '{item.text}' reported or asserted?"),
        choices=tuple(
            Choice(one_line(text), key == item.stance, one_line(("Right. " if key == item.stance else "Not quite. ") + explanation))
            for key, text in options.items()
        ),
        feedback=one_line(explanation),
        points=points,
    )


def _essay_answer(lesson: Lesson, q: Question) -> str:
    if q.type == "find":
        target = lesson.annotation(q.answer)
        line = f" (line {target.span.first_line})" if target.span else ""
        answer = f"The words: \u201c{one_line(target.quote)}\u201d{line}."
    else:
        answer = clean(q.model_answer).strip()
    if q.explanation:
        answer += "\n\n" + clean(q.explanation).strip()
    if q.rubric:
        answer += "\n\n" + rubric_text(q)
    return answer


def open_points(q: Question) -> int:
    """An open question's points: its rubric's top level, or the rules' default without a rubric."""
    r = rules()
    if q.rubric:
        return max(r.rubric_points.get(level.level, r.open_points) for level in q.rubric)
    return r.open_points


def rubric_text(q: Question) -> str:
    """The rubric as plain paragraphs for the grader: one per level, strongest first, with its points."""
    if not q.rubric:
        return ""
    r = rules()
    levels: list[RubricLevel] = sorted(q.rubric, key=lambda level: -r.rubric_points.get(level.level, 0))
    lines = [f"Rubric ({open_points(q)} points):"]
    for level in levels:
        pts = r.rubric_points.get(level.level)
        head = f"{level.level.capitalize()}" + (f" ({pts} point{'s' if pts != 1 else ''})" if pts is not None else "")
        does = one_line(level.does)
        if does and not does.endswith((".", "!", "?")):
            does += "."
        sample = f' Sample: "{one_line(level.sample)}"' if level.sample else ""
        lines.append(f"{head}: {does}{sample}")
    return "\n\n".join(lines)


def quiz_for(lesson: Lesson, questions: tuple[Question, ...] | None = None, *, full: bool = False) -> Quiz:
    """The lesson's quiz: its article, then each of ``questions`` (default: the core set) that an LMS can
    hold, in that order. ``full``: the quiz of every question, titled apart so that a course can hold it
    beside the core set's."""
    questions = lesson.core_questions if questions is None else questions
    items: list[Item] = []
    asked = {_norm(q.prompt) for q in questions if q.type == "single"}
    choice_points = rules().choice_points
    for q in questions:
        n = len(items) + 1
        if q.type in ("single", "multiple"):
            items.append(
                Item(
                    id=f"{lesson.slug}.{q.id}",
                    type=q.type,
                    title=f"Question {n}",
                    prompt=clean(q.prompt).strip(),
                    choices=tuple(Choice(one_line(o.text), o.correct, one_line(o.feedback)) for o in q.options),
                    feedback=clean(q.explanation).strip(),
                    points=choice_points,
                )
            )
        elif q.type == "sort":
            for item in q.items:
                claim = _claim_item(lesson, q, item, len(items) + 1, choice_points)
                if _norm(claim.prompt) in asked:
                    continue  # the lesson asks this already
                asked.add(_norm(claim.prompt))
                items.append(claim)
        elif q.type in ("find", "short"):
            how = "\n\nCopy the words from the article and give their line number." if q.type == "find" else ""
            items.append(
                Item(
                    id=f"{lesson.slug}.{q.id}",
                    type="essay",
                    title=f"Question {n}",
                    prompt=clean(q.prompt).strip() + how,
                    grader_info=_essay_answer(lesson, q),
                    feedback=rubric_text(q),
                    points=open_points(q) if q.type == "short" else choice_points,
                )
            )
    lines = tuple(
        # students read this article in their LMS: no label saying a line is a button or a teaser, since
        # questions ask which lines are part of the story and which are the page around it
        ArticleLine(line.number, one_line(line.text), "")
        for line in lesson.article.lines
        if line.text.strip()
    )
    s = lesson.source
    source = one_line(
        f"{s.outlet}, published {s.published.isoformat()}{', by ' + s.author if s.author else ''}; "
        f"captured {s.retrieved.isoformat()} from {s.url}"
    )
    article = Item(
        id=f"{lesson.slug}.article",
        type="text",
        title="The article",
        prompt="Read the article. Its lines are numbered as on the printed worksheet.",
        points=0,
    )
    title = one_line(lesson.title) + (" (every question)" if full else "")
    return Quiz(
        id=lesson.slug,
        title=title,
        description=clean(lesson.summary).strip(),
        source=source,
        lines=lines,
        items=(article, *items),
    )
