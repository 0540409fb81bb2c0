"""Speculation: epistemic hedges in the outlet's own voice (allegedly, likely, could of possibility).

The hedges are classes of epistemic modality in ``speculation.yaml`` (adverbs of likelihood and hearsay,
adjectives of likelihood after an impersonal frame, verbs of appearance and expectation, passives of
belief, the writer's own "I guess", nouns of possibility, modal verbs). This module adds their scope: a
hedge inside a quotation is the speaker's, one in a question or an indirect question ("how it might
play out") asks rather than guesses, and "could" of ability or procedure ("could not see", "could be
filed") is no guess.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import _data, _title_case
from .reading import Article, Suggestion


@dataclass(frozen=True)
class Hedges:
    pattern: re.Pattern      # every hedge of the lists
    could_ability: re.Pattern  # what follows "could" when it is ability or procedure


def _phrase(p: str) -> str:
    """A phrase of the data file as a regular expression: any white space, either apostrophe."""
    return re.escape(p).replace(r"\ ", r"\s+").replace("'", "['’]")


def _alts(items) -> str:
    return "|".join(_phrase(str(x)) for x in sorted(items, key=lambda x: (-len(str(x)), str(x))))


# "stands to suffer", "is thought to harbor": the "to" of a verb, not a preposition ("stands to the left")
_VERB_NEXT = r"(?=\s+(?!the\b|a\b|an\b|his\b|her\b|their\b|its\b|our\b|my\b|this\b|that\b|these\b|those\b)[a-z])"


@lru_cache(maxsize=None)
def hedges() -> Hedges:
    d = _data("speculation.yaml")
    parts = [
        # "it is possible to vote by mail" is what can be done (ability), "it is likely to rain" a guess
        rf"(?:{_alts(d['frames'])})\s+(?:(?:quite|very|entirely|highly|more\s+than|all\s+too)\s+)?"
        rf"(?:(?:un)?likely|(?:{_alts(d['likelihood'])})(?!\s+(?:to|for)\b))",
        rf"(?:is|are|was|were|be|been)\s+(?:(?:quite|very|entirely|also|still|always)\s+)?"
        rf"(?:{_alts(d['predicative'])})(?=\s*[.,;!]|\s*$)",
        "(?:" + _alts(d["appearance_clauses"]).replace("it\\s+", r"it\s+(?:(?:also|really|just|now|then|almost)\s+)?")
        + ")",
        rf"(?:{_alts(d['first_person'])})",
        rf"(?:is|are|was|were|be|been|being|it\s+is|it\s+was|it\s+has\s+been|it\s+had\s+been)\s+(?:widely\s+|generally\s+)?"
        rf"(?:{_alts(d['belief_passives'])})\s+to{_VERB_NEXT}",
        rf"it\s+(?:is|was|has\s+been|had\s+been)\s+(?:widely\s+|generally\s+)?(?:{_alts(d['impersonal_passives'])})",
        rf"(?:{_alts(d['appearance'])}){_VERB_NEXT}",
        *[str(p) for p in d["possibility"]],
        rf"(?:{_alts(d['attributive'])})(?=\s+(?!that\b|to\b|by\b|in\b|of\b)[a-z])",
        rf"(?:{_alts(d['adverbs'])})",
        rf"(?:may|might|could|must)\s+(?:well\s+)?have(?!\s+to\b)",
        rf"(?:{_alts(d['modals'])})(?:\s+well)?(?:\s+be\b)?(?=\s+[a-z])(?!\s+as\s+well\b)",  # (not "might as well")
    ]
    pattern = re.compile(r"(?<![\w'’-])(?:" + "|".join(f"(?:{p})" for p in parts) + r")(?![\w'’-])", re.IGNORECASE)
    could = re.compile(rf"\s+(?:not\b|n['’]t\b|also\b|only\b|no\s+longer\b|"
                       rf"(?:be|have\s+been)\s+(?:{_alts(d['could_ability_passive'])})\b|"
                       rf"(?:{_alts(d['could_ability'])})\b)", re.IGNORECASE)
    return Hedges(pattern, could)


# an indirect question or a condition before the hedge, inside its clause: "how the wave might play out",
# "whether it could", "if prices may": the writer asks or supposes, and guesses nothing
# (and a purpose, "so that they could vote": what the act makes possible, not a guess; a time, "before the
# testimony could resume": what was possible then)
_ASKING = re.compile(r"(?<![\w-])(?:how|whether|if|what|why|unless|so\s+that|in\s+order\s+that|before|until)(?![\w-])",
                     re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;:.!?()\"“”—–]|\s-{1,2}\s")


def _asks(before: str) -> bool:
    """The clause the hedge stands in (from the last punctuation before it) opens with a question word."""
    cut = max((m.end() for m in _CLAUSE_BREAK.finditer(before)), default=0)
    return bool(_ASKING.search(before[cut:]))


def _in_question(text: str, end: int, sent_end: int) -> bool:
    """The hedge's own clause ends with a question mark ("Could it happen?"), not one after a colon that
    introduces a question ("likely failed to answer the question: Which leader can voters trust?")."""
    rest = text[end:sent_end]
    stop = re.search(r"[.!?:]", rest)
    return bool(stop) and stop.group(0) == "?"


def find(art: Article) -> list[Suggestion]:
    h = hedges()
    out = []
    text = art.text
    for ln in art.lines:
        if ln.caption:
            continue
        body = text[ln.start:ln.end]
        for m in h.pattern.finditer(body):
            s, e = ln.start + m.start(), ln.start + m.end()
            if art.in_quote(s, e):
                continue
            marker = m.group(0)
            sent = art.sentence_of(s)
            if _in_question(text, e, sent.end if sent is not None else ln.end):
                continue  # a question asks, it does not guess
            if marker[:1].isupper() and re.fullmatch(r"May(?:\s+be)?", marker) and \
                    text[ln.start:s].strip() and not re.search(r"[.!?][\"”’]?\s*$", text[ln.start:s]) and not (
                    _title_case(body) and re.match(r"\s+[A-Z][a-z]+\b(?<!\bOf)", text[e:e + 30])
                    and not re.search(r"\b(?:in|for|since|by|until|from|of|during|through|last|next|this|early|late|"
                                      r"mid|before|after|on)\s+$", text[ln.start:s], re.IGNORECASE)):
                # "in May": the month (but "Peanut Snacks for Babies May Avoid Allergy": a title-case headline's
                # modal, after a noun and before a word, not after a preposition of time or before a year or "of")
                continue
            before = text[sent.start if sent is not None else ln.start:s]
            if _asks(before):
                continue
            modal = re.match(r"(?:may|might|could)\b", marker, re.IGNORECASE)
            if modal and modal.group(0).lower() == "could" and h.could_ability.match(body[m.start() + modal.end():]):
                continue
            if re.match(r"(?:may|might|could|must)\b", marker, re.IGNORECASE) and \
                    re.search(r"(?:^|\s)(?:you|we)\s+$", before, re.IGNORECASE):
                continue  # "you could get creative", "we may": advice or a plan, not an inference
            # the hedge itself is the span; the claim it hedges is a claim suggestion of its own
            note = (f'"{marker}" marks an inference rather than a fact: what evidence does the article give for it, '
                    f"and whose inference is it?")
            out.append(Suggestion(s, e, "speculation", note, {}))
    return out
