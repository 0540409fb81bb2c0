"""The kit's Common Cartridges: one per lesson, one of the whole kit, and the data the assignment builder
makes a selection's cartridge from.

A lesson's module holds, in the order a class uses them: its student page (web content, one
self-contained file, ``webpage``), its period worksheets (PDF, A4 and US Letter, when the build has
them), the article's original address (a web link) and the quiz of its core set (``cc_qti``). Nothing a
teacher alone should see goes in: no key, no teacher edition; the quiz's right answers are in the QTI,
where the LMS keeps them from students.

Under docs/:
  teacher/<slug>/<slug>.imscc      the lesson's cartridge
  teacher/<slug>/cartridge.js      its parts for the assignment builder (loaded when the teacher asks)
  teacher/cartridge-assets.js      the kit's stylesheet and script, which every page holds, for the builder
  teacher/closeread.imscc          every published lesson's module, in the kit's order

The cartridges are made after the PDFs. Each lesson's part and package is kept in the lesson cache
under a stamp of everything that shapes it and that the lesson cache's key does not cover (the PDFs,
the kit's script and stylesheet, SOURCE_DATE_EPOCH); the kit's cartridge in the kit cache.
"""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass
from importlib import metadata, resources
from pathlib import Path

from closeread.export import cartridge as cc
from closeread.export import cc_qti, selection, webpage
from closeread.export.items import Quiz, one_line
from closeread.model import Lesson
from closeread.processes import map_ordered

KIT_FILE = "closeread.imscc"
WORKSHEETS = (("worksheet-a4.pdf", "Worksheet (PDF, A4)"), ("worksheet-letter.pdf", "Worksheet (PDF, US Letter)"))


@dataclass(frozen=True)
class LessonCartridge:
    """A lesson's own files, kept in the lesson cache under "imscc-parts"; its module (``Module``) is kept
    apart, under "imscc-modules", and read only when the kit's cartridge must be made again."""

    stamp: str  # what it was made from, besides the lesson (see ``_stamp``)
    package: bytes  # the lesson's own .imscc
    builder: str  # teacher/<slug>/cartridge.js


@dataclass(frozen=True)
class Module:
    stamp: str
    part: cc.Part  # the lesson's module in any cartridge


def quiz_title(title: str) -> str:
    return f"Quiz: {one_line(title)}"


def lesson_part(lesson: Lesson, quiz: Quiz | None, worksheets: dict[str, bytes]) -> tuple[cc.Part, tuple[str, str, str]]:
    """The lesson's module: page, worksheets present, article link and (when given) the quiz; and the
    page's parts around the kit's stylesheet and script (``webpage.page_parts``)."""
    slug = lesson.slug
    d = f"{slug}/"
    present = frozenset(name for name, _ in WORKSHEETS if name in worksheets)
    from closeread.render.pages import student_page

    parts = webpage.page_parts(student_page(lesson), title=one_line(lesson.title), lang=lesson.language, present=present)
    files: list[tuple[str, bytes]] = [(f"{d}index.html", webpage.assemble(parts, webpage.kit_assets()))]
    res = [cc.Resource(cc.ident(slug, "page"), cc.WEBCONTENT, (f"{d}index.html",), f"{d}index.html")]
    nodes = [cc.Node(cc.ident(slug, "page-item"), f"Read the article and answer: {one_line(lesson.title)}", res[0].identifier)]
    for name, label in WORKSHEETS:
        if name in present:
            files.append((d + name, worksheets[name]))
            r = cc.Resource(cc.ident(slug, name), cc.WEBCONTENT, (d + name,), d + name)
            res.append(r)
            nodes.append(cc.Node(cc.ident(slug, name, "item"), label, r.identifier))
    s = lesson.source
    link_title = one_line(f"The article as published by {s.outlet}")
    files.append((f"{d}article-link.xml", cc.weblink_xml(link_title, s.url)))
    res.append(cc.Resource(cc.ident(slug, "article-link"), cc.WEBLINK, (f"{d}article-link.xml",)))
    nodes.append(cc.Node(cc.ident(slug, "article-link-item"), link_title, res[-1].identifier))
    if quiz is not None and cc_qti.questions(quiz):
        qid = cc.ident(slug, "quiz")
        path = f"{d}quiz/assessment.xml"
        files.append((path, cc_qti.assessment_xml(quiz, ident=qid, title=quiz_title(lesson.title))))
        res.append(cc.Resource(qid, cc.ASSESSMENT, (path,)))
        nodes.append(cc.Node(cc.ident(slug, "quiz-item"), quiz_title(lesson.title), qid))
    return cc.Part(cc.Node(cc.ident(slug, "module"), one_line(lesson.title), None, tuple(nodes)), tuple(res), tuple(files)), parts


