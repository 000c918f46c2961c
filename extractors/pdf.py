"""PDF reader: pdfplumber pages → tables (ruled grids or horizontal-rule tables) and paragraphs.

Each page yields its own table fragments; stitching fragments that continue a table on
the next page is the pipeline's job, because only it knows what the columns mean.
"""

from __future__ import annotations

import bisect
import functools
import math
import re
from dataclasses import dataclass
from pathlib import Path

from extractors.errors import DamagedDocument, NoTextLayer, TooLarge
from extractors.geometry import (
    CLEAR_PT,
    OVERLAP_SHARE,
    PACKED_LINES,
    RULE_REACH_LINES,
    SNAP_PT,
    SPANNING_SHARE,
    TOUCH_PT,
    Box,
)
from extractors.guard import DEFAULT_LIMITS
from extractors.layout import RUNNING, Block, Cell, Document, Line, Paragraph, Row, Table
from extractors.pdf_borderless import Columns, find_borderless_tables
from extractors.pdf_form import FormColumns, find_form_tables
from extractors.pdf_grids import grid_cells
from extractors.pdf_pages import open_pdf, page_words, space_glyphs, turned_page
from extractors.pdf_rotation import upright_page
from extractors.pdf_ruled import band_table, find_ruled_tables, rule_pieces, table_on_joints
from extractors.pdf_rules import TextCentres, band_edges, close_open_ends, rule_edges
from extractors.pdf_text import (
    Word,
    adjacent_edge,
    copy_lines,
    lines_to_paragraphs,
    words_to_lines,
)

GRID_SETTINGS = {
    "vertical_strategy": "lines",
    "horizontal_strategy": "lines",
    "snap_tolerance": SNAP_PT,
    "join_tolerance": SNAP_PT,
    "intersection_tolerance": SNAP_PT,
}
# Cell edges of one grid closer than this are one column (or row) line: neighbouring cells
# share a border that producers may place a fraction of a point apart.
EDGE_TOLERANCE = CLEAR_PT
# Letters closer than this share of the type size are one word: a space is a quarter of
# an em or more in text fonts, letters of a word abut (1.5 pt in 10 pt type; in 6 pt type a
# fixed 1.5 pt glued "26April"). Letters whose tops differ by less than WORD_LINE_PT are on
# one line (mixed fonts of one size, rounding).
WORD_GAP_EM = 0.15
WORD_LINE_PT = 2.5
WORD_SETTINGS = {"x_tolerance_ratio": WORD_GAP_EM, "y_tolerance": WORD_LINE_PT,
                 "keep_blank_chars": False}
# A rule closing a one-row table cut by the page end lies within a line of text (10-12 pt
# type) under the row's last line; further down it belongs to something else.
CUT_ROW_RULE_PT = 12.0


@dataclass(slots=True)
class _PageScan:
    """What the first pass keeps of a page, so the page itself can be closed."""

    number: int
    words: list[Word]
    grids: list[list[Box]]  # cell boxes of each ruled grid pdfplumber found
    rules: list[dict]
    width: float
    height: float


def read_pdf(path: Path, only_pages: set[int] | None = None,
             max_pages: int = DEFAULT_LIMITS.max_pages) -> Document:
    """Read a PDF into the intermediate form; raises a one-line error for unusable files.

    ``only_pages`` (1-based) limits the read to those pages; the others are skipped unread.
    """
    # The page source (pdfium by default) raises the one-line errors for unusable files.
    with open_pdf(path) as pdf:
        scans = []
        notes: list[str] = []
        rotations: dict[int, int] = {}
        pages = len(pdf.pages)
        if pages > max_pages:  # the pages found, whatever the page tree declares
            raise TooLarge(f"too large: {pages} pages (limit {max_pages}); split the PDF",
                           path=str(path))
        for number, page in enumerate(pdf.pages, start=1):
            if only_pages is not None and number not in only_pages:
                continue
            own = page.rotation
            page, note = upright_page(page, functools.partial(turned_page, pdf, number - 1))
            notes += [note] if note else []
            if page.rotation != own:
                rotations[number] = page.rotation
            scans.append(_scan(page, number))
            page.close()  # drop the per-page caches: memory stays flat in pages
    if pages == 0:
        raise DamagedDocument("no pages: the PDF holds no page", path=str(path))
    if not any(scan.words for scan in scans):
        raise NoTextLayer(
            "no text layer: the PDF is scanned images; it needs OCR first", path=str(path)
        )
    running = running_words(scans)
    blocks: list[Block] = []
    carried = _Carry()  # tables running over the page end
    for scan in scans:
        page_blocks, carried = _read_page(scan, running, carried)
        blocks.extend(page_blocks)
    return Document(path=str(path), format="pdf", blocks=blocks, pages=pages, notes=notes,
                    rotations=rotations)


