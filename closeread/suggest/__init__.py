"""Suggested annotations: rule-based drafts a teacher starts from.

``suggest(article_text)`` returns a list of annotation dicts in the lesson format, each marked
``suggested: True``. See docs/authoring/suggestions.md.
"""

from __future__ import annotations

from .core import suggest
from .lexicon import attribution_verbs, compile_loaded, loaded_language

__all__ = ["suggest", "attribution_verbs", "loaded_language", "compile_loaded"]
