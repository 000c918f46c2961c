"""Draw a ``PlanSpec`` as a PDF the way Word and Aspose export one, with reportlab's canvas.

Unlike the other builders (LibreOffice strokes lines; reportlab platypus strokes grids):
  - borders are filled rectangles 0.5 pt thick, never strokes;
  - every word is its own text object, placed at its own position;
  - cell shading is a filled rectangle inset 1.5 pt inside the cell's borders;
  - on body (prose) lines every word has a white filled rectangle behind it;
  - a word wider than its column is broken at the character where it overflows.

Options (``spec.options``):
  columns        role of each header: rec_no, rec, response, action, owner, target
  widths         relative column widths
  borders        "grid" (filled-rectangle borders) or "none" (no lines at all)
  repeat_header  draw the header row again on each new page (default True)
  header_fill    RGB of the header shading (default light grey)
  font_size      cell font size in points (default 9)
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab import rl_config
from reportlab.lib.pagesizes import A4, landscape
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from scripts.samples.spec import PlanSpec

FONT, BOLD = "Helvetica", "Helvetica-Bold"
MARGIN = 42.0
PAD_X, PAD_Y = 5.4, 2.0  # Word's default cell margins: 0.19 cm left/right
BORDER = 0.5
INSET = 1.5
PAGE_W, PAGE_H = landscape(A4)


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking as a word processor does; a word wider than the line is broken
    where it overflows."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if stringWidth(trial, font, size) <= width:
                line = trial
                continue
            if line:
                lines.append(line)
            line = ""
            while stringWidth(word, font, size) > width:
                cut = max(1, next(i for i in range(1, len(word) + 1)
                                  if stringWidth(word[:i], font, size) > width) - 1)
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    return lines


class WordLike:
    """A page-by-page writer of prose lines and table rows in Word's export style."""

    def __init__(self, spec: PlanSpec, out: Path):
        rl_config.invariant = 1  # byte-identical output on rebuild
        self.opts: dict[str, Any] = spec.options
        self.size = float(self.opts.get("font_size", 9))
        self.leading = self.size * 1.22
        self.canvas = Canvas(str(out), pagesize=(PAGE_W, PAGE_H), invariant=1)
        self.canvas.setTitle(spec.title or spec.name)
        self.y = PAGE_H - MARGIN
        usable = PAGE_W - 2 * MARGIN
        widths = self.opts["widths"]
        self.widths = [usable * w / sum(widths) for w in widths]

    # -- drawing primitives ---------------------------------------------------------------
    def _fill(self, x: float, top: float, w: float, h: float, rgb: tuple[float, ...]) -> None:
        self.canvas.setFillColorRGB(*rgb)
        self.canvas.rect(x, PAGE_H - top - h, w, h, stroke=0, fill=1)

    def _words(self, line: str, x: float, top: float, font: str, size: float, *,
               white_boxes: bool = False) -> None:
        """One text object per word, as Word's exporter writes them."""
        space = stringWidth(" ", font, size)
        for word in line.split(" "):
            width = stringWidth(word, font, size)
            if white_boxes:
                self._fill(x - 0.5, top - 1, width + 1, size * 1.2, (1, 1, 1))
            self.canvas.setFillColorRGB(0, 0, 0)
            text = self.canvas.beginText(x, PAGE_H - top - size)
            text.setFont(font, size)
            text.textOut(word)
            self.canvas.drawText(text)
            x += width + space

    def new_page(self) -> None:
        self.canvas.showPage()
        self.y = PAGE_H - MARGIN

    # -- prose ----------------------------------------------------------------------------
    def prose(self, text: str, size: float = 10, font: str = FONT, after: float = 6) -> None:
        """A body paragraph, a white box behind every word."""
        for line in wrap(text, font, size, PAGE_W - 2 * MARGIN):
            if self.y - size * 1.25 < MARGIN:
                self.new_page()
            self._words(line, MARGIN, PAGE_H - self.y, font, size, white_boxes=True)
            self.y -= size * 1.25
        self.y -= after

    # -- tables ---------------------------------------------------------------------------
    def _row_height(self, cells: list[str], font: str) -> float:
        lines = [len(wrap(c, font, self.size, w - 2 * PAD_X)) if c else 1
                 for c, w in zip(cells, self.widths, strict=True)]
        return max(lines) * self.leading + 2 * PAD_Y + 2

    def row(self, cells: list[str], *, header: bool = False,
            shade: tuple[float, ...] | None = None) -> None:
        """One table row; moves to a new page (repeating the header) when it does not fit."""
        font = BOLD if header else FONT
        height = self._row_height(cells, font)
        if self.y - height < MARGIN:
            self.new_page()
            if not header and self.opts.get("repeat_header", True):
                self.row(self.headers, header=True)
        top = PAGE_H - self.y
        x = MARGIN
        fill = tuple(self.opts.get("header_fill", (0.85, 0.85, 0.85))) if header else shade
        for text, width in zip(cells, self.widths, strict=True):
            if fill is not None:  # inset inside the borders, as Word draws shading
                self._fill(x + INSET, top + INSET, width - 2 * INSET, height - 2 * INSET, fill)
            for i, line in enumerate(wrap(text, font, self.size, width - 2 * PAD_X) if text
                                     else []):
                self._words(line, x + PAD_X, top + PAD_Y + 1 + i * self.leading, font,
                            self.size)
            x += width
        if self.opts.get("borders", "grid") == "grid":
            self._borders(top, height)
        self.y -= height

    def _borders(self, top: float, height: float) -> None:
        """Borders as thin filled rectangles: a top edge, a bottom edge, one per column line."""
        left, right = MARGIN, MARGIN + sum(self.widths)
        black = (0, 0, 0)
        self._fill(left, top - BORDER / 2, right - left, BORDER, black)
        self._fill(left, top + height - BORDER / 2, right - left, BORDER, black)
        x = left
        for width in [0.0, *self.widths]:
            x += width
            self._fill(x - BORDER / 2, top, BORDER, height, black)

    def close(self) -> None:
        self.canvas.showPage()
        self.canvas.save()


