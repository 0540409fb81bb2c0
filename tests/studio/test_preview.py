"""The studio's preview serves the kit's own assets the student page loads, and nothing else."""

from __future__ import annotations

from closeread.studio.preview import asset
from tests.conftest import REPO


def test_the_preview_serves_the_script_the_summary_loads():
    # closeread.js loads closeread-handin.js beside itself when the page's summary shows: it writes it
    for name in ("closeread.js", "closeread.css", "closeread-handin.js"):
        found = asset(REPO, name)
        assert found is not None, name
        assert found[0] == next(REPO.glob(f"docs/*/{name}")).read_bytes()
    assert asset(REPO, "../mkdocs.yml") is None
    assert asset(REPO, "closeread-results.js") is None
