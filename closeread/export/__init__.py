"""Export stage: printable PDFs and LMS files for every lesson."""

from __future__ import annotations

from pathlib import Path

from closeread.model import Lesson
from closeread.progress import Progress


def export_kit(*, lessons: list[Lesson], root: Path, pdf: bool = True, progress: Progress) -> dict[str, bytes]:
    """Every exported file, keyed by its path under docs/ (``lessons/<slug>/...`` or ``teacher/...``)."""
    return {}
