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
"""

from __future__ import annotations

import errno
import hashlib
import os
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
        path = self._path(name, writing=True)
        if path.is_symlink():
            raise OutsideLesson(f"{name} is a symbolic link; the studio writes only regular files of the lesson folder")
        tmp_name = None
        if text is not None:
            fd, tmp_name = tempfile.mkstemp(prefix=f".{name}.", suffix=".studio", dir=self.folder)
            try:
                with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as out:
                    out.write(text)
                    out.flush()
                    os.fsync(out.fileno())
                try:
                    os.chmod(tmp_name, os.stat(path).st_mode & 0o777)
                except FileNotFoundError:
                    os.chmod(tmp_name, 0o644)
            except BaseException:
                os.unlink(tmp_name)
                raise
        try:
            if text is None:
                self._remove(path, expected)
            elif expected == digest_of(None) and self._link(tmp_name, path):
                pass  # a new file, made without replacing one an editor may have made meanwhile
            else:
                tmp, tmp_name = Path(tmp_name), None  # _replace removes or places it
                self._replace(name, tmp, expected=expected, ours=digest_of(text))
            self._sync_folder()
        finally:
            if tmp_name is not None:
                os.unlink(tmp_name)
        return Snapshot(name, text, digest_of(text))

    def _replace(self, name: str, tmp: Path, *, expected: str, ours: str) -> None:
        path = self.folder / name
        try:
            # a save made while the action was worked out is seen here, before anything is replaced
            if self.read(name).digest != expected:
                raise Changed(f"{name} changed on disk since the studio read it")
            if expected == digest_of(None) or not exchange(tmp, path):
                os.replace(tmp, path)
                return
            # tmp holds the file that was in place: the one just read, or a save made since
            if self._digest_at(tmp) != expected:
                self._swap_back(tmp, path, ours=ours)
                raise Changed(f"{name} changed on disk since the studio read it")
        except BaseException:
            if tmp.exists():
                os.unlink(tmp)  # the studio's text after a refusal
            raise
        os.unlink(tmp)  # the old file, swapped out

    def _swap_back(self, tmp: Path, path: Path, *, ours: str) -> None:
        """Put the save the swap displaced back in place; should yet another save have replaced the
        studio's file meanwhile, that newest one stays."""
        exchange(tmp, path)
        if self._digest_at(tmp) != ours:
            exchange(tmp, path)

    @staticmethod
    def _link(tmp: str, path: Path) -> bool:
        """A file that did not exist is made by a link, which never replaces one an editor made meanwhile;
        False where the file system has no links."""
        try:
            os.link(tmp, path)
        except FileExistsError:
            raise Changed(f"{path.name} was made on disk since the studio read the folder") from None
        except OSError:
            return False
        return True

    def _remove(self, path: Path, expected: str) -> None:
        """Remove the file if it is still the one the studio read: it is first moved aside in one step."""
        fd, aside_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".studio", dir=self.folder)
        os.close(fd)
        aside = Path(aside_name)
        try:
            os.rename(path, aside)
        except FileNotFoundError:
            os.unlink(aside)
            if expected != digest_of(None):
                raise Changed(f"{path.name} was removed on disk since the studio read it") from None
            return
        try:
            if self._digest_at(aside) != expected:
                try:
                    os.link(aside, path)  # put back, unless an editor already made a new one
                except FileExistsError:
                    pass
                raise Changed(f"{path.name} changed on disk since the studio read it")
        finally:
            os.unlink(aside)

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
