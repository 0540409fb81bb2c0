"""What a line of each role draws, and the lines whose role draws the wrong thing (closeread/validate/roles.py)."""

from __future__ import annotations

import pytest

from closeread.model import ArticleLine
from closeread.validate.roles import ROLE_DRAWS, is_contributor_line, is_credit, line_role_mismatch
from closeread.validate.schema import ROLES


def test_every_role_says_what_it_draws():
    assert set(ROLE_DRAWS) == set(ROLES)


@pytest.mark.parametrize("text", ["(AP Photo/Evan Vucci)", "Photo: Sam Lens", "© Photo Agency 2024 J. DOE", "Getty Images", "Reuters/Jane Doe"])
def test_credits(text):
    assert is_credit(text)
    assert line_role_mismatch(ArticleLine(1, text, 0, "credit")) == ""


@pytest.mark.parametrize("text", [
    "Associated Press writer Jon Keller in Stockholm contributed to this report.",
    "Reporting by Ann Lee; editing by Tom Roe",
    "Jo Doe contributed reporting from Paris.",
])
def test_contributor_lines(text):
    assert is_contributor_line(text) and not is_credit(text)
    assert "contributor line" in line_role_mismatch(ArticleLine(1, text, 0, "credit"))


@pytest.mark.parametrize("role, text, meant", [
    ("credit", "21:17 18.11.2019 Get short URL", "expected role 'furniture'"),
    ("credit", "By Jo Reporter", "like a byline"),
    ("credit", "The mayor said the strike would cost the city millions of euros over the coming weeks.", "expected role 'body'"),
    ("caption", "(AP Photo/Lena Ostrova)", "expected role 'credit'"),
    ("caption", "Dock workers stand beside a closed gate at the harbour.", ""),
    ("body", "Associated Press writer Jon Keller contributed to this report.", ""),  # only photo roles are read
])
def test_a_role_that_draws_the_wrong_thing(role, text, meant):
    found = line_role_mismatch(ArticleLine(1, text, 0, role))
    assert (meant in found) if meant else found == ""
