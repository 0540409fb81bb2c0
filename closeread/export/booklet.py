"""The kit's booklet: a small front matter (cover, contents) rendered with WeasyPrint, then every lesson's
worksheet and key PDF as they are, merged here. Nothing of a lesson is rendered again for the booklet.

The lesson PDFs are read with pypdf one at a time and their objects copied into the booklet as they are
read (renumbered), so memory holds one lesson PDF's objects, not the whole booklet's. The rest is written
here: the page tree, the bookmarks (each lesson, its worksheet and its key), named destinations for the
contents' links, the booklet page number at the top right of every page but the cover (a tiny Type 3
font drawn from Noto Sans' digits, so no extra font file), the metadata of the front matter, and an /ID
derived from the booklet's cache key: equal inputs, equal bytes.

The booklet's cache key: its parts' keys, the front matter's skeleton (what its HTML is made from but
the page numbers: the titles, the language and the date) and the code. The page numbers in the
contents follow from the parts, so they need not be in the key.
"""

from __future__ import annotations

import hashlib
import io
import json
import math
import time
from collections import deque
from dataclasses import dataclass, field
from functools import cache
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, Callable

from closeread.errors import BuildFailed
from closeread.export import fonts
from closeread.export.cache import PdfCache, content_key
from closeread.export.print_html import Booklet, paper_stylesheet, stylesheet
from closeread.progress import Progress

# Bump when the booklet's bytes change in a way this file's text does not show.
MERGE_VERSION = "1"

STAMP_FONT = b"/CRpn"  # the page number font's resource name (WeasyPrint's fonts have 6 capitals)
STAMP_SIZE = 8.5  # pt
STAMP_RIGHT = 16 * 72 / 25.4  # the page's right margin (print.css), pt
STAMP_TOP = 27.0  # baseline below the page's top edge, in the 16 mm top margin, pt
GROUP = 32  # lessons per intermediate page tree node
FRONT = "cover and contents"  # the progress label of front matter renderings

HEADER = b"%PDF-1.7\n%\xb5\xed\xae\xfb\n"


@cache
def merge_version() -> str:
    from closeread.export.pdf import code_version

    own = hashlib.sha256(Path(__file__).read_bytes()).hexdigest()[:16]
    return f"closeread-booklet {MERGE_VERSION} {own} pypdf {metadata.version('pypdf')} {code_version()}"


def booklet_key(booklet: Booklet, keys: dict[str, str]) -> str:
    parts = [keys[p] for e in booklet.entries for p in (e.worksheet, e.key)]
    return content_key(
        merge_version(), stylesheet(), paper_stylesheet(booklet.paper), "\n".join(fonts.installed()), front_skeleton(booklet), *parts
    )


def front_skeleton(booklet: Booklet) -> str:
    """What the front matter is made from but its page numbers: the booklet's language, metadata and
    entries (its template is code, in ``merge_version``). Written out, not rendered: rendering the
    contents of 1,000 lessons twice took a fifth of a second of every build."""
    entries = [[e.slug, e.title, e.worksheet, e.key] for e in booklet.entries]
    return json.dumps({"language": booklet.language, "meta": booklet.meta, "entries": entries}, ensure_ascii=False, sort_keys=True)


# --- PDF objects -----------------------------------------------------------------------------------


class _Buf(bytearray):
    """What pypdf's ``write_to_stream`` writes into."""

    def write(self, data: bytes) -> int:
        self.extend(data)
        return len(data)


class _Raw(bytes):
    """PDF source written as it is."""


def _ref(num: int) -> _Raw:
    return _Raw(b"%d 0 R" % num)


def _text(value: str) -> bytes:
    from pypdf.generic import TextStringObject

    buf = _Buf()
    TextStringObject(value).write_to_stream(buf)
    return bytes(buf)