def _plan_rows(spec: PlanSpec) -> list[list[str]]:
    """Cell texts of the plan table: one row per action, the rec's cells on its first row."""
    columns: list[str] = spec.options["columns"]
    rows = []
    for rec in spec.recs:
        for i, action in enumerate(rec.actions or [None]):
            first = i == 0
            values = {
                "rec_no": (rec.number or "") if first else "",
                "rec": rec.text if first else "",
                "response": (rec.response_raw or "") if first else "",
                "action": "" if action is None else (
                    f"{action.number}. {action.text}" if action.number else action.text),
                "owner": "" if action is None else action.owners_raw,
                "target": "" if action is None else action.target_raw,
            }
            rows.append([values[c] for c in columns])
    return rows


def render(spec: PlanSpec, out: Path) -> None:
    """Write the plan as a Word-like PDF."""
    doc = WordLike(spec, out)
    doc.headers = list(spec.headers)
    if spec.title:
        doc.prose(spec.title, size=14, font=BOLD)
    for paragraph in spec.front_matter:
        doc.prose(paragraph)
    doc.row(doc.headers, header=True)
    for cells in _plan_rows(spec):
        doc.row(cells)
    doc.close()


def render_prose(title: str, paragraphs: list[str], out: Path) -> None:
    """A prose report (no table), a white box behind every word, as Word exports body text."""
    spec = PlanSpec(name="prose", template="wordlike", front_matter=[], headers=[], recs=[],
                    options={"widths": [1]})
    doc = WordLike(spec, out)
    doc.prose(title, size=14, font=BOLD)
    for paragraph in paragraphs:
        doc.prose(paragraph)
    doc.close()
