"""Shared fixtures: a kit folder made from the repository's config and docs plus chosen lessons."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
FIXTURE_LESSONS = REPO / "tests" / "fixtures" / "kit" / "lessons"


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite the golden files from the current output")


def make_kit(target: Path, lessons: Path = FIXTURE_LESSONS) -> Path:
    """A buildable kit in ``target``: the repo's mkdocs configs and hand-written docs, and ``lessons``."""
    target.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "mkdocs-teacher.yml"):
        shutil.copy(REPO / name, target / name)
    shutil.copytree(
        REPO / "docs",
        target / "docs",
        ignore=shutil.ignore_patterns("lessons", "teacher") if (REPO / "docs").exists() else None,
    )
    shutil.copytree(lessons, target / "lessons")
    return target


@pytest.fixture
def kit(tmp_path) -> Path:
    """A fresh copy of the fixture kit."""
    return make_kit(tmp_path / "kit")


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")
