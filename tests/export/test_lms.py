"""The LMS exports parsed back: QTI 1.2 for Canvas, Moodle XML and GIFT (read by gift-pegjs, a real
GIFT parser, run with node). Every question and every correct answer must be there, and hostile lesson
text must come back exactly as written."""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from closeread.export.grades import ALLOWED, share
from closeread.export.gift import escape as gift_escape
from closeread.export.items import quiz_for
from tests.export.conftest import unavailable

HERE = Path(__file__).resolve().parent
NS = {"q": "http://www.imsglobal.org/xsd/ims_qtiasiv1p2", "cp": "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1",
      "c": "http://canvas.instructure.com/xsd/cccv1p0"}
SLUG = "tiny-harbour"


def lms(export) -> dict[str, bytes]:
    return {p: d for p, d in export.files.items() if not p.endswith((".pdf", ".md"))}


def text_of(fragment: str) -> str:
    """What an LMS shows for an HTML fragment: tags dropped, entities decoded."""
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment or "")).split())


def expected(lesson):
    """(kind, prompt text, correct choice texts) of every quiz question, in order."""
    quiz = quiz_for(lesson)
    return [(i.type, " ".join(i.prompt.split()), sorted(c.text for c in i.correct)) for i in quiz.questions]


# --- files ----------------------------------------------------------------------------------------


def test_every_lms_file_is_made(exported):
    names = set(lms(exported))
    assert names == {
        f"teacher/{SLUG}/{SLUG}{s}-qti.zip" for s in ("", "-full")} | {f"teacher/{SLUG}/{SLUG}{s}-moodle.xml" for s in ("", "-full")} | {
        f"teacher/{SLUG}/{SLUG}{s}.gift.txt" for s in ("", "-full")} | {
        f"teacher/closeread{s}{ext}" for s in ("", "-full") for ext in ("-qti.zip", "-moodle.xml", ".gift.txt")
    } | {f"teacher/{SLUG}/{SLUG}.imscc", f"teacher/{SLUG}/cartridge.js", "teacher/cartridge-assets.js", "teacher/closeread.imscc"}  # see test_cartridge


def _moodle_ids(data: bytes) -> list[str]:
    return [q.findtext("idnumber") for q in etree.fromstring(data).findall("question") if q.get("type") != "category"]


def test_core_set_by_default_every_question_in_the_second_file(exported, tmp_path):
    """The default files hold the core set in its order; the -full files every question (core first)."""
    lesson = exported.lessons[0]
    core_ids = [f"{SLUG}.{q.id}" for q in lesson.core_questions if q.type != "discussion"]
    ids = _moodle_ids(exported.files[f"teacher/{SLUG}/{SLUG}-moodle.xml"])
    assert ids[0] == f"{SLUG}.article" and ids[1:] == core_ids
    full = _moodle_ids(exported.files[f"teacher/{SLUG}/{SLUG}-full-moodle.xml"])
    assert full[1: 1 + len(core_ids)] == core_ids and len(full) > len(ids)
    practice = [q.id for q in lesson.practice_questions if q.type in ("single", "multiple", "short", "find")]
    assert practice and all(any(i.startswith(f"{SLUG}.{p}") for i in full) for p in practice)
    root = etree.fromstring(exported.files[f"teacher/{SLUG}/{SLUG}-full-moodle.xml"])
    assert root.findtext("question[@type='category']/category/text") == f"$course$/top/closeread/{lesson.title} (every question)"
    _, _, (core_qti,) = _qti(exported.files[f"teacher/{SLUG}/{SLUG}-qti.zip"])
    assert len(core_qti.findall(".//q:item", NS)) == len(ids)
    parsed = gift_parse(tmp_path, exported.files[f"teacher/{SLUG}/{SLUG}-full.gift.txt"].decode("utf-8"))
    assert len(parsed) - 2 == len(full) - 1  # the category and the article


