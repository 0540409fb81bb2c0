"""The shape of ``lesson.yaml``: one declaration that both checks lessons and writes the JSON Schema."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from functools import cached_property

from closeread.errors import Problem
from closeread.kinds import all_kind_fields, registry
from closeread.load.yamlfile import LineDict, LineList

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")  # use fullmatch: "$" also matches before a final newline
# Names Windows keeps for devices, with or without an extension ("con.gift.txt" is the console too): a
# lesson folder or a file named after its slug could not be copied to a Windows disk or a stick formatted
# by Windows. Slugs are lower-case ASCII, so macOS's and Windows's case folding merge no two of them.
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{n}" for n in range(10)), *(f"lpt{n}" for n in range(10))})


# The slug names folders and files twice over (teacher/<slug>/<slug>.imscc, <slug>-selection-moodle.xml):
# a 250-character one passed 'check', then the build failed on "File name too long" (255 bytes on Linux,
# and Windows paths stop at 260 characters). The importer cuts titles to this length too.
MAX_SLUG = 60


def lesson_name_problem(name: str) -> str | None:
    """What is wrong with ``name`` as a lesson's folder name (it also names the lesson's files), or None."""
    if not SLUG.fullmatch(name):
        return "is not a valid lesson slug; expected lower-case letters, digits and single hyphens"
    if len(name) > MAX_SLUG:
        return f"is {len(name)} characters long; expected at most {MAX_SLUG}, so that the files named after it fit every file system"
    if name in WINDOWS_RESERVED:
        return f"is a name Windows keeps for a device; expected another name (e.g. '{name}-lesson'), so that the kit copies to any disk"
    return None
# a unit of several periods fits; a 400-digit number passed 'check' and then overflowed the float
# arithmetic of the question phase (OverflowError, a traceback)
MAX_LESSON_MINUTES = 600
MAX_TEXT = 20_000  # characters in one text field: a long discussion guide is 3,000; 1 MB made 330 PDF pages
LANG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$")
QUESTION_TYPES = ("single", "multiple", "sort", "find", "short", "discussion")
ROLES = ("headline", "standfirst", "subheading", "body", "caption", "credit", "furniture")
STEPS = ("warm-up", "reading", "questions", "discussion", "exit-ticket", "extension")


@dataclass(frozen=True)
class F:
    """A field: its type, whether it is required, and what a valid value looks like."""

    type: str  # str, int, num, bool, date, url, slug, lang, enum, list, obj, flag_or_obj
    doc: str = ""
    required: bool = False
    item: "F | None" = None
    fields: dict = field(default_factory=dict)
    values: tuple = ()
    minimum: float | None = None
    maximum: float | None = None
    nonempty: bool = False

    @cached_property
    def required_fields(self) -> tuple[tuple[str, "F"], ...]:
        """An object's required fields, in declaration order."""
        return tuple((k, v) for k, v in self.fields.items() if v.required)


def _text(doc, required=False):
    return F("str", doc, required)


def _texts(doc, required=False):
    return F("list", doc, required, item=F("str", doc), nonempty=required)


def _annotation_fields() -> dict:
    base = {
        "id": F("slug", "a unique id such as 'a-500'", True),
        "kind": F("enum", "an annotation kind", True, values=tuple(registry())),
        "quote": _text("the exact words from the article"),
        "prefix": _text("words just before the quote"),
        "suffix": _text("words just after the quote"),
        "occurrence": F("int", "which match, 1 for the first", minimum=1),
        "note": _text("the explanation students see", True),
        "teacher_note": _text("background for the teacher edition"),
        "question": TUNING,
        "suggested": F("bool", "true while the annotation is an unreviewed suggestion"),
    }
    for name, spec in all_kind_fields().items():
        ftype = {"text": "str", "ref": "slug", "enum": "enum", "bool": "bool"}[spec.type]
        doc = f"a valid {name}" if ftype == "enum" else f"the '{name}' of the annotation"
        base[name] = F(ftype, doc, values=spec.values)
    return base


def _rubric_level(level: str) -> F:
    return F(
        "obj",
        f"what a {level} answer does, and a short sample of one",
        True,
        fields={"does": _text(f"what a {level} answer does", True), "sample": _text(f"a short {level} answer", True)},
    )


