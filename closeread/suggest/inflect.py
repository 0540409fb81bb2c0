"""English verb inflection for the reporting-verb lists: a lemma gives its four regular forms.

A list of verb *forms* misses the form a page happens to use ("argue" where the list has "argued",
"projects" where it has "projected"); a list of *lemmas* with regular English morphology does not.
Irregular forms (wrote, written, shown) are still listed by hand in ``forms``.
"""

from __future__ import annotations

_VOWELS = set("aeiou")


def _doubles(lemma: str) -> bool:
    """A one-syllable consonant-vowel-consonant verb doubles its last letter: 'vow' no, 'chat' yes.
    Longer verbs are stressed on their first syllable often enough ('visit', 'target') that doubling
    is left to the lemmas listed by hand."""
    if len(lemma) < 3 or lemma[-1] in _VOWELS or lemma[-1] in "wxy":
        return False
    vowels = sum(c in _VOWELS for c in lemma)
    return vowels == 1 and lemma[-2] in _VOWELS and lemma[-3] not in _VOWELS


def inflections(lemma: str) -> tuple[str, ...]:
    """The lemma, its third person singular, its past (and participle) and its -ing form.
    Multi-word lemmas ('point out') inflect their first word."""
    head, _, rest = lemma.partition(" ")
    tail = f" {rest}" if rest else ""
    if head.endswith(("s", "sh", "ch", "x", "z")):
        third = head + "es"
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        third = head[:-1] + "ies"
    else:
        third = head + "s"
    if head.endswith("e"):
        past, ing = head + "d", head[:-1] + "ing"
    elif head.endswith("y") and head[-2:-1] not in _VOWELS:
        past, ing = head[:-1] + "ied", head + "ing"
    elif _doubles(head):
        past, ing = head + head[-1] + "ed", head + head[-1] + "ing"
    else:
        past, ing = head + "ed", head + "ing"
    return tuple(w + tail for w in (head, third, past, ing))
