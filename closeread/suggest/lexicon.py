"""Word lists the rules share, and the two data files a teacher can extend (attribution_verbs.yaml, loaded_language.yaml)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from .inflect import inflections


@dataclass(frozen=True)
class Verb:
    verb: str
    forms: tuple[str, ...]
    implies: str
    strict: bool
    loaded: bool = False
    neutral: bool = False   # a plain verb of saying: one note on the pattern, not one per use
    subjects: frozenset = frozenset()   # when given: the word before the verb must be one of these
    not_before: frozenset = frozenset()  # next words that give the verb another sense ("pleaded guilty")
    speech_only: bool = False  # only when words follow as speech (that, a colon, a quotation) or end the sentence
    objects: frozenset = frozenset()  # when given: what may follow besides speech ("denied the allegations")
    bases: frozenset = frozenset()  # uninflected forms ("argue"), which are often nouns too ("his vow")
    made: frozenset = frozenset()  # forms made from the lemmas that the entry does not list itself
    infinitive: bool = False  # its words may follow as "to" and a verb ("pledged to form a coalition")
    judges: bool = False  # a verb of judging: its participle after a noun still reports the agent's judgement
    stance: bool = False  # forms are adjectives of stance, read after a form of "be" ("is adamant that")


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
        forms = list(entry["forms"])
        listed = set(forms)
        for lemma in entry.get("lemmas") or ():
            forms += [f for f in inflections(str(lemma)) if f not in forms]
        out.append(Verb(entry["verb"], tuple(forms), entry["implies"].strip(), bool(entry.get("strict")),
                        bool(entry.get("loaded")), bool(entry.get("neutral")),
                        frozenset(w.lower() for w in entry.get("subjects") or ()),
                        frozenset(w.lower() for w in entry.get("not_before") or ()), bool(entry.get("speech_only")),
                        frozenset(str(w).lower() for w in entry.get("objects") or ()),
                        frozenset(str(w).lower() for w in entry.get("lemmas") or ()),
                        frozenset(f for f in forms if f not in listed),
                        bool(entry.get("infinitive")), bool(entry.get("judges")), bool(entry.get("stance"))))
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
    "rt", "rt.", "hon", "hon.", "honourable", "honorable", "fr.", "adm.", "maj.", "supt.", "insp.", "det.", "cllr",
    "cllr.",
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
    "group", "groups", "court", "judge", "jury", "council", "committee", "party", "campaign", "company", "firm",
    "militants", "rebels", "protesters", "activists", "union", "ministry", "department", "commission", "regulator",
}


DETERMINERS = {
    "the", "a", "an", "these", "those", "this", "that", "his", "her", "their", "its", "our", "such",
    "of", "media", "news", "false", "unfounded", "new", "any", "no", "similar", "earlier", "previous",
}


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


# A body named as where data or a document comes from: "data published in 2018 by the Drug Enforcement
# Administration", "the most recent data ... from Customs and Border Protection", "a study by Harvard University"
_ORG_NAME = r"(?:the\s+)?[A-Z][\w'’&-]*(?:\s+(?:of|and|for|on|the|&)\s+[A-Z][\w'’&-]*|\s+[A-Z][\w'’&-]*)*"
DOCUMENT_SOURCE_RE = re.compile(
    r"(?<![\w-])(?:data|figures|statistics|numbers|estimates|records|report|study|survey|poll|analysis|documents?|"
    r"filings?|findings|list|information|tally|projections?|rankings?)\b[^.;:!?¤]{0,60}?\b(?:by|from)\s+(?P<src>"
    + _ORG_NAME + r")(?=[\s.,;:)]|$)")
# a body's finding named by its possessive: "amid the intelligence community's finding that Russian hackers ..."
FINDING_SOURCE_RE = re.compile(
    r"(?<![\w-])(?P<src>(?:the\s+)?(?:[A-Z][\w.&-]*\s+){0,4}(?:[a-z]+\s+){0,2}?[\w&-]+)['’]s?\s+(?:finding|findings|"
    r"assessment|conclusion|estimate|analysis|determination|allegation|accusation)\s+that\b")


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


# Whole lines that are the page's, not the article's statements, whatever the import marked: bylines,
# contributor lines, wire credits, copyright and disclaimer lines, share and follow prompts. Never a claim.
PAGE_FURNITURE = re.compile(
    r"^(?:(?i:by)\s+[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}(?:\s*(?:,|and|&|\|)\s*.{0,80})?$|"
    r"(?i:(?:[^.!?]|\b[A-Z]\.){0,160}\b(?:contributed|contributing)\s+(?:to\s+)?(?:this|the)\s+(?:report|story|article)\.?$|"
    r"\(?(?:reporting|writing|editing|additional reporting|compiled) by\b.{0,200}$|"
    r"(?:copyright|©|\(c\))\s.{0,200}$|.{0,120}\ball rights reserved\b.{0,120}$|"
    r".{0,80}\bmay not be (?:published|broadcast|rewritten|redistributed)\b.{0,200}$|"
    r"the views (?:and opinions )?expressed\b.{0,200}$|"
    r".{0,120}\baffiliate links?\b.{0,300}$|"  # a disclosure of the page's affiliate links
    r"(?:share (?:this|on|via|the|your)|follow (?:us|@|[\w ]{1,40} on (?:twitter|x|facebook|instagram))|"
    r"subscribe\b|sign up\b|like us\b|email (?:this|us)|print (?:this|the)|click (?:here|to)|tap (?:here|to))"
    r".{0,80}$|"
    r"(?:updated|published|posted|last (?:updated|modified))\s*:?\s.{0,60}\d.{0,40}$)|"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}\s*(?:[|/]|\s[-—–]\s)\s*(?:[A-Z][\w.&'’-]*\s*){1,4}$)"
)
# "LONDON (AP) — ", "NEW DELHI, Nov 21 (Reuters) - ": a dateline that opens the first paragraph
DATELINE_RE = re.compile(r"^[A-Z][A-Z.'’ ]{2,}(?:,[^—–(]{0,30})?(?:\s*\([^)]{1,40}\))?\s*[—–-]+\s*")


WORD_RE = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Za-z0-9]")


_NAME_TOKEN = (r"(?:[A-Z]\.(?:[A-Z]\.)*|(?:Jr|Sr|St|Dr|Mr|Mrs|Ms|Gen|Sen|Rep|Gov|Lt|Col|Capt|Sgt|Prof|Rt|Hon|Rev|Fr|"
               r"Adm|Maj|Supt|Insp|Det|Cllr)\.|"
               r"[A-Z][\w'’-]*[\w]|[A-Z])")


CAPRUN_RE = re.compile(
    rf"(?<![\w'’-]){_NAME_TOKEN}(?:\s+(?:(?:de|da|van|von|der|bin|al|el|la|le|del|du|di)\s+)?{_NAME_TOKEN})*"
)


QUOTE_CHARS = "\"“”„«»"


_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@lru_cache(maxsize=None)
def _limits() -> tuple[tuple[str, int], ...]:
    return tuple((str(k), int(v)) for k, v in (_data("limits.yaml") or {}).items())


def per_kind_limits() -> dict[str, int]:
    """The most suggestions of each kind one article gets (``limits.yaml``)."""
    return dict(_limits())


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


def _title_case(line: str) -> bool:
    """A headline or subheading set in title case ("Royal Self-Indicting Arrogance"): every word of four
    letters or more capitalised, no closing full stop."""
    words = re.findall(r"[A-Za-z][\w'’]*", line)
    long = [x for x in words if len(x) >= 4]
    return len(long) >= 2 and all(x[0].isupper() for x in long) and not line.rstrip().endswith(".")