RUBRIC = F(
    "obj",
    "a rubric with the levels beginning, developing and strong",
    fields={level: _rubric_level(level) for level in ("beginning", "developing", "strong")},
)
MINUTES = F("num", "minutes a student needs for it, e.g. 2 or 1.5", minimum=0.5, maximum=30)
STARTERS = _texts("sentence starters for an open question")

TUNING = F(
    "flag_or_obj",
    "false to generate no question, or a mapping that tunes the generated one",
    fields={
        "minutes": MINUTES,
        "rubric": RUBRIC,
        "starters": STARTERS,
        "hints": _texts("hints, shown one at a time"),
        "look_up": F("bool", "true when the question sends students to look something up on a phone or computer"),
    },
)

OPTION = F(
    "obj",
    "an option",
    fields={
        "text": _text("the option's text", True),
        "correct": F("bool", "true for a right answer"),
        "feedback": _text("what a student who picks it is told"),
    },
)

QUESTION = F(
    "obj",
    "a question",
    fields={
        "id": F("slug", "a unique id such as 'q-source'", True),
        "type": F("enum", "a question type", True, values=QUESTION_TYPES),
        "prompt": _text("the question", True),
        "hints": _texts("hints, shown one at a time"),
        "explanation": _text("why the answer is right"),
        "options": F("list", "options", item=OPTION),
        "keep_order": F("bool", "true to show the options in the file's order instead of a shuffled one"),
        "claims": F("list", "ids of claim annotations", item=F("slug", "a claim annotation id")),
        "answer": F("slug", "the id of the annotation to find"),
        "model_answer": _text("a model answer"),
        "guidance": _text("guidance for the teacher"),
        "annotation": F("slug", "the id of the annotation the question is about"),
        "minutes": MINUTES,
        "look_up": F("bool", "true when the question sends students to look something up on a phone or computer"),
        "skill": F("slug", "the skill it practises, e.g. 'sourcing'"),
        "rubric": RUBRIC,
        "starters": STARTERS,
    },
)

LESSON = F(
    "obj",
    "a lesson",
    fields={
        "title": _text("the lesson's title", True),
        "summary": _text("one or two sentences for the catalogue", True),
        "draft": F("bool", "true while the lesson is a draft"),
        "grade_band": _text("a grade band such as '9-12'", True),
        "minutes": F("int", "class minutes, e.g. 50", True, minimum=1, maximum=MAX_LESSON_MINUTES),
        "language": F("lang", "a language code such as 'en'"),
        "skills": F("list", "skill slugs such as 'lateral-reading'", True, item=F("slug", "a skill slug"), nonempty=True),
        "objectives": _texts("learning objectives", True),
        "key_points": _texts("key points", True),
        "materials": _texts("materials"),
        "standards": _texts("standard codes such as 'CCSS.ELA-LITERACY.RI.9-10.6'"),
        "source": F(
            "obj",
            "where the article comes from",
            True,
            fields={
                "outlet": _text("the outlet's name", True),
                "outlet_type": _text("e.g. 'state-controlled'"),
                "url": F("url", "the article's address", True),
                "published": F("date", "the day the article was published", True),
                "retrieved": F("date", "the day its text was captured", True),
                "author": _text("the byline"),
                "language": F("lang", "a language code such as 'en'", True),
                "captured_from": _text("where the text came from"),
                "use_note": _text("why the text may be used for teaching", True),
            },
        ),
        "article": F(
            "obj",
            "how the article's lines are laid out",
            fields={
                "file": _text("the article file, e.g. article.txt"),
                "headline": _text("a quote of the headline line"),
                "parts": F(
                    "list",
                    "roles of article lines",
                    item=F(
                        "obj",
                        "a part",
                        fields={
                            "quote": _text("words from the line", True),
                            "occurrence": F("int", "which match, 1 for the first", minimum=1),
                            "role": F("enum", "a line role", True, values=ROLES),
                            "label": _text("what the line is, e.g. 'Dateline'"),
                        },
                    ),
                ),
            },
        ),
        "background": F(
            "obj",
            "background for teachers",
            True,
            fields={
                "outlet": _text("who the outlet is", True),
                "people": F(
                    "list",
                    "people named",
                    item=F("obj", "a person", fields={"name": _text("a name", True), "about": _text("who they are", True)}),
                ),
                "context": _text("the events the article is about"),
            },
        ),
        "sources": F(
            "list",
            "sources named in the article",
            item=F(
                "obj",
                "a source",
                fields={
                    "id": F("slug", "a short id such as 'balitsky'", True),
                    "name": _text("the source's name", True),
                    "described_as": _text("how the article describes them"),
                    "about": _text("what a reader should know about them"),
                },
            ),
        ),
        "sequence": F(
            "list",
            "the lesson sequence",
            item=F(
                "obj",
                "a step",
                fields={
                    "step": F("enum", "a step", True, values=STEPS),
                    "minutes": F("int", "minutes", True, minimum=0, maximum=MAX_LESSON_MINUTES),
                    "text": _text("what happens", True),
                },
            ),
        ),
        "discussion": _text("discussion guidance", True),
        "misconceptions": _texts("common misconceptions"),
        "extension": F(
            "obj",
            "an extension activity",
            fields={
                "title": _text("the activity's title", True),
                "search_for": _texts("searches to run", True),
                "expect": _text("what a student should find", True),
            },
        ),
        "annotations": F("list", "annotations", True, item=F("obj", "an annotation", fields=_annotation_fields())),
        "questions": F("list", "questions", item=QUESTION),
        "core": F("list", "ids of the core questions, in the order the class works them", item=F("slug", "a question id such as 'q-outlet' or 'g-fig-500'")),
        "vocabulary": F(
            "list",
            "words a reader may not know",
            item=F(
                "obj",
                "a vocabulary entry",
                fields={"term": _text("a word or phrase from the article", True), "definition": _text("a plain definition", True)},
            ),
        ),
    },
)

