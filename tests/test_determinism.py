"""Building twice from the same inputs gives byte-identical generated Markdown and HTML.

MkDocs writes the build date into sitemap.xml (<lastmod>) and into sitemap.xml.gz (the gzip header's
mtime). Within one day both are identical; across days only those dates differ. The tests pin the date
with SOURCE_DATE_EPOCH (which MkDocs honours) to prove that, and compare the sitemap's decompressed
content with the dates masked.
"""

from __future__ import annotations

import gzip
import hashlib
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, make_kit

DAY = 86_400
SITEMAPS = {"sitemap.xml", "sitemap.xml.gz"}


def _build(kit: Path, epoch: int | None = None) -> None:
    env = {k: v for k, v in __import__("os").environ.items() if k != "SOURCE_DATE_EPOCH"}
    if epoch is not None:
        env["SOURCE_DATE_EPOCH"] = str(epoch)
    done = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", "--no-pdf"],
        capture_output=True, text=True, timeout=600, env=env,
    )
    assert done.returncode == 0, done.stderr


def _tree(folder: Path) -> dict[str, str]:
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.rglob("*")) if p.is_file()}


def _outputs(kit: Path) -> dict[str, str]:
    out = {}
    for name in ("docs/lessons", "docs/teacher", "site", "site-teacher"):
        out.update({f"{name}/{k}": v for k, v in _tree(kit / name).items()})
    return out


def _sitemap_text(path: Path) -> str:
    data = path.read_bytes()
    text = gzip.decompress(data).decode() if path.suffix == ".gz" else data.decode()
    return re.sub(r"<lastmod>[^<]*</lastmod>", "<lastmod/>", text)


@pytest.fixture(scope="module")
def two_kits(tmp_path_factory):
    """The fixture kit built in two different folders, without SOURCE_DATE_EPOCH."""
    first = make_kit(tmp_path_factory.mktemp("det-a") / "kit")
    second = make_kit(tmp_path_factory.mktemp("det-b") / "other-name")
    _build(first)
    _build(second)
    return first, second


def test_generated_markdown_and_html_are_byte_identical(two_kits):
    a, b = (_outputs(k) for k in two_kits)
    assert a.keys() == b.keys()
    differ = sorted(k for k in a if a[k] != b[k] and Path(k).name not in SITEMAPS)
    assert differ == []
    assert any(k.endswith(".html") for k in a) and any(k.endswith(".md") for k in a)


def test_sitemaps_differ_at_most_in_their_build_date(two_kits):
    for site in ("site", "site-teacher"):
        for name in sorted(SITEMAPS):
            a, b = (_sitemap_text(k / site / name) for k in two_kits)
            assert a == b, f"{site}/{name}"
            assert "<urlset" in a


def test_on_another_day_only_dated_files_change(tmp_path):
    """SOURCE_DATE_EPOCH (MkDocs' build date; the exports' stamp) may change the sitemaps and the dated
    exports (LMS zips, PDFs), and nothing else: no page carries the build time."""
    first, second = make_kit(tmp_path / "a"), make_kit(tmp_path / "b")
    _build(first, epoch=1_700_000_000)
    _build(second, epoch=1_700_000_000 + 3 * DAY)
    a, b = _outputs(first), _outputs(second)
    assert a.keys() == b.keys()
    differ = sorted(k for k in a if a[k] != b[k])
    dated = [k for k in differ if Path(k).name in SITEMAPS or k.endswith((".zip", ".pdf", ".imscc"))]
    assert differ == dated
    for site in ("site", "site-teacher"):
        for name in sorted(SITEMAPS):
            assert _sitemap_text(first / site / name) == _sitemap_text(second / site / name)


def test_same_day_rebuild_is_identical_including_sitemaps(tmp_path):
    kit = make_kit(tmp_path / "kit")
    _build(kit, epoch=1_700_000_000)
    before = _outputs(kit)
    _build(kit, epoch=1_700_000_000)
    assert _outputs(kit) == before


def test_a_rebuild_with_nothing_changed_rewrites_no_generated_file(tmp_path):
    kit = make_kit(tmp_path / "kit")
    _build(kit)
    generated = [p for name in ("docs/lessons", "docs/teacher") for p in (kit / name).rglob("*") if p.is_file()]
    stamps = {p: p.stat().st_mtime_ns for p in generated}
    _build(kit)
    assert {p: p.stat().st_mtime_ns for p in generated} == stamps
