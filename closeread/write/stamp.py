"""Whether a site must be built again: a stamp of everything its build reads, and of what it wrote.

A site build costs a minute at 1,000 lessons, while everything before it takes seconds on an unchanged
kit (the lesson cache, and write_docs leaving unchanged generated files untouched). So each built site
gets a stamp in ``.closeread-cache/sites/``: a hash of every file under ``docs/``, of the MkDocs config
files and of the versions of MkDocs and Material, and a hash of every file of the site folder it made.
When the next build finds the same two hashes, that site is left as it is, file for file.

What is compared for each file the build wrote, under docs/ and in the site, is its path, size,
modification time, change time (ctime) and inode number; the authors' own files under docs/ (a few
hundred KB) are compared by content, since the times below cannot be relied on everywhere. The change time is what makes this enough: the kernel sets it
to the clock on every write, truncation, rename into place, chmod or link, and no system call can set
it back (``touch -d``, ``rsync -t``, ``cp -p`` and unpacking an archive restore the modification
time only). So an edit that keeps a page's size and puts its time back, a deleted or added file, a
script corrupted in place or a folder swapped for a copy all change the hash, without reading a
single file's contents (which would cost seconds per build at 1,000 lessons). What it cannot see is
a change made under the file system (a disk editor, bit rot), or, on a file system whose "ctime" is a
creation time (FAT, exFAT: a USB stick) or that keeps whole seconds, a built file changed in place
with its size and time kept (the authors' files are read whole: see ``GENERATED``).
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from closeread.render.pages import STUDENT_DIR, TEACHER_DIR
from closeread.trust import json_object
from closeread.write import search

STAMPS = Path(".closeread-cache") / "sites"
_TOOLS = ("mkdocs", "mkdocs-material")


def _walk(folder: Path, out: list[str], prefix: str = "", *, by_content=lambda name: False) -> None:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except FileNotFoundError:
        return
    for entry in entries:
        name = prefix + entry.name
        if entry.is_dir(follow_symlinks=True):
            _walk(Path(entry.path), out, name + "/", by_content=by_content)
        else:
            try:
                if by_content(name):
                    out.append(f"{name}\0sha256\0{hashlib.sha256(Path(entry.path).read_bytes()).hexdigest()}")
                    continue
                st = entry.stat()
            except OSError:  # a dangling link: its name alone, so that mending it changes the hash
                out.append(f"{name}\0unreadable")
                continue
            out.append(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\0{st.st_ctime_ns}\0{st.st_ino}")


# docs/ folders the build writes (generated pages, rewritten whenever their bytes change); every other
# file there is the authors' (about 250 KB in the kit), read whole: on a file system with coarse times
# (FAT, exFAT: a USB stick, whose "ctime" is the creation time; ext4 with small inodes: whole seconds)
# an edit that keeps the size, made within the same tick or with its time put back, leaves every
# stat field as it was
GENERATED = (f"{STUDENT_DIR}/", f"{TEACHER_DIR}/")


def docs_listing(root: Path) -> list[str]:
    """Every file under docs/, in order: the build's own by size and times, the authors' by content;
    the part of ``inputs_hash`` both sites share (walk it once and pass it to each)."""
    lines: list[str] = []
    _walk(root / "docs", lines, by_content=lambda name: not name.startswith(GENERATED))
    return lines


def inputs_hash(*, root: Path, config_file: Path, extra: tuple[str, ...] = (), listing: list[str] | None = None) -> str:
    """A hash of what building ``config_file`` reads: its docs/ folder (``listing``, when the caller has
    it), the config files (the teacher's inherits the student's), the tools' versions, and ``extra``
    (what the build adds to the config, such as the drafts it leaves out). Modification times stand for
    contents: the build writes a generated file only when its bytes change, and an author's save
    changes the time."""
    lines: list[str] = [f"extra\0{item}" for item in extra]
    for tool in _TOOLS:
        try:
            lines.append(f"{tool}\0{metadata.version(tool)}")
        except metadata.PackageNotFoundError:
            lines.append(f"{tool}\0-")
    lines.append(f"closeread-search\0{search.FORMAT}")  # what the build does to the site after MkDocs
    for config in sorted({config_file, *root.glob("mkdocs*.yml")}):
        lines.append(f"{config.name}\0{hashlib.sha256(config.read_bytes()).hexdigest()}")
    lines.extend(docs_listing(root) if listing is None else listing)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


def site_hash(site_dir: Path) -> str | None:
    """A hash of every file of a built site (path, size, times, inode: see above); None with no site."""
    if not (site_dir / "index.html").is_file():
        return None
    lines: list[str] = []
    _walk(site_dir, lines)
    return hashlib.sha256("\n".join(lines).encode("utf-8", "surrogateescape")).hexdigest()


@dataclass(frozen=True)
class SiteStamp:
    root: Path
    config_file: Path
    site_dir: Path

    @property
    def path(self) -> Path:
        return self.root / STAMPS / f"{self.site_dir.name}.json"

    def read(self) -> dict:
        return json_object(self.path)

    def fresh(self, inputs: str) -> bool:
        """True when the site folder is the one built from exactly these inputs."""
        stamp = self.read()
        # the site's own files too: a deleted page or a damaged script must not pass for a built site
        return stamp.get("inputs") == inputs and stamp.get("site") is not None and stamp.get("site") == site_hash(self.site_dir)

    def record(self, inputs: str) -> None:
        """Called once the site built from ``inputs`` is in place."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        temp = self.path.with_name(self.path.name + ".tmp")
        temp.write_text(json.dumps({"inputs": inputs, "site": site_hash(self.site_dir)}) + "\n", encoding="utf-8")
        os.replace(temp, self.path)

    def forget(self) -> None:
        self.path.unlink(missing_ok=True)
