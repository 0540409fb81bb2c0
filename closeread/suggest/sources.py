"""Sources: who speaks or which document is cited, with the description that introduces them.

Every attribution outside a quotation gets its source proposed, where the article names or describes
the speaker (a bare "he said" has nothing to point at): a teacher asks about each one, and a source
named a second time is still the answer to "who says so?" for that statement.
"""

from __future__ import annotations

import re

from .lexicon import DOCUMENT_SOURCE_RE, FINDING_SOURCE_RE, ORG_WORDS, UNNAMED_SOURCE_RES
from .source_span import names_people
from .attributions import NAMED_WITH_DESCRIPTION, headline_credits, names_in
from .reading import Article, Suggestion
from .turns import speaker_key

# two speakers, each named with a description: one source each
_TWO_NAMED = re.compile(rf"({NAMED_WITH_DESCRIPTION}),?\s+and\s+({NAMED_WITH_DESCRIPTION})")


def _a_body(words: str) -> bool:
    """A person or a body: a proper name after the article, or a head noun of people or organisations."""
    rest = re.sub(r"(?i)^the\s+", "", words).split()
    last = rest[-1].lower() if rest else ""
    return bool(rest) and (rest[0][:1].isupper() or last in ORG_WORDS | {"community"} or names_people(last))


def find(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    seen: set[str] = set()
    taken: list[tuple[int, int]] = []
    for att in art.attributions:
        if att.source_span is None or art.in_quote(att.start) or art.in_quote(*att.source_span):
            continue
        s, e = att.source_span
        if any(s < b and a < e for a, b in taken):
            continue
        taken.append((s, e))
        phrase = " ".join(text[s:e].split())
        if att.source and not att.unnamed and names_in(att.source, text[s:e]):
            desc = att.description or art.persons.get(att.source, "")
            if att.source in seen:
                note = f"{att.source} again, as the source of this statement."
            else:
                note = f"Named source: {att.source}" + (f', described as "{desc}"' if desc else "") + "."
            seen.add(att.source)
        else:
            note = (f'A source described but not named ("{phrase}"): who exactly is this, and could a reader '
                    f"check what they said?")
        if att.via:
            note += f" The words reached the outlet via {att.via}."
        note += " Who is this, what do they stand to gain, and can what they say be checked elsewhere?"
        fields = {"via": att.via} if att.via else {}
        pair = _TWO_NAMED.fullmatch(text[s:e])
        if pair:
            # "Kurt Volker, former special envoy, and Tim Morrison, an NSC aide": two sources, each described
            for g in (1, 2):
                who = " ".join(pair.group(g).split())
                out.append(Suggestion(s + pair.start(g), s + pair.end(g), "source",
                                      f"Named source: {who}, one of two who speak together here. "
                                      "Who is this, what do they stand to gain, and can what they say be checked "
                                      "elsewhere?", fields))
            continue
        out.append(Suggestion(s, e, "source", note, fields))
    for _, (s, e) in headline_credits(art):
        if not any(s < b and a < e for a, b in taken):
            taken.append((s, e))
            out.append(Suggestion(s, e, "source", f"The headline credits its words to {text[s:e]}: does the body say "
                                  "where and when they said it?", {}))
    for m in [*DOCUMENT_SOURCE_RE.finditer(art.masked), *FINDING_SOURCE_RE.finditer(art.masked)]:
        s, e = m.start("src"), m.end("src")
        ln = art.line_of(s)
        if ln is None or ln.furniture or ln.caption or any(s < b and a < e for a, b in taken):
            continue
        if m.re is FINDING_SOURCE_RE and not _a_body(text[s:e]):
            continue  # "the plan's conclusion that": a thing's, not a body's ("the intelligence community's" is)
        taken.append((s, e))
        name = " ".join(text[s:e].split())
        note = (f"A body named as the origin of data or a document ({name}): who collects it, how, and is it "
                f"the best source for this number?")
        out.append(Suggestion(s, e, "source", note, {}))
    for r in UNNAMED_SOURCE_RES:
        for m in r.finditer(text):
            s, e = m.start("src"), m.end("src")
            if any(s < b and a < e for a, b in taken):
                continue  # (inside a quotation too: "I received information that ..." cites a source)
            taken.append((s, e))
            phrase = text[s:e]
            note = (f'An unnamed source ("{phrase}"): the article does not say who this is, so a reader '
                    f"cannot check it. Why might the source not be named?")
            out.append(Suggestion(s, e, "source", note, {}))
    # the outlet's own presenter or reporter in a transcript ("Ellesa Throwden reports."): its voice, no source
    own = art.outlet_speakers
    return [x for x in out if speaker_key(text[x.start:x.end]) not in own] if own else out
