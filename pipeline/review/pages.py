"""PDF pages as small JPEG images for the review page, rendered with pypdfium2.

The resolution is chosen so that a long plan's review stays small: at RENDER_DPI an A4 page
is about 800 x 1120 pixels, 60-120 KB as JPEG, so 100 pages stay under ~15 MB once encoded
in the page (base64 adds a third). Pages past ``max_pages`` are not rendered.
"""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from pathlib import Path

# Enough to read 9-point text on screen, no more: the page is for looking, not printing.
RENDER_DPI = 96
POINTS_PER_INCH = 72
# A page drawn larger than A3 is scaled down to this many pixels on its longer side, so one
# poster-sized page cannot blow the budget.
MAX_SIDE_PX = 1600
JPEG_QUALITY = 60
DEFAULT_MAX_PAGES = 100


@dataclass(frozen=True, slots=True)
class PageImage:
    """One rendered page: its number, its size in points (the boxes' units), the image."""

    number: int
    width: float
    height: float
    data_uri: str


def render_pages(path: Path, max_pages: int = DEFAULT_MAX_PAGES,
                 rotations: dict[int, int] | None = None) -> list[PageImage]:
    """Render the first ``max_pages`` pages, each turned as the reader read it
    (``rotations``: page -> degrees, for pages it read other than their /Rotate says), so the
    boxes land on what they outline."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        out = []
        for index in range(min(len(pdf), max_pages)):
            page = pdf[index]
            if rotations and index + 1 in rotations:
                page.set_rotation(rotations[index + 1])  # in memory only
            try:
                out.append(_render(page, index + 1))
            finally:
                page.close()
        return out
    finally:
        pdf.close()


def _render(page, number: int) -> PageImage:  # noqa: ANN001 - a pypdfium2 PdfPage
    width, height = page.get_size()
    scale = RENDER_DPI / POINTS_PER_INCH
    scale = min(scale, MAX_SIDE_PX / max(width, height, 1.0))
    bitmap = page.render(scale=scale)
    try:
        image = bitmap.to_pil().convert("RGB")
    finally:
        bitmap.close()
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=JPEG_QUALITY, optimize=True)
    encoded = base64.b64encode(buffer.getvalue()).decode("ascii")
    return PageImage(number, float(width), float(height), f"data:image/jpeg;base64,{encoded}")
