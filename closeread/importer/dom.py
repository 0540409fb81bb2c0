"""The page's DOM read as lines ("leaves"): visible text, hidden parts skipped, and DOM helpers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from lxml import etree
import lxml.html

from .page import _key, clean


_BLOCK_TAGS = {
    "address", "article", "aside", "blockquote", "body", "caption", "dd", "details", "dialog", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hgroup", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody",
    "td", "tfoot", "th", "thead", "tr", "ul", "menu", "center", "iframe", "video", "audio", "picture",
}


_DROP_TAGS = {"script", "style", "noscript", "template", "svg", "math", "head", "title", "meta", "link",
              "iframe", "object", "embed", "canvas", "select", "option", "textarea", "input"}


_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.I)


# Class names (whole tokens) that hide an element; "field-label-hidden" and the like hide something else.
_HIDDEN_CLASS = re.compile(r"(is-|u-|d-)?(hidden|hide|visually-?hidden|sr-only|screen-?reader(-text|-only)?|"
                           r"offscreen|a11y-hidden|element-invisible|invisible)", re.I)


def _attrs(el) -> str:
    return f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')} {el.get('rel', '')} " \
           f"{el.get('data-testid', '')} {el.get('role', '')}".lower()


def _hidden(el) -> bool:
    if el.get("hidden") is not None or el.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(el.get("style", "")):
        return True
    return any(_HIDDEN_CLASS.fullmatch(token) for token in (el.get("class") or "").split())


@dataclass
class Leaf:
    """A visible element holding text and no block-level children: one line of the page."""

    pos: int
    el: object
    text: str
    key: str
    link_ratio: float


class ParserLimit(Exception):
    """libxml2 stopped reading the page at one of its limits (elements nested 256 deep): what it built
    holds the page up to that point only, and an import from it would silently lose the rest."""

    def __init__(self, line: int, what: str):
        super().__init__(what)
        self.line = line
        self.what = what


def _parse(text: str):
    """The page's tree; None if it cannot be parsed; ParserLimit if the parser cut it short."""
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    parser = lxml.html.HTMLParser()
    try:
        root = lxml.html.document_fromstring(text, parser=parser)
    except (etree.ParserError, ValueError):
        return None
    for entry in parser.error_log:
        if entry.type_name == "ERR_RESOURCE_LIMIT":
            raise ParserLimit(entry.line, entry.message)
    return root


def _leaves(root) -> list[Leaf]:
    leaves: list[Leaf] = []

    def has_block_child(el) -> bool:
        for d in el.iterdescendants():
            if isinstance(d.tag, str) and d.tag in _BLOCK_TAGS:
                return True
        return False

    def visit(el) -> None:
        # ``el`` has block-level descendants: its own text, its inline children and the text between its
        # children are lines of their own.
        if clean(el.text):
            _add(el, clean(el.text), 0.0)
        for child in el:
            if isinstance(child.tag, str) and child.tag not in _DROP_TAGS and not _hidden(child):
                if has_block_child(child):
                    visit(child)
                else:
                    text = clean(_text(child))
                    if text:
                        links = sum(len(clean(_text(a))) for a in child.iter("a"))
                        _add(child, text, min(1.0, links / max(1, len(text))))
            if clean(child.tail):
                _add(el, clean(child.tail), 0.0)

    def _add(el, text: str, link_ratio: float) -> None:
        leaves.append(Leaf(len(leaves), el, text, _key(text), link_ratio))

    visit(root)
    return leaves


def _text(el) -> str:
    """Visible text of an element: skips scripts, hidden parts; <br> counts as a space."""
    parts: list[str] = []

    def walk(e) -> None:
        if e.text and not (isinstance(e.tag, str) and e.tag in _DROP_TAGS):
            parts.append(e.text)
        for c in e:
            if isinstance(c.tag, str) and c.tag not in _DROP_TAGS and not _hidden(c):
                if c.tag == "br" or _divider(c):
                    parts.append(" ")
                elif parts and (_JOINED.search(parts[-1]) and _STARTS_WORD.match(_first_text(c))
                                or _CAPS_END.search(parts[-1]) and _CAPITALISED.match(_first_text(c))):
                    # "<span>Trends:</span><a>Evo</a>", "<span>By JO DOE</span><span>Associated Press</span>":
                    # separate items, not one word
                    parts.append(" ")
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return "".join(parts)


# where two inline elements meet without a space but are separate items: after a colon, a bullet or a
# pipe, or a word ending before a capital ("Evo Morales" + "Harbour"); never inside a word ("<b>B</b>oston")
_JOINED = re.compile(r"(?:[:;|•·.!?]|[a-z0-9)\]])$")
_STARTS_WORD = re.compile(r"[A-Z]")
# a name in capitals ("ILIC") against a capitalised word ("Associated"): two items
_CAPS_END = re.compile(r"\b[A-Z]{2,}$")
_CAPITALISED = re.compile(r"[A-Z][a-z]")


_DIVIDER = re.compile(r"divider|separator|spacer|delimiter", re.I)


def _divider(el) -> bool:
    """An empty element a stylesheet draws as a divider ("2019<span class=datetimeDivider></span>4:29 AM"):
    on the page it stands between two items, so the text gets a space where it was."""
    return not "".join(el.itertext()).strip() and bool(_DIVIDER.search(f"{el.get('class', '')} {el.get('id', '')}"))


def _first_text(el) -> str:
    for t in el.itertext():
        if t.strip():
            return t.lstrip()
    return ""


def _ancestors(el) -> list:
    out = []
    while el is not None:
        out.append(el)
        el = el.getparent()
    return out


def _signature(el) -> tuple | None:
    cls = clean(el.get("class"))
    return (el.tag, cls) if cls else None


def _inside(el, pattern: re.Pattern, depth: int = 6) -> bool:
    for a in _ancestors(el)[:depth]:
        if pattern.search(_attrs(a)) or (isinstance(a.tag, str) and pattern.search(a.tag)):
            return True
    return False


def _header_of(el):
    for a in _ancestors(el)[1:5]:
        if a.tag == "header" or re.search(r"head", a.get("class", "") or "", re.I):
            return a
    return el.getparent()


def _common_ancestor(els: list):
    if not els:
        return None
    common = _ancestors(els[0])
    for el in els[1:]:
        anc = set(map(id, _ancestors(el)))
        common = [a for a in common if id(a) in anc]
    return common[0] if common else None
