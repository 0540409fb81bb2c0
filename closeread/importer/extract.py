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

Body text stays verbatim: only runs of white space are collapsed. One module per job: ``page`` (the
result's types), ``dom`` (the page read as lines), ``body`` (trafilatura's body located in the DOM),
``classify`` (labels for the other lines), ``assemble`` (reading order), ``metadata``; this module
puts them together.
"""

from __future__ import annotations

import dataclasses
import re

import trafilatura

from closeread.errors import ImportFailed
from closeread.importer.read import PageSource
from .assemble import _assemble
from .body import _trafilatura_blocks
from .classify import _BYLINE_TEXT
from .dom import ParserLimit, _leaves, _parse
from .keep import kept_elements, kept_leaves
from .metadata import _complete_metadata, _iso_date, _metadata, _url_date, _visible_date, public_meta
from .page import ROLES, Block, ExtractedPage, PageMeta, clean, iter_body

__all__ = ["ROLES", "Block", "ExtractedPage", "PageMeta", "extract_page", "iter_body"]


def extract_page(source: PageSource, *, url: str | None = None, keep: tuple[str, ...] = ()) -> ExtractedPage:
    """The page's blocks and metadata. ``keep``: selectors of elements whose lines are article text
    (``--keep``), whatever the extraction made of them."""
    if source.kind == "text":
        if keep:
            raise ImportFailed(str(source.path), "--keep works on saved web pages (.html), not on text files")
        return _extract_text(source)
    return _extract_html(source, url=url, keep=keep)


def _extract_text(source: PageSource) -> ExtractedPage:
    lines = [clean(line) for line in source.text.split("\n")]
    lines = [line for line in lines if line]
    if len(lines) < 2:
        raise ImportFailed(str(source.path), "no article text found (only a headline); expected a headline "
                                             "line followed by the article's paragraphs")
    blocks = [Block("headline", lines[0], "Headline")] + [Block("body", line, "") for line in lines[1:]]
    return ExtractedPage(tuple(blocks), PageMeta(title=lines[0]))


def _extract_html(source: PageSource, *, url: str | None, keep: tuple[str, ...] = ()) -> ExtractedPage:
    html = source.text
    try:
        root = _parse(html)
    except ParserLimit as limit:
        deep = "elements nest more than 255 deep" if "depth" in limit.what.lower() else "the page is beyond the HTML parser's limits"
        raise ImportFailed(str(source.path), f"{deep} at line {limit.line}, where the parser would stop and lose the "
                                             "rest of the page; expected a page it can read whole (copy the "
                                             "article's text into a .txt file and import that instead)") from None
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
    kept = kept_leaves(leaves, kept_elements(root, keep, page=str(source.path))) if keep else {}
    blocks = _assemble(body, leaves, meta_page, root, kept=kept)
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
