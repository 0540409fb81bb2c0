"""Generate questions from annotations with the per-kind templates of the kinds registry."""

from __future__ import annotations

from functools import lru_cache

import jinja2

from closeread.kinds import Kind, registry
from closeread.model import Annotation, Option, Question, SortItem, Source

# Plain-text templates: the output is text, escaped later by the HTML templates that show it.
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_MAX_OPTIONS = 4


@lru_cache(maxsize=None)
def _compiled(template: str) -> jinja2.Template:
    """The registry's few templates, compiled once (compiling is 30 times slower than rendering)."""
    return _ENV.from_string(template)


def _render(template: str, context: dict) -> str:
    return " ".join(_compiled(template).render(**context).split())


def _context(ann: Annotation, sources: dict[str, Source], field: str | None) -> dict:
    a = {name: ann.get(name) for spec in registry()[ann.kind].fields for name in [spec.name]}
    a.update(quote=ann.quote, note=ann.note, id=ann.id)
    src_id = ann.get(field) if field else (ann.get("source") or ann.get("speaker"))
    src = sources.get(src_id) if src_id else None
    return {"a": a, "src": src}


def _source_options(ann: Annotation, kind: Kind, sources: list[Source], ctx: dict) -> tuple[Option, ...] | None:
    answer = ann.get(kind.question["answer_field"])
    others = [s for s in sources if s.id != answer]
    if not others:
        return None
    chosen = {answer, *(s.id for s in others[: _MAX_OPTIONS - 1])}
    explanation = _render(kind.question["explanation"], ctx)
    options = []
    for s in sources:
        if s.id not in chosen:
            continue
        if s.id == answer:
            feedback = f"Right. {explanation}"
        else:
            feedback = f"Not this one: this does not come from {s.name}. Look for who the article credits it to."
        options.append(Option(key=s.id, text=s.name, correct=s.id == answer, feedback=feedback))
    return tuple(options)


def question_for(ann: Annotation, sources: list[Source]) -> Question:
    """The question the annotation's kind template makes of it."""
    kind = registry()[ann.kind]
    spec = kind.question
    by_id = {s.id: s for s in sources}
    ctx = _context(ann, by_id, spec.get("answer_field"))
    prompt = _render(spec["prompt"], ctx)
    explanation = _render(spec["explanation"], ctx)
    common = dict(id=f"g-{ann.id}", prompt=prompt, explanation=explanation, annotation=ann.id, generated=True, line=ann.line)
    if spec["type"] == "single" and spec.get("options_from") == "sources":
        options = _source_options(ann, kind, sources, ctx)
        if options is None:  # a single source leaves nothing to choose from: ask for the answer in words
            return Question(type="short", model_answer=explanation, **common)
        return Question(type="single", options=options, **common)
    if spec["type"] == "single":
        correct = _render(spec["correct"], ctx)
        options = tuple(
            Option(
                key=key,
                text=_render(text, ctx),
                correct=key == correct,
                feedback=f"Right. {explanation}" if key == correct else f"Not quite. {explanation}",
            )
            for key, text in spec["options"].items()
        )
        return Question(type="single", options=options, **common)
    return Question(type="short", model_answer=_render(spec["model_answer"], ctx), **common)


def sort_claims_question(claims: list[Annotation], sources: list[Source]) -> Question:
    """One question that sorts every claim of the lesson into reported and asserted."""
    by_id = {s.id: s for s in sources}
    parts = []
    for c in claims:
        src = by_id.get(c.get("source") or "")
        parts.append(f"'{c.quote}': {c.get('stance')}" + (f" ({src.name})" if src and c.get("stance") == "reported" else ""))
    return Question(
        id="g-sort-claims",
        type="sort",
        prompt="Sort these claims from the article: which are reported (attributed to someone), and which does the outlet assert in its own voice?",
        explanation="; ".join(parts) + ".",
        items=tuple(SortItem(c.id, c.quote, c.get("stance")) for c in claims),
        generated=True,
        line=claims[0].line,
    )


def generate(annotations: list[Annotation], sources: list[Source]) -> list[Question]:
    """Every generated question of a lesson, in reading order of the annotations."""
    published = [a for a in annotations if not a.suggested and a.generate_question]
    questions = [question_for(a, sources) for a in published]
    claims = [a for a in published if a.kind == "claim" and a.quote]
    if len(claims) >= 2:
        questions.append(sort_claims_question(claims, sources))
    return questions
