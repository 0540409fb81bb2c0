"""Generate questions from annotations with the per-kind templates of the kinds registry.

Not every annotation earns a question: one that a written question already covers gets none, each kind
gets at most ``design().per_kind`` spread through the article (the lesson's core set always kept), and
the questions of one kind take turns through the kind's stems so that a page does not repeat itself.
"""

from __future__ import annotations

import hashlib
import re
from functools import lru_cache

import jinja2

from closeread.design import design
from closeread.kinds import Kind, registry
from closeread.model import Annotation, Article, Option, Question, SortItem, Source, Tuning

# Plain-text templates: the output is text, escaped later by the HTML templates that show it.
_ENV = jinja2.Environment(undefined=jinja2.StrictUndefined, autoescape=False, keep_trailing_newline=False)
_MAX_OPTIONS = 4
_STORY_ROLES = ("headline", "subheading", "body", "caption", "credit")
# a sentence ends at . ! or ? (and any closing quotes) before white space
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+")
# kinds whose quotes are statements the article attributes to someone: the wrong options of a
# "which is speculation?" question
_ATTRIBUTED = ("quote", "figure", "claim")


@lru_cache(maxsize=None)
def _compiled(template: str) -> jinja2.Template:
    """The registry's few templates, compiled once (compiling is 30 times slower than rendering)."""
    return _ENV.from_string(template)


def _render(template: str, context: dict) -> str:
    return " ".join(_compiled(template).render(**context).split())


def _sentence(article: Article, start: int, end: int) -> tuple[str, int, int]:
    """The sentence of the article line that holds [start, end), and the quote's offsets in it."""
    line = next((ln for ln in reversed(article.lines) if ln.start <= start), article.lines[0])
    text, a, b = line.text, start - line.start, end - line.start
    s = 0
    for m in _SENTENCE_END.finditer(text):
        if m.end() <= a:
            s = m.end()
        elif m.start() >= b:
            text = text[: m.start() + 1]
            break
    return text[s:].strip(), a - s, b - s


_QUOTE_MARKS = "\"'“”‘’"


def _unwrapped(quote: str) -> str:
    """A quote that is itself in quotation marks (scare quotes) without them: the stems add their own."""
    if len(quote) > 2 and quote[0] in _QUOTE_MARKS and quote[-1] in _QUOTE_MARKS:
        return quote[1:-1]
    return quote


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.start() + 1].strip() if m else text.strip()


def _context(ann: Annotation, sources: dict[str, Source], field: str | None, article: Article) -> dict:
    a = {name: ann.get(name) for spec in registry()[ann.kind].fields for name in [spec.name]}
    a.update(quote=_unwrapped(ann.quote), note=ann.note, id=ann.id, note_first=_first_sentence(ann.note), line=0, line_role="body", sentence="", neutral_sentence="")
    if ann.span is not None:
        a["line"] = ann.span.first_line
        a["line_role"] = article.lines[ann.span.first_line - 1].role
        sentence, qs, qe = _sentence(article, ann.span.start, ann.span.end)
        a["sentence"] = sentence
        if ann.get("neutral"):
            a["neutral_sentence"] = sentence[:qs] + str(ann.get("neutral")) + sentence[qe:]
    # the sentence in quotation marks, unless it already opens and closes with them
    ns = a["neutral_sentence"]
    a["neutral_sentence_quoted"] = ns if ns[:1] in _QUOTE_MARKS and ns[-1:] in _QUOTE_MARKS else f"“{ns}”"
    src_id = ann.get(field) if field else (ann.get("source") or ann.get("speaker"))
    src = sources.get(src_id) if src_id else None
    return {"a": a, "src": src}


def _shuffled(items: list, seed: str) -> list:
    """A fixed order that does not follow the source: the same for the same question, every build."""
    return sorted(items, key=lambda o: hashlib.sha256(f"{seed}\0{o.key}".encode()).digest())


