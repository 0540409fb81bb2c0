"""Write an extracted page as a draft lesson: ``lessons/<slug>/article.txt`` and ``lesson.yaml``.

The folder is written under a temporary name inside ``lessons_dir`` and renamed into place, so a failure
leaves nothing behind and nothing that exists is ever overwritten.
"""

from __future__ import annotations

import datetime
import os
import re
import shutil
import tempfile
import unicodedata
from pathlib import Path
from typing import Callable

import yaml

from closeread.errors import ImportFailed
from closeread.importer.extract import ExtractedPage, extract_page
from closeread.importer.read import read_page
from closeread.load.chars import BAD, close_bidi
from closeread.load.lessonfiles import MAX_ARTICLE_CHARS
from closeread.validate.schema import MAX_SLUG, WINDOWS_RESERVED

SCHEMA_LINE = "# yaml-language-server: $schema=../../schema/lesson.schema.json\n"

# suggest(text, skip=[(start, end), ...], captions=[...]): skip holds the spans the import marked as not
# the article's words, captions those of photo captions
Suggest = Callable[..., list]


_TRANSLIT = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE",
                           "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "ı": "i"})


def slugify(text: str, max_length: int = MAX_SLUG) -> str:
    """ASCII, lower case, single hyphens, cut at a word boundary; '' if nothing is left."""
    text = text.replace("’", "'").replace("‘", "'").translate(_TRANSLIT)
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    ascii_text = re.sub(r"(?<=\w)['`.](?=\w)", "", ascii_text)  # you're -> youre, U.S. -> US
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")
    if len(slug) > max_length:
        cut = slug[: max_length + 1]
        slug = cut.rsplit("-", 1)[0] if "-" in cut[1:] else slug[:max_length]
    slug = slug.strip("-")
    # a page titled "CON" must not make lessons/con/, which Windows cannot hold
    return f"{slug}-lesson" if slug in WINDOWS_RESERVED else slug


def article_text(page: ExtractedPage) -> str:
    """One block per line, a blank line between blocks."""
    return "\n\n".join(b.text.replace("\n", " ") for b in page.blocks) + "\n"


_FORGIVE = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "“": '"', "”": '"', "„": '"', "‟": '"',
                          "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "―": "-", "−": "-"})


def _forgiving(text: str) -> str:
    """Text as quote matching sees it: one kind of quote, one kind of dash, single spaces."""
    return re.sub(r"\s+", " ", text.translate(_FORGIVE))


def _matches(article: str, quote: str) -> list[int]:
    """Start offsets of every match of ``quote``, as the lesson validator matches quotes: folded quotes,
    dashes and white space, on word boundaries, without overlaps."""
    try:
        from closeread.validate.anchor import ArticleIndex
    except ImportError:  # the validator is optional for importing
        ArticleIndex = None
    if ArticleIndex is not None:
        return [m.start for m in ArticleIndex(article).find_all(quote)]
    # one character for one character, so offsets stay those of the article (lines hold single spaces)
    hay, q = article.translate(_FORGIVE), _forgiving(quote).strip()
    out: list[int] = []
    i = hay.find(q) if q else -1
    while i != -1:
        j = i + len(q)
        before_ok = i == 0 or not (_is_word(q[0]) and _is_word(hay[i - 1]))
        after_ok = j == len(hay) or not (_is_word(q[-1]) and _is_word(hay[j]))
        if before_ok and after_ok:
            out.append(i)
            i = hay.find(q, j)
        else:
            i = hay.find(q, i + 1)
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _occurrence(article: str, line_start: int, quote: str) -> tuple[int, int]:
    """(which match, how many matches) of ``quote`` for the line starting at ``line_start``."""
    starts = _matches(article, quote)
    index = next((k for k, st in enumerate(starts, start=1) if st >= line_start), len(starts))
    return index, len(starts)


def _parts(page: ExtractedPage, text: str) -> tuple[str | None, list[dict]]:
    parts: list[dict] = []
    headline = None
    offset = 0
    for block in page.blocks:
        line = block.text.replace("\n", " ")
        line_start = text.index(line, offset)
        offset = line_start + len(line)
        if block.role == "body" and not block.label:
            continue  # plain body lines need no part; a kept line or a verdict keeps its label
        part: dict = {"quote": line, "role": block.role, "label": block.label or block.role.capitalize()}
        occurrence, total = _occurrence(text, line_start, line)
        if total > 1:
            part["occurrence"] = occurrence
        if block.role == "headline" and headline is None:
            headline = line if total == 1 else None  # else the part (with its occurrence) marks it
        parts.append(part)
    return headline, parts


# Parts of the page that are not the article's words: nothing is suggested on them.
NOT_ARTICLE = ("furniture", "credit")


def block_spans(page: ExtractedPage, text: str) -> list[tuple[str, int, int]]:
    """(role, start, end) of every block's line in ``text`` (as ``article_text`` wrote it)."""
    out = []
    offset = 0
    for block in page.blocks:
        line = block.text.replace("\n", " ")
        start = text.index(line, offset)
        offset = start + len(line)
        out.append((block.role, start, offset))
    return out


def furniture_spans(page: ExtractedPage, text: str) -> list[tuple[int, int]]:
    """Spans of the lines the import marked as page furniture or photo credits."""
    return [(start, end) for role, start, end in block_spans(page, text) if role in NOT_ARTICLE]


def caption_spans(page: ExtractedPage, text: str) -> list[tuple[int, int]]:
    """Spans of the lines the import marked as photo captions."""
    return [(start, end) for role, start, end in block_spans(page, text) if role == "caption"]


def _todo(what: str) -> str:
    return f"TODO: {what}"


