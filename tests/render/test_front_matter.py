"""Front matter reaches MkDocs as the YAML it was dumped as, whatever the title holds."""

from __future__ import annotations

import dataclasses

import pytest
from mkdocs.utils.meta import get_data

from closeread.render.pages import lesson_pages
from closeread.validate.kit import load_kit


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Ukraine: who says so?", None),  # a colon makes PyYAML quote the title with '...'
        ("It's 'reported', they say", None),
        ("yes", None),
        # only characters that could form markup are replaced; straight double quotes become typographic
        ('#1 story: 50% of the troops & \'all\' of <the> "officers"', "#1 story: 50% of the troops + 'all' of \u2039the\u203a \u201cofficers\u201d"),
        ("- a dash, [brackets], {braces}", None),
    ],
)
def test_mkdocs_reads_the_title_and_strips_the_block(kit, title, expected):
    [lesson] = load_kit(root=kit)
    lesson = dataclasses.replace(lesson, title=title, summary=f"About {title}")
    for path, page in lesson_pages(lesson).items():
        body, meta = get_data(page)
        assert meta, f"{path}: MkDocs could not read the front matter:\n{page[:300]}"
        assert not body.startswith("---") and "title:" not in body.split("\n", 3)[0]
        assert meta["title"].removesuffix(" (teacher edition)") == (expected or title)
