"""Rendering only what changed, and the same bytes for the same inputs."""

from __future__ import annotations

import re
import shutil

from closeread.export.cache import FOLDER, PdfCache
from tests.conftest import make_kit
from tests.export.conftest import EPOCH, run_export

LESSON_PDFS = 8  # per lesson a worksheet and a key for the period and extended, each on A4 and Letter
FRONTS = 2  # the booklet's cover and contents, on A4 and Letter; the booklet itself is merged, not rendered


def renders(export) -> int:
    return sum(export.progress.totals.get("PDFs", []))


def front_renders(export) -> int:
    # from the export's summary line: booklets are merged in worker processes, whose progress stays there
    found = [re.search(r"(\d+) cover and contents rendered", line) for line in export.progress.lines]
    return sum(int(m.group(1)) for m in found if m)


def merged(export) -> bool:
    return any("merged" in line for line in export.progress.lines)


def edit(kit, slug, old, new):
    path = kit / "lessons" / slug / "lesson.yaml"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_second_export_renders_nothing_and_an_edit_renders_only_its_lesson(tmp_path):
    kit = make_kit(tmp_path / "kit")
    shutil.copytree(kit / "lessons" / "tiny-harbour", kit / "lessons" / "second-harbour")
    first = run_export(kit)
    assert renders(first) == 2 * LESSON_PDFS and front_renders(first) == FRONTS and merged(first)
    second = run_export(kit)
    assert renders(second) == 0 and front_renders(second) == 0 and not merged(second)  # nothing rendered, nothing merged
    assert second.files == first.files

    # the key's discussion guidance: its key PDFs change (period and extended), its page counts do not, so
    # neither do the contents
    edit(kit, "second-harbour", "Ask whose voices are heard.", "Ask whose voices are missing.")
    third = run_export(kit)
    assert renders(third) == 4 and front_renders(third) == 0 and merged(third)  # the edited lesson's keys (A4, Letter)
    changed = {p for p in third.files if p.endswith(".pdf") and third.files[p] != first.files[p]}
    assert changed == {
        "teacher/second-harbour/key-a4.pdf", "teacher/second-harbour/key-letter.pdf",
        "teacher/second-harbour/key-extended-a4.pdf", "teacher/second-harbour/key-extended-letter.pdf",
        "teacher/booklet-a4.pdf", "teacher/booklet-letter.pdf",
    }
    # the cache keeps only what the last build used: the lesson PDFs, the booklets and their front matter
    assert len(list((kit / FOLDER).glob("*.pdf"))) == 2 * LESSON_PDFS + 2 + FRONTS

    # the title: the lesson's 8 PDFs and the contents (on each paper) are rendered again; no other lesson
    edit(kit, "second-harbour", "title: A harbour strike", "title: The other harbour strike")
    fourth = run_export(kit)
    assert renders(fourth) == LESSON_PDFS and front_renders(fourth) == FRONTS
    changed = {p for p in fourth.files if p.endswith(".pdf") and fourth.files[p] != third.files[p]}
    assert changed == {
        f"{folder}/second-harbour/{doc}{edition}-{paper}.pdf"
        for folder, doc in (("lessons", "worksheet"), ("teacher", "key"))
        for edition in ("", "-extended")
        for paper in ("a4", "letter")
    } | {"teacher/booklet-a4.pdf", "teacher/booklet-letter.pdf"}
    assert not any(fourth.files[p] != first.files[p] for p in fourth.files if "tiny-harbour" in p and p.endswith(".pdf"))


def test_no_pdf_uses_the_cache_and_renders_nothing(tmp_path):
    kit = make_kit(tmp_path / "kit")
    empty = run_export(kit, pdf=False)
    assert renders(empty) == 0 and not [p for p in empty.files if p.endswith(".pdf")]
    full = run_export(kit)
    again = run_export(kit, pdf=False)
    assert renders(again) == 0
    assert {p: d for p, d in again.files.items() if p.endswith(".pdf")} == {p: d for p, d in full.files.items() if p.endswith(".pdf")}


def test_same_inputs_same_bytes(tmp_path, exported):
    """Rendered and merged again from scratch (another folder, an empty cache): every file is byte-identical."""
    again = run_export(make_kit(tmp_path / "kit"))
    assert renders(again) == LESSON_PDFS and front_renders(again) == FRONTS and merged(again)
    assert sorted(again.files) == sorted(exported.files)
    for path, data in exported.files.items():
        assert again.files[path] == data, path


def test_in_process_render_matches_the_workers(tmp_path, exported):
    """One document to render is rendered in this process: the bytes do not depend on where."""
    from closeread.export import print_html
    from closeread.export.pdf import doc_key, source_date

    kit = make_kit(tmp_path / "kit")
    first = run_export(kit)
    docs = print_html.documents(first.lessons, epoch=source_date({"SOURCE_DATE_EPOCH": str(EPOCH)}))
    worksheet = next(d for d in docs if d.path == "lessons/tiny-harbour/worksheet-a4.pdf")
    (kit / FOLDER / f"{doc_key(worksheet)}.pdf").unlink()
    one = run_export(kit)
    assert renders(one) == 1 and not merged(one)  # the same bytes again: the booklet's key is unchanged
    assert one.files == exported.files


def test_booklet_is_merged_again_when_lost_from_the_cache(tmp_path, exported):
    kit = make_kit(tmp_path / "kit")
    first = run_export(kit)
    cache = PdfCache(kit)
    lost = [path for path in (kit / FOLDER).glob("*.pdf") if cache.get(path.stem) == first.files["teacher/booklet-a4.pdf"]]
    assert len(lost) == 1
    lost[0].unlink()
    again = run_export(kit)
    assert renders(again) == 0 and front_renders(again) == 0 and merged(again)
    assert again.files == exported.files


def test_without_source_date_epoch_no_date_is_written(tmp_path, poppler):
    from tests.export.conftest import pdfinfo

    export = run_export(make_kit(tmp_path / "kit"), epoch=None)
    info = pdfinfo(poppler("pdfinfo", export.files["lessons/tiny-harbour/worksheet-a4.pdf"]))
    assert "CreationDate" not in info and "ModDate" not in info
