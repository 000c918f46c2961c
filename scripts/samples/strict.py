"""Convert a transitional .docx to Strict OOXML, the way Word's "Strict Open XML Document"
save names things: Strict namespaces, Strict relationship types, ``w:conformance="strict"``.

The sample builder draws a ``strict`` variant (``samples/strict_NAME.spec.json``) by converting
its base sample's .docx; the tests use ``to_strict`` on documents they build. Prefixes are kept;
only namespace names and relationship types change, so each converted part is the same markup.
"""

from __future__ import annotations

import io
import zipfile

from lxml import etree

from extractors.docx_strict import (
    NAMESPACES,
    RELATIONSHIP_NAMES,
    STRICT_RELATIONSHIPS,
    TRANSITIONAL_RELATIONSHIPS,
)
from scripts.samples.office import ZIP_DATE

TO_STRICT = {transitional: strict for strict, transitional in NAMESPACES.items()}
NAMES_TO_STRICT = {transitional: strict for strict, transitional in RELATIONSHIP_NAMES.items()}
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DOCUMENT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}document"


def _strict_uri(uri: str) -> str:
    return TO_STRICT.get(uri, uri)


def _strict_part(blob: bytes) -> bytes:
    """One XML part rewritten with Strict names, declarations on the root where they were."""
    root = etree.fromstring(blob, etree.XMLParser(resolve_entities=False, no_network=True))
    nsmap = {prefix: _strict_uri(uri) for prefix, uri in root.nsmap.items()}
    strict_root = etree.Element(_strict_name(root.tag), nsmap=nsmap)
    for key, value in root.attrib.items():
        strict_root.set(_strict_name(key), value)
    strict_root.text = root.text
    strict_root.extend(list(root))
    for el in strict_root.iter():
        if not isinstance(el.tag, str):
            continue
        el.tag = _strict_name(el.tag)
        for key in list(el.attrib):
            name = _strict_name(key)
            if name != key:
                el.set(name, el.attrib.pop(key))
        if el.tag == _RELATIONSHIP:
            reltype = el.get("Type", "")
            if reltype.startswith(TRANSITIONAL_RELATIONSHIPS):
                word = reltype[len(TRANSITIONAL_RELATIONSHIPS):]
                el.set("Type", STRICT_RELATIONSHIPS + NAMES_TO_STRICT.get(word, word))
    if strict_root.tag == _DOCUMENT:
        strict_root.set(_DOCUMENT.replace("document", "conformance"), "strict")
    etree.cleanup_namespaces(strict_root)  # moved children's transitional declarations
    return etree.tostring(strict_root, xml_declaration=True, encoding="UTF-8", standalone=True)


def _strict_name(name: str) -> str:
    if not name.startswith("{"):
        return name
    uri, _, local = name[1:].partition("}")
    return f"{{{_strict_uri(uri)}}}{local}"


def to_strict(blob: bytes) -> bytes:
    """A transitional .docx (bytes) as a Strict one, with fixed entry dates (deterministic)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(blob)) as src, zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            data = src.read(info.filename)
            if info.filename.endswith((".xml", ".rels")):
                data = _strict_part(data)
            fixed = zipfile.ZipInfo(info.filename, date_time=ZIP_DATE)
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, data)
    return out.getvalue()
