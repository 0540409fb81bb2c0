"""A GIFT reader that follows Moodle's own import rules (question/format/gift/format.php) for the
parts the kit writes: categories, names, descriptions, essays and multiple choice with weights and
formats. gift-pegjs (the other reader in these tests) is stricter than Moodle in some places and more
lenient in others; this one exists to read an answer's weight and format exactly as Moodle does:

- escapes are turned into placeholders first (``\\\\`` into a backslash), and back into characters
  only in names and texts, never in the ``$CATEGORY`` line;
- an answer is trimmed, then ``=`` gives it full marks, else a leading ``%NN%`` (one or two digits,
  optional decimals) is its weight; ``#`` starts its feedback;
- a text that starts with ``[moodle]``, ``[html]``, ``[plain]`` or ``[markdown]`` takes that format.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_ESCAPES = {":": "&&058;", "#": "&&035;", "=": "&&061;", "{": "&&123;", "}": "&&125;", "~": "&&126;", "n": "&&010"}
_FORMATS = ("moodle", "html", "plain", "markdown")
_WEIGHT = re.compile(r"^%-*([0-9]{1,2})\.?([0-9]*)%")


def _pre(text: str) -> str:
    text = text.replace("\\\\", "&&092;")
    for char, placeholder in _ESCAPES.items():
        text = text.replace("\\" + char, placeholder)
    return text.replace("&&092;", "\\")


def _post(text: str) -> str:
    for char, placeholder in _ESCAPES.items():
        text = text.replace(placeholder, "\n" if char == "n" else char)
    return text


def _with_format(text: str, default: str) -> tuple[str, str]:
    """(format, text) as Moodle's parse_text_with_format reads them."""
    fmt = default
    if text.startswith("["):
        end = text.find("]")
        if text[1:end] in _FORMATS:
            fmt, text = text[1:end], text[end + 1 :]
    return fmt, _post(text).strip()


@dataclass
class Answer:
    weight: float
    format: str
    text: str
    feedback: str = ""


@dataclass
class GiftQuestion:
    kind: str  # category, description, essay, multichoice
    name: str = ""
    format: str = ""
    text: str = ""
    single: bool = False
    answers: list[Answer] = field(default_factory=list)
    general: str = ""


def read(gift: str) -> list[GiftQuestion]:
    out = []
    for block in re.split(r"\n\s*\n", gift):
        lines = [" " if line.strip().startswith("//") else line for line in block.split("\n")]
        text = "\n".join(lines).strip()
        if text:
            out.append(_question(_pre(text)))
    return out


def _question(text: str) -> GiftQuestion:
    if text.startswith("$CATEGORY:"):
        return GiftQuestion("category", text=text[10:].strip())
    name = ""
    if text.startswith("::"):
        end = text.find("::", 2)
        name, text = _post(text[2:end]), text[end + 2 :].strip()
    start, finish = text.find("{"), text.find("}")
    if start < 0 and finish < 0:
        fmt, body = _with_format(text, "moodle")
        return GiftQuestion("description", name, fmt, body)
    answers_text = text[start + 1 : finish].strip()
    fmt, body = _with_format(text[:start] + text[finish + 1 :], "moodle")
    general = ""
    if "####" in answers_text:
        cut = answers_text.rfind("####")
        general = _with_format(answers_text[cut + 4 :].strip(), fmt)[1]
        answers_text = answers_text[:cut].strip()
    if not answers_text:
        return GiftQuestion("essay", name, fmt, body, general=general)
    assert "~" in answers_text, f"not a multiple-choice answer list: {answers_text!r}"
    question = GiftQuestion("multichoice", name, fmt, body, single="=" in answers_text, general=general)
    parts = answers_text.replace("=", "~=").split("~")
    if not parts[0].strip():
        parts = parts[1:]
    for part in parts:
        part = part.strip()
        if part.startswith("="):
            weight, part = 1.0, part[1:]
        elif _WEIGHT.match(part):
            part = part[1:]
            end = part.find("%")
            weight, part = float(part[:end]) / 100, part[end + 1 :]
        else:
            weight = 0.0
        bits = part.split("#", 1)
        afmt, atext = _with_format(bits[0].strip(), fmt)
        feedback = _with_format(bits[1].strip(), fmt)[1] if len(bits) > 1 else ""
        question.answers.append(Answer(weight, afmt, atext, feedback))
    return question
