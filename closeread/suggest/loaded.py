"""Loaded language: entries of loaded_language.yaml and general cues (loaded_cues.py) in the outlet's own words.

Words inside a direct quotation are the speaker's, not the outlet's: they are left to the quote
suggestion (whose note a teacher can extend). Hits next to each other ("torrent of derision",
"madame-procurer") are one phrase and one suggestion. Scare quotes are found with the quotations
(quotes.py), sarcastic exclamations here.
"""

from __future__ import annotations

import re

from . import loaded_cues
from .lexicon import loaded_language
from .reading import Article, Suggestion

# what joins two loaded words into one phrase: a hyphen, "of", a space (not "and": two separate words)
_JOIN = re.compile(r"(?:\s*-\s*|\s+of\s+|\s+)")


def _merged(items: list[Suggestion], text: str) -> list[Suggestion]:
    items = sorted(items, key=lambda x: (x.start, -x.end))
    out: list[Suggestion] = []
    for it in items:
        if out and it.start <= out[-1].end:
            prev = out[-1]
            out[-1] = Suggestion(prev.start, max(prev.end, it.end), prev.kind, prev.note, prev.fields)
        elif out and _JOIN.fullmatch(text[out[-1].end:it.start]) and "\n" not in text[out[-1].end:it.start]:
            prev = out[-1]
            out[-1] = Suggestion(prev.start, it.end, prev.kind, prev.note, prev.fields)
        else:
            out.append(it)
    return out


_COURTESY = re.compile(r"(?:thanks?(?:\s+you)?|welcome|congratulations|congrats|good luck|happy\s+\w+|enjoy|cheers)\b",
                      re.IGNORECASE)


def _exclamations(art: Article) -> list[Suggestion]:
    """Exclamations in the outlet's own voice ("How chivalrous!"): sarcasm or outrage, not report."""
    out = []
    for ln in art.lines:
        if ln.furniture or ln.caption or ln.headline:
            continue
        line = art.text[ln.start:ln.end]
        if not re.search(r"[a-z]", line):
            continue  # "THE POINT -- NOW ON YOUTUBE!": a shouted promotion, the page's and not the writer's
        if len(ln.sentences) == 1 and line.endswith("!") and len(line.split()) >= 4:
            continue  # "T1 are your Worlds 2023 champions!": a whole line that exclaims is a heading's cheer
        # (not the mark inside a name, "Yahoo!." or "Jeopardy!,": a word or a stop follows it at once)
        for mark in re.finditer(r"!(?![\w.,])", line):
            end = ln.start + mark.end()
            if art.in_quote(end - 1, end) or "¤" in art.masked[end - 1:end]:
                continue
            sent = art.sentence_of(end - 1)
            if sent is None:
                continue
            # the exclamation's own clause: from the last dash, comma or parenthesis before it ("there's
            # reason -- lots of it! -- to wonder"), or the sentence's start ("How chivalrous!")
            head = art.masked[sent.start:end - 1]
            cut = max((m.end() for m in re.finditer(r"(?:\s[-—–]{1,2}\s|[,;(])\s*", head)), default=0)
            start = sent.start + cut
            while start < end and art.text[start].isspace():
                start += 1
            if art.in_quote(start, end) or "¤" in art.masked[start:end] or _COURTESY.match(art.text[start:end]):
                continue  # ("Thanks for your support!": a formula of courtesy, judging nothing)
            note = ("An exclamation in the writer's own voice: sarcasm or outrage, which tells the reader what to "
                    "feel. What would a neutral report say instead?")
            out.append(Suggestion(start, end, "loaded-language", note, {"neutral": "(a plain statement of the facts)"}))
    return out


def find(art: Article, taken: list[tuple[int, int]] = ()) -> list[Suggestion]:
    """Entries of the teacher's list, words the general cues score as loaded (loaded_cues.py), and
    exclamations. ``taken``: spans proposed as other kinds (quotations, sources), not searched."""
    out = []
    text = art.text
    for entry in loaded_language():
        hits = [m for m in entry.regex.finditer(text) if m.end() > m.start() and not art.in_quote(m.start(), m.end())
                and (ln := art.line_of(m.start())) is not None and not ln.furniture]
        if entry.first_only and hits:
            n = len(hits)
            m = hits[0]
            note = f'"{m.group(0)}": {entry.why} Neutral: "{entry.neutral}".'
            if n > 1:
                note += f" The article uses it {n} times."
            out.append(Suggestion(m.start(), m.end(), "loaded-language", note, {"neutral": entry.neutral}))
            continue
        for m in hits:
            note = f'"{m.group(0)}": {entry.why} A neutral alternative: "{entry.neutral}".'
            out.append(Suggestion(m.start(), m.end(), "loaded-language", note, {"neutral": entry.neutral}))
    # a label inside a sentence that reports it ("called the process a sham") is the speaker's word
    out = [x for x in out if not _labelled(art, x.start)]
    exclamations = _exclamations(art)
    covered = [(x.start, x.end) for x in out + exclamations]
    out += [x for x in loaded_cues.find(art, list(taken) + covered) if not _labelled(art, x.start)]
    return _merged(out, text) + exclamations


_LABELLING = re.compile(r"(?<![\w-])(?:called|calls|calling|described|describes|dubbed|branded|labell?ed|termed)"
                        r"(?![\w-])", re.IGNORECASE)


def _labelled(art: Article, pos: int) -> bool:
    """The word stands in the label a reported speaker puts on something: after "called" ("called the
    process a sham"), or after the "as" of "described X as" ("as lighthearted satire")."""
    sent = art.sentence_of(pos)
    if sent is None:
        return False
    before = art.masked[sent.start:pos]
    m = None
    for m in _LABELLING.finditer(before):
        pass
    if m is None:
        return False
    if m.group(0).lower().startswith("describ"):
        return bool(re.search(r"\sas\s", before[m.end():] + " "))
    return True
