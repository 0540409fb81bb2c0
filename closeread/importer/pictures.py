"""Captions and credits that a page holds only in its pictures' ``alt`` and ``title`` attributes.

A photo's caption is often in a ``figcaption`` (the classifier finds those as lines); some pages put
it only in the image's ``alt`` text or ``title``. For each picture inside the article's region whose
figure has no visible caption, the ``alt`` text becomes a caption line and a ``title`` that reads like
a credit ("Photo: ...", "©", an agency) a credit line, placed where the picture is.
"""

from __future__ import annotations

import re

from .classify import _AGENCY, _CAPTION_ATTR, _CREDIT_TEXT
from .dom import Leaf, _hidden, _inside
from .page import Block, _key, clean

# alt texts that name the file or say nothing about the picture
_NOT_A_CAPTION = re.compile(r"^(image|photo|picture|img|logo|icon|avatar|thumbnail|placeholder|advertisement|"
                            r"spacer|banner)\b|\.(jpe?g|png|gif|webp|svg)$", re.I)


def _has_visible_caption(img) -> bool:
    figure = next((a for a in img.iterancestors() if a.tag == "figure"), None)
    scope = figure if figure is not None else img.getparent()
    if scope is None:
        return False
    for el in scope.iter():
        if isinstance(el.tag, str) and (el.tag == "figcaption" or _CAPTION_ATTR.search(el.get("class", "") or "")) \
                and clean(el.text_content()):
            return True
    return False


def picture_blocks(root, leaves: list[Leaf], *, start: int, end: int, known: set[str]) -> list[tuple[float, Block]]:
    """(position, Block) for the captions and credits of pictures between leaves ``start`` and ``end``.
    ``known``: keys of lines the import already has (a caption repeated as alt text is not added twice)."""
    pos_of: dict[object, int] = {}
    for leaf in leaves:
        pos_of.setdefault(leaf.el, leaf.pos)
    out: list[tuple[float, Block]] = []
    last = -1
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        if el in pos_of:
            last = pos_of[el]
            continue
        if el.tag != "img" or not (start <= last + 0.5 <= end) or _hidden(el) \
                or any(_hidden(a) for a in el.iterancestors()) or _inside(el, re.compile(r"logo|avatar|icon|ad-", re.I), 4):
            continue
        if _has_visible_caption(el):
            continue
        alt, title = clean(el.get("alt")), clean(el.get("title"))
        at = last + 0.5
        if title and (_CREDIT_TEXT.search(title) or _AGENCY.search(title)) and len(title.split()) <= 15:
            credit, title = title, ""
        else:
            credit = ""
        caption = alt if len(alt.split()) >= 3 and not _NOT_A_CAPTION.search(alt) else ""
        if not caption and len(title.split()) >= 3:
            caption = title
        if caption and _key(caption) not in known:
            known.add(_key(caption))
            out.append((at, Block("caption", caption, "Photo caption (from the picture's alt text)"
                                  if caption == alt else "Photo caption (from the picture's title)")))
        if credit and _key(credit) not in known:
            known.add(_key(credit))
            out.append((at + 0.0001, Block("credit", credit, "Photo credit (from the picture's title)")))
    return out
