"""Find lesson folders and read their files as text, reporting unreadable files as problems.

Lesson folders come from other people (a colleague's kit, a pull request built in CI), so a file is
only read when it is a regular file of its own: never through a symbolic link (which could publish
``/etc/passwd``), never a device (``/dev/zero`` has no end) nor a FIFO (which blocks forever), and
never past its size limit, counted while reading rather than trusted from ``stat``.
"""

from __future__ import annotations

import errno
import os
import stat
from dataclasses import dataclass
from pathlib import Path

from closeread.errors import Problem
from closeread.load.chars import BAD, BIDI, bidi_problem_text, problem_text, unclosed_bidi

MAX_ARTICLE_BYTES = 2_000_000  # a long news article is under 100 KB; anything near this is a mistake
# Every worksheet, key and export holds the whole article: a 1.5 MB one took check 74 s and 490 MB to
# render its period worksheet (372 pages) just to count them, and a draft's build renders every PDF.
MAX_ARTICLE_CHARS = 150_000
MAX_LESSON_BYTES = 2_000_000
_CHUNK = 1 << 16


@dataclass(frozen=True)
class TextFile:
    path: str  # as shown in messages, relative to the project
    text: str


def lesson_dirs(lessons_dir: Path) -> list[Path]:
    """Every lesson folder, sorted; hidden folders and the importer's temporary folders are skipped.

    A symbolic link is listed too (whatever it points at, even nothing), for ``linked_folders`` to
    report: it is never followed."""
    if not lessons_dir.is_dir():
        return []
    out = []
    for p in lessons_dir.iterdir():
        if p.name.startswith((".", "_")):
            continue
        try:
            mode = p.lstat().st_mode
        except OSError:  # vanished while listed (the importer's temporary folder, say)
            continue
        if stat.S_ISDIR(mode) or stat.S_ISLNK(mode):
            out.append(p)
    return sorted(out)


def linked_folders(folders: list[Path], shown) -> tuple[list[Path], list[Problem]]:
    """Split ``folders`` into real folders and one problem per symbolic link among them."""
    real, problems = [], []
    for folder in folders:
        if folder.is_symlink():
            problems.append(Problem(shown(folder), 0, "the lesson folder is a symbolic link; expected a real folder inside lessons/ (copy the lesson there)"))
        else:
            real.append(folder)
    return real, problems


def read_limited(path: Path, *, limit: int) -> bytes:
    """The bytes of the regular file ``path`` (no symbolic link followed, no more than ``limit`` + 1
    bytes read). Raises OSError (``ELOOP`` for a link, ``EINVAL`` for anything but a regular file,
    ``EFBIG`` past the limit, with the size read so far as ``.size``)."""
    # O_NONBLOCK: opening a FIFO for reading otherwise waits for a writer, forever
    fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise OSError(errno.EINVAL, "not a regular file", str(path))
        chunks, size = [], 0
        while True:
            chunk = os.read(fd, min(_CHUNK, limit + 1 - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
            if size > limit:
                error = OSError(errno.EFBIG, "file too large", str(path))
                error.size = max(size, info.st_size)
                raise error
        return b"".join(chunks)
    finally:
        os.close(fd)


def _why(exc: OSError, limit: int) -> tuple[int, str]:
    """The line and the message for a file that could not be read."""
    if exc.errno == errno.ENOENT:
        return 0, "file not found; expected it in the lesson folder"
    if exc.errno == errno.ELOOP:
        return 0, "the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)"
    if exc.errno == errno.EINVAL:
        return 0, "not a regular file (a folder, device or pipe); expected a text file in the lesson folder"
    if exc.errno == errno.EISDIR:
        return 0, "is a folder; expected a text file in the lesson folder"
    if exc.errno == errno.EFBIG:
        return 1, f"file is {getattr(exc, 'size', limit + 1) / 1e6:.1f} MB; expected at most {limit / 1e6:.0f} MB"
    return 0, f"cannot be read ({exc.strerror or exc}); expected a readable text file"


def why_unreadable(exc: OSError, limit: int) -> str:
    """What is wrong with a file ``read_limited`` refused, as a message says it."""
    return _why(exc, limit)[1]


def read_text(path: Path, shown: str, *, limit: int, article: bool = False) -> tuple[TextFile | None, list[Problem]]:
    """Read a UTF-8 file (a UTF-8 BOM and CRLF line ends are accepted) or say why it cannot be read."""
    try:
        size = path.lstat().st_size
        if stat.S_ISREG(path.lstat().st_mode) and size > limit:  # refused without reading it
            raise OSError(errno.EFBIG, "file too large", str(path))
        data = read_limited(path, limit=limit)
    except OSError as exc:
        if exc.errno == errno.EFBIG and not hasattr(exc, "size"):
            exc.size = size
        line, message = _why(exc, limit)
        return None, [Problem(shown, line, message)]
    except ValueError:  # a NUL in the name
        return None, [Problem(shown, 0, "the file name contains a NUL character; expected a plain file name")]
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [Problem(shown, 1, "file is UTF-16; expected UTF-8 (save it again as UTF-8)")]
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        return None, [Problem(shown, line, f"invalid UTF-8 byte 0x{data[exc.start]:02x}; expected UTF-8 text (save it again as UTF-8)")]
    if "\x00" in text:
        line = text.count("\n", 0, text.index("\x00")) + 1
        return None, [Problem(shown, line, "file contains a NUL character; expected plain text")]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if BAD.search(text):
        # every such character, each with its line: an article pasted from a page may hold several
        problems = []
        for found in BAD.finditer(text):
            line = text.count("\n", 0, found.start()) + 1
            if not problems or problems[-1].line != line:
                problems.append(Problem(shown, line, problem_text(found.group())))
        return None, problems
    if article and BIDI.search(text):  # lesson.yaml's texts are checked one by one as YAML reads them
        problems = []
        for number, line in enumerate(text.split("\n"), start=1):
            left = unclosed_bidi(line)
            if left:
                problems.append(Problem(shown, number, bidi_problem_text(left)))
        if problems:
            return None, problems
    return TextFile(shown, text), []
