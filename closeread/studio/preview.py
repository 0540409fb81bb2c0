"""The lesson's student page, one click from the studio.

The page's Markdown is made by the build's own renderer (``render.pages.student_page``: every text of
the lesson escaped there) and turned into HTML with the Markdown extensions ``mkdocs.yml`` uses; it is
shown with the kit's own stylesheet and script (``docs/stylesheets``, ``docs/javascripts``), without
Material's theme around it. ``python build.py serve`` shows the page in the full site.
"""

from __future__ import annotations

from pathlib import Path

import markdown

from closeread.model import Lesson
from closeread.render.pages import student_page

EXTENSIONS = ["attr_list", "md_in_html", "admonition", "tables", "toc"]
ASSETS = {
    "closeread.css": ("docs/stylesheets/closeread.css", "text/css; charset=utf-8"),
    "closeread.js": ("docs/javascripts/closeread.js", "text/javascript; charset=utf-8"),
    # loaded by closeread.js when the page's summary shows (it writes the summary and the hand-in)
    "closeread-handin.js": ("docs/javascripts/closeread-handin.js", "text/javascript; charset=utf-8"),
}


def body_html(lesson: Lesson) -> str:
    text = student_page(lesson)
    if text.startswith("---\n"):  # front matter: the page's title and tags, read by MkDocs
        end = text.find("\n---\n", 4)
        text = text[end + 5:] if end != -1 else text
    return markdown.markdown(text, extensions=EXTENSIONS)


def asset(root: Path, name: str) -> tuple[bytes, str] | None:
    if name not in ASSETS:
        return None
    rel, ctype = ASSETS[name]
    try:
        return (root / rel).read_bytes(), ctype
    except OSError:
        return None
