"""A lesson's student page as one self-contained HTML file, for a Common Cartridge's web content.

The student site's page is Markdown that MkDocs renders inside Material's theme, with the kit's
``closeread.css`` and ``closeread.js`` beside it. An LMS shows a cartridge's web content as a file of
its own, on its own address: so the same Markdown is rendered here with the same Markdown extensions
as ``mkdocs.yml``, and the kit's stylesheet and script go inside the file (with a few rules standing in
for Material's), so that nothing is fetched from the kit's site or any other host.

Links that would leave the package are made plain text: the page's links to its worksheets stay only
when the worksheet is in the cartridge beside it (``present``), anchors within the page stay, and
addresses on the web (http, https) stay.
"""

from __future__ import annotations

import re
from importlib import resources
from pathlib import Path

import markdown
from lxml import html as lhtml
from markupsafe import Markup

from closeread.render.env import environment

# as mkdocs.yml's markdown_extensions: the page must read as it does on the student site
_EXTENSIONS = ["attr_list", "toc", "admonition", "tables"]
_EXTENSION_CONFIGS = {"toc": {"permalink": True}}
_FRONT_MATTER = re.compile(r"\A---\n.*?\n---\n", re.S)
_KEEP = re.compile(r"^(#|https?://)", re.I)
ASSETS = Path(__file__).resolve().parents[2] / "docs"


def _asset(path: str) -> str:
    text = (ASSETS / path).read_text(encoding="utf-8")
    # inside <script>/<style>, only a closing tag could end the element early
    if re.search(r"</(script|style)", text, re.I):
        raise ValueError(f"docs/{path} holds a closing script or style tag and cannot go inside a page")
    return text


def _body(md_text: str, present: frozenset[str]) -> str:
    body = markdown.markdown(_FRONT_MATTER.sub("", md_text, count=1), extensions=_EXTENSIONS, extension_configs=_EXTENSION_CONFIGS)
    tree = lhtml.fragment_fromstring(body, create_parent="div")
    for a in tree.iter("a"):
        href = a.get("href")
        if href is None or _KEEP.match(href) or href in present:
            continue
        a.drop_tag()  # its words stay; the link would lead nowhere inside an LMS
    return "".join(lhtml.tostring(child, encoding="unicode") for child in tree) if len(tree) else ""


# where the kit's stylesheet and script go: the page is kept as the three parts around them, so that the
# assignment builder's data holds the two files once for every lesson (``cartridges.assets_script``)
_CSS_SLOT = "/*closeread-kit-css*/"
_JS_SLOT = "/*closeread-kit-js*/"


def kit_assets() -> tuple[str, str]:
    """The kit's stylesheet and script, as every cartridge page holds them. The script begins with
    closeread-handin.js, which the student site loads beside closeread.js when a student hands in: a
    page inside an LMS has no folder to load it from."""
    return _asset("stylesheets/closeread.css"), _asset("javascripts/closeread-handin.js") + "\n" + _asset("javascripts/closeread.js")


def page_parts(md_text: str, *, title: str, lang: str, present: frozenset[str] = frozenset()) -> tuple[str, str, str]:
    """The standalone page of a student page's Markdown (``render.pages.student_page``) as the text
    before the kit's stylesheet, between it and the kit's script, and after (``assemble`` joins them).
    ``present``: the relative addresses the page may link to because they are in the package beside it."""
    template = environment().get_template("cartridge/page.html.j2")
    page_css = resources.files("closeread").joinpath("templates/cartridge/page.css").read_text(encoding="utf-8")
    text = template.render(
        title=title, lang=lang, body=Markup(_body(md_text, present)), page_css=Markup(page_css), kit_css=Markup(_CSS_SLOT), kit_js=Markup(_JS_SLOT)
    )
    head, rest = text.split(_CSS_SLOT)
    middle, tail = rest.split(_JS_SLOT)
    return head, middle, tail


def assemble(parts: tuple[str, str, str], assets: tuple[str, str]) -> bytes:
    """The page's bytes: its parts around the kit's stylesheet and script (``kit_assets``)."""
    return (parts[0] + assets[0] + parts[1] + assets[1] + parts[2]).encode("utf-8")