def _lesson_cartridge(lesson: Lesson, part: cc.Part) -> cc.Cartridge:
    return cc.Cartridge(cc.ident("lesson", lesson.slug), f"closeread: {one_line(lesson.title)}", lesson.language, (part,))


def _script(name: str, key: str | None, value) -> str:
    # JSON with every non-ASCII character and "<", ">", "&" escaped: inert in a script file whatever the text
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    if key is None:
        return f"window.{name}={text};\n"
    return f"(window.{name}=window.{name}||{{}})[{json.dumps(key)}]={text};\n"


def assets_script() -> str:
    """``teacher/cartridge-assets.js``: the kit's stylesheet and script, which every lesson's page holds,
    once for the builder (each lesson's ``cartridge.js`` has its page without them)."""
    css, js = webpage.kit_assets()
    return _script("closereadCartridgeAssets", None, {"css": css, "js": js})


def builder_script(lesson: Lesson, part: cc.Part, page: tuple[str, str, str]) -> str:
    """``teacher/<slug>/cartridge.js``: the lesson's module without its quiz, its page as the parts around
    the kit's stylesheet and script (``assets_script``), every other file in base64, the frame of a
    selection's assessment and each question's items. The builder adds the selection's quiz and the
    assignment's link and zips it (docs/javascripts/closeread-cartridge.js)."""
    node = part.node

    def tree(n: cc.Node) -> dict:
        return {"id": n.identifier, "title": n.title, "ref": n.resource, "children": [tree(c) for c in n.children]}

    title = quiz_title(lesson.title) + " (selection)"
    head, tail = cc_qti.frame(title)
    # each question's QTI item(s), titled like the builder's other files; here rather than in assign.js
    # (which a teacher loads by picking the lesson), since only a cartridge download needs them
    _, by_question = selection.question_items(lesson)
    items = {qid: "".join(cc_qti.item_xml(i) for i in its if i.type in cc_qti.PROFILES) for qid, its in by_question.items()}
    data = {
        "slug": lesson.slug,
        "title": f"closeread: {one_line(lesson.title)}",
        "lang": lesson.language,
        "module": tree(node),
        "resources": [{"id": r.identifier, "type": r.type, "files": list(r.files), "href": r.href} for r in part.resources],
        "page": {"path": part.files[0][0], "parts": list(page)},
        "files": [[name, base64.b64encode(data).decode("ascii")] for name, data in part.files[1:]],
        "qti": {"head": head, "tail": tail, "token": cc_qti.IDENT_TOKEN, "title": title, "items": {k: v for k, v in items.items() if v}},
    }
    return _script("closereadCartridges", lesson.slug, data)


def _without_quiz(part: cc.Part) -> cc.Part:
    drop = {r.identifier for r in part.resources if r.type == cc.ASSESSMENT}
    return cc.Part(
        cc.Node(part.node.identifier, part.node.title, None, tuple(n for n in part.node.children if n.resource not in drop)),
        tuple(r for r in part.resources if r.identifier not in drop),
        tuple((name, data) for name, data in part.files if not name.endswith("/quiz/assessment.xml")),
    )


def make_lesson(job: tuple[Lesson, Quiz, dict[str, bytes], str, dt.datetime | None]) -> tuple[LessonCartridge, Module]:
    """One lesson's cartridge, builder data and module (in a worker process when there are many)."""
    lesson, quiz, worksheets, stamp, epoch = job
    part, page = lesson_part(lesson, quiz, worksheets)
    package = cc.package(_lesson_cartridge(lesson, part), timestamp=epoch)
    return LessonCartridge(stamp, package, builder_script(lesson, _without_quiz(part), page)), Module(stamp, part)


