"""What makes a fresh import a lesson that already runs: a sequence for its minutes, a core set drawn
from the suggestions it keeps, and the skeletons (objectives, rubric, vocabulary) the author writes.

Everything the author must still write or check starts with ``TODO`` (docs/authoring/lesson-format.md):
``check`` lists each as still to do while the lesson is a draft, and fails a published lesson that
keeps one. The figures are data: the ``draft`` section of closeread/data/design.yaml.
"""

from __future__ import annotations

import re
from collections import Counter

from closeread.design import design
from closeread.kinds import registry
from closeread.model import Lesson

CHECK = "TODO check: "  # a drafted text the author reads, corrects and keeps (deleting the marker)


def sequence(minutes: int) -> list[dict]:
    """The steps of ``draft.sequence`` for a lesson of ``minutes``; the questions step takes the rest."""
    steps = design().draft["sequence"]
    out = [{"step": s["step"], "minutes": max(1, int(minutes * s["share"] + 0.5)) if "share" in s else 0, "text": s["text"]} for s in steps]
    rest = minutes - sum(s["minutes"] for s in out)
    for s in out:
        if s["step"] == "questions":
            s["minutes"] = max(1, rest)
    return out


def question_minutes(steps: list[dict]) -> int:
    return sum(s["minutes"] for s in steps if s["step"] == "questions")


def _complete(suggestion: dict) -> bool:
    """Whether a suggestion has every field its kind requires of a kept annotation."""
    kind = registry().get(suggestion.get("kind", ""))
    if kind is None or kind.document_level or "quote" not in suggestion:
        return False
    if any(spec.required and spec.name not in suggestion for spec in kind.fields):
        return False
    return not (suggestion["kind"] == "claim" and suggestion.get("stance") == "reported" and "source" not in suggestion)


def _spread(items: list, count: int) -> list:
    n = len(items)
    if count >= n:
        return list(items)
    return [items[(2 * i + 1) * n // (2 * count)] for i in range(count)]


def kept_for_core(suggestions: list[dict]) -> list[dict]:
    """The suggestions kept (at most ``kept_per_kind`` of each kind, spread through the article) for
    the core set to be drawn from; each becomes an annotation ``a-...`` whose note the author checks."""
    per_kind = design().draft["kept_per_kind"]
    by_kind: dict[str, list[dict]] = {}
    for s in suggestions:
        if _complete(s):
            by_kind.setdefault(s["kind"], []).append(s)
    # claims: enough for the generated sort and a few asked one by one
    extra = {"claim": design().sort_items + per_kind}
    chosen = {id(s) for kind, items in by_kind.items() for s in _spread(items, extra.get(kind, per_kind))}
    return [s for s in suggestions if id(s) in chosen]


def kept(suggestion: dict) -> dict:
    """A suggestion as a kept annotation: a new id, its note marked for checking, no 'suggested'."""
    out = {k: v for k, v in suggestion.items() if k != "suggested"}
    out["id"] = "a-" + suggestion["id"].removeprefix("s-")
    out["note"] = CHECK + suggestion.get("note", "")
    return out


def pick_core(lesson: Lesson) -> list[str]:
    """8 to 12 generated questions that fit the question minutes: the sort first if there is one, then
    one question of each kind in turn (reading order within a kind), then ``open_in_core`` open ones."""
    rules = design()
    budget = lesson.question_phase
    size = min(rules.draft["core_size"], rules.core_max)
    generated = [q for q in lesson.questions if q.generated]
    chosen: list = []
    minutes = 0.0

    def take(q) -> bool:
        nonlocal minutes
        if len(chosen) >= size or minutes + q.minutes > budget or q in chosen:
            return False
        chosen.append(q)
        minutes += q.minutes
        return True

    for q in generated:
        if q.type == "sort":
            take(q)
    queues: dict[str, list] = {}
    for q in generated:
        if q.auto_checked and q.type != "sort":
            queues.setdefault(lesson.annotation(q.annotation).kind, []).append(q)
    # an open question on loaded words asks most; a neutral "said" asks least
    open_ = sorted((q for q in generated if q.open), key=lambda q: (
        lesson.annotation(q.annotation).kind != "loaded-language",
        str(lesson.annotation(q.annotation).get("implies", "")).startswith("Neutral")))
    reserve = sum(q.minutes for q in open_[: rules.draft["open_in_core"]])
    while any(queues.values()) and len(chosen) < size - min(len(open_), rules.draft["open_in_core"]):
        for kind in list(queues):
            if queues[kind] and len(chosen) < size - min(len(open_), rules.draft["open_in_core"]):
                q = queues[kind].pop(0)
                if minutes + q.minutes + reserve <= budget:
                    take(q)
    for q in open_[: rules.draft["open_in_core"]]:
        take(q)
    # too few: claims the sort holds are asked one by one (a claim the core names leaves the sort), as
    # long as the sort keeps two
    ids = [q.id for q in chosen]
    sorted_claims = [item.annotation for q in chosen if q.type == "sort" for item in q.items]
    sortable = len(sorted_claims)
    single = rules.minutes_for("single")
    for claim in _spread(sorted_claims, len(sorted_claims)):
        if len(ids) >= rules.core_min or sortable <= 2 or minutes + single > budget:
            break
        ids.append(f"g-{claim}")
        minutes += single
        sortable -= 1
    # still too few: more open questions (each with a rubric skeleton to write)
    for q in open_[rules.draft["open_in_core"]:]:
        if len(ids) >= rules.core_min or minutes + q.minutes > budget:
            break
        ids.append(q.id)
        minutes += q.minutes
    if len(ids) < rules.core_min:
        return []
    position = {a.id: (a.span.start if a.span else 0) for a in lesson.annotations}
    order = {q.id: (position.get(q.annotation, 10**9), i) for i, q in enumerate(lesson.questions)}
    return sorted(ids, key=lambda i: order.get(i, (position.get(i[2:], 10**9), 0)))


def rubric_skeleton() -> dict:
    return {level: {"does": f"TODO: what a {level} answer does", "sample": f"TODO: a short {level} answer"}
            for level in design().rubric_levels}


def objectives_skeleton(lesson: Lesson, core: list[str]) -> list[str]:
    """One objective to write per skill the core practises, most practised first."""
    by_id = {q.id: q for q in lesson.questions}
    skills = Counter(by_id[i].skill for i in core if i in by_id and by_id[i].skill)
    if not skills:
        return ["TODO: I can ... (what a student can do after the lesson)"]
    return [f"TODO: I can ... (a skill the core set practises: {skill})" for skill, _ in skills.most_common()]


def vocabulary_skeleton(lesson: Lesson) -> list[dict]:
    """The article body's longest lower-case words, each with a definition to write: candidates the
    author keeps, replaces or deletes."""
    rules = design().draft
    words: dict[str, int] = {}
    for line in lesson.article.lines:
        if line.role not in ("body", "standfirst", "subheading"):
            continue
        for w in re.findall(r"(?<![\w'’-])[a-z][a-z-]*[a-z](?![\w'’-])", line.text):
            if len(w) >= rules["vocabulary_min_letters"]:
                words.setdefault(w, len(words))
    best = sorted(words, key=lambda w: (-len(w), words[w]))[: rules["vocabulary_terms"]]
    return [{"term": w, "definition": "TODO: what it means here, in a few plain words"} for w in sorted(best, key=words.get)]
