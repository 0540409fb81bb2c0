"""The import's jobs on a page built to show each problem of issue 13: a standfirst, a picture captioned
only in alt/title, a share widget next to the byline, the body inside a paywall container with an
overlay, inline items with no space between them, a fact-check verdict box and a support prompt."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from closeread.errors import ImportFailed
from closeread.importer import extract_page, read_page
from closeread.importer.keep import to_xpath
from tests.conftest import REPO, make_kit

PAGE = Path(__file__).parent / "fixtures" / "harbour-paywall.html"


@pytest.fixture(scope="module")
def blocks():
    page = extract_page(read_page(PAGE))
    return [(b.role, b.label, b.text) for b in page.blocks], page.meta


def test_the_standfirst_is_article_text(blocks):
    roles, _ = blocks
    assert ("standfirst", "Standfirst", "Dock workers walked out on Monday over pay, leaving ships stranded.") in roles


def test_a_caption_and_credit_held_only_in_alt_and_title(blocks):
    roles, _ = blocks
    assert ("caption", "Photo caption (from the picture's alt text)",
            "Dock workers stand beside the closed gates of the harbour") in roles
    assert ("credit", "Photo credit (from the picture's title)", "Photo: Tom Reyes/Local News") in roles


def test_a_share_widget_is_not_the_byline(blocks):
    roles, meta = blocks
    assert ("furniture", "Button", "Share Tweet") in roles
    assert meta.author == "Jane Okafor"


def test_body_behind_a_paywall_overlay_is_kept(blocks):
    roles, _ = blocks
    body = [t for r, _, t in roles if r == "body"]
    assert body[0].startswith("About 300 workers") and any(t.startswith("The strike is the first") for t in body)
    assert ("furniture", "Button", "Subscribe to keep reading.") in roles


def test_inline_items_keep_a_space_between_them(blocks):
    roles, _ = blocks
    assert any(t == "Trends: Evo Morales Harbour" for _, _, t in roles)


def test_a_verdict_box_is_content_and_a_support_prompt_is_furniture(blocks):
    roles, _ = blocks
    assert ("body", "Verdict", "Our rating: Mostly False") in roles
    assert ("furniture", "Prompt", "Do you rely on Local News reporting? Click here to support it.") in roles


def test_simple_selectors_become_xpath():
    assert to_xpath("div.summary") == "//div[contains(concat(' ', normalize-space(@class), ' '), ' summary ')]"
    assert to_xpath("article p#lead") == "//article//p[@id='lead']"
    with pytest.raises(ValueError, match="not a selector this import understands"):
        to_xpath("div > p")


def test_keep_makes_a_missed_line_article_text_with_its_provenance(tmp_path):
    kit = make_kit(tmp_path / "kit")
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "new", str(PAGE),
                             "--keep", "div.trends"], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    folder = kit / "lessons" / "harbour-strike-paralyses-the-city"
    data = yaml.safe_load((folder / "lesson.yaml").read_text(encoding="utf-8"))
    assert data["source"]["captured_from"] == "saved page harbour-paywall.html, imported with --keep div.trends"
    assert {"quote": "Trends: Evo Morales Harbour", "role": "body", "label": "Kept by --keep div.trends"} \
        in data["article"]["parts"]
    assert "Trends: Evo Morales Harbour\n" in (folder / "article.txt").read_text(encoding="utf-8")


def test_keep_reports_a_selector_that_matches_nothing():
    with pytest.raises(ImportFailed, match=r"--keep div\.sumary: no element of the page matches"):
        extract_page(read_page(PAGE), keep=("div.sumary",))


def test_a_headline_repeated_inside_a_caption_still_checks(tmp_path):
    html = ("<html lang='en'><head><title>Pear jam for the holidays</title>"
            "<link rel='canonical' href='https://example.org/2024/01/02/jam'></head><body><article>"
            "<h1>Pear jam for the holidays</h1>"
            + "".join(f"<p>Paragraph {i} of the recipe, long enough to count as article text for the extractor "
                      f"to keep it in the body of the page.</p>" for i in range(5))
            + "<figure><img src='a.jpg' alt='Give the gift of Pear jam for the holidays this year'></figure>"
            + "<p>The last paragraph of the recipe, long enough to count as article text for the extractor.</p>"
            "</article></body></html>")
    page = tmp_path / "jam.html"
    page.write_text(html, encoding="utf-8")
    kit = make_kit(tmp_path / "kit")
    new = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "new", str(page)],
                         capture_output=True, text=True, timeout=120)
    assert new.returncode == 0, new.stderr
    data = yaml.safe_load((kit / "lessons" / "pear-jam-for-the-holidays" / "lesson.yaml").read_text(encoding="utf-8"))
    assert "headline" not in data["article"]  # two matches: the headline part with its occurrence says which
    assert {"quote": "Pear jam for the holidays", "role": "headline", "label": "Headline", "occurrence": 1} \
        in data["article"]["parts"]
    check = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), "check"],
                           capture_output=True, text=True, timeout=120)
    assert check.returncode == 0, check.stderr
