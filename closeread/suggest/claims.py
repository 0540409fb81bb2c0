"""Claims: checkable statements at clause level, reported (attributed) or asserted (the outlet's voice).

Each sentence of the article's text (not captions, furniture, questions or first-person asides) gives at
most one claim:

- a sentence with an attribution gives the clause that is attributed, without the attribution: "the
  victim was one of two people ..." from "Officials said Monday the victim was one of two people ...",
  or "the funds were delayed" from "The funds were delayed, officials said." It is ``reported``;
- a sentence without one gives itself, ``asserted``: the outlet states it in its own voice;
- words inside a direct quotation are the quote's, not a claim (the quote suggestion covers them).
"""

from __future__ import annotations

import dataclasses
import re

from .clauses import clauses
from .attributions import Attribution
from .lexicon import DATELINE_RE, PAGE_FURNITURE, UNNAMED_SOURCE_RES, _has_verb, _words
from .reading import Article, Sentence, Suggestion

# letter case matters for one word: "US" is the country, "us" and "Us" the writer
_FIRST_PERSON = re.compile(r"(?<![\w'’-])(?:I|I['’](?:m|ve|d|ll)|(?i:me|my|we|we['’](?:re|ve|d|ll)|our|let['’]s)|[Uu]s)"
                           r"(?![\w'’-])")
# the writer stating a fact in the first person: "We'll start by noting that ...", "We found that ..."
_WRITER_NOTES = re.compile(r"^\s*(?:[A-Z]\w*,?\s+)?(?:I|we|We)\b[^.;:¤]{0,40}?\b(?:note|noting|noted|found|find|"
                           r"know|learned|confirmed|determined)\s+that\s+")
# the article speaking of itself: "The following chart summarizes", "in this fact-check"
_META = re.compile(r"\b(?:(?:the following|this|the above|the below)\s+(?:chart|graph|table|map|graphic|video|"
                   r"fact-check|article|story|report|piece|list)|(?:chart|table|graphic) below)\b", re.IGNORECASE)
# what may stand between a reporting verb and the clause it reports: "said on Tuesday that", "told the BBC"
_LEAD_IN = re.compile(
    r"\s*(?:(?:in|on|at|during|via|through|to|after|before|late|early|last|this|earlier|later)\b[^,¤]{0,40}?(?=\s+that\b|,)|"
    r"(?:you|us|me|him|her|them)(?=\s+(?!that\b)[a-z])|(?:reporters|journalists|lawmakers|the [A-Z][\w ]{1,30}?|[A-Z][\w]+)(?=\s+that\b|\s*,))?\s*,?\s*(?:that\b)?\s*",
)
# a clause that is not a statement: "See tweets:", "Here's the data", an instruction
_NOT_STATEMENT = re.compile(r"^(?:see|click|read|watch|listen|here(?:'s|’s| is| are)|share|follow)\b", re.I)  # ("let's": the writer, below)
# an address to the reader (imperatives that ask them to imagine, consider, note), after a date line perhaps:
# "April 17, 2015 -- Imagine being sick ...", "Talk about embodying ...", "Just a heads up, ...", "Note: ..."
_TO_THE_READER = re.compile(r"^(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},\s+\d{4}\s*(?:--|[—–])\s*)?(?:imagine|picture|consider|"
                            r"remember|think about|talk about|let me|note:|just a heads up|heads up)\b", re.I)
# an object and its infinitive after a verb of warning or appeal ("warned people to stay away from ..."): a
# directive, no statement to check
_DIRECTIVE = re.compile(r"^(?:(?:the|a|an|his|her|their|its|all)\s+)?[\w'’-]+\s+(?:not\s+)?to\s+(?!be\b)[a-z]+")


