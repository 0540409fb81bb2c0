"""Speech set down by speaker labels: broadcast transcripts ("MARK BANNERMAN: ...") and Q&A interviews
("Mashable: ...?" / "McKelvey: ...").

Such a page has no quotation marks around what its speakers say: a label opens each turn, and the turn
runs on over the unlabelled paragraphs after it until the next label. The convention of transcripts and
interviews says who speaks for the outlet (the presenter who opens, the one who asks the questions, a
reporter introduced as reporting or named in the byline, the outlet's own name, "Q"); every other
speaker's turns are their words, as if quoted. This module finds the turns; reading.py masks the other
speakers' turns as quotations (so that no claim, hedge or loaded word is proposed inside them), and
the quotes and sources are proposed here.

A page is read this way only when at least two distinct speakers are labelled and one of them speaks
more than once: a lone "Update:", "Photo:" or "NEW DELHI:" is no conversation. Labels that are never a
speaker are data (``turns.yaml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import _data


@dataclass(frozen=True)
class Labels:
    not_speakers: frozenset
    outlet: frozenset
    answer: frozenset


@lru_cache(maxsize=None)
def labels() -> Labels:
    d = _data("turns.yaml")
    low = lambda key: frozenset(str(x).lower() for x in d[key])  # noqa: E731
    return Labels(low("not_speakers"), low("outlet_labels"), low("answer_labels"))


@dataclass(frozen=True)
class Turn:
    speaker: str                      # the label as written ("JON SIEBEN", "McKelvey")
    label: tuple[int, int]            # the label's span, without its colon
    body: tuple[tuple[int, int], ...]  # one span per paragraph: the words after the label, then whole lines
    outlet: bool                      # the outlet's own voice (presenter, interviewer, reporter)


# a speaker label at the start of a paragraph: a name of one to four capitalised words (or "Q", "A"), a colon,
# and the turn's first words, which open as a sentence does (not "Topics: olympics-summer, swimming")
_LABEL = re.compile(r"(?P<who>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*:\s*(?=[A-Z0-9\"“'‘(\[…—-])")
# words of a speaker talking: the first and second person
_PERSON = re.compile(r"(?<![\w'’-])(?:I|I['’](?:m|ve|d|ll)|(?i:me|my|we|we['’](?:re|ve|d|ll)|our|you|you['’](?:re|ve|d|ll)|your)|[Uu]s)"
                     r"(?![\w'’-])")


def _speaker_label(body: str) -> re.Match | None:
    m = _LABEL.match(body)
    if m is None or len(m.group("who")) > 40 or not body[m.end():].strip():
        return None
    who = m.group("who")
    key = who.lower().strip(" .")
    last = key.split()[-1]
    lab = labels()
    if key in lab.not_speakers or last in lab.not_speakers:
        return None
    if len(who) == 1 and key not in lab.outlet | lab.answer:
        return None  # an initial alone ("B: ...") names no one
    return m


def speaker_key(name: str) -> str:
    """A speaker's name compared without letter case or spacing ("JON  SIEBEN" is "jon sieben")."""
    return " ".join(name.lower().split())


def _introduced(text: str, name: str, pattern: str, *, surname: bool = True) -> bool:
    """The article names the speaker in a frame of its own ("Ellesa Throwden reports.")."""
    names = {re.escape(name)}
    if surname and len(name.split()) > 1:
        names.add(re.escape(name.split()[-1]))
    alt = "|".join(sorted(names, key=len, reverse=True))
    return re.search(pattern.replace("NAME", f"(?:{alt})"), text, re.IGNORECASE | re.MULTILINE) is not None


# the outlet's reporter: "Ellesa Throwden reports.", "reporting by NAME", "our correspondent NAME"
_REPORTS = r"(?:^|[.!?]\s+)NAME\s+(?:reports|reporting|has\s+this\s+report|has\s+more)(?:\s+from\s+[^.\n]{1,40})?" \
           r"\s*[.:]?\s*$|\b(?:reporter|correspondent|reporting\s+by|presenter|host)\s+NAME\b"
