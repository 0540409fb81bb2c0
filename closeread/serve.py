"""``build.py serve``: a live preview in which a saved lesson shows within seconds, even at 1,000 lessons.

Starting, it generates everything once (as ``build --no-pdf``) and builds the site into a temporary
folder. Then a save is taken the quick way: only the lessons' pages and catalogues are generated again
(unchanged lessons come from the lesson cache; the LMS and print exports are left as they were), only
the pages whose Markdown changed are written, and MkDocs rebuilds only those pages (its ``--dirty``
build, which also keeps the search index of the pages it did not rebuild). The browser reloads by
itself. ``python build.py`` remains the full, correct build of both sites.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import threading
import time
from pathlib import Path

from closeread.errors import CloseReadError
from closeread.progress import Progress

POLL_S = 0.25  # how often lessons/ (and MkDocs, docs/) are looked at: a stat of every file, some 10-40 ms at 1,000 lessons


def snapshot(lessons: Path) -> dict[str, tuple[int, int]]:
    """Size and modification time of every file one or two levels under ``lessons/``."""
    seen: dict[str, tuple[int, int]] = {}
    try:
        top = list(os.scandir(lessons))
    except FileNotFoundError:
        return seen
    for entry in top:
        if entry.is_dir():
            try:
                inner = list(os.scandir(entry.path))
            except FileNotFoundError:
                continue
            for f in inner:
                if f.is_file():
                    st = f.stat()
                    seen[f.path] = (st.st_size, st.st_mtime_ns)
        elif entry.is_file():
            st = entry.stat()
            seen[entry.path] = (st.st_size, st.st_mtime_ns)
    return seen


def regenerate_all(root: Path, progress: Progress) -> bool:
    """Everything ``build --no-pdf`` generates, written into docs/."""
    from closeread.pipeline import generate, write_docs

    try:
        write_docs(root=root, generated=generate(root=root, pdf=False, progress=Progress.quiet()))
    except CloseReadError as exc:
        for line in exc.lines():
            progress.say(line)
        return False
    return True


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
        for owned in OWNED:
            claim_folder(docs / owned, shown=f"docs/{owned}")
        written = 0
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
                self.progress.say(line)
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
            self.progress.say(line)
        self.progress.say(
            f"{len(folders)} lesson folder(s) changed: {written} pages regenerated in {time.perf_counter() - start:.2f} s"
            + (" (downloads are refreshed by `python build.py`)" if written else "")
        )
        return True

    def run(self) -> None:
        while True:
            time.sleep(POLL_S)
            try:
                self.check()
            except Exception as exc:  # a preview keeps running whatever one save did
                self.progress.say(f"serve: regenerating failed: {exc}")


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

    server = LiveReloadServer(builder=builder, host=host, port=int(port), root=site_dir, polling_interval=POLL_S)
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
