"""Turn a decoded page into blocks in reading order (headline, body, captions, furniture) and metadata.

The body comes from trafilatura. Everything a lesson needs beyond it is found in the page's DOM around
the body trafilatura chose:

* each body block is located in the DOM, which gives the article's region and the reading order;
* a body split over several containers of the same kind (split by ads or "chunks") is completed;
* the headline is the heading that matches the page's declared title, the standfirst the text that
  matches its description;
* captions (``figcaption`` and caption-classed elements) and their credits, bylines, datelines, section
  labels, related-story teasers and share/subscribe prompts near the article are kept as their own
  blocks and marked.

Body text stays verbatim: only runs of white space are collapsed.
"""

from __future__ import annotations

import dataclasses
import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Iterable, Iterator
from urllib.parse import urljoin, urlparse

import lxml.html
import trafilatura
from lxml import etree

from closeread.errors import ImportFailed
from closeread.importer.read import PageSource

ROLES = ("headline", "subheading", "body", "caption", "credit", "furniture")


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
        """Body and subheadings, as an article-body field would hold them."""
        return "\n\n".join(b.text for b in self.blocks if b.role in ("body", "subheading"))


# --------------------------------------------------------------------------------------------- text


_WS = re.compile(r"\s+")
_WORD = re.compile(r"\w+")


def clean(text: str | None) -> str:
    """Collapse white space (including no-break and zero-width spaces); nothing else changes."""
    if not text:
        return ""
    text = text.replace("\u200b", "").replace("\ufeff", "").replace("\u00ad", "")
    return _WS.sub(" ", text).strip()


def _key(text: str) -> str:
    """A matching key that ignores everything but word characters and letter case."""
    return "".join(_WORD.findall(text.lower()))


# ---------------------------------------------------------------------------------------------- DOM

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


def _parse(text: str):
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    try:
        return lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError):
        return None


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
                if c.tag == "br":
                    parts.append(" ")
                walk(c)
            if c.tail:
                parts.append(c.tail)

    walk(el)
    return "".join(parts)


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


# ------------------------------------------------------------------------------------ classification

_CAPTION_ATTR = re.compile(r"caption|figcaption|image-?desc|img-?desc|photo-?desc|wp-caption-text", re.I)
_CREDIT_ATTR = re.compile(r"credit|copyright|attribution|photographer|image-?source|photo-?source|"
                          r"(^|[\s_-])source($|[\s_-])", re.I)
_CREDIT_TEXT = re.compile(
    r"^(\(?\s*(photo(graph)?s?|image|picture|pictures|illustration|video|credit|source|foto|bild)"
    r"( credit)?\s*(:|by\b)|©|\(c\)|copyright\b)", re.I)
_CREDIT_TAIL = re.compile(
    r"\s*(\(\s*(?:photo(?:graph)?s?|image|picture|illustration|credit|source)\s*(?::|by\b)[^()]{1,120}\)"
    r"|(?:photo(?:graph)?s?|image|picture|illustration|credit)\s*(?::|by\b)\s*[^.:]{1,100}"
    r"|©\s*[^.]{1,100})\s*$", re.I)
_AGENCY = re.compile(r"(getty images|reuters|associated press|\bap photo|afp|epa|shutterstock|"
                     r"alamy|bloomberg|xinhua|tass|ria novosti|sputnik|anadolu|istock)", re.I)
_BYLINE_ATTR = re.compile(r"byline|author|contributor|writer|(^|[\s_-])by($|[\s_-])|reporter", re.I)
_BYLINE_TEXT = re.compile(r"^(by|written by|words by|reporting by|von|par|por|di)\s+\S", re.I)
_DATE_ATTR = re.compile(r"date|time|published|updated|timestamp|posted|dateline|pubdate", re.I)
_MONTHS = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
           r"oct(ober)?|nov(ember)?|dec(ember)?)")
