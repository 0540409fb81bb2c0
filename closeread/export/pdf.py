"""Render print HTML to PDF with WeasyPrint: only what the cache lacks, spread over the machine's cores.

Each worker process imports WeasyPrint once, loads the fonts and parses the stylesheets once, then
renders many documents. With nothing or one document to render, it renders in this process.
A worker process freezes what it holds after set-up (modules, fonts, stylesheets, and with ``fork`` the
parent's objects): the garbage collector, which rendering sets off often, then skips the hundreds of
thousands of objects that live as long as the process (a full collection of them costs about 0.08 s).
"""

from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import gc
import hashlib
import os
import time
import zlib
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path

from closeread.errors import BuildFailed
from closeread.export import fonts
from closeread.export.cache import PdfCache, content_key, extended_key, key_hasher
from closeread.export.print_html import PAPERS, PrintDoc, paper_stylesheet, stylesheet
from closeread.processes import context, worker_count
from closeread.progress import Progress

# Bump when the rendering options below change the output in a way the HTML and CSS do not show.
RENDER_VERSION = "2"  # 2: streams compressed at zlib level 6 (see _Zlib6)


@cache
def code_version() -> str:
    """What, besides HTML, CSS and fonts, decides a PDF's bytes: this module and the renderer's version."""
    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"closeread-pdf {RENDER_VERSION} {own} weasyprint {metadata.version('weasyprint')} pydyf {metadata.version('pydyf')}"


def doc_key(doc: PrintDoc) -> str:
    return content_key(code_version(), stylesheet(), paper_stylesheet(doc.paper), "\n".join(fonts.installed()), doc.html)


def doc_keys(docs: list[PrintDoc]) -> dict[str, str]:
    """``doc_key`` of each document by its path: what they all share (the code, the stylesheets, the
    fonts) is read and hashed once per paper, not once per document (8,000 documents at 1,000 lessons),
    and an HTML text that several documents share (one on each paper) is encoded once."""
    shared = {}
    encoded: dict[int, bytes] = {}  # by the text's id: ``docs`` holds every text while this runs
    keys = {}
    for doc in docs:
        if doc.paper not in shared:
            shared[doc.paper] = key_hasher(code_version(), stylesheet(), paper_stylesheet(doc.paper), "\n".join(fonts.installed()))
        html = encoded.get(id(doc.html))
        if html is None:
            html = encoded[id(doc.html)] = doc.html.encode("utf-8")
        keys[doc.path] = extended_key(shared[doc.paper], html)
    return keys


# --- inside a rendering process ------------------------------------------------------------------

_STATE: dict = {}


class _Zlib6:
    """What pydyf sees as ``zlib``: its streams are compressed at level 6 instead of 9, the slowest level
    (for about 2 % more bytes, 5–10 % less CPU per document; the bytes stay the same for the same input)."""

    compress = staticmethod(zlib.compress)

    @staticmethod
    def compressobj(level: int = -1, *args, **kwargs):
        return zlib.compressobj(min(level, 6), *args, **kwargs)


def setup() -> None:
    """Import WeasyPrint, load the fonts and parse the stylesheets: once per process."""
    if _STATE:
        return
    import logging

    import pydyf
    import weasyprint
    from weasyprint.text.fonts import FontConfiguration

    if getattr(pydyf, "zlib", None) is zlib:
        pydyf.zlib = _Zlib6

    logging.getLogger("weasyprint").setLevel(logging.CRITICAL)
    # The print HTML loads nothing: no protocol is allowed, so no text can make the renderer read a
    # file or reach an address (a refused resource is left out, with no message).
    refuse = weasyprint.URLFetcher(allowed_protocols=(), allow_redirects=False, timeout=1)
    font_config = FontConfiguration()
    base = weasyprint.CSS(string=stylesheet(), font_config=font_config, url_fetcher=refuse)
    _STATE.update(
        weasyprint=weasyprint,
        font_config=font_config,
        fetcher=refuse,
        css={paper: [base, weasyprint.CSS(string=paper_stylesheet(paper), url_fetcher=refuse)] for paper in PAPERS},
    )


def worker_setup() -> None:
    """A rendering process's set-up: ``setup``, then what the process holds is frozen (left out of every
    garbage collection from now on)."""
    setup()
    gc.collect()
    gc.freeze()


def render(html: str, paper: str) -> tuple[bytes, float]:
    """One PDF and the CPU seconds it took."""
    setup()
    cpu = time.process_time()
    weasyprint = _STATE["weasyprint"]
    document = weasyprint.HTML(string=html, url_fetcher=_STATE["fetcher"])
    data = document.write_pdf(stylesheets=_STATE["css"][paper], font_config=_STATE["font_config"])
    return data, time.process_time() - cpu


# --- the export stage ----------------------------------------------------------------------------