def lesson_data(page: ExtractedPage, text: str, *, source_name: str, today: datetime.date,
                annotations: list, keep: tuple[str, ...] = ()) -> dict:
    meta = page.meta
    title = page.headline or meta.title
    headline, parts = _parts(page, text)
    published = None
    if meta.published:
        try:
            published = datetime.date.fromisoformat(meta.published)
        except ValueError:
            published = None
    source: dict = {
        "outlet": meta.outlet or _todo("the outlet's name, as it names itself"),
        "outlet_type": _todo("e.g. independent, state-controlled, public broadcaster, fact-checker"),
        "url": meta.url or _todo("the article's address (https://...)"),
        "published": published or _todo("the date the article was published (YYYY-MM-DD)"),
        "retrieved": today,
    }
    if meta.author:
        source["author"] = meta.author
    source["language"] = meta.language or _todo("the article's language (BCP 47, e.g. en)")
    source["captured_from"] = f"saved page {source_name}" + (
        f", imported with {' '.join(f'--keep {k}' for k in keep)}" if keep else "")
    source["use_note"] = _todo("why the text may be used for teaching (quotation for criticism and teaching, "
                               "licence)")
    article: dict = {"file": "article.txt"}
    if headline:
        article["headline"] = headline
    article["parts"] = parts
    return {
        "title": title or _todo("the lesson's title"),
        "summary": _todo("one or two sentences for the catalogue"),
        "draft": True,
        "grade_band": "9-12",
        "minutes": 45,
        "language": (meta.language or "en").split("-")[0] if meta.language else "en",
        "skills": ["sourcing"],
        "objectives": [_todo("Students can ... (what students can do after the lesson)")],
        "key_points": [_todo("the take-aways")],
        "source": source,
        "article": article,
        "background": {
            "outlet": _todo("who the outlet is, who owns or funds it"),
        },
        "discussion": _todo("discussion guidance for the teacher"),
        "annotations": annotations,
    }


def _printable(value):
    """``value`` with every character no lesson text may hold dropped (closeread.load.chars): the page's
    text is cleaned as it is read, but the saved file's name and the --keep selectors come from the
    command line (an ESC, a byte that is not UTF-8 and so a lone surrogate), and a draft must load."""
    if isinstance(value, str):
        return close_bidi(BAD.sub("", value))
    if isinstance(value, dict):
        return {k: _printable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_printable(v) for v in value]
    return value


def lesson_yaml(data: dict) -> str:
    body = yaml.safe_dump(_printable(data), sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)
    return SCHEMA_LINE + body


def _suggested(suggest: Suggest | None, text: str, path: Path, *, skip: list[tuple[int, int]],
               captions: list[tuple[int, int]]) -> list:
    if suggest is None:
        return []
    annotations = suggest(text, skip=skip, captions=captions)
    if not isinstance(annotations, list) or not all(isinstance(a, dict) for a in annotations):
        raise ImportFailed(str(path), "the annotation suggester returned something other than a list of "
                                      "annotations; expected a list of dicts")
    return annotations


def import_page(path: Path, *, lessons_dir: Path, today: datetime.date, suggest: Suggest | None = None,
                url: str | None = None, keep: tuple[str, ...] = ()) -> Path:
    """Import the saved page at ``path`` as a draft lesson in a new folder of ``lessons_dir``.

    ``keep``: selectors of elements whose lines are article text whatever the extraction made of them
    (``--keep``); they are recorded in ``source.captured_from`` and, line by line, in ``article.parts``.
    Returns the new lesson folder. Raises ``ImportFailed`` (and creates nothing) when the page cannot be
    imported.
    """
    path = Path(path)
    lessons_dir = Path(lessons_dir)
    page = extract_page(read_page(path), url=url, keep=tuple(keep))
    text = article_text(page)
    if len(text) > MAX_ARTICLE_CHARS:
        # refused before the suggester, whose passes grow faster than the text (a 2.5 MB page ran > 10
        # minutes), and 'check' would refuse the draft anyway
        raise ImportFailed(str(path), f"the page's article text is {len(text):,} characters, more than a lesson "
                                      f"takes ({MAX_ARTICLE_CHARS:,}: every worksheet and key prints it whole); "
                                      "expected one article: save the article's own page, not a live blog, "
                                      "archive or section front")
    annotations = _suggested(suggest, text, path, skip=furniture_spans(page, text), captions=caption_spans(page, text))
    data = lesson_data(page, text, source_name=path.name, today=today, annotations=annotations, keep=tuple(keep))
    if suggest is not None:
        from closeread.importer.runs import runnable

        data = runnable(data, text, skip=furniture_spans(page, text), captions=caption_spans(page, text), dump=lesson_yaml)
    content = lesson_yaml(data)

    base = slugify(page.headline or page.meta.title or "") or slugify(path.name.split(".")[0]) or "lesson"
    lessons_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=".import-", dir=lessons_dir))
    try:
        (tmp / "article.txt").write_text(text, encoding="utf-8", newline="\n")
        (tmp / "lesson.yaml").write_text(content, encoding="utf-8", newline="\n")
        os.chmod(tmp, 0o755)
        n = 1
        while True:
            suffix = "" if n == 1 else f"-{n}"  # within MAX_SLUG too, or the draft would fail 'check'
            target = lessons_dir / (base[: MAX_SLUG - len(suffix)].rstrip("-") + suffix)
            n += 1
            if target.exists() or target.is_symlink():
                continue
            try:
                os.rename(tmp, target)  # fails if a non-empty folder appeared meanwhile
            except OSError:
                if n > 1000:
                    raise
                continue
            return target
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