# a byline line: "By NAME ...", or a line that is the speaker's full name alone
_BYLINE = r"^\s*(?:by\s+NAME\b[^\n]{0,60}|NAME)\s*$"
# the outlet the interview was given to: "told Mashable", "in an interview with Mashable", "Mashable asked"
_OUTLET = r"\b(?:told|telling|tells|interview\s+with|spoke\s+(?:to|with))\s+NAME\b|\bNAME\s+(?:asked|asks)\b"


def find_turns(text: str, lines, *, page: str | None = None) -> list[Turn]:
    """The labelled turns of the article, in order, or [] when it is not set down by speaker labels.

    ``lines`` are reading.Line objects (furniture, captions, headlines marked); ``page`` the page's whole
    text, the lines the import set aside included (a byline line names the outlet's reporter)."""
    page = text if page is None else page
    found = []  # (line, label match)
    for ln in lines:
        if ln.furniture or ln.caption:
            continue
        m = _speaker_label(text[ln.start:ln.end])
        if m is not None:
            found.append((ln, m))
    # a line that reads as a headline ("Trump: I will win") is a turn only when its speaker also speaks in
    # the body ("ANNA KEEL: Yes, absolutely" has no full stop, and looks like one)
    speaking = {speaker_key(m.group("who")) for ln, m in found if not ln.headline}
    found = [(ln, m) for ln, m in found if not ln.headline or speaker_key(m.group("who")) in speaking]
    counts: dict[str, int] = {}
    written: dict[str, str] = {}
    for _, m in found:
        k = speaker_key(m.group("who"))
        counts[k] = counts.get(k, 0) + 1
        written.setdefault(k, m.group("who"))
    if len(counts) < 2 or max(counts.values()) < 2:
        return []
    labelled = {ln.index: m for ln, m in found}
    # each turn: the label's line and the unlabelled paragraphs after it, up to the next label, the page's
    # furniture, a headline or a caption; an interviewee's turn also ends at an unlabelled question (the
    # interviewer's, in a Q&A that labels only the first question)
    raw = []
    for ln, m in found:
        body = [(ln.start + m.end(), ln.end)]
        raw.append([m.group("who"), (ln.start + m.start("who"), ln.start + m.end("who")), body, [ln]])
    for (ln, _), turn in zip(found, raw):
        for nxt in lines[ln.index + 1:]:
            if nxt.index in labelled or nxt.furniture or nxt.caption or nxt.headline:
                break
            turn[3].append(nxt)
    # who speaks for the outlet
    lab = labels()
    first = speaker_key(found[0][1].group("who"))
    outlet = set()
    for k, who in written.items():
        turns_of = [r for r in raw if speaker_key(r[0]) == k]
        asks = sum(1 for r in turns_of if text[r[3][0].start:r[3][0].end].rstrip().endswith("?"))
        if k in lab.answer:
            continue
        if (k in lab.outlet or k == first or 2 * asks >= len(turns_of)
                or _introduced(text, who, _REPORTS) or _introduced(page, who, _BYLINE, surname=False)
                or _introduced(text, who, _OUTLET, surname=False)):
            outlet.add(k)
    # speech speaks in the first or second person: a list of items keyed by place or topic ("Oregon: Family
    # leave has been expanded ...") is no conversation, however many labels it has
    spoken = [r for r in raw if any(_PERSON.search(text[p.start:p.end]) for p in r[3])]
    if len(spoken) < 2:
        return []
    out = []
    for who, span, body, paras in raw:
        speaks_for_outlet = speaker_key(who) in outlet
        spans = [body[0]]
        for p in paras[1:]:
            if not speaks_for_outlet and text[p.start:p.end].rstrip().endswith("?"):
                break  # an unlabelled question: the interviewer speaks again
            spans.append((p.start, p.end))
        out.append(Turn(who, span, tuple(spans), speaks_for_outlet))
    return out
