"""Common Cartridge 1.1: every shipped lesson's .imscc and the kit's, read back by two readers (lxml with the
importers' packaging rules, and Python's zipfile with expat), their quizzes against the lesson's core set,
their web content free of the teacher's key and of anything fetched from elsewhere."""

from __future__ import annotations

import re

import pytest
from lxml import etree, html

from closeread.export import cartridge as cc
from closeread.export.items import quiz_for
from tests.conftest import REPO, make_kit
from tests.export.cartridge_reader import ASSESSMENT, WEBLINK, read_lxml, read_stdlib
from tests.export.conftest import need, run_export

PROFILE_OF = {"single": "cc.multiple_choice.v0p1", "multiple": "cc.multiple_response.v0p1", "essay": "cc.essay.v0p1"}


@pytest.fixture(scope="module")
def shipped(tmp_path_factory):
    """The shipped lessons exported with their PDFs."""
    need("fc-list", "fontconfig")
    return run_export(make_kit(tmp_path_factory.mktemp("cartridge") / "kit", REPO / "lessons"))


def _squash(text: str) -> str:
    return "".join(text.split())


def _words(text: str) -> str:
    return " ".join(text.split())


def _module(lesson) -> list[tuple[str, str]]:
    title = _words(lesson.title)
    return [
        (f"Read the article and answer: {title}", "webcontent"),
        ("Worksheet (PDF, A4)", "webcontent"),
        ("Worksheet (PDF, US Letter)", "webcontent"),
        (_words(f"The article as published by {lesson.source.outlet}"), WEBLINK),
        (f"Quiz: {title}", ASSESSMENT),
    ]


def check_lesson_module(s, lesson, files: dict[str, bytes]) -> None:
    """One lesson's module in a cartridge read by ``read_lxml``: its parts, quiz, link and page."""
    slug = lesson.slug
    # the quiz is the core set, question for question, each with its profile and right answers
    quiz = quiz_for(lesson)
    items = s.quizzes[f"{slug}/quiz/assessment.xml"]
    assert [i["profile"] for i in items] == [PROFILE_OF[i.type] for i in quiz.questions]
    assert [_squash(i["prompt"]) for i in items] == [_squash(i.prompt) for i in quiz.questions]
    assert [i["weight"] for i in items] == [str(i.points) for i in quiz.questions]
    for got, want in zip(items, quiz.questions):
        assert got["correct"] == sorted(_words(c.text) for c in want.correct), want.id
    assert s.links[f"{slug}/article-link.xml"] == lesson.source.url
    for name in ("worksheet-a4.pdf", "worksheet-letter.pdf"):
        assert s.files[f"{slug}/{name}"] == files[f"lessons/{slug}/{name}"]
    check_page(s.files[f"{slug}/index.html"], lesson, s.files, slug)


def check_page(raw: bytes, lesson, in_zip: dict[str, bytes], folder: str) -> None:
    """The lesson's page: self-contained (no file fetched from anywhere), every link inside the page, the
    package or the web, the core questions there and none of the teacher's key."""
    doc = html.fromstring(raw)
    assert not doc.xpath("//*[@src]") and not doc.xpath("//link"), "the page loads a file"
    scripts = doc.xpath("//script")
    assert len(scripts) == 1 and "localStorage" in scripts[0].text, "the kit's script, inside the page, and no other"
    for a in doc.xpath("//a[@href]"):
        href = a.get("href")
        assert href.startswith(("#", "http://", "https://")) or f"{folder}/{href}" in in_zip, href
        assert not href.lower().startswith("javascript:")
    assert not [el for el in doc.iter() if isinstance(el.tag, str) and any(k.lower().startswith("on") for k in el.attrib)]
    shown = html.fromstring(raw)
    etree.strip_elements(shown, "script", "style", with_tail=False)
    text = _words(shown.text_content())
    for q in lesson.core_questions:
        assert _words(q.prompt) in text, q.id
    # the key stays out: no model answer, explanation, teacher's guidance, choice feedback or teacher's note
    # in plain text (a generated question's explanation is its annotation's note, which students read on
    # the student site's page too, once they have answered: that one may be there)
    notes = {_words(a.note) for a in lesson.published_annotations}
    secrets = [q.model_answer for q in lesson.questions] + [q.explanation for q in lesson.questions]
    secrets += [getattr(q, "guidance", "") for q in lesson.questions] + [a.teacher_note for a in lesson.annotations]
    secrets += [o.feedback for q in lesson.questions for o in q.options]
    for secret in secrets:
        if secret and len(_words(secret)) > 30 and _words(secret) not in notes:
            assert _words(secret) not in text, f"key text in the student's page: {secret[:60]!r}"
    markup = html.tostring(shown)  # without the kit's script, which names what it shows once answered
    for marker in (b"cr-model-answer", b"Guidance for the teacher", b"cr-correct", b"Model answer:"):
        assert marker not in markup
    assert not [n for n in in_zip if re.search(r"(^|/)key|teacher", n)], "a teacher's file in the package"