class _Out:
    """The booklet file, written object by object; the cross-reference table at the end."""

    def __init__(self, fh: BinaryIO):
        self.fh = fh
        self.offsets: dict[int, int] = {}
        self.last = 0
        fh.write(HEADER)

    def alloc(self) -> int:
        self.last += 1
        return self.last

    def obj(self, num: int, body: bytes) -> None:
        self.offsets[num] = self.fh.tell()
        self.fh.write(b"%d 0 obj\n" % num)
        self.fh.write(body)
        self.fh.write(b"\nendobj\n")

    def stream(self, num: int, head: bytes, data: bytes) -> None:
        """``head``: the stream dictionary's entries but /Length."""
        self.obj(num, b"<<" + head + b"/Length %d>>\nstream\n" % len(data) + data + b"\nendstream")

    def finish(self, root: int, info: int, file_id: bytes) -> None:
        missing = [n for n in range(1, self.last + 1) if n not in self.offsets]
        if missing:
            raise AssertionError(f"booklet: objects allocated but not written: {missing[:5]}")
        xref = self.fh.tell()
        size = self.last + 1
        self.fh.write(b"xref\n0 %d\n0000000000 65535 f \n" % size)
        self.fh.write(b"".join(b"%010d 00000 n \n" % self.offsets[n] for n in range(1, size)))
        ident = file_id.hex().encode()
        self.fh.write(b"trailer\n<</Size %d/Root %d 0 R/Info %d 0 R/ID[<%s><%s>]>>\nstartxref\n%d\n%%%%EOF\n" % (size, root, info, ident, ident, xref))


def _serialize(obj, out: _Buf, ref: Callable) -> None:
    from pypdf.generic import IndirectObject, NameObject, PdfObject

    if isinstance(obj, _Raw):
        out += obj
    elif isinstance(obj, IndirectObject):
        out += b"%d 0 R" % ref(obj)
    elif isinstance(obj, PdfObject) and isinstance(obj, (dict, list)) and getattr(obj, "indirect_reference", None) is not None and _is_stream(obj):
        out += b"%d 0 R" % ref(obj.indirect_reference)  # a stream pypdf resolved in place: still a reference
    elif isinstance(obj, dict):
        out += b"<<"
        for k, v in dict.items(obj):
            if isinstance(k, NameObject):
                k.write_to_stream(out)
            else:
                out += k.encode("ascii")
            out += b" "
            _serialize(v, out, ref)
        out += b">>"
    elif isinstance(obj, list):
        out += b"["
        for i, v in enumerate(list.__iter__(obj)):
            if i:
                out += b" "
            _serialize(v, out, ref)
        out += b"]"
    elif obj is None:
        out += b"null"
    else:
        obj.write_to_stream(out)


def _is_stream(obj) -> bool:
    from pypdf.generic import StreamObject

    return isinstance(obj, StreamObject)


# --- the page number font --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Digits:
    upm: int
    widths: tuple[int, ...]  # of 0..9, in glyph units
    procs: tuple[bytes, ...]  # Type 3 glyph descriptions of 0..9
    bbox: tuple[int, int, int, int]

    def width(self, text: str, size: float) -> float:
        return sum(self.widths[int(c)] for c in text) * size / self.upm


@cache
def _digits() -> _Digits:
    """The outlines of Noto Sans' digits (DejaVu Sans if it is missing), as PDF paths."""
    from fontTools.pens.basePen import BasePen
    from fontTools.ttLib import TTFont

    files = {tuple(row.split("|")[:2]): row.split("|")[2] for row in fonts.installed()}
    path = files.get(("Noto Sans", "Regular")) or files.get(("DejaVu Sans", "Book"))
    if not path:
        raise BuildFailed("PDFs: the booklet's page numbers need Noto Sans (Debian package fonts-noto-core)")

    class Pen(BasePen):
        def __init__(self, glyphset):
            super().__init__(glyphset)
            self.ops: list[str] = []

        def _moveTo(self, p):
            self.ops.append(f"{round(p[0])} {round(p[1])} m")

        def _lineTo(self, p):
            self.ops.append(f"{round(p[0])} {round(p[1])} l")

        def _curveToOne(self, p1, p2, p3):
            self.ops.append(" ".join(f"{round(x)} {round(y)}" for x, y in (p1, p2, p3)) + " c")

        def _qCurveToOne(self, p1, p2):  # quadratic to cubic
            p0 = self._getCurrentPoint()
            c1 = (p0[0] + 2 / 3 * (p1[0] - p0[0]), p0[1] + 2 / 3 * (p1[1] - p0[1]))
            c2 = (p2[0] + 2 / 3 * (p1[0] - p2[0]), p2[1] + 2 / 3 * (p1[1] - p2[1]))
            self._curveToOne(c1, c2, p2)

        def _closePath(self):
            self.ops.append("h")

    font = TTFont(path, lazy=True)
    glyphs = font.getGlyphSet()
    cmap = font.getBestCmap()
    upm = font["head"].unitsPerEm
    widths, procs, boxes = [], [], []
    for digit in "0123456789":
        glyph = glyphs[cmap[ord(digit)]]
        pen = Pen(glyphs)
        glyph.draw(pen)
        xs = [int(t) for op in pen.ops for t in op.split()[:-1][0::2]]
        ys = [int(t) for op in pen.ops for t in op.split()[:-1][1::2]]
        box = (min(xs), min(ys), max(xs), max(ys))
        boxes.append(box)
        widths.append(round(glyph.width))
        procs.append((f"{round(glyph.width)} 0 {box[0]} {box[1]} {box[2]} {box[3]} d1\n" + "\n".join(pen.ops) + "\nf\n").encode("ascii"))
    bbox = (min(b[0] for b in boxes), min(b[1] for b in boxes), max(b[2] for b in boxes), max(b[3] for b in boxes))
    return _Digits(upm, tuple(widths), tuple(procs), bbox)


