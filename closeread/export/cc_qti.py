"""A quiz as a Common Cartridge 1.1 assessment: QTI 1.2 restricted to the cartridge's question profiles.

Each item is written by the same serializer as the Canvas quiz (``qti.item_element``); only its metadata
differs. Where Canvas reads its own fields (question type, points), a cartridge reader (Moodle,
Blackboard, Brightspace, Canvas again) reads ``cc_profile`` on the assessment and on every item and
``cc_weighting`` for the points: Brightspace drops a question without a profile, and Moodle decides a
question's type from it. The profiles used here are the three the kit's questions map onto:

- ``single`` -> cc.multiple_choice.v0p1 (one ``response_lid``, Single, ``varequal`` on the right choice)
- ``multiple`` -> cc.multiple_response.v0p1 (Multiple, all right choices and no wrong one)
- ``essay`` -> cc.essay.v0p1 (``response_str`` / ``render_fib``, marked for a person to score)

The article (Canvas's text-only item) has no profile: in a cartridge it is on the lesson's page, which
comes before the quiz in the same module, so it is left out of the assessment.

The builder's selection cartridge joins fragments made here (``fragments``): the assessment's head with
a token for its identifier, one ``<item>`` per question, and the tail.
"""

from __future__ import annotations

from lxml import etree

from closeread.export.items import Item, Quiz
from closeread.export.qti import NS_QTI, NS_XSI, item_element, qualify, serialize, sub

PROFILES = {"single": "cc.multiple_choice.v0p1", "multiple": "cc.multiple_response.v0p1", "essay": "cc.essay.v0p1"}
ASSESSMENT_PROFILE = "cc.exam.v0p1"
SCHEMA = "http://www.imsglobal.org/profile/cc/ccv1p1/ccv1p1_qtiasiv1p2p1_v1p0.xsd"
IDENT_TOKEN = "__CLOSEREAD_SELECTION__"  # replaced by the builder with the selection's own identifier


def _fields(parent, pairs) -> None:
    meta = sub(parent, "qtimetadata")
    for label, entry in pairs:
        field = sub(meta, "qtimetadatafield")
        sub(field, "fieldlabel", label)
        sub(field, "fieldentry", entry)


def _item_metadata(item_el, item: Item, choice_ids: list[str]) -> None:
    pairs = [("cc_profile", PROFILES[item.type]), ("cc_weighting", str(item.points))]
    if item.type == "essay":  # scored by the teacher, not the LMS
        pairs += [("qmd_scoringpermitted", "Yes"), ("qmd_computerscored", "No")]
    _fields(sub(item_el, "itemmetadata"), pairs)


def _root(ident: str, title: str) -> tuple[etree._Element, etree._Element]:
    root = etree.Element(f"{{{NS_QTI}}}questestinterop", nsmap={None: NS_QTI, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", f"{NS_QTI} {SCHEMA}")
    assessment = sub(root, "assessment", ident=ident, title=title)
    _fields(
        assessment,
        (
            ("cc_profile", ASSESSMENT_PROFILE),
            ("qmd_assessmenttype", "Examination"),
            ("qmd_scoretype", "Percentage"),
            ("qmd_feedbackpermitted", "Yes"),
            ("cc_maxattempts", "1"),
        ),
    )
    return root, sub(assessment, "section", ident="root_section")


def questions(quiz: Quiz) -> tuple[Item, ...]:
    """The items a cartridge's assessment holds: every question a profile fits (not the article)."""
    return tuple(i for i in quiz.items if i.type in PROFILES)


def assessment_xml(quiz: Quiz, *, ident: str, title: str) -> bytes:
    """The assessment file of ``quiz`` (its questions, in order)."""
    root, section = _root(ident, title)
    for item in questions(quiz):
        item_element(section, item, None, metadata=_item_metadata)
    qualify(root, NS_QTI)
    return serialize(root)


def item_xml(item: Item) -> str:
    """One question's ``<item>`` element, for the builder to join into a selection's assessment."""
    holder = etree.Element(f"{{{NS_QTI}}}section", nsmap={None: NS_QTI})
    el = item_element(holder, item, None, metadata=_item_metadata)
    qualify(holder, NS_QTI)
    return etree.tostring(el, encoding="unicode", pretty_print=True)


def frame(title: str) -> tuple[str, str]:
    """(head, tail) of an assessment whose items the builder puts between them; the head's identifier
    is ``IDENT_TOKEN``."""
    root, section = _root(IDENT_TOKEN, title)
    qualify(root, NS_QTI)
    text = serialize(root).decode("utf-8")
    empty = '<section ident="root_section"/>'
    head, tail = text.split(empty)
    return head + '<section ident="root_section">\n', "      </section>" + tail
