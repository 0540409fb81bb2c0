"""Loaded language: entries of loaded_language.yaml found in the outlet's own words."""

from __future__ import annotations

from .lexicon import loaded_language
from .reading import Article, Suggestion


def find(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    for entry in loaded_language():
        hits = list(entry.regex.finditer(text))
        if entry.first_only and hits:
            n = len(hits)
            m = hits[0]
            note = f'"{m.group(0)}": {entry.why} Neutral: "{entry.neutral}".'
            if n > 1:
                note += f" The article uses it {n} times."
            out.append(Suggestion(m.start(), m.end(), "loaded-language", note, {"neutral": entry.neutral}))
            continue
        for m in hits:
            if m.end() <= m.start():
                continue
            note = f'"{m.group(0)}": {entry.why} A neutral alternative: "{entry.neutral}".'
            out.append(Suggestion(m.start(), m.end(), "loaded-language", note, {"neutral": entry.neutral}))
    return out
