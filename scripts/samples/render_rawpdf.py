"""Draw a ``PlanSpec`` as a PDF written byte by byte, with no PDF library (template ``rawpdf``).

Unlike every other builder here (LibreOffice, reportlab, Chromium), the content streams are
written by hand the way some typesetting and print-to-PDF drivers write them:
  - body text is one text object per line, each line one ``TJ`` array: no space glyphs at
    all (``word_spaces`` "offset"), a word gap being a displacement in the array, and kerning
    pairs (``To``, ``Yo``, ``r.`` …) tightened inside words;
  - header and section rows are one text object per glyph, each placed by its own ``Tm``;
  - every rule is a thin filled rectangle (``re f``), never a stroke; rules between the actions
    of one recommendation cross the action columns only, as Word draws merged cells;
  - the plan sits inside a page-wide outer table: a frame around the page's content, a shaded
    title row at its top on every page, front matter in a second row on the first page;
  - the standard 14 fonts (Helvetica, Helvetica-Bold), not embedded, WinAnsiEncoding.

Options (``spec.options``):
  columns        role of each column: rec_no, rec_text, response, action, owner, target,
                 extra:KEY (``ActionSpec.extras[KEY]``)
  widths         relative column widths
  font_size      cell text size in points (default 9)
  header_fill    RGB hex of the header row (default 1F3864, white bold text)
  section_fill   RGB hex of section rows (default D9E2F3)
  repeat_header  draw the header row again at the top of each page (default True)
  word_spaces    "offset" (default: gaps are TJ displacements) or "glyph" (space characters)
  borders        "grid" (default), "horizontal" (a rule above each recommendation and the
                 header, none between actions, no column rules) or "none" (no rules at all)
  frame          draw the page-wide outer table (default True); False: the title once, as
                 a heading above the front matter
  split_rows     cut a row that does not fit at the page end, line by line (default: move
                 it whole to the next page)
Numbered actions are printed "<number> <text>" in the action column.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlab.pdfbase.pdfmetrics import stringWidth  # metrics only: the AFM widths

from scripts.samples.spec import ActionSpec, PlanSpec, RecSpec

PAGE_W, PAGE_H = 841.89, 595.28  # A4 landscape, points
MARGIN = 30.0
FRAME_PAD = 6.0  # the outer table's cell padding around the plan
RULE = 0.6  # rule thickness: a filled rectangle this thin
PAD_X, PAD_Y = 4.0, 3.0
TITLE_SIZE = 13.0
FONTS = {"F1": "Helvetica", "F2": "Helvetica-Bold"}
# Kerning pairs from Helvetica's AFM (thousandths of an em, positive tightens in TJ).
KERNS = {"To": 80, "Tr": 80, "Yo": 100, "Wa": 40, "Av": 40, "r.": 50, "y.": 100, "P.": 120,
         "F.": 120, "Te": 80, "LT": 110, "ve": 15, "r,": 50, "y,": 100}


def _hex(rgb: str) -> tuple[float, float, float]:
    return tuple(int(rgb[i:i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]


def _pdf_string(text: str) -> str:
    """A literal string in WinAnsiEncoding with ( ) \\ escaped and bytes over 127 as octal."""
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        if ch in "()\\":
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "(" + "".join(out) + ")"


def _num(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking; "\\n" starts a new line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line = ""
        for word in paragraph.split():
            trial = f"{line} {word}" if line else word
            if line and stringWidth(trial, font, size) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
    return lines


@dataclass
class _Page:
    ops: list[str] = field(default_factory=list)


class RawPdf:
    """Pages of hand-written content-stream operators, then the file around them."""

    def __init__(self, spec: PlanSpec):
        self.spec = spec
        self.opts: dict[str, Any] = spec.options
        self.size = float(self.opts.get("font_size", 9))
        self.leading = self.size * 1.2
        self.offset_spaces = self.opts.get("word_spaces", "offset") == "offset"
        self.framed = self.opts.get("frame", True)
        self.pages: list[_Page] = []
        inner = PAGE_W - 2 * MARGIN - 2 * FRAME_PAD
        widths = self.opts["widths"]
        self.widths = [inner * w / sum(widths) for w in widths]
        self.left = MARGIN + FRAME_PAD
        self.y = 0.0  # top of the next row, from the page top

    # -- primitives -------------------------------------------------------------------------
    @property
    def ops(self) -> list[str]:
        return self.pages[-1].ops

    def fill(self, x: float, top: float, w: float, h: float, rgb: tuple[float, ...]) -> None:
        """A filled rectangle, ``top`` measured from the page top."""
        self.ops.append(f"{' '.join(_num(c) for c in rgb)} rg "
                        f"{_num(x)} {_num(PAGE_H - top - h)} {_num(w)} {_num(h)} re f")

    def line_tj(self, text: str, x: float, top: float, font: str, size: float,
                rgb: tuple[float, ...] = (0, 0, 0)) -> None:
        """One text object for the whole line, one TJ array, kerned, word gaps as offsets."""
        name = "F2" if font == FONTS["F2"] else "F1"
        space = round(stringWidth(" ", font, 1000))
        parts: list[str] = []
        for i, word in enumerate(text.split(" ")):
            if i:
                if self.offset_spaces:
                    parts.append(str(-space))
                else:
                    parts.append(_pdf_string(" "))
            piece = ""
            for a, b in zip(word, word[1:] + " ", strict=True):
                piece += a
                if a + b in KERNS:
                    parts += [_pdf_string(piece), str(KERNS[a + b])]
                    piece = ""
            if piece:
                parts.append(_pdf_string(piece))
        base = PAGE_H - top - size
        self.ops.append(f"BT {' '.join(_num(c) for c in rgb)} rg /{name} {_num(size)} Tf "
                        f"1 0 0 1 {_num(x)} {_num(base)} Tm [{' '.join(parts)}] TJ ET")

    def glyphs(self, text: str, x: float, top: float, font: str, size: float,
               rgb: tuple[float, ...]) -> None:
        """One text object per glyph, each placed by its own text matrix."""
        name = "F2" if font == FONTS["F2"] else "F1"
        base = PAGE_H - top - size
        for ch in text:
            if ch != " ":
                self.ops.append(f"BT {' '.join(_num(c) for c in rgb)} rg /{name} {_num(size)} "
                                f"Tf 1 0 0 1 {_num(x)} {_num(base)} Tm {_pdf_string(ch)} Tj ET")
            x += stringWidth(ch, font, size)

    # -- the outer table ------------------------------------------------------------------
    def new_page(self) -> None:
        self.pages.append(_Page())
        title = self.spec.title or ""
        bar = TITLE_SIZE + 2 * PAD_Y + 2
        if not self.framed:  # the title once, as a heading; no outer table
            if len(self.pages) == 1:
                self.glyphs(title, MARGIN, MARGIN, FONTS["F2"], TITLE_SIZE, (0, 0, 0))
            self.y = MARGIN + (bar + FRAME_PAD if len(self.pages) == 1 else 0)
            return
        self.fill(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, bar, _hex("1F3864"))
        self.glyphs(title, MARGIN + PAD_X + 2, MARGIN + PAD_Y + 1, FONTS["F2"], TITLE_SIZE,
                    (1, 1, 1))
        self.y = MARGIN + bar + FRAME_PAD

    def close_frame(self) -> None:
        """The outer table's border around everything drawn on the page."""
        if not self.framed:
            return
        black = (0, 0, 0)
        bottom = PAGE_H - MARGIN
        self.fill(MARGIN, MARGIN, PAGE_W - 2 * MARGIN, RULE, black)
        self.fill(MARGIN, bottom - RULE, PAGE_W - 2 * MARGIN, RULE, black)
        self.fill(MARGIN, MARGIN, RULE, bottom - MARGIN, black)
        self.fill(PAGE_W - MARGIN - RULE, MARGIN, RULE, bottom - MARGIN, black)

    def front_matter(self) -> None:
        """The outer table's second row: the front matter paragraphs, ruled below."""
        width = PAGE_W - 2 * MARGIN - 2 * PAD_X
        for paragraph in self.spec.front_matter:
            for line in wrap(paragraph, FONTS["F1"], 10, width):
                self.line_tj(line, MARGIN + PAD_X, self.y, FONTS["F1"], 10)
                self.y += 12.5
            self.y += 3
        self.y += FRAME_PAD
        if self.framed:
            self.fill(MARGIN, self.y, PAGE_W - 2 * MARGIN, RULE, (0, 0, 0))
        self.y += FRAME_PAD

    # -- the plan table ------------------------------------------------------------------
    def _height(self, cells: list[str], font: str) -> float:
        lines = [len(wrap(c, font, self.size, w - 2 * PAD_X)) if c else 1
                 for c, w in zip(cells, self.widths, strict=True)]
        return max(lines) * self.leading + 2 * PAD_Y

    def _bottom_limit(self) -> float:
        return PAGE_H - MARGIN - FRAME_PAD

    def _rules(self, top: float, height: float, from_col: int, *, spanned: bool = False) -> None:
        """The row's top rule from column ``from_col`` on and its column rules (only the
        table's edges for a row ``spanned`` across it); the next row's top (or
        ``close_table``) draws its bottom. ``borders`` "horizontal": the top rules only,
        between recommendations; "none": no rule at all."""
        borders = self.opts.get("borders", "grid")
        if borders == "none" or (borders == "horizontal" and from_col):
            return
        black = (0, 0, 0)
        x0 = self.left + sum(self.widths[:from_col])
        right = self.left + sum(self.widths)
        self.fill(x0, top, right - x0, RULE, black)
        if borders == "horizontal":
            return
        edges = [self.left, right] if spanned else [
            self.left + sum(self.widths[:i]) for i in range(len(self.widths) + 1)]
        for x in edges:
            self.fill(x - RULE / 2, top, RULE, height + RULE, black)

    def close_table(self) -> None:
        """The bottom rule under the last row drawn on the page."""
        if self.opts.get("borders", "grid") == "none":
            return
        self.fill(self.left, self.y, sum(self.widths), RULE, (0, 0, 0))

    def header(self) -> None:
        height = self._height(self.spec.headers, FONTS["F2"])
        x = self.left
        self.fill(self.left, self.y, sum(self.widths), height,
                  _hex(self.opts.get("header_fill", "1F3864")))
        for text, width in zip(self.spec.headers, self.widths, strict=True):
            for i, line in enumerate(wrap(text, FONTS["F2"], self.size, width - 2 * PAD_X)):
                self.glyphs(line, x + PAD_X, self.y + PAD_Y + i * self.leading, FONTS["F2"],
                            self.size, (1, 1, 1))
            x += width
        self._rules(self.y, height, 0)
        self.y += height

    def _fits(self, height: float) -> bool:
        return self.y + height <= self._bottom_limit()

    def _break(self) -> None:
        self.close_table()
        self.close_frame()
        self.new_page()
        if self.opts.get("repeat_header", True):
            self.header()

    def section(self, title: str) -> None:
        height = self.size + 2 * PAD_Y + 2
        if not self._fits(height + 3 * self.leading):
            self._break()
        self.fill(self.left, self.y, sum(self.widths), height,
                  _hex(self.opts.get("section_fill", "D9E2F3")))
        self.glyphs(title, self.left + PAD_X, self.y + PAD_Y + 1, FONTS["F2"], self.size,
                    (0, 0, 0))
        self._rules(self.y, height, 0, spanned=True)
        self.y += height

    def row(self, cells: list[str], from_col: int) -> None:
        """One table row; ``from_col``: where its top rule starts. A row that does not fit
        moves to the next page whole, or with ``split_rows`` is cut line by line: what fits
        stays, the rest of every cell goes on at the top of the next page."""
        lines = [wrap(text, FONTS["F1"], self.size, width - 2 * PAD_X) if text else []
                 for text, width in zip(cells, self.widths, strict=True)]
        while True:
            tallest = max(len(c) for c in lines) or 1
            room = int((self._bottom_limit() - self.y - 2 * PAD_Y) // self.leading)
            if tallest <= room:
                self._draw_lines(lines, from_col, tallest)
                return
            if self.opts.get("split_rows") and room >= 2:
                self._draw_lines([c[:room] for c in lines], from_col, room)
                lines = [c[room:] for c in lines]
            self._break()
            from_col = 0

    def _draw_lines(self, lines: list[list[str]], from_col: int, count: int) -> None:
        x = self.left
        for cell, width in zip(lines, self.widths, strict=True):
            for i, line in enumerate(cell):
                self.line_tj(line, x + PAD_X, self.y + PAD_Y + i * self.leading, FONTS["F1"],
                             self.size)
            x += width
        height = count * self.leading + 2 * PAD_Y
        self._rules(self.y, height, from_col)
        self.y += height

    # -- the file ---------------------------------------------------------------------------
    def document(self) -> bytes:
        self.close_frame()
        objects: list[bytes] = []
        fonts = {name: 3 + i for i, name in enumerate(FONTS)}
        first_page = 3 + len(FONTS)
        kids = [first_page + 2 * i for i in range(len(self.pages))]
        objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
        objects.append(f"<< /Type /Pages /Kids [{' '.join(f'{k} 0 R' for k in kids)}] "
                       f"/Count {len(kids)} >>".encode())
        for base in FONTS.values():
            objects.append(f"<< /Type /Font /Subtype /Type1 /BaseFont /{base} "
                           f"/Encoding /WinAnsiEncoding >>".encode())
        font_dict = " ".join(f"/{name} {num} 0 R" for name, num in fonts.items())
        for i, page in enumerate(self.pages):
            content = zlib.compress("\n".join(page.ops).encode("latin-1"), 9)
            objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {_num(PAGE_W)} "
                           f"{_num(PAGE_H)}] /Resources << /Font << {font_dict} >> >> "
                           f"/Contents {kids[i] + 1} 0 R >>".encode())
            objects.append(f"<< /Length {len(content)} /Filter /FlateDecode >>\nstream\n"
                           .encode() + content + b"\nendstream")
        info = len(objects) + 1
        objects.append(f"<< /Title {_pdf_string(self.spec.title or '')} /Producer "
                       f"(Harrowdene Document Services 4.2) /CreationDate "
                       f"(D:20231114101500Z) >>".encode())
        out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        offsets = []
        for number, body in enumerate(objects, start=1):
            offsets.append(len(out))
            out += f"{number} 0 obj\n".encode() + body + b"\nendobj\n"
        xref = len(out)
        out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
        out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
        out += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info} 0 R >>\n"
                f"startxref\n{xref}\n%%EOF\n").encode()
        return bytes(out)


