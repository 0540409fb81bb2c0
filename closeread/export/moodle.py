"""Moodle XML: one category per lesson, the article as a description, multichoice and essay questions.

Written with lxml: every text is a text node (lxml escapes it), holding HTML built by ``html_text``.
"""

from __future__ import annotations

import hashlib

from lxml import etree

from closeread.export import html_text
from closeread.export.grades import fractions
from closeread.export.items import Quiz

_IDNUMBER_MAX = 100  # Moodle's column width


def _sub(parent, tag: str, text: str | None = None, **attrib) -> etree._Element:
    el = etree.SubElement(parent, tag, attrib)
    if text is not None:
        el.text = text
    return el


def _text(parent, tag: str, html: str, **attrib) -> None:
    _sub(_sub(parent, tag, format="html", **attrib), "text", html)


def category_path(*names: str) -> str:
    """A category path under the course's top category; '/' inside a name is written '//'."""
    return "/".join(["$course$", "top", *(n.replace("/", "//") for n in names)])


def idnumber(item_id: str) -> str:
    if len(item_id) <= _IDNUMBER_MAX:
        return item_id
    return item_id[: _IDNUMBER_MAX - 17] + "-" + hashlib.sha256(item_id.encode()).hexdigest()[:16]


def _question(quiz_el, kind: str, name: str, text_html: str, general: str, ident: str, grade: str) -> etree._Element:
    q = _sub(quiz_el, "question", type=kind)
    _sub(_sub(q, "name"), "text", name)
    _text(q, "questiontext", text_html)
    _text(q, "generalfeedback", general)
    _sub(q, "defaultgrade", grade)
    _sub(q, "penalty", "0.3333333" if kind == "multichoice" else "0")
    _sub(q, "hidden", "0")
    _sub(q, "idnumber", idnumber(ident))
    return q


def add_quiz(root: etree._Element, quiz: Quiz, category: tuple[str, ...]) -> None:
    cat = _sub(root, "question", type="category")
    _sub(_sub(cat, "category"), "text", category_path(*category))
    _text(cat, "info", html_text.paragraphs(quiz.description))
    for item in quiz.items:
        if item.type == "text":
            _question(root, "description", f"{quiz.title}: the article", html_text.article(quiz, item.prompt), "", item.id, "0")
        elif item.type in ("single", "multiple"):
            q = _question(
                root, "multichoice", f"{quiz.title}: {item.title}", html_text.paragraphs(item.prompt),
                html_text.paragraphs(item.feedback), item.id, str(item.points),
            )
            _sub(q, "single", "true" if item.type == "single" else "false")
            _sub(q, "shuffleanswers", "true")
            _sub(q, "answernumbering", "abc")
            _sub(q, "showstandardinstruction", "1")
            _text(q, "correctfeedback", html_text.paragraphs("Your answer is correct."))
            _text(q, "partiallycorrectfeedback", html_text.paragraphs("Your answer is partially correct."))
            _text(q, "incorrectfeedback", html_text.paragraphs("Your answer is incorrect."))
            _sub(q, "shownumcorrect")
            for choice, fraction in zip(item.choices, fractions(item)):
                a = _sub(q, "answer", fraction=fraction, format="html")
                _sub(a, "text", html_text.inline(choice.text))
                _text(a, "feedback", html_text.inline(choice.feedback))
        elif item.type == "essay":
            # the rubric (what each level does, its points) as general feedback: shown once the attempt is
            # over; the model answer and the rubric for the grader in graderinfo
            general = html_text.paragraphs(item.feedback) if item.feedback else ""
            q = _question(root, "essay", f"{quiz.title}: {item.title}", html_text.paragraphs(item.prompt), general, item.id, str(item.points))
            _sub(q, "responseformat", "editor")
            _sub(q, "responserequired", "1")
            _sub(q, "responsefieldlines", "8")
            _sub(q, "attachments", "0")
            _sub(q, "attachmentsrequired", "0")
            _text(q, "graderinfo", html_text.paragraphs(item.grader_info))
            _text(q, "responsetemplate", "")
        else:  # pragma: no cover - items.py makes no other type
            raise ValueError(f"unknown item type {item.type!r}")


def quiz_questions(quiz: Quiz, *, category: tuple[str, ...] = ("closeread",)) -> list[etree._Element]:
    """One quiz's category and questions, as elements to put into a question bank file."""
    holder = etree.Element("quiz")
    add_quiz(holder, quiz, (*category, quiz.title))
    return list(holder)


def bank(parts: list[list[etree._Element]]) -> bytes:
    """A Moodle question bank file of quizzes made into elements by ``quiz_questions`` (the elements move
    into the file: pass copies to use them again)."""
    root = etree.Element("quiz")
    for part in parts:
        root.extend(part)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def moodle_xml(quizzes: list[Quiz], *, category: tuple[str, ...] = ("closeread",)) -> bytes:
    """A Moodle question bank file: each quiz in its own category below ``category``."""
    return bank([quiz_questions(quiz, category=category) for quiz in quizzes])