_DATE_TEXT = re.compile(
    rf"(\b\d{{4}}-\d{{2}}-\d{{2}}\b|\b\d{{1,2}}[/.]\d{{1,2}}[/.]\d{{2,4}}\b|\b{_MONTHS}\.?\s+\d{{1,2}}\b|"
    rf"\b\d{{1,2}}\s+{_MONTHS}\b|\b(updated|published|posted|last modified)\b|\b\d+\s+(min|minutes?|hours?|"
    rf"hrs?|days?)\s+ago\b)", re.I)
_SECTION_ATTR = re.compile(r"kicker|eyebrow|section|category|breadcrumb|rubric|overline|topic|label|"
                           r"flag|tag", re.I)
_RELATED_ATTR = re.compile(r"related|recommend|more-?(stories|news|from|on)|read-?(more|next|also)|"
                           r"also-?read|see-?also|teaser|promo|outbrain|taboola|trending|popular|"
                           r"most-?read|up-?next|next-?up|recirc|further-?reading", re.I)
_RELATED_TEXT = re.compile(r"^(related|read more|you (may|might) (also )?like|more from|more stories|read also|also read|see also|more:|more on|recommended|"
                           r"read next|up next|watch:|listen:|related stories|related articles|"
                           r"trending|most read|most popular|further reading)\b", re.I)
_SHARE_ATTR = re.compile(r"share|social|sharing|subscribe|newsletter|signup|sign-up|follow|paywall|"
                         r"comments?-?(count|link)|print|email-?(this|link)", re.I)
_SHARE_TEXT = re.compile(r"^(share( this| on| via| article| story)?|tweet|email|print|copy link|"
                         r"subscribe|sign up|follow us|follow|join|comments?|newsletter|download|save|"
                         r"listen|advertisement|advertising|ad|sponsored|story continues( below)?|"
                         r"continue reading|read (the )?full (story|article)|click here)\b", re.I)
_AD_TEXT = re.compile(r"^(advertisement|advertising|ad|anzeige|sponsored( content)?|story continues "
                      r"below( advertisement)?|article continues below)$", re.I)
_PROMPT_TEXT = re.compile(r"^(subscribe|sign up|follow (us|him|her|them|\w+['’]s)|click here|download (our|the)|"
                          r"get (our|the latest)|join (us|our)|support (us|our)|like us on)\b", re.I)
_DATELINE = re.compile(r"^[A-Z][A-Z .,'’-]{2,40}(\([^)]{1,30}\))?\s*[—–-]\s*$")
_NAV_ATTR = re.compile(r"(^|[\s_-])(nav|navbar|navigation|menu|masthead|site-?header|site-?footer|"
                       r"footer|cookie|consent|skip|breadcrumbs?)($|[\s_-])", re.I)
_NAV_TAGS = re.compile(r"^(nav|footer)$")
_WIDGET_ATTR = re.compile(r"carousel|playlist|video-?(player|list|carousel|playlist|module)|media-?player|"
                          r"slideshow|(^|[\s_-])(zn|cn)-|jw-?player|vjs-", re.I)
_COMMENTS_ATTR = re.compile(r"(^|[\s_-])(comments?|disqus|respond|replies)($|[\s_-])", re.I)


_SUBHEAD_ATTR = re.compile(r"sub-?head|cross-?head|inter-?title|zwischen|section-?title|h[2-4]", re.I)


def _all_bold(el) -> bool:
    """All of the element's text is inside <strong>/<b> (a paragraph used as a subheading)."""
    if clean(el.text):
        return False
    kids = [c for c in el if isinstance(c.tag, str)]
    if len(kids) != 1 or kids[0].tag not in ("strong", "b") or clean(kids[0].tail):
        return False
    return True


