"""Figures: numbers stated as fact, with what they count."""

from __future__ import annotations

import re

from .lexicon import _data
from .attributions import _describe_source, _speaker_of
from .reading import Article, Suggestion


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan\\.?|Feb\\.?|Mar\\.?|Apr\\.?|Jun\\.?|Jul\\.?|Aug\\.?|Sept?\\.?|Oct\\.?|Nov\\.?|Dec\\.?"
)


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
    r"just under|just over|well under|well over|just shy of|"
    r"at least|at most|up to|as many as|as much as|an estimated|estimated|upwards of|close to|"
    r"an additional|another|only|just|a further)"
)


SCALE = r"(?:\s?%|(?<=\d)K(?![\w])|\s(?:percent|per cent|percentage points?|million|billion|trillion|thousand|hundred|bn|mn)\b)"


_DIGIT = r"(?:[$€£¥]\s?|(?:US|USD|EUR|GBP|Rs\.?|R)\$?\s?)?\d{1,3}(?:,\d{3})+(?:\.\d+)?|(?:[$€£¥]\s?)?\d+(?:\.\d+)?"


_WORDNUM = rf"(?:{WORD_NUMBERS})(?:[- ](?:{WORD_NUMBERS}))*"

# a fraction of a large number is one figure: "half a million", "a quarter of a billion" (not "half" and "million")
_FRACTION_OF = (r"(?:half|a\s+third\s+of|a\s+quarter\s+of|two-thirds\s+of|three-quarters\s+of)\s+an?\s+"
                r"(?:hundred|thousand|million|billion|trillion|dozen)\b")


FIGURE_RE = re.compile(
    rf"(?<![\w@#/$€£¥.,:-])(?:(?P<approx>{APPROX})\s+)?"
    rf"(?P<num>(?P<digit>{_DIGIT})|(?P<word>{_FRACTION_OF}|{_WORDNUM}\b(?:\s+of\s+(?:the\s+)?(?:{_WORDNUM})\b)?))"
    rf"(?P<scale>{SCALE}*)"
    rf"(?![\w-]|[.,:/]\d)",
    re.IGNORECASE,
)


_NOUN_AFTER = re.compile(
    r"\s+(?!(?:of|in|on|at|to|and|or|the|a|an|from|for|by|with|per|was|were|is|are|had|has|have|"
    r"will|would|who|which|that|this|these|those|than|as|but|into|over|under|after|before|since|"
    r"during|while|when|more|less|also|had|not|had|been)\b)([a-z][a-z'-]+|[A-Z][a-z]+(?:ans|ers|ists|ites|ats|ics)\b)"
)  # (a people or a party by its plural name: "two Palestinians", "six Republicans")


_COUNT_NOUNS = {"people", "men", "women", "children", "aircraft", "personnel", "police", "staff", "cattle",
                "sheep", "fish", "troops", "crew", "livestock"}


# "50 Airbus A350-900 jets", "five 787 Dreamliner sales", "three Republican senators": a count, a name or
# model of what is counted (capitalised words or a model number, at most three), then the plural noun
_NAMED_COUNT = re.compile(r"(?:\s+(?:[A-Z][\w.'’-]*|\d[\w-]*[A-Za-z-][\w-]*|\d{3,}))(?:\s+(?:[A-Z][\w.'’-]*|\d[\w-]*)){0,2}"
                          r"\s+([a-z][a-z'-]+)\b(?![-'’])")


def _words_of(items) -> str:
    """A list of figures.yaml as alternatives: whole words, any white space, longest first."""
    return "|".join(re.escape(str(x)).replace(r"\ ", r"\s+") for x in sorted(items, key=lambda x: (-len(str(x)), str(x))))


_FIGURE_WORDS = _data("figures.yaml")
# units of measure after a number: "23 mph", "11,000 square feet", "2°C" (a count noun is read on its own)
_UNIT = re.compile(rf"(?:\s?°\s?[CF]\b|\s+(?:square\s+|cubic\s+)?(?:{_words_of(_FIGURE_WORDS['units'])})(?![\w-]))")
# a rate after an amount or a measure: "$8.25 per hour", "60 miles an hour"
_RATE = re.compile(rf"\s+(?:per|a|an)\s+(?:{_words_of(_FIGURE_WORDS['rate_per'])})(?![\w-])")


