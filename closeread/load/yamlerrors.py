"""YAML syntax errors in plain words, at the line the author must change.

libyaml reports where it gave up, which is often one line after the mistake (an unclosed quote or
bracket is only noticed at the next key, a key without ':' at the next line). Each rule below names
the mark that points at the mistake itself (the *context*: where the quote or bracket opened, where
the key began) or the *problem* (where the parser stopped), and says what to change.
"""

from __future__ import annotations

import yaml

_EXPECTED = "expected valid YAML"

# (words in libyaml's problem, mark to report, what is wrong, what is expected)
_RULES = (
    ("could not find expected ':'", "context",
     "a line with no ':' after its key", "'key: value' (or, if the line continues the text above it, the same indentation as that text)"),
    ("found unexpected end of stream", "context",
     "a quoted text that is never closed", "the same quote mark at the end of the text"),
    ("did not find expected ',' or ']'", "context",
     "a '[' list that is not closed", "']' at the end of the list, on the same line"),
    ("did not find expected ',' or '}'", "context",
     "a '{' mapping that is not closed", "'}' at the end of the mapping, on the same line"),
    ("found a tab character", "problem",
     "a tab used to indent", "spaces only (set the editor to insert spaces)"),
    ("found character '\\t'", "problem",
     "a tab used to indent", "spaces only (set the editor to insert spaces)"),
    ("mapping values are not allowed", "problem",
     "': ' inside a value, or a key indented deeper than the key above it",
     "the value in quotes if it contains ': ', or the key lined up under the keys above"),
    ("found undefined alias", "problem",
     "'*' starts a reference to an anchor that is not defined", "the value in quotes if it starts with '*'"),
    ("found unknown escape character", "problem",
     "an unknown escape after a backslash in a \"double-quoted\" text", "'\\\\' for a backslash, or the text in 'single quotes'"),
    ("cannot start any token", "problem",
     "a value starting with a character YAML reserves ('@', '`', '%' or a tab)", "the value in quotes"),
    ("for merging", "problem",
     "'<<' must merge a mapping", "'<<: *name' where '&name' marks a mapping defined above"),
    ("found unknown directive name", "problem",
     "a line starting with '%'", "the text in quotes, or indented under its key"),
)


def _line_text(text: str, line: int) -> str:
    lines = text.split("\n")
    return lines[line] if 0 <= line < len(lines) else ""


def explain(exc: yaml.MarkedYAMLError, text: str) -> tuple[int, str]:
    """The 1-based line to change and the message (``what is wrong; what is expected``)."""
    problem = exc.problem or ""
    pm, cm = exc.problem_mark, exc.context_mark
    for words, which, wrong, expected in _RULES:
        if words in problem:
            mark = (cm or pm) if which == "context" else (pm or cm)
            return (mark.line + 1 if mark else 1), f"YAML syntax error: {wrong}; expected {expected}"
    if pm is not None and ("did not find expected key" in problem or "did not find expected '-' indicator" in problem):
        line = _line_text(text, pm.line)
        at = line[pm.column :]
        indent = len(line) - len(line.lstrip(" "))
        if pm.column > indent:  # stopped in the middle of a line: text after a closing quote
            return pm.line + 1, "YAML syntax error: text after the closing quote of a value; expected the whole value inside the quotes"
        if at.startswith("-") and not at.startswith(("- ", "-\t")) and len(at) > 1:
            return pm.line + 1, "YAML syntax error: a '-' with no space after it; expected '- ' to start a list item"
        if at.startswith("- ") and "did not find expected key" in problem:
            return pm.line + 1, "YAML syntax error: a list item '- ' where a key was expected; expected the item indented under its key"
        return pm.line + 1, (
            "YAML syntax error: this line is not lined up with the lines it belongs with; expected the same number of "
            "spaces as the other keys (or '- ' items) of the same mapping (or list)"
        )
    mark = pm or cm
    return (mark.line + 1 if mark else 1), f"YAML syntax error: {problem or 'invalid YAML'}; {_EXPECTED} (check indentation and quotes)"
