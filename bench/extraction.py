#!/usr/bin/env python3
"""Score the importer's body extraction like the scrapinghub article-extraction-benchmark.

    python bench/extraction.py PAGES_DIR GROUND_TRUTH_JSON

PAGES_DIR holds ``<id>.html.gz`` or ``<id>.html``; GROUND_TRUTH_JSON is ``{id: {"articleBody", "url"}}``.
The extracted body is the importer's body and subheading blocks and the posts embedded in the body (no
headline, captions or other furniture): ``ExtractedPage.body_text()``.

Scoring follows the benchmark's evaluate.py exactly: tokens are ``\\w+`` matches (case kept, as there),
shingles are 4-token n-grams counted as multisets, each page's TP/FP/FN are normalised to sum 1,
precision and recall are averaged over the pages where they are defined, and F1 is the harmonic mean of
the two averages. The last line printed is ``F1 <value>``.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from closeread.errors import ImportFailed  # noqa: E402
from closeread.importer.extract import extract_page  # noqa: E402
from closeread.importer.read import read_page  # noqa: E402

_TOKEN_RE = re.compile(r"\w+", re.UNICODE | re.MULTILINE | re.IGNORECASE | re.DOTALL)


def _ngrams(text: str, n: int = 4) -> list[tuple[str, ...]]:
    tokens = _TOKEN_RE.findall(text or "")
    return [tuple(tokens[i:i + n]) for i in range(0, max(1, len(tokens) - n + 1)) if tokens[i:i + n]]


def shingle_matching(true: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    t, p = Counter(_ngrams(true, n)), Counter(_ngrams(pred, n))
    tp = fp = fn = 0.0
    for key in set(t) | set(p):
        tc, pc = t.get(key, 0), p.get(key, 0)
        tp += min(tc, pc)
        fp += max(0, pc - tc)
        fn += max(0, tc - pc)
    s = tp + fp + fn
    return (tp / s, fp / s, fn / s) if s > 0 else (tp, fp, fn)


def precision(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fp == 0:
        return 0.0
    return tp / (tp + fp)


def recall(tp: float, fp: float, fn: float) -> float:
    if fp == fn == 0:
        return 1.0
    if tp == fn == 0:
        return 0.0
    return tp / (tp + fn)


def overall(results: list[tuple[float, float, float]]) -> tuple[float, float, float]:
    p = statistics.mean([precision(*r) for r in results if r[0] + r[1] > 0])
    r = statistics.mean([recall(*r) for r in results if r[0] + r[2] > 0])
    return 2 * p * r / (p + r), p, r


def _page(pages: Path, key: str) -> Path | None:
    for suffix in (".html.gz", ".html", ".htm"):
        path = pages / f"{key}{suffix}"
        if path.exists():
            return path
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", type=Path)
    parser.add_argument("ground_truth", type=Path)
    args = parser.parse_args(argv)
    truth = json.loads(args.ground_truth.read_text(encoding="utf-8"))
    results = []
    started = time.perf_counter()
    for key, item in truth.items():
        path = _page(args.pages, key)
        pred, note = "", ""
        if path is None:
            note = "  (page missing)"
        else:
            try:
                pred = extract_page(read_page(path), url=item.get("url")).body_text()
            except ImportFailed as e:
                note = f"  ({e})"
        r = shingle_matching(item.get("articleBody", ""), pred)
        results.append(r)
        print(f"{key[:16]}  P {precision(*r):.3f}  R {recall(*r):.3f}{note}")
    f1, p, r = overall(results)
    print(f"{len(results)} pages in {time.perf_counter() - started:.1f} s")
    print(f"precision {p:.3f}  recall {r:.3f}")
    print(f"F1 {f1:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
