"""Turn one lesson folder into a ``Lesson``, or the complete list of what is wrong with it."""

from __future__ import annotations

import bisect
import datetime
import os
from dataclasses import replace
import re
from pathlib import Path

from closeread.errors import Problem
from closeread.kinds import registry
from closeread.load.lessonfiles import MAX_ARTICLE_BYTES, MAX_ARTICLE_CHARS, MAX_LESSON_BYTES, read_text
from closeread.load.yamlfile import load_yaml
from closeread.model import (
    Annotation,
    Article,
    ArticleLine,
    Background,
    Extension,
    Lesson,
    Option,
    Person,
    Question,
    RubricLevel,
    SortItem,
    Source,
    SourceInfo,
    Span,
    Step,
    Term,
    Tuning,
    frozen_map,
)
from closeread.design import design
from closeread.questions.generate import generate
from closeread.readability import reading_grade
from closeread.validate.anchor import ArticleIndex, anchor
from closeread.validate.warnings import lesson_warnings
from closeread.validate import readiness
from closeread.validate.order import shown_order
from closeread.validate.schema import LESSON, Checker, did_you_mean, lesson_name_problem

LESSON_FILE = "lesson.yaml"
UNKNOWN_DATE = datetime.date(1970, 1, 1)  # a draft's date left as TODO, in the model only
_BASE_ANNOTATION_KEYS = {"id", "kind", "quote", "prefix", "suffix", "occurrence", "note", "teacher_note", "question", "suggested"}
_TYPE_KEYS = {
    "single": {"options"},
    "multiple": {"options"},
    "sort": {"claims"},
    "find": {"answer"},
    "short": {"model_answer"},
    "discussion": {"guidance"},
}


def _inert(text: str) -> str:
    """A name for a message with its control characters shown escaped."""
    return text if text.isprintable() else text.encode("unicode_escape").decode("ascii")


def _line(d: dict, key: str | None = None) -> int:
    return d.get(f"__line__{key}", d["__line__"]) if key else d["__line__"]


def _rubric(raw: dict | None) -> tuple[RubricLevel, ...]:
    if not raw:
        return ()
    levels = design().rubric_levels
    # a missing level, or a level without 'does' or 'sample', was reported by the schema
    if any(level not in raw or "does" not in raw[level] or "sample" not in raw[level] for level in levels):
        return ()
    return tuple(RubricLevel(level, raw[level]["does"], raw[level]["sample"]) for level in levels)


def _tuning(raw) -> Tuning | None:
    if not isinstance(raw, dict):
        return None
    return Tuning(minutes=raw.get("minutes"), rubric=_rubric(raw.get("rubric")), starters=tuple(raw.get("starters", [])), hints=tuple(raw.get("hints", [])), look_up=raw.get("look_up") is True)


def look_up_minutes(qtype: str, look_up: bool) -> float:
    """The minutes a question of ``qtype`` takes by default: its type's, and a look-up's on top."""
    return design().minutes_for(qtype) + (design().look_up_minutes if look_up else 0)


def _reported_within(item: dict, lines: list[int]) -> bool:
    """Whether one of the (sorted) problem ``lines`` falls on a line of ``item``, a mapping of the file."""
    own = [v for k, v in item.items() if k.startswith("__line__") and isinstance(v, int)]
    if not own:
        return False
    i = bisect.bisect_left(lines, min(own))
    return i < len(lines) and lines[i] <= max(own)


def _default_skill(q: dict, annotations: dict[str, Annotation]) -> str:
    """A written question practises the skill of what it is about: its annotation, the annotation a find
    asks for, or (a sort) claims."""
    ann = annotations.get(q.get("annotation") or q.get("answer") or "")
    if ann is not None:
        return registry()[ann.kind].skill
    return registry()["claim"].skill if q.get("type") == "sort" else ""


def _covered(questions: list[Question]) -> set[str]:
    """The annotations written questions ask about: generated questions would repeat them."""
    out: set[str] = set()
    for q in questions:
        if q.annotation:
            out.add(q.annotation)
        if q.type == "find" and q.answer:
            out.add(q.answer)
        out.update(item.annotation for item in q.items)
    return out


