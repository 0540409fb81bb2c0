"""Micro-benchmark: CPU seconds to render each lesson's worksheet and key (A4) in a warm process.

    python bench/pdf.py [ROOT]      ROOT: a kit folder (default: the repository; tests/fixtures/kit works)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from closeread.export import pdf  # noqa: E402
from closeread.export.print_html import LessonView, key_html, worksheet_html  # noqa: E402
from closeread.validate.kit import load_kit  # noqa: E402


def main() -> None:
    root = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent
    lessons = load_kit(root=root)
    start = time.process_time()
    pdf.worker_setup()  # as in a rendering process of the build
    print(f"process set-up (import WeasyPrint, fonts, styles): {time.process_time() - start:.2f} s CPU")
    for lesson in lessons:
        view = LessonView(lesson)
        docs = {"worksheet": worksheet_html(view), "key": key_html(view)}
        pdf.render(docs["key"], "a4")  # warm up
        best = {}
        for name, html in docs.items():
            best[name] = min(pdf.render(html, "a4")[1] for _ in range(3))
        total = sum(best.values())
        parts = ", ".join(f"{n} {s:.2f} s" for n, s in best.items())
        print(f"{lesson.slug}: {len(lesson.questions)} questions, {len(lesson.published_annotations)} annotations: {parts}; worksheet+key {total:.2f} s CPU")


if __name__ == "__main__":
    main()
