"""The registry of annotation kinds, read from ``data/kinds.yaml``."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property
from importlib import resources
from typing import Mapping

import yaml

from closeread.model import frozen_map


@dataclass(frozen=True)
class FieldSpec:
    name: str
    type: str  # text, ref, enum, bool
    required: bool = False
    values: tuple[str, ...] = ()


@dataclass(frozen=True)
class Kind:
    name: str
    label: str
    marker: str
    definition: str
    cor_question: str
    sift: str
    technique: str | None
    fields: tuple[FieldSpec, ...]
    question: Mapping
    skill: str = ""
    document_level: bool = False

    @cached_property
    def _by_name(self) -> dict[str, FieldSpec]:
        return {f.name: f for f in self.fields}

    def field(self, name: str) -> FieldSpec | None:
        return self._by_name.get(name)


@cache
def registry() -> Mapping[str, Kind]:
    """All kinds by name, in the order of the registry file."""
    text = resources.files("closeread.data").joinpath("kinds.yaml").read_text(encoding="utf-8")
    raw = yaml.load(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    kinds = {}
    for name, entry in raw.items():
        fields = tuple(
            FieldSpec(fname, spec["type"], bool(spec.get("required")), tuple(spec.get("values", ())))
            for fname, spec in (entry.get("fields") or {}).items()
        )
        kinds[name] = Kind(
            name=name,
            label=entry["label"],
            marker=str(entry["marker"]),
            definition=" ".join(entry["definition"].split()),
            cor_question=entry["cor_question"],
            sift=entry["sift"],
            technique=entry.get("technique"),
            fields=fields,
            question=frozen_map(entry["question"]),
            skill=entry.get("skill", ""),
            document_level=bool(entry.get("document_level")),
        )
    return frozen_map(kinds)


@cache
def all_kind_fields() -> Mapping[str, FieldSpec]:
    """Every kind-specific field name, for the annotation schema (a field keeps one type across kinds)."""
    out: dict[str, FieldSpec] = {}
    for kind in registry().values():
        for f in kind.fields:
            out.setdefault(f.name, FieldSpec(f.name, f.type, False, f.values))
    return frozen_map(out)