class _LessonBuilder:
    def __init__(self, folder: Path, shown_dir: str):
        self.folder = folder
        self.slug = folder.name
        self.shown_dir = shown_dir
        self.path = f"{shown_dir}/{LESSON_FILE}"
        self.checker = Checker(self.path)
        self.warnings: list[Problem] = []  # what a draft still lacks, and what may be a mistake
        # ids in the file whose annotation or question could not be built (its problem is reported): a
        # question, a sort or the core naming one is not reported again, so that every other problem is
        self._unbuilt: set[str] = set()
        self._unbuilt_questions: set[str] = set()
        self._minutes_unknown = False
        self._shape_problems = 0
        self._unnamed_unbuilt = False  # an annotation or question whose id itself is invalid (reported)
        self._role_lines: dict[int, int] = {}  # article line -> the lesson.yaml line of the part giving its role

    def report(self, line: int, message: str) -> None:
        self.checker.report(line, message)

    def _take(self, found: tuple[list[Problem], list[Problem]]) -> None:
        problems, warnings = found
        self.problems.extend(problems)
        self.warnings.extend(warnings)

    @property
    def problems(self) -> list[Problem]:
        return self.checker.problems

    def build(self) -> Lesson | None:
        wrong = lesson_name_problem(self.slug)
        if wrong:
            self.report(0, f"folder name '{_inert(self.slug)}' {wrong}")
        source, problems = read_text(self.folder / LESSON_FILE, self.path, limit=MAX_LESSON_BYTES)
        if source is None:
            self.problems.extend(problems)
            return None
        if not source.text.strip():
            self.report(1, "file is empty; expected a lesson (see docs/authoring/lesson-format.md)")
            return None
        data, problems = load_yaml(source.text, path=self.path)
        self.problems.extend(problems)
        if data is None:
            return None
        if not isinstance(data, dict):
            self.report(1, "the file must be a mapping of keys to values; expected 'title: ...', 'summary: ...' and so on")
            return None
        self.checker.todo_allowed = data.get("draft") is True
        raw = self.checker.check(data, LESSON, "lesson", 1)
        self._shape_problems = len(self.problems)  # what the schema found: values left out of ``raw``
        self._core_lines = getattr(data.get("core"), "item_lines", ())  # each core entry's own line
        draft = raw.get("draft", False)
        # a value can only start with TODO if the file says TODO, or spells it with a YAML escape
        if "TODO" in source.text or "\\" in source.text:
            self._take(readiness.todo_left(data, draft=draft, path=self.path))
        article_spec = raw.get("article", {"__line__": 1})
        article = self._article(article_spec)
        sources = self._sources(raw.get("sources", []))
        annotations = self._annotations(raw.get("annotations", []), article, sources) if article else []
        # without a readable article the annotations were not checked: checking questions against them would only add noise
        author_questions = self._questions(raw.get("questions", []), annotations) if article else []
        if article is None:
            return None
        # a broken quote or field leaves out its annotation only: the rest is still checked, core included
        pending, scratch = readiness.nothing_pending(annotations, folder=self.folder, shown_dir=self.shown_dir, path=self.path)
        self._take((pending if not draft else [], scratch))  # a draft is where suggestions are reviewed
        self.warnings.extend(readiness.role_warnings(article, role_lines=self._role_lines, path=self.path))
        self.warnings.extend(readiness.kept_order_warnings(raw.get("questions", []), author_questions, path=self.path))
        covered = frozenset(_covered(author_questions))
        core_ids = tuple(raw.get("core", []))
        generated = generate(
            annotations,
            sources,
            article=article,
            core=core_ids,
            covered=covered,
            written_sort=any(q.type == "sort" for q in author_questions),
        )
        taken = {q.id: q.line for q in author_questions}
        for q in generated:
            if q.id in taken:
                self.report(taken[q.id], f"question id '{q.id}' is taken by the question generated from annotation '{q.annotation}'; expected another id")
        questions = tuple(author_questions) + tuple(generated)
        phase = self._question_phase(raw)
        questions = self._core(raw, questions, annotations, phase)
        vocabulary = self._vocabulary(raw.get("vocabulary", []), article)
        if self.problems:
            return None
        bg = raw["background"]
        ext = raw.get("extension")
        src = raw["source"]
        lesson = Lesson(
            slug=self.slug,
            path=self.path,
            title=raw["title"],
            summary=raw["summary"],
            grade_band=raw["grade_band"],
            minutes=raw["minutes"],
            skills=tuple(raw["skills"]),
            objectives=tuple(raw["objectives"]),
            key_points=tuple(raw["key_points"]),
            source=SourceInfo(
                outlet=src["outlet"],
                # a draft's TODO address, dates or language (listed as still to do) stand in as below
                url=src.get("url", ""),
                published=src.get("published") or src.get("retrieved") or UNKNOWN_DATE,
                retrieved=src.get("retrieved") or UNKNOWN_DATE,
                language=src.get("language", "en"),
                use_note=src["use_note"],
                outlet_type=src.get("outlet_type", ""),
                author=src.get("author", ""),
                captured_from=src.get("captured_from", ""),
            ),
            background=Background(
                outlet=bg["outlet"],
                people=tuple(Person(p["name"], p["about"]) for p in bg.get("people", [])),
                context=bg.get("context", ""),
            ),
            discussion=raw["discussion"],
            article=article,
            annotations=tuple(annotations),
            questions=questions,
            sources=tuple(sources),
            draft=raw.get("draft", False),
            language=raw.get("language", "en"),
            materials=tuple(raw.get("materials", [])),
            standards=tuple(raw.get("standards", [])),
            sequence=tuple(Step(s["step"], s["minutes"], s["text"]) for s in raw.get("sequence", [])),
            misconceptions=tuple(raw.get("misconceptions", [])),
            extension=Extension(ext["title"], tuple(ext["search_for"]), ext["expect"]) if ext else None,
            core=core_ids,
            vocabulary=vocabulary,
            reading_grade=reading_grade(line.text for line in article.lines if line.role in ("body", "subheading")),
            question_phase=phase,
        )
        # side doors to answers and unmarked look-ups: judged on the built lesson, placed by the file's lines
        return replace(lesson, warnings=tuple(sorted({*self.warnings, *lesson_warnings(lesson, data)})))

    # -- the core set ----------------------------------------------------------------------------

    def _question_phase(self, raw: dict) -> int | None:
        """Minutes the lesson gives to questions: its sequence's questions step, or a share of the lesson
        (None while the lesson's own minutes are invalid: that is reported already)."""
        steps = [s["minutes"] for s in raw.get("sequence", []) if s.get("step") == "questions" and "minutes" in s]
        if steps:
            return sum(steps)
        return int(raw["minutes"] * design().phase_share) if "minutes" in raw else None

    def _core(self, raw: dict, questions: tuple[Question, ...], annotations: list[Annotation], phase: int) -> tuple[Question, ...]:
        """Check the lesson's ``core`` list and mark its questions; every problem is reported at once."""
        if "core" not in raw:
            return questions
        where = _line(raw, "core")
        rules = design()
        by_id = {q.id: q for q in questions}
        ids = raw["core"]
        known = list(by_id)
        seen: set[str] = set()
        lines = self._core_lines if len(self._core_lines) == len(ids) else ()
        for i, qid in enumerate(ids):
            at = lines[i] if lines else where
            if qid in seen:
                self.report(at, f"core: question '{qid}' is named twice; expected each question once")
            seen.add(qid)
            if qid not in by_id:
                ann = qid[2:] if qid.startswith("g-") else ""
                sort_lost = qid == "g-sort-claims" and bool(self._unbuilt)  # the claims it sorted may be the broken ones
                if qid in self._unbuilt_questions or ann in self._unbuilt or self._unnamed_unbuilt or sort_lost:
                    continue  # its own problem is reported where it is written (perhaps under an invalid id)
                found = next((a for a in annotations if a.id == ann), None) if ann else None
                if found is not None and found.kind == "claim" and found.generate_question and not found.suggested:
                    self.report(at, f"core: '{qid}' is not a question: the sentence of claim '{ann}' does not decide reported or asserted (a reported claim needs its source named beside a verb of saying, an asserted one neither), so it makes no question; expected another question id, or a question you write about it")
                elif found is not None:
                    self.report(at, f"core: '{qid}' is not a question: annotation '{ann}' makes no question (it has 'question: false' or is a suggestion); expected a question id")
                else:  # ids share 'g-' and kind words: only a near-typo is worth suggesting
                    self.report(at, f"core: '{qid}' is not a question of this lesson{did_you_mean(qid, known, cutoff=0.75)}")
        core = [by_id[i] for i in dict.fromkeys(ids) if i in by_id]
        if not rules.core_min <= len(ids) <= rules.core_max:
            self.report(where, f"core has {len(ids)} question(s); expected {rules.core_min} to {rules.core_max}, the ones that carry the lesson's objectives")
        minutes = sum(q.minutes for q in core)
        if phase is not None and not self._minutes_unknown and minutes > phase:
            detail = ", ".join(f"{q.id} {q.minutes:g}" for q in core)
            self.report(where, f"core takes {minutes:g} minutes ({detail}), more than the {phase} minutes the lesson gives to questions; expected a smaller core set, shorter questions ('minutes:') or a longer 'questions' step")
        stems: dict[str, int] = {}
        for q in core:
            if q.generated and q.stem:
                stems[q.stem] = stems.get(q.stem, 0) + 1
        for stem, n in stems.items():
            if n > rules.max_stem_repeats:
                self.report(where, f"core uses the generated stem {stem} {n} times; expected at most {rules.max_stem_repeats} (write some of these questions yourself)")
        for q in core:
            if q.open and len(q.rubric) != len(rules.rubric_levels):
                place = f"annotation '{q.annotation}' (its 'question:' mapping)" if q.generated else f"question '{q.id}'"
                self.report(q.line or where, f"core question '{q.id}' ({q.type}) has no rubric; expected 'rubric' with {', '.join(rules.rubric_levels)} on {place}")
        marked = set(seen)
        return tuple(Question(**{**q.__dict__, "core": True}) if q.id in marked else q for q in questions)

    def _vocabulary(self, items: list[dict], article: Article) -> tuple[Term, ...]:
        out = []
        for item in items:
            if "term" not in item or "definition" not in item:
                continue
            term = item["term"]
            # any letter case, whole words, any run of white space between them; matched in the text
            # itself (not a case-folded copy, whose offsets can differ) so the offset places its gloss
            m = re.search(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", article.text, re.IGNORECASE)
            if m is None:
                self.report(_line(item, "term"), f"vocabulary: '{term}' does not occur in the article; expected a word or phrase from it, as written there")
                continue
            first = next(ln.number for ln in reversed(article.lines) if ln.start <= m.start())
            out.append(Term(term, item["definition"], first, m.end()))
        return tuple(out)

    # -- article ---------------------------------------------------------------------------------

    def _article(self, spec: dict) -> Article | None:
        name = spec.get("file", "article.txt")
        if not name or len(name) > 100 or "/" in name or "\\" in name or name.startswith(".") or not name.isprintable():
            self.report(
                _line(spec, "file") if "file" in spec else 1,
                f"article file '{_inert(name)[:100]}' must be a file name in the lesson folder; expected e.g. article.txt (at most 100 characters)",
            )
            return None
        shown = f"{self.shown_dir}/{name}"
        text_file, problems = read_text(self.folder / name, shown, limit=MAX_ARTICLE_BYTES, article=True)
        if text_file is None:
            if not os.path.lexists(self.folder / name):
                self.report(_line(spec, "file") if "file" in spec else 1, f"the lesson has no article: {shown} is missing; expected the article's text in it")
            else:
                self.problems.extend(problems)
            return None
        text = text_file.text
        if not text.strip():
            self.problems.append(Problem(shown, 1, "the article is empty; expected the article's text"))
            return None
        if len(text) > MAX_ARTICLE_CHARS:
            line = text.count("\n", 0, MAX_ARTICLE_CHARS) + 1
            self.problems.append(Problem(shown, line, f"the article is {len(text):,} characters long, past {MAX_ARTICLE_CHARS:,} at this line; expected at most {MAX_ARTICLE_CHARS:,} (a long news article has under 100,000), or the part the class reads"))
            return None
        index = ArticleIndex(text)
        raw_lines = text.split("\n")
        roles: dict[int, tuple[str, str]] = {}
        for part in spec.get("parts", []):
            if "quote" not in part or "role" not in part:  # missing or invalid: the schema has said so
                continue
            found = anchor(index, part["quote"], occurrence=part.get("occurrence"))
            if found.match is None:
                self.report(_line(part, "quote"), f"article part: {found.error}")
                continue
            first, last = index.line_of(found.match.start), index.line_of(max(found.match.start, found.match.end - 1))
            for n in range(first, last + 1):
                roles[n] = (part["role"], part.get("label", ""))
                self._role_lines[n] = _line(part, "role")
        if "headline" in spec:
            found = anchor(index, spec["headline"])
            if found.match is None:
                self.report(_line(spec, "headline"), f"article headline: {found.error}")
            else:
                roles[index.line_of(found.match.start)] = ("headline", "Headline")
        lines = []
        offset = 0
        for number, line_text in enumerate(raw_lines, start=1):
            role, label = roles.get(number, ("body", ""))
            lines.append(ArticleLine(number, line_text, offset, role, label))
            offset += len(line_text) + 1
        self._index = index
        return Article(text=text, lines=tuple(lines), path=shown)

    # -- sources -----------------------------------------------------------------------------------

    def _sources(self, items: list[dict]) -> list[Source]:
        seen: dict[str, int] = {}
        out = []
        for s in items:
            if "id" not in s or "name" not in s:
                continue
            if s["id"] in seen:
                self.report(_line(s, "id"), f"duplicate source id '{s['id']}' (first at line {seen[s['id']]}); expected each id once")
                continue
            seen[s["id"]] = _line(s, "id")
            out.append(Source(s["id"], s["name"], s.get("described_as", ""), s.get("about", "")))
        return out

    # -- annotations ------------------------------------------------------------------------------

    def _annotations(self, items: list[dict], article: Article, sources: list[Source]) -> list[Annotation]:
        kinds = registry()
        source_ids = [s.id for s in sources]
        seen: dict[str, int] = {}
        built = []
        schema_lines = sorted(p.line for p in self.problems[: self._shape_problems])
        for item in items:
            if "id" not in item or "kind" not in item:
                if "id" in item:
                    self._unbuilt.add(item["id"])
                else:
                    self._unnamed_unbuilt = True
                continue
            before = len(self.problems)
            ann_id, kind = item["id"], kinds[item["kind"]]
            where = _line(item, "id")
            if ann_id in seen:
                self.report(where, f"duplicate annotation id '{ann_id}' (first at line {seen[ann_id]}); expected each id once")
                continue
            seen[ann_id] = where
            suggested = item.get("suggested", False)
            fields = {}
            for key in item:
                if key in _BASE_ANNOTATION_KEYS or key.startswith("__line__"):
                    continue
                spec = kind.field(key)
                if spec is None:
                    allowed = ", ".join(sorted(f.name for f in kind.fields)) or "none"
                    self.report(_line(item, key), f"annotation '{ann_id}': '{key}' does not apply to kind '{kind.name}'; expected only its fields ({allowed})")
                    continue
                value = item[key]
                if spec.type == "ref" and value not in source_ids:
                    hint = did_you_mean(value, source_ids) if source_ids else "; expected the id of an entry in 'sources' (there are none yet)"
                    self.report(_line(item, key), f"annotation '{ann_id}': {key} '{value}' is not a source of this lesson{hint}")
                    continue
                if spec.type == "enum" and value not in spec.values:
                    self.report(_line(item, key), f"annotation '{ann_id}': {key} '{value}' is not allowed{did_you_mean(value, spec.values)}")
                    continue
                fields[key] = value
            if not suggested:
                for spec in kind.fields:
                    if spec.required and f"__line__{spec.name}" not in item:  # present but invalid is reported once, by the schema
                        self.report(where, f"annotation '{ann_id}' of kind '{kind.name}' has no '{spec.name}'; expected {self._field_doc(kind.name, spec.name)}")
                if kind.name == "claim" and fields.get("stance") == "reported" and "source" not in fields and "source" not in item:
                    self.report(where, f"annotation '{ann_id}': a reported claim needs 'source'; expected the id of who it is attributed to")
            span = None
            quote = item.get("quote", "")
            if "quote" in item:
                found = anchor(self._index, quote, prefix=item.get("prefix", ""), suffix=item.get("suffix", ""), occurrence=item.get("occurrence"))
                if found.match is None:
                    self.report(_line(item, "quote"), f"annotation '{ann_id}': {found.error}")
                    self._unbuilt.add(ann_id)
                    continue
                m = found.match
                span = Span(m.start, m.end, self._index.line_of(m.start), self._index.line_of(max(m.start, m.end - 1)))
            elif not kind.document_level:
                if "quote" not in item and not any(k.startswith("__line__quote") for k in item):
                    self.report(where, f"annotation '{ann_id}' of kind '{kind.name}' has no 'quote'; expected the words from the article it is about (only omission annotations may leave it out)")
                self._unbuilt.add(ann_id)
                continue
            tune = item.get("question")
            if isinstance(tune, dict) and "__line__minutes" in tune and "minutes" not in tune:
                self._minutes_unknown = True
            if len(self.problems) > before or _reported_within(item, schema_lines):
                # reported: left out, so that no question is made of it and nothing that names it is reported again
                self._unbuilt.add(ann_id)
                continue
            built.append(
                Annotation(
                    id=ann_id,
                    kind=kind.name,
                    note=item.get("note", ""),
                    quote=self._index.text[span.start : span.end] if span else "",
                    span=span,
                    teacher_note=item.get("teacher_note", ""),
                    suggested=suggested,
                    generate_question=item.get("question", True) is not False,
                    tuning=_tuning(item.get("question")),
                    fields=frozen_map(fields),
                    line=where,
                )
            )
        # number published annotations in reading order; document-level ones come last
        order = sorted(
            (a for a in built if not a.suggested),
            key=lambda a: (a.span is None, a.span.start if a.span else 0, -(a.span.end if a.span else 0), a.line),
        )
        numbers = {a.id: i for i, a in enumerate(order, start=1)}
        return [
            Annotation(**{**a.__dict__, "number": numbers.get(a.id, 0)})
            for a in sorted(built, key=lambda a: (a.suggested, numbers.get(a.id, 0), a.line))
        ]

    @staticmethod
    def _field_doc(kind: str, field: str) -> str:
        docs = {
            "source": "the id of the source it comes from",
            "speaker": "the id of the source who said it",
            "figure": "the number as a reader names it, e.g. '500'",
            "stance": "'reported' or 'asserted'",
            "neutral": "a neutral alternative",
            "implies": "what the verb implies",
            "shows": "what the photo shows",
            "shows_event": "true or false: does it show the event in the story?",
            "role": "what the page element is, e.g. 'date of an earlier story'",
            "missing": "what the article leaves out",
        }
        return docs.get(field, f"the {field}")

    # -- questions --------------------------------------------------------------------------------

    def _questions(self, items: list[dict], annotations: list[Annotation]) -> list[Question]:
        by_id = {a.id: a for a in annotations}
        ann_ids = list(by_id)
        seen: dict[str, int] = {}
        out = []
        for q in items:
            if "id" not in q or "type" not in q or "prompt" not in q:
                if "id" in q:
                    self._unbuilt_questions.add(q["id"])
                else:
                    self._unnamed_unbuilt = True
                continue
            qid, qtype, where = q["id"], q["type"], _line(q, "id")
            if qid in seen:
                self.report(where, f"duplicate question id '{qid}' (first at line {seen[qid]}); expected each id once")
                continue
            seen[qid] = where
            ok = True
            for key, keys in _TYPE_KEYS.items():
                for k in keys - _TYPE_KEYS[qtype]:
                    if k in q:
                        self.report(_line(q, k), f"question '{qid}': '{k}' does not apply to a {qtype} question; expected it only on {key} questions")
                        ok = False
            for k in _TYPE_KEYS[qtype]:
                if f"__line__{k}" not in q:
                    self.report(where, f"question '{qid}' ({qtype}) has no '{k}'; expected {self._type_doc(qtype)}")
                    ok = False
            if "keep_order" in q and qtype not in ("single", "multiple"):
                self.report(_line(q, "keep_order"), f"question '{qid}': 'keep_order' does not apply to a {qtype} question; expected it only on single and multiple questions, which have options")
                ok = False
            if qtype != "discussion" and "__line__explanation" not in q:
                self.report(where, f"question '{qid}' has no 'explanation'; expected why the answer is right")
                ok = False
            for k in ("annotation", "answer"):
                if k in q and q[k] in self._unbuilt:
                    ok = False  # the annotation's own problem is reported
                elif k in q and q[k] not in by_id:
                    self.report(_line(q, k), f"question '{qid}': {k} '{q[k]}' is not an annotation of this lesson{did_you_mean(q[k], ann_ids) if ann_ids else '; expected the id of an annotation (the lesson has none yet)'}")
                    ok = False
            options: tuple[Option, ...] = ()
            if qtype in ("single", "multiple") and "options" in q:
                options = tuple(
                    Option(key=f"o{i}", text=o["text"], correct=o.get("correct", False), feedback=o.get("feedback", ""))
                    for i, o in enumerate(q["options"], start=1)
                    if "text" in o
                )
                if not q.get("keep_order", False):
                    options = shown_order(options, slug=self.slug, question=qid)
                right = sum(o.correct for o in options)
                if len(options) < 2:
                    self.report(_line(q, "options"), f"question '{qid}' has {len(options)} option(s); expected at least 2")
                    ok = False
                elif qtype == "single" and right != 1:
                    self.report(_line(q, "options"), f"question '{qid}' (single) has {right} correct options; expected exactly 1 with 'correct: true'")
                    ok = False
                elif qtype == "multiple" and right < 1:
                    self.report(_line(q, "options"), f"question '{qid}' (multiple) has no correct option; expected at least 1 with 'correct: true'")
                    ok = False
            items_: tuple[SortItem, ...] = ()
            if qtype == "sort" and "claims" in q:
                built = []
                for i, cid in enumerate(q["claims"]):
                    ann = by_id.get(cid)
                    if cid in self._unbuilt:
                        ok = False
                        continue
                    if ann is None or ann.kind != "claim" or ann.suggested:
                        claims = [a.id for a in annotations if a.kind == "claim"]
                        hint = did_you_mean(cid, claims) if claims else "; expected the id of a claim annotation"
                        self.report(_line(q, "claims"), f"question '{qid}': '{cid}' is not a claim annotation{hint}")
                        ok = False
                        continue
                    if ann.get("stance") == "unclear":  # an invalid stance was reported with the claim
                        self.report(_line(q, "claims"), f"question '{qid}': claim '{cid}' is '{ann.get('stance')}', which a sort cannot ask; expected claims whose stance is reported or asserted")
                        ok = False
                        continue
                    built.append(SortItem(ann.id, ann.quote, ann.get("stance")))
                if len(q["claims"]) < 2:
                    self.report(_line(q, "claims"), f"question '{qid}' sorts {len(q['claims'])} claim(s); expected at least 2")
                    ok = False
                items_ = tuple(built)
            if qtype == "find" and q.get("answer") in by_id and by_id[q["answer"]].span is None:
                self.report(_line(q, "answer"), f"question '{qid}': annotation '{q['answer']}' has no quote to find; expected an annotation with a quote")
                ok = False
            look_up = q.get("look_up") is True
            least = look_up_minutes(qtype, look_up)
            if look_up and "minutes" in q and isinstance(q["minutes"], (int, float)) and q["minutes"] < least:
                self.report(_line(q, "minutes"), f"question '{qid}' sends students to look something up but gives it {q['minutes']:g} minutes; expected at least {least:g} (a {qtype} question's {design().minutes_for(qtype):g} and {design().look_up_minutes:g} for the look-up, data/design.yaml), or no 'minutes'")
                ok = False
            if "__line__minutes" in q and "minutes" not in q:
                self._minutes_unknown = True  # invalid, reported: the core's total would be a guess
            if not ok:
                self._unbuilt_questions.add(qid)
                continue
            out.append(
                Question(
                    id=qid,
                    type=qtype,
                    prompt=q["prompt"],
                    explanation=q.get("explanation", ""),
                    hints=tuple(q.get("hints", [])),
                    options=options,
                    items=items_,
                    answer=q.get("answer", ""),
                    model_answer=q.get("model_answer", ""),
                    guidance=q.get("guidance", ""),
                    annotation=q.get("annotation", ""),
                    line=where,
                    minutes=q.get("minutes", least),
                    look_up=look_up,
                    skill=q.get("skill") or _default_skill(q, by_id),
                    rubric=_rubric(q.get("rubric")),
                    starters=tuple(q.get("starters", [])),
                )
            )
        return out

    @staticmethod
    def _type_doc(qtype: str) -> str:
        return {
            "single": "a list of options, exactly one with 'correct: true'",
            "multiple": "a list of options, at least one with 'correct: true'",
            "sort": "a list of claim annotation ids",
            "find": "the id of the annotation whose words the student must find",
            "short": "a model answer",
            "discussion": "guidance for the teacher",
        }[qtype]


def load_lesson(folder: Path, *, shown_dir: str) -> tuple[Lesson | None, list[Problem]]:
    """Read, check and build one lesson; return it, or None and every problem found."""
    builder = _LessonBuilder(folder, shown_dir)
    lesson = builder.build()
    return lesson, builder.problems