def _scan(page, number: int) -> _PageScan:
    """Words, ruled grids and horizontal rules of one page (pdfplumber's page interface)."""
    words = _words(page_words(page, WORD_SETTINGS), _space_glyphs(space_glyphs(page)))
    centres = TextCentres(((w.x0 + w.x1) / 2, (w.top + w.bottom) / 2) for w in words)
    # The words themselves are the text boxes (x0, top, x1, bottom): no Box per word.
    edges = close_open_ends(rule_edges(page.lines, page.rects, page.curves, centres), words)
    grids = [[Box(float(x0), float(top), float(x1), float(bottom))
              for x0, top, x1, bottom in cells] for cells in _find_grids(edges)]
    rules = [{"x0": e["x0"], "x1": e["x1"], "top": e["top"], "band": False}
             for e in edges if e["orientation"] == "h"]
    rules += [{"x0": e["x0"], "x1": e["x1"], "top": e["top"], "band": True}
              for e in band_edges(page.rects, centres)]
    return _PageScan(number, words, grids, rules, float(page.width), float(page.height))


def _words(found: list[tuple[str, float, float, float, float]],
           spaces: dict[int, list[float]]) -> list[Word]:
    """The page's words (text, x0, x1, top, bottom) that hold more than white space, their
    text plain, each told whether a space glyph follows it (``_space_follows``)."""
    words = []
    # _space_follows inlined: this runs for every word of every page. Every mark _PLAIN
    # maps is outside ASCII: most words need no translation.
    for text, x0, x1, top, bottom in found:
        if not text.strip():
            continue
        follows = False
        if spaces:
            xs = spaces.get(round(top))
            if xs:
                at = bisect.bisect_left(xs, x1 - 0.5)
                follows = at < len(xs) and xs[at] <= x1 + SPACE_REACH
        words.append(Word(text if text.isascii() else text.translate(_PLAIN), x0, x1, top,
                          bottom, follows))
    return words


SPACE_REACH = 2.0  # pt: a space glyph this close after a word's last glyph follows it


def _space_glyphs(glyphs: list[tuple[float, float]]) -> dict[int, list[float]]:
    """x0 of the real space glyphs of a page by rounded top: under each key those of that
    row and of the rows either side (a word's glyphs and its space may round apart), each
    list sorted (bisected)."""
    rows: dict[int, list[float]] = {}
    for top, x0 in glyphs:
        rows.setdefault(round(top), []).append(x0)
    found: dict[int, list[float]] = {}
    empty: list[float] = []
    for row in rows:
        for key in (row - 1, row, row + 1):
            if key not in found:
                found[key] = sorted(rows.get(key - 1, empty) + rows.get(key, empty)
                                    + rows.get(key + 1, empty))
    return found


def _space_follows(top: float, x1: float, spaces: dict[int, list[float]]) -> bool:
    """Whether a real space glyph starts at the end (``x1``) of a word set at ``top``."""
    if not spaces:
        return False
    xs = spaces.get(round(top))
    if not xs:
        return False
    # The first glyph at or after the word's end decides (one bisection per word, not a
    # scan of the row: a page has tens of thousands of word ends); in the merged rows it
    # is the first of the three rows' firsts.
    at = bisect.bisect_left(xs, x1 - 0.5)
    return at < len(xs) and xs[at] <= x1 + SPACE_REACH


def scan_page(page, number: int) -> _PageScan:
    """What the reader takes from one page: words, ruled grids' cells, horizontal rules."""
    return _scan(page, number)


