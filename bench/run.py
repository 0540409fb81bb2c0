"""Benchmark the build on synthetic kits of 10, 100 and 1,000 lessons.

    python bench/run.py                      # 10, 100 and 1,000 lessons, PDFs included when the export stage makes them
    python bench/run.py --sizes 10 100 --no-pdf
    python bench/run.py --json out.json

For each size it makes a kit (bench/kitgen.py), then runs three builds, each in a fresh process as
`python build.py` would: a first build, a rebuild with nothing changed, and a rebuild after one lesson
changed. Each build reports: validation + page generation, PDF/LMS export, writing docs/, the two site
builds (side by side on two or more cores, as the build runs them), the total, peak memory, the size of both sites on disk and the HTML size of one lesson page, and
how many generated files (and PDFs) were written. This is a script, not a timed test: the figures depend
on the machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")


def _tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file()) if folder.exists() else 0


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def one_build(root: Path, pdf: bool) -> dict:
    """One build of ``root``, stage by stage, in this process; the figures as a dict."""
    from closeread.cache import LessonCache
    from closeread.export import export_kit
    from closeread.pipeline import Generated, publish, write_docs
    from closeread.progress import Progress
    from closeread.render.pages import lesson_pages, render_kit
    from closeread.validate.kit import load_kit

    quiet = Progress.quiet()
    docs = root / "docs"
    before = {owned: _mtimes(docs / owned) for owned in ("lessons", "teacher")}
    out: dict = {}
    t0 = time.perf_counter()
    cache = LessonCache(root)  # as the build does: unchanged lessons are neither validated nor rendered again
    lessons = load_kit(root=root, cache=cache, pages_for=lesson_pages)
    t1 = time.perf_counter()
    files = {path: text.encode("utf-8") for path, text in render_kit(lessons, cache).items()}
    cache.prune()
    t2 = time.perf_counter()
    exported = export_kit(lessons=lessons, root=root, pdf=pdf, progress=quiet, cache=cache)
    files.update(exported)
    t3 = time.perf_counter()
    written, removed = write_docs(root=root, generated=Generated(lessons, files))
    t4 = time.perf_counter()
    publish(root=root)  # both sites, side by side on two or more cores, as the build does
    t5 = time.perf_counter()
    after = {owned: _mtimes(docs / owned) for owned in ("lessons", "teacher")}
    changed = [f"{o}/{p}" for o in after for p, m in after[o].items() if before[o].get(p) != m]
    self_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    child_cpu = resource.getrusage(resource.RUSAGE_CHILDREN)
    first = lessons[0].slug
    out.update(
        lessons=len(lessons),
        validate_s=t1 - t0,
        render_s=t2 - t1,
        generate_s=t2 - t0,
        export_s=t3 - t2,
        pdfs=sum(1 for p in exported if p.endswith(".pdf")),
        pdf_files_written=sum(1 for p in changed if p.endswith(".pdf")),
        export_child_cpu_s=child_cpu.ru_utime + child_cpu.ru_stime,
        write_s=t4 - t3,
        sites_s=t5 - t4,
        total_s=t5 - t0,
        files_written=written,
        files_removed=removed,
        generated_files_changed=len(changed),
        peak_rss_mb=self_rss,
        peak_rss_worker_mb=child_rss,
        site_bytes=_tree_bytes(root / "site"),
        site_teacher_bytes=_tree_bytes(root / "site-teacher"),
        lesson_html_bytes=(root / "site" / "lessons" / first / "index.html").stat().st_size,
        teacher_html_bytes=(root / "site-teacher" / "teacher" / first / "index.html").stat().st_size,
    )
    return out


def loader_floor(root: Path) -> float:
    """Seconds of CPU that libyaml's C loader alone (``yaml.load`` with ``CSafeLoader``, no line numbers,
    no checks) takes to read every lesson.yaml of the kit: a floor under any generation step that reads
    the lessons with it, which the 2 % target is measured against."""
    import yaml

    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "lessons").glob("*/lesson.yaml"))]
    start = time.process_time()
    for text in texts:
        yaml.load(text, Loader=yaml.CSafeLoader)
    return time.process_time() - start


def _child(root: Path, pdf: bool) -> dict:
    cmd = [sys.executable, __file__, "--one", str(root)] + ([] if pdf else ["--no-pdf"])
    start = time.perf_counter()
    done = subprocess.run(cmd, capture_output=True, text=True, cwd=REPO)
    if done.returncode != 0:
        raise SystemExit(f"build of {root} failed:\n{done.stderr[-3000:]}")
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_s"] = time.perf_counter() - start  # with interpreter start and imports, as the CLI sees it
    return result


def bench_size(n: int, pdf: bool, workdir: Path) -> dict:
    from bench.kitgen import make_kit

    root = workdir / f"kit-{n}"
    shutil.rmtree(root, ignore_errors=True)
    make_kit(root, n)
    runs = {"first": _child(root, pdf), "unchanged": _child(root, pdf)}
    runs["first"]["loader_floor_s"] = loader_floor(root)
    changed = root / "lessons" / "strike-0001" / "lesson.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Note 1:", "Note one (edited):", 1), encoding="utf-8")
    runs["one_changed"] = _child(root, pdf)
    return runs


def _row(label: str, r: dict) -> str:
    return (
        f"| {label} | {r['generate_s']:.2f} | {r['export_s']:.2f} ({r['pdf_files_written']} PDFs) | {r['sites_s']:.1f} "
        f"| {r['total_s']:.1f} ({r['process_s']:.1f}) | {r['peak_rss_mb']:.0f} / {r['peak_rss_worker_mb']:.0f} "
        f"| {(r['site_bytes'] + r['site_teacher_bytes']) / 1e6:.1f} | {r['lesson_html_bytes'] / 1e3:.0f} | {r['generated_files_changed']} |"
    )


def report(results: dict, pdf: bool) -> str:
    cpu = platform.processor() or platform.machine()
    try:
        model = next(l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name"))
    except (OSError, StopIteration):
        model = cpu
    lines = [
        f"machine: {os.cpu_count()} cores ({model}), Python {platform.python_version()}, {platform.system()}; PDFs {'on' if pdf else 'off'}",
        "",
        "| lessons, build | validate + generate (s) | export (s) | both sites (s) | total (with start-up) (s) | peak MB (main / workers) | both sites (MB) | lesson page HTML (KB) | generated files rewritten |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for n, runs in results.items():
        for label, r in runs.items():
            lines.append(_row(f"{n}, {label.replace('_', ' ')}", r))
    sizes = sorted(results, key=int)
    lines.append("")
    for n in sizes:
        r = results[n]["first"]
        floor = r.get("loader_floor_s")
        floor_note = ""
        if floor is not None:  # older --json files lack it
            share = 100 * floor / (os.cpu_count() or 1) / r["sites_s"]
            floor_note = f" (libyaml's C loader alone, reading every lesson.yaml spread over {os.cpu_count()} cores: {share:.1f}%)"
        lines.append(f"{n} lessons: generation is {100 * r['generate_s'] / r['sites_s']:.1f}% of the site builds' time{floor_note}")
    if len(sizes) >= 2:
        a, b = results[sizes[-2]]["first"], results[sizes[-1]]["first"]
        lines.append(f"site builds {sizes[-2]} -> {sizes[-1]} lessons: x{b['sites_s'] / a['sites_s']:.1f} (x{int(sizes[-1]) / int(sizes[-2]):.0f} lessons)")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[10, 100, 1000])
    ap.add_argument("--no-pdf", action="store_true")
    ap.add_argument("--workdir", type=Path, default=None, help="where the kits are made (default: a temporary folder, removed afterwards)")
    ap.add_argument("--json", type=Path, default=None, help="also write the figures as JSON")
    ap.add_argument("--one", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_build(args.one, pdf=not args.no_pdf)))
        return
    own = args.workdir is None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="closeread-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        for n in args.sizes:
            print(f"benchmarking {n} lessons ...", file=sys.stderr, flush=True)
            results[str(n)] = bench_size(n, not args.no_pdf, workdir)
            for label, r in results[str(n)].items():  # each size as it finishes: the 1,000-lesson run is long
                print(_row(f"{n}, {label.replace('_', ' ')}", r), file=sys.stderr, flush=True)
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    print(report(results, not args.no_pdf))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
