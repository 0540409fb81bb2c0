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


_STEM_OPENERS = {"Who", "Whose", "What", "Which", "Is", "Does", "Do", "The", "Story", "According", "How", "Why", "Where", "Name", "Rewrite", "Compare", "Find"}


def _unwrapped(quote: str) -> str:
    """A quote as a stem shows it: without quotation marks of its own (scare quotes: the stems add their
    own) and without a comma, colon or full stop it ends on ("PTI," reads as a slip, and the stem's own
    punctuation follows)."""
    quote = quote.strip()
    if len(quote) > 2 and quote[0] in _QUOTE_MARKS and quote[-1] in _QUOTE_MARKS:
        quote = quote[1:-1]
    return quote.rstrip(",;:– —.")


def _shown_quote(quote: str, before: str) -> str:
    """The quote, with an ellipsis in front when it starts in the middle of a phrase (a lower-case word
    with words of the same sentence before it): "… say you've got to ..." shows it was cut."""
    if quote[:1].islower() and before.strip() and before.rstrip()[-1:] not in ".!?:":
        return "… " + quote
    return quote


def _inside_quotation(text: str, at: int) -> bool:
    """Is offset ``at`` of ``text`` inside double quotation marks (a speaker's words)?"""
    head = text[:at]
    if head.count('"') % 2:
        return True
    return head.rfind("“") > head.rfind("”")


_NAME_FILLER = {"The", "And", "For", "Of", "New"}  # capitalised words of names that say nothing alone


def _named(text: str, sources: dict[str, Source]) -> Source | None:
    """The first source of the lesson whose name (a capitalised word of it) ``text`` holds."""
    for s in sources.values():
        for w in re.findall(r"[A-Z][\w'’.-]+", s.name):
            if len(w) > 2 and w not in _NAME_FILLER and re.search(r"(?<!\w)" + re.escape(w) + r"(?!\w)", text):
                return s
    return None


def _saying(text: str) -> bool:
    """Does ``text`` hold a verb of saying (the claim kind's list) or "according to"?"""
    forms = registry()["claim"].question.get("saying", ())
    low = text.casefold()
    return any(re.search(r"(?<!\w)" + re.escape(f) + r"(?!\w)", low) for f in forms)


def stance_decided(ann: Annotation, article: Article, sources: dict[str, Source]) -> bool:
    """Does the claim's own sentence decide reported or asserted? Reported: the sentence names its
    source and has a verb of saying; asserted: the sentence has neither a source's name nor such a verb.
    (A claim spanning lines, or an unclear one, is not decided.)"""
    if ann.span is None or ann.get("stance") not in ("reported", "asserted"):
        return False
    sentence, qs, qe = _sentence(article, ann.span.start, ann.span.end)
    around = sentence[:qs] + " " + sentence[qe:]
    if ann.get("stance") == "reported":
        src = sources.get(ann.get("source") or "")
        return src is not None and _named(around, {src.id: src}) is not None and _saying(around)
    return not _saying(around) and _named(sentence, sources) is None


def _first_sentence(text: str) -> str:
    m = _SENTENCE_END.search(text)
    return text[: m.start() + 1].strip() if m else text.strip()


def _neutral_sentence(ann: Annotation, article: Article, others: list[Annotation]) -> str:
    """The annotation's sentence with its neutral wording in place, and every other loaded phrase of
    the same sentence (outside quotation marks) replaced by its own: a rewrite keeps none of them."""
    sentence, qs, qe = _sentence(article, ann.span.start, ann.span.end)
    start = ann.span.start - qs
    line = next(ln for ln in reversed(article.lines) if ln.start <= ann.span.start)
    swaps = [(qs, qe, str(ann.get("neutral")))]
    for o in others:
        if o.id == ann.id or o.kind != "loaded-language" or o.span is None or not o.get("neutral"):
            continue
        s, e = o.span.start - start, o.span.end - start
        if 0 <= s and e <= len(sentence) and not (s < qe and e > qs) and not _inside_quotation(line.text, o.span.start - line.start):
            swaps.append((s, e, str(o.get("neutral"))))
    out = sentence
    for s, e, text in sorted(swaps, reverse=True):
        out = out[:s] + text + out[e:]
    return out