def _cells(spec: PlanSpec, rec: RecSpec, action: ActionSpec | None, first: bool) -> list[str]:
    values: list[str] = []
    for role in spec.options["columns"]:
        if role == "rec_no":
            values.append((rec.number or "") if first else "")
        elif role == "rec_text":
            values.append(rec.text if first else "")
        elif role == "response":
            shown = "\n".join(t for t in (rec.response_raw, rec.reason) if t)
            values.append(shown if first else "")
        elif action is None:
            values.append("")
        elif role == "action":
            values.append(f"{action.number} {action.text}" if action.number else action.text)
        elif role == "owner":
            values.append(action.owners_raw)
        elif role == "target":
            values.append(action.target_raw)
        else:
            values.append(action.extras.get(role.removeprefix("extra:"), ""))
    return values


def render(spec: PlanSpec, out: Path) -> None:
    """Write the plan as a hand-written PDF, byte-identical on rebuild."""
    doc = RawPdf(spec)
    doc.new_page()
    doc.front_matter()
    doc.header()
    section = None
    rec_cols = sum(1 for c in spec.options["columns"] if c in ("rec_no", "rec_text", "response"))
    for rec in spec.recs:
        if rec.section and rec.section != section:
            doc.section(rec.section)
        section = rec.section
        for i, action in enumerate(list(rec.actions) or [None]):
            doc.row(_cells(spec, rec, action, i == 0), 0 if i == 0 else rec_cols)
    doc.close_table()
    out.write_bytes(doc.document())


def render_report(out: Path, title: str, paragraphs: list[str], figures: list[list[str]]) -> None:
    """An inspection report page written the same way, which is no plan: prose in two columns
    (numbered recommendations among it, as reports list them) and a small ruled table of
    figures below."""
    spec = PlanSpec(name="report", template="rawpdf", title=title,
                    options={"widths": [1] * len(figures[0]), "frame": False,
                             "repeat_header": False})
    doc = RawPdf(spec)
    doc.new_page()
    gap = 18.0
    width = (PAGE_W - 2 * MARGIN - gap) / 2
    lines = [line for p in paragraphs for line in [*wrap(p, FONTS["F1"], 10, width), ""]]
    per_column = (len(lines) + 1) // 2
    top = doc.y
    for n, column in enumerate((lines[:per_column], lines[per_column:])):
        for i, line in enumerate(column):
            if line:
                doc.line_tj(line, MARGIN + n * (width + gap), top + i * 12.5, FONTS["F1"], 10)
    doc.y = top + per_column * 12.5 + 12
    spec.headers[:] = figures[0]
    doc.header()
    for row in figures[1:]:
        doc.row(row, 0)
    doc.close_table()
    out.write_bytes(doc.document())
