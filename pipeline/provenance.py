"""Where each value was read: the readers' boxes and cell references, gathered into models.

The readers record where every paragraph stands (a PDF line's box, a DOCX paragraph's
cell); assembly keeps the paragraphs each value is made of, and this module turns them into
``Provenance``. Nothing here looks at the document again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from extractors.layout import Line, Paragraph
from pipeline.models import Box, CellPosition, Owner, Provenance

# Boxes are kept to a hundredth of a point: finer than any glyph, and the JSON stays short.
BOX_DIGITS = 2


def provenance_of(paragraphs: Iterable[Paragraph]) -> Provenance | None:
    """The boxes (PDF) or cells (DOCX) of ``paragraphs``; None when the reader recorded neither."""
    paragraphs = list(paragraphs)
    boxes = boxes_of([ln for p in paragraphs for ln in p.lines])
    cells = cells_of(paragraphs)
    body = [p.number for p in paragraphs if p.ref is None and p.number is not None]
    if not boxes and not cells and not body:
        return None
    return Provenance(boxes=boxes, cells=cells, paragraphs=list(dict.fromkeys(body)))


def joined(parts: Iterable[Provenance | None]) -> Provenance | None:
    """One provenance for a value read from several places, in order; None when none is known."""
    known = [p for p in parts if p is not None]
    if not known:
        return None
    return Provenance(boxes=[b for p in known for b in p.boxes],
                      cells=[c for p in known for c in p.cells],
                      paragraphs=list(dict.fromkeys(n for p in known for n in p.paragraphs)))


def boxes_of(lines: Iterable[Line]) -> list[Box]:
    """One box per page around the lines on it, pages in the order the lines reach them."""
    if isinstance(lines, list) and len(lines) == 1:
        # A value on one line (most owners and dates, many a short text): its own box.
        ln = lines[0]
        page, x0, top, x1, bottom = ln.page, ln.x0, ln.top, ln.x1, ln.bottom
        if page is None or x0 is None or top is None or x1 is None or bottom is None:
            return []
        return [Box(page=page, x0=round(float(x0), BOX_DIGITS), top=round(float(top), BOX_DIGITS),
                    x1=round(float(x1), BOX_DIGITS), bottom=round(float(bottom), BOX_DIGITS))]
    found: dict[int, list[float]] = {}
    for ln in lines:
        page, x0, top, x1, bottom = ln.page, ln.x0, ln.top, ln.x1, ln.bottom
        if page is None or x0 is None or top is None or x1 is None or bottom is None:
            continue
        box = found.get(page)
        if box is None:
            found[page] = [float(x0), float(top), float(x1), float(bottom)]
            continue
        # The comparisons of min() and max(), which keep the box's edge on a tie.
        if x0 < box[0]:
            box[0] = float(x0)
        if top < box[1]:
            box[1] = float(top)
        if x1 > box[2]:
            box[2] = float(x1)
        if bottom > box[3]:
            box[3] = float(bottom)
    return [
        Box(page=page, x0=round(box[0], BOX_DIGITS), top=round(box[1], BOX_DIGITS),
            x1=round(box[2], BOX_DIGITS), bottom=round(box[3], BOX_DIGITS))
        for page, box in found.items()
    ]


def cells_of(paragraphs: Iterable[Paragraph]) -> list[CellPosition]:
    """The DOCX cells the paragraphs stand in, each once, with the paragraphs' numbers."""
    cells: dict[tuple[int, int, int], CellPosition] = {}
    for para in paragraphs:
        ref = para.ref
        if ref is None:
            continue
        key = (ref.table, ref.row, ref.cell)
        cell = cells.get(key)
        if cell is None:
            cell = cells[key] = CellPosition(table=ref.table, row=ref.row, cell=ref.cell,
                                             page=para.page)
        if ref.paragraph not in cell.paragraphs:
            cell.paragraphs.append(ref.paragraph)
    return list(cells.values())