# an http(s) address with a host that has a dot; NOT_IN_URL: what RFC 3986 never lets an address hold raw
URL = re.compile(r"https?://[^\s/?#]+\.", re.I)
NOT_IN_URL = re.compile(r'[\s"<>\\^`{|}\x00-\x1f\x7f]')

_TYPE_WORDS = {
    "str": "a text",
    "int": "a whole number",
    "num": "a number",
    "flag_or_obj": "false or a mapping",
    "bool": "true or false",
    "date": "a date YYYY-MM-DD",
    "url": "an http(s) address",
    "slug": "lower-case letters, digits and single hyphens",
    "lang": "a language code such as 'en'",
    "enum": "one of",
    "list": "a list",
    "obj": "a mapping of keys to values",
}


def _show(value) -> str:
    # never repr() a whole list or mapping: aliases can make one of millions of values
    if isinstance(value, (list, dict, set, tuple)) and (
        len(value) > 5 or not all(isinstance(v, (str, int, float, bool)) and len(str(v)) < 50 for v in value)
    ):
        return f"a {'mapping' if isinstance(value, dict) else 'list'} of {len(value)} item{'s' if len(value) != 1 else ''}"
    text = repr(value) if not isinstance(value, str) else f"'{value[:60]}'"
    if len(text) <= 50:
        return text
    return text[:49] + ("\u2026'" if isinstance(value, str) else "\u2026")


def did_you_mean(word: str, choices, *, cutoff: float = 0.6) -> str:
    close = difflib.get_close_matches(str(word), [str(c) for c in choices], n=1, cutoff=cutoff)
    if close:
        return f"; did you mean '{close[0]}'?"
    shown = [str(c) for c in choices]
    more = f", and {len(shown) - 30} more" if len(shown) > 30 else ""  # a long lesson has hundreds of ids
    return f"; expected one of: {', '.join(shown[:30])}{more}"


