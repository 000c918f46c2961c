"""Sub-rows of a table drawn without lines: rows that nothing but their text sets apart.

A recommendation often has several actions, each a row of its own with its owner and date,
beside one merged recommendation cell. With no rule and no extra white space between them,
only the text shows where such a row starts: its cells start on one line (top edges aligned
across columns), each after white space in its own column or as a new paragraph right under
the row above, while the merged cell beside them runs on.

Two readings are scored for each row the clear breaks give (a number, a gap, a rule): one row
(its cells may stack several entries: owners one per action, dates one per action) or
sub-rows. Sub-rows win only where every line on which entries start together is one where
every column that holds one entry per sub-row starts: a column that holds one entry per
sub-row yet runs on mid-paragraph beside such a line shows stacked entries, not sub-rows.
A column that starts at few of the table's sub-row starts is a merged cell: its text below a
sub-row start still belongs to the row above.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from extractors.layout import Line
from extractors.pdf_text import ENDS_SENTENCE, Word, starts_paragraph

# How a column's text goes on at a line: after white space in that column ("restart"), as a
# new paragraph right under its previous line ("paragraph"), as a new sentence, capital or
# label first, after one that ended the line above ("sentence": a narrow column may wrap a
# paragraph there too), or as that paragraph's next line.
RESTART, PARAGRAPH, SENTENCE, CONTINUES = "restart", "paragraph", "sentence", "continues"
STARTS = (RESTART, PARAGRAPH, SENTENCE)
# Cells of one row start on one line, but a column set with other paragraph spacing puts
# its lines a little lower (Word and LibreOffice add the spacing above each paragraph):
# entries starting within this share of the line height are one start.
BAND_SHARE = 0.5
# A column starting at no more than this share of the table's sub-row starts is a merged
# cell beside them (the recommendation), not a cell of each sub-row.
MERGED_SHARE = 0.34

# The words of one line by column; None for a line across the columns (a section title).
LineCells = dict[int, list[Word]] | None


@dataclass(slots=True)
class StartTally:
    """How often each column started at a sub-row start, over a table's pages so far."""

    starts: dict[int, int] = field(default_factory=dict)
    sub_rows: int = 0


def column_states(lines: list[tuple[Line, LineCells]], limits: list[float], gap: float
                  ) -> list[dict[int, str]]:
    """How each column's text goes on at each line from the column's line above it.

    ``limits`` are where each column's lines wrap; ``gap`` is the white space between two
    lines of a column that starts its text afresh (a cell's padding, a blank line).
    """
    states: list[dict[int, str]] = []
    last: dict[int, tuple[Line, list[Word]]] = {}
    for line, cells in lines:
        state: dict[int, str] = {}
        if cells is None:
            last.clear()  # a title across the columns starts every column afresh
            states.append(state)
            continue
        height = (line.bottom or 0.0) - (line.top or 0.0)
        for col, mine in sorted(cells.items()):
            item = (Line(" ".join(w.text for w in mine), line.page, mine[0].x0, line.top,
                         mine[-1].x1, line.bottom), mine)
            prev = last.get(col)
            if prev is None or (line.top or 0.0) - (prev[0].bottom or 0.0) > gap:
                state[col] = RESTART
            elif starts_paragraph(prev, item, height, limits[col]):
                state[col] = PARAGRAPH
            elif ENDS_SENTENCE.search(prev[0].text) and not mine[0].text[:1].islower():
                state[col] = SENTENCE
            else:
                state[col] = CONTINUES
            last[col] = item
        states.append(state)
    return states


def _starts_together(state: dict[int, str]) -> bool:
    """Text starts after white space in two columns, or in one while another starts a
    paragraph or a sentence: inside one cell a new bullet or a second owner starts alone."""
    restarts = sum(1 for s in state.values() if s == RESTART)
    others = sum(1 for s in state.values() if s in (PARAGRAPH, SENTENCE))
    return restarts >= 2 or (restarts >= 1 and others >= 1)


