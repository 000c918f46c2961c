"""Tables drawn with no lines at all: columns from the alignment of words, rows from gaps.

In the spirit of Nurminen's text-edge method (Camelot "stream", pdfplumber's text strategy),
anchored on a header row: a line of three or more short labels set apart by gutters wider
than any word space. Column lines run down the white gutters the lines below leave between
those labels; a gutter no label sits either side of (a hanging list number, a tab) is no
column. The table runs down while its lines keep to the columns, and onto the next page
when that page's first lines keep to them too, with or without a repeated header. Rows
break at a vertical gap across every column, at a rule or a shaded band's edge, and where
the first column starts a number.

Prose, two-column text and lists never qualify: they have fewer than three columns, or no
run of lines that keeps to a header's columns.
"""

from __future__ import annotations

import re
import statistics
from dataclasses import dataclass, field

from extractors.layout import Cell, Line, Row, Table
from extractors.pdf_subrows import (
    LineCells,
    StartTally,
    carried_up,
    column_states,
    sub_row_starts,
)
from extractors.pdf_text import Word, lines_to_paragraphs, words_to_lines

MIN_COLUMNS = 3
# Cells are padded (Word: 0.19 cm each side), so text in neighbouring cells is set apart by
# 10 pt or more; a word space is a quarter of the type size, a justified one rarely 0.6.
MIN_GAP_PT = 6.0
MIN_GAP_SHARE = 0.75  # of the line height
MAX_LABEL_WORDS = 6  # a header label line is short; a prose fragment is not
MIN_DATA_LINES = 3  # lines under the header, two or more columns filled, before it is a table
ALIGN_PT = 4.0  # a cell's text starts at its column's left edge, list numbers hang a little
BREAK_GAP_SHARE = 2.5  # of the line height: white space this tall ends a table
ROW_GAP_SHARE = 0.45  # of the line height: extra space between lines that separates rows
FOOT_SHARE = 0.6  # of the page height: a table ending below this may run on over the page
_NUMBER = re.compile(r"^\(?[A-Z]{0,2}\d{1,3}(?:\.\d{1,3})*[a-z]?[.):]?\)?$")


@dataclass(slots=True)
class Columns:
    """Column lines of a borderless table, carried to the next page it may continue on."""

    edges: list[float]
    page: int
    reached_foot: bool
    right: float = float("inf")  # where the table's right edge was settled
    header: str = ""  # the text of the header's first line
    header_cells: list[str] = field(default_factory=list)  # the header row's cells' text
    tally: StartTally = field(default_factory=StartTally)  # sub-row starts so far


def find_borderless_tables(
    words: list[Word], rules: list[float], page: int, page_height: float,
    carried: Columns | None, lines: list[tuple[Line, list[Word]]] | None = None,
) -> tuple[list[Table], Columns | None]:
    """Borderless tables among ``words`` (the page's words outside ruled tables).

    ``rules`` are the y of horizontal rules and shaded bands' edges; ``carried`` the columns
    of a table that ran to the foot of the previous page; ``lines``, when given, are
    ``words_to_lines(words, page)``. Returns the tables and the columns to carry on to the
    next page (None when no table reaches this page's foot).
    """
    if lines is None:
        lines = words_to_lines(words, page)
    if not lines:
        return [], None
    height = statistics.median(ln.bottom - ln.top for ln, _ in lines)
    tables: list[Table] = []
    carry: Columns | None = None
    start = 0
    going_on = (carried is not None and carried.reached_foot and carried.page == page - 1)
    if going_on and carried is not None and not _repeats_header(lines, carried.header):
        end = _extent(lines, 0, carried.edges, height)
        if end >= MIN_DATA_LINES and _filled_lines(lines[:end], carried.edges) >= 2:
            # Gutters settled on this page's lines, the right edge kept from the page before
            # (this page's text may stop short of it).
            edges = [*_settle(lines[:end], carried.edges)[:-1], carried.right]
            tables.append(_table(lines[:end], edges, rules, page, height, header_lines=0,
                                 tally=carried.tally))
            carry = _carry(carried.edges, tables[-1], lines, end, page, page_height,
                           carried, carried.tally)
            start = end
    i = start
    while i < len(lines):
        edges = _header_columns(lines, i, height)
        if edges is None:
            i += 1
            continue
        end = _extent(lines, i + 1, edges, height)
        data = lines[i + 1 : end]
        # The carried table's header repeated over the page: its rows go on under it, be
        # they ever so few (the last lines of a cell the page cut).
        repeated = (going_on and carried is not None and i < HEADER_SEARCH_LINES
                    and lines[i][0].text == carried.header
                    and len(edges) == len(carried.edges) and bool(data))
        if not repeated and _filled_lines(data, edges) < MIN_DATA_LINES:
            i += 1
            continue
        settled = _settle(lines[i:end], edges)
        before = carried if repeated else None
        tally = before.tally if before else StartTally()
        tables.append(_table(lines[i:end], settled, rules, page, height, header_lines=1,
                             header_cells=before.header_cells if before else None,
                             tally=tally))
        # The labels' starts go on, not this page's gutters: the next page's text may run
        # further into them.
        carry = _carry(edges, tables[-1], lines, end, page, page_height, before, tally)
        i = end
    return tables, carry