_TO_UNICODE = b"""/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<00> <FF>
endcodespacerange
1 beginbfrange
<30> <39> <0030>
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end
"""


def _write_font(out: _Out, num: int) -> None:
    d = _digits()
    names = [b"/zero", b"/one", b"/two", b"/three", b"/four", b"/five", b"/six", b"/seven", b"/eight", b"/nine"]
    procs = []
    for proc in d.procs:
        n = out.alloc()
        out.stream(n, b"", proc)
        procs.append(n)
    cmap = out.alloc()
    out.stream(cmap, b"", _TO_UNICODE)
    scale = 1 / d.upm
    out.obj(
        num,
        b"<</Type/Font/Subtype/Type3/FontBBox[%d %d %d %d]" % d.bbox
        + b"/FontMatrix[%s 0 0 %s 0 0]" % (_num(scale), _num(scale))
        + b"/CharProcs<<" + b"".join(name + b" %d 0 R" % n for name, n in zip(names, procs)) + b">>"
        + b"/Encoding<</Type/Encoding/Differences[48" + b"".join(names) + b"]>>"
        + b"/FirstChar 48/LastChar 57/Widths[" + b" ".join(b"%d" % w for w in d.widths) + b"]"
        + b"/Resources<<>>/ToUnicode %d 0 R>>" % cmap,
    )


def _num(x: float) -> bytes:
    return (f"{x:.6f}".rstrip("0").rstrip(".") or "0").encode("ascii")


def _stamp(number: int, width: float, height: float) -> bytes:
    text = str(number)
    x = width - STAMP_RIGHT - _digits().width(text, STAMP_SIZE)
    y = height - STAMP_TOP
    return b"\n0 g BT %s %s Tf 1 0 0 1 %s %s Tm (%s) Tj ET\n" % (STAMP_FONT, _num(STAMP_SIZE), _num(round(x, 3)), _num(round(y, 3)), text.encode())


# --- merging ---------------------------------------------------------------------------------------


@dataclass
class _PageRec:
    num: int  # the page object's number in the booklet
    stamp: int  # its page number stream's number (0: no page number)
    width: float
    height: float


