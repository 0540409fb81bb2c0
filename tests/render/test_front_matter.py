"""Front matter reaches MkDocs as the YAML it was dumped as, whatever the title holds."""

from __future__ import annotations

import dataclasses

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from closeread.render.pages import _front_matter, lesson_pages
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
        if not path.endswith(".md"):  # the assignment builder's data (assign.js) has no front matter
            continue
        body, meta = get_data(page)
        assert meta, f"{path}: MkDocs could not read the front matter:\n{page[:300]}"
        assert not body.startswith("---") and "title:" not in body.split("\n", 3)[0]
        assert meta["title"].removesuffix(" (teacher edition)") == (expected or title)


# _front_matter writes plain words itself (PyYAML's emitter is slow) and must give PyYAML's bytes exactly
_WORDS = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=400, deadline=None)
@given(
    title=st.one_of(_WORDS, st.sampled_from(["yes", "No", "null", "a: b", "a #b", "- x", "x ", "It's", "1984", "~"])),
    tags=st.lists(_WORDS, max_size=4),
    exclude=st.booleans(),
)
def test_front_matter_is_what_pyyaml_writes(title, tags, exclude):
    fields = {"title": title, "tags": tags, "search": {"exclude": exclude}}
    assert str(_front_matter(**fields)) == yaml.safe_dump(fields, sort_keys=False, allow_unicode=True, width=1000).strip()
