"""Issue 22: what a stranger's file could still do. One test per case; each failed on the main of
7 December 2026 (a traceback, a silent truncation, planted content published, a stale site kept)."""

from __future__ import annotations

import datetime
import os
import pickle
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from closeread import cli
from closeread.errors import ImportFailed, LessonError
from closeread.export.cache import PdfCache
from closeread.importer import extract_page, import_page, read_page
from closeread.validate.kit import load_kit
from tests.conftest import FIXTURE_LESSONS, REPO, make_kit

Y = "lessons/tiny-harbour/lesson.yaml"
A = "lessons/tiny-harbour/article.txt"
TODAY = datetime.date(2026, 12, 7)


def _cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True, timeout=timeout)


def _edit(kit: Path, old: str, new: str) -> None:
    path = kit / Y
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


# -- case 1: a control character in a text field ------------------------------------------------


@pytest.mark.parametrize("escape, shown", [("\\e", "U+001B (ESC), a control character"), ("\\uFFFF", "U+FFFF, a noncharacter"),
                                           ("\\x85", "U+0085, a control character"), ("\\0", "U+0000 (NUL), a control character")])
def test_a_control_character_in_a_prompt_fails_check_with_its_line(tmp_path, escape, shown):
    kit = make_kit(tmp_path / "kit")
    _edit(kit, "prompt: Who gives the 300 figure?", f'prompt: "Who gives the{escape} 300 figure?"')
    run = _cli("--root", str(kit), "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.splitlines() == [
        f"{Y}:117: the text holds {shown}; expected printable text (delete it: only tabs and line breaks are allowed)"
    ]