# a part of a counted whole: "30 of Boeing's 787-9 Dreamliner jets", "123 of the planes", "two of three
# requirements" (a determiner or a possessive, perhaps a second count, at most three words, the plural noun)
_PART_OF = re.compile(r"\s+of\s+(?:(?:the|its|their|his|her|our|these|those)\s+|[A-Z][\w.&-]*['’]s\s+)?"
                      rf"(?:(?:\d[\d,.]*|{_WORDNUM})\s+)?(?:[\w.-]+\s+){{0,2}}?(?P<noun>[a-z][a-z'-]+)(?![\w'’-])")


def _named_count(body: str, at: int) -> int | None:
    """The end of "Airbus A350-900 jets" after a count at ``at``, when a plural count noun closes it."""
    m = _NAMED_COUNT.match(body, at)
    if m and _count_noun(m.group(1)) and not re.search(r"(?:^|\s)(?:the|a|an)\s+\S+$", body[:at], re.I):
        return m.end()  # (not "the 787 Dreamliner jets": a model number after an article names the model)
    return None


def _count_noun(word: str) -> bool:
    """A plural noun that says what is counted: "132 soldiers", "500 servicemen", "346 people"."""
    w = word.lower()
    if w in _COUNT_NOUNS or w.endswith("men"):
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith(("ss", "us", "ous", "is")) and w not in {"was", "has", "does", "this", "thus", "always", "perhaps", "its"}