def _assets_hash() -> str:
    h = hashlib.sha256()
    for path in ("stylesheets/closeread.css", "javascripts/closeread-handin.js", "javascripts/closeread.js"):
        h.update((webpage.ASSETS / path).read_bytes())
    h.update(resources.files("closeread").joinpath("templates/cartridge/page.css").read_bytes())
    h.update(metadata.version("markdown").encode())
    return h.hexdigest()


def _stamp(assets: str, worksheets: dict[str, bytes], epoch: dt.datetime | None) -> str:
    h = hashlib.sha256(assets.encode())
    h.update(str(int(epoch.timestamp())).encode() if epoch else b"-")
    for name, data in sorted(worksheets.items()):
        h.update(name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def cartridge_files(
    lessons: list[Lesson], quizzes, pdfs: dict[str, bytes], *, epoch: dt.datetime | None, cache=None, root: Path | None = None
) -> dict[str, bytes]:
    """Every lesson's cartridge and builder data, and the kit's cartridge (of the published lessons),
    by path under docs/. ``quizzes``: each lesson's core set, as a function of the lesson's index (read
    only for a lesson whose cartridge must be made again); ``pdfs``: the PDFs the build has, by path.
    ``cache`` (the build's ``LessonCache``) and ``root``: keep the cartridges for the next build."""
    from closeread.export import TEACHER
    from closeread.kitcache import KitCache
    from closeread.render.pages import STUDENT_DIR as STUDENT

    assets = _assets_hash()
    sheets = [
        {name: pdfs[f"{STUDENT}/{lesson.slug}/{name}"] for name, _ in WORKSHEETS if f"{STUDENT}/{lesson.slug}/{name}" in pdfs}
        for lesson in lessons
    ]
    stamps = [_stamp(assets, s, epoch) for s in sheets]
    made: list[LessonCartridge | None] = [cache.part(lesson.slug, "imscc-parts") if cache is not None else None for lesson in lessons]
    modules: dict[int, Module] = {}
    missing = [i for i, m in enumerate(made) if not (isinstance(m, LessonCartridge) and m.stamp == stamps[i])]
    # a page costs about 0.2 s (Python-Markdown's HTML parsing, as in MkDocs): spread over the cores
    jobs = [(lessons[i], quizzes(i), sheets[i], stamps[i], epoch) for i in missing]
    for i, (own, module) in zip(missing, map_ordered(make_lesson, jobs)):
        made[i], modules[i] = own, module
        if cache is not None:
            cache.keep_part(lessons[i].slug, "imscc-parts", own)
            cache.keep_part(lessons[i].slug, "imscc-modules", module)
    files: dict[str, bytes] = {}
    for lesson, own in zip(lessons, made):
        files[f"{TEACHER}/{lesson.slug}/{lesson.slug}.imscc"] = own.package
        if not lesson.draft:
            files[f"{TEACHER}/{lesson.slug}/cartridge.js"] = own.builder.encode("utf-8")
    if any(not lesson.draft for lesson in lessons):
        files[f"{TEACHER}/cartridge-assets.js"] = assets_script().encode("utf-8")
    kit = [i for i, lesson in enumerate(lessons) if not lesson.draft]
    if kit:
        kc = KitCache(root) if cache is not None and root is not None else None
        key = cache.kit_key([lesson.slug for lesson in lessons], "cartridge", *(stamps[i] for i in kit)) if kc is not None else None
        package = kc.get("cartridge", key) if key is not None else None
        if not isinstance(package, bytes):
            parts = []
            for i in kit:
                module = modules.get(i) or (cache.part(lessons[i].slug, "imscc-modules") if cache is not None else None)
                if not (isinstance(module, Module) and module.stamp == stamps[i]):
                    module = make_lesson((lessons[i], quizzes(i), sheets[i], stamps[i], epoch))[1]
                parts.append(module.part)
            langs = {lessons[i].language for i in kit}
            whole = cc.Cartridge(
                cc.ident("kit", *(lessons[i].slug for i in kit)), "closeread: every lesson", langs.pop() if len(langs) == 1 else "en", tuple(parts)
            )
            package = cc.package(whole, timestamp=epoch)
            if key is not None:
                kc.put("cartridge", key, package)
        files[f"{TEACHER}/{KIT_FILE}"] = package
    return files
