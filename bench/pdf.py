"""Micro-benchmark: CPU seconds to render each lesson's worksheet and key (A4) in a warm process.

    python bench/pdf.py [ROOT] [--runs N]   ROOT: a kit folder (default: the repository; tests/fixtures/kit
                                            works); the best of N renders of each document (default 3)

Each document is rendered once before it is timed: a process's first render of a kind of document loads
fonts and fills caches that every later one finds ready (the worksheet's first render costs about half as
much again as the next ones). CPU time varies from run to run on a shared machine: compare best figures.
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
    args = sys.argv[1:]
    runs = 3
    if "--runs" in args:
        at = args.index("--runs")
        runs = int(args[at + 1])
        del args[at : at + 2]
    root = Path(args[0]) if args else Path(__file__).resolve().parent.parent
    lessons = load_kit(root=root)
    start = time.process_time()
    pdf.worker_setup()  # as in a rendering process of the build
    print(f"process set-up (import WeasyPrint, fonts, styles): {time.process_time() - start:.2f} s CPU")
    for lesson in lessons:
        view = LessonView(lesson)
        docs = {"worksheet": worksheet_html(view), "key": key_html(view)}
        best = {}
        for name, html in docs.items():
            pdf.render(html, "a4")  # warm up
            best[name] = min(pdf.render(html, "a4")[1] for _ in range(runs))
        total = sum(best.values())
        parts = ", ".join(f"{n} {s:.2f} s" for n, s in best.items())
        print(f"{lesson.slug}: {len(lesson.questions)} questions, {len(lesson.published_annotations)} annotations: {parts}; worksheet+key {total:.2f} s CPU")


if __name__ == "__main__":
    main()