def test_open_questions_carry_points_and_rubric(exported, tmp_path):
    """An open question's points (its rubric's strong level) and its rubric go with it in every format:
    Moodle's grade, general feedback and grader information; QTI's points and general comment; GIFT's
    general feedback."""
    lesson = exported.lessons[0]
    short = next(q for q in lesson.questions if q.id == "q-short")
    assert short.rubric
    root = _moodle(exported.files[f"teacher/{SLUG}/{SLUG}-moodle.xml"])
    q = next(q for q in root.findall("question") if q.findtext("idnumber") == f"{SLUG}.q-short")
    assert q.findtext("defaultgrade") == "3"
    for level in short.rubric:
        assert level.does in q_text(q, "generalfeedback") and level.does in q_text(q, "graderinfo")
        assert level.sample in q_text(q, "graderinfo")
    assert "Strong (3 points)" in q_text(q, "generalfeedback") and "Beginning (1 point)" in q_text(q, "generalfeedback")
    choice = next(q for q in root.findall("question") if q.get("type") == "multichoice")
    assert choice.findtext("defaultgrade") == "1"

    _, _, (assessment,) = _qti(exported.files[f"teacher/{SLUG}/{SLUG}-qti.zip"])
    item = next(i for i in assessment.findall(".//q:item", NS) if "Repeats the headline." in text_of(
        (i.find("q:itemfeedback[@ident='general_fb']//q:mattext", NS).text if i.find("q:itemfeedback[@ident='general_fb']//q:mattext", NS) is not None else "")))
    assert _field(item, "points_possible") == "3"

    parsed = gift_parse(tmp_path, exported.files[f"teacher/{SLUG}/{SLUG}.gift.txt"].decode("utf-8"))
    essays = [p for p in parsed if p["type"] == "Essay" and short.prompt[:30] in text_of(p["stem"]["text"])]
    assert len(essays) == 1 and "Repeats the headline." in text_of(essays[0]["globalFeedback"]["text"])


def test_quiz_model(exported):
    lesson = exported.lessons[0]
    quiz = quiz_for(lesson, lesson.ordered_questions, full=True)
    types = [i.type for i in quiz.items]
    assert types[0] == "text"  # the article first
    assert "discussion" not in types
    # authored and generated choice questions, sort items unless already asked, short and find as essays
    auto = [q for q in lesson.questions if q.type in ("single", "multiple")]
    assert sum(t in ("single", "multiple") for t in types) >= len(auto)
    assert sum(t == "essay" for t in types) == sum(q.type in ("short", "find") for q in lesson.questions)
    prompts = [i.prompt for i in quiz.questions]
    assert len(prompts) == len(set(prompts)), "a claim asked twice"
    find = next(i for i in quiz.items if i.id.endswith(".q-find"))
    assert "Union leader Ana Silva" in find.grader_info and "line 6" in find.grader_info


def test_grades():
    assert [share(n) for n in range(1, 11)] == ["100", "50", "33.33333", "25", "20", "16.66667", "14.28571", "12.5", "11.11111", "10"]
    assert share(12) in ALLOWED


# --- QTI ------------------------------------------------------------------------------------------


def _qti(data: bytes):
    zf = zipfile.ZipFile(io.BytesIO(data))
    assert zf.testzip() is None
    manifest = etree.fromstring(zf.read("imsmanifest.xml"))
    assessments = []
    for res in manifest.findall(".//cp:resource[@type='imsqti_xmlv1p2']", NS):
        href = res.find("cp:file", NS).get("href")
        dep = res.find("cp:dependency", NS).get("identifierref")
        meta_res = manifest.find(f".//cp:resource[@identifier='{dep}']", NS)
        meta = etree.fromstring(zf.read(meta_res.get("href")))
        assert meta.tag == f"{{{NS['c']}}}quiz" and meta.get("identifier") == res.get("identifier")
        assessments.append(etree.fromstring(zf.read(href)))
    return zf, manifest, assessments


def _field(item, label):
    return item.find(f".//q:qtimetadatafield[q:fieldlabel='{label}']/q:fieldentry", NS).text or ""


def test_qti_package(exported):
    zf, manifest, assessments = _qti(exported.files[f"teacher/{SLUG}/{SLUG}-qti.zip"])
    assert "non_cc_assessments/" in zf.namelist()
    assert len(assessments) == 1
    root = assessments[0]
    assert root.tag == f"{{{NS['q']}}}questestinterop"
    lesson = exported.lessons[0]
    assert root.find("q:assessment", NS).get("title") == lesson.title
    items = root.findall(".//q:item", NS)
    kinds = {"single": "multiple_choice_question", "multiple": "multiple_answers_question", "essay": "essay_question"}
    got = []
    for item in items[1:]:
        qtype = _field(item, "question_type")
        prompt = text_of(item.find("q:presentation/q:material/q:mattext", NS).text)
        labels = {lab.get("ident"): text_of(lab.find(".//q:mattext", NS).text) for lab in item.findall(".//q:render_choice/q:response_label", NS)}
        # the choices whose selection sets the score to 100
        scoring = [c for c in item.findall(".//q:respcondition", NS) if c.find("q:setvar", NS) is not None]
        correct = []
        if scoring:
            var = scoring[0].find("q:conditionvar", NS)
            correct = sorted(labels[v.text] for v in var.iter(f"{{{NS['q']}}}varequal") if v.getparent().tag != f"{{{NS['q']}}}not")
            assert scoring[0].find("q:setvar", NS).text == "100"
        got.append((next(k for k, v in kinds.items() if v == qtype), prompt, correct))
        if qtype == "essay_question":  # the model answer is the general answer comment
            assert item.find("q:itemfeedback[@ident='general_fb']//q:mattext", NS) is not None
    assert _field(items[0], "question_type") == "text_only_question"
    assert "6 Union leader Ana Silva said" in text_of(items[0].find(".//q:mattext", NS).text)
    assert got == expected(lesson)


