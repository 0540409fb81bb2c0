"""The files of one lesson folder that the studio reads and writes.

Only plain names of the folder are opened (``lesson.yaml``, ``suggestions.yaml``, the article), never
through a symbolic link, and with the build's size limits. A write goes to a temporary file in the same
folder, is flushed to disk and swapped with the old file in one step (``renameat2(RENAME_EXCHANGE)``), so
that an editor, a build or a crash sees the old file or the new one, never half of one. The file swapped
out is then read: if it is not the one the studio read (an editor saved it meanwhile), it is swapped
back and nothing is written. The file is also read just before the swap, so that a save made while the
action was worked out is refused without the swap ever showing the studio's text. A check before a
plain rename alone left a gap between the two in which an editor's save was lost. Between a swap and
its swap back (microseconds, and only when a save landed in that gap) the studio's text is in place: a
program that reads the file just then and writes on top of what it read can still lose its save (an
editor saves its buffer; it does not). Where the file system cannot swap (FAT), the check and the
rename are all there is.

An action that changes two files (a suggestion kept leaves ``suggestions.yaml`` for ``lesson.yaml``)
writes them all or not at all (``write_all``): both new texts are on disk before either is put in place,
and should the second fail, the first gets back the old file the swap kept aside, unless the author
saved over the studio's text meanwhile.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from closeread.swap import exchange
from closeread.load.lessonfiles import MAX_LESSON_BYTES, read_limited, why_unreadable

LESSON = "lesson.yaml"
SUGGESTIONS = "suggestions.yaml"
WRITABLE = (LESSON, SUGGESTIONS)


class OutsideLesson(ValueError):
    """A name that is not one of the lesson's own files."""


class Unreadable(OSError):
    """A file of the lesson that is there but cannot be read as the build reads it; the message says why."""


class Changed(RuntimeError):
    """The file changed on disk since the studio read it."""


@dataclass(frozen=True)
class Snapshot:
    name: str
    text: str | None  # None: the file does not exist
    digest: str


def digest_of(text: str | None) -> str:
    return "none" if text is None else hashlib.sha256(text.encode("utf-8")).hexdigest()[:20]


