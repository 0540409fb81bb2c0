"""Blocks in reading order: the located body completed with headline, standfirst, captions and furniture.
"""

from __future__ import annotations

import re

from .body import _match_positions, _sort_pos
from closeread.validate.roles import CREDIT_ALONE, is_contributor_line

from .classify import EMBED_LABEL, _EMBED_ATTR, _SUPPORT_TEXT, _AD_TEXT, _BYLINE_TEXT, _CAPTION_ATTR, _COMMENTS_ATTR, _CREDIT_ATTR, _CREDIT_TEXT, _NAV_ATTR, _PROMPT_TEXT, _RELATED_ATTR, _RELATED_TEXT, _SHARE_TEXT, _WIDGET_ATTR, _classify, _split_credit
from .dom import Leaf, _ancestors, _attrs, _common_ancestor, _header_of, _inside, _signature, _text
from .page import Block, PageMeta, _key, clean
from .pictures import picture_blocks


def _assemble(body: list[tuple[str, str]], leaves: list[Leaf], meta: PageMeta, root, *,
              kept: dict[int, str] | None = None) -> list[Block]:
    """``kept``: leaf position -> the ``--keep`` selector that makes the line article text."""
    kept = kept or {}
    positions = _match_positions(body, leaves)
    located = [p for p in positions if p is not None]

    # Complete a body split across several containers of the same kind (e.g. separated by ads).
    if located:
        matched_leaf_els = {leaves[p].el for p in located}
        containers = {}
        for p in located:
            parent = leaves[p].el.getparent()
            if parent is not None and leaves[p].el.tag == "p":
                sig = _signature(parent)
                if sig:
                    containers.setdefault(sig, set()).add(parent)
        extra: list[int] = []
        if containers:
            lowest = min(located)  # once: per leaf it made a page of 150,000 lines take minutes
            for leaf in leaves:
                if leaf.el in matched_leaf_els or leaf.el.tag != "p" or leaf.pos < lowest:
                    continue
                parent = leaf.el.getparent()
                sig = _signature(parent) if parent is not None else None
                if sig in containers and parent not in containers[sig] and len(leaf.text.split()) >= 4 \
                        and leaf.link_ratio < 0.5 and not _inside(leaf.el, _RELATED_ATTR, 6) \
                        and not _inside(leaf.el, _COMMENTS_ATTR, 8):
                    extra.append(leaf.pos)
        if extra:
            body = body + [("body", leaves[p].text) for p in extra]
            positions = positions + extra
            order = sorted(range(len(body)), key=lambda i: (_sort_pos(positions, i), i))
            body = [body[i] for i in order]
            positions = [positions[i] for i in order]
            located = [p for p in positions if p is not None]

    # Each item: (position, tie, Block). Unlocated body blocks keep their place after the previous one.
    items: list[tuple[float, int, Block]] = []
    last = -1.0
    for i, ((role, text), pos) in enumerate(zip(body, positions)):
        at = float(pos) if pos is not None and pos >= last else last + 0.001
        last = at
        block = Block(role, text, "Subheading" if role == "subheading" else "")
        if pos is not None and role == "body":
            leaf = leaves[pos]
            if _inside(leaf.el, _EMBED_ATTR, 8):
                # a post embedded from a social network: someone else's words, never the outlet's claims
                block = Block("furniture", text, EMBED_LABEL)
            # a line that is all link and no sentence: a teaser trafilatura kept
            if leaf.key == _key(text) and leaf.link_ratio > 0.8 and len(text.split()) <= 15 \
                    and not re.search(r"[.!?:;,\"”]$", text):
                block = Block("furniture", text, "Related-story teaser")
        items.append((at, 1, block))

    if not located:
        blocks = [b for _, _, b in items]
        return _finish(_with_kept(items, leaves, kept), meta)

    first, last_pos = min(located), max(located)
    body_keys = {_key(t) for _, t in body}

    # Headline: the heading matching the declared title; else the last h1 before the body.
    headline_pos = _find_headline(leaves, meta, first)
    start = first
    if headline_pos is not None:
        start = headline_pos
        # the section label / kicker just above the headline, within the same header
        header = _header_of(leaves[headline_pos].el)
        for leaf in leaves[max(0, headline_pos - 6): headline_pos]:
            if header is not None and header in _ancestors(leaf.el):
                start = min(start, leaf.pos)
    if first - start > 80:  # the headline is far away: only keep what is close to the body
        start = max(start, first - 40)

    # Trailing page text: what follows the body within the article's container.
    container = _common_ancestor([leaves[p].el for p in located])
    if container is not None:
        # the whole <article> (related links, tags) when the body sits a few levels inside one
        article = next((a for a in _ancestors(container)[:5] if a.tag == "article"), None)
        container = article if article is not None else container
    end = last_pos
    if container is not None and container.tag not in ("body", "html"):
        for leaf in leaves[last_pos + 1: last_pos + 60]:
            if container in _ancestors(leaf.el):
                end = leaf.pos
            else:
                break

    seen_extra: set = set()
    description_key = _key(meta.description_hint) if getattr(meta, "description_hint", None) else ""
    if headline_pos is not None:
        headline = leaves[headline_pos]
        items = [it for k, it in enumerate(items)
                 if not (_key(it[2].text) == headline.key and (it[2].role == "subheading" or k < 3))]
        items.append((float(headline_pos), 0, Block("headline", headline.text, "Headline")))
        seen_extra.add((headline.key, "Headline"))
    standfirsts = 0
    located_set = set(located)  # a list's 'in' per leaf was quadratic in the page's lines
    for leaf in leaves[start: end + 1]:
        if leaf.pos in located_set or leaf.key in body_keys or not leaf.key or leaf.pos == headline_pos:
            continue
        if _inside(leaf.el, _WIDGET_ATTR, 8) and leaf.el.tag != "figcaption" \
                and not _inside(leaf.el, _CAPTION_ATTR, 3):
            continue
        if _inside(leaf.el, _NAV_ATTR, 8) or any(a.tag in ("nav",) for a in _ancestors(leaf.el)[:8]):
            continue
        if _inside(leaf.el, _COMMENTS_ATTR, 8) and leaf.pos > last_pos:
            continue
        in_range = first < leaf.pos < last_pos
        role_label = None
        if leaf.pos < first and description_key and leaf.link_ratio < 0.5 and (
                leaf.key == description_key or (len(leaf.key) > 40 and (
                leaf.key in description_key or description_key in leaf.key))):
            role_label = ("standfirst", "Standfirst")
        else:
            role_label = _classify(leaf, in_body_range=in_range, author=meta.author)
        if role_label is None:
            if leaf.pos < first and headline_pos is not None and leaf.pos > headline_pos and standfirsts < 3 \
                    and len(leaf.text.split()) >= 8 and leaf.link_ratio < 0.3 \
                    and re.search(r"[.!?…\"”’']$", leaf.text) and not _SHARE_TEXT.match(leaf.text):
                role_label = ("standfirst", "Standfirst")
                standfirsts += 1
            else:
                continue
        role, label = role_label
        if role == "caption":
            credit_el = next((d for d in leaf.el.iterdescendants() if isinstance(d.tag, str)
                              and _CREDIT_ATTR.search(_attrs(d)) and clean(_text(d))), None)
            credit_text = clean(_text(credit_el)) if credit_el is not None else ""
            if credit_text and leaf.text.endswith(credit_text) and len(credit_text) < len(leaf.text):
                caption, credit = clean(leaf.text[: -len(credit_text)]), credit_text
            elif credit_text and leaf.text.startswith(credit_text) and len(credit_text) < len(leaf.text):
                caption, credit = clean(leaf.text[len(credit_text):]), credit_text
                items.append((leaf.pos - 0.0005, 0, Block("credit", credit, "Photo credit")))
                credit = None
            else:
                caption, credit = _split_credit(leaf.text)
            if (leaf.key, role) in seen_extra:
                continue
            seen_extra.add((leaf.key, role))
            items.append((float(leaf.pos), 0, Block("caption", caption, label)))
            if credit:
                items.append((leaf.pos + 0.0005, 0, Block("credit", credit, "Photo credit")))
            continue
        if label in ("Related-story teaser", "Button", "Prompt") and (leaf.key, label) in seen_extra:
            continue
        seen_extra.add((leaf.key, label))
        items.append((float(leaf.pos), 0, Block(role, leaf.text, label)))

    known = {_key(b.text) for _, _, b in items}
    items.extend((at, 0, block) for at, block in picture_blocks(root, leaves, start=start, end=end, known=known))
    return _finish(_with_kept(items, leaves, kept), meta)


