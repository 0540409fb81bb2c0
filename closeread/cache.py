"""Validated lessons and their rendered pages, cached by the content of their files and of the code.

A lesson whose folder and whose code (this package, its templates and data, the Python and library
versions) are unchanged since the last build is neither validated nor rendered again: its model and
its two pages come from ``.closeread-cache/lessons/``. Entries are only ever written for lessons that
validated, and an unreadable entry is simply a miss.

Later stages keep what they make from one lesson beside its entry, under the same key and a name of
their own (``<key>.<part>.pickle``, say the export stage's quiz parts and print pages): such a part
is only as old as the lesson and the code, and goes when the lesson's entry goes.
"""

from __future__ import annotations

import gc
import hashlib
import pickle
import re
import sys
from functools import cache
from importlib import metadata
from pathlib import Path

from closeread.load.lessonfiles import MAX_ARTICLE_BYTES, MAX_LESSON_BYTES, read_limited
from closeread.model import Lesson
from closeread.trust import loads as trust_loads
from closeread.trust import seal, secret, unseal
from closeread.write.files import write_if_changed

CACHE_DIR = Path(".closeread-cache") / "lessons"
_PACKAGE = Path(__file__).resolve().parent
_IGNORED = {"suggestions.yaml"}  # written by `build.py suggest`, never read by the build
_PART_NAME = re.compile(r"[a-z0-9-]+")  # no dot: prune reads the key as what comes before the first one


@cache
def code_version() -> str:
    """A hash of everything besides the lesson that shapes a lesson's model and pages."""
    h = hashlib.sha256(sys.version.encode())
    for dist in ("jinja2", "markupsafe", "pyyaml", "lxml"):  # lxml: the export parts kept beside entries
        try:
            h.update(f"{dist}={metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(dist.encode())
    for path in sorted(_PACKAGE.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".j2", ".css", ".html"):
            h.update(path.relative_to(_PACKAGE).as_posix().encode())
            h.update(path.read_bytes())
    return h.hexdigest()


class LessonCache:
    def __init__(self, root: Path):
        secret()  # made before any worker process is forked, so that they all share it
        self.root = root
        self.folder = root / CACHE_DIR
        self._keys: dict[str, str] = {}
        self._entries: dict[str, tuple[Lesson, dict[str, str]]] = {}

    def key(self, lesson_dir: Path) -> str:
        h = hashlib.sha256(code_version().encode())
        h.update(lesson_dir.name.encode("utf-8", "surrogateescape"))
        for path in sorted(lesson_dir.iterdir()):
            if path.name in _IGNORED:
                continue
            try:  # only what validation itself would read: no link followed, no device, no endless file
                data = read_limited(path, limit=MAX_LESSON_BYTES + MAX_ARTICLE_BYTES)
            except OSError as exc:
                if path.is_dir() and not path.is_symlink():
                    continue  # a folder in a lesson is not part of it
                data = f"unreadable: {exc.errno}".encode()  # a key no validated lesson has
            h.update(b"\0" + path.name.encode("utf-8", "surrogateescape") + b"\0")
            h.update(data)
        key = h.hexdigest()
        self._keys[lesson_dir.name] = key
        return key

    def lesson(self, lesson_dir: Path) -> Lesson | None:
        """The cached model of an unchanged lesson, or None."""
        entry = read_entry(self.folder / f"{self.key(lesson_dir)}.pickle")
        if entry is None:
            return None
        self._entries[lesson_dir.name] = entry
        return entry[0]

    def lessons(self, lesson_dirs: list[Path]) -> list[Lesson | None]:
        """``lesson`` for each folder. A thousand cached lessons are a million objects with no cycle
        among them: the cyclic garbage collector walked them again and again as they arrived, a third
        of an unchanged kit's validation and generation. So it is paused while they are read, and they
        then go straight to its oldest generation (``freeze`` then ``unfreeze`` moves every live object
        there), which it walks least often."""
        collecting = gc.isenabled()
        gc.disable()
        try:
            return [self.lesson(folder) for folder in lesson_dirs]
        finally:
            gc.freeze()
            gc.unfreeze()
            if collecting:
                gc.enable()

    def pages(self, slug: str) -> dict[str, str] | None:
        entry = self._entries.get(slug)
        return entry[1] if entry else None

    def entry_path(self, lesson_dir: Path) -> Path | None:
        """Where the entry for this lesson folder goes (after ``key``/``lesson`` looked at it)."""
        key = self._keys.get(lesson_dir.name)
        return self.folder / f"{key}.pickle" if key else None

    def kit_key(self, slugs: list[str], *extra: str) -> str | None:
        """A key for something made from these lessons together, in this order (and from ``extra``):
        it changes with any of their files, the code, the set of lessons and their order. None when a
        lesson has no key (the caller then keeps nothing)."""
        keys = [self._keys.get(slug) for slug in slugs]
        if None in keys:
            return None
        h = hashlib.sha256(code_version().encode())
        for part in (*extra, "\0lessons", *(f"{slug}\0{key}" for slug, key in zip(slugs, keys))):
            data = part.encode("utf-8", "surrogateescape")
            h.update(len(data).to_bytes(8, "big"))  # length-prefixed: parts cannot run into each other
            h.update(data)
        return h.hexdigest()

    def remember(self, lesson: Lesson, pages: dict[str, str]) -> None:
        """Keep a freshly validated and rendered lesson for the next build."""
        key = self._keys.get(lesson.slug)
        if key is None:
            return
        self._entries[lesson.slug] = (lesson, pages)
        write_entry(self.folder / f"{key}.pickle", pickle.dumps((lesson, pages), protocol=pickle.HIGHEST_PROTOCOL))

    def adopt(self, lesson: Lesson, pages: dict[str, str]) -> None:
        """Take a lesson and its pages whose entry a worker process has already written."""
        self._entries[lesson.slug] = (lesson, pages)

    def part(self, slug: str, name: str):
        """What a later stage kept for this (unchanged) lesson under ``name``, or None."""
        key = self._keys.get(slug)
        return read_entry(self.folder / f"{key}.{name}.pickle") if key is not None else None

    def keep_part(self, slug: str, name: str, value) -> None:
        """Keep ``value`` for this lesson under ``name`` (lower-case letters, digits and hyphens) for
        the next build; a lesson the cache has no key for is not kept."""
        if not _PART_NAME.fullmatch(name):
            raise ValueError(f"cache part name {name!r}: expected lower-case letters, digits and hyphens")
        key = self._keys.get(slug)
        if key is None:
            return
        write_entry(self.folder / f"{key}.{name}.pickle", pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL))

    def prune(self) -> None:
        """Forget entries, and the parts kept beside them, that no lesson of this build uses."""
        if not self.folder.is_dir():
            return
        keep = set(self._keys.values())
        for path in self.folder.iterdir():
            if path.name.split(".", 1)[0] not in keep:
                path.unlink(missing_ok=True)


def read_entry(path: Path):
    """A pickled entry or part, or None when it is missing, unreadable, or not written by this user's
    builds (a miss, never an error; see closeread.trust)."""
    try:
        with open(path, "rb") as fh:
            blob = unseal(fh.read())
        return None if blob is None else trust_loads(blob)
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError, IndexError, KeyError):
        return None


def write_entry(path: Path, blob: bytes) -> None:
    """Write one pickled ``(lesson, pages)`` entry atomically (a worker process may call this). The
    cache only saves time: a full disk or a read-only folder leaves the entry unwritten (a miss next
    time), and the build goes on to fail, or not, on the files it must write."""
    try:
        write_if_changed(path, seal(blob))
    except OSError:
        pass