# A header repeated at the top of a continuation page comes within its first lines.
HEADER_SEARCH_LINES = 3


def _repeats_header(lines, header: str) -> bool:
    """Whether one of the page's first lines repeats the carried table's header line."""
    return bool(header) and any(
        line.text == header for line, _ in lines[:HEADER_SEARCH_LINES]
    )


def _carry(edges: list[float], table: Table, lines, end: int, page: int,
           page_height: float, before: Columns | None, tally: StartTally) -> Columns:
    """What the next page needs to carry ``table`` on: its columns, header and tallies
    (those of the table it continues when it goes on from the page before)."""
    last = lines[end - 1][0]
    # Nothing but page furniture under the table: it may go on over the page.
    foot = end >= len(lines) and last.bottom > page_height * FOOT_SHARE
    right = table.col_edges[-1] if table.col_edges else float("inf")
    if before is not None:
        return Columns(edges, page, foot, right, before.header, before.header_cells, tally)
    head = table.rows[0] if table.rows else None
    cells = [" ".join(c.text.split()) for c in head.cells] if head else []
    first = next((ln.text for ln, _ in lines if head and ln.top >= (head.top or 0.0)), "")
    return Columns(edges, page, foot, right, first, cells, tally)


def _fragments(words: list[Word], height: float) -> list[list[Word]]:
    """A line's words in runs set apart by more than a word space."""
    gap = max(MIN_GAP_PT, MIN_GAP_SHARE * height)
    runs: list[list[Word]] = []
    for word in words:
        if runs and word.x0 - runs[-1][-1].x1 < gap:
            runs[-1].append(word)
        else:
            runs.append([word])
    return runs


def _header_columns(lines, index: int, height: float) -> list[float] | None:
    """Column starts if line ``index`` reads as a header: three or more short labels."""
    line, words = lines[index]
    runs = _fragments(words, height)
    if len(runs) < MIN_COLUMNS or any(len(run) > MAX_LABEL_WORDS for run in runs):
        return None
    starts = [run[0].x0 for run in runs]
    left = min(w.x0 for w in words) - 1
    return [left, *starts[1:], float("inf")]


def _crosses(word: Word, edges: list[float]) -> bool:
    return any(word.x0 < x - ALIGN_PT and word.x1 > x + 1 for x in edges[1:-1])


def _columns_of(words: list[Word], edges: list[float]) -> set[int]:
    return {_column(w, edges) for w in words}


def _column(word: Word, edges: list[float]) -> int:
    """The column a word starts in (text is left-aligned in its cell; numbers hang a bit)."""
    col = 0
    for i, x in enumerate(edges[1:-1], start=1):
        if word.x0 >= x - ALIGN_PT:
            col = i
    return col


def _by_column(words: list[Word], edges: list[float]) -> list[list[Word]]:
    """The words of each column (``_column``), in their order: each word's column found
    once, not once per column."""
    found: list[list[Word]] = [[] for _ in range(max(1, len(edges) - 1))]
    for word in words:
        found[_column(word, edges)].append(word)
    return found


