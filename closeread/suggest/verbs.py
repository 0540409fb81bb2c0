"""Attribution verbs: the reporting verb of each attribution."""

from __future__ import annotations

from .reading import Article, Suggestion, _describe_source


def find(art: Article) -> list[Suggestion]:
    out = []
    for att in art.attributions:
        if art.in_quote(att.start, att.end):
            continue
        word = art.text[att.start:att.end]
        who = _describe_source(att) if (att.source or att.unnamed) else "the speaker"
        implies = att.verb.implies
        note = f'"{word}" introduces words from {who}. {implies}'
        if att.verb.loaded:
            note += ' A loaded verb: it judges the statement or the speaker. Would "said" change how it reads?'
        elif att.verb.verb not in {"said", "told", "according to", "stated"}:
            note += ' Would "said" change how the statement reads?'
        out.append(Suggestion(att.start, att.end, "attribution-verb", note, {"implies": implies}))
    return out