def test_every_shipped_lesson_has_a_cartridge_that_follows_the_rules(shipped):
    lessons = [lesson for lesson in shipped.lessons if not lesson.draft]
    assert len(lessons) == 4
    for lesson in lessons:
        data = shipped.files[f"teacher/{lesson.slug}/{lesson.slug}.imscc"]
        s = read_lxml(data)
        assert s.title == f"closeread: {_words(lesson.title)}"
        assert s.modules == [(_words(lesson.title), _module(lesson))]
        check_lesson_module(s, lesson, shipped.files)
        other = read_stdlib(data)
        assert other["files"] == sorted(s.files)
        assert {k: (v[0], v[1], tuple(v[2])) for k, v in other["resources"].items()} == s.resources
        assert other["profiles"] == {f: [i["profile"] for i in items] for f, items in s.quizzes.items()}


def test_the_kit_cartridge_holds_every_lesson_in_order(shipped):
    data = shipped.files["teacher/closeread.imscc"]
    s = read_lxml(data)
    lessons = [lesson for lesson in shipped.lessons if not lesson.draft]
    assert s.modules == [(_words(lesson.title), _module(lesson)) for lesson in lessons]
    for lesson in lessons:
        check_lesson_module(s, lesson, shipped.files)
    other = read_stdlib(data)
    assert other["files"] == sorted(s.files) and len(other["order"]) == 5 * len(lessons)
    # the lesson's own cartridge and the kit's hold the same bytes for the lesson's files
    for lesson in lessons:
        own = read_lxml(shipped.files[f"teacher/{lesson.slug}/{lesson.slug}.imscc"])
        assert {n: d for n, d in s.files.items() if n.startswith(lesson.slug + "/")} == {n: d for n, d in own.files.items() if n != "imsmanifest.xml"}


def test_teacher_edition_and_kit_downloads_link_the_cartridges(shipped):
    from closeread.render.pages import KIT_DOWNLOADS, downloads_for

    for lesson in shipped.lessons:
        hrefs = [d["href"] for d in downloads_for(lesson)]
        assert f"{lesson.slug}.imscc" in hrefs and f"teacher/{lesson.slug}/{lesson.slug}.imscc" in shipped.files
    assert "closeread.imscc" in [d["href"] for d in KIT_DOWNLOADS]


def test_hostile_text_stays_inert_in_the_cartridge(hostile):
    lesson = hostile.lessons[0]
    s = read_lxml(hostile.files[f"teacher/{lesson.slug}/{lesson.slug}.imscc"])
    check_lesson_module(s, lesson, hostile.files)
    assert read_stdlib(hostile.files[f"teacher/{lesson.slug}/{lesson.slug}.imscc"])["profiles"]


def test_cartridges_are_byte_identical_from_one_build_to_the_next(tmp_path):
    first = run_export(make_kit(tmp_path / "a"), pdf=False)
    second = run_export(make_kit(tmp_path / "b"), pdf=False)
    names = [n for n in first.files if n.endswith((".imscc", "cartridge.js"))]
    assert len(names) == 3
    for name in names:
        assert first.files[name] == second.files[name], name
    # the builder's data holds the kit's script and stylesheet once, not in every lesson's file
    assert b"localStorage" in first.files["teacher/cartridge-assets.js"]
    assert b"localStorage" not in first.files["teacher/tiny-harbour/cartridge.js"]
    # without PDFs the page keeps its words but links to no worksheet
    s = read_lxml(first.files["teacher/closeread.imscc"])
    page = s.files["tiny-harbour/index.html"]
    assert b'href="worksheet-a4.pdf"' not in page and b"Printable worksheet (PDF, A4)" in page


