"""Quotations: direct quotes with their speaker, and scare quotes (proposed as loaded language)."""

from __future__ import annotations

import re

from functools import lru_cache

from .lexicon import attribution_verbs
from .loaded_cues import valences, zipf
from .attributions import _speaker_of, headline_credits
from .reading import Article, Suggestion


_SPEECH = re.compile(
    r"(?<![\w-])(?:claim(?:s|ed)?|interview|statement|words|remarks?|testimony|tweet(?:s|ed)?|post(?:s|ed)?|letter|speech|"
    r"call(?:s|ed|ing)?|described|describ(?:es|ing)|dubbed|termed|labell?ed|branded|expressed|said|says|told|"
    r"insist(?:s|ed)?|describ\w+ as|referred to|admit(?:s|ted)?|denied|promised|pledged|vowed|cheered|hailed|"
    r"telling|saying|ask(?:s|ed|ing)|urg(?:es|ed|ing)|warn(?:s|ed|ing)|wr(?:ote|ites|iting))(?![\w-])",
    re.IGNORECASE)


@lru_cache(maxsize=None)
def _reporting() -> re.Pattern:
    """Every form of every reporting verb of attribution_verbs.yaml ("telling", "warned", "insisted"): a
    sentence that holds one reports someone's words, and a short quotation in it is theirs."""
    forms = sorted({f.lower() for v in attribution_verbs() for f in v.forms if f.strip()}, key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms) + r")(?![\w-])",
                      re.IGNORECASE)


def _quoted_elsewhere(art: Article, q, inner: str) -> bool:
    """The words stand inside a longer quotation of the same article ("the 'political witch hunt' he rails
    against" and, later, "This is a political witch hunt," he said): the speaker's phrase, not the outlet's
    distance from it."""
    words = inner.strip(" .,;:!?")
    if len(words) < 4:
        return False
    for ln in art.lines:
        for other in ln.quotes:
            if other is q:
                continue
            body = art.text[other[2]:other[3]]
            if len(body) > len(words) + 2 and re.search(r"(?<![\w-])" + re.escape(words) + r"(?![\w-])", body,
                                                       re.IGNORECASE):
                return True
    return False


def _named_elsewhere(art: Article, words: str, line) -> bool:
    """A headline's 'Kylie Jenner' is a name when the body writes the same words outside quotation marks."""
    for m in re.finditer(re.escape(words.strip(" .,")), art.masked):
        if not (line.start <= m.start() < line.end):
            return True
    return False


def _term(word: str) -> bool:
    """A rare lower-case word with no sentiment rating: a technical term being introduced, not a word the
    outlet distances itself from."""
    low = word.lower()
    return word.islower() and re.fullmatch(r"[a-z-]{4,}", word) is not None and zipf(low) < 2.5 \
        and low not in valences()


# A word in quotation marks that the sentence names as a word (the use-mention distinction of style guides): after
# "so-called", a noun for words ("the term", "the hashtag"), or in a sentence about searching or typing words
_MENTION_BEFORE = re.compile(r"(?:\bso-called|\b(?:word|term|phrase|label|hashtag|slogan|nickname|search term)s?(?:\s+of)?)"
                             r"\s*$", re.IGNORECASE)
_SEARCHING = re.compile(r"\b(?:search(?:ed|es|ing)?|googl(?:ed|es|ing)|typ(?:ed|es|ing)|look(?:ed|s|ing)? up)\b(?:\s+for)?",
                        re.IGNORECASE)


# the title of a work in quotation marks (news style's rule for titles): after the noun of the work ("her book",
# "the film, titled"), or before the noun of a page's feature ("... slideshow", "... video")
_WORKS = r"book|novel|memoir|film|movie|documentary|song|album|poem|play|musical|essay|op-ed|column|series|episode|podcast"
_TITLE_BEFORE = re.compile(rf"\b(?:{_WORKS})(?:,?\s+(?:titled|entitled|called))?,?\s*$", re.IGNORECASE)
_TITLE_AFTER = re.compile(r"\s*(?:slideshow|slide show|gallery|video|podcast|photos)\b", re.IGNORECASE)


def _mentioned(before: str) -> bool:
    """The quoted word is named as a word by what stands before it in its sentence."""
    return bool(_MENTION_BEFORE.search(before) or _SEARCHING.search(before))


