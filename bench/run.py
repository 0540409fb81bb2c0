"""Benchmark the build on synthetic kits of 10, 100 and 1,000 lessons.

    python bench/run.py                      # 10, 100 and 1,000 lessons, PDFs included when the export stage makes them
    python bench/run.py --sizes 10 100 --no-pdf
    python bench/run.py --json out.json

For each size it makes a kit (bench/kitgen.py), then runs three builds, each in a fresh process as
`python build.py` would: a first build, a rebuild with nothing changed, and a rebuild after one lesson
changed. Each build reports: validation + page generation, PDF/LMS export, writing docs/, the two site
builds (side by side on two or more cores, as the build runs them; skipped when nothing they are built
from changed), the total, peak memory, the size of both sites on disk and the HTML size of one lesson
page, and how many generated files (and PDFs) were written.

Then, what readers and authors feel (`bench/browser.py`, Debian's Chromium): the bytes opening a lesson
page transfers over http (raw and gzipped), its load time and the time to a first search result with
the CPU slowed 4x at phone size, the largest HTML page of each site, the search indexes' sizes, and
`build.py serve`'s time from saving a lesson to the page showing the change (`--no-browser`,
`--no-serve` leave those out). This is a script, not a timed test: the figures depend on the machine,
and the machine's load average is printed with them.
"""

from __future__ import annotations

import argparse
import contextlib
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


def _files(folder: Path):
    """(relative path, stat) of every file under ``folder``: os.walk, since pathlib's rglob over a
    1,000-lesson kit's 10,000 files took about a second of the process time measured around a build."""
    top = os.fspath(folder)
    for current, _, names in os.walk(top):
        rel = os.path.relpath(current, top)
        prefix = "" if rel == "." else rel.replace(os.sep, "/") + "/"
        for name in names:
            yield prefix + name, os.stat(os.path.join(current, name))


def _tree_bytes(folder: Path) -> int:
    return sum(st.st_size for _, st in _files(folder))


def _mtimes(folder: Path) -> dict[str, int]:
    return {rel: st.st_mtime_ns for rel, st in _files(folder)}


def one_build(root: Path, pdf: bool) -> dict:
    """One build of ``root``, stage by stage, in this process; the figures as a dict."""
    from closeread.cache import LessonCache
    from closeread.export import export_kit
    from closeread.pipeline import Generated, publish, write_docs
    from closeread.progress import Progress
    from closeread.render.pages import lesson_pages, render_kit
    from closeread.validate.kit import load_kit
    from closeread.validate.schema import json_schema

    quiet = Progress.quiet()
    docs = root / "docs"
    before = {owned: _mtimes(docs / owned) for owned in ("lessons", "teacher")}
    out: dict = {}
    t0 = time.perf_counter()
    cpu0 = time.process_time()
    cache = LessonCache(root)  # as the build does: unchanged lessons are neither validated nor rendered again
    lessons = load_kit(root=root, cache=cache, pages_for=lesson_pages)
    t1 = time.perf_counter()
    files = {path: text.encode("utf-8") for path, text in render_kit(lessons, cache).items()}
    cache.prune()
    # as pipeline.generate does: without it, a bench build and `build.py` would each remove the other's file
    files["lessons/lesson.schema.json"] = json.dumps(json_schema(), indent=2, ensure_ascii=False).encode("utf-8") + b"\n"
    t2 = time.perf_counter()
    exported = export_kit(lessons=lessons, root=root, pdf=pdf, progress=quiet, cache=cache)
    files.update(exported)
    t3 = time.perf_counter()
    written, removed = write_docs(root=root, generated=Generated(lessons, files))
    t4 = time.perf_counter()
    publish(root=root)  # both sites, side by side on two or more cores, as the build does
    t5 = time.perf_counter()
    cpu = time.process_time() - cpu0  # this process's CPU: less at the mercy of other work on the machine than total_s
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
        total_cpu_s=cpu,
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