# an own-voice sentence that states no fact: a comment on the sentence before ("Which is exactly the
# problem") or a guess about what may happen ("Clipper could end up ...", "There's a possibility that ...")
_NOT_CHECKABLE = re.compile(r"\s*(?:(?:And|But|So),?\s+)?(?:Which\b|there(?:'s|’s| is) a (?:\w+ )?(?:possibility|chance)\b|"
                            r"(?:[A-Z][\w'’-]*|the \w+|a \w+)(?:\s+[\w'’-]+){0,3}?\s+(?:could|might|may)\s+"
                            r"(?!not\b|have\b))", re.IGNORECASE)
# what ought to be: the writer's prescription beside their "I mean", no fact to check
_OUGHT = re.compile(r"(?<![\w-])(?:should|ought to|must)(?![\w-])", re.IGNORECASE)
# an attribution that closes a clause: ", according to a statement", ", officials said on Monday"
_TAIL = re.compile(r",\s*(?:according to\b.*|(?:as )?(?:reported|cited|quoted) by\b.*)$", re.IGNORECASE)
# verbs that put a label on their object ("called it a sham", "described the video as satire"): what
# follows is a description, not a statement that can be checked
_LABEL = re.compile(r"(?<![\w-])(?:called|calls|calling|described|describes|dubbed|branded|labell?ed|termed)\s+"
                    r"(?:it|him|her|them|this|that|the\s+[\w\s-]{1,40}?\s+as|the\s+\w+(?:\s+\w+)?\s+(?=[“\"a]))",
                    re.IGNORECASE)
# a headline that credits its words: "Michigan Officials: ...", "...: White House"
_HEADLINE_CREDIT = re.compile(r"^[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*:|:\s*[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}$")


def _clean(text: str, s: int, e: int) -> tuple[int, int]:
    """Without edge spaces, commas, dashes, end punctuation and a closing attribution."""
    tail = _TAIL.search(text[s:e])
    if tail:
        e = s + tail.start()
    while s < e and text[s] in " ,;:-—–\"'“‘":
        s += 1
    while e > s and text[e - 1] in " ,;:.!?-—–":
        e -= 1
    return s, e


def _quoted_share(art: Article, s: int, e: int) -> float:
    inside = sum(max(0, min(e, q[1]) - max(s, q[0])) for ln in art.lines for q in ln.quotes)
    return inside / max(1, e - s)


def _reported(art: Article, sent: Sentence, att: Attribution) -> tuple[int, int] | None:
    """The clause an attribution reports, or None when it reports only a quotation."""
    text, masked = art.text, art.masked
    if att.passive:
        att = dataclasses.replace(att, source_span=None)  # its agent follows the verb, but is no inverted tag
    after = masked[att.end:sent.end]
    before = masked[sent.start:att.start]
    lead = _LEAD_IN.match(after)
    follows = after[lead.end():] if lead else after
    after_verb = False
    if att.verb.verb == "according to" and before.rstrip().endswith(",") and before.strip(" ,") \
            and re.match(r"[^,¤;:]{0,80},\s+\S", masked[att.start:sent.end]):
        # "Trump, according to the White House, made a trip": the statement goes on after the aside
        close = masked.find(",", att.end, sent.end)
        s, e = close + 1, sent.end
        after_verb = True
    elif att.source_span and re.search(r"[,¤]\s*as\s*$", masked[sent.start:att.source_span[0]]):
        # "..., as one chief executive told me, and ...": a tag set inside the statement; the statement is
        # what comes before it (up to a closing quotation mark that holds the comma)
        tag = re.search(r"[,¤]\s*as\s*$", masked[sent.start:att.source_span[0]])
        s, e = sent.start, sent.start + tag.start() + (1 if masked[sent.start + tag.start()] == "¤" else 0)
    elif att.source_span and att.source_span[0] >= att.end:
        # inverted tag: '..., said Bagley, a professor': the clause is before it
        s, e = sent.start, before.rfind(",") + sent.start if "," in before else att.start
    elif re.match(r"\s*,", after) and att.source_span and text[sent.start:att.source_span[0]].rstrip().endswith(","):
        # "A major part of the reason ..., McKinley said, is the flow ...": the statement before the tag
        s, e = sent.start, att.source_span[0]
    elif re.match(r"\s*(?:(?:us|me|reporters|journalists|the\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*|[A-Z][\w.]*)\s*)?"
                  r"(?:(?:in|on|at|to|during|via|last|this|yesterday|today|Monday|Tuesday|Wednesday|Thursday|"
                  r"Friday|Saturday|Sunday)\b[^¤;:]{0,60}?)?[.!?]?\s*$", after) \
            or "," in before and re.match(r"(?:which|who|whose|where)\b", follows):
        # (", Paganini and his team wrote in the new paper, which was published ...": the relative clause is
        # about the paper; the statement is before the tag)
        # trailing tag: "The funds were delayed, officials said."
        cut = max(before.rfind(","), before.rfind("¤"))
        end = (att.source_span[0] if att.source_span else att.start)
        cut = min(cut, end - sent.start) if cut >= 0 else end - sent.start
        s, e = sent.start, sent.start + max(0, cut)
    else:
        s, e = att.end + (lead.end() if lead else 0), sent.end
        after_verb = True
    s, e = _clean(text, s, e)
    if after_verb and re.match(r"(?:by|before|after|according|to|from|in|on|at|during|soon|as|with|for|via)\b",
                               text[s:e], re.I) or not _has_verb(_words(text[s:e])) or text[s:e][:1] in "¤":
        return None  # what follows the verb is where or when it was said, or its object, not a clause
    if e - s < 12 or len(_words(text[s:e])) < 4 or _quoted_share(art, s, e) > 0.5:
        return None
    if "¤" in masked[s:e] and _quoted_share(art, s, e) > 0.3:
        return None
    return s, e


