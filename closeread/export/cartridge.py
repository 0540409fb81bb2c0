"""IMS Common Cartridge 1.1 (``.imscc``): the model, its manifest, the package.

A cartridge is a zip whose root holds ``imsmanifest.xml``: the resources (each a set of files in the
zip) and one organization, the tree an LMS turns into a course's modules or sections. The rules kept
here are the specification's and what the importers check (Moodle: a 1.0/1.1 cartridge is recognised
by the CC namespace within the manifest's first 500 bytes, and the manifest is validated against the
schemas; Canvas and Blackboard read 1.1 too):

- the default namespace is CC 1.1's, declared first on the root element;
- metadata says schema "IMS Common Cartridge", version 1.1.0;
- one organization, ``structure="rootedhierarchy"``, whose single root item holds the modules;
- a resource's ``href`` is one of its own ``<file>`` entries, and every file entry is in the zip;
- an assessment or a web link has exactly one file and no ``href``;
- file names are plain (letters, digits, ``-``, ``_``, ``.``, ``/``): nothing an LMS could read
  URL-encoded in one place and decoded in another (``%20`` against a space).

Everything is built from frozen values and serialized by lxml; ``package`` is byte-for-byte
reproducible (``zipfiles.write_zip``).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from lxml import etree

from closeread.export.zipfiles import write_zip

NS_CC = "http://www.imsglobal.org/xsd/imsccv1p1/imscp_v1p1"
NS_LOM_MANIFEST = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/manifest"
NS_LOM_RESOURCE = "http://ltsc.ieee.org/xsd/imsccv1p1/LOM/resource"
NS_WL = "http://www.imsglobal.org/xsd/imsccv1p1/imswl_v1p1"
NS_XSI = "http://www.w3.org/2001/XMLSchema-instance"
_PROFILE = "http://www.imsglobal.org/profile/cc/ccv1p1"
SCHEMA_LOCATION = (
    f"{NS_CC} {_PROFILE}/ccv1p1_imscp_v1p2_v1p0.xsd "
    f"{NS_LOM_MANIFEST} {_PROFILE}/LOM/ccv1p1_lommanifest_v1p0.xsd "
    f"{NS_LOM_RESOURCE} {_PROFILE}/LOM/ccv1p1_lomresource_v1p0.xsd"
)
WL_SCHEMA_LOCATION = f"{NS_WL} {_PROFILE}/ccv1p1_imswl_v1p1.xsd"

WEBCONTENT = "webcontent"
WEBLINK = "imswl_xmlv1p1"
ASSESSMENT = "imsqti_xmlv1p2/imscc_xmlv1p1/assessment"
_ONE_FILE = (WEBLINK, ASSESSMENT)  # no href, exactly one file
SAFE_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*(/[A-Za-z0-9][A-Za-z0-9._-]*)*")


def ident(*parts: str) -> str:
    """A stable XML identifier (an NCName: it starts with a letter) from what names the thing."""
    return "cr_" + hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:24]


@dataclass(frozen=True)
class Resource:
    identifier: str
    type: str
    files: tuple[str, ...]  # paths in the zip
    href: str | None = None  # the file an LMS opens (web content only)


@dataclass(frozen=True)
class Node:
    """An item of the organization: a module (with children) or a link to one resource."""

    identifier: str
    title: str
    resource: str | None = None
    children: tuple["Node", ...] = ()


@dataclass(frozen=True)
class Part:
    """What one lesson (or a builder's selection) adds to a cartridge: its module, resources and files."""

    node: Node
    resources: tuple[Resource, ...]
    files: tuple[tuple[str, bytes], ...]


@dataclass(frozen=True)
class Cartridge:
    identifier: str
    title: str
    language: str
    parts: tuple[Part, ...]

    def check(self) -> None:
        """Raise ValueError when the cartridge breaks one of the packaging rules above (a bug, not input)."""
        names = [name for part in self.parts for name, _ in part.files]
        problems = [f"file {n!r} is in the package twice" for n in sorted({n for n in names if names.count(n) > 1})]
        problems += [f"file name {n!r} is not plain" for n in names if not SAFE_NAME.fullmatch(n)]
        present = set(names)
        ids = [r.identifier for part in self.parts for r in part.resources]
        problems += [f"resource {i} twice" for i in sorted({i for i in ids if ids.count(i) > 1})]
        for part in self.parts:
            for r in part.resources:
                problems += [f"{r.identifier}: file {f!r} is not in the package" for f in r.files if f not in present]
                if r.type in _ONE_FILE and (r.href is not None or len(r.files) != 1):
                    problems.append(f"{r.identifier}: a {r.type} resource has one file and no href")
                if r.href is not None and r.href not in r.files:
                    problems.append(f"{r.identifier}: href {r.href!r} is not one of its files")
            for node in _walk(part.node):
                if node.resource is not None and node.resource not in ids:
                    problems.append(f"item {node.identifier} points at no resource ({node.resource})")
        if problems:
            raise ValueError("; ".join(problems))


def _walk(node: Node):
    yield node
    for child in node.children:
        yield from _walk(child)


def _sub(parent, tag: str, text: str | None = None, ns: str = NS_CC, **attrib) -> etree._Element:
    el = etree.SubElement(parent, f"{{{ns}}}{tag}", {k: v for k, v in attrib.items() if v is not None})
    if text is not None:
        el.text = text
    return el


def _item(parent, node: Node) -> None:
    el = _sub(parent, "item", identifier=node.identifier, identifierref=node.resource)
    _sub(el, "title", node.title)
    for child in node.children:
        _item(el, child)


def manifest_xml(cartridge: Cartridge) -> bytes:
    cartridge.check()
    # the CC namespace first: Moodle looks for it in the first 500 bytes
    root = etree.Element(
        f"{{{NS_CC}}}manifest",
        nsmap={None: NS_CC, "lomimscc": NS_LOM_MANIFEST, "lom": NS_LOM_RESOURCE, "xsi": NS_XSI},
        identifier=cartridge.identifier,
    )
    root.set(f"{{{NS_XSI}}}schemaLocation", SCHEMA_LOCATION)
    meta = _sub(root, "metadata")
    _sub(meta, "schema", "IMS Common Cartridge")
    _sub(meta, "schemaversion", "1.1.0")
    lom = _sub(meta, "lom", ns=NS_LOM_MANIFEST)
    title = _sub(_sub(lom, "general", ns=NS_LOM_MANIFEST), "title", ns=NS_LOM_MANIFEST)
    _sub(title, "string", cartridge.title, ns=NS_LOM_MANIFEST, language=cartridge.language)
    org = _sub(_sub(root, "organizations"), "organization", identifier=ident(cartridge.identifier, "organization"), structure="rootedhierarchy")
    top = _sub(org, "item", identifier=ident(cartridge.identifier, "root"))
    for part in cartridge.parts:
        _item(top, part.node)
    resources = _sub(root, "resources")
    for part in cartridge.parts:
        for r in part.resources:
            el = _sub(resources, "resource", identifier=r.identifier, type=r.type, href=r.href)
            for f in r.files:
                _sub(el, "file", href=f)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def weblink_xml(title: str, url: str) -> bytes:
    """A web link resource's file: the address opens in a new window."""
    root = etree.Element(f"{{{NS_WL}}}webLink", nsmap={None: NS_WL, "xsi": NS_XSI})
    root.set(f"{{{NS_XSI}}}schemaLocation", WL_SCHEMA_LOCATION)
    _sub(root, "title", title, ns=NS_WL)
    _sub(root, "url", ns=NS_WL, href=url, target="_blank")
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def package(cartridge: Cartridge, *, timestamp=None) -> bytes:
    """The ``.imscc``: the manifest first, then every part's files in order. PDFs are stored as they
    are (they are compressed already); the rest is deflated."""
    entries = [("imsmanifest.xml", manifest_xml(cartridge))]
    for part in cartridge.parts:
        entries.extend(part.files)
    return write_zip(entries, timestamp=timestamp, stored=(".pdf",))
