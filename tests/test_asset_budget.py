"""The kit's own JavaScript and CSS stay small: a phone on a school network loads them with every page.

The budget is 25 KB gzipped for everything under docs/javascripts/ and docs/stylesheets/ together
(Material's own assets are not counted). Measured with gzip at level 9, as a web server would send them.
"""

from __future__ import annotations

import gzip

from tests.conftest import REPO

BUDGET = 25 * 1024


def test_own_javascript_and_css_under_25_kb_gzipped():
    files = sorted([*(REPO / "docs" / "javascripts").glob("*.js"), *(REPO / "docs" / "stylesheets").glob("*.css")])
    assert files, "no assets found"
    sizes = {f.name: len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0)) for f in files}
    assert sum(sizes.values()) <= BUDGET, f"{sum(sizes.values())} bytes gzipped, over {BUDGET}: {sizes}"
