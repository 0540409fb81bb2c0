"""Every command in the authoring guide runs, and prints exactly what the guide shows.

Each ```console block in docs/authoring/index.md follows a comment `<!-- guide: STEP -->`; STEP names
the state the kit is put in before the block's commands run (see STEPS below).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REPO, make_kit

GUIDE = REPO / "docs" / "authoring" / "index.md"
PAGE = REPO / "tests" / "fixtures" / "guide" / "harbour-strike.html"
IMPORT_DAY = "1707350400"  # 8 February 2024: the day the guide's page was saved and imported
SLUG = "harbour-strike-paralyses-city-as-300-workers-walk-out"
BLOCK = re.compile(r"<!-- guide: (?P<step>[\w-]+) -->\s*```console\n(?P<body>.*?)```", re.S)

TYPO = """\
- id: a-300
  kind: figure
  quote: about 300 worker
  figure: "300"
  source: silva
  note: The only source for the number is the union leader.
"""


def _annotations_append(kit: Path, text: str) -> None:
    path = kit / "lessons" / SLUG / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _imported(kit: Path) -> None:
    _run(kit, f"python build.py new saved/{PAGE.name}")


STEPS = {
    "import": lambda kit: None,
    "draft": _imported,
    "typo": lambda kit: (_imported(kit), _annotations_append(kit, TYPO)),
}


def _run(kit: Path, command: str) -> str:
    args = command.split()
    assert args[:2] == ["python", "build.py"], command
    result = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(kit), *args[2:]],
        cwd=kit,
        env={**os.environ, "SOURCE_DATE_EPOCH": IMPORT_DAY},
        capture_output=True,
        text=True,
        timeout=600,
    )
    return (result.stdout + result.stderr).strip()


def _blocks():
    text = GUIDE.read_text(encoding="utf-8")
    return [(m["step"], m["body"]) for m in BLOCK.finditer(text)]


def test_the_guide_has_tested_blocks():
    assert {step for step, _ in _blocks()} == set(STEPS)


@pytest.mark.parametrize("step,body", _blocks(), ids=[f"{i}-{s}" for i, (s, _) in enumerate(_blocks())])
def test_guide_block_output_is_real(step, body, tmp_path, update_golden):
    kit = make_kit(tmp_path / "kit", REPO / "tests" / "fixtures" / "kit" / "lessons")
    shutil.rmtree(kit / "lessons")
    (kit / "lessons").mkdir()
    (kit / "saved").mkdir()
    shutil.copy(PAGE, kit / "saved" / PAGE.name)
    STEPS[step](kit)
    command, expected, real = None, [], []
    for line in body.rstrip("\n").split("\n") + ["$ end"]:
        if line.startswith("$ "):
            if command:
                output = _run(kit, command)
                real.extend([f"$ {command}", output])
                if not update_golden:
                    assert output == "\n".join(expected).strip(), f"output of `{command}` differs from the guide"
            command, expected = line[2:], []
        else:
            expected.append(line)
    if update_golden:  # --update-golden: the guide shows this run's output (read the diff)
        text = GUIDE.read_text(encoding="utf-8")
        GUIDE.write_text(text.replace("```console\n" + body, "```console\n" + "\n".join(real) + "\n", 1), encoding="utf-8")
