"""Side doors to the answers: `build.py check` warns where one core question gives another's answer away.

A student reads a question's stem and hints before answering it, and its feedback, explanation, model
answer and annotation note after; any of these may come before another core question is answered.
So each of those texts is compared with every other core question's right answers:

- a whole right option, word for word (``phrase_words`` words or more);
- a right option's key words (words no wrong option and not its own stem has): a sentence that holds
  most of them;
- who a generated source or claim question is about: a sentence that names its quote and its source.

A multiple-choice question's own stem and hints may not point to its right options one by one either,
and a vocabulary gloss may not judge a word a question asks about. Warnings, not errors: the author
decides (the rules are ``leaks`` in ``data/design.yaml``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from closeread.design import design
from closeread.errors import Problem
from closeread.model import Lesson, Question

_WORD = re.compile(r"[0-9a-z]+(?:'[a-z]+)?")
_LINE_REF = re.compile(r"\((?:lines?|line \d+:)[^)]*\)", re.IGNORECASE)
_SENTENCE = re.compile(r"(?<=[.!?;])[\"”’)]*\s+")
# kinds whose generated question asks who a statement comes from (the answer is a source's name)
_WHO = {"source": "source", "figure": "source", "quote": "speaker", "claim": "source"}


@dataclass(frozen=True)
class Shown:
    """A text a student reads: whose it is, what part of it, and the lesson.yaml line it comes from."""

    question: str
    part: str
    text: str
    line: int


def _norm(text: str) -> str:
    return str(text).casefold().replace("’", "'").replace("‘", "'")


def words(text: str) -> list[str]:
    return _WORD.findall(_norm(text))


def stems(text: str) -> set[str]:
    rules = design().leaks
    ignore = set(rules["ignore"])
    n, k = int(rules["min_letters"]), int(rules["stem_letters"])
    # a number is a key word however short ("300")
    return {w.removesuffix("'s")[:k] for w in words(text) if (len(w) >= n or w.isdigit()) and w not in ignore}


def sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE.split(" ".join(str(text).split())) if s]


# --- where each text comes from in lesson.yaml ----------------------------------------------------


class _Lines:
    """lesson.yaml's line numbers by question and annotation id (the validated model keeps only the
    line of each id)."""

    def __init__(self, data: dict | None):
        data = data if isinstance(data, dict) else {}
        self.questions = {q.get("id"): q for q in data.get("questions") or [] if isinstance(q, dict)}
        self.annotations = {a.get("id"): a for a in data.get("annotations") or [] if isinstance(a, dict)}
        self.vocabulary = [v for v in data.get("vocabulary") or [] if isinstance(v, dict)]

    @staticmethod
    def of(d, key, default: int) -> int:
        return d.line_of(key) if hasattr(d, "line_of") and key in d else default

    @staticmethod
    def item(lst, i: int, default: int) -> int:
        return lst.line_of(i) if hasattr(lst, "line_of") else default


def shown_texts(lesson: Lesson, q: Question, lines: _Lines) -> list[Shown]:
    """Everything a student reads of ``q``: stem, hints, option feedback, explanation, model answer and
    its annotation's note, each with its line in lesson.yaml."""
    out: list[Shown] = []
    raw = lines.questions.get(q.id) if not q.generated else None
    ann_raw = lines.annotations.get(q.annotation) if q.annotation else None
    at = q.line
    if raw is not None:
        out.append(Shown(q.id, "stem", q.prompt, lines.of(raw, "prompt", at)))
        hints = raw.get("hints") or []
        for i, h in enumerate(q.hints):
            out.append(Shown(q.id, f"hint {i + 1}", h, lines.item(hints, i, at)))
        options = raw.get("options") or []
        for i, o in enumerate(q.options):
            where = lines.of(options[i], "feedback", at) if i < len(options) and isinstance(options[i], dict) else at
            if o.feedback:
                out.append(Shown(q.id, f"feedback of option '{_short(o.text)}'", o.feedback, where))
        out.append(Shown(q.id, "explanation", q.explanation, lines.of(raw, "explanation", at)))
        out.append(Shown(q.id, "model answer", q.model_answer, lines.of(raw, "model_answer", at)))
    else:  # generated: its texts come from its annotation
        tuning = ann_raw.get("question") if ann_raw is not None and isinstance(ann_raw.get("question"), dict) else {}
        out.append(Shown(q.id, "stem", q.prompt, at))
        hints = tuning.get("hints") or []
        for i, h in enumerate(q.hints):
            out.append(Shown(q.id, f"hint {i + 1}", h, lines.item(hints, i, at)))
        out.append(Shown(q.id, "explanation", q.explanation, lines.of(ann_raw, "note", at) if ann_raw is not None else at))
        out.append(Shown(q.id, "model answer", q.model_answer, at))
    if q.annotation and ann_raw is not None:
        note = lesson.annotation(q.annotation).note
        out.append(Shown(q.id, f"note of annotation '{q.annotation}'", note, lines.of(ann_raw, "note", at)))
    return [s for s in out if s.text]