@dataclass
class RenderReport:
    rendered: list[str] = field(default_factory=list)  # paths under docs/
    cached: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # not cached and not rendered (pdf=False)
    cpu_seconds: dict[str, float] = field(default_factory=dict)  # rendered path -> CPU seconds
    wall_seconds: float = 0.0
    workers: int = 0
    keys: dict[str, str] = field(default_factory=dict)  # path -> cache key, of every document asked for
    merged: list[str] = field(default_factory=list)  # booklets merged (not taken from the cache)
    front_rendered: list[str] = field(default_factory=list)  # booklet front matter rendered (in this process)
    merge_seconds: float = 0.0


def _render_all(todo: dict[str, PrintDoc], progress: Progress, report: RenderReport) -> dict[str, bytes]:
    """Render one document per key; the biggest first, so a long one does not finish last."""
    order = sorted(todo, key=lambda k: (-len(todo[k].html), todo[k].path))
    out: dict[str, bytes] = {}
    total = len(order)
    progress.count("PDFs", 0, total)
    if total <= 1:
        report.workers = 1 if total else 0
        for key in order:
            out[key], report.cpu_seconds[todo[key].path] = _guarded(todo[key], render)
            progress.count("PDFs", len(out), total)
        return out
    report.workers = min(worker_count(), total)
    with cf.ProcessPoolExecutor(max_workers=report.workers, mp_context=context(), initializer=worker_setup) as pool:
        futures = {pool.submit(render, todo[k].html, todo[k].paper): k for k in order}
        try:
            for future in cf.as_completed(futures):
                key = futures[future]
                out[key], report.cpu_seconds[todo[key].path] = _guarded(todo[key], lambda *_: future.result())
                progress.count("PDFs", len(out), total)
        except BaseException:
            for f in futures:
                f.cancel()
            raise
    return out


def _guarded(doc: PrintDoc, fn):
    try:
        return fn(doc.html, doc.paper)
    except cf.process.BrokenProcessPool as exc:
        raise BuildFailed(f"docs/{doc.path}: a PDF rendering process died ({exc})") from exc
    except Exception as exc:
        raise BuildFailed(f"docs/{doc.path}: PDF rendering failed: {type(exc).__name__}: {exc}") from exc


def export_pdfs(
    docs: list[PrintDoc], *, root: Path, render_missing: bool = True, progress: Progress | None = None, prune: bool = True
) -> tuple[dict[str, bytes], RenderReport]:
    """Every PDF by its path under docs/, from the cache or freshly rendered (and then cached).

    ``render_missing=False`` (``build --no-pdf``) renders nothing: PDFs in the cache are used, the
    others are left out. After a full export the cache keeps only the PDFs of this build (``prune=False``:
    the caller prunes, knowing the other PDFs it keeps)."""
    progress = progress or Progress.quiet()
    start = time.perf_counter()
    report = RenderReport()
    if render_missing:
        fonts.check()
    cache_ = PdfCache(root)
    keys = report.keys = doc_keys(docs)
    files: dict[str, bytes] = {}
    todo: dict[str, PrintDoc] = {}
    for doc in docs:
        key = keys[doc.path]
        data = cache_.get(key)
        if data is not None:
            files[doc.path] = data
            report.cached.append(doc.path)
        elif render_missing:
            todo.setdefault(key, doc)
        else:
            report.skipped.append(doc.path)
    if todo:
        rendered = _render_all(todo, progress, report)
        for key, data in rendered.items():
            cache_.put(key, data)
        for doc in docs:
            if doc.path not in files and keys[doc.path] in rendered:
                files[doc.path] = rendered[keys[doc.path]]
                report.rendered.append(doc.path)
    if render_missing and prune:
        cache_.prune(set(keys.values()))
    report.wall_seconds = time.perf_counter() - start
    return files, report


_LAST_ZIP_SECOND = 4354819199  # 2107-12-31 23:59:59 UTC: a zip entry's year is 1980 plus seven bits


def source_date(environ: dict | None = None) -> dt.datetime | None:
    """SOURCE_DATE_EPOCH as a UTC time, or None when it is not set."""
    value = (os.environ if environ is None else environ).get("SOURCE_DATE_EPOCH", "").strip()
    if not value:
        return None
    try:
        seconds = int(value)
        if not 0 <= seconds <= _LAST_ZIP_SECOND:
            raise ValueError(value)
        return dt.datetime.fromtimestamp(seconds, tz=dt.timezone.utc)
    except (ValueError, OverflowError, OSError) as exc:
        raise BuildFailed(
            f"SOURCE_DATE_EPOCH={value!r}: expected a whole number of seconds between 0 (1970) and {_LAST_ZIP_SECOND} "
            "(2107, the last time a zip file holds)"
        ) from exc
