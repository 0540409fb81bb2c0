"""``build.py suggest SLUG``: propose annotations for an existing lesson without touching its files.

The proposals go to ``lessons/<slug>/suggestions.yaml``, a file this command owns and rewrites; the
author copies what they keep into lesson.yaml. Proposals that overlap an annotation of the same kind
already in the lesson are left out, and nothing is proposed on the parts of the page the lesson marks
as furniture or photo credits.

A fresh draft (``language: TODO``, no objectives yet) is not a valid lesson, but its article is all the
suggester needs: when the lesson does not validate, the article and its parts are read straight from
lesson.yaml (safely) and the suggestions are made all the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from closeread.errors import CloseReadError, LessonError, Problem, inert
from closeread.load.lessonfiles import MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, read_text
from closeread.load.yamlfile import load_yaml
from closeread.suggest import suggest
from closeread.validate.anchor import ArticleIndex, anchor
from closeread.validate.kit import shown_path
from closeread.validate.lesson import load_lesson

SUGGESTIONS_FILE = "suggestions.yaml"
NOT_ARTICLE = ("furniture", "credit")
_HEADER = (
    "# Suggested annotations, made by `python build.py suggest {slug}`. This file is rewritten each time\n"
    "# the command runs and is not read by the build: copy the entries you keep into the `annotations`\n"
    "# of lesson.yaml (and delete their `suggested: true` line to publish them).\n"
)


@dataclass(frozen=True)
class Written:
    path: Path
    count: int
    why_none: str  # when count is 0: why nothing was proposed


@dataclass(frozen=True)
class _Draft:
    text: str
    skip: tuple[tuple[int, int], ...]
    captions: tuple[tuple[int, int], ...]
    taken: tuple[tuple[str, int, int], ...]
    ids: frozenset[str]


def _from_lesson(folder: Path, root: Path, slug: str) -> _Draft:
    lesson, problems = load_lesson(folder, shown_dir=shown_path(folder, root))
    if lesson is not None:
        lines = lesson.article.lines
        skip = tuple((ln.start, ln.start + len(ln.text)) for ln in lines if ln.role in NOT_ARTICLE)
        captions = tuple((ln.start, ln.start + len(ln.text)) for ln in lines if ln.role == "caption")
        taken = tuple((a.kind, a.span.start, a.span.end) for a in lesson.annotations if a.span)
        return _Draft(lesson.article.text, skip, captions, taken, frozenset(a.id for a in lesson.annotations))
    draft = _from_files(folder)
    if draft is None:
        raise LessonError(problems or [Problem(f"lessons/{slug}/lesson.yaml", 0, "the lesson could not be read")])
    return draft


def _from_files(folder: Path) -> _Draft | None:
    """The article and its marked parts of a lesson that does not validate yet (a fresh draft)."""
    # read as validation reads: no link followed, no device or pipe, size and YAML aliases limited
    source, _ = read_text(folder / "lesson.yaml", "lesson.yaml", limit=MAX_LESSON_BYTES)
    data = load_yaml(source.text, path="lesson.yaml")[0] if source is not None else None
    if not isinstance(data, dict):
        return None
    article = data.get("article") if isinstance(data.get("article"), dict) else {}
    name = article.get("file") if isinstance(article.get("file"), str) else "article.txt"
    if "/" in name or "\\" in name or name.startswith("."):
        return None
    article_file, _ = read_text(folder / name, name, limit=MAX_ARTICLE_BYTES)
    if article_file is None:
        return None
    text = article_file.text
    index = ArticleIndex(text)
    skip, captions = [], []
    for part in article.get("parts") or []:
        if isinstance(part, dict) and part.get("role") in (*NOT_ARTICLE, "caption") and isinstance(part.get("quote"), str):
            found = anchor(index, part["quote"], occurrence=part.get("occurrence"))
            if found.match is not None:
                (captions if part["role"] == "caption" else skip).append((found.match.start, found.match.end))
    taken, ids = [], set()
    for a in data.get("annotations") or []:
        if not isinstance(a, dict):
            continue
        if isinstance(a.get("id"), str):
            ids.add(a["id"])
        if isinstance(a.get("quote"), str) and isinstance(a.get("kind"), str):
            found = anchor(index, a["quote"], occurrence=a.get("occurrence"))
            if found.match is not None:
                taken.append((a["kind"], found.match.start, found.match.end))
    return _Draft(text, tuple(skip), tuple(captions), tuple(taken), frozenset(ids))


def _why_none(draft: _Draft, proposed: int) -> str:
    if not draft.text.strip():
        return "the article is empty"
    if proposed:
        return f"all {proposed} proposals overlap annotations the lesson already has"
    inside = set()
    for start, end in draft.skip:
        inside.update(range(start, end))
    if all(i in inside or ch.isspace() for i, ch in enumerate(draft.text)):
        return "every line of the article is marked as page furniture or a photo credit in article.parts"
    return ("the rules found nothing to propose (they read English news text: a figure, a quotation, a "
            "named source, a reporting verb, a loaded word or a hedge)")


def write_suggestions(*, root: Path, slug: str) -> Written:
    """Write the lesson's new suggestions; return the file's path, how many, and why none if none."""
    from closeread.validate.schema import lesson_name_problem

    wrong = lesson_name_problem(slug)  # a path such as ../../elsewhere would write outside lessons/
    if wrong:
        raise CloseReadError(f"suggest: '{inert(slug)}' {wrong} (a folder name in lessons/)")
    folder = root / "lessons" / slug
    if not (folder / "lesson.yaml").exists():
        known = sorted(p.name for p in (root / "lessons").iterdir() if p.is_dir()) if (root / "lessons").is_dir() else []
        from closeread.validate.schema import did_you_mean

        hint = did_you_mean(slug, known) if known else "; expected the name of a folder in lessons/"
        raise CloseReadError(f"lessons/{slug}: no such lesson{hint}")
    draft = _from_lesson(folder, root, slug)
    index = ArticleIndex(draft.text)
    fresh = []
    proposals = suggest(draft.text, skip=draft.skip, captions=draft.captions)
    for s in proposals:
        found = anchor(index, s["quote"], occurrence=s.get("occurrence"))
        if found.match is None:
            continue
        m = found.match
        if any(k == s["kind"] and start < m.end and end > m.start for k, start, end in draft.taken):
            continue
        if s["id"] in draft.ids:
            continue
        fresh.append(s)
    target = folder / SUGGESTIONS_FILE
    why = "" if fresh else _why_none(draft, len(proposals))
    header = _HEADER.format(slug=slug) + (f"# Nothing to propose: {why}.\n" if why else "")
    body = yaml.safe_dump({"annotations": fresh}, sort_keys=False, allow_unicode=True, width=100)
    target.write_text(header + body, encoding="utf-8")
    return Written(target, len(fresh), why)