def _find_grids(edges: list[dict]) -> list[list[tuple]]:
    """The cells of pdfplumber's ruled tables, built from our rules only (never from
    shading or white boxes behind words)."""
    vertical = [e for e in edges if e["orientation"] == "v"]
    horizontal = [e for e in edges if e["orientation"] == "h"]
    if len(vertical) < 2 or len(horizontal) < 2:
        return []
    return grid_cells(vertical, horizontal, GRID_SETTINGS)


MARGIN_SHARE = 0.12  # running headers and footers live in the top and bottom of the page


def _furniture_key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.lower().split()))


def running_words(scans: list[_PageScan]) -> set[int]:
    """Ids of the words of lines repeated in the margins of most pages (page headers and
    footers, page numbers ignored): page furniture, never table content."""
    if len(scans) < 2:
        return set()
    margins = {scan.number: _margin_lines(scan) for scan in scans}
    seen: dict[str, set[int]] = {}
    for number, lines in margins.items():
        for line, _ in lines:
            seen.setdefault(_furniture_key(line.text), set()).add(number)
    need = max(2, len(scans) // 2)
    repeated = {key for key, pages in seen.items() if len(pages) >= need}
    return {
        id(word)
        for lines in margins.values()
        for line, members in lines
        if _furniture_key(line.text) in repeated
        for word in members
    }


def _margin_lines(scan: _PageScan):
    """Lines in the top and bottom margins that belong to no table: not inside a ruled grid,
    not sitting on a rule (a repeated header row above a rule-only table)."""
    top, bottom = scan.height * MARGIN_SHARE, scan.height * (1 - MARGIN_SHARE)
    boxes = [Box.around(g) for g in scan.grids]
    margin = [
        w
        for w in scan.words
        if (w.bottom <= top or w.top >= bottom) and not any(b.holds_centre(w) for b in boxes)
    ]
    lines = words_to_lines(margin, scan.number)
    rules = [float(r["top"]) for r in scan.rules]
    kept = []
    # Lines packed into one block share its fate: a header band resting on a rule is table.
    for block in _line_blocks(lines):
        first, last = block[0][0], block[-1][0]
        reach = RULE_REACH_LINES * (last.bottom - last.top)
        on_rule = any(-TOUCH_PT <= y - last.bottom <= reach for y in rules)
        # In the top margin a rule just above is a table's top edge: its header band follows.
        under_rule = first.bottom <= top and any(
            -TOUCH_PT <= first.top - y <= reach for y in rules
        )
        if not (on_rule or under_rule):
            kept.extend(block)
    return kept


def _line_blocks(lines):
    blocks: list[list] = []
    for item in lines:
        line = item[0]
        if blocks:
            prev = blocks[-1][-1][0]
            if line.top - prev.bottom <= PACKED_LINES * (prev.bottom - prev.top):
                blocks[-1].append(item)
                continue
        blocks.append([item])
    return blocks


# Typographic ligatures and invisible marks that fonts put in the text layer.
_PLAIN = str.maketrans({"ﬁ": "fi", "ﬂ": "fl", "ﬀ": "ff", "ﬃ": "ffi", "ﬄ": "ffl", "ﬅ": "ft",
                        "ﬆ": "st", "\u00a0": " ", "\u00ad": "", "\u200b": "", "\ufeff": ""})



@dataclass(slots=True)
class _Carry:
    """What a page hands the next about tables that may run on over the page end."""

    borderless: Columns | None = None  # a borderless table that reached the page foot
    ruled: list[float] | None = None  # column lines of the page's last rules-only table
    form: FormColumns | None = None  # a form (labels down the left) drawn without lines


def _read_page(scan: _PageScan, running: set[int], carried: _Carry
               ) -> tuple[list[Block], _Carry]:
    number, words = scan.number, scan.words
    if not words:
        return [], _Carry()
    content = [w for w in words if id(w) not in running]
    # The first page keeps its running lines as text, marked: names often live there.
    furniture_words = [w for w in words if id(w) in running] if number == 1 else []
    tables, body, body_lines, carry = _page_tables(scan, content, carried)
    blocks: list[tuple[float, Block]] = [(t.top or 0.0, t) for t in tables]
    if body:
        lines = body_lines if body_lines is not None else words_to_lines(body, number)
        left = min(ln.x0 for ln, _ in lines)
        right = max(ln.x1 for ln, _ in lines)
        # Body paragraphs are grouped per vertical band between tables, never across one.
        for band in _bands(lines, tables):
            for para in lines_to_paragraphs(band, left, right, number):
                blocks.append((para.lines[0].top or 0.0, para))
    if furniture_words:
        lines = words_to_lines(furniture_words, number)
        for line, _ in lines:
            blocks.append((line.top or 0.0, Paragraph(text=line.text, lines=[line],
                                                      page=number, style=RUNNING)))
    blocks.sort(key=lambda item: item[0])
    return [b for _, b in blocks], carry


def _page_tables(scan: _PageScan, content: list[Word], carried: _Carry
                 ) -> tuple[list[Table], list[Word], list[tuple[Line, list[Word]]] | None,
                            _Carry]:
    """The page's tables (ruled grids, rules-only, borderless), the words outside them (and
    their lines when grouped already), and what to carry to the next page."""
    number = scan.number
    grids = _grid_tables(scan.grids, content, number, scan.height, scan.rules)
    # A lone ruled row is often just a shaded header band over a table drawn with
    # horizontal rules only: leave its words to the rule finder, which may claim them.
    lone = [t for t in grids if len(t.rows) == 1 and _rules_below(t, scan.rules) >= 2]
    tables = [t for t in grids if t not in lone]
    taken = [table_box(t) for t in tables]
    ruled = find_ruled_tables(scan.rules, content, taken, number, scan.width, carried.ruled)
    tables += ruled
    tables += [t for t in lone if not any(_overlaps(table_box(t), table_box(r)) for r in ruled)]
    taken = [table_box(t) for t in tables]

    body = _outside(content, taken)
    # The form and borderless readers and the body text read the same words unless a
    # reader claims some: grouped into lines once, each reader given its own copy.
    lines: list[tuple[Line, list[Word]]] | None = words_to_lines(body, number)
    # What no rule encloses may be a form drawn without lines (labels down the left, one
    # block per recommendation), or a wide table drawn without lines.
    forms, form_carry = find_form_tables(body, number, carried.form,
                                         copy_lines(lines) if lines is not None else None)
    if forms:
        tables += forms
        body = _outside(body, [table_box(t) for t in forms])
        lines = None
    rule_ys = [float(r["top"]) for r in scan.rules]
    borderless, carry = find_borderless_tables(
        body, rule_ys, number, scan.height, carried.borderless,
        copy_lines(lines) if lines is not None else None)
    if borderless:
        tables += borderless
        body = _outside(body, [table_box(t) for t in borderless])
        lines = None
    last_ruled = max(ruled, key=lambda t: t.bottom or 0.0, default=None)
    return tables, body, lines, _Carry(carry, last_ruled.col_edges if last_ruled else None,
                                       form_carry)


def _outside(words: list[Word], boxes: list[Box]) -> list[Word]:
    """The words whose centre no box holds (edges included), in their order."""
    if not boxes:
        return list(words)
    # Box.holds_centre, inlined: every word of the page is tested against every table.
    sides = [tuple(box) for box in boxes]
    kept = []
    for w in words:
        cx, cy = (w.x0 + w.x1) / 2, (w.top + w.bottom) / 2
        for x0, top, x1, bottom in sides:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                break
        else:
            kept.append(w)
    return kept


def _rules_below(table: Table, rules: list[dict]) -> int:
    """Long horizontal rules under a table, within its width: a rule-only table follows."""
    x0, _top, x1, bottom = table_box(table)
    return len({
        round(float(r["top"]))
        for r in rules
        if float(r["top"]) > bottom + CLEAR_PT
        and min(float(r["x1"]), x1) - max(float(r["x0"]), x0) > SPANNING_SHARE * (x1 - x0)
    })


def table_box(table: Table) -> Box:
    """The box a table fragment covers on its page (its outer column lines, top, bottom)."""
    edges = table.col_edges or [0.0, 0.0]
    return Box(edges[0], table.top or 0.0, edges[-1], table.bottom or 0.0)


def _overlaps(a: Box, b: Box) -> bool:
    """Boxes sharing at least half the narrower one's width and touching vertically."""
    width = min(a.width, b.width)
    return (width > 0 and a.shared_width(b) >= OVERLAP_SHARE * width
            and a.top <= b.bottom + CLEAR_PT and b.top <= a.bottom + CLEAR_PT)


def _bands(lines, tables: list[Table]):
    cuts = sorted(t.top or 0.0 for t in tables)
    bands: list[list] = [[] for _ in range(len(cuts) + 1)]
    for item in lines:
        index = sum(1 for cut in cuts if item[0].top >= cut)
        bands[index].append(item)
    return [b for b in bands if b]


def _cluster(values: list[float], tolerance: float = EDGE_TOLERANCE) -> list[float]:
    result: list[float] = []
    for value in sorted(values):
        if result and value - result[-1] <= tolerance:
            continue
        result.append(value)
    return result


def _index(edges: list[float], value: float) -> int:
    """The index of the edge nearest ``value`` (the lower one on a tie). ``edges`` come
    from ``_cluster``: sorted, neighbours more than EDGE_TOLERANCE apart, so the nearest
    is one of the two either side of ``value``'s place."""
    at = bisect.bisect_left(edges, value)
    if at == 0:
        return 0
    if at == len(edges) or abs(edges[at - 1] - value) <= abs(edges[at] - value):
        return at - 1
    return at


def _grid_tables(
    grids: list[list[Box]], words: list[Word], number: int, page_height: float,
    rules: list[dict],
) -> list[Table]:
    grids = [[cell if type(cell) is Box else Box(*cell) for cell in grid] for grid in grids]
    boxes = [Box.around(g) for g in grids]
    # A frame drawn around other tables is page layout, not a table of its own: one cell, or
    # one column of cells stacked (a title row, the front matter, the plan beneath them).
    frames = {
        i for i, box in enumerate(boxes)
        if _one_column(grids[i]) and any(j != i and _contains(box, b) for j, b in enumerate(boxes))
    }
    parent = {i: _parent(i, boxes, frames) for i in range(len(boxes)) if i not in frames}
    built: dict[int, Table | None] = {}
    # Smallest first, so a grid drawn inside a cell is built before the grid that holds it.
    for i in sorted(parent, key=lambda k: boxes[k].area):
        children = [built[j] for j, p in parent.items() if p == i and built.get(j) is not None]
        built[i] = _build_grid_table(grids[i], words, number, children, rules)
    tables = []
    for i, table in built.items():
        if parent[i] is None and table is not None:
            _add_cut_row(table, words, number, page_height, rules)
            tables.append(table)
    return sorted(tables, key=lambda t: t.top or 0.0)


def _one_column(grid: list[Box]) -> bool:
    """Every cell of ``grid`` spans its whole width."""
    around = Box.around(grid)
    return all(abs(c.x0 - around.x0) <= EDGE_TOLERANCE and abs(c.x1 - around.x1) <= EDGE_TOLERANCE
               for c in grid)


def _parent(i: int, boxes: list[Box], frames: set[int]) -> int | None:
    """The smallest other grid (frames aside) whose box holds grid ``i``: it is nested there."""
    holders = [
        j for j, box in enumerate(boxes)
        if j != i and j not in frames and _contains(box, boxes[i]) and box != boxes[i]
    ]
    return min(holders, key=lambda j: boxes[j].area, default=None)


def _add_cut_row(
    table: Table, words: list[Word], number: int, page_height: float, rules: list[dict]
) -> None:
    """A row cut by the page end may lose its bottom border (browsers draw none): take the
    lines packed tight under the table, inside its columns, as one more row."""
    edges = table.col_edges or []
    bottom = table.bottom or 0.0
    inside = [w for w in words if edges[0] - CLEAR_PT <= w.x0 and w.x1 <= edges[-1] + CLEAR_PT]
    edge = adjacent_edge(inside, bottom, upward=False)
    if edge is None:
        return
    width = edges[-1] - edges[0]
    below_rules = sorted(
        float(r["top"]) for r in rules
        if float(r["top"]) > bottom + CLEAR_PT
        and float(r["x1"]) - float(r["x0"]) > SPANNING_SHARE * width
    )
    if below_rules and below_rules[0] <= edge + CLEAR_PT:
        return  # rules between: rows of a table drawn with rules, not one row
    if below_rules and below_rules[0] - edge < CUT_ROW_RULE_PT and len(below_rules) == 1:
        edge = below_rules[0]  # one row closed by a rule but drawn without side borders
    elif edge < page_height * (1 - MARGIN_SHARE):
        return  # otherwise only a row running into the foot of the page was cut by it
    below = [w for w in inside if bottom - TOUCH_PT <= w.top and w.bottom <= edge]
    if any(w.x0 < x - TOUCH_PT and w.x1 > x + TOUCH_PT for w in below for x in edges[1:-1]):
        return  # text across the column lines is not a row of this table
    cells = []
    for col in range(len(edges) - 1):
        left, right = edges[col], edges[col + 1]
        mine = [w for w in below if left <= (w.x0 + w.x1) / 2 < right]
        paragraphs = lines_to_paragraphs(words_to_lines(mine, number), left, right, number)
        cells.append(Cell(paragraphs, col=col, page=number, x0=left, top=bottom, x1=right,
                          bottom=edge))
    table.rows.append(Row(cells=cells, page=number, top=bottom, bottom=edge))
    table.bottom = edge


def _words_by_box(words: list[Word], boxes: list[Box], xs: list[float]) -> list[list[Word]]:
    """Each word in the one cell holding its centre (the first such, edges included); cells
    bucketed by grid column for speed."""
    by_col: dict[int, list[tuple[float, float, float, float, int]]] = {}
    for index, box in enumerate(boxes):
        first = _index(xs, box.x0)
        for col in range(first, max(_index(xs, box.x1), first + 1)):
            by_col.setdefault(col, []).append((box.x0, box.top, box.x1, box.bottom, index))
    found: list[list[Word]] = [[] for _ in boxes]
    if not boxes:
        return found
    # Most of a page's words lie outside the grid: those whose centre is above or below all
    # of its cells are dropped before any cell is tried.
    low = min(b.top for b in boxes)
    high = max(b.bottom for b in boxes)
    for word in words:
        cy = (word.top + word.bottom) / 2
        if not low <= cy <= high:
            continue
        cx = (word.x0 + word.x1) / 2
        cells = by_col.get(bisect.bisect_right(xs, cx) - 1)
        if not cells:
            continue
        # Box.holds_centre, inlined: this runs for every word against every cell of its column.
        for x0, top, x1, bottom, index in cells:
            if x0 <= cx <= x1 and top <= cy <= bottom:
                found[index].append(word)
                break
    return found


def _contains(outer: Box, inner: Box) -> bool:
    return outer.contains(inner, slack=TOUCH_PT)


# A table drawn inside a cell with rules only: its rules run across most of the cell (text
# underlines do not), and lie clear of the cell's own borders.
INNER_RULE_SHARE = 0.6
CELL_BORDER_CLEARANCE = 2.0


class _RulesByHeight:
    """A page's horizontal rules ordered by height, so that each grid cell finds the few
    that cross it by bisection rather than by testing every rule of the page."""

    def __init__(self, rules: list[dict]):
        tops = [(float(r["top"]), i) for i, r in enumerate(rules)]
        # A NaN height is never between two others: such a rule is in no cell.
        tops = sorted(t for t in tops if not math.isnan(t[0]))
        self._tops = [top for top, _ in tops]
        self._order = [i for _, i in tops]
        self._rules = rules

    def count_between(self, low: float, high: float) -> int:
        """How many rules ``strictly_between`` would give."""
        return max(0, bisect.bisect_left(self._tops, high) - bisect.bisect_right(self._tops, low))

    def strictly_between(self, low: float, high: float) -> list[dict]:
        """The rules whose height lies strictly between ``low`` and ``high``, in page order."""
        start = bisect.bisect_right(self._tops, low)
        end = bisect.bisect_left(self._tops, high)
        return [self._rules[i] for i in sorted(self._order[start:end])]


def _ruled_tables_in_cell(
    box: Box, words: list[Word], rules: _RulesByHeight, nested: list[Table], number: int
) -> list[Table]:
    """Tables drawn with horizontal rules only inside one grid cell (outside its grids)."""
    x0, top, x1, bottom = box
    width = x1 - x0
    if rules.count_between(top + CELL_BORDER_CLEARANCE, bottom - CELL_BORDER_CLEARANCE) < 2:
        return []  # most cells: no two rules cross them at all
    within = [
        r for r in rules.strictly_between(top + CELL_BORDER_CLEARANCE,
                                          bottom - CELL_BORDER_CLEARANCE)
        if float(r["x0"]) >= x0 - CELL_BORDER_CLEARANCE
        and float(r["x1"]) <= x1 + CELL_BORDER_CLEARANCE
    ]
    if len(within) < 2:
        return []  # fewer than two rules make no table (the long ones are counted below)
    taken = [table_box(t) for t in nested]
    long_rules = [
        piece for piece in rule_pieces(within)
        if _extent(piece) >= INNER_RULE_SHARE * width
        and not any(_on_box(r, box) for r in piece for box in taken)
    ]
    if len(long_rules) < 2:
        return []
    inside = [r for piece in long_rules for r in piece]
    found = find_ruled_tables(inside, words, taken, number, width)
    if not found and len(long_rules) == 2:
        # Two rules only: a rule-drawn table of one row (a lone action, or a header named
        # once).
        ys = sorted(float(piece[0]["top"]) for piece in long_rules)
        left = min(float(r["x0"]) for r in inside)
        right = max(float(r["x1"]) for r in inside)
        single = band_table(ys[0], ys[1], left, right, words, number)
        found = [single] if single is not None else []
    # Rules drawn one cell at a time say where the columns are; white gutters may miss a
    # narrow one ("No." beside the action): the reading with more columns wins.
    jointed = table_on_joints(long_rules, words, number, box)
    if jointed is not None and jointed.n_cols > max((t.n_cols for t in found), default=0):
        return [jointed]
    return found


def _extent(piece: list[dict]) -> float:
    return max(float(r["x1"]) for r in piece) - min(float(r["x0"]) for r in piece)


def _on_box(rule: dict, box: Box) -> bool:
    """A rule drawn inside or along a table already found (its own border)."""
    return (box.x0 - CLEAR_PT <= float(rule["x0"]) and float(rule["x1"]) <= box.x1 + CLEAR_PT
            and box.top - CLEAR_PT <= float(rule["top"]) <= box.bottom + CLEAR_PT)


def _build_grid_table(
    cells_bboxes: list[Box], words: list[Word], number: int, nested: list[Table] | None = None,
    rules: list[dict] | None = None,
) -> Table | None:
    """A ruled grid as a table; ``nested`` are grids drawn inside its cells, already built;
    tables drawn inside a cell with horizontal rules only are found among ``rules``."""
    boxes = [Box(*(float(v) for v in c)) for c in cells_bboxes]
    xs = _cluster([b.x0 for b in boxes] + [b.x1 for b in boxes])
    boxes, xs = _without_frame_gaps(boxes, xs, words)
    tops = _cluster([b.top for b in boxes])
    if len(xs) < 2:
        return None
    by_row: dict[int, list[Cell]] = {i: [] for i in range(len(tops))}
    words_in = _words_by_box(words, boxes, xs)
    by_height = _RulesByHeight(rules or [])
    for box, mine in zip(boxes, words_in, strict=True):
        cell = _grid_cell(box, mine, xs, number, nested or [], by_height)
        by_row[_index(tops, box.top)].append(cell)
    _merge_down(by_row, tops, number)
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
        bottom=max(b.bottom for b in boxes),
        ruled="grid",
    )


