"""Turn an imported page's lesson data into a draft that already runs (``build.py new``).

The draft is checked as ``check`` would check it, in a scratch folder, before anything is written: the
suggestions kept for the core set are the ones its questions need, the rest stay suggestions to review.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from closeread.importer import plan
from closeread.importer.people import draft_sources

ORDER = ("title", "summary", "draft", "grade_band", "minutes", "language", "skills", "objectives", "key_points",
         "source", "article", "background", "sources", "sequence", "discussion", "annotations", "core", "vocabulary")


def _ordered(data: dict) -> dict:
    return {k: data[k] for k in ORDER if k in data} | {k: v for k, v in data.items() if k not in ORDER}


def _validated(data: dict, text: str, *, dump):
    """The lesson ``check`` makes of ``data``, or None (with the problems) when it has any."""
    from closeread.validate.lesson import load_lesson

    with tempfile.TemporaryDirectory(prefix="closeread-draft-") as tmp:
        folder = Path(tmp) / "draft"
        folder.mkdir()
        (folder / "article.txt").write_text(text, encoding="utf-8", newline="\n")
        (folder / "lesson.yaml").write_text(dump(data), encoding="utf-8", newline="\n")
        lesson, problems = load_lesson(folder, shown_dir="draft")
    return lesson, problems


def runnable(data: dict, text: str, *, skip=(), captions=(), dump) -> dict:
    """``data`` (the importer's lesson, its annotations all suggestions) with a sources list, the
    suggestions' sources and speakers filled, a sequence, a core set and the skeletons to write.

    ``dump`` turns lesson data into the lesson file's text. Where no core set of the right size fits,
    the draft has none (every question counts as core until the author picks one)."""
    outlet = data["source"].get("outlet", "")
    sources, suggestions = draft_sources(text, data["annotations"], skip=skip, captions=captions, outlet=outlet)
    steps = plan.sequence(data["minutes"])
    base = {**data, "sources": sources, "sequence": steps}
    if not sources:
        base.pop("sources")
    keep = plan.kept_for_core(suggestions)
    keep_ids = {id(s) for s in keep}

    def with_kept(kept_ids: set[int]) -> list[dict]:
        return [plan.kept(s) if id(s) in kept_ids else s for s in suggestions]

    trial, _ = _validated({**base, "annotations": with_kept(keep_ids)}, text, dump=dump)
    core = plan.pick_core(trial) if trial is not None else []
    if not core:
        return _ordered({**base, "annotations": suggestions})
    # keep only the suggestions the core's questions ask about; the others go back to the review list
    used: set[str] = {i[2:] for i in core if i.startswith("g-")}
    for q in trial.questions:
        if q.id in core:
            used.update(item.annotation for item in q.items)
    final_ids = {id(s) for s in keep if plan.kept(s)["id"] in used}
    opened = {q.annotation for q in trial.questions if q.id in core and q.open}  # each needs a rubric
    annotations = []
    for a in with_kept(final_ids):
        if a["id"] in opened:
            a = {**a, "question": {"rubric": plan.rubric_skeleton()}}
        annotations.append(a)
    skills = []
    for q in trial.questions:
        if q.id in core and q.skill and q.skill not in skills:
            skills.append(q.skill)
    result = {**base, "annotations": annotations, "core": core, "skills": skills or data["skills"],
              "objectives": plan.objectives_skeleton(trial, core)}
    vocabulary = plan.vocabulary_skeleton(trial)
    if vocabulary:
        result["vocabulary"] = vocabulary
    result = _ordered(result)
    final, _ = _validated(result, text, dump=dump)
    if final is None:  # the core asked about suggestions that no longer make the same questions: keep them all
        result["annotations"] = [({**a, "question": {"rubric": plan.rubric_skeleton()}} if a["id"] in opened else a)
                                 for a in with_kept(keep_ids)]
        final, _ = _validated(result, text, dump=dump)
        if final is None:
            return _ordered({**base, "annotations": suggestions})
    return result
