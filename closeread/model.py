"""The lesson model: frozen value objects, built only by the validate stage."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Mapping

from closeread.errors import Problem


class FrozenDict(dict):
    """A read-only dict. Unlike MappingProxyType it pickles, so validated lessons can be cached."""

    def _read_only(self, *args, **kwargs):
        raise TypeError("this mapping is read-only")

    __setitem__ = __delitem__ = clear = pop = popitem = setdefault = update = __ior__ = _read_only

    def __reduce__(self):
        return (FrozenDict, (dict(self),))


def frozen_map(d: Mapping | None = None) -> Mapping:
    return FrozenDict(d or {})


@dataclass(frozen=True)
class Span:
    """Where a quote sits in the article: character offsets into the article text, and its lines."""

    start: int
    end: int
    first_line: int
    last_line: int


@dataclass(frozen=True)
class ArticleLine:
    number: int
    text: str
    start: int  # offset of the line's first character in the article text
    role: str = "body"  # headline, standfirst, subheading, body, caption, credit, furniture
    label: str = ""


@dataclass(frozen=True)
class Article:
    text: str
    lines: tuple[ArticleLine, ...]
    path: str

    @property
    def headline(self) -> str:
        for line in self.lines:
            if line.role == "headline":
                return line.text
        return ""


@dataclass(frozen=True)
class Source:
    id: str
    name: str
    described_as: str = ""
    about: str = ""


@dataclass(frozen=True)
class RubricLevel:
    level: str  # beginning, developing, strong
    does: str  # what an answer at this level does
    sample: str  # a short sample answer at this level


@dataclass(frozen=True)
class Tuning:
    """What an annotation's ``question:`` mapping changes in the question generated from it."""

    minutes: float | None = None
    rubric: tuple[RubricLevel, ...] = ()
    starters: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    look_up: bool = False


@dataclass(frozen=True)
class Annotation:
    id: str
    kind: str
    note: str
    quote: str = ""
    span: Span | None = None
    teacher_note: str = ""
    suggested: bool = False
    generate_question: bool = True
    tuning: Tuning | None = None
    fields: Mapping = field(default_factory=frozen_map)
    number: int = 0  # 1-based position among the lesson's published annotations, in reading order
    line: int = 0  # line in lesson.yaml

    def get(self, name: str, default=None):
        return self.fields.get(name, default)


@dataclass(frozen=True)
class Option:
    key: str
    text: str
    correct: bool
    feedback: str = ""


@dataclass(frozen=True)
class SortItem:
    annotation: str
    text: str
    stance: str


@dataclass(frozen=True)
class Question:
    id: str
    type: str  # single, multiple, sort, find, short, discussion
    prompt: str
    explanation: str = ""
    hints: tuple[str, ...] = ()
    options: tuple[Option, ...] = ()
    items: tuple[SortItem, ...] = ()  # sort
    answer: str = ""  # find: annotation id
    model_answer: str = ""  # short
    guidance: str = ""  # discussion
    annotation: str = ""
    generated: bool = False
    line: int = 0
    minutes: float = 1.0  # expected time for a student, from data/design.yaml unless the author set it
    skill: str = ""  # the skill it practises (a skill slug), from its annotation's kind unless set
    stem: str = ""  # generated: which stem of its kind it uses, "<kind>:<n>"
    rubric: tuple[RubricLevel, ...] = ()  # open questions: beginning, developing, strong
    starters: tuple[str, ...] = ()  # open questions: sentence starters
    core: bool = False  # one of the lesson's core set
    look_up: bool = False  # sends students to look something up: needs a device, takes longer

    @property
    def auto_checked(self) -> bool:
        return self.type in ("single", "multiple", "sort", "find")

    @property
    def open(self) -> bool:
        return self.type in ("short", "discussion")


@dataclass(frozen=True)
class Person:
    name: str
    about: str


@dataclass(frozen=True)
class Background:
    outlet: str
    people: tuple[Person, ...] = ()
    context: str = ""


@dataclass(frozen=True)
class SourceInfo:
    outlet: str
    url: str
    published: dt.date
    retrieved: dt.date
    language: str
    use_note: str
    outlet_type: str = ""
    author: str = ""
    captured_from: str = ""


@dataclass(frozen=True)
class Step:
    step: str
    minutes: int
    text: str


@dataclass(frozen=True)
class Extension:
    title: str
    search_for: tuple[str, ...]
    expect: str


@dataclass(frozen=True)
class Term:
    term: str
    definition: str
    line: int = 0  # first article line the term occurs on
    end: int = 0  # offset in the article text just past that first occurrence, where its gloss goes


@dataclass(frozen=True)
class Lesson:
    slug: str
    path: str  # lessons/<slug>/lesson.yaml, as shown in messages
    title: str
    summary: str
    grade_band: str
    minutes: int
    skills: tuple[str, ...]
    objectives: tuple[str, ...]
    key_points: tuple[str, ...]
    source: SourceInfo
    background: Background
    discussion: str
    article: Article
    annotations: tuple[Annotation, ...]
    questions: tuple[Question, ...]
    sources: tuple[Source, ...] = ()
    draft: bool = False
    language: str = "en"
    materials: tuple[str, ...] = ()
    standards: tuple[str, ...] = ()
    sequence: tuple[Step, ...] = ()
    misconceptions: tuple[str, ...] = ()
    extension: Extension | None = None
    core: tuple[str, ...] = ()  # ids of the core questions, in the order the class works them
    vocabulary: tuple[Term, ...] = ()
    reading_grade: float | None = None  # Flesch-Kincaid grade of the article's body text
    question_phase: int = 0  # minutes the sequence gives to questions
    # what check lists without failing: a draft's fields still to write, a role that draws the wrong thing
    warnings: tuple[Problem, ...] = ()

    @property
    def core_questions(self) -> tuple[Question, ...]:
        """The core set in its order; a lesson without one treats every question as core."""
        if not self.core:
            return self.questions
        by_id = {q.id: q for q in self.questions}
        return tuple(by_id[i] for i in self.core if i in by_id)

    @property
    def practice_questions(self) -> tuple[Question, ...]:
        """Every question outside the core set ("more practice"), in page order."""
        core = set(self.core)
        return tuple(q for q in self.questions if q.id not in core) if core else ()

    @property
    def ordered_questions(self) -> tuple[Question, ...]:
        """Core first, then more practice: the order of the student page and the worksheet."""
        return self.core_questions + self.practice_questions

    @property
    def core_minutes(self) -> float:
        return sum(q.minutes for q in self.core_questions)

    @property
    def published_annotations(self) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if not a.suggested)

    @property
    def suggestions(self) -> tuple[Annotation, ...]:
        return tuple(a for a in self.annotations if a.suggested)

    def annotation(self, ann_id: str) -> Annotation:
        return next(a for a in self.annotations if a.id == ann_id)

    def source_by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.sources if s.id == source_id), None)

    @property
    def kinds(self) -> tuple[str, ...]:
        seen: dict[str, None] = {}
        for a in self.published_annotations:
            seen.setdefault(a.kind)
        return tuple(seen)
