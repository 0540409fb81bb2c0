"""Material's search index, split so that search stays quick whatever the size of the kit.

Material builds its lunr index in the reader's browser from ``search/search_index.json``, which holds
the whole text of every page: at 1,000 lessons that is 11 MB to fetch and parse and some seconds of
indexing before the first result (measured in ``bench/``). After MkDocs has built a site, this module
replaces that file with two things made from it:

- ``search/search_index.json`` (and ``.js``, its file:// twin written by Material's offline plugin):
  what a result shows, each page and section's location, title, tags and the first words of its
  text, plus a note of this format under ``config.closeread``;
- ``search/shards/<hex>.js``: an inverted index split by the first two letters of each word, in
  small script files, so that a query loads only the few shards its words start with;
- ``search/text/<n>.js``: the sentences of each section whose text is longer than its result keeps, one
  file per page (``n``: the page's first document), so that a result shows the sentence its words were
  found in rather than the section's first lines; loaded for the first results only.

``docs/javascripts/closeread-search.js`` answers Material's search box from these (it speaks the
protocol of Material's search worker, and ``search-on-demand.js`` starts it in place of Material's).
Words are cut as Material cuts them (the config's ``separator``), lower-cased, trimmed of punctuation at
either end, and lunr's English stop words are left out; the documents are the ones Material indexed,
so ``data-search-exclude`` keeps working. A site that was not split (``mkdocs serve``, a Zensical
build) keeps Material's own index, and the worker indexes it in memory instead.
"""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

FORMAT = 2  # in each site's stamp: a change to what this module writes rebuilds the sites
PREVIEW = 320  # characters of a section's text kept for its result; Material shows two or three lines
TITLE, TEXT, TAGS = 1, 2, 4  # where a word was found, as bits beside each document number

# lunr's English stop words (lunr.stopWordFilter): Material leaves them out of its index, and so does this
STOP_WORDS = tuple(
    "a able about across after all almost also am among an and any are as at be because been but by can "
    "cannot could dear did do does either else ever every for from get got had has have he her hers him "
    "his how however i if in into is it its just least let like likely may me might most must my neither "
    "no nor not of off often on only or other our own rather said say says she should since so some than "
    "that the their them then there these they this tis to too twas us wants was we were what when where "
    "which while who whom why will with would yet you your".split()
)
_STOP = frozenset(STOP_WORDS)
_TAG = re.compile(r"<[^>]*>")
# Material keeps these tags in a section's text: each one ends a block (an article line, a list item)
_BLOCK = re.compile(r"</?(?:p|li|ul|ol|pre)>")
# a sentence ends at . ! ? (or their closing quote or bracket) followed by a space and a capital or a digit
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"'(\[\u201c\u2018]?[A-Z0-9])|(?<=[.!?][\"')\]\u201d\u2019])\s+(?=[A-Z0-9\"\u201c])")
_TRIM = re.compile(r"^[\W_]+|[\W_]+$")


def plain(markup: str) -> str:
    """The text of an index entry's HTML, with its spaces collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", markup)).split())


def words(text: str, separator: re.Pattern) -> list[str]:
    """The indexed words of plain text, in order: cut at ``separator``, lower-cased, trimmed."""
    out = []
    for piece in separator.split(text):
        word = _TRIM.sub("", piece.lower())
        if word and word not in _STOP:
            out.append(word)
    return out


def shard_name(word: str) -> str:
    """The file a word's postings go to: its first two characters, as hex of their UTF-8 (safe on any
    file system, and what the worker computes the same way)."""
    return word[:2].encode("utf-8").hex()


def sentences(markup: str) -> list[str]:
    """A section's sentences, from its indexed HTML: cut at every block (an article line stays whole even
    without a full stop, as a headline) and within a block at the end of each sentence."""
    out = []
    for block in _BLOCK.split(markup):
        text = plain(block)
        if text:
            out.extend(s for s in _SENTENCE.split(text) if s)
    return out


def _text_script(number: int, found: dict[int, list[str]]) -> str:
    body = json.dumps({str(k): v for k, v in found.items()}, ensure_ascii=False, separators=(",", ":"))
    return f"closereadText({number},{body});\n"


def _preview(text: str) -> str:
    if len(text) <= PREVIEW:
        return text
    cut = text.rfind(" ", 0, PREVIEW)
    return text[: cut if cut > PREVIEW // 2 else PREVIEW].rstrip() + " …"


def _shard_script(name: str, terms: dict[str, list[int]]) -> str:
    body = json.dumps(terms, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    # a script, not JSON: from file:// a page can load scripts but not fetch files
    return f"closereadShard({json.dumps(name)},{body});\n"


def read_shard(path: Path) -> dict[str, list[int]]:
    """A shard file's words and postings, as ``split_index`` wrote them (for the tests and the benchmark)."""
    return json.loads(path.read_text(encoding="utf-8").split(",", 1)[1].rsplit(");", 1)[0])


def split_index(site: Path) -> bool:
    """Split ``site``'s search index in place (see the module's docstring); False when the site has no
    index of Material's to split."""
    index = site / "search" / "search_index.json"
    if not index.is_file():
        return False
    data = json.loads(index.read_text(encoding="utf-8"))
    config = data.get("config") or {}
    if "closeread" in config or not isinstance(data.get("docs"), list):
        return False
    separator = re.compile(config.get("separator") or r"[\s\-]+")
    postings: dict[str, dict[int, int]] = {}
    shown = []
    texts: dict[int, dict[int, list[str]]] = {}  # a page's first document -> its long sections' sentences
    page_of: dict[str, int] = {}
    for number, doc in enumerate(data["docs"]):
        title, text = plain(doc.get("title", "")), plain(doc.get("text", ""))
        page = page_of.setdefault(doc["location"].split("#")[0], number)
        tags = [plain(t) for t in doc.get("tags") or []]
        for field, bit in ((title, TITLE), (text, TEXT), (" ".join(tags), TAGS)):
            for word in words(field, separator):
                found = postings.setdefault(word, {})
                found[number] = found.get(number, 0) | bit
        entry = {"location": doc["location"], "title": title, "text": _preview(text)}
        if tags:
            entry["tags"] = tags
        if len(text) > PREVIEW:
            texts.setdefault(page, {})[number] = sentences(doc.get("text", ""))
            entry["s"] = page
        shown.append(entry)
    shards: dict[str, dict[str, list[int]]] = {}
    for word in sorted(postings):
        shards.setdefault(shard_name(word), {})[word] = [n * 8 + bits for n, bits in sorted(postings[word].items())]
    folder = site / "search" / "shards"
    folder.mkdir(exist_ok=True)
    for name, terms in shards.items():
        (folder / f"{name}.js").write_text(_shard_script(name, terms), encoding="utf-8")
    folder = site / "search" / "text"
    folder.mkdir(exist_ok=True)
    for page, found in texts.items():
        (folder / f"{page}.js").write_text(_text_script(page, found), encoding="utf-8")
    config = dict(config, closeread={"format": FORMAT, "shards": sorted(shards), "stop": list(STOP_WORDS)})
    small = json.dumps({"config": config, "docs": shown}, ensure_ascii=False, separators=(",", ":"))
    index.write_text(small, encoding="utf-8")
    offline = site / "search" / "search_index.js"
    if offline.is_file():  # Material's offline plugin: the same index as a script, for file://
        offline.write_text(f"var __index = {small}", encoding="utf-8")
    return True
