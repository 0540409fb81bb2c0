"""Whether a span read as "who speaks" is a person or an organisation, and its proper edges.

The attribution reader takes the words before a reporting verb as its subject. On real pages those
words are sometimes not a speaker at all: a dateline ("LONDON (AP) — Britain's Conservative Party"), a
sentence adverb ("Afterward"), a possessive of a date ("Trump's July"), a clause ending in a pronoun
("Audience members laughed when he"), or a name with a sentence-initial adjective ("Unpredictable
Sondland"). ``person_or_org`` trims what can be trimmed and refuses the rest, from the shape of the
words (closed word classes, morphology, capitals), not from a list of the pages' names.
"""

from __future__ import annotations

import re

from .lexicon import DATELINE_RE, ORG_WORDS, SOURCE_NOUNS, TITLES

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_TEMPORAL = set(_MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "week", "weekend", "month",
    "year", "day", "night", "morning", "afternoon", "evening", "today", "yesterday", "tomorrow", "decade",
}
_WHEN = re.compile(r",?\s+(?:in|on|during|last|this|earlier|late|early)\s+(?:\S+\s+){0,2}?(?:"
                   + "|".join(sorted(_TEMPORAL)) + r")\b.*$", re.IGNORECASE)
# words that open a sentence without being anyone: sentence adverbs and connectives (a closed class)
_CONNECTIVES = {
    "afterward", "afterwards", "meanwhile", "later", "earlier", "then", "now", "today", "yesterday", "still",
    "instead", "however", "also", "again", "finally", "eventually", "separately", "previously", "recently",
    "subsequently", "initially", "ultimately", "overall", "similarly", "likewise", "additionally",
    "furthermore", "moreover", "nevertheless", "nonetheless", "otherwise", "therefore", "thus", "hence",
    "indeed", "yet", "so", "but", "and", "or", "there", "here", "once", "soon", "next", "first", "second",
    "last", "lastly", "instead", "rather", "perhaps", "maybe", "thereafter", "elsewhere",
}
_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them", "it's", "it’s", "that's",
             "that’s", "there's", "there’s", "this", "these", "those"}
# a finite clause inside the span: the reader ran past the subject's edge
_CLAUSE = re.compile(r"(?<![\w-])(?:when|than|because|whether|if|until|unless|became|becomes|is|was|were|are|"
                     r"laughed|has been|had been)(?![\w-])", re.IGNORECASE)
# auxiliaries and modals in lower case ("will double"; "Will Moy" is a name)
_MODALS = re.compile(r"(?<![\w-])(?:will|would|can|could|should|may|might|must|has|have|had|did|does)(?![\w-])")
# evaluative or manner words that open a sentence before a name: "Unpredictable Sondland", "Embattled X"
_MODIFIER = re.compile(r"^[A-Z][a-z]+(?:able|ible|ous|ful|less|ive|ing|ed|ly|ant|ent)$")
# nouns of people and bodies by their endings: lawyer, investigator, analyst, historian, resident, trustee
_AGENT = re.compile(r"^[a-z][a-z-]*(?:er|or|ist|ian|ant|ent|ee|man|woman|person|ive|aide|staff|team|body)s?$")
_MORE_SOURCE_NOUNS = {"aides", "aide", "executives", "executive", "lawmakers", "legislators", "members", "leaders",
                      "voters", "documents", "document", "data", "figures", "records", "filing", "filings",
                      "letter", "memo", "complaint", "lawsuit", "indictment", "ruling", "website", "newspaper",
                      "spokesperson", "families", "family", "officers", "agents", "staff", "powers", "states",
                      "countries", "nations", "allies", "partners", "campaigners", "supporters", "opponents",
                      # who writes a paper or a letter together ("Paganini and his team wrote")
                      "team", "colleagues", "authors", "coauthors", "co-authors", "group", "panel", "physicians",
                      "astronomers", "astrobiologists"}


def _head_words(phrase: str) -> list[str]:
    """The words of the noun phrase before its first preposition or comma: 'a lawyer' of 'a lawyer for X'."""
    head = re.split(r",|\s(?:for|of|at|with|from|in|on|to|who|which|whose)\s|\s[-—–]\s", phrase, maxsplit=1)[0]
    return head.split()


def _is_name_word(word: str) -> bool:
    w = word.strip(",.'’")
    return bool(w) and (w[:1].isupper() or w[:1].isdigit()) and w.lower() not in _CONNECTIVES