def test_a_cartridge_that_breaks_a_rule_is_refused():
    page = cc.Resource("cr_p", cc.WEBCONTENT, ("l/index.html",), "l/index.html")
    node = cc.Node("cr_m", "Lesson", None, (cc.Node("cr_i", "Page", "cr_p"),))

    def cart(resources, files, n=node):
        return cc.Cartridge("cr_c", "t", "en", (cc.Part(n, tuple(resources), tuple(files)),))

    cart([page], [("l/index.html", b"x")]).check()
    bad = {
        "not in the package": cart([page], []),
        "one file and no href": cart([page, cc.Resource("cr_w", cc.WEBLINK, ("l/w.xml",), "l/w.xml")], [("l/index.html", b"x"), ("l/w.xml", b"x")]),
        "is not plain": cart([cc.Resource("cr_p", cc.WEBCONTENT, ("l/a b.html",), "l/a b.html")], [("l/a b.html", b"x")]),
        "twice": cart([page], [("l/index.html", b"x"), ("l/index.html", b"y")]),
        "points at no resource": cart([page], [("l/index.html", b"x")], cc.Node("cr_m", "L", None, (cc.Node("cr_i", "P", "cr_gone"),))),
    }
    for words, c in bad.items():
        with pytest.raises(ValueError, match=words):
            cc.manifest_xml(c)


def test_an_unchanged_lesson_takes_its_cartridges_from_the_caches(kit):
    """The second build makes no cartridge (its lesson's quiz is not even read); a new worksheet makes the
    lesson's and the kit's again, with the worksheet in them."""
    from pathlib import Path

    from closeread.cache import LessonCache
    from closeread.export.cartridges import cartridge_files
    from closeread.render.pages import lesson_pages
    from closeread.validate.kit import load_kit

    def build(pdfs, quizzes):
        cache = LessonCache(kit)
        lessons = load_kit(root=kit, cache=cache, pages_for=lesson_pages)
        return cartridge_files(lessons, quizzes, pdfs, epoch=None, cache=cache, root=kit)

    asked: list[int] = []

    def quizzes(i):
        asked.append(i)
        return quiz_for(load_kit(root=kit)[i])

    first = build({}, quizzes)
    assert asked == [0]
    assert build({}, lambda i: pytest.fail("an unchanged lesson's cartridge was made again")) == first
    sheet = {"lessons/tiny-harbour/worksheet-a4.pdf": b"%PDF-1.7 a worksheet"}
    again = build(sheet, quizzes)
    assert asked == [0, 0]
    for name in ("teacher/tiny-harbour/tiny-harbour.imscc", "teacher/closeread.imscc"):
        assert read_lxml(again[name]).files["tiny-harbour/worksheet-a4.pdf"] == b"%PDF-1.7 a worksheet"
    assert (Path(kit) / ".closeread-cache").is_dir()


def test_a_draft_has_its_own_cartridge_but_stays_out_of_the_kit_and_the_builder(kit, tmp_path):
    import shutil

    lessons = kit / "lessons"
    shutil.copytree(lessons / "tiny-harbour", lessons / "tiny-harbour-draft")
    path = lessons / "tiny-harbour-draft" / "lesson.yaml"
    path.write_text("draft: true\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    files = run_export(kit, pdf=False).files
    assert read_lxml(files["teacher/tiny-harbour-draft/tiny-harbour-draft.imscc"]).modules
    assert "teacher/tiny-harbour-draft/cartridge.js" not in files and "teacher/tiny-harbour/cartridge.js" in files
    kit_files = read_lxml(files["teacher/closeread.imscc"]).files
    assert any(n.startswith("tiny-harbour/") for n in kit_files)
    assert not any(n.startswith("tiny-harbour-draft/") for n in kit_files)
