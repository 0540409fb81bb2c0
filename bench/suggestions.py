#!/usr/bin/env python3
"""Score suggested annotations strictly against hand-made gold annotations of real pages.

    python bench/suggestions.py [--split NAME|all] [-v] [--lesson DIR ...]

By default every gold file of ``bench/gold/`` is scored, each split on its own (``dev``, ``heldout``, and
any other name a gold file gives), except every split whose name starts with ``unseen`` (``unseen``,
``unseen2``, ...), scored only when asked for with ``--split NAME`` so that no tuning run shows them (see
bench/gold/README.md for the files and the span convention); ``--split NAME`` scores one. For each one the saved page of the shared corpus is imported exactly as
``build.py new`` imports it (same article text, same marked parts), the suggester runs on it as it
does there, and its proposals are compared with the gold annotations:

- a proposal and a gold annotation match when they are of the same kind and their spans overlap by at
  least half of the shorter span;
- matching is one-to-one (a maximum matching: one proposal cannot count for two gold annotations, nor
  two proposals for one);
- precision = matched proposals / proposals, recall = matched gold annotations / gold annotations,
  per kind and overall, for each split separately;
- neutral verbs of saying ("said", "told", "says", "according to", "stated", "added", with their
  auxiliaries) are left out of the attribution-verb scoring on both sides: the suggester proposes at
  most one note on their pattern, not one per verb, and a gold file may still list each of them
  (``NEUTRAL_VERBS``; how many were left out is printed).

A gold quote that cannot be found in the imported text (the import lost it) counts as missed.
``--second DIR`` puts a second annotator's gold files of the same pages (same file names) in the
suggester's place: how far two careful annotators agree, by the same strict rule, is the ceiling the
suggester's figures are read against.
``--lesson DIR`` scores a lesson's own annotations (not ``suggested``) as the gold instead; a lesson's
annotations are rarely exhaustive, so its precision is a lower bound.

The last line is ``<split> precision P recall R`` for the split asked for (with ``all``, the last split
in the order dev, heldout, then any other by name).
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from closeread.importer.draft import article_text, caption_spans, furniture_spans  # noqa: E402
from closeread.importer.extract import extract_page  # noqa: E402
from closeread.importer.read import read_page  # noqa: E402
from closeread.suggest import suggest  # noqa: E402
from closeread.suggest.anchor import locate  # noqa: E402
from closeread.validate.anchor import ArticleIndex  # noqa: E402

from bench.pages import page_path  # noqa: E402

KINDS = ["figure", "source", "attribution-verb", "quote", "loaded-language", "speculation", "claim"]
GOLD = ROOT / "bench" / "gold"
CORPUS = ROOT.parent / "shared" / "corpus" / "article-extraction-dev"
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The splits in the order they are printed; any other split a gold file names follows, by name.
KNOWN_SPLITS = ["dev", "heldout", "unseen"]
# Splits that `all` leaves out (every name starting with this): their figures are read once, at the end,
# with --split NAME, so that no tuning run shows them.
ASKED_ONLY_PREFIX = "unseen"


def asked_only(split: str) -> bool:
    """'unseen', 'unseen2', ...: held out from every default run."""
    return split.startswith(ASKED_ONLY_PREFIX)
# Neutral verbs of saying: scored neither as gold nor as proposals (a teacher does not want each one).
NEUTRAL_VERBS = {"said", "says", "say", "saying", "told", "tells", "tell", "telling", "according to", "stated",
                 "states", "added", "adds"}
_AUXILIARIES = {"has", "have", "had", "is", "was", "were", "are", "be", "been", "will", "would", "also", "later",
                "earlier", "then", "further", "previously", "reportedly"}


def is_neutral_verb(words: str) -> bool:
    """'said', 'has said', 'According to': a neutral verb of saying, with its auxiliaries."""
    toks = [w for w in words.lower().split() if w not in _AUXILIARIES]
    return " ".join(toks) in NEUTRAL_VERBS


def split_order(splits) -> list[str]:
    """Known splits first, in their order, then any other by name (a new split is scored, not refused)."""
    found = set(splits)
    return [s for s in KNOWN_SPLITS if s in found] + sorted(found - set(KNOWN_SPLITS))


@dataclass(frozen=True)
class Span:
    kind: str
    start: int
    end: int
    label: str


@dataclass(frozen=True)
class Case:
    name: str
    split: str
    text: str
    gold: tuple[Span, ...]
    lost: tuple[Span, ...]  # gold annotations whose words the import lost (counted as missed)
    proposals: tuple[Span, ...]
    neutral_gold: int = 0       # gold neutral verbs of saying, left out of the scoring
    neutral_proposed: int = 0   # proposed ones (the pattern note), left out too


def matches(a: Span, b: Span) -> bool:
    """Same kind, and the overlap is at least half of the shorter span."""
    if a.kind != b.kind:
        return False
    overlap = min(a.end, b.end) - max(a.start, b.start)
    return overlap > 0 and 2 * overlap >= min(a.end - a.start, b.end - b.start)


def one_to_one(gold: list[Span], proposals: list[Span]) -> list[tuple[int, int]]:
    """A maximum matching (Kuhn's augmenting paths): pairs (gold index, proposal index)."""
    edges = [[j for j, p in enumerate(proposals) if matches(g, p)] for g in gold]
    owner: dict[int, int] = {}

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if j not in owner or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        augment(i, set())
    return sorted((i, j) for j, i in owner.items())


def _locate_gold(index: ArticleIndex, entry: list, skip: list[tuple[int, int]]) -> tuple[int, int] | None:
    """The gold annotation's span: its quote's one match (inside its context's one match, when given).
    Matches on lines the import marked as furniture do not count: a lead repeated in a teaser box is
    annotated where it is the article's."""
    def content(matches):
        return [m for m in matches if not any(a <= m.start < b for a, b in skip)]

    quote = entry[1]
    context = entry[2] if len(entry) > 2 else None
    found = content(index.find_all(quote))
    if context is not None:
        around = content(index.find_all(context))
        if len(around) != 1:
            return None
        found = [m for m in found if around[0].start <= m.start and m.end <= around[0].end]
    return (found[0].start, found[0].end) if len(found) == 1 else None


def _page_file(page: str) -> Path:
    found = sorted((CORPUS / "html").glob(f"{page}*.html*"))
    if len(found) != 1:
        raise SystemExit(f"bench/gold: page {page!r} matches {len(found)} files in {CORPUS / 'html'}")
    return found[0]


def _url(page_file: Path) -> str | None:
    truth = json.loads((CORPUS / "ground-truth.json").read_text(encoding="utf-8"))
    return (truth.get(page_file.name.split(".")[0]) or {}).get("url")


def _proposals(text: str, skip: list[tuple[int, int]], captions: list[tuple[int, int]] = ()) -> list[Span]:
    out = []
    for s in suggest(text, skip=skip, captions=captions):
        span = locate(text, s["quote"], s.get("occurrence"))
        if span is None:
            raise SystemExit(f"suggestion {s['id']} does not anchor: {s['quote']!r}")
        out.append(Span(s["kind"], span[0], span[1], s["id"]))
    return out


def _neutral(text: str, spans: list[Span]) -> tuple[list[Span], int]:
    """The spans without attribution verbs that are neutral verbs of saying, and how many those were."""
    kept = [s for s in spans if not (s.kind == "attribution-verb" and s.end > s.start
                                     and is_neutral_verb(text[s.start:s.end]))]
    return kept, len(spans) - len(kept)


def _case(name: str, split: str, text: str, gold: list[Span], lost: list[Span], proposals: list[Span]) -> Case:
    gold, neutral_gold = _neutral(text, gold)
    lost = [g for g in lost if not (g.kind == "attribution-verb" and is_neutral_verb(g.label))]
    proposals, neutral_proposed = _neutral(text, proposals)
    return Case(name, split, text, tuple(gold), tuple(lost), tuple(proposals), neutral_gold, neutral_proposed)


def gold_files(split: str) -> list[Path]:
    """The gold files a run may open: a file named for an asked-only split ("unseen2-...yaml") is not even
    read unless that very split is asked for, so that a tuning run never sees its pages (and scoring
    ``unseen`` does not open ``unseen2``)."""
    files = sorted(GOLD.glob("*.yaml"))
    return [p for p in files if not asked_only(p.name) or asked_only(split) and p.name.startswith(f"{split}-")]


def _read_page(data: dict):
    if data.get("file"):
        # A page from outside the shared corpus (bench/pages.py fetches and checks it).
        page_file, url = page_path(str(data["file"])), data.get("url")
    else:
        page_file = _page_file(str(data["page"]))
        url = _url(page_file)
    return extract_page(read_page(page_file), url=url)


def _gold_spans(path: Path, data: dict, index: ArticleIndex, skip) -> tuple[list[Span], list[Span]]:
    """A gold file's annotations as spans of the imported text, and those the import lost."""
    gold, lost = [], []
    for n, entry in enumerate(data["annotations"], start=1):
        if entry[0] not in KINDS:
            raise SystemExit(f"{path.name}: annotation {n}: unknown kind {entry[0]!r}")
        span = _locate_gold(index, entry, skip)
        if span is None:
            lost.append(Span(entry[0], 0, 0, entry[1]))
        else:
            gold.append(Span(entry[0], span[0], span[1], f"g{n}"))
    return gold, lost


def gold_case(path: Path, second: Path | None = None) -> Case:
    """The suggester's proposals against a gold file; or, with ``second``, a second annotator's file of
    the same page in their place (how far two careful annotators agree, by the very same rule)."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    page = _read_page(data)
    text = article_text(page)
    index = ArticleIndex(text)
    skip = furniture_spans(page, text)
    gold, lost = _gold_spans(path, data, index, skip)
    if second is not None:
        other = second / path.name
        if not other.is_file():
            raise SystemExit(f"bench/gold: no second annotation {other} for {path.name}")
        proposals, _ = _gold_spans(other, yaml.load(other.read_text(encoding="utf-8"), Loader=_Loader),
                                   index, skip)
    else:
        proposals = _proposals(text, skip, caption_spans(page, text))
    return _case(path.stem, str(data.get("split") or "unsplit"), text, gold, lost, proposals)


def lesson_case(folder: Path) -> Case:
    data = yaml.load((folder / "lesson.yaml").read_text(encoding="utf-8"), Loader=_Loader)
    article = data.get("article") or {}
    text = (folder / (article.get("file") or "article.txt")).read_text(encoding="utf-8")
    gold, lost = [], []
    skip, captions = [], []
    for part in article.get("parts") or []:
        if part.get("role") in ("furniture", "credit", "caption"):
            span = locate(text, str(part.get("quote")), part.get("occurrence"))
            if span:
                (captions if part.get("role") == "caption" else skip).append(span)
    for a in data.get("annotations") or []:
        if a.get("suggested") or a.get("kind") not in KINDS or not a.get("quote"):
            continue
        span = locate(text, str(a["quote"]), a.get("occurrence"), a.get("prefix"), a.get("suffix"))
        if span is None:
            lost.append(Span(a["kind"], 0, 0, str(a["quote"])))
        else:
            gold.append(Span(a["kind"], span[0], span[1], str(a.get("id"))))
    return _case(folder.name, "lesson", text, gold, lost, _proposals(text, skip, captions))


def _counts() -> dict[str, dict[str, int]]:
    return {k: {"gold": 0, "found": 0, "proposed": 0, "kept": 0} for k in KINDS}


def score(case: Case) -> tuple[dict, list[Span], list[Span]]:
    """Per-kind counts, the gold annotations missed and the proposals matched to nothing."""
    counts = _counts()
    pairs = one_to_one(list(case.gold), list(case.proposals))
    hit_gold = {i for i, _ in pairs}
    hit_prop = {j for _, j in pairs}
    for g in case.gold + case.lost:
        counts[g.kind]["gold"] += 1
    for i in hit_gold:
        counts[case.gold[i].kind]["found"] += 1
    for j, p in enumerate(case.proposals):
        counts[p.kind]["proposed"] += 1
        if j in hit_prop:
            counts[p.kind]["kept"] += 1
    missed = [g for i, g in enumerate(case.gold) if i not in hit_gold] + list(case.lost)
    extra = [p for j, p in enumerate(case.proposals) if j not in hit_prop]
    return counts, missed, extra


def _ratio(a: int, b: int) -> str:
    return f"{a / b:.2f}" if b else "  - "


def table(title: str, counts: dict) -> tuple[float, float]:
    print(f"-- {title}")
    print(f"{'kind':18} {'gold':>5} {'found':>6} {'recall':>7} {'proposed':>9} {'kept':>5} {'precision':>9}")
    sums = {"gold": 0, "found": 0, "proposed": 0, "kept": 0}
    for kind in KINDS:
        r = counts[kind]
        for key in sums:
            sums[key] += r[key]
        print(f"{kind:18} {r['gold']:5d} {r['found']:6d} {_ratio(r['found'], r['gold']):>7} "
              f"{r['proposed']:9d} {r['kept']:5d} {_ratio(r['kept'], r['proposed']):>9}")
    print(f"{'overall':18} {sums['gold']:5d} {sums['found']:6d} {_ratio(sums['found'], sums['gold']):>7} "
          f"{sums['proposed']:9d} {sums['kept']:5d} {_ratio(sums['kept'], sums['proposed']):>9}")
    p = sums["kept"] / sums["proposed"] if sums["proposed"] else 0.0
    r = sums["found"] / sums["gold"] if sums["gold"] else 0.0
    return p, r


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="all", metavar="NAME",
                        help="dev, heldout, unseen or any split a gold file names; all (the default): each "
                             "one but those whose name starts with unseen")
    parser.add_argument("--lesson", type=Path, nargs="*", default=None, help="score lessons' own annotations")
    parser.add_argument("--second", type=Path, metavar="DIR",
                        help="score a second annotator's gold files (same names, in DIR) against the first's "
                             "instead of the suggester: the agreement of two people, by the same rule")
    parser.add_argument("-v", "--verbose", action="store_true", help="list what was missed and what was extra")
    args = parser.parse_args(argv)
    if args.lesson:
        cases = [lesson_case(d if d.is_absolute() else Path.cwd() / d) for d in args.lesson]
        splits = ["lesson"]
    else:
        files = gold_files(args.split)
        if args.second:
            files = [p for p in files if (args.second / p.name).is_file()]
        cases = [gold_case(p, args.second) for p in files]
        present = split_order(c.split for c in cases)
        if args.split != "all" and args.split not in present:
            print(f"bench/gold: no gold file has split {args.split!r}; the files have: "
                  f"{', '.join(present) or 'none'}", file=sys.stderr)
            return 1
        splits = [x for x in present if not asked_only(x)] if args.split == "all" else [args.split]
    last = (0.0, 0.0)
    for split in splits:
        total = _counts()
        neutral = [0, 0]
        for case in (c for c in cases if c.split == split):
            neutral[0] += case.neutral_gold
            neutral[1] += case.neutral_proposed
            counts, missed, extra = score(case)
            found = sum(r["found"] for r in counts.values())
            gold = sum(r["gold"] for r in counts.values())
            kept = sum(r["kept"] for r in counts.values())
            proposed = sum(r["proposed"] for r in counts.values())
            print(f"{split:8} {case.name:48} recall {_ratio(found, gold)} ({found}/{gold})  "
                  f"precision {_ratio(kept, proposed)} ({kept}/{proposed})")
            if args.verbose:
                for g in sorted(missed, key=lambda s: (s.kind, s.start)):
                    shown = case.text[g.start:g.end] if g.end else f"(not in the import) {g.label}"
                    print(f"    missed {g.kind:17} {shown[:110]!r}")
                for p in sorted(extra, key=lambda s: (s.kind, s.start)):
                    print(f"    extra  {p.kind:17} {case.text[p.start:p.end][:110]!r}")
            for kind in KINDS:
                for key in total[kind]:
                    total[kind][key] += counts[kind][key]
        last = table(split, total)
        print(f"(neutral verbs of saying left out: {neutral[0]} in the gold, {neutral[1]} proposed)")
    print(f"{splits[-1]} precision {last[0]:.2f} recall {last[1]:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