_ASSERTED = ("Stated in the outlet's own voice, with no source named: is this a fact the reader can check, "
             "or a claim that needs evidence?")


def _reports_a_thing(art: Article, sent: Sentence, att: Attribution) -> bool:
    """The verb takes a thing, not words ("confirmed a sixth death", "announced a deal"): the sentence
    states an event. Not when the verb only introduces a quotation or a label."""
    after = art.masked[att.end:sent.end]
    if att.passive:
        att = dataclasses.replace(att, source_span=None)
    if "¤" in art.masked[sent.start:sent.end] or att.verb.neutral:
        return False
    if att.verb.verb != "called for" and att.source_span is None:
        return False
    if att.verb.verb == "called for":
        # "A group of physicians, alarmed that X, is urging the department to act": an appeal is no
        # statement, but the sentence that reports it is (who urged what, and what else it says)
        return True
    return bool(re.match(r"\s*(?:an?|the|its|his|her|their|\d[\w,.]*|two|three|four|five|six|seven|eight|nine|ten)\s+"
                         r"(?:\w+\s+){1,}", after))


def atts_in(art: Article, sent: Sentence) -> bool:
    return any(sent.start <= a.start < sent.end for a in art.attributions)


# a sentence that opens with a subject of one to four words and a verb of saying ("Swimming greats say ...",
# "Residents in the valley said ..."), not an idiom ("needless to say", "it is safe to say", "as they say")
_SUBJECT_SAYS = re.compile(
    r"^(?!(?:it|this|that|what|as|so|we|i|you)\b)(?:(?!to\b|is\b|was\b|are\b|were\b|who\b|which\b|that\b)[\w'’-]+\s+){1,4}?"
    r"(?P<verb>say|says|said)\s+(?:that\s+)?(?=[\w“\"‘'])", re.IGNORECASE)


