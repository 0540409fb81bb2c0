"""YAML syntax errors in plain words, at the line the author must change (issue 13): libyaml reports
where it gave up, often the line after the mistake, in its own words ("did not find expected key")."""

from __future__ import annotations

import pytest

from closeread.load.yamlfile import load_yaml

CASES = [
    ("missing-colon", "title: x\nsummary y\nminutes: 3\n",
     "2: YAML syntax error: a line with no ':' after its key; expected 'key: value' (or, if the line continues the text above it, the same indentation as that text)"),
    ("unclosed-double-quote", 'title: "abc\nsummary: x\nminutes: 3\n',
     "1: YAML syntax error: a quoted text that is never closed; expected the same quote mark at the end of the text"),
    ("unclosed-bracket", "skills: [a, b\nminutes: 3\n",
     "1: YAML syntax error: a '[' list that is not closed; expected ']' at the end of the list, on the same line"),
    ("key-indented-less", "source:\n  outlet: x\n url: y\nminutes: 3\n",
     "3: YAML syntax error: this line is not lined up with the lines it belongs with; expected the same number of spaces as the other keys (or '- ' items) of the same mapping (or list)"),
    ("key-indented-more", "title: x\n  summary: y\n",
     "2: YAML syntax error: ': ' inside a value, or a key indented deeper than the key above it; expected the value in quotes if it contains ': ', or the key lined up under the keys above"),
    ("colon-in-value", "title: Why: the answer\n",
     "1: YAML syntax error: ': ' inside a value, or a key indented deeper than the key above it; expected the value in quotes if it contains ': ', or the key lined up under the keys above"),
    ("text-after-quote", 'title: "abc" def\nsummary: x\n',
     "1: YAML syntax error: text after the closing quote of a value; expected the whole value inside the quotes"),
    ("dash-without-space", "annotations:\n  - id: a\n    kind: claim\n  -id: b\n",
     "4: YAML syntax error: a '-' with no space after it; expected '- ' to start a list item"),
    ("tab-indent", "title: x\n\tsummary: y\n",
     "2: YAML syntax error: a tab used to indent; expected spaces only (set the editor to insert spaces)"),
    ("reserved-first-character", "title: @handle\n",
     "1: YAML syntax error: a value starting with a character YAML reserves ('@', '`', '%' or a tab); expected the value in quotes"),
    ("undefined-alias", "title: *x\n",
     "1: YAML syntax error: '*' starts a reference to an anchor that is not defined; expected the value in quotes if it starts with '*'"),
    ("item-where-a-key-was-expected", "title: x\n- a\n",
     "2: YAML syntax error: a list item '- ' where a key was expected; expected the item indented under its key"),
]


@pytest.mark.parametrize("text, expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_syntax_errors_in_plain_words(text, expected):
    data, problems = load_yaml(text, path="p")
    assert data is None
    assert [f"{p.line}: {p.message}" for p in problems] == [expected]
