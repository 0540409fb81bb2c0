"""Import metadata an author can trust (issue 19, item 4), on a wire story saved from the agency's own
site: the outlet from the byline's agency, not the site name "Hosted" nor the title suffix; the
"(AP Photo/...)" credit split from its caption; the contributor line as such; and the list of what to
check that ``build.py new`` prints."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from closeread.importer import extract_page, read_page
from closeread.importer.metadata import _outlet_in_byline
from tests.conftest import REPO

PAGE = REPO / "tests" / "fixtures" / "guide" / "ferry-fares.html"


@pytest.fixture(scope="module")
def page():
    return extract_page(read_page(PAGE))


def test_the_agency_in_the_byline_is_the_outlet(page):
    assert page.meta.outlet == "Associated Press"
    assert page.meta.author == "MARA VENN and TOMAS ILIC"


@pytest.mark.parametrize("byline, outlet, author", [
    ("DANICA KIRKA and JILL LAWLESSAssociated Press", "Associated Press", "DANICA KIRKA and JILL LAWLESS"),
    ("Jane Doe, The Washington Post", "The Washington Post", "Jane Doe"),
    ("By Ann Lee | Reuters", "Reuters", "By Ann Lee"),
    ("Finian Cunningham", None, "Finian Cunningham"),
    ("Reuters", None, "Reuters"),
])
def test_an_outlet_at_the_end_of_a_byline(byline, outlet, author):
    assert _outlet_in_byline(byline) == (outlet, author)


def test_a_wire_credit_is_a_credit_not_part_of_the_caption(page):
    roles = [(b.role, b.text) for b in page.blocks]
    assert ("caption", "Passengers board a ferry at the Northport terminal on Monday, March 11, 2024.") in roles
    assert ("credit", "(AP Photo/Lena Ostrova)") in roles


def test_the_contributor_line_is_neither_body_nor_claim(page):
    line = "Associated Press writer Jon Keller in Stockholm contributed to this report."
    assert [(b.role, b.label) for b in page.blocks if b.text == line] == [("furniture", "Contributor line")]


def test_new_prints_what_to_check(tmp_path):
    (tmp_path / "lessons").mkdir()
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(tmp_path), "new", str(PAGE)],
                          capture_output=True, text=True, timeout=120, env={"SOURCE_DATE_EPOCH": "1710374400", "PATH": ""})
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[1:12] == [
        "check in lesson.yaml:",
        "  source.outlet: Associated Press (the outlet, as it names itself?)",
        "  source.outlet_type: to write (independent, state-controlled, public broadcaster, fact-checker, ...)",
        "  source.published: 2024-03-12 (from the page)",
        "  source.retrieved: 2024-03-14, the day of this import; write the day you saved the page if it was earlier",
        "  roles of the first lines (article.parts):",
        "    line 1: furniture (Section label): Business",
        "    line 3: headline: Island ferry fares to double, operator says, as...",
        "    line 5: furniture (Byline): By MARA VENN and TOMAS ILIC Associated Press",
        "    line 7: furniture (Date line): March 12, 2024 2:05 PM GMT",
        "    line 9: caption (Photo caption): Passengers board a ferry at the Northport termi...",
    ]
    assert lines[-1].startswith("drafted: 4 sources, a sequence of 45 minutes, a core set of ")


def test_a_canonical_address_with_characters_check_refuses_is_written_escaped(tmp_path):
    # check refuses a raw space, quote or angle bracket in source.url; the import writes the address as an
    # address bar would, so that its draft still passes check
    html = ("<html><head><title>Jam</title><link rel='canonical' href='https://example.org/a b\"<x>'></head><body><article>"
            + "<p>The harbour was closed on Monday after a long strike by the dock workers there.</p>" * 8 + "</article></body></html>")
    (tmp_path / "jam.html").write_text(html, encoding="utf-8")
    page = extract_page(read_page(tmp_path / "jam.html"))
    assert page.meta.url == "https://example.org/a%20b%22%3Cx%3E"
