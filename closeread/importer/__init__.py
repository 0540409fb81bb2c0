"""Import a saved web page (or a plain-text article) as a draft lesson."""

from closeread.importer.draft import import_page
from closeread.importer.extract import Block, ExtractedPage, PageMeta, extract_page
from closeread.importer.read import PageSource, read_page

__all__ = ["Block", "ExtractedPage", "PageMeta", "PageSource", "extract_page", "import_page", "read_page"]
