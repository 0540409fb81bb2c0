"""QTI 1.2 for Canvas (classic quizzes): serializer and zip packager.

The structure mirrors what text2qti (the maintained Canvas QTI writer on PyPI) produces, element for
element: ``imsmanifest.xml``; per quiz a folder holding the ``questestinterop`` assessment and Canvas's
``assessment_meta.xml``; an empty ``non_cc_assessments/`` folder. We write the XML with lxml instead of
calling text2qti because its input is Markdown that passes raw HTML through (lesson text comes from web
pages) and it stamps today's date into the manifest; here every text is escaped by lxml and the zip is
byte-for-byte reproducible.

Choice questions are auto-graded; essay questions carry the model answer as the question's general
feedback ("general answer comments" in Canvas), which Canvas shows to graders in SpeedGrader and to
students once they have submitted.
"""

from __future__ import annotations

import hashlib

from lxml import etree

from closeread.export import html_text
from closeread.export.items import Item, Quiz
from closeread.export.zipfiles import write_zip

NS_QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
NS_CANVAS = "http://canvas.instructure.com/xsd/cccv1p0"
NS_CP = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_LOM = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
NS_IMSMD = "http://www.imsglobal.org/xsd/imsmd_v1p2"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_XSI_LOC = f"{{{NS_XSI}}}schemaLocation"

_QUESTION_TYPES = {
    "single": "multiple_choice_question",
    "multiple": "multiple_answers_question",
    "essay": "essay_question",
    "text": "text_only_question",
}


def _hash(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


def _sub(parent, tag: str, text: str | None = None, **attrib) -> etree._Element:
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrib.items()})
    if text is not None:
        el.text = text
    return el


def _serialize(root: etree._Element) -> bytes:
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


class Ids:
    """Identifiers in text2qti's scheme: a prefix and a SHA-256 of something stable."""

    def __init__(self, quiz: Quiz):
        h = _hash("closeread", quiz.id)
        self.assessment = f"closeread_assessment_{h}"
        self.assignment = f"closeread_assignment_{h}"
        self.assignment_group = f"closeread_assignment-group_{h}"
        self.dependency = f"closeread_dependency_{h}"

    @staticmethod
    def item(item: Item) -> str:
        return f"closeread_{'text' if item.type == 'text' else 'question'}_{_hash(item.id)}"

    @staticmethod
    def choice(item: Item, index: int) -> str:
        return f"closeread_choice_{_hash(item.id, str(index))}"


def _mattext(parent, html: str) -> None:
    _sub(_sub(parent, "material"), "mattext", html, texttype="text/html")


def _feedback(item_el, ident: str, html: str) -> None:
    fb = _sub(item_el, "itemfeedback", ident=ident)
    _mattext(_sub(fb, "flow_mat"), html)


def _metadata(item_el, item: Item, choice_ids: list[str]) -> None:
    meta = _sub(_sub(item_el, "itemmetadata"), "qtimetadata")
    for label, entry in (
        ("question_type", _QUESTION_TYPES[item.type]),
        ("points_possible", str(item.points)),
        ("original_answer_ids", ",".join(choice_ids)),
        ("assessment_question_identifierref", f"closeread_question_ref_{_hash(item.id)}"),
    ):
        field = _sub(meta, "qtimetadatafield")
        _sub(field, "fieldlabel", label)
        _sub(field, "fieldentry", entry)


def _condition_fb(resp, respident: str | None, linkrefid: str, choice_id: str | None = None) -> None:
    cond = _sub(resp, "respcondition", continue_="Yes")
    var = _sub(cond, "conditionvar")
    if choice_id is None:
        _sub(var, "other")
    else:
        _sub(var, "varequal", choice_id, respident=respident)
    _sub(cond, "displayfeedback", feedbacktype="Response", linkrefid=linkrefid)


