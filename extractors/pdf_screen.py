"""A quick look at a PDF's text, page by page, before the full reader runs.

pdfium extracts a page's text in milliseconds where the geometric reader needs a tenth of a
second or more, so a long document that cannot hold a plan is dismissed without being read.
"""

from __future__ import annotations

from pathlib import Path

import pypdfium2 as pdfium


def quick_page_texts(path: Path) -> list[str] | None:
    """Each page's text in content order, or None when pdfium cannot read the file (the full
    reader then gives the reason)."""
    try:
        document = pdfium.PdfDocument(str(path))
    except (pdfium.PdfiumError, OSError, ValueError):
        return None
    texts: list[str] = []
    try:
        for index in range(len(document)):
            page = document[index]
            textpage = page.get_textpage()
            try:
                texts.append(textpage.get_text_range())
            finally:
                textpage.close()
                page.close()
    except (pdfium.PdfiumError, ValueError):
        return None
    finally:
        document.close()
    return texts
