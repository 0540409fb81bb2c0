"""Paper and LMS rules (``data/export.yaml``): answer space, the period worksheet's pages, question points."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Mapping

import yaml

from closeread.model import frozen_map


@dataclass(frozen=True)
class ExportRules:
    words_per_line: float
    model_share: float
    min_lines: int
    max_lines: int
    discussion_lines: int
    warm_up_lines: int
    exit_item_lines: int
    max_period_pages: int
    choice_points: int
    open_points: int
    rubric_points: Mapping[str, int]


@cache
def rules() -> ExportRules:
    text = resources.files("closeread.data").joinpath("export.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    space, points = raw["answer_space"], raw["points"]
    return ExportRules(
        words_per_line=float(space["words_per_line"]),
        model_share=float(space["model_share"]),
        min_lines=int(space["min"]),
        max_lines=int(space["max"]),
        discussion_lines=int(space["discussion"]),
        warm_up_lines=int(space["warm_up"]),
        exit_item_lines=int(space["exit_item"]),
        max_period_pages=int(raw["period"]["max_pages"]),
        choice_points=int(points["choice"]),
        open_points=int(points["open"]),
        rubric_points=frozen_map({str(k): int(v) for k, v in points["rubric"].items()}),
    )
