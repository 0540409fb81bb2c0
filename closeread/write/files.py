"""Write generated files into folders the build owns, touching only what changed."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from closeread.errors import BuildFailed

MARKER = ".closeread-generated"
_UMASK = os.umask(0o022)
os.umask(_UMASK)
_MARKER_TEXT = "This folder is made by `python build.py` and rewritten on every build. Do not edit it.\n"


def claim_folder(folder: Path, *, shown: str) -> None:
    """Make sure ``folder`` is the build's own: absent, empty, or marked by an earlier build."""
    if folder.exists() and not (folder / MARKER).exists() and any(folder.iterdir()):
        raise BuildFailed(
            f"{shown}: this folder holds files the build did not make; expected it to belong to the build "
            f"(move your files elsewhere in docs/, then build again)"
        )


def write_if_changed(path: Path | str, data: bytes) -> bool:
    """Write ``data`` atomically unless the file already holds it; return whether it was written."""
    if _holds(path, data):
        return False
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600 files; generated files are as readable as any other
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _holds(path: Path | str, data: bytes) -> bool:
    """Whether the file at ``path`` holds exactly ``data``: its size first, then its bytes (one open,
    no pathlib: an unchanged build asks this of 9,000 files at 1,000 lessons)."""
    try:
        with open(path, "rb", buffering=0) as fh:
            return os.fstat(fh.fileno()).st_size == len(data) and fh.readall() == data
    except (FileNotFoundError, IsADirectoryError, NotADirectoryError):
        return False


def sync_folder(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Make ``folder`` hold exactly ``files`` (relative paths); return (written, removed).

    A folder that cannot be written (a full disk, a read-only folder) is a BuildFailed naming the file."""
    try:
        return _sync(folder, files)
    except OSError as exc:
        where = exc.filename or folder
        raise BuildFailed(f"{where}: cannot write ({exc.strerror or exc}); expected a writable folder with free space") from None


def _sync(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    top = os.fspath(folder)
    written = sum(write_if_changed(os.path.join(top, rel), data) for rel, data in sorted(files.items()))
    write_if_changed(folder / MARKER, _MARKER_TEXT.encode())
    return written, _remove_others(folder, keep={*files, MARKER})


def _remove_others(folder: Path, *, keep: set[str]) -> int:
    """Remove every file under ``folder`` whose relative path is not in ``keep``, then the folders left
    empty; return how many files. Walked with ``os.walk`` on strings: at 1,000 lessons (9,000 files)
    pathlib's ``rglob`` and ``Path`` hashing took over a second of an unchanged build."""
    removed = 0
    top = os.fspath(folder)
    for current, dirs, names in os.walk(top, topdown=False):
        rel = os.path.relpath(current, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in names + [d for d in dirs if os.path.islink(os.path.join(current, d))]:
            if prefix + name not in keep:  # a link is removed as a link: never followed
                os.unlink(os.path.join(current, name))
                removed += 1
        if current != top and not os.listdir(current):
            os.rmdir(current)
    return removed
