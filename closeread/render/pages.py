"""Render every generated page of the kit: student pages, teacher editions and catalogues."""

from __future__ import annotations

import re
from collections import defaultdict

import yaml

from closeread.kinds import all_kind_fields, registry
from closeread.questions import TYPE_LABELS
from closeread.model import Lesson
from closeread.render.article import render_article
from closeread.render.env import environment, safe_title
from closeread.render.keys import lesson_key, salt_for

STUDENT_DIR = "lessons"  # docs/lessons/: student pages and catalogues, owned by the build
TEACHER_DIR = "teacher"  # docs/teacher/: teacher editions, excluded from the student site

_STEP_LABELS = {
    "warm-up": "Warm-up",
    "reading": "Reading",
    "questions": "Questions",
    "discussion": "Discussion",
    "exit-ticket": "Exit ticket",
    "extension": "Extension",
}


def _front_matter(**fields) -> str:
    return yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000).strip()


def tidy(markdown: str) -> str:
    """Drop blank and indented lines inside HTML blocks (a blank line would end a raw HTML block and
    four spaces of indent would start a code block); keep blank lines around Markdown headings."""
    lines = [line.strip() for line in markdown.split("\n")]
    out: list[str] = []
    in_front = 0
    for i, line in enumerate(lines):
        if line == "---" and in_front < 2:
            in_front += 1
            out.append(line)
            continue
        if in_front < 2:
            out.append(line)
            continue
        if line.startswith("#"):
            if out and out[-1] != "":
                out.append("")
            out.extend([line, ""])
        elif line:
            out.append(line)
    return re.sub(r"\n{3,}", "\n\n", "\n".join(out)).strip() + "\n"


def _field_value_fn(lesson: Lesson):
    def field_value(name: str, value) -> str:
        if all_kind_fields()[name].type == "ref":
            src = lesson.source_by_id(value)
            return src.name if src else value
        return str(value)

    return field_value


def _render(template: str, **context) -> str:
    env = environment()
    context.setdefault("type_label", TYPE_LABELS.get)
    context.setdefault("step_label", _STEP_LABELS.get)
    return tidy(env.get_template(template).render(**context))


def downloads_for(lesson: Lesson) -> list[dict]:
    """The files a teacher edition links to (made by the export stage), relative to the edition."""
    base = f"../../{STUDENT_DIR}/{lesson.slug}/"
    own = ""
    return [
        {"label": "Student worksheet (PDF, A4)", "href": f"{base}worksheet-a4.pdf"},
        {"label": "Student worksheet (PDF, US Letter)", "href": f"{base}worksheet-letter.pdf"},
        {"label": "Teacher key (PDF, A4)", "href": f"{own}key-a4.pdf"},
        {"label": "Teacher key (PDF, US Letter)", "href": f"{own}key-letter.pdf"},
        {"label": "Canvas quiz (QTI 1.2 zip)", "href": f"{own}{lesson.slug}-qti.zip"},
        {"label": "Moodle XML", "href": f"{own}{lesson.slug}-moodle.xml"},
        {"label": "GIFT", "href": f"{own}{lesson.slug}.gift.txt"},
    ]


# made by the export stage under docs/teacher/, linked from the teacher catalogue
KIT_DOWNLOADS = (
    {"label": "Booklet of every worksheet and key (PDF, A4)", "href": "booklet-a4.pdf"},
    {"label": "US Letter", "href": "booklet-letter.pdf"},
    {"label": "Canvas quiz of every lesson (QTI 1.2 zip)", "href": "closeread-qti.zip"},
    {"label": "Moodle XML", "href": "closeread-moodle.xml"},
    {"label": "GIFT", "href": "closeread.gift.txt"},
)


def student_page(lesson: Lesson) -> str:
    return _render(
        "student.md.j2",
        lesson=lesson,
        edition="student",
        lines=render_article(lesson.article, lesson.annotations),
        key=lesson_key(lesson, lesson.questions),
        salt=salt_for(lesson),
        field_value=_field_value_fn(lesson),
        worksheet_href="worksheet-a4.pdf",
        worksheet_letter_href="worksheet-letter.pdf",
        front_matter=_front_matter(
            title=safe_title(lesson.title),
            description=safe_title(lesson.summary),
            tags=list(lesson.skills),
        ),
    )


def teacher_page(lesson: Lesson) -> str:
    return _render(
        "teacher.md.j2",
        lesson=lesson,
        lines=render_article(lesson.article, lesson.annotations),
        downloads=downloads_for(lesson),
        field_value=_field_value_fn(lesson),
        front_matter=_front_matter(title=f"{safe_title(lesson.title)} (teacher edition)", search={"exclude": False}),
    )


