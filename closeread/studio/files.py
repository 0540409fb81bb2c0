"""The files of one lesson folder that the studio reads and writes.

Only plain names of the folder are opened (``lesson.yaml``, ``suggestions.yaml``, the article), never
through a symbolic link, and with the build's size limits. A write goes to a temporary file in the same
folder, is flushed to disk and renamed over the old file (``os.replace``), so that an editor, a build or
a crash sees the old file or the new one, never half of one. Just before the rename the file is read
again: if it changed since the studio read it (an editor saved it), nothing is written.
"""

from __future__ import annotations

import errno
import hashlib
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

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
            text = data.decode("utf-8-sig").replace("\r\n", "\n")
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
            if self.read(name).digest != expected:
                raise Changed(f"{name} changed on disk since the studio read it")
            if text is None:
                try:
                    os.unlink(path)
                except FileNotFoundError:
                    pass
            else:
                os.replace(tmp_name, path)
                tmp_name = None
            self._sync_folder()
        finally:
            if tmp_name is not None:
                os.unlink(tmp_name)
        return Snapshot(name, text, digest_of(text))

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
