"""Format-specific readers. Each turns one file into the intermediate form of ``layout``.

``READERS`` is the one registry of supported formats: the CLI's file walk and the
"unsupported format" message are derived from it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from extractors.layout import Document

Reader = Callable[..., Document]  # (path, **reader options) -> Document


def _read_pdf(path: Path, only_pages: set[int] | None = None) -> Document:
    from extractors.pdf import read_pdf

    return read_pdf(path, only_pages)


def _read_docx(path: Path) -> Document:
    from extractors.docx import read_docx

    return read_docx(path)


# Imported lazily so that reading a DOCX never loads pdfminer and vice versa.
READERS: dict[str, Reader] = {"pdf": _read_pdf, "docx": _read_docx}