def person_or_org(text: str, start: int, end: int, *, sentence_start: int | None = None) -> tuple[int, int] | None:
    """The span trimmed to who speaks, or None when the words name no person or organisation."""
    phrase = text[start:end]
    m = DATELINE_RE.match(phrase)
    if m and m.end() < len(phrase):
        start += m.end()
        phrase = text[start:end]
    when = _WHEN.search(phrase)
    if when and when.start() > 0:
        end = start + when.start()  # "Clark in October": the speaker, without when they spoke
        phrase = text[start:end]
    words = phrase.split()
    if not words:
        return None
    aside = re.match(r"(?P<np>[^,]{3,80}?),\s+(?-i:[a-z]+(?:ed|ing))\b[^,]{0,200},?\s*$", phrase)
    if aside and not _CLAUSE.search(aside.group("np")):
        # "A group of physicians, alarmed that the government is denying vaccines, (is urging)": the speaker
        # before a participle's aside set off by commas
        return person_or_org(text, start, start + aside.end("np"), sentence_start=sentence_start)
    if "," in phrase:
        # "Fares on the only ferry will double from April, the operator": a clause, then the speaker
        head_part, _, tail = phrase.rpartition(",")
        if (_CLAUSE.search(head_part) or _MODALS.search(head_part)) and tail.strip():
            skip = len(head_part) + 1 + len(tail) - len(tail.lstrip())
            return person_or_org(text, start + skip, end, sentence_start=start + skip)
    that = re.search(r"(?<![\w-])that\s+(?:the\s+)?([\w'’-]+)(?:\s+[\w'’-]+){0,3}?\s*$", phrase)
    last = phrase.split()[-1].lower().strip(",.") if phrase.split() else ""
    if that and (that.group(1)[:1].isupper() or names_people(that.group(1).lower()) or names_people(last)):
        # "a move that residents": the speaker is who follows "that" (not "Organizations that seek to ...")
        skip = that.start() + len("that")
        skip += len(phrase[skip:]) - len(phrase[skip:].lstrip())
        return person_or_org(text, start + skip, end, sentence_start=start + skip)
    # a relative clause describing the speaker ("Mr X, who is the mayor") may hold a verb: not searched
    relative = re.search(r",?\s+(?:[-—–]\s+)?(?:who|which|whose)\s", phrase)
    # ... and so may an appositive after a name ("Seqret Watson, among the drivers sent sliding when their cars hit")
    appositive = re.match(r"(?:[A-Z][\w'’.-]*\s+){0,3}[A-Z][\w'’.-]*(?<![.,]),\s", phrase)
    cut = min(x for x in (relative.start() if relative else len(phrase), appositive.end() if appositive else len(phrase)))
    clauses = list(_CLAUSE.finditer(phrase[:cut]))
    if clauses:
        # "It's more complicated than McKinley": the speaker is the subject after the last clause word
        rest = re.match(r"\s*(?:what\s+|,\s*)?", phrase[clauses[-1].end():])
        return person_or_org(text, start + clauses[-1].end() + rest.end(), end, sentence_start=start + len(phrase))
    issued = re.match(r"(.+?)\s+(?:[a-z]+ed|sent|wrote|gave|put out)\s+(?:a|an|the|their|its|his|her)\s+(?:[\w-]+\s+)?"
                      r"(?:letter|statement|report|petition|memo|complaint|motion|resolution|post|message|study|"
                      r"survey|document|paper|filing|lawsuit|open letter)\s*$", phrase)
    if issued:
        # "300 residents signed a letter (asking for ...)", "the agency issued a statement (warning that ...)": who
        # issued the document speaks through it
        return person_or_org(text, start, start + issued.end(1), sentence_start=sentence_start)
    agent = re.search(r"(?:^\s*|(?<![\w-])(?:is|are|was|were|been|being)\s+)[a-z]+(?:ed|en)\s+by\s+(?=\S)", phrase)
    if agent:
        # "A photo of the meeting was denied by Andrew, hinting ...": a finite passive's agent is who speaks
        # (not a participle's: "the letter signed by seven physicians" is the source as a whole)
        return person_or_org(text, start + agent.end(), end, sentence_start=start + agent.end())
    finite = re.search(r"\s+(?:has|have|had)\s+(?:[a-z]+ly\s+)?[a-z]+(?:ed|en|wn)\b", phrase)
    if finite and finite.start() > 0:
        # "Health care providers have protested ..., warning that": a participle's speaker is the subject
        # of the clause before it, up to its verb
        return person_or_org(text, start, start + finite.start(), sentence_start=sentence_start)
    low = [w.lower().strip(",.;:") for w in words]
    if any(w in _PRONOUNS for w in low):
        return None  # "Rebranded to resemble ..., it", "Audience members laughed when he"
    if low[-1] in _TEMPORAL or re.search(r"['’]s\s+\S+$", phrase) and low[-1] in _TEMPORAL | {"call", "remarks"}:
        return None  # "Trump's July": a date, not a speaker
    if len(words) == 1 and low[0] in _CONNECTIVES:
        return None  # "Afterward"
    if low[0] in _CONNECTIVES:  # "Afterward, Sondland": the speaker after the sentence adverb
        lead = re.match(r"\s*\S+?,?\s+", phrase)
        return person_or_org(text, start + lead.end(), end, sentence_start=sentence_start)
    at_sentence_start = sentence_start is None or not text[sentence_start:start].strip(" \"'“‘(")
    if (len(words) >= 2 and at_sentence_start and _MODIFIER.match(words[0]) and low[0] not in TITLES
            and words[1][:1].isupper() and not {low[1], low[-1]} & (ORG_WORDS | SOURCE_NOUNS | _MORE_SOURCE_NOUNS)):
        start += len(phrase) - len(phrase.lstrip()) + len(words[0])
        while text[start].isspace():
            start += 1
        phrase = text[start:end]
        words, low = words[1:], low[1:]
    head = _head_words(phrase)
    head_low = [w.lower().strip(",.'’") for w in head]
    if any(_is_name_word(w) for w in head):
        return start, end
    if any(w in SOURCE_NOUNS or w in _MORE_SOURCE_NOUNS or _AGENT.match(w) for w in head_low):
        return start, end
    return None


def names_people(word: str) -> bool:
    """A lowercase noun of people or of a body, by its ending or as a known source noun, singular or
    plural: 'executives', 'companies', 'prosecutors'."""
    singular = {word, word[:-3] + "y" if word.endswith("ies") else word, word[:-1] if word.endswith("s") else word}
    known = SOURCE_NOUNS | _MORE_SOURCE_NOUNS | ORG_WORDS
    return bool(singular & known) or bool(_AGENT.match(word))
