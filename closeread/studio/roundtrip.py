"""lesson.yaml as a round-trip document: edits keep the author's comments, key order and layout.

ruamel.yaml keeps comments and order. Its emitter cannot know how each value was laid out (the
indentation of lists, where long lines were folded), so the document is dumped twice, before and after
an edit, and only the lines the edit changed are spliced into the author's own text: every other line
stays byte for byte as the author (or the importer) wrote it.
"""

from __future__ import annotations

import difflib
import io
from dataclasses import dataclass

from ruamel.yaml import YAML

# indentation styles seen in lesson files: PyYAML's (the importer's) and the shipped lessons'
_STYLES = ((2, 2, 0), (2, 4, 2), (4, 4, 2), (4, 2, 0))
_WIDTH = 4096  # never fold a value the studio writes: a folded plain line ends with a stray space


def _yaml(style: tuple[int, int, int]) -> YAML:
    y = YAML(typ="rt", pure=True)
    y.preserve_quotes = True
    y.width = _WIDTH
    y.allow_duplicate_keys = False
    mapping, sequence, offset = style
    y.indent(mapping=mapping, sequence=sequence, offset=offset)
    return y


def dump(y: YAML, data) -> str:
    out = io.StringIO()
    y.dump(data, out)
    return out.getvalue()


@dataclass(frozen=True)
class Document:
    """One parse of a YAML text: ``data`` is edited in place, ``text()`` gives the new file."""

    original: str
    data: object
    base: str  # the dump of the unedited parse
    yaml: YAML
    style: tuple[int, int, int]

    def dump(self) -> str:
        return dump(self.yaml, self.data)

    def text(self) -> str:
        theirs = self.dump()
        spliced = splice(self.original, self.base, theirs)
        # the splice keeps the author's layout; should it ever read differently from the dump, the dump wins
        return spliced if spliced == theirs or _same(spliced, theirs) else theirs


def best_style(text: str) -> tuple[int, int, int]:
    """The indentation style whose dump differs least from ``text``."""
    best = (None, _STYLES[0])
    for style in _STYLES:
        y = _yaml(style)
        base = dump(y, y.load(text))
        if base == text:
            return style
        changed = sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in _opcodes(text.splitlines(True), base.splitlines(True)) if tag != "equal")
        if best[0] is None or changed < best[0]:
            best = (changed, style)
    return best[1]


def parse(text: str, style: tuple[int, int, int] | None = None, *, base: str | None = None) -> Document:
    """Parse ``text`` (already checked by the safe loader) for editing. ``base``: ruamel's dump of this very
    text, when it is known (the dump that was written), to save dumping it again."""
    style = style or best_style(text)
    y = _yaml(style)
    data = y.load(text)
    return Document(text, data, base if base is not None else dump(y, data), y, style)


def _same(a: str, b: str) -> bool:
    """Whether two YAML texts hold the same data (read with the safe loader)."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        return yaml.load(a, Loader=loader) == yaml.load(b, Loader=loader)
    except yaml.YAMLError:
        return False


def _opcodes(a: list[str], b: list[str]):
    return difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()


def splice(ours: str, base: str, theirs: str) -> str:
    """``ours`` with the changes that turn ``base`` into ``theirs``.

    ``base`` is ruamel's dump of ``ours`` before the edit and ``theirs`` its dump after, so ``base`` and
    ``ours`` differ only in layout. A changed hunk whose edge falls inside such a layout difference takes
    that whole region from ``theirs``."""
    o, b, t = ours.splitlines(True), base.splitlines(True), theirs.splitlines(True)
    if b == t:
        return ours
    # base line boundary -> ours line boundary, where the two agree
    where: dict[int, int] = {}
    inside: list[tuple[int, int, int, int]] = []  # base/ours ranges that differ in layout only
    for tag, i1, i2, j1, j2 in _opcodes(b, o):
        if tag == "equal":
            for k in range(i2 - i1 + 1):
                where[i1 + k] = j1 + k
        else:
            where.setdefault(i1, j1)
            where[i2] = j2
            inside.append((i1, i2, j1, j2))

    def widen(i1: int, i2: int) -> tuple[int, int]:
        for a1, a2, _, _ in inside:
            if a1 < i1 < a2:
                i1 = a1
            if a1 < i2 < a2:
                i2 = a2
        return i1, i2

    out: list[str] = []
    pos_b = 0  # base lines consumed
    hunks = [(i1, i2, j1, j2) for tag, i1, i2, j1, j2 in _opcodes(b, t) if tag != "equal"]
    for i1, i2, j1, j2 in hunks:
        w1, w2 = widen(i1, i2)
        # a widened hunk takes the base lines it grew by from theirs too (they are unchanged there)
        j1 -= i1 - w1
        j2 += w2 - i2
        if w1 < pos_b:  # overlaps the previous widened hunk: already emitted from theirs
            skip = pos_b - w1
            w1, j1 = pos_b, j1 + skip
        out.extend(o[where[pos_b]:where[w1]])
        out.extend(t[j1:j2])
        pos_b = max(pos_b, w2)
    out.extend(o[where[pos_b]:])
    return "".join(out)
