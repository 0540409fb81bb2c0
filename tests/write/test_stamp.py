"""A site whose inputs did not change is not built again; one changed lesson rebuilds both sites, search
index included. Proved with the built files' modification times, on the real build."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from closeread import cli
from closeread.write.stamp import SiteStamp, inputs_hash
from tests.conftest import make_kit

SITES = ("site", "site-teacher")


def _mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def _build(kit: Path, *extra: str) -> None:
    assert cli.main(["--root", str(kit), "build", "--no-pdf", *extra]) == 0


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    kit = make_kit(tmp_path_factory.mktemp("stamp") / "kit")
    _build(kit)
    return kit


def test_a_rebuild_with_nothing_changed_leaves_every_site_file_untouched(built, capsys):
    before = {s: _mtimes(built / s) for s in SITES}
    assert all(before.values())
    _build(built)
    assert {s: _mtimes(built / s) for s in SITES} == before
    assert "up to date" in capsys.readouterr().err


def test_force_builds_both_sites_anyway(built):
    before = {s: _mtimes(built / s) for s in SITES}
    _build(built, "--force")
    after = {s: _mtimes(built / s) for s in SITES}
    for s in SITES:
        assert after[s]["index.html"] > before[s]["index.html"]


def test_one_changed_lesson_rebuilds_its_pages_and_the_search_index(built):
    lesson = built / "lessons" / "tiny-harbour" / "lesson.yaml"
    text = lesson.read_text(encoding="utf-8")
    assert "title: A harbour strike" in text
    lesson.write_text(text.replace("title: A harbour strike", "title: A harbour strike in Zanzibarville", 1), encoding="utf-8")
    before = {s: _mtimes(built / s) for s in SITES}
    _build(built)
    for s in SITES:
        assert "Zanzibarville" in (built / s / "lessons" / "tiny-harbour" / "index.html").read_text(encoding="utf-8")
        assert _mtimes(built / s)["index.html"] > before[s]["index.html"]
    index = json.loads((built / "site" / "search" / "search_index.json").read_text(encoding="utf-8"))
    assert any("Zanzibarville" in d["title"] or "Zanzibarville" in d["text"] for d in index["docs"])
    assert "Zanzibarville" in (built / "site" / "search" / "search_index.js").read_text(encoding="utf-8")


def test_a_deleted_site_is_built_again(built):
    import shutil

    shutil.rmtree(built / "site")
    _build(built)
    assert (built / "site" / "index.html").is_file()


def test_the_inputs_hash_follows_docs_and_config(tmp_path):
    kit = make_kit(tmp_path / "kit")
    config = kit / "mkdocs.yml"
    first = inputs_hash(root=kit, config_file=config)
    assert inputs_hash(root=kit, config_file=config) == first
    page = kit / "docs" / "index.md"
    st = page.stat()
    os.utime(page, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert inputs_hash(root=kit, config_file=config) == first  # an author's page counts by its content
    text = page.read_text(encoding="utf-8")
    page.write_text(text.replace(text[-2], "!" if text[-2] != "!" else "?"), encoding="utf-8")
    second = inputs_hash(root=kit, config_file=config)
    assert second != first
    (kit / "docs" / "new.md").write_text("# New\n", encoding="utf-8")
    third = inputs_hash(root=kit, config_file=config)
    assert third != second
    config.write_text(config.read_text(encoding="utf-8") + "\n# a comment\n", encoding="utf-8")
    assert inputs_hash(root=kit, config_file=config) != third


def test_a_stamp_holds_only_for_the_folder_it_was_recorded_for(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    stamp = SiteStamp(root=tmp_path, config_file=tmp_path / "mkdocs.yml", site_dir=site)
    assert not stamp.fresh("abc")
    (site / "index.html").write_text("x", encoding="utf-8")
    stamp.record("abc")
    assert stamp.fresh("abc") and not stamp.fresh("abd")
    (site / "extra.html").write_text("y", encoding="utf-8")  # the folder changed since: its time moved
    assert not stamp.fresh("abc")
