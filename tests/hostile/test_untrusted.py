"""Lesson folders from people the kit cannot trust (issue 14): a link to a file of the machine, a device
or a pipe, a YAML bomb, a tag or a nesting the loader cannot read. Each case ends in one line per
problem naming the path (and line), exit status 1, no traceback, and nothing read that should not be."""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from closeread.errors import LessonError
from closeread.validate.kit import load_kit
from tests.conftest import FIXTURE_LESSONS

REPO = Path(__file__).resolve().parents[2]
Y = "lessons/tiny-harbour/lesson.yaml"
A = "lessons/tiny-harbour/article.txt"


@pytest.fixture
def root(tmp_path) -> Path:
    shutil.copytree(FIXTURE_LESSONS, tmp_path / "kit" / "lessons")
    return tmp_path / "kit"


def _folder(root: Path) -> Path:
    return root / "lessons" / "tiny-harbour"


def _problems(root: Path) -> list[str]:
    with pytest.raises(LessonError) as caught:
        load_kit(root=root)
    return caught.value.lines()


def _edit(root: Path, old: str, new: str) -> None:
    path = _folder(root) / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- files that are not what they seem ---------------------------------------------------------


def test_an_article_linked_to_a_file_outside_is_not_read(root, tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("root:x:0:0:root:/root:/bin/bash\n", encoding="utf-8")
    (_folder(root) / "article.txt").unlink()
    (_folder(root) / "article.txt").symlink_to(secret)
    problems = _problems(root)
    assert problems[0] == f"{A}: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)"
    assert not any("root" in p for p in problems)


def test_a_lesson_file_linked_to_etc_passwd_is_not_read(root):
    (_folder(root) / "lesson.yaml").unlink()
    (_folder(root) / "lesson.yaml").symlink_to("/etc/passwd")
    assert _problems(root) == [f"{Y}: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)"]


def test_a_lesson_folder_linked_outside_lessons_is_not_read(root, tmp_path):
    outside = tmp_path / "elsewhere"
    shutil.copytree(_folder(root), outside)
    (root / "lessons" / "linked").symlink_to(outside)
    assert _problems(root) == [
        "lessons/linked: the lesson folder is a symbolic link; expected a real folder inside lessons/ (copy the lesson there)"
    ]


def test_a_symlink_loop_is_one_line(root):
    (_folder(root) / "article.txt").unlink()
    (_folder(root) / "article.txt").symlink_to(_folder(root) / "article.txt")
    (root / "lessons" / "loop").symlink_to(root / "lessons" / "loop")
    assert _problems(root) == [
        "lessons/loop: the lesson folder is a symbolic link; expected a real folder inside lessons/ (copy the lesson there)",
        f"{A}: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)",
    ]


def test_an_article_linked_to_dev_zero_is_not_read_forever(root):
    (_folder(root) / "article.txt").unlink()
    (_folder(root) / "article.txt").symlink_to("/dev/zero")
    start = time.monotonic()
    assert _problems(root) == [f"{A}: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)"]
    assert time.monotonic() - start < 30


def test_a_device_article_is_not_read(root):
    (_folder(root) / "article.txt").unlink()
    try:  # /dev/zero's own device numbers: endless, and stat() says its size is 0
        os.mknod(_folder(root) / "article.txt", 0o644 | stat.S_IFCHR, os.makedev(1, 5))
    except PermissionError:
        pytest.skip("making a device file needs root")
    assert _problems(root) == [f"{A}: not a regular file (a folder, device or pipe); expected a text file in the lesson folder"]


def test_a_fifo_article_does_not_block(root):
    (_folder(root) / "article.txt").unlink()
    os.mkfifo(_folder(root) / "article.txt")
    assert _problems(root) == [f"{A}: not a regular file (a folder, device or pipe); expected a text file in the lesson folder"]


def test_a_directory_named_like_the_article(root):
    (_folder(root) / "article.txt").unlink()
    (_folder(root) / "article.txt").mkdir()
    assert _problems(root) == [f"{A}: not a regular file (a folder, device or pipe); expected a text file in the lesson folder"]


@pytest.mark.parametrize(
    "name, shown",
    [('""', ""), ('"."', "."), ('"a\\0b.txt"', "a\\x00b.txt"), ("x" * 300 + ".txt", "x" * 100)],
    ids=["empty", "dot", "nul", "300-characters"],
)
def test_bad_article_file_names(root, name, shown):
    _edit(root, "article:\n", f"article:\n  file: {name}\n")
    nul = [f"{Y}:23: the text holds U+0000 (NUL), a control character; expected printable text (delete it: only tabs and line breaks are allowed)"]
    assert _problems(root) == [
        f"{Y}:23: article file '{shown}' must be a file name in the lesson folder; expected e.g. article.txt (at most 100 characters)"
    ] + (nul if "\\x00" in shown else [])


# -- YAML the loader must refuse without hanging ----------------------------------------------


def _bomb(levels: int = 9) -> str:
    lines = ['lol0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        lines.append(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * 9) + "]")
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("where", ["summary", "todo"])
def test_an_alias_bomb_is_refused_quickly(root, where):
    path = _folder(root) / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    if where == "summary":  # the message once took repr() of the whole value
        text = _bomb() + text.replace("summary: A short invented report for testing every annotation kind.", "summary: *l8")
    else:  # the TODO check once walked every expanded value
        text = text.replace("summary: A short", "summary: TODO A short") + _bomb()
    path.write_text(text, encoding="utf-8")
    start = time.monotonic()
    problems = _problems(root)
    assert time.monotonic() - start < 10
    assert len(problems) == 1
    assert re.fullmatch(rf"{Y}:\d+: aliases of this value repeat [\d,]+ values; expected at most 10,000 \(.*\)", problems[0])
    assert problems[0].endswith(" values; expected at most 10,000 (write the values out, or use fewer aliases)")


@pytest.mark.parametrize("depth", [500, 999, 200_000])
def test_deep_nesting_is_refused(root, depth):
    _edit(root, "discussion: Ask whose voices are heard.", "discussion: " + "[" * depth + "]" * depth)
    assert _problems(root) == [f"{Y}:41: values nest more than 40 deep here; expected a lesson's few levels"]


@pytest.mark.parametrize(
    "value, message",
    [
        ('!!int "abc"', "'abc' cannot be read as !!int; expected a whole number (or no tag)"),
        ('!!bool "maybe"', "'maybe' cannot be read as !!bool; expected true or false (or no tag)"),
        ('!!float "x"', "'x' cannot be read as !!float; expected a number (or no tag)"),
        ('!!timestamp "soon"', "'soon' cannot be read as !!timestamp; expected a date YYYY-MM-DD (or no tag)"),
        ('!!seq "a"', "the tag '!!seq' is on a single value; expected a list or mapping after it (or no tag)"),
        ('!!map "a"', "the tag '!!map' is on a single value; expected a list or mapping after it (or no tag)"),
        ('!!binary "aGk="', "the tag '!!binary' is not allowed; expected plain YAML values"),
        ("!local x", "the tag '!local' is not allowed; expected plain YAML values"),
    ],
)
def test_tags_are_reported_at_their_line(root, value, message):
    _edit(root, "discussion: Ask whose voices are heard.", f"discussion: {value}")
    assert f"{Y}:41: {message}" in _problems(root)


def test_a_set_tag_is_reported(root):
    _edit(root, "discussion: Ask whose voices are heard.", "discussion: !!set {a, b}")
    assert f"{Y}:41: the tag '!!set' is not allowed; expected plain YAML ('key: value' lines with no tag)" in _problems(root)


def test_merge_keys_with_an_override_are_understood(root):
    _edit(
        root,
        "sequence:\n  - {step: warm-up, minutes: 5, text: Ask who went on strike.}\n",
        "sequence:\n  - &step {step: warm-up, minutes: 5, text: Ask who went on strike.}\n  - <<: *step\n    step: discussion\n",
    )
    (lesson,) = load_kit(root=root)
    assert [(s.step, s.minutes) for s in lesson.sequence] == [("warm-up", 5), ("discussion", 5), ("reading", 15)]


def test_a_key_written_twice_beside_a_merge_is_still_a_duplicate(root):
    _edit(
        root,
        "sequence:\n  - {step: warm-up, minutes: 5, text: Ask who went on strike.}\n",
        "sequence:\n  - &step {step: warm-up, minutes: 5, text: Ask who went on strike.}\n  - <<: *step\n    step: discussion\n    step: reading\n",
    )
    assert _problems(root) == [f"{Y}:42: duplicate key 'step' (first at line 41); expected each key once"]


# -- values the generator once choked on -------------------------------------------------------


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("    - {quote: Subscribe, role: furniture, label: Button}", "    - {role: furniture, label: Button}",
         f"{Y}:28: missing 'quote' in a part; expected words from the line"),
        ("    - {quote: Subscribe, role: furniture, label: Button}", "    - {quote: Subscribe, label: Button}",
         f"{Y}:28: missing 'role' in a part; expected a line role"),
        ("    - {quote: Subscribe, role: furniture, label: Button}", "    - {quote: Subscribe, role: furnture, label: Button}",
         f"{Y}:28: 'role' is 'furnture', which is not a line role; did you mean 'furniture'?"),
        ('    figure: "300"\n    source: silva', '    figure: "300"\n    source:',
         f"{Y}:49: annotation 'a-300' of kind 'figure' has no 'source'; expected the id of the source it comes from"),
        ("    quote: Union leader Ana Silva\n    source: silva", "    quote: Union leader Ana Silva\n    source:",
         f"{Y}:100: annotation 'a-silva' of kind 'source' has no 'source'; expected the id of the source it comes from"),
        ("    speaker: silva", "    speaker:",
         f"{Y}:84: annotation 'a-quote' of kind 'quote' has no 'speaker'; expected the id of the source who said it"),
    ],
    ids=["part-without-quote", "part-without-role", "part-unknown-role", "figure-empty-source", "source-empty-source", "quote-empty-speaker"],
)
def test_missing_or_empty_values_are_messages(root, old, new, message):
    _edit(root, old, new)
    assert message in _problems(root)


