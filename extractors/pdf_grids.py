"""Ruled grids from explicit rules: pdfplumber's table finder, its cell search made cheap.

pdfplumber's ``TableFinder`` with the "explicit" strategies merges the rules (snap, join),
finds where they cross, turns the crossings into cells and the cells into tables. Its
cell search (``intersections_to_cells``) rebuilds the sets of edges at two crossings for
every pair it tests and scans every later crossing for each one: most of the finder's
time on a page of grids. ``grid_cells`` runs the same steps with pdfplumber's own
functions, except that search, which it does over the same crossings in the same order
with each crossing's edge sets built once and its column and row looked up, not scanned,
so it finds the same cells (tests/extractors/test_pdf_grids.py holds the two together).
Two more of its steps are redone the same way: the crossings (its
``edges_to_intersections`` sorts the horizontal edges again for every vertical one) and
the grouping of cells into tables (its ``cells_to_tables`` removes each cell it takes from
a list, by equality).
"""

from __future__ import annotations

from operator import itemgetter
from typing import Any

from pdfplumber.table import (
    TableSettings,
    cells_to_tables,
    intersections_to_cells,
    merge_edges,
)
from pdfplumber.utils.geometry import filter_edges, obj_to_bbox, obj_to_edges

Bbox = tuple[Any, Any, Any, Any]
Point = tuple[Any, Any]


def grid_cells(vertical: list[dict[str, Any]], horizontal: list[dict[str, Any]],
               settings: dict[str, Any]) -> list[list[Bbox]]:
    """The cells (x0, top, x1, bottom) of each table pdfplumber's ``find_tables`` finds
    with ``settings`` and the explicit ``vertical`` and ``horizontal`` rules (edge dicts,
    two or more of each), tables in pdfplumber's order."""
    resolved = TableSettings.resolve({
        **settings,
        "vertical_strategy": "explicit",
        "horizontal_strategy": "explicit",
        "explicit_vertical_lines": vertical,
        "explicit_horizontal_lines": horizontal,
    })
    # TableFinder.get_edges for explicit edge dicts (its page is never consulted for them).
    edges = [e for d in vertical for e in obj_to_edges(d) if e["orientation"] == "v"]
    edges += [e for d in horizontal for e in obj_to_edges(d) if e["orientation"] == "h"]
    edges = merge_edges(edges, snap_x_tolerance=resolved.snap_x_tolerance,
                        snap_y_tolerance=resolved.snap_y_tolerance,
                        join_x_tolerance=resolved.join_x_tolerance,
                        join_y_tolerance=resolved.join_y_tolerance)
    edges = filter_edges(edges, min_length=resolved.edge_min_length)
    intersections = crossings(edges, resolved.intersection_x_tolerance,
                              resolved.intersection_y_tolerance)
    return tables_of_cells(intersections_cells(intersections))


def crossings(edges: list[dict[str, Any]], x_tolerance: Any, y_tolerance: Any
              ) -> dict[Point, dict[str, list[dict[str, Any]]]]:
    """pdfplumber's ``edges_to_intersections``, the same dict in the same order: the
    horizontal edges sorted once, not once per vertical edge."""
    v_edges = [e for e in edges if e["orientation"] == "v"]
    h_edges = sorted((e for e in edges if e["orientation"] == "h"), key=_by_top)
    found: dict[Point, dict[str, list[dict[str, Any]]]] = {}
    for v in sorted(v_edges, key=_by_x):
        v_top, v_bottom, v_x = v["top"], v["bottom"], v["x0"]
        for h in h_edges:
            h_top = h["top"]
            # pdfplumber's test, term for term.
            if (v_top <= h_top + y_tolerance and v_bottom >= h_top - y_tolerance
                    and v_x >= h["x0"] - x_tolerance and v_x <= h["x1"] + x_tolerance):
                vertex = (v_x, h_top)
                if vertex not in found:
                    found[vertex] = {"v": [], "h": []}
                found[vertex]["v"].append(v)
                found[vertex]["h"].append(h)
    return found


_by_x = itemgetter("x0", "top")
_by_top = itemgetter("top", "x0")


