"""Rule-based suggestions of draft annotations for a news article.

Everything here is plain Python and regular expressions over the article text, with two data files
(``attribution_verbs.yaml`` and ``loaded_language.yaml``) that a teacher can extend. Nothing is
downloaded and nothing is random: the same text always gives the same suggestions in the same order.

The text is read as plain text: HTML tags, ``{{ }}`` and Markdown are ordinary characters here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from closeread.validate.anchor import ArticleIndex

from .anchor import occurrence_at

# Order used to break ties between suggestions that start at the same place, and to choose between
# suggestions of different kinds on exactly the same words.
KIND_ORDER = ["quote", "source", "attribution-verb", "figure", "loaded-language", "speculation", "claim"]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


# --------------------------------------------------------------------------------------------------
# data files


@dataclass(frozen=True)
class Verb:
    verb: str
    forms: tuple[str, ...]
    implies: str
    strict: bool


@dataclass(frozen=True)
class Loaded:
    regex: re.Pattern
    neutral: str
    why: str
    first_only: bool
    label: str


def _data(name: str):
    with resources.files(__package__).joinpath(name).open("r", encoding="utf-8") as fh:
        return yaml.load(fh, Loader=_Loader) or []


@lru_cache(maxsize=None)
def attribution_verbs() -> tuple[Verb, ...]:
    """The reporting verbs of ``attribution_verbs.yaml``."""
    out = []
    for entry in _data("attribution_verbs.yaml"):
        out.append(Verb(entry["verb"], tuple(entry["forms"]), entry["implies"].strip(), bool(entry.get("strict"))))
    return tuple(out)


def compile_loaded(entry: dict) -> Loaded:
    """Compile one entry of the loaded-language list (``term`` or ``pattern``)."""
    if "pattern" in entry:
        source = entry["pattern"]
        label = entry.get("term") or entry["pattern"]
    else:
        term = str(entry["term"]).strip()
        words = [re.escape(w) for w in term.split()]
        source = r"(?<![\w-])" + r"\s+".join(words) + r"(?![\w-])"
        label = term
    flags = 0 if entry.get("case_sensitive") else re.IGNORECASE
    return Loaded(re.compile(source, flags), str(entry["neutral"]).strip(), str(entry["why"]).strip(),
                  bool(entry.get("first_only")), label)


@lru_cache(maxsize=None)
def loaded_language() -> tuple[Loaded, ...]:
    """The entries of ``loaded_language.yaml``, compiled."""
    return tuple(compile_loaded(e) for e in _data("loaded_language.yaml"))


# --------------------------------------------------------------------------------------------------
# word lists used by the rules (general English, not tied to one article)

TITLES = {
    "president", "vice", "prime", "minister", "governor", "senator", "sen", "sen.", "rep", "rep.",
    "representative", "gen", "gen.", "general", "dr", "dr.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.",
    "secretary", "chancellor", "king", "queen", "prince", "princess", "pope", "chief", "spokesman",
    "spokeswoman", "spokesperson", "ambassador", "mayor", "judge", "justice", "commander", "colonel",
    "col.", "lt.", "lieutenant", "captain", "capt.", "director", "ceo", "chairman", "chairwoman", "chair",
    "officer", "acting", "former", "deputy", "foreign", "defense", "defence", "interior", "state",
    "speaker", "leader", "head", "professor", "prof.", "sir", "lord", "lady", "premier", "attorney",
    "sheriff", "inspector", "sergeant", "sgt.", "major", "admiral", "marshal", "founder", "analyst",
    "economist", "editor", "correspondent", "reporter", "rev.", "reverend", "bishop", "patriarch",
    "counterpart", "governor-general", "lt", "col", "presidential", "press", "health", "finance", "senate", "house",
}
STOP_CAPS = {
    "the", "a", "an", "in", "on", "at", "but", "and", "or", "while", "after", "before", "when", "as", "if",
    "this", "that", "these", "those", "his", "her", "their", "its", "our", "my", "we", "i", "he", "she",
    "they", "it", "there", "here", "meanwhile", "however", "also", "still", "yet", "then", "so", "last",
    "earlier", "later", "now", "today", "yesterday", "on", "for", "from", "with", "by", "of", "to",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
}
ORG_WORDS = {
    "department", "ministry", "office", "agency", "service", "services", "council", "committee", "court",
    "commission", "police", "army", "forces", "government", "university", "institute", "company", "inc",
    "corp", "group", "bank", "news", "times", "post", "party", "house", "senate", "kremlin", "pentagon",
    "administration", "bureau", "board", "authority", "association", "foundation", "organization",
    "organisation", "union", "network", "press", "journal", "command", "staff", "congress", "parliament",
}
NAME_SUFFIXES = {"jr", "jr.", "sr", "sr.", "ii", "iii", "iv"}
PRONOUNS = {"he": "person", "she": "person", "they": "group", "we": "group", "i": "person", "it": "thing"}
# Words that name a kind of source without naming who it is.
SOURCE_NOUNS = {
    "source", "sources", "official", "officials", "spokesman", "spokeswoman", "spokesperson", "expert",
    "experts", "analyst", "analysts", "observer", "observers", "critic", "critics", "insider", "insiders",
    "witness", "witnesses", "resident", "residents", "diplomat", "diplomats", "report", "reports", "media",
    "authorities", "police", "ministry", "government", "military", "army", "office", "statement",
    "agency", "people", "governor", "minister", "president", "commander", "leader", "mayor", "company",
    "researchers", "scientists", "study", "survey", "poll", "doctors", "investigators", "prosecutors",
    "lawyer", "lawyers", "attorney", "attorneys", "representative", "representatives", "some", "many",
}
DETERMINERS = {
    "the", "a", "an", "these", "those", "this", "that", "his", "her", "their", "its", "our", "such",
    "of", "media", "news", "false", "unfounded", "new", "any", "no", "similar", "earlier", "previous",
}
MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)
AUX_VERBS = {
    "is", "are", "was", "were", "be", "been", "being", "am", "has", "have", "had", "will", "would",
    "can", "could", "should", "must", "may", "might", "shall", "do", "does", "did", "get", "gets", "got",
    "make", "makes", "made", "go", "goes", "went", "take", "takes", "took", "give", "gives", "gave",
    "come", "comes", "came", "see", "sees", "saw", "know", "knows", "knew", "find", "finds", "found",
    "keep", "keeps", "kept", "hold", "holds", "held", "lose", "loses", "lost", "win", "wins", "won",
    "begin", "begins", "began", "run", "runs", "ran", "fall", "falls", "fell", "rise", "rises", "rose",
    "flee", "flees", "fled", "leave", "leaves", "left", "meet", "meets", "met", "seek", "seeks", "sought",
    "pay", "pays", "paid", "face", "faces", "remain", "remains", "become", "becomes", "became", "put",
    "set", "cut", "hit", "let", "spend", "spent", "sell", "sold", "buy", "bought", "bring", "brought",
    "lead", "leads", "led", "need", "needs", "want", "wants", "play", "plays", "use", "uses", "exist",
    "exists", "mean", "means", "meant", "feel", "feels", "felt", "think", "thinks", "thought",
}
TIME_UNITS = {
    "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute",
    "minutes", "second", "seconds", "decade", "decades", "century", "centuries", "times", "time", "o'clock",
}

WORD_NUMBERS = (
    "two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|"
    "seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|"
    "million|billion|trillion|dozen|dozens|hundreds|thousands|millions|billions|half|a third|a quarter|"
    "two-thirds|three-quarters|tens of thousands|hundreds of thousands"
)
APPROX = (
    r"(?:approximately|about|around|roughly|nearly|almost|some|over|more than|less than|fewer than|"
    r"at least|at most|up to|as many as|as much as|an estimated|estimated|upwards of|close to|"
    r"an additional|another|only|just|a further)"
)
SCALE = r"(?:\s?%|\s(?:percent|per cent|percentage points?|million|billion|trillion|thousand|hundred|bn|mn)\b)"
_DIGIT = r"(?:[$€£¥]\s?|(?:US|USD|EUR|GBP|Rs\.?|R)\$?\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[$€£¥]\s?)?\d+(?:\.\d+)?"
_WORDNUM = rf"(?:{WORD_NUMBERS})(?:[- ](?:{WORD_NUMBERS}))*"
FIGURE_RE = re.compile(
    rf"(?<![\w@#/$€£¥.,:-])(?:(?P<approx>{APPROX})\s+)?"
    rf"(?P<num>(?P<digit>{_DIGIT})|(?P<word>{_WORDNUM}\b(?:\s+of\s+(?:the\s+)?(?:{_WORDNUM})\b)?))"
    rf"(?P<scale>{SCALE}*)"
    rf"(?![\w-]|[.,:/]\d)",
    re.IGNORECASE,
)
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|on|at|to|and|or|the|a|an|from|for|by|with|per|was|were|is|are|had|has|have|"
    r"will|would|who|which|that|this|these|those|than|as|but|into|over|under|after|before|since|"
    r"during|while|when|more|less|also|had|not|had|been)\b)([a-z][a-z'-]+)"
)

SPECULATION = [
    r"seemingly", r"allegedly", r"reportedly", r"apparently", r"purportedly", r"supposedly",
    r"presumably", r"probably", r"possibly", r"perhaps", r"ostensibly", r"(?:most |more |very )?likely",
    r"in all likelihood", r"it (?:appears|seems|would seem|would appear)", r"(?:appears?|appeared|seems?|seemed) to",
    r"(?:is|are|was|were) (?:believed|thought|said|rumou?red|understood|suspected|alleged|presumed) to",
    r"(?:may|might|could|must) (?:well )?have(?! to\b)", r"(?:may|might|could) (?:well )?be",
    r"(?:may|might|could)(?= (?!not\b|n't)[a-z]+)",
    r"rumou?red", r"suspected", r"speculat(?:e|ed|es|ion)",
]
SPECULATION_RE = re.compile(r"(?<![\w-])(?:" + "|".join(SPECULATION) + r")(?![\w-])")

UNNAMED_SOURCE_RES = [
    # "sources say", "officials said", "experts warn"
    re.compile(
        r"(?<![\w-])(?P<src>(?:(?:some|many|several|two|three|other|senior|local|military|government|"
        r"security|intelligence|diplomatic|western|informed|unnamed|anonymous|reliable|independent|"
        r"[A-Z][a-z]+(?:an|ian|ish|ese|i))\s+)*"
        r"(?:sources?|officials|experts|analysts|observers|critics|insiders|witnesses|residents|diplomats|"
        r"reports|media reports|people familiar with [\w ]{3,40}?|people close to [\w ]{3,40}?|"
        r"sources? (?:close to|familiar with) [\w ]{3,40}?))"
        r"\s+(?:say|says|said|told|claim|claimed|believe|believed|warn|warned|suggest|suggested|indicate|"
        r"indicated|note|noted|report|reported|confirm|confirmed|insist|insisted|estimate|estimated)\b",
        re.IGNORECASE,
    ),
    # "according to reports", "according to unnamed officials"
    re.compile(
        r"(?<![\w-])according to (?P<src>(?:(?:some|many|several|unnamed|anonymous|local|media|news|"
        r"unconfirmed|preliminary|initial|official|western|[A-Z][a-z]+(?:an|ian|ish|ese|i))\s+)*"
        r"(?:sources?|reports?|officials|experts|analysts|observers|insiders|witnesses|residents|estimates|"
        r"data|information|media))\b",
        re.IGNORECASE,
    ),
    # "a source", "a senior official", "one official" followed by a reporting verb or a comma
    re.compile(
        r"(?<![\w-])(?P<src>(?:an?|one|another)\s+(?:[a-z]+\s+){0,2}(?:source|official|insider|diplomat|"
        r"spokes(?:man|woman|person)|witness))(?=\s*(?:said|says|told|who spoke|close to|familiar with|speaking))",
        re.IGNORECASE,
    ),
    # "information that", "received information"
    re.compile(r"(?<![\w-])(?P<src>(?:received |got |have |has |had |obtained )?information)\s+(?=that|about|suggesting|indicating)",
               re.IGNORECASE),
    # "it is reported that", "it was claimed"
    re.compile(r"(?<![\w-])(?P<src>it (?:is|was|has been|had been) (?:reported|claimed|alleged|said|understood|learned|learnt))\b",
               re.IGNORECASE),
]

VIA_RES = [
    re.compile(r"took to (?:his|her|their|its|the) (?P<via>[\w\s-]{0,30}?(?:channel|account|page|feed|blog))", re.I),
    re.compile(r"\b(?:on|via|in) (?:his|her|their|its|a|an|the) (?P<via>(?:official |personal )?(?:Telegram|Twitter|X|Facebook|"
               r"Instagram|VK|YouTube|TikTok|Truth Social|WhatsApp)(?: channel| account| page| post)?)\b"),
    re.compile(r"\b(?:in|during) (?P<via>(?:a|an|the) (?:\w+ )?(?:statement|interview|press conference|news conference|"
               r"briefing|video|post|speech|letter|conversation)(?: with [\w ]{2,30}?)?)(?=[,.;:]|\s+(?:on|that|said))", re.I),
    re.compile(r"\btold (?P<via>(?:reporters|journalists|the [A-Z][\w ]{1,30}?|[A-Z][A-Za-z]+(?: [A-Z][A-Za-z]+)*))\b"),
]

CAPTION_MARKERS = re.compile(
    r"©|\(c\)\s|\bphoto(?:graph)?(?: by|:)|\bimage(?: credit)?:|\bcredit:|\bscreen ?grab\b|\bgetty images\b|"
    r"\bfile photo\b|\bpictured\b|\bAP Photo\b|/AFP\b|/Reuters\b|\bREUTERS/|\b\d{1,2}\.\d{1,2}\.\d{4}\b",
    re.IGNORECASE,
)
FURNITURE_WORDS = re.compile(
    r"^(?:subscribe|newsfeed|read more|advertisement|share|related|see also|sign up|follow us|click here|"
    r"watch|listen|comments?)\b",
    re.IGNORECASE,
)

WORD_RE = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Za-z0-9]")
_NAME_TOKEN = (r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof)\.|"
               r"[A-Z][\w'’-]*[\w]|[A-Z])")
CAPRUN_RE = re.compile(
    rf"(?<![\w'’-]){_NAME_TOKEN}(?:\s+(?:(?:de|da|van|von|der|bin|al|el|la|le|del|du|di)\s+)?{_NAME_TOKEN})*"
)
QUOTE_CHARS = "\"“”„«»"


# --------------------------------------------------------------------------------------------------
# reading the article


@dataclass
class Attribution:
    start: int           # the reporting verb's span
    end: int
    verb: Verb | None
    source: str          # who, as the note names them ("" when unknown)
    unnamed: bool
    source_span: tuple[int, int] | None
    description: str = ""
    via: str = ""


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
        elif ch == '"':
            if open_at is None:
                open_at = i
            else:
                out.append((open_at, i + 1))
                open_at = None
        i += 1
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
        ia, ib = a + 1, b - 1
        while ia < ib and text[ia].isspace():
            ia += 1
        while ib > ia and text[ib - 1] in " ,":
            ib -= 1
        if ib > ia:
            result.append((a, b, ia, ib))
    return result


_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|St|Jr|Sr|Inc|Ltd|Co|Corp|vs|etc|No|Jan|Feb|"
    r"Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec|U\.S|U\.K|U\.N|a\.m|p\.m|e\.g|i\.e)|\b[A-Z])\.$"
)


def _sentences(text: str, line: Line) -> list[Sentence]:
    """Split a line into sentences, never inside a quotation."""
    inside = [(a, b) for a, b, _, _ in line.quotes]
    out = []
    start = line.start
    for m in re.finditer(r"[.!?]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])", text[line.start:line.end]):
        cut = line.start + m.end()
        dot = line.start + m.start()
        if any(a < dot < b - 1 for a, b in inside):
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


_BETWEEN = {
    "has", "have", "had", "also", "reportedly", "later", "earlier", "then", "previously", "recently", "again",
    "repeatedly", "once", "further", "instead", "publicly", "privately", "is", "was", "were", "are", "had",
    "would", "will", "has", "just", "already", "even", "still", "often", "reportedly", "allegedly", "never",
    "had", "subsequently", "separately", "angrily", "proudly", "openly", "bluntly", "simply", "flatly",
}
_NOT_DESCRIPTION = {
    "while", "when", "after", "before", "who", "whose", "which", "speaking", "in", "on", "at", "during", "as",
    "despite", "though", "although", "according", "however", "meanwhile", "also", "and", "but", "that", "if",
    "because", "since", "for", "with", "without", "by", "from", "to", "then", "too",
}


def _looks_like_description(text: str) -> bool:
    """An appositive that describes a person ("Zaporozhye region's acting governor"), not a clause."""
    words = text.split()
    if not words or len(words) > 10 or words[0].lower() in _NOT_DESCRIPTION:
        return False
    forms = {f.lower() for v in attribution_verbs() for f in v.forms}
    return not any(w.lower().strip(",.") in forms or w.lower() == "that" for w in words)


def _words(s: str) -> list[str]:
    return WORD_RE.findall(s)


def _has_verb(words: list[str]) -> bool:
    for i, w in enumerate(words):
        lw = w.lower().rstrip(".")
        if lw in AUX_VERBS:
            return True
        if len(lw) > 4 and (lw.endswith("ed") or lw.endswith("ing")) and i > 0:
            return True
        if (i > 0 and len(lw) > 3 and lw.endswith("s") and not lw.endswith(("ss", "'s", "’s", "us", "is", "ics"))
                and words[i - 1].lower() not in DETERMINERS and not words[i - 1][0].isdigit()
                and words[i - 1].lower() not in {"of", "in", "on", "for", "with", "by", "to", "and", "at"}):
            return True
    return False


class Article:
    """An article split into lines, quotations and sentences, with who-said-what worked out."""

    def __init__(self, text: str):
        self.text = text
        self.lines = _lines(text)
        seen_lines: dict[str, int] = {}
        for ln in self.lines:
            body = text[ln.start:ln.end]
            ln.quotes = _find_quotes(text, ln)
            ln.sentences = _sentences(text, ln)
            words = _words(body)
            ln.caption = bool(CAPTION_MARKERS.search(body))
            ln.furniture = (
                ln.caption
                or bool(FURNITURE_WORDS.match(body) and len(words) <= 4)
                or (len(words) <= 6 and not re.search(r"[.!?\"”]$", body) and not _has_verb(words))
                or body in seen_lines
            )
            ln.headline = (not ln.furniture and not re.search(r"[.!?:][\"”’']?$", body) and 4 <= len(words) <= 25
                           and not (body[:1] in QUOTE_CHARS and body[-1:] in QUOTE_CHARS))
            seen_lines.setdefault(body, ln.index)
        self.masked = self._mask_quotes()
        self.persons: dict[str, str] = {}        # full name -> description
        self.mentions: list[tuple[int, str]] = []   # (position, name) of every multi-word name
        for m in CAPRUN_RE.finditer(text):
            nm = self._name_from(m.group(0), m.start())
            if nm and 2 <= len(nm[0].split()) <= 4:
                self._register(nm[0], "")
                self.mentions.append((nm[1][0], nm[0]))
        self.attributions: list[Attribution] = []
        self._find_attributions()

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
        for ln in self.lines:
            if ln.start <= start <= ln.end:
                for q in ln.quotes:
                    if q[0] <= start and end <= q[1]:
                        return q
        return None

    def line_of(self, pos: int) -> Line | None:
        for ln in self.lines:
            if ln.start <= pos < ln.end or pos == ln.end:
                return ln
        return None

    def sentence_of(self, pos: int) -> Sentence | None:
        ln = self.line_of(pos)
        if ln is None:
            return None
        for s in ln.sentences:
            if s.start <= pos <= s.end:
                return s
        return None

    # ---- names ---------------------------------------------------------------------------------

    def _name_from(self, np_text: str, np_start: int) -> tuple[str, tuple[int, int], str] | None:
        """The proper name in a subject noun phrase, with titles stripped: ('Vladimir Putin', span)."""
        best = None
        for m in CAPRUN_RE.finditer(np_text):
            toks = list(re.finditer(r"\S+", m.group(0)))
            # strip a possessive ending
            words = [t.group(0) for t in toks]
            k = 0
            while k < len(words) and words[k].lower().rstrip(",") in STOP_CAPS:
                k += 1
            last_title = -1
            for j in range(k, len(words)):
                if words[j].lower().rstrip(",") in TITLES:
                    last_title = j
            if words[-1].lower().strip(".,") in ORG_WORDS:
                last_title = -1  # "Berrien County Health Department": an organisation, keep it whole
            if last_title >= 0 and last_title < len(words) - 1:
                k = last_title + 1
            elif last_title == len(words) - 1:
                continue
            if k >= len(words):
                continue
            s = m.start() + toks[k].start()
            e = m.start() + toks[-1].end()
            name = np_text[s:e]
            for suffix in ("'s", "’s"):
                if name.endswith(suffix):
                    name = name[: -len(suffix)]
                    e -= len(suffix)
            name = name.rstrip(",")
            if name.endswith(".") and not re.search(r"\.[A-Z]\.$|^[A-Z]\.$|\b(?:Jr|Sr)\.$", name):
                name = name[:-1]
            e = s + len(name)
            if not name:
                continue
            title = " ".join(w.rstrip(",") for w in words[:k] if w.lower().rstrip(",") not in STOP_CAPS)
            best = (name, (np_start + s, np_start + e), title)
            break
        return best

    def _resolve_name(self, name: str) -> str:
        if " " in name:
            return name
        for full in self.persons:
            parts = [p for p in full.split() if p.lower().strip(",") not in NAME_SUFFIXES]
            if parts and parts[-1].rstrip(",") == name:
                return full
        return name

    def _register(self, name: str, description: str = "") -> None:
        if " " not in name:
            return
        if name not in self.persons or (description and not self.persons[name]):
            self.persons[name] = description

    def _by_role(self, np_text: str) -> str:
        roles = [w for w in re.findall(r"[a-z]+", np_text.lower()) if w not in STOP_CAPS]
        for w in reversed(roles):
            for full, desc in reversed(list(self.persons.items())):
                if desc and re.search(rf"\b{re.escape(w)}\b", desc.lower()):
                    return full
        return ""

    # ---- attributions --------------------------------------------------------------------------

    def _verb_regex(self) -> re.Pattern:
        forms = []
        for v in attribution_verbs():
            for f in v.forms:
                forms.append((f, v))
        forms.sort(key=lambda fv: -len(fv[0]))
        self._form_to_verb = {f.lower(): v for f, v in forms}
        alts = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f, _ in forms)
        took = r"took to (?:his|her|their|its|the) [\w\s-]{0,40}? to (?:report|say|announce|claim|write|post|share|state)"
        return re.compile(rf"(?<![\w-])(?:(?P<took>{took})|(?P<form>{alts}))(?![\w-])", re.IGNORECASE)

    def _find_attributions(self) -> None:
        regex = self._verb_regex()
        text, masked = self.text, self.masked
        last_person = ""
        last_group = ""
        for ln in self.lines:
            for sent in ln.sentences:
                # register titled names and appositives so that "the governor" can be resolved later
                chunk = masked[sent.start:sent.end]
                for m in re.finditer(r"([A-Z][\w'’.-]+(?:\s+[A-Z][\w'’.-]+)+),\s+([^,.;¤]{3,80}?),", chunk):
                    nm = self._name_from(m.group(1), 0)
                    if nm and _looks_like_description(m.group(2)):
                        self._register(nm[0], m.group(2).strip())
                for m in regex.finditer(chunk):
                    vs, ve = sent.start + m.start(), sent.start + m.end()
                    if m.group("took"):
                        verb = Verb("took to ... to report", (), "Presents a post on the speaker's own channel as a report of fact.", False)
                    else:
                        if m.group("form")[0].isupper() and chunk[:m.start()].strip(" \"'“‘(¤"):
                            continue  # "States", "Reports" inside a sentence are names or nouns
                        key = re.sub(r"\s+", " ", m.group("form").lower())
                        verb = self._form_to_verb.get(key)
                        if verb is None:
                            continue
                    att = self._attribution(sent, vs, ve, verb, m.group("form") or "", last_person, last_group)
                    if att is None:
                        continue
                    self.attributions.append(att)
                    if att.source and not att.unnamed:
                        if " " in att.source or att.source in self.persons or att.source[:1].isupper():
                            last_person = att.source
                    elif att.source:
                        last_group = att.source

    def _attribution(self, sent: Sentence, vs: int, ve: int, verb: Verb, form: str,
                     last_person: str, last_group: str) -> Attribution | None:
        text, masked = self.text, self.masked
        before = masked[sent.start:vs]
        after = masked[ve:sent.end]
        prev = re.findall(r"[\w'’.-]+|[¤,:;]", before)
        prev_tok = prev[-1] if prev else ""
        nxt = after.lstrip()
        next_word = (re.match(r"[\w'’-]+", nxt) or [""])[0] if nxt else ""
        lf = form.lower()

        if verb.verb == "according to":
            m = re.match(r"\s*((?:the\s+)?[^,.;:¤]{2,80}?)(?=\s*(?:[,.;:¤]|$|\s(?:that|who|which|there|the\s|a\s|an\s|in\s|on\s|at\s|\d)))", after)
            np = m.group(1).strip() if m else ""
            if not np or np.lower().split()[0] in {"plan", "schedule", "plans", "rules", "law", "tradition"}:
                return None
            np_start = ve + after.find(np) if np else ve
            return self._who(np, np_start, vs, ve, verb, last_person, last_group, sent)

        if prev_tok.lower() in DETERMINERS:
            return None
        if prev_tok.lower() in {"is", "are", "was", "were", "be", "been", "being"}:
            if next_word.lower() == "to":
                return None  # "is said to": speculation, not attribution
            return Attribution(vs, ve, verb, "", True, None)
        if lf in {"claimed", "claims", "claim"} and re.match(r"(?:the\s+)?(?:lives|life|victory|responsibility|title|seat|prize|gold|asylum)\b", nxt, re.I):
            return None
        if lf in {"say", "tell", "claim", "admit", "deny", "acknowledge", "concede", "allege"}:
            if not prev_tok or prev_tok.lower() in {"to", "not", "will", "would", "could", "can", "may", "might", "should", "must", "did", "didn't", "to"}:
                pass
            subject_before = bool(prev) and (prev_tok.lower() in PRONOUNS or prev_tok[:1].isupper() or prev_tok.lower() in SOURCE_NOUNS)
            if not subject_before:
                return None
        subject_ok = bool(prev) and (
            prev_tok.lower() in PRONOUNS or prev_tok.lower() in SOURCE_NOUNS
            or (prev_tok[:1].isupper() and prev_tok.lower() not in STOP_CAPS)
            or prev_tok in {",", "¤"} or prev_tok.lower() in {"also", "later", "earlier", "then", "further", "previously", "reportedly", "recently", "has", "have", "had"}
        )
        intro_ok = (not nxt) or nxt[:1] in ":,.¤;" or next_word.lower() in {"that", "in", "on", "during", "earlier", "later", "yesterday", "today", "last", "this", "while", "after", "when", "at", "via", "through", "reporters", "journalists"}
        if lf in {"told", "tells", "tell"}:
            intro_ok = intro_ok or bool(next_word)
        if verb.strict and not (subject_ok and (intro_ok or prev_tok in {",", "¤"} or prev_tok.lower() in PRONOUNS or prev_tok[:1].isupper())):
            if not (intro_ok and next_word.lower() == "that"):
                return None
        if not verb.strict and not (subject_ok or intro_ok):
            return None
        if re.match(r"\d|(?:a|an|the|his|her|their)\s+(?:new\s+)?(?:\d|record|total|loss|profit|revenue|jobs?)\b", nxt) and not next_word.lower() == "that":
            if lf in {"added", "adds", "reported", "reports", "posted", "noted", "announced"}:
                return None

        # the subject: after a quotation or at the clause start
        clause_cut = max(before.rfind(c) for c in (";", "¤", ":", "—"))
        clause = before[clause_cut + 1:] if clause_cut >= 0 else before
        offset = sent.start + (clause_cut + 1 if clause_cut >= 0 else 0)
        lead = len(clause) - len(clause.lstrip(" ,"))
        clause, offset = clause[lead:], offset + lead
        # drop auxiliaries and adverbs between subject and verb: "Andrew has reportedly told"
        while True:
            m_tail = re.search(r"(?:^|\s)([\w'’]+)\s*$", clause)
            if not m_tail or m_tail.group(1).lower() not in _BETWEEN:
                break
            clause = clause[:m_tail.start()].rstrip()
        description = ""
        if clause.rstrip().endswith(",") and "," in clause.rstrip()[:-1]:
            first = clause.index(",")
            description = clause[first + 1:].rstrip().rstrip(",").strip()
            np, np_start = clause[:first], offset
        elif "," in clause:
            k = clause.rfind(",")
            np, np_start = clause[k + 1:], offset + k + 1
        else:
            np, np_start = clause, offset
        lead = len(np) - len(np.lstrip())
        np, np_start = np.strip(), np_start + lead
        if description and np and np.split()[-1][:1].islower() and CAPRUN_RE.fullmatch(description):
            # "Carlineo's attorney, Sonya Zoghlin, said": the name is in the appositive
            np, description, np_start = description, np, offset + clause.index(description)
        if np.lower() in {"and", "but"}:
            # "McKinley visited the border, and argued that ...": the sentence's subject speaks
            for m_name in CAPRUN_RE.finditer(clause):
                nm = self._name_from(m_name.group(0), offset + m_name.start())
                if nm and " " in nm[0]:
                    np, np_start = nm[0], nm[1][0]
                    break
            else:
                return Attribution(vs, ve, verb, last_person, not last_person, None)
        # "... said the spokesman" / "..., said Lukashenko"
        if not np or np in {",", "¤"}:
            m = re.match(r"\s*((?:the\s+)?[^,.;:¤]{2,60}?)(?=\s*(?:[,.;:¤]|$|\s(?:in|on|at|during|that|who)\b))", after)
            if not m:
                return Attribution(vs, ve, verb, last_person, False, None) if last_person else Attribution(vs, ve, verb, "", True, None)
            np = m.group(1).strip()
            np_start = ve + after.find(np)
        att = self._who(np, np_start, vs, ve, verb, last_person, last_group, sent)
        if att is not None and description and not att.description and _looks_like_description(description):
            att.description = description
            self._register(att.source, description)
        return att

    def _who(self, np: str, np_start: int, vs: int, ve: int, verb: Verb, last_person: str, last_group: str,
             sent: Sentence) -> Attribution:
        via = ""
        chunk = self.text[sent.start:sent.end]
        for r in VIA_RES:
            m = r.search(chunk)
            if m:
                via = m.group("via").strip()
                break
        words = np.split()
        low = [w.lower().strip(",") for w in words]
        pron = [w for w in low if w in PRONOUNS]
        if pron and len(low) <= 2:
            who = last_person if PRONOUNS[pron[0]] == "person" else (last_group or last_person)
            if not who and PRONOUNS[pron[0]] == "person":
                earlier = [n for p, n in self.mentions if p < np_start]
                who = earlier[-1] if earlier else ""
            return Attribution(vs, ve, verb, who, not who, None, via=via)
        name = self._name_from(np, np_start)
        if name and words and words[-1][:1].islower() and " " not in name[0] \
                and name[0].lower().strip(".") not in ORG_WORDS and name[1][1] - np_start < len(np):
            name = None  # "the U.S. attorney's office": the name is only a modifier
        if name:
            full = self._resolve_name(name[0])
            self._register(full, name[2])
            return Attribution(vs, ve, verb, full, False, name[1], description=name[2], via=via)
        role_person = self._by_role(np)
        if role_person:
            return Attribution(vs, ve, verb, role_person, False, None, description=np, via=via)
        unnamed = True  # described, not named: "officials", "the prosecutor's office"
        span = (np_start, np_start + len(np)) if np and len(words) <= 8 else None
        return Attribution(vs, ve, verb, np if len(words) <= 8 else "", unnamed, span, via=via)

    def source_near(self, start: int, end: int) -> tuple[Attribution | None, str]:
        """The attribution nearest to a span: in its sentence, else in its line. ('', 'none') if none."""
        sent = self.sentence_of(start)
        ln = self.line_of(start)
        q = self.in_quote(start, end)
        candidates = []
        for att in self.attributions:
            if q and q[0] <= att.start < q[1]:
                continue
            if sent and sent.start <= att.start <= sent.end:
                candidates.append((0, min(abs(att.start - end), abs(start - att.end)), att))
            elif ln and ln.start <= att.start <= ln.end:
                candidates.append((1, min(abs(att.start - end), abs(start - att.end)), att))
        candidates = [c for c in candidates if c[2].source or c[2].unnamed]
        if not candidates:
            return None, "none"
        candidates.sort(key=lambda c: (c[0], c[1]))
        return candidates[0][2], ("sentence" if candidates[0][0] == 0 else "paragraph")


# --------------------------------------------------------------------------------------------------
# the detectors


def _describe_source(att: Attribution | None) -> str:
    if att is None:
        return ""
    if att.source and not att.unnamed:
        return att.source
    if att.source:
        return f'a source described only as "{att.source}"'
    return "an unnamed source"


_COUNT_NOUNS = {"people", "men", "women", "children", "aircraft", "personnel", "police", "staff", "cattle",
                "sheep", "fish", "troops", "crew", "livestock"}


def _count_noun(word: str) -> bool:
    """A plural noun that says what is counted: "132 soldiers", "500 servicemen", "346 people"."""
    w = word.lower()
    if w in _COUNT_NOUNS or w.endswith("men"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ous", "is")) and w not in {"was", "has", "does", "this", "thus", "always", "perhaps", "its"}


def _figures(art: Article) -> list[Suggestion]:
    text = art.text
    out = []
    for ln in art.lines:
        if ln.furniture:
            continue
        body = text[ln.start:ln.end]
        for m in FIGURE_RE.finditer(body):
            s, e = ln.start + m.start(), ln.start + m.end()
            num = m.group("num")
            digit = m.group("digit")
            scale = (m.group("scale") or "").strip()
            if digit:
                raw = re.sub(r"[^\d.]", "", digit)
                before = body[:m.start()]
                after = body[m.end():]
                if re.search(rf"(?:{MONTHS})\s*$", before) or re.match(rf"\s*(?:{MONTHS})\b", after):
                    continue
                if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and not scale and not re.match(r"[$€£¥]", digit):
                    continue
                if re.search(r"[A-Z][\w-]*\s$", before) and not re.search(r"(?:^|[.!?:]\s*)[A-Z][\w-]*\s$", before) \
                        and not re.search(rf"(?:{MONTHS})\s$", before) and not m.group("approx") and not scale:
                    # "Boeing 787", "Article 5": a name with a number, not a figure
                    if not re.match(r"\s+[a-z]", after) or re.search(r"[A-Z][a-z]+ [A-Z][\w-]*\s$", before):
                        continue
                if re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|GMT|UTC|:)", after, re.I):
                    continue
                if not ln.headline and re.match(r" [A-Z]", after) and not scale and not m.group("approx"):
                    continue  # "787 Dreamliner", "737 Max": a model name
                if re.search(r"\d\s$", before):
                    continue  # "400 737": the second number is a name
                if re.search(r"[A-Z][\w.]*,\s$", before) and re.match(r",", after) and not scale and float(raw or 0) < 120:
                    continue  # "Carlineo Jr., 55, of Addison": an age
            else:
                words = num.lower().split()
                if words[-1] in {"half"} and not m.group("approx"):
                    nxt = body[m.end():m.end() + 10].lower()
                    if not nxt.startswith(" of"):
                        continue
            figure = (num + ("" if not scale else (scale if scale.startswith("%") else " " + scale))).strip()
            # a count noun right after: "132 soldiers"
            tail = _NOUN_AFTER.match(body, m.end())
            if tail and not _count_noun(tail.group(1)):
                tail = None
            if tail and tail.group(1) not in TIME_UNITS and not body[m.end():tail.end()].strip().endswith("-"):
                e = ln.start + tail.end()
            elif tail and tail.group(1) in TIME_UNITS and not digit:
                continue
            if art.in_quote(s, e) is None and any(q[0] < s < q[1] for q in ln.quotes):
                e = min(e, next(q[1] for q in ln.quotes if q[0] < s < q[1]))
            att, where = art.source_near(s, e)
            q = art.in_quote(s, e)
            if q is not None:
                spk = _speaker_of(art, q)
                who = spk or _describe_source(att)
                where = "quote"
            else:
                who = _describe_source(att)
            if ln.headline:
                note = (f"The figure {figure} appears in the headline, where no source is given. "
                        f"Find where the body of the article says where it comes from.")
            elif who:
                place = {"sentence": "in the same sentence", "paragraph": "in the same paragraph",
                         "quote": "in whose quotation it stands"}.get(where, "")
                note = (f"The figure {figure} is credited to {who} ({place}). How could this source know it, "
                        f"and can the number be checked anywhere independent?")
            else:
                note = (f"No source is named for the figure {figure} in its sentence or paragraph: the outlet "
                        f"states it in its own voice. Where could the number come from?")
            out.append(Suggestion(s, e, "figure", note, {"figure": figure}))
    return out


def _attribution_verbs(art: Article) -> list[Suggestion]:
    out = []
    for att in art.attributions:
        if art.in_quote(att.start, att.end):
            continue
        word = art.text[att.start:att.end]
        who = _describe_source(att) if (att.source or att.unnamed) else "the speaker"
        implies = att.verb.implies
        note = f'"{word}" introduces words from {who}. {implies}'
        if att.verb.verb not in {"said", "told", "according to", "stated"}:
            note += ' Would "said" change how the statement reads?'
        out.append(Suggestion(att.start, att.end, "attribution-verb", note, {"implies": implies}))
    return out


def _speaker_of(art: Article, q: tuple[int, int, int, int]) -> str:
    ln = art.line_of(q[0])
    best = None
    for att in art.attributions:
        if q[0] <= att.start < q[1] or not ln or not (ln.start <= att.start <= ln.end):
            continue
        if not (att.source or att.unnamed):
            continue
        d = att.start - q[1] if att.start >= q[1] else q[0] - att.end
        if best is None or d < best[0]:
            best = (d, att)
    if best:
        return _describe_source(best[1])
    return ""


def _quotes(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    last_speaker = ""
    for ln in art.lines:
        for q in ln.quotes:
            a, b, ia, ib = q
            inner = text[ia:ib]
            words = inner.split()
            sent = art.sentence_of(a)
            has_verb_nearby = any(
                (sent and sent.start <= att.start <= sent.end) and not (a <= att.start < b) for att in art.attributions
            )
            proper = all(w[:1].isupper() for w in words) and not ln.headline
            whole_line = a == ln.start and b == ln.end
            if len(words) <= 3 and not has_verb_nearby and not proper and not whole_line and len(inner.strip(" .,")) > 1:
                # scare quotes: the outlet puts a word in quotation marks to distance itself from it
                neutral = inner.strip(" .,")
                note = (f"Scare quotes around {text[a:b]}: the outlet puts the word in quotation marks without "
                        f"saying who used it, which casts doubt on it.")
                out.append(Suggestion(a, b, "loaded-language", note, {"neutral": neutral.lower() if neutral[:1].isupper() and ln.headline else neutral}))
                continue
            if len(words) < 2 or (len(words) <= 3 and not has_verb_nearby):
                continue
            speaker = _speaker_of(art, q)
            if speaker:
                last_speaker = speaker
                note = f"Quoted words attributed to {speaker}."
            elif last_speaker:
                note = f"Quoted words; no speaker is named next to them (the last named speaker is {last_speaker})."
            else:
                note = "Quoted words; the article does not say who said them."
            fields = {}
            alterations = []
            for m in re.finditer(r"\[[^\]]*\]", inner):
                alterations.append(f"{m.group(0)} was inserted by the outlet")
            if re.search(r"\.\.\.|…", inner):
                alterations.append("an ellipsis (...) marks words cut from the quotation")
            if alterations:
                fields["alterations"] = "; ".join(alterations)
                note += " " + "; ".join(a[0].upper() + a[1:] for a in alterations) + \
                    ": the words in brackets are not the speaker's. Does the change alter the meaning?"
            out.append(Suggestion(ia, ib, "quote", note, fields))
    return out


def _sources(art: Article) -> list[Suggestion]:
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


def _loaded(art: Article) -> list[Suggestion]:
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


def _speculation(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    for ln in art.lines:
        if ln.caption:
            continue
        body = text[ln.start:ln.end]
        for m in SPECULATION_RE.finditer(body):
            s, e = ln.start + m.start(), ln.start + m.end()
            if art.in_quote(s, e):
                continue
            marker = m.group(0)
            before = body[:m.start()].rstrip().lower()
            if before.endswith(("if", "how", "whether", "what", "who", "where")) or body.rstrip().endswith("?"):
                continue
            if re.match(r"(?:may|might|could)\b", marker) and re.match(r"\s+(?:not\b|also\b)", body[m.end():]):
                continue
            if re.match(r"(?:may|might|could|must)\b", marker) and re.search(r"(?:^|\s)(?:I|you|we|You|We)\s+$", body[:m.start()]):
                continue  # "you could get creative": advice or the writer's own doubt, not an inference
            # extend to the end of the clause when it is short: "seemingly in alignment with ..."
            rest = body[m.end():]
            clause = re.match(r"[^,;:.!?\"“”()]*", rest).group(0)
            if len(clause.split()) <= 12:
                e = e + len(clause.rstrip())
            note = (f'"{marker}" marks an inference rather than a fact: what evidence does the article give for it, '
                    f"and whose inference is it?")
            out.append(Suggestion(s, e, "speculation", note, {}))
    return out


_CHECKWORTHY = re.compile(
    r"(?<![\w-])(?:most|least|biggest|largest|smallest|worst|best|first|last|only|never|always|all|every|none|"
    r"no one|nobody|because|due to|as a result|result(?:ed|s)? in|led to|caus(?:e|ed|es|ing)|despite|failed|"
    r"fail(?:s|ure)?|prove[sn]?|proved|shows?|showed|clearly|obviously|undoubtedly|in fact|indeed|record|"
    r"driving force|blame[sd]?|responsible|illegal|unprecedented|numerous|many|dozens|thousands|millions)(?![\w-])",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|I'm|I’m|I've|I’ve|I'd|I’d|me|my|we|we're|we’re|our|us|let's|let’s)(?![\w'’-])",
                           re.IGNORECASE)


def _claims(art: Article, marked: list[tuple[int, int]]) -> list[Suggestion]:
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


# --------------------------------------------------------------------------------------------------
# putting it together


def _dedupe(items: list[Suggestion]) -> list[Suggestion]:
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    items = sorted(items, key=lambda x: (x.start, -(x.end - x.start), rank[x.kind]))
    kept: list[Suggestion] = []
    for it in items:
        if it.end <= it.start:
            continue
        dup = False
        for k in kept:
            if k.start == it.start and k.end == it.end:
                dup = True
                break
            same_kind_inside = k.kind == it.kind and k.start <= it.start and it.end <= k.end
            if same_kind_inside:
                dup = True
                break
            # same kind and overlapping (e.g. two figure readings of one number): keep the first
            if k.kind == it.kind and it.kind not in {"claim", "quote"} and k.start < it.end and it.start < k.end:
                dup = True
                break
        if not dup:
            kept.append(it)
    return kept


_ENGLISH = {"the", "and", "of", "to", "in", "is", "that", "for", "on", "with", "was", "as", "it", "by", "at",
            "from", "his", "her", "he", "she", "they", "are", "were", "be", "has", "have", "had", "a", "an"}


def _looks_english(text: str) -> bool:
    words = re.findall(r"[A-Za-z]+", text.lower())
    if len(words) < 20:
        return True
    return sum(w in _ENGLISH for w in words) / len(words) >= 0.12


def suggest(article_text: str, *, skip=()) -> list[dict]:
    """Draft annotations for an article, in the lesson format, ordered by position in the article."""
    if not isinstance(article_text, str):
        raise TypeError("suggest() takes the article text as a string")
    text = article_text
    if not text.strip():
        return []
    art = Article(text)
    english = _looks_english(text)
    items = []
    items += _quotes(art)
    items += _figures(art)
    if english:
        # the word lists are English: in another language they would only produce noise
        items += _sources(art)
        items += _attribution_verbs(art)
        items += _loaded(art)
        items += _speculation(art)
    if english:
        marked = [(x.start, x.end) for x in items if x.kind in {"figure", "loaded-language", "speculation"}]
        items += _claims(art, marked)
    # "it is alleged": the passive verb is part of the unnamed source, one suggestion is enough
    sources = [(x.start, x.end) for x in items if x.kind == "source"]
    items = [x for x in items if not (x.kind == "attribution-verb" and any(a <= x.start and x.end <= b for a, b in sources))]
    kept = _dedupe(items)
    rank = {k: i for i, k in enumerate(KIND_ORDER)}
    kept.sort(key=lambda x: (x.start, x.end, rank[x.kind]))
    counters: dict[str, int] = {}
    out = []
    index = ArticleIndex(text)
    for it in kept:
        quote = text[it.start:it.end]
        n, total = occurrence_at(index, quote, it.start)
        if n == 0:
            continue  # not on word boundaries, or an overlapping repeat: the build could not point at it
        counters[it.kind] = counters.get(it.kind, 0) + 1
        d = {"id": f"s-{it.kind}-{counters[it.kind]}", "kind": it.kind, "quote": quote}
        if total > 1:
            d["occurrence"] = n
        d["note"] = it.note
        d["suggested"] = True
        d.update(it.fields)
        out.append(d)
    return out
