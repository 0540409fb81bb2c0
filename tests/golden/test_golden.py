"""Golden files: the generated pages of the fixture lesson, byte for byte.

Run ``python -m pytest tests/golden --update-golden`` after an intended change, and read the diff.
"""

from __future__ import annotations

import difflib
from pathlib import Path

import pytest

from closeread.render.pages import render_kit
from closeread.validate.kit import load_kit
from tests.conftest import REPO

EXPECTED = Path(__file__).parent / "expected"
PAGES = render_kit(load_kit(root=REPO / "tests" / "fixtures" / "kit"))


@pytest.mark.parametrize("page", sorted(PAGES))
def test_generated_page_matches_golden_file(page, update_golden):
    golden = EXPECTED / page
    actual = PAGES[page]
    if update_golden:
        golden.parent.mkdir(parents=True, exist_ok=True)
        golden.write_text(actual, encoding="utf-8")
        return
    assert golden.exists(), f"no golden file for {page}; run pytest tests/golden --update-golden"
    expected = golden.read_text(encoding="utf-8")
    if actual != expected:
        diff = "".join(
            difflib.unified_diff(expected.splitlines(True), actual.splitlines(True), f"expected/{page}", f"actual/{page}")
        )
        pytest.fail(f"{page} differs from its golden file (rerun with --update-golden if intended):\n{diff}")


def test_no_stale_golden_files():
    stale = sorted(p.relative_to(EXPECTED).as_posix() for p in EXPECTED.rglob("*.md")) 
    assert [p for p in stale if p not in PAGES] == []
