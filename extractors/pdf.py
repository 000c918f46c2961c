"""PDF reader: pdfplumber pages → tables (ruled grids or horizontal-rule tables) and paragraphs.

Each page yields its own table fragments; stitching fragments that continue a table on
the next page is the pipeline's job, because only it knows what the columns mean.
"""

from __future__ import annotations

import bisect
from pathlib import Path

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfminer.pdfparser import PDFSyntaxError
from pdfplumber.utils.exceptions import PdfminerException

from extractors.layout import Block, Cell, Document, Paragraph, Row, Table
from extractors.pdf_ruled import find_ruled_tables
from extractors.pdf_text import Word, lines_to_paragraphs, words_to_lines
from pipeline.errors import DamagedDocument, EncryptedDocument, NoTextLayer

GRID_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": 3,
    "join_tolerance": 3,
    "intersection_tolerance": 3,
}
EDGE_TOLERANCE = 2.0


def read_pdf(path: Path) -> Document:
    """Read a PDF into the intermediate form; raises a one-line error for unusable files."""
    try:
        with pdfplumber.open(path) as pdf:
            blocks: list[Block] = []
            any_text = False
            height = None
            for number, page in enumerate(pdf.pages, start=1):
                height = float(page.height)
                page_blocks, has_text = _read_page(page, number)
                any_text = any_text or has_text
                blocks.extend(page_blocks)
                page.close()  # drop pdfplumber's per-page caches: memory stays flat in pages
            pages = len(pdf.pages)
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise EncryptedDocument("encrypted PDF: needs a password", path=str(path)) from exc
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise EncryptedDocument("encrypted PDF: needs a password", path=str(path)) from exc
        raise DamagedDocument(f"damaged or truncated PDF: {_short(cause)}", path=str(path)) from exc
    except (PDFSyntaxError, ValueError, KeyError, TypeError) as exc:
        raise DamagedDocument(f"damaged or truncated PDF: {_short(exc)}", path=str(path)) from exc
    if not any_text:
        raise NoTextLayer(
            "no text layer: the PDF is scanned images; it needs OCR first", path=str(path)
        )
    return Document(path=str(path), format="pdf", blocks=blocks, pages=pages, page_height=height)


# Typographic ligatures and invisible marks that fonts put in the text layer.
_PLAIN = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft",
                        "ﬆ": "st", "\u00a0": " ", "\u00ad": "", "\u200b": "", "\ufeff": ""})


def _plain(text: str) -> str:
    return text.translate(_PLAIN)


def _short(exc: object) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return text[:160]


def _read_page(page: pdfplumber.page.Page, number: int) -> tuple[list[Block], bool]:
    raw_words = page.extract_words(x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False)
    words = [
        Word(_plain(w["text"]), float(w["x0"]), float(w["x1"]), float(w["top"]),
             float(w["bottom"]))
        for w in raw_words
        if w["text"].strip()
    ]
    if not words:
        return [], False
    tables = _grid_tables(page, words, number)
    taken = [(t.col_edges[0], t.top, t.col_edges[-1], t.bottom) for t in tables]
    tables += find_ruled_tables(page.horizontal_edges, words, taken, number, page.width)
    taken = [(t.col_edges[0], t.top, t.col_edges[-1], t.bottom) for t in tables]

    body = [w for w in words if not any(_inside(w, box) for box in taken)]
    blocks: list[tuple[float, Block]] = [(t.top or 0.0, t) for t in tables]
    if body:
        lines = words_to_lines(body, number)
        left = min(ln.x0 for ln, _ in lines)
        right = max(ln.x1 for ln, _ in lines)
        # Body paragraphs are grouped per vertical band between tables, never across one.
        for band in _bands(lines, tables):
            for para in lines_to_paragraphs(band, left, right, number):
                blocks.append((para.lines[0].top or 0.0, para))
    blocks.sort(key=lambda item: item[0])
    return [b for _, b in blocks], True


def _bands(lines, tables: list[Table]):
    cuts = sorted(t.top or 0.0 for t in tables)
    bands: list[list] = [[] for _ in range(len(cuts) + 1)]
    for item in lines:
        index = sum(1 for cut in cuts if item[0].top >= cut)
        bands[index].append(item)
    return [b for b in bands if b]