# No column of text is this narrow: one digit of 8 pt type is 4.5 pt, and producers pad a
# cell's text 2.8 pt (LibreOffice) to 5.4 pt (Word) a side. A merged cell left empty on a
# continuation page (the recommendation's number shown on the page before) is wider.
FRAME_GAP_PT = 12.0


def _without_frame_gaps(
    boxes: list[Box], xs: list[float], words: list[Word]
) -> tuple[list[Box], list[float]]:
    """Drop the sliver between a table and a frame drawn round it. Where the frame's border
    meets the table's (a page break puts both at the page top), pdfplumber joins them into
    one grid, with an end column too narrow for text that is one empty cell the height of
    the table: the table's row rules do not cross it, so it is the gap inside the frame."""
    top = min(b.top for b in boxes)
    bottom = max(b.bottom for b in boxes)

    def gap(left: float, right: float) -> bool:
        inside = [b for b in boxes
                  if b.x0 >= left - EDGE_TOLERANCE and b.x1 <= right + EDGE_TOLERANCE]
        return (right - left < FRAME_GAP_PT and len(inside) == 1 and len(boxes) > 2
                and inside[0].top <= top + EDGE_TOLERANCE
                and inside[0].bottom >= bottom - EDGE_TOLERANCE
                and not any(inside[0].holds_centre(w) for w in words))

    while len(xs) > 2 and gap(xs[0], xs[1]):
        boxes = _trim(boxes, xs[0], xs[1], keep_left=False)
        xs = xs[1:]
    while len(xs) > 2 and gap(xs[-2], xs[-1]):
        boxes = _trim(boxes, xs[-2], xs[-1], keep_left=True)
        xs = xs[:-1]
    return boxes, xs


