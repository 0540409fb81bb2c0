"""``--keep SELECTOR``: lines the author tells the import to keep as article text.

When the import misses a paragraph (a summary box, a quotation set apart) or marks it as furniture,
the author re-imports the page with ``--keep`` and a selector for the element that holds it. Every line
inside a matching element becomes a body line, labelled with the selector, so the lesson says which
lines the author asked for: the text still comes from the saved page, word for word.

Selectors are a small part of CSS: a tag, ``.class``, ``#id`` and ``[attr=value]``, combined
(``div.summary``, ``p#lead``) and separated by spaces for descendants (``article .standfirst p``).
"""

from __future__ import annotations

import re

from lxml import etree

from closeread.errors import ImportFailed

from .dom import Leaf

# A selector an author types is a few steps long; libxml2's XPath engine fails deep in its recursion on
# thousands of steps, and a long selector costs time on every element of the page.
MAX_STEPS = 20
MAX_SELECTOR = 500
_COMPOUND = re.compile(r"^(?P<tag>[a-zA-Z][\w-]*|\*)?(?P<rest>(?:[.#][\w-]+|\[[\w-]+(?:=(?:\"[^\"]*\"|'[^']*'|[^\]]*))?\])*)$")
_PART = re.compile(r"\.([\w-]+)|#([\w-]+)|\[([\w-]+)(?:=(\"[^\"]*\"|'[^']*'|[^\]]*))?\]")


def to_xpath(selector: str) -> str:
    """The XPath of a simple CSS selector; raises ValueError with what is wrong."""
    steps = []
    compounds = selector.split()
    if len(compounds) > MAX_STEPS or len(selector) > MAX_SELECTOR:
        raise ValueError(f"the selector has {len(compounds):,} steps and {len(selector):,} characters; expected at most "
                         f"{MAX_STEPS} steps and {MAX_SELECTOR} characters (the element's own class or id is enough)")
    for compound in compounds:
        m = _COMPOUND.match(compound)
        if not m or (not m.group("tag") and not m.group("rest")):
            raise ValueError(f"'{compound}' is not a selector this import understands; expected a tag, .class, "
                             f"#id or [attribute=value], e.g. div.summary")
        conds = []
        for cls, ident, attr, value in _PART.findall(m.group("rest")):
            if cls:
                conds.append(f"contains(concat(' ', normalize-space(@class), ' '), ' {cls} ')")
            elif ident:
                conds.append(f"@id='{ident}'")
            elif value:
                literal = value if value[:1] in ("'", '"') else repr(value)
                conds.append(f"@{attr}={literal}")
            else:
                conds.append(f"@{attr}")
        steps.append((m.group("tag") or "*") + "".join(f"[{c}]" for c in conds))
    if not steps:
        raise ValueError("the selector is empty; expected e.g. div.summary")
    return "//" + "//".join(steps)


def kept_elements(root, selectors: tuple[str, ...], *, page: str) -> list:
    """Elements matching any selector; ImportFailed when a selector is malformed or matches nothing."""
    found: list = []
    for selector in selectors:
        try:
            xpath = to_xpath(selector)
        except ValueError as exc:
            raise ImportFailed(page, f"--keep {selector}: {exc}") from None
        try:
            matches = root.xpath(xpath)
        except etree.XPathError as exc:  # a limit of the engine's; the checks above keep selectors well within it
            raise ImportFailed(page, f"--keep {selector}: the selector cannot be evaluated ({exc}); expected a "
                                     "shorter selector") from None
        if not matches:
            raise ImportFailed(page, f"--keep {selector}: no element of the page matches; expected a selector "
                                     f"for the element that holds the missing text")
        found.extend((selector, el) for el in matches)
    return found


def kept_leaves(leaves: list[Leaf], kept: list) -> dict[int, str]:
    """Leaf position -> the selector that keeps it."""
    out: dict[int, str] = {}
    for selector, el in kept:
        for leaf in leaves:
            if leaf.el is el or el in leaf.el.iterancestors():
                out.setdefault(leaf.pos, selector)
    return out