def _extent(lines, start: int, edges: list[float], height: float) -> int:
    """Index after the last line from ``start`` that keeps to the columns."""
    end = start
    for i in range(start, len(lines)):
        line, words = lines[i]
        if i > start and line.top - lines[i - 1][0].bottom > BREAK_GAP_SHARE * height:
            break
        crossing = [w for w in words if _crosses(w, edges)]
        if crossing:
            # A short title across the columns (a section row) may sit inside the table;
            # a line of prose across them ends it.
            if len(words) > MAX_LABEL_WORDS or i + 1 >= len(lines):
                break
            nxt = lines[i + 1][1]
            if any(_crosses(w, edges) for w in nxt) or len(_columns_of(nxt, edges)) < 2:
                break
        end = i + 1
    return end


def _filled_lines(lines, edges: list[float]) -> int:
    return sum(1 for _, words in lines if len(_columns_of(words, edges)) >= 2)


def _settle(lines, edges: list[float]) -> list[float]:
    """Column lines moved into the gutter left of each header label: the white strip that
    the table's lines leave just before the column's text starts."""
    words = [w for _, ws in lines for w in ws if not _crosses(w, edges)]
    by_column = _by_column(words, edges)
    settled = [edges[0]]
    for i, x in enumerate(edges[1:-1], start=1):
        before = [w.x1 for w in by_column[i - 1] if w.x1 <= x + 1]
        mine = [w.x0 for w in by_column[i]]
        right_of_prev = max(before, default=x - 2)
        left_of_mine = min(mine, default=x)
        settled.append((right_of_prev + left_of_mine) / 2 if right_of_prev < left_of_mine
                       else left_of_mine - 1)
    right = max(w.x1 for w in words) + 1
    settled.append(right)
    return settled


def _row_breaks(lines, edges: list[float], rules: list[float], height: float,
                header_lines: int) -> list[int]:
    """Indices of lines that start a row."""
    breaks = [0]
    for i in range(1, len(lines)):
        line, words = lines[i]
        prev = lines[i - 1][0]
        gap = line.top - prev.bottom
        ruled = any(prev.bottom - 1 <= y <= line.top + 1 for y in rules)
        first = [w for w in words if _column(w, edges) == 0]
        numbered = bool(first) and bool(_NUMBER.match(first[0].text)) and first[0] is words[0]
        # After a gap a row starts only where more than one column (or the first) starts
        # at once: a gap inside one cell (between bullets) leaves the others blank there.
        opens_row = bool(first) or len(_columns_of(words, edges)) >= 2
        if (gap > ROW_GAP_SHARE * height and opens_row) or ruled or numbered or (
            i == header_lines
        ):
            breaks.append(i)
    return breaks


def _table(lines, edges: list[float], rules: list[float], page: int, height: float,
           header_lines: int, tally: StartTally, header_cells: list[str] | None = None
           ) -> Table:
    """The table in ``lines``; ``tally`` counts its sub-row starts over its pages so far,
    ``header_cells`` the header of the table it continues, repeated on this page."""
    # The right edge where the text ends, past the last column's start even when that
    # column is empty on this page.
    right = max(max(ln.x1 for ln, _ in lines), edges[-2]) + 1
    edges = [*edges[:-1], right if edges[-1] == float("inf") else max(edges[-1], right)]
    if not header_lines:
        header_end = 0
    elif header_cells and len(header_cells) == len(edges) - 1:
        header_end = _repeated_header_end(lines, edges, header_cells)
    else:
        header_end = _header_end(lines, rules, height)
    spans = _text_spans(lines[header_end:] or lines, edges)
    breaks = _row_breaks(lines, edges, rules, height, header_end)
    # Rows nothing but their text sets apart: sub-rows of one recommendation's actions.
    cells = [_line_cells(words, edges) for _, words in lines]
    by_column = [(line, c) for (line, _), c in zip(lines, cells, strict=True)]
    body = by_column[header_end:]
    states = column_states(body, [right + 0.5 for _, right in spans], ROW_GAP_SHARE * height)
    sub_rows = {header_end + i: band for i, band in sub_row_starts(
        body, states, [b - header_end for b in breaks if b >= header_end], height).items()}
    breaks = sorted({*breaks, *sub_rows})
    states = [{} for _ in range(header_end)] + states
    moved = carried_up(by_column, states, breaks, sub_rows, tally)
    rows = []
    for k, first in enumerate(breaks):
        last = breaks[k + 1] if k + 1 < len(breaks) else len(lines)
        chunk = lines[first:last]
        top = min(ln.top for ln, _ in chunk) - 1
        bottom = max(ln.bottom for ln, _ in chunk) + 1
        words = [w for _, ws in chunk for w in ws if moved.get(id(w), k) == k]
        words += [w for _, ws in lines[last:] for w in ws if moved.get(id(w)) == k]
        rows.append(_row(words, edges, spans, page, top, bottom))
    return Table(
        rows=rows, n_cols=len(edges) - 1, page=page, col_edges=list(edges),
        top=rows[0].top if rows else None, bottom=rows[-1].bottom if rows else None,
        ruled="none",
    )