def test_a_huge_option_is_refused_with_its_length(root):
    _edit(root, "{text: reckless, correct: true", "{text: " + "x" * 1_100_000 + ", correct: true")
    assert _problems(root) == [f"{Y}:127: 'text' is 1,100,000 characters long; expected at most 20,000 (the option's text)"]


def test_a_slug_ending_in_a_newline_is_not_a_slug(root):
    os.rename(_folder(root), root / "lessons" / "tiny-harbour\n")
    assert _problems(root) == [
        "lessons/tiny-harbour\\n/lesson.yaml: folder name 'tiny-harbour\\n' is not a valid lesson slug; expected lower-case letters, digits and single hyphens"
    ]


# -- the command line -------------------------------------------------------------------------


def _cli(*args: str, cwd: Path | None = None, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True, timeout=300, cwd=cwd, env=env
    )


def test_terminal_escapes_in_lesson_text_are_shown_escaped(root):
    _edit(root, "minutes: 20", 'minutes: "\\e[2J\\e[31mtwenty"')
    run = _cli("--root", str(root), "check")
    assert run.returncode == 1
    assert "\x1b" not in run.stderr
    assert run.stderr.splitlines() == [
        f"{Y}:5: 'minutes' is '\\x1b[2J\\x1b[31mtwenty'; expected a whole number (class minutes, e.g. 50)",
        f"{Y}:5: the text holds U+001B (ESC), a control character; expected printable text (delete it: only tabs and line breaks are allowed)",
    ]


