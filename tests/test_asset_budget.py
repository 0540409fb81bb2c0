"""The kit's own JavaScript and CSS stay small: a phone on a school network loads them with every page.

What a student site's page loads of the kit's own (``extra_css``, ``extra_javascript`` and the
polyfills of mkdocs.yml; Material's own assets are not counted) stays within 28 KB gzipped, measured
with gzip at level 9 as a web server would send it. The teacher site adds the assignment builder's
script; it is reported, and held to 33 KB.

The budgets were 25 and 28 KB until 7 December 2026, when the student page took on what keeps answers
back (folds and notes lifted from templates once their questions are answered, Explore asking first,
glosses as popovers) and the hand-in's loader (16.3 KB gzipped for closeread.js, from 14.7), and the
builder the Common Cartridge download and the Google Classroom share (5.2 KB, from 4.0). Code a page
needs only after an action (the hand-in, the cartridge's zip writer, the class results) loads on demand
and is not counted here.

Raised to 28 and 33 KB on 8 December 2026 for material-start.js (1.1 KB gzipped), which saves every page
three to four whole-page style passes before its load event (issue 20; devdocs/performance.md).
"""

from __future__ import annotations

import gzip

import pytest
import yaml

from tests.conftest import REPO


def _own_assets(config: str) -> list:
    data = yaml.safe_load((REPO / config).read_text(encoding="utf-8"))
    if "INHERIT" in data:  # MkDocs merges mappings and replaces lists
        base = yaml.safe_load((REPO / data["INHERIT"]).read_text(encoding="utf-8"))
        base.update({k: v for k, v in data.items() if k != "extra"})
        base["extra"] = {**base.get("extra", {}), **data.get("extra", {})}
        data = base
    names = [*data.get("extra_css", []), *data.get("extra_javascript", []), *data.get("extra", {}).get("polyfills", [])]
    return [REPO / "docs" / n for n in names]


@pytest.mark.parametrize("config, budget", [("mkdocs.yml", 28 * 1024), ("mkdocs-teacher.yml", 33 * 1024)])
def test_own_javascript_and_css_within_budget_gzipped(config, budget):
    files = _own_assets(config)
    assert files and all(f.exists() for f in files), files
    sizes = {f.name: len(gzip.compress(f.read_bytes(), compresslevel=9, mtime=0)) for f in files}
    assert sum(sizes.values()) <= budget, f"{config}: {sum(sizes.values())} bytes gzipped, over {budget}: {sizes}"
