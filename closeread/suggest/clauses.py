"""A sentence's independent clauses: where one sentence makes two checkable statements.

An explainer joins statements into long sentences ("Tariffs were raised to 25% in May, and the list of goods
grew in September"; "Some are banks; others are apps"; "While the U.S. bears the brunt, China stands to
suffer"). A teacher asks about each statement, so a claim is proposed for each clause that has a subject
and a verb of its own. Only the boundaries grammar gives are used: a semicolon, a colon or a dash between
two clauses, a comma before a coordinating conjunction, and a contrastive subordinate clause that opens the
sentence. A clause without its own subject ("..., and then announced a deal") is not split off.
"""

from __future__ import annotations

import re

from .lexicon import AUX_VERBS
from .lexicon import _has_verb, _words

# words that can open a clause's subject
_SUBJECT_START = {
    "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our", "your", "my", "some",
    "many", "most", "much", "no", "each", "every", "all", "both", "few", "several", "more", "less", "other",
    "others", "another", "any", "it", "he", "she", "they", "we", "you", "i", "there", "one", "none", "such",
}
# true auxiliaries (AUX_VERBS also holds common verbs): what soon follows a noun-phrase subject
_AUX = {"is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would", "can", "could", "may",
        "might", "must", "should", "do", "does", "did", "won't", "won’t", "can't", "can’t", "isn't", "isn’t",
        "aren't", "aren’t", "wasn't", "wasn’t", "don't", "don’t", "doesn't", "doesn’t"}
# between two clauses: ; : a dash, or a comma and a coordinating conjunction
_BOUNDARY = re.compile(r"\s*;\s+|:\s+(?=[A-Z])|\s*[—–]\s*|\s+-\s+|,\s+(?:and|but|while|whereas|yet)\s+"
                       r"|\s+and\s+(?=(?:[A-Z][\w.'’-]*\s+){1,4}(?-i:[a-z]+ed)\b)")
# a concessive clause that opens the sentence: "Although the port handles more ships, its revenue fell" (not
# "While", as often of time as of contrast, nor a concession that only qualifies: "While there are estimates, they are speculative")
_OPENING = re.compile(r"(?:Whereas|Although|Though)\s+(?P<sub>[^,]{8,200}?),\s+(?=\S)")


# words that open a phrase or a subordinate clause, not a subject ("By taking a cut", "on the same day")
_NOT_SUBJECT = {
    "by", "on", "in", "at", "after", "before", "for", "with", "from", "to", "of", "when", "as", "because",
    "since", "if", "until", "unless", "which", "who", "whom", "whose", "where", "considering", "given",
    "including", "despite", "though", "although", "while", "whereas", "then", "than", "so", "and", "or", "but",
    "not", "also", "only", "even", "just", "like",
}
_AFTER_VERB = {"to", "the", "a", "an", "that", "in", "on", "at", "for", "with", "from", "by", "up", "out", "down",
               "more", "less", "its", "their", "his", "her", "no", "some", "all", "about", "into", "over"}


def _finite(words: list[str]) -> bool:
    """A finite verb among the words: an auxiliary or a common verb, a past form, or an -s form that an
    object or a preposition follows ("stands to suffer"; not "Cool features, fewer fees")."""
    if not _has_verb(words):
        return False
    for i, w in enumerate(words):
        lw = w.lower()
        if lw in AUX_VERBS or lw.endswith(("n't", "n’t")):  # _AUX is within these two
            return True
        if i > 0 and len(lw) > 3 and lw.endswith("ed"):
            return True
        if i > 0 and len(lw) > 3 and lw.endswith("s") and i + 1 < len(words) and (
                words[i + 1].lower() in _AFTER_VERB or words[i + 1][:1].isdigit()):
            return True
    return False


def _is_clause(text: str) -> bool:
    words = _words(text)
    return len(words) >= 4 and _finite(words)


def _has_subject(text: str) -> bool:
    """The words open with a subject: a determiner or pronoun, a name or a number, or a noun phrase that an
    auxiliary or a past form soon follows ("tariffs on raw materials can ...", "wages in the region fell")."""
    words = _words(text)
    if not words:
        return False
    first = re.split(r"['’]", words[0].lower())[0]
    if first in _NOT_SUBJECT:
        return False
    if first in _SUBJECT_START or words[0][:1].isupper() or words[0][:1].isdigit():
        return True
    head = _words(re.split(r"[,;:]", text, maxsplit=1)[0])
    return any(w.lower() in _AUX or len(w) > 4 and w.lower().endswith("ed") for w in head[1:7])


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    while s < e and text[s] in " ,;:-—–\"'“‘(":
        s += 1
    while e > s and text[e - 1] in " ,;:.!?-—–)":
        e -= 1
    return s, e


# any subordinate clause that opens the sentence, taken apart only where the main clause is the writer's own
# aside ("As their savings ran out, I guess it was only a matter of time ...")
_ANY_OPENING = re.compile(r"(?:While|Whereas|Although|Though|As|Because|Since|When|After|Before)\s+"
                          r"(?P<sub>[^,]{8,200}?),\s+(?=\S)")


def clauses(text: str, masked: str, start: int, end: int, *, any_opening: bool = False) -> list[tuple[int, int]]:
    """The spans of the independent clauses of text[start:end] (the span itself when it has only one).
    ``masked`` is the text with quotations blanked: no boundary is taken inside a quotation. With
    ``any_opening``, an opening subordinate clause of time or cause is taken apart too."""
    out: list[tuple[int, int]] = []
    opening = (_ANY_OPENING if any_opening else _OPENING).match(masked, start, end)
    if opening and _is_clause(masked[opening.start("sub"):opening.end("sub")]) \
            and _is_clause(masked[opening.end():end]) and _has_subject(masked[opening.end():end]):
        return [_trim(text, opening.start("sub"), opening.end("sub"))] + clauses(text, masked, opening.end(), end)
    s = start
    dashes = [m.start() for m in re.finditer(r"[—–]|\s-\s", masked[start:end])]
    paired = set(dashes) if len(dashes) >= 2 else set()  # "apps—the neo-banks—were": an aside between two
    aside = (start + min(paired), start + max(paired)) if paired else None
    for m in _BOUNDARY.finditer(masked, start, end):
        if aside and m.start() <= aside[1] and m.end() > aside[0]:
            continue  # at or inside an aside set off by dashes
        left, right = masked[s:m.start()], masked[m.end():end]
        if _is_clause(left) and _is_clause(right) and _has_subject(right):
            out.append(_trim(text, s, m.start()))
            s = m.end()
    out.append(_trim(text, s, end))
    return [(a, b) for a, b in out if b > a]