def _whose(ann: Annotation, article: Article, sources: dict[str, Source]) -> str:
    """Whose words the loaded phrase is, when they are not the outlet's to change: "" for the outlet's
    own, else e.g. "Stephanie Grisham's (inside her quotation marks)"."""
    line = next(ln for ln in reversed(article.lines) if ln.start <= ann.span.start)
    at = ann.span.start - line.start
    sentence, qs, qe = _sentence(article, ann.span.start, ann.span.end)
    around = sentence[:qs] + " " + sentence[qe:]
    if _inside_quotation(line.text, at):
        src = _named(around, sources)
        return f"{_mid(src.name)}'s (inside the quotation marks)" if src else "the speaker's (inside quotation marks)"
    if line.role == "headline":
        src = _named(line.text[:at] + " " + line.text[at + len(ann.quote):], sources)
        if src is not None:
            return f"{_mid(src.name)}'s (the headline credits them to {_mid(src.name)})"
    return ""


def _mid(name: str) -> str:
    """A name as it reads inside a sentence: "The White House" -> "the White House"."""
    return "the" + name[3:] if name.startswith("The ") else name


def _context(ann: Annotation, sources: dict[str, Source], field: str | None, article: Article, others: list[Annotation] = ()) -> dict:
    a = {name: ann.get(name) for spec in registry()[ann.kind].fields for name in [spec.name]}
    a.update(quote=_unwrapped(ann.quote), note=ann.note, id=ann.id, note_first=_first_sentence(ann.note), line=0, line_role="body", sentence="", neutral_sentence="", quoted="")
    if ann.span is not None:
        a["line"] = ann.span.first_line
        a["line_role"] = article.lines[ann.span.first_line - 1].role
        sentence, qs, qe = _sentence(article, ann.span.start, ann.span.end)
        a["sentence"] = sentence
        if ann.kind == "quote":  # a speaker's words cut from a longer sentence
            a["quote"] = _shown_quote(a["quote"], sentence[:qs])
        if ann.get("neutral"):
            a["neutral_sentence"] = _neutral_sentence(ann, article, list(others))
            a["quoted"] = _whose(ann, article, sources)
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
    # options of one form: a one-word guess ("likely") among whole sentences stands out by its shape,
    # so a statement less than a third or more than three times as long as the right one is left out
    size = len(ann.quote.split())
    pool = [o for o in pool if 3 * len(o.quote.split()) >= size and len(o.quote.split()) <= 3 * size]
    if not pool:
        return None
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
    ctx = _context(ann, by_id, spec.get("answer_field"), article, list(others))
    prompts = spec["prompts"]
    n = stem % len(prompts)
    prompt = _render(prompts[n], ctx)
    for _ in prompts:  # a stem may render empty for this annotation: take the next
        if prompt:
            break
        n = (n + 1) % len(prompts)
        prompt = _render(prompts[n], ctx)
    # every stem says where to look, except one whose options are statements from several lines (the
    # right one's line would give it away)
    if ctx["a"]["line"] and spec.get("options_from") != "statements" and not re.search(r"\blines? \d", prompt, re.IGNORECASE):
        first, _, rest = prompt.partition(" ")
        # "Line 6: who ...", as the kinds' own "Line N:" stems read; a name keeps its capital
        prompt = f"Line {ctx['a']['line']}: {first.lower() if first in _STEM_OPENERS else first} {rest}"
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
    """One question that sorts claims of the lesson into reported and asserted. Its explanation keeps to
    its point, the stance: naming each claim's source would answer the lesson's "who says so?" questions."""
    parts = [f"'{c.quote}': {c.get('stance')}" for c in claims]
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


def _names_itself(a: Annotation, sources: dict[str, Source]) -> bool:
    """A source whose words are only its own name (a transcript's label "JON SIEBEN", "Sieben" alone):
    asking who is behind it tests nothing but reading the name."""
    if a.kind != "source" or not a.quote:
        return False
    source = sources.get(a.get("source") or "")
    if source is None:
        return False
    said = re.findall(r"\w+", a.quote.casefold())
    return bool(said) and set(said) <= set(re.findall(r"\w+", source.name.casefold()))


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
    eligible = [a for a in eligible if a.id in wanted
                or not (_speaker_beside(a, by_source, article) or _names_itself(a, by_source))]
    if kinds["claim"].question.get("decided_only"):
        # a claim whose sentence does not decide reported or asserted gets no stance question, even when
        # the core names it (the core check then says why)
        eligible = [a for a in eligible if a.kind != "claim" or stance_decided(a, article, by_source)]
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
