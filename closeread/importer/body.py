"""The article's body as trafilatura extracts it, located line by line in the page's DOM.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Iterator

from .dom import Leaf
from .page import _key, clean


def _trafilatura_blocks(doc) -> list[tuple[str, str]]:
    """(role, text) for each block of trafilatura's XML body, in order."""
    out: list[tuple[str, str]] = []
    body = getattr(doc, "body", None)
    if body is None:
        return out

    def lines(el) -> Iterator[str]:
        # <lb/> is a line break inside a paragraph: each line becomes a block
        buf: list[str] = [el.text or ""]
        for c in el:
            if c.tag == "lb":
                yield clean("".join(buf))
                buf = []
            else:
                buf.append("".join(c.itertext()))
            buf.append(c.tail or "")
        yield clean("".join(buf))

    def walk(el) -> None:
        for c in el:
            if c.tag == "head":
                for t in lines(c):
                    if t:
                        out.append(("subheading", t))
            elif c.tag in ("p", "item", "cell"):
                if any(g.tag in ("p", "list", "item", "quote", "table") for g in c):
                    walk(c)
                    continue
                for t in lines(c):
                    if t:
                        out.append(("body", t))
            elif c.tag == "row":
                cells = [clean("".join(cell.itertext())) for cell in c]
                t = " | ".join(x for x in cells if x)
                if t:
                    out.append(("body", t))
            elif c.tag in ("list", "quote", "table", "div", "main", "section"):
                if c.tag == "quote" and not len(c) and clean(c.text):
                    out.append(("body", clean(c.text)))
                else:
                    walk(c)
            elif c.tag in ("graphic", "ref"):
                continue
            else:
                t = clean("".join(c.itertext()))
                if t:
                    out.append(("body", t))

    walk(body)
    return out


def _match_positions(blocks: list[tuple[str, str]], leaves: list[Leaf]) -> list[int | None]:
    """Leaf position of each body block (in order), None where a block cannot be found."""
    by_key: dict[str, list[int]] = {}
    for leaf in leaves:
        if leaf.key:
            by_key.setdefault(leaf.key, []).append(leaf.pos)
    out: list[int | None] = []
    last = -1
    for _, text in blocks:
        k = _key(text)
        found = None
        if k:
            cands = by_key.get(k, [])
            # the first candidate after the last match: a bisection, as a page repeating one line
            # 150,000 times made a scan of its candidates per block take minutes
            after = bisect_right(cands, last)
            found = cands[after] if after < len(cands) else (cands[0] if cands else None)
            if found is None and len(k) >= 12:
                # A block trafilatura split or joined: look for containment, forwards first.
                order = list(range(last + 1, len(leaves))) + list(range(0, last + 1))
                for p in order:
                    lk = leaves[p].key
                    if lk and ((k in lk and len(k) >= 0.3 * len(lk)) or (lk in k and len(lk) >= 0.3 * len(k))):
                        found = p
                        break
        out.append(found)
        if found is not None and found > last:
            last = found
    return out


def _sort_pos(positions: list[int | None], i: int) -> float:
    # unlocated blocks sort right after the previous located one
    j = i
    while j >= 0 and positions[j] is None:
        j -= 1
    return (positions[j] if j >= 0 else -1) + (0.001 * (i - j) if j != i else 0)
