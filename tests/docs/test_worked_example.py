"""The worked example in docs/authoring/worked-example.md runs as written: its commands print what it
shows, its edits apply, and the lesson it ends with passes check, builds, and has the files it names.

Blocks follow a comment `<!-- example: STEP -->`, in order, on one kit:
- ```console blocks: each `$ python build.py ...` runs and succeeds; what it prints on stdout must be
  what follows it (the build's progress lines on stderr are left out);
- ```yaml blocks (STEP `set`): the keys are written into the lesson file (a mapping merged key by key);
- ```text blocks (STEP `files`): each line is a file the build must have made.

`python -m pytest tests/docs/test_worked_example.py --update-golden` rewrites the console blocks' output
from a real run (after the importer or the suggester changed); read the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import REPO, make_kit

DOC = REPO / "docs" / "authoring" / "worked-example.md"
PAGE = REPO / "tests" / "fixtures" / "guide" / "ferry-fares.html"
SLUG = "island-ferry-fares-to-double-operator-says-as-residents"
IMPORT_DAY = "1710374400"  # 14 March 2024
BLOCK = re.compile(r"<!-- example: (?P<step>[\w-]+) -->\s*```(?P<lang>\w+)\n(?P<body>.*?)```", re.S)
SECONDS = re.compile(r"\b\d+(?:\.\d+)? s\b")


def _run(kit: Path, command: str) -> str:
    args = command.split()
    assert args[:2] == ["python", "build.py"], command
    env = {**os.environ, "SOURCE_DATE_EPOCH": IMPORT_DAY, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(kit), *args[2:]], cwd=kit,
                          capture_output=True, text=True, timeout=900, env=env)
    # what a command prints on stdout; the build's progress lines (stderr) depend on timing
    assert done.returncode == 0, done.stderr
    return SECONDS.sub("… s", done.stdout.strip())


def _merge(into: dict, new: dict) -> dict:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value
    return into


def _set(kit: Path, body: str) -> None:
    path = kit / "lessons" / SLUG / "lesson.yaml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    _merge(data, yaml.safe_load(body))
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100), encoding="utf-8")


def test_the_worked_example_runs_as_written(tmp_path, update_golden):
    kit = make_kit(tmp_path / "kit", REPO / "tests" / "fixtures" / "kit" / "lessons")
    shutil.rmtree(kit / "lessons")
    (kit / "lessons").mkdir()
    (kit / "saved").mkdir()
    shutil.copy(PAGE, kit / "saved" / PAGE.name)
    text = DOC.read_text(encoding="utf-8")
    blocks = list(BLOCK.finditer(text))
    assert [m["step"] for m in blocks if m["lang"] == "console"] == ["new", "draft", "final", "final"]
    rewritten = text
    files: list[str] = []
    for m in blocks:
        if m["lang"] == "console":
            out = []
            for line in m["body"].split("\n"):
                if line.startswith("$ "):
                    out.append((line, _run(kit, line[2:])))
            real = "".join(f"{cmd}\n{result}\n" for cmd, result in out)
            if update_golden:
                rewritten = rewritten.replace(m.group(0), m.group(0).replace(m["body"], real), 1)
            else:
                assert m["body"] == real, f"the output of {[c for c, _ in out]} differs from the worked example"
        elif m["step"] == "set":
            _set(kit, m["body"])
        elif m["step"] == "files":
            files.extend(m["body"].split())
    if update_golden:
        DOC.write_text(rewritten, encoding="utf-8")
    for name in files:
        assert (kit / name).is_file(), f"the build made no {name}"
    lesson = yaml.safe_load((kit / "lessons" / SLUG / "lesson.yaml").read_text(encoding="utf-8"))
    assert lesson["draft"] is False
    assert not any(a.get("suggested") for a in lesson["annotations"])
