"""``build.py serve``: a live preview in which a saved lesson shows within seconds, even at 1,000 lessons.

Starting, it generates everything once (as ``build --no-pdf``) and builds the site into a temporary
folder. Then a save is taken the quick way: only the lessons' pages and catalogues are generated again
(unchanged lessons come from the lesson cache; the LMS and print exports are left as they were), only
the pages whose Markdown changed are written, and MkDocs rebuilds only those pages (its ``--dirty``
build, which also keeps the search index of the pages it did not rebuild). The browser reloads by
itself. ``python build.py`` remains the full, correct build of both sites.

The watcher must outlive anything an author's editor or the importer does to ``lessons/``: a bad save
is reported and the last good pages stay served until the file is fixed; a file that vanishes while
the folder is scanned (the importer's temporary folders, an editor's swap file) is simply not seen.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from closeread.errors import CloseReadError, inert
from closeread.load.chars import BAD, describe
from closeread.progress import Progress

MAX_PATH = 2048  # characters: the longest address the built site has is a few hundred
POLL_S = 0.25  # how often lessons/ (and MkDocs, docs/) are looked at: a stat of every file, some 10-40 ms at 1,000 lessons


def _stat(entry: os.DirEntry) -> tuple[int, int] | None:
    try:
        if not entry.is_file(follow_symlinks=False):
            return None
        st = entry.stat(follow_symlinks=False)
    except OSError:  # gone since the folder was listed
        return None
    return (st.st_size, st.st_mtime_ns)


def snapshot(lessons: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file one or two levels under ``lessons/``; links are not
    followed, and a file or folder that disappears during the scan is left out."""
    seen: dict[str, tuple[int, int]] = {}
    try:
        top = list(os.scandir(lessons))
    except OSError:
        return seen
    for entry in top:
        try:
            is_dir = entry.is_dir(follow_symlinks=False)
        except OSError:
            continue
        if is_dir:
            try:
                inner = list(os.scandir(entry.path))
            except OSError:
                continue
            for f in inner:
                if (found := _stat(f)) is not None:
                    seen[f.path] = found
        elif (found := _stat(entry)) is not None:
            seen[entry.path] = found
    return seen


def regenerate_all(root: Path, progress: Progress) -> bool:
    """Everything ``build --no-pdf`` generates, written into docs/."""
    from closeread.pipeline import generate, write_docs
    from closeread.write.lock import build_lock

    try:
        with build_lock(root, say=progress.say):  # a build running at the same time shares docs/
            write_docs(root=root, generated=generate(root=root, pdf=False, progress=Progress.quiet()))
        progress.say("lessons regenerated")
        return True
    except CloseReadError as exc:
        for line in exc.lines():
            progress.say(inert(line))
    except Exception as exc:  # noqa: BLE001 - the preview must keep running whatever one save does
        progress.say(inert(f"lessons: not regenerated ({type(exc).__name__}: {exc}); expected a fix and a save, then it is tried again"))
    return False


def listing(lesson) -> tuple:
    """What the catalogues, the glossary and the assignment builder show of a lesson: when none of it
    changed (a note, a question's wording, the article), a save re-renders the lesson's own pages only."""
    return (
        lesson.title, lesson.summary, lesson.source.outlet, lesson.grade_band, lesson.minutes, tuple(lesson.skills),
        lesson.draft, tuple(lesson.kinds), len(lesson.questions),
        tuple((a.kind, a.id, a.quote, None if a.quote else a.note) for a in lesson.published_annotations),
    )