def test_qti_mirrors_text2qti(tmp_path):
    """The same quiz written by text2qti (the maintained Canvas QTI writer) has the same elements."""
    text2qti_quiz = pytest.importorskip("text2qti.quiz")
    from text2qti.config import Config
    from text2qti.qti import QTI

    from closeread.export.items import Choice, Item, Quiz
    from closeread.export.qti import qti_zip

    source = "\n".join([
        "Quiz title: T", "Quiz description: D", "",
        "1.  Pick one", "... Why.", "*a) Right", "... Yes.", "b) Wrong", "... No.", "",
        "2.  Pick all", "... Why.", "[*] R1", "... F1", "[ ] W1", "... F2", "",
        "3.  Write", "... Model.", "____", "",
    ])
    config = Config()
    config.load()
    theirs = QTI(text2qti_quiz.Quiz(source, config=config, source_name="t.md")).zip_bytes()
    ours = qti_zip([Quiz("t", "T", "D", "src", (), (
        Item("t.1", "single", "Question", "Pick one", (Choice("Right", True, "Yes."), Choice("Wrong", False, "No.")), feedback="Why."),
        Item("t.2", "multiple", "Question", "Pick all", (Choice("R1", True, "F1"), Choice("W1", False, "F2")), feedback="Why."),
        Item("t.3", "essay", "Question", "Write", grader_info="Model."),
    ))], title="T")

    def shapes(data):
        zf = zipfile.ZipFile(io.BytesIO(data))
        out = {}
        for name in zf.namelist():
            if name.endswith(".xml"):
                root = etree.fromstring(zf.read(name))
                key = "manifest" if name == "imsmanifest.xml" else name.rsplit("/", 1)[-1].replace(name.split("/")[0], "X")
                out[key] = [etree.QName(el).localname for el in root.iter() if isinstance(el.tag, str) and "metadata" not in etree.QName(el).localname and etree.QName(el).namespace != "http://www.imsglobal.org/xsd/imsmd_v1p2"]
        return out

    assert shapes(ours) == shapes(theirs)


# --- Moodle XML -----------------------------------------------------------------------------------


def _moodle(data: bytes):
    root = etree.fromstring(data)
    assert root.tag == "quiz"
    return root


def test_moodle_xml(exported):
    root = _moodle(exported.files[f"teacher/{SLUG}/{SLUG}-moodle.xml"])
    lesson = exported.lessons[0]
    questions = root.findall("question")
    assert questions[0].get("type") == "category"
    assert questions[0].findtext("category/text") == f"$course$/top/closeread/{lesson.title}"
    assert questions[1].get("type") == "description"
    got = []
    for q in questions[2:]:
        kind = q.get("type")
        prompt = text_of(q.findtext("questiontext/text"))
        assert q.find("questiontext").get("format") == "html"
        assert q.findtext("name/text")
        if kind == "multichoice":
            single = q.findtext("single") == "true"
            fractions = [a.get("fraction") for a in q.findall("answer")]
            assert all(f.lstrip("-") in ALLOWED for f in fractions), fractions
            positive = sum(float(f) for f in fractions if float(f) > 0)
            assert abs(positive - 100) < 0.01, fractions
            for a in q.findall("answer"):
                assert a.find("feedback/text") is not None
            correct = sorted(text_of(a.findtext("text")) for a in q.findall("answer") if float(a.get("fraction")) > 0)
            got.append(("single" if single else "multiple", prompt, correct))
        else:
            assert kind == "essay"
            assert text_of(q.findtext("graderinfo/text"))
            got.append(("essay", prompt, []))
    assert got == expected(lesson)
    short = next(q for q in questions if q.findtext("idnumber") == f"{SLUG}.q-short")
    assert "It says the city is paralysed" in q_text(short, "graderinfo")


def q_text(q, tag):
    return text_of(q.findtext(f"{tag}/text"))


def test_kit_files_hold_every_lesson(exported):
    root = _moodle(exported.files["teacher/closeread-moodle.xml"])
    assert [c.findtext("category/text") for c in root.findall("question[@type='category']")] == [
        f"$course$/top/closeread/{lesson.title}" for lesson in exported.lessons
    ]
    _, _, assessments = _qti(exported.files["teacher/closeread-qti.zip"])
    assert len(assessments) == len(exported.lessons)


# --- GIFT -----------------------------------------------------------------------------------------