def find(art: Article, marked: list[tuple[int, int]]) -> list[Suggestion]:
    """One claim per sentence of the article's text, reported or asserted."""
    del marked  # every statement is a candidate now; kept for the caller's signature
    out = []
    text = art.text
    unnamed_spans = [m.span() for r in UNNAMED_SOURCE_RES for m in r.finditer(text)]
    for ln in art.lines:
        if ln.furniture or ln.caption:
            continue
        for sent in ln.sentences:
            body = text[sent.start:sent.end]
            if PAGE_FURNITURE.match(body):
                continue  # a contributor line or a credit at the end of a paragraph: the page's, not a claim
            dateline = DATELINE_RE.match(body)
            if dateline:  # "LONDON (AP) — ": where the story was filed, not part of the statement
                sent = Sentence(sent.start + dateline.end(), sent.end, sent.line)
                body = text[sent.start:sent.end]
            words = _words(body)
            if len(words) < (4 if ln.headline else 5) or len(words) > 90 or body.rstrip().endswith(("?", ":", "!")) or _NOT_STATEMENT.match(body):
                continue
            if _TO_THE_READER.match(body) or not re.search(r"[a-z]", text[ln.start:ln.end]):
                continue  # an address to the reader, or a line all in capitals (a shouted tagline or bio)
            if not _has_verb(words) and not ln.headline:
                continue
            if _LABEL.search(art.masked[sent.start:sent.end]) or ln.headline and _HEADLINE_CREDIT.search(body):
                continue  # a label put on something, or a headline's credited words: no statement to check
            if _META.search(body) and not atts_in(art, sent):
                continue  # the article describing its own charts or method: nothing to check
            noted = _WRITER_NOTES.search(body)
            if noted and not atts_in(art, sent):
                # "We should also note that the price ... is calculated on a pure gram": the writer states it
                s, e = _clean(text, sent.start + noted.end(), sent.end)
                if len(_words(text[s:e])) >= 4 and _quoted_share(art, s, e) <= 0.5:
                    out.append(Suggestion(s, e, "claim", _ASSERTED, {"stance": "asserted"}))
                continue
            masked = re.sub(r"\btold (?:us|me)\b", "told ¤¤", art.masked[sent.start:sent.end])  # a tag, not an aside
            if _FIRST_PERSON.search(masked) and not ln.headline:
                # the writer's own experience or opinion, or a quotation's: only a clause of the sentence
                # without them may still state a fact ("Let's not forget, many people hate big banks")
                out += _beside_the_writer(art, sent)
                continue
            atts = [a for a in art.attributions if sent.start <= a.start < sent.end and not art.in_quote(a.start, a.end)
                    and not (ln.headline and a.verb is not None and a.verb.verb == ":")]
            if len(atts) < len([a for a in art.attributions if sent.start <= a.start < sent.end]) and ln.headline:
                # "Obama on hacking: I warned Putin to 'cut it out'": the words after the colon are the claim
                colon = text.find(":", sent.start, sent.end)
                if colon > 0 and not atts and len(_words(text[colon + 1:sent.end])) >= 4:
                    s, e = _clean(text, colon + 1, sent.end)
                    if _quoted_share(art, s, e) <= 0.5:
                        out.append(Suggestion(s, e, "claim", "The headline gives these words to the speaker before "
                                              "the colon, without quotation marks: whose words are they, and does the "
                                              "body support them?", {"stance": "reported"}))
                    continue
            says = None if atts else _SUBJECT_SAYS.match(art.masked[sent.start:sent.end])
            if says and not art.in_quote(sent.start + says.start("verb")):
                # the subject is no one the attribution reader knows ("Swimming greats"), but the sentence
                # reports their words all the same: the rest is reported, never the outlet's assertion
                s, e = _clean(text, sent.start + says.end(), sent.end)
                if len(_words(text[s:e])) >= (3 if ln.headline else 4) and _quoted_share(art, s, e) <= 0.5:
                    out.append(Suggestion(s, e, "claim", "Reported: the sentence gives these words to its subject. "
                                          "Who is that, and could they know it?", {"stance": "reported"}))
                continue
            if atts or any(sent.start <= s < sent.end for s, _ in unnamed_spans) \
                    or re.search(r"\baccording to\b", body, re.I):
                # an appeal ("urged the department to accept") reports no statement of its own
                span = _reported(art, sent, atts[0]) if atts and atts[0].verb.verb != "called for" else None
                if span is None and atts and _reports_a_thing(art, sent, atts[0]):
                    # "The department confirmed a sixth death": the verb's object is the fact, not words
                    s, e = _clean(text, sent.start, sent.end)
                    out.append(Suggestion(s, e, "claim", _ASSERTED, {"stance": "asserted"}))
                    continue
                relative = atts and atts[0].source_span and re.search(
                    r",\s*[^,¤]*\b(?:that|which|whom)\s*$", art.masked[sent.start:atts[0].source_span[0]])
                if span is None and relative:
                    # "The figures put the cost at £40, a number that councillors say is too low": the words
                    # reported are about the main clause, which the outlet states
                    s, e = _clean(text, sent.start, sent.start + relative.start())
                    if len(_words(text[s:e])) >= 4:
                        out += _asserted_clauses(art, s, e)
                    continue
                if span is None:
                    continue
                note = ("Reported: the article attributes this to a source. Is it a fact the source could know, "
                        "and does the article check it anywhere?")
                parts = clauses(text, art.masked, *span)
                for s, e in parts:
                    if _DIRECTIVE.match(text[s:e]):
                        continue  # "warned people to stay away from ...": a directive, not a statement
                    if len(parts) > 1 and any(s <= a.start < e for a in art.attributions):
                        continue  # "..., while the League condemned the move": another attribution, not a claim
                    if len(_words(text[s:e])) >= 4 and _quoted_share(art, s, e) <= 0.5:
                        out.append(Suggestion(s, e, "claim", note, {"stance": "reported"}))
                continue
            s, e = _clean(text, sent.start, sent.end)
            if _quoted_share(art, s, e) > 0.5 or e - s < 20:
                continue
            if _NOT_CHECKABLE.match(body):
                continue  # "Which is exactly the problem", "Clipper could end up ...": a comment or a guess
            if ln.headline:
                note = "The headline states this in the outlet's own voice. Does the article's body support it?"
                out.append(Suggestion(s, e, "claim", note, {"stance": "asserted"}))
                continue
            out += _asserted_clauses(art, s, e)
    return out