def _classify(leaf: Leaf, *, in_body_range: bool, author: str | None) -> tuple[str, str] | None:
    """Role and label of a line the body extraction left out, or None to leave it out too."""
    el, text = leaf.el, leaf.text
    tag = el.tag
    words = len(text.split())
    if tag == "figcaption" or tag == "caption" or _inside(el, _CAPTION_ATTR, 4):
        if _CREDIT_ATTR.search(_attrs(el)) or _CREDIT_TEXT.search(text):
            return "credit", "Photo credit"
        return "caption", "Photo caption"
    if _inside(el, _CREDIT_ATTR, 3) and words <= 25:
        return "credit", "Photo credit"
    if _CREDIT_TEXT.search(text) and words <= 15 and leaf.link_ratio < 0.5:
        return "credit", "Photo credit"
    if _AD_TEXT.match(text):
        return "furniture", "Advertisement label"
    if tag == "h1":
        return "furniture", "Heading"
    if words <= 30 and (_BYLINE_TEXT.match(text) or _inside(el, _BYLINE_ATTR, 4)
                        or (author and words <= 12 and author.lower() in text.lower())):
        if _DATE_TEXT.search(text) and not _BYLINE_TEXT.match(text):
            return "furniture", "Date line"
        return "furniture", "Byline"
    if words <= 14 and (tag == "time" or el.find(".//time") is not None or _inside(el, _DATE_ATTR, 3)) \
            and _DATE_TEXT.search(text):
        return "furniture", "Date line"
    if words <= 10 and _DATE_TEXT.search(text) and re.search(r"\d", text):
        return "furniture", "Date line"
    if _DATELINE.match(text):
        return "furniture", "Dateline"
    if _inside(el, _RELATED_ATTR, 6) or (_RELATED_TEXT.match(text) and words <= 40):
        return "furniture", "Related-story teaser"
    if words <= 8 and (_SHARE_TEXT.match(text) or _inside(el, _SHARE_ATTR, 4) or tag in ("button",)):
        return "furniture", "Button"
    if words <= 40 and _inside(el, _SHARE_ATTR, 4):
        return "furniture", "Prompt"
    if words <= 5 and _inside(el, _SECTION_ATTR, 3):
        return "furniture", "Section label"
    if in_body_range and words <= 20 and leaf.link_ratio < 0.5 and not re.search(r"[.,;]$", text) and (
            _SUBHEAD_ATTR.search(_attrs(el)) or _all_bold(el)):
        return "subheading", "Subheading"
    if tag in ("h2", "h3", "h4", "h5", "h6"):
        if in_body_range and words <= 25 and leaf.link_ratio < 0.5:
            return "subheading", "Subheading"
        return "furniture", "Heading"
    if in_body_range and leaf.link_ratio > 0.6 and words <= 30:
        return "furniture", "Related-story teaser"
    if _inside(el, re.compile(r"pull-?quote|blockquote-?embed|quote-?embed", re.I), 4):
        return "furniture", "Pull quote"
    return None


# -------------------------------------------------------------------------------------- body blocks


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
            found = next((p for p in cands if p > last), cands[0] if cands else None)
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


def _split_credit(text: str) -> tuple[str, str | None]:
    m = _CREDIT_TAIL.search(text)
    if m and m.start() > 0:
        return clean(text[: m.start()]), clean(m.group(0))
    return text, None


# -------------------------------------------------------------------------------------- extraction


def extract_page(source: PageSource, *, url: str | None = None) -> ExtractedPage:
    if source.kind == "text":
        return _extract_text(source)
    return _extract_html(source, url=url)


