"""Render every generated page of the kit: student pages, teacher editions and catalogues."""

from __future__ import annotations

import json
import re
from collections import defaultdict

import yaml
from markupsafe import Markup

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


# A string PyYAML writes as a plain scalar: it starts with a letter and holds no character that is a
# YAML indicator after a space (":", "#"), a line break, a control character or a BOM; it does not end
# with a space. This is narrower than what PyYAML allows, so anything else simply goes through PyYAML.
_PLAIN = re.compile(
    r"[A-Za-z](?:[\x20-\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd]*"
    r"[\x21\x22\x24-\x39\x3b-\x7e\xa0-\u2027\u202a-\ud7ff\ue000-\ufefe\uff00-\ufffd])?"
)
# words PyYAML's resolver reads as booleans or null, so it quotes them
_YAML_WORDS = frozenset("yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL".split())
_YAML_WIDTH = 1000  # PyYAML folds a plain scalar at a space past this column


def _plain(value) -> str | None:
    if value is True or value is False:
        return "true" if value else "false"
    if type(value) is str and _PLAIN.fullmatch(value) and value not in _YAML_WORDS:
        return value
    return None


def _front_matter(**fields) -> Markup:
    """The front matter exactly as ``yaml.safe_dump`` writes it. PyYAML's pure-Python emitter took about
    a tenth of a page's rendering, and front matter is nearly always plain words, so those are written
    here; anything whose YAML form is less obvious goes through PyYAML itself."""
    lines: list[str] = []
    for key, value in fields.items():
        if _plain(key) is None:
            break
        if type(value) is list and value:
            items = [_plain(v) for v in value]
            if None in items:
                break
            lines.append(f"{key}:")
            lines.extend(f"- {v}" for v in items)
        elif type(value) is dict and value:
            pairs = [(_plain(k) if type(k) is str else None, _plain(v)) for k, v in value.items()]
            if any(k is None or v is None for k, v in pairs):
                break
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {v}" for k, v in pairs)
        else:
            text = _plain(value)
            if text is None:
                break
            lines.append(f"{key}: {text}")
    else:
        if lines and max(map(len, lines)) <= _YAML_WIDTH:
            return _yaml_block("\n".join(lines).strip())  # as PyYAML's output is stripped, trailing Unicode spaces too
    return _yaml_block(yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=_YAML_WIDTH).strip())


def _yaml_block(text: str) -> Markup:
    # Front matter is YAML that MkDocs reads and removes before any Markdown or HTML is made, so it goes
    # out exactly as dumped: HTML-escaping it would turn a quoted title ('Ukraine: ...') into an &#39;
    # anchor, the YAML would fail, and MkDocs would then show the whole block as page text. What it
    # holds cannot become markup: every title in it went through safe_title.
    return Markup(text)


def tidy(markdown: str) -> str:
    """Drop blank and indented lines inside HTML blocks (a blank line would end a raw HTML block and
    four spaces of indent would start a code block); keep blank lines around Markdown headings."""
    lines = markdown.split("\n")
    out: list[str] = []
    in_front = 0
    body = 0
    for body, line in enumerate(lines):
        if in_front == 2:
            break
        line = line.strip()
        if line == "---":
            in_front += 1
        out.append(line)
    else:
        body = len(lines)
    for line in map(str.strip, lines[body:]):
        if not line:
            continue
        if line[0] == "#":
            if out and out[-1] != "":
                out.append("")
            out.append(line)
            out.append("")
        else:
            out.append(line)
    text = "\n".join(out)
    # only front matter can hold a run of blank lines; scanning a whole page with the regex costs more than the loop
    if "\n\n\n" in text:
        text = re.sub(r"\n{3,}", "\n\n", text)
    return text.strip() + "\n"


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
    period = " for the period" if lesson.core else ""
    files = [
        {"label": f"Student worksheet{period} (PDF, A4)", "href": f"{base}worksheet-a4.pdf"},
        {"label": f"Student worksheet{period} (PDF, US Letter)", "href": f"{base}worksheet-letter.pdf"},
        {"label": f"Teacher key{period} (PDF, A4)", "href": f"{own}key-a4.pdf"},
        {"label": f"Teacher key{period} (PDF, US Letter)", "href": f"{own}key-letter.pdf"},
        {"label": f"Canvas quiz{', core questions' if period else ''} (QTI 1.2 zip)", "href": f"{own}{lesson.slug}-qti.zip"},
        {"label": "Moodle XML", "href": f"{own}{lesson.slug}-moodle.xml"},
        {"label": "GIFT", "href": f"{own}{lesson.slug}.gift.txt"},
        # page, worksheets, article link and core quiz in one file (Canvas, Moodle, Blackboard read CC 1.1)
        {"label": "Common Cartridge 1.1 (.imscc: page, worksheets, quiz)", "href": f"{own}{lesson.slug}.imscc"},
    ]
    if lesson.core:  # the full set: the extended handouts and quizzes of every question
        files += [
            {"label": "Extended worksheet, every question (PDF, A4)", "href": f"{base}worksheet-extended-a4.pdf"},
            {"label": "US Letter", "href": f"{base}worksheet-extended-letter.pdf"},
            {"label": "Extended key (PDF, A4)", "href": f"{own}key-extended-a4.pdf"},
            {"label": "US Letter", "href": f"{own}key-extended-letter.pdf"},
            {"label": "Every question: Canvas quiz (QTI 1.2 zip)", "href": f"{own}{lesson.slug}-full-qti.zip"},
            {"label": "Moodle XML", "href": f"{own}{lesson.slug}-full-moodle.xml"},
            {"label": "GIFT", "href": f"{own}{lesson.slug}-full.gift.txt"},
        ]
    return files