def find(art: Article) -> list[Suggestion]:
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
            before = body[:m.start()]
            after = body[m.end():]
            if re.search(r"\b(?:game|round|stage|leg|chapter|part|section|season|episode|level|phase|act|scene|volume|"
                         r"heat|set|page|step|grade|number|no\.)\s+$", before, re.I):
                continue  # "game four of the semifinals", "in chapter 3": a number that names a place in a series
            if re.match(r"\)", after) and not re.search(r"\(\s*$", before):
                continue  # "1) Deviled, 2) Scotch": a list's enumerator
            if re.search(r"[\^*×]\s*$", before) or re.match(r"\s*[\^*×]", after):
                continue  # "10^5 * 300": a term of a formula (its result, "= 30,000,000 lists", is a figure)
            if digit and re.search(r"['’]$", before) and re.fullmatch(r"\d\d", digit):
                continue  # "in ’91": a year cut short
            if digit:
                raw = re.sub(r"[^\d.]", "", digit)
                if re.search(rf"(?:{MONTHS})\s*$", before) or re.match(rf"\s*(?:{MONTHS})\b", after):
                    continue
                if re.fullmatch(r"(?:1[89]|20)\d\d", raw) and not scale and not re.match(r"[$€£¥]", digit) \
                        and "," not in digit:
                    continue  # a year (not "2,095 metric tons": a year has no thousands separator)
                if re.fullmatch(r"1[0-7]\d\d", raw) and not scale and "," not in digit and not m.group("approx") \
                        and re.search(r"\b(?:in|since|from|until|till|by|of|around|circa|c\.)\s+$", before, re.I) \
                        and not _NOUN_AFTER.match(body, m.end()):
                    continue  # "created the Customs Service in 1789": an earlier year, after a preposition of time
                if re.search(r"\b(?:age|aged|ages)\s+(?:of\s+)?(?:above|over|under|below)?\s*$", before, re.I) \
                        or re.search(r"\b(?:above|over|under|below)\s+age\s+$", before, re.I):
                    continue  # "above age 6 months", "aged 55": an age, not a figure
                if re.search(r"[A-Z][\w-]*\s$", before) and not re.search(r"(?:^|[.!?:]\s*)[A-Z][\w-]*\s$", before) \
                        and not re.search(rf"(?:{MONTHS})\s$", before) and not m.group("approx") and not scale:
                    # "Boeing 787", "Article 5": a name with a number, not a figure
                    if not re.match(r"\s+[a-z]", after) or re.search(r"[A-Z][a-z]+ [A-Z][\w-]*\s$", before):
                        continue
                if re.match(r"\s*(?:a\.m|p\.m|am\b|pm\b|GMT|UTC|:)", after, re.I):
                    continue
                named = _named_count(body, m.end()) if not scale else None
                if not ln.headline and re.match(r" [A-Z]", after) and not scale and not m.group("approx") \
                        and named is None and not re.match(r"\s+[A-Z][a-z]+(?:ans|ers|ists|ites|ats|ics)\b", after):
                    # (but "beheaded 21 Christians": a people by its plural name is counted)
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
            named = None if tail or scale else _named_count(body, m.end())
            unit = _UNIT.match(body, m.end()) if digit and not tail else None
            part = _PART_OF.match(body, m.end()) if not (tail or scale or unit) and " of " not in num else None
            if part is not None and not _count_noun(part.group("noun")):
                part = None
            if part is not None:
                e = ln.start + part.end()  # "30 of Boeing's 787-9 Dreamliner jets", "123 of the planes"
            elif unit is not None:
                e = ln.start + unit.end()  # "23 mph", "11,000 square feet", "2°C"
            elif named is not None:
                e = ln.start + named  # "50 Airbus A350-900 jets"
            elif tail and not body[m.end():tail.end()].strip().endswith("-"):
                e = ln.start + tail.end()  # "132 soldiers", "seven years"
            elif not tail and not scale and not m.group("approx") and not re.match(r"[$€£¥]", digit or ""):
                nxt = re.match(r"\s+([a-z][a-z'-]+)", body[m.end():])
                two = re.match(r"\s+[a-z][a-z'-]*\s+([a-z][a-z'-]+)", body[m.end():])
                if not digit and not re.match(r"\s+of\b", body[m.end():]) and " of " not in num \
                        and not (two and _count_noun(two.group(1))):
                    continue  # "two to Biman, three to Ghana": a word number with nothing counted
                if digit and nxt and nxt.group(1) not in TIME_UNITS and not nxt.group(1).endswith("s") \
                        and nxt.group(1) not in {"of", "to"} and not (two and _count_noun(two.group(1))):
                    continue  # "the 777 program", "a 787 jet": a model number before a singular noun
            rate = _RATE.match(text, e)
            if rate and (re.match(r"[$€£¥]", digit or "") or unit is not None or scale or tail):
                e = rate.end()  # "$8.25 per hour", "60 miles an hour": a rate is one figure
            if re.match(r"[\s-]+old\b", text[e:e + 6]) or re.match(r"[\s-]+years?[\s-]+old\b", text[e:e + 12]):
                continue  # "73 years old", "a 55-year-old": an age
            if re.search(r"\b(?:the|its|their|his|her)\s+(?:past|last)\s+$", body[:m.start()], re.I) \
                    and re.fullmatch(r"\S+\s+(?:" + "|".join(sorted(TIME_UNITS)) + r")", text[s:e]):
                continue  # "in the past two years": the time frame of a statement, not a quantity it states
            if art.in_quote(s, e) is None and any(q[0] < s < q[1] for q in ln.quotes):
                e = min(e, next(q[1] for q in ln.quotes if q[0] < s < q[1]))
            att, where = art.source_near(s, e)
            q = art.in_quote(s, e)
            if q is not None:
                spk = _speaker_of(art, q)
                who = spk or _describe_source(att, art.sentences_text(s, e))
                where = "quote"
            else:
                who = _describe_source(att, art.sentences_text(s, e))
            if ln.headline:
                note = (f"The figure {figure} appears in the headline, where no source is given. "
                        f"Find where the body of the article says where it comes from.")
            elif who:
                place = {"sentence": "in the same sentence", "paragraph": "in the same paragraph",
                         "quote": "in whose quotation it stands"}.get(where, "")
                where_said = "" if "this sentence" in who else f" ({place})"
                note = (f"The figure {figure} is credited to {who}{where_said}. How could this source know it, "
                        f"and can the number be checked anywhere independent?")
            else:
                note = (f"No source is named for the figure {figure} in its sentence or paragraph: the outlet "
                        f"states it in its own voice. Where could the number come from?")
            out.append(Suggestion(s, e, "figure", note, {"figure": figure}))
    out = _ranges(out, text)
    return sorted(out + _dashed(art, out), key=lambda x: x.start)