def _catalogue(heading: str, intro: str, groups: list[dict], prefix: str = "", *, teacher: bool = False, downloads: tuple = ()) -> str:
    return _render(
        "catalogue.md.j2",
        heading=heading,
        intro=intro,
        groups=groups,
        prefix=prefix,
        teacher=teacher,
        downloads=downloads,
        front_matter=_front_matter(title=heading),
    )


def catalogue_pages(lessons: list[Lesson]) -> dict[str, str]:
    """The student catalogue, lessons by skill and by kind, and the glossary."""
    pages = {}
    pages["index.md"] = _catalogue(
        "All lessons",
        "Every lesson in the kit. Each one is a real news article with notes on how it is made, and questions to practise on. Your progress is kept in this browser only.",
        [{"title": "", "id": "", "text": "", "lessons": lessons}],
    )
    by_skill: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        for skill in lesson.skills:
            by_skill[skill].append(lesson)
    pages["by-skill.md"] = _catalogue(
        "Lessons by skill",
        "Lessons grouped by the skill they practise.",
        [{"title": s.replace("-", " ").capitalize(), "id": s, "text": "", "lessons": by_skill[s]} for s in sorted(by_skill)],
    )
    by_kind: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        for kind in lesson.kinds:
            by_kind[kind].append(lesson)
    kinds = registry()
    pages["by-kind.md"] = _catalogue(
        "Lessons by kind of annotation",
        "Lessons grouped by what their annotations point out. The glossary explains each kind.",
        [
            {"title": kinds[k].label, "id": k, "text": kinds[k].definition, "lessons": by_kind[k]}
            for k in kinds
            if by_kind[k]
        ],
    )
    examples = {k: [(lesson, a) for lesson in lessons for a in lesson.published_annotations if a.kind == k][:6] for k in kinds}
    pages["glossary.md"] = _render("glossary.md.j2", examples=examples, front_matter=_front_matter(title="Glossary of annotation kinds"))
    return pages


def teacher_catalogue(lessons: list[Lesson]) -> str:
    return _catalogue(
        "Teacher editions",
        "Each teacher edition has the lesson plan, background, every annotation with its note, the answer key and the downloads (worksheets, keys, LMS exports).",
        [{"title": "", "id": "", "text": "", "lessons": lessons}],
        teacher=True,
        downloads=KIT_DOWNLOADS,
    )


def assignment_builder(lessons: list[Lesson]) -> str:
    """The teacher site's assignment builder (docs/teacher/assign.md). The lessons' question ids, types and
    prompts go into one data attribute as JSON, escaped by the template like any other text; the
    builder's script reads it and makes a link to the student site with the assignment in its #fragment."""
    import json

    data = [
        {
            "slug": lesson.slug,
            "title": lesson.title,
            "questions": [
                {"id": q.id, "type": q.type, "label": TYPE_LABELS.get(q.type, q.type), "prompt": " ".join(q.prompt.split())}
                for q in lesson.questions
            ],
        }
        for lesson in lessons
    ]
    return _render(
        "assign.md.j2",
        lessons_json=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        count=len(lessons),
        front_matter=_front_matter(title="Assignment builder"),
    )


def lesson_pages(lesson: Lesson) -> dict[str, str]:
    """A lesson's student page and teacher edition, keyed by path under docs/."""
    return {
        f"{STUDENT_DIR}/{lesson.slug}/index.md": student_page(lesson),
        f"{TEACHER_DIR}/{lesson.slug}/index.md": teacher_page(lesson),
    }


def render_kit(lessons: list[Lesson], cache=None) -> dict[str, str]:
    """Every generated Markdown page, keyed by its path under docs/; with a ``LessonCache``, the pages
    of unchanged lessons come from it and fresh ones are added to it."""
    pages: dict[str, str] = {}
    for name, text in catalogue_pages(lessons).items():
        pages[f"{STUDENT_DIR}/{name}"] = text
    pages[f"{TEACHER_DIR}/index.md"] = teacher_catalogue(lessons)
    pages[f"{TEACHER_DIR}/assign.md"] = assignment_builder(lessons)
    for lesson in lessons:
        own = cache.pages(lesson.slug) if cache is not None else None
        if own is None:
            own = lesson_pages(lesson)
            if cache is not None:
                cache.remember(lesson, own)
        pages.update(own)
    return pages
