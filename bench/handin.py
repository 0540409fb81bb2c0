"""Hand-in codes and the class results page, measured in Debian's Chromium (Playwright, never `playwright install`).

Builds the shipped kit without PDFs into a temporary folder (or takes a built kit with ``--kit``), opens the
teacher site's class results page from file://, and in the page itself, with the same encoder the student page
uses (docs/javascripts/closeread-handin.js):

- makes ``--students`` hand-in codes (200 by default) for a set of ``--questions`` questions (12 by default:
  the lesson's core set, then more practice) of ``--lesson`` with answers drawn from a fixed seed: options,
  claims, a few words for a find question, and a typical written answer (two or three sentences, 150 to 350
  characters) for each short question;
- reports the codes' length, deflated (what Chromium makes) and plain (a browser without CompressionStream);
- times pasting all of them at once until the results are drawn (decoding, checking, the table of students
  by questions and the question-by-question table; each question's written answers stay folded), best
  and median of ``--runs``, and then opening every question's written answers (what printing does).

    python bench/handin.py [--kit DIR] [--lesson SLUG] [--students 200] [--questions 12] [--runs 5]

A benchmark, not a test: nothing here fails on a slow machine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from bench.browser import chromium  # noqa: E402

SENTENCES = [
    "The headline says more than the story does.",
    "Only one source gives the figure, and the article does not say how they know it.",
    "The outlet states this in its own voice, so it is asserted, not reported.",
    "I searched for the outlet in a new tab and found that it is run by a state agency.",
    "Words like 'slammed' and 'regime' tell the reader what to feel before the facts do.",
    "The photo shows soldiers, but the caption does not say where or when it was taken.",
    "A neutral verb would be 'said', which does not suggest the statement is true or a confession.",
    "What is missing is any comment from the other side, and a second source for the number.",
]

MAKE = """async ([slug, students, count, sentences, seed]) => {
  const d = window.closereadResults[slug];
  const qs = d.questions.filter((q) => q.core).concat(d.questions.filter((q) => !q.core)).slice(0, count);
  let x = seed >>> 0;
  const rnd = (n) => { x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0; return x % n; };
  const written = () => { const k = 2 + rnd(2); let t = ""; for (let i = 0; i < k; i++) t += (i ? " " : "") + sentences[rnd(sentences.length)]; return t; };
  const records = [];
  for (let s = 0; s < students; s++) {
    const items = qs.map((q) => {
      const first = rnd(3) === 0;
      const it = { i: q.i, type: q.type, done: rnd(10) > 0, first, ok: first || rnd(2) === 0, shown: rnd(4) === 0, self: 1 + rnd(3), hints: rnd(2) };
      if (q.type === "single") { it.a = rnd(q.options.length); it.f = rnd(q.options.length); }
      if (q.type === "multiple") { it.a = q.options.map((o, i) => i).filter(() => rnd(2)); it.f = q.options.map((o, i) => i).filter(() => rnd(2)); }
      if (q.type === "sort") { it.a = q.claims.map(() => 1 + rnd(2)); it.f = q.claims.map(() => 1 + rnd(2)); }
      if (q.type === "find") it.text = (q.answer || "the words of the article").split(" ").slice(0, 2 + rnd(4)).join(" ");
      if (q.type === "short") it.text = written();
      return it;
    });
    records.push({ lesson: d.slug, version: d.version, handedIn: Date.UTC(2026, 11, 1, 9, s % 60), minutes: 15 + rnd(20), name: "Student " + String(s + 1).padStart(3, "0"), items });
  }
  const H = window.closereadHandin;
  const deflated = [];
  for (const r of records) deflated.push(await H.encode(r));
  const saved = window.CompressionStream;
  window.CompressionStream = undefined;
  const plain = [];
  for (const r of records) plain.push(await H.encode(r));
  window.CompressionStream = saved;
  const types = {};
  qs.forEach((q) => { types[q.type] = (types[q.type] || 0) + 1; });
  const chars = records.map((r) => r.items.reduce((n, it) => n + (it.type === "short" ? it.text.length : 0), 0));
  return { codes: deflated, deflated: deflated.map((c) => c.length), plain: plain.map((c) => c.length), types, written: chars };
}"""

LOAD = """async (codes) => {
  const page = window.closereadResultsPage;
  document.querySelector('.cr-rs-clear').click();
  const t0 = performance.now();
  await page.add([{ label: "Pasted text", text: codes.join("\\n") }]);
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const rows = document.querySelectorAll('.cr-rs-students tbody tr').length;
  const seconds = (performance.now() - t0) / 1000;
  const t1 = performance.now();
  window.dispatchEvent(new Event("beforeprint")); // opens every question's written answers, as printing does
  await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  return { seconds, written: (performance.now() - t1) / 1000, rows, first: document.querySelector('.cr-rs-msgs li').textContent };
}"""


def _build(kit: Path) -> None:
    sys.path.insert(0, str(REPO))
    from tests.conftest import make_kit

    make_kit(kit, REPO / "lessons")
    subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "build", "--no-pdf"], check=True, capture_output=True)


def measure(kit: Path, *, lesson: str, students: int, questions: int, runs: int) -> dict:
    url = (kit.resolve() / "site-teacher" / "teacher" / "results.html").as_uri()
    with chromium() as browser:
        page = browser.new_page()
        page.goto(url)
        page.locator("#cr-rs-lesson").select_option(lesson)
        page.wait_for_function(f"window.closereadResults && window.closereadResults[{json.dumps(lesson)}]")
        made = page.evaluate(MAKE, [lesson, students, questions, SENTENCES, 2026])
        times, written = [], []
        for _ in range(runs):
            got = page.evaluate(LOAD, made["codes"])
            assert got["rows"] == students, got
            times.append(got["seconds"])
            written.append(got["written"])
        page.locator(".cr-rs-clear").click()
    return {
        "lesson": lesson,
        "students": students,
        "questions": questions,
        "types": made["types"],
        "written_chars_median": statistics.median(made["written"]),
        "code_chars_deflated": {"min": min(made["deflated"]), "median": statistics.median(made["deflated"]), "max": max(made["deflated"])},
        "code_chars_plain": {"min": min(made["plain"]), "median": statistics.median(made["plain"]), "max": max(made["plain"])},
        "load_seconds": {"best": min(times), "median": statistics.median(times), "runs": times},
        "open_written_seconds": {"best": min(written), "median": statistics.median(written)},
    }


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--kit", type=Path, help="a built kit (holding site-teacher/); default: build the shipped lessons into a temporary folder")
    ap.add_argument("--lesson", default="sputnik-africa-desertions")
    ap.add_argument("--students", type=int, default=200)
    ap.add_argument("--questions", type=int, default=12)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the figures to this file")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        kit = args.kit
        if kit is None:
            kit = Path(tmp) / "kit"
            _build(kit)
        result = measure(kit, lesson=args.lesson, students=args.students, questions=args.questions, runs=args.runs)
    d, p, t = result["code_chars_deflated"], result["code_chars_plain"], result["load_seconds"]
    print(f"{result['lesson']}: {result['questions']} questions {result['types']}, written answers {result['written_chars_median']:.0f} characters (median per student)")
    print(f"code length, deflated: {d['min']}-{d['max']} characters (median {d['median']:.0f}); plain: {p['min']}-{p['max']} (median {p['median']:.0f})")
    print(f"{result['students']} codes pasted at once, read and drawn: best {t['best']:.3f} s, median {t['median']:.3f} s over {len(t['runs'])} runs")
    w = result["open_written_seconds"]
    print(f"then every question's written answers opened (as printing does): best {w['best']:.3f} s, median {w['median']:.3f} s")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