def _short(text: str, limit: int = 40) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- what gives a question's answer away ----------------------------------------------------------


@dataclass(frozen=True)
class Key:
    """One right answer of a core question, as the words that give it away."""

    question: str
    shown: str  # the answer, as the message names it
    phrase: str  # the whole answer, normalised ("" when a phrase would say nothing on its own)
    words: frozenset[str]  # its key words (stems)
    need: int  # how many of them a sentence must hold
    names: frozenset[str] = frozenset()  # a "who" question: its source's name, which the sentence must also hold


def _phrase(text: str) -> str:
    return " ".join(words(_LINE_REF.sub(" ", text)))


def keys_of(lesson: Lesson, q: Question) -> list[Key]:
    rules = design().leaks
    share, least = float(rules["share"]), int(rules["min_words"])
    out: list[Key] = []
    article = " ".join(words(lesson.article.text))
    if q.type in ("single", "multiple") and not q.generated:
        wrong = set().union(*(stems(o.text) for o in q.options if not o.correct)) if any(not o.correct for o in q.options) else set()
        own = stems(q.prompt)
        for o in q.options:
            # an option that is the article's own words: naming it elsewhere says nothing of its being right
            if not o.correct or _phrase(o.text) in article:
                continue
            phrase = _phrase(o.text)
            kw = frozenset(stems(_LINE_REF.sub(" ", o.text)) - wrong - own)
            out.append(Key(q.id, _short(o.text, 60), phrase if len(phrase.split()) >= int(rules["phrase_words"]) else "", kw, max(least, math.ceil(share * len(kw)))))
    elif q.generated and q.annotation:
        ann = lesson.annotation(q.annotation)
        field = _WHO.get(ann.kind)
        source = lesson.source_by_id(ann.get(field) or "") if field else None
        if source is not None and (ann.kind != "claim" or ann.get("stance") == "reported"):
            name = stems(source.name)
            # a quote that is the name itself ("Silva") asks who it is, not who says something
            subject = stems(ann.get("figure") or ann.quote) - name
            if subject and name:
                # a sentence with most of the quote and any word of the source's name
                out.append(Key(q.id, f"{source.name} (for '{_short(ann.quote)}')", "", frozenset(subject), max(1, math.ceil(float(rules["who_share"]) * len(subject))), frozenset(name)))
    return out


def gives_away(text: str, key: Key) -> str:
    """What in ``text`` gives ``key`` away ("" when nothing does)."""
    if key.phrase and f" {key.phrase} " in f" {' '.join(words(text))} ":
        return f"its right option \"{key.shown}\" word for word"
    if len(key.words) < int(design().leaks["min_words"]) and not key.names:
        return ""
    for sentence in sentences(text):
        have = stems(sentence)
        hit = key.words & have
        if len(hit) >= key.need and (not key.names or key.names & have):
            if key.names:
                return f"who it comes from: {key.shown}"
            return f"the key words of its right option \"{key.shown}\" ({', '.join(sorted(hit))})"
    return ""


def _cross(lesson: Lesson, core: tuple[Question, ...], lines: _Lines, path: str) -> list[Problem]:
    out = []
    keys = {q.id: keys_of(lesson, q) for q in core}
    numbers = {q.id: n for n, q in enumerate(core, start=1)}
    for a in core:
        for shown in shown_texts(lesson, a, lines):
            for b in core:
                if b.id == a.id:
                    continue
                same_annotation = bool(a.annotation) and a.annotation == b.annotation
                # the note is shown once every question on it is answered: not before b, if b is on it
                if same_annotation and shown.part.startswith("note"):
                    continue
                # the pair's own stems may share the article's words; what is read before answering b is the issue
                for key in keys[b.id]:
                    why = gives_away(shown.text, key)
                    if why:
                        out.append(Problem(path, shown.line, f"the {shown.part} of core question {numbers[a.id]} ('{a.id}') gives away the answer of core question {numbers[b.id]} ('{b.id}'): {why}; expected text that points to the method, not to another question's answer"))
                        break
    return out