@dataclass
class _Merge:
    out: _Out
    font: int
    q: int  # shared streams "q" and "Q": a page's own content is wrapped in them
    big_q: int
    pages: list[_PageRec] = field(default_factory=list)

    def add(self, data: bytes, parent: int, *, stamped: Callable[[int], bool], shown: str) -> tuple[list[_PageRec], object]:
        """Copy one PDF's pages (and everything they use) into the booklet; its pages and its reader."""
        from pypdf import PdfReader

        try:
            reader = PdfReader(io.BytesIO(data))
            pages = list(reader.pages)
            out = self.out
            mapping: dict[tuple[int, int], int] = {}
            queue: deque = deque()

            def ref(ind) -> int:
                k = (ind.idnum, ind.generation)
                n = mapping.get(k)
                if n is None:
                    n = mapping[k] = out.alloc()
                    queue.append((n, ind))
                return n

            recs = []
            for page in pages:
                k = (page.indirect_reference.idnum, page.indirect_reference.generation)
                mapping[k] = out.alloc()
            for i, page in enumerate(pages):
                num = mapping[(page.indirect_reference.idnum, page.indirect_reference.generation)]
                box = [float(v) for v in page.mediabox]
                rec = _PageRec(num, out.alloc() if stamped(i) else 0, box[2] - box[0], box[3] - box[1])
                entries = dict(dict.items(page))
                entries["/Parent"] = _ref(parent)
                if rec.stamp:
                    contents = entries.get("/Contents")
                    own = list(list.__iter__(contents.get_object())) if _is_array(contents) else ([contents] if contents is not None else [])
                    entries["/Contents"] = [_ref(self.q), *own, _ref(self.big_q), _ref(rec.stamp)]
                    resources = dict(dict.items(_resolved(entries.get("/Resources")) or {}))
                    font = dict(dict.items(_resolved(resources.get("/Font")) or {}))
                    font[STAMP_FONT.decode()] = _ref(self.font)
                    resources["/Font"] = font
                    entries["/Resources"] = resources
                body = _Buf()
                _serialize(entries, body, ref)
                out.obj(num, bytes(body))
                recs.append(rec)
            while queue:
                num, ind = queue.popleft()
                obj = ind.get_object()
                body = _Buf()
                if _is_stream(obj):
                    head = dict(dict.items(obj))
                    head.pop("/Length", None)
                    _serialize(head, body, ref)
                    out.stream(num, bytes(body[2:-2]), obj._data)  # the stream's bytes as stored (still encoded)
                else:
                    _serialize(obj, body, ref)
                    out.obj(num, bytes(body))
            self.pages.extend(recs)
            return recs, reader
        except BuildFailed:
            raise
        except Exception as exc:
            raise BuildFailed(f"docs/{shown}: cannot be added to the booklet: {type(exc).__name__}: {exc}") from exc


def _is_array(obj) -> bool:
    from pypdf.generic import ArrayObject

    return isinstance(obj.get_object() if obj is not None else None, ArrayObject)


def _resolved(obj):
    return obj.get_object() if obj is not None else None


def _page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def _guess_front_pages(booklet: Booklet) -> int:
    """Cover + contents: about 15 lessons to a page of contents on A4, 14 on Letter (a wrong guess costs
    one more rendering of the front matter)."""
    return 1 + max(1, math.ceil(len(booklet.entries) / (15 if booklet.paper == "a4" else 14)))


def _front(booklet: Booklet, starts_for: Callable[[int], dict], cache_: PdfCache, report, progress: Progress) -> tuple[bytes, int, str]:
    """The front matter as a PDF whose page count is the one its contents assumed (padded with blank
    pages in the rare case it cannot be: the count can only grow from one try to the next)."""
    from closeread.export.pdf import doc_key, render

    n = _guess_front_pages(booklet)
    for attempt in range(8):
        doc = booklet.front_doc(starts_for(n))
        key = doc_key(doc)
        data = cache_.get(key)
        if data is None:
            progress.count(FRONT, 0, 1)
            try:
                data, cpu = render(doc.html, doc.paper)
            except Exception as exc:
                raise BuildFailed(f"docs/{doc.path}: PDF rendering failed: {type(exc).__name__}: {exc}") from exc
            cache_.put(key, data)
            report.front_rendered.append(doc.path)
            progress.count(FRONT, 1, 1)
            report.cpu_seconds[doc.path] = report.cpu_seconds.get(doc.path, 0.0) + cpu
        m = _page_count(data)
        if m == n or (m < n and attempt >= 2):
            return data, n - m, key
        n = m
    raise BuildFailed(f"docs/{booklet.path}: the contents' page count does not settle")