def _largest_html(site: Path) -> dict:
    size, path = max(((p.stat().st_size, p) for p in site.rglob("*.html")), default=(0, site))
    return {"bytes": size, "page": path.relative_to(site).as_posix() if size else ""}


def _gz(path: Path) -> int:
    import gzip

    return len(gzip.compress(path.read_bytes(), 6)) if path.exists() else 0


def _indexed(site: Path, word: str) -> bool:
    """Whether the site's search finds ``word``: in the shard of the split index it would be in."""
    from closeread.write.search import read_shard, shard_name

    shard = site / "search" / "shards" / f"{shard_name(word)}.js"
    return shard.exists() and word in read_shard(shard)


def site_figures(root: Path) -> dict:
    """Largest HTML page of each site and the size of each search index (raw and gzipped)."""
    out = {}
    for site in ("site", "site-teacher"):
        index = root / site / "search" / "search_index.json"
        out[site] = {
            "largest_html": _largest_html(root / site),
            "search_index_bytes": index.stat().st_size if index.exists() else 0,
            "search_index_gzip": _gz(index),
            "search_folder_bytes": _tree_bytes(root / site / "search"),
            # the split index (closeread/write/search.py): a query loads one shard per word
            "shards": len(list((root / site / "search" / "shards").glob("*.js"))),
            "shards_bytes": _tree_bytes(root / site / "search" / "shards"),
            "largest_shard_bytes": max((p.stat().st_size for p in (root / site / "search" / "shards").glob("*.js")), default=0),
        }
    return out


@contextlib.contextmanager
def http_server(root: Path):
    import functools
    import threading
    from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer

    class Quiet(SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(root)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def browser_figures(root: Path, slug: str, query: str) -> dict:
    """Transfer, slowed load and slowed search on one lesson page of the built student site."""
    from bench import browser as b

    with http_server(root) as base, b.chromium() as chromium:
        url = f"{base}site/lessons/{slug}/index.html"
        return {
            "transfer": b.transfer(chromium, url),
            "load_s_cpu4": b.load_time(chromium, url, slow=4),
            "search_cpu4": b.search_latency(chromium, url, query, slow=4),
            "search": b.search_latency(chromium, url, query, slow=1),
            "search_file_cpu4": b.search_latency(chromium, (root / "site" / "lessons" / slug / "index.html").as_uri(), query, slow=4),
        }


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _edit(text: str, what: str, marker: str) -> str:
    """The lesson file with one save an author makes: a note reworded, or the title changed (which the
    catalogues show too, so their pages are rebuilt as well)."""
    import re

    if what == "title":
        return re.sub(r"^title: .*$", f"title: {marker} report", text, count=1, flags=re.M)
    return re.sub(r"note: (['\"]?)Note (\w+)", lambda m: f"note: {m.group(1)}Note {marker}", text, count=1)


def serve_figures(root: Path, slug: str, *, saves: int = 3) -> dict:
    """Start ``build.py serve`` on the kit, open a lesson page, save a change to that lesson and time
    how long until the page has reloaded with it: ``saves`` notes reworded and ``saves`` titles changed,
    in turn (the median of each is kept, with every time)."""
    import statistics
    import urllib.request

    from bench import browser as b

    port = _free_port()
    log = (root / "serve.log").open("w")
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(root), "serve", "--dev-addr", f"127.0.0.1:{port}"], stdout=log, stderr=subprocess.STDOUT, cwd=REPO)
    url = f"http://127.0.0.1:{port}/lessons/{slug}/index.html"
    times: dict[str, list[float]] = {"note": [], "title": []}
    try:
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"serve stopped: see {root / 'serve.log'}")
            try:
                urllib.request.urlopen(url, timeout=2).read()
                break
            except OSError:
                time.sleep(0.5)
        ready_s = time.perf_counter() - started
        lesson = root / "lessons" / slug / "lesson.yaml"
        with b.chromium() as chromium:
            ctx = chromium.new_context(viewport=b.PHONE)
            page = ctx.new_page()
            page.goto(url, wait_until="load")
            page.wait_for_timeout(1500)  # let the live-reload script connect
            for n in range(2 * saves):
                what = ("note", "title")[n % 2]
                marker = f"Edited{n}x{port}"
                text = lesson.read_text(encoding="utf-8")
                edited = _edit(text, what, marker)
                assert edited != text, what
                saved = time.perf_counter()
                lesson.write_text(edited, encoding="utf-8")
                while True:
                    try:
                        if marker in page.content():
                            break
                    except Exception:  # the page is between two documents
                        pass
                    if time.perf_counter() - saved > 120:
                        raise SystemExit(f"serve did not show the change within 120 s: see {root / 'serve.log'}")
                    time.sleep(0.05)
                times[what].append(time.perf_counter() - saved)
                page.wait_for_timeout(1500)
            ctx.close()
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()
    return {
        "ready_s": ready_s,
        "save_to_reload_s": statistics.median(times["note"] + times["title"]),
        "note_s": statistics.median(times["note"]),
        "title_s": statistics.median(times["title"]),
        "all_s": times["note"] + times["title"],
        "times": times,
    }