def _with_kept(items: list[tuple[float, int, Block]], leaves: list[Leaf], kept: dict[int, str]) -> list[Block]:
    """The blocks in reading order, with the lines the author asked to keep as body lines (labelled with
    the selector) in place of whatever the import made of them."""
    if kept:
        keys = {leaves[p].key for p in kept}
        items = [it for it in items if not (_key(it[2].text) in keys and it[2].role != "body")]
        have = {_key(it[2].text) for it in items}
        for p, selector in kept.items():
            leaf = leaves[p]
            label = f"Kept by --keep {selector}"
            if leaf.key in have:
                items = [(at, tie, Block("body", b.text, label) if _key(b.text) == leaf.key else b)
                         for at, tie, b in items]
            else:
                items.append((float(p), 0, Block("body", leaf.text, label)))
                have.add(leaf.key)
    items.sort(key=lambda x: (x[0], x[1]))
    return [b for _, _, b in items]


def _finish(blocks: list[Block], meta: PageMeta) -> list[Block]:
    """Mark body lines that are really page furniture or the headline, and add a headline if none."""
    out: list[Block] = []
    title_key = _key(meta.title or "")
    body_indexes = [i for i, b in enumerate(blocks) if b.role in ("body", "subheading")]
    first_body = body_indexes[0] if body_indexes else -1
    has_headline = any(b.role == "headline" for b in blocks)
    for i, b in enumerate(blocks):
        if b.role in ("body", "subheading"):
            k = _key(b.text)
            words = len(b.text.split())
            if not has_headline and title_key and k and (k == title_key or (k in title_key and len(k) > 0.6 * len(title_key))) \
                    and i <= first_body + 1:
                b = Block("headline", b.text, "Headline")
                has_headline = True
            elif has_headline and b.role == "subheading" and title_key and k == title_key:
                continue  # trafilatura repeated the headline as a heading
            elif b.role == "subheading" and i == first_body and words >= 12:
                b = Block("standfirst", b.text, "Standfirst")
            elif words <= 12 and _BYLINE_TEXT.match(b.text) and not b.text.rstrip().endswith((".", "?", "!")):
                b = Block("furniture", b.text, "Byline")
            elif words <= 20 and (_RELATED_TEXT.match(b.text) or re.match(
                    r"^(\d+\s+)?(comments?|responses?|replies|leave a (reply|comment)|join the discussion)"
                    r"\b.{0,20}$", b.text, re.I)):
                b = Block("furniture", b.text, "Related-story teaser" if _RELATED_TEXT.match(b.text)
                          else "Comments heading")
            elif words <= 25 and (_PROMPT_TEXT.match(b.text) or _SUPPORT_TEXT.search(b.text)) and b.role == "body" \
                    and not b.label:
                b = Block("furniture", b.text, "Prompt")
            elif _AD_TEXT.match(b.text):
                b = Block("furniture", b.text, "Advertisement label")
            elif words <= 15 and _CREDIT_TEXT.search(b.text) and not b.text.rstrip().endswith("."):
                b = Block("credit", b.text, "Photo credit")
            elif is_contributor_line(b.text):
                # "Associated Press writer Jo Doe contributed to this report.": who wrote it, not what it says
                b = Block("furniture", b.text, "Contributor line")
            elif words <= 12 and CREDIT_ALONE.match(b.text):
                b = Block("credit", b.text, "Photo credit")  # "(AP Photo/Evan Vucci)" on its own line
        elif b.role == "caption" and CREDIT_ALONE.match(b.text):
            b = Block("credit", b.text, "Photo credit")  # a figcaption holding only the credit
        out.append(b)
    if not any(b.role == "headline" for b in out) and meta.title:
        out.insert(0, Block("headline", meta.title, "Headline (from the page's metadata)"))
    # Drop consecutive duplicates (a line repeated by the page's markup, e.g. mobile and desktop copies).
    deduped: list[Block] = []
    for b in out:
        if deduped and deduped[-1].text == b.text and deduped[-1].role != "body":
            continue
        deduped.append(b)
    return deduped


def _find_headline(leaves: list[Leaf], meta: PageMeta, first: int) -> int | None:
    """The line showing the article's title: a heading matching the declared title, closest before the
    body (an <h1> first); else the last <h1> shortly before the body."""
    title_key = _key(meta.title or "")

    def matches(leaf: Leaf) -> bool:
        return bool(leaf.key) and (leaf.key == title_key or (
            len(leaf.key) >= 12 and len(leaf.key) >= 0.5 * len(title_key)
            and (leaf.key in title_key or title_key in leaf.key) and len(leaf.text.split()) <= 40))

    if title_key:
        before = [leaf for leaf in leaves[:first + 3] if matches(leaf) and not _inside(leaf.el, _NAV_ATTR, 8)]
        for tags in (("h1",), ("h1", "h2", "h3", "h4"), None):
            found = [leaf.pos for leaf in before if tags is None or leaf.el.tag in tags]
            if found:
                return found[-1]
    h1s = [leaf.pos for leaf in leaves if leaf.el.tag == "h1" and leaf.pos <= first
           and not _inside(leaf.el, _NAV_ATTR, 8)]
    if h1s and first - h1s[-1] <= 80:
        return h1s[-1]
    return None