def _asserted_clauses(art: Article, s: int, e: int) -> list[Suggestion]:
    """One claim per independent clause of an own-voice statement (clauses.py), none for a clause that is a
    comment, a guess or mostly a quotation."""
    out = []
    parts = clauses(art.text, art.masked, s, e)
    for a, b in parts:
        if len(parts) > 1 and (_NOT_CHECKABLE.match(art.text[a:b]) or _quoted_share(art, a, b) > 0.5
                               or b - a < 20 or len(_words(art.text[a:b])) < 4):
            continue
        out.append(Suggestion(a, b, "claim", _ASSERTED, {"stance": "asserted"}))
    return out


def _beside_the_writer(art: Article, sent: Sentence) -> list[Suggestion]:
    """The clauses of a first-person sentence that state something without the writer: after an aside that
    opens it ("Let's not forget, ..."), or beside the writer's own clause ("As savings ran out, I guess ...")."""
    text, masked = art.text, art.masked
    s, e = _clean(text, sent.start, sent.end)
    aside = re.match(r"[^,¤]{1,40},\s+", masked[s:e])
    if aside and _FIRST_PERSON.search(masked[s:s + aside.end()]):
        s += aside.end()
    out = []
    for a, b in clauses(text, masked, s, e, any_opening=True):
        if _FIRST_PERSON.search(masked[a:b]) or any(a <= x.start < b for x in art.attributions):
            continue
        if _NOT_CHECKABLE.match(text[a:b]) or _OUGHT.search(text[a:b]) or _quoted_share(art, a, b) > 0.5 or b - a < 20 \
                or len(_words(text[a:b])) < 4 or not _has_verb(_words(text[a:b])):
            continue
        out.append(Suggestion(a, b, "claim", _ASSERTED, {"stance": "asserted"}))
    return out