def bench_size(n: int, pdf: bool, workdir: Path, *, browser: bool = True, serve: bool = True) -> dict:
    from bench.kitgen import make_kit

    root = workdir / f"kit-{n}"
    shutil.rmtree(root, ignore_errors=True)
    make_kit(root, n)
    runs = {"first": _child(root, pdf), "unchanged": _child(root, pdf)}
    runs["first"]["loader_floor_s"] = loader_floor(root)
    changed = root / "lessons" / "strike-0001" / "lesson.yaml"
    changed.write_text(changed.read_text(encoding="utf-8").replace("Note 1:", "Note one (edited):", 1), encoding="utf-8")
    runs["one_changed"] = _child(root, pdf)
    # the edited note is in the teacher site's search index, and (notes being answer material) not in the student's
    runs["one_changed"]["teacher_index_has_edit"] = _indexed(root / "site-teacher", "edited")
    runs["one_changed"]["student_index_has_edit"] = _indexed(root / "site", "edited")
    extra: dict = {"load_average": os.getloadavg()}
    extra["sites"] = site_figures(root)
    if browser:
        print(f"  {n} lessons: browser ...", file=sys.stderr, flush=True)
        extra["browser"] = browser_figures(root, "strike-0002", "harbour")
    if serve:
        print(f"  {n} lessons: serve ...", file=sys.stderr, flush=True)
        extra["serve"] = serve_figures(root, "strike-0003")
    extra["load_average_after"] = os.getloadavg()
    runs["reader"] = extra
    return runs


def _row(label: str, r: dict) -> str:
    return (
        f"| {label} | {r['generate_s']:.2f} | {r['export_s']:.2f} ({r['pdf_files_written']} PDFs) | {r['sites_s']:.1f} "
        f"| {r['total_s']:.1f} ({r['process_s']:.1f}) | {r['peak_rss_mb']:.0f} / {r['peak_rss_worker_mb']:.0f} "
        f"| {(r['site_bytes'] + r['site_teacher_bytes']) / 1e6:.1f} | {r['lesson_html_bytes'] / 1e3:.0f} | {r['generated_files_changed']} |"
    )


def _builds(runs: dict):
    return [(label, r) for label, r in runs.items() if label != "reader"]


def _kb(n: float) -> str:
    return f"{n / 1e3:,.0f}"


