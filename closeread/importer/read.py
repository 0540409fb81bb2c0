"""Read a saved page from disk: decide what it is, decode it, and refuse what cannot be imported.

Every refusal is an ``ImportFailed(path, "<what is wrong>; <what was expected>")``.
"""

from __future__ import annotations

import codecs
import gzip
import re
import stat
import zlib
from dataclasses import dataclass
from pathlib import Path

from closeread.errors import ImportFailed
from closeread.importer.encodings import codec_for, decode

MAX_BYTES = 20 * 1024 * 1024  # decompressed size limit
_CHUNK = 64 * 1024

HTML_SUFFIXES = (".html", ".htm", ".html.gz", ".htm.gz")
TEXT_SUFFIXES = (".txt",)
EXPECTED = "a saved web page (.html, .htm, .html.gz) or a plain-text article (.txt)"

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same two bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# <meta charset="x"> and <meta http-equiv="Content-Type" content="text/html; charset=x">, within the
# first 8 KB as the HTML standard's prescan does (it looks at 1 KB; saved pages often have more before).
_META_CHARSET = re.compile(rb"<meta\b[^>]*?\bcharset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_DECL = re.compile(rb"^\s*<\?xml[^>]*\bencoding\s*=\s*[\"']([A-Za-z0-9_.:\-]+)[\"']", re.I)
_HTML_MARKERS = re.compile(
    r"<\s*(!doctype\s+html|html|head|body|meta|title|p|div|article|main|section|h[1-6]|span|a|br|table)\b",
    re.I,
)

_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive (or an office document)"),
    (b"\x1f\x8b", "gzip-compressed data"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"RIFF", "a RIFF media file"),
)


@dataclass(frozen=True)
class PageSource:
    """A decoded page: ``kind`` is ``"html"`` or ``"text"``."""

    path: Path
    kind: str
    text: str
    encoding: str


def _fail(path: Path, message: str) -> ImportFailed:
    return ImportFailed(str(path), message)


def _kind(path: Path) -> str:
    name = path.name.lower()
    if name.endswith(HTML_SUFFIXES):
        return "html"
    if name.endswith(TEXT_SUFFIXES):
        return "text"
    suffix = "".join(path.suffixes[-2:]) or "(none)"
    raise _fail(path, f"unsupported file type '{suffix}'; expected {EXPECTED}")


def _read_bytes(path: Path) -> bytes:
    """The file's bytes, decompressed if gzip, never more than MAX_BYTES + 1 in memory."""
    limit = f"larger than {MAX_BYTES // (1024 * 1024)} MB"
    try:
        mode = path.stat().st_mode  # through a link: what would be read
        if stat.S_ISDIR(mode):
            raise IsADirectoryError
        if not stat.S_ISREG(mode):  # a pipe would block, /dev/zero would never end
            raise _fail(path, f"is not a regular file (a pipe, a device or a socket); expected {EXPECTED}")
        if path.name.lower().endswith(".gz"):
            parts: list[bytes] = []
            total = 0
            decompressor = zlib.decompressobj(wbits=47)  # gzip or zlib header
            with path.open("rb") as f:
                while True:
                    chunk = f.read(_CHUNK)
                    if not chunk:
                        break
                    data = decompressor.decompress(chunk, MAX_BYTES + 1 - total)
                    while True:
                        total += len(data)
                        parts.append(data)
                        if total > MAX_BYTES:
                            raise _fail(path, f"decompresses to {limit}; expected a page of at most 20 MB")
                        if not decompressor.unconsumed_tail:
                            break
                        data = decompressor.decompress(decompressor.unconsumed_tail, MAX_BYTES + 1 - total)
                    if decompressor.eof:
                        break  # ignore trailing members/garbage, as browsers do
            if not decompressor.eof:  # cut short: importing what is there would lose the rest of the page unsaid
                raise _fail(path, f"is not a complete gzip file (it ends after {total:,} bytes of page); expected "
                                  "the whole file (save or download the page again)")
            return b"".join(parts)
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise _fail(path, f"is {limit} ({size // (1024 * 1024)} MB); expected a page of at most 20 MB")
        with path.open("rb") as f:
            data = f.read(MAX_BYTES + 1)  # the file may have grown since stat
        if len(data) > MAX_BYTES:
            raise _fail(path, f"is {limit}; expected a page of at most 20 MB")
        return data
    except ImportFailed:
        raise
    except zlib.error:
        raise _fail(path, "is not valid gzip data; expected gzip-compressed HTML") from None
    except IsADirectoryError:
        raise _fail(path, f"is a folder; expected {EXPECTED}") from None
    except PermissionError:
        raise _fail(path, "cannot be read (permission denied); expected a readable file") from None
    except OSError as e:
        raise _fail(path, f"cannot be read ({e.strerror or e}); expected a readable file") from None


