"""The page's metadata: title, outlet, author, date, address and language (JSON-LD, meta tags, the page).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlparse

from .classify import _DATE_TEXT, _SHARE_ATTR, _SHARE_TEXT
from .dom import _DROP_TAGS, _inside, _text
from .page import PageMeta, clean
from closeread.validate.schema import NOT_IN_URL


_ARTICLE_TYPES = ("NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
                  "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "Article",
                  "BlogPosting", "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle",
                  "TechArticle", "SatiricalArticle", "AdvertiserContentArticle", "Review")


def _types(obj: dict) -> set[str]:
    t = obj.get("@type", [])
    t = t if isinstance(t, list) else [t]
    return {str(x).rsplit("/", 1)[-1] for x in t}


# schema.org data in real pages nests a handful of levels (@graph, the article, its author, a logo);
# deeper data is skipped whole, like data that does not parse, so that every walk below stays shallow
MAX_LD_DEPTH = 32


def _too_deep(data) -> bool:
    stack = [(data, 1)]
    while stack:
        value, depth = stack.pop()
        if isinstance(value, (list, dict)):
            if depth > MAX_LD_DEPTH:
                return True
            stack.extend((v, depth + 1) for v in (value.values() if isinstance(value, dict) else value))
    return False


def _json_ld(root) -> list[dict]:
    objs: list[dict] = []
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        raw = (script.text or "").strip()
        raw = re.sub(r"^\s*<!\[CDATA\[|\]\]>\s*$", "", raw)
        try:
            data = json.loads(raw, strict=False)
        except (ValueError, RecursionError):  # nested past Python's stack: as unreadable as a syntax error
            continue
        if _too_deep(data):
            continue  # no article's metadata nests like this; reading it would exhaust the stack

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
        if "name" not in value and isinstance(value.get("@id"), str) and value["@id"] in ids:
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
        # what an address never holds raw (check refuses it) written as a browser's address bar writes it
        return NOT_IN_URL.sub(lambda m: "%" + "".join(f"{b:02X}" for b in m.group().encode("utf-8")), value)
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
                if _inside(el, _SHARE_ATTR, 4) or _SHARE_TEXT.match(clean(_text(el))):
                    continue  # a share widget's "author-share" link is not the byline
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
    if author and (not outlet or _BYLINE_AGENCY.search(author)):
        # a byline that names its outlet ("DANICA KIRKA and JILL LAWLESS, Associated Press") says more
        # than a title suffix, and a news agency named there wrote the story whatever site hosts it
        # (og:site_name "Hosted" on AP's own pages)
        outlet, author = _outlet_in_byline(author)
        outlet = outlet or meta.outlet
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


# a news agency named at the end of a byline, even glued to the last name ("LAWLESSAssociated Press"),
# or an outlet after a separator ("Jane Doe, The Washington Post")
_BYLINE_AGENCY = re.compile(r"(?:[\s,|/\u2013\u2014-]*)(?P<outlet>(?:The )?(?:Associated Press|Reuters|Agence France-Presse"
                            r"|AFP|Bloomberg News|Bloomberg|Press Association))\s*$")
_BYLINE_OUTLET = re.compile(r"\s*[,|/\u2013\u2014]\s*(?P<outlet>(?:The )?(?:[A-Z][\w.&'-]+ ){0,3}"
                            r"(?:Press|News|Times|Post|Herald|Journal|Tribune|Agency|Gazette))\s*$")


def _outlet_in_byline(author: str) -> tuple[str | None, str]:
    """(the outlet a byline ends with, the byline without it), or (None, the byline)."""
    m = _BYLINE_AGENCY.search(author) or _BYLINE_OUTLET.search(author)
    if m is None or m.start() == 0:
        return None, author
    return m.group("outlet"), author[: m.start()].rstrip(" ,;|-\u2013\u2014") or author


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
