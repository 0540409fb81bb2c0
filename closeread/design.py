"""Lesson-design rules (``data/design.yaml``): question minutes, core-set bounds, generation caps."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Mapping

import yaml

from closeread.model import frozen_map


@dataclass(frozen=True)
class Design:
    minutes: Mapping[str, float]
    core_min: int
    core_max: int
    phase_share: float
    max_stem_repeats: int
    per_kind: int
    sort_items: int
    rubric_levels: tuple[str, ...]
    leaks: Mapping  # side doors to answers: see design.yaml
    look_up_minutes: float = 0.0  # added to a look-up question's minutes
    look_up_phrases: tuple[str, ...] = ()  # a stem with one of these sends students to look something up
    draft: Mapping = field(default_factory=frozen_map)  # what `build.py new` drafts (sequence, core, skeletons)
    short_min_words: int = 0  # words a written answer needs before the page shows its model answer

    def minutes_for(self, qtype: str) -> float:
        return float(self.minutes[qtype])


@cache
def design() -> Design:
    text = resources.files("closeread.data").joinpath("design.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return Design(
        minutes=frozen_map({k: float(v) for k, v in raw["minutes"].items()}),
        core_min=int(raw["core"]["min"]),
        core_max=int(raw["core"]["max"]),
        phase_share=float(raw["core"]["phase_share"]),
        max_stem_repeats=int(raw["core"]["max_stem_repeats"]),
        per_kind=int(raw["generated"]["per_kind"]),
        sort_items=int(raw["generated"]["sort_items"]),
        rubric_levels=tuple(raw["rubric_levels"]),
        leaks=frozen_map(raw["leaks"]),
        look_up_minutes=float(raw["look_up"]["minutes"]),
        look_up_phrases=tuple(raw["look_up"]["phrases"]),
        draft=frozen_map(raw.get("draft", {})),
        short_min_words=int(raw["short_answer"]["min_words"]),
    )
