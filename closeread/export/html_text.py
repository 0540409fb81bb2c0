"""Plain text as small HTML fragments for LMS question text, built with lxml (never by pasting strings).

LMS formats carry question text as HTML inside XML (QTI ``mattext``, Moodle ``text``) or inside GIFT's
``[html]`` format; lesson text is plain text, so every character of it must show as written.
"""

from __future__ import annotations

from lxml import html
from lxml.html import builder as E

from closeread.export.items import Quiz, clean


def _tostring(elements) -> str:
    return "".join(html.tostring(e, encoding="unicode") for e in elements)


def inline(text: str) -> str:
    """One line of text, escaped for HTML (for answers and feedback, which LMSs show inline)."""
    return html.tostring(E.SPAN(" ".join(clean(text).split())), encoding="unicode")[len("<span>") : -len("</span>")]


def paragraphs(text: str) -> str:
    """``<p>`` elements, one per paragraph (a blank line starts a new one)."""
    blocks = [" ".join(b.split()) for b in clean(text).split("\n\n")]
    return _tostring(E.P(b) for b in blocks if b)


def article(quiz: Quiz, intro: str) -> str:
    """The intro, the source line and the article's numbered lines."""
    parts = [E.P(" ".join(intro.split())), E.P(E.EM(quiz.source))]
    for line in quiz.lines:
        p = E.P(E.STRONG(str(line.number)), "\u2003")
        if line.label:
            p.append(E.EM(f"[{line.label}]"))
            p[-1].tail = " " + line.text
        else:
            p[-1].tail = "\u2003" + line.text
        parts.append(p)
    return _tostring(parts)
