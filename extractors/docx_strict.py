"""Strict OOXML (Word's "Strict Open XML Document", ISO/IEC 29500 Strict) read as transitional.

A Strict package names its XML and its relationship types under ``http://purl.oclc.org/ooxml/``
where transitional files (all python-docx knows) use ``http://schemas.openxmlformats.org/``;
the markup is otherwise the same for what the reader uses. A Strict package is rewritten in
memory with the transitional names: each XML part parsed without entity resolution, DTDs or
network, and every part inflated under the guard's running byte budget (what is actually
produced counts, not what the ZIP directory declares).
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from lxml import etree

from extractors.guard import DEFAULT_LIMITS, GuardLimits, read_member

STRICT = "http://purl.oclc.org/ooxml/"
_OOXML = "http://schemas.openxmlformats.org/"
# Strict namespace → transitional namespace (ECMA-376 Part 1, Strict and Transitional schemas).
NAMESPACES = {
    f"{STRICT}wordprocessingml/main": f"{_OOXML}wordprocessingml/2006/main",
    f"{STRICT}officeDocument/relationships": f"{_OOXML}officeDocument/2006/relationships",
    f"{STRICT}officeDocument/math": f"{_OOXML}officeDocument/2006/math",
    f"{STRICT}officeDocument/extendedProperties":
        f"{_OOXML}officeDocument/2006/extended-properties",
    f"{STRICT}officeDocument/customProperties": f"{_OOXML}officeDocument/2006/custom-properties",
    f"{STRICT}officeDocument/docPropsVTypes": f"{_OOXML}officeDocument/2006/docPropsVTypes",
    f"{STRICT}officeDocument/sharedTypes": f"{_OOXML}officeDocument/2006/sharedTypes",
    f"{STRICT}officeDocument/bibliography": f"{_OOXML}officeDocument/2006/bibliography",
    f"{STRICT}officeDocument/customXml": f"{_OOXML}officeDocument/2006/customXml",
    f"{STRICT}officeDocument/characteristics": f"{_OOXML}officeDocument/2006/characteristics",
    f"{STRICT}drawingml/main": f"{_OOXML}drawingml/2006/main",
    f"{STRICT}drawingml/wordprocessingDrawing": f"{_OOXML}drawingml/2006/wordprocessingDrawing",
    f"{STRICT}drawingml/picture": f"{_OOXML}drawingml/2006/picture",
    f"{STRICT}drawingml/chart": f"{_OOXML}drawingml/2006/chart",
    f"{STRICT}drawingml/chartDrawing": f"{_OOXML}drawingml/2006/chartDrawing",
    f"{STRICT}drawingml/diagram": f"{_OOXML}drawingml/2006/diagram",
    f"{STRICT}drawingml/lockedCanvas": f"{_OOXML}drawingml/2006/lockedCanvas",
    f"{STRICT}drawingml/compatibility": f"{_OOXML}drawingml/2006/compatibility",
    f"{STRICT}schemaLibrary/main": f"{_OOXML}schemaLibrary/2006/main",
}
STRICT_RELATIONSHIPS = f"{STRICT}officeDocument/relationships/"
TRANSITIONAL_RELATIONSHIPS = f"{_OOXML}officeDocument/2006/relationships/"
# Relationship types whose last word is spelt differently in the two variants.
RELATIONSHIP_NAMES = {
    "extendedProperties": "extended-properties",
    "customProperties": "custom-properties",
}
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_CONFORMANCE = f"{{{_OOXML}wordprocessingml/2006/main}}conformance"
_STRICT_CLARK = f"{{{STRICT}"  # how a name in any Strict namespace starts


def transitional_copy(path: Path, limits: GuardLimits = DEFAULT_LIMITS) -> io.BytesIO | None:
    """The package as transitional OOXML, in memory, when it is Strict; None otherwise.

    Every member is inflated under the guard's running byte budget (``TooLarge`` past it).
    """
    with zipfile.ZipFile(path) as archive:
        budget = [limits.max_unzipped_bytes]
        try:
            rels_info = archive.getinfo("_rels/.rels")
        except KeyError:
            return None
        rels = read_member(archive, rels_info, limits, budget, path=path)
        if STRICT_RELATIONSHIPS.encode() not in rels:
            return None
        out = io.BytesIO()
        # Stored, not deflated: the copy lives in memory and is read once, straight away;
        # compressing it only to inflate it again cost more than the rewrite.
        with zipfile.ZipFile(out, "w", zipfile.ZIP_STORED) as copy:
            for info in archive.infolist():
                if info.is_dir():
                    continue
                blob = rels if info is rels_info else read_member(
                    archive, info, limits, budget, path=path)
                if info.filename.endswith((".xml", ".rels")):
                    blob = _transitional_xml(blob)
                copy.writestr(info.filename, blob)
    out.seek(0)
    return out


def _transitional_xml(blob: bytes) -> bytes:
    """One XML part with Strict names replaced; a part that does not parse is left as it is
    (the reader reports it as damaged when it needs it)."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    try:
        root = etree.fromstring(blob, parser)
    except etree.XMLSyntaxError:
        return blob
    # A part repeats a few dozen names thousands of times (styles.xml: w:val on every
    # property): each name is spelt once.
    names: dict[str, str] = {}
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str):
            continue  # comments, processing instructions, entity references
        new = names.get(tag)
        if new is None:
            new = names[tag] = _transitional_name(tag)
        el.tag = new
        keys = el.keys()  # the attribute names, in order, as a list of their own
        if keys:
            attrib = el.attrib
            for key in keys:
                if key.startswith(_STRICT_CLARK):
                    value = attrib.pop(key)
                    name = names.get(key)
                    if name is None:
                        name = names[key] = _transitional_name(key)
                    el.set(name, value)
        if new == _RELATIONSHIP:
            el.set("Type", transitional_relationship(el.get("Type", "")))
    root.attrib.pop(_CONFORMANCE, None)  # w:document's conformance="strict"
    return etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                          standalone=True)


def _transitional_name(name: str) -> str:
    if not name.startswith(_STRICT_CLARK):
        return name
    uri, _, local = name[1:].partition("}")
    return f"{{{NAMESPACES.get(uri, uri)}}}{local}"


def transitional_relationship(reltype: str) -> str:
    """The transitional spelling of a Strict relationship type (others unchanged)."""
    if not reltype.startswith(STRICT_RELATIONSHIPS):
        return reltype
    name = reltype[len(STRICT_RELATIONSHIPS):]
    return TRANSITIONAL_RELATIONSHIPS + RELATIONSHIP_NAMES.get(name, name)
