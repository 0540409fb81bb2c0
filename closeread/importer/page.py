"""What an import produces: blocks of text with their role, and the page's metadata.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Iterator

from closeread.load.chars import BAD, close_bidi


ROLES = ("headline", "standfirst", "subheading", "body", "caption", "credit", "furniture")


@dataclass(frozen=True)
class Block:
    role: str
    text: str
    label: str = ""


@dataclass(frozen=True)
class PageMeta:
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None
    url: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class ExtractedPage:
    blocks: tuple[Block, ...]
    meta: PageMeta

    @property
    def headline(self) -> str | None:
        return next((b.text for b in self.blocks if b.role == "headline"), None)

    def body_text(self) -> str:
        """Body and subheadings, as an article-body field would hold them, with the posts embedded in the body
        (marked as furniture so that nothing takes them for the outlet's voice, but the article shows them)."""
        return "\n\n".join(b.text for b in self.blocks
                             if b.role in ("body", "subheading") or b.label == EMBEDDED_POST)


# the label of a post embedded from a social network (classify.py, assemble.py)
EMBEDDED_POST = "Embedded post"

_WS = re.compile(r"\s+")


_WORD = re.compile(r"\w+")


def clean(text: str | None) -> str:
    """Collapse white space (including no-break and zero-width spaces) and drop the characters no lesson
    text may hold (control characters, noncharacters, bidi overrides left open: see
    closeread.load.chars); nothing else changes."""
    if not text:
        return ""
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    text = BAD.sub(_space_or_nothing, text)
    return close_bidi(_WS.sub(" ", text).strip())


def _space_or_nothing(match: re.Match) -> str:
    return " " if match.group().isspace() else ""


def _key(text: str) -> str:
    """A matching key that ignores everything but word characters and letter case."""
    return "".join(_WORD.findall(text.lower()))


def iter_body(blocks: Iterable[Block]) -> Iterator[Block]:
    return (b for b in blocks if b.role in ("body", "subheading"))
