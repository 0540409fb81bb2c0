"""GIFT, Moodle's text format for questions: one category per lesson, the article as a description.

Every text is HTML (``[html]``, built by ``html_text`` so lesson text shows as written), on one line,
with GIFT's special characters ~ = # { } : and the backslash itself escaped by a backslash.

Moodle reads an answer that starts with ``%NN%`` as its weight and one that starts with ``[markdown]``
(or any ``[format]``) as its format, and neither can be escaped. So every answer and every feedback
starts with ``[html]`` of our own: what follows it is text, whatever a lesson's option says. The
``$CATEGORY`` line is read before Moodle turns escapes back into characters, so a name there is
written with only its backslashes doubled (``\\`` is the one escape Moodle undoes at that point).
"""

from __future__ import annotations

from closeread.export import html_text
from closeread.export.grades import fractions
from closeread.export.items import Item, Quiz, one_line
from closeread.export.moodle import category_path

_SPECIAL = str.maketrans({c: "\\" + c for c in "\\~=#{}:"})
HEADER = "// closeread: questions for Moodle (GIFT format). Import into a question bank."


def escape(text: str) -> str:
    """Text for GIFT: one line, every special character escaped."""
    return one_line(text).translate(_SPECIAL)


def _html(fragment: str) -> str:
    return "[html]" + escape(fragment)


def _question(quiz: Quiz, item: Item) -> str:
    title = f"::{escape(quiz.title + ': ' + item.title)}::"
    if item.type == "text":
        return title + _html(html_text.article(quiz, item.prompt))
    text = title + _html(html_text.paragraphs(item.prompt))
    if item.type == "essay":
        # GIFT has no field for grader notes (the Moodle XML file carries the model answer); the rubric
        # travels as the essay's general feedback
        if item.feedback:
            return text + "{####" + _html(html_text.paragraphs(item.feedback)) + "}"
        return text + "{}"
    lines = [text + "{"]
    for choice, fraction in zip(item.choices, fractions(item)):
        if item.type == "single":
            mark = "=" if choice.correct else "~"
        else:
            mark = f"~%{fraction}%"
        fb = f"#{_html(html_text.inline(choice.feedback))}" if choice.feedback else ""
        lines.append(f"\t{mark}{_html(html_text.inline(choice.text))}{fb}")
    if item.feedback:
        lines.append(f"\t####{escape(html_text.paragraphs(item.feedback))}")
    lines.append("}")
    return "\n".join(lines)


def quiz_text(quiz: Quiz, *, category: tuple[str, ...] = ("closeread",)) -> str:
    """One quiz's category line and questions (a block of a GIFT file)."""
    path = category_path(*category, one_line(quiz.title))
    blocks = [f"$CATEGORY: {path.replace(chr(92), chr(92) * 2)}"]
    blocks.extend(_question(quiz, item) for item in quiz.items)
    return "\n\n".join(blocks)


def gift_file(parts: list[str]) -> str:
    """A GIFT file of quizzes already made into text by ``quiz_text``."""
    return "\n\n".join([HEADER, *parts]) + "\n"


def gift_text(quizzes: list[Quiz], *, category: tuple[str, ...] = ("closeread",)) -> str:
    return gift_file([quiz_text(quiz, category=category) for quiz in quizzes])
