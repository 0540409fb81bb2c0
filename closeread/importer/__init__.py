"""Import a saved web page (or a plain-text article) as a draft lesson.

``extract`` reads the page (its own jobs: see that module); ``draft`` writes the lesson folder;
``runs`` makes the draft one that already runs, with ``people`` (the sources list from the names the
suggester found) and ``plan`` (sequence, core set, the skeletons to write); ``checklist`` is what
``build.py new`` prints for the author to check.
"""

from closeread.importer.draft import import_page
from closeread.importer.extract import Block, ExtractedPage, PageMeta, extract_page
from closeread.importer.read import PageSource, read_page

__all__ = ["Block", "ExtractedPage", "PageMeta", "PageSource", "extract_page", "import_page", "read_page"]