# "3-5 years", "10–12 weeks": a range written with a dash; "1,900-mile-wide": a measure made an adjective
_DASH_RANGE = re.compile(r"(?<![\w.,-])\d+(?:\.\d+)?\s?[-–]\s?\d+(?:\.\d+)?\s+(?:" + "|".join(sorted(TIME_UNITS))
                         + r"|(?P<noun>[a-z]+s))\b(?!-)")
_MEASURE = re.compile(r"(?<![\w.,-])\d{1,3}(?:,\d{3})*(?:\.\d+)?-(?:mile|kilometer|kilometre|km|foot|feet|meter|metre|"
                      r"inch|yard|acre|ton|tonne|pound|gallon|liter|litre)s?(?:-(?:wide|long|high|deep|tall|thick|wide))?"
                      r"(?![\w-])")


# "by a vote of 53-36", "a 6-3 vote", "the court was 5-4": a tally (votes, seats, a score), the larger
# number first (a range goes up: "ages 5-12"); no model number has two short halves ("737-800")
_TALLY = re.compile(rf"(?<![\w.,/$€£¥-])\d{{1,2}}[-–]\d{{1,2}}(?:\s+(?:{_words_of(_FIGURE_WORDS['tally_nouns'])}))?"
                    r"(?![\w/-]|[.,:]\d|\s*(?:a\.m|p\.m|am\b|pm\b))")


def _dashed(art: Article, found: list[Suggestion]) -> list[Suggestion]:
    """Figures the number pattern leaves out because of a dash: ranges, measures made adjectives, tallies."""
    out = []
    for regex in (_DASH_RANGE, _MEASURE, _TALLY):
        for m in regex.finditer(art.text):
            s, e = m.span()
            ln = art.line_of(s)
            if ln is None or ln.furniture or any(x.start < e and s < x.end for x in found + out):
                continue
            if regex is _MEASURE and not re.search(
                    r"-(?:wide|long|high|deep|tall|thick)$", m.group(0)) and re.match(r"\s+[A-Z]", art.text[e:e + 2]):
                continue  # "the 16-inch MacBook Pro": a size that names a product model, not a measure stated
            ends = re.findall(r"\d+(?:\.\d+)?", m.group(0).replace(",", ""))
            if regex is _DASH_RANGE and (not float(ends[0]) < float(ends[1])
                                         or m.group("noun") and not _count_noun(m.group("noun"))
                                         or all(re.fullmatch(r"(?:1[89]|20)\d\d", n) for n in ends)):
                continue  # "787-9 seats": a model number; "2019-2020 was": years
            if re.search(r"[\^*×]\s*$", art.text[max(0, s - 3):s]):
                continue  # "2^15 - 1": a formula
            if regex is _TALLY and float(ends[0]) < float(ends[1]):
                continue  # "pages 10-12", "ages 5-12": a range, not a tally
            figure = m.group(0)
            note = (f"The figure {figure}: where does the number come from, and can it be checked anywhere "
                    f"independent?")
            out.append(Suggestion(s, e, "figure", note, {"figure": figure}))
    return out


def _ranges(items: list[Suggestion], text: str) -> list[Suggestion]:
    """'242 to 330 passengers', 'down by 30 to 126': a range is one figure."""
    out: list[Suggestion] = []
    for it in items:
        gap = text[out[-1].end:it.start] if out else ""
        # (not a dash set off by spaces after a counted noun: "21 Christians — 20 of them Egyptian Copts" is an aside)
        aside = re.fullmatch(r"\s+[—–]\s+", gap) and re.search(r"[a-z]$", text[out[-1].start:out[-1].end])
        if out and re.fullmatch(r"\s*(?:to|-|–|—)\s*", gap) and not aside:
            prev = out[-1]
            figure = text[prev.start:it.end]
            out[-1] = Suggestion(prev.start, it.end, "figure", it.note.replace(it.fields.get("figure", ""), figure, 1),
                                 {"figure": figure})
        else:
            out.append(it)
    return out