def find(art: Article) -> list[Suggestion]:
    out = []
    text = art.text
    for ln in art.lines:
        for q in ln.quotes:
            if q in art.turn_quotes:
                continue  # a speaker's paragraph in a transcript: proposed below, one quote per paragraph
            a, b, ia, ib = q
            inner = text[ia:ib]
            words = inner.split()
            sent = art.sentence_of(a)
            has_verb_nearby = any(
                (sent and sent.start <= att.start <= sent.end) and not (a <= att.start < b) for att in art.attributions
            )
            # "his claim that the pair were "not close"", "called it "historic"": someone's words, not scare quotes
            speech = bool(sent) and bool(_SPEECH.search(art.masked[sent.start:sent.end]))
            # inside a speaker's turn, a quotation is words the speaker reports ("and I said, 'I don't know.'")
            speech = speech or art.turn_at(a) is not None
            # a phrase of two words or more beside any reporting verb ("telling his lawyer to "control your
            # client"", "warned Putin to 'cut it out'"), or found inside a longer quotation, is someone's words;
            # a single word is a quote only beside a word of speech (its own sentence's "questions" or
            # "making" say nothing of who used "record" or "extra")
            if len(words) >= 2 and sent is not None:
                speech = speech or bool(_reporting().search(art.masked[sent.start:sent.end])) \
                    or _quoted_elsewhere(art, q, inner)
            has_verb_nearby = has_verb_nearby or speech
            # (a word that ends with its own comma or question mark is spoken: '"Probably," Trump said', not a name)
            proper = all(w[:1].isupper() for w in words) and (not ln.headline or _named_elsewhere(art, inner, ln)) \
                and not (len(words) == 1 and has_verb_nearby and re.search(r"[,?!]$", text[ia:b].rstrip("”\"’' ")))
            whole_line = a == ln.start and b == ln.end
            if len(words) == 1 and not has_verb_nearby and _term(inner.strip(" .,")):
                continue  # '"exogenic" processes': a field's term put in quotation marks as it is introduced
            # scare quotes mark one word the outlet distances itself from ("the "reforms""); a short phrase in
            # quotation marks with no speaker near names a term, a title or a catchphrase ("intermediate goods",
            # "chief justice", "side hustle"): 0 of the 6 such phrases on the 20 gold pages was a scare quote
            if _TITLE_BEFORE.search(text[max(ln.start, a - 40):a]) or _TITLE_AFTER.match(text, b):
                continue  # 'In her book "A Paradise Built in Hell"', '"One girl can be silenced" slideshow': a title
            if len(words) == 1 and sent is not None and _mentioned(art.masked[sent.start:a]):
                continue  # 'the so-called "metadata"', 'searched for 'recipes'': a word named, not doubted
            if len(words) == 1 and not has_verb_nearby and not proper and not whole_line and len(inner.strip(" .,")) > 1:
                # scare quotes: the outlet puts a word in quotation marks to distance itself from it
                neutral = inner.strip(" .,")
                note = (f"Scare quotes around {text[a:b]}: the outlet puts the word in quotation marks without "
                        f"saying who used it, which casts doubt on it.")
                out.append(Suggestion(a, b, "loaded-language", note, {"neutral": neutral.lower() if neutral[:1].isupper() and ln.headline else neutral}))
                continue
            if (len(words) < 2 and not speech) or (len(words) <= 3 and not has_verb_nearby and not whole_line) \
                    or proper and len(words) <= 2:
                # (a line that is all quotation is a pull quote set as a subheading: '"Alarming mortality rate"')
                continue  # a name or a title in quotation marks ("factcheckUK") is not a quotation
            speaker = _speaker_of(art, q)
            if speaker:
                note = f"Quoted words attributed to {speaker}."
            else:
                note = "Quoted words; the article does not say who said them."
            note, fields = _altered(inner, note)
            out.append(Suggestion(ia, ib, "quote", note, fields))
    out += _turn_quotes(art)
    for (a, b), (ws, we) in headline_credits(art):
        who = text[ws:we]
        out.append(Suggestion(a, b, "quote", f"Words the headline credits to {who} after a colon, without quotation "
                              "marks: are they the speaker's own words, or the outlet's summary of them?", {}))
    return out


def _altered(inner: str, note: str) -> tuple[str, dict]:
    """The note and fields of a quotation the outlet changed: words inserted in brackets, words cut."""
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
    return note, fields


def _turn_quotes(art: Article) -> list[Suggestion]:
    """Each paragraph a speaker other than the outlet speaks in a transcript or an interview (turns.py): the
    speaker's words, though no quotation mark holds them."""
    out = []
    for turn in art.turns:
        if turn.outlet:
            continue
        for s, e in turn.body:
            if len(art.text[s:e].split()) < 2:
                continue
            note = (f"Words of {turn.speaker}, set down after the speaker's label as a transcript or an interview "
                    "does, without quotation marks: the speaker's words, not the outlet's. Were they edited or cut?")
            note, fields = _altered(art.text[s:e], note)
            out.append(Suggestion(s, e, "quote", note, fields, turn=True))
    return out