# made by the export stage under docs/teacher/, linked from the teacher catalogue
KIT_DOWNLOADS = (
    {"label": "Booklet of every period worksheet and key (PDF, A4)", "href": "booklet-a4.pdf"},
    {"label": "US Letter", "href": "booklet-letter.pdf"},
    {"label": "Canvas quiz of every lesson's core questions (QTI 1.2 zip)", "href": "closeread-qti.zip"},
    {"label": "Moodle XML", "href": "closeread-moodle.xml"},
    {"label": "GIFT", "href": "closeread.gift.txt"},
    {"label": "Common Cartridge 1.1 of every lesson (.imscc)", "href": "closeread.imscc"},
    {"label": "Every question of every lesson: Canvas quiz (QTI 1.2 zip)", "href": "closeread-full-qti.zip"},
    {"label": "Moodle XML", "href": "closeread-full-moodle.xml"},
    {"label": "GIFT", "href": "closeread-full.gift.txt"},
)


def shared_parts(lesson: Lesson) -> dict[str, Markup]:
    """The parts both editions show alike (source line, legend, article), made by the macros of the same
    names: ``lesson_pages`` makes them once for the two pages."""
    m = environment().get_template("_macros.html.j2").module
    return {
        "source_line": m.source_line(lesson),
        "legend": m.legend(lesson),
        "article": m.article(render_article(lesson.article, lesson.annotations, lesson.vocabulary)),
    }


def student_page(lesson: Lesson, shared: dict[str, Markup] | None = None) -> str:
    from closeread.render.handin import lesson_version

    return _render(
        "student.md.j2",
        lesson=lesson,
        edition="student",
        **(shared or shared_parts(lesson)),
        key=lesson_key(lesson, lesson.questions),
        salt=salt_for(lesson),
        version=lesson_version(lesson),
        core=lesson.core_questions,
        practice=lesson.practice_questions,
        field_value=_field_value_fn(lesson),
        worksheet_href="worksheet-a4.pdf",
        worksheet_letter_href="worksheet-letter.pdf",
        front_matter=_front_matter(
            title=safe_title(lesson.title),
            description=safe_title(lesson.summary),
            tags=list(lesson.skills),
        ),
    )


def teacher_page(lesson: Lesson, shared: dict[str, Markup] | None = None) -> str:
    return _render(
        "teacher.md.j2",
        lesson=lesson,
        core=lesson.core_questions,
        practice=lesson.practice_questions,
        **(shared or shared_parts(lesson)),
        downloads=downloads_for(lesson),
        field_value=_field_value_fn(lesson),
        front_matter=_front_matter(title=f"{safe_title(lesson.title)} (teacher edition)", search={"exclude": False}),
    )


def _catalogue_rows(lessons: list[Lesson], prefix: str = "", *, teacher: bool = False) -> dict[str, Markup]:
    """Each lesson's catalogue row by slug, rendered once for all the pages that list it."""
    row = environment().get_template("_catalogue.html.j2").module.row
    return {lesson.slug: row(lesson, prefix, teacher) for lesson in lessons}