def _band(lines: list[tuple[Line, LineCells]], states: list[dict[int, str]], first: int,
          end: int, i: int, height: float) -> tuple[int, dict[int, str]]:
    """The lines of ``first``..``end`` level with line ``i``: the first of them on which an
    entry starts, and each column's state over them (a start wins over running on)."""
    top = lines[i][0].top or 0.0
    start, state = i, dict[int, str]()
    for j in range(first, end):
        if abs((lines[j][0].top or 0.0) - top) > BAND_SHARE * height:
            continue
        for col, s in states[j].items():
            if s in STARTS:
                start = min(start, j)
                state[col] = s
            else:
                state.setdefault(col, s)
    # A column with no line level with them runs on past them when its next line, within a
    # line's pitch, goes on with the paragraph above.
    for j in range(i + 1, end):
        if (lines[j][0].top or 0.0) - top > (1 + BAND_SHARE) * height:
            break
        for col, s in states[j].items():
            if s == CONTINUES:
                state.setdefault(col, s)
    return start, state


def sub_row_starts(lines: list[tuple[Line, LineCells]], states: list[dict[int, str]],
                   breaks: list[int], height: float) -> dict[int, dict[int, str]]:
    """Lines, inside the rows that ``breaks`` start, on which a sub-row starts, each with
    the state of every column beside it."""
    found: dict[int, dict[int, str]] = {}
    for k, first in enumerate(breaks):
        end = breaks[k + 1] if k + 1 < len(breaks) else len(lines)
        candidates: dict[int, dict[int, str]] = {}
        for i in range(first + 1, end):
            if lines[i][1] is None or not any(s in STARTS for s in states[i].values()):
                continue
            start, state = _band(lines, states, first, end, i, height)
            if start > first and _starts_together(state):
                candidates.setdefault(start, state)
        per_row = {c for state in candidates.values() for c, s in state.items() if s in STARTS}
        # Stacked entries: a column of one entry per sub-row runs on beside a start.
        if all(not any(state.get(c) == CONTINUES for c in per_row)
               for state in candidates.values()):
            found.update(candidates)
    return found


def carried_up(lines: list[tuple[Line, LineCells]], states: list[dict[int, str]],
               breaks: list[int], sub_rows: dict[int, dict[int, str]], tally: StartTally
               ) -> dict[int, int]:
    """Words that run on, in a merged cell, below the start of a sub-row: id(word) → the row
    they belong to. A column's paragraph that goes on lower case across a sub-row start is
    carried up, and so is all the text (down to white space) of a column that starts at few
    of the table's sub-row starts (``tally``, counted on from the table's earlier pages)."""
    row_of = [0] * len(lines)
    for k, first in enumerate(breaks):
        for i in range(first, breaks[k + 1] if k + 1 < len(breaks) else len(lines)):
            row_of[i] = k
    for band in sub_rows.values():
        for col, s in band.items():
            if s in STARTS:
                tally.starts[col] = tally.starts.get(col, 0) + 1
    tally.sub_rows += len(sub_rows)
    columns = {c for s in states for c in s}
    rare = {c for c in columns if tally.starts.get(c, 0) <= MERGED_SHARE * tally.sub_rows}
    # A merged cell stands left of the cells of each sub-row (number, recommendation,
    # answer | actions, owners, dates): a rare start right of them is an entry of its own.
    merged_at = {b: {c for c in rare if all(c < o for o, s in band.items()
                                            if s in STARTS and o != c)}
                 for b, band in sub_rows.items()}
    moved: dict[int, int] = {}
    for col in columns:
        home: int | None = None  # the row the column's text above went to
        carrying = False
        for i, (_line, cells) in enumerate(lines):
            state = states[i].get(col)
            if state is None or cells is None:
                continue
            mine = cells[col]
            if home is None:
                home = row_of[i]
                continue
            # Only sub-row starts lie between: a merged cell never runs on over a clear break.
            soft = home < row_of[i] and all(
                breaks[k] in sub_rows for k in range(home + 1, row_of[i] + 1))
            if soft and (
                (col in merged_at.get(breaks[row_of[i]], ()) and state != RESTART)
                or (state == CONTINUES and (carrying or mine[0].text[:1].islower()))
            ):
                moved.update((id(w), home) for w in mine)
                carrying = True
                continue
            carrying = False
            home = row_of[i]
    return moved
