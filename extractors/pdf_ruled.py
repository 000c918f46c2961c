"""Tables drawn with horizontal rules only (no vertical borders).

Rows are the bands between rules; columns are the white gutters that run down the whole
band stack, found by projecting every row's words onto the x axis. A row whose words
cross a gutter (a full-width section title) becomes one spanning cell.
"""

from __future__ import annotations

import itertools
import statistics
from typing import Any, NamedTuple

from extractors.geometry import (
    CLEAR_PT,
    OVERLAP_SHARE,
    RULE_END_SLACK_PT,
    SAME_RULE_PT,
    SNAP_PT,
    TOUCH_PT,
    Box,
)
from extractors.layout import Cell, Row, Table
from extractors.pdf_text import Word, adjacent_edge, lines_to_paragraphs, words_to_lines

MIN_RULE_SHARE = 0.3  # of the page width: shorter rules are underlines, not table rules
# Narrowest white strip that separates columns: wider than a word space in 10-12 pt type.
MIN_GUTTER = 4.0
# A header drawn as a grid of its own (a shaded band) sits above the table's first rule,
# at most about half an A4 page (842 pt) up.
HEADER_GRID_REACH_PT = 400.0
# Lines packed against the first rule that start this close under such a header grid's
# foot (about two lines of text) are the first row: the rows start at the foot.
HEADER_FOOT_SNAP_PT = 25.0
# Words on one line closer than this many line heights are one phrase, in one cell: a word
# space is about a quarter of the type size, while cell padding sets neighbouring cells'
# text apart by 10 pt or more.
WORD_SPACE_LINES = 0.5
# A section title is one short line: under this share of the table's width.
TITLE_SHARE = 0.4


class Rule(NamedTuple):
    """A horizontal rule across a table: its height on the page and its extent.

    ``drawn`` is 1.0 for a stroke or a thin fill, 0.0 where only a shaded band's edge lies
    (a band alone does not make a table of rules).
    """

    y: float
    x0: float
    x1: float
    drawn: float = 1.0


class _Band(NamedTuple):
    """The strip between two rules, and the words whose centres lie in it."""

    top: float
    bottom: float
    words: list[Word]


def find_ruled_tables(
    horizontal_edges: list[dict[str, Any]],
    words: list[Word],
    taken: list[Box],
    page: int,
    page_width: float,
    carried: list[float] | None = None,
) -> list[Table]:
    """Tables whose rows are separated by full-width horizontal rules.

    ``carried`` are the column lines of the last such table on the page before: the first
    table here may continue it, and keeps its columns where its own rows leave room.
    """
    rules = _rules(horizontal_edges, taken, page_width)
    tables: list[Table] = []
    for group in _rule_groups(rules):
        for part in _split_where_columns_change(group, words):
            table = _table_from_rules(part, words, taken, page, None if tables else carried)
            if table is not None:
                tables.append(table)
    return tables


# Column lines of one table on two pages that lie this close are the same column (a
# gutter's middle moves with the text beside it).
SAME_COLUMN_PT = 10.0


def _split_where_columns_change(group: list[Rule], words: list[Word]) -> list[list[Rule]]:
    """The rules of one group cut where an empty band separates two stacks of rows whose
    columns differ: two tables one above the other (a front-matter table over the plan),
    not one table with a spacer row."""
    x0, x1 = min(r.x0 for r in group), max(r.x1 for r in group)
    parts: list[list[Rule]] = [[group[0]]]
    for upper, lower in zip(group, group[1:], strict=False):
        empty = not any(upper.y <= (w.top + w.bottom) / 2 <= lower.y and x0 <= w.x0
                        and w.x1 <= x1 for w in words)
        if empty and _qualifies(parts[-1]) and _qualifies(group[group.index(lower):]):
            parts.append([lower])
        else:
            parts[-1].append(lower)
    if len(parts) == 1:
        return parts
    merged = [parts[0]]
    for part in parts[1:]:
        if _same_columns(merged[-1], part, words):
            merged[-1] = merged[-1] + part
        else:
            merged.append(part)
    return merged


def _qualifies(rules: list[Rule]) -> bool:
    return len(rules) >= 3 and sum(r.drawn for r in rules) >= MIN_DRAWN_RULES


