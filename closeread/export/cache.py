"""A content-addressed cache of rendered PDFs: ``<root>/.closeread-cache/pdf/<key>.pdf``.

The key is a SHA-256 of everything a PDF depends on: its print HTML, the stylesheets, the installed
fonts it may use, and the renderer's version (for a booklet: its parts' keys, its front matter and the
merging code). Equal key, equal bytes: a cached PDF that carries this user's tag (closeread.trust) is
used as it is. A PDF may have a small JSON note beside it (``<key>.json``: a booklet notes the key of
its front matter there).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import os
import tempfile
from pathlib import Path
from typing import BinaryIO, Iterator

from closeread.trust import TAG, json_object, tag

FOLDER = Path(".closeread-cache") / "pdf"
_TRAILER = b"\n%closeread-tag\n"  # after the PDF's own end: the file is the cache's, not a published PDF


def content_key(*parts: str) -> str:
    return key_hasher(*parts).hexdigest()


def key_hasher(*parts: str):
    """The hash ``content_key`` makes of ``parts``, left open: ``extended_key(hasher, *more)`` is then
    ``content_key(*parts, *more)`` without hashing ``parts`` again (the parts thousands of PDFs share)."""
    h = hashlib.sha256()
    _update(h, parts)
    return h


def extended_key(hasher, *parts: str | bytes) -> str:
    """``parts`` may be given encoded already (UTF-8), when several keys hash the same text."""
    h = hasher.copy()
    _update(h, parts)
    return h.hexdigest()


def _update(h, parts) -> None:
    for part in parts:
        data = part if isinstance(part, bytes) else part.encode("utf-8")
        h.update(len(data).to_bytes(8, "big"))  # length-prefixed: parts cannot run into each other
        h.update(data)


class PdfCache:
    def __init__(self, root: Path):
        self.folder = root / FOLDER

    def path(self, key: str) -> Path:
        return self.folder / f"{key}.pdf"

    def get(self, key: str) -> bytes | None:
        """The PDF kept under ``key``, or None when there is none or it was not written by this user's
        builds: the key is a hash of public inputs, so anyone could plant a file under it; the tag
        at the file's end (closeread.trust) tells the PDFs this cache made itself."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            return None
        pdf, mark = data[: -len(_TRAILER) - TAG], data[-len(_TRAILER) - TAG:]
        if len(data) < len(_TRAILER) + TAG or not mark.startswith(_TRAILER):
            return None
        return pdf if hmac.compare_digest(mark[len(_TRAILER):], tag(key.encode(), pdf)) else None

    def put(self, key: str, data: bytes) -> None:
        """Store atomically: a build stopped half-way never leaves a truncated PDF under a good key."""
        with self.writing(key) as fh:
            fh.write(data)

    @contextlib.contextmanager
    def writing(self, key: str) -> Iterator[BinaryIO]:
        """A file to write the PDF of ``key`` into, stored (atomically, with its tag) when the block ends
        without error."""
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".pdf")
        try:
            with os.fdopen(fd, "w+b") as fh:
                yield fh
                fh.seek(0)
                fh.write(_TRAILER + tag(key.encode(), fh.read()))
            os.replace(tmp, self.path(key))
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise

    def note(self, key: str) -> dict[str, list[str]]:
        """What ``put_note`` kept for ``key`` (lists of cache keys); a value of another shape is left out."""
        note = json_object(self.folder / f"{key}.json")
        return {k: v for k, v in note.items() if isinstance(v, list) and all(isinstance(x, str) for x in v)}

    def put_note(self, key: str, note: dict) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        path = self.folder / f"{key}.json"
        tmp = path.with_name(f".tmp-{key}.json")
        tmp.write_text(json.dumps(note, sort_keys=True), encoding="utf-8")
        os.replace(tmp, path)

    def prune(self, keep: set[str]) -> int:
        """Remove every cached PDF (and note) not in ``keep``; return how many PDFs."""
        removed = 0
        if not self.folder.is_dir():
            return 0
        for path in self.folder.glob("*.pdf"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
                removed += 1
        for path in self.folder.glob("*.json"):
            if path.stem not in keep:
                path.unlink(missing_ok=True)
        return removed