def _extract_text(source: PageSource) -> ExtractedPage:
    lines = [clean(line) for line in source.text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        raise ImportFailed(str(source.path), "no article text found (only a headline); expected a headline "
                                             "line followed by the article's paragraphs")
    blocks = [Block("headline", lines[0], "Headline")] + [Block("body", line, "") for line in lines[1:]]
    return ExtractedPage(tuple(blocks), PageMeta(title=lines[0]))


def _extract_html(source: PageSource, *, url: str | None) -> ExtractedPage:
    html = source.text
    root = _parse(html)
    if root is None:
        raise ImportFailed(str(source.path), "no article text found (the HTML could not be parsed); "
                                             "expected a saved web page with an article")
    meta_page = _metadata(root, url=url)
    try:
        doc = trafilatura.bare_extraction(
            html, url=meta_page.url or url, include_comments=False, include_tables=True,
            include_images=False, include_formatting=False, include_links=False, favor_precision=True,
            with_metadata=True, deduplicate=False,
        )
    except Exception:  # trafilatura raises assorted errors on broken markup; fall back to no body
        doc = None
    meta_page = _complete_metadata(meta_page, doc, root)

    body = _trafilatura_blocks(doc) if doc is not None else []
    leaves = _leaves(root.find("body") if root.find("body") is not None else root)
    blocks = _assemble(body, leaves, meta_page, root)
    if not any(b.role == "body" for b in blocks):
        raise ImportFailed(str(source.path), "no article text found; expected a page with an article's "
                                             "paragraphs")
    if not meta_page.published:
        # the address (/2019/11/18/), then the visible date line, then trafilatura's guess (htmldate)
        published = _url_date(meta_page.url or url) or next(
            (d for b in blocks if b.role == "furniture" and b.label in ("Date line", "Byline", "Dateline")
             for d in [_visible_date(b.text)] if d), None) or _iso_date(getattr(doc, "date", None))
        meta_page = dataclasses.replace(meta_page, published=published)
    if not meta_page.author:
        byline = next((b.text for b in blocks if b.role == "furniture" and b.label == "Byline"), None)
        if byline and _BYLINE_TEXT.match(byline):
            name = re.sub(r"^\S+(\s+by)?\s+", "", byline, flags=re.I)
            name = re.split(r"\s+(?:on|published|updated)\s+|\s*[|•·]\s*|\s+\d|,\s*\w+ \d", name, maxsplit=1)[0]
            name = re.sub(r"\s+,", ",", name).strip(" ,")
            if name and len(name.split()) <= 12:
                meta_page = dataclasses.replace(meta_page, author=name)
    return ExtractedPage(tuple(blocks), public_meta(meta_page))


def _assemble(body: list[tuple[str, str]], leaves: list[Leaf], meta: PageMeta, root) -> list[Block]:
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
            for leaf in leaves:
                if leaf.el in matched_leaf_els or leaf.el.tag != "p" or leaf.pos < min(located):
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
            # a line that is all link and no sentence: a teaser trafilatura kept
            if leaf.key == _key(text) and leaf.link_ratio > 0.8 and len(text.split()) <= 15 \
                    and not re.search(r"[.!?:;,\"”]$", text):
                block = Block("furniture", text, "Related-story teaser")
        items.append((at, 1, block))

    if not located:
        blocks = [b for _, _, b in items]
        return _finish(blocks, meta)

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
    for leaf in leaves[start: end + 1]:
        if leaf.pos in located or leaf.key in body_keys or not leaf.key or leaf.pos == headline_pos:
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
            role_label = ("furniture", "Standfirst")
        else:
            role_label = _classify(leaf, in_body_range=in_range, author=meta.author)
        if role_label is None:
            if leaf.pos < first and headline_pos is not None and leaf.pos > headline_pos and standfirsts < 3 \
                    and len(leaf.text.split()) >= 8 and leaf.link_ratio < 0.3 \
                    and re.search(r"[.!?…\"”’']$", leaf.text) and not _SHARE_TEXT.match(leaf.text):
                role_label = ("furniture", "Standfirst")
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

    items.sort(key=lambda x: (x[0], x[1]))
    blocks = [b for _, _, b in items]
    return _finish(blocks, meta)


def _sort_pos(positions: list[int | None], i: int) -> float:
    # unlocated blocks sort right after the previous located one
    j = i
    while j >= 0 and positions[j] is None:
        j -= 1
    return (positions[j] if j >= 0 else -1) + (0.001 * (i - j) if j != i else 0)


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
                b = Block("furniture", b.text, "Standfirst")
            elif words <= 12 and _BYLINE_TEXT.match(b.text) and not b.text.rstrip().endswith((".", "?", "!")):
                b = Block("furniture", b.text, "Byline")
            elif words <= 20 and (_RELATED_TEXT.match(b.text) or re.match(
                    r"^(\d+\s+)?(comments?|responses?|replies|leave a (reply|comment)|join the discussion)"
                    r"\b.{0,20}$", b.text, re.I)):
                b = Block("furniture", b.text, "Related-story teaser" if _RELATED_TEXT.match(b.text)
                          else "Comments heading")
            elif words <= 25 and _PROMPT_TEXT.match(b.text):
                b = Block("furniture", b.text, "Prompt")
            elif _AD_TEXT.match(b.text):
                b = Block("furniture", b.text, "Advertisement label")
            elif words <= 15 and _CREDIT_TEXT.search(b.text) and not b.text.rstrip().endswith("."):
                b = Block("credit", b.text, "Photo credit")
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


# --------------------------------------------------------------------------------------- metadata

_ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "Article",
                  "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle",
                  "TechArticle", "SatiricalArticle", "AdvertiserContentArticle", "Review")


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", [])
    t = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1] for x in t}