class Preview:
    """The kit as the preview last rendered it: each lesson with its pages, and every generated page's
    text as written into docs/. A save re-validates and re-renders only the lesson folders whose files
    changed; the catalogues are rendered again from the lessons in memory, and only the pages whose
    text changed are written (nothing is removed: ``python build.py`` tidies up)."""

    def __init__(self, *, root: Path):
        from closeread.cache import LessonCache
        from closeread.render.pages import lesson_pages
        from closeread.validate.kit import load_kit

        self.root = root
        cache = LessonCache(root)  # warm: the full regeneration has just filled it
        lessons = load_kit(root=root, cache=cache, pages_for=lesson_pages)
        self.lessons = {lesson.slug: (lesson, cache.pages(lesson.slug) or lesson_pages(lesson)) for lesson in lessons}
        self.kit_pages: dict[str, str] = self._kit_pages()
        self.written: dict[str, str] = self._pages()
        self.seen = snapshot(root / "lessons")

    def _kit_pages(self) -> dict[str, str]:
        """The catalogues, the glossary and the assignment builder, from every lesson."""
        from closeread.render.pages import kit_pages

        return kit_pages([self.lessons[slug][0] for slug in sorted(self.lessons)])

    def _pages(self) -> dict[str, str]:
        pages = dict(self.kit_pages)
        for slug in sorted(self.lessons):
            pages.update(self.lessons[slug][1])
        return pages

    def changed_folders(self) -> set[Path]:
        now = snapshot(self.root / "lessons")
        if now == self.seen:
            return set()
        lessons = self.root / "lessons"
        changed = {Path(p) for p in set(now) ^ set(self.seen)} | {Path(p) for p in now if p in self.seen and now[p] != self.seen[p]}
        self.seen = now
        return {p if p.parent == lessons else p.parent for p in changed if p.parent == lessons or p.parent.parent == lessons}

    def update(self, folders: set[Path]) -> tuple[int, list[str]]:
        """Take the changed lesson folders in; return (pages written, problems as lines)."""
        from closeread.pipeline import OWNED
        from closeread.render.pages import lesson_pages
        from closeread.validate.kit import shown_path
        from closeread.validate.lesson import load_lesson
        from closeread.write.files import claim_folder, write_if_changed
        from closeread.write.lock import build_lock

        problems: list[str] = []
        listed = {slug: listing(lesson) for slug, (lesson, _) in self.lessons.items()}
        for folder in sorted(folders):
            if not (folder / "lesson.yaml").exists():
                self.lessons.pop(folder.name, None)  # a lesson removed (or not yet complete)
                continue
            lesson, found = load_lesson(folder, shown_dir=shown_path(folder, self.root))
            if found or lesson is None:
                problems.extend(str(p) for p in found)
                continue
            self.lessons[lesson.slug] = (lesson, lesson_pages(lesson))
        if {slug: listing(lesson) for slug, (lesson, _) in self.lessons.items()} != listed:
            self.kit_pages = self._kit_pages()  # a title, skill, count... changed: the lists show it
        pages = self._pages()
        docs = self.root / "docs"
        written = 0
        with build_lock(self.root):  # a build running at the same time shares docs/
            for owned in OWNED:
                claim_folder(docs / owned, shown=f"docs/{owned}")
            for path, text in sorted(pages.items()):
                if self.written.get(path) != text:
                    written += write_if_changed(docs / path, text.encode("utf-8"))
        self.written = pages
        return written, problems


class Watcher:
    """Looks at lessons/ every POLL_S seconds; on a change, updates the preview's pages."""

    def __init__(self, *, root: Path, progress: Progress):
        self.root = root
        self.progress = progress
        self.seen = snapshot(root / "lessons")
        self.preview = self._start()

    def _start(self) -> Preview | None:
        """The preview needs every lesson valid once; until then, each save is checked whole."""
        try:
            return Preview(root=self.root)
        except CloseReadError as exc:
            for line in exc.lines():
                self.progress.say(inert(line))
        except Exception as exc:  # noqa: BLE001 - see run()
            self.progress.say(inert(f"lessons: the preview could not start ({type(exc).__name__}: {exc}); each save is checked whole until it can"))
        return None

    def check(self) -> bool:
        if self.preview is None:
            now = snapshot(self.root / "lessons")
            if now == self.seen:
                return False
            self.seen = now
            if regenerate_all(self.root, self.progress):
                self.preview = self._start()
                self.progress.say("every lesson is valid again: pages regenerated")
            return True
        folders = self.preview.changed_folders()
        if not folders:
            return False
        start = time.perf_counter()
        written, problems = self.preview.update(folders)
        for line in problems:
            self.progress.say(inert(line))
        self.progress.say(
            f"{len(folders)} lesson folder(s) changed: lessons regenerated, {written} pages written in {time.perf_counter() - start:.2f} s"
            + (" (downloads are refreshed by `python build.py`)" if written else "")
        )
        return True

    def run(self, stop: threading.Event | None = None, interval: float = POLL_S) -> None:
        stop = stop or threading.Event()
        while not stop.wait(interval):
            try:
                self.check()
            except Exception as exc:  # noqa: BLE001 - a preview keeps running whatever one save did
                self.progress.say(inert(f"lessons: the watcher met {type(exc).__name__}: {exc}; it keeps watching"))