class Checker:
    """Checks raw data against a spec; records problems and returns cleaned values (None if invalid)."""

    def __init__(self, path: str):
        self.path = path
        self.problems: list[Problem] = []
        # a draft may leave a date, an address or a language code as the importer's TODO: it is listed as
        # still to do, and the value is left out (the validator supplies a stand-in)
        self.todo_allowed = False

    def report(self, line: int, message: str) -> None:
        self.problems.append(Problem(self.path, line, message))

    def check(self, value, spec: F, name: str, line: int):
        if value is None:
            return None
        t = spec.type
        if t == "str" and value.__class__ is str:  # most values: the general path below, taken quickly
            if len(value) > MAX_TEXT:
                return self._too_long(name, value, spec, line)
            stripped = value.strip()
            if not stripped and spec.required:
                self.report(line, f"'{name}' is empty; expected {spec.doc}")
                return None
            return stripped
        if t == "obj":
            return self._obj(value, spec, name, line)
        if t == "list":
            if not isinstance(value, list):
                self.report(line, f"'{name}' must be a list, not {_show(value)}; expected a list of {spec.doc}")
                return None
            if spec.nonempty and not value:
                self.report(line, f"'{name}' is empty; expected at least one item ({spec.doc})")
            out = []
            item_lines, past_end = (value.item_lines, value.line) if isinstance(value, LineList) else ((), line)
            for i, item in enumerate(value):
                item_line = item_lines[i] if i < len(item_lines) else past_end  # value.line_of(i)
                if item is None:
                    self.report(item_line, f"item {i + 1} of '{name}' is empty; expected {spec.item.doc}")
                    continue
                checked = self.check(item, spec.item, f"{name}[{i + 1}]", item_line)
                if checked is not None:
                    out.append(checked)
            return out
        if t == "flag_or_obj":
            if isinstance(value, bool):
                return value
            if isinstance(value, dict):
                return self._obj(value, spec, name, line)
            return self._wrong(name, value, spec, line)
        if t == "num":
            if isinstance(value, bool) or not isinstance(value, (int, float)) or value != value:
                return self._wrong(name, value, spec, line)
            if (spec.minimum is not None and value < spec.minimum) or (spec.maximum is not None and value > spec.maximum):
                self.report(line, f"'{name}' is {value}; expected a number from {spec.minimum:g} to {spec.maximum:g}")
                return None
            return float(value)
        if t == "bool":
            if not isinstance(value, bool):
                return self._wrong(name, value, spec, line)
            return value
        if t == "int":
            if isinstance(value, bool) or not isinstance(value, int):
                return self._wrong(name, value, spec, line)
            if spec.minimum is not None and value < spec.minimum:
                self.report(line, f"'{name}' is {value}; expected a whole number of at least {spec.minimum}")
                return None
            if spec.maximum is not None and value > spec.maximum:
                self.report(line, f"'{name}' is {_show(value)}; expected a whole number of at most {spec.maximum:g}")
                return None
            return value
        if self.todo_allowed and t in ("date", "url", "lang") and isinstance(value, str) and value.lstrip().startswith("TODO"):
            return None
        if t == "date":
            if isinstance(value, dt.datetime):
                return value.date()
            if isinstance(value, dt.date):
                return value
            if isinstance(value, str):
                try:
                    return dt.date.fromisoformat(value.strip())
                except ValueError:
                    pass
            return self._wrong(name, value, spec, line)
        # the rest are strings
        if isinstance(value, (int, float)) and not isinstance(value, bool) and t == "str":
            value = str(value)
        if not isinstance(value, str):
            return self._wrong(name, value, spec, line)
        if len(value) > MAX_TEXT:
            return self._too_long(name, value, spec, line)
        if t == "str":
            if not value.strip() and spec.required:
                self.report(line, f"'{name}' is empty; expected {spec.doc}")
                return None
            return value.strip()
        stripped = value.strip()
        if t == "slug" and not SLUG.fullmatch(stripped):
            return self._wrong(name, value, spec, line)
        if t == "lang" and not LANG.fullmatch(stripped):
            return self._wrong(name, value, spec, line)
        if t == "url":
            return self._url(name, stripped, spec, line)
        if t == "enum" and stripped not in spec.values:
            self.report(line, f"'{name}' is {_show(value)}, which is not {spec.doc}{did_you_mean(stripped, spec.values)}")
            return None
        return stripped

    def _url(self, name, value, spec, line):
        if not URL.match(value):
            return self._wrong(name, value, spec, line)
        # a page escapes them, but the author's address is wrong: an address bar never holds them raw
        bad = NOT_IN_URL.search(value)
        if bad:
            ch = bad.group()
            shown = {" ": "a space", "\t": "a tab"}.get(ch, f"'{ch}'" if ch.isprintable() else f"U+{ord(ch):04X}")
            self.report(line, f"'{name}' holds {shown} (character {bad.start() + 1}), which a web address cannot hold; expected "
                              f"an http(s) address with it written as %{ord(ch):02X} (copy the address from the browser's address bar)")
            return None
        return value

    def _too_long(self, name, value, spec, line):
        self.report(line, f"'{name}' is {len(value):,} characters long; expected at most {MAX_TEXT:,} ({spec.doc})")
        return None

    def _wrong(self, name, value, spec, line):
        words = _TYPE_WORDS[spec.type]
        what = f"{words} ({spec.doc})" if spec.doc and words not in spec.doc else words
        self.report(line, f"'{name}' is {_show(value)}; expected {what}")
        return None

    def _obj(self, value, spec: F, name: str, line: int):
        if not isinstance(value, dict):
            self.report(line, f"'{name}' must be a mapping, not {_show(value)}; expected {spec.doc} with keys such as {', '.join(list(spec.fields)[:3])}")
            return None
        fields = spec.fields
        if isinstance(value, LineDict):
            own_line = value.line
            key_lines = value.key_lines
        else:
            own_line = line
            key_lines = None
        out = {"__line__": own_line}
        for key, raw in value.items():
            key_line = line if key_lines is None else key_lines.get(key, own_line)
            sub = fields.get(key)
            if sub is None:
                self.report(key_line, f"unknown key {_show(key)} in {spec.doc}{did_you_mean(key, fields)}")
                continue
            if raw is None:  # an empty value is as good as none: code that needs it says it is missing
                if sub.required:
                    self.report(key_line, f"'{key}' is empty; expected {sub.doc}")
                continue
            out[f"__line__{key}"] = key_line  # kept for a present key even when its value is invalid
            checked = self.check(raw, sub, key, key_line)
            if checked is not None:
                out[key] = checked
        for key, sub in spec.required_fields:
            if key not in value:
                self.report(own_line, f"missing '{key}' in {spec.doc}; expected {sub.doc}")
        return out