def item_element(section, item: Item, article_html: str | None, *, metadata=None) -> etree._Element:
    """One quiz item under ``section``. ``metadata(item_el, item, choice_ids)`` writes its itemmetadata:
    Canvas's fields by default; the Common Cartridge's profile fields in ``cc_qti``."""
    el = _sub(section, "item", ident=Ids.item(item), title="" if item.type == "text" else item.title)
    choice_ids = [Ids.choice(item, i) for i, _ in enumerate(item.choices)]
    (metadata or _metadata)(el, item, choice_ids)
    pres = _sub(el, "presentation")
    if item.type == "text":
        _mattext(pres, article_html or html_text.paragraphs(item.prompt))
        return el
    _mattext(pres, html_text.paragraphs(item.prompt))
    if item.type in ("single", "multiple"):
        lid = _sub(pres, "response_lid", ident="response1", rcardinality="Single" if item.type == "single" else "Multiple")
        render = _sub(lid, "render_choice")
        for cid, choice in zip(choice_ids, item.choices):
            _mattext(_sub(render, "response_label", ident=cid), html_text.paragraphs(choice.text))
    else:  # essay
        rstr = _sub(pres, "response_str", ident="response1", rcardinality="Single")
        _sub(_sub(rstr, "render_fib"), "response_label", ident="answer1", rshuffle="No")
    resp = _sub(el, "resprocessing")
    _sub(_sub(resp, "outcomes"), "decvar", maxvalue="100", minvalue="0", varname="SCORE", vartype="Decimal")
    general = item.grader_info if item.type == "essay" else item.feedback
    if item.type == "essay":
        cond = _sub(resp, "respcondition", continue_="No")
        _sub(_sub(cond, "conditionvar"), "other")
    if general:
        _condition_fb(resp, None, "general_fb")
    if item.type in ("single", "multiple"):
        for cid, choice in zip(choice_ids, item.choices):
            if choice.feedback:
                _condition_fb(resp, "response1", f"{cid}_fb", cid)
        cond = _sub(resp, "respcondition", continue_="No")
        var = _sub(cond, "conditionvar")
        if item.type == "single":
            right = next(cid for cid, c in zip(choice_ids, item.choices) if c.correct)
            _sub(var, "varequal", right, respident="response1")
        else:
            both = _sub(var, "and")
            for cid, c in zip(choice_ids, item.choices):
                if c.correct:
                    _sub(both, "varequal", cid, respident="response1")
                else:
                    _sub(_sub(both, "not"), "varequal", cid, respident="response1")
        _sub(cond, "setvar", "100", action="Set", varname="SCORE")
    if general:
        _feedback(el, "general_fb", html_text.paragraphs(general))
    for cid, choice in zip(choice_ids, item.choices):
        if choice.feedback:
            _feedback(el, f"{cid}_fb", html_text.paragraphs(choice.feedback))
    return el


def assessment_xml(quiz: Quiz) -> bytes:
    ids = Ids(quiz)
    root = etree.Element(f"{{{NS_QTI}}}questestinterop", nsmap={None: NS_QTI, "xsi": NS_XSI})
    root.set(_XSI_LOC, f"{NS_QTI} http://www.imsglobal.org/xsd/ims_qtiasiv1p2p1.xsd")
    assessment = _sub(root, "assessment", ident=ids.assessment, title=quiz.title)
    field = _sub(_sub(assessment, "qtimetadata"), "qtimetadatafield")
    _sub(field, "fieldlabel", "cc_maxattempts")
    _sub(field, "fieldentry", "1")
    section = _sub(assessment, "section", ident="root_section")
    for item in quiz.items:
        article = html_text.article(quiz, item.prompt) if item.type == "text" else None
        item_element(section, item, article)
    _qualify(root, NS_QTI)
    return _serialize(root)


def _qualify(root, ns: str) -> None:
    """Put every unqualified element into the default namespace (SubElement with bare tags does not)."""
    for el in root.iter():
        if isinstance(el.tag, str) and not el.tag.startswith("{"):
            el.tag = f"{{{ns}}}{el.tag}"


_META_FIELDS = (
    ("shuffle_answers", "false"),
    ("scoring_policy", "keep_highest"),
    ("hide_results", ""),
    ("quiz_type", "assignment"),
    ("points_possible", None),
    ("require_lockdown_browser", "false"),
    ("require_lockdown_browser_for_results", "false"),
    ("require_lockdown_browser_monitor", "false"),
    ("lockdown_browser_monitor_data", None),
    ("show_correct_answers", "true"),
    ("anonymous_submissions", "false"),
    ("could_be_locked", "false"),
    ("allowed_attempts", "1"),
    ("one_question_at_a_time", "false"),
    ("cant_go_back", "false"),
    ("available", "false"),
    ("one_time_results", "false"),
    ("show_correct_answers_last_attempt", "false"),
    ("only_visible_to_overrides", "false"),
    ("module_locked", "false"),
)
_ASSIGNMENT_FIELDS = (
    ("due_at", None), ("lock_at", None), ("unlock_at", None), ("module_locked", "false"),
    ("workflow_state", "unpublished"), ("assignment_overrides", ""), ("quiz_identifierref", None),
    ("allowed_extensions", ""), ("has_group_category", "false"), ("points_possible", None),
    ("grading_type", "points"), ("all_day", "false"), ("submission_types", "online_quiz"),
    ("position", "1"), ("turnitin_enabled", "false"), ("vericite_enabled", "false"),
    ("peer_review_count", "0"), ("peer_reviews", "false"), ("automatic_peer_reviews", "false"),
    ("anonymous_peer_reviews", "false"), ("grade_group_students_individually", "false"),
    ("freeze_on_copy", "false"), ("omit_from_final_grade", "false"),
    ("intra_group_peer_reviews", "false"), ("only_visible_to_overrides", "false"),
    ("post_to_sis", "false"), ("moderated_grading", "false"), ("grader_count", "0"),
    ("grader_comments_visible_to_graders", "true"), ("anonymous_grading", "false"),
    ("graders_anonymous_to_graders", "false"), ("grader_names_visible_to_final_grader", "true"),
    ("anonymous_instructor_annotations", "false"),
)


