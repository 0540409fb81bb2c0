"""Hostile inputs for what main gained on 7 December 2026: 'build.py new' drafting a whole lesson, the
Common Cartridge export and the assignment builder's cartridge, the signed cache and the build stamp.
One test per case; each failed on that main (a traceback instead of one line, or a file outside its place)."""

from __future__ import annotations

import datetime
import gzip
import io
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml
from lxml import etree

from closeread import cli, trust
from closeread.errors import ImportFailed
from closeread.export.cache import PdfCache
from closeread.importer import import_page
from closeread.write.stamp import inputs_hash
from tests.conftest import REPO, make_kit

TODAY = datetime.date(2026, 12, 7)
BODY = "".join(f"<p>Paragraph {i}: the harbour authority said the new quay would open in May, after two years of work.</p>" for i in range(6))


def _cli(*args: str, timeout: int = 600) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], capture_output=True, text=True, timeout=timeout)


def _page(path: Path, ld: str) -> Path:
    path.write_text(f'<html lang="en"><head><title>Harbour reopens</title><script type="application/ld+json">{ld}</script></head>'
                    f"<body><article><h1>Harbour reopens</h1>{BODY}</article></body></html>", encoding="utf-8")
    return path


# -- JSON-LD a stranger's page can hold: read as far as it makes sense, never a traceback ----------


@pytest.mark.parametrize("ld", [
    "[" * 100_000 + "]" * 100_000,  # past Python's stack inside json.loads: RecursionError
    '{"@type": "NewsArticle", "author": ' + "[" * 900 + '"Ann Lee"' + "]" * 900 + "}",  # parses, then _names recursed
], ids=["deep-array", "deep-author"])
def test_deeply_nested_json_ld_is_skipped_and_the_page_imported(tmp_path, ld):
    folder = import_page(_page(tmp_path / "p.html", ld), lessons_dir=tmp_path / "lessons", today=TODAY)
    assert folder.name == "harbour-reopens"


@pytest.mark.parametrize("ident", ['{"x": 1}', '["x"]', "[1]"])
def test_an_author_whose_id_is_not_a_string_is_ignored(tmp_path, ident):
    ld = '{"@type": "NewsArticle", "author": {"@id": %s}, "publisher": {"@id": %s}}' % (ident, ident)
    folder = import_page(_page(tmp_path / "p.html", ld), lessons_dir=tmp_path / "lessons", today=TODAY)
    assert "author:" not in (folder / "lesson.yaml").read_text(encoding="utf-8")


def test_deep_json_ld_through_the_command_is_a_draft_not_a_traceback(tmp_path):
    page = _page(tmp_path / "p.html", "[" * 100_000 + "]" * 100_000)
    run = _cli("--root", str(tmp_path), "new", str(page))
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    assert (tmp_path / "lessons" / "harbour-reopens" / "lesson.yaml").is_file()


# -- the JSON files the cache folder holds beside its signed entries ------------------------------


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("stamped") / "kit")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    return kit


@pytest.mark.parametrize("planted", ["[]", '"site"', "7", "[" * 100_000 + "]" * 100_000], ids=["list", "string", "number", "deep"])
def test_a_planted_site_stamp_is_a_rebuild_not_a_traceback(built, capsys, planted):
    (built / ".closeread-cache" / "sites" / "site.json").write_text(planted, encoding="utf-8")
    assert cli.main(["--root", str(built), "build", "--no-pdf"]) == 0
    shown = capsys.readouterr()
    assert "building site/" in shown.out + shown.err
    assert (built / "site" / "lessons" / "tiny-harbour" / "index.html").is_file()


@pytest.mark.parametrize("planted", ["[]", '{"front": 5}', '{"front": [1, null]}', "[" * 100_000 + "]" * 100_000],
                         ids=["list", "number", "not-names", "deep"])
def test_a_planted_pdf_note_reads_as_no_note(tmp_path, planted):
    cache = PdfCache(tmp_path)
    cache.folder.mkdir(parents=True)
    (cache.folder / "k.json").write_text(planted, encoding="utf-8")
    assert [*cache.note("k").get("front", [])] == []


# -- the cache key (closeread/trust.py) --------------------------------------------------------------


