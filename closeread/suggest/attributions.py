"""Who said what in an article: verbs of saying (listed, or known by their frame or their place beside a
quotation), their speakers and the sources named or described, the names met on the way, and how a note
names a speaker. A mixin of ``reading.Article``, which gives it the text's lines, sentences and quotations
(``text``, ``masked``, ``lines``, ``line_of``, ``sentence_of``, ``sentences_text``)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .lexicon import AUX_VERBS, CAPRUN_RE, DETERMINERS, NAME_SUFFIXES, ORG_WORDS, PRONOUNS, SOURCE_NOUNS, STOP_CAPS, TITLES, VIA_RES, Verb, _has_verb, _words, attribution_verbs
from .source_span import _head_words, names_people, person_or_org

if TYPE_CHECKING:
    from .reading import Article, Line, Sentence


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
    phrase: str = ""     # the words that stand for the speaker in the sentence ("The governor"), if any
    passive: bool = False  # "is accused by critics": the source is the agent after the verb
    reduced: bool = False  # "the move announced by X": a participle after a noun; X is a source, the verb an act


_BETWEEN = {
    "has", "have", "had", "also", "reportedly", "later", "earlier", "then", "previously", "recently", "again",
    "repeatedly", "once", "further", "instead", "publicly", "privately", "is", "was", "were", "are", "had",
    "would", "will", "has", "just", "already", "even", "still", "often", "reportedly", "allegedly", "never",
    "had", "subsequently", "separately", "angrily", "proudly", "openly", "bluntly", "simply", "flatly",
}


# lower-case roles between an organisation's name and its holder's ("Union leader Ana Silva")
_ROLE_WORDS = {"leader", "chief", "executive", "spokesman", "spokeswoman", "spokesperson", "head", "director",
               "president", "secretary", "minister", "manager", "analyst", "professor", "lawyer", "attorney",
               "economist", "chairman", "chairwoman", "founder", "official", "researcher", "scientist", "coach",
               "captain", "owner", "editor", "adviser", "advisor", "strategist", "member", "boss", "general"}


_NOT_DESCRIPTION = {
    "while", "when", "after", "before", "who", "whose", "which", "speaking", "in", "on", "at", "during", "as",
    "despite", "though", "although", "according", "however", "meanwhile", "also", "and", "but", "that", "if",
    "because", "since", "for", "with", "without", "by", "from", "to", "then", "too",
}


# words after which an -ing form is a gerund, the name of an act
_GERUND_AFTER = {"including", "by", "after", "before", "for", "of", "without", "with", "since", "about", "on", "in",
                 "from", "despite", "besides", "instead"}
# words that end like nouns of people ("under", "former") but are not nouns
_NOT_NOUNS = {"under", "over", "after", "never", "ever", "either", "neither", "other", "another", "rather", "whether",
              "together", "further", "later", "earlier", "former", "latter", "per", "sooner", "longer", "consumer"}
# a clause follows the verb without "that": "fear the wall will fail", "concluded the wall was unsafe"
_CLAUSE_FOLLOWS = re.compile(r"\s*(?:the|a|an|his|her|its|their|this|these|those|he|she|it|they|we|there|[A-Z][\w'’.-]*)"
                             r"(?:\s+[\w'’-]+){0,4}?\s+(?:is|are|was|were|will|would|could|can|may|might|should|"
                             r"must|has|have|had|do|does|did|(?:do|does|did|wo|ca)n['’]t)\b")
# verbs that open an instruction to the reader (a closed class of page prompts): "See tweets", "Read more"
_IMPERATIVES = {"see", "read", "watch", "click", "look", "listen", "follow", "check", "visit", "view", "find", "get",
                "share", "subscribe", "sign", "learn", "download", "scroll", "tap", "join", "discover", "explore",
                "compare", "consider", "note", "remember", "imagine", "take", "try"}
# the writer in the first person, as the subject: "We'll start by noting", "I would note"
_WRITER = re.compile(r"\s*(?:I|[Ww]e)(?:['’](?:ll|ve|d|m|re))?\b")
_WH = {"which", "what", "who", "whom", "whose", "where", "when", "why", "how"}
_MODALS = {"will", "would", "can", "could", "may", "might", "should", "must", "do", "does", "did", "not", "to",
           "n't", "also", "often", "usually", "typically", "generally"}
# what may stand before an uninflected verb form ("economists argue", "they think", "will tell")
_BASE_BEFORE = {"i", "we", "you", "they", "not", "do", "did", "does", "will", "would", "can", "could", "may",
                "might", "should", "must", "others", "many", "some", "most", "few", "both", "people"}
_QUESTION = re.compile(r"(?:what|why|how|who|when|where|which|did|does|do|is|are|was|were|can|could|will|should)\b", re.I)
# forms that are also plural nouns
_NOUN_FORMS = {"states", "reports", "notes", "claims", "calls", "questions", "comments", "remarks", "forecasts",
               "estimates", "demands", "appeals", "rules", "cheers", "promises", "vows", "answers", "replies",
               "warnings", "says", "tweets", "posts", "writes", "disputes", "asks"}
# subjects that say no one speaks ("Few would argue", "Nobody disputes"), and quantifiers before a noun form
# words ending in -ly that are no adverbs before a verb: nouns ("The family warned") and adjectives
_LY_NOUNS = {"family", "ally", "rally", "supply", "reply", "assembly", "monopoly", "anomaly", "bully", "fly"}
_LY_NOT_ADVERBS = _LY_NOUNS | {"only", "early", "daily", "weekly", "monthly", "quarterly", "yearly", "likely", "unlikely"}
# what may suggest or imply something as a speaker does: a document or a study ("the report suggests")
_DOCUMENTS = frozenset({"report", "study", "survey", "poll", "paper", "review", "analysis", "memo", "letter",
                        "statement", "document", "filing", "ruling", "research", "article", "book", "plan"})
_NO_ONE = {"few", "nobody", "none", "noone"}
_QUANTIFIERS = {"many", "some", "several", "few", "most", "numerous", "multiple", "other", "recent", "all", "both",
                "earlier", "conflicting", "media", "news", "press", "unconfirmed"}
_PRONOUN_NP = re.compile(r"(?i)(?:he|she|they|it|we|i|you|this|that|these|those|there|who|which|one)")
# after the verb, nothing but where, when or how it was said: a trailing tag ("prosecutors said.")
_TRAILING = re.compile(r"\s*(?:(?:in|on|at|to|during|via|through|from|after|before|last|this|earlier|later|on|Monday|"
                       r"Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|tonight)\b"
                       r"(?:(?!\bthat\b)[^¤;:]){0,80}?)?[.!?]?\s*$")
_AFTER_NP = re.compile(r"\s*((?:the\s+|an?\s+|one\s+)?[^,.;:¤]{2,80}?)(?=\s*(?:[,.;:¤]|$|\s(?:in|on|at|during|that|who|"
                       r"as|after|before|when|while)\b))")
_CONJ = re.compile(r"(?:(?:,\s*|\s)(?:while|whereas|although|though|because|since|whom|once|if|until|after|before|when)|"
                   r",\s*(?:but|and|as|after|when|so|yet|with))\s+(?=[A-Z]|the\s|an?\s|(?:[a-z]+\s+)?(?:[a-z]+(?:ers|ors|ists|ians|ants|ents|ees)|officials|experts|critics|police|"
                   r"authorities|lawmakers|doctors)\b)")  # ", and researchers believe": a plural noun of people
_INTRO = re.compile(r"\s*(?:(?:However|Meanwhile|Moreover|Still|Yet|Instead|Separately|Later|Earlier|Also|Then|Now|"
                    r"Overall|Specifically|Indeed|Previously|Last\s+\w+|On\s+\w+|In\s+[^,]{1,60}|During\s+[^,]{1,60}|"
                    r"After\s+[^,]{1,60}|Before\s+[^,]{1,60}|When\s+[^,]{1,60}|While\s+[^,]{1,60}|At\s+[^,]{1,60}|"
                    r"For\s+[^,]{1,60}|Following\s+[^,]{1,60}|Despite\s+[^,]{1,80}|As\s+[^,]{1,60}|Asked\s+[^,]{1,60}|"
                    r"Speaking\s+[^,]{1,60}|Shortly\s+[^,]{1,40}|[A-Z]\w+ly)\s*,\s*)")


# verbs that take a that-clause without reporting anyone's words or thoughts (a closed class)
_NOT_REPORTING = {
    "means", "meant", "ensures", "ensured", "requires", "required", "seems", "seemed", "appears", "appeared",
    "happens", "happened", "follows", "followed", "needs", "needed", "matters", "mattered", "provided",
    "provides", "given", "assumed", "hopes", "hoped", "wishes", "wished", "guarantees", "guaranteed", "proves",
    "proved", "implies", "implied", "shows", "showed", "reflects", "reflected", "signals", "signaled", "signalled",
    "explains", "is", "was", "has", "does", "did", "makes", "made", "adds", "added",
}
# their uninflected forms, and words that stand before "that" without reporting anything
_NOT_REPORTING_BASES = {
    "mean", "ensure", "require", "seem", "appear", "happen", "follow", "need", "matter", "provide", "assume", "hope",
    "wish", "guarantee", "prove", "imply", "show", "reflect", "signal", "explain", "make", "add", "do", "see", "say",
    "and", "but", "not", "now", "than", "all", "any", "such", "are", "have", "can", "may", "will", "would", "could",
    "should", "must", "did", "one", "way", "fact", "idea", "sure", "time", "point", "than", "given", "know", "find",
}
_FRAME_IMPLIES = ("Introduces what the source says or thinks with a verb of its own: what does it add to "
                  '"said" (certainty, doubt, a judgement)?')


# "Name, description" and "Name, description, and Name, description": the subject of a verb after its last comma
NAMED_WITH_DESCRIPTION = r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*,\s+[^,;¤]{3,80}?"
_APPOSED_NAMES = re.compile(rf"{NAMED_WITH_DESCRIPTION}(?:,?\s+and\s+{NAMED_WITH_DESCRIPTION})?")
# a verb of saying known by its place: right after a quotation and its speaker, or before a colon and a quotation
# (¤ is a quotation, masked); irregular verbs with a particle ("cut her off", "shot back") too
_WHO = r"(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?<!['’]s)(?<![.'’-])|he|she|they)(?!['’])"
_SAYING = (r"(?P<verb>(?-i:[a-z]+(?:ed|s)|cut|shot|broke|went|put|chimed|fired)"
           r"(?:\s+(?:her|him|them|me|us))?(?:\s+(?:in|up|on|back|off|out|over))?)")
_TAG_AFTER_QUOTE = re.compile(rf"¤\s*,?\s+{_WHO}\s+(?:(?-i:[a-z]+ly)\s+)?{_SAYING}(?=\s*(?:[.,:;]|¤|$))")
_TAG_BEFORE_QUOTE = re.compile(rf"(?:^|(?<=[.!?]\s)|(?<=,\s)){_WHO}(?:\s+(?:(?-i:[a-z]+ly)\s+)?{_SAYING})?\s*:\s*[¤“\"]")  # (or an opening mark whose quotation runs on)
# a headline that gives a speaker's words on a topic: "Gates on Tillerson and Russia: ‘Being friendly ...’",
# "Obama on hacking: I warned Putin ..." (the speaker, who must speak in the body too; the colon stands for the verb)
_HEADLINE_ON = re.compile(r"^(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)(?P<verb>(?!))?\s+on\s+[^:¤;]{2,60}?:\s+\S")
# words that stand where a verb of saying would but are not one ("“...,” he was", "Alito's: ...")
_NOT_SPEECH = {"is", "was", "were", "has", "does", "goes", "this", "thus", "as", "its", "his", "hers", "yes", "us"}
_BESIDE_IMPLIES = ("Introduces the quotation with a verb of its own: what does it say about how the words were "
                   'spoken, beyond "said"?')


_TIME_BEFORE_VERB = re.compile(r"(?<=[A-Za-z])\s+(?:on\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)|"
                               r"(?:last|this)\s+(?:week|month|year|night|morning|weekend)|earlier\s+this\s+(?:week|month|year)|"
                               r"overall|today|yesterday|tonight)\s*$")
# the speaker after an inverted verb at the end of a title-case headline: " Climate Scientist James Hansen"
_TITLE_SPEAKER = re.compile(r"\s+(?:[A-Z][\w'’.-]*\s+){1,5}[A-Z][\w'’.-]*\s*")
# the agent of a passive reporting verb, after an adverb or a time ("announced on Monday by US Secretary of
# State Mike Pompeo"): a determiner, then capitalised words joined by "of"/"for"/"the"
_AGENT = (r"\s*(?:\w+ly\s+|(?:on|in|at|last|this|earlier|late|early)\s+[\w.]+\s+)?by\s+"
          r"((?:the\s+|an?\s+|some\s+|many\s+)?[\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]*|(?:of|for|the)(?=\s+(?:the\s+)?[A-Z])))*)")
_REDUCED_AGENT = re.compile(_AGENT)


def _frame_verb(word: str, before: str) -> Verb | None:
    """A reporting verb known only by its frame (a that-clause follows), or None when the word is more
    likely a noun before a relative clause ("goods that the US imports") or a verb that reports nothing."""
    low = word.lower()
    if low in _NOT_REPORTING or names_people(low):
        return None
    prev = re.findall(r"[\w'’.-]+|[¤,;:]", before)
    tok = prev[-1] if prev else ""
    while prev and prev[-1].lower() in _BETWEEN | {"also", "now"}:
        prev.pop()
    subj = prev[-1] if prev else ""
    if not subj or subj.lower() in DETERMINERS or subj.lower() in {"of", "in", "on", "for", "with", "by", "to", "and",
                                                                 "or", "at", "from", "that", "which", "who"}:
        return None
    if low.endswith("ed") and tok == ",":
        return None  # "A group of doctors, alarmed that ...": a participle describing the subject
    if not low.endswith(("ed", "s")):
        # an uninflected verb agrees only with a plural subject: "Tunisians worry that", "critics fear that" (not
        # "the idea that", "the day that": a noun, whose determiner is refused above)
        if low in _NOT_REPORTING_BASES or tok != subj or not (
                subj.lower() == "they" or re.fullmatch(r"[a-z]+[^s'’]s", subj) and names_people(subj)
                or re.fullmatch(r"[A-Z][a-z]+[^s'’]s", subj)):
            return None
    if low.endswith("s") and not low.endswith("ss") and (
            re.fullmatch(r"[A-Z]\w*(?:an|ish|ese|i)", subj) or subj.lower() in {"i", "we", "you", "they"}):
        return None  # "Chinese goods that ...", "they projects": a plural noun, or no agreement
    if not (subj[:1].isupper() or subj.lower() in {"he", "she", "they"} or names_people(subj.lower().strip(",.'’"))
            or tok in {",", "¤"} or tok.lower() in {"has", "have", "had"}):
        return None
    return Verb(low, (low,), _FRAME_IMPLIES, True)


def _looks_like_description(text: str) -> bool:
    """An appositive that describes a person ("Zaporozhye region's acting governor"), not a clause."""
    words = text.split()
    if not words or len(words) > 10 or words[0].lower() in _NOT_DESCRIPTION:
        return False
    forms = {f.lower() for v in attribution_verbs() for f in v.forms}
    return not any(w.lower().strip(",.") in forms or w.lower() == "that" for w in words)


class Attributions:
    """The attribution finding of an Article (reading.py): ``_read_attributions`` fills ``persons``,
    ``mentions`` and ``attributions`` once the text's lines, sentences and masked quotations are read."""

    def _read_attributions(self) -> None:
        self.persons: dict[str, str] = {}        # full name -> description
        self.mentions: list[tuple[int, str]] = []   # (position, name) of every multi-word name
        for m in CAPRUN_RE.finditer(self.text):
            nm = self._name_from(m.group(0), m.start())
            if nm and 2 <= len(nm[0].split()) <= 4:
                self._register(nm[0], "")
                self.mentions.append((nm[1][0], nm[0]))
        self.attributions: list[Attribution] = []
        self._find_attributions()

    # ---- names ---------------------------------------------------------------------------------

    def _name_from(self, np_text: str, np_start: int) -> tuple[str, tuple[int, int], str] | None:
        """The proper name in a subject noun phrase, with titles stripped: ('Vladimir Putin', span)."""
        best = None
        runs = list(CAPRUN_RE.finditer(np_text))
        # "Union leader Ana Silva", "Baltic Crossings chief executive Pia Lund": an organisation, its
        # holder's role in lower case, then the person: the person is who speaks
        for i in range(len(runs) - 1, 0, -1):
            between = [w for w in (x.strip("'’") for x in np_text[runs[i - 1].end():runs[i].start()].split()) if w]
            if between and all(w.lower() in TITLES or w.lower() in _ROLE_WORDS or w.lower() in ORG_WORDS
                               for w in between) \
                    and len(runs[i].group(0).split()) >= 2:
                runs = runs[i:]
                break
        for m in runs:
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
                if not v.stance:
                    forms.append((f, v))
        self._stance_verb = {f: v for v in attribution_verbs() if v.stance for f in v.forms}
        forms.sort(key=lambda fv: -len(fv[0]))
        self._form_to_verb = {f.lower(): v for f, v in forms}
        alts = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f, _ in forms)
        took = r"took to (?:his|her|their|its|the) [\w\s-]{0,40}? to (?:report|say|announce|claim|write|post|share|state)"
        # any other verb in the frame of reported speech: a finite verb followed by a that-clause with its own
        # subject ("the budget office projects that the tariffs ...", "she reckons that the vote ...")
        frame = (r"(?-i:(?P<frame>[a-z][a-z-]{2,}(?:ed|s)?))(?=\s+that\s+(?-i:(?:the|a|an|his|her|its|their|this|"
                 r"these|those|he|she|it|they|we|there|[A-Z]|\d)\b|[A-Z$\d]|"
                 # (or a bare plural with its verb: "Tunisians worry that extremists can easily get arms")
                 r"(?-i:[a-z]+s\s+(?:[a-z]+\s+){0,2}(?:can|could|will|would|may|might|must|should|are|were|have|had|"
                 r"do|did)\b)))")
        # an adjective of stance after "be" ("The union is adamant journalists must be exempt", "Officials are
        # worried about ..."): what someone thinks, when "that", "about", "by", "over" or a clause follows
        adjs = "|".join(sorted(self._stance_verb, key=lambda f: (-len(f), f)))
        stance = (rf"(?-i:(?P<stance>(?:is|are|was|were|(?:has|have|had)\s+been|remains?|remained)\s+(?:[a-z]+ly\s+)?"
                  rf"(?P<adj>{adjs})))(?!\s+to\b)(?=\s+(?:that|about|by|over)\b|\s+(?:[\w'’-]+\s+){{1,5}}?"
                  r"(?:is|are|was|were|will|would|could|can|may|might|should|must|has|have|had)\b)")
        return re.compile(rf"(?<![\w-])(?:(?P<took>{took})|{stance}|(?P<form>{alts})|{frame})(?![\w-])", re.IGNORECASE)

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
                    if m.group("stance"):
                        att = self._stance(sent, vs, ve, self._stance_verb[m.group("adj")], last_person, last_group)
                        if att is not None:
                            self._check_source(att, sent)
                            self.attributions.append(att)
                        continue
                    if m.group("took"):
                        verb = Verb("took to ... to report", (), "Presents a post on the speaker's own channel as a report of fact.", False)
                    elif m.group("frame"):
                        verb = _frame_verb(m.group("frame"), chunk[:m.start()])
                        if verb is None:
                            continue
                    else:
                        if m.group("form")[0].isupper() and chunk[:m.start()].strip(" \"'“‘(¤") and not (
                                ln.headline and chunk[:m.start()].rstrip().endswith(",")
                                and m.group("form").lower() not in _NOUN_FORMS - {"says", "warns"}
                                and self._titled_speaker(chunk[m.end():], ln)):
                            # "States", "Reports" inside a sentence are names or nouns; but a title-case headline
                            # ends "..., Warns Climate Scientist James Hansen"
                            continue
                        key = re.sub(r"\s+", " ", m.group("form").lower())
                        verb = self._form_to_verb.get(key)
                        if verb is None:
                            continue
                    att = self._attribution(sent, vs, ve, verb, m.group("form") or "", last_person, last_group)
                    if att is None:
                        continue
                    if att.source_span and re.search(r"(?i)\bto\s*$", text[att.source_span[0]:att.source_span[1]]):
                        continue  # "Needless to say", "Suffice to say": an infinitive with no one to say it
                    self._check_source(att, sent)
                    if m.group("frame") and att.source_span is None and not (att.source and not att.unnamed):
                        continue  # a verb known only by its frame needs someone named or described to speak
                    self.attributions.append(att)
                    if att.source and not att.unnamed:
                        if " " in att.source or att.source in self.persons or att.source[:1].isupper():
                            last_person = att.source
                    elif att.source:
                        last_group = att.source
                for att in self._beside_quotes(sent, chunk, last_person):
                    self.attributions.append(att)
                    if att.source and not att.unnamed:
                        last_person = att.source

    def _titled_speaker(self, rest: str, ln: Line) -> bool:
        """The words after a headline's inverted verb name someone the article names again ("..., Warns Climate
        Scientist James Hansen"; not "..., States Report Record Profits")."""
        if not _TITLE_SPEAKER.fullmatch(rest):
            return False
        surname = rest.split()[-1]
        return any(not (ln.start <= m.start() < ln.end)
                   for m in re.finditer(rf"(?<![\w-]){re.escape(surname)}(?![\w-])", self.text))

    def _named_elsewhere(self, who: str, ln: Line) -> bool:
        """The last word of a name stands in the article outside this line."""
        last = who.split()[-1]
        return any(not (ln.start <= m.start() < ln.end)
                   for m in re.finditer(rf"(?<![\w-]){re.escape(last)}(?![\w-])", self.text))

    def _beside_quotes(self, sent: Sentence, chunk: str, last_person: str) -> list[Attribution]:
        """Verbs of saying known by their place beside a quotation, whatever the verb: '"...," Alito
        interjected.', 'Alito cut her off: "..."'; and a transcript's 'Prelogar: "..."' (a source, no verb)."""
        out = []
        taken = [(a.start, a.end) for a in self.attributions if sent.start <= a.start <= sent.end]
        ln = self.line_of(sent.start)
        for rx in (_TAG_AFTER_QUOTE, _TAG_BEFORE_QUOTE, _HEADLINE_ON):
            if rx is _HEADLINE_ON and not (ln is not None and ln.headline and sent.start == ln.start):
                continue
            for m in rx.finditer(chunk):
                if rx is _HEADLINE_ON and not self._named_elsewhere(m.group("who"), ln):
                    continue  # ("Focus on climate: what comes next": no one the article names)
                vs, ve = (sent.start + m.start("verb"), sent.start + m.end("verb")) if m.group("verb") else (0, 0)
                if any(a < ve and vs < b for a, b in taken) or (m.group("verb") and m.group("verb").split()[0].lower()
                                                                in _NOT_REPORTING | _NOT_SPEECH):
                    continue
                who = m.group("who")
                ws = sent.start + m.start("who")
                if who.lower() in PRONOUNS:
                    src, span = last_person, None
                elif who.split()[0].lower() in STOP_CAPS or not m.group("verb") and len(who.split()) > 3:
                    continue
                else:
                    src, span = self._resolve_name(who), (ws, ws + len(who))
                if not m.group("verb"):
                    vs = ws + len(who) if rx is not _HEADLINE_ON else sent.start + chunk.index(":", m.start())
                    ve = vs + 1  # the colon stands for the verb
                verb = Verb(m.group("verb") or ":", (), _BESIDE_IMPLIES, False)
                out.append(Attribution(vs, ve, verb, src, not src, span, reduced=not m.group("verb")))
                taken.append((vs, ve))
        return out

    def _attribution(self, sent: Sentence, vs: int, ve: int, verb: Verb, form: str,
                     last_person: str, last_group: str) -> Attribution | None:
        text, masked = self.text, self.masked
        before = masked[sent.start:vs]
        after = masked[ve:sent.end]
        # a time or a sentence adverb between the subject and its verb ("Gates on Sunday defended", "Wall overall
        # praised") stands where the subject is looked for: read past it
        prev = re.findall(r"[\w'’.-]+|[¤,:;]", _TIME_BEFORE_VERB.sub("", before))
        prev_tok = prev[-1] if prev else ""
        nxt = after.lstrip()
        next_word = (re.match(r"[\w'’-]+", nxt) or [""])[0] if nxt else ""
        lf = form.lower()

        sentence = text[sent.start:sent.end].rstrip()
        if sentence.endswith("?") or (not re.search(r"[.!:\"”’']$", sentence) and _QUESTION.match(sentence)):
            return None  # "What did the prosecutors say": a subheading's question, not an attribution
        if lf.endswith(" by") and verb.verb != "according to":
            verb_by = True  # "as reported by the Independent newspaper": the agent after "by" is the source
        else:
            verb_by = False
        if verb.verb == "according to" or verb_by:
            # ("according to a report by the Harbour Trust": the determiner after a preposition goes on)
            m = re.match(r"\s*((?:the\s+)?[^,.;:¤]{2,80}?)(?=\s*(?:[,.;:¤]|$|(?<!\sby)(?<!\sof)(?<!\sfrom)(?<!\sfor)"
                         r"(?<!\sat)\s(?:that|who|which|there|the\s|a\s|an\s|in\s|on\s|at\s|\d)))", after)
            np = m.group(1).strip() if m else ""
            if not np or np.lower().split()[0] in {"plan", "schedule", "plans", "rules", "law", "tradition", "phone",
                                                   "telephone", "email", "e-mail", "text", "mail", "video", "radio"}:
                return None
            np_start = ve + after.find(np) if np else ve
            return self._who(np, np_start, vs, ve, verb, last_person, last_group, sent)

        if re.match(r"(?:is|are|was|were|has been|have been|had been|been)\s", lf):
            return self._passive(vs, ve, verb, after)  # "Corbyn is accused by critics": not Corbyn's words
        if lf.endswith("ed") and not verb.subjects and re.fullmatch(r"[a-z][\w-]*", prev_tok) and (prev_tok.lower() not in \
                PRONOUNS.keys() | _BETWEEN | _MODALS | {"be", "been", "being", "and", "or", "that", "who", "which"}
                or verb.judges and prev_tok.lower() == "and") and _REDUCED_AGENT.match(after):
            # ("an appearance arranged by X and criticized by Y": a second participle of the same noun)
            # "the move announced on Monday by Mike Pompeo": a participle after a noun, its agent the source;
            # the verb names an act (announcing the move), so it is no attribution verb to propose (not a verb of
            # finding, "the border established by the British": it reports words only after a study or an inquiry)
            att = self._passive(vs, ve, verb, after)
            if att.source_span is None:
                return None
            att.reduced = True
            return att
        name_before = prev_tok[:1].isupper() and len(prev) >= 2 and prev[-2][:1].isupper() \
            and prev[-2].lower() not in STOP_CAPS  # "NBC News reported": a name, not "news reports"
        if prev_tok.lower() in DETERMINERS and not name_before:
            return None
        if len(prev) == 1 and prev[0].lower() in _IMPERATIVES:
            return None  # "See tweets:", "Read reports": an instruction to the reader, no one speaks
        if next_word.lower() in verb.not_before:
            return None  # "pleaded guilty": another sense of the verb
        # the subject before auxiliaries and modals: "Studies have shown", "Many riders will tell you"
        bare = list(prev)
        while bare and bare[-1].lower() in _BETWEEN | _MODALS:
            bare.pop()
        subject_tok = bare[-1] if bare else ""
        if subject_tok.lower() in _NO_ONE or len(bare) >= 2 and bare[-2].lower() == "no":
            return None  # "Few would argue", "no group claimed responsibility": no one is reported saying it
        if re.search(r"(?i)\b(?:if|unless)\s+(?:[\w'’.-]+\s+){0,4}$", re.split(r"[,;:¤]", before)[-1]):
            return None  # "will update this post if company officials respond": a condition, no words yet
        if re.search(r"(?i)\b(?:might|could|would|should|may|must)\s+have\s+(?:[a-z]+ly\s+)?$", before):
            return None  # "Uber might have suggested that ...": what was not said (a modal perfect), no words reported
        if re.search(r"(?i)\b(?:(?:do|does|did)\s+not|(?:do|does|did)n['’]t)\s+(?:[a-z]+ly\s+)?$", before):
            return None  # "the Government does not deny that ...": a verb of saying denied, no words reported
        if verb.verb == "suggested" and re.fullmatch(r"[a-z][\w'’-]*", subject_tok) and not (
                subject_tok in PRONOUNS or names_people(subject_tok) or _among(subject_tok, _DOCUMENTS)):
            return None  # "the data suggests", "That opener suggests": evidence pointing somewhere, no one speaking
        if lf in _NOUN_FORMS - {"says"} and (prev_tok.lower() in _QUANTIFIERS or not before.strip(" \"'“‘(")):
            return None  # "Many reports suggest", "Claims that immediate action is imperative do not": nouns
        if lf.endswith("ing") and len(prev) >= 2 and prev[-2].lower() in {"a", "an", "the", "its", "his", "her", "their"} \
                and re.fullmatch(r"[a-z][a-z-]+", prev_tok) and not prev_tok.endswith("ly") \
                and prev_tok.lower() not in AUX_VERBS and not names_people(prev_tok) \
                and not (next_word.lower() == "that" or nxt[:1] in ":¤\"“"):
            # "came with a tough warning about": a noun after a determiner and an adjective (but "issued a
            # statement warning that ...", "the mayor warning of": a participle, words follow or a speaker precedes)
            return None
        licensed = False
        if verb.subjects:
            licensed = _among(subject_tok.lower(), verb.subjects) or _among(prev_tok.lower(), verb.subjects) \
                or subject_tok.lower() == "it" and next_word.lower() == "that" and self._it_is_one_of(sent, verb)
            if not licensed and subject_tok.lower() not in PRONOUNS and (
                    next_word.lower() == "that" or _CLAUSE_FOLLOWS.match(after)):
                # "a March 2019 study by the Centre ..., a think tank, concluded that": the subject's head
                span = self._subject(sent, vs, ve)
                head = _head_words(self.text[span[0]:span[1]]) if span else []
                licensed = any(_among(w.lower().strip(",.'’"), verb.subjects) for w in head) \
                    or bool(span) and (self._subject_names_someone(sent, vs, ve)
                                       or bool(CAPRUN_RE.fullmatch(self.text[span[0]:span[1]].strip())))
            if not licensed:
                return None  # "the study found", "researchers think"; not "police found a body"
        clause = re.split(r"[,;:¤]", before)[-1]
        if _WRITER.match(clause) and len(clause.split()) <= 6:
            return None  # "We'll start by noting that ...": the writer, not a source (claims.py reads it)
        if lf and (lf in verb.bases or lf.split()[0] in verb.bases):
            # an uninflected form is a noun as often as a verb ("his often-repeated vow that", "McKinley's
            # comment"): a verb only after a plural or personal subject, a modal or "to"
            raw = prev_tok.lower()
            if raw == "to":
                return None  # "declined to say", "which is not to say that": no one says it here
            if not (self._subject_names_someone(sent, vs, ve) or raw in _BASE_BEFORE or raw in {",", "¤"} or subject_tok.lower() in _BASE_BEFORE
                    or re.fullmatch(r"[a-z][\w-]*[^'’s]s", subject_tok.lower()) and names_people(subject_tok.lower())
                    or re.fullmatch(r"[a-z][\w-]*[^'’s]s", subject_tok.lower()) and raw in _MODALS):
                return None
        gerund_after = next((t for t in reversed(prev) if not re.fullmatch(r"[a-z]+ly", t)), "")
        if lf and lf.split()[0].endswith("ing") and gerund_after.lower() in _GERUND_AFTER \
                and not (next_word.lower() == "that" or _CLAUSE_FOLLOWS.match(after)):
            # "including calling for a debate", "by urging", "after privately reporting the bug": an act named, not
            # words reported (but "outed him for claiming the apartment was larger" reports a claim: a clause follows)
            return None
        if lf.endswith("ing") and prev_tok == ",":
            # "..., hinting that it was a fake": a participle whose subject is the clause's before; with
            # no words after it, an act ("..., characterizing the moon")
            if not (nxt[:1] in ":¤\"“" or next_word.lower() == "that"):
                return None
        # words follow as speech: "that", a colon, a quotation, an indirect question ("described how her daughter
        # was ..."), or "to" and a verb after a verb that commits the speaker ("pledged to form a coalition")
        speech_follows = not nxt or nxt[:1] in ":,.¤;\"“" or next_word.lower() in {"that", "how", "why", "whether"} \
            or verb.infinitive and next_word.lower() == "to"
        if verb.objects and not speech_follows and next_word.lower() not in verb.objects \
                and not re.fullmatch(r"(?:having|being|ever|never|[a-z]{3,}ing)", next_word.lower()):
            # "is denying flu vaccines to immigrants": a refusal, not a denial of words ("denied having sex",
            # "admitted taking the money": an act denied or admitted is a statement about it)
            return None
        if not speech_follows and lf.split()[0].endswith("ing") and lf in verb.made:
            return None  # an -ing form made from a lemma names an act as often as words ("responding to the fire")
        if verb.speech_only and not speech_follows:
            return None  # "observed Europa for 17 nights": an act, not words
        ln = self.line_of(vs)
        if ln is not None and ln.caption and not verb.neutral and not speech_follows:
            return None  # a photo caption's "X testifies before the committee" describes the picture
        # the subject before auxiliaries and adverbs: "Assange has denied", "The Democrats are alleging"
        core = list(prev)
        while core and (core[-1].lower() in _BETWEEN | {"be", "been", "being", "did", "does", "do", "now"}  # "Trump did acknowledge"
                        or re.fullmatch(r"[a-z]+ly", core[-1]) and core[-1] not in _LY_NOT_ADVERBS):
            core.pop()  # ("Netanyahu strongly warned", "The company now promises": an adverb before the verb)
        adverbs = list(prev)  # the word before the verb and its adverbs: "were controversially labeled"
        while adverbs and re.fullmatch(r"[a-z]+ly", adverbs[-1]) and adverbs[-1] not in _LY_NOT_ADVERBS:
            adverbs.pop()
        be_tok = adverbs[-1].lower() if adverbs else ""
        if re.fullmatch(r"(?:we|you|they|i|he|she|it)['’](?:re|m|s)", be_tok):
            be_tok = "are"  # "we're told": a contracted "be", a passive
        progressive = lf.endswith("ing") and bool(core) and core[-1].lower() not in DETERMINERS \
            and be_tok in {"is", "are", "was", "were"}
        if be_tok in {"is", "are", "was", "were", "be", "been", "being"} and not progressive and (
                lf.endswith(("ed", "ing")) or lf in {"said", "told", "known", "thought", "shown", "seen", "written"}):
            if next_word.lower() == "to":
                return None  # "is said to": speculation, not attribution
            if lf.endswith("ed") and not (not nxt or nxt[:1] in ":,.¤;\"“" or next_word.lower() in {"that", "by", "as"}):
                return None  # "often enough to be noted more than once": a passive that introduces no words
            return self._passive(vs, ve, verb, after)
        if core and core is not prev and len(core) < len(prev):
            prev, prev_tok = core, core[-1]
        if lf in {"claimed", "claims", "claim"} and re.match(r"(?:the\s+)?(?:lives|life|title|seat|prize|gold|asylum)\b", nxt, re.I):
            return None
        if lf in _NOUN_FORMS and (next_word.lower() in {"to", "of", "and", "or", "for", "in", "on", "with", "from", "by",
                                                      "were", "are", "have", "had", "which", "who", "about", "over"}
                                  or prev_tok.lower() in DETERMINERS or re.fullmatch(r"[A-Z]\w*(?:an|ish|ese|i)", prev_tok)
                                  or re.search(r"\w(?:['’]s?)$", prev_tok)):  # "Gates’ comments", "Trump’s answers"
            return None  # "Arab states to have signed", "the reports of": a plural noun, not a verb
        if lf in {"say", "tell", "claim", "admit", "deny", "acknowledge", "concede", "allege"}:
            if not prev_tok or prev_tok.lower() in {"to", "not", "will", "would", "could", "can", "may", "might", "should", "must", "did", "didn't", "to"}:
                pass
            subject_before = bool(prev) and any(
                tok.lower() in PRONOUNS or tok[:1].isupper() and tok.lower() not in STOP_CAPS | _WH
                or tok.lower() in SOURCE_NOUNS or names_people(tok.lower())
                for tok in {prev_tok, subject_tok} if tok) or self._subject_names_someone(sent, vs, ve)
            if not subject_before:
                return None
        subject_ok = bool(prev) and (
            licensed or names_people(subject_tok.lower()) or prev_tok.lower() in PRONOUNS
            or (not prev_tok[:1].isupper() and self._subject_names_someone(sent, vs, ve)) or prev_tok.lower() in SOURCE_NOUNS or names_people(prev_tok.lower())
            or (prev_tok[:1].isupper() and prev_tok.lower() not in STOP_CAPS)
            or name_before
            or prev_tok in {",", "¤", "-", "—", "–"} or prev_tok.lower() in {"also", "later", "earlier", "then", "further", "previously", "reportedly", "recently", "has", "have", "had"}
        )
        intro_ok = (not nxt) or nxt[:1] in ":,.¤;" or next_word.lower() in {"that", "in", "on", "during", "earlier", "later", "yesterday", "today", "last", "this", "while", "after", "when", "at", "via", "through", "reporters", "journalists",
                                                                  "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
        if lf in {"told", "tells", "tell"}:
            intro_ok = intro_ok or bool(next_word)
        if licensed and _CLAUSE_FOLLOWS.match(after):
            intro_ok = True  # "a Forbes article found he had exaggerated": a clause without "that"
        if verb.neutral and lf in {"said", "says"} and _CLAUSE_FOLLOWS.match(after):
            intro_ok = True  # "Her coach said the ceremony was ...": a clause without "that" after a plain verb of saying
        if verb.strict and not (subject_ok and (intro_ok or prev_tok in {",", "¤", "-", "—", "–"}
                                                or prev_tok.lower() in PRONOUNS or prev_tok[:1].isupper()
                                                or names_people(prev_tok.lower()))):
            if not (intro_ok and next_word.lower() == "that"):
                return None
        if prev_tok.lower() in {"but", "and"} and not subject_ok and (next_word.lower() == "that"
                                                                    or _CLAUSE_FOLLOWS.match(after)):
            # "Trump acknowledged the conditions, but argued his net worth is higher": a second verb of the same
            # subject, which the sentence's attribution before it names
            first = [a for a in self.attributions if sent.start <= a.start < vs]
            if first and (first[-1].source or first[-1].source_span):
                return Attribution(vs, ve, verb, first[-1].source, first[-1].unnamed, None)
        if not verb.strict and not (subject_ok or intro_ok):
            return None
        if re.match(r"\d|(?:a|an|the|his|her|their)\s+(?:new\s+)?(?:\d|record|total|loss|profit|revenue|jobs?)\b", nxt) and not next_word.lower() == "that":
            if lf in {"added", "adds", "reported", "reports", "posted", "noted", "announced"}:
                return None

        span = self._subject(sent, vs, ve)
        if span is not None and lf and lf.split()[0].endswith("ing") and prev_tok.lower() in _GERUND_AFTER:
            # "Forbes Magazine outed Trump in 2017 for claiming ...": the speaker is the clause's subject, the name
            # before its verb, or no one the sentence names
            lead = re.match(r"(?:[A-Z][\w'’.&-]*\s+){0,4}[A-Z][\w'’.&-]*(?=\s+(?-i:[a-z]+(?:ed|s))\b)", text[span[0]:span[1]])
            span = (span[0], span[0] + lead.end()) if lead else None
        if span is None:
            pron = re.search(r"\b(he|she|they|we|it|I)\s*(?:\w+ly\s+)?$", before, re.IGNORECASE)
            if pron:  # "She stated:": whoever was named last
                att = self._who(pron.group(1), sent.start + pron.start(1), vs, ve, verb, last_person, last_group, sent)
                att.source_span = None
                return att
            return Attribution(vs, ve, verb, last_person, not last_person, None)
        return self._from_subject(sent, span, vs, ve, verb, last_person, last_group)

    def _stance(self, sent: Sentence, vs: int, ve: int, verb: Verb, last_person: str,
                last_group: str) -> Attribution | None:
        """'The Press Council is concerned the laws would ...', 'Officials are worried about ...': a stance
        reported for someone (a person, a body, people), not for a thing ("The bridge is certain ...")."""
        sentence = self.text[sent.start:sent.end].rstrip()
        if sentence.endswith("?"):
            return None
        span = self._subject(sent, vs, ve)
        if span is None:
            pron = re.search(r"\b(he|she|they)\s*$", self.masked[sent.start:vs], re.IGNORECASE)
            if not pron:
                return None
            att = self._who(pron.group(1), sent.start + pron.start(1), vs, ve, verb, last_person, last_group, sent)
            att.source_span = None
            return att
        np = self.text[span[0]:span[1]]
        if not (self._subject_names_someone(sent, vs, ve) or CAPRUN_RE.fullmatch(np.strip())
                or re.fullmatch(r"(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){0,4}[A-Z][\w'’.-]*", np.strip())):
            return None
        return self._from_subject(sent, span, vs, ve, verb, last_person, last_group)

    def _from_subject(self, sent: Sentence, span: tuple[int, int], vs: int, ve: int, verb: Verb,
                      last_person: str, last_group: str) -> Attribution:
        """The attribution whose speaker is the noun phrase at ``span`` (with its description)."""
        text = self.text
        s0, e0 = span
        np = text[s0:e0]
        head = re.split(r",\s|\s(?:who|which|whose)\s|\s-\s", np, maxsplit=1)[0]
        description = np[len(head):].strip(" ,-") if len(head) < len(np) else ""
        att = self._who(head, s0, vs, ve, verb, last_person, last_group, sent)
        if not _PRONOUN_NP.fullmatch(np):
            att.source_span = (s0, e0)  # who speaks, with the description that introduces them
        if description and not att.description and _looks_like_description(description):
            att.description = description
            self._register(att.source, description)
        if CAPRUN_RE.fullmatch(description or "-") and head.split()[-1][:1].islower():
            # "Carlineo's attorney, Sonya Zoghlin, said": the name is in the appositive, the head describes
            att.source, att.unnamed = self._resolve_name(description), False
            att.description = head.strip()
        return att

    def _it_is_one_of(self, sent: Sentence, verb: Verb) -> bool:
        """'The study was presented in Houston. It found that ...': "it" stands for a subject the verb takes
        (a study, a report) named in the sentence before or earlier in this one."""
        ln = self.line_of(sent.start)
        earlier = [s for s in (ln.sentences if ln else []) if s.end <= sent.start][-1:]
        if not earlier and ln is not None and ln.index > 0:
            prev_line = self.lines[ln.index - 1]
            earlier = prev_line.sentences[-1:]
        words = re.findall(r"[a-z]+", " ".join(self.masked[s.start:s.end] for s in earlier).lower())
        return any(_among(w, verb.subjects) for w in words)

    def _passive(self, vs: int, ve: int, verb: Verb, after: str) -> Attribution:
        """A passive reporting verb: its agent after "by" speaks ("is accused by critics of ..."), else no one
        named (the subject is who the words are about, not who said them)."""
        agent = re.match(_AGENT, after)
        words = agent.group(1).rstrip(".").split() if agent else []
        if agent and len(words) > 1 and words[0].lower() in {"the", "a", "an", "some", "many"}:
            words = words[1:]
        if agent and words and (names_people(words[-1].lower().strip(".,")) or words[0][:1].isupper()):
            name = agent.group(1)
            if name.endswith(".") and not re.search(r"\b(?:[A-Z]|Jr|Sr|Inc|Co|Ltd)\.$", name):
                name = name[:-1]  # the sentence's full stop, not an initial's
            s0 = ve + agent.start(1)
            return Attribution(vs, ve, verb, name, True, (s0, s0 + len(name)), passive=True)
        return Attribution(vs, ve, verb, "", True, None, passive=True)

    def _subject_names_someone(self, sent: Sentence, vs: int, ve: int) -> bool:
        """The subject before the verb has a head that names people or a body ("Backers of tariffs",
        "Most mainstream economists"), not a thing ("the price of oil")."""
        span = self._subject(sent, vs, ve)
        if span is None or span[0] >= vs:
            return False
        head = [w.lower().strip(",.'’") for w in _head_words(self.text[span[0]:span[1]])]
        # the head noun is last ("Most mainstream economists"), or first before a modifier placed after it
        # ("Officials familiar with the plan")
        return any(w not in STOP_CAPS and w not in _NOT_NOUNS and names_people(w) for w in head[-1:] + head[:1])

    def _check_source(self, att: Attribution, sent: Sentence) -> None:
        """Keep a source span only where it names a person or an organisation (source_span.py), trimmed;
        a name read from refused words is dropped, one read from trimmed words is read again."""
        if att.source and " " not in att.source and names_people(att.source.lower()):
            att.unnamed = True  # "Critics said": a capital at the start of a sentence, not a name
        if att.source_span is None:
            return
        s0, e0 = att.source_span
        att.phrase = " ".join(self.text[s0:e0].split())
        phrase = self.text[s0:e0]
        kept = person_or_org(self.text, s0, e0, sentence_start=sent.start)
        if kept is None:
            att.source_span = None
            att.phrase = ""
            if att.source and att.source in phrase:
                att.source, att.unnamed, att.description = "", True, ""
            return
        att.source_span = kept
        trimmed = self.text[kept[0]:kept[1]]
        att.phrase = " ".join(trimmed.split())
        if att.source and not att.unnamed and att.source not in trimmed and att.source in phrase:
            nm = self._name_from(trimmed, kept[0])
            resolved = self._resolve_name(nm[0]) if nm else ""
            # not back to the refused words ("Sondland" must not resolve to "Unpredictable Sondland")
            att.source = resolved if resolved and resolved not in phrase else (nm[0] if nm else "")
            att.unnamed = not att.source

    def _subject(self, sent: Sentence, vs: int, ve: int) -> tuple[int, int] | None:
        """The span of who speaks for the reporting verb at vs..ve: the noun phrase (with its
        description) before the verb, or after it when the verb is inverted ('", said Bruce Bagley, a
        professor ...'); None for a pronoun or when no noun phrase can be read."""
        masked = self.masked
        before = masked[sent.start:vs]
        after = masked[ve:sent.end]
        stripped = before.rstrip()
        if not stripped.strip(" ,¤\"'“‘(") or re.search(r"¤\s*,?$", stripped) and _TRAILING.match(after) is None:
            # inverted: the speaker follows the verb
            m = _AFTER_NP.match(after)
            if not m:
                return None
            s0, e0 = ve + m.start(1), ve + m.end(1)
            rest = masked[e0:sent.end]
            d = re.match(r",\s+((?:an?|the|[a-z]+)\b[^¤;:]*?)[.!?]?\s*$", rest)
            if d and d.group(1).split()[0].lower() not in _NOT_DESCRIPTION and len(d.group(1).split()) <= 25:
                e0 = e0 + d.end(1)
            return self._trim(s0, e0)
        hearer_follows = self.text[vs:ve].lower() in {"told", "tells", "tell", "telling"}
        if stripped.endswith(",") and re.match(r"\s*[A-Z][^¤;:]*$", after) and not hearer_follows:
            # (not after "told": "..., a member of the group, told NBC News" names who heard it)
            # "..., says John Petrides, portfolio manager at X.": inverted after a clause of the outlet's
            m = _AFTER_NP.match(after)
            if m and (CAPRUN_RE.fullmatch(m.group(1).strip()) or not _has_verb(_words(m.group(1)))):
                s0, e0 = ve + m.start(1), ve + m.end(1)
                d = re.match(r",\s+((?:an?|the|[a-z]+)\b[^¤;:]*?)[.!?]?\s*$", masked[e0:sent.end])
                if d and d.group(1).split()[0].lower() not in _NOT_DESCRIPTION and len(d.group(1).split()) <= 25:
                    e0 = e0 + d.end(1)
                return self._trim(s0, e0)
        if re.match(r"\s*,", after) and "," in stripped:
            # "A major part of the reason ..., McKinley said, is the flow ...": a tag inside the sentence
            return self._trim(sent.start + stripped.rfind(",") + 1, vs)
        if _TRAILING.match(after):
            # "..., prosecutors said." / "... skull," the prosecutor's office said.": the tag's own subject
            cut = max(before.rfind(c) for c in (",", "¤", ";", ":", "—"))
            span = self._trim(sent.start + cut + 1, vs)
            if span is None and cut >= 0 and before[cut] == "," and not before[cut + 1:].strip():
                # "Kurt Volker, former special envoy to Kyiv, and Tim Morrison, another top NSC aide, testified":
                # names each with a description set off by commas, the last comma right before the verb
                start = max(before.rfind(c) for c in ("¤", ";", ":")) + 1
                starts = [start] + [start + m.end() for m in re.finditer(r",\s+", before[start:cut])]
                for at in starts:  # after an opening phrase ("Later in the day, ...") too
                    if _APPOSED_NAMES.fullmatch(before[at:cut].strip()):
                        span = self._trim(sent.start + at, sent.start + cut)
                        break
            if span is None and "¤" in before[:cut]:
                # '"...," study lead author Lucas Paganini, a planetary scientist at X, said in a statement':
                # the speaker with the description set off by commas, all after the quotation
                span = self._trim(sent.start + before.rfind("¤") + 1, vs)
            return span
        cut = max(before.rfind(c) for c in ("¤", ";", ":"))
        s0 = sent.start + cut + 1
        clause = masked[s0:vs]
        # "..., while the Arab League condemned": the last coordinated clause
        for m in _CONJ.finditer(clause):
            s0 = sent.start + cut + 1 + m.end()
        clause = masked[s0:vs]
        # an introductory phrase: "However, ...", "In the morning, ...", "During the later hearing, ..."
        m = _INTRO.match(clause)
        if m:
            s0 += m.end()
        return self._trim(s0, vs)

    def _trim(self, s0: int, e0: int) -> tuple[int, int] | None:
        """The span without edge spaces, commas, auxiliaries and adverbs before the verb, and
        parenthetical discourse words (", however,"); None if nothing or a pronoun is left."""
        text = self.masked
        while True:
            seg = text[s0:e0]
            new = re.sub(r"(?:\s+(?:last|this|next|earlier this|later this)\s+(?:week|month|year|weekend|\w+day)|\s+on\s+\w+day|"
                         r"\s+(?:yesterday|today|earlier|later|previously|again)|,\s*(?:however|meanwhile|in turn|for (?:his|her|its|their) part|too|though|also)\s*,?\s*|\s+(?:(?-i:(?!(?:" + "|".join(sorted(_LY_NOUNS)) + r")\b)[a-z][\w'’]*ly)|"
                         + "|".join(sorted(_BETWEEN | {"did", "does", "do", "now"})) + r"))\s*$", "", seg, flags=re.IGNORECASE)
            new = _TIME_BEFORE_VERB.sub("", new).rstrip(" ,")
            if new == seg:
                break
            e0 = s0 + len(new)
        while s0 < e0 and text[s0] in " ,\"'“‘(":
            s0 += 1
        lead = re.match(r"(?:as|which|whom)\s+(?=[a-z])", text[s0:e0])
        if lead:
            s0 += lead.end()  # ", as one chief executive told me,": who speaks, without the "as" of the tag
        seg = text[s0:e0]
        if not seg or "¤" in seg or len(seg.split()) > 28 or _PRONOUN_NP.fullmatch(seg):
            return None
        if not re.match(r"[A-Z0-9]|(?:an?|the|one|two|three|some|many|several|both|other|senior|local|their|his|her|its)\b", seg) \
                and not ((len(seg.split()) <= 6 or any(w[:1].isupper() for w in seg.split()[1:6]))
                         and any(names_people(w.lower().strip(",.")) for w in seg.split()[:4])):
            # (a long one when a name follows soon: "study lead author Lucas Paganini, a planetary scientist ...")
            return None  # ("federal prosecutors", "health officials" are someone)
        return (s0, e0)

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
        # "the governor said": the person described so earlier (only for a short noun phrase)
        role_person = self._by_role(np) if len(words) <= 3 and low[0] == "the" else ""
        if role_person:
            return Attribution(vs, ve, verb, role_person, False, None, description=np, via=via)
        unnamed = True  # described, not named: "officials", "the prosecutor's office"
        span = (np_start, np_start + len(np)) if np and len(words) <= 8 else None
        return Attribution(vs, ve, verb, np if len(words) <= 8 else "", unnamed, span, via=via)

    def source_near(self, start: int, end: int) -> tuple[Attribution | None, str]:
        """The attribution nearest to a span: in its sentence, else in its line. ('', 'none') if none."""
        turn = self.turn_at(start)
        if turn is not None:
            # a speaker's words in a transcript: the label that opens their turn says who
            label = next((a for a in self.attributions if a.source_span and a.source_span[0] < turn.label[1]
                          and turn.label[0] < a.source_span[1]), None)
            if label is not None:
                return label, "turn"
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


def names_in(name: str, words: str) -> bool:
    """The name, or its last word (a surname), stands in the words as a whole word."""
    parts = [p for p in name.split() if p.lower().strip(",") not in NAME_SUFFIXES]
    keys = {name} | ({parts[-1]} if parts else set())
    return any(re.search(rf"(?<![\w-]){re.escape(k)}(?![\w-])", words) for k in keys if k)


# Said of a speaker the sentence does not name ("he said", "the governor said" resolved from earlier):
# the note never names someone its own sentence does not hold; the teacher checks who it is.
# a headline that credits its words after a colon: "Impeachment sham completely debunked: White House"
_HEADLINE_CREDIT = re.compile(r"(?P<said>[^:¤\"“”]{12,}?)\s*:\s+(?P<who>(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*)\s*$")


def headline_credits(art: "Article") -> list[tuple[tuple[int, int], tuple[int, int]]]:
    """(words, speaker) spans of headlines written "statement: Speaker" (the speaker a name of one to four
    words that speaks in the body too): the outlet reports the speaker's words without quotation marks
    (not "Five things to know: Election Day")."""
    out = []
    speakers = " | ".join(art.text[a.source_span[0]:a.source_span[1]] for a in art.attributions if a.source_span)
    speakers += " | " + " | ".join(a.source for a in art.attributions if a.source)
    for ln in art.lines:
        if not ln.headline:
            continue
        m = _HEADLINE_CREDIT.fullmatch(art.masked[ln.start:ln.end])
        if m and len(m.group("said").split()) >= 3 and m.group("who").split()[0].lower() not in STOP_CAPS \
                and re.search(rf"(?<![\w-]){re.escape(m.group('who'))}(?![\w-])", speakers):
            out.append(((ln.start + m.start("said"), ln.start + m.end("said")),
                        (ln.start + m.start("who"), ln.start + m.end("who"))))
    return out


UNNAMED_HERE = "a speaker this sentence does not name (check who, earlier in the article)"


def _among(word: str, words: frozenset) -> bool:
    """The word or its singular is one of the words ("studies" for "study", "reports" for "report")."""
    return bool({word, word[:-1], word[:-3] + "y" if word.endswith("ies") else word} & words)


def _describe_source(att: Attribution | None, within: str | None = None) -> str:
    """Who an attribution credits, as a note says it. With ``within`` (the annotation's sentence), a name
    that those words do not hold is not given: pronouns and roles are resolved by guesswork."""
    if att is None:
        return ""
    if att.source and not att.unnamed:
        if within is not None and not names_in(att.source, within):
            if att.phrase and att.phrase in within:
                return f'the speaker this sentence calls "{att.phrase}" (named earlier in the article: check who)'
            return UNNAMED_HERE
        return att.source
    if att.source:
        if within is not None and att.source not in within:
            return UNNAMED_HERE
        return f'a source described only as "{att.source}"'
    return "an unnamed source"


def _speaker_of(art: Article, q: tuple[int, int, int, int]) -> str:
    turn = art.turn_at(q[0])
    if turn is not None:
        return turn.speaker  # a transcript's speaker, named by the label that opens the turn
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
        return _describe_source(best[1], art.sentences_text(q[0], q[1]))
    return ""