def _own(lesson: Lesson, core: tuple[Question, ...], lines: _Lines, path: str) -> list[Problem]:
    """A multiple-choice question whose stem or hints point to its right options one by one."""
    out = []
    for n, q in enumerate(core, start=1):
        if q.type != "multiple" or q.generated:
            continue
        right = [o for o in q.options if o.correct]
        wrong = set().union(*(stems(o.text + " " + o.feedback) for o in q.options if not o.correct))
        own = [stems(o.text + " " + o.feedback) - wrong for o in right]
        # what sets each right option apart from the others: a word two of them share points to neither
        marks = [m - set().union(*(x for j, x in enumerate(own) if j != i)) for i, m in enumerate(own)]
        for shown in shown_texts(lesson, q, lines):
            if shown.part != "stem" and not shown.part.startswith("hint"):
                continue
            have = stems(shown.text)
            pointed = [o for o, m in zip(right, marks) if m & have]
            if len(pointed) >= 2 and 2 * len(pointed) >= len(right):
                named = ", ".join(sorted({w for m in marks for w in m & have}))
                out.append(Problem(path, shown.line, f"the {shown.part} of core question {n} ('{q.id}') points to {len(pointed)} of its {len(right)} right options one by one ({named}); expected a {shown.part.split()[0]} that says how to decide, not which to tick"))
    return out


def _glosses(lesson: Lesson, core: tuple[Question, ...], lines: _Lines, path: str) -> list[Problem]:
    """A vocabulary definition that judges a word a question asks about, or explains away what a
    question asks students to find out."""
    rules = design().leaks
    judging = [_norm(w) for w in rules["judgement"]]
    answers_kinds = set(rules["gloss_answers"])
    asked = {q.annotation for q in lesson.questions if q.annotation}
    asked |= {item.annotation for q in lesson.questions for item in q.items}
    core_text = _norm(" ".join(q.prompt + " " + " ".join(o.text + " " + o.feedback for o in q.options) + " " + q.explanation for q in core))
    out = []
    for i, term in enumerate(lesson.vocabulary):
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, _norm(term.term).split())) + r"(?!\w)")
        about = [a for a in lesson.published_annotations if a.id in asked and a.quote and pattern.search(_norm(a.quote))]
        about.sort(key=lambda a: a.kind != "loaded-language")  # the judgement's own kind named first
        raw = lines.vocabulary[i] if i < len(lines.vocabulary) else None
        where = lines.of(raw, "definition", 0) if raw is not None else 0
        judged = next((w for w in judging if w in _norm(term.definition)), "")
        size = len(words(term.term))
        own = stems(term.term)
        gloss = stems(term.definition) - own
        framing = next((a for a in about if a.kind in answers_kinds and 2 * size >= len(words(a.quote))), None)
        shared = sorted(gloss & (stems(a_text(framing)) - own)) if framing is not None else []
        if shared:
            out.append(Problem(path, where, f"the gloss of '{term.term}' answers what annotation '{framing.id}' ({framing.kind}) asks students to find out ({', '.join(shared)}); expected a gloss that gives the word's plain meaning and nothing the question asks for, or none"))
        elif judged and (about or pattern.search(core_text)):
            on = f"annotation '{about[0].id}' ({about[0].kind})" if about else "a core question"
            out.append(Problem(path, where, f"the gloss of '{term.term}' judges it ('{judged}'), and {on} asks about that word; expected a plain definition that leaves the judgement to the student"))
    return out


def a_text(a) -> str:
    """What an annotation tells once it is shown: its note and its kind's fields."""
    return " ".join([a.note, *(str(v) for v in a.fields.values())])


def leak_warnings(lesson: Lesson, data) -> list[Problem]:
    """Every side door to a core question's answer in ``lesson``, as warnings (path:line); ``data`` is the
    lesson file as loaded, which holds the lines."""
    path = lesson.path
    lines = _Lines(data)
    core = lesson.core_questions
    return sorted(set(_cross(lesson, core, lines, path) + _own(lesson, core, lines, path) + _glosses(lesson, core, lines, path)))
