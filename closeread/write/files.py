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


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` atomically unless the file already holds it; return whether it was written."""
    try:
        if path.stat().st_size == len(data) and path.read_bytes() == data:
            return False
    except FileNotFoundError:
        pass
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


def sync_folder(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    """Make ``folder`` hold exactly ``files`` (relative paths); return (written, removed).

    A folder that cannot be written (a full disk, a read-only folder) is a BuildFailed naming the file."""
    try:
        return _sync(folder, files)
    except OSError as exc:
        where = exc.filename or folder
        raise BuildFailed(f"{where}: cannot write ({exc.strerror or exc}); expected a writable folder with free space") from None


def _sync(folder: Path, files: dict[str, bytes]) -> tuple[int, int]:
    written = sum(write_if_changed(folder / rel, data) for rel, data in sorted(files.items()))
    write_if_changed(folder / MARKER, _MARKER_TEXT.encode())
    keep = {folder / rel for rel in files} | {folder / MARKER}
    removed = 0
    for path in sorted(folder.rglob("*"), reverse=True):
        if path.is_file() and path not in keep:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed
