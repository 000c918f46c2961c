"""Tables drawn with horizontal rules only (no vertical borders).

Rows are the bands between rules; columns are the white gutters that run down the whole
band stack, found by projecting every row's words onto the x axis. A row whose words
cross a gutter (a full-width section title) becomes one spanning cell.
"""

from __future__ import annotations

from extractors.layout import Cell, Row, Table
from extractors.pdf_text import Word, adjacent_edge, lines_to_paragraphs, words_to_lines

MIN_RULE_SHARE = 0.3  # of the page width: shorter rules are underlines, not table rules
MIN_GUTTER = 4.0


def find_ruled_tables(
    horizontal_edges: list[dict],
    words: list[Word],
    taken: list[tuple[float, float, float, float]],
    page: int,
    page_width: float,
) -> list[Table]:
    """Tables whose rows are separated by full-width horizontal rules."""
    rules = _rules(horizontal_edges, taken, page_width)
    tables = []
    for group in _rule_groups(rules):
        table = _table_from_rules(group, words, taken, page)
        if table is not None:
            tables.append(table)
    return tables


def _rules(edges: list[dict], taken, page_width: float) -> list[tuple[float, float, float]]:
    """(y, x0, x1, drawn) of long horizontal rules outside ruled grids, merged per y;
    ``drawn`` is 1.0 for a rule, 0.0 where only a shaded band's edge lies there."""
    found: list[list[float]] = []
    for edge in sorted(edges, key=lambda e: (float(e["top"]), float(e["x0"]))):
        y, x0, x1 = float(edge["top"]), float(edge["x0"]), float(edge["x1"])
        drawn = 0.0 if edge.get("band") else 1.0
        if any(b[0] - 2 <= x0 and x1 <= b[2] + 2 and b[1] - 2 <= y <= b[3] + 2 for b in taken):
            continue
        if found and abs(found[-1][0] - y) <= 1.5 and x0 <= found[-1][2] + 3:
            found[-1][1] = min(found[-1][1], x0)
            found[-1][2] = max(found[-1][2], x1)
            found[-1][3] = max(found[-1][3], drawn)
            continue
        found.append([y, x0, x1, drawn])
    return [(y, x0, x1, d) for y, x0, x1, d in found if x1 - x0 >= page_width * MIN_RULE_SHARE]


# Shaded bands (a header, section titles) alone do not make a ruled table: a table drawn
# without lines but with a shaded header is the borderless reader's.
MIN_DRAWN_RULES = 2


def _rule_groups(rules):
    """Rules of one table: each overlaps most of the table's width so far.

    Rules under a vertically merged cell leave that column out, so extents differ.
    """
    groups: list[list[tuple[float, float, float, float]]] = []
    for rule in rules:
        if groups:
            left = min(r[1] for r in groups[-1])
            right = max(r[2] for r in groups[-1])
            overlap = min(right, rule[2]) - max(left, rule[1])
            if overlap >= 0.5 * min(right - left, rule[2] - rule[1]):
                groups[-1].append(rule)
                continue
        groups.append([rule])
    return [
        [r[:3] for r in g] for g in groups
        if len(g) >= 3 and sum(r[3] for r in g) >= MIN_DRAWN_RULES
    ]


def _table_from_rules(group, words: list[Word], taken, page: int) -> Table | None:
    x0 = min(r[1] for r in group)
    x1 = max(r[2] for r in group)
    free = [
        w
        for w in words
        if x0 - 3 <= w.x0
        and w.x1 <= x1 + 3
        and not any(b[0] <= w.x0 and w.x1 <= b[2] and b[1] <= (w.top + w.bottom) / 2 <= b[3]
                    for b in taken)
    ]
    rules = list(group)
    # Rules drawn only below rows leave the header above the first rule, and a row cut by
    # the page end below the last: take the lines that sit tight against the outer rules.
    # Right under another table (a shaded header grid), the rows start at its foot.
    foot = max(
        (b[3] for b in taken
         if min(b[2], x1) - max(b[0], x0) > 0.5 * (x1 - x0) and 0 < rules[0][0] - b[3] < 400),
        default=None,
    )
    packed = adjacent_edge(free, rules[0][0], upward=True)
    near = foot is not None and (packed is None or packed - foot < 25)
    above = foot if near else packed
    below = adjacent_edge(free, rules[-1][0], upward=False)
    if above is not None:
        rules.insert(0, (above, x0, x1))
    if below is not None:
        rules.append((below, x0, x1))
    bands = [
        (upper[0], lower[0], [w for w in free if upper[0] <= (w.top + w.bottom) / 2 <= lower[0]])
        for upper, lower in zip(rules, rules[1:], strict=False)
    ]
    if sum(1 for b in bands if b[2]) < 2:
        return None
    # Columns come from the rows between real rules when there are enough of them: lines
    # borrowed from above or below must not decide the gutters.
    first = 1 if above is not None else 0
    last = len(bands) - (1 if below is not None else 0)
    between = [b[2] for b in bands[first:last] if b[2]]
    basis = between if len(between) >= 2 else [b[2] for b in bands if b[2]]
    inner = _column_lines(basis, rules, x0, x1)
    if not inner:
        return None
    if above is not None and first:
        bands[0], rules[0] = _trim_prose(bands[0], rules[0], inner, from_top=True)
    if below is not None and last < len(bands):
        bands[-1], rules[-1] = _trim_prose(bands[-1], rules[-1], inner, from_top=False)
    # With the prose gone, every row (header band included) settles the gutters.
    inner = _column_lines([b[2] for b in bands if b[2]], rules, x0, x1) or inner
    edges = [x0, *inner, x1]
    rows = []
    for i, (_top, _bottom, band_words) in enumerate(bands):
        row = _row(i, bands, rules, band_words, edges, page)
        if any(not c.continued for c in row.cells):
            rows.append(row)
    return Table(
        rows=rows,
        n_cols=len(edges) - 1,
        page=page,
        col_edges=edges,
        top=rules[0][0],
        bottom=rules[-1][0],
        ruled="horizontal",
    )