# A unit is one visual line of a PDF paragraph, or a whole DOCX paragraph.
_Unit = tuple[str, Paragraph, Line | None]


def _units(paragraphs: Sequence[Paragraph]) -> list[_Unit]:
    out: list[_Unit] = []
    for para in paragraphs:
        if para.lines:
            out.extend((ln.text, para, ln) for ln in para.lines)
        else:
            out.append((para.labelled_text, para, None))
    return out


class _Cell:
    """A cell's paragraphs as the units values are matched to, each unit's text squeezed
    once, and the whole cell's provenance worked out once, when a value needs it: a cell of
    several owners is searched once per owner."""

    def __init__(self, paragraphs: Sequence[Paragraph]) -> None:
        self.paragraphs = paragraphs
        self.units = _units(paragraphs)
        self.squeezed = [_squeeze(text) for text, _, _ in self.units]
        self._whole: list[Provenance | None] = []

    def whole(self) -> Provenance | None:
        """The provenance of all of the cell's paragraphs."""
        if not self._whole:
            self._whole.append(provenance_of(self.paragraphs))
        return self._whole[0]

    def place(self, raw: str, start: int) -> tuple[Provenance | None, int]:
        """Where ``raw`` is spelt from unit ``start`` on (else the whole cell), and the
        first unit of its run (else ``start``)."""
        run = _run_spelling(self.squeezed, raw, start)
        if run is None:
            return self.whole(), start
        first, last = run
        return _unit_provenance(self.units[first : last + 1]) or self.whole(), first


def place_owners(owners: Sequence[Owner], paragraphs: Sequence[Paragraph]) -> list[Owner]:
    """Give each owner the part of its cell it was parsed from.

    The owner parser works on the cell's lines and keeps their order, so owners are matched
    to runs of the cell's own lines in order (a PDF line, or a DOCX paragraph); an owner that
    no run spells out (an expansion, a split inside a word) gets the whole cell.
    """
    if not owners:
        return []  # an action without owners: its cell's lines are not looked at
    cell = _Cell(paragraphs)
    placed: list[Owner] = []
    start = 0
    for owner in owners:
        where, start = cell.place(owner.raw, start)
        placed.append(owner.model_copy(update={"provenance": where}))
    return placed


def place_text(raw: str, paragraphs: Sequence[Paragraph]) -> Provenance | None:
    """The lines of ``paragraphs`` that spell ``raw`` (one of several dates stacked in a
    cell), else all of them."""
    return _Cell(paragraphs).place(raw, 0)[0]


def _squeeze(text: str) -> str:
    """Text without spaces and case: wrapping and cut words do not matter."""
    return "".join(text.split()).casefold()  # the same words as ``clean(text)`` has


def _run_spelling(squeezed: list[str], raw: str, start: int) -> tuple[int, int] | None:
    """The shortest run of units (their ``squeezed`` texts) from ``start`` on whose text
    holds ``raw``, earliest first."""
    wanted = _squeeze(raw)
    if not wanted:
        return None
    runs: list[tuple[int, int]] = []
    for first in range(start, len(squeezed)):
        head = squeezed[first]
        if wanted in head:
            # One unit alone: no run is shorter, and none found later starts earlier.
            runs.append((first, first))
            break
        text = head
        for last in range(first + 1, len(squeezed)):
            if len(text) > len(wanted) + len(head):
                break
            text += squeezed[last]
            if wanted in text:
                runs.append((first, last))
                break
    return min(runs, key=lambda run: (run[1] - run[0], run[0])) if runs else None


def _unit_provenance(units: list[_Unit]) -> Provenance | None:
    lines = [ln for _, _, ln in units if ln is not None]
    if lines:
        boxes = boxes_of(lines)
        return Provenance(boxes=boxes) if boxes else None
    seen: list[Paragraph] = []
    for _, para, _ in units:
        if all(para is not p for p in seen):
            seen.append(para)
    return provenance_of(seen)
