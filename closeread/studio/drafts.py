"""Question drafts started from an annotation: the builder's first version, which the author edits.

The texts are data (``closeread/data/studio.yaml``); options are taken from the lesson itself (its
sources, or words of its other annotations), each wrong option gets a line that points to the method,
and the right option of a choice question is placed at random.
"""

from __future__ import annotations

import random
import re
from functools import cache
from importlib import resources

import yaml

from closeread.design import design
from closeread.kinds import registry

TYPES = ("single", "multiple", "sort", "find", "short", "discussion")
MAX_OPTIONS = 4
MAX_SORT = 6


class NoDraft(ValueError):
    pass


@cache
def texts() -> dict:
    raw = resources.files("closeread.data").joinpath("studio.yaml").read_text(encoding="utf-8")
    return yaml.load(raw, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


class _Blank(dict):
    def __missing__(self, key):
        return "..."


def fill(template: str, **values) -> str:
    return template.format_map(_Blank({k: v for k, v in values.items() if v not in (None, "")}))


def _context(mark: dict, sources: dict[str, dict]) -> dict:
    kind = registry().get(mark["kind"])
    fields = mark.get("fields", {})
    src = sources.get(fields.get("source") or fields.get("speaker") or "", {})
    return {
        **{k: str(v) for k, v in fields.items()},
        "quote": mark.get("quote", ""),
        "line": mark.get("line") or "",
        "note": mark.get("note", "").strip(),
        "label": kind.label if kind else mark["kind"],
        "label_lower": (kind.label if kind else mark["kind"]).lower(),
        "question": kind.cor_question if kind else "",
        "source_name": src.get("name", ""),
    }


def _place(right: dict, wrong: list[dict], rng: random.Random) -> list[dict]:
    """The right option put at a random place among the wrong ones."""
    options = list(wrong)
    options.insert(rng.randrange(len(options) + 1), right)
    return options


def draft(qtype: str, mark: dict, *, marks: list[dict], sources: list[dict], rng: random.Random | None = None,
          lines: list[dict] = ()) -> dict:
    """A question of ``qtype`` about the annotation ``mark`` (as the studio's state lists them). ``lines``:
    the article's lines, whose sentences serve as wrong options when the lesson has too few annotations."""
    if qtype not in TYPES:
        raise NoDraft(f"'{qtype}' is not a question type; expected one of {', '.join(TYPES)}")
    rng = rng or random.SystemRandom()
    data = texts()
    by_id = {s["id"]: s for s in sources}
    ctx = _context(mark, by_id)
    others = [m for m in marks if m["id"] != mark["id"] and not m.get("pending") and m.get("quote")]
    q: dict = {"type": qtype, "annotation": mark["id"]}
    fb = data["feedback"]
    if qtype == "single":
        stance = mark.get("fields", {}).get("stance")
        spec = data["single"].get(f"{mark['kind']}-{stance}") or data["single"].get(mark["kind"], data["single"]["default"])
        q["prompt"] = fill(spec["stem"], **ctx)
        if spec["options_from"] == "sources":
            answer = by_id.get(mark.get("fields", {}).get(spec["field"], ""))
            if answer is None:
                raise NoDraft(f"annotation '{mark['id']}' names no source yet; expected its '{spec['field']}' chosen from the lesson's sources first")
            if mark["kind"] == "source" and _names(mark.get("quote", ""), answer.get("name", "")):
                raise NoDraft(f"the words of '{mark['id']}' are the source's own name: asking who the source is would answer itself; expected a Find or Short question, or a choice drafted from a claim or figure that cites {answer.get('name')}")
            wrong_sources = [s for s in sources if s["id"] != answer["id"]][: MAX_OPTIONS - 1]
            if not wrong_sources:
                raise NoDraft("the lesson has one source; expected at least two in 'sources' for a choice between them")
            right = {"text": answer["name"], "correct": True, "feedback": fill(fb["right"], **ctx)}
            wrong = [{"text": s["name"], "correct": False, "feedback": fill(fb["sources"], **ctx)} for s in wrong_sources]
        elif spec["options_from"] == "claims":
            right, wrong = _claims(mark, others, ctx, fb)
        else:
            right, wrong = _statements(mark, others + _sentences(lines, mark), ctx, fb, rng)
        q["options"] = _place(right, wrong, rng)
    elif qtype == "multiple":
        plural = data["multiple"]["plural"]
        q["prompt"] = fill(data["multiple"]["stem"], **ctx, plural=fill(plural.get(mark["kind"], plural["default"]), **ctx))
        same = [m for m in others if m["kind"] == mark["kind"]][:2]
        if not same:
            raise NoDraft(f"the lesson has one {ctx['label_lower']} annotation; expected two or more for a 'choose every one' question")
        rights = [mark, *same]
        wrongs = [m for m in others if m["kind"] != mark["kind"]]
        rng.shuffle(wrongs)
        options = [{"text": m["quote"], "correct": True, "feedback": fill(fb["right"], **_context(m, by_id))} for m in rights]
        options += [{"text": m["quote"], "correct": False,
                     "feedback": fill(fb["statements"], **{**ctx, "option_line": m.get("line", "")})} for m in wrongs[:2]]
        rng.shuffle(options)
        q["options"] = options
    elif qtype == "sort":
        claims = [m for m in [mark, *others] if m["kind"] == "claim" and m.get("fields", {}).get("stance") in ("reported", "asserted")]
        if len(claims) < 2:
            raise NoDraft("a sort needs two or more claims marked reported or asserted (not suggestions); expected more claim annotations first")
        q["prompt"] = data["sort"]["stem"]
        q["claims"] = [m["id"] for m in claims[:MAX_SORT]]
        q.pop("annotation")
    elif qtype == "find":
        q.pop("annotation")
        if not mark.get("quote"):
            raise NoDraft(f"annotation '{mark['id']}' has no words to find; expected an annotation with a quote")
        q["prompt"] = fill(data["find"].get(mark["kind"], data["find"]["default"]), **ctx)
        q["answer"] = mark["id"]
    elif qtype == "short":
        q["prompt"] = fill(data["short"].get(mark["kind"], data["short"]["default"]), **ctx)
        fields = mark.get("fields", {})
        q["model_answer"] = next((str(fields[f]) for f in data["short"]["model_from"] if fields.get(f)), ctx["note"]) or "..."
        q["rubric"] = _rubric(data, ctx)
        q["starters"] = _starters(data, mark, ctx)
    else:  # discussion
        q["prompt"] = fill(data["discussion"]["stem"], **ctx)
        q["guidance"] = fill(data["discussion"]["guidance"], **ctx)
        q["rubric"] = _rubric(data, ctx)
        q["starters"] = _starters(data, mark, ctx)
    if qtype != "discussion":
        q["explanation"] = fill("{note} (Line {line}.)", **ctx)
    q["minutes"] = design().minutes_for(qtype)
    return q


def _starters(data: dict, mark: dict, ctx: dict) -> list[str]:
    starters = data["starters"]
    return [fill(s, **ctx) for s in starters.get(mark["kind"], starters["default"])]


def _names(quote: str, name: str) -> bool:
    """The annotation's words hold the source's name (or the name holds them)."""
    a, b = quote.casefold().strip(), name.casefold().strip()
    return bool(a and b) and (a in b or b in a)


def _claims(mark: dict, others: list[dict], ctx: dict, fb: dict) -> tuple[dict, list[dict]]:
    """A claim among claims of the other stance: the stem asks for its own stance, so each wrong option
    is known to be wrong (an article sentence could be either)."""
    stance = mark.get("fields", {}).get("stance")
    if stance not in ("reported", "asserted"):
        raise NoDraft(f"claim '{mark['id']}' has no stance yet; expected 'reported' or 'asserted' chosen first")
    other = "asserted" if stance == "reported" else "reported"
    pool = [m for m in others if m["kind"] == "claim" and m.get("fields", {}).get("stance") == other and m["quote"] != mark["quote"]]
    if not pool:
        raise NoDraft(f"the lesson has no claim marked '{other}' to set beside this {stance} one; expected one more claim annotation, or a Sort or Short question")
    right = {"text": mark["quote"], "correct": True, "feedback": fill(fb["right"], **ctx)}
    wrong = [{"text": m["quote"], "correct": False, "feedback": fill(fb["statements"], **{**ctx, "option_line": m.get("line", "")})}
             for m in pool[: MAX_OPTIONS - 1]]
    return right, wrong


def _same_form(a: str, b: str) -> bool:
    """Options of one form: words with words, sentences with sentences (never "BREAKING" beside a clause)."""
    return (len(a.split()) <= 3) == (len(b.split()) <= 3)


def _sentences(lines, mark: dict) -> list[dict]:
    """Sentences of the article's body (as pseudo-marks), none holding the mark's own words."""
    out = []
    for line in lines:
        if line.get("role") not in ("body", "standfirst") or not line.get("text", "").strip():
            continue
        for sentence in re.split(r"(?<=[.!?])\s+", line["text"].strip()):
            words = sentence.split()
            if 5 <= len(words) <= 30 and mark.get("quote", "") not in sentence:
                out.append({"id": f"line-{line['n']}", "kind": "sentence", "quote": sentence, "line": line["n"]})
    return out


def _rubric(data: dict, ctx: dict) -> dict:
    return {level: {"does": fill(data["rubric"][level], **ctx), "sample": ""} for level in design().rubric_levels}


def _statements(mark: dict, others: list[dict], ctx: dict, fb: dict, rng: random.Random) -> tuple[dict, list[dict]]:
    if not mark.get("quote"):
        raise NoDraft(f"annotation '{mark['id']}' has no words from the article; expected an annotation with a quote")
    pool = [m for m in others if m["kind"] != mark["kind"] and m["quote"] != mark["quote"] and _same_form(m["quote"], mark["quote"])]
    annotated = [m for m in pool if m["kind"] != "sentence"]
    rng.shuffle(annotated)
    spare = [m for m in pool if m["kind"] == "sentence"]
    rng.shuffle(spare)
    pool = annotated + spare  # words the lesson annotated first, then other sentences of the article
    if not pool:
        raise NoDraft("the lesson has no other annotations to take wrong options from; expected a few more annotations first")
    right = {"text": mark["quote"], "correct": True, "feedback": fill(texts()["feedback"]["right"], **ctx)}
    wrong = [{"text": m["quote"], "correct": False, "feedback": fill(fb["statements"], **{**ctx, "option_line": m.get("line", "")})}
             for m in pool[: MAX_OPTIONS - 1]]
    return right, wrong
