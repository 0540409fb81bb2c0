"""Sources: who speaks or which document is cited, with the description that introduces them."""

from __future__ import annotations

from .lexicon import UNNAMED_SOURCE_RES
from .reading import Article, Suggestion


def find(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    seen_names = set()
    for att in art.attributions:
        if not att.source or att.unnamed or att.source_span is None:
            continue
        if att.source in seen_names or art.in_quote(att.start):
            continue
        seen_names.add(att.source)
        s, e = att.source_span
        desc = att.description or art.persons.get(att.source, "")
        note = f"Named source: {att.source}"
        if desc:
            note += f', described as "{desc}"'
        note += "."
        if att.via:
            note += f" The words reached the outlet via {att.via}."
        note += " Who is this, what do they stand to gain, and can what they say be checked elsewhere?"
        fields = {"via": att.via} if att.via else {}
        out.append(Suggestion(s, e, "source", note, fields))
    named_ends = [a.source_span[1] for a in art.attributions if a.source_span and not a.unnamed]
    seen_described = set()
    for att in art.attributions:
        if not att.unnamed or not att.source or att.source_span is None or art.in_quote(att.start):
            continue
        key = att.source.lower()
        if key in seen_described:
            continue
        seen_described.add(key)
        s, e = att.source_span
        note = (f'A source described but not named ("{att.source}"): who exactly is this, and could a reader '
                f"check what they said?")
        out.append(Suggestion(s, e, "source", note, {"via": att.via} if att.via else {}))
    for r in UNNAMED_SOURCE_RES:
        for m in r.finditer(text):
            s, e = m.start("src"), m.end("src")
            if any(0 <= s - ne <= 2 for ne in named_ends):
                continue  # "Health Department officials": the named body already covers it
            phrase = text[s:e]
            note = (f'An unnamed source ("{phrase}"): the article does not say who this is, so a reader '
                    f"cannot check it. Why might the source not be named?")
            out.append(Suggestion(s, e, "source", note, {}))
    # passive attributions with no one behind them: "it was reported"
    return out
