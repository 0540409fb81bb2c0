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
    os.replace(_stage(Path(path), data), path)
    return True


def _stage(path: Path, data: bytes) -> str:
    """A temporary file beside ``path`` holding ``data``, for the caller to rename into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=path.suffix)
    try:
        os.fchmod(fd, 0o666 & ~_UMASK)  # mkstemp makes 0600 files; generated files are as readable as any other
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        # A failed write of an open file carries no file name; the message names the file meant.
        raise OSError(exc.errno, exc.strerror, os.fspath(path)) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


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
    """Two steps, so that a write that fails (a full disk, a file-size limit) changes nothing: every
    changed file is first written beside its place as a temporary file; only when all are written are
    they renamed into place (a rename needs no new space). Writing each file in place one by one left
    the folder half old, half new when the disk filled half-way."""
    top = os.fspath(folder)
    changed = [(os.path.join(top, rel), data) for rel, data in sorted(files.items())
               if not _holds(os.path.join(top, rel), data)]
    marker = os.path.join(top, MARKER)
    if not _holds(marker, _MARKER_TEXT.encode()):
        changed.append((marker, _MARKER_TEXT.encode()))
    staged: list[tuple[str, str]] = []
    try:
        for path, data in changed:
            staged.append((_stage(Path(path), data), path))
    except BaseException:
        for tmp, _ in staged:
            Path(tmp).unlink(missing_ok=True)
        _remove_empty_folders(folder)
        raise
    for tmp, path in staged:
        os.replace(tmp, path)
    written = len([p for _, p in staged if p != marker])
    return written, _remove_others(folder, keep={*files, MARKER})


def _remove_empty_folders(folder: Path) -> None:
    """Folders a failed write made for its temporary files and left empty."""
    for current, _dirs, _names in os.walk(os.fspath(folder), topdown=False):
        if current != os.fspath(folder) and not os.listdir(current):
            os.rmdir(current)


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
