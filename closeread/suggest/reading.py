"""Reading an article: its lines (furniture, captions, headlines), quotations and sentences; who said what is
found by the Attributions mixin (attributions.py)."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field

from .attributions import Attributions
from .lexicon import CAPTION_MARKERS, FURNITURE_WORDS, PAGE_FURNITURE, QUOTE_CHARS, _has_verb, _words
from .turns import Turn, find_turns, speaker_key


@dataclass
class Sentence:
    start: int
    end: int
    line: int


@dataclass
class Line:
    start: int
    end: int
    index: int
    furniture: bool = False
    caption: bool = False
    headline: bool = False
    quotes: list = field(default_factory=list)      # (start, end, inner_start, inner_end)
    sentences: list = field(default_factory=list)


@dataclass
class Suggestion:
    start: int
    end: int
    kind: str
    note: str
    fields: dict = field(default_factory=dict)
    turn: bool = False  # a whole paragraph of a speaker's turn (turns.py): quotations inside it are kept too


def _lines(text: str) -> list[Line]:
    lines = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if s < e:
            lines.append(Line(s, e, len(lines)))
    return lines


def _find_quotes(text: str, line: Line) -> list[tuple[int, int, int, int]]:
    """Quoted passages of a line: (outer start, outer end, inner start, inner end)."""
    out = []
    s, e = line.start, line.end
    i = s
    open_at = None
    while i < e:
        ch = text[i]
        if ch in "“„«" and open_at is None:
            open_at = i
        elif ch in "”»" and open_at is not None:
            out.append((open_at, i + 1))
            open_at = None
        elif text.startswith("’’", i) and open_at is not None:
            out.append((open_at, i + 2))  # “...’’: two closing single marks end a quotation on some wire pages
            open_at = None
            i += 1
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                out.append((open_at, i + 1))
                open_at = None
        i += 1
    runs_on = None
    if open_at is not None and len(text[open_at:e].split()) >= 3 and (
            text[open_at] == "“" or not text[s:open_at].strip() or re.search(r"[:,]\s*$", text[s:open_at])):
        # a quotation that runs on to the next paragraph has no closing mark at the end of this one (the next
        # opens with a mark again): it is quoted to the end of the line
        runs_on = open_at
    # single quotes: ‘...’ and '...' used as quotation marks (not apostrophes)
    taken = [(a, b) for a, b in out]
    for m in re.finditer(r"(?<![\w])(['‘])(?=[A-Za-z\[])(.{1,80}?)(?<=[\w.!?\]])(['’])(?![\w])", text[s:e]):
        a, b = s + m.start(), s + m.end()
        if any(x <= a < y for x, y in taken):
            continue
        inner = m.group(2)
        if len(inner.split()) > 12:
            continue
        if m.group(1) == "'" and m.group(3) == "’":
            continue
        out.append((a, b))
    result = []
    for a, b in sorted(out):
        ia, ib = a + 1, (b - 2 if text[b - 2:b] == "’’" else b - 1)
        while ia < ib and text[ia].isspace():
            ia += 1
        while ib > ia and text[ib - 1] in " ,":
            ib -= 1
        if ib > ia:
            result.append((a, b, ia, ib))
    if runs_on is not None:
        ia, ib = runs_on + 1, e
        while ia < ib and text[ia].isspace():
            ia += 1
        while ib > ia and text[ib - 1] in " ,":
            ib -= 1
        if ib > ia and not any(a <= runs_on < b for a, b, _, _ in result):
            result.append((runs_on, e, ia, ib))
    return sorted(result)


# A full stop that ends an abbreviation, not a sentence: titles and honorifics ("Rt. Hon.", "Rev.", "Supt."),
# months, company suffixes, and any capitalised word of up to four letters without a vowel ("Mr", "Rt",
# "Sgt", "Cpl", "Mt"): English words always have one, abbreviations often drop them.
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Mx|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Hon|Rev|Fr|Adm|Maj|Brig|Cmdr|Cdr|"
    r"Supt|Insp|Det|Msgr|Amb|Atty|Cllr|Ald|Esq|Pres|Sec|Mme|Mlle|Messrs|Inc|Ltd|Co|Corp|vs|etc|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e)|\b[A-Z]|"
    r"(?<![\w'’])[B-DF-HJ-NP-TV-Z][b-df-hj-np-tv-xz]{1,3})\.$"
)


# what follows a quotation that is its speaker's tag ('“It is over.” Smith said.'), not a new sentence
_TAG_AFTER = re.compile(r"[^.!?“\"]{0,60}?\b(?:said|says|say|told|tells|added|adds|asked|asks|wrote|writes)\b[^.!?“\"]{0,60}[.!?]?\s*(?:$|[“\"])")


def _sentences(text: str, line: Line) -> list[Sentence]:
    """Split a line into sentences, never inside a quotation."""
    inside = [(a, b) for a, b, _, _ in line.quotes]
    out = []
    start = line.start
    for m in re.finditer(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])", text[line.start:line.end]):
        cut = line.start + m.end()
        dot = line.start + m.start()
        closes = next(((a, b) for a, b in inside if a < dot < b - 1), None)
        if closes is not None and (text[dot + 1:closes[1]].strip("”\"’'") or text[dot] != "."
                                   or _TAG_AFTER.match(text, cut)):
            # inside a quotation; but a quotation that ends with its full stop ends the sentence too
            # ('... dubbed “Hebron Smart City.” According to critics, ...'), unless a speaker's tag follows (a
            # "!" or "?" there more often ends a title: 'on NPR’s “Wait, Wait … Don’t Tell Me!” The ...')
            continue
        if _ABBREV.search(text[max(start, dot - 6):dot + 1]):
            continue
        end = line.start + m.end()
        while end > start and text[end - 1].isspace():
            end -= 1
        out.append(Sentence(start, end, line.index))
        start = cut
    if start < line.end:
        out.append(Sentence(start, line.end, line.index))
    return out


class Article(Attributions):
    """An article split into lines, quotations and sentences, with who-said-what worked out (attributions.py)."""

    def __init__(self, text: str, *, captions: tuple[tuple[int, int], ...] = (), page: str | None = None):
        """``page``: the page's whole text, lines set aside by the import included (a byline names the
        reporter of a transcript); the text itself when not given."""
        self.text = text
        self.lines = _lines(text)
        # lines are disjoint and in order: the one holding a position is found by bisection (a scan per
        # question made the suggester quadratic in the article's length)
        self._starts = [ln.start for ln in self.lines]
        seen_lines: dict[str, int] = {}
        for ln in self.lines:
            body = text[ln.start:ln.end]
            ln.quotes = _find_quotes(text, ln)
            ln.sentences = _sentences(text, ln)
            words = _words(body)
            # a photo caption the import marked, or a line that reads like one
            ln.caption = bool(CAPTION_MARKERS.search(body)) or any(a <= ln.start < b for a, b in captions)
            ln.furniture = (
                ln.caption
                or bool(FURNITURE_WORDS.match(body) and len(words) <= 4)
                or bool(PAGE_FURNITURE.match(body))
                or (len(words) <= 6 and not re.search(r"[.!?\"”]$", body) and not _has_verb(words))
                or body in seen_lines
            )
            ln.headline = (not ln.furniture and not re.search(r"[.!?:][\"”’']?$", body) and 4 <= len(words) <= 25
                           and not (body[:1] in QUOTE_CHARS and body[-1:] in QUOTE_CHARS))
            seen_lines.setdefault(body, ln.index)
        self.turns: list[Turn] = find_turns(text, self.lines, page=page)
        # the outlet's own presenter or reporter in a transcript: its voice, not a source it reports
        self.outlet_speakers = frozenset(speaker_key(t.speaker) for t in self.turns if t.outlet)
        self.turn_quotes: set[tuple[int, int, int, int]] = set()
        self._read_turns()
        self.masked = self._mask_quotes()
        self._read_attributions()
        self._label_attributions()

    # ---- speech set down by speaker labels (turns.py) ------------------------------------------

    def _read_turns(self) -> None:
        """A label is no part of any sentence (no claim holds "JON SIEBEN:"); each paragraph of a speaker
        other than the outlet is a quotation of its own, masked like one, with any quotation inside it."""
        for turn in self.turns:
            for i, (s, e) in enumerate(turn.body):
                ln = self.line_of(s)
                if i == 0:
                    ln.sentences = [Sentence(max(x.start, s), x.end, x.line) for x in ln.sentences if x.end > s]
                    ln.headline = False  # a turn without its full stop, not a headline
                if not turn.outlet and e > s:
                    q = (s, e, s, e)
                    self.turn_quotes.add(q)
                    ln.quotes = sorted([*ln.quotes, q], key=lambda x: (x[0], -x[1]))

    def _label_attributions(self) -> None:
        """Each label of a speaker other than the outlet names the source of the turn it opens (the colon
        stands for the verb, as in 'Prelogar: "..."')."""
        from .attributions import Attribution
        from .lexicon import Verb
        # the outlet's own presenter or reporter ("Ellesa Throwden reports.") is its voice, not a source it reports
        if self.outlet_speakers:
            self.attributions = [a for a in self.attributions if speaker_key(a.source) not in self.outlet_speakers]
        added = False
        for turn in self.turns:
            s, e = turn.label
            if turn.outlet or any(a.source_span and a.source_span[0] < e and s < a.source_span[1]
                                  for a in self.attributions):
                continue
            verb = Verb(":", (), "A speaker's label opens the turn: the words after it are the speaker's.", False)
            self.attributions.append(Attribution(e, e + 1, verb, turn.speaker, False, (s, e), reduced=True))
            added = True
        if added:
            self.attributions.sort(key=lambda a: a.start)

    def turn_at(self, pos: int) -> Turn | None:
        """The turn of a speaker other than the outlet whose words hold the position, if any."""
        for turn in self.turns:
            if not turn.outlet and any(s <= pos < e for s, e in turn.body):
                return turn
        return None

    # ---- helpers -------------------------------------------------------------------------------

    def _mask_quotes(self) -> str:
        chars = list(self.text)
        for ln in self.lines:
            for a, b, _, _ in ln.quotes:
                for i in range(a, b):
                    chars[i] = "¤"
        return "".join(chars)

    def in_quote(self, start: int, end: int | None = None) -> tuple[int, int, int, int] | None:
        end = start if end is None else end
        ln = self.line_of(start)
        for q in ln.quotes if ln is not None else ():
            if q[0] <= start and end <= q[1]:
                return q
        return None

    def line_of(self, pos: int) -> Line | None:
        i = bisect.bisect_right(self._starts, pos) - 1
        return self.lines[i] if i >= 0 and pos <= self.lines[i].end else None

    def sentences_text(self, start: int, end: int) -> str:
        """The words of the sentences that the span start..end touches (its sentence, for a short span)."""
        first, last = self.sentence_of(start), self.sentence_of(max(start, end - 1))
        a = first.start if first else start
        b = last.end if last else end
        return self.text[min(a, start):max(b, end)]

    def sentence_of(self, pos: int) -> Sentence | None:
        ln = self.line_of(pos)
        if ln is None:
            return None
        for s in ln.sentences:
            if s.start <= pos <= s.end:
                return s
        return None
