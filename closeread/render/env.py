"""The Jinja2 environment for pages: autoescaping always on, undefined names are errors."""

from __future__ import annotations

import datetime as dt
import re
from functools import cache

import jinja2
from markupsafe import Markup, escape

from closeread.design import design
from closeread.kinds import registry


def paragraphs(text: str) -> Markup:
    """Plain text to escaped <p> elements; a blank line starts a new paragraph."""
    # Escaping the whole text at once gives the same as escaping each paragraph, since escaping neither
    # adds nor removes whitespace, and is several times cheaper than Markup.format per paragraph.
    # str() first: Markup input is escaped again, as the per-paragraph format did.
    escaped = str(escape(str(text.replace("\r", ""))))
    blocks = [" ".join(b.split()) for b in escaped.split("\n\n")]
    return Markup("".join([f"<p>{b}</p>" for b in blocks if b]))


def inline(text: str) -> Markup:
    """Plain text on one line, escaped."""
    return escape(" ".join(str(text).split()))


def long_date(value: dt.date) -> str:
    return f"{value.day} {value.strftime('%B')} {value.year}"


_TITLE_CHARS = str.maketrans({"<": "\u2039", ">": "\u203a", "&": "+", '"': "\u201d", "`": "'"})
_QUOTED = re.compile(r'"([^"]*)"')


def safe_title(text: str) -> str:
    """A title for front matter: MkDocs themes put it into <title> and the nav through `striptags`,
    which unescapes entities, so characters that could form markup are replaced outright (a pair of
    straight double quotes by typographic ones, opening and closing)."""
    return " ".join(_QUOTED.sub("\u201c\\1\u201d", text).translate(_TITLE_CHARS).split())


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("closeread", "templates"),
        autoescape=True,  # every template here writes HTML, whatever its file name
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        # Markdown heading ids are written {#id}; move Jinja comments out of their way
        comment_start_string="{##",
        comment_end_string="##}",
    )
    env.filters.update(paragraphs=paragraphs, inline=inline, long_date=long_date)
    from closeread.render.article import label_of

    env.globals.update(kinds=registry(), label_of=label_of, design=design())
    return env