def test_the_build_refuses_it_too_and_keeps_the_last_site(tmp_path):
    kit = make_kit(tmp_path / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    before = (kit / "site" / "index.html").read_bytes()
    _edit(kit, "prompt: Who gives the 300 figure?", 'prompt: "Who gives the\\e[2J 300 figure?"')
    run = _cli("--root", str(kit), "build", "--no-pdf")
    assert run.returncode == 1 and "Traceback" not in run.stderr and "\x1b" not in run.stderr
    assert f"{Y}:117: the text holds U+001B (ESC)" in run.stderr
    assert (kit / "site" / "index.html").read_bytes() == before


def test_control_characters_in_the_article_are_reported_line_by_line(tmp_path):
    kit = make_kit(tmp_path / "kit")
    article = kit / A
    lines = article.read_text(encoding="utf-8").split("\n")
    lines[1] = lines[1] + "\x1b[31m"
    lines[3] = lines[3] + "\x07"
    article.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(LessonError) as caught:
        load_kit(root=kit)
    assert caught.value.lines() == [
        f"{A}:2: the text holds U+001B (ESC), a control character; expected printable text (delete it: only tabs and line breaks are allowed)",
        f"{A}:4: the text holds U+0007 (BEL), a control character; expected printable text (delete it: only tabs and line breaks are allowed)",
    ]


def _import(tmp_path: Path, name: str, title: str, headline: str, mayor: str, workers: str) -> Path:
    """Import a two-paragraph page as `build.py new` does; the draft's folder."""
    page = tmp_path / name
    page.write_text(f"<html><head><title>{title}</title></head><body><article><h1>{headline}</h1><p>{mayor}</p>"
                    f"<p>{workers}</p></article></body></html>", encoding="utf-8")
    return import_page(page, lessons_dir=tmp_path / "lessons", today=TODAY)


MAYOR = "The mayor said 300 boats would come back in May, after two years of work on the quay."
WORKERS = "Workers said the strike had ended on Tuesday after a week of talks with the port."


def test_an_imported_page_keeps_no_control_character(tmp_path):
    folder = _import(tmp_path, "ctl.html", "Harbour", "Harbour\x1b[2J news", MAYOR.replace("300", "300\x07").replace("come", "come\x0b"),
                     WORKERS.replace("strike", "strike\ufffe"))
    text = (folder / "article.txt").read_text(encoding="utf-8")
    assert "Harbour[2J news" in text and "300 boats would come back" in text  # the ESC goes, the text after it stays
    assert not any(c in text for c in "\x1b\x07\x0b\ufffe")


# -- case 2: elements nested past the parser's depth limit --------------------------------------


def _deep_page(path: Path, depth: int) -> Path:
    body = "<p>" + "The harbour authority said the new quay would open in May, after two years of work. " * 3 + "</p>"
    path.write_text("<html><head><title>Harbour news</title></head><body><article><h1>Harbour reopens</h1>" + body
                    + "<div>" * depth + body + "</div>" * depth
                    + "<p>After the deep part: the mayor said 300 boats were expected.</p>" + body + "</article></body></html>",
                    encoding="utf-8")
    return path


def test_a_page_nested_past_the_parsers_limit_is_refused_with_the_cause(tmp_path):
    with pytest.raises(ImportFailed) as caught:
        extract_page(read_page(_deep_page(tmp_path / "deep.html", 300)))
    assert "elements nest more than 255 deep at line 1, where the parser would stop and lose the rest of the page" in str(caught.value)


def test_a_deep_page_within_the_limit_is_kept_whole(tmp_path):
    page = extract_page(read_page(_deep_page(tmp_path / "deep.html", 200)))
    assert any("After the deep part" in b.text for b in page.blocks)


# -- case 3: a poisoned cache ---------------------------------------------------------------------


class _Boom:
    """A pickle that runs a command as it is read."""

    def __init__(self, marker: Path):
        self.marker = marker

    def __reduce__(self):
        return (os.system, (f"touch {self.marker}",))


def test_a_cache_full_of_hostile_pickles_runs_no_code_and_the_build_succeeds(tmp_path):
    kit = make_kit(tmp_path / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    clean = (kit / "site" / "lessons" / "tiny-harbour" / "index.html").read_text(encoding="utf-8")
    marker = tmp_path / "ran"
    entries = sorted((kit / ".closeread-cache").rglob("*.pickle"))
    assert entries
    for entry in entries:
        entry.write_bytes(pickle.dumps(_Boom(marker)))
    lesson_entry = entries[0]
    # a well-formed entry in the old format, with markup in its page: taken as it is before this fix
    (lesson_entry.parent / "planted.pickle").write_bytes(pickle.dumps({"pages": "<script>alert(1)</script>"}))
    shutil.rmtree(kit / "site")  # so that the site is built from what the cache gives
    shutil.rmtree(kit / "site-teacher")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    assert not marker.exists()
    assert (kit / "site" / "lessons" / "tiny-harbour" / "index.html").read_text(encoding="utf-8") == clean


def test_an_entry_written_with_another_key_is_a_miss(tmp_path, monkeypatch):
    from closeread import cache as lesson_cache
    from closeread import trust

    entry = tmp_path / "entry.pickle"
    lesson_cache.write_entry(entry, pickle.dumps({"a": 1}))
    assert lesson_cache.read_entry(entry) == {"a": 1}
    monkeypatch.setattr(trust, "secret", lambda: b"k" * 32)  # a cache from another user or machine
    assert lesson_cache.read_entry(entry) is None


def test_a_signed_entry_still_cannot_name_a_function(tmp_path):
    from closeread import trust

    with pytest.raises(pickle.UnpicklingError):
        trust.loads(pickle.dumps(_Boom(tmp_path / "ran")))
    assert not (tmp_path / "ran").exists()


def test_a_planted_pdf_under_a_good_key_is_not_used(tmp_path):
    cache = PdfCache(tmp_path)
    cache.put("k1", b"%PDF-1.7 the real worksheet")
    assert cache.get("k1") == b"%PDF-1.7 the real worksheet"
    cache.path("k2").write_bytes(b"%PDF-1.7 planted")  # anyone can compute a key: it hashes public inputs
    assert cache.get("k2") is None
    data = cache.path("k1").read_bytes()
    cache.path("k1").write_bytes(data.replace(b"real", b"fake"))
    assert cache.get("k1") is None


# -- case 4: an encoding browsers do not know -------------------------------------------------------


def test_a_page_declaring_utf7_is_read_as_browsers_read_it(tmp_path):
    page = tmp_path / "utf7.html"
    page.write_bytes(b'<html><head><meta charset="utf-7"><title>Harbour</title></head><body><article><h1>Harbour news</h1>'
                     b"<p>The mayor wrote +ADw-script+AD4-alert(1)+ADw-/script+AD4- on the board, to the surprise of the port workers.</p>"
                     b"<p>Workers said the strike had ended on Tuesday after a week of talks with the port authority.</p>"
                     b"</article></body></html>")
    source = read_page(page)
    assert source.encoding == "utf-8"
    text = " ".join(b.text for b in extract_page(source).blocks)
    assert "+ADw-script+AD4-alert(1)+ADw-/script+AD4-" in text


@pytest.mark.parametrize("label", ["unicode_escape", "rot13", "base64", "hex", "raw_unicode_escape"])
def test_python_only_codec_labels_are_ignored(tmp_path, label):
    page = tmp_path / "p.html"
    page.write_bytes(f'<html><head><meta charset="{label}"></head><body><p>caf\\u00e9 +ADw-</p></body></html>'.encode())
    assert read_page(page).text.count("caf\\u00e9 +ADw-") == 1


# -- case 5: names Windows keeps -----------------------------------------------------------------------


@pytest.mark.parametrize("name", ["con", "aux", "nul", "com1", "lpt9", "prn"])
def test_a_lesson_named_like_a_windows_device_is_refused(tmp_path, name):
    kit = make_kit(tmp_path / "kit")
    (kit / "lessons" / "tiny-harbour").rename(kit / "lessons" / name)
    with pytest.raises(LessonError) as caught:
        load_kit(root=kit)
    assert caught.value.lines()[0] == (
        f"lessons/{name}/lesson.yaml: folder name '{name}' is a name Windows keeps for a device; expected another name "
        f"(e.g. '{name}-lesson'), so that the kit copies to any disk"
    )


def test_a_page_titled_con_is_imported_under_another_name(tmp_path):
    assert _import(tmp_path, "con.html", "CON", "CON", MAYOR, WORKERS).name == "con-lesson"


# -- case 6: a selector of thousands of steps ------------------------------------------------------


def test_a_5000_step_keep_selector_is_one_line(tmp_path):
    page = tmp_path / "p.html"
    page.write_text("<html><body><article><h1>Harbour</h1><p>The mayor said 300 boats would come back in May, after "
                    "two years of work.</p><p>Workers said the strike had ended.</p></article></body></html>", encoding="utf-8")
    run = _cli("--root", str(tmp_path), "new", str(page), "--keep", " ".join(["div"] * 5000))
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert len(run.stderr.splitlines()) == 1
    assert "the selector has 5,000 steps and 19,999 characters; expected at most 20 steps and 500 characters" in run.stderr


# -- cases 7 and 8: the up-to-date check ------------------------------------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("stale") / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    return kit


def test_a_hand_written_page_edited_with_its_size_and_time_kept_is_rebuilt(built):
    page = built / "docs" / "index.md"
    text = page.read_text(encoding="utf-8")
    st = page.stat()
    word = next(w for w in text.split() if len(w) >= 6 and w.isalpha())
    edited = text.replace(word, "Q" * len(word), 1)
    assert len(edited.encode()) == len(text.encode())
    page.write_text(edited, encoding="utf-8")
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns))  # as rsync -t, cp -p or an unpacked archive leave it
    assert page.stat().st_size == st.st_size and page.stat().st_mtime_ns == st.st_mtime_ns
    assert cli.main(["--root", str(built), "build", "--no-pdf"]) == 0
    assert "Q" * len(word) in (built / "site" / "index.html").read_text(encoding="utf-8")


