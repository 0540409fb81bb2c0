"""The core picker's questions, even while the core set is what fails."""

from __future__ import annotations

from closeread.studio.checks import check
from tests.conftest import make_kit


def test_questions_are_listed_while_the_core_set_fails(tmp_path):
    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    path = folder / "lesson.yaml"
    good = check(folder)
    assert good.lesson is not None
    path.write_text(path.read_text(encoding="utf-8").replace("core: [", "core: [no-such-question, ", 1), encoding="utf-8")
    checked = check(folder)
    assert checked.lesson is None and any("no-such-question" in p.message for p in checked.problems)
    assert {q.id for q in good.questions} <= {q.id for q in checked.questions}
    assert checked.phase == good.phase


def test_a_lesson_file_linked_outside_the_folder_is_not_read(tmp_path):
    # the build refuses the link; the core-less second check must not read through it either
    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    outside = tmp_path / "someone-elses-lesson.yaml"
    (folder / "lesson.yaml").rename(outside)
    (folder / "lesson.yaml").symlink_to(outside)
    checked = check(folder)
    assert checked.lesson is None and any("symbolic link" in p.message for p in checked.problems)
    assert checked.questions == () and checked.phase == 0  # nothing of the outside file


def test_the_second_check_copies_no_file_past_the_articles_limit(tmp_path):
    # a stranger's folder may hold a file of any size: the core-less copy takes the article only, within
    # its limit (run under a real 1 MB file-size limit, which the copy of a 3 MB notes.txt broke)
    import subprocess
    import sys

    from tests.conftest import REPO

    kit = make_kit(tmp_path / "kit")
    folder = kit / "lessons" / "tiny-harbour"
    (folder / "notes.txt").write_bytes(b"x" * 3_000_000)
    path = folder / "lesson.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("core: [", "core: [no-such-question, ", 1), encoding="utf-8")
    script = ("import resource, signal, sys; from pathlib import Path; signal.signal(signal.SIGXFSZ, signal.SIG_IGN); "
              "resource.setrlimit(resource.RLIMIT_FSIZE, (1_000_000, 1_000_000)); "
              "from closeread.studio.checks import check; c = check(Path(sys.argv[1])); print(len(c.questions))")
    result = subprocess.run([sys.executable, "-c", script, str(folder)], capture_output=True, text=True, timeout=120, cwd=REPO)
    assert result.returncode == 0, result.stderr[-800:]
    assert int(result.stdout) > 0
