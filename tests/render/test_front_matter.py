"""Front matter reaches MkDocs as the YAML it was dumped as, whatever the title holds."""

from __future__ import annotations

import dataclasses

import pytest
from mkdocs.utils.meta import get_data

from closeread.render.pages import lesson_pages
from closeread.validate.kit import load_kit


@pytest.mark.parametrize(
    "title",
    [
        "Ukraine: who says so?",  # a colon makes PyYAML quote the title with '...'
        "It's 'reported', they say",
        "yes",
        "#1 story: 50% of the troops & 'all' of <the> \"officers\"",
        "- a dash, [brackets], {braces}",
    ],
)
def test_mkdocs_reads_the_title_and_strips_the_block(kit, title):
    [lesson] = load_kit(root=kit)
    lesson = dataclasses.replace(lesson, title=title, summary=f"About {title}")
    for path, page in lesson_pages(lesson).items():
        body, meta = get_data(page)
        assert meta, f"{path}: MkDocs could not read the front matter:\n{page[:300]}"
        assert not body.startswith("---") and "title:" not in body.split("\n", 3)[0]
        shown = meta["title"].removesuffix(" (teacher edition)")
        # safe_title replaces only characters that could form markup
        expected = title.replace("&", "+").replace("<", "\u2039").replace(">", "\u203a").replace('"', "\u201d")
        assert shown == expected
