"""Attribution verbs: the reporting verb of each attribution that tells the reader something.

Neutral verbs of saying (``neutral: true`` in attribution_verbs.yaml: said, told, stated, added,
according to) are not proposed one by one: a teacher deletes them. When the article uses them, one
suggestion on the first of them notes the pattern (how many, which), so that a lesson can still set
them against the verbs that judge.
"""

from __future__ import annotations

from collections import Counter

from .attributions import _describe_source
from .reading import Article, Suggestion


def _pattern_note(art: Article, neutral: list) -> Suggestion:
    counts = Counter(att.verb.verb for att in neutral)
    listed = ", ".join(f'"{verb}" {n} time{"s" if n > 1 else ""}' for verb, n in counts.most_common())
    first = neutral[0]
    note = (f"The pattern, not this one verb: the article introduces {len(neutral)} statements with neutral verbs "
            f"of saying ({listed}). They report that words were spoken without judging them; compare them with "
            f"any verb in the article that presents a statement as true or doubtful.")
    return Suggestion(first.start, first.end, "attribution-verb", note, {"implies": first.verb.implies})


def find(art: Article) -> list[Suggestion]:
    out = []
    neutral = []
    for att in art.attributions:
        if art.in_quote(att.start, att.end) or att.reduced and not (att.verb.judges and att.source_span):
            continue  # ("the move announced by X" names an act; "criticized by the administration" a judgement)
        if att.verb.neutral:
            neutral.append(att)
            continue
        word = art.text[att.start:att.end]
        who = _describe_source(att, art.sentences_text(att.start, att.end)) if (att.source or att.unnamed) else "the speaker"
        implies = att.verb.implies
        note = f'"{word}" introduces words from {who}. {implies}'
        if att.verb.loaded:
            note += ' A loaded verb: it judges the statement or the speaker. Would "said" change how it reads?'
        else:
            note += ' Would "said" change how the statement reads?'
        out.append(Suggestion(att.start, att.end, "attribution-verb", note, {"implies": implies}))
    if len(neutral) >= 2:
        out.append(_pattern_note(art, neutral))
    return out
