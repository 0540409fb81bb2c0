"""Micro-benchmark: CPU seconds to render each lesson's worksheet and key (A4) in a warm process: the pair
for the period (the core set: the default handouts) against the full pair (the extended worksheet and key,
every question).

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
from closeread.export.print_html import lesson_html  # noqa: E402
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
    sums = {"period": 0.0, "full": 0.0}
    for lesson in lessons:
        made = lesson_html(lesson)
        docs = {"worksheet": made.worksheet, "key": made.key, "extended worksheet": made.worksheet_extended, "extended key": made.key_extended}
        best = {}
        for name, html in docs.items():
            pdf.render(html, "a4")  # warm up
            best[name] = min(pdf.render(html, "a4")[1] for _ in range(runs))
        period = best["worksheet"] + best["key"]
        full = best["extended worksheet"] + best["extended key"]
        sums["period"] += period
        sums["full"] += full
        parts = ", ".join(f"{n} {s:.2f} s" for n, s in best.items())
        print(
            f"{lesson.slug}: {len(lesson.core_questions)} core / {len(lesson.questions)} questions, "
            f"{len(lesson.published_annotations)} annotations: {parts}; "
            f"period pair {period:.2f} s, full pair {full:.2f} s CPU"
        )
    if lessons:
        print(f"all {len(lessons)} lessons: period pairs {sums['period']:.2f} s, full pairs {sums['full']:.2f} s CPU")


if __name__ == "__main__":
    main()
