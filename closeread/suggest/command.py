"""``build.py suggest SLUG``: propose annotations for an existing lesson without touching its files.

The proposals go to ``lessons/<slug>/suggestions.yaml``, a file this command owns and rewrites; the
author copies what they keep into lesson.yaml. Proposals that overlap an annotation of the same kind
already in the lesson are left out.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from closeread.errors import CloseReadError, LessonError, Problem
from closeread.suggest import suggest
from closeread.validate.anchor import ArticleIndex, anchor
from closeread.validate.kit import shown_path
from closeread.validate.lesson import load_lesson

SUGGESTIONS_FILE = "suggestions.yaml"
_HEADER = (
    "# Suggested annotations, made by `python build.py suggest {slug}`. This file is rewritten each time\n"
    "# the command runs and is not read by the build: copy the entries you keep into the `annotations`\n"
    "# of lesson.yaml (and delete their `suggested: true` line to publish them).\n"
)


def write_suggestions(*, root: Path, slug: str) -> Path:
    """Write the lesson's new suggestions; return the file's path."""
    folder = root / "lessons" / slug
    if not (folder / "lesson.yaml").exists():
        known = sorted(p.name for p in (root / "lessons").iterdir() if p.is_dir()) if (root / "lessons").is_dir() else []
        from closeread.validate.schema import did_you_mean

        hint = did_you_mean(slug, known) if known else "; expected the name of a folder in lessons/"
        raise CloseReadError(f"lessons/{slug}: no such lesson{hint}")
    lesson, problems = load_lesson(folder, shown_dir=shown_path(folder, root))
    if lesson is None:
        raise LessonError(problems or [Problem(f"lessons/{slug}/lesson.yaml", 0, "the lesson could not be read")])
    index = ArticleIndex(lesson.article.text)
    taken = [(a.kind, a.span.start, a.span.end) for a in lesson.annotations if a.span]
    ids = {a.id for a in lesson.annotations}
    fresh = []
    for s in suggest(lesson.article.text):
        found = anchor(index, s["quote"], occurrence=s.get("occurrence"))
        if found.match is None:
            continue
        m = found.match
        if any(k == s["kind"] and start < m.end and end > m.start for k, start, end in taken):
            continue
        if s["id"] in ids:
            continue
        fresh.append(s)
    target = folder / SUGGESTIONS_FILE
    body = yaml.safe_dump({"annotations": fresh}, sort_keys=False, allow_unicode=True, width=100)
    target.write_text(_HEADER.format(slug=slug) + body, encoding="utf-8")
    return target