def _source_options(ann: Annotation, kind: Kind, sources: list[Source], explanation: str) -> tuple[Option, ...] | None:
    answer = ann.get(kind.question["answer_field"])
    others = [s for s in sources if s.id != answer]
    if not others:
        return None
    chosen = {answer, *(s.id for s in others[: _MAX_OPTIONS - 1])}
    options = []
    for s in sources:
        if s.id not in chosen:
            continue
        if s.id == answer:
            feedback = ""  # the explanation follows a right answer: the option need not repeat it
        else:
            feedback = f"Not this one: the article does not credit it to {s.name}. Look for the words that say who it comes from."
        options.append(Option(key=s.id, text=s.name, correct=s.id == answer, feedback=feedback))
    return tuple(options)


def _statement_options(ann: Annotation, others: list[Annotation], sources: dict[str, Source], explanation: str) -> tuple[Option, ...] | None:
    """The speculation among attributed statements of the same lesson, nearest in the article first."""
    pool = [o for o in others if o.kind in _ATTRIBUTED and o.span is not None and o.id != ann.id and (o.kind != "claim" or o.get("stance") == "reported")]
    if not pool or ann.span is None:
        return None
    pool.sort(key=lambda o: (abs(o.span.start - ann.span.start), o.span.start))
    options = [Option(key=ann.id, text=ann.quote, correct=True, feedback="")]
    for o in pool[: _MAX_OPTIONS - 2]:
        src = sources.get(o.get("source") or o.get("speaker") or "")
        who = f"attributes it to {src.name}" if src else "attributes it to a source"
        options.append(Option(key=o.id, text=o.quote, correct=False, feedback=f"Not this one: the article {who} (line {o.span.first_line}). Speculation hints or guesses without a source or evidence."))
    return tuple(_shuffled(options, ann.id))


def question_for(ann: Annotation, sources: list[Source], *, article: Article, stem: int = 0, others: list[Annotation] = ()) -> Question:
    """The question the annotation's kind template makes of it, with the kind's ``stem``-th prompt."""
    kind = registry()[ann.kind]
    spec = kind.question
    by_id = {s.id: s for s in sources}
    ctx = _context(ann, by_id, spec.get("answer_field"), article)
    prompts = spec["prompts"]
    n = stem % len(prompts)
    prompt = _render(prompts[n], ctx)
    for _ in prompts:  # a stem may render empty for this annotation: take the next
        if prompt:
            break
        n = (n + 1) % len(prompts)
        prompt = _render(prompts[n], ctx)
    explanation = _render(spec["explanation"], ctx)
    tuning = ann.tuning or Tuning()
    common = dict(
        id=f"g-{ann.id}",
        prompt=prompt,
        explanation=explanation,
        annotation=ann.id,
        generated=True,
        line=ann.line,
        skill=kind.skill,
        stem=f"{kind.name}:{n + 1}",
        hints=tuning.hints,
        rubric=tuning.rubric,
        starters=tuning.starters,
    )

    def make(qtype: str, **rest) -> Question:
        minutes = tuning.minutes if tuning.minutes is not None else design().minutes_for(qtype) + (design().look_up_minutes if tuning.look_up else 0)
        return Question(type=qtype, minutes=minutes, look_up=tuning.look_up, **common, **rest)

    if spec["type"] == "single" and spec.get("options_from") == "sources":
        options = _source_options(ann, kind, sources, explanation)
        if options is None:  # a single source leaves nothing to choose from: ask for the answer in words
            return make("short", model_answer=explanation)
        return make("single", options=options)
    if spec["type"] == "single" and spec.get("options_from") == "statements":
        options = _statement_options(ann, list(others), by_id, explanation)
        if options is None:  # nothing to compare it with: ask why it is speculation
            common["prompt"] = f"Why is '{ann.quote}' speculation rather than a fact the article shows?"
            return make("short", model_answer=explanation)
        return make("single", options=options)
    if spec["type"] == "single":
        correct = _render(spec["correct"], ctx)
        wrong = _render(spec["wrong"], ctx) if "wrong" in spec else "Read the lines again."
        options = tuple(
            Option(key=key, text=_render(text, ctx), correct=key == correct, feedback="" if key == correct else wrong)
            for key, text in spec["options"].items()
        )
        return make("single", options=options)
    return make("short", model_answer=_render(spec["model_answer"], ctx))