def test_a_no_op_build_restores_a_deleted_page_and_a_corrupted_script(built, capsys):
    assert cli.main(["--root", str(built), "build", "--no-pdf"]) == 0
    assert "up to date" in capsys.readouterr().err
    page = built / "site" / "lessons" / "tiny-harbour" / "index.html"
    script = built / "site" / "javascripts" / "closeread.js"
    good_page, good_script = page.read_bytes(), script.read_bytes()
    page.unlink()
    st = script.stat()
    script.write_bytes(b"X" * len(good_script))
    os.utime(script, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert cli.main(["--root", str(built), "build", "--no-pdf"]) == 0
    assert "up to date" not in capsys.readouterr().err
    assert page.read_bytes() == good_page
    assert script.read_bytes() == good_script


# -- case 9: serve and a path no file can have ------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_a_nul_in_the_path_with_400_and_one_line(tmp_path):
    kit = make_kit(tmp_path / "kit")
    port = _free_port()
    log_path = tmp_path / "serve.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, str(REPO / "build.py"), "--root", str(kit), "serve", "--dev-addr", f"127.0.0.1:{port}"],
                                stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + 120
            while True:
                try:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5).read()
                    break
                except (urllib.error.URLError, ConnectionError):
                    assert proc.poll() is None and time.monotonic() < deadline, log_path.read_text()
                    time.sleep(0.3)
            for path in ("/%00", "/lessons/%00/index.html", "/%1b%5b2J", "/" + "a" * 5000):
                with pytest.raises(urllib.error.HTTPError) as caught:
                    urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=5)
                assert caught.value.code == 400
            assert urllib.request.urlopen(f"http://127.0.0.1:{port}/index.html", timeout=5).status == 200
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    out = log_path.read_text()
    assert "Traceback" not in out and "\x1b" not in out
    assert [line for line in out.splitlines() if ": 400 (" in line] == [
        "WARNING -  GET /\\x00: 400 (the address holds U+0000 (NUL), a control character; expected a page of the site)",
        "WARNING -  GET /lessons/\\x00/index.html: 400 (the address holds U+0000 (NUL), a control character; expected a page of the site)",
        "WARNING -  GET /\\x1b[2J: 400 (the address holds U+001B (ESC), a control character; expected a page of the site)",
        "WARNING -  GET /" + "a" * 199 + ": 400 (the address is 5,001 characters long; expected at most 2,048)",
    ]
