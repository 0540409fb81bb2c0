"""Grades for multiple-answer questions, from the set Moodle accepts (GIFT uses the same set)."""

from __future__ import annotations

from closeread.export.items import Item

# Moodle's grade options (question_bank::fraction_options_full), as percentages written in its exports.
ALLOWED = ("100", "90", "83.33333", "80", "75", "70", "66.66667", "60", "50", "40", "33.33333", "30", "25", "20",
           "16.66667", "14.28571", "12.5", "11.11111", "10", "5", "0")


def share(count: int) -> str:
    """The allowed percentage nearest to, and not above, 100/count (exact for 1 to 10)."""
    target = 100 / max(count, 1)
    return max((p for p in ALLOWED if float(p) <= target + 1e-4), key=float)  # the set is rounded to 5 decimals


def fractions(item: Item) -> list[str]:
    """One percentage per choice: single choice 100 or 0; multiple choice splits 100 among the right
    choices and -100 among the wrong ones, so ticking every box scores nothing."""
    if item.type == "single":
        return ["100" if c.correct else "0" for c in item.choices]
    right = sum(c.correct for c in item.choices)
    wrong = len(item.choices) - right
    return [share(right) if c.correct else ("-" + share(wrong)) for c in item.choices]
