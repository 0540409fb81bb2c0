"""Find lesson folders and read their files as text, reporting unreadable files as problems."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from closeread.errors import Problem

MAX_ARTICLE_BYTES = 2_000_000  # a long news article is under 100 KB; anything near this is a mistake
MAX_LESSON_BYTES = 2_000_000


@dataclass(frozen=True)
class TextFile:
    path: str  # as shown in messages, relative to the project
    text: str


def lesson_dirs(lessons_dir: Path) -> list[Path]:
    """Every lesson folder, sorted; hidden folders and the importer's temporary folders are skipped."""
    if not lessons_dir.is_dir():
        return []
    return sorted(p for p in lessons_dir.iterdir() if p.is_dir() and not p.name.startswith((".", "_")))


def read_text(path: Path, shown: str, *, limit: int) -> tuple[TextFile | None, list[Problem]]:
    """Read a UTF-8 file (a UTF-8 BOM and CRLF line ends are accepted) or say why it cannot be read."""
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        return None, [Problem(shown, 0, "file not found; expected it in the lesson folder")]
    if size > limit:
        return None, [Problem(shown, 1, f"file is {size / 1e6:.1f} MB; expected at most {limit / 1e6:.0f} MB")]
    data = path.read_bytes()
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
    return TextFile(shown, text), []
