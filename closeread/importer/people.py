"""A draft's ``sources`` list, from the names the suggester found, and each suggestion's ``source`` or
``speaker`` filled where the name it is attributed to is one of them.

The suggester reads who said what (``closeread.suggest.reading``); this module only turns the names it
found into source entries with short ids, and points suggestions at them. Unnamed sources ("officials")
get no entry: a source is a person or an organisation a reader could look up.
"""

from __future__ import annotations

import re

from closeread.importer.draft import slugify
from closeread.suggest.core import _blank  # the text as the suggester reads it: furniture blanked, offsets kept
from closeread.suggest.lexicon import SOURCE_NOUNS
from closeread.suggest.reading import Article
from closeread.validate.anchor import ArticleIndex

# words that make a name an organisation's, whose id is then its whole name, not its last word
_ORG_WORDS = {"ministry", "department", "agency", "authority", "council", "office", "police", "party",
              "committee", "university", "press", "news", "bank", "fund", "association", "union", "court",
              "house", "service", "army", "forces", "government", "commission", "institute", "center",
              "centre", "foundation", "company", "group", "times", "post", "network", "organization",
              "organisation", "board", "bureau", "senate", "congress", "parliament"}
# kinds whose field names who a statement comes from, and which field
REF_FIELD = {"source": "source", "figure": "source", "claim": "source", "attribution-verb": "source", "quote": "speaker"}


def _source_id(name: str, taken: set[str]) -> str:
    words = name.split()
    person = 2 <= len(words) <= 4 and not any(w.lower().strip(".,") in _ORG_WORDS for w in words)
    base = slugify(words[-1] if person else name, 30) or "source"
    sid, n = base, 2
    while sid in taken:
        sid, n = f"{base}-{n}", n + 1
    return sid


def _shouted(name: str) -> bool:
    """A name of two or more words in capitals ("BILL KIRBY"), not an acronym ("NASA", "BBC News")."""
    words = name.split()
    return len(words) >= 2 and all(w.isupper() and len(w.strip(".")) > 1 for w in words)


def _span(index: ArticleIndex, suggestion: dict) -> tuple[int, int] | None:
    matches = index.find_all(suggestion.get("quote", ""))
    n = suggestion.get("occurrence", 1)
    if not 1 <= n <= len(matches):
        return None
    return matches[n - 1].start, matches[n - 1].end


def draft_sources(text: str, suggestions: list[dict], *, skip=(), captions=(), outlet: str = "") -> tuple[list[dict], list[dict]]:
    """(the ``sources`` entries, the suggestions with ``source``/``speaker`` filled where a name matches).

    The outlet comes first (the voice of what it asserts); then every named source in reading order, with
    the description that introduces it."""
    art = Article(_blank(text, skip), captions=tuple(captions), page=text)
    index = ArticleIndex(text)
    sources: list[dict] = []
    by_name: dict[str, str] = {}
    taken: set[str] = set()
    if outlet and not outlet.startswith("TODO"):
        sid = slugify(outlet, 30) or "outlet"
        taken.add(sid)
        by_name[outlet] = sid
        sources.append({"id": sid, "name": outlet, "described_as": "the outlet itself: what it states in its own voice"})
    folded: dict[str, str] = {}  # a transcript's label "JON SIEBEN" is the body's Jon Sieben: one entry
    for att in sorted(art.attributions, key=lambda a: a.start):
        name = _name(art, att)
        if not name or att.unnamed or name in by_name or not name[:1].isupper():
            continue
        if name.casefold() in folded:
            by_name[name] = sid = folded[name.casefold()]
            entry = next(e for e in sources if e["id"] == sid)
            if _shouted(entry["name"]) and not _shouted(name):
                entry["name"] = name  # the body's "Jon Sieben" over the label's "JON SIEBEN"
            continue
        sid = _source_id(name, taken)
        taken.add(sid)
        by_name[name] = sid
        folded[name.casefold()] = sid
        # a transcript's label in capitals ("BILL KIRBY") is shown as a name is written (an option in capitals
        # beside "Jon Sieben" would stand out)
        entry = {"id": sid, "name": name.title() if _shouted(name) else name}
        description = " ".join((att.description or art.persons.get(name, "")).split())
        held = art.text[att.source_span[0]:att.source_span[1]] if att.source_span else ""
        if name in held and not held.startswith(name):  # "Baltic Crossings chief executive Pia Lund"
            description = " ".join(held[: held.rfind(name)].split()).strip(" ,")
        if description == name:  # the role was the name's description: "The regional transport minister"
            description = " ".join(att.source.split())
        if description and description != name:
            entry["described_as"] = description
        sources.append(entry)
    filled = []
    for s in suggestions:
        s = dict(s)
        field = REF_FIELD.get(s.get("kind", ""))
        span = _span(index, s) if field else None
        if span is not None and field not in s and not (s["kind"] == "claim" and s.get("stance") != "reported"):
            who = _attributed_to(art, s["kind"], *span)
            if who in by_name:
                s[field] = by_name[who]
        filled.append(s)
    return sources, filled


def _attributed_to(art: Article, kind: str, start: int, end: int) -> str:
    """The name the article attributes the words at [start, end) to, or ''."""
    if kind == "source":
        found = next((a for a in art.attributions if a.source_span and a.source_span[0] < end and start < a.source_span[1]), None)
    elif kind == "attribution-verb":
        found = next((a for a in art.attributions if a.start == start and a.end == end), None)
    else:
        found, _ = art.source_near(start, end)
    if found is None or found.unnamed:
        return ""
    return _name(art, found)


_PLACE_WORDS = {"island", "islands", "city", "county", "street", "river", "sea", "bay", "road", "square",
                "province", "region", "valley", "mountains", "coast"}
_PROPER = re.compile(r"^[A-Z][\w.'-]+(?: [A-Z][\w.'-]+){1,3}$")


def _last_name_held(art: Article, att) -> str:
    """The name nearest the verb among the names the words before it hold: the speaker of "Baltic
    Crossings chief executive Pia Lund said" is Pia Lund."""
    if not att.source_span:
        return ""
    words = art.text[att.source_span[0]:att.source_span[1]]
    found = [(words.rfind(p) + len(p), len(p), p) for p in art.persons if len(p.split()) >= 2 and re.search(rf"(?<!\w){re.escape(p)}(?!\w)", words)]
    return max(found)[2] if found else ""


def _name(art: Article, att) -> str:
    """Who an attribution names: the full name the words before the verb hold ("Union leader Ana
    Silva" is Ana Silva, not "Union"), else the name the reader found; '' for a common noun that only
    starts a sentence ("Critics"), a role whose holder is named beside it ("The regional transport
    minister, Eva Saar": Eva Saar) or a place ("Holm Island")."""
    name = " ".join(att.source.split())
    if att.unnamed or not name:
        return ""
    held = _last_name_held(art, att)
    if held:
        name = held
    words = name.split()
    description = " ".join((att.description or "").split())
    if words[0] in ("The", "A", "An") and _PROPER.match(description):
        return description
    if len(words) == 1 and (words[0].lower() in SOURCE_NOUNS or words[0].lower().rstrip("s") in SOURCE_NOUNS):
        return ""
    if words[-1].lower() in _PLACE_WORDS or words[0] in ("The", "A", "An"):
        return ""
    return name
