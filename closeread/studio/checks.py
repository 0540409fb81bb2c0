"""``check`` for the studio: the lesson validated as ``build.py check`` validates it, its messages tied
to what they concern (an annotation, a question, a lesson field), and the questions a core set can
be picked from.

The core picker needs the lesson's questions, generated ones included, even while the core set itself
is what fails (too long, too short): the lesson is then checked once more without its ``core`` list, in
a copy made in a temporary folder.
"""

from __future__ import annotations

import re
import tempfile
from dataclasses import dataclass
from pathlib import Path

from closeread.errors import Problem
from closeread.model import Lesson
from closeread.load.lessonfiles import MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, read_limited
from closeread.load.yamlfile import load_yaml
from closeread.questions.generate import generate
from closeread.validate.lesson import _covered, load_lesson


@dataclass(frozen=True)
class Checked:
    lesson: Lesson | None
    problems: tuple[Problem, ...]
    questions: tuple  # the lesson's questions (from the core-less copy when the lesson fails)
    phase: int  # minutes the lesson gives to questions (0 when it could not be told)
    warnings: tuple[Problem, ...] = ()  # what a draft still lacks ("to do before publishing") and what may be a mistake


def check(folder: Path) -> Checked:
    shown = f"lessons/{folder.name}"
    lesson, problems = load_lesson(folder, shown_dir=shown)
    if lesson is not None:
        return Checked(lesson, tuple(problems), lesson.questions, lesson.question_phase, tuple(getattr(lesson, "warnings", ())))
    questions, phase = _without_core(folder)
    return Checked(None, tuple(problems), questions, phase)


def _without_core(folder: Path) -> tuple[tuple, int]:
    # the folder may be a stranger's: its two files are read as the build reads them (no link followed,
    # nothing past the limits), and nothing else of it is copied
    try:
        text = read_limited(folder / "lesson.yaml", limit=MAX_LESSON_BYTES).decode("utf-8-sig")
    except (OSError, ValueError):
        return (), 0
    data, _ = load_yaml(text, path="lesson.yaml")
    core = data.get("core") if isinstance(data, dict) else None
    core = tuple(c for c in core if isinstance(c, str)) if isinstance(core, list) else ()
    article = data.get("article") if isinstance(data, dict) else None
    name = article.get("file", "article.txt") if isinstance(article, dict) else "article.txt"
    # drop the top-level core list: 'core: [...]' on one line, or 'core:' and its indented or dashed lines
    stripped = re.sub(r"(?m)^core:[^\n]*\n(?:(?:[ \t-][^\n]*)?\n)*", "", text)
    with tempfile.TemporaryDirectory(prefix="closeread-studio-") as tmp:
        copy = Path(tmp) / folder.name
        copy.mkdir()
        (copy / "lesson.yaml").write_text(stripped, encoding="utf-8")
        if isinstance(name, str) and name and "/" not in name and "\\" not in name and not name.startswith(".") and name != "lesson.yaml":
            try:
                (copy / name).write_bytes(read_limited(folder / name, limit=MAX_ARTICLE_BYTES))
            except (OSError, ValueError):
                pass  # the check of the copy says the article is missing; the lesson's own check said why
        lesson, _ = load_lesson(copy, shown_dir=f"lessons/{folder.name}")
    if lesson is None:
        return (), 0
    # generated again as the validator generates them with the core set: a generated question the core
    # names is made even past its kind's cap
    written = tuple(q for q in lesson.questions if not q.generated)
    generated = generate(lesson.annotations, lesson.sources, article=lesson.article, core=core,
                         covered=frozenset(_covered(list(written))), written_sort=any(q.type == "sort" for q in written))
    return written + tuple(generated), lesson.question_phase


def item_lines(seq) -> list[tuple[int, str]]:
    """(first line, id) of each mapping of a sequence as the safe loader read it."""
    if not isinstance(seq, list) or not hasattr(seq, "line_of"):
        return []
    return [(seq.line_of(i), str(item.get("id", ""))) for i, item in enumerate(seq) if isinstance(item, dict)]


def place(problems, data, article_file: str) -> list[dict]:
    """Each problem with what it concerns: ``annotation``, ``question`` or ``key`` (a top-level key),
    or ``article_line`` for a problem in the article file."""
    keys = [(data.line_of(k), str(k)) for k in data] if isinstance(data, dict) and hasattr(data, "line_of") else []
    anns = item_lines(data.get("annotations")) if isinstance(data, dict) else []
    qs = item_lines(data.get("questions")) if isinstance(data, dict) else []
    out = []
    for p in problems:
        entry = {"line": p.line, "message": p.message, "text": str(p), "file": p.path.rsplit("/", 1)[-1]}
        if entry["file"] == article_file:
            entry["article_line"] = p.line
        elif p.line:
            key = _last_at(keys, p.line)
            entry["key"] = key
            if key == "annotations":
                entry["annotation"] = _last_at(anns, p.line)
            elif key == "questions":
                entry["question"] = _last_at(qs, p.line)
        out.append(entry)
    return out


def _last_at(lines: list[tuple[int, str]], line: int) -> str:
    found = ""
    for start, name in lines:
        if start <= line:
            found = name
    return found