def _gutters(bands: list[list[Word]], x0: float, x1: float) -> list[tuple[float, float]]:
    """Vertical white strips (left, right) that (almost) every row leaves empty."""
    width = int(x1 - x0) + 1
    counts = [0] * width
    for band in bands:
        covered = [False] * width
        for w in band:
            for x in range(max(0, int(w.x0 - x0)), min(width, int(w.x1 - x0) + 1)):
                covered[x] = True
        for x, hit in enumerate(covered):
            counts[x] += hit
    # One or two rows may cross a gutter: a section title or a header spanning columns.
    allowed = max(0, min(2, len(bands) // 6))
    start_text = next((i for i, c in enumerate(counts) if c > allowed), 0)
    end_text = max((i for i, c in enumerate(counts) if c > allowed), default=width - 1)
    gutters = []
    run_start = None
    for x in range(start_text, end_text + 1):
        if counts[x] <= allowed:
            run_start = x if run_start is None else run_start
        elif run_start is not None:
            if x - run_start >= MIN_GUTTER:
                gutters.append((x0 + run_start, x0 + x))
            run_start = None
    return gutters


def _column_lines(bands: list[list[Word]], rules, x0: float, x1: float) -> list[float]:
    """Inner column lines: inside a gutter, a rule's end marks the line exactly (rules stop
    at merged cells); otherwise the gutter's middle."""
    # A section title (one short line in a band of its own) crosses gutters without
    # being a row of columns: it does not get to close them.
    titled = [b for b in bands if not _is_title(b, x1 - x0)]
    bands = titled if len(titled) >= 2 else bands
    ends = sorted({r[1] for r in rules} | {r[2] for r in rules})
    words = [w for band in bands for w in band]
    return [
        next((e for e in ends if lo - 2 <= e <= hi + 2), None) or _clear_point(words, lo, hi)
        for lo, hi in _gutters(bands, x0, x1)
    ]


def _clear_point(words: list[Word], lo: float, hi: float) -> float:
    """The gutter's middle, or the point nearest it that no word crosses: a header word that
    reaches into the gutter ("Concern" over a narrow number column) keeps its own column."""
    middle = (lo + hi) / 2

    def crossed(x: float) -> bool:
        return any(w.x0 < x - 1 and w.x1 > x + 1 for w in words)

    if not crossed(middle):
        return middle
    steps = int((hi - lo) / 2)
    for step in range(1, steps + 1):
        for x in (middle - step, middle + step):
            if lo <= x <= hi and not crossed(x):
                return x
    return middle


def _is_title(words: list[Word], width: float) -> bool:
    lines = words_to_lines(words, None)
    span = max(w.x1 for w in words) - min(w.x0 for w in words)
    return len(lines) == 1 and span < 0.4 * width


def _trim_prose(band, rule, inner: list[float], *, from_top: bool):
    """Drop borrowed lines that run across the column gutters: text outside the table."""
    top, bottom, words = band
    lines = words_to_lines(words, None)
    order = lines if from_top else list(reversed(lines))
    kept = list(order)
    for line, members in order:
        if not any(w.x0 < x - 1 and w.x1 > x + 1 for w in members for x in inner):
            break
        kept.remove((line, members))
    remaining = [w for _, members in kept for w in members]
    if not remaining:
        edge = bottom if from_top else top
        return (edge, edge, []), (edge, rule[1], rule[2])
    if from_top:
        top = min(w.top for w in remaining) - 1
        return (top, bottom, remaining), (top, rule[1], rule[2])
    bottom = max(w.bottom for w in remaining) + 1
    return (top, bottom, remaining), (bottom, rule[1], rule[2])


def _covers(rule: tuple[float, float, float], left: float, right: float) -> bool:
    return rule[1] <= left + 3 and rule[2] >= right - 3


def _row(index: int, bands, rules, words: list[Word], edges: list[float], page: int) -> Row:
    """Cells starting in band ``index``; a column no rule closes runs on into the next bands."""
    top, bottom = bands[index][0], bands[index][1]
    # An edge crossed by a word joins the columns either side into one cell.
    blocked = {
        i
        for i in range(1, len(edges) - 1)
        if any(w.x0 < edges[i] - 1 and w.x1 > edges[i] + 1 for w in words)
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
            for w in b[2]
            if left <= (w.x0 + w.x1) / 2 < right
        ]
        paragraphs = lines_to_paragraphs(words_to_lines(mine, page), left, right, page)
        cells.append(
            Cell(paragraphs, col=col, span=end - col, page=page, x0=left, top=top, x1=right,
                 bottom=bands[last][1])
        )
        col = end
    return Row(cells=cells, page=page, top=top, bottom=bottom)


def band_table(
    top: float, bottom: float, x0: float, x1: float, words: list[Word], page: int
) -> Table | None:
    """The words between two rules as a one-row table, when they leave white gutters between
    columns (a table drawn with rules only, holding a single row); None otherwise."""
    mine = [w for w in words if x0 - 3 <= w.x0 and w.x1 <= x1 + 3
            and top <= (w.top + w.bottom) / 2 <= bottom]
    if not mine:
        return None
    rules = [(top, x0, x1), (bottom, x0, x1)]
    inner = _column_lines([mine], rules, x0, x1)
    if not inner:
        return None
    edges = [x0, *inner, x1]
    row = _row(0, [(top, bottom, mine)], rules, mine, edges, page)
    return Table(rows=[row], n_cols=len(edges) - 1, page=page, col_edges=edges, top=top,
                 bottom=bottom, ruled="horizontal")
