"""Claims: checkable statements, reported (attributed) or asserted (the outlet's own voice)."""

from __future__ import annotations

import re

from .lexicon import UNNAMED_SOURCE_RES
from .reading import Article, Suggestion, _has_verb, _words


_CHECKWORTHY = re.compile(
    r"(?<![\w-])(?:most|least|biggest|largest|smallest|worst|best|first|last|only|never|always|all|every|none|"
    r"no one|nobody|because|due to|as a result|result(?:ed|s)? in|led to|caus(?:e|ed|es|ing)|despite|failed|"
    r"fail(?:s|ure)?|prove[sn]?|proved|shows?|showed|clearly|obviously|undoubtedly|in fact|indeed|record|"
    r"driving force|blame[sd]?|responsible|illegal|unprecedented|numerous|many|dozens|thousands|millions)(?![\w-])",
    re.IGNORECASE,
)


_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|we're|we’re|our|us|let's|let’s)(?![\w'’-])",
                           re.IGNORECASE)


def find(art: Article, marked: list[tuple[int, int]]) -> list[Suggestion]:
    """Unattributed sentences worth checking: the headline, the lead, and sentences that carry a figure,
    a loaded word, or an absolute, superlative or causal word."""
    out = []
    text = art.text
    unnamed_spans = [m.span() for r in UNNAMED_SOURCE_RES for m in r.finditer(text)]
    body_lines = [ln for ln in art.lines if not (ln.furniture or ln.caption or ln.headline)]
    lead_line = body_lines[0].index if body_lines else -1
    for ln in art.lines:
        if ln.furniture or ln.caption:
            continue
        for sent in ln.sentences:
            body = text[sent.start:sent.end]
            words = _words(body)
            if len(words) < 6 or len(words) > 80 or body.rstrip().endswith(("?", ":")):
                continue
            if not _has_verb(words):
                continue
            if any(q[0] < sent.end and sent.start < q[1] and (q[3] - q[2]) > 40 for q in ln.quotes):
                continue
            if any(sent.start <= a.start <= sent.end for a in art.attributions):
                continue
            if any(sent.start <= s < sent.end for s, _ in unnamed_spans):
                continue
            if re.search(r"\baccording to\b", body, re.I):
                continue
            if _FIRST_PERSON.search(art.masked[sent.start:sent.end]):
                continue  # the writer's own experience or opinion, not a news claim
            worthy = (ln.headline or ln.index == lead_line or bool(_CHECKWORTHY.search(art.masked[sent.start:sent.end]))
                      or any(sent.start <= a < sent.end for a, _ in marked))
            if not worthy:
                continue
            note = ("Stated in the outlet's own voice, with no source named: is this a fact the reader can check, "
                    "or a claim that needs evidence?")
            if ln.headline:
                note = "The headline states this in the outlet's own voice. Does the article's body support it?"
            out.append(Suggestion(sent.start, sent.end, "claim", note, {"stance": "asserted"}))
    return out
