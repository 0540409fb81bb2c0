"""Two independent readers of a Common Cartridge 1.1, for the tests (the export's and the builder's).

``read_lxml`` checks the packaging rules the importers hold a cartridge to (IMS CC 1.1; Moodle's and
Canvas's importers), with lxml (libxml2, the engine Moodle validates with). ``read_stdlib`` reads the
same package with nothing but Python's ``zipfile`` and ``xml.etree.ElementTree`` (expat) and its own
walk of the files. Each returns a plain summary; the tests compare the two and look inside.
"""

from __future__ import annotations

import io
import zipfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from lxml import etree

CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
QTI = "http://www.imsglobal.org/xsd/ims_qtiasiv1p2"
WL = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
NS = {"cc": CC, "q": QTI, "wl": WL}
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
WEBLINK = "imswl_xmlv1p1"
PROFILES = {"cc.multiple_choice.v0p1", "cc.multiple_response.v0p1", "cc.essay.v0p1", "cc.true_false.v0p1", "cc.fib.v0p1", "cc.pattern_match.v0p1"}


@dataclass
class Summary:
    title: str = ""
    modules: list[tuple[str, list[tuple[str, str]]]] = field(default_factory=list)  # (module title, [(item title, resource type)])
    files: dict[str, bytes] = field(default_factory=dict)
    resources: dict[str, tuple[str, str | None, tuple[str, ...]]] = field(default_factory=dict)  # id -> (type, href, files)
    quizzes: dict[str, list[dict]] = field(default_factory=dict)  # assessment file -> items (profile, prompt, choices, correct)
    links: dict[str, str] = field(default_factory=dict)  # web link file -> url