class LessonFolder:
    def __init__(self, folder: Path):
        self.folder = Path(folder)
        if self.folder.is_symlink() or not self.folder.is_dir():
            raise OutsideLesson(f"{folder}: not a lesson folder; expected a real folder in lessons/")

    @property
    def slug(self) -> str:
        return self.folder.name

    def _path(self, name: str, *, writing: bool) -> Path:
        allowed = WRITABLE if writing else None
        if (allowed is not None and name not in allowed) or not name or "/" in name or "\\" in name \
                or name.startswith(".") or "\x00" in name:
            raise OutsideLesson(f"'{name}' is not a file the studio may {'write' if writing else 'read'}; expected one of {', '.join(WRITABLE)}")
        return self.folder / name

    def read(self, name: str) -> Snapshot:
        path = self._path(name, writing=False)
        shown = f"lessons/{self.slug}/{name}"
        try:
            data = read_limited(path, limit=MAX_LESSON_BYTES)
        except FileNotFoundError:
            return Snapshot(name, None, digest_of(None))
        except OSError as exc:  # a link, a pipe, a file past the limit: a stranger's folder may hold any
            raise Unreadable(f"{shown}: {why_unreadable(exc, MAX_LESSON_BYTES)}") from None
        try:
            text = _decoded(data)
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            raise Unreadable(f"{shown}:{line}: invalid UTF-8 byte 0x{data[exc.start]:02x}; expected UTF-8 text (save it again as UTF-8)") from None
        return Snapshot(name, text, digest_of(text))

    def write(self, name: str, text: str | None, *, expected: str) -> Snapshot:
        """Replace ``name`` with ``text`` (None removes it) if it still has the digest ``expected``."""
        return self.write_all({name: (text, expected)})[name]

    def write_all(self, changes: dict[str, tuple[str | None, str]]) -> dict[str, Snapshot]:
        """Write every file of ``changes`` (name -> (text or None to remove, expected digest)), all or none.

        Every new text is first written to a temporary file and flushed; only then are they put in place,
        one after the other, each old file kept aside. Should one fail (changed on disk meanwhile, a full
        disk), those already put in place get their old file back, unless the author saved over the
        studio's text meanwhile (their save is never thrown away), and the failure is raised."""
        paths = {name: self._path(name, writing=True) for name in changes}
        for name, path in paths.items():
            if path.is_symlink():
                raise OutsideLesson(f"{name} is a symbolic link; the studio writes only regular files of the lesson folder")
        staged: dict[str, Path | None] = {}
        placed: list[tuple[str, Path | None, str]] = []  # (name, the old file kept aside or None, digest put in place)
        try:
            for name, (text, _) in changes.items():
                staged[name] = self._stage(name, text)  # removes its own temporary file should it fail
            try:
                for name, (text, expected) in changes.items():
                    tmp, staged[name] = staged[name], None  # _put removes or places it
                    placed.append((name, self._put(name, tmp, expected=expected, ours=digest_of(text)), digest_of(text)))
            except BaseException:
                for name, kept, ours in reversed(placed):
                    self._restore(name, kept, ours=ours)
                raise
            for _, kept, _ in placed:
                if kept is not None:
                    os.unlink(kept)
            self._sync_folder()
        finally:
            for tmp in staged.values():
                if tmp is not None and tmp.exists():
                    os.unlink(tmp)
        return {name: Snapshot(name, text, digest_of(text)) for name, (text, _) in changes.items()}

    def _stage(self, name: str, text: str | None) -> Path | None:
        """The new text in a temporary file of the folder, on disk, with the old file's mode."""
        if text is None:
            return None
        fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".studio", dir=self.folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                out.write(text)
                out.flush()
                os.fsync(out.fileno())
            try:
                os.chmod(tmp_name, os.stat(self.folder / name).st_mode & 0o777)
            except FileNotFoundError:
                os.chmod(tmp_name, 0o644)
        except BaseException:
            os.unlink(tmp_name)
            raise
        return Path(tmp_name)

    def _put(self, name: str, tmp: Path | None, *, expected: str, ours: str) -> Path | None:
        """Put the staged file in place of ``name`` (``tmp`` None: remove it) if that is still the file of
        digest ``expected``, else raise Changed with nothing changed; return the old file, kept aside
        (None where there was none)."""
        path = self.folder / name
        try:
            if tmp is None:
                return self._remove(path, expected)
            if expected == digest_of(None) and self._link(tmp, path):
                os.unlink(tmp)  # a new file, made without replacing one an editor may have made meanwhile
                return None
            return self._replace(name, tmp, expected=expected, ours=ours)
        except BaseException:
            if tmp is not None and tmp.exists():
                os.unlink(tmp)  # the studio's text after a refusal
            raise

    def _replace(self, name: str, tmp: Path, *, expected: str, ours: str) -> Path | None:
        path = self.folder / name
        # a save made while the action was worked out is seen here, before anything is replaced
        if self.read(name).digest != expected:
            raise Changed(f"{name} changed on disk since the studio read it")
        if expected == digest_of(None):
            os.replace(tmp, path)
            return None
        if not exchange(tmp, path):  # no swap on this file system: the old file is kept by a link first
            kept = self._aside(path)
            os.replace(tmp, path)
            return kept
        # tmp holds the file that was in place: the one just read, or a save made since
        if self._digest_at(tmp) != expected:
            self._swap_back(tmp, path, ours=ours)
            raise Changed(f"{name} changed on disk since the studio read it")
        return tmp

    def _aside(self, path: Path) -> Path:
        """A name in the folder for the file at ``path`` as it is now (a link, or a copy)."""
        fd, kept_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".studio", dir=self.folder)
        os.close(fd)
        kept = Path(kept_name)
        try:
            os.unlink(kept)
            try:
                os.link(path, kept)
            except OSError:
                shutil.copy2(path, kept)
        except BaseException:
            if kept.exists():
                os.unlink(kept)
            raise
        return kept

    def _restore(self, name: str, kept: Path | None, *, ours: str) -> None:
        """Undo a ``_put`` whose partner failed: the old file back (``kept``; None: there was none), as
        long as the file is still the studio's text; a save made over it since stays. Never raises: the
        first failure is the one to report."""
        path = self.folder / name
        try:
            if ours == digest_of(None):  # the studio removed it: put it back unless one was made since
                if kept is not None:
                    try:
                        os.link(kept, path)
                    except FileExistsError:
                        pass
            elif kept is None:  # the studio made it: remove it, if it is still the studio's
                kept = self._remove(path, ours)
            elif exchange(kept, path):
                if self._digest_at(kept) != ours:  # a save landed after the studio's: it stays
                    exchange(kept, path)
            elif self._digest_at(path) == ours:
                os.replace(kept, path)
                kept = None
        except (OSError, Changed):
            pass
        finally:
            if kept is not None and kept.exists():
                os.unlink(kept)

    def _swap_back(self, tmp: Path, path: Path, *, ours: str) -> None:
        """Put the save the swap displaced back in place; should yet another save have replaced the
        studio's file meanwhile, that newest one stays."""
        exchange(tmp, path)
        if self._digest_at(tmp) != ours:
            exchange(tmp, path)

    @staticmethod
    def _link(tmp: Path, path: Path) -> bool:
        """A file that did not exist is made by a link, which never replaces one an editor made meanwhile;
        False where the file system has no links."""
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise Changed(f"{path.name} was made on disk since the studio read the folder") from None
        except OSError:
            return False
        return True

    def _remove(self, path: Path, expected: str) -> Path | None:
        """Remove the file if it is still the one the studio read: it is first moved aside in one step;
        return where it was moved (None: there was no file)."""
        fd, aside_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".studio", dir=self.folder)
        os.close(fd)
        aside = Path(aside_name)
        try:
            os.rename(path, aside)
        except FileNotFoundError:
            os.unlink(aside)
            if expected != digest_of(None):
                raise Changed(f"{path.name} was removed on disk since the studio read it") from None
            return None
        if self._digest_at(aside) != expected:
            try:
                os.link(aside, path)  # put back, unless an editor already made a new one
            except FileExistsError:
                pass
            finally:
                os.unlink(aside)
            raise Changed(f"{path.name} changed on disk since the studio read it")
        return aside

    @staticmethod
    def _digest_at(path: Path) -> str:
        try:
            return digest_of(_decoded(read_limited(path, limit=MAX_LESSON_BYTES)))
        except (OSError, UnicodeDecodeError):
            return "unreadable"

    def _sync_folder(self) -> None:
        try:
            fd = os.open(self.folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        except OSError:
            return
        try:
            os.fsync(fd)
        except OSError as exc:  # some file systems cannot sync a folder
            if exc.errno not in (errno.EINVAL, errno.ENOTSUP):
                raise
        finally:
            os.close(fd)


def _decoded(data: bytes) -> str:
    return data.decode("utf-8-sig").replace("\r\n", "\n")
