"""What an author should check after an import: the metadata the page may have got wrong, and the
roles of the article's first lines (printed by ``build.py new``)."""

from __future__ import annotations

from pathlib import Path

import yaml

FIRST_LINES = 6


def _short(text: str, width: int = 50) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3].rstrip() + "..."


def checklist(folder: Path) -> list[str]:
    """The lines to print, read back from the lesson the import wrote."""
    data = yaml.load((folder / "lesson.yaml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    src = data.get("source", {})
    todo = lambda v: str(v).startswith("TODO")  # noqa: E731
    out = ["check in lesson.yaml:"]
    outlet = src.get("outlet", "")
    out.append(f"  source.outlet: {'not found; write the outlet' if todo(outlet) else _short(outlet) + ' (the outlet, as it names itself?)'}")
    out.append("  source.outlet_type: to write (independent, state-controlled, public broadcaster, fact-checker, ...)")
    published = src.get("published", "")
    out.append(f"  source.published: {'not found; write it' if todo(published) else str(published) + ' (from the page)'}")
    out.append(f"  source.retrieved: {src.get('retrieved')}, the day of this import; write the day you saved the page if it was earlier")
    roles = {}
    for part in (data.get("article") or {}).get("parts", []):
        roles.setdefault(" ".join(str(part.get("quote", "")).split()), (part.get("role"), part.get("label")))
    lines = [(n, t) for n, t in enumerate((folder / "article.txt").read_text(encoding="utf-8").split("\n"), start=1) if t.strip()]
    shown = []
    for n, text in lines[:FIRST_LINES]:
        role, label = roles.get(" ".join(text.split()), ("body", None))
        shown.append(f"    line {n}: {role}{f' ({label})' if label and label.lower() != role else ''}: {_short(text)}")
    out.append("  roles of the first lines (article.parts):")
    out.extend(shown)
    core = data.get("core") or []
    sources = data.get("sources") or []
    steps = data.get("sequence") or []
    pending = sum(1 for a in data.get("annotations", []) if a.get("suggested"))
    out.append(f"drafted: {len(sources)} sources, a sequence of {sum(s.get('minutes', 0) for s in steps)} minutes, "
               f"a core set of {len(core)} questions; {pending} suggestions to review; 'python build.py check' lists what is still to do")
    return out