def _json_ld(root) -> list[dict]:
    objs: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except ValueError:
            continue

        def walk(x) -> None:
            if isinstance(x, list):
                for y in x:
                    walk(y)
            elif isinstance(x, dict):
                objs.append(x)
                if "@graph" in x:
                    walk(x["@graph"])
                if isinstance(x.get("mainEntity"), (dict, list)):
                    walk(x["mainEntity"])

        walk(data)
    return objs


def _names(value, ids: dict[str, dict]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [n for v in value for n in _names(v, ids)]
    if isinstance(value, dict):
        if "name" not in value and value.get("@id") in ids:
            value = ids[value["@id"]]
        name = value.get("name")
        if isinstance(name, list):
            name = name[0] if name else None
        if isinstance(name, dict):
            name = name.get("@value")
        return [clean(str(name))] if name else []
    s = clean(str(value))
    return [s] if s and not s.startswith(("http://", "https://")) else []


def _iso_date(value) -> str | None:
    if not value:
        return None
    if isinstance(value, list):
        value = value[0] if value else None
        if not value:
            return None
    s = clean(str(value))
    m = re.match(r"(\d{4})-(\d{1,2})-(\d{1,2})", s) or re.match(r"(\d{4})/(\d{1,2})/(\d{1,2})", s) \
        or re.match(r"(\d{4})(\d{2})(\d{2})(?:\D|$)", s)
    if m:
        try:
            return date(int(m.group(1)), int(m.group(2)), int(m.group(3))).isoformat()
        except ValueError:
            return None
    for fmt in ("%a, %d %b %Y %H:%M:%S %z", "%a, %d %b %Y", "%B %d, %Y", "%b %d, %Y", "%d %B %Y", "%d %b %Y"):
        try:
            return datetime.strptime(s[: len(s)], fmt).date().isoformat()
        except ValueError:
            continue
    return None


_MONTH_NUMBERS = {m: i for i, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), start=1)}


def _url_date(url: str | None) -> str | None:
    if not url:
        return None
    path = urlparse(url).path.lower()
    m = re.search(r"/(20\d\d|19\d\d)[/-](\d{1,2}|[a-z]{3})[a-z]*[/-](\d{1,2})(?:/|$|[-_])", path)
    if not m:
        return None
    month = m.group(2)
    month_n = int(month) if month.isdigit() else _MONTH_NUMBERS.get(month)
    try:
        return date(int(m.group(1)), month_n, int(m.group(3))).isoformat() if month_n else None
    except ValueError:
        return None


def _visible_date(text: str) -> str | None:
    """A date written out in a date line: 'November 18th, 2019', 'Nov. 19, 2019', '18 Nov 2019', ISO."""
    iso = re.search(r"\b(\d{4})-(\d{2})-(\d{2})\b", text)
    if iso:
        return _iso_date(iso.group(0))
    m = re.search(r"\b([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", text)
    day_first = re.search(r"\b(\d{1,2})(?:st|nd|rd|th)?\.?\s+([A-Za-z]{3,9})\.?,?\s+(\d{4})\b", text)
    for month, day, year in ((m.group(1), m.group(2), m.group(3)) if m else (None,) * 3,
                             (day_first.group(2), day_first.group(1), day_first.group(3)) if day_first else
                             (None,) * 3):
        if month and month[:3].lower() in _MONTH_NUMBERS:
            try:
                return date(int(year), _MONTH_NUMBERS[month[:3].lower()], int(day)).isoformat()
            except ValueError:
                continue
    return None


