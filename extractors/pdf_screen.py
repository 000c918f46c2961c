"""A quick look at a PDF's text, page by page, before the full reader runs.

pdfium extracts a page's text in milliseconds where the geometric reader needs a tenth of a
second or more, so a long document that cannot hold a plan is dismissed without being read.

Inside ``screened_pdf`` the document the screen opened, and the pages it loaded (with their
text pages), are handed to the reader of the same file (``extractors.pdf_pages.open_pdf``),
so each page is loaded and its text analysed by pdfium once, not once for each pass.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pypdfium2 as pdfium

# A document of at most this many pages keeps its loaded pages from the screen for the read:
# a page and its text page hold about 0.3 MB (13 MB at most), where a longer document is
# read in part (pipeline/screen.py) and one page at a time.
KEPT_PAGES = 40


@dataclass
class _Screened:
    """The screen's open document and the pages it loaded, until the reader takes them."""

    path: str
    document: Any
    pages: dict[int, tuple[Any, Any]] = field(default_factory=dict)  # index: (page, text)

    def close(self) -> None:
        for page, textpage in self.pages.values():
            textpage.close()
            page.close()
        self.pages.clear()
        self.document.close()


_current: _Screened | None = None


@contextlib.contextmanager
def screened_pdf(path: Path) -> Iterator[list[str] | None]:
    """Each page's text in content order (None when pdfium cannot read the file: the full
    reader then gives the reason); a reader of ``path`` inside the block reuses what the
    screen loaded, and whatever it did not take is closed on leaving."""
    global _current
    screened = _screen(path)
    previous, _current = _current, screened[1]
    try:
        yield screened[0]
    finally:
        _current = previous
        if screened[1] is not None:
            screened[1].close()


def take_screened(path: Path) -> tuple[Any, dict[int, tuple[Any, Any]]] | None:
    """The screen's open document of ``path`` and its loaded pages, for the reader to use
    (the document stays the screen's to close); None outside ``screened_pdf``."""
    if _current is None or _current.path != str(path):
        return None
    pages = dict(_current.pages)
    _current.pages.clear()
    return _current.document, pages


def quick_page_texts(path: Path) -> list[str] | None:
    """Each page's text in content order, or None when pdfium cannot read the file."""
    texts, screened = _screen(path)
    if screened is not None:
        screened.close()
    return texts


def _screen(path: Path) -> tuple[list[str] | None, _Screened | None]:
    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError):
        return None, None
    screened = _Screened(str(path), document)
    keep = len(document) <= KEPT_PAGES
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            if keep:
                screened.pages[index] = (page, textpage)
            else:
                textpage.close()
                page.close()
    except (pdfium.PdfiumError, ValueError):
        screened.close()
        return None, None
    return texts, screened
