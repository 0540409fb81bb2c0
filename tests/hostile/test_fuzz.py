"""Fuzzing the loader and validator with the shipped lessons: thousands of variants (keys deleted,
values of the wrong type, empty values, tags swapped or added, lines deleted, re-indented or cut),
each must end in a lesson or in clean one-line messages, never in an exception.

The seed is fixed, so a failure is reproducible; ``CLOSEREAD_FUZZ=20000`` runs more variants."""

from __future__ import annotations

import datetime as dt
import os
import pickle
import random
import re
import shutil
from pathlib import Path

import pytest
import yaml

from closeread.errors import Problem
from closeread.validate.lesson import load_lesson

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
REPO = Path(__file__).resolve().parents[2]
SOURCES = sorted([*(REPO / "lessons").iterdir(), REPO / "tests" / "fixtures" / "kit" / "lessons" / "tiny-harbour"])
VARIANTS = int(os.environ.get("CLOSEREAD_FUZZ", "2000"))
MESSAGE = re.compile(r"^lessons/fuzz/(lesson\.yaml|article\.txt)(:\d+)?: [^\n]+; [^\n]+$")
TAGS = ["!!int", "!!bool", "!!float", "!!timestamp", "!!seq", "!!map", "!!str", "!!null", "!!binary", "!!set", "!!omap", "!local", "!!python/name:os.system"]
WRONG = [None, "", " ", 0, -1, 10**30, 1.5, True, False, [], {}, ["x"], {"a": 1}, dt.date(2024, 2, 1), "TODO", "x" * 30_000, "\x1b[2J", "a\u202eb", "../etc", "<script>"]


def _paths(data, prefix=()):
    """Every (path, value) in the data, mappings and lists included."""
    yield prefix, data
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for i, value in enumerate(data):
            yield from _paths(value, (*prefix, i))


def _parent(data, path):
    for step in path[:-1]:
        data = data[step]
    return data


def _mutate_data(rng: random.Random, data) -> str:
    for _ in range(rng.choice((1, 1, 1, 2, 3))):
        paths = [p for p, _ in _paths(data) if p]
        if not paths:
            break
        path = rng.choice(paths)
        parent = _parent(data, path)
        how = rng.random()
        if how < 0.35:
            del parent[path[-1]]
        elif how < 0.85:
            parent[path[-1]] = rng.choice(WRONG)
        elif isinstance(parent, dict):  # swap two siblings' values
            keys = list(parent)
            a, b = rng.choice(keys), rng.choice(keys)
            parent[a], parent[b] = parent[b], parent[a]
    return yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False)


def _mutate_text(rng: random.Random, text: str) -> str:
    lines = text.split("\n")
    for _ in range(rng.choice((1, 1, 2, 3))):
        n = rng.randrange(len(lines))
        line = lines[n]
        how = rng.random()
        if how < 0.4 and ": " in line:  # add or swap a tag on a value
            key, _, value = line.partition(": ")
            value = re.sub(r"^!\S+ ", "", value)
            lines[n] = f"{key}: {rng.choice(TAGS)} {value}"
        elif how < 0.55:
            del lines[n]
        elif how < 0.7:
            lines[n] = " " * rng.choice((1, 2, 3, 5)) + line if rng.random() < 0.5 else line.lstrip()
        elif how < 0.8:
            lines[n] = line[: rng.randrange(len(line) + 1)]
        elif how < 0.9:
            lines.insert(n, line)  # a key written twice
        else:
            lines[n] = line.replace(": ", ": &a ", 1) + "\nx: *a" if ": " in line else line
    return "\n".join(lines)


def _variants(rng: random.Random):
    texts = [(source, (source / "lesson.yaml").read_text(encoding="utf-8")) for source in SOURCES]
    parsed = {source: pickle.dumps(yaml.load(text, Loader=_LOADER)) for source, text in texts}
    for number in range(VARIANTS):
        source, text = texts[number % len(texts)]
        if rng.random() < 0.5:
            yield source, _mutate_data(rng, pickle.loads(parsed[source]))
        else:
            yield source, _mutate_text(rng, text)


def test_no_variant_of_a_shipped_lesson_raises(tmp_path):
    rng = random.Random(14)
    folder = tmp_path / "lessons" / "fuzz"
    folder.mkdir(parents=True)
    copied = None
    outcomes = {"valid": 0, "problems": 0}
    for number, (source, text) in enumerate(_variants(rng)):
        if copied != source:
            for old in folder.iterdir():
                old.unlink()
            for f in source.iterdir():
                if f.is_file() and f.name != "lesson.yaml":
                    shutil.copy(f, folder / f.name)
            copied = source
        (folder / "lesson.yaml").write_text(text, encoding="utf-8")
        try:
            lesson, problems = load_lesson(folder, shown_dir="lessons/fuzz")
        except Exception as exc:  # noqa: BLE001 - the very thing this test looks for
            pytest.fail(f"variant {number} of {source.name} raised {type(exc).__name__}: {exc}\n--- lesson.yaml ---\n{text[:3000]}")
        for problem in problems:
            assert isinstance(problem, Problem)
            assert MESSAGE.match(str(problem)), f"variant {number} of {source.name}: {str(problem)[:300]!r}"
            assert len(str(problem)) < 1000, f"variant {number}: a message of {len(str(problem))} characters"
        assert (lesson is None) == bool(problems), f"variant {number}"
        outcomes["valid" if lesson else "problems"] += 1
    # the mutations must mostly break lessons, or the test checks nothing
    assert outcomes["problems"] > VARIANTS * 0.7, outcomes


CONTROLS = ["\x1b[2J", "\x00", "\x07", "\x7f", "\x85", "\x9b", "\ufffe", "\uffff", "\U0010ffff", "\x0b", "\r"]


@pytest.mark.parametrize("source", SOURCES, ids=lambda p: p.name)
def test_a_control_character_in_every_text_field_is_reported_at_its_line(tmp_path, source):
    """Issue 22: a control character in any text field (made by a YAML escape: libyaml refuses them raw)
    is one problem at that field's line, and the lesson does not validate; every field at once."""
    data = yaml.load((source / "lesson.yaml").read_text(encoding="utf-8"), Loader=_LOADER)
    rng = random.Random(22)
    fields = 0
    for path, value in list(_paths(data)):
        if path and isinstance(value, str) and value.strip():
            cut = rng.randrange(len(value) + 1)
            _parent(data, path)[path[-1]] = value[:cut] + rng.choice(CONTROLS) + value[cut:]
            fields += 1
    text = yaml.dump(data, Dumper=_DUMPER, allow_unicode=True, sort_keys=False, width=10**9)
    folder = tmp_path / "lessons" / "fuzz"
    shutil.copytree(source, folder)
    (folder / "lesson.yaml").write_text(text, encoding="utf-8")
    lesson, problems = load_lesson(folder, shown_dir="lessons/fuzz")
    assert lesson is None
    held = [p for p in problems if "; expected printable text (delete it: only tabs and line breaks are allowed)" in p.message]
    assert len(held) == fields > 50, (len(held), fields)
    lines = text.split("\n")
    for problem in held:
        assert MESSAGE.match(str(problem)) and "\\" in lines[problem.line - 1], str(problem)