def _http_url(value: str | None, base: str | None) -> str | None:
    if not value or not isinstance(value, str):
        return None
    value = clean(value)
    if base:
        value = urljoin(base, value)
    parsed = urlparse(value)
    if parsed.scheme in ("http", "https") and parsed.netloc:
        return value
    return None


def _language(value: str | None) -> str | None:
    if not value:
        return None
    v = clean(str(value)).replace("_", "-")
    v = v.split(",")[0].strip()
    if not re.fullmatch(r"[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*", v):
        return None
    parts = v.split("-")
    out = [parts[0].lower()]
    for p in parts[1:]:
        out.append(p.upper() if len(p) == 2 else p.title() if len(p) == 4 else p.lower())
    return "-".join(out)


@dataclass(frozen=True)
class _PageMetaWithHints(PageMeta):
    description_hint: str | None = None


def _metadata(root, *, url: str | None) -> _PageMetaWithHints:
    metas: dict[str, list[str]] = {}
    for m in root.iter("meta"):
        name = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "")
        content = m.get("content")
        if name and content and clean(content):
            metas.setdefault(name.strip().lower(), []).append(clean(content))

    def first(*names: str) -> str | None:
        for n in names:
            if metas.get(n):
                return metas[n][0]
        return None

    objs = _json_ld(root)
    ids = {o["@id"]: o for o in objs if isinstance(o.get("@id"), str)}
    article = None
    for wanted in _ARTICLE_TYPES:
        article = next((o for o in objs if wanted in _types(o)), None)
        if article:
            break
    article = article or {}
    webpage = next((o for o in objs if _types(o) & {"WebPage", "ItemPage"}), {})

    # title
    title = None
    for v in (article.get("headline"), first("og:title"), first("twitter:title"), first("citation_title"),
              first("dc.title"), article.get("name")):
        if isinstance(v, str) and clean(v):
            title = clean(v)
            break
    title_el = root.find(".//title")
    if not title and title_el is not None:
        title = clean(title_el.text_content()) or None

    # outlet
    outlet = first("og:site_name", "application-name", "citation_journal_title", "citation_publisher",
                   "dc.publisher", "publisher")
    if not outlet:
        pub = _names(article.get("publisher"), ids)
        outlet = pub[0] if pub else None

    # author
    authors = _names(article.get("author"), ids) or _names(article.get("creator"), ids)
    if not authors:
        authors = [a for a in metas.get("author", []) + metas.get("article:author", []) +
                   metas.get("citation_author", []) + metas.get("dc.creator", []) + metas.get("byl", [])
                   if not a.startswith(("http://", "https://"))]
    authors = [re.sub(r"^((analysis|opinion|commentary|review|story|text|words|written)\s+)?by\s+", "", a,
                      flags=re.I) for a in authors]
    authors = list(dict.fromkeys(a for a in authors if a and (not outlet or a.lower() != outlet.lower())))
    author = ", ".join(authors) or None

    # date
    published = None
    for v in (article.get("datePublished"), first("article:published_time"), first("og:published_time"),
              first("citation_publication_date"), first("citation_date"), first("dc.date.issued"),
              first("dc.date"), first("date"), first("pubdate"), first("publishdate"), first("publish-date"),
              first("parsely-pub-date"), first("sailthru.date"), first("datepublished"),
              article.get("dateCreated"), webpage.get("datePublished")):
        published = _iso_date(v)
        if published:
            break

    # canonical address
    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            canonical = _http_url(link.get("href"), url)
            if canonical:
                break
    main_entity = article.get("mainEntityOfPage")
    if isinstance(main_entity, dict):
        main_entity = main_entity.get("@id") or main_entity.get("url")
    canonical = canonical or _http_url(first("og:url"), url) or _http_url(article.get("url"), url) \
        or _http_url(main_entity, url) or _http_url(first("citation_abstract_html_url"), url) \
        or _http_url(url, None)

    # language
    html_el = root if root.tag == "html" else root.find(".//html")
    language = None
    for v in ((html_el.get("lang") or html_el.get("{http://www.w3.org/XML/1998/namespace}lang"))
              if html_el is not None else None,
              first("content-language"), first("dc.language"), first("og:locale"),
              article.get("inLanguage") if isinstance(article.get("inLanguage"), str) else None):
        language = _language(v)
        if language:
            break

    description = first("og:description", "description", "twitter:description")
    if not description and isinstance(article.get("description"), str):
        description = clean(article["description"])
    return _PageMetaWithHints(title=title, outlet=outlet, author=author, published=published, url=canonical,
                              language=language, description_hint=description)


