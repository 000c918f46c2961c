"""Judge a file's format from its bytes, never its name."""

from __future__ import annotations

import zipfile
from pathlib import Path

from pipeline.errors import DamagedDocument, UnsupportedFormat


def detect_format(path: Path) -> str:
    """Return 'pdf' or 'docx' for a readable input, or raise with a one-line reason."""
    with path.open("rb") as fh:
        head = fh.read(1024)
    if not head:
        raise DamagedDocument("empty file (0 bytes)", path=str(path))
    if b"%PDF-" in head:
        return "pdf"
    if head.startswith(b"PK"):
        try:
            with zipfile.ZipFile(path) as zf:
                names = set(zf.namelist())
        except zipfile.BadZipFile as exc:
            raise DamagedDocument("damaged or truncated ZIP container", path=str(path)) from exc
        if "word/document.xml" in names:
            return "docx"
        raise UnsupportedFormat("ZIP file that is not a Word .docx document", path=str(path))
    raise UnsupportedFormat("not a PDF or DOCX document (judged by its bytes)", path=str(path))