@pytest.fixture
def key_home(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    trust.secret.cache_clear()
    yield tmp_path / "xdg" / "closeread" / "cache-key"
    trust.secret.cache_clear()


@pytest.mark.parametrize("damaged", [b"", b"short", b"x" * 31], ids=["empty", "short", "31-bytes"])
def test_a_damaged_key_file_is_replaced_so_that_the_cache_works_again(key_home, damaged):
    key_home.parent.mkdir(parents=True)
    key_home.write_bytes(damaged)
    key = trust.secret()
    assert len(key) == 32 and key_home.read_bytes() == key
    trust.secret.cache_clear()  # the next build reads the same key: its entries verify
    assert trust.secret() == key


def test_a_relative_xdg_cache_home_does_not_put_the_key_inside_the_kit(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("XDG_CACHE_HOME", "kit-cache")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    trust.secret.cache_clear()
    try:
        trust.secret()
    finally:
        trust.secret.cache_clear()
    assert not (tmp_path / "kit-cache").exists()
    assert (tmp_path / "home" / ".cache" / "closeread" / "cache-key").stat().st_size == 32


def test_a_key_file_linked_to_dev_zero_is_not_read_forever(key_home):
    key_home.parent.mkdir(parents=True)
    key_home.symlink_to("/dev/zero")
    assert len(trust.secret()) == 32  # 33 bytes read: not a key, so replaced by one


# -- a saved page's file name ------------------------------------------------------------------------


def test_a_file_name_with_an_escape_and_a_byte_that_is_not_utf8_gives_a_draft_that_loads(tmp_path):
    name = b"evil\x1b[2J\nname\x85.html"  # what a download can be called on Linux
    path = bytes(tmp_path) + b"/" + name
    Path(path.decode("utf-8", "surrogateescape")).write_bytes(_page(tmp_path / "p.html", "{}").read_bytes())
    run = subprocess.run([sys.executable, str(REPO / "build.py"), "--root", str(tmp_path), "new", path], capture_output=True, text=True, timeout=600)
    assert run.returncode == 0 and "Traceback" not in run.stderr, run.stderr[-2000:]
    data = yaml.safe_load((tmp_path / "lessons" / "harbour-reopens" / "lesson.yaml").read_text(encoding="utf-8"))
    assert data["source"]["captured_from"] == "saved page evil[2J\nname.html"
    check = _cli("--root", str(tmp_path), "check")
    assert "YAML" not in check.stderr and "captured_from" not in check.stderr, check.stderr[-2000:]


# -- what 'build.py new' is given: refused whole, never read forever, never cut short ----------------


def test_a_pipe_named_like_a_page_is_refused_without_blocking(tmp_path):
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    run = _cli("--root", str(tmp_path), "new", str(fifo), timeout=60)
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert run.stderr.strip() == f"{fifo}: is not a regular file (a pipe, a device or a socket); expected a saved web page (.html, .htm, .html.gz) or a plain-text article (.txt)"


def test_a_page_linked_to_dev_zero_is_refused_without_reading_it(tmp_path):
    link = tmp_path / "page.html"
    link.symlink_to("/dev/zero")
    run = _cli("--root", str(tmp_path), "new", str(link), timeout=60)
    assert run.returncode == 1 and "is not a regular file" in run.stderr and "Traceback" not in run.stderr


def test_a_gzip_page_cut_short_is_refused_not_imported_in_part(tmp_path):
    whole = _page(tmp_path / "p.html", "{}").read_bytes()
    cut = tmp_path / "page.html.gz"
    packed = gzip.compress(whole, mtime=0)
    cut.write_bytes(packed[: len(packed) * 2 // 3])  # a download cut short
    with pytest.raises(ImportFailed) as caught:
        import_page(cut, lessons_dir=tmp_path / "lessons", today=TODAY)
    assert "is not a complete gzip file (it ends after" in str(caught.value)
    assert not (tmp_path / "lessons").exists() or not any((tmp_path / "lessons").iterdir())


# -- the site stamp on a file system with coarse times ---------------------------------------------


@pytest.fixture
def coarse_fs(tmp_path):
    """A real ext4 that keeps whole seconds (128-byte inodes), mounted from a file: needs root and a loop
    device (skipped without them, as on most CI runners)."""
    if os.geteuid() != 0 or not shutil.which("mkfs.ext4"):
        pytest.skip("mounting a file system needs root and mkfs.ext4")
    image, mount = tmp_path / "fs.img", tmp_path / "mnt"
    mount.mkdir()
    with image.open("wb") as fh:
        fh.truncate(64 * 1024 * 1024)
    made = subprocess.run(["mkfs.ext4", "-q", "-F", "-I", "128", str(image)], capture_output=True)
    if made.returncode or subprocess.run(["mount", "-o", "loop", str(image), str(mount)], capture_output=True).returncode:
        pytest.skip("no loop device to mount a file system on")
    try:
        yield mount
    finally:
        subprocess.run(["umount", str(mount)], capture_output=True)


def test_an_edit_within_the_same_second_with_size_and_time_kept_changes_the_inputs(coarse_fs):
    kit = make_kit(coarse_fs / "kit")
    config, page = kit / "mkdocs.yml", kit / "docs" / "index.md"
    for _ in range(20):  # until both writes land in the same second: the file system cannot tell them apart
        page.write_text("# Harbour\n\nThe quay opens in May.\n", encoding="utf-8")
        before = page.stat()
        first = inputs_hash(root=kit, config_file=config)
        page.write_text("# Harbour\n\nThe quay opens in June\n", encoding="utf-8")  # same size
        os.utime(page, ns=(before.st_atime_ns, before.st_mtime_ns))  # cp -p, rsync -t, an unpacked archive
        after = page.stat()
        if (after.st_ctime_ns, after.st_ino) == (before.st_ctime_ns, before.st_ino):
            break
    else:
        pytest.skip("could not make two writes within one second")
    assert inputs_hash(root=kit, config_file=config) != first


# -- a lesson's name long enough to break the file names made from it --------------------------------


def test_a_250_character_lesson_name_fails_check_with_one_line(tmp_path):
    kit = make_kit(tmp_path / "kit")
    name = "harbour-" + "a" * 242
    (kit / "lessons" / "tiny-harbour").rename(kit / "lessons" / name)
    run = _cli("--root", str(kit), "check")
    assert run.returncode == 1 and "Traceback" not in run.stderr
    assert f"lessons/{name}/lesson.yaml: folder name '{name}' is 250 characters long; expected at most 60" in run.stderr


def test_a_second_import_of_a_long_title_stays_within_the_length(tmp_path):
    page = tmp_path / "p.html"
    title = "Harbour " + "b" * 52  # a slug of exactly 60 characters
    page.write_text(f"<html><head><title>{title}</title></head><body><article><h1>{title}</h1>{BODY}</article></body></html>", encoding="utf-8")
    first = import_page(page, lessons_dir=tmp_path / "lessons", today=TODAY)
    second = import_page(page, lessons_dir=tmp_path / "lessons", today=TODAY)
    assert len(first.name) <= 60 and len(second.name) <= 60 and second.name.endswith("-2"), (first.name, second.name)


# -- keys of plain objects in the assignment builder ---------------------------------------------------


@pytest.fixture(scope="module")
def constructor_kit(tmp_path_factory) -> Path:
    """A lesson named 'constructor' whose discussion question is 'constructor': both valid, and both names
    that a plain JavaScript object answers for from its prototype."""
    kit = make_kit(tmp_path_factory.mktemp("constructor") / "kit")
    (kit / "lessons" / "tiny-harbour").rename(kit / "lessons" / "constructor")
    lesson = kit / "lessons" / "constructor" / "lesson.yaml"
    lesson.write_text(lesson.read_text(encoding="utf-8").replace("q-discuss", "constructor"), encoding="utf-8")
    assert cli.main(["--root", str(kit), "build", "--no-pdf"]) == 0
    return kit


def test_the_builder_makes_a_cartridge_for_a_lesson_and_question_named_constructor(chromium, constructor_kit):
    context = chromium.new_context(accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((constructor_kit / "site-teacher" / "teacher" / "assign.html").as_uri())
        page.locator("#cr-as-lesson").select_option(label="A harbour strike")
        page.locator("#cr-as-q-constructor").wait_for()  # the lesson's questions loaded, not Object's
        page.get_by_role("button", name="Tick all", exact=True).click()
        ticked = page.locator("#cr-as-list input[type=checkbox]:checked").count()
        with page.expect_download() as info:
            page.get_by_role("button", name="Download Common Cartridge (.imscc)").click()
        data = Path(info.value.path()).read_bytes()
        status = page.locator(".cr-as-lms-status").inner_text()
    finally:
        context.close()
    assert errors == []
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        (quiz,) = [n for n in zf.namelist() if n.endswith("/assessment.xml")]
        root = etree.fromstring(zf.read(quiz))
    items = root.findall(".//{*}item")
    assert "native code" not in etree.tostring(root, encoding="unicode")
    assert items and status.startswith(f"{ticked - 1} questions in the cartridge's quiz"), status  # all but the discussion


@pytest.mark.parametrize("ids", ["q-source,constructor", "toString,__proto__,q-source"])
def test_a_share_link_naming_object_properties_still_runs_the_student_page(chromium, constructor_kit, ids):
    """A share link's question ids are looked up among the page's own questions only: "toString" or
    "__proto__" (not a question of this lesson) is left out, the page's script keeps running."""
    page = chromium.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    try:
        page.goto((constructor_kit / "site" / "lessons" / "constructor" / "index.html").as_uri() + f"#assign?q={ids}&m=practice")
        page.locator(".cr-assignment").wait_for()
        banner = page.locator(".cr-assignment-title").inner_text()
    finally:
        page.close()
    assert errors == []
    expected = 2 if "constructor" in ids else 1  # q-source, and the lesson's own question named 'constructor'
    assert f"{expected} question" in banner, banner
