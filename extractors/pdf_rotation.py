"""Pages read the right way up, whatever their /Rotate says.

A page's /Rotate turns it for display. Usually that makes sideways-drawn content upright (a
landscape page in a portrait box), but a page turned in a viewer and saved carries a /Rotate
that turns upright content sideways. pdfminer applies /Rotate as given; a table read with
its text running down the page is lost. So the direction of the characters decides: when
most of a page's characters do not read left to right, the page is read again turned by each
other quarter, and the turn under which most characters read left to right wins.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extractors.pdf_pages import char_matrix_counts

# A page whose characters read left to right at least this often is taken as it is.
UPRIGHT_SHARE = 0.5
# Characters sampled per page: enough to judge direction, few enough to stay cheap.
_SAMPLE = 2000


def upright_share(page: Any) -> float | None:
    """Share of the page's characters that read left to right; None for a page without text."""
    counts = char_matrix_counts(page, _SAMPLE)
    total = sum(n for _, n in counts)
    if not total:
        return None
    upright = 0
    for matrix, n in counts:
        a, b, c, d = matrix[:4]
        # Left to right and not mirrored: the glyph's x axis points right, its y axis up
        # (PDF space), whatever the font size.
        if a > 0 and d > 0 and abs(b) <= 0.1 * a and abs(c) <= 0.1 * d:
            upright += n
    return upright / total


def upright_page(page: Any, turn: Callable[[int], Any]) -> tuple[Any, str | None]:
    """The page turned so its text reads left to right (``turn(rotation)`` reads the page
    again as if its /Rotate were ``rotation``), and a note when it was turned or when no
    turn straightens it."""
    share = upright_share(page)
    if share is None or share >= UPRIGHT_SHARE:
        return page, None
    original = page.rotation
    best, best_share = page, share
    for quarter in (90, 270, 180):
        candidate = turn((original + quarter) % 360)
        candidate_share = upright_share(candidate) or 0.0
        if candidate_share > best_share:
            best, best_share = candidate, candidate_share
        if best_share >= UPRIGHT_SHARE:
            break
    if best_share >= UPRIGHT_SHARE:
        return best, (f"page {page.page_number} is turned by its /Rotate {original}; "
                      f"read the right way up (as /Rotate {best.rotation})")
    return page, (f"page {page.page_number}: most text does not run left to right under any "
                  "rotation; it may be read wrongly")
