"""The README starts where people start (issue 19): what teachers and authors do, the studio named in
its first 40 lines, and every file it links to present."""

from __future__ import annotations

import re

from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_the_first_40_lines_name_the_studio_and_what_teachers_do():
    head = "\n".join(README.splitlines()[:40])
    assert "build.py studio" in head
    for word in ("Teachers", "assign", "print", "Authors"):
        assert word in head


def test_every_relative_link_points_at_a_file_of_the_repository():
    links = re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", README)
    local = [link for link in links if not re.match(r"^[a-z]+:", link)]
    assert local
    assert [link for link in local if not (REPO / link).exists()] == []


def test_the_test_command_is_the_one_ci_runs():
    ci = (REPO / ".ci" / "run").read_text(encoding="utf-8")
    assert "bash scripts/install.sh --test && python -m pytest" in README
    assert "bash scripts/install.sh --test" in ci and "python3 -m pytest" in ci
