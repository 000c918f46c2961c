"""Convert a transitional .docx to Strict OOXML, the way Word's "Strict Open XML Document"
save names things: Strict namespaces, Strict relationship types, ``w:conformance="strict"``.

Usage: ``.venv/bin/python -m scripts.samples.strict SOURCE.docx TARGET.docx``, or
``.venv/bin/python -m scripts.samples.strict NAME`` to write ``samples/strict_NAME.docx`` from
the committed ``samples/NAME.docx`` with the expected JSON of NAME's spec (the content is the
same). The tests use ``to_strict`` on documents they build. Prefixes are kept; only namespace
names and relationship types change, so each converted part is the same markup.
"""

from __future__ import annotations

import io
import json
import sys
import zipfile
from pathlib import Path

from lxml import etree

from extractors.docx_strict import (
    NAMESPACES,
    RELATIONSHIP_NAMES,
    STRICT_RELATIONSHIPS,
    TRANSITIONAL_RELATIONSHIPS,
)
from scripts.samples.spec import expected_json

TO_STRICT = {transitional: strict for strict, transitional in NAMESPACES.items()}
NAMES_TO_STRICT = {transitional: strict for strict, transitional in RELATIONSHIP_NAMES.items()}
_RELATIONSHIP = "{http://schemas.openxmlformats.org/package/2006/relationships}Relationship"
_DOCUMENT = "{http://purl.oclc.org/ooxml/wordprocessingml/main}document"
ZIP_DATE = (2020, 1, 1, 0, 0, 0)
SAMPLES = Path(__file__).resolve().parents[2] / "samples"


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


def build_sample(name: str, samples: Path = SAMPLES) -> Path:
    """samples/strict_NAME.docx and its expected JSON, from sample NAME and its spec."""
    from scripts.build_samples import all_specs

    (spec,) = [s for s in all_specs() if s.name == name]
    target = samples / f"strict_{name}.docx"
    target.write_bytes(to_strict((samples / f"{name}.docx").read_bytes()))
    expected = json.dumps(expected_json(spec), indent=2, ensure_ascii=False) + "\n"
    (samples / f"strict_{name}.expected.json").write_text(expected, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    """Convert SOURCE to TARGET, or build the Strict sample of NAME."""
    args = sys.argv[1:] if argv is None else argv
    if len(args) == 1:
        print(build_sample(args[0]))
        return 0
    if len(args) != 2:
        print("usage: python -m scripts.samples.strict SOURCE.docx TARGET.docx | NAME",
              file=sys.stderr)
        return 2
    source, target = (Path(a) for a in args)
    target.write_bytes(to_strict(source.read_bytes()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
