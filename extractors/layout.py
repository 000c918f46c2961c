"""The intermediate form every reader produces and ``pipeline/`` consumes.

A document is an ordered list of blocks: body paragraphs and tables. A table is rows of
cells on a column grid; a cell holds paragraphs, and a paragraph holds its visual lines
with page and position where the format records them (PDF) or just its text (DOCX). A
table drawn inside a cell is a grid of its own in ``Cell.nested``.
Readers describe what the document shows; deciding what it means is the pipeline's job.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Literal

# Bullet glyphs as they reach us: Unicode ones, and the Symbol/Wingdings private-use code
# points Word writes into PDFs for its default bullets (U+F0B7 and friends).
# Paragraph style given to a page header/footer line kept as text (first page only).
RUNNING = "page furniture"

BULLET_CHARS = "•▪◦●·∙■□➢►✓✔→*\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8\uf06e\uf071"


@dataclass(slots=True)
class Line:
    """One visual line of text; coordinates in PDF points from the page's top-left.

    ``joiner`` is what stands between this line and the one before it in the paragraph's
    text: a space after a wrap, or nothing inside a word the column broke ("Co-" "ordinator").
    Readers leave a space; the pipeline decides (``pipeline.text.mend_cut_words``) from the
    page's evidence the reader records: ``ends_in_space``, the producer wrote a space glyph
    after the line's last word (so it ends a word), and ``fills_width``, the line's text
    reaches the right edge of its box (only a word wider than the column is ever cut).
    """

    text: str
    page: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    joiner: str = " "
    ends_in_space: bool = False
    fills_width: bool = False


@dataclass(frozen=True, slots=True)
class CellRef:
    """Where a DOCX paragraph stands in a table, each index from 0 in document order: the
    document's ``w:tbl`` elements (nested tables counted), the table's ``w:tr``, the row's
    ``w:tc`` and the cell's ``w:p`` elements (those of tables nested in it included), looking
    through content controls. It names the paragraph's innermost cell."""

    table: int
    row: int
    cell: int
    paragraph: int


@dataclass(slots=True)
class Paragraph:
    """A paragraph: a hard break in DOCX, or lines the PDF reader grouped by geometry.

    Breaks the author made are paragraph breaks (DOCX paragraphs; PDF lines that ended
    although the next line's first word would have fitted, gaps, list labels). Between the
    ``lines`` of one paragraph the layout wrapped a full line; a ``\n`` in a DOCX paragraph's
    text is a line break the author typed.

    ``label`` is a list number or bullet the format generates rather than stores as text
    (Word auto-numbering); printed numbers stay in ``text``.

    Where it came from: a PDF paragraph's ``lines`` carry their boxes; a DOCX paragraph
    carries its number among the document's ``w:p`` elements in document order (``number``,
    from 0) and, in a table, its cell (``ref``). Every value's provenance is built from these.
    """

    text: str
    lines: list[Line] = field(default_factory=list)
    label: str | None = None
    page: int | None = None
    style: str | None = None
    ref: CellRef | None = None
    number: int | None = None

    @property
    def labelled_text(self) -> str:
        """Text with its generated label in front, as a reader of the page would see it."""
        return f"{self.label} {self.text}" if self.label else self.text


@dataclass(slots=True)
class Cell:
    """A table cell on the grid: ``col`` is its first grid column, ``span`` how many it covers.

    ``continued`` marks a vertically merged cell covered by the one above (DOCX vMerge
    continuation): it shows nothing of its own.

    ``nested`` holds the tables drawn inside the cell, each read as its own grid. Their
    paragraphs are also in ``paragraphs`` (the same objects, in reading order), so a reader
    of the cell that ignores nesting still sees all of its text.
    """

    paragraphs: list[Paragraph]
    col: int
    span: int = 1
    page: int | None = None
    x0: float | None = None
    top: float | None = None
    x1: float | None = None
    bottom: float | None = None
    continued: bool = False
    nested: list[Table] = field(default_factory=list)

    @property
    def text(self) -> str:
        """All paragraphs, labels included, one per line."""
        paragraphs = self.paragraphs
        if len(paragraphs) == 1:  # most cells; the stages ask for their text again and again
            return paragraphs[0].labelled_text
        return "\n".join([text for p in paragraphs if (text := p.labelled_text)])

    def paragraphs_outside(self, tables: list[Table]) -> list[Paragraph]:
        """The cell's paragraphs less those of ``tables`` (some of its nested tables)."""
        inner = {id(p) for table in tables for p in table.paragraphs()}
        return [p for p in self.paragraphs if id(p) not in inner]

    @property
    def own_text(self) -> str:
        """The cell's text outside its nested tables."""
        own = self.paragraphs_outside(self.nested)
        return "\n".join(p.labelled_text for p in own if p.labelled_text)


@dataclass(slots=True)
class Row:
    cells: list[Cell]
    page: int | None = None
    top: float | None = None
    bottom: float | None = None


@dataclass(slots=True)
class Table:
    """A table, or on PDF the part of one drawn on a single page."""

    rows: list[Row]
    n_cols: int
    page: int | None = None
    col_edges: list[float] | None = None  # PDF: x of each grid line, n_cols + 1 values
    top: float | None = None
    bottom: float | None = None
    ruled: Literal["grid", "horizontal", "none"] = "grid"

    def paragraphs(self) -> list[Paragraph]:
        """Every paragraph of the table, row by row and cell by cell (nested ones included)."""
        return [p for row in self.rows for cell in row.cells for p in cell.paragraphs]


Block = Paragraph | Table


@dataclass(slots=True)
class Document:
    """Everything a reader found in one file, in reading order."""

    path: str
    format: Literal["pdf", "docx"]
    blocks: list[Block]
    pages: int | None = None
    notes: list[str] = field(default_factory=list)  # reader-level warnings
    # PDF pages read turned from what their /Rotate says: page -> the rotation read as, the
    # frame their boxes are measured in (a viewer draws the page by its own /Rotate).
    rotations: dict[int, int] = field(default_factory=dict)

    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]

    def texts(self) -> Iterator[str]:
        """Every body paragraph, then every table cell, as text."""
        for para in self.paragraphs():
            yield para.text
        for table in self.tables():
            for row in table.rows:
                for cell in row.cells:
                    yield cell.text
