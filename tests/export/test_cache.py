"""Rendering only what changed, and the same bytes for the same inputs."""

from __future__ import annotations

import shutil

from closeread.export.cache import FOLDER
from tests.conftest import make_kit
from tests.export.conftest import run_export

PDFS = 6  # per lesson a worksheet and a key, and the booklet; each on A4 and Letter


def renders(export) -> int:
    return sum(export.progress.totals.get("PDFs", []))


def test_second_export_renders_nothing_and_an_edit_renders_only_its_lesson(tmp_path):
    kit = make_kit(tmp_path / "kit")
    shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / "second-harbour")
    first = run_export(kit)
    assert renders(first) == 2 * 4 + 2
    second = run_export(kit)
    assert renders(second) == 0
    assert second.files == first.files
    assert any("10 from the cache" in line for line in second.progress.lines) or not second.progress.lines

    yaml_path = kit / "lessons" / "second-harbour" / "lesson.yaml"
    yaml_path.write_text(yaml_path.read_text(encoding="utf-8").replace("Ask whose voices are heard.", "Ask whose voices are missing."), encoding="utf-8")
    third = run_export(kit)
    assert renders(third) == 2 + 2  # the edited lesson's key (A4, Letter) and the booklet (A4, Letter)
    changed = {p for p in third.files if p.endswith(".pdf") and third.files[p] != first.files[p]}
    assert changed == {"teacher/second-harbour/key-a4.pdf", "teacher/second-harbour/key-letter.pdf", "teacher/booklet-a4.pdf", "teacher/booklet-letter.pdf"}
    # the cache keeps only what the last build used
    assert len(list((kit / FOLDER).glob("*.pdf"))) == 10


def test_no_pdf_uses_the_cache_and_renders_nothing(tmp_path):
    kit = make_kit(tmp_path / "kit")
    empty = run_export(kit, pdf=False)
    assert renders(empty) == 0 and not [p for p in empty.files if p.endswith(".pdf")]
    full = run_export(kit)
    again = run_export(kit, pdf=False)
    assert renders(again) == 0
    assert {p: d for p, d in again.files.items() if p.endswith(".pdf")} == {p: d for p, d in full.files.items() if p.endswith(".pdf")}


def test_same_inputs_same_bytes(tmp_path, exported):
    """Rendered again from scratch (another folder, an empty cache): every file is byte-identical."""
    again = run_export(make_kit(tmp_path / "kit"))
    assert renders(again) == PDFS
    assert sorted(again.files) == sorted(exported.files)
    for path, data in exported.files.items():
        assert again.files[path] == data, path


def test_in_process_render_matches_the_workers(tmp_path, exported):
    """One document to render is rendered in this process: the bytes do not depend on where."""
    kit = make_kit(tmp_path / "kit")
    run_export(kit)
    cached = sorted((kit / FOLDER).glob("*.pdf"))
    cached[0].unlink()
    one = run_export(kit)
    assert renders(one) == 1
    assert one.files == exported.files


def test_without_source_date_epoch_no_date_is_written(tmp_path, poppler):
    from tests.export.conftest import pdfinfo

    export = run_export(make_kit(tmp_path / "kit"), epoch=None)
    info = pdfinfo(poppler("pdfinfo", export.files["lessons/tiny-harbour/worksheet-a4.pdf"]))
    assert "CreationDate" not in info and "ModDate" not in info