def _zip(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None, "a file in the zip is damaged (CRC)"
        names = zf.namelist()
        assert len(names) == len(set(names)), "a name is in the zip twice"
        return {n: zf.read(n) for n in names if not n.endswith("/")}


def _fields(el, path: str, ns=NS) -> dict[str, str]:
    return {f.findtext("q:fieldlabel", namespaces=ns): f.findtext("q:fieldentry", namespaces=ns) for f in el.findall(path, ns)}


def _text(el) -> str:
    return " ".join("".join(el.itertext()).split()) if el is not None else ""


def _mattext(el, path: str) -> str:
    """The text an LMS shows for a mattext (HTML inside XML)."""
    from lxml import html

    found = el.find(path, NS)
    if found is None or not (found.text or "").strip():
        return ""
    return " ".join(html.fromstring(found.text).text_content().split())


def read_lxml(data: bytes) -> Summary:
    files = _zip(data)
    assert "imsmanifest.xml" in files, "no imsmanifest.xml at the zip's root"
    raw = files["imsmanifest.xml"]
    assert CC.encode() in raw[:500], "the CC 1.1 namespace is not within the manifest's first 500 bytes"
    root = etree.fromstring(raw)
    assert root.tag == f"{{{CC}}}manifest" and root.nsmap.get(None) == CC, "the manifest's default namespace is not CC 1.1's"
    assert root.findtext("cc:metadata/cc:schema", namespaces=NS) == "IMS Common Cartridge"
    assert root.findtext("cc:metadata/cc:schemaversion", namespaces=NS) == "1.1.0"
    orgs = root.findall("cc:organizations/cc:organization", NS)
    assert len(orgs) == 1 and orgs[0].get("structure") == "rootedhierarchy", "one rootedhierarchy organization"
    tops = orgs[0].findall("cc:item", NS)
    assert len(tops) == 1 and tops[0].get("identifierref") is None, "the organization holds one root item"
    ids = [el.get("identifier") for el in root.iter() if el.get("identifier") is not None]
    assert len(ids) == len(set(ids)), "an identifier is used twice"
    s = Summary(title=_text(root.find(".//{http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest}string")), files=files)
    listed: set[str] = set()
    for r in root.findall("cc:resources/cc:resource", NS):
        rfiles = tuple(f.get("href") for f in r.findall("cc:file", NS))
        for f in rfiles:
            assert f in files, f"{r.get('identifier')}: file {f!r} is listed but not in the zip"
            assert "%" not in f and " " not in f, f"{f!r}: an escaped or spaced name"
        href, kind = r.get("href"), r.get("type")
        if kind in (ASSESSMENT, WEBLINK):
            assert href is None and len(rfiles) == 1, f"{r.get('identifier')}: a {kind} has one file and no href"
        if href is not None:
            assert href in rfiles, f"{r.get('identifier')}: its href {href!r} is not one of its files"
        listed.update(rfiles)
        s.resources[r.get("identifier")] = (kind, href, rfiles)
        if kind == ASSESSMENT:
            s.quizzes[rfiles[0]] = _qti(files[rfiles[0]])
        elif kind == WEBLINK:
            wl = etree.fromstring(files[rfiles[0]])
            assert wl.tag == f"{{{WL}}}webLink"
            s.links[rfiles[0]] = wl.find("wl:url", NS).get("href")
    assert set(files) - {"imsmanifest.xml"} <= listed, f"files in the zip that no resource lists: {sorted(set(files) - listed - {'imsmanifest.xml'})}"
    for module in tops[0].findall("cc:item", NS):
        entries = []
        for item in module.iter(f"{{{CC}}}item"):
            ref = item.get("identifierref")
            if ref is not None:
                assert ref in s.resources, f"item {item.get('identifier')} points at no resource"
                entries.append((item.findtext("cc:title", namespaces=NS), s.resources[ref][0]))
        s.modules.append((module.findtext("cc:title", namespaces=NS), entries))
    return s


def _qti(data: bytes) -> list[dict]:
    root = etree.fromstring(data)
    assert root.tag == f"{{{QTI}}}questestinterop"
    assessment = root.find("q:assessment", NS)
    meta = _fields(assessment, "q:qtimetadata/q:qtimetadatafield")
    assert meta.get("cc_profile") == "cc.exam.v0p1", "the assessment has no cc_profile"
    assert meta.get("qmd_assessmenttype") == "Examination"
    items = []
    for item in assessment.findall("q:section/q:item", NS):
        m = _fields(item, "q:itemmetadata/q:qtimetadata/q:qtimetadatafield")
        assert m.get("cc_profile") in PROFILES, f"item {item.get('ident')}: cc_profile {m.get('cc_profile')!r}"
        labels = {lab.get("ident"): _mattext(lab, "q:material/q:mattext") for lab in item.findall(".//q:response_label", NS)}
        right = [  # the choices the scoring condition (the one that sets SCORE) asks for
            v.text
            for cond in item.findall("q:resprocessing/q:respcondition", NS)
            if cond.find("q:setvar", NS) is not None
            for v in cond.findall("q:conditionvar//q:varequal", NS)
            if v.getparent().tag != f"{{{QTI}}}not"
        ]
        items.append(
            {
                "profile": m["cc_profile"],
                "weight": m.get("cc_weighting"),
                "prompt": _mattext(item, "q:presentation/q:material/q:mattext"),
                "choices": list(labels.values()),
                "correct": sorted(labels[r] for r in right if r in labels),
            }
        )
    return items


def read_stdlib(data: bytes) -> dict:
    """The second reader: the zip's own directory, expat, and a walk that owes nothing to ``read_lxml``."""
    zf = zipfile.ZipFile(io.BytesIO(data))
    names = [i.filename for i in zf.infolist()]
    assert names[0] == "imsmanifest.xml", "the manifest is not the zip's first entry"
    manifest = ET.fromstring(zf.read("imsmanifest.xml"))
    q = "{" + CC + "}"
    assert manifest.tag == q + "manifest"
    resources = {}
    for r in manifest.iter(q + "resource"):
        resources[r.attrib["identifier"]] = (r.attrib["type"], r.attrib.get("href"), [f.attrib["href"] for f in r.iter(q + "file")])
    refs = [i.attrib["identifierref"] for i in manifest.iter(q + "item") if "identifierref" in i.attrib]
    assert set(refs) <= set(resources)
    profiles = {}
    for rid, (kind, _, files) in resources.items():
        for f in files:
            assert f in names, f
        if kind == ASSESSMENT:
            doc = ET.fromstring(zf.read(files[0]))
            qq = "{" + QTI + "}"
            got = []
            for item in doc.iter(qq + "item"):
                labels = {fl.findtext(qq + "fieldlabel"): fl.findtext(qq + "fieldentry") for fl in item.iter(qq + "qtimetadatafield")}
                got.append(labels.get("cc_profile"))
            profiles[files[0]] = got
    return {"files": sorted(n for n in names if not n.endswith("/")), "resources": resources, "order": refs, "profiles": profiles}
