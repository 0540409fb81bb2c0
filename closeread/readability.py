"""How hard an article is to read: the Flesch-Kincaid grade of its body text.

The grade is a rough guide for choosing a lesson (about the school year a reader needs), not a
measure of how hard the lesson's questions are. Syllables are counted by a rule of thumb (vowel groups,
less a silent final e), as most readability tools do; it is right for most English words and the
errors average out over an article.
"""

from __future__ import annotations

import re
from typing import Iterable

_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
_SENTENCE = re.compile(r"[.!?]+(?=[\"'”’)]*(?:\s|$))")
_VOWELS = re.compile(r"[aeiouy]+")


def syllables(word: str) -> int:
    w = word.lower().replace("’", "'").split("'")[0]
    if len(w) <= 3:
        return 1
    if w.endswith("e") and not w.endswith(("le", "ee", "ye")):
        w = w[:-1]
    if w.endswith("ed") and not w.endswith(("ted", "ded")):
        w = w[:-2]
    return max(1, len(_VOWELS.findall(w)))


def reading_grade(lines: Iterable[str]) -> float | None:
    """The Flesch-Kincaid grade of the text, to one decimal; None when it has too few words to say."""
    words = sentences = syl = 0
    for line in lines:
        found = _WORD.findall(line)
        if not found:
            continue
        words += len(found)
        syl += sum(syllables(w) for w in found)
        # a line without a full stop (a headline, a subheading) still ends a sentence
        sentences += max(1, len(_SENTENCE.findall(line)))
    if words < 30:
        return None
    grade = 0.39 * words / sentences + 11.8 * syl / words - 15.59
    return round(max(grade, 0.0), 1)
