"""Micro-benchmark: what the studio's author waits for, per shipped lesson: the page's state (check
included), the first action (3 s after the studio opened, as an author reads the page first) and the
next ones (best of N). Each action's time includes the state the page is sent back.

    python bench/studio.py [--runs N]

Each lesson is copied to a temporary folder first: the repository's lessons are never written.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from closeread.studio.session import Session  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent


def _best(fn, runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    args = sys.argv[1:]
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 3
    print(f"{'lesson':40} {'lines':>6} {'state':>7} {'1st action':>11} {'action':>7}")
    for folder in sorted((ROOT / "lessons").iterdir()):
        with tempfile.TemporaryDirectory() as tmp:
            copy = Path(tmp) / folder.name
            shutil.copytree(folder, copy)
            session = Session(copy)
            time.sleep(3)  # as an author reads the page: the session tells the file's layout meanwhile
            lines = (copy / "lesson.yaml").read_text(encoding="utf-8").count("\n")
            state = _best(session.state, runs)
            n = iter(range(10_000))
            start = time.perf_counter()
            session.apply("set-field", {"key": "summary", "value": f"Summary {next(n)}."}, session.version())
            first = time.perf_counter() - start
            action = _best(lambda: session.apply("set-field", {"key": "summary", "value": f"Summary {next(n)}."}, session.version()), runs)
        print(f"{folder.name:40} {lines:6} {state:6.2f}s {first:10.2f}s {action:6.2f}s")


if __name__ == "__main__":
    main()