def gift_parse(tmp_path: Path, text: str) -> list[dict]:
    node = shutil.which("node")
    if not node:
        if os.environ.get("CI") != "true":
            pytest.skip("node is not installed: the GIFT export is read back with gift-pegjs, a node package")
        pytest.fail("node is required on CI to read GIFT back with gift-pegjs")
    if not (HERE.parent / "node_modules" / "gift-pegjs").is_dir():
        unavailable("gift-pegjs is not installed in tests/node_modules (npm install --prefix tests)")
    path = tmp_path / "q.gift.txt"
    path.write_text(text, encoding="utf-8")
    out = subprocess.run([node, str(HERE / "gift_parse.js"), str(path)], capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


def test_gift_escape():
    assert gift_escape("a~b=c#d{e}f:g\\h") == "a\\~b\\=c\\#d\\{e\\}f\\:g\\\\h"
    assert gift_escape("two\n\nlines") == "two lines"


def test_gift(exported, tmp_path):
    lesson = exported.lessons[0]
    parsed = gift_parse(tmp_path, exported.files[f"teacher/{SLUG}/{SLUG}.gift.txt"].decode("utf-8"))
    assert parsed[0] == {"type": "Category", "title": f"$course$/top/closeread/{lesson.title}"}
    assert parsed[1]["type"] == "Description" and "Union leader Ana Silva" in parsed[1]["stem"]["text"]
    got = []
    for q in parsed[2:]:
        prompt = text_of(q["stem"]["text"])
        assert q["stem"]["format"] == "html"
        if q["type"] == "MC":
            weights = [c["weight"] for c in q["choices"]]
            if all(w is None for w in weights):  # single choice: = marks the right answer
                correct = [text_of(c["text"]["text"]) for c in q["choices"] if c["isCorrect"]]
                got.append(("single", prompt, sorted(correct)))
            else:
                assert all(str(w).rstrip("0").rstrip(".").lstrip("-") in [a.rstrip("0").rstrip(".") or "0" for a in ALLOWED] for w in weights), weights
                got.append(("multiple", prompt, sorted(text_of(c["text"]["text"]) for c in q["choices"] if c["weight"] > 0)))
        else:
            assert q["type"] == "Essay"
            got.append(("essay", prompt, []))
    assert got == expected(lesson)


# --- hostile text ---------------------------------------------------------------------------------


def test_hostile_text_survives_every_format(hostile, tmp_path):
    lesson = hostile.lessons[0]
    quiz = quiz_for(lesson)
    wanted_prompts = [" ".join(i.prompt.split()) for i in quiz.questions]
    wanted_choices = sorted(c.text for i in quiz.questions for c in i.choices)
    article_line = "<script>alert(\"article\")</script> Breaking: <img src=x onerror=alert(1)> news"

    _, _, (assessment,) = _qti(hostile.files["teacher/hostile-page/hostile-page-qti.zip"])
    items = assessment.findall(".//q:item", NS)
    assert assessment.find("q:assessment", NS).get("title") == lesson.title
    assert article_line in text_of(items[0].find(".//q:mattext", NS).text)
    assert [text_of(i.find("q:presentation/q:material/q:mattext", NS).text) for i in items[1:]] == wanted_prompts
    assert sorted(text_of(m.text) for m in assessment.iterfind(".//q:render_choice/q:response_label//q:mattext", NS)) == wanted_choices
    for mattext in assessment.iterfind(".//q:mattext", NS):
        assert "<script" not in mattext.text and "<img" not in mattext.text  # escaped inside the HTML

    root = _moodle(hostile.files["teacher/hostile-page/hostile-page-moodle.xml"])
    qs = root.findall("question")
    assert article_line in q_text(qs[1], "questiontext")
    assert [q_text(q, "questiontext") for q in qs[2:]] == wanted_prompts
    assert sorted(text_of(a.findtext("text")) for a in root.iter("answer")) == wanted_choices

    parsed = gift_parse(tmp_path, hostile.files["teacher/hostile-page/hostile-page.gift.txt"].decode("utf-8"))
    assert article_line in text_of(parsed[1]["stem"]["text"])
    assert [text_of(q["stem"]["text"]) for q in parsed[2:]] == wanted_prompts
    assert sorted(text_of(c["text"]["text"]) for q in parsed[2:] for c in q.get("choices") or []) == wanted_choices
    assert parsed[2]["title"] == f"{lesson.title}: Question 1"


def test_text_xml_cannot_hold_is_dropped():
    from closeread.export.items import clean

    assert clean("a\x00b\x0bc\x1fd\ufffe") == "abcd"


def test_zips_are_reproducible(exported):
    zf = zipfile.ZipFile(io.BytesIO(exported.files["teacher/closeread-qti.zip"]))
    assert {i.date_time for i in zf.infolist()} == {(2023, 11, 14, 22, 13, 20)}
