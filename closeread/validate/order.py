"""The order written options are shown in: shuffled once, here, so that every page, worksheet, key and
LMS file shows the same order, and the right answer's place teaches nothing.

The order is a hash of the lesson's slug, the question's id and each option's place in the file
(SHA-256, no random state): the same on every build and every machine, and it changes only when the
question is renamed or its options are added or removed. An author who means an order (a scale, "all of
the above") keeps it with ``keep_order: true`` on the question.
"""

from __future__ import annotations

import dataclasses
import hashlib

from closeread.model import Option


def shown_order(options: tuple[Option, ...], *, slug: str, question: str) -> tuple[Option, ...]:
    """``options`` (in the file's order, keys o1, o2, ...) in their shown order, keyed again o1, o2, ... in
    that order: the keys are the values of the page's inputs, and a key kept from the file's order would
    tell anyone who reads the page's source the author's order (the right options first, most often)."""
    seed = f"{slug}\0{question}\0"
    shown = sorted(options, key=lambda o: hashlib.sha256((seed + o.key).encode("utf-8")).digest())
    return tuple(dataclasses.replace(o, key=f"o{number}") for number, o in enumerate(shown, start=1))


def right_first_share(orders: list[tuple[Option, ...]]) -> float:
    """The share of single-choice questions (each its options) whose right option comes first."""
    if not orders:
        return 0.0
    return sum(1 for options in orders if options and options[0].correct) / len(orders)