def reader_report(results: dict) -> str:
    """The issue's figures per kit size: what opening a page transfers, the largest pages, the search
    index, serve's save-to-reload, and the unchanged and one-changed rebuilds."""
    lines = [
        "| lessons | lesson page transfer KB (raw / gzip) | requests | load s (CPU /4) | first result s after typing (CPU /4; http / file://) | largest HTML KB (site / teacher) | search KB: list of results raw / gzip + shards (largest); teacher list + shards | serve save -> reload s | rebuild s (unchanged / one changed) | load avg |",
        "|---|---|---|---|---|---|---|---|---|---|",
    ]
    for n, runs in results.items():
        x = runs.get("reader") or {}
        sites = x.get("sites", {})
        st, te = sites.get("site", {}), sites.get("site-teacher", {})
        br = x.get("browser")
        tr = f"{_kb(br['transfer']['raw_bytes'])} / {_kb(br['transfer']['gzip_bytes'])}" if br else "-"
        req = str(br["transfer"]["requests"]) if br else "-"
        load = f"{br['load_s_cpu4']:.2f}" if br else "-"
        search = f"{br['search_cpu4']['from_typing_s']:.2f} / {br['search_file_cpu4']['from_typing_s']:.2f} (from opening search {br['search_cpu4']['from_open_s']:.1f})" if br else "-"
        largest = f"{_kb(st.get('largest_html', {}).get('bytes', 0))} / {_kb(te.get('largest_html', {}).get('bytes', 0))}"
        index = (f"{_kb(st.get('search_index_bytes', 0))} / {_kb(st.get('search_index_gzip', 0))} + {st.get('shards', 0)} shards {_kb(st.get('shards_bytes', 0))} "
                 f"(largest {_kb(st.get('largest_shard_bytes', 0))}); {_kb(te.get('search_index_bytes', 0))} + {_kb(te.get('shards_bytes', 0))}")
        sv = x.get("serve")
        serve = f"note {sv['note_s']:.1f}, title {sv['title_s']:.1f} ({', '.join(f'{t:.1f}' for t in sv['all_s'])})" if sv else "-"
        rebuild = f"{runs['unchanged']['process_s']:.1f} / {runs['one_changed']['process_s']:.1f}"
        la = x.get("load_average")
        lines.append(f"| {n} | {tr} | {req} | {load} | {search} | {largest} | {index} | {serve} | {rebuild} | {la[0]:.1f} |" if la else f"| {n} | {tr} | {req} | {load} | {search} | {largest} | {index} | {serve} | {rebuild} | - |")
    for n, runs in results.items():
        x = runs.get("reader") or {}
        for site, f in x.get("sites", {}).items():
            lines.append(f"{n} lessons, {site}/: largest page {f['largest_html']['page']} ({_kb(f['largest_html']['bytes'])} KB)")
    return "\n".join(lines)


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
        for label, r in _builds(runs):
            lines.append(_row(f"{n}, {label.replace('_', ' ')}", r))
    lines += ["", reader_report(results)]
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
    ap.add_argument("--no-browser", action="store_true", help="leave out the Chromium measurements")
    ap.add_argument("--no-serve", action="store_true", help="leave out serve's save-to-reload time")
    ap.add_argument("--report", type=Path, default=None, help="print the report of a --json file and stop")
    ap.add_argument("--one", type=Path, default=None, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.one:
        print(json.dumps(one_build(args.one, pdf=not args.no_pdf)))
        return
    if args.report:
        print(report(json.loads(args.report.read_text(encoding="utf-8")), not args.no_pdf))
        return
    own = args.workdir is None
    workdir = args.workdir or Path(tempfile.mkdtemp(prefix="closeread-bench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    results = {}
    try:
        for n in args.sizes:
            print(f"benchmarking {n} lessons ...", file=sys.stderr, flush=True)
            results[str(n)] = bench_size(n, not args.no_pdf, workdir, browser=not args.no_browser, serve=not args.no_serve)
            for label, r in _builds(results[str(n)]):  # each size as it finishes: the 1,000-lesson run is long
                print(_row(f"{n}, {label.replace('_', ' ')}", r), file=sys.stderr, flush=True)
    finally:
        if own:
            shutil.rmtree(workdir, ignore_errors=True)
    print(report(results, not args.no_pdf))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
