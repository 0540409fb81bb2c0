"""Fixtures for the export tests: the fixture kit exported once per session (PDFs rendered for real),
and helpers that read PDFs back with poppler's command-line tools."""

from __future__ import annotations

import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from closeread.progress import Progress
from closeread.validate.kit import load_kit
from tests.conftest import REPO, make_kit

EPOCH = 1_700_000_000  # 2023-11-14 22:13:20 UTC
HOSTILE_LESSONS = REPO / "tests" / "fixtures" / "hostile-kit" / "lessons"


def unavailable(reason: str):
    """Skip, except on CI, where a missing tool is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (required on CI: run 'bash scripts/install.sh --test')")
    pytest.skip(reason)


def need(tool: str, package: str) -> None:
    if not shutil.which(tool):
        unavailable(f"{tool} is not installed (Debian package {package})")


class Counting(Progress):
    """A quiet Progress that remembers the totals it was given, by label."""

    def __init__(self):
        super().__init__(enabled=False)
        self.totals: dict[str, list[int]] = {}
        self.lines: list[str] = []

    def count(self, label: str, done: int, total: int) -> None:
        if done == 0:
            self.totals.setdefault(label, []).append(total)

    def say(self, message: str) -> None:
        self.lines.append(message)


@dataclass
class Export:
    root: Path
    files: dict[str, bytes]
    progress: Counting
    lessons: list = field(default_factory=list)


def run_export(root: Path, *, pdf: bool = True, epoch: int | None = EPOCH) -> Export:
    from closeread.export import export_kit

    progress = Counting()
    lessons = load_kit(root=root)
    with pytest.MonkeyPatch.context() as mp:
        if epoch is None:
            mp.delenv("SOURCE_DATE_EPOCH", raising=False)
        else:
            mp.setenv("SOURCE_DATE_EPOCH", str(epoch))
        files = export_kit(lessons=lessons, root=root, pdf=pdf, progress=progress)
    return Export(root, files, progress, lessons)


@pytest.fixture(scope="session")
def exported(tmp_path_factory) -> Export:
    """The fixture kit's exports, PDFs included (rendered once for the session)."""
    need("fc-list", "fontconfig")
    return run_export(make_kit(tmp_path_factory.mktemp("export") / "kit"))


@pytest.fixture(scope="session")
def hostile(tmp_path_factory) -> Export:
    """The hostile kit's exports: every text in it tries to break out of its format."""
    need("fc-list", "fontconfig")
    return run_export(make_kit(tmp_path_factory.mktemp("hostile") / "kit", HOSTILE_LESSONS))


def _poppler(tool: str, data: bytes, *args: str, tmp: Path) -> str:
    need(tool, "poppler-utils")
    path = tmp / "doc.pdf"
    path.write_bytes(data)
    return subprocess.run([tool, *args, str(path), *(["-"] if tool == "pdftotext" else [])], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def poppler(tmp_path):
    """``poppler('pdftotext', data, '-layout')`` and the like: a poppler tool's output for PDF bytes."""
    return lambda tool, data, *args: _poppler(tool, data, *args, tmp=tmp_path)


def pdfinfo(text: str) -> dict[str, str]:
    out = {}
    for line in text.splitlines():
        key, sep, value = line.partition(":")
        if sep:
            out[key.strip()] = value.strip()
    return out
