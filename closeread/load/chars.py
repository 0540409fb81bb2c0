"""Characters no lesson text may hold: the one gate every text passes before it can reach a page, a PDF,
an XML or LMS file, or a terminal.

XML 1.0 cannot hold C0 controls (but tab and line feed), surrogates, U+FFFE or U+FFFF, and lxml
refuses to write them; C1 controls and the other noncharacters are legal there but are never text an
author meant (a terminal runs C1's CSI as an escape). A lesson file can only carry them as escapes in
a double-quoted YAML string ("\\e", "\\uFFFF"), since libyaml refuses them raw; an article file as raw
characters. Both are refused with their line, so the export stages never meet one.
"""

from __future__ import annotations

import re

BAD = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
                 "\U0001fffe\U0001ffff\U0002fffe\U0002ffff\U0003fffe\U0003ffff\U0004fffe\U0004ffff"
                 "\U0005fffe\U0005ffff\U0006fffe\U0006ffff\U0007fffe\U0007ffff\U0008fffe\U0008ffff"
                 "\U0009fffe\U0009ffff\U000afffe\U000affff\U000bfffe\U000bffff\U000cfffe\U000cffff"
                 "\U000dfffe\U000dffff\U000efffe\U000effff\U000ffffe\U000fffff\U0010fffe\U0010ffff]")

_NAMES = {0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0B: "vertical tab", 0x0C: "form feed", 0x0D: "carriage return",
          0x1B: "ESC", 0x7F: "DEL"}


def describe(char: str) -> str:
    """'U+001B (ESC), a control character' and the like, for a message."""
    code = ord(char)
    name = f" ({_NAMES[code]})" if code in _NAMES else ""
    if code < 0x20 or 0x7F <= code <= 0x9F:
        what = "a control character"
    elif 0xD800 <= code <= 0xDFFF:
        what = "half of a surrogate pair"
    else:
        what = "a noncharacter"
    return f"U+{code:04X}{name}, {what}"


def problem_text(char: str) -> str:
    """The message for text holding ``char``: what is wrong; what was expected."""
    return f"the text holds {describe(char)}; expected printable text (delete it: only tabs and line breaks are allowed)"


# Explicit bidirectional formatting (UAX #9): an embedding or override (LRE, RLE, LRO, RLO) lasts until
# a PDF, an isolate (LRI, RLI, FSI) until a PDI, or else to the end of the paragraph. An author's text is
# set inside a label, a table cell, a title or a sentence of the kit's own, so one left open turns the
# kit's words after it too ("Ana Silva\u202e" showed the next option's feedback reversed), and an
# override can make a wrong option read as the right one. Balanced ones (mixed-direction text) are
# kept; each line must close what it opens.
BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_OPENERS = {"\u202a": "a left-to-right embedding (U+202A)", "\u202b": "a right-to-left embedding (U+202B)",
            "\u202d": "a left-to-right override (U+202D)", "\u202e": "a right-to-left override (U+202E)",
            "\u2066": "a left-to-right isolate (U+2066)", "\u2067": "a right-to-left isolate (U+2067)",
            "\u2068": "a first-strong isolate (U+2068)"}
_ISOLATES = "\u2066\u2067\u2068"


def _open_bidi(line: str) -> list[tuple[int, str]]:
    """The bidi openers ``line`` leaves unclosed, with their positions, as UAX #9 pairs them: a PDI closes
    the last open isolate and everything opened since; a PDF the last embedding or override opened
    after the last open isolate."""
    stack: list[tuple[int, str]] = []
    for found in BIDI.finditer(line):
        char = found.group()
        if char == "\u2069":
            for depth in range(len(stack) - 1, -1, -1):
                if stack[depth][1] in _ISOLATES:
                    del stack[depth:]
                    break
        elif char == "\u202c":
            if stack and stack[-1][1] not in _ISOLATES:
                stack.pop()
        else:
            stack.append((found.start(), char))
    return stack


def unclosed_bidi(text: str) -> str | None:
    """The first bidi opener a line of ``text`` leaves open, or None."""
    if not BIDI.search(text):
        return None
    for line in text.split("\n"):
        left = _open_bidi(line)
        if left:
            return left[0][1]
    return None


def bidi_problem_text(char: str) -> str:
    """The message for text leaving ``char`` open: what is wrong; what was expected."""
    closer = "U+2069 (pop directional isolate)" if char in _ISOLATES else "U+202C (pop directional formatting)"
    return (f"the text opens {_OPENERS[char]} and does not close it on its line, so it would turn the page's "
            f"own words after it; expected {closer} after the words it should turn, or no such character")


def close_bidi(text: str) -> str:
    """``text`` without the bidi openers its lines leave open (for imported pages: a draft must load)."""
    if not BIDI.search(text):
        return text
    lines = []
    for line in text.split("\n"):
        for start, _ in reversed(_open_bidi(line)):
            line = line[:start] + line[start + 1:]
        lines.append(line)
    return "\n".join(lines)