def watch(root: Path, progress: Progress, *, stop: threading.Event, interval: float = POLL_S) -> None:
    """Take every save under ``lessons/`` in, until ``stop`` is set."""
    Watcher(root=root, progress=progress).run(stop, interval)


def bad_path(path: str) -> str | None:
    """Why a requested path cannot name a file of the site (a NUL, a control character, too long), or None."""
    if len(path) > MAX_PATH:
        return f"the address is {len(path):,} characters long; expected at most {MAX_PATH:,}"
    found = BAD.search(path)
    if found:
        return f"the address holds {describe(found.group())}; expected a page of the site"
    return None


def _preview_server(base):
    """MkDocs' dev server, answering a path no file can have with 400 and one log line: its own handler
    opens such a path (``GET /%00``: a NUL in a file name) and logs the ValueError with a traceback."""

    class PreviewServer(base):
        def serve_request(self, environ, start_response):
            raw = environ.get("PATH_INFO", "")
            path = raw.encode("latin-1", "replace").decode("utf-8", "replace")
            why = bad_path(path)
            if why is None:
                return super().serve_request(environ, start_response)
            logging.getLogger("mkdocs").warning("%s %s: 400 (%s)", environ.get("REQUEST_METHOD", "GET"), inert(path[:200]), why)
            start_response("400 Bad Request", [("Content-Type", "text/plain; charset=utf-8")])
            return [b"400 Bad Request\n"]

    return PreviewServer


def serve(*, root: Path, teacher: bool = False, dev_addr: str = "127.0.0.1:8000") -> None:
    """Generate once, build into a temporary folder and serve it with live reload; a watcher thread
    regenerates the pages when lessons/ changes, and MkDocs rebuilds just the changed pages."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.livereload import LiveReloadServer

    progress = Progress()
    regenerate_all(root, progress)
    config_file = root / ("mkdocs-teacher.yml" if teacher else "mkdocs.yml")
    host, _, port = dev_addr.rpartition(":")
    site_dir = tempfile.mkdtemp(prefix="closeread-serve-")
    serve_url = f"http://{host}:{port}/"
    logging.getLogger("mkdocs").setLevel(logging.INFO)
    if not logging.getLogger("mkdocs").handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
        logging.getLogger("mkdocs").addHandler(handler)

    def get_config():
        # a preview is not strict: a page the author is halfway through should still show
        config = load_config(str(config_file), site_dir=site_dir, strict=False, dev_addr=f"{host}:{port}")
        config.site_url = serve_url
        return config

    config = get_config()
    # plugins with on_startup (Material's search among them) keep their state from build to build,
    # which is how a dirty build keeps the search entries of the pages it did not rebuild
    config.plugins.on_startup(command="serve", dirty=True)

    def builder(config=None):
        start = time.perf_counter()
        build(config or get_config(), serve_url=serve_url, dirty=True)
        progress.say(f"site rebuilt in {time.perf_counter() - start:.1f} s")

    server = _preview_server(LiveReloadServer)(builder=builder, host=host, port=int(port), root=site_dir, polling_interval=POLL_S)
    try:
        builder(config)
        server.watch(str(root / "docs"))
        server.watch(str(config_file))
        if teacher:
            server.watch(str(root / "mkdocs.yml"))
        threading.Thread(target=Watcher(root=root, progress=progress).run, daemon=True).start()
        progress.say(f"serving {'the teacher' if teacher else 'the student'} site on {serve_url} (Ctrl+C stops)")
        try:
            server.serve()
        except KeyboardInterrupt:
            pass
        finally:
            server.shutdown()
    finally:
        config.plugins.on_shutdown()
        shutil.rmtree(site_dir, ignore_errors=True)
