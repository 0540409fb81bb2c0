"""``build.py serve``: MkDocs' live preview, with lessons regenerated whenever one changes."""

from __future__ import annotations

import threading
import time
from pathlib import Path

from closeread.errors import CloseReadError
from closeread.progress import Progress


def _snapshot(folder: Path) -> dict[str, float]:
    return {str(p): p.stat().st_mtime for p in folder.rglob("*") if p.is_file()}


def _regenerate(root: Path, progress: Progress) -> None:
    from closeread.pipeline import generate, write_docs

    try:
        write_docs(root=root, generated=generate(root=root, pdf=False, progress=Progress.quiet()))
        progress.say("lessons regenerated")
    except CloseReadError as exc:
        for line in exc.lines():
            progress.say(line)


def serve(*, root: Path, teacher: bool = False, dev_addr: str = "127.0.0.1:8000") -> None:
    """Regenerate once, then serve; a watcher thread regenerates the pages when lessons/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    progress = Progress()
    _regenerate(root, progress)
    lessons = root / "lessons"

    def watch():
        seen = _snapshot(lessons)
        while True:
            time.sleep(1.0)
            now = _snapshot(lessons)
            if now != seen:
                seen = now
                _regenerate(root, progress)

    threading.Thread(target=watch, daemon=True).start()
    config = root / ("mkdocs-teacher.yml" if teacher else "mkdocs.yml")
    mkdocs_serve(config_file=str(config), dev_addr=dev_addr, livereload=True)
