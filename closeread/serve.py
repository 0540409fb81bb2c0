"""``build.py serve``: MkDocs' live preview, with lessons regenerated whenever one changes.

The watcher must outlive anything an author's editor or the importer does to ``lessons/``: a bad save
is reported and the last good pages stay served until the file is fixed; a file that vanishes while
the folder is scanned (the importer's temporary folders, an editor's swap file) is simply not seen.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path

from closeread.errors import CloseReadError, inert
from closeread.progress import Progress


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    """(modification time, size) of every file under ``folder``; links are not followed, and a file
    or folder that disappears during the scan is left out."""
    seen = {}
    for dirpath, _, filenames in os.walk(folder):  # os.walk skips a folder it cannot list
        for name in filenames:
            path = os.path.join(dirpath, name)
            try:
                info = os.lstat(path)
            except OSError:
                continue
            seen[path] = (info.st_mtime_ns, info.st_size)
    return seen


def _regenerate(root: Path, progress: Progress) -> bool:
    """Regenerate the docs; report what went wrong instead of raising. Returns whether it worked."""
    from closeread.pipeline import generate, write_docs
    from closeread.write.lock import build_lock

    try:
        with build_lock(root, say=progress.say):
            write_docs(root=root, generated=generate(root=root, pdf=False, progress=Progress.quiet()))
        progress.say("lessons regenerated")
        return True
    except CloseReadError as exc:
        for line in exc.lines():
            progress.say(inert(line))
    except Exception as exc:  # noqa: BLE001 - the preview must keep running whatever one save does
        progress.say(inert(f"lessons: not regenerated ({type(exc).__name__}: {exc}); expected a fix and a save, then it is tried again"))
    return False


def watch(root: Path, progress: Progress, *, stop: threading.Event, interval: float = 1.0) -> None:
    """Regenerate whenever a file under ``lessons/`` changes, until ``stop`` is set."""
    lessons = root / "lessons"
    seen = _snapshot(lessons)
    while not stop.wait(interval):
        try:
            now = _snapshot(lessons)
            if now != seen:
                seen = now
                _regenerate(root, progress)
        except Exception as exc:  # noqa: BLE001 - see _regenerate
            progress.say(inert(f"lessons: the watcher met {type(exc).__name__}: {exc}; it keeps watching"))


def serve(*, root: Path, teacher: bool = False, dev_addr: str = "127.0.0.1:8000") -> None:
    """Regenerate once, then serve; a watcher thread regenerates the pages when lessons/ changes."""
    from mkdocs.commands.serve import serve as mkdocs_serve

    progress = Progress()
    _regenerate(root, progress)
    stop = threading.Event()
    threading.Thread(target=watch, args=(root, progress), kwargs={"stop": stop}, daemon=True).start()
    config = root / ("mkdocs-teacher.yml" if teacher else "mkdocs.yml")
    try:
        mkdocs_serve(config_file=str(config), dev_addr=dev_addr, livereload=True)
    finally:
        stop.set()