def _utf16_without_bom(data: bytes) -> bool:
    """Whether NULs sit at every other byte, as ASCII text in UTF-16 puts them (browsers would not read it
    as UTF-16 either without a byte-order mark or a header, but the author deserves the reason)."""
    sample = data[:4096]
    even, odd = sample[0::2], sample[1::2]
    for zeros, text in ((odd, even), (even, odd)):  # LE: the high (zero) byte second
        if zeros.count(0) >= 0.9 * len(zeros) and sum(1 for b in text if 32 <= b < 127 or b in (9, 10, 13)) >= 0.9 * len(text):
            return True
    return False


def _decode(path: Path, data: bytes, kind: str) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding), encoding
            except UnicodeDecodeError as e:
                raise _fail(path, f"has a {encoding.upper()} byte-order mark but bytes at offset "
                                  f"{e.start + len(bom)} are not {encoding.upper()}; expected consistently "
                                  "encoded text") from None
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise _fail(path, f"is binary ({what}); expected {EXPECTED}")
    if b"\x00" in data:
        if _utf16_without_bom(data):
            raise _fail(path, "looks like UTF-16 text without a byte-order mark (every other byte is NUL); "
                              "expected UTF-8 (open it in a text editor and save it as UTF-8) or UTF-16 with "
                              "a byte-order mark")
        raise _fail(path, f"is binary (contains NUL bytes); expected {EXPECTED}")
    declared = None
    if kind == "html":
        head = data[:8192]
        match = _XML_DECL.search(head) or _META_CHARSET.search(head)
        if match:
            declared = match.group(1).decode("ascii")
    codec = codec_for(declared) if declared else None
    if codec == "replacement":
        raise _fail(path, f"declares the encoding '{declared}', which browsers show as a single replacement "
                          "character; expected a page in an encoding browsers read (save it again as UTF-8)")
    if codec is not None:
        if codec != "utf-8" and not data.isascii():
            # A page saved as UTF-8 often keeps its original legacy declaration (the HTTP header that
            # overrode it is lost). Non-ASCII legacy text is almost never valid UTF-8 by chance.
            try:
                return data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                pass
        try:
            return decode(data, codec), codec
        except UnicodeDecodeError as e:
            raise _fail(path, f"declares {declared} but bytes at offset {e.start} are not {declared}; "
                              "expected text in the declared encoding") from None
    # no label, or one browsers ignore (utf-7, unicode_escape...): the page is read as UTF-8
    ignored = f"declares '{declared}', an encoding browsers ignore, and " if declared else ""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as e:
        if declared:
            raise _fail(path, f"{ignored}bytes at offset {e.start} are not UTF-8; expected UTF-8 or a <meta "
                              "charset> declaration of an encoding browsers know") from None
        raise _fail(path, f"bytes at offset {e.start} are not UTF-8 and no encoding is declared; expected "
                          "UTF-8 or a <meta charset> declaration") from None


def _looks_binary(text: str) -> bool:
    sample = text[:65536]
    if not sample:
        return False
    control = sum(1 for c in sample if (ord(c) < 32 and c not in "\t\n\r\f\v") or 0x7F <= ord(c) < 0xA0)
    return control / len(sample) > 0.05


def read_page(path: Path) -> PageSource:
    """Read and decode ``path``; raise ``ImportFailed`` for anything that is not an importable page."""
    path = Path(path)
    if not path.exists():
        raise _fail(path, f"file not found; expected {EXPECTED}")
    kind = _kind(path)
    data = _read_bytes(path)
    if not data.strip():
        raise _fail(path, f"is empty; expected {EXPECTED}")
    text, encoding = _decode(path, data, kind)
    if not text.strip():
        raise _fail(path, f"is empty; expected {EXPECTED}")
    if _looks_binary(text):
        raise _fail(path, f"is binary (mostly control characters); expected {EXPECTED}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if kind == "html" and not _HTML_MARKERS.search(text[:1_000_000]):
        raise _fail(path, "is not HTML (no HTML tags found); expected a saved web page")
    return PageSource(path=path, kind=kind, text=text, encoding=encoding)