@pytest.mark.parametrize("slug", ["../../elsewhere", "/tmp/elsewhere", "tiny-harbour\n"])
def test_suggest_writes_only_inside_lessons(root, slug, tmp_path):
    run = _cli("--root", str(root), "suggest", slug)
    assert run.returncode == 1, run.stdout
    assert "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1
    assert run.stderr.startswith("suggest: '") and "is not a valid lesson slug; expected lower-case letters" in run.stderr
    assert not list(tmp_path.rglob("suggestions.yaml"))


@pytest.mark.parametrize("value", ["99999999999", "-99999999999", "4354819200", "soon"])
def test_source_date_epoch_out_of_range_is_one_line(value):
    from closeread.errors import BuildFailed
    from closeread.export.pdf import source_date

    with pytest.raises(BuildFailed) as caught:
        source_date({"SOURCE_DATE_EPOCH": value})
    assert str(caught.value) == (
        f"SOURCE_DATE_EPOCH={value!r}: expected a whole number of seconds between 0 (1970) and 4354819199 (2107, the last time a zip file holds)"
    )


def test_the_last_time_a_zip_holds_is_accepted():
    from closeread.export.pdf import source_date
    from closeread.export.zipfiles import write_zip

    when = source_date({"SOURCE_DATE_EPOCH": "4354819199"})
    assert write_zip([("a.txt", b"a")], timestamp=when)


def test_suggest_does_not_read_a_linked_article_either(root):
    (_folder(root) / "article.txt").unlink()
    (_folder(root) / "article.txt").symlink_to("/dev/zero")
    run = subprocess.run(
        [sys.executable, str(REPO / "build.py"), "--root", str(root), "suggest", "tiny-harbour"], capture_output=True, text=True, timeout=120
    )
    assert run.returncode == 1
    assert "Traceback" not in run.stderr
    assert f"{A}: the file is a symbolic link; expected a regular file in the lesson folder (copy the file itself there)" in run.stderr.splitlines()


# -- numbers Python cannot hold or the build cannot use ------------------------------------------


@pytest.mark.parametrize(
    "old, new, message",
    [
        ("minutes: 20", "minutes: 1" + "0" * 5000,
         f"{Y}:5: 'minutes' is '100000000000000000000000000000000000000000000000\u2026'; expected a whole number (class minutes, e.g. 50)"),
        ("title: A harbour strike", "title: A harbour strike\n? 1" + "0" * 5000 + "\n: x",
         f"{Y}:3: unknown key '100000000000000000000000000000000000000000000000\u2026' in a lesson; expected one of: title, summary, draft, grade_band, minutes, language, skills, objectives, key_points, materials, standards, source, article, background, sources, sequence, discussion, misconceptions, extension, annotations, questions, core, vocabulary"),
        ("minutes: 20", "minutes: 1" + "0" * 400,
         f"{Y}:5: 'minutes' is 1000000000000000000000000000000000000000000000000\u2026; expected a whole number of at most 600"),
        ("{step: warm-up, minutes: 5,", "{step: warm-up, minutes: 50000,",
         f"{Y}:39: 'minutes' is 50000; expected a whole number of at most 600"),
    ],
    ids=["5000-digit-value", "5000-digit-key", "401-digit-minutes", "step-of-50000-minutes"],
)
def test_a_number_too_long_for_python_or_the_lesson_is_one_line(root, old, new, message):
    # a 5,000-digit integer made PyYAML raise ValueError (Python 3.11's 4,300-digit limit) and a
    # 401-digit 'minutes' passed and then overflowed the float arithmetic: both were tracebacks
    _edit(root, old, new)
    assert message in _problems(root)
