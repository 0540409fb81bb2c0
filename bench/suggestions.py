#!/usr/bin/env python3
"""Compare suggested annotations with a lesson's own annotations.

    python bench/suggestions.py [LESSON_DIR ...]     (default: lessons/sputnik-africa-desertions)

For each lesson, runs ``closeread.suggest.suggest`` on ``article.txt`` and compares the proposals with
the lesson's own (not ``suggested``) annotations of the kinds figure, source, attribution-verb, quote,
loaded-language, speculation and claim. Spans are compared as character ranges in the article, found
the way the lesson format anchors quotes (forgiving white space, quotes and dashes).

- recall: share of the teacher's spans that some proposal overlaps (any kind); "kind recall" counts
  only proposals of the same kind.
- precision: share of proposals that overlap some teacher annotation of those kinds.

Prints per-kind and overall figures; the last line is ``recall R precision P`` (overall, any kind).
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from closeread.suggest import suggest  # noqa: E402
from closeread.suggest.anchor import locate  # noqa: E402

KINDS = ["figure", "source", "attribution-verb", "quote", "loaded-language", "speculation", "claim"]
DEFAULT = ["lessons/sputnik-africa-desertions"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def load(lesson_dir: Path) -> tuple[str, list[dict]]:
    data = yaml.load((lesson_dir / "lesson.yaml").read_text(encoding="utf-8"), Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    article_file = ((data.get("article") or {}).get("file")) or "article.txt"
    text = (lesson_dir / article_file).read_text(encoding="utf-8")
    return text, list(data.get("annotations") or [])


def compare(text: str, annotations: list[dict]) -> dict:
    teacher = []
    unanchored = []
    for a in annotations:
        if a.get("suggested") or a.get("kind") not in KINDS or not a.get("quote"):
            continue
        span = locate(text, str(a["quote"]), a.get("occurrence"), a.get("prefix"), a.get("suffix"))
        if span is None:
            unanchored.append(a.get("id"))
            continue
        teacher.append((a["kind"], span, a.get("id")))
    proposals = []
    for s in suggest(text):
        span = locate(text, s["quote"], s.get("occurrence"))
        if span is None:
            raise SystemExit(f"suggestion {s['id']} does not anchor: {s['quote']!r}")
        proposals.append((s["kind"], span, s["id"]))

    per_kind = {}
    for kind in KINDS:
        t = [x for x in teacher if x[0] == kind]
        p = [x for x in proposals if x[0] == kind]
        per_kind[kind] = {
            "teacher": len(t),
            "found_any": sum(any(_overlap(x[1], y[1]) for y in proposals) for x in t),
            "found_kind": sum(any(_overlap(x[1], y[1]) for y in p) for x in t),
            "proposed": len(p),
            "hit": sum(any(_overlap(y[1], x[1]) for x in teacher) for y in p),
        }
    missed = [x for x in teacher if not any(_overlap(x[1], y[1]) for y in proposals)]
    wrong = [y for y in proposals if not any(_overlap(y[1], x[1]) for x in teacher)]
    return {"per_kind": per_kind, "missed": missed, "wrong": wrong, "unanchored": unanchored}


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    dirs = [a for a in argv if a != "-v"] or DEFAULT
    totals = {k: {"teacher": 0, "found_any": 0, "found_kind": 0, "proposed": 0, "hit": 0} for k in KINDS}
    for d in dirs:
        lesson_dir = Path(d)
        if not lesson_dir.is_absolute():
            lesson_dir = (Path.cwd() / lesson_dir) if (Path.cwd() / lesson_dir).exists() else ROOT / lesson_dir
        text, annotations = load(lesson_dir)
        result = compare(text, annotations)
        print(f"== {lesson_dir.name}")
        if result["unanchored"]:
            print(f"   (not anchored, left out: {', '.join(map(str, result['unanchored']))})")
        for kind, row in result["per_kind"].items():
            for key in row:
                totals[kind][key] += row[key]
        if verbose:
            for kind, span, ident in result["missed"]:
                print(f"   missed   {kind:17} {ident}: {text[span[0]:span[1]]!r}")
            for kind, span, ident in result["wrong"]:
                print(f"   extra    {kind:17} {ident}: {text[span[0]:span[1]]!r}")
    print(f"{'kind':18} {'teacher':>7} {'recall':>7} {'kind-recall':>11} {'proposed':>8} {'precision':>9}")
    sums = {"teacher": 0, "found_any": 0, "found_kind": 0, "proposed": 0, "hit": 0}
    for kind in KINDS:
        r = totals[kind]
        for key in sums:
            sums[key] += r[key]
        print(f"{kind:18} {r['teacher']:7d} {_ratio(r['found_any'], r['teacher']):>7} "
              f"{_ratio(r['found_kind'], r['teacher']):>11} {r['proposed']:8d} {_ratio(r['hit'], r['proposed']):>9}")
    print(f"{'overall':18} {sums['teacher']:7d} {_ratio(sums['found_any'], sums['teacher']):>7} "
          f"{_ratio(sums['found_kind'], sums['teacher']):>11} {sums['proposed']:8d} {_ratio(sums['hit'], sums['proposed']):>9}")
    recall = sums["found_any"] / sums["teacher"] if sums["teacher"] else 0.0
    precision = sums["hit"] / sums["proposed"] if sums["proposed"] else 0.0
    print(f"recall {recall:.2f} precision {precision:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