def _same_columns(upper: list[Rule], lower: list[Rule], words: list[Word]) -> bool:
    """Whether the two stacks of rows could share their columns: no column line of either
    runs through a word of the other."""
    stacks = []
    for rules in (upper, lower):
        x0, x1 = min(r.x0 for r in rules), max(r.x1 for r in rules)
        bands = [
            [w for w in words if a.y <= (w.top + w.bottom) / 2 <= b.y
             and x0 - RULE_END_SLACK_PT <= w.x0 and w.x1 <= x1 + RULE_END_SLACK_PT]
            for a, b in zip(rules, rules[1:], strict=False)
        ]
        bands = [b for b in bands if b]
        lines = _column_lines(bands, rules, x0, x1) if bands else []
        stacks.append((lines, [w for band in bands for w in band]))
    (lines_a, words_a), (lines_b, words_b) = stacks
    return not any(w.x0 < x - TOUCH_PT and w.x1 > x + TOUCH_PT
                   for lines, others in ((lines_a, words_b), (lines_b, words_a))
                   for x in lines for w in others)


def rule_pieces(edges: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Horizontal edges at one height that meet, grouped as one rule in pieces (browsers and
    Word draw a row's rule one cell at a time), top to bottom."""
    pieces: list[list[dict[str, Any]]] = []
    for edge in sorted(edges, key=lambda e: (float(e["top"]), float(e["x0"]))):
        last = pieces[-1] if pieces else None
        if last and abs(float(last[0]["top"]) - float(edge["top"])) <= SAME_RULE_PT and (
                float(edge["x0"]) <= max(float(e["x1"]) for e in last) + SNAP_PT):
            last.append(edge)
        else:
            pieces.append([edge])
    return pieces


def _rules(edges: list[dict[str, Any]], taken: list[Box], page_width: float) -> list[Rule]:
    """Long horizontal rules outside ruled grids, pieces at one height merged."""
    free = [
        e for e in edges
        if not any(b.x0 - CLEAR_PT <= float(e["x0"]) and float(e["x1"]) <= b.x1 + CLEAR_PT
                   and b.top - CLEAR_PT <= float(e["top"]) <= b.bottom + CLEAR_PT
                   for b in taken)
    ]
    found = [
        Rule(float(piece[0]["top"]), min(float(e["x0"]) for e in piece),
             max(float(e["x1"]) for e in piece),
             max(0.0 if e.get("band") else 1.0 for e in piece))
        for piece in rule_pieces(free)
    ]
    return [r for r in found if r.x1 - r.x0 >= page_width * MIN_RULE_SHARE]


# Shaded bands (a header, section titles) alone do not make a ruled table: a table drawn
# without lines but with a shaded header is the borderless reader's.
MIN_DRAWN_RULES = 2


def _rule_groups(rules: list[Rule]) -> list[list[Rule]]:
    """Rules of one table: each overlaps most of the table's width so far.

    Rules under a vertically merged cell leave that column out, so extents differ.
    """
    groups: list[list[Rule]] = []
    for rule in rules:
        if groups:
            left = min(r.x0 for r in groups[-1])
            right = max(r.x1 for r in groups[-1])
            overlap = min(right, rule.x1) - max(left, rule.x0)
            if overlap >= OVERLAP_SHARE * min(right - left, rule.x1 - rule.x0):
                groups[-1].append(rule)
                continue
        groups.append([rule])
    return [g for g in groups if len(g) >= 3 and sum(r.drawn for r in g) >= MIN_DRAWN_RULES]


def _table_from_rules(
    group: list[Rule], words: list[Word], taken: list[Box], page: int,
    carried: list[float] | None = None,
) -> Table | None:
    x0 = min(r.x0 for r in group)
    x1 = max(r.x1 for r in group)
    free = [
        w
        for w in words
        if x0 - RULE_END_SLACK_PT <= w.x0
        and w.x1 <= x1 + RULE_END_SLACK_PT
        and not any(b.x0 <= w.x0 and w.x1 <= b.x1 and b.top <= (w.top + w.bottom) / 2 <= b.bottom
                    for b in taken)
    ]
    rules = list(group)
    above, below = _outer_rows(free, rules, taken, x0, x1)
    if above is not None:
        rules.insert(0, Rule(above, x0, x1))
    if below is not None:
        rules.append(Rule(below, x0, x1))
    bands = [
        _Band(upper.y, lower.y, [w for w in free if upper.y <= (w.top + w.bottom) / 2 <= lower.y])
        for upper, lower in zip(rules, rules[1:], strict=False)
    ]
    if sum(1 for b in bands if b.words) < 2:
        return None
    inner = _settled_columns(bands, rules, above is not None, below is not None, x0, x1)
    if inner is None:
        return None
    if carried:
        inner = _with_carried(inner, carried, bands, x0, x1)
    edges = [x0, *inner, x1]
    rows = []
    for i, band in enumerate(bands):
        row = _row(i, bands, rules, band.words, edges, page)
        if any(not c.continued for c in row.cells):
            rows.append(row)
    return Table(
        rows=rows,
        n_cols=len(edges) - 1,
        page=page,
        col_edges=edges,
        top=rules[0].y,
        bottom=rules[-1].y,
        ruled="horizontal",
    )


def _with_carried(inner: list[float], carried: list[float], bands: list[_Band], x0: float,
                  x1: float) -> list[float]:
    """The column lines settled against those of the same table on the page before (the
    same outer lines): a line of this page in the same white strip as one of that page is
    moved onto it, and a line of that page no word here crosses (the first row's aside: a
    header label may span it) is added, so a column this page leaves empty (no action
    numbers here) is still a column."""
    if abs(carried[0] - x0) > SAME_COLUMN_PT or abs(carried[-1] - x1) > SAME_COLUMN_PT:
        return inner
    words = [w for band in bands for w in band.words]
    body = [w for band in bands[1:] for w in band.words]

    def white(among: list[Word], lo: float, hi: float) -> bool:
        return not any(w.x0 < hi and w.x1 > lo for w in among)

    lines = list(inner)
    for x in carried[1:-1]:
        y = min(lines, key=lambda v: abs(v - x), default=None)
        if y is not None and white(words, min(x, y), max(x, y)):
            lines[lines.index(y)] = x
        elif (y is None or abs(y - x) > SAME_COLUMN_PT) and white(body, x - TOUCH_PT,
                                                                  x + TOUCH_PT):
            lines.append(x)
    return sorted(set(lines))


def _outer_rows(free: list[Word], rules: list[Rule], taken: list[Box], x0: float, x1: float
                ) -> tuple[float | None, float | None]:
    """Where the rows outside the outer rules end: rules drawn only below rows leave the
    header above the first rule, and a row cut by the page end below the last, so the lines
    that sit tight against the outer rules are taken. Right under another table (a shaded
    header grid), the rows start at its foot."""
    first = rules[0].y
    foot = max(
        (b.bottom for b in taken
         if min(b.x1, x1) - max(b.x0, x0) > OVERLAP_SHARE * (x1 - x0)
         and 0 < first - b.bottom < HEADER_GRID_REACH_PT),
        default=None,
    )
    packed = adjacent_edge(free, first, upward=True)
    near = foot is not None and (packed is None or packed - foot < HEADER_FOOT_SNAP_PT)
    above = foot if near else packed
    below = adjacent_edge(free, rules[-1].y, upward=False)
    return above, below


def _settled_columns(bands: list[_Band], rules: list[Rule], above: bool, below: bool,
                     x0: float, x1: float) -> list[float] | None:
    """Inner column lines of the table; the bands borrowed from above the first rule and
    below the last lose their lines of prose (``bands`` and ``rules`` are trimmed in place).

    Columns come from the rows between real rules when there are enough of them: lines
    borrowed from above or below must not decide the gutters.
    """
    first = 1 if above else 0
    last = len(bands) - (1 if below else 0)
    between = [b.words for b in bands[first:last] if b.words]
    basis = between if len(between) >= 2 else [b.words for b in bands if b.words]
    inner = _column_lines(basis, rules, x0, x1)
    if not inner:
        return None
    if above and first:
        bands[0], rules[0] = _trim_prose(bands[0], rules[0], inner, from_top=True)
    if below and last < len(bands):
        bands[-1], rules[-1] = _trim_prose(bands[-1], rules[-1], inner, from_top=False)
    # With the prose gone, every row (header band included) settles the gutters.
    return _column_lines([b.words for b in bands if b.words], rules, x0, x1) or inner


def _coverage(bands: list[list[Word]], x0: float, width: int) -> list[int]:
    """For each point from ``x0``, how many of the bands have a word over it."""
    if width <= 0:
        return []
    # Each band's words merged into runs of points, each run counted where it starts and
    # uncounted where it stops, summed once across the width: a band costs its words, not
    # the page width.
    steps = [0] * (width + 1)
    for band in bands:
        spans = []
        for w in band:  # (max(0, start), min(width, stop)) as comparisons, without the calls
            start, stop = int(w.x0 - x0), int(w.x1 - x0) + 1
            spans.append((start if start > 0 else 0, stop if stop < width else width))
        spans.sort()
        run_start = run_stop = -1
        for start, stop in spans:
            if start >= stop:
                continue  # a word left of ``x0`` or past the width covers no point
            if start <= run_stop:
                run_stop = max(run_stop, stop)
                continue
            if run_stop >= 0:
                steps[run_start] += 1
                steps[run_stop] -= 1
            run_start, run_stop = start, stop
        if run_stop >= 0:
            steps[run_start] += 1
            steps[run_stop] -= 1
    return list(itertools.accumulate(steps[:width]))


# Below this many bands the first (the header) is needed to see the gutters at all.
MIN_BANDS_FOR_HEADER = 3


def _allowed_crossings(bands: list[list[Word]]) -> int:
    # One or two rows may cross a gutter: a section title or a header spanning columns.
    return max(0, min(2, len(bands) // 6))


def _gutters(bands: list[list[Word]], x0: float, x1: float) -> list[tuple[float, float]]:
    """Vertical white strips (left, right) that (almost) every row leaves empty.

    The first row (the header) may also cross a strip the rows under it all leave white,
    when the column left of the strip holds one line per row: a number column under a
    header label spanning it and the next ("4. Response" over the action numbers and the
    actions). Several lines there in one row are a list's hanging labels inside one cell.
    """
    found = _white_strips(bands, x0, x1)
    if len(bands) < MIN_BANDS_FOR_HEADER:
        return found
    extra = [g for g in _white_strips(bands[1:], x0, x1)
             if not any(lo <= g[1] and g[0] <= hi for lo, hi in found)]
    for gutter in extra:
        left = max((hi for lo, hi in found if hi <= gutter[0]), default=x0)
        if all(_lines_between(band, left, gutter[0]) <= 1 for band in bands[1:]):
            found.append(gutter)
    return sorted(found)


def _lines_between(words: list[Word], left: float, right: float) -> int:
    """How many lines of ``words`` have text between ``left`` and ``right``."""
    return len(words_to_lines([w for w in words if left <= (w.x0 + w.x1) / 2 <= right], None))


def _white_strips(bands: list[list[Word]], x0: float, x1: float) -> list[tuple[float, float]]:
    width = int(x1 - x0) + 1
    counts = _coverage(bands, x0, width)
    allowed = _allowed_crossings(bands)
    white = [c <= allowed for c in counts]
    # The first and last points with text over them (more bands than may cross a gutter).
    start_text = white.index(False) if False in white else 0
    end_text = len(white) - 1 - white[::-1].index(False) if False in white else width - 1
    return _white_runs(white, start_text, end_text, x0, MIN_GUTTER)


def _white_runs(white: list[bool], start: int, end: int, x0: float, least: float
                ) -> list[tuple[float, float]]:
    """Runs of ``white`` points between ``start`` and ``end`` closed on both sides by
    non-white ones, at least ``least`` points wide, as (left, right) from ``x0``."""
    runs = []
    run_start = None
    for x in range(start, end + 1):
        if white[x]:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            if x - run_start >= least:
                runs.append((x0 + run_start, x0 + x))
            run_start = None
    return runs


def _label_gaps(bands: list[list[Word]], x0: float, x1: float) -> list[tuple[float, float]]:
    """White strips between the first row's labels (its words set apart by more than a word
    space) that the other rows leave (almost) white too.

    The first row is usually the header: its labels name every column, even where the rows
    under it hold text in only a few (a page that continues merged cells, whose rules stop
    short of the columns they span), too few for the gutter count to see.
    """
    anchor, others = bands[0], bands[1:]
    if not anchor or not others:
        return []
    width = int(x1 - x0) + 1
    own = _coverage([anchor], x0, width)
    counts = _coverage(others, x0, width)
    allowed = _allowed_crossings(bands)
    white = [not mine and c <= allowed for mine, c in zip(own, counts, strict=True)]
    start = max(0, int(min(w.x0 for w in anchor) - x0))
    end = min(width - 1, int(max(w.x1 for w in anchor) - x0))
    space = max(MIN_GUTTER, WORD_SPACE_LINES * statistics.median(w.bottom - w.top for w in anchor))
    return _white_runs(white, start, end, x0, space)


def _column_lines(bands: list[list[Word]], rules: list[Rule], x0: float, x1: float
                  ) -> list[float]:
    """Inner column lines: inside a gutter, a rule's end marks the line exactly (rules stop
    at merged cells); otherwise the gutter's middle. The first row's label gaps add the
    lines the gutters miss."""
    # A section title (one short line in a band of its own) crosses gutters without
    # being a row of columns: it does not get to close them.
    titled = [b for b in bands if not _is_title(b, x1 - x0)]
    bands = titled if len(titled) >= 2 else bands
    ends = sorted({r.x0 for r in rules} | {r.x1 for r in rules})
    words = [w for band in bands for w in band]

    def line_in(lo: float, hi: float) -> float:
        return (next((e for e in ends if lo - CLEAR_PT <= e <= hi + CLEAR_PT), None)
                or _clear_point(words, lo, hi))

    lines = [line_in(lo, hi) for lo, hi in _gutters(bands, x0, x1)]
    extra = [
        line_in(lo, hi) for lo, hi in _label_gaps(bands, x0, x1)
        if not any(lo - CLEAR_PT <= x <= hi + CLEAR_PT for x in lines)
    ]
    return sorted(lines + extra) if extra else lines


def _clear_point(words: list[Word], lo: float, hi: float) -> float:
    """The gutter's middle, or the point nearest it that no word crosses: a header word that
    reaches into the gutter ("Concern" over a narrow number column) keeps its own column."""
    middle = (lo + hi) / 2

    def crossed(x: float) -> bool:
        return any(w.x0 < x - TOUCH_PT and w.x1 > x + TOUCH_PT for w in words)

    if not crossed(middle):
        return middle
    steps = int((hi - lo) / 2)
    for step in range(1, steps + 1):
        for x in (middle - step, middle + step):
            if lo <= x <= hi and not crossed(x):
                return x
    return middle


def _is_title(words: list[Word], width: float) -> bool:
    span = max(w.x1 for w in words) - min(w.x0 for w in words)
    # The span first: a band across the table is no title, and needs no line grouping.
    return span < TITLE_SHARE * width and len(words_to_lines(words, None)) == 1


def _trim_prose(band: _Band, rule: Rule, inner: list[float], *, from_top: bool
                ) -> tuple[_Band, Rule]:
    """Drop borrowed lines that run across the column gutters: text outside the table."""
    top, bottom, words = band
    lines = words_to_lines(words, None)
    order = lines if from_top else list(reversed(lines))
    kept = list(order)
    for line, members in order:
        if not any(w.x0 < x - TOUCH_PT and w.x1 > x + TOUCH_PT for w in members for x in inner):
            break
        kept.remove((line, members))
    remaining = [w for _, members in kept for w in members]
    if not remaining:
        edge = bottom if from_top else top
        return _Band(edge, edge, []), Rule(edge, rule.x0, rule.x1)
    if from_top:
        top = min(w.top for w in remaining) - TOUCH_PT
        return _Band(top, bottom, remaining), Rule(top, rule.x0, rule.x1)
    bottom = max(w.bottom for w in remaining) + TOUCH_PT
    return _Band(top, bottom, remaining), Rule(bottom, rule.x0, rule.x1)


def _covers(rule: Rule, left: float, right: float) -> bool:
    return rule.x0 <= left + RULE_END_SLACK_PT and rule.x1 >= right - RULE_END_SLACK_PT


def _row(index: int, bands: list[_Band], rules: list[Rule], words: list[Word],
         edges: list[float], page: int) -> Row:
    """Cells starting in band ``index``; a column no rule closes runs on into the next bands."""
    top, bottom = bands[index].top, bands[index].bottom
    # An edge crossed by a word, or falling in a word space of one phrase ("4. Response" over
    # a number column and the action column), joins the columns either side into one cell.
    spaces = _word_spaces(words)
    blocked = {
        i
        for i in range(1, len(edges) - 1)
        if any(w.x0 < edges[i] - TOUCH_PT and w.x1 > edges[i] + TOUCH_PT for w in words)
        or any(lo - TOUCH_PT <= edges[i] <= hi + TOUCH_PT for lo, hi in spaces)
    }
    cells = []
    col = 0
    while col < len(edges) - 1:
        end = col + 1
        while end < len(edges) - 1 and end in blocked:
            end += 1
        left, right = edges[col], edges[end]
        if index > 0 and not _covers(rules[index], left, right):
            cells.append(Cell([], col=col, span=end - col, page=page, x0=left, top=top,
                              x1=right, bottom=bottom, continued=True))
            col = end
            continue  # merged down from the band above
        last = index
        while last + 1 < len(bands) and not _covers(rules[last + 1], left, right):
            last += 1
        mine = [
            w
            for b in bands[index : last + 1]
            for w in b.words
            if left <= (w.x0 + w.x1) / 2 < right
        ]
        paragraphs = lines_to_paragraphs(words_to_lines(mine, page), left, right, page)
        cells.append(
            Cell(paragraphs, col=col, span=end - col, page=page, x0=left, top=top, x1=right,
                 bottom=bands[last].bottom)
        )
        col = end
    return Row(cells=cells, page=page, top=top, bottom=bottom)


def _word_spaces(words: list[Word]) -> list[tuple[float, float]]:
    """The spaces between neighbouring words of one line narrower than a cell gap would be."""
    spaces = []
    for _line, members in words_to_lines(words, None):
        for a, b in zip(members, members[1:], strict=False):
            if 0 <= b.x0 - a.x1 < WORD_SPACE_LINES * (a.bottom - a.top):
                spaces.append((a.x1, b.x0))
    return spaces


def joints(piece: list[dict[str, Any]]) -> list[float]:
    """Where the pieces of one rule meet: producers that draw a rule one cell at a time
    (browsers, Word) meet at the cells' sides."""
    ends = sorted((float(r["x0"]), float(r["x1"])) for r in piece)
    return [right for (_, right), (left, _) in zip(ends, ends[1:], strict=False)
            if abs(left - right) <= SNAP_PT]


def table_on_joints(pieces: list[list[dict[str, Any]]], words: list[Word], page: int,
                    within: Box) -> Table | None:
    """A table drawn with row rules only, each drawn one cell at a time: its columns are
    where most rules' pieces meet, its rows the bands between the rules (and the lines
    packed against the outer rules, a row the page cut). ``within`` bounds its words (the
    cell it is drawn in). None when the rules are drawn whole (the columns must come from
    white gutters instead)."""
    cuts = [joints(piece) for piece in pieces]
    if sum(1 for c in cuts if c) < 2:
        return None
    found = sorted(x for c in cuts for x in c)
    lines: list[list[float]] = []
    for x in found:
        if lines and x - lines[-1][-1] <= SNAP_PT:
            lines[-1].append(x)
        else:
            lines.append([x])
    inner = [sum(g) / len(g) for g in lines if len(g) * 2 >= len(cuts)]
    if not inner:
        return None
    x0 = min(float(r["x0"]) for piece in pieces for r in piece)
    x1 = max(float(r["x1"]) for piece in pieces for r in piece)
    rules = [Rule(float(piece[0]["top"]), x0, x1) for piece in pieces]
    free = [w for w in words if x0 - RULE_END_SLACK_PT <= w.x0 and w.x1 <= x1 + RULE_END_SLACK_PT
            and within.top <= (w.top + w.bottom) / 2 <= within.bottom]
    above, below = _outer_rows(free, rules, [], x0, x1)
    if above is not None:
        rules.insert(0, Rule(above, x0, x1))
    if below is not None:
        rules.append(Rule(below, x0, x1))
    bands = [_Band(upper.y, lower.y, [w for w in free
                                      if upper.y <= (w.top + w.bottom) / 2 <= lower.y])
             for upper, lower in zip(rules, rules[1:], strict=False)]
    edges = [x0, *inner, x1]
    rows = [_row(i, bands, rules, band.words, edges, page)
            for i, band in enumerate(bands) if band.words]
    if not rows:
        return None
    return Table(rows=rows, n_cols=len(edges) - 1, page=page, col_edges=edges,
                 top=rules[0].y, bottom=rules[-1].y, ruled="horizontal")


def band_table(
    top: float, bottom: float, x0: float, x1: float, words: list[Word], page: int
) -> Table | None:
    """The words between two rules as a one-row table, when they leave white gutters between
    columns (a table drawn with rules only, holding a single row); None otherwise."""
    mine = [w for w in words if x0 - RULE_END_SLACK_PT <= w.x0 and w.x1 <= x1 + RULE_END_SLACK_PT
            and top <= (w.top + w.bottom) / 2 <= bottom]
    if not mine:
        return None
    rules = [Rule(top, x0, x1), Rule(bottom, x0, x1)]
    inner = _column_lines([mine], rules, x0, x1)
    if not inner:
        return None
    edges = [x0, *inner, x1]
    row = _row(0, [_Band(top, bottom, mine)], rules, mine, edges, page)
    return Table(rows=[row], n_cols=len(edges) - 1, page=page, col_edges=edges, top=top,
                 bottom=bottom, ruled="horizontal")