def _trim(boxes: list[Box], left: float, right: float, keep_left: bool) -> list[Box]:
    """Cells wholly inside the sliver go; cells reaching into it end at its inner edge."""
    kept = []
    for box in boxes:
        if box.x0 >= left - EDGE_TOLERANCE and box.x1 <= right + EDGE_TOLERANCE:
            continue
        if keep_left and box.x1 > left + EDGE_TOLERANCE:
            box = Box(box.x0, box.top, left, box.bottom)
        elif not keep_left and box.x0 < right - EDGE_TOLERANCE:
            box = Box(right, box.top, box.x1, box.bottom)
        kept.append(box)
    return kept


def _grid_cell(box: Box, words: list[Word], xs: list[float], number: int,
               nested: list[Table], rules: _RulesByHeight) -> Cell:
    """One grid cell: its own lines as paragraphs, and the tables drawn inside it (grids
    already built, or tables drawn with rules only) nested, their text where they stand."""
    col = _index(xs, box.x0)
    span = max(1, _index(xs, box.x1) - col)
    inner = [t for t in nested if _contains(box, table_box(t))]
    inner += _ruled_tables_in_cell(box, words, rules, inner, number)
    inside = _outside(words, [table_box(t) for t in inner])
    paragraphs = lines_to_paragraphs(words_to_lines(inside, number), box.x0, box.x1, number)
    if inner:
        # The cell reads top to bottom: its own lines and its tables' text where they stand.
        placed = [(p.lines[0].top or 0.0, [p]) for p in paragraphs if p.lines]
        placed += [(t.top or 0.0, t.paragraphs()) for t in inner]
        paragraphs = [p for _, group in sorted(placed, key=lambda g: g[0]) for p in group]
    return Cell(paragraphs, col=col, span=span, page=number, x0=box.x0, top=box.top,
                x1=box.x1, bottom=box.bottom, nested=inner)


def _merge_down(by_row: dict[int, list[Cell]], tops: list[float], number: int) -> None:
    """A cell drawn over several rows is merged down: the rows it covers get a placeholder,
    as DOCX vertical merges do, so "merged" and "left empty" stay distinguishable."""
    for i in range(len(tops)):
        for cell in list(by_row[i]):
            for j in range(i + 1, len(tops)):
                if cell.bottom is None or tops[j] >= cell.bottom - EDGE_TOLERANCE:
                    break
                by_row[j].append(Cell([], col=cell.col, span=cell.span, page=number,
                                      x0=cell.x0, top=tops[j], x1=cell.x1, continued=True))