def tables_of_cells(cells: list[Bbox]) -> list[list[Bbox]]:
    """pdfplumber's ``cells_to_tables``, the same tables with their cells in the same
    order: cells added to the growing table pass by pass while they share a corner with
    it, then the next table; a pass drops the cells it took at its end, not one by one."""
    if any(v != v for cell in cells for v in cell):  # v != v: v is NaN
        return cells_to_tables(cells)  # NaN never equals itself: pdfplumber's comparison
    remaining = list(cells)
    corners: set[Point] = set()
    current: list[Bbox] = []
    tables = []
    while remaining:
        before = len(current)
        left = []
        for cell in remaining:
            x0, top, x1, bottom = cell
            own = ((x0, top), (x0, bottom), (x1, top), (x1, bottom))
            if not current or any(c in corners for c in own):
                corners.update(own)
                current.append(cell)
            else:
                left.append(cell)
        remaining = left
        if len(current) == before:
            tables.append(list(current))
            corners.clear()
            current.clear()
    if current:
        tables.append(list(current))
    ordered = sorted(tables, key=lambda t: min((c[1], c[0]) for c in t))
    return [t for t in ordered if len(t) > 1]


def _edge_boxes(intersections: dict[Point, dict[str, list[dict[str, Any]]]],
                points: list[Point], orientation: str) -> dict[Point, set[Bbox]]:
    """Each crossing's set of edge boxes of one orientation; an edge crosses many others,
    so its box is taken once."""
    boxes: dict[int, Bbox] = {}
    found = {}
    for p in points:
        own = set()
        for e in intersections[p][orientation]:
            box = boxes.get(id(e))
            if box is None:
                box = boxes[id(e)] = obj_to_bbox(e)
            own.add(box)
        found[p] = own
    return found


def intersections_cells(intersections: dict[Point, dict[str, list[dict[str, Any]]]]
                        ) -> list[Bbox]:
    """pdfplumber's ``intersections_to_cells``, the same result: for each crossing in
    sorted order, the smallest cell it is the top-left corner of, if any."""
    if any(x != x or y != y for x, y in intersections):  # x != x: x is NaN
        # NaN never equals itself: grouping crossings by position would not be pdfplumber's
        # comparison, so leave such a page to pdfplumber.
        return intersections_to_cells(intersections)
    points = sorted(intersections)
    # Two crossings are joined by an edge when they share one (pdfplumber compares the
    # edges' boxes): each crossing's set of vertical and horizontal edge boxes, once.
    v_edges = _edge_boxes(intersections, points, "v")
    h_edges = _edge_boxes(intersections, points, "h")
    # The crossings after a point in sorted order with its x are those below it, top down;
    # those with its y, the ones right of it, left to right.
    columns: dict[Any, list[Point]] = {}
    rows: dict[Any, list[Point]] = {}
    for p in points:
        columns.setdefault(p[0], []).append(p)
        rows.setdefault(p[1], []).append(p)
    at_column = {p: i for column in columns.values() for i, p in enumerate(column)}
    at_row = {p: i for row in rows.values() for i, p in enumerate(row)}
    cells: list[Bbox] = []
    for pt in points:
        column, row = columns[pt[0]], rows[pt[1]]
        below = column[at_column[pt] + 1:]
        right = row[at_row[pt] + 1:]
        if not below or not right:
            continue
        own_v, own_h = v_edges[pt], h_edges[pt]
        joined_right: list[Point] | None = None  # found once a point below is joined
        cell = None
        for below_pt in below:
            if own_v.isdisjoint(v_edges[below_pt]):
                continue
            if joined_right is None:
                joined_right = [r for r in right if not own_h.isdisjoint(h_edges[r])]
            for right_pt in joined_right:
                corner = (right_pt[0], below_pt[1])
                if (corner in intersections
                        and not v_edges[corner].isdisjoint(v_edges[right_pt])
                        and not h_edges[corner].isdisjoint(h_edges[below_pt])):
                    cell = (pt[0], pt[1], corner[0], corner[1])
                    break
            if cell is not None:
                break
        if cell is not None:
            cells.append(cell)
    return cells