def assessment_meta_xml(quiz: Quiz) -> bytes:
    """Canvas's quiz settings, as text2qti writes them (unpublished, one attempt, answers shown)."""
    ids = Ids(quiz)
    points = f"{float(quiz.points):.1f}"
    root = etree.Element(f"{{{NS_CANVAS}}}quiz", nsmap={None: NS_CANVAS, "xsi": NS_XSI}, identifier=ids.assessment)
    root.set(_XSI_LOC, f"{NS_CANVAS} https://canvas.instructure.com/xsd/cccv1p0.xsd")
    _sub(root, "title", quiz.title)
    _sub(root, "description", html_text.paragraphs(quiz.description))
    for name, value in _META_FIELDS:
        _sub(root, name, points if name == "points_possible" else value)
    assignment = _sub(root, "assignment", identifier=ids.assignment)
    _sub(assignment, "title", quiz.title)
    for name, value in _ASSIGNMENT_FIELDS:
        if name == "quiz_identifierref":
            value = ids.assessment
        elif name == "points_possible":
            value = points
        _sub(assignment, name, value)
    _sub(_sub(assignment, "post_policy"), "post_manually", "false")
    _sub(root, "assignment_group_identifierref", ids.assignment_group)
    _sub(root, "assignment_overrides", "")
    _qualify(root, NS_CANVAS)
    return _serialize(root)


def manifest_xml(quizzes: list[Quiz], *, title: str, date: str | None) -> bytes:
    """``imsmanifest.xml`` listing every quiz; ``date`` (YYYY-MM-DD) only when the build has one."""
    ident = f"closeread_manifest_{_hash('closeread', *(q.id for q in quizzes))}"
    root = etree.Element(
        f"{{{NS_CP}}}manifest", nsmap={None: NS_CP, "lom": NS_LOM, "imsmd": NS_IMSMD, "xsi": NS_XSI}, identifier=ident
    )
    root.set(
        _XSI_LOC,
        f"{NS_CP} http://www.imsglobal.org/xsd/imscp_v1p1.xsd {NS_LOM} http://www.imsglobal.org/profile/cc/ccv1p1/LOM/ccv1p1_lomresource_v1p0.xsd "
        f"{NS_IMSMD} http://www.imsglobal.org/xsd/imsmd_v1p2p2.xsd",
    )
    md = f"{{{NS_IMSMD}}}"
    meta = _sub(root, f"{{{NS_CP}}}metadata")
    _sub(meta, f"{{{NS_CP}}}schema", "IMS Content")
    _sub(meta, f"{{{NS_CP}}}schemaversion", "1.1.3")
    lom = _sub(meta, f"{md}lom")
    _sub(_sub(_sub(lom, f"{md}general"), f"{md}title"), f"{md}string", title)
    if date:
        _sub(_sub(_sub(_sub(lom, f"{md}lifeCycle"), f"{md}contribute"), f"{md}date"), f"{md}dateTime", date)
    _sub(root, f"{{{NS_CP}}}organizations")
    resources = _sub(root, f"{{{NS_CP}}}resources")
    for quiz in quizzes:
        ids = Ids(quiz)
        res = _sub(resources, f"{{{NS_CP}}}resource", identifier=ids.assessment, type="imsqti_xmlv1p2")
        _sub(res, f"{{{NS_CP}}}file", href=f"{ids.assessment}/{ids.assessment}.xml")
        _sub(res, f"{{{NS_CP}}}dependency", identifierref=ids.dependency)
        dep = _sub(
            resources,
            f"{{{NS_CP}}}resource",
            identifier=ids.dependency,
            type="associatedcontent/imscc_xmlv1p1/learning-application-resource",
            href=f"{ids.assessment}/assessment_meta.xml",
        )
        _sub(dep, f"{{{NS_CP}}}file", href=f"{ids.assessment}/assessment_meta.xml")
    return _serialize(root)


def quiz_entries(quiz: Quiz) -> list[tuple[str, bytes]]:
    """One quiz's files in the package (its metadata and its assessment)."""
    ids = Ids(quiz)
    return [(f"{ids.assessment}/assessment_meta.xml", assessment_meta_xml(quiz)), (f"{ids.assessment}/{ids.assessment}.xml", assessment_xml(quiz))]


def package(quizzes: list[Quiz], parts: list[list[tuple[str, bytes]]], *, title: str, date: str | None = None, timestamp=None) -> bytes:
    """The QTI package of quizzes whose files ``quiz_entries`` made (``parts``, in the same order)."""
    entries: list[tuple[str, bytes]] = [("imsmanifest.xml", manifest_xml(quizzes, title=title, date=date)), ("non_cc_assessments/", b"")]
    for part in parts:
        entries.extend(part)
    return write_zip(entries, timestamp=timestamp)


def qti_zip(quizzes: list[Quiz], *, title: str, date: str | None = None, timestamp=None) -> bytes:
    """The QTI package: one Canvas quiz per ``Quiz``; reproducible (fixed entry order and times)."""
    return package(quizzes, [quiz_entries(quiz) for quiz in quizzes], title=title, date=date, timestamp=timestamp)


# for cc_qti, which writes the same items into a Common Cartridge's assessment
sub, qualify, serialize = _sub, _qualify, _serialize