def _inside(word: Word, box: tuple[float, float, float, float]) -> bool:
    cx = (word.x0 + word.x1) / 2
    cy = (word.top + word.bottom) / 2
    return box[0] <= cx <= box[2] and box[1] <= cy <= box[3]


def _cluster(values: list[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if result and value - result[-1] <= tolerance:
            continue
        result.append(value)
    return result


def _index(edges: list[float], value: float) -> int:
    return min(range(len(edges)), key=lambda i: abs(edges[i] - value))


def _grid_tables(page, words: list[Word], number: int) -> list[Table]:
    found = page.find_tables(GRID_SETTINGS)
    boxes = [tuple(float(v) for v in t.bbox) for t in found]
    tables = []
    for table, box in zip(found, boxes, strict=True):
        # A frame drawn around another table is page layout, not a table of its own.
        if any(other != box and _contains(box, other) for other in boxes):
            continue
        built = _build_grid_table(table.cells, words, number)
        if built is not None:
            tables.append(built)
    return tables


def _words_by_box(words: list[Word], boxes: list[tuple], xs: list[float]) -> list[list[Word]]:
    """Each word in the one cell holding its centre; cells bucketed by grid column for speed."""
    by_col: dict[int, list[int]] = {}
    for index, box in enumerate(boxes):
        for col in range(_index(xs, box[0]), max(_index(xs, box[2]), _index(xs, box[0]) + 1)):
            by_col.setdefault(col, []).append(index)
    found: list[list[Word]] = [[] for _ in boxes]
    for word in words:
        cx = (word.x0 + word.x1) / 2
        col = bisect.bisect_right(xs, cx) - 1
        for index in by_col.get(col, ()):
            if _inside(word, boxes[index]):
                found[index].append(word)
                break
    return found


def _contains(outer, inner) -> bool:
    return (
        outer[0] <= inner[0] + 1
        and outer[1] <= inner[1] + 1
        and outer[2] >= inner[2] - 1
        and outer[3] >= inner[3] - 1
    )


def _build_grid_table(cells_bboxes, words: list[Word], number: int) -> Table | None:
    xs = _cluster([float(c[0]) for c in cells_bboxes] + [float(c[2]) for c in cells_bboxes])
    tops = _cluster([float(c[1]) for c in cells_bboxes])
    if len(xs) < 2:
        return None
    by_row: dict[int, list[Cell]] = {i: [] for i in range(len(tops))}
    boxes = [tuple(float(v) for v in c) for c in cells_bboxes]
    words_in = _words_by_box(words, boxes, xs)
    for index, (x0, top, x1, bottom) in enumerate(boxes):
        col = _index(xs, x0)
        span = max(1, _index(xs, x1) - col)
        inside = words_in[index]
        lines = words_to_lines(inside, number)
        paragraphs = lines_to_paragraphs(lines, x0, x1, number)
        cell = Cell(paragraphs, col=col, span=span, page=number, x0=x0, top=top, x1=x1,
                    bottom=bottom)
        by_row[_index(tops, top)].append(cell)
    # A cell drawn over several rows is merged down: the rows it covers get a placeholder,
    # as DOCX vertical merges do, so "merged" and "left empty" stay distinguishable.
    for i in range(len(tops)):
        for cell in list(by_row[i]):
            for j in range(i + 1, len(tops)):
                if cell.bottom is None or tops[j] >= cell.bottom - EDGE_TOLERANCE:
                    break
                by_row[j].append(Cell([], col=cell.col, span=cell.span, page=number,
                                      x0=cell.x0, top=tops[j], x1=cell.x1, continued=True))
    rows = []
    for i, top in enumerate(tops):
        cells = sorted(by_row[i], key=lambda c: c.col)
        if not cells:
            continue
        bottom = min((c.bottom for c in cells if c.bottom is not None), default=top)
        rows.append(Row(cells=cells, page=number, top=top, bottom=bottom))
    if not any(c.paragraphs for r in rows for c in r.cells):
        return None
    return Table(
        rows=rows,
        n_cols=len(xs) - 1,
        page=number,
        col_edges=xs,
        top=tops[0],
        bottom=max(float(c[3]) for c in cells_bboxes),
        ruled="grid",
    )


__all__ = ["read_pdf", "Paragraph"]