def json_schema() -> dict:
    """The JSON Schema of lesson.yaml, for editors that complete and check YAML as it is typed."""

    def conv(spec: F) -> dict:
        out: dict = {"description": spec.doc} if spec.doc else {}
        t = spec.type
        if t == "obj":
            out.update(
                type="object",
                additionalProperties=False,
                properties={k: conv(v) for k, v in spec.fields.items()},
            )
            req = [k for k, v in spec.fields.items() if v.required]
            if req:
                out["required"] = req
        elif t == "list":
            out.update(type="array", items=conv(spec.item))
            if spec.nonempty:
                out["minItems"] = 1
        elif t == "int":
            out["type"] = "integer"
            if spec.minimum is not None:
                out["minimum"] = spec.minimum
            if spec.maximum is not None:
                out["maximum"] = spec.maximum
        elif t == "num":
            out["type"] = "number"
            if spec.minimum is not None:
                out["minimum"] = spec.minimum
            if spec.maximum is not None:
                out["maximum"] = spec.maximum
        elif t == "flag_or_obj":
            obj = conv(F("obj", "", fields=spec.fields))
            out["anyOf"] = [{"type": "boolean"}, obj]
        elif t == "bool":
            out["type"] = "boolean"
        elif t == "date":
            out.update(type="string", format="date")
        elif t == "url":
            out.update(type="string", pattern=r"^https?://[^\s/?#]+\.[^\s\"<>\\^`{|}]*$")
        elif t == "slug":
            out.update(type="string", pattern=SLUG.pattern)
        elif t == "lang":
            out.update(type="string", pattern=LANG.pattern)
        elif t == "enum":
            out["enum"] = list(spec.values)
        else:
            out.update(type="string", minLength=1 if spec.required else 0)
        return out

    schema = {"$schema": "https://json-schema.org/draft-07/schema#", "title": "closeread lesson"}
    schema.update(conv(LESSON))
    ann = schema["properties"]["annotations"]["items"]
    ann["allOf"] = [
        {
            "if": {
                "properties": {"kind": {"const": kind.name}, "suggested": {"const": False}},
                "required": ["kind"],
            },
            "then": {"required": [f.name for f in kind.fields if f.required] + ([] if kind.document_level else ["quote"])},
        }
        for kind in registry().values()
    ]
    return schema
