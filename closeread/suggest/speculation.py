"""Speculation: epistemic hedges (allegedly, likely, could of possibility)."""

from __future__ import annotations

import re

from .reading import Article, Suggestion


SPECULATION = [
    r"seemingly", r"allegedly", r"reportedly", r"apparently", r"purportedly", r"supposedly",
    r"presumably", r"probably", r"possibly", r"perhaps", r"ostensibly", r"(?:most |more |very )?likely",
    r"in all likelihood", r"it (?:appears|seems|would seem|would appear)", r"(?:appears?|appeared|seems?|seemed) to",
    r"(?:is|are|was|were) (?:believed|thought|said|rumou?red|understood|suspected|alleged|presumed) to",
    r"(?:may|might|could|must) (?:well )?have(?! to\b)", r"(?:may|might|could) (?:well )?be",
    r"(?:may|might|could)(?= (?!not\b|n't)[a-z]+)",
    r"rumou?red", r"suspected", r"speculat(?:e|ed|es|ion)",
    r"it (?:is|was|has been|had been) (?:alleged|claimed|reported|rumou?red|said|understood|believed|thought)",
    r"alleged(?= (?!that\b)[a-z])",  # "his alleged role": an act not established
    # adverbs and nouns of possibility, and reasons offered for a guess ("every reason to suspect")
    r"potentially", r"maybe", r"conceivably", r"reputedly", r"(?:there(?:'s|’s| is| was) )?(?:a|some) (?:real |strong |good )?(?:possibility|chance)(?= that)",
    r"(?:every|good|some|little|no) reason to (?:suspect|believe|think|expect)",
    r"(?:is|are|was|were) (?:widely )?expected to",
]
# "could" of ability or of a procedure ("an appeal could be made", "she could not see") is not a guess
_NOT_EPISTEMIC = re.compile(
    r"\s+(?:not\b|n't|also\b|only\b|no longer\b|(?:be|have been)\s+(?:made|filed|lodged|submitted|used|done|seen|found|"
    r"bought|obtained|reached|contacted|accessed|heard|read|watched|downloaded|ordered|booked|appealed|requested)\b|"
    r"(?:see|hear|feel|read|speak|walk|swim|drive|afford|remember|recall|tell|understand|get|do)\b)")


SPECULATION_RE = re.compile(r"(?<![\w-])(?:" + "|".join(SPECULATION) + r")(?![\w-])")


def find(art: Article) -> list[Suggestion]:
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
            if before.endswith(("if", "how", "whether", "what")) or body.rstrip().endswith("?"):
                continue
            modal = re.match(r"(?:may|might|could)\b", marker)
            if modal and _NOT_EPISTEMIC.match(body[m.start() + modal.end():]):
                continue
            if re.match(r"(?:may|might|could|must)\b", marker) and re.search(r"(?:^|\s)(?:I|you|we|You|We)\s+$", body[:m.start()]):
                continue  # "you could get creative": advice or the writer's own doubt, not an inference
            # the hedge itself is the span; the claim it hedges is a claim suggestion of its own
            note = (f'"{marker}" marks an inference rather than a fact: what evidence does the article give for it, '
                    f"and whose inference is it?")
            out.append(Suggestion(s, e, "speculation", note, {}))
    return out