def _header_end(lines, rules: list[float], height: float) -> int:
    """Lines of the header row: down to the first gap, rule or band edge after its first line."""
    for i in range(1, len(lines)):
        prev, line = lines[i - 1][0], lines[i][0]
        if line.top - prev.bottom > ROW_GAP_SHARE * height or any(
            prev.bottom - 1 <= y <= line.top + 1 for y in rules
        ):
            return i
    return 1


def _repeated_header_end(lines, edges: list[float], header_cells: list[str]) -> int:
    """Lines of a header repeated over a page: while each column's text on a line goes on
    with the header's text in that column (the cell under it may start right below)."""
    read = [0] * len(header_cells)  # how far each header cell's text has been met
    for i, (_line, words) in enumerate(lines):
        cells = _line_cells(words, edges)
        if cells is None:
            return max(i, 1)
        for col, mine in cells.items():
            text = "".join(w.text for w in mine).casefold()
            found = "".join(header_cells[col].split()).casefold().find(text, read[col])
            if found < 0:
                return max(i, 1)
            read[col] = found + len(text)
    return len(lines)


def _line_cells(words: list[Word], edges: list[float]) -> LineCells:
    """A line's words by column, or None for a line across the columns."""
    if any(_crosses(w, edges) for w in words):
        return None
    cells: dict[int, list[Word]] = {}
    for word in words:
        cells.setdefault(_column(word, edges), []).append(word)
    return cells


def _text_spans(lines, edges: list[float]) -> list[tuple[float, float]]:
    """Where each column's text runs, over the whole table: with no border to wrap at, the
    widest line shows the width the text wrapped to (a paragraph ends on a shorter line)."""
    spans = []
    by_column = _by_column([w for _, ws in lines for w in ws if not _crosses(w, edges)], edges)
    for col in range(len(edges) - 1):
        mine = by_column[col]
        spans.append((min((w.x0 for w in mine), default=edges[col]),
                      max((w.x1 for w in mine), default=edges[col + 1])))
    return spans


def _row(words: list[Word], edges: list[float], spans: list[tuple[float, float]], page: int,
         top: float, bottom: float) -> Row:
    if any(_crosses(w, edges) for w in words):
        # A section title across the columns: one cell spanning them all.
        paragraphs = lines_to_paragraphs(words_to_lines(words, page), edges[0], edges[-1], page)
        cell = Cell(paragraphs, col=0, span=len(edges) - 1, page=page, x0=edges[0], top=top,
                    x1=edges[-1], bottom=bottom)
        return Row(cells=[cell], page=page, top=top, bottom=bottom)
    cells = []
    by_column = _by_column(words, edges)
    for col in range(len(edges) - 1):
        mine = by_column[col]
        left, right = edges[col], edges[col + 1]
        text_left, text_right = spans[col]
        paragraphs = lines_to_paragraphs(words_to_lines(mine, page), text_left - 0.5,
                                         text_right + 1.0, page)
        cells.append(Cell(paragraphs, col=col, page=page, x0=left, top=top, x1=right,
                          bottom=bottom))
    return Row(cells=cells, page=page, top=top, bottom=bottom)