def sort_claims_question(claims: list[Annotation], sources: list[Source]) -> Question:
    """One question that sorts claims of the lesson into reported and asserted."""
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
        minutes=design().minutes_for("sort"),
        skill=registry()["claim"].skill,
        stem="sort:1",
    )


def _spread(items: list[Annotation], count: int) -> list[Annotation]:
    """``count`` of ``items`` (in reading order) spread evenly through them: the middle of each of
    ``count`` equal runs, so a cap does not keep only the top of the article."""
    n = len(items)
    if count >= n:
        return list(items)
    if count <= 0:
        return []
    return [items[(2 * i + 1) * n // (2 * count)] for i in range(count)]


def _speaker_beside(a: Annotation, sources: dict[str, Source], article: Article) -> bool:
    """A quotation whose own sentence names its speaker ("..., Lukashenko said"): asking who said it
    tests nothing but finding the name beside it."""
    if a.kind != "quote" or a.span is None:
        return False
    speaker = sources.get(a.get("speaker") or "")
    if speaker is None:
        return False
    sentence, qs, qe = _sentence(article, a.span.start, a.span.end)
    around = (sentence[:qs] + " " + sentence[qe:]).casefold()
    words = [w for w in re.findall(r"\w+", speaker.name.casefold()) if len(w) > 2]
    return bool(words) and words[-1] in around


def _position(a: Annotation) -> tuple:
    return (a.span is None, a.span.start if a.span else 0, a.line)


def generate(
    annotations: list[Annotation],
    sources: list[Source],
    *,
    article: Article,
    core: tuple[str, ...] = (),
    covered: frozenset[str] = frozenset(),
    written_sort: bool = False,
) -> list[Question]:
    """The generated questions of a lesson, in reading order of their annotations, the sort last.

    ``core``: the lesson's core question ids (a generated one named there is always made);
    ``covered``: annotations a written question is about (they get no generated question);
    ``written_sort``: the author wrote a sort question, so none is generated.
    """
    wanted = {qid[2:] for qid in core if qid.startswith("g-")}
    published = [a for a in annotations if not a.suggested and a.generate_question]
    eligible = [a for a in published if a.id in wanted or a.id not in covered]
    cap = design().per_kind
    chosen: list[Annotation] = []
    sort_items: list[Annotation] = []
    kinds = registry()
    by_source = {s.id: s for s in sources}
    eligible = [a for a in eligible if a.id in wanted or not _speaker_beside(a, by_source, article)]
    for name in kinds:
        of_kind = sorted((a for a in eligible if a.kind == name), key=_position)
        must = [a for a in of_kind if a.id in wanted]
        rest = [a for a in of_kind if a.id not in wanted]
        if name == "claim" and not written_sort:
            sortable = [a for a in rest if a.quote and a.get("stance") in ("reported", "asserted")]
            if len(sortable) >= 2:
                # the sort asks about these claims: none of them is asked again on its own
                sort_items = _spread(sortable, design().sort_items)
                rest = [a for a in rest if a not in sort_items]
        chosen.extend(must + _spread(rest, cap - len(must)))
    chosen.sort(key=_position)
    turn: dict[str, int] = {}
    questions = []
    for a in chosen:
        n = turn.get(a.kind, 0)
        turn[a.kind] = n + 1
        questions.append(question_for(a, sources, article=article, stem=n, others=published))
    if sort_items:
        questions.append(sort_claims_question(sort_items, sources))
    return questions
