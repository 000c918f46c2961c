"""Remove or refuse content a legacy document links to, before LibreOffice ever sees it.

LibreOffice resolves what a document links to (images, sections, DDE, auto-reload) while
loading it, which makes the machine fetch what the document names. The conversion also
runs with no network and LibreOffice's own blocking on; this is the first of those layers.

- .odt: a copy is written without links out of the package: every ``xlink:href`` that is
  not a path inside the package is dropped (a hyperlink keeps its text), elements that
  pull in outside content (linked sections, DDE, plugins, frames, scripts, event
  listeners) are removed, and ``settings.xml`` (which can ask for links to be updated on
  load) and macro folders are left out.
- .doc: fields that pull in outside content (INCLUDEPICTURE, INCLUDETEXT, LINK, DDE,
  DDEAUTO, IMPORT) cannot be removed from the binary format safely, so the file is refused.
"""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from extractors.errors import DamagedDocument, UnsupportedFormat, damaged
from extractors.guard import DEFAULT_LIMITS, GuardLimits, read_member

_XLINK_HREF = "{http://www.w3.org/1999/xlink}href"
_NS = {
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "draw": "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0",
    "script": "urn:oasis:names:tc:opendocument:xmlns:script:1.0",
}
# Elements whose only purpose is to pull in or run something from outside the package.
_OUTSIDE_ELEMENTS = frozenset(
    f"{{{_NS[prefix]}}}{local}"
    for prefix, local in (
        ("text", "section-source"), ("text", "dde-connection-decls"),
        ("text", "dde-connection"), ("office", "dde-source"), ("table", "table-source"),
        ("table", "dde-links"), ("table", "dde-link"), ("draw", "plugin"), ("draw", "applet"),
        ("draw", "floating-frame"), ("office", "scripts"), ("office", "event-listeners"),
        ("script", "event-listener"), ("text", "script"),
    )
)
# Package members left out of the copy: view settings (LinkUpdateMode) and macros.
_DROPPED_MEMBERS = re.compile(r"^(settings\.xml|Basic/|Scripts/|Dialogs/)", re.IGNORECASE)
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:")

# Word field codes that fetch or embed outside content; a field's instruction follows the
# field-begin mark 0x13, in 8-bit or UTF-16LE text.
_DOC_FETCHING_FIELDS = ("INCLUDEPICTURE", "INCLUDETEXT", "LINK", "DDEAUTO", "DDE", "IMPORT")
_DOC_FIELD_8BIT = re.compile(
    rb"\x13[ \t]*(" + b"|".join(f.encode() for f in _DOC_FETCHING_FIELDS) + rb")\b",
    re.IGNORECASE,
)
_DOC_FIELD_UTF16 = re.compile(
    rb"\x13\x00(?:[ \t]\x00)*("
    + b"|".join(re.escape(f.encode("utf-16-le")) for f in _DOC_FETCHING_FIELDS)
    + rb")",
    re.IGNORECASE,
)


def is_outside_reference(href: str) -> bool:
    """True unless ``href`` names a place inside the document's own package (or a bookmark)."""
    value = href.strip()
    if not value or value.startswith("#"):
        return False
    if _SCHEME.match(value) or value.startswith(("/", "\\")):
        return True
    parts = re.split(r"[\\/]", value)
    return ".." in parts


def copy_without_links(source: Path, target: Path, fmt: str,
                       limits: GuardLimits = DEFAULT_LIMITS) -> None:
    """Copy a .doc/.odt to ``target`` ready for LibreOffice: links removed, or refused."""
    if fmt == "odt":
        _odt_without_links(source, target, limits)
        return
    _refuse_doc_with_fetching_fields(source)
    shutil.copyfile(source, target)


def _refuse_doc_with_fetching_fields(path: Path) -> None:
    data = path.read_bytes()  # the batch's size cap has already bounded this
    found = _DOC_FIELD_8BIT.search(data) or _DOC_FIELD_UTF16.search(data)
    if found is None:
        return
    raw = found.group(1)
    name = raw.decode("utf-16-le") if b"\x00" in raw else raw.decode("ascii")
    raise UnsupportedFormat(
        f"refused: this .doc pulls in outside content ({name.upper()} field); "
        "save it as .docx with links broken",
        path=str(path),
    )


def _odt_without_links(source: Path, target: Path, limits: GuardLimits) -> None:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False,
                             huge_tree=False)
    budget = [limits.max_unzipped_bytes]
    try:
        with zipfile.ZipFile(source) as zin, zipfile.ZipFile(target, "w") as zout:
            for info in zin.infolist():
                if _DROPPED_MEMBERS.match(info.filename) or info.is_dir():
                    continue
                data = read_member(zin, info, limits, budget, path=source)
                if info.filename.lower().endswith(".xml") and data.strip():
                    data = _xml_without_links(data, parser)
                method = zipfile.ZIP_STORED if info.filename == "mimetype" else (
                    zipfile.ZIP_DEFLATED)
                zout.writestr(zipfile.ZipInfo(info.filename, info.date_time), data, method)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DamagedDocument("damaged or truncated .odt (ZIP container)",
                              path=str(source)) from exc
    except etree.XMLSyntaxError as exc:
        raise damaged(".odt", exc, source) from exc


def _xml_without_links(data: bytes, parser: object) -> bytes:
    from lxml import etree

    root = etree.fromstring(data, parser)  # type: ignore[arg-type]
    doomed = []
    for element in root.iter():
        if not isinstance(element.tag, str):
            continue  # comments and processing instructions
        if element.tag in _OUTSIDE_ELEMENTS:
            doomed.append(element)
            continue
        href = element.get(_XLINK_HREF)
        if href is not None and is_outside_reference(href):
            del element.attrib[_XLINK_HREF]
    for element in doomed:
        parent = element.getparent()
        if parent is not None:
            parent.remove(element)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")