def merge(booklet: Booklet, parts: dict[str, bytes], fh: BinaryIO, *, file_id: bytes, cache_: PdfCache, report, progress: Progress) -> str:
    """Write the booklet into ``fh``; return the cache key of the front matter it used."""
    out = _Out(fh)
    root, info, outlines, tree, front_node = (out.alloc() for _ in range(5))
    font, q, big_q = out.alloc(), out.alloc(), out.alloc()
    entries = booklet.entries
    groups = [out.alloc() for _ in range(math.ceil(len(entries) / GROUP))]
    lesson_nodes = [out.alloc() for _ in entries]
    m = _Merge(out, font, q, big_q)
    _write_font(out, font)
    out.stream(q, b"", b"q\n")
    out.stream(big_q, b"", b"\nQ\n")

    # the lessons first (their page counts decide the contents), in the booklet's page order
    firsts: list[tuple[_PageRec, _PageRec]] = []
    counts: list[tuple[int, int]] = []
    lesson_pages: list[list[_PageRec]] = []
    for e, node in zip(entries, lesson_nodes):
        ws, _ = m.add(parts[e.worksheet], node, stamped=lambda i: True, shown=e.worksheet)
        key, _ = m.add(parts[e.key], node, stamped=lambda i: True, shown=e.key)
        firsts.append((ws[0], key[0]))
        counts.append((len(ws), len(key)))
        lesson_pages.append(ws + key)

    def starts_for(front_pages: int) -> dict[str, tuple[int, int]]:
        starts, page = {}, front_pages + 1
        for e, (w, k) in zip(entries, counts):
            starts[e.slug] = (page, page + w)
            page += w + k
        return starts

    front_data, padding, front_key = _front(booklet, starts_for, cache_, report, progress)
    front_recs, reader = m.add(front_data, front_node, stamped=lambda i: i > 0, shown=booklet.path)
    last = front_recs[-1]
    for _ in range(padding):
        rec = _PageRec(out.alloc(), out.alloc(), last.width, last.height)
        out.obj(rec.num, b"<</Type/Page/Parent %d 0 R/MediaBox[0 0 %s %s]/Resources<</Font<<%s %d 0 R>>>>/Contents[%d 0 R]>>" % (front_node, _num(rec.width), _num(rec.height), STAMP_FONT, font, rec.stamp))
        front_recs.append(rec)
    # metadata and language from the front matter (rendered from the same meta as every PDF)
    catalog = reader.trailer["/Root"]
    lang = catalog.get("/Lang")
    meta = dict(dict.items(reader.trailer["/Info"].get_object())) if "/Info" in reader.trailer else {}
    meta["/Producer"] = _Raw(_text(f"{meta.get('/Producer', 'WeasyPrint')} (front matter); merged by closeread with pypdf {metadata.version('pypdf')}"))
    body = _Buf()
    _serialize(meta, body, lambda ind: (_ for _ in ()).throw(BuildFailed("booklet: unexpected reference in the front matter's metadata")))
    out.obj(info, bytes(body))

    # page numbers: the booklet's page order is the front matter, then the lessons
    ordered = front_recs + [r for pages in lesson_pages for r in pages]
    for number, rec in enumerate(ordered, start=1):
        if rec.stamp:
            out.stream(rec.stamp, b"", _stamp(number, rec.width, rec.height))

    # the page tree: root -> front matter, groups of lessons -> lesson -> pages
    def node(num: int, parent: int, kids: list[int], count: int) -> None:
        out.obj(num, b"<</Type/Pages/Parent %d 0 R/Kids[%s]/Count %d>>" % (parent, b" ".join(b"%d 0 R" % k for k in kids), count))

    node(front_node, tree, [r.num for r in front_recs], len(front_recs))
    group_counts = []
    for g, gnum in enumerate(groups):
        members = range(g * GROUP, min(len(entries), (g + 1) * GROUP))
        for i in members:
            node(lesson_nodes[i], gnum, [r.num for r in lesson_pages[i]], len(lesson_pages[i]))
        group_counts.append(sum(len(lesson_pages[i]) for i in members))
        node(gnum, tree, [lesson_nodes[i] for i in members], group_counts[-1])
    out.obj(tree, b"<</Type/Pages/Kids[%s]/Count %d>>" % (b" ".join(b"%d 0 R" % k for k in [front_node, *groups]), len(ordered)))

    # bookmarks: Contents, then each lesson (closed) with its worksheet and its key
    def dest(rec: _PageRec) -> bytes:
        return b"[%d 0 R/Fit]" % rec.num

    top = [(out.alloc(), "Contents", front_recs[1] if len(front_recs) > 1 else front_recs[0], [])]
    for e, (w, k) in zip(entries, firsts):
        top.append((out.alloc(), " ".join(e.title.split()), w, [(out.alloc(), "Student worksheet", w, []), (out.alloc(), "Teacher key", k, [])]))

    def items(level: list, parent: int) -> None:
        for i, (num, title, rec, kids) in enumerate(level):
            links = b"/Parent %d 0 R" % parent
            if i:
                links += b"/Prev %d 0 R" % level[i - 1][0]
            if i + 1 < len(level):
                links += b"/Next %d 0 R" % level[i + 1][0]
            if kids:
                links += b"/First %d 0 R/Last %d 0 R/Count %d" % (kids[0][0], kids[-1][0], -len(kids))
            out.obj(num, b"<</Title " + _text(title) + links + b"/Dest" + dest(rec) + b">>")
            items(kids, num)

    items(top, outlines)
    out.obj(outlines, b"<</Type/Outlines/First %d 0 R/Last %d 0 R/Count %d>>" % (top[0][0], top[-1][0], len(top)))

    # named destinations: the contents link to "<slug>-worksheet" and "<slug>-key"
    names = sorted((f"{e.slug}-{part}", rec) for e, (w, k) in zip(entries, firsts) for part, rec in (("worksheet", w), ("key", k)))
    dests = b" ".join(_text(name) + b" " + dest(rec) for name, rec in names)
    lang_entry = b"/Lang " + _text(str(lang)) if lang else b""
    out.obj(root, b"<</Type/Catalog/Pages %d 0 R/Outlines %d 0 R/PageMode/UseOutlines/Names<</Dests<</Names[%s]>>>>%s>>" % (tree, outlines, dests, lang_entry))
    out.finish(root, info, file_id)
    return front_key