_BYLINE_SELECTOR = re.compile(r"byline|author", re.I)


def _complete_metadata(meta: _PageMetaWithHints, doc, root) -> _PageMetaWithHints:
    """Fill gaps from the visible page (byline, <time>) and from trafilatura's own metadata search."""
    author, published, outlet, title = meta.author, meta.published, meta.outlet, meta.title
    if not author:
        for el in root.iter():
            if not isinstance(el.tag, str) or el.tag in _DROP_TAGS:
                continue
            if (el.get("rel") == "author" or _BYLINE_SELECTOR.search(el.get("class", "") or "")
                    or el.get("itemprop") == "author"):
                text = clean(_text(el))
                text = re.sub(r"^(by|written by)\s+", "", text, flags=re.I)
                if text and len(text.split()) <= 8 and not _DATE_TEXT.search(text):
                    author = text
                    break
    if not published:
        for t in root.iter("time"):
            published = _iso_date(t.get("datetime")) or _iso_date(clean(t.text_content()))
            if published:
                break
    if not outlet:
        # "Headline | Outlet" in <title> names the outlet as readers see it; trafilatura's sitename is
        # often a social-media handle ("SputnikInt") or a lower-cased host name ("politifact")
        outlet = _outlet_from_title(root)
    if doc is not None:
        author = author or (clean(doc.author) or None if getattr(doc, "author", None) else None)
        outlet = outlet or (clean(doc.sitename) or None if getattr(doc, "sitename", None) else None)
        title = title or (clean(doc.title) or None if getattr(doc, "title", None) else None)
    if outlet and outlet.startswith("@") and len(outlet) > 1:
        outlet = outlet[1:]
    if author and outlet and author.lower().endswith(outlet.lower()) and len(author) > len(outlet):
        # bylines such as "Finian Cunningham. Sputnik International" repeat the outlet
        author = author[: -len(outlet)].rstrip(" .,;|-\u2013\u2014") or author
    if not outlet and meta.url:
        outlet = urlparse(meta.url).hostname
        outlet = outlet[4:] if outlet and outlet.startswith("www.") else outlet
    return _PageMetaWithHints(title=title, outlet=outlet, author=author, published=published, url=meta.url,
                              language=meta.language, description_hint=meta.description_hint)


_TITLE_SEPARATOR = re.compile(r"\s+(?:\||-|\u2013|\u2014|::|\u00b7|\u2022)\s+")


def _outlet_from_title(root) -> str | None:
    """The last part of a "Headline | Outlet" page title, when it is short enough to be a name."""
    title_el = root.find(".//title")
    if title_el is None:
        return None
    parts = _TITLE_SEPARATOR.split(clean(title_el.text_content()) or "")
    if len(parts) < 2:
        return None
    last = parts[-1].strip()
    return last if 0 < len(last.split()) <= 4 and any(c.isupper() for c in last) else None


def public_meta(meta: PageMeta) -> PageMeta:
    return PageMeta(title=meta.title, outlet=meta.outlet, author=meta.author, published=meta.published,
                    url=meta.url, language=meta.language)


def iter_body(blocks: Iterable[Block]) -> Iterator[Block]:
    return (b for b in blocks if b.role in ("body", "subheading"))
