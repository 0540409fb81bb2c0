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
