"""The published sites built by Zensical, Material for MkDocs' successor, from the same ``mkdocs.yml``,
``mkdocs-teacher.yml`` and ``docs/`` (the kit uses only what Material bundles plus its own small CSS and
JS so that it can move): the build reports no issue, and the student page works in Chromium as the
MkDocs-built one does (no script error, no request to another host, a question answered with feedback,
notes kept back in practice, the first frame once the content is parsed).

Zensical comes from PyPI (requirements-test.txt). Without it these tests skip, unless CI=true, where they
fail."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest

from tests.browser.conftest import FIXTURE, _build, _serve
from tests.browser.drive import feedback, q
from tests.conftest import make_kit

PAGE = f"site/lessons/{FIXTURE}/index.html"


def _require_zensical() -> None:
    try:
        import zensical  # noqa: F401
    except ImportError:
        if os.environ.get("CI") == "true":
            pytest.fail("the Zensical tests must run under CI=true, but zensical is not installed", pytrace=False)
        pytest.skip("zensical is not installed (pip install -r requirements-test.txt)")


@pytest.fixture(scope="module")
def zensical_kit(tmp_path_factory, _servers):
    """The fixture kit: `build.py` writes docs/lessons and docs/teacher (and builds with MkDocs), then
    Zensical builds both sites again from the same configs in place of MkDocs' output."""
    _require_zensical()
    kit = make_kit(tmp_path_factory.mktemp("zensical") / "kit")
    _build(kit)
    for config, site in (("mkdocs.yml", "site"), ("mkdocs-teacher.yml", "site-teacher")):
        shutil.rmtree(kit / site)
        done = subprocess.run([sys.executable, "-m", "zensical", "build", "-f", config], cwd=kit,
                              capture_output=True, text=True, timeout=300)
        said = done.stdout + done.stderr
        assert done.returncode == 0, f"zensical build -f {config} failed:\n{said}"
        assert "No issues found" in said, f"zensical build -f {config} reported issues:\n{said}"
    return _serve(kit, _servers)


def test_zensical_builds_both_sites_from_the_same_configs(zensical_kit):
    student = (zensical_kit.root / PAGE).read_text(encoding="utf-8")
    assert 'name="generator" content="zensical-' in student
    for own in ("stylesheets/closeread.css", "javascripts/closeread.js", "javascripts/material-start.js", 'class="cr-article'):
        assert own in student
    teacher = (zensical_kit.root / f"site-teacher/teacher/{FIXTURE}/index.html").read_text(encoding="utf-8")
    assert 'name="generator" content="zensical-' in teacher and "cr-teacher" in teacher


def test_the_student_page_works_when_zensical_built_it(zensical_kit, open_page):
    page = open_page("about:blank", served=[zensical_kit])
    page.add_init_script("requestAnimationFrame(() => { window.crFirstFrame = !!document.getElementById('__config'); })")
    page.goto(zensical_kit.http(PAGE))
    assert page.evaluate("window.crFirstFrame") is True, "a frame was rendered before the content was parsed"
    assert page.locator("body").get_attribute("data-cr-mode") == "practice"
    assert page.locator("input[name=cr-mode][value=practice]").is_checked()
    assert page.locator(".cr-article mark.cr-ann[role=button]").count() == 0
    assert page.locator("#note-a-300").is_hidden(), "the note waits until its questions are answered"
    s = q(page, "q-source")
    s.get_by_label("Tom Berg").check()
    s.get_by_role("button", name="Check my answer").click()
    assert "Not quite" in feedback(page, "q-source")
    s.get_by_label("Ana Silva").check()
    s.get_by_role("button", name="Check my answer").click()
    assert feedback(page, "q-source").startswith("✓ Right.")
    g = q(page, "g-a-300")
    g.get_by_label("Ana Silva").check()
    g.get_by_role("button", name="Check my answer").click()
    assert page.locator("#note-a-300").is_visible(), "answered: its note shows"