def export_booklets(
    booklets: list[Booklet], *, parts: dict[str, bytes], keys: dict[str, str], root: Path, render_missing: bool, progress: Progress, report
) -> tuple[dict[str, bytes], set[str]]:
    """Each booklet from the cache, or merged from the lesson PDFs in ``parts`` (then cached); and the
    cache keys it used (to keep when the cache is pruned). Booklets to merge (A4 and Letter) are merged
    side by side, one per core."""
    from closeread.processes import map_forked

    start = time.perf_counter()
    cache_ = PdfCache(root)
    files: dict[str, bytes] = {}
    used: set[str] = set()
    todo: list[tuple[Booklet, str]] = []
    for booklet in booklets:
        key = booklet_key(booklet, keys)
        data = cache_.get(key)
        if data is not None:
            files[booklet.path] = data
            report.cached.append(booklet.path)
            used.update([key, *cache_.note(key).get("front", [])])
            continue
        if not render_missing or any(p not in parts for e in booklet.entries for p in (e.worksheet, e.key)):
            report.skipped.append(booklet.path)
            continue
        todo.append((booklet, key))
    shared = (todo, parts, root, progress)
    for (booklet, key), (front_key, fronts, cpu) in zip(todo, map_forked(_merge_one, shared, len(todo))):
        used.update([key, front_key])
        files[booklet.path] = cache_.get(key)  # just merged there by this build, with its tag
        report.merged.append(booklet.path)
        report.front_rendered.extend(fronts)
        for path, seconds in cpu.items():
            report.cpu_seconds[path] = report.cpu_seconds.get(path, 0.0) + seconds
    report.merge_seconds = time.perf_counter() - start
    return files, used


def _merge_one(shared: tuple, index: int) -> tuple[str, list[str], dict[str, float]]:
    """Merge booklet ``index`` of ``shared`` into the cache; what the export report needs to know."""
    from closeread.export.pdf import RenderReport

    todo, parts, root, progress = shared
    booklet, key = todo[index]
    cache_ = PdfCache(root)
    own = RenderReport()
    # merges side by side would fight over the terminal's progress line: only the first one reports
    with cache_.writing(key) as fh:
        front_key = merge(
            booklet, parts, fh, file_id=bytes.fromhex(key[:32]), cache_=cache_, report=own, progress=progress if index == 0 else Progress.quiet()
        )
    cache_.put_note(key, {"front": [front_key]})
    return front_key, own.front_rendered, own.cpu_seconds
