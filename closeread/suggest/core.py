"""Rule-based suggestions of draft annotations for a news article: the detectors of each kind put together.

Everything is plain Python and regular expressions over the article text, with two data files
(``attribution_verbs.yaml`` and ``loaded_language.yaml``) that a teacher can extend. Nothing is
downloaded and nothing is random: the same text always gives the same suggestions in the same order.
The text is read as plain text: HTML tags, ``{{ }}`` and Markdown are ordinary characters here.
One module per kind (figures, sources, verbs, quotes, loaded, speculation, claims) finds its
suggestions in an ``Article`` (reading.py: lines, quotations and sentences; attributions.py: who said what).
"""

from __future__ import annotations

import re

from closeread.validate.anchor import ArticleIndex
from .anchor import occurrence_at
from . import claims, figures, loaded, quotes, sources, speculation, verbs
from .lexicon import PAGE_FURNITURE, per_kind_limits
from .reading import Article, Suggestion


# Order used to break ties between suggestions that start at the same place, and to choose between
# suggestions of different kinds on exactly the same words.
KIND_ORDER = ["quote", "source", "attribution-verb", "figure", "loaded-language", "speculation", "claim"]


def _capped(items: list[Suggestion], limits: dict[str, int]) -> list[Suggestion]:
    """The first ``limits[kind]`` suggestions of each kind, in article order (the lead comes first)."""
    seen: dict[str, int] = {}
    out = []
    for it in items:
        seen[it.kind] = seen.get(it.kind, 0) + 1
        if seen[it.kind] <= limits.get(it.kind, 10**6):
            out.append(it)
    return out


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    items = sorted(items, key=lambda x: (x.start, -(x.end - x.start), rank[x.kind]))
    kept: list[Suggestion] = []
    for it in items:
        if it.end <= it.start:
            continue
        dup = False
        for k in kept:
            if k.start == it.start and k.end == it.end:
                dup = True
                break
            # (a quotation inside a speaker's turn is a quote of its own: the speaker reports someone's words)
            same_kind_inside = k.kind == it.kind and k.start <= it.start and it.end <= k.end and not k.turn
            if same_kind_inside:
                dup = True
                break
            # same kind and overlapping (e.g. two figure readings of one number): keep the first
            if k.kind == it.kind and it.kind not in {"claim", "quote"} and k.start < it.end and it.start < k.end:
                dup = True
                break
        if not dup:
            kept.append(it)
    return kept


_ENGLISH = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "it", "by", "at",
            "from", "his", "her", "he", "she", "they", "are", "were", "be", "has", "have", "had", "a", "an"}


def _looks_english(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    if len(words) < 20:
        return True
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.12


def _blank(text: str, skip) -> str:
    """The text with the skipped spans made spaces (line breaks kept): offsets stay those of the text,
    and the rules never read page furniture."""
    if not skip:
        return text
    chars = list(text)
    for start, end in skip:
        for i in range(max(0, start), min(len(chars), end)):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)


def suggest(article_text: str, *, skip=(), captions=(), limits: dict[str, int] | None = None) -> list[dict]:
    """Draft annotations for an article, in the lesson format, ordered by position in the article.

    ``skip`` lists (start, end) spans that are not the article's words (the parts an import marked as
    page furniture or photo credits): nothing is suggested on them. ``captions``: spans of photo captions
    (read, but no claim is proposed on them: they describe a picture). ``limits`` caps the suggestions of
    each kind (what it leaves out comes from ``limits.yaml``), so that a long page does not bury the teacher.
    """
    if not isinstance(article_text, str):
        raise TypeError("suggest() takes the article text as a string")
    text = article_text
    if not text.strip():
        return []
    # lines that are the page's (bylines, contributor lines, credits, share prompts), whatever the import
    # marked: nothing is suggested on them
    skip = list(skip) + [m.span() for m in re.finditer(r"[^\n]+", text) if PAGE_FURNITURE.match(m.group(0).strip())]
    art = Article(_blank(text, skip), captions=tuple(captions), page=text)
    english = _looks_english(art.text)
    items = []
    items += quotes.find(art)
    items += figures.find(art)
    if english:
        # the word lists are English: in another language they would only produce noise
        items += sources.find(art)
        items += verbs.find(art)
        items += loaded.find(art, [(x.start, x.end) for x in items if x.kind == "quote"])
        items += speculation.find(art)
    if english:
        marked = [(x.start, x.end) for x in items if x.kind in {"figure", "loaded-language", "speculation"}]
        items += claims.find(art, marked)
    # "it is alleged": the passive verb is part of the unnamed source, one suggestion is enough
    source_spans = [(x.start, x.end) for x in items if x.kind == "source"]
    items = [x for x in items
             if not (x.kind == "attribution-verb" and any(a <= x.start and x.end <= b for a, b in source_spans))]
    kept = _dedupe(items)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    kept.sort(key=lambda x: (x.start, x.end, rank[x.kind]))
    kept = _capped(kept, {**per_kind_limits(), **(limits or {})})
    counters: dict[str, int] = {}
    out = []
    index = ArticleIndex(text)
    for it in kept:
        quote = text[it.start:it.end]
        n, total = occurrence_at(index, quote, it.start)
        if n == 0:
            continue  # not on word boundaries, or an overlapping repeat: the build could not point at it
        counters[it.kind] = counters.get(it.kind, 0) + 1
        d = {"id": f"s-{it.kind}-{counters[it.kind]}", "kind": it.kind, "quote": quote}
        if total > 1:
            d["occurrence"] = n
        d["note"] = it.note
        d["suggested"] = True
        d.update(it.fields)
        out.append(d)
    return out
