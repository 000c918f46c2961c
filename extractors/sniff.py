"""Judge a file's format from its bytes, never its name, and refuse unsafe containers early."""

from __future__ import annotations

import zipfile
from pathlib import Path

from extractors.errors import (
    NEEDS_PASSWORD,
    DamagedDocument,
    EncryptedDocument,
    UnsupportedFormat,
    unreadable_zip,
)

# Formats the readers cannot open directly but LibreOffice can turn into .docx.
CONVERTIBLE = ("doc", "odt")

_OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Stream names inside an OLE2 compound file, stored as UTF-16LE directory entries.
_OLE_WORD_STREAM = "WordDocument".encode("utf-16-le")
_OLE_ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body")


def detect_format(path: Path) -> str:
    """Return 'pdf', 'docx', 'doc' or 'odt' judged by the bytes, or raise with a one-line reason."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise DamagedDocument("empty file (0 bytes)", path=str(path))
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK"):
        return _zip_format(path)
    if head.startswith(_OLE2_MAGIC):
        return _ole_format(path)
    lowered = head.lstrip().lower()
    if any(marker in lowered[:512] for marker in _HTML_MARKERS):
        raise UnsupportedFormat(
            "not a PDF or DOCX: the bytes are an HTML page (a saved web page renamed?)",
            path=str(path),
        )
    raise UnsupportedFormat("not a PDF or DOCX document (judged by its bytes)", path=str(path))


def _zip_format(path: Path) -> str:
    try:
        with zipfile.ZipFile(path) as zf:
            names = set(zf.namelist())
            mimetype = b""
            if "mimetype" in names:
                with zf.open("mimetype") as fh:  # a bounded read: never the whole member
                    mimetype = fh.read(100)
    except (zipfile.BadZipFile, OSError, EOFError) as exc:
        raise DamagedDocument("damaged or truncated ZIP container", path=str(path)) from exc
    except NotImplementedError as exc:
        raise unreadable_zip(exc, path) from exc
    if "word/document.xml" in names:
        return "docx"
    if mimetype.startswith(_ODT_MIMETYPE):
        return "odt"
    raise UnsupportedFormat("ZIP file that is not a Word .docx document", path=str(path))


def _ole_format(path: Path) -> str:
    # The directory of a compound file is small and sits anywhere; legacy files are small
    # enough (size cap applies before this) that one bounded read finds the stream names.
    with path.open("rb") as fh:
        data = fh.read(64 << 20)
    if _OLE_ENCRYPTED_PACKAGE in data:
        raise EncryptedDocument(f"{NEEDS_PASSWORD} (password-protected Word document)",
                                path=str(path))
    if _OLE_WORD_STREAM in data:
        return "doc"
    raise UnsupportedFormat(
        "an Office compound file that is not a Word document (Excel or PowerPoint?)",
        path=str(path),
    )