# At most this many lesson rows on one catalogue page (a row is about 0.5 KB of HTML and 15 DOM nodes),
# so that no catalogue page grows with the kit: 100 rows keep a page near 100 KB of HTML with Material's
# own frame, well under the 300 KB a page may weigh at 1,000 lessons.
CATALOGUE_ROWS = 100


def _file_name(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "group"


def _page_name(base: str, number: int) -> str:
    return f"{base}.md" if number == 1 else f"{base}-{number}.md"


def _pager(base: str, number: int, count: int) -> Markup:
    """Links to every page of a paged list, the current one marked; nothing when there is one page."""
    if count < 2:
        return Markup("")
    links = [
        Markup('<a aria-current="page">{0}</a>').format(n) if n == number
        else Markup('<a href="{0}">{1}</a>').format(_page_name(base, n)[:-3] + ".html", n)
        for n in range(1, count + 1)
    ]
    return Markup('<nav class="cr-pager" aria-label="Pages of this list">Page ') + Markup(" ").join(links) + Markup("</nav>")


def _catalogue(heading: str, intro: str, groups: list[dict], rows: dict[str, Markup], *, teacher: bool = False, downloads: tuple = (), pager: Markup = Markup(""), title: str = "") -> str:
    return _render(
        "catalogue.md.j2",
        heading=heading,
        intro=intro,
        groups=groups,
        rows=rows,
        teacher=teacher,
        downloads=downloads,
        pager=pager,
        front_matter=_front_matter(title=title or heading),
    )


def _paged_list(base: str, heading: str, intro: str, lessons: list[Lesson], rows: dict[str, Markup], **options) -> dict[str, str]:
    """One list of lessons over as many pages as it needs (``base``.md, ``base``-2.md, ...)."""
    chunks = [lessons[i : i + CATALOGUE_ROWS] for i in range(0, len(lessons), CATALOGUE_ROWS)] or [[]]
    pages = {}
    for number, chunk in enumerate(chunks, 1):
        first = (number - 1) * CATALOGUE_ROWS + 1
        suffix = f" ({first}\u2013{first + len(chunk) - 1} of {len(lessons)})" if len(chunks) > 1 else ""
        pages[_page_name(base, number)] = _catalogue(
            heading + suffix,
            intro,
            [{"title": "", "id": "", "text": "", "lessons": chunk}],
            rows,
            pager=_pager(base, number, len(chunks)),
            title=heading + (f", page {number}" if number > 1 else ""),
            **options,
        )
    return pages


def _grouped(base: str, heading: str, intro: str, groups: list[dict], rows: dict[str, Markup], **options) -> dict[str, str]:
    """Lessons in groups (by skill, by kind). A small kit gets them all on one page, as a list; once the
    rows would pass one page's worth, that page lists the groups with their size and a link to each
    group's own paged list."""
    if sum(len(g["lessons"]) for g in groups) <= CATALOGUE_ROWS:
        return {f"{base}.md": _catalogue(heading, intro, groups, rows, **options)}
    pages: dict[str, str] = {}
    names: set[str] = set()
    overview = []
    for group in groups:
        name = f"{base}-{_file_name(group['id'])}"
        while name in names:  # two ids that differ only in characters a file name drops
            name += "-x"
        names.add(name)
        # an en dash, not a colon: a colon would send the title through PyYAML's slow emitter (_front_matter)
        pages.update(_paged_list(name, f"{heading} \u2013 {group['title']}", group["text"] or intro, group["lessons"], rows, **options))
        overview.append({**group, "href": f"{name}.html", "count": len(group["lessons"])})
    pages[f"{base}.md"] = _render(
        "catalogue.md.j2",
        heading=heading,
        intro=intro,
        groups=overview,
        rows=rows,
        teacher=options.get("teacher", False),
        downloads=options.get("downloads", ()),
        pager=Markup(""),
        front_matter=_front_matter(title=heading),
    )
    return pages


def catalogue_pages(lessons: list[Lesson]) -> dict[str, str]:
    """The student catalogue, lessons by skill and by kind (each paged once it passes CATALOGUE_ROWS
    rows), and the glossary."""
    pages = {}
    rows = _catalogue_rows(lessons)
    pages.update(_paged_list(
        "index",
        "All lessons",
        "Every lesson in the kit. Each one is a real news article with notes on how it is made, and questions to practise on. Your progress is kept in this browser only.",
        lessons,
        rows,
    ))
    by_skill: dict[str, list[Lesson]] = defaultdict(list)
    for lesson in lessons:
        for skill in lesson.skills:
            by_skill[skill].append(lesson)
    pages.update(_grouped(
        "by-skill",
        "Lessons by skill",
        "Lessons grouped by the skill they practise.",
        [{"title": s.replace("-", " ").capitalize(), "id": s, "text": "", "lessons": by_skill[s]} for s in sorted(by_skill)],
        rows,
    ))
    kinds = registry()
    by_kind: dict[str, list[Lesson]] = defaultdict(list)
    examples: dict[str, list] = {k: [] for k in kinds}  # the first six annotations of each kind, in kit order
    for lesson in lessons:
        for kind in lesson.kinds:
            by_kind[kind].append(lesson)
        for a in lesson.published_annotations:
            found = examples.get(a.kind)
            if found is not None and len(found) < 6:
                found.append((lesson, a))
    pages.update(_grouped(
        "by-kind",
        "Lessons by kind of annotation",
        "Lessons grouped by what their annotations point out. The glossary explains each kind.",
        [
            {"title": kinds[k].label, "id": k, "text": kinds[k].definition, "lessons": by_kind[k]}
            for k in kinds
            if by_kind[k]
        ],
        rows,
    ))
    pages["glossary.md"] = _render("glossary.md.j2", examples=examples, front_matter=_front_matter(title="Glossary of annotation kinds"))
    return pages


def teacher_catalogue(lessons: list[Lesson]) -> dict[str, str]:
    """The teacher editions' catalogue, paged like the student one: ``index.md``, ``index-2.md``, ..."""
    return _paged_list(
        "index",
        "Teacher editions",
        "Each teacher edition has the lesson plan, background, every annotation with its note, the answer key and the downloads (worksheets, keys, LMS exports).",
        lessons,
        _catalogue_rows(lessons, teacher=True),
        teacher=True,
        downloads=KIT_DOWNLOADS,
    )


def assignment_lesson(lesson: Lesson) -> dict:
    """One lesson's data for the assignment builder: each question (core set first) with its minutes,
    skill, whether it is hand-written and in the core set, what a printed page shows of it, and its GIFT
    and Moodle XML fragments (made by the export's serializers, joined in the browser); the article's
    lines and source line for a printed selection. The builder reads a lesson only through this."""
    from closeread.export.selection import fragments

    head, lms = fragments(lesson)
    s = lesson.source
    return {
        "slug": lesson.slug,
        "title": lesson.title,
        "phase": lesson.question_phase,
        "source": " · ".join(x for x in (s.outlet, f"published {s.published.isoformat()}", s.url) if x),
        "lines": [
            # printed for students: no label saying a line is a button or a teaser (questions ask that)
            [line.number, "", " ".join(line.text.split())]
            for line in lesson.article.lines
            if line.text.strip()
        ],
        "lms": head,
        "questions": [
            {
                "id": q.id,
                "type": q.type,
                "label": TYPE_LABELS.get(q.type, q.type),
                "prompt": " ".join(q.prompt.split()),
                "minutes": q.minutes,
                "skill": q.skill.replace("-", " "),
                "written": not q.generated,
                "core": q.core or not lesson.core,
                "options": [o.text for o in q.options],
                "claims": [item.text for item in q.items],
                "lms": lms.get(q.id),
            }
            for q in lesson.ordered_questions
        ],
    }


def _js_string(value) -> str:
    # JSON with every non-ASCII character and "<", ">", "&" escaped: inert in a script file whatever the text
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def assignment_script(lesson: Lesson) -> str:
    """A lesson's data for the assignment builder (``assignment_lesson``) as a small script file beside its
    teacher edition (``teacher/<slug>/assign.js``): the builder loads it with a script element only when
    the teacher picks the lesson, which works from file:// where fetching a JSON file does not."""
    return f"(window.closereadLessons=window.closereadLessons||{{}})[{_js_string(lesson.slug)}]={_js_string(assignment_lesson(lesson))};\n"


def assignment_builder(lessons: list[Lesson]) -> str:
    """The teacher site's assignment builder (docs/teacher/assign.md). The lessons' slugs, titles and
    question counts go into one data attribute as JSON, escaped by the template like any other text; each
    lesson's questions and article are in its own ``assign.js`` (``assignment_script``), loaded when the
    lesson is chosen, so the page stays the same size whatever the kit's. The builder's script makes a
    link to the student site with the assignment in its #fragment, a printed page of the selection, and
    its GIFT and Moodle XML files."""
    from closeread.export.selection import GIFT_HEADER, MOODLE_CLOSE, MOODLE_OPEN

    data = [{"slug": lesson.slug, "title": lesson.title, "count": len(lesson.questions)} for lesson in lessons]
    return _render(
        "assign.md.j2",
        lessons_json=json.dumps(data, ensure_ascii=False, separators=(",", ":")),
        lms_json=json.dumps({"gift": GIFT_HEADER, "open": MOODLE_OPEN, "close": MOODLE_CLOSE}, separators=(",", ":")),
        count=len(lessons),
        front_matter=_front_matter(title="Assignment builder"),
    )


def results_page(lessons: list[Lesson]) -> str:
    """The teacher site's class results page (docs/teacher/results.md): a lesson picker over every
    published lesson; its questions, keys and rubrics come from the lesson's ``results.js`` when chosen.
    The page's script (closeread-results.js) reads the students' hand-in codes in the browser."""
    from closeread.render.handin import results_index

    return _render("results.md.j2", lessons_json=results_index(lessons), count=len(lessons), front_matter=_front_matter(title="Class results", hide=["navigation", "toc"]))  # the class's table needs the page's width


def lesson_pages(lesson: Lesson) -> dict[str, str]:
    """A lesson's student page and teacher edition, and (unless it is a draft) its data for the
    assignment builder, keyed by path under docs/: all made from the lesson alone, so the lesson cache
    keeps them (the builder's data costs about 4 ms a lesson, its LMS fragments most of it)."""
    shared = shared_parts(lesson)
    pages = {
        f"{STUDENT_DIR}/{lesson.slug}/index.md": student_page(lesson, shared),
        f"{TEACHER_DIR}/{lesson.slug}/index.md": teacher_page(lesson, shared),
    }
    if not lesson.draft:
        from closeread.render.handin import RESULTS_DATA, results_script

        pages[f"{TEACHER_DIR}/{lesson.slug}/assign.js"] = assignment_script(lesson)
        pages[f"{TEACHER_DIR}/{lesson.slug}/{RESULTS_DATA}"] = results_script(lesson)
    return pages


def kit_pages(lessons: list[Lesson]) -> dict[str, str]:
    """The pages made from the whole kit, keyed by path under docs/: the student catalogues and glossary,
    the teacher catalogue and the assignment builder."""
    pages: dict[str, str] = {}
    # drafts are for teachers only: not in the student catalogues, glossary or assignments (their
    # pages under docs/lessons/ are left out of the student site's build, see pipeline.publish)
    published = [lesson for lesson in lessons if not lesson.draft]
    for name, text in catalogue_pages(published).items():
        pages[f"{STUDENT_DIR}/{name}"] = text
    for name, text in teacher_catalogue(lessons).items():
        pages[f"{TEACHER_DIR}/{name}"] = text
    pages[f"{TEACHER_DIR}/assign.md"] = assignment_builder(published)
    pages[f"{TEACHER_DIR}/results.md"] = results_page(published)
    return pages


def render_kit(lessons: list[Lesson], cache=None) -> dict[str, str]:
    """Every generated Markdown page, keyed by its path under docs/; with a ``LessonCache``, the pages
    of unchanged lessons come from it and fresh ones are added to it, and the kit's own pages are kept
    whole for an unchanged kit."""
    pages = _kit_pages(lessons, cache)
    for lesson in lessons:
        own = cache.pages(lesson.slug) if cache is not None else None
        if own is None:
            own = lesson_pages(lesson)
            if cache is not None:
                cache.remember(lesson, own)
        pages.update(own)
    return pages


def _kit_pages(lessons: list[Lesson], cache) -> dict[str, str]:
    """``kit_pages``, from the kit cache when no lesson, their order and the code changed: they are made
    from nothing else (half a second of Jinja at 1,000 lessons)."""
    key = cache.kit_key([lesson.slug for lesson in lessons], "pages") if cache is not None else None
    if key is None:
        return kit_pages(lessons)
    from closeread.kitcache import KitCache

    kept = KitCache(cache.root)
    pages = kept.get("pages", key)
    if not isinstance(pages, dict):
        pages = kit_pages(lessons)
        kept.put("pages", key, pages)
    return pages
